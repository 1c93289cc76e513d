// The execution player and the graph's interactions: play, pause, step, scrub back in time,
// breakpoints, the keyboard, pan/zoom/fit, selecting a state (shown in the definition editor),
// folding a Parallel, progress on a Map (a distributed one too), a tall graph followed, and the
// speed kept across a reload.

import { test } from "node:test";
import assert from "node:assert/strict";
import { browserSuite, openSample, run, screenshot, setText } from "./harness.mjs";

const suite = browserSuite();

const state = (page, name) => page.locator(`svg.graph .node[data-state="${name}"]`);
const status = (page, name) => state(page, name).getAttribute("data-status");
/** The player's position: [cursor, total]. */
async function position(page) {
  const text = await page.locator(".player .position").textContent();
  const [, at, of] = text.match(/event (\d+) \/ (\d+)/);
  return [Number(at), Number(of)];
}

/** Moves the timeline to just after the first event of type `type` (from the start, where its row is drawn). */
async function scrubToFirst(page, type) {
  await page.locator(".player .scrubber").fill("1");
  const id = await page.locator(".events tr", { has: page.locator("td.type", { hasText: new RegExp(`^${type}$`) }) }).first().locator("td.id").textContent();
  await page.locator(".player .scrubber").fill(id);
}

/** Runs at the instant speed; the status the run ends with. */
async function runInstantly(page) {
  await page.locator(".player .speed select").selectOption("instant");
  return run(page);
}

/** Waits until the replay shows the run's last event. */
function playedToEnd(page) {
  return page.waitForFunction(() => /event (\d+) \/ \1\b/.test(document.querySelector(".player .position").textContent));
}

async function lottery(page) {
  await openSample(page, "employee-lottery");
  await state(page, "Validate Winners").waitFor();
}

test("the player plays, pauses, steps and scrubs the graph back in time", async () => {
  const errors = [];
  const page = await suite.open(errors);
  await lottery(page);
  await page.locator(".player .speed select").selectOption("slow");
  assert.equal(await run(page), "SUCCEEDED");
  // A new run starts playing; it is paused mid-way.
  await page.waitForFunction(() => /event [3-9] /.test(document.querySelector(".player .position").textContent));
  assert.equal(await page.locator(".player .play").getAttribute("aria-pressed"), "true");
  await page.locator(".player .play").click();
  assert.equal(await page.locator(".player .play").getAttribute("aria-pressed"), "false");
  const [paused, total] = await position(page);
  assert.ok(paused > 0 && paused < total, `paused mid-way: ${paused} of ${total}`);
  await screenshot(page, "player-paused");

  await page.locator(".player .step").click();
  assert.deepEqual(await position(page), [paused + 1, total]);
  await page.locator(".player .step-back").click();
  await page.locator(".player .step-back").click();
  assert.deepEqual(await position(page), [paused - 1, total]);
  assert.match(await page.locator(".player .position").textContent(), /· \d\d:\d\d:\d\d\.\d/);

  // The keyboard, with the focus outside the editors.
  await page.locator(".graph-view").focus();
  await page.keyboard.press("ArrowRight");
  assert.deepEqual(await position(page), [paused, total]);
  await page.keyboard.press("ArrowLeft");
  assert.deepEqual(await position(page), [paused - 1, total]);

  // Drag the scrubber to the end: everything has run; back near the start: the later states have not.
  const scrubber = page.locator(".player .scrubber");
  const box = await scrubber.boundingBox();
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * ((paused - 1) / total), y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width - 1, y, { steps: 8 });
  await page.mouse.up();
  assert.deepEqual(await position(page), [total, total]);
  assert.equal(await status(page, "Send SNS and Record In Dynamodb"), "succeeded");
  assert.equal(await status(page, "Notify Winners"), "succeeded");
  await page.mouse.move(box.x + box.width - 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.08, y, { steps: 8 });
  await page.mouse.up();
  const [early] = await position(page);
  assert.ok(early > 0 && early < total / 4, `scrubbed back to ${early}`);
  assert.equal(await status(page, "Send SNS and Record In Dynamodb"), "idle");
  assert.equal(await status(page, "Input Lottery Winners") !== "idle", true);
  await screenshot(page, "player-scrubbed-back");

  // Run to the next state entered.
  await scrubber.fill("1");
  await page.locator(".player .to-state").click();
  assert.equal(await status(page, "Input Lottery Winners"), "active");
  assert.deepEqual(errors, []);
});

