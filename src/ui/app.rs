//! The page: editors on the left, the graph and the result on the right, the events below.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::asl::definition;
use crate::asl::graph::graph;
use crate::asl::json::Value;
use crate::bridge::callbacks::Answer;
use crate::bridge::driver::Ending;
use crate::bridge::js;
use crate::bridge::problems::{Pane, Problem};
use crate::bridge::reply;
use crate::bridge::session::{self, Live, Sources};
use crate::ui::components::editors::Editors;
use crate::ui::components::events::Events;
use crate::ui::components::graph::Graph;
use crate::ui::components::header::Header;
use crate::ui::components::result::RunResult;
use crate::ui::components::compare::Compare;
use crate::ui::components::inspector::Inspector;
use crate::ui::components::panel_tabs::PanelTabs;
use crate::ui::components::variables::Variables;
use crate::ui::layout::{layout, Layout};
use crate::ui::replay::snapshot;
use crate::ui::sample_files;
use crate::ui::samples::{Sample, SAMPLES};
use crate::ui::state::{Action, Playground, Run, Tab, Texts};
use crate::ui::storage;

/// The replay of a run takes about this long, whatever its length (within per-event bounds).
const REPLAY_MS: usize = 2400;

#[function_component]
pub fn App() -> Html {
    let state = use_reducer(Playground::restore);
    use_effect_with(state.texts.clone(), |texts| storage::save(texts));
    {
        // A first visit opens the first sample.
        let state = state.clone();
        use_effect_with((), move |_| {
            if state.is_blank() {
                open_sample(&state, &SAMPLES[0], false);
            }
        });
    }

    let problems = use_memo(state.texts.clone(), live_problems);
    let last_drawing = use_mut_ref(|| Rc::new(Layout::default()));
    let drawing = use_memo(state.texts.definition.clone(), move |text| draw(text, &last_drawing));
    let outcome = state.outcome().cloned();
    let snap = use_memo((outcome.clone(), state.cursor), |(outcome, cursor)| {
        Rc::new(outcome.as_ref().map(|o| snapshot(&o.events, *cursor)).unwrap_or_default())
    });

    let stop = use_mut_ref(|| Rc::new(Cell::new(false)));
    // Each run, and each click in the events, gets a new generation; a replay of an older one stops.
    let generation = use_mut_ref(|| 0u32);
    let runner = Runner {
        state: state.clone(),
        busy: use_mut_ref(|| false),
        stop: stop.clone(),
        generation: generation.clone(),
        live: use_mut_ref(|| None),
    };
    let on_run = { let runner = runner.clone(); Callback::from(move |()| runner.start()) };
    let on_answer = Callback::from(move |(token, answer): (String, Answer)| runner.answer(&token, answer));
    use_ctrl_enter(on_run.clone());

    let on_stop = Callback::from(move |()| {
        stop.borrow().set(true);
        js::stop_mocks();
    });
    let on_seek = {
        let (state, generation) = (state.clone(), generation.clone());
        Callback::from(move |n| {
            *generation.borrow_mut() += 1;
            state.dispatch(Action::Seek(n));
        })
    };
    let on_select = {
        let state = state.clone();
        Callback::from(move |p: Problem| state.dispatch(Action::Reveal(p.pane, p.from)))
    };
    let on_sample = {
        let state = state.clone();
        Callback::from(move |sample: &'static Sample| open_sample(&state, sample, true))
    };
    let running = matches!(state.run, Run::Running(_));
    let calling = match &state.run {
        Run::Running(calling) => calling.clone(),
        _ => None,
    };
    html! {
        <div class="app">
            <Header running={running} on_run={on_run.clone()} on_stop={on_stop} on_sample={on_sample} />
            <Editors texts={state.texts.clone()} revision={state.revision} pane={state.pane} problems={(*problems).clone()}
                     run_problems={Rc::new(outcome.as_ref().map(|o| o.problems.clone()).unwrap_or_default())}
                     reveal={state.reveal} on_run={on_run} on_select={on_select.clone()}
                     on_edit={dispatch(&state, |(pane, text)| Action::Edit(pane, text))}
                     on_show={dispatch(&state, Action::Show)} />
            <section class="run-view">
                <div class="graph-scroll">
                    if drawing.1 {
                        <p class="banner">{ "The definition has errors (see Problems): the graph shows its last readable version." }</p>
                    }
                    <Graph layout={drawing.0.clone()} snapshot={(*snap).clone()} stale={drawing.1} calling={calling} />
                </div>
                <div class="side-panel">
                    <PanelTabs tab={state.tab} on_tab={dispatch(&state, Action::ShowTab)} />
                    if state.tab == Tab::Result {
                        <RunResult run={state.run.clone()} hint={state.hint} on_select={on_select}
                                   callback_error={state.callback_error.clone()} on_answer={on_answer}
                                   on_callback_error={dispatch(&state, Action::CallbackError)} />
                    }
                    if state.tab == Tab::Inspector {
                        <Inspector outcome={outcome.clone()} definition={state.ran.clone()} cursor={state.cursor}
                                   selected={state.selected.clone()} on_select={dispatch(&state, Action::Select)} />
                    }
                    if state.tab == Tab::Variables {
                        <Variables outcome={outcome.clone()} cursor={state.cursor} selected={state.selected.clone()} />
                    }
                    if state.tab == Tab::Compare {
                        <Compare pinned={state.pinned.clone()} current={outcome.clone()} on_pin={dispatch(&state, Action::Pin)} />
                    }
                </div>
            </section>
            <Events outcome={outcome} cursor={state.cursor} on_seek={on_seek} />
        </div>
    }
}

fn dispatch<T: 'static>(state: &UseReducerHandle<Playground>, action: impl Fn(T) -> Action + 'static) -> Callback<T> {
    let state = state.clone();
    Callback::from(move |value| state.dispatch(action(value)))
}

