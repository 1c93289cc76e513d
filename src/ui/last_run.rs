//! The last finished run, kept in the browser's localStorage so that a reload shows it again on
//! the graph, in the player and the inspector. Only its history is kept (the outcome is read back
//! from it), with the definition that ran and the built-in services' state; a history too large for
//! the browser's small storage is not kept, and opening another workspace forgets it.

use serde_json::{json, Value};

use crate::bridge::outcome::Outcome;
use crate::ui::storage::storage;

const KEY: &str = "aslplay.last-run.v1";
/// The most text kept: localStorage holds a few megabytes in all, and the workspaces come first.
const MAX_CHARS: usize = 1 << 20;

/// Keeps `outcome`, a run of `definition`, in place of the last one.
pub fn save(definition: &str, outcome: &Outcome) {
    let Some(storage) = storage() else { return };
    let text = json!({ "definition": definition, "history": *outcome.history, "services": outcome.services }).to_string();
    if text.len() <= MAX_CHARS && storage.set_item(KEY, &text).is_ok() {
        return;
    }
    let _ = storage.remove_item(KEY);
}

/// The last run kept and the definition it ran, if it finished.
pub fn load() -> Option<(std::rc::Rc<str>, Outcome)> {
    let saved: Value = serde_json::from_str(&storage()?.get_item(KEY).ok()??).ok()?;
    let definition = saved.get("definition")?.as_str()?.into();
    let services = saved.get("services").and_then(Value::as_str).map(str::to_owned);
    Some((definition, Outcome::from_history(saved.get("history")?.clone(), services)?))
}

/// Another workspace is open: its run is not this one.
pub fn forget() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(KEY);
    }
}
