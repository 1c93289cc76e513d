// The page runs under its Content-Security-Policy without tripping it, and the policy is in force;
// mock code cannot reach the page's storage, cookies, DOM or the network (each attempt fails the
// task with the mock's error). Mocks that loop or allocate without bound: runaway-mock.test.mjs.

import { test } from "node:test";
import assert from "node:assert/strict";
import { browserSuite, run, screenshot, setText } from "./harness.mjs";

const suite = browserSuite();

/** A fresh page that records every Content-Security-Policy violation from its first script on. */
async function watched() {
  const errors = [];
  const page = await suite.open(errors);
  await page.addInitScript(() => {
    window.__violations = [];
    addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  await page.reload();
  await page.locator(".cm-editor").first().waitFor();
  return { page, errors, violations: () => page.evaluate(() => window.__violations) };
}

test("the page works under its Content-Security-Policy, which is in force", async () => {
  const { page, errors, violations } = await watched();
  const response = await page.goto(page.url());
  await page.locator(".cm-editor").first().waitFor();
  const header = response.headers()["content-security-policy"];
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  for (const policy of [header, meta]) {
    assert.match(policy, /default-src 'none'/);
    assert.match(policy, /object-src 'none'/);
    assert.match(policy, /base-uri 'none'/);
    // Scripts: the page's own files, its wasm, and trunk's start-up script by its hash; no eval,
    // no inline script otherwise, no other origin anywhere.
    const scripts = /script-src ([^;]*)/.exec(policy)[1].split(" ");
    assert.deepEqual(scripts.slice(0, 2), ["'self'", "'wasm-unsafe-eval'"]);
    assert.ok(scripts.slice(2).length > 0 && scripts.slice(2).every((s) => /^'sha256-[\w+/=]+'$/.test(s)), scripts.join(" "));
    assert.doesNotMatch(policy, /https?:|\*/);
  }
  assert.match(header, /frame-ancestors 'self'/);

  // A run with its mocks, the samples gallery, the editors: nothing the page does is refused.
  assert.equal(await run(page), "SUCCEEDED");
  await page.locator("button.samples").click();
  await page.locator(".gallery .card").first().click();
  assert.equal(await run(page), "SUCCEEDED");
  assert.deepEqual(await violations(), []);
  await screenshot(page, "csp-page-runs");

  // What the policy is for: a script injected into the page does not run.
  const ran = await page.evaluate(async () => {
    const script = document.createElement("script");
    script.textContent = "window.__injected = true";
    document.head.append(script);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return window.__injected === true;
  });
  assert.equal(ran, false);
  // Reported once per policy in force: the header's and the meta's.
  assert.deepEqual(await violations(), ["script-src-elem inline", "script-src-elem inline"]);
  assert.deepEqual(errors, []);
});

/** What a mock tries, and the error and cause its task fails with. `base` is the page's address. */
const escapes = (base) => [
  ["localStorage", 'localStorage.setItem("secret", "stolen")', /ReferenceError/, /localStorage is not defined/],
  ["cookies", "return document.cookie", /ReferenceError/, /document is not defined/],
  ["the page's DOM", "return parent.document.title", /ReferenceError/, /parent is not defined/],
  ["the top window", 'top.location.href = "about:blank"', /ReferenceError/, /top is not defined/],
  ["the network", `return await (await fetch("${base}exfiltrate?secret")).text()`, /TypeError/, /Failed to fetch/],
  ["scripts", `importScripts("${base}exfiltrate.js")`, /NetworkError/, /importScripts/],
];

test("a mock cannot reach the page's storage, cookies, DOM, window or the network", async () => {
  const { page, errors } = await watched();
  await page.evaluate(() => {
    localStorage.setItem("secret", "page data");
    document.cookie = "session=page";
  });
  const requests = [];
  page.context().on("request", (r) => requests.push(r.url()));
  for (const [what, attempt, error, cause] of escapes(page.url())) {
    await setText(page, "Mocks", `mocks({\n  "Hello": async (input, ctx) => {\n    ${attempt};\n    return "escaped";\n  },\n});`);
    assert.equal(await run(page), "FAILED", what);
    assert.match(await page.locator(".result .error-name code").textContent(), error, what);
    assert.match(await page.locator(".result .cause").textContent(), cause, what);
    assert.match(await page.locator(".result .problem").first().textContent(), /^Mocks 3:/, what);
  }
  await screenshot(page, "sandbox-escape-refused");
  assert.equal(await page.evaluate(() => localStorage.getItem("secret")), "page data");
  assert.equal(await page.evaluate(() => document.cookie), "session=page");
  assert.deepEqual(requests.filter((url) => url.includes("exfiltrate")), []);
  assert.deepEqual(errors, []);
});