test("a breakpoint on a state stops running and playing where the state is entered", async () => {
  const errors = [];
  const page = await suite.open(errors);
  await lottery(page);
  assert.equal(await runInstantly(page), "SUCCEEDED");
  await page.waitForFunction(() => document.querySelector(".player .play").getAttribute("aria-pressed") === "false");
  const [end, total] = await position(page);
  assert.equal(end, total, "instant plays to the end");

  await state(page, "Validate Winners").click({ modifiers: ["Alt"] });
  await page.locator('.node.breakpoint[data-state="Validate Winners"]').waitFor();
  await page.locator(".player .scrubber").fill("0");
  // The timeline marks where it stops: the state is entered once per draw (counted with the
  // events table's filters).
  await page.locator(".events .filter-state").selectOption("Validate Winners");
  await page.locator(".events .filter-type").selectOption("TaskStateEntered");
  const entries = await page.locator(".events tbody tr:not(.spacer)").count();
  await page.locator(".events .filter-state").selectOption("");
  await page.locator(".events .filter-type").selectOption("");
  assert.ok(entries >= 1);
  assert.equal(await page.locator(".player .stops span").count(), entries);
  await page.locator(".player .to-breakpoint").click();
  assert.equal(await status(page, "Validate Winners"), "active");
  assert.equal(await status(page, "Is Winner In Past Draw"), "idle");
  const [stopped] = await position(page);
  assert.ok(stopped > 0 && stopped < total);
  assert.match(await page.locator(".events tr.current .type").textContent(), /StateEntered/);
  await screenshot(page, "player-breakpoint");

  // Playing from the start stops there too, then goes on past it.
  await page.locator(".player .speed select").selectOption("fast");
  await page.locator(".player .scrubber").fill("0");
  await page.locator(".player .play").click();
  await page.waitForFunction(() => document.querySelector(".player .play").getAttribute("aria-pressed") === "false");
  assert.deepEqual(await position(page), [stopped, total]);
  await page.locator(".graph-view").focus();
  await page.keyboard.press("Space");
  await page.waitForFunction(() => document.querySelector(".player .play").getAttribute("aria-pressed") === "false");
  const [after] = await position(page);
  assert.ok(after > stopped, `played on past the breakpoint to ${after}`);

  // The dot in the corner removes it.
  await state(page, "Validate Winners").hover();
  await state(page, "Validate Winners").locator("circle.bp").click();
  assert.equal(await page.locator(".node.breakpoint").count(), 0);
  assert.deepEqual(errors, []);
});

/** Whether every state box lies inside the graph's frame. */
async function allInside(page) {
  const frame = await page.locator(".graph-view").boundingBox();
  const boxes = await page.locator("svg.graph .node").evaluateAll((nodes) =>
    nodes.map((n) => n.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, w: r.width, h: r.height })),
  );
  return boxes.every((b) => b.x >= frame.x - 1 && b.y >= frame.y - 1 && b.x + b.w <= frame.x + frame.width + 1 && b.y + b.h <= frame.y + frame.height + 1);
}

test("the graph pans, zooms and fits, and a clicked state is selected and shown in the editor", async () => {
  const errors = [];
  const page = await suite.open(errors);
  await lottery(page);
  assert.ok(await allInside(page), "fitted on the first drawing");
  // Retry rules are marked on their state, spelled out on hover.
  assert.equal(await page.locator("svg.graph .retry-mark").count(), 3);
  assert.equal(await state(page, "Random Select Winners").locator(".retry-mark title").textContent(),
    "Retry\nStates.ALL: up to 2 retries, 1 s apart, × 2");
  const transform = () => page.locator("svg.graph g.viewport").getAttribute("transform");
  const zoom = async () => Number(await page.locator("svg.graph").getAttribute("data-zoom"));

  const fitted = await zoom();
  await page.locator(".zoom-controls button[aria-label='Zoom in']").click();
  assert.ok((await zoom()) > fitted);
  const frame = await page.locator(".graph-view").boundingBox();
  await page.mouse.move(frame.x + frame.width / 2, frame.y + frame.height / 2);
  await page.mouse.wheel(0, 400);
  const wheeled = await zoom();
  assert.ok(wheeled < fitted, `the wheel zooms out: ${wheeled} < ${fitted}`);
  const before = await transform();
  await page.mouse.move(frame.x + 20, frame.y + frame.height - 20);
  await page.mouse.down();
  await page.mouse.move(frame.x + 220, frame.y + frame.height - 120, { steps: 5 });
  await page.mouse.up();
  assert.notEqual(await transform(), before, "dragging pans");
  await page.locator(".zoom-controls .fit").click();
  assert.equal(await zoom(), fitted);
  assert.ok(await allInside(page), "fit brings every state back into view");

  await state(page, "Validate Winners").click();
  await page.locator('.node.selected[data-state="Validate Winners"]').waitFor();
  assert.equal(await page.locator(".node.selected").count(), 1);
  const line = page.locator('.editor[data-pane="Definition"] .cm-activeLine');
  await line.waitFor();
  assert.match(await line.textContent(), /"Validate Winners":/);
  assert.ok(await line.isVisible());
  // A click on the background clears the selection.
  await page.locator("svg.graph").click({ position: { x: 3, y: 3 } });
  await page.locator(".node.selected").waitFor({ state: "detached" });

  // Folding the Parallel draws it as one box; unfolding brings its branches back.
  await state(page, "Send SNS and Record In Dynamodb").locator("text.title").click();
  await page.locator('.node.folded[data-state="Send SNS and Record In Dynamodb"]').waitFor();
  assert.equal(await state(page, "Notify Winners").count(), 0);
  assert.match(await state(page, "Send SNS and Record In Dynamodb").textContent(), /2 branches/);
  await screenshot(page, "player-folded");
  // A view the user zoomed is kept while the drawing changes; Fit fits it again.
  await page.locator(".zoom-controls button[aria-label='Zoom in']").click();
  const zoomed = await zoom();
  await state(page, "Send SNS and Record In Dynamodb").locator("text.unfold").click();
  await state(page, "Notify Winners").waitFor();
  assert.equal(await zoom(), zoomed, "unfolding keeps the user's zoom");
  await page.locator(".zoom-controls .fit").click();
  assert.ok(await allInside(page), "fit brings every state back into view");
  assert.deepEqual(errors, []);
});

