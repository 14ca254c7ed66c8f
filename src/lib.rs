//! Earshot: a social-listening stream processor. See README.md for the architecture.

pub mod aggregate;
pub mod bounded;
pub mod classify;
pub mod cli;
pub mod config;
pub mod eval;
pub mod http;
pub mod influence;
pub mod ingest;
pub mod json_out;
pub mod kafka;
pub mod learn;
pub mod model;
pub mod pipeline;
pub mod telemetry;
pub mod train;
