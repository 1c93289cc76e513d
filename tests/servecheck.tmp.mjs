import { chromium } from "playwright-core";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless","--no-sandbox","--disable-gpu","--disable-quic","--no-first-run","--disable-background-networking","--disable-component-update","--disable-sync"] });
const page = await browser.newPage();
const msgs = [];
page.on("console", m => msgs.push(m.type() + ": " + m.text().slice(0, 200)));
page.on("pageerror", e => msgs.push("pageerror " + e.message));
await page.goto("http://127.0.0.1:8093/");
const drawn = await page.waitForSelector("svg.graph .node", { timeout: 60000 }).then(() => true, () => false);
let status = "-";
if (drawn) { await page.click("button.run"); status = await page.waitForSelector(".result .status.succeeded", { timeout: 30000 }).then(() => "succeeded", () => "no success"); }
await page.waitForTimeout(3000);
console.log("graph drawn:", drawn, "run:", status);
console.log(msgs.join("\n") || "no console messages");
await browser.close();
