//! The definition drawn as a graph (see [`crate::ui::layout`]), coloured by a replay snapshot; it
//! pans (drag), zooms (wheel, pinch, buttons; see [`crate::ui::gesture`]) and fits. Clicking a state selects it, Alt- or
//! Shift-clicking it (or clicking its corner dot) sets a breakpoint, clicking a group's title
//! folds it. Each box and edge is its own component that redraws only when what it shows changes,
//! so a step of the player redraws a few boxes, not the whole graph.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::asl::graph::EdgeKind;
use crate::testcases::Coverage;
use crate::ui::gesture::Gesture;
use crate::ui::layout::draw::{clip, label, label_point, path};
use crate::ui::layout::{group_title, subtitle, Layout, Role, Route, DETAIL_CHAR_W, NAME_CHAR_W};
use crate::ui::player::duration;
use crate::ui::replay::{Progress, Snapshot};
use crate::ui::viewport::{Framing, View};

/// What a click on a box asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum Pick {
    Select(String),
    Breakpoint(String),
    Fold(String),
    /// A click on the background: nothing selected.
    Clear,
}

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
    pub selected: Option<Rc<str>>,
    pub breakpoints: Rc<BTreeSet<String>>,
    pub on_pick: Callback<Pick>,
}

#[function_component]
pub fn Graph(props: &GraphProps) -> Html {
    let frame = use_node_ref();
    let view = use_state(View::default);
    let framing = use_mut_ref(Framing::default);
    let gesture = use_mut_ref(Gesture::default);
    // The boxes keep the first callback they were given; it reaches the latest props through here.
    let latest = use_mut_ref(|| props.on_pick.clone());
    *latest.borrow_mut() = props.on_pick.clone();
    let fit = {
        let (frame, view, layout) = (frame.clone(), view.clone(), props.layout.clone());
        Callback::from(move |_: ()| {
            if let Some(el) = frame.cast::<web_sys::Element>() {
                let (fw, fh) = (f64::from(el.client_width()), f64::from(el.client_height()));
                view.set(View::fit(layout.width, layout.height, fw, fh));
            }
        })
    };
    {
        // Fit on the first drawing, and when the drawing changes size unless the user's view is kept.
        let (fit, framing, layout) = (fit.clone(), framing.clone(), props.layout.clone());
        let size = (layout.width as i64, layout.height as i64, layout.boxes.len());
        use_effect_with(size, move |_| {
            let states = layout.boxes.iter().filter(|b| !matches!(b.role, Role::Start | Role::End));
            if framing.borrow_mut().refit(states.map(|b| b.name.clone()).collect()) {
                fit.emit(());
            }
        });
    }
    {
        // The player's view follows the run: a state entered out of sight is brought into view (a
        // tall drawing is fitted from its top). Not on the first drawing, which is being fitted.
        let (frame, view, layout) = (frame.clone(), view.clone(), props.layout.clone());
        let mounted = use_mut_ref(|| false);
        let entered = props.snapshot.taken.as_ref().map(|(_, to)| to.clone());
        use_effect_with(entered, move |entered| {
            let first = !std::mem::replace(&mut *mounted.borrow_mut(), true);
            let target = entered.as_ref().and_then(|name| layout.boxes.iter().find(|b| &b.name == name));
            if let (false, Some(b), Some(el)) = (first, target, frame.cast::<web_sys::Element>()) {
                let (fw, fh) = (f64::from(el.client_width()), f64::from(el.client_height()));
                if let Some(moved) = view.reveal((b.x, b.y, b.w, b.h), fw, fh) {
                    view.set(moved);
                }
            }
        });
    }
    let on_fit = {
        let framing = framing.clone();
        fit.reform(move |_: MouseEvent| framing.borrow_mut().fitted())
    };
    use_wheel_zoom(&frame, &view, &framing);
    let on_pick = {
        let (latest, gesture, frame) = (latest.clone(), gesture.clone(), frame.clone());
        Callback::from(move |pick: Pick| {
            if gesture.borrow().dragged() {
                return;
            }
            let select = matches!(pick, Pick::Select(_));
            latest.borrow().emit(pick);
            if select {
                // Showing the state in the editor focuses it; the keys stay with the player.
                let frame = frame.clone();
                gloo_timers::callback::Timeout::new(50, move || {
                    if let Some(el) = frame.cast::<web_sys::HtmlElement>() {
                        let _ = el.focus();
                    }
                })
                .forget();
            }
        })
    };
    let layout = &props.layout;
    let snap = &props.snapshot;
    let node = |i: usize| {
        let b = &layout.boxes[i];
        let status = snap.status.get(&b.name).map(|s| s.class());
        let calling = props.calling.as_deref() == Some(b.name.as_str());
        html! {
            // Boxes and edges are siblings in one list: their keys must differ.
            <Node key={format!("box-{i}")} layout={layout.clone()} index={i}
                  status={status.or(calling.then_some("active"))}
                  attempts={snap.attempts.get(&b.name).copied().unwrap_or(0)}
                  progress={snap.progress.get(&b.name).copied()}
                  remaining={waits(&b.kind).then(|| snap.remaining.get(&b.name).copied()).flatten()}
                  selected={props.selected.as_deref() == Some(b.name.as_str())}
                  breakpoint={props.breakpoints.contains(&b.name)}
                  missed={props.coverage.as_ref().is_some_and(|c| !c.covers_state(&b.name))}
                  on_pick={on_pick.clone()} />
        }
    };
    let groups = (0..layout.boxes.len()).filter(|&i| layout.boxes[i].role == Role::Group).map(node);
    let states = (0..layout.boxes.len()).filter(|&i| layout.boxes[i].role != Role::Group).map(node);
    let taken = snap.taken.as_ref();
    let edges = layout.routes.iter().enumerate().map(|(i, r)| {
        let taken = taken.is_some_and(|(f, t)| *f == r.from && *t == r.to);
        let missed = props.coverage.as_ref().is_some_and(|c| !covered(c, r));
        html! { <Edge key={format!("edge-{i}")} layout={layout.clone()} index={i} taken={taken} missed={missed} /> }
    });
    // Pointer positions in the frame's coordinates.
    let at = {
        let frame = frame.clone();
        move |e: &PointerEvent| {
            let (left, top) = frame.cast::<web_sys::Element>().map_or((0.0, 0.0), |el| {
                let rect = el.get_bounding_client_rect();
                (rect.left(), rect.top())
            });
            (f64::from(e.client_x()) - left, f64::from(e.client_y()) - top)
        }
    };
    let onpointerdown = {
        let (gesture, view, at) = (gesture.clone(), view.clone(), at.clone());
        Callback::from(move |e: PointerEvent| {
            if e.button() == 0 {
                let (x, y) = at(&e);
                gesture.borrow_mut().down(e.pointer_id(), x, y, *view);
            }
        })
    };
    let onpointermove = {
        let (gesture, view, framing) = (gesture.clone(), view.clone(), framing.clone());
        Callback::from(move |e: PointerEvent| {
            let (x, y) = at(&e);
            if let Some(next) = gesture.borrow_mut().moved_to(e.pointer_id(), x, y) {
                framing.borrow_mut().moved();
                view.set(next);
            }
        })
    };
    // The click that ends a drag is not a pick: `dragged` stays set until the next press.
    let onpointerup = {
        let view = view.clone();
        Callback::from(move |e: PointerEvent| gesture.borrow_mut().up(e.pointer_id(), *view))
    };
    let zoom = |factor: f64| {
        let (frame, view, framing) = (frame.clone(), view.clone(), framing.clone());
        Callback::from(move |_: MouseEvent| {
            framing.borrow_mut().moved();
            let (w, h) = frame.cast::<web_sys::Element>().map_or((0.0, 0.0), |el| {
                (f64::from(el.client_width()), f64::from(el.client_height()))
            });
            view.set(view.zoom_at(factor, w / 2.0, h / 2.0));
        })
    };
    html! {
        <div class="graph-view" tabindex="0" ref={frame.clone()} onpointerdown={onpointerdown} onpointermove={onpointermove}
             onpointerup={onpointerup.clone()} onpointerleave={onpointerup.clone()} onpointercancel={onpointerup}>
            if layout.boxes.is_empty() {
                <p class="graph-empty">{ "Nothing to draw yet: the definition has no states." }</p>
            }
            <svg class={classes!("graph", props.stale.then_some("stale"))} role="img" aria-label="State machine graph"
                 onclick={on_pick.reform(|_: MouseEvent| Pick::Clear)} data-zoom={format!("{:.3}", view.k)}>
                <defs>
                    <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                        <path d="M0,0 L10,5 L0,10 z" />
                    </marker>
                </defs>
                <g class="viewport" transform={view.transform()}>
                    { for groups }
                    { for edges }
                    { for states }
                </g>
            </svg>
            <div class="zoom-controls">
                <button title="Zoom in" aria-label="Zoom in" onclick={zoom(1.25)}>{ "+" }</button>
                <button title="Zoom out" aria-label="Zoom out" onclick={zoom(0.8)}>{ "−" }</button>
                <button title="Fit the graph to the view" aria-label="Fit" class="fit" onclick={on_fit}>{ "⤢" }</button>
            </div>
        </div>
    }
}

