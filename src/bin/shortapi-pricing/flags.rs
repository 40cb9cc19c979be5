//! The option flags, made at run time from every model's spec: one flag per option name found
//! in any spec (`--resolution`, `--image-tail`, `--seed`, …), with its help written from the
//! spec. A new option in a spec file gets its flag with no edit here.

use clap::{Arg, ArgAction, ArgMatches};
use serde_json::{Map, Value};
use shortapi_pricing::spec::{ListItem, OptionKind, OptionSpec, WireValue};
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

/// What one spec says an option takes, in a few words: `540p, 720p, 1080p (default 720p)`,
/// `1:1, 9:16 (required)`, `an integer from 0 to 100 (optional, no default)`.
pub fn describe(option: &OptionSpec) -> String {
    described(option, false)
}

/// [`describe`] of an option (`in_item` false: a flag, a list repeats it) or of an item's
/// field (`in_item`: a member of the flag's JSON object, a list an array in it).
fn described(option: &OptionSpec, in_item: bool) -> String {
    let values = match option.kind {
        OptionKind::Text {
            max_length: Some(max),
            ..
        } => format!("text of at most {max} characters"),
        OptionKind::Text { .. } => "text".to_owned(),
        OptionKind::List {
            min_items,
            max_items,
            item,
        } => {
            let count = match max_items {
                Some(max) => format!("{min_items} to {max} "),
                None if min_items == 0 => String::new(),
                None => format!("at least {min_items} "),
            };
            match item {
                ListItem::Text if in_item => format!("an array of {count}texts"),
                ListItem::Text => format!("a list of {count}texts (repeat the flag)"),
                ListItem::Object { fields, .. } => {
                    let fields: Vec<String> = fields
                        .iter()
                        .map(|f| format!("{}: {}", f.name, described(f, true)))
                        .collect();
                    format!(
                        "a list of {count}objects, each flag one JSON object {{{}}} (repeat the flag)",
                        fields.join("; ")
                    )
                }
            }
        }
        OptionKind::Enum { values, .. } => values.join(", "),
        OptionKind::Bool { .. } => "true or false".to_owned(),
        OptionKind::Integer { values, .. } if !values.is_empty() => {
            let values: Vec<String> = values.iter().map(i64::to_string).collect();
            format!("one of the integers {}", values.join(", "))
        }
        OptionKind::Integer {
            minimum,
            maximum,
            string: true,
            ..
        } => format!("a whole number from \"{minimum}\" to \"{maximum}\" (a string)"),
        OptionKind::Integer {
            minimum, maximum, ..
        } => format!("an integer from {minimum} to {maximum}"),
        OptionKind::Number { minimum, maximum } => format!("a number from {minimum} to {maximum}"),
    };
    match (option.default_value(), option.required) {
        (Some(default), _) => format!("{values} (default {})", Plain(default)),
        (None, true) if option.is_input() => format!("{values}, required"),
        (None, false) if option.is_input() => format!("{values}, optional"),
        (None, true) => format!("{values} (required, no default)"),
        (None, false) => format!("{values} (optional, no default)"),
    }
}

/// A wire value as a flag takes it: a string without quotes.
struct Plain(WireValue<'static>);

impl std::fmt::Display for Plain {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            WireValue::Str(s) => f.write_str(s),
            other => other.fmt(f),
        }
    }
}

/// Whether two specs of an option take the same values (free text: the same requiredness;
/// its examples may differ).
fn same_kind(a: &OptionSpec, b: &OptionSpec) -> bool {
    a.required == b.required
        && match (a.kind, b.kind) {
            (OptionKind::Text { max_length: a, .. }, OptionKind::Text { max_length: b, .. }) => {
                a == b
            }
            _ => a.kind == b.kind,
        }
}

