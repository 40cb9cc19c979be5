//! Checking untrusted JSON: a bare `args` object or a whole create-job body becomes typed
//! [`Args`] / [`CreateJobRequest`], or every [`Violation`] at once, each with a JSON pointer, a
//! stable [`Code`] and a message that says what is allowed.
//!
//! The checker walks the generated [`OPTIONS`] and [`RULES`] tables, so a value or rule added
//! to `spec/model.toml` is checked with no Rust edit.

mod json;

use std::fmt;

use serde::Serialize;

pub(crate) use json::Json;
use json::{pointer, short};

use crate::spec::{OptionKind, OptionSpec, QuotedList, WireValue};
use crate::{Args, CreateJobRequest, Options, MODEL_ID, OPTIONS, RULES};

/// What kind of problem a [`Violation`] is. Serialized in snake_case (`"missing_field"`); these
/// strings are stable.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Code {
    /// The input is not JSON (or not UTF-8).
    InvalidJson,
    /// A required field is absent (`prompt`, `model`, `args`).
    MissingField,
    /// A field has the wrong JSON type (a number for `duration`, a string for a bool, `null`).
    WrongType,
    /// A string that is not one of the allowed values.
    InvalidValue,
    /// A field the API does not document.
    UnknownField,
    /// A field given twice in one object.
    DuplicateField,
    /// `prompt` is empty or only white space.
    EmptyPrompt,
    /// The options break a rule of the spec (1080p at 10 s).
    UnsupportedCombination,
    /// `model` is not this crate's model id.
    WrongModel,
}

impl Code {
    /// The stable snake_case string: `"unsupported_combination"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Code::InvalidJson => "invalid_json",
            Code::MissingField => "missing_field",
            Code::WrongType => "wrong_type",
            Code::InvalidValue => "invalid_value",
            Code::UnknownField => "unknown_field",
            Code::DuplicateField => "duplicate_field",
            Code::EmptyPrompt => "empty_prompt",
            Code::UnsupportedCombination => "unsupported_combination",
            Code::WrongModel => "wrong_model",
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem with a request.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Violation {
    /// A JSON pointer (RFC 6901) to the value at fault, `""` for the whole input.
    pub path: String,
    /// What kind of problem it is.
    pub code: Code,
    /// What is wrong and what is allowed, for people.
    pub message: String,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() {
            "(root)"
        } else {
            &self.path
        };
        write!(f, "{path}: {} [{}]", self.message, self.code)
    }
}

/// Every problem found in one request, in input order. Serializes as `{"errors": [...]}`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Violations {
    errors: Vec<Violation>,
}

impl Violations {
    /// Violations from a list; `None` if it is empty (a verdict with no violation is not a
    /// rejection). For callers that add checks of their own.
    pub fn new(errors: Vec<Violation>) -> Option<Self> {
        (!errors.is_empty()).then_some(Violations { errors })
    }

    /// The violations (never empty).
    pub fn as_slice(&self) -> &[Violation] {
        &self.errors
    }

    /// Whether any violation has `code`.
    pub fn has(&self, code: Code) -> bool {
        self.errors.iter().any(|v| v.code == code)
    }
}

impl IntoIterator for Violations {
    type Item = Violation;
    type IntoIter = std::vec::IntoIter<Violation>;

    fn into_iter(self) -> Self::IntoIter {
        self.errors.into_iter()
    }
}

impl fmt::Display for Violations {
    /// One violation a line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, v) in self.errors.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            v.fmt(f)?;
        }
        Ok(())
    }
}

impl std::error::Error for Violations {}

/// Checks a request given either as the bare `args` object or as a whole create-job body (told
/// apart by a top-level `model`, `args` or `callback_url` key).
///
/// ```
/// use pixverse_pricing::{check, Code, Resolution};
///
/// let request = check(r#"{"prompt": "a black lab swimming", "resolution": "1080p"}"#)?;
/// assert_eq!(request.args.options.resolution, Resolution::P1080);
///
/// let errors = check(r#"{"prompt": " ", "duration": 10, "resolution": "4k"}"#).unwrap_err();
/// let found: Vec<_> = errors.as_slice().iter().map(|v| (v.path.as_str(), v.code)).collect();
/// assert_eq!(
///     found,
///     [("/prompt", Code::EmptyPrompt), ("/duration", Code::WrongType), ("/resolution", Code::InvalidValue)]
/// );
/// # Ok::<(), pixverse_pricing::Violations>(())
/// ```
pub fn check(json: impl AsRef<[u8]>) -> Result<CreateJobRequest, Violations> {
    let value = parse(json.as_ref())?;
    let is_body = matches!(&value, Json::Object(fields)
        if fields.iter().any(|(k, _)| BODY_FIELDS.contains(&k.as_ref())));
    if is_body {
        request_from_json(&value)
    } else {
        args_from_json(&value).map(CreateJobRequest::new)
    }
}

/// Checks a bare `args` object.
pub fn check_args(json: impl AsRef<[u8]>) -> Result<Args, Violations> {
    args_from_json(&parse(json.as_ref())?)
}

