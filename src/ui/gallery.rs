//! What the gallery shows of each sample: a one-line description and the concepts it shows. The
//! page has no sample's definition until it is opened, so the concepts are listed here; a test
//! checks them against what each definition uses.

use crate::ui::samples::Sample;

/// The concepts the gallery names, as the tutorial's features ([`crate::tutorial::features`]), with
/// the word shown on a card.
pub const CONCEPTS: &[(&str, &str)] = &[
    ("Task", "Task"),
    ("Choice", "Choice"),
    ("Wait", "Wait"),
    ("Retry", "Retry"),
    ("Catch", "Catch"),
    ("Parallel", "Parallel"),
    ("Map", "Map"),
    ("DistributedMap", "Distributed Map"),
    ("waitForTaskToken", "Callback"),
    ("sync", ".sync"),
    ("Intrinsics", "Intrinsics"),
    ("JSONata", "JSONata"),
    ("Assign", "Variables"),
];

/// Each sample's concepts, by their words on the cards.
const TAGS: &[(&str, &[&str])] = &[
    ("hello-lambda", &["Task"]),
    ("choice-routing", &["Choice"]),
    ("wait-timer", &["Wait"]),
    ("retry-backoff-jitter", &["Task", "Retry"]),
    ("catch-fallback", &["Task", "Catch"]),
    ("parallel-branches", &["Task", "Parallel"]),
    ("map-inline", &["Task", "Choice", "Map"]),
    ("map-distributed", &["Task", "Map", "Distributed Map"]),
    ("callback-pattern", &["Task", "Choice", "Callback"]),
    ("intrinsic-functions", &["Intrinsics"]),
    ("order-summary-jsonpath", &["Task", "Intrinsics"]),
    ("order-summary-jsonata", &["Task", "JSONata", "Variables"]),
    ("stock-trading", &["Task", "Choice", "Callback"]),
    ("employee-lottery", &["Task", "Choice", "Retry", "Catch", "Parallel"]),
    ("batch-job", &["Task", ".sync"]),
];

/// The words on `sample`'s card.
pub fn tags(sample: &Sample) -> &'static [&'static str] {
    TAGS.iter().find(|(id, _)| *id == sample.id).map_or(&[], |(_, tags)| tags)
}

/// The sample's hint as a description: without "Press **Run**:" and the bold marks.
pub fn description(sample: &Sample) -> String {
    let text = sample.hint.replace("**", "");
    let rest = text.strip_prefix("Press Run").unwrap_or(&text);
    let rest = rest.strip_prefix(" (or Ctrl+Enter)").unwrap_or(rest);
    let rest = rest.strip_prefix(": ").or_else(|| rest.strip_prefix(" to ")).unwrap_or(rest).trim();
    let mut chars = rest.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::asl::json::Value;
    use crate::tutorial::features::uses;
    use crate::ui::samples::SAMPLES;

    #[test]
    fn each_card_names_the_concepts_its_definition_uses() {
        for sample in SAMPLES {
            let document = Value::parse(sample.definition).unwrap();
            let used: Vec<&str> = CONCEPTS.iter().filter(|(feature, _)| uses(&document, feature)).map(|(_, word)| *word).collect();
            assert_eq!(tags(sample), used.as_slice(), "{}", sample.id);
        }
    }

    #[test]
    fn descriptions_say_what_a_sample_does() {
        let hello = crate::ui::samples::find("hello-lambda").unwrap();
        assert_eq!(description(hello), "Run one Task that calls a Lambda function, played by the mock in the Mocks tab.");
        for sample in SAMPLES {
            let text = description(sample);
            assert!(!text.contains("Press") && !text.contains("**") && text.starts_with(char::is_uppercase), "{}: {text}", sample.id);
        }
    }
}
