//! The life of a state in a frame: enter, process input, act, process output, exit and move on;
//! and the end of a frame, reported to its parent or ending the execution.

use std::rc::Rc;

use super::frame::{ChildEnded, FrameId, Wake};
use super::SPARE_RECORDS;
use super::{ChildStatus, EventKind, Execution};
use crate::asl::definition::{Kind, QueryLanguage, State, StateMachine};
use super::variables::VarScope;
use crate::asl::error::Failure;
use crate::asl::json::Value;
use crate::asl::path::{Path, Scope};

impl Execution {
    /// Takes one step of frame `id`.
    pub(super) fn step(&mut self, id: FrameId, wake: Wake) {
        match wake {
            Wake::Enter => self.enter(id),
            Wake::TaskStarted => self.task_started(id),
            Wake::TaskDone => self.task_done(id),
            Wake::TaskTimedOut(task, error) => self.task_timed_out(id, task, error),
            Wake::HeartbeatDue(task, beats) => self.heartbeat_due(id, task, beats),
            Wake::ExecutionTimedOut => self.time_out(),
            Wake::WaitOver => self.wait_over(id),
            Wake::Retry => self.attempt(id),
            Wake::ChildSucceeded { child, index, last } => self.child_done(id, ChildEnded { child, index, result: Ok(()), last, aborted: None }),
            Wake::ChildFailed(ended) => self.child_done(id, *ended),
        }
    }

    /// The machine of frame `id` (shared), so a state can be read while the frame changes.
    pub(super) fn machine_of(&self, id: FrameId) -> Option<Rc<StateMachine>> {
        self.frames.get(&id).map(|f| f.machine.clone())
    }

    fn enter(&mut self, id: FrameId) {
        let Some(machine) = self.machine_of(id) else { return };
        let Some(frame) = self.frames.get_mut(&id) else { return };
        let state = &machine.states[frame.state];
        let (previous, input) = (frame.last, frame.input.clone());
        // A state left earlier gave its record back to be used again (see `transition`).
        let mut record = self.spare.pop().unwrap_or_default();
        record.entered_at = self.now;
        record.retries_used.resize(retriers_of(state), 0);
        frame.in_state = Some(record);
        let entered = self.emit(previous, EventKind::StateEntered { state_type: state.state_type(), name: state.name.clone(), input: input.clone() });
        if let Some(frame) = self.frames.get_mut(&id) {
            frame.last = entered;
            if let Some(record) = frame.in_state.as_mut() {
                record.entered = entered;
            }
        }
        let effective = match (&state.input_path, state.language) {
            (_, QueryLanguage::Jsonata) => input.clone(),
            (Some(p), _) => match self.read_path(id, p, &input) {
                Ok(v) => v,
                Err(f) => return self.fail_state(id, f),
            },
            (None, _) => Value::empty_object(),
        };
        if let Some(frame) = self.frames.get_mut(&id) {
            if let Some(record) = frame.in_state.as_mut() {
                record.effective = effective.clone();
            }
        }
        self.act(id, state, input, effective);
    }

    /// Reads a path against the state's input or the context object; a missing value is a runtime
    /// error in Jayway's words.
    pub(super) fn read_path(&mut self, id: FrameId, path: &Path, input: &Value) -> Result<Value, Failure> {
        if path.is_root() {
            return Ok(input.clone());
        }
        let context = if path.is_context() { self.context(id) } else { Value::Null };
        let variables = self.variables_of(id);
        let scope = Scope { input, context: &context, variables: &*variables };
        path.select(&scope).ok_or_else(|| {
            self.runtime_error(id, format!("Invalid path '{}' : {}", path.text(), path.missing_reason(&scope)))
        })
    }

    /// The variables frame `id` sees (shared, so a scope can borrow them while the engine changes).
    pub(super) fn variables_of(&self, id: FrameId) -> Rc<VarScope> {
        self.frames.get(&id).map(|f| f.variables.clone()).unwrap_or_default()
    }

    /// A `States.Runtime` failure with AWS's prefix naming the state and its Entered event.
    pub(super) fn runtime_error(&self, id: FrameId, message: String) -> Failure {
        self.prefixed(id, Failure::runtime(message))
    }

