//! Shared by the test binaries (each uses part of it).

#![allow(dead_code, unused_imports)]

pub mod documented;
pub mod invariants;
pub mod lines;
pub mod schema_bodies;
pub mod seed;
pub mod strategies;
pub mod typed;

pub use seed::{milli, seed_price, SEED_ASPECT_RATIOS};
