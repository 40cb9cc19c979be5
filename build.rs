//! Generates one module per model from `spec/models/*.toml`, and the `Model` enum over them.
//!
//! The generator lives in `src/codegen/` so that tests compile it too; this file only finds the
//! spec files, calls it and writes the results to `$OUT_DIR`, which `src/models.rs` includes.

#[path = "src/codegen/mod.rs"]
mod codegen;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

const SPEC_DIR: &str = "spec/models";

fn main() -> ExitCode {
    for input in [
        SPEC_DIR,
        "src/codegen/mod.rs",
        "src/codegen/read.rs",
        "src/codegen/emit.rs",
    ] {
        println!("cargo:rerun-if-changed={input}");
    }
    let files = match spec_files(Path::new(SPEC_DIR)) {
        Ok(files) => files,
        Err(e) => {
            eprintln!("error: cannot read {SPEC_DIR}/: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut sources = Vec::new();
    for path in &files {
        println!("cargo:rerun-if-changed={path}");
        match std::fs::read_to_string(path) {
            Ok(source) => sources.push((path.clone(), source)),
            Err(e) => {
                eprintln!("error: cannot read {path}: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    let generated = match codegen::generate(&sources) {
        Ok(generated) => generated,
        Err(problems) => {
            // Cargo shows a failed build script's stderr: one `spec/models/FILE.toml:LINE:COL: …` a line.
            eprintln!(
                "error: the spec has {} problem(s):\n{problems}",
                problems.0.len()
            );
            return ExitCode::FAILURE;
        }
    };
    let Some(out_dir) = std::env::var_os("OUT_DIR") else {
        eprintln!("error: OUT_DIR is not set; build.rs runs under cargo");
        return ExitCode::FAILURE;
    };
    for (name, code) in generated {
        let out = PathBuf::from(&out_dir).join(name);
        if let Err(e) = std::fs::write(&out, code) {
            eprintln!("error: cannot write {}: {e}", out.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

/// Every `*.toml` in `dir`, as `dir/NAME.toml`, sorted by name so the output is deterministic.
fn spec_files(dir: &Path) -> std::io::Result<Vec<String>> {
    let mut names = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let name = entry?.file_name();
        let name = name.to_string_lossy();
        if name.ends_with(".toml") {
            names.push(format!("{}/{name}", dir.display()));
        }
    }
    names.sort();
    Ok(names)
}
