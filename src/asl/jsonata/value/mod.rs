//! The evaluator's values: JSON plus what JSONata adds (undefined, functions, sequences).
//!
//! Containers that come from the caller's JSON (`$states`, the input document) are kept as they are
//! (`Arr::Json`, `Obj::Json`) and read in place, so a large document is never copied to be queried;
//! containers that expressions build hold evaluator values.

mod convert;
mod equal;
mod json_text;
mod number;

use std::cell::Cell;
use std::rc::Rc;

use indexmap::IndexMap;
use rustc_hash::FxBuildHasher;

use crate::asl::json::{Map as JsonMap, Measured, Value};

pub(crate) use convert::{from_json, to_json};
pub(crate) use equal::deep_equal;
pub(crate) use json_text::{quote, stringify, Style, MESSAGE, STRING_FUNCTION};
pub(crate) use number::{format_number, parse_int, round_to_precision};

use super::eval::Func;

/// An object built by an expression; keys keep their insertion order.
pub(crate) type ObjMap = IndexMap<Rc<str>, Val, FxBuildHasher>;

/// A value during evaluation.
#[derive(Clone, Debug, Default)]
pub(crate) enum Val {
    /// No value (a missing field, an empty sequence).
    #[default]
    Undefined,
    Null,
    Bool(bool),
    /// JSONata numbers are doubles.
    Num(f64),
    Str(Rc<str>),
    Array(Arr),
    Object(Obj),
    Func(Rc<Func>),
}

/// An array: read in place from caller JSON, or built during evaluation.
#[derive(Clone, Debug)]
pub(crate) enum Arr {
    Json(Rc<Measured<Vec<Value>>>),
    Seq(Rc<Seq>),
}

/// A built array with the markers the reference implementation attaches to arrays.
#[derive(Debug, Default)]
pub(crate) struct Seq {
    pub items: Vec<Val>,
    flags: Cell<u8>,
    /// How deeply containers nest inside, counting this one.
    depth: u32,
}

/// A built object, with how deeply containers nest inside it (counting itself).
#[derive(Debug, Default)]
pub(crate) struct Members {
    pub map: ObjMap,
    depth: u32,
}

impl std::ops::Deref for Members {
    type Target = ObjMap;
    fn deref(&self) -> &ObjMap {
        &self.map
    }
}

/// The deepest nesting of arrays and objects an evaluation may build. It matches the nesting
/// the JSON reader accepts, so every result can be read back; it also keeps the recursion of
/// everything that walks values (comparison, printing, dropping) shallow.
pub(crate) const MAX_NESTING: u32 = 128;

fn nesting(items: impl Iterator<Item = u32>) -> u32 {
    1 + items.max().unwrap_or(0)
}

/// An object: read in place from caller JSON, or built during evaluation.
#[derive(Clone, Debug)]
pub(crate) enum Obj {
    Json(Rc<Measured<JsonMap>>),
    Map(Rc<Members>),
}

/// Array markers. A *sequence* is a result of navigation (flattened, singleton-collapsed); the
/// others mark arrays the expression wrote literally or wrapped around the input.
pub(crate) mod flag {
    pub const SEQUENCE: u8 = 1;
    pub const KEEP_SINGLETON: u8 = 2;
    pub const CONS: u8 = 4;
    pub const OUTER_WRAPPER: u8 = 8;
    /// Items are tuples: objects binding the context (`@`) and path variables.
    pub const TUPLE_STREAM: u8 = 16;
}

impl Seq {
    /// A built array with the given markers.
    pub fn new(items: Vec<Val>, flags: u8) -> Seq {
        let depth = nesting(items.iter().map(Val::depth));
        Seq { items, flags: Cell::new(flags), depth }
    }

    pub fn has(&self, f: u8) -> bool {
        self.flags.get() & f != 0
    }

    /// Markers are shared by every holder of the array, as in the reference implementation.
    pub fn set(&self, f: u8) {
        self.flags.set(self.flags.get() | f);
    }
}

