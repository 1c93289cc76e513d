//! The `aslplay` binary, run as a user runs it.

use std::process::Command;

fn aslplay(args: &[&str]) -> (i32, serde_json::Value, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_aslplay")).args(args).current_dir(env!("CARGO_MANIFEST_DIR")).output().expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    let json = serde_json::from_str(&stdout).unwrap_or(serde_json::Value::Null);
    (out.status.code().unwrap_or(-1), json, format!("{stdout}{}", String::from_utf8_lossy(&out.stderr)))
}

fn temp_file(name: &str, text: &str) -> String {
    let path = std::env::temp_dir().join(format!("aslplay-cli-{}-{name}", std::process::id()));
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().to_string()
}

const STOCK: &str = "samples/stock-trading/definition.asl.json";
const STOCK_MOCKS: &str = "samples/stock-trading/mock-config.json";

fn entered_states(run: &serde_json::Value) -> Vec<String> {
    run["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["stateEnteredEventDetails"]["name"].as_str().map(str::to_string))
        .collect()
}

#[test]
fn stock_trading_buys_and_sells_with_static_mocks() {
    for (case, trade) in [("Buy", "Buy Stock"), ("Sell", "Sell Stock")] {
        let (code, run, text) = aslplay(&["run", STOCK, "--mock-config", STOCK_MOCKS, "--test-case", case, "--history"]);
        assert_eq!(code, 0, "{text}");
        assert_eq!(run["status"], "SUCCEEDED");
        assert_eq!(run["output"]["SdkHttpMetadata"]["HttpStatusCode"], 200);
        let states = entered_states(&run);
        assert!(states.contains(&trade.to_string()), "{states:?}");
        assert_eq!(states.last().map(String::as_str), Some("Report Result"));
    }
}

#[test]
fn hello_lambda_answers_from_its_mock_config() {
    let def = "samples/hello-lambda/definition.asl.json";
    let config = "samples/hello-lambda/mock-config.json";
    let (code, run, text) = aslplay(&["run", def, "--input", "samples/hello-lambda/input.json", "--mock-config", config, "--test-case", "HappyPath", "--history"]);
    assert_eq!(code, 0, "{text}");
    assert_eq!(run["output"], serde_json::json!({"statusCode": 200, "body": "Hello from aslplay"}));
    let types: Vec<&str> = run["events"].as_array().unwrap().iter().filter_map(|e| e["type"].as_str()).collect();
    assert_eq!(types, ["ExecutionStarted", "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionSucceeded", "TaskStateExited", "ExecutionSucceeded"]);
    let (code, run, _) = aslplay(&["run", def, "--mock-config", config, "--test-case", "FunctionFails"]);
    assert_eq!((code, run["error"].as_str()), (1, Some("Error")));
}

#[test]
fn a_distributed_maps_child_executions_come_with_the_history() {
    let sample = "samples/map-distributed";
    let (code, run, text) =
        aslplay(&["run", &format!("{sample}/definition.asl.json"), "--input", &format!("{sample}/input.json"), "--mocks", &format!("{sample}/mocks.js"), "--history"]);
    assert_eq!(code, 0, "{text}");
    let children = run["childExecutions"].as_array().expect("child executions");
    let statuses: Vec<&str> = children.iter().filter_map(|c| c["status"].as_str()).collect();
    assert_eq!(statuses, ["SUCCEEDED", "SUCCEEDED", "FAILED", "SUCCEEDED", "SUCCEEDED"]);
    let last = |c: &serde_json::Value| c["history"]["events"].as_array().and_then(|e| e.last()).and_then(|e| e["type"].as_str()).map(str::to_owned);
    assert_eq!(last(&children[2]).as_deref(), Some("ExecutionFailed"));
    assert!(entered_states(&run).iter().all(|s| s != "Resize"), "the children's states are in their own histories");
    let (_, run, _) = aslplay(&["run", &format!("{sample}/definition.asl.json"), "--input", &format!("{sample}/input.json"), "--mocks", &format!("{sample}/mocks.js")]);
    assert!(run.get("childExecutions").is_none(), "only with --history");
}

#[test]
fn a_rejected_approval_fails_the_execution() {
    let (code, run, _) = aslplay(&["run", STOCK, "--mock-config", STOCK_MOCKS, "--test-case", "Rejected"]);
    assert_eq!(code, 1);
    assert_eq!(run["status"], "FAILED");
    assert_eq!(run["error"], "Rejected");
}

#[test]
fn unmocked_tasks_fail_naming_the_resource() {
    let (code, run, _) = aslplay(&["run", STOCK]);
    assert_eq!(code, 1);
    assert!(run["cause"].as_str().unwrap().contains("Check Stock Price"), "{run}");
}

#[test]
fn input_json_flows_through() {
    let def = temp_file("pass.json", r#"{"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"got.$":"$.x"},"End":true}}}"#);
    let (code, run, _) = aslplay(&["run", &def, "--input-json", r#"{"x":[1,2]}"#]);
    assert_eq!((code, run["output"]["got"].clone()), (0, serde_json::json!([1, 2])));
}

#[test]
fn validate_reports_like_a_compiler() {
    let def = temp_file("bad.json", "{\"StartAt\":\"A\",\"States\":{\n\"A\":{\"Type\":\"Pass\",\"Next\":\"B\"}}}");
    let (code, _, text) = aslplay(&["validate", &def]);
    assert_eq!(code, 1);
    assert!(text.contains(":2:27: error[MISSING_TRANSITION_TARGET]"), "{text}");
    let (code, json, _) = aslplay(&["validate", &def, "--format", "json"]);
    assert_eq!(code, 1);
    // AWS reports the missing end too; in text order, it comes first (at "States").
    let found: Vec<(&str, u64)> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["code"].as_str().unwrap(), d["line"].as_u64().unwrap()))
        .collect();
    assert_eq!(found, [("MISSING_END_STATE", 1), ("MISSING_TRANSITION_TARGET", 2)]);
    let (code, _, text) = aslplay(&["validate", STOCK]);
    assert_eq!(code, 0, "{text}");
    assert!(text.ends_with(": valid\n"), "{text}");
}

#[test]
fn validate_warnings_do_not_fail() {
    let def = temp_file("warn.json", "{\"StartAt\":\"A\",\"States\":{\n\"A\":{\"Type\":\"Pass\",\"Parameters\":{\"id\":\"$.id\"},\"End\":true}}}");
    let (code, _, text) = aslplay(&["validate", &def]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains(":2:39: warning[NO_DOLLAR]") && text.ends_with("valid, with 1 warning\n"), "{text}");
    let (code, json, _) = aslplay(&["validate", &def, "--format", "json"]);
    assert_eq!(code, 0);
    let d = &json["diagnostics"][0];
    assert_eq!((d["code"].as_str(), d["severity"].as_str(), d["pointer"].as_str()), (Some("NO_DOLLAR"), Some("warning"), Some("/States/A/Parameters/id")));
    assert_eq!((d["line"].as_u64(), d["column"].as_u64(), d["endColumn"].as_u64()), (Some(2), Some(39), Some(45)));
}

#[test]
fn unusable_arguments_exit_2() {
    assert_eq!(aslplay(&["run", "no-such-file.json"]).0, 2);
    assert_eq!(aslplay(&["run", STOCK, "--input-json", "{not json"]).0, 2);
    assert_eq!(aslplay(&["run", STOCK, "--mock-config", STOCK_MOCKS, "--test-case", "Nope"]).0, 2);
    let bad_json = temp_file("broken.json", "{\"StartAt\": ");
    let (code, _, text) = aslplay(&["run", &bad_json]);
    assert_eq!(code, 2);
    assert!(text.contains("INVALID_JSON_DESCRIPTION"), "{text}");
    assert_eq!(aslplay(&["frobnicate"]).0, 2);
}
