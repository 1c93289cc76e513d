//! The child executions of distributed Map states, as a Map Run lists them: each iteration's input,
//! when it ran, how it ended, and its own history. AWS keeps each child execution's events apart
//! from the execution's history, and so does the engine: all children's events sit in one shared
//! store (a history per child would allocate a chunk of events for each of thousands of children),
//! each child keeping the positions of its own, numbered from 1 as in a history of its own.

use std::collections::HashMap;
use std::num::NonZeroU32;
use std::rc::Rc;

use super::compact_history::History;
use super::frame::FrameId;
use super::history::{Event, EventKind};
use crate::asl::error::Failure;
use crate::asl::json::Value;

/// A child execution's number. Every frame holds one, or none, so it is kept to 4 bytes (the frame
/// stays as large as it was without it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChildId(NonZeroU32);

impl ChildId {
    /// Its place in [`Execution::child_runs`](super::Execution::child_runs).
    pub fn index(self) -> usize {
        self.0.get() as usize - 1
    }

    fn of(index: usize) -> ChildId {
        ChildId(u32::try_from(index + 1).ok().and_then(NonZeroU32::new).unwrap_or(NonZeroU32::MAX))
    }
}

/// How a child execution stands.
#[derive(Clone, Debug, PartialEq)]
pub enum ChildStatus {
    Running,
    Succeeded(Value),
    Failed(Failure),
    /// Stopped because its Map failed, or the execution ended.
    Aborted,
}

impl ChildStatus {
    /// AWS's status word.
    pub fn word(&self) -> &'static str {
        match self {
            ChildStatus::Running => "RUNNING",
            ChildStatus::Succeeded(_) => "SUCCEEDED",
            ChildStatus::Failed(_) => "FAILED",
            ChildStatus::Aborted => "ABORTED",
        }
    }
}

/// One child execution of a Map Run.
#[derive(Clone, Debug, PartialEq)]
pub struct ChildRun {
    /// The distributed Map state whose iteration it is.
    pub map: Rc<str>,
    /// The child execution whose history holds that Map's run (a distributed Map inside a child
    /// execution runs children of its own), or `None` for the execution's.
    pub parent: Option<ChildId>,
    /// The id of the `MapRunStarted` event of the Map Run, in that history (a Map state may run
    /// more than once).
    pub map_run: u64,
    /// The item's index.
    pub index: usize,
    pub input: Value,
    /// Virtual times, milliseconds since the epoch.
    pub started: i64,
    pub ended: Option<i64>,
    pub status: ChildStatus,
    /// Where its events are in the shared store.
    pub(super) events: Vec<u32>,
}

/// The child executions so far, their events, and which running frame is which child's top.
#[derive(Default)]
pub(super) struct MapRuns {
    runs: Vec<ChildRun>,
    events: History,
    running: HashMap<FrameId, ChildId>,
}

impl MapRuns {
    pub fn all(&self) -> &[ChildRun] {
        &self.runs
    }

    /// Starts a child execution (its `ExecutionStarted` recorded at `now`); returns its number.
    pub fn start(&mut self, run: ChildRun, role_arn: Rc<str>) -> ChildId {
        let (k, now, input) = (ChildId::of(self.runs.len()), run.started, run.input.clone());
        self.runs.push(run);
        self.record(k, 0, now, EventKind::ExecutionStarted { input, role_arn });
        k
    }

    /// Frame `frame` is child `k`'s top frame.
    pub fn runs_in(&mut self, frame: FrameId, k: ChildId) {
        self.running.insert(frame, k);
    }

    /// Records an event of child `k` after its event `previous`; returns its id in the child's
    /// history.
    pub fn record(&mut self, k: ChildId, previous: u64, now: i64, kind: EventKind) -> u64 {
        let Some(run) = self.runs.get_mut(k.index()) else { return previous };
        let position = self.events.push(previous, now, kind) - 1;
        run.events.push(u32::try_from(position).unwrap_or(u32::MAX));
        run.events.len() as u64
    }

