// The editors follow the system's light or dark setting, and switch when it changes.

import { Compartment } from "@codemirror/state";
import { oneDark } from "@codemirror/theme-one-dark";

const scheme = globalThis.matchMedia?.("(prefers-color-scheme: dark)");
const slot = new Compartment();
const views = new Set();

function current() {
  return scheme?.matches ? oneDark : [];
}

scheme?.addEventListener("change", () => {
  for (const view of views) view.dispatch({ effects: slot.reconfigure(current()) });
});

/** The theme extension for a new editor. */
export function systemTheme() {
  return slot.of(current());
}

/** Keeps `view` in step with the system setting until `forget` is called. */
export function follow(view) {
  views.add(view);
  return () => views.delete(view);
}
