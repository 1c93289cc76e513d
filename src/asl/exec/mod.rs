//! Running an execution as a deterministic step machine.
//!
//! The engine never blocks, sleeps, reads a clock or draws outside randomness. It emits task
//! requests and history events; the host answers tasks ([`Execution::complete_task`]) and moves
//! the virtual clock ([`Execution::advance_to`]). Parallel branches and Map iterations are frames
//! advanced in turn from one ready queue.

mod branches;
mod context;
mod driver;
mod frame;
mod frames;
mod finish;
mod chunked;
mod compact_history;
mod history;
mod items;
mod jsonata;
mod lifecycle;
mod map_runs;
mod payload;
mod pending;
mod recovery;
mod states;
mod task;
mod task_events;
mod variables;

use std::collections::{BTreeMap, VecDeque};
use std::rc::Rc;

use crate::asl::definition::{self, StateMachine};
use crate::asl::error::{names, Failure};
use crate::asl::json::Value;
use crate::asl::random::Random;
use frame::{Frame, FrameId, InState, Wake};
use frames::Frames;
pub use finish::merge as apply_result_path;
pub use compact_history::History;
pub use map_runs::{ChildId, ChildRun, ChildStatus};
pub use history::{ActivityScheduled, EvaluationFailed, Event, EventKind, LambdaFunctionScheduled, TaskError, TaskOutput, TaskScheduled};
pub use crate::asl::resource::{Pattern, Resource};
pub use payload::MAX_PAYLOAD_BYTES;

/// How many records of a state left (see [`frame::InState`]) an execution keeps for the next states
/// entered: frames mostly enter one as they leave another, so a few suffice.
const SPARE_RECORDS: usize = 8;

/// The pseudo-frame of execution-wide timers.
const EXECUTION: FrameId = FrameId::MAX;

/// AWS stops an execution whose history reaches this many events.
pub const MAX_HISTORY_EVENTS: usize = 25_000;

/// How many times the history limit the child executions of distributed Map states may run
/// (their events are kept apart from the history): a map run over 100,000 items of a few states fits.
const CHILD_EVENTS_FACTOR: usize = 40;

/// How to start an execution.
#[derive(Clone, Debug)]
pub struct ExecutionOptions {
    /// Seed of all randomness (jitter, task tokens, `States.UUID`, …).
    pub seed: u64,
    /// Virtual start time, milliseconds since the epoch.
    pub start_time_ms: i64,
    /// Execution name.
    pub name: String,
    /// State machine name.
    pub state_machine_name: String,
    /// Region in ARNs.
    pub region: String,
    /// Account id in ARNs.
    pub account: String,
    /// The history length at which the execution fails: AWS's quota, [`MAX_HISTORY_EVENTS`]
    /// (benchmarks of long loops raise it).
    pub max_history_events: usize,
    /// The name the activity worker gives when it takes a task (`ActivityStarted`'s `workerName`).
    pub activity_worker: String,
    /// The longest JSON text a state may pass on or a task take or return: AWS's quota,
    /// [`MAX_PAYLOAD_BYTES`] (benchmarks of large documents raise it, as the peer has none).
    pub max_payload_bytes: usize,
}

impl Default for ExecutionOptions {
    fn default() -> Self {
        ExecutionOptions {
            seed: 0,
            start_time_ms: 1_700_000_000_000,
            name: "execution".into(),
            state_machine_name: "StateMachine".into(),
            region: "us-east-1".into(),
            account: "111111111111".into(),
            max_history_events: MAX_HISTORY_EVENTS,
            activity_worker: "aslplay".into(),
            max_payload_bytes: MAX_PAYLOAD_BYTES,
        }
    }
}

/// Where an execution stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    /// Still going (maybe waiting for tasks or timers).
    Running,
    /// Ended with this output.
    Succeeded(Value),
    /// Ended with this error.
    Failed(Failure),
    /// Ran past the machine's TimeoutSeconds.
    TimedOut(Failure),
}

impl Status {
    /// AWS's status word: `RUNNING`, `SUCCEEDED`, `FAILED`, `TIMED_OUT`.
    pub fn word(&self) -> &'static str {
        match self {
            Status::Running => "RUNNING",
            Status::Succeeded(_) => "SUCCEEDED",
            Status::Failed(_) => "FAILED",
            Status::TimedOut(_) => "TIMED_OUT",
        }
    }
}

