//! The history as kept: a long execution records hundreds of thousands of events, so each keeps only
//! what happened and the id it follows. Its own id is its position plus one, and its time comes from
//! the clock's readings, kept once per change (the virtual clock moves far less often than events
//! are recorded, and never back).

use super::chunked::Chunked;
use super::history::{Event, EventKind};

/// The events of an execution, in order.
#[derive(Clone, Debug, Default)]
pub struct History {
    /// What happened.
    kinds: Chunked<EventKind>,
    /// The id of the event each follows, apart from the kinds: beside one, it would take as much
    /// room as its alignment (8 bytes) instead of 4. 32 bits are plenty: four billion events would
    /// take far more memory than a browser tab has.
    previous: Chunked<u32>,
    /// Where the clock moved: the position of the first event at each new time, and the time.
    times: Vec<(usize, i64)>,
}

impl History {
    /// Records an event at `timestamp` (never before the last one's) after event `previous`;
    /// returns its id.
    pub(super) fn push(&mut self, previous: u64, timestamp: i64, kind: EventKind) -> u64 {
        if self.times.last().is_none_or(|&(_, time)| time != timestamp) {
            self.times.push((self.kinds.len(), timestamp));
        }
        self.kinds.push(kind);
        self.previous.push(u32::try_from(previous).unwrap_or(u32::MAX));
        self.kinds.len() as u64
    }

    /// How many events there are.
    pub fn len(&self) -> usize {
        self.kinds.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty()
    }

    /// The event at `index` (its id is `index + 1`).
    pub fn get(&self, index: usize) -> Option<Event<'_>> {
        let (kind, previous) = (self.kinds.get(index)?, self.previous.get(index)?);
        let run = self.times.partition_point(|&(first, _)| first <= index);
        let timestamp = run.checked_sub(1).and_then(|r| self.times.get(r)).map_or(0, |&(_, time)| time);
        Some(Event { id: index as u64 + 1, previous_event_id: u64::from(*previous), timestamp, kind })
    }

    /// The first event.
    pub fn first(&self) -> Option<Event<'_>> {
        self.get(0)
    }

    /// The last event.
    pub fn last(&self) -> Option<Event<'_>> {
        self.get(self.len().checked_sub(1)?)
    }

    /// The events in order.
    pub fn iter(&self) -> Iter<'_> {
        Iter { history: self, range: 0..self.len() }
    }
}

/// The events of a [`History`] in order.
#[derive(Clone)]
pub struct Iter<'a> {
    history: &'a History,
    range: std::ops::Range<usize>,
}

impl<'a> Iterator for Iter<'a> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        self.history.get(self.range.next()?)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.range.size_hint()
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.history.get(self.range.next_back()?)
    }
}

impl ExactSizeIterator for Iter<'_> {}

impl<'a> IntoIterator for &'a History {
    type Item = Event<'a>;
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_positions_and_times_the_clock_readings() {
        let mut history = History::default();
        assert!(history.is_empty() && history.first().is_none() && history.last().is_none());
        let times = [5, 5, 5, 9, 9, 12];
        for (i, time) in times.iter().enumerate() {
            assert_eq!(history.push(i as u64, *time, EventKind::MapStateSucceeded), i as u64 + 1);
        }
        assert_eq!(history.times, [(0, 5), (3, 9), (5, 12)], "one reading per change");
        let read: Vec<(u64, u64, i64)> = history.iter().map(|e| (e.id, e.previous_event_id, e.timestamp)).collect();
        assert_eq!(read, [(1, 0, 5), (2, 1, 5), (3, 2, 5), (4, 3, 9), (5, 4, 9), (6, 5, 12)]);
        assert_eq!(history.iter().rev().map(|e| e.id).collect::<Vec<_>>(), [6, 5, 4, 3, 2, 1]);
        assert_eq!((history.first().map(|e| e.id), history.last().map(|e| e.timestamp)), (Some(1), Some(12)));
        assert_eq!((history.len(), history.get(6)), (6, None));
    }
}
