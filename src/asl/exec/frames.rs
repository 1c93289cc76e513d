//! The running frames by id. Ids are handed out in order and never reused, so each frame sits at its
//! id's position in one vector: finding it is an index, not a hash (a Task looks its frame up a dozen
//! times), and a slot takes one pointer (a Map may run 100,000 iterations at once). The slots of
//! frames that ended stay empty: one pointer per frame ever started, which the history's events
//! outweigh.

use super::frame::{Frame, FrameId};

/// The running frames, each boxed so that a growing vector moves pointers, not frames.
#[derive(Default)]
pub struct Frames {
    slots: Vec<Option<Box<Frame>>>,
}

impl Frames {
    /// The frame with id `id`, if it is running.
    pub fn get(&self, id: &FrameId) -> Option<&Frame> {
        self.slots.get(usize::try_from(*id).ok()?)?.as_deref()
    }

    /// The frame with id `id`, for changing.
    pub fn get_mut(&mut self, id: &FrameId) -> Option<&mut Frame> {
        self.slots.get_mut(usize::try_from(*id).ok()?)?.as_deref_mut()
    }

    /// Adds frame `id` (the next id handed out).
    pub fn insert(&mut self, id: FrameId, frame: Box<Frame>) {
        let Ok(at) = usize::try_from(id) else { return };
        if self.slots.len() <= at {
            self.slots.resize_with(at + 1, || None);
        }
        self.slots[at] = Some(frame);
    }

    /// Takes frame `id` out.
    pub fn remove(&mut self, id: &FrameId) -> Option<Box<Frame>> {
        self.slots.get_mut(usize::try_from(*id).ok()?)?.take()
    }

    /// Ends every frame.
    pub fn clear(&mut self) {
        self.slots.iter_mut().for_each(|slot| *slot = None);
    }
}
