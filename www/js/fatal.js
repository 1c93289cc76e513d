// When the wasm app dies, the page says so and offers a bug report to copy. The Rust panic hook
// writes its message into `#fatal` (src/bridge/panic.rs); a trap that bypasses the hook (a wasm
// `RuntimeError` reaching the browser) is shown here too. The report carries the editors' texts as
// they are on screen, so what broke the page can be reproduced.

const PREFIX = "aslplay hit an internal error and stopped";

function banner() {
  return document.getElementById("fatal");
}

function show(message) {
  const el = banner();
  if (!el || !el.hidden) return; // the panic hook's message is the better one
  el.textContent = `${PREFIX}: ${message}\nYour editors' text is saved in this browser: reload the page to go on.`;
  el.hidden = false;
}

function editorTexts() {
  return [...document.querySelectorAll(".editor[data-pane]")].map((editor) => {
    const lines = [...editor.querySelectorAll(".cm-line")].map((line) => line.textContent);
    return `### ${editor.dataset.pane}\n\n\`\`\`\n${lines.join("\n")}\n\`\`\``;
  });
}

/** The report: the error, the browser, and the editors' texts, as Markdown. */
export function bugReport() {
  const message = banner()?.firstChild?.textContent ?? "";
  return [
    "## aslplay stopped with an internal error",
    "",
    "```",
    message.trim(),
    "```",
    "",
    `Browser: ${navigator.userAgent}`,
    "",
    ...editorTexts(),
    "",
  ].join("\n");
}

function addCopyButton() {
  const el = banner();
  if (!el || el.hidden || el.querySelector("button")) return;
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = "Copy bug report";
  button.addEventListener("click", async () => {
    const report = bugReport();
    try {
      await navigator.clipboard.writeText(report);
      button.textContent = "Copied";
    } catch {
      // No clipboard permission: show the report selected, for Ctrl+C.
      const area = document.createElement("textarea");
      area.value = report;
      area.rows = 8;
      el.append(area);
      area.select();
    }
  });
  el.append("\n", button);
}

/** Watches for the app's death: the panic hook's banner, or a wasm trap. */
export function installFatal() {
  const el = banner();
  if (!el) return;
  new MutationObserver(addCopyButton).observe(el, { attributes: true, childList: true });
  const trapped = (error) => {
    if (error instanceof WebAssembly.RuntimeError) show(String(error));
  };
  addEventListener("error", (e) => trapped(e.error));
  addEventListener("unhandledrejection", (e) => trapped(e.reason));
}
