//! JSON Schema for frontends (feature `schema`): each model's `args` object, the create-job body
//! of the whole catalog and the create-job response, in JSON Schema draft 2020-12 or as OpenAPI
//! 3.0 schema objects.
//!
//! Every schema is built at run time from the models' [`ModelSpec`] tables
//! ([`Model::spec`]), so it carries the values, defaults, ranges, descriptions and rules the
//! checker applies, and accepts exactly what [`check_args`](crate::check_args) /
//! [`check`](crate::check) accept (a differential test holds them to it, in the `jsonschema`
//! crate and in ajv). A model added in `spec/models/` gets its schema with no Rust edit.
//!
//! - [`args`]: one model's `args`. Options are typed (a string `enum` of wire values, a
//!   `boolean`, an `integer` with `minimum`/`maximum`, free text that must not be blank) with
//!   their defaults; required free text is `required`; nothing else is allowed. The rules
//!   (forbidden combinations) sit under one `not` (`{"not": {"anyOf": [rule, …]}}`), each with
//!   the rule's message as its `description`. Code generators that ignore `not`, such as
//!   json-schema-to-typescript, therefore still see a closed object and write one interface
//!   per model with no index signature.
//! - [`request`]: the create-job body, a `oneOf` of one body per model, told apart by the
//!   `model` constant. In OpenAPI 3.0 it is the `CreateJobRequest` entry of
//!   [`openapi_components`], with a `discriminator` on `model` whose `mapping` names each
//!   model's body schema.
//! - [`response`]: the create-job response, with the amount as an exact decimal string.
//!
//! ```
//! use shortapi_pricing::schema::{self, Dialect};
//! use shortapi_pricing::Model;
//!
//! let args = schema::args(Model::Pixverse55TextToVideo, Dialect::Draft2020_12);
//! assert_eq!(args["$schema"], "https://json-schema.org/draft/2020-12/schema");
//! assert_eq!(args["properties"]["duration"]["enum"], serde_json::json!(["5", "8", "10"]));
//! assert_eq!(args["required"], serde_json::json!(["prompt"]));
//! assert_eq!(args["additionalProperties"], false);
//!
//! let body = schema::request(Dialect::Draft2020_12);
//! assert_eq!(body["oneOf"].as_array().map(Vec::len), Some(Model::ALL.len()));
//!
//! let openapi = schema::request(Dialect::OpenApi3);
//! assert_eq!(openapi["discriminator"]["propertyName"], "model");
//! assert_eq!(
//!     openapi["discriminator"]["mapping"]["pixverse/pixverse-5.5/text-to-video"],
//!     "#/components/schemas/Pixverse55TextToVideoRequest"
//! );
//! assert!(openapi.get("$schema").is_none()); // ready for components/schemas
//! ```

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde_json::{json, Map, Value};

use crate::spec::{
    Condition, Limit, ListItem, ModelSpec, Narrow, OptionKind, OptionSpec, Requirement, Rule, Test,
    WireEnum,
};
use crate::{CreateJobRequest, CreateJobResponse, Model};

/// The `$schema` of every draft 2020-12 schema.
pub const DRAFT_2020_12: &str = "https://json-schema.org/draft/2020-12/schema";

/// Where OpenAPI 3.0 references point: `#/components/schemas/NAME`.
const COMPONENTS: &str = "#/components/schemas/";

/// Which JSON Schema flavour to write.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Dialect {
    /// JSON Schema draft 2020-12, with `$schema` and a stable `$id`, self-contained (ajv's
    /// `Ajv2020`, Python's and Rust's `jsonschema`, json-schema-to-typescript).
    #[default]
    Draft2020_12,
    /// OpenAPI 3.0 schema objects for `components/schemas`: no `$schema`, `$id`, `const`,
    /// `examples` or `if`/`then`; `enum` of one value and a single `example` instead. The
    /// create-job body refers to each model's body schema by `$ref`, as its `discriminator`
    /// needs; [`openapi_components`] gives them all.
    OpenApi3,
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

