//! `quote --jsonl`, `check --jsonl` and `reconcile`: streaming over a file or stdin, with a
//! progress bar when someone watches. The per-line work is the library's
//! [`shortapi_pricing::jsonl`]; what is here writes it out.

use std::collections::HashMap;
use std::fs::File;
use std::hash::{BuildHasherDefault, Hasher};
use std::io::{self, BufRead, IsTerminal, Write};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::ser::SerializeMap;
use serde::Serialize;
use serde_json::value::RawValue;
use shortapi_pricing::jsonl::{
    is_blank, judge_request, read_line, unpriced_violation, usage_values, CheckedView, Entry, Log,
    Mode, Verdict,
};
use shortapi_pricing::money::{exact_add, exact_sub};
use shortapi_pricing::{
    Code, CreateJobResponse, Decimal, Estimate, Expect, Model, Quote, Selection, Violation,
    Violations,
};

use crate::pipe::ReadAhead;
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
        Verdict::Estimated(e) => serde_json::to_string_pretty(e),
        Verdict::Unpriced(u) => serde_json::to_string_pretty(&Errors {
            errors: &[unpriced_violation(u)],
        }),
        Verdict::Checked(r) => serde_json::to_string_pretty(&CheckedView(r)),
        Verdict::Rejected(e) => serde_json::to_string_pretty(&Errors { errors: e }),
    };
    result.unwrap_or_default()
}

/// `name=value` for every option but free text, as on the wire without quotes.
fn options_text(selection: &Selection) -> String {
    let parts: Vec<String> = selection
        .values()
        .map(|(name, value)| format!("{name}={}", value.to_string().trim_matches('"')))
        .collect();
    parts.join(" ")
}

