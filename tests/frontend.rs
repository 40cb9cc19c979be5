//! The exported schemas in ajv, the validator most frontends use: ajv's verdict equals the
//! checker's on every option combination and on thousands of random and mutated requests.
//!
//! Runs `node tests/frontend/validate.mjs`; installs ajv there with `npm ci` on first use.

#![cfg(feature = "schema")]

mod common;

use std::path::Path;
use std::process::Command;

use common::strategies::{any_json, valid_body};
use pixverse_pricing::schema::{schema, Dialect, Target};
use pixverse_pricing::{check_args, check_request, Args, Options, MODEL_ID, OPTIONS};
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, TestRunner};
use serde_json::{json, Value};

fn frontend_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/frontend"))
}

/// Installs ajv from package-lock.json if it is not there yet.
fn ensure_ajv() {
    if frontend_dir()
        .join("node_modules/ajv/package.json")
        .exists()
    {
        return;
    }
    let status = Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
        .current_dir(frontend_dir())
        .status()
        .expect("npm runs (Node.js and npm are needed for this test)");
    assert!(status.success(), "npm ci in tests/frontend failed");
}

/// The cases: args (bare) and bodies, each with the checker's verdict.
fn cases() -> Vec<Value> {
    let mut args_inputs: Vec<Value> = Vec::new();
    for o in Options::all() {
        let full = serde_json::to_value(Args::new("a cat").unwrap().with_options(o)).unwrap();
        args_inputs.push(full.clone());
        for option in OPTIONS.iter().filter(|o| !o.is_required()) {
            let mut without = full.clone();
            without.as_object_mut().unwrap().remove(option.name);
            args_inputs.push(without);
        }
    }
    for prompt in ["", " ", "\u{85}", "\u{feff}", "\u{3000}x", "\t"] {
        args_inputs.push(json!({ "prompt": prompt }));
    }
    let mut runner = TestRunner::new(Config {
        rng_seed: proptest::test_runner::RngSeed::Fixed(7),
        ..Config::default()
    });
    let mut bodies: Vec<Value> = Vec::new();
    for _ in 0..1500 {
        args_inputs.push(any_json().new_tree(&mut runner).unwrap().current());
        let mut body = valid_body().new_tree(&mut runner).unwrap().current();
        let junk = any_json().new_tree(&mut runner).unwrap().current();
        match bodies.len() % 4 {
            0 => body["args"]["duration"] = junk,
            1 => body["callback_url"] = junk,
            2 => body["args"]["resolution"] = json!("1080p"),
            _ => body["extra"] = junk,
        }
        bodies.push(body);
    }
    bodies.extend(
        args_inputs
            .iter()
            .map(|a| json!({ "model": MODEL_ID, "args": a })),
    );

    let mut cases = Vec::new();
    for dialect in Dialect::ALL {
        for a in &args_inputs {
            let valid = check_args(a.to_string()).is_ok();
            cases.push(json!({ "schema": format!("args.{dialect}"), "input": a, "valid": valid }));
        }
        for b in &bodies {
            let valid = check_request(b.to_string()).is_ok();
            cases.push(
                json!({ "schema": format!("request.{dialect}"), "input": b, "valid": valid }),
            );
        }
    }
    cases
}

#[test]
fn ajv_agrees_with_the_checker() {
    ensure_ajv();
    let mut schemas = serde_json::Map::new();
    for dialect in Dialect::ALL {
        schemas.insert(format!("args.{dialect}"), schema(Target::Args, dialect));
        schemas.insert(
            format!("request.{dialect}"),
            schema(Target::Request, dialect),
        );
    }
    let cases = cases();
    let valid = cases.iter().filter(|c| c["valid"] == true).count();
    assert!(
        valid > 1000 && cases.len() - valid > 1000,
        "both verdicts are well represented"
    );
    let file = Path::new(env!("CARGO_TARGET_TMPDIR")).join("ajv-cases.json");
    std::fs::write(
        &file,
        json!({ "schemas": schemas, "cases": cases }).to_string(),
    )
    .unwrap();

    let out = Command::new("node")
        .arg(frontend_dir().join("validate.mjs"))
        .arg(&file)
        .output()
        .expect("node runs");
    assert!(
        out.status.success(),
        "node failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["checked"], cases.len());
    assert_eq!(
        report["disagreements"],
        json!([]),
        "ajv and the checker disagree"
    );
    assert_eq!(report["warnings"], json!([]), "ajv warns about the schema");
}
