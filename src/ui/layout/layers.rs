//! Ranking and ordering: which layer each box goes in, and the left-to-right order inside a layer.
//!
//! Edges that close a loop (found by a depth-first walk from the start) are set aside so the rest is
//! acyclic; each box goes one layer below the lowest box leading to it (longest path); an edge that
//! skips layers gets a chain of invisible "dummy" slots, one per layer crossed, so that ordering can
//! keep it clear of the boxes; long edges of one bundle into the same box share their slots where
//! they run together (edge concentration: forty Catch edges into one Fail state make one line, not
//! forty side by side); a few barycentre sweeps then reduce crossings.

use std::collections::HashMap;

/// An edge between two boxes; `source` indexes the flow's edges (None for the Start/End markers').
#[derive(Clone, Copy, Debug)]
pub struct Edge {
    pub from: usize,
    pub to: usize,
    pub source: Option<usize>,
    /// Long edges into the same box with the same bundle share the slots they pass through (so
    /// edges drawn alike are merged, and a dashed one never runs on a solid one).
    pub bundle: u8,
}

/// The ranked graph. Slots `0..n` are the boxes, slots from `n` on are dummies.
#[derive(Debug)]
pub struct Ranked {
    /// How many real boxes there are.
    pub n: usize,
    /// The layer of every slot.
    pub layer: Vec<usize>,
    /// Each layer's slots, left to right.
    pub order: Vec<Vec<usize>>,
    /// Per edge: whether it goes back up (closes a loop).
    pub back: Vec<bool>,
    /// Per edge: the slots it passes through, source first, target last (just the two ends for back edges).
    pub path: Vec<Vec<usize>>,
}

/// Ranks `n` boxes. The walk starts from `roots`, then from any box not reached; `last`, if given,
/// is put alone below everything (the End marker).
pub fn rank(n: usize, edges: &[Edge], roots: &[usize], last: Option<usize>) -> Ranked {
    let (back, discovered) = find_back_edges(n, edges, roots);
    let mut layer = longest_path_layers(n, edges, &back);
    if let Some(last) = last {
        layer[last] = (0..n).filter(|&i| i != last).map(|i| layer[i] + 1).max().unwrap_or(0);
    }
    let mut path = Vec::with_capacity(edges.len());
    let mut shared: HashMap<(usize, u8, usize), usize> = HashMap::new();
    for (k, e) in edges.iter().enumerate() {
        let mut p = vec![e.from];
        if !back[k] {
            for l in layer[e.from] + 1..layer[e.to] {
                let slot = *shared.entry((e.to, e.bundle, l)).or_insert_with(|| {
                    layer.push(l);
                    layer.len() - 1
                });
                p.push(slot);
            }
        }
        p.push(e.to);
        path.push(p);
    }
    let layers = layer.iter().copied().max().map_or(0, |m| m + 1);
    let mut order: Vec<Vec<usize>> = vec![Vec::new(); layers];
    // Initial order: boxes as the walk discovered them, each dummy right after its edge's source.
    let mut seen = vec![false; layer.len()];
    for &i in &discovered {
        let mut slots = vec![i];
        for (k, e) in edges.iter().enumerate() {
            if e.from == i && !back[k] {
                slots.extend(&path[k][1..path[k].len() - 1]);
            }
        }
        for s in slots {
            if !std::mem::replace(&mut seen[s], true) {
                order[layer[s]].push(s);
            }
        }
    }
    let mut ranked = Ranked { n, layer, order, back, path };
    reduce_crossings(&mut ranked);
    ranked
}

/// Depth-first walk: which edges close a loop, and the order boxes were first reached in.
fn find_back_edges(n: usize, edges: &[Edge], roots: &[usize]) -> (Vec<bool>, Vec<usize>) {
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (k, e) in edges.iter().enumerate() {
        out[e.from].push(k);
    }
    // 0 unvisited, 1 on the current path, 2 done.
    let mut state = vec![0u8; n];
    let mut back = vec![false; edges.len()];
    let mut discovered = Vec::with_capacity(n);
    for root in roots.iter().copied().chain(0..n) {
        if state[root] != 0 {
            continue;
        }
        state[root] = 1;
        discovered.push(root);
        let mut stack = vec![(root, 0usize)];
        while let Some(top) = stack.last_mut() {
            let (node, next) = *top;
            if let Some(&k) = out[node].get(next) {
                top.1 += 1;
                let to = edges[k].to;
                match state[to] {
                    0 => {
                        state[to] = 1;
                        discovered.push(to);
                        stack.push((to, 0));
                    }
                    1 => back[k] = true,
                    _ => {}
                }
            } else {
                state[node] = 2;
                stack.pop();
            }
        }
    }
    (back, discovered)
}

/// Each box one layer below the lowest of its forward predecessors (Kahn's topological order).
fn longest_path_layers(n: usize, edges: &[Edge], back: &[bool]) -> Vec<usize> {
    let forward: Vec<&Edge> = edges.iter().zip(back).filter(|(_, &b)| !b).map(|(e, _)| e).collect();
    let mut incoming = vec![0usize; n];
    for e in &forward {
        incoming[e.to] += 1;
    }
    let mut layer = vec![0usize; n];
    let mut ready: Vec<usize> = (0..n).filter(|&i| incoming[i] == 0).collect();
    while let Some(node) = ready.pop() {
        for e in forward.iter().filter(|e| e.from == node) {
            layer[e.to] = layer[e.to].max(layer[node] + 1);
            incoming[e.to] -= 1;
            if incoming[e.to] == 0 {
                ready.push(e.to);
            }
        }
    }
    layer
}

