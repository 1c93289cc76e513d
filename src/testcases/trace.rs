//! What a finished run shows, read from its history: how it ended, the states it went through and
//! the transitions between them, the retries and the caught errors, the variables assigned. Tests and
//! graded exercises ask their questions of a trace.

use std::collections::HashMap;
use std::rc::Rc;

use indexmap::IndexMap;
use serde::Serialize;

use crate::asl::definition::{Kind, StateMachine};
use crate::asl::exec::{Event, EventKind, History, Status};
use crate::asl::json::Value;
use crate::integrations::Run;

/// A finished (or stuck) run.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Trace {
    /// `SUCCEEDED`, `FAILED`, `TIMED_OUT`, or `RUNNING` when it waits for something nothing brings.
    pub status: String,
    /// The output, when it succeeded.
    pub output: Option<Value>,
    /// The error and cause, when it failed or timed out.
    pub error: Option<String>,
    pub cause: Option<String>,
    /// Every state entered, in the order of the history (branches and inline Map iterations included).
    pub path: Vec<String>,
    /// Every transition taken from one state to the next.
    pub transitions: Vec<Transition>,
    /// Every retry: the state attempted again, and the error that made it.
    pub retries: Vec<Incident>,
    /// Every failure a Catch handled: the state that failed, and the error.
    pub caught: Vec<Incident>,
    /// The workflow variables, with the value each was last assigned.
    pub variables: IndexMap<String, Value>,
    /// Each state's output when it was last left.
    pub outputs: IndexMap<String, Value>,
    /// Virtual milliseconds from the start to the last event.
    pub elapsed_ms: i64,
    /// The Task states still waiting for a task token, when the run is stuck.
    pub waiting: Vec<String>,
    /// Remarks about the mocks (a handler's mistake, a callback AWS refused).
    pub notes: Vec<String>,
    /// The history in AWS's GetExecutionHistory shape: `{"events": [...]}`.
    pub history: serde_json::Value,
}

/// A transition taken.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Transition {
    pub from: String,
    pub to: String,
    /// Taken through a Catch, after the state failed.
    pub caught: bool,
}

/// A retry or a caught failure.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Incident {
    /// The state that failed.
    pub state: String,
    /// The error, when the history names it.
    pub error: Option<String>,
}

impl Trace {
    /// The trace of `run`'s top execution.
    pub fn of(run: &Run) -> Trace {
        let ex = run.execution();
        let (status, output, error, cause) = match ex.status() {
            Status::Succeeded(output) => ("SUCCEEDED", Some(output.clone()), None, None),
            Status::Failed(f) | Status::TimedOut(f) => (ex.status().word(), None, (!f.error.is_empty()).then(|| f.error.clone()), f.cause.clone()),
            Status::Running => ("RUNNING", None, None, None),
        };
        let events = ex.history();
        let mut trace = Trace {
            status: status.to_string(),
            output,
            error,
            cause,
            path: Vec::new(),
            transitions: Vec::new(),
            retries: Vec::new(),
            caught: Vec::new(),
            variables: IndexMap::new(),
            outputs: IndexMap::new(),
            elapsed_ms: events.last().zip(events.first()).map_or(0, |(last, first)| last.timestamp - first.timestamp),
            waiting: run.pending_tokens().into_iter().filter(|p| p.execution == 0).map(|p| p.state).collect(),
            notes: run.notes().iter().map(|n| n.message.clone()).collect(),
            history: ex.history_json(),
        };
        trace.read(events, &Containers::of(ex.machine()));
        trace
    }

    /// Whether the run entered `state`.
    pub fn visited(&self, state: &str) -> bool {
        self.path.iter().any(|s| s == state)
    }

