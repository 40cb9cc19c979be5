//! The checker's single pass: serde visitors that judge each field as the parser reaches it.
//!
//! Nothing is built for a valid field but the typed value; paths and messages are made only for
//! violations. Nested values the checker does not need (an array where a string belongs, an
//! unknown field's value) are skipped with [`Skip`], which still reads every string and number
//! in full, so a document that is not JSON (a raw control character, a lone surrogate escape)
//! is refused even where the checker does not look. Duplicate keys are seen because the
//! visitor meets every key, not a map where the last one wins.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt::{self, Write as _};

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::{Code, Violation};
use crate::spec::{OptionKind, QuotedList, WireValue};
use crate::{Args, CreateJobRequest, Options, MODEL_ID, OPTIONS, RULES};

/// Which request form the input is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Form {
    /// Told apart by a top-level `model`, `args` or `callback_url` key.
    Auto,
    /// The bare `args` object.
    Args,
    /// The whole create-job body.
    Body,
}

pub(crate) const BODY_FIELDS: [&str; 3] = ["model", "args", "callback_url"];

/// A checked request, or what was wrong with it (never empty).
pub(crate) type Outcome = Result<CreateJobRequest, Vec<Violation>>;

/// `base` with `key` appended as a JSON pointer token (`~` → `~0`, `/` → `~1`).
pub(crate) fn pointer(base: &str, key: &str) -> String {
    let mut p = String::with_capacity(base.len() + key.len() + 1);
    p.push_str(base);
    p.push('/');
    for c in key.chars() {
        match c {
            '~' => p.push_str("~0"),
            '/' => p.push_str("~1"),
            c => p.push(c),
        }
    }
    p
}

/// The first 40 characters of `s`, with `…` if cut: keeps messages short for huge inputs.
pub(crate) fn short(s: &str) -> Cow<'_, str> {
    match s.char_indices().nth(40) {
        Some((i, _)) => Cow::Owned(format!("{}…", &s[..i])),
        None => Cow::Borrowed(s),
    }
}

/// An absolute http(s) URL with a host and no white space.
pub(crate) fn is_http_url(s: &str) -> bool {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    rest.is_some_and(|r| {
        !r.is_empty() && !r.starts_with('/') && !r.chars().any(char::is_whitespace)
    })
}

/// A field's value as far as the checker looks at it: scalars in full, containers by kind.
enum Scalar<'de> {
    Null,
    Bool(bool),
    /// Kept only to name it in a message.
    Number(serde_json::Number),
    Str(Cow<'de, str>),
    Array,
    Object,
}

impl Scalar<'_> {
    /// How a message names this value: `the number 5`, `null`, `an array`.
    fn describe(&self) -> String {
        match self {
            Scalar::Null => "null".to_owned(),
            Scalar::Bool(b) => format!("the boolean {b}"),
            Scalar::Number(n) => format!("the number {n}"),
            Scalar::Str(s) => format!("the string {:?}", short(s)),
            Scalar::Array => "an array".to_owned(),
            Scalar::Object => "an object".to_owned(),
        }
    }
}

struct ScalarVisitor;

impl<'de> Visitor<'de> for ScalarVisitor {
    type Value = Scalar<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Scalar<'de>, E> {
        Ok(Scalar::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Scalar<'de>, E> {
        Ok(Scalar::Null)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Scalar<'de>, E> {
        Ok(Scalar::Bool(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar<'de>, E> {
        Ok(Scalar::Number(v.into()))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar<'de>, E> {
        Ok(Scalar::Number(v.into()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Scalar<'de>, E> {
        // Only ever named in a message, never used as money.
        Ok(serde_json::Number::from_f64(v).map_or(Scalar::Null, Scalar::Number))
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Scalar<'de>, E> {
        Ok(Scalar::Str(Cow::Borrowed(v)))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar<'de>, E> {
        Ok(Scalar::Str(Cow::Owned(v.to_owned())))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Scalar<'de>, E> {
        Ok(Scalar::Str(Cow::Owned(v)))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Scalar<'de>, A::Error> {
        while seq.next_element::<Skip>()?.is_some() {}
        Ok(Scalar::Array)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Scalar<'de>, A::Error> {
        while map.next_entry::<Skip, Skip>()?.is_some() {}
        Ok(Scalar::Object)
    }
}

impl<'de> de::Deserialize<'de> for Scalar<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ScalarVisitor)
    }
}

/// A value read in full and thrown away. Unlike `serde::de::IgnoredAny` (whose serde_json
/// implementation neither decodes strings nor checks their escapes and control characters, nor
/// counts nesting), it refuses everything `serde_json::Value` would refuse, so the verdict does
/// not depend on whether the checker looks at a field. Nesting is bounded by serde_json's
/// recursion limit (128).
struct Skip;

impl<'de> de::Deserialize<'de> for Skip {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(SkipVisitor)
    }
}

