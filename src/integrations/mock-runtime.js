// The mock runtime: the JavaScript half of the handler protocol (src/integrations/handler.rs), the
// same for every host: the page's sandboxed worker and the CLI's embedded engine. A host evaluates
// this file, then the user's mock file as a script named "mocks.js", and then:
//
//   __aslplay.loaded()            → JSON text {ok: true, keys: [...], setup: <JSON text> | null}
//   __aslplay.failure(error)      → JSON text of a thrown value (for an error while loading)
//   __aslplay.seed(n)             seeds Math.random, so a run repeats
//   __aslplay.call(callJson, input?) → Promise of the reply's JSON text (see handler.rs); `input`, the
//                                    execution input's JSON text when the call left a null in its
//                                    place (the page sends it apart: src/bridge/call_input.rs)
//   __aslplay.wake()              resolves the runtime's idle waits; returns how many it woke
//
// Handlers sleep on a virtual clock: `await ctx.sleep(ms)` resolves as soon as nothing else can
// run, and the call reports the virtual time it spent. To know that nothing else can run, the
// runtime waits for idleness: with setTimeout where the host has it (a worker), else by parking
// until the host calls wake() once its job queue is empty.

(function (global) {
  "use strict";

  const handlers = new Map();
  let setupText = null;
  const idleWaiters = [];

  function idle() {
    if (typeof global.setTimeout === "function") return new Promise((resolve) => global.setTimeout(resolve, 0));
    return new Promise((resolve) => idleWaiters.push(resolve));
  }

  function wake() {
    const woken = idleWaiters.splice(0);
    for (const resolve of woken) resolve();
    return woken.length;
  }

  // What in a value JSON cannot hold (a function, a symbol, a BigInt, a cycle), with its path.
  function problem(value, path, stack) {
    const type = typeof value;
    if (type === "function" || type === "symbol" || type === "bigint") return `a ${type === "bigint" ? "BigInt" : type} at ${path}`;
    if (value === null || type !== "object" || typeof value.toJSON === "function") return null;
    if (stack.includes(value)) return `a cycle at ${path}`;
    stack.push(value);
    const entries = Array.isArray(value) ? value.map((v, i) => [`[${i}]`, v]) : Object.entries(value).map(([k, v]) => [`.${k}`, v]);
    for (const [step, item] of entries) {
      const found = problem(item, path + step, stack);
      if (found) return found;
    }
    stack.pop();
    return null;
  }

  function jsonText(value, what) {
    const found = problem(value, "$", []);
    if (found) throw new TypeError(`${what} holds ${found}, which is not JSON`);
    return JSON.stringify(value === undefined ? null : value);
  }

  function location(error) {
    const stack = error !== null && typeof error === "object" && typeof error.stack === "string" ? error.stack : "";
    const match = stack.match(/mocks\.js:(\d+)(?::(\d+))?/);
    return match ? { line: Number(match[1]), ...(match[2] ? { column: Number(match[2]) } : {}) } : {};
  }

  // A thrown value as a task failure: Error is `errorType` or the error's name, Cause its message.
  function thrown(error) {
    const isObject = error !== null && typeof error === "object";
    const name = isObject ? error.errorType ?? error.name : undefined;
    let message = isObject ? error.message ?? error.errorMessage : error;
    if (typeof message !== "string") message = isObject ? JSON.stringify(error) ?? String(error) : String(message);
    const errorName = typeof name === "string" && name ? name : "Error";
    const frames = isObject && typeof error.stack === "string" ? error.stack.split("\n").map((l) => l.trimEnd()).filter((l) => /^\s*at /.test(l) && l.includes("mocks.js")) : [];
    return {
      ok: false,
      error: errorName,
      cause: message,
      thrown: error instanceof Error ? "Error" : error === null ? "null" : typeof error,
      trace: [`${errorName}: ${message}`, ...frames.map((l) => "    " + l.trim())],
      ...location(error),
    };
  }

  function toError(spec, call, n) {
    if (spec instanceof Error) return spec;
    const error = new Error();
    if (typeof spec === "string") {
      error.name = spec;
      error.message = `failure ${call} of ${n}`;
    } else if (spec !== null && typeof spec === "object") {
      error.name = spec.errorType ?? spec.name ?? "Error";
      error.message = spec.message ?? spec.errorMessage ?? `failure ${call} of ${n}`;
    }
    return error;
  }

  function makeStore(initial, changes) {
    const data = new Map(Object.entries(initial));
    return {
      get: (key) => (data.has(String(key)) ? JSON.parse(JSON.stringify(data.get(String(key)))) : undefined),
      has: (key) => data.has(String(key)),
      keys: () => [...data.keys()],
      set(key, value) {
        key = String(key);
        const text = jsonText(value, `store.set("${key}")`);
        data.set(key, JSON.parse(text));
        changes.set[key] = text;
        changes.delete = changes.delete.filter((k) => k !== key);
        return value;
      },
      delete(key) {
        key = String(key);
        const had = data.delete(key);
        delete changes.set[key];
        if (!changes.delete.includes(key)) changes.delete.push(key);
        return had;
      },
    };
  }

  function makeContext(data, clock, effects, changes) {
    const { store, ...fields } = data;
    const now = () => clock.now;
    return {
      ...fields,
      store: makeStore(store ?? {}, changes),
      sleep(ms) {
        if (typeof ms !== "number" || !(ms >= 0) || !Number.isFinite(ms)) throw new TypeError("ctx.sleep takes a number of milliseconds");
        return new Promise((resolve) => clock.sleepers.push({ wake: clock.now + Math.round(ms), seq: clock.seq++, resolve }));
      },
      sendTaskSuccess(token, output) {
        effects.push({ atMs: now(), kind: "success", token: String(token), output: jsonText(output, "sendTaskSuccess's output") });
      },
      sendTaskFailure(token, error, cause) {
        effects.push({ atMs: now(), kind: "failure", token: String(token), error: error === undefined ? "" : String(error), ...(cause === undefined ? {} : { cause: String(cause) }) });
      },
      sendTaskHeartbeat(token) {
        effects.push({ atMs: now(), kind: "heartbeat", token: String(token) });
      },
    };
  }

  /** Puts the execution's input back where the call left a null, read when a handler first looks. */
  function putInput(context, text) {
    const execution = context?.$$?.Execution;
    if (execution === null || typeof execution !== "object") return;
    let value;
    let read = false;
    Object.defineProperty(execution, "Input", {
      get: () => (read ? value : ((read = true), (value = JSON.parse(text)))),
      set: (v) => ((read = true), (value = v)),
      enumerable: true,
      configurable: true,
    });
  }

  async function call(callJson, input) {
    const request = JSON.parse(callJson);
    if (typeof input === "string") putInput(request.context, input);
    const handler = handlers.get(request.key);
    const clock = { now: 0, seq: 0, sleepers: [] };
    const effects = [];
    const changes = { set: {}, delete: [] };
    const ctx = makeContext(request.context, clock, effects, changes);
    let settled = null;
    Promise.resolve()
      .then(() => handler(request.input, ctx))
      .then((value) => (settled = { value }), (error) => (settled = { error }));
    for (;;) {
      await idle();
      if (settled || clock.sleepers.length === 0) break;
      clock.sleepers.sort((a, b) => a.wake - b.wake || a.seq - b.seq);
      const next = clock.sleepers.shift();
      clock.now = next.wake;
      next.resolve();
    }
    const base = { elapsedMs: clock.now, effects, store: changes };
    if (!settled) return JSON.stringify({ ok: false, neverSettled: true, ...base });
    if ("error" in settled) return JSON.stringify({ ...thrown(settled.error), ...base });
    if (settled.value === undefined) return JSON.stringify({ ok: true, nothing: true, ...base });
    const found = problem(settled.value, "$", []);
    if (found) return JSON.stringify({ ok: false, notJson: `returned ${found}, which is not JSON`, ...base });
    return JSON.stringify({ ok: true, json: JSON.stringify(settled.value), ...base });
  }

  function seed(n) {
    let state = Number(n) >>> 0;
    Math.random = () => {
      // mulberry32
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  global.mocks = function mocks(table) {
    if (table === null || typeof table !== "object") {
      throw new TypeError('mocks(...) takes an object of handlers, e.g. mocks({ "Hello": (input) => input })');
    }
    for (const [key, handler] of Object.entries(table)) {
      if (typeof handler !== "function") throw new TypeError(`mocks: the handler for "${key}" is a ${typeof handler}, not a function`);
      handlers.set(key, handler);
    }
  };

  global.setup = function setup(value) {
    setupText = jsonText(value, "setup(...)");
  };

  global.failTimes = function failTimes(n, error, then) {
    if (!Number.isInteger(n) || n < 0) throw new TypeError("failTimes(n, error, then) takes a whole number of failures first");
    return (input, ctx) => {
      if (ctx.call <= n) throw toError(error, ctx.call, n);
      return typeof then === "function" ? then(input, ctx) : then;
    };
  };

  global.__aslplay = {
    loaded: () => JSON.stringify({ ok: true, keys: [...handlers.keys()], setup: setupText }),
    failure: (error) => JSON.stringify(thrown(error)),
    seed,
    call,
    wake,
  };
})(globalThis);
