// A run waiting on a task token nobody sends lists it under "Pending callbacks": Approve sends
// SendTaskSuccess and the stock-trading sample (its approver mock removed) finishes SUCCEEDED;
// Reject sends SendTaskFailure and it fails with the given error and cause; output that is not
// JSON is refused and the run keeps waiting.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { browserSuite, openSample, setText, screenshot } from "./harness.mjs";

const suite = browserSuite();
const mocks = readFileSync(new URL("../../samples/stock-trading/mocks.js", import.meta.url), "utf8");
const withoutApprover = mocks.replace(/ {2}"Request Human Approval":[\s\S]*?\n {2}},\n/, "");

/** Opens the stock-trading sample without its approver and runs it until it waits. */
async function waiting() {
  const errors = [];
  const page = await suite.open(errors);
  await openSample(page, "stock-trading");
  assert.ok(!withoutApprover.includes("sendTaskSuccess"), "the approver is removed");
  await setText(page, "Mocks", withoutApprover);
  await page.locator("button.run").click();
  const card = page.locator('.callbacks .callback[data-state="Request Human Approval"]');
  await card.waitFor({ timeout: 15000 });
  assert.equal((await page.locator(".result .status").textContent()).trim(), "RUNNING");
  const token = await card.locator(".token").textContent();
  assert.match(await card.locator(".message").textContent(), new RegExp(`"TaskToken": "${token}"`));
  assert.match(await page.locator(".services pre").textContent(), /RequestHumanApprovalSqs/);
  return { page, card, errors };
}

test("Approve sends the task token back and the run succeeds", async () => {
  const { page, card, errors } = await waiting();
  await card.locator(".cb-output").fill("{oops");
  await card.locator("button.approve").click();
  await page.locator(".callback-error", { hasText: "not JSON" }).waitFor();
  await screenshot(page, "callbacks-waiting");

  await card.locator(".cb-output").fill('"approved"');
  await card.locator("button.approve").click();
  await page.locator(".result .status.succeeded").waitFor({ timeout: 15000 });
  assert.equal(await page.locator(".callbacks").count(), 0);
  assert.match(await page.locator(".services pre").textContent(), /"outbox"/);
  await page.locator(".events tr.current").last().waitFor({ timeout: 10000 });
  await screenshot(page, "callbacks-approved");
  assert.deepEqual(errors, []);
});

test("Reject fails the run with the given error and cause", async () => {
  const { page, card, errors } = await waiting();
  await card.locator(".cb-error").fill("Trader.Declined");
  await card.locator(".cb-cause").fill("too risky");
  await card.locator("button.reject").click();
  await page.locator(".result .status.failed").waitFor({ timeout: 15000 });
  assert.equal(await page.locator(".result .error-name code").textContent(), "Trader.Declined");
  assert.match(await page.locator(".result .cause").textContent(), /too risky/);
  await screenshot(page, "callbacks-rejected");
  assert.deepEqual(errors, []);
});