impl fmt::Display for Dialect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl FromStr for Dialect {
    type Err = UnknownName;

    /// `"2020-12"` or `"openapi3"`.
    fn from_str(s: &str) -> Result<Self, UnknownName> {
        Self::ALL
            .into_iter()
            .find(|d| d.as_str() == s)
            .ok_or_else(|| UnknownName {
                what: "schema dialect",
                got: s.to_owned(),
                allowed: &["2020-12", "openapi3"],
            })
    }
}

/// Which document to describe.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    /// One model's `args` object.
    Args(Model),
    /// The create-job body of any model: `model`, its `args`, optional `callback_url`.
    Request,
    /// The create-job response: `code` and `data.amount` (a decimal string), `data.job_id`.
    CreateJobResponse,
}

impl Target {
    /// The names [`Target::from_name`] reads.
    pub const NAMES: [&'static str; 3] = ["args", "request", "response"];

    /// Every target: each model's args (in [`Model::ALL`] order), the request, the response.
    pub fn all() -> impl Iterator<Item = Target> {
        Model::ALL
            .into_iter()
            .map(Target::Args)
            .chain([Target::Request, Target::CreateJobResponse])
    }

    /// `"args"`, `"request"` or `"response"`.
    pub const fn name(self) -> &'static str {
        match self {
            Target::Args(_) => "args",
            Target::Request => "request",
            Target::CreateJobResponse => "response",
        }
    }

    /// The target named `name` (one of [`NAMES`](Self::NAMES)); `"args"` needs the model.
    ///
    /// ```
    /// use shortapi_pricing::schema::Target;
    /// use shortapi_pricing::Model;
    ///
    /// let m = Model::Pixverse60Transition;
    /// assert_eq!(Target::from_name("args", Some(m)), Ok(Target::Args(m)));
    /// assert_eq!(Target::from_name("request", None), Ok(Target::Request));
    /// assert!(Target::from_name("args", None).unwrap_err().to_string().contains("--model"));
    /// ```
    pub fn from_name(name: &str, model: Option<Model>) -> Result<Target, UnknownName> {
        match (name, model) {
            ("args", Some(model)) => Ok(Target::Args(model)),
            ("args", None) => Err(UnknownName {
                what: "model for the args schema",
                got: String::new(),
                allowed: &Model::IDS,
            }),
            ("request", _) => Ok(Target::Request),
            ("response", _) => Ok(Target::CreateJobResponse),
            _ => Err(UnknownName {
                what: "schema target",
                got: name.to_owned(),
                allowed: &Self::NAMES,
            }),
        }
    }
}

impl fmt::Display for Target {
    /// `args of pixverse/pixverse-5.5/text-to-video`, `request` or `response`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::Args(model) => write!(f, "args of {model}"),
            other => f.write_str(other.name()),
        }
    }
}

/// A [`Target`] or [`Dialect`] name that is not one of the allowed ones, or the args schema
/// asked for without a model.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownName {
    what: &'static str,
    got: String,
    allowed: &'static [&'static str],
}

impl fmt::Display for UnknownName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let allowed = crate::spec::QuotedList(self.allowed);
        if self.got.is_empty() {
            write!(
                f,
                "the args schema is per model: name the model (--model ID), one of {allowed}"
            )
        } else {
            write!(
                f,
                "unknown {} {:?}; allowed: {allowed}",
                self.what,
                crate::check::short(&self.got)
            )
        }
    }
}

impl std::error::Error for UnknownName {}

/// The schema for `target` in `dialect`: [`args`], [`request`] or [`response`].
pub fn schema(target: Target, dialect: Dialect) -> Value {
    match target {
        Target::Args(model) => args(model, dialect),
        Target::Request => request(dialect),
        Target::CreateJobResponse => response(dialect),
    }
}

