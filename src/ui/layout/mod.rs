//! A layered drawing of a [`Flow`]: states top to bottom in the order the execution reaches them,
//! Parallel and Map states as boxes holding their branches side by side, loops routed up the right.
//!
//! Plain geometry, no web types, so it is tested natively. The steps follow the usual layered
//! (Sugiyama) method in a small form: [`layers`] ranks the states and orders each rank, [`place`]
//! gives them coordinates, and this module sizes the boxes, nests the branches and routes the edges.

pub mod draw;
mod layers;
mod place;

use std::collections::BTreeSet;

use crate::asl::graph::{Edge, EdgeKind, Flow, Node};

/// Horizontal space between boxes of one layer.
const H_GAP: f64 = 28.0;
/// Vertical space between layers (room for an edge label).
const V_GAP: f64 = 48.0;
/// A state's box height.
const STATE_H: f64 = 44.0;
/// Padding inside a Parallel or Map box, and the height of its title.
const GROUP_PAD: f64 = 14.0;
const GROUP_TITLE: f64 = 24.0;
/// The Start and End markers' size.
const MARKER_W: f64 = 56.0;
const MARKER_H: f64 = 24.0;
/// The approximate width of one character of a state's name (bold, 13px) and of its detail line
/// (11px), for sizing boxes; the drawing clips text to the same measure.
pub const NAME_CHAR_W: f64 = 8.0;
pub const DETAIL_CHAR_W: f64 = 6.4;
/// The horizontal padding inside a state's box.
pub const TEXT_PAD: f64 = 24.0;
/// Room kept on each side of a state's text for its retry mark.
const RETRY_PAD: f64 = 10.0;

/// What a placed box stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// A state.
    State,
    /// A Parallel or Map state, drawn around its branches.
    Group,
    /// The marker the execution starts from.
    Start,
    /// The marker terminal states lead to.
    End,
}

/// A box at its place, in absolute coordinates.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    /// The state's name (empty for the Start and End markers).
    pub name: String,
    /// The state's type.
    pub kind: String,
    /// What a Task calls, if it is a Task.
    pub detail: Option<String>,
    /// The state's `Retry` rules, one line each.
    pub retry: Vec<String>,
    /// What the box stands for.
    pub role: Role,
    /// A Parallel or Map drawn folded, as one box without its branches.
    pub folded: bool,
    /// Top-left corner and size.
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Placed {
    /// How many characters `char_w` wide its text may take: its box less the padding, and less the
    /// room of its retry mark, which sits at the left edge. (Rounded, not cut: a box sized for 18
    /// characters must not come out as 17.99 of them.)
    pub fn text_room(&self, char_w: f64) -> usize {
        let mark = if self.retry.is_empty() || self.role == Role::Group { 0.0 } else { 2.0 * RETRY_PAD };
        ((self.w - TEXT_PAD - mark) / char_w + 1e-6).max(0.0) as usize
    }

    /// Where its retry mark goes: at the left edge of a state, in the bottom corner of a group.
    pub fn retry_mark_at(&self) -> (f64, f64) {
        (RETRY_PAD, if self.role == Role::Group { self.h - 7.0 } else { self.h / 2.0 + 5.0 })
    }

    /// The retry mark's tooltip: the state's `Retry` rules, one per line.
    pub fn retry_text(&self) -> String {
        format!("Retry\n{}", self.retry.join("\n"))
    }
}

/// An edge as a polyline through absolute points, from the source box to the target box.
#[derive(Clone, Debug, PartialEq)]
pub struct Route {
    /// Source and target state names (empty for the Start and End markers).
    pub from: String,
    pub to: String,
    /// The kind of transition.
    pub kind: EdgeKind,
    /// The Choice rule or the caught errors.
    pub label: Option<String>,
    /// The polyline, first point on the source, last on the target.
    pub points: Vec<(f64, f64)>,
    /// The edge goes back up (a loop).
    pub back: bool,
}

/// A whole drawing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    /// The drawing's size.
    pub width: f64,
    pub height: f64,
    /// Groups come before the states inside them, so drawing in order paints them underneath.
    pub boxes: Vec<Placed>,
    pub routes: Vec<Route>,
}

