// Mock code runs apart from the page (opaque origin, no DOM, no storage of the page's), gets the
// task's input and context, and a throw becomes a located task failure.

import { test } from "node:test";
import assert from "node:assert/strict";
import { browserSuite, run, screenshot, setText } from "./harness.mjs";

const suite = browserSuite();

const PROBE = `mocks({
  "Hello": async (input, ctx) => ({
    origin: self.origin,
    localStorage: typeof localStorage,
    document: typeof document,
    indexedDB: await new Promise((resolve) => {
      try {
        const request = indexedDB.open("probe");
        request.onsuccess = () => resolve("opened");
        request.onerror = () => resolve("refused");
      } catch {
        resolve("refused");
      }
    }),
    who: input.who,
    state: ctx.stateName,
    attempt: ctx.attempt,
    execution: typeof ctx.$$.Execution.Id,
  }),
});`;

test("mock code cannot reach the page and gets the task's input and context", async () => {
  const page = await suite.open();
  await page.evaluate(() => localStorage.setItem("secret", "page data"));
  await setText(page, "Mocks", PROBE);
  assert.equal(await run(page), "SUCCEEDED");
  const output = JSON.parse(await page.locator(".result .output").textContent());
  assert.deepEqual(output, {
    origin: "null",
    localStorage: "undefined",
    document: "undefined",
    indexedDB: "refused",
    who: "aslplay",
    state: "Hello",
    attempt: 1,
    execution: "string",
  });
  assert.equal(await page.evaluate(() => localStorage.getItem("secret")), "page data");
  await screenshot(page, "mock-sandbox-probe");
});

test("a throwing handler fails the task with its error, located in the mocks", async () => {
  const page = await suite.open();
  await setText(page, "Mocks", 'mocks({\n  "Hello": (input) => {\n    throw new TypeError("no one to greet");\n  },\n});');
  assert.equal(await run(page), "FAILED");
  assert.equal(await page.locator(".result .error-name code").textContent(), "TypeError");
  assert.match(await page.locator(".result .cause").textContent(), /no one to greet/);
  const problem = await page.locator(".result .problem").first().textContent();
  assert.match(problem, /^Mocks 3:\d+.*threw TypeError: no one to greet/);
  await screenshot(page, "mock-throws");

  await setText(page, "Mocks", 'mocks({ "Other": () => 1 });');
  assert.equal(await run(page), "FAILED");
  assert.match(await page.locator(".result .cause").textContent(), /No mock handler answers the Task state 'Hello'/);
});

/** A Map calling `Look` for each item of the input, retried once whatever it throws. */
const EACH_ITEM = JSON.stringify({
  StartAt: "Each",
  States: {
    Each: {
      Type: "Map",
      ItemsPath: "$.items",
      ItemProcessor: {
        StartAt: "Look",
        States: {
          Look: { Type: "Task", Resource: "arn:aws:lambda:us-east-1:123456789012:function:Look", Retry: [{ ErrorEquals: ["States.ALL"], IntervalSeconds: 1, MaxAttempts: 1 }], End: true },
        },
      },
      End: true,
    },
  },
});

// The execution's input goes to the sandbox once for all the calls of a run (src/bridge/call_input.rs).
test("every call's context object holds the execution's input, a new run's its own", async () => {
  const page = await suite.open();
  await setText(page, "Definition", EACH_ITEM);
  await setText(page, "Mocks", "mocks({ Look: (x, ctx) => ({ x, tag: ctx.$$.Execution.Input.tag, of: ctx.$$.Execution.Input.items.length, keys: Object.keys(ctx.$$.Execution).join() }) });");
  await setText(page, "Input", JSON.stringify({ tag: "first", items: [1, 2, 3] }));
  assert.equal(await run(page), "SUCCEEDED");
  const keys = "Id,Input,StartTime,Name,RoleArn,RedriveCount"; // as the engine orders them: Input in its place
  const outputs = JSON.parse(await page.locator(".result .output").textContent());
  assert.deepEqual(outputs.map((o) => [o.x, o.tag, o.of]), [[1, "first", 3], [2, "first", 3], [3, "first", 3]]);
  assert.deepEqual(outputs.map((o) => o.keys), [keys, keys, keys]);
  await setText(page, "Input", JSON.stringify({ tag: "second", items: [4, 5] }));
  assert.equal(await run(page), "SUCCEEDED");
  assert.deepEqual(JSON.parse(await page.locator(".result .output").textContent()).map((o) => [o.x, o.tag, o.of]), [[4, "second", 2], [5, "second", 2]]);
});

test("a call after the sandbox was restarted still has the execution's input", async () => {
  const page = await suite.open();
  await setText(page, "Definition", EACH_ITEM);
  // The second item's first attempt never returns: the worker is replaced, and the retry runs in the new one.
  await setText(page, "Mocks", "mocks({ Look: (x, ctx) => { if (x === 2 && ctx.attempt === 1) for (;;) {} return [x, ctx.attempt, ctx.$$.Execution.Input.tag]; } });");
  await setText(page, "Input", JSON.stringify({ tag: "kept", items: [1, 2, 3] }));
  assert.equal(await run(page, { timeout: 20000 }), "SUCCEEDED");
  assert.deepEqual(JSON.parse(await page.locator(".result .output").textContent()), [[1, 1, "kept"], [2, 2, "kept"], [3, 1, "kept"]]);
});