/// [`schema`], pretty-printed.
pub fn schema_pretty(target: Target, dialect: Dialect) -> String {
    pretty(&schema(target, dialect))
}

/// The stable `$id` of a draft 2020-12 schema: a URN naming the crate and the target, e.g.
/// `urn:shortapi-pricing:args:pixverse:pixverse-5.5:text-to-video`,
/// `urn:shortapi-pricing:request`.
pub fn schema_id(target: Target) -> String {
    match target {
        Target::Args(model) => args_id(model.id()),
        other => format!("urn:shortapi-pricing:{}", other.name()),
    }
}

fn args_id(model_id: &str) -> String {
    format!("urn:shortapi-pricing:args:{}", model_id.replace('/', ":"))
}

/// The `args` schema of `model`: see the [module docs](self).
pub fn args(model: Model, dialect: Dialect) -> Value {
    args_schema_for(model.spec(), dialect)
}

/// The `args` schema of any spec's model, as [`args`] writes it for a built-in model: for a
/// spec that is not (yet) built into the crate, such as a test fixture's.
pub fn args_schema_for(spec: &ModelSpec, dialect: Dialect) -> Value {
    root(args_object(spec), &args_id(spec.id), dialect)
}

/// The create-job body of every model: in draft 2020-12 a self-contained `oneOf` of one body
/// per model (each titled `<Model>Request`, its `model` a `const`); in OpenAPI 3.0 the
/// `CreateJobRequest` entry of [`openapi_components`] (a `oneOf` of `$ref`s with a
/// `discriminator` on `model`).
pub fn request(dialect: Dialect) -> Value {
    match dialect {
        Dialect::Draft2020_12 => root(request_2020_12(), &schema_id(Target::Request), dialect),
        Dialect::OpenApi3 => openapi_request(),
    }
}

/// The create-job response: `code`, and `data` with the `amount` charged as an exact decimal
/// string and the `job_id`.
pub fn response(dialect: Dialect) -> Value {
    root(
        response_schema(),
        &schema_id(Target::CreateJobResponse),
        dialect,
    )
}

/// Everything for an OpenAPI 3.0 document's `components/schemas`: `CreateJobRequest` (with the
/// `discriminator`), for each model `<Model>Request` and `<Model>Args` (`Pixverse55TextToVideoArgs`:
/// the [`Model`] variant's name), and `CreateJobResponse`.
///
/// ```
/// use shortapi_pricing::schema::openapi_components;
///
/// let components = openapi_components();
/// let body = &components["Pixverse60TransitionRequest"];
/// assert_eq!(body["properties"]["model"]["enum"][0], "pixverse/pixverse-6.0/transition");
/// assert_eq!(body["properties"]["args"]["$ref"], "#/components/schemas/Pixverse60TransitionArgs");
/// assert!(components["Pixverse60TransitionArgs"]["required"]
///     .as_array()
///     .unwrap()
///     .contains(&"image_tail".into()));
/// ```
pub fn openapi_components() -> Value {
    let mut components = Map::new();
    components.insert("CreateJobRequest".to_owned(), openapi_request());
    for model in Model::ALL {
        let name = type_name(model);
        let args_ref = json!({ "$ref": format!("{COMPONENTS}{name}Args") });
        let body = body_schema(model.spec(), args_ref);
        components.insert(format!("{name}Request"), to_openapi3(body));
        components.insert(
            format!("{name}Args"),
            to_openapi3(args_object(model.spec())),
        );
    }
    components.insert(
        "CreateJobResponse".to_owned(),
        to_openapi3(response_schema()),
    );
    Value::Object(components)
}

/// The white space the checker trims (Rust's `char::is_whitespace`, Unicode `White_Space`), as
/// a regex class body written out so that ECMAScript (ajv) and Rust regex engines read the
/// same set.
const WHITE_SPACE: &str =
    r"\t\n\u000B\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000";

/// A string with at least one character that is not white space: free text that is not blank.
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

