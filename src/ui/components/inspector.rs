//! The inspector: one visit of the selected state at the replay's position: its data flow stage by
//! stage, the variables it assigned, its task attempts and its error.

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::asl::definition::{self, QueryLanguage};
use crate::bridge::outcome::Outcome;
use crate::ui::components::json_view::JsonView;
use crate::ui::components::map_run::MapRun;
use crate::ui::dataflow::{inspect, Attempt, Source, Stage};
use crate::ui::event_filter::relative;
use crate::ui::map_run;

#[derive(Properties, PartialEq)]
pub struct InspectorProps {
    pub outcome: Option<Rc<Outcome>>,
    /// The definition text that ran.
    pub definition: Option<Rc<str>>,
    pub cursor: usize,
    pub selected: Option<Rc<str>>,
    pub on_select: Callback<Option<Rc<str>>>,
    /// Show a child execution of a distributed Map (its outcome, and which it is).
    pub on_open_child: Callback<(Rc<Outcome>, Rc<str>)>,
}

#[function_component]
pub fn Inspector(props: &InspectorProps) -> Html {
    let timeline = props.outcome.as_ref().map(|o| o.timeline.clone()).unwrap_or_default();
    let machine = use_memo(props.definition.clone(), |text| text.as_deref().and_then(|t| definition::parse(t).ok()));
    // The visit the user picked (an Entered event's index), for the state it was picked for.
    let picked = use_state(|| None::<(Rc<str>, usize)>);
    if props.outcome.is_none() {
        return html! { <section class="inspector"><p class="empty">{ "Run the workflow, then pick a state to see its data flow." }</p></section> };
    }
    let mut states = timeline.states();
    // A state picked on the graph that this history never entered (one inside a distributed Map).
    if let Some(selected) = props.selected.as_deref().filter(|s| !states.iter().any(|n| n == s)) {
        states.push(selected.to_owned());
    }
    let on_state = {
        let (on_select, picked) = (props.on_select.clone(), picked.clone());
        Callback::from(move |e: Event| {
            let name = e.target_unchecked_into::<HtmlSelectElement>().value();
            picked.set(None);
            on_select.emit((!name.is_empty()).then(|| name.into()));
        })
    };
    let chooser = html! {
        <select class="inspector-state" aria-label="State" onchange={on_state}>
            <option value="" selected={props.selected.is_none()}>{ "Choose a state…" }</option>
            { for states.iter().map(|s| html! {
                <option value={s.clone()} selected={props.selected.as_deref() == Some(s.as_str())}>{ s }</option>
            }) }
        </select>
    };
    let Some(name) = props.selected.clone() else {
        return html! { <section class="inspector"><div class="inspector-pickers">{ chooser }</div><p class="empty">{ "Select a state on the graph or here." }</p></section> };
    };
    let visits = timeline.visits(&name, timeline.len());
    let latest = visits.iter().rev().copied().find(|&v| v < props.cursor);
    // A visit picked in an earlier run may not be one of this run's.
    let chosen = picked.as_ref().filter(|(n, v)| *n == name && visits.contains(v)).map(|(_, v)| *v).or(latest);
    let visit_picker = (visits.len() > 1).then(|| {
        let picked = picked.clone();
        let (name, visits2) = (name.clone(), visits.clone());
        let on_visit = Callback::from(move |e: Event| {
            let n: usize = e.target_unchecked_into::<HtmlSelectElement>().value().parse().unwrap_or_default();
            picked.set(visits2.get(n).map(|&v| (name.clone(), v)));
        });
        html! {
            <select class="inspector-visit" aria-label="Visit" onchange={on_visit}>
                { for visits.iter().enumerate().map(|(n, &v)| {
                    let scope = timeline.frames[timeline.frame(v)].scope.label();
                    let label = format!("Visit {} of {} · event #{} · {scope}", n + 1, visits.len(), timeline.id(v));
                    html! { <option value={n.to_string()} selected={chosen == Some(v)}>{ label }{ if v >= props.cursor { " (later)" } else { "" } }</option> }
                }) }
            </select>
        }
    });
    let outcome = props.outcome.clone().unwrap_or_default();
    // A state inside a distributed Map runs in its child executions, whose events this history
    // does not hold: it is shown through the Map Run of the Map's latest visit (in a child
    // execution shown, the distributed Map it runs in is not in its history; an inner one may be).
    let child_of = if visits.is_empty() { machine.as_ref().as_ref().map(|m| map_run::enclosing(m, &name)).unwrap_or_default() } else { Vec::new() };
    let map_visits = child_of.iter().map(|map| timeline.visits(map, timeline.len())).find(|v| !v.is_empty());
    let body = match (chosen, map_visits) {
        (None, Some(map_visits)) => match map_visits.iter().rev().copied().find(|&v| v < props.cursor) {
            Some(entered) => html! { <MapRun {outcome} {entered} upto={props.cursor} inner={name.clone()} on_open={props.on_open_child.clone()} /> },
            None => html! { <p class="empty">{ format!("\"{name}\" has not run yet at this point of the replay.") }</p> },
        },
        (None, None) if visits.is_empty() => html! { <p class="empty">{ format!("\"{name}\" did not run.") }</p> },
        (None, None) => html! { <p class="empty">{ format!("\"{name}\" has not run yet at this point of the replay.") }</p> },
        (Some(entered), _) => {
            let upto = if entered < props.cursor { props.cursor } else { timeline.len() };
            let map_run = timeline.visit_events(entered, upto).any(|i| timeline.kind(i) == "MapRunStarted");
            html! {
                <>
                    { visit(&inspect(&timeline, machine.as_ref().as_ref(), entered, upto)) }
                    if map_run { <MapRun {outcome} {entered} {upto} on_open={props.on_open_child.clone()} /> }
                </>
            }
        }
    };
    html! {
        <section class="inspector" aria-label="Inspector">
            <div class="inspector-pickers">{ chooser }{ for visit_picker }</div>
            { body }
        </section>
    }
}

