// The editors save themselves in the browser: a reload brings back what was typed, and runs it.

import { test } from "node:test";
import assert from "node:assert/strict";
import { browserSuite, getText, openSample, run, screenshot, setText } from "./harness.mjs";

const suite = browserSuite();

test("a reload restores the editors", async () => {
  const page = await suite.open();
  const input = '{\n  "who": "a reload"\n}';
  const mocks = 'mocks({\n  "step-functions-lambda": (event) => ({ statusCode: 200, body: "Hello again from " + event.who }),\n});';
  await setText(page, "Input", input);
  await setText(page, "Mocks", mocks);

  await page.reload();
  await page.locator(".cm-editor").first().waitFor();
  assert.equal(await getText(page, "Input"), input);
  assert.equal(await getText(page, "Mocks"), mocks);
  assert.equal(await page.locator(".hint").count(), 0, "the first-visit hint is gone");

  // Ctrl+Enter in an editor runs.
  await page.locator('.editor[data-pane="Definition"] .cm-content').click();
  await page.keyboard.press("Control+Enter");
  await page.locator(".result .status.succeeded").waitFor();
  const output = JSON.parse(await page.locator(".result .output").first().textContent());
  assert.deepEqual(output, { statusCode: 200, body: "Hello again from a reload" });
  await screenshot(page, "reload-restored");
});

test("the last run is shown again after a reload, until another workspace is opened", async () => {
  const errors = [];
  const page = await suite.open(errors, "#sample=employee-lottery");
  await page.locator('.hint[data-sample="employee-lottery"]').waitFor();
  await page.locator(".player .speed select").selectOption("instant");
  assert.equal(await run(page), "SUCCEEDED");
  const output = await page.locator(".result .output").first().textContent();
  const events = await page.locator(".events h3").textContent();
  const services = await page.locator(".result .output").nth(1).textContent();

  await page.reload();
  await page.locator(".result .status.succeeded").waitFor();
  assert.equal(await page.locator(".result .output").first().textContent(), output);
  assert.equal(await page.locator(".events h3").textContent(), events);
  assert.equal(await page.locator(".result .output").nth(1).textContent(), services, "the built-in services' state too");
  assert.equal(await page.locator('svg.graph .node[data-state="Validate Winners"]').getAttribute("data-status"), "succeeded");
  // The inspector reads the restored run too.
  await page.locator('svg.graph .node[data-state="Validate Winners"]').click();
  await page.locator('.panel-tabs [data-tab="Inspector"]').click();
  await page.locator('.stage[data-stage="Input"]').first().waitFor();
  await screenshot(page, "reload-last-run");

  await openSample(page, "hello-lambda");
  await page.reload();
  await page.locator(".cm-editor").first().waitFor();
  await page.waitForTimeout(300);
  assert.equal(await page.locator(".result .status.succeeded").count(), 0, "another workspace's run is not shown");
  assert.deepEqual(errors, []);
});
