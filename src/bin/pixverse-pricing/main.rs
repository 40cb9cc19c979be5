//! `pixverse-pricing`: pre-flight quotes and checks, JSONL usage logs with exact totals, the
//! create-job body, the JSON Schema and the price table, from the command line.
//!
//! Exit codes: 0 everything valid, 1 some input rejected (or, for `reconcile`, some charge
//! differs from its quote), 2 a usage or I/O error.

#![forbid(unsafe_code)]

mod input;
mod jsonl;
mod table;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::{Args as ClapArgs, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use pixverse_pricing::jsonl::Mode;
use pixverse_pricing::schema::{schema_pretty, Dialect, Target};
use pixverse_pricing::{CreateJobRequest, Fields};

/// Prices and checks PixVerse 5.5 text-to-video requests exactly, from spec/model.toml.
#[derive(Parser)]
#[command(name = "pixverse-pricing", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Quote one request (from flags, --json or stdin), or every line of a JSONL usage log.
    Quote(QuoteArgs),
    /// Check one request or a JSONL log like `quote`, without pricing.
    Check(QuoteArgs),
    /// Print the create-job body for the given options, ready to pipe into curl.
    Request(RequestArgs),
    /// Print the JSON Schema of the args, the create-job body or the create-job response.
    Schema(SchemaArgs),
    /// Print every priced cell of the spec, one row per cell.
    Table(TableArgs),
    /// Compare the amount each create-job response charged with the quote for its request.
    Reconcile(ReconcileArgs),
}

/// The request options as flags. A flag left out takes the documented default. The help of
/// each (description, values, default) comes from the spec at run time: see [`spec_help`].
#[derive(ClapArgs, Clone, Default)]
struct OptionFlags {
    #[arg(long)]
    prompt: Option<String>,
    #[arg(long)]
    resolution: Option<String>,
    #[arg(long)]
    duration: Option<String>,
    #[arg(long)]
    aspect_ratio: Option<String>,
    #[arg(long, num_args = 0..=1, default_missing_value = "true", value_name = "BOOL")]
    generate_audio: Option<bool>,
    #[arg(long, num_args = 0..=1, default_missing_value = "true", value_name = "BOOL")]
    multi_shot: Option<bool>,
}

/// The option flags' help, written from the generated `OPTIONS`, so a value or default added to
/// spec/model.toml shows in `--help` with no edit here.
fn spec_help(command: clap::Command) -> clap::Command {
    use pixverse_pricing::spec::OptionKind;

    let mut command = command;
    for sub in ["quote", "check", "request"] {
        command = command.mut_subcommand(sub, |mut c| {
            for option in &pixverse_pricing::OPTIONS {
                let help = match option.kind {
                    OptionKind::Text { .. } if sub == "quote" => {
                        format!(
                            "{} (optional here: it does not change the price)",
                            option.description
                        )
                    }
                    OptionKind::Text { .. } => option.description.to_owned(),
                    OptionKind::Enum { values, default } => {
                        format!(
                            "{}: {} (default {default})",
                            option.description,
                            values.join(", ")
                        )
                    }
                    OptionKind::Bool { default } => {
                        format!(
                            "{} (`--{}` alone means true; default {default})",
                            option.description,
                            option.name.replace('_', "-")
                        )
                    }
                };
                c = c.mut_arg(option.name, |a| a.help(help));
            }
            c
        });
    }
    command
}

#[derive(ClapArgs)]
struct QuoteArgs {
    #[command(flatten)]
    options: OptionFlags,
    /// The request as JSON: bare args or a whole create-job body (`-` reads stdin).
    #[arg(long, conflicts_with = "jsonl")]
    json: Option<String>,
    /// A JSONL file (or `-` for stdin) with one request per line.
    #[arg(long, value_name = "FILE|-", num_args = 0..=1, default_missing_value = "-")]
    jsonl: Option<String>,
    /// With --jsonl: write the summary as the last line of stdout or on stderr.
    #[arg(long, value_enum, default_value_t = SummaryTo::Stdout, requires = "jsonl")]
    summary: SummaryTo,
    /// json: one JSON object; text: one line for people.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
}

#[derive(ClapArgs)]
struct RequestArgs {
    #[command(flatten)]
    options: OptionFlags,
    /// Where the API posts the result.
    #[arg(long)]
    callback_url: Option<String>,
    /// Leave out options that have their default value.
    #[arg(long)]
    minimal: bool,
}

