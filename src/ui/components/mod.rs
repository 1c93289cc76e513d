//! The page's parts.

pub mod callbacks;
pub mod compare;
pub mod download;
pub mod editor;
pub mod editors;
pub mod events;
pub mod exercise;
pub mod export;
pub mod gallery;
pub mod graph;
pub mod header;
pub mod notice;
pub mod player;
pub mod popover;
pub mod inspector;
pub mod json_view;
pub mod panel_tabs;
pub mod problems;
pub mod recent;
pub mod result;
pub mod scratchpad;
pub mod services;
pub mod share;
pub mod tests_panel;
pub mod track;
pub mod variables;
