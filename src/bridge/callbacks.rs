//! What a run waiting for callbacks shows, and the user's answers: each pending task token with
//! its state, the message its task sent (where the token travels) and whether it takes heartbeats;
//! and the built-in services' state, compactly.

use serde_json::Value as Json;

use crate::asl::json::Value;
use crate::integrations::driver::ApiError;
use crate::integrations::Run;

/// A task waiting for its token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pending {
    pub token: String,
    /// The waiting Task state.
    pub state: String,
    /// The task's parameters, pretty-printed (empty when its history has none).
    pub message: String,
    /// The state has `HeartbeatSeconds`.
    pub heartbeat: bool,
}

/// What the user sends back for a token.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    /// `SendTaskSuccess` with this output.
    Success(Value),
    /// `SendTaskFailure`.
    Failure { error: String, cause: String },
    /// `SendTaskHeartbeat`.
    Heartbeat,
}

/// The tokens `run` waits for, in the order the driver lists them.
pub fn pending(run: &Run) -> Vec<Pending> {
    let histories: Vec<Json> = run.executions().map(|c| c.execution.history_json()).collect();
    run.pending_tokens()
        .into_iter()
        .map(|p| {
            let scheduled = histories.get(p.execution).and_then(|h| scheduled(h, &p.token));
            let message = scheduled
                .and_then(|d| d.get("parameters")?.as_str())
                .and_then(|s| Value::parse(s).ok())
                .map_or_else(String::new, |v| crate::bridge::outcome::pretty(&v));
            let heartbeat = scheduled.is_some_and(|d| d.get("heartbeatInSeconds").is_some());
            Pending { token: p.token, state: p.state, message, heartbeat }
        })
        .collect()
}

/// The details of the `TaskScheduled` event whose parameters carry `token`.
fn scheduled<'h>(history: &'h Json, token: &str) -> Option<&'h Json> {
    history.get("events")?.as_array()?.iter().rev().find_map(|e| {
        let details = e.get("taskScheduledEventDetails")?;
        details.get("parameters")?.as_str()?.contains(token).then_some(details)
    })
}

/// Sends `answer` for `token`.
pub fn answer(run: &mut Run, token: &str, answer: Answer) -> Result<(), ApiError> {
    match answer {
        Answer::Success(output) => run.send_task_success(token, output),
        Answer::Failure { error, cause } => {
            run.send_task_failure(token, &error, Some(cause.as_str()).filter(|c| !c.is_empty()))
        }
        Answer::Heartbeat => run.send_task_heartbeat(token),
    }
}

/// The services' state as compact JSON, without the empty parts; `None` when nothing was used.
pub fn services(run: &Run) -> Option<String> {
    let Ok(Json::Object(mut all)) = serde_json::to_value(run.services().to_json()) else { return None };
    all.retain(|_, v| !matches!(v, Json::Null) && v.as_array().is_none_or(|a| !a.is_empty()) && v.as_object().is_none_or(|o| !o.is_empty()));
    (!all.is_empty()).then(|| Json::Object(all).to_string())
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use super::*;
    use crate::asl::definition;
    use crate::asl::exec::Status;
    use crate::integrations::handler::HandlerReply;
    use crate::integrations::{RunOptions, Step};

    const ASK: &str = r#"{"StartAt":"Ask","States":{"Ask":{"Type":"Task",
        "Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
        "Parameters":{"QueueUrl":"https://sqs.us-east-1.amazonaws.com/1/q","MessageBody":{"token.$":"$$.Task.Token"}},"End":true}}}"#;

    /// A run of `ASK` waiting on its token (the built-in SQS takes the message). With a
    /// `HeartbeatSeconds` or `TimeoutSeconds` it would not wait: the virtual clock runs to the timeout.
    fn waiting() -> Run {
        let machine = Rc::new(definition::parse(ASK).unwrap());
        let mut run = Run::new(machine, Value::parse("{}").unwrap(), RunOptions::default(), None).unwrap();
        loop {
            match run.poll() {
                Step::Waiting => return run,
                Step::Finished => panic!("the run should wait"),
                Step::Call(call) => run.reply(call.id, HandlerReply::from_json(&Value::parse(r#"{"ok":true,"nothing":true}"#).unwrap()).unwrap()).unwrap(),
            }
        }
    }

    #[test]
    fn a_waiting_task_lists_its_token_message_and_heartbeat() {
        let run = waiting();
        let pending = pending(&run);
        assert_eq!(pending.len(), 1);
        assert_eq!((pending[0].state.as_str(), pending[0].heartbeat), ("Ask", false));
        assert!(pending[0].message.contains(&pending[0].token), "{}", pending[0].message);
        assert!(services(&run).unwrap().contains("\"queues\""));
    }

    #[test]
    fn approving_succeeds_and_rejecting_fails_with_the_given_error() {
        let mut run = waiting();
        let token = pending(&run)[0].token.clone();
        answer(&mut run, &token, Answer::Success(Value::str("ok"))).unwrap();
        assert!(matches!(run.poll(), Step::Finished));
        assert_eq!(run.execution().status(), &Status::Succeeded(Value::str("ok")));
        assert_eq!(answer(&mut run, &token, Answer::Heartbeat).unwrap_err().name, "TaskTimedOut");
        assert_eq!(answer(&mut run, "nope", Answer::Heartbeat).unwrap_err().name, "InvalidToken");

        let mut run = waiting();
        let token = pending(&run)[0].token.clone();
        answer(&mut run, &token, Answer::Failure { error: "Rejected".into(), cause: "no".into() }).unwrap();
        assert!(matches!(run.poll(), Step::Finished));
        assert_eq!(run.execution().status().word(), "FAILED");
    }
}