    /// Prefixes a failure's cause as AWS does for errors the interpreter raises in a state.
    pub(super) fn prefixed(&self, id: FrameId, failure: Failure) -> Failure {
        let Some(frame) = self.frames.get(&id) else { return failure };
        let cause = format!(
            "An error occurred while executing the state '{}' (entered at the event id #{}). {}",
            frame.current().name,
            frame.entered(),
            failure.cause.unwrap_or_default()
        );
        Failure { error: failure.error, cause: Some(cause) }
    }

    /// Records the Exited event, sets the variables `assigned`, and moves on.
    pub(super) fn exit(&mut self, id: FrameId, state: &State, output: Value, next: Option<usize>, assigned: Option<Value>) {
        let Some(frame) = self.frames.get_mut(&id) else { return };
        let previous = frame.last;
        if let Some(map) = assigned.as_ref().and_then(Value::as_object) {
            if !frame.own_variables {
                frame.variables = VarScope::inside(&frame.variables);
                frame.own_variables = true;
            }
            VarScope::assign(&mut frame.variables, map);
        }
        let exited = self.emit(
            previous,
            EventKind::StateExited { state_type: state.state_type(), name: state.name.clone(), output: output.clone(), assigned: assigned.map(Box::new) },
        );
        self.transition(id, exited, output, next);
    }

    /// Moves frame `id` to state `next` with `input`, or ends it when there is none.
    pub(super) fn transition(&mut self, id: FrameId, last: u64, input: Value, next: Option<usize>) {
        let Some(frame) = self.frames.get_mut(&id) else { return };
        frame.last = last;
        if let Some(mut record) = frame.in_state.take() {
            if self.spare.len() < SPARE_RECORDS {
                // Kept for the next state entered, so that entering one allocates nothing.
                record.effective = Value::Null;
                record.token = None;
                record.request = None;
                record.answer = None;
                record.retries_used.clear();
                self.spare.push(record);
            }
        }
        match next {
            Some(next) => {
                frame.state = next;
                frame.input = input;
                frame.children = None;
                self.ready.push_back((id, Wake::Enter));
            }
            None => self.end_frame(id, Ok(input)),
        }
    }

    /// Ends frame `id`: the execution's end at the top, else a report to the parent.
    pub(super) fn end_frame(&mut self, id: FrameId, result: Result<Value, Failure>) {
        let Some(frame) = self.frames.remove(&id) else { return };
        self.abort_children(&frame, frame.last);
        // A child execution's end is in its own history; its Map goes on from its Map Run's start.
        let child_ended = self.map_runs.end(id, self.now, frame.last, || match &result {
            Ok(output) => ChildStatus::Succeeded(output.clone()),
            Err(failure) => ChildStatus::Failed(failure.clone()),
        });
        match frame.parent {
            None => self.finish(frame.last, result),
            Some(parent) => {
                let (index, last) = (parent.index, child_ended.unwrap_or(frame.last));
                let wake = match result {
                    Ok(value) => {
                        let results = self.frames.get_mut(&parent.frame).and_then(|f| f.children.as_mut()).map(|c| &mut c.results);
                        if let Some(slot) = results.and_then(|r| r.get_mut(index)) {
                            *slot = Some(value);
                        }
                        Wake::ChildSucceeded { child: id, index, last }
                    }
                    Err(failure) => {
                        // A branch or iteration whose Task failed leaves that Task state aborted (as
                        // recorded; a Pass or Fail state that fails it does not).
                        let state = frame.current();
                        let aborted = (frame.in_state.is_some() && matches!(state.kind, Kind::Task(_))).then(|| (state.state_type(), state.name.clone()));
                        Wake::ChildFailed(Box::new(ChildEnded { child: id, index, result: Err(failure), last, aborted }))
                    }
                };
                self.ready.push_back((parent.frame, wake))
            }
        }
    }

    /// The context object (`$$`) as frame `id` sees it now.
    pub(super) fn context(&self, id: FrameId) -> Value {
        let frame = self.frames.get(&id);
        super::context::build(self, frame)
    }
}

fn retriers_of(state: &State) -> usize {
    match &state.kind {
        Kind::Task(t) => t.retry.len(),
        Kind::Parallel(p) => p.retry.len(),
        Kind::Map(m) => m.retry.len(),
        _ => 0,
    }
}
