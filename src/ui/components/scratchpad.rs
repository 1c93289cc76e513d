//! The JSONata scratchpad under the editors (see [`crate::ui::scratchpad`]): an expression and
//! variables, tried as you type against the execution input or a state's input from the last run.
//! Its texts and whether it is open are kept in localStorage.

use std::rc::Rc;

use yew::prelude::*;

use crate::bridge::outcome::Outcome;
use crate::ui::components::editor::Editor;
use crate::ui::scratchpad::{show, state_input, Shown};
use crate::ui::storage::storage;

const KEY: &str = "aslplay.scratchpad.v1";

#[derive(Properties, PartialEq)]
pub struct ScratchpadProps {
    /// The execution input (the Input editor's text).
    pub input: Rc<str>,
    /// The last run, and how many of its events the page shows.
    pub outcome: Option<Rc<Outcome>>,
    pub cursor: usize,
    /// The state selected on the graph.
    pub selected: Option<Rc<str>>,
    pub on_run: Callback<()>,
}

#[derive(Clone, PartialEq)]
struct Saved {
    open: bool,
    expression: Rc<str>,
    variables: Rc<str>,
}

fn load() -> Saved {
    let saved = storage().and_then(|s| s.get_item(KEY).ok().flatten()).and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok());
    let text = |field: &str, default: &str| -> Rc<str> {
        saved.as_ref().and_then(|v| v.get(field)).and_then(|v| v.as_str()).unwrap_or(default).into()
    };
    Saved {
        open: saved.as_ref().and_then(|v| v.get("open")).and_then(|v| v.as_bool()).unwrap_or(false),
        expression: text("expression", "$states.input"),
        variables: text("variables", ""),
    }
}

fn save(saved: &Saved) {
    let json = serde_json::json!({"open": saved.open, "expression": &*saved.expression, "variables": &*saved.variables});
    if let Some(s) = storage() {
        let _ = s.set_item(KEY, &json.to_string());
    }
}

#[function_component]
pub fn Scratchpad(props: &ScratchpadProps) -> Html {
    let saved = use_state(load);
    use_effect_with((*saved).clone(), save);
    // Which input: the execution's (false) or the selected state's (true), when there is one.
    let from_state = use_state(|| false);

    let state_text = match (&props.outcome, &props.selected) {
        (Some(outcome), Some(state)) => state_input(&outcome.events, state, props.cursor).map(|t| (state.clone(), t)),
        _ => None,
    };
    let (input, source): (Rc<str>, String) = match (&state_text, *from_state) {
        (Some((state, text)), true) => (text.as_str().into(), format!("the input of \u{201c}{state}\u{201d}")),
        _ => (props.input.clone(), "the execution input".into()),
    };
    let shown = use_memo((saved.expression.clone(), input.clone(), saved.variables.clone()), |(e, i, v)| show(e, i, v));

    let on_toggle = {
        let saved = saved.clone();
        Callback::from(move |e: Event| {
            let details: web_sys::HtmlDetailsElement = e.target_unchecked_into();
            if details.open() != saved.open {
                saved.set(Saved { open: details.open(), ..(*saved).clone() });
            }
        })
    };
    let edit = |field: fn(&mut Saved, Rc<str>)| {
        let saved = saved.clone();
        Callback::from(move |text: String| {
            let mut next = (*saved).clone();
            field(&mut next, text.into());
            saved.set(next);
        })
    };
    let pick = {
        let from_state = from_state.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            from_state.set(select.value() == "state");
        })
    };
    html! {
        <details class="scratchpad" open={saved.open} ontoggle={on_toggle}>
            <summary>{ "JSONata scratchpad" }</summary>
            <div class="pad">
                { field("Expression", "JSONata expression", "jsonata", &saved.expression, edit(|s, t| s.expression = t), &props.on_run) }
                { field("Variables", "JSONata variables", "json-plain", &saved.variables, edit(|s, t| s.variables = t), &props.on_run) }
                <label class="pad-label">{ "Input" }</label>
                <select class="pad-source" onchange={pick} aria-label="Scratchpad input">
                    <option value="execution" selected={!*from_state}>{ "Execution input" }</option>
                    if let Some((state, _)) = &state_text {
                        <option value="state" selected={*from_state}>{ format!("Input of \u{201c}{state}\u{201d} (last run)") }</option>
                    }
                </select>
                <div class="pad-result" aria-live="polite" title={format!("Evaluated against {source}")}>
                    { result(&shown, &saved.expression) }
                </div>
            </div>
        </details>
    }
}

/// A small editor with its label; `label` is the editor's accessible name.
fn field(name: &'static str, label: &'static str, language: &'static str, text: &Rc<str>, on_change: Callback<String>, on_run: &Callback<()>) -> Html {
    html! {
        <>
            <label class="pad-label">{ name }</label>
            <div class={classes!("pad-editor", name.to_lowercase())}>
                <Editor language={language} text={text.clone()} revision={0} diagnostics={Rc::<str>::from("[]")}
                        reveal={None} hidden={false} label={label} on_change={on_change} on_run={on_run.clone()} />
            </div>
        </>
    }
}

fn result(shown: &Shown, expression: &str) -> Html {
    match shown {
        Shown::Empty => html! { <p class="pad-note">{ "Type an expression: $states.input and $ are the input; variables are $name." }</p> },
        Shown::Value(text) => html! { <pre class="pad-value">{ text }</pre> },
        Shown::Undefined => html! { <p class="pad-note">{ "undefined: the expression yields nothing (a field that is not there?)" }</p> },
        Shown::Unusable(message) => html! { <p class="pad-error">{ message }</p> },
        Shown::Error { code, message, position } => {
            // JSONata's positions count characters, and point just after the token at fault.
            let caret = position.map(|p| {
                let line: String = expression.chars().take_while(|c| *c != '\n').collect();
                format!("{line}\n{}^", " ".repeat(p.saturating_sub(1).min(line.chars().count())))
            });
            html! {
                <div class="pad-error">
                    <p><span class="code">{ code }</span>{ " " }{ message }</p>
                    if let Some(caret) = caret { <pre>{ caret }</pre> }
                </div>
            }
        }
    }
}