/// Checks a whole create-job body, `{"model", "args", "callback_url"}`.
pub fn check_request(json: impl AsRef<[u8]>) -> Result<CreateJobRequest, Violations> {
    request_from_json(&parse(json.as_ref())?)
}

const BODY_FIELDS: [&str; 3] = ["model", "args", "callback_url"];

fn parse(bytes: &[u8]) -> Result<Json<'_>, Violations> {
    serde_json::from_slice(bytes).map_err(|e| Violations {
        errors: vec![Violation {
            path: String::new(),
            code: Code::InvalidJson,
            message: format!("not valid JSON: {e}"),
        }],
    })
}

/// Collects violations while a request is walked.
#[derive(Default)]
struct Report {
    errors: Vec<Violation>,
}

impl Report {
    fn add(&mut self, path: String, code: Code, message: String) {
        self.errors.push(Violation {
            path,
            code,
            message,
        });
    }

    fn finish<T>(self, value: Option<T>) -> Result<T, Violations> {
        match value {
            Some(value) if self.errors.is_empty() => Ok(value),
            _ => Err(Violations {
                errors: self.errors,
            }),
        }
    }
}

pub(crate) fn args_from_json(value: &Json<'_>) -> Result<Args, Violations> {
    let mut report = Report::default();
    let args = args_at(value, "", &mut report);
    report.finish(args)
}

pub(crate) fn request_from_json(value: &Json<'_>) -> Result<CreateJobRequest, Violations> {
    let mut report = Report::default();
    let request = body_at(value, &mut report);
    report.finish(request)
}

/// The object's fields, or a `wrong_type` violation.
fn object<'j, 'a>(
    value: &'j Json<'a>,
    path: &str,
    what: &str,
    report: &mut Report,
) -> Option<&'j [(std::borrow::Cow<'a, str>, Json<'a>)]> {
    match value {
        Json::Object(fields) => Some(fields),
        other => {
            report.add(
                path.to_owned(),
                Code::WrongType,
                format!("{what} must be a JSON object, not {}", other.describe()),
            );
            None
        }
    }
}

/// Reports a key seen before in the same object; returns whether it was a duplicate.
fn duplicate(seen: &mut Vec<String>, key: &str, path: &str, report: &mut Report) -> bool {
    if seen.iter().any(|k| k == key) {
        report.add(
            path.to_owned(),
            Code::DuplicateField,
            format!(
                "field {:?} is given more than once; give it once",
                short(key)
            ),
        );
        return true;
    }
    seen.push(key.to_owned());
    false
}

fn body_at(value: &Json<'_>, report: &mut Report) -> Option<CreateJobRequest> {
    let fields = object(value, "", "a create-job body", report)?;
    let mut seen = Vec::new();
    let mut args = None;
    let mut callback_url = None;
    let mut args_given = false;
    let mut model_given = false;
    for (key, value) in fields {
        let path = pointer("", key);
        if duplicate(&mut seen, key, &path, report) {
            continue;
        }
        match key.as_ref() {
            "model" => {
                model_given = true;
                match value {
                    Json::Str(s) if s == MODEL_ID => {}
                    Json::Str(s) => report.add(
                        path,
                        Code::WrongModel,
                        format!(
                            "model must be {MODEL_ID:?}, the model this crate prices; got {:?}",
                            short(s)
                        ),
                    ),
                    other => report.add(
                        path,
                        Code::WrongType,
                        format!(
                            "model must be the string {MODEL_ID:?}, not {}",
                            other.describe()
                        ),
                    ),
                }
            }
            "args" => {
                args_given = true;
                args = args_at(value, "/args", report);
            }
            "callback_url" => match value {
                Json::Str(s) if is_http_url(s) => callback_url = Some(s.to_string()),
                Json::Str(s) => report.add(
                    path,
                    Code::InvalidValue,
                    format!(
                        "callback_url must be an absolute http:// or https:// URL; got {:?}",
                        short(s)
                    ),
                ),
                other => report.add(
                    path,
                    Code::WrongType,
                    format!(
                        "callback_url must be a URL string, not {}; leave it out for no callback",
                        other.describe()
                    ),
                ),
            },
            other => report.add(
                path,
                Code::UnknownField,
                format!(
                    "unknown field {:?} in the create-job body; allowed fields: {}",
                    short(other),
                    QuotedList(&BODY_FIELDS)
                ),
            ),
        }
    }
    if !model_given {
        report.add(
            "/model".to_owned(),
            Code::MissingField,
            format!("model is required: {MODEL_ID:?}"),
        );
    }
    if !args_given {
        report.add(
            "/args".to_owned(),
            Code::MissingField,
            "args is required: an object with at least a prompt".to_owned(),
        );
    }
    Some(CreateJobRequest {
        args: args?,
        callback_url,
    })
}

/// An absolute http(s) URL with a host and no white space.
fn is_http_url(s: &str) -> bool {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    rest.is_some_and(|r| {
        !r.is_empty() && !r.starts_with('/') && !r.chars().any(char::is_whitespace)
    })
}

