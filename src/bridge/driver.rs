//! Drives a [`Run`] to its end with a host that answers handler calls asynchronously (the page's
//! mocks answer from a worker): each call the run hands out is awaited, its reply given back, and
//! the browser gets a turn now and then; the user can stop it between calls.

use std::rc::Rc;

use crate::asl::json::Value;
use crate::integrations::handler::{HandlerCall, HandlerReply};
use crate::integrations::{Run, Step};

/// How many handler calls run between two turns given back to the browser.
const CALLS_PER_TURN: u32 = 100;

/// What answers the run's handler calls.
// The page is single-threaded, so the futures need no `Send` bound.
#[allow(async_fn_in_trait)]
pub trait Host {
    /// The reply to one call, as the mock runtime's JSON text (see `integrations::handler`).
    async fn call(&mut self, call: &HandlerCall) -> String;
    /// Lets the page handle events (clicks, the Stop button) during a long run.
    async fn turn(&mut self);
    /// Whether the user asked to stop.
    fn stopped(&self) -> bool;
}

/// How far a run driven by the page is, as the page shows it while the run goes on.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Progress {
    /// Handler calls answered so far.
    pub calls: u32,
    /// The state whose handler is slow to answer, while it is.
    pub waiting_for: Option<Rc<str>>,
}

/// How driving ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    /// The execution ended (succeeded, failed or timed out).
    Ended,
    /// The user stopped it.
    Stopped,
    /// It waits for a callback (a task token) that nothing will send.
    Waiting,
}

/// Runs `run` until it ends, the host stops it, or it waits for a callback.
pub async fn drive(run: &mut Run, host: &mut impl Host) -> Ending {
    let mut calls = 0u32;
    loop {
        let call = match run.poll() {
            Step::Finished => return Ending::Ended,
            Step::Waiting => return Ending::Waiting,
            Step::Call(call) => call,
        };
        if host.stopped() {
            return Ending::Stopped;
        }
        let text = host.call(&call).await;
        // Stopping cuts the call short: its reply is not the handler's.
        if host.stopped() {
            return Ending::Stopped;
        }
        let reply = reply_of(&text);
        // Both fail only for a call that is not outstanding, and this one is.
        let _ = match reply {
            Ok(reply) => run.reply(call.id, reply),
            Err(problem) => run.reply_malformed(call.id, &problem),
        };
        calls += 1;
        if calls.is_multiple_of(CALLS_PER_TURN) {
            host.turn().await;
        }
    }
}

/// A reply as the mock runtime's JSON text, read; `Err` says why it is not one.
pub fn reply_of(text: &str) -> Result<HandlerReply, String> {
    Value::parse(text).map_err(|e| e.to_string()).and_then(|v| HandlerReply::from_json(&v))
}

#[cfg(test)]
pub(crate) mod tests {
    use std::future::Future;
    use std::pin::pin;
    use std::rc::Rc;
    use std::task::{Context, Poll, Waker};

    use super::*;
    use crate::asl::definition;
    use crate::asl::exec::{ExecutionOptions, Status};
    use crate::integrations::RunOptions;

    /// Answers every call with `reply`; stops after `stop_after` calls.
    struct Scripted {
        reply: &'static str,
        keys: Vec<String>,
        stop_after: usize,
        turns: usize,
    }

    impl Host for Scripted {
        async fn call(&mut self, call: &HandlerCall) -> String {
            self.keys.push(call.key.clone());
            self.reply.to_owned()
        }
        async fn turn(&mut self) {
            self.turns += 1;
        }
        fn stopped(&self) -> bool {
            self.keys.len() >= self.stop_after
        }
    }

    /// Polls a future that never waits (the test hosts answer at once).
    pub(crate) fn now<T>(future: impl Future<Output = T>) -> T {
        match pin!(future).poll(&mut Context::from_waker(Waker::noop())) {
            Poll::Ready(value) => value,
            Poll::Pending => panic!("a test host never waits"),
        }
    }

