// Nothing is lost and everything travels: the gallery opens samples with Undo, Recent brings back
// replaced workspaces, share links open the same workspace elsewhere (and broken ones change
// nothing), old saves load, and Export downloads each file.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { browserSuite, getText, openSample, run, screenshot, setText } from "./harness.mjs";

const suite = browserSuite();
const file = (path) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");

const mine = '{\n  "Comment": "mine",\n  "StartAt": "Only",\n  "States": { "Only": { "Type": "Pass", "End": true } }\n}';

/** The share link the Share popover shows, and the length it states. */
async function shareLink(page) {
  await page.locator("button.share").click();
  const link = await page.locator(".share-link").inputValue();
  const length = await page.locator(".share-meta .length").textContent();
  return { link, length };
}

test("the gallery opens a sample, Undo brings the work back, and Recent keeps both", async () => {
  const errors = [];
  const page = await suite.open(errors);
  await setText(page, "Definition", mine);
  await page.locator("button.samples").click();
  await page.locator('.gallery .card[data-sample="employee-lottery"] .tag', { hasText: "Retry" }).waitFor();
  await screenshot(page, "share-gallery");
  await page.locator('.gallery .card[data-sample="choice-routing"]').click();
  await page.locator(".hint", { hasText: "enterprise customer" }).waitFor();
  assert.match(await getText(page, "Definition"), /"Type": "Choice"/);
  await page.locator(".notice", { hasText: "Choice rules" }).waitFor();
  await screenshot(page, "share-undo");

  await page.locator(".notice button.undo").click();
  assert.equal(await getText(page, "Definition"), mine);
  assert.equal(await page.locator(".notice").count(), 0);

  // The sample went to Recent when Undo brought the work back; and back again.
  await page.locator("button.recent").click();
  await screenshot(page, "share-recent");
  await page.locator(".recent-item", { hasText: "Choice rules" }).click();
  assert.match(await getText(page, "Definition"), /"Type": "Choice"/);
  await page.locator("button.recent").click();
  await page.locator(".recent-item", { hasText: "mine" }).click();
  assert.equal(await getText(page, "Definition"), mine);
  // A reload keeps the workspace open last.
  await page.reload();
  await page.locator(".cm-editor").first().waitFor();
  assert.equal(await getText(page, "Definition"), mine);
  assert.deepEqual(errors, []);
});

test("a share link opens the same workspace in a fresh browser", async () => {
  const errors = [];
  const page = await suite.open(errors);
  const input = '{\n  "who": "a friend"\n}';
  const mocks = 'mocks({\n  "step-functions-lambda": (event) => ({ statusCode: 200, body: "Hi " + event.who }),\n});';
  await setText(page, "Input", input);
  await setText(page, "Mocks", mocks);
  const definition = await getText(page, "Definition");
  const { link, length } = await shareLink(page);
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/#v1=\d+\./);
  assert.equal(length, `${link.length} characters`);
  await page.locator(".share-box button.copy").click();
  await page.locator(".share-meta .copied").waitFor();
  await screenshot(page, "share-popover");

  const other = await suite.open(errors, link.slice(link.indexOf("#")));
  await other.locator(".cm-editor").first().waitFor();
  await other.waitForFunction(() => location.hash === "");
  assert.equal(await getText(other, "Definition"), definition);
  assert.equal(await getText(other, "Input"), input);
  assert.equal(await getText(other, "Mocks"), mocks);
  assert.equal(await run(other), "SUCCEEDED");
  assert.deepEqual(JSON.parse(await other.locator(".result .output").textContent()), { statusCode: 200, body: "Hi a friend" });
  assert.deepEqual(errors, []);
});

