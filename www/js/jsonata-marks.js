// JSONata inside the definition: a JSON string written `"{% … %}"` is an expression, not text.
// This marks those strings (and the `$variables` and `$functions` in them) so they read as code.
// CodeMirror's JSON grammar has no nested language for them, and a full JSONata grammar is more than
// marking needs: expressions are short, and the core reports their syntax errors with positions.

import { syntaxTree } from "@codemirror/language";
import { Decoration, ViewPlugin } from "@codemirror/view";
import { RangeSetBuilder } from "@codemirror/state";

const expression = Decoration.mark({ class: "cm-jsonata" });
const variable = Decoration.mark({ class: "cm-jsonata-var" });
const NAMES = /\$[A-Za-z_$][\w$]*/g;

function marks(view) {
  const builder = new RangeSetBuilder();
  let done = 0; // a string spanning two visible ranges is met twice
  for (const { from, to } of view.visibleRanges) {
    syntaxTree(view.state).iterate({
      from,
      to,
      enter(node) {
        if (node.name !== "String" || node.from < done) return;
        const text = view.state.doc.sliceString(node.from, node.to);
        if (!/^"\{%[\s\S]*%\}"$/.test(text)) return;
        const start = node.from + 1;
        done = node.to;
        builder.add(start, node.to - 1, expression);
        // Marks may nest, but must be added in order of their starts: the names come after.
        for (const m of text.slice(1, -1).matchAll(NAMES)) {
          builder.add(start + m.index, start + m.index + m[0].length, variable);
        }
      },
    });
  }
  return builder.finish();
}

export const jsonataMarks = ViewPlugin.fromClass(
  class {
    constructor(view) {
      this.decorations = marks(view);
    }
    update(update) {
      if (update.docChanged || update.viewportChanged) this.decorations = marks(update.view);
    }
  },
  { decorations: (plugin) => plugin.decorations },
);