/// A task the host must run.
#[derive(Clone, Debug, PartialEq)]
pub struct TaskRequest {
    /// Answer with this id.
    pub id: u64,
    /// The Task state's name.
    pub state_name: Rc<str>,
    /// Its `Resource` ARN.
    pub resource: Rc<str>,
    /// The effective input (after InputPath and Parameters).
    pub input: Value,
    /// The task token, for `.waitForTaskToken` integrations.
    pub token: Option<Rc<str>>,
    /// 0 on the first attempt, then 1, 2… on retries.
    pub attempt: u64,
    /// TimeoutSeconds, if any.
    pub timeout_seconds: Option<u64>,
    /// HeartbeatSeconds, if any.
    pub heartbeat_seconds: Option<u64>,
}

/// Why the host's answer was not taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HostError {
    /// No task with that id or token is waiting (finished, timed out, or never issued).
    NotPending,
}

struct PendingTask {
    frame: FrameId,
    token: Option<Rc<str>>,
    /// HeartbeatSeconds, if the task must send heartbeats.
    heartbeat: Option<u64>,
    /// Heartbeats received so far.
    beats: u64,
}

/// One execution of a state machine.
pub struct Execution {
    machine: Rc<StateMachine>,
    options: ExecutionOptions,
    input: Value,
    now: i64,
    random: Random,
    history: History,
    frames: Frames,
    next_frame: FrameId,
    ready: VecDeque<(FrameId, Wake)>,
    timers: BTreeMap<(i64, u64), (FrameId, Wake)>,
    next_timer: u64,
    tasks: pending::Pending<PendingTask>,
    next_task: u64,
    requests: Vec<TaskRequest>,
    status: Status,
    /// The child execution recording the events of the frame taking the current step (see
    /// [`Frame::child`]).
    child: Option<map_runs::ChildId>,
    /// Events of child executions so far (see [`Execution::count_child_event`]).
    child_events: usize,
    /// The child executions of distributed Map states.
    map_runs: map_runs::MapRuns,
    /// The parts of `$$` that never change (see [`context::base`]).
    context_base: crate::asl::json::Map,
    /// Records of states left, for the next ones entered (at most [`SPARE_RECORDS`]); boxed as a
    /// frame holds them, so that they move in and out without being boxed again.
    #[allow(clippy::vec_box)]
    spare: Vec<Box<InState>>,
}

impl Execution {
    /// Starts an execution: records ExecutionStarted and readies the StartAt state.
    pub fn start(machine: Rc<StateMachine>, input: Value, options: ExecutionOptions) -> Execution {
        let mut ex = Execution {
            random: Random::new(options.seed),
            now: options.start_time_ms,
            input: input.clone(),
            machine: machine.clone(),
            options,
            history: History::default(),
            frames: Frames::default(),
            next_frame: 0,
            ready: VecDeque::new(),
            timers: BTreeMap::new(),
            next_timer: 0,
            tasks: Default::default(),
            next_task: 1,
            requests: Vec::new(),
            status: Status::Running,
            child: None,
            child_events: 0,
            map_runs: Default::default(),
            context_base: Default::default(),
            spare: Vec::new(),
        };
        ex.context_base = context::base(&ex);
        let role_arn = Rc::from(ex.role_arn());
        ex.emit(0, EventKind::ExecutionStarted { input: input.clone(), role_arn });
        // AWS refuses to start an execution with a larger input; here it fails at once.
        if let Err(failure) = payload::check(&input, ex.options.max_payload_bytes, || "The execution was started with an input".into()) {
            ex.finish(1, Err(failure));
            return ex;
        }
        if let Some(seconds) = machine.timeout_seconds {
            ex.schedule_execution_timeout(seconds);
        }
        let top = ex.spawn(Frame::new(machine, None, input, 0, Default::default()));
        ex.ready.push_back((top, Wake::Enter));
        ex
    }

    /// Advances until every frame waits for a task, a timer or nothing; returns the task requests
    /// issued since the last call.
    pub fn run(&mut self) -> Vec<TaskRequest> {
        self.advance();
        std::mem::take(&mut self.requests)
    }

    /// Takes steps until none is ready, gathering task requests in `requests`.
    fn advance(&mut self) {
        while matches!(self.status, Status::Running) {
            let Some((frame, wake)) = self.ready.pop_front() else { break };
            if frame == EXECUTION {
                self.child = None;
                self.step(frame, wake);
            } else if let Some(f) = self.frames.get(&frame) {
                self.child = f.child;
                self.step(frame, wake);
            }
        }
    }

    /// Answers task `id` (a result, or a failure with error and cause).
    pub fn complete_task(&mut self, id: u64, outcome: Result<Value, Failure>) -> Result<(), HostError> {
        let pending = self.tasks.remove(id).ok_or(HostError::NotPending)?;
        // A pending task's frame is in the task's state until the answer's step.
        if let Some(record) = self.frames.get_mut(&pending.frame).and_then(|f| f.in_state.as_mut()) {
            record.answer = Some(outcome);
            self.ready.push_back((pending.frame, Wake::TaskDone));
        }
        Ok(())
    }

