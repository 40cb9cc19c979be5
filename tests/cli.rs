//! The `shortapi-pricing` binary (feature `cli`) run as a process, for every model of the
//! catalog: `quote` and `check` from flags (`--model`, option flags made from the specs), `--json`,
//! stdin and JSONL logs that mix models (per-line verdicts, exact subtotals per model and the
//! exact grand total); `models` (json, text); `table` (csv, json; every documented amount, and
//! the CSV joined in DuckDB to a mixed-model usage table to the exact total); `reconcile` for
//! every model; `request` and its round trip through `quote`; `schema` (args, request, response,
//! both dialects); help, version, and the exit codes (0 valid, 1 rejected, 2 usage or I/O error).
//!
//! Every expected amount is transcribed by hand from `../shared/models/README.md` and the seed
//! page `../shared/seeds/000_87965f2f1b8a28c7.txt` (the 5.5 text-to-video and image-to-video
//! table through `common/documented.rs`), never read back from `spec/` or the library. Money is
//! compared as decimal strings, or as `rust_decimal::Decimal`, never as `f64`.
//!
//! The DuckDB test runs Python's `duckdb` module, pinned to [`DUCKDB_VERSION`]; when the
//! interpreter lacks that version, it is installed once with `python3 -m pip install --target
//! $CARGO_TARGET_TMPDIR/py-duckdb-<version>`.

#![cfg(feature = "cli")]

#[allow(dead_code)]
#[path = "common/documented.rs"]
mod documented;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::str::FromStr;

use documented::SEED_CELLS;
use rust_decimal::Decimal;
use serde::de::{Deserialize, Deserializer, Error as _, MapAccess, SeqAccess, Visitor};
use serde_json::{json, Map, Value};

const BIN: &str = env!("CARGO_BIN_EXE_shortapi-pricing");

const T2V_55: &str = "pixverse/pixverse-5.5/text-to-video";
const I2V_55: &str = "pixverse/pixverse-5.5/image-to-video";
const TRANSITION_55: &str = "pixverse/pixverse-5.5/transition";
const T2V_60: &str = "pixverse/pixverse-6.0/text-to-video";
const I2V_60: &str = "pixverse/pixverse-6.0/image-to-video";
const TRANSITION_60: &str = "pixverse/pixverse-6.0/transition";
const HAPPYHORSE: &str = "alibaba/happyhorse-1.0/text-to-video";

const TEXT_TO_VIDEO: &[&str] = &[
    "prompt",
    "resolution",
    "duration",
    "aspect_ratio",
    "generate_audio",
    "multi_shot",
];
const IMAGE_TO_VIDEO: &[&str] = &[
    "prompt",
    "image",
    "resolution",
    "duration",
    "aspect_ratio",
    "generate_audio",
    "multi_shot",
];
const HAPPYHORSE_OPTIONS: &[&str] = &["prompt", "resolution", "ratio", "duration"];
const TRANSITION: &[&str] = &[
    "prompt",
    "image",
    "image_tail",
    "resolution",
    "duration",
    "aspect_ratio",
    "generate_audio",
];

/// Every model with its options in page order (models/README.md), in the order the CLI lists
/// models (by id).
const MODELS: [(&str, &[&str]); 7] = [
    (HAPPYHORSE, HAPPYHORSE_OPTIONS),
    (I2V_55, IMAGE_TO_VIDEO),
    (T2V_55, TEXT_TO_VIDEO),
    (TRANSITION_55, TRANSITION),
    (I2V_60, IMAGE_TO_VIDEO),
    (T2V_60, TEXT_TO_VIDEO),
    (TRANSITION_60, TRANSITION),
];

/// The 5.5 transition table of models/README.md: `(generate_audio, resolution, duration,
/// price)`, with the page's digits.
const TRANSITION_55_TABLE: [(bool, &str, &str, &str); 16] = [
    (false, "540p", "5", "0.383"),
    (false, "540p", "8", "0.765"),
    (false, "540p", "10", "0.842"),
    (false, "720p", "5", "0.510"),
    (false, "720p", "8", "1.02"),
    (false, "720p", "10", "1.122"),
    (false, "1080p", "5", "1.02"),
    (false, "1080p", "8", "2.04"),
    (true, "540p", "5", "0.468"),
    (true, "540p", "8", "0.935"),
    (true, "540p", "10", "1.029"),
    (true, "720p", "5", "0.595"),
    (true, "720p", "8", "1.19"),
    (true, "720p", "10", "1.309"),
    (true, "1080p", "5", "1.105"),
    (true, "1080p", "8", "2.210"),
];

/// What those rates make, worked out by hand (rate × seconds): `(generate_audio, resolution,
/// duration, amount)`; no 1080p at 10 s.
const AMOUNTS_60: [(bool, &str, &str, &str); 16] = [
    (false, "540p", "5", "0.150"),
    (false, "540p", "8", "0.240"),
    (false, "540p", "10", "0.300"),
    (false, "720p", "5", "0.190"),
    (false, "720p", "8", "0.304"),
    (false, "720p", "10", "0.380"),
    (false, "1080p", "5", "0.385"),
    (false, "1080p", "8", "0.616"),
    (true, "540p", "5", "0.190"),
    (true, "540p", "8", "0.304"),
    (true, "540p", "10", "0.380"),
    (true, "720p", "5", "0.255"),
    (true, "720p", "8", "0.408"),
    (true, "720p", "10", "0.510"),
    (true, "1080p", "5", "0.490"),
    (true, "1080p", "8", "0.784"),
];

/// The Python `duckdb` version the DuckDB test uses (the one on the development machine), so
/// that it sniffs the CSV the same way everywhere.
const DUCKDB_VERSION: &str = "2.0.1";

// ---------------------------------------------------------------------------------------------
// Running the binary

/// Runs the binary with `args` and `stdin`; fails the test if it panicked.
fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    // Written from a thread so a large input cannot dead-lock against a full stdout pipe.
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("panicked"),
        "the binary panicked on {args:?}: {stderr}"
    );
    out
}

/// Runs a command line split at white space (for arguments without spaces).
fn cli(command: &str, stdin: &[u8]) -> Output {
    run(&command.split_whitespace().collect::<Vec<_>>(), stdin)
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("the binary exited, not killed")
}

/// Runs a command that must be a usage or I/O error: exit 2, nothing on stdout, a message on
/// stderr, which is returned.
fn usage_error(args: &[&str]) -> String {
    usage_error_on(args, b"")
}

/// The same with `stdin` as the input.
fn usage_error_on(args: &[&str], stdin: &[u8]) -> String {
    let o = run(args, stdin);
    assert_eq!(code(&o), 2, "{args:?}: {}{}", stdout(&o), stderr(&o));
    assert_eq!(stdout(&o), "", "{args:?} printed on stdout");
    let message = stderr(&o);
    assert!(!message.trim().is_empty(), "{args:?} said nothing");
    message
}

/// The one JSON document on stdout (its keys checked unique).
fn json_out(o: &Output) -> Value {
    strict_json(&stdout(o)).unwrap_or_else(|e| panic!("{e}: {}", stdout(o)))
}

