//! Driving an execution to its end for hosts that answer tasks at once (the CLI, tests, benchmarks):
//! run, answer the requests, and when nothing is left to do, jump the virtual clock to the next timer.

use super::{Execution, Status, TaskRequest};
use crate::asl::error::Failure;
use crate::asl::json::Value;

impl Execution {
    /// Runs until the execution ends or is stuck waiting for tasks `answer` left unanswered
    /// (it returns `None` for a task whose answer must come later, e.g. a human approval).
    pub fn run_to_end(&mut self, mut answer: impl FnMut(&TaskRequest) -> Option<Result<Value, Failure>>) -> &Status {
        loop {
            self.advance();
            // The requests' buffer is given back once answered: a chain of tasks then allocates none.
            let mut requests = std::mem::take(&mut self.requests);
            let answered = requests.iter().fold(false, |any, request| match answer(request) {
                Some(outcome) => self.complete_task(request.id, outcome).is_ok() || any,
                None => any,
            });
            requests.clear();
            self.requests = requests;
            if !matches!(self.status, Status::Running) {
                break;
            }
            if answered {
                continue;
            }
            match self.next_timer() {
                Some(at) => self.advance_to(at),
                None => break,
            }
        }
        self.status()
    }
}
