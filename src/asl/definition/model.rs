//! The typed model of a state machine, as the engine runs it. Transitions are resolved to indexes
//! and every path and template is compiled, so running a state never re-reads the definition JSON.

use std::rc::Rc;

use rustc_hash::FxHashMap;

use crate::asl::choice::Rule;
use crate::asl::json::Value;
use crate::asl::jsonata_template::JsonataTemplate;
use crate::asl::path::Path;
use crate::asl::template::Template;

/// A state machine, or a Parallel branch / Map item processor (same shape: StartAt and States).
#[derive(Debug)]
pub struct StateMachine {
    /// `Comment`.
    pub comment: Option<String>,
    /// Index of the `StartAt` state.
    pub start_at: usize,
    /// The states, in definition order.
    pub states: Vec<State>,
    /// `TimeoutSeconds` of the whole execution (top level only).
    pub timeout_seconds: Option<u64>,
    /// JSON Pointer of this machine in the definition (`""` at the top, `/States/P/Branches/0` …).
    pub pointer: String,
    index: FxHashMap<Rc<str>, usize>,
}

impl StateMachine {
    pub(super) fn new(
        comment: Option<String>,
        start_at: usize,
        states: Vec<State>,
        timeout_seconds: Option<u64>,
        pointer: String,
    ) -> StateMachine {
        let index = states.iter().enumerate().map(|(i, s)| (s.name.clone(), i)).collect();
        StateMachine { comment, start_at, states, timeout_seconds, pointer, index }
    }

    /// The index of the state called `name`.
    pub fn state_index(&self, name: &str) -> Option<usize> {
        self.index.get(name).copied()
    }

    /// The state called `name`.
    pub fn state(&self, name: &str) -> Option<&State> {
        self.state_index(name).map(|i| &self.states[i])
    }
}

/// The query language of a state's values.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum QueryLanguage {
    /// JSONPath: paths, payload templates with `.$` keys, intrinsic functions.
    #[default]
    JsonPath,
    /// JSONata: `{% … %}` expressions with `$states` and the workflow variables.
    Jsonata,
}

/// A value computed in the state's query language (Assign, ItemSelector).
#[derive(Debug)]
pub enum Payload {
    /// A JSONPath payload template.
    Path(Template),
    /// A JSONata value.
    Jsonata(JsonataTemplate),
}

/// One state.
#[derive(Debug)]
pub struct State {
    /// Its name.
    pub name: Rc<str>,
    /// The query language of its values.
    pub language: QueryLanguage,
    /// `Output` (JSONata states): the state's output instead of the default.
    pub output: Option<JsonataTemplate>,
    /// What kind of state it is, with the fields of that kind.
    pub kind: Kind,
    /// `InputPath`: `None` for `null` (the input becomes `{}`); `$` when absent.
    pub input_path: Option<Path>,
    /// `OutputPath`: `None` for `null` (the output becomes `{}`); `$` when absent.
    pub output_path: Option<Path>,
    /// Where to go afterwards (`None` for `End`, Choice, Succeed and Fail).
    pub next: Option<usize>,
    /// `Assign`: workflow variables to set when the state completes.
    pub assign: Option<Payload>,
}

impl State {
    /// The state type as AWS names it in history events (`Pass`, `Task`, …).
    pub fn type_name(&self) -> &'static str {
        self.state_type().name()
    }

    /// The state type (one byte, as history events keep it).
    pub fn state_type(&self) -> StateType {
        match self.kind {
            Kind::Pass(_) => StateType::Pass,
            Kind::Task(_) => StateType::Task,
            Kind::Choice(_) => StateType::Choice,
            Kind::Wait(_) => StateType::Wait,
            Kind::Succeed => StateType::Succeed,
            Kind::Fail(_) => StateType::Fail,
            Kind::Parallel(_) => StateType::Parallel,
            Kind::Map(_) => StateType::Map,
        }
    }
}

/// The type of a state, without its fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StateType {
    Pass,
    Task,
    Choice,
    Wait,
    Succeed,
    Fail,
    Parallel,
    Map,
}

