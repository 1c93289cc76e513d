//! The tabs beside the graph: Result · Inspector · Variables · Compare.

use yew::prelude::*;

use crate::ui::state::Tab;

const TABS: [(Tab, &str); 4] = [(Tab::Result, "Result"), (Tab::Inspector, "Inspector"), (Tab::Variables, "Variables"), (Tab::Compare, "Compare")];

#[derive(Properties, PartialEq)]
pub struct PanelTabsProps {
    pub tab: Tab,
    pub on_tab: Callback<Tab>,
}

#[function_component]
pub fn PanelTabs(props: &PanelTabsProps) -> Html {
    html! {
        <nav class="tabs panel-tabs" role="tablist">
            { for TABS.iter().map(|&(tab, label)| html! {
                <button role="tab" class={classes!("tab", (tab == props.tab).then_some("selected"))} data-tab={label}
                        aria-selected={(tab == props.tab).to_string()} onclick={props.on_tab.reform(move |_| tab)}>{ label }</button>
            }) }
        </nav>
    }
}
