//! The size and depth of a value's compact JSON text, counted without writing it: the engine checks
//! every task input, task result and state output against AWS's payload quota, so the count walks
//! the value once, stops at the limit, and takes the extent of containers counted before from the
//! containers themselves ([`Measured`]). A limit check first counts floats at their longest
//! ([`FLOAT_MAX_LEN`]): formatting floats was most of the work, in wasm the more so (128-bit
//! products); only a value whose bound passes the limit is counted again exactly.

use std::fmt::Write;

use super::measured::{Extent, Measured, Size};
use super::value::Value;

/// Why a value does not fit the limits given to [`Value::fits`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Misfit {
    /// Arrays and objects nest deeper than allowed.
    TooDeep,
    /// The compact JSON text is longer than allowed.
    TooLarge,
}

impl Value {
    /// The size of the compact JSON text in bytes.
    pub fn json_len(&self) -> usize {
        let mut count = Count::exact(usize::MAX);
        let _ = count.value(self);
        count.bytes
    }

    /// Whether the compact JSON text is longer than `limit` bytes; stops counting past the limit,
    /// so a value that shares one large part many times is not walked in full.
    pub fn json_len_exceeds(&self, limit: usize) -> bool {
        self.fits(usize::MAX, limit).is_err()
    }

    /// Whether arrays and objects nest at most `max_depth` levels deep (`[]` is one level) and the
    /// compact JSON text takes at most `max_bytes`; when both are passed, the one the walk meets
    /// first. Either way the walk stops there, so it is safe on values of any depth or size.
    pub fn fits(&self, max_depth: usize, max_bytes: usize) -> Result<(), Misfit> {
        // No text is longer than any address, so without a size limit only the depth needs a walk,
        // one that counts nothing.
        if max_bytes == usize::MAX {
            return height(self, max_depth).map(drop);
        }
        // A bound within the limit settles it; past it, only the exact count tells (it meets the
        // same depth limit at the same place, and the size limit no sooner).
        match Count::bounded(max_bytes).nested(self, max_depth) {
            Err(Misfit::TooLarge) => Count::exact(max_bytes).nested(self, max_depth).map(drop),
            other => other.map(drop),
        }
    }
}

/// The longest a float takes as serde_json writes it (`-1.2345678901234567e-308`).
const FLOAT_MAX_LEN: usize = 24;

/// Bytes counted so far, up to a limit.
struct Count {
    bytes: usize,
    limit: usize,
    /// Whether floats count exactly, else at [`FLOAT_MAX_LEN`].
    exact: bool,
    /// How many floats and bounded extents were counted so far.
    bounds: usize,
}

impl Count {
    fn exact(limit: usize) -> Count {
        Count { bytes: 0, limit, exact: true, bounds: 0 }
    }

    fn bounded(limit: usize) -> Count {
        Count { exact: false, ..Count::exact(limit) }
    }

    fn add(&mut self, n: usize) -> Result<(), Misfit> {
        // A text longer than any address is too large for every limit (and the count stays exact
        // whenever a walk succeeds, which a container's remembered extent relies on).
        match self.bytes.checked_add(n) {
            Some(bytes) if bytes <= self.limit => {
                self.bytes = bytes;
                Ok(())
            }
            sum => {
                self.bytes = sum.unwrap_or(usize::MAX);
                Err(Misfit::TooLarge)
            }
        }
    }

    /// Counts `value`, which may nest without bound (a caller has checked its depth, or built it).
    fn value(&mut self, value: &Value) -> Result<(), Misfit> {
        self.nested(value, usize::MAX).map(drop)
    }

    /// Counts `value`, failing when it nests more than `depth` levels; its height (`[]` is 1).
    fn nested(&mut self, value: &Value, depth: usize) -> Result<usize, Misfit> {
        match value {
            Value::Null => self.add(4).map(|()| 0),
            Value::Bool(b) => self.add(if *b { 4 } else { 5 }).map(|()| 0),
            Value::Number(n) if n.is_f64() && !self.exact => {
                self.bounds += 1;
                self.add(FLOAT_MAX_LEN).map(|()| 0)
            }
            Value::Number(n) => self.add(number_len(n)).map(|()| 0),
            Value::String(s) => self.add(string_len(s)).map(|()| 0),
            Value::Array(items) => self.container(items, depth, |count, depth| {
                // Brackets and the commas between items.
                count.add(2 + items.len().saturating_sub(1))?;
                items.iter().try_fold(0, |height, item| Ok(height.max(count.nested(item, depth)?)))
            }),
            Value::Object(members) => self.container(members, depth, |count, depth| {
                // Braces, and a colon and a comma per member but the last.
                count.add(2 + (2 * members.len()).saturating_sub(1))?;
                members.iter().try_fold(0, |height, (key, v)| {
                    count.add(string_len(key))?;
                    Ok(height.max(count.nested(v, depth)?))
                })
            }),
        }
    }