/// The name generated types take for `model`: its [`Model`] variant (`Pixverse55TextToVideo`).
fn type_name(model: Model) -> String {
    format!("{model:?}")
}

/// `schema` with `$schema` and `$id` (draft 2020-12), or turned into an OpenAPI 3.0 schema
/// object.
fn root(schema: Value, id: &str, dialect: Dialect) -> Value {
    match dialect {
        Dialect::Draft2020_12 => {
            let mut map = Map::new();
            map.insert("$schema".to_owned(), json!(DRAFT_2020_12));
            map.insert("$id".to_owned(), json!(id));
            if let Value::Object(rest) = schema {
                map.extend(rest);
            }
            Value::Object(map)
        }
        Dialect::OpenApi3 => to_openapi3(schema),
    }
}

/// A draft 2020-12 schema as an OpenAPI 3.0 schema object: `const: x` becomes `enum: [x]`,
/// `examples` its first as `example`; `$schema` and `$id` go.
fn to_openapi3(schema: Value) -> Value {
    match schema {
        Value::Object(map) => {
            let mut out = Map::new();
            for (key, value) in map {
                match key.as_str() {
                    "$schema" | "$id" => {}
                    "const" => {
                        out.insert("enum".to_owned(), Value::Array(vec![value]));
                    }
                    "examples" => {
                        if let Some(first) = value.as_array().and_then(|a| a.first()) {
                            out.insert("example".to_owned(), first.clone());
                        }
                    }
                    // Property names and `default`/`example` values are data, not schemas.
                    "properties" => {
                        let properties = match value {
                            Value::Object(p) => {
                                p.into_iter().map(|(k, v)| (k, to_openapi3(v))).collect()
                            }
                            other => other,
                        };
                        out.insert(key, properties);
                    }
                    "not" | "items" | "additionalProperties" => {
                        out.insert(key, to_openapi3(value));
                    }
                    "allOf" | "anyOf" | "oneOf" => {
                        let list = match value {
                            Value::Array(a) => {
                                Value::Array(a.into_iter().map(to_openapi3).collect())
                            }
                            other => other,
                        };
                        out.insert(key, list);
                    }
                    _ => {
                        out.insert(key, value);
                    }
                }
            }
            Value::Object(out)
        }
        other => other,
    }
}

fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_else(|_| value.to_string())
}

/// The schema of one enum option: a string `enum` of its wire values, with its default if it
/// has one.
fn enum_schema(description: &str, values: &[&str], default: Option<&str>) -> Value {
    let mut s = json!({
        "description": description,
        "type": "string",
        "enum": values,
    });
    if let Some(default) = default {
        s["default"] = json!(default);
    }
    s
}

/// `JsonSchema` for the generated option enums.
#[doc(hidden)]
pub fn wire_enum_schema<T: WireEnum>(default: Option<T>) -> Schema {
    to_schema(enum_schema(
        T::DESCRIPTION,
        T::WIRE_VALUES,
        default.map(T::wire),
    ))
}

/// A spec's decimal as a JSON number: a whole one as an integer (`0`, `1`), any other as the
/// nearest double, which prints back as the decimal (the specs' bounds have a few digits).
fn json_number(d: rust_decimal::Decimal) -> Value {
    let d = d.normalize();
    match i64::try_from(d) {
        Ok(i) if d.fract().is_zero() => json!(i),
        // Read by serde_json's own number parser (core's `f64` parser would be a second one
        // in the WebAssembly package).
        _ => serde_json::from_str::<serde_json::Number>(&d.to_string())
            .map_or(Value::Null, Value::Number),
    }
}

