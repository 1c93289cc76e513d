//! The top bar: the name, the samples, Learn and Tests, and Run / Stop.

use yew::prelude::*;

use crate::ui::samples::{Sample, SAMPLES};

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub running: bool,
    pub on_run: Callback<()>,
    pub on_stop: Callback<()>,
    pub on_sample: Callback<&'static Sample>,
    /// Opens the tutorial track.
    #[prop_or_default]
    pub on_learn: Callback<()>,
    /// Shows the test cases.
    #[prop_or_default]
    pub on_tests: Callback<()>,
}

#[function_component]
pub fn Header(props: &HeaderProps) -> Html {
    let on_sample = props.on_sample.clone();
    let pick = Callback::from(move |e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        if let Some(sample) = SAMPLES.iter().find(|s| s.id == select.value()) {
            on_sample.emit(sample);
        }
        select.set_value("");
    });
    let options = SAMPLES.iter().map(|s| html! { <option value={s.id}>{ s.title }</option> });
    html! {
        <header class="topbar">
            <h1>{ "aslplay" }</h1>
            <span class="tagline">{ "AWS Step Functions playground" }</span>
            <select class="samples" onchange={pick} aria-label="Samples">
                <option value="" selected=true>{ "Samples…" }</option>
                { for options }
            </select>
            <button class="learn" onclick={props.on_learn.reform(|_| ())} title="The tutorial track: exercises with checks">{ "Learn" }</button>
            <button class="show-tests" onclick={props.on_tests.reform(|_| ())} title="Test cases for this workflow">{ "Tests" }</button>
            <span class="spacer" />
            <button class="run" onclick={props.on_run.reform(|_| ())} disabled={props.running}
                    title="Run the state machine (Ctrl+Enter)">{ "▶ Run" }</button>
            if props.running {
                <button class="stop" onclick={props.on_stop.reform(|_| ())} title="Stop the run">{ "■ Stop" }</button>
            }
            <kbd>{ "Ctrl+Enter" }</kbd>
        </header>
    }
}
