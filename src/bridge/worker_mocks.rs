//! The page's [`MockHost`] for graded exercises and test cases: the mock file loads into the same
//! sandboxed worker as a run's (see [`js`]), so a check or a test sees the same history as a run.

use crate::bridge::call_input::CallInputs;
use crate::bridge::driver::reply_of;
use crate::bridge::js;
use crate::bridge::reply;
use crate::bridge::session::MOCK_TIMEOUT_MS;
use crate::integrations::handler::{HandlerCall, HandlerReply, Located};
use crate::integrations::MOCK_RUNTIME;
use crate::testcases::{Loaded, MockHost};

/// Mock handlers run by the page's sandbox.
#[derive(Default)]
pub struct WorkerMocks {
    inputs: CallInputs,
}

impl MockHost for WorkerMocks {
    async fn load(&mut self, source: &str, seed: u64) -> Result<Loaded, Located> {
        // Math.random is seeded from the 64-bit seed folded to 32 bits, as a run seeds it.
        let reply = js::load_mocks(MOCK_RUNTIME, source, (seed ^ (seed >> 32)) as u32).await;
        let loaded = reply::loaded(source, &reply).map_err(|p| Located { message: p.message, line: u32::try_from(p.line).ok(), column: u32::try_from(p.column).ok() })?;
        Ok(Loaded { keys: loaded.keys, setup: loaded.setup })
    }

    async fn call(&mut self, call: &HandlerCall) -> Result<HandlerReply, String> {
        let text = js::call_mock(call, &mut self.inputs, MOCK_TIMEOUT_MS).await;
        reply_of(&text)
    }
}
