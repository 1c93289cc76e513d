// The page's own benchmark, in headless Chromium on the built page (run `trunk build --release` first):
//
//   node bench/page.mjs        (knob: BENCH_TRIALS, 5)
//
// It reports the median over the trials of
// - the time until the page is interactive: the graph drawn and Run enabled, from navigation start;
// - the layout of a generated 500-state definition (the page measures it as `aslplay:layout`);
// - frames per second while the player plays a run of a 200-state definition at its fast speed;
// - frames per second while the timeline is scrubbed to random events of a 25,000-event history;
// - the time a Map over 2,000 records of its input (230 KB) takes to run, its 2,000 mock calls
//   answered by the sandbox (no goal: it shows what a call to the sandbox costs).
// Headless Chromium draws without a GPU and without a display's vsync, so frame rates are indicative.

import { launch, serveDist } from "../tests/e2e/harness.mjs";

const TRIALS = Number(process.env.BENCH_TRIALS ?? 5);
const GOALS = { interactiveMs: 1000, layoutMs: 50, fps: 60, scrubFps: 60 };

/** `n` states: Task chains with retries, a Choice looping back every 25 states, a Parallel every 50. */
function definition(n) {
  const states = {};
  const name = (i) => `Step ${i}`;
  for (let i = 0; i < n; i++) {
    const next = i + 1 < n ? { Next: name(i + 1) } : { End: true };
    if (i % 50 === 49) {
      const branch = (b) => ({ StartAt: `B${i}.${b}`, States: { [`B${i}.${b}`]: { Type: "Pass", End: true } } });
      states[name(i)] = { Type: "Parallel", Branches: [branch(0), branch(1)], ...next };
    } else if (i % 25 === 24) {
      states[name(i)] = { Type: "Choice", Choices: [{ Variable: "$.again", BooleanEquals: true, Next: name(i - 20) }], Default: next.Next ?? "Done" };
    } else if (i % 3 === 0) {
      states[name(i)] = { Type: "Task", Resource: `arn:aws:lambda:us-east-1:1:function:f${i}`, Retry: [{ ErrorEquals: ["States.ALL"] }], ...next };
    } else {
      states[name(i)] = { Type: "Pass", ...next };
    }
  }
  states.Done = { Type: "Succeed" };
  return JSON.stringify({ StartAt: name(0), States: states }, null, 2);
}

/** A chain of `n` Pass states: it runs without mocks. */
function chain(n) {
  const states = {};
  for (let i = 0; i < n; i++) states[`Pass ${i}`] = { Type: "Pass", ...(i + 1 < n ? { Next: `Pass ${i + 1}` } : { End: true }) };
  return JSON.stringify({ StartAt: "Pass 0", States: states });
}

/** A Choice loop of `turns` turns (four events each): a long history. */
function loop(turns) {
  return JSON.stringify({
    StartAt: "Init",
    States: {
      Init: { Type: "Pass", Result: 0, ResultPath: "$.n", Next: "Add" },
      Add: { Type: "Pass", Parameters: { "n.$": "States.MathAdd($.n, 1)" }, Next: "Again?" },
      "Again?": { Type: "Choice", Choices: [{ Variable: "$.n", NumericLessThan: turns, Next: "Add" }], Default: "Done" },
      Done: { Type: "Succeed" },
    },
  });
}

/** A Map calling a Lambda function's mock once for each of the `n` records of its input. */
function mapOfTasks(n) {
  const task = { Type: "Task", Resource: "arn:aws:lambda:us-east-1:123456789012:function:double", End: true };
  const map = { Type: "Map", ItemsPath: "$.items", ItemProcessor: { StartAt: "Double", States: { Double: task } }, End: true };
  return {
    definition: JSON.stringify({ StartAt: "Each", States: { Each: map } }),
    input: JSON.stringify({ items: Array.from({ length: n }, (_, i) => ({ id: i, name: `customer-${i}`, email: `someone${i}@example.com`, note: "x".repeat(40) })) }),
    mocks: "mocks({ double: async (x) => x.id * 2 });",
  };
}

