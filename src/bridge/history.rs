//! An execution's history (AWS's GetExecutionHistory shape) as rows for the events table.

use serde_json::Value;

use crate::asl;

/// One history event, ready to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventRow {
    /// The event's id, from 1.
    pub id: i64,
    /// Its type: `TaskStateEntered`, `LambdaFunctionSucceeded`, …
    pub kind: String,
    /// The state it belongs to: named by state events, inherited along `previousEventId` by the rest.
    pub state: Option<String>,
    /// The event's details as compact JSON, JSON-in-string fields (`input`, `output`) unpacked.
    pub details: String,
    /// The event reports an error (`…Failed`, `…TimedOut`, `…Aborted`).
    pub failure: bool,
    /// When it happened (virtual time, milliseconds since the epoch), if its timestamp reads.
    pub time: Option<i64>,
}

/// The rows of `{"events": [...]}`.
pub fn rows(history: &Value) -> Vec<EventRow> {
    let events = history.get("events").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
    let mut rows: Vec<EventRow> = Vec::with_capacity(events.len());
    let mut previous_ids: Vec<Option<i64>> = Vec::with_capacity(events.len());
    for event in events {
        let id = event.get("id").and_then(Value::as_i64).unwrap_or(rows.len() as i64 + 1);
        let kind = event.get("type").and_then(Value::as_str).unwrap_or("?").to_owned();
        let details =
            event.as_object().and_then(|o| o.iter().find(|(k, _)| k.ends_with("EventDetails"))).map(|(_, v)| v);
        let named = details.filter(|_| kind.contains("State")).and_then(|d| d.get("name")).and_then(Value::as_str);
        let previous = event.get("previousEventId").and_then(Value::as_i64);
        let inherited = match group_end(&kind) {
            // A Map's or Parallel's end follows its last iteration's or branch's last event.
            Some(group) => enclosing(&rows, &previous_ids, previous, group),
            None => index_of(&rows, previous).and_then(|i| rows[i].state.clone()),
        };
        previous_ids.push(previous);
        let state = named.map(str::to_owned).or(inherited).filter(|_| !kind.starts_with("Execution"));
        let failure = ["Failed", "TimedOut", "Aborted"].iter().any(|s| kind.ends_with(s));
        let time = event.get("timestamp").and_then(Value::as_str).and_then(asl::timestamp::parse);
        rows.push(EventRow { id, kind, state, details: details.map(unpacked).unwrap_or_default(), failure, time });
    }
    rows
}

/// Whether `kind` ends a Map or Parallel state (`MapStateSucceeded`, `ParallelStateFailed`, …):
/// which of the two, as the prefix of its other events (`MapState`, `ParallelState`).
pub fn group_end(kind: &str) -> Option<&'static str> {
    let rest = |group: &str| kind.strip_prefix(group).is_some_and(|rest| matches!(rest, "Succeeded" | "Failed" | "Aborted"));
    ["MapState", "ParallelState"].into_iter().find(|group| rest(group))
}

/// The index of event `id`: ids count from 1 in order, as AWS numbers them (else it is searched for).
fn index_of(rows: &[EventRow], id: Option<i64>) -> Option<usize> {
    let id = id?;
    let at = usize::try_from(id).ok()?.checked_sub(1)?;
    if rows.get(at).is_some_and(|r| r.id == id) {
        Some(at)
    } else {
        rows.iter().rposition(|r| r.id == id)
    }
}

/// The state a Map's or Parallel's end (`group` is `MapState` or `ParallelState`) belongs to,
/// `previous` being its last iteration's or branch's last event: walking back to the group's
/// `…StateEntered`, past any nested one of the same kind exited and entered on the way.
fn enclosing(rows: &[EventRow], previous_ids: &[Option<i64>], previous: Option<i64>, group: &str) -> Option<String> {
    let (entered, exited) = (format!("{group}Entered"), format!("{group}Exited"));
    let mut depth = 0usize;
    let mut at = index_of(rows, previous);
    while let Some(i) = at {
        if rows[i].kind == entered {
            if depth == 0 {
                return rows[i].state.clone();
            }
            depth -= 1;
        } else if rows[i].kind == exited {
            depth += 1;
        }
        // Ids only go back, so the walk ends.
        at = index_of(&rows[..i], previous_ids[i]);
    }
    None
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
        let rows = rows(&history);
        let states: Vec<Option<&str>> = rows.iter().map(|r| r.state.as_deref()).collect();
        assert_eq!(states, [None, Some("Hello"), Some("Hello"), Some("Hello"), None]);
        assert_eq!(rows[0].details, r#"{"input":{"who":"you","age":3}}"#);
        assert_eq!(rows[2].details, r#"{"input":{},"resource":"arn:aws:lambda:x:1:function:f"}"#);
        let failures: Vec<bool> = rows.iter().map(|r| r.failure).collect();
        assert_eq!(failures, [false, false, false, true, true]);
    }

    #[test]
    fn a_parallels_end_belongs_to_it_not_to_its_last_branchs_state() {
        use crate::ui::timeline::tests::{history, NESTED_PARALLEL};
        let rows = rows(&history(NESTED_PARALLEL, "{}", |x| Ok(x.clone())));
        let ends: Vec<Option<&str>> = rows.iter().filter(|r| r.kind == "ParallelStateSucceeded").map(|r| r.state.as_deref()).collect();
        assert_eq!(ends, [Some("Inner"), Some("Outer")]);
    }

    #[test]
    fn anything_else_gives_no_rows() {
        assert!(rows(&json!({"events": 3})).is_empty());
        assert!(rows(&json!(null)).is_empty());
    }
}