/// Lays out a top-level flow with Start and End markers, with a margin around it.
pub fn layout(flow: &Flow) -> Layout {
    layout_folded(flow, &BTreeSet::new())
}

/// [`layout`], with the Parallel and Map states named in `folded` drawn as one box each.
pub fn layout_folded(flow: &Flow, folded: &BTreeSet<String>) -> Layout {
    let margin = 16.0;
    let mut block = block(flow, true, folded);
    // Edge labels may reach past the boxes: the drawing widens to take them in.
    let spans = block.routes.iter().filter_map(draw::label_span);
    let (left, right) = spans.fold((0.0_f64, block.w), |(l, r), (a, b)| (l.min(a), r.max(b)));
    block.shift(margin - left, margin);
    Layout { width: right - left + 2.0 * margin, height: block.h + 2.0 * margin, boxes: block.boxes, routes: block.routes }
}

/// A laid-out flow with coordinates relative to its own top-left corner.
struct Block {
    w: f64,
    h: f64,
    boxes: Vec<Placed>,
    routes: Vec<Route>,
}

impl Block {
    fn shift(&mut self, dx: f64, dy: f64) {
        for b in &mut self.boxes {
            b.x += dx;
            b.y += dy;
        }
        for r in &mut self.routes {
            for p in &mut r.points {
                p.0 += dx;
                p.1 += dy;
            }
        }
    }
}

/// One box to place in a flow: its size, and for a group the blocks of its branches.
struct Item {
    placed: Placed,
    branches: Vec<Block>,
}

fn block(flow: &Flow, top_level: bool, folded: &BTreeSet<String>) -> Block {
    let mut items: Vec<Item> = flow
        .nodes
        .iter()
        .map(|node| {
            let fold = !node.branches.is_empty() && folded.contains(&node.name);
            let branches: Vec<Block> =
                if fold { Vec::new() } else { node.branches.iter().map(|b| block(b, false, folded)).collect() };
            let role = if branches.is_empty() { Role::State } else { Role::Group };
            let detail = if fold { Some(summary(node)) } else { node.detail.clone() };
            let (w, h) = match role {
                Role::Group => group_size(&group_title(&node.name, &node.kind), &branches),
                _ => {
                    let mark = if node.retry.is_empty() { 0.0 } else { 2.0 * RETRY_PAD };
                    (state_width(&node.name, &subtitle(&node.kind, detail.as_deref())) + mark, STATE_H)
                }
            };
            let placed = Placed {
                name: node.name.clone(),
                kind: node.kind.clone(),
                detail,
                retry: node.retry.clone(),
                role,
                folded: fold,
                x: 0.0,
                y: 0.0,
                w,
                h,
            };
            Item { placed, branches }
        })
        .collect();
    let index = |name: &str| flow.nodes.iter().position(|n| n.name == name);
    let merged = merge_parallel(&flow.edges);
    let mut edges: Vec<layers::Edge> = merged
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            // Catch edges are drawn dashed: they bundle apart from the others.
            let bundle = u8::from(e.kind == EdgeKind::Catch);
            Some(layers::Edge { from: index(&e.from)?, to: index(&e.to)?, source: Some(i), bundle })
        })
        .collect();
    let start = flow.start_at.as_deref().and_then(index);
    if top_level {
        let marker = |role| Item {
            placed: Placed {
                name: String::new(),
                kind: String::new(),
                detail: None,
                retry: Vec::new(),
                role,
                folded: false,
                x: 0.0,
                y: 0.0,
                w: MARKER_W,
                h: MARKER_H,
            },
            branches: Vec::new(),
        };
        let (s, e) = (items.len(), items.len() + 1);
        items.push(marker(Role::Start));
        items.push(marker(Role::End));
        edges.extend(start.map(|to| layers::Edge { from: s, to, source: None, bundle: 0 }));
        edges.extend(flow.nodes.iter().enumerate().filter(|(_, n)| n.terminal).map(|(i, _)| layers::Edge {
            from: i,
            to: e,
            source: None,
            bundle: 0,
        }));
    }
    let roots: Vec<usize> = if top_level { vec![items.len() - 2] } else { start.into_iter().collect() };
    let sizes: Vec<(f64, f64)> = items.iter().map(|i| (i.placed.w, i.placed.h)).collect();
    let ranked = layers::rank(sizes.len(), &edges, &roots, top_level.then(|| sizes.len() - 1));
    let coords = place::place(&ranked, &sizes, H_GAP, V_GAP);
    assemble(&merged, items, &edges, &ranked, &coords)
}

