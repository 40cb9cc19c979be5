//! JSON Schema for frontends (feature `schema`): the `args` object, the whole create-job body
//! and the create-job response, in JSON Schema draft 2020-12 or as OpenAPI 3.0 schema objects.
//!
//! The schemas are built from the generated [`OPTIONS`] and [`RULES`] tables, so they carry the
//! same values, defaults, descriptions and rules the checker applies, and accept exactly what
//! [`check_args`](crate::check_args) / [`check_request`](crate::check_request) accept (a
//! differential test holds them to it). The rule "1080p is not supported for 10s" is in the
//! schema itself, as a `not` whose `description` is the rule's message.
//!
//! ```
//! use pixverse_pricing::schema::{schema, Dialect, Target};
//!
//! let args = schema(Target::Args, Dialect::Draft2020_12);
//! assert_eq!(args["$schema"], "https://json-schema.org/draft/2020-12/schema");
//! assert_eq!(args["properties"]["duration"]["enum"], serde_json::json!(["5", "8", "10"]));
//! assert_eq!(args["additionalProperties"], false);
//!
//! let component = schema(Target::Request, Dialect::OpenApi3);
//! assert!(component.get("$schema").is_none()); // ready for components/schemas
//! ```

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde_json::{json, Map, Value};

use crate::spec::{OptionKind, OptionSpec, Rule, WireEnum};
use crate::{Args, CreateJobRequest, CreateJobResponse, MODEL_ID, OPTIONS, RULES};

/// Which JSON Schema flavour to write.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Dialect {
    /// JSON Schema draft 2020-12, with `$schema` and a stable `$id` (ajv's `Ajv2020`, Python's
    /// and Rust's `jsonschema`).
    #[default]
    Draft2020_12,
    /// An OpenAPI 3.0 schema object for `components/schemas`: no `$schema`, `$id`, `const`,
    /// `examples` or `if`/`then`; `enum` of one value and a single `example` instead.
    OpenApi3,
}

/// Which document to describe.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    /// The `args` object.
    Args,
    /// The whole create-job body: `model`, `args`, optional `callback_url`.
    Request,
    /// The create-job response: `code` and `data.amount` (a decimal string), `data.job_id`.
    CreateJobResponse,
}

impl Target {
    /// Every target.
    pub const ALL: [Target; 3] = [Target::Args, Target::Request, Target::CreateJobResponse];

    /// `"args"`, `"request"` or `"response"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Target::Args => "args",
            Target::Request => "request",
            Target::CreateJobResponse => "response",
        }
    }
}

impl Dialect {
    /// Both dialects.
    pub const ALL: [Dialect; 2] = [Dialect::Draft2020_12, Dialect::OpenApi3];

    /// `"2020-12"` or `"openapi3"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Dialect::Draft2020_12 => "2020-12",
            Dialect::OpenApi3 => "openapi3",
        }
    }
}

/// A [`Target`] or [`Dialect`] name that is not one of the allowed ones.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownName {
    what: &'static str,
    got: String,
    allowed: &'static [&'static str],
}

impl fmt::Display for UnknownName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let allowed = crate::spec::QuotedList(self.allowed);
        write!(
            f,
            "unknown {} {:?}; allowed: {allowed}",
            self.what, self.got
        )
    }
}

impl std::error::Error for UnknownName {}

macro_rules! named {
    ($ty:ident, $what:literal, [$($name:literal),+]) => {
        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.pad(self.as_str())
            }
        }

        impl FromStr for $ty {
            type Err = UnknownName;

            fn from_str(s: &str) -> Result<Self, UnknownName> {
                Self::ALL.into_iter().find(|x| x.as_str() == s).ok_or_else(|| UnknownName {
                    what: $what,
                    got: s.to_owned(),
                    allowed: &[$($name),+],
                })
            }
        }
    };
}

named!(Target, "schema target", ["args", "request", "response"]);
named!(Dialect, "schema dialect", ["2020-12", "openapi3"]);

/// The schema for `target` in `dialect`, self-contained (no `$ref`s).
pub fn schema(target: Target, dialect: Dialect) -> Value {
    let settings = match dialect {
        Dialect::Draft2020_12 => SchemaSettings::draft2020_12(),
        // schemars' OpenAPI transforms turn `const` into `enum` and `examples` into `example`.
        Dialect::OpenApi3 => SchemaSettings::openapi3(),
    };
    let generator = settings.into_generator();
    let root = match target {
        Target::Args => generator.into_root_schema_for::<Args>(),
        Target::Request => generator.into_root_schema_for::<CreateJobRequest>(),
        Target::CreateJobResponse => generator.into_root_schema_for::<CreateJobResponse>(),
    };
    let mut value = root.to_value();
    if let Value::Object(map) = &mut value {
        match dialect {
            Dialect::Draft2020_12 => {
                map.insert("$id".to_owned(), Value::String(schema_id(target)));
            }
            // A schema object in an OpenAPI 3.0 document takes neither.
            Dialect::OpenApi3 => {
                map.remove("$schema");
                map.remove("$id");
            }
        }
    }
    value
}

/// [`schema`], pretty-printed.
pub fn schema_pretty(target: Target, dialect: Dialect) -> String {
    let value = schema(target, dialect);
    serde_json::to_string_pretty(&value).unwrap_or_else(|_| value.to_string())
}

