// A run waiting on a task token nobody sends lists it under "Pending callbacks": Approve sends
// SendTaskSuccess and the stock-trading sample (its approver mock removed) finishes SUCCEEDED;
// Reject sends SendTaskFailure and it fails with the given error and cause; output that is not
// JSON is refused and the run keeps waiting; a second answer gets AWS's TaskTimedOut. A task with
// HeartbeatSeconds and TimeoutSeconds pauses the run before its deadlines, shows the virtual time
// left, takes heartbeats, and fails when the user lets the time pass; a mock's callback for an
// unknown token is refused with InvalidToken. A waiting run survives a reload.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { browserSuite, openSample, run, setText, screenshot } from "./harness.mjs";

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
  // The spent token stays listed; answering it again is refused as AWS refuses it.
  await page.locator(".callbacks h3", { hasText: /^Callbacks$/ }).waitFor();
  await card.locator("button.approve").click();
  await page.locator(".callback-error", { hasText: "TaskTimedOut: Provided task does not exist anymore" }).waitFor();
  assert.equal(await page.locator(".callbacks .callback.spent").count(), 1);
  assert.equal(await page.locator(".callbacks button.advance").count(), 0);
  assert.match(await page.locator(".services pre").textContent(), /"outbox"/);
  await page.locator(".events tr.current").last().waitFor({ timeout: 10000 });
  await screenshot(page, "callbacks-approved");
  assert.deepEqual(errors, []);
});

test("a run waiting for a callback waits again after a reload, and an answer continues it", async () => {
  const { page, card, errors } = await waiting();
  const token = await card.locator(".token").textContent();
  const events = await page.locator(".events h3").textContent();

  await page.reload();
  const again = page.locator('.callbacks .callback[data-state="Request Human Approval"]');
  await again.waitFor({ timeout: 15000 });
  assert.equal((await page.locator(".result .status").textContent()).trim(), "RUNNING");
  assert.equal(await again.locator(".token").textContent(), token, "the same token: the run is the same");
  assert.equal(await page.locator(".events h3").textContent(), events);
  assert.match(await page.locator(".services pre").textContent(), /RequestHumanApprovalSqs/);
  await screenshot(page, "callbacks-after-reload");

  await again.locator(".cb-output").fill('"approved"');
  await again.locator("button.approve").click();
  await page.locator(".result .status.succeeded").waitFor({ timeout: 15000 });
  // Finished now: a reload shows the finished run.
  await page.reload();
  await page.locator(".result .status.succeeded").waitFor();
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

/** A callback task with deadlines, next to a branch that waits 4 s. */
const DEADLINES = JSON.stringify({
  StartAt: "Both",
  States: {
    Both: {
      Type: "Parallel",
      End: true,
      Branches: [
        { StartAt: "Pause", States: { Pause: { Type: "Wait", Seconds: 4, End: true } } },
        {
          StartAt: "Ask",
          States: {
            Ask: {
              Type: "Task",
              Resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
              Parameters: { QueueUrl: "https://sqs.us-east-1.amazonaws.com/1/q", MessageBody: { "token.$": "$$.Task.Token" } },
              HeartbeatSeconds: 10,
              TimeoutSeconds: 30,
              End: true,
            },
          },
        },
      ],
    },
  },
}, null, 2);

test("a callback with deadlines waits for the user: heartbeats, then letting the time pass", async () => {
  const errors = [];
  const page = await suite.open(errors);
  await setText(page, "Definition", DEADLINES);
  await setText(page, "Mocks", "mocks({});");
  await page.locator("button.run").click();
  const card = page.locator('.callbacks .callback[data-state="Ask"]');
  await card.waitFor({ timeout: 15000 });
  assert.equal((await page.locator(".result .status").textContent()).trim(), "RUNNING");
  // The Wait branch ran its 4 s; the clock stopped before the heartbeat was due.
  assert.equal(await card.locator(".time-left").textContent(), "heartbeat due in 6 s · times out in 26 s (virtual time)");
  await screenshot(page, "callbacks-deadlines");

  await card.locator("button.heartbeat").click();
  await page.locator(".callbacks .time-left", { hasText: "heartbeat due in 10 s · times out in 26 s" }).waitFor({ timeout: 15000 });
  assert.equal((await page.locator(".result .status").textContent()).trim(), "RUNNING");

  await page.locator(".callbacks button.advance").click();
  await page.locator(".result .status.failed").waitFor({ timeout: 15000 });
  assert.equal(await page.locator(".result .error-name code").textContent(), "States.HeartbeatTimeout");
  await page.locator('.callbacks .callback.spent[data-state="Ask"] button.approve').click();
  await page.locator(".callback-error", { hasText: "TaskTimedOut" }).waitFor();
  await screenshot(page, "callbacks-timed-out");
  assert.deepEqual(errors, []);
});

test("a mock's callback for an unknown token is refused with InvalidToken", async () => {
  const page = await suite.open();
  await setText(page, "Mocks", 'mocks({\n  "Hello": (input, ctx) => {\n    ctx.sendTaskSuccess("made-up-token", {});\n    return "sent";\n  },\n});');
  assert.equal(await run(page), "SUCCEEDED");
  assert.match(await page.locator(".result .problem").first().textContent(), /called sendTaskSuccess, which AWS refused: InvalidToken/);
});
