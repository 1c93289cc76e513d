//! The execution history: AWS's GetExecutionHistory events, kept compactly (payloads are shared
//! [`Value`]s, not JSON strings) and written out in AWS's shape only when asked.

use std::rc::Rc;

use serde_json::{json, Map as JsonMap, Value as Json};

use crate::asl::definition::StateType;
use crate::asl::json::Value;
use crate::asl::timestamp;

/// One history event, as read from the [`History`](super::History) that keeps it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Event<'a> {
    /// 1-based id.
    pub id: u64,
    /// The event this one follows from (0 for none), as AWS links them.
    pub previous_event_id: u64,
    /// Virtual time, milliseconds since the epoch.
    pub timestamp: i64,
    /// What happened.
    pub kind: &'a EventKind,
}

/// What an event records. Names follow AWS's event types and detail fields. A long history is
/// mostly state and iteration events, so those stay small (state types in one byte, assigned
/// variables boxed) and the largest, rarer details (scheduling, failures) are boxed: all but the
/// state, iteration and execution events are boxed, so a kind takes 56 bytes (32 in wasm).
#[derive(Clone, Debug, PartialEq)]
pub enum EventKind {
    /// The execution started with this input.
    ExecutionStarted { input: Value, role_arn: Rc<str> },
    /// The execution succeeded.
    ExecutionSucceeded { output: Value },
    /// The execution failed.
    ExecutionFailed { error: Option<Rc<str>>, cause: Option<Rc<str>> },
    /// The execution ran past its TimeoutSeconds.
    ExecutionTimedOut { error: Option<Rc<str>>, cause: Option<Rc<str>> },
    /// The execution was stopped (a distributed Map's child execution, when its Map failed).
    ExecutionAborted,
    /// A state was entered (`PassStateEntered`, …).
    StateEntered { state_type: StateType, name: Rc<str>, input: Value },
    /// A state was left (`PassStateExited`, …), with the variables it assigned.
    StateExited { state_type: StateType, name: Rc<str>, output: Value, assigned: Option<Box<Value>> },
    /// A JSONata expression (or a value it gave) failed.
    EvaluationFailed(Box<EvaluationFailed>),
    /// A state was stopped because a sibling branch failed (`TaskStateAborted`, …).
    StateAborted { state_type: StateType, name: Rc<str> },
    /// A Lambda function (direct ARN) was scheduled.
    LambdaFunctionScheduled(Box<LambdaFunctionScheduled>),
    /// The Lambda function started.
    LambdaFunctionStarted,
    /// The Lambda function returned.
    LambdaFunctionSucceeded { output: Value },
    /// The Lambda function failed.
    LambdaFunctionFailed { error: Option<Rc<str>>, cause: Option<Rc<str>> },
    /// The Lambda function ran past TimeoutSeconds.
    LambdaFunctionTimedOut { error: Option<Rc<str>>, cause: Option<Rc<str>> },
    /// An activity task was scheduled.
    ActivityScheduled(Box<ActivityScheduled>),
    /// A worker took the activity task.
    ActivityStarted { worker_name: Rc<str> },
    /// The worker sent the result.
    ActivitySucceeded { output: Value },
    /// The worker sent a failure.
    ActivityFailed { error: Option<Rc<str>>, cause: Option<Rc<str>> },
    /// The activity ran past TimeoutSeconds or HeartbeatSeconds.
    ActivityTimedOut { error: Option<Rc<str>>, cause: Option<Rc<str>> },
    /// A service integration task was scheduled.
    TaskScheduled(Box<TaskScheduled>),
    /// The task started.
    TaskStarted { resource_type: Rc<str>, resource: Rc<str> },
    /// The service accepted a `.sync` / `.waitForTaskToken` request.
    TaskSubmitted(Box<TaskOutput>),
    /// The task succeeded.
    TaskSucceeded(Box<TaskOutput>),
    /// The task failed.
    TaskFailed(Box<TaskError>),
    /// The task ran past its TimeoutSeconds or HeartbeatSeconds.
    TaskTimedOut(Box<TaskError>),
    /// A Parallel state started its branches.
    ParallelStateStarted,
    /// Every branch succeeded.
    ParallelStateSucceeded,
    /// A branch failed.
    ParallelStateFailed,
    /// The Parallel state was aborted.
    ParallelStateAborted,
    /// A Map state started, with the number of items.
    MapStateStarted { length: usize },
    /// Every iteration succeeded (or failures were tolerated).
    MapStateSucceeded,
    /// The Map state failed.
    MapStateFailed,
    /// The Map state was aborted.
    MapStateAborted,
    /// A DISTRIBUTED Map started its map run (child executions).
    MapRunStarted,
    /// The map run succeeded.
    MapRunSucceeded,
    /// The map run failed.
    MapRunFailed,
    /// An iteration started.
    MapIterationStarted { name: Rc<str>, index: usize },
    /// An iteration succeeded.
    MapIterationSucceeded { name: Rc<str>, index: usize },
    /// An iteration failed.
    MapIterationFailed { name: Rc<str>, index: usize },
    /// An iteration was aborted.
    MapIterationAborted { name: Rc<str>, index: usize },
}

