//! Which rows of a long table are drawn: those in sight and a few beyond, so that a history of
//! 25,000 events scrolls and replays smoothly; and where the table scrolls to follow the player.

/// A row's height in pixels, as the style sheet fixes it.
pub const ROW_H: usize = 22;
/// Rows drawn beyond each edge of the view: few, since a jump of the timeline redraws them all.
const SPARE_ROWS: usize = 8;

/// The rows `first..last` of `len` to draw for a table `height` pixels tall scrolled to `top`.
pub fn rows_in_sight(top: usize, height: usize, len: usize) -> (usize, usize) {
    let first = (top / ROW_H).saturating_sub(SPARE_ROWS).min(len);
    (first, (first + height / ROW_H + 2 * SPARE_ROWS).min(len))
}

/// Where to scroll a table showing `height` pixels from `top` so that the row at `row` pixels is
/// in sight: near the top, so that playing scrolls once a screenful rather than at every step.
pub fn follow(top: usize, height: usize, row: usize) -> Option<usize> {
    (row < top || row + 2 * ROW_H > top + height).then(|| row.saturating_sub(2 * ROW_H))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rows_drawn_cover_the_view_and_a_few_beyond() {
        assert_eq!(rows_in_sight(0, 220, 25_000), (0, 26));
        let (first, last) = rows_in_sight(100 * ROW_H, 220, 25_000);
        assert!(first < 100 && last > 110, "{first}..{last}");
        assert_eq!(rows_in_sight(100 * ROW_H, 220, 50), (50, 50), "past the end: nothing");
    }

    #[test]
    fn the_table_scrolls_only_when_the_current_row_leaves_the_view() {
        assert_eq!(follow(0, 220, 3 * ROW_H), None);
        assert_eq!(follow(0, 220, 9 * ROW_H), Some(7 * ROW_H), "near the bottom edge: brought near the top");
        assert_eq!(follow(40 * ROW_H, 220, 5 * ROW_H), Some(3 * ROW_H), "above the view");
        assert_eq!(follow(0, 220, 0), None);
    }
}
