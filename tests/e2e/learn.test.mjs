// The tutorial track and test cases on the page. Learn opens the track; exercise 1's starting
// workspace fails Check with the check's feedback, hints come one at a time, the model solution
// passes, and the track shows it passed after a reload; Back to my workspace restores the editors.
// The Retry exercise's checks inject failures into "Reserve Seat" through mocked responses. On the
// catch-fallback sample, two test cases (one with a mocked failure) run all at once, with their
// verdicts and the coverage dimmed on the graph; edited, they pass; they survive a reload and travel
// in share links.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { browserSuite, getText, openSample, run, screenshot, setText } from "./harness.mjs";

const suite = browserSuite();

/** Resolves once the Definition editor holds `text`. */
function holding(page, text) {
  return page.waitForFunction((text) => document.querySelector('.editor[data-pane="Definition"]')?.textContent.includes(text), text);
}

/** A fresh page with sample `id` open, once its definition shows `text`. */
async function onSample(id, text) {
  const errors = [];
  const page = await suite.open(errors);
  await openSample(page, id);
  await holding(page, text);
  return { page, errors };
}

/** Opens the track and then the exercise `id` from it. */
async function openExercise(page, id) {
  await page.locator("button.learn").click();
  await page.locator(`.track-item[data-exercise="${id}"] button`).click();
  await page.locator(".exercise h2").waitFor();
}

/** Clicks Check and waits for the grade; resolves to its summary line. */
async function check(page) {
  await page.locator(".exercise button.check").click();
  const summary = page.locator(".exercise .grade-summary, .exercise .grade-problem");
  await summary.waitFor({ timeout: 20000 });
  return (await summary.textContent()).trim();
}

