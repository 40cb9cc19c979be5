//! Usage logs as JSONL: one request per line, of any model (whole create-job bodies, whose own
//! `model` picks, and bare args of a model named once for the log), each checked and, in
//! [`Mode::Quote`], priced, with exact subtotals per model and an exact grand total.
//!
//! [`Log`] streams: it holds one line at a time and a fixed tally per model, so memory does not
//! grow with the log. A line that is not JSON, not UTF-8 or not a valid request becomes a
//! [`Verdict::Rejected`] entry and never stops the run; blank lines are counted and skipped.
//!
//! A line may also carry the measured quantities of a model priced by one (the seconds of an
//! input video): `{"request": BODY, "usage": {"input_video_seconds": 7.2}}`, a number or a
//! decimal string each, read exactly. Such a request without its quantity is
//! [`Verdict::Estimated`]: valid, with the rate and bounds but no amount; a request the page
//! gives no price for is [`Verdict::Unpriced`]. The totals count exact amounts only, and the
//! summary says how many lines were estimated or unpriced.
//!
//! ```
//! use shortapi_pricing::jsonl::{Log, Mode};
//! use shortapi_pricing::Model;
//!
//! let log = concat!(
//!     r#"{"model":"pixverse/pixverse-5.5/text-to-video","args":{"prompt":"a","duration":"8"}}"#, "\n",
//!     "not json\n",
//!     "\n",
//!     r#"{"model":"pixverse/pixverse-6.0/text-to-video","args":{"prompt":"b","duration":"8","generate_audio":true}}"#, "\n",
//!     r#"{"prompt":"c"}"#, "\n", // bare args: read as the log's model, 5.5 text-to-video
//! );
//! let mut reader = Log::new(log.as_bytes(), Mode::Quote).bare_args(Model::Pixverse55TextToVideo);
//! let lines: Vec<u64> = reader.by_ref().map(|e| e.unwrap().line).collect();
//! assert_eq!(lines, [1, 2, 4, 5]);
//! let summary = reader.summary();
//! assert_eq!((summary.accepted, summary.rejected, summary.blank), (3, 1, 1));
//! // 0.340 + 0.408 (0.051 per second × 8) + 0.170, exact
//! assert_eq!(summary.total.unwrap().to_string(), "0.918");
//! let t2v = summary.model(Model::Pixverse55TextToVideo);
//! assert_eq!((t2v.accepted, t2v.total.unwrap().to_string()), (2, "0.510".to_owned()));
//! ```

use std::io::{self, BufRead};

use rust_decimal::Decimal;
use serde::ser::SerializeMap;
use serde::Serialize;

use serde_json::value::RawValue;

use crate::check::{pointer, Code};
use crate::money::{exact_add, AsString};
use crate::{
    check_as, CreateJobRequest, Estimate, Expect, Model, Quote, QuoteError, Selection, Unpriced,
    Usage, UsageError, Violation,
};

/// What a [`Log`] does with each request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mode {
    /// Check and price.
    Quote,
    /// Check only.
    Check,
}

/// The verdict on one request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Valid, with its exact price ([`Mode::Quote`]).
    Quoted(Quote),
    /// Valid, priced by a quantity the line does not give ([`Mode::Quote`]): the rate and the
    /// bounds, no amount.
    Estimated(Estimate),
    /// Valid, but the page gives no price for it ([`Mode::Quote`]).
    Unpriced(Unpriced),
    /// Valid ([`Mode::Check`]).
    Checked(CreateJobRequest),
    /// Every violation found.
    Rejected(Vec<Violation>),
}

impl Verdict {
    /// Whether the request is valid (quoted, estimated, unpriced or checked).
    pub fn is_accepted(&self) -> bool {
        !matches!(self, Verdict::Rejected(_))
    }

    /// Whether the request is valid and has a quote or an estimate (an unpriced or invalid
    /// one has neither: `quote` exits 1 for it).
    pub fn is_priced(&self) -> bool {
        !matches!(self, Verdict::Rejected(_) | Verdict::Unpriced(_))
    }

