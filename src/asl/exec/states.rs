//! What each state type does once its input is processed. Task, Parallel and Map can be retried, so
//! their work is an *attempt* that a Retry can repeat without entering the state again.

use super::frame::{FrameId, Wake};
use super::Execution;
use super::finish::Completion;
use super::jsonata::States;
use crate::asl::definition::{Choice, ChoiceRule, Fail, Kind, QueryLanguage, State, Test, Text, Wait};
use crate::asl::jsonata_template::query_error;
use crate::asl::error::{names, Failure};
use crate::asl::path::Scope;
use crate::asl::json::Value;
use crate::asl::template::Template;
use crate::asl::timestamp;

/// AWS refuses to wait beyond this (about a year): "Wait state delay is too long".
const MAX_WAIT_SECONDS: i64 = 31_536_000 + 86_400;

impl Execution {
    /// Does the work of `state` with its raw and effective input (the frame holds both).
    pub(super) fn act(&mut self, id: FrameId, state: &State, input: Value, effective: Value) {
        match &state.kind {
            Kind::Pass(pass) => {
                let result = match (&pass.result, &pass.parameters) {
                    _ if state.language == QueryLanguage::Jsonata => return self.complete(id, state, Completion::of(state, None)),
                    (Some(result), _) => Ok(result.clone()),
                    (None, Some(template)) => self.apply_template(id, template, &effective),
                    (None, None) => Ok(effective),
                };
                match result {
                    Ok(result) => self.complete(id, state, Completion::of(state, Some(result))),
                    Err(f) => self.fail_state(id, f),
                }
            }
            Kind::Choice(choice) => match self.choose(id, state, choice, &input, &effective) {
                Ok(Some(rule)) => {
                    let done = Completion { result: None, next: Some(rule.next), assign: rule.assign.as_ref(), output: rule.output.as_ref() };
                    self.complete(id, state, done)
                }
                Ok(None) => match choice.default {
                    Some(default) => self.complete(id, state, Completion { next: Some(default), ..Completion::of(state, None) }),
                    None => self.fail_state(id, Failure { error: names::NO_CHOICE_MATCHED.into(), cause: None }),
                },
                Err(f) => self.fail_state(id, f),
            },
            Kind::Wait(wait) => match self.wait_until(id, wait, &input, &effective) {
                Ok(at) => self.set_timer(at, id, Wake::WaitOver),
                Err(f) => self.fail_state(id, f),
            },
            Kind::Succeed => self.complete(id, state, Completion { next: None, ..Completion::of(state, None) }),
            Kind::Fail(fail) => {
                let failure = self.fail_failure(id, fail, &input).unwrap_or_else(|runtime| runtime);
                self.end_frame(id, Err(failure));
            }
            // The first attempt takes the inputs at hand; a retry reads them from the frame.
            Kind::Task(task) => self.attempt_task(id, state, task, input, effective),
            Kind::Parallel(_) | Kind::Map(_) => self.attempt(id),
        }
    }

