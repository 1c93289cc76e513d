//! The check language of exercises: each check is one JSON object with a `kind`, its own fields, the
//! `feedback` a learner reads when it fails, and optionally the `scenario` it runs under and a
//! `title`. The kinds:
//!
//! | kind | fields | passes when |
//! |---|---|---|
//! | `status` | `equals` | the execution ends with that status (`SUCCEEDED`, `FAILED`, `TIMED_OUT`) |
//! | `output` | `equals` or `includes` | the output is that value, or holds those fields |
//! | `state_output` | `state`, `equals` or `includes` | the state's output (when last left) is, or holds, that |
//! | `error` | `equals` | the execution fails with that error |
//! | `visited` | `states` | the run enters these states, in this order (others may come between) |
//! | `not_visited` | `states` | the run enters none of these states |
//! | `path` | `equals` | the run enters exactly these states, in this order |
//! | `retried` | `state`, `at_least` (1) | the state is attempted again after failing, so many times |
//! | `caught` | `state`, `error` (any) | a Catch of the state handles its failure |
//! | `uses_feature` | `feature` | the definition uses it (see [`super::features::FEATURES`]) |
//! | `variable_assigned` | `name`, `equals` (any) | a state assigns the workflow variable (that value last) |
//! | `elapsed` | `at_least_seconds`, `at_most_seconds` | the run takes that long in virtual time |

use crate::asl::json::Value;
use crate::testcases::case::reason;
use crate::testcases::values::{includes, preview, same};
use crate::testcases::Trace;

use super::features;

/// One check of an exercise (read by [`super::check_read`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Check {
    /// What is checked.
    pub rule: Rule,
    /// The scenario (of the exercise's `scenarios`) the run is made under; the workspace as it is
    /// when absent.
    pub scenario: Option<String>,
    /// What the learner reads when the check fails: what to look at, not the answer.
    pub feedback: String,
    /// The check in the learner's words; made from the rule when absent.
    pub title: Option<String>,
}

/// What a check asks (see the module's table); `kind` in snake case names the variant.
#[derive(Clone, Debug, PartialEq)]
pub enum Rule {
    Status { equals: String },
    Output { equals: Option<Value>, includes: Option<Value> },
    StateOutput { state: String, equals: Option<Value>, includes: Option<Value> },
    Error { equals: String },
    Visited { states: Vec<String> },
    NotVisited { states: Vec<String> },
    Path { equals: Vec<String> },
    /// `at_least` is 1 when not given.
    Retried { state: String, at_least: usize },
    Caught { state: String, error: Option<String> },
    UsesFeature { feature: String },
    VariableAssigned { name: String, equals: Option<Value> },
    Elapsed { at_least_seconds: Option<u64>, at_most_seconds: Option<u64> },
}

/// A check's verdict: passed, or what the run showed instead.
pub type Verdict = Result<(), String>;

impl Rule {
    /// Whether the check needs a run (all but `uses_feature`).
    pub fn needs_run(&self) -> bool {
        !matches!(self, Rule::UsesFeature { .. })
    }

    /// What is wrong with the rule itself, if anything.
    pub fn problem(&self) -> Option<String> {
        match self {
            Rule::Output { equals, includes } | Rule::StateOutput { equals, includes, .. } if equals.is_some() == includes.is_some() => {
                Some("give one of \"equals\" and \"includes\"".into())
            }
            Rule::UsesFeature { feature } if !features::known(feature) => Some(format!("unknown feature \"{feature}\"")),
            Rule::Visited { states } | Rule::NotVisited { states } if states.is_empty() => Some("\"states\" is empty".into()),
            Rule::Elapsed { at_least_seconds: None, at_most_seconds: None } => Some("give \"at_least_seconds\" or \"at_most_seconds\"".into()),
            _ => None,
        }
    }

    /// The check in plain words.
    pub fn title(&self) -> String {
        let list = |states: &[String]| states.iter().map(|s| format!("“{s}”")).collect::<Vec<_>>().join(", then ");
        match self {
            Rule::Status { equals } => format!("The execution ends {equals}"),
            Rule::Output { equals: Some(v), .. } => format!("The output is {}", v.to_json()),
            Rule::Output { includes, .. } => format!("The output includes {}", json(includes)),
            Rule::StateOutput { state, equals: Some(v), .. } => format!("“{state}” outputs {}", v.to_json()),
            Rule::StateOutput { state, includes, .. } => format!("The output of “{state}” includes {}", json(includes)),
            Rule::Error { equals } => format!("The execution fails with the error {equals}"),
            Rule::Visited { states } => format!("The run goes through {}", list(states)),
            Rule::NotVisited { states } => format!("The run never enters {}", states.iter().map(|s| format!("“{s}”")).collect::<Vec<_>>().join(" or ")),
            Rule::Path { equals } => format!("The run goes exactly {}", equals.join(" → ")),
            Rule::Retried { state, at_least: 1 } => format!("“{state}” is retried after it fails"),
            Rule::Retried { state, at_least } => format!("“{state}” is retried at least {at_least} times"),
            Rule::Caught { state, error: Some(error) } => format!("A Catch on “{state}” handles {error}"),
            Rule::Caught { state, error: None } => format!("A Catch on “{state}” handles its failure"),
            Rule::UsesFeature { feature } => format!("The definition uses {}", features::describe(feature)),
            Rule::VariableAssigned { name, equals: Some(v) } => format!("The variable ${name} is assigned {}", v.to_json()),
            Rule::VariableAssigned { name, equals: None } => format!("The variable ${name} is assigned"),
            Rule::Elapsed { at_least_seconds, at_most_seconds } => match (at_least_seconds, at_most_seconds) {
                (Some(low), Some(high)) if low == high => format!("The run takes {}", seconds(*low)),
                (Some(low), Some(high)) => format!("The run takes between {low} and {}", seconds(*high)),
                (Some(low), None) => format!("The run takes at least {}", seconds(*low)),
                (_, high) => format!("The run takes at most {}", seconds(high.unwrap_or_default())),
            },
        }
    }

