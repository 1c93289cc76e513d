// An internal error must not leave a dead page: it is shown, with a bug report to copy that
// carries what was in the editors.

import { test } from "node:test";
import assert from "node:assert/strict";
import { browserSuite, screenshot, setText } from "./harness.mjs";

const suite = browserSuite();

test("a wasm trap shows the error and a bug report with the editors' texts", async () => {
  const page = await suite.open();
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await setText(page, "Input", '{"reproduce": "me"}');
  // What the browser reports when the wasm module traps (a panic that got past the hook).
  await page.evaluate(() => setTimeout(() => { throw new WebAssembly.RuntimeError("unreachable"); }));
  const banner = page.locator("#fatal");
  await banner.waitFor();
  assert.match(await banner.textContent(), /internal error and stopped: RuntimeError: unreachable/);
  await banner.getByRole("button", { name: "Copy bug report" }).click();
  await banner.getByRole("button", { name: "Copied" }).waitFor();
  const report = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(report, /RuntimeError: unreachable/);
  assert.match(report, /### Input\n\n```\n\{"reproduce": "me"\}\n```/);
  assert.match(report, /### Definition\n\n```\n\{/);
  await screenshot(page, "fatal-banner");
});
