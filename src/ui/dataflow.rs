//! One visit of a state, as the inspector shows it: each stage of its data flow as AWS defines it,
//! the variables it assigned, its task attempts and its error. The history records some stages
//! (the input, the task's parameters and result, the output); the others are recomputed by
//! applying the state's own fields, with the core's paths and templates, to the recorded values,
//! and are labelled so.

use crate::asl::definition::{Kind, QueryLanguage, State, StateMachine};
use crate::asl::exec::apply_result_path;
use crate::asl::json::Value;
use crate::asl::path::{Path, Scope};
use crate::asl::random::Random;
use crate::asl::template::Template;
use crate::bridge::timeline::{recorded, Scope as FrameScope, Timeline};
use crate::ui::variables::{as_object, in_scope};

/// Where a stage's value comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    /// Read from the history event with this id.
    Recorded(i64),
    /// Computed here from the recorded values and the state's fields.
    Recomputed,
    /// Written in the definition (a Pass state's `Result`).
    Definition,
    /// The state has no such field: the value is the previous stage's.
    Unchanged,
    /// A Map's or Parallel's result, gathered from the outputs its iterations or branches recorded
    /// (this many of them).
    Gathered(usize),
}

/// One stage of the data flow.
#[derive(Clone, Debug, PartialEq)]
pub struct Stage {
    pub label: &'static str,
    pub value: Result<Value, String>,
    pub source: Source,
}

/// One call of the task's service (one attempt when it is retried).
#[derive(Clone, Debug, PartialEq)]
pub struct Attempt {
    pub resource: Option<String>,
    pub input: Option<Value>,
    /// The result, or the error and cause; `None` while it has not answered.
    pub answer: Option<Result<Value, (String, String)>>,
    /// Virtual milliseconds from scheduled to answered.
    pub took_ms: Option<i64>,
    /// Virtual milliseconds from this attempt's failure to the next attempt (the retry's wait).
    pub wait_ms: Option<i64>,
}

/// What the inspector shows of one visit.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Inspection {
    pub language: Option<QueryLanguage>,
    pub stages: Vec<Stage>,
    /// The variables the state assigned (recorded).
    pub assigned: Vec<(String, Value)>,
    pub attempts: Vec<Attempt>,
    /// The state's error and cause, and whether a Catch took it.
    pub error: Option<(String, String, bool)>,
    /// Remarks: a definition that no longer has the state, recomputed stages that disagree with
    /// the recorded output.
    pub notes: Vec<String>,
}

/// The state called `name` anywhere in `machine` (inside Parallel branches and Map processors too).
pub fn find_state<'m>(machine: &'m StateMachine, name: &str) -> Option<&'m State> {
    machine.state(name).or_else(|| {
        machine.states.iter().find_map(|s| match &s.kind {
            Kind::Parallel(p) => p.branches.iter().find_map(|b| find_state(b, name)),
            Kind::Map(m) => find_state(&m.processor, name),
            _ => None,
        })
    })
}

