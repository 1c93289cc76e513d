//! Reading and writing [`Value`] with serde, so serde_json parses and prints it directly.

use std::fmt;
use std::rc::Rc;

use rustc_hash::FxHashSet;
use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

use super::value::{Map, Value};

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Null => serializer.serialize_unit(),
            Value::Bool(b) => serializer.serialize_bool(*b),
            Value::Number(n) => n.serialize(serializer),
            Value::String(s) => serializer.serialize_str(s),
            Value::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items.iter() {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Value::Object(members) => {
                let mut map = serializer.serialize_map(Some(members.len()))?;
                for (k, v) in members.iter() {
                    map.serialize_entry(&**k, v)?;
                }
                map.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Value, D::Error> {
        ValueSeed { keys: &mut Keys::default() }.deserialize(deserializer)
    }
}

/// The object keys read so far in one document: objects of the same shape share their keys (an
/// array of 100,000 `{"id":…,"v":…}` holds two key strings, not 200,000).
type Keys = FxHashSet<Rc<str>>;

/// Reads a value, sharing object keys with the rest of the document.
struct ValueSeed<'k> {
    keys: &'k mut Keys,
}

impl<'de> DeserializeSeed<'de> for ValueSeed<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        self.deserialize(d)
    }

    fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }

    fn visit_i64<E>(self, i: i64) -> Result<Value, E> {
        Ok(Value::Number(i.into()))
    }

    fn visit_u64<E>(self, u: u64) -> Result<Value, E> {
        Ok(Value::Number(u.into()))
    }

    fn visit_f64<E: de::Error>(self, f: f64) -> Result<Value, E> {
        Value::float(f).ok_or_else(|| E::custom("a number JSON cannot hold"))
    }

    fn visit_str<E>(self, s: &str) -> Result<Value, E> {
        Ok(Value::str(s))
    }

    fn visit_string<E>(self, s: String) -> Result<Value, E> {
        Ok(Value::from(s))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(item) = seq.next_element_seed(ValueSeed { keys: &mut *self.keys })? {
            items.push(item);
        }
        Ok(Value::array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Value, A::Error> {
        let mut map = Map::default();
        while let Some(k) = access.next_key_seed(KeySeed { keys: &mut *self.keys })? {
            let v = access.next_value_seed(ValueSeed { keys: &mut *self.keys })?;
            // A repeated key keeps its last value, in the first key's position, as Java's JSON readers do.
            map.insert(k, v);
        }
        Ok(Value::object(map))
    }
}

/// Reads an object key into its shared form: the one read before when the document had it already,
/// else straight from the text (no intermediate `String` when the text has no escapes).
struct KeySeed<'k> {
    keys: &'k mut Keys,
}

impl<'de> DeserializeSeed<'de> for KeySeed<'_> {
    type Value = Rc<str>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Rc<str>, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed<'_> {
    type Value = Rc<str>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object key")
    }

    fn visit_str<E>(self, s: &str) -> Result<Rc<str>, E> {
        if let Some(key) = self.keys.get(s) {
            return Ok(key.clone());
        }
        let key: Rc<str> = Rc::from(s);
        self.keys.insert(key.clone());
        Ok(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_compactly_and_keeps_number_forms() {
        let text = r#"{"b":1,"a":[1.0,-2,"x",null,true,{}],"c":1e3}"#;
        let v = Value::parse(text).unwrap();
        assert_eq!(v.to_json(), r#"{"b":1,"a":[1.0,-2,"x",null,true,{}],"c":1000.0}"#);
    }

    #[test]
    fn clones_share_containers() {
        let v = Value::parse(r#"{"big":[1,2,3]}"#).unwrap();
        let w = v.clone();
        match (&v, &w) {
            (Value::Object(a), Value::Object(b)) => assert!(Rc::ptr_eq(a, b)),
            _ => unreachable!(),
        }
    }

    #[test]
    fn object_equality_ignores_key_order() {
        assert_eq!(Value::parse(r#"{"a":1,"b":2}"#).unwrap(), Value::parse(r#"{"b":2,"a":1}"#).unwrap());
        assert_ne!(Value::parse("1").unwrap(), Value::parse("1.0").unwrap());
    }

    #[test]
    fn objects_share_the_keys_read_before() {
        let v = Value::parse(r#"[{"id":1,"v":2},{"v":3,"id":4}]"#).unwrap();
        let key = |i: usize, k: &str| v.index(i).and_then(Value::as_object).and_then(|m| m.keys().find(|key| &***key == k)).cloned().unwrap();
        assert!(Rc::ptr_eq(&key(0, "id"), &key(1, "id")));
        assert!(Rc::ptr_eq(&key(0, "v"), &key(1, "v")));
        assert_eq!(v.to_json(), r#"[{"id":1,"v":2},{"v":3,"id":4}]"#);
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let text = "[".repeat(100_000);
        assert!(Value::parse(&text).is_err());
    }
}
