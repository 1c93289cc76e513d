//! One run of the playground: read the three editors, load the mocks into their sandbox under the
//! shared mock runtime, and drive the run with the sandbox answering its handler calls. A run that
//! waits for callbacks stays [`Live`]: the user's answers continue it, and its [`Journal`] can
//! bring it back after a reload.

use std::cell::Cell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;

use crate::asl::definition;
use crate::asl::exec::ExecutionOptions;
use crate::asl::json::Value;
use crate::bridge::call_input::CallInputs;
use crate::bridge::callbacks::{self, Answer};
use crate::bridge::driver::{drive, Ending, Host, Progress};
use crate::bridge::journal::{self, Journal};
use crate::bridge::js;
use crate::bridge::mock_config;
use crate::bridge::outcome::Outcome;
use crate::bridge::problems::{Pane, Problem};
use crate::bridge::reply;
use crate::integrations::driver::ApiError;
use crate::integrations::handler::HandlerCall;
use crate::integrations::{Run, RunOptions, MOCK_RUNTIME};

/// How long a mock handler may take to answer, in real milliseconds.
pub const MOCK_TIMEOUT_MS: u32 = 3000;

/// How long a mock handler may take before the page says which state waits for it, in real
/// milliseconds. Saying it at every call re-rendered the page thousands of times in a big Map.
const SLOW_CALL_MS: u32 = 150;

/// How often, at most, the page is told how many calls were answered, in real milliseconds.
const PROGRESS_MS: f64 = 250.0;

/// The editors' texts.
pub struct Sources<'a> {
    pub definition: &'a str,
    pub input: &'a str,
    pub mocks: &'a str,
    /// The test case picked when the mocks are a mock configuration (else its first).
    pub test_case: Option<&'a str>,
}

/// A started run, with what it was started from (its mocks stay loaded in the sandbox).
pub struct Live {
    run: Run,
    problems: Vec<Problem>,
    journal: Journal,
}

/// Starts the definition on the input with the mocks; the refusal when it cannot start.
pub async fn start(src: Sources<'_>) -> Result<Live, Outcome> {
    let mut problems = Vec::new();
    let machine = definition::parse(src.definition)
        .map_err(|diagnostics| problems.extend(diagnostics.iter().map(|d| Problem::diagnostic(src.definition, d))))
        .ok();
    let input = Value::parse(src.input).map_err(|e| problems.push(Problem::json(Pane::Input, src.input, &e))).ok();
    let execution = ExecutionOptions::default();
    // Math.random in the mocks is seeded from the run's seed, as the CLI seeds it.
    let seed = (execution.seed ^ (execution.seed >> 32)) as u32;
    // A mock configuration in the Mocks pane answers by test case, as `aslplay run --mock-config`.
    let (loaded, test_case) = if mock_config::is_config(src.mocks) {
        let case = machine.as_ref().map(|m| mock_config::test_case(src.mocks, m, src.test_case).map_err(|p| problems.push(p)));
        (Some(reply::Loaded::default()), case.and_then(Result::ok))
    } else {
        let loaded = reply::loaded(src.mocks, &js::load_mocks(MOCK_RUNTIME, src.mocks, seed).await);
        (loaded.map_err(|p| problems.push(p)).ok(), None)
    };
    let (Some(machine), Some(input), Some(loaded), true) = (machine, input, loaded, problems.is_empty()) else {
        return Err(Outcome::not_started(problems));
    };
    let options = RunOptions { execution, handler_keys: loaded.keys, test_case, ..RunOptions::default() };
    match Run::new(Rc::new(machine), input, options, loaded.setup.as_ref()) {
        Ok(mut run) => {
            // The user can answer before a token's deadline, or let the time pass.
            run.pause_before_deadlines();
            let journal = Journal {
                definition: src.definition.into(),
                input: src.input.into(),
                mocks: src.mocks.into(),
                test_case: src.test_case.map(Into::into),
                answers: Vec::new(),
            };
            Ok(Live { run, problems: Vec::new(), journal })
        }
        Err(e) => Err(Outcome::not_started(vec![Problem::at(Pane::Mocks, src.mocks, 0, 0, format!("setup(...): {e}"))])),
    }
}

impl Live {
    /// Drives the run until it ends, is stopped, or waits for callbacks. `stop` is checked between
    /// calls; `progress` is told, now and then, how many calls were answered, and which state's
    /// handler is slow to answer while one is.
    pub async fn drive(&mut self, stop: Rc<Cell<bool>>, progress: impl Fn(Progress) + Clone + 'static) -> (Outcome, Ending) {
        let mut host = PageMocks::new(&self.journal.mocks, &mut self.problems, stop, progress);
        let ending = drive(&mut self.run, &mut host).await;
        (self.outcome(ending), ending)
    }

