//! Coordinates: layers become rows, and each box is put as close as it can get to the horizontal
//! centre of its neighbours without overlapping the others in its row; then the edges are routed.

use super::layers::{by_key, Ranked};

/// The width a dummy slot (an edge passing through a row) takes in its row.
const DUMMY_W: f64 = 12.0;
/// How far right of the boxes a loop's vertical lane runs, and the spacing of several lanes.
const LANE_GAP: f64 = 18.0;

/// Where everything goes, relative to the flow's top-left corner.
pub struct Coords {
    /// The top-left corner of every real box.
    pub at: Vec<(f64, f64)>,
    /// Per edge: the polyline from source to target.
    pub routes: Vec<Vec<(f64, f64)>>,
    pub width: f64,
    pub height: f64,
}

/// Places the slots of `r`, whose real boxes have `sizes`.
pub fn place(r: &Ranked, sizes: &[(f64, f64)], h_gap: f64, v_gap: f64) -> Coords {
    let size = |slot: usize| if slot < r.n { sizes[slot] } else { (DUMMY_W, 0.0) };
    // Rows.
    let mut row_top = Vec::with_capacity(r.order.len());
    let mut y = 0.0;
    for slots in &r.order {
        row_top.push(y);
        y += slots.iter().map(|&s| size(s).1).fold(0.0, f64::max) + v_gap;
    }
    let height = (y - v_gap).max(0.0);
    let row_h = |l: usize| r.order[l].iter().map(|&s| size(s).1).fold(0.0, f64::max);
    // Columns: pack each row, then align with the row above, the row below, and the row above again.
    let mut center = vec![0.0; r.layer.len()];
    for slots in &r.order {
        let mut x = 0.0;
        for &s in slots {
            center[s] = x + size(s).0 / 2.0;
            x += size(s).0 + h_gap;
        }
    }
    let (ups, downs) = r.neighbours();
    let all: Vec<usize> = (0..r.order.len()).collect();
    for (neighbours, layers) in [(&ups, all.clone()), (&downs, all.iter().rev().copied().collect()), (&ups, all)] {
        for l in layers {
            let mean = |ns: &mut dyn Iterator<Item = &usize>| {
                let (sum, count) = ns.fold((0.0, 0), |(sum, count), &n| (sum + center[n], count + 1));
                (count > 0).then(|| sum / f64::from(count))
            };
            let desired: Vec<f64> = r.order[l]
                .iter()
                .map(|&s| {
                    let ns = &neighbours[s];
                    // A long edge runs straight: a slot it passes through lines up with the slots
                    // of its edge alone, not with the boxes whose edges join it there.
                    let along = if s >= r.n { mean(&mut ns.iter().filter(|&&n| n >= r.n)) } else { None };
                    along.or_else(|| mean(&mut ns.iter())).unwrap_or(center[s])
                })
                .collect();
            let widths: Vec<f64> = r.order[l].iter().map(|&s| size(s).0).collect();
            for (&s, c) in r.order[l].iter().zip(resolve(&desired, &widths, h_gap)) {
                center[s] = c;
            }
        }
    }
    let left = (0..r.layer.len()).map(|s| center[s] - size(s).0 / 2.0).fold(f64::INFINITY, f64::min);
    let left = if left.is_finite() { left } else { 0.0 };
    for c in &mut center {
        *c -= left;
    }
    let mut width = (0..r.layer.len()).map(|s| center[s] + size(s).0 / 2.0).fold(0.0, f64::max);
    let top = |s: usize| row_top[r.layer[s]] + (row_h(r.layer[s]) - size(s).1) / 2.0;
    let at: Vec<(f64, f64)> = (0..r.n).map(|s| (center[s] - size(s).0 / 2.0, top(s))).collect();

    // Routes. Forward edges leave a box's bottom, spread along it in the order of where they go.
    let mut routes: Vec<Vec<(f64, f64)>> = Vec::with_capacity(r.path.len());
    let mut lanes = 0;
    for (k, p) in r.path.iter().enumerate() {
        let (from, to) = (p[0], p[p.len() - 1]);
        if r.back[k] {
            let rows = r.layer[to].min(r.layer[from])..=r.layer[to].max(r.layer[from]);
            let right = rows.flat_map(|l| r.order[l].iter()).map(|&s| center[s] + size(s).0 / 2.0).fold(0.0, f64::max);
            let lane = right + LANE_GAP * (1 + lanes) as f64;
            lanes += 1;
            width = width.max(lane + LANE_GAP);
            let (fy, ty) = (top(from) + size(from).1 / 2.0, top(to) + size(to).1 / 2.0 - 6.0);
            let (fx, tx) = (center[from] + size(from).0 / 2.0, center[to] + size(to).0 / 2.0);
            routes.push(vec![(fx, fy), (lane, fy), (lane, ty), (tx, ty)]);
            continue;
        }
        let mut points = vec![(exit_x(r, k, &center, size), top(from) + size(from).1)];
        for &d in &p[1..p.len() - 1] {
            let row = row_top[r.layer[d]];
            points.push((center[d], row));
            points.push((center[d], row + row_h(r.layer[d])));
        }
        points.push((center[to], top(to)));
        routes.push(points);
    }
    Coords { at, routes, width, height }
}

