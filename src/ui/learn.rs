//! The tutorial track and the user's test cases as the page holds them: the learner's progress, the
//! exercise open (and the workspace it replaced, to go back to), the last grade, the test cases and
//! their last run. Pure: the page stores it (`ui::learn_storage`, the test cases with the workspace
//! in `ui::storage`) and runs the grader and the tests (`ui::learn_runs`); every change is an
//! [`Event`], or a workspace opened from elsewhere ([`Learn::opened`]).

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use crate::share::Selected;
use crate::testcases::{SuiteReport, TestCase, Workspace};
use crate::tutorial::catalog::{self, Bundled, TRACK};
use crate::tutorial::{Exercise, Progress, Report};
use crate::ui::workspaces::Entry;

/// What the column beside the graph shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Side {
    /// The run's result.
    #[default]
    Result,
    /// The open exercise.
    Exercise,
    /// The test cases.
    Tests,
}

/// The workspace (with its test cases) the user had before opening an exercise, with the exercise
/// open now: stored while exercises are open, so that a reload stays in the exercise and "Back to
/// my workspace" finds the user's own work.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stash {
    /// The id of the exercise open now.
    pub exercise: String,
    pub entry: Entry,
}

/// The tutorial track and the test cases, as shown.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Learn {
    pub progress: Rc<Progress>,
    /// The open exercise, with the stash to go back to (both or neither).
    pub exercise: Option<Rc<Exercise>>,
    pub stash: Option<Rc<Stash>>,
    /// The track overview is open.
    pub track: bool,
    /// Why the last exercise asked for could not open.
    pub notice: Option<Rc<str>>,
    /// The open exercise's last grade, and whether grading is under way.
    pub report: Option<Rc<Report>>,
    pub checking: bool,
    pub side: Side,
    /// The workspace's test cases, their last run, and whether they are running.
    pub tests: Rc<Vec<TestCase>>,
    pub suite: Option<Rc<SuiteReport>>,
    pub testing: bool,
}

/// A change to [`Learn`].
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// Open (or close) the track overview.
    Track(bool),
    /// Open the exercise with this id (from the overview, a link, next/previous).
    Open(String),
    /// Close the exercise and put the stashed workspace back.
    Leave,
    /// Load the open exercise's model solution, or its starting workspace (the version replaced is
    /// kept under Recent).
    Solution,
    Restart,
    /// Show the next hint.
    Hint,
    /// Grading started, and its result.
    Checking,
    Checked(Report),
    Show(Side),
    /// The test cases, as edited.
    SetTests(Vec<TestCase>),
    /// The test cases started running, and their result.
    Testing,
    Tested(SuiteReport),
}

impl Learn {
    /// The state stored as `progress` and `stash` (JSON, either missing or unreadable), with the open
    /// workspace's test cases; the stash counts only while the workspace is still its exercise's.
    pub fn restore(progress: Option<&str>, stash: Option<&str>, tests: Vec<TestCase>, origin: Option<&Selected>) -> Learn {
        let stash: Option<Stash> = stash.and_then(|s| serde_json::from_str(s).ok());
        let stash = stash.filter(|s| origin == Some(&Selected::Exercise(s.exercise.clone())));
        let exercise = stash.as_ref().and_then(|s| catalog::find(&s.exercise)).and_then(|b| b.load().ok());
        let open = exercise.is_some();
        Learn {
            progress: Rc::new(progress.map(Progress::from_json).unwrap_or_default()),
            exercise: exercise.map(Rc::new),
            stash: stash.filter(|_| open).map(Rc::new),
            side: if open { Side::Exercise } else { Side::Result },
            tests: Rc::new(tests),
            ..Learn::default()
        }
    }

