//! The workspaces kept in this browser, so that no work is lost: the open one (saved as it is
//! edited) and the last [`RECENT`] it replaced when a sample, a link or a recent workspace was
//! opened. Saved as JSON under [`KEY`]; the format's version is in the key and in the data, and what
//! the page saved before ([`V1_KEY`]: the three texts) is read once into the open workspace.

use serde::{Deserialize, Serialize};

use crate::share::{query_language, query_language_name, Selected, Shared};
use crate::testcases::{TestCase, Workspace};

/// Where the workspaces are saved.
pub const KEY: &str = "aslplay.workspaces.v2";
/// Where the editors' texts were saved before workspaces were kept (format 1).
pub const V1_KEY: &str = "aslplay.editors.v1";
/// The format [`Store`] is saved in.
const VERSION: u32 = 2;
/// How many replaced workspaces are kept.
pub const RECENT: usize = 10;
/// The name of a workspace started by typing rather than opened from somewhere.
pub const UNTITLED: &str = "My workspace";

/// One workspace, with where it came from and when it last changed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// What the Recent menu calls it: the sample's title, "Shared link", …
    pub name: String,
    /// When it last changed, in milliseconds since 1970.
    pub at: f64,
    pub definition: String,
    #[serde(default)]
    pub input: String,
    #[serde(default)]
    pub mocks: String,
    /// The sample or exercise it was opened from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selected: Option<Selected>,
    /// `JSONPath` or `JSONata`, when a link set it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub query_language: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tests: Vec<TestCase>,
    /// The test case picked in the Mocks pane's mock configuration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mock_test_case: Option<String>,
}

impl Entry {
    /// The entry for `shared`, called `name`.
    pub fn from_shared(name: &str, shared: &Shared, at: f64) -> Entry {
        let Workspace { definition, input, mocks } = shared.workspace.clone();
        Entry {
            name: name.to_string(),
            at,
            definition,
            input,
            mocks,
            selected: shared.selected.clone(),
            query_language: shared.query_language.map(|q| query_language_name(q).to_string()),
            tests: shared.tests.clone(),
            mock_test_case: None,
        }
    }

    /// The entry as a link carries it.
    pub fn shared(&self) -> Shared {
        Shared {
            workspace: Workspace::new(&*self.definition, &*self.input, &*self.mocks),
            query_language: self.query_language.as_deref().and_then(query_language),
            selected: self.selected.clone(),
            tests: self.tests.clone(),
        }
    }

    fn same_texts(&self, other: &Entry) -> bool {
        (&self.definition, &self.input, &self.mocks) == (&other.definition, &other.input, &other.mocks)
    }

    fn is_blank(&self) -> bool {
        self.definition.trim().is_empty() && self.input.trim().is_empty() && self.mocks.trim().is_empty()
    }
}

/// Everything saved: the open workspace and the recent ones, newest first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Store {
    version: u32,
    pub current: Option<Entry>,
    #[serde(default)]
    pub recent: Vec<Entry>,
}

impl Default for Store {
    fn default() -> Store {
        Store { version: VERSION, current: None, recent: Vec::new() }
    }
}

impl Store {
    /// What was saved: `saved` (under [`KEY`]) when it reads, else the texts of a format 1 save
    /// (`v1`, under [`V1_KEY`]) as the open workspace, else nothing.
    pub fn read(saved: Option<&str>, v1: Option<&str>, now: f64) -> Store {
        let store = saved.and_then(|text| serde_json::from_str::<Store>(text).ok()).filter(|s| s.version == VERSION);
        store.or_else(|| v1.and_then(|text| migrate_v1(text, now))).unwrap_or_default()
    }

    /// The store as saved.
    pub fn to_json(&self) -> String {
        // Plain strings, numbers and test cases always serialize.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The open workspace's texts changed (a blank workspace is not worth keeping).
    pub fn edit(&mut self, definition: &str, input: &str, mocks: &str, now: f64) {
        let entry = self.current.get_or_insert_with(|| Entry { name: UNTITLED.into(), ..Entry::default() });
        if (entry.definition.as_str(), entry.input.as_str(), entry.mocks.as_str()) != (definition, input, mocks) {
            (entry.definition, entry.input, entry.mocks, entry.at) = (definition.into(), input.into(), mocks.into(), now);
        }
        if entry.is_blank() {
            self.current = None;
        }
    }

    /// Opens `entry` in place of the open workspace, which goes first in the recent list unless it
    /// is blank or holds the same texts. Whether it was kept (so that an undo can bring it back).
    pub fn open(&mut self, entry: Entry) -> bool {
        let previous = self.current.replace(entry);
        match previous {
            Some(previous) if !previous.is_blank() && self.current.as_ref().is_some_and(|c| !c.same_texts(&previous)) => {
                self.remember(previous);
                true
            }
            _ => false,
        }
    }

    /// Opens the recent workspace at `index` (the open one takes its place at the front); what it holds.
    pub fn restore(&mut self, index: usize) -> Option<&Entry> {
        if index >= self.recent.len() {
            return None;
        }
        let entry = self.recent.remove(index);
        if let Some(previous) = self.current.replace(entry).filter(|p| !p.is_blank()) {
            self.remember(previous);
        }
        self.current.as_ref()
    }

    fn remember(&mut self, entry: Entry) {
        self.recent.retain(|r| !r.same_texts(&entry));
        self.recent.insert(0, entry);
        self.recent.truncate(RECENT);
    }
}

/// A format 1 save, `{"definition": …, "input": …, "mocks": …}`, as a store.
fn migrate_v1(text: &str, now: f64) -> Option<Store> {
    #[derive(Deserialize)]
    struct V1 {
        definition: String,
        input: String,
        mocks: String,
    }
    let V1 { definition, input, mocks } = serde_json::from_str(text).ok()?;
    let current = Entry { name: UNTITLED.into(), at: now, definition, input, mocks, ..Entry::default() };
    Some(Store { current: Some(current).filter(|c| !c.is_blank()), ..Store::default() })
}

/// How long ago `at` was, as the Recent menu says it: "just now", "5 min ago", "3 h ago", "2 days ago".
pub fn ago(now: f64, at: f64) -> String {
    let minutes = ((now - at) / 60_000.0).max(0.0) as u64;
    match minutes {
        0 => "just now".into(),
        1..=59 => format!("{minutes} min ago"),
        60..=2879 => format!("{} h ago", minutes / 60),
        _ => format!("{} days ago", minutes / 1440),
    }
}

#[cfg(test)]
mod tests;
