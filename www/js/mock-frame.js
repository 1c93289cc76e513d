// Runs inside a sandboxed iframe without `allow-same-origin` (see mock-host.js): its origin is
// opaque, and so is the origin of the worker it starts. It starts a worker for each channel the
// page hands it (calls and replies then go straight between the page and the worker, without a
// hop through this frame), replaces it when the page asks, and reports a worker that crashed.

/* global WORKER_SOURCE: the bundled mock-worker.js, inserted by build.mjs */
const workerUrl = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: "text/javascript" }));
let worker = null;

addEventListener("message", ({ source, data, ports }) => {
  if (source !== parent || data?.kind !== "connect" || ports.length !== 1) return;
  worker?.terminate();
  worker = new Worker(workerUrl);
  worker.onerror = (event) => {
    event.preventDefault();
    parent.postMessage({ kind: "crash", message: event.message }, "*");
  };
  worker.postMessage({ kind: "connect" }, ports);
});

parent.postMessage({ kind: "ready" }, "*");
