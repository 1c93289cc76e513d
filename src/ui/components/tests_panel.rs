//! The workspace's test cases: add, edit and delete them, run them all, see each verdict with its
//! reasons and the coverage summary (the graph dims what no test reached).

use std::rc::Rc;

use yew::prelude::*;

use crate::bridge::outcome::Outcome;
use crate::testcases::form::{Form, STATUSES};
use crate::testcases::{CaseResult, SuiteReport, TestCase};

#[derive(Properties, PartialEq)]
pub struct TestsProps {
    pub tests: Rc<Vec<TestCase>>,
    pub suite: Option<Rc<SuiteReport>>,
    pub testing: bool,
    /// A run or a grade holds the mock sandbox.
    pub busy: bool,
    /// The input editor's text and the last run, to start a new case from.
    pub input: Rc<str>,
    pub last: Option<Rc<Outcome>>,
    pub on_change: Callback<Vec<TestCase>>,
    pub on_run: Callback<()>,
}

/// A case being edited: its index (`None` for a new one), its boxes, what is wrong with them.
#[derive(Clone, PartialEq)]
struct Editing {
    index: Option<usize>,
    form: Form,
    error: Option<String>,
}

#[function_component]
pub fn TestsPanel(props: &TestsProps) -> Html {
    let editing = use_state(|| None::<Editing>);
    let add = {
        let (editing, tests, input, last) = (editing.clone(), props.tests.clone(), props.input.clone(), props.last.clone());
        Callback::from(move |_| {
            let name = (1..).map(|n| format!("Test {n}")).find(|n| tests.iter().all(|c| &c.name != n)).unwrap_or_default();
            let form = Form::expecting(name, &input, last.as_ref().map(|o| o.status), last.as_ref().and_then(|o| o.output.as_deref()));
            editing.set(Some(Editing { index: None, form, error: None }));
        })
    };
    let rows = props.tests.iter().enumerate().map(|(i, case)| {
        let result = props.suite.as_ref().and_then(|s| s.cases.iter().find(|r| r.name == case.name));
        let edit = {
            let (editing, case) = (editing.clone(), case.clone());
            Callback::from(move |_| editing.set(Some(Editing { index: Some(i), form: Form::of(&case), error: None })))
        };
        let delete = {
            let (on_change, tests) = (props.on_change.clone(), props.tests.clone());
            Callback::from(move |_| on_change.emit(tests.iter().enumerate().filter(|(j, _)| *j != i).map(|(_, c)| c.clone()).collect()))
        };
        row(case, result, edit, delete)
    });
    let form = (*editing).clone().map(|e| editor(e, &editing, props));
    let suite = props.suite.as_deref().map(summary);
    html! {
        <section class="tests" aria-label="Test cases">
            <div class="tests-actions">
                <button class="run-tests" onclick={props.on_run.reform(|_| ())} disabled={props.busy || props.tests.is_empty()}>
                    { if props.testing { "Running…" } else { "▶ Run all" } }
                </button>
                <button class="add-test" onclick={add} disabled={editing.is_some()}>{ "+ New test case" }</button>
            </div>
            { for suite }
            { for form }
            if props.tests.is_empty() && editing.is_none() {
                <p class="tests-empty">{ "No test cases yet. A test case runs the workflow with its own input (and mocked responses, to inject failures) and says what the run must show. A new one starts from the last run." }</p>
            }
            <ul class="test-list">{ for rows }</ul>
        </section>
    }
}

/// How many cases pass, and what they covered.
fn summary(suite: &SuiteReport) -> Html {
    if let Some(problem) = &suite.problem {
        return html! { <p class="tests-problem">{ format!("The tests cannot run: {problem}") }</p> };
    }
    let passed = suite.cases.iter().filter(|c| c.passed).count();
    html! {
        <div class="tests-summary">
            <p class={classes!("tests-count", if suite.passed() { "passed" } else { "failed" })}>{ format!("{passed} of {} test cases pass", suite.cases.len()) }</p>
            <p class="coverage-summary" title="Dimmed on the graph: what no test case reached">{ suite.coverage.summary() }</p>
        </div>
    }
}