/// The stable `$id` of a draft 2020-12 schema: a URN naming the crate, the model and the target,
/// e.g. `urn:pixverse-pricing:pixverse:pixverse-5.5:text-to-video:args`.
pub fn schema_id(target: Target) -> String {
    format!(
        "urn:pixverse-pricing:{}:{}",
        MODEL_ID.replace('/', ":"),
        target.as_str()
    )
}

/// The white space the checker trims, as a regex class body: Unicode `White_Space`, written out
/// so that ECMAScript (ajv) and Rust regex engines read the same set.
const WHITE_SPACE: &str =
    r"\t\n\u000B\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000";

/// A string with at least one character that is not white space.
pub fn non_blank_pattern() -> String {
    format!("[^{WHITE_SPACE}]")
}

/// An absolute `http://` or `https://` URL with a host and no white space, as the checker wants
/// `callback_url`.
pub fn callback_url_pattern() -> String {
    format!("^https?://[^/{WHITE_SPACE}][^{WHITE_SPACE}]*$")
}

/// A decimal string as money is written: `"0.128"`, `"-0.5"`.
pub const MONEY_PATTERN: &str = r"^-?[0-9]+(\.[0-9]+)?$";

/// The schema of one enum option: a string `enum` of its wire values with its default.
fn enum_schema(description: &str, values: &[&str], default: &str) -> Value {
    json!({
        "description": description,
        "type": "string",
        "enum": values,
        "default": default,
    })
}

/// `JsonSchema` for the generated option enums.
#[doc(hidden)]
pub fn wire_enum_schema<T: WireEnum>() -> Schema {
    to_schema(enum_schema(
        T::DESCRIPTION,
        T::WIRE_VALUES,
        T::default().wire(),
    ))
}

fn option_schema(option: &OptionSpec) -> Value {
    match option.kind {
        OptionKind::Text { examples } => json!({
            "description": option.description,
            "type": "string",
            "minLength": 1,
            "pattern": non_blank_pattern(),
            "examples": examples,
        }),
        OptionKind::Enum { values, default } => enum_schema(option.description, values, default),
        OptionKind::Bool { default } => json!({
            "description": option.description,
            "type": "boolean",
            "default": default,
        }),
    }
}

/// The schema of a rule: the combination is `not` allowed. An option left out takes its
/// default, so a condition on a default value also matches its absence; any other condition
/// needs the option present.
fn rule_schema(rule: &Rule, options: &[OptionSpec]) -> Value {
    let mut properties = Map::new();
    let mut required = Vec::new();
    for (name, value) in rule.when {
        properties.insert((*name).to_owned(), json!({ "const": value }));
        let default = options
            .iter()
            .find(|o| o.name == *name)
            .and_then(OptionSpec::default_value);
        if default != Some(*value) {
            required.push(*name);
        }
    }
    json!({
        "description": format!("{} (rule {})", rule.message, rule.id),
        "not": {
            "type": "object",
            "properties": properties,
            "required": required,
        },
    })
}

/// The schema of an `args` object for the given spec tables. [`schema`] uses the crate's own
/// [`OPTIONS`] and [`RULES`]; other tables (a test fixture's) give their own schema.
pub fn args_schema_for(options: &[OptionSpec], rules: &[Rule]) -> Value {
    let properties: Map<String, Value> = options
        .iter()
        .map(|o| (o.name.to_owned(), option_schema(o)))
        .collect();
    let required: Vec<&str> = options
        .iter()
        .filter(|o| o.is_required())
        .map(|o| o.name)
        .collect();
    let mut schema = json!({
        "description": "The args of a create-job request; options left out take their default.",
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": false,
    });
    if !rules.is_empty() {
        let all: Vec<Value> = rules.iter().map(|r| rule_schema(r, options)).collect();
        schema["allOf"] = Value::Array(all);
    }
    schema
}

fn request_schema(args: Value) -> Value {
    json!({
        "description": format!("A create-job request body for {MODEL_ID}."),
        "type": "object",
        "properties": {
            "model": { "description": "The model id.", "const": MODEL_ID },
            "args": args,
            "callback_url": {
                "description": "Where the API posts the result: an absolute http(s) URL. Leave it out for none.",
                "type": "string",
                "pattern": callback_url_pattern(),
            },
        },
        "required": ["model", "args"],
        "additionalProperties": false,
    })
}

fn response_schema() -> Value {
    json!({
        "description": "The response to a create-job request.",
        "type": "object",
        "properties": {
            "code": { "description": "0 on success.", "type": "integer" },
            "data": {
                "type": "object",
                "properties": {
                    "amount": {
                        "description": "What the job was charged, as an exact decimal string.",
                        "type": "string",
                        "pattern": MONEY_PATTERN,
                    },
                    "job_id": { "description": "The id to query the job with.", "type": "string" },
                },
                "required": ["amount", "job_id"],
            },
        },
        "required": ["code"],
    })
}

/// The builders above always return objects.
fn to_schema(value: Value) -> Schema {
    match value {
        Value::Object(map) => Schema::from(map),
        _ => Schema::default(),
    }
}

impl JsonSchema for Args {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("Args")
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        to_schema(args_schema_for(&OPTIONS, &RULES))
    }
}

impl JsonSchema for CreateJobRequest {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("CreateJobRequest")
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        to_schema(request_schema(args_schema_for(&OPTIONS, &RULES)))
    }
}

impl JsonSchema for CreateJobResponse {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("CreateJobResponse")
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        to_schema(response_schema())
    }
}
