//! One Step Functions Local mock configuration, run by `aslplay run --mock-config` and by the
//! page's code path (`bridge::mock_config`, which the Mocks pane uses): both give the same outcome
//! for each test case, call ranges included.

use std::process::Command;
use std::rc::Rc;

use aslplay::asl::definition;
use aslplay::asl::exec::Status;
use aslplay::asl::json::Value;
use aslplay::bridge::mock_config;
use aslplay::integrations::{Run, RunOptions, Step};
use serde_json::{json, Value as Json};

/// Charges three times (a Map over three items), then notifies.
const DEFINITION: &str = r#"{"StartAt":"Each","States":{
  "Each":{"Type":"Map","ItemsPath":"$.items","ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"Charge",
    "States":{"Charge":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","OutputPath":"$.Payload","End":true}}},
    "MaxConcurrency":1,"ResultPath":"$.charged","Next":"Notify"},
  "Notify":{"Type":"Task","Resource":"arn:aws:states:::sns:publish","Parameters":{"TopicArn":"t","Message.$":"States.JsonToString($.charged)"},"ResultSelector":{"id.$":"$.MessageId"},"ResultPath":"$.sent","End":true}}}"#;

const CONFIG: &str = r#"{
  "StateMachines": {"Orders": {"TestCases": {
    "AllPaid": {"Charge": "Paid", "Notify": "Sent"},
    "ThirdDeclined": {"Charge": "PaidTwiceThenDeclined"}
  }}},
  "MockedResponses": {
    "Paid": {"0-2": {"Return": {"Payload": "paid"}}},
    "PaidTwiceThenDeclined": {"0-1": {"Return": {"Payload": "paid"}}, "2": {"Throw": {"Error": "Card.Declined", "Cause": "insufficient funds"}}},
    "Sent": {"0": {"Return": {"MessageId": "m-1"}}}
  }
}"#;

const INPUT: &str = r#"{"items":[1,2,3]}"#;

fn temp_file(name: &str, text: &str) -> String {
    let path = std::env::temp_dir().join(format!("aslplay-mock-config-{}-{name}", std::process::id()));
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().to_string()
}

/// The CLI's outcome: status, and output or error and cause.
fn cli(case: &str) -> Json {
    let (definition, config, input) = (temp_file("definition.json", DEFINITION), temp_file("config.json", CONFIG), temp_file("input.json", INPUT));
    let out = Command::new(env!("CARGO_BIN_EXE_aslplay"))
        .args(["run", &definition, "--input", &input, "--mock-config", &config, "--test-case", case])
        .output()
        .expect("runs");
    let mut outcome: Json = serde_json::from_slice(&out.stdout).unwrap_or_else(|_| panic!("{}", String::from_utf8_lossy(&out.stderr)));
    outcome.as_object_mut().unwrap().retain(|k, _| ["status", "output", "error", "cause"].contains(&k.as_str()));
    outcome
}

/// The page's path: the Mocks pane's configuration, its test case, and the shared driver.
fn page(case: &str) -> Json {
    let machine = definition::parse(DEFINITION).unwrap();
    let test_case = mock_config::test_case(CONFIG, &machine, Some(case)).unwrap();
    let options = RunOptions { test_case: Some(test_case), ..RunOptions::default() };
    let mut run = Run::new(Rc::new(machine), Value::parse(INPUT).unwrap(), options, None).unwrap();
    run.pause_before_deadlines();
    assert_eq!(run.poll(), Step::Finished, "the configuration answers every Task");
    match run.execution().status() {
        Status::Succeeded(output) => json!({"status": "SUCCEEDED", "output": output.to_serde()}),
        Status::Failed(f) => json!({"status": "FAILED", "error": f.error, "cause": f.cause}),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_mock_configuration_gives_the_same_outcome_in_the_cli_and_the_page() {
    assert_eq!(mock_config::test_cases(CONFIG), ["AllPaid", "ThirdDeclined"]);
    let paid = page("AllPaid");
    assert_eq!(paid["output"]["charged"], json!(["paid", "paid", "paid"]));
    assert_eq!(paid["output"]["sent"], json!({"id": "m-1"}));
    assert_eq!(cli("AllPaid"), paid);

    let declined = page("ThirdDeclined");
    assert_eq!((declined["status"].as_str(), declined["error"].as_str()), (Some("FAILED"), Some("Card.Declined")));
    assert_eq!(cli("ThirdDeclined"), declined);
}
