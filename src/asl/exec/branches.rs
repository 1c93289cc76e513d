//! Parallel and Map states: starting child frames, collecting their results in order, honouring
//! MaxConcurrency, and stopping the others when one fails.

use std::collections::BTreeSet;
use std::rc::Rc;

use super::frame::{ChildEnded, Children, Frame, FrameId, MapRun, Parent, Wake};
use super::finish::Completion;
use super::jsonata::States;
use super::recovery::Recovery;
use crate::asl::jsonata_template::{query_error, JsonataTemplate};
use super::{ChildRun, ChildStatus, EventKind, Execution};
use crate::asl::definition::{Kind, MapState, Parallel, QueryLanguage, Seconds, State, Tolerance};
use crate::asl::error::{names, Failure};
use crate::asl::json::Value;

impl Execution {
    pub(super) fn attempt_parallel(&mut self, id: FrameId, parallel: &Parallel) {
        let Some(frame) = self.frames.get(&id) else { return };
        let (raw, effective, previous) = (frame.input.clone(), frame.effective(), frame.last);
        let prepared = match (&parallel.parameters, &parallel.arguments) {
            (Some(template), _) => self.apply_template(id, template, &effective),
            (_, Some(arguments)) => self.jsonata(id, arguments, "Arguments", States { input: Some(&raw), ..States::default() }),
            (None, None) => Ok(effective),
        };
        let input = match prepared {
            Ok(v) => v,
            Err(f) => return self.fail_state(id, f),
        };
        let started = self.emit(previous, EventKind::ParallelStateStarted);
        let variables = self.variables_of(id);
        let count = parallel.branches.len();
        let mut running = BTreeSet::new();
        for (index, branch) in parallel.branches.iter().enumerate() {
            let mut frame = Frame::new(branch.clone(), Some(Parent { frame: id, index }), input.clone(), started, variables.clone());
            frame.child = self.child;
            let child = self.spawn(frame);
            self.ready.push_back((child, Wake::Enter));
            running.insert(child);
        }
        if let Some(frame) = self.frames.get_mut(&id) {
            frame.last = started;
            frame.children = Some(Box::new(Children { running, results: vec![None; count], remaining: count, map: None }));
        }
    }

    pub(super) fn attempt_map(&mut self, id: FrameId, state: &State, map: &MapState) {
        let Some(frame) = self.frames.get(&id) else { return };
        let (raw, effective, previous) = (frame.input.clone(), frame.effective(), frame.last);
        let prepared = match &map.items {
            Some(items) => self.jsonata(id, items, "Items", States { input: Some(&raw), ..States::default() }).and_then(|value| match value {
                Value::Array(items) => Ok(items),
                other => {
                    let what = format!("returned an unexpected result type. Expected 'array', but was '{}' for value: {other}", other.type_name());
                    let text = items.expression().unwrap_or_default();
                    Err(self.evaluation_failed(id, Some("Items"), query_error(text, "Items", &what)))
                }
            }),
            None if state.language == QueryLanguage::Jsonata => match raw {
                Value::Array(items) => Ok(items),
                other => {
                    let failure = Failure::query_evaluation(format!("Map state input must be an array but was: {other}"));
                    Err(self.evaluation_failed(id, None, failure))
                }
            },
            None => self.read_path(id, &map.items_path, &effective).and_then(|items| match items {
                Value::Array(items) => Ok(items),
                other => Err(self.runtime_error(id, format!("Map state input must be an array but was: {other}"))),
            }),
        };
        let items = match prepared {
            Ok(items) => items,
            Err(f) if state.language == QueryLanguage::Jsonata => return self.map_failed_early(id, f),
            Err(f) => return self.fail_state(id, f),
        };
        let max_concurrency = match self.max_concurrency(id, map, &effective) {
            Ok(n) => n,
            Err(f) => return self.fail_state(id, f),
        };
        let mut started = self.emit(previous, EventKind::MapStateStarted { length: items.len() });
        if let Some(frame) = self.frames.get_mut(&id) {
            frame.last = started;
        }
        // AWS checks the failure tolerance only once the Map has started.
        let tolerated = match self.tolerated_failures(id, map, &effective, items.len()) {
            Ok(n) => n,
            Err(f) => return self.fail_state(id, f),
        };
        if map.distributed {
            started = self.emit(started, EventKind::MapRunStarted);
        }
        let items = match &map.item_batcher {
            Some(batcher) => match self.batches(id, map, batcher, &items) {
                Ok(batches) => Rc::new(batches.into()),
                Err(f) => return self.fail_state(id, f),
            },
            // Shared with the input, not copied.
            None => items,
        };
        let count = items.len();
        let run = MapRun { items, next: 0, max_concurrency, failed: 0, tolerated, last_iteration_event: started };
        if let Some(frame) = self.frames.get_mut(&id) {
            frame.last = started;
            frame.children = Some(Box::new(Children { running: BTreeSet::new(), results: vec![None; count], remaining: count, map: Some(run) }));
        }
        if count == 0 {
            return self.children_succeeded(id, state, started);
        }
        self.start_iterations(id, state, map, started);
    }

