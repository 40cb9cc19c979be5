//! Usage logs as JSONL: one request per line (bare args or a whole create-job body), each
//! checked and, in [`Mode::Quote`], priced, with exact running totals.
//!
//! [`Log`] streams: it holds one line at a time, so memory does not grow with the log. A line
//! that is not JSON, not UTF-8 or not a valid request becomes a [`Verdict::Rejected`] entry and
//! never stops the run; blank lines are counted and skipped.
//!
//! ```
//! use pixverse_pricing::jsonl::{Log, Mode, Verdict};
//!
//! let log = "{\"prompt\":\"a\",\"duration\":\"8\"}\nnot json\n\n{\"prompt\":\"b\"}\n";
//! let mut reader = Log::new(log.as_bytes(), Mode::Quote);
//! let lines: Vec<u64> = reader.by_ref().map(|e| e.unwrap().line).collect();
//! assert_eq!(lines, [1, 2, 4]);
//! let summary = reader.summary();
//! assert_eq!((summary.accepted, summary.rejected, summary.blank), (2, 1, 1));
//! assert_eq!(summary.total.unwrap().to_string(), "0.510"); // 0.340 + 0.170, exact
//! ```

use std::io::{self, BufRead};

use rust_decimal::Decimal;
use serde::ser::SerializeMap;
use serde::Serialize;

use crate::{check, quote_json, CreateJobRequest, Quote, Violation, CURRENCY, MODEL_ID, OPTIONS};

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
    /// Valid ([`Mode::Check`]).
    Checked(CreateJobRequest),
    /// Every violation found.
    Rejected(Vec<Violation>),
}

impl Verdict {
    /// Whether the request was accepted.
    pub fn is_accepted(&self) -> bool {
        !matches!(self, Verdict::Rejected(_))
    }
}

/// Checks one request (and prices it in [`Mode::Quote`], through [`quote_json`], which does not
/// copy the prompt).
pub fn judge(bytes: &[u8], mode: Mode) -> Verdict {
    match mode {
        Mode::Quote => match quote_json(bytes) {
            Ok(quote) => Verdict::Quoted(quote),
            Err(errors) => Verdict::Rejected(errors.into_iter().collect()),
        },
        Mode::Check => match check(bytes) {
            Ok(request) => Verdict::Checked(request),
            Err(errors) => Verdict::Rejected(errors.into_iter().collect()),
        },
    }
}

/// One non-blank line of a log and its verdict.
///
/// Serializes as one JSON object: `{"line": 3, "quote": {…}}`, `{"line": 3, "check": {"valid":
/// true, …}}` or `{"line": 3, "errors": [{"path", "code", "message"}, …]}`.
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
            Verdict::Checked(request) => map.serialize_entry("check", &CheckedView(request))?,
            Verdict::Rejected(errors) => map.serialize_entry("errors", errors)?,
        }
        map.end()
    }
}

/// A valid request as `check` reports it: `{"valid": true, "model", …every option,
/// "callback_url"?}` (the prompt is left out: it can be long, and it is valid).
pub struct CheckedView<'a>(pub &'a CreateJobRequest);

impl Serialize for CheckedView<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("valid", &true)?;
        map.serialize_entry("model", MODEL_ID)?;
        for option in &OPTIONS {
            if let Some(value) = self.0.args.options.get(option.name) {
                map.serialize_entry(option.name, &value)?;
            }
        }
        if let Some(url) = &self.0.callback_url {
            map.serialize_entry("callback_url", url)?;
        }
        map.end()
    }
}

/// Counts and the exact total so far. Serializes as `{"lines", "accepted", "rejected", "blank",
/// "total", "currency"}` (`total` and `currency` in [`Mode::Quote`] only).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Lines read, blank ones included.
    pub lines: u64,
    /// Requests accepted (quoted, or valid in [`Mode::Check`]).
    pub accepted: u64,
    /// Lines rejected: invalid requests, or not JSON at all.
    pub rejected: u64,
    /// Blank lines, skipped.
    pub blank: u64,
    /// The exact sum of the quotes ([`Mode::Quote`] only).
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "optional_money"
    )]
    pub total: Option<Decimal>,
    /// The total's currency ([`Mode::Quote`] only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<&'static str>,
}

fn optional_money<S: serde::Serializer>(amount: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
    match amount {
        Some(a) => crate::money::serialize(a, s),
        None => s.serialize_none(),
    }
}

/// A streaming reader of a JSONL log: an iterator of [`Entry`]s, then a [`Summary`].
pub struct Log<R> {
    reader: R,
    mode: Mode,
    buf: Vec<u8>,
    summary: Summary,
}

impl<R: BufRead> Log<R> {
    /// A log read from `reader`.
    pub fn new(reader: R, mode: Mode) -> Self {
        Log {
            reader,
            mode,
            buf: Vec::new(),
            summary: Summary {
                lines: 0,
                accepted: 0,
                rejected: 0,
                blank: 0,
                total: (mode == Mode::Quote).then_some(Decimal::ZERO),
                currency: (mode == Mode::Quote).then_some(CURRENCY),
            },
        }
    }

    /// The counts and total of the lines read so far (all of them once the iterator ends).
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

    /// The next non-blank line's entry; an I/O error from the reader ends nothing by itself
    /// (the caller decides), and is returned as `Err`.
    fn next(&mut self) -> Option<io::Result<Entry>> {
        loop {
            match read_line(&mut self.reader, &mut self.buf) {
                Ok(false) => return None,
                Err(e) => return Some(Err(e)),
                Ok(true) => {}
            }
            self.summary.lines += 1;
            if is_blank(&self.buf) {
                self.summary.blank += 1;
                continue;
            }
            let verdict = judge(&self.buf, self.mode);
            match &verdict {
                Verdict::Quoted(q) => {
                    self.summary.accepted += 1;
                    // Exact, or no total at all: a log of quotes below a dollar would need
                    // about 10^28 lines to overflow, but a total is never rounded.
                    self.summary.total = self
                        .summary
                        .total
                        .and_then(|t| crate::money::exact_add(t, q.amount()));
                }
                Verdict::Checked(_) => self.summary.accepted += 1,
                Verdict::Rejected(_) => self.summary.rejected += 1,
            }
            return Some(Ok(Entry {
                line: self.summary.lines,
                verdict,
            }));
        }
    }
}
