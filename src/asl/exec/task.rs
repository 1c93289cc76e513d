//! Task states: issuing the request to the host, its history events, its answer or timeout.

use std::rc::Rc;

use super::frame::{FrameId, Wake};
use super::finish::Completion;
use super::jsonata::States;
use super::{payload, task_events, Execution, PendingTask, TaskRequest};
use crate::asl::jsonata_template::query_error;
use crate::asl::definition::{Kind, Seconds, State, Task};
use crate::asl::error::{names, Failure};
use crate::asl::json::Value;

impl Execution {
    /// Runs (or re-runs, on Retry) the current Task, Parallel or Map state of frame `id`.
    pub(super) fn attempt(&mut self, id: FrameId) {
        let Some(machine) = self.machine_of(id) else { return };
        let Some(frame) = self.frames.get(&id) else { return };
        let state = &machine.states[frame.state];
        match &state.kind {
            Kind::Task(task) => {
                let (raw, effective) = (frame.input.clone(), frame.effective());
                self.attempt_task(id, state, task, raw, effective)
            }
            Kind::Parallel(parallel) => self.attempt_parallel(id, parallel),
            Kind::Map(map) => self.attempt_map(id, state, map),
            _ => {}
        }
    }

    /// Runs the Task state `state` of frame `id`, whose raw and effective inputs are given.
    pub(super) fn attempt_task(&mut self, id: FrameId, state: &State, task: &Task, raw: Value, effective: Value) {
        let Some(frame) = self.frames.get(&id) else { return };
        let (attempt, previous) = (frame.retry_count(), frame.last);
        let resource = &task.kind;
        let token: Option<Rc<str>> = resource.has_token().then(|| Rc::from(self.random.uuid()));
        // A state's attempts all call one resource: with no token for this one, there is none to replace.
        if let (Some(token), Some(record)) = (&token, self.frames.get_mut(&id).and_then(|f| f.in_state.as_mut())) {
            record.token = Some(token.clone());
        }
        let effective_before = effective.clone();
        let prepared = match (&task.parameters, &task.arguments) {
            (Some(template), _) => self.apply_template(id, template, &effective),
            (_, Some(arguments)) => self.jsonata(id, arguments, "Arguments", States { input: Some(&raw), ..States::default() }),
            (None, None) => Ok(effective),
        };
        let what = || format!("The state/task '{}' was given an input", task.resource);
        let input = match prepared.and_then(|input| payload::check(&input, self.options.max_payload_bytes, what).map(|()| input)) {
            Ok(v) => v,
            Err(f) => return self.fail_state(id, f),
        };
        // The …SecondsPath fields read the state's effective input, before Parameters (as AWS).
        // Most tasks set neither field: no call for them.
        let timeout = match task.timeout.as_ref().map(|t| self.seconds(id, t, &effective_before, &raw, "TimeoutSeconds")).transpose() {
            Ok(t) => t,
            Err(f) => return self.fail_state(id, f),
        };
        let heartbeat = match task.heartbeat.as_ref().map(|h| self.seconds(id, h, &effective_before, &raw, "HeartbeatSeconds")).transpose() {
            Ok(h) => h,
            Err(f) => return self.fail_state(id, f),
        };
        let event = task_events::scheduled(resource, task_events::Scheduled { arn: &task.resource, input: &input, region: &self.options.region, timeout, heartbeat });
        let scheduled = self.emit(previous, event);
        let request = TaskRequest {
            id: 0,
            state_name: state.name.clone(),
            resource: task.resource.clone(),
            input,
            token,
            attempt,
            timeout_seconds: timeout,
            heartbeat_seconds: heartbeat,
        };
        let Some(frame) = self.frames.get_mut(&id) else { return };
        frame.last = scheduled;
        // The task starts in a step of its own, as at AWS, where concurrent branches' tasks are all
        // scheduled before any starts. When no other step is ready, that step would be the very
        // next one: the task starts at once, without a pass through the ready queue.
        if self.ready.is_empty() && matches!(self.status, super::Status::Running) {
            return self.start_task(id, task, request);
        }
        if let Some(record) = frame.in_state.as_mut() {
            record.request = Some(request);
        }
        self.ready.push_back((id, Wake::TaskStarted));
    }

    /// The scheduled task of frame `id` starts (its step, see [`Execution::attempt_task`]).
    pub(super) fn task_started(&mut self, id: FrameId) {
        let Some(machine) = self.machine_of(id) else { return };
        let Some(frame) = self.frames.get_mut(&id) else { return };
        let Kind::Task(task) = &machine.states[frame.state].kind else { return };
        let Some(request) = frame.in_state.as_mut().and_then(|record| record.request.take()) else { return };
        self.start_task(id, task, request);
    }

