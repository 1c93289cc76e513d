// A mock that never returns (looping, or allocating without bound) is stopped after the time
// limit and fails its task, while the page stays responsive; the next run gets a fresh worker.
// While a run goes on, the page names a slow mock and counts the calls answered.

import { test } from "node:test";
import assert from "node:assert/strict";
import { browserSuite, run, screenshot, setText } from "./harness.mjs";

const suite = browserSuite();

/** Runs `mocks`, whose handler never returns: it is stopped while the page stays responsive. */
async function stopped(mocks, name) {
  const errors = [];
  const page = await suite.open(errors);
  await setText(page, "Mocks", mocks);
  await page.locator("button.run").click();
  await page.locator(".result .status.running").waitFor();
  await page.locator('.node[data-state="Hello"][data-status="active"]').waitFor();

  // While the handler spins, the page answers at once.
  const started = Date.now();
  await page.locator('.tab[data-pane="Input"]').click();
  await page.locator('.tab[data-pane="Input"].selected').waitFor({ timeout: 1000 });
  assert.ok(Date.now() - started < 1000, `the tab took ${Date.now() - started} ms to switch`);
  await screenshot(page, `${name}-running`);

  const status = page.locator(".result .status:not(.running):not(.idle)");
  await status.waitFor({ timeout: 15000 });
  assert.equal((await status.textContent()).trim(), "FAILED");
  assert.equal(await page.locator(".result .error-name code").textContent(), "States.TaskFailed");
  assert.match(await page.locator(".result .cause").textContent(), /did not finish in time and was stopped/);
  await page.locator('.node[data-state="Hello"][data-status="failed"]').waitFor();
  await screenshot(page, `${name}-stopped`);
  return { page, errors };
}

/** The next run, with a well-behaved mock, succeeds (in a fresh worker). */
async function runsAgain({ page, errors }) {
  await setText(page, "Mocks", 'mocks({ "Hello": (input) => ({ statusCode: 200, body: "Hello from " + input.who }) });');
  assert.equal(await run(page), "SUCCEEDED");
  assert.deepEqual(errors, []);
}

test("a mock looping forever is stopped and the page stays responsive", async () => {
  const ran = await stopped('mocks({\n  "Hello": () => {\n    while (true) {}\n  },\n});\n', "runaway-mock");
  assert.match(await ran.page.locator(".result .problem").first().textContent(), /^Mocks 2:4.*did not finish in time/);
  await runsAgain(ran);
});

test("a mock allocating without bound is stopped and the page runs the next execution", async () => {
  const hoard = 'mocks({\n  "Hello": () => {\n    const hoard = [];\n    for (let i = 0; ; i++) hoard.push("item " + i + " ".repeat(64));\n  },\n});\n';
  const ran = await stopped(hoard, "memory-hog");
  assert.match(await ran.page.locator(".result .problem").first().textContent(), /^Mocks \d+:\d+.*did not finish in time/);
  await runsAgain(ran);
});

test("Stop ends a run whose mock is busy", async () => {
  const page = await suite.open();
  await setText(page, "Mocks", 'mocks({ "Hello": () => { for (;;) {} } });');
  await page.locator("button.run").click();
  await page.locator('.node[data-state="Hello"][data-status="active"]').waitFor();
  // A mock slow to answer is named while the run waits for it.
  await page.locator(".result .status-line", { hasText: 'Waiting for the mock of "Hello"' }).waitFor();
  const started = Date.now();
  await page.locator("button.stop").click();
  await page.locator(".result .status.aborted").waitFor({ timeout: 2000 });
  assert.ok(Date.now() - started < 2000);
  assert.equal(await page.locator("button.run").isEnabled(), true);
  assert.equal(await page.locator(".result .problem").count(), 0, "stopping is not the mock's fault");
  await screenshot(page, "stopped");
});

test("a long run says how many mock calls were answered so far", async () => {
  const page = await suite.open();
  const task = { Type: "Task", Resource: "arn:aws:lambda:us-east-1:123456789012:function:Slowish", End: true };
  const map = { Type: "Map", ItemsPath: "$.items", ItemProcessor: { StartAt: "Slowish", States: { Slowish: task } }, End: true };
  await setText(page, "Definition", JSON.stringify({ StartAt: "Each", States: { Each: map } }));
  await setText(page, "Input", JSON.stringify({ items: Array.from({ length: 600 }, (_, i) => i) }));
  // Each call spins 5 ms of real time: the run takes seconds.
  await setText(page, "Mocks", "mocks({ Slowish: (x) => { const end = Date.now() + 5; while (Date.now() < end); return x; } });");
  await page.locator("button.run").click();
  const counted = page.locator(".result .status-line", { hasText: /\d+ mock calls answered\./ });
  await counted.waitFor({ timeout: 10000 });
  const calls = Number((await counted.textContent()).match(/(\d+) mock calls/)[1]);
  assert.ok(calls > 0 && calls < 600, `${calls} calls answered while running`);
  await page.locator(".result .status.succeeded").waitFor({ timeout: 30000 });
});
