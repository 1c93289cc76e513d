//! The player bar under the graph: play/pause, step back and forward, run to the next state or to
//! a breakpoint, the timeline scrubber, the position in events and virtual time, the speed.
//! Space plays or pauses and the arrow keys step, when the focus is not in an editor or a field.

use std::collections::BTreeSet;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::bridge::outcome::Outcome;
use crate::ui::player::{advance, next_state, position, stops, Speed};

#[derive(Properties, PartialEq)]
pub struct PlayerProps {
    pub outcome: Option<Rc<Outcome>>,
    pub cursor: usize,
    pub playing: bool,
    pub speed: Speed,
    pub breakpoints: Rc<BTreeSet<String>>,
    pub on_seek: Callback<usize>,
    pub on_play: Callback<bool>,
    pub on_speed: Callback<Speed>,
}

#[function_component]
pub fn Player(props: &PlayerProps) -> Html {
    let rows: &[_] = props.outcome.as_ref().map_or(&[], |o| &o.events);
    let (len, cursor) = (rows.len(), props.cursor.min(rows.len()));
    let seek = |to: usize| props.on_seek.reform(move |_: MouseEvent| to);
    let back = seek(cursor.saturating_sub(1));
    let forward = seek((cursor + 1).min(len));
    let to_state = seek(next_state(rows, cursor));
    let to_breakpoint = seek(advance(rows, cursor, len, &props.breakpoints).cursor);
    let playing = props.playing;
    let toggle = props.on_play.reform(move |_: MouseEvent| !playing);
    use_player_keys(props.on_play.clone(), props.on_seek.clone(), playing, cursor, len);
    let scrub = props.on_seek.reform(|e: InputEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        input.value().parse().unwrap_or(0)
    });
    let on_speed = props.on_speed.reform(|e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        Speed::named(&select.value()).unwrap_or(Speed::Normal)
    });
    let speeds = Speed::ALL.iter().map(|s| {
        html! { <option value={s.name()} selected={*s == props.speed}>{ s.name() }</option> }
    });
    let none = len == 0;
    // Where breakpoints stop on the timeline, one mark per step of a quarter percent at most.
    let mut at: Vec<usize> = stops(rows, &props.breakpoints).iter().map(|&i| i * 400 / len.max(1)).collect();
    at.dedup();
    let marks = at.into_iter().map(|q| html! { <span style={format!("left:{}%", q as f64 / 4.0)} /> });
    html! {
        <div class="player" role="toolbar" aria-label="Execution player">
            <div class="timeline">
                <input class="scrubber" type="range" min="0" max={len.to_string()} value={cursor.to_string()}
                       disabled={none} oninput={scrub} aria-label="Timeline" />
                <div class="stops" aria-hidden="true">{ for marks }</div>
            </div>
            <div class="controls">
                <button class="step-back" title="Step back one event (←)" aria-label="Step back"
                        disabled={none || cursor == 0} onclick={back}>{ icon("M3 2h2v12H3zM14 2v12L6 8z") }</button>
                <button class="play" title="Play / pause (Space)" aria-label={if props.playing { "Pause" } else { "Play" }} disabled={none} onclick={toggle}
                        aria-pressed={props.playing.to_string()}>
                    { icon(if props.playing { "M3 2h4v12H3zM9 2h4v12H9z" } else { "M3 1v14l11-7z" }) }
                </button>
                <button class="step" title="Step forward one event (→)" aria-label="Step forward"
                        disabled={none || cursor == len} onclick={forward}>{ icon("M2 2v12l8-6zM11 2h2v12h-2z") }</button>
                <button class="to-state" title="Run to the next state entered" disabled={none || cursor == len}
                        onclick={to_state}>{ icon("M1 2v12l6-6zM8 2v12l6-6z") }{ "state" }</button>
                <button class="to-breakpoint" disabled={none || cursor == len} onclick={to_breakpoint}
                        title="Run to the next breakpoint (set one on a state's corner dot, or with Alt+click)">
                    <span class="dot" />{ "breakpoint" }
                </button>
                <span class="position">{ position(rows, cursor) }</span>
                <label class="speed">{ "speed " }
                    <select onchange={on_speed} aria-label="Speed">{ for speeds }</select>
                </label>
            </div>
        </div>
    }
}

/// A 16×16 icon drawn by an SVG path (the media-control characters are missing from many fonts).
fn icon(d: &'static str) -> Html {
    html! { <svg class="icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true"><path d={d} /></svg> }
}

/// Space plays or pauses, ← and → step, unless the focus is where those keys type.
#[hook]
fn use_player_keys(on_play: Callback<bool>, on_seek: Callback<usize>, playing: bool, cursor: usize, len: usize) {
    let latest = use_mut_ref(|| (on_play.clone(), on_seek.clone(), playing, cursor, len));
    *latest.borrow_mut() = (on_play, on_seek, playing, cursor, len);
    use_effect_with((), move |_| {
        let listener = Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(move |e: web_sys::KeyboardEvent| {
            let key = e.key();
            // On a button, Space presses it.
            let fields = if key == " " { "button, .cm-editor, input, textarea, select" } else { ".cm-editor, input, textarea, select" };
            if e.default_prevented() || e.ctrl_key() || e.meta_key() || e.alt_key() || within(&e, fields) {
                return;
            }
            let (on_play, on_seek, playing, cursor, len) = latest.borrow().clone();
            if len == 0 {
                return;
            }
            match key.as_str() {
                " " => on_play.emit(!playing),
                "ArrowLeft" => on_seek.emit(cursor.saturating_sub(1)),
                "ArrowRight" => on_seek.emit((cursor + 1).min(len)),
                _ => return,
            }
            e.prevent_default();
        });
        let document = web_sys::window().and_then(|w| w.document());
        if let Some(d) = &document {
            let _ = d.add_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
        }
        move || {
            if let Some(d) = document {
                let _ = d.remove_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
            }
        }
    });
}

/// The key goes to an element matching `selectors` (an editor, a field), which uses it itself.
fn within(e: &web_sys::KeyboardEvent, selectors: &str) -> bool {
    let Some(target) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return false };
    target.closest(selectors).ok().flatten().is_some()
}
