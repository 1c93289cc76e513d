//! The context object (`$$`): what an execution knows about itself, the current state, the task
//! token and the Map item.

use std::rc::Rc;

use super::frame::Frame;
use super::Execution;
use crate::asl::definition::Kind;
use crate::asl::json::{Map, Value};
use crate::asl::timestamp;

/// The parts of the context object that stay the same for a whole execution (`Execution`,
/// `StateMachine`), built once when it starts.
pub(super) fn base(ex: &Execution) -> Map {
    let o = &ex.options;
    let state_machine_arn = format!("arn:aws:states:{}:{}:stateMachine:{}", o.region, o.account, o.state_machine_name);
    let mut context = Map::default();
    context.insert(
        Rc::from("Execution"),
        Value::from_pairs([
            ("Id", Value::from(ex.execution_arn())),
            ("Input", ex.input.clone()),
            ("StartTime", Value::from(timestamp::format(o.start_time_ms))),
            ("Name", Value::str(&o.name)),
            ("RoleArn", Value::from(ex.role_arn())),
            ("RedriveCount", Value::int(0)),
        ]),
    );
    context.insert(
        Rc::from("StateMachine"),
        Value::from_pairs([("Id", Value::from(state_machine_arn)), ("Name", Value::str(&o.state_machine_name))]),
    );
    context
}

/// The context object for `frame` (or for the execution alone).
pub(super) fn build(ex: &Execution, frame: Option<&Frame>) -> Value {
    let mut context = ex.context_base.clone();
    if let Some(frame) = frame {
        let state = frame.current();
        let mut details = vec![
            ("EnteredTime", Value::from(timestamp::format(frame.in_state.as_ref().map_or(0, |s| s.entered_at)))),
            ("Name", Value::String(state.name.clone())),
        ];
        // AWS gives RetryCount only in the states that can be retried.
        if matches!(state.kind, Kind::Task(_) | Kind::Parallel(_) | Kind::Map(_)) {
            details.push(("RetryCount", Value::int(frame.retry_count() as i64)));
        }
        context.insert(Rc::from("State"), Value::from_pairs(details));
        if let Some(token) = frame.in_state.as_ref().and_then(|s| s.token.as_ref()) {
            context.insert(Rc::from("Task"), Value::from_pairs([("Token", Value::String(token.clone()))]));
        }
    }
    Value::object(context)
}

/// `context` with `Map.Item.Index` and `Map.Item.Value`, as an ItemSelector sees it.
pub(super) fn with_item(mut context: Value, index: usize, item: &Value) -> Value {
    if let Some(map) = context.as_object_mut() {
        let item = Value::from_pairs([("Index", Value::int(index as i64)), ("Value", item.clone())]);
        map.insert(Rc::from("Map"), Value::from_pairs([("Item", item)]));
    }
    context
}