/// States whose time left is worth showing: a Wait, a task waiting for its callback or its result.
fn waits(kind: &str) -> bool {
    matches!(kind, "Wait" | "Task")
}

/// Wheel (and trackpad pinch, which browsers send as a wheel with Ctrl) zooms about the pointer.
/// Listened to directly: the page must not scroll or zoom itself, which needs a non-passive listener.
#[hook]
fn use_wheel_zoom(frame: &NodeRef, view: &UseStateHandle<View>, framing: &Rc<RefCell<Framing>>) {
    let current = use_mut_ref(|| **view);
    *current.borrow_mut() = **view;
    let (frame, view, framing) = (frame.clone(), view.clone(), framing.clone());
    use_effect_with((), move |_| {
        let el = frame.cast::<web_sys::Element>();
        let listener = Closure::<dyn Fn(web_sys::WheelEvent)>::new(move |e: web_sys::WheelEvent| {
            e.prevent_default();
            let Some(target) = frame.cast::<web_sys::Element>() else { return };
            let rect = target.get_bounding_client_rect();
            let (px, py) = (f64::from(e.client_x()) - rect.left(), f64::from(e.client_y()) - rect.top());
            let factor = (-e.delta_y() * if e.ctrl_key() { 0.01 } else { 0.0015 }).exp();
            let next = current.borrow().zoom_at(factor, px, py);
            *current.borrow_mut() = next;
            framing.borrow_mut().moved();
            view.set(next);
        });
        let options = web_sys::AddEventListenerOptions::new();
        options.set_passive(false);
        if let Some(el) = &el {
            let _ = el.add_event_listener_with_callback_and_add_event_listener_options(
                "wheel",
                listener.as_ref().unchecked_ref(),
                &options,
            );
        }
        move || {
            if let Some(el) = el {
                let _ = el.remove_event_listener_with_callback("wheel", listener.as_ref().unchecked_ref());
            }
        }
    });
}

