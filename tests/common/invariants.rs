//! What must hold for any input to the JSON entry points, for every model: shared by the
//! property tests, the bounded arbitrary-bytes tests in `tests/hardening.rs` and the fuzz
//! targets in `fuzz/` (which include this file and `documented.rs` beside it).
//!
//! - nothing panics;
//! - an accepted request's quote is the documented price of its model and options
//!   (`documented.rs`, transcribed by hand from the pages);
//! - a rejected input has at least one violation, each with a code, a message and a valid JSON
//!   pointer into the input (to the value at fault, or for `missing_field` to where it belongs);
//! - serializing an accepted request and checking it again gives the same request;
//! - every entry point agrees with the others on the same input.

use serde_json::Value;
use shortapi_pricing::jsonl::{Log, Mode, Verdict};
use shortapi_pricing::spec::WireValue;
use shortapi_pricing::{
    check, check_args, check_as, check_selection, quote_args_json, quote_as, quote_json, Code,
    CreateJobRequest, CreateJobResponse, Decimal, Expect, Fields, Model, QueryJobResponse,
    QuoteError, Selection, Violation, Violations,
};

use super::documented::{assert_outcome, documented};

/// The documented price of `selection`, or `None` where its page says the combination is not
/// supported.
pub fn documented_price(selection: &Selection) -> Option<&'static str> {
    documented(selection.model().id()).price_of(selection)
}

/// The documented price of `selection` as an exact `Decimal`.
pub fn documented_amount(selection: &Selection) -> Option<Decimal> {
    documented_price(selection)
        .map(|p| Decimal::from_str_exact(p).expect("documented prices are decimals"))
}

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
    // A missing field (required, or required by a condition) points where it belongs.
    let missing = matches!(v.code, Code::MissingField | Code::ConditionallyRequired);
    let belongs = missing && value.pointer(parent).is_some();
    assert!(resolves || belongs, "{v:?} does not point into {value}");
}

/// Asserts what an accepted request must satisfy: what its page says of the price (an exact
/// amount, a rate with its bounds, or no price, with the reason), and the same request again
/// after serializing it.
pub fn assert_accepted(request: &CreateJobRequest) {
    let selection = request.args.selection();
    let quote = request.quote();
    if let Ok(quote) = &quote {
        assert_eq!(quote.model(), request.model());
    }
    let expected = documented(selection.model().id()).expected_of(selection, None);
    assert_outcome(expected, &quote, &format!("{selection:?}"));
    for fields in [Fields::All, Fields::Minimal] {
        let again = check(request.to_json(fields)).expect("a serialized request checks again");
        assert_eq!(&again, request);
    }
}

/// The bare-args entry points on `input`, as every model's args: [`check_args_entry_as`] for
/// each model in turn.
pub fn check_args_entry(input: &[u8]) {
    let is_body = is_body(input);
    for model in Model::ALL {
        check_bare_args(model, input, is_body);
    }
}

/// The bare-args entry points on `input`, as `model`'s args: `check_args`, `quote_args_json`
/// (which judges the same), and `check_as` with bare args of that model (which agrees unless
/// the input is a body). The fuzz target `args` picks the model from its first byte.
pub fn check_args_entry_as(model: Model, input: &[u8]) {
    check_bare_args(model, input, is_body(input));
}

fn check_bare_args(model: Model, input: &[u8], is_body: bool) {
    let strict = check_args(model, input);
    match &strict {
        Ok(args) => {
            assert_eq!(args.model(), model);
            assert_accepted(&CreateJobRequest::new(args.clone()));
        }
        Err(violations) => assert_violations_point_into(input, violations),
    }
    match (quote_args_json(model, input), &strict) {
        (Ok(quote), Ok(args)) => assert_eq!(Ok(quote), args.quote()),
        (Err(a), Err(b)) => assert_eq!(&a, b),
        // Valid, but with no exact price: the one violation says why.
        (Err(a), Ok(args)) => assert_no_price(&a, args.quote()),
        (got, want) => panic!("quote_args_json {got:?} but check_args {want:?}"),
    }
    if !is_body {
        let either = check_as(input, Expect::Either(Some(model))).map(|r| r.args);
        assert_eq!(either, strict, "check_as(Either) and check_args disagree");
    }
}

