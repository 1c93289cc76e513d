//! The last run, kept in the browser's localStorage so that a reload shows it again. A finished run
//! keeps its history (the outcome is read back from it), with the definition that ran, the built-in
//! services' state and the child executions of its distributed Maps, and is shown on the graph, in
//! the player and the inspector. A run waiting for callbacks keeps its journal, to be run again to
//! where it waits (its engine's state is not something storage can hold). A history too large for
//! the browser's small storage is not kept, and opening another workspace forgets the run.

use std::rc::Rc;

use serde_json::{json, Value};

use crate::bridge::child_executions;
use crate::bridge::journal::Journal;
use crate::bridge::outcome::Outcome;
use crate::ui::storage::storage;

const KEY: &str = "aslplay.last-run.v1";
/// The most text kept: localStorage holds a few megabytes in all, and the workspaces come first.
const MAX_CHARS: usize = 1 << 20;

/// The run kept.
pub enum Kept {
    /// A finished run of the definition.
    Finished(Rc<str>, Outcome),
    /// A run that waits for callbacks.
    Waiting(Journal),
}

/// Keeps `outcome`, a run of `definition`, in place of the last one; `waiting` when it waits for
/// callbacks.
pub fn save(definition: &str, outcome: &Outcome, waiting: Option<&Journal>) {
    let Some(storage) = storage() else { return };
    let finished = |histories| {
        json!({ "definition": definition, "history": outcome.history(), "services": outcome.services,
                "children": child_executions::to_json(&outcome.children, histories) })
    };
    let kept = |text: String| text.len() <= MAX_CHARS && storage.set_item(KEY, &text).is_ok();
    let stored = match waiting {
        Some(journal) => kept(json!({ "definition": definition, "waiting": journal.to_json() }).to_string()),
        // The child executions' histories are left out when they would not fit.
        None => kept(finished(true).to_string()) || (!outcome.children.is_empty() && kept(finished(false).to_string())),
    };
    if !stored {
        let _ = storage.remove_item(KEY);
    }
}

/// The last run kept, if any.
pub fn load() -> Option<Kept> {
    let saved: Value = serde_json::from_str(&storage()?.get_item(KEY).ok()??).ok()?;
    if let Some(journal) = saved.get("waiting") {
        return Journal::from_json(journal).map(Kept::Waiting);
    }
    let definition = saved.get("definition")?.as_str()?.into();
    let services = saved.get("services").and_then(Value::as_str).map(str::to_owned);
    let children = saved.get("children").map(child_executions::from_json).unwrap_or_default();
    Some(Kept::Finished(definition, Outcome::from_history(saved.get("history")?.clone(), services, children)?))
}

/// Another workspace is open, or the kept run could not be brought back.
pub fn forget() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(KEY);
    }
}