/// The edges with those of one kind between the same two states drawn as one, their labels
/// joined (two Catch clauses leading to the same Fail state).
fn merge_parallel(edges: &[Edge]) -> Vec<Edge> {
    let mut merged: Vec<Edge> = Vec::with_capacity(edges.len());
    for edge in edges {
        match merged.iter_mut().find(|m| m.from == edge.from && m.to == edge.to && m.kind == edge.kind) {
            Some(m) => {
                let labels = [m.label.take(), edge.label.clone()];
                let joined: Vec<String> = labels.into_iter().flatten().collect();
                m.label = (!joined.is_empty()).then(|| joined.join(" | "));
            }
            None => merged.push(edge.clone()),
        }
    }
    merged
}

fn assemble(
    merged: &[Edge],
    items: Vec<Item>,
    edges: &[layers::Edge],
    ranked: &layers::Ranked,
    coords: &place::Coords,
) -> Block {
    let mut block = Block { w: coords.width, h: coords.height, boxes: Vec::new(), routes: Vec::new() };
    for (i, mut item) in items.into_iter().enumerate() {
        let (x, y) = coords.at[i];
        item.placed.x = x;
        item.placed.y = y;
        let mut inner_x = x + GROUP_PAD;
        let inner_y = y + GROUP_TITLE + GROUP_PAD;
        block.boxes.push(item.placed);
        for mut branch in item.branches {
            branch.shift(inner_x, inner_y);
            inner_x += branch.w + H_GAP;
            block.boxes.append(&mut branch.boxes);
            block.routes.append(&mut branch.routes);
        }
    }
    for (k, edge) in edges.iter().enumerate() {
        let src = merged.get(edge.source.unwrap_or(usize::MAX));
        let route = Route {
            from: src.map_or_else(String::new, |e| e.from.clone()),
            to: src.map_or_else(String::new, |e| e.to.clone()),
            kind: src.map_or(EdgeKind::Next, |e| e.kind),
            label: src.and_then(|e| e.label.clone()),
            points: coords.routes[k].clone(),
            back: ranked.back[k],
        };
        block.routes.push(route);
    }
    block
}

/// What a folded Parallel or Map holds: "3 branches", "4 states".
fn summary(node: &Node) -> String {
    let count = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    match node.kind.as_str() {
        "Parallel" => count(node.branches.len(), "branch", "branches"),
        _ => count(node.branches.iter().map(|b| b.nodes.len()).sum(), "state", "states"),
    }
}

/// A Parallel or Map box's title.
pub fn group_title(name: &str, kind: &str) -> String {
    format!("{name} · {kind}")
}

/// A state box's second line: its type, and what it calls.
pub fn subtitle(kind: &str, detail: Option<&str>) -> String {
    match detail {
        Some(detail) => format!("{kind} · {detail}"),
        None => kind.to_owned(),
    }
}

fn state_width(name: &str, second_line: &str) -> f64 {
    let name_w = name.chars().count() as f64 * NAME_CHAR_W;
    let line_w = second_line.chars().count() as f64 * DETAIL_CHAR_W;
    (name_w.max(line_w) + TEXT_PAD).clamp(110.0, 280.0)
}

