//! The JSONata scratchpad: an expression tried against an input and variables as the user types,
//! reported as `aslplay jsonata` reports it. The input is the execution's, or what a state of the
//! last run received; `$states.input` is bound to it as in a state, and so is `$` (the context),
//! as in the command.

use crate::asl::json::Value;
use crate::asl::jsonata::{try_expression, Tried};
use crate::bridge::history::EventRow;
use crate::bridge::outcome::pretty;

/// What the scratchpad shows under the expression.
#[derive(Clone, Debug, PartialEq)]
pub enum Shown {
    /// Nothing typed yet.
    Empty,
    /// The value, pretty-printed.
    Value(String),
    /// The expression yields nothing.
    Undefined,
    /// JSONata's error, with the position (in characters) it points at, if any.
    Error { code: String, message: String, position: Option<usize> },
    /// The input or the variables are not usable: which, and why.
    Unusable(String),
}

/// Tries `expression` on the input text with the variables of `bindings` (a JSON object, or empty).
pub fn show(expression: &str, input: &str, bindings: &str) -> Shown {
    if expression.trim().is_empty() {
        return Shown::Empty;
    }
    let input = match Value::parse(input) {
        Ok(v) => v,
        Err(e) => return Shown::Unusable(format!("The input is not JSON: {e}")),
    };
    let mut variables = if bindings.trim().is_empty() {
        Value::empty_object()
    } else {
        match Value::parse(bindings) {
            Ok(v) if v.as_object().is_some() => v,
            Ok(_) => return Shown::Unusable("The variables must be a JSON object: {\"name\": value, …}".into()),
            Err(e) => return Shown::Unusable(format!("The variables are not JSON: {e}")),
        }
    };
    if let Some(vars) = variables.as_object_mut() {
        if !vars.contains_key("states") {
            vars.insert("states".into(), Value::from_pairs([("input", input.clone())]));
        }
    }
    match try_expression(expression, Some(&input), &variables) {
        Tried::Value(v) => Shown::Value(pretty(&v)),
        Tried::Undefined => Shown::Undefined,
        Tried::Error(e) => Shown::Error { code: e.code.to_string(), message: e.message.clone(), position: e.position },
    }
}

/// The input `state` received at its last entry among the first `cursor` events, as JSON text.
pub fn state_input(events: &[EventRow], state: &str, cursor: usize) -> Option<String> {
    let entered = events[..cursor.min(events.len())]
        .iter()
        .rev()
        .find(|e| e.kind.ends_with("StateEntered") && e.state.as_deref() == Some(state))?;
    let details = Value::parse(&entered.details).ok()?;
    Some(pretty(details.get("input")?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_input_is_both_the_context_and_states_input() {
        assert_eq!(show("$.a + $states.input.a", r#"{"a": 2}"#, ""), Shown::Value("4".into()));
        assert_eq!(show("$x * a", r#"{"a": 2}"#, r#"{"x": 5}"#), Shown::Value("10".into()));
        // Variables named states win over the binding, as the user wrote them.
        assert_eq!(show("$states", "{}", r#"{"states": 1}"#), Shown::Value("1".into()));
    }

    #[test]
    fn nothing_errors_and_unusable_inputs_are_told_apart() {
        assert_eq!(show("  ", "{}", ""), Shown::Empty);
        assert_eq!(show("nothing.here", "{}", ""), Shown::Undefined);
        assert!(matches!(show("$sum(", "{}", ""), Shown::Error { ref code, position: Some(_), .. } if code.starts_with('S')));
        assert!(matches!(show("1", "{", ""), Shown::Unusable(ref m) if m.starts_with("The input")));
        assert!(matches!(show("1", "{}", "[1]"), Shown::Unusable(ref m) if m.contains("object")));
    }

    #[test]
    fn a_runaway_expression_ends_with_an_error() {
        let runaway = "($f := function($n) { $n = 0 ? 0 : 1 + $f($n - 1) }; $f(100000000))";
        assert!(matches!(show(runaway, "{}", ""), Shown::Error { .. }));
    }

    #[test]
    fn a_states_input_is_its_last_entry_before_the_cursor() {
        let row = |id, kind: &str, state: &str, details: &str| EventRow {
            id,
            kind: kind.into(),
            state: Some(state.into()),
            details: details.into(),
            failure: false,
            time: None,
        };
        let events = vec![
            row(1, "PassStateEntered", "A", r#"{"input":{"n":1},"name":"A"}"#),
            row(2, "PassStateExited", "A", r#"{"output":{"n":2},"name":"A"}"#),
            row(3, "PassStateEntered", "A", r#"{"input":{"n":3},"name":"A"}"#),
        ];
        assert_eq!(state_input(&events, "A", 2).as_deref(), Some("{\n  \"n\": 1\n}"));
        assert_eq!(state_input(&events, "A", 3).as_deref(), Some("{\n  \"n\": 3\n}"));
        assert_eq!(state_input(&events, "B", 3), None);
    }
}
