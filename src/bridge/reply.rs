//! The mock file as the page reports on it: the sandbox's reply to loading it, and the problems a
//! run ran into in it, located in the Mocks editor.

use crate::asl::json::Value;
use crate::bridge::problems::{Pane, Problem};
use crate::integrations::driver::Note;

/// A mock file that loaded: its handler keys, and what it passed to `setup(...)`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Loaded {
    pub keys: Vec<String>,
    pub setup: Option<Value>,
}

/// Reads the sandbox's reply to loading `mocks` (`{ok, keys, setup}`, or a thrown error, or a
/// time-out); a failure becomes a problem located where the error was.
pub fn loaded(mocks: &str, reply: &str) -> Result<Loaded, Problem> {
    let reply = Value::parse(reply).unwrap_or(Value::Null);
    let text = |key: &str| reply.get(key).and_then(Value::as_str);
    if reply.get("ok").and_then(Value::as_bool) == Some(true) {
        let keys = reply.get("keys").and_then(Value::as_array).unwrap_or_default();
        let setup =
            text("setup").map(Value::parse).transpose().map_err(|e| at_start(mocks, format!("setup(...): {e}")))?;
        return Ok(Loaded { keys: keys.iter().filter_map(Value::as_str).map(str::to_owned).collect(), setup });
    }
    if reply.get("timedOut").and_then(Value::as_bool) == Some(true) {
        return Err(at_start(
            mocks,
            "The mock file did not finish loading in time (an endless loop at its top level?)",
        ));
    }
    let message =
        format!("{}: {}", text("error").unwrap_or("Error"), text("cause").unwrap_or("the mock file failed to load"));
    Err(located(mocks, &reply, message))
}

/// A problem the run ran into in the mock file: a handler's throw (the reply to a call), located
/// where it was thrown.
pub fn thrown(mocks: &str, key: &str, reply: &str) -> Option<Problem> {
    let reply = Value::parse(reply).ok()?;
    let flag = |k: &str| reply.get(k).and_then(Value::as_bool) == Some(true);
    if flag("ok") || flag("timedOut") || flag("neverSettled") || reply.get("notJson").is_some() {
        return None;
    }
    let text = |k: &str| reply.get(k).and_then(Value::as_str).unwrap_or_default();
    let message = format!("The mock handler \"{key}\" threw {}: {}", text("error"), text("cause"));
    // A thrown value that is not an Error has no stack: point at the handler.
    Some(match reply.get("line") {
        Some(_) => located(mocks, &reply, message),
        None => at_key(mocks, key, message),
    })
}

/// A remark of the run's about the mocks, at its place in the file, else at the handler the
/// remark names (`The mock handler "KEY" …`), else at the start.
pub fn note(mocks: &str, note: &Note) -> Problem {
    if let (Some(line), Some(column)) = (note.line, note.column) {
        return Problem::at_line(Pane::Mocks, mocks, line as usize, column as usize, note.message.clone());
    }
    let key = note.message.strip_prefix("The mock handler \"").and_then(|rest| rest.split('"').next());
    at_key(mocks, key.unwrap_or_default(), note.message.clone())
}

/// `message` at the handler registered under `key`, else at the start of the file.
fn at_key(mocks: &str, key: &str, message: String) -> Problem {
    match key_offset(mocks, key).filter(|_| !key.is_empty()) {
        Some(at) => Problem::at(Pane::Mocks, mocks, at, at + key.len(), message),
        None => at_start(mocks, message),
    }
}

fn located(mocks: &str, reply: &Value, message: String) -> Problem {
    let number = |k: &str| reply.get(k).and_then(Value::as_i64).and_then(|n| usize::try_from(n).ok());
    match (number("line"), number("column")) {
        (Some(line), column) => Problem::at_line(Pane::Mocks, mocks, line, column.unwrap_or(1), message),
        _ => at_start(mocks, message),
    }
}

fn at_start(mocks: &str, message: impl Into<String>) -> Problem {
    Problem::at(Pane::Mocks, mocks, 0, 0, message)
}

/// Where `key` is registered in the mock file: its first appearance quoted, or followed by a colon.
fn key_offset(mocks: &str, key: &str) -> Option<usize> {
    ['"', '\'']
        .iter()
        .find_map(|q| mocks.find(&format!("{q}{key}{q}")).map(|i| i + 1))
        .or_else(|| mocks.find(&format!("{key}:")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_loaded_file_gives_its_keys_and_setup() {
        let loaded =
            loaded("", r#"{"ok":true,"keys":["Hello","sqs:sendMessage"],"setup":"{\"store\":{\"n\":1}}"}"#).unwrap();
        assert_eq!(loaded.keys, ["Hello", "sqs:sendMessage"]);
        assert_eq!(loaded.setup.unwrap().to_json(), r#"{"store":{"n":1}}"#);
    }

    #[test]
    fn a_file_that_fails_to_load_is_located() {
        let mocks = "mocks({\n  A: 42,\n});";
        let reply = r#"{"ok":false,"error":"TypeError","cause":"mocks: the handler for \"A\" is a number, not a function","line":1,"column":1}"#;
        let problem = loaded(mocks, reply).unwrap_err();
        assert_eq!((problem.pane, problem.line), (Pane::Mocks, 1));
        assert!(problem.message.starts_with("TypeError: mocks: the handler"), "{}", problem.message);
        assert!(loaded(mocks, r#"{"ok":false,"timedOut":true}"#).unwrap_err().message.contains("endless loop"));
        assert!(loaded(mocks, "not json").is_err());
    }

    #[test]
    fn a_throw_is_located_where_it_was_thrown() {
        let mocks = "mocks({\n  Hello: () => { throw new TypeError('no who') },\n});\n";
        let reply = r#"{"ok":false,"error":"TypeError","cause":"no who","thrown":"Error","line":2,"column":23}"#;
        let problem = thrown(mocks, "Hello", reply).unwrap();
        assert_eq!((problem.line, problem.column), (2, 23));
        assert_eq!(problem.message, "The mock handler \"Hello\" threw TypeError: no who");
        let string = thrown(mocks, "Hello", r#"{"ok":false,"error":"Error","cause":"oops","thrown":"string"}"#).unwrap();
        assert_eq!((string.line, string.column), (2, 3), "no stack: at the handler");
        assert_eq!(thrown(mocks, "Hello", r#"{"ok":true,"json":"1"}"#), None);
        assert_eq!(thrown(mocks, "Hello", r#"{"ok":false,"timedOut":true}"#), None);
    }

    #[test]
    fn a_note_without_a_place_points_at_the_handler_it_names() {
        let mocks = "const slow = () => { for (;;) {} };\nmocks({ 'Spin': slow });";
        let n = Note {
            message: "The mock handler \"Spin\" for the Task state 'Spin' did not finish in time".into(),
            line: None,
            column: None,
        };
        let problem = note(mocks, &n);
        assert_eq!((problem.line, problem.column, &mocks[problem.from..problem.to]), (2, 10, "Spin"));
        let elsewhere = Note { message: "something else".into(), line: None, column: None };
        assert_eq!(note(mocks, &elsewhere).from, 0);
    }
}
