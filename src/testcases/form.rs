//! A test case as the page edits it: every field a text box, read back into a [`TestCase`] with a
//! message naming the box that is wrong. Blank boxes leave their part out (the workspace's input, no
//! mocked responses, an expectation not checked).

use indexmap::IndexMap;

use crate::asl::json::Value;
use crate::bridge::outcome::pretty;

use super::case::{Expect, TestCase};
use super::scenario::Scenario;

/// The statuses a test case can expect.
pub const STATUSES: [&str; 3] = ["SUCCEEDED", "FAILED", "TIMED_OUT"];

/// The text boxes of one test case.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Form {
    pub name: String,
    /// JSON; blank runs with the workspace's input.
    pub input: String,
    /// One of [`STATUSES`], or blank.
    pub status: String,
    /// JSON; blank when the output is not checked.
    pub output: String,
    /// The states entered, one a line; blank when the path is not checked.
    pub path: String,
    /// The error the execution fails with; blank when not checked.
    pub error: String,
    /// Mocked responses by Task state name, JSON (`{"State": {"0": {"Throw": {...}}}}`); blank for none.
    pub mocks: String,
}

impl Form {
    /// The boxes filled from `case`.
    pub fn of(case: &TestCase) -> Form {
        let json = |value: &Option<Value>| value.as_ref().map(pretty).unwrap_or_default();
        let scenario = &case.scenario;
        let mocks = if scenario.mocks.is_empty() { String::new() } else { pretty(&Value::from_pairs(scenario.mocks.iter().map(|(k, v)| (k.as_str(), v.clone())))) };
        Form {
            name: case.name.clone(),
            input: json(&scenario.input),
            status: case.expect.status.clone().unwrap_or_default(),
            output: json(&case.expect.output),
            path: case.expect.path.as_ref().map(|p| p.join("\n")).unwrap_or_default(),
            error: case.expect.error.clone().unwrap_or_default(),
            mocks,
        }
    }

    /// A new test case that runs with `input` and expects the status and output (JSON) a run ended
    /// with; a status that is not one of [`STATUSES`] (a run that did not end) is left blank.
    pub fn expecting(name: String, input: &str, status: Option<&str>, output: Option<&str>) -> Form {
        let status = status.filter(|s| STATUSES.contains(s)).unwrap_or_default().to_string();
        Form { name, input: input.trim().to_string(), status, output: output.unwrap_or_default().to_string(), ..Form::default() }
    }

    /// The test case, keeping the seed of `base` (the case being edited); `others` are the workspace's
    /// other cases, whose names it must not take. `Err` names the box that is wrong.
    pub fn to_case(&self, base: Option<&TestCase>, others: &[TestCase]) -> Result<TestCase, String> {
        let name = self.name.trim();
        if name.is_empty() {
            return Err("Name: give the test case a name".into());
        }
        if others.iter().any(|c| c.name == name) {
            return Err(format!("Name: another test case is named \"{name}\""));
        }
        let input = json("Input", &self.input)?;
        let status = match self.status.trim() {
            "" => None,
            s if STATUSES.contains(&s) => Some(s.to_string()),
            s => return Err(format!("Status: {s} is not one of {}", STATUSES.join(", "))),
        };
        let path: Vec<String> = self.path.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect();
        let error = Some(self.error.trim()).filter(|e| !e.is_empty()).map(str::to_string);
        let expect = Expect { status, output: json("Output", &self.output)?, path: (!path.is_empty()).then_some(path), error };
        if expect == Expect::default() {
            return Err("Expect: say what the run must show (a status, an output, a path or an error)".into());
        }
        let seed = base.and_then(|b| b.scenario.seed);
        Ok(TestCase { name: name.to_string(), scenario: Scenario { input, mocks: mocked(&self.mocks)?, seed }, expect })
    }
}

/// A box of JSON, or `None` when blank.
fn json(label: &str, text: &str) -> Result<Option<Value>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    Value::parse(text).map(Some).map_err(|e| format!("{label}: not JSON: {e}"))
}