    /// Answers the task waiting on `token` (SendTaskSuccess / SendTaskFailure).
    pub fn complete_token(&mut self, token: &str, outcome: Result<Value, Failure>) -> Result<(), HostError> {
        let id = self.task_for_token(token).ok_or(HostError::NotPending)?;
        self.complete_task(id, outcome)
    }

    /// Records that the service accepted task `id`'s request (`TaskSubmitted`, for `.sync` and
    /// `.waitForTaskToken` integrations, with the service's response); the task goes on waiting.
    pub fn submit_task(&mut self, id: u64, response: Value) -> Result<(), HostError> {
        let frame = self.tasks.get(id).ok_or(HostError::NotPending)?.frame;
        let machine = self.machine_of(frame).ok_or(HostError::NotPending)?;
        let state_index = self.frames.get(&frame).ok_or(HostError::NotPending)?.state;
        let definition::Kind::Task(task) = &machine.states[state_index].kind else { return Err(HostError::NotPending) };
        let Some(event) = task_events::submitted(&task.kind, response) else { return Ok(()) };
        let previous = self.frames.get(&frame).map_or(0, |f| f.last);
        self.child = self.frames.get(&frame).and_then(|f| f.child);
        let last = self.emit(previous, event);
        if let Some(f) = self.frames.get_mut(&frame) {
            f.last = last;
        }
        Ok(())
    }

    /// SendTaskHeartbeat: the task waiting on `token` is alive; its HeartbeatSeconds start again.
    pub fn send_task_heartbeat(&mut self, token: &str) -> Result<(), HostError> {
        let id = self.task_for_token(token).ok_or(HostError::NotPending)?;
        let task = self.tasks.get_mut(id).ok_or(HostError::NotPending)?;
        task.beats += 1;
        let (frame, beats, seconds) = (task.frame, task.beats, task.heartbeat);
        if let Some(seconds) = seconds {
            // The superseded heartbeat timer goes: a host that lets time pass only up to the next
            // timer must not see the clock move for nothing.
            self.timers.retain(|_, (_, wake)| !matches!(wake, Wake::HeartbeatDue(task, _) if *task == id));
            let at = self.now.saturating_add((seconds as i64).saturating_mul(1000));
            self.set_timer(at, frame, Wake::HeartbeatDue(id, beats));
        }
        Ok(())
    }

    /// The context object (`$$`) as the pending task `id` sees it (built on demand: most hosts
    /// never ask).
    pub fn task_context(&self, id: u64) -> Option<Value> {
        let frame = self.tasks.get(id)?.frame;
        Some(self.context(frame))
    }

    /// The id of the task waiting on `token`.
    pub fn task_for_token(&self, token: &str) -> Option<u64> {
        self.tasks.iter().find(|(_, t)| t.token.as_deref() == Some(token)).map(|(id, _)| id)
    }

    /// Ids of the tasks issued and not yet answered.
    pub fn pending_tasks(&self) -> Vec<u64> {
        self.tasks.iter().map(|(id, _)| id).collect()
    }

    /// The virtual time of the next timer (Wait, Retry interval, timeouts), if any.
    pub fn next_timer(&self) -> Option<i64> {
        self.timers.keys().next().map(|(t, _)| *t)
    }

    /// Moves the virtual clock to `time_ms` (never backwards), firing the timers due by then.
    pub fn advance_to(&mut self, time_ms: i64) {
        self.now = self.now.max(time_ms);
        while let Some(entry) = self.timers.first_entry() {
            if entry.key().0 > self.now {
                break;
            }
            let (frame, wake) = entry.remove();
            self.ready.push_back((frame, wake));
        }
    }

    /// The state machine being run.
    pub fn machine(&self) -> &Rc<StateMachine> {
        &self.machine
    }

    /// The virtual time now.
    pub fn now(&self) -> i64 {
        self.now
    }

    /// Where the execution stands.
    pub fn status(&self) -> &Status {
        &self.status
    }

    /// The events so far.
    pub fn history(&self) -> &History {
        &self.history
    }

    /// The child executions of its distributed Map states so far, in the order they started.
    pub fn child_runs(&self) -> &[ChildRun] {
        self.map_runs.all()
    }

    /// The history of child execution `k` (of [`Execution::child_runs`]) in AWS's
    /// GetExecutionHistory shape.
    pub fn child_history_json(&self, k: usize) -> serde_json::Value {
        aws_history(self.map_runs.history(k))
    }

