//! What a frontend does with the exported schemas, for every model:
//!
//! - ajv, the validator most frontends use, gives the checker's verdict on every option
//!   combination of every model and on thousands of generated, mutated and random inputs;
//! - json-schema-to-typescript turns the create-job body schema into a union of one interface
//!   per model, with no `[k: string]: unknown` index signature (but in the args of a page cut
//!   inside its option list, whose schema is open);
//! - tsc compiles a typed form against those types (`tests/frontend/forms/form.ts`) and refuses
//!   forms with a misspelt option, another model's option, a missing input or a value not
//!   allowed.
//!
//! Runs Node.js on the scripts in tests/frontend/; installs their npm packages (ajv,
//! json-schema-to-typescript, typescript, pinned in package-lock.json) with `npm ci` on first
//! use and whenever the lock file changes.

#![cfg(feature = "schema")]

#[path = "common/npm.rs"]
mod npm;
#[path = "common/schema_bodies.rs"]
mod schema_bodies;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use npm::{ensure_npm_packages, frontend_dir};
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, RngSeed, TestRunner};
use schema_bodies::{
    any_body, any_json, args_of, body, every_combination, mutated_body, schema_verdict,
    whole_numbers_as_text, with_each_field_left_out,
};
use serde_json::{json, Value};
use shortapi_pricing::schema::{self, openapi_components, Dialect};
use shortapi_pricing::{check, check_args, Model};

/// A fresh scratch folder for one test.
fn scratch(name: &str) -> PathBuf {
    npm::scratch("frontend", name)
}

fn node(args: &[&Path]) -> Output {
    Command::new("node")
        .args(args)
        .current_dir(frontend_dir())
        .output()
        .expect("node runs")
}

/// An OpenAPI 3.0 schema object with every component beside it, so that its
/// `#/components/schemas/…` references resolve in a validator.
fn openapi_document(schema: Value) -> Value {
    json!({ "allOf": [schema], "components": { "schemas": openapi_components() } })
}

fn schema_for_ajv(schema: Value, dialect: Dialect) -> Value {
    match dialect {
        Dialect::Draft2020_12 => schema,
        Dialect::OpenApi3 => openapi_document(schema),
    }
}

/// One value drawn from `strategy`.
fn draw(strategy: impl Strategy<Value = Value>, runner: &mut TestRunner) -> Value {
    strategy.new_tree(runner).unwrap().current()
}

