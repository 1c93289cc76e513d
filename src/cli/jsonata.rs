//! `aslplay jsonata '<expression>' [--input <json file>] [--bindings <json file>]`: evaluates a
//! JSONata expression the way a Step Functions state would and prints one JSON object:
//! `{"result": ...}`, `{"undefined": true}` (also for a function, which JSON cannot hold), or
//! `{"error": {"code", "message", "position"}}`. Exits 0, 0, 1; 2 for unusable arguments or files.

use std::fs;

use crate::asl::json::Value;
use crate::asl::jsonata::{try_expression, Tried};

const USAGE: &str = "usage: aslplay jsonata '<expression>' [--input <json file>] [--bindings <json file of variables>]";

struct Options {
    expression: String,
    input: Option<Value>,
    bindings: Value,
}

fn read_json(path: &str, what: &str) -> Result<Value, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("cannot read {what} file {path}: {e}"))?;
    Value::parse(&text).map_err(|e| format!("{what} file {path} is not JSON: {e}"))
}

fn options(args: &[String]) -> Result<Options, String> {
    let mut expression = None;
    let mut input = None;
    let mut bindings = Value::empty_object();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--input" => {
                let path = rest.next().ok_or("--input needs a file")?;
                input = Some(read_json(path, "input")?);
            }
            "--bindings" => {
                let path = rest.next().ok_or("--bindings needs a file")?;
                bindings = read_json(path, "bindings")?;
                if bindings.as_object().is_none() {
                    return Err(format!("bindings file {path} must hold a JSON object of variables"));
                }
            }
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            text if expression.is_none() => expression = Some(text.to_string()),
            extra => return Err(format!("unexpected argument {extra:?}")),
        }
    }
    let expression = expression.ok_or("missing expression")?;
    Ok(Options { expression, input, bindings })
}

/// Runs the subcommand with the arguments after `jsonata`; returns the exit code.
pub fn main(args: &[String]) -> i32 {
    let options = match options(args) {
        Ok(o) => o,
        Err(message) => {
            eprintln!("aslplay jsonata: {message}\n{USAGE}");
            return 2;
        }
    };
    let tried = try_expression(&options.expression, options.input.as_ref(), &options.bindings);
    let code = if matches!(tried, Tried::Error(_)) { 1 } else { 0 };
    let report = tried.report();
    println!("{}", report.to_json());
    code
}
