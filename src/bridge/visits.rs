//! Which visit of a state each event of a recorded history (AWS's GetExecutionHistory shape)
//! belongs to: the one reading the events table and the inspector's timeline share. Events of Map
//! iterations and Parallel branches interleave, so it follows `previousEventId` rather than the
//! order of the events.

use std::collections::HashMap;

use serde_json::Value as Json;

/// The history's events, each with the event before it and the visit it belongs to.
#[derive(Debug, Default, PartialEq)]
pub struct Visits {
    /// For each event, the index of the event its `previousEventId` names.
    pub previous: Vec<Option<usize>>,
    /// For each event, the index of the `…StateEntered` event of the visit it belongs to (none for
    /// the execution's own events).
    pub entered: Vec<Option<usize>>,
}

/// Reads the visits of `events`.
pub fn read(events: &[Json]) -> Visits {
    let ids: HashMap<i64, usize> = events.iter().enumerate().map(|(i, e)| (id_of(e, i), i)).collect();
    // Only an earlier event counts: the walks below go back and end, whatever the history says.
    let previous: Vec<Option<usize>> = events
        .iter()
        .enumerate()
        .map(|(i, e)| e.get("previousEventId").and_then(Json::as_i64).and_then(|p| ids.get(&p).copied()).filter(|&p| p < i))
        .collect();
    let mut entered: Vec<Option<usize>> = Vec::with_capacity(events.len());
    for (i, event) in events.iter().enumerate() {
        let kind = kind(event);
        let visit = if kind.ends_with("StateEntered") {
            Some(i)
        } else if kind.starts_with("Execution") {
            None
        } else if let Some(own) = name(event) {
            // Iteration events (`MapIterationSucceeded`) name their Map, and follow the iteration's
            // last event: the visit is the one of that name still open.
            walk_back(events, &entered, &previous, previous[i], |v| name(&events[v]) == Some(own))
        } else if let Some(group) = ["Map", "Parallel"].into_iter().find(|g| kind.starts_with(g)) {
            let wanted = format!("{group}StateEntered");
            walk_back(events, &entered, &previous, previous[i], |v| self::kind(&events[v]) == wanted)
        } else {
            previous[i].and_then(|p| entered[p])
        };
        entered.push(visit);
    }
    Visits { previous, entered }
}

/// The visit an event belongs to, looking back from `from` one visit at a time until `wanted` holds
/// for a visit's Entered event. A visit that had ended by then is passed: it is one of the states
/// inside (a Parallel nested in the last branch, say), not the one looked for.
fn walk_back(
    events: &[Json],
    entered: &[Option<usize>],
    previous: &[Option<usize>],
    mut from: Option<usize>,
    wanted: impl Fn(usize) -> bool,
) -> Option<usize> {
    while let Some(at) = from {
        let visit = entered[at]?;
        if !ends_a_visit(kind(&events[at])) && wanted(visit) {
            return Some(visit);
        }
        from = previous[visit];
    }
    None
}

/// A state's last event: its `…StateExited`, or a Map's or Parallel's end without one.
fn ends_a_visit(kind: &str) -> bool {
    let group_end = |group: &str| kind.strip_prefix(group).is_some_and(|rest| matches!(rest, "Succeeded" | "Failed" | "Aborted"));
    kind.ends_with("StateExited") || group_end("MapState") || group_end("ParallelState")
}

/// The event's id; AWS numbers them from 1 in order.
pub fn id_of(event: &Json, index: usize) -> i64 {
    event.get("id").and_then(Json::as_i64).unwrap_or(index as i64 + 1)
}

/// The event's type.
pub fn kind(event: &Json) -> &str {
    event.get("type").and_then(Json::as_str).unwrap_or_default()
}

/// The event's `…EventDetails`.
pub fn details(event: &Json) -> Option<&Json> {
    event.as_object()?.iter().find(|(k, _)| k.ends_with("EventDetails")).map(|(_, v)| v)
}

/// The state (or Map state) an event names in its details.
pub fn name(event: &Json) -> Option<&str> {
    details(event)?.get("name")?.as_str()
}
