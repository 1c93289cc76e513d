//! The JSON value every part of the interpreter passes around.
//!
//! `serde_json::Value` owns its children, so handing a state's input to the next state, keeping it in
//! the history, or putting it into a Map iteration would deep-copy the document each time. Here arrays,
//! objects and strings sit behind `Rc`: cloning a value is a reference-count increment, and a change
//! (ResultPath merging) copies only the containers on the way to the changed field (`Rc::make_mut`).
//! Numbers keep serde_json's representation, so `1` and `1.0` stay distinct as AWS prints them.

use std::fmt;
use std::rc::Rc;

pub use serde_json::Number;

pub use super::map::Map;
use super::measured::Measured;

/// The deepest nesting of arrays and objects the JSON reader accepts (serde_json's limit). The
/// engine holds the values it passes between states to it too, so that everything it hands out can
/// be written and read back, and so that walking a value (writing, comparing, dropping) stays
/// shallow on the browser's small stack.
pub const MAX_NESTING: usize = 128;

/// A JSON value whose containers are shared, not copied, when cloned.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Value {
    /// `null`
    #[default]
    Null,
    /// `true` or `false`
    Bool(bool),
    /// A number, integer or float, as written.
    Number(Number),
    /// A string.
    String(Rc<str>),
    /// An array (its JSON size remembered once counted, see [`Measured`]).
    Array(Rc<Measured<Vec<Value>>>),
    /// An object (its JSON size remembered once counted).
    Object(Rc<Measured<Map>>),
}

impl Value {
    /// A string value.
    pub fn str(s: &str) -> Value {
        Value::String(Rc::from(s))
    }

    /// An array value.
    pub fn array(items: Vec<Value>) -> Value {
        Value::Array(Rc::new(Measured::new(items)))
    }

    /// An object value.
    pub fn object(map: Map) -> Value {
        Value::Object(Rc::new(Measured::new(map)))
    }

    /// An object from key/value pairs, in that order.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, Value)>) -> Value {
        Value::object(pairs.into_iter().map(|(k, v)| (Rc::from(k), v)).collect())
    }

    /// An empty object.
    pub fn empty_object() -> Value {
        Value::object(Map::default())
    }

    /// An integer value.
    pub fn int(i: i64) -> Value {
        Value::Number(i.into())
    }

    /// A float value; `None` for NaN and infinities, which JSON cannot hold.
    pub fn float(f: f64) -> Option<Value> {
        Number::from_f64(f).map(Value::Number)
    }

    /// A number that prints as an integer when it has no fractional part and fits in an `i64`.
    pub fn number_from_f64(f: f64) -> Option<Value> {
        if f.fract() == 0.0 && f.abs() < 9.007_199_254_740_992e15 {
            Some(Value::int(f as i64))
        } else {
            Value::float(f)
        }
    }

    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(map) => map.get(key),
            _ => None,
        }
    }

    /// The item at `index` of an array.
    pub fn index(&self, index: usize) -> Option<&Value> {
        match self {
            Value::Array(items) => items.get(index),
            _ => None,
        }
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The number as a float, if this is a number.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => n.as_f64(),
            _ => None,
        }
    }

    /// The number as an integer, if it is one (`2.0` counts, as AWS accepts it where it wants integers).
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Number(n) => n.as_i64().or_else(|| {
                let f = n.as_f64()?;
                (f.fract() == 0.0 && f.abs() < 9.2e18).then_some(f as i64)
            }),
            _ => None,
        }
    }

    /// The boolean, if this is one.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The items, if this is an array.
    pub fn as_array(&self) -> Option<&[Value]> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The members, if this is an object.
    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(map) => Some(map),
            _ => None,
        }
    }

    /// The members for changing; copies the map only if it is shared.
    pub fn as_object_mut(&mut self) -> Option<&mut Map> {
        match self {
            Value::Object(map) => Some(&mut **Rc::make_mut(map)),
            _ => None,
        }
    }

    /// The items for changing; copies the vector only if it is shared.
    pub fn as_array_mut(&mut self) -> Option<&mut Vec<Value>> {
        match self {
            Value::Array(items) => Some(&mut **Rc::make_mut(items)),
            _ => None,
        }
    }

    /// Whether this is `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// The JSON type name as AWS's messages use it.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        }
    }

    /// Compact JSON text, as AWS writes payloads into the history (`{"a":1}`).
    pub fn to_json(&self) -> String {
        // Cannot fail: keys are strings and numbers finite.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads JSON text. serde_json bounds the nesting depth, so hostile input cannot overflow the stack.
    pub fn parse(text: &str) -> Result<Value, serde_json::Error> {
        serde_json::from_str(text)
    }

    /// Converts from serde_json's value.
    pub fn from_serde(v: &serde_json::Value) -> Value {
        match v {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(b) => Value::Bool(*b),
            serde_json::Value::Number(n) => Value::Number(n.clone()),
            serde_json::Value::String(s) => Value::str(s),
            serde_json::Value::Array(a) => Value::array(a.iter().map(Value::from_serde).collect()),
            serde_json::Value::Object(o) => Value::object(
                o.iter().map(|(k, v)| (Rc::from(k.as_str()), Value::from_serde(v))).collect(),
            ),
        }
    }

    /// Converts to serde_json's value.
    pub fn to_serde(&self) -> serde_json::Value {
        match self {
            Value::Null => serde_json::Value::Null,
            Value::Bool(b) => serde_json::Value::Bool(*b),
            Value::Number(n) => serde_json::Value::Number(n.clone()),
            Value::String(s) => serde_json::Value::String(s.to_string()),
            Value::Array(a) => serde_json::Value::Array(a.iter().map(Value::to_serde).collect()),
            Value::Object(o) => serde_json::Value::Object(
                o.iter().map(|(k, v)| (k.to_string(), v.to_serde())).collect(),
            ),
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_json())
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}

impl From<i64> for Value {
    fn from(i: i64) -> Value {
        Value::int(i)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::str(s)
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::String(Rc::from(s))
    }
}

impl From<Vec<Value>> for Value {
    fn from(items: Vec<Value>) -> Value {
        Value::array(items)
    }
}

impl From<Map> for Value {
    fn from(map: Map) -> Value {
        Value::object(map)
    }
}
