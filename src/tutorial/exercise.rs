//! An exercise of the tutorial track, as its `exercise.json` says: a goal in plain words, the
//! concepts it teaches, hints revealed one at a time, the scenarios its checks run under, and the
//! checks. Its folder `tutorials/NN-id/` gives its place in the track and its id.

use indexmap::IndexMap;
use serde::Deserialize;

use crate::testcases::Scenario;

use super::check::Check;

/// One exercise.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exercise {
    /// Its id (`first-pass`), from its folder's name; not in the file.
    #[serde(skip)]
    pub id: String,
    /// Its title.
    pub title: String,
    /// What to build, in plain words.
    pub goal: String,
    /// The concepts it teaches (`Pass`, `ResultPath`, …), for the track overview.
    pub concepts: Vec<String>,
    /// Hints, revealed one at a time, the most general first.
    pub hints: Vec<String>,
    /// Runs that differ from the workspace's own, by name: another input, or Task states answered
    /// with mocked responses (to inject failures).
    #[serde(default)]
    pub scenarios: IndexMap<String, Scenario>,
    /// The checks, in the order the learner sees them.
    pub checks: Vec<Check>,
}

impl Exercise {
    /// Reads `exercise.json` of the exercise whose folder is named `folder` (`01-first-pass`).
    pub fn parse(folder: &str, text: &str) -> Result<Exercise, String> {
        let mut exercise: Exercise = serde_json::from_str(text).map_err(|e| format!("{folder}/exercise.json: {e}"))?;
        exercise.id = id_of(folder).to_string();
        exercise.problems().map_or(Ok(exercise), |p| Err(format!("{folder}/exercise.json: {p}")))
    }

    /// The check's title, with the scenario it runs under.
    pub fn title_of(&self, check: &Check) -> String {
        let title = check.title.clone().unwrap_or_else(|| check.rule.title());
        match &check.scenario {
            Some(scenario) => format!("{title} ({scenario})"),
            None => title,
        }
    }

    fn problems(&self) -> Option<String> {
        if self.checks.is_empty() {
            return Some("an exercise needs checks".into());
        }
        if self.hints.is_empty() {
            return Some("an exercise needs hints".into());
        }
        self.checks.iter().enumerate().find_map(|(i, check)| {
            let unknown = check.scenario.as_ref().filter(|s| !self.scenarios.contains_key(*s)).map(|s| format!("the scenario \"{s}\" is not in \"scenarios\""));
            let blank = check.feedback.trim().is_empty().then(|| "its feedback is empty".to_string());
            unknown.or(blank).or_else(|| check.rule.problem()).map(|p| format!("check {}: {p}", i + 1))
        })
    }
}

/// The id in an exercise folder's name: `first-pass` of `01-first-pass`.
pub fn id_of(folder: &str) -> &str {
    match folder.split_once('-') {
        Some((number, id)) if !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) => id,
        _ => folder,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_an_exercise_and_rejects_broken_ones() {
        let text = r#"{"title": "T", "goal": "G", "concepts": ["Pass"], "hints": ["h"],
          "scenarios": {"big order": {"input": {"n": 9}}},
          "checks": [{"kind": "status", "equals": "SUCCEEDED", "feedback": "f"},
                     {"kind": "visited", "states": ["A"], "scenario": "big order", "feedback": "f"}]}"#;
        let exercise = Exercise::parse("03-big-orders", text).unwrap();
        assert_eq!(exercise.id, "big-orders");
        assert_eq!(exercise.title_of(&exercise.checks[1]), "The run goes through “A” (big order)");
        let broken = [
            (text.replace("big order\"," , "small order\","), "check 2: the scenario \"small order\" is not in \"scenarios\""),
            (text.replace("\"feedback\": \"f\"}]", "\"feedback\": \" \"}]"), "check 2: its feedback is empty"),
            (text.replace("\"status\", \"equals\"", "\"uses_feature\", \"feature\""), "check 1: unknown feature \"SUCCEEDED\""),
            (text.replace("\"goal\"", "\"aim\""), "unknown field `aim`"),
            (text.replace("[\"h\"]", "[]"), "an exercise needs hints"),
        ];
        for (text, expected) in broken {
            let e = Exercise::parse("03-big-orders", &text).unwrap_err();
            assert!(e.starts_with("03-big-orders/exercise.json: ") && e.contains(expected), "{e}");
        }
        assert_eq!(id_of("map"), "map");
    }
}
