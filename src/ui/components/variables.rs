//! The workflow variables in scope at the replay's position: those of the selected state's scope
//! (its Map iteration or Parallel branch, and the scopes around it), or the scope of the last event
//! shown; with the state that last assigned each.

use std::rc::Rc;

use yew::prelude::*;

use crate::bridge::outcome::Outcome;
use crate::ui::components::json_view::JsonView;
use crate::ui::variables::in_scope;

#[derive(Properties, PartialEq)]
pub struct VariablesProps {
    pub outcome: Option<Rc<Outcome>>,
    pub cursor: usize,
    pub selected: Option<Rc<str>>,
}

#[function_component]
pub fn Variables(props: &VariablesProps) -> Html {
    let timeline = props.outcome.as_ref().map(|o| o.timeline.clone()).unwrap_or_default();
    if props.outcome.is_none() {
        return html! { <section class="variables-panel"><p class="empty">{ "The run's workflow variables show here." }</p></section> };
    }
    let upto = props.cursor.min(timeline.len());
    let selected_visit = props.selected.as_ref().and_then(|s| timeline.visits(s, upto).last().copied());
    let frame = match (selected_visit, upto) {
        (Some(v), _) => timeline.frame(v),
        (None, 0) => 0,
        (None, n) => timeline.frame(n - 1),
    };
    let variables = in_scope(&timeline, frame, upto);
    let at = if upto == 0 { "before the first event".to_owned() } else { format!("after event #{}", timeline.id(upto - 1)) };
    let scope = timeline.frames.get(frame).map(|f| f.scope.label()).unwrap_or_default();
    html! {
        <section class="variables-panel" aria-label="Variables">
            <p class="scope">{ format!("In scope {at}, in the {scope} scope") }</p>
            if variables.is_empty() {
                <p class="empty">{ "No variables assigned yet." }</p>
            } else {
                <table class="variables">
                    <thead><tr><th>{ "Variable" }</th><th>{ "Value" }</th><th>{ "Assigned by" }</th></tr></thead>
                    <tbody>
                        { for variables.iter().map(|v| html! {
                            <tr data-variable={v.name.clone()}>
                                <th>{ format!("${}", v.name) }</th>
                                <td><JsonView value={v.value.clone()} /></td>
                                <td class="by">
                                    { &v.state }<br/><small>{ format!("event #{}", v.event) }</small>
                                    if v.frame != 0 { <br/><small>{ timeline.frames[v.frame].scope.label() }</small> }
                                </td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            }
        </section>
    }
}
