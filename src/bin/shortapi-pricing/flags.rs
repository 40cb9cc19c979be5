//! The option flags, made at run time from every model's spec: one flag per option name found
//! in any spec (`--resolution`, `--image-tail`, `--seed`, …), with its help written from the
//! spec. A new option in a spec file gets its flag with no edit here.

use clap::{Arg, ArgAction, ArgMatches};
use serde_json::{Map, Value};
use shortapi_pricing::spec::{OptionKind, OptionSpec};
use shortapi_pricing::Model;

use crate::Failure;

/// Flags the CLI defines itself; an option with one of these names gets `--option-NAME`.
const RESERVED: [&str; 10] = [
    "model",
    "json",
    "jsonl",
    "summary",
    "format",
    "callback-url",
    "minimal",
    "help",
    "version",
    "target",
];

/// The prompt and images `quote` uses when flags give none: free text does not change a price.
const NO_TEXT: &str = "(not given)";

/// Every option name in any spec, in order of first appearance (models in [`Model::ALL`]
/// order, options in page order), with each model's spec of it.
pub fn option_names() -> Vec<(&'static str, Vec<(Model, &'static OptionSpec)>)> {
    let mut names: Vec<(&'static str, Vec<(Model, &'static OptionSpec)>)> = Vec::new();
    for model in Model::ALL {
        for option in model.spec().options {
            match names.iter_mut().find(|(n, _)| *n == option.name) {
                Some((_, specs)) => specs.push((model, option)),
                None => names.push((option.name, vec![(model, option)])),
            }
        }
    }
    names
}

/// The flag's long name: the option name with `-` for `_` (`--image-tail`).
pub fn long_name(option: &str) -> String {
    let long = option.replace('_', "-");
    if RESERVED.contains(&long.as_str()) {
        format!("option-{long}")
    } else {
        long
    }
}

/// The flag's id in clap's matches, apart from the ids of the CLI's own flags.
fn id(option: &str) -> String {
    format!("option:{option}")
}

/// A name made at run time, for clap, which keeps `&'static str` names: made once per flag
/// per process, so leaking it costs a few bytes.
fn name(s: String) -> &'static str {
    s.leak()
}

/// What one spec says an option takes, in a few words: `540p, 720p, 1080p (default 720p)`.
pub fn describe_kind(kind: &OptionKind) -> String {
    match kind {
        OptionKind::Text { required, .. } => {
            if *required {
                "text, required".to_owned()
            } else {
                "text, optional".to_owned()
            }
        }
        OptionKind::Enum {
            values, default, ..
        } => format!("{} (default {})", values.join(", "), values[*default]),
        OptionKind::Bool { default } => format!("true or false (default {default})"),
        OptionKind::Integer {
            minimum,
            maximum,
            default,
        } => format!("an integer from {minimum} to {maximum} (default {default})"),
    }
}

/// Whether two specs of an option take the same values (free text: the same requiredness;
/// its examples may differ).
fn same_kind(a: &OptionKind, b: &OptionKind) -> bool {
    match (a, b) {
        (OptionKind::Text { required: x, .. }, OptionKind::Text { required: y, .. }) => x == y,
        _ => a == b,
    }
}