    /// A JSONata Map whose items could not be evaluated fails before it starts; unless it is
    /// retried, AWS records MapStateFailed after the EvaluationFailed event.
    fn map_failed_early(&mut self, id: FrameId, failure: Failure) {
        let recovery = self.recovery(id, &failure);
        if !matches!(recovery, Recovery::Retry(_)) {
            let previous = self.frames.get(&id).map_or(0, |f| f.last);
            let failed = self.emit(previous, EventKind::MapStateFailed);
            if let Some(frame) = self.frames.get_mut(&id) {
                frame.last = failed;
            }
        }
        self.recover(id, failure, recovery);
    }

    /// MaxConcurrency (0 = no limit).
    fn max_concurrency(&mut self, id: FrameId, map: &MapState, input: &Value) -> Result<usize, Failure> {
        match &map.max_concurrency {
            None => Ok(0),
            Some(Seconds::Fixed(n)) => Ok(*n as usize),
            Some(Seconds::Jsonata(e)) => self.jsonata_count(id, e, "MaxConcurrency", input),
            Some(Seconds::Path(p)) => {
                let v = self.read_path(id, p, input)?;
                integer_like(&v).filter(|n| *n >= 0).map(|n| n as usize).ok_or_else(|| self.not_valid(id, "MaxConcurrencyPath", &v, "integer", p.text()))
            }
        }
    }

    /// How many items may fail before the Map fails (ToleratedFailureCount / Percentage, or their
    /// paths), with AWS's messages for values it refuses.
    fn tolerated_failures(&mut self, id: FrameId, map: &MapState, input: &Value, count: usize) -> Result<usize, Failure> {
        let by_count = match &map.tolerated_failure_count {
            None => 0,
            Some(Seconds::Fixed(n)) => *n as usize,
            Some(Seconds::Jsonata(e)) => self.jsonata_count(id, e, "ToleratedFailureCount", input)?,
            Some(Seconds::Path(p)) => {
                let v = self.read_path(id, p, input)?;
                match integer_like(&v) {
                    Some(n) if n < 0 => return Err(self.runtime_error(id, "ToleratedFailureCount cannot be negative.".into())),
                    Some(n) => n as usize,
                    None => return Err(self.not_valid(id, "ToleratedFailureCountPath", &v, "integer", p.text())),
                }
            }
        };
        let percentage = match &map.tolerated_failure_percentage {
            None => 0.0,
            Some(Tolerance::Fixed(p)) => *p,
            Some(Tolerance::Jsonata(e)) => {
                let value = self.jsonata(id, e, "ToleratedFailurePercentage", States { input: Some(input), ..States::default() })?;
                value.as_f64().ok_or_else(|| {
                    let what = format!("returned an unexpected result type. Expected 'number', but was '{}' for value: {value}", value.type_name());
                    query_error(e.expression().unwrap_or_default(), "ToleratedFailurePercentage", &what)
                })?
            }
            Some(Tolerance::Path(p)) => {
                let v = self.read_path(id, p, input)?;
                v.as_f64()
                    .or_else(|| v.as_str().and_then(|s| s.trim().parse().ok()))
                    .ok_or_else(|| self.not_valid(id, "ToleratedFailurePercentagePath", &v, "float", p.text()))?
            }
        };
        if !(0.0..=100.0).contains(&percentage) {
            return Err(self.runtime_error(id, "ToleratedFailurePercentage must be between 0 and 100.".into()));
        }
        let by_percentage = (percentage / 100.0 * count as f64).floor() as usize;
        Ok(by_count.max(by_percentage))
    }

    /// A count given by a JSONata expression (MaxConcurrency, ToleratedFailureCount).
    pub(super) fn jsonata_count(&mut self, id: FrameId, expression: &JsonataTemplate, field: &str, input: &Value) -> Result<usize, Failure> {
        let value = self.jsonata(id, expression, field, States { input: Some(input), ..States::default() })?;
        integer_like(&value).and_then(|n| usize::try_from(n).ok()).ok_or_else(|| {
            let what = format!("returned an unexpected result type. Expected 'integer', but was '{}' for value: {value}", value.type_name());
            self.evaluation_failed(id, Some(field), query_error(expression.expression().unwrap_or_default(), field, &what))
        })
    }

    /// AWS's message for a `…Path` field whose value has the wrong type (strings shown unquoted).
    fn not_valid(&self, id: FrameId, field: &str, value: &Value, wanted: &str, path: &str) -> Failure {
        let shown = value.as_str().map_or_else(|| value.to_json(), str::to_string);
        self.runtime_error(id, format!("The {field} field refers to value \"{shown}\" which is not a valid {wanted}: {path}"))
    }

