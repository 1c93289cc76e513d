//! A JSON container (array or object) that remembers the size of its JSON text once counted.
//!
//! The engine checks every state's output against the payload quota, and an output is mostly the
//! same shared containers as the state's input with one field changed: a 200 KB document passed down
//! a chain of states would be walked in full at every state. A container remembers its extent (bytes
//! and nesting height) after a walk has counted it whole, so the next walk adds it at once.
//!
//! Why this is sound: the extent sits inside the `Rc`'d container, beside what it measures, and the
//! contents can only change through `DerefMut` (`Rc::make_mut`, `Rc::get_mut` or an owned container),
//! which forgets the extent. A clone keeps it, as its contents are equal. `Value` holds no interior
//! mutability otherwise, so a remembered extent always describes the contents it sits with.

use std::cell::Cell;
use std::fmt;
use std::ops::{Deref, DerefMut};

/// The size of a container's compact JSON text and how deep it nests (`[]` is one level).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Extent {
    /// The size, as `size` says.
    pub bytes: u32,
    pub height: u16,
    pub size: Size,
}

/// How far an extent's `bytes` are known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Size {
    /// Not at all: a walk with no size limit took only the height.
    Unknown,
    /// A bound (floats counted at their longest).
    Bound,
    /// Exactly.
    Exact,
}

/// A container with its extent remembered once counted; reads and writes as the container itself.
#[derive(Clone, Default)]
pub struct Measured<T> {
    inner: T,
    extent: Cell<Option<Extent>>,
}

impl<T> Measured<T> {
    /// A container not counted yet.
    pub fn new(inner: T) -> Measured<T> {
        Measured { inner, extent: Cell::new(None) }
    }

    /// The extent, if a walk has counted the contents as they are.
    pub(super) fn extent(&self) -> Option<Extent> {
        self.extent.get()
    }

    /// Remembers the extent a walk counted (one too large to hold is simply not remembered).
    pub(super) fn remember(&self, bytes: usize, height: usize, exact: bool) {
        if let (Ok(bytes), Ok(height)) = (u32::try_from(bytes), u16::try_from(height)) {
            let size = if exact { Size::Exact } else { Size::Bound };
            self.extent.set(Some(Extent { bytes, height, size }));
        }
    }

    /// Remembers the height a walk with no size limit took, unless more is known already.
    pub(super) fn remember_height(&self, height: usize) {
        if let (None, Ok(height)) = (self.extent.get(), u16::try_from(height)) {
            self.extent.set(Some(Extent { bytes: 0, height, size: Size::Unknown }));
        }
    }
}

impl<T> From<T> for Measured<T> {
    fn from(inner: T) -> Measured<T> {
        Measured::new(inner)
    }
}

impl<T> Deref for Measured<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.inner
    }
}

impl<T> DerefMut for Measured<T> {
    /// The contents may change: the extent no longer holds.
    fn deref_mut(&mut self) -> &mut T {
        self.extent.set(None);
        &mut self.inner
    }
}

impl<T: PartialEq> PartialEq for Measured<T> {
    fn eq(&self, other: &Self) -> bool {
        self.inner == other.inner
    }
}

impl<T: fmt::Debug> fmt::Debug for Measured<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changing_the_contents_forgets_the_extent_and_a_clone_keeps_it() {
        let mut items = Measured::new(vec![1, 2]);
        items.remember(5, 1, true);
        assert_eq!(items.clone().extent(), Some(Extent { bytes: 5, height: 1, size: Size::Exact }));
        assert_eq!(items.len(), 2, "reading keeps it");
        assert!(items.extent().is_some());
        items.push(3);
        assert_eq!(items.extent(), None);
    }

    #[test]
    fn a_height_alone_is_remembered_only_when_nothing_more_is_known() {
        let items = Measured::new(vec![1]);
        items.remember_height(1);
        assert_eq!(items.extent(), Some(Extent { bytes: 0, height: 1, size: Size::Unknown }));
        items.remember(3, 1, false);
        items.remember_height(1);
        assert_eq!(items.extent(), Some(Extent { bytes: 3, height: 1, size: Size::Bound }));
    }

    #[test]
    fn an_extent_too_large_to_hold_is_not_remembered() {
        let items = Measured::new(Vec::<u8>::new());
        items.remember(usize::MAX, 1, true);
        assert_eq!(items.extent(), None);
    }
}
