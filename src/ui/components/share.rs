//! The share link of the workspace, with its length and a Copy button.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::share::{Selected, Shared};
use crate::testcases::Workspace;
use crate::ui::location;
use crate::ui::state::Texts;
use crate::ui::storage;

#[derive(Properties, PartialEq)]
pub struct ShareLinkProps {
    pub texts: Texts,
    pub origin: Option<Selected>,
}

#[function_component]
pub fn ShareLink(props: &ShareLinkProps) -> Html {
    let link = use_memo((props.texts.clone(), props.origin.clone()), |(texts, origin)| {
        // The saved workspace holds what the editors do not: its test cases, a link's query language.
        let saved = storage::current().map(|c| c.shared()).unwrap_or_default();
        let workspace = Workspace::new(&*texts.definition, &*texts.input, &*texts.mocks);
        AttrValue::from(location::link(&Shared { workspace, selected: origin.clone(), ..saved }))
    });
    let field = use_node_ref();
    let status = use_state(|| None::<&'static str>);
    let copy = {
        let (field, status, link) = (field.clone(), status.clone(), link.to_string());
        Callback::from(move |_: MouseEvent| {
            let (field, status, link) = (field.clone(), status.clone(), link.clone());
            yew::platform::spawn_local(async move {
                let clipboard = web_sys::window().map(|w| w.navigator().clipboard());
                let copied = match clipboard {
                    Some(clipboard) => JsFuture::from(clipboard.write_text(&link)).await.is_ok(),
                    None => false,
                };
                if copied {
                    status.set(Some("Copied."));
                } else {
                    // No clipboard access (an insecure page, a refused permission): select it for Ctrl+C.
                    if let Some(input) = field.cast::<web_sys::HtmlInputElement>() {
                        let _ = input.focus();
                        input.select();
                    }
                    status.set(Some("Selected: press Ctrl+C (⌘C) to copy."));
                }
            });
        })
    };
    let select_all = Callback::from(|e: FocusEvent| {
        if let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
            input.select();
        }
    });
    let length = link.chars().count();
    html! {
        <div class="share-box">
            <p>{ "This link holds the whole workspace: definition, input, mocks and test cases. Nothing is uploaded." }</p>
            <div class="share-row">
                <input ref={field} class="share-link" readonly=true value={(*link).clone()} onfocus={select_all} aria-label="Share link" />
                <button class="copy" onclick={copy}>{ "Copy" }</button>
            </div>
            <p class="share-meta">
                <span class="length">{ format!("{length} characters") }</span>
                if let Some(status) = *status { <span class="copied">{ status }</span> }
            </p>
        </div>
    }
}
