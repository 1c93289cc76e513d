// The page's side of the mock sandbox. Mock code comes from the user or from a shared link, so it
// never runs in the page: a hidden iframe with `sandbox="allow-scripts"` (an opaque origin) loads
// mock-frame.html (written by build.mjs, with its own Content-Security-Policy) and starts a worker that evaluates it (mock-frame.js, mock-worker.js). A call that does not answer in time is
// abandoned and the worker replaced, so an endless loop in a handler cannot freeze the page.
// Calls and replies travel over a channel of their own between the page and the worker: through
// the frame they would take two hops each way, and a big Map makes thousands of calls.
//
// Both methods return a Promise of the mock runtime's reply as JSON text, and never reject:
//   load(runtime, source, seed)  → {ok: true, keys, setup} | {ok: false, error, cause, line?, column?}
//   call(callJson, ms, input)    → a handler reply (src/integrations/handler.rs), or
//                                  {ok: false, timedOut: true} when it took longer than `ms`;
//                                  `input` is undefined when the call is whole, else the call
//                                  left out `$$.Execution.Input` (src/bridge/call_input.rs): this
//                                  JSON text, or (null) the one of the call before

import { parse } from "acorn";

const LOAD_TIMEOUT_MS = 3000;
const TIMED_OUT = JSON.stringify({ ok: false, timedOut: true });
const failed = (cause) => JSON.stringify({ ok: false, error: "Error", cause });

/** Syntax check of a mock file: null, or the error with its line and column. */
export function syntaxError(source) {
  try {
    parse(source, { ecmaVersion: "latest", sourceType: "script" });
    return null;
  } catch (error) {
    if (!(error instanceof SyntaxError) || !error.loc) throw error;
    const message = error.message.replace(/ \(\d+:\d+\)$/, "");
    return { ok: false, error: "SyntaxError", cause: message, line: error.loc.line, column: error.loc.column + 1, pos: error.pos };
  }
}

export class MockHost {
  constructor() {
    this.pending = new Map();
    this.nextId = 1;
    addEventListener("message", (event) => this.receive(event));
    this.open();
  }

  /** (Re)creates the sandboxed frame; messages wait until it says it is ready. */
  open() {
    this.frame?.remove();
    this.frame = document.createElement("iframe");
    this.frame.setAttribute("sandbox", "allow-scripts");
    this.frame.setAttribute("aria-hidden", "true");
    this.frame.hidden = true;
    this.frame.src = new URL("mock-frame.html", document.baseURI).href;
    this.ready = new Promise((resolve) => (this.onReady = resolve));
    document.body.append(this.frame);
  }

  receive({ source, data }) {
    if (source !== this.frame.contentWindow || data === null || typeof data !== "object") return;
    if (data.kind === "ready") {
      this.connect();
      this.onReady();
    }
    if (data.kind === "crash") {
      for (const id of [...this.pending.keys()]) this.settle(id, failed(data.message));
    }
  }

  /** Has the frame start a fresh worker, reached through a new channel. */
  connect() {
    this.port?.close();
    const channel = new MessageChannel();
    this.port = channel.port1;
    this.port.onmessage = ({ data }) => {
      if (data?.kind === "reply") this.settle(data.id, data.reply);
    };
    this.frame.contentWindow.postMessage({ kind: "connect" }, "*", [channel.port2]);
  }

  settle(id, reply) {
    const entry = this.pending.get(id);
    if (!entry) return;
    this.pending.delete(id);
    clearTimeout(entry.timer);
    entry.resolve(reply);
  }

  async send(message, timeoutMs) {
    await this.ready;
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.settle(id, TIMED_OUT);
        this.reset();
        // A handler that exhausted memory may have taken the frame's process down with the
        // worker: start over with a new frame.
        this.open();
      }, timeoutMs);
      this.pending.set(id, { resolve, timer });
      this.port.postMessage({ ...message, id });
    });
  }

  /** Throws away the worker and whatever state the mock file kept, and starts a fresh one. */
  reset() {
    this.loaded = false;
    this.inputSent = false;
    if (this.port) this.connect();
    for (const id of [...this.pending.keys()]) {
      this.settle(id, failed("the mock worker was restarted"));
    }
  }

  async load(runtime, source, seed) {
    const error = syntaxError(source);
    if (error) return JSON.stringify(error);
    this.reset();
    this.file = { runtime, source, seed };
    const reply = await this.send({ kind: "load", runtime, source, seed }, LOAD_TIMEOUT_MS);
    this.loaded = JSON.parse(reply).ok === true;
    return reply;
  }

  async call(callJson, timeoutMs, input) {
    // A handler that timed out took the worker, and the handlers loaded in it, with it: load again.
    if (!this.loaded && this.file) {
      const { runtime, source, seed } = this.file;
      const reply = await this.load(runtime, source, seed);
      if (!JSON.parse(reply).ok) return reply;
    }
    if (typeof input === "string") {
      this.executionInput = input;
      this.inputSent = false;
    }
    const message = { kind: "call", call: callJson };
    // A new worker (after a reset) has not had it yet.
    if (input !== undefined) {
      message.input = this.inputSent ? null : this.executionInput;
      this.inputSent = true;
    }
    return this.send(message, timeoutMs);
  }
}
