//! A saved test case: a named scenario (input, mocked responses) and what the run must show (status,
//! output, path, error), like a test case of AWS Step Functions Local with its expectations.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use crate::asl::json::Value;

use super::scenario::Scenario;
use super::trace::Trace;
use super::values::{preview, same, shorten};

/// A named test case of a workspace.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "Saved", into = "Saved")]
pub struct TestCase {
    /// Its name, unique in the workspace.
    pub name: String,
    /// How its run differs from the workspace's.
    pub scenario: Scenario,
    /// What the run must show.
    pub expect: Expect,
}

/// A test case as saved: the scenario's fields beside the name. Spelled out rather than with
/// serde's `flatten`, which buffers every field through a generic value (and so costs the page's
/// wasm several kilobytes) and cannot refuse unknown fields.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Saved {
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    input: Option<Value>,
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    mocks: IndexMap<String, Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    seed: Option<u64>,
    #[serde(default)]
    expect: Expect,
}

impl From<Saved> for TestCase {
    fn from(Saved { name, input, mocks, seed, expect }: Saved) -> TestCase {
        TestCase { name, scenario: Scenario { input, mocks, seed }, expect }
    }
}

impl From<TestCase> for Saved {
    fn from(TestCase { name, scenario: Scenario { input, mocks, seed }, expect }: TestCase) -> Saved {
        Saved { name, input, mocks, seed, expect }
    }
}

/// What a test case expects; what is left out is not checked.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    /// `SUCCEEDED`, `FAILED`, `TIMED_OUT`; `SUCCEEDED` when only an output is expected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// The output, exactly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output: Option<Value>,
    /// The states entered, in order, exactly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<Vec<String>>,
    /// The error the execution fails with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl Expect {
    /// How `trace` differs from the expectation, one sentence per difference; empty when it matches.
    pub fn mismatches(&self, trace: &Trace) -> Vec<String> {
        let mut found = Vec::new();
        let status = self.status.as_deref().or(self.output.as_ref().map(|_| "SUCCEEDED"));
        if let Some(status) = status.filter(|s| *s != trace.status) {
            found.push(format!("expected the execution to end {status}, but it ended {}{}", trace.status, reason(trace)));
        }
        if let Some(expected) = &self.output {
            match &trace.output {
                Some(output) if same(expected, output) => {}
                Some(output) => found.push(format!("expected the output {}, but it was {}", preview(expected), preview(output))),
                None if status.is_some_and(|s| s != trace.status) => {}
                None => found.push(format!("expected the output {}, but there was none", preview(expected))),
            }
        }
        if let Some(path) = self.path.as_ref().filter(|p| **p != trace.path) {
            found.push(format!("expected the path {}, but it was {}", path.join(" → "), trace.path.join(" → ")));
        }
        if let Some(error) = self.error.as_ref().filter(|e| trace.error.as_ref() != Some(*e)) {
            found.push(format!("expected the error {error}, but it was {}", trace.error.as_deref().unwrap_or("none")));
        }
        found
    }
}

/// Why a run ended as it did, for a message: `: States.TaskFailed (cause)`, or who is waiting.
pub fn reason(trace: &Trace) -> String {
    if trace.status == "RUNNING" {
        return match trace.waiting.as_slice() {
            [] => ", stuck waiting for a task nothing answers".to_string(),
            states => format!(", still waiting for a task token at {}", states.join(", ")),
        };
    }
    match (&trace.error, &trace.cause) {
        (Some(error), Some(cause)) => format!(" with {error}: {}", shorten(&message(cause), 200)),
        (Some(error), None) => format!(" with {error}"),
        _ => String::new(),
    }
}

/// A cause as a person reads it: a Lambda function's `{"errorMessage": …}` is its message.
fn message(cause: &str) -> String {
    let reported = Value::parse(cause).ok();
    let text = reported.as_ref().and_then(|c| c.get("errorMessage")).and_then(Value::as_str);
    text.unwrap_or(cause).to_string()
}