fn visit(ins: &crate::ui::dataflow::Inspection) -> Html {
    let language = match ins.language {
        Some(QueryLanguage::Jsonata) => "JSONata",
        Some(QueryLanguage::JsonPath) => "JSONPath",
        None => "",
    };
    let error = ins.error.as_ref().map(|(error, cause, caught)| {
        let how = if *caught { "caught by a Catch" } else { "failed the state" };
        html! {
            <div class={classes!("inspector-error", caught.then_some("caught"))}>
                <h4>{ "Error" }<span class="source">{ how }</span></h4>
                <p class="error-name"><span>{ "Error" }</span><code>{ error }</code></p>
                <p class="cause"><span>{ "Cause" }</span>{ cause }</p>
            </div>
        }
    });
    let assigned = (!ins.assigned.is_empty()).then(|| {
        html! {
            <div class="stage assigned" data-stage="Assigned variables">
                <h4>{ "Variables assigned" }<span class="source recorded">{ "recorded" }</span></h4>
                <table class="variables">
                    { for ins.assigned.iter().map(|(k, v)| html! {
                        <tr data-variable={k.clone()}><th>{ format!("${k}") }</th><td><JsonView value={v.clone()} /></td></tr>
                    }) }
                </table>
            </div>
        }
    });
    let attempts = (!ins.attempts.is_empty()).then(|| {
        html! {
            <div class="attempts">
                <h4>{ if ins.attempts.len() > 1 { "Task calls (with retries)" } else { "Task call" } }</h4>
                <ol>{ for ins.attempts.iter().map(attempt) }</ol>
            </div>
        }
    });
    html! {
        <>
            if !language.is_empty() { <p class="language">{ language }</p> }
            { for ins.notes.iter().map(|n| html! { <p class="note">{ n }</p> }) }
            { for ins.stages.iter().map(stage) }
            { for assigned }
            { for error }
            { for attempts }
        </>
    }
}

fn stage(stage: &Stage) -> Html {
    let (class, label) = match &stage.source {
        Source::Recorded(id) => ("recorded", format!("recorded · event #{id}")),
        Source::Recomputed => ("recomputed", "recomputed".to_owned()),
        Source::Definition => ("definition", "from the definition".to_owned()),
        Source::Unchanged => ("unchanged", "no such field: unchanged".to_owned()),
        Source::Gathered(n) => ("recorded", format!("gathered from the {n} outputs recorded")),
    };
    let value = match (&stage.value, &stage.source) {
        (_, Source::Unchanged) => Html::default(),
        (Ok(v), _) => html! { <JsonView value={v.clone()} /> },
        (Err(e), _) => html! { <p class="stage-error">{ e }</p> },
    };
    html! {
        <div class={classes!("stage", class)} data-stage={stage.label}>
            <h4>{ stage.label }<span class={classes!("source", class)}>{ label }</span></h4>
            { value }
        </div>
    }
}

fn attempt(a: &Attempt) -> Html {
    let (class, answer) = match &a.answer {
        None => ("pending", html! { <p>{ "No answer yet." }</p> }),
        Some(Ok(v)) => ("succeeded", html! { <><p class="label">{ "Result" }</p><JsonView value={v.clone()} /></> }),
        Some(Err((e, c))) => ("failed", html! { <p class="error-name"><code>{ e }</code>{ " " }{ c }</p> }),
    };
    let took = a.took_ms.map(|ms| format!(" · took {}", relative(ms).trim_start_matches('+'))).unwrap_or_default();
    let wait = a.wait_ms.map(|ms| html! { <p class="wait">{ format!("Retried after waiting {}", relative(ms).trim_start_matches('+')) }</p> });
    html! {
        <li class={classes!("attempt", class)}>
            <p class="call">{ a.resource.as_deref().unwrap_or("task") }{ took }</p>
            if let Some(input) = &a.input { <p class="label">{ "Input" }</p><JsonView value={input.clone()} /> }
            { answer }
            { for wait }
        </li>
    }
}
