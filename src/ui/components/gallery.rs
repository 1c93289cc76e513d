//! The samples as cards: title, what it does, the concepts it shows; one click opens one.

use yew::prelude::*;

use crate::ui::gallery::{description, tags};
use crate::ui::samples::{Sample, SAMPLES};

#[derive(Properties, PartialEq)]
pub struct GalleryProps {
    pub on_pick: Callback<&'static Sample>,
    /// The sample the workspace was opened from.
    pub current: Option<AttrValue>,
}

#[function_component]
pub fn Gallery(props: &GalleryProps) -> Html {
    let card = |sample: &'static Sample| {
        let pick = props.on_pick.reform(move |_: MouseEvent| sample);
        html! {
            <li>
                <button class={classes!("card", "closes", (props.current.as_deref() == Some(sample.id)).then_some("current"))}
                        data-sample={sample.id} onclick={pick}>
                    <strong>{ sample.title }</strong>
                    <span class="description">{ description(sample) }</span>
                    <span class="tags">{ for tags(sample).iter().map(|t| html! { <span class="tag">{ *t }</span> }) }</span>
                </button>
            </li>
        }
    };
    html! {
        <div class="gallery">
            <h2>{ "Samples" }<button class="close closes" aria-label="Close">{ "×" }</button></h2>
            <ul>{ for SAMPLES.iter().map(card) }</ul>
        </div>
    }
}
