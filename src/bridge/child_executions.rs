//! The child executions of a run's distributed Map states as the page lists them (a Map Run's
//! table), each with its own history: their events are not in the run's history, as in AWS, so the
//! engine keeps them apart.

use std::rc::Rc;

use serde_json::{json, Value as Json};

use crate::asl::exec::{ChildStatus, Execution};

/// One child execution.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChildExecution {
    /// The distributed Map state whose iteration it is.
    pub map: String,
    /// The id of the `MapRunStarted` event of the Map Run it belongs to.
    pub map_run: u64,
    /// The item's index.
    pub index: usize,
    /// AWS's status word: `RUNNING`, `SUCCEEDED`, `FAILED`, `ABORTED`.
    pub status: String,
    /// Its input and output, compact JSON.
    pub input: String,
    pub output: Option<String>,
    pub error: Option<String>,
    pub cause: Option<String>,
    /// Virtual times, milliseconds since the epoch.
    pub started: i64,
    pub ended: Option<i64>,
    /// Its history, AWS's GetExecutionHistory shape (not kept past [`HISTORIES_KEPT`], nor when
    /// the last run was too large to keep with it).
    pub history: Option<Rc<Json>>,
    /// The child executions of its own distributed Maps.
    pub children: Vec<ChildExecution>,
}

/// How many child executions keep their history: a Map Run of 100,000 children would take seconds
/// and a gigabyte to write every history out as JSON. Those that did not succeed come first.
pub const HISTORIES_KEPT: usize = 1_000;

/// The child executions of `ex` so far, in the order they started, each with its own.
pub fn of(ex: &Execution) -> Vec<ChildExecution> {
    let runs = ex.child_runs();
    let mut kept = vec![false; runs.len()];
    let unsuccessful = runs.iter().enumerate().filter(|(_, c)| !matches!(c.status, ChildStatus::Succeeded(_)));
    let succeeded = runs.iter().enumerate().filter(|(_, c)| matches!(c.status, ChildStatus::Succeeded(_)));
    for (k, _) in unsuccessful.chain(succeeded).take(HISTORIES_KEPT) {
        kept[k] = true;
    }
    // A child starts after the child whose Map runs it: read from the last, each child's own
    // children are gathered (last first) by the time it is read.
    let mut own: Vec<Vec<ChildExecution>> = vec![Vec::new(); runs.len()];
    let mut top = Vec::new();
    for (k, c) in runs.iter().enumerate().rev() {
        let (output, failure) = match &c.status {
            ChildStatus::Succeeded(output) => (Some(output.to_json()), None),
            ChildStatus::Failed(failure) => (None, Some(failure)),
            ChildStatus::Running | ChildStatus::Aborted => (None, None),
        };
        let mut children = std::mem::take(&mut own[k]);
        children.reverse();
        let row = ChildExecution {
            map: c.map.to_string(),
            map_run: c.map_run,
            index: c.index,
            status: c.status.word().to_owned(),
            input: c.input.to_json(),
            output,
            error: failure.map(|f| f.error.clone()),
            cause: failure.and_then(|f| f.cause.clone()),
            started: c.started,
            ended: c.ended,
            history: kept[k].then(|| Rc::new(ex.child_history_json(k))),
            children,
        };
        match c.parent.and_then(|p| own.get_mut(p.index())) {
            Some(siblings) => siblings.push(row),
            None => top.push(row),
        }
    }
    top.reverse();
    top
}

/// As kept with the last run, their histories too when `histories` (written out by hand: serde's
/// derived code for this one type weighed several KB in the page's wasm).
pub fn to_json(children: &[ChildExecution], histories: bool) -> Json {
    children
        .iter()
        .map(|c| {
            json!({ "map": c.map, "mapRun": c.map_run, "index": c.index, "status": c.status, "input": c.input, "output": c.output,
                    "error": c.error, "cause": c.cause, "started": c.started, "ended": c.ended,
                    "history": c.history.as_deref().filter(|_| histories), "children": to_json(&c.children, histories) })
        })
        .collect()
}

/// Read back from [`to_json`]; what does not read is left out.
pub fn from_json(kept: &Json) -> Vec<ChildExecution> {
    let read = |c: &Json| {
        let text = |key: &str| c.get(key).and_then(Json::as_str).map(str::to_owned);
        Some(ChildExecution {
            map: text("map")?,
            map_run: c.get("mapRun")?.as_u64()?,
            index: c.get("index")?.as_u64()? as usize,
            status: text("status")?,
            input: text("input")?,
            output: text("output"),
            error: text("error"),
            cause: text("cause"),
            started: c.get("started")?.as_i64()?,
            ended: c.get("ended").and_then(Json::as_i64),
            history: c.get("history").filter(|h| h.is_object()).map(|h| Rc::new(h.clone())),
            children: c.get("children").map(from_json).unwrap_or_default(),
        })
    };
    kept.as_array().map(|all| all.iter().filter_map(read).collect()).unwrap_or_default()
}

#[cfg(test)]
// Tuples of what each row shows read best in the assertions.
#[allow(clippy::type_complexity)]
mod tests {
    use std::rc::Rc;