/// The visit entered at event `entered`, as far as the first `upto` events go; `machine` is the
/// definition that ran (`None` when it cannot be read: only recorded stages are shown).
pub fn inspect(t: &Timeline, machine: Option<&StateMachine>, entered: usize, upto: usize) -> Inspection {
    if entered >= t.len() {
        return Inspection::default();
    }
    let name = t.name(entered).unwrap_or_default();
    let state = machine.and_then(|m| find_state(m, name));
    let mut ins = Inspection { language: state.map(|s| s.language), ..Inspection::default() };
    if state.is_none() {
        ins.notes.push(format!("The definition that ran has no state \"{name}\" it can read: only the recorded values are shown."));
    }
    let events: Vec<usize> = t.visit_events(entered, upto).collect();
    let value_of = |i: usize, key: &str| t.details(i).and_then(|d| d.get(key)).and_then(recorded);
    let input = value_of(entered, "input").unwrap_or(Value::Null);
    let exited = events.iter().copied().find(|&i| t.kind(i).ends_with("StateExited"));
    let output = exited.and_then(|i| value_of(i, "output").map(|v| (i, v)));
    ins.attempts = attempts(t, &events);
    ins.error = error(t, &events, exited.is_some());
    if let Some(assigned) = exited.and_then(|i| t.details(i)?.get("assignedVariables")?.as_object()) {
        ins.assigned = assigned.iter().map(|(k, v)| (k.clone(), recorded(v).unwrap_or(Value::Null))).collect();
    }
    let scheduled = ins.attempts.first().and_then(|a| a.input.clone()).zip(scheduled_id(t, &events));
    let result = ins.attempts.iter().rev().find_map(|a| match &a.answer {
        Some(Ok(v)) => Some(v.clone()),
        _ => None,
    });
    let result = result.zip(answered_id(t, &events)).map(|(v, id)| (v, Source::Recorded(id)));
    let result = result.or_else(|| gathered(t, state?, entered, exited?).map(|(n, v)| (v, Source::Gathered(n))));
    let recorded_stage = |label, (id, v): (i64, Value)| Stage { label, value: Ok(v), source: Source::Recorded(id) };
    ins.stages.push(recorded_stage("Input", (t.id(entered), input.clone())));
    let jsonpath = state.is_some_and(|s| s.language == QueryLanguage::JsonPath);
    if let (true, Some(s)) = (jsonpath, state) {
        let variables = as_object(&in_scope(t, t.frame(entered), entered));
        let flow = JsonPathFlow { state: s, variables: &variables, caught: ins.error.as_ref().is_some_and(|e| e.2) };
        let computed = flow.stages(&input, scheduled.map(|(v, id)| (id, v)), result, &mut ins.stages);
        if let (Some(Ok(computed)), Some((_, recorded))) = (computed, &output) {
            if computed != *recorded {
                ins.notes.push("The recomputed output differs from the recorded one: the state reads the context object or random intrinsic functions, or the definition changed since the run.".into());
            }
        }
        // A Catch's ResultPath places the error output, which AWS builds from the error and cause.
        if let (Some((error, cause, true)), Some(id)) = (&ins.error, failed(t, &events)) {
            let output = Value::from_pairs([("Error", Value::str(error)), ("Cause", Value::str(cause))]);
            ins.stages.push(recorded_stage("Error output", (t.id(id), output)));
        }
    } else {
        if let Some((v, id)) = scheduled {
            ins.stages.push(recorded_stage("Arguments", (id, v)));
        }
        if let Some((v, source)) = result {
            ins.stages.push(Stage { label: "Result", value: Ok(v), source });
        }
    }
    if let Some((i, v)) = output {
        ins.stages.push(recorded_stage("Output", (t.id(i), v)));
    }
    ins
}

/// The JSONPath stages of a state: InputPath, Parameters, the result, ResultSelector, ResultPath,
/// OutputPath.
struct JsonPathFlow<'a> {
    state: &'a State,
    variables: &'a Value,
    caught: bool,
}

