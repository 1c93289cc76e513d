//! Task tokens: `SendTaskSuccess`, `SendTaskFailure` and `SendTaskHeartbeat`, whether the user sends
//! them (the page's buttons), a handler does (`ctx.sendTaskSuccess`), or a state machine does
//! (`aws-sdk:sfn:sendTaskSuccess`); with AWS's errors for tokens that are unknown or done.

use super::{Deadlines, Run};
use crate::asl::error::Failure;
use crate::asl::exec::Status;
use crate::asl::json::Value;
use crate::integrations::aws;

/// An error of the callback API, as AWS names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiError {
    /// `InvalidToken` (never issued) or `TaskTimedOut` (its task is over: timed out or answered).
    pub name: &'static str,
    /// AWS's message.
    pub message: String,
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.name, self.message)
    }
}

/// A task waiting for its token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingToken {
    /// The token.
    pub token: String,
    /// The waiting Task state.
    pub state: String,
    /// Index of its execution in the run (0: the top one).
    pub execution: usize,
    /// When its heartbeat and timeout fall due.
    pub deadlines: Deadlines,
}

impl Run {
    /// `SendTaskSuccess`: the task waiting on `token` succeeds with `output`.
    pub fn send_task_success(&mut self, token: &str, output: Value) -> Result<(), ApiError> {
        let exec = self.holder(token)?;
        self.children[exec].execution.complete_token(token, Ok(output)).map_err(|_| timed_out())
    }

    /// `SendTaskFailure`: the task waiting on `token` fails with `error` and `cause`.
    pub fn send_task_failure(&mut self, token: &str, error: &str, cause: Option<&str>) -> Result<(), ApiError> {
        let exec = self.holder(token)?;
        let failure = Failure { error: error.to_string(), cause: cause.map(str::to_string) };
        self.children[exec].execution.complete_token(token, Err(failure)).map_err(|_| timed_out())
    }

    /// `SendTaskHeartbeat`: the task waiting on `token` is alive.
    pub fn send_task_heartbeat(&mut self, token: &str) -> Result<(), ApiError> {
        let exec = self.holder(token)?;
        self.children[exec].execution.send_task_heartbeat(token).map_err(|_| timed_out())?;
        self.heartbeat_received(token);
        Ok(())
    }

    /// The tasks waiting for a token, in the order they were issued.
    pub fn pending_tokens(&self) -> Vec<PendingToken> {
        let mut pending = Vec::new();
        for (execution, child) in self.children.iter().enumerate() {
            for (token, state) in &self.tokens {
                if child.execution.task_for_token(token).is_some() {
                    let deadlines = self.deadlines.get(token).copied().unwrap_or_default();
                    pending.push(PendingToken { token: token.clone(), state: state.clone(), execution, deadlines });
                }
            }
        }
        pending.sort_by(|a, b| (a.execution, &a.state, &a.token).cmp(&(b.execution, &b.state, &b.token)));
        pending
    }

    /// The tokens the run issued whose tasks no longer wait (answered, timed out, or their
    /// execution ended), with their states, sorted by state and token.
    pub fn spent_tokens(&self) -> Vec<(String, String)> {
        let mut spent: Vec<(String, String)> =
            self.tokens.iter().filter(|(t, _)| self.holder(t).is_err()).map(|(t, s)| (s.clone(), t.clone())).collect();
        spent.sort();
        spent.into_iter().map(|(state, token)| (token, state)).collect()
    }

    /// The execution whose task waits on `token`.
    pub(super) fn holder(&self, token: &str) -> Result<usize, ApiError> {
        let running = |c: &&super::Child| *c.execution.status() == Status::Running;
        if let Some(i) = self.children.iter().position(|c| running(&c) && c.execution.task_for_token(token).is_some()) {
            return Ok(i);
        }
        if self.tokens.contains_key(token) {
            return Err(timed_out());
        }
        Err(ApiError { name: "InvalidToken", message: "Invalid token".into() })
    }

    /// A state machine's own callback call (`aws-sdk:sfn:sendTask…`): `{}`, or the SDK's error.
    pub(super) fn sdk_callback(&mut self, action: &str, input: &Value) -> Result<Value, Failure> {
        let token = input.get("TaskToken").and_then(Value::as_str).unwrap_or_default().to_string();
        let text = |k: &str| input.get(k).and_then(Value::as_str);
        let result = match action {
            "sendTaskSuccess" => {
                let output = match input.get("Output") {
                    Some(Value::String(s)) => Value::parse(s).unwrap_or_else(|_| Value::String(s.clone())),
                    Some(other) => other.clone(),
                    None => Value::Null,
                };
                self.send_task_success(&token, output)
            }
            "sendTaskFailure" => self.send_task_failure(&token, text("Error").unwrap_or_default(), text("Cause")),
            _ => self.send_task_heartbeat(&token),
        };
        result.map(|()| Value::empty_object()).map_err(|e| {
            let reply = self.services.reply(self.now);
            let (name, human) = if e.name == "InvalidToken" { ("Sfn.InvalidTokenException", "Invalid Token") } else { ("Sfn.TaskTimedOutException", "Task Timed Out") };
            let message = format!("{human}: '{}'", e.message);
            Failure::new(name, format!("{} (SDK Attempt Count: 1)", aws::sdk_error_cause(&message, "Sfn", 400, &reply.request_id)))
        })
    }
}

fn timed_out() -> ApiError {
    ApiError { name: "TaskTimedOut", message: "Provided task does not exist anymore".into() }
}
