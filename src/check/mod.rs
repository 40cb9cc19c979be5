//! Checking untrusted JSON: a whole create-job body (dispatched on its `model`) or a bare
//! `args` object of a named model becomes [`CreateJobRequest`] / [`Args`], or every
//! [`Violation`] at once, each with a JSON pointer, a stable [`Code`] and a message that says
//! what is allowed.
//!
//! The checker walks the model's generated tables ([`Model::spec`]), so a model, value or rule
//! added in `spec/models/` is checked with no Rust edit; every model's violations use the same
//! codes and pointers. It judges each field as the JSON parser reaches it, in one pass, and
//! builds nothing for a valid field but its value. (An `args` that comes before `model` in a
//! body is kept as its scalar values until the model is known, then judged the same way.)

mod fast;
mod walk;

use std::fmt;

use serde::de::DeserializeSeed;
use serde::Serialize;

pub(crate) use walk::{
    broken_limits, broken_relations, broken_requirements, broken_rules, broken_sum, broken_totals,
    exact_number, object_items, pointer, short, unholdable, Request,
};

/// `1 item`, `3 items`, `0 items`: a count of a list's items in a message.
pub(crate) fn items(n: usize) -> String {
    if n == 1 {
        "1 item".to_owned()
    } else {
        format!("{n} items")
    }
}

use crate::{Args, CreateJobRequest, Model, Quote, Selection};

/// What form of input a check expects.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Expect {
    /// A whole create-job body, `{"model", "args", "callback_url"}`; its `model` picks the
    /// model.
    Body,
    /// The bare `args` object of this model.
    Args(Model),
    /// Either, told apart by a top-level `model`, `args` or `callback_url` key; bare args are
    /// read as this model's (and refused if it is `None`). A body's own `model` decides.
    Either(Option<Model>),
}

/// What kind of problem a [`Violation`] is. Serialized in snake_case (`"missing_field"`); these
/// strings are stable.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Code {
    /// The input is not JSON (or not UTF-8).
    InvalidJson,
    /// A required field is absent (`prompt`, `image`, `model`, `args`).
    MissingField,
    /// A field has the wrong JSON type (a number for `duration`, a string for a bool, `null`).
    WrongType,
    /// A string that is not one of the allowed values.
    InvalidValue,
    /// A field the API does not document.
    UnknownField,
    /// A field given twice in one object.
    DuplicateField,
    /// A free-text input (`prompt`, `image`) is empty or only white space.
    EmptyText,
    /// An integer outside its option's range.
    OutOfRange,
    /// A free-text input (or a list item) longer than the page allows, in Unicode scalar
    /// values (as JSON Schema's `maxLength` counts).
    TooLong,
    /// A list with fewer items than the page allows (a required list given empty).
    TooFewItems,
    /// A list with more items than the page allows (more than 10 images to edit).
    TooManyItems,
    /// The options break a rule of the spec (1080p at 10 s).
    UnsupportedCombination,
    /// A field the page requires when other options have some values is left out
    /// (`voice_id` when `generate_audio` is true); the path is where it belongs.
    ConditionallyRequired,
    /// A field the page refuses when other options have some values is given.
    ConditionallyForbidden,
    /// Several lists together take more items than the page allows (Wan 2.6
    /// reference-to-video: images and videos together at most 5); the path is the last of
    /// the lists the request gave.
    TooManyInTotal,
    /// Several lists together take fewer items than the page asks.
    TooFewInTotal,
    /// A list's items' values do not add up to the option they must equal (Kling 3.0: the
    /// shots' durations add up to `duration`); the path is the list.
    WrongSum,
    /// The product of two options is outside the page's range (Wan 2.6 text-to-image: width
    /// × height from 1280 × 1280 to 1440 × 1440); the path is the later of the two.
    ProductOutOfRange,
    /// The ratio of two options is outside the page's range (Wan 2.6 text-to-image: width :
    /// height from 1:4 to 4:1); the path is the later of the two.
    RatioOutOfRange,
    /// `model` is not a model id the crate knows (or bare args name no model).
    UnknownModel,
    /// The page does not let a price be computed for these options (a quote only; the request
    /// itself may be valid).
    Unpriced,
    /// The price multiplies a quantity the request does not carry (the seconds of an input
    /// video): a quote needs it measured (a quote only).
    NeedsUsage,
    /// A measured quantity given with a quote is unknown to the model, outside the page's
    /// range, or too precise to multiply exactly.
    InvalidUsage,
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
            Code::EmptyText => "empty_text",
            Code::OutOfRange => "out_of_range",
            Code::TooLong => "too_long",
            Code::TooFewItems => "too_few_items",
            Code::TooManyItems => "too_many_items",
            Code::UnsupportedCombination => "unsupported_combination",
            Code::ConditionallyRequired => "conditionally_required",
            Code::ConditionallyForbidden => "conditionally_forbidden",
            Code::TooManyInTotal => "too_many_in_total",
            Code::TooFewInTotal => "too_few_in_total",
            Code::WrongSum => "wrong_sum",
            Code::ProductOutOfRange => "product_out_of_range",
            Code::RatioOutOfRange => "ratio_out_of_range",
            Code::UnknownModel => "unknown_model",
            Code::Unpriced => "unpriced",
            Code::NeedsUsage => "needs_usage",
            Code::InvalidUsage => "invalid_usage",
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

