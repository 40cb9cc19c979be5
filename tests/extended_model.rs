//! A model added with no Rust edit: `tests/fixtures/extended_model.toml` (an integer duration
//! priced per second, an optional free text, wire values in capitals, an integer seed) is copied
//! beside the real specs in a scratch copy of the crate, which is built there and used through
//! the library (`tests/fixtures/extended_model_program.rs`, built as an example of the copy)
//! and through the CLI (`quote --model … --duration 7`).
//!
//! The copy is the crate's own `Cargo.toml`, `Cargo.lock`, `build.rs`, `README.md`,
//! `codegen/`, `src/`, `spec/` and `benches/`, plus the fixture file; nothing else changes. It builds in its own
//! target directory under `target/tmp/` (kept between runs, so only the first build compiles
//! the dependencies), apart from the crate's own so that its `shortapi-pricing` binary does not
//! replace the real one.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use serde_json::{json, Value};

const ID: &str = "acme/acme-video-2/text-to-video";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn scratch() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("extended_model")
}

/// Whether `name` is a file another process is writing (see [`sync`]).
fn is_part(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy()
        .rsplit_once('.')
        .is_some_and(|(_, ext)| ext.starts_with("part"))
}

/// The name of the fixture spec in the scratch crate's `spec/models/`.
const ADDED_SPEC: &str = "acme-video-2-text-to-video.toml";

/// Copies `from` to `to` (files and folders), writing only files whose bytes differ, so that
/// cargo's fingerprints see no change from one run to the next; removes files of `to` that
/// `from` does not have, but for the added spec. The tests run in parallel processes, each
/// making the copy: a file is written whole (to a file of this process, then renamed), so a
/// build another process started never reads one half written, and the added spec is never
/// removed under it.
fn sync(from: &Path, to: &Path) {
    if from.is_file() {
        let bytes = std::fs::read(from).unwrap();
        if std::fs::read(to).ok().as_deref() != Some(&bytes[..]) {
            std::fs::create_dir_all(to.parent().unwrap()).unwrap();
            let part = to.with_extension(format!("part{}", std::process::id()));
            std::fs::write(&part, bytes).unwrap();
            std::fs::rename(&part, to).unwrap();
        }
        return;
    }
    std::fs::create_dir_all(to).unwrap();
    let mut names = Vec::new();
    for entry in std::fs::read_dir(from).unwrap() {
        let name = entry.unwrap().file_name();
        sync(&from.join(&name), &to.join(&name));
        names.push(name);
    }
    for entry in std::fs::read_dir(to).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name();
        if !names.contains(&name) && name != ADDED_SPEC && !is_part(&name) {
            let path = entry.path();
            // Another process may have removed it first.
            let _ = if path.is_dir() {
                std::fs::remove_dir_all(path)
            } else {
                std::fs::remove_file(path)
            };
        }
    }
}

/// `cargo` with the scratch crate's manifest and target directory.
fn cargo(args: &[&str]) -> Output {
    let krate = scratch().join("crate");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    Command::new(cargo)
        .args(args)
        .arg("--manifest-path")
        .arg(krate.join("Cargo.toml"))
        .args(["--offline", "--quiet", "--features", "cli"])
        .env("CARGO_TARGET_DIR", scratch().join("target"))
        .output()
        .expect("cargo runs")
}

/// Makes the scratch crate and builds the program and the CLI in it, once per test run.
/// Returns the paths of the two executables.
fn built() -> &'static (PathBuf, PathBuf) {
    static BUILT: OnceLock<(PathBuf, PathBuf)> = OnceLock::new();
    BUILT.get_or_init(|| {
        let krate = scratch().join("crate");
        std::fs::create_dir_all(&krate).unwrap();
        for item in [
            "Cargo.toml",
            "Cargo.lock",
            "build.rs",
            "README.md",
            "codegen",
            "src",
            "spec",
            "benches",
        ] {
            sync(&root().join(item), &krate.join(item));
        }
        // The two additions: the new spec file beside the real ones, and a program using it.
        sync(
            &root().join("tests/fixtures/extended_model.toml"),
            &krate.join("spec/models").join(ADDED_SPEC),
        );
        std::fs::create_dir_all(krate.join("examples")).unwrap();
        sync(
            &root().join("tests/fixtures/extended_model_program.rs"),
            &krate.join("examples/extended_model.rs"),
        );
        let out = cargo(&[
            "build",
            "--example",
            "extended_model",
            "--bin",
            "shortapi-pricing",
        ]);
        assert!(
            out.status.success(),
            "the scratch crate with the new spec does not build:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let exe = std::env::consts::EXE_SUFFIX;
        let debug = scratch().join("target").join("debug");
        (
            debug.join("examples").join(format!("extended_model{exe}")),
            debug.join(format!("shortapi-pricing{exe}")),
        )
    })
}

