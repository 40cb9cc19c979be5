//! `shortapi-pricing`: pre-flight quotes and checks for every model the crate knows, JSONL
//! usage logs that mix models with exact totals per model, the create-job body, the JSON
//! Schema, the models and their price tables, from the command line.
//!
//! Exit codes: 0 everything valid, 1 some input rejected (or, for `reconcile`, some charge
//! differs from its quote), 2 a usage or I/O error.

#![forbid(unsafe_code)]

mod flags;
mod input;
mod jsonl;
mod models;
mod pipe;
mod table;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::{Args as ClapArgs, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use shortapi_pricing::jsonl::{judge_with, Mode};
use shortapi_pricing::{check, check_as, CreateJobRequest, Decimal, Expect, Fields, Model};

/// Prices and checks requests to ShortAPI's job API exactly, for every model it knows
/// (`shortapi-pricing models` lists them).
#[derive(Parser)]
#[command(name = "shortapi-pricing", version, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Quote one request (from flags with --model, --json or stdin), or every line of a JSONL
    /// usage log that may mix models.
    Quote(QuoteArgs),
    /// Check one request or a JSONL log like `quote`, without pricing.
    Check(QuoteArgs),
    /// Print the create-job body for a model and the given options, ready to pipe into curl.
    Request(RequestArgs),
    /// Print every model: its options (type, default, values or range), rules and price form.
    Models(ModelsArgs),
    /// Print the JSON Schema of a model's args, the create-job body of the catalog, or the
    /// create-job response.
    #[cfg(feature = "schema")]
    Schema(SchemaArgs),
    /// Print every priced combination of every model, one row each.
    Table(TableArgs),
    /// Compare the amount each create-job response charged with the quote for its request.
    Reconcile(ReconcileArgs),
}

/// The model flag.
#[derive(ClapArgs, Clone, Default)]
struct ModelFlag {
    /// The model of option flags and of bare args (a body's own `model` decides for it); one
    /// of the ids `shortapi-pricing models` lists.
    #[arg(long, value_name = "ID")]
    model: Option<ModelId>,
}

/// A model id, parsed with the library's error (which lists the known ids).
#[derive(Clone, Copy)]
struct ModelId(Model);

impl std::str::FromStr for ModelId {
    type Err = shortapi_pricing::UnknownModel;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.parse().map(ModelId)
    }
}

impl ModelFlag {
    fn get(&self) -> Option<Model> {
        self.model.map(|m| m.0)
    }
}

#[derive(ClapArgs)]
struct QuoteArgs {
    #[command(flatten)]
    model: ModelFlag,
    /// The request as JSON: a whole create-job body, or bare args of --model (`-` reads
    /// stdin).
    #[arg(long, conflicts_with = "jsonl")]
    json: Option<String>,
    /// A JSONL file (or `-` for stdin) with one request per line: bodies of any model, or bare
    /// args of --model; a line may be {"request": ..., "usage": {NAME: NUMBER}} to give a
    /// measured quantity.
    #[arg(long, value_name = "FILE|-", num_args = 0..=1, default_missing_value = "-")]
    jsonl: Option<String>,
    /// With --jsonl: write the summary as the last line of stdout or on stderr.
    #[arg(long, value_enum, default_value_t = SummaryTo::Stdout, requires = "jsonl")]
    summary: SummaryTo,
    /// A measured quantity of a model priced by one (the seconds of an input video), for the
    /// exact amount: `--usage input_video_seconds=7.2` (repeatable; `models` lists each model's
    /// quantities). Without it such a quote gives the rate and the bounds.
    #[arg(long = "usage", value_name = "NAME=NUMBER", conflicts_with = "jsonl")]
    usage: Vec<String>,
    /// json: one JSON object; text: one line for people.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
}

#[derive(ClapArgs)]
struct RequestArgs {
    #[command(flatten)]
    model: ModelFlag,
    /// Where the API posts the result.
    #[arg(long)]
    callback_url: Option<String>,
    /// Leave out options that have their default value.
    #[arg(long)]
    minimal: bool,
}

#[derive(ClapArgs)]
struct ModelsArgs {
    /// json: one JSON array; text: a listing for people.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
}

#[cfg(feature = "schema")]
#[derive(ClapArgs)]
struct SchemaArgs {
    #[command(flatten)]
    model: ModelFlag,
    /// args (of --model), request (the catalog's create-job body) or response.
    #[arg(long, default_value = "request")]
    target: String,
    /// 2020-12 or openapi3.
    #[arg(long, default_value = "2020-12")]
    dialect: String,
}

#[derive(ClapArgs)]
struct TableArgs {
    /// csv or json.
    #[arg(long, value_enum, default_value_t = TableFormat::Csv)]
    format: TableFormat,
}

