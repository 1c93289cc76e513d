//! The tutorial track: exercises as data (`tutorials/NN-id/`: `exercise.json`, `start/`,
//! `solution/`), a grader that runs a learner's workspace through the same driver as every run and
//! judges it with the exercise's checks (the check language is in [`check`]), and the learner's
//! progress as the page stores it.

pub mod catalog;
pub mod check;
mod check_read;
pub mod exercise;
pub mod features;
pub mod fetched;
pub mod grade;
pub mod progress;

pub use check::{Check, Rule};
pub use exercise::Exercise;
pub use grade::{grade, CheckResult, Report};
pub use progress::Progress;

#[cfg(test)]
mod tests;
