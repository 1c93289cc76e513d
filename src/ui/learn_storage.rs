//! The learner's progress, the workspace stashed while an exercise is open, and the test cases, kept
//! in localStorage beside the editors' texts so that a reload restores them.

use crate::ui::learn::Learn;

const PROGRESS: &str = "aslplay.progress.v1";
/// Present exactly while an exercise is open: the user's own workspace, to go back to.
const STASH: &str = "aslplay.before-exercise";
const TESTS: &str = "aslplay.tests.v1";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// What was stored last (a fresh start where nothing was).
pub fn load() -> Learn {
    let item = |key| storage().and_then(|s| s.get_item(key).ok().flatten());
    Learn::restore(item(PROGRESS).as_deref(), item(STASH).as_deref(), item(TESTS).as_deref())
}

/// Stores what a reload must find (quietly nothing where storage is unavailable or full).
pub fn save(learn: &Learn) {
    let Some(storage) = storage() else { return };
    let _ = storage.set_item(PROGRESS, &learn.progress.to_json());
    let _ = match &learn.stash {
        Some(stash) => storage.set_item(STASH, &serde_json::to_string(&**stash).unwrap_or_default()),
        None => storage.remove_item(STASH),
    };
    let _ = storage.set_item(TESTS, &serde_json::to_string(&*learn.tests).unwrap_or_default());
}