    /// Counts a container one level deep whose contents `walk` counts (given the depth left inside
    /// it), or adds the extent it remembers when that fits whole (and is exact, if the count must
    /// be). When it does not, the walk goes in, to fail at the very limit it meets first, as
    /// without the extent.
    fn container<T>(
        &mut self,
        container: &Measured<T>,
        depth: usize,
        walk: impl FnOnce(&mut Self, usize) -> Result<usize, Misfit>,
    ) -> Result<usize, Misfit> {
        if let Some(Extent { bytes, height, size }) = container.extent() {
            let (bytes, height) = (bytes as usize, usize::from(height));
            let known = size == Size::Exact || (size == Size::Bound && !self.exact);
            if known && height <= depth && self.bytes.saturating_add(bytes) <= self.limit {
                self.bytes += bytes;
                self.bounds += usize::from(size != Size::Exact);
                return Ok(height);
            }
        }
        let inside = depth.checked_sub(1).ok_or(Misfit::TooDeep)?;
        let (start, bounds) = (self.bytes, self.bounds);
        let height = walk(self, inside)? + 1;
        container.remember(self.bytes - start, height, self.bounds == bounds);
        Ok(height)
    }
}

/// The height of `value` (`[]` is 1), failing when it nests more than `depth` levels; a container
/// whose height is remembered (and fits where it sits) answers at once, and remembers it after.
fn height(value: &Value, depth: usize) -> Result<usize, Misfit> {
    match value {
        Value::Array(items) => container_height(items, items.iter(), depth),
        Value::Object(members) => container_height(members, members.values(), depth),
        _ => Ok(0),
    }
}

fn container_height<'a, T>(container: &Measured<T>, inside: impl Iterator<Item = &'a Value>, depth: usize) -> Result<usize, Misfit> {
    if let Some(extent) = container.extent().filter(|e| usize::from(e.height) <= depth) {
        return Ok(usize::from(extent.height));
    }
    let depth = depth.checked_sub(1).ok_or(Misfit::TooDeep)?;
    let mut highest = 0;
    // Scalars have no height: only containers take a call (most members of an object are scalars).
    for v in inside.filter(|v| matches!(v, Value::Array(_) | Value::Object(_))) {
        highest = highest.max(height(v, depth)?);
    }
    container.remember_height(highest + 1);
    Ok(highest + 1)
}

/// A number as serde_json writes it: integers in decimal, floats the shortest way that reads back.
fn number_len(n: &serde_json::Number) -> usize {
    let digits = |u: u64| u.checked_ilog10().map_or(1, |d| d as usize + 1);
    if let Some(u) = n.as_u64() {
        digits(u)
    } else if let Some(i) = n.as_i64() {
        1 + digits(i.unsigned_abs())
    } else {
        let mut text = Len(0);
        let _ = write!(text, "{n}");
        text.0
    }
}

/// A quoted string as serde_json escapes it: `"` and `\\` and the short control escapes take two
/// bytes, other control characters six (`\u001f`).
fn string_len(s: &str) -> usize {
    let plain = |b: &u8| *b >= 0x20 && *b != b'"' && *b != b'\\';
    // Most strings need no escape: one quick pass tells.
    if s.as_bytes().iter().all(plain) {
        return s.len() + 2;
    }
    let escapes: usize = s
        .bytes()
        .map(|b| match b {
            b'"' | b'\\' | 0x08 | b'\t' | b'\n' | 0x0c | b'\r' => 1,
            0..=0x1f => 5,
            _ => 0,
        })
        .sum();
    s.len() + 2 + escapes
}

/// Counts the bytes formatted into it.
struct Len(usize);

impl Write for Len {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0 += s.len();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::asl::json::{Map, MAX_NESTING};