    /// Child `k`'s history, ids counted in it.
    pub fn history(&self, k: usize) -> impl Iterator<Item = Event<'_>> + '_ {
        let positions = self.runs.get(k).map_or(&[][..], |r| &r.events[..]);
        positions.iter().enumerate().filter_map(|(i, &p)| Some(Event { id: i as u64 + 1, ..self.events.get(p as usize)? }))
    }

    /// Frame `frame` ended at `now` after its event `last`; when it was a child's top frame, records
    /// the child's end and returns the id of its Map Run's start in the history that holds it
    /// (what the Map's frame goes on from).
    pub fn end(&mut self, frame: FrameId, now: i64, last: u64, status: impl FnOnce() -> ChildStatus) -> Option<u64> {
        let k = self.running.remove(&frame)?;
        let status = status();
        let kind = match &status {
            ChildStatus::Running => return None,
            ChildStatus::Succeeded(output) => EventKind::ExecutionSucceeded { output: output.clone() },
            ChildStatus::Failed(f) => EventKind::ExecutionFailed {
                error: (!f.error.is_empty()).then(|| Rc::from(f.error.as_str())),
                cause: f.cause.as_deref().map(Rc::from),
            },
            ChildStatus::Aborted => EventKind::ExecutionAborted,
        };
        self.record(k, last, now, kind);
        let run = self.runs.get_mut(k.index())?;
        run.ended = Some(now);
        run.status = status;
        Some(run.map_run)
    }