fn group_size(title: &str, branches: &[Block]) -> (f64, f64) {
    let inner_w: f64 = branches.iter().map(|b| b.w).sum::<f64>() + H_GAP * branches.len().saturating_sub(1) as f64;
    let inner_h = branches.iter().map(|b| b.h).fold(0.0, f64::max);
    let w = (inner_w + 2.0 * GROUP_PAD).max(state_width(title, ""));
    (w, inner_h + GROUP_TITLE + 2.0 * GROUP_PAD)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::asl::graph::graph;
    use crate::asl::json::Value;

    /// The employee lottery of the seed documents: a loop back, a Parallel with two branches, Catch to Fail.
    const LOTTERY: &str = r#"{"StartAt":"Input Lottery Winners","States":{
      "Input Lottery Winners":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:input","Next":"Random Select Winners",
        "Catch":[{"ErrorEquals":["CustomError"],"Next":"Failed"},{"ErrorEquals":["States.ALL"],"Next":"Failed"}]},
      "Random Select Winners":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:random","InputPath":"$.body","Next":"Validate Winners"},
      "Validate Winners":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:validate","Next":"Is Winner In Past Draw"},
      "Is Winner In Past Draw":{"Type":"Choice","Choices":[{"Variable":"$.status","NumericEquals":1,"Next":"Random Select Winners"}],
        "Default":"Send SNS and Record In Dynamodb"},
      "Send SNS and Record In Dynamodb":{"Type":"Parallel","End":true,"Branches":[
        {"StartAt":"Notify Winners","States":{"Notify Winners":{"Type":"Task","Resource":"arn:aws:states:::sns:publish","End":true}}},
        {"StartAt":"Record Winner Queue","States":{"Record Winner Queue":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:record","End":true}}}]},
      "Failed":{"Type":"Fail"}}}"#;

    fn lottery() -> Layout {
        layout(&graph(&Value::parse(LOTTERY).unwrap()))
    }

    fn find<'a>(l: &'a Layout, name: &str) -> &'a Placed {
        l.boxes.iter().find(|b| b.name == name).unwrap()
    }

    fn inside(outer: &Placed, inner: &Placed) -> bool {
        inner.x >= outer.x
            && inner.y >= outer.y
            && inner.x + inner.w <= outer.x + outer.w
            && inner.y + inner.h <= outer.y + outer.h
    }

    #[test]
    fn states_go_down_in_execution_order_inside_the_drawing() {
        let l = lottery();
        let order = [
            "Input Lottery Winners",
            "Random Select Winners",
            "Validate Winners",
            "Is Winner In Past Draw",
            "Send SNS and Record In Dynamodb",
        ];
        for pair in order.windows(2) {
            assert!(find(&l, pair[0]).y + find(&l, pair[0]).h < find(&l, pair[1]).y, "{} above {}", pair[0], pair[1]);
        }
        let start = l.boxes.iter().find(|b| b.role == Role::Start).unwrap();
        let end = l.boxes.iter().find(|b| b.role == Role::End).unwrap();
        assert!(l.boxes.iter().all(|b| b.y >= start.y && b.y <= end.y));
        assert!(l.boxes.iter().all(|b| b.x >= 0.0 && b.x + b.w <= l.width && b.y + b.h <= l.height));
        let notify = find(&l, "Notify Winners");
        assert_eq!(draw::clip(&subtitle(&notify.kind, notify.detail.as_deref()), notify.text_room(DETAIL_CHAR_W)), "Task · sns:publish", "a box sized for its text shows it whole");
        let labels: Vec<(f64, f64)> = l.routes.iter().filter_map(draw::label_span).collect();
        assert!(labels.len() >= 3 && labels.iter().all(|&(a, b)| a >= 0.0 && b <= l.width), "labels inside too: {labels:?} in {}", l.width);
    }

    #[test]
    fn boxes_of_one_level_do_not_overlap_and_branches_sit_inside_their_group() {
        let l = lottery();
        let group = find(&l, "Send SNS and Record In Dynamodb");
        assert_eq!(group.role, Role::Group);
        assert!(inside(group, find(&l, "Notify Winners")) && inside(group, find(&l, "Record Winner Queue")));
        let top: Vec<&Placed> = l.boxes.iter().filter(|b| !inside(group, b) || std::ptr::eq(*b, group)).collect();
        for (i, a) in top.iter().enumerate() {
            for b in &top[i + 1..] {
                let apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
                assert!(apart, "{:?} overlaps {:?}", a.name, b.name);
            }
        }
    }

    #[test]
    fn a_folded_group_is_one_box_with_a_summary_and_the_drawing_shrinks() {
        let open = lottery();
        let parallel = "Send SNS and Record In Dynamodb";
        let folded = layout_folded(&graph(&Value::parse(LOTTERY).unwrap()), &[parallel.to_owned()].into());
        let group = find(&folded, parallel);
        assert!(group.folded && group.role == Role::State);
        assert_eq!(group.detail.as_deref(), Some("2 branches"));
        assert!(!folded.boxes.iter().any(|b| b.name == "Notify Winners"));
        assert!(folded.height < open.height);
        assert!(folded.routes.iter().any(|r| r.from == "Is Winner In Past Draw" && r.to == parallel));
    }

    #[test]
    fn the_loop_goes_back_up_and_edges_join_their_boxes() {
        let l = lottery();
        let back: Vec<&Route> = l.routes.iter().filter(|r| r.back).collect();
        assert_eq!(back.len(), 1);
        assert_eq!((back[0].from.as_str(), back[0].to.as_str()), ("Is Winner In Past Draw", "Random Select Winners"));
        for r in l.routes.iter().filter(|r| !r.back && !r.from.is_empty() && !r.to.is_empty()) {
            let (from, to) = (find(&l, &r.from), find(&l, &r.to));
            let (first, last) = (r.points[0], r.points[r.points.len() - 1]);
            assert_eq!(first.1, from.y + from.h, "{} leaves from its bottom", r.from);
            assert!(first.0 >= from.x && first.0 <= from.x + from.w);
            assert_eq!(last, (to.x + to.w / 2.0, to.y), "{} arrives at the top of {}", r.from, r.to);
        }
        let catch = l.routes.iter().find(|r| r.kind == EdgeKind::Catch).unwrap();
        assert_eq!(catch.label.as_deref(), Some("CustomError | States.ALL"));
        assert_eq!(l.routes.iter().filter(|r| r.kind == EdgeKind::Catch).count(), 1);
    }

    /// `groups` of a Task caught into one shared Fail state, a Choice of two paths and a Default,
    /// and the state they meet in: a 200-state definition is 40 of them.
    fn caught_chain(groups: usize) -> String {
        let state = |i: usize| {
            let next = if i + 1 < groups { format!("Fetch {}", i + 1) } else { "Done".into() };
            format!(
                r#""Fetch {i}":{{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:f","Next":"Route {i}",
                  "Catch":[{{"ErrorEquals":["States.ALL"],"Next":"Failed"}}]}},
                "Route {i}":{{"Type":"Choice","Default":"Merge {i}","Choices":[
                  {{"Variable":"$.a","BooleanEquals":true,"Next":"Path A {i}"}},{{"Variable":"$.b","BooleanEquals":true,"Next":"Path B {i}"}}]}},
                "Path A {i}":{{"Type":"Pass","Next":"Merge {i}"}},"Path B {i}":{{"Type":"Pass","Next":"Merge {i}"}},
                "Merge {i}":{{"Type":"Pass","Next":"{next}"}},"#
            )
        };
        let states: String = (0..groups).map(state).collect();
        format!(r#"{{"StartAt":"Fetch 0","States":{{{states}"Failed":{{"Type":"Fail"}},"Done":{{"Type":"Succeed"}}}}}}"#)
    }

    #[test]
    fn a_long_chain_stays_straight_beside_the_line_of_its_catches() {
        let l = layout(&graph(&Value::parse(&caught_chain(40)).unwrap()));
        let centre = |i: usize| {
            let b = find(&l, &format!("Fetch {i}"));
            b.x + b.w / 2.0
        };
        // Each group's catch joins the line running down to Failed; the chain beside it does not
        // drift right group after group.
        assert!((4..40).all(|i| (centre(i) - centre(3)).abs() < 1.0), "{:?}", (0..40).map(centre).collect::<Vec<_>>());
        assert!(l.width < 500.0, "{} wide", l.width);
        assert_eq!(l.routes.iter().filter(|r| r.kind == EdgeKind::Catch).count(), 40);
    }
}