fn option_schema(option: &OptionSpec) -> Value {
    let mut s = match option.kind {
        OptionKind::Text {
            examples,
            max_length,
        } => {
            let mut s = json!({
                "description": option.description,
                "type": "string",
                "minLength": 1,
                "pattern": non_blank_pattern(),
            });
            if let Some(max) = max_length {
                s["maxLength"] = json!(max);
            }
            if !examples.is_empty() {
                s["examples"] = json!(examples);
            }
            s
        }
        OptionKind::Number { minimum, maximum } => json!({
            "description": option.description,
            "type": "number",
            "minimum": json_number(minimum),
            "maximum": json_number(maximum),
        }),
        OptionKind::List {
            min_items,
            max_items,
            item,
        } => {
            let items = match item {
                ListItem::Text => json!({
                    "type": "string",
                    "minLength": 1,
                    "pattern": non_blank_pattern(),
                }),
                // An object of the item's fields; closed unless the page's copy is cut inside
                // them.
                ListItem::Object { fields, open } => {
                    let mut properties = serde_json::Map::new();
                    for field in fields {
                        properties.insert(field.name.to_owned(), option_schema(field));
                    }
                    let mut s = json!({ "type": "object", "properties": properties });
                    let required = fields
                        .iter()
                        .filter(|f| f.required)
                        .map(|f| f.name)
                        .collect();
                    set_required(&mut s, required);
                    if !open {
                        s["additionalProperties"] = json!(false);
                    }
                    s
                }
            };
            let mut s = json!({
                "description": option.description,
                "type": "array",
                "items": items,
            });
            if min_items > 0 {
                s["minItems"] = json!(min_items);
            }
            if let Some(max) = max_items {
                s["maxItems"] = json!(max);
            }
            s
        }
        OptionKind::Enum { values, .. } => enum_schema(option.description, values, None),
        OptionKind::Bool { .. } => json!({
            "description": option.description,
            "type": "boolean",
        }),
        // A string-typed integer: every string it takes (JSON Schema cannot compare the number
        // a string writes; the generator keeps the list under 1000).
        OptionKind::Integer {
            minimum,
            maximum,
            values,
            string: true,
            ..
        } => {
            json!({
                "description": option.description,
                "type": "string",
                "enum": integer_strings(minimum, maximum, values, i64::MIN..=i64::MAX),
            })
        }
        OptionKind::Integer {
            minimum,
            maximum,
            values,
            ..
        } => {
            let mut s = json!({
                "description": option.description,
                "type": "integer",
                "minimum": minimum,
                "maximum": maximum,
            });
            if !values.is_empty() {
                s["enum"] = json!(values);
            }
            s
        }
    };
    if let Some(default) = option.default_value() {
        s["default"] = json!(default);
    }
    s
}

/// The schema of a rule: an object with the rule's values. An option left out takes its
/// default, so a condition on a default value also matches its absence; any other condition
/// needs the option present.
fn rule_schema(rule: &Rule, spec: &ModelSpec) -> Value {
    Branch::new(
        &format!("{} (rule {})", rule.message, rule.id),
        rule.when,
        spec,
    )
    .finish()
}

/// One forbidden combination being written: an object whose `properties` the conditions
/// constrain, with the names it must hold (`required`) and those it must not (`absent`, one
/// `not` for them all: any of them present, and the branch does not match).
struct Branch {
    schema: Value,
    required: Vec<&'static str>,
    absent: Vec<&'static str>,
}

