//! A list that grows in chunks of fixed size, for the history: a vector that doubles copies all its
//! items at each growth and needs the old and the new buffer at once (a Map over 100,000 items
//! makes 800,000 events; a wasm module's memory never shrinks back after such a peak). A full chunk
//! is never moved; only the last one grows, doubling up to [`CHUNK`] items.

use std::ops::Index;

/// Items per chunk: small enough that the last chunk's unused part is negligible, large enough
/// that the list of chunks stays short.
const CHUNK: usize = 4096;

/// Items in insertion order, kept in chunks of [`CHUNK`].
#[derive(Clone, Debug)]
pub struct Chunked<T> {
    chunks: Vec<Vec<T>>,
    len: usize,
}

impl<T> Default for Chunked<T> {
    fn default() -> Self {
        Chunked { chunks: Vec::new(), len: 0 }
    }
}

impl<T> Chunked<T> {
    /// Adds an item at the end.
    pub fn push(&mut self, item: T) {
        match self.chunks.last_mut() {
            Some(chunk) if chunk.len() < CHUNK => {
                if chunk.len() == chunk.capacity() {
                    // Doubling up to the chunk's size: a short history takes little room.
                    chunk.reserve_exact(chunk.len().max(4).min(CHUNK - chunk.len()));
                }
                chunk.push(item);
            }
            _ => {
                let mut chunk = Vec::with_capacity(4);
                chunk.push(item);
                self.chunks.push(chunk);
            }
        }
        self.len += 1;
    }

    /// How many items there are.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The item at `index`.
    pub fn get(&self, index: usize) -> Option<&T> {
        self.chunks.get(index / CHUNK)?.get(index % CHUNK)
    }

    /// The first item.
    pub fn first(&self) -> Option<&T> {
        self.get(0)
    }

    /// The last item.
    pub fn last(&self) -> Option<&T> {
        self.chunks.last()?.last()
    }

    /// The items in order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &T> + Clone + '_ {
        self.chunks.iter().flatten()
    }

    /// The items copied into one vector.
    pub fn to_vec(&self) -> Vec<T>
    where
        T: Clone,
    {
        self.iter().cloned().collect()
    }
}

impl<T> Index<usize> for Chunked<T> {
    type Output = T;

    fn index(&self, index: usize) -> &T {
        &self.chunks[index / CHUNK][index % CHUNK]
    }
}

impl<'a, T> IntoIterator for &'a Chunked<T> {
    type Item = &'a T;
    type IntoIter = std::iter::Flatten<std::slice::Iter<'a, Vec<T>>>;

    fn into_iter(self) -> Self::IntoIter {
        self.chunks.iter().flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_keep_their_order_and_index_across_chunks() {
        let mut list = Chunked::default();
        assert!(list.is_empty() && list.first().is_none() && list.last().is_none());
        let n = CHUNK * 2 + 3;
        for i in 0..n {
            list.push(i);
        }
        assert_eq!(list.len(), n);
        assert_eq!(list.chunks.len(), 3);
        assert!(list.chunks[..2].iter().all(|c| c.capacity() == CHUNK), "no chunk grew past its size");
        assert_eq!(list.chunks[2].capacity(), 4, "the last one grows as needed");
        assert_eq!((list.first(), list.last()), (Some(&0), Some(&(n - 1))));
        assert_eq!((list[CHUNK - 1], list[CHUNK], list.get(n)), (CHUNK - 1, CHUNK, None));
        assert_eq!(list.to_vec(), (0..n).collect::<Vec<_>>());
        assert_eq!(list.iter().rev().next(), Some(&(n - 1)));
        assert_eq!((&list).into_iter().count(), n);
    }
}
