//! The tasks issued and not yet answered, by id. Ids are handed out in order and a task is mostly
//! answered soon after it is issued, so the pending ones sit in a queue that starts at the oldest
//! still pending: finding one is an index, not a hash (every Task state adds one and takes it out
//! again), and the queue spans only the ids issued since the oldest pending one.

use std::collections::VecDeque;

/// Pending tasks by id, in the order they were issued.
#[derive(Debug)]
pub struct Pending<T> {
    /// The id of the first slot.
    first: u64,
    /// A slot per id from `first` on; answered ones are empty until the front passes them.
    slots: VecDeque<Option<T>>,
}

impl<T> Default for Pending<T> {
    fn default() -> Self {
        Pending { first: 0, slots: VecDeque::new() }
    }
}

impl<T> Pending<T> {
    /// Adds task `id`, issued after every task added before (ids grow).
    pub fn insert(&mut self, id: u64, task: T) {
        if self.slots.is_empty() {
            self.first = id;
        }
        let Some(at) = self.position(id) else { return };
        while self.slots.len() < at {
            self.slots.push_back(None);
        }
        // Ids grow: the task mostly goes last.
        match self.slots.get_mut(at) {
            Some(slot) => *slot = Some(task),
            None => self.slots.push_back(Some(task)),
        }
    }

    /// Task `id`, if pending.
    pub fn get(&self, id: u64) -> Option<&T> {
        self.slots.get(self.position(id)?)?.as_ref()
    }

    /// Task `id`, for changing.
    pub fn get_mut(&mut self, id: u64) -> Option<&mut T> {
        let at = self.position(id)?;
        self.slots.get_mut(at)?.as_mut()
    }

    /// Takes task `id` out.
    pub fn remove(&mut self, id: u64) -> Option<T> {
        let at = self.position(id)?;
        let task = self.slots.get_mut(at)?.take();
        self.trim();
        task
    }

    /// Keeps only the tasks `keep` accepts.
    pub fn retain(&mut self, mut keep: impl FnMut(&T) -> bool) {
        for slot in &mut self.slots {
            if slot.as_ref().is_some_and(|task| !keep(task)) {
                *slot = None;
            }
        }
        self.trim();
    }

    /// The pending tasks with their ids, oldest first.
    pub fn iter(&self) -> impl Iterator<Item = (u64, &T)> {
        (self.first..).zip(&self.slots).filter_map(|(id, slot)| Some((id, slot.as_ref()?)))
    }

    /// Forgets every task.
    pub fn clear(&mut self) {
        self.slots.clear();
    }

    fn position(&self, id: u64) -> Option<usize> {
        usize::try_from(id.checked_sub(self.first)?).ok()
    }

    /// Drops the answered slots at the front.
    fn trim(&mut self) {
        while let Some(None) = self.slots.front() {
            self.slots.pop_front();
            self.first += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tasks_are_found_by_id_in_any_order_of_answers() {
        let mut pending = Pending::default();
        for id in 5..9 {
            pending.insert(id, id * 10);
        }
        assert_eq!((pending.get(4), pending.get(5), pending.get(8), pending.get(9)), (None, Some(&50), Some(&80), None));
        assert_eq!(pending.remove(7), Some(70));
        assert_eq!(pending.remove(7), None, "answered once");
        assert_eq!(pending.remove(5), Some(50));
        assert_eq!(pending.slots.len(), 3, "the front moved past the answered ids");
        if let Some(task) = pending.get_mut(6) {
            *task += 1;
        }
        assert_eq!(pending.iter().collect::<Vec<_>>(), [(6, &61), (8, &80)]);
        pending.retain(|task| *task != 61);
        assert_eq!(pending.iter().collect::<Vec<_>>(), [(8, &80)]);
        assert_eq!(pending.remove(8), Some(80));
        assert!(pending.slots.is_empty());
        pending.insert(20, 1);
        assert_eq!(pending.iter().collect::<Vec<_>>(), [(20, &1)], "an empty queue starts again at the next id");
        pending.clear();
        assert_eq!(pending.get(20), None);
    }
}
