//! Crossing the boundary between caller JSON and evaluator values.

use std::rc::Rc;

use crate::asl::json::{Map as JsonMap, Measured, Value};

use super::{Arr, Obj, Val};

/// Reads caller JSON as a value; containers are shared, not copied.
pub(crate) fn from_json(value: &Value) -> Val {
    match value {
        Value::Null => Val::Null,
        Value::Bool(b) => Val::Bool(*b),
        Value::Number(n) => Val::Num(n.as_f64().unwrap_or(f64::NAN)),
        Value::String(s) => Val::Str(s.clone()),
        Value::Array(items) => Val::Array(Arr::Json(items.clone())),
        Value::Object(map) => Val::Object(Obj::Json(map.clone())),
    }
}

/// A value as JSON, the way `JSON.stringify` writes it: functions and undefined vanish from
/// objects and become `null` in arrays. `Ok(None)` when the value itself is undefined or a function;
/// `Err(n)` when a number is infinite or NaN, which JSON cannot hold.
pub(crate) fn to_json(value: &Val) -> Result<Option<Value>, f64> {
    Ok(Some(match value {
        Val::Undefined | Val::Func(_) => return Ok(None),
        Val::Null => Value::Null,
        Val::Bool(b) => Value::Bool(*b),
        Val::Num(n) => number(*n)?,
        Val::Str(s) => Value::String(s.clone()),
        Val::Array(Arr::Json(items)) => normalize_array(items),
        Val::Object(Obj::Json(map)) => normalize_object(map),
        Val::Array(Arr::Seq(seq)) => {
            let mut out = Vec::with_capacity(seq.items.len());
            for item in &seq.items {
                out.push(to_json(item)?.unwrap_or(Value::Null));
            }
            Value::array(out)
        }
        Val::Object(Obj::Map(map)) => {
            let mut out = JsonMap::default();
            for (k, v) in map.iter() {
                if let Some(v) = to_json(v)? {
                    out.insert(k.clone(), v);
                }
            }
            Value::object(out)
        }
    }))
}

fn number(n: f64) -> Result<Value, f64> {
    Value::number_from_f64(n).ok_or(n)
}

/// Whether a JSON number reads back as itself after a trip through a double, as the reference
/// implementation prints it (`1.0` prints as `1`, integers beyond 2^53 lose their low digits).
fn canonical(n: &serde_json::Number) -> bool {
    match n.as_i64() {
        Some(i) => i.unsigned_abs() <= 1 << 53,
        None => n.as_f64().is_some_and(|f| f.fract() != 0.0 || f.abs() >= 9.007_199_254_740_992e15),
    }
}

fn normalize(value: &Value) -> Value {
    match value {
        Value::Number(n) if !canonical(n) => {
            n.as_f64().and_then(Value::number_from_f64).unwrap_or(Value::Null)
        }
        Value::Array(items) => normalize_array(items),
        Value::Object(map) => normalize_object(map),
        other => other.clone(),
    }
}

fn needs_normalizing(value: &Value) -> bool {
    match value {
        Value::Number(n) => !canonical(n),
        Value::Array(items) => items.iter().any(needs_normalizing),
        Value::Object(map) => map.values().any(needs_normalizing),
        _ => false,
    }
}

/// Caller JSON leaves unchanged (and unshared-copied) unless it holds numbers printed otherwise.
fn normalize_array(items: &Rc<Measured<Vec<Value>>>) -> Value {
    if items.iter().any(needs_normalizing) {
        Value::array(items.iter().map(normalize).collect())
    } else {
        Value::Array(items.clone())
    }
}

fn normalize_object(map: &Rc<Measured<JsonMap>>) -> Value {
    if map.values().any(needs_normalizing) {
        Value::object(map.iter().map(|(k, v)| (k.clone(), normalize(v))).collect())
    } else {
        Value::Object(map.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_as_the_reference_implementation_does() {
        let v = Value::parse(r#"{"a":[1.0,2.5,-0.0,3]}"#).unwrap();
        let out = to_json(&from_json(&v)).unwrap().unwrap();
        assert_eq!(out.to_json(), r#"{"a":[1,2.5,0,3]}"#);
        assert_eq!(to_json(&Val::Num(2.0)).unwrap().unwrap().to_json(), "2");
        assert_eq!(to_json(&Val::Num(f64::INFINITY)), Err(f64::INFINITY));
    }

    #[test]
    fn canonical_json_is_shared_not_copied() {
        let v = Value::parse(r#"[1,{"b":"x"}]"#).unwrap();
        let out = to_json(&from_json(&v)).unwrap().unwrap();
        assert!(matches!((&v, &out), (Value::Array(a), Value::Array(b)) if Rc::ptr_eq(a, b)));
    }

    #[test]
    fn functions_and_undefined_vanish_like_json_stringify() {
        let arr = Val::array(vec![Val::Undefined, Val::Num(1.0)]);
        assert_eq!(to_json(&arr).unwrap().unwrap().to_json(), "[null,1]");
        assert_eq!(to_json(&Val::Undefined).unwrap(), None);
    }
}
