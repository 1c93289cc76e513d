//! The Export menu: the definition, the last run's mock config and history, the graph, a SAM template.

use std::rc::Rc;

use yew::prelude::*;

use crate::bridge::outcome::Outcome;
use crate::ui::download::download;
use crate::ui::export_files::{file, Kind};

#[derive(Properties, PartialEq)]
pub struct ExportProps {
    /// Names the files and the state machine.
    pub name: AttrValue,
    pub definition: AttrValue,
    /// The last run's, when there was a run.
    pub outcome: Option<Rc<Outcome>>,
}

#[function_component]
pub fn Export(props: &ExportProps) -> Html {
    let status = use_state(|| None::<Result<String, String>>);
    let item = |kind: Kind| {
        let (status, name, definition, outcome) = (status.clone(), props.name.clone(), props.definition.clone(), props.outcome.clone());
        let pick = Callback::from(move |_: MouseEvent| {
            let made = file(kind, &name, &definition, outcome.as_ref().map(|o| o.history())).and_then(|f| download(&f).map(|()| format!("Downloaded {}.", f.name)));
            status.set(Some(made));
        });
        let waits = kind.needs_run() && props.outcome.is_none();
        html! {
            <li><button class={classes!("export-item", waits.then_some("needs-run"))} data-kind={format!("{kind:?}")} onclick={pick}>
                { kind.label() }
            </button></li>
        }
    };
    html! {
        <div class="export">
            <h2>{ "Export" }</h2>
            <ul>{ for Kind::ALL.into_iter().map(item) }</ul>
            if let Some(status) = &*status {
                <p class={classes!("export-status", status.is_err().then_some("error"))}>
                    { match status { Ok(s) | Err(s) => s.clone() } }
                </p>
            }
        </div>
    }
}
