//! The execution's history as a table. Clicking a row moves the graph to that moment. Only the
//! rows in sight are drawn (rows have a fixed height), so a history of 25,000 events scrolls and
//! replays smoothly.

use std::rc::Rc;

use yew::prelude::*;

use crate::bridge::outcome::Outcome;

/// A row's height in pixels (as the style sheet fixes it), and the rows drawn beyond each edge of the view.
const ROW_H: usize = 22;
const SPARE_ROWS: usize = 20;

#[derive(Properties, PartialEq)]
pub struct EventsProps {
    pub outcome: Option<Rc<Outcome>>,
    /// How many events the graph shows.
    pub cursor: usize,
    pub on_seek: Callback<usize>,
}

#[function_component]
pub fn Events(props: &EventsProps) -> Html {
    // The scroll position and the view's height.
    let sight = use_state(|| (0usize, 800usize));
    let scroller = use_node_ref();
    {
        // The current row stays in sight as the player moves.
        let scroller = scroller.clone();
        use_effect_with(props.cursor, move |&cursor| {
            let Some(el) = scroller.cast::<web_sys::Element>() else { return };
            let (top, height) = (el.scroll_top().max(0) as usize, el.client_height().max(0) as usize);
            let row = cursor.saturating_sub(1) * ROW_H;
            if row < top || row + 2 * ROW_H > top + height {
                el.set_scroll_top(row.saturating_sub(height / 2) as i32);
            }
        });
    }
    let onscroll = {
        let sight = sight.clone();
        Callback::from(move |e: Event| {
            let el: web_sys::Element = e.target_unchecked_into();
            sight.set((el.scroll_top().max(0) as usize, el.client_height().max(0) as usize));
        })
    };
    let Some(outcome) = &props.outcome else {
        return html! { <section class="events"><h3>{ "Events" }</h3><p class="empty">{ "The run's history shows here." }</p></section> };
    };
    let len = outcome.events.len();
    let first = (sight.0 / ROW_H).saturating_sub(SPARE_ROWS).min(len);
    let last = (first + sight.1 / ROW_H + 2 * SPARE_ROWS).min(len);
    let spacer = |rows: usize| (rows > 0).then(|| html! { <tr class="spacer" style={format!("height:{}px", rows * ROW_H)} /> });
    let rows = outcome.events[first..last].iter().enumerate().map(|(i, e)| {
        let i = first + i;
        let seek = props.on_seek.reform(move |_| i + 1);
        let class = classes!(
            (i + 1 == props.cursor).then_some("current"),
            (i >= props.cursor).then_some("later"),
            e.failure.then_some("failure")
        );
        html! {
            <tr class={class} onclick={seek}>
                <td class="id">{ e.id }</td>
                <td class="type">{ &e.kind }</td>
                <td class="state">{ e.state.as_deref().unwrap_or("") }</td>
                <td class="details" title={e.details.clone()}><code>{ &e.details }</code></td>
            </tr>
        }
    });
    html! {
        <section class="events">
            <h3>{ format!("Events ({})", outcome.events.len()) }</h3>
            <div class="table-scroll" ref={scroller} onscroll={onscroll}>
                <table>
                    <thead><tr><th>{ "ID" }</th><th>{ "Type" }</th><th>{ "State" }</th><th>{ "Details" }</th></tr></thead>
                    <tbody>{ for spacer(first) }{ for rows }{ for spacer(len - last) }</tbody>
                </table>
            </div>
        </section>
    }
}
