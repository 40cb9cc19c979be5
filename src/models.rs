//! The API generated from `spec/models/*.toml` by `build.rs` (generator: `codegen/`): one
//! module per model, named from its id, and the [`Model`] enum over them.
//!
//! Each module holds its model's option enums (`Resolution`, `Duration`, …), its `Options` with
//! the documented defaults, `with_*` builders and an exhaustive price `match`, and its `SPEC`,
//! `OPTIONS`, `RULES` and `CELLS` tables. To read the generated source, open
//! `target/*/build/shortapi-pricing-*/out/`.

include!(concat!(env!("OUT_DIR"), "/models.rs"));
