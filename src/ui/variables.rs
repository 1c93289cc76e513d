//! The workflow variables a frame sees at a point of a recorded run, rebuilt from the
//! `assignedVariables` of the StateExited events: a frame sees its own and, beneath them, those of
//! the frames it runs in; what a Map iteration or Parallel branch assigns stays inside it.

use std::collections::BTreeMap;

use crate::asl::json::Value;
use crate::bridge::timeline::{recorded, Timeline};

/// A variable in scope, and where its value came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Variable {
    pub name: String,
    pub value: Value,
    /// The state that last assigned it, and the id of that StateExited event.
    pub state: String,
    pub event: i64,
    /// The frame it lives in.
    pub frame: usize,
}

/// The variables frame `frame` sees after the first `upto` events, by name.
pub fn in_scope(t: &Timeline, frame: usize, upto: usize) -> Vec<Variable> {
    let mut chain = Vec::new();
    let mut at = Some(frame);
    while let Some(f) = at.filter(|f| *f < t.frames.len()) {
        chain.push(f);
        at = t.frames[f].parent;
    }
    // Each frame's own latest assignments; the innermost frame's shadow the outer ones.
    let mut own: Vec<BTreeMap<String, Variable>> = vec![BTreeMap::new(); chain.len()];
    for i in 0..upto.min(t.len()) {
        let Some(depth) = chain.iter().position(|f| *f == t.frame(i)) else { continue };
        let Some(assigned) = t.details(i).and_then(|d| d.get("assignedVariables")).and_then(|a| a.as_object()) else { continue };
        let state = t.name(i).unwrap_or_default();
        for (name, text) in assigned {
            let value = recorded(text).unwrap_or(Value::Null);
            let variable = Variable { name: name.clone(), value, state: state.to_owned(), event: t.id(i), frame: chain[depth] };
            own[depth].insert(name.clone(), variable);
        }
    }
    let mut seen = BTreeMap::new();
    for scope in own.into_iter().rev() {
        seen.extend(scope);
    }
    seen.into_values().collect()
}

/// The variables as a JSON object, the way paths and templates read them.
pub fn as_object(variables: &[Variable]) -> Value {
    Value::from_pairs(variables.iter().map(|v| (v.name.as_str(), v.value.clone())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bridge::timeline::tests::history;

    const NESTED: &str = r#"{"QueryLanguage":"JSONata","StartAt":"Set","States":{
        "Set":{"Type":"Pass","Assign":{"x":1,"y":"outer"},"Next":"Each"},
        "Each":{"Type":"Map","Items":"{% [10, 20] %}","ItemProcessor":{"StartAt":"Inner","States":{
            "Inner":{"Type":"Pass","Assign":{"y":"{% $states.input %}","z":true},"End":true}}},
          "Next":"Later"},
        "Later":{"Type":"Pass","Assign":{"x":"{% $x + 1 %}"},"End":true}}}"#;

    fn names_and_values(vars: &[Variable]) -> Vec<(String, String, String)> {
        vars.iter().map(|v| (v.name.clone(), v.value.to_json(), v.state.clone())).collect()
    }

    #[test]
    fn inner_assignments_shadow_inside_and_vanish_outside() {
        let t = Timeline::new(history(NESTED, "{}", |x| Ok(x.clone())));
        let inner = t.visits("Inner", t.len());
        let exited = t.visit_events(inner[1], t.len()).last().unwrap();
        let inside = in_scope(&t, t.frame(inner[1]), exited + 1);
        let s = |a: &str, b: &str, c: &str| (a.to_owned(), b.to_owned(), c.to_owned());
        assert_eq!(names_and_values(&inside), [s("x", "1", "Set"), s("y", "20", "Inner"), s("z", "true", "Inner")]);
        // The other iteration does not see this one's values.
        let first = in_scope(&t, t.frame(inner[0]), t.len());
        assert_eq!(first.iter().find(|v| v.name == "y").map(|v| v.value.to_json()), Some("10".into()));
        let outside = in_scope(&t, 0, t.len());
        assert_eq!(names_and_values(&outside), [s("x", "2", "Later"), s("y", "\"outer\"", "Set")]);
        assert_eq!(in_scope(&t, 0, 1), []);
        assert_eq!(as_object(&outside).to_json(), r#"{"x":2,"y":"outer"}"#);
    }
}