/// The help of one flag: the description and values where every model agrees, and which
/// models have the option when not all do.
fn help(specs: &[(Model, &'static OptionSpec)], quoting: bool) -> String {
    let (_, first) = specs[0];
    let same = specs.iter().all(|(_, o)| same_kind(o, first));
    let described = specs
        .iter()
        .all(|(_, o)| o.description == first.description);
    let mut help = match (described, same) {
        (true, true) => format!("{}: {}", first.description, describe(first)),
        (true, false) => format!(
            "{}: differs by model (see `shortapi-pricing models`)",
            first.description
        ),
        (false, true) => format!(
            "{} (its description differs by model: see `shortapi-pricing models`)",
            describe(first)
        ),
        (false, false) => "differs by model (see `shortapi-pricing models`)".to_owned(),
    };
    if quoting && (first.is_input() || first.required) {
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
        // A list takes one item per flag: `--image-urls a.png --image-urls b.png`.
        if specs.iter().any(|(_, o)| o.is_list()) {
            arg = arg.action(ArgAction::Append);
        }
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
            let objects = specs
                .iter()
                .all(|(_, o)| matches!(o.kind.list_item(), Some(ListItem::Object { .. })));
            arg.value_name(match specs[0].1.kind {
                // A list of objects: each flag one JSON object.
                OptionKind::List { .. } if objects => "JSON",
                OptionKind::Integer { .. } if same => "INTEGER",
                OptionKind::Number { .. } if same => "NUMBER",
                OptionKind::Text { .. } | OptionKind::List { .. } if same => "TEXT",
                _ => "VALUE",
            })
        };
        command = command.arg(arg);
    }
    command
}

/// The option flags given, as `(option name, values as given)`: one value, or a list's items
/// in flag order.
#[derive(Default)]
pub struct Given(Vec<(&'static str, Vec<String>)>);

impl Given {
    /// Reads the option flags from a subcommand's matches.
    pub fn read(matches: &ArgMatches) -> Given {
        let mut given = Vec::new();
        for (name, _) in option_names() {
            if let Some(values) = matches.get_many::<String>(&id(name)) {
                given.push((name, values.cloned().collect()));
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
    /// options. With `quoting`, a required input not given gets a placeholder: it does not
    /// change the price.
    pub fn to_args_json(&self, model: Model, quoting: bool) -> Result<String, Failure> {
        let spec = model.spec();
        let mut args = Map::new();
        for (name, values) in &self.0 {
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
            let option = &spec.options[index];
            let value = match values.as_slice() {
                // A list of objects: each flag one JSON object (text that is not JSON goes as
                // the string it is, for the checker to refuse with the fields it takes).
                _ if matches!(
                    option.kind,
                    OptionKind::List {
                        item: ListItem::Object { .. },
                        ..
                    }
                ) =>
                {
                    Value::Array(
                        values
                            .iter()
                            .map(|v| {
                                serde_json::from_str(v).unwrap_or_else(|_| Value::String(v.clone()))
                            })
                            .collect(),
                    )
                }
                _ if option.is_list() => {
                    Value::Array(values.iter().map(|v| Value::String(v.clone())).collect())
                }
                [value] => json_value(&option.kind, value),
                _ => {
                    return Err(Failure::Input(format!(
                        "--{} is given {} times; {} takes one value",
                        long_name(name),
                        values.len(),
                        option.name
                    )))
                }
            };
            args.insert((*name).to_owned(), value);
        }
        if quoting {
            for option in spec.options {
                if option.is_required() && !args.contains_key(option.name) {
                    args.insert(option.name.to_owned(), placeholder(option));
                }
            }
        }
        Ok(Value::Object(args).to_string())
    }
}

/// What `quote` sends for a required option no flag gives: a placeholder text, or an option's
/// first value. Neither changes the price: the generator refuses a price that depends on an
/// option with no default.
fn placeholder(option: &OptionSpec) -> Value {
    match option.kind {
        OptionKind::Enum { values, .. } => Value::from(values[0]),
        OptionKind::Bool { .. } => Value::Bool(false),
        OptionKind::Integer {
            minimum,
            values,
            string,
            ..
        } => {
            let n = values.first().copied().unwrap_or(minimum);
            if string {
                Value::from(n.to_string())
            } else {
                Value::from(n)
            }
        }
        OptionKind::Text { .. } => Value::String(NO_TEXT.to_owned()),
        OptionKind::Number { minimum, .. } => json_value(&option.kind, &minimum.to_string()),
        // An item of each required field's placeholder.
        OptionKind::List {
            min_items,
            item: ListItem::Object { fields, .. },
            ..
        } => Value::Array(
            (0..min_items.max(1))
                .map(|_| {
                    let item = fields.iter().filter(|f| f.required);
                    Value::Object(item.map(|f| (f.name.to_owned(), placeholder(f))).collect())
                })
                .collect(),
        ),
        OptionKind::List { min_items, .. } => Value::Array(
            (0..min_items.max(1))
                .map(|_| Value::String(NO_TEXT.to_owned()))
                .collect(),
        ),
    }
}

/// A flag's text as the JSON value `kind` takes: a number for an integer option, `true`
/// or `false` for a bool, a string otherwise. Text that is not such a value goes as the string
/// it is, for the checker to refuse with what is allowed.
fn json_value(kind: &OptionKind, text: &str) -> Value {
    match kind {
        // Digits in a string, as the page writes it (`--duration 5` is `"5"`).
        OptionKind::Integer { string: true, .. } => text.into(),
        // A JSON number however it is written (`8`, `8.0`, `1e1`), judged as in a body.
        OptionKind::Integer { .. } => match text.parse::<i64>() {
            Ok(n) => Value::from(n),
            Err(_) => serde_json::from_str::<serde_json::Number>(text)
                .map_or_else(|_| text.into(), Value::Number),
        },
        OptionKind::Bool { .. } => text
            .parse::<bool>()
            .map_or_else(|_| text.into(), Value::Bool),
        // A JSON number as written (`0.5`, `5e-1`); the checker reads it exactly.
        OptionKind::Number { .. } => serde_json::from_str::<serde_json::Number>(text)
            .map_or_else(|_| text.into(), Value::Number),
        _ => text.into(),
    }
}