/// Runs (one at a time), then replays each run's events on the graph. A run waiting for callbacks
/// is kept, for the user's answers to continue it.
#[derive(Clone)]
struct Runner {
    state: UseReducerHandle<Playground>,
    busy: Rc<RefCell<bool>>,
    stop: Rc<RefCell<Rc<Cell<bool>>>>,
    generation: Rc<RefCell<u32>>,
    live: Rc<RefCell<Option<Live>>>,
}

impl Runner {
    /// Starts a new run of the editors' texts.
    fn start(&self) {
        if !self.busy.replace(true) {
            self.live.borrow_mut().take();
            self.state.dispatch(Action::Ran(self.state.texts.definition.clone()));
            self.go(None);
        }
    }

    /// Sends the user's answer for `token` to the waiting run, and continues it.
    fn answer(&self, token: &str, answer: Answer) {
        if self.busy.replace(true) {
            return;
        }
        let Some(mut live) = self.live.borrow_mut().take() else {
            *self.busy.borrow_mut() = false;
            return;
        };
        match live.answer(token, answer) {
            Ok(()) => self.go(Some(live)),
            Err(e) => {
                *self.live.borrow_mut() = Some(live);
                *self.busy.borrow_mut() = false;
                self.state.dispatch(Action::CallbackError(e.to_string()));
            }
        }
    }

