//! `aslplay run <definition.json> [--input <file> | --input-json '<json>'] [--mocks <mocks.js>]
//! [--mock-config <file> --test-case <name> [--state-machine <name>]] [--workspace <dir>]
//! [--history] [--services] [--seed N] [--mock-limit-ms N]`: runs an execution with JavaScript mock
//! handlers, static mocks and the built-in services, and prints one JSON object with its outcome
//! (with `--history`, its events and those of its distributed Maps' child executions).

use std::path::Path;
use std::rc::Rc;
use std::time::Duration;

use serde_json::json;

use super::args::{read, Args};
use super::mocks_js::{JsMocks, LoadError};
use super::report;
use crate::asl::definition;
use crate::asl::exec::{ExecutionOptions, Status};
use crate::asl::json::Value;
use crate::bridge::child_executions;
use crate::integrations::workspace::Workspace;
use crate::integrations::{static_mocks, Run, RunOptions, Step};

const USAGE: &str = "usage: aslplay run <definition.json> [--input <file> | --input-json '<json>'] [--mocks <mocks.js>] [--mock-config <file> --test-case <name> [--state-machine <name>]] [--workspace <dir>] [--history] [--services] [--seed N] [--mock-limit-ms N]";

/// How long one handler call may run in real time, unless `--mock-limit-ms` says otherwise (the
/// page allows the same).
const MOCK_LIMIT: Duration = Duration::from_secs(3);

/// Runs the subcommand: exit 0 succeeded, 1 failed, timed out or stuck, 2 unusable definition,
/// mocks or arguments.
pub fn main(args: &[String]) -> i32 {
    match run(args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("aslplay run: {message}\n{USAGE}");
            2
        }
    }
}

fn run(args: &[String]) -> Result<i32, String> {
    let args = Args::parse(
        args,
        &["input", "input-json", "mocks", "mock-config", "test-case", "state-machine", "workspace", "seed", "mock-limit-ms"],
        &["history", "services"],
    )?;
    let [file] = args.positional.as_slice() else { return Err("run takes one definition file".into()) };
    let text = read(file)?;
    let machine = definition::parse(&text).map_err(|d| format!("the definition is not usable:\n{}", report::human(file, &text, &d)))?;
    let input = match (args.value("input"), args.value("input-json")) {
        (Some(_), Some(_)) => return Err("give --input or --input-json, not both".into()),
        (Some(path), None) => parse_json(&read(path)?, path)?,
        (None, Some(json)) => parse_json(json, "--input-json")?,
        (None, None) => Value::empty_object(),
    };
    let test_case = match (args.value("mock-config"), args.value("test-case")) {
        (Some(path), Some(case)) => Some(static_mocks::test_case(&read(path)?, &machine, args.value("state-machine"), case).map_err(|e| format!("{path}: {e}"))?),
        (Some(_), None) => return Err("--mock-config needs --test-case".into()),
        (None, Some(_)) => return Err("--test-case needs --mock-config".into()),
        (None, None) => None,
    };
    let seed = number(&args, "seed")?.unwrap_or(0);
    let limit = number(&args, "mock-limit-ms")?.map_or(MOCK_LIMIT, Duration::from_millis);
    let mocks = match args.value("mocks") {
        Some(path) => {
            let source = read(path)?;
            Some(JsMocks::load(&source, seed, limit).map_err(|e| load_report(path, &source, &e))?)
        }
        None => None,
    };
    let workspace = match args.value("workspace") {
        Some(dir) => workspace(Path::new(dir))?,
        None => Workspace::default(),
    };
    let options = RunOptions {
        execution: ExecutionOptions { seed, ..ExecutionOptions::default() },
        handler_keys: mocks.as_ref().map(|m| m.keys().to_vec()).unwrap_or_default(),
        test_case,
        workspace,
    };
    let setup = mocks.as_ref().and_then(JsMocks::setup);
    let mut run = Run::new(Rc::new(machine), input, options, setup).map_err(|e| format!("setup(...) in the mock file: {e}"))?;
    while let Step::Call(call) = run.poll() {
        let answered = match &mocks {
            Some(m) => match m.call(&call) {
                Ok(reply) => run.reply(call.id, reply),
                Err(problem) => run.reply_malformed(call.id, &problem),
            },
            None => run.reply_malformed(call.id, "no mock file is loaded"),
        };
        answered.map_err(|e| format!("internal: {e}"))?;
    }
    let mocks_file = args.value("mocks").unwrap_or("mocks.js");
    for note in run.notes() {
        let at = match (note.line, note.column) {
            (Some(l), Some(c)) => format!("{mocks_file}:{l}:{c}: "),
            (Some(l), None) => format!("{mocks_file}:{l}: "),
            _ => format!("{mocks_file}: "),
        };
        eprintln!("{at}warning: {}", note.message);
    }
    print_outcome(&run, args.has("history"), args.has("services"));
    Ok(if matches!(run.execution().status(), Status::Succeeded(_)) { 0 } else { 1 })
}