impl Branch {
    /// The branch of `when`'s conditions. An option left out takes its default, so a condition
    /// its default meets also holds when it is absent; a list left out has no items.
    fn new(description: &str, when: &[Condition], spec: &ModelSpec) -> Self {
        let mut b = Branch {
            schema: json!({
                "description": description,
                "type": "object",
                "properties": {},
            }),
            required: Vec::new(),
            absent: Vec::new(),
        };
        for c in when {
            let option = &spec.options[c.option];
            let default = option.default_slot();
            let has_default = option.has_default();
            let (property, absent_holds) = match c.test {
                Test::Is { value, slot } => {
                    (json!({ "const": value }), has_default && default == slot)
                }
                Test::OneOf { values, slots } => (
                    json!({ "enum": values }),
                    has_default && slots.contains(&default),
                ),
                Test::Range { minimum, maximum } => (
                    match option.kind {
                        // Written as strings: the ones in the range (JSON Schema cannot read
                        // the number a string writes).
                        OptionKind::Integer {
                            minimum: lo,
                            maximum: hi,
                            values,
                            string: true,
                            ..
                        } => json!({
                            "enum": integer_strings(lo, hi, values, minimum..=maximum),
                        }),
                        _ => json!({ "type": "integer", "minimum": minimum, "maximum": maximum }),
                    },
                    has_default && (minimum..=maximum).contains(&default),
                ),
                Test::Given(true) => {
                    b.required.push(c.name);
                    continue;
                }
                Test::Given(false) => {
                    b.absent.push(c.name);
                    continue;
                }
                Test::Items {
                    min_items,
                    max_items,
                } => (count_schema(min_items, max_items), min_items == 0),
            };
            b.schema["properties"][c.name] = property;
            if !absent_holds {
                b.required.push(c.name);
            }
        }
        b
    }

    /// The branch as a schema.
    fn finish(mut self) -> Value {
        set_required(&mut self.schema, self.required);
        match self.absent.as_slice() {
            [] => {}
            [one] => self.schema["not"] = json!({ "required": [one] }),
            many => {
                let any: Vec<Value> = many.iter().map(|n| json!({ "required": [n] })).collect();
                self.schema["not"] = json!({ "anyOf": any });
            }
        }
        self.schema
    }
}

/// The strings a string-typed integer from `minimum` to `maximum` (one of `values`, if any)
/// takes within `within`, ascending.
fn integer_strings(
    minimum: i64,
    maximum: i64,
    values: &[i64],
    within: std::ops::RangeInclusive<i64>,
) -> Vec<String> {
    let all: Vec<i64> = if values.is_empty() {
        (minimum..=maximum).collect()
    } else {
        values.to_vec()
    };
    all.into_iter()
        .filter(|n| within.contains(n))
        .map(|n| n.to_string())
        .collect()
}

/// An array of `min_items` to `max_items` items (`type` for ajv's strict mode).
fn count_schema(min_items: u32, max_items: Option<u32>) -> Value {
    let mut count = json!({ "type": "array" });
    if min_items > 0 {
        count["minItems"] = json!(min_items);
    }
    if let Some(max) = max_items {
        count["maxItems"] = json!(max);
    }
    count
}

/// `required`, if not empty: draft 4, and so OpenAPI 3.0, wants at least one name there.
fn set_required(schema: &mut Value, required: Vec<&str>) {
    if !required.is_empty() {
        schema["required"] = json!(required);
    }
}

