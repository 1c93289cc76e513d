//! A list that grows in chunks of fixed size, for the history: a vector that doubles copies all its
//! items at each growth and needs the old and the new buffer at once (a Map over 100,000 items
//! makes 800,000 events; a wasm module's memory never shrinks back after such a peak). Each chunk
//! is allocated once at its full size and never moved or grown.

/// Items per chunk: small enough that a short history takes little room (a few kilobytes), large
/// enough that the list of chunks stays short and allocating a chunk is rare.
const CHUNK: usize = 256;

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
            Some(chunk) if chunk.len() < CHUNK => chunk.push(item),
            _ => {
                let mut chunk = Vec::with_capacity(CHUNK);
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

}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_keep_their_order_and_index_across_chunks() {
        let mut list = Chunked::default();
        assert!(list.is_empty() && list.get(0).is_none());
        let n = CHUNK * 2 + 3;
        for i in 0..n {
            list.push(i);
        }
        assert_eq!(list.len(), n);
        assert_eq!(list.chunks.len(), 3);
        assert!(list.chunks.iter().all(|c| c.capacity() == CHUNK), "each chunk allocated once, at its size");
        assert_eq!((list.get(CHUNK - 1), list.get(CHUNK), list.get(n - 1), list.get(n)), (Some(&(CHUNK - 1)), Some(&CHUNK), Some(&(n - 1)), None));
        assert!((0..n).all(|i| list.get(i) == Some(&i)));
    }
}
