//! What must hold for any input to the JSON entry points: shared by the bounded arbitrary-bytes
//! tests in `tests/hardening.rs` and the fuzz targets in `fuzz/` (which include this file).
//!
//! - nothing panics;
//! - an accepted request's quote is the documented table cell for its options;
//! - a rejected input has at least one violation, each with a code, a message and a valid JSON
//!   pointer into the input (to the value at fault, or for `missing_field` to where it belongs);
//! - serializing an accepted request and checking it again gives the same request.

use pixverse_pricing::jsonl::{Log, Mode, Verdict};
use pixverse_pricing::{
    check, check_args, check_request, quote_json, Code, CreateJobRequest, CreateJobResponse,
    Decimal, Fields, QueryJobResponse, Violation, Violations,
};
use serde_json::Value;

use super::seed::seed_price;

/// Whether `p` is an RFC 6901 JSON pointer: empty, or `/`-separated tokens in which `~` is
/// always followed by `0` or `1`.
pub fn is_json_pointer(p: &str) -> bool {
    if p.is_empty() {
        return true;
    }
    p.starts_with('/') && {
        let bytes = p.as_bytes();
        bytes
            .iter()
            .enumerate()
            .all(|(i, &b)| b != b'~' || matches!(bytes.get(i + 1), Some(b'0' | b'1')))
    }
}

/// The input as a `serde_json::Value`, to resolve pointers in; `None` when it is not JSON to
/// serde_json (the checker must then agree: the skipped parts of a request are read in full).
fn parse(input: &[u8]) -> Option<Value> {
    serde_json::from_slice(input).ok()
}

/// Asserts that every violation is well formed and points into `input`.
pub fn assert_violations_point_into(input: &[u8], violations: &Violations) {
    assert!(
        !violations.as_slice().is_empty(),
        "a rejection without a violation"
    );
    let parsed = parse(input);
    for v in violations.as_slice() {
        assert_violation_points_into(&parsed, v);
    }
}

fn assert_violation_points_into(parsed: &Option<Value>, v: &Violation) {
    assert!(!v.message.is_empty(), "{v:?} has no message");
    assert!(is_json_pointer(&v.path), "{v:?}: not a JSON pointer");
    let Some(value) = parsed else {
        // Not JSON to serde_json either: the checker must say so, at the root.
        assert_eq!((v.code, v.path.as_str()), (Code::InvalidJson, ""), "{v:?}");
        return;
    };
    let parent = &v.path[..v.path.rfind('/').unwrap_or(0)];
    let resolves = value.pointer(&v.path).is_some();
    let belongs = v.code == Code::MissingField && value.pointer(parent).is_some();
    assert!(resolves || belongs, "{v:?} does not point into {value}");
}

/// Asserts what an accepted request must satisfy.
pub fn assert_accepted(request: &CreateJobRequest) {
    let o = request.args.options;
    let documented = seed_price(
        o.multi_shot,
        o.generate_audio,
        o.resolution.as_str(),
        o.duration.as_str(),
    );
    let quote = request.quote().expect("an accepted request breaks no rule");
    assert_eq!(
        Some(quote.amount().to_string().as_str()),
        documented,
        "{o:?}"
    );
    for fields in [Fields::All, Fields::Minimal] {
        let again = check(request.to_json(fields)).expect("a serialized request checks again");
        assert_eq!(&again, request);
    }
}

/// The args entry points on `input`: `check` (either form), `quote_json`, `check_args`.
pub fn check_args_entry(input: &[u8]) {
    let auto = check(input);
    match &auto {
        Ok(request) => assert_accepted(request),
        Err(violations) => assert_violations_point_into(input, violations),
    }
    // quote_json judges like check.
    match (quote_json(input), &auto) {
        (Ok(quote), Ok(request)) => assert_eq!(Ok(quote), request.quote()),
        (Err(a), Err(b)) => assert_eq!(&a, b),
        (got, want) => panic!("quote_json {got:?} but check {want:?}"),
    }
    match check_args(input) {
        Ok(args) => assert_accepted(&CreateJobRequest::new(args)),
        Err(violations) => assert_violations_point_into(input, &violations),
    }
}

/// The create-job body entry point on `input`: `check_request`; and where `check` takes the
/// input for a body (a top-level `model`, `args` or `callback_url`), the two agree.
pub fn check_request_entry(input: &[u8]) {
    let strict = check_request(input);
    match &strict {
        Ok(request) => assert_accepted(request),
        Err(violations) => assert_violations_point_into(input, violations),
    }
    if let Some(Value::Object(top)) = parse(input) {
        if top
            .keys()
            .any(|k| ["model", "args", "callback_url"].contains(&k.as_str()))
        {
            assert_eq!(
                check(input),
                strict,
                "check and check_request disagree on a body"
            );
        }
    }
}

/// Every JSON entry point on `input`.
pub fn check_entry_points(input: &[u8]) {
    check_args_entry(input);
    check_request_entry(input);
}

/// The response parsers: no panic; what parses writes back to what parses the same, with
/// money as a decimal string that reads back exactly.
pub fn check_responses(input: &[u8]) {
    if let Ok(r) = CreateJobResponse::from_json(input) {
        let text = serde_json::to_string(&r).expect("a response serializes");
        assert_eq!(
            CreateJobResponse::from_json(&text).expect("and parses again"),
            r
        );
        if let Some(amount) = r.amount() {
            assert!(text.contains(&format!("\"amount\":\"{amount}\"")), "{text}");
            assert_eq!(Decimal::from_str_exact(&amount.to_string()), Ok(amount));
        }
    }
    if let Ok(r) = QueryJobResponse::from_json(input) {
        let text = serde_json::to_string(&r).expect("a response serializes");
        assert_eq!(
            QueryJobResponse::from_json(&text).expect("and parses again"),
            r
        );
        let _ = r.video_urls().count();
    }
}

/// The JSONL reader over `input`: every line is accounted for, every quote is a table cell,
/// every rejection points into its line, and the total is the exact sum of the quotes.
pub fn check_jsonl(input: &[u8]) {
    let mut log = Log::new(input, Mode::Quote);
    let mut total = Decimal::ZERO;
    let mut entries = 0u64;
    let lines: Vec<&[u8]> = input.split(|b| *b == b'\n').collect();
    for entry in log.by_ref() {
        let entry = entry.expect("reading from memory cannot fail");
        entries += 1;
        let raw = lines[usize::try_from(entry.line).unwrap() - 1];
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        match &entry.verdict {
            Verdict::Quoted(q) => {
                total += q.amount();
                let again = check(raw).expect("a quoted line checks alone");
                assert_eq!(again.quote().as_ref(), Ok(q));
            }
            Verdict::Rejected(errors) => {
                let parsed = parse(raw);
                assert!(!errors.is_empty());
                for v in errors {
                    assert_violation_points_into(&parsed, v);
                }
            }
            Verdict::Checked(_) => panic!("quote mode never only checks"),
        }
    }
    let s = log.summary();
    assert_eq!(s.accepted + s.rejected, entries);
    assert_eq!(s.accepted + s.rejected + s.blank, s.lines);
    assert_eq!(s.total, Some(total));
}