/// One request's verdict as lines for people.
pub fn verdict_text(verdict: &Verdict) -> String {
    match verdict {
        Verdict::Quoted(q) => format!(
            "{} {} {}",
            q.explain(),
            q.model(),
            options_text(q.selection())
        ),
        Verdict::Estimated(e) => format!("{e} {} {}", e.model(), options_text(e.selection())),
        Verdict::Unpriced(u) => format!("unpriced: {u}"),
        Verdict::Checked(r) => format!("valid {} {}", r.model(), options_text(r.args.selection())),
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
            if io::stdin().is_terminal() {
                // Not waited on silently: say what is being read and how to end it.
                eprintln!(
                    "reading JSONL from stdin (a terminal), one request a line: end it with Ctrl-D"
                );
            }
            return Ok(Source {
                reader: Box::new(ReadAhead::new(io::stdin())),
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
        let reader: Box<dyn BufRead> = match &progress {
            Some(bar) => Box::new(ReadAhead::new(bar.wrap_read(file))),
            None => Box::new(ReadAhead::new(file)),
        };
        Ok(Source { reader, progress })
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

/// `quote --jsonl` / `check --jsonl`: a line out per request line, then the summary. Lines of
/// bare args are read as `model`'s (refused as `unknown_model` without it).
pub fn run(
    source: Source,
    mode: Mode,
    model: Option<Model>,
    out: &mut impl Write,
    summary_to_stderr: bool,
) -> Result<Outcome, Failure> {
    let Source { reader, progress } = source;
    let mut log = Log::new(reader, mode).expecting(Expect::Either(model));
    let mut quotes = QuoteCache::default();
    for entry in log.by_ref() {
        let entry = entry.map_err(read_error)?;
        match &entry.verdict {
            // A quote's JSON is its values' alone unless it carries measured quantities.
            Verdict::Quoted(quote) if quote.usage().is_empty() => {
                quotes.write_entry(out, entry.line, quote)?
            }
            // An unpriced line's errors are its values' alone too (the reason is long).
            Verdict::Unpriced(unpriced) => quotes.write_unpriced(out, entry.line, unpriced)?,
            _ => write_line(out, &entry)?,
        }
    }
    finish(progress);
    let summary = log.summary();
    write_summary(out, summary, summary_to_stderr)?;
    Ok(if summary.rejected == 0 && summary.unpriced == 0 {
        Outcome::Ok
    } else {
        Outcome::Rejected
    })
}

/// The JSON of each quote written so far, by its option values: a quote's JSON depends on
/// nothing else (the amount is the values' price), and a log repeats a few hundred
/// combinations, so each is formatted once and then copied. Bounded: past
/// [`QuoteCache::LIMIT`] combinations (integer options can make many), the rest are formatted
/// each time.
#[derive(Default)]
struct QuoteCache {
    json: HashMap<Selection, Box<[u8]>, BuildHasherDefault<WordHasher>>,
    /// The same for the errors of requests the pages give no price for.
    unpriced: HashMap<Selection, Box<[u8]>, BuildHasherDefault<WordHasher>>,
}

/// A multiply-and-rotate hasher over whole words (as rustc's `FxHasher`): a `Selection` is a
/// model and a few small integers, and SipHash over them cost more than formatting saved. The
/// cache is bounded, so inputs chosen to collide can only slow lookups within
/// [`QuoteCache::LIMIT`] entries.
#[derive(Default)]
struct WordHasher(u64);

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(word));
        }
    }

    fn write_u64(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_i64(&mut self, word: i64) {
        self.write_u64(word as u64);
    }

    fn write_usize(&mut self, word: usize) {
        self.write_u64(word as u64);
    }

    fn write_u8(&mut self, byte: u8) {
        self.write_u64(u64::from(byte));
    }
}

impl QuoteCache {
    /// The most combinations kept (a few hundred bytes each).
    const LIMIT: usize = 4096;

    /// Writes `{"line":N,"quote":{…}}` and a newline, as `Entry` serializes it.
    fn write_entry(
        &mut self,
        out: &mut impl Write,
        line: u64,
        quote: &Quote,
    ) -> Result<(), Failure> {
        out.write_all(b"{\"line\":")?;
        write_u64(out, line)?;
        out.write_all(b",\"quote\":")?;
        let selection = quote.selection();
        if let Some(json) = self.json.get(selection) {
            out.write_all(json)?;
        } else {
            let json = serde_json::to_vec(quote).map_err(|e| Failure::Output(e.into()))?;
            out.write_all(&json)?;
            if self.json.len() < Self::LIMIT {
                self.json.insert(*selection, json.into_boxed_slice());
            }
        }
        out.write_all(b"}\n")?;
        Ok(())
    }

    /// Writes `{"line":N,"errors":[{"path":"","code":"unpriced",…}]}` and a newline, as `Entry`
    /// serializes it.
    fn write_unpriced(
        &mut self,
        out: &mut impl Write,
        line: u64,
        unpriced: &shortapi_pricing::Unpriced,
    ) -> Result<(), Failure> {
        out.write_all(b"{\"line\":")?;
        write_u64(out, line)?;
        out.write_all(b",\"errors\":")?;
        let selection = unpriced.selection();
        if let Some(json) = self.unpriced.get(selection) {
            out.write_all(json)?;
        } else {
            let json = serde_json::to_vec(&[unpriced_violation(unpriced)])
                .map_err(|e| Failure::Output(e.into()))?;
            out.write_all(&json)?;
            if self.unpriced.len() < Self::LIMIT {
                self.unpriced.insert(*selection, json.into_boxed_slice());
            }
        }
        out.write_all(b"}\n")?;
        Ok(())
    }
}

/// Writes `n` in decimal without going through `fmt`.
fn write_u64(out: &mut impl Write, mut n: u64) -> io::Result<()> {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.write_all(&digits[at..])
}

/// One line of a `reconcile` input.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Pair<'a> {
    #[serde(borrow)]
    request: &'a RawValue,
    #[serde(borrow)]
    response: &'a RawValue,
    /// The request's measured quantities, for a model priced by one.
    #[serde(borrow, default)]
    usage: Option<std::collections::BTreeMap<std::borrow::Cow<'a, str>, &'a RawValue>>,
}

/// A charge outside the bounds of a request whose measured quantity the line does not give.
#[derive(Serialize)]
struct OutOfBoundsLine<'a> {
    line: u64,
    model: Model,
    #[serde(skip_serializing_if = "Option::is_none")]
    job_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none", with = "optional_money")]
    min_amount: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none", with = "optional_money")]
    max_amount: Option<Decimal>,
    #[serde(with = "shortapi_pricing::money")]
    charged: Decimal,
}

/// An optional amount as a decimal string.
mod optional_money {
    use shortapi_pricing::Decimal;