/** A fresh page whose editors hold `texts` (as a reload restores them) and whose player runs at `speed`. */
async function open(browser, url, texts, speed = "normal") {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.addInitScript(([texts, speed]) => {
    if (window !== window.top) return; // the mock sandbox's frame
    if (texts) localStorage.setItem("aslplay.editors.v1", JSON.stringify(texts));
    localStorage.setItem("aslplay.speed.v1", speed);
    // The moment the page becomes interactive: a graph drawn and Run enabled.
    const ready = () => document.querySelector("svg.graph .node") && document.querySelector("button.run:not([disabled])");
    new MutationObserver((_, observer) => {
      if (ready()) {
        window.__interactive = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  }, [texts, speed]);
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.__interactive !== undefined, null, { timeout: 30000 });
  return { page, context };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const { server, url } = await serveDist();
  const browser = await launch();
  const results = { interactiveMs: [], layoutMs: [], fps: [], scrubFps: [], mapRunMs: [] };
  try {
    for (let t = 0; t < TRIALS; t++) {
      {
        const { page, context } = await open(browser, url, null);
        results.interactiveMs.push(await page.evaluate(() => window.__interactive));
        await context.close();
      }
      {
        const texts = { definition: definition(500), input: "{}", mocks: "" };
        const { page, context } = await open(browser, url, texts);
        const count = await page.locator("svg.graph .node").count();
        if (count < 500) throw new Error(`the 500-state definition drew ${count} boxes`);
        results.layoutMs.push(await page.evaluate(() => performance.getEntriesByName("aslplay:layout")[0].duration));
        await context.close();
      }
      {
        const texts = { definition: chain(200), input: "{}", mocks: "" };
        const { page, context } = await open(browser, url, texts, "fast");
        const counting = page.evaluate(
          () =>
            new Promise((resolve) => {
              const play = () => document.querySelector(".player .play");
              let frames = 0;
              let start = null;
              const frame = (now) => {
                const playing = play()?.getAttribute("aria-pressed") === "true";
                if (playing && start === null) start = now;
                if (start !== null && !playing) return resolve({ frames, ms: now - start });
                if (start !== null) frames++;
                requestAnimationFrame(frame);
              };
              requestAnimationFrame(frame);
            }),
        );
        await page.locator("button.run").click();
        const { frames, ms } = await counting;
        results.fps.push((frames * 1000) / ms);
        await context.close();
      }
      {
        const texts = { definition: loop(6200), input: "{}", mocks: "" };
        const { page, context } = await open(browser, url, texts, "instant");
        await page.locator("button.run").click();
        await page.locator(".result .status:not(.running):not(.idle)").waitFor({ timeout: 120000 });
        const { seeks, ms, events } = await page.evaluate(async () => {
          const scrubber = document.querySelector(".player .scrubber");
          const events = Number(scrubber.max);
          const start = performance.now();
          for (let i = 0; i < 120; i++) {
            scrubber.value = String(Math.floor(Math.random() * events));
            scrubber.dispatchEvent(new Event("input", { bubbles: true }));
            await new Promise((resolve) => requestAnimationFrame(resolve));
          }
          return { seeks: 120, ms: performance.now() - start, events };
        });
        if (events < 24000) throw new Error(`the long history has ${events} events`);
        results.scrubFps.push((seeks * 1000) / ms);
        await context.close();
      }
      {
        const { page, context } = await open(browser, url, mapOfTasks(2000), "instant");
        const started = await page.evaluate(() => performance.now());
        await page.locator("button.run").click();
        await page.locator(".result .status.succeeded").waitFor({ timeout: 120000 });
        results.mapRunMs.push((await page.evaluate(() => performance.now())) - started);
        await context.close();
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  const line = (label, key, unit, better) => {
    const value = median(results[key]);
    const met = better === "lower" ? value <= GOALS[key] : value >= GOALS[key];
    const all = results[key].map((v) => v.toFixed(1)).join(", ");
    const goal = key in GOALS ? `goal ${better === "lower" ? "≤" : "≥"} ${GOALS[key]}  ${met ? "met" : "MISSED"}` : "";
    console.log(`${label.padEnd(34)} ${value.toFixed(1).padStart(8)} ${unit.padEnd(3)} ${goal}   (${all})`);
  };
  console.log(`median of ${TRIALS} trials`);
  line("page interactive", "interactiveMs", "ms", "lower");
  line("layout of 500 states", "layoutMs", "ms", "lower");
  line("playing a 200-state run", "fps", "fps", "higher");
  line("scrubbing a 25,000-event history", "scrubFps", "fps", "higher");
  line("a Map of 2,000 records, mocked", "mapRunMs", "ms", "lower");
}

await main();
