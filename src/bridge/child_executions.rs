//! The child executions of a run's distributed Map states as the page lists them (a Map Run's
//! table): their events are not in the run's history, as in AWS, so the engine lists them apart.

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
}

/// The child executions of `ex` so far, in the order they started.
pub fn of(ex: &Execution) -> Vec<ChildExecution> {
    ex.child_runs()
        .iter()
        .map(|c| {
            let (output, failure) = match &c.status {
                ChildStatus::Succeeded(output) => (Some(output.to_json()), None),
                ChildStatus::Failed(failure) => (None, Some(failure)),
                ChildStatus::Running | ChildStatus::Aborted => (None, None),
            };
            ChildExecution {
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
            }
        })
        .collect()
}

/// As kept with the last run (written out by hand: serde's derived code for this one type weighed
/// several KB in the page's wasm).
pub fn to_json(children: &[ChildExecution]) -> Json {
    children
        .iter()
        .map(|c| {
            json!({ "map": c.map, "mapRun": c.map_run, "index": c.index, "status": c.status, "input": c.input, "output": c.output,
                    "error": c.error, "cause": c.cause, "started": c.started, "ended": c.ended })
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
        })
    };
    kept.as_array().map(|all| all.iter().filter_map(read).collect()).unwrap_or_default()
}

#[cfg(test)]
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
        assert_eq!(from_json(&to_json(&rows)), rows, "kept with the last run and read back");
        assert_eq!(from_json(&serde_json::json!([{"map": "M"}, 3])), [], "what does not read is left out");
    }
}
