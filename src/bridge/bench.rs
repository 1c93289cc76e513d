//! The benchmark workloads' driver: one execution answered as the peer benchmark answers tasks. The
//! native benchmarks call it directly; with the `bench` feature, a wasm build exports it to Node
//! (`bench/run.mjs`), so the page's bundle never carries it.

use std::rc::Rc;

use crate::asl::definition::StateMachine;
use crate::asl::exec::{EventKind, Execution, ExecutionOptions, Status};
use crate::asl::json::Value;

/// Runs one execution to its end; Task states answer as the peer's handler does.
pub fn execute(machine: &Rc<StateMachine>, input: &Value) -> Execution {
    // The peer has no history or payload quota, and the long workloads pass AWS's (10,000 loop
    // turns and 100,000 Map items make more than 25,000 events; the items are 2 MB of JSON).
    let options = ExecutionOptions { max_history_events: usize::MAX, max_payload_bytes: usize::MAX, ..ExecutionOptions::default() };
    let mut ex = Execution::start(machine.clone(), input.clone(), options);
    ex.run_to_end(|request| Some(Ok(peer_task(&request.input))));
    ex
}

/// The peer benchmark's task handler: `input => ({...input, n: input.n + 1})`.
pub fn peer_task(input: &Value) -> Value {
    // JavaScript's `undefined + 1` is NaN, which JSON writes as null.
    let plus_one = |n: Option<&Value>| n.and_then(Value::as_f64).and_then(|n| Value::number_from_f64(n + 1.0)).unwrap_or_default();
    let mut output = input.clone();
    if let Some(map) = output.as_object_mut() {
        match map.get_mut("n") {
            Some(n) => *n = plus_one(Some(n)),
            None => {
                map.insert(Rc::from("n"), plus_one(None));
            }
        }
    }
    output
}

/// States entered (the transitions the peer benchmark counts).
pub fn transitions(ex: &Execution) -> usize {
    ex.history().iter().filter(|e| matches!(e.kind, EventKind::StateEntered { .. })).count()
}

/// `Ok` when the execution succeeded, else its error and cause.
pub fn outcome(ex: &Execution) -> Result<(), String> {
    match ex.status() {
        Status::Succeeded(_) => Ok(()),
        Status::Failed(f) | Status::TimedOut(f) => Err(f.to_string()),
        Status::Running => Err("the execution is stuck waiting".into()),
    }
}

#[cfg(all(target_arch = "wasm32", feature = "bench"))]
mod wasm {
    use std::rc::Rc;

    use wasm_bindgen::prelude::*;

    use crate::asl::definition::{self, StateMachine};
    use crate::asl::json::Value;

    /// A workload ready to run: its machine read and validated, its input parsed.
    #[wasm_bindgen]
    pub struct BenchWorkload {
        machine: Rc<StateMachine>,
        input: Value,
        error: Option<String>,
    }

    #[wasm_bindgen]
    impl BenchWorkload {
        /// Reads the definition and the input; throws when either is unusable.
        #[wasm_bindgen(constructor)]
        pub fn new(definition: &str, input: &str) -> Result<BenchWorkload, JsError> {
            let machine = definition::parse(definition).map_err(|d| JsError::new(&format!("{d:?}")))?;
            let input = Value::parse(input).map_err(|e| JsError::new(&e.to_string()))?;
            Ok(BenchWorkload { machine: Rc::new(machine), input, error: None })
        }

        /// Runs `count` executions; returns the states entered by the last one.
        pub fn run(&mut self, count: u32) -> u32 {
            // Only the last execution is read back (the peer's harness counts no transitions).
            let mut last = None;
            for _ in 0..count {
                last = Some(super::execute(&self.machine, &self.input));
            }
            let Some(last) = last else { return 0 };
            self.error = super::outcome(&last).err();
            super::transitions(&last) as u32
        }

        /// The last execution's error and cause, if it did not succeed.
        pub fn error(&self) -> Option<String> {
            self.error.clone()
        }
    }

    /// Reads and validates a definition (for timing); whether it is usable.
    #[wasm_bindgen]
    pub fn bench_construct(definition: &str) -> bool {
        definition::parse(definition).is_ok()
    }

    /// The size of the wasm linear memory in bytes (it only grows, so this is its peak).
    #[wasm_bindgen]
    pub fn bench_memory_bytes() -> f64 {
        (core::arch::wasm32::memory_size(0) * 65536) as f64
    }
}
