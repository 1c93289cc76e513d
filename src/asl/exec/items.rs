//! What each Map iteration receives: the item through ItemSelector, and with an ItemBatcher, the
//! items grouped into batches `{"BatchInput": …, "Items": […]}`.

use super::frame::FrameId;
use super::jsonata::States;
use super::Execution;
use crate::asl::definition::{ItemBatcher, MapState, Payload, Seconds};
use crate::asl::error::Failure;
use crate::asl::json::Value;
use crate::asl::path::Scope;

impl Execution {
    /// Item `index` as the iteration receives it, through ItemSelector if there is one.
    pub(super) fn select_item(&mut self, id: FrameId, map: &MapState, index: usize, item: &Value) -> Result<Value, Failure> {
        let Some(selector) = &map.item_selector else { return Ok(item.clone()) };
        let (raw, effective) = self.frames.get(&id).map(|f| (f.input.clone(), f.effective())).unwrap_or_default();
        let context = super::context::with_item(self.context(id), index, item);
        match selector {
            Payload::Path(template) => {
                let variables = self.variables_of(id);
                let scope = Scope { input: &effective, context: &context, variables: &*variables };
                template.evaluate(&scope, &mut self.random).map_err(|f| self.prefixed(id, f))
            }
            Payload::Jsonata(template) => {
                let states = States { input: Some(&raw), ..States::default() };
                self.jsonata_with_context(id, template, "ItemSelector", states, context)
            }
        }
    }

    /// The items selected and grouped into batches of at most MaxItemsPerBatch items and
    /// MaxInputBytesPerBatch bytes of JSON (always at least one item per batch).
    pub(super) fn batches(&mut self, id: FrameId, map: &MapState, batcher: &ItemBatcher, items: &[Value]) -> Result<Vec<Value>, Failure> {
        let (raw, effective) = self.frames.get(&id).map(|f| (f.input.clone(), f.effective())).unwrap_or_default();
        let max_items = self.batch_limit(id, batcher.max_items.as_ref(), &effective, "MaxItemsPerBatch")?;
        let max_bytes = self.batch_limit(id, batcher.max_bytes.as_ref(), &effective, "MaxInputBytesPerBatch")?;
        let batch_input = match &batcher.batch_input {
            None => None,
            Some(Payload::Path(template)) => Some(self.apply_template(id, template, &effective)?),
            Some(Payload::Jsonata(template)) => Some(self.jsonata(id, template, "BatchInput", States { input: Some(&raw), ..States::default() })?),
        };
        let mut batches = Vec::new();
        let mut current: Vec<Value> = Vec::new();
        let mut bytes = 0;
        for (index, item) in items.iter().enumerate() {
            let selected = self.select_item(id, map, index, item)?;
            let size = selected.json_len() + 1;
            let full = max_items.is_some_and(|n| current.len() >= n) || max_bytes.is_some_and(|n| bytes + size > n);
            if full && !current.is_empty() {
                batches.push(std::mem::take(&mut current));
                bytes = 0;
            }
            bytes += size;
            current.push(selected);
        }
        if !current.is_empty() {
            batches.push(current);
        }
        Ok(batches
            .into_iter()
            .map(|items| {
                let mut batch = Vec::new();
                batch.extend(batch_input.clone().map(|b| ("BatchInput", b)));
                batch.push(("Items", Value::array(items)));
                Value::from_pairs(batch)
            })
            .collect())
    }

    fn batch_limit(&mut self, id: FrameId, limit: Option<&Seconds>, input: &Value, field: &str) -> Result<Option<usize>, Failure> {
        let n = match limit {
            None => return Ok(None),
            Some(Seconds::Fixed(n)) => *n as usize,
            Some(Seconds::Path(p)) => {
                let v = self.read_path(id, p, input)?;
                v.as_i64()
                    .and_then(|n| usize::try_from(n).ok())
                    .ok_or_else(|| self.runtime_error(id, format!("The {field}Path field refers to value \"{v}\" which is not a valid integer: {}", p.text())))?
            }
            Some(Seconds::Jsonata(e)) => self.jsonata_count(id, e, field, input)?,
        };
        Ok(Some(n.max(1)))
    }
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use crate::asl::definition;
    use crate::asl::exec::{Execution, ExecutionOptions, Status};
    use crate::asl::json::Value;

    #[test]
    fn batches_carry_the_batch_input_and_at_most_n_items() {
        let text = r#"{"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
            "StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},
            "ItemSelector":{"v.$":"$$.Map.Item.Value"},
            "ItemBatcher":{"MaxItemsPerBatch":2,"BatchInput":{"tag":"t"}},"End":true}}}"#;
        let machine = Rc::new(definition::parse(text).unwrap());
        let mut ex = Execution::start(machine, Value::parse("[1,2,3]").unwrap(), ExecutionOptions::default());
        ex.run_to_end(|_| None);
        let Status::Succeeded(out) = ex.status() else { panic!("{:?}", ex.status()) };
        assert_eq!(
            out.to_json(),
            r#"[{"BatchInput":{"tag":"t"},"Items":[{"v":1},{"v":2}]},{"BatchInput":{"tag":"t"},"Items":[{"v":3}]}]"#
        );
    }
}
