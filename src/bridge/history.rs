//! An execution's history (AWS's GetExecutionHistory shape) as rows for the events table.

use serde_json::Value;

use crate::asl;
use crate::bridge::timeline::Timeline;
use crate::bridge::visits;

/// One history event, ready to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventRow {
    /// The event's id, from 1.
    pub id: i64,
    /// Its type: `TaskStateEntered`, `LambdaFunctionSucceeded`, …
    pub kind: String,
    /// The state whose visit it belongs to (`bridge::visits`); none for the execution's own events.
    pub state: Option<String>,
    /// The event's details as compact JSON, JSON-in-string fields (`input`, `output`) unpacked.
    pub details: String,
    /// The event reports an error (`…Failed`, `…TimedOut`, `…Aborted`).
    pub failure: bool,
    /// When it happened (virtual time, milliseconds since the epoch), if its timestamp reads.
    pub time: Option<i64>,
}

/// The rows of a history.
pub fn rows(timeline: &Timeline) -> Vec<EventRow> {
    let state_of = |i: usize| timeline.visit(i).and_then(|v| timeline.name(v)).map(str::to_owned);
    timeline
        .events()
        .iter()
        .enumerate()
        .map(|(i, event)| {
            let kind = visits::kind(event).to_owned();
            let failure = ["Failed", "TimedOut", "Aborted"].iter().any(|s| kind.ends_with(s));
            let time = event.get("timestamp").and_then(Value::as_str).and_then(asl::timestamp::parse);
            let details = visits::details(event).map(unpacked).unwrap_or_default();
            EventRow { id: visits::id_of(event, i), kind, state: state_of(i), details, failure, time }
        })
        .collect()
}

/// Details as compact JSON: the `…Details` truncation flags dropped, JSON held in strings shown as
/// JSON (in its own key order, which serde_json's maps would sort).
fn unpacked(details: &Value) -> String {
    let Some(object) = details.as_object() else { return details.to_string() };
    let fields: Vec<String> = object
        .iter()
        .filter(|(k, _)| !k.ends_with("Details"))
        .map(|(k, v)| {
            let inner =
                v.as_str().filter(|s| s.starts_with(['{', '[', '"'])).and_then(|s| asl::json::Value::parse(s).ok());
            let shown = inner.map_or_else(|| v.to_string(), |inner| inner.to_json());
            format!("{}:{shown}", Value::from(k.as_str()))
        })
        .collect();
    format!("{{{}}}", fields.join(","))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use std::rc::Rc;

    fn rows_of(history: Value) -> Vec<EventRow> {
        rows(&Timeline::new(Rc::new(history)))
    }

    #[test]
    fn states_are_named_or_inherited_and_details_unpacked() {
        let history = json!({"events": [
            {"id": 1, "previousEventId": 0, "type": "ExecutionStarted",
             "executionStartedEventDetails": {"input": "{\"who\":\"you\",\"age\":3}", "inputDetails": {"truncated": false}}},
            {"id": 2, "previousEventId": 1, "type": "TaskStateEntered",
             "stateEnteredEventDetails": {"name": "Hello", "input": "{\"who\":\"you\"}"}},
            {"id": 3, "previousEventId": 2, "type": "LambdaFunctionScheduled",
             "lambdaFunctionScheduledEventDetails": {"resource": "arn:aws:lambda:x:1:function:f", "input": "{}"}},
            {"id": 4, "previousEventId": 3, "type": "LambdaFunctionFailed",
             "lambdaFunctionFailedEventDetails": {"error": "TypeError", "cause": "boom"}},
            {"id": 5, "previousEventId": 4, "type": "ExecutionFailed",
             "executionFailedEventDetails": {"error": "TypeError", "cause": "boom"}}
        ]});
        let rows = rows_of(history);
        let states: Vec<Option<&str>> = rows.iter().map(|r| r.state.as_deref()).collect();
        assert_eq!(states, [None, Some("Hello"), Some("Hello"), Some("Hello"), None]);
        assert_eq!(rows[0].details, r#"{"input":{"who":"you","age":3}}"#);
        assert_eq!(rows[2].details, r#"{"input":{},"resource":"arn:aws:lambda:x:1:function:f"}"#);
        let failures: Vec<bool> = rows.iter().map(|r| r.failure).collect();
        assert_eq!(failures, [false, false, false, true, true]);
    }

    #[test]
    fn a_parallels_end_belongs_to_it_not_to_its_last_branchs_state() {
        use crate::bridge::timeline::tests::{history, NESTED_PARALLEL};
        let rows = rows(&Timeline::new(history(NESTED_PARALLEL, "{}", |x| Ok(x.clone()))));
        let ends: Vec<Option<&str>> = rows.iter().filter(|r| r.kind == "ParallelStateSucceeded").map(|r| r.state.as_deref()).collect();
        assert_eq!(ends, [Some("Inner"), Some("Outer")]);
    }

    #[test]
    fn a_maps_iteration_events_belong_to_it_not_to_the_iterations_last_state() {
        use crate::bridge::timeline::tests::{history, MAP};
        let rows = rows(&Timeline::new(history(MAP, r#"{"xs":[1,2]}"#, |x| Ok(x.clone()))));
        let iterations: Vec<(&str, Option<&str>)> =
            rows.iter().filter(|r| r.kind.starts_with("MapIteration")).map(|r| (r.kind.as_str(), r.state.as_deref())).collect();
        assert_eq!(iterations.len(), 4, "{iterations:?}");
        assert!(iterations.iter().all(|(_, state)| *state == Some("Each")), "{iterations:?}");
    }

    #[test]
    fn anything_else_gives_no_rows() {
        assert!(rows_of(json!({"events": 3})).is_empty());
        assert!(rows_of(json!(null)).is_empty());
    }
}
