// The tutorial track's texts are not in the wasm: the page fetches them as tutorials.json before it
// starts. What it serves is what the track shows, and a page that cannot fetch them still works.

import { test } from "node:test";
import assert from "node:assert/strict";
import { browserSuite, screenshot } from "./harness.mjs";

const suite = browserSuite();

/** A fresh page whose request for tutorials.json `answer` handles; records uncaught errors. */
async function openWith(answer, errors) {
  const context = await suite.browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  page.on("pageerror", (error) => errors.push(error.message));
  await page.route("**/tutorials.json", answer);
  await page.goto(suite.served.url);
  await page.waitForFunction(() => document.querySelector('.editor[data-pane="Definition"] .cm-content')?.textContent.trim());
  await page.getByRole("button", { name: "Learn" }).click();
  await page.locator(".track").waitFor();
  return page;
}

test("the track shows the exercises as tutorials.json serves them", async () => {
  const errors = [];
  const page = await openWith(async (route) => {
    const response = await route.fetch();
    const bundle = await response.json();
    bundle["01-first-pass/exercise.json"] = bundle["01-first-pass/exercise.json"].replace("Your first Pass state", "As served");
    await route.fulfill({ response, json: bundle });
  }, errors);
  assert.equal(await page.locator('.track-item[data-exercise="first-pass"] .title').textContent(), "As served");
  assert.ok((await page.locator(".track-item").count()) >= 14);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("without tutorials.json the page starts all the same and the track says why it is empty", async () => {
  const errors = [];
  const page = await openWith((route) => route.fulfill({ status: 404, body: "not found" }), errors);
  assert.equal(await page.locator(".track-item").count(), 0);
  assert.match(await page.locator(".track-notice").textContent(), /could not be loaded/);
  assert.ok(await page.locator("#fatal").isHidden());
  assert.deepEqual(errors, []);
  await screenshot(page, "learn-track-unavailable");
  await page.context().close();
});
