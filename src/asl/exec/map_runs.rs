//! The child executions of distributed Map states, as a Map Run lists them: each iteration's input,
//! when it ran and how it ended. Their events are not in the execution's history (AWS keeps each
//! child execution's history apart), so without this the page could not tell that they ran.

use std::collections::HashMap;
use std::rc::Rc;

use super::frame::FrameId;
use crate::asl::error::Failure;
use crate::asl::json::Value;

/// How a child execution stands.
#[derive(Clone, Debug, PartialEq)]
pub enum ChildStatus {
    Running,
    Succeeded(Value),
    Failed(Failure),
    /// Stopped because its Map failed.
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
    /// The id of the `MapRunStarted` event of that Map's run (a Map state may run more than once).
    pub map_run: u64,
    /// The item's index.
    pub index: usize,
    pub input: Value,
    /// Virtual times, milliseconds since the epoch.
    pub started: i64,
    pub ended: Option<i64>,
    pub status: ChildStatus,
}

/// The child executions so far, and which running frame is which.
#[derive(Default)]
pub(super) struct MapRuns {
    runs: Vec<ChildRun>,
    running: HashMap<FrameId, usize>,
}

impl MapRuns {
    pub fn all(&self) -> &[ChildRun] {
        &self.runs
    }

    /// Frame `frame` runs the child execution `run`.
    pub fn started(&mut self, frame: FrameId, run: ChildRun) {
        self.running.insert(frame, self.runs.len());
        self.runs.push(run);
    }

    /// Frame `frame` ended at `now`; nothing happens unless it ran a child execution.
    pub fn ended(&mut self, frame: FrameId, now: i64, status: impl FnOnce() -> ChildStatus) {
        if let Some(run) = self.running.remove(&frame).and_then(|i| self.runs.get_mut(i)) {
            run.ended = Some(now);
            run.status = status();
        }
    }

    /// The execution ended: the child executions still running are stopped.
    pub fn abort_running(&mut self, now: i64) {
        for (_, i) in self.running.drain() {
            if let Some(run) = self.runs.get_mut(i) {
                run.ended = Some(now);
                run.status = ChildStatus::Aborted;
            }
        }
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

    #[test]
    fn an_inline_map_has_no_child_executions() {
        let text = r#"{"StartAt":"M","States":{"M":{"Type":"Map","End":true,"ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}"#;
        let mut ex = Execution::start(std::rc::Rc::new(definition::parse(text).unwrap()), Value::parse("[1,2]").unwrap(), ExecutionOptions::default());
        ex.run_to_end(|_: &TaskRequest| None);
        assert!(ex.child_runs().is_empty());
    }
}
