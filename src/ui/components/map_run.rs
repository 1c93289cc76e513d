//! A distributed Map's child executions in the inspector (`ui::map_run`): the Map Run's children as
//! they stood at the replay's moment; a row opens to the child's input and its output or error, and
//! to the child execution itself, with its own history.

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::asl::json::Value;
use crate::bridge::child_executions::HISTORIES_KEPT;
use crate::bridge::outcome::Outcome;
use crate::ui::components::json_view::JsonView;
use crate::ui::event_filter::relative;
use crate::ui::map_run::{children, counts, Child, STATUSES};

/// The most rows drawn: a Map Run may have thousands of children; the status filter finds the others.
const ROWS: usize = 100;

#[derive(Properties, PartialEq)]
pub struct MapRunProps {
    pub outcome: Rc<Outcome>,
    /// The Map visit: its Entered event.
    pub entered: usize,
    /// The replay's position (events shown).
    pub upto: usize,
    /// The state inspected inside the Map, when it is not the Map itself.
    #[prop_or_default]
    pub inner: Option<Rc<str>>,
    /// Show a child execution (its outcome, and which it is).
    pub on_open: Callback<(Rc<Outcome>, Rc<str>)>,
}

#[function_component]
pub fn MapRun(props: &MapRunProps) -> Html {
    // The item index opened.
    let open = use_state(|| None::<usize>);
    // The status shown ("" for all).
    let only = use_state(String::new);
    let timeline = &props.outcome.timeline;
    let shown = children(timeline, &props.outcome.children, props.entered, props.upto);
    let statuses: Vec<&str> = STATUSES.into_iter().filter(|s| shown.iter().any(|c| c.status == *s)).collect();
    // A status no child has at this moment of the replay filters nothing.
    let status = statuses.iter().copied().find(|s| *s == only.as_str());
    let matching: Vec<&Child> = shown.iter().filter(|c| status.is_none_or(|s| c.status == s)).collect();
    let on_only = {
        let only = only.clone();
        Callback::from(move |e: Event| only.set(e.target_unchecked_into::<HtmlSelectElement>().value()))
    };
    let origin = timeline.time(0).unwrap_or_default();
    let note = props.inner.as_ref().map(|inner| {
        format!("\"{inner}\" runs in the child executions of this Map Run; their events are in histories of their own, as in AWS.")
    });
    let row = |child: &Child| {
        let c = child.execution;
        let index = c.index;
        let is_open = *open == Some(index);
        let toggle = {
            let open = open.clone();
            Callback::from(move |_| open.set(if is_open { None } else { Some(index) }))
        };
        let duration = c.ended.filter(|_| child.status != "RUNNING").map(|end| relative(end - c.started).trim_start_matches('+').to_owned());
        html! {
            <>
                <tr key={index} class="child" data-index={index.to_string()} data-status={child.status.to_owned()} onclick={toggle}>
                    <td><button class="expand" aria-expanded={is_open.to_string()}>{ if is_open { "▾" } else { "▸" } }</button>{ index }</td>
                    <td><span class={classes!("child-status", child.status.to_lowercase())}>{ child.status }</span></td>
                    <td class="time">{ relative(c.started - origin) }</td>
                    <td class="time">{ duration.unwrap_or_default() }</td>
                </tr>
                if is_open {
                    <tr class="child-details"><td colspan="4">{ details(child, &props.on_open) }</td></tr>
                }
            </>
        }
    };
    html! {
        <div class="map-run" aria-label="Map Run">
            <h4>{ "Map Run" }<span class="source">{ format!("{} child executions", shown.len()) }</span></h4>
            { for note.map(|n| html! { <p class="note">{ n }</p> }) }
            if shown.is_empty() {
                <p class="empty">{ "No child execution has started at this point of the replay." }</p>
            } else {
                <p class="counts">
                    <span class="tally">{ counts(&shown) }</span>
                    if statuses.len() > 1 {
                        <select class="child-filter" aria-label="Status" onchange={on_only}>
                            <option value="" selected={status.is_none()}>{ "All" }</option>
                            { for statuses.iter().map(|s| html! { <option value={*s} selected={status == Some(*s)}>{ s.to_lowercase() }</option> }) }
                        </select>
                    }
                </p>
                if matching.len() > ROWS {
                    <p class="note">{ format!("The first {ROWS} of {} shown.", matching.len()) }</p>
                }
                <table class="children">
                    <thead><tr><th>{ "Item" }</th><th>{ "Status" }</th><th>{ "Started" }</th><th>{ "Took" }</th></tr></thead>
                    <tbody>{ for matching.iter().take(ROWS).map(|c| row(c)) }</tbody>
                </table>
            }
        </div>
    }
}

/// A child's input, its output or error once it ended, and a way to open it.
fn details(child: &Child, on_open: &Callback<(Rc<Outcome>, Rc<str>)>) -> Html {
    let c = child.execution;
    let open = Outcome::of_child(c).map(|outcome| {
        let label: Rc<str> = format!("{} · item {}", c.map, c.index).into();
        on_open.reform(move |_: MouseEvent| (Rc::new(outcome.clone()), label.clone()))
    });
    let json = |text: &str| match Value::parse(text) {
        Ok(value) => html! { <JsonView {value} /> },
        Err(_) => html! { <code>{ text.to_owned() }</code> },
    };
    let ended = child.status != "RUNNING";
    html! {
        <>
            <h5>{ "Input" }</h5>
            { json(&c.input) }
            if let (true, Some(output)) = (ended, &c.output) {
                <h5>{ "Output" }</h5>
                { json(output) }
            }
            if let (true, Some(error)) = (ended, &c.error) {
                <p class="error-name"><span>{ "Error" }</span><code>{ error }</code></p>
                <p class="cause"><span>{ "Cause" }</span>{ c.cause.clone().unwrap_or_default() }</p>
            }
            if let Some(open) = open {
                <button class="open-child" onclick={open}>{ "Open this child execution" }</button>
            } else {
                <p class="empty">{ format!("Its history is not kept: a run keeps those of {HISTORIES_KEPT} child executions (the unsuccessful first), and a reload those that fit with the last run.") }</p>
            }
        </>
    }
}
