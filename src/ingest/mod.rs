//! Sources: each turns a feed into Mentions on the raw topic, keeping its cursor in the checkpoints
//! topic.

pub mod replay;
