//! Pointer gestures on the graph: one pointer (mouse or finger) drags the drawing, two fingers
//! pinch to zoom about their midpoint while moving it along.

use crate::ui::viewport::View;

/// A pointer down: its id and where it is, in the frame's coordinates.
type Point = (i32, f64, f64);

/// How far a pointer moves before a press becomes a drag rather than a click.
const SLOP: f64 = 4.0;

/// The pointers down, and the gesture they make.
#[derive(Default)]
pub struct Gesture {
    points: Vec<Point>,
    /// The points and the view when the current gesture began (a pointer went down or up).
    start: Option<(Vec<Point>, View)>,
    moved: bool,
}

impl Gesture {
    /// Pointer `id` went down at `(x, y)`, the graph showing `view`.
    pub fn down(&mut self, id: i32, x: f64, y: f64, view: View) {
        self.points.retain(|p| p.0 != id);
        if self.points.is_empty() {
            self.moved = false;
        }
        self.points.push((id, x, y));
        self.start = Some((self.points.clone(), view));
    }

    /// Pointer `id` moved to `(x, y)`: the view the gesture asks for, if it changed.
    pub fn moved_to(&mut self, id: i32, x: f64, y: f64) -> Option<View> {
        let point = self.points.iter_mut().find(|p| p.0 == id)?;
        *point = (id, x, y);
        let (start, view) = self.start.as_ref()?;
        match (start.as_slice(), self.points.as_slice()) {
            ([a], [b]) => {
                let (dx, dy) = (b.1 - a.1, b.2 - a.2);
                if !self.moved && dx.abs() + dy.abs() <= SLOP {
                    return None;
                }
                self.moved = true;
                Some(view.pan(dx, dy))
            }
            ([a0, a1], [b0, b1]) => {
                let (before, after) = (distance(a0, a1), distance(b0, b1));
                if before < 1.0 {
                    return None;
                }
                self.moved = true;
                let ((mx0, my0), (mx1, my1)) = (middle(a0, a1), middle(b0, b1));
                Some(view.pan(mx1 - mx0, my1 - my0).zoom_at(after / before, mx1, my1))
            }
            _ => None,
        }
    }

    /// Pointer `id` went up (or left, or was cancelled), the graph showing `view`.
    pub fn up(&mut self, id: i32, view: View) {
        self.points.retain(|p| p.0 != id);
        self.start = (!self.points.is_empty()).then(|| (self.points.clone(), view));
    }

    /// The pointers moved since the first went down: the click that ends this is not a click.
    pub fn dragged(&self) -> bool {
        self.moved
    }
}

fn distance(a: &Point, b: &Point) -> f64 {
    (a.1 - b.1).hypot(a.2 - b.2)
}

fn middle(a: &Point, b: &Point) -> (f64, f64) {
    ((a.1 + b.1) / 2.0, (a.2 + b.2) / 2.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_pointer_drags_after_a_few_pixels_and_a_still_press_stays_a_click() {
        let mut g = Gesture::default();
        let view = View::default();
        g.down(1, 10.0, 10.0, view);
        assert_eq!(g.moved_to(1, 12.0, 11.0), None);
        assert!(!g.dragged());
        assert_eq!(g.moved_to(1, 40.0, 0.0), Some(view.pan(30.0, -10.0)));
        assert!(g.dragged());
        g.up(1, view.pan(30.0, -10.0));
        assert_eq!(g.moved_to(1, 50.0, 0.0), None, "a pointer up moves nothing");
        g.down(1, 0.0, 0.0, view);
        assert!(!g.dragged(), "a new press starts afresh");
    }

    #[test]
    fn two_fingers_spreading_zoom_in_about_their_midpoint() {
        let mut g = Gesture::default();
        let view = View::default();
        g.down(1, 100.0, 100.0, view);
        g.down(2, 200.0, 100.0, view);
        let zoomed = g.moved_to(2, 300.0, 100.0).unwrap();
        // The fingers are twice as far apart; the drawing point under the old midpoint (150, 100)
        // is under the new one (200, 100).
        assert_eq!(zoomed.k, 2.0);
        assert_eq!(((200.0 - zoomed.x) / zoomed.k, (100.0 - zoomed.y) / zoomed.k), (150.0, 100.0));
        // One finger lifted: the other drags on from the view the pinch left.
        g.up(2, zoomed);
        assert_eq!(g.moved_to(1, 110.0, 100.0), Some(zoomed.pan(10.0, 0.0)));
    }
}
