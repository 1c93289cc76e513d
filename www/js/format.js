// "Format document" for the JSON editors: re-indents without re-reading the values, so numbers keep
// their digits and duplicate keys stay for the validator to report (a JSON.parse round trip would
// lose both). jsonc-parser is the formatter VS Code uses for JSON.

import { format } from "jsonc-parser";
import { showPanel } from "@codemirror/view";

const OPTIONS = { tabSize: 2, insertSpaces: true, eol: "\n" };

/** Formats the editor's JSON in one undoable change; returns whether anything changed. */
export function formatJson(view) {
  const edits = format(view.state.doc.toString(), undefined, OPTIONS);
  if (edits.length === 0) return true;
  view.dispatch({
    changes: edits.map((e) => ({ from: e.offset, to: e.offset + e.length, insert: e.content })),
    userEvent: "format",
    scrollIntoView: true,
  });
  return true;
}

/** A thin bar above the editor with the Format button. */
export const formatBar = showPanel.of((view) => {
  const dom = document.createElement("div");
  dom.className = "cm-format-bar";
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = "Format";
  button.title = "Format the document (Shift+Alt+F)";
  button.addEventListener("click", () => {
    formatJson(view);
    view.focus();
  });
  dom.append(button);
  return { dom, top: true };
});
