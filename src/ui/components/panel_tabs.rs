//! The tabs beside the graph: Result · Inspector · Variables · Compare for the run, then the open
//! exercise (when there is one) and the test cases.

use yew::prelude::*;

use crate::ui::learn::Side;
use crate::ui::state::Tab;

const TABS: [(Tab, &str); 4] = [(Tab::Result, "Result"), (Tab::Inspector, "Inspector"), (Tab::Variables, "Variables"), (Tab::Compare, "Compare")];

#[derive(Properties, PartialEq)]
pub struct PanelTabsProps {
    pub tab: Tab,
    /// Whether the column shows the run (`Side::Result`, then `tab` says which view) or a tutorial side.
    pub side: Side,
    /// An exercise is open (its tab is shown).
    pub exercise: bool,
    pub on_tab: Callback<Tab>,
    pub on_side: Callback<Side>,
}

fn tab(label: &'static str, selected: bool, onclick: Callback<MouseEvent>) -> Html {
    html! {
        <button role="tab" class={classes!("tab", selected.then_some("selected"))} data-tab={label}
                data-side={label.to_lowercase()} aria-selected={selected.to_string()} onclick={onclick}>{ label }</button>
    }
}

#[function_component]
pub fn PanelTabs(props: &PanelTabsProps) -> Html {
    let on_run = props.side == Side::Result;
    let run_tabs = TABS.iter().map(|&(t, label)| tab(label, on_run && t == props.tab, props.on_tab.reform(move |_| t)));
    let learn_tabs = [(Side::Exercise, "Exercise"), (Side::Tests, "Tests")]
        .into_iter()
        .filter(|(side, _)| *side != Side::Exercise || props.exercise)
        .map(|(side, label)| tab(label, side == props.side, props.on_side.reform(move |_| side)));
    html! { <nav class="tabs panel-tabs" role="tablist">{ for run_tabs }{ for learn_tabs }</nav> }
}
