//! Judging requests one at a time or a line at a time: `quote`, `check` and `reconcile` over
//! JSONL, streaming (one line in memory at a time), with exact totals.

use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal, Read, Write};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use pixverse_pricing::{
    check, Code, CreateJobRequest, CreateJobResponse, Decimal, Options, Quote, Violation,
    Violations, CURRENCY, MODEL_ID, OPTIONS,
};
use serde::ser::SerializeMap;
use serde::Serialize;
use serde_json::value::RawValue;

use crate::{Failure, Outcome};

/// What to do with each request.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Quote,
    Check,
}

/// The verdict on one request.
pub enum Verdict {
    Quoted(Quote),
    Checked(CreateJobRequest),
    Rejected(Vec<Violation>),
}

/// Checks `bytes` and, in quote mode, prices them.
pub fn judge(bytes: &[u8], mode: Mode) -> Verdict {
    match check(bytes) {
        Ok(request) if mode == Mode::Check => Verdict::Checked(request),
        Ok(request) => match request.quote() {
            Ok(quote) => Verdict::Quoted(quote),
            // The checker applies the rules already; kept so that no path can panic.
            Err(unsupported) => Verdict::Rejected(one_error(
                Code::UnsupportedCombination,
                "",
                unsupported.to_string(),
            )),
        },
        Err(errors) => Verdict::Rejected(errors.into_iter().collect()),
    }
}

/// A single violation.
fn one_error(code: Code, path: &str, message: String) -> Vec<Violation> {
    vec![Violation {
        path: path.to_owned(),
        code,
        message,
    }]
}

/// `{"errors": [...]}`.
#[derive(Serialize)]
pub struct Errors<'a> {
    pub errors: &'a [Violation],
}

impl Verdict {
    pub fn is_ok(&self) -> bool {
        !matches!(self, Verdict::Rejected(_))
    }

    /// One JSON object: the quote, the checked options, or `{"errors": [...]}`.
    pub fn to_json(&self) -> String {
        let result = match self {
            Verdict::Quoted(q) => serde_json::to_string_pretty(q),
            Verdict::Checked(r) => serde_json::to_string_pretty(&CheckedView(r)),
            Verdict::Rejected(e) => serde_json::to_string_pretty(&Errors { errors: e }),
        };
        result.unwrap_or_default()
    }

    /// One line for people.
    pub fn to_text(&self) -> String {
        let options = |o: &Options| {
            let parts: Vec<String> = OPTIONS
                .iter()
                .filter_map(|s| {
                    o.get(s.name)
                        .map(|v| format!("{}={}", s.name, v.to_string().trim_matches('"')))
                })
                .collect();
            parts.join(" ")
        };
        match self {
            Verdict::Quoted(q) => {
                format!("{} {} {}", q.amount(), q.currency(), options(q.options()))
            }
            Verdict::Checked(r) => format!("valid {}", options(&r.args.options)),
            Verdict::Rejected(errors) => {
                let lines: Vec<String> = errors.iter().map(|v| format!("rejected: {v}")).collect();
                lines.join("\n")
            }
        }
    }
}

/// `check`'s output for a valid request: `{"valid": true, "model", …every option}`.
struct CheckedView<'a>(&'a CreateJobRequest);

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

/// `{"errors": [...]}` for one rejected request.
pub fn errors_json(errors: &Violations) -> String {
    serde_json::to_string_pretty(&Errors {
        errors: errors.as_slice(),
    })
    .unwrap_or_default()
}

/// A JSONL input: a file (with its size, for the progress bar) or stdin.
pub struct Source {
    reader: Box<dyn BufRead>,
    progress: Option<ProgressBar>,
}

impl Source {
    /// `-` is stdin; anything else a file path.
    pub fn open(path: &str) -> Result<Source, Failure> {
        if path == "-" {
            return Ok(Source {
                reader: Box::new(BufReader::new(io::stdin())),
                progress: None,
            });
        }
        let file =
            File::open(path).map_err(|e| Failure::Input(format!("cannot open {path}: {e}")))?;
        // A progress bar only where someone watches it: stderr a terminal, the input a file.
        let progress = if io::stderr().is_terminal() {
            let len = file.metadata().map(|m| m.len()).unwrap_or(0);
            let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
            if let Ok(style) =
                ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {bytes_per_sec} {eta}")
            {
                bar.set_style(style);
            }
            Some(bar)
        } else {
            None
        };
        let reader: Box<dyn Read> = match &progress {
            Some(bar) => Box::new(bar.wrap_read(file)),
            None => Box::new(file),
        };
        Ok(Source {
            reader: Box::new(BufReader::with_capacity(1 << 16, reader)),
            progress,
        })
    }