/// The `args` schema of `spec`'s model, without `$schema`/`$id`, in draft 2020-12 form.
fn args_object(spec: &ModelSpec) -> Value {
    let properties: Map<String, Value> = spec
        .options
        .iter()
        .map(|o| (o.name.to_owned(), option_schema(o)))
        .collect();
    let required: Vec<&str> = spec
        .options
        .iter()
        .filter(|o| o.is_required())
        .map(|o| o.name)
        .collect();
    let mut schema = json!({
        "title": format!("{}Args", type_name(spec.model)),
        "description": format!(
            "The args of a {} ({}) create-job request; options left out take their default.",
            spec.name, spec.id
        ),
        "type": "object",
        "properties": properties,
        // A page cut inside its option list may have options after the cut: open.
        "additionalProperties": spec.cut_after.is_some(),
    });
    set_required(&mut schema, required);
    if !spec.rules.is_empty() || !spec.requirements.is_empty() || !spec.limits.is_empty() {
        // One `not` beside the properties: code generators that ignore `not` still see a
        // closed object (an `allOf` of rules would widen it to any keys). A conditional
        // requirement is a combination refused too: its conditions with the field left out
        // (or, for an exclusion, given), which both dialects say without `if`/`then`; so is a
        // limit: its conditions with the list's count outside it.
        let rules: Vec<Value> = spec
            .rules
            .iter()
            .map(|r| rule_schema(r, spec))
            .chain(
                spec.requirements
                    .iter()
                    .map(|r| requirement_schema(r, spec)),
            )
            .chain(spec.limits.iter().flat_map(|l| limit_schemas(l, spec)))
            .collect();
        schema["not"] = json!({
            "description": "Forbidden combinations: args matching any of these are refused.",
            "anyOf": rules,
        });
    }
    if !spec.totals.is_empty() {
        // What JSON Schema cannot say (a count across lists), as an extension keyword in the
        // manner of Kubernetes' `x-kubernetes-validations`: an id, a message and a
        // machine-readable form. Validators ignore it unless told (ajv in strict mode is
        // told it is a keyword); the checker applies it.
        // The same objects as `models`' JSON writes (`Total`'s serialization).
        schema[TOTALS_KEYWORD] = serde_json::to_value(spec.totals).unwrap_or_default();
    }
    if !spec.sums.is_empty() {
        // A sum over a list's items, which JSON Schema cannot say either: the same kind of
        // extension keyword.
        schema[SUMS_KEYWORD] = serde_json::to_value(spec.sums).unwrap_or_default();
    }
    if !spec.relations.is_empty() {
        // A product or ratio of two options, which JSON Schema cannot compute: the same kind
        // of extension keyword.
        schema[RELATIONS_KEYWORD] = serde_json::to_value(spec.relations).unwrap_or_default();
    }
    schema
}

/// The extension keyword of an `args` schema that carries the spec's totals: a list of
/// `{"id", "message", "count": [list names], "minimum"?, "maximum"?}`, each a limit on the
/// items of the named lists counted together.
pub const TOTALS_KEYWORD: &str = "x-shortapi-totals";

/// The extension keyword of an `args` schema that carries the spec's sums: a list of
/// `{"id", "message", "list", "field", "equals"}`, each saying that the `field` values of
/// the items of `list` add up to the option `equals`.
pub const SUMS_KEYWORD: &str = "x-shortapi-sums";

/// The extension keyword of an `args` schema that carries the spec's relations: a list of
/// `{"id", "message", "product": [a, b], "minimum"?, "maximum"?}` (whole numbers) or `{"id",
/// "message", "ratio": [a, b], "minimum"?, "maximum"?}` (`"n:d"` strings), each bounding the
/// product or the ratio of the two integer options, both ends included, when both are given.
pub const RELATIONS_KEYWORD: &str = "x-shortapi-relations";

/// The schema of a conditional requirement as a forbidden combination: the conditions with the
/// field absent (`[[requires]]`) or present (`[[excludes]]`).
fn requirement_schema(r: &Requirement, spec: &ModelSpec) -> Value {
    let description = format!("{} (requirement {})", r.message, r.id);
    let mut b = Branch::new(&description, r.when, spec);
    if r.present {
        b.absent.push(r.name);
    } else {
        b.required.push(r.name);
    }
    b.finish()
}

/// The schemas of a limit as forbidden combinations: its conditions with the option given and
/// outside the limit; and, when the option left out is outside it too (a list that must have
/// an item, a choice whose default is not allowed or that has none), with the option absent.
fn limit_schemas(l: &Limit, spec: &ModelSpec) -> Vec<Value> {
    let description = format!("{} (limit {})", l.message, l.id);
    let option = &spec.options[l.field];
    let (outside, absent_breaks) = match l.narrow {
        Narrow::Items {
            min_items,
            max_items,
        } => (count_schema(min_items, max_items), min_items > 0),
        Narrow::Values { values, slots } => (
            json!({ "enum": values }),
            !option.has_default() || !slots.contains(&option.default_slot()),
        ),
    };
    let mut given = Branch::new(&description, l.when, spec);
    given.schema["properties"][l.name] = json!({ "not": outside });
    given.required.push(l.name);
    let mut schemas = vec![given.finish()];
    if absent_breaks {
        let mut absent = Branch::new(&description, l.when, spec);
        absent.absent.push(l.name);
        schemas.push(absent.finish());
    }
    schemas
}

