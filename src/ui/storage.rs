//! The editors' texts and the player's speed, kept in the browser's localStorage so a reload restores them.

use crate::ui::player::Speed;
use crate::ui::state::Texts;

const KEY: &str = "aslplay.editors.v1";
const SPEED_KEY: &str = "aslplay.speed.v1";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The texts saved last, if any.
pub fn load() -> Option<Texts> {
    let saved: serde_json::Value = serde_json::from_str(&storage()?.get_item(KEY).ok()??).ok()?;
    let text = |field: &str| saved.get(field).and_then(|v| v.as_str()).map(Into::into);
    Some(Texts { definition: text("definition")?, input: text("input")?, mocks: text("mocks")? })
}

/// Saves the texts (quietly does nothing where storage is unavailable or full, or while a first
/// visit's editors are still empty).
pub fn save(texts: &Texts) {
    if texts.definition.is_empty() && texts.input.is_empty() && texts.mocks.is_empty() {
        return;
    }
    let json = serde_json::json!({
        "definition": &*texts.definition,
        "input": &*texts.input,
        "mocks": &*texts.mocks,
    });
    if let Some(storage) = storage() {
        let _ = storage.set_item(KEY, &json.to_string());
    }
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
