//! The workspaces replaced lately, newest first; a click opens one.

use yew::prelude::*;

use crate::ui::storage;
use crate::ui::workspaces::ago;

#[derive(Properties, PartialEq)]
pub struct RecentProps {
    pub on_restore: Callback<usize>,
}

#[function_component]
pub fn Recent(props: &RecentProps) -> Html {
    let recent = storage::recent();
    let now = storage::now();
    if recent.is_empty() {
        return html! { <p class="menu-empty">{ "Nothing yet: a workspace you leave by opening a sample or a link is kept here." }</p> };
    }
    let item = |(index, entry): (usize, &crate::ui::workspaces::Entry)| {
        let first = entry.definition.lines().find_map(|l| l.split_once("\"Comment\"").map(|(_, c)| c.trim_matches([' ', ':', '"', ','])));
        html! {
            <li>
                <button class="recent-item closes" onclick={props.on_restore.reform(move |_: MouseEvent| index)}>
                    <strong>{ &entry.name }</strong>
                    <span class="when">{ ago(now, entry.at) }</span>
                    if let Some(comment) = first { <span class="about">{ comment.to_string() }</span> }
                </button>
            </li>
        }
    };
    html! {
        <div class="recent">
            <h2>{ "Recent workspaces" }</h2>
            <ul>{ for recent.iter().enumerate().map(item) }</ul>
        </div>
    }
}
