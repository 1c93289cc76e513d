use std::rc::Rc;

use super::*;
use crate::asl::definition;

fn machine(text: &str) -> Rc<StateMachine> {
    Rc::new(definition::parse(text).unwrap_or_else(|d| panic!("{d:?}")))
}

fn run(text: &str, input: &str, mut answer: impl FnMut(&TaskRequest) -> Option<Result<Value, Failure>>) -> Execution {
    let mut ex = Execution::start(machine(text), Value::parse(input).unwrap(), ExecutionOptions::default());
    ex.run_to_end(&mut answer);
    ex
}

fn types(ex: &Execution) -> Vec<String> {
    ex.history().iter().map(|e| e.kind.type_name()).collect()
}

fn output(ex: &Execution) -> String {
    match ex.status() {
        Status::Succeeded(v) => v.to_json(),
        other => panic!("not succeeded: {other:?}"),
    }
}

#[test]
fn pass_chain_with_data_flow() {
    let ex = run(
        r#"{"StartAt":"A","States":{
            "A":{"Type":"Pass","Result":{"x":1},"ResultPath":"$.a","Next":"B"},
            "B":{"Type":"Pass","InputPath":"$.a","Parameters":{"y.$":"$.x","n.$":"$$.State.Name"},"OutputPath":"$.n","End":true}}}"#,
        r#"{"keep":true}"#,
        |_| None,
    );
    assert_eq!(output(&ex), r#""B""#);
    assert_eq!(types(&ex), ["ExecutionStarted", "PassStateEntered", "PassStateExited", "PassStateEntered", "PassStateExited", "ExecutionSucceeded"]);
    let prev: Vec<u64> = ex.history().iter().map(|e| e.previous_event_id).collect();
    assert_eq!(prev, [0, 0, 2, 3, 4, 5]);
}

#[test]
fn lambda_task_with_retry_then_success() {
    let mut calls = 0;
    let ex = run(
        r#"{"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:f",
            "Retry":[{"ErrorEquals":["Boom"],"IntervalSeconds":2,"MaxAttempts":2}],"ResultPath":"$.r","End":true}}}"#,
        r#"{"who":"me"}"#,
        |req| {
            calls += 1;
            assert_eq!(req.attempt, calls - 1);
            Some(if calls < 3 { Err(Failure::new("Boom", "again")) } else { Ok(Value::str("done")) })
        },
    );
    assert_eq!(output(&ex), r#"{"who":"me","r":"done"}"#);
    assert_eq!(ex.now() - ExecutionOptions::default().start_time_ms, 2_000 + 4_000);
    assert_eq!(
        types(&ex),
        [
            "ExecutionStarted", "TaskStateEntered",
            "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionFailed",
            "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionFailed",
            "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionSucceeded",
            "TaskStateExited", "ExecutionSucceeded"
        ]
    );
}

#[test]
fn catch_routes_the_error_output() {
    let ex = run(
        r#"{"StartAt":"T","States":{
            "T":{"Type":"Task","Resource":"arn:aws:states:::sns:publish","Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.err","Next":"Done"}],"End":true},
            "Done":{"Type":"Succeed"}}}"#,
        r#"{"a":1}"#,
        |_| Some(Err(Failure::new("SNS.NotFound", "no topic"))),
    );
    assert_eq!(output(&ex), r#"{"a":1,"err":{"Error":"SNS.NotFound","Cause":"no topic"}}"#);
    assert!(types(&ex).contains(&"TaskFailed".to_string()));
}

#[test]
fn runtime_errors_are_not_caught() {
    let ex = run(
        r#"{"StartAt":"P","States":{"P":{"Type":"Pass","InputPath":"$.missing","End":true}}}"#,
        "{}",
        |_| None,
    );
    let Status::Failed(f) = ex.status() else { panic!() };
    assert_eq!(f.error, "States.Runtime");
    assert_eq!(
        f.cause.as_deref(),
        Some("An error occurred while executing the state 'P' (entered at the event id #2). Invalid path '$.missing' : No results for path: $['missing']")
    );
}

#[test]
fn wait_uses_the_virtual_clock() {
    let ex = run(
        r#"{"StartAt":"W","States":{"W":{"Type":"Wait","SecondsPath":"$.s","Next":"D"},"D":{"Type":"Pass","End":true}}}"#,
        r#"{"s":90}"#,
        |_| None,
    );
    assert_eq!(ex.now() - ExecutionOptions::default().start_time_ms, 90_000);
    assert_eq!(output(&ex), r#"{"s":90}"#);
}

#[test]
fn parallel_and_map_collect_in_order() {
    let ex = run(
        r#"{"StartAt":"P","States":{"P":{"Type":"Parallel","Next":"M","Branches":[
              {"StartAt":"A","States":{"A":{"Type":"Pass","Result":1,"End":true}}},
              {"StartAt":"B","States":{"B":{"Type":"Pass","Result":2,"End":true}}}]},
            "M":{"Type":"Map","ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Pass","Parameters":{"v.$":"$"},"End":true}}},"End":true}}}"#,
        "{}",
        |_| None,
    );
    assert_eq!(output(&ex), r#"[{"v":1},{"v":2}]"#);
}

