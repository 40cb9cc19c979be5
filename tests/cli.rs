//! The `pixverse-pricing` binary (feature `cli`), run as a process: every subcommand, its
//! output and its exit code.

#![cfg(feature = "cli")]

mod common;

use std::io::Write;
use std::process::{Command, Output, Stdio};

use common::SEED_TABLE;
use serde_json::{json, Value};

const BIN: &str = env!("CARGO_BIN_EXE_pixverse-pricing");

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
        "the binary panicked: {stderr}"
    );
    out
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn json_out(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap()
}

fn lines(o: &Output) -> Vec<Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn quote_from_flags() {
    let o = run(
        &[
            "quote",
            "--resolution",
            "1080p",
            "--duration",
            "8",
            "--generate-audio",
        ],
        b"",
    );
    assert_eq!(o.status.code(), Some(0));
    let q = json_out(&o);
    assert_eq!(q["amount"], "0.765");
    assert_eq!(q["currency"], "USD");
    assert_eq!(q["model"], "pixverse/pixverse-5.5/text-to-video");
    assert_eq!(q["aspect_ratio"], "16:9");
    assert_eq!(q["generate_audio"], true);
    assert_eq!(q["multi_shot"], false);

    let o = run(
        &[
            "quote",
            "--multi-shot",
            "--generate-audio",
            "false",
            "--format",
            "text",
        ],
        b"",
    );
    assert_eq!(stdout(&o), "0.255 USD resolution=720p duration=5 aspect_ratio=16:9 generate_audio=false multi_shot=true\n");
}