    fn values() -> impl Strategy<Value = Value> {
        let number = prop_oneof![
            any::<i64>().prop_map(Value::int),
            any::<u64>().prop_map(|u| Value::Number(u.into())),
            any::<f64>().prop_filter_map("finite", Value::float),
        ];
        let leaf = prop_oneof![Just(Value::Null), any::<bool>().prop_map(Value::Bool), number, any::<String>().prop_map(Value::from)];
        leaf.prop_recursive(4, 64, 8, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..8).prop_map(Value::array),
                prop::collection::vec((any::<String>(), inner), 0..8)
                    .prop_map(|members| Value::object(members.into_iter().map(|(k, v)| (k.into(), v)).collect::<Map>())),
            ]
        })
    }

    proptest! {
        #[test]
        fn the_count_is_the_length_of_the_text(v in values()) {
            let len = v.to_json().len();
            // First with nothing remembered (floats bounded, then counted exactly when needed),
            // then again with the extents the first checks left.
            for _ in 0..2 {
                prop_assert_eq!(v.fits(usize::MAX, len), Ok(()));
                prop_assert_eq!(v.fits(usize::MAX, len - 1), Err(Misfit::TooLarge));
                prop_assert!(!v.json_len_exceeds(len));
                prop_assert!(v.json_len_exceeds(len - 1));
            }
            prop_assert_eq!(v.json_len(), len);
        }

        #[test]
        fn no_float_is_longer_than_the_bound(f in any::<f64>()) {
            if let Some(v) = Value::float(f) {
                prop_assert!(v.to_json().len() <= FLOAT_MAX_LEN, "{}", v);
            }
        }
    }

    #[test]
    fn the_longest_floats_fit_the_bound() {
        for f in [-1.2345678901234567e-308, -5e-324, -f64::MAX, -f64::MIN_POSITIVE, -0.000012345678901234567, -1234567890123456.7, -1.2345678901234567e15] {
            let text = Value::float(f).unwrap().to_json();
            assert!(text.len() <= FLOAT_MAX_LEN, "{text}");
        }
        assert_eq!(Value::float(-1.2345678901234567e-308).unwrap().to_json().len(), FLOAT_MAX_LEN);
    }

    #[test]
    fn counts_escapes_and_number_forms() {
        let text = r#"{"b\"":1,"a":[1.0,-2,"x\n\u0001\\",null,true,false,{},1e300,-0.5,18446744073709551615,-9223372036854775808],"c":1e3}"#;
        let v = Value::parse(text).unwrap();
        assert_eq!(v.json_len(), v.to_json().len());
    }

    #[test]
    fn a_length_limit_stops_counting_shared_parts() {
        // 2^60 copies of one string: the text would never fit in memory, the check stops early.
        let mut v = Value::str("x");
        for _ in 0..60 {
            v = Value::array(vec![v.clone(), v]);
        }
        assert!(v.json_len_exceeds(1 << 20));
        assert_eq!(v.fits(128, 1 << 20), Err(Misfit::TooLarge));
    }

    #[test]
    fn a_counted_container_remembers_its_extent_until_changed() {
        let mut v = Value::parse(r#"{"a":[1,2.5,"x"],"b":{"c":null}}"#).unwrap();
        assert_eq!(v.fits(MAX_NESTING, 1 << 20), Ok(()));
        let extent = |v: &Value| match v {
            Value::Object(members) => members.extent(),
            _ => None,
        };
        assert_eq!(extent(&v), Some(Extent { bytes: (v.to_json().len() + super::FLOAT_MAX_LEN - 3) as u32, height: 2, size: Size::Bound }));
        assert_eq!(v.json_len(), v.to_json().len());
        assert_eq!(extent(&v), Some(Extent { bytes: v.to_json().len() as u32, height: 2, size: Size::Exact }));
        let shared = v.clone();
        v.as_object_mut().unwrap().insert("d".into(), Value::from("yy"));
        assert_eq!(extent(&v), None, "changed");
        assert!(extent(&shared).is_some(), "the shared original is unchanged");
        assert_eq!(v.json_len(), v.to_json().len());
        assert_eq!(shared.json_len(), shared.to_json().len());
    }

    #[test]
    fn a_remembered_extent_still_counts_against_the_depth_left_where_it_sits() {
        let inner = Value::parse(r#"[[["x"]]]"#).unwrap();
        assert_eq!(inner.fits(3, 100), Ok(()));
        let outer = Value::array(vec![inner.clone(), inner]);
        assert_eq!(outer.fits(3, 100), Err(Misfit::TooDeep));
        assert_eq!(outer.fits(4, 100), Ok(()));
        assert_eq!(outer.fits(4, outer.to_json().len() - 1), Err(Misfit::TooLarge));
    }

    #[test]
    fn without_a_size_limit_the_walk_takes_the_height_alone_and_a_later_count_still_counts() {
        let inner = Value::parse(r#"[[["x"]]]"#).unwrap();
        let outer = Value::array(vec![inner.clone(), inner.clone()]);
        assert_eq!(outer.fits(3, usize::MAX), Err(Misfit::TooDeep));
        assert_eq!(outer.fits(4, usize::MAX), Ok(()));
        assert_eq!(inner.fits(2, usize::MAX), Err(Misfit::TooDeep), "a remembered height past the depth left");
        let len = outer.to_json().len();
        assert_eq!((outer.fits(4, len), outer.fits(4, len - 1)), (Ok(()), Err(Misfit::TooLarge)));
        assert_eq!(outer.json_len(), len);
    }

    #[test]
    fn reports_the_first_limit_met() {
        let mut v = Value::from("x".repeat(100));
        for _ in 0..10 {
            v = Value::array(vec![v]);
        }
        assert_eq!(v.fits(10, 1000), Ok(()));
        assert_eq!(v.fits(9, 1000), Err(Misfit::TooDeep));
        assert_eq!(v.fits(10, 50), Err(Misfit::TooLarge));
        // The string lies at the bottom: the walk passes the depth limit before counting it.
        assert_eq!(v.fits(9, 50), Err(Misfit::TooDeep));
    }
}