    /// The child executions still running, by their top frames.
    pub fn running(&self) -> Vec<FrameId> {
        self.running.keys().copied().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::asl::definition;
    use crate::asl::exec::{Execution, ExecutionOptions, Status, TaskRequest};

    /// A distributed Map over the input whose Task waits `n` seconds for item `n` (`Wait` first, so
    /// the children end at different times), failing on item 2; `tolerated` percent may fail.
    fn run(tolerated: u32, input: &str) -> Execution {
        let text = format!(
            r#"{{"StartAt":"M","States":{{"M":{{"Type":"Map","End":true,"ToleratedFailurePercentage":{tolerated},"MaxConcurrency":2,"ItemProcessor":{{
            "ProcessorConfig":{{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"}},"StartAt":"W","States":{{
            "W":{{"Type":"Wait","SecondsPath":"$","Next":"T"}},
            "T":{{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:f","End":true}}}}}}}}}}}}"#
        );
        let machine = std::rc::Rc::new(definition::parse(&text).unwrap());
        let mut ex = Execution::start(machine, Value::parse(input).unwrap(), ExecutionOptions::default());
        ex.run_to_end(|r: &TaskRequest| Some(if r.input == Value::int(2) { Err(Failure::new("Bad", "item 2")) } else { Ok(Value::int(r.input.as_i64().unwrap_or(0) * 10)) }));
        ex
    }

    fn map_run_started(ex: &Execution) -> u64 {
        ex.history().iter().position(|e| e.kind.type_name() == "MapRunStarted").expect("a map run") as u64 + 1
    }

    #[test]
    fn each_child_execution_is_listed_with_its_input_times_and_end() {
        let ex = run(50, "[1, 2, 3]");
        assert!(matches!(ex.status(), Status::Succeeded(_)), "{:?}", ex.status());
        let start = ExecutionOptions::default().start_time_ms;
        let seen: Vec<(usize, String, i64, Option<i64>, &str)> =
            ex.child_runs().iter().map(|c| (c.index, c.input.to_json(), c.started - start, c.ended.map(|t| t - start), c.status.word())).collect();
        // Two at a time: item 3 starts when item 1 ends, at 1 s.
        assert_eq!(seen, [(0, "1".into(), 0, Some(1000), "SUCCEEDED"), (1, "2".into(), 0, Some(2000), "FAILED"), (2, "3".into(), 1000, Some(4000), "SUCCEEDED")]);
        assert!(ex.child_runs().iter().all(|c| &*c.map == "M" && c.map_run == map_run_started(&ex)));
        assert_eq!(ex.child_runs()[0].status, ChildStatus::Succeeded(Value::int(10)));
        assert_eq!(ex.child_runs()[1].status, ChildStatus::Failed(Failure::new("Bad", "item 2")));
    }

    #[test]
    fn a_failure_past_the_tolerance_aborts_the_children_still_running() {
        let ex = run(0, "[5, 2, 1]");
        assert!(matches!(ex.status(), Status::Failed(_)), "{:?}", ex.status());
        let words: Vec<&str> = ex.child_runs().iter().map(|c| c.status.word()).collect();
        assert_eq!(words, ["ABORTED", "FAILED"], "the third item never started");
        assert!(ex.child_runs().iter().all(|c| c.ended == ex.child_runs()[1].ended));
        // The aborted child's Wait state is aborted in its own history, not in this one.
        let types: Vec<String> = ex.history().iter().map(|e| e.kind.type_name()).collect();
        assert_eq!(types, ["ExecutionStarted", "MapStateEntered", "MapStateStarted", "MapRunStarted", "MapRunFailed", "MapStateFailed", "ExecutionFailed"]);
    }

    fn child_types(ex: &Execution, k: usize) -> Vec<String> {
        let history = ex.child_history_json(k);
        history["events"].as_array().unwrap().iter().map(|e| e["type"].as_str().unwrap().to_owned()).collect()
    }

    #[test]
    fn each_child_execution_has_a_history_of_its_own() {
        let ex = run(50, "[1, 2, 3]");
        assert_eq!(
            child_types(&ex, 0),
            ["ExecutionStarted", "WaitStateEntered", "WaitStateExited", "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted",
             "LambdaFunctionSucceeded", "TaskStateExited", "ExecutionSucceeded"]
        );
        assert_eq!(child_types(&ex, 1).last().map(String::as_str), Some("ExecutionFailed"));
        let history = ex.child_history_json(1);
        let events = history["events"].as_array().unwrap();
        let ids: Vec<(u64, u64)> = events.iter().map(|e| (e["id"].as_u64().unwrap(), e["previousEventId"].as_u64().unwrap())).collect();
        assert_eq!(ids.first(), Some(&(1, 0)), "numbered from 1 in its own history");
        assert!(ids.windows(2).all(|w| w[1].0 == w[0].0 + 1 && w[1].1 < w[1].0), "{ids:?}");
        assert_eq!(events.last().unwrap()["executionFailedEventDetails"]["error"], "Bad");
        assert_eq!(events[0]["executionStartedEventDetails"]["input"], "2");
    }

    #[test]
    fn an_aborted_child_ends_its_history_aborted() {
        let ex = run(0, "[5, 2, 1]");
        assert_eq!(child_types(&ex, 0), ["ExecutionStarted", "WaitStateEntered", "ExecutionAborted"]);
    }

    #[test]
    fn an_execution_that_times_out_aborts_its_running_children() {
        let text = r#"{"StartAt":"M","TimeoutSeconds":3,"States":{"M":{"Type":"Map","End":true,"ItemProcessor":{
            "ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"W","States":{
            "W":{"Type":"Wait","SecondsPath":"$","End":true}}}}}}"#;
        let mut ex = Execution::start(std::rc::Rc::new(definition::parse(text).unwrap()), Value::parse("[1, 5]").unwrap(), ExecutionOptions::default());
        ex.run_to_end(|_: &TaskRequest| None);
        assert!(matches!(ex.status(), Status::TimedOut(_)), "{:?}", ex.status());
        let words: Vec<&str> = ex.child_runs().iter().map(|c| c.status.word()).collect();
        assert_eq!(words, ["SUCCEEDED", "ABORTED"]);
        assert_eq!(child_types(&ex, 1), ["ExecutionStarted", "WaitStateEntered", "ExecutionAborted"]);
        assert_eq!(ex.child_runs()[1].ended, Some(ExecutionOptions::default().start_time_ms + 3000));
    }

    #[test]
    fn an_inline_map_has_no_child_executions() {
        let text = r#"{"StartAt":"M","States":{"M":{"Type":"Map","End":true,"ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}"#;
        let mut ex = Execution::start(std::rc::Rc::new(definition::parse(text).unwrap()), Value::parse("[1,2]").unwrap(), ExecutionOptions::default());
        ex.run_to_end(|_: &TaskRequest| None);
        assert!(ex.child_runs().is_empty());
    }
}
