// CodeMirror 6 editors for the page. The Rust side creates one per pane and talks to it through the
// small handle returned by `createEditor`; text flows out through `onChange`, diagnostics flow in.

import { basicSetup } from "codemirror";
import { EditorView, keymap } from "@codemirror/view";
import { EditorState, Prec } from "@codemirror/state";
import { json, jsonLanguage, jsonParseLinter } from "@codemirror/lang-json";
import { javascript } from "@codemirror/lang-javascript";
import { linter, lintGutter, setDiagnostics } from "@codemirror/lint";
import { syntaxError } from "./mock-host.js";
import { formatBar, formatJson } from "./format.js";
import { jsonataMarks } from "./jsonata-marks.js";
import { aslCompletions, aslHover } from "./asl-complete.js";
import { follow, systemTheme } from "./theme.js";

// Live syntax checking of the mock file, with the same parser the mock host checks it with.
const mockSyntaxLinter = linter((view) => {
  const error = syntaxError(view.state.doc.toString());
  if (!error) return [];
  const from = Math.min(error.pos, view.state.doc.length);
  return [{ from, to: Math.min(from + 1, view.state.doc.length), severity: "error", message: `SyntaxError: ${error.cause}` }];
});

const jsonTools = [formatBar, keymap.of([{ key: "Shift-Alt-f", run: formatJson }])];

function languageExtensions(language) {
  switch (language) {
    case "javascript":
      return [javascript(), mockSyntaxLinter];
    case "jsonata":
      return [];
    case "json-plain":
      return [json()];
    case "json-live":
      return [json(), linter(jsonParseLinter()), jsonTools];
    default:
      return [json(), jsonLanguage.data.of({ autocomplete: aslCompletions }), aslHover, jsonataMarks, jsonTools];
  }
}

/**
 * An editor in `parent`. `language` is "json" (the definition: diagnostics come from the caller,
 * completion from the definition's shape), "json-live"
 * (checked as you type), "javascript", or for the scratchpad's small editors "jsonata" (plain)
 * and "json-plain" (no Format bar, no checks). `onChange(text)` runs after every edit, `onRun()` on
 * Ctrl/Cmd+Enter.
 */
export function createEditor(parent, language, doc, onChange, onRun) {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        Prec.highest(keymap.of([{ key: "Mod-Enter", run: () => (onRun(), true) }])),
        basicSetup,
        // ARNs are long and the panel is narrow: wrap rather than scroll sideways.
        EditorView.lineWrapping,
        lintGutter(),
        systemTheme(),
        languageExtensions(language),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
  const forget = follow(view);
  return {
    /** Replaces the whole text (loading a sample); not reported through onChange. */
    setText(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    /** Shows diagnostics given as JSON: [{from, to, severity, message}], offsets in UTF-16 units. */
    setDiagnostics(diagnosticsJson) {
      const length = view.state.doc.length;
      const diagnostics = JSON.parse(diagnosticsJson).map((d) => ({
        ...d,
        from: Math.min(d.from, length),
        to: Math.min(Math.max(d.to, d.from), length),
      }));
      view.dispatch(setDiagnostics(view.state, diagnostics));
    },
    /** Moves the cursor to an offset, scrolls it into view and focuses the editor. */
    reveal(offset) {
      const pos = Math.min(offset, view.state.doc.length);
      view.dispatch({ selection: { anchor: pos }, effects: EditorView.scrollIntoView(pos, { y: "center" }) });
      view.focus();
    },
    destroy() {
      forget();
      view.destroy();
    },
  };
}