/// Every problem found in one request, in input order. Serializes as `{"errors": [...]}`;
/// displays as one violation a line.
///
/// ```
/// use shortapi_pricing::{check_args, Code, Model};
///
/// let errors = check_args(Model::Pixverse55TextToVideo, r#"{"prompt": "", "fps": 24}"#).unwrap_err();
/// assert!(errors.has(Code::EmptyText) && errors.has(Code::UnknownField));
/// assert!(!errors.has(Code::MissingField));
/// let text = errors.to_string();
/// let lines: Vec<&str> = text.lines().collect();
/// assert_eq!(lines.len(), 2);
/// assert!(lines[0].starts_with("/prompt: prompt must not be empty or blank [empty_text]"), "{text}");
/// assert!(lines[1].starts_with("/fps: ") && lines[1].ends_with("[unknown_field]"), "{text}");
/// ```
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

/// Checks a whole create-job body of any model: its `model` picks the tables its `args` are
/// checked against.
///
/// ```
/// use shortapi_pricing::models::pixverse_5_5_text_to_video::{Options, Resolution};
/// use shortapi_pricing::{check, Code};
///
/// let request = check(r#"{"model": "pixverse/pixverse-5.5/text-to-video",
///                         "args": {"prompt": "a black lab swimming", "resolution": "1080p"}}"#)?;
/// assert_eq!(request.args.options::<Options>().unwrap().resolution, Resolution::P1080);
///
/// let errors = check(r#"{"model": "pixverse/pixverse-6.0/image-to-video",
///                        "args": {"prompt": " ", "duration": 10}}"#).unwrap_err();
/// let found: Vec<_> = errors.as_slice().iter().map(|v| (v.path.as_str(), v.code)).collect();
/// assert_eq!(
///     found,
///     [("/args/prompt", Code::EmptyText), ("/args/duration", Code::WrongType), ("/args/image", Code::MissingField)]
/// );
/// # Ok::<(), shortapi_pricing::Violations>(())
/// ```
pub fn check(json: impl AsRef<[u8]>) -> Result<CreateJobRequest, Violations> {
    run(json.as_ref(), Expect::Body)
}

/// Checks the bare `args` object of `model`.
pub fn check_args(model: Model, json: impl AsRef<[u8]>) -> Result<Args, Violations> {
    run::<CreateJobRequest>(json.as_ref(), Expect::Args(model)).map(|request| request.args)
}