/// One model's create-job body, with `args` as given (inline or a `$ref`).
fn body_schema(spec: &ModelSpec, args: Value) -> Value {
    json!({
        "title": format!("{}Request", type_name(spec.model)),
        "description": format!("A create-job request body for {} ({}).", spec.name, spec.id),
        "type": "object",
        "properties": {
            "model": { "description": "The model id.", "type": "string", "const": spec.id },
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

const REQUEST_DESCRIPTION: &str =
    "A create-job request body: `model` names the model and decides which args apply.";

fn request_2020_12() -> Value {
    let bodies: Vec<Value> = Model::ALL
        .into_iter()
        .map(|m| body_schema(m.spec(), args_object(m.spec())))
        .collect();
    json!({
        "title": "CreateJobRequest",
        "description": REQUEST_DESCRIPTION,
        "oneOf": bodies,
    })
}

fn openapi_request() -> Value {
    let refs: Vec<Value> = Model::ALL
        .into_iter()
        .map(|m| json!({ "$ref": format!("{COMPONENTS}{}Request", type_name(m)) }))
        .collect();
    let mapping: Map<String, Value> = Model::ALL
        .into_iter()
        .map(|m| {
            let to = format!("{COMPONENTS}{}Request", type_name(m));
            (m.id().to_owned(), Value::String(to))
        })
        .collect();
    json!({
        "description": REQUEST_DESCRIPTION,
        "oneOf": refs,
        "discriminator": { "propertyName": "model", "mapping": mapping },
    })
}

fn response_schema() -> Value {
    json!({
        "title": "CreateJobResponse",
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

/// The catalog's create-job body ([`request`] in draft 2020-12, without `$schema`/`$id`).
impl JsonSchema for CreateJobRequest {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("CreateJobRequest")
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        to_schema(request_2020_12())
    }
}

/// The create-job response ([`response`]).
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Model;

    /// A range condition on a string-typed integer (Vidu Q2 image-to-video's duration, `"1"`
    /// to `"10"`, default 5, option 2) is the strings in the range: `type: integer` would
    /// never match a string, and the branch would never apply.
    #[test]
    fn a_range_condition_on_a_string_integer_lists_its_strings() {
        let spec = Model::ViduQ2ImageToVideo.spec();
        let on = |minimum, maximum| {
            Branch::new(
                "d",
                &[Condition {
                    option: 2,
                    name: "duration",
                    test: Test::Range { minimum, maximum },
                }],
                spec,
            )
            .finish()
        };
        let branch = on(3, 5);
        assert_eq!(
            branch["properties"]["duration"],
            json!({ "enum": ["3", "4", "5"] })
        );
        // The default 5 is in the range: left out, the condition holds, so it is not required.
        assert_eq!(branch.get("required"), None);
        let branch = on(7, 40);
        assert_eq!(
            branch["properties"]["duration"],
            json!({ "enum": ["7", "8", "9", "10"] })
        );
        assert_eq!(branch["required"], json!(["duration"]));
        // An integer on the wire keeps its bounds (HappyHorse's duration, 3 to 15, option 3).
        let b = Branch::new(
            "d",
            &[Condition {
                option: 3,
                name: "duration",
                test: Test::Range {
                    minimum: 6,
                    maximum: 8,
                },
            }],
            Model::Happyhorse10TextToVideo.spec(),
        )
        .finish();
        assert_eq!(
            b["properties"]["duration"],
            json!({ "type": "integer", "minimum": 6, "maximum": 8 })
        );
        assert_eq!(b["required"], json!(["duration"]));
    }
}