#[derive(ClapArgs)]
struct ReconcileArgs {
    #[command(flatten)]
    model: ModelFlag,
    /// A JSONL file (or `-` for stdin), each line {"request": ..., "response": ...} and, for a
    /// model priced by a measured quantity, "usage": {NAME: NUMBER} (without it the charge is
    /// compared with the bounds); a request is a whole body, or bare args of --model.
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

/// The subcommands that take option flags, and whether they price (free text is optional
/// then).
const WITH_OPTION_FLAGS: [(&str, bool); 3] =
    [("quote", true), ("check", false), ("request", false)];

/// The command with the option flags of every model's spec added.
fn command() -> clap::Command {
    let mut command = Cli::command();
    for (sub, quoting) in WITH_OPTION_FLAGS {
        command = command.mut_subcommand(sub, |c| flags::add(c, quoting));
    }
    command
}

fn main() -> ExitCode {
    let parsed = command().try_get_matches().and_then(|matches| {
        let given = match matches.subcommand() {
            Some((name, sub)) if WITH_OPTION_FLAGS.iter().any(|(n, _)| *n == name) => {
                flags::Given::read(sub)
            }
            _ => flags::Given::default(),
        };
        Cli::from_arg_matches(&matches).map(|cli| (cli, given))
    });
    let (cli, given) = match parsed {
        Ok(parsed) => parsed,
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
    match run(cli, &given) {
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

fn run(cli: Cli, given: &flags::Given) -> Result<Outcome, Failure> {
    // Written on a second thread, in large chunks.
    let mut out = pipe::Pipe::stdout();
    let outcome = match cli.command {
        Command::Quote(args) => quote_or_check(args, given, true, &mut out)?,
        Command::Check(args) => quote_or_check(args, given, false, &mut out)?,
        Command::Request(args) => request(args, given, &mut out)?,
        Command::Models(args) => {
            match args.format {
                Format::Json => models::write_json(&mut out)?,
                Format::Text => models::write_text(&mut out)?,
            }
            Outcome::Ok
        }
        #[cfg(feature = "schema")]
        Command::Schema(args) => schema(args, &mut out)?,
        Command::Table(args) => {
            match args.format {
                TableFormat::Csv => table::write_csv(&mut out)?,
                TableFormat::Json => table::write_json(&mut out)?,
            }
            Outcome::Ok
        }
        Command::Reconcile(args) => {
            let source = jsonl::Source::open(&args.input)?;
            jsonl::reconcile(
                source,
                args.model.get(),
                &mut out,
                args.summary == SummaryTo::Stderr,
            )?
        }
    };
    out.finish()?;
    Ok(outcome)
}

fn quote_or_check(
    args: QuoteArgs,
    given: &flags::Given,
    price: bool,
    out: &mut impl Write,
) -> Result<Outcome, Failure> {
    let mode = if price { Mode::Quote } else { Mode::Check };
    let model = args.model.get();
    if let Some(path) = &args.jsonl {
        if given.any() {
            return Err(Failure::Input(
                "option flags do not apply to --jsonl: each line gives its own options".to_owned(),
            ));
        }
        let source = jsonl::Source::open(path)?;
        return jsonl::run(source, mode, model, out, args.summary == SummaryTo::Stderr);
    }
    let usage = usage_flags(&args.usage)?;
    let usage: Vec<(&str, Decimal)> = usage.iter().map(|(n, v)| (n.as_str(), *v)).collect();
    let single = input::single(model, given, args.json.as_deref(), price)?;
    let verdict = judge_with(&single.text, mode, single.expect, &usage);
    match args.format {
        Format::Json => writeln!(out, "{}", jsonl::verdict_json(&verdict))?,
        Format::Text => writeln!(out, "{}", jsonl::verdict_text(&verdict))?,
    }
    // A quote the page gives no price for exits 1, like a rejected request; one that needs a
    // measured quantity gives its rate and bounds and exits 0.
    Ok(if verdict.is_priced() {
        Outcome::Ok
    } else {
        Outcome::Rejected
    })
}

/// `--usage NAME=NUMBER` values, each number read exactly (a usage error otherwise).
fn usage_flags(flags: &[String]) -> Result<Vec<(String, Decimal)>, Failure> {
    flags
        .iter()
        .map(|flag| {
            let (name, number) = flag.split_once('=').ok_or_else(|| {
                Failure::Input(format!(
                    "--usage {flag:?}: give NAME=NUMBER, e.g. --usage input_video_seconds=7.2"
                ))
            })?;
            let value = shortapi_pricing::money::parse_decimal(number.trim(), true)
                .filter(|v| !v.is_sign_negative())
                .ok_or_else(|| {
                    Failure::Input(format!(
                        "--usage {name}={number}: the value must be a non-negative decimal number such as 7.2"
                    ))
                })?;
            Ok((name.trim().to_owned(), value))
        })
        .collect()
}

fn request(
    args: RequestArgs,
    given: &flags::Given,
    out: &mut impl Write,
) -> Result<Outcome, Failure> {
    let model = args.model.get().ok_or_else(input::need_model)?;
    let text = given.to_args_json(model, false)?;
    let fields = if args.minimal {
        Fields::Minimal
    } else {
        Fields::All
    };
    // Check the whole body too, so a bad callback URL is refused like any other field.
    let body = check_as(text.as_bytes(), Expect::Args(model)).and_then(|checked| {
        let mut request = CreateJobRequest::new(checked.args);
        if let Some(url) = args.callback_url {
            request = request.with_callback_url(url);
        }
        let body = request.to_json_pretty(fields);
        check(body.as_bytes()).map(|_| body)
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

#[cfg(feature = "schema")]
fn schema(args: SchemaArgs, out: &mut impl Write) -> Result<Outcome, Failure> {
    use shortapi_pricing::schema::{schema_pretty, Dialect, Target};
    let target = Target::from_name(&args.target, args.model.get())
        .map_err(|e| Failure::Input(e.to_string()))?;
    let dialect: Dialect = args
        .dialect
        .parse()
        .map_err(|e: shortapi_pricing::schema::UnknownName| Failure::Input(e.to_string()))?;
    writeln!(out, "{}", schema_pretty(target, dialect))?;
    Ok(Outcome::Ok)
}
