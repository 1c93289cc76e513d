//! The page's parts.

pub mod callbacks;
pub mod editor;
pub mod editors;
pub mod events;
pub mod graph;
pub mod header;
pub mod player;
pub mod problems;
pub mod result;
pub mod services;