    /// The first Choice rule that holds, if any.
    fn choose<'c>(&mut self, id: FrameId, state: &State, choice: &'c Choice, input: &Value, effective: &Value) -> Result<Option<&'c ChoiceRule>, Failure> {
        let context = self.context(id);
        let variables = self.variables_of(id);
        for (i, rule) in choice.rules.iter().enumerate() {
            let holds = match &rule.test {
                Test::Rule(r) => {
                    let scope = Scope { input: effective, context: &context, variables: &*variables };
                    r.matches_in(&scope).map_err(|f| self.prefixed(id, f))?
                }
                Test::Condition(condition) => {
                    let field = format!("Choices[{i}].Condition");
                    let states = States { input: Some(input), ..States::default() };
                    match self.jsonata(id, condition, &field, states)? {
                        Value::Bool(b) => b,
                        other => {
                            let what = format!("returned an unexpected result type. Expected 'boolean', but was '{}' for value: {other}", other.type_name());
                            let text = condition.expression().unwrap_or_default();
                            return Err(self.evaluation_failed(id, Some(&field), query_error(text, &field, &what)));
                        }
                    }
                }
            };
            if holds {
                let _ = state;
                return Ok(Some(rule));
            }
        }
        Ok(None)
    }

    /// Evaluates a payload template for frame `id`; path failures get AWS's runtime prefix.
    pub(super) fn apply_template(&mut self, id: FrameId, template: &Template, input: &Value) -> Result<Value, Failure> {
        let context = if template.reads_context() { self.context(id) } else { Value::Null };
        let variables = self.variables_of(id);
        let scope = Scope { input, context: &context, variables: &*variables };
        template.evaluate(&scope, &mut self.random).map_err(|f| self.prefixed(id, f))
    }

    fn wait_until(&mut self, id: FrameId, wait: &Wait, raw: &Value, input: &Value) -> Result<i64, Failure> {
        let at = match wait {
            Wait::Seconds(s) => self.now.saturating_add((*s as i64).saturating_mul(1000)),
            Wait::Timestamp(t) => *t,
            Wait::SecondsExpr(expression) => {
                let value = self.jsonata(id, expression, "Seconds", States { input: Some(raw), ..States::default() })?;
                match value.as_i64().filter(|s| *s >= 0) {
                    Some(seconds) => self.now.saturating_add(seconds.saturating_mul(1000)),
                    None => {
                        let text = expression.expression().unwrap_or_default();
                        let what = format!("returned an unexpected result type. Expected 'integer', but was '{}' for value: {value}", value.type_name());
                        return Err(self.evaluation_failed(id, Some("Seconds"), query_error(text, "Seconds", &what)));
                    }
                }
            }
            Wait::TimestampExpr(expression) => {
                let value = self.jsonata(id, expression, "Timestamp", States { input: Some(raw), ..States::default() })?;
                match value.as_str().and_then(timestamp::parse) {
                    Some(t) => t,
                    None => {
                        let shown = value.as_str().map_or_else(|| value.to_json(), str::to_string);
                        let cause = format!("The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: {shown}");
                        return Err(self.evaluation_failed(id, Some("Timestamp"), Failure::query_evaluation(cause)));
                    }
                }
            }
            Wait::SecondsPath(path) => {
                let value = self.read_path(id, path, input)?;
                let seconds = match &value {
                    Value::Number(n) if n.is_i64() || n.is_u64() => n.as_i64().unwrap_or(i64::MAX),
                    _ => {
                        return Err(self.runtime_error(id, format!("The SecondsPath parameter cannot be parsed as a long value: {} == {value}", path.text())))
                    }
                };
                if seconds < 0 {
                    return Err(self.runtime_error(id, format!("The SecondsPath parameter references a negative value: {} == {value}", path.text())));
                }
                self.now.saturating_add(seconds.saturating_mul(1000))
            }
            Wait::TimestampPath(path) => {
                let value = self.read_path(id, path, input)?;
                match value.as_str().and_then(timestamp::parse) {
                    Some(t) => t,
                    None => {
                        let shown = value.as_str().map_or_else(|| value.to_json(), str::to_string);
                        return Err(self.runtime_error(id, format!("The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: {} == {shown}", path.text())));
                    }
                }
            }
        };
        if (at - self.now) / 1000 > MAX_WAIT_SECONDS {
            return Err(self.runtime_error(id, "Wait state delay is too long.".into()));
        }
        Ok(at.max(self.now))
    }

    /// A Wait state's timer fired: leave the state.
    pub(super) fn wait_over(&mut self, id: FrameId) {
        let Some(machine) = self.machine_of(id) else { return };
        let Some(frame) = self.frames.get(&id) else { return };
        let state = &machine.states[frame.state];
        self.complete(id, state, Completion::of(state, None));
    }

    /// The error and cause a Fail state reports; a path that selects nothing is a runtime error.
    fn fail_failure(&mut self, id: FrameId, fail: &Fail, input: &Value) -> Result<Failure, Failure> {
        let error = self.fail_text(id, fail.error.as_ref(), "ErrorPath", input)?;
        let cause = self.fail_text(id, fail.cause.as_ref(), "CausePath", input)?;
        Ok(Failure { error: error.unwrap_or_default(), cause })
    }

    fn fail_text(&mut self, id: FrameId, text: Option<&Text>, field: &str, input: &Value) -> Result<Option<String>, Failure> {
        match text {
            None => Ok(None),
            Some(Text::Literal(s)) => Ok(Some(s.to_string())),
            Some(Text::Jsonata(expression)) => {
                let key = if field == "ErrorPath" { "Error" } else { "Cause" };
                let value = self.jsonata(id, expression, key, States { input: Some(input), ..States::default() })?;
                Ok(Some(value.as_str().map_or_else(|| value.to_json(), str::to_string)))
            }
            Some(Text::Intrinsic(call)) => {
                let context = self.context(id);
                let variables = self.variables_of(id);
                let scope = Scope { input, context: &context, variables: &*variables };
                let value = call.evaluate(&scope, &mut self.random).map_err(|f| self.prefixed(id, f))?;
                Ok(Some(value.as_str().map_or_else(|| value.to_json(), str::to_string)))
            }
            Some(Text::Path(p)) => {
                let context = self.context(id);
                let variables = self.variables_of(id);
                match p.select(&Scope { input, context: &context, variables: &*variables }) {
                    Some(v) => Ok(Some(v.as_str().map_or_else(|| v.to_json(), str::to_string))),
                    None => Err(self.runtime_error(
                        id,
                        format!("The JSONPath '{}' specified for the field '{field}' could not be found in the input '{input}'", p.text()),
                    )),
                }
            }
        }
    }
}
