use super::*;
use crate::asl::definition::QueryLanguage;

fn entry(name: &str, definition: &str, at: f64) -> Entry {
    Entry { name: name.into(), at, definition: definition.into(), input: "{}".into(), ..Entry::default() }
}

#[test]
fn a_format_1_save_becomes_the_open_workspace() {
    let v1 = r#"{"definition": "{\"StartAt\": \"A\"}", "input": "{\"n\": 1}", "mocks": "mocks({});"}"#;
    let store = Store::read(None, Some(v1), 5.0);
    let current = store.current.clone().unwrap();
    assert_eq!((current.definition.as_str(), current.input.as_str(), current.mocks.as_str()), ("{\"StartAt\": \"A\"}", "{\"n\": 1}", "mocks({});"));
    assert_eq!((current.name.as_str(), current.at), ("My workspace", 5.0));
    assert!(store.recent.is_empty());
    // Saved in the new format, it reads back as it was, and the format 1 save no longer counts.
    let json = store.to_json();
    assert!(json.starts_with(r#"{"version":2,"#), "{json}");
    assert_eq!(Store::read(Some(&json), Some(r#"{"definition": "old", "input": "", "mocks": ""}"#), 9.0), store);
}

#[test]
fn unreadable_or_blank_saves_give_an_empty_store() {
    assert_eq!(Store::read(None, None, 0.0), Store::default());
    assert_eq!(Store::read(Some("{not json"), Some("[1]"), 0.0), Store::default());
    assert_eq!(Store::read(None, Some(r#"{"definition": "", "input": " ", "mocks": ""}"#), 0.0).current, None);
    // A save of another format under the key is not taken for this one; the format 1 save is.
    let other = r#"{"version": 3, "current": null}"#;
    let v1 = r#"{"definition": "{}", "input": "", "mocks": ""}"#;
    assert_eq!(Store::read(Some(other), Some(v1), 0.0).current.unwrap().definition, "{}");
}

#[test]
fn opening_keeps_the_previous_workspace_and_undo_brings_it_back() {
    let mut store = Store::default();
    store.edit("{\"mine\": 1}", "{}", "", 1.0);
    assert!(store.open(entry("Hello Lambda", "{\"hello\": 1}", 2.0)), "the edited workspace is kept");
    assert_eq!(store.current.as_ref().unwrap().name, "Hello Lambda");
    assert_eq!(store.recent.iter().map(|e| e.definition.as_str()).collect::<Vec<_>>(), ["{\"mine\": 1}"]);
    // Undo: the first recent one comes back, and the sample takes its place in the list.
    assert_eq!(store.restore(0).unwrap().definition, "{\"mine\": 1}");
    assert_eq!(store.recent[0].name, "Hello Lambda");
    assert_eq!(store.restore(5), None);
}

#[test]
fn nothing_worth_keeping_is_not_kept() {
    let mut store = Store::default();
    assert!(!store.open(entry("A", "{\"a\": 1}", 1.0)), "nothing was open");
    assert!(!store.open(entry("A again", "{\"a\": 1}", 2.0)), "the same texts");
    assert_eq!(store.current.as_ref().unwrap().name, "A again");
    store.edit("", "", "", 3.0);
    assert_eq!(store.current, None, "a blank workspace is not saved");
    assert!(!store.open(entry("B", "{\"b\": 1}", 4.0)));
    assert!(store.recent.is_empty());
}

#[test]
fn the_recent_list_is_short_newest_first_and_without_repeats() {
    let mut store = Store::default();
    for n in 0..15 {
        store.open(entry(&format!("W{n}"), &format!("{{\"n\": {n}}}"), n as f64));
    }
    assert_eq!(store.recent.len(), RECENT);
    assert_eq!((store.recent[0].name.as_str(), store.recent[RECENT - 1].name.as_str()), ("W13", "W4"));
    // Opening W13's texts again moves it out of the list rather than listing it twice.
    store.open(entry("W13 again", "{\"n\": 13}", 20.0));
    store.open(entry("W16", "{\"n\": 16}", 21.0));
    let names: Vec<&str> = store.recent.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names.iter().filter(|n| n.starts_with("W13")).count(), 1, "{names:?}");
    assert_eq!(names[0], "W13 again");
}

#[test]
fn edits_change_the_open_workspace_and_its_time() {
    let mut store = Store::default();
    store.open(entry("Sample", "{}", 1.0));
    store.edit("{}", "{}", "", 50.0);
    assert_eq!(store.current.as_ref().unwrap().at, 1.0, "unchanged texts keep their time");
    store.edit("{\"x\": 2}", "{}", "", 60.0);
    let current = store.current.as_ref().unwrap();
    assert_eq!((current.name.as_str(), current.definition.as_str(), current.at), ("Sample", "{\"x\": 2}", 60.0));
}

#[test]
fn an_entry_keeps_everything_a_link_carries() {
    let tests: Vec<TestCase> = serde_json::from_str(r#"[{"name": "ok", "expect": {"status": "SUCCEEDED"}}]"#).unwrap();
    let shared = Shared {
        workspace: Workspace::new("{}", "{\"a\": 1}", "mocks({});"),
        query_language: Some(QueryLanguage::Jsonata),
        selected: Some(Selected::Exercise("retry".into())),
        tests,
    };
    let entry = Entry::from_shared("Shared link", &shared, 7.0);
    let mut store = Store::default();
    store.open(entry);
    let back = Store::read(Some(&store.to_json()), None, 0.0);
    assert_eq!(back.current.unwrap().shared(), shared);
}

#[test]
fn times_read_as_people_say_them() {
    let minute = 60_000.0;
    assert_eq!(ago(10.0 * minute, 10.0 * minute), "just now");
    assert_eq!(ago(10.0 * minute, 5.0 * minute), "5 min ago");
    assert_eq!(ago(200.0 * minute, 20.0 * minute), "3 h ago");
    assert_eq!(ago(5.0 * 1440.0 * minute, 0.0), "5 days ago");
    assert_eq!(ago(0.0, minute), "just now", "a clock set back");
}
