//! The per-execution driver every host uses (the page, the CLI, tests): it runs the engine, gives
//! each Task to a static mock, a mock handler or a built-in service, shapes the answers as AWS does,
//! keeps the virtual clock, and starts the executions `StartExecution` asks for.
//!
//! The driver never calls JavaScript itself. [`Run::poll`] hands the host one handler call at a
//! time; the host runs it (in a worker, or in an embedded engine) and answers with [`Run::reply`].
//! Virtual time only moves while no call is outstanding, so a run is the same on every host.

mod agenda;
mod answer;
mod callbacks;
mod children;
mod deadlines;
mod dispatch;

use std::collections::VecDeque;
use std::rc::Rc;

use rustc_hash::FxHashMap;

use crate::asl::definition::StateMachine;
use crate::asl::exec::{Execution, ExecutionOptions, Status, TaskRequest};
use crate::asl::json::Value;
use crate::asl::mockconfig::TestCase;
use crate::integrations::handler::{HandlerCall, HandlerReply};
use crate::integrations::services::{sfn, Services};
use crate::integrations::target::Target;
use crate::integrations::workspace::Workspace;
use agenda::{Agenda, TaskRef};
pub use callbacks::{ApiError, PendingToken};
pub use deadlines::Deadlines;

/// How long a Batch job runs when no handler plays it, in virtual milliseconds.
pub const DEFAULT_JOB_MS: i64 = 60_000;

/// How to start a run.
#[derive(Clone, Debug, Default)]
pub struct RunOptions {
    /// The top execution's options (seed, start time, names).
    pub execution: ExecutionOptions,
    /// The keys the mock file registered handlers under.
    pub handler_keys: Vec<String>,
    /// A static mock test case for the top state machine.
    pub test_case: Option<TestCase>,
    /// The definitions `StartExecution` can start.
    pub workspace: Workspace,
}

/// What the host must do next.
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    /// Call this handler and answer with [`Run::reply`].
    Call(HandlerCall),
    /// The top execution has ended.
    Finished,
    /// The top execution waits for something only the user can do: complete a task token, or
    /// (after [`Run::pause_before_deadlines`]) send a heartbeat or let virtual time pass to a
    /// token's deadline ([`Run::advance_clock`]).
    Waiting,
}

/// A remark for the user about the mocks: a handler's mistake, a callback AWS refused.
#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    /// What happened.
    pub message: String,
    /// Where in the mock file, when known.
    pub line: Option<u32>,
    /// Column there.
    pub column: Option<u32>,
}

/// One execution of the run: the top one, or one a Task started.
pub struct Child {
    /// The execution.
    pub execution: Execution,
    /// How `.sync` describes it.
    pub described: sfn::Described,
    /// The `.sync` task waiting for it to end (and whether it is `.sync:2`), until it is told.
    waiting_parent: Option<(TaskRef, bool)>,
}

/// A handler call to make, and what its answer is for.
#[derive(Clone, Debug)]
struct Queued {
    task: TaskRef,
    request: TaskRequest,
    target: Target,
    key: String,
    payload: Value,
    purpose: Purpose,
}

/// What a handler's answer decides.
#[derive(Clone, Debug, PartialEq)]
enum Purpose {
    /// The Task's result.
    Task,
    /// The callback of a `.waitForTaskToken` Task (`undefined`: no callback yet).
    Callback,
    /// The run of Batch job `job`.
    Job(String),
    /// A `.sync` execution the handler plays.
    Execution(sfn::Described, bool),
}

/// A run: executions, services, mocks and the virtual clock.
pub struct Run {
    children: Vec<Child>,
    services: Services,
    keys: Vec<String>,
    test_case: Option<TestCase>,
    workspace: Workspace,
    options: ExecutionOptions,
    now: i64,
    agenda: Agenda,
    queue: VecDeque<Queued>,
    in_flight: Option<(HandlerCall, Queued)>,
    next_call: u64,
    calls: FxHashMap<(usize, Rc<str>), u64>,
    tokens: FxHashMap<String, String>,
    deadlines: FxHashMap<String, Deadlines>,
    /// Whether to wait before a token's deadline (see [`Run::pause_before_deadlines`]).
    pause: bool,
    notes: Vec<Note>,
}

impl Run {
    /// Starts a run of `machine` with `input`; `setup` seeds the services (see [`Services::seed`]).
    pub fn new(machine: Rc<StateMachine>, input: Value, options: RunOptions, setup: Option<&Value>) -> Result<Run, String> {
        let RunOptions { execution, handler_keys, test_case, mut workspace } = options;
        let mut services = Services::new(execution.seed, &execution.region, &execution.account);
        if let Some(setup) = setup {
            services.seed(setup)?;
        }
        if workspace.find(&execution.state_machine_name).is_none() {
            workspace.add(&execution.state_machine_name, machine.clone());
        }
        let described = sfn::Described {
            execution_arn: String::new(),
            state_machine_arn: machine_arn(&execution, &execution.state_machine_name),
            name: execution.name.clone(),
            input: input.clone(),
            start_ms: execution.start_time_ms,
        };
        let top = Execution::start(machine, input, execution.clone());
        let described = sfn::Described { execution_arn: top.execution_arn(), ..described };
        Ok(Run {
            children: vec![Child { execution: top, described, waiting_parent: None }],
            services,
            keys: handler_keys,
            test_case,
            workspace,
            now: execution.start_time_ms,
            options: execution,
            agenda: Agenda::default(),
            queue: VecDeque::new(),
            in_flight: None,
            next_call: 1,
            calls: FxHashMap::default(),
            tokens: FxHashMap::default(),
            deadlines: FxHashMap::default(),
            pause: false,
            notes: Vec::new(),
        })
    }

