//! Evaluating a JSONata state's values: `$states` (input, result, errorOutput, context) and the
//! workflow variables bound, failures recorded as AWS records them (an `EvaluationFailed` event, then
//! `States.QueryEvaluationError`).

use std::rc::Rc;

use super::frame::FrameId;
use super::variables::VarScope;
use super::{EvaluationFailed, EventKind, Execution};
use crate::asl::definition::Kind;
use crate::asl::error::Failure;
use crate::asl::json::Value;
use crate::asl::jsonata::Bindings;
use crate::asl::jsonata_template::{Evaluation, JsonataTemplate};
use crate::asl::path::Variables;

/// What `$states` holds besides the context object, at the point of evaluation.
#[derive(Default)]
pub(super) struct States<'a> {
    /// `$states.input`: the state's raw input.
    pub input: Option<&'a Value>,
    /// `$states.result`: the task's or branches' result, after it arrives.
    pub result: Option<&'a Value>,
    /// `$states.errorOutput`: in a Catch.
    pub error_output: Option<&'a Value>,
}

/// `$states` and the workflow variables, as a JSONata expression sees them.
struct StateBindings<'a> {
    states: Value,
    variables: &'a VarScope,
}

impl Bindings for StateBindings<'_> {
    fn lookup(&self, name: &str) -> Option<Value> {
        match name {
            "states" => Some(self.states.clone()),
            _ => self.variables.variable(name),
        }
    }
}

impl Execution {
    /// Evaluates `template`, the value of `field` in the current state of frame `id`.
    pub(super) fn jsonata(&mut self, id: FrameId, template: &JsonataTemplate, field: &str, states: States) -> Result<Value, Failure> {
        if let JsonataTemplate::Static(v) = template {
            return Ok(v.clone());
        }
        let context = self.context(id);
        self.jsonata_with_context(id, template, field, states, context)
    }

    /// As [`Execution::jsonata`], with the context object given (an ItemSelector adds `Map.Item`).
    pub(super) fn jsonata_with_context(
        &mut self,
        id: FrameId,
        template: &JsonataTemplate,
        field: &str,
        states: States,
        context: Value,
    ) -> Result<Value, Failure> {
        let mut members = vec![("context", context)];
        members.extend(states.input.map(|v| ("input", v.clone())));
        members.extend(states.result.map(|v| ("result", v.clone())));
        members.extend(states.error_output.map(|v| ("errorOutput", v.clone())));
        let variables = self.variables_of(id);
        let bindings = StateBindings { states: Value::from_pairs(members), variables: &variables };
        let now_ms = self.now;
        let mut evaluation = Evaluation { bindings: &bindings, now_ms, random: &mut self.random };
        template.evaluate(&mut evaluation, field).map_err(|f| self.evaluation_failed(id, Some(field), f))
    }

    /// Records AWS's `EvaluationFailed` event for a failure evaluating `field`, and returns the
    /// failure with the state's prefix.
    pub(super) fn evaluation_failed(&mut self, id: FrameId, field: Option<&str>, failure: Failure) -> Failure {
        let failure = self.prefixed(id, failure);
        let Some(frame) = self.frames.get(&id) else { return failure };
        // As recorded: AWS links a Wait state's evaluation failure to its Entered event, and the other
        // states' to the event before their Entered event.
        let entered = frame.entered() as usize;
        let previous = match frame.current().kind {
            Kind::Wait(_) => frame.last,
            _ => self.history.get(entered.wrapping_sub(1)).map_or(frame.last, |e| e.previous_event_id),
        };
        let state = frame.current().name.clone();
        // The failing member's path (`Output/result`) is in the cause; AWS reports it as the location.
        let location = failure
            .cause
            .as_deref()
            .and_then(|c| c.split("specified for the field '").nth(1))
            .and_then(|rest| rest.split('\'').next())
            .or(field)
            .map(Rc::from);
        let event = self.emit(
            previous,
            EventKind::EvaluationFailed(Box::new(EvaluationFailed {
                error: Rc::from(failure.error.as_str()),
                cause: failure.cause.as_deref().map(Rc::from),
                location,
                state,
            })),
        );
        if let Some(frame) = self.frames.get_mut(&id) {
            frame.last = event;
        }
        failure
    }
}
