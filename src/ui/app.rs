//! The page: editors on the left, the graph and the result on the right, the events below.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use std::collections::BTreeSet;

use crate::asl::definition;
use crate::asl::validate;
use crate::asl::graph::{graph, Flow};
use crate::asl::json::Value;
use crate::bridge::callbacks::Answer;
use crate::bridge::driver::Ending;
use crate::bridge::journal::Journal;
use crate::bridge::outcome::Outcome;
use crate::bridge::js;
use crate::bridge::mock_config;
use crate::bridge::problems::{Pane, Problem};
use crate::bridge::reply;
use crate::bridge::session::{self, Live, Sources};
use crate::ui::components::editors::Editors;
use crate::ui::components::events::Events;
use crate::ui::components::exercise::ExercisePanel;
use crate::ui::components::graph::{Graph, Pick};
use crate::ui::components::export::Export;
use crate::ui::components::gallery::Gallery;
use crate::ui::components::header::Header;
use crate::ui::components::notice::NoticeBar;
use crate::ui::components::player::Player;
use crate::ui::components::popover::Popover;
use crate::ui::components::recent::Recent;
use crate::ui::components::share::ShareLink;
use crate::ui::components::result::RunResult;
use crate::ui::components::tests_panel::TestsPanel;
use crate::ui::components::track::Track;
use crate::ui::components::scratchpad::Scratchpad;
use crate::ui::components::compare::Compare;
use crate::ui::components::inspector::Inspector;
use crate::ui::components::panel_tabs::PanelTabs;
use crate::ui::components::variables::Variables;
use crate::ui::layout::{layout_folded, Layout};
use crate::ui::learn::{Event, Side};
use crate::ui::learn_runs::LearnRuns;
use crate::ui::learn_storage;
use crate::share::Selected;
use crate::ui::location::{self, use_hash_change};
use crate::ui::opening::Opener;
use crate::ui::replay::Replay;
use crate::ui::samples::Sample;
use crate::ui::state::{Action, Playground, Run, Tab, Texts};
use crate::ui::state_source::state_offset;
use crate::ui::storage;

