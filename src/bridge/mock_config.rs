//! A Step Functions Local mock configuration in the Mocks pane, in place of JavaScript handlers: the
//! same file `aslplay run --mock-config` reads. Its test cases are listed for the page's picker, and
//! the one picked (or the first) answers the Tasks it mocks before any handler or built-in service,
//! through the same [`static_mocks::test_case`] as the CLI. What is wrong with it is located in the
//! pane.

use crate::asl::definition::StateMachine;
use crate::asl::json::Value;
use crate::asl::mockconfig::TestCase;
use crate::bridge::problems::{Pane, Problem};
use crate::integrations::static_mocks;

/// Whether the Mocks text is a mock configuration (a JSON object) rather than JavaScript: a mock
/// file does not start with a block.
pub fn is_config(mocks: &str) -> bool {
    mocks.trim_start().starts_with('{')
}

/// The test cases of the configuration's state machine (the first one, when it names several), in
/// file order; empty when the text is not a readable configuration.
pub fn test_cases(mocks: &str) -> Vec<String> {
    let Ok(value) = Value::parse(mocks) else { return Vec::new() };
    let machine = value.get("StateMachines").and_then(Value::as_object).and_then(|m| m.iter().next().map(|(_, v)| v.clone()));
    let cases = machine.as_ref().and_then(|m| m.get("TestCases")).and_then(Value::as_object);
    cases.map(|c| c.iter().map(|(name, _)| name.to_string()).collect()).unwrap_or_default()
}

/// The test case `case` (the first when `None`) of the configuration in `mocks`, checked against
/// `machine`; or the problem, located in the Mocks pane.
pub fn test_case(mocks: &str, machine: &StateMachine, case: Option<&str>) -> Result<TestCase, Problem> {
    if let Err(e) = Value::parse(mocks) {
        let mut problem = Problem::json(Pane::Mocks, mocks, &e);
        problem.message = format!("The mock configuration is not JSON: {}", problem.message);
        return Err(problem);
    }
    let cases = test_cases(mocks);
    let case = case.filter(|c| cases.iter().any(|n| n == c)).or(cases.first().map(String::as_str));
    let Some(case) = case else {
        return Err(Problem::at(Pane::Mocks, mocks, 0, 1, "The mock configuration has no test case (StateMachines.<name>.TestCases)"));
    };
    let machine_name = first_machine(mocks);
    static_mocks::test_case(mocks, machine, machine_name.as_deref(), case).map_err(|e| located(mocks, &format!("Mock configuration: {e}")))
}

fn first_machine(mocks: &str) -> Option<String> {
    let value = Value::parse(mocks).ok()?;
    value.get("StateMachines")?.as_object()?.iter().next().map(|(name, _)| name.to_string())
}

/// The problem at the first quoted name of `message` found in the text (the name the message is
/// about: a state, a response, a call range; examples come after it), else at the start.
fn located(mocks: &str, message: &str) -> Problem {
    let quoted: Vec<&str> = message.split('"').skip(1).step_by(2).filter(|q| !q.is_empty()).collect();
    let found = quoted.iter().find_map(|q| mocks.find(&format!("\"{q}\"")).map(|at| (at, at + q.len() + 2)));
    let (start, end) = found.unwrap_or((0, 1));
    Problem::at(Pane::Mocks, mocks, start, end, message)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::asl::definition;

    const MACHINE: &str = r#"{"StartAt":"Charge","States":{"Charge":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true}}}"#;

    fn machine() -> StateMachine {
        definition::parse(MACHINE).unwrap()
    }

    #[test]
    fn lists_test_cases_in_file_order_and_picks_the_first_by_default() {
        let config = r#"{"StateMachines":{"M":{"TestCases":{"Happy":{"Charge":"Ok"},"Sad":{"Charge":"Err"}}}},
            "MockedResponses":{"Ok":{"0":{"Return":{"paid":true}}},"Err":{"0-2":{"Throw":{"Error":"Declined","Cause":"no"}}}}}"#;
        assert!(is_config(config) && !is_config("mocks({})"));
        assert_eq!(test_cases(config), ["Happy", "Sad"]);
        let mut happy = test_case(config, &machine(), None).unwrap();
        assert_eq!(happy.answer("Charge").unwrap().unwrap(), Value::parse(r#"{"paid":true}"#).unwrap());
        let mut sad = test_case(config, &machine(), Some("Sad")).unwrap();
        assert_eq!(sad.answer("Charge").unwrap().unwrap_err().error, "Declined");
    }

    #[test]
    fn bad_configurations_are_located() {
        let not_json = "{\n  \"StateMachines\": {,\n}";
        let p = test_case(not_json, &machine(), None).unwrap_err();
        assert_eq!((p.line, p.message.starts_with("The mock configuration is not JSON")), (2, true), "{p:?}");

        let unknown = "{\"StateMachines\":{\"M\":{\"TestCases\":{\"C\":{\n  \"Charj\": \"Ok\"}}}},\"MockedResponses\":{\"Ok\":{\"0\":{\"Return\":1}}}}";
        let p = test_case(unknown, &machine(), None).unwrap_err();
        assert!(p.message.contains("\"Charj\", which is not a Task state"), "{}", p.message);
        assert_eq!((p.line, p.column), (2, 3));

        let range = "{\"StateMachines\":{\"M\":{\"TestCases\":{\"C\":{\"Charge\":\"Ok\"}}}},\n\"MockedResponses\":{\"Ok\":{\"2-x\":{\"Return\":1}}}}";
        let p = test_case(range, &machine(), None).unwrap_err();
        assert!(p.message.contains("\"2-x\" is not a call index"), "{}", p.message);
        assert_eq!((p.line, p.column), (2, 26));
    }
}
