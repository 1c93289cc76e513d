//! The definition drawn as a graph (see [`crate::ui::layout`]), coloured by a replay snapshot.

use std::rc::Rc;

use yew::prelude::*;

use crate::asl::graph::EdgeKind;
use crate::testcases::Coverage;
use crate::ui::layout::draw::{clip, label_point, path};
use crate::ui::layout::{group_title, subtitle, Layout, Placed, Role, Route, DETAIL_CHAR_W, NAME_CHAR_W, TEXT_PAD};
use crate::ui::replay::Snapshot;

#[derive(Properties, PartialEq)]
pub struct GraphProps {
    pub layout: Rc<Layout>,
    pub snapshot: Rc<Snapshot>,
    /// The definition has errors: this is the last drawing that could be made.
    pub stale: bool,
    /// The state whose mock is being called right now.
    pub calling: Option<Rc<str>>,
    /// What the test cases covered: the rest is dimmed.
    #[prop_or_default]
    pub coverage: Option<Rc<Coverage>>,
}

#[function_component]
pub fn Graph(props: &GraphProps) -> Html {
    let layout = &props.layout;
    if layout.boxes.is_empty() {
        return html! { <p class="graph-empty">{ "Nothing to draw yet: the definition has no states." }</p> };
    }
    let groups = layout.boxes.iter().filter(|b| b.role == Role::Group).map(|b| node(b, props));
    let states = layout.boxes.iter().filter(|b| b.role != Role::Group).map(|b| node(b, props));
    let taken = props.snapshot.taken.as_ref();
    let edges = layout.routes.iter().map(|r| {
        let missed = props.coverage.as_ref().is_some_and(|c| !covered(c, r));
        edge(r, taken.is_some_and(|(f, t)| *f == r.from && *t == r.to), missed)
    });
    let (w, h) = (layout.width, layout.height);
    html! {
        <svg class={classes!("graph", props.stale.then_some("stale"))} viewBox={format!("0 0 {w} {h}")}
             width={w.to_string()} height={h.to_string()} role="img" aria-label="State machine graph">
            <defs>
                <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                    <path d="M0,0 L10,5 L0,10 z" />
                </marker>
            </defs>
            { for groups }
            { for edges }
            { for states }
        </svg>
    }
}

fn node(b: &Placed, props: &GraphProps) -> Html {
    let transform = format!("translate({},{})", b.x, b.y);
    let (w, h) = (b.w, b.h);
    match b.role {
        Role::Start | Role::End => {
            let word = if b.role == Role::Start { "Start" } else { "End" };
            return html! {
                <g class="marker" transform={transform}>
                    <rect width={w.to_string()} height={h.to_string()} rx={(h / 2.0).to_string()} />
                    <text x={(w / 2.0).to_string()} y={(h / 2.0 + 4.0).to_string()}>{ word }</text>
                </g>
            };
        }
        Role::Group | Role::State => {}
    }
    let status = props.snapshot.status.get(&b.name).map(|s| s.class());
    let status = status.or_else(|| (props.calling.as_deref() == Some(b.name.as_str())).then_some("active"));
    let attempts = props.snapshot.attempts.get(&b.name).copied().unwrap_or(0);
    let kind = format!("kind-{}", b.kind.to_lowercase());
    let missed = props.coverage.as_ref().is_some_and(|c| !c.covers_state(&b.name));
    let class = classes!("node", kind, status, (b.role == Role::Group).then_some("group"), missed.then_some("uncovered"));
    let fit = ((w - TEXT_PAD) / NAME_CHAR_W) as usize;
    let fit_detail = ((w - TEXT_PAD) / DETAIL_CHAR_W) as usize;
    let subtitle = subtitle(&b.kind, b.detail.as_deref());
    let (name_y, sub_y) = if b.role == Role::Group { (17.0, 17.0) } else { (19.0, 35.0) };
    html! {
        <g class={class} transform={transform} data-state={b.name.clone()} data-status={status.unwrap_or("idle")}>
            <title>{ format!("{} ({})", b.name, subtitle) }</title>
            <rect width={w.to_string()} height={h.to_string()} rx="6" />
            if b.role == Role::Group {
                <text class="name" x="10" y={name_y.to_string()}>{ clip(&group_title(&b.name, &b.kind), fit) }</text>
            } else {
                <text class="name" x={(w / 2.0).to_string()} y={name_y.to_string()}>{ clip(&b.name, fit) }</text>
                <text class="detail" x={(w / 2.0).to_string()} y={sub_y.to_string()}>{ clip(&subtitle, fit_detail) }</text>
            }
            if attempts > 1 {
                <g class="attempts" transform={format!("translate({},0)", w)}>
                    <circle r="10" />
                    <text y="4">{ format!("×{attempts}") }</text>
                </g>
            }
        </g>
    }
}

/// Whether the test cases took `r`. The Start and End markers' edges (unnamed) are no transitions:
/// their states show whether a test reached them.
fn covered(coverage: &Coverage, r: &Route) -> bool {
    r.from.is_empty() || r.to.is_empty() || coverage.covers_edge(&r.from, &r.to, r.kind)
}

fn edge(r: &Route, taken: bool, missed: bool) -> Html {
    let kind = match r.kind {
        EdgeKind::Next => "next",
        EdgeKind::Choice => "choice",
        EdgeKind::Default => "default",
        EdgeKind::Catch => "catch",
    };
    let label = r.label.as_deref().or((r.kind == EdgeKind::Default).then_some("Default"));
    let label = label.map(|text| {
        let (x, y) = label_point(r);
        html! { <text class="edge-label" x={x.to_string()} y={y.to_string()}><title>{ text }</title>{ clip(text, 28) }</text> }
    });
    html! {
        <g class={classes!("edge", kind, taken.then_some("taken"), r.back.then_some("back"), missed.then_some("uncovered"))}>
            <path d={path(r)} marker-end="url(#arrow)" />
            { for label }
        </g>
    }
}
