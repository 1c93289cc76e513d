use super::*;
use crate::asl::graph::graph;
use crate::asl::json::Value;
use crate::cli::js_host::{finish, JsHost, MOCK_LIMIT};
use crate::testcases::{run, run_all, Scenario, TestCase, Workspace};

const SAMPLES: &[&str] = &["hello-lambda", "stock-trading", "employee-lottery", "batch-job"];

fn sample(id: &str) -> Workspace {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples").join(id);
    let read = |file: &str| std::fs::read_to_string(dir.join(file)).unwrap();
    Workspace::new(read("definition.asl.json"), read("input.json"), read("mocks.js"))
}

/// The SAM template's `Definition`, read back as YAML.
fn deployed(template: &str) -> serde_json::Value {
    let yaml: serde_norway::Value = serde_norway::from_str(template).unwrap_or_else(|e| panic!("{e}\n{template}"));
    assert_eq!(yaml["Transform"], "AWS::Serverless-2016-10-31");
    let machine = &yaml["Resources"]["StateMachine"];
    assert_eq!(machine["Type"], "AWS::Serverless::StateMachine");
    assert!(matches!(&machine["Properties"]["Role"], serde_norway::Value::Tagged(t) if t.tag == "!Ref" && t.value == "StateMachineRoleArn"));
    serde_norway::from_value(machine["Properties"]["Definition"].clone()).unwrap()
}

#[test]
fn the_sam_template_deploys_the_definition_unchanged() {
    for id in SAMPLES {
        let definition = sample(id).definition;
        let template = sam::template(&definition).unwrap();
        assert_eq!(deployed(&template), serde_json::from_str::<serde_json::Value>(&definition).unwrap(), "{id}");
    }
    let tricky = r##"{"Comment": "# not a comment: {% 'quoted' %}\n\ttab \u0001 ünïcødé", "QueryLanguage": "JSONata", "StartAt": "A: b",
      "States": {"A: b": {"Type": "Pass", "Output": {"x": "{% $states.input.a & '#' %}", "n": 1.5e3, "big": 12345678901234567890, "neg": -0.0}, "End": true}}}"##;
    let template = sam::template(tricky).unwrap();
    assert_eq!(deployed(&template), serde_json::from_str::<serde_json::Value>(tricky).unwrap());
    assert!(template.contains("Description: \"# not a comment"), "{template}");
    assert!(sam::template("{").unwrap_err().starts_with("the definition is not JSON"));
}