/// What the program printed, as `case → result`.
fn program() -> &'static serde_json::Map<String, Value> {
    static CASES: OnceLock<serde_json::Map<String, Value>> = OnceLock::new();
    CASES.get_or_init(|| {
        let out = Command::new(&built().0).output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let mut cases = serde_json::Map::new();
        for line in String::from_utf8(out.stdout).unwrap().lines() {
            let v: Value = serde_json::from_str(line).unwrap();
            cases.insert(v["case"].as_str().unwrap().to_owned(), v["result"].clone());
        }
        cases
    })
}

fn case(name: &str) -> &'static Value {
    program()
        .get(name)
        .unwrap_or_else(|| panic!("the program printed no case {name}"))
}

/// The `(path, code)` pairs of a violations object, and its messages.
fn violations(v: &Value) -> (Vec<(&str, &str)>, Vec<&str>) {
    let errors = v["errors"]
        .as_array()
        .unwrap_or_else(|| panic!("not rejected: {v}"));
    (
        errors
            .iter()
            .map(|e| (e["path"].as_str().unwrap(), e["code"].as_str().unwrap()))
            .collect(),
        errors
            .iter()
            .map(|e| e["message"].as_str().unwrap())
            .collect(),
    )
}

#[test]
fn the_new_file_is_one_more_model() {
    let m = case("model");
    assert_eq!(m["id"], ID);
    assert_eq!(m["variant"], "AcmeVideo2TextToVideo");
    assert_eq!(m["parsed"], true);
    assert_eq!(m["count"], shortapi_pricing::Model::ALL.len() + 1);
    // File-name order: acme-… sorts before flux-…, happyhorse-… and pixverse-….
    assert_eq!(m["ids"][0], ID);
    assert_eq!(m["ids"][1], "shortapi/flux-1.0/text-to-image");
    // 5 rates (1080P with audio is forbidden) × every duration from 3 to 15.
    assert_eq!(m["price_table_rows"], 5 * 13);
}

#[test]
fn typed_quotes_are_rate_times_seconds() {
    let t = case("typed");
    // Rates from the fixture: 480P 0.0125 / 0.02, 720P 0.035 / 0.045, 1080P 0.07 (no audio).
    assert_eq!(t["default"], "0.175"); // 720P, 5 s, silent: 0.035 × 5
    assert_eq!(t["720P_7s_audio"], "0.315"); // 0.045 × 7
    assert_eq!(t["480P_7s"], "0.0875"); // 0.0125 × 7
    assert_eq!(t["1080P_15s"], "1.05"); // 0.07 × 15
    assert_eq!(t["1080P_audio"], json!({ "rule": "no_audio_at_1080p" }));
    assert_eq!(t["seed_changes_nothing"], "0.175");
    // Typed options judge only the rule of values; the range rule is the checker's.
    assert_eq!(t["480P_15s"], "0.1875"); // 0.0125 × 15
    assert_eq!(t["rules"], 4);
}

#[test]
fn integer_newtypes_refuse_values_out_of_range() {
    assert_eq!(
        case("seconds"),
        &json!([
            "2 is out of range for duration: allowed 3 to 15",
            3,
            15,
            "16 is out of range for duration: allowed 3 to 15",
            "-9223372036854775808 is out of range for duration: allowed 3 to 15",
        ])
    );
    assert_eq!(
        case("seed"),
        &json!([
            { "Err": "-1 is out of range for seed: allowed 0 to 2147483647" },
            { "Ok": 0 },
            { "Ok": 2147483647 },
            { "Err": "2147483648 is out of range for seed: allowed 0 to 2147483647" },
        ])
    );
}

