//! Checking untrusted JSON: a bare `args` object or a whole create-job body becomes typed
//! [`Args`] / [`CreateJobRequest`], or every [`Violation`] at once, each with a JSON pointer, a
//! stable [`Code`] and a message that says what is allowed.
//!
//! The checker walks the generated [`OPTIONS`](crate::OPTIONS) and [`RULES`](crate::RULES)
//! tables, so a value or rule added to `spec/model.toml` is checked with no Rust edit. It judges
//! each field as the JSON parser reaches it, in one pass, and builds nothing for a valid field
//! but its typed value.

mod fast;
mod walk;

use std::fmt;

use serde::de::DeserializeSeed;
use serde::Serialize;

pub(crate) use walk::{short, Form, Request};

use crate::{Args, CreateJobRequest, Quote};

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
    run(json.as_ref(), Form::Auto, true)
}

/// Checks a bare `args` object.
pub fn check_args(json: impl AsRef<[u8]>) -> Result<Args, Violations> {
    run(json.as_ref(), Form::Args, true).map(|request| request.args)
}

/// Checks a whole create-job body, `{"model", "args", "callback_url"}`.
pub fn check_request(json: impl AsRef<[u8]>) -> Result<CreateJobRequest, Violations> {
    run(json.as_ref(), Form::Body, true)
}

/// Checks a request (either form, like [`check`]) and prices it: the pre-flight quote. It
/// does not copy the prompt out, so it allocates nothing for a valid request.
///
/// ```
/// use pixverse_pricing::quote_json;
///
/// let quote = quote_json(r#"{"prompt": "a cat", "resolution": "540p", "duration": "8"}"#)?;
/// assert_eq!(quote.amount().to_string(), "0.255");
/// # Ok::<(), pixverse_pricing::Violations>(())
/// ```
pub fn quote_json(json: impl AsRef<[u8]>) -> Result<Quote, Violations> {
    let request = run(json.as_ref(), Form::Auto, false)?;
    // The checker applies every rule, so this cannot fail; if it did, it would be reported.
    request
        .args
        .options
        .quote()
        .map_err(|unsupported| Violations {
            errors: vec![unsupported.into()],
        })
}

/// A broken rule as a violation of the whole request (`unsupported_combination` at `""`).
impl From<crate::Unsupported> for Violation {
    fn from(unsupported: crate::Unsupported) -> Violation {
        Violation {
            path: String::new(),
            code: Code::UnsupportedCombination,
            message: unsupported.to_string(),
        }
    }
}

/// Judges `bytes`: the fast path for a plainly valid request, else the full checker.
fn run(bytes: &[u8], form: Form, keep_prompt: bool) -> Result<CreateJobRequest, Violations> {
    match fast::judge(bytes, form, keep_prompt) {
        Some(Ok(request)) => Ok(request),
        Some(Err(errors)) => Err(Violations { errors }),
        None => run_slow(bytes, form, keep_prompt),
    }
}

/// Parses and judges `bytes` in one pass, explaining every violation.
fn run_slow(bytes: &[u8], form: Form, keep_prompt: bool) -> Result<CreateJobRequest, Violations> {
    if bytes.starts_with(b"\xef\xbb\xbf") {
        return Err(Violations {
            errors: vec![Violation {
                path: String::new(),
                code: Code::InvalidJson,
                message: "the input starts with a UTF-8 byte order mark (EF BB BF), which JSON text must not have; remove it"
                    .to_owned(),
            }],
        });
    }
    // Values the checker skips are not decoded, so check the whole text once: invalid UTF-8
    // anywhere, even in an ignored field, makes the input not JSON.
    if let Err(e) = std::str::from_utf8(bytes) {
        return Err(Violations {
            errors: vec![Violation {
                path: String::new(),
                code: Code::InvalidJson,
                message: format!("not valid JSON: invalid UTF-8 at byte {}", e.valid_up_to()),
            }],
        });
    }
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let outcome = Request { form, keep_prompt }
        .deserialize(&mut de)
        .and_then(|o| de.end().map(|()| o));
    match outcome {
        Ok(Ok(request)) => Ok(request),
        Ok(Err(errors)) => Err(Violations { errors }),
        Err(e) => Err(Violations {
            errors: vec![Violation {
                path: String::new(),
                code: Code::InvalidJson,
                message: format!("not valid JSON: {e}"),
            }],
        }),
    }
}

/// `Deserialize` for [`Args`] and [`CreateJobRequest`]: the same checks, over any deserializer;
/// the error lists every violation.
pub(crate) fn deserialize<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
    form: Form,
) -> Result<CreateJobRequest, D::Error> {
    match (Request {
        form,
        keep_prompt: true,
    })
    .deserialize(deserializer)?
    {
        Ok(request) => Ok(request),
        Err(errors) => Err(serde::de::Error::custom(Violations { errors })),
    }
}
