//! The page's state: one value changed only by [`Action`]s (Yew's `Reducible`).

use std::collections::BTreeSet;
use std::rc::Rc;

use yew::prelude::*;

use crate::bridge::driver::Progress;
use crate::bridge::journal::Journal;
use crate::bridge::outcome::Outcome;
use crate::bridge::problems::Pane;
use crate::share::Selected;
use crate::testcases::Workspace;
use crate::ui::last_run::{self, Kept};
use crate::ui::learn::{Event, Learn, Side};
use crate::ui::learn_storage;
use crate::ui::player::{advance, Speed};
use crate::ui::samples::Sample;
use crate::ui::storage;
use crate::ui::workspaces::Entry;

/// The three editors' texts.
#[derive(Clone, Debug, PartialEq)]
pub struct Texts {
    pub definition: Rc<str>,
    pub input: Rc<str>,
    pub mocks: Rc<str>,
}

impl Texts {
    /// The text of one pane.
    pub fn get(&self, pane: Pane) -> &Rc<str> {
        match pane {
            Pane::Definition => &self.definition,
            Pane::Input => &self.input,
            Pane::Mocks => &self.mocks,
        }
    }

    /// The texts as a workspace, to grade or test.
    pub fn workspace(&self) -> Workspace {
        Workspace::new(&*self.definition, &*self.input, &*self.mocks)
    }
}

/// Where the current run is.
#[derive(Clone, Debug, PartialEq)]
pub enum Run {
    /// No run yet.
    Idle,
    /// Running, this far.
    Running(Progress),
    /// Over.
    Done(Rc<Outcome>),
}

/// A child execution of a distributed Map opened from its Map Run, shown in place of the run (as
/// AWS's console opens one as an execution page of its own).
#[derive(Clone, Debug, PartialEq)]
pub struct ChildView {
    pub outcome: Rc<Outcome>,
    /// Which it is: "Make Thumbnails · item 2".
    pub label: Rc<str>,
    /// The replay's position before it opened, to go back to.
    pub back_to: usize,
}

/// A request to show a place in an editor; `nonce` makes a repeated request a new one.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Reveal {
    pub pane: Pane,
    pub offset: usize,
    pub nonce: u32,
}

/// Everything the page shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Playground {
    pub texts: Texts,
    /// Bumped when the texts are replaced from outside the editors (a sample was loaded).
    pub revision: u32,
    /// The editor tab shown.
    pub pane: Pane,
    pub run: Run,
    /// Child executions opened, each from the one before (the run's first): the last is shown.
    pub children: Vec<ChildView>,
    /// How many of the run's events the graph shows (the replay position).
    pub cursor: usize,
    pub reveal: Option<Reveal>,
    /// The sample whose hint is shown, until the first run.
    pub hint: Option<&'static Sample>,
    /// What the user's last answer to a pending callback ran into.
    pub callback_error: Option<AttrValue>,
    /// The state selected on the graph (shown by the inspector).
    pub selected: Option<Rc<str>>,
    /// The sample or exercise the workspace was opened from.
    pub origin: Option<Selected>,
    /// The tutorial track and the test cases.
    pub learn: Learn,
    /// The tab shown beside the graph.
    pub tab: Tab,
    /// The definition text of the last run started, which the inspector reads the states' fields from.
    pub ran: Option<Rc<str>>,
    /// A run kept to compare the next ones with.
    pub pinned: Option<Rc<Outcome>>,
    /// The player is playing the run (moving the cursor on).
    pub playing: bool,
    pub speed: Speed,
    /// States the player stops at when they are entered.
    pub breakpoints: Rc<BTreeSet<String>>,
    /// Parallel and Map states the graph draws folded.
    pub folded: Rc<BTreeSet<String>>,
    /// The test case Run uses when the Mocks pane holds a mock configuration.
    pub test_case: Option<Rc<str>>,
    /// A run that waited for callbacks before a reload, for the page to run again to where it waited.
    pub resume: Option<Rc<Journal>>,
}

/// The tabs beside the graph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Result,
    Inspector,
    Variables,
    Compare,
}