/// Barycentre sweeps: sort each layer by the mean position of its neighbours in the layer above
/// (going down) or below (going up). Slots with no neighbour there keep their position.
fn reduce_crossings(r: &mut Ranked) {
    let (up, down) = r.neighbours();
    for sweep in 0..6 {
        let (neighbours, layers): (&Vec<Vec<usize>>, Vec<usize>) = if sweep % 2 == 0 {
            (&up, (1..r.order.len()).collect())
        } else {
            (&down, (0..r.order.len().saturating_sub(1)).rev().collect())
        };
        for l in layers {
            let reference = if sweep % 2 == 0 { l - 1 } else { l + 1 };
            let position = |slot: usize| r.order[reference].iter().position(|&s| s == slot).unwrap_or(0) as f64;
            let mut keyed: Vec<(f64, usize)> = r.order[l]
                .iter()
                .enumerate()
                .map(|(i, &slot)| {
                    let ns = &neighbours[slot];
                    let key = if ns.is_empty() {
                        i as f64
                    } else {
                        ns.iter().map(|&s| position(s)).sum::<f64>() / ns.len() as f64
                    };
                    (key, slot)
                })
                .collect();
            keyed.sort_by(by_key);
            r.order[l] = keyed.into_iter().map(|(_, s)| s).collect();
        }
    }
}

impl Ranked {
    /// Each slot's forward neighbours in the layer above and in the layer below, each once (edges
    /// sharing slots pass the same pair many times).
    pub fn neighbours(&self) -> (Vec<Vec<usize>>, Vec<Vec<usize>>) {
        let mut up: Vec<Vec<usize>> = vec![Vec::new(); self.layer.len()];
        let mut down: Vec<Vec<usize>> = vec![Vec::new(); self.layer.len()];
        for (p, &back) in self.path.iter().zip(&self.back) {
            if !back {
                for w in p.windows(2) {
                    if !down[w[0]].contains(&w[1]) {
                        down[w[0]].push(w[1]);
                        up[w[1]].push(w[0]);
                    }
                }
            }
        }
        (up, down)
    }
}

/// Orders `(key, index)` pairs by key alone (a stable sort keeps ties in place). Both sorts of the
/// layout use this one function, so the wasm holds one copy of the sort rather than one per closure.
pub fn by_key(a: &(f64, usize), b: &(f64, usize)) -> std::cmp::Ordering {
    a.0.total_cmp(&b.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edges(pairs: &[(usize, usize)]) -> Vec<Edge> {
        pairs.iter().map(|&(from, to)| Edge { from, to, source: None, bundle: 0 }).collect()
    }

    #[test]
    fn a_chain_takes_one_layer_per_box() {
        let r = rank(3, &edges(&[(0, 1), (1, 2)]), &[0], None);
        assert_eq!(r.layer, [0, 1, 2]);
        assert_eq!(r.order, [vec![0], vec![1], vec![2]]);
    }

    #[test]
    fn a_loop_back_is_set_aside_and_the_layers_stay_ordered() {
        // 0 → 1 → 2 → 1 (the lottery's "draw again") and 2 → 3
        let r = rank(4, &edges(&[(0, 1), (1, 2), (2, 1), (2, 3)]), &[0], None);
        assert_eq!(r.back, [false, false, true, false]);
        assert_eq!(r.layer, [0, 1, 2, 3]);
        assert_eq!(r.path[2], [2, 1]);
    }

    #[test]
    fn a_long_edge_gets_a_dummy_per_layer_crossed_and_the_end_goes_last() {
        // 0 → 1 → 2 → 3(end), and 0 → 3 skipping two layers
        let r = rank(4, &edges(&[(0, 1), (1, 2), (2, 3), (0, 3)]), &[0], Some(3));
        assert_eq!(&r.layer[..4], [0, 1, 2, 3]);
        assert_eq!(r.path[3].len(), 4);
        assert_eq!(r.order[1].len(), 2);
        assert_eq!(r.order[2].len(), 2);
    }

    #[test]
    fn long_edges_into_one_box_share_their_slots_only_within_a_bundle() {
        // A chain 0 → 1 → 2 → 3 → 4, with 0 and 1 each caught into 5, below everything, and 0 → 5
        // once more drawn otherwise (another bundle).
        let mut es = edges(&[(0, 1), (1, 2), (2, 3), (3, 4), (4, 5), (0, 5), (1, 5), (0, 5)]);
        es[5].bundle = 1;
        es[6].bundle = 1;
        let r = rank(6, &es, &[0], Some(5));
        assert_eq!(r.layer[5], 5);
        // 0 → 5 crosses layers 1..=4, 1 → 5 crosses 2..=4: the same slots from layer 2 on.
        assert_eq!(r.path[5].len(), 6);
        assert_eq!(&r.path[5][2..], &r.path[6][1..]);
        // The other bundle runs on slots of its own.
        assert!(r.path[7][1..5].iter().all(|s| !r.path[5].contains(s)));
        assert_eq!(r.order[3].len(), 3, "layer 3: box 3 and one slot per bundle");
    }

    #[test]
    fn ordering_uncrosses_a_diamond() {
        // 0 → {1, 2}; 1 → 4, 2 → 3: the layer below should read 4, 3 under 1, 2.
        let r = rank(5, &edges(&[(0, 1), (0, 2), (2, 3), (1, 4)]), &[0], None);
        assert_eq!(r.order[1], [1, 2]);
        assert_eq!(r.order[2], [4, 3]);
    }
}