impl JsonPathFlow<'_> {
    /// Pushes the stages before the output onto `stages`; gives the recomputed output, if every
    /// stage before it could be computed.
    fn stages(&self, raw: &Value, scheduled: Option<(i64, Value)>, result: Option<(Value, Source)>, stages: &mut Vec<Stage>) -> Option<Result<Value, String>> {
        let s = self.state;
        let effective = match &s.input_path {
            Some(p) if p.is_root() => unchanged("After InputPath", raw, stages),
            Some(p) => self.push(stages, "After InputPath", self.select(p, raw), Source::Recomputed),
            None => self.push(stages, "After InputPath", Ok(Value::empty_object()), Source::Recomputed),
        };
        let (parameters, result_selector, result_path) = match &s.kind {
            Kind::Pass(p) => (p.parameters.as_ref(), None, Some(&p.result_path)),
            Kind::Task(t) => (t.parameters.as_ref(), t.result_selector.as_ref(), Some(&t.result_path)),
            Kind::Parallel(p) => (p.parameters.as_ref(), p.result_selector.as_ref(), Some(&p.result_path)),
            Kind::Map(m) => (None, m.result_selector.as_ref(), Some(&m.result_path)),
            _ => (None, None, None),
        };
        let effective = match (scheduled, parameters) {
            (Some((id, v)), _) => self.push(stages, "After Parameters (task input)", Ok(v), Source::Recorded(id)),
            (None, Some(template)) => {
                let value = effective.and_then(|input| self.evaluate(template, &input));
                self.push(stages, "After Parameters", value, Source::Recomputed)
            }
            (None, None) => unchanged_result("After Parameters", effective, stages),
        };
        let Some(result_path) = result_path else { return Some(effective.map(|v| self.output_path(&v))) };
        if self.caught {
            return None;
        }
        let result = match (&s.kind, result) {
            (_, Some((v, source))) => self.push(stages, "Result", Ok(v), source),
            (Kind::Pass(p), None) => match &p.result {
                Some(v) => self.push(stages, "Result", Ok(v.clone()), Source::Definition),
                None => effective,
            },
            (_, None) => return None,
        };
        let selected = match result_selector {
            Some(template) => {
                let value = result.and_then(|r| self.evaluate(template, &r));
                self.push(stages, "After ResultSelector", value, Source::Recomputed)
            }
            None => unchanged_result("After ResultSelector", result, stages),
        };
        let merged = selected.and_then(|r| apply_result_path(result_path, raw.clone(), r).map_err(|f| f.cause.unwrap_or(f.error)));
        let merged = self.push(stages, "After ResultPath", merged, Source::Recomputed);
        Some(merged.map(|v| self.output_path(&v)))
    }

    fn output_path(&self, value: &Value) -> Value {
        match &self.state.output_path {
            Some(p) => self.select(p, value).unwrap_or(Value::Null),
            None => Value::empty_object(),
        }
    }

    fn select(&self, path: &Path, input: &Value) -> Result<Value, String> {
        let scope = Scope { input, context: &Value::Null, variables: self.variables };
        path.select(&scope).ok_or_else(|| format!("Invalid path '{}' : {}", path.text(), path.missing_reason(&scope)))
    }

    fn evaluate(&self, template: &Template, input: &Value) -> Result<Value, String> {
        if template.reads_context() {
            return Err("Not recomputed: it reads the context object ($$), which the history does not record.".into());
        }
        let scope = Scope { input, context: &Value::Null, variables: self.variables };
        template.evaluate(&scope, &mut Random::new(0)).map_err(|f| f.cause.unwrap_or(f.error))
    }

    fn push(&self, stages: &mut Vec<Stage>, label: &'static str, value: Result<Value, String>, source: Source) -> Result<Value, String> {
        stages.push(Stage { label, value: value.clone(), source });
        value
    }
}

fn unchanged(label: &'static str, value: &Value, stages: &mut Vec<Stage>) -> Result<Value, String> {
    unchanged_result(label, Ok(value.clone()), stages)
}

fn unchanged_result(label: &'static str, value: Result<Value, String>, stages: &mut Vec<Stage>) -> Result<Value, String> {
    stages.push(Stage { label, value: value.clone(), source: Source::Unchanged });
    value
}

/// The result of the Map or Parallel `state` visited at `entered` and exited at `exited`: the output
/// of each iteration (by index) or branch (in order), as its last state recorded it — the history
/// records the combined value nowhere. `None` when some iteration or branch has no output (it
/// failed, or it is a distributed Map's child execution, whose history is its own).
fn gathered(t: &Timeline, state: &State, entered: usize, exited: usize) -> Option<(usize, Value)> {
    let expected = match &state.kind {
        Kind::Parallel(p) => p.branches.len(),
        Kind::Map(m) if !m.distributed => {
            let started = (entered..exited).find(|&i| t.kind(i) == "MapStateStarted" && t.visit(i) == Some(entered))?;
            usize::try_from(t.details(started)?.get("length")?.as_u64()?).ok()?
        }
        _ => return None,
    };
    let (owner, outer) = (t.name(entered)?, t.frame(entered));
    let mut outputs = std::collections::BTreeMap::new();
    for i in (entered + 1..exited).filter(|&i| t.kind(i).ends_with("StateExited")) {
        let frame = &t.frames[t.frame(i)];
        let order = match &frame.scope {
            FrameScope::Iteration { map, index } if map == owner => usize::try_from(*index).ok()?,
            FrameScope::Branch { parallel, index } if parallel == owner => *index,
            _ => continue,
        };
        if frame.parent == Some(outer) {
            // A later state of the same iteration or branch replaces an earlier one's output.
            outputs.insert(order, t.details(i).and_then(|d| d.get("output")).and_then(recorded)?);
        }
    }
    (outputs.len() == expected && outputs.keys().copied().eq(0..expected)).then(|| (expected, Value::array(outputs.into_values().collect())))
}

/// Task events: `TaskScheduled`, `LambdaFunctionSucceeded`, `ActivityTimedOut`, …
fn is_task_event(kind: &str) -> bool {
    ["Task", "LambdaFunction", "Activity"].iter().any(|p| kind.starts_with(p)) && !kind.contains("State")
}

