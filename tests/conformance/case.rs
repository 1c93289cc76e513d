//! Running one recorded case through the engine and saying where it differs from AWS.

use std::rc::Rc;

use aslplay::asl::definition;
use aslplay::asl::exec::{Event, EventKind, Execution, ExecutionOptions, Status, TaskError, TaskOutput};
use aslplay::asl::error::Failure;
use aslplay::asl::json::Value;
use serde_json::{json, Map, Value as Json};

use super::compare::{matches, Redactions};

/// Runs `case` and returns `Err(difference)` if it does not end as AWS recorded.
pub fn check(case: &Json) -> Result<(), String> {
    let definition = Value::from_serde(&with_lambda_stubs(case));
    let machine = definition::from_value(&definition).map_err(|d| format!("definition rejected: {d:?}"))?;
    let input = Value::from_serde(execution_input(case));
    let mut options = ExecutionOptions::default();
    if case["timeDependentInput"].as_bool() == Some(true) {
        // These inputs were computed from the clock when the corpus was extracted (the near ones
        // read 2026-11-21T14:28:42); start the execution just before that moment.
        options.start_time_ms = aslplay::asl::timestamp::parse("2026-11-21T14:28:40Z").unwrap_or_default();
    }
    // The activity worker of the recording named itself when it took the task.
    let worker = case["events"].as_array().into_iter().flatten().find_map(|e| e["otherDetails"]["activityStartedEventDetails"]["workerName"].as_str());
    if let Some(worker) = worker {
        options.activity_worker = worker.to_string();
    }
    let mut ex = Execution::start(Rc::new(machine), input, options);
    let mut recorded = RecordedTasks::new(case);
    loop {
        let requests = ex.run();
        for request in &requests {
            if let Some(response) = recorded.submitted(&request.state_name) {
                let _ = ex.submit_task(request.id, response);
            }
            if let Some(outcome) = recorded.answer(&request.state_name) {
                let _ = ex.complete_task(request.id, outcome);
            }
        }
        if *ex.status() != Status::Running {
            break;
        }
        if requests.is_empty() {
            match ex.next_timer() {
                Some(at) => ex.advance_to(at),
                None => break,
            }
        }
    }
    let redacted = Redactions::of(case);
    let expected = &case["expected"];
    let actual = outcome(ex.status());
    if !matches(expected, &actual, &redacted) {
        return Err(format!("outcome differs\n  expected {expected}\n  actual   {actual}"));
    }
    if let Some(events) = case["events"].as_array() {
        let ours: Vec<Json> = ex.history().iter().map(simplify).collect();
        compare_events(events, &ours, &redacted, case["eventsNormalised"].as_bool().unwrap_or(false))?;
    }
    Ok(())
}

/// The task outcomes AWS recorded, answered per state in history order.
struct RecordedTasks {
    results: Vec<(String, Option<Result<Value, Failure>>)>,
    /// The TaskSubmitted responses, by the state entered last before them.
    submitted: Vec<(String, Value)>,
}

impl RecordedTasks {
    fn new(case: &Json) -> RecordedTasks {
        let results = case["taskResults"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|r| {
                let state = r["state"].as_str().unwrap_or_default().to_string();
                let kind = r["type"].as_str().unwrap_or_default();
                let outcome = if kind.ends_with("Succeeded") {
                    Some(Ok(Value::from_serde(&r["output"])))
                } else if kind.ends_with("TimedOut") {
                    // The task never answered: the engine's own timer times it out.
                    None
                } else {
                    let cause = match &r["cause"] {
                        Json::String(s) => Some(s.clone()),
                        Json::Null => None,
                        // The recording parsed causes that were JSON. A Lambda function called
                        // directly reports Python's json.dumps text; integrations write compact JSON.
                        other if kind == "LambdaFunctionFailed" => Some(python_json(other)),
                        other => Some(other.to_string()),
                    };
                    Some(Err(Failure { error: r["error"].as_str().unwrap_or_default().to_string(), cause }))
                };
                (state, outcome)
            })
            .collect();
        let mut submitted = Vec::new();
        let mut state = String::new();
        for event in case["events"].as_array().into_iter().flatten() {
            match event["type"].as_str() {
                Some("TaskStateEntered") => state = event["name"].as_str().unwrap_or_default().to_string(),
                Some("TaskSubmitted") => submitted.push((state.clone(), Value::from_serde(&event["output"]))),
                _ => {}
            }
        }
        RecordedTasks { results, submitted }
    }

    fn submitted(&mut self, state: &str) -> Option<Value> {
        let i = self.submitted.iter().position(|(s, _)| s == state)?;
        Some(self.submitted.remove(i).1)
    }

    fn answer(&mut self, state: &str) -> Option<Result<Value, Failure>> {
        // Results recorded inside normalised Parallel histories name no state: they answer in order.
        let i = self.results.iter().position(|(s, _)| s == state || s.is_empty())?;
        self.results.remove(i).1
    }
}

