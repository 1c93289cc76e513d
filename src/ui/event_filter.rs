//! Which rows the events table shows: those of one state, of one event type, and containing a text.

use crate::bridge::history::EventRow;

/// The table's filter; empty fields let every row through.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    pub state: String,
    pub kind: String,
    /// Found, ignoring case, in the type, the state or the details.
    pub text: String,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        self.state.is_empty() && self.kind.is_empty() && self.text.is_empty()
    }

    pub fn matches(&self, row: &EventRow) -> bool {
        let text = self.text.to_lowercase();
        (self.state.is_empty() || row.state.as_deref() == Some(self.state.as_str()))
            && (self.kind.is_empty() || row.kind == self.kind)
            && (text.is_empty()
                || [row.kind.as_str(), row.state.as_deref().unwrap_or_default(), row.details.as_str()]
                    .iter()
                    .any(|s| s.to_lowercase().contains(&text)))
    }
}

/// The distinct values of `key` among `rows`, sorted, for the filter's choices.
pub fn choices<'r>(rows: &'r [EventRow], key: impl Fn(&'r EventRow) -> Option<&'r str>) -> Vec<&'r str> {
    let mut values: Vec<&str> = rows.iter().filter_map(key).collect();
    values.sort_unstable();
    values.dedup();
    values
}

/// `+1.766 s`: the time since the execution started.
pub fn relative(millis: i64) -> String {
    format!("+{}.{:03} s", millis / 1000, millis % 1000)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(kind: &str, state: Option<&str>, details: &str) -> EventRow {
        EventRow { id: 1, kind: kind.into(), state: state.map(Into::into), details: details.into(), failure: false, time: None }
    }

    #[test]
    fn filters_combine_and_text_ignores_case() {
        let rows = [
            row("TaskStateEntered", Some("Charge"), r#"{"input":{"card":"4242"}}"#),
            row("LambdaFunctionFailed", Some("Charge"), r#"{"error":"Payments.Unavailable"}"#),
            row("PassStateEntered", Some("Receipt"), "{}"),
        ];
        let shown = |f: &Filter| rows.iter().filter(|r| f.matches(r)).count();
        assert_eq!(shown(&Filter::default()), 3);
        assert_eq!(shown(&Filter { state: "Charge".into(), ..Filter::default() }), 2);
        assert_eq!(shown(&Filter { state: "Charge".into(), kind: "PassStateEntered".into(), ..Filter::default() }), 0);
        assert_eq!(shown(&Filter { text: "payments.UNAVAILABLE".into(), ..Filter::default() }), 1);
        assert_eq!(shown(&Filter { text: "receipt".into(), ..Filter::default() }), 1);
        assert_eq!(choices(&rows, |r| r.state.as_deref()), ["Charge", "Receipt"]);
        assert_eq!(relative(1766), "+1.766 s");
    }
}
