//! A recorded history (AWS's GetExecutionHistory shape) read once into what the page shows of it:
//! the visit of a state each event belongs to (`bridge::visits`; the events table, the inspector),
//! and the variable scope (frame) each visit ran in (the inspector, the variables tab).

use std::collections::HashMap;
use std::rc::Rc;

use serde_json::Value as Json;

use crate::bridge::visits::{self, Visits};

/// Where a frame's variables live: the execution's own, or one Map iteration's or Parallel branch's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    Execution,
    /// Iteration `index` of the Map state named.
    Iteration { map: String, index: i64 },
    /// Branch `index` (from 0, in the order they started) of the Parallel state named.
    Branch { parallel: String, index: usize },
}

impl Scope {
    /// How the page names the scope.
    pub fn label(&self) -> String {
        match self {
            Scope::Execution => "execution".into(),
            Scope::Iteration { map, index } => format!("{map} · iteration {index}"),
            Scope::Branch { parallel, index } => format!("{parallel} · branch {}", index + 1),
        }
    }
}

/// A variable scope; `parent` is the frame it runs in (and reads the variables of).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Frame {
    pub parent: Option<usize>,
    pub scope: Scope,
}

/// The history with, for each event, its visit and its frame.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Timeline {
    history: Rc<Json>,
    /// For each event, the index of the `…StateEntered` event of the visit it belongs to.
    visit: Vec<Option<usize>>,
    /// For each event, the frame it ran in (0, the execution's, for events outside any state).
    frame: Vec<usize>,
    pub frames: Vec<Frame>,
}

impl Timeline {
    /// Reads `{"events": [...]}`; anything else gives an empty timeline.
    pub fn new(history: Rc<Json>) -> Timeline {
        let mut t = Timeline { history, frames: vec![Frame { parent: None, scope: Scope::Execution }], ..Timeline::default() };
        let Visits { previous: prev, entered } = visits::read(t.events());
        t.visit = entered;
        // Branches of a Parallel state are numbered in the order they start.
        let mut branches: HashMap<usize, usize> = HashMap::new();
        for (i, &previous) in prev.iter().enumerate() {
            let visit = t.visit[i];
            let frame = match (visit == Some(i), previous) {
                (true, Some(p)) if matches!(t.kind(p), "MapIterationStarted" | "ParallelStateStarted") => {
                    let owner = t.visit[p].and_then(|v| t.name(v)).unwrap_or_default().to_owned();
                    let scope = if t.kind(p) == "MapIterationStarted" {
                        let index = t.details(p).and_then(|d| d.get("index")).and_then(Json::as_i64).unwrap_or_default();
                        Scope::Iteration { map: owner, index }
                    } else {
                        let n = branches.entry(p).or_default();
                        *n += 1;
                        Scope::Branch { parallel: owner, index: *n - 1 }
                    };
                    t.frames.push(Frame { parent: Some(t.frame[p]), scope });
                    t.frames.len() - 1
                }
                (true, p) => p.map_or(0, |p| t.frame[p]),
                (false, _) => visit.or(previous).map_or(0, |v| t.frame[v]),
            };
            t.frame.push(frame);
        }
        t
    }

    /// The history read, `{"events": [...]}`.
    pub fn history(&self) -> &Json {
        &self.history
    }

    pub fn events(&self) -> &[Json] {
        self.history.get("events").and_then(Json::as_array).map(Vec::as_slice).unwrap_or_default()
    }

    pub fn len(&self) -> usize {
        self.events().len()
    }

    pub fn is_empty(&self) -> bool {
        self.events().is_empty()
    }

    pub fn id(&self, i: usize) -> i64 {
        visits::id_of(&self.events()[i], i)
    }

    pub fn kind(&self, i: usize) -> &str {
        visits::kind(&self.events()[i])
    }

    /// The event's `…EventDetails`.
    pub fn details(&self, i: usize) -> Option<&Json> {
        visits::details(&self.events()[i])
    }

    /// The state (or Map state) an event names in its details.
    pub fn name(&self, i: usize) -> Option<&str> {
        visits::name(&self.events()[i])
    }

    /// The event's time, milliseconds since the epoch.
    pub fn time(&self, i: usize) -> Option<i64> {
        self.events()[i].get("timestamp").and_then(Json::as_str).and_then(crate::asl::timestamp::parse)
    }

    /// The Entered event of the visit event `i` belongs to.
    pub fn visit(&self, i: usize) -> Option<usize> {
        self.visit.get(i).copied().flatten()
    }

    /// The frame event `i` ran in.
    pub fn frame(&self, i: usize) -> usize {
        self.frame.get(i).copied().unwrap_or_default()
    }

    /// Whether frame `inner` is `outer` or runs inside it.
    pub fn within(&self, inner: usize, outer: usize) -> bool {
        let mut at = Some(inner);
        while let Some(f) = at {
            if f == outer {
                return true;
            }
            at = self.frames.get(f).and_then(|f| f.parent);
        }
        false
    }

    /// The Entered events of the state `name`, among the first `upto` events.
    pub fn visits(&self, name: &str, upto: usize) -> Vec<usize> {
        (0..upto.min(self.len())).filter(|&i| self.kind(i).ends_with("StateEntered") && self.name(i) == Some(name)).collect()
    }

