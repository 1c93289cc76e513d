//! What a run shows when it is over: the status, the output or the error, the history, and the
//! problems that kept it from starting or that the mocks ran into.

use std::rc::Rc;

use crate::asl::exec::{Execution, Status};
use crate::asl::json::Value;
use crate::bridge::callbacks::Pending;
use crate::bridge::driver::Ending;
use crate::bridge::child_executions::{self, ChildExecution};
use crate::bridge::history::{rows, EventRow};
use crate::bridge::timeline::Timeline;
use crate::bridge::problems::Problem;

/// A finished (or refused) run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// AWS's status word (`SUCCEEDED`, `FAILED`, `TIMED_OUT`, `ABORTED`), `RUNNING` for an execution
    /// stuck waiting, or `NOT_STARTED` when the run could not start.
    pub status: &'static str,
    /// The output, pretty-printed, when it succeeded.
    pub output: Option<String>,
    /// The error and cause, when it failed, timed out or was stopped.
    pub error: Option<String>,
    pub cause: Option<String>,
    /// The history.
    pub events: Vec<EventRow>,
    /// The same history in AWS's GetExecutionHistory shape, `{"events": [...]}`, read once for
    /// the inspector and the variables tab.
    pub timeline: Rc<Timeline>,
    /// Why it could not start, or where the mocks threw.
    pub problems: Vec<Problem>,
    /// The task tokens it waits for.
    pub pending: Vec<Pending>,
    /// The built-in services' state, compact JSON, when any was used.
    pub services: Option<String>,
    /// The child executions of its distributed Map states.
    pub children: Vec<ChildExecution>,
}

impl Outcome {
    /// The history in AWS's GetExecutionHistory shape.
    pub fn history(&self) -> &serde_json::Value {
        self.timeline.history()
    }

    /// An outcome showing `history` (its timeline and the events table's rows), the rest left empty.
    fn recorded(history: Rc<serde_json::Value>) -> Outcome {
        let timeline = Rc::new(Timeline::new(history));
        Outcome { events: rows(&timeline), timeline, ..Outcome::default() }
    }

    /// A run that could not start.
    pub fn not_started(problems: Vec<Problem>) -> Outcome {
        let cause = Some("Fix the problems below, then run again.".to_owned());
        Outcome { status: "NOT_STARTED", cause, problems, ..Outcome::default() }
    }

    /// The outcome of `ex` after driving it ended as `ending`.
    pub fn of(ex: &Execution, ending: Ending, problems: Vec<Problem>) -> Outcome {
        let children = child_executions::of(ex);
        let mut outcome = Outcome { status: ex.status().word(), problems, children, ..Outcome::recorded(Rc::new(ex.history_json())) };
        match (ending, ex.status()) {
            (Ending::Stopped, _) => {
                outcome.status = "ABORTED";
                outcome.cause = Some("Stopped before it ended.".into());
            }
            (Ending::Waiting, _) => {
                outcome.cause = Some("The execution waits for a callback: no mock sent the task token back: answer it under Pending callbacks.".into());
            }
            (Ending::Ended, Status::Succeeded(output)) => outcome.output = Some(pretty(output)),
            (Ending::Ended, Status::Failed(f) | Status::TimedOut(f)) => {
                outcome.error = Some(f.error.clone());
                outcome.cause = f.cause.clone();
            }
            (Ending::Ended, Status::Running) => {}
        }
        outcome
    }

    /// A child execution of a distributed Map as a run of its own (the page opens it as AWS's console
    /// opens a Map Run's child); `None` when its history was not kept.
    pub fn of_child(child: &ChildExecution) -> Option<Outcome> {
        let history = child.history.clone()?;
        let output = child.output.as_deref().and_then(|o| Value::parse(o).ok()).map(|v| pretty(&v));
        let status = match child.status.as_str() {
            "SUCCEEDED" => "SUCCEEDED",
            "FAILED" => "FAILED",
            "ABORTED" => "ABORTED",
            _ => "RUNNING",
        };
        let (error, cause, children) = (child.error.clone(), child.cause.clone(), child.children.clone());
        Some(Outcome { status, output, error, cause, children, ..Outcome::recorded(history) })
    }

