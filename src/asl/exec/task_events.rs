//! Which history events a task records, by the kind of resource it calls: `LambdaFunction*` for a
//! Lambda function ARN, `Activity*` for an activity, `Task*` for a service integration.

use std::rc::Rc;

use crate::asl::resource::Resource;
use super::history::{ActivityScheduled, LambdaFunctionScheduled, TaskError, TaskOutput, TaskScheduled};
use super::EventKind;
use crate::asl::error::Failure;
use crate::asl::json::Value;

/// What a task is scheduled with.
pub(super) struct Scheduled<'a> {
    pub arn: &'a Rc<str>,
    pub input: &'a Value,
    pub region: &'a str,
    pub timeout: Option<u64>,
    pub heartbeat: Option<u64>,
}

pub(super) fn scheduled(resource: &Resource, s: Scheduled) -> EventKind {
    match resource {
        Resource::LambdaFunction => EventKind::LambdaFunctionScheduled(Box::new(LambdaFunctionScheduled { resource: s.arn.clone(), input: s.input.clone(), timeout_seconds: s.timeout })),
        Resource::Activity => EventKind::ActivityScheduled(Box::new(ActivityScheduled {
            resource: s.arn.clone(),
            input: s.input.clone(),
            timeout_seconds: s.timeout,
            heartbeat_seconds: s.heartbeat,
        })),
        Resource::Service { resource_type, resource, .. } => EventKind::TaskScheduled(Box::new(TaskScheduled {
            resource_type: resource_type.clone(),
            resource: resource.clone(),
            region: Rc::from(s.region),
            parameters: s.input.clone(),
            timeout_seconds: s.timeout,
            heartbeat_seconds: s.heartbeat,
        })),
    }
}

pub(super) fn started(resource: &Resource, activity_worker: &str) -> EventKind {
    match resource {
        Resource::LambdaFunction => EventKind::LambdaFunctionStarted,
        Resource::Activity => EventKind::ActivityStarted { worker_name: Rc::from(activity_worker) },
        Resource::Service { resource_type, resource, .. } => EventKind::TaskStarted { resource_type: resource_type.clone(), resource: resource.clone() },
    }
}

/// `TaskSubmitted`: a `.sync` or `.waitForTaskToken` request was accepted (`None` for the others).
pub(super) fn submitted(resource: &Resource, output: Value) -> Option<EventKind> {
    match resource {
        Resource::Service { resource_type, resource, .. } => {
            Some(EventKind::TaskSubmitted(task_output(resource_type, resource, output)))
        }
        _ => None,
    }
}

pub(super) fn succeeded(resource: &Resource, output: Value) -> EventKind {
    match resource {
        Resource::LambdaFunction => EventKind::LambdaFunctionSucceeded { output },
        Resource::Activity => EventKind::ActivitySucceeded { output },
        Resource::Service { resource_type, resource, .. } => EventKind::TaskSucceeded(task_output(resource_type, resource, output)),
    }
}

pub(super) fn failed(resource: &Resource, failure: &Failure) -> EventKind {
    let (error, cause) = parts(failure);
    match resource {
        Resource::LambdaFunction => EventKind::LambdaFunctionFailed { error, cause },
        Resource::Activity => EventKind::ActivityFailed { error, cause },
        Resource::Service { resource_type, resource, .. } => EventKind::TaskFailed(task_error(resource_type, resource, error, cause)),
    }
}

pub(super) fn timed_out(resource: &Resource, failure: &Failure) -> EventKind {
    let (error, cause) = parts(failure);
    match resource {
        Resource::LambdaFunction => EventKind::LambdaFunctionTimedOut { error, cause },
        Resource::Activity => EventKind::ActivityTimedOut { error, cause },
        Resource::Service { resource_type, resource, .. } => EventKind::TaskTimedOut(task_error(resource_type, resource, error, cause)),
    }
}

fn task_output(resource_type: &Rc<str>, resource: &Rc<str>, output: Value) -> Box<TaskOutput> {
    Box::new(TaskOutput { resource_type: resource_type.clone(), resource: resource.clone(), output })
}

fn task_error(resource_type: &Rc<str>, resource: &Rc<str>, error: Option<Rc<str>>, cause: Option<Rc<str>>) -> Box<TaskError> {
    Box::new(TaskError { resource_type: resource_type.clone(), resource: resource.clone(), error, cause })
}

fn parts(failure: &Failure) -> (Option<Rc<str>>, Option<Rc<str>>) {
    (Some(Rc::from(failure.error.as_str())), failure.cause.as_deref().map(Rc::from))
}
