//! The workspaces ([`crate::ui::workspaces`]) and the player's speed in the browser's localStorage:
//! read once, written on every change, quietly not at all where storage is unavailable or full.

use std::cell::RefCell;

use crate::testcases::TestCase;
use crate::ui::player::Speed;
use crate::ui::state::Texts;
use crate::ui::workspaces::{Entry, Store, KEY, V1_KEY};

/// Where the player's speed is kept.
const SPEED_KEY: &str = "aslplay.speed.v1";

thread_local! {
    static STORE: RefCell<Store> = RefCell::new(read());
}

/// The browser's localStorage, where there is one (the page's other stores use it too).
pub fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn read() -> Store {
    let get = |key| storage().and_then(|s| s.get_item(key).ok().flatten());
    Store::read(get(KEY).as_deref(), get(V1_KEY).as_deref(), now())
}

/// Milliseconds since 1970, the browser's clock.
pub fn now() -> f64 {
    js_sys::Date::now()
}

/// Changes the store, then saves it. When the browser's storage is full, the oldest recent
/// workspaces give way, so that the one open is saved.
fn change<T>(f: impl FnOnce(&mut Store) -> T) -> T {
    STORE.with(|store| {
        let mut store = store.borrow_mut();
        let result = f(&mut store);
        if let Some(storage) = storage() {
            while storage.set_item(KEY, &store.to_json()).is_err() && store.recent.pop().is_some() {}
        }
        result
    })
}

/// The open workspace's texts, if any was saved.
pub fn load() -> Option<Texts> {
    current().map(|entry| texts(&entry))
}

/// An entry's texts, for the editors.
pub fn texts(entry: &Entry) -> Texts {
    Texts { definition: entry.definition.as_str().into(), input: entry.input.as_str().into(), mocks: entry.mocks.as_str().into() }
}

/// The open workspace, if any was saved.
pub fn current() -> Option<Entry> {
    STORE.with(|store| store.borrow().current.clone())
}

/// The workspaces replaced lately, newest first.
pub fn recent() -> Vec<Entry> {
    STORE.with(|store| store.borrow().recent.clone())
}

/// Saves the editors' texts as the open workspace's.
pub fn save(texts: &Texts) {
    change(|store| store.edit(&texts.definition, &texts.input, &texts.mocks, now()));
}

/// Opens `entry` in place of the open workspace; whether that one was kept among the recent ones.
pub fn open(entry: Entry) -> bool {
    change(|store| store.open(entry))
}

/// Opens the recent workspace at `index`; what it holds.
pub fn restore(index: usize) -> Option<Entry> {
    change(|store| store.restore(index).cloned())
}

/// Saves the open workspace's test cases (with nothing open yet, they wait for its first edit).
pub fn save_tests(tests: &[TestCase]) {
    change(|store| {
        if let Some(current) = store.current.as_mut().filter(|c| c.tests != tests) {
            current.tests = tests.to_vec();
        }
    });
}

/// Saves the test case picked in the open workspace's mock configuration.
pub fn save_mock_test_case(case: &str) {
    change(|store| {
        if let Some(current) = store.current.as_mut() {
            current.mock_test_case = Some(case.to_string());
        }
    });
}

/// The player's speed chosen last.
pub fn load_speed() -> Option<Speed> {
    Speed::named(&storage()?.get_item(SPEED_KEY).ok()??)
}

pub fn save_speed(speed: Speed) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(SPEED_KEY, speed.name());
    }
}
