//! `aslplay check <exercise> <workspace-dir> [--format json]`: grades a workspace against an
//! exercise of the tutorial track (by id, `retry`, or folder, `tutorials/07-retry`), as the page's
//! Check button does; `aslplay check --tests <workspace-dir>` runs the workspace's own test cases
//! (`tests.json`); `aslplay check --list` lists the track. Exit 0 when every check or test passes,
//! 1 when one fails, 2 when the workspace or the exercise cannot be used.

use std::path::Path;

use serde_json::json;

use super::args::{read, Args};
use super::js_host::{finish, JsHost, MOCK_LIMIT};
use crate::testcases::{run_all, TestCase, Workspace};
use crate::tutorial::catalog::{self, TRACK};
use crate::tutorial::{grade, Exercise};

const USAGE: &str = "usage: aslplay check <exercise-id-or-dir> <workspace-dir> [--format json]
       aslplay check --tests <workspace-dir> [--format json]
       aslplay check --list";

/// Runs the subcommand.
pub fn main(args: &[String]) -> i32 {
    match check(args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("aslplay check: {message}\n{USAGE}");
            2
        }
    }
}

fn check(args: &[String]) -> Result<i32, String> {
    let args = Args::parse(args, &["format", "tests"], &["list"])?;
    let as_json = match args.value("format") {
        None => false,
        Some("json") => true,
        Some(other) => return Err(format!("--format takes json, not {other}")),
    };
    if args.has("list") {
        for (i, bundled) in TRACK.iter().enumerate() {
            let exercise = bundled.load()?;
            println!("{:2}  {:22} {}", i + 1, exercise.id, exercise.title);
        }
        return Ok(0);
    }
    if let Some(dir) = args.value("tests") {
        return tests(Path::new(dir), as_json);
    }
    let [exercise, workspace] = args.positional.as_slice() else { return Err("check takes an exercise and a workspace folder".into()) };
    let (exercise, title) = load_exercise(exercise)?;
    let workspace = load_workspace(Path::new(workspace))?;
    let report = finish(grade(&exercise, &workspace, &mut JsHost::new(MOCK_LIMIT)))?;
    if as_json {
        println!("{}", serde_json::to_string(&report).map_err(|e| e.to_string())?);
    } else {
        print!("{}", report.to_text(&title));
    }
    Ok(match (&report.problem, report.passed) {
        (Some(_), _) => 2,
        (None, true) => 0,
        (None, false) => 1,
    })
}

/// An exercise by id from the track, or from its folder; with the title to print.
fn load_exercise(name: &str) -> Result<(Exercise, String), String> {
    let path = Path::new(name);
    let (folder, text) = if path.join("exercise.json").is_file() {
        let folder = path.canonicalize().ok().and_then(|p| p.file_name().map(|n| n.to_string_lossy().to_string())).unwrap_or_else(|| name.to_string());
        (folder, read(&path.join("exercise.json").to_string_lossy())?)
    } else {
        let bundled = catalog::find(name).ok_or_else(|| format!("no exercise \"{name}\" in the track, and no folder {name} with an exercise.json"))?;
        (bundled.folder.to_string(), bundled.exercise().to_string())
    };
    let exercise = Exercise::parse(&folder, &text)?;
    let title = format!("{folder}: {}", exercise.title);
    Ok((exercise, title))
}

/// A workspace folder: `definition.asl.json`, and `input.json` and `mocks.js` if there.
pub fn load_workspace(dir: &Path) -> Result<Workspace, String> {
    let definition = dir.join("definition.asl.json");
    if !definition.is_file() {
        return Err(format!("{} has no definition.asl.json", dir.display()));
    }
    let optional = |name: &str| {
        let path = dir.join(name);
        if path.is_file() { read(&path.to_string_lossy()) } else { Ok(String::new()) }
    };
    Ok(Workspace::new(read(&definition.to_string_lossy())?, optional("input.json")?, optional("mocks.js")?))
}

/// Runs the test cases of a workspace folder.
fn tests(dir: &Path, as_json: bool) -> Result<i32, String> {
    let workspace = load_workspace(dir)?;
    let file = dir.join("tests.json");
    let text = read(&file.to_string_lossy())?;
    let cases: Vec<TestCase> = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", file.display()))?;
    let report = finish(run_all(&workspace, &cases, &mut JsHost::new(MOCK_LIMIT)))?;
    if as_json {
        println!("{}", serde_json::to_string(&report).map_err(|e| e.to_string())?);
    } else if let Some(problem) = &report.problem {
        println!("cannot run the tests: {problem}");
    } else {
        for case in &report.cases {
            println!("  {} {}", if case.passed { "✓" } else { "✗" }, case.name);
            for line in case.problem.iter().chain(&case.mismatches) {
                println!("      {line}");
            }
        }
        let c = &report.coverage;
        println!("{} of {} test cases pass", report.cases.iter().filter(|c| c.passed).count(), report.cases.len());
        println!("coverage: {} of {} states, {} of {} transitions", c.states.len(), c.states.len() + c.missed_states.len(), c.transitions.len(), c.transitions.len() + c.missed_transitions.len());
        if !c.missed_states.is_empty() {
            println!("never entered: {}", json!(c.missed_states));
        }
    }
    Ok(if report.problem.is_some() { 2 } else { i32::from(!report.passed()) })
}
