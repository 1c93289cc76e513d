//! The execution player's moves through a history: how fast it plays, where a step, a run to the
//! next state or a run to a breakpoint stops, and the position as the player bar shows it.

use std::collections::BTreeSet;

use crate::bridge::history::EventRow;

/// How fast the player plays.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Speed {
    /// Straight to the end (or the next breakpoint).
    Instant,
    Fast,
    Normal,
    Slow,
}

impl Speed {
    pub const ALL: [Speed; 4] = [Speed::Instant, Speed::Fast, Speed::Normal, Speed::Slow];

    /// The word the speed control shows, and stores.
    pub fn name(self) -> &'static str {
        match self {
            Speed::Instant => "instant",
            Speed::Fast => "fast",
            Speed::Normal => "normal",
            Speed::Slow => "slow",
        }
    }

    /// The speed named `name`.
    pub fn named(name: &str) -> Option<Speed> {
        Speed::ALL.into_iter().find(|s| s.name() == name)
    }

    /// Milliseconds between two moves.
    pub fn interval_ms(self) -> u32 {
        match self {
            Speed::Instant => 0,
            Speed::Fast => 16,
            Speed::Normal => 120,
            Speed::Slow => 500,
        }
    }

    /// Events per move in a history of `len` events: fast plays any history in about five
    /// seconds (300 frames); the others one event at a time.
    pub fn step(self, len: usize) -> usize {
        match self {
            Speed::Instant => len.max(1),
            Speed::Fast => len.div_ceil(300).max(1),
            Speed::Normal | Speed::Slow => 1,
        }
    }
}

/// Where a move forward stopped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stop {
    /// The new position (how many events are shown).
    pub cursor: usize,
    /// It stopped because a breakpoint's state was entered.
    pub hit: bool,
}

/// Moves forward from `cursor` by up to `steps` events, stopping just after an event entering a
/// state of `breakpoints`.
pub fn advance(rows: &[EventRow], cursor: usize, steps: usize, breakpoints: &BTreeSet<String>) -> Stop {
    let end = cursor.saturating_add(steps).min(rows.len());
    let start = cursor.min(end);
    match rows[start..end].iter().position(|r| entered(r).is_some_and(|s| breakpoints.contains(s))) {
        Some(i) => Stop { cursor: start + i + 1, hit: true },
        None => Stop { cursor: end.max(cursor.min(rows.len())), hit: false },
    }
}

/// The position just after the next event entering a state (the end if there is none).
pub fn next_state(rows: &[EventRow], cursor: usize) -> usize {
    (cursor..rows.len()).find(|&i| entered(&rows[i]).is_some()).map_or(rows.len(), |i| i + 1)
}

/// The positions where the player stops for `breakpoints`: just after each entry of one of them.
pub fn stops(rows: &[EventRow], breakpoints: &BTreeSet<String>) -> Vec<usize> {
    if breakpoints.is_empty() {
        return Vec::new();
    }
    let hit = |(i, row): (usize, &EventRow)| entered(row).filter(|s| breakpoints.contains(*s)).map(|_| i + 1);
    rows.iter().enumerate().filter_map(hit).collect()
}

/// The state `row` enters, if it enters one.
fn entered(row: &EventRow) -> Option<&str> {
    row.state.as_deref().filter(|_| row.kind.ends_with("StateEntered"))
}

/// "event 37 / 120 · 00:00:05.2": the position, and the virtual time since the first event.
pub fn position(rows: &[EventRow], cursor: usize) -> String {
    let cursor = cursor.min(rows.len());
    let elapsed = match (rows.first().and_then(|r| r.time), cursor.checked_sub(1).and_then(|i| rows[i].time)) {
        (Some(start), Some(now)) => format!(" · {}", duration(now - start)),
        _ => String::new(),
    };
    format!("event {cursor} / {}{elapsed}", rows.len())
}

/// A virtual duration as `hh:mm:ss.t`, with days in front when there are any (`3d 01:00:00.0`).
pub fn duration(millis: i64) -> String {
    let millis = millis.max(0);
    let tenths = millis / 100;
    let (seconds, tenth) = (tenths / 10, tenths % 10);
    let (days, rest) = (seconds / 86_400, seconds % 86_400);
    let clock = format!("{:02}:{:02}:{:02}.{tenth}", rest / 3600, rest % 3600 / 60, rest % 60);
    if days > 0 {
        format!("{days}d {clock}")
    } else {
        clock
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(kind: &str, state: Option<&str>, seconds: i64) -> EventRow {
        let state = state.map(Into::into);
        EventRow { id: 0, kind: kind.into(), state, details: String::new(), failure: false, time: Some(seconds * 1000) }
    }

    fn history() -> Vec<EventRow> {
        vec![
            row("ExecutionStarted", None, 0),
            row("TaskStateEntered", Some("A"), 0),
            row("TaskScheduled", Some("A"), 0),
            row("TaskStateExited", Some("A"), 5),
            row("TaskStateEntered", Some("B"), 5),
            row("TaskStateExited", Some("B"), 65),
            row("ExecutionSucceeded", None, 65),
        ]
    }

    #[test]
    fn playing_stops_just_after_a_breakpoint_state_is_entered_and_continues_past_it() {
        let rows = history();
        let b: BTreeSet<String> = ["B".to_owned()].into();
        assert_eq!(advance(&rows, 0, 100, &b), Stop { cursor: 5, hit: true });
        assert_eq!(advance(&rows, 5, 100, &b), Stop { cursor: 7, hit: false });
        assert_eq!(advance(&rows, 1, 2, &b), Stop { cursor: 3, hit: false });
        assert_eq!(advance(&rows, 7, 1, &b), Stop { cursor: 7, hit: false });
        assert_eq!(advance(&rows, 0, 100, &BTreeSet::new()), Stop { cursor: 7, hit: false });
    }

    #[test]
    fn the_stops_are_just_after_each_entry_of_a_breakpoint_state() {
        let mut rows = history();
        rows.extend(history());
        let b: BTreeSet<String> = ["A".to_owned(), "B".to_owned()].into();
        assert_eq!(stops(&rows, &b), [2, 5, 9, 12]);
        assert!(stops(&rows, &BTreeSet::new()).is_empty());
        for &stop in &stops(&rows, &b) {
            assert_eq!(advance(&rows, stop - 1, 100, &b), Stop { cursor: stop, hit: true });
        }
    }

    #[test]
    fn next_state_goes_to_the_next_entry_or_the_end() {
        let rows = history();
        assert_eq!(next_state(&rows, 0), 2);
        assert_eq!(next_state(&rows, 2), 5);
        assert_eq!(next_state(&rows, 5), 7);
    }

    #[test]
    fn the_position_shows_the_virtual_time_since_the_start() {
        let rows = history();
        assert_eq!(position(&rows, 4), "event 4 / 7 · 00:00:05.0");
        assert_eq!(position(&rows, 0), "event 0 / 7");
        assert_eq!(position(&[], 0), "event 0 / 0");
        assert_eq!(duration(3 * 86_400_000 + 3_600_000 + 250), "3d 01:00:00.2");
    }

    #[test]
    fn speeds_round_trip_their_names_and_fast_plays_long_histories_in_bigger_steps() {
        assert!(Speed::ALL.iter().all(|&s| Speed::named(s.name()) == Some(s)));
        assert_eq!(Speed::named("warp"), None);
        assert_eq!(Speed::Fast.step(120), 1);
        assert_eq!(Speed::Fast.step(25_000), 84);
        assert_eq!(Speed::Slow.step(25_000), 1);
    }
}
