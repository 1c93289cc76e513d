//! One expression tried on its own, outside any state: what `aslplay jsonata` prints and the
//! page's JSONata scratchpad shows. `{"result": …}`, `{"undefined": true}` (also for a function,
//! which JSON cannot hold), or `{"error": {"code", "message", "position"}}`.

use crate::asl::json::Value;
use crate::asl::jsonata::{parse, Environment, JsonataError, Output};
use crate::asl::random::Random;

/// How a tried expression ended.
#[derive(Clone, Debug, PartialEq)]
pub enum Tried {
    Value(Value),
    Undefined,
    Error(JsonataError),
}

/// Evaluates `expression` against `input` (the context, `$`) with `bindings`' members as
/// variables, the randomness seeded so a retry gives the same answer.
pub fn try_expression(expression: &str, input: Option<&Value>, bindings: &Value) -> Tried {
    let mut random = Random::new(0);
    let mut env = Environment::new(input, bindings, &mut random);
    match parse(expression).and_then(|e| e.evaluate(&mut env)) {
        Ok(Output::Value(v)) => Tried::Value(v),
        Ok(Output::Undefined | Output::Function) => Tried::Undefined,
        Err(e) => Tried::Error(e),
    }
}

impl Tried {
    /// The report as one JSON object.
    pub fn report(&self) -> Value {
        match self {
            Tried::Value(v) => Value::from_pairs([("result", v.clone())]),
            Tried::Undefined => Value::from_pairs([("undefined", Value::Bool(true))]),
            Tried::Error(e) => {
                let position = e.position.map_or(Value::Null, |p| Value::int(p as i64));
                let error = Value::from_pairs([("code", Value::str(e.code)), ("message", Value::str(&e.message)), ("position", position)]);
                Value::from_pairs([("error", error)])
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(expression: &str, input: &str) -> String {
        let input = Value::parse(input).unwrap();
        try_expression(expression, Some(&input), &Value::parse(r#"{"rate": 2}"#).unwrap()).report().to_json()
    }

    #[test]
    fn values_nothing_and_errors_are_reported_as_the_command_prints_them() {
        assert_eq!(report("$sum(a) * $rate", r#"{"a": [1, 2]}"#), r#"{"result":6}"#);
        assert_eq!(report("missing", "{}"), r#"{"undefined":true}"#);
        assert_eq!(report("function($x) { $x }", "{}"), r#"{"undefined":true}"#);
        assert_eq!(report("1 +", "{}"), r#"{"error":{"code":"S0207","message":"Unexpected end of expression","position":3}}"#);
    }
}
