//! A JSON object's members, in insertion order (as AWS prints them).
//!
//! Most objects a workflow passes around have a handful of keys, and there are many of them: a Map
//! over 100,000 items keeps three small objects per item in its history. An `IndexMap` gives each a
//! hash table and entries reserved to the table's capacity (about 300 bytes for three keys, and as
//! much again to clone); here the members are one vector searched linearly, and only an object past
//! [`INDEXED`] keys gets a table from key to position, so large objects stay fast to read.

use std::fmt;
use std::rc::Rc;

use rustc_hash::FxHashMap;

use super::value::Value;

type Entry = (Rc<str>, Value);
/// The members in order ([`Map::iter`]).
pub type Iter<'a> = std::iter::Map<std::slice::Iter<'a, Entry>, fn(&'a Entry) -> (&'a Rc<str>, &'a Value)>;
/// The keys in order ([`Map::keys`]).
pub type Keys<'a> = std::iter::Map<std::slice::Iter<'a, Entry>, fn(&'a Entry) -> &'a Rc<str>>;
/// The values in order ([`Map::values`]).
pub type Values<'a> = std::iter::Map<std::slice::Iter<'a, Entry>, fn(&'a Entry) -> &'a Value>;

/// The size from which an object keeps a table from key to position.
const INDEXED: usize = 16;

/// A JSON object: keys keep their insertion order; a key given again keeps its first position.
#[derive(Clone, Default)]
pub struct Map {
    entries: Vec<Entry>,
    /// Positions by key, once there are [`INDEXED`] keys or more.
    index: Option<Box<FxHashMap<Rc<str>, usize>>>,
}

impl Map {
    /// An empty object with room for `n` members.
    pub fn with_capacity(n: usize) -> Map {
        Map { entries: Vec::with_capacity(n), index: None }
    }

    /// How many members there are.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The position of `key`.
    fn get_index_of(&self, key: &str) -> Option<usize> {
        match &self.index {
            Some(index) => index.get(key).copied(),
            None => self.entries.iter().position(|(k, _)| **k == *key),
        }
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.get_index_of(key).map(|i| &self.entries[i].1)
    }

    /// The value of `key`, for changing.
    pub fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        self.get_index_of(key).map(|i| &mut self.entries[i].1)
    }

    /// The position of `key`, the key as stored and its value.
    pub fn get_full(&self, key: &str) -> Option<(usize, &Rc<str>, &Value)> {
        self.get_index_of(key).map(|i| {
            let (k, v) = &self.entries[i];
            (i, k, v)
        })
    }

    /// The value of `key`, set to `make()` first if it is not a member.
    pub fn get_or_insert_with(&mut self, key: Rc<str>, make: impl FnOnce() -> Value) -> &mut Value {
        let i = match self.get_index_of(&key) {
            Some(i) => i,
            None => {
                self.insert(key, make());
                self.entries.len() - 1
            }
        };
        &mut self.entries[i].1
    }

    /// Whether `key` is a member.
    pub fn contains_key(&self, key: &str) -> bool {
        self.get_index_of(key).is_some()
    }

    /// Sets `key` to `value`: in its place if it is a member (returning the old value), else last.
    pub fn insert(&mut self, key: Rc<str>, value: Value) -> Option<Value> {
        if let Some(i) = self.get_index_of(&key) {
            return Some(std::mem::replace(&mut self.entries[i].1, value));
        }
        let len = self.entries.len();
        if len == self.entries.capacity() {
            // Growing by half, not double: a small object copied to be changed usually gains one
            // key (a ResultPath), and three keys then take room for four, not six.
            self.entries.reserve_exact((len / 2).max(1));
        }
        if let Some(index) = &mut self.index {
            index.insert(key.clone(), self.entries.len());
        }
        self.entries.push((key, value));
        if self.index.is_none() && self.entries.len() >= INDEXED {
            self.reindex();
        }
        None
    }

    /// Removes `key`, shifting the members after it; its value.
    pub fn shift_remove(&mut self, key: &str) -> Option<Value> {
        let i = self.get_index_of(key)?;
        let (_, value) = self.entries.remove(i);
        if self.index.is_some() {
            self.reindex();
        }
        Some(value)
    }

    /// Orders the members by key.
    pub fn sort_keys(&mut self) {
        self.entries.sort_by(|a, b| a.0.cmp(&b.0));
        if self.index.is_some() {
            self.reindex();
        }
    }

    /// The members in order.
    pub fn iter(&self) -> Iter<'_> {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    /// The keys in order.
    pub fn keys(&self) -> Keys<'_> {
        self.entries.iter().map(|(k, _)| k)
    }

    /// The values in order.
    pub fn values(&self) -> Values<'_> {
        self.entries.iter().map(|(_, v)| v)
    }

    fn reindex(&mut self) {
        self.index = (self.entries.len() >= INDEXED)
            .then(|| Box::new(self.entries.iter().enumerate().map(|(i, (k, _))| (k.clone(), i)).collect()));
    }
}