struct SkipVisitor;

impl<'de> Visitor<'de> for SkipVisitor {
    type Value = Skip;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Skip, E> {
        Ok(Skip)
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Skip, E> {
        Ok(Skip)
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Skip, E> {
        Ok(Skip)
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Skip, E> {
        Ok(Skip)
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Skip, E> {
        Ok(Skip)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Skip, E> {
        Ok(Skip)
    }

    fn visit_none<E: de::Error>(self) -> Result<Skip, E> {
        Ok(Skip)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Skip, A::Error> {
        while seq.next_element::<Skip>()?.is_some() {}
        Ok(Skip)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Skip, A::Error> {
        while map.next_entry::<Skip, Skip>()?.is_some() {}
        Ok(Skip)
    }
}

/// An object key, borrowed from the input when it has no escapes.
struct Key<'de>(Cow<'de, str>);

impl<'de> de::Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match Scalar::deserialize(deserializer)? {
            Scalar::Str(s) => Ok(Key(s)),
            other => Err(de::Error::custom(format!(
                "an object key must be a string, not {}",
                other.describe()
            ))),
        }
    }
}

/// Violations in input order: each carries the position of the key it is about.
#[derive(Default)]
struct Found {
    items: Vec<(usize, Violation)>,
}

impl Found {
    fn add(&mut self, at: usize, path: String, code: Code, message: String) {
        self.items.push((
            at,
            Violation {
                path,
                code,
                message,
            },
        ));
    }
}

/// One args object being checked.
struct ArgsWalk<'b> {
    base: &'b str,
    keep_prompt: bool,
    options: Options,
    prompt: Option<String>,
    prompt_ok: bool,
    prompt_given: bool,
    /// Bit `i`: `OPTIONS[i]` was seen / given a valid value / given an invalid one.
    seen: u64,
    given: u64,
    failed: u64,
    /// Where each option's key first appeared, for ordering messages.
    at: [usize; 64],
    found: Found,
}

impl<'b> ArgsWalk<'b> {
    fn new(base: &'b str, keep_prompt: bool) -> Self {
        ArgsWalk {
            base,
            keep_prompt,
            options: Options::DEFAULT,
            prompt: None,
            prompt_ok: false,
            prompt_given: false,
            seen: 0,
            given: 0,
            failed: 0,
            at: [0; 64],
            found: Found::default(),
        }
    }

    /// Judges the value of `OPTIONS[index]`, the key at position `at`.
    fn field<'de, A: MapAccess<'de>>(
        &mut self,
        at: usize,
        index: usize,
        map: &mut A,
    ) -> Result<(), A::Error> {
        let spec = &OPTIONS[index];
        let bit = 1u64 << index;
        let path = || pointer(self.base, spec.name);
        if self.seen & bit != 0 {
            map.next_value::<Skip>()?;
            self.failed |= bit;
            let message = format!(
                "field {:?} is given more than once; give it once",
                spec.name
            );
            self.found.add(at, path(), Code::DuplicateField, message);
            return Ok(());
        }
        self.seen |= bit;
        self.at[index] = at;
        let value: Scalar<'de> = map.next_value()?;
        let verdict = match (spec.kind, &value) {
            (OptionKind::Text { .. }, Scalar::Str(s)) => {
                self.prompt_given = true;
                if s.trim().is_empty() {
                    Err((
                        Code::EmptyPrompt,
                        format!("{} must not be empty or blank", spec.name),
                    ))
                } else {
                    self.prompt_ok = true;
                    if self.keep_prompt {
                        self.prompt = Some(s.to_string());
                    }
                    Ok(())
                }
            }
            (OptionKind::Text { .. }, other) => {
                self.prompt_given = true;
                Err((
                    Code::WrongType,
                    format!("{} must be a string, not {}", spec.name, other.describe()),
                ))
            }
            (OptionKind::Enum { values, default }, Scalar::Str(s)) => {
                self.options.set_at(index, WireValue::Str(s)).map_err(|_| {
                    let message = format!(
                        "{:?} is not an allowed {}; allowed: {} (default {default:?})",
                        short(s),
                        spec.name,
                        QuotedList(values)
                    );
                    (Code::InvalidValue, message)
                })
            }
            (OptionKind::Enum { values, default }, other) => {
                let hint = match other {
                    Scalar::Number(n) if values.contains(&n.to_string().as_str()) => {
                        format!("; write the string \"{n}\"")
                    }
                    Scalar::Null => format!("; leave it out for the default {default:?}"),
                    _ => String::new(),
                };
                let message = format!(
                    "{} must be a string, not {}{hint}; allowed: {}",
                    spec.name,
                    other.describe(),
                    QuotedList(values)
                );
                Err((Code::WrongType, message))
            }
            (OptionKind::Bool { .. }, Scalar::Bool(b)) => {
                // Cannot fail: the option is a bool and so is the value.
                let _ = self.options.set_at(index, WireValue::Bool(*b));
                Ok(())
            }
            (OptionKind::Bool { default }, other) => {
                let hint = match other {
                    Scalar::Str(s) if s == "true" || s == "false" => {
                        format!("; write {s} without quotes")
                    }
                    Scalar::Null => format!("; leave it out for the default {default}"),
                    _ => String::new(),
                };
                Err((
                    Code::WrongType,
                    format!(
                        "{} must be true or false, not {}{hint}",
                        spec.name,
                        other.describe()
                    ),
                ))
            }
        };
        match verdict {
            Ok(()) => self.given |= bit,
            Err((code, message)) => {
                self.failed |= bit;
                self.found.add(at, path(), code, message);
            }
        }
        Ok(())
    }

    /// What only the whole object tells: a missing prompt, broken rules.
    fn finish(mut self, end: usize) -> (Option<Args>, Found) {
        if !self.prompt_given {
            let message = "prompt is required: the text to make a video of".to_owned();
            self.found.add(
                end,
                pointer(self.base, "prompt"),
                Code::MissingField,
                message,
            );
        }
        for violation in broken_rules(&self.options, self.given, self.failed, self.base) {
            self.found.items.push((end, violation));
        }
        let args = (self.found.items.is_empty() && self.prompt_ok).then(|| Args {
            prompt: self.prompt.take().unwrap_or_default(),
            options: self.options,
        });
        (args, self.found)
    }
}

/// The rules `options` break, each reported at the last of its options the request gave
/// (bit `i` of `given`: `OPTIONS[i]` was given a valid value). A rule naming an option whose
/// value was refused (`failed`) is not judged: that would be noise.
pub(crate) fn broken_rules(
    options: &Options,
    given: u64,
    failed: u64,
    base: &str,
) -> Vec<Violation> {
    let mut found = Vec::new();
    for (index, rule) in RULES.iter().enumerate() {
        let bits = |mask: u64| rule.when.iter().any(|(o, _)| option_bit(o) & mask != 0);
        if bits(failed) || !options.breaks(index) {
            continue;
        }
        let at = rule
            .when
            .iter()
            .rev()
            .map(|(o, _)| *o)
            .find(|o| option_bit(o) & given != 0);
        let path = at.map_or_else(|| base.to_owned(), |o| pointer(base, o));
        let mut message = String::with_capacity(192);
        // Writing to a String cannot fail.
        let _ = write!(message, "{rule}");
        if let Some(option) = at {
            append_allowed(&mut message, options, option);
        }
        found.push(Violation {
            path,
            code: Code::UnsupportedCombination,
            message,
        });
    }
    found
}

/// The bit of the option named `name` in the walk's masks.
fn option_bit(name: &str) -> u64 {
    OPTIONS
        .iter()
        .position(|o| o.name == name)
        .map_or(0, |i| 1 << i)
}

/// Appends `; with the other options as given, OPTION may be "a", "b"` to `message`: the
/// values of `option` that, with the rest of `options` unchanged, break no rule (nothing if none).
fn append_allowed(message: &mut String, options: &Options, option: &str) {
    use std::fmt::Write;

    let Some(index) = OPTIONS.iter().position(|o| o.name == option) else {
        return;
    };
    let (values, bools): (&[&str], &[bool]) = match OPTIONS[index].kind {
        OptionKind::Enum { values, .. } => (values, &[]),
        OptionKind::Bool { .. } => (&[], &[false, true]),
        OptionKind::Text { .. } => return,
    };
    let candidates = values
        .iter()
        .map(|v| WireValue::Str(v))
        .chain(bools.iter().map(|b| WireValue::Bool(*b)));
    let mut first = true;
    for value in candidates {
        let mut o = *options;
        if o.set_at(index, value).is_ok() && (0..RULES.len()).all(|i| !o.breaks(i)) {
            if first {
                message.push_str("; with the other options as given, ");
                message.push_str(option);
                message.push_str(" may be ");
            } else {
                message.push_str(", ");
            }
            // Writing to a String cannot fail.
            let _ = write!(message, "{value}");
            first = false;
        }
    }
}

/// The body fields of a create-job body being checked.
#[derive(Default)]
struct BodyWalk {
    seen: u8,
    args: Option<Args>,
    args_given: bool,
    /// `args` was given more than once.
    args_repeated: bool,
    callback_url: Option<String>,
    found: Found,
}

/// What to do with an object, and with anything else where an object belongs.
trait ObjectWalk<'de>: Sized {
    type Output;

    fn object<A: MapAccess<'de>>(self, map: A) -> Result<Self::Output, A::Error>;

    /// `what` names the value found instead: `"an array"`, `"the number 5"`.
    fn not_object(self, what: &str) -> Self::Output;
}

/// The visitor for a value that must be an object: every other kind of value is named and
/// handed to [`ObjectWalk::not_object`].
struct Object<W>(W);

impl<'de, W: ObjectWalk<'de>> Visitor<'de> for Object<W> {
    type Value = W::Output;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<W::Output, A::Error> {
        self.0.object(map)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<W::Output, A::Error> {
        while seq.next_element::<Skip>()?.is_some() {}
        Ok(self.0.not_object("an array"))
    }

    fn visit_unit<E: de::Error>(self) -> Result<W::Output, E> {
        Ok(self.0.not_object("null"))
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<W::Output, E> {
        Ok(self.0.not_object(&format!("the boolean {v}")))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<W::Output, E> {
        Ok(self.0.not_object(&format!("the number {v}")))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<W::Output, E> {
        Ok(self.0.not_object(&format!("the number {v}")))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<W::Output, E> {
        Ok(self.0.not_object(&format!("the number {v}")))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<W::Output, E> {
        Ok(self.0.not_object(&format!("the string {:?}", short(v))))
    }
}

/// Reports keys no option or body field has: the first of each as `unknown_field` (with
/// `message` saying what is allowed), any repeat as `duplicate_field`. A hash set keeps this
/// linear however many keys there are.
fn report_unknown(
    found: &mut Found,
    base: &str,
    keys: &[(usize, String)],
    message: impl Fn(&str) -> String,
) {
    let mut seen: HashSet<&str> = HashSet::with_capacity(keys.len());
    for (at, key) in keys {
        let path = pointer(base, key);
        if seen.insert(key) {
            found.add(*at, path, Code::UnknownField, message(key));
        } else {
            let repeat = format!(
                "field {:?} is given more than once; give it once",
                short(key)
            );
            found.add(*at, path, Code::DuplicateField, repeat);
        }
    }
}

/// `unknown field "x"; allowed fields: "prompt", …` for an args object.
fn unknown_in_args(key: &str) -> String {
    let names: Vec<&str> = OPTIONS.iter().map(|o| o.name).collect();
    format!(
        "unknown field {:?}; allowed fields: {}",
        short(key),
        QuotedList(&names)
    )
}

/// Checks a whole input: an object in `form`, with `keep_prompt` saying whether the prompt is
/// copied out (a quote does not need it).
pub(crate) struct Request {
    pub form: Form,
    pub keep_prompt: bool,
}

impl<'de> DeserializeSeed<'de> for Request {
    type Value = Outcome;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Outcome, D::Error> {
        deserializer.deserialize_any(Object(self))
    }
}

impl<'de> ObjectWalk<'de> for Request {
    type Output = Outcome;

    fn object<A: MapAccess<'de>>(self, mut map: A) -> Result<Outcome, A::Error> {
        let mut args = ArgsWalk::new("", self.keep_prompt);
        let mut body = BodyWalk::default();
        // Keys that are neither an option nor a body field, with their positions.
        let mut unknown: Vec<(usize, String)> = Vec::new();
        // Every option key at the top, for when the input turns out to be a body.
        let mut top_options: Vec<(usize, &'static str)> = Vec::new();
        let mut at = 0;
        while let Some(Key(key)) = map.next_key()? {
            at += 1;
            let option = OPTIONS.iter().position(|o| o.name == key);
            let body_field = BODY_FIELDS.iter().position(|f| *f == key);
            match (option, body_field) {
                (Some(index), _) if self.form != Form::Body => {
                    if self.form == Form::Auto {
                        top_options.push((at, OPTIONS[index].name));
                    }
                    args.field(at, index, &mut map)?;
                }
                (_, Some(index)) if self.form != Form::Args => {
                    body_field_value(&mut body, at, index, &mut map, self.keep_prompt)?;
                }
                _ => {
                    map.next_value::<Skip>()?;
                    unknown.push((at, key.into_owned()));
                }
            }
        }
        let is_body = match self.form {
            Form::Auto => body.seen != 0,
            form => form == Form::Body,
        };
        let mut found = if is_body {
            // Options at the top of a body are unknown there.
            unknown.extend(
                top_options
                    .into_iter()
                    .map(|(at, name)| (at, name.to_owned())),
            );
            unknown.sort_by_key(|(at, _)| *at);
            body_finish(&mut body, at + 1);
            std::mem::take(&mut body.found)
        } else {
            let (checked, found) = args.finish(at + 1);
            body.args = checked;
            found
        };
        if is_body {
            report_unknown(&mut found, "", &unknown, |key| {
                format!(
                    "unknown field {:?} in the create-job body; allowed fields: {}",
                    short(key),
                    QuotedList(&BODY_FIELDS)
                )
            });
        } else {
            report_unknown(&mut found, "", &unknown, unknown_in_args);
        }
        Ok(done(body, found))
    }

    fn not_object(self, what: &str) -> Outcome {
        let name = if self.form == Form::Body {
            "a create-job body"
        } else {
            "args"
        };
        Err(vec![Violation {
            path: String::new(),
            code: Code::WrongType,
            message: format!("{name} must be a JSON object, not {what}"),
        }])
    }
}

/// Orders the violations by position; no violation and checked args make a request.
fn done(body: BodyWalk, found: Found) -> Outcome {
    let mut items = found.items;
    items.sort_by_key(|(at, _)| *at);
    match (items.is_empty(), body.args) {
        (true, Some(args)) => Ok(CreateJobRequest {
            args,
            callback_url: body.callback_url,
        }),
        _ => Err(items.into_iter().map(|(_, v)| v).collect()),
    }
}

/// Judges a body field: `model`, `args` or `callback_url` (`BODY_FIELDS[index]`).
fn body_field_value<'de, A: MapAccess<'de>>(
    body: &mut BodyWalk,
    at: usize,
    index: usize,
    map: &mut A,
    keep_prompt: bool,
) -> Result<(), A::Error> {
    let name = BODY_FIELDS[index];
    let path = || pointer("", name);
    if body.seen & (1 << index) != 0 {
        map.next_value::<Skip>()?;
        body.args_repeated |= name == "args";
        let message = format!("field {name:?} is given more than once; give it once");
        body.found.add(at, path(), Code::DuplicateField, message);
        return Ok(());
    }
    body.seen |= 1 << index;
    match name {
        "args" => {
            body.args_given = true;
            let (args, found) = map.next_value_seed(NestedArgs { keep_prompt, at })?;
            body.args = args;
            body.found.items.extend(found.items);
        }
        "model" => match map.next_value::<Scalar<'de>>()? {
            Scalar::Str(s) if s == MODEL_ID => {}
            Scalar::Str(s) => {
                let message = format!(
                    "model must be {MODEL_ID:?}, the model this crate prices; got {:?}",
                    short(&s)
                );
                body.found.add(at, path(), Code::WrongModel, message);
            }
            other => {
                let message = format!(
                    "model must be the string {MODEL_ID:?}, not {}",
                    other.describe()
                );
                body.found.add(at, path(), Code::WrongType, message);
            }
        },
        _ => match map.next_value::<Scalar<'de>>()? {
            Scalar::Str(s) if is_http_url(&s) => body.callback_url = Some(s.into_owned()),
            Scalar::Str(s) => {
                let message = format!(
                    "callback_url must be an absolute http:// or https:// URL; got {:?}",
                    short(&s)
                );
                body.found.add(at, path(), Code::InvalidValue, message);
            }
            other => {
                let message = format!(
                    "callback_url must be a URL string, not {}; leave it out for no callback",
                    other.describe()
                );
                body.found.add(at, path(), Code::WrongType, message);
            }
        },
    }
    Ok(())
}

/// Missing `model` and `args`; and, when `args` was given twice, only the repeat reported
/// about it: JSON tools resolve `/args` in the last `args`, so what was found in the first
/// would point at the wrong value.
fn body_finish(body: &mut BodyWalk, end: usize) {
    if body.args_repeated {
        body.found.items.retain(|(_, v)| {
            let about_args = v.path == "/args" || v.path.starts_with("/args/");
            !about_args || v.code == Code::DuplicateField && v.path == "/args"
        });
    }
    if body.seen & 1 == 0 {
        let message = format!("model is required: {MODEL_ID:?}");
        body.found
            .add(end, "/model".to_owned(), Code::MissingField, message);
    }
    if !body.args_given {
        let message = "args is required: an object with at least a prompt".to_owned();
        body.found
            .add(end, "/args".to_owned(), Code::MissingField, message);
    }
}

/// The `args` object inside a body.
struct NestedArgs {
    keep_prompt: bool,
    /// The position of the `args` key, for ordering its violations among the body's.
    at: usize,
}

impl<'de> DeserializeSeed<'de> for NestedArgs {
    type Value = (Option<Args>, Found);

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(Object(self))
    }
}

impl<'de> ObjectWalk<'de> for NestedArgs {
    type Output = (Option<Args>, Found);

    fn object<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Output, A::Error> {
        let mut args = ArgsWalk::new("/args", self.keep_prompt);
        let mut unknown = Vec::new();
        let mut at = 0;
        while let Some(Key(key)) = map.next_key()? {
            at += 1;
            match OPTIONS.iter().position(|o| o.name == key) {
                Some(index) => args.field(at, index, &mut map)?,
                None => {
                    map.next_value::<Skip>()?;
                    unknown.push((at, key.into_owned()));
                }
            }
        }
        report_unknown(&mut args.found, "/args", &unknown, unknown_in_args);
        let (checked, mut found) = args.finish(at + 1);
        // Inside the body, everything about args sorts where the `args` key stands.
        found.items.sort_by_key(|(p, _)| *p);
        for item in &mut found.items {
            item.0 = self.at;
        }
        Ok((checked, found))
    }

    fn not_object(self, what: &str) -> Self::Output {
        let mut found = Found::default();
        let message = format!("args must be a JSON object, not {what}");
        found.add(self.at, "/args".to_owned(), Code::WrongType, message);
        (None, found)
    }
}