    /// Judges the definition `document` and, for checks that need one, its run `trace`.
    pub fn judge(&self, document: &Value, trace: Option<&Trace>) -> Verdict {
        if let Rule::UsesFeature { feature } = self {
            return pass_if(features::uses(document, feature), || format!("the definition does not use {}", features::describe(feature)));
        }
        let Some(t) = trace else { return Err("the run did not happen".into()) };
        let ended = || format!("it ended {}{}", t.status, reason(t));
        match self {
            Rule::Status { equals } => pass_if(&t.status == equals, ended),
            Rule::Output { equals, includes: expected } => match &t.output {
                Some(output) => pass_if(matches(output, equals, expected), || format!("the output was {}", preview(output))),
                None => Err(format!("there was no output: {}", ended())),
            },
            Rule::StateOutput { state, equals, includes: expected } => match t.outputs.get(state) {
                Some(output) => pass_if(matches(output, equals, expected), || format!("“{state}” output {}", preview(output))),
                None => Err(format!("the run never left “{state}”; {}", ended())),
            },
            Rule::Error { equals } => pass_if(t.error.as_ref() == Some(equals), ended),
            Rule::Visited { states } => visited_in_order(t, states),
            Rule::NotVisited { states } => match states.iter().find(|s| t.visited(s)) {
                Some(state) => Err(format!("the run entered “{state}”: {}", t.path.join(" → "))),
                None => Ok(()),
            },
            Rule::Path { equals } => pass_if(&t.path == equals, || format!("the run went {}", t.path.join(" → "))),
            Rule::Retried { state, at_least } => {
                let count = t.retries.iter().filter(|r| &r.state == state).count();
                let entered = t.visited(state);
                pass_if(count >= *at_least, || if entered { format!("“{state}” was retried {count} times; {}", ended()) } else { format!("the run never entered “{state}”") })
            }
            Rule::Caught { state, error } => {
                let caught = t.caught.iter().any(|c| &c.state == state && (error.is_none() || c.error == *error));
                pass_if(caught, || caught_instead(t, state))
            }
            Rule::VariableAssigned { name, equals } => match (t.variables.get(name), equals) {
                (None, _) => Err(format!("no state assigned ${name}")),
                (Some(value), Some(expected)) => pass_if(same(expected, value), || format!("${name} was last assigned {}", preview(value))),
                (Some(_), None) => Ok(()),
            },
            Rule::Elapsed { at_least_seconds, at_most_seconds } => {
                let seconds = t.elapsed_ms as f64 / 1000.0;
                let long_enough = at_least_seconds.is_none_or(|low| seconds >= low as f64);
                let short_enough = at_most_seconds.is_none_or(|high| seconds <= high as f64);
                pass_if(long_enough && short_enough, || format!("the run took {seconds} seconds"))
            }
            Rule::UsesFeature { .. } => Ok(()),
        }
    }
}

fn seconds(n: u64) -> String {
    if n == 1 { "1 second".into() } else { format!("{n} seconds") }
}

fn pass_if(passed: bool, observed: impl FnOnce() -> String) -> Verdict {
    if passed { Ok(()) } else { Err(observed()) }
}

fn matches(actual: &Value, equals: &Option<Value>, expected: &Option<Value>) -> bool {
    equals.as_ref().is_none_or(|e| same(e, actual)) && expected.as_ref().is_none_or(|e| includes(actual, e))
}

fn json(value: &Option<Value>) -> String {
    value.as_ref().map_or_else(|| "null".into(), Value::to_json)
}

/// Whether `states` come in this order along the path.
fn visited_in_order(t: &Trace, states: &[String]) -> Verdict {
    let mut rest = t.path.iter();
    for state in states {
        if !rest.any(|s| s == state) {
            let shown = if t.path.is_empty() { "nowhere".to_string() } else { t.path.join(" → ") };
            let what = if t.visited(state) { format!("“{state}” did not come in that order") } else { format!("the run never entered “{state}”") };
            return Err(format!("{what}: it went {shown}"));
        }
    }
    Ok(())
}

/// What happened to `state` when no Catch handled its failure.
fn caught_instead(t: &Trace, state: &str) -> String {
    if !t.visited(state) {
        return format!("the run never entered “{state}”");
    }
    match t.caught.iter().find(|c| c.state == state) {
        Some(c) => format!("a Catch on “{state}” handled {}, not the error expected", c.error.as_deref().unwrap_or("an error")),
        None if t.status == "SUCCEEDED" && t.retries.iter().any(|r| r.state == state) => format!("“{state}” failed, was retried and then succeeded: the failure never reached a Catch"),
        None if t.status == "SUCCEEDED" => format!("“{state}” did not fail"),
        None => format!("nothing caught the failure: it ended {}{}", t.status, reason(t)),
    }
}
