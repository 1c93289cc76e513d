//! A definition's states and transitions as plain data, for drawing.
//!
//! Computed from the definition's JSON rather than from a parsed state machine, so that a definition
//! with errors (a missing `Next` target, an unknown field, a state without `Type`) still draws: every
//! state that is an object becomes a node, every transition that names a string becomes an edge, and
//! an edge whose target is not a state is kept and marked `dangling`.

use serde::Serialize;

use super::exec::Resource;
use super::json::Value;

/// One level of states: the top-level machine, a Parallel branch, or a Map's item processor.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Flow {
    /// `StartAt`, when it is a string.
    pub start_at: Option<String>,
    /// The states, in the order the definition lists them.
    pub nodes: Vec<Node>,
    /// The transitions between states of this level.
    pub edges: Vec<Edge>,
}

/// One state.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Node {
    /// The state's name.
    pub name: String,
    /// Its `Type` (`Task`, `Choice`, …), or `?` when missing or not a string.
    pub kind: String,
    /// Whether the execution can stop here: `End: true`, or a Succeed or Fail state.
    pub terminal: bool,
    /// A short description of what a Task calls (`lambda:HelloFunction`, `sqs:sendMessage`).
    pub detail: Option<String>,
    /// Its `Retry` rules, one line each: `States.ALL: up to 3 retries, 1 s apart, × 2`.
    pub retry: Vec<String>,
    /// Nested flows: a Parallel's branches, or a Map's item processor.
    pub branches: Vec<Flow>,
}

/// Why one state can follow another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum EdgeKind {
    /// `Next`.
    Next,
    /// A Choice rule's `Next`.
    Choice,
    /// A Choice state's `Default`.
    Default,
    /// A `Catch` clause's `Next`.
    Catch,
}

/// A transition from one state to another of the same flow.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Edge {
    /// The state the transition leaves.
    pub from: String,
    /// The state it names.
    pub to: String,
    /// What kind of transition this is.
    pub kind: EdgeKind,
    /// The rule (Choice) or error names (Catch) that take this transition.
    pub label: Option<String>,
    /// The target is not a state of this flow.
    pub dangling: bool,
}

/// The graph of a definition (an object with `StartAt` and `States`); empty for anything else.
pub fn graph(definition: &Value) -> Flow {
    let mut flow =
        Flow { start_at: definition.get("StartAt").and_then(Value::as_str).map(str::to_owned), ..Flow::default() };
    let Some(states) = definition.get("States").and_then(Value::as_object) else { return flow };
    for (name, state) in states.iter() {
        if state.as_object().is_none() {
            continue;
        }
        flow.nodes.push(node(name, state));
        transitions(name, state, &mut flow.edges);
    }
    for edge in &mut flow.edges {
        edge.dangling = !flow.nodes.iter().any(|n| n.name == edge.to);
    }
    flow
}

fn node(name: &str, state: &Value) -> Node {
    let kind = state.get("Type").and_then(Value::as_str).unwrap_or("?");
    let branches = match kind {
        "Parallel" => state.get("Branches").and_then(Value::as_array).unwrap_or_default().iter().map(graph).collect(),
        "Map" => state.get("ItemProcessor").or_else(|| state.get("Iterator")).map(graph).into_iter().collect(),
        _ => Vec::new(),
    };
    Node {
        name: name.to_owned(),
        kind: kind.to_owned(),
        terminal: matches!(kind, "Succeed" | "Fail") || state.get("End").and_then(Value::as_bool) == Some(true),
        detail: state.get("Resource").and_then(Value::as_str).map(resource_detail),
        retry: state.get("Retry").and_then(Value::as_array).unwrap_or_default().iter().map(retrier_label).collect(),
        branches,
    }
}