#[test]
fn task_tokens_wait_for_the_host() {
    let text = r#"{"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
        "Parameters":{"MessageBody":{"token.$":"$$.Task.Token"}},"End":true}}}"#;
    let mut ex = Execution::start(machine(text), Value::empty_object(), ExecutionOptions::default());
    let requests = ex.run();
    assert_eq!(requests.len(), 1);
    let token = requests[0].token.clone().unwrap();
    assert_eq!(requests[0].input.get("MessageBody").unwrap().get("token").unwrap().as_str(), Some(&*token));
    assert!(ex.run().is_empty());
    assert_eq!(*ex.status(), Status::Running);
    ex.complete_token(&token, Ok(Value::str("approved"))).unwrap();
    ex.run();
    assert_eq!(output(&ex), r#""approved""#);
    assert_eq!(ex.complete_token(&token, Ok(Value::Null)), Err(HostError::NotPending));
}

#[test]
fn task_timeout_fails_with_states_timeout() {
    let text = r#"{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","TimeoutSeconds":5,"End":true}}}"#;
    let ex = run(text, "{}", |_| None);
    let Status::Failed(f) = ex.status() else { panic!() };
    assert_eq!(f.error, "States.Timeout");
    assert!(types(&ex).contains(&"TaskTimedOut".to_string()));
}

#[test]
fn endless_loops_end_at_the_history_limit() {
    let text = r#"{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"C"},
        "C":{"Type":"Choice","Choices":[{"Variable":"$.stop","BooleanEquals":true,"Next":"D"}],"Default":"A"},
        "D":{"Type":"Succeed"}}}"#;
    let ex = run(text, r#"{"stop":false}"#, |_| None);
    assert!(matches!(ex.status(), Status::Failed(_)));
    assert!(ex.history().len() <= MAX_HISTORY_EVENTS);
}

/// The history of running `text` on `input` with a history limit of `limit` events.
fn run_limited(text: &str, input: &str, limit: usize) -> Execution {
    let options = ExecutionOptions { max_history_events: limit, ..ExecutionOptions::default() };
    let mut ex = Execution::start(machine(text), Value::parse(input).unwrap(), options);
    ex.run_to_end(|_| None);
    ex
}

#[test]
fn nothing_is_recorded_after_the_limit_ends_the_execution() {
    // Found by fuzzing: a distributed Map state that reached the limit while starting went on to
    // record its MapStateSucceeded after the ExecutionFailed.
    let text = r#"{"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"Next":"C"},
        "C":{"Type":"Choice","Choices":[{"Variable":"$.stop","IsPresent":true,"Next":"D"}],"Default":"M"},"D":{"Type":"Succeed"}}}"#;
    for limit in 3..12 {
        let ex = run_limited(text, "[]", limit);
        assert_eq!(ex.history().len(), limit, "limit {limit}");
        assert_eq!(types(&ex).last().map(String::as_str), Some("ExecutionFailed"), "limit {limit}");
    }
}

#[test]
fn an_execution_that_ends_just_under_the_limit_succeeds() {
    // ExecutionSucceeded as the last event but one before the limit: the execution is over, so
    // the limit does not fail it as well.
    let text = r#"{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}"#;
    let ex = run_limited(text, "{}", 5);
    assert_eq!(types(&ex), ["ExecutionStarted", "PassStateEntered", "PassStateExited", "ExecutionSucceeded"]);
    assert!(matches!(ex.status(), Status::Succeeded(_)));
}

#[test]
fn same_seed_same_history() {
    let text = r#"{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken","Retry":[{"ErrorEquals":["States.ALL"],"JitterStrategy":"FULL"}],"End":true}}}"#;
    let go = || {
        let mut n = 0;
        let ex = run(text, "{}", |_| {
            n += 1;
            Some(if n < 3 { Err(Failure::new("E", "c")) } else { Ok(Value::Null) })
        });
        (ex.history_json(), ex.now())
    };
    assert_eq!(go(), go());
}