    fn read(&mut self, events: &History, containers: &Containers) {
        let at = |id: u64| id.checked_sub(1).and_then(|i| events.get(i as usize));
        let mut owner: Vec<Option<Rc<str>>> = Vec::with_capacity(events.len());
        for event in events {
            let previous = at(event.previous_event_id);
            let inherited = event.previous_event_id.checked_sub(1).and_then(|i| owner.get(i as usize).cloned().flatten());
            let own = match &event.kind {
                EventKind::StateEntered { name, .. } | EventKind::StateExited { name, .. } | EventKind::StateAborted { name, .. } => Some(name.clone()),
                _ => inherited.clone(),
            };
            owner.push(own);
            match &event.kind {
                EventKind::StateEntered { name, .. } => {
                    self.path.push(name.to_string());
                    if let Some(Event { kind: EventKind::StateExited { name: from, .. }, previous_event_id, .. }) = previous {
                        let caught = at(previous_event_id).is_some_and(|e| is_failure(e.kind));
                        self.transitions.push(Transition { from: from.to_string(), to: name.to_string(), caught });
                    }
                }
                EventKind::StateExited { name, output, assigned, .. } => {
                    self.outputs.insert(name.to_string(), output.clone());
                    for (variable, value) in assigned.as_deref().and_then(Value::as_object).into_iter().flatten() {
                        self.variables.insert(variable.to_string(), value.clone());
                    }
                    if previous.is_some_and(|e| is_failure(e.kind)) {
                        self.caught.push(Incident { state: name.to_string(), error: error_near(events, event.previous_event_id) });
                    }
                }
                kind if is_attempt(kind) && previous.is_some_and(|e| is_failure(e.kind)) => {
                    let failed = previous.map(|e| e.kind);
                    let state = containers.attempted(kind, inherited.as_deref(), failed);
                    if let Some(state) = state {
                        self.retries.push(Incident { state, error: error_near(events, event.previous_event_id) });
                    }
                }
                _ => {}
            }
        }
    }
}

/// Events that start an attempt of a state (a retry starts another).
fn is_attempt(kind: &EventKind) -> bool {
    use EventKind::*;
    matches!(kind, LambdaFunctionScheduled(_) | TaskScheduled(_) | ActivityScheduled(_) | ParallelStateStarted | MapStateStarted { .. })
}

/// Events that report a failure.
fn is_failure(kind: &EventKind) -> bool {
    failure_error(kind).is_some()
}

/// A failure event's error (`Some("")` when it names none); `None` for other events.
fn failure_error(kind: &EventKind) -> Option<&str> {
    use EventKind::*;
    match kind {
        TaskFailed(failed) | TaskTimedOut(failed) => Some(failed.error.as_deref().unwrap_or("")),
        LambdaFunctionFailed { error, .. }
        | LambdaFunctionTimedOut { error, .. }
        | ActivityFailed { error, .. }
        | ActivityTimedOut { error, .. } => Some(error.as_deref().unwrap_or("")),
        EvaluationFailed(failed) => Some(&failed.error),
        ParallelStateFailed | MapStateFailed | MapRunFailed | MapIterationFailed { .. } => Some(""),
        _ => None,
    }
}

/// The error of failure event `id`, or of the failure it follows from (a Parallel fails after a branch).
fn error_near(events: &History, mut id: u64) -> Option<String> {
    while let Some(event) = id.checked_sub(1).and_then(|i| events.get(i as usize)) {
        match failure_error(event.kind) {
            Some("") => id = event.previous_event_id,
            Some(error) => return Some(error.to_string()),
            None => return None,
        }
    }
    None
}

/// Which Parallel or Map state holds each state, to tell whose retry a `…StateStarted` event is.
struct Containers {
    parent: HashMap<String, String>,
    kind: HashMap<String, &'static str>,
}

impl Containers {
    fn of(machine: &StateMachine) -> Containers {
        let mut containers = Containers { parent: HashMap::new(), kind: HashMap::new() };
        containers.add(machine, None);
        containers
    }

    fn add(&mut self, machine: &StateMachine, parent: Option<&str>) {
        for state in &machine.states {
            self.kind.insert(state.name.to_string(), state.type_name());
            if let Some(parent) = parent {
                self.parent.insert(state.name.to_string(), parent.to_string());
            }
            match &state.kind {
                Kind::Parallel(p) => p.branches.iter().for_each(|b| self.add(b, Some(&state.name))),
                Kind::Map(m) => self.add(&m.processor, Some(&state.name)),
                _ => {}
            }
        }
    }

    /// The state an attempt event starts again, given the state its failed predecessor belongs to.
    fn attempted(&self, attempt: &EventKind, failed_in: Option<&str>, failed: Option<&EventKind>) -> Option<String> {
        let wanted = match attempt {
            EventKind::ParallelStateStarted => "Parallel",
            EventKind::MapStateStarted { .. } => "Map",
            _ => return failed_in.map(str::to_string),
        };
        // The container's own failure event belongs to it; any other failure came from inside it.
        let own_failure = matches!(failed, Some(EventKind::ParallelStateFailed | EventKind::MapStateFailed));
        let mut state = failed_in?;
        if !(own_failure && self.kind.get(state) == Some(&wanted)) {
            loop {
                state = self.parent.get(state)?;
                if self.kind.get(state) == Some(&wanted) {
                    break;
                }
            }
        }
        Some(state.to_string())
    }
}