/// The cases: each model's args (bare) and bodies, each with the checker's verdict.
fn cases() -> Vec<Value> {
    let mut args_inputs: Vec<(Model, Value)> = Vec::new();
    for model in Model::ALL {
        for args in every_combination(model.spec()) {
            for variant in with_each_field_left_out(&args) {
                args_inputs.push((model, Value::Object(variant)));
            }
        }
        let texts: Vec<&str> = model
            .spec()
            .options
            .iter()
            .filter(|o| o.is_text())
            .map(|o| o.name)
            .collect();
        for blank in ["", " ", "\u{85}", "\u{feff}", "\u{3000}x", "\t", "\u{2028}"] {
            for name in &texts {
                let mut args = serde_json::Map::new();
                for other in &texts {
                    args.insert((*other).to_owned(), json!("x"));
                }
                args.insert((*name).to_owned(), json!(blank));
                args_inputs.push((model, Value::Object(args)));
            }
        }
    }
    // Wan 2.6 reference-to-video's lists within their total and past it: the one case the
    // schema excuses (`schema_verdict`), which ajv must accept as the keyword's validator does
    // not apply it.
    let urls = |n: usize| {
        json!((0..n)
            .map(|i| format!("https://e.x/{i}"))
            .collect::<Vec<_>>())
    };
    for (images, videos) in [(2, 3), (3, 3), (5, 1), (4, 2)] {
        let wan = Model::Wan26ReferenceToVideo;
        let args = json!({"prompt": "a", "image_urls": urls(images), "video_urls": urls(videos)});
        let checked = check_args(wan, args.to_string());
        assert_eq!(checked.is_ok(), images + videos <= 5, "{args}");
        assert!(schema_verdict(&checked), "{args}");
        args_inputs.push((wan, args));
    }
    let mut runner = TestRunner::new(Config {
        rng_seed: RngSeed::Fixed(7),
        ..Config::default()
    });
    let mut bodies: Vec<Value> = Vec::new();
    for i in 0..1500 {
        let model = Model::ALL[i % Model::ALL.len()];
        let other = Model::ALL[(i / Model::ALL.len()) % Model::ALL.len()];
        args_inputs.push((model, draw(any_json(), &mut runner)));
        args_inputs.push((model, draw(args_of(model), &mut runner)));
        args_inputs.push((model, draw(args_of(other), &mut runner)));
        bodies.push(draw(any_body(), &mut runner));
        bodies.push(draw(mutated_body(), &mut runner));
        bodies.push(draw(any_json(), &mut runner));
    }
    bodies.extend(args_inputs.iter().map(|(m, a)| body(*m, a.clone())));

    // Whole numbers written as floats, as text (serde_json would write 10.0 for 1e1), for
    // each integer option: ajv and the checker both take them as the integer.
    let texts: Vec<(Model, String)> = Model::ALL
        .into_iter()
        .flat_map(|m| whole_numbers_as_text(m).into_iter().map(move |t| (m, t)))
        .collect();
    assert!(!texts.is_empty(), "no model has an integer option");
    // The checker takes `1e1` and refuses `3.5` (HappyHorse's duration: 3 to 15).
    let verdicts: Vec<bool> = texts
        .iter()
        .map(|(m, t)| check_args(*m, t).is_ok())
        .collect();
    assert!(
        verdicts.contains(&true) && verdicts.contains(&false),
        "{texts:?}"
    );

    let mut cases = Vec::new();
    for dialect in Dialect::ALL {
        for (model, text) in &texts {
            let valid = schema_verdict(&check_args(*model, text));
            let name = format!("args.{}.{dialect}", model.id());
            cases.push(json!({ "schema": name, "text": text, "valid": valid }));
            let body = format!(r#"{{"model":"{}","args":{text}}}"#, model.id());
            let valid = schema_verdict(&check(&body));
            let name = format!("request.{dialect}");
            cases.push(json!({ "schema": name, "text": body, "valid": valid }));
        }
        for (model, a) in &args_inputs {
            let valid = schema_verdict(&check_args(*model, a.to_string()));
            let name = format!("args.{}.{dialect}", model.id());
            cases.push(json!({ "schema": name, "input": a, "valid": valid }));
        }
        for b in &bodies {
            let valid = schema_verdict(&check(b.to_string()));
            let name = format!("request.{dialect}");
            cases.push(json!({ "schema": name, "input": b, "valid": valid }));
        }
    }
    cases
}

#[test]
fn ajv_agrees_with_the_checker() {
    ensure_npm_packages();
    let mut schemas = serde_json::Map::new();
    for dialect in Dialect::ALL {
        for model in Model::ALL {
            schemas.insert(
                format!("args.{}.{dialect}", model.id()),
                schema_for_ajv(schema::args(model, dialect), dialect),
            );
        }
        schemas.insert(
            format!("request.{dialect}"),
            schema_for_ajv(schema::request(dialect), dialect),
        );
    }
    let cases = cases();
    let valid = cases.iter().filter(|c| c["valid"] == true).count();
    assert!(
        valid > 3000 && cases.len() - valid > 3000,
        "both verdicts are well represented: {valid} valid of {}",
        cases.len()
    );
    let file = scratch("ajv").join("cases.json");
    std::fs::write(
        &file,
        json!({ "schemas": schemas, "cases": cases }).to_string(),
    )
    .unwrap();

    let out = node(&[&frontend_dir().join("validate.mjs"), &file]);
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

/// Generates request.ts from the draft 2020-12 body schema in `dir`; returns its text.
fn generate_types(dir: &Path) -> String {
    let schema_file = dir.join("request.schema.json");
    std::fs::write(
        &schema_file,
        serde_json::to_string_pretty(&schema::request(Dialect::Draft2020_12)).unwrap(),
    )
    .unwrap();
    let ts = dir.join("request.ts");
    let out = node(&[&frontend_dir().join("types.mjs"), &schema_file, &ts]);
    assert!(
        out.status.success(),
        "json-schema-to-typescript failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::read_to_string(ts).unwrap()
}

#[test]
fn typescript_types_are_a_union_of_one_closed_interface_per_model() {
    ensure_npm_packages();
    let ts = generate_types(&scratch("types"));
    let names: Vec<String> = Model::ALL.iter().map(|m| format!("{m:?}")).collect();

    // `export type CreateJobRequest = | A | B …;`: exactly one member per model.
    let start = ts
        .find("export type CreateJobRequest =")
        .unwrap_or_else(|| panic!("no CreateJobRequest type in:\n{ts}"));
    let union = &ts[start..start + ts[start..].find(';').unwrap()];
    let members: Vec<&str> = union
        .trim_start_matches("export type CreateJobRequest =")
        .split('|')
        .map(str::trim)
        .filter(|m| !m.is_empty())
        .collect();
    let expected: Vec<String> = names.iter().map(|n| format!("{n}Request")).collect();
    assert_eq!(members, expected, "{union}");

    for (model, name) in Model::ALL.iter().zip(&names) {
        let body = interface(&ts, &format!("{name}Request"));
        assert!(
            body.contains(&format!("model: \"{}\";", model.id())),
            "{body}"
        );
        assert!(body.contains(&format!("args: {name}Args;")), "{body}");
        let args = interface(&ts, &format!("{name}Args"));
        for option in model.spec().options {
            let optional = if option.is_required() { "" } else { "?" };
            assert!(
                args.contains(&format!("  {}{optional}: ", option.name)),
                "{name}Args lacks {}{optional}:\n{args}",
                option.name
            );
        }
    }
    // No index signature (nor an intersection with one) anywhere but in the args of a page
    // cut inside its option list (whose schema is open: fields after the cut may exist): no
    // key beyond the options type-checks.
    let mut closed = ts.clone();
    for (model, name) in Model::ALL.iter().zip(&names) {
        let args = interface(&ts, &format!("{name}Args"));
        let open = args.contains("[k: string]: unknown;");
        assert_eq!(
            open,
            model.spec().cut_after.is_some(),
            "{name}Args:\n{args}"
        );
        closed = closed.replace(args, "");
    }
    for widening in ["[k: string]", "unknown", " & "] {
        assert!(
            !closed.contains(widening),
            "`{widening}` in the types:\n{ts}"
        );
    }
    assert_eq!(
        ts.matches("export interface ").count(),
        2 * Model::ALL.len(),
        "one body and one args interface per model:\n{ts}"
    );
}

/// The text of `export interface NAME { … }` in `ts`.
fn interface<'a>(ts: &'a str, name: &str) -> &'a str {
    let head = format!("export interface {name} {{");
    let start = ts
        .find(&head)
        .unwrap_or_else(|| panic!("no interface {name} in:\n{ts}"));
    let end = start + ts[start..].find("\n}").unwrap();
    &ts[start..end]
}

/// Runs tsc --strict on `forms` (copied beside the generated request.ts in `dir`); returns
/// whether it succeeded and what it printed.
fn tsc(dir: &Path, forms: &[&str]) -> (bool, String) {
    for form in forms {
        std::fs::copy(frontend_dir().join("forms").join(form), dir.join(form)).unwrap();
    }
    let out = Command::new("node")
        .arg(frontend_dir().join("node_modules/typescript/bin/tsc"))
        .args([
            "--strict",
            "--noEmit",
            "--pretty",
            "false",
            "--target",
            "es2022",
            "--module",
            "esnext",
            "--moduleResolution",
            "bundler",
        ])
        .args(forms)
        .current_dir(dir)
        .output()
        .expect("node runs tsc");
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.success(), text)
}