#[test]
fn heartbeats_keep_a_task_alive_until_they_stop() {
    let text = r#"{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken","HeartbeatSeconds":10,"End":true}}}"#;
    let mut ex = Execution::start(machine(text), Value::empty_object(), ExecutionOptions::default());
    let token = ex.run()[0].token.clone().unwrap();
    let start = ex.now();
    ex.advance_to(start + 8_000);
    ex.send_task_heartbeat(&token).unwrap();
    ex.advance_to(start + 16_000);
    ex.run();
    assert_eq!(*ex.status(), Status::Running);
    ex.advance_to(start + 18_000);
    ex.run();
    let Status::Failed(f) = ex.status() else { panic!("{:?}", ex.status()) };
    assert_eq!(f.error, "States.HeartbeatTimeout");
    assert!(types(&ex).contains(&"TaskTimedOut".to_string()));
}

#[test]
fn submitted_tasks_record_the_service_response() {
    let text = r#"{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken","End":true}}}"#;
    let mut ex = Execution::start(machine(text), Value::empty_object(), ExecutionOptions::default());
    let id = ex.run()[0].id;
    ex.submit_task(id, Value::parse(r#"{"MessageId":"m-1"}"#).unwrap()).unwrap();
    ex.complete_task(id, Ok(Value::str("approved"))).unwrap();
    ex.run();
    assert_eq!(types(&ex)[2..6], ["TaskScheduled", "TaskStarted", "TaskSubmitted", "TaskSucceeded"]);
    assert_eq!(output(&ex), r#""approved""#);
}

#[test]
fn activities_record_activity_events() {
    let text = r#"{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:us-east-1:111111111111:activity:approve","End":true}}}"#;
    let ex = run(text, "{}", |_| Some(Ok(Value::int(1))));
    assert_eq!(types(&ex)[2..5], ["ActivityScheduled", "ActivityStarted", "ActivitySucceeded"]);
}

#[test]
fn the_machine_timeout_times_the_execution_out() {
    let text = r#"{"StartAt":"W","TimeoutSeconds":10,"States":{"W":{"Type":"Wait","Seconds":60,"End":true}}}"#;
    let ex = run(text, "{}", |_| None);
    assert_eq!(ex.status().word(), "TIMED_OUT");
    assert_eq!(types(&ex).last().map(String::as_str), Some("ExecutionTimedOut"));
    assert_eq!(ex.now() - ExecutionOptions::default().start_time_ms, 10_000);
}

#[test]
fn an_endless_loop_in_a_distributed_map_ends_the_execution() {
    // Its child executions keep their events apart, so the history limit alone never stopped it.
    let text = r#"{"StartAt":"M","States":{"M":{"Type":"Map","End":true,"ItemProcessor":{
        "ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"A","States":{
        "A":{"Type":"Pass","Next":"C"},
        "C":{"Type":"Choice","Choices":[{"Variable":"$.stop","IsPresent":true,"Next":"D"}],"Default":"A"},
        "D":{"Type":"Succeed"}}}}}}"#;
    let ex = run_limited(text, "[{}, {}]", 1_000);
    let Status::Failed(f) = ex.status() else { panic!("{:?}", ex.status()) };
    assert_eq!(f.error, "States.Runtime");
    assert!(f.cause.as_deref().unwrap_or_default().contains("went past 40000 events"), "{f:?}");
    assert_eq!(types(&ex).last().map(String::as_str), Some("ExecutionFailed"));
}

#[test]
fn a_tolerated_failure_in_a_distributed_map_records_nothing_of_the_child_in_the_parent() {
    // The failed Task's abort belongs to the child execution's history; the parent records the Map
    // Run alone, as AWS does (and an inline Map records the iteration and its aborted Task).
    let text = |mode: &str| {
        format!(
            r#"{{"StartAt":"M","States":{{"M":{{"Type":"Map","End":true,"ToleratedFailurePercentage":50,"ItemProcessor":{{
            "ProcessorConfig":{{"Mode":"{mode}","ExecutionType":"STANDARD"}},"StartAt":"T","States":{{
            "T":{{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:f","End":true}}}}}}}}}}}}"#
        )
    };
    let fail_second = |r: &TaskRequest| Some(if r.input == Value::int(2) { Err(Failure::new("Bad", "item 2")) } else { Ok(Value::Null) });
    let distributed = run(&text("DISTRIBUTED"), "[1, 2, 3]", fail_second);
    assert_eq!(
        types(&distributed),
        ["ExecutionStarted", "MapStateEntered", "MapStateStarted", "MapRunStarted", "MapRunSucceeded", "MapStateSucceeded", "MapStateExited", "ExecutionSucceeded"]
    );
    let inline = run(&text("INLINE"), "[1, 2, 3]", fail_second);
    assert!(types(&inline).iter().any(|t| t == "TaskStateAborted"), "{:?}", types(&inline));
}

#[test]
fn events_stay_small() {
    // A long history is hundreds of thousands of events (Map over 100,000 items makes 800,000).
    assert!(std::mem::size_of::<crate::asl::exec::Event>() <= 80, "{} bytes", std::mem::size_of::<crate::asl::exec::Event>());
}