test("a Map shows its iterations' progress, and the speed survives a reload", async () => {
  const errors = [];
  const page = await suite.open(errors);
  await openSample(page, "map-inline");
  assert.equal(await runInstantly(page), "SUCCEEDED");
  const map = page.locator("svg.graph .node.kind-map").first();
  await page.waitForFunction(() => document.querySelector(".player .play").getAttribute("aria-pressed") === "false");
  assert.match(await map.locator(".progress").textContent(), /^3\/3/);
  // Back to when the first iteration had just finished.
  await scrubToFirst(page, "MapIterationSucceeded");
  assert.match(await map.locator(".progress").textContent(), /^1\/3/);
  await screenshot(page, "player-map-progress");

  await page.reload();
  await page.locator(".cm-editor").first().waitFor();
  assert.equal(await page.locator(".player .speed select").inputValue(), "instant");
  assert.deepEqual(errors, []);
});

test("a Wait shows the virtual time it still waits at the moment shown", async () => {
  const errors = [];
  const page = await suite.open(errors);
  await openSample(page, "wait-timer");
  assert.equal(await runInstantly(page), "SUCCEEDED");
  await scrubToFirst(page, "WaitStateEntered");
  const wait = state(page, "Wait a Day");
  assert.equal(await wait.getAttribute("data-status"), "active");
  assert.equal(await wait.locator(".remaining").textContent(), "1d 00:00:00.0 left");
  await screenshot(page, "player-wait");
  await page.locator(".player .step").click();
  assert.equal(await wait.locator(".remaining").count(), 0, "no time left once it is over");
  assert.deepEqual(errors, []);
});

test("a tall graph is fitted readable from its top, and the view follows the run down to its end", async () => {
  const errors = [];
  const page = await suite.open(errors);
  const states = {};
  for (let i = 0; i < 60; i++) states[`Step ${i}`] = i < 59 ? { Type: "Pass", Next: `Step ${i + 1}` } : { Type: "Pass", End: true };
  await setText(page, "Definition", JSON.stringify({ StartAt: "Step 0", States: states }));
  const frame = page.locator(".graph-view");
  const inside = async (name) => {
    const [f, b] = [await frame.boundingBox(), await state(page, name).boundingBox()];
    return b.y >= f.y && b.y + b.height <= f.y + f.height;
  };
  await state(page, "Step 59").waitFor({ state: "attached" });
  await page.waitForTimeout(300);
  assert.ok(await inside("Step 0"), "the first state shows");
  assert.ok(!(await inside("Step 59")), "the drawing is not shrunk to show all 60");
  const box = await state(page, "Step 0").boundingBox();
  assert.ok(box.height >= 44 * 0.6 - 1, `a box ${box.height}px high reads`);

  assert.equal(await runInstantly(page), "SUCCEEDED");
  await playedToEnd(page);
  await page.waitForTimeout(300);
  assert.ok(await inside("Step 59"), "the last state entered was brought into view");
  await screenshot(page, "tall-graph-followed");
  assert.deepEqual(errors, []);
});

test("a distributed Map whose tolerated failure stays in its child execution ends succeeded with all its items done", async () => {
  const errors = [];
  const page = await suite.open(errors);
  await openSample(page, "map-distributed");
  assert.equal(await runInstantly(page), "SUCCEEDED");
  const map = state(page, "Make Thumbnails");
  await playedToEnd(page);
  assert.equal(await map.getAttribute("data-status"), "succeeded");
  assert.equal(await map.locator(".progress").textContent(), "5/5");
  assert.equal(await page.locator(".events td.type", { hasText: "Aborted" }).count(), 0, "no child's abort in the parent's history");
  assert.deepEqual(errors, []);
});