impl StateType {
    /// The type as AWS names it in history events (`Pass`, `Task`, …).
    pub fn name(self) -> &'static str {
        match self {
            StateType::Pass => "Pass",
            StateType::Task => "Task",
            StateType::Choice => "Choice",
            StateType::Wait => "Wait",
            StateType::Succeed => "Succeed",
            StateType::Fail => "Fail",
            StateType::Parallel => "Parallel",
            StateType::Map => "Map",
        }
    }
}

/// The kind-specific part of a state.
#[derive(Debug)]
pub enum Kind {
    /// Pass.
    Pass(Pass),
    /// Task.
    Task(Box<Task>),
    /// Choice.
    Choice(Choice),
    /// Wait.
    Wait(Wait),
    /// Succeed.
    Succeed,
    /// Fail.
    Fail(Fail),
    /// Parallel.
    Parallel(Box<Parallel>),
    /// Map.
    Map(Box<MapState>),
}

/// `ResultPath`: `None` for `null` (discard the result, keep the input); `$` when absent.
pub type ResultPath = Option<Path>;

/// A Pass state. (In JSONata its output is just `Output`.)
#[derive(Debug)]
pub struct Pass {
    /// `Result`: output instead of the input.
    pub result: Option<Value>,
    /// `Parameters`.
    pub parameters: Option<Template>,
    /// `ResultPath`.
    pub result_path: ResultPath,
}

/// A number of seconds given literally or by a reference path.
#[derive(Debug)]
pub enum Seconds {
    /// `TimeoutSeconds` / `HeartbeatSeconds` / `Seconds`.
    Fixed(u64),
    /// `…SecondsPath`.
    Path(Path),
    /// A JSONata expression.
    Jsonata(JsonataTemplate),
}

/// A Task state.
#[derive(Debug)]
pub struct Task {
    /// `Resource`: an ARN.
    pub resource: Rc<str>,
    /// What the ARN calls, read once.
    pub kind: crate::asl::resource::Resource,
    /// `Parameters`.
    pub parameters: Option<Template>,
    /// `Arguments` (JSONata).
    pub arguments: Option<JsonataTemplate>,
    /// `ResultSelector`.
    pub result_selector: Option<Template>,
    /// `ResultPath`.
    pub result_path: ResultPath,
    /// `TimeoutSeconds` / `TimeoutSecondsPath` (AWS's default is 99999999).
    pub timeout: Option<Seconds>,
    /// `HeartbeatSeconds` / `HeartbeatSecondsPath`.
    pub heartbeat: Option<Seconds>,
    /// `Retry`.
    pub retry: Vec<Retrier>,
    /// `Catch`.
    pub catch: Vec<Catcher>,
}

/// A Choice state.
#[derive(Debug)]
pub struct Choice {
    /// `Choices`.
    pub rules: Vec<ChoiceRule>,
    /// `Default`.
    pub default: Option<usize>,
}

/// One element of `Choices`.
#[derive(Debug)]
pub struct ChoiceRule {
    /// When the rule is taken.
    pub test: Test,
    /// `Next`, as a state index.
    pub next: usize,
    /// `Assign` of the rule, when it is taken.
    pub assign: Option<Payload>,
    /// `Output` of the rule (JSONata), when it is taken.
    pub output: Option<JsonataTemplate>,
}

/// What a Choice rule tests.
#[derive(Debug)]
pub enum Test {
    /// A JSONPath comparison over a `Variable`.
    Rule(Rule),
    /// A JSONata `Condition`.
    Condition(JsonataTemplate),
}

/// What a Wait state waits for.
#[derive(Debug)]
pub enum Wait {
    /// `Seconds`.
    Seconds(u64),
    /// `SecondsPath`.
    SecondsPath(Path),
    /// `Timestamp`, as milliseconds since the epoch.
    Timestamp(i64),
    /// `TimestampPath`.
    TimestampPath(Path),
    /// `Seconds` as a JSONata expression.
    SecondsExpr(JsonataTemplate),
    /// `Timestamp` as a JSONata expression.
    TimestampExpr(JsonataTemplate),
}

/// A string given literally or by a path (`Error` / `ErrorPath`, `Cause` / `CausePath`).
#[derive(Debug)]
pub enum Text {
    /// Written in the definition.
    Literal(Rc<str>),
    /// Read from the input.
    Path(Path),
    /// Computed by an intrinsic function (`States.Format(…)`).
    Intrinsic(crate::asl::intrinsics::Intrinsic),
    /// A JSONata expression.
    Jsonata(JsonataTemplate),
}