    /// Starts iterations while the concurrency limit allows.
    fn start_iterations(&mut self, id: FrameId, state: &State, map: &MapState, previous: u64) {
        loop {
            let Some(run) = self.frames.get_mut(&id).and_then(|f| f.children.as_mut()) else { return };
            let Some(mapping) = run.map.as_mut() else { return };
            let limit_reached = mapping.max_concurrency != 0 && run.running.len() >= mapping.max_concurrency;
            if mapping.next >= mapping.items.len() || limit_reached {
                return;
            }
            let index = mapping.next;
            mapping.next += 1;
            let item = mapping.items[index].clone();
            let variables = self.variables_of(id);
            // Batches were built from selected items already.
            let selected = if map.item_batcher.is_some() { Ok(item) } else { self.select_item(id, map, index, &item) };
            let input = match selected {
                Ok(v) => v,
                Err(f) => return self.fail_state(id, f),
            };
            // A distributed Map's iteration is a child execution with a history of its own, which
            // begins with its ExecutionStarted. (Its `previous` is always the Map Run's start:
            // children report that back as their last event, see `MapRuns::end`.)
            let child_run = map.distributed.then(|| {
                let run = ChildRun {
                    map: state.name.clone(),
                    parent: self.child,
                    map_run: previous,
                    index,
                    input: input.clone(),
                    started: self.now,
                    ended: None,
                    status: ChildStatus::Running,
                    events: Vec::new(),
                };
                self.map_runs.start(run, Rc::from(self.role_arn()))
            });
            let started = match child_run {
                Some(_) => 1,
                None => self.emit(previous, EventKind::MapIterationStarted { name: state.name.clone(), index }),
            };
            let mut frame = Frame::new(map.processor.clone(), Some(Parent { frame: id, index }), input, started, variables);
            frame.child = child_run.or(self.child);
            let child = self.spawn(frame);
            if let Some(k) = child_run {
                self.map_runs.runs_in(child, k);
            }
            self.ready.push_back((child, Wake::Enter));
            if let Some(children) = self.frames.get_mut(&id).and_then(|f| f.children.as_mut()) {
                children.running.insert(child);
            }
        }
    }

    /// A branch or iteration of frame `id` ended.
    pub(super) fn child_done(&mut self, id: FrameId, ended: ChildEnded) {
        let ChildEnded { child, index, result, last, aborted } = ended;
        let Some(machine) = self.machine_of(id) else { return };
        let Some(frame) = self.frames.get_mut(&id) else { return };
        let state = &machine.states[frame.state];
        let Some(children) = frame.children.as_mut() else { return };
        children.running.remove(&child);
        let is_map = children.map.is_some();
        let distributed = matches!(&state.kind, Kind::Map(m) if m.distributed);
        match result {
            Ok(()) => {
                children.remaining -= 1;
                let remaining = children.remaining;
                let done_event = if let (Kind::Map(map), true) = (&state.kind, is_map) {
                    let succeeded = if distributed {
                        last
                    } else {
                        self.emit(last, EventKind::MapIterationSucceeded { name: state.name.clone(), index })
                    };
                    if let Some(m) = self.frames.get_mut(&id).and_then(|f| f.children.as_mut()).and_then(|c| c.map.as_mut()) {
                        m.last_iteration_event = succeeded;
                    }
                    self.start_iterations(id, state, map, last);
                    succeeded
                } else {
                    last
                };
                if remaining == 0 {
                    self.children_succeeded(id, state, done_event);
                }
            }
            Err(mut failure) => {
                if is_map && !distributed {
                    self.emit(last, EventKind::MapIterationFailed { name: state.name.clone(), index });
                }
                // A distributed Map's iteration is a child execution: the abort is in its own
                // history, which this one does not hold.
                if let (Some((state_type, name)), false) = (aborted, distributed) {
                    self.emit(last, EventKind::StateAborted { state_type, name });
                }
                if is_map {
                    if let Kind::Map(map) = &state.kind {
                        if map.tolerated_failure_count.is_some() || map.tolerated_failure_percentage.is_some() {
                            match self.tolerate(id, index) {
                                Some(true) => return self.after_tolerated_failure(id, state, map, last),
                                Some(false) => {
                                    failure = Failure::new(names::EXCEED_TOLERATED_FAILURE_THRESHOLD, "The specified tolerated failure threshold was exceeded");
                                }
                                None => return,
                            }
                        }
                    }
                }
                let running = self.frames.get_mut(&id).and_then(|f| f.children.take()).map(|c| c.running).unwrap_or_default();
                let iteration_name = (is_map && !distributed).then(|| state.name.clone());
                for child in running {
                    self.abort_frame(child, last, iteration_name.clone());
                }
                if let Some(frame) = self.frames.get_mut(&id) {
                    frame.last = last;
                }
                let recovery = self.recovery(id, &failure);
                if !matches!(recovery, Recovery::Retry(_)) {
                    // AWS records the state's failure only when it is not retried.
                    let mut previous = last;
                    if distributed {
                        previous = self.emit(previous, EventKind::MapRunFailed);
                    }
                    let event = if is_map { EventKind::MapStateFailed } else { EventKind::ParallelStateFailed };
                    let failed = self.emit(previous, event);
                    if let Some(frame) = self.frames.get_mut(&id) {
                        frame.last = failed;
                    }
                }
                self.recover(id, failure, recovery);
            }
        }
    }