/// What can happen to the page.
pub enum Action {
    /// The user edited a pane.
    Edit(Pane, String),
    /// The user picked an editor tab.
    Show(Pane),
    /// A sample's texts arrived.
    LoadSample(&'static Sample, Texts),
    /// A whole workspace replaces the editors' (from a link, the recent list, an undo).
    LoadWorkspace(Texts, Option<Selected>),
    /// A run started.
    Started,
    /// The run has gone this far.
    Progress(Progress),
    /// The run is over, or waits for callbacks (then with the journal that brings it back).
    Finished(Outcome, Option<Journal>),
    /// The run kept from before a reload waits again, as shown; or (`None`) could not be brought back.
    Resumed(Option<Outcome>),
    /// An answer to a pending callback was refused.
    CallbackError(String),
    /// The graph shows the first `n` events.
    Seek(usize),
    /// Show this place (a problem's) in its editor.
    Reveal(Pane, usize),
    /// The user selected a state (or cleared the selection).
    Select(Option<Rc<str>>),
    /// Open the exercise with this id (the learner's draft, or its starting workspace).
    OpenExercise(String),
    /// Anything else about the tutorial track or the test cases.
    Learn(Event),
    /// The user picked a tab beside the graph.
    ShowTab(Tab),
    /// A new run of this definition text starts.
    Ran(Rc<str>),
    /// Show this child execution of the one shown (its outcome, and which it is).
    OpenChild(Rc<Outcome>, Rc<str>),
    /// Back from the child execution shown to the one it was opened from.
    CloseChild,
    /// Keep this run for comparing (or drop the pinned one).
    Pin(Option<Rc<Outcome>>),
    /// Play or pause.
    Play(bool),
    /// The player's timer: move on at the player's speed.
    Tick,
    SetSpeed(Speed),
    /// Set or clear a breakpoint on a state.
    ToggleBreakpoint(String),
    /// Fold or unfold a Parallel or Map on the graph.
    ToggleFold(String),
    /// An imported mock configuration replaces the Mocks text.
    ImportMocks(String),
    /// The user picked the mock configuration's test case.
    PickTestCase(Rc<str>),
}

/// The mock configuration's test case picked in the open workspace, as saved.
fn saved_test_case() -> Option<Rc<str>> {
    storage::current().and_then(|c| c.mock_test_case).map(Into::into)
}

impl Playground {
    /// The editors as last saved in this browser; on a first visit empty, until the first sample
    /// arrives (see [`is_blank`](Playground::is_blank)).
    pub fn restore() -> Playground {
        let (ran, run, cursor, resume) = match last_run::load() {
            Some(Kept::Finished(definition, outcome)) => {
                let end = outcome.events.len();
                (Some(definition), Run::Done(Rc::new(outcome)), end, None)
            }
            Some(Kept::Waiting(journal)) => (Some(journal.definition.as_str().into()), Run::Idle, 0, Some(Rc::new(journal))),
            None => (None, Run::Idle, 0, None),
        };
        Playground {
            hint: None,
            texts: storage::load().unwrap_or_else(|| Texts { definition: "".into(), input: "".into(), mocks: "".into() }),
            revision: 0,
            pane: Pane::Definition,
            run,
            children: Vec::new(),
            cursor,
            reveal: None,
            callback_error: None,
            selected: None,
            origin: storage::current().and_then(|c| c.selected),
            learn: learn_storage::load(),
            tab: Tab::Result,
            ran,
            pinned: None,
            playing: false,
            speed: storage::load_speed().unwrap_or(Speed::Normal),
            breakpoints: Rc::default(),
            folded: Rc::default(),
            test_case: saved_test_case(),
            resume,
        }
    }

    /// Nothing was ever saved or loaded: a first visit.
    pub fn is_blank(&self) -> bool {
        self.texts.definition.is_empty() && self.texts.input.is_empty() && self.texts.mocks.is_empty()
    }

    /// Replaces the editors' texts; the run shown was of others.
    fn load(&mut self, texts: Texts, origin: Option<Selected>) {
        self.texts = texts;
        self.revision += 1;
        self.origin = origin;
        self.hint = None;
        self.show(Run::Idle);
        self.cursor = 0;
        self.selected = None;
        self.playing = false;
        self.breakpoints = Rc::default();
        self.folded = Rc::default();
        self.test_case = saved_test_case();
        self.resume = None;
        last_run::forget();
    }

    /// Replaces the editors' texts from elsewhere (a sample, a link, Recent): the test cases are the
    /// new workspace's, and an exercise's workspace opens its exercise.
    fn open(&mut self, texts: Texts, origin: Option<Selected>) {
        let previous = learn_storage::entry(self);
        self.load(texts, origin);
        self.learn.opened(self.origin.as_ref(), &previous, storage::current().map(|c| c.tests).unwrap_or_default());
    }

    /// Applies a tutorial or test event; a workspace it opens (an exercise's, or the user's again)
    /// replaces the editors' texts, and the one replaced is kept under Recent.
    fn learn_event(&mut self, event: Event) {
        if let Some(entry) = self.learn.apply(event, &learn_storage::entry(self)) {
            let texts = storage::texts(&entry);
            storage::open(Entry { at: storage::now(), ..entry.clone() });
            self.load(texts, entry.selected);
        }
    }

    /// The outcome shown: the child execution opened, else the finished run's, if any.
    pub fn outcome(&self) -> Option<&Rc<Outcome>> {
        match (self.children.last(), &self.run) {
            (Some(child), _) => Some(&child.outcome),
            (None, Run::Done(outcome)) => Some(outcome),
            _ => None,
        }
    }

