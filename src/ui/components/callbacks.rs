//! Pending callbacks: each task token a waiting run expects, with the message its task sent and the
//! virtual time left before its heartbeat or timeout falls due, and the user's answers (Approve:
//! `SendTaskSuccess`, Reject: `SendTaskFailure`, Heartbeat), or letting that time pass. Spent
//! tokens stay listed, marked: answering one gets AWS's error, as it would there.

use yew::prelude::*;

use crate::asl::json::Value;
use crate::bridge::callbacks::{Answer, Pending};

#[derive(Properties, PartialEq)]
pub struct CallbacksProps {
    pub pending: Vec<Pending>,
    /// What the last answer ran into (an API error, output that is not JSON).
    pub error: Option<AttrValue>,
    pub on_answer: Callback<(String, Answer)>,
    pub on_error: Callback<String>,
}

#[function_component]
pub fn Callbacks(props: &CallbacksProps) -> Html {
    if props.pending.is_empty() {
        return html! {};
    }
    let cards = props.pending.iter().map(|p| {
        html! { <Card key={p.token.clone()} pending={p.clone()} on_answer={props.on_answer.clone()} on_error={props.on_error.clone()} /> }
    });
    let waiting = props.pending.iter().any(|p| p.open);
    let deadline = props.pending.iter().any(|p| p.open && (p.heartbeat_in_ms.is_some() || p.timeout_in_ms.is_some()));
    let let_time_pass = {
        let on_answer = props.on_answer.clone();
        Callback::from(move |_: MouseEvent| on_answer.emit((String::new(), Answer::LetTimePass)))
    };
    html! {
        <section class="callbacks" aria-label="Pending callbacks">
            <h3>{ if waiting { "Pending callbacks" } else { "Callbacks" } }</h3>
            if let Some(error) = &props.error { <p class="callback-error" role="alert">{ error }</p> }
            { for cards }
            if deadline {
                <button class="advance" onclick={let_time_pass} title="Let virtual time run to the next heartbeat or timeout">
                    { "Advance to the next deadline" }
                </button>
            }
        </section>
    }
}

/// "heartbeat due in 10 s · times out in 1 min 40 s (virtual time)", or nothing.
fn time_left(p: &Pending) -> Option<String> {
    let parts: Vec<String> = [("heartbeat due in", p.heartbeat_in_ms), ("times out in", p.timeout_in_ms)]
        .into_iter()
        .filter_map(|(what, ms)| ms.map(|ms| format!("{what} {}", duration(ms))))
        .collect();
    (!parts.is_empty()).then(|| format!("{} (virtual time)", parts.join(" · ")))
}

fn duration(ms: i64) -> String {
    let s = ms / 1000;
    match (s / 60, s % 60) {
        (0, s) if ms % 1000 != 0 => format!("{}.{:03} s", s, ms % 1000),
        (0, s) => format!("{s} s"),
        (m, 0) => format!("{m} min"),
        (m, s) => format!("{m} min {s} s"),
    }
}

#[derive(Properties, PartialEq)]
struct CardProps {
    pending: Pending,
    on_answer: Callback<(String, Answer)>,
    on_error: Callback<String>,
}

/// One token: its state and message, and the three answers.
#[function_component]
fn Card(props: &CardProps) -> Html {
    let (output, error, cause) = (use_node_ref(), use_node_ref(), use_node_ref());
    {
        // Set once, not as `value` props: re-renders during the replay would reset what the user typed.
        let (output, error) = (output.clone(), error.clone());
        use_effect_with((), move |_| {
            if let Some(t) = output.cast::<web_sys::HtmlTextAreaElement>() {
                t.set_value("{}");
            }
            if let Some(i) = error.cast::<web_sys::HtmlInputElement>() {
                i.set_value("Rejected");
            }
        });
    }
    let send = |read: Box<dyn Fn() -> Result<Answer, String>>| {
        let (on_answer, on_error, token) = (props.on_answer.clone(), props.on_error.clone(), props.pending.token.clone());
        Callback::from(move |_: MouseEvent| match read() {
            Ok(answer) => on_answer.emit((token.clone(), answer)),
            Err(e) => on_error.emit(e),
        })
    };
    let approve = send({
        let output = output.clone();
        Box::new(move || {
            let text = output.cast::<web_sys::HtmlTextAreaElement>().map(|t| t.value()).unwrap_or_default();
            Value::parse(&text).map(Answer::Success).map_err(|e| format!("The output is not JSON: {e}"))
        })
    });
    let reject = send({
        let (error, cause) = (error.clone(), cause.clone());
        let value = |r: &NodeRef| r.cast::<web_sys::HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
        Box::new(move || Ok(Answer::Failure { error: value(&error), cause: value(&cause) }))
    });
    let heartbeat = send(Box::new(|| Ok(Answer::Heartbeat)));
    let p = &props.pending;
    html! {
        <div class={classes!("callback", (!p.open).then_some("spent"))} data-state={p.state.clone()}>
            <p>
                <strong>{ &p.state }</strong>{ if p.open { " waits for " } else { " no longer waits for " } }
                <code class="token" title={p.token.clone()}>{ &p.token }</code>
            </p>
            if let Some(left) = time_left(p) { <p class="time-left">{ left }</p> }
            if !p.message.is_empty() { <pre class="message" aria-label="Message sent">{ &p.message }</pre> }
            <label>{ "Output (JSON)" }<textarea ref={output} class="cb-output" rows="2" spellcheck="false" /></label>
            <button class="approve" onclick={approve}>{ "Approve" }</button>
            <div class="reject-row">
                <input ref={error} class="cb-error" placeholder="Error" aria-label="Error" />
                <input ref={cause} class="cb-cause" placeholder="Cause" aria-label="Cause" />
                <button class="reject" onclick={reject}>{ "Reject" }</button>
            </div>
            if p.heartbeat { <button class="heartbeat" onclick={heartbeat}>{ "Heartbeat" }</button> }
        </div>
    }
}
