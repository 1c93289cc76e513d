//! The page's address: the fragment a link opens (read, cleared once opened, watched for changes)
//! and the base that share links are made on.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::share::{self, Shared};

fn location() -> Option<web_sys::Location> {
    web_sys::window().map(|w| w.location())
}

/// The address's fragment, `#…` or empty.
pub fn fragment() -> String {
    location().and_then(|l| l.hash().ok()).unwrap_or_default()
}

/// Takes the fragment off the address once it is opened, so that a reload shows the saved
/// workspace (with the edits made since) rather than opening the link again.
pub fn clear_fragment() {
    let Some(window) = web_sys::window() else { return };
    let location = window.location();
    let plain = format!("{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default());
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&plain));
    }
}

/// The link that opens `shared` on this page.
pub fn link(shared: &Shared) -> String {
    share::link(&location().and_then(|l| l.href().ok()).unwrap_or_default(), shared)
}

/// Calls `on_change` with the new fragment whenever it changes (a link pasted into the address bar).
#[hook]
pub fn use_hash_change(on_change: Callback<String>) {
    let latest = use_mut_ref(|| on_change.clone());
    *latest.borrow_mut() = on_change;
    use_effect_with((), move |_| {
        let listener = Closure::<dyn Fn()>::new(move || latest.borrow().emit(fragment()));
        let window = web_sys::window();
        if let Some(w) = &window {
            let _ = w.add_event_listener_with_callback("hashchange", listener.as_ref().unchecked_ref());
        }
        move || {
            if let Some(w) = &window {
                let _ = w.remove_event_listener_with_callback("hashchange", listener.as_ref().unchecked_ref());
            }
        }
    });
}
