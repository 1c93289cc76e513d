// Bundles the page's JavaScript into one file, `glue.js`. Run by trunk as a pre-build hook, which
// gives the staging directory to write into; `node www/js/build.mjs OUTDIR` works by hand.
//
// The mock worker is bundled first and inlined as a string into the sandboxed frame that hosts it:
// the frame creates it from a Blob URL (its origin is opaque, so it could not load a script from the
// page's origin). The frame is its own document, `mock-frame.html`, rather than an iframe `srcdoc`,
// because a `srcdoc` document (and a Blob worker) would inherit the page's Content-Security-Policy,
// which forbids the `eval` that runs mock code; the frame's own policy allows only that.

import * as esbuild from "esbuild";
import { createHash } from "node:crypto";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const outdir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!outdir) throw new Error("usage: node www/js/build.mjs OUTDIR (trunk sets TRUNK_STAGING_DIR)");
const release = process.env.TRUNK_PROFILE === "release";

async function bundle(entry, define = {}, extra = {}) {
  const result = await esbuild.build({
    entryPoints: [path.join(here, entry)],
    bundle: true,
    format: "iife",
    target: "es2022",
    minify: release,
    write: false,
    define,
    logLevel: "warning",
    ...extra,
  });
  return result.outputFiles?.[0]?.text;
}

const worker = await bundle("mock-worker.js");
const frame = (await bundle("mock-frame.js", { WORKER_SOURCE: JSON.stringify(worker) })).replace(/<\/script/gi, "<\\/script");
const frameHash = createHash("sha256").update(frame).digest("base64");
// No network, no storage, no nested frames: only the frame's own script, `eval` (in the worker,
// which inherits this policy) and the worker itself from a Blob URL.
const framePolicy = `default-src 'none'; script-src 'sha256-${frameHash}' 'unsafe-eval'; worker-src blob:; base-uri 'none'; form-action 'none'`;
await writeFile(
  path.join(outdir, "mock-frame.html"),
  `<!doctype html><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${framePolicy}"><script>${frame}</script>\n`,
);
await bundle("main.js", {}, { write: true, outfile: path.join(outdir, "glue.js") });