    /// Applies `event` with `current` open; returns the workspace to open next, when that changes.
    pub fn apply(&mut self, event: Event, current: &Entry) -> Option<Entry> {
        match event {
            Event::Track(open) => {
                self.track = open;
                self.notice = None;
            }
            Event::Open(id) => return self.open(&id, current),
            Event::Leave => return self.leave(current),
            Event::Solution | Event::Restart => {
                let (exercise, bundled) = self.exercise.as_ref().and_then(|e| Some((e, catalog::find(&e.id)?)))?;
                let workspace = if event == Event::Solution { bundled.solution() } else { bundled.start() };
                let entry = entry_of(exercise, workspace);
                self.report = None;
                return Some(entry);
            }
            Event::Hint => {
                if let Some(exercise) = &self.exercise {
                    Rc::make_mut(&mut self.progress).reveal_hint(exercise);
                }
            }
            Event::Checking => {
                self.checking = true;
                self.report = None;
            }
            Event::Checked(report) => {
                self.checking = false;
                // A grade that arrives after its exercise was left counts, but is not shown.
                Rc::make_mut(&mut self.progress).record(&report);
                if self.exercise.as_ref().is_some_and(|e| e.id == report.exercise) {
                    self.report = Some(Rc::new(report));
                }
            }
            Event::Show(side) => self.side = side,
            Event::SetTests(tests) => {
                self.tests = Rc::new(tests);
                self.suite = None;
            }
            Event::Testing => {
                self.testing = true;
                self.suite = None;
            }
            Event::Tested(suite) => {
                self.testing = false;
                self.suite = Some(Rc::new(suite));
            }
        }
        None
    }

    /// The place of the open exercise in the track (0 for the first), and the ids before and after it.
    pub fn place(&self) -> Option<(usize, Option<&'static str>, Option<&'static str>)> {
        let id = &self.exercise.as_ref()?.id;
        let i = TRACK.iter().position(|b| b.id() == id)?;
        Some((i, i.checked_sub(1).map(|p| TRACK[p].id()), TRACK.get(i + 1).map(|b| b.id())))
    }

    /// A workspace was opened from elsewhere (a sample, a link, Recent) in place of `previous`, with
    /// its test cases: an exercise's opens that exercise, anything else closes the one open.
    pub fn opened(&mut self, origin: Option<&Selected>, previous: &Entry, tests: Vec<TestCase>) {
        match origin {
            Some(Selected::Exercise(id)) => {
                if let Ok((_, exercise)) = self.find(id) {
                    self.enter(exercise, previous);
                }
            }
            _ => {
                if let Some(exercise) = self.exercise.take() {
                    Rc::make_mut(&mut self.progress).save_draft(&exercise.id, workspace_of(previous));
                }
                self.stash = None;
                self.report = None;
                if self.side == Side::Exercise {
                    self.side = Side::Result;
                }
            }
        }
        self.tests = Rc::new(tests);
        self.suite = None;
    }

    fn find(&self, id: &str) -> Result<(&'static Bundled, Exercise), String> {
        let found = catalog::find(id).ok_or_else(|| format!("There is no exercise \"{id}\" in the track."));
        found.and_then(|b| b.load().map(|e| (b, e)))
    }

    fn open(&mut self, id: &str, current: &Entry) -> Option<Entry> {
        let (bundled, exercise) = match self.find(id) {
            Ok(found) => found,
            Err(notice) => {
                self.track = true;
                self.notice = Some(notice.into());
                return None;
            }
        };
        if self.exercise.as_ref().is_some_and(|e| e.id == exercise.id) {
            self.enter(exercise, current);
            return None;
        }
        let draft = self.progress.entry(&exercise.id).draft;
        let entry = entry_of(&exercise, draft.unwrap_or_else(|| bundled.start()));
        self.enter(exercise, current);
        self.tests = Rc::default();
        Some(entry)
    }

    /// Shows `exercise`, whose workspace replaces `current`: the user's own is stashed, an
    /// exercise's is kept as its draft.
    fn enter(&mut self, exercise: Exercise, current: &Entry) {
        self.track = false;
        self.notice = None;
        self.side = Side::Exercise;
        if self.exercise.as_ref().is_some_and(|e| e.id == exercise.id) {
            return;
        }
        match (&self.exercise, &mut self.stash) {
            (Some(previous), Some(stash)) => {
                Rc::make_mut(&mut self.progress).save_draft(&previous.id, workspace_of(current));
                Rc::make_mut(stash).exercise = exercise.id.clone();
            }
            _ => self.stash = Some(Rc::new(Stash { exercise: exercise.id.clone(), entry: current.clone() })),
        }
        self.exercise = Some(Rc::new(exercise));
        self.suite = None;
        self.report = None;
    }

