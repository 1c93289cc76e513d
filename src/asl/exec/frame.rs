//! A frame is one running machine: the execution's top level, one Parallel branch, or one Map
//! iteration. Frames advance interleaved inside the step machine, so branches need no threads.

use std::collections::BTreeSet;
use std::rc::Rc;

use crate::asl::definition::{State, StateMachine, StateType};
use crate::asl::error::Failure;
use crate::asl::json::{Measured, Value};
use super::map_runs::ChildId;
use super::variables::VarScope;

/// Identifies a frame; never reused within an execution.
pub type FrameId = u64;

/// Where a child frame reports when it ends.
#[derive(Clone, Copy, Debug)]
pub struct Parent {
    /// The frame running the Parallel or Map state.
    pub frame: FrameId,
    /// Branch index or item index.
    pub index: usize,
}

/// A running machine.
#[derive(Debug)]
pub struct Frame {
    /// The machine this frame runs.
    pub machine: Rc<StateMachine>,
    /// The frame to report to, or `None` at the top level.
    pub parent: Option<Parent>,
    /// The current state.
    pub state: usize,
    /// The current state's raw input.
    pub input: Value,
    /// Id of the last event of this frame's chain (`previousEventId` of the next one).
    pub last: u64,
    /// Running branches or iterations of the current Parallel / Map state (boxed: most frames, such
    /// as a Map's iterations, run no children and stay small).
    pub children: Option<Box<Children>>,
    /// The child execution whose history records the frame's events (`MapRuns`): the iterations of
    /// a DISTRIBUTED Map run as child executions, which AWS records in their own histories, and so
    /// does every frame inside them. `None`: the execution's history.
    pub child: Option<ChildId>,
    /// What the frame keeps about its current state while in it (entered, not yet left).
    pub in_state: Option<Box<InState>>,
    /// The workflow variables this frame sees.
    pub variables: Rc<VarScope>,
    /// Whether `variables` is the frame's own scope. A branch or iteration reads its parent's until it
    /// first assigns (most never do, and a Map may run 100,000 iterations at once).
    pub own_variables: bool,
}

impl Frame {
    /// A frame about to enter `machine`'s StartAt state with `input`, seeing `variables` (its
    /// parent's, for a branch or iteration).
    pub fn new(machine: Rc<StateMachine>, parent: Option<Parent>, input: Value, last: u64, variables: Rc<VarScope>) -> Frame {
        Frame {
            state: machine.start_at,
            machine,
            parent,
            input,
            last,
            children: None,
            child: None,
            in_state: None,
            variables,
            own_variables: parent.is_none(),
        }
    }

    /// The current state.
    pub fn current(&self) -> &State {
        &self.machine.states[self.state]
    }

    /// The current state's effective input (`null` outside a state).
    pub fn effective(&self) -> Value {
        self.in_state.as_ref().map(|s| s.effective.clone()).unwrap_or_default()
    }

    /// Id of the current state's Entered event (0 outside a state).
    pub fn entered(&self) -> u64 {
        self.in_state.as_ref().map_or(0, |s| s.entered)
    }

    /// Retries of the current state so far (`$$.State.RetryCount`): each counts against one retrier.
    pub fn retry_count(&self) -> u64 {
        self.in_state.as_ref().map_or(0, |s| s.retries_used.iter().sum())
    }
}

/// What a frame keeps about the state it is in, from entering it to leaving it. Kept apart from the
/// frame, which holds none between two states: most of a Map's 100,000 iterations are between two
/// states at any time.
#[derive(Debug, Default)]
pub struct InState {
    /// The effective input (after InputPath / Parameters), kept for retries.
    pub effective: Value,
    /// Id of the Entered event (quoted in runtime error causes).
    pub entered: u64,
    /// Virtual time it was entered.
    pub entered_at: i64,
    /// Attempts used per retrier.
    pub retries_used: Vec<u64>,
    /// Task token of the current attempt, for `$$.Task.Token`.
    pub token: Option<Rc<str>>,
    /// The current attempt's task from its scheduling to its start (the request the host gets).
    pub request: Option<super::TaskRequest>,
    /// The host's answer to the current attempt's task, from its arrival to its step. Request and
    /// answer wait here rather than in the ready queue: a frame has one task at a time, and the
    /// record is recycled, so a Task's round trip allocates nothing for them.
    pub answer: Option<Result<Value, Failure>>,
}

/// The children of a Parallel or Map state while they run.
#[derive(Debug)]
pub struct Children {
    /// The frames still running, in the order they started (frame ids grow), each found at once
    /// when it ends: a Map may run 100,000 iterations together.
    pub running: BTreeSet<FrameId>,
    /// Results by branch / item index.
    pub results: Vec<Option<Value>>,
    /// How many have not finished.
    pub remaining: usize,
    /// For Map: items not yet started (by index), the concurrency limit and failure tolerance.
    pub map: Option<MapRun>,
}

/// Bookkeeping of a Map state's iterations.
#[derive(Debug)]
pub struct MapRun {
    /// The items (shared with the Map's input), each put through ItemSelector as its iteration
    /// starts; or the batches, built from selected items.
    pub items: Rc<Measured<Vec<Value>>>,
    /// Index of the next item to start.
    pub next: usize,
    /// How many may run at once (0 = all).
    pub max_concurrency: usize,
    /// Failed iterations so far.
    pub failed: usize,
    /// How many failures are tolerated.
    pub tolerated: usize,
    /// Id of the last MapIterationSucceeded event.
    pub last_iteration_event: u64,
}

/// Why a frame is scheduled to take a step.
#[derive(Debug)]
pub enum Wake {
    /// Enter the current state.
    Enter,
    /// A task of the current state answered (the answer is in the frame's [`InState`]).
    TaskDone,
    /// The scheduled task of the current state starts (its request is in the frame's [`InState`]).
    TaskStarted,
    /// Task (by id) of the current state may have timed out (with this error name).
    TaskTimedOut(u64, &'static str),
    /// Task (by id) of the current state may have missed its heartbeat (after this many heartbeats).
    HeartbeatDue(u64, u64),
    /// The execution ran past its TimeoutSeconds.
    ExecutionTimedOut,
    /// A Wait state's time is up.
    WaitOver,
    /// A retry interval is over: attempt the state again.
    Retry,
    /// A child branch or iteration succeeded, its last event being `last`. Its result is in the
    /// parent's `results` already, so that the ready queue, which may hold every iteration of a
    /// large Map, holds nothing more for it.
    ChildSucceeded { child: FrameId, index: usize, last: u64 },
    /// A child branch or iteration failed (boxed, as is a task's answer, to keep the queue small).
    ChildFailed(Box<ChildEnded>),
}

/// How a child branch or iteration ended.
#[derive(Debug)]
pub struct ChildEnded {
    pub child: FrameId,
    pub index: usize,
    /// Its failure (its result, when it succeeded, is with its parent).
    pub result: Result<(), Failure>,
    pub last: u64,
    /// The state the child failed in, which AWS records as aborted (type and name).
    pub aborted: Option<(StateType, Rc<str>)>,
}