#[test]
fn quote_rejects_with_errors_and_exit_1() {
    let o = run(&["quote", "--resolution", "1080p", "--duration", "10"], b"");
    assert_eq!(o.status.code(), Some(1));
    let e = json_out(&o);
    assert_eq!(e["errors"][0]["code"], "unsupported_combination");
    assert_eq!(e["errors"][0]["path"], "/duration");
    let o = run(&["quote", "--aspect-ratio", "2:1"], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(json_out(&o)["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains(r#"allowed: "16:9", "9:16""#));
}

#[test]
fn quote_from_stdin_and_json() {
    let body = br#"{"model":"pixverse/pixverse-5.5/text-to-video","args":{"prompt":"p","resolution":"540p","duration":"10"}}"#;
    let o = run(&["quote"], body);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(json_out(&o)["amount"], "0.281");
    let o = run(
        &[
            "quote",
            "--json",
            r#"{"prompt":"p","multi_shot":true,"generate_audio":true,"resolution":"720p","duration":"10"}"#,
        ],
        b"",
    );
    assert_eq!(json_out(&o)["amount"], "0.655");
    let o = run(
        &["quote", "--json", "-"],
        br#"{"prompt":"p","duration":10}"#,
    );
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(json_out(&o)["errors"][0]["code"], "wrong_type");
    let o = run(&["quote"], b"\xff{");
    assert_eq!(json_out(&o)["errors"][0]["code"], "invalid_json");
}

#[test]
fn check_validates_without_pricing() {
    let o = run(
        &["check", "--json", r#"{"prompt":"p","resolution":"540p"}"#],
        b"",
    );
    assert_eq!(o.status.code(), Some(0));
    let v = json_out(&o);
    assert_eq!(v["valid"], true);
    assert_eq!(v["resolution"], "540p");
    assert!(v.get("amount").is_none());
    // From flags, the prompt is required like in any request.
    let o = run(&["check", "--resolution", "540p"], b"");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(json_out(&o)["errors"][0]["code"], "missing_field");
}

#[test]
fn request_prints_the_body() {
    let o = run(
        &[
            "request",
            "--prompt",
            "a cat",
            "--resolution",
            "1080p",
            "--minimal",
            "--callback-url",
            "https://example.com/hook",
        ],
        b"",
    );
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        json_out(&o),
        json!({"model": "pixverse/pixverse-5.5/text-to-video", "args": {"prompt": "a cat", "resolution": "1080p"}, "callback_url": "https://example.com/hook"})
    );
    let o = run(&["request", "--prompt", "a cat"], b"");
    assert_eq!(json_out(&o)["args"]["duration"], "5");
    let o = run(
        &[
            "request",
            "--prompt",
            "a cat",
            "--callback-url",
            "CALLBACK_URL",
        ],
        b"",
    );
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(json_out(&o)["errors"][0]["path"], "/callback_url");
}

#[test]
fn schema_prints_the_exported_schema() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/schemas");
    for (args, file) in [
        (vec!["schema"], "request.2020-12.json"),
        (
            vec!["schema", "--target", "args", "--dialect", "openapi3"],
            "args.openapi3.json",
        ),
        (
            vec!["schema", "--target", "response"],
            "response.2020-12.json",
        ),
    ] {
        let o = run(&args, b"");
        assert_eq!(o.status.code(), Some(0));
        assert_eq!(
            stdout(&o),
            std::fs::read_to_string(format!("{dir}/{file}")).unwrap(),
            "{args:?}"
        );
    }
    let o = run(&["schema", "--dialect", "draft7"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains(r#"allowed: "2020-12", "openapi3""#));
}

#[test]
fn table_csv_has_all_32_documented_cells() {
    let o = run(&["table"], b"");
    assert_eq!(o.status.code(), Some(0));
    let text = stdout(&o);
    let mut rows = text.lines();
    assert_eq!(
        rows.next(),
        Some("model,multi_shot,generate_audio,resolution,duration,amount,currency")
    );
    let rows: Vec<Vec<&str>> = rows.map(|r| r.split(',').collect()).collect();
    assert_eq!(rows.len(), 32);
    for (multi_shot, audio, resolution, duration, price) in SEED_TABLE {
        let expected = [
            "pixverse/pixverse-5.5/text-to-video",
            &multi_shot.to_string(),
            &audio.to_string(),
            resolution,
            duration,
            price,
            "USD",
        ];
        assert!(rows.iter().any(|r| r == &expected), "missing {expected:?}");
    }
    let o = run(&["table", "--format", "json"], b"");
    let rows = json_out(&o);
    assert_eq!(rows.as_array().unwrap().len(), 32);
    assert_eq!(
        rows[0],
        json!({"model": "pixverse/pixverse-5.5/text-to-video", "multi_shot": false, "generate_audio": false, "resolution": "540p", "duration": "5", "amount": "0.128", "currency": "USD"})
    );
}

/// A usage log with valid, rejected, corrupt, blank, very long, non-UTF-8 and CRLF lines.
fn usage_log() -> Vec<u8> {
    let long_prompt = "a black lab swimming ".repeat(100_000); // 2.1 MB on one line
    let mut log = Vec::new();
    log.extend_from_slice(br#"{"prompt":"a","resolution":"1080p","duration":"8"}"#); // 1: 0.680
    log.extend_from_slice(b"\n");
    log.extend_from_slice(br#"{"prompt":"b","resolution":"1080p","duration":"10"}"#); // 2: rejected
    log.extend_from_slice(b"\n{\"prompt\": \"c\", \"duration\": \"8\"\n"); // 3: corrupt (unclosed)
    log.extend_from_slice(b"\n   \n"); // 4, 5: blank
    log.extend_from_slice(format!(r#"{{"prompt":"{long_prompt}","multi_shot":true}}"#).as_bytes()); // 6: 0.255
    log.extend_from_slice(b"\n\xff\xfe\n"); // 7: not UTF-8
    log.extend_from_slice(br#"{"model":"pixverse/pixverse-5.5/text-to-video","args":{"prompt":"d","generate_audio":true}}"#); // 8: 0.213
    log.extend_from_slice(b"\r\n");
    log.extend_from_slice(br#"{"prompt":"e","resolution":"540p"}"#); // 9: 0.128, no final newline
    log
}

#[test]
fn quote_jsonl_streams_every_line_and_an_exact_total() {
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("usage.jsonl");
    std::fs::write(&path, usage_log()).unwrap();
    let o = run(&["quote", "--jsonl", path.to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(1), "some lines are rejected");
    let out = lines(&o);
    let numbers: Vec<u64> = out.iter().filter_map(|l| l["line"].as_u64()).collect();
    assert_eq!(numbers, [1, 2, 3, 6, 7, 8, 9]);
    assert_eq!(out[0]["quote"]["amount"], "0.680");
    assert_eq!(out[1]["errors"][0]["code"], "unsupported_combination");
    assert_eq!(out[2]["errors"][0]["code"], "invalid_json");
    assert_eq!(out[3]["quote"]["amount"], "0.255");
    assert_eq!(out[4]["errors"][0]["code"], "invalid_json");
    assert_eq!(out[5]["quote"]["amount"], "0.213");
    assert_eq!(out[6]["quote"]["amount"], "0.128");
    assert_eq!(
        out[7],
        json!({"summary": {"lines": 9, "accepted": 4, "rejected": 3, "blank": 2, "total": "1.276", "currency": "USD"}})
    );
    // The same from stdin, with the summary on stderr.
    let o = run(
        &["quote", "--jsonl", "-", "--summary", "stderr"],
        &usage_log(),
    );
    assert_eq!(lines(&o).len(), 7);
    let summary: Value = serde_json::from_slice(&o.stderr).unwrap();
    assert_eq!(summary["summary"]["total"], "1.276");
}

#[test]
fn an_all_valid_log_exits_0() {
    let log = b"{\"prompt\":\"a\"}\n{\"prompt\":\"b\",\"duration\":\"8\"}\n";
    let o = run(&["quote", "--jsonl"], log);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(lines(&o).last().unwrap()["summary"]["total"], "0.510");
    let o = run(&["check", "--jsonl"], log);
    assert_eq!(o.status.code(), Some(0));
    let out = lines(&o);
    assert_eq!(out[0]["check"]["valid"], true);
    assert_eq!(
        out[2],
        json!({"summary": {"lines": 2, "accepted": 2, "rejected": 0, "blank": 0}})
    );
}

#[test]
fn reconcile_reports_charges_that_differ() {
    let log = [
        // matches (a number amount, read exactly)
        r#"{"request":{"prompt":"a","duration":"8"},"response":{"code":0,"data":{"amount":0.34,"job_id":"j1"}}}"#,
        // the seed page's example response: charged 0.02 for a 0.170 quote
        r#"{"request":{"model":"pixverse/pixverse-5.5/text-to-video","args":{"prompt":"b"}},"response":{"code":0,"data":{"amount":"0.02","job_id":"j2"}}}"#,
        // a request the API would refuse
        r#"{"request":{"prompt":"c","resolution":"4k"},"response":{"code":0,"data":{"amount":"1","job_id":"j3"}}}"#,
        // an error response without data
        r#"{"request":{"prompt":"d"},"response":{"code":500}}"#,
        "not json",
    ]
    .join("\n");
    let o = run(&["reconcile"], log.as_bytes());
    assert_eq!(o.status.code(), Some(1));
    let out = lines(&o);
    assert_eq!(
        out[0],
        json!({"line": 2, "job_id": "j2", "quoted": "0.170", "charged": "0.02", "difference": "-0.150"})
    );
    assert_eq!(out[1]["errors"][0]["path"], "/request/resolution");
    assert_eq!(out[2]["errors"][0]["path"], "/response/data");
    assert_eq!(out[3]["errors"][0]["code"], "invalid_json");
    assert_eq!(
        out[4],
        json!({"summary": {"lines": 5, "matched": 1, "mismatched": 1, "rejected": 3, "blank": 0, "quoted_total": "0.510", "charged_total": "0.36", "difference": "-0.150", "currency": "USD"}})
    );
    let o = run(&["reconcile"], br#"{"request":{"prompt":"a"},"response":{"code":0,"data":{"amount":"0.170","job_id":"j"}}}"#);
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn usage_and_io_errors_exit_2_in_plain_words() {
    for args in [
        vec!["bogus"],
        vec!["quote", "--format", "yaml"],
        vec!["table", "--format", "xml"],
        vec![],
    ] {
        let o = run(&args, b"");
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(!o.stderr.is_empty());
    }
    let o = run(&["quote", "--jsonl", "/nonexistent/usage.jsonl"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        "error: cannot open /nonexistent/usage.jsonl: No such file or directory (os error 2)\n"
    );
    // The option flags' help comes from the spec.
    let o = run(&["quote", "--help"], b"");
    assert!(
        stdout(&o).contains("Output video resolution: 540p, 720p, 1080p (default 720p)"),
        "{}",
        stdout(&o)
    );
    let o = run(&["--help"], b"");
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("reconcile"));
}
