//! The track's texts when they are not built in: the page fetches them (bundled as `tutorials.json`,
//! each file's text by its path, `01-first-pass/start/input.json`) and installs them here once,
//! before it starts, so that the catalog reads them as it reads built-in texts.

use std::collections::HashMap;
use std::sync::OnceLock;

static TEXTS: OnceLock<HashMap<String, String>> = OnceLock::new();

/// Installs the texts by path; only the first installation counts.
pub fn install(texts: HashMap<String, String>) {
    let _ = TEXTS.set(texts);
}

/// The installed text of `file` (`start/input.json`) of the exercise folder `folder`.
pub fn text(folder: &str, file: &str) -> Option<&'static str> {
    TEXTS.get()?.get(&format!("{folder}/{file}")).map(String::as_str)
}
