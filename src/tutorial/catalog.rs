//! The tutorial track built into the CLI, read from `tutorials/` at build time: each exercise with
//! its starting workspace and its model solution. The page's wasm leaves the texts out: the page
//! fetches them, bundled as `tutorials.json` by `www/js/tutorials.mjs`, and installs them
//! ([`super::fetched`]) before it starts.

use crate::testcases::Workspace;

use super::exercise::{id_of, Exercise};
use super::fetched;

/// The files of an exercise, by their path in its folder: `exercise.json`, then the starting
/// workspace (`start/`) and the model solution (`solution/`), each a definition, an input and mocks.
pub const FILES: [&str; 7] = [
    "exercise.json",
    "start/definition.asl.json",
    "start/input.json",
    "start/mocks.js",
    "solution/definition.asl.json",
    "solution/input.json",
    "solution/mocks.js",
];

/// An exercise as bundled: its folder name and, outside the page, its files' texts (see [`FILES`]).
#[derive(Debug, PartialEq, Eq)]
pub struct Bundled {
    /// `01-first-pass`.
    pub folder: &'static str,
    built_in: [&'static str; 7],
}

#[cfg(not(target_arch = "wasm32"))]
macro_rules! text {
    ($folder:literal, $file:literal) => {
        include_str!(concat!("../../tutorials/", $folder, "/", $file))
    };
}

#[cfg(not(target_arch = "wasm32"))]
macro_rules! texts {
    ($folder:literal) => {
        [
            text!($folder, "exercise.json"),
            text!($folder, "start/definition.asl.json"),
            text!($folder, "start/input.json"),
            text!($folder, "start/mocks.js"),
            text!($folder, "solution/definition.asl.json"),
            text!($folder, "solution/input.json"),
            text!($folder, "solution/mocks.js"),
        ]
    };
}

#[cfg(target_arch = "wasm32")]
macro_rules! texts {
    ($folder:literal) => {
        [""; 7]
    };
}

macro_rules! exercise {
    ($folder:literal) => {
        Bundled { folder: $folder, built_in: texts!($folder) }
    };
}

/// The track, in order.
pub const TRACK: &[Bundled] = &[
    exercise!("01-first-pass"),
    exercise!("02-result-path"),
    exercise!("03-parameters"),
    exercise!("04-task"),
    exercise!("05-choice"),
    exercise!("06-wait"),
    exercise!("07-retry"),
    exercise!("08-catch"),
    exercise!("09-timeout"),
    exercise!("10-parallel"),
    exercise!("11-map"),
    exercise!("12-callback"),
    exercise!("13-intrinsics"),
    exercise!("14-jsonata-variables"),
];

impl Bundled {
    /// The exercise's id (`first-pass`).
    pub fn id(&self) -> &'static str {
        id_of(self.folder)
    }

    /// The text of its file `FILES[index]`: built in, or installed by the page; empty when neither.
    fn text(&self, index: usize) -> &'static str {
        fetched::text(self.folder, FILES[index]).unwrap_or(self.built_in[index])
    }

    /// `exercise.json`.
    pub fn exercise(&self) -> &'static str {
        self.text(0)
    }

    /// The exercise, read.
    pub fn load(&self) -> Result<Exercise, String> {
        Exercise::parse(self.folder, self.exercise())
    }

    /// The starting workspace.
    pub fn start(&self) -> Workspace {
        Workspace::new(self.text(1), self.text(2), self.text(3))
    }

    /// The model solution.
    pub fn solution(&self) -> Workspace {
        Workspace::new(self.text(4), self.text(5), self.text(6))
    }
}

/// The bundled exercise whose id (or folder name) is `id`.
pub fn find(id: &str) -> Option<&'static Bundled> {
    TRACK.iter().find(|b| b.id() == id || b.folder == id)
}

/// Every exercise of the track, read, in order.
pub fn track() -> Vec<Exercise> {
    TRACK.iter().filter_map(|b| b.load().ok()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    // The only test that installs texts (they can be installed once per process): under a folder of
    // its own, so the built-in track reads as before.
    #[test]
    fn installed_texts_are_read_in_place_of_built_in_ones() {
        let folder = "99-installed";
        let exercise = TRACK[0].exercise().replace("Your first Pass state", "Installed");
        let texts = [("exercise.json", exercise.as_str()), ("start/definition.asl.json", "{}"), ("start/input.json", "[1]")];
        fetched::install(texts.iter().map(|(file, text)| (format!("{folder}/{file}"), text.to_string())).collect());
        let bundled = Bundled { folder, built_in: [""; 7] };
        let loaded = bundled.load().unwrap();
        assert_eq!((loaded.id.as_str(), loaded.title.as_str()), ("installed", "Installed"));
        assert_eq!(bundled.start(), Workspace::new("{}", "[1]", ""));
        assert_eq!(bundled.solution(), Workspace::new("", "", ""));
        assert!(TRACK[0].load().is_ok_and(|e| e.title == "Your first Pass state"));
    }
}
