//! Share links: the whole workspace in a URL's fragment, so no server is involved. `#v1=<data>`
//! carries a workspace (see [`payload`] for the format); `#sample=<id>` and `#exercise=<id>` open a
//! sample or an exercise by name. Opening is all or nothing and never touches anything: the page
//! replaces its workspace only with what [`open`] returns, so a damaged link leaves the user's own
//! workspace as it was. Mocks that arrive in a link are code from someone else: the page runs them,
//! like all mocks, only in its isolated mock sandbox.

mod dictionary;
mod error;
mod fragment;
mod pack;
mod payload;

pub use error::ShareError;
pub use payload::{query_language, query_language_name, Selected, Shared};

use crate::tutorial::catalog;
use crate::ui::samples::{self, Sample};
use fragment::Fragment;

/// The format version links are made in.
pub const VERSION: &str = "v1";

/// The fragment (without `#`) that carries `shared`: `v1=<data>`.
pub fn encode(shared: &Shared) -> String {
    format!("{VERSION}={}", payload::encode_v1(shared))
}

/// The whole link: `base` (the page's address, without a fragment) with `shared` in its fragment.
pub fn link(base: &str, shared: &Shared) -> String {
    let base = base.split('#').next().unwrap_or(base);
    format!("{base}#{}", encode(shared))
}

/// What a link opens.
#[derive(Debug, PartialEq)]
pub enum Opened {
    /// A whole workspace: a `#v1=` link's, or an exercise's start.
    Workspace(Shared),
    /// A sample, whose files the page fetches (its texts are not in the page's wasm).
    Sample(&'static Sample),
}

/// What a fragment opens: `None` when it is not for aslplay (empty, or a plain anchor).
pub fn open(fragment: &str) -> Result<Option<Opened>, ShareError> {
    match fragment::read(fragment)? {
        Fragment::None => Ok(None),
        Fragment::Shared { version, data } if version == "1" => payload::decode_v1(&data).map(|s| Some(Opened::Workspace(s))),
        Fragment::Shared { version, .. } => Err(ShareError::UnknownVersion(format!("v{version}"))),
        Fragment::Sample(id) => samples::find(&id).map(|s| Some(Opened::Sample(s))).ok_or(ShareError::UnknownSample(id)),
        Fragment::Exercise(id) => {
            let exercise = catalog::find(&id).ok_or(ShareError::UnknownExercise(id))?;
            let selected = Some(Selected::Exercise(exercise.id().to_string()));
            Ok(Some(Opened::Workspace(Shared { workspace: exercise.start(), selected, ..Shared::default() })))
        }
    }
}

/// The fragment that opens sample `id`.
pub fn sample_fragment(id: &str) -> String {
    format!("sample={id}")
}

/// The fragment that opens exercise `id`.
pub fn exercise_fragment(id: &str) -> String {
    format!("exercise={id}")
}

#[cfg(test)]
mod tests;