    /// Task `request` of frame `id` starts: the request goes to the host.
    fn start_task(&mut self, id: FrameId, task: &Task, mut request: TaskRequest) {
        let Some(frame) = self.frames.get(&id) else { return };
        let previous = frame.last;
        let started = self.emit(previous, task_events::started(&task.kind, &self.options.activity_worker));
        if let Some(frame) = self.frames.get_mut(&id) {
            frame.last = started;
        }
        request.id = self.next_task;
        self.next_task += 1;
        self.tasks.insert(request.id, PendingTask { frame: id, token: request.token.clone(), heartbeat: request.heartbeat_seconds, beats: 0 });
        if let Some(seconds) = request.timeout_seconds {
            self.set_timer(self.after(seconds), id, Wake::TaskTimedOut(request.id, names::TIMEOUT));
        }
        if let Some(seconds) = request.heartbeat_seconds {
            self.set_timer(self.after(seconds), id, Wake::HeartbeatDue(request.id, 0));
        }
        self.requests.push(request);
    }

    /// Resolves `TimeoutSeconds` / `HeartbeatSeconds` (their `…Path` against the task input, a
    /// JSONata expression against the raw input).
    fn seconds(&mut self, id: FrameId, seconds: &Seconds, input: &Value, raw: &Value, field: &str) -> Result<u64, Failure> {
        match seconds {
            Seconds::Fixed(s) => Ok(*s),
            Seconds::Jsonata(expression) => {
                let value = self.jsonata(id, expression, field, States { input: Some(raw), ..States::default() })?;
                match value.as_i64().and_then(|n| u64::try_from(n).ok()).filter(|n| *n > 0) {
                    Some(n) => Ok(n),
                    None => {
                        let what = format!("returned an unexpected result type. Expected 'integer', but was '{}' for value: {value}", value.type_name());
                        let text = expression.expression().unwrap_or_default();
                        Err(self.evaluation_failed(id, Some(field), query_error(text, field, &what)))
                    }
                }
            }
            Seconds::Path(path) => {
                let value = self.read_path(id, path, input)?;
                match value.as_i64().and_then(|n| u64::try_from(n).ok()) {
                    Some(n) if n > 0 => Ok(n),
                    _ => Err(self.runtime_error(id, format!("The value of {} must be a positive integer, not {value}", path.text()))),
                }
            }
        }
    }

    /// The host answered the current task of frame `id`.
    pub(super) fn task_done(&mut self, id: FrameId) {
        let Some(machine) = self.machine_of(id) else { return };
        let Some(frame) = self.frames.get_mut(&id) else { return };
        let Some(outcome) = frame.in_state.as_mut().and_then(|record| record.answer.take()) else { return };
        let state = &machine.states[frame.state];
        let Kind::Task(task) = &state.kind else { return };
        let previous = frame.last;
        let resource = &task.kind;
        let max_bytes = self.options.max_payload_bytes;
        let outcome = outcome.and_then(|output| {
            payload::check(&output, max_bytes, || format!("The state/task '{}' returned a result", task.resource)).map(|()| output)
        });
        let event = match &outcome {
            Ok(output) => task_events::succeeded(resource, output.clone()),
            Err(failure) => task_events::failed(resource, failure),
        };
        let last = self.emit(previous, event);
        if let Some(frame) = self.frames.get_mut(&id) {
            frame.last = last;
        }
        match outcome {
            Ok(output) => {
                let result = match &task.result_selector {
                    Some(template) => match self.apply_template(id, template, &output) {
                        Ok(v) => v,
                        Err(f) => return self.fail_state(id, f),
                    },
                    None => output,
                };
                self.complete(id, state, Completion::of(state, Some(result)));
            }
            Err(failure) => self.fail_state(id, failure),
        }
    }

    /// Task `task_id` of frame `id` ran past its TimeoutSeconds or HeartbeatSeconds (`error` says
    /// which), unless it has answered already.
    pub(super) fn task_timed_out(&mut self, id: FrameId, task_id: u64, error: &str) {
        if self.tasks.remove(task_id).is_none() {
            return;
        }
        let Some(machine) = self.machine_of(id) else { return };
        let Some(frame) = self.frames.get(&id) else { return };
        let Kind::Task(task) = &machine.states[frame.state].kind else { return };
        let previous = frame.last;
        let failure = Failure { error: error.into(), cause: None };
        let last = self.emit(previous, task_events::timed_out(&task.kind, &failure));
        if let Some(frame) = self.frames.get_mut(&id) {
            frame.last = last;
        }
        self.fail_state(id, failure);
    }

    /// A heartbeat timer of task `task_id` fired: the task timed out unless a heartbeat came since.
    pub(super) fn heartbeat_due(&mut self, id: FrameId, task_id: u64, beats: u64) {
        if self.tasks.get(task_id).is_some_and(|t| t.beats == beats) {
            self.task_timed_out(id, task_id, names::HEARTBEAT_TIMEOUT);
        }
    }

    /// The virtual time `seconds` from now.
    fn after(&self, seconds: u64) -> i64 {
        self.now.saturating_add((seconds as i64).saturating_mul(1000))
    }
}