fn scheduled_id(t: &Timeline, events: &[usize]) -> Option<i64> {
    events.iter().find(|&&i| is_task_event(t.kind(i)) && t.kind(i).ends_with("Scheduled")).map(|&i| t.id(i))
}

fn answered_id(t: &Timeline, events: &[usize]) -> Option<i64> {
    events.iter().rev().find(|&&i| is_task_event(t.kind(i)) && t.kind(i).ends_with("Succeeded")).map(|&i| t.id(i))
}

/// Each Scheduled event and what answered it.
fn attempts(t: &Timeline, events: &[usize]) -> Vec<Attempt> {
    let mut attempts: Vec<(Attempt, Option<i64>, Option<i64>)> = Vec::new();
    for &i in events.iter().filter(|&&i| is_task_event(t.kind(i))) {
        let (kind, details) = (t.kind(i), t.details(i));
        let text = |key: &str| details.and_then(|d| d.get(key)).and_then(|v| v.as_str()).unwrap_or_default().to_owned();
        if kind.ends_with("Scheduled") {
            let input = details.and_then(|d| d.get("input").or_else(|| d.get("parameters"))).and_then(recorded);
            let resource = details.and_then(|d| d.get("resource")).and_then(|v| v.as_str()).map(str::to_owned);
            let attempt = Attempt { resource, input, answer: None, took_ms: None, wait_ms: None };
            if let Some(last) = attempts.last_mut() {
                last.0.wait_ms = last.2.zip(t.time(i)).map(|(failed, now)| now - failed);
            }
            attempts.push((attempt, t.time(i), None));
        } else if let Some((attempt, scheduled, answered)) = attempts.last_mut() {
            let answer = if kind.ends_with("Succeeded") {
                Some(Ok(details.and_then(|d| d.get("output")).and_then(recorded).unwrap_or(Value::Null)))
            } else if kind.ends_with("Failed") || kind.ends_with("TimedOut") {
                Some(Err((text("error"), text("cause"))))
            } else {
                None
            };
            if answer.is_some() {
                attempt.answer = answer;
                attempt.took_ms = scheduled.zip(t.time(i)).map(|(s, a)| a - s);
                *answered = t.time(i);
            }
        }
    }
    attempts.into_iter().map(|(a, ..)| a).collect()
}

/// The visit's last event that reports an error.
fn failed(t: &Timeline, events: &[usize]) -> Option<usize> {
    events.iter().rev().copied().find(|&i| ["Failed", "TimedOut", "Aborted"].iter().any(|s| t.kind(i).ends_with(s)))
}

