//! Writing a value into a document at a reference path: how ResultPath merges a result into the input.

use super::parse::Selector;
use super::Path;
use crate::asl::json::Value;

/// Returns `target` with `value` placed at `path` (a reference path), creating missing objects on the
/// way; only the containers on the way are copied. `Err` with AWS's cause when the path runs into a
/// value that is not an object (or an array index that is not there).
pub fn set(path: &Path, target: Value, value: Value) -> Result<Value, String> {
    if *path.root() != super::Root::Input || !path.is_definite() {
        return Err(format!("Unable to apply ReferencePath {} to input {}", path.text(), target));
    }
    let mut root = target;
    let mut value = Some(value);
    let steps = path.steps();
    let mut node = &mut root;
    for (i, step) in steps.iter().enumerate() {
        let last = i + 1 == steps.len();
        let slot = match &step.selector {
            Selector::Name(name) => match node.as_object_mut() {
                Some(map) if last => {
                    map.insert(name.clone(), value.take().unwrap_or_default());
                    break;
                }
                Some(map) => Some(map.get_or_insert_with(name.clone(), Value::empty_object)),
                None => None,
            },
            Selector::Index(index) => {
                let items = node.as_array_mut();
                let position = usize::try_from(*index).ok();
                items.zip(position).and_then(|(items, p)| items.get_mut(p))
            }
            _ => None,
        };
        match slot {
            Some(slot) if last => {
                *slot = value.take().unwrap_or_default();
                break;
            }
            Some(slot) => node = slot,
            None => return Err(failure_cause(path, i)),
        }
    }
    if steps.is_empty() {
        return Ok(value.unwrap_or_default());
    }
    Ok(root)
}

fn failure_cause(path: &Path, step: usize) -> String {
    format!("Unable to apply ReferencePath {} to input: the value at step {} is not an object", path.text(), step + 1)
}
