//! Payload templates (Parameters, ResultSelector, ItemSelector): JSON in which a key ending in `.$`
//! takes its value from a path or an intrinsic function. Compiled once; parts without `.$` keys stay
//! shared values, so evaluating a template copies nothing it does not have to.

use std::rc::Rc;

use crate::asl::diagnostic::{codes, pointer_join, Diagnostic};
use crate::asl::error::Failure;
use crate::asl::intrinsics::{self, Intrinsic};
use crate::asl::path::Scope;
use crate::asl::json::{Map, Value};
use crate::asl::path::Path;
use crate::asl::random::Random;

/// A compiled payload template.
#[derive(Clone, Debug, PartialEq)]
pub enum Template {
    /// A subtree with no `.$` keys, used as it is.
    Static(Value),
    /// An object with at least one dynamic member somewhere below.
    Object(Vec<(Rc<str>, Template)>),
    /// An array with at least one dynamic item somewhere below.
    Array(Vec<Template>),
    /// `"key.$": "States.Format(…)"`: the value of an intrinsic function call.
    Intrinsic(Intrinsic),
    /// `"key.$": "$.path"`: the value the path selects.
    Path {
        /// The key as written, with `.$`, for error messages.
        field: Rc<str>,
        /// The path.
        path: Path,
    },
}

/// Nesting deeper than this is refused when compiling (serde_json already bounds parsed input).
const MAX_DEPTH: usize = 128;

impl Template {
    /// Compiles the template at `pointer` in the definition.
    pub fn compile(value: &Value, pointer: &str) -> Result<Template, Diagnostic> {
        compile(value, pointer, 0)
    }

    /// Whether evaluating the template may read the context object (`$$`), so callers can skip
    /// building it.
    pub fn reads_context(&self) -> bool {
        match self {
            Template::Static(_) => false,
            Template::Object(members) => members.iter().any(|(_, t)| t.reads_context()),
            Template::Array(items) => items.iter().any(Template::reads_context),
            Template::Intrinsic(call) => call.reads_context(),
            Template::Path { path, .. } => path.is_context(),
        }
    }

    /// Evaluates the template in `scope` (`$` is the effective input).
    pub fn evaluate(&self, scope: &Scope, random: &mut Random) -> Result<Value, Failure> {
        match self {
            Template::Static(v) => Ok(v.clone()),
            Template::Object(members) => {
                let mut map = Map::with_capacity(members.len());
                for (key, member) in members {
                    map.insert(key.clone(), member.evaluate(scope, random)?);
                }
                Ok(Value::object(map))
            }
            Template::Array(items) => {
                items.iter().map(|t| t.evaluate(scope, random)).collect::<Result<Vec<_>, _>>().map(Value::array)
            }
            Template::Intrinsic(call) => call.evaluate(scope, random),
            Template::Path { field, path } => path.select(scope).ok_or_else(|| {
                let source = if path.is_context() { scope.context } else { scope.input };
                Failure::runtime(format!(
                    "The JSONPath '{}' specified for the field '{}' could not be found in the input '{}'",
                    path.text(),
                    field,
                    source
                ))
            }),
        }
    }
}

fn compile(value: &Value, pointer: &str, depth: usize) -> Result<Template, Diagnostic> {
    if depth > MAX_DEPTH {
        return Err(Diagnostic::error(codes::SCHEMA_VALIDATION_FAILED, pointer, "this template is nested too deeply"));
    }
    match value {
        Value::Object(map) => {
            let mut members = Vec::with_capacity(map.len());
            let mut dynamic = false;
            for (key, member) in map.iter() {
                let at = pointer_join(pointer, key);
                let template = match key.strip_suffix(".$") {
                    Some(name) => {
                        dynamic = true;
                        (Rc::from(name), dynamic_field(key, member, &at)?)
                    }
                    None => (key.clone(), compile(member, &at, depth + 1)?),
                };
                dynamic |= !matches!(template.1, Template::Static(_));
                members.push(template);
            }
            Ok(if dynamic { Template::Object(members) } else { Template::Static(value.clone()) })
        }
        Value::Array(items) => {
            let compiled = items
                .iter()
                .enumerate()
                .map(|(i, item)| compile(item, &pointer_join(pointer, i), depth + 1))
                .collect::<Result<Vec<_>, _>>()?;
            Ok(if compiled.iter().all(|t| matches!(t, Template::Static(_))) {
                Template::Static(value.clone())
            } else {
                Template::Array(compiled)
            })
        }
        _ => Ok(Template::Static(value.clone())),
    }
}