    /// The model of an accepted request.
    pub fn model(&self) -> Option<Model> {
        match self {
            Verdict::Quoted(q) => Some(q.model()),
            Verdict::Estimated(e) => Some(e.model()),
            Verdict::Unpriced(u) => Some(u.model()),
            Verdict::Checked(r) => Some(r.model()),
            Verdict::Rejected(_) => None,
        }
    }
}

/// Checks one request of the form `expect` says (and prices it in [`Mode::Quote`] without
/// copying the free text out).
pub fn judge(bytes: &[u8], mode: Mode, expect: Expect) -> Verdict {
    judge_with(bytes, mode, expect, &[])
}

/// [`judge`] with the measured quantities of the request, by name (`--usage NAME=NUMBER`): a
/// name the model does not measure, or a value outside the page's range, is refused
/// (`invalid_usage` at `/usage/NAME`).
pub fn judge_with(bytes: &[u8], mode: Mode, expect: Expect, usage: &[(&str, Decimal)]) -> Verdict {
    judge_at(bytes, mode, expect, usage, "")
}

/// [`judge_with`] for the `request` member of a line that carries its usage beside it
/// (`{"request": …, "usage": …}`): the request's violations point under `/request`, the
/// usage's under `/usage`.
pub fn judge_request(
    bytes: &[u8],
    mode: Mode,
    expect: Expect,
    usage: &[(&str, Decimal)],
) -> Verdict {
    judge_at(bytes, mode, expect, usage, "/request")
}

/// The request's violations with their pointers under `base`.
fn under(base: &str, errors: crate::Violations) -> Verdict {
    Verdict::Rejected(
        errors
            .into_iter()
            .map(|v| Violation {
                path: format!("{base}{}", v.path),
                ..v
            })
            .collect(),
    )
}

fn judge_at(
    bytes: &[u8],
    mode: Mode,
    expect: Expect,
    usage: &[(&str, Decimal)],
    base: &str,
) -> Verdict {
    match mode {
        Mode::Quote => match crate::check::run::<Selection>(bytes, expect) {
            Ok(selection) => price(&selection, usage),
            Err(errors) => under(base, errors),
        },
        Mode::Check => match check_as(bytes, expect) {
            Ok(request) => match usage_of(request.model(), usage) {
                Ok(usage) => {
                    // A measured value outside the page's range is refused here as in a quote.
                    let errors: Vec<Violation> = usage
                        .values()
                        .filter_map(|(quantity, value)| quantity.check(value).err())
                        .map(|e| usage_violation(&e))
                        .collect();
                    if errors.is_empty() {
                        Verdict::Checked(request)
                    } else {
                        Verdict::Rejected(errors)
                    }
                }
                Err(errors) => Verdict::Rejected(errors),
            },
            Err(errors) => under(base, errors),
        },
    }
}

/// A measured quantity that cannot be used, as a violation at `/usage/NAME`.
fn usage_violation(e: &UsageError) -> Violation {
    Violation {
        path: pointer("/usage", e.name()),
        code: Code::InvalidUsage,
        message: e.to_string(),
    }
}

