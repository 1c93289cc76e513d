//! Taking a workflow from the playground to AWS Step Functions: the definition as an AWS SAM
//! template, the graph as SVG, runs as a Step Functions Local mock configuration, and a run's
//! history in AWS's GetExecutionHistory shape ([`history`]). All of it is text the page offers as
//! downloads and `aslplay export` prints.

pub mod mock_config;
pub mod sam;
pub mod svg;

use crate::testcases::Trace;

/// A run's history as AWS's GetExecutionHistory returns it, `{"events": [...]}`, pretty-printed.
pub fn history(trace: &Trace) -> String {
    history_text(&trace.history)
}

/// A history already in AWS's shape, `{"events": [...]}`, as the text of the export.
pub fn history_text(history: &serde_json::Value) -> String {
    serde_json::to_string_pretty(history).unwrap_or_default()
}

#[cfg(test)]
mod tests;