    /// Drives `live` (or a run started from the texts) until it ends or waits, then replays it.
    fn go(&self, live: Option<Live>) {
        let state = &self.state;
        state.dispatch(Action::Started);
        let stopped = Rc::new(Cell::new(false));
        *self.stop.borrow_mut() = stopped.clone();
        *self.generation.borrow_mut() += 1;
        let this_run = *self.generation.borrow();
        let (texts, dispatcher) = (state.texts.clone(), state.dispatcher());
        let (busy, generation, slot) = (self.busy.clone(), self.generation.clone(), self.live.clone());
        yew::platform::spawn_local(async move {
            let started = match live {
                Some(live) => Ok(live),
                None => session::start(Sources { definition: &texts.definition, input: &texts.input, mocks: &texts.mocks }).await,
            };
            let outcome = match started {
                Ok(mut live) => {
                    let calls = dispatcher.clone();
                    let (outcome, ending) = live.drive(stopped, move |s| calls.dispatch(Action::Calling(s.into()))).await;
                    if ending == Ending::Waiting {
                        *slot.borrow_mut() = Some(live);
                    }
                    outcome
                }
                Err(refused) => refused,
            };
            let count = outcome.events.len();
            dispatcher.dispatch(Action::Finished(outcome));
            *busy.borrow_mut() = false;
            let pause = (REPLAY_MS / count.max(1)).clamp(30, 250) as u32;
            for n in 1..=count {
                gloo_timers::future::TimeoutFuture::new(pause).await;
                if *generation.borrow() != this_run {
                    return;
                }
                dispatcher.dispatch(Action::Seek(n));
            }
        });
    }
}

/// Ctrl/Cmd+Enter anywhere on the page runs (the editors handle it themselves when focused).
#[hook]
fn use_ctrl_enter(on_run: Callback<()>) {
    let latest = use_mut_ref(|| on_run.clone());
    *latest.borrow_mut() = on_run;
    use_effect_with((), move |_| {
        let listener = Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(move |e: web_sys::KeyboardEvent| {
            if e.key() == "Enter" && (e.ctrl_key() || e.meta_key()) && !e.default_prevented() {
                e.prevent_default();
                latest.borrow().emit(());
            }
        });
        let document = document();
        let _ = document.add_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
        move || {
            let _ = document.remove_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
        }
    });
}

fn document() -> web_sys::Document {
    web_sys::window().and_then(|w| w.document()).expect("the page has a document")
}

fn confirm(question: &str) -> bool {
    web_sys::window().and_then(|w| w.confirm_with_message(question).ok()).unwrap_or(false)
}

/// Fetches `sample`'s files and puts them in the editors (after a confirmation when `ask` and the
/// editors hold something else).
fn open_sample(state: &UseReducerHandle<Playground>, sample: &'static Sample, ask: bool) {
    let (current, dispatcher) = (state.texts.clone(), state.dispatcher());
    yew::platform::spawn_local(async move {
        match sample_files::fetch(sample).await {
            Ok(texts) => {
                if !ask
                    || texts == current
                    || confirm(&format!("Replace the editors' text with the sample \"{}\"?", sample.title))
                {
                    dispatcher.dispatch(Action::LoadSample(sample, texts));
                }
            }
            Err(e) => alert(&e),
        }
    });
}

fn alert(message: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.alert_with_message(message);
    }
}

/// Problems found while typing: the definition's diagnostics, input that is not JSON, mock syntax errors.
fn live_problems(texts: &Texts) -> Rc<Vec<Problem>> {
    let mut problems: Vec<Problem> = match definition::parse(&texts.definition) {
        Ok(_) => Vec::new(),
        Err(diagnostics) => diagnostics.iter().map(|d| Problem::diagnostic(&texts.definition, d)).collect(),
    };
    if let Err(e) = Value::parse(&texts.input) {
        problems.push(Problem::json(Pane::Input, &texts.input, &e));
    }
    if let Some(reply) = js::mock_syntax_error(&texts.mocks) {
        problems.extend(reply::loaded(&texts.mocks, &reply).err());
    }
    Rc::new(problems)
}

/// The drawing of a definition, and whether it is stale: text that is not JSON keeps the last drawing.
fn draw(text: &str, last: &RefCell<Rc<Layout>>) -> (Rc<Layout>, bool) {
    match Value::parse(text) {
        Ok(value) => {
            let fresh = Rc::new(layout(&graph(&value)));
            *last.borrow_mut() = fresh.clone();
            (fresh, false)
        }
        Err(_) => (last.borrow().clone(), true),
    }
}
