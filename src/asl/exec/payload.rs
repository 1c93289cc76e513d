//! Limits on the data passed between states: the execution input, each state's output and the
//! variables it assigns, and each task's input and result.
//!
//! - AWS's payload quota, 256 KiB of JSON text (`States.DataLimitExceeded`). Besides matching AWS,
//!   this keeps loops that double their data (a Parallel whose branches each return their input)
//!   from exhausting memory: such a loop fails within a few rounds.
//! - Nesting, at most [`MAX_NESTING`] levels (`States.Runtime`, ours): a loop that wraps its input
//!   (`"Parameters": {"a.$": "$"}`) would otherwise build values too deep to write out or to drop
//!   without overflowing the stack.

use crate::asl::error::{names, Failure};
use crate::asl::json::{Misfit, Value, MAX_NESTING};

/// AWS's payload limit: 256 KiB of JSON text.
pub const MAX_PAYLOAD_BYTES: usize = 256 * 1024;

/// `Ok` when `value` is within the limits, its JSON text at most `max_bytes` long; `what` names it
/// for the cause ("The state 'A' produced an output").
pub(super) fn check(value: &Value, max_bytes: usize, what: impl FnOnce() -> String) -> Result<(), Failure> {
    match value.fits(MAX_NESTING, max_bytes) {
        Ok(()) => Ok(()),
        Err(Misfit::TooDeep) => {
            Err(Failure::new(names::RUNTIME, format!("{} nested more than {MAX_NESTING} levels deep, the most JSON text here may nest.", what())))
        }
        Err(Misfit::TooLarge) => {
            Err(Failure::new(names::DATA_LIMIT_EXCEEDED, format!("{} with a size exceeding the maximum number of bytes service limit.", what())))
        }
    }
}

/// Checks a state's output and assigned variables; `name` is the state's.
pub(super) fn check_output(name: &str, max_bytes: usize, output: &Value, assigned: Option<&Value>) -> Result<(), Failure> {
    check(output, max_bytes, || format!("The state '{name}' produced an output"))?;
    match assigned {
        Some(assigned) => check(assigned, max_bytes, || format!("The state '{name}' assigned variables")),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use super::*;
    use crate::asl::definition;
    use crate::asl::exec::{Execution, ExecutionOptions, Status};

    fn run(text: &str, input: Value) -> Execution {
        let machine = Rc::new(definition::parse(text).unwrap_or_else(|d| panic!("{d:?}")));
        let mut ex = Execution::start(machine, input, ExecutionOptions::default());
        ex.run_to_end(|r| Some(Ok(r.input.clone())));
        ex
    }

    fn failure(ex: &Execution) -> (String, String) {
        match ex.status() {
            Status::Failed(f) => (f.error.clone(), f.cause.clone().unwrap_or_default()),
            other => panic!("not failed: {other:?}"),
        }
    }

    fn big_string() -> Value {
        Value::from("x".repeat(MAX_PAYLOAD_BYTES))
    }

    #[test]
    fn an_execution_input_over_the_limit_fails_the_execution_at_once() {
        let text = r#"{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}"#;
        let ex = run(text, big_string());
        assert_eq!(failure(&ex).0, names::DATA_LIMIT_EXCEEDED);
        assert_eq!(ex.history().len(), 2, "ExecutionStarted, ExecutionFailed");
    }

    #[test]
    fn a_loop_that_doubles_its_data_fails_instead_of_exhausting_memory() {
        let text = r#"{"StartAt":"Double","States":{
            "Double":{"Type":"Parallel","Branches":[
                {"StartAt":"L","States":{"L":{"Type":"Pass","End":true}}},
                {"StartAt":"R","States":{"R":{"Type":"Pass","End":true}}}],"Next":"Again"},
            "Again":{"Type":"Choice","Choices":[{"Variable":"$[0]","IsNull":true,"Next":"Done"}],"Default":"Double"},
            "Done":{"Type":"Succeed"}}}"#;
        let ex = run(text, Value::from("seed"));
        let (error, cause) = failure(&ex);
        assert_eq!(error, names::DATA_LIMIT_EXCEEDED);
        assert!(cause.contains("'Double' produced an output"), "{cause}");
        assert!(ex.history().len() < 500, "{} events", ex.history().len());
    }

    #[test]
    fn a_loop_that_wraps_its_input_fails_before_nesting_too_deep() {
        let text = r#"{"StartAt":"Wrap","States":{
            "Wrap":{"Type":"Pass","Parameters":{"a.$":"$"},"Next":"Again"},
            "Again":{"Type":"Choice","Choices":[{"Variable":"$.stop","IsPresent":true,"Next":"Done"}],"Default":"Wrap"},
            "Done":{"Type":"Succeed"}}}"#;
        let ex = run(text, Value::empty_object());
        let (error, cause) = failure(&ex);
        assert_eq!(error, names::RUNTIME);
        assert!(cause.contains("'Wrap' produced an output nested more than 128 levels deep"), "{cause}");
        // Every value recorded can be written out and read back.
        let json = ex.history_json().to_string();
        assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok());
    }

    #[test]
    fn values_built_deeper_than_the_limit_are_refused_wherever_they_come_from() {
        let mut deep = Value::Null;
        for _ in 0..=MAX_NESTING {
            deep = Value::array(vec![deep]);
        }
        let pass = r#"{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}"#;
        assert_eq!(failure(&run(pass, deep.clone())).0, names::RUNTIME, "execution input");
        let task = r#"{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:111111111111:function:f","End":true}}}"#;
        let machine = Rc::new(definition::parse(task).unwrap());
        let mut ex = Execution::start(machine, Value::Null, ExecutionOptions::default());
        ex.run_to_end(|_| Some(Ok(deep.clone())));
        let (error, cause) = failure(&ex);
        assert_eq!(error, names::RUNTIME);
        assert!(cause.contains("returned a result nested more than"), "{cause}");
    }

    #[test]
    fn task_inputs_and_assigned_variables_over_the_limit_fail_their_state() {
        let half = || Value::from_pairs([("big", Value::from("x".repeat(MAX_PAYLOAD_BYTES / 2)))]);
        let task = r#"{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:111111111111:function:f","Parameters":{"a.$":"$.big","b.$":"$.big"},"End":true}}}"#;
        let (error, cause) = failure(&run(task, half()));
        assert_eq!(error, names::DATA_LIMIT_EXCEEDED);
        assert!(cause.contains("was given an input with a size exceeding"), "{cause}");
        let assign = r#"{"StartAt":"A","States":{"A":{"Type":"Pass","Assign":{"v.$":"$.big","w.$":"$.big"},"OutputPath":null,"End":true}}}"#;
        let (error, cause) = failure(&run(assign, half()));
        assert_eq!(error, names::DATA_LIMIT_EXCEEDED);
        assert!(cause.contains("assigned variables"), "{cause}");
    }
}
