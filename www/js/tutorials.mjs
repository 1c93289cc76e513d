// Bundles the tutorial track's files into one `tutorials.json` ({"01-first-pass/start/input.json":
// text, …}), which the page fetches before it starts (src/ui/tutorial_files.rs) instead of carrying
// the texts in its wasm. Run by trunk as a pre-build hook, which gives the staging directory to
// write into; `node www/js/tutorials.mjs OUTDIR` works by hand.

import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const tutorials = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../tutorials");
const outdir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!outdir) throw new Error("usage: node www/js/tutorials.mjs OUTDIR (trunk sets TRUNK_STAGING_DIR)");

// Every file of every exercise folder (`NN-id/`); the catalog (src/tutorial/catalog.rs) names the
// ones it reads.
const bundle = {};
for (const folder of (await readdir(tutorials, { withFileTypes: true })).filter((d) => d.isDirectory() && /^\d+-/.test(d.name))) {
  for (const file of await readdir(path.join(tutorials, folder.name), { recursive: true, withFileTypes: true })) {
    if (!file.isFile()) continue;
    const full = path.join(file.parentPath, file.name);
    bundle[path.relative(tutorials, full).split(path.sep).join("/")] = await readFile(full, "utf8");
  }
}
await writeFile(path.join(outdir, "tutorials.json"), JSON.stringify(bundle));