/// A quote of a valid request that has no exact price (unpriced, or needing a measured
/// quantity) is the one violation at `""` its [`QuoteError`] makes.
fn assert_no_price(violations: &Violations, quote: Result<shortapi_pricing::Quote, QuoteError>) {
    let error = quote.expect_err("a valid request quoted with an error has no exact price");
    assert!(
        matches!(error, QuoteError::Unpriced(_) | QuoteError::NeedsUsage(_)),
        "{error:?}"
    );
    assert_eq!(violations.as_slice(), [Violation::from(error)]);
}

/// Whether `input` is a JSON object with a top-level `model`, `args` or `callback_url`: how
/// [`Expect::Either`] tells a body from bare args.
fn is_body(input: &[u8]) -> bool {
    matches!(parse(input), Some(Value::Object(top))
        if top.keys().any(|k| ["model", "args", "callback_url"].contains(&k.as_str())))
}

/// The create-job body entry points on `input`: `check`, `quote_json` (which judges the same)
/// and, where the input is a body, `check_as` with either form, whatever model bare args would
/// be read as: a body's own `model` decides.
pub fn check_request_entry(input: &[u8]) {
    let strict = check(input);
    match &strict {
        Ok(request) => assert_accepted(request),
        Err(violations) => assert_violations_point_into(input, violations),
    }
    // The check that keeps only the option values gives the same verdict.
    assert_eq!(
        check_selection(input, Expect::Body),
        strict.clone().map(|request| *request.args.selection()),
        "check_selection and check disagree"
    );
    match (quote_json(input), &strict) {
        (Ok(quote), Ok(request)) => assert_eq!(Ok(quote), request.quote()),
        (Err(a), Err(b)) => assert_eq!(&a, b),
        (Err(a), Ok(request)) => assert_no_price(&a, request.quote()),
        (got, want) => panic!("quote_json {got:?} but check {want:?}"),
    }
    let either = check_as(input, Expect::Either(None));
    if is_body(input) {
        assert_eq!(
            either, strict,
            "check and check_as(Either) disagree on a body"
        );
        for model in Model::ALL {
            assert_eq!(
                check_as(input, Expect::Either(Some(model))),
                strict,
                "a body's own model decides"
            );
        }
    } else if matches!(parse(input), Some(Value::Object(_))) {
        // Bare args with no model named: one violation that says so.
        let errors = either.expect_err("bare args need a model");
        let codes: Vec<(&str, Code)> = errors
            .as_slice()
            .iter()
            .map(|v| (v.path.as_str(), v.code))
            .collect();
        assert_eq!(codes, [("", Code::UnknownModel)]);
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

/// The JSONL reader over `input` (bodies of any model, and bare args of `bare`): every line is
/// accounted for, every quote is the documented price and what `quote_as` gives for its line
/// alone, every rejection points into its line, and each model's subtotal and the grand total
/// are the exact sums of the quotes.
pub fn check_jsonl(input: &[u8], bare: Option<Model>) {
    let expect = Expect::Either(bare);
    let mut log = Log::new(input, Mode::Quote).expecting(expect);
    let mut total = Decimal::ZERO;
    let mut by_model = [Decimal::ZERO; Model::ALL.len()];
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
                by_model[q.model() as usize] += q.amount();
                if q.usage().is_empty() {
                    assert_eq!(Some(q.amount()), documented_amount(q.selection()));
                    assert_eq!(quote_as(raw, expect).as_ref(), Ok(q));
                } else {
                    // A measured quantity: the rate times the units, exactly.
                    let (rate, units) = (q.rate().unwrap(), q.units().unwrap());
                    assert_eq!(rate * units, q.amount());
                }
            }
            Verdict::Estimated(e) => {
                assert!(e.needs().next().is_some());
                if let (Some(min), Some(max)) = (e.min(), e.max()) {
                    assert!(min <= max);
                }
            }
            Verdict::Unpriced(u) => {
                let expected = documented(u.model().id()).expected_of(u.selection(), None);
                assert_outcome(expected, &Err(QuoteError::Unpriced(*u)), "a log line");
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
    for model in Model::ALL {
        assert_eq!(s.model(model).total, Some(by_model[model as usize]));
    }
}