    fn leave(&mut self, current: &Entry) -> Option<Entry> {
        let (exercise, stash) = (self.exercise.take()?, self.stash.take()?);
        Rc::make_mut(&mut self.progress).save_draft(&exercise.id, workspace_of(current));
        let entry = Rc::unwrap_or_clone(stash).entry;
        self.suite = None;
        self.report = None;
        self.side = Side::Result;
        // With nothing before the exercise (a first visit by its link), its workspace stays open.
        if [&entry.definition, &entry.input, &entry.mocks].iter().all(|t| t.trim().is_empty()) {
            return None;
        }
        self.tests = Rc::new(entry.tests.clone());
        Some(entry)
    }
}

/// The workspace of exercise `exercise` as the page keeps it.
fn entry_of(exercise: &Exercise, workspace: Workspace) -> Entry {
    let Workspace { definition, input, mocks } = workspace;
    let name = format!("Exercise \u{201c}{}\u{201d}", exercise.title);
    Entry { name, definition, input, mocks, selected: Some(Selected::Exercise(exercise.id.clone())), ..Entry::default() }
}

/// The texts of `entry`.
pub fn workspace_of(entry: &Entry) -> Workspace {
    Workspace::new(&*entry.definition, &*entry.input, &*entry.mocks)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tutorial::progress::Standing;
    use crate::tutorial::CheckResult;

    fn mine() -> Entry {
        let definition = r#"{"StartAt":"Mine","States":{"Mine":{"Type":"Pass","End":true}}}"#.into();
        Entry { name: "Hello".into(), definition, input: "{}".into(), tests: vec![case("mine")], ..Entry::default() }
    }

    fn texts(entry: &Entry) -> Workspace {
        workspace_of(entry)
    }

    fn case(name: &str) -> TestCase {
        TestCase { name: name.into(), ..TestCase::default() }
    }

    fn report(exercise: &str, passed: bool) -> Report {
        let check = CheckResult { title: "t".into(), passed, feedback: None, observed: None };
        Report { exercise: exercise.into(), passed, problem: None, checks: vec![check] }
    }

    #[test]
    fn an_exercise_replaces_the_workspace_which_comes_back_after() {
        let mut learn = Learn { tests: Rc::new(vec![case("mine")]), track: true, ..Learn::default() };
        let start = learn.apply(Event::Open("first-pass".into()), &mine()).unwrap();
        assert_eq!(texts(&start), TRACK[0].start());
        assert_eq!((start.name.as_str(), &start.selected), ("Exercise “Your first Pass state”", &Some(Selected::Exercise("first-pass".into()))));
        assert_eq!((learn.track, learn.side, learn.tests.len()), (false, Side::Exercise, 0));
        assert_eq!(learn.stash.as_ref().unwrap().entry, mine());
        assert_eq!(learn.place(), Some((0, None, Some("result-path"))));
        assert_eq!(learn.apply(Event::Open("first-pass".into()), &start), None, "opening it again keeps the editors");

        let edited = Entry { definition: "{}".into(), ..start.clone() };
        let next = learn.apply(Event::Open("result-path".into()), &edited).unwrap();
        assert_eq!(texts(&next), TRACK[1].start());
        assert_eq!(learn.stash.as_ref().unwrap().exercise, "result-path");
        assert_eq!(learn.stash.as_ref().unwrap().entry, mine(), "the stash is the user's, not an exercise's");
        let draft = learn.apply(Event::Open("first-pass".into()), &next).unwrap();
        assert_eq!(texts(&draft), texts(&edited), "a draft comes back");

        assert_eq!(learn.apply(Event::Leave, &start), Some(mine()));
        assert_eq!((learn.exercise.is_none(), learn.stash.is_none(), learn.side), (true, true, Side::Result));
        assert_eq!(*learn.tests, [case("mine")]);
        assert_eq!(learn.apply(Event::Leave, &mine()), None);
    }

    #[test]
    fn a_workspace_opened_elsewhere_opens_its_exercise_or_closes_the_one_open() {
        let mut learn = Learn::default();
        learn.opened(Some(&Selected::Exercise("retry".into())), &mine(), Vec::new());
        assert_eq!((learn.exercise.as_ref().unwrap().id.as_str(), learn.side), ("retry", Side::Exercise));
        assert_eq!(learn.stash.as_ref().unwrap().entry, mine());
        learn.opened(Some(&Selected::Exercise("catch".into())), &mine(), Vec::new());
        assert_eq!(learn.stash.as_ref().unwrap().exercise, "catch");
        assert!(learn.progress.entry("retry").draft.is_some(), "the exercise left keeps its draft");
        learn.opened(Some(&Selected::Sample("hello-lambda".into())), &mine(), vec![case("sample")]);
        assert_eq!((learn.exercise.is_none(), learn.stash.is_none(), learn.side), (true, true, Side::Result));
        assert_eq!(learn.progress.entry("catch").draft, Some(workspace_of(&mine())), "and so does the one closed");
        assert_eq!(*learn.tests, [case("sample")], "the test cases are the opened workspace's");
        learn.opened(Some(&Selected::Exercise("nope".into())), &mine(), Vec::new());
        assert!(learn.exercise.is_none());

        learn.opened(Some(&Selected::Exercise("retry".into())), &Entry::default(), Vec::new());
        assert_eq!(learn.apply(Event::Leave, &mine()), None, "nothing to go back to: the exercise's texts stay");
        assert!(learn.exercise.is_none() && learn.stash.is_none());
    }

    #[test]
    fn an_unknown_exercise_opens_the_track_with_a_notice() {
        let mut learn = Learn::default();
        assert_eq!(learn.apply(Event::Open("nope".into()), &mine()), None);
        assert!(learn.track && learn.exercise.is_none());
        assert_eq!(learn.notice.as_deref(), Some("There is no exercise \"nope\" in the track."));
        learn.apply(Event::Track(false), &mine());
        assert_eq!((learn.track, learn.notice.is_none()), (false, true));
    }

    #[test]
    fn hints_grades_and_the_solution_go_to_the_open_exercise() {
        let mut learn = Learn::default();
        assert_eq!(learn.apply(Event::Solution, &mine()), None, "no exercise, no solution");
        learn.apply(Event::Open("retry".into()), &mine());
        let exercise = learn.exercise.clone().unwrap();
        learn.apply(Event::Hint, &mine());
        learn.apply(Event::Hint, &mine());
        assert_eq!(learn.progress.hints(&exercise), &exercise.hints[..2]);
        learn.apply(Event::Checking, &mine());
        assert!(learn.checking);
        learn.apply(Event::Checked(report("retry", false)), &mine());
        assert_eq!((learn.checking, learn.report.as_ref().map(|r| r.passed)), (false, Some(false)));
        learn.apply(Event::Checked(report("first-pass", true)), &mine());
        assert_eq!(learn.report.as_ref().unwrap().exercise, "retry", "another exercise's grade is not shown");
        let retry = catalog::find("retry").unwrap();
        assert_eq!(learn.apply(Event::Solution, &mine()).map(|e| texts(&e)), Some(retry.solution()));
        assert_eq!(learn.apply(Event::Restart, &mine()).map(|e| texts(&e)), Some(retry.start()));
        let standings: Vec<Standing> = learn.progress.overview(&catalog::track()).iter().map(|l| l.standing).collect();
        assert_eq!(&standings[..2], [Standing::Passed, Standing::NotStarted]);
        assert_eq!(standings[6], Standing::Started);
    }

    #[test]
    fn it_is_restored_from_what_was_stored() {
        let mut learn = Learn::default();
        learn.apply(Event::Open("catch".into()), &mine());
        learn.apply(Event::Hint, &mine());
        let stash = serde_json::to_string(learn.stash.as_deref().unwrap()).unwrap();
        let catch = Selected::Exercise("catch".into());
        let restored = Learn::restore(Some(&learn.progress.to_json()), Some(&stash), Vec::new(), Some(&catch));
        assert_eq!(restored.exercise.as_ref().map(|e| e.id.as_str()), Some("catch"));
        assert_eq!((restored.side, &*restored.progress), (Side::Exercise, &*learn.progress));
        assert_eq!(restored.stash.as_ref().unwrap().entry.tests, [case("mine")]);
        let elsewhere = Learn::restore(None, Some(&stash), vec![case("a")], Some(&Selected::Sample("hello-lambda".into())));
        assert!(elsewhere.exercise.is_none() && elsewhere.stash.is_none(), "the workspace open is no longer the exercise");
        assert_eq!(*elsewhere.tests, [case("a")]);
        let fresh = Learn::restore(Some("not json"), Some("{"), Vec::new(), Some(&catch));
        assert_eq!((fresh.exercise.is_none(), fresh.side), (true, Side::Result));
        assert_eq!(*fresh.progress, Progress::default());
    }
}