fn transitions(name: &str, state: &Value, edges: &mut Vec<Edge>) {
    let mut add = |to: Option<&Value>, kind: EdgeKind, label: Option<String>| {
        if let Some(to) = to.and_then(Value::as_str) {
            edges.push(Edge { from: name.to_owned(), to: to.to_owned(), kind, label, dangling: false });
        }
    };
    for rule in state.get("Choices").and_then(Value::as_array).unwrap_or_default() {
        add(rule.get("Next"), EdgeKind::Choice, Some(rule_label(rule)));
    }
    add(state.get("Default"), EdgeKind::Default, None);
    add(state.get("Next"), EdgeKind::Next, None);
    for catcher in state.get("Catch").and_then(Value::as_array).unwrap_or_default() {
        let errors: Vec<&str> = catcher
            .get("ErrorEquals")
            .and_then(Value::as_array)
            .unwrap_or_default()
            .iter()
            .filter_map(Value::as_str)
            .collect();
        add(catcher.get("Next"), EdgeKind::Catch, Some(errors.join(", ")));
    }
}

/// A retrier in a few words, with AWS's defaults for the fields it leaves out (1 s, 3 attempts,
/// backoff 2): `Lambda.ServiceException, States.Timeout: up to 2 retries, 1 s apart, × 2, at most 30 s, full jitter`.
fn retrier_label(retrier: &Value) -> String {
    let errors: Vec<&str> = retrier.get("ErrorEquals").and_then(Value::as_array).unwrap_or_default().iter().filter_map(Value::as_str).collect();
    let number = |key: &str, default: &str| retrier.get(key).filter(|v| v.as_f64().is_some()).map_or(default.to_owned(), Value::to_json);
    let attempts = number("MaxAttempts", "3");
    let mut label = match attempts.as_str() {
        "0" => format!("{}: no retries", errors.join(", ")),
        "1" => format!("{}: 1 retry after {} s", errors.join(", "), number("IntervalSeconds", "1")),
        n => format!("{}: up to {n} retries, {} s apart, × {}", errors.join(", "), number("IntervalSeconds", "1"), number("BackoffRate", "2")),
    };
    if retrier.get("MaxDelaySeconds").is_some() {
        label.push_str(&format!(", at most {} s", number("MaxDelaySeconds", "?")));
    }
    if retrier.get("JitterStrategy").and_then(Value::as_str) == Some("FULL") {
        label.push_str(", full jitter");
    }
    label
}

/// A Choice rule in a short readable form: `$.type == "buy"`, `$.n > 3 and $.ok`, or a JSONata `Condition`.
fn rule_label(rule: &Value) -> String {
    if let Some(condition) = rule.get("Condition").and_then(Value::as_str) {
        return condition.to_owned();
    }
    let nested = |key: &str, joiner: &str| {
        let parts: Vec<String> = rule.get(key)?.as_array()?.iter().map(rule_label).collect();
        Some(parts.join(joiner))
    };
    if let Some(label) = nested("And", " and ").or_else(|| nested("Or", " or ")) {
        return label;
    }
    if let Some(inner) = rule.get("Not") {
        return format!("not ({})", rule_label(inner));
    }
    let variable = rule.get("Variable").and_then(Value::as_str).unwrap_or("?");
    let Some(map) = rule.as_object() else { return variable.to_owned() };
    for (key, operand) in map.iter() {
        if let Some(op) = operator(key.strip_suffix("Path").unwrap_or(key)) {
            let operand =
                if key.ends_with("Path") { operand.as_str().unwrap_or("?").to_owned() } else { operand.to_json() };
            return format!("{variable} {op} {operand}");
        }
    }
    variable.to_owned()
}

/// The symbol for a comparison operator (`StringEquals` → `==`); the type tests (`IsPresent`…) keep their name.
fn operator(name: &str) -> Option<&str> {
    let symbol = match name {
        "StringEquals" | "NumericEquals" | "BooleanEquals" | "TimestampEquals" => "==",
        "StringLessThan" | "NumericLessThan" | "TimestampLessThan" => "<",
        "StringGreaterThan" | "NumericGreaterThan" | "TimestampGreaterThan" => ">",
        "StringLessThanEquals" | "NumericLessThanEquals" | "TimestampLessThanEquals" => "<=",
        "StringGreaterThanEquals" | "NumericGreaterThanEquals" | "TimestampGreaterThanEquals" => ">=",
        "StringMatches" => "matches",
        "IsNull" | "IsPresent" | "IsNumeric" | "IsString" | "IsBoolean" | "IsTimestamp" => name,
        _ => return None,
    };
    Some(symbol)
}

