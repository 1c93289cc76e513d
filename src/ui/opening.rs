//! Opening something in place of the workspace (a sample, a link, a recent workspace, an imported
//! mock configuration) without losing it: the workspace replaced is kept among the recent ones, and a notice offers Undo.

use yew::prelude::*;

use crate::share::{self, Opened, Selected};
use crate::ui::components::notice::Notice;
use crate::ui::sample_files;
use crate::ui::samples::{self, Sample, SAMPLES};
use crate::ui::state::{Action, Playground};
use crate::ui::storage;
use crate::ui::workspaces::{Entry, UNTITLED};
use crate::ui::location;

/// Opens things in the page's workspace, telling the user through the notice.
#[derive(Clone)]
pub struct Opener {
    pub state: UseReducerHandle<Playground>,
    pub notice: UseStateHandle<Option<Notice>>,
}

const KEPT: &str = "Your previous workspace is kept under Recent.";

fn news(message: String) -> Notice {
    Notice { message: format!("{message} {KEPT}"), error: false, undo: true }
}

impl Opener {
    /// Fetches `sample`'s files and opens them.
    pub fn sample(&self, sample: &'static Sample) {
        let (dispatcher, notice) = (self.state.dispatcher(), self.notice.clone());
        yew::platform::spawn_local(async move {
            match sample_files::fetch(sample).await {
                Ok(texts) => {
                    let entry = Entry {
                        name: sample.title.into(),
                        at: storage::now(),
                        definition: texts.definition.to_string(),
                        input: texts.input.to_string(),
                        mocks: texts.mocks.to_string(),
                        selected: Some(Selected::Sample(sample.id.into())),
                        ..Entry::default()
                    };
                    let kept = storage::open(entry);
                    dispatcher.dispatch(Action::LoadSample(sample, texts));
                    if kept {
                        notice.set(Some(news(format!("Opened the sample \u{201c}{}\u{201d}.", sample.title))));
                    }
                }
                Err(e) => notice.set(Some(Notice { message: e, error: true, undo: false })),
            }
        });
    }

    /// Opens what the address's `fragment` links to; on a first visit without one, the first sample.
    /// A link that does not open says why and changes nothing. Whether a workspace opens.
    pub fn link(&self, fragment: &str, first_visit: bool) -> bool {
        match share::open(fragment) {
            Ok(None) if first_visit => self.sample(&SAMPLES[0]),
            Ok(None) => return false,
            Ok(Some(Opened::Sample(sample))) => {
                location::clear_fragment();
                self.sample(sample);
            }
            Ok(Some(Opened::Workspace(shared))) => {
                location::clear_fragment();
                let name = match &shared.selected {
                    Some(Selected::Exercise(id)) => format!("Exercise \u{201c}{id}\u{201d}"),
                    Some(Selected::Sample(id)) => format!("{} (shared)", samples::find(id).map_or(id.as_str(), |s| s.title)),
                    None => "Shared link".into(),
                };
                let entry = Entry::from_shared(&name, &shared, storage::now());
                self.open(entry, &format!("Opened {name}."));
            }
            Err(e) => {
                self.notice.set(Some(Notice { message: e.to_string(), error: true, undo: false }));
                if !first_visit {
                    return false;
                }
                self.sample(&SAMPLES[0]);
            }
        }
        true
    }

    /// Opens `entry`, saying `what` happened when a workspace was replaced.
    fn open(&self, entry: Entry, what: &str) {
        let kept = storage::open(entry.clone());
        self.state.dispatch(Action::LoadWorkspace(storage::texts(&entry), entry.selected));
        self.notice.set(kept.then(|| news(what.to_string())));
    }

    /// Puts an imported mock configuration in the Mocks pane; the workspace with the mocks it
    /// replaces is kept under Recent, and Undo brings it back.
    pub fn import_mocks(&self, config: String) {
        let texts = &self.state.texts;
        let current = storage::current().unwrap_or_else(|| Entry {
            name: UNTITLED.into(),
            definition: texts.definition.to_string(),
            input: texts.input.to_string(),
            mocks: texts.mocks.to_string(),
            ..Entry::default()
        });
        let kept = storage::open(Entry { mocks: config.clone(), at: storage::now(), mock_test_case: None, ..current });
        self.state.dispatch(Action::ImportMocks(config));
        self.notice.set(kept.then(|| news("Imported the mock configuration into the Mocks pane.".into())));
    }

    /// Opens the recent workspace at `index` (the one open takes its place).
    pub fn restore(&self, index: usize) {
        if let Some(entry) = storage::restore(index) {
            self.state.dispatch(Action::LoadWorkspace(storage::texts(&entry), entry.selected.clone()));
            self.notice.set(Some(news(format!("Opened \u{201c}{}\u{201d} from Recent.", entry.name))));
        }
    }

    /// Brings back the workspace the last opening replaced.
    pub fn undo(&self) {
        if let Some(entry) = storage::restore(0) {
            self.state.dispatch(Action::LoadWorkspace(storage::texts(&entry), entry.selected));
        }
        self.notice.set(None);
    }
}
