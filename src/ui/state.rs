//! The page's state: one value changed only by [`Action`]s (Yew's `Reducible`).

use std::rc::Rc;

use yew::prelude::*;

use crate::bridge::outcome::Outcome;
use crate::bridge::problems::Pane;
use crate::share::Selected;
use crate::ui::samples::Sample;
use crate::ui::storage;

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
}

/// Where the current run is.
#[derive(Clone, Debug, PartialEq)]
pub enum Run {
    /// No run yet.
    Idle,
    /// Running; the state whose mock is being called, if any.
    Running(Option<Rc<str>>),
    /// Over.
    Done(Rc<Outcome>),
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
    /// The test case Run uses when the Mocks pane holds a mock configuration.
    pub test_case: Option<Rc<str>>,
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
    /// The run is calling the mock of this state.
    Calling(Rc<str>),
    /// The run is over, or waits for callbacks.
    Finished(Outcome),
    /// An answer to a pending callback was refused.
    CallbackError(String),
    /// The graph shows the first `n` events.
    Seek(usize),
    /// Show this place (a problem's) in its editor.
    Reveal(Pane, usize),
    /// The user selected a state (or cleared the selection).
    Select(Option<Rc<str>>),
    /// An imported mock configuration replaces the Mocks text.
    ImportMocks(String),
    /// The user picked the mock configuration's test case.
    PickTestCase(Rc<str>),
}

impl Playground {
    /// The editors as last saved in this browser; on a first visit empty, until the first sample
    /// arrives (see [`is_blank`](Playground::is_blank)).
    pub fn restore() -> Playground {
        Playground {
            hint: None,
            texts: storage::load().unwrap_or_else(|| Texts { definition: "".into(), input: "".into(), mocks: "".into() }),
            revision: 0,
            pane: Pane::Definition,
            run: Run::Idle,
            cursor: 0,
            reveal: None,
            callback_error: None,
            selected: None,
            origin: storage::current().and_then(|c| c.selected),
            test_case: None,
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
        self.run = Run::Idle;
        self.cursor = 0;
        self.selected = None;
    }

    /// The finished run's outcome, if any.
    pub fn outcome(&self) -> Option<&Rc<Outcome>> {
        match &self.run {
            Run::Done(outcome) => Some(outcome),
            _ => None,
        }
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
                next.load(texts, Some(Selected::Sample(sample.id.into())));
                next.hint = Some(sample);
            }
            Action::LoadWorkspace(texts, origin) => next.load(texts, origin),
            Action::Started => {
                next.run = Run::Running(None);
                next.cursor = 0;
                next.hint = None;
                next.callback_error = None;
            }
            Action::Calling(state) => next.run = Run::Running(Some(state)),
            Action::Finished(outcome) => {
                next.run = Run::Done(Rc::new(outcome));
                next.cursor = 0;
            }
            Action::CallbackError(e) => next.callback_error = Some(e.into()),
            Action::Seek(n) => next.cursor = n,
            Action::Select(state) => next.selected = state,
            Action::ImportMocks(text) => {
                next.texts.mocks = text.into();
                next.revision += 1;
                next.pane = Pane::Mocks;
                next.test_case = None;
            }
            Action::PickTestCase(case) => next.test_case = Some(case),
            Action::Reveal(pane, offset) => {
                let nonce = self.reveal.map_or(0, |r| r.nonce + 1);
                next.pane = pane;
                next.reveal = Some(Reveal { pane, offset, nonce });
            }
        }
        Rc::new(next)
    }
}
