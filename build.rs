//! Generates the option enums, rules and price table from `spec/model.toml`.
//!
//! The generator lives in `src/codegen/` so that tests compile it too; this file only reads the
//! spec, calls it and writes `$OUT_DIR/generated.rs`, which `src/generated.rs` includes.

#[path = "src/codegen/mod.rs"]
mod codegen;

use std::path::PathBuf;
use std::process::ExitCode;

const SPEC: &str = "spec/model.toml";

fn main() -> ExitCode {
    for input in [
        SPEC,
        "src/codegen/mod.rs",
        "src/codegen/read.rs",
        "src/codegen/emit.rs",
    ] {
        println!("cargo:rerun-if-changed={input}");
    }
    let source = match std::fs::read_to_string(SPEC) {
        Ok(source) => source,
        Err(e) => {
            eprintln!("error: cannot read {SPEC}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let code = match codegen::generate(&source, SPEC) {
        Ok(code) => code,
        Err(problems) => {
            // Cargo shows a failed build script's stderr: one `spec/model.toml:LINE:COL: …` a line.
            eprintln!(
                "error: {SPEC} has {} problem(s):\n{problems}",
                problems.0.len()
            );
            return ExitCode::FAILURE;
        }
    };
    let Some(out_dir) = std::env::var_os("OUT_DIR") else {
        eprintln!("error: OUT_DIR is not set; build.rs runs under cargo");
        return ExitCode::FAILURE;
    };
    let out = PathBuf::from(out_dir).join("generated.rs");
    if let Err(e) = std::fs::write(&out, code) {
        eprintln!("error: cannot write {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
