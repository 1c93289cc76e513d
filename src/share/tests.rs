use super::*;
use crate::asl::definition::QueryLanguage;
use crate::testcases::{TestCase, Workspace};
use crate::ui::samples::SAMPLES;

/// What `fragment` opens, when it is a workspace.
fn workspace(fragment: &str) -> Result<Option<Shared>, ShareError> {
    open(fragment).map(|opened| opened.map(|o| match o {
        Opened::Workspace(shared) => shared,
        Opened::Sample(s) => panic!("{fragment} opened sample {}", s.id),
    }))
}

/// A link made by the first release of format v1: it must open for ever.
const FROZEN_V1: &str = "v1=118.bZe7DQAgCER3YRpnMNZGK42NhbmJHMPFhIifwoqE4iCh4L0NtA-sODJRAi6htNWSqnPuF9B4SQdwHIVqSGsfm0Z3BFUUNRHGaW58XMfHwvfLHE6Y8H8wtQ";

fn everything() -> Shared {
    let tests: Vec<TestCase> = serde_json::from_str(r#"[{"name": "declined", "mocks": {"Charge": {"0": {"Throw": {"Error": "Card.Declined"}}}}, "expect": {"status": "FAILED"}}]"#).unwrap();
    Shared {
        workspace: Workspace::new("{\n  \"StartAt\": \"Hi\",\n  \"States\": {\"Hi\": {\"Type\": \"Pass\", \"End\": true}}\n}\n", "{\"who\": \"Zoë 🐝\"}", "mocks({ Hi: () => 1 });\n"),
        query_language: Some(QueryLanguage::Jsonata),
        selected: Some(Selected::Sample("hello-lambda".into())),
        tests,
    }
}

fn data(fragment: &str) -> &str {
    fragment.split_once('=').unwrap().1.split_once('.').unwrap().1
}

#[test]
fn a_workspace_round_trips_exactly() {
    let shared = everything();
    let fragment = encode(&shared);
    assert!(fragment.starts_with("v1="), "{fragment}");
    assert!(fragment.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.=".contains(&b)), "URL-safe: {fragment}");
    assert_eq!(workspace(&fragment), Ok(Some(shared.clone())));
    assert_eq!(workspace(&format!("#{fragment}")), Ok(Some(shared.clone())));
    assert_eq!(workspace(&fragment.replacen('=', "%3D", 1)), Ok(Some(shared)));
    let bare = Shared { workspace: Workspace::new("{}", "", ""), ..Shared::default() };
    assert_eq!(workspace(&encode(&bare)), Ok(Some(bare)));
    let link = link("https://example.org/aslplay/#old", &everything());
    assert!(link.starts_with("https://example.org/aslplay/#v1="), "{link}");
}

#[test]
fn links_made_by_format_v1_keep_opening() {
    let shared = workspace(FROZEN_V1).unwrap().unwrap();
    assert_eq!(shared.workspace.input, "{\"who\": \"Zoë\"}");
    assert_eq!(shared.workspace.mocks, "mocks({});");
    assert!(shared.workspace.definition.starts_with("{\"StartAt\":\"Hi\""));
    assert_eq!(shared.query_language, Some(QueryLanguage::JsonPath));
    assert_eq!(shared.selected, Some(Selected::Exercise("first-pass".into())));
}

#[test]
fn a_cut_link_says_it_is_incomplete() {
    let fragment = encode(&everything());
    for keep in [fragment.len() - 1, fragment.len() / 2, 12, 4, 3] {
        assert_eq!(open(&fragment[..keep]), Err(ShareError::Truncated), "cut to {keep}");
    }
}

#[test]
fn a_changed_link_says_it_is_damaged() {
    let fragment = encode(&everything());
    let at = fragment.len() - data(&fragment).len() / 2;
    let flipped = if &fragment[at..=at] == "A" { "B" } else { "A" };
    let changed = format!("{}{flipped}{}", &fragment[..at], &fragment[at + 1..]);
    assert!(matches!(open(&changed), Err(ShareError::Corrupted(_))), "{:?}", open(&changed));
    let bad_character = format!("{}*{}", &fragment[..at], &fragment[at + 1..]);
    assert_eq!(open(&bad_character), Err(ShareError::Corrupted("it holds the character '*', which no link has".into())));
    assert!(matches!(open(&format!("{fragment}AAAA")), Err(ShareError::Corrupted(e)) if e.contains("longer than it says")));
    assert!(matches!(open("v1=eJx"), Err(ShareError::Corrupted(_))));
    let message = open(&changed).unwrap_err().to_string();
    assert!(message.starts_with("This link is damaged (") && message.ends_with("Your own workspace is unchanged."), "{message}");
}

#[test]
fn data_that_is_not_a_workspace_is_damaged() {
    let pack = |json: &str| {
        let data = base64::Engine::encode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, super::pack::pack(json.as_bytes()));
        format!("v1={}.{data}", data.len())
    };
    assert!(matches!(open(&pack("[1, 2]")), Err(ShareError::Corrupted(e)) if e.starts_with("its workspace does not read")));
    assert!(matches!(open(&pack(r#"{"d": "{}", "x": 1}"#)), Err(ShareError::Corrupted(e)) if e.contains("unknown field `x`")));
    assert!(matches!(open(&pack(r#"{"d": "{}", "q": "XPath"}"#)), Err(ShareError::Corrupted(e)) if e == "\"XPath\" is not a query language"));
    assert!(matches!(open(&pack(r#"{"d": "{}", "s": "a", "e": "b"}"#)), Err(ShareError::Corrupted(e)) if e.contains("both a sample and an exercise")));
    let bomb = format!(r#"{{"d": "{}"}}"#, " ".repeat(9 * 1024 * 1024));
    assert_eq!(open(&pack(&bomb)), Err(ShareError::TooLarge));
}

#[test]
fn newer_formats_and_foreign_fragments_are_refused_politely() {
    assert_eq!(open("#v2=12.abc"), Err(ShareError::UnknownVersion("v2".into())));
    assert!(ShareError::UnknownVersion("v2".into()).to_string().contains("newer version of aslplay (format v2)"));
    assert_eq!(open("#theme=dark"), Err(ShareError::Unrecognized("theme".into())));
    assert_eq!(open("#section-2"), Ok(None));
    assert_eq!(open(""), Ok(None));
}

#[test]
fn samples_and_exercises_open_by_name() {
    for sample in SAMPLES {
        assert_eq!(open(&sample_fragment(sample.id)), Ok(Some(Opened::Sample(sample))));
    }
    for exercise in catalog::TRACK {
        let shared = workspace(&exercise_fragment(exercise.id())).unwrap().unwrap();
        assert_eq!(shared.workspace, exercise.start());
        assert_eq!(shared.selected, Some(Selected::Exercise(exercise.id().into())));
    }
    assert_eq!(open("#sample=nope"), Err(ShareError::UnknownSample("nope".into())));
    assert_eq!(open("#exercise=nope"), Err(ShareError::UnknownExercise("nope".into())));
}

#[test]
fn links_to_the_seed_samples_stay_short() {
    for (id, longest) in [("hello-lambda", 400), ("batch-job", 900), ("stock-trading", 1300), ("employee-lottery", 2200)] {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples").join(id);
        let read = |file: &str| std::fs::read_to_string(dir.join(file)).unwrap();
        let shared = Shared {
            workspace: Workspace::new(read("definition.asl.json"), read("input.json"), read("mocks.js")),
            selected: Some(Selected::Sample(id.into())),
            ..Shared::default()
        };
        let fragment = encode(&shared);
        println!("{id}: {} characters in the fragment", fragment.len() + 1);
        assert!(fragment.len() < longest, "{id}: {}", fragment.len());
        assert_eq!(workspace(&fragment).unwrap().unwrap(), shared);
    }
}