#[derive(ClapArgs)]
struct SchemaArgs {
    /// args, request or response.
    #[arg(long, default_value = "request")]
    target: Target,
    /// 2020-12 or openapi3.
    #[arg(long, default_value = "2020-12")]
    dialect: Dialect,
}

#[derive(ClapArgs)]
struct TableArgs {
    /// csv or json.
    #[arg(long, value_enum, default_value_t = TableFormat::Csv)]
    format: TableFormat,
}

#[derive(ClapArgs)]
struct ReconcileArgs {
    /// A JSONL file (or `-` for stdin), each line {"request": ..., "response": ...}.
    #[arg(value_name = "FILE|-", default_value = "-")]
    input: String,
    /// Write the summary as the last line of stdout or on stderr.
    #[arg(long, value_enum, default_value_t = SummaryTo::Stdout)]
    summary: SummaryTo,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Json,
    Text,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum SummaryTo {
    Stdout,
    Stderr,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum TableFormat {
    Csv,
    Json,
}

/// How a command ended.
enum Outcome {
    /// Everything was valid.
    Ok,
    /// Some input was rejected (the output says which).
    Rejected,
}

/// A usage or I/O problem: exit 2 with a message on stderr.
enum Failure {
    /// The input could not be read, or the command line asks for something impossible.
    Input(String),
    /// Writing the output failed.
    Output(io::Error),
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure::Output(e)
    }
}

fn main() -> ExitCode {
    let parsed = spec_help(Cli::command())
        .try_get_matches()
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to stdout with exit 0; usage errors to stderr with exit 2.
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match run(cli) {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::Rejected) => ExitCode::from(1),
        // The reader went away (`| head`): nothing left to say.
        Err(Failure::Output(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(Failure::Output(e)) => {
            eprintln!("error: cannot write the output: {e}");
            ExitCode::from(2)
        }
        Err(Failure::Input(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<Outcome, Failure> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let outcome = match cli.command {
        Command::Quote(args) => quote_or_check(args, true, &mut out)?,
        Command::Check(args) => quote_or_check(args, false, &mut out)?,
        Command::Request(args) => request(args, &mut out)?,
        Command::Schema(args) => {
            writeln!(out, "{}", schema_pretty(args.target, args.dialect))?;
            Outcome::Ok
        }
        Command::Table(args) => {
            match args.format {
                TableFormat::Csv => table::write_csv(&mut out)?,
                TableFormat::Json => table::write_json(&mut out)?,
            }
            Outcome::Ok
        }
        Command::Reconcile(args) => {
            let source = jsonl::Source::open(&args.input)?;
            jsonl::reconcile(source, &mut out, args.summary == SummaryTo::Stderr)?
        }
    };
    out.flush()?;
    Ok(outcome)
}

fn quote_or_check(args: QuoteArgs, price: bool, out: &mut impl Write) -> Result<Outcome, Failure> {
    let mode = if price { Mode::Quote } else { Mode::Check };
    if let Some(path) = &args.jsonl {
        let source = jsonl::Source::open(path)?;
        return jsonl::run(source, mode, out, args.summary == SummaryTo::Stderr);
    }
    let text = input::single(&args.options, args.json.as_deref(), price)?;
    let verdict = pixverse_pricing::jsonl::judge(&text, mode);
    match args.format {
        Format::Json => writeln!(out, "{}", jsonl::verdict_json(&verdict))?,
        Format::Text => writeln!(out, "{}", jsonl::verdict_text(&verdict))?,
    }
    Ok(if verdict.is_accepted() {
        Outcome::Ok
    } else {
        Outcome::Rejected
    })
}

fn request(args: RequestArgs, out: &mut impl Write) -> Result<Outcome, Failure> {
    let text = input::from_flags(&args.options, false);
    let fields = if args.minimal {
        Fields::Minimal
    } else {
        Fields::All
    };
    // Check the whole body too, so a bad callback URL is refused like any other field.
    let body = pixverse_pricing::check_args(text.as_bytes()).and_then(|checked| {
        let mut request = CreateJobRequest::new(checked);
        if let Some(url) = args.callback_url {
            request = request.with_callback_url(url);
        }
        let body = request.to_json_pretty(fields);
        pixverse_pricing::check_request(body.as_bytes()).map(|_| body)
    });
    match body {
        Ok(body) => {
            writeln!(out, "{body}")?;
            Ok(Outcome::Ok)
        }
        Err(errors) => {
            writeln!(out, "{}", jsonl::errors_json(&errors))?;
            Ok(Outcome::Rejected)
        }
    }
}
