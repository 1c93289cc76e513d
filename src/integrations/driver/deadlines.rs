//! When the tasks waiting on task tokens run out of time (`HeartbeatSeconds`, `TimeoutSeconds`), so
//! that a run waiting for a callback pauses before such a deadline instead of letting the virtual
//! clock jump to it: the user can answer or send a heartbeat first, or let the time pass.

use super::Run;
use crate::asl::exec::TaskRequest;

/// A token's deadlines, in virtual milliseconds since the epoch.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Deadlines {
    /// When the task fails with `States.HeartbeatTimeout` unless a heartbeat comes first.
    pub heartbeat_at: Option<i64>,
    /// When the task fails with `States.Timeout`.
    pub timeout_at: Option<i64>,
    heartbeat_ms: Option<i64>,
}

impl Deadlines {
    /// The deadlines of `request`, started at `now` (the engine starts its timers then too).
    pub(super) fn of(request: &TaskRequest, now: i64) -> Deadlines {
        let ms = |s: Option<u64>| s.map(|s| i64::try_from(s).unwrap_or(i64::MAX).saturating_mul(1000));
        let heartbeat_ms = ms(request.heartbeat_seconds);
        let at = |ms: Option<i64>| ms.map(|ms| now.saturating_add(ms));
        Deadlines { heartbeat_at: at(heartbeat_ms), timeout_at: at(ms(request.timeout_seconds)), heartbeat_ms }
    }

    /// The earlier of the two.
    pub fn next(&self) -> Option<i64> {
        self.heartbeat_at.into_iter().chain(self.timeout_at).min()
    }
}

impl Run {
    /// Makes [`Run::poll`] report [`super::Step::Waiting`] before the virtual clock reaches a
    /// token's deadline, for a host whose user can answer (the page). Without it the clock runs on
    /// to the deadline, as for a host nobody answers (the CLI, test cases).
    pub fn pause_before_deadlines(&mut self) {
        self.pause = true;
    }

    /// The earliest deadline of a task still waiting on its token.
    pub(super) fn next_token_deadline(&self) -> Option<i64> {
        self.deadlines.iter().filter(|(token, _)| self.holder(token).is_ok()).filter_map(|(_, d)| d.next()).min()
    }

    /// A heartbeat for `token` was accepted: its HeartbeatSeconds start again now.
    pub(super) fn heartbeat_received(&mut self, token: &str) {
        let now = self.now;
        if let Some(d) = self.deadlines.get_mut(token) {
            d.heartbeat_at = d.heartbeat_ms.map(|ms| now.saturating_add(ms));
        }
    }