/// The [`Usage`] of `model` from named values, or a violation per unknown name.
fn usage_of(model: Model, usage: &[(&str, Decimal)]) -> Result<Usage, Vec<Violation>> {
    let mut out = Usage::new(model);
    let errors: Vec<Violation> = usage
        .iter()
        .filter_map(|&(name, value)| out.set(name, value).err())
        .map(|e| usage_violation(&e))
        .collect();
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// The verdict of pricing a checked request with the measured quantities `usage`.
fn price(selection: &crate::Selection, usage: &[(&str, Decimal)]) -> Verdict {
    let usage = match usage_of(selection.model(), usage) {
        Ok(usage) => usage,
        Err(errors) => return Verdict::Rejected(errors),
    };
    match selection.quote_with(&usage) {
        Ok(quote) => Verdict::Quoted(quote),
        Err(QuoteError::NeedsUsage(estimate)) => Verdict::Estimated(estimate),
        Err(QuoteError::Unpriced(unpriced)) => Verdict::Unpriced(unpriced),
        Err(QuoteError::Usage(e)) => Verdict::Rejected(vec![usage_violation(&e)]),
        // The checker applies every rule, so this cannot happen; if it did, it is reported.
        Err(e) => Verdict::Rejected(vec![e.into()]),
    }
}

/// A log line's top-level members, to tell `{"request": …, "usage": …}` from a request.
type Members<'a> = std::collections::BTreeMap<std::borrow::Cow<'a, str>, &'a RawValue>;

/// Judges one log line: a request, or `{"request": …, "usage": {…}}`. Only a line whose first
/// key is `"request"` or `"usage"` is tried as the second form, so a plain body costs nothing
/// more.
pub fn judge_line(bytes: &[u8], mode: Mode, expect: Expect) -> Verdict {
    if !first_key_is_request_or_usage(bytes) {
        return judge(bytes, mode, expect);
    }
    // The wrapped form is an object with a top-level `request` (no request has one: a body's
    // fields are `model`, `args` and `callback_url`, and no model has an option so named).
    let members = serde_json::from_slice::<Members<'_>>(bytes).ok();
    let Some((request, members)) = members.and_then(|m| Some((*m.get("request")?, m))) else {
        // Not the wrapped form (a prompt may say "request"): a request as it stands.
        return judge(bytes, mode, expect);
    };
    let mut errors: Vec<Violation> = members
        .keys()
        .filter(|k| *k != "request" && *k != "usage")
        .map(|k| Violation {
            path: pointer("", k),
            code: Code::UnknownField,
            message: format!(
                "unknown field {:?} in a usage line; it has \"request\" and \"usage\" only",
                crate::check::short(k)
            ),
        })
        .collect();
    let usage = match members.get("usage") {
        Some(raw) => match serde_json::from_str::<Members<'_>>(raw.get()) {
            Ok(usage) => Some(usage),
            Err(_) => {
                errors.push(Violation {
                    path: "/usage".to_owned(),
                    code: Code::InvalidUsage,
                    message: "usage must be an object of measured quantities, {\"NAME\": NUMBER}"
                        .to_owned(),
                });
                None
            }
        },
        None => None,
    };
    let (values, usage_errors) = match &usage {
        Some(usage) => usage_values(usage),
        None => (Vec::new(), Vec::new()),
    };
    errors.extend(usage_errors);
    match judge_request(request.get().as_bytes(), mode, expect, &values) {
        Verdict::Rejected(mut found) => {
            found.extend(errors);
            Verdict::Rejected(found)
        }
        other if errors.is_empty() => other,
        _ => Verdict::Rejected(errors),
    }
}

/// The measured quantities of a `"usage"` object, each a JSON number or a decimal string read
/// exactly, and a violation (`invalid_usage` at `/usage/NAME`) for each value that is not.
pub fn usage_values<'a, K: AsRef<str>>(
    usage: &'a std::collections::BTreeMap<K, &RawValue>,
) -> (Vec<(&'a str, Decimal)>, Vec<Violation>) {
    let mut values = Vec::new();
    let mut errors = Vec::new();
    for (name, raw) in usage {
        let name = name.as_ref();
        match crate::money::parse_json(raw.get()) {
            Ok(v) => values.push((name, v)),
            Err(_) => errors.push(Violation {
                path: pointer("/usage", name),
                code: Code::InvalidUsage,
                message: format!(
                    "{name} must be a number or a decimal string such as \"7.2\", read exactly; got {}",
                    crate::check::short(raw.get())
                ),
            }),
        }
    }
    (values, errors)
}

/// Parses a `"usage"` object's JSON text (`{"input_video_seconds": 7.2}`) into its values, or
/// every violation.
pub fn parse_usage(json: &str) -> Result<Vec<(String, Decimal)>, Vec<Violation>> {
    let map: std::collections::BTreeMap<std::borrow::Cow<'_, str>, &RawValue> =
        serde_json::from_str(json).map_err(|e| {
            vec![Violation {
                path: "/usage".to_owned(),
                code: Code::InvalidUsage,
                message: format!(
                    "usage must be an object of measured quantities, {{\"NAME\": NUMBER}}: {e}"
                ),
            }]
        })?;
    let (values, errors) = usage_values(&map);
    if errors.is_empty() {
        Ok(values.into_iter().map(|(n, v)| (n.to_owned(), v)).collect())
    } else {
        Err(errors)
    }
}

/// Whether the line is an object whose first key is `"request"` or `"usage"` (JSON white space
/// allowed before it): the wrapped form's keys. No request has either as a field.
fn first_key_is_request_or_usage(line: &[u8]) -> bool {
    let white = |b: &u8| matches!(b, b' ' | b'\t' | b'\r' | b'\n');
    let skip = |s: &[u8]| s.iter().position(|b| !white(b)).unwrap_or(s.len());
    let line = &line[skip(line)..];
    let Some(rest) = line.strip_prefix(b"{") else {
        return false;
    };
    let rest = &rest[skip(rest)..];
    rest.starts_with(b"\"request\"") || rest.starts_with(b"\"usage\"")
}

/// One non-blank line of a log and its verdict.
///
/// Serializes as one JSON object: `{"line": 3, "quote": {…}}`, `{"line": 3, "check": {"valid":
/// true, "model", …}}` or `{"line": 3, "errors": [{"path", "code", "message"}, …]}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The 1-based line number.
    pub line: u64,
    /// What the line held.
    pub verdict: Verdict,
}

