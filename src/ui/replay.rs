//! What the graph shows at one point of an execution: each state's status, how often a task was
//! tried, how far a Map or Parallel has got, how long a waiting state still waits, and the
//! transition just taken. Computed from the history rows up to that point, so the page can step
//! back and forth through a finished run.
//!
//! A [`Replay`] keeps a checkpoint every [`CHECKPOINT`] events, so the snapshot at any event costs
//! at most that many steps however long the history is: scrubbing a 25,000-event run stays smooth.

use std::collections::{HashMap, HashSet};

use crate::asl::graph::Flow;
use crate::asl::json::Value;
use crate::bridge::history::EventRow;

/// Events between two checkpoints.
pub const CHECKPOINT: usize = 512;

/// A state's status, coloured as the AWS console colours it. A state not in the snapshot has not
/// started.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Entered and not yet left.
    Active,
    /// Left normally.
    Succeeded,
    /// Failed (and not caught, as far as the history has got).
    Failed,
    /// Failed, then left through a Catch.
    Caught,
    /// Stopped from outside while it ran: a sibling branch failed, or the execution ended.
    Aborted,
}

impl Status {
    /// The CSS class for the status.
    pub fn class(self) -> &'static str {
        match self {
            Status::Active => "active",
            Status::Succeeded => "succeeded",
            Status::Failed => "failed",
            Status::Caught => "caught",
            Status::Aborted => "aborted",
        }
    }
}

/// How far a Map (iterations) or a Parallel (branches) has got.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Iterations or branches finished, successfully or not.
    pub done: u32,
    /// Of those, the ones that failed.
    pub failed: u32,
    /// How many there are (0 while a Map's item count is not known yet).
    pub total: u32,
}

/// The graph's view of an execution after some of its events.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Snapshot {
    /// The status of every state reached.
    pub status: HashMap<String, Status>,
    /// How many times each task was scheduled (more than one means retries).
    pub attempts: HashMap<String, u32>,
    /// The last transition taken, from one state to the next.
    pub taken: Option<(String, String)>,
    /// Map and Parallel states reached: their iterations or branches done.
    pub progress: HashMap<String, Progress>,
    /// States still running whose next event comes later in virtual time (a Wait, a task waiting
    /// for its callback): how many milliseconds they still wait.
    pub remaining: HashMap<String, i64>,
}

/// Where states sit in the definition: what the replay needs to know beyond the events.
#[derive(Default)]
struct Shape {
    /// The Parallel or Map holding a state, and the branch it is in.
    parent: HashMap<String, (String, usize)>,
    /// States whose exit ends their branch.
    terminal: HashSet<String>,
    /// Every state nested (at any depth) in a Parallel or Map.
    inside: HashMap<String, Vec<String>>,
    /// The number of branches of each Parallel.
    branches: HashMap<String, u32>,
    /// The Map states.
    maps: HashSet<String>,
}

impl Shape {
    fn of(flow: &Flow) -> Shape {
        let mut shape = Shape::default();
        shape.add(flow, None);
        shape
    }

    /// Adds `flow`'s states; returns their names and those of the states nested in them.
    fn add(&mut self, flow: &Flow, parent: Option<(&str, usize)>) -> Vec<String> {
        let mut all = Vec::new();
        for node in &flow.nodes {
            if let Some((group, branch)) = parent {
                self.parent.insert(node.name.clone(), (group.to_owned(), branch));
            }
            if node.terminal {
                self.terminal.insert(node.name.clone());
            }
            match node.kind.as_str() {
                "Parallel" => drop(self.branches.insert(node.name.clone(), node.branches.len() as u32)),
                "Map" => drop(self.maps.insert(node.name.clone())),
                _ => {}
            }
            let nested: Vec<String> =
                node.branches.iter().enumerate().flat_map(|(i, b)| self.add(b, Some((&node.name, i)))).collect();
            all.push(node.name.clone());
            all.extend(nested.iter().cloned());
            if !node.branches.is_empty() {
                self.inside.insert(node.name.clone(), nested);
            }
        }
        all
    }

