//! Retry and Catch: what happens when a state fails.

use std::rc::Rc;

use super::frame::{FrameId, Wake};
use super::Execution;
use crate::asl::definition::{Catcher, Jitter, Kind, Retrier};
use crate::asl::error::{names, Failure};

/// What a failed state does next.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Recovery {
    /// Attempt the state again after this many milliseconds.
    Retry(i64),
    /// Go on through the catcher with this index.
    Catch(usize),
    /// End the frame with the error.
    Fail,
}

impl Execution {
    /// The current state of frame `id` failed: retry it, catch the error, or end the frame with it.
    pub(super) fn fail_state(&mut self, id: FrameId, failure: Failure) {
        let recovery = self.recovery(id, &failure);
        self.recover(id, failure, recovery);
    }

    /// Decides how the current state of frame `id` recovers from `failure`, counting a retry.
    /// `States.Runtime` is neither retried nor caught (AWS fails the execution even when a Catch
    /// names it explicitly).
    pub(super) fn recovery(&mut self, id: FrameId, failure: &Failure) -> Recovery {
        let Some(machine) = self.machine_of(id) else { return Recovery::Fail };
        let Some(state_index) = self.frames.get(&id).map(|f| f.state) else { return Recovery::Fail };
        let (retry, catch, is_task) = handlers(&machine.states[state_index].kind);
        if failure.error == names::RUNTIME {
            return Recovery::Fail;
        }
        if let Some(i) = retry.iter().position(|r| matches(&r.error_equals, failure, is_task)) {
            if let Some(delay_ms) = self.next_retry_delay(id, i, &retry[i]) {
                return Recovery::Retry(delay_ms);
            }
        }
        catch.iter().position(|c| matches(&c.error_equals, failure, is_task)).map_or(Recovery::Fail, Recovery::Catch)
    }

    /// Carries out a recovery decided by [`Execution::recovery`].
    pub(super) fn recover(&mut self, id: FrameId, failure: Failure, recovery: Recovery) {
        let Some(machine) = self.machine_of(id) else { return };
        let Some(state_index) = self.frames.get(&id).map(|f| f.state) else { return };
        let state = &machine.states[state_index];
        let (_, catch, _) = handlers(&state.kind);
        if let Recovery::Retry(delay_ms) = recovery {
            let at = self.now.saturating_add(delay_ms);
            return self.set_timer(at, id, Wake::Retry);
        }
        if let Some(catcher) = match recovery { Recovery::Catch(i) => catch.get(i), _ => None } {
            return self.complete_caught(id, state, catcher, &failure);
        }
        self.end_frame(id, Err(failure))
    }

    /// Counts a retry by retrier `index` and returns its delay in milliseconds, or `None` when the
    /// retrier has no attempts left.
    fn next_retry_delay(&mut self, id: FrameId, index: usize, retrier: &Retrier) -> Option<i64> {
        let frame = self.frames.get_mut(&id)?;
        let retries_used = &mut frame.in_state.as_mut()?.retries_used;
        let used = retries_used.get(index).copied().unwrap_or(0);
        if used >= retrier.max_attempts {
            return None;
        }
        if let Some(slot) = retries_used.get_mut(index) {
            *slot += 1;
        }
        let exponent = i32::try_from(used).unwrap_or(i32::MAX);
        let mut seconds = retrier.interval_seconds as f64 * retrier.backoff_rate.powi(exponent);
        if let Some(max) = retrier.max_delay_seconds {
            seconds = seconds.min(max as f64);
        }
        if retrier.jitter == Jitter::Full {
            seconds *= self.random.next_f64();
        }
        Some((seconds.min(1e12) * 1000.0) as i64)
    }
}

/// The retriers and catchers of a state, and whether it is a Task.
fn handlers(kind: &Kind) -> (&[Retrier], &[Catcher], bool) {
    match kind {
        Kind::Task(t) => (&t.retry, &t.catch, true),
        Kind::Parallel(p) => (&p.retry, &p.catch, false),
        Kind::Map(m) => (&m.retry, &m.catch, false),
        _ => (&[], &[], false),
    }
}

/// Whether `ErrorEquals` matches the failure. `States.ALL` matches all but `States.Runtime` and
/// `States.DataLimitExceeded`; on a Task, `States.TaskFailed` matches all but `States.Timeout`.
fn matches(error_equals: &[Rc<str>], failure: &Failure, is_task: bool) -> bool {
    error_equals.iter().any(|name| match &**name {
        names::ALL => failure.matched_by_all(),
        names::TASK_FAILED if is_task => failure.matched_by_all() && failure.error != names::TIMEOUT,
        other => other == failure.error,
    })
}
