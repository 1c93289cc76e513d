//! The track overview: every exercise with its title, the concepts it teaches and where the learner
//! stands on it; one click opens it.

use std::rc::Rc;

use yew::prelude::*;

use crate::tutorial::catalog;
use crate::tutorial::progress::Standing;
use crate::tutorial::Progress;

#[derive(Properties, PartialEq)]
pub struct TrackProps {
    pub progress: Rc<Progress>,
    /// The id of the open exercise.
    pub current: Option<String>,
    /// Why the exercise asked for could not open.
    pub notice: Option<Rc<str>>,
    pub on_open: Callback<String>,
    pub on_close: Callback<()>,
}

#[function_component]
pub fn Track(props: &TrackProps) -> Html {
    let track = use_memo((), |_| catalog::track());
    let lines = props.progress.overview(&track);
    let passed = lines.iter().filter(|l| l.standing == Standing::Passed).count();
    let items = lines.iter().map(|line| {
        let (class, word) = match line.standing {
            Standing::NotStarted => ("not-started", "Not started".to_string()),
            Standing::Started => ("started", format!("Started · {}/{} checks", line.best, line.checks)),
            Standing::Passed => ("passed", "Passed ✓".to_string()),
        };
        let open = props.on_open.reform({
            let id = line.id.clone();
            move |_| id.clone()
        });
        let current = props.current.as_deref() == Some(line.id.as_str());
        html! {
            <li class={classes!("track-item", class, current.then_some("current"))} data-exercise={line.id.clone()}>
                <button onclick={open}>
                    <span class="number">{ line.number }</span>
                    <span class="title">{ &line.title }</span>
                    <span class="standing">{ word }</span>
                    <span class="concepts">{ line.concepts.join(" · ") }</span>
                </button>
            </li>
        }
    });
    let on_close = props.on_close.clone();
    // A click on the backdrop, not on the overview, closes it; so does Escape.
    let backdrop = Callback::from(move |e: MouseEvent| {
        if e.target() == e.current_target() {
            on_close.emit(());
        }
    });
    let escape = {
        let on_close = props.on_close.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                on_close.emit(());
            }
        })
    };
    // Focused, so that Escape reaches it.
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with((), move |_| {
            if let Some(element) = node.cast::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        });
    }
    html! {
        <div class="track-backdrop" onclick={backdrop} onkeydown={escape} tabindex="-1" ref={node}>
            <section class="track" role="dialog" aria-modal="true" aria-label="Tutorial track">
                <header>
                    <h2>{ "Learn Step Functions" }</h2>
                    <span class="track-count">{ format!("{passed} of {} passed", lines.len()) }</span>
                    <button class="close" onclick={props.on_close.reform(|_| ())} aria-label="Close">{ "×" }</button>
                </header>
                <p class="track-intro">{ "Each exercise loads a small state machine into the editors. Change it until Check passes; your own workspace waits for you." }</p>
                if let Some(notice) = &props.notice { <p class="track-notice">{ notice.to_string() }</p> }
                // The exercises' texts are fetched when the page starts (`ui::tutorial_files`).
                if lines.is_empty() { <p class="track-notice">{ "The exercises could not be loaded. Reload the page to try again." }</p> }
                <ol class="track-list">{ for items }</ol>
            </section>
        </div>
    }
}
