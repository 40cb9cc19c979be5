//! Generates one module per model from `spec/models/*.toml`, and the `Model` enum over them.
//!
//! The generator is the crate in `codegen/` (a build-dependency, so cargo reruns this script
//! when it changes); this file only finds the spec files, calls it and writes the results to
//! `$OUT_DIR`, which `src/models.rs` includes.

use shortapi_pricing_codegen as codegen;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

const SPEC_DIR: &str = "spec/models";

fn main() -> ExitCode {
    println!("cargo:rerun-if-changed={SPEC_DIR}");
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
