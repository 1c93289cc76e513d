//! JSONata, the query language of Step Functions states with `"QueryLanguage": "JSONata"`.
//!
//! The semantics are JSONata 2.0.6's, as AWS runs it: without `$eval`, with the functions AWS
//! adds (`$partition`, `$range`, `$hash`, `$random([seed])`, `$uuid`, `$parse`), and without
//! the `??` and `?:` operators of later versions. Parse once with [`parse`], then evaluate the
//! [`Expression`] as often as needed. Evaluation is pure: the time for `$now()` and the
//! randomness come from the [`Environment`], and every evaluation is bounded by a depth and a
//! step budget ([`Limits`]), so it ends with a value or a [`JsonataError`], never a hang or a panic.
//!
//! ```
//! use aslplay::asl::json::Value;
//! use aslplay::asl::jsonata::{parse, Environment, Output};
//! use aslplay::asl::random::Random;
//!
//! let expr = parse("$sum(items.price) * (1 + $tax)").unwrap();
//! let input = Value::parse(r#"{"items":[{"price":10},{"price":5}]}"#).unwrap();
//! let vars = Value::parse(r#"{"tax":0.2}"#).unwrap();
//! let mut random = Random::new(1);
//! let mut env = Environment::new(Some(&input), &vars, &mut random);
//! assert_eq!(expr.evaluate(&mut env).unwrap(), Output::Value(Value::int(18)));
//! ```

mod datetime;
mod error;
mod eval;
mod functions;
pub mod regex_engine;
mod report;
mod syntax;
mod value;

use std::rc::Rc;

use error::ErrorExt;

use crate::asl::json::Value;
use crate::asl::random::Random;

pub use error::JsonataError;
pub use report::{try_expression, Tried};

/// Variables supplied by the host (`$states`, workflow variables), looked up by name without `$`.
pub trait Bindings {
    /// The value of `$name`, if the host defines it.
    fn lookup(&self, name: &str) -> Option<Value>;
}

/// No variables.
impl Bindings for () {
    fn lookup(&self, _: &str) -> Option<Value> {
        None
    }
}

/// An object's members as variables.
impl Bindings for Value {
    fn lookup(&self, name: &str) -> Option<Value> {
        self.get(name).cloned()
    }
}

impl Bindings for crate::asl::json::Map {
    fn lookup(&self, name: &str) -> Option<Value> {
        self.get(name).cloned()
    }
}

/// Bounds on one evaluation. Exceeding either fails with `U1001`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// How deeply evaluation may nest (recursion that is not a tail call counts here).
    pub max_depth: usize,
    /// How many evaluation steps (roughly, nodes evaluated and items produced) in total.
    pub max_steps: u64,
}

impl Default for Limits {
    /// Deep enough for ordinary recursion yet well inside a 1 MiB stack; about a second of work.
    fn default() -> Limits {
        Limits { max_depth: 500, max_steps: 20_000_000 }
    }
}

/// What an evaluation reads from its host.
pub struct Environment<'a> {
    /// The input document (`$` at the start, `$$`); `None` when there is none.
    pub input: Option<&'a Value>,
    /// Variables beyond those the expression binds itself.
    pub bindings: &'a dyn Bindings,
    /// The virtual clock in milliseconds since the epoch, for `$now()` and `$millis()`.
    pub now_ms: i64,
    /// Randomness for `$random()`, `$shuffle()` and `$uuid()`.
    pub random: &'a mut Random,
    /// The depth and step budget of each evaluation.
    pub limits: Limits,
}

impl<'a> Environment<'a> {
    /// An environment at the epoch with the default limits.
    pub fn new(input: Option<&'a Value>, bindings: &'a dyn Bindings, random: &'a mut Random) -> Self {
        Environment { input, bindings, now_ms: 0, random, limits: Limits::default() }
    }
}

/// What an expression produced.
#[derive(Clone, Debug, PartialEq)]
pub enum Output {
    /// A JSON value.
    Value(Value),
    /// Nothing (JSONata's *undefined*): a missing field, an empty sequence.
    Undefined,
    /// A function, which JSON cannot hold.
    Function,
}

impl Output {
    /// The value, if there is one.
    pub fn into_value(self) -> Option<Value> {
        match self {
            Output::Value(v) => Some(v),
            _ => None,
        }
    }
}

/// A parsed expression: immutable, evaluated any number of times.
#[derive(Debug)]
pub struct Expression {
    root: syntax::ast::Node,
    /// The variable name recording each parent (`%`) slot's context.
    labels: Vec<Rc<str>>,
}

/// Parses an expression; syntax errors have `S0xxx` codes.
pub fn parse(source: &str) -> Result<Expression, JsonataError> {
    let (root, labels) = syntax::compile(source).map_err(|e| e.publish())?;
    let labels = labels.into_iter().map(|l| Rc::from(format!("!{l}"))).collect();
    Ok(Expression { root, labels })
}

impl Expression {
    /// Evaluates against the environment's input and variables.
    pub fn evaluate(&self, env: &mut Environment) -> Result<Output, JsonataError> {
        let input = env.input.map_or(value::Val::Undefined, value::from_json);
        let mut ev = eval::Evaluator::new(&self.labels, env.bindings, env.now_ms, env.random, env.limits);
        let result = ev.run(&self.root, input).map_err(|e| e.publish())?;
        if result.is_function() {
            return Ok(Output::Function);
        }
        match value::to_json(&result) {
            Ok(Some(v)) => Ok(Output::Value(v)),
            Ok(None) => Ok(Output::Undefined),
            Err(n) => Err(error::Error::new("D1001").value(value::Val::Num(n)).publish()),
        }
    }
}

#[cfg(test)]
mod tests;
