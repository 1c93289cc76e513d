//! The execution's input, sent to the mock sandbox once instead of with every handler call.
//!
//! Each call's context carries `$$.Execution.Input`, the whole execution input (up to 256 KiB): a
//! Map over the records of its input wrote it out and sent it again for every item, which took most
//! of such a run (a 2,000-item Map over 230 KB: 9 s). The call goes with that member set to `null`
//! in its place, and the input travels only when it is not the one sent before; the sandbox puts it
//! back (`__aslplay.call` in the mock runtime).

use std::rc::Rc;

use crate::asl::json::Value;

/// How a call's execution input travels.
#[derive(Debug, PartialEq)]
pub enum Sent {
    /// The call has none: it goes whole.
    Whole,
    /// The same input as the call before: the sandbox has it.
    Same,
    /// This input, as JSON text.
    New(String),
}

/// The execution input last sent with a call (one per drive of a run).
#[derive(Default)]
pub struct CallInputs {
    last: Option<Value>,
}

impl CallInputs {
    /// Takes the execution input out of `call` (its handler-call JSON) and says how it travels.
    pub fn split(&mut self, call: &mut Value) -> Sent {
        let Some(slot) = execution_input(call) else { return Sent::Whole };
        let input = std::mem::take(slot);
        if self.last.as_ref().is_some_and(|last| same(last, &input)) {
            return Sent::Same;
        }
        let text = input.to_json();
        self.last = Some(input);
        Sent::New(text)
    }
}

/// `context.$$.Execution.Input` of a handler call's JSON.
fn execution_input(call: &mut Value) -> Option<&mut Value> {
    let context = call.as_object_mut()?.get_mut("context")?;
    let dollars = context.as_object_mut()?.get_mut("$$")?;
    let execution = dollars.as_object_mut()?.get_mut("Execution")?;
    execution.as_object_mut()?.get_mut("Input")
}

/// Whether two values are the same one: the engine hands out one shared input per execution, so
/// the pointers tell at once (a scalar input is compared).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Object(a), Value::Object(b)) => Rc::ptr_eq(a, b),
        (Value::Array(a), Value::Array(b)) => Rc::ptr_eq(a, b),
        (Value::Object(_) | Value::Array(_), _) | (_, Value::Object(_) | Value::Array(_)) => false,
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(input: &Value) -> Value {
        let execution = Value::from_pairs([("Id", Value::str("arn:x")), ("Input", input.clone()), ("Name", Value::str("run"))]);
        let context = Value::from_pairs([("stateName", Value::str("T")), ("$$", Value::from_pairs([("Execution", execution)]))]);
        Value::from_pairs([("id", Value::int(1)), ("key", Value::str("f")), ("input", Value::int(7)), ("context", context)])
    }

    #[test]
    fn the_input_goes_once_and_leaves_a_null_in_its_place() {
        let input = Value::parse(r#"{"items":[1,2,3]}"#).unwrap();
        let mut inputs = CallInputs::default();
        let mut first = call(&input);
        assert_eq!(inputs.split(&mut first), Sent::New(r#"{"items":[1,2,3]}"#.into()));
        assert_eq!(first.to_json(), r#"{"id":1,"key":"f","input":7,"context":{"stateName":"T","$$":{"Execution":{"Id":"arn:x","Input":null,"Name":"run"}}}}"#);
        let mut second = call(&input);
        assert_eq!(inputs.split(&mut second), Sent::Same);
        assert_eq!(second, first);
    }

    #[test]
    fn another_input_equal_in_content_goes_again() {
        // A child execution's input is another value, even when it reads the same.
        let mut inputs = CallInputs::default();
        let text = r#"{"a":1}"#;
        assert_eq!(inputs.split(&mut call(&Value::parse(text).unwrap())), Sent::New(text.into()));
        assert_eq!(inputs.split(&mut call(&Value::parse(text).unwrap())), Sent::New(text.into()));
    }

    #[test]
    fn scalar_inputs_are_compared() {
        let mut inputs = CallInputs::default();
        assert_eq!(inputs.split(&mut call(&Value::int(3))), Sent::New("3".into()));
        assert_eq!(inputs.split(&mut call(&Value::int(3))), Sent::Same);
        assert_eq!(inputs.split(&mut call(&Value::str("3"))), Sent::New(r#""3""#.into()));
    }

    #[test]
    fn a_call_without_a_context_object_goes_whole() {
        let mut bare = Value::from_pairs([("id", Value::int(1)), ("context", Value::from_pairs([("stateName", Value::str("T"))]))]);
        let before = bare.clone();
        assert_eq!(CallInputs::default().split(&mut bare), Sent::Whole);
        assert_eq!(bare, before);
    }
}