#[derive(Properties)]
struct NodeProps {
    layout: Rc<Layout>,
    index: usize,
    status: Option<&'static str>,
    attempts: u32,
    progress: Option<Progress>,
    remaining: Option<i64>,
    selected: bool,
    breakpoint: bool,
    /// No test case reached it (dimmed).
    missed: bool,
    /// Not compared: it reaches the graph's latest callback.
    on_pick: Callback<Pick>,
}

impl PartialEq for NodeProps {
    fn eq(&self, other: &NodeProps) -> bool {
        Rc::ptr_eq(&self.layout, &other.layout)
            && (self.index, self.status, self.attempts, self.progress, self.remaining, self.selected, self.breakpoint, self.missed)
                == (other.index, other.status, other.attempts, other.progress, other.remaining, other.selected, other.breakpoint, other.missed)
    }
}

#[function_component]
fn Node(props: &NodeProps) -> Html {
    let Some(b) = props.layout.boxes.get(props.index) else { return html! {} };
    let transform = format!("translate({},{})", b.x, b.y);
    let (w, h) = (b.w, b.h);
    if matches!(b.role, Role::Start | Role::End) {
        let word = if b.role == Role::Start { "Start" } else { "End" };
        return html! {
            <g class="marker" transform={transform}>
                <rect width={w.to_string()} height={h.to_string()} rx={(h / 2.0).to_string()} />
                <text x={(w / 2.0).to_string()} y={(h / 2.0 + 4.0).to_string()}>{ word }</text>
            </g>
        };
    }
    let group = b.role == Role::Group;
    let kind = format!("kind-{}", b.kind.to_lowercase());
    let class = classes!(
        "node",
        kind,
        props.status,
        group.then_some("group"),
        b.folded.then_some("folded"),
        (props.attempts > 1).then_some("retried"),
        props.selected.then_some("selected"),
        props.breakpoint.then_some("breakpoint"),
        props.missed.then_some("uncovered"),
    );
    let fit = b.text_room(NAME_CHAR_W);
    let fit_detail = b.text_room(DETAIL_CHAR_W);
    let subtitle = subtitle(&b.kind, b.detail.as_deref());
    let pick = |make: fn(String) -> Pick| {
        let (name, on_pick) = (b.name.clone(), props.on_pick.clone());
        move |e: MouseEvent| {
            e.stop_propagation();
            let pick = if e.alt_key() || e.shift_key() { Pick::Breakpoint(name.clone()) } else { make(name.clone()) };
            on_pick.emit(pick);
        }
    };
    let fold = Callback::from(pick(Pick::Fold));
    let progress = props.progress.map(|p| {
        let of = if b.kind == "Parallel" { " branches" } else { "" };
        let failed = if p.failed > 0 { format!(" · {} failed", p.failed) } else { String::new() };
        let total = if p.total > 0 || b.kind == "Parallel" { p.total.to_string() } else { "?".into() };
        let (x, y) = if group { (w - 10.0, 17.0) } else { (w - 4.0, -5.0) };
        html! { <text class="progress" x={x.to_string()} y={y.to_string()}>{ format!("{}/{total}{of}{failed}", p.done) }</text> }
    });
    let remaining = props.remaining.map(|ms| {
        let y = if group { 38.0 } else { h + 13.0 };
        html! { <text class="remaining" x={(w / 2.0).to_string()} y={y.to_string()}>{ format!("{} left", duration(ms)) }</text> }
    });
    html! {
        <g class={class} transform={transform} data-state={b.name.clone()} data-status={props.status.unwrap_or("idle")}
           onclick={pick(Pick::Select)}>
            <title>{ format!("{} ({})", b.name, subtitle) }</title>
            <rect width={w.to_string()} height={h.to_string()} rx="6" />
            if group {
                <text class="name title" x="10" y="17" onclick={fold.clone()}>
                    { format!("▾ {}", clip(&group_title(&b.name, &b.kind), fit.saturating_sub(2))) }
                </text>
            } else {
                <text class="name" x={(w / 2.0).to_string()} y="19">{ clip(&b.name, fit) }</text>
                <text class="detail" x={(w / 2.0).to_string()} y="35">{ clip(&subtitle, fit_detail) }</text>
            }
            if b.folded {
                <text class="unfold" x="8" y="16" onclick={fold}><title>{ "Unfold" }</title>{ "▸" }</text>
            }
            { for progress }
            { for remaining }
            if props.attempts > 1 {
                <g class="attempts" transform={format!("translate({},0)", w)}>
                    <circle r="10" />
                    <text y="4">{ format!("×{}", props.attempts) }</text>
                </g>
            }
            if !b.retry.is_empty() {
                <g class="retry-mark" transform={{ let (x, y) = b.retry_mark_at(); format!("translate({x},{y})") }}>
                    <text>{ "↻" }</text>
                    <title>{ b.retry_text() }</title>
                </g>
            }
            <circle class="bp" cx="0" cy="0" r="6" onclick={pick(Pick::Breakpoint)}>
                <title>{ if props.breakpoint { "Remove the breakpoint" } else { "Stop here when the state is entered" } }</title>
            </circle>
        </g>
    }
}