test("a cut link says so and leaves the saved workspace as it was", async () => {
  const errors = [];
  const page = await suite.open(errors);
  const { link } = await shareLink(page);
  await page.keyboard.press("Escape");
  const input = '{\n  "who": "kept"\n}';
  await setText(page, "Input", input);
  const cut = link.slice(0, link.length - 20);
  // Pasted into the address bar of the open page (a fragment change) ...
  await page.goto(cut);
  await page.locator(".notice.error", { hasText: "This link is incomplete" }).waitFor();
  assert.equal(await getText(page, "Input"), input);
  await screenshot(page, "share-broken-link");
  // ... and opened afresh.
  await page.reload();
  await page.locator(".cm-editor").first().waitFor();
  await page.locator(".notice.error", { hasText: "Your own workspace is unchanged" }).waitFor();
  assert.equal(await getText(page, "Input"), input);
  assert.deepEqual(errors, []);
});

test("#sample= and #exercise= links open them, also when the address changes", async () => {
  const errors = [];
  const page = await suite.open(errors, "#sample=employee-lottery");
  await page.locator(".hint", { hasText: "draw two winners" }).waitFor();
  assert.equal((await getText(page, "Definition")).trim(), file("samples/employee-lottery/definition.asl.json").trim());
  await page.evaluate(() => { location.hash = "#sample=batch-job"; });
  await page.locator(".hint", { hasText: "Batch job runs" }).waitFor();
  assert.equal((await getText(page, "Definition")).trim(), file("samples/batch-job/definition.asl.json").trim());
  await page.locator(".notice", { hasText: "Batch job with Lambda" }).waitFor();

  const learner = await suite.open(errors, "#exercise=first-pass");
  await learner.waitForFunction(() => location.hash === "");
  assert.equal((await getText(learner, "Definition")).trim(), file("tutorials/01-first-pass/start/definition.asl.json").trim());
  assert.deepEqual(errors, []);
});

test("a save in the old format (aslplay.editors.v1) loads", async () => {
  const errors = [];
  const page = await suite.open(errors);
  const old = { definition: mine, input: '{"from": "the old format"}', mocks: "mocks({});" };
  await page.locator(".hint").waitFor(); // the first visit's sample has arrived (and was saved)
  await page.evaluate((old) => {
    localStorage.clear();
    localStorage.setItem("aslplay.editors.v1", JSON.stringify(old));
  }, old);
  await page.reload();
  await page.locator(".cm-editor").first().waitFor();
  assert.equal(await getText(page, "Definition"), old.definition);
  assert.equal(await getText(page, "Input"), old.input);
  assert.equal(await getText(page, "Mocks"), old.mocks);
  const saved = JSON.parse(await page.evaluate(() => localStorage.getItem("aslplay.workspaces.v2")));
  assert.equal(saved.version, 2);
  assert.equal(saved.current.definition, old.definition);
  assert.deepEqual(errors, []);
});

test("each Export item downloads its file", async () => {
  const errors = [];
  const page = await suite.open(errors);
  await page.locator("button.export").click();
  await page.locator('.export-item[data-kind="History"]').click();
  await page.locator(".export-status.error", { hasText: "Run the state machine first" }).waitFor();
  await page.keyboard.press("Escape");

  assert.equal(await run(page), "SUCCEEDED");
  await page.locator("button.export").click();
  await screenshot(page, "share-export");
  const expected = {
    Definition: ["hello-lambda.asl.json", (t) => JSON.parse(t).StartAt],
    MockConfig: ["hello-lambda.mock-config.json", (t) => JSON.parse(t).StateMachines["hello-lambda"].TestCases.Recorded],
    History: ["hello-lambda.history.json", (t) => JSON.parse(t).events[0].type === "ExecutionStarted"],
    Graph: ["hello-lambda.svg", (t) => t.startsWith("<svg") && t.includes("</svg>")],
    Sam: ["template.yaml", (t) => t.includes("AWS::Serverless::StateMachine") && t.includes('"StartAt"')],
  };
  for (const [kind, [name, check]] of Object.entries(expected)) {
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator(`.export-item[data-kind="${kind}"]`).click()]);
    assert.equal(download.suggestedFilename(), name);
    const text = readFileSync(await download.path(), "utf8");
    assert.ok(text.length > 0 && check(text), `${kind}: ${text.slice(0, 200)}`);
  }
  assert.deepEqual(errors, []);
});
