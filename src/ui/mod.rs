//! The playground page. The Yew components build for wasm32 only; the pure parts they draw with
//! (layout, replay, the samples' list) build everywhere, so host `cargo test` checks them without a browser.

pub mod compare;
pub mod dataflow;
pub mod event_filter;
pub mod gesture;
pub mod layout;
pub mod map_run;
pub mod learn;
pub mod player;
pub mod replay;
pub mod export_files;
pub mod gallery;
pub mod samples;
pub mod scratchpad;
pub mod state_source;
pub mod table_window;
pub mod viewport;
pub mod workspaces;
pub mod variables;

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod components;
#[cfg(target_arch = "wasm32")]
mod last_run;
#[cfg(target_arch = "wasm32")]
mod learn_runs;
#[cfg(target_arch = "wasm32")]
mod learn_storage;
#[cfg(target_arch = "wasm32")]
mod download;
#[cfg(target_arch = "wasm32")]
mod location;
#[cfg(target_arch = "wasm32")]
mod opening;
#[cfg(target_arch = "wasm32")]
mod sample_files;
#[cfg(target_arch = "wasm32")]
mod state;
#[cfg(target_arch = "wasm32")]
mod storage;
#[cfg(target_arch = "wasm32")]
mod tutorial_files;

/// Starts the page: installs the panic hook, fetches the tutorial track, then renders the app into
/// the page's `#app`.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    crate::bridge::panic::install();
    // The tutorial track's texts come first: a reload inside an exercise, or an exercise's link,
    // opens it at once. Without them the page still works, with an empty track.
    wasm_bindgen_futures::spawn_local(async {
        if let Err(e) = tutorial_files::fetch().await {
            web_sys::console::error_1(&e.into());
        }
        let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app"));
        match root {
            Some(root) => yew::Renderer::<app::App>::with_root(root).render(),
            None => yew::Renderer::<app::App>::new().render(),
        };
    });
}
