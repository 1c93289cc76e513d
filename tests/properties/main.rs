//! Properties of the core over random state machines and inputs: definitions survive being written
//! out and read back, histories are valid chains, and an execution's result depends on nothing but
//! its definition, input, seed and task answers: not on how the host paces those answers.

mod definitions;
mod history;

use std::rc::Rc;

use aslplay::asl::definition::{self, StateMachine};
use aslplay::asl::error::Failure;
use aslplay::asl::exec::{Execution, ExecutionOptions, Status, TaskRequest};
use aslplay::asl::json::Value;
use aslplay::asl::validate;
use definitions::{Machine, Shape, CAUSE, ERROR};
use proptest::prelude::*;
use serde_json::Value as Json;

const LOOPS: Shape = Shape { loops: true, timeouts: true };
const NO_LOOPS: Shape = Shape { loops: false, timeouts: false };

/// Small enough that endless loops end quickly.
const HISTORY_LIMIT: usize = 1_000;

fn read(definition: &Json) -> Rc<StateMachine> {
    let text = definition.to_string();
    Rc::new(definition::parse(&text).unwrap_or_else(|d| panic!("{text}\n{d:#?}")))
}

/// The host's answer to a task, a function of what the task asked alone: fails on some inputs and
/// first attempts, else returns a digest of its input.
fn answer(request: &TaskRequest) -> Result<Value, Failure> {
    let text = request.input.to_json();
    let digest = text.bytes().fold(request.attempt, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(b)));
    if digest % 4 == 0 {
        Err(Failure::new(ERROR, CAUSE))
    } else {
        Ok(Value::from_pairs([("digest", Value::int((digest % 1000) as i64))]))
    }
}

fn start(machine: &Rc<StateMachine>, input: &Json, seed: u64) -> Execution {
    let options = ExecutionOptions { seed, max_history_events: HISTORY_LIMIT, ..ExecutionOptions::default() };
    Execution::start(machine.clone(), Value::from_serde(input), options)
}

/// How a host hands back task answers.
#[derive(Clone, Copy, Debug)]
enum Pacing {
    /// Each answer as soon as the task is asked for.
    AtOnce,
    /// All the tasks asked for together, answered in reverse order.
    Reversed,
    /// One answer at a time, the oldest first, and only after every timer due has fired.
    ClockFirst,
}

fn run(machine: &Rc<StateMachine>, input: &Json, seed: u64, pacing: Pacing) -> Execution {
    let mut ex = start(machine, input, seed);
    if let Pacing::AtOnce = pacing {
        ex.run_to_end(|r| Some(answer(r)));
        return ex;
    }
    let mut waiting: Vec<TaskRequest> = Vec::new();
    while *ex.status() == Status::Running {
        waiting.extend(ex.run());
        if *ex.status() != Status::Running {
            break;
        }
        match pacing {
            Pacing::Reversed if !waiting.is_empty() => {
                // A task whose branch failed meanwhile is no longer waiting: the answer is refused.
                for request in waiting.drain(..).rev() {
                    let _ = ex.complete_task(request.id, answer(&request));
                }
            }
            Pacing::ClockFirst if ex.next_timer().is_some() => ex.advance_to(ex.next_timer().unwrap_or_default()),
            Pacing::ClockFirst if !waiting.is_empty() => {
                let request = waiting.remove(0);
                let _ = ex.complete_task(request.id, answer(&request));
            }
            _ => match ex.next_timer() {
                Some(at) => ex.advance_to(at),
                None => break,
            },
        }
    }
    ex
}

/// The names of the top-level states.
fn top_level(definition: &Json) -> Vec<String> {
    definition["States"].as_object().map(|states| states.keys().cloned().collect()).unwrap_or_default()
}

fn render(machine: &Machine, shape: Shape) -> Json {
    definitions::render(machine, shape)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Writing a definition out (compact or indented) and reading it back gives the same model,
    /// the same diagnostics and the same JSON.
    #[test]
    fn definitions_survive_writing_and_reading(machine in definitions::machine(LOOPS, 2)) {
        let definition = render(&machine, LOOPS);
        let value = Value::from_serde(&definition);
        let compact = value.to_json();
        let pretty = serde_json::to_string_pretty(&definition).unwrap();
        let first = validate::read(&compact);
        prop_assert!(first.machine.is_some(), "{compact}\n{:#?}", first.diagnostics);
        for text in [&compact, &pretty] {
            prop_assert_eq!(&Value::parse(text).unwrap(), &value);
            let again = validate::read(text);
            prop_assert_eq!(format!("{:?}", again.machine), format!("{:?}", first.machine));
            let codes = |v: &validate::Validation| v.diagnostics.iter().map(|d| (d.code, d.pointer.clone(), d.message.clone())).collect::<Vec<_>>();
            prop_assert_eq!(codes(&again), codes(&first));
        }
        let reread = definition::from_value(&Value::parse(&compact).unwrap()).unwrap();
        prop_assert_eq!(format!("{reread:?}"), format!("{:?}", first.machine.unwrap()));
    }

    /// Every history is a chain (ids increasing, each event after the one it follows), ends in one
    /// terminal event, leaves states only after entering them, and nests Parallel and Map runs in
    /// their states; a succeeded one left every state and finished every iteration. Answering
    /// after the clock has moved lets task timeouts fire too.
    #[test]
    fn histories_are_valid_chains(machine in definitions::machine(LOOPS, 2), input in definitions::input(), seed in any::<u64>()) {
        let definition = render(&machine, LOOPS);
        let machine = read(&definition);
        for pacing in [Pacing::AtOnce, Pacing::Reversed, Pacing::ClockFirst] {
            let ex = run(&machine, &input, seed, pacing);
            prop_assert!(*ex.status() != Status::Running, "{pacing:?}: tasks left waiting");
            let problems = history::problems(&ex, &top_level(&definition));
            prop_assert!(problems.is_empty(), "{pacing:?}: {definition}\n{problems:#?}");
        }
    }

    /// The same definition, input, seed and answers give the same history, event for event.
    #[test]
    fn the_same_seed_gives_the_same_history(machine in definitions::machine(LOOPS, 2), input in definitions::input(), seed in any::<u64>()) {
        let machine = read(&render(&machine, LOOPS));
        for pacing in [Pacing::AtOnce, Pacing::Reversed, Pacing::ClockFirst] {
            let first = run(&machine, &input, seed, pacing).history_json();
            let second = run(&machine, &input, seed, pacing).history_json();
            prop_assert_eq!(first, second);
        }
    }

    /// Answering tasks at once, in reverse order, or one at a time after the clock has moved gives
    /// the same result, and a valid history each time.
    #[test]
    fn pacing_does_not_change_the_result(machine in definitions::machine(NO_LOOPS, 2), input in definitions::input(), seed in any::<u64>()) {
        let definition = render(&machine, NO_LOOPS);
        let machine = read(&definition);
        let at_once = run(&machine, &input, seed, Pacing::AtOnce);
        for pacing in [Pacing::Reversed, Pacing::ClockFirst] {
            let ex = run(&machine, &input, seed, pacing);
            prop_assert_eq!(ex.status(), at_once.status(), "{:?}: {}", pacing, definition);
            let problems = history::problems(&ex, &top_level(&definition));
            prop_assert!(problems.is_empty(), "{pacing:?}: {definition}\n{problems:#?}");
        }
    }
}
