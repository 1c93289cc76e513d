//! Which states and transitions a set of runs went through, against all that the definition has, as
//! data the page highlights on the graph (states by name, transitions as the graph's edges).
//!
//! A transition names only the two states, so a Choice whose rules (or rule and `Default`) lead to
//! the same state covers all of those edges at once. States inside a DISTRIBUTED Map run as child
//! executions whose events are not in the parent's history, as at AWS, so they are never covered.

use serde::Serialize;

use crate::asl::graph::{EdgeKind, Flow};

use super::trace::Trace;

/// A transition of the definition, as the graph draws it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Edge {
    pub from: String,
    pub to: String,
    pub kind: EdgeKind,
}

/// What the runs covered, and what they missed.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Coverage {
    /// States entered by some run, in the definition's order.
    pub states: Vec<String>,
    /// Transitions taken by some run.
    pub transitions: Vec<Edge>,
    /// States no run entered.
    pub missed_states: Vec<String>,
    /// Transitions no run took.
    pub missed_transitions: Vec<Edge>,
}

impl Coverage {
    /// The coverage of `traces` over the definition drawn as `flow`.
    pub fn of(flow: &Flow, traces: &[&Trace]) -> Coverage {
        let mut coverage = Coverage::default();
        coverage.walk(flow, traces);
        coverage
    }

    fn walk(&mut self, flow: &Flow, traces: &[&Trace]) {
        for node in &flow.nodes {
            let entered = traces.iter().any(|t| t.visited(&node.name));
            let list = if entered { &mut self.states } else { &mut self.missed_states };
            list.push(node.name.clone());
            for branch in &node.branches {
                self.walk(branch, traces);
            }
        }
        for e in flow.edges.iter().filter(|e| !e.dangling) {
            let caught = e.kind == EdgeKind::Catch;
            let taken = traces.iter().any(|t| t.transitions.iter().any(|t| t.from == e.from && t.to == e.to && t.caught == caught));
            let list = if taken { &mut self.transitions } else { &mut self.missed_transitions };
            list.push(Edge { from: e.from.clone(), to: e.to.clone(), kind: e.kind });
        }
    }

    /// Whether some run entered `state`.
    pub fn covers_state(&self, state: &str) -> bool {
        self.states.iter().any(|s| s == state)
    }

    /// Whether some run took the edge from `from` to `to` of `kind`.
    pub fn covers_edge(&self, from: &str, to: &str, kind: EdgeKind) -> bool {
        self.transitions.iter().any(|e| e.from == from && e.to == to && e.kind == kind)
    }

    /// The coverage in words: `3/5 states, 2/6 transitions covered`.
    pub fn summary(&self) -> String {
        let states = self.states.len();
        let transitions = self.transitions.len();
        format!(
            "{states}/{} states, {transitions}/{} transitions covered",
            states + self.missed_states.len(),
            transitions + self.missed_transitions.len()
        )
    }

    /// Covered states and transitions over all of them, from 0 to 1 (1 for an empty definition).
    pub fn ratio(&self) -> f64 {
        let covered = self.states.len() + self.transitions.len();
        let all = covered + self.missed_states.len() + self.missed_transitions.len();
        if all == 0 { 1.0 } else { covered as f64 / all as f64 }
    }
}