#[test]
fn the_sam_template_lists_what_the_role_must_allow() {
    let template = sam::template(&sample("stock-trading").definition).unwrap();
    assert!(template.contains("#   Request Human Approval: sqs:sendMessage\n"), "{template}");
    assert!(template.contains("#   Check Stock Price: lambda:StepFunctionsSample-HelloLam-CheckStockPriceLambda-444455556666\n"), "{template}");
    let pass = sam::template(r#"{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}"#).unwrap();
    assert!(pass.contains("calls no service") && pass.contains("Description: \"A state machine exported from aslplay\""));
}

#[test]
fn the_svg_draws_every_state_and_escapes_names() {
    let document = Value::parse(&sample("employee-lottery").definition).unwrap();
    let drawing = svg::svg(&graph(&document), None);
    assert!(drawing.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "));
    assert!(drawing.ends_with("</svg>\n"));
    for state in ["Input Lottery Winners", "Is Winner In Past Draw", "Notify Winners", "Record Winner Queue"] {
        assert!(drawing.contains(&format!(">{state}</text>")), "{state}");
    }
    assert_eq!(drawing.matches("<g class=\"edge").count(), graph_edges(&document) + 3, "every transition, Start's and the two ends'");
    assert_eq!(drawing.matches("<g class=\"retry-mark\"").count(), 3, "the three states with Retry rules are marked");
    assert!(drawing.contains("<title>Retry\nStates.ALL: up to 2 retries, 1 s apart, × 2</title>"));
    let odd = Value::parse(r#"{"StartAt":"<A & B>","States":{"<A & B>":{"Type":"Pass","End":true}}}"#).unwrap();
    let drawing = svg::svg(&graph(&odd), None);
    assert!(drawing.contains(">&lt;A &amp; B&gt;</text>") && !drawing.contains("<A & B>"), "{drawing}");
}

/// The transitions as drawn: one line for those of one kind between the same two states.
fn graph_edges(document: &Value) -> usize {
    fn count(flow: &crate::asl::graph::Flow) -> usize {
        let drawn: std::collections::HashSet<String> =
            flow.edges.iter().map(|e| format!("{}|{}|{:?}", e.from, e.to, e.kind)).collect();
        drawn.len() + flow.nodes.iter().flat_map(|n| &n.branches).map(count).sum::<usize>()
    }
    count(&graph(document))
}

#[test]
fn the_svg_highlights_what_the_tests_covered() {
    let workspace = sample("employee-lottery");
    let cases: Vec<TestCase> = serde_json::from_str(r#"[{"name": "draws", "expect": {"status": "SUCCEEDED"}}]"#).unwrap();
    let report = finish(run_all(&workspace, &cases, &mut JsHost::new(MOCK_LIMIT))).unwrap();
    let document = Value::parse(&workspace.definition).unwrap();
    let drawing = svg::svg(&graph(&document), Some(&report.coverage));
    assert_eq!(drawing.matches(" missed\" transform").count(), 1, "only the Fail state is missed");
    assert!(drawing.contains("<g class=\"node kind-fail missed\""));
    assert!(drawing.matches("<g class=\"edge next covered").count() >= 3);
    assert!(drawing.contains("<g class=\"edge choice covered back\""), "the loop back was taken");
}

#[test]
fn a_recorded_run_replays_from_its_mock_config() {
    for id in SAMPLES {
        let workspace = sample(id);
        let ready = workspace.ready().unwrap();
        let original = finish(run(&ready, &workspace.mocks, &Scenario::default(), &mut JsHost::new(MOCK_LIMIT))).unwrap().unwrap();
        let config = mock_config::mock_config("Sample", &[("Recorded", &original.history)]);
        let case = &config["StateMachines"]["Sample"]["TestCases"]["Recorded"];
        let mut scenario = Scenario::default();
        for (state, response) in case.as_object().unwrap() {
            let answers = &config["MockedResponses"][response.as_str().unwrap()];
            scenario.mocks.insert(state.clone(), Value::from_serde(answers));
        }
        let replayed = finish(run(&ready, "", &scenario, &mut JsHost::new(MOCK_LIMIT))).unwrap().unwrap();
        assert_eq!((&replayed.status, &replayed.output, &replayed.path), (&original.status, &original.output, &original.path), "{id}");
        assert_eq!(replayed.retries, original.retries, "{id}");
    }
}

#[test]
fn failures_and_timeouts_are_recorded_as_throws() {
    let history = serde_json::json!({"events": [
        {"id": 1, "previousEventId": 0, "type": "TaskStateEntered", "stateEnteredEventDetails": {"name": "T"}},
        {"id": 2, "previousEventId": 1, "type": "LambdaFunctionScheduled"},
        {"id": 3, "previousEventId": 2, "type": "LambdaFunctionTimedOut", "lambdaFunctionTimedOutEventDetails": {}},
        {"id": 4, "previousEventId": 3, "type": "LambdaFunctionScheduled"},
        {"id": 5, "previousEventId": 4, "type": "LambdaFunctionFailed", "lambdaFunctionFailedEventDetails": {"error": "Boom", "cause": "why"}},
        {"id": 6, "previousEventId": 5, "type": "TaskStateExited", "stateExitedEventDetails": {"name": "T"}}]});
    let config = mock_config::mock_config("M", &[("C", &history)]);
    assert_eq!(config["StateMachines"]["M"]["TestCases"]["C"]["T"], "C: T");
    assert_eq!(config["MockedResponses"]["C: T"], serde_json::json!({"0": {"Throw": {"Error": "States.Timeout"}}, "1": {"Throw": {"Error": "Boom", "Cause": "why"}}}));
}
