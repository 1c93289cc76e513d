// The browser glue the wasm app calls into, as the global `aslplay` (see src/bridge/).

import { createEditor } from "./editor.js";
import { MockHost, syntaxError } from "./mock-host.js";
import { installSplitters } from "./splitters.js";
import { installFatal } from "./fatal.js";

let mockHost = null;

globalThis.aslplay = {
  createEditor,
  /** The page's one mock sandbox, created on first use (it needs document.body). */
  mocks() {
    mockHost ??= new MockHost();
    return mockHost;
  },
  /** The mock file's syntax error as a reply JSON string, or null. */
  mockSyntaxError(source) {
    const error = syntaxError(source);
    return error && JSON.stringify(error);
  },
};

addEventListener("DOMContentLoaded", () => {
  installFatal();
  installSplitters();
});