impl Serialize for Entry {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("line", &self.line)?;
        match &self.verdict {
            Verdict::Quoted(quote) => map.serialize_entry("quote", quote)?,
            Verdict::Estimated(estimate) => map.serialize_entry("estimate", estimate)?,
            Verdict::Unpriced(unpriced) => {
                map.serialize_entry("errors", &[unpriced_violation(unpriced)])?
            }
            Verdict::Checked(request) => map.serialize_entry("check", &CheckedView(request))?,
            Verdict::Rejected(errors) => map.serialize_entry("errors", errors)?,
        }
        map.end()
    }
}

/// An unpriced request as the one violation a quote reports (`unpriced` at `""`).
pub fn unpriced_violation(unpriced: &Unpriced) -> Violation {
    QuoteError::Unpriced(*unpriced).into()
}

/// A valid request as `check` reports it: `{"valid": true, "model", …every option but free
/// text, "callback_url"?}` (free text is left out: it can be long, and it is valid).
pub struct CheckedView<'a>(pub &'a CreateJobRequest);

impl Serialize for CheckedView<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("valid", &true)?;
        map.serialize_entry("model", self.0.model().id())?;
        for (name, value) in self.0.args.selection().values() {
            map.serialize_entry(name, &value)?;
        }
        if let Some(url) = &self.0.callback_url {
            map.serialize_entry("callback_url", url)?;
        }
        map.end()
    }
}

/// One model's share of a log: the requests of that model accepted, and in [`Mode::Quote`]
/// their exact subtotal. Serializes as `{"model", "accepted", "total"?, "currency"?}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ModelTally {
    /// The model.
    pub model: Model,
    /// Its requests accepted (valid).
    pub accepted: u64,
    /// Of those, the ones priced by a quantity the line did not give ([`Mode::Quote`]).
    pub estimated: u64,
    /// Of those, the ones the page gives no price for ([`Mode::Quote`]).
    pub unpriced: u64,
    /// The exact sum of its quotes ([`Mode::Quote`] only; `None` also if the sum no longer
    /// fits a `Decimal` exactly, which would take some 10^25 lines).
    pub total: Option<Decimal>,
}

impl Serialize for ModelTally {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("model", self.model.id())?;
        map.serialize_entry("accepted", &self.accepted)?;
        if self.estimated > 0 {
            map.serialize_entry("estimated", &self.estimated)?;
        }
        if self.unpriced > 0 {
            map.serialize_entry("unpriced", &self.unpriced)?;
        }
        if let Some(total) = self.total {
            map.serialize_entry("total", &AsString(total))?;
            map.serialize_entry("currency", self.model.spec().currency)?;
        }
        map.end()
    }
}