/// JSON text as Python's `json.dumps` writes it (`{"a": 1, "b": [1, 2]}`), as Lambda functions
/// written in Python report their errors.
fn python_json(value: &Json) -> String {
    match value {
        Json::Array(items) => format!("[{}]", items.iter().map(python_json).collect::<Vec<_>>().join(", ")),
        Json::Object(map) => {
            let members: Vec<String> = map.iter().map(|(k, v)| format!("{}: {}", json!(k), python_json(v))).collect();
            format!("{{{}}}", members.join(", "))
        }
        other => other.to_string(),
    }
}

/// The definition with the recording's `stub:…` resources (functions and activities the test
/// created) as the ARNs its history shows for the same states.
fn with_lambda_stubs(case: &Json) -> Json {
    let mut recorded = std::collections::HashMap::new();
    let mut state = String::new();
    for event in case["events"].as_array().into_iter().flatten() {
        match event["type"].as_str() {
            Some("TaskStateEntered") => state = event["name"].as_str().unwrap_or_default().to_string(),
            Some("LambdaFunctionScheduled") => {
                let arn = event["resource"].as_str().unwrap_or_default().replace("<partition>", "aws").replace("<region>", "us-east-1");
                recorded.entry(state.clone()).or_insert(arn);
            }
            // The activity's ARN was redacted to a word (`activity_arn`): any activity ARN will do.
            Some("ActivityScheduled") => {
                recorded.entry(state.clone()).or_insert_with(|| "arn:aws:states:us-east-1:111111111111:activity:stub".into());
            }
            _ => {}
        }
    }
    replace_stubs(&case["definition"], "", &recorded)
}

fn replace_stubs(value: &Json, state: &str, recorded: &std::collections::HashMap<String, String>) -> Json {
    match value {
        Json::String(s) if s.starts_with("stub:") => {
            let arn = recorded.get(state).cloned().unwrap_or_else(|| "arn:aws:lambda:us-east-1:111111111111:function:stub".into());
            json!(arn)
        }
        Json::Object(m) => Json::Object(
            m.iter()
                .map(|(k, v)| {
                    // Inside "States", each key is a state name: remember it for the stubs below.
                    let inner = if value.get("Type").is_none() && v.get("Type").is_some() { k.as_str() } else { state };
                    (k.clone(), replace_stubs(v, inner, recorded))
                })
                .collect(),
        ),
        Json::Array(a) => Json::Array(a.iter().map(|v| replace_stubs(v, state, recorded)).collect()),
        other => other.clone(),
    }
}

/// The execution's input. Where the test built its input from resources it created (`stub:…`) or
/// values the recording then replaced (generated names), the recorded ExecutionStarted input is what
/// AWS saw, as far as the recording tells: the replay starts from that.
fn execution_input(case: &Json) -> &Json {
    let recorded = case["events"].get(0).filter(|e| e["type"] == "ExecutionStarted").map(|e| &e["input"]);
    match recorded {
        Some(recorded) if case["redacted"] == true && case.get("taskResults").is_some() => recorded,
        _ => &case["input"],
    }
}

fn outcome(status: &Status) -> Json {
    match status {
        Status::Succeeded(v) => json!({"status": "SUCCEEDED", "output": v.to_serde()}),
        Status::Failed(f) => json!({"status": "FAILED", "error": nonempty(&f.error), "cause": parsed_if_json(&f.cause)}),
        Status::TimedOut(f) => json!({"status": "TIMED_OUT", "error": f.error, "cause": f.cause}),
        Status::Running => json!({"status": "RUNNING"}),
    }
}

/// Causes that are JSON text compare as JSON (the recording stored them parsed).
fn parsed_if_json(cause: &Option<String>) -> Json {
    match cause {
        Some(c) if c.starts_with('{') => serde_json::from_str(c).unwrap_or_else(|_| json!(c)),
        Some(c) => json!(c),
        None => Json::Null,
    }
}

fn nonempty(s: &str) -> Json {
    if s.is_empty() { Json::Null } else { json!(s) }
}

fn compare_events(expected: &[Json], ours: &[Json], redacted: &Redactions, normalised: bool) -> Result<(), String> {
    if normalised {
        // The recording tool's Parallel normaliser sorted the events and dropped
        // ParallelStateSucceeded / ParallelStateFailed (their id is missing from every normalised
        // history), so ours are left out of the comparison too.
        let key = |e: &Json| format!("{}|{}", e["type"], e["name"]);
        let mut a: Vec<String> = expected.iter().map(key).collect();
        let mut b: Vec<String> =
            ours.iter().filter(|e| e["type"] != "ParallelStateSucceeded" && e["type"] != "ParallelStateFailed").map(key).collect();
        a.sort();
        b.sort();
        return if a == b { Ok(()) } else { Err(format!("event multiset differs\n  expected {a:?}\n  actual   {b:?}")) };
    }
    for (i, e) in expected.iter().enumerate() {
        let Some(o) = ours.get(i) else {
            return Err(format!("history ends early: expected event {i} {e}"));
        };
        let mismatch = e.as_object().into_iter().flatten().find(|(k, v)| !o.get(k.as_str()).is_some_and(|w| matches(v, w, redacted)));
        let extra = ["error", "cause", "input", "output", "index", "length"].iter().find(|k| o.get(**k).is_some() && e.get(**k).is_none());
        if let Some((k, v)) = mismatch {
            return Err(format!("event {} differs in '{k}'\n  expected {e}\n  actual   {o}\n  (expected {k} = {v})", i + 1));
        }
        if let Some(k) = extra {
            return Err(format!("event {} has an unexpected '{k}'\n  expected {e}\n  actual   {o}", i + 1));
        }
    }
    if ours.len() > expected.len() {
        return Err(format!("history has {} extra events, from {}", ours.len() - expected.len(), ours[expected.len()]));
    }
    Ok(())
}