    pub fn serialize<S: serde::Serializer>(
        amount: &Option<Decimal>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match amount {
            Some(a) => shortapi_pricing::money::serialize(a, serializer),
            None => serializer.serialize_none(),
        }
    }
}

/// What a reconcile line's request is priced at: exactly, or within bounds (its measured
/// quantity not given).
enum Priced {
    Exact(Quote),
    Bounded(Estimate),
}

/// A charge that differs from its quote.
#[derive(Serialize)]
struct MismatchLine<'a> {
    line: u64,
    model: Model,
    #[serde(skip_serializing_if = "Option::is_none")]
    job_id: Option<&'a str>,
    #[serde(with = "shortapi_pricing::money")]
    quoted: Decimal,
    #[serde(with = "shortapi_pricing::money")]
    charged: Decimal,
    /// charged − quoted.
    #[serde(with = "shortapi_pricing::money")]
    difference: Decimal,
}

/// Matched and mismatched counts and exact totals, of the whole input or of one model.
#[derive(Clone, Copy)]
struct Totals {
    matched: u64,
    mismatched: u64,
    quoted: Decimal,
    charged: Decimal,
}

impl Totals {
    const ZERO: Totals = Totals {
        matched: 0,
        mismatched: 0,
        quoted: Decimal::ZERO,
        charged: Decimal::ZERO,
    };

    /// These totals with a line added, if they and their difference stay exact.
    fn plus(&self, quoted: Decimal, charged: Decimal, matched: bool) -> Option<Totals> {
        let totals = Totals {
            matched: self.matched + u64::from(matched),
            mismatched: self.mismatched + u64::from(!matched),
            quoted: exact_add(self.quoted, quoted)?,
            charged: exact_add(self.charged, charged)?,
        };
        totals.difference().map(|_| totals)
    }

    /// charged − quoted, exact (`plus` keeps it so).
    fn difference(&self) -> Option<Decimal> {
        exact_sub(self.charged, self.quoted)
    }

    /// `"matched", "mismatched", "quoted_total", "charged_total", "difference"` into `map`.
    fn write<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        struct Money(Decimal);
        impl Serialize for Money {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                shortapi_pricing::money::serialize(&self.0, s)
            }
        }
        map.serialize_entry("matched", &self.matched)?;
        map.serialize_entry("mismatched", &self.mismatched)?;
        map.serialize_entry("quoted_total", &Money(self.quoted))?;
        map.serialize_entry("charged_total", &Money(self.charged))?;
        map.serialize_entry("difference", &Money(self.difference().unwrap_or_default()))
    }
}

/// The `reconcile` summary: `{"lines", "rejected", "blank", "matched", "mismatched",
/// "quoted_total", "charged_total", "difference", "currency"?, "models": [{"model", "matched",
/// "mismatched", "quoted_total", "charged_total", "difference", "currency"}, …]}`.
struct ReconcileCounts {
    lines: u64,
    rejected: u64,
    blank: u64,
    /// Charges of requests with no measured quantity, within / outside the bounds.
    within_bounds: u64,
    out_of_bounds: u64,
    all: Totals,
    by_model: [Totals; Model::ALL.len()],
}

impl Serialize for ReconcileCounts {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct One(Model, Totals);
        impl Serialize for One {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut map = serializer.serialize_map(None)?;
                map.serialize_entry("model", &self.0)?;
                self.1.write(&mut map)?;
                map.serialize_entry("currency", self.0.spec().currency)?;
                map.end()
            }
        }
        struct Models<'a>(&'a ReconcileCounts);
        impl Serialize for Models<'_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_seq(
                    Model::ALL
                        .iter()
                        .zip(&self.0.by_model)
                        .filter(|(_, t)| t.matched + t.mismatched > 0)
                        .map(|(m, t)| One(*m, *t)),
                )
            }
        }
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("lines", &self.lines)?;
        map.serialize_entry("rejected", &self.rejected)?;
        map.serialize_entry("blank", &self.blank)?;
        map.serialize_entry("within_bounds", &self.within_bounds)?;
        map.serialize_entry("out_of_bounds", &self.out_of_bounds)?;
        // "matched", "mismatched" and the money.
        self.all.write(&mut map)?;
        if let Some(currency) = Model::catalog_currency() {
            map.serialize_entry("currency", currency)?;
        }
        map.serialize_entry("models", &Models(self))?;
        map.end()
    }
}

