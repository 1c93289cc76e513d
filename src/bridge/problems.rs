//! Problems shown to the user: a message located in one of the editors, by line and column for the
//! problems list and by UTF-16 offsets for the editor (CodeMirror counts in UTF-16 units).

use serde::Serialize;

use crate::asl::diagnostic::{Diagnostic, Severity};
use crate::asl::json::LineCol;

/// The editor a problem is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Pane {
    /// The state machine definition.
    Definition,
    /// The execution input.
    Input,
    /// The JavaScript mocks.
    Mocks,
}

impl Pane {
    /// The pane's name as the page shows it.
    pub fn label(self) -> &'static str {
        match self {
            Pane::Definition => "Definition",
            Pane::Input => "Input",
            Pane::Mocks => "Mocks",
        }
    }
}

/// A located message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The editor the problem is in.
    pub pane: Pane,
    /// Error or warning.
    pub severity: Severity,
    /// A diagnostic code, for definition problems.
    pub code: Option<&'static str>,
    /// What is wrong.
    pub message: String,
    /// Where it starts, 1-based.
    pub line: usize,
    pub column: usize,
    /// The span in UTF-16 units from the start of the text.
    pub from: usize,
    pub to: usize,
}

/// The diagnostic shape the editor glue takes (see www/js/editor.js).
#[derive(Serialize)]
struct EditorDiagnostic<'a> {
    from: usize,
    to: usize,
    severity: &'a str,
    message: &'a str,
}

impl Problem {
    /// A problem spanning bytes `start..end` of `text`.
    pub fn at(pane: Pane, text: &str, start: usize, end: usize, message: impl Into<String>) -> Problem {
        let start = floor_boundary(text, start);
        let end = floor_boundary(text, end.max(start));
        let LineCol { line, column } = LineCol::of(text, start);
        let (from, to) = (utf16_len(&text[..start]), utf16_len(&text[..end]));
        Problem { pane, severity: Severity::Error, code: None, message: message.into(), line, column, from, to }
    }

    /// A problem at a 1-based line and column (in characters), one character long.
    pub fn at_line(pane: Pane, text: &str, line: usize, column: usize, message: impl Into<String>) -> Problem {
        let line_start: usize = text.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum();
        let rest = &text[line_start.min(text.len())..];
        let offset = line_start + rest.char_indices().nth(column.saturating_sub(1)).map_or(rest.len(), |(i, _)| i);
        let end = offset + text[offset.min(text.len())..].chars().next().map_or(0, char::len_utf8);
        Problem::at(pane, text, offset, end, message)
    }

    /// Text that is not JSON, located where the JSON parser stopped.
    pub fn json(pane: Pane, text: &str, error: &serde_json::Error) -> Problem {
        let message = error.to_string();
        let message = message.split(" at line ").next().unwrap_or(&message);
        // serde_json counts columns in bytes; 0 means the error is at the end of the line.
        let line_start: usize = text.split_inclusive('\n').take(error.line().saturating_sub(1)).map(str::len).sum();
        let offset = (line_start + error.column().saturating_sub(1)).min(text.len());
        let end = offset + text[floor_boundary(text, offset)..].chars().next().map_or(0, char::len_utf8);
        Problem::at(pane, text, offset, end, format!("not valid JSON: {message}"))
    }

    /// A definition diagnostic, located in `text` (at the start when it cannot be found).
    pub fn diagnostic(text: &str, diagnostic: &Diagnostic) -> Problem {
        let (start, end) = diagnostic.span(text).map_or((0, 0), |s| (s.start, s.end));
        Problem {
            severity: diagnostic.severity,
            code: Some(diagnostic.code),
            ..Problem::at(Pane::Definition, text, start, end, diagnostic.message.clone())
        }
    }

    /// `line:column` for the problems list.
    pub fn position(&self) -> String {
        format!("{}:{}", self.line, self.column)
    }
}

/// The problems of one pane as the JSON the editor glue takes.
pub fn editor_json<'a>(problems: impl IntoIterator<Item = &'a Problem>) -> String {
    let list: Vec<EditorDiagnostic> = problems
        .into_iter()
        .map(|p| EditorDiagnostic {
            from: p.from,
            to: p.to,
            severity: if p.severity == Severity::Error { "error" } else { "warning" },
            message: &p.message,
        })
        .collect();
    serde_json::to_string(&list).unwrap_or_else(|_| "[]".to_owned())
}

fn utf16_len(text: &str) -> usize {
    text.chars().map(char::len_utf16).sum()
}

fn floor_boundary(text: &str, mut offset: usize) -> usize {
    offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::asl::json::Value;

    #[test]
    fn a_json_error_is_located_where_the_parser_stopped() {
        let text = "{\n  \"StartAt\": \"A\",\n  \"States\": {,}\n}";
        let error = Value::parse(text).unwrap_err();
        let p = Problem::json(Pane::Definition, text, &error);
        assert_eq!((p.line, p.column), (3, 14));
        assert_eq!(&text[p.from..p.to], ",");
        assert!(p.message.starts_with("not valid JSON: "), "{}", p.message);
        assert!(!p.message.contains("line"), "{}", p.message);
    }

    #[test]
    fn json_truncated_at_the_end_is_located_at_the_end() {
        let text = "{\"a\": [1, 2";
        let p = Problem::json(Pane::Input, text, &Value::parse(text).unwrap_err());
        // serde_json stops on the last character it read.
        assert_eq!((p.line, p.column, p.from), (1, 11, text.len() - 1));
    }

    #[test]
    fn diagnostics_point_at_their_value_and_offsets_count_utf16_units() {
        let text = "{\"Comment\": \"🙂\", \"StartAt\": \"Nope\"}";
        let d = Diagnostic::error("MISSING_TRANSITION_TARGET", "/StartAt", "no state is named Nope");
        let p = Problem::diagnostic(text, &d);
        assert_eq!(p.code, Some("MISSING_TRANSITION_TARGET"));
        assert_eq!((p.line, p.column), (1, 29));
        let utf16: Vec<u16> = text.encode_utf16().collect();
        assert_eq!(String::from_utf16(&utf16[p.from..p.to]).unwrap(), "\"Nope\"");
    }

    #[test]
    fn line_and_column_from_javascript_become_offsets() {
        let text = "const a = 1;\nmocks({ x: () => { throw new Error('no') } });\n";
        let p = Problem::at_line(Pane::Mocks, text, 2, 20, "Error: no");
        assert_eq!(&text[p.from..p.to], "t");
        assert_eq!(p.position(), "2:20");
        let past = Problem::at_line(Pane::Mocks, text, 9, 1, "beyond the end");
        assert_eq!(past.from, utf16_len(text));
    }

    #[test]
    fn editor_json_carries_spans_and_severities() {
        let text = "[1,]";
        let p = Problem::json(Pane::Input, text, &Value::parse(text).unwrap_err());
        let json = editor_json([&p]);
        assert!(json.starts_with(r#"[{"from":3,"to":4,"severity":"error","message":"not valid JSON: "#), "{json}");
    }
}
