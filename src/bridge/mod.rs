//! The glue between the interpreter core and the browser. The pure parts (choosing a mock
//! handler, locating problems) build everywhere and are tested natively; the parts that call into
//! JavaScript build for wasm32 only.

pub mod bench;
pub mod call_input;
pub mod callbacks;
pub mod child_executions;
pub mod driver;
pub mod history;
pub mod journal;
pub mod mock_config;
pub mod outcome;
pub mod problems;
pub mod reply;
pub mod timeline;
pub mod visits;

#[cfg(target_arch = "wasm32")]
pub mod js;
#[cfg(target_arch = "wasm32")]
pub mod panic;
#[cfg(target_arch = "wasm32")]
pub mod regex;
#[cfg(target_arch = "wasm32")]
pub mod session;
#[cfg(target_arch = "wasm32")]
pub mod worker_mocks;