    /// The events of the visit entered at `entered`, among the first `upto`.
    pub fn visit_events(&self, entered: usize, upto: usize) -> impl Iterator<Item = usize> + '_ {
        (entered..upto.min(self.len())).filter(move |&i| self.visit(i) == Some(entered))
    }

    /// The names of the states entered, each once, in the order first entered.
    pub fn states(&self) -> Vec<String> {
        let mut seen = Vec::<String>::new();
        for i in 0..self.len() {
            if let Some(name) = self.name(i).filter(|_| self.kind(i).ends_with("StateEntered")) {
                if !seen.iter().any(|s| s == name) {
                    seen.push(name.to_owned());
                }
            }
        }
        seen
    }
}

/// A JSON value recorded as text in the history (`input`, `output`, an assigned variable).
pub fn recorded(text: &Json) -> Option<crate::asl::json::Value> {
    text.as_str().and_then(|s| crate::asl::json::Value::parse(s).ok())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::asl::definition;
    use crate::asl::exec::{Execution, ExecutionOptions};
    use crate::asl::json::Value;

    /// The history of running `definition` on `input`, each task answered by `answer`.
    pub fn history(definition: &str, input: &str, answer: impl Fn(&Value) -> Result<Value, crate::asl::error::Failure>) -> Rc<Json> {
        let machine = Rc::new(definition::parse(definition).unwrap_or_else(|d| panic!("{d:?}")));
        let mut ex = Execution::start(machine, Value::parse(input).unwrap(), ExecutionOptions::default());
        ex.run_to_end(|r| Some(answer(&r.input)));
        Rc::new(ex.history_json())
    }

    pub const MAP: &str = r#"{"StartAt":"Each","States":{"Each":{"Type":"Map","ItemsPath":"$.xs","ItemProcessor":{
        "StartAt":"Work","States":{
          "Work":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:f","Next":"Tag"},
          "Tag":{"Type":"Pass","Assign":{"inner.$":"$"},"End":true}}},
        "Assign":{"outer":"done"},"Next":"After"},
      "After":{"Type":"Pass","End":true}}}"#;

    #[test]
    fn events_belong_to_their_visits_across_interleaved_iterations() {
        let t = Timeline::new(history(MAP, r#"{"xs":[1,2,3]}"#, |x| Ok(x.clone())));
        let work = t.visits("Work", t.len());
        assert_eq!(work.len(), 3);
        for &entered in &work {
            let kinds: Vec<&str> = t.visit_events(entered, t.len()).map(|i| t.kind(i)).collect();
            assert_eq!(kinds.first(), Some(&"TaskStateEntered"));
            assert_eq!(kinds.last(), Some(&"TaskStateExited"), "{kinds:?}");
            assert!(kinds.contains(&"LambdaFunctionSucceeded"), "{kinds:?}");
        }
        let each = t.visits("Each", t.len())[0];
        let kinds: Vec<&str> = t.visit_events(each, t.len()).map(|i| t.kind(i)).collect();
        assert_eq!(kinds.iter().filter(|k| **k == "MapIterationStarted").count(), 3);
        assert_eq!(kinds.last(), Some(&"MapStateExited"), "{kinds:?}");
        assert!(kinds.contains(&"MapStateSucceeded"));
    }

    #[test]
    fn each_iteration_has_its_own_frame_inside_the_execution() {
        let t = Timeline::new(history(MAP, r#"{"xs":[1,2]}"#, |x| Ok(x.clone())));
        let frames: Vec<usize> = t.visits("Tag", t.len()).iter().map(|&v| t.frame(v)).collect();
        assert_eq!(frames.len(), 2);
        assert_ne!(frames[0], frames[1]);
        assert!(frames.iter().all(|&f| f != 0 && t.within(f, 0)));
        let labels: Vec<String> = frames.iter().map(|&f| t.frames[f].scope.label()).collect();
        assert_eq!(labels, ["Each · iteration 0", "Each · iteration 1"]);
        assert_eq!(t.frame(t.visits("After", t.len())[0]), 0);
        assert_eq!(t.states(), ["Each", "Work", "Tag", "After"]);
    }

    /// A Parallel whose last branch ends with another Parallel.
    pub const NESTED_PARALLEL: &str = r#"{"StartAt":"Outer","States":{"Outer":{"Type":"Parallel","End":true,"Branches":[
        {"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}},
        {"StartAt":"B","States":{"B":{"Type":"Pass","Next":"Inner"},"Inner":{"Type":"Parallel","End":true,"Branches":[
          {"StartAt":"C","States":{"C":{"Type":"Pass","End":true}}}]}}}]}}}"#;

    #[test]
    fn a_parallel_nested_last_in_a_branch_keeps_its_own_events() {
        let t = Timeline::new(history(NESTED_PARALLEL, "{}", |x| Ok(x.clone())));
        for name in ["Outer", "Inner"] {
            let entered = t.visits(name, t.len())[0];
            let kinds: Vec<&str> = t.visit_events(entered, t.len()).map(|i| t.kind(i)).collect();
            assert_eq!(kinds.iter().filter(|k| **k == "ParallelStateSucceeded").count(), 1, "{name}: {kinds:?}");
            assert_eq!(kinds.last(), Some(&"ParallelStateExited"), "{name}: {kinds:?}");
        }
    }

    #[test]
    fn anything_but_a_history_is_empty() {
        assert_eq!(Timeline::new(Rc::new(serde_json::json!({"events": 3}))).len(), 0);
        assert_eq!(Timeline::new(Rc::new(Json::Null)).states(), Vec::<String>::new());
    }
}