/// The value of a `.$` key: a path or an intrinsic function call.
fn dynamic_field(key: &Rc<str>, value: &Value, pointer: &str) -> Result<Template, Diagnostic> {
    let text = value.as_str().ok_or_else(|| {
        Diagnostic::error(codes::NO_PATH, pointer, format!("The value of '{key}' must be a path or an intrinsic function call, as its name ends in '.$'"))
    })?;
    if text.starts_with("States.") {
        return intrinsics::parse(text).map(Template::Intrinsic).map_err(|e| {
            Diagnostic::error(codes::INVALID_EXPRESSION, pointer, format!("Invalid intrinsic function call '{text}': {}", e.message)).at_offset(e.offset)
        });
    }
    if !text.starts_with('$') {
        return Err(Diagnostic::error(
            codes::NO_PATH,
            pointer,
            format!("'{text}' is not a path (a path starts with '$') nor an intrinsic function (States.…)"),
        ));
    }
    let path = Path::parse(text).map_err(|e| {
        Diagnostic::error(codes::INVALID_EXPRESSION, pointer, format!("Invalid JSONPath '{text}': {}", e.message)).at_offset(e.offset)
    })?;
    Ok(Template::Path { field: key.clone(), path })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(template: &str, input: &str) -> Result<Value, Failure> {
        let t = Template::compile(&Value::parse(template).unwrap(), "/Parameters").unwrap();
        let context = Value::parse(r#"{"Execution":{"Name":"run-1"}}"#).unwrap();
        let input = Value::parse(input).unwrap();
        t.evaluate(&Scope::new(&input, &context), &mut Random::new(0))
    }

    #[test]
    fn resolves_paths_at_any_depth() {
        let out = run(
            r#"{"flagged":true,"parts":{"first.$":"$.vals[0]","last3.$":"$.vals[3:]"},"list":[{"n.$":"$$.Execution.Name"}]}"#,
            r#"{"vals":[0,10,20,30,40,50]}"#,
        )
        .unwrap();
        assert_eq!(out.to_json(), r#"{"flagged":true,"parts":{"first":0,"last3":[30,40,50]},"list":[{"n":"run-1"}]}"#);
    }

    #[test]
    fn static_templates_are_shared_values() {
        let t = Template::compile(&Value::parse(r#"{"a":[1,{"b":2}]}"#).unwrap(), "").unwrap();
        assert!(matches!(t, Template::Static(_)));
    }

    #[test]
    fn a_missing_path_is_a_runtime_failure_with_aws_text() {
        let err = run(r#"{"value.$":"$.no_such_jsonpath"}"#, r#"{"a":1}"#).unwrap_err();
        assert_eq!(err.error, "States.Runtime");
        assert_eq!(
            err.cause.as_deref(),
            Some(r#"The JSONPath '$.no_such_jsonpath' specified for the field 'value.$' could not be found in the input '{"a":1}'"#)
        );
    }

    #[test]
    fn calls_intrinsic_functions() {
        let out = run(r#"{"greeting.$":"States.Format('Hello, {}!', $.who)"}"#, r#"{"who":"Ana"}"#).unwrap();
        assert_eq!(out.to_json(), r#"{"greeting":"Hello, Ana!"}"#);
    }

    #[test]
    fn knows_whether_it_reads_the_context_object() {
        let reads = |t: &str| Template::compile(&Value::parse(t).unwrap(), "").unwrap().reads_context();
        assert!(!reads(r#"{"a.$":"$.x","b":{"c.$":"States.Format('{}', $.y)"},"d":[1]}"#));
        assert!(!reads(r#"{"a.$":"States.Format('costs $$ {}', $.y)"}"#));
        assert!(reads(r#"{"a":[{"n.$":"$$.State.Name"}]}"#));
        assert!(reads(r#"{"a.$":"States.Array($.x, States.Format('{}', $$.Execution.Id))"}"#));
    }

    #[test]
    fn bad_dynamic_values_are_located() {
        let err = Template::compile(&Value::parse(r#"{"x":{"v.$":"$.a["}}"#).unwrap(), "/States/S/Parameters").unwrap_err();
        assert_eq!(err.pointer, "/States/S/Parameters/x/v.$");
        assert_eq!(err.inner_offset, Some(3));
        let err = Template::compile(&Value::parse(r#"{"v.$":3}"#).unwrap(), "").unwrap_err();
        assert_eq!(err.code, codes::NO_PATH);
    }
}