fn args_at(value: &Json<'_>, base: &str, report: &mut Report) -> Option<Args> {
    let fields = object(value, base, "args", report)?;
    let mut seen = Vec::new();
    let mut prompt: Option<String> = None;
    let mut prompt_given = false;
    let mut options = Options::DEFAULT;
    // Options given with a valid value, and options whose value was refused.
    let mut given: Vec<&'static str> = Vec::new();
    let mut failed: Vec<&'static str> = Vec::new();
    for (key, value) in fields {
        let path = pointer(base, key);
        let spec = OptionSpec::find(key);
        if duplicate(&mut seen, key, &path, report) {
            failed.extend(spec.map(|s| s.name));
            continue;
        }
        let Some(spec) = spec else {
            let names: Vec<&str> = OPTIONS.iter().map(|o| o.name).collect();
            report.add(
                path,
                Code::UnknownField,
                format!(
                    "unknown field {:?}; allowed fields: {}",
                    short(key),
                    QuotedList(&names)
                ),
            );
            continue;
        };
        match spec.kind {
            OptionKind::Text { .. } => {
                prompt_given = true;
                match value {
                    Json::Str(s) if s.trim().is_empty() => report.add(
                        path,
                        Code::EmptyPrompt,
                        format!("{} must not be empty or blank", spec.name),
                    ),
                    Json::Str(s) => prompt = Some(s.to_string()),
                    other => report.add(
                        path,
                        Code::WrongType,
                        format!("{} must be a string, not {}", spec.name, other.describe()),
                    ),
                }
            }
            OptionKind::Enum { values, default } => match value {
                Json::Str(s) => match options.set(spec.name, WireValue::Str(s)) {
                    Ok(()) => given.push(spec.name),
                    Err(_) => {
                        failed.push(spec.name);
                        report.add(
                            path,
                            Code::InvalidValue,
                            format!(
                                "{:?} is not an allowed {}; allowed: {} (default {default:?})",
                                short(s),
                                spec.name,
                                QuotedList(values)
                            ),
                        );
                    }
                },
                other => {
                    failed.push(spec.name);
                    let hint = match other {
                        Json::Number(n) if values.contains(&n.to_string().as_str()) => {
                            format!("; write the string \"{n}\"")
                        }
                        Json::Null => format!("; leave it out for the default {default:?}"),
                        _ => String::new(),
                    };
                    report.add(
                        path,
                        Code::WrongType,
                        format!(
                            "{} must be a string, not {}{hint}; allowed: {}",
                            spec.name,
                            other.describe(),
                            QuotedList(values)
                        ),
                    );
                }
            },
            OptionKind::Bool { default } => match value {
                Json::Bool(b) => {
                    // Cannot fail: the name is a bool option and the value a bool.
                    if options.set(spec.name, WireValue::Bool(*b)).is_ok() {
                        given.push(spec.name);
                    }
                }
                other => {
                    failed.push(spec.name);
                    let hint = match other {
                        Json::Str(s) if s == "true" || s == "false" => {
                            format!("; write {s} without quotes")
                        }
                        Json::Null => format!("; leave it out for the default {default}"),
                        _ => String::new(),
                    };
                    report.add(
                        path,
                        Code::WrongType,
                        format!(
                            "{} must be true or false, not {}{hint}",
                            spec.name,
                            other.describe()
                        ),
                    );
                }
            },
        }
    }
    if !prompt_given {
        report.add(
            pointer(base, "prompt"),
            Code::MissingField,
            "prompt is required: the text to make a video of".to_owned(),
        );
    }
    for (index, rule) in RULES.iter().enumerate() {
        let evaluable = !rule.when.iter().any(|(option, _)| failed.contains(option));
        if evaluable && options.breaks(index) {
            // Point at the last option of the rule the request gave explicitly.
            let at = rule
                .when
                .iter()
                .rev()
                .map(|(o, _)| *o)
                .find(|o| given.contains(o));
            let path = at.map_or_else(|| base.to_owned(), |o| pointer(base, o));
            let mut message = rule.to_string();
            if let Some(option) = at {
                let ok = allowed_values(&options, option);
                if !ok.is_empty() {
                    message.push_str(&format!(
                        "; with the other options as given, {option} may be {}",
                        ok.join(", ")
                    ));
                }
            }
            report.add(path, Code::UnsupportedCombination, message);
        }
    }
    let prompt = prompt?;
    Some(Args { prompt, options })
}

/// The values of `option` that, with the rest of `options` unchanged, break no rule.
fn allowed_values(options: &Options, option: &str) -> Vec<String> {
    let Some(spec) = OptionSpec::find(option) else {
        return Vec::new();
    };
    let candidates: Vec<WireValue<'static>> = match spec.kind {
        OptionKind::Enum { values, .. } => values.iter().map(|v| WireValue::Str(v)).collect(),
        OptionKind::Bool { .. } => vec![WireValue::Bool(false), WireValue::Bool(true)],
        OptionKind::Text { .. } => Vec::new(),
    };
    candidates
        .into_iter()
        .filter(|&v| {
            let mut o = *options;
            o.set(option, v).is_ok() && (0..RULES.len()).all(|i| !o.breaks(i))
        })
        .map(|v| v.to_string())
        .collect()
}
