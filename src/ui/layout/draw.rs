//! Drawing a laid-out graph's edges and labels as SVG: what the page's graph and the exported SVG
//! both draw.

use super::{Route, DETAIL_CHAR_W};
use crate::asl::graph::EdgeKind;

/// An SVG path through the route's points: smooth S-curves between rows, straight lines for loops.
pub fn path(r: &Route) -> String {
    let Some(&(x0, y0)) = r.points.first() else { return String::new() };
    let mut d = format!("M{x0:.1},{y0:.1}");
    for pair in r.points.windows(2) {
        let ((ax, ay), (bx, by)) = (pair[0], pair[1]);
        if r.back {
            d.push_str(&format!(" L{bx:.1},{by:.1}"));
        } else {
            let mid = (ay + by) / 2.0;
            d.push_str(&format!(" C{ax:.1},{mid:.1} {bx:.1},{mid:.1} {bx:.1},{by:.1}"));
        }
    }
    d
}

/// Where an edge's label goes: beside a loop's lane, or on the first curve three quarters of the
/// way down, where edges fanning out of one state have spread apart.
pub fn label_point(r: &Route) -> (f64, f64) {
    let at = |i: usize| r.points.get(i).copied().unwrap_or_default();
    if r.back {
        let (a, b) = (at(1), at(2));
        return (a.0 + 4.0, (a.1 + b.1) / 2.0);
    }
    // The cubic of `path` from a to b, with both control points at mid-height, at t = 0.75.
    let ((ax, ay), (bx, by)) = (at(0), at(1));
    let t: f64 = 0.75;
    let (to_a, to_b) = ((1.0 - t).powi(3) + 3.0 * (1.0 - t).powi(2) * t, 3.0 * (1.0 - t) * t * t + t.powi(3));
    let mid = (ay + by) / 2.0;
    let y = ay * (1.0 - t).powi(3) + mid * 3.0 * (1.0 - t) * t + by * t.powi(3);
    (ax * to_a + bx * to_b, y - 2.0)
}

/// The most characters of an edge's label drawn; the whole label shows on hover.
const LABEL_CHARS: usize = 28;

/// An edge's label, whole (a Choice rule, a Catch's errors, or `Default`), and as drawn.
pub fn label(r: &Route) -> Option<(&str, String)> {
    let text = r.label.as_deref().or((r.kind == EdgeKind::Default).then_some("Default"))?;
    Some((text, clip(text, LABEL_CHARS)))
}

/// How far an edge's label reaches left and right of the drawing's coordinates (centred on its
/// point, or starting there beside a back edge).
pub fn label_span(r: &Route) -> Option<(f64, f64)> {
    let (_, shown) = label(r)?;
    let (x, _) = label_point(r);
    let w = shown.chars().count() as f64 * DETAIL_CHAR_W;
    Some(if r.back { (x, x + w) } else { (x - w / 2.0, x + w / 2.0) })
}

/// `text` cut to `max` characters, with an ellipsis when cut.
pub fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}