    /// Advances the run until a handler must be called, the top execution ends, or it waits for the user.
    pub fn poll(&mut self) -> Step {
        loop {
            if let Some((call, _)) = &self.in_flight {
                return Step::Call(call.clone());
            }
            let mut progressed = false;
            let mut i = 0;
            while i < self.children.len() {
                for request in self.children[i].execution.run() {
                    progressed = true;
                    self.dispatch(i, request);
                }
                i += 1;
            }
            progressed |= self.report_children();
            if *self.execution().status() != Status::Running {
                self.flush_callbacks();
                return Step::Finished;
            }
            if let Some(queued) = self.queue.pop_front() {
                let call = self.make_call(&queued);
                self.in_flight = Some((call.clone(), queued));
                return Step::Call(call);
            }
            if progressed {
                continue;
            }
            if let Some(due) = self.agenda.take_due(self.now) {
                self.deliver(due);
                continue;
            }
            // The clock does not run past a token's deadline by itself: the user answers first,
            // or lets the time pass.
            let next = self.next_time();
            if next.is_none() || self.pause && self.next_token_deadline().is_some_and(|d| next.is_some_and(|n| d <= n)) {
                return Step::Waiting;
            }
            self.advance_clock();
        }
    }

    /// The virtual time of the next timer of a running execution or the next due item.
    fn next_time(&self) -> Option<i64> {
        let timers = self.children.iter().filter(|c| *c.execution.status() == Status::Running).filter_map(|c| c.execution.next_timer());
        timers.chain(self.agenda.next()).min()
    }

    /// Answers the handler call `id` that [`Run::poll`] handed out.
    pub fn reply(&mut self, id: u64, reply: HandlerReply) -> Result<(), String> {
        match self.in_flight.take() {
            Some((call, queued)) if call.id == id => {
                self.answer(queued, reply);
                Ok(())
            }
            other => {
                self.in_flight = other;
                Err(format!("no handler call {id} is waiting for an answer"))
            }
        }
    }

    /// Answers the outstanding handler call with a reply the host could not produce as JSON; the
    /// Task fails with `States.TaskFailed` naming the problem.
    pub fn reply_malformed(&mut self, id: u64, problem: &str) -> Result<(), String> {
        let reply = HandlerReply {
            outcome: crate::integrations::handler::Outcome::NotJson(crate::integrations::handler::Located { message: problem.to_string(), line: None, column: None }),
            elapsed_ms: 0,
            effects: Vec::new(),
            store: Vec::new(),
        };
        self.reply(id, reply)
    }

    /// The top execution.
    pub fn execution(&self) -> &Execution {
        &self.children[0].execution
    }

    /// Every execution of the run, the top one first, then those Tasks started.
    pub fn executions(&self) -> impl Iterator<Item = &Child> {
        self.children.iter()
    }

    /// The services' state: outbox, queues, tables, jobs, store.
    pub fn services(&self) -> &Services {
        &self.services
    }

    /// Remarks about the mocks, in the order they arose.
    pub fn notes(&self) -> &[Note] {
        &self.notes
    }

    /// Virtual time now, milliseconds since the epoch.
    pub fn now(&self) -> i64 {
        self.now
    }

    fn make_call(&mut self, queued: &Queued) -> HandlerCall {
        let id = self.next_call;
        self.next_call += 1;
        let r = &queued.request;
        let count = self.calls.get(&(queued.task.exec, r.state_name.clone())).copied().unwrap_or(1);
        let mut context = vec![
            ("stateName", Value::String(r.state_name.clone())),
            ("resource", Value::String(r.resource.clone())),
            ("attempt", Value::int(r.attempt as i64 + 1)),
            ("call", Value::int(count as i64)),
        ];
        context.extend(r.token.as_ref().map(|t| ("taskToken", Value::String(t.clone()))));
        context.extend(crate::integrations::target::function_name(&r.resource, &r.input).map(|f| ("functionName", Value::from(f))));
        let dollars = self.children.get(queued.task.exec).and_then(|c| c.execution.task_context(r.id)).unwrap_or_default();
        context.push(("$$", dollars));
        context.push(("store", self.services.store.snapshot()));
        HandlerCall { id, key: queued.key.clone(), input: queued.payload.clone(), context: Value::from_pairs(context) }
    }

    fn note(&mut self, message: String, line: Option<u32>, column: Option<u32>) {
        self.notes.push(Note { message, line, column });
    }
}

/// A state machine's ARN in the run's region and account.
fn machine_arn(options: &ExecutionOptions, name: &str) -> String {
    format!("arn:aws:states:{}:{}:stateMachine:{name}", options.region, options.account)
}