/// What a Task's resource calls, in a few words: `lambda:NAME` for a Lambda function, the service
/// action of an integration (`sqs:sendMessage`), or the resource unchanged when it is neither.
pub fn resource_detail(resource: &str) -> String {
    match Resource::of(resource) {
        Resource::LambdaFunction => format!("lambda:{}", lambda_function_name(resource).unwrap_or("?")),
        Resource::Activity => format!("activity:{}", resource.rsplit(':').next().unwrap_or("?")),
        Resource::Service { .. } => service_action(resource).unwrap_or_else(|| resource.to_owned()),
    }
}

/// The `SERVICE:ACTION` a service integration calls, without its pattern: `sqs:sendMessage` for
/// `arn:aws:states:::sqs:sendMessage.waitForTaskToken`, `dynamodb:getItem` for an `aws-sdk` one.
pub fn service_action(resource: &str) -> Option<String> {
    match Resource::of(resource) {
        Resource::Service { resource_type, resource: action, .. } if resource.starts_with("arn:aws:states:::") => {
            let service = resource_type.strip_prefix("aws-sdk:").unwrap_or(&resource_type);
            Some(format!("{service}:{}", action.split('.').next().unwrap_or(&action)))
        }
        _ => None,
    }
}

/// The function's name in a Lambda function ARN or a `FunctionName` parameter: a name,
/// `NAME:QUALIFIER`, `ACCOUNT:function:NAME` or `arn:aws:lambda:REGION:ACCOUNT:function:NAME`.
pub fn lambda_function_name(name_or_arn: &str) -> Option<&str> {
    let name = name_or_arn.rsplit_once(":function:").map_or(name_or_arn, |(_, after)| after);
    name.split(':').next().filter(|n| !n.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flow(text: &str) -> Flow {
        graph(&Value::parse(text).unwrap())
    }

    fn edges(flow: &Flow) -> Vec<(&str, &str, EdgeKind, Option<&str>)> {
        flow.edges.iter().map(|e| (e.from.as_str(), e.to.as_str(), e.kind, e.label.as_deref())).collect()
    }

    #[test]
    fn a_single_task_is_one_terminal_node() {
        let f = flow(
            r#"{"StartAt":"Hello","States":{"Hello":{"Type":"Task",
            "Resource":"arn:aws:lambda:ap-northeast-1:081353481087:function:step-functions-lambda","End":true}}}"#,
        );
        assert_eq!(f.start_at.as_deref(), Some("Hello"));
        assert_eq!(f.nodes.len(), 1);
        assert!(f.nodes[0].terminal);
        assert_eq!(f.nodes[0].detail.as_deref(), Some("lambda:step-functions-lambda"));
        assert!(f.edges.is_empty());
        assert!(f.nodes[0].retry.is_empty());
    }

    #[test]
    fn retry_rules_are_summed_up_with_awss_defaults() {
        let f = flow(
            r#"{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true,"Retry":[
              {"ErrorEquals":["Lambda.ServiceException","States.Timeout"],"MaxAttempts":2,"MaxDelaySeconds":30,"JitterStrategy":"FULL"},
              {"ErrorEquals":["Custom"],"IntervalSeconds":5,"MaxAttempts":1},
              {"ErrorEquals":["States.ALL"],"IntervalSeconds":0.5,"BackoffRate":1.5},
              {"ErrorEquals":["Never"],"MaxAttempts":0}]}}}"#,
        );
        assert_eq!(
            f.nodes[0].retry,
            [
                "Lambda.ServiceException, States.Timeout: up to 2 retries, 1 s apart, × 2, at most 30 s, full jitter",
                "Custom: 1 retry after 5 s",
                "States.ALL: up to 3 retries, 0.5 s apart, × 1.5",
                "Never: no retries",
            ]
        );
    }

    #[test]
    fn choice_rules_default_next_and_catch_become_labelled_edges() {
        let f = flow(
            r#"{"StartAt":"Buy or Sell?","States":{
              "Buy or Sell?":{"Type":"Choice","Choices":[
                {"Variable":"$.recommended_type","StringEquals":"buy","Next":"Buy Stock"},
                {"And":[{"Variable":"$.n","NumericGreaterThanPath":"$.limit"},{"Not":{"Variable":"$.x","IsPresent":true}}],"Next":"Sell Stock"}],
                "Default":"Sell Stock"},
              "Buy Stock":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Next":"Report",
                "Catch":[{"ErrorEquals":["States.Timeout","CustomError"],"Next":"Failed"}]},
              "Sell Stock":{"Type":"Task","Resource":"arn:aws:states:::sns:publish.waitForTaskToken","Next":"Report"},
              "Report":{"Type":"Succeed"},
              "Failed":{"Type":"Fail"}}}"#,
        );
        assert_eq!(
            edges(&f),
            vec![
                ("Buy or Sell?", "Buy Stock", EdgeKind::Choice, Some(r#"$.recommended_type == "buy""#)),
                ("Buy or Sell?", "Sell Stock", EdgeKind::Choice, Some("$.n > $.limit and not ($.x IsPresent true)")),
                ("Buy or Sell?", "Sell Stock", EdgeKind::Default, None),
                ("Buy Stock", "Report", EdgeKind::Next, None),
                ("Buy Stock", "Failed", EdgeKind::Catch, Some("States.Timeout, CustomError")),
                ("Sell Stock", "Report", EdgeKind::Next, None),
            ]
        );
        let terminal: Vec<&str> = f.nodes.iter().filter(|n| n.terminal).map(|n| n.name.as_str()).collect();
        assert_eq!(terminal, ["Report", "Failed"]);
        assert_eq!(f.nodes[1].detail.as_deref(), Some("lambda:invoke"));
        assert_eq!(f.nodes[2].detail.as_deref(), Some("sns:publish"));
    }

    #[test]
    fn parallel_branches_and_map_processors_nest() {
        let f = flow(
            r#"{"StartAt":"P","States":{
              "P":{"Type":"Parallel","Next":"M","Branches":[
                {"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}},
                {"StartAt":"B","States":{"B":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:dynamodb:putItem","Next":"C"},"C":{"Type":"Succeed"}}}]},
              "M":{"Type":"Map","End":true,"Iterator":{"StartAt":"I","States":{"I":{"Type":"Pass","End":true}}}}}}"#,
        );
        assert_eq!(f.nodes[0].branches.len(), 2);
        assert_eq!(f.nodes[0].branches[1].start_at.as_deref(), Some("B"));
        assert_eq!(edges(&f.nodes[0].branches[1]), vec![("B", "C", EdgeKind::Next, None)]);
        assert_eq!(f.nodes[0].branches[1].nodes[0].detail.as_deref(), Some("dynamodb:putItem"));
        assert_eq!(resource_detail("arn:aws:states:us-east-1:1:activity:approve"), "activity:approve");
        assert_eq!(f.nodes[1].branches.len(), 1);
        assert_eq!(f.nodes[1].branches[0].nodes[0].name, "I");
    }

    #[test]
    fn a_broken_definition_still_draws_what_it_can() {
        let f =
            flow(r#"{"StartAt":7,"States":{"A":{"Next":"Nowhere"},"B":"not a state","C":{"Type":"Pass","Next":"A"}}}"#);
        assert_eq!(f.start_at, None);
        let names: Vec<(&str, &str)> = f.nodes.iter().map(|n| (n.name.as_str(), n.kind.as_str())).collect();
        assert_eq!(names, [("A", "?"), ("C", "Pass")]);
        let dangling: Vec<bool> = f.edges.iter().map(|e| e.dangling).collect();
        assert_eq!(dangling, [true, false]);
        assert_eq!(flow("[1, 2]"), Flow::default());
    }

    #[test]
    fn jsonata_conditions_label_their_edges() {
        let f = flow(
            r#"{"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Condition":"{% $states.input.n > 1 %}","Next":"D"}],"Default":"D"},"D":{"Type":"Succeed"}}}"#,
        );
        assert_eq!(f.edges[0].label.as_deref(), Some("{% $states.input.n > 1 %}"));
    }
}
