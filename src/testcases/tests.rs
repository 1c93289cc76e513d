use super::*;
use crate::asl::graph::EdgeKind;
use crate::asl::json::Value;
use crate::cli::js_host::{finish, JsHost, MOCK_LIMIT};

/// Charges a card (retried when throttled, caught when declined), then ships and emails in parallel.
const SHOP: &str = r#"{"StartAt":"Charge","States":{
  "Charge":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:charge","ResultPath":"$.charge",
    "Assign":{"charged.$":"$.amount"},
    "Retry":[{"ErrorEquals":["Throttled"],"IntervalSeconds":2,"MaxAttempts":2}],
    "Catch":[{"ErrorEquals":["Declined"],"ResultPath":"$.error","Next":"Apologize"}],"Next":"Fulfil"},
  "Fulfil":{"Type":"Parallel","End":true,"Branches":[
    {"StartAt":"Ship","States":{"Ship":{"Type":"Pass","Result":"shipped","End":true}}},
    {"StartAt":"Email","States":{"Email":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:email","End":true}}}]},
  "Apologize":{"Type":"Pass","Result":"sorry","End":true}}}"#;

const MOCKS: &str = r#"mocks({
  charge: failTimes(1, "Throttled", (input) => ({ amount: input.total })),
  email: () => "sent",
});"#;

