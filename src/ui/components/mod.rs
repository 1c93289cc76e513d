//! The page's parts.

pub mod callbacks;
pub mod editor;
pub mod editors;
pub mod events;
pub mod exercise;
pub mod graph;
pub mod header;
pub mod problems;
pub mod result;
pub mod services;
pub mod side_tabs;
pub mod tests_panel;
pub mod track;