/// Our event in the corpus's simplified shape.
pub fn simplify(event: Event) -> Json {
    let mut m = Map::new();
    m.insert("id".into(), json!(event.id));
    m.insert("previousEventId".into(), json!(event.previous_event_id));
    m.insert("type".into(), json!(event.kind.type_name()));
    let mut put = |k: &str, v: Json| {
        m.insert(k.into(), v);
    };
    use EventKind::*;
    match event.kind {
        ExecutionStarted { input, .. } => put("input", input.to_serde()),
        EvaluationFailed(failed) => {
            let aslplay::asl::exec::EvaluationFailed { error, cause, location, state } = &**failed;
            put("error", json!(&**error));
            if let Some(c) = cause { put("cause", json!(&**c)); }
            if let Some(l) = location { put("location", json!(&**l)); }
            put("state", json!(&**state));
        }
        ActivityScheduled(scheduled) => {
            put("resource", json!(&*scheduled.resource));
            put("input", scheduled.input.to_serde());
        }
        ActivityStarted { worker_name } => put("otherDetails", json!({"activityStartedEventDetails": {"workerName": &**worker_name}})),
        ActivitySucceeded { output } => put("output", output.to_serde()),
        // The recording keeps this one's details whole, under `otherDetails`.
        ActivityTimedOut { error, cause } => {
            let mut details = Map::new();
            if let Some(e) = error { details.insert("error".into(), json!(&**e)); }
            if let Some(c) = cause { details.insert("cause".into(), json!(&**c)); }
            put("otherDetails", json!({"activityTimedOutEventDetails": details}));
        }
        ActivityFailed { error, cause } => {
            if let Some(e) = error { put("error", json!(&**e)); }
            if let Some(c) = cause { put("cause", parsed_if_json(&Some(c.to_string()))); }
        }
        ExecutionSucceeded { output } | LambdaFunctionSucceeded { output } => put("output", output.to_serde()),
        StateEntered { name, input, .. } => {
            put("name", json!(&**name));
            put("input", input.to_serde());
        }
        StateExited { name, output, assigned, .. } => {
            put("name", json!(&**name));
            put("output", output.to_serde());
            if let Some(vars) = assigned {
                put("assignedVariables", vars.to_serde());
                put("assignedVariablesDetails", json!({"truncated": false}));
            }
        }
        StateAborted { .. } => {} // AWS records it bare: no name
        ExecutionFailed { error, cause } | ExecutionTimedOut { error, cause } | LambdaFunctionFailed { error, cause } | LambdaFunctionTimedOut { error, cause } => {
            if let Some(e) = error { put("error", json!(&**e)); }
            if let Some(c) = cause { put("cause", parsed_if_json(&Some(c.to_string()))); }
        }
        LambdaFunctionScheduled(scheduled) => {
            put("resource", json!(&*scheduled.resource));
            put("input", scheduled.input.to_serde());
        }
        TaskScheduled(scheduled) => {
            put("resource", json!(&*scheduled.resource));
            put("resourceType", json!(&*scheduled.resource_type));
            put("parameters", scheduled.parameters.to_serde());
        }
        TaskStarted { resource_type, resource } => {
            put("resource", json!(&**resource));
            put("resourceType", json!(&**resource_type));
        }
        TaskSubmitted(answer) | TaskSucceeded(answer) => {
            let TaskOutput { resource_type, resource, output } = &**answer;
            put("resource", json!(&**resource));
            put("resourceType", json!(&**resource_type));
            put("output", output.to_serde());
        }
        TaskFailed(failed) | TaskTimedOut(failed) => {
            let TaskError { resource_type, resource, error, cause } = &**failed;
            put("resource", json!(&**resource));
            put("resourceType", json!(&**resource_type));
            if let Some(e) = error { put("error", json!(&**e)); }
            if let Some(c) = cause { put("cause", parsed_if_json(&Some(c.to_string()))); }
        }
        MapStateStarted { length } => put("length", json!(length)),
        MapIterationStarted { name, index } | MapIterationSucceeded { name, index } | MapIterationFailed { name, index } | MapIterationAborted { name, index } => {
            put("name", json!(&**name));
            put("index", json!(index));
        }
        _ => {}
    }
    Json::Object(m)
}
