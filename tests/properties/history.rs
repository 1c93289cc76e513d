//! What every history must be: a chain of events, with states and Parallel/Map runs properly
//! opened and closed.

use std::collections::HashMap;

use aslplay::asl::exec::{Event, EventKind, Execution, Status};

/// The checks, as a list of what is wrong (empty when the history is valid).
pub fn problems(ex: &Execution, top_level: &[String]) -> Vec<String> {
    let history = ex.history();
    let mut wrong = Vec::new();
    let mut say = |what: String| wrong.push(what);
    let type_of = |id: u64| history.get(id.wrapping_sub(1) as usize).map(|e| e.kind.type_name());
    if !matches!(history.first().map(|e| e.kind), Some(EventKind::ExecutionStarted { .. })) {
        say("the history does not start with ExecutionStarted".into());
    }
    // Ids count up from 1, and each event follows an earlier one.
    for (i, e) in history.iter().enumerate() {
        if e.id != i as u64 + 1 {
            say(format!("event #{} has id {}", i + 1, e.id));
        }
        if e.previous_event_id >= e.id {
            say(format!("event {} follows the later event {}", e.id, e.previous_event_id));
        }
    }
    // One terminal event, last, once the execution is over.
    let terminal: Vec<usize> = history.iter().enumerate().filter(|(_, e)| ends(e)).map(|(i, _)| i).collect();
    match ex.status() {
        Status::Running if !terminal.is_empty() => say("a running execution has a terminal event".into()),
        Status::Running => {}
        _ if terminal != [history.len() - 1] => say(format!("terminal events at {terminal:?} of {}", history.len())),
        _ => {}
    }
    // A state is left only after it was entered, and a Map iteration ends only after it started.
    let mut open: HashMap<String, i64> = HashMap::new();
    let mut iterations: HashMap<(String, usize), i64> = HashMap::new();
    for e in history {
        match &e.kind {
            EventKind::StateEntered { name, .. } => *open.entry(name.to_string()).or_default() += 1,
            EventKind::StateExited { name, .. } | EventKind::StateAborted { name, .. } => {
                let count = open.entry(name.to_string()).or_default();
                *count -= 1;
                if *count < 0 {
                    say(format!("event {}: {name} left without being entered", e.id));
                }
            }
            _ => {}
        }
        let name = e.kind.type_name();
        if let Some((state, index)) = iteration(e.kind) {
            let count = iterations.entry((state.to_string(), index)).or_default();
            *count += if name == "MapIterationStarted" { 1 } else { -1 };
            if *count < 0 {
                say(format!("event {}: {name} for iteration {index} of {state}", e.id));
            }
        }
        // The first event of a Parallel or Map run follows its state's entry.
        let opened_by = match name.as_str() {
            "ParallelStateStarted" => Some("ParallelStateEntered"),
            "MapStateStarted" => Some("MapStateEntered"),
            _ => None,
        };
        if let Some(entered) = opened_by {
            if type_of(e.previous_event_id).as_deref() != Some(entered) {
                say(format!("event {}: {name} follows {:?}", e.id, type_of(e.previous_event_id)));
            }
        }
    }
    // A succeeded execution left every top-level state it entered, and finished every iteration.
    if let Status::Succeeded(_) = ex.status() {
        for name in top_level {
            if open.get(name).copied().unwrap_or(0) != 0 {
                say(format!("{name} was entered and never left"));
            }
        }
        if let Some(((state, index), _)) = iterations.iter().find(|(_, n)| **n != 0) {
            say(format!("iteration {index} of {state} never ended"));
        }
    }
    wrong
}

fn ends(event: &Event) -> bool {
    matches!(event.kind, EventKind::ExecutionSucceeded { .. } | EventKind::ExecutionFailed { .. } | EventKind::ExecutionTimedOut { .. })
}

fn iteration(kind: &EventKind) -> Option<(&str, usize)> {
    match kind {
        EventKind::MapIterationStarted { name, index }
        | EventKind::MapIterationSucceeded { name, index }
        | EventKind::MapIterationFailed { name, index }
        | EventKind::MapIterationAborted { name, index } => Some((name, *index)),
        _ => None,
    }
}
