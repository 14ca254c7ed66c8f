//! Earshot: a social-listening stream processor. See README.md for the architecture.

pub mod classify;
pub mod config;
pub mod influence;
pub mod model;
