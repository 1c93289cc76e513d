//! The top bar: the name, the page's menus (given as children: samples, recent, share, export, and
//! whatever else opens a panel), Run / Stop, and the keyboard shortcuts.

use yew::prelude::*;

use crate::ui::components::shortcuts::Shortcuts;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub running: bool,
    pub on_run: Callback<()>,
    pub on_stop: Callback<()>,
    /// The menus, in order.
    #[prop_or_default]
    pub children: Html,
}

#[function_component]
pub fn Header(props: &HeaderProps) -> Html {
    html! {
        <header class="topbar">
            <h1>{ "aslplay" }</h1>
            <span class="tagline">{ "AWS Step Functions playground" }</span>
            <nav class="menus">{ props.children.clone() }</nav>
            <span class="spacer" />
            <button class="run" onclick={props.on_run.reform(|_| ())} disabled={props.running}
                    title="Run the state machine (Ctrl+Enter)">{ "▶ Run" }</button>
            if props.running {
                <button class="stop" onclick={props.on_stop.reform(|_| ())} title="Stop the run">{ "■ Stop" }</button>
            }
            <kbd>{ "Ctrl+Enter" }</kbd>
            <Shortcuts />
        </header>
    }
}