/// The visit's last error (a task's, a Map's or Parallel's, a Fail state's) and whether the state
/// still exited (a Catch took it).
fn error(t: &Timeline, events: &[usize], exited: bool) -> Option<(String, String, bool)> {
    let failed = failed(t, events)?;
    let text = |key: &str| t.details(failed).and_then(|d| d.get(key)).and_then(|v| v.as_str()).unwrap_or_default().to_owned();
    Some((text("error"), text("cause"), exited))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::asl::definition;
    use crate::asl::error::Failure;
    use crate::bridge::timeline::tests::history;

    const ORDER: &str = r#"{"StartAt":"Look Up","States":{"Look Up":{"Type":"Task",
        "Resource":"arn:aws:lambda:us-east-1:1:function:f","InputPath":"$.order",
        "Parameters":{"id.$":"$.id","who.$":"$who"},
        "ResultSelector":{"name.$":"$.name"},"ResultPath":"$.customer","OutputPath":"$.customer",
        "Assign":{"seen.$":"$.name"},"End":true}}}"#;

    fn run(definition: &str, input: &str, answer: impl Fn(&Value) -> Result<Value, Failure>) -> (Timeline, StateMachine) {
        (Timeline::new(history(definition, input, answer)), definition::parse(definition).unwrap())
    }

    fn shown(ins: &Inspection) -> Vec<(&'static str, String, Source)> {
        ins.stages.iter().map(|s| (s.label, s.value.as_ref().map_or_else(|e| format!("error: {e}"), Value::to_json), s.source.clone())).collect()
    }

    #[test]
    fn jsonpath_stages_are_recorded_or_recomputed_from_the_states_fields() {
        let with_vars = ORDER.replace(r#""StartAt":"Look Up","#, r#""StartAt":"Vars","#).replace(
            r#""States":{"#,
            r#""States":{"Vars":{"Type":"Pass","Assign":{"who":"me"},"Next":"Look Up"},"#,
        );
        let (t, machine) = run(&with_vars, r#"{"order":{"id":7}}"#, |_| Ok(Value::parse(r#"{"name":"Ada","tier":"gold"}"#).unwrap()));
        let entered = t.visits("Look Up", t.len())[0];
        let ins = inspect(&t, Some(&machine), entered, t.len());
        let (e, id) = (|s: &str| s.to_owned(), |n| Source::Recorded(n));
        assert_eq!(
            shown(&ins),
            [
                ("Input", e(r#"{"order":{"id":7}}"#), id(4)),
                ("After InputPath", e(r#"{"id":7}"#), Source::Recomputed),
                ("After Parameters (task input)", e(r#"{"id":7,"who":"me"}"#), id(5)),
                ("Result", e(r#"{"name":"Ada","tier":"gold"}"#), id(7)),
                ("After ResultSelector", e(r#"{"name":"Ada"}"#), Source::Recomputed),
                ("After ResultPath", e(r#"{"order":{"id":7},"customer":{"name":"Ada"}}"#), Source::Recomputed),
                ("Output", e(r#"{"name":"Ada"}"#), id(8)),
            ]
        );
        assert_eq!(ins.assigned, [("seen".to_owned(), Value::str("Ada"))]);
        assert_eq!(ins.notes, Vec::<String>::new());
        let attempt = &ins.attempts[0];
        assert_eq!(attempt.input, Some(Value::parse(r#"{"id":7,"who":"me"}"#).unwrap()));
        assert_eq!(attempt.took_ms, Some(0));
        // Before the task answered, the visit shows what had happened so far.
        let early = inspect(&t, Some(&machine), entered, entered + 2);
        assert_eq!(early.stages.len(), 3);
        assert_eq!(early.attempts[0].answer, None);
    }

    #[test]
    fn a_pass_states_parameters_are_recomputed_and_context_reads_are_said_so() {
        let def = r#"{"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"a.$":"$.x","n.$":"$$.State.Name"},"End":true}}}"#;
        let (t, machine) = run(def, r#"{"x":1}"#, |v| Ok(v.clone()));
        let ins = inspect(&t, Some(&machine), 1, t.len());
        assert!(matches!(&ins.stages[2].value, Err(e) if e.contains("context object")), "{:?}", ins.stages[2]);
        let q = r#"{"StartAt":"Q","States":{"Q":{"Type":"Pass","Parameters":{"a.$":"States.ArrayLength($.xs)"},"ResultPath":"$.len","End":true}}}"#;
        let (t, machine) = run(q, r#"{"xs":[1,2]}"#, |v| Ok(v.clone()));
        let ins = inspect(&t, Some(&machine), 1, t.len());
        let labels: Vec<_> = shown(&ins).into_iter().map(|(l, v, _)| format!("{l}={v}")).collect();
        assert_eq!(labels[2], r#"After Parameters={"a":2}"#);
        assert_eq!(labels.last().unwrap(), r#"Output={"xs":[1,2],"len":{"a":2}}"#);
    }

    #[test]
    fn retries_list_each_attempt_with_its_error_and_wait_and_a_caught_error_is_kept() {
        let def = r#"{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:f",
            "Retry":[{"ErrorEquals":["Boom"],"IntervalSeconds":2,"MaxAttempts":1}],
            "Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.err","Next":"Done"}],"End":true},
            "Done":{"Type":"Succeed"}}}"#;
        let (t, machine) = run(def, "{}", |_| Err(Failure::new("Boom", "bad")));
        let ins = inspect(&t, Some(&machine), 1, t.len());
        assert_eq!(ins.attempts.len(), 2);
        assert_eq!(ins.attempts[0].answer, Some(Err(("Boom".into(), "bad".into()))));
        assert_eq!(ins.attempts[0].wait_ms, Some(2000));
        assert_eq!(ins.attempts[1].wait_ms, None);
        assert_eq!(ins.error, Some(("Boom".into(), "bad".into(), true)));
        let error_output = ins.stages.iter().find(|s| s.label == "Error output").map(|s| (s.value.clone(), s.source.clone()));
        assert_eq!(error_output, Some((Ok(Value::parse(r#"{"Error":"Boom","Cause":"bad"}"#).unwrap()), Source::Recorded(8))));
        assert_eq!(ins.stages.last().map(|s| s.value.clone()), Some(Ok(Value::parse(r#"{"err":{"Error":"Boom","Cause":"bad"}}"#).unwrap())));
    }

    #[test]
    fn jsonata_states_show_their_recorded_stages() {
        let def = r#"{"QueryLanguage":"JSONata","StartAt":"T","States":{"T":{"Type":"Task",
            "Resource":"arn:aws:lambda:us-east-1:1:function:f","Arguments":{"n":"{% $states.input.n * 2 %}"},
            "Assign":{"r":"{% $states.result %}"},"Output":{"done":true},"End":true}}}"#;
        let (t, machine) = run(def, r#"{"n":2}"#, |v| Ok(v.clone()));
        let ins = inspect(&t, Some(&machine), 1, t.len());
        let labels: Vec<_> = shown(&ins).into_iter().map(|(l, v, _)| format!("{l}={v}")).collect();
        assert_eq!(labels, [r#"Input={"n":2}"#, r#"Arguments={"n":4}"#, r#"Result={"n":4}"#, r#"Output={"done":true}"#]);
        assert_eq!(ins.assigned, [("r".to_owned(), Value::parse(r#"{"n":4}"#).unwrap())]);
        assert_eq!(ins.language, Some(QueryLanguage::Jsonata));
        let without = inspect(&t, None, 1, t.len());
        assert_eq!(without.stages.len(), 4);
        assert_eq!(without.notes.len(), 1);
        assert_eq!(inspect(&t, Some(&machine), t.len(), t.len()), Inspection::default());
    }

    #[test]
    fn a_maps_and_a_parallels_result_is_gathered_from_their_iterations_and_branches() {
        let map = r#"{"StartAt":"Each","States":{"Each":{"Type":"Map","ItemsPath":"$.xs","ItemProcessor":{
            "StartAt":"Double","States":{"Double":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:f","Next":"Wrap"},
              "Wrap":{"Type":"Pass","Parameters":{"v.$":"$.n"},"End":true}}},
            "ResultSelector":{"count.$":"States.ArrayLength($)","all.$":"$"},"ResultPath":"$.out","End":true}}}"#;
        let double = |v: &Value| Ok(Value::from_pairs([("n", Value::parse(&format!("{}", v.to_json().parse::<i64>().unwrap() * 2)).unwrap())]));
        let (t, machine) = run(map, r#"{"xs":[1,2,3]}"#, double);
        let ins = inspect(&t, Some(&machine), 1, t.len());
        let result = ins.stages.iter().find(|s| s.label == "Result").unwrap();
        assert_eq!(result.value, Ok(Value::parse(r#"[{"v":2},{"v":4},{"v":6}]"#).unwrap()));
        assert_eq!(result.source, Source::Gathered(3));
        assert_eq!(ins.stages.last().unwrap().value, Ok(Value::parse(r#"{"xs":[1,2,3],"out":{"count":3,"all":[{"v":2},{"v":4},{"v":6}]}}"#).unwrap()));
        assert_eq!(ins.notes, Vec::<String>::new(), "the recomputed output is the recorded one");
        // While the iterations run, there is no result yet.
        let exited = (0..t.len()).find(|&i| t.kind(i) == "MapStateExited").unwrap();
        assert!(inspect(&t, Some(&machine), 1, exited).stages.iter().all(|s| s.label != "Result"));

        let parallel = r#"{"StartAt":"Both","States":{"Both":{"Type":"Parallel","Branches":[
            {"StartAt":"A","States":{"A":{"Type":"Pass","Result":"a","End":true}}},
            {"StartAt":"B","States":{"B":{"Type":"Pass","Result":"b","Next":"B2"},"B2":{"Type":"Pass","Result":"b2","End":true}}}],
            "End":true}}}"#;
        let (t, machine) = run(parallel, "{}", |v| Ok(v.clone()));
        let ins = inspect(&t, Some(&machine), 1, t.len());
        let result = ins.stages.iter().find(|s| s.label == "Result").unwrap();
        assert_eq!((result.value.clone(), result.source.clone()), (Ok(Value::parse(r#"["a","b2"]"#).unwrap()), Source::Gathered(2)));
    }
}
