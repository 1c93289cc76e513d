//! Reading a check from its JSON object. Serde's derive would need `flatten` and an internally
//! tagged enum for this format, which buffer every check and cost the page's wasm tens of kilobytes;
//! reading the object as a [`Value`] first and taking its fields by name costs little.

use serde::de::{Deserialize, Deserializer, Error};

use crate::asl::json::Value;

use super::check::{Check, Rule};

impl<'de> Deserialize<'de> for Check {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Check, D::Error> {
        read(&Value::deserialize(deserializer)?).map_err(D::Error::custom)
    }
}

/// The check written as `value`.
fn read(value: &Value) -> Result<Check, String> {
    if value.as_object().is_none() {
        return Err(format!("a check is an object, not {}", value.type_name()));
    }
    let f = Fields(value);
    let rule = match f.string("kind")?.as_str() {
        "status" => Rule::Status { equals: f.string("equals")? },
        "output" => Rule::Output { equals: f.value("equals"), includes: f.value("includes") },
        "state_output" => Rule::StateOutput { state: f.string("state")?, equals: f.value("equals"), includes: f.value("includes") },
        "error" => Rule::Error { equals: f.string("equals")? },
        "visited" => Rule::Visited { states: f.strings("states")? },
        "not_visited" => Rule::NotVisited { states: f.strings("states")? },
        "path" => Rule::Path { equals: f.strings("equals")? },
        "retried" => Rule::Retried { state: f.string("state")?, at_least: f.count("at_least")?.map_or(1, |n| n as usize) },
        "caught" => Rule::Caught { state: f.string("state")?, error: f.optional_string("error")? },
        "uses_feature" => Rule::UsesFeature { feature: f.string("feature")? },
        "variable_assigned" => Rule::VariableAssigned { name: f.string("name")?, equals: f.value("equals") },
        "elapsed" => Rule::Elapsed { at_least_seconds: f.count("at_least_seconds")?, at_most_seconds: f.count("at_most_seconds")? },
        other => return Err(format!("unknown kind of check \"{other}\"")),
    };
    Ok(Check { rule, scenario: f.optional_string("scenario")?, feedback: f.string("feedback")?, title: f.optional_string("title")? })
}

/// A check's fields; a field set to `null` counts as absent.
struct Fields<'a>(&'a Value);

impl Fields<'_> {
    fn value(&self, name: &str) -> Option<Value> {
        self.0.get(name).filter(|v| !v.is_null()).cloned()
    }

    fn optional_string(&self, name: &str) -> Result<Option<String>, String> {
        self.value(name).map(|v| v.as_str().map(str::to_string).ok_or_else(|| wrong(name, "a string", &v))).transpose()
    }

    fn string(&self, name: &str) -> Result<String, String> {
        self.optional_string(name)?.ok_or_else(|| missing(name))
    }

    fn strings(&self, name: &str) -> Result<Vec<String>, String> {
        let list = self.value(name).ok_or_else(|| missing(name))?;
        let strings = list.as_array().and_then(|items| items.iter().map(|s| s.as_str().map(str::to_string)).collect());
        strings.ok_or_else(|| wrong(name, "a list of strings", &list))
    }

    fn count(&self, name: &str) -> Result<Option<u64>, String> {
        self.value(name).map(|v| v.as_i64().and_then(|n| u64::try_from(n).ok()).ok_or_else(|| wrong(name, "a whole number of 0 or more", &v))).transpose()
    }
}

fn missing(name: &str) -> String {
    format!("missing field `{name}`")
}

fn wrong(name: &str, expected: &str, found: &Value) -> String {
    format!("`{name}` must be {expected}, not {}", found.to_json())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str) -> Result<Check, String> {
        read(&Value::parse(text).unwrap())
    }

    #[test]
    fn reads_each_kind_with_its_fields() {
        let retried = check(r#"{"kind": "retried", "state": "T", "feedback": "f", "scenario": "busy"}"#).unwrap();
        assert_eq!(retried.rule, Rule::Retried { state: "T".into(), at_least: 1 });
        assert_eq!((retried.scenario.as_deref(), retried.feedback.as_str(), retried.title), (Some("busy"), "f", None));
        let output = check(r#"{"kind": "output", "includes": {"a": 1}, "equals": null, "feedback": "f", "title": "t"}"#).unwrap();
        assert_eq!(output.rule, Rule::Output { equals: None, includes: Some(Value::parse(r#"{"a": 1}"#).unwrap()) });
        assert_eq!(output.title.as_deref(), Some("t"));
        let elapsed = check(r#"{"kind": "elapsed", "at_most_seconds": 30, "feedback": "f"}"#).unwrap();
        assert_eq!(elapsed.rule, Rule::Elapsed { at_least_seconds: None, at_most_seconds: Some(30) });
        let path = check(r#"{"kind": "path", "equals": ["A", "B"], "feedback": "f"}"#).unwrap();
        assert_eq!(path.rule, Rule::Path { equals: vec!["A".into(), "B".into()] });
    }

    #[test]
    fn says_what_is_wrong_with_a_check() {
        let cases = [
            (r#"["status"]"#, "a check is an object, not array"),
            (r#"{"equals": "SUCCEEDED", "feedback": "f"}"#, "missing field `kind`"),
            (r#"{"kind": "status", "feedback": "f"}"#, "missing field `equals`"),
            (r#"{"kind": "status", "equals": "SUCCEEDED"}"#, "missing field `feedback`"),
            (r#"{"kind": "ended", "feedback": "f"}"#, "unknown kind of check \"ended\""),
            (r#"{"kind": "visited", "states": ["A", 2], "feedback": "f"}"#, "`states` must be a list of strings, not [\"A\",2]"),
            (r#"{"kind": "retried", "state": "T", "at_least": -1, "feedback": "f"}"#, "`at_least` must be a whole number of 0 or more, not -1"),
            (r#"{"kind": "caught", "state": "T", "error": 7, "feedback": "f"}"#, "`error` must be a string, not 7"),
        ];
        for (text, expected) in cases {
            assert_eq!(check(text).unwrap_err(), expected, "{text}");
        }
    }
}