fn workspace() -> Workspace {
    Workspace::new(SHOP, r#"{"total": 30}"#, MOCKS)
}

fn trace(scenario: &Scenario) -> Trace {
    let ready = workspace().ready().unwrap();
    finish(run(&ready, MOCKS, scenario, &mut JsHost::new(MOCK_LIMIT))).unwrap().unwrap()
}

fn declined() -> Scenario {
    serde_json::from_str(r#"{"mocks":{"Charge":{"0":{"Throw":{"Error":"Declined","Cause":"insufficient funds"}}}}}"#).unwrap()
}

#[test]
fn a_trace_shows_the_path_retries_variables_and_outputs() {
    let t = trace(&Scenario::default());
    assert_eq!(t.status, "SUCCEEDED");
    assert_eq!(t.output, Some(Value::parse(r#"["shipped","sent"]"#).unwrap()));
    assert_eq!(t.path, ["Charge", "Fulfil", "Ship", "Email"]);
    assert_eq!(t.retries, [trace::Incident { state: "Charge".into(), error: Some("Throttled".into()) }]);
    assert!(t.caught.is_empty());
    assert_eq!(t.variables["charged"], Value::int(30));
    assert_eq!(t.outputs["Ship"], Value::str("shipped"));
    assert_eq!(t.elapsed_ms, 2000, "the retry waited its two virtual seconds");
    let moves: Vec<(&str, &str, bool)> = t.transitions.iter().map(|t| (t.from.as_str(), t.to.as_str(), t.caught)).collect();
    assert_eq!(moves, [("Charge", "Fulfil", false)]);
    assert_eq!(t.history["events"][0]["type"], "ExecutionStarted");
}

#[test]
fn a_scenario_injects_a_failure_the_catch_handles() {
    let t = trace(&declined());
    assert_eq!(t.path, ["Charge", "Apologize"]);
    assert_eq!(t.caught, [trace::Incident { state: "Charge".into(), error: Some("Declined".into()) }]);
    assert_eq!(t.transitions[0], trace::Transition { from: "Charge".into(), to: "Apologize".into(), caught: true });
    let other_input = Scenario { input: Some(Value::parse(r#"{"total": 5}"#).unwrap()), ..Scenario::default() };
    assert_eq!(trace(&other_input).variables["charged"], Value::int(5));
}

#[test]
fn a_parallel_retried_after_a_branch_failed_is_the_parallel_s_retry() {
    let definition = r#"{"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Retry":[{"ErrorEquals":["States.ALL"],"MaxAttempts":1}],
      "Branches":[{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:a","End":true}}}]}}}"#;
    let mocks = r#"mocks({ a: failTimes(1, "Boom", 1) });"#;
    let ready = Workspace::new(definition, "{}", mocks).ready().unwrap();
    let t = finish(run(&ready, mocks, &Scenario::default(), &mut JsHost::new(MOCK_LIMIT))).unwrap().unwrap();
    assert_eq!(t.status, "SUCCEEDED");
    assert_eq!(t.retries, [trace::Incident { state: "P".into(), error: Some("Boom".into()) }]);
}

#[test]
fn test_cases_run_all_at_once_with_verdicts_and_coverage() {
    let cases: Vec<TestCase> = serde_json::from_str(
        r#"[{"name": "happy", "expect": {"output": ["shipped", "sent"]}},
            {"name": "declined", "mocks": {"Charge": {"0": {"Throw": {"Error": "Declined"}}}}, "expect": {"path": ["Charge", "Apologize"]}},
            {"name": "wrong", "input": {"total": 1}, "expect": {"status": "FAILED", "error": "Nope"}}]"#,
    )
    .unwrap();
    let report = finish(run_all(&workspace(), &cases, &mut JsHost::new(MOCK_LIMIT))).unwrap();
    let verdicts: Vec<(&str, bool)> = report.cases.iter().map(|c| (c.name.as_str(), c.passed)).collect();
    assert_eq!(verdicts, [("happy", true), ("declined", true), ("wrong", false)]);
    assert_eq!(report.cases[2].mismatches, ["expected the execution to end FAILED, but it ended SUCCEEDED", "expected the error Nope, but it was none"]);
    assert!(!report.passed());
    let c = &report.coverage;
    assert_eq!(c.states, ["Charge", "Fulfil", "Ship", "Email", "Apologize"]);
    assert!(c.missed_states.is_empty() && c.missed_transitions.is_empty(), "{c:?}");
    assert!(c.covers_edge("Charge", "Apologize", EdgeKind::Catch) && c.covers_edge("Charge", "Fulfil", EdgeKind::Next));
    let only_happy = finish(run_all(&workspace(), &cases[..1], &mut JsHost::new(MOCK_LIMIT))).unwrap();
    assert_eq!(only_happy.coverage.missed_states, ["Apologize"]);
    assert!(!only_happy.coverage.covers_edge("Charge", "Apologize", EdgeKind::Catch));
    assert!((only_happy.coverage.ratio() - 5.0 / 7.0).abs() < 1e-9);
    assert_eq!(only_happy.coverage.summary(), "4/5 states, 1/2 transitions covered");
}

#[test]
fn problems_are_reported_not_run() {
    let twice: Vec<TestCase> = vec![TestCase { name: "a".into(), ..TestCase::default() }; 2];
    let report = finish(run_all(&workspace(), &twice, &mut JsHost::new(MOCK_LIMIT))).unwrap();
    assert_eq!(report.problem.as_deref(), Some("Two test cases are named \"a\""));
    let broken = Workspace::new(SHOP, "{}", "mocks({ charge: () => { ,");
    let report = finish(run_all(&broken, &twice[..1], &mut JsHost::new(MOCK_LIMIT))).unwrap();
    assert!(report.cases[0].problem.as_deref().unwrap().starts_with("The mocks do not load: mocks.js:1:"), "{report:?}");
    let unknown: Result<TestCase, _> = serde_json::from_str(r#"{"name": "x", "expected": {}}"#);
    assert!(unknown.is_err(), "a misspelt field is an error, not ignored");
}

#[test]
fn a_run_waiting_for_a_token_says_where() {
    let definition = r#"{"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
      "Parameters":{"QueueUrl":"https://sqs.us-east-1.amazonaws.com/1/q","MessageBody":{"token.$":"$$.Task.Token"}},"End":true}}}"#;
    let ready = Workspace::new(definition, "{}", "").ready().unwrap();
    let t = finish(run(&ready, "", &Scenario::default(), &mut JsHost::new(MOCK_LIMIT))).unwrap().unwrap();
    assert_eq!((t.status.as_str(), t.waiting.as_slice()), ("RUNNING", ["Ask".to_string()].as_slice()));
    assert_eq!(case::reason(&t), ", still waiting for a task token at Ask");
}