impl PartialEq for Map {
    /// Objects are equal when they have the same members, in any order.
    fn eq(&self, other: &Map) -> bool {
        self.len() == other.len() && self.iter().all(|(k, v)| other.get(k) == Some(v))
    }
}

impl fmt::Debug for Map {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl Extend<(Rc<str>, Value)> for Map {
    fn extend<I: IntoIterator<Item = (Rc<str>, Value)>>(&mut self, members: I) {
        for (k, v) in members {
            self.insert(k, v);
        }
    }
}

impl FromIterator<(Rc<str>, Value)> for Map {
    fn from_iter<I: IntoIterator<Item = (Rc<str>, Value)>>(members: I) -> Map {
        let members = members.into_iter();
        let mut map = Map::with_capacity(members.size_hint().0);
        map.extend(members);
        map
    }
}

impl IntoIterator for Map {
    type Item = (Rc<str>, Value);
    type IntoIter = std::vec::IntoIter<Entry>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

impl<'a> IntoIterator for &'a Map {
    type Item = (&'a Rc<str>, &'a Value);
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(map: &Map) -> Vec<&str> {
        map.keys().map(|k| &**k).collect()
    }

    #[test]
    fn keys_keep_their_first_position_small_and_large() {
        for n in [3, INDEXED + 5] {
            let mut map: Map = (0..n).map(|i| (Rc::from(format!("k{i}")), Value::int(i as i64))).collect();
            assert_eq!(map.insert(Rc::from("k1"), Value::int(-1)), Some(Value::int(1)));
            assert_eq!((map.len(), map.get_index_of("k1"), map.get("k1")), (n, Some(1), Some(&Value::int(-1))));
            assert_eq!(map.shift_remove("k0"), Some(Value::int(0)));
            assert_eq!((map.get_index_of("k2"), map.get("k0").cloned(), map.shift_remove("k0")), (Some(1), None, None));
            map.insert(Rc::from("k0"), Value::Null);
            assert_eq!(keys(&map).last(), Some(&"k0"));
            assert_eq!(map.get_index_of("k0"), Some(n - 1), "the table follows the shift");
            map.shift_remove("k2");
            assert_eq!((map.get_index_of("k2"), map.get_index_of("k0")), (None, Some(n - 2)));
        }
    }

    #[test]
    fn equality_ignores_order_and_an_index_is_built_and_dropped() {
        let a: Map = [("a", 1), ("b", 2)].into_iter().map(|(k, v)| (Rc::from(k), Value::int(v))).collect();
        let b: Map = [("b", 2), ("a", 1)].into_iter().map(|(k, v)| (Rc::from(k), Value::int(v))).collect();
        assert_eq!(a, b);
        let mut big: Map = (0..INDEXED).map(|i| (Rc::from(i.to_string()), Value::Null)).collect();
        assert!(big.index.is_some());
        for i in 10..INDEXED {
            big.shift_remove(&i.to_string());
        }
        assert!(big.index.is_none() && big.len() == 10 && big.get("9").is_some());
    }

    #[test]
    fn a_small_object_grows_by_one_member() {
        let mut map: Map = (0..3).map(|i| (Rc::from(i.to_string()), Value::Null)).collect();
        map.entries.shrink_to_fit();
        map.insert(Rc::from("tag"), Value::Null);
        assert_eq!(map.entries.capacity(), 4);
    }
}