/// Checks an input of the form `expect` says.
pub fn check_as(json: impl AsRef<[u8]>, expect: Expect) -> Result<CreateJobRequest, Violations> {
    run(json.as_ref(), expect)
}

/// Checks an input of the form `expect` says, as [`check_as`] does (every violation alike), but
/// keeps only its option values: no text is copied out. The pre-flight check that needs the
/// verdict and what the price depends on, not the request's text.
///
/// ```
/// use shortapi_pricing::spec::WireValue;
/// use shortapi_pricing::{check_selection, Expect};
///
/// let selection = check_selection(r#"{"model": "bytedance/seedream-4.5/edit", "args": {
///     "prompt": "the lab on a beach", "aspect_ratio": "16:9", "num_images": 2,
///     "image_urls": ["https://example.com/lab-1.png", "https://example.com/lab-2.png"]}}"#, Expect::Body)?;
/// assert_eq!(selection.get("num_images"), Some(WireValue::Int(2)));
///
/// let refused = check_selection(r#"{"model": "bytedance/seedream-4.5/edit", "args": {
///     "prompt": "the lab on a beach", "aspect_ratio": "16:9", "image_urls": []}}"#, Expect::Body)
///     .unwrap_err();
/// assert_eq!(refused.as_slice()[0].path, "/args/image_urls");
/// # Ok::<(), shortapi_pricing::Violations>(())
/// ```
pub fn check_selection(json: impl AsRef<[u8]>, expect: Expect) -> Result<Selection, Violations> {
    run(json.as_ref(), expect)
}

/// Checks a whole create-job body and prices it: the pre-flight quote. It does not copy the
/// free text out.
///
/// ```
/// use shortapi_pricing::quote_json;
///
/// let quote = quote_json(r#"{"model": "pixverse/pixverse-6.0/text-to-video",
///     "args": {"prompt": "a cat", "resolution": "720p", "duration": "8", "generate_audio": true}}"#)?;
/// assert_eq!(quote.amount().to_string(), "0.408"); // 0.051 per second × 8
/// # Ok::<(), shortapi_pricing::Violations>(())
/// ```
pub fn quote_json(json: impl AsRef<[u8]>) -> Result<Quote, Violations> {
    quote_as(json, Expect::Body)
}

/// Checks the bare `args` object of `model` and prices it.
pub fn quote_args_json(model: Model, json: impl AsRef<[u8]>) -> Result<Quote, Violations> {
    quote_as(json, Expect::Args(model))
}

/// Checks an input of the form `expect` says and prices it. A valid request with no exact
/// price is one violation at `""`: `unpriced` (the page gives none; the message quotes why) or
/// `needs_usage` (the price multiplies a measured quantity; see [`quote_as_with`]).
pub fn quote_as(json: impl AsRef<[u8]>, expect: Expect) -> Result<Quote, Violations> {
    let selection: Selection = run(json.as_ref(), expect)?;
    selection.quote().map_err(|e| Violations {
        errors: vec![e.into()],
    })
}

/// Checks an input of the form `expect` says and prices it with the measured quantities of
/// `usage` (for the model the input names; see [`Usage`](crate::Usage)).
pub fn quote_as_with(
    json: impl AsRef<[u8]>,
    expect: Expect,
    usage: &crate::Usage,
) -> Result<Quote, Violations> {
    let selection: Selection = run(json.as_ref(), expect)?;
    selection.quote_with(usage).map_err(|e| Violations {
        errors: vec![e.into()],
    })
}

/// Why a valid request has no quote, as a violation of the whole request (at `""`, with the
/// [`QuoteError`](crate::QuoteError)'s code).
impl From<crate::QuoteError> for Violation {
    fn from(error: crate::QuoteError) -> Violation {
        Violation {
            path: String::new(),
            code: error.code(),
            message: error.to_string(),
        }
    }
}

