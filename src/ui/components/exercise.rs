//! The open exercise: its goal, Check with each check's verdict and feedback, hints one at a time,
//! the model solution, the exercises before and after it, and the way back to the user's workspace.

use std::rc::Rc;

use yew::prelude::*;

use crate::tutorial::catalog::{self, TRACK};
use crate::tutorial::{CheckResult, Exercise, Report};

#[derive(Properties, PartialEq)]
pub struct ExerciseProps {
    pub exercise: Rc<Exercise>,
    /// Its index in the track, and the ids of the exercises before and after it.
    pub place: (usize, Option<&'static str>, Option<&'static str>),
    /// The hints shown so far.
    pub hints: Rc<[String]>,
    pub report: Option<Rc<Report>>,
    /// A workspace once passed every check.
    pub passed: bool,
    pub checking: bool,
    /// A run or the tests hold the mock sandbox.
    pub busy: bool,
    pub on_check: Callback<()>,
    pub on_hint: Callback<()>,
    pub on_solution: Callback<()>,
    pub on_restart: Callback<()>,
    pub on_open: Callback<String>,
    pub on_track: Callback<()>,
    pub on_leave: Callback<()>,
}

#[function_component]
pub fn ExercisePanel(props: &ExerciseProps) -> Html {
    let exercise = &props.exercise;
    let (index, previous, next) = props.place;
    let concepts = exercise.concepts.iter().map(|c| html! { <span class="concept">{ c }</span> });
    let hints = props.hints.iter().map(|h| html! { <li>{ h }</li> });
    let left = exercise.hints.len() - props.hints.len();
    let asking = |question: &'static str, then: &Callback<()>| {
        let then = then.clone();
        Callback::from(move |_: MouseEvent| {
            if confirm(question) {
                then.emit(());
            }
        })
    };
    let solution = asking("Replace your version with the model solution? Yours is kept under Recent.", &props.on_solution);
    let restart = asking("Start this exercise over? Your version is kept under Recent.", &props.on_restart);
    let neighbour = |id: Option<&'static str>, class: &'static str, arrow: &str| {
        id.and_then(catalog::find).and_then(|b| b.load().ok()).map(|e| {
            let label = if class == "previous" { format!("{arrow} {}", e.title) } else { format!("{} {arrow}", e.title) };
            html! { <button class={class} onclick={props.on_open.reform(move |_| e.id.clone())}>{ label }</button> }
        })
    };
    html! {
        <section class="exercise" aria-label="Exercise">
            <p class="exercise-place">
                { format!("Exercise {} of {}", index + 1, TRACK.len()) }
                <button class="link all-exercises" onclick={props.on_track.reform(|_| ())}>{ "All exercises" }</button>
                <button class="link back" onclick={props.on_leave.reform(|_| ())}>{ "Back to my workspace" }</button>
            </p>
            <h2>
                { &exercise.title }
                if props.passed { <span class="passed-badge" title="A version of yours passed every check">{ "Passed ✓" }</span> }
            </h2>
            <p class="concepts">{ for concepts }</p>
            <p class="goal">{ &exercise.goal }</p>
            <div class="exercise-actions">
                <button class="check" onclick={props.on_check.reform(|_| ())} disabled={props.busy}>
                    { if props.checking { "Checking…" } else { "✓ Check" } }
                </button>
                <button class="show-solution" onclick={solution}>{ "Show solution" }</button>
                <button class="restart" onclick={restart}>{ "Start over" }</button>
            </div>
            { for props.report.as_deref().map(verdict) }
            <h3>{ "Hints" }</h3>
            if !props.hints.is_empty() { <ol class="hints">{ for hints }</ol> }
            <button class="hint" onclick={props.on_hint.reform(|_| ())} disabled={left == 0}>
                { if left == 0 { "No more hints".to_string() } else { format!("Show a hint ({left} left)") } }
            </button>
            <nav class="exercise-nav">
                { for neighbour(previous, "previous", "←") }
                <span class="spacer" />
                { for neighbour(next, "next", "→") }
            </nav>
        </section>
    }
}

/// The grade: why it could not be made, or each check with its verdict.
fn verdict(report: &Report) -> Html {
    if let Some(problem) = &report.problem {
        return html! { <p class="grade-problem">{ format!("Cannot check yet: {problem}") }</p> };
    }
    let summary = if report.passed {
        format!("All {} checks pass. Well done!", report.checks.len())
    } else {
        format!("{} of {} checks pass", report.passed_count(), report.checks.len())
    };
    html! {
        <div class="grade">
            <p class={classes!("grade-summary", if report.passed { "passed" } else { "failed" })}>{ summary }</p>
            <ul class="checks">{ for report.checks.iter().map(check) }</ul>
        </div>
    }
}

fn check(result: &CheckResult) -> Html {
    let class = if result.passed { "passed" } else { "failed" };
    html! {
        <li class={classes!("check-result", class)}>
            <span class="mark">{ if result.passed { "✓" } else { "✗" } }</span>
            <span class="title">{ &result.title }</span>
            if let Some(observed) = &result.observed { <p class="observed">{ observed }</p> }
            if let Some(feedback) = &result.feedback { <p class="feedback">{ feedback }</p> }
        </li>
    }
}

fn confirm(question: &str) -> bool {
    web_sys::window().and_then(|w| w.confirm_with_message(question).ok()).unwrap_or(false)
}
