// The inspector beside the graph: a state's data flow stage by stage (JSONPath and JSONata), its
// retries and visits, the workflow variables in scope, the events table's filters and export, and
// two runs compared.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { browserSuite, openSample, run, screenshot, setText } from "./harness.mjs";

const suite = browserSuite();

/** Opens a sample, runs it, and waits for the replay to reach the last event. */
async function runSample(page, id, expected = "SUCCEEDED") {
  await openSample(page, id);
  assert.equal(await run(page, { timeout: 30000 }), expected);
  await replayed(page);
}

async function replayed(page) {
  await page.waitForFunction(() => {
    const rows = document.querySelectorAll(".events tbody tr");
    return rows.length > 0 && rows[rows.length - 1].classList.contains("current");
  }, null, { timeout: 45000 });
}

/** The JSON a stage of the inspector shows. */
async function stage(page, label) {
  const json = page.locator(`.inspector .stage[data-stage="${label}"] > .json`);
  return JSON.parse(await json.getAttribute("data-json"));
}

async function inspect(page, state) {
  await page.locator('.panel-tabs [data-tab="Inspector"]').click();
  await page.locator("select.inspector-state").selectOption(state);
}

test("a JSONPath state's stages: Parameters applied, ResultSelector and ResultPath recomputed", async () => {
  const errors = [];
  const page = await suite.open(errors);
  await page.setViewportSize({ width: 1366, height: 768 });
  await runSample(page, "order-summary-jsonpath");
  await inspect(page, "Look Up Customer");
  const input = { customerId: "C-7", items: [{ sku: "notebook", price: 12, qty: 3 }, { sku: "pen", price: 2.5, qty: 4 }] };
  assert.deepEqual(await stage(page, "Input"), input);
  assert.deepEqual(await stage(page, "After Parameters (task input)"), { customerId: "C-7" });
  assert.deepEqual(await stage(page, "Result"), { id: "C-7", name: "Ada", tier: "gold", email: "ada@example.com" });
  assert.deepEqual(await stage(page, "After ResultSelector"), { name: "Ada", tier: "gold" });
  assert.match(await page.locator('.stage[data-stage="After ResultSelector"] .source').textContent(), /recomputed/);
  const merged = { ...input, customer: { name: "Ada", tier: "gold" } };
  assert.deepEqual(await stage(page, "After ResultPath"), merged);
  assert.deepEqual(await stage(page, "Output"), merged);
  assert.match(await page.locator('.stage[data-stage="Output"] .source').textContent(), /recorded/);
  assert.equal(await page.locator(".inspector .note").count(), 0, "recomputed and recorded outputs agree");
  await screenshot(page, "inspector-jsonpath-1366");

  // The events table: filtered by state, by type, by text; the history exported in AWS's shape.
  const total = await page.locator(".events tbody tr").count();
  await page.locator(".events select.filter-state").selectOption("Price Items");
  const states = await page.locator(".events tbody td.state").allTextContents();
  assert.ok(states.length > 0 && states.length < total);
  assert.ok(states.every((s) => s === "Price Items"), states.join(", "));
  await page.locator(".events select.filter-type").selectOption("LambdaFunctionSucceeded");
  assert.equal(await page.locator(".events tbody tr").count(), 1);
  await page.locator(".events select.filter-state").selectOption("");
  await page.locator(".events select.filter-type").selectOption("");
  await page.locator(".events .filter-text").fill("ada@example");
  assert.deepEqual(await page.locator(".events tbody td.type").allTextContents(), ["LambdaFunctionSucceeded"]);
  await page.locator(".events tbody .expand").first().click();
  assert.match(await page.locator(".events pre.details-full").textContent(), /"email": "ada@example.com"/);
  await page.locator(".events .filter-text").fill("");
  assert.equal(await page.locator(".events tbody tr").count(), total);

  const [download] = await Promise.all([page.waitForEvent("download"), page.locator(".events .export-history").click()]);
  const history = JSON.parse(await readFile(await download.path(), "utf8"));
  assert.equal(download.suggestedFilename(), "execution-history.json");
  assert.equal(history.events.length, total);
  assert.equal(history.events[0].type, "ExecutionStarted");
  assert.equal(history.events.at(-1).type, "ExecutionSucceeded");
  assert.deepEqual(errors, []);
});