    /// The run shown: the child execution opened, as a finished run, else the run.
    pub fn run_shown(&self) -> Run {
        match self.children.last() {
            Some(child) => Run::Done(child.outcome.clone()),
            None => self.run.clone(),
        }
    }

    /// Where the run is now; the child executions opened from the one before are closed.
    fn show(&mut self, run: Run) {
        self.run = run;
        self.children.clear();
    }
}

impl Reducible for Playground {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Edit(pane, text) => {
                let slot = match pane {
                    Pane::Definition => &mut next.texts.definition,
                    Pane::Input => &mut next.texts.input,
                    Pane::Mocks => &mut next.texts.mocks,
                };
                if **slot == *text {
                    return self;
                }
                *slot = text.into();
            }
            Action::Show(pane) => next.pane = pane,
            Action::LoadSample(sample, texts) => {
                next.open(texts, Some(Selected::Sample(sample.id.into())));
                // Nothing ran yet: the Result tab shows the sample's hint.
                next.hint = Some(sample);
                next.tab = Tab::Result;
            }
            Action::LoadWorkspace(texts, origin) => next.open(texts, origin),
            Action::Started => {
                next.show(Run::Running(Progress::default()));
                next.cursor = 0;
                next.playing = false;
                next.hint = None;
                next.callback_error = None;
                next.learn.side = Side::Result;
            }
            Action::Progress(progress) => next.run = Run::Running(progress),
            Action::Finished(outcome, waiting) => {
                if let Some(definition) = &next.ran {
                    last_run::save(definition, &outcome, waiting.as_ref());
                }
                next.show(Run::Done(Rc::new(outcome)));
                next.cursor = 0;
                next.playing = true;
            }
            Action::Resumed(outcome) => {
                // Another workspace opened meanwhile: the run brought back is not of it.
                if next.resume.take().is_none() {
                    return self;
                }
                match outcome {
                    Some(outcome) => {
                        next.cursor = outcome.events.len();
                        next.show(Run::Done(Rc::new(outcome)));
                    }
                    None => {
                        next.show(Run::Idle);
                        last_run::forget();
                    }
                }
            }
            Action::CallbackError(e) => next.callback_error = Some(e.into()),
            Action::OpenChild(outcome, label) => {
                next.cursor = outcome.events.len();
                next.playing = false;
                next.children.push(ChildView { outcome, label, back_to: self.cursor });
            }
            Action::CloseChild => {
                if let Some(child) = next.children.pop() {
                    next.cursor = child.back_to;
                    next.playing = false;
                }
            }
            Action::Seek(n) => {
                next.cursor = n;
                next.playing = false;
            }
            Action::Play(on) => {
                let len = self.outcome().map_or(0, |o| o.events.len());
                next.playing = on && len > 0;
                if on && self.cursor >= len {
                    next.cursor = 0;
                }
            }
            Action::Tick => {
                let Some(outcome) = self.outcome().filter(|_| self.playing) else { return self };
                let rows = &outcome.events;
                let stop = advance(rows, self.cursor, self.speed.step(rows.len()), &self.breakpoints);
                next.cursor = stop.cursor;
                next.playing = !stop.hit && stop.cursor < rows.len();
            }
            Action::SetSpeed(speed) => {
                storage::save_speed(speed);
                next.speed = speed;
            }
            Action::ToggleBreakpoint(state) => toggle(&mut next.breakpoints, state),
            Action::ToggleFold(state) => toggle(&mut next.folded, state),
            Action::Select(state) => {
                if state.is_some() {
                    next.tab = Tab::Inspector;
                    next.learn_event(Event::Show(Side::Result));
                }
                next.selected = state;
            }
            Action::ShowTab(tab) => {
                next.tab = tab;
                next.learn_event(Event::Show(Side::Result));
            }
            Action::Ran(definition) => next.ran = Some(definition),
            Action::Pin(outcome) => next.pinned = outcome,
            Action::OpenExercise(id) => next.learn_event(Event::Open(id)),
            Action::Learn(event) => next.learn_event(event),
            Action::ImportMocks(text) => {
                next.texts.mocks = text.into();
                next.revision += 1;
                next.pane = Pane::Mocks;
                next.test_case = None;
            }
            Action::PickTestCase(case) => {
                storage::save_mock_test_case(&case);
                next.test_case = Some(case);
            }
            Action::Reveal(pane, offset) => {
                let nonce = self.reveal.map_or(0, |r| r.nonce + 1);
                next.pane = pane;
                next.reveal = Some(Reveal { pane, offset, nonce });
            }
        }
        Rc::new(next)
    }
}

fn toggle(set: &mut Rc<BTreeSet<String>>, item: String) {
    let set = Rc::make_mut(set);
    if !set.remove(&item) {
        set.insert(item);
    }
}
