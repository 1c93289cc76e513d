// Every sample, opened from the Samples gallery, runs in the page to the outcome its README states
// (the line "**Outcome:** `STATUS`"), as it does in the CLI (tests/samples.rs).

import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { browserSuite, openSample, run, screenshot } from "./harness.mjs";

const suite = browserSuite();
const samples = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../samples");

for (const id of readdirSync(samples).filter((d) => existsSync(path.join(samples, d, "mocks.js")))) {
  const readme = readFileSync(path.join(samples, id, "README.md"), "utf8");
  const expected = readme.match(/\*\*Outcome:\*\* `([A-Z_]+)`/)?.[1] ?? "SUCCEEDED";

  test(`the sample ${id} runs to ${expected}`, async () => {
    const errors = [];
    const page = await suite.open(errors);
    await openSample(page, id);
    await page.locator(".hint", { hasText: readme.match(/^# (.+)$/m)[1] }).waitFor();
    assert.equal(await page.locator(".editors .problem").count(), 0, "the sample has no problems");
    assert.equal(await run(page, { timeout: 30000 }), expected);
    await page.locator(".events tr.current").last().waitFor({ timeout: 10000 });
    await screenshot(page, `sample-${id}`);
    assert.deepEqual(errors, []);
  });
}
