// Completes the page's Content-Security-Policy after trunk wrote index.html: trunk inlines the
// script that starts the wasm, so the policy lists that script's hash in place of the
// INLINE_SCRIPT_HASHES mark in www/index.html (an inline script is otherwise refused).
// Run by trunk as a post-build hook; `node www/js/csp.mjs DIR` works by hand.

import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

const MARK = "INLINE_SCRIPT_HASHES";
const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("usage: node www/js/csp.mjs DIR (trunk sets TRUNK_STAGING_DIR)");
const file = path.join(dir, "index.html");
const html = await readFile(file, "utf8");
const policy = new RegExp(`(<meta http-equiv="Content-Security-Policy"\\s+content="[^"]*)${MARK}`);
if (!policy.test(html)) throw new Error(`${file}: its Content-Security-Policy has no ${MARK} to fill in`);

const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
  ([, body]) => `'sha256-${createHash("sha256").update(body).digest("base64")}'`,
);
if (hashes.length === 0) throw new Error(`${file}: no inline script found; the wasm would not start`);
await writeFile(file, html.replace(policy, `$1${hashes.join(" ")}`));
