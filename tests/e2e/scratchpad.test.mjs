// The JSONata scratchpad: an expression tried as it is typed, against the execution input or a
// state's input from the last run, with JSONata's errors located; its texts survive a reload.

import { test } from "node:test";
import assert from "node:assert/strict";
import { browserSuite, run, screenshot, setText } from "./harness.mjs";

const suite = browserSuite();

async function typeInto(page, label, text) {
  const content = page.locator(`.editor[aria-label="${label}"] .cm-content`);
  await content.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(text);
}

test("the scratchpad evaluates as you type, reports errors with their place, and keeps its text", async () => {
  const page = await suite.open();
  await setText(page, "Input", '{"items": [{"price": 10, "qty": 2}, {"price": 2.5, "qty": 4}]}');
  await page.locator(".scratchpad summary").click();
  const result = page.locator(".pad-result");

  await typeInto(page, "JSONata expression", "$sum(items.(price * qty)) * (1 + $tax)");
  await typeInto(page, "JSONata variables", '{"tax": 0.5}');
  await result.locator(".pad-value", { hasText: "45" }).waitFor();

  await typeInto(page, "JSONata expression", "$states.input.items[0].nothing");
  await result.locator(".pad-note", { hasText: "undefined" }).waitFor();

  await typeInto(page, "JSONata expression", "items[price > ]");
  await result.locator(".pad-error .code").waitFor();
  assert.match(await result.textContent(), /S0\d{3}/);
  assert.match(await result.locator("pre").textContent(), /items\[price > \]\n\s+\^/);

  await typeInto(page, "JSONata variables", "[1]");
  await result.locator(".pad-error", { hasText: "must be a JSON object" }).waitFor();
  await typeInto(page, "JSONata variables", "");

  // A runaway expression ends with an error, and the page still answers.
  await typeInto(page, "JSONata expression", "($f := function($n) { $f($n + 1) }; $f(0))");
  await result.locator(".pad-error .code").waitFor();
  await typeInto(page, "JSONata expression", "$count(items)");
  await result.locator(".pad-value", { hasText: "2" }).waitFor();
  await screenshot(page, "scratchpad");

  await page.reload();
  await page.locator(".cm-editor").first().waitFor();
  assert.notEqual(await page.locator(".scratchpad").getAttribute("open"), null, "still open");
  await page.locator(".pad-result .pad-value", { hasText: "2" }).waitFor();
});

test("the scratchpad takes the execution input, or a selected state's input from the last run", async () => {
  const page = await suite.open([], "#sample=order-summary-jsonata");
  assert.equal(await run(page), "SUCCEEDED");
  await page.locator(".scratchpad summary").click();
  await typeInto(page, "JSONata expression", "$states.input.customerId");
  const value = page.locator(".pad-result .pad-value");
  await value.waitFor();
  assert.match(await value.textContent(), /"C-7"/);

  // Select "Price Items" on the graph: its input (the customer's record) becomes available.
  await page.locator('svg.graph .node[data-state="Price Items"]').click();
  await page.locator('.node.selected[data-state="Price Items"]').waitFor();
  await page.locator(".pad-source").selectOption("state");
  await typeInto(page, "JSONata expression", "$states.input.tier");
  await page.locator(".pad-result .pad-value", { hasText: '"gold"' }).waitFor();
});