test("a JSONata state's Arguments and assigned variables; the variables in scope", async () => {
  const errors = [];
  const page = await suite.open(errors);
  await runSample(page, "order-summary-jsonata");
  await inspect(page, "Look Up Customer");
  assert.deepEqual(await stage(page, "Arguments"), { customerId: "C-7" });
  assert.equal(await page.locator(".inspector .language").textContent(), "JSONata");
  const assigned = await page.locator('.inspector .assigned tr[data-variable="customer"] .json').getAttribute("data-json");
  assert.equal(JSON.parse(assigned).name, "Ada");

  await page.locator('.panel-tabs [data-tab="Variables"]').click();
  const names = await page.locator(".variables-panel tbody tr").evaluateAll((rows) => rows.map((r) => r.dataset.variable));
  assert.deepEqual(names, ["customer", "items", "total"]);
  const total = page.locator('.variables-panel tr[data-variable="total"]');
  assert.equal(await total.locator(".json").getAttribute("data-json"), "41.4");
  assert.match(await total.locator(".by").textContent(), /Price Items/);
  await screenshot(page, "inspector-variables");

  // Back at the first event, nothing is assigned yet.
  await page.locator(".events tbody tr").first().click();
  await page.locator(".variables-panel .empty", { hasText: "No variables" }).waitFor();
  assert.deepEqual(errors, []);
});

test("a seed workflow's state that ran twice, retried once on its first visit", async () => {
  const errors = [];
  const page = await suite.open(errors);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await runSample(page, "employee-lottery");
  await inspect(page, "Random Select Winners");
  const visits = page.locator("select.inspector-visit option");
  assert.equal(await visits.count(), 2);
  assert.equal(await page.locator(".inspector .attempt").count(), 1, "the latest visit is shown first");
  await page.locator("select.inspector-visit").selectOption("0");
  assert.deepEqual(await stage(page, "After InputPath"), { num_of_winners: 2 });
  const attempts = page.locator(".inspector .attempt");
  assert.equal(await attempts.count(), 2);
  assert.match(await attempts.first().textContent(), /Lambda\.TooManyRequestsException/);
  assert.match(await attempts.first().locator(".wait").textContent(), /1\.000 s/);
  await screenshot(page, "inspector-retries-1920");
  assert.deepEqual(errors, []);
});