    /// Lets virtual time run to the next timer or due item (for a run that waits, the next
    /// deadline); `false` when nothing is ahead. [`Run::poll`] then goes on from there.
    pub fn advance_clock(&mut self) -> bool {
        let Some(at) = self.next_time() else { return false };
        self.now = self.now.max(at);
        for child in &mut self.children {
            child.execution.advance_to(self.now);
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use super::super::{RunOptions, Step};
    use super::*;
    use crate::asl::definition;
    use crate::asl::exec::Status;
    use crate::asl::json::Value;

    /// A run of a callback task with these extra fields, polled until it stops for the user.
    fn waiting(fields: &str, pause: bool) -> Run {
        let text = format!(
            r#"{{"StartAt":"Ask","States":{{"Ask":{{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
               "Parameters":{{"QueueUrl":"https://sqs.us-east-1.amazonaws.com/1/q","MessageBody":{{"token.$":"$$.Task.Token"}}}},{fields}"End":true}}}}}}"#
        );
        let mut run = Run::new(Rc::new(definition::parse(&text).unwrap()), Value::parse("{}").unwrap(), RunOptions::default(), None).unwrap();
        if pause {
            run.pause_before_deadlines();
        }
        assert!(!matches!(run.poll(), Step::Call(_)), "the built-in queue takes the message");
        run
    }

    fn error(run: &Run) -> String {
        match run.execution().status() {
            Status::Failed(f) => f.error.clone(),
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn a_paused_run_waits_before_the_deadlines_and_lists_them() {
        let run = waiting(r#""HeartbeatSeconds":10,"TimeoutSeconds":100,"#, true);
        let start = run.now();
        assert_eq!(run.execution().status(), &Status::Running);
        let pending = run.pending_tokens();
        assert_eq!(pending.len(), 1);
        assert_eq!(pending[0].deadlines.heartbeat_at, Some(start + 10_000));
        assert_eq!(pending[0].deadlines.timeout_at, Some(start + 100_000));
    }

    #[test]
    fn a_heartbeat_in_time_restarts_the_heartbeat_deadline() {
        let mut run = waiting(r#""HeartbeatSeconds":10,"TimeoutSeconds":15,"#, true);
        let (start, token) = (run.now(), run.pending_tokens()[0].token.clone());
        run.send_task_heartbeat(&token).unwrap();
        assert_eq!(run.poll(), Step::Waiting);
        // No time passed: the heartbeat is due 10 s from now again, before the 15 s timeout.
        assert_eq!(run.pending_tokens()[0].deadlines.heartbeat_at, Some(start + 10_000));
        assert!(run.advance_clock());
        assert_eq!(run.poll(), Step::Finished);
        assert_eq!(run.now(), start + 10_000);
        assert_eq!(error(&run), "States.HeartbeatTimeout");
        assert_eq!(run.send_task_success(&token, Value::Null).unwrap_err().name, "TaskTimedOut");
    }

    #[test]
    fn letting_time_pass_reaches_the_timeout_then_answers_are_refused() {
        let mut run = waiting(r#""HeartbeatSeconds":60,"TimeoutSeconds":5,"#, true);
        let (start, token) = (run.now(), run.pending_tokens()[0].token.clone());
        assert!(run.advance_clock());
        assert_eq!(run.poll(), Step::Finished);
        assert_eq!(run.now(), start + 5_000);
        assert_eq!(error(&run), "States.Timeout");
        assert_eq!(run.send_task_heartbeat(&token).unwrap_err().name, "TaskTimedOut");
        assert_eq!(run.send_task_success("made-up", Value::Null).unwrap_err().name, "InvalidToken");
    }

    #[test]
    fn an_answer_before_the_deadline_wins_and_a_second_one_is_refused() {
        let mut run = waiting(r#""TimeoutSeconds":5,"#, true);
        let token = run.pending_tokens()[0].token.clone();
        run.send_task_success(&token, Value::str("yes")).unwrap();
        assert_eq!(run.poll(), Step::Finished);
        assert_eq!(run.execution().status(), &Status::Succeeded(Value::str("yes")));
        assert_eq!(run.send_task_success(&token, Value::str("again")).unwrap_err().name, "TaskTimedOut");
    }

    #[test]
    fn without_pausing_the_clock_runs_to_the_deadline() {
        let run = waiting(r#""TimeoutSeconds":5,"#, false);
        assert_eq!(error(&run), "States.Timeout");
        assert!(run.pending_tokens().is_empty());
    }

    #[test]
    fn a_heartbeat_after_some_time_does_not_move_the_clock() {
        let text = r#"{"StartAt":"Both","States":{"Both":{"Type":"Parallel","End":true,"Branches":[
            {"StartAt":"Pause","States":{"Pause":{"Type":"Wait","Seconds":4,"End":true}}},
            {"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
              "Parameters":{"QueueUrl":"https://sqs.us-east-1.amazonaws.com/1/q","MessageBody":{"token.$":"$$.Task.Token"}},
              "HeartbeatSeconds":10,"End":true}}}]}}}"#;
        let mut run = Run::new(Rc::new(definition::parse(text).unwrap()), Value::parse("{}").unwrap(), RunOptions::default(), None).unwrap();
        run.pause_before_deadlines();
        let start = run.now();
        assert_eq!(run.poll(), Step::Waiting);
        // The Wait branch's 4 s passed by themselves; the heartbeat deadline stopped the clock.
        assert_eq!(run.now(), start + 4_000);
        let token = run.pending_tokens()[0].token.clone();
        run.send_task_heartbeat(&token).unwrap();
        assert_eq!(run.poll(), Step::Waiting);
        assert_eq!(run.now(), start + 4_000);
        assert_eq!(run.pending_tokens()[0].deadlines.heartbeat_at, Some(start + 14_000));
    }
}
