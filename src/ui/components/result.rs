//! The run's result: its status, then the output or the error and cause, the callbacks it waits
//! for, the services' state, and what went wrong in the mocks. Before the first run, the sample's hint.

use std::rc::Rc;

use yew::prelude::*;

use crate::bridge::callbacks::Answer;
use crate::bridge::problems::Problem;
use crate::ui::components::callbacks::Callbacks;
use crate::ui::components::problems::Problems;
use crate::ui::components::services::Services;
use crate::ui::samples::Sample;
use crate::ui::state::Run;

#[derive(Properties, PartialEq)]
pub struct ResultProps {
    pub run: Run,
    pub hint: Option<&'static Sample>,
    pub on_select: Callback<Problem>,
    pub callback_error: Option<AttrValue>,
    pub on_answer: Callback<(String, Answer)>,
    pub on_callback_error: Callback<String>,
}

#[function_component]
pub fn RunResult(props: &ResultProps) -> Html {
    let hint = props.hint.map(|sample| {
        html! { <p class="hint" data-sample={sample.id}><strong>{ sample.title }</strong>{ ": " }{ sample.hint.replace("**", "") }</p> }
    });
    let body = match &props.run {
        Run::Idle => html! {
            <p class="status-line">
                <span class="status idle">{ "NOT RUN" }</span>
                if props.hint.is_none() { { " Press Run or Ctrl+Enter." } }
            </p>
        },
        Run::Running(progress) => {
            let calls = match progress.calls {
                0 => String::new(),
                1 => " 1 mock call answered.".into(),
                n => format!(" {n} mock calls answered."),
            };
            let waiting = progress.waiting_for.as_ref().map_or_else(String::new, |s| format!(" Waiting for the mock of \"{s}\"…"));
            let doing = calls + &waiting;
            html! { <p class="status-line"><span class="status running">{ "RUNNING" }</span>{ doing }</p> }
        }
        Run::Done(outcome) => {
            let status = outcome.status;
            let output =
                outcome.output.as_ref().map(|o| html! { <><h3>{ "Output" }</h3><pre class="output">{ o }</pre></> });
            let error = outcome
                .error
                .as_ref()
                .map(|e| html! { <p class="error-name"><span>{ "Error" }</span><code>{ e }</code></p> });
            let cause = outcome.cause.as_ref().map(|c| html! { <p class="cause"><span>{ "Cause" }</span>{ c }</p> });
            html! {
                <>
                    <p class="status-line"><span class={classes!("status", status.to_lowercase())}>{ status.replace('_', " ") }</span></p>
                    { for error }
                    { for cause }
                    { for output }
                    <Callbacks pending={outcome.pending.clone()} error={props.callback_error.clone()}
                               on_answer={props.on_answer.clone()} on_error={props.on_callback_error.clone()} />
                    if let Some(json) = &outcome.services { <Services json={json.clone()} /> }
                    <Problems problems={Rc::new(outcome.problems.clone())} on_select={props.on_select.clone()}
                              title={Some("What the run ran into")} />
                </>
            }
        }
    };
    html! {
        <section class="result" aria-label="Result">
            { for hint }
            { body }
        </section>
    }
}
