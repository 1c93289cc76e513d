//! Reading Choice rules from the definition, with a located diagnostic for the first problem.

use crate::asl::diagnostic::{codes, pointer_join, Diagnostic};
use crate::asl::path::Path;
use crate::asl::json::{Map, Value};

use super::comparison::{Operand, Test, OPERATORS, TYPE_TESTS};
use super::pattern::Pattern;
use super::Condition;
use crate::asl::timestamp;

/// How deep `And`, `Or` and `Not` may nest.
pub const MAX_DEPTH: usize = 32;

/// Fields a rule may carry besides its operator.
const TOP_LEVEL_EXTRAS: [&str; 3] = ["Next", "Comment", "Assign"];
const NESTED_EXTRAS: [&str; 1] = ["Comment"];

/// Parses the boolean expression of a rule at `pointer`; `top` says whether it is a rule of
/// `Choices` itself (which may carry `Next` and `Assign`) rather than one nested in And/Or/Not.
pub fn condition(rule: &Value, pointer: &str, top: bool, depth: usize) -> Result<Condition, Diagnostic> {
    let map = rule.as_object().ok_or_else(|| Diagnostic::schema(pointer, "a choice rule must be a JSON object"))?;
    if depth > MAX_DEPTH {
        return Err(Diagnostic::schema(pointer, format!("choice rules may nest at most {MAX_DEPTH} deep")));
    }
    let extras: &[&str] = if top { &TOP_LEVEL_EXTRAS } else { &NESTED_EXTRAS };
    let mut operator = None;
    for key in map.keys() {
        let key: &str = key;
        if key == "Variable" || extras.contains(&key) {
            continue;
        }
        if !is_operator(key) {
            let hint = match key {
                "Next" => "a nested rule cannot have Next; only the rules directly in Choices do",
                "Condition" => "Condition belongs to JSONata states; JSONPath rules use Variable and an operator",
                _ => "this is not a field of a choice rule",
            };
            return Err(Diagnostic::schema(pointer_join(pointer, key), hint).at_key());
        }
        if let Some(first) = operator.replace(key) {
            let message = format!("a choice rule has one operator, but this one has {first} and {key}");
            return Err(Diagnostic::schema(pointer_join(pointer, key), message).at_key());
        }
    }
    let Some(operator) = operator else {
        return Err(Diagnostic::schema(
            pointer,
            "a choice rule needs an operator: a comparison such as StringEquals (with Variable), or And, Or, Not",
        ));
    };
    // The operator is one of the rule's keys.
    let value = map.get(operator).unwrap_or(&Value::Null);
    let at = pointer_join(pointer, operator);
    match operator {
        "And" | "Or" => {
            forbid_variable(map, pointer, operator)?;
            let items = value
                .as_array()
                .filter(|items| !items.is_empty())
                .ok_or_else(|| Diagnostic::schema(&at, format!("{operator} must be a non-empty array of rules")))?;
            let rules = items
                .iter()
                .enumerate()
                .map(|(i, item)| condition(item, &pointer_join(&at, i), false, depth + 1))
                .collect::<Result<Vec<_>, _>>()?;
            Ok(if operator == "And" { Condition::And(rules) } else { Condition::Or(rules) })
        }
        "Not" => {
            forbid_variable(map, pointer, operator)?;
            Ok(Condition::Not(Box::new(condition(value, &at, false, depth + 1)?)))
        }
        _ => {
            let variable = match map.get("Variable") {
                Some(v) => reference(v, &pointer_join(pointer, "Variable"))?,
                None => return Err(Diagnostic::schema(pointer, format!("a rule with {operator} needs a Variable"))),
            };
            if operator == "IsPresent" {
                return Ok(Condition::IsPresent { variable, wanted: flag(operator, value, &at)? });
            }
            Ok(Condition::Test { variable, test: test(operator, value, &at)? })
        }
    }
}

fn is_operator(key: &str) -> bool {
    let base = key.strip_suffix("Path").unwrap_or(key);
    matches!(key, "And" | "Or" | "Not" | "IsPresent" | "StringMatches")
        || TYPE_TESTS.iter().any(|(name, _)| *name == key)
        || OPERATORS.iter().any(|(name, _, _)| *name == base)
}

fn forbid_variable(map: &Map, pointer: &str, operator: &str) -> Result<(), Diagnostic> {
    match map.contains_key("Variable") {
        true => Err(Diagnostic::schema(
            pointer_join(pointer, "Variable"),
            format!("a rule with {operator} takes no Variable; put Variable in the rules inside it"),
        )
        .at_key()),
        false => Ok(()),
    }
}

/// What the operator `name` with value `value` tests.
fn test(name: &str, value: &Value, pointer: &str) -> Result<Test, Diagnostic> {
    if let Some((_, kind)) = TYPE_TESTS.iter().find(|(n, _)| *n == name) {
        return Ok(Test::Is(*kind, flag(name, value, pointer)?));
    }
    if name == "StringMatches" {
        let text =
            value.as_str().ok_or_else(|| Diagnostic::schema(pointer, "StringMatches must be a string pattern"))?;
        return Ok(Test::Matches(Pattern::new(text)));
    }
    let (base, by_path) = match name.strip_suffix("Path") {
        Some(base) => (base, true),
        None => (name, false),
    };
    let Some(&(_, domain, relation)) = OPERATORS.iter().find(|(n, _, _)| *n == base) else {
        return Err(Diagnostic::schema(pointer, format!("{name} is not a comparison operator")));
    };
    let operand = if by_path {
        Operand::Reference(reference(value, pointer)?)
    } else {
        use super::comparison::Domain::*;
        let fits = match domain {
            String => value.as_str().is_some(),
            Numeric => matches!(value, Value::Number(_)),
            Boolean => value.as_bool().is_some(),
            Timestamp => value.as_str().and_then(timestamp::parse).is_some(),
        };
        if !fits {
            let expected = match domain {
                String => "a string",
                Numeric => "a number",
                Boolean => "true or false",
                Timestamp => "a timestamp such as 2016-03-14T01:59:00Z (uppercase T and Z, or an offset like +01:00)",
            };
            return Err(Diagnostic::schema(pointer, format!("{name} must be {expected}")));
        }
        Operand::Value(value.clone())
    };
    Ok(Test::Compare(domain, relation, operand))
}

fn flag(name: &str, value: &Value, pointer: &str) -> Result<bool, Diagnostic> {
    value.as_bool().ok_or_else(|| Diagnostic::schema(pointer, format!("{name} must be true or false")))
}

/// A reference written as a string: a path starting with `$`, `$$` or a variable `$name`.
fn reference(value: &Value, pointer: &str) -> Result<Path, Diagnostic> {
    let text =
        value.as_str().ok_or_else(|| Diagnostic::schema(pointer, "expected a path string such as \"$.field\""))?;
    if !text.starts_with('$') {
        return Err(Diagnostic::error(codes::NO_DOLLAR, pointer, "a path must start with '$'").at_offset(0));
    }
    Path::parse(text).map_err(|e| {
        Diagnostic::error(codes::INVALID_EXPRESSION, pointer, format!("invalid path: {}", e.message))
            .at_offset(e.offset)
    })
}