    /// The history in AWS's GetExecutionHistory shape: `{"events": [...]}`.
    pub fn history_json(&self) -> serde_json::Value {
        aws_history(self.history.iter())
    }

    /// The execution's ARN.
    pub fn execution_arn(&self) -> String {
        format!(
            "arn:aws:states:{}:{}:execution:{}:{}",
            self.options.region, self.options.account, self.options.state_machine_name, self.options.name
        )
    }

    fn role_arn(&self) -> String {
        format!("arn:aws:iam::{}:role/StepFunctionsRole", self.options.account)
    }

    fn spawn(&mut self, frame: Frame) -> FrameId {
        let id = self.next_frame;
        self.next_frame += 1;
        self.frames.insert(id, Box::new(frame));
        id
    }

    /// Records an event after `previous`; returns its id. A history that reaches AWS's limit ends the
    /// execution as AWS does. Nothing is recorded after the event that ends the execution (the step
    /// that reached the limit may still be finishing its state).
    fn emit(&mut self, previous: u64, kind: EventKind) -> u64 {
        if !matches!(self.status, Status::Running) {
            return previous;
        }
        if let Some(k) = self.child {
            self.count_child_event();
            if !matches!(self.status, Status::Running) {
                return previous;
            }
            return self.map_runs.record(k, previous, self.now, kind);
        }
        let ends = matches!(kind, EventKind::ExecutionSucceeded { .. } | EventKind::ExecutionFailed { .. } | EventKind::ExecutionTimedOut { .. });
        let id = self.history.push(previous, self.now, kind);
        let limit = self.options.max_history_events;
        if self.history.len() + 1 == limit && !ends {
            let failure = Failure::new(names::RUNTIME, format!("The execution reached the maximum number of history events ({limit})."));
            self.finish(id, Err(failure));
        }
        id
    }

    /// The child executions of distributed Map states record their events apart, yet their work must
    /// be bounded too, or an endless loop in one would never end: past [`CHILD_EVENTS_FACTOR`] times
    /// the history limit, the execution fails.
    fn count_child_event(&mut self) {
        self.child_events += 1;
        let limit = self.options.max_history_events.saturating_mul(CHILD_EVENTS_FACTOR);
        if self.child_events > limit {
            let cause = format!("The child executions of distributed Map states went past {limit} events, the most an execution may run.");
            let last = self.history.len() as u64;
            self.finish(last, Err(Failure::new(names::RUNTIME, cause)));
        }
    }

    fn set_timer(&mut self, at: i64, frame: FrameId, wake: Wake) {
        self.next_timer += 1;
        self.timers.insert((at, self.next_timer), (frame, wake));
    }

    fn schedule_execution_timeout(&mut self, seconds: u64) {
        let at = self.now.saturating_add(seconds.saturating_mul(1000) as i64);
        self.set_timer(at, EXECUTION, Wake::ExecutionTimedOut);
    }

    /// Ends the execution (top frame done, or a fatal error).
    fn finish(&mut self, last: u64, result: Result<Value, Failure>) {
        if !matches!(self.status, Status::Running) {
            return;
        }
        self.child = None;
        self.status = match result {
            Ok(output) => {
                self.emit(last, EventKind::ExecutionSucceeded { output: output.clone() });
                Status::Succeeded(output)
            }
            Err(failure) => {
                self.emit(last, EventKind::ExecutionFailed {
                    error: (!failure.error.is_empty()).then(|| Rc::from(failure.error.as_str())),
                    cause: failure.cause.as_deref().map(Rc::from),
                });
                Status::Failed(failure)
            }
        };
        self.stop_everything();
    }

    fn time_out(&mut self) {
        self.child = None;
        let failure = Failure { error: names::TIMEOUT.into(), cause: None };
        let last = self.history.len() as u64;
        self.emit(last, EventKind::ExecutionTimedOut { error: Some(Rc::from(names::TIMEOUT)), cause: None });
        self.status = Status::TimedOut(failure);
        self.stop_everything();
    }

    fn stop_everything(&mut self) {
        for frame in self.map_runs.running() {
            let last = self.frames.get(&frame).map_or(0, |f| f.last);
            self.map_runs.end(frame, self.now, last, || ChildStatus::Aborted);
        }
        self.frames.clear();
        self.ready.clear();
        self.timers.clear();
        self.tasks.clear();
    }
}

/// Events in AWS's GetExecutionHistory shape: `{"events": [...]}`.
fn aws_history<'a>(events: impl Iterator<Item = Event<'a>>) -> serde_json::Value {
    serde_json::json!({ "events": events.map(|e| e.to_aws_json()).collect::<Vec<_>>() })
}

#[cfg(test)]
mod tests;