/// Counts and exact totals so far: the whole log's, and each model's.
///
/// Serializes as `{"lines", "accepted", "rejected", "blank", "estimated", "unpriced", "total"?,
/// "currency"?, "models": [{"model", "accepted", "estimated"?, "unpriced"?, "total"?,
/// "currency"?}, …]}`: `total` and `currency` in [`Mode::Quote`] only, `models` lists the
/// models with an accepted request, in [`Model::ALL`] order. The totals are the exact sums of
/// the exact amounts: an estimated or unpriced line adds nothing to them, and is counted
/// instead. A rejected line is not counted against a model: the model it names may be the
/// thing that is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    /// Lines read, blank ones included.
    pub lines: u64,
    /// Requests accepted (valid: quoted, estimated, unpriced, or checked in [`Mode::Check`]).
    pub accepted: u64,
    /// Accepted requests priced by a quantity the line did not give: counted, not totalled.
    pub estimated: u64,
    /// Accepted requests the page gives no price for: counted, not totalled.
    pub unpriced: u64,
    /// Lines rejected: invalid requests, or not JSON at all.
    pub rejected: u64,
    /// Blank lines, skipped.
    pub blank: u64,
    /// The exact sum of every quote ([`Mode::Quote`] only; `None` also if the models of the
    /// crate do not share one currency, or the sum no longer fits a `Decimal` exactly).
    pub total: Option<Decimal>,
    /// The grand total's currency ([`Mode::Quote`] only, when every model shares it).
    pub currency: Option<&'static str>,
    /// One tally per model, in [`Model::ALL`] order.
    by_model: [ModelTally; Model::ALL.len()],
}

impl Summary {
    /// Nothing read yet.
    pub fn new(mode: Mode) -> Self {
        let quoting = mode == Mode::Quote;
        let currency = Model::catalog_currency().filter(|_| quoting);
        Summary {
            lines: 0,
            accepted: 0,
            rejected: 0,
            blank: 0,
            estimated: 0,
            unpriced: 0,
            total: currency.map(|_| Decimal::ZERO),
            currency,
            by_model: Model::ALL.map(|model| ModelTally {
                model,
                accepted: 0,
                estimated: 0,
                unpriced: 0,
                total: quoting.then_some(Decimal::ZERO),
            }),
        }
    }

    /// The tally of `model` (zero if the log has none of its requests).
    pub fn model(&self, model: Model) -> &ModelTally {
        &self.by_model[model as usize]
    }

    /// The tallies of the models with at least one accepted request, in [`Model::ALL`] order.
    pub fn models(&self) -> impl Iterator<Item = &ModelTally> + '_ {
        self.by_model.iter().filter(|t| t.accepted > 0)
    }

    /// Counts a non-blank line's verdict.
    pub fn add(&mut self, verdict: &Verdict) {
        let Some(model) = verdict.model() else {
            self.rejected += 1;
            return;
        };
        self.accepted += 1;
        let tally = &mut self.by_model[model as usize];
        tally.accepted += 1;
        match verdict {
            Verdict::Quoted(q) => {
                // Exact, or no total at all: never rounded.
                tally.total = tally.total.and_then(|t| exact_add(t, q.amount()));
                self.total = self.total.and_then(|t| exact_add(t, q.amount()));
            }
            Verdict::Estimated(_) => {
                tally.estimated += 1;
                self.estimated += 1;
            }
            Verdict::Unpriced(_) => {
                tally.unpriced += 1;
                self.unpriced += 1;
            }
            Verdict::Checked(_) | Verdict::Rejected(_) => {}
        }
    }
}

impl Serialize for Summary {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct Models<'a>(&'a Summary);
        impl Serialize for Models<'_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_seq(self.0.models())
            }
        }
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("lines", &self.lines)?;
        map.serialize_entry("accepted", &self.accepted)?;
        map.serialize_entry("rejected", &self.rejected)?;
        map.serialize_entry("blank", &self.blank)?;
        map.serialize_entry("estimated", &self.estimated)?;
        map.serialize_entry("unpriced", &self.unpriced)?;
        if let Some(total) = self.total {
            map.serialize_entry("total", &AsString(total))?;
        }
        if let Some(currency) = self.currency {
            map.serialize_entry("currency", currency)?;
        }
        map.serialize_entry("models", &Models(self))?;
        map.end()
    }
}