#[test]
fn wire_values_stay_in_capitals() {
    let w = case("wire");
    assert_eq!(w["all"], json!(["480P", "720P", "1080P"]));
    assert_eq!(w["display"], "720P");
    assert_eq!(w["parse_capital"], true);
    assert_eq!(
        w["parse_lower"],
        json!({ "Err": "\"1080p\" is not a valid resolution; allowed: \"480P\", \"720P\", \"1080P\"" })
    );
    let (found, messages) = violations(case("json_lower_case"));
    assert_eq!(found, [("/args/resolution", "invalid_value")]);
    assert!(
        messages[0].contains(r#""480P", "720P", "1080P""#),
        "{messages:?}"
    );
}

#[test]
fn json_quotes_through_the_library() {
    let q = case("json_7s_audio");
    assert_eq!(q["amount"], "0.315");
    let quote = &q["quote"];
    assert_eq!(quote["model"], ID);
    assert_eq!(quote["currency"], "USD");
    assert_eq!(quote["amount"], "0.315");
    assert_eq!(quote["resolution"], "720P");
    assert_eq!(quote["duration"], 7);
    assert_eq!(quote["generate_audio"], true);
    assert_eq!(case("json_seed_max")["amount"], "0.0500"); // 0.0125 × 4
    assert_eq!(case("json_negative_prompt")["amount"], "0.175");
    let (found, messages) = violations(case("json_audio_1080P"));
    assert_eq!(found, [("/args/generate_audio", "unsupported_combination")]);
    assert!(
        messages[0].starts_with("audio is not available at 1080P"),
        "{messages:?}"
    );
}

#[test]
fn the_integer_duration_at_and_beyond_its_edges() {
    assert_eq!(case("json_min")["amount"], "0.105"); // 0.035 × 3
    assert_eq!(case("json_max")["amount"], "0.525"); // 0.035 × 15
    for (name, code) in [
        ("json_min_minus_1", "out_of_range"),
        ("json_max_plus_1", "out_of_range"),
        ("json_fraction", "wrong_type"),
        ("json_string", "wrong_type"),
        ("json_u64", "out_of_range"),
        // Beyond 64 bits serde_json reads a number as a float, still a whole one: out of
        // range, as JSON Schema judges it.
        ("json_huge", "out_of_range"),
    ] {
        let (found, messages) = violations(case(name));
        assert_eq!(found, [("/args/duration", code)], "{name}");
        // Every message gives the range.
        assert!(messages[0].contains("3 to 15"), "{name}: {messages:?}");
    }
    let (found, messages) = violations(case("json_seed_over"));
    assert_eq!(found, [("/args/seed", "out_of_range")]);
    assert!(messages[0].contains("0 to 2147483647"), "{messages:?}");
}

#[test]
fn the_optional_free_text() {
    let (found, _) = violations(case("json_negative_prompt_blank"));
    assert_eq!(found, [("/args/negative_prompt", "empty_text")]);
    let (found, _) = violations(case("json_negative_prompt_number"));
    assert_eq!(found, [("/args/negative_prompt", "wrong_type")]);
    let (found, _) = violations(case("json_no_prompt"));
    assert_eq!(found, [("/args/prompt", "missing_field")]);
    let r = case("request");
    assert_eq!(r["negative_prompt"], "no rain");
    assert_eq!(r["typed_duration"], 9);
    let args = &r["json"]["args"];
    assert_eq!(r["json"]["model"], ID);
    assert_eq!(args["negative_prompt"], "no rain");
    assert_eq!(args["duration"], 9);
    assert_eq!(args["resolution"], "480P");
}

/// The scratch crate's CLI, with `args`; returns stdout, stderr and the exit code.
fn cli(args: &[&str]) -> (String, String, i32) {
    let out = Command::new(&built().1).args(args).output().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn the_cli_quotes_the_new_model() {
    let (out, err, code) = cli(&[
        "quote",
        "--model",
        ID,
        "--duration",
        "7",
        "--resolution",
        "720P",
        "--generate-audio",
    ]);
    assert_eq!(code, 0, "{out}{err}");
    let quote: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    assert_eq!(quote["model"], ID);
    assert_eq!(quote["amount"], "0.315");
    assert_eq!(quote["resolution"], "720P");
    assert_eq!(quote["duration"], 7);

    // A whole body, whose model decides.
    let body = format!(
        r#"{{"model":"{ID}","args":{{"prompt":"p","duration":12,"resolution":"1080P","seed":42}}}}"#
    );
    let (out, err, code) = cli(&["quote", "--json", &body]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains(r#""amount":"0.84""#) || out.contains(r#""amount": "0.84""#),
        "{out}"
    ); // 0.07 × 12
}

/// The fixture's rules that ask more than values (an integer's range, an option given, a list's
/// count), added with no Rust edit: each kept and broken through the library, with its code, its
/// place (the last of its options given) and a message naming what made it apply.
#[test]
fn rules_of_ranges_given_options_and_counts() {
    assert_eq!(case("json_480P_12s")["amount"], "0.1500"); // 0.0125 × 12, at the product's scale
    assert_eq!(case("json_negative_prompt_silent")["amount"], "0.175"); // 0.035 × 5
    assert_eq!(case("json_1080P_one_reference")["amount"], "0.35"); // 0.07 × 5
    assert_eq!(case("json_720P_two_references")["amount"], "0.175");
    for (name, path, message) in [
        (
            "json_480P_13s",
            "/args/duration",
            "480P clips are at most 12 seconds (resolution = \"480P\", duration from 13 to 15)",
        ),
        (
            "json_negative_prompt_audio",
            "/args/generate_audio",
            "a negative prompt is not available with audio (negative_prompt given, generate_audio = true); with the other options as given, generate_audio may be false",
        ),
        (
            "json_1080P_two_references",
            "/args/reference_image_urls",
            "1080P takes one reference image at most (resolution = \"1080P\", reference_image_urls has at least 2 items)",
        ),
    ] {
        let (found, messages) = violations(case(name));
        assert_eq!(found, [(path, "unsupported_combination")], "{name}");
        assert_eq!(messages, [message], "{name}");
    }
}

#[test]
fn the_cli_refuses_the_integer_beyond_its_edges() {
    for (duration, code_name) in [
        ("2", "out_of_range"),
        ("16", "out_of_range"),
        ("3.5", "wrong_type"),
        ("five", "wrong_type"),
    ] {
        let (out, err, code) = cli(&["quote", "--model", ID, "--duration", duration]);
        assert_ne!(code, 0, "{duration}: {out}{err}");
        let v: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}{err}"));
        let (found, messages) = violations(&v);
        assert_eq!(found, [("/duration", code_name)], "{duration}");
        assert!(messages[0].contains("3 to 15"), "{duration}: {messages:?}");
    }
}

/// The real models still quote in the scratch build, next to the new one: `--duration 8` is a
/// string for them, a number for the new model.
#[test]
fn the_cli_still_quotes_the_catalog() {
    let (out, err, code) = cli(&[
        "quote",
        "--model",
        "pixverse/pixverse-6.0/text-to-video",
        "--duration",
        "8",
        "--generate-audio",
    ]);
    assert_eq!(code, 0, "{out}{err}");
    let quote: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    assert_eq!(quote["amount"], "0.408");
    assert_eq!(quote["duration"], "8");
}

/// A rule that asks whether an option is given and one that counts a list's items, from flags.
#[test]
fn the_cli_judges_the_rules_of_given_options_and_counts() {
    let (out, err, code) = cli(&[
        "quote",
        "--model",
        ID,
        "--negative-prompt",
        "rain",
        "--generate-audio",
    ]);
    assert_ne!(code, 0, "{out}{err}");
    let v: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}{err}"));
    assert_eq!(
        violations(&v).0,
        [("/generate_audio", "unsupported_combination")]
    );
    let url = "https://a.example/1.png";
    let refs = ["--reference-image-urls", url, "--reference-image-urls", url];
    let mut args = vec!["quote", "--model", ID, "--resolution", "1080P"];
    args.extend(refs);
    let (out, err, code) = cli(&args);
    assert_ne!(code, 0, "{out}{err}");
    let v: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}{err}"));
    assert_eq!(
        violations(&v).0,
        [("/reference_image_urls", "unsupported_combination")]
    );
    let (out, err, code) = cli(&["quote", "--model", ID, "--reference-image-urls", url]);
    assert_eq!(code, 0, "{out}{err}");
}

#[test]
fn the_cli_lists_the_new_model() {
    let (out, err, code) = cli(&["models"]);
    assert_eq!(code, 0, "{out}{err}");
    let models: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    let models = models.as_array().unwrap();
    assert_eq!(models.len(), shortapi_pricing::Model::ALL.len() + 1);
    let m = models
        .iter()
        .find(|m| m["id"] == ID)
        .expect("the new model is listed");
    let option = |name: &str| {
        m["options"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["name"] == name)
            .unwrap_or_else(|| panic!("{name} in {m}"))
    };
    assert_eq!(option("negative_prompt")["required"], false);
    assert_eq!(option("negative_prompt")["type"], "string");
    let duration = option("duration");
    assert_eq!(
        (
            &duration["type"],
            &duration["minimum"],
            &duration["maximum"],
            &duration["default"]
        ),
        (&json!("integer"), &json!(3), &json!(15), &json!(5))
    );
    assert_eq!(
        option("resolution")["values"],
        json!(["480P", "720P", "1080P"])
    );
    assert_eq!(m["pricing"]["per"], json!(["duration"]));
    assert_eq!(m["pricing"]["unit"], "second");
}