/// Every stdout line as JSON (keys checked unique).
fn lines(o: &Output) -> Vec<Value> {
    stdout(o)
        .lines()
        .map(|l| strict_json(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// Every stdout line as JSON, a repeated key allowed (the last wins).
fn lenient_lines(o: &Output) -> Vec<Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// JSON read like `serde_json::from_str`, except that an object with a key twice is an error
/// (serde_json keeps the last value without a word).
fn strict_json(text: &str) -> Result<Value, serde_json::Error> {
    serde_json::from_str::<Unique>(text).map(|u| u.0)
}

/// A JSON value whose objects have no repeated key.
struct Unique(Value);

impl<'de> Deserialize<'de> for Unique {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(UniqueVisitor)
    }
}

struct UniqueVisitor;

impl<'de> Visitor<'de> for UniqueVisitor {
    type Value = Unique;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Unique, E> {
        Ok(Unique(Value::Bool(v)))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Unique, E> {
        Ok(Unique(Value::from(v)))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Unique, E> {
        Ok(Unique(Value::from(v)))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Unique, E> {
        Ok(Unique(Value::from(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Unique, E> {
        Ok(Unique(Value::String(v.to_owned())))
    }
    fn visit_unit<E>(self) -> Result<Unique, E> {
        Ok(Unique(Value::Null))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Unique, A::Error> {
        let mut items = Vec::new();
        while let Some(Unique(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Unique(Value::Array(items)))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Unique, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if object.contains_key(&key) {
                return Err(A::Error::custom(format!("the key {key:?} appears twice")));
            }
            let Unique(value) = map.next_value()?;
            object.insert(key, value);
        }
        Ok(Unique(Value::Object(object)))
    }
}

/// A fresh scratch folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("cli")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// The required free-text flags of a model, with values.
fn text_flags(model: &str) -> &'static str {
    match MODELS.iter().find(|(id, _)| *id == model).unwrap().1 {
        options if options.contains(&"image_tail") => {
            "--prompt p --image https://e.com/a.png --image-tail https://e.com/b.png"
        }
        options if options.contains(&"image") => "--prompt p --image https://e.com/a.png",
        _ => "--prompt p",
    }
}

/// Each flag's help in `help` as one line (clap wraps long help when built with `wrap_help`),
/// by flag: `--image <TEXT>` gives `"--image"`.
fn flag_help(help: &str) -> BTreeMap<String, String> {
    let mut flags: BTreeMap<String, String> = BTreeMap::new();
    let mut last: Option<String> = None;
    for line in help.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("--") || trimmed.starts_with("-h, --") {
            let flag = trimmed
                .trim_start_matches("-h, ")
                .split_whitespace()
                .next()
                .unwrap()
                .to_owned();
            flags.insert(flag.clone(), trimmed.to_owned());
            last = Some(flag);
        } else if line.starts_with("   ") && !trimmed.is_empty() {
            if let Some(flag) = &last {
                let entry = flags.get_mut(flag).unwrap();
                entry.push(' ');
                entry.push_str(trimmed);
            }
        } else {
            last = None;
        }
    }
    flags
}

// ---------------------------------------------------------------------------------------------
// Help and version

#[test]
fn help_lists_every_subcommand_and_version_prints_it() {
    let o = cli("--help", b"");
    assert_eq!(code(&o), 0);
    let help = stdout(&o);
    for sub in [
        "quote",
        "check",
        "request",
        "models",
        "schema",
        "table",
        "reconcile",
    ] {
        assert!(
            help.lines().any(|l| l.trim_start().starts_with(sub)),
            "{sub} missing from --help:\n{help}"
        );
    }
    let o = cli("--version", b"");
    assert_eq!(code(&o), 0);
    assert_eq!(
        stdout(&o),
        format!("shortapi-pricing {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn help_describes_the_catalog_not_one_model() {
    let help = stdout(&cli("--help", b""));
    let about = help.split("\n\n").next().unwrap();
    assert!(about.contains("every model"), "{about}");
    assert!(!about.contains("5.5 text-to-video"), "{about}");
}

#[test]
fn option_flags_come_from_the_specs() {
    for sub in ["quote", "check", "request"] {
        let o = cli(&format!("{sub} --help"), b"");
        assert_eq!(code(&o), 0);
        let flags = flag_help(&stdout(&o));
        let help = |flag: &str| -> &str {
            flags
                .get(flag)
                .unwrap_or_else(|| panic!("{sub} --help has no {flag}: {flags:#?}"))
        };
        assert!(help("--model").contains("`shortapi-pricing models`"));
        // Where the models differ (PixVerse's "720p" and an enum duration, HappyHorse's "720P"
        // and an integer duration; their prompts' descriptions), the help says so.
        assert!(help("--resolution")
            .contains("Output video resolution: differs by model (see `shortapi-pricing models`)"));
        assert!(help("--duration").starts_with("--duration <VALUE> "));
        assert!(help("--duration").contains(" differs by model (see `shortapi-pricing models`)"));
        assert!(help("--aspect-ratio").contains("16:9, 9:16, 4:3, 3:4, 1:1 (default 16:9)"));
        assert!(help("--generate-audio").contains("true or false (default false)"));
        assert!(help("--ratio").contains(&format!(
            "16:9, 9:16, 1:1, 4:3, 3:4 (default 16:9) [only {HAPPYHORSE}]"
        )));
        // Options only some models have say which.
        let image_tail = help("--image-tail");
        assert!(image_tail.contains("End frame control"), "{image_tail}");
        assert!(
            image_tail.contains(&format!("[only {TRANSITION_55}, {TRANSITION_60}]")),
            "{image_tail}"
        );
        let image = help("--image");
        for id in [I2V_55, TRANSITION_55, I2V_60, TRANSITION_60] {
            assert!(image.contains(id), "{image}");
        }
        assert!(!image.contains("text-to-video"), "{image}");
        let multi_shot = help("--multi-shot");
        for id in [I2V_55, T2V_55, I2V_60, T2V_60] {
            assert!(multi_shot.contains(id), "{multi_shot}");
        }
        assert!(!multi_shot.contains("transition"), "{multi_shot}");
        assert!(!multi_shot.contains(HAPPYHORSE), "{multi_shot}");
        // Every model has these, so they name none.
        assert!(!help("--resolution").contains("[only"));
        assert!(!help("--prompt").contains("[only"));
    }
}

// ---------------------------------------------------------------------------------------------
// quote and check: one request

#[test]
fn quote_from_flags_for_every_model() {
    let cases = [
        (
            T2V_55,
            "--resolution 1080p --duration 8 --generate-audio",
            json!({"model": T2V_55, "currency": "USD", "amount": "0.765", "resolution": "1080p", "duration": "8", "aspect_ratio": "16:9", "generate_audio": true, "multi_shot": false}),
        ),
        (
            I2V_55,
            "--multi-shot --generate-audio false --resolution 540p --duration 10",
            json!({"model": I2V_55, "currency": "USD", "amount": "0.468", "resolution": "540p", "duration": "10", "aspect_ratio": "16:9", "generate_audio": false, "multi_shot": true}),
        ),
        (
            TRANSITION_55,
            "--duration 10 --generate-audio true",
            json!({"model": TRANSITION_55, "currency": "USD", "amount": "1.309", "resolution": "720p", "duration": "10", "aspect_ratio": "16:9", "generate_audio": true}),
        ),
        (
            T2V_60,
            "--resolution 720p --duration 8 --generate-audio",
            json!({"model": T2V_60, "currency": "USD", "amount": "0.408", "resolution": "720p", "duration": "8", "aspect_ratio": "16:9", "generate_audio": true, "multi_shot": false}),
        ),
        (
            // multi_shot and aspect_ratio do not change a 6.0 price: 0.077 × 8.
            I2V_60,
            "--resolution 1080p --duration 8 --multi-shot --aspect-ratio 1:1",
            json!({"model": I2V_60, "currency": "USD", "amount": "0.616", "resolution": "1080p", "duration": "8", "aspect_ratio": "1:1", "generate_audio": false, "multi_shot": true}),
        ),
        (
            // 0.038 × 10
            TRANSITION_60,
            "--resolution 540p --duration 10 --generate-audio --image-tail https://e.com/b.png",
            json!({"model": TRANSITION_60, "currency": "USD", "amount": "0.380", "resolution": "540p", "duration": "10", "aspect_ratio": "16:9", "generate_audio": true}),
        ),
    ];
    for (model, flags, expected) in cases {
        let o = cli(&format!("quote --model {model} {flags}"), b"");
        assert_eq!(code(&o), 0, "{model} {flags}: {}", stdout(&o));
        assert_eq!(json_out(&o), expected, "{model} {flags}");
    }
}

#[test]
fn quote_format_text_is_one_line() {
    let o = cli(
        &format!(
            "quote --model {T2V_60} --resolution 720p --duration 8 --generate-audio --format text"
        ),
        b"",
    );
    assert_eq!(code(&o), 0);
    assert_eq!(
        stdout(&o),
        format!("0.408 USD {T2V_60} resolution=720p duration=8 aspect_ratio=16:9 generate_audio=true multi_shot=false\n")
    );
    // A transition has no multi_shot to print; its defaults are 720p and 5 s.
    let o = cli(
        &format!("quote --model {TRANSITION_55} --aspect-ratio 9:16 --format text"),
        b"",
    );
    assert_eq!(code(&o), 0);
    assert_eq!(
        stdout(&o),
        format!("0.510 USD {TRANSITION_55} resolution=720p duration=5 aspect_ratio=9:16 generate_audio=false\n")
    );
}

#[test]
fn quote_rejections_exit_1_with_errors() {
    // 1080p at 10 s, for a per-second model too.
    let o = cli(
        &format!("quote --model {TRANSITION_60} --resolution 1080p --duration 10"),
        b"",
    );
    assert_eq!(code(&o), 1);
    let e = json_out(&o);
    assert_eq!(e["errors"][0]["code"], "unsupported_combination");
    assert_eq!(e["errors"][0]["path"], "/duration");
    assert!(e.get("amount").is_none());
    // A value not allowed, in text.
    let o = cli(
        &format!("quote --model {T2V_60} --duration 7 --format text"),
        b"",
    );
    assert_eq!(code(&o), 1);
    let text = stdout(&o);
    assert!(text.starts_with("rejected: /duration:"), "{text}");
    assert!(text.contains(r#"allowed: "5", "8", "10""#), "{text}");
    assert!(text.trim_end().ends_with("[invalid_value]"), "{text}");
}

#[test]
fn bare_json_args_are_read_as_the_model_flag_s() {
    let args = r#"{"prompt":"p","resolution":"720p","duration":"8"}"#;
    // 6.0 text-to-video: 0.038 × 8.
    let o = run(&["quote", "--model", T2V_60, "--json", args], b"");
    assert_eq!(code(&o), 0);
    assert_eq!(json_out(&o)["model"], T2V_60);
    assert_eq!(json_out(&o)["amount"], "0.304");
    // The same args as 5.5 text-to-video: the seed's 720p 8 s cell.
    let o = run(&["quote", "--model", T2V_55, "--json", args], b"");
    assert_eq!(json_out(&o)["amount"], "0.340");
}

#[test]
fn bare_args_without_model_are_refused_naming_the_fix() {
    let o = run(&["quote", "--json", r#"{"prompt":"p"}"#], b"");
    assert_eq!(code(&o), 1);
    let e = &json_out(&o)["errors"][0];
    assert_eq!(e["code"], "unknown_model");
    let message = e["message"].as_str().unwrap();
    assert!(message.contains("--model"), "{message}");
    assert!(message.contains(r#"body with "model""#), "{message}");
    // The same from stdin.
    let o = cli("check", br#"{"prompt":"p"}"#);
    assert_eq!(code(&o), 1);
    assert_eq!(json_out(&o)["errors"][0]["code"], "unknown_model");
}

#[test]
fn a_body_s_own_model_decides_over_the_model_flag() {
    let body = json!({"model": TRANSITION_55, "args": {"prompt": "p", "image": "a", "image_tail": "b", "duration": "8"}});
    let o = run(
        &["quote", "--model", T2V_60, "--json", &body.to_string()],
        b"",
    );
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    let q = json_out(&o);
    assert_eq!(q["model"], TRANSITION_55);
    assert_eq!(q["amount"], "1.02");
    assert!(q.get("multi_shot").is_none());
}

#[test]
fn quote_reads_stdin_and_json_dash() {
    // A whole body on stdin, no flag at all.
    let body = json!({"model": TRANSITION_60, "args": {"prompt": "p", "image": "a", "image_tail": "b", "resolution": "1080p", "duration": "8", "generate_audio": true}});
    let o = cli("quote", body.to_string().as_bytes());
    assert_eq!(code(&o), 0);
    assert_eq!(
        json_out(&o),
        json!({"model": TRANSITION_60, "currency": "USD", "amount": "0.784", "resolution": "1080p", "duration": "8", "aspect_ratio": "16:9", "generate_audio": true})
    );
    // Bare args with --model, through `--json -`.
    let o = cli(
        &format!("quote --model {I2V_55} --json -"),
        br#"{"prompt":"p","image":"i","multi_shot":true,"generate_audio":true,"duration":"10"}"#,
    );
    assert_eq!(code(&o), 0);
    assert_eq!(json_out(&o)["amount"], "0.655");
    // Bare args with --model on plain stdin: 0.038 × 8.
    let o = cli(
        &format!("quote --model {I2V_60} --format text"),
        br#"{"prompt":"p","image":"i","resolution":"540p","duration":"8","generate_audio":true}"#,
    );
    assert_eq!(code(&o), 0);
    assert!(stdout(&o).starts_with(&format!("0.304 USD {I2V_60} ")));
    // A number where the API takes a string; bytes that are not UTF-8.
    let o = cli(
        &format!("quote --model {T2V_60} --json -"),
        br#"{"prompt":"p","duration":10}"#,
    );
    assert_eq!(code(&o), 1);
    assert_eq!(json_out(&o)["errors"][0]["code"], "wrong_type");
    let o = cli("quote", b"\xff{");
    assert_eq!(code(&o), 1);
    assert_eq!(json_out(&o)["errors"][0]["code"], "invalid_json");
}

#[test]
fn check_validates_without_pricing() {
    let o = cli(
        &format!(
            "check --model {TRANSITION_55} --prompt p --image a --image-tail b --resolution 540p"
        ),
        b"",
    );
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert_eq!(
        json_out(&o),
        json!({"valid": true, "model": TRANSITION_55, "resolution": "540p", "duration": "5", "aspect_ratio": "16:9", "generate_audio": false})
    );
    let body = json!({"model": I2V_60, "args": {"prompt": "p", "image": "i", "multi_shot": true}});
    let o = run(
        &["check", "--format", "text", "--json", &body.to_string()],
        b"",
    );
    assert_eq!(code(&o), 0);
    assert_eq!(
        stdout(&o),
        format!("valid {I2V_60} resolution=720p duration=5 aspect_ratio=16:9 generate_audio=false multi_shot=true\n")
    );
    // From flags, the free-text inputs are required like in any request.
    let o = cli(
        &format!("check --model {TRANSITION_60} --resolution 540p"),
        b"",
    );
    assert_eq!(code(&o), 1);
    let errors = json_out(&o)["errors"].clone();
    let paths: Vec<&str> = errors
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            assert_eq!(e["code"], "missing_field", "{e}");
            e["path"].as_str().unwrap()
        })
        .collect();
    assert_eq!(paths, ["/prompt", "/image", "/image_tail"]);
}

// ---------------------------------------------------------------------------------------------
// Flags and models: usage errors

#[test]
fn a_flag_the_model_lacks_is_a_usage_error() {
    for (model, flag) in [
        (T2V_55, "--image"),
        (T2V_60, "--image"),
        (I2V_55, "--image-tail"),
        (I2V_60, "--image-tail"),
        (T2V_60, "--image-tail"),
        (TRANSITION_55, "--multi-shot"),
        (TRANSITION_60, "--multi-shot"),
    ] {
        for sub in ["quote", "check", "request"] {
            let message = usage_error(&[sub, "--model", model, flag, "true"]);
            let option = flag.trim_start_matches("--").replace('-', "_");
            assert!(
                message.contains(&format!(
                    "{model} has no option {option}; its options: --prompt"
                )),
                "{sub} {model} {flag}: {message}"
            );
            assert!(!message.contains(&format!("{flag},")), "{message}");
        }
    }
    // The image flags work where the model has them.
    let o = cli(
        &format!("quote --model {I2V_55} --image https://e.com/a.png"),
        b"",
    );
    assert_eq!(code(&o), 0);
    assert_eq!(json_out(&o)["amount"], "0.170");
}

#[test]
fn option_flags_without_model_are_a_usage_error() {
    for args in [
        "quote --resolution 720p",
        "check --prompt p",
        "quote --image-tail x",
        "request --prompt p",
    ] {
        let message = usage_error(&args.split(' ').collect::<Vec<_>>());
        assert!(message.contains("need --model ID"), "{args}: {message}");
        for (id, _) in MODELS {
            assert!(message.contains(id), "{args}: {message}");
        }
    }
}

#[test]
fn an_unknown_model_is_a_usage_error_listing_the_known_ones() {
    for sub in ["quote", "check", "request", "reconcile", "schema"] {
        let message = usage_error(&[sub, "--model", "pixverse/pixverse-7.0/text-to-video"]);
        assert!(message.contains("unknown model"), "{sub}: {message}");
        for (id, _) in MODELS {
            assert!(message.contains(id), "{sub}: {message}");
        }
    }
}

/// A flag's value is judged for the model `--model` names, like a JSON value: a bad one is a
/// rejected request (exit 1) that says what is allowed, not a usage error.
#[test]
fn flag_values_are_judged_for_the_model() {
    let o = cli(
        "quote --model pixverse/pixverse-5.5/text-to-video --generate-audio maybe",
        b"",
    );
    assert_eq!(code(&o), 1);
    let errors = &json_out(&o)["errors"];
    assert_eq!(errors[0]["path"], "/generate_audio");
    assert_eq!(errors[0]["code"], "wrong_type");
    let o = cli(
        "quote --model pixverse/pixverse-6.0/transition --duration 7",
        b"",
    );
    assert_eq!(code(&o), 1);
    let errors = &json_out(&o)["errors"];
    assert_eq!(errors[0]["code"], "invalid_value");
    assert!(
        errors[0]["message"]
            .as_str()
            .unwrap()
            .contains(r#""5", "8", "10""#),
        "{errors}"
    );
    let o = cli(
        "quote --model pixverse/pixverse-6.0/transition --generate-audio false --format text",
        b"",
    );
    assert_eq!(code(&o), 0);
    assert!(stdout(&o).starts_with("0.190 USD "), "{}", stdout(&o)); // 720p: 0.038 × 5
}

#[test]
fn usage_and_io_errors_exit_2() {
    for args in [
        "",
        "bogus",
        "quote --format yaml",
        "models --format yaml",
        "table --format xml",
        "table --model pixverse/pixverse-5.5/text-to-video",
        "quote --summary stderr --model pixverse/pixverse-5.5/text-to-video",
        "quote --json {} --jsonl x.jsonl",
    ] {
        usage_error(&args.split_whitespace().collect::<Vec<_>>());
    }
    assert_eq!(
        usage_error(&["quote", "--jsonl", "-", "--resolution", "540p"]),
        "error: option flags do not apply to --jsonl: each line gives its own options\n"
    );
    // A read error met while streaming (the input read ahead on its own thread) is an I/O
    // error too.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests");
    assert_eq!(
        usage_error(&["quote", "--jsonl", dir]),
        "error: cannot read the input: Is a directory (os error 21)\n"
    );
    for sub in ["quote --jsonl", "check --jsonl", "reconcile"] {
        let mut args: Vec<&str> = sub.split(' ').collect();
        args.push("/nonexistent/usage.jsonl");
        assert_eq!(
            usage_error(&args),
            "error: cannot open /nonexistent/usage.jsonl: No such file or directory (os error 2)\n"
        );
    }
}

#[test]
fn an_empty_request_is_a_usage_error_saying_what_to_give() {
    // No flags and nothing on stdin (a pipe that closes at once, as in a script or CI).
    for sub in ["quote", "check"] {
        for stdin in [&b""[..], b"\n", b" \t\r\n"] {
            let m = usage_error_on(&[sub, "--model", T2V_60], stdin);
            assert_eq!(
                m,
                "error: no request: stdin is empty; give the options as flags with --model ID \
                 (`--help` lists them), a body or bare args with --json '{…}' (--json - reads \
                 stdin), or pipe a request on stdin\n",
                "{sub} {stdin:?}"
            );
            // The same without --model, and through `--json -`.
            assert_eq!(usage_error_on(&[sub], stdin), m);
            assert_eq!(usage_error_on(&[sub, "--json", "-"], stdin), m);
        }
        // An empty --json.
        for text in ["", "  "] {
            let m = usage_error_on(&[sub, "--model", T2V_60, "--json", text], b"");
            assert!(
                m.starts_with("error: no request: --json is empty; give "),
                "{m}"
            );
        }
    }
    // Still a rejected request (exit 1), not a usage error: something that is not JSON.
    let o = cli(&format!("quote --model {T2V_60}"), b" x ");
    assert_eq!(code(&o), 1);
    assert_eq!(json_out(&o)["errors"][0]["code"], "invalid_json");
}

/// Runs the binary with a terminal (a pseudo-terminal made by Python's `pty`) on stdin, and
/// kills it after `seconds` if it is still waiting: `(exit code or None, stdout, stderr)`.
fn with_a_terminal_on_stdin(args: &[&str], seconds: u32) -> (Option<i32>, String, String) {
    let script = r#"
import json, os, pty, subprocess, sys
_, terminal = pty.openpty()
try:
    p = subprocess.run(sys.argv[2:], stdin=terminal, capture_output=True, text=True,
                       timeout=int(sys.argv[1]))
    print(json.dumps([p.returncode, p.stdout, p.stderr]))
except subprocess.TimeoutExpired as e:
    err = e.stderr or b""
    print(json.dumps([None, "", err.decode() if isinstance(err, bytes) else err]))
"#;
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(seconds.to_string())
        .arg(BIN)
        .args(args)
        .output()
        .expect("python3 runs (README: set-up)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn a_terminal_on_stdin_is_not_waited_on_silently() {
    // No flags, no --json: a usage error at once, not a wait for input nobody is typing.
    for sub in ["quote", "check"] {
        let (code, out, err) = with_a_terminal_on_stdin(&[sub, "--model", T2V_60], 20);
        assert_eq!(code, Some(2), "{sub}: {err}");
        assert_eq!(out, "");
        assert!(
            err.starts_with(
                "error: no request: no option flags, no --json, and stdin is a terminal; give \
                 the options as flags with --model ID"
            ),
            "{sub}: {err}"
        );
    }
    // Flags need no stdin at all.
    let (code, out, _) =
        with_a_terminal_on_stdin(&["quote", "--model", T2V_60, "--duration", "8"], 20);
    assert_eq!(code, Some(0));
    assert_eq!(strict_json(&out).unwrap()["amount"], "0.304"); // 720p: 0.038 × 8
                                                               // Asked for stdin explicitly, it waits, but says so (on stderr) first.
    for args in [
        &["quote", "--json", "-"][..],
        &["quote", "--jsonl"],
        &["reconcile"],
    ] {
        let (code, _, err) = with_a_terminal_on_stdin(args, 3);
        assert_eq!(code, None, "{args:?} waits for its input");
        assert!(
            err.contains("from stdin (a terminal)") && err.contains("Ctrl-D"),
            "{args:?}: {err:?}"
        );
    }
}

#[test]
fn option_flags_with_json_are_refused() {
    let message = usage_error(&[
        "quote",
        "--model",
        T2V_60,
        "--json",
        r#"{"prompt":"p"}"#,
        "--resolution",
        "1080p",
    ]);
    assert!(message.contains("--json"), "{message}");
}

// ---------------------------------------------------------------------------------------------
// quote --jsonl / check --jsonl: a log that mixes models

/// A usage log with bodies of the six PixVerse models, bare args, blank, corrupt, non-UTF-8 and CRLF
/// lines, an unknown model and refused requests; no final newline.
fn mixed_log() -> Vec<u8> {
    let lines: [&[u8]; 16] = [
        // 1: 5.5 t2v 1080p 8 s audio: 0.765
        br#"{"model":"pixverse/pixverse-5.5/text-to-video","args":{"prompt":"a","resolution":"1080p","duration":"8","generate_audio":true}}"#,
        // 2: 5.5 i2v multi-shot 720p 10 s: 0.561
        br#"{"model":"pixverse/pixverse-5.5/image-to-video","args":{"prompt":"b","image":"https://e.com/b.png","multi_shot":true,"duration":"10"}}"#,
        // 3: 5.5 transition 540p 10 s audio: 1.029
        br#"{"model":"pixverse/pixverse-5.5/transition","args":{"prompt":"c","image":"i","image_tail":"t","resolution":"540p","duration":"10","generate_audio":true}}"#,
        // 4: blank
        b"",
        // 5: 6.0 t2v 720p 8 s audio: 0.051 × 8 = 0.408
        br#"{"model":"pixverse/pixverse-6.0/text-to-video","args":{"prompt":"d","duration":"8","generate_audio":true}}"#,
        // 6: 6.0 i2v 1080p 8 s multi-shot: 0.077 × 8 = 0.616
        br#"{"model":"pixverse/pixverse-6.0/image-to-video","args":{"prompt":"e","image":"i","resolution":"1080p","duration":"8","multi_shot":true}}"#,
        // 7: 6.0 transition 540p 5 s: 0.030 × 5 = 0.150
        br#"{"model":"pixverse/pixverse-6.0/transition","args":{"prompt":"f","image":"i","image_tail":"t","resolution":"540p"}}"#,
        // 8: bare args; as 6.0 t2v, 720p 10 s audio: 0.051 × 10 = 0.510
        br#"{"prompt":"g","duration":"10","generate_audio":true}"#,
        // 9: blank (white space)
        b"   \t",
        // 10: corrupt
        br#"{"prompt": "unclosed""#,
        // 11: a model the crate does not know
        br#"{"model":"pixverse/pixverse-7.0/text-to-video","args":{"prompt":"h"}}"#,
        // 12: 1080p at 10 s
        br#"{"model":"pixverse/pixverse-6.0/text-to-video","args":{"prompt":"i","resolution":"1080p","duration":"10"}}"#,
        // 13: a transition has no multi_shot
        br#"{"model":"pixverse/pixverse-5.5/transition","args":{"prompt":"j","image":"i","image_tail":"t","multi_shot":true}}"#,
        // 14: not UTF-8
        b"\xff\xfe",
        // 15: 5.5 t2v defaults, CRLF: 0.170
        b"{\"model\":\"pixverse/pixverse-5.5/text-to-video\",\"args\":{\"prompt\":\"k\"}}\r",
        // 16: bare args, no final newline; as 6.0 t2v, 540p 5 s: 0.030 × 5 = 0.150
        br#"{"prompt":"m","resolution":"540p"}"#,
    ];
    lines.join(&b"\n"[..])
}

/// What a log line gives.
enum Want {
    /// Accepted: its model and (for `quote`) its amount.
    Priced(&'static str, &'static str),
    /// Refused: the first error's code and path.
    Refused(&'static str, &'static str),
}

/// What each non-blank line of [`mixed_log`] gives, with `--model` 6.0 text-to-video.
const MIXED_LOG_VERDICTS: [(u64, Want); 14] = [
    (1, Want::Priced(T2V_55, "0.765")),
    (2, Want::Priced(I2V_55, "0.561")),
    (3, Want::Priced(TRANSITION_55, "1.029")),
    (5, Want::Priced(T2V_60, "0.408")),
    (6, Want::Priced(I2V_60, "0.616")),
    (7, Want::Priced(TRANSITION_60, "0.150")),
    (8, Want::Priced(T2V_60, "0.510")),
    (10, Want::Refused("invalid_json", "")),
    (11, Want::Refused("unknown_model", "/model")),
    (
        12,
        Want::Refused("unsupported_combination", "/args/duration"),
    ),
    (13, Want::Refused("unknown_field", "/args/multi_shot")),
    (14, Want::Refused("invalid_json", "")),
    (15, Want::Priced(T2V_55, "0.170")),
    (16, Want::Priced(T2V_60, "0.150")),
];

/// Asserts the output lines of `quote --jsonl` (`key` "quote") or `check --jsonl` ("check")
/// against [`MIXED_LOG_VERDICTS`].
fn assert_verdicts(out: &[Value], key: &str) {
    assert_eq!(
        out.len(),
        MIXED_LOG_VERDICTS.len(),
        "a line per non-blank line"
    );
    for (got, (line, want)) in out.iter().zip(&MIXED_LOG_VERDICTS) {
        assert_eq!(got["line"], *line, "{got}");
        match want {
            Want::Priced(model, amount) => {
                assert_eq!(got[key]["model"], *model, "{got}");
                if key == "quote" {
                    assert_eq!(got[key]["amount"], *amount, "{got}");
                    assert_eq!(got[key]["currency"], "USD", "{got}");
                } else {
                    assert_eq!(got[key]["valid"], true, "{got}");
                    assert!(got[key].get("amount").is_none(), "{got}");
                }
            }
            Want::Refused(code, path) => {
                assert_eq!(got["errors"][0]["code"], *code, "{got}");
                assert_eq!(got["errors"][0]["path"], *path, "{got}");
            }
        }
    }
}

#[test]
fn quote_jsonl_mixing_models_totals_each_model_exactly() {
    let path = scratch("quote_jsonl").join("usage.jsonl");
    std::fs::write(&path, mixed_log()).unwrap();
    let o = run(
        &[
            "quote",
            "--jsonl",
            path.to_str().unwrap(),
            "--model",
            T2V_60,
        ],
        b"",
    );
    assert_eq!(code(&o), 1, "some lines are refused");
    let mut out = lines(&o);
    let summary = out.pop().unwrap();
    assert_verdicts(&out, "quote");
    // By hand: 5.5 t2v 0.765 + 0.170; 6.0 t2v 0.408 + 0.510 + 0.150; the nine together.
    assert_eq!(
        summary,
        json!({"summary": {
            "lines": 16, "accepted": 9, "rejected": 5, "blank": 2,
            "total": "4.359", "currency": "USD",
            "models": [
                {"model": I2V_55, "accepted": 1, "total": "0.561", "currency": "USD"},
                {"model": T2V_55, "accepted": 2, "total": "0.935", "currency": "USD"},
                {"model": TRANSITION_55, "accepted": 1, "total": "1.029", "currency": "USD"},
                {"model": I2V_60, "accepted": 1, "total": "0.616", "currency": "USD"},
                {"model": T2V_60, "accepted": 3, "total": "1.068", "currency": "USD"},
                {"model": TRANSITION_60, "accepted": 1, "total": "0.150", "currency": "USD"},
            ],
        }})
    );
}

#[test]
fn quote_jsonl_without_model_refuses_bare_args_lines() {
    let o = cli("quote --jsonl -", &mixed_log());
    assert_eq!(code(&o), 1);
    let out = lines(&o);
    assert_eq!(out.len(), MIXED_LOG_VERDICTS.len() + 1);
    let bare: Vec<&Value> = out
        .iter()
        .filter(|l| l["line"] == 8 || l["line"] == 16)
        .collect();
    assert_eq!(bare.len(), 2);
    for l in bare {
        assert_eq!(l["errors"][0]["code"], "unknown_model", "{l}");
        assert_eq!(l["errors"][0]["path"], "", "{l}");
        let message = l["errors"][0]["message"].as_str().unwrap();
        assert!(message.contains("--model"), "{message}");
    }
    // Lines 8 (0.510) and 16 (0.150) drop out of 6.0 t2v and of the total.
    let summary = &out.last().unwrap()["summary"];
    assert_eq!(summary["accepted"], 7);
    assert_eq!(summary["rejected"], 7);
    assert_eq!(summary["total"], "3.699");
    assert_eq!(
        summary["models"][4],
        json!({"model": T2V_60, "accepted": 1, "total": "0.408", "currency": "USD"})
    );
}

#[test]
fn quote_jsonl_from_stdin_puts_the_summary_on_stderr() {
    // `--jsonl` without a value reads stdin.
    let o = cli(
        &format!("quote --jsonl --summary stderr --model {T2V_60}"),
        &mixed_log(),
    );
    assert_eq!(code(&o), 1);
    assert_verdicts(&lines(&o), "quote");
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    let summary = strict_json(&err).unwrap();
    assert_eq!(summary["summary"]["lines"], 16);
    assert_eq!(summary["summary"]["total"], "4.359");
}

#[test]
fn check_jsonl_mixing_models_counts_each_model() {
    let o = cli(&format!("check --jsonl - --model {T2V_60}"), &mixed_log());
    assert_eq!(code(&o), 1);
    let mut out = lines(&o);
    let summary = out.pop().unwrap();
    assert_verdicts(&out, "check");
    assert_eq!(
        summary,
        json!({"summary": {
            "lines": 16, "accepted": 9, "rejected": 5, "blank": 2,
            "models": [
                {"model": I2V_55, "accepted": 1},
                {"model": T2V_55, "accepted": 2},
                {"model": TRANSITION_55, "accepted": 1},
                {"model": I2V_60, "accepted": 1},
                {"model": T2V_60, "accepted": 3},
                {"model": TRANSITION_60, "accepted": 1},
            ],
        }})
    );
}

#[test]
fn an_all_valid_mixed_log_exits_0() {
    // Lines 1, 2, 3, 5, 6 and 7 of the mixed log: a body of each model.
    let log: Vec<u8> = mixed_log()
        .split(|b| *b == b'\n')
        .enumerate()
        .filter(|(i, _)| [0, 1, 2, 4, 5, 6].contains(i))
        .flat_map(|(_, l)| l.iter().copied().chain([b'\n']))
        .collect();
    let o = cli("quote --jsonl", &log);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    let out = lines(&o);
    assert_eq!(out.len(), 7);
    let summary = &out[6]["summary"];
    // 0.765 + 0.561 + 1.029 + 0.408 + 0.616 + 0.150
    assert_eq!(summary["total"], "3.529");
    assert_eq!(summary["rejected"], 0);
    assert_eq!(summary["models"].as_array().unwrap().len(), 6);
    let o = cli("check --jsonl -", &log);
    assert_eq!(code(&o), 0);
    assert_eq!(lines(&o)[6]["summary"]["accepted"], 6);
}

// ---------------------------------------------------------------------------------------------
// models

fn model_entry<'a>(models: &'a Value, id: &str) -> &'a Value {
    models
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == id)
        .unwrap_or_else(|| panic!("models has no {id}"))
}

/// What `models` says of each option of model `id`, by name, apart from its name,
/// description and flag.
fn documented_option(id: &str, name: &str) -> Value {
    match (id, name) {
        (HAPPYHORSE, "prompt") => json!({"type": "string", "required": true}),
        (HAPPYHORSE, "resolution") => {
            json!({"type": "enum", "values": ["720P", "1080P"], "default": "1080P"})
        }
        (HAPPYHORSE, "ratio") => {
            json!({"type": "enum", "values": ["16:9", "9:16", "1:1", "4:3", "3:4"], "default": "16:9"})
        }
        (HAPPYHORSE, "duration") => {
            json!({"type": "integer", "minimum": 3, "maximum": 15, "default": 5})
        }
        (HAPPYHORSE, other) => panic!("unexpected option {other}"),
        _ => pixverse_option(name),
    }
}

fn pixverse_option(name: &str) -> Value {
    match name {
        "prompt" | "image" | "image_tail" => json!({"type": "string", "required": true}),
        "resolution" => {
            json!({"type": "enum", "values": ["540p", "720p", "1080p"], "default": "720p"})
        }
        "duration" => json!({"type": "enum", "values": ["5", "8", "10"], "default": "5"}),
        "aspect_ratio" => {
            json!({"type": "enum", "values": ["16:9", "9:16", "4:3", "3:4", "1:1"], "default": "16:9"})
        }
        "generate_audio" | "multi_shot" => json!({"type": "bool", "default": false}),
        other => panic!("unexpected option {other}"),
    }
}

#[test]
fn models_json_gives_every_model_s_options_and_rules() {
    let o = cli("models", b"");
    assert_eq!(code(&o), 0);
    let models = json_out(&o);
    let ids: Vec<&str> = models
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, MODELS.map(|(id, _)| id));
    for (id, options) in MODELS {
        let m = model_entry(&models, id);
        assert_eq!(m["currency"], "USD", "{id}");
        assert_eq!(
            m["create_endpoint"],
            "https://api.shortapi.ai/api/v1/job/create"
        );
        let listed = m["options"].as_array().unwrap();
        let names: Vec<&str> = listed.iter().map(|o| o["name"].as_str().unwrap()).collect();
        assert_eq!(names, options, "{id}: options in page order");
        for option in listed {
            let name = option["name"].as_str().unwrap();
            for (key, value) in documented_option(id, name).as_object().unwrap() {
                assert_eq!(&option[key], value, "{id} {name} {key}");
            }
        }
        let rules = if id == HAPPYHORSE {
            json!([])
        } else {
            json!([{"id": "no_1080p_at_10s", "message": "1080p is not supported for 10s videos", "when": {"resolution": "1080p", "duration": "10"}}])
        };
        assert_eq!(m["rules"], rules, "{id}");
    }
    // The transitions have image_tail and no multi_shot.
    for id in [TRANSITION_55, TRANSITION_60] {
        let names = model_entry(&models, id)["options"].to_string();
        assert!(names.contains(r#""name":"image_tail""#), "{id}");
        assert!(!names.contains("multi_shot"), "{id}");
    }
}

#[test]
fn models_json_gives_every_model_s_price_form() {
    let models = json_out(&cli("models", b""));
    // 5.5 text-to-video and image-to-video: the seed's 32 cells.
    let seed_cells: Vec<Value> = SEED_CELLS
        .iter()
        .map(|(multi_shot, audio, resolution, duration, price)| {
            json!({"multi_shot": multi_shot, "generate_audio": audio, "resolution": resolution, "duration": duration, "price": price})
        })
        .collect();
    for id in [T2V_55, I2V_55] {
        let pricing = &model_entry(&models, id)["pricing"];
        assert_eq!(pricing["form"], "cells", "{id}");
        assert_eq!(
            pricing["dimensions"],
            json!(["multi_shot", "generate_audio", "resolution", "duration"])
        );
        let cells: BTreeSet<String> = pricing["cells"]
            .as_array()
            .unwrap()
            .iter()
            .map(Value::to_string)
            .collect();
        assert_eq!(cells.len(), 32, "{id}");
        assert_eq!(
            cells,
            seed_cells.iter().map(Value::to_string).collect(),
            "{id}"
        );
    }
    // 5.5 transition: 16 cells, no multi_shot.
    let pricing = &model_entry(&models, TRANSITION_55)["pricing"];
    assert_eq!(
        pricing,
        &json!({
            "form": "cells",
            "dimensions": ["generate_audio", "resolution", "duration"],
            "cells": TRANSITION_55_TABLE
                .iter()
                .map(|(audio, resolution, duration, price)| json!({"generate_audio": audio, "resolution": resolution, "duration": duration, "price": price}))
                .collect::<Vec<_>>(),
        })
    );
    // 6.0: a rate per second of duration, by audio and resolution, for all three models.
    let rates: Vec<Value> = documented::RATES_6_0
        .iter()
        .map(|(audio, resolution, rate)| {
            json!({"generate_audio": audio, "resolution": resolution, "rate": rate})
        })
        .collect();
    for id in [T2V_60, I2V_60, TRANSITION_60] {
        assert_eq!(
            model_entry(&models, id)["pricing"],
            json!({"form": "per_unit", "dimensions": ["generate_audio", "resolution"], "per": "duration", "unit": "second", "rates": rates}),
            "{id}"
        );
    }
    // HappyHorse: a rate per second of its integer duration, by resolution.
    let rates: Vec<Value> = documented::HAPPYHORSE_RATES
        .iter()
        .map(|(resolution, rate)| json!({"resolution": resolution, "rate": rate}))
        .collect();
    assert_eq!(
        model_entry(&models, HAPPYHORSE)["pricing"],
        json!({"form": "per_unit", "dimensions": ["resolution"], "per": "duration", "unit": "second", "rates": rates})
    );
}

#[test]
fn models_text_lists_every_model_for_people() {
    let o = cli("models --format text", b"");
    assert_eq!(code(&o), 0);
    let text = stdout(&o);
    let sections: BTreeMap<&str, &str> = text
        .split("\n\n")
        .map(|s| (s.split_whitespace().next().unwrap(), s))
        .collect();
    assert_eq!(sections.len(), 7, "{text}");
    for (id, options) in MODELS {
        let section = sections
            .get(id)
            .unwrap_or_else(|| panic!("no section for {id}:\n{text}"));
        let listed: Vec<&str> = section
            .lines()
            .skip_while(|l| l.trim() != "options:")
            .skip(1)
            .take_while(|l| l.starts_with("    "))
            .map(|l| l.split_whitespace().next().unwrap())
            .collect();
        assert_eq!(listed, options, "{id}:\n{section}");
        if id == HAPPYHORSE {
            for line in [
                "    resolution  enum: 720P, 1080P (default 1080P)",
                "    duration    integer: an integer from 3 to 15 (default 5)",
                "  rules: none",
                "  price: a rate per second of duration, by resolution (2 rates)",
            ] {
                assert!(section.contains(line), "{line}:\n{section}");
            }
            continue;
        }
        assert!(section.contains("  resolution      enum: 540p, 720p, 1080p (default 720p)"));
        assert!(section.contains("  duration        enum: 5, 8, 10 (default 5)"));
        assert!(section.contains("    no_1080p_at_10s: 1080p is not supported for 10s videos"));
    }
    let transition = sections[TRANSITION_60];
    assert!(transition.contains("image_tail      string: text, required"));
    assert!(transition.contains(
        "price: a rate per second of duration, by generate_audio × resolution (6 rates)"
    ));
    assert!(sections[TRANSITION_55]
        .contains("price: a table of 16 cells by generate_audio × resolution × duration"));
    assert!(sections[T2V_55].contains(
        "price: a table of 32 cells by multi_shot × generate_audio × resolution × duration"
    ));
    assert!(sections[I2V_60].contains("multi_shot      bool: true or false (default false)"));
}

// ---------------------------------------------------------------------------------------------
// table

/// Every documented row of `table`'s CSV, by hand: `model, resolution, duration, multi_shot,
/// generate_audio, amount, amount_micros, currency` (the columns in the order the models,
/// sorted by id, first price by them); an option is empty where the price does not depend on
/// it (a transition lacks multi_shot, a 6.0 price ignores it, HappyHorse has neither switch).
fn documented_csv_rows() -> BTreeSet<String> {
    let micros = |amount: &str| (dec(amount) * Decimal::from(1_000_000)).normalize();
    let mut rows = BTreeSet::new();
    for model in [T2V_55, I2V_55] {
        for (multi_shot, audio, resolution, duration, price) in SEED_CELLS {
            rows.insert(format!(
                "{model},{resolution},{duration},{multi_shot},{audio},{price},{},USD",
                micros(price)
            ));
        }
    }
    for (audio, resolution, duration, price) in TRANSITION_55_TABLE {
        rows.insert(format!(
            "{TRANSITION_55},{resolution},{duration},,{audio},{price},{},USD",
            micros(price)
        ));
    }
    for (audio, resolution, duration, amount) in AMOUNTS_60 {
        // The hand-worked amount is the page's rate times the seconds.
        let (_, _, rate) = documented::RATES_6_0
            .iter()
            .find(|(a, r, _)| *a == audio && *r == resolution)
            .unwrap();
        assert_eq!(dec(rate) * dec(duration), dec(amount), "{amount}");
        for model in [T2V_60, I2V_60, TRANSITION_60] {
            rows.insert(format!(
                "{model},{resolution},{duration},,{audio},{amount},{},USD",
                micros(amount)
            ));
        }
    }
    for (resolution, seconds, amount) in documented::HAPPYHORSE_AMOUNTS {
        rows.insert(format!(
            "{HAPPYHORSE},{resolution},{seconds},,,{amount},{},USD",
            micros(amount)
        ));
    }
    rows
}

#[test]
fn table_csv_has_every_documented_row_of_every_model() {
    let o = cli("table", b"");
    assert_eq!(code(&o), 0);
    let text = stdout(&o);
    let mut rows = text.lines();
    assert_eq!(
        rows.next(),
        Some("model,resolution,duration,multi_shot,generate_audio,amount,amount_micros,currency")
    );
    let rows: Vec<&str> = rows.collect();
    let mut per_model: BTreeMap<&str, usize> = BTreeMap::new();
    for row in &rows {
        assert_eq!(row.split(',').count(), 8, "{row}");
        assert!(!row.contains(",1080p,10,"), "no 1080p at 10 s: {row}");
        assert!(
            !row.contains(",1080P,10,") || row.starts_with(HAPPYHORSE),
            "{row}"
        );
        *per_model.entry(row.split(',').next().unwrap()).or_default() += 1;
    }
    assert_eq!(
        per_model,
        BTreeMap::from([
            (HAPPYHORSE, 26),
            (I2V_55, 32),
            (T2V_55, 32),
            (TRANSITION_55, 16),
            (I2V_60, 16),
            (T2V_60, 16),
            (TRANSITION_60, 16),
        ])
    );
    let got: BTreeSet<String> = rows.iter().map(|r| r.to_string()).collect();
    assert_eq!(got.len(), 154, "no row twice");
    let documented = documented_csv_rows();
    let undocumented: Vec<_> = got.difference(&documented).collect();
    assert!(
        undocumented.is_empty(),
        "rows not documented: {undocumented:#?}"
    );
    let missing: Vec<_> = documented.difference(&got).collect();
    assert!(missing.is_empty(), "documented rows missing: {missing:#?}");
    // A few by eye, as the pages write them.
    for row in [
        "pixverse/pixverse-5.5/text-to-video,720p,10,true,true,0.655,655000,USD",
        "pixverse/pixverse-5.5/image-to-video,540p,5,false,false,0.128,128000,USD",
        "pixverse/pixverse-5.5/transition,720p,8,,false,1.02,1020000,USD",
        "pixverse/pixverse-5.5/transition,1080p,8,,true,2.210,2210000,USD",
        "pixverse/pixverse-6.0/text-to-video,720p,8,,true,0.408,408000,USD",
        "pixverse/pixverse-6.0/image-to-video,1080p,8,,false,0.616,616000,USD",
        "pixverse/pixverse-6.0/transition,1080p,5,,true,0.490,490000,USD",
        "pixverse/pixverse-6.0/transition,540p,10,,false,0.300,300000,USD",
        "alibaba/happyhorse-1.0/text-to-video,1080P,15,,,3.435,3435000,USD",
        "alibaba/happyhorse-1.0/text-to-video,720P,3,,,0.387,387000,USD",
    ] {
        assert!(got.contains(row), "missing {row}");
    }
}

#[test]
fn table_json_has_the_same_rows_without_unpriced_options() {
    let o = cli("table --format json", b"");
    assert_eq!(code(&o), 0);
    let rows = json_out(&o);
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 154);
    let as_csv: BTreeSet<String> = rows
        .iter()
        .map(|r| {
            let model = r["model"].as_str().unwrap();
            let by_multi_shot = model == T2V_55 || model == I2V_55;
            let by_audio = model != HAPPYHORSE;
            assert_eq!(r.get("multi_shot").is_some(), by_multi_shot, "{r}");
            assert_eq!(r.get("generate_audio").is_some(), by_audio, "{r}");
            assert_eq!(
                r.as_object().unwrap().len(),
                5 + usize::from(by_audio) + usize::from(by_multi_shot)
            );
            let amount = r["amount"].as_str().expect("amounts are strings");
            // A duration is a string for PixVerse ("8"), a number for HappyHorse (8).
            let duration = match &r["duration"] {
                Value::String(s) => s.clone(),
                Value::Number(n) if model == HAPPYHORSE => n.to_string(),
                other => panic!("{model}: duration {other}"),
            };
            let cell = |key: &str| r.get(key).map(Value::to_string).unwrap_or_default();
            format!(
                "{model},{},{duration},{},{},{amount},{},{}",
                r["resolution"].as_str().unwrap(),
                cell("multi_shot"),
                cell("generate_audio"),
                (dec(amount) * Decimal::from(1_000_000)).normalize(),
                r["currency"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(as_csv, documented_csv_rows());
    assert_eq!(
        rows[0],
        json!({"model": HAPPYHORSE, "resolution": "720P", "duration": 3, "amount": "0.387", "currency": "USD"})
    );
    assert_eq!(
        rows[26],
        json!({"model": I2V_55, "resolution": "540p", "duration": "5", "multi_shot": false, "generate_audio": false, "amount": "0.128", "currency": "USD"})
    );
}

/// A `PYTHONPATH` under which `python3 -c "import duckdb"` gives [`DUCKDB_VERSION`]: the
/// interpreter's own if it has that version, else a copy pip installs once under
/// `CARGO_TARGET_TMPDIR`.
fn python_path_with_duckdb() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("py-duckdb-{DUCKDB_VERSION}"));
    let has_it = || {
        let check =
            format!("import sys, duckdb; sys.exit(duckdb.__version__ != {DUCKDB_VERSION:?})");
        Command::new("python3")
            .env("PYTHONPATH", &dir)
            .args(["-c", &check])
            .stderr(Stdio::null())
            .status()
            .expect("python3 runs (Python 3 is needed for this test)")
            .success()
    };
    if !has_it() {
        let status = Command::new("python3")
            .args(["-m", "pip", "install", "--quiet", "--upgrade", "--target"])
            .arg(&dir)
            .arg(format!("duckdb=={DUCKDB_VERSION}"))
            .status()
            .expect("python3 -m pip runs");
        assert!(
            status.success(),
            "pip install duckdb=={DUCKDB_VERSION} failed"
        );
        assert!(has_it(), "duckdb {DUCKDB_VERSION} is still not importable");
    }
    dir
}

/// Loads both CSV files with `read_csv_auto` as they are, joins each usage row to its price
/// row (an empty option in the table matches any value; NULL-safe where the usage has none),
/// and prints JSON: row counts, how many usage rows do not join exactly one price, the sniffed
/// types, and the total from the whole-number `amount_micros`, as an integer and as a DECIMAL.
const DUCKDB_JOIN: &str = r#"
import json, sys, duckdb
table, usage = (p.replace("'", "''") for p in sys.argv[1:3])
con = duckdb.connect()
con.execute(f"CREATE TABLE prices AS SELECT * FROM read_csv_auto('{table}')")
con.execute(f"CREATE TABLE usage AS SELECT * FROM read_csv_auto('{usage}')")
options = ["resolution", "duration", "multi_shot", "generate_audio"]
on = " AND ".join(["p.model = u.model"] + [f"(p.{c} IS NULL OR p.{c} IS NOT DISTINCT FROM u.{c})" for c in options])
unmatched = con.execute(f"SELECT count(*) FROM usage u WHERE (SELECT count(*) FROM prices p WHERE {on}) <> 1").fetchone()[0]
rows, jobs, micros, total = con.execute(f"""
    SELECT count(*), sum(u.count), sum(p.amount_micros * u.count),
           CAST(CAST(sum(p.amount_micros * u.count) AS DECIMAL(18, 0)) * 0.000001 AS VARCHAR)
    FROM usage u JOIN prices p ON {on}""").fetchone()
types = dict(con.execute("SELECT column_name, column_type FROM (DESCRIBE prices)").fetchall())
price_rows = con.execute("SELECT count(*) FROM prices").fetchone()[0]
print(json.dumps({"price_rows": price_rows, "unmatched": unmatched, "rows": rows, "jobs": int(jobs),
                  "total_micros": str(micros), "total": total, "types": types}))
"#;

#[test]
fn table_csv_loads_in_duckdb_and_joins_to_a_mixed_usage_table_exactly() {
    let python_path = python_path_with_duckdb();
    let dir = scratch("duckdb");
    let table = dir.join("prices.csv");
    let o = cli("table", b"");
    assert_eq!(code(&o), 0);
    std::fs::write(&table, &o.stdout).unwrap();
    // Jobs per combination; multi_shot empty where the model has none.
    let usage = dir.join("usage.csv");
    std::fs::write(
        &usage,
        "model,multi_shot,generate_audio,resolution,duration,count\n\
         pixverse/pixverse-5.5/text-to-video,true,true,720p,10,3\n\
         pixverse/pixverse-5.5/text-to-video,false,false,540p,5,10\n\
         pixverse/pixverse-5.5/image-to-video,true,false,1080p,8,2\n\
         pixverse/pixverse-5.5/transition,,true,1080p,8,4\n\
         pixverse/pixverse-5.5/transition,,false,720p,8,1\n\
         pixverse/pixverse-6.0/text-to-video,true,true,720p,8,5\n\
         pixverse/pixverse-6.0/image-to-video,false,false,1080p,5,7\n\
         pixverse/pixverse-6.0/transition,,true,540p,10,6\n\
         alibaba/happyhorse-1.0/text-to-video,,,1080P,12,2\n\
         alibaba/happyhorse-1.0/text-to-video,,,720P,7,1\n",
    )
    .unwrap();
    let o = Command::new("python3")
        .env("PYTHONPATH", &python_path)
        .args(["-c", DUCKDB_JOIN])
        .arg(&table)
        .arg(&usage)
        .output()
        .unwrap();
    assert!(o.status.success(), "python: {}", stderr(&o));
    let result: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(result["price_rows"], 154, "{result}");
    assert_eq!(
        result["unmatched"], 0,
        "each usage row joins one price: {result}"
    );
    assert_eq!(result["rows"], 10, "{result}");
    assert_eq!(result["jobs"], 41, "{result}");
    assert_eq!(result["types"]["amount_micros"], "BIGINT", "{result}");
    // By hand: 0.655×3 + 0.128×10 + 0.850×2 + 2.210×4 + 1.02×1 + 0.408×5 + 0.385×7 + 0.380×6
    //        + 2.748×2 + 0.903×1 (HappyHorse: 0.229 × 12 s, 0.129 × 7 s)
    //        = 1.965 + 1.280 + 1.700 + 8.840 + 1.02 + 2.040 + 2.695 + 2.280 + 5.496 + 0.903
    //        = 28.219
    assert_eq!(result["total_micros"], "28219000", "{result}");
    assert_eq!(result["total"], "28.219000", "{result}");
    assert_eq!(dec(result["total"].as_str().unwrap()), dec("28.219"));
}

// ---------------------------------------------------------------------------------------------
// reconcile

/// A reconcile input touching every model: bodies and bare args (of 5.5 image-to-video),
/// matching charges (one a JSON number, some with other digits), two that differ, a blank line,
/// an error response, a refused request, a corrupt line and an unknown model.
fn reconcile_log() -> String {
    [
        // 1: 5.5 t2v 720p 8 s: 0.340, charged 0.340
        r#"{"request":{"model":"pixverse/pixverse-5.5/text-to-video","args":{"prompt":"a","duration":"8"}},"response":{"code":0,"data":{"amount":"0.340","job_id":"j1"}}}"#,
        // 2: bare args (--model 5.5 i2v), multi-shot audio 720p 5 s: 0.298, charged as a number
        r#"{"request":{"prompt":"b","image":"i","multi_shot":true,"generate_audio":true},"response":{"code":0,"data":{"amount":0.298,"job_id":"j2"}}}"#,
        // 3: 5.5 transition 720p 8 s: 1.02, charged "1.020"
        r#"{"request":{"model":"pixverse/pixverse-5.5/transition","args":{"prompt":"c","image":"i","image_tail":"t","duration":"8"}},"response":{"code":0,"data":{"amount":"1.020","job_id":"j3"}}}"#,
        // 4: 6.0 t2v 720p 8 s audio: 0.051 × 8 = 0.408, charged 0.408
        r#"{"request":{"model":"pixverse/pixverse-6.0/text-to-video","args":{"prompt":"d","duration":"8","generate_audio":true}},"response":{"code":0,"data":{"amount":"0.408","job_id":"j4"}}}"#,
        // 5: 6.0 i2v 1080p 5 s audio: 0.098 × 5 = 0.490, charged "0.49"
        r#"{"request":{"model":"pixverse/pixverse-6.0/image-to-video","args":{"prompt":"e","image":"i","resolution":"1080p","generate_audio":true}},"response":{"code":0,"data":{"amount":"0.49","job_id":"j5"}}}"#,
        // 6: 6.0 transition 540p 8 s: 0.030 × 8 = 0.240, charged 0.25
        r#"{"request":{"model":"pixverse/pixverse-6.0/transition","args":{"prompt":"f","image":"i","image_tail":"t","resolution":"540p","duration":"8"}},"response":{"code":0,"data":{"amount":"0.25","job_id":"j6"}}}"#,
        // 7: the seed page's example response: 0.02 charged for a 0.170 quote
        r#"{"request":{"model":"pixverse/pixverse-5.5/text-to-video","args":{"prompt":"g"}},"response":{"code":0,"data":{"amount":"0.02","job_id":"j7"}}}"#,
        // 8: blank
        "",
        // 9: an error response without data
        r#"{"request":{"model":"pixverse/pixverse-6.0/text-to-video","args":{"prompt":"h"}},"response":{"code":500}}"#,
        // 10: a request the API would refuse
        r#"{"request":{"model":"pixverse/pixverse-6.0/text-to-video","args":{"prompt":"k","resolution":"1080p","duration":"10"}},"response":{"code":0,"data":{"amount":"0.77","job_id":"j10"}}}"#,
        // 11: corrupt
        r#"{"request":"#,
        // 12: an unknown model
        r#"{"request":{"model":"pixverse/pixverse-7.0/text-to-video","args":{"prompt":"m"}},"response":{"code":0,"data":{"amount":"1","job_id":"j12"}}}"#,
    ]
    .join("\n")
}

/// One model's entry in the reconcile summary: `(model, matched, mismatched, quoted_total,
/// charged_total, difference)`.
fn reconciled(
    (model, matched, mismatched, quoted, charged, difference): (&str, u64, u64, &str, &str, &str),
) -> Value {
    assert_eq!(dec(charged) - dec(quoted), dec(difference), "{model}");
    json!({"model": model, "matched": matched, "mismatched": mismatched, "quoted_total": quoted, "charged_total": charged, "difference": difference, "currency": "USD"})
}

#[test]
fn reconcile_every_model_reports_the_charges_that_differ() {
    let path = scratch("reconcile").join("charges.jsonl");
    std::fs::write(&path, reconcile_log()).unwrap();
    let o = run(
        &["reconcile", "--model", I2V_55, path.to_str().unwrap()],
        b"",
    );
    assert_eq!(code(&o), 1, "charges differ");
    let out = lenient_lines(&o);
    assert_eq!(out.len(), 7, "{}", stdout(&o));
    assert_eq!(
        out[0],
        json!({"line": 6, "model": TRANSITION_60, "job_id": "j6", "quoted": "0.240", "charged": "0.25", "difference": "0.010"})
    );
    assert_eq!(
        out[1],
        json!({"line": 7, "model": T2V_55, "job_id": "j7", "quoted": "0.170", "charged": "0.02", "difference": "-0.150"})
    );
    for (l, line, code, path) in [
        (&out[2], 9, "missing_field", "/response/data"),
        (
            &out[3],
            10,
            "unsupported_combination",
            "/request/args/duration",
        ),
        (&out[4], 11, "invalid_json", ""),
        (&out[5], 12, "unknown_model", "/request/model"),
    ] {
        assert_eq!(l["line"], line, "{l}");
        assert_eq!(l["errors"][0]["code"], code, "{l}");
        assert_eq!(l["errors"][0]["path"], path, "{l}");
    }
    // By hand. Quoted: 0.340 + 0.298 + 1.02 + 0.408 + 0.490 + 0.240 + 0.170 = 2.966;
    // charged: 0.340 + 0.298 + 1.020 + 0.408 + 0.49 + 0.25 + 0.02 = 2.826.
    assert_eq!(
        out[6],
        json!({"summary": {
            "lines": 12, "matched": 5, "mismatched": 2, "rejected": 4, "blank": 1,
            "quoted_total": "2.966", "charged_total": "2.826", "difference": "-0.140",
            "currency": "USD",
            "models": [
                reconciled((I2V_55, 1, 0, "0.298", "0.298", "0.000")),
                reconciled((T2V_55, 1, 1, "0.510", "0.360", "-0.150")),
                reconciled((TRANSITION_55, 1, 0, "1.02", "1.020", "0.000")),
                reconciled((I2V_60, 1, 0, "0.490", "0.49", "0.000")),
                reconciled((T2V_60, 1, 0, "0.408", "0.408", "0.000")),
                reconciled((TRANSITION_60, 0, 1, "0.240", "0.25", "0.010")),
            ],
        }})
    );
}

#[test]
fn reconcile_without_model_refuses_bare_args() {
    let o = cli("reconcile -", reconcile_log().as_bytes());
    assert_eq!(code(&o), 1);
    let out = lenient_lines(&o);
    let line2 = out.iter().find(|l| l["line"] == 2).unwrap();
    assert_eq!(line2["errors"][0]["code"], "unknown_model");
    assert_eq!(line2["errors"][0]["path"], "/request");
    let summary = &out.last().unwrap()["summary"];
    assert_eq!(summary["rejected"], 5);
    // Line 2's 0.298 is out of both totals.
    assert_eq!(summary["quoted_total"], "2.668");
    assert_eq!(summary["charged_total"], "2.528");
}

#[test]
fn reconcile_with_every_charge_matching_exits_0() {
    // Lines 1 to 5: every charge equals its quote.
    let matching = reconcile_log()
        .lines()
        .take(5)
        .collect::<Vec<_>>()
        .join("\n");
    let o = cli(
        &format!("reconcile --model {I2V_55} --summary stderr"),
        matching.as_bytes(),
    );
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    assert_eq!(stdout(&o), "", "nothing differs, nothing to report");
    let summary: Value = serde_json::from_str(&stderr(&o)).unwrap();
    let summary = &summary["summary"];
    assert_eq!(summary["matched"], 5);
    assert_eq!(summary["mismatched"], 0);
    // 0.340 + 0.298 + 1.02 + 0.408 + 0.490
    assert_eq!(summary["quoted_total"], "2.556");
    assert_eq!(dec(summary["difference"].as_str().unwrap()), Decimal::ZERO);
}

#[test]
fn reconcile_summary_has_each_key_once() {
    let o = cli("reconcile", reconcile_log().as_bytes());
    let summary = stdout(&o).lines().last().unwrap().to_owned();
    strict_json(&summary).unwrap_or_else(|e| panic!("{e}: {summary}"));
}

// ---------------------------------------------------------------------------------------------
// request

#[test]
fn request_prints_the_create_job_body_of_a_6_0_model() {
    let o = cli(
        &format!(
            "request --model {TRANSITION_60} {} --resolution 1080p --duration 8 \
             --callback-url https://example.com/hook --minimal",
            text_flags(TRANSITION_60)
        ),
        b"",
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(
        json_out(&o),
        json!({"model": TRANSITION_60, "args": {"prompt": "p", "image": "https://e.com/a.png", "image_tail": "https://e.com/b.png", "resolution": "1080p", "duration": "8"}, "callback_url": "https://example.com/hook"})
    );
    // Without --minimal every option is written; without --callback-url there is none.
    let o = cli(&format!("request --model {T2V_60} --prompt p"), b"");
    assert_eq!(code(&o), 0);
    assert_eq!(
        json_out(&o),
        json!({"model": T2V_60, "args": {"prompt": "p", "resolution": "720p", "duration": "5", "aspect_ratio": "16:9", "generate_audio": false, "multi_shot": false}})
    );
}

#[test]
fn request_round_trips_through_quote_for_every_model() {
    // The defaults (720p, 5 s, no audio, one shot): the seed's 0.170; the transition's 0.510;
    // 0.038 × 5 = 0.190 for 6.0.
    for (model, amount) in [
        (T2V_55, "0.170"),
        (I2V_55, "0.170"),
        (TRANSITION_55, "0.510"),
        (T2V_60, "0.190"),
        (I2V_60, "0.190"),
        (TRANSITION_60, "0.190"),
    ] {
        for minimal in ["", "--minimal"] {
            let command = format!("request --model {model} {} {minimal}", text_flags(model));
            let o = cli(&command, b"");
            assert_eq!(code(&o), 0, "{command}: {}", stdout(&o));
            let q = cli("quote --json -", &o.stdout);
            assert_eq!(code(&q), 0, "{}", stdout(&q));
            assert_eq!(json_out(&q)["model"], model);
            assert_eq!(json_out(&q)["amount"], amount, "{command}");
        }
    }
    // A 6.0 body with options, piped back: 0.098 × 8.
    let o = cli(
        &format!(
            "request --model {I2V_60} {} --resolution 1080p --duration 8 --generate-audio \
             --callback-url https://example.com/hook",
            text_flags(I2V_60)
        ),
        b"",
    );
    assert_eq!(code(&o), 0);
    assert_eq!(json_out(&cli("quote", &o.stdout))["amount"], "0.784");
    assert_eq!(code(&cli("check --json -", &o.stdout)), 0);
}

#[test]
fn request_refuses_what_the_api_would() {
    let o = cli(
        &format!("request --model {T2V_60} --prompt p --callback-url CALLBACK_URL"),
        b"",
    );
    assert_eq!(code(&o), 1);
    assert_eq!(json_out(&o)["errors"][0]["path"], "/callback_url");
    // The transition needs both images.
    let o = cli(&format!("request --model {TRANSITION_55} --prompt p"), b"");
    assert_eq!(code(&o), 1);
    let e = json_out(&o);
    assert_eq!(e["errors"][0]["path"], "/image");
    assert_eq!(e["errors"][1]["path"], "/image_tail");
    let o = cli(
        &format!("request --model {I2V_60} --prompt p --image i --resolution 1080p --duration 10"),
        b"",
    );
    assert_eq!(code(&o), 1);
    assert_eq!(json_out(&o)["errors"][0]["code"], "unsupported_combination");
}

// ---------------------------------------------------------------------------------------------
// schema

/// A schema file of tests/schemas/ (kept by tests/schema.rs).
fn snapshot(file: &str) -> String {
    let path = format!("{}/tests/schemas/{file}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn schema_args_for_every_model_in_both_dialects() {
    for (id, options) in MODELS {
        // The spec file's name: the id after its vendor, `/` as `-`.
        let file_id = id.split_once('/').unwrap().1.replace('/', "-");
        for (flag, dialect) in [("", "2020-12"), ("--dialect openapi3", "openapi3")] {
            let command = format!("schema --target args --model {id} {flag}");
            let o = cli(&command, b"");
            assert_eq!(code(&o), 0, "{command}");
            assert_eq!(
                stdout(&o),
                snapshot(&format!("args.{file_id}.{dialect}.json")),
                "{command}"
            );
            let schema = json_out(&o);
            let properties: Vec<&str> = schema["properties"]
                .as_object()
                .unwrap()
                .keys()
                .map(String::as_str)
                .collect();
            let mut expected = options.to_vec();
            expected.sort_unstable();
            assert_eq!(properties, expected, "{id}");
            assert_eq!(schema["additionalProperties"], false);
            let required: Vec<&str> = options
                .iter()
                .copied()
                .filter(|o| ["prompt", "image", "image_tail"].contains(o))
                .collect();
            assert_eq!(schema["required"], json!(required), "{id}");
            let draft =
                (dialect == "2020-12").then_some("https://json-schema.org/draft/2020-12/schema");
            assert_eq!(schema.get("$schema").and_then(Value::as_str), draft);
        }
    }
}

#[test]
fn schema_request_is_one_branch_per_model() {
    let o = cli("schema", b"");
    assert_eq!(code(&o), 0);
    assert_eq!(stdout(&o), snapshot("request.2020-12.json"));
    let schema = json_out(&o);
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    let branches = schema["oneOf"].as_array().unwrap();
    assert_eq!(branches.len(), 7);
    for (id, options) in MODELS {
        let branch = branches
            .iter()
            .find(|b| b["properties"]["model"]["const"] == id)
            .unwrap_or_else(|| panic!("no branch for {id}"));
        assert_eq!(branch["required"], json!(["model", "args"]));
        let args: BTreeSet<&str> = branch["properties"]["args"]["properties"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(args, options.iter().copied().collect(), "{id}");
    }
    // OpenAPI: a discriminator on model, mapping every id to a component in the oneOf.
    let o = cli("schema --target request --dialect openapi3", b"");
    assert_eq!(code(&o), 0);
    assert_eq!(stdout(&o), snapshot("request.openapi3.json"));
    let schema = json_out(&o);
    assert_eq!(schema["discriminator"]["propertyName"], "model");
    let mapping = schema["discriminator"]["mapping"].as_object().unwrap();
    assert_eq!(mapping.len(), 7);
    let refs: Vec<&Value> = schema["oneOf"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| &b["$ref"])
        .collect();
    for (id, _) in MODELS {
        let target = &mapping[id];
        assert!(target
            .as_str()
            .unwrap()
            .starts_with("#/components/schemas/"));
        assert!(refs.contains(&target), "{id}: {target} not in oneOf");
    }
}

#[test]
fn schema_response_in_both_dialects() {
    for (command, file) in [
        ("schema --target response", "response.2020-12.json"),
        (
            "schema --target response --dialect openapi3",
            "response.openapi3.json",
        ),
    ] {
        let o = cli(command, b"");
        assert_eq!(code(&o), 0);
        assert_eq!(stdout(&o), snapshot(file), "{command}");
        let schema = json_out(&o);
        assert_eq!(schema["required"], json!(["code"]));
        assert_eq!(
            schema["properties"]["data"]["required"],
            json!(["amount", "job_id"])
        );
    }
}

#[test]
fn schema_errors_exit_2_naming_what_is_allowed() {
    let message = usage_error(&["schema", "--target", "args"]);
    assert!(message.contains("--model ID"), "{message}");
    for (id, _) in MODELS {
        assert!(message.contains(&format!("{id:?}")), "{message}");
    }
    assert_eq!(
        usage_error(&["schema", "--dialect", "x"]),
        "error: unknown schema dialect \"x\"; allowed: \"2020-12\", \"openapi3\"\n"
    );
    assert_eq!(
        usage_error(&["schema", "--target", "foo"]),
        "error: unknown schema target \"foo\"; allowed: \"args\", \"request\", \"response\"\n"
    );
}

/// HappyHorse's integer duration from a flag: a whole number however it is written, as in a
/// body; out of range or not whole, a rejected request with the range.
#[test]
fn an_integer_flag_takes_a_whole_number_however_it_is_written() {
    for (flag, amount) in [
        ("12", "2.748"),
        ("12.0", "2.748"),
        ("1.2e1", "2.748"),
        ("3", "0.687"),
    ] {
        let o = run(&["quote", "--model", HAPPYHORSE, "--duration", flag], b"");
        assert_eq!(code(&o), 0, "{flag}: {}", stderr(&o));
        let q = json_out(&o);
        assert_eq!(q["amount"], amount, "{flag}"); // 0.229 × seconds at the default 1080P
        assert!(
            q["duration"].is_i64(),
            "{flag}: written back as an integer: {q}"
        );
    }
    for (flag, code_name) in [
        ("16", "out_of_range"),
        ("2.0", "out_of_range"),
        ("7.5", "wrong_type"),
        ("seven", "wrong_type"),
    ] {
        let o = run(&["quote", "--model", HAPPYHORSE, "--duration", flag], b"");
        assert_eq!(code(&o), 1, "{flag}");
        let e = &json_out(&o)["errors"][0];
        assert_eq!(
            (e["path"].as_str(), e["code"].as_str()),
            (Some("/duration"), Some(code_name)),
            "{flag}"
        );
        assert!(
            e["message"].as_str().unwrap().contains("from 3 to 15"),
            "{e}"
        );
    }
}
