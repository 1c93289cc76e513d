// What every browser test needs: the built page (dist/) served on 127.0.0.1, headless Chromium
// driven by playwright-core, and helpers to work the editors and keep screenshots.

import { createServer } from "node:http";
import { readFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { before, after } from "node:test";
import { chromium } from "playwright-core";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dist = path.join(root, "dist");
const results = path.join(root, "test-results");

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm", ".json": "application/json" };

/**
 * An HTML file's Content-Security-Policy <meta>, sent as a header too (as a real server would), with
 * `frame-ancestors`, which only a header can carry ('self': the page frames its mock frame).
 */
function policyHeader(body) {
  const policy = /<meta http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(body.toString("utf8"));
  return policy ? { "content-security-policy": `${policy[1]}; frame-ancestors 'self'` } : {};
}

/** Serves dist/ on a free port of 127.0.0.1; resolves to the server and its base URL. */
export async function serveDist() {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    const file = path.join(dist, path.normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, ""));
    const target = url.pathname.endsWith("/") ? path.join(file, "index.html") : file;
    try {
      const body = await readFile(target);
      res.writeHead(200, { "content-type": TYPES[path.extname(target)] ?? "application/octet-stream", ...policyHeader(body) });
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${server.address().port}/` };
}

/** Debian's Chromium, headless, with the flags this closed network needs (and a fresh profile). */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * Registers the test file's set-up: dist/ served and Chromium started before its tests, both
 * stopped after. `open(errors, at)` gives a fresh page (own storage) that records uncaught errors.
 */
export function browserSuite() {
  const suite = {};
  before(async () => {
    suite.served = await serveDist();
    suite.browser = await launch();
  });
  after(async () => {
    await suite.browser?.close();
    suite.served?.server.close();
  });
  // `at` is appended to the page's address (a fragment such as "#sample=batch-job").
  suite.open = (errors = [], at = "") => openPage(suite.browser, suite.served.url + at, errors);
  return suite;
}

/** A fresh page (its own storage) at `url`, failing the test on any uncaught page error. */
async function openPage(browser, url, errors = []) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("dialog", (dialog) => dialog.accept());
  await page.goto(url);
  await page.locator(".cm-editor").first().waitFor();
  // The first workspace (a first visit's sample, a link's) arrives after the editors: typing
  // before it does would be overwritten.
  await page.waitForFunction(() => document.querySelector('.editor[data-pane="Definition"] .cm-content')?.textContent.trim());
  return page;
}

/** The editor of a pane: "Definition", "Input" or "Mocks". */
export function editor(page, pane) {
  return page.locator(`.editor[data-pane="${pane}"]`);
}

/** Shows a pane's editor and replaces its whole text, as a user typing would. */
export async function setText(page, pane, text) {
  await page.locator(`.tab[data-pane="${pane}"]`).click();
  const content = editor(page, pane).locator(".cm-content");
  await content.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(text);
}

/** Opens a sample from the gallery (the Samples button); resolves once its files have landed. */
export async function openSample(page, id) {
  await page.locator("button.samples").click();
  await page.locator(`.gallery .card[data-sample="${id}"]`).click();
  await page.locator(`.hint[data-sample="${id}"]`).waitFor();
}

/** A pane's text as the editor holds it. */
export async function getText(page, pane) {
  return editor(page, pane).locator(".cm-line").evaluateAll((lines) => lines.map((l) => l.textContent).join("\n"));
}

/** Saves a screenshot as test-results/NAME.png. */
export async function screenshot(page, name) {
  await mkdir(results, { recursive: true });
  await page.screenshot({ path: path.join(results, `${name}.png`) });
}

/** Clicks Run and waits for a final status; resolves to the status word shown. */
export async function run(page, { timeout = 15000 } = {}) {
  await page.locator("button.run").click();
  const status = page.locator(".result .status:not(.running):not(.idle)");
  await status.waitFor({ timeout });
  return (await status.textContent()).trim();
}
