//! The generator: `spec/model.toml` → Rust source.
//!
//! This module is not part of the library. `build.rs` compiles it with
//! `#[path = "src/codegen/mod.rs"]`, and `tests/codegen.rs` compiles the same files, so every bad
//! spec the build rejects is unit-tested. It depends only on `toml` (a build- and dev-dependency).
//!
//! - [`read`](read::read) parses and checks the spec, reporting every problem at once as
//!   `path:LINE:COL: message`.
//! - [`emit`](emit::emit) writes the Rust the library includes from `OUT_DIR`.

#![allow(dead_code, unused_imports)] // build.rs and the tests each use a different part.

mod emit;
mod read;

pub use emit::emit;
pub use read::{read, Diagnostic, Diagnostics, Spec};

/// Reads the spec text `source` (named `origin` in diagnostics) and returns the generated Rust
/// source, or every problem found in the spec.
pub fn generate(source: &str, origin: &str) -> Result<String, Diagnostics> {
    read(source, origin).map(|spec| emit(&spec))
}