/// A Lambda function was scheduled (`LambdaFunctionScheduled`'s details).
#[derive(Clone, Debug, PartialEq)]
pub struct LambdaFunctionScheduled {
    pub resource: Rc<str>,
    pub input: Value,
    pub timeout_seconds: Option<u64>,
}

/// An activity task was scheduled (`ActivityScheduled`'s details).
#[derive(Clone, Debug, PartialEq)]
pub struct ActivityScheduled {
    pub resource: Rc<str>,
    pub input: Value,
    pub timeout_seconds: Option<u64>,
    pub heartbeat_seconds: Option<u64>,
}

/// A service integration task was scheduled (`TaskScheduled`'s details).
#[derive(Clone, Debug, PartialEq)]
pub struct TaskScheduled {
    pub resource_type: Rc<str>,
    pub resource: Rc<str>,
    pub region: Rc<str>,
    pub parameters: Value,
    pub timeout_seconds: Option<u64>,
    pub heartbeat_seconds: Option<u64>,
}

/// A JSONata expression failed (`EvaluationFailed`'s details).
#[derive(Clone, Debug, PartialEq)]
pub struct EvaluationFailed {
    pub error: Rc<str>,
    pub cause: Option<Rc<str>>,
    pub location: Option<Rc<str>>,
    pub state: Rc<str>,
}

/// A service integration task answered (`TaskSubmitted`'s or `TaskSucceeded`'s details).
#[derive(Clone, Debug, PartialEq)]
pub struct TaskOutput {
    pub resource_type: Rc<str>,
    pub resource: Rc<str>,
    pub output: Value,
}

/// A service integration task failed or timed out (`TaskFailed`'s or `TaskTimedOut`'s details).
#[derive(Clone, Debug, PartialEq)]
pub struct TaskError {
    pub resource_type: Rc<str>,
    pub resource: Rc<str>,
    pub error: Option<Rc<str>>,
    pub cause: Option<Rc<str>>,
}

impl EventKind {
    /// AWS's event type name (`TaskStateEntered`, `MapIterationStarted`, …).
    pub fn type_name(&self) -> String {
        use EventKind::*;
        let fixed = match self {
            StateEntered { state_type, .. } => return format!("{}StateEntered", state_type.name()),
            StateExited { state_type, .. } => return format!("{}StateExited", state_type.name()),
            StateAborted { state_type, .. } => return format!("{}StateAborted", state_type.name()),
            ExecutionStarted { .. } => "ExecutionStarted",
            EvaluationFailed(_) => "EvaluationFailed",
            ExecutionSucceeded { .. } => "ExecutionSucceeded",
            ExecutionFailed { .. } => "ExecutionFailed",
            ExecutionTimedOut { .. } => "ExecutionTimedOut",
            ExecutionAborted => "ExecutionAborted",
            LambdaFunctionScheduled(_) => "LambdaFunctionScheduled",
            LambdaFunctionStarted => "LambdaFunctionStarted",
            LambdaFunctionSucceeded { .. } => "LambdaFunctionSucceeded",
            LambdaFunctionFailed { .. } => "LambdaFunctionFailed",
            LambdaFunctionTimedOut { .. } => "LambdaFunctionTimedOut",
            ActivityScheduled(_) => "ActivityScheduled",
            ActivityStarted { .. } => "ActivityStarted",
            ActivitySucceeded { .. } => "ActivitySucceeded",
            ActivityFailed { .. } => "ActivityFailed",
            ActivityTimedOut { .. } => "ActivityTimedOut",
            TaskScheduled(_) => "TaskScheduled",
            TaskStarted { .. } => "TaskStarted",
            TaskSubmitted(_) => "TaskSubmitted",
            TaskSucceeded(_) => "TaskSucceeded",
            TaskFailed(_) => "TaskFailed",
            TaskTimedOut(_) => "TaskTimedOut",
            ParallelStateStarted => "ParallelStateStarted",
            ParallelStateSucceeded => "ParallelStateSucceeded",
            ParallelStateFailed => "ParallelStateFailed",
            ParallelStateAborted => "ParallelStateAborted",
            MapStateStarted { .. } => "MapStateStarted",
            MapStateSucceeded => "MapStateSucceeded",
            MapStateFailed => "MapStateFailed",
            MapStateAborted => "MapStateAborted",
            MapRunStarted => "MapRunStarted",
            MapRunSucceeded => "MapRunSucceeded",
            MapRunFailed => "MapRunFailed",
            MapIterationStarted { .. } => "MapIterationStarted",
            MapIterationSucceeded { .. } => "MapIterationSucceeded",
            MapIterationFailed { .. } => "MapIterationFailed",
            MapIterationAborted { .. } => "MapIterationAborted",
        };
        fixed.to_string()
    }