impl Arr {
    pub fn len(&self) -> usize {
        match self {
            Arr::Json(items) => items.len(),
            Arr::Seq(seq) => seq.items.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn get(&self, index: usize) -> Option<Val> {
        match self {
            Arr::Json(items) => items.get(index).map(from_json),
            Arr::Seq(seq) => seq.items.get(index).cloned(),
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = Val> + '_ {
        let (json, built) = match self {
            Arr::Json(items) => (Some(items.iter().map(from_json)), None),
            Arr::Seq(seq) => (None, Some(seq.items.iter().cloned())),
        };
        json.into_iter().flatten().chain(built.into_iter().flatten())
    }

    pub fn to_vec(&self) -> Vec<Val> {
        match self {
            Arr::Json(items) => items.iter().map(from_json).collect(),
            Arr::Seq(seq) => seq.items.clone(),
        }
    }

    pub fn has(&self, f: u8) -> bool {
        match self {
            Arr::Json(_) => false,
            Arr::Seq(seq) => seq.has(f),
        }
    }

    pub fn is_sequence(&self) -> bool {
        self.has(flag::SEQUENCE)
    }

    /// The same array with a marker added; caller JSON is copied into a built array first.
    pub fn with_flag(self, f: u8) -> Arr {
        match self {
            Arr::Seq(seq) => {
                seq.set(f);
                Arr::Seq(seq)
            }
            Arr::Json(items) => Arr::Seq(Rc::new(Seq::new(items.iter().map(from_json).collect(), f))),
        }
    }
}

impl Obj {
    pub fn len(&self) -> usize {
        match self {
            Obj::Json(map) => map.len(),
            Obj::Map(map) => map.len(),
        }
    }

    pub fn get(&self, key: &str) -> Option<Val> {
        match self {
            Obj::Json(map) => map.get(key).map(from_json),
            Obj::Map(map) => map.get(key).cloned(),
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = (Rc<str>, Val)> + '_ {
        let (json, built) = match self {
            Obj::Json(map) => (Some(map.iter().map(|(k, v)| (k.clone(), from_json(v)))), None),
            Obj::Map(map) => (None, Some(map.iter().map(|(k, v)| (k.clone(), v.clone())))),
        };
        json.into_iter().flatten().chain(built.into_iter().flatten())
    }

    pub fn keys(&self) -> Vec<Rc<str>> {
        match self {
            Obj::Json(map) => map.keys().cloned().collect(),
            Obj::Map(map) => map.keys().cloned().collect(),
        }
    }

    /// A built copy of the members, for changing.
    pub fn to_map(&self) -> ObjMap {
        self.iter().collect()
    }

    /// The identity of the object, for telling apart two objects with equal contents.
    pub fn ptr(&self) -> usize {
        match self {
            Obj::Json(map) => Rc::as_ptr(map) as *const u8 as usize,
            Obj::Map(map) => Rc::as_ptr(map) as *const u8 as usize,
        }
    }
}

impl Val {
    pub fn str(s: &str) -> Val {
        Val::Str(Rc::from(s))
    }

    pub fn string(s: String) -> Val {
        Val::Str(Rc::from(s))
    }

    /// A plain (non-sequence) array.
    pub fn array(items: Vec<Val>) -> Val {
        Val::Array(Arr::Seq(Rc::new(Seq::new(items, 0))))
    }

    /// A sequence: the result of navigation.
    pub fn seq(items: Vec<Val>) -> Val {
        Val::Array(Arr::Seq(Rc::new(Seq::new(items, flag::SEQUENCE))))
    }

    pub fn array_with(items: Vec<Val>, flags: u8) -> Val {
        Val::Array(Arr::Seq(Rc::new(Seq::new(items, flags))))
    }

    pub fn object(map: ObjMap) -> Val {
        let depth = nesting(map.values().map(Val::depth));
        Val::Object(Obj::Map(Rc::new(Members { map, depth })))
    }

    /// How deeply containers nest in the value. Caller JSON counts as one level: the JSON
    /// reader bounds its nesting.
    pub fn depth(&self) -> u32 {
        match self {
            Val::Array(Arr::Seq(s)) => s.depth,
            Val::Object(Obj::Map(m)) => m.depth,
            Val::Array(Arr::Json(_)) | Val::Object(Obj::Json(_)) => 1,
            _ => 0,
        }
    }

    pub fn is_undefined(&self) -> bool {
        matches!(self, Val::Undefined)
    }

    pub fn is_defined(&self) -> bool {
        !self.is_undefined()
    }

    pub fn is_array(&self) -> bool {
        matches!(self, Val::Array(_))
    }

    pub fn is_function(&self) -> bool {
        matches!(self, Val::Func(_))
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Val::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_num(&self) -> Option<f64> {
        match self {
            Val::Num(n) => Some(*n),
            _ => None,
        }
    }

    /// The items of an array, or the value itself as a one-item list (nothing for undefined).
    pub fn to_items(&self) -> Vec<Val> {
        match self {
            Val::Array(a) => a.to_vec(),
            Val::Undefined => Vec::new(),
            other => vec![other.clone()],
        }
    }

    /// JSONata's type name, as `$type` reports it.
    pub fn type_name(&self) -> &'static str {
        match self {
            Val::Undefined => "undefined",
            Val::Null => "null",
            Val::Bool(_) => "boolean",
            Val::Num(_) => "number",
            Val::Str(_) => "string",
            Val::Array(_) => "array",
            Val::Object(_) => "object",
            Val::Func(_) => "function",
        }
    }
}