test("a state inside a distributed Map is shown through the Map Run's child executions, as of the replay's moment and after a reload", async () => {
  const errors = [];
  const page = await suite.open(errors);
  await runSample(page, "map-distributed");
  // Resize never entered this history: it is picked on the graph.
  const pickResize = async () => {
    await page.locator('.panel-tabs [data-tab="Inspector"]').click();
    await page.locator('svg.graph .node[data-state="Resize"]').click();
  };
  await pickResize();
  const run = page.locator(".inspector .map-run");
  assert.match(await run.locator(".note").textContent(), /"Resize" runs in the child executions/);
  assert.equal(await run.locator(".counts .tally").textContent(), "4 succeeded · 1 failed");
  const statuses = await run.locator("tr.child").evaluateAll((rows) => rows.map((r) => [r.dataset.index, r.dataset.status]));
  assert.deepEqual(statuses, [["0", "SUCCEEDED"], ["1", "SUCCEEDED"], ["2", "FAILED"], ["3", "SUCCEEDED"], ["4", "SUCCEEDED"]]);
  await run.locator("select.child-filter").selectOption("FAILED");
  assert.deepEqual(await run.locator("tr.child").evaluateAll((rows) => rows.map((r) => r.dataset.index)), ["2"]);
  await run.locator('tr.child[data-index="2"]').click();
  const details = run.locator("tr.child-details");
  assert.deepEqual(JSON.parse(await details.locator(".json").getAttribute("data-json")), { album: "lisbon-2024", photo: "corrupt.jpg" });
  assert.equal(await details.locator(".error-name code").textContent(), "RangeError");
  await screenshot(page, "inspector-map-run");

  // The child execution opens in place of the run, with its own history, and closes again.
  await details.locator("button.open-child").click();
  const banner = page.locator(".banner.child-view");
  assert.match(await banner.textContent(), /Make Thumbnails · item 2.*FAILED/);
  const types = await page.locator(".events tbody td.type").allTextContents();
  assert.deepEqual(types, ["ExecutionStarted", "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionFailed", "ExecutionFailed"]);
  assert.equal(await page.locator('svg.graph .node[data-state="Resize"]').getAttribute("data-status"), "failed");
  await screenshot(page, "child-execution");
  await page.locator('.panel-tabs [data-tab="Result"]').click();
  assert.equal(await page.locator(".result .status").textContent(), "FAILED", "the child's result");
  await banner.locator("button").click();
  await banner.waitFor({ state: "detached" });
  assert.equal(await page.locator(".result .status").textContent(), "SUCCEEDED", "the run's again");
  await page.locator('.panel-tabs [data-tab="Inspector"]').click();
  assert.equal(await page.locator(".events tbody td.type", { hasText: "MapRunStarted" }).count(), 1, "the run's own history again");

  // Back to the Map Run's start: the first two children (MaxConcurrency 2) are running.
  await page.locator(".events tr", { has: page.locator("td.type", { hasText: /^MapRunStarted$/ }) }).click();
  await inspect(page, "Make Thumbnails");
  assert.equal(await run.locator(".counts .tally").textContent(), "2 running");

  // The last run comes back after a reload with its child executions.
  await page.reload();
  await page.locator(".result .status.succeeded").waitFor();
  await replayed(page);
  await pickResize();
  assert.equal(await run.locator("tr.child").count(), 5);
  assert.deepEqual(errors, []);
});

test("a pinned run compared with the next: inputs, paths parting, results, event counts", async () => {
  const errors = [];
  const page = await suite.open(errors);
  await page.setViewportSize({ width: 1366, height: 768 });
  await runSample(page, "choice-routing");
  await page.locator('.panel-tabs [data-tab="Compare"]').click();
  await page.locator(".compare button.pin").click();
  await page.locator(".compare .empty", { hasText: "pinned" }).waitFor();

  await setText(page, "Input", '{"ticket": "T-1", "subject": "A refund, please"}');
  await page.locator("button.run").click();
  await page.locator(".comparison").waitFor({ timeout: 15000 });
  const sides = page.locator(".comparison .side");
  assert.equal(await sides.count(), 2);
  const paths = await sides.evaluateAll((s) => s.map((side) => [...side.querySelectorAll(".path li")].map((li) => li.textContent)));
  assert.deepEqual(paths, [["Triage", "Page On-Call"], ["Triage", "Ask for Details"]]);
  const diverged = await page.locator(".comparison li.diverged").allTextContents();
  assert.deepEqual(diverged, ["Page On-Call", "Ask for Details"]);
  const inputs = await sides.evaluateAll((s) => s.map((side) => side.querySelector("pre.output").textContent));
  assert.equal(JSON.parse(inputs[0]).priority, "normal");
  assert.equal(JSON.parse(inputs[1]).ticket, "T-1");
  assert.match(await sides.nth(1).textContent(), /details requested/);
  assert.match(await sides.nth(0).locator(".events-count").textContent(), /^\d+ events$/);
  await screenshot(page, "inspector-compare-1366");
  await page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(page, "inspector-compare-1920");
  assert.deepEqual(errors, []);
});
