//! `quote --jsonl`, `check --jsonl` and `reconcile`: streaming over a file or stdin, with a
//! progress bar when someone watches. The per-line work is the library's
//! [`pixverse_pricing::jsonl`].

use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal, Read, Write};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use pixverse_pricing::jsonl::{is_blank, read_line, CheckedView, Entry, Log, Mode, Verdict};
use pixverse_pricing::money::{exact_add, exact_sub};
use pixverse_pricing::{
    check, Code, CreateJobResponse, Decimal, Options, Quote, Violation, Violations, CURRENCY,
    OPTIONS,
};
use serde::Serialize;
use serde_json::value::RawValue;

use crate::{Failure, Outcome};

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
struct Errors<'a> {
    errors: &'a [Violation],
}

/// `{"errors": [...]}` for one rejected request, indented: `Violations` serializes so itself.
pub fn errors_json(errors: &Violations) -> String {
    serde_json::to_string_pretty(errors).unwrap_or_default()
}

/// One request's verdict as one indented JSON object: the quote, the checked options, or the
/// errors.
pub fn verdict_json(verdict: &Verdict) -> String {
    let result = match verdict {
        Verdict::Quoted(q) => serde_json::to_string_pretty(q),
        Verdict::Checked(r) => serde_json::to_string_pretty(&CheckedView(r)),
        Verdict::Rejected(e) => serde_json::to_string_pretty(&Errors { errors: e }),
    };
    result.unwrap_or_default()
}

/// One request's verdict as lines for people.
pub fn verdict_text(verdict: &Verdict) -> String {
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
    match verdict {
        Verdict::Quoted(q) => format!("{} {} {}", q.amount(), q.currency(), options(q.options())),
        Verdict::Checked(r) => format!("valid {}", options(&r.args.options)),
        Verdict::Rejected(errors) => {
            let lines: Vec<String> = errors.iter().map(|v| format!("rejected: {v}")).collect();
            lines.join("\n")
        }
    }
}

/// A JSONL input: a file or stdin.
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
        let progress = io::stderr().is_terminal().then(|| {
            let len = file.metadata().map(|m| m.len()).unwrap_or(0);
            let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
            if let Ok(style) =
                ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {bytes_per_sec} {eta}")
            {
                bar.set_style(style);
            }
            bar
        });
        let reader: Box<dyn Read> = match &progress {
            Some(bar) => Box::new(bar.wrap_read(file)),
            None => Box::new(file),
        };
        Ok(Source {
            reader: Box::new(BufReader::with_capacity(1 << 16, reader)),
            progress,
        })
    }
}

/// Clears the progress bar, if there is one.
fn finish(progress: Option<ProgressBar>) {
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
}

fn read_error(e: io::Error) -> Failure {
    Failure::Input(format!("cannot read the input: {e}"))
}

/// Writes `value` as one JSON line.
fn write_line(out: &mut impl Write, value: &impl Serialize) -> Result<(), Failure> {
    serde_json::to_writer(&mut *out, value).map_err(|e| Failure::Output(e.into()))?;
    out.write_all(b"\n")?;
    Ok(())
}

/// Writes the summary as the last line of `out`, or on stderr.
fn write_summary(
    out: &mut impl Write,
    summary: &impl Serialize,
    to_stderr: bool,
) -> Result<(), Failure> {
    #[derive(Serialize)]
    struct Wrapped<'a, T> {
        summary: &'a T,
    }
    if to_stderr {
        out.flush()?;
        write_line(&mut io::stderr().lock(), &Wrapped { summary })
    } else {
        write_line(out, &Wrapped { summary })
    }
}

/// `quote --jsonl` / `check --jsonl`: a line out per request line, then the summary.
pub fn run(
    source: Source,
    mode: Mode,
    out: &mut impl Write,
    summary_to_stderr: bool,
) -> Result<Outcome, Failure> {
    let Source { reader, progress } = source;
    let mut log = Log::new(reader, mode);
    for entry in log.by_ref() {
        write_line(out, &entry.map_err(read_error)?)?;
    }
    finish(progress);
    let summary = log.summary();
    write_summary(out, summary, summary_to_stderr)?;
    Ok(if summary.rejected == 0 {
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
    let quote = request.quote().map_err(|u| {
        vec![Violation {
            path: "/request".to_owned(),
            ..u.into()
        }]
    })?;
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

impl ReconcileCounts {
    /// Adds a line's quote and charge to the totals, if the totals and the line's difference
    /// stay exact; a charge too large for that is reported on its line, not rounded into them.
    fn add(&mut self, quote: &Quote, charged: Decimal) -> Result<(), Vec<Violation>> {
        let quoted_total = exact_add(self.quoted_total, quote.amount());
        let charged_total = exact_add(self.charged_total, charged);
        let total_difference = charged_total
            .zip(quoted_total)
            .and_then(|(ch, q)| exact_sub(ch, q));
        match (
            quoted_total,
            charged_total,
            total_difference,
            quote.reconcile(charged).difference(),
        ) {
            (Some(q), Some(ch), Some(_), Some(_)) => {
                self.quoted_total = q;
                self.charged_total = ch;
                Ok(())
            }
            _ => Err(one_error(
                Code::InvalidValue,
                "/response/data/amount",
                format!("the charged amount {charged} is too large to total exactly"),
            )),
        }
    }
}

/// `reconcile`: a line out per request whose charge differs from its quote or that cannot be
/// compared, then the summary with exact totals.
pub fn reconcile(
    source: Source,
    out: &mut impl Write,
    summary_to_stderr: bool,
) -> Result<Outcome, Failure> {
    let Source {
        mut reader,
        progress,
    } = source;
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
    while read_line(&mut reader, &mut buf).map_err(read_error)? {
        c.lines += 1;
        let line = c.lines;
        if is_blank(&buf) {
            c.blank += 1;
            continue;
        }
        let compared = compare(&buf).and_then(|(quote, charged, job_id)| {
            c.add(&quote, charged)?;
            Ok((quote, charged, job_id))
        });
        match compared {
            Ok((quote, charged, job_id)) => {
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
                        // `add` checked that the difference is exact.
                        difference: r.difference().unwrap_or_default(),
                    };
                    write_line(out, &out_line)?;
                }
            }
            Err(errors) => {
                c.rejected += 1;
                let entry = Entry {
                    line,
                    verdict: Verdict::Rejected(errors),
                };
                write_line(out, &entry)?;
            }
        }
    }
    finish(progress);
    // Each total was extended only when it stayed exact, and so did this difference.
    c.difference = exact_sub(c.charged_total, c.quoted_total).unwrap_or_default();
    let clean = c.mismatched == 0 && c.rejected == 0;
    write_summary(out, &c, summary_to_stderr)?;
    Ok(if clean {
        Outcome::Ok
    } else {
        Outcome::Rejected
    })
}
