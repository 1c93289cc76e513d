//! What a run waiting for callbacks shows, and the user's answers: each pending task token with
//! its state, the message its task sent (where the token travels), whether it takes heartbeats and
//! how much virtual time is left before its heartbeat or timeout falls due; the tokens already
//! spent (an answer to one gets AWS's error); and the built-in services' state, compactly.

use serde_json::Value as Json;

use crate::asl::json::Value;
use crate::integrations::driver::{ApiError, Deadlines};
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
    /// Whether the task still waits (false: answered, timed out, or its execution ended).
    pub open: bool,
    /// Virtual milliseconds left before the task fails with `States.HeartbeatTimeout`.
    pub heartbeat_in_ms: Option<i64>,
    /// Virtual milliseconds left before the task fails with `States.Timeout`.
    pub timeout_in_ms: Option<i64>,
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
    /// No answer: virtual time runs to the next deadline (whatever `token` is).
    LetTimePass,
}

/// The tokens `run` waits for, in the order the driver lists them, then those it spent.
pub fn pending(run: &Run) -> Vec<Pending> {
    let histories: Vec<Json> = run.executions().map(|c| c.execution.history_json()).collect();
    let card = |token: String, state: String, open: bool, deadlines: Deadlines| {
        let scheduled = histories.iter().find_map(|h| scheduled(h, &token));
        let message = scheduled
            .and_then(|d| d.get("parameters")?.as_str())
            .and_then(|s| Value::parse(s).ok())
            .map_or_else(String::new, |v| crate::bridge::outcome::pretty(&v));
        let heartbeat = scheduled.is_some_and(|d| d.get("heartbeatInSeconds").is_some());
        let left = |at: Option<i64>| at.map(|at| at.saturating_sub(run.now()).max(0));
        Pending { token, state, message, heartbeat, open, heartbeat_in_ms: left(deadlines.heartbeat_at), timeout_in_ms: left(deadlines.timeout_at) }
    };
    let open = run.pending_tokens().into_iter().map(|p| card(p.token, p.state, true, p.deadlines));
    let spent = run.spent_tokens().into_iter().map(|(token, state)| card(token, state, false, Deadlines::default()));
    open.chain(spent).collect()
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
        Answer::LetTimePass => {
            run.advance_clock();
            Ok(())
        }
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

    /// A run of `ASK` waiting on its token (the built-in SQS takes the message).
    fn waiting() -> Run {
        waiting_on(ASK)
    }

    /// A run of `definition` paused before its deadlines, as the page runs it.
    fn waiting_on(definition: &str) -> Run {
        let machine = Rc::new(definition::parse(definition).unwrap());
        let mut run = Run::new(machine, Value::parse("{}").unwrap(), RunOptions::default(), None).unwrap();
        run.pause_before_deadlines();
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

    #[test]
    fn a_deadline_shows_the_time_left_and_letting_time_pass_spends_the_token() {
        let mut run = waiting_on(&ASK.replace(r#""End":true"#, r#""HeartbeatSeconds":10,"TimeoutSeconds":90,"End":true"#));
        let listed = pending(&run);
        assert_eq!(listed.len(), 1);
        let p = &listed[0];
        assert_eq!((p.open, p.heartbeat, p.heartbeat_in_ms, p.timeout_in_ms), (true, true, Some(10_000), Some(90_000)));
        assert_eq!(run.execution().status(), &Status::Running);

        answer(&mut run, &p.token, Answer::LetTimePass).unwrap();
        assert!(matches!(run.poll(), Step::Finished));
        assert_eq!(run.execution().status().word(), "FAILED");
        let spent = pending(&run);
        assert_eq!((spent.len(), spent[0].open, spent[0].timeout_in_ms), (1, false, None));
        assert!(spent[0].message.contains(&spent[0].token));
        assert_eq!(answer(&mut run, &p.token, Answer::Success(Value::Null)).unwrap_err().name, "TaskTimedOut");
    }
}