    use super::*;
    use crate::asl::definition;
    use crate::asl::error::Failure;
    use crate::asl::exec::{ExecutionOptions, TaskRequest};
    use crate::asl::json::Value;

    #[test]
    fn rows_carry_each_childs_input_and_its_output_or_error() {
        let text = r#"{"StartAt":"M","States":{"M":{"Type":"Map","End":true,"ToleratedFailureCount":1,"ItemProcessor":{
            "ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"T","States":{
            "T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:f","End":true}}}}}}"#;
        let mut ex = Execution::start(Rc::new(definition::parse(text).unwrap()), Value::parse(r#"[{"a":1},{"a":2}]"#).unwrap(), ExecutionOptions::default());
        ex.run_to_end(|r: &TaskRequest| Some(if r.input.to_json() == r#"{"a":2}"# { Err(Failure::new("Bad", "two")) } else { Ok(Value::parse(r#"{"ok":true}"#).unwrap()) }));
        let rows = of(&ex);
        let shown: Vec<(&str, &str, Option<&str>, Option<&str>, Option<&str>)> =
            rows.iter().map(|r| (r.status.as_str(), r.input.as_str(), r.output.as_deref(), r.error.as_deref(), r.cause.as_deref())).collect();
        assert_eq!(shown, [("SUCCEEDED", r#"{"a":1}"#, Some(r#"{"ok":true}"#), None, None), ("FAILED", r#"{"a":2}"#, None, Some("Bad"), Some("two"))]);
        assert_eq!(from_json(&to_json(&rows, true)), rows, "kept with the last run and read back");
        let failed = crate::bridge::outcome::Outcome::of_child(&rows[1]).expect("its history is kept");
        assert_eq!((failed.status, failed.error.as_deref(), failed.cause.as_deref()), ("FAILED", Some("Bad"), Some("two")));
        let kinds: Vec<&str> = failed.events.iter().map(|e| e.kind.as_str()).collect();
        assert_eq!(kinds.first(), Some(&"ExecutionStarted"));
        assert_eq!(kinds.last(), Some(&"ExecutionFailed"));
        assert_eq!(failed.events.iter().filter(|e| e.state.as_deref() == Some("T")).count(), kinds.len() - 2, "the Task's events in between");
        let bare = from_json(&to_json(&rows, false));
        assert!(bare.iter().all(|c| c.history.is_none()) && bare.len() == 2, "kept without their histories");
        assert!(crate::bridge::outcome::Outcome::of_child(&bare[1]).is_none());
        assert_eq!(from_json(&serde_json::json!([{"map": "M"}, 3])), [], "what does not read is left out");
    }

    #[test]
    fn a_distributed_map_inside_a_child_runs_children_of_the_childs_own() {
        let text = r#"{"StartAt":"Outer","States":{"Outer":{"Type":"Map","End":true,"ItemProcessor":{
            "ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"Inner","States":{
            "Inner":{"Type":"Map","End":true,"ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
              "StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}}}}"#;
        let mut ex = Execution::start(Rc::new(definition::parse(text).unwrap()), Value::parse("[[1, 2], [3]]").unwrap(), ExecutionOptions::default());
        ex.run_to_end(|_: &TaskRequest| None);
        let top = of(&ex);
        let shape: Vec<(&str, usize, Vec<(&str, String)>)> =
            top.iter().map(|c| (c.map.as_str(), c.index, c.children.iter().map(|g| (g.map.as_str(), g.input.clone())).collect())).collect();
        assert_eq!(shape, [("Outer", 0, vec![("Inner", "1".into()), ("Inner", "2".into())]), ("Outer", 1, vec![("Inner", "3".into())])]);
        // A grandchild's Map Run is in its parent child's history.
        let child = crate::bridge::outcome::Outcome::of_child(&top[0]).unwrap();
        let run_started = child.events.iter().find(|e| e.kind == "MapRunStarted").map(|e| e.id as u64);
        assert_eq!(run_started, Some(top[0].children[0].map_run));
        assert_eq!(child.children.len(), 2);
    }

    #[test]
    fn histories_are_kept_for_the_unsuccessful_children_first() {
        let text = r#"{"StartAt":"M","States":{"M":{"Type":"Map","End":true,"ToleratedFailurePercentage":100,"ItemProcessor":{
            "ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"T","States":{
            "T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:f","End":true}}}}}}"#;
        let count = HISTORIES_KEPT + 10;
        let items = format!("[{}]", (0..count).map(|i| i.to_string()).collect::<Vec<_>>().join(","));
        let options = ExecutionOptions { max_payload_bytes: usize::MAX, ..ExecutionOptions::default() };
        let mut ex = Execution::start(Rc::new(definition::parse(text).unwrap()), Value::parse(&items).unwrap(), options);
        let last = Value::int(count as i64 - 1);
        ex.run_to_end(|r: &TaskRequest| Some(if r.input == last { Err(Failure::new("Bad", "the last")) } else { Ok(Value::Null) }));
        let rows = of(&ex);
        assert_eq!(rows.len(), count);
        assert_eq!(rows.iter().filter(|c| c.history.is_some()).count(), HISTORIES_KEPT);
        assert!(rows[count - 1].history.is_some(), "the failed one, though last");
        assert!(rows[count - 2].history.is_none());
    }
}