    /// Counts a failed item; `Some(true)` while failures stay within the tolerance.
    fn tolerate(&mut self, id: FrameId, index: usize) -> Option<bool> {
        let children = self.frames.get_mut(&id)?.children.as_mut()?;
        let run = children.map.as_mut()?;
        run.failed += 1;
        let within = run.failed <= run.tolerated;
        if within {
            children.results[index] = Some(Value::Null);
            children.remaining -= 1;
        }
        Some(within)
    }

    fn after_tolerated_failure(&mut self, id: FrameId, state: &State, map: &MapState, last: u64) {
        self.start_iterations(id, state, map, last);
        let remaining = self.frames.get(&id).and_then(|f| f.children.as_ref()).map_or(1, |c| c.remaining);
        if remaining == 0 {
            let previous = self.frames.get(&id).and_then(|f| f.children.as_ref()).and_then(|c| c.map.as_ref()).map_or(last, |m| m.last_iteration_event);
            self.children_succeeded(id, state, previous);
        }
    }

    /// Every child succeeded: the result array goes through ResultSelector, ResultPath, OutputPath.
    fn children_succeeded(&mut self, id: FrameId, state: &State, previous: u64) {
        let Some(frame) = self.frames.get_mut(&id) else { return };
        let Some(children) = frame.children.take() else { return };
        frame.last = previous;
        let results: Vec<Value> = children.results.into_iter().map(Option::unwrap_or_default).collect();
        let mut previous = previous;
        if matches!(&state.kind, Kind::Map(m) if m.distributed) {
            previous = self.emit(previous, EventKind::MapRunSucceeded);
            if let Some(frame) = self.frames.get_mut(&id) {
                frame.last = previous;
            }
        }
        let (event, selector) = match &state.kind {
            Kind::Parallel(p) => (EventKind::ParallelStateSucceeded, p.result_selector.as_ref()),
            Kind::Map(m) => (EventKind::MapStateSucceeded, m.result_selector.as_ref()),
            _ => return,
        };
        self.emit(previous, event);
        let output = Value::array(results);
        let result = match selector {
            Some(template) => match self.apply_template(id, template, &output) {
                Ok(v) => v,
                Err(f) => return self.fail_state(id, f),
            },
            None => output,
        };
        self.complete(id, state, Completion::of(state, Some(result)));
    }

    /// Stops frame `id` and everything below it, dropping its pending tasks. Like AWS, records the
    /// abort of the state it was in and, for a Map iteration (`iteration` names the Map), of the
    /// iteration, each following `previous`.
    pub(super) fn abort_frame(&mut self, id: FrameId, previous: u64, iteration: Option<Rc<str>>) {
        let Some(frame) = self.frames.remove(&id) else { return };
        self.tasks.retain(|t| t.frame != id);
        self.abort_children(&frame, previous);
        // A child execution is stopped as a whole, as StopExecution stops one: its history ends
        // with ExecutionAborted, and nothing inside it records an abort.
        if frame.child.is_some() {
            self.map_runs.end(id, self.now, frame.last, || ChildStatus::Aborted);
            return;
        }
        if let (Some(name), Some(parent)) = (iteration, frame.parent) {
            self.emit(previous, EventKind::MapIterationAborted { name, index: parent.index });
        }
        if frame.in_state.is_some() {
            let state = frame.current();
            self.emit(previous, EventKind::StateAborted { state_type: state.state_type(), name: state.name.clone() });
        }
    }

    /// Stops the running children of `frame`.
    pub(super) fn abort_children(&mut self, frame: &Frame, previous: u64) {
        let Some(children) = &frame.children else { return };
        let iteration = match &frame.current().kind {
            Kind::Map(m) if !m.distributed => Some(frame.current().name.clone()),
            _ => None,
        };
        for child in children.running.clone() {
            self.abort_frame(child, previous, iteration.clone());
        }
    }
}

/// An integer, or a string holding one: AWS reads these `…Path` values as Java parses them.
fn integer_like(value: &Value) -> Option<i64> {
    value.as_i64().or_else(|| value.as_str().and_then(|s| s.trim().parse().ok()))
}
