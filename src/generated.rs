//! The API generated from `spec/model.toml` by `build.rs` (generator: `src/codegen/`).
//!
//! Everything here is re-exported at the crate root: the model constants ([`MODEL_ID`],
//! [`CURRENCY`], …), one enum per enum option ([`Resolution`], [`Duration`], [`AspectRatio`]),
//! [`Options`] with its exhaustive price `match`, and the [`OPTIONS`] and [`RULES`] tables.
//! To read the generated source, open `target/*/build/pixverse-pricing-*/out/generated.rs`.

include!(concat!(env!("OUT_DIR"), "/generated.rs"));