    /// The Map (or Parallel) an event of a `MapState…` (`ParallelState…`) kind is about. The history
    /// names the state of the event it follows: the group itself, or a state inside it.
    fn group<'a>(&'a self, mut state: &'a str, map: bool) -> Option<&'a str> {
        loop {
            let is = if map { self.maps.contains(state) } else { self.branches.contains_key(state) };
            if is {
                return Some(state);
            }
            state = &self.parent.get(state)?.0;
        }
    }
}

/// The replay's state after some events: the snapshot and what it takes to continue it.
#[derive(Clone, Default)]
struct Tracker {
    snap: Snapshot,
    /// Instances of each state running now (Map iterations run one state several times at once).
    running: HashMap<String, u32>,
    /// The index of each running state's last event.
    last: HashMap<String, usize>,
    /// The state exited last, for the next entry's transition.
    exited: Option<String>,
    /// Each Parallel's branches done.
    branches_done: HashMap<String, HashSet<usize>>,
}

/// An execution's history ready to be shown at any event.
pub struct Replay {
    shape: Shape,
    /// Events between two checkpoints.
    every: usize,
    /// `checkpoints[k]` is the tracker after `k * CHECKPOINT` events.
    checkpoints: Vec<Tracker>,
    /// For each event, the index of the next event of the same state.
    next_of_state: Vec<Option<usize>>,
}

impl Replay {
    /// Prepares the replay of `rows`, the history of a run of a definition drawn as `flow`.
    pub fn new(rows: &[EventRow], flow: &Flow) -> Replay {
        Replay::every(rows, flow, CHECKPOINT)
    }

    fn every(rows: &[EventRow], flow: &Flow, every: usize) -> Replay {
        let shape = Shape::of(flow);
        let mut replay = Replay { shape, every, checkpoints: Vec::new(), next_of_state: vec![None; rows.len()] };
        let mut later: HashMap<&str, usize> = HashMap::new();
        for (i, row) in rows.iter().enumerate().rev() {
            if let Some(state) = row.state.as_deref() {
                replay.next_of_state[i] = later.insert(state, i);
            }
        }
        let mut tracker = Tracker::default();
        for (i, row) in rows.iter().enumerate() {
            if i.is_multiple_of(every) {
                replay.checkpoints.push(tracker.clone());
            }
            replay.apply(&mut tracker, row, i);
        }
        if rows.len().is_multiple_of(every) {
            replay.checkpoints.push(tracker);
        }
        replay
    }

    /// The snapshot after the events `rows[..count]` (`rows` as given to [`Replay::new`]).
    pub fn at(&self, rows: &[EventRow], count: usize) -> Snapshot {
        let count = count.min(rows.len()).min(self.next_of_state.len());
        let k = (count / self.every).min(self.checkpoints.len().saturating_sub(1));
        let Some(mut tracker) = self.checkpoints.get(k).cloned() else { return Snapshot::default() };
        for (i, row) in rows.iter().enumerate().take(count).skip(k * self.every) {
            self.apply(&mut tracker, row, i);
        }
        let now = count.checked_sub(1).and_then(|i| rows[i].time);
        for (state, &i) in &tracker.last {
            let next = self.next_of_state[i].and_then(|j| rows[j].time);
            if let (Some(next), Some(now)) = (next, now) {
                if next > now && tracker.running.contains_key(state) {
                    tracker.snap.remaining.insert(state.clone(), next - now);
                }
            }
        }
        tracker.snap
    }

