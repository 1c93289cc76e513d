//! The execution's history as a table, as the AWS console shows it: id, type, state, time since
//! the start (the absolute time on hover), details expandable; filtered by state, type and text;
//! exported in AWS's GetExecutionHistory shape. Clicking a row moves the graph to that moment.
//! Only the rows in sight are drawn (rows have a fixed height, unless expanded), so a history of
//! 25,000 events scrolls and replays smoothly.

use std::collections::HashSet;
use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::asl::json::Value;
use crate::bridge::outcome::{pretty, Outcome};
use crate::export::history_text;
use crate::ui::components::download::download;
use crate::ui::event_filter::{choices, relative, Filter};
use crate::ui::table_window::{follow, rows_in_sight, ROW_H};


#[derive(Properties, PartialEq)]
pub struct EventsProps {
    pub outcome: Option<Rc<Outcome>>,
    /// How many events the graph shows.
    pub cursor: usize,
    pub on_seek: Callback<usize>,
}

#[function_component]
pub fn Events(props: &EventsProps) -> Html {
    let filter = use_state(Filter::default);
    let expanded = use_state(HashSet::<usize>::new);
    let times = use_memo(props.outcome.clone(), |o| o.as_ref().map(|o| times(o)).unwrap_or_default());
    // The events the filter lets through, by index.
    let visible = use_memo((props.outcome.clone(), (*filter).clone()), |(o, f)| {
        o.as_ref().map(|o| o.events.iter().enumerate().filter(|(_, e)| f.matches(e)).map(|(i, _)| i).collect::<Vec<_>>()).unwrap_or_default()
    });
    // The states and event types to filter by: sorted once per run, not at each step of the player.
    let options = use_memo(props.outcome.clone(), |o| {
        let owned = |values: Vec<&str>| values.into_iter().map(str::to_owned).collect::<Vec<_>>();
        o.as_ref().map(|o| (owned(choices(&o.events, |r| r.state.as_deref())), owned(choices(&o.events, |r| Some(r.kind.as_str()))))).unwrap_or_default()
    });
    // Where the table is scrolled and how tall it is, as the last scroll event reported them or as
    // the table scrolled itself to follow the player. The element is written, not read, at each
    // step: reading it would make the browser lay the page out in the middle of every frame.
    let known = use_mut_ref(|| (0usize, 800usize));
    let redraw = use_force_update();
    let scroller = use_node_ref();
    // Reads the element's scroll position and height, and draws the rows in sight there (when the
    // table scrolled itself, they are already drawn).
    let measure = {
        let (known, redraw) = (known.clone(), redraw.clone());
        move |el: &web_sys::Element| {
            let sight = (el.scroll_top().max(0) as usize, el.client_height().max(0) as usize);
            if std::mem::replace(&mut *known.borrow_mut(), sight) != sight {
                redraw.force_update();
            }
        }
    };
    {
        // Measured once per run: the height changes only when the window does, which scrolls too.
        let (scroller, measure) = (scroller.clone(), measure.clone());
        use_effect_with(props.outcome.as_ref().map(Rc::as_ptr), move |_| {
            if let Some(el) = scroller.cast::<web_sys::Element>() {
                measure(&el);
            }
        });
    }
    // The current row stays in sight as the player moves: the rows drawn are those around it, and
    // the table scrolls there once they are.
    let seen = use_mut_ref(|| (usize::MAX, std::ptr::null()));
    let scroll_to = use_mut_ref(|| None::<usize>);
    let now = (props.cursor, Rc::as_ptr(&visible));
    if std::mem::replace(&mut *seen.borrow_mut(), now) != now {
        let row = visible.partition_point(|&i| i + 1 < props.cursor) * ROW_H;
        let mut known = known.borrow_mut();
        if let Some(top) = follow(known.0, known.1, row) {
            known.0 = top;
            *scroll_to.borrow_mut() = Some(top);
        }
    }
    {
        let (scroller, scroll_to) = (scroller.clone(), scroll_to.clone());
        use_effect(move || {
            if let (Some(top), Some(el)) = (scroll_to.take(), scroller.cast::<web_sys::Element>()) {
                el.set_scroll_top(top as i32);
            }
        });
    }
    let onscroll = Callback::from(move |e: Event| measure(&e.target_unchecked_into()));
    let Some(outcome) = &props.outcome else {
        return html! { <section class="events"><h3>{ "Events" }</h3><p class="empty">{ "The run's history shows here." }</p></section> };
    };
    let len = visible.len();
    let (top, height) = *known.borrow();
    let (first, last) = rows_in_sight(top, height, len);
    let spacer = |rows: usize| (rows > 0).then(|| html! { <tr class="spacer" style={format!("height:{}px", rows * ROW_H)} /> });
    let rows = visible[first..last].iter().map(|&i| {
        let e = &outcome.events[i];
        let seek = props.on_seek.reform(move |_| i + 1);
        let class = classes!(
            (i + 1 == props.cursor).then_some("current"),
            (i >= props.cursor).then_some("later"),
            e.failure.then_some("failure")
        );
        let open = expanded.contains(&i);
        let toggle = {
            let expanded = expanded.clone();
            Callback::from(move |e: MouseEvent| {
                e.stop_propagation();
                let mut next = (*expanded).clone();
                if !next.remove(&i) {
                    next.insert(i);
                }
                expanded.set(next);
            })
        };
        let (absolute, since) = times.get(i).cloned().unwrap_or_default();
        html! {
            // Keyed: scrolling by a few rows moves a few rows, rather than rewriting every row drawn.
            <tr key={i} class={class} onclick={seek}>
                <td class="id">{ e.id }</td>
                <td class="type">{ &e.kind }</td>
                <td class="state">{ e.state.as_deref().unwrap_or("") }</td>
                <td class="time" title={absolute}>{ since }</td>
                <td class="details">
                    <button class="expand" aria-expanded={open.to_string()} onclick={toggle}>{ if open { "▾" } else { "▸" } }</button>
                    if open {
                        <pre class="details-full">{ Value::parse(&e.details).map(|v| pretty(&v)).unwrap_or_else(|_| e.details.clone()) }</pre>
                    } else {
                        <code title={e.details.clone()}>{ &e.details }</code>
                    }
                </td>
            </tr>
        }
    });
    let on_export = {
        let timeline = outcome.timeline.clone();
        Callback::from(move |_| download("execution-history.json", &history_text(timeline.history())))
    };
    let count = if filter.is_empty() { format!("Events ({})", outcome.events.len()) } else { format!("Events ({len} of {})", outcome.events.len()) };
    html! {
        <section class="events">
            <div class="events-bar">
                <h3>{ count }</h3>
                { select("State", "filter-state", &options.0, &filter.state, {
                    let filter = filter.clone();
                    move |v| filter.set(Filter { state: v, ..(*filter).clone() })
                }) }
                { select("Type", "filter-type", &options.1, &filter.kind, {
                    let filter = filter.clone();
                    move |v| filter.set(Filter { kind: v, ..(*filter).clone() })
                }) }
                <input class="filter-text" type="search" placeholder="Search events" aria-label="Search events" value={filter.text.clone()}
                       oninput={ let filter = filter.clone(); Callback::from(move |e: InputEvent| {
                           let text = e.target_unchecked_into::<HtmlInputElement>().value();
                           filter.set(Filter { text, ..(*filter).clone() });
                       }) } />
                <button class="export-history" title="Download the history as AWS's GetExecutionHistory returns it" onclick={on_export}>{ "Export" }</button>
            </div>
            <div class="table-scroll" ref={scroller} onscroll={onscroll}>
                <table>
                    <thead><tr><th>{ "ID" }</th><th>{ "Type" }</th><th>{ "State" }</th><th>{ "Time" }</th><th>{ "Details" }</th></tr></thead>
                    <tbody>{ for spacer(first) }{ for rows }{ for spacer(len - last) }</tbody>
                </table>
            </div>
        </section>
    }
}

/// A filter's choice list: every value, or all of them when empty.
fn select(label: &'static str, class: &'static str, values: &[String], current: &str, set: impl Fn(String) + 'static) -> Html {
    let onchange = Callback::from(move |e: Event| set(e.target_unchecked_into::<HtmlSelectElement>().value()));
    html! {
        <select class={class} aria-label={label} onchange={onchange}>
            <option value="" selected={current.is_empty()}>{ format!("All {}s", label.to_lowercase()) }</option>
            { for values.iter().map(|v| html! { <option value={v.clone()} selected={v == current}>{ v }</option> }) }
        </select>
    }
}

/// Each event's timestamp, and its time since the first event (from the rows' parsed times).
fn times(outcome: &Outcome) -> Vec<(String, String)> {
    let start = outcome.events.first().and_then(|e| e.time);
    let shown = |t: i64| (crate::asl::timestamp::format(t), start.map(|s| relative(t - s)).unwrap_or_default());
    outcome.events.iter().map(|e| e.time.map(shown).unwrap_or_default()).collect()
}
