//! The README's main command, `cargo run --example quote`, run as a user runs it.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// `target/<profile>/examples/quote`, which `cargo test` builds before running tests.
fn example() -> PathBuf {
    let mut dir = std::env::current_exe().unwrap();
    dir.pop();
    if dir.ends_with("deps") {
        dir.pop();
    }
    dir.join("examples")
        .join(format!("quote{}", std::env::consts::EXE_SUFFIX))
}

fn run(arg: Option<&str>, stdin: &str) -> (String, i32) {
    let mut cmd = Command::new(example());
    cmd.args(arg).stdin(Stdio::piped()).stdout(Stdio::piped());
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

#[test]
fn quotes_args_from_stdin() {
    let (out, code) = run(
        None,
        r#"{"prompt":"a black lab swimming","resolution":"1080p","duration":"8"}"#,
    );
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["amount"], "0.680");
    assert_eq!(json["currency"], "USD");
    assert_eq!(json["model"], "pixverse/pixverse-5.5/text-to-video");
}

#[test]
fn quotes_a_body_from_the_argument() {
    let body = r#"{"model":"pixverse/pixverse-5.5/text-to-video","args":{"prompt":"x","multi_shot":true,"generate_audio":true,"duration":"10","resolution":"540p"}}"#;
    let (out, code) = run(Some(body), "");
    assert_eq!(code, 0);
    assert!(out.contains(r#""amount": "0.561""#), "{out}");
}

#[test]
fn rejects_with_errors_and_exit_1() {
    let (out, code) = run(
        Some(r#"{"prompt":"x","resolution":"1080p","duration":"10"}"#),
        "",
    );
    assert_eq!(code, 1);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["errors"][0]["code"], "unsupported_combination");
    assert_eq!(json["errors"][0]["path"], "/duration");
    let (out, code) = run(None, "not json");
    assert_eq!(code, 1);
    assert!(out.contains("invalid_json"), "{out}");
}