/// The mocked responses box: an object of Task state names to their responses by call index.
fn mocked(text: &str) -> Result<IndexMap<String, Value>, String> {
    let Some(value) = json("Mocked responses", text)? else { return Ok(IndexMap::new()) };
    let shape = "Mocked responses: write an object of Task state names, each to its responses by call index, like {\"Charge\": {\"0\": {\"Throw\": {\"Error\": \"Declined\"}}}}";
    let entries = value.as_object().ok_or(shape)?;
    entries
        .iter()
        .map(|(state, calls)| if calls.as_object().is_some() { Ok((state.to_string(), calls.clone())) } else { Err(shape.to_string()) })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> Form {
        Form {
            name: " declined ".into(),
            input: r#"{"total": 5}"#.into(),
            status: "SUCCEEDED".into(),
            output: "\"sorry\"".into(),
            path: "Charge\n  Apologize \n\n".into(),
            error: String::new(),
            mocks: r#"{"Charge": {"0": {"Throw": {"Error": "Declined"}}}}"#.into(),
        }
    }

    #[test]
    fn the_boxes_make_a_test_case_and_back() {
        let case = form().to_case(None, &[]).unwrap();
        assert_eq!(case.name, "declined");
        assert_eq!(case.scenario.input, Some(Value::parse(r#"{"total":5}"#).unwrap()));
        assert_eq!(case.expect.path.as_deref(), Some(&["Charge".to_string(), "Apologize".to_string()][..]));
        assert_eq!(case.expect.output, Some(Value::str("sorry")));
        assert_eq!(case.scenario.mocks["Charge"].to_json(), r#"{"0":{"Throw":{"Error":"Declined"}}}"#);
        assert_eq!(Form::of(&case).to_case(None, &[]).unwrap(), case, "a round trip keeps the case");
        let bare = Form { name: "ok".into(), status: "FAILED".into(), ..Form::default() }.to_case(None, &[]).unwrap();
        assert_eq!((bare.scenario, bare.expect.status.as_deref()), (Scenario::default(), Some("FAILED")));
        let seeded = TestCase { scenario: Scenario { seed: Some(7), ..Scenario::default() }, ..case.clone() };
        assert_eq!(form().to_case(Some(&seeded), &[]).unwrap().scenario.seed, Some(7), "editing keeps the seed");
    }

    #[test]
    fn a_wrong_box_is_named() {
        let taken = form().to_case(None, &[]).unwrap();
        let other = || Form { name: "other".into(), ..form() };
        let wrong = [
            (Form { name: " ".into(), ..form() }, "Name: give"),
            (form(), "Name: another test case is named \"declined\""),
            (Form { input: "{".into(), ..other() }, "Input: not JSON"),
            (Form { output: "sorry".into(), ..other() }, "Output: not JSON"),
            (Form { status: "DONE".into(), ..other() }, "Status: DONE is not one of"),
            (Form { mocks: "[1]".into(), ..other() }, "Mocked responses: write an object"),
            (Form { mocks: r#"{"Charge": 1}"#.into(), ..other() }, "Mocked responses: write an object"),
            (Form { name: "x".into(), ..Form::default() }, "Expect: say what"),
        ];
        for (form, message) in wrong {
            let e = form.to_case(None, std::slice::from_ref(&taken)).unwrap_err();
            assert!(e.starts_with(message), "{e}");
        }
    }

    #[test]
    fn a_case_from_a_run_expects_what_it_showed() {
        let form = Form::expecting("t".into(), " {\"a\":1} ", Some("SUCCEEDED"), Some("3"));
        let case = form.to_case(None, &[]).unwrap();
        assert_eq!((case.expect.status.as_deref(), case.expect.output), (Some("SUCCEEDED"), Some(Value::int(3))));
        assert_eq!(case.scenario.input, Some(Value::parse(r#"{"a":1}"#).unwrap()));
        assert_eq!(Form::expecting("t".into(), "", Some("NOT_STARTED"), None).status, "", "not a status a case can expect");
    }
}
