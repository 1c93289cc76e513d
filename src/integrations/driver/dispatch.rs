//! Who answers a Task: the static mock test case, then a mock handler, then a built-in service.
//! Patterns decide the rest: `.sync` tasks record the service's acceptance and end when the job or
//! execution does; `.waitForTaskToken` tasks send their message, then wait for the callback.

use super::agenda::{Due, TaskRef};
use super::children::Start;
use super::{Purpose, Queued, Run, DEFAULT_JOB_MS};
use crate::asl::error::{names, Failure};
use crate::asl::exec::{Pattern, TaskRequest};
use crate::asl::json::Value;
use crate::integrations::keys;
use crate::integrations::shape;
use crate::integrations::target::{Kind, Target};

impl Run {
    /// Takes task `request` of execution `exec`.
    pub(super) fn dispatch(&mut self, exec: usize, request: TaskRequest) {
        let task = TaskRef { exec, task: request.id };
        *self.calls.entry((exec, request.state_name.clone())).or_insert(0) += 1;
        if let Some(token) = &request.token {
            self.tokens.insert(token.to_string(), request.state_name.to_string());
            self.deadlines.insert(token.to_string(), super::Deadlines::of(&request, self.now));
        }
        if exec == 0 {
            if let Some(outcome) = self.test_case.as_mut().and_then(|c| c.answer(&request.state_name)) {
                return self.complete(task, outcome);
            }
        }
        let target = Target::of(&request.resource);
        let key = keys::choose(&self.keys, &request.state_name, &request.resource, &request.input).map(str::to_string);
        match target.pattern {
            Pattern::RequestResponse => self.request_response(task, request, target, key),
            Pattern::Sync => self.sync(task, request, target, key),
            Pattern::WaitForTaskToken => self.wait_for_token(task, request, target, key),
        }
    }

    fn request_response(&mut self, task: TaskRef, request: TaskRequest, target: Target, key: Option<String>) {
        if let Some(key) = key {
            let payload = if target.is_lambda_invoke() { invoke_payload(&request.input) } else { request.input.clone() };
            return self.queue.push_back(Queued { task, request, target, key, payload, purpose: Purpose::Task });
        }
        if let Some(outcome) = self.services.call(&target, &request.input, self.now) {
            return self.complete(task, outcome);
        }
        let outcome = match (target.service.as_str(), target.action.as_str()) {
            ("states", "startExecution") | ("sfn", "startExecution") => self.start_execution(task, &target, &request.input, Start::Detached).map(|(response, _)| response),
            ("sfn", "sendTaskSuccess" | "sendTaskFailure" | "sendTaskHeartbeat") if target.sdk => self.sdk_callback(&target.action, &request.input),
            _ => Err(no_handler(&request, &target)),
        };
        self.complete(task, outcome);
    }

    fn sync(&mut self, task: TaskRef, request: TaskRequest, target: Target, key: Option<String>) {
        match (target.service.as_str(), target.action.as_str()) {
            ("batch", "submitJob") => {
                let response = match self.services.call(&target, &request.input, self.now) {
                    Some(Ok(response)) => response,
                    Some(Err(failure)) => return self.complete(task, Err(failure)),
                    None => return self.complete(task, Err(no_handler(&request, &target))),
                };
                let job = response.get("JobId").and_then(Value::as_str).unwrap_or_default().to_string();
                let _ = self.children[task.exec].execution.submit_task(task.task, response);
                match key {
                    Some(key) => {
                        let payload = request.input.clone();
                        self.queue.push_back(Queued { task, request, target, key, payload, purpose: Purpose::Job(job) });
                    }
                    None => self.agenda.add(self.now + DEFAULT_JOB_MS, Due::JobEnd { task, job, started: self.now, end: Ok(None) }),
                }
            }
            ("states", "startExecution") => {
                let v2 = request.resource.ends_with(":2");
                let mode = if key.is_some() { Start::Played } else { Start::Linked(v2) };
                let started = match self.start_execution(task, &target, &request.input, mode) {
                    Ok(started) => started,
                    Err(failure) => return self.complete(task, Err(failure)),
                };
                let (response, described) = started;
                let _ = self.children[task.exec].execution.submit_task(task.task, response);
                if let Some(key) = key {
                    let payload = described.input.clone();
                    self.queue.push_back(Queued { task, request, target, key, payload, purpose: Purpose::Execution(described, v2) });
                }
            }
            _ => match key {
                Some(key) => {
                    let payload = request.input.clone();
                    self.queue.push_back(Queued { task, request, target, key, payload, purpose: Purpose::Task });
                }
                None => self.complete(task, Err(no_handler(&request, &target))),
            },
        }
    }

    fn wait_for_token(&mut self, task: TaskRef, request: TaskRequest, target: Target, key: Option<String>) {
        // The service call that carries the token happens as at AWS; the handler then plays whoever
        // holds the token.
        let sent = if target.is_lambda_invoke() {
            let reply = self.services.reply(self.now);
            Some(Ok(shape::invoke_result(Value::Null, &reply)))
        } else if matches!((target.service.as_str(), target.action.as_str()), ("states", "startExecution")) {
            Some(self.start_execution(task, &target, &request.input, Start::Detached).map(|(response, _)| response))
        } else {
            self.services.call(&target, &request.input, self.now)
        };
        match sent {
            Some(Ok(response)) => {
                let _ = self.children[task.exec].execution.submit_task(task.task, response);
            }
            Some(Err(failure)) => return self.complete(task, Err(failure)),
            None if key.is_none() && target.kind != Kind::Activity => return self.complete(task, Err(no_handler(&request, &target))),
            None => {}
        }
        if let Some(key) = key {
            let payload = if target.is_lambda_invoke() { invoke_payload(&request.input) } else { request.input.clone() };
            self.queue.push_back(Queued { task, request, target, key, payload, purpose: Purpose::Callback });
        }
    }

    /// Ends a task now.
    pub(super) fn complete(&mut self, task: TaskRef, outcome: Result<Value, Failure>) {
        self.agenda.add(self.now, Due::Complete(task, outcome));
    }
}

/// What a handler playing a Lambda function receives through `lambda:invoke`: the `Payload`.
fn invoke_payload(input: &Value) -> Value {
    input.get("Payload").cloned().unwrap_or_else(Value::empty_object)
}

fn no_handler(request: &TaskRequest, target: &Target) -> Failure {
    let keys = keys::candidates(&request.state_name, &request.resource, &request.input);
    let what = if target.kind == Kind::Activity { "activity" } else { "service" };
    Failure::new(
        names::TASK_FAILED,
        format!(
            "No mock handler answers the Task state '{}' (resource {}), and no built-in {what} plays it: register a handler under one of {}",
            request.state_name,
            request.resource,
            keys.iter().map(|k| format!("\"{k}\"")).collect::<Vec<_>>().join(", ")
        ),
    )
}