    /// The state (or, for Map iterations, the Map state) the event names, if any.
    pub fn state_name(&self) -> Option<&str> {
        use EventKind::*;
        match self {
            StateEntered { name, .. } | StateExited { name, .. } | StateAborted { name, .. } => Some(name),
            MapIterationStarted { name, .. }
            | MapIterationSucceeded { name, .. }
            | MapIterationFailed { name, .. }
            | MapIterationAborted { name, .. } => Some(name),
            _ => None,
        }
    }
}

impl Event<'_> {
    /// The event in AWS's GetExecutionHistory JSON shape (payloads as JSON strings).
    pub fn to_aws_json(&self) -> Json {
        use EventKind::*;
        let (key, details) = match self.kind {
            ExecutionStarted { input, role_arn } => ("executionStartedEventDetails", json!({"input": input.to_json(), "inputDetails": {"truncated": false}, "roleArn": &**role_arn})),
            ExecutionSucceeded { output } => ("executionSucceededEventDetails", payload("output", output)),
            ExecutionFailed { error, cause } => ("executionFailedEventDetails", error_details(error, cause)),
            ExecutionTimedOut { error, cause } => ("executionTimedOutEventDetails", error_details(error, cause)),
            StateEntered { name, input, .. } => ("stateEnteredEventDetails", with(payload("input", input), "name", json!(&**name))),
            StateExited { name, output, assigned, .. } => {
                let mut d = with(payload("output", output), "name", json!(&**name));
                if let Some(Value::Object(vars)) = assigned.as_deref() {
                    let texts: serde_json::Map<String, Json> = vars.iter().map(|(k, v)| (k.to_string(), json!(v.to_json()))).collect();
                    d = with(d, "assignedVariables", Json::Object(texts));
                    d = with(d, "assignedVariablesDetails", json!({"truncated": false}));
                }
                ("stateExitedEventDetails", d)
            }
            // AWS records `TaskStateAborted` and its kin bare, without the state's name (the
            // recorded Parallel and Map cases all show it so); the name stays in the event for
            // the page, which also finds it along `previousEventId`.
            StateAborted { .. } => return self.envelope(None),
            // A stopped execution's details are there, and empty when no error or cause was given.
            ExecutionAborted => ("executionAbortedEventDetails", json!({})),
            EvaluationFailed(failed) => {
                let self::EvaluationFailed { error, cause, location, state } = &**failed;
                let mut d = json!({"error": &**error, "state": &**state});
                if let Some(l) = location {
                    d = with(d, "location", json!(&**l));
                }
                if let Some(c) = cause {
                    d = with(d, "cause", json!(&**c));
                }
                ("evaluationFailedEventDetails", d)
            }
            LambdaFunctionScheduled(scheduled) => {
                let self::LambdaFunctionScheduled { resource, input, timeout_seconds } = &**scheduled;
                let mut d = with(payload("input", input), "resource", json!(&**resource));
                if let Some(t) = timeout_seconds {
                    d = with(d, "timeoutInSeconds", json!(t));
                }
                ("lambdaFunctionScheduledEventDetails", d)
            }
            LambdaFunctionStarted => return self.envelope(None),
            LambdaFunctionSucceeded { output } => ("lambdaFunctionSucceededEventDetails", payload("output", output)),
            LambdaFunctionFailed { error, cause } => ("lambdaFunctionFailedEventDetails", error_details(error, cause)),
            LambdaFunctionTimedOut { error, cause } => ("lambdaFunctionTimedOutEventDetails", error_details(error, cause)),
            ActivityScheduled(scheduled) => {
                let self::ActivityScheduled { resource, input, timeout_seconds, heartbeat_seconds } = &**scheduled;
                let mut d = with(payload("input", input), "resource", json!(&**resource));
                if let Some(t) = timeout_seconds {
                    d = with(d, "timeoutInSeconds", json!(t));
                }
                if let Some(h) = heartbeat_seconds {
                    d = with(d, "heartbeatInSeconds", json!(h));
                }
                ("activityScheduledEventDetails", d)
            }
            ActivityStarted { worker_name } => ("activityStartedEventDetails", json!({"workerName": &**worker_name})),
            ActivitySucceeded { output } => ("activitySucceededEventDetails", payload("output", output)),
            ActivityFailed { error, cause } => ("activityFailedEventDetails", error_details(error, cause)),
            ActivityTimedOut { error, cause } => ("activityTimedOutEventDetails", error_details(error, cause)),
            TaskScheduled(scheduled) => {
                let self::TaskScheduled { resource_type, resource, region, parameters, timeout_seconds, heartbeat_seconds } = &**scheduled;
                let mut d = json!({"resourceType": &**resource_type, "resource": &**resource, "region": &**region, "parameters": parameters.to_json()});
                if let Some(t) = timeout_seconds {
                    d = with(d, "timeoutInSeconds", json!(t));
                }
                if let Some(h) = heartbeat_seconds {
                    d = with(d, "heartbeatInSeconds", json!(h));
                }
                ("taskScheduledEventDetails", d)
            }
            TaskStarted { resource_type, resource } => ("taskStartedEventDetails", json!({"resourceType": &**resource_type, "resource": &**resource})),
            TaskSubmitted(answer) => ("taskSubmittedEventDetails", task_output(answer)),
            TaskSucceeded(answer) => ("taskSucceededEventDetails", task_output(answer)),
            TaskFailed(failed) => ("taskFailedEventDetails", task_error(failed)),
            TaskTimedOut(failed) => ("taskTimedOutEventDetails", task_error(failed)),
            MapStateStarted { length } => ("mapStateStartedEventDetails", json!({"length": length})),
            MapIterationStarted { name, index } => ("mapIterationStartedEventDetails", json!({"name": &**name, "index": index})),
            MapIterationSucceeded { name, index } => ("mapIterationSucceededEventDetails", json!({"name": &**name, "index": index})),
            MapIterationFailed { name, index } => ("mapIterationFailedEventDetails", json!({"name": &**name, "index": index})),
            MapIterationAborted { name, index } => ("mapIterationAbortedEventDetails", json!({"name": &**name, "index": index})),
            MapRunStarted | MapRunSucceeded | MapRunFailed | ParallelStateStarted | ParallelStateSucceeded | ParallelStateFailed | ParallelStateAborted | MapStateSucceeded | MapStateFailed | MapStateAborted => {
                return self.envelope(None)
            }
        };
        self.envelope(Some((key, details)))
    }

    fn envelope(&self, details: Option<(&str, Json)>) -> Json {
        let mut event = JsonMap::new();
        event.insert("timestamp".into(), json!(timestamp::format(self.timestamp)));
        event.insert("type".into(), json!(self.kind.type_name()));
        event.insert("id".into(), json!(self.id));
        event.insert("previousEventId".into(), json!(self.previous_event_id));
        if let Some((key, d)) = details {
            event.insert(key.into(), d);
        }
        Json::Object(event)
    }
}

fn payload(key: &str, value: &Value) -> Json {
    json!({ key: value.to_json(), format!("{key}Details"): {"truncated": false} })
}

fn with(mut object: Json, key: &str, value: Json) -> Json {
    if let Json::Object(map) = &mut object {
        map.insert(key.to_string(), value);
    }
    object
}

fn error_details(error: &Option<Rc<str>>, cause: &Option<Rc<str>>) -> Json {
    let mut d = JsonMap::new();
    if let Some(e) = error {
        d.insert("error".into(), json!(&**e));
    }
    if let Some(c) = cause {
        d.insert("cause".into(), json!(&**c));
    }
    Json::Object(d)
}

fn task_output(answer: &TaskOutput) -> Json {
    with(with(payload("output", &answer.output), "resourceType", json!(&*answer.resource_type)), "resource", json!(&*answer.resource))
}

fn task_error(failed: &TaskError) -> Json {
    with(with(error_details(&failed.error, &failed.cause), "resourceType", json!(&*failed.resource_type)), "resource", json!(&*failed.resource))
}
