//! The files the Export menu downloads, made by [`crate::export`] from the editors and the last run.

use crate::asl::graph::graph;
use crate::asl::json::Value;
use crate::export::{mock_config, sam, svg};

/// What can be exported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Definition,
    MockConfig,
    History,
    Graph,
    Sam,
}

impl Kind {
    /// Every kind, in the menu's order.
    pub const ALL: [Kind; 5] = [Kind::Definition, Kind::MockConfig, Kind::History, Kind::Graph, Kind::Sam];

    /// The menu item's words.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Definition => "Definition (.asl.json)",
            Kind::MockConfig => "Mock config of the last run (Step Functions Local)",
            Kind::History => "History of the last run (GetExecutionHistory JSON)",
            Kind::Graph => "Graph (SVG)",
            Kind::Sam => "SAM template (template.yaml)",
        }
    }

    /// Whether it is made from the last run.
    pub fn needs_run(self) -> bool {
        matches!(self, Kind::MockConfig | Kind::History)
    }
}

/// A file to download.
#[derive(Clone, Debug, PartialEq)]
pub struct File {
    pub name: String,
    pub mime: &'static str,
    pub text: String,
}

/// The `kind` file of `definition` (the editor's text) and `history` (the last run's, in AWS's
/// GetExecutionHistory shape); `name` names the files and the state machine. `Err` says why not.
pub fn file(kind: Kind, name: &str, definition: &str, history: Option<&serde_json::Value>) -> Result<File, String> {
    let file = |suffix: &str, mime, text| Ok(File { name: format!("{name}{suffix}"), mime, text });
    let ran = || history.filter(|h| h.get("events").and_then(|e| e.as_array()).is_some_and(|e| !e.is_empty())).ok_or_else(|| "Run the state machine first: this file is made from the last run.".to_string());
    match kind {
        Kind::Definition => file(".asl.json", "application/json", definition.to_string()),
        Kind::MockConfig => {
            let config = mock_config::mock_config(name, &[("Recorded", ran()?)]);
            file(".mock-config.json", "application/json", pretty(&config))
        }
        Kind::History => file(".history.json", "application/json", pretty(ran()?)),
        Kind::Graph => {
            let document = Value::parse(definition).map_err(|e| format!("The definition is not JSON ({e}), so there is no graph to export."))?;
            file(".svg", "image/svg+xml", svg::svg(&graph(&document), None))
        }
        Kind::Sam => Ok(File { name: "template.yaml".into(), mime: "application/yaml", text: sam::template(definition)? }),
    }
}

fn pretty(value: &serde_json::Value) -> String {
    format!("{}\n", serde_json::to_string_pretty(value).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use super::*;
    use crate::asl::definition;
    use crate::asl::exec::{Execution, ExecutionOptions};
    use crate::ui::samples;

    fn history(text: &str) -> serde_json::Value {
        let mut ex = Execution::start(Rc::new(definition::parse(text).unwrap()), Value::parse("{}").unwrap(), ExecutionOptions::default());
        ex.run_to_end(|_| Some(Ok(Value::parse(r#"{"Payload": "hi"}"#).unwrap())));
        ex.history_json()
    }

    #[test]
    fn each_kind_is_made_from_the_definition_or_the_last_run() {
        let definition = samples::find("hello-lambda").unwrap().definition;
        let history = history(definition);
        let get = |kind| file(kind, "hello-lambda", definition, Some(&history)).unwrap();
        assert_eq!(get(Kind::Definition), File { name: "hello-lambda.asl.json".into(), mime: "application/json", text: definition.into() });
        let config: serde_json::Value = serde_json::from_str(&get(Kind::MockConfig).text).unwrap();
        let case = &config["StateMachines"]["hello-lambda"]["TestCases"]["Recorded"];
        assert!(case.as_object().is_some_and(|states| !states.is_empty()), "{config}");
        let events: serde_json::Value = serde_json::from_str(&get(Kind::History).text).unwrap();
        assert_eq!(events["events"][0]["type"], "ExecutionStarted");
        assert_eq!((get(Kind::History).name, get(Kind::Graph).mime), ("hello-lambda.history.json".into(), "image/svg+xml"));
        assert!(get(Kind::Graph).text.starts_with("<svg") && get(Kind::Graph).text.contains("Hello"));
        let sam = get(Kind::Sam);
        assert_eq!(sam.name, "template.yaml");
        assert!(sam.text.contains("AWS::Serverless::StateMachine") && sam.text.contains("\"StartAt\""));
    }

    #[test]
    fn what_cannot_be_made_says_why() {
        let definition = r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}"#;
        for kind in Kind::ALL.into_iter().filter(|k| k.needs_run()) {
            assert!(file(kind, "m", definition, None).unwrap_err().starts_with("Run the state machine first"));
            assert!(file(kind, "m", definition, Some(&serde_json::json!({"events": []}))).is_err());
        }
        assert!(file(Kind::Graph, "m", "{oops", None).unwrap_err().starts_with("The definition is not JSON"));
        assert!(file(Kind::Sam, "m", "{oops", None).is_err());
        assert!(file(Kind::Definition, "m", "{oops", None).is_ok(), "the text is exported as it is");
    }
}