/// What a judged request is kept as: the whole request for a check; for a quote only its
/// option values, so no text is copied out and no whole request is moved through the judge (a
/// quote of a short body is mostly the scan, and moving a whole request cost it about 8 %).
pub(crate) trait Kept: Sized {
    /// Whether the free text, the lists and the callback URL are copied out.
    const TEXT: bool;

    /// The args of a request judged valid: the selection, and the texts and lists by option
    /// index (empty unless [`TEXT`](Self::TEXT)).
    fn args(selection: Selection, texts: Vec<(usize, String)>, lists: Vec<ListTexts>) -> Self;

    /// Sets the body's callback URL (given only if [`TEXT`](Self::TEXT)).
    fn set_callback_url(&mut self, url: String);

    /// What is kept of a request the full checker judged valid.
    fn of(request: CreateJobRequest) -> Self;
}

/// A list input's items by option index, as [`Args`] keeps them.
pub(crate) type ListTexts = (usize, Vec<String>);

impl Kept for CreateJobRequest {
    const TEXT: bool = true;

    fn args(selection: Selection, texts: Vec<(usize, String)>, lists: Vec<ListTexts>) -> Self {
        CreateJobRequest::new(Args::in_option_order(selection, texts, lists))
    }

    fn set_callback_url(&mut self, url: String) {
        self.callback_url = Some(url);
    }

    fn of(request: CreateJobRequest) -> Self {
        request
    }
}

impl Kept for Selection {
    const TEXT: bool = false;

    fn args(selection: Selection, _: Vec<(usize, String)>, _: Vec<ListTexts>) -> Self {
        selection
    }

    fn set_callback_url(&mut self, _: String) {}

    fn of(request: CreateJobRequest) -> Self {
        *request.args.selection()
    }
}

/// Where the fast path puts a request it judges valid: a trait object, so the fast path is
/// compiled once whatever is kept (generic over [`Kept`], it was compiled twice, and the
/// WebAssembly package, which checks and quotes, grew 3 KB gzipped).
pub(crate) trait Slot {
    /// Whether the free text, the lists and the callback URL are copied out.
    fn keeps_text(&self) -> bool;

    /// Keeps the args of a request judged valid (see [`Kept::args`]).
    fn keep(&mut self, selection: Selection, texts: Vec<(usize, String)>, lists: Vec<ListTexts>);

    /// Keeps the body's callback URL, the args kept (without one).
    fn keep_callback_url(&mut self, url: String);
}

impl<K: Kept> Slot for Option<K> {
    fn keeps_text(&self) -> bool {
        K::TEXT
    }

    fn keep(&mut self, selection: Selection, texts: Vec<(usize, String)>, lists: Vec<ListTexts>) {
        *self = Some(K::args(selection, texts, lists));
    }

    fn keep_callback_url(&mut self, url: String) {
        if let Some(kept) = self {
            kept.set_callback_url(url);
        }
    }
}

/// Judges `bytes`: the fast path for a plainly valid request, else the full checker.
pub(crate) fn run<K: Kept>(bytes: &[u8], expect: Expect) -> Result<K, Violations> {
    let mut kept: Option<K> = None;
    match (fast::judge(bytes, expect, &mut kept), kept) {
        (Some(Ok(())), Some(kept)) => Ok(kept),
        (Some(Err(errors)), _) => Err(Violations { errors }),
        // Not sure (or valid with nothing kept, which the fast path never answers): the full
        // checker decides.
        _ => run_slow(bytes, expect, K::TEXT).map(K::of),
    }
}

/// Parses and judges `bytes` in one pass, explaining every violation.
fn run_slow(bytes: &[u8], expect: Expect, keep_text: bool) -> Result<CreateJobRequest, Violations> {
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
    let outcome = Request { expect, keep_text }
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
    expect: Expect,
) -> Result<CreateJobRequest, D::Error> {
    match (Request {
        expect,
        keep_text: true,
    })
    .deserialize(deserializer)?
    {
        Ok(request) => Ok(request),
        Err(errors) => Err(serde::de::Error::custom(Violations { errors })),
    }
}