    /// Reads the next line into `buf` (without its line ending); `false` at the end.
    fn next_line(&mut self, buf: &mut Vec<u8>) -> Result<bool, Failure> {
        buf.clear();
        let n = self
            .reader
            .read_until(b'\n', buf)
            .map_err(|e| Failure::Input(format!("cannot read the input: {e}")))?;
        if buf.ends_with(b"\n") {
            buf.pop();
            if buf.ends_with(b"\r") {
                buf.pop();
            }
        }
        Ok(n > 0)
    }

    fn finish(&self) {
        if let Some(bar) = &self.progress {
            bar.finish_and_clear();
        }
    }
}

#[derive(Serialize)]
struct QuotedLine<'a> {
    line: u64,
    quote: &'a Quote,
}

#[derive(Serialize)]
struct CheckedLine<'a> {
    line: u64,
    check: CheckedView<'a>,
}

#[derive(Serialize)]
struct RejectedLine<'a> {
    line: u64,
    errors: &'a [Violation],
}

#[derive(Serialize)]
struct Summary {
    summary: Counts,
}

#[derive(Serialize)]
struct Counts {
    /// Lines read, blank ones included.
    lines: u64,
    /// Requests accepted (quoted, or valid for `check`).
    accepted: u64,
    rejected: u64,
    blank: u64,
    /// The exact sum of the accepted quotes (`quote` only).
    #[serde(skip_serializing_if = "Option::is_none", with = "optional_money")]
    total: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    currency: Option<&'static str>,
}

mod optional_money {
    use pixverse_pricing::Decimal;

    pub fn serialize<S: serde::Serializer>(
        amount: &Option<Decimal>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match amount {
            Some(a) => pixverse_pricing::money::serialize(a, s),
            None => s.serialize_none(),
        }
    }
}

/// Writes `value` as one JSON line.
fn write_line(out: &mut impl Write, value: &impl Serialize) -> Result<(), Failure> {
    serde_json::to_writer(&mut *out, value).map_err(|e| Failure::Output(e.into()))?;
    out.write_all(b"\n")?;
    Ok(())
}

/// `quote --jsonl` / `check --jsonl`: a line out per request line, then the summary.
pub fn run(
    mut source: Source,
    mode: Mode,
    out: &mut impl Write,
    summary_to_stderr: bool,
) -> Result<Outcome, Failure> {
    let mut buf = Vec::new();
    let mut counts = Counts {
        lines: 0,
        accepted: 0,
        rejected: 0,
        blank: 0,
        total: (mode == Mode::Quote).then_some(Decimal::ZERO),
        currency: (mode == Mode::Quote).then_some(CURRENCY),
    };
    while source.next_line(&mut buf)? {
        counts.lines += 1;
        let line = counts.lines;
        if buf.iter().all(u8::is_ascii_whitespace) {
            counts.blank += 1;
            continue;
        }
        match judge(&buf, mode) {
            Verdict::Quoted(quote) => {
                counts.accepted += 1;
                counts.total = counts.total.map(|t| t + quote.amount());
                write_line(
                    out,
                    &QuotedLine {
                        line,
                        quote: &quote,
                    },
                )?;
            }
            Verdict::Checked(request) => {
                counts.accepted += 1;
                write_line(
                    out,
                    &CheckedLine {
                        line,
                        check: CheckedView(&request),
                    },
                )?;
            }
            Verdict::Rejected(errors) => {
                counts.rejected += 1;
                write_line(
                    out,
                    &RejectedLine {
                        line,
                        errors: &errors,
                    },
                )?;
            }
        }
    }
    source.finish();
    let rejected = counts.rejected;
    let summary = Summary { summary: counts };
    if summary_to_stderr {
        out.flush()?;
        write_line(&mut io::stderr().lock(), &summary)?;
    } else {
        write_line(out, &summary)?;
    }
    Ok(if rejected == 0 {
        Outcome::Ok
    } else {
        Outcome::Rejected
    })
}