    /// What a finished run's history tells of it (the page shows the last run again after a
    /// reload); `None` for a history that did not end: a run waiting for callbacks cannot go on
    /// once the page is gone.
    pub fn from_history(history: serde_json::Value, services: Option<String>, children: Vec<ChildExecution>) -> Option<Outcome> {
        let last = history.get("events")?.as_array()?.last()?;
        let status = match last.get("type")?.as_str()? {
            "ExecutionSucceeded" => "SUCCEEDED",
            "ExecutionFailed" => "FAILED",
            "ExecutionTimedOut" => "TIMED_OUT",
            "ExecutionAborted" => "ABORTED",
            _ => return None,
        };
        let details = last.as_object()?.iter().find(|(k, _)| k.ends_with("EventDetails")).map(|(_, v)| v);
        let text = |key: &str| details.and_then(|d| d.get(key)).and_then(serde_json::Value::as_str).map(str::to_owned);
        let output = text("output").filter(|_| status == "SUCCEEDED").and_then(|o| Value::parse(&o).ok()).map(|v| pretty(&v));
        let (error, cause) = (text("error"), text("cause"));
        Some(Outcome { status, output, error, cause, services, children, ..Outcome::recorded(Rc::new(history)) })
    }
}

/// JSON indented for reading, keys in their order.
pub fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_else(|_| value.to_json())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::asl::definition;
    use crate::asl::error::Failure;
    use crate::asl::exec::ExecutionOptions;

    fn run(answer: Result<Value, Failure>) -> Execution {
        let text = r#"{"StartAt":"Hello","States":{"Hello":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:f","End":true}}}"#;
        let mut ex = Execution::start(
            Rc::new(definition::parse(text).unwrap()),
            Value::parse("{}").unwrap(),
            ExecutionOptions::default(),
        );
        ex.run_to_end(|_| Some(answer.clone()));
        ex
    }

    #[test]
    fn success_shows_the_output_and_the_history() {
        let output = Value::parse(r#"{"statusCode":200,"body":"hi"}"#).unwrap();
        let outcome = Outcome::of(&run(Ok(output)), Ending::Ended, Vec::new());
        assert_eq!(outcome.status, "SUCCEEDED");
        assert_eq!(outcome.output.as_deref(), Some("{\n  \"statusCode\": 200,\n  \"body\": \"hi\"\n}"));
        assert_eq!(outcome.events.first().map(|e| e.kind.as_str()), Some("ExecutionStarted"));
        assert_eq!(outcome.events.last().map(|e| e.kind.as_str()), Some("ExecutionSucceeded"));
        assert_eq!(outcome.history()["events"].as_array().map(Vec::len), Some(outcome.events.len()));
    }

    #[test]
    fn a_finished_runs_history_tells_its_outcome_again() {
        let ok = Outcome::of(&run(Ok(Value::parse(r#"{"body":"hi"}"#).unwrap())), Ending::Ended, Vec::new());
        let failed = Outcome::of(&run(Err(Failure::new("TypeError", "boom"))), Ending::Ended, Vec::new());
        for outcome in [ok, failed] {
            let again = Outcome::from_history(outcome.history().clone(), Some("{}".into()), Vec::new()).unwrap();
            assert_eq!((again.status, &again.output, &again.error, &again.cause), (outcome.status, &outcome.output, &outcome.error, &outcome.cause));
            assert_eq!((again.events, again.services.as_deref()), (outcome.events, Some("{}")));
        }
        let mut unfinished = Outcome::of(&run(Ok(Value::Null)), Ending::Ended, Vec::new()).history().clone();
        unfinished["events"].as_array_mut().unwrap().pop();
        assert!(Outcome::from_history(unfinished, None, Vec::new()).is_none(), "a run that did not end is not shown again");
        assert!(Outcome::from_history(serde_json::json!({"events": []}), None, Vec::new()).is_none());
    }

    #[test]
    fn failure_shows_error_and_cause() {
        let outcome = Outcome::of(&run(Err(Failure::new("TypeError", "boom"))), Ending::Ended, Vec::new());
        assert_eq!(
            (outcome.status, outcome.error.as_deref(), outcome.cause.as_deref()),
            ("FAILED", Some("TypeError"), Some("boom"))
        );
        assert_eq!(outcome.output, None);
    }
}
