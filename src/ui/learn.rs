//! The tutorial track and the user's test cases as the page holds them: the learner's progress, the
//! exercise open (and the workspace it replaced, to go back to), the last grade, the test cases and
//! their last run. Pure: the page stores it (`ui::learn_storage`) and runs the grader and the tests
//! (`ui::learn_runs`); every change is an [`Event`].

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use crate::testcases::{SuiteReport, TestCase, Workspace};
use crate::tutorial::catalog::{self, TRACK};
use crate::tutorial::{Exercise, Progress, Report};

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

/// The workspace (and its test cases) the user had before opening an exercise, with the exercise
/// open now: stored while exercises are open, so that a reload stays in the exercise and the
/// user's own work stays recoverable.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stash {
    /// The id of the exercise open now.
    pub exercise: String,
    pub workspace: Workspace,
    #[serde(default)]
    pub tests: Vec<TestCase>,
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
    /// Load the open exercise's model solution, or its starting workspace.
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
    /// The state stored as `progress`, `stash` and `tests` (JSON, any of them missing or unreadable).
    pub fn restore(progress: Option<&str>, stash: Option<&str>, tests: Option<&str>) -> Learn {
        let stash: Option<Stash> = stash.and_then(|s| serde_json::from_str(s).ok());
        let exercise = stash.as_ref().and_then(|s| catalog::find(&s.exercise)).and_then(|b| b.load().ok());
        let open = exercise.is_some();
        Learn {
            progress: Rc::new(progress.map(Progress::from_json).unwrap_or_default()),
            exercise: exercise.map(Rc::new),
            stash: stash.filter(|_| open).map(Rc::new),
            side: if open { Side::Exercise } else { Side::Result },
            tests: Rc::new(tests.and_then(|t| serde_json::from_str(t).ok()).unwrap_or_default()),
            ..Learn::default()
        }
    }

    /// Applies `event` with the editors holding `current`; returns what the editors must hold next,
    /// when that changes.
    pub fn apply(&mut self, event: Event, current: &Workspace) -> Option<Workspace> {
        match event {
            Event::Track(open) => {
                self.track = open;
                self.notice = None;
            }
            Event::Open(id) => return self.open(&id, current),
            Event::Leave => return self.leave(current),
            Event::Solution | Event::Restart => {
                let bundled = self.exercise.as_ref().and_then(|e| catalog::find(&e.id))?;
                self.report = None;
                return Some(if event == Event::Solution { bundled.solution() } else { bundled.start() });
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

    fn open(&mut self, id: &str, current: &Workspace) -> Option<Workspace> {
        let found = catalog::find(id).ok_or_else(|| format!("There is no exercise \"{id}\" in the track."));
        let (bundled, exercise) = match found.and_then(|b| b.load().map(|e| (b, e))) {
            Ok(found) => found,
            Err(notice) => {
                self.track = true;
                self.notice = Some(notice.into());
                return None;
            }
        };
        self.track = false;
        self.notice = None;
        self.side = Side::Exercise;
        if self.exercise.as_ref().is_some_and(|e| e.id == exercise.id) {
            return None;
        }
        let progress = Rc::make_mut(&mut self.progress);
        match (&self.exercise, &mut self.stash) {
            (Some(previous), Some(stash)) => {
                progress.save_draft(&previous.id, current.clone());
                Rc::make_mut(stash).exercise = exercise.id.clone();
            }
            _ => {
                let tests = std::mem::take(Rc::make_mut(&mut self.tests));
                self.stash = Some(Rc::new(Stash { exercise: exercise.id.clone(), workspace: current.clone(), tests }));
            }
        }
        let workspace = progress.entry(&exercise.id).draft.unwrap_or_else(|| bundled.start());
        self.exercise = Some(Rc::new(exercise));
        self.tests = Rc::default();
        self.suite = None;
        self.report = None;
        Some(workspace)
    }

    fn leave(&mut self, current: &Workspace) -> Option<Workspace> {
        let (exercise, stash) = (self.exercise.take()?, self.stash.take()?);
        Rc::make_mut(&mut self.progress).save_draft(&exercise.id, current.clone());
        let stash = Rc::unwrap_or_clone(stash);
        self.tests = Rc::new(stash.tests);
        self.suite = None;
        self.report = None;
        self.side = Side::Result;
        Some(stash.workspace)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tutorial::progress::Standing;
    use crate::tutorial::CheckResult;

    fn mine() -> Workspace {
        Workspace::new(r#"{"StartAt":"Mine","States":{"Mine":{"Type":"Pass","End":true}}}"#, "{}", "")
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
        assert_eq!(start, TRACK[0].start());
        assert_eq!((learn.track, learn.side, learn.tests.len()), (false, Side::Exercise, 0));
        assert_eq!(learn.stash.as_ref().unwrap().workspace, mine());
        assert_eq!(learn.place(), Some((0, None, Some("result-path"))));
        assert_eq!(learn.apply(Event::Open("first-pass".into()), &start), None, "opening it again keeps the editors");

        let edited = Workspace::new("{}", "{}", "");
        let next = learn.apply(Event::Open("result-path".into()), &edited).unwrap();
        assert_eq!(next, TRACK[1].start());
        assert_eq!(learn.stash.as_ref().unwrap().exercise, "result-path");
        assert_eq!(learn.stash.as_ref().unwrap().workspace, mine(), "the stash is the user's, not an exercise's");
        assert_eq!(learn.apply(Event::Open("first-pass".into()), &next), Some(edited.clone()), "a draft comes back");

        assert_eq!(learn.apply(Event::Leave, &start), Some(mine()));
        assert_eq!((learn.exercise.is_none(), learn.stash.is_none(), learn.side), (true, true, Side::Result));
        assert_eq!(*learn.tests, [case("mine")]);
        assert_eq!(learn.apply(Event::Leave, &mine()), None);
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
        assert_eq!(learn.apply(Event::Solution, &mine()), Some(catalog::find("retry").unwrap().solution()));
        assert_eq!(learn.apply(Event::Restart, &mine()), Some(catalog::find("retry").unwrap().start()));
        let standings: Vec<Standing> = learn.progress.overview(&catalog::track()).iter().map(|l| l.standing).collect();
        assert_eq!(&standings[..2], [Standing::Passed, Standing::NotStarted]);
        assert_eq!(standings[6], Standing::Started);
    }

    #[test]
    fn it_is_restored_from_what_was_stored() {
        let mut learn = Learn { tests: Rc::new(vec![case("mine")]), ..Learn::default() };
        learn.apply(Event::Open("catch".into()), &mine());
        learn.apply(Event::Hint, &mine());
        let stash = serde_json::to_string(learn.stash.as_deref().unwrap()).unwrap();
        let restored = Learn::restore(Some(&learn.progress.to_json()), Some(&stash), None);
        assert_eq!(restored.exercise.as_ref().map(|e| e.id.as_str()), Some("catch"));
        assert_eq!((restored.side, &*restored.progress), (Side::Exercise, &*learn.progress));
        assert_eq!(restored.stash.as_ref().unwrap().tests, [case("mine")]);
        let tests = serde_json::to_string(&[case("a")]).unwrap();
        let fresh = Learn::restore(Some("not json"), Some(r#"{"exercise":"gone","workspace":{"definition":"","input":"","mocks":""}}"#), Some(&tests));
        assert_eq!((fresh.exercise.is_none(), fresh.stash.is_none(), fresh.side), (true, true, Side::Result));
        assert_eq!(*fresh.progress, Progress::default());
        assert_eq!(*fresh.tests, [case("a")]);
    }
}
