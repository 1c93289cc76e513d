// Runs the user's mock file in a dedicated worker started by the sandboxed frame (mock-frame.js),
// so the code has an opaque origin and no way to the page's DOM or storage. The handler protocol
// itself is the shared mock runtime (src/integrations/mock-runtime.js), which the page sends along.
// The page talks to it over the port of a channel, given by the frame's first message.
//
// Messages in:  {kind: "load", id, runtime, source, seed}   evaluate the runtime, then the mock file
//               {kind: "call", id, call, input?}             a handler call, as JSON text; `input`
//                 (when the call left out its execution's input): that input's JSON text, kept
//                 for the calls after, or null for the one kept
// Messages out: {kind: "reply", id, reply}                   the runtime's reply, as JSON text

function load({ runtime, source, seed }) {
  // Indirect eval runs both as global scripts, so the stack's line numbers are the file's own.
  (0, eval)(runtime);
  self.__aslplay.seed(seed);
  try {
    (0, eval)(`${source}\n//# sourceURL=mocks.js`);
  } catch (error) {
    return self.__aslplay.failure(error);
  }
  return self.__aslplay.loaded();
}

let executionInput;

async function receive(port, data) {
  let reply;
  if (typeof data.input === "string") executionInput = data.input;
  try {
    reply = data.kind === "load" ? load(data) : await self.__aslplay.call(data.call, data.input === undefined ? undefined : executionInput);
  } catch (error) {
    reply = JSON.stringify({ ok: false, error: "Error", cause: `the mock runtime failed: ${error?.message ?? error}` });
  }
  port.postMessage({ kind: "reply", id: data.id, reply });
}

self.onmessage = ({ data, ports }) => {
  if (data?.kind !== "connect" || ports.length !== 1) return;
  const [port] = ports;
  port.onmessage = (event) => receive(port, event.data);
};
