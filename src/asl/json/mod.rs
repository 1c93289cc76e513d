//! JSON: the shared value type, locating a JSON Pointer in source text for error reports, and finding
//! keys given twice.

mod duplicates;
mod locate;
mod map;
mod measured;
mod serde;
mod size;
mod value;

pub use duplicates::{duplicate_keys, DuplicateKey};
pub use locate::{locate, LineCol, Span};
pub(crate) use locate::floor_char_boundary;
pub use measured::Measured;
pub use size::Misfit;
pub use value::{Map, Number, Value, MAX_NESTING};
