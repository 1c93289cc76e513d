// The editors as a user works them: Format re-indents JSON without touching its values, JSONata
// inside "{% %}" reads as code, the panes resize and keep their sizes, and the page follows the
// system's dark setting.

import { test } from "node:test";
import assert from "node:assert/strict";
import { browserSuite, editor, getText, screenshot, setText } from "./harness.mjs";

const suite = browserSuite();

test("Format re-indents the definition, keeps big numbers and duplicate keys, and undoes in one step", async () => {
  const page = await suite.open();
  const squeezed = '{"StartAt":"A","States":{"A":{"Type":"Pass","Result":{"big":12345678901234567890,"n":1.50},"End":true}},"StartAt":"A"}';
  await setText(page, "Definition", squeezed);
  await editor(page, "Definition").getByRole("button", { name: "Format" }).click();
  const formatted = await getText(page, "Definition");
  assert.match(formatted, /^\{\n  "StartAt": "A",\n  "States": \{\n    "A": \{\n      "Type": "Pass",/);
  assert.ok(formatted.includes("12345678901234567890") && formatted.includes("1.50"), "numbers keep their digits");
  assert.equal(formatted.match(/"StartAt"/g).length, 2, "the duplicate key stays, for the validator to report");
  await page.locator(".problem.warning", { hasText: "StartAt" }).waitFor();

  await page.keyboard.press("ControlOrMeta+z");
  assert.equal(await getText(page, "Definition"), squeezed);

  // Shift+Alt+F does the same in the input.
  await setText(page, "Input", '{"a":[1,2,{"b":null}]}');
  await page.keyboard.press("Shift+Alt+F");
  assert.equal(await getText(page, "Input"), '{\n  "a": [\n    1,\n    2,\n    {\n      "b": null\n    }\n  ]\n}');
});

test("JSONata expressions in the definition are marked as code", async () => {
  const page = await suite.open();
  await setText(page, "Definition", JSON.stringify({
    QueryLanguage: "JSONata", StartAt: "A",
    States: { A: { Type: "Pass", Output: { total: "{% $sum($states.input.items) %}", plain: "not an expression" }, End: true } },
  }, null, 2));
  const marked = editor(page, "Definition").locator(".cm-jsonata");
  await marked.first().waitFor();
  assert.deepEqual(await marked.allTextContents(), ["{% $sum($states.input.items) %}"]);
  assert.deepEqual(await editor(page, "Definition").locator(".cm-jsonata-var").allTextContents(), ["$sum", "$states"]);
});

test("the panes resize by dragging, and keep their sizes after a reload", async () => {
  const page = await suite.open();
  const width = () => page.locator(".app > .editors").evaluate((e) => e.getBoundingClientRect().width);
  const before = await width();
  const bar = await page.locator(".splitter.vertical").boundingBox();
  await page.mouse.move(bar.x + bar.width / 2, bar.y + 200);
  await page.mouse.down();
  await page.mouse.move(bar.x + 200, bar.y + 200, { steps: 4 });
  await page.mouse.up();
  const after = await width();
  assert.ok(Math.abs(after - before - 200) < 12, `the editors grew by the drag (${before} → ${after})`);

  const rows = await page.locator(".splitter.horizontal").boundingBox();
  const eventsHeight = () => page.locator(".app > .events").evaluate((e) => e.getBoundingClientRect().height);
  const tall = await eventsHeight();
  await page.mouse.move(rows.x + 300, rows.y + rows.height / 2);
  await page.mouse.down();
  await page.mouse.move(rows.x + 300, rows.y - 100, { steps: 4 });
  await page.mouse.up();
  assert.ok(Math.abs((await eventsHeight()) - tall - 100) < 12, "the events grew by the drag");

  await page.reload();
  await page.locator(".cm-editor").first().waitFor();
  assert.ok(Math.abs((await width()) - after) < 2, "the width survived the reload");
  await page.locator(".splitter.vertical").dblclick();
  assert.ok(Math.abs((await width()) - before) < 2, "a double-click restores the default");
});

test("the page and the editors follow the system's dark setting", async () => {
  const page = await suite.open();
  const colours = () => page.evaluate(() => ({
    page: getComputedStyle(document.body).backgroundColor,
    editor: getComputedStyle(document.querySelector(".cm-editor")).backgroundColor,
  }));
  await page.emulateMedia({ colorScheme: "light" });
  const light = await colours();
  await page.emulateMedia({ colorScheme: "dark" });
  // The editors switch on the media query's change event.
  await page.waitForFunction((before) => getComputedStyle(document.querySelector(".cm-editor")).backgroundColor !== before, light.editor);
  const dark = await colours();
  const brightness = (rgb) => rgb.match(/\d+/g).slice(0, 3).map(Number).reduce((a, b) => a + b, 0);
  assert.ok(brightness(dark.page) < 200 && brightness(light.page) > 600, `page ${light.page} → ${dark.page}`);
  assert.notEqual(dark.editor, light.editor, "the editor switched theme without a reload");
  await screenshot(page, "editors-dark");
});

test("the definition editor completes state names, state types and the fields a state may take", async () => {
  const errors = [];
  const page = await suite.open(errors);
  await setText(page, "Definition", '{"StartAt":"First","States":{"Second":{"Type":"Succeed"},"First":{"Type":"Pass","Next":');
  const options = () => page.locator(".cm-tooltip-autocomplete li").allTextContents();
  // CodeMirror leaves keys to the editor for 75 ms after a completion list opens (its
  // interactionDelay, so that a quick Enter is not taken as a choice): wait that out.
  const completion = async () => {
    await page.locator(".cm-tooltip-autocomplete").waitFor();
    await page.waitForTimeout(150);
  };
  // A transition offers the states of its level.
  await page.keyboard.type('"Se');
  await completion();
  assert.deepEqual(await options(), ["Second"]);
  await page.keyboard.press("Enter");
  // A state's Type offers the eight types; a Wait then offers a Wait's fields, not those it has.
  await page.keyboard.press("ArrowRight");
  await page.keyboard.type('},"Third":{"Type":"W');
  await completion();
  assert.deepEqual(await options(), ["Wait"]);
  await page.keyboard.press("Enter");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.type(',"Se');
  await completion();
  assert.deepEqual(await options(), ["Seconds", "SecondsPath"]);
  await screenshot(page, "editor-completion");
  await page.keyboard.press("Enter");
  assert.match(await getText(page, "Definition"), /"First":\{"Type":"Pass","Next":"Second"\},"Third":\{"Type":"Wait","Seconds"/);
  // Hovering a field says what it does.
  const at = await editor(page, "Definition").locator(".cm-content").evaluate((content) => {
    const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const i = node.data.indexOf('"StartAt"');
      if (i < 0) continue;
      const range = document.createRange();
      range.setStart(node, i + 2);
      range.setEnd(node, i + 4);
      const r = range.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }
  });
  await page.mouse.move(at.x, at.y);
  assert.match(await page.locator(".asl-doc").textContent(), /^The name of the state the execution .* starts with\.$/);
  await screenshot(page, "editor-hover");
  assert.deepEqual(errors, []);
});

test("the Keys button lists the keyboard shortcuts", async () => {
  const page = await suite.open();
  await page.locator("button.keys").click();
  const rows = page.locator(".shortcuts tr");
  assert.ok((await rows.count()) >= 8);
  assert.match(await page.locator(".shortcuts").textContent(), /Ctrl\/⌘ \+ EnterRun/);
  await screenshot(page, "shortcuts");
  await page.keyboard.press("Escape");
  await rows.first().waitFor({ state: "detached" });
});
