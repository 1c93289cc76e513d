//! The page: editors on the left, the graph and the result on the right, the events below.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::asl::definition;
use crate::asl::validate;
use crate::asl::graph::graph;
use crate::asl::json::Value;
use crate::bridge::callbacks::Answer;
use crate::bridge::driver::Ending;
use crate::bridge::js;
use crate::bridge::mock_config;
use crate::bridge::problems::{Pane, Problem};
use crate::bridge::reply;
use crate::bridge::session::{self, Live, Sources};
use crate::ui::components::editors::Editors;
use crate::ui::components::events::Events;
use crate::ui::components::graph::Graph;
use crate::ui::components::export::Export;
use crate::ui::components::gallery::Gallery;
use crate::ui::components::header::Header;
use crate::ui::components::notice::NoticeBar;
use crate::ui::components::popover::Popover;
use crate::ui::components::recent::Recent;
use crate::ui::components::share::ShareLink;
use crate::ui::components::result::RunResult;
use crate::ui::layout::{layout, Layout};
use crate::share::Selected;
use crate::ui::location::{self, use_hash_change};
use crate::ui::opening::Opener;
use crate::ui::replay::snapshot;
use crate::ui::samples::Sample;
use crate::ui::state::{Action, Playground, Run, Texts};
use crate::ui::storage;

/// The replay of a run takes about this long, whatever its length (within per-event bounds).
const REPLAY_MS: usize = 2400;

#[function_component]
pub fn App() -> Html {
    let state = use_reducer(Playground::restore);
    use_effect_with(state.texts.clone(), |texts| storage::save(texts));
    let opener = Opener { state: state.clone(), notice: use_state(|| None) };
    {
        // A link opens what it holds; a first visit without one opens the first sample.
        let opener = opener.clone();
        use_effect_with((), move |_| opener.link(&location::fragment(), opener.state.is_blank()));
    }
    use_hash_change({
        let opener = opener.clone();
        Callback::from(move |fragment: String| opener.link(&fragment, false))
    });

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
    let on_sample = { let opener = opener.clone(); Callback::from(move |sample: &'static Sample| opener.sample(sample)) };
    let on_restore = { let opener = opener.clone(); Callback::from(move |index| opener.restore(index)) };
    let export_name = match &state.origin {
        Some(Selected::Sample(id) | Selected::Exercise(id)) => id.clone(),
        None => "state-machine".into(),
    };
    let running = matches!(state.run, Run::Running(_));
    let calling = match &state.run {
        Run::Running(calling) => calling.clone(),
        _ => None,
    };
    html! {
        <div class="app">
            <Header running={running} on_run={on_run.clone()} on_stop={on_stop}>
                <Popover label="Samples" class="samples" title="Open a sample" modal=true>
                    <Gallery on_pick={on_sample} current={match &state.origin { Some(Selected::Sample(id)) => Some(AttrValue::from(id.clone())), _ => None }} />
                </Popover>
                <Popover label="Recent" class="recent" title="Open a workspace you had before">
                    <Recent on_restore={on_restore} />
                </Popover>
                <Popover label="Share" class="share" title="A link that opens this workspace">
                    <ShareLink texts={state.texts.clone()} origin={state.origin.clone()} />
                </Popover>
                <Popover label="Export" class="export" title="Download the definition, the last run, the graph, a SAM template">
                    <Export name={export_name} definition={AttrValue::from(state.texts.definition.to_string())}
                            outcome={outcome.clone()} />
                </Popover>
            </Header>
            <Editors texts={state.texts.clone()} revision={state.revision} pane={state.pane} problems={(*problems).clone()}
                     run_problems={Rc::new(outcome.as_ref().map(|o| o.problems.clone()).unwrap_or_default())}
                     reveal={state.reveal} on_run={on_run} on_select={on_select.clone()}
                     on_edit={dispatch(&state, |(pane, text)| Action::Edit(pane, text))}
                     on_show={dispatch(&state, Action::Show)}
                     test_case={state.test_case.clone()} on_import={dispatch(&state, Action::ImportMocks)}
                     on_pick={dispatch(&state, Action::PickTestCase)} />
            <section class="run-view">
                <div class="graph-scroll">
                    if drawing.1 {
                        <p class="banner">{ "The definition has errors (see Problems): the graph shows its last readable version." }</p>
                    }
                    <Graph layout={drawing.0.clone()} snapshot={(*snap).clone()} stale={drawing.1} calling={calling} />
                </div>
                <RunResult run={state.run.clone()} hint={state.hint} on_select={on_select}
                           callback_error={state.callback_error.clone()} on_answer={on_answer}
                           on_callback_error={dispatch(&state, Action::CallbackError)} />
            </section>
            <Events outcome={outcome} cursor={state.cursor} on_seek={on_seek} />
            if let Some(notice) = (*opener.notice).clone() {
                <NoticeBar notice={notice} on_undo={{ let o = opener.clone(); Callback::from(move |()| o.undo()) }}
                           on_close={{ let n = opener.notice.clone(); Callback::from(move |()| n.set(None)) }} />
            }
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
        let (texts, test_case, dispatcher) = (state.texts.clone(), state.test_case.clone(), state.dispatcher());
        let (busy, generation, slot) = (self.busy.clone(), self.generation.clone(), self.live.clone());
        yew::platform::spawn_local(async move {
            let started = match live {
                Some(live) => Ok(live),
                None => {
                    let sources = Sources { definition: &texts.definition, input: &texts.input, mocks: &texts.mocks, test_case: test_case.as_deref() };
                    session::start(sources).await
                }
            };
            let outcome = match started {
                Ok(mut live) => {
                    let calls = dispatcher.clone();
                    let (outcome, ending) = live.drive(stopped, move |s| calls.dispatch(Action::Calling(s.into()))).await;
                    // Kept while it waits, or has tokens the user may still (vainly) answer.
                    if ending == Ending::Waiting || !outcome.pending.is_empty() {
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

/// Problems found while typing: the definition's diagnostics, input that is not JSON, mock syntax errors.
fn live_problems(texts: &Texts) -> Rc<Vec<Problem>> {
    // Warnings too (a key written twice, an unreachable state), not only what stops a run.
    let mut problems: Vec<Problem> =
        validate::validate(&texts.definition).iter().map(|d| Problem::diagnostic(&texts.definition, d)).collect();
    if let Err(e) = Value::parse(&texts.input) {
        problems.push(Problem::json(Pane::Input, &texts.input, &e));
    }
    if mock_config::is_config(&texts.mocks) {
        // Checked against the definition when it can be read; its own problems are listed above.
        if let Ok(machine) = definition::parse(&texts.definition) {
            problems.extend(mock_config::test_case(&texts.mocks, &machine, None).err());
        }
    } else if let Some(reply) = js::mock_syntax_error(&texts.mocks) {
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