fn row(case: &TestCase, result: Option<&CaseResult>, edit: Callback<MouseEvent>, delete: Callback<MouseEvent>) -> Html {
    let (class, mark) = match result {
        Some(r) if r.passed => ("passed", "✓"),
        Some(_) => ("failed", "✗"),
        None => ("unrun", "•"),
    };
    let reasons = result.filter(|r| !r.passed).map(|r| r.problem.iter().chain(&r.mismatches).map(|m| html! { <li>{ m }</li> }).collect::<Html>());
    html! {
        <li class={classes!("test-case", class)} data-test={case.name.clone()}>
            <div class="test-head">
                <span class="mark">{ mark }</span>
                <span class="name">{ &case.name }</span>
                <button class="link edit" onclick={edit}>{ "Edit" }</button>
                <button class="link delete" onclick={delete}>{ "Delete" }</button>
            </div>
            if let Some(reasons) = reasons { <ul class="reasons">{ reasons }</ul> }
        </li>
    }
}

/// The boxes of the case being edited, with Save and Cancel.
fn editor(e: Editing, editing: &UseStateHandle<Option<Editing>>, props: &TestsProps) -> Html {
    let set = |change: fn(&mut Form, String)| {
        let (editing, e) = (editing.clone(), e.clone());
        Callback::from(move |value: String| {
            let mut next = e.clone();
            change(&mut next.form, value);
            editing.set(Some(next));
        })
    };
    let text = |change: fn(&mut Form, String)| set(change).reform(|ev: InputEvent| ev.target_unchecked_into::<web_sys::HtmlTextAreaElement>().value());
    let line = |change: fn(&mut Form, String)| set(change).reform(|ev: InputEvent| ev.target_unchecked_into::<web_sys::HtmlInputElement>().value());
    let status = set(|f, v| f.status = v).reform(|ev: Event| ev.target_unchecked_into::<web_sys::HtmlSelectElement>().value());
    let save = {
        let (editing, e, tests, on_change) = (editing.clone(), e.clone(), props.tests.clone(), props.on_change.clone());
        Callback::from(move |_| {
            let others: Vec<TestCase> = tests.iter().enumerate().filter(|(i, _)| Some(*i) != e.index).map(|(_, c)| c.clone()).collect();
            match e.form.to_case(e.index.and_then(|i| tests.get(i)), &others) {
                Ok(case) => {
                    let mut next = (*tests).clone();
                    match e.index.filter(|i| *i < next.len()) {
                        Some(i) => next[i] = case,
                        None => next.push(case),
                    }
                    editing.set(None);
                    on_change.emit(next);
                }
                Err(error) => editing.set(Some(Editing { error: Some(error), ..e.clone() })),
            }
        })
    };
    let cancel = {
        let editing = editing.clone();
        Callback::from(move |_| editing.set(None))
    };
    let options = STATUSES.iter().map(|s| html! { <option value={*s} selected={e.form.status == *s}>{ s.replace('_', " ") }</option> });
    html! {
        <form class="test-form" onsubmit={Callback::from(|ev: SubmitEvent| ev.prevent_default())}>
            <label>{ "Name" }<input class="tf-name" value={e.form.name.clone()} oninput={line(|f, v| f.name = v)} /></label>
            <label>{ "Input (JSON; blank: the Input editor's)" }
                <textarea class="tf-input" rows="3" value={e.form.input.clone()} oninput={text(|f, v| f.input = v)} /></label>
            <fieldset>
                <legend>{ "The run must show (blank: not checked)" }</legend>
                <label>{ "Status" }
                    <select class="tf-status" onchange={status}>
                        <option value="" selected={e.form.status.is_empty()}>{ "any" }</option>
                        { for options }
                    </select>
                </label>
                <label>{ "Output equals (JSON)" }
                    <textarea class="tf-output" rows="3" value={e.form.output.clone()} oninput={text(|f, v| f.output = v)} /></label>
                <label>{ "Path: the states entered, one a line" }
                    <textarea class="tf-path" rows="3" value={e.form.path.clone()} oninput={text(|f, v| f.path = v)} /></label>
                <label>{ "Error" }<input class="tf-error" value={e.form.error.clone()} oninput={line(|f, v| f.error = v)} /></label>
            </fieldset>
            <label>{ "Mocked responses, overriding the mocks (JSON by Task state, as Step Functions Local)" }
                <textarea class="tf-mocks" rows="3" placeholder={r#"{"Charge": {"0": {"Throw": {"Error": "Declined"}}}}"#}
                          value={e.form.mocks.clone()} oninput={text(|f, v| f.mocks = v)} /></label>
            if let Some(error) = &e.error { <p class="tf-error-message" role="alert">{ error }</p> }
            <div class="tf-actions">
                <button class="save-test" type="submit" onclick={save}>{ "Save" }</button>
                <button class="cancel-test" type="button" onclick={cancel}>{ "Cancel" }</button>
            </div>
        </form>
    }
}
