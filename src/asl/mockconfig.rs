//! Static mocks in the AWS Step Functions Local mock configuration format: test cases map state
//! names to mocked responses, and each response gives a `Return` or a `Throw` per call index
//! (`"0"`, or a range `"1-2"`).

use std::rc::Rc;

use rustc_hash::FxHashMap;

use crate::asl::error::Failure;
use crate::asl::json::Value;

/// A state machine's test cases: for each, the mocked response named for each state.
type TestCases = FxHashMap<Rc<str>, FxHashMap<Rc<str>, Rc<str>>>;

/// A mocked response's answers: the calls `low..=high` (its keys, "0" or "1-3") answer this.
type Answers = Vec<(u64, u64, Result<Value, Failure>)>;

/// A parsed mock configuration.
#[derive(Debug)]
pub struct MockConfig {
    machines: Vec<(Rc<str>, TestCases)>,
    responses: FxHashMap<Rc<str>, Answers>,
}

/// The mocked states of one test case, counting each state's calls.
#[derive(Clone, Debug)]
pub struct TestCase {
    config: Rc<MockConfig>,
    states: FxHashMap<Rc<str>, Rc<str>>,
    calls: FxHashMap<Rc<str>, u64>,
}

impl MockConfig {
    /// Reads a configuration; errors say what is wrong and where.
    pub fn parse(value: &Value) -> Result<MockConfig, String> {
        let machines = value.get("StateMachines").and_then(Value::as_object).ok_or("the mock configuration needs a \"StateMachines\" object")?;
        let mut parsed_machines = Vec::new();
        for (name, machine) in machines {
            let cases = machine.get("TestCases").and_then(Value::as_object).ok_or_else(|| format!("StateMachines.{name} needs a \"TestCases\" object"))?;
            let mut parsed_cases = FxHashMap::default();
            for (case, states) in cases {
                let states = states.as_object().ok_or_else(|| format!("StateMachines.{name}.TestCases.{case} must map state names to mocked response names"))?;
                let mut map = FxHashMap::default();
                for (state, response) in states {
                    let response = response.as_str().ok_or_else(|| format!("StateMachines.{name}.TestCases.{case}.{state} must name a mocked response"))?;
                    map.insert(state.clone(), Rc::from(response));
                }
                parsed_cases.insert(case.clone(), map);
            }
            parsed_machines.push((name.clone(), parsed_cases));
        }
        let mut responses = FxHashMap::default();
        for (name, calls) in value.get("MockedResponses").and_then(Value::as_object).into_iter().flatten() {
            let calls = calls.as_object().ok_or_else(|| format!("MockedResponses.{name} must be an object of call indexes"))?;
            let mut parsed = Vec::new();
            for (index, response) in calls {
                let (low, high) = call_range(index).ok_or_else(|| format!("MockedResponses.{name}: \"{index}\" is not a call index such as \"0\" or \"1-2\""))?;
                parsed.push((low, high, outcome(response).map_err(|e| format!("MockedResponses.{name}.\"{index}\": {e}"))?));
            }
            responses.insert(name.clone(), parsed);
        }
        let config = MockConfig { machines: parsed_machines, responses };
        for (machine, cases) in &config.machines {
            for (case, states) in cases {
                for (state, response) in states {
                    if !config.responses.contains_key(response) {
                        return Err(format!("StateMachines.{machine}.TestCases.{case}.{state} names the response \"{response}\", which MockedResponses does not define"));
                    }
                }
            }
        }
        Ok(config)
    }

    /// The test case `case` of state machine `machine` (which may be omitted when there is one).
    pub fn test_case(self: &Rc<Self>, machine: Option<&str>, case: &str) -> Result<TestCase, String> {
        let cases = match machine {
            Some(m) => self.machines.iter().find(|(n, _)| &**n == m).map(|(_, c)| c).ok_or_else(|| format!("the mock configuration has no state machine \"{m}\""))?,
            None if self.machines.len() == 1 => &self.machines[0].1,
            None => return Err("the mock configuration has several state machines: name one".into()),
        };
        let states = cases.get(case).ok_or_else(|| format!("the mock configuration has no test case \"{case}\""))?;
        Ok(TestCase { config: self.clone(), states: states.clone(), calls: FxHashMap::default() })
    }
}

impl TestCase {
    /// The state names this test case mocks.
    pub fn states(&self) -> impl Iterator<Item = &str> {
        self.states.keys().map(|k| &**k)
    }

    /// The next mocked answer for `state`, or `None` if the test case does not mock it; an
    /// exhausted mock is a failure that says so.
    pub fn answer(&mut self, state: &str) -> Option<Result<Value, Failure>> {
        let response = self.states.get(state)?;
        let calls = self.config.responses.get(response)?;
        let count = self.calls.entry(Rc::from(state)).or_insert(0);
        let index = *count;
        *count += 1;
        let found = calls.iter().find(|(low, high, _)| (*low..=*high).contains(&index)).map(|(_, _, r)| r.clone());
        Some(found.unwrap_or_else(|| {
            Err(Failure::new("States.TaskFailed", format!("The mocked response \"{response}\" has no answer for call {index} of state \"{state}\"")))
        }))
    }
}

fn call_range(index: &str) -> Option<(u64, u64)> {
    match index.split_once('-') {
        Some((a, b)) => Some((a.trim().parse().ok()?, b.trim().parse().ok()?)),
        None => index.trim().parse().ok().map(|i| (i, i)),
    }
}

fn outcome(response: &Value) -> Result<Result<Value, Failure>, String> {
    if let Some(value) = response.get("Return") {
        return Ok(Ok(value.clone()));
    }
    let throw = response.get("Throw").ok_or("a response needs \"Return\" or \"Throw\"")?;
    let error = throw.get("Error").and_then(Value::as_str).ok_or("\"Throw\" needs an \"Error\" string")?;
    let cause = throw.get("Cause").and_then(Value::as_str).map(str::to_string);
    Ok(Err(Failure { error: error.into(), cause }))
}

#[cfg(test)]
mod tests {
    use super::*;

    const CONFIG: &str = r#"{"StateMachines":{"M":{"TestCases":{"Happy":{"Call":"Flaky"}}}},
        "MockedResponses":{"Flaky":{"0":{"Throw":{"Error":"Lambda.TooManyRequestsException","Cause":"slow down"}},"1-2":{"Return":{"ok":true}}}}}"#;

    #[test]
    fn answers_by_call_index_and_range() {
        let config = Rc::new(MockConfig::parse(&Value::parse(CONFIG).unwrap()).unwrap());
        let mut case = config.test_case(None, "Happy").unwrap();
        assert_eq!(case.answer("Call").unwrap().unwrap_err().error, "Lambda.TooManyRequestsException");
        assert_eq!(case.answer("Call").unwrap().unwrap().to_json(), r#"{"ok":true}"#);
        assert!(case.answer("Call").unwrap().is_ok());
        assert!(case.answer("Call").unwrap().unwrap_err().cause.unwrap().contains("no answer for call 3"));
        assert!(case.answer("Other").is_none());
    }

    #[test]
    fn reports_broken_configurations() {
        let broken = r#"{"StateMachines":{"M":{"TestCases":{"C":{"S":"Nope"}}}},"MockedResponses":{}}"#;
        assert!(MockConfig::parse(&Value::parse(broken).unwrap()).unwrap_err().contains("Nope"));
        let config = Rc::new(MockConfig::parse(&Value::parse(CONFIG).unwrap()).unwrap());
        assert!(config.test_case(Some("X"), "Happy").is_err());
        assert!(config.test_case(None, "Sad").is_err());
    }
}
