//! How a state ends, in each query language. JSONPath: Assign from the result, ResultPath merges
//! the result into the raw input, OutputPath selects the output. JSONata: Assign and Output are
//! evaluated with `$states.input` and `$states.result`; the output is the result when there is no
//! Output. In both, every right-hand side sees the variables as they were before the state.

use super::frame::{Frame, FrameId};
use super::jsonata::States;
use super::{payload, Execution};
use crate::asl::definition::{Catcher, Kind, Payload, QueryLanguage, ResultPath, State};
use crate::asl::error::{names, Failure};
use crate::asl::json::Value;
use crate::asl::jsonata_template::JsonataTemplate;
use crate::asl::path;

/// How a state's work ended.
pub(super) struct Completion<'s> {
    /// The result of a Task, Parallel or Map, or a JSONPath Pass state's; `None` for states that
    /// only pass their input on.
    pub result: Option<Value>,
    /// Where to go next.
    pub next: Option<usize>,
    /// The Assign that applies (a Choice rule's own, when one was taken).
    pub assign: Option<&'s Payload>,
    /// The Output that applies (JSONata).
    pub output: Option<&'s JsonataTemplate>,
}

impl<'s> Completion<'s> {
    /// The state ended with `result` (or with none), going to its `Next`.
    pub fn of(state: &'s State, result: Option<Value>) -> Completion<'s> {
        Completion { result, next: state.next, assign: state.assign.as_ref(), output: state.output.as_ref() }
    }
}

impl Execution {
    /// Processes the output of the current state of frame `id` and leaves it.
    pub(super) fn complete(&mut self, id: FrameId, state: &State, done: Completion) {
        let Completion { result, next, assign, output } = done;
        let outcome = match state.language {
            QueryLanguage::JsonPath => self.jsonpath_output(id, state, result, assign),
            QueryLanguage::Jsonata => self.jsonata_output(id, result, assign, output),
        };
        let max_bytes = self.options.max_payload_bytes;
        let outcome = outcome.and_then(|(output, assigned)| {
            payload::check_output(&state.name, max_bytes, &output, assigned.as_ref()).map(|()| (output, assigned))
        });
        match outcome {
            Ok((output, assigned)) => self.exit(id, state, output, next, assigned),
            Err(f) => self.fail_state(id, f),
        }
    }

    /// The frame's raw and effective inputs are read only where a path or an Assign needs them: with
    /// the default paths, a state's result is its output.
    fn jsonpath_output(&mut self, id: FrameId, state: &State, result: Option<Value>, assign: Option<&Payload>) -> Result<(Value, Option<Value>), Failure> {
        let effective = |ex: &Self| ex.frames.get(&id).map(Frame::effective).unwrap_or_default();
        let assigned = match (assign, &result) {
            (None, _) => None,
            (Some(_), Some(result)) => self.assign(id, assign, result, States::default())?,
            (Some(_), None) => self.assign(id, assign, &effective(self), States::default())?,
        };
        let value = match (result, result_path_of(state)) {
            (Some(result), Some(result_path)) => merge(result_path, self.raw_input(id), result)?,
            (Some(result), None) => result,
            (None, _) => effective(self),
        };
        let output = match &state.output_path {
            Some(p) => self.read_path(id, p, &value)?,
            None => Value::empty_object(),
        };
        Ok((output, assigned))
    }

    fn jsonata_output(&mut self, id: FrameId, result: Option<Value>, assign: Option<&Payload>, output: Option<&JsonataTemplate>) -> Result<(Value, Option<Value>), Failure> {
        let raw = self.raw_input(id);
        let states = || States { input: Some(&raw), result: result.as_ref(), error_output: None };
        let assigned = self.assign(id, assign, &raw, states())?;
        let output = match output {
            Some(template) => self.jsonata(id, template, "Output", states())?,
            None => result.clone().unwrap_or_else(|| raw.clone()),
        };
        Ok((output, assigned))
    }

    /// The raw input of frame `id`'s current state.
    fn raw_input(&self, id: FrameId) -> Value {
        self.frames.get(&id).map(|f| f.input.clone()).unwrap_or_default()
    }

    /// Evaluates an `Assign` block: a JSONPath one with `$` = `value`, a JSONata one with `states`.
    fn assign(&mut self, id: FrameId, assign: Option<&Payload>, value: &Value, states: States) -> Result<Option<Value>, Failure> {
        match assign {
            None => Ok(None),
            Some(Payload::Path(template)) => self.apply_template(id, template, value).map(Some),
            Some(Payload::Jsonata(template)) => self.jsonata(id, template, "Assign", states).map(Some),
        }
    }

    /// A Catch took `failure`: its Assign, its ResultPath (JSONPath) or Output (JSONata), then on to
    /// its Next.
    pub(super) fn complete_caught(&mut self, id: FrameId, state: &State, catcher: &Catcher, failure: &Failure) {
        let Some(raw) = self.frames.get(&id).map(|f| f.input.clone()) else { return };
        // AWS always writes a Cause, empty when the error has none (e.g. a task timeout).
        let cause = Value::str(failure.cause.as_deref().unwrap_or_default());
        let error_output = Value::from_pairs([("Error", Value::str(&failure.error)), ("Cause", cause)]);
        let outcome = match state.language {
            QueryLanguage::JsonPath => self.assign(id, catcher.assign.as_ref(), &error_output, States::default()).and_then(|assigned| {
                let output = match &catcher.result_path {
                    None => raw,
                    Some(p) => merge(&Some(p.clone()), raw, error_output)?,
                };
                Ok((output, assigned))
            }),
            QueryLanguage::Jsonata => {
                let states = || States { input: Some(&raw), result: None, error_output: Some(&error_output) };
                self.assign(id, catcher.assign.as_ref(), &error_output, states()).and_then(|assigned| {
                    let output = match &catcher.output {
                        Some(template) => self.jsonata(id, template, "Output", states())?,
                        None => error_output.clone(),
                    };
                    Ok((output, assigned))
                })
            }
        };
        let max_bytes = self.options.max_payload_bytes;
        let outcome = outcome.and_then(|(output, assigned)| {
            payload::check_output(&state.name, max_bytes, &output, assigned.as_ref()).map(|()| (output, assigned))
        });
        match outcome {
            Ok((output, assigned)) => self.exit(id, state, output, Some(catcher.next), assigned),
            Err(f) => self.end_frame(id, Err(f)),
        }
    }
}

/// The ResultPath of states that have one.
fn result_path_of(state: &State) -> Option<&ResultPath> {
    match &state.kind {
        Kind::Pass(p) => Some(&p.result_path),
        Kind::Task(t) => Some(&t.result_path),
        Kind::Parallel(p) => Some(&p.result_path),
        Kind::Map(m) => Some(&m.result_path),
        _ => None,
    }
}

/// ResultPath: the result placed in the raw input (`null` keeps the input as it is). Public so the
/// page can show this stage of a recorded run's data flow.
pub fn merge(result_path: &ResultPath, raw: Value, result: Value) -> Result<Value, Failure> {
    match result_path {
        None => Ok(raw),
        // `$`, the default: the result replaces the input.
        Some(p) if p.is_root() => Ok(result),
        Some(p) => path::set(p, raw, result).map_err(|cause| Failure::new(names::RESULT_PATH_MATCH_FAILURE, cause)),
    }
}