/// A streaming reader of a JSONL log: an iterator of [`Entry`]s, then a [`Summary`].
pub struct Log<R> {
    reader: R,
    mode: Mode,
    expect: Expect,
    buf: Vec<u8>,
    summary: Summary,
}

impl<R: BufRead> Log<R> {
    /// A log of whole create-job bodies read from `reader`; a line of bare args is rejected
    /// (`unknown_model`) unless [`bare_args`](Self::bare_args) names their model.
    pub fn new(reader: R, mode: Mode) -> Self {
        Log {
            reader,
            mode,
            expect: Expect::Either(None),
            buf: Vec::new(),
            summary: Summary::new(mode),
        }
    }

    /// Reads lines of bare args as `model`'s; a body's own `model` still decides for its line.
    #[must_use]
    pub fn bare_args(mut self, model: Model) -> Self {
        self.expect = Expect::Either(Some(model));
        self
    }

    /// Reads every line as `expect` says (e.g. [`Expect::Body`] to refuse bare args).
    #[must_use]
    pub fn expecting(mut self, expect: Expect) -> Self {
        self.expect = expect;
        self
    }

    /// The counts and totals of the lines read so far (all of them once the iterator ends).
    pub fn summary(&self) -> &Summary {
        &self.summary
    }
}

/// Whether a line is blank: nothing but JSON white space (space, tab, carriage return; a form
/// feed is not JSON white space, so a line holding one is not blank but not JSON either).
pub fn is_blank(line: &[u8]) -> bool {
    line.iter()
        .all(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
}

/// Reads the next line of `reader` into `buf` (cleared first), without its `\n` or `\r\n`;
/// `false` at the end of the input. Bytes are kept as they are: invalid UTF-8 is the checker's
/// to report.
pub fn read_line<R: BufRead>(reader: &mut R, buf: &mut Vec<u8>) -> io::Result<bool> {
    buf.clear();
    if reader.read_until(b'\n', buf)? == 0 {
        return Ok(false);
    }
    if buf.ends_with(b"\n") {
        buf.pop();
        if buf.ends_with(b"\r") {
            buf.pop();
        }
    }
    Ok(true)
}

impl<R: BufRead> Iterator for Log<R> {
    type Item = io::Result<Entry>;

    /// The next non-blank line's entry; an I/O error from the reader is returned as `Err`
    /// (the caller decides whether to go on). A line wholly in the reader's buffer is judged
    /// where it lies; one that runs past the buffer is gathered first.
    fn next(&mut self) -> Option<io::Result<Entry>> {
        loop {
            let available = match self.reader.fill_buf() {
                Ok(available) => available,
                Err(e) => return Some(Err(e)),
            };
            if available.is_empty() {
                return None;
            }
            let (verdict, used) = match memchr::memchr(b'\n', available) {
                Some(end) => {
                    let line = &available[..end];
                    let line = line.strip_suffix(b"\r").unwrap_or(line);
                    self.summary.lines += 1;
                    let verdict =
                        (!is_blank(line)).then(|| judge_line(line, self.mode, self.expect));
                    (verdict, end + 1)
                }
                None => {
                    match read_line(&mut self.reader, &mut self.buf) {
                        Ok(_) => {}
                        Err(e) => return Some(Err(e)),
                    }
                    self.summary.lines += 1;
                    let verdict = (!is_blank(&self.buf))
                        .then(|| judge_line(&self.buf, self.mode, self.expect));
                    (verdict, 0)
                }
            };
            self.reader.consume(used);
            let Some(verdict) = verdict else {
                self.summary.blank += 1;
                continue;
            };
            self.summary.add(&verdict);
            return Some(Ok(Entry {
                line: self.summary.lines,
                verdict,
            }));
        }
    }
}