test("exercise 1: Check, hints, the solution, progress after a reload, back to my workspace", async () => {
  const errors = [];
  const page = await suite.open(errors);
  const mine = await getText(page, "Definition");

  await page.locator("button.learn").click();
  const items = page.locator(".track-item");
  assert.ok((await items.count()) >= 14, "every exercise is listed");
  assert.match(await items.first().textContent(), /Your first Pass state.*Not started.*Pass · Result · End/);
  await screenshot(page, "learn-track");
  await page.locator('.track-item[data-exercise="first-pass"] button').click();
  await page.locator(".exercise h2", { hasText: "Your first Pass state" }).waitFor();
  assert.match(await getText(page, "Definition"), /"Greet"/, "the starting workspace is in the editors");
  assert.match(await page.locator(".exercise .goal").textContent(), /Hello, Step Functions!/);

  assert.match(await check(page), /^2 of 3 checks pass$/);
  const failed = page.locator(".check-result.failed");
  assert.equal(await failed.count(), 1);
  assert.match(await failed.locator(".feedback").textContent(), /A Pass state's "Result" becomes its output/);
  assert.match(await failed.locator(".observed").textContent(), /output/i);

  const hints = page.locator(".exercise .hints li");
  assert.equal(await hints.count(), 0);
  for (let shown = 1; shown <= 3; shown++) {
    await page.locator(".exercise button.hint").click();
    await page.locator(".exercise .hints li").nth(shown - 1).waitFor();
    assert.equal(await hints.count(), shown, "one hint at a time");
  }
  assert.match(await hints.nth(2).textContent(), /"Result": \{"greeting"/);
  assert.ok(await page.locator(".exercise button.hint").isDisabled(), "no more hints");
  await screenshot(page, "learn-exercise-failing");

  await page.locator(".exercise button.show-solution").click();
  await holding(page, "Hello, Step Functions!");
  assert.equal(await check(page), "All 3 checks pass. Well done!");
  assert.equal(await page.locator(".check-result.passed").count(), 3);
  await screenshot(page, "learn-exercise-passed");

  await page.reload();
  await page.locator(".exercise h2", { hasText: "Your first Pass state" }).waitFor();
  assert.equal(await page.locator(".exercise .hints li").count(), 3, "the hints shown stay shown");
  await page.locator(".exercise button.all-exercises").click();
  const first = page.locator('.track-item[data-exercise="first-pass"]');
  assert.match(await first.getAttribute("class"), /\bpassed\b/);
  assert.match(await first.textContent(), /Passed/);
  assert.match(await page.locator(".track-count").textContent(), /^1 of \d+ passed$/);
  await screenshot(page, "learn-track-after-reload");
  await page.keyboard.press("Escape");
  await page.locator(".track").waitFor({ state: "detached" });

  await page.locator(".exercise button.back").click();
  await page.locator(".exercise").waitFor({ state: "detached" });
  await page.waitForFunction(() => !document.querySelector('.editor[data-pane="Definition"]')?.textContent.includes('"Greet"'));
  assert.equal(await getText(page, "Definition"), mine, "my workspace is back");
  assert.equal(await page.evaluate(() => localStorage.getItem("aslplay.before-exercise")), null);
  assert.deepEqual(errors, []);
});

test("the Retry exercise's checks inject failures through mocked responses", async () => {
  const errors = [];
  const page = await suite.open(errors);
  await openExercise(page, "retry");
  assert.match(await check(page), /^\d of 7 checks pass$/);
  const stays = page.locator(".check-result", { hasText: "(the service stays busy)" });
  assert.equal(await stays.count(), 2, "the checks under the injected failure are listed");
  const retried = stays.filter({ hasText: "retried" }).first();
  assert.match(await retried.getAttribute("class"), /\bfailed\b/);
  assert.match(await retried.locator(".feedback").textContent(), /MaxAttempts to 3/);
  await screenshot(page, "learn-retry-failing");

  await page.locator(".exercise button.show-solution").click();
  await holding(page, "BackoffRate");
  assert.equal(await check(page), "All 7 checks pass. Well done!");
  assert.match(await retried.getAttribute("class"), /\bpassed\b/);
  await screenshot(page, "learn-retry-passed");
  await page.locator(".exercise button.restart").click();
  await page.waitForFunction(() => !document.querySelector('.editor[data-pane="Definition"]')?.textContent.includes("BackoffRate"));
  assert.equal(await page.locator(".exercise .grade").count(), 0, "the grade was of the version replaced");
  assert.deepEqual(errors, []);
});

test("test cases on a sample: one passes, one with a mocked failure fails; coverage on the graph", async () => {
  const { page, errors } = await onSample("catch-fallback", "Charge with Backup");
  assert.equal(await run(page), "SUCCEEDED");

  await page.locator("button.show-tests").click();
  await page.locator(".tests .add-test").click();
  const form = page.locator(".test-form");
  await form.locator(".tf-name").fill("backup pays");
  assert.equal(await form.locator(".tf-status").inputValue(), "SUCCEEDED", "a new case starts from the last run");
  assert.match(await form.locator(".tf-output").inputValue(), /"paidWith": "backup"/);
  await form.locator(".save-test").click();
  await page.locator(".tests .run-tests").click();
  await page.locator(".tests-count").waitFor({ timeout: 20000 });
  assert.equal((await page.locator(".tests-count").textContent()).trim(), "1 of 1 test cases pass");
  assert.equal(await page.locator('.node.uncovered[data-state="Payment Failed"]').count(), 1, "no test fails the payment");

  await page.locator(".tests .add-test").click();
  await form.locator(".tf-name").fill("backup down too");
  await form.locator(".tf-output").fill("");
  await form.locator(".tf-mocks").fill('{"Charge with Backup": {"0": {"Throw": {"Error": "Backup.Down"}}}}');
  await form.locator(".tf-path").fill("Charge with Primary\nCharge with Backup\nSend Receipt");
  await form.locator(".save-test").click();
  await page.locator(".tests .run-tests").click();
  await page.locator(".tests-count.failed").waitFor({ timeout: 20000 });
  assert.equal((await page.locator(".tests-count").textContent()).trim(), "1 of 2 test cases pass");
  const failing = page.locator('.test-case.failed[data-test="backup down too"]');
  assert.match(await failing.locator(".reasons").textContent(), /expected the execution to end SUCCEEDED, but it ended FAILED with PaymentFailed/);
  assert.match(await failing.locator(".reasons").textContent(), /expected the path Charge with Primary → Charge with Backup → Send Receipt, but it was .*Payment Failed/);
  assert.equal(await page.locator('.test-case.passed[data-test="backup pays"]').count(), 1);
  assert.equal(await page.locator(".coverage-summary").textContent(), "4/4 states, 3/5 transitions covered");
  assert.equal(await page.locator(".node.uncovered").count(), 0, "the mocked failure reached Payment Failed");
  const missed = await page.locator(".edge.uncovered").evaluateAll((edges) => edges.map((e) => e.getAttribute("class")));
  assert.deepEqual(missed.sort(), ["edge catch uncovered", "edge next uncovered"], "the primary provider never succeeded nor failed for good");
  await screenshot(page, "learn-tests");

  await failing.locator("button.edit").click();
  assert.equal(await form.locator(".tf-name").inputValue(), "backup down too");
  assert.match(await form.locator(".tf-mocks").inputValue(), /"Backup.Down"/, "the mocked responses come back to edit");
  await form.locator(".tf-status").selectOption("FAILED");
  await form.locator(".tf-error").fill("PaymentFailed");
  await form.locator(".tf-path").fill("Charge with Primary\nCharge with Backup\nPayment Failed");
  await form.locator(".tf-mocks").fill("{oops");
  await form.locator(".save-test").click();
  assert.match(await form.locator(".tf-error-message").textContent(), /^Mocked responses: not JSON/);
  await form.locator(".tf-mocks").fill('{"Charge with Backup": {"0": {"Throw": {"Error": "Backup.Down"}}}}');
  await form.locator(".save-test").click();
  await page.locator(".tests .run-tests").click();
  await page.locator(".tests-count.passed").waitFor({ timeout: 20000 });
  assert.equal((await page.locator(".tests-count").textContent()).trim(), "2 of 2 test cases pass");

  await page.reload();
  await page.locator("button.show-tests").click();
  assert.equal(await page.locator(".test-case").count(), 2, "the test cases are saved with the workspace");
  await page.locator('.test-case[data-test="backup pays"] button.delete').click();
  const names = (p) => p.locator(".test-case").evaluateAll((cases) => cases.map((c) => c.dataset.test));
  assert.deepEqual(await names(page), ["backup down too"]);

  await page.locator("button.share").click();
  const link = await page.locator(".share-link").inputValue();
  const other = await suite.open(errors, link.slice(link.indexOf("#")));
  await other.locator("button.show-tests").click();
  assert.deepEqual(await names(other), ["backup down too"], "a share link carries the test cases");
  assert.deepEqual(errors, []);
});

test("every exercise's model solution passes Check in the page, walking the track with Next", async () => {
  const errors = [];
  const page = await suite.open(errors);
  await openExercise(page, "first-pass");
  const titles = [];
  for (;;) {
    const title = (await page.locator(".exercise h2").textContent()).trim();
    titles.push(title);
    await page.locator(".exercise button.show-solution").click();
    const summary = await check(page);
    assert.match(summary, /^All \d+ checks pass\. Well done!$/, `${title}: ${summary}`);
    const next = page.locator(".exercise-nav button.next");
    if ((await next.count()) === 0) break;
    await next.click();
    await page.locator(".exercise h2", { hasNotText: title }).waitFor();
  }
  assert.equal(titles.length, 14, titles.join(" / "));
  await page.locator(".exercise button.all-exercises").click();
  assert.equal((await page.locator(".track-count").textContent()).trim(), "14 of 14 passed");
  await screenshot(page, "learn-track-all-passed");
  assert.deepEqual(errors, []);
});

test("an #exercise= link opens the exercise with its panel; Back to my workspace brings back the one open", async () => {
  const { page, errors } = await onSample("choice-routing", "support ticket");
  await page.evaluate(() => { location.hash = "exercise=retry"; });
  await page.locator(".exercise h2", { hasText: "Try again: Retry with backoff" }).waitFor();
  await holding(page, '"Reserve Seat"');
  await page.locator(".exercise button.back").click();
  await holding(page, "support ticket");
  assert.equal(await page.locator(".panel-tabs [data-side=exercise]").count(), 0, "the exercise is closed");
  assert.deepEqual(errors, []);
});

test("Run all ends a run waiting for callbacks, and its callbacks say so", async () => {
  const { page, errors } = await onSample("stock-trading", "Request Human Approval");
  const mocks = readFileSync(new URL("../../samples/stock-trading/mocks.js", import.meta.url), "utf8");
  await setText(page, "Mocks", mocks.replace(/ {2}"Request Human Approval":[\s\S]*?\n {2}},\n/, ""));
  await page.locator("button.run").click();
  await page.locator(".callbacks .callback").waitFor({ timeout: 15000 });

  await page.locator("button.show-tests").click();
  await page.locator(".tests .add-test").click();
  await page.locator(".test-form .tf-status").selectOption("SUCCEEDED");
  await page.locator(".test-form .save-test").click();
  await page.locator(".tests .run-tests").click();
  await page.locator(".tests-count").waitFor({ timeout: 20000 });
  assert.match(await page.locator(".test-case .reasons").textContent(), /still waiting for a task token at Request Human Approval/);
  await page.locator('.panel-tabs [data-side="result"]').click();
  assert.match(await page.locator(".callback-error").textContent(), /can no longer continue/);
  assert.deepEqual(errors, []);
});
