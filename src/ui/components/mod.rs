//! The page's parts.

pub mod callbacks;
pub mod editor;
pub mod editors;
pub mod events;
pub mod export;
pub mod gallery;
pub mod graph;
pub mod mock_config;
pub mod header;
pub mod notice;
pub mod popover;
pub mod problems;
pub mod recent;
pub mod result;
pub mod services;
pub mod share;
