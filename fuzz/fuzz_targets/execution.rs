//! Whole executions: `definition \0 input-json \0 script-json`. The script is an array of task
//! answers, used in turn: `{"output": v}`, `{"error": e, "cause": c}`, `"later"` (answered after
//! the clock moves), `"never"` (left to its timeouts), `"heartbeat"` (a heartbeat, then later);
//! anything else echoes the task's input. Every execution ends or waits, and its history is a
//! valid chain.
#![no_main]

use std::rc::Rc;

use aslplay::asl::definition;
use aslplay::asl::error::Failure;
use aslplay::asl::exec::{Event, EventKind, Execution, ExecutionOptions, Status, TaskRequest};
use aslplay::asl::json::Value;
use libfuzzer_sys::fuzz_target;

/// A shorter history than AWS's 25,000 events keeps endless loops quick; the limit itself is
/// tested at full size in the engine's tests.
const MAX_HISTORY_EVENTS: usize = 2_000;

enum Answer {
    Now(Result<Value, Failure>),
    Later(Result<Value, Failure>),
    Heartbeat,
    Never,
}

fn answer(script: &[Value], n: usize, request: &TaskRequest) -> Answer {
    let echo = || Ok(request.input.clone());
    let Some(entry) = (!script.is_empty()).then(|| &script[n % script.len()]) else { return Answer::Now(echo()) };
    match (entry.as_str(), entry.get("output"), entry.get("error")) {
        (Some("later"), ..) => Answer::Later(echo()),
        (Some("never"), ..) => Answer::Never,
        (Some("heartbeat"), ..) => Answer::Heartbeat,
        (_, Some(output), _) => Answer::Now(Ok(output.clone())),
        (_, _, Some(error)) => {
            let cause = entry.get("cause").and_then(Value::as_str).map(String::from);
            Answer::Now(Err(Failure { error: error.as_str().unwrap_or_default().into(), cause }))
        }
        _ => Answer::Now(echo()),
    }
}

fn reply(ex: &mut Execution, request: &TaskRequest, outcome: Result<Value, Failure>) {
    let _ = match &request.token {
        Some(token) => ex.complete_token(token, outcome),
        None => ex.complete_task(request.id, outcome),
    };
}

fuzz_target!(|data: &[u8]| {
    let [definition, input, script] = aslplay_fuzz::parts::<3>(data);
    let Ok(machine) = definition::parse(&definition) else { return };
    let input = aslplay_fuzz::json_or(&input, Value::empty_object());
    let script = aslplay_fuzz::json_or(&script, Value::Null);
    let script = script.as_array().unwrap_or_default();
    let options = ExecutionOptions { max_history_events: MAX_HISTORY_EVENTS, ..ExecutionOptions::default() };
    let mut ex = Execution::start(Rc::new(machine), input, options);
    let (mut asked, mut later) = (0, Vec::new());
    // Each round either answers a task or moves the clock; the bound only guards the harness.
    for _ in 0..100_000 {
        let requests = ex.run();
        if *ex.status() != Status::Running {
            break;
        }
        let mut answered = false;
        for request in requests {
            let _ = ex.task_context(request.id);
            asked += 1;
            match answer(script, asked, &request) {
                Answer::Now(outcome) => {
                    reply(&mut ex, &request, outcome);
                    answered = true;
                }
                Answer::Later(outcome) => later.push((request, outcome)),
                Answer::Heartbeat => {
                    if let Some(token) = &request.token {
                        let _ = ex.send_task_heartbeat(token);
                    }
                    let outcome = Ok(request.input.clone());
                    later.push((request, outcome));
                }
                Answer::Never => {}
            }
        }
        if answered {
            continue;
        }
        if let Some(at) = ex.next_timer() {
            ex.advance_to(at);
        }
        match later.pop() {
            Some((request, outcome)) => reply(&mut ex, &request, outcome),
            None if ex.next_timer().is_none() => break,
            None => {}
        }
    }
    check_history(&ex);
    if let Status::Succeeded(output) = ex.status() {
        aslplay_fuzz::round_trip(output);
    }
});

/// Ids count up from 1, each event follows an earlier one, at most one event ends the execution
/// and nothing comes after it, and the history stays within its limit.
fn check_history(ex: &Execution) {
    let history = ex.history();
    assert!(history.len() <= MAX_HISTORY_EVENTS, "{} events", history.len());
    for (i, event) in history.iter().enumerate() {
        assert_eq!(event.id, i as u64 + 1);
        assert!(event.previous_event_id < event.id, "event {} follows {}", event.id, event.previous_event_id);
    }
    let terminal = history.iter().filter(|e| ends(e)).count();
    let running = *ex.status() == Status::Running;
    assert_eq!(terminal, usize::from(!running), "{terminal} terminal events, status {}", ex.status().word());
    if !running {
        assert!(history.last().is_some_and(|e| ends(&e)));
    }
    let _ = ex.history_json().to_string();
}

fn ends(event: &Event) -> bool {
    matches!(event.kind, EventKind::ExecutionSucceeded { .. } | EventKind::ExecutionFailed { .. } | EventKind::ExecutionTimedOut { .. })
}
