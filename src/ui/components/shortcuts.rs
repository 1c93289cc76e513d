//! The keyboard shortcuts of the page, listed in a panel under the top bar's Keys button.

use yew::prelude::*;

use crate::ui::components::popover::Popover;

/// Each key, and what it does where.
const KEYS: &[(&str, &str)] = &[
    ("Ctrl/⌘ + Enter", "Run (anywhere on the page)"),
    ("Space", "Play or pause the run's replay"),
    ("← / →", "One event back or forward in the replay"),
    ("Alt or Shift + click a state", "Set or clear a breakpoint on it"),
    ("Drag / wheel / pinch", "Pan and zoom the graph"),
    ("Ctrl + Space", "Complete a field, type or state name in the definition"),
    ("Shift + Alt + F", "Format the JSON being edited"),
    ("Ctrl/⌘ + F", "Search (and replace) in an editor"),
    ("F8", "Go to the next problem in an editor"),
    ("Ctrl/⌘ + Z, Ctrl/⌘ + Shift + Z", "Undo, redo in an editor"),
    ("Escape", "Close a menu or panel"),
];

#[function_component]
pub fn Shortcuts() -> Html {
    html! {
        <Popover label="Keys" class="keys" title="Keyboard shortcuts">
            <table class="shortcuts">
                { for KEYS.iter().map(|(key, what)| html! { <tr><td><kbd>{ *key }</kbd></td><td>{ *what }</td></tr> }) }
            </table>
        </Popover>
    }
}
