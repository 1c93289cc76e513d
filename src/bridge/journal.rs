//! What a run waiting for callbacks was started from, and the answers the user sent it: enough to
//! run it again to the same point after a reload. The engine is deterministic (virtual time, seeded
//! randomness) and so are the mocks under their seeded runtime, so the same texts driven the same
//! way wait on the same tokens, with the mocks' own state rebuilt by the same calls.

use serde_json::{json, Value as Json};

use crate::asl::json::Value;
use crate::bridge::callbacks::{self, Answer};
use crate::bridge::driver::{drive, Ending, Host};
use crate::integrations::driver::ApiError;
use crate::integrations::Run;

/// A waiting run's sources and the answers sent to it, in order.
#[derive(Clone, Debug, PartialEq)]
pub struct Journal {
    pub definition: String,
    pub input: String,
    pub mocks: String,
    /// The mock configuration's test case it ran, if the mocks are one.
    pub test_case: Option<String>,
    /// Each answer the run took (refused ones change nothing and are not kept), with its token.
    pub answers: Vec<(String, Answer)>,
}

impl Journal {
    pub fn to_json(&self) -> Json {
        let answers: Vec<Json> = self.answers.iter().map(|(token, answer)| answer_json(token, answer)).collect();
        json!({
            "definition": self.definition, "input": self.input, "mocks": self.mocks,
            "testCase": self.test_case, "answers": answers,
        })
    }

    /// Reads what [`to_json`](Journal::to_json) wrote; `None` for anything else.
    pub fn from_json(json: &Json) -> Option<Journal> {
        let text = |key: &str| json.get(key)?.as_str().map(str::to_owned);
        let answers = json.get("answers")?.as_array()?.iter().map(answer_of).collect::<Option<Vec<_>>>()?;
        Some(Journal {
            definition: text("definition")?,
            input: text("input")?,
            mocks: text("mocks")?,
            test_case: text("testCase"),
            answers,
        })
    }
}

fn answer_json(token: &str, answer: &Answer) -> Json {
    match answer {
        Answer::Success(output) => json!({ "token": token, "success": output.to_json() }),
        Answer::Failure { error, cause } => json!({ "token": token, "failure": { "error": error, "cause": cause } }),
        Answer::Heartbeat => json!({ "token": token, "heartbeat": true }),
        Answer::LetTimePass => json!({ "token": token, "letTimePass": true }),
    }
}

fn answer_of(json: &Json) -> Option<(String, Answer)> {
    let token = json.get("token")?.as_str()?.to_owned();
    let answer = if let Some(output) = json.get("success") {
        Answer::Success(Value::parse(output.as_str()?).ok()?)
    } else if let Some(failure) = json.get("failure") {
        let text = |key: &str| failure.get(key)?.as_str().map(str::to_owned);
        Answer::Failure { error: text("error")?, cause: text("cause")? }
    } else if json.get("heartbeat").is_some() {
        Answer::Heartbeat
    } else if json.get("letTimePass").is_some() {
        Answer::LetTimePass
    } else {
        return None;
    };
    Some((token, answer))
}

/// Drives a freshly started `run` to where the journal's answers leave it: driven until it waits,
/// then each answer sent and the run driven again. An answer refused now (the mocks answered
/// otherwise than before) ends the replay with AWS's error.
pub async fn replay(run: &mut Run, answers: &[(String, Answer)], host: &mut impl Host) -> Result<Ending, ApiError> {
    let mut ending = drive(run, host).await;
    for (token, answer) in answers {
        if ending == Ending::Stopped {
            break;
        }
        callbacks::answer(run, token, answer.clone())?;
        ending = drive(run, host).await;
    }
    Ok(ending)
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use super::*;
    use crate::asl::definition;
    use crate::bridge::callbacks::pending;
    use crate::bridge::driver::tests::now;
    use crate::integrations::handler::HandlerCall;
    use crate::integrations::RunOptions;

    /// Two approvals in a row, each a message with a token; the handler of `Prepare` counts its calls.
    const TWO_ASKS: &str = r#"{"StartAt":"Prepare","States":{
        "Prepare":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:f","Next":"First"},
        "First":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
          "Parameters":{"QueueUrl":"https://sqs.us-east-1.amazonaws.com/1/q","MessageBody":{"token.$":"$$.Task.Token"}},
          "ResultPath":"$.first","Next":"Second"},
        "Second":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
          "Parameters":{"QueueUrl":"https://sqs.us-east-1.amazonaws.com/1/q","MessageBody":{"token.$":"$$.Task.Token"}},
          "ResultPath":"$.second","End":true}}}"#;

    /// Answers each call with the number of calls so far.
    #[derive(Default)]
    struct Counting {
        calls: u32,
    }

    impl Host for Counting {
        async fn call(&mut self, _: &HandlerCall) -> String {
            self.calls += 1;
            format!(r#"{{"ok":true,"json":"{{\"calls\":{}}}"}}"#, self.calls)
        }
        async fn turn(&mut self) {}
        fn stopped(&self) -> bool {
            false
        }
    }

    fn start() -> Run {
        let machine = Rc::new(definition::parse(TWO_ASKS).unwrap());
        let options = RunOptions { handler_keys: vec!["Prepare".into()], ..RunOptions::default() };
        let mut run = Run::new(machine, Value::parse("{}").unwrap(), options, None).unwrap();
        run.pause_before_deadlines();
        run
    }

    #[test]
    fn a_replayed_run_waits_where_the_first_one_did() {
        let (mut first, mut host) = (start(), Counting::default());
        assert_eq!(now(drive(&mut first, &mut host)), Ending::Waiting);
        let token = pending(&first)[0].token.clone();
        let answers = vec![(token.clone(), Answer::Success(Value::str("yes")))];
        callbacks::answer(&mut first, &token, answers[0].1.clone()).unwrap();
        assert_eq!(now(drive(&mut first, &mut host)), Ending::Waiting);

        let mut again = start();
        assert_eq!(now(replay(&mut again, &answers, &mut Counting::default())), Ok(Ending::Waiting));
        assert_eq!(again.execution().history_json(), first.execution().history_json());
        assert_eq!(pending(&again), pending(&first));
        assert_eq!(pending(&again).iter().filter(|p| p.open).map(|p| p.state.as_str()).collect::<Vec<_>>(), ["Second"]);
    }

    #[test]
    fn an_answer_the_replayed_run_refuses_ends_the_replay() {
        let answers = vec![("made-up".to_owned(), Answer::Heartbeat)];
        assert_eq!(now(replay(&mut start(), &answers, &mut Counting::default())).unwrap_err().name, "InvalidToken");
    }

    #[test]
    fn a_journal_reads_back_what_it_wrote() {
        let journal = Journal {
            definition: TWO_ASKS.into(),
            input: "{}".into(),
            mocks: "mocks({})".into(),
            test_case: Some("Happy".into()),
            answers: vec![
                ("a".into(), Answer::Success(Value::parse(r#"{"ok":[1,2.5]}"#).unwrap())),
                ("b".into(), Answer::Failure { error: "Rejected".into(), cause: "".into() }),
                ("c".into(), Answer::Heartbeat),
                ("d".into(), Answer::LetTimePass),
            ],
        };
        assert_eq!(Journal::from_json(&journal.to_json()), Some(journal));
        assert_eq!(Journal::from_json(&json!({"definition": "x"})), None);
    }
}
