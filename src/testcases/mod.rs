//! Running a workspace the way tests do: under a scenario (its own input, and mocked responses that
//! answer Tasks before the mock handlers, to inject failures), through the same driver the CLI and
//! the page use, into a [`Trace`] that tests ask questions of. On top of that, a workspace's saved
//! test cases: named scenarios with expectations, run all at once, with the coverage of the graph.
//!
//! Pure: the JavaScript mock handlers run wherever the [`MockHost`] runs them.

pub mod case;
pub mod coverage;
pub mod form;
pub mod host;
pub mod scenario;
pub mod suite;
pub mod trace;
pub mod values;
pub mod workspace;

pub use case::{Expect, TestCase};
pub use coverage::Coverage;
pub use host::{run, Loaded, MockHost, RunProblem};
pub use scenario::Scenario;
pub use suite::{run_all, CaseResult, SuiteReport};
pub use trace::Trace;
pub use workspace::{Ready, Workspace};

#[cfg(test)]
mod tests;
