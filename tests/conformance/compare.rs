//! Comparing our results with AWS's recordings: JSON equal up to object key order, with the
//! recording tool's redactions (`<ExecArnPart_0idx>`, `date`, …) read as wildcards.

use serde_json::Value as Json;

/// What a case's recording replaced: whether it is redacted at all, and the words its test
/// registered as replacements (the case's `placeholders`, such as `activity_arn`).
#[derive(Default)]
pub struct Redactions {
    pub on: bool,
    pub words: Vec<String>,
}

impl Redactions {
    pub fn of(case: &Json) -> Redactions {
        let words = case["placeholders"].as_array().into_iter().flatten().filter_map(Json::as_str);
        Redactions { on: case["redacted"].as_bool().unwrap_or(false), words: words.map(str::to_string).collect() }
    }

    fn is_placeholder(&self, s: &str) -> bool {
        self.on && (is_placeholder(s) || self.words.iter().any(|w| w == s))
    }
}

/// Whether `actual` matches `expected`, placeholders in expected strings read as wildcards.
pub fn matches(expected: &Json, actual: &Json, r: &Redactions) -> bool {
    match (expected, actual) {
        (Json::String(e), Json::String(a)) => e == a || r.is_placeholder(e) || (r.on && wildcard(e, a)) || is_time_word(e),
        (Json::String(e), _) if r.is_placeholder(e) || is_time_word(e) => true,
        (Json::Array(e), Json::Array(a)) => e.len() == a.len() && e.iter().zip(a).all(|(x, y)| matches(x, y, r)),
        (Json::Object(e), Json::Object(a)) => e.len() == a.len() && e.iter().all(|(k, v)| a.get(k).is_some_and(|w| matches(v, w, r))),
        _ => expected == actual,
    }
}

/// The recording tool replaced every timestamp, even in cases not flagged as redacted, by these words.
fn is_time_word(s: &str) -> bool {
    matches!(s, "date" | "timestamp")
}

fn is_placeholder(s: &str) -> bool {
    // Besides `<…>` tokens, the recording tests registered these words for random numbers and times.
    (s.starts_with('<') && s.ends_with('>') && !s[1..].contains('<'))
        || matches!(s, "date" | "timestamp" | "RandomNumberGenerated" | "start-time" | "entered-time" | "snf_role_arn")
}

/// `pattern` with each `<…>` placeholder (and the words `date` / `timestamp`, which stand for
/// redacted times) matching any text.
fn wildcard(pattern: &str, text: &str) -> bool {
    let mut parts: Vec<String> = Vec::new();
    let mut rest = pattern;
    let mut literal = String::new();
    while let Some(start) = rest.find('<') {
        match rest[start..].find('>') {
            Some(end) => {
                literal.push_str(&rest[..start]);
                parts.push(std::mem::take(&mut literal));
                rest = &rest[start + end + 1..];
            }
            None => break,
        }
    }
    literal.push_str(rest);
    parts.push(literal);
    let parts: Vec<String> = parts
        .into_iter()
        .flat_map(|p| p.split("date").map(str::to_string).collect::<Vec<_>>())
        .collect();
    glob(&parts, text)
}

/// Whether `text` is the parts in order with anything between them.
fn glob(parts: &[String], text: &str) -> bool {
    let (first, rest) = match parts.split_first() {
        Some(x) => x,
        None => return text.is_empty(),
    };
    if !text.starts_with(first.as_str()) {
        return false;
    }
    if rest.is_empty() {
        return text.len() == first.len();
    }
    let remaining = &text[first.len()..];
    (0..=remaining.len()).filter(|i| remaining.is_char_boundary(*i)).any(|i| glob(rest, &remaining[i..]))
}