    /// The run a journal kept, started again and driven to where it waited; `None` when it cannot
    /// start or no longer waits there (the texts' mocks answer otherwise than they did).
    pub async fn resume(journal: Journal) -> Option<(Live, Outcome)> {
        let sources = Sources {
            definition: &journal.definition,
            input: &journal.input,
            mocks: &journal.mocks,
            test_case: journal.test_case.as_deref(),
        };
        let mut live = start(sources).await.ok()?;
        let mut host = PageMocks::new(&live.journal.mocks, &mut live.problems, Rc::default(), |_| {});
        let ending = journal::replay(&mut live.run, &journal.answers, &mut host).await.ok()?;
        if ending != Ending::Waiting {
            return None;
        }
        live.journal = journal;
        let outcome = live.outcome(ending);
        Some((live, outcome))
    }

    /// What the run shows after driving ended as `ending`.
    fn outcome(&self, ending: Ending) -> Outcome {
        let mut problems = self.problems.clone();
        for note in self.run.notes() {
            let problem = reply::note(&self.journal.mocks, note);
            if !problems.contains(&problem) {
                problems.push(problem);
            }
        }
        let mut outcome = Outcome::of(self.run.execution(), ending, problems);
        // Spent tokens stay listed after the run ends: an answer to one gets AWS's error.
        if ending != Ending::Stopped {
            outcome.pending = callbacks::pending(&self.run);
        }
        outcome.services = callbacks::services(&self.run);
        outcome
    }

    /// Sends the user's answer for `token`; an answer taken goes into the journal.
    pub fn answer(&mut self, token: &str, answer: Answer) -> Result<(), ApiError> {
        callbacks::answer(&mut self.run, token, answer.clone())?;
        self.journal.answers.push((token.to_owned(), answer));
        Ok(())
    }

    /// How to bring this run back to where it is now.
    pub fn journal(&self) -> &Journal {
        &self.journal
    }
}

/// The user's mocks, answering calls from the sandbox.
struct PageMocks<'a, F> {
    mocks: &'a str,
    problems: &'a mut Vec<Problem>,
    stop: Rc<Cell<bool>>,
    progress: F,
    calls: u32,
    /// When `progress` was last told (`Date.now()`).
    told_at: f64,
    inputs: CallInputs,
}

impl<'a, F: Fn(Progress) + Clone + 'static> PageMocks<'a, F> {
    fn new(mocks: &'a str, problems: &'a mut Vec<Problem>, stop: Rc<Cell<bool>>, progress: F) -> Self {
        PageMocks { mocks, problems, stop, progress, calls: 0, told_at: js_sys::Date::now(), inputs: CallInputs::default() }
    }

    fn tell(&mut self, waiting_for: Option<Rc<str>>) {
        self.told_at = js_sys::Date::now();
        (self.progress)(Progress { calls: self.calls, waiting_for });
    }
}

impl<F: Fn(Progress) + Clone + 'static> Host for PageMocks<'_, F> {
    async fn call(&mut self, call: &HandlerCall) -> String {
        let said = Rc::new(Cell::new(false));
        let slow = {
            // The state's name is read only if the call turns out slow: most are not.
            let (progress, said, calls, context) = (self.progress.clone(), said.clone(), self.calls, call.context.clone());
            Timeout::new(SLOW_CALL_MS, move || {
                said.set(true);
                let state = context.get("stateName").and_then(Value::as_str).unwrap_or_default();
                progress(Progress { calls, waiting_for: Some(state.into()) });
            })
        };
        let text = js::call_mock(call, &mut self.inputs, MOCK_TIMEOUT_MS).await;
        drop(slow); // cancels it when the mock was quick
        self.calls += 1;
        if said.get() || js_sys::Date::now() - self.told_at >= PROGRESS_MS {
            self.tell(None);
        }
        // After Stop the sandbox cuts the call short: that is no problem of the mock's.
        if let Some(problem) = reply::thrown(self.mocks, &call.key, &text).filter(|_| !self.stop.get()) {
            if !self.problems.contains(&problem) {
                self.problems.push(problem);
            }
        }
        text
    }

    async fn turn(&mut self) {
        gloo_timers::future::TimeoutFuture::new(0).await;
    }

    fn stopped(&self) -> bool {
        self.stop.get()
    }
}
