//! A handler's answer, turned into what AWS would do: the Task's result or failure (after the
//! virtual time the handler slept), the callbacks it sent, the Batch job or execution it played.

use super::agenda::Due;
use super::{Purpose, Queued, Run};
use crate::asl::error::{names, Failure};
use crate::asl::json::Value;
use crate::integrations::handler::{EffectKind, HandlerReply, Outcome};
use crate::integrations::services::sfn::{self, Ended};
use crate::integrations::shape;

impl Run {
    pub(super) fn answer(&mut self, queued: Queued, reply: HandlerReply) {
        self.services.store.apply(reply.store);
        let state = queued.request.state_name.to_string();
        for effect in reply.effects {
            let due = Due::Callback { token: effect.token, kind: effect.kind, from: state.clone() };
            self.agenda.add(later(self.now, effect.at_ms), due);
        }
        let done = later(self.now, reply.elapsed_ms);
        let key = &queued.key;
        let outcome = match reply.outcome {
            Outcome::Returned(value) => Ok(value),
            Outcome::Nothing if queued.purpose == Purpose::Callback => return,
            Outcome::Nothing if matches!(queued.purpose, Purpose::Job(_)) => Ok(Value::Null),
            Outcome::Nothing => {
                let message = format!("The mock handler \"{key}\" returned undefined: return a JSON value (null for none)");
                self.note(message.clone(), None, None);
                return self.agenda.add(done, Due::Complete(queued.task, Err(Failure::new(names::TASK_FAILED, message))));
            }
            Outcome::Threw(thrown) => {
                if thrown.thrown != "Error" {
                    let article = if thrown.thrown.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
                    let message = format!("The mock handler \"{key}\" threw {article} {} rather than an Error; throw an Error (its name is the Task's error) to say what failed", thrown.thrown);
                    self.note(message, thrown.at.line, thrown.at.column);
                }
                Err(thrown)
            }
            Outcome::NotJson(at) => {
                let message = format!("The mock handler \"{key}\" for the Task state '{state}' {}", at.message);
                self.note(message.clone(), at.line, at.column);
                return self.agenda.add(done, Due::Complete(queued.task, Err(Failure::new(names::TASK_FAILED, message))));
            }
            Outcome::TimedOut | Outcome::NeverSettled => {
                let what = if reply.outcome == Outcome::TimedOut { "did not finish in time and was stopped" } else { "returned a Promise that never settles" };
                let message = format!("The mock handler \"{key}\" for the Task state '{state}' {what}");
                self.note(message.clone(), None, None);
                // A Task with TimeoutSeconds times out as at AWS: the engine's timer ends it.
                if queued.request.timeout_seconds.is_none() {
                    self.agenda.add(done, Due::Complete(queued.task, Err(Failure::new(names::TASK_FAILED, message))));
                }
                return;
            }
        };
        let result = match queued.purpose {
            Purpose::Task => match outcome {
                Ok(value) if queued.target.is_lambda_invoke() => Ok(shape::invoke_result(value, &self.services.reply(done))),
                Ok(value) => Ok(value),
                Err(thrown) => Err(shape::failure(&queued.target, &thrown)),
            },
            // As SendTaskSuccess / SendTaskFailure would: the cause is the message as given.
            Purpose::Callback => outcome.map_err(|t| Failure { error: t.name, cause: (!t.message.is_empty()).then_some(t.message) }),
            Purpose::Job(job) => {
                let end = match outcome {
                    Ok(extra) => Ok(extra.as_object().is_some().then_some(extra)),
                    Err(thrown) => Err(if thrown.message.is_empty() { thrown.name } else { thrown.message }),
                };
                return self.agenda.add(done, Due::JobEnd { task: queued.task, job, started: self.now, end });
            }
            Purpose::Execution(described, v2) => {
                let ended = match outcome {
                    Ok(output) => Ended::Succeeded(output),
                    Err(t) => Ended::Failed { status: "FAILED", failure: Failure { error: t.name, cause: (!t.message.is_empty()).then_some(t.message) } },
                };
                sfn::sync_outcome(&described, &ended, done, v2)
            }
        };
        self.agenda.add(done, Due::Complete(queued.task, result));
    }

    /// Sends the callbacks handlers made for later once the run is over, so that AWS's refusals
    /// reach the user as notes.
    pub(super) fn flush_callbacks(&mut self) {
        while let Some(due) = self.agenda.take_due(i64::MAX) {
            if matches!(due, Due::Callback { .. }) {
                self.deliver(due);
            }
        }
    }

    /// Does what is due.
    pub(super) fn deliver(&mut self, due: Due) {
        match due {
            Due::Complete(task, outcome) => {
                // A task that timed out meanwhile takes no answer, as at AWS.
                let _ = self.children[task.exec].execution.complete_task(task.task, outcome);
            }
            Due::Callback { token, kind, from } => {
                let (what, result) = match kind {
                    EffectKind::Success(output) => ("sendTaskSuccess", self.send_task_success(&token, output)),
                    EffectKind::Failure { error, cause } => ("sendTaskFailure", self.send_task_failure(&token, &error, cause.as_deref())),
                    EffectKind::Heartbeat => ("sendTaskHeartbeat", self.send_task_heartbeat(&token)),
                };
                if let Err(e) = result {
                    self.note(format!("The mock handler of the Task state '{from}' called {what}, which AWS refused: {e}"), None, None);
                }
            }
            Due::JobEnd { task, job, started, end } => {
                let outcome = self.services.finish_job(&job, started, self.now, end);
                let _ = self.children[task.exec].execution.complete_task(task.task, outcome);
            }
        }
    }
}

/// `ms` after `now`, however large a handler's sleeps were.
fn later(now: i64, ms: u64) -> i64 {
    now.saturating_add(i64::try_from(ms).unwrap_or(i64::MAX))
}