/// One line of a `reconcile` input.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Pair<'a> {
    #[serde(borrow)]
    request: &'a RawValue,
    #[serde(borrow)]
    response: &'a RawValue,
}

/// A charge that differs from its quote.
#[derive(Serialize)]
struct MismatchLine<'a> {
    line: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    job_id: Option<&'a str>,
    #[serde(with = "pixverse_pricing::money")]
    quoted: Decimal,
    #[serde(with = "pixverse_pricing::money")]
    charged: Decimal,
    /// charged − quoted.
    #[serde(with = "pixverse_pricing::money")]
    difference: Decimal,
}

#[derive(Serialize)]
struct ReconcileSummary {
    summary: ReconcileCounts,
}

#[derive(Serialize)]
struct ReconcileCounts {
    lines: u64,
    matched: u64,
    mismatched: u64,
    rejected: u64,
    blank: u64,
    #[serde(with = "pixverse_pricing::money")]
    quoted_total: Decimal,
    #[serde(with = "pixverse_pricing::money")]
    charged_total: Decimal,
    #[serde(with = "pixverse_pricing::money")]
    difference: Decimal,
    currency: &'static str,
}

/// The quote and the charge of one reconcile line, or why the line cannot be compared.
fn compare<'a>(line: &'a [u8]) -> Result<(Quote, Decimal, Option<String>), Vec<Violation>> {
    let pair: Pair<'a> = serde_json::from_slice(line).map_err(|e| {
        one_error(
            Code::InvalidJson,
            "",
            format!("not a {{\"request\": …, \"response\": …}} line: {e}"),
        )
    })?;
    let request = check(pair.request.get().as_bytes()).map_err(|errors| {
        errors
            .into_iter()
            .map(|v| Violation {
                path: format!("/request{}", v.path),
                ..v
            })
            .collect::<Vec<_>>()
    })?;
    let quote = request
        .quote()
        .map_err(|u| one_error(Code::UnsupportedCombination, "/request", u.to_string()))?;
    let response = CreateJobResponse::from_json(pair.response.get()).map_err(|e| {
        one_error(
            Code::WrongType,
            "/response",
            format!("not a create-job response: {e}"),
        )
    })?;
    let Some(data) = response.data else {
        let message = format!("the response has no data.amount (code {})", response.code);
        return Err(one_error(Code::MissingField, "/response/data", message));
    };
    Ok((quote, data.amount, Some(data.job_id)))
}

/// `reconcile`: a line out per request whose charge differs from its quote or that cannot be
/// compared, then the summary with exact totals.
pub fn reconcile(
    mut source: Source,
    out: &mut impl Write,
    summary_to_stderr: bool,
) -> Result<Outcome, Failure> {
    let mut buf = Vec::new();
    let mut c = ReconcileCounts {
        lines: 0,
        matched: 0,
        mismatched: 0,
        rejected: 0,
        blank: 0,
        quoted_total: Decimal::ZERO,
        charged_total: Decimal::ZERO,
        difference: Decimal::ZERO,
        currency: CURRENCY,
    };
    while source.next_line(&mut buf)? {
        c.lines += 1;
        let line = c.lines;
        if buf.iter().all(u8::is_ascii_whitespace) {
            c.blank += 1;
            continue;
        }
        match compare(&buf) {
            Ok((quote, charged, job_id)) => {
                c.quoted_total += quote.amount();
                c.charged_total += charged;
                let r = quote.reconcile(charged);
                if r.is_match() {
                    c.matched += 1;
                } else {
                    c.mismatched += 1;
                    let out_line = MismatchLine {
                        line,
                        job_id: job_id.as_deref(),
                        quoted: r.quoted,
                        charged: r.charged,
                        difference: r.difference(),
                    };
                    write_line(out, &out_line)?;
                }
            }
            Err(errors) => {
                c.rejected += 1;
                write_line(
                    out,
                    &RejectedLine {
                        line,
                        errors: &errors,
                    },
                )?;
            }
        }
    }
    source.finish();
    c.difference = c.charged_total - c.quoted_total;
    let clean = c.mismatched == 0 && c.rejected == 0;
    let summary = ReconcileSummary { summary: c };
    if summary_to_stderr {
        out.flush()?;
        write_line(&mut io::stderr().lock(), &summary)?;
    } else {
        write_line(out, &summary)?;
    }
    Ok(if clean {
        Outcome::Ok
    } else {
        Outcome::Rejected
    })
}
