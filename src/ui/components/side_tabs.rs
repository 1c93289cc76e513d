//! The tabs above the column beside the graph: the run's result, the open exercise, the test cases.

use yew::prelude::*;

use crate::ui::learn::Side;

#[derive(Properties, PartialEq)]
pub struct SideTabsProps {
    pub side: Side,
    /// An exercise is open (its tab is shown).
    pub exercise: bool,
    pub on_show: Callback<Side>,
}

#[function_component]
pub fn SideTabs(props: &SideTabsProps) -> Html {
    let tabs = [(Side::Result, "Result"), (Side::Exercise, "Exercise"), (Side::Tests, "Tests")];
    let tabs = tabs.into_iter().filter(|(side, _)| *side != Side::Exercise || props.exercise).map(|(side, label)| {
        let selected = side == props.side;
        html! {
            <button role="tab" class={classes!("tab", selected.then_some("selected"))} aria-selected={selected.to_string()}
                    data-side={label.to_lowercase()} onclick={props.on_show.reform(move |_| side)}>{ label }</button>
        }
    });
    html! { <div class="tabs side-tabs" role="tablist">{ for tabs }</div> }
}
