//! The examples run as a user runs them: the quote example (`examples/quote.rs`: one request
//! of any model, from an argument or stdin), and the throughput benchmark's log
//! (`examples/mixed_log.rs`, which `benches/cli_throughput.sh` writes), which must keep up with
//! the specs (a model whose page asks for a list or a sum made it panic once), mix every model
//! and every price form, and be mostly requests the API accepts.

use std::collections::HashSet;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use shortapi_pricing::jsonl::{Log, Mode, Verdict};
use shortapi_pricing::{Expect, Model};

/// `target/<profile>/examples/NAME`, which `cargo test` builds before running tests.
fn example(name: &str) -> PathBuf {
    let mut dir = std::env::current_exe().unwrap();
    dir.pop();
    if dir.ends_with("deps") {
        dir.pop();
    }
    dir.join("examples")
        .join(format!("{name}{}", std::env::consts::EXE_SUFFIX))
}

fn run(args: &[&str], stdin: &str) -> (String, i32) {
    let mut cmd = Command::new(example("quote"));
    cmd.args(args).stdin(Stdio::piped()).stdout(Stdio::piped());
    let mut child = cmd
        .spawn()
        .expect("the quote example is built by cargo test");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        out.status.code().unwrap(),
    )
}

const SEED: &str = "pixverse/pixverse-5.5/text-to-video";

#[test]
fn quotes_a_body_from_stdin() {
    let (out, code) = run(
        &[],
        r#"{"model":"pixverse/pixverse-6.0/text-to-video","args":{"prompt":"a cat","resolution":"720p","duration":"8","generate_audio":true}}"#,
    );
    assert_eq!(code, 0, "{out}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["amount"], "0.408"); // 0.051 per second × 8
    assert_eq!(json["currency"], "USD");
    assert_eq!(json["model"], "pixverse/pixverse-6.0/text-to-video");
}

#[test]
fn quotes_bare_args_of_the_named_model() {
    let (out, code) = run(
        &["--model", SEED],
        r#"{"prompt":"a black lab swimming","resolution":"1080p","duration":"8"}"#,
    );
    assert_eq!(code, 0, "{out}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["amount"], "0.680");
    assert_eq!(json["model"], SEED);
}

#[test]
fn quotes_a_body_from_the_argument() {
    let body = r#"{"model":"pixverse/pixverse-5.5/text-to-video","args":{"prompt":"x","multi_shot":true,"generate_audio":true,"duration":"10","resolution":"540p"}}"#;
    let (out, code) = run(&[body], "");
    assert_eq!(code, 0);
    assert!(out.contains(r#""amount": "0.561""#), "{out}");
}

#[test]
fn rejects_with_errors_and_exit_1() {
    let (out, code) = run(
        &[
            "--model",
            SEED,
            r#"{"prompt":"x","resolution":"1080p","duration":"10"}"#,
        ],
        "",
    );
    assert_eq!(code, 1);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["errors"][0]["code"], "unsupported_combination");
    assert_eq!(json["errors"][0]["path"], "/duration");
    // Bare args with no model to read them as.
    let (out, code) = run(&[r#"{"prompt":"x"}"#], "");
    assert_eq!(code, 1);
    assert!(out.contains("unknown_model"), "{out}");
    let (out, code) = run(&[], "not json");
    assert_eq!(code, 1);
    assert!(out.contains("invalid_json"), "{out}");
}

#[test]
fn an_unknown_model_id_is_a_usage_error() {
    let (out, code) = run(&["--model", "pixverse/nope", "{}"], "");
    assert_eq!((out.as_str(), code), ("", 2));
}

#[test]
fn no_request_at_all_is_a_usage_error() {
    for stdin in ["", "\n", " \t\r\n"] {
        let (out, code) = run(&["--model", SEED], stdin);
        assert_eq!((out.as_str(), code), ("", 2), "{stdin:?}");
    }
    let (out, code) = run(&[""], "");
    assert_eq!((out.as_str(), code), ("", 2));
}

#[test]
fn the_benchmark_log_mixes_every_model_and_form_and_is_mostly_valid() {
    let out = Command::new(example("mixed_log"))
        .arg("6000")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut models = HashSet::new();
    let (mut entries, mut rejected, mut quoted, mut measured, mut estimated, mut unpriced) =
        (0, 0, 0, 0, 0, 0);
    for entry in Log::new(&out.stdout[..], Mode::Quote).expecting(Expect::Body) {
        let entry = entry.expect("reading from memory cannot fail");
        entries += 1;
        match &entry.verdict {
            Verdict::Quoted(q) => {
                models.insert(q.model());
                quoted += 1;
                measured += usize::from(!q.usage().is_empty());
            }
            Verdict::Estimated(e) => {
                models.insert(e.model());
                estimated += 1;
            }
            Verdict::Unpriced(u) => {
                models.insert(u.model());
                unpriced += 1;
            }
            Verdict::Rejected(_) => rejected += 1,
            Verdict::Checked(_) => unreachable!("a quote log"),
        }
    }
    assert_eq!(entries, 6000);
    assert_eq!(
        models.len(),
        Model::ALL.len(),
        "every model has accepted lines"
    );
    assert!(rejected < 6000 / 5, "{rejected} rejected of 6000");
    assert!(
        rejected > 6000 / 100,
        "{rejected}: the log has refused requests too"
    );
    println!(
        "{quoted} quoted ({measured} measured), {estimated} estimated, {unpriced} unpriced, {rejected} rejected"
    );
    assert!(quoted > 6000 / 2 && measured > 0 && estimated > 0 && unpriced > 0);
}