/// The help of one flag: the description and values where every model agrees, and which
/// models have the option when not all do.
fn help(specs: &[(Model, &'static OptionSpec)], quoting: bool) -> String {
    let (_, first) = specs[0];
    let same = specs.iter().all(|(_, o)| same_kind(&o.kind, &first.kind));
    let described = specs
        .iter()
        .all(|(_, o)| o.description == first.description);
    let mut help = match (described, same) {
        (true, true) => format!("{}: {}", first.description, describe_kind(&first.kind)),
        (true, false) => format!(
            "{}: differs by model (see `shortapi-pricing models`)",
            first.description
        ),
        (false, true) => format!(
            "{} (its description differs by model: see `shortapi-pricing models`)",
            describe_kind(&first.kind)
        ),
        (false, false) => "differs by model (see `shortapi-pricing models`)".to_owned(),
    };
    if quoting && first.is_text() {
        help.push_str("; optional here, it does not change the price");
    }
    if let OptionKind::Bool { .. } = first.kind {
        help.push_str(&format!("; `--{}` alone means true", long_name(first.name)));
    }
    if specs.len() < Model::ALL.len() {
        let ids: Vec<&str> = specs.iter().map(|(m, _)| m.id()).collect();
        help.push_str(&format!(" [only {}]", ids.join(", ")));
    }
    help
}

/// `command` with a flag for every option of every model.
pub fn add(mut command: clap::Command, quoting: bool) -> clap::Command {
    for (name, specs) in option_names() {
        let mut arg = Arg::new(self::name(id(name)))
            .long(self::name(long_name(name)))
            .help(help(&specs, quoting))
            .help_heading("Options of the model (from its spec)")
            .action(ArgAction::Set);
        // Values are read as text and turned into JSON for the model `--model` names (the same
        // flag may be an integer for one model and a string for another).
        arg = if specs
            .iter()
            .any(|(_, o)| matches!(o.kind, OptionKind::Bool { .. }))
        {
            arg.num_args(0..=1)
                .default_missing_value("true")
                .value_name("BOOL")
        } else {
            // A value name only where every model's option is of one kind.
            let kind = specs[0].1.kind.name();
            let same = specs.iter().all(|(_, o)| o.kind.name() == kind);
            arg.value_name(match specs[0].1.kind {
                OptionKind::Integer { .. } if same => "INTEGER",
                OptionKind::Text { .. } if same => "TEXT",
                _ => "VALUE",
            })
        };
        command = command.arg(arg);
    }
    command
}

/// The option flags given, as `(option name, value as given)`.
#[derive(Default)]
pub struct Given(Vec<(&'static str, String)>);

impl Given {
    /// Reads the option flags from a subcommand's matches.
    pub fn read(matches: &ArgMatches) -> Given {
        let mut given = Vec::new();
        for (name, _) in option_names() {
            if let Some(value) = matches.get_one::<String>(&id(name)) {
                given.push((name, value.clone()));
            }
        }
        Given(given)
    }

    /// Whether any option flag was given.
    pub fn any(&self) -> bool {
        !self.0.is_empty()
    }

    /// The flags as `model`'s bare args object, for the checker to judge like any other
    /// request. Values are passed as given, so `--duration 7` is reported with the allowed
    /// values. A flag for an option `model` does not have is a usage error that lists its
    /// options. With `quoting`, required free text not given gets a placeholder: it does not
    /// change the price.
    pub fn to_args_json(&self, model: Model, quoting: bool) -> Result<String, Failure> {
        let spec = model.spec();
        let mut args = Map::new();
        for (name, value) in &self.0 {
            let Some(index) = spec.option_index(name) else {
                let names: Vec<String> = spec
                    .options
                    .iter()
                    .map(|o| format!("--{}", long_name(o.name)))
                    .collect();
                return Err(Failure::Input(format!(
                    "{} has no option {name}; its options: {}",
                    model.id(),
                    names.join(", ")
                )));
            };
            args.insert(
                (*name).to_owned(),
                json_value(&spec.options[index].kind, value),
            );
        }
        if quoting {
            for option in spec.options {
                if option.is_required() && !args.contains_key(option.name) {
                    args.insert(option.name.to_owned(), Value::String(NO_TEXT.to_owned()));
                }
            }
        }
        Ok(Value::Object(args).to_string())
    }
}

/// A flag's text as the JSON value `kind` takes: a number for an integer option, `true`
/// or `false` for a bool, a string otherwise. Text that is not such a value goes as the string
/// it is, for the checker to refuse with what is allowed.
fn json_value(kind: &OptionKind, text: &str) -> Value {
    match kind {
        // A JSON number however it is written (`8`, `8.0`, `1e1`), judged as in a body.
        OptionKind::Integer { .. } => match text.parse::<i64>() {
            Ok(n) => Value::from(n),
            Err(_) => serde_json::from_str::<serde_json::Number>(text)
                .map_or_else(|_| text.into(), Value::Number),
        },
        OptionKind::Bool { .. } => text
            .parse::<bool>()
            .map_or_else(|_| text.into(), Value::Bool),
        _ => text.into(),
    }
}