/// The quote (or, without its measured quantity, the estimate) and the charge of one reconcile
/// line, or why the line cannot be compared.
fn compare(line: &[u8], model: Option<Model>) -> Result<(Priced, Decimal, String), Vec<Violation>> {
    let pair: Pair<'_> = serde_json::from_slice(line).map_err(|e| {
        one_error(
            Code::InvalidJson,
            "",
            format!("not a {{\"request\": …, \"response\": …, \"usage\"?: …}} line: {e}"),
        )
    })?;
    let (usage, errors) = match &pair.usage {
        Some(usage) => usage_values(usage),
        None => (Vec::new(), Vec::new()),
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    let verdict = judge_request(
        pair.request.get().as_bytes(),
        Mode::Quote,
        Expect::Either(model),
        &usage,
    );
    let priced = match verdict {
        Verdict::Quoted(q) => Priced::Exact(q),
        Verdict::Estimated(e) => Priced::Bounded(e),
        Verdict::Unpriced(u) => return Err(vec![unpriced_violation(&u)]),
        Verdict::Rejected(errors) => return Err(errors),
        Verdict::Checked(_) => unreachable!("judged in Mode::Quote"),
    };
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
    Ok((priced, data.amount, data.job_id))
}

/// `reconcile`: a line out per request whose charge differs from its quote or that cannot be
/// compared, then the summary with exact totals, overall and per model. Requests may be whole
/// bodies or bare args of `model`.
pub fn reconcile(
    source: Source,
    model: Option<Model>,
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
        rejected: 0,
        blank: 0,
        within_bounds: 0,
        out_of_bounds: 0,
        all: Totals::ZERO,
        by_model: [Totals::ZERO; Model::ALL.len()],
    };
    while read_line(&mut reader, &mut buf).map_err(read_error)? {
        c.lines += 1;
        let line = c.lines;
        if is_blank(&buf) {
            c.blank += 1;
            continue;
        }
        let compared = compare(&buf, model).and_then(|(priced, charged, job_id)| {
            let quote = match priced {
                Priced::Exact(quote) => quote,
                Priced::Bounded(estimate) => return Ok(Err((estimate, charged, job_id))),
            };
            let matched = quote.reconcile(charged).is_match();
            let at = quote.model() as usize;
            // Both totals extended, or neither: a charge too large to total exactly is
            // reported on its line, not rounded into them.
            match (
                c.all.plus(quote.amount(), charged, matched),
                c.by_model[at].plus(quote.amount(), charged, matched),
                quote.reconcile(charged).difference(),
            ) {
                (Some(all), Some(one), Some(_)) => {
                    c.all = all;
                    c.by_model[at] = one;
                    Ok(Ok((quote, charged, job_id)))
                }
                _ => Err(one_error(
                    Code::InvalidValue,
                    "/response/data/amount",
                    format!("the charged amount {charged} is too large to total exactly"),
                )),
            }
        });
        match compared {
            Ok(Err((estimate, charged, job_id))) => {
                let bounds = estimate.reconcile(charged);
                if bounds.is_within() {
                    c.within_bounds += 1;
                } else {
                    c.out_of_bounds += 1;
                    let out_line = OutOfBoundsLine {
                        line,
                        model: estimate.model(),
                        job_id: Some(&job_id),
                        min_amount: bounds.min,
                        max_amount: bounds.max,
                        charged,
                    };
                    write_line(out, &out_line)?;
                }
            }
            Ok(Ok((quote, charged, job_id))) => {
                let r = quote.reconcile(charged);
                if !r.is_match() {
                    let out_line = MismatchLine {
                        line,
                        model: quote.model(),
                        job_id: Some(&job_id),
                        quoted: r.quoted,
                        charged: r.charged,
                        // Checked exact above.
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
    let clean = c.all.mismatched == 0 && c.rejected == 0 && c.out_of_bounds == 0;
    write_summary(out, &c, summary_to_stderr)?;
    Ok(if clean {
        Outcome::Ok
    } else {
        Outcome::Rejected
    })
}
