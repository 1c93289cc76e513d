//! The editor panel: tabs for the definition, the input and the mocks, and the live problems.

use std::rc::Rc;

use yew::prelude::*;

use crate::bridge::problems::{editor_json, Pane, Problem};
use crate::ui::components::editor::Editor;
use crate::ui::components::mock_config::MockConfigBar;
use crate::ui::components::problems::Problems;
use crate::ui::state::{Reveal, Texts};

const PANES: [(Pane, &str); 3] = [(Pane::Definition, "json"), (Pane::Input, "json-live"), (Pane::Mocks, "javascript")];

#[derive(Properties, PartialEq)]
pub struct EditorsProps {
    pub texts: Texts,
    pub revision: u32,
    pub pane: Pane,
    /// Problems found while typing, in every pane.
    pub problems: Rc<Vec<Problem>>,
    /// Problems the last run ran into: marked in the editors too, listed with the result.
    pub run_problems: Rc<Vec<Problem>>,
    pub reveal: Option<Reveal>,
    pub on_edit: Callback<(Pane, String)>,
    pub on_show: Callback<Pane>,
    pub on_run: Callback<()>,
    pub on_select: Callback<Problem>,
    /// Shown under the problems (the JSONata scratchpad).
    #[prop_or_default]
    pub children: Html,
    /// The test case picked for a mock configuration in the Mocks pane.
    pub test_case: Option<Rc<str>>,
    pub on_import: Callback<String>,
    pub on_pick: Callback<Rc<str>>,
}

#[function_component]
pub fn Editors(props: &EditorsProps) -> Html {
    let tabs = PANES.iter().map(|&(pane, _)| {
        let count = props.problems.iter().filter(|p| p.pane == pane).count();
        let show = props.on_show.reform(move |_| pane);
        html! {
            <button role="tab" class={classes!("tab", (pane == props.pane).then_some("selected"))}
                    aria-selected={(pane == props.pane).to_string()} onclick={show} data-pane={pane.label()}>
                { pane.label() }
                if count > 0 { <span class="badge" title="problems">{ count }</span> }
            </button>
        }
    });
    let editors = PANES.iter().map(|&(pane, language)| {
        let marks = props.problems.iter().chain(props.run_problems.iter()).filter(|p| p.pane == pane);
        let diagnostics: Rc<str> = editor_json(marks).into();
        let reveal = props.reveal.filter(|r| r.pane == pane).map(|r| (r.offset, r.nonce));
        html! {
            <Editor language={language} text={props.texts.get(pane).clone()} revision={props.revision}
                    diagnostics={diagnostics} reveal={reveal} hidden={pane != props.pane} label={pane.label()}
                    on_change={props.on_edit.reform(move |text| (pane, text))} on_run={props.on_run.clone()} />
        }
    });
    html! {
        <section class="editors">
            <div class="tabs" role="tablist">{ for tabs }</div>
            if props.pane == Pane::Mocks {
                <MockConfigBar mocks={props.texts.mocks.clone()} test_case={props.test_case.clone()}
                               on_import={props.on_import.clone()} on_pick={props.on_pick.clone()} />
            }
            <div class="editor-stack">{ for editors }</div>
            <Problems problems={props.problems.clone()} on_select={props.on_select.clone()} />
            { props.children.clone() }
        </section>
    }
}
