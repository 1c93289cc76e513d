// A Step Functions Local mock configuration in the Mocks pane: imported from a file, kept with the
// workspace, its test case picked for Run (and kept); a configuration naming an unknown state is a located
// problem and the run does not start.

import { test } from "node:test";
import assert from "node:assert/strict";
import { browserSuite, getText, run, screenshot, setText } from "./harness.mjs";

const suite = browserSuite();

const DEFINITION = JSON.stringify({
  StartAt: "Hello",
  States: { Hello: { Type: "Task", Resource: "arn:aws:states:::lambda:invoke", OutputPath: "$.Payload", End: true } },
}, null, 2);

const CONFIG = JSON.stringify({
  StateMachines: { Hello: { TestCases: { Happy: { Hello: "Greets" }, Sad: { Hello: "Fails" } } } },
  MockedResponses: {
    Greets: { 0: { Return: { Payload: { greeting: "hi from the mock config" } } } },
    Fails: { "0-1": { Throw: { Error: "Lambda.ServiceException", Cause: "down" } } },
  },
}, null, 2);

test("an imported mock configuration answers the Tasks of the test case picked", async () => {
  const errors = [];
  const page = await suite.open(errors);
  await setText(page, "Definition", DEFINITION);
  await page.locator('.tab[data-pane="Mocks"]').click();
  await page.locator(".mock-config-bar .import-config input").setInputFiles({ name: "mock-config.json", mimeType: "application/json", buffer: Buffer.from(CONFIG) });
  await page.locator(".mock-config-bar .test-case select").waitFor();
  assert.equal(await getText(page, "Mocks"), CONFIG);
  assert.deepEqual(await page.locator(".mock-config-bar option").allTextContents(), ["Happy", "Sad"]);
  assert.equal(await page.locator(".editors .problem").count(), 0);

  assert.equal(await run(page), "SUCCEEDED");
  assert.deepEqual(JSON.parse(await page.locator(".result .output").textContent()), { greeting: "hi from the mock config" });
  await screenshot(page, "mock-config-imported");

  await page.locator(".mock-config-bar .test-case select").selectOption("Sad");
  assert.equal(await run(page), "FAILED");
  assert.equal(await page.locator(".result .error-name code").textContent(), "Lambda.ServiceException");

  // Kept with the workspace.
  await page.waitForTimeout(600);
  await page.reload();
  await page.locator(".cm-editor").first().waitFor();
  assert.equal(await getText(page, "Mocks"), CONFIG);
  await page.locator('.tab[data-pane="Mocks"]').click();
  assert.equal(await page.locator(".mock-config-bar .test-case select").inputValue(), "Sad", "the test case picked is kept too");
  assert.equal(await run(page), "FAILED");
  assert.deepEqual(errors, []);
});

test("importing a mock configuration keeps the JavaScript mocks it replaces, and Undo brings them back", async () => {
  const errors = [];
  const page = await suite.open(errors);
  await setText(page, "Definition", DEFINITION);
  const handlers = 'mocks({ Hello: () => ({ greeting: "hi from JavaScript" }) });';
  await setText(page, "Mocks", handlers);
  await page.locator(".mock-config-bar .import-config input").setInputFiles({ name: "mock-config.json", mimeType: "application/json", buffer: Buffer.from(CONFIG) });
  await page.locator(".mock-config-bar .test-case select").waitFor();
  assert.match(await page.locator(".notice").textContent(), /Imported the mock configuration.*kept under Recent/);
  await page.locator(".notice button.undo").click();
  await page.locator(".mock-config-bar .test-case select").waitFor({ state: "detached" });
  assert.equal(await getText(page, "Mocks"), handlers);
  assert.deepEqual(errors, []);
});

test("a mock configuration naming an unknown state or a bad range is a located problem", async () => {
  const page = await suite.open();
  await setText(page, "Definition", DEFINITION);
  await setText(page, "Mocks", CONFIG.replace('"Hello": "Greets"', '"Helo": "Greets"'));
  const problem = page.locator(".editors .problem", { hasText: "Mock configuration" });
  await problem.waitFor();
  assert.match(await problem.textContent(), /^Mocks 6:11.*"Helo", which is not a Task state of this definition/);
  assert.equal(await run(page), "NOT STARTED");
  await screenshot(page, "mock-config-unknown-state");

  await setText(page, "Mocks", CONFIG.replace('"0-1"', '"0-x"'));
  assert.match(await page.locator(".editors .problem", { hasText: "Mock configuration" }).textContent(), /"0-x" is not a call index/);
  await setText(page, "Mocks", CONFIG.slice(0, -3));
  assert.match(await page.locator(".editors .problem").first().textContent(), /The mock configuration is not JSON/);
});
