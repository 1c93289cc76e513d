//! The graph as a standalone SVG file, drawn as the page draws it (same layout, same edges, the same
//! colours in an embedded style sheet), optionally with what a set of test runs covered.

use std::fmt::Write;

use crate::asl::graph::{EdgeKind, Flow};
use crate::testcases::Coverage;
use crate::ui::layout::draw::{clip, label, label_point, path};
use crate::ui::layout::{group_title, layout, subtitle, Placed, Role, Route, DETAIL_CHAR_W, NAME_CHAR_W};

const STYLE: &str = "
text { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }
.node rect { fill: #fff; stroke: #8d99a8; stroke-width: 1.5; }
.node text { text-anchor: middle; }
.node .name { font-size: 13px; font-weight: 600; fill: #16191f; }
.node .detail { font-size: 11px; fill: #5f6b7a; }
.node.group > rect { fill: #f4f6f8; stroke-dasharray: 5 3; }
.node.group > .name { font-size: 12px; fill: #5f6b7a; text-anchor: start; }
.node .retry-mark text { font-size: 13px; font-weight: 700; fill: #e07700; }
.node.covered > rect { stroke: #037f0c; stroke-width: 2; fill: #eaf7ea; }
.node.missed > rect { stroke: #d91515; stroke-dasharray: 4 3; }
.marker rect { fill: #545b64; }
.marker text { fill: #fff; font-size: 11px; font-weight: 600; text-anchor: middle; }
.edge path { fill: none; stroke: #8d99a8; stroke-width: 1.5; }
.edge.default path { stroke-dasharray: 6 3; }
.edge.catch path { stroke: #e07700; stroke-dasharray: 3 3; }
.edge.covered path { stroke: #0972d3; stroke-width: 3; }
marker path { fill: #8d99a8; }
.edge-label { font-size: 11px; fill: #5f6b7a; text-anchor: middle; paint-order: stroke; stroke: #f7f8fa; stroke-width: 4px; }
.edge.back .edge-label { text-anchor: start; }
";

/// The drawing of `flow`; with `coverage`, covered states and transitions are highlighted and
/// missed states marked.
pub fn svg(flow: &Flow, coverage: Option<&Coverage>) -> String {
    let drawing = layout(flow);
    let (w, h) = (num(drawing.width), num(drawing.height));
    let mut out = format!("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\">\n");
    let _ = write!(out, "<style>{STYLE}</style>\n<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\"/></marker></defs>\n");
    let _ = writeln!(out, "<rect width=\"100%\" height=\"100%\" fill=\"#f7f8fa\"/>");
    for b in drawing.boxes.iter().filter(|b| b.role == Role::Group) {
        node(&mut out, b, coverage);
    }
    for r in &drawing.routes {
        edge(&mut out, r, coverage.is_some_and(|c| c.covers_edge(&r.from, &r.to, r.kind)));
    }
    for b in drawing.boxes.iter().filter(|b| b.role != Role::Group) {
        node(&mut out, b, coverage);
    }
    out.push_str("</svg>\n");
    out
}

fn node(out: &mut String, b: &Placed, coverage: Option<&Coverage>) {
    let (x, y, w, h) = (num(b.x), num(b.y), num(b.w), num(b.h));
    if matches!(b.role, Role::Start | Role::End) {
        let word = if b.role == Role::Start { "Start" } else { "End" };
        let _ = writeln!(out, "<g class=\"marker\" transform=\"translate({x},{y})\"><rect width=\"{w}\" height=\"{h}\" rx=\"{}\"/><text x=\"{}\" y=\"{}\">{word}</text></g>", num(b.h / 2.0), num(b.w / 2.0), num(b.h / 2.0 + 4.0));
        return;
    }
    let status = coverage.map(|c| if c.covers_state(&b.name) { " covered" } else { " missed" }).unwrap_or_default();
    let group = if b.role == Role::Group { " group" } else { "" };
    let kind = b.kind.to_lowercase();
    let second = subtitle(&b.kind, b.detail.as_deref());
    let _ = write!(out, "<g class=\"node kind-{}{group}{status}\" transform=\"translate({x},{y})\"><title>{}</title><rect width=\"{w}\" height=\"{h}\" rx=\"6\"/>", escape(&kind), escape(&format!("{} ({second})", b.name)));
    let fit = b.text_room(NAME_CHAR_W);
    if b.role == Role::Group {
        let _ = write!(out, "<text class=\"name\" x=\"10\" y=\"17\">{}</text>", escape(&clip(&group_title(&b.name, &b.kind), fit)));
    } else {
        let fit_detail = b.text_room(DETAIL_CHAR_W);
        let middle = num(b.w / 2.0);
        let _ = write!(out, "<text class=\"name\" x=\"{middle}\" y=\"19\">{}</text>", escape(&clip(&b.name, fit)));
        let _ = write!(out, "<text class=\"detail\" x=\"{middle}\" y=\"35\">{}</text>", escape(&clip(&second, fit_detail)));
    }
    if !b.retry.is_empty() {
        let (mx, my) = b.retry_mark_at();
        let _ = write!(out, "<g class=\"retry-mark\" transform=\"translate({},{})\"><title>{}</title><text>\u{21bb}</text></g>", num(mx), num(my), escape(&b.retry_text()));
    }
    out.push_str("</g>\n");
}

fn edge(out: &mut String, r: &Route, covered: bool) {
    let kind = match r.kind {
        EdgeKind::Next => "next",
        EdgeKind::Choice => "choice",
        EdgeKind::Default => "default",
        EdgeKind::Catch => "catch",
    };
    let classes = format!("edge {kind}{}{}", if covered { " covered" } else { "" }, if r.back { " back" } else { "" });
    let _ = write!(out, "<g class=\"{classes}\"><path d=\"{}\" marker-end=\"url(#arrow)\"/>", path(r));
    if let Some((text, shown)) = label(r) {
        let (x, y) = label_point(r);
        let _ = write!(out, "<text class=\"edge-label\" x=\"{}\" y=\"{}\"><title>{}</title>{}</text>", num(x), num(y), escape(text), escape(&shown));
    }
    out.push_str("</g>\n");
}

/// A coordinate, without needless decimals.
fn num(v: f64) -> String {
    let rounded = (v * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 { format!("{rounded:.0}") } else { format!("{rounded:.1}") }
}

/// Text safe inside XML.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}
