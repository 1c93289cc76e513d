//! The learner's progress and the workspace stashed while an exercise is open, in localStorage
//! beside the workspaces (`ui::storage`, which keeps the test cases with the open workspace), so
//! that a reload restores them.

use crate::ui::learn::Learn;
use crate::ui::state::Playground;
use crate::ui::storage;
use crate::ui::workspaces::{Entry, UNTITLED};

const PROGRESS: &str = "aslplay.progress.v1";
/// Present exactly while an exercise is open: the user's own workspace, to go back to.
const STASH: &str = "aslplay.before-exercise";

/// What was stored last (a fresh start where nothing was).
pub fn load() -> Learn {
    let item = |key| storage::storage().and_then(|s| s.get_item(key).ok().flatten());
    let current = storage::current().unwrap_or_default();
    Learn::restore(item(PROGRESS).as_deref(), item(STASH).as_deref(), current.tests, current.selected.as_ref())
}

/// Stores what a reload must find (quietly nothing where storage is unavailable or full).
pub fn save(learn: &Learn) {
    storage::save_tests(&learn.tests);
    let Some(local) = storage::storage() else { return };
    let _ = local.set_item(PROGRESS, &learn.progress.to_json());
    let _ = match &learn.stash {
        Some(stash) => local.set_item(STASH, &serde_json::to_string(&**stash).unwrap_or_default()),
        None => local.remove_item(STASH),
    };
}

/// The workspace open in `page`, as the workspaces keep it (its name and query language from there,
/// when kept).
pub fn entry(page: &Playground) -> Entry {
    let texts = &page.texts;
    let same = |e: &Entry| (&*e.definition, &*e.input, &*e.mocks) == (&*texts.definition, &*texts.input, &*texts.mocks);
    let kept = storage::current().into_iter().chain(storage::recent()).find(same);
    Entry {
        at: storage::now(),
        definition: texts.definition.to_string(),
        input: texts.input.to_string(),
        mocks: texts.mocks.to_string(),
        selected: page.origin.clone(),
        tests: page.learn.tests.to_vec(),
        ..kept.unwrap_or_else(|| Entry { name: UNTITLED.into(), ..Entry::default() })
    }
}
