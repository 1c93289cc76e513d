//! The Check button and Run all: the grader and the test cases run the editors' workspace through
//! the same driver as a run, the mock handlers in the page's sandbox. They share the sandbox with
//! runs, so they wait for none and let none start meanwhile (`busy`).

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::bridge::session::Live;
use crate::bridge::worker_mocks::WorkerMocks;
use crate::testcases::run_all;
use crate::tutorial::grade;
use crate::ui::learn::Event;
use crate::ui::state::{Action, Playground};

/// What a waiting run's callbacks say once a grade or a test run took the sandbox from it.
const ENDED: &str = "This run can no longer continue: Check and Run all reloaded the mocks. Run again to answer its callbacks.";

/// What a grade or a test run needs of the page.
#[derive(Clone)]
pub struct LearnRuns {
    pub state: UseReducerHandle<Playground>,
    /// A run, a grade or the tests is under way.
    pub busy: Rc<RefCell<bool>>,
    /// A run waiting for callbacks: its mocks leave the sandbox, so it cannot go on.
    pub live: Rc<RefCell<Option<Live>>>,
}

impl LearnRuns {
    /// Grades the editors' workspace against the open exercise.
    pub fn check(&self) {
        let Some(exercise) = self.state.learn.exercise.clone() else { return };
        let Some(done) = self.claim(Event::Checking) else { return };
        let workspace = self.state.texts.workspace();
        yew::platform::spawn_local(async move {
            let report = grade(&exercise, &workspace, &mut WorkerMocks::default()).await;
            done(Event::Checked(report));
        });
    }

    /// Runs every test case on the editors' workspace.
    pub fn run_tests(&self) {
        let Some(done) = self.claim(Event::Testing) else { return };
        let (workspace, cases) = (self.state.texts.workspace(), self.state.learn.tests.clone());
        yew::platform::spawn_local(async move {
            let report = run_all(&workspace, &cases, &mut WorkerMocks::default()).await;
            done(Event::Tested(report));
        });
    }

    /// Takes the sandbox and says `start`; the function given back frees it and says how it ended.
    /// `None` while something else runs.
    fn claim(&self, start: Event) -> Option<impl FnOnce(Event)> {
        if self.busy.replace(true) {
            return None;
        }
        let (busy, dispatcher) = (self.busy.clone(), self.state.dispatcher());
        if self.live.borrow_mut().take().is_some() {
            dispatcher.dispatch(Action::CallbackError(ENDED.into()));
        }
        dispatcher.dispatch(Action::Learn(start));
        Some(move |end| {
            *busy.borrow_mut() = false;
            dispatcher.dispatch(Action::Learn(end));
        })
    }
}