fn print_outcome(run: &Run, history: bool, services: bool) {
    let ex = run.execution();
    let mut result = match ex.status() {
        Status::Succeeded(output) => json!({"status": "SUCCEEDED", "output": output}),
        Status::Failed(f) => json!({"status": "FAILED", "error": (!f.error.is_empty()).then_some(&f.error), "cause": f.cause}),
        Status::TimedOut(f) => json!({"status": "TIMED_OUT", "error": f.error, "cause": f.cause}),
        Status::Running => {
            let pending: Vec<_> = run.pending_tokens().iter().map(|p| json!({"state": p.state, "token": p.token})).collect();
            let cause = if pending.is_empty() {
                "the execution is waiting for a task that nothing will answer"
            } else {
                "the execution is waiting for task tokens that nothing completes: send them with ctx.sendTaskSuccess in a mock handler"
            };
            json!({"status": "RUNNING", "error": "Stuck", "cause": cause, "pendingTokens": pending})
        }
    };
    if !run.notes().is_empty() {
        result["notes"] = run.notes().iter().map(|n| json!({"message": n.message, "line": n.line, "column": n.column})).collect();
    }
    if history {
        result["events"] = ex.history_json()["events"].take();
        // A distributed Map's child executions, each with its own history, as the page lists them.
        let children = child_executions::of(ex);
        if !children.is_empty() {
            result["childExecutions"] = child_executions::to_json(&children, true);
        }
    }
    if services {
        result["services"] = run.services().to_json().to_serde();
    }
    println!("{result}");
}

fn parse_json(text: &str, source: &str) -> Result<Value, String> {
    Value::parse(text).map_err(|e| format!("{source} is not JSON: {e}"))
}

fn number(args: &Args, flag: &str) -> Result<Option<u64>, String> {
    args.value(flag).map(|s| s.parse().map_err(|_| format!("--{flag} takes a whole number, not {s}"))).transpose()
}

/// A mock file's load error like a compiler's: `file:line:col: error: message`, the line and a caret.
fn load_report(path: &str, source: &str, e: &LoadError) -> String {
    let Some(line) = e.line else { return format!("{path}: error: {}", e.message) };
    let column = e.column.unwrap_or(1).max(1) as usize;
    let text = source.lines().nth(line as usize - 1).unwrap_or_default();
    format!("{path}:{line}:{column}: error: {}\n    {text}\n    {}^", e.message, " ".repeat(column - 1))
}

/// The definitions of a workspace folder: `NAME.asl.json` files, and `NAME/definition.asl.json`.
fn workspace(dir: &Path) -> Result<Workspace, String> {
    let mut workspace = Workspace::default();
    let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut paths: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        let (name, file) = match path.file_name().and_then(|n| n.to_str()) {
            Some(n) if n.ends_with(".asl.json") => (n.trim_end_matches(".asl.json").to_string(), path.clone()),
            Some(n) if path.join("definition.asl.json").is_file() => (n.to_string(), path.join("definition.asl.json")),
            _ => continue,
        };
        let shown = file.display().to_string();
        let text = read(&shown)?;
        let machine = definition::parse(&text).map_err(|d| format!("the workspace definition is not usable:\n{}", report::human(&shown, &text, &d)))?;
        workspace.add(&name, Rc::new(machine));
    }
    Ok(workspace)
}
