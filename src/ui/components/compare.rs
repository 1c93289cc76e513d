//! Compare two runs: pin one, run again, and see both side by side, the first step where their
//! paths part highlighted.

use std::rc::Rc;

use yew::prelude::*;

use crate::bridge::outcome::Outcome;
use crate::ui::compare::{compare, Side};

#[derive(Properties, PartialEq)]
pub struct CompareProps {
    pub pinned: Option<Rc<Outcome>>,
    pub current: Option<Rc<Outcome>>,
    pub on_pin: Callback<Option<Rc<Outcome>>>,
}

#[function_component]
pub fn Compare(props: &CompareProps) -> Html {
    let pin = props.current.clone().map(|current| props.on_pin.reform(move |_| Some(current.clone())));
    let unpin = props.on_pin.reform(|_| None);
    let body = match (&props.pinned, &props.current) {
        (None, _) => html! { <p class="empty">{ "Pin a run, change the input or the definition, run again: both show here side by side." }</p> },
        (Some(pinned), Some(current)) if !Rc::ptr_eq(pinned, current) => {
            let c = compare(pinned, current);
            html! {
                <div class="comparison">
                    { column("Pinned run", &c.pinned, c.divergence) }
                    { column("This run", &c.current, c.divergence) }
                </div>
            }
        }
        (Some(_), _) => html! { <p class="empty">{ "This run is pinned. Run again to compare." }</p> },
    };
    html! {
        <section class="compare" aria-label="Compare">
            <div class="compare-actions">
                <button class="pin" disabled={pin.is_none()} onclick={pin.unwrap_or_default()}>{ "Pin this run" }</button>
                if props.pinned.is_some() { <button class="unpin" onclick={unpin}>{ "Unpin" }</button> }
            </div>
            { body }
        </section>
    }
}

fn column(title: &str, side: &Side, divergence: Option<usize>) -> Html {
    html! {
        <div class="side">
            <h4>{ title }</h4>
            <p><span class={classes!("status", side.status.to_lowercase())}>{ side.status.replace('_', " ") }</span></p>
            <p class="label">{ "Input" }</p>
            <pre class="output">{ side.input.as_deref().unwrap_or("(none)") }</pre>
            <p class="label">{ format!("Path ({} states)", side.path.len()) }</p>
            <ol class="path">
                { for side.path.iter().enumerate().map(|(i, s)| html! {
                    <li class={classes!((Some(i) == divergence).then_some("diverged"))}>{ s }</li>
                }) }
                if divergence == Some(side.path.len()) { <li class="diverged ended">{ "(ends here)" }</li> }
            </ol>
            <p class="label">{ if side.status == "SUCCEEDED" { "Output" } else { "Error" } }</p>
            <pre class="output">{ &side.result }</pre>
            <p class="events-count">{ format!("{} events", side.events) }</p>
        </div>
    }
}