#[function_component]
pub fn App() -> Html {
    let state = use_reducer(Playground::restore);
    use_effect_with(state.texts.clone(), storage::save);
    use_effect_with(state.learn.clone(), learn_storage::save);
    let opener = Opener { state: state.clone(), notice: use_state(|| None) };
    use_hash_change({
        let opener = opener.clone();
        Callback::from(move |fragment: String| {
            opener.link(&fragment, false);
        })
    });

    let problems = use_memo(state.texts.clone(), live_problems);
    let last_drawing = use_mut_ref(|| (Rc::new(Layout::default()), Rc::new(Flow::default())));
    let drawing = use_memo((state.texts.definition.clone(), state.folded.clone()), move |(text, folded)| {
        draw(text, folded, &last_drawing)
    });
    let outcome = state.outcome().cloned();
    let replay = use_replay(outcome.as_ref(), &drawing.2);
    let snap = use_memo((outcome.as_ref().map(Rc::as_ptr), state.cursor), {
        let (outcome, replay) = (outcome.clone(), replay.clone());
        move |(_, cursor)| Rc::new(outcome.map(|o| replay.at(&o.events, *cursor)).unwrap_or_default())
    });
    use_player_timer(&state);

    let stop = use_mut_ref(|| Rc::new(Cell::new(false)));
    let runner = Runner { state: state.clone(), busy: use_mut_ref(|| false), stop: stop.clone(), live: use_mut_ref(|| None) };
    let learn_runs = LearnRuns { state: state.clone(), busy: runner.busy.clone(), live: runner.live.clone() };
    {
        // A link opens what it holds; a first visit without one opens the first sample. Otherwise
        // a run that waited for callbacks before the reload is brought back.
        let (opener, runner) = (opener.clone(), runner.clone());
        use_effect_with((), move |_| {
            let opened = opener.link(&location::fragment(), opener.state.is_blank());
            if let (false, Some(journal)) = (opened, runner.state.resume.clone()) {
                runner.resume((*journal).clone());
            }
        });
    }
    let on_run = { let runner = runner.clone(); Callback::from(move |()| runner.start()) };
    let on_answer = Callback::from(move |(token, answer): (String, Answer)| runner.answer(&token, answer));
    use_ctrl_enter(on_run.clone());

    let on_stop = Callback::from(move |()| {
        stop.borrow().set(true);
        js::stop_mocks();
    });
    let on_seek = dispatch(&state, Action::Seek);
    let on_pick = {
        let state = state.clone();
        Callback::from(move |pick: Pick| match pick {
            Pick::Select(name) => {
                if let Some(offset) = state_offset(&state.texts.definition, &name) {
                    state.dispatch(Action::Reveal(Pane::Definition, offset));
                }
                state.dispatch(Action::Select(Some(name.into())));
            }
            Pick::Breakpoint(name) => state.dispatch(Action::ToggleBreakpoint(name)),
            Pick::Fold(name) => state.dispatch(Action::ToggleFold(name)),
            Pick::Clear => state.dispatch(Action::Select(None)),
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
    let learn = &state.learn;
    let side = learn_side(&state, learn_runs);
    let coverage = learn.suite.as_ref().filter(|_| learn.side == Side::Tests).map(|s| Rc::new(s.coverage.clone()));
    let running = matches!(state.run, Run::Running(_));
    let calling = match &state.run {
        Run::Running(progress) => progress.waiting_for.clone(),
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
                <button class="menu-button learn" onclick={dispatch(&state, |_| Action::Learn(Event::Track(true)))}
                        title="The tutorial track: exercises with checks">{ "Learn" }</button>
                <button class="menu-button show-tests" onclick={dispatch(&state, |_| Action::Learn(Event::Show(Side::Tests)))}
                        title="Test cases for this workflow">{ "Tests" }</button>
            </Header>
            <Editors texts={state.texts.clone()} revision={state.revision} pane={state.pane} problems={(*problems).clone()}
                     run_problems={Rc::new(outcome.as_ref().map(|o| o.problems.clone()).unwrap_or_default())}
                     reveal={state.reveal} on_run={on_run.clone()} on_select={on_select.clone()}
                     on_edit={dispatch(&state, |(pane, text)| Action::Edit(pane, text))}
                     on_show={dispatch(&state, Action::Show)}
                     test_case={state.test_case.clone()} on_import={{ let o = opener.clone(); Callback::from(move |config| o.import_mocks(config)) }}
                     on_pick={dispatch(&state, Action::PickTestCase)}>
                <Scratchpad input={state.texts.input.clone()} outcome={outcome.clone()} cursor={state.cursor}
                            selected={state.selected.clone()} on_run={on_run.clone()} />
            </Editors>
            <section class={classes!("run-view", (learn.side != Side::Result).then_some("wide"))}>
                <div class="graph-scroll">
                    if drawing.1 {
                        <p class="banner">{ "The definition has errors (see Problems): the graph shows its last readable version." }</p>
                    }
                    if let Some(child) = state.children.last() {
                        <p class="banner child-view">
                            { "Child execution " }<strong>{ child.label.clone() }</strong>
                            <span class={classes!("child-status", child.outcome.status.to_lowercase())}>{ child.outcome.status }</span>
                            <button onclick={dispatch(&state, |_| Action::CloseChild)}>
                                { if state.children.len() > 1 { "Back to its parent" } else { "Back to the execution" } }
                            </button>
                        </p>
                    }
                    <Graph layout={drawing.0.clone()} snapshot={(*snap).clone()} stale={drawing.1} calling={calling} coverage={coverage}
                           selected={state.selected.clone()} breakpoints={state.breakpoints.clone()} on_pick={on_pick} />
                    <Player outcome={outcome.clone()} cursor={state.cursor} playing={state.playing} speed={state.speed}
                            breakpoints={state.breakpoints.clone()} on_seek={on_seek.clone()}
                            on_play={dispatch(&state, Action::Play)} on_speed={dispatch(&state, Action::SetSpeed)} />
                </div>
                <div class="side-panel">
                    <PanelTabs tab={state.tab} side={learn.side} exercise={learn.exercise.is_some()}
                               on_tab={dispatch(&state, Action::ShowTab)}
                               on_side={dispatch(&state, |s| Action::Learn(Event::Show(s)))} />
                    if learn.side != Side::Result {
                        { side }
                    } else if state.tab == Tab::Result {
                        <RunResult run={state.run_shown()} hint={state.hint} on_select={on_select}
                                   callback_error={state.callback_error.clone()} on_answer={on_answer}
                                   on_callback_error={dispatch(&state, Action::CallbackError)} />
                    } else if state.tab == Tab::Inspector {
                        <Inspector outcome={outcome.clone()} definition={state.ran.clone()} cursor={state.cursor}
                                   selected={state.selected.clone()} on_select={dispatch(&state, Action::Select)}
                                   on_open_child={dispatch(&state, |(outcome, label)| Action::OpenChild(outcome, label))} />
                    } else if state.tab == Tab::Variables {
                        <Variables outcome={outcome.clone()} cursor={state.cursor} selected={state.selected.clone()} />
                    } else {
                        <Compare pinned={state.pinned.clone()} current={outcome.clone()} on_pin={dispatch(&state, Action::Pin)} />
                    }
                </div>
            </section>
            if learn.track {
                <Track progress={learn.progress.clone()} current={learn.exercise.as_ref().map(|e| e.id.clone())}
                       notice={learn.notice.clone()} on_open={dispatch(&state, Action::OpenExercise)}
                       on_close={dispatch(&state, |()| Action::Learn(Event::Track(false)))} />
            }
            <Events outcome={outcome} cursor={state.cursor} on_seek={on_seek} />
            if let Some(notice) = (*opener.notice).clone() {
                <NoticeBar notice={notice} on_undo={{ let o = opener.clone(); Callback::from(move |()| o.undo()) }}
                           on_close={{ let n = opener.notice.clone(); Callback::from(move |()| n.set(None)) }} />
            }
        </div>
    }
}

/// The exercise or the test cases, for the column beside the graph.
fn learn_side(state: &UseReducerHandle<Playground>, runs: LearnRuns) -> Html {
    let learn = &state.learn;
    // What the page shows; the click itself checks `runs.busy`.
    let busy = matches!(state.run, Run::Running(_)) || learn.checking || learn.testing;
    match (learn.side, &learn.exercise, learn.place()) {
        (Side::Exercise, Some(exercise), Some(place)) => {
            let on_check = Callback::from(move |()| runs.check());
            html! {
                <ExercisePanel exercise={exercise.clone()} place={place} hints={Rc::from(learn.progress.hints(exercise))}
                               report={learn.report.clone()} passed={learn.progress.entry(&exercise.id).passed} checking={learn.checking} busy={busy} on_check={on_check}
                               on_hint={dispatch(state, |()| Action::Learn(Event::Hint))}
                               on_solution={dispatch(state, |()| Action::Learn(Event::Solution))}
                               on_restart={dispatch(state, |()| Action::Learn(Event::Restart))}
                               on_open={dispatch(state, Action::OpenExercise)}
                               on_track={dispatch(state, |()| Action::Learn(Event::Track(true)))}
                               on_leave={dispatch(state, |()| Action::Learn(Event::Leave))} />
            }
        }
        _ => {
            let on_run = Callback::from(move |()| runs.run_tests());
            html! {
                <TestsPanel tests={learn.tests.clone()} suite={learn.suite.clone()} testing={learn.testing} busy={busy}
                            input={state.texts.input.clone()} last={state.outcome().cloned()} on_run={on_run}
                            on_change={dispatch(state, |t| Action::Learn(Event::SetTests(t)))} />
            }
        }
    }
}

fn dispatch<T: 'static>(state: &UseReducerHandle<Playground>, action: impl Fn(T) -> Action + 'static) -> Callback<T> {
    let state = state.clone();
    Callback::from(move |value| state.dispatch(action(value)))
}

/// The replay of `outcome`'s history, prepared once per run (on the definition's `flow` then).
#[hook]
fn use_replay(outcome: Option<&Rc<Outcome>>, flow: &Flow) -> Rc<Replay> {
    let cache = use_mut_ref(|| (std::ptr::null(), Rc::new(Replay::new(&[], &Flow::default()))));
    let ptr = outcome.map_or(std::ptr::null(), Rc::as_ptr);
    let mut cache = cache.borrow_mut();
    if cache.0 != ptr {
        *cache = (ptr, Rc::new(Replay::new(outcome.map_or(&[], |o| &o.events), flow)));
    }
    cache.1.clone()
}

/// While the player plays, moves it on at its speed.
#[hook]
fn use_player_timer(state: &UseReducerHandle<Playground>) {
    let dispatcher = state.dispatcher();
    let ticking = (state.playing, state.cursor, state.speed, state.outcome().map(Rc::as_ptr));
    // A timer rather than animation frames: the page measured smoother with it (bench/page.mjs).
    use_effect_with(ticking, move |&(playing, _, speed, _)| {
        let timer = playing.then(|| {
            gloo_timers::callback::Timeout::new(speed.interval_ms(), move || dispatcher.dispatch(Action::Tick))
        });
        move || drop(timer)
    });
}

/// Runs (one at a time); the player then replays each run's events on the graph. A run waiting
/// for callbacks is kept, for the user's answers to continue it.
#[derive(Clone)]
struct Runner {
    state: UseReducerHandle<Playground>,
    busy: Rc<RefCell<bool>>,
    stop: Rc<RefCell<Rc<Cell<bool>>>>,
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

    /// Drives `live` (or a run started from the texts) until it ends or waits; the player then plays it.
    fn go(&self, live: Option<Live>) {
        let state = &self.state;
        state.dispatch(Action::Started);
        let stopped = Rc::new(Cell::new(false));
        *self.stop.borrow_mut() = stopped.clone();
        let (texts, test_case, dispatcher) = (state.texts.clone(), state.test_case.clone(), state.dispatcher());
        let (busy, slot) = (self.busy.clone(), self.live.clone());
        yew::platform::spawn_local(async move {
            let started = match live {
                Some(live) => Ok(live),
                None => {
                    let sources = Sources { definition: &texts.definition, input: &texts.input, mocks: &texts.mocks, test_case: test_case.as_deref() };
                    session::start(sources).await
                }
            };
            let (outcome, waiting) = match started {
                Ok(mut live) => {
                    let calls = dispatcher.clone();
                    let (outcome, ending) = live.drive(stopped, move |p| calls.dispatch(Action::Progress(p))).await;
                    let waiting = (ending == Ending::Waiting).then(|| live.journal().clone());
                    // Kept while it waits, or has tokens the user may still (vainly) answer.
                    if ending == Ending::Waiting || !outcome.pending.is_empty() {
                        *slot.borrow_mut() = Some(live);
                    }
                    (outcome, waiting)
                }
                Err(refused) => (refused, None),
            };
            dispatcher.dispatch(Action::Finished(outcome, waiting));
            *busy.borrow_mut() = false;
        });
    }

    /// Runs the journal of a run that waited before the page reloaded again to where it waited,
    /// for the user's answers to continue it.
    fn resume(&self, journal: Journal) {
        if self.busy.replace(true) {
            return;
        }
        let (busy, slot, dispatcher) = (self.busy.clone(), self.live.clone(), self.state.dispatcher());
        yew::platform::spawn_local(async move {
            let outcome = Live::resume(journal).await.map(|(live, outcome)| {
                *slot.borrow_mut() = Some(live);
                outcome
            });
            dispatcher.dispatch(Action::Resumed(outcome));
            *busy.borrow_mut() = false;
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

/// The drawing of a definition (with `folded` groups folded), whether it is stale (text that is not
/// JSON keeps the last drawing), and its flow. The layout's time is measured as `aslplay:layout`
/// for the page benchmark.
fn draw(text: &str, folded: &BTreeSet<String>, last: &RefCell<(Rc<Layout>, Rc<Flow>)>) -> (Rc<Layout>, bool, Rc<Flow>) {
    match Value::parse(text) {
        Ok(value) => {
            let flow = Rc::new(graph(&value));
            let performance = web_sys::window().and_then(|w| w.performance());
            if let Some(p) = &performance {
                let _ = p.mark("aslplay:layout-start");
            }
            let fresh = Rc::new(layout_folded(&flow, folded));
            if let Some(p) = &performance {
                let _ = p.measure_with_start_mark("aslplay:layout", "aslplay:layout-start");
            }
            *last.borrow_mut() = (fresh.clone(), flow.clone());
            (fresh, false, flow)
        }
        Err(_) => {
            let (layout, flow) = last.borrow().clone();
            (layout, true, flow)
        }
    }
}
