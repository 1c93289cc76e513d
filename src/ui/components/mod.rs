//! The page's parts.

pub mod callbacks;
pub mod compare;
pub mod download;
pub mod editor;
pub mod editors;
pub mod events;
pub mod graph;
pub mod header;
pub mod inspector;
pub mod json_view;
pub mod panel_tabs;
pub mod problems;
pub mod result;
pub mod services;
pub mod variables;