/// Whether the test cases took `r`. The Start and End markers' edges (unnamed) are no transitions:
/// their states show whether a test reached them.
fn covered(coverage: &Coverage, r: &Route) -> bool {
    r.from.is_empty() || r.to.is_empty() || coverage.covers_edge(&r.from, &r.to, r.kind)
}

#[derive(Properties)]
struct EdgeProps {
    layout: Rc<Layout>,
    index: usize,
    taken: bool,
    /// No test case took it (dimmed).
    missed: bool,
}

impl PartialEq for EdgeProps {
    fn eq(&self, other: &EdgeProps) -> bool {
        Rc::ptr_eq(&self.layout, &other.layout) && (self.index, self.taken, self.missed) == (other.index, other.taken, other.missed)
    }
}

#[function_component]
fn Edge(props: &EdgeProps) -> Html {
    let Some(r) = props.layout.routes.get(props.index) else { return html! {} };
    let kind = match r.kind {
        EdgeKind::Next => "next",
        EdgeKind::Choice => "choice",
        EdgeKind::Default => "default",
        EdgeKind::Catch => "catch",
    };
    let label = label(r).map(|(text, shown)| {
        let (x, y) = label_point(r);
        html! { <text class="edge-label" x={x.to_string()} y={y.to_string()}><title>{ text }</title>{ shown }</text> }
    });
    html! {
        <g class={classes!("edge", kind, props.taken.then_some("taken"), r.back.then_some("back"), props.missed.then_some("uncovered"))}>
            <path d={path(r)} marker-end="url(#arrow)" />
            { for label }
        </g>
    }
}
