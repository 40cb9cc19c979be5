//! The generator behind `shortapi-pricing`: `spec/models/*.toml` → Rust source.
//!
//! `shortapi-pricing`'s `build.rs` calls [`generate`] on the spec files and writes what it
//! returns to `OUT_DIR`; `tests/codegen.rs` there calls the same functions, so every bad spec
//! the build rejects is tested. It depends only on `toml`.
//!
//! - [`read()`] parses and checks one spec file, reporting every problem at once as
//!   `path:LINE:COL: message`; [`check_catalog`] checks the files together.
//! - [`emit_model`] writes a model's module, [`emit_catalog`] the file that declares every
//!   module and the `Model` enum, with the table [`id_index`] builds to find a model by its id.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod emit;
pub mod id_index;
mod read;

pub use emit::{emit_catalog, emit_model, HEADER};
pub use read::{
    check_catalog, module_name, read, CellDef, CellPrice, ConditionDef, Diagnostic, Diagnostics,
    LimitDef, NarrowDef, PerDef, QuantityDef, Spec, Term, TestDef,
};

/// The name of the catalog file in `OUT_DIR`; each model's file is `MODULE.rs` beside it.
pub const CATALOG_FILE: &str = "models.rs";

/// Reads every spec file (`(origin, source)`, in the order given) and returns the generated
/// files as `(file name, Rust source)`, or every problem found in any of them.
pub fn generate(files: &[(String, String)]) -> Result<Vec<(String, String)>, Diagnostics> {
    let mut specs = Vec::new();
    let mut problems = Vec::new();
    for (origin, source) in files {
        match read(source, origin) {
            Ok(spec) => specs.push(spec),
            Err(Diagnostics(found)) => problems.extend(found),
        }
    }
    if files.is_empty() {
        problems.push(Diagnostic {
            origin: "spec/models".to_owned(),
            line: 1,
            col: 1,
            message: "no spec files: add one `*.toml` file per model".to_owned(),
        });
    }
    if let Err(Diagnostics(found)) = check_catalog(&specs) {
        problems.extend(found);
    }
    if !problems.is_empty() {
        return Err(Diagnostics(problems));
    }
    let ids: Vec<&str> = specs.iter().map(|s| s.model.id.as_str()).collect();
    let index = id_index::build(&ids).map_err(|message| {
        Diagnostics(vec![Diagnostic {
            origin: "spec/models".to_owned(),
            line: 1,
            col: 1,
            message,
        }])
    })?;
    let mut out: Vec<(String, String)> = specs
        .iter()
        .map(|spec| (format!("{}.rs", spec.module), emit_model(spec)))
        .collect();
    out.push((CATALOG_FILE.to_owned(), emit_catalog(&specs, &index)));
    Ok(out)
}