#[test]
fn tsc_compiles_a_typed_form_and_refuses_wrong_ones() {
    ensure_npm_packages();
    let dir = scratch("tsc");
    generate_types(&dir);

    let (ok, text) = tsc(&dir, &["form.ts"]);
    assert!(ok, "form.ts does not compile:\n{text}");

    // Each wrong form fails with one error that names what is wrong (and, where the union is
    // told apart by `model`, the model's args type). One tsc run checks them all.
    let wrong = [
        // With open members in the union (cut pages), tsc reports the misspelt key through
        // the member `model` picks, as TS2322 rather than TS2561.
        (
            "misspelt_option.ts",
            "TS2322",
            "'resoluton'",
            "'Pixverse55TextToVideoArgs'",
        ),
        (
            "option_of_another_model.ts",
            "TS2322",
            "'multi_shot'",
            "'Pixverse60TransitionArgs'",
        ),
        (
            "missing_required_input.ts",
            "TS2322",
            "'image'",
            "'Pixverse55ImageToVideoArgs'",
        ),
        ("value_not_allowed.ts", "TS2322", "'\"4k\"'", ""),
        // An item of a list of objects is typed too (Kling 3.0's shots).
        (
            "item_field_wrong_type.ts",
            "TS2322",
            "duration: string",
            "Kling30TextToVideoArgs",
        ),
    ];
    let forms: Vec<&str> = wrong.iter().map(|w| w.0).collect();
    let (ok, text) = tsc(&dir, &forms);
    assert!(!ok, "the wrong forms compiled:\n{text}");
    // An error is its first line (`FILE(LINE,COL): error TSNNNN: …`) and the indented lines
    // after it.
    let mut errors: Vec<String> = Vec::new();
    for line in text.lines() {
        match errors.last_mut() {
            Some(last) if line.starts_with(' ') => {
                last.push('\n');
                last.push_str(line);
            }
            _ => errors.push(line.to_owned()),
        }
    }
    assert_eq!(
        errors.len(),
        wrong.len(),
        "one error per wrong form:\n{text}"
    );
    for (form, code, names, narrowed_to) in wrong {
        let error = errors
            .iter()
            .find(|e| e.starts_with(&format!("{form}(")))
            .unwrap_or_else(|| panic!("no error in {form}:\n{text}"));
        assert!(
            error.contains(&format!("error {code}:"))
                && error.contains(names)
                && error.contains(narrowed_to),
            "{form}: expected {code} naming {names} {narrowed_to}:\n{error}"
        );
    }
}
