//! The graph's pan and zoom: which part of the drawing the graph's frame shows.

use std::collections::BTreeSet;

/// The drawing is scaled by `k`, then moved by `(x, y)` pixels in the frame.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    pub x: f64,
    pub y: f64,
    pub k: f64,
}

/// How far the zoom goes out and in.
const MIN_K: f64 = 0.05;
const MAX_K: f64 = 4.0;
/// Room left around a fitted drawing.
const PAD: f64 = 12.0;
/// The smallest scale at which the states' names still read: a drawing too tall for its frame is
/// fitted no smaller than this (unless its width asks for less), and shown from the top.
const READABLE_K: f64 = 0.6;

impl Default for View {
    fn default() -> View {
        View { x: 0.0, y: 0.0, k: 1.0 }
    }
}

impl View {
    /// The whole `w` × `h` drawing in a `frame_w` × `frame_h` frame, at most at full size, centred
    /// across and at the top (where the execution starts). A drawing so tall that the whole of it
    /// would not read (a 200-state chain) is fitted to the frame's width instead, at a readable
    /// scale, and shown from the top: the player's view follows the run down (see [`reveal`](View::reveal)).
    pub fn fit(w: f64, h: f64, frame_w: f64, frame_h: f64) -> View {
        if w <= 0.0 || h <= 0.0 || frame_w <= 0.0 || frame_h <= 0.0 {
            return View::default();
        }
        let across = (frame_w - 2.0 * PAD) / w;
        let whole = across.min((frame_h - 2.0 * PAD) / h);
        let k = whole.max(across.min(READABLE_K)).clamp(MIN_K, 1.0);
        View { x: (frame_w - w * k) / 2.0, y: PAD, k }
    }

    /// The view moved just enough to show the drawing's box at `(x, y)` sized `w` × `h` whole in the
    /// frame, with room around it (centred on it when it was out of sight); `None` when it shows
    /// already.
    pub fn reveal(self, (x, y, w, h): (f64, f64, f64, f64), frame_w: f64, frame_h: f64) -> Option<View> {
        let (left, top) = (self.x + x * self.k, self.y + y * self.k);
        let (right, bottom) = (left + w * self.k, top + h * self.k);
        let inside = left >= PAD && top >= PAD && right <= frame_w - PAD && bottom <= frame_h - PAD;
        if inside || frame_w <= 0.0 || frame_h <= 0.0 {
            return None;
        }
        let centre = |lo: f64, hi: f64, frame: f64| if lo >= PAD && hi <= frame - PAD { 0.0 } else { frame / 2.0 - (lo + hi) / 2.0 };
        Some(self.pan(centre(left, right, frame_w), centre(top, bottom, frame_h)))
    }

    /// Zoomed by `factor` about the frame point `(px, py)`, which stays where it is.
    pub fn zoom_at(self, factor: f64, px: f64, py: f64) -> View {
        let k = (self.k * factor).clamp(MIN_K, MAX_K);
        let f = k / self.k;
        View { x: px - (px - self.x) * f, y: py - (py - self.y) * f, k }
    }

    /// Moved by `(dx, dy)` frame pixels.
    pub fn pan(self, dx: f64, dy: f64) -> View {
        View { x: self.x + dx, y: self.y + dy, ..self }
    }

    /// The SVG transform that applies the view.
    pub fn transform(self) -> String {
        format!("translate({:.1},{:.1}) scale({:.4})", self.x, self.y, self.k)
    }
}

/// Whether the graph is fitted anew when its drawing changes: a user who panned or zoomed keeps
/// their view while editing the definition (adding a state must not throw them back to the whole
/// drawing), but another definition, one sharing less than half its states with the last, is fitted.
#[derive(Default)]
pub struct Framing {
    /// The user panned or zoomed since the last fit.
    own: bool,
    states: BTreeSet<String>,
}

impl Framing {
    /// The user panned or zoomed.
    pub fn moved(&mut self) {
        self.own = true;
    }

    /// The view was fitted on request.
    pub fn fitted(&mut self) {
        self.own = false;
    }

    /// The drawing now shows `states`: whether to fit it.
    pub fn refit(&mut self, states: BTreeSet<String>) -> bool {
        let shared = states.intersection(&self.states).count();
        let another = shared * 2 < states.len().max(self.states.len());
        self.states = states;
        if another {
            self.own = false;
        }
        !self.own
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_big_drawing_fits_inside_the_frame_and_a_small_one_keeps_its_size() {
        let v = View::fit(2000.0, 1000.0, 500.0, 400.0);
        assert!(v.k < 0.25 && v.x >= 0.0 && v.y >= 0.0);
        assert!(v.x + 2000.0 * v.k <= 500.0 && v.y + 1000.0 * v.k <= 400.0);
        let small = View::fit(100.0, 100.0, 500.0, 400.0);
        assert_eq!((small.k, small.x), (1.0, 200.0));
        assert_eq!(View::fit(0.0, 0.0, 500.0, 400.0), View::default());
    }

    #[test]
    fn a_tall_drawing_is_fitted_to_the_width_at_a_readable_scale_from_the_top() {
        let v = View::fit(300.0, 10_000.0, 500.0, 400.0);
        assert_eq!((v.k, v.x, v.y), (READABLE_K, 160.0, PAD));
        // Too wide as well: the width decides.
        let wide = View::fit(4000.0, 10_000.0, 500.0, 400.0);
        assert!(wide.k < READABLE_K && wide.x >= 0.0 && wide.x + 4000.0 * wide.k <= 500.0);
    }

    #[test]
    fn revealing_a_box_out_of_sight_centres_it_and_one_in_sight_stays() {
        let v = View { x: 0.0, y: 0.0, k: 0.5 };
        assert_eq!(v.reveal((100.0, 100.0, 100.0, 40.0), 500.0, 400.0), None);
        // 2000 down in the drawing is 1000 down in the frame: brought to the middle, across unmoved.
        let moved = v.reveal((100.0, 2000.0, 100.0, 40.0), 500.0, 400.0).unwrap();
        assert_eq!((moved.x, moved.k), (0.0, 0.5));
        assert_eq!(moved.y + 2020.0 * 0.5, 200.0);
    }

    #[test]
    fn zooming_keeps_the_point_under_the_pointer_and_stays_in_bounds() {
        let v = View { x: 10.0, y: 20.0, k: 1.0 };
        let z = v.zoom_at(2.0, 110.0, 70.0);
        // The drawing point under (110, 70) was (100, 50); it still is.
        assert_eq!(((110.0 - z.x) / z.k, (70.0 - z.y) / z.k), (100.0, 50.0));
        assert_eq!(v.zoom_at(1000.0, 0.0, 0.0).k, MAX_K);
        assert_eq!(v.pan(5.0, -5.0), View { x: 15.0, y: 15.0, k: 1.0 });
    }

    fn names(list: &[&str]) -> BTreeSet<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn an_edit_keeps_the_users_view_and_another_definition_is_fitted() {
        let mut framing = Framing::default();
        assert!(framing.refit(names(&["A", "B"])), "the first drawing is fitted");
        assert!(framing.refit(names(&["A", "B", "C"])), "untouched, the view follows the drawing");
        framing.moved();
        assert!(!framing.refit(names(&["A", "B", "C", "D"])), "an edit keeps the user's view");
        assert!(framing.refit(names(&["X", "Y", "Z"])), "another definition is fitted");
        framing.moved();
        framing.fitted();
        assert!(framing.refit(names(&["X", "Y"])), "after Fit, the view follows the drawing again");
    }
}
