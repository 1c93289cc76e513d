//! A distributed Map's run as the inspector lists it: the child executions of one visit of the Map,
//! each as it stood at the replay's moment. Their states' events are in no history the page holds
//! (AWS keeps each child execution's apart), so a state inside such a Map is inspected through the
//! Map's child executions.

use std::rc::Rc;

use crate::asl::definition::{Kind, StateMachine};
use crate::bridge::child_executions::ChildExecution;
use crate::bridge::timeline::Timeline;

/// The distributed Maps whose child executions run the state `name`, outermost first: a run's
/// history records the outermost's Map Run, a child execution's the next one's.
pub fn enclosing(machine: &StateMachine, name: &str) -> Vec<Rc<str>> {
    let inside = machine.states.iter().find_map(|state| match &state.kind {
        Kind::Map(map) if contains(&map.processor, name) => Some((map.distributed.then(|| state.name.clone()), &map.processor)),
        Kind::Parallel(parallel) => parallel.branches.iter().find(|b| contains(b, name)).map(|b| (None, b)),
        _ => None,
    });
    match inside {
        Some((map, inner)) => map.into_iter().chain(enclosing(inner, name)).collect(),
        None => Vec::new(),
    }
}

/// Whether `name` is a state of `machine` or of a branch or processor inside it.
fn contains(machine: &StateMachine, name: &str) -> bool {
    machine.state(name).is_some()
        || machine.states.iter().any(|state| match &state.kind {
            Kind::Map(map) => contains(&map.processor, name),
            Kind::Parallel(parallel) => parallel.branches.iter().any(|b| contains(b, name)),
            _ => false,
        })
}

/// One child execution at the replay's moment.
#[derive(Clone, Debug, PartialEq)]
pub struct Child<'a> {
    pub execution: &'a ChildExecution,
    /// Its status then: `RUNNING` until it ended.
    pub status: &'a str,
}

/// The child executions of the Map visit entered at event `entered`, as they stood after the first
/// `upto` events (those started by then).
pub fn children<'a>(timeline: &Timeline, all: &'a [ChildExecution], entered: usize, upto: usize) -> Vec<Child<'a>> {
    let Some(name) = timeline.name(entered) else { return Vec::new() };
    let Some(run) = timeline.visit_events(entered, upto).find(|&i| timeline.kind(i) == "MapRunStarted") else { return Vec::new() };
    let run_id = timeline.id(run) as u64;
    let now = upto.checked_sub(1).and_then(|i| timeline.time(i)).unwrap_or(i64::MIN);
    // At the end of the history every child stands as it ended (the last event may come before a
    // child's end only when the run stopped waiting).
    let finished = upto >= timeline.len();
    all.iter()
        .filter(|c| c.map == name && c.map_run == run_id && (finished || c.started <= now))
        .map(|c| {
            let ended = finished || c.ended.is_some_and(|t| t <= now);
            Child { execution: c, status: if ended { &c.status } else { "RUNNING" } }
        })
        .collect()
}

/// A child execution's statuses, in the order the page lists them.
pub const STATUSES: [&str; 4] = ["RUNNING", "SUCCEEDED", "FAILED", "ABORTED"];

/// "4 succeeded · 1 failed", in the order of [`STATUSES`].
pub fn counts(children: &[Child]) -> String {
    STATUSES
        .iter()
        .filter_map(|word| {
            let n = children.iter().filter(|c| c.status == *word).count();
            (n > 0).then(|| format!("{n} {}", word.to_lowercase()))
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::asl::definition;
    use crate::asl::exec::{Execution, ExecutionOptions, TaskRequest};
    use crate::asl::json::Value;
    use crate::bridge::child_executions;

    const DISTRIBUTED: &str = r#"{"StartAt":"Outer","States":{"Outer":{"Type":"Parallel","End":true,"Branches":[
        {"StartAt":"M","States":{"M":{"Type":"Map","End":true,"MaxConcurrency":1,"ItemProcessor":{
          "ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"W","States":{
            "W":{"Type":"Wait","Seconds":5,"Next":"P"},
            "P":{"Type":"Parallel","End":true,"Branches":[{"StartAt":"Deep","States":{"Deep":{"Type":"Pass","End":true}}}]}}}}}},
        {"StartAt":"Inline","States":{"Inline":{"Type":"Map","End":true,"ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Pass","End":true}}}}}}]}}}"#;

    #[test]
    fn a_state_anywhere_inside_a_distributed_map_belongs_to_it() {
        let machine = definition::parse(DISTRIBUTED).unwrap();
        for name in ["W", "P", "Deep"] {
            assert_eq!(enclosing(&machine, name), [Rc::from("M")], "{name}");
        }
        for name in ["Outer", "M", "Inline", "I", "Nowhere"] {
            assert_eq!(enclosing(&machine, name), Vec::<Rc<str>>::new(), "{name}");
        }
        let nested = definition::parse(r#"{"StartAt":"A","States":{"A":{"Type":"Map","End":true,"ItemProcessor":{
            "ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"B","States":{
            "B":{"Type":"Map","End":true,"ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
              "StartAt":"C","States":{"C":{"Type":"Pass","End":true}}}}}}}}}"#).unwrap();
        assert_eq!(enclosing(&nested, "C"), [Rc::from("A"), Rc::from("B")]);
    }

    #[test]
    fn children_stand_as_they_did_at_the_replays_moment() {
        let machine = Rc::new(definition::parse(DISTRIBUTED).unwrap());
        let mut ex = Execution::start(machine, Value::parse("[1, 2]").unwrap(), ExecutionOptions::default());
        ex.run_to_end(|_: &TaskRequest| None);
        let all = child_executions::of(&ex);
        let timeline = Timeline::new(Rc::new(ex.history_json()));
        let entered = timeline.visits("M", timeline.len())[0];
        let words = |upto: usize| children(&timeline, &all, entered, upto).iter().map(|c| c.status.to_owned()).collect::<Vec<_>>();
        let run_started = (0..timeline.len()).find(|&i| timeline.kind(i) == "MapRunStarted").unwrap();
        assert_eq!(words(run_started), Vec::<String>::new(), "before the Map Run starts");
        assert_eq!(words(run_started + 1), ["RUNNING"], "one at a time: the second starts when the first ends, 5 s later");
        assert_eq!(words(timeline.len()), ["SUCCEEDED", "SUCCEEDED"]);
        assert_eq!(counts(&children(&timeline, &all, entered, timeline.len())), "2 succeeded");
    }
}