    fn start(text: &str, keys: &[&str]) -> Run {
        let machine = Rc::new(definition::parse(text).unwrap());
        let options = RunOptions {
            execution: ExecutionOptions::default(),
            handler_keys: keys.iter().map(|k| k.to_string()).collect(),
            ..RunOptions::default()
        };
        Run::new(machine, Value::parse(r#"{"who":"you"}"#).unwrap(), options, None).unwrap()
    }

    fn host(reply: &'static str, stop_after: usize) -> Scripted {
        Scripted { reply, keys: Vec::new(), stop_after, turns: 0 }
    }

    #[test]
    fn calls_are_answered_until_the_execution_ends() {
        let mut run = start(
            r#"{"StartAt":"Hello","States":{"Hello":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:f","End":true}}}"#,
            &["Hello"],
        );
        let mut host = host(r#"{"ok":true,"json":"{\"statusCode\":200}"}"#, usize::MAX);
        assert_eq!(now(drive(&mut run, &mut host)), Ending::Ended);
        assert_eq!(host.keys, ["Hello"]);
        assert_eq!(run.execution().status(), &Status::Succeeded(Value::parse(r#"{"statusCode":200}"#).unwrap()));
    }

    #[test]
    fn a_reply_that_is_not_json_fails_the_task() {
        let mut run = start(
            r#"{"StartAt":"Hello","States":{"Hello":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:f","End":true}}}"#,
            &["Hello"],
        );
        assert_eq!(now(drive(&mut run, &mut host("garbage", usize::MAX))), Ending::Ended);
        assert_eq!(run.execution().status().word(), "FAILED");
    }

    #[test]
    fn an_endless_loop_of_tasks_gives_turns_and_can_be_stopped() {
        let mut run = start(
            r#"{"StartAt":"Tick","States":{
               "Tick":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:f","ResultPath":"$.stop","Next":"Wait"},
               "Wait":{"Type":"Wait","Seconds":1,"Next":"Again?"},
               "Again?":{"Type":"Choice","Choices":[{"Variable":"$.stop","BooleanEquals":true,"Next":"Done"}],"Default":"Tick"},
               "Done":{"Type":"Succeed"}}}"#,
            &["Tick"],
        );
        let mut host = host(r#"{"ok":true,"json":"false"}"#, 500);
        assert_eq!(now(drive(&mut run, &mut host)), Ending::Stopped);
        assert_eq!(host.keys.len(), 500);
        assert!(host.turns >= 4, "{} turns", host.turns);
        assert_eq!(run.execution().status(), &Status::Running);
    }

    #[test]
    fn a_callback_nobody_sends_leaves_the_run_waiting() {
        let mut run = start(
            r#"{"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
               "Parameters":{"QueueUrl":"q","MessageBody":{"token.$":"$$.Task.Token"}},"End":true}}}"#,
            &["Ask"],
        );
        assert_eq!(now(drive(&mut run, &mut host(r#"{"ok":true,"nothing":true}"#, usize::MAX))), Ending::Waiting);
    }

    #[test]
    fn a_mock_completing_an_unknown_token_is_told_invalid_token() {
        let mut run = start(
            r#"{"StartAt":"Hello","States":{"Hello":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:f","End":true}}}"#,
            &["Hello"],
        );
        let reply = r#"{"ok":true,"json":"1","effects":[{"atMs":0,"kind":"success","token":"made-up","output":"{}"}]}"#;
        assert_eq!(now(drive(&mut run, &mut host(reply, usize::MAX))), Ending::Ended);
        assert_eq!(run.execution().status(), &Status::Succeeded(Value::int(1)));
        let notes: Vec<&str> = run.notes().iter().map(|n| n.message.as_str()).collect();
        assert_eq!(notes, ["The mock handler of the Task state 'Hello' called sendTaskSuccess, which AWS refused: InvalidToken: Invalid token"]);
    }
}
