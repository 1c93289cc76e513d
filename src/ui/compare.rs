//! Two runs side by side: their inputs, the states each took (and where the paths first part),
//! their outputs or errors, and how many events each recorded.

use crate::asl::json::Value;
use crate::bridge::outcome::{pretty, Outcome};
use crate::bridge::timeline::recorded;

/// What the compare view shows of one run.
#[derive(Clone, Debug, PartialEq)]
pub struct Side {
    pub status: &'static str,
    /// The execution input, pretty-printed.
    pub input: Option<String>,
    /// The states entered, in order.
    pub path: Vec<String>,
    /// The output, or the error and cause.
    pub result: String,
    pub events: usize,
}

/// Two runs compared.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub pinned: Side,
    pub current: Side,
    /// The first step (index into both paths) where the paths differ, if they do.
    pub divergence: Option<usize>,
}

/// The run `outcome` as one side.
pub fn side(outcome: &Outcome) -> Side {
    let events = outcome.history().get("events").and_then(|e| e.as_array());
    let started = events.and_then(|e| e.first()).and_then(|e| e.get("executionStartedEventDetails"));
    let input = started.and_then(|d| d.get("input")).and_then(recorded).map(|v: Value| pretty(&v));
    let path = outcome.events.iter().filter(|e| e.kind.ends_with("StateEntered")).filter_map(|e| e.state.clone()).collect();
    let result = match (&outcome.output, &outcome.error) {
        (Some(output), _) => output.clone(),
        (None, Some(error)) => format!("{error}: {}", outcome.cause.as_deref().unwrap_or_default()),
        (None, None) => outcome.cause.clone().unwrap_or_default(),
    };
    Side { status: outcome.status, input, path, result, events: outcome.events.len() }
}

/// The pinned run against the current one.
pub fn compare(pinned: &Outcome, current: &Outcome) -> Comparison {
    let (pinned, current) = (side(pinned), side(current));
    let divergence = first_difference(&pinned.path, &current.path);
    Comparison { pinned, current, divergence }
}

/// The first index where `a` and `b` differ (one ending before the other counts).
fn first_difference(a: &[String], b: &[String]) -> Option<usize> {
    let common = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    (common < a.len().max(b.len())).then_some(common)
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use super::*;
    use crate::asl::definition;
    use crate::asl::exec::{Execution, ExecutionOptions};
    use crate::bridge::driver::Ending;

    const ROUTE: &str = r#"{"StartAt":"Check","States":{
        "Check":{"Type":"Choice","Choices":[{"Variable":"$.n","NumericGreaterThan":1,"Next":"Big"}],"Default":"Small"},
        "Big":{"Type":"Pass","Result":"big","Next":"Done"},
        "Small":{"Type":"Fail","Error":"TooSmall","Cause":"n is small"},
        "Done":{"Type":"Succeed"}}}"#;

    fn run(input: &str) -> Outcome {
        let machine = Rc::new(definition::parse(ROUTE).unwrap());
        let mut ex = Execution::start(machine, Value::parse(input).unwrap(), ExecutionOptions::default());
        ex.run_to_end(|_| None);
        Outcome::of(&ex, Ending::Ended, Vec::new())
    }

    #[test]
    fn the_first_divergence_is_found_and_both_results_shown() {
        let c = compare(&run(r#"{"n":5}"#), &run(r#"{"n":0}"#));
        assert_eq!(c.pinned.path, ["Check", "Big", "Done"]);
        assert_eq!(c.current.path, ["Check", "Small"]);
        assert_eq!(c.divergence, Some(1));
        assert_eq!(c.pinned.input.as_deref(), Some("{\n  \"n\": 5\n}"));
        assert_eq!(c.pinned.result, "\"big\"");
        assert_eq!(c.current.result, "TooSmall: n is small");
        assert_eq!((c.pinned.status, c.current.status), ("SUCCEEDED", "FAILED"));
        assert!(c.pinned.events > c.current.events);
    }

    #[test]
    fn equal_paths_do_not_diverge_and_a_longer_one_diverges_where_the_shorter_ends() {
        assert_eq!(compare(&run(r#"{"n":5}"#), &run(r#"{"n":9}"#)).divergence, None);
        let s = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(first_difference(&s(&["A", "B"]), &s(&["A", "B", "C"])), Some(2));
        assert_eq!(first_difference(&[], &[]), None);
    }
}
