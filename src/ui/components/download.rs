//! Offering text to the user: a JSON file to download, or the clipboard.

use crate::ui::download;
use crate::ui::export_files::File;

/// Downloads `text` as the JSON file `name` (a failure is reported in the console).
pub fn download(name: &str, text: &str) {
    let file = File { name: name.to_string(), mime: "application/json", text: text.to_string() };
    if let Err(e) = download::download(&file) {
        web_sys::console::error_1(&e.into());
    }
}

/// Puts `text` on the clipboard (the browser may refuse; nothing else happens then).
pub fn copy(text: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.navigator().clipboard().write_text(text);
    }
}