    fn apply(&self, t: &mut Tracker, row: &EventRow, index: usize) {
        let kind = row.kind.as_str();
        if matches!(kind, "ExecutionFailed" | "ExecutionTimedOut" | "ExecutionAborted") {
            let running: Vec<String> = t.running.keys().cloned().collect();
            abort(t, running.iter());
            return;
        }
        let Some(state) = row.state.clone() else { return };
        if t.running.contains_key(&state) {
            t.last.insert(state.clone(), index);
        }
        if kind.ends_with("StateEntered") {
            *t.running.entry(state.clone()).or_default() += 1;
            t.last.insert(state.clone(), index);
            let failed = kind == "FailStateEntered";
            t.snap.status.insert(state.clone(), if failed { Status::Failed } else { Status::Active });
            if failed {
                self.branch_ended(t, &state, true);
            }
            if let Some(&total) = self.shape.branches.get(&state) {
                t.snap.progress.insert(state.clone(), Progress { total, ..Progress::default() });
                t.branches_done.remove(&state);
            }
            if kind == "MapStateEntered" {
                t.snap.progress.insert(state.clone(), Progress::default());
            }
            t.snap.taken = t.exited.take().map(|from| (from, state));
        } else if kind.ends_with("StateExited") {
            self.leave(t, &state);
            let status = t.snap.status.entry(state.clone()).or_insert(Status::Succeeded);
            *status = match *status {
                Status::Failed => Status::Caught,
                _ if t.running.contains_key(&state) => Status::Active,
                _ => Status::Succeeded,
            };
            self.branch_ended(t, &state, false);
            t.exited = Some(state);
        } else if kind.ends_with("Scheduled") {
            *t.snap.attempts.entry(state.clone()).or_default() += 1;
            t.snap.status.insert(state, Status::Active);
        } else if kind.starts_with("MapState") || kind.starts_with("ParallelState") {
            let Some(group) = self.shape.group(&state, kind.starts_with("Map")).map(str::to_owned) else { return };
            if kind == "MapStateStarted" {
                let total = Value::parse(&row.details).ok().and_then(|d| d.get("length").and_then(Value::as_f64));
                t.snap.progress.entry(group).or_default().total = total.unwrap_or(0.0) as u32;
            } else if row.failure {
                abort(t, self.shape.inside.get(&group).into_iter().flatten());
                let status = if kind.ends_with("Aborted") { Status::Aborted } else { Status::Failed };
                t.snap.status.insert(group, status);
            }
        } else if matches!(kind, "MapRunSucceeded" | "MapRunFailed" | "MapRunAborted") {
            // A distributed Map's iterations run as child executions, outside this history: its
            // Map Run's end is all there is to count them by.
            if let Some(progress) = t.snap.progress.get_mut(&state) {
                progress.done = progress.total;
            }
        } else if kind.starts_with("MapIteration") {
            if kind == "MapIterationStarted" {
                return;
            }
            // Named in the details; the state it follows is the iteration's last.
            let named = Value::parse(&row.details).ok().and_then(|d| d.get("name")?.as_str().map(str::to_owned));
            let Some(map) = named.or_else(|| self.shape.group(&state, true).map(str::to_owned)) else { return };
            let progress = t.snap.progress.entry(map).or_default();
            progress.done += 1;
            progress.failed += u32::from(row.failure);
        } else if row.failure {
            t.snap.status.insert(state.clone(), Status::Failed);
            self.branch_ended(t, &state, true);
        }
    }

    /// One instance of `state` left.
    fn leave(&self, t: &mut Tracker, state: &str) {
        if let Some(n) = t.running.get_mut(state) {
            *n -= 1;
            if *n == 0 {
                t.running.remove(state);
                t.last.remove(state);
            }
        }
    }

    /// A terminal state of a Parallel branch was left (or failed): the branch is done.
    fn branch_ended(&self, t: &mut Tracker, state: &str, failed: bool) {
        if !self.shape.terminal.contains(state) && !failed {
            return;
        }
        let Some((group, branch)) = self.shape.parent.get(state) else { return };
        let Some(&total) = self.shape.branches.get(group) else { return };
        let done = t.branches_done.entry(group.clone()).or_default();
        if done.insert(*branch) {
            let progress = t.snap.progress.entry(group.clone()).or_default();
            *progress = Progress { done: done.len() as u32, failed: progress.failed + u32::from(failed), total };
        }
    }
}

