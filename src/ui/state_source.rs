//! Where a state is written in the definition's text, for the editor to show it when the state is
//! clicked on the graph: its key under `States`, at any depth of Parallel branches and Map
//! item processors.

use crate::asl::json::{locate, Value};

/// The offset (in UTF-16 units, as the editor counts) of the key naming state `name` in
/// `definition`; `None` if the text is not JSON or has no such state.
pub fn state_offset(definition: &str, name: &str) -> Option<usize> {
    let value = Value::parse(definition).ok()?;
    let pointer = pointer(&value, name, String::new())?;
    let span = locate(definition, &pointer, true)?;
    Some(definition[..span.start].encode_utf16().count())
}

/// The JSON Pointer of the state `name` in the machine (or branch) `machine`, under `prefix`.
fn pointer(machine: &Value, name: &str, prefix: String) -> Option<String> {
    let states = machine.get("States")?.as_object()?;
    if states.get(name).is_some() {
        return Some(format!("{prefix}/States/{}", escape(name)));
    }
    states.iter().find_map(|(key, state)| {
        let here = format!("{prefix}/States/{}", escape(key));
        let branches = state.get("Branches").and_then(Value::as_array).unwrap_or_default();
        let in_branch = branches.iter().enumerate().find_map(|(i, b)| pointer(b, name, format!("{here}/Branches/{i}")));
        in_branch.or_else(|| {
            ["ItemProcessor", "Iterator"]
                .iter()
                .find_map(|field| pointer(state.get(field)?, name, format!("{here}/{field}")))
        })
    })
}

/// A key as a JSON Pointer token (RFC 6901).
fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEFINITION: &str = r#"{"Comment": "é ✓", "StartAt": "P", "States": {
      "P": {"Type": "Parallel", "Next": "M", "Branches": [
        {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}},
        {"StartAt": "a/b", "States": {"a/b": {"Type": "Pass", "End": true}}}]},
      "M": {"Type": "Map", "End": true, "ItemProcessor": {"StartAt": "Deep", "States": {"Deep": {"Type": "Succeed"}}}}}}"#;

    fn at(name: &str) -> Option<String> {
        let offset = state_offset(DEFINITION, name)?;
        let utf16: Vec<u16> = DEFINITION.encode_utf16().collect();
        Some(String::from_utf16(&utf16[offset..offset + name.len() + 2]).unwrap())
    }

    #[test]
    fn finds_states_at_any_depth_counting_utf16_units() {
        for name in ["P", "M", "A", "a/b", "Deep"] {
            assert_eq!(at(name), Some(format!("\"{name}\"")), "{name}");
        }
        assert_eq!(state_offset(DEFINITION, "Nope"), None);
        assert_eq!(state_offset("{not json", "P"), None);
    }
}