/// Where forward edge `k` leaves its source: the source's bottom edge is shared out among its
/// forward edges, ordered by where each goes next.
fn exit_x(r: &Ranked, k: usize, center: &[f64], size: impl Fn(usize) -> (f64, f64)) -> f64 {
    let from = r.path[k][0];
    let siblings: Vec<usize> = (0..r.path.len()).filter(|&j| !r.back[j] && r.path[j][0] == from).collect();
    if siblings.len() < 2 {
        return center[from];
    }
    // Siblings come in index order, which the stable sort keeps among equal keys.
    let mut keyed: Vec<(f64, usize)> = siblings.iter().map(|&j| (center[r.path[j][1]], j)).collect();
    keyed.sort_by(by_key);
    let i = keyed.iter().position(|&(_, j)| j == k).unwrap_or(0);
    let w = size(from).0 * 0.6;
    center[from] - w / 2.0 + w * i as f64 / (siblings.len() - 1) as f64
}

/// Centres for boxes of `widths`, in order, as close to `desired` as possible without overlap:
/// boxes that would collide are merged into a block centred on the mean of their wishes.
fn resolve(desired: &[f64], widths: &[f64], gap: f64) -> Vec<f64> {
    // A block: its first box, its box count, its left edge, and the sum of each member's wished
    // left edge for the block (the box's wish minus its offset inside the block).
    struct Block {
        first: usize,
        len: usize,
        left: f64,
        wish_sum: f64,
    }
    let mut blocks: Vec<Block> = Vec::new();
    let mut offset = vec![0.0; widths.len()];
    for i in 0..widths.len() {
        let wish = desired[i] - widths[i] / 2.0;
        blocks.push(Block { first: i, len: 1, left: wish, wish_sum: wish });
        while blocks.len() > 1 {
            let b = blocks.len() - 1;
            let prev = &blocks[b - 1];
            let prev_right = prev.left + span(widths, prev.first, prev.len, gap) + gap;
            if blocks[b].left >= prev_right {
                break;
            }
            let last = blocks.pop().expect("two blocks");
            let prev = blocks.last_mut().expect("two blocks");
            let shift = span(widths, prev.first, prev.len, gap) + gap;
            for o in &mut offset[last.first..last.first + last.len] {
                *o += shift;
            }
            prev.wish_sum += last.wish_sum - shift * last.len as f64;
            prev.len += last.len;
            prev.left = prev.wish_sum / prev.len as f64;
        }
    }
    let mut centers = vec![0.0; widths.len()];
    for b in &blocks {
        for j in b.first..b.first + b.len {
            centers[j] = b.left + offset[j] + widths[j] / 2.0;
        }
    }
    centers
}

/// The width of `len` boxes from `first`, with gaps between them.
fn span(widths: &[f64], first: usize, len: usize, gap: f64) -> f64 {
    widths[first..first + len].iter().sum::<f64>() + gap * (len - 1) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boxes_that_want_the_same_place_share_it_evenly() {
        let c = resolve(&[100.0, 100.0], &[40.0, 40.0], 10.0);
        assert_eq!(c, [75.0, 125.0]);
    }

    #[test]
    fn boxes_with_room_keep_their_wish() {
        let c = resolve(&[0.0, 100.0, 300.0], &[40.0, 40.0, 40.0], 10.0);
        assert_eq!(c, [0.0, 100.0, 300.0]);
    }

    #[test]
    fn a_merged_block_can_grow_into_the_one_before() {
        let c = resolve(&[0.0, 50.0, 50.0], &[40.0, 40.0, 40.0], 10.0);
        // The two at 50 spread to 25 and 75, which pushes into the one at 0: the three centre together.
        let rounded: Vec<f64> = c.iter().map(|x| (x * 100.0).round() / 100.0).collect();
        assert_eq!(rounded, [-16.67, 33.33, 83.33]);
    }
}