/// A Fail state.
#[derive(Debug)]
pub struct Fail {
    /// `Error` / `ErrorPath`.
    pub error: Option<Text>,
    /// `Cause` / `CausePath`.
    pub cause: Option<Text>,
}

/// A Parallel state.
#[derive(Debug)]
pub struct Parallel {
    /// `Branches`.
    pub branches: Vec<Rc<StateMachine>>,
    /// `Parameters`.
    pub parameters: Option<Template>,
    /// `Arguments` (JSONata).
    pub arguments: Option<JsonataTemplate>,
    /// `ResultSelector`.
    pub result_selector: Option<Template>,
    /// `ResultPath`.
    pub result_path: ResultPath,
    /// `Retry`.
    pub retry: Vec<Retrier>,
    /// `Catch`.
    pub catch: Vec<Catcher>,
}

/// A Map state.
#[derive(Debug)]
pub struct MapState {
    /// `ItemProcessor` (or the legacy `Iterator`).
    pub processor: Rc<StateMachine>,
    /// Whether `ProcessorConfig.Mode` is `DISTRIBUTED`.
    pub distributed: bool,
    /// `ItemsPath` (`$` when absent).
    pub items_path: Path,
    /// `Items` (JSONata): the items, or an expression giving them.
    pub items: Option<JsonataTemplate>,
    /// `ItemSelector` (or the legacy `Parameters`).
    pub item_selector: Option<Payload>,
    /// `MaxConcurrency` / `MaxConcurrencyPath` (0 = no limit).
    pub max_concurrency: Option<Seconds>,
    /// `ToleratedFailureCount` / `…Path`.
    pub tolerated_failure_count: Option<Seconds>,
    /// `ToleratedFailurePercentage` / `…Path`.
    pub tolerated_failure_percentage: Option<Tolerance>,
    /// `Label`.
    pub label: Option<Rc<str>>,
    /// `ItemBatcher`.
    pub item_batcher: Option<ItemBatcher>,
    /// `ResultSelector`.
    pub result_selector: Option<Template>,
    /// `ResultPath`.
    pub result_path: ResultPath,
    /// `Retry`.
    pub retry: Vec<Retrier>,
    /// `Catch`.
    pub catch: Vec<Catcher>,
}

/// A Map's `ItemBatcher`.
#[derive(Debug)]
pub struct ItemBatcher {
    /// `MaxItemsPerBatch` / `…Path`.
    pub max_items: Option<Seconds>,
    /// `MaxInputBytesPerBatch` / `…Path`.
    pub max_bytes: Option<Seconds>,
    /// `BatchInput`: given to every batch.
    pub batch_input: Option<Payload>,
}

/// `ToleratedFailurePercentage` given literally or by a path.
#[derive(Debug)]
pub enum Tolerance {
    /// A literal percentage.
    Fixed(f64),
    /// `ToleratedFailurePercentagePath`.
    Path(Path),
    /// A JSONata expression.
    Jsonata(JsonataTemplate),
}

/// `JitterStrategy` of a retrier.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Jitter {
    /// No jitter.
    None,
    /// A random delay between 0 and the computed interval.
    Full,
}

/// One element of `Retry`.
#[derive(Debug)]
pub struct Retrier {
    /// `ErrorEquals`.
    pub error_equals: Vec<Rc<str>>,
    /// `IntervalSeconds` (default 1).
    pub interval_seconds: u64,
    /// `MaxAttempts` (default 3; 0 = never retry).
    pub max_attempts: u64,
    /// `BackoffRate` (default 2.0).
    pub backoff_rate: f64,
    /// `MaxDelaySeconds`.
    pub max_delay_seconds: Option<u64>,
    /// `JitterStrategy`.
    pub jitter: Jitter,
}

/// One element of `Catch`.
#[derive(Debug)]
pub struct Catcher {
    /// `ErrorEquals`.
    pub error_equals: Vec<Rc<str>>,
    /// `Next`, as a state index.
    pub next: usize,
    /// `ResultPath`.
    pub result_path: ResultPath,
    /// `Assign`: variables to set from the error output.
    pub assign: Option<Payload>,
    /// `Output` (JSONata): the output instead of the error output.
    pub output: Option<JsonataTemplate>,
}