/// The running ones of `states` stop; those that had not failed are aborted.
fn abort<'a>(t: &mut Tracker, states: impl Iterator<Item = &'a String>) {
    for state in states {
        if t.running.remove(state).is_some() {
            t.last.remove(state);
            if let Some(status @ Status::Active) = t.snap.status.get_mut(state) {
                *status = Status::Aborted;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::asl::graph::graph;

    fn row(kind: &str, state: Option<&str>) -> EventRow {
        let failure = ["Failed", "Aborted", "TimedOut"].iter().any(|s| kind.ends_with(s));
        EventRow { id: 0, kind: kind.into(), state: state.map(Into::into), details: String::new(), failure, time: None }
    }

    fn timed(kind: &str, state: Option<&str>, seconds: i64) -> EventRow {
        EventRow { time: Some(seconds * 1000), ..row(kind, state) }
    }

    /// The snapshot computed by a scan from the first event.
    fn snapshot(rows: &[EventRow], flow: &Flow, count: usize) -> Snapshot {
        Replay::every(rows, flow, usize::MAX).at(rows, count)
    }

    fn flow(definition: &str) -> Flow {
        graph(&Value::parse(definition).unwrap())
    }

    #[test]
    fn states_go_active_then_succeeded_and_the_transition_is_remembered() {
        let rows = [
            row("ExecutionStarted", None),
            row("PassStateEntered", Some("A")),
            row("PassStateExited", Some("A")),
            row("TaskStateEntered", Some("B")),
            row("TaskScheduled", Some("B")),
        ];
        let f = Flow::default();
        let snap = snapshot(&rows, &f, 5);
        assert_eq!(snap.status["A"], Status::Succeeded);
        assert_eq!(snap.status["B"], Status::Active);
        assert_eq!(snap.taken, Some(("A".into(), "B".into())));
        assert_eq!(snapshot(&rows, &f, 2).status["A"], Status::Active);
        assert_eq!(snapshot(&rows, &f, 0), Snapshot::default());
    }

    #[test]
    fn retries_count_attempts_and_a_caught_failure_turns_orange() {
        let rows = [
            row("TaskStateEntered", Some("T")),
            row("TaskScheduled", Some("T")),
            row("TaskFailed", Some("T")),
            row("TaskScheduled", Some("T")),
            row("TaskFailed", Some("T")),
            row("TaskStateExited", Some("T")),
            row("FailStateEntered", Some("Oops")),
            row("ExecutionFailed", None),
        ];
        let f = Flow::default();
        let snap = snapshot(&rows, &f, rows.len());
        assert_eq!(snap.attempts["T"], 2);
        assert_eq!(snap.status["T"], Status::Caught);
        assert_eq!(snap.status["Oops"], Status::Failed);
        assert_eq!(snapshot(&rows, &f, 3).status["T"], Status::Failed);
        assert_eq!(snapshot(&rows, &f, 4).status["T"], Status::Active);
    }

    const PARALLEL: &str = r#"{"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
        {"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true}}},
        {"StartAt":"B","States":{"B":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true}}},
        {"StartAt":"C","States":{"C":{"Type":"Wait","Seconds":60,"End":true}}}]}}}"#;

    #[test]
    fn a_parallel_counts_its_branches_and_a_failed_sibling_aborts_the_others() {
        let rows = [
            timed("ParallelStateEntered", Some("P"), 0),
            timed("ParallelStateStarted", Some("P"), 0),
            timed("TaskStateEntered", Some("A"), 0),
            timed("TaskStateEntered", Some("B"), 0),
            timed("WaitStateEntered", Some("C"), 0),
            timed("TaskStateExited", Some("A"), 1),
            timed("TaskFailed", Some("B"), 2),
            timed("ParallelStateFailed", Some("B"), 2),
            timed("ExecutionFailed", None, 2),
        ];
        let f = flow(PARALLEL);
        let at = |n| snapshot(&rows, &f, n);
        assert_eq!(at(5).progress["P"], Progress { done: 0, failed: 0, total: 3 });
        assert_eq!(at(6).progress["P"], Progress { done: 1, failed: 0, total: 3 });
        assert_eq!(at(7).progress["P"], Progress { done: 2, failed: 1, total: 3 });
        let end = at(rows.len());
        assert_eq!(
            [end.status["A"], end.status["B"], end.status["C"], end.status["P"]],
            [Status::Succeeded, Status::Failed, Status::Aborted, Status::Failed]
        );
        // B, entered at 0 s, is next heard of at 2 s: 1 s left at 1 s. C is never heard of again.
        assert_eq!(at(6).remaining.get("B"), Some(&1000));
        assert_eq!(at(5).remaining.get("A"), Some(&1000));
        assert_eq!(at(6).remaining.get("C"), None);
        assert!(end.remaining.is_empty());
    }

    const MAP: &str = r#"{"StartAt":"M","States":{"M":{"Type":"Map","End":true,
        "ItemProcessor":{"StartAt":"Work","States":{"Work":{"Type":"Pass","End":true}}}}}}"#;

    #[test]
    fn a_map_counts_iterations_and_a_state_stays_active_while_any_iteration_runs_it() {
        let mut rows = vec![row("MapStateEntered", Some("M")), row("MapStateStarted", Some("M"))];
        rows[1].details = r#"{"length":2}"#.into();
        // As in a history: iteration and Map events follow the iteration's last state, and name it.
        let end = |kind: &str| EventRow { details: r#"{"index":0,"name":"M"}"#.into(), ..row(kind, Some("Work")) };
        rows.extend([
            row("MapIterationStarted", Some("M")),
            row("MapIterationStarted", Some("M")),
            row("PassStateEntered", Some("Work")),
            row("PassStateEntered", Some("Work")),
            row("PassStateExited", Some("Work")),
            end("MapIterationSucceeded"),
            row("PassStateExited", Some("Work")),
            end("MapIterationSucceeded"),
            row("MapStateSucceeded", Some("Work")),
            row("MapStateExited", Some("M")),
        ]);
        let f = flow(MAP);
        let at = |n| snapshot(&rows, &f, n);
        assert_eq!(at(2).progress["M"], Progress { done: 0, failed: 0, total: 2 });
        assert_eq!(at(7).status["Work"], Status::Active);
        assert_eq!(at(8).progress["M"].done, 1);
        assert_eq!(at(9).status["Work"], Status::Succeeded);
        assert_eq!(at(12).status["M"], Status::Succeeded);
        assert_eq!(at(12).progress["M"], Progress { done: 2, failed: 0, total: 2 });
        assert_eq!(at(12).progress.len(), 1);
    }

    #[test]
    fn a_distributed_maps_iterations_are_counted_done_when_its_map_run_ends() {
        let mut rows = vec![row("MapStateEntered", Some("M")), row("MapStateStarted", Some("M")), row("MapRunStarted", Some("M"))];
        rows[1].details = r#"{"length":5}"#.into();
        rows.extend([row("MapRunSucceeded", Some("M")), row("MapStateSucceeded", Some("M")), row("MapStateExited", Some("M"))]);
        let f = flow(MAP);
        assert_eq!(snapshot(&rows, &f, 3).progress["M"], Progress { done: 0, failed: 0, total: 5 });
        let end = snapshot(&rows, &f, rows.len());
        assert_eq!((end.progress["M"], end.status["M"]), (Progress { done: 5, failed: 0, total: 5 }, Status::Succeeded));
    }

    #[test]
    fn checkpoints_give_the_same_snapshot_as_a_scan_from_the_start() {
        // A loop of 3,000 turns through two states, with virtual time going on.
        let mut rows = vec![timed("ExecutionStarted", None, 0)];
        for turn in 0..3000 {
            for state in ["Work", "Again?"] {
                rows.push(timed(&format!("{state}StateEntered"), Some(state), turn));
                rows.push(timed(&format!("{state}StateExited"), Some(state), turn + 1));
            }
        }
        let f = Flow::default();
        let replay = Replay::new(&rows, &f);
        assert_eq!(replay.checkpoints.len(), rows.len() / CHECKPOINT + 1);
        for n in [0, 1, 511, 512, 513, 1024, 5000, 9999, rows.len()] {
            assert_eq!(replay.at(&rows, n), snapshot(&rows, &f, n), "at {n}");
        }
        assert_eq!(replay.at(&rows, 4).taken, Some(("Work".into(), "Again?".into())));
        assert_eq!(replay.at(&rows, rows.len() + 5), replay.at(&rows, rows.len()));
    }
}
