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

use super::{Code, Expect, Violation};
use crate::args::{missing_input, text_violation};
use crate::spec::{
    Limit, ListItem, Listed, ModelSpec, Narrow, OptionKind, OptionSpec, QuotedList, Requirement,
    Rule, WireValue,
};
use crate::{Args, CreateJobRequest, Model, Selection, MAX_OPTIONS};

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
    rest.is_some_and(|r| !r.is_empty() && !r.starts_with('/') && !has_white_space(r))
}

/// Whether `s` has a Unicode white-space character: characters are decoded only when some
/// byte is a space, a control character or not ASCII (rare in a URL).
fn has_white_space(s: &str) -> bool {
    // No early exit, so the compiler can test many bytes at once.
    let plain = s
        .bytes()
        .fold(true, |plain, b| plain & (b > b' ') & (b < 0x80));
    !plain && s.chars().any(char::is_whitespace)
}

/// A field's value as far as the checker looks at it: scalars in full, an array as its items
/// (each a scalar, or a container by kind), any other container by kind.
enum Scalar<'de> {
    Null,
    Bool(bool),
    /// Kept only to name it in a message.
    Number(serde_json::Number),
    Str(Cow<'de, str>),
    /// A field's array: its items, kept to judge a list option (strings borrowed from the
    /// input where they have no escapes).
    List(Vec<Scalar<'de>>),
    /// An array inside an array, read and not kept.
    Array,
    /// An array's object item: its members in input order, kept to judge a list of objects
    /// (values one level down read as a field's are, so an item's list of text is kept).
    Entries(Vec<(Cow<'de, str>, Scalar<'de>)>),
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
            Scalar::List(_) | Scalar::Array => "an array".to_owned(),
            Scalar::Entries(_) | Scalar::Object => "an object".to_owned(),
        }
    }
}

/// Reads a value at `depth`: 0 for a field's value, 1 for an item of its array, 2 for a
/// member of such an item (an object), 3 for an item of that member's array. Arrays are kept
/// at 0 and 2, objects at 1; anything deeper is read and kept only by kind, so what is kept
/// is bounded by the shapes a spec can state.
#[derive(Clone, Copy)]
struct ScalarVisitor {
    depth: u8,
}

impl<'de> de::DeserializeSeed<'de> for ScalarVisitor {
    type Value = Scalar<'de>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Scalar<'de>, D::Error> {
        deserializer.deserialize_any(self)
    }
}

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
        if self.depth % 2 == 1 || self.depth > 2 {
            while seq.next_element::<Skip>()?.is_some() {}
            return Ok(Scalar::Array);
        }
        let items_at = ScalarVisitor {
            depth: self.depth + 1,
        };
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        while let Some(item) = seq.next_element_seed(items_at)? {
            items.push(item);
        }
        Ok(Scalar::List(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Scalar<'de>, A::Error> {
        if self.depth != 1 {
            while map.next_entry::<Skip, Skip>()?.is_some() {}
            return Ok(Scalar::Object);
        }
        let mut members = Vec::new();
        while let Some(Key(key)) = map.next_key()? {
            members.push((key, map.next_value_seed(ScalarVisitor { depth: 2 })?));
        }
        Ok(Scalar::Entries(members))
    }
}

impl<'de> de::Deserialize<'de> for Scalar<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ScalarVisitor { depth: 0 })
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

/// One args object being checked against one model's tables.
pub(crate) struct ArgsWalk<'b> {
    spec: &'static ModelSpec,
    base: &'b str,
    keep_text: bool,
    selection: Selection,
    texts: Vec<(usize, String)>,
    lists: Vec<(usize, Vec<String>)>,
    /// How many items each list accepted has, by option position (for the totals and limits).
    counts: [usize; MAX_OPTIONS],
    /// `(sum index, total)`: each sum over the items of a list of objects accepted.
    sums: Vec<(usize, i64)>,
    /// Bit `i`: `options[i]` was seen / given a valid value / given an invalid one.
    seen: u64,
    given: u64,
    failed: u64,
    found: Found,
}

impl<'b> ArgsWalk<'b> {
    pub(crate) fn new(model: Model, base: &'b str, keep_text: bool) -> Self {
        ArgsWalk {
            spec: model.spec(),
            base,
            keep_text,
            selection: Selection::defaults(model),
            texts: Vec::new(),
            lists: Vec::new(),
            counts: [0; MAX_OPTIONS],
            sums: Vec::new(),
            seen: 0,
            given: 0,
            failed: 0,
            found: Found::default(),
        }
    }

    /// The position of the option named `key`, if the model has one.
    fn index(&self, key: &str) -> Option<usize> {
        self.spec.option_index(key)
    }

    /// Judges `value`, given for `options[index]` by the key at position `at`.
    fn field(&mut self, at: usize, index: usize, value: Scalar<'_>) {
        let spec = &self.spec.options[index];
        let bit = 1u64 << index;
        let path = || pointer(self.base, spec.name);
        if self.seen & bit != 0 {
            self.failed |= bit;
            let message = format!(
                "field {:?} is given more than once; give it once",
                spec.name
            );
            self.found.add(at, path(), Code::DuplicateField, message);
            return;
        }
        self.seen |= bit;
        match (spec.kind, &value) {
            (
                OptionKind::List {
                    item: ListItem::Object { .. },
                    ..
                },
                Scalar::List(items),
            ) => return self.objects(at, index, items),
            (OptionKind::List { .. }, Scalar::List(items)) => return self.list(at, index, items),
            _ => {}
        }
        match judge(self.base, spec, &value) {
            Ok(accepted) => {
                self.given |= bit;
                match accepted {
                    Accepted::Slot(slot) => self.selection.set_slot(index, slot),
                    Accepted::Text(s) if self.keep_text => self.texts.push((index, s.to_owned())),
                    Accepted::Text(_) => {}
                    Accepted::Number(n) if self.keep_text => {
                        self.texts.push((index, n.to_string()));
                    }
                    Accepted::Number(_) => {}
                }
            }
            Err((code, message)) => {
                self.failed |= bit;
                self.found.add(at, path(), code, message);
            }
        }
    }

    /// Judges the items of a list given for `options[index]` by the key at position `at`:
    /// every item that is not a string, is blank or too long, and the count.
    fn list(&mut self, at: usize, index: usize, items: &[Scalar<'_>]) {
        let spec = &self.spec.options[index];
        let found =
            crate::args::list_violations(self.base, spec, items.len(), |k| match &items[k] {
                Scalar::Str(s) => Ok(s),
                other => Err(other.describe()),
            });
        if found.is_empty() {
            self.given |= 1 << index;
            self.counts[index] = items.len();
            if self.keep_text {
                let kept = items
                    .iter()
                    .filter_map(|i| match i {
                        Scalar::Str(s) => Some(s.to_string()),
                        _ => None,
                    })
                    .collect();
                self.lists.push((index, kept));
            }
            return;
        }
        self.failed |= 1 << index;
        for v in found {
            self.found.items.push((at, v));
        }
    }

    /// Judges the items of a list of objects given for `options[index]` by the key at `at`
    /// (see [`judge_objects`]); keeps them and the sums over them if all are accepted.
    fn objects(&mut self, at: usize, index: usize, items: &[Scalar<'_>]) {
        let (found, kept, sums) = judge_objects(self.base, self.spec, index, items);
        if found.is_empty() {
            self.given |= 1 << index;
            self.counts[index] = items.len();
            self.sums.extend(sums);
            if self.keep_text {
                self.lists.push((index, kept));
            }
            return;
        }
        self.failed |= 1 << index;
        for v in found {
            self.found.items.push((at, v));
        }
    }

    /// What only the whole object tells: missing required inputs, broken rules.
    fn finish(mut self, end: usize) -> (Option<Args>, Found) {
        for (index, option) in self.spec.options.iter().enumerate() {
            if option.is_required() && self.seen & (1 << index) == 0 {
                let v = missing_input(self.base, option);
                self.found.add(end, v.path, v.code, v.message);
            }
        }
        let (counts, given) = (&self.counts, self.given);
        let count = |i: usize| (given & (1 << i) != 0).then(|| counts[i]);
        for violation in broken_rules(
            &self.selection,
            |_| true,
            given,
            &count,
            self.failed,
            self.base,
        ) {
            self.found.items.push((end, violation));
        }
        let requirements =
            broken_requirements(&self.selection, self.seen, &count, self.failed, self.base);
        for violation in requirements {
            self.found.items.push((end, violation));
        }
        for violation in broken_totals(self.spec, count, self.failed, self.base) {
            self.found.items.push((end, violation));
        }
        let limits = broken_limits(&self.selection, &count, self.seen, self.failed, self.base);
        for violation in limits {
            self.found.items.push((end, violation));
        }
        for &(x, total) in &self.sums {
            if let Some(violation) = broken_sum(
                &self.spec.sums[x],
                total,
                &self.selection,
                self.failed,
                self.base,
            ) {
                self.found.items.push((end, violation));
            }
        }
        for violation in broken_relations(&self.selection, self.failed, self.base) {
            self.found.items.push((end, violation));
        }
        let args = self.found.items.is_empty().then(|| {
            Args::in_option_order(
                self.selection,
                std::mem::take(&mut self.texts),
                std::mem::take(&mut self.lists),
            )
        });
        (args, self.found)
    }
}

/// The items of the list of objects at `spec.options[index]`, judged: the count, then each
/// item that is not an object, and in each object every member (as an option of its field's
/// kind, at `base/name/k/field`), a member the spec does not know (unless the page's copy is
/// cut inside the item) and a required field left out. Gives what is wrong, each item as the
/// JSON of its known fields in field order, and `(sum index, total)` for each sum over the
/// list.
fn judge_objects(
    base: &str,
    model: &ModelSpec,
    index: usize,
    items: &[Scalar<'_>],
) -> (Vec<Violation>, Vec<String>, Vec<(usize, i64)>) {
    let spec = &model.options[index];
    let (fields, open) = match spec.kind {
        OptionKind::List {
            item: ListItem::Object { fields, open },
            ..
        } => (fields, open),
        _ => (&[][..], false),
    };
    let path = pointer(base, spec.name);
    let mut found = crate::args::count_violations(base, spec, items.len());
    let mut kept = Vec::with_capacity(items.len());
    let mut sums: Vec<(usize, i64)> = (0..model.sums.len())
        .filter(|&x| model.sums[x].list == index)
        .map(|x| (x, 0))
        .collect();
    for (k, item) in items.iter().enumerate() {
        let at_item = pointer(&path, &k.to_string());
        let Scalar::Entries(members) = item else {
            let names: Vec<&str> = fields.iter().map(|f| f.name).collect();
            found.push(Violation {
                path: at_item,
                code: Code::WrongType,
                message: format!(
                    "each item of {} must be an object with the fields {}, not {}",
                    spec.name,
                    QuotedList(&names),
                    item.describe()
                ),
            });
            continue;
        };
        let (json, values) = judge_item(&at_item, spec.name, fields, open, members, &mut found);
        for (x, total) in &mut sums {
            *total = total.saturating_add(values[model.sums[*x].field]);
        }
        kept.push(json);
    }
    (found, kept, sums)
}

/// Typed inputs' items of the list of objects at `spec.options[index]`, each the JSON text of
/// one object, judged as [`judge_objects`] judges a body's (text that is not JSON is judged
/// as the string it is: not an object).
pub(crate) fn object_items(
    model: &ModelSpec,
    index: usize,
    items: &[&str],
) -> (Vec<Violation>, Vec<String>, Vec<(usize, i64)>) {
    let scalars: Vec<Scalar<'_>> = items
        .iter()
        .map(|text| {
            let mut de = serde_json::Deserializer::from_str(text);
            ScalarVisitor { depth: 1 }
                .deserialize(&mut de)
                .ok()
                .filter(|_| de.end().is_ok())
                .unwrap_or(Scalar::Str(Cow::Borrowed(text)))
        })
        .collect();
    judge_objects("", model, index, &scalars)
}

/// Judges one object item of the list `list` at `at` against its `fields`, adding what is
/// wrong to `found`; gives the item's JSON (its accepted known fields, in field order) and
/// each field's whole-number value (0 where it is not one or was not given), for the sums.
fn judge_item(
    at: &str,
    list: &str,
    fields: &'static [OptionSpec],
    open: bool,
    members: &[(Cow<'_, str>, Scalar<'_>)],
    found: &mut Vec<Violation>,
) -> (String, Vec<i64>) {
    let mut values = vec![0i64; fields.len()];
    let mut json: Vec<Option<String>> = vec![None; fields.len()];
    let mut seen = 0u64;
    for (key, value) in members {
        let Some(f) = fields.iter().position(|f| f.name == key.as_ref()) else {
            if !open {
                let names: Vec<&str> = fields.iter().map(|f| f.name).collect();
                found.push(Violation {
                    path: pointer(at, key),
                    code: Code::UnknownField,
                    message: format!(
                        "{:?} is not a field of an item of {list}; an item's fields: {}",
                        short(key),
                        QuotedList(&names)
                    ),
                });
            }
            continue;
        };
        let field = &fields[f];
        if seen & (1 << f) != 0 {
            json[f] = None;
            found.push(Violation {
                path: pointer(at, field.name),
                code: Code::DuplicateField,
                message: format!(
                    "field {:?} is given more than once; give it once",
                    field.name
                ),
            });
            continue;
        }
        seen |= 1 << f;
        if let (OptionKind::List { .. }, Scalar::List(items)) = (field.kind, value) {
            let wrong = crate::args::list_violations(at, field, items.len(), |k| match &items[k] {
                Scalar::Str(s) => Ok(s),
                other => Err(other.describe()),
            });
            if wrong.is_empty() {
                let texts: Vec<&str> = items
                    .iter()
                    .filter_map(|i| match i {
                        Scalar::Str(s) => Some(s.as_ref()),
                        _ => None,
                    })
                    .collect();
                json[f] = serde_json::to_string(&texts).ok();
            }
            found.extend(wrong);
            continue;
        }
        match judge(at, field, value) {
            Ok(accepted) => {
                json[f] = Some(match accepted {
                    Accepted::Text(t) => serde_json::to_string(t).unwrap_or_default(),
                    Accepted::Number(n) => n.to_string(),
                    Accepted::Slot(v) if matches!(field.kind, OptionKind::Bool { .. }) => {
                        (v == 1).to_string()
                    }
                    Accepted::Slot(v) => {
                        values[f] = v;
                        v.to_string()
                    }
                });
            }
            Err((code, message)) => found.push(Violation {
                path: pointer(at, field.name),
                code,
                message,
            }),
        }
    }
    for (f, field) in fields.iter().enumerate() {
        if field.required && seen & (1 << f) == 0 {
            found.push(missing_input(at, field));
        }
    }
    let mut text = String::from("{");
    for (field, value) in fields.iter().zip(&json) {
        if let Some(value) = value {
            if text.len() > 1 {
                text.push(',');
            }
            text.push_str(&serde_json::to_string(field.name).unwrap_or_default());
            text.push(':');
            text.push_str(value);
        }
    }
    text.push('}');
    (text, values)
}

/// The violation of `sum` by a list whose items' values add up to `total`, if the option it
/// must equal has another value (not judged when that option was refused or has no value).
pub(crate) fn broken_sum(
    sum: &crate::spec::Sum,
    total: i64,
    selection: &Selection,
    failed: u64,
    base: &str,
) -> Option<Violation> {
    if failed & (1 << sum.equals) != 0 {
        return None;
    }
    let target = selection.slot(sum.equals);
    if target == crate::spec::ABSENT || target == total {
        return None;
    }
    Some(Violation {
        path: pointer(base, sum.list_name),
        code: Code::WrongSum,
        message: format!(
            "{}: the {} values of {}'s items add up to {total}, but {} is {target}",
            sum.message, sum.field_name, sum.list_name, sum.equals_name
        ),
    })
}

/// The relations ([`Relation`](crate::spec::Relation)) `selection` breaks, each at the later
/// of its two options, its message saying what the two make: not judged when either option was
/// refused (bit `i` of `failed`) or has no value.
pub(crate) fn broken_relations(selection: &Selection, failed: u64, base: &str) -> Vec<Violation> {
    use crate::spec::Of;
    let spec = selection.spec();
    let mut found = Vec::new();
    for relation in spec.relations {
        let [i, j] = relation.options;
        let (a, b) = (selection.slot(i), selection.slot(j));
        if (failed >> i | failed >> j) & 1 != 0
            || a == crate::spec::ABSENT
            || b == crate::spec::ABSENT
            || relation.holds(a, b)
        {
            continue;
        }
        let [x, y] = relation.names;
        let (code, made) = match relation.of {
            Of::Product => (
                Code::ProductOutOfRange,
                // Formatted as 64 bits (128-bit formatting would cost the WebAssembly
                // package its division code).
                match a.checked_mul(b) {
                    Some(n) => format!("{x} {a} × {y} {b} is {n}"),
                    None => format!("{x} {a} × {y} {b} is past {}", i64::MAX),
                },
            ),
            Of::Ratio => {
                // In lowest terms (`b` is positive here: a ratio's second is at least 1).
                let g = gcd(a.unsigned_abs(), b.unsigned_abs()).max(1);
                let (n, d) = (a.unsigned_abs() / g, b.unsigned_abs() / g);
                (
                    Code::RatioOutOfRange,
                    format!("{x} {a} : {y} {b} is {n}:{d}"),
                )
            }
        };
        found.push(Violation {
            path: pointer(base, spec.options[i.max(j)].name),
            code,
            message: format!("{relation}: {made}"),
        });
    }
    found
}

/// The greatest common divisor of `a` and `b` (0 for two zeros).
fn gcd(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// A value [`judge`] accepts for an option.
enum Accepted<'v> {
    /// The slot it takes in a [`Selection`] (an enum's value index, a bool as 0 or 1, an
    /// integer itself), as [`OptionSpec::slot`] gives it.
    Slot(i64),
    /// Free text, kept as given.
    Text(&'v str),
    /// A number, read exactly.
    Number(rust_decimal::Decimal),
}

/// What `value` is as a value of `option`, or why it is refused, with a hint where the mistake
/// is a common one. `base` is the pointer of the args object, for [`text_violation`].
fn judge<'v>(
    base: &str,
    option: &OptionSpec,
    value: &'v Scalar<'_>,
) -> Result<Accepted<'v>, (Code, String)> {
    let name = option.name;
    match (option.kind, value) {
        (OptionKind::Text { .. }, Scalar::Str(s)) => {
            match text_violation(&pointer(base, name), option, s) {
                Some(v) => Err((v.code, v.message)),
                None => Ok(Accepted::Text(s)),
            }
        }
        (OptionKind::Text { .. }, other) => Err((
            Code::WrongType,
            format!("{name} must be a string, not {}", other.describe()),
        )),
        (OptionKind::List { .. }, other) => {
            let hint = match other {
                Scalar::Str(_) => format!(
                    "; write [{}]",
                    other.describe().trim_start_matches("the string ")
                ),
                _ => String::new(),
            };
            Err((
                Code::WrongType,
                format!(
                    "{name} must be a list of strings, not {}{hint}",
                    other.describe()
                ),
            ))
        }
        (OptionKind::Enum { values, .. }, Scalar::Str(s)) => option
            .slot(WireValue::Str(s))
            .map(Accepted::Slot)
            .map_err(|_| {
                let default = match option.default_value() {
                    Some(d) => format!(" (default {d})"),
                    None => String::new(),
                };
                let message = format!(
                    "{:?} is not an allowed {name}; allowed: {}{default}",
                    short(s),
                    QuotedList(values),
                );
                (Code::InvalidValue, message)
            }),
        (OptionKind::Enum { values, .. }, other) => {
            let hint = match other {
                Scalar::Number(n) if values.contains(&n.to_string().as_str()) => {
                    format!("; write the string \"{n}\"")
                }
                Scalar::Null => null_hint(option),
                _ => String::new(),
            };
            Err((
                Code::WrongType,
                format!(
                    "{name} must be a string, not {}{hint}; allowed: {}",
                    other.describe(),
                    QuotedList(values)
                ),
            ))
        }
        (OptionKind::Bool { .. }, Scalar::Bool(b)) => Ok(Accepted::Slot(i64::from(*b))),
        (OptionKind::Bool { .. }, other) => {
            let hint = match other {
                Scalar::Str(s) if s == "true" || s == "false" => {
                    format!("; write {s} without quotes")
                }
                Scalar::Null => null_hint(option),
                _ => String::new(),
            };
            Err((
                Code::WrongType,
                format!(
                    "{name} must be true or false, not {}{hint}",
                    other.describe()
                ),
            ))
        }
        (
            OptionKind::Integer {
                minimum,
                maximum,
                values,
                string: true,
                ..
            },
            other,
        ) => {
            let range = if values.is_empty() {
                format!("a whole number from \"{minimum}\" to \"{maximum}\", written as a string")
            } else {
                format!(
                    "one of the whole numbers {}, written as a string",
                    Listed(values, true)
                )
            };
            match other {
                Scalar::Str(s) => match crate::spec::canonical_integer(s) {
                    Some(n) => option
                        .slot(WireValue::IntString(n))
                        .map(Accepted::Slot)
                        .map_err(|_| {
                            let (code, what) = if values.is_empty() {
                                (Code::OutOfRange, "out of range")
                            } else {
                                (Code::InvalidValue, "not allowed")
                            };
                            (code, format!("\"{n}\" is {what}: {name} must be {range}"))
                        }),
                    None => Err((
                        Code::InvalidValue,
                        format!(
                            "{:?} is not a whole number in digits: {name} must be {range}",
                            short(s)
                        ),
                    )),
                },
                other => {
                    let hint = match other {
                        Scalar::Number(n) if integral(n) => {
                            format!(
                                "; write the string \"{}\"",
                                whole(n).map_or(n.to_string(), |w| w.to_string())
                            )
                        }
                        Scalar::Null => null_hint(option),
                        _ => String::new(),
                    };
                    Err((
                        Code::WrongType,
                        format!("{name} must be {range}, not {}{hint}", other.describe()),
                    ))
                }
            }
        }
        (OptionKind::Number { minimum, maximum }, other) => {
            let range = format!("a number from {minimum} to {maximum}");
            match other {
                Scalar::Number(n) => match exact_number(n) {
                    Some(d) if (minimum..=maximum).contains(&d) => Ok(Accepted::Number(d)),
                    Some(_) => Err((
                        Code::OutOfRange,
                        format!("{n} is out of range: {name} must be {range}"),
                    )),
                    None => Err((Code::OutOfRange, unholdable(name, n, &range))),
                },
                other => {
                    let hint = match other {
                        Scalar::Str(s) if json_number(s.trim()).is_some() => {
                            format!("; write the number {} without quotes", s.trim())
                        }
                        Scalar::Null => null_hint(option),
                        _ => String::new(),
                    };
                    Err((
                        Code::WrongType,
                        format!("{name} must be {range}, not {}{hint}", other.describe()),
                    ))
                }
            }
        }
        (
            OptionKind::Integer {
                minimum,
                maximum,
                values,
                ..
            },
            other,
        ) => {
            let range = if values.is_empty() {
                format!("a whole number from {minimum} to {maximum}")
            } else {
                format!("one of the whole numbers {}", Listed(values, false))
            };
            // Outside a list of values, a number is not one of them; outside a range, out of it.
            let refused = if values.is_empty() {
                Code::OutOfRange
            } else {
                Code::InvalidValue
            };
            match other {
                Scalar::Number(n) if integral(n) => whole(n)
                    .and_then(|v| option.slot(WireValue::Int(v)).ok())
                    .map(Accepted::Slot)
                    .ok_or_else(|| {
                        let what = if values.is_empty() {
                            "out of range"
                        } else {
                            "not allowed"
                        };
                        (refused, format!("{n} is {what}: {name} must be {range}"))
                    }),
                other => {
                    let hint = match other {
                        Scalar::Str(s) if s.trim().parse::<i64>().is_ok() => {
                            format!("; write the number {} without quotes", s.trim())
                        }
                        Scalar::Null => null_hint(option),
                        _ => String::new(),
                    };
                    Err((
                        Code::WrongType,
                        format!("{name} must be {range}, not {}{hint}", other.describe()),
                    ))
                }
            }
        }
    }
}

/// The exact decimal a JSON number writes, as [`judge`] reads a number option: an integer as
/// itself; any other number as the shortest decimal its nearest `f64` prints as, which is the
/// number as written whenever it has at most 15 significant digits (every decimal of 15
/// digits or fewer survives the trip through a double: no two share one). `None` when that
/// decimal cannot be held exactly — past `Decimal`'s 28 digits either way (`1e40`, or
/// `1e-30`, which would round to 0): never rounded, so never judged as another number.
pub(crate) fn exact_number(n: &serde_json::Number) -> Option<rust_decimal::Decimal> {
    if let Some(i) = n.as_i64() {
        return Some(i.into());
    }
    if let Some(u) = n.as_u64() {
        return Some(u.into());
    }
    // serde_json writes a float in its shortest round-trip form (`0.1`, `1e-30`), with the
    // formatter it has already: core's `{}` for f64 would bring a second one into the
    // WebAssembly package.
    let text = n.to_string();
    let exact = if text.contains(['e', 'E']) {
        rust_decimal::Decimal::from_scientific(&text)
    } else {
        rust_decimal::Decimal::from_str_exact(&text)
    };
    exact.ok().map(|d| d.normalize())
}

/// The number `text` writes in JSON's own grammar (`0.5`, `-3`, `5e-1`; not `.5`, `+1` or
/// `1_0`), read as [`exact_number`] reads a body's number; `None` when it is not one or cannot
/// be held exactly.
fn json_number(text: &str) -> Option<rust_decimal::Decimal> {
    let n: serde_json::Number = serde_json::from_str(text).ok()?;
    exact_number(&n)
}

/// Why a number [`exact_number`] cannot hold is refused rather than rounded.
pub(crate) fn unholdable(name: &str, n: impl std::fmt::Display, range: &str) -> String {
    format!(
        "{n} has more digits than are held exactly (28 at most, none rounded): {name} must be \
         {range}"
    )
}

/// What to do instead of sending `null` for `option`: leave it out for its default, or to
/// send none; nothing when it is required.
fn null_hint(option: &OptionSpec) -> String {
    match option.default_value() {
        Some(WireValue::Str(d)) => format!("; leave it out for the default {d:?}"),
        Some(d) => format!("; leave it out for the default {d}"),
        None if option.required => String::new(),
        None => "; leave it out to send none".to_owned(),
    }
}

/// Whether `n` is a whole number, however it is written: JSON Schema counts `5.0`, `1e1` and
/// `-0` as integers (and JavaScript cannot tell `5.0` from `5`), so the checker does too. A
/// serde_json number is finite, and an integer's `f64` is whole.
fn integral(n: &serde_json::Number) -> bool {
    n.as_f64().is_some_and(|f| f.fract() == 0.0)
}

/// The `i64` a whole number (see [`integral`]) stands for, if it fits: `5.0` is 5 and `-0` is
/// 0, kept (and written back) as the integer. A number written with a fraction or an exponent
/// is taken at its `f64` value, as a JavaScript validator (ajv) takes it: past 2^53 that is
/// the nearest double (`9007199254740993.0` is …992), and `1e-400` is 0. No catalog range
/// comes near 2^53.
fn whole(n: &serde_json::Number) -> Option<i64> {
    if let Some(v) = n.as_i64() {
        return Some(v);
    }
    let f = n.as_f64()?;
    // The float's value is whole; the i64 range is [-2^63, 2^63), exactly representable.
    (-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0)
        .contains(&f)
        .then_some(f as i64)
}

/// The rules the request breaks, each reported at the last of its options the request gave
/// (bit `i` of `given`: `options[i]` was given a valid value; `count(i)`: how many items the
/// list at `i` was given with). Only rules `judged` picks are judged; nor is a rule naming an
/// option whose value was refused (`failed`): that would be noise.
pub(crate) fn broken_rules(
    selection: &Selection,
    judged: fn(&Rule) -> bool,
    given: u64,
    count: &dyn Fn(usize) -> Option<usize>,
    failed: u64,
    base: &str,
) -> Vec<Violation> {
    let rules = selection.spec().rules;
    rules_broken(rules, selection, judged, given, count, failed, base)
}

/// [`broken_rules`] of `rules`, rules over `selection`'s options (all of its model's rules but
/// in a test).
fn rules_broken(
    rules: &[Rule],
    selection: &Selection,
    judged: fn(&Rule) -> bool,
    given: u64,
    count: &dyn Fn(usize) -> Option<usize>,
    failed: u64,
    base: &str,
) -> Vec<Violation> {
    let mut found = Vec::new();
    for rule in rules.iter().filter(|r| judged(r)) {
        let bits = |mask: u64| rule.when.iter().any(|c| (1u64 << c.option) & mask != 0);
        if bits(failed) || !rule.applies(selection, given, count) {
            continue;
        }
        let at = rule
            .when
            .iter()
            .rev()
            .find(|c| (1u64 << c.option) & given != 0);
        let path = at.map_or_else(|| base.to_owned(), |c| pointer(base, c.name));
        let mut message = String::with_capacity(192);
        // Writing to a String cannot fail.
        let _ = write!(message, "{rule}");
        if let Some(c) = at {
            append_allowed(&mut message, rules, selection, given, count, c.option);
        }
        found.push(Violation {
            path,
            code: Code::UnsupportedCombination,
            message,
        });
    }
    found
}

/// The conditional requirements and exclusions `selection` breaks: a field left out (bit `i`
/// of `seen`: `options[i]` was given, validly or not) that the conditions require, at the
/// pointer where it belongs; a field given that they refuse. `count(i)` is how many items the
/// list at `i` was given with, for a condition on a count. One whose conditions name an option
/// whose value was refused (`failed`) is not judged, nor an exclusion of a field already
/// refused; a field is reported once, by the first requirement it breaks (Kling 3.0 requires
/// its prompt under either of two conditions).
pub(crate) fn broken_requirements(
    selection: &Selection,
    seen: u64,
    count: &dyn Fn(usize) -> Option<usize>,
    failed: u64,
    base: &str,
) -> Vec<Violation> {
    let requirements = selection.spec().requirements;
    requirements_broken(requirements, selection, seen, count, failed, base)
}

/// [`broken_requirements`] of `requirements`, requirements over `selection`'s options.
fn requirements_broken(
    requirements: &[Requirement],
    selection: &Selection,
    seen: u64,
    count: &dyn Fn(usize) -> Option<usize>,
    failed: u64,
    base: &str,
) -> Vec<Violation> {
    let mut found = Vec::new();
    let mut reported = 0u64;
    for r in requirements {
        let bit = 1u64 << r.field;
        let judged = !r.when.iter().any(|c| (1u64 << c.option) & failed != 0);
        if !judged || reported & bit != 0 || !r.applies(selection, seen, count) {
            continue;
        }
        let code = match (r.present, seen & bit != 0) {
            (true, false) => Code::ConditionallyRequired,
            (false, true) if failed & bit == 0 => Code::ConditionallyForbidden,
            _ => continue,
        };
        reported |= bit;
        found.push(Violation {
            path: pointer(base, r.name),
            code,
            message: r.to_string(),
        });
    }
    found
}

/// The totals of `spec` its lists break: `count(i)` is how many items the list at option `i`
/// was given with (`None`: not given, counted as none). A total with a list whose value was
/// refused (`failed`) is not judged: its count is not known. The path is the last list of the
/// total, in spec order, that was given (the first, if none was); the message gives each
/// list's count.
pub(crate) fn broken_totals(
    spec: &ModelSpec,
    count: impl Fn(usize) -> Option<usize>,
    failed: u64,
    base: &str,
) -> Vec<Violation> {
    let mut found = Vec::new();
    for total in spec.totals {
        if total.lists.iter().any(|&l| failed & (1u64 << l) != 0) {
            continue;
        }
        let sum: u64 = total
            .lists
            .iter()
            .map(|&l| count(l).unwrap_or(0) as u64)
            .sum();
        if total.allows(sum) {
            continue;
        }
        let code = match total.maximum {
            Some(max) if sum > u64::from(max) => Code::TooManyInTotal,
            _ => Code::TooFewInTotal,
        };
        let at = total
            .lists
            .iter()
            .copied()
            .filter(|&l| count(l).is_some())
            .max()
            .unwrap_or(total.lists[0]);
        let mut message = format!("{total} (");
        for (k, (&l, name)) in total.lists.iter().zip(total.names).enumerate() {
            let sep = if k == 0 { "" } else { ", " };
            let _ = write!(message, "{sep}{name}: {}", count(l).unwrap_or(0));
        }
        message.push(')');
        found.push(Violation {
            path: pointer(base, spec.options[at].name),
            code,
            message,
        });
    }
    found
}

/// The limits `selection` breaks while their conditions hold: a list's count outside its
/// narrowed one (`count(i)` is how many items the list at `i` was given with; `None`: not
/// given, counted as none), or a choice's value outside its narrowed values (left out, at its
/// default). One whose option or condition was refused (`failed`) is not judged, nor one on a
/// required option left out (bit `i` of `seen` clear: already reported missing). The path is
/// the option's, given or not.
pub(crate) fn broken_limits(
    selection: &Selection,
    count: &dyn Fn(usize) -> Option<usize>,
    seen: u64,
    failed: u64,
    base: &str,
) -> Vec<Violation> {
    let limits = selection.spec().limits;
    limits_broken(limits, selection, count, seen, failed, base)
}

/// [`broken_limits`] of `limits`, limits over `selection`'s options.
fn limits_broken(
    limits: &[Limit],
    selection: &Selection,
    count: &dyn Fn(usize) -> Option<usize>,
    seen: u64,
    failed: u64,
    base: &str,
) -> Vec<Violation> {
    let spec = selection.spec();
    let mut found = Vec::new();
    for limit in limits {
        let bit = 1u64 << limit.field;
        let refused =
            failed & bit != 0 || limit.when.iter().any(|c| failed & (1u64 << c.option) != 0);
        let missing = seen & bit == 0 && spec.options[limit.field].is_required();
        if refused || missing || !limit.applies(selection, seen, count) {
            continue;
        }
        let (code, what) = match limit.narrow {
            Narrow::Items {
                min_items,
                max_items,
            } => {
                let n = count(limit.field).unwrap_or(0);
                let code = match max_items {
                    Some(max) if n as u64 > u64::from(max) => Code::TooManyItems,
                    _ if (n as u64) < u64::from(min_items) => Code::TooFewItems,
                    _ => continue,
                };
                (code, format!("has {}", super::items(n)))
            }
            Narrow::Values { values, slots } => {
                let slot = selection.slot(limit.field);
                if slots.contains(&slot) {
                    continue;
                }
                let allowed = values.iter().map(ToString::to_string).collect::<Vec<_>>();
                let what = match spec.options[limit.field].wire(slot) {
                    Some(v) if seen & bit != 0 => format!("is {v}"),
                    Some(v) => format!("is left out, so {v}"),
                    None => "is left out".to_owned(),
                };
                let code = match slot {
                    crate::spec::ABSENT => Code::ConditionallyRequired,
                    _ => Code::InvalidValue,
                };
                (code, format!("{what}; allowed: {}", allowed.join(", ")))
            }
        };
        found.push(Violation {
            path: pointer(base, limit.name),
            code,
            message: format!("{limit}; {} {what}", limit.name),
        });
    }
    found
}

/// Appends `; with the other options as given, OPTION may be "a", "b"` to `message`: the
/// values of the option at `index` that, with the rest of the request unchanged, break none of
/// `rules` (nothing if none).
fn append_allowed(
    message: &mut String,
    rules: &[Rule],
    selection: &Selection,
    given: u64,
    count: &dyn Fn(usize) -> Option<usize>,
    index: usize,
) {
    let spec = selection.spec();
    let option = &spec.options[index];
    let values = match option.kind {
        OptionKind::Enum { values, .. } => values.len(),
        OptionKind::Bool { .. } => 2,
        OptionKind::Text { .. }
        | OptionKind::List { .. }
        | OptionKind::Integer { .. }
        | OptionKind::Number { .. } => return,
    };
    let mut first = true;
    for slot in 0..values as i64 {
        let mut o = *selection;
        o.set_slot(index, slot);
        if rules.iter().all(|r| !r.applies(&o, given, count)) {
            if first {
                message.push_str("; with the other options as given, ");
                message.push_str(option.name);
                message.push_str(" may be ");
            } else {
                message.push_str(", ");
            }
            if let Some(value) = option.wire(slot) {
                // Writing to a String cannot fail.
                let _ = write!(message, "{value}");
            }
            first = false;
        }
    }
}

/// The body fields of a create-job body being checked.
#[derive(Default)]
struct BodyWalk<'de> {
    seen: u8,
    /// The model `model` names, once read and known.
    model: Option<Model>,
    /// The last `args` object's entries, judged once the model is known.
    args: Option<Result<Entries<'de>, String>>,
    /// The position of the `args` key.
    args_at: usize,
    /// `args` was given more than once.
    args_repeated: bool,
    callback_url: Option<String>,
    /// The args, once judged against the model.
    args_checked: Option<Args>,
    found: Found,
}

/// An args object's members as `(position, key, value)`, kept until the model is known.
type Entries<'de> = Vec<(usize, Cow<'de, str>, Scalar<'de>)>;

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

/// `unknown field "x"; allowed fields: "prompt", …` for an args object of `spec`'s model.
fn unknown_in_args(spec: &ModelSpec, key: &str) -> String {
    let names: Vec<&str> = spec.options.iter().map(|o| o.name).collect();
    format!(
        "unknown field {:?}; allowed fields of {}: {}",
        short(key),
        spec.id,
        QuotedList(&names)
    )
}

/// Checks a whole input of the form `expect` says, with `keep_text` saying whether free text
/// and the callback URL are copied out (a quote needs neither).
pub(crate) struct Request {
    pub expect: Expect,
    pub keep_text: bool,
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
        // The model bare args are read as, if any.
        let args_model = match self.expect {
            Expect::Body => None,
            Expect::Args(model) => Some(model),
            Expect::Either(model) => model,
        };
        let mut args = args_model.map(|m| ArgsWalk::new(m, "", self.keep_text));
        let mut body = BodyWalk::default();
        // Keys that are neither an option nor a body field, with their positions.
        let mut unknown: Vec<(usize, String)> = Vec::new();
        // Every option key at the top, for when the input turns out to be a body.
        let mut top_options: Vec<(usize, String)> = Vec::new();
        let mut at = 0;
        while let Some(Key(key)) = map.next_key()? {
            at += 1;
            let option = args.as_ref().and_then(|a| a.index(&key));
            let body_field = BODY_FIELDS.iter().position(|f| *f == key);
            match (option, body_field) {
                (Some(index), _) if !matches!(self.expect, Expect::Body) => {
                    if matches!(self.expect, Expect::Either(_)) {
                        top_options.push((at, key.to_string()));
                    }
                    let value: Scalar<'de> = map.next_value()?;
                    if let Some(args) = args.as_mut() {
                        args.field(at, index, value);
                    }
                }
                (_, Some(index)) if !matches!(self.expect, Expect::Args(_)) => {
                    body_field_value(&mut body, at, index, &mut map)?;
                }
                _ => {
                    map.next_value::<Skip>()?;
                    unknown.push((at, key.into_owned()));
                }
            }
        }
        let is_body = match self.expect {
            Expect::Either(_) => body.seen != 0,
            expect => expect == Expect::Body,
        };
        if !is_body && args.is_none() {
            // Bare args, and no model to read them as.
            return Ok(Err(vec![Violation {
                path: String::new(),
                code: Code::UnknownModel,
                message: format!(
                    "bare args name no model: name one (check_args, --model) or send a whole create-job body with \"model\"; known models: {}",
                    QuotedList(&Model::IDS)
                ),
            }]));
        }
        let mut found;
        let checked;
        if is_body {
            // Options at the top of a body are unknown there.
            unknown.extend(top_options);
            unknown.sort_by_key(|(at, _)| *at);
            body_finish(&mut body, at + 1, self.keep_text);
            checked = body.args_checked.take();
            found = std::mem::take(&mut body.found);
            report_unknown(&mut found, "", &unknown, |key| {
                format!(
                    "unknown field {:?} in the create-job body; allowed fields: {}",
                    short(key),
                    QuotedList(&BODY_FIELDS)
                )
            });
        } else {
            let walk = args.take().expect("bare args have a model (checked above)");
            let spec = walk.spec;
            let (args, f) = walk.finish(at + 1);
            checked = args;
            found = f;
            if spec.cut_after.is_none() {
                report_unknown(&mut found, "", &unknown, |key| unknown_in_args(spec, key));
            }
        }
        // The callback URL is copied out, as free text is, only when kept.
        let callback_url = body.callback_url.filter(|_| self.keep_text);
        Ok(done(checked, callback_url, found))
    }

    fn not_object(self, what: &str) -> Outcome {
        let name = if self.expect == Expect::Body {
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
fn done(args: Option<Args>, callback_url: Option<String>, found: Found) -> Outcome {
    let mut items = found.items;
    items.sort_by_key(|(at, _)| *at);
    match (items.is_empty(), args) {
        (true, Some(args)) => Ok(CreateJobRequest { args, callback_url }),
        _ => Err(items.into_iter().map(|(_, v)| v).collect()),
    }
}

/// Judges a body field: `model`, `args` or `callback_url` (`BODY_FIELDS[index]`).
fn body_field_value<'de, A: MapAccess<'de>>(
    body: &mut BodyWalk<'de>,
    at: usize,
    index: usize,
    map: &mut A,
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
            body.args_at = at;
            body.args = Some(map.next_value_seed(NestedArgs)?);
        }
        "model" => match map.next_value::<Scalar<'de>>()? {
            Scalar::Str(s) => match s.parse::<Model>() {
                Ok(model) => body.model = Some(model),
                Err(e) => body
                    .found
                    .add(at, path(), Code::UnknownModel, e.to_string()),
            },
            other => {
                let message = format!(
                    "model must be a model id string, not {}; known models: {}",
                    other.describe(),
                    QuotedList(&Model::IDS)
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

/// Judges the `args` kept, now that the model is known; reports missing `model` and `args`;
/// and, when `args` was given twice, only the repeat about it: JSON tools resolve `/args` in
/// the last `args`, so what was found in the first would point at the wrong value.
fn body_finish(body: &mut BodyWalk<'_>, end: usize, keep_text: bool) {
    let at = body.args_at;
    match (body.args.take(), body.model) {
        (Some(Ok(entries)), Some(model)) if !body.args_repeated => {
            let mut walk = ArgsWalk::new(model, "/args", keep_text);
            let mut unknown = Vec::new();
            let mut last = 0;
            for (position, key, value) in entries {
                last = position;
                match walk.index(&key) {
                    Some(index) => walk.field(position, index, value),
                    None => unknown.push((position, key.into_owned())),
                }
            }
            let spec = walk.spec;
            // A page cut inside its option list: a field it does not document may be one
            // after the cut, which the API may take.
            if spec.cut_after.is_none() {
                report_unknown(&mut walk.found, "/args", &unknown, |key| {
                    unknown_in_args(spec, key)
                });
            }
            let (checked, mut found) = walk.finish(last + 1);
            // Inside the body, everything about args sorts where the `args` key stands.
            found.items.sort_by_key(|(p, _)| *p);
            for item in &mut found.items {
                item.0 = at;
            }
            body.found.items.extend(found.items);
            body.args_checked = checked;
        }
        (Some(Err(what)), _) if !body.args_repeated => {
            let message = format!("args must be a JSON object, not {what}");
            body.found
                .add(at, "/args".to_owned(), Code::WrongType, message);
        }
        // Without a known model, args cannot be judged: the model's violation says why.
        _ => {}
    }
    if body.seen & 1 == 0 {
        let message = format!("model is required: one of {}", QuotedList(&Model::IDS));
        body.found
            .add(end, "/model".to_owned(), Code::MissingField, message);
    }
    if body.seen & 2 == 0 {
        let message = "args is required: an object with the model's inputs".to_owned();
        body.found
            .add(end, "/args".to_owned(), Code::MissingField, message);
    }
}

/// The `args` object inside a body, kept as its members' scalar values (strings borrowed from
/// the input where they have no escapes) until the model is known.
struct NestedArgs;

impl<'de> DeserializeSeed<'de> for NestedArgs {
    type Value = Result<Entries<'de>, String>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(Object(self))
    }
}

impl<'de> ObjectWalk<'de> for NestedArgs {
    type Output = Result<Entries<'de>, String>;

    fn object<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Output, A::Error> {
        let mut entries = Vec::new();
        let mut at = 0;
        while let Some(Key(key)) = map.next_key()? {
            at += 1;
            let value: Scalar<'de> = map.next_value()?;
            entries.push((at, key, value));
        }
        Ok(Ok(entries))
    }

    fn not_object(self, what: &str) -> Self::Output {
        Err(what.to_owned())
    }
}

#[cfg(test)]
mod tests {
    /// A relation is not judged beside either of its options refused (bit `i` of `failed`),
    /// whatever value the selection holds there (an option with a default keeps it when its
    /// given value is refused): Wan 2.6 text-to-image's width (3) and height (4) at 2880 × 640,
    /// 9:2, past its 4:1.
    #[test]
    fn a_relation_is_not_judged_beside_a_refused_option() {
        let model = Model::Wan26TextToImage;
        let mut s = Selection::defaults(model);
        s.set("width", WireValue::Int(2880)).unwrap();
        s.set("height", WireValue::Int(640)).unwrap();
        let codes = |failed: u64| -> Vec<Code> {
            super::broken_relations(&s, failed, "")
                .into_iter()
                .map(|v| v.code)
                .collect()
        };
        assert_eq!(codes(0), [Code::RatioOutOfRange]);
        assert_eq!(codes(1 << 2), [Code::RatioOutOfRange], "num_images refused");
        assert!(codes(1 << 3).is_empty(), "width refused");
        assert!(codes(1 << 4).is_empty(), "height refused");
        assert!(codes(1 << 3 | 1 << 4).is_empty());
    }

    /// Conditions over Vidu Q2 image-to-video's options (mode 0, prompt 1, duration 2, image
    /// 3, resolution 4, generate_audio 5, voice_id 6), each test at and past its edge.
    #[test]
    fn each_kind_of_condition_holds_where_it_says() {
        use crate::spec::{Condition, Test};
        let model = Model::ViduQ2ImageToVideo;
        let mut s = Selection::defaults(model);
        s.set("mode", WireValue::Str("pro")).unwrap();
        s.set("duration", WireValue::IntString(5)).unwrap();
        let c = |option: usize, test: Test| Condition {
            option,
            name: model.spec().options[option].name,
            test,
        };
        let no_lists = |_: usize| None;
        let holds = |c: Condition, seen: u64, count: &dyn Fn(usize) -> Option<usize>| {
            c.holds(&s, seen, count)
        };
        let is = |slot| Test::Is {
            value: WireValue::Str("pro"),
            slot,
        };
        assert!(holds(c(0, is(1)), 0, &no_lists));
        assert!(!holds(c(0, is(0)), 0, &no_lists));
        let one_of = |slots: &'static [i64]| Test::OneOf { values: &[], slots };
        assert!(holds(c(0, one_of(&[1, 2])), 0, &no_lists));
        assert!(!holds(c(0, one_of(&[0, 2])), 0, &no_lists));
        let range = |minimum, maximum| Test::Range { minimum, maximum };
        for (lo, hi, expected) in [
            (5, 5, true),
            (3, 5, true),
            (5, 9, true),
            (6, 9, false),
            (1, 4, false),
        ] {
            assert_eq!(
                holds(c(2, range(lo, hi)), 0, &no_lists),
                expected,
                "{lo}..{hi}"
            );
        }
        // Given: bit 6 of `seen`, nothing else.
        assert!(holds(c(6, Test::Given(true)), 1 << 6, &no_lists));
        assert!(!holds(
            c(6, Test::Given(true)),
            (1 << 5) | (1 << 7),
            &no_lists
        ));
        assert!(holds(c(6, Test::Given(false)), 1 << 5, &no_lists));
        assert!(!holds(c(6, Test::Given(false)), 1 << 6, &no_lists));
        // A count: the list at 3 (any option index serves), at and past both bounds.
        let items = |min_items, max_items| Test::Items {
            min_items,
            max_items,
        };
        for (n, expected) in [
            (None, false),
            (Some(0), false),
            (Some(1), true),
            (Some(2), true),
            (Some(3), false),
        ] {
            let count = move |i: usize| if i == 3 { n } else { Some(99) };
            assert_eq!(holds(c(3, items(1, Some(2))), 0, &count), expected, "{n:?}");
        }
        assert!(holds(c(3, items(0, None)), 0, &no_lists));
        assert!(holds(c(3, items(2, None)), 0, &|_| Some(7)));
        assert!(!holds(c(3, items(0, Some(6))), 0, &|_| Some(7)));
    }

    /// An exclusion (`[[excludes]]`: no page of the catalog has one yet, so it is built here):
    /// a field given while its conditions hold is refused, at the field; not when it was
    /// itself refused already, nor when left out, nor beside a refused condition.
    #[test]
    fn an_exclusion_refuses_a_field_given_while_it_applies() {
        use crate::spec::{Condition, Test};
        static NO_VOICE_IN_TURBO: [Requirement; 1] = [Requirement {
            id: "no_voice_in_turbo",
            message: "turbo takes no voice_id",
            when: &[Condition {
                option: 0,
                name: "mode",
                test: Test::Is {
                    value: WireValue::Str("turbo"),
                    slot: 0,
                },
            }],
            field: 6,
            name: "voice_id",
            present: false,
        }];
        let judge = |mode: &str, seen: u64, failed: u64| {
            let mut s = Selection::defaults(Model::ViduQ2ImageToVideo);
            s.set("mode", WireValue::Str(mode)).unwrap();
            requirements_broken(&NO_VOICE_IN_TURBO, &s, seen, &|_| None, failed, "/args")
                .into_iter()
                .map(|v| (v.path, v.code, v.message))
                .collect::<Vec<_>>()
        };
        let voice = 1 << 6;
        assert_eq!(
            judge("turbo", voice, 0),
            [(
                "/args/voice_id".to_owned(),
                Code::ConditionallyForbidden,
                "turbo takes no voice_id (mode = \"turbo\")".to_owned()
            )]
        );
        assert!(judge("turbo", voice, voice).is_empty(), "refused already");
        assert!(judge("turbo", 0, 0).is_empty(), "left out");
        assert!(judge("pro", voice, 0).is_empty(), "another mode");
        assert!(
            judge("turbo", voice | 1, 1).is_empty(),
            "its condition refused"
        );
        // Another field refused beside it changes nothing.
        assert_eq!(judge("turbo", voice | (1 << 3), 1 << 3).len(), 1);
    }

    /// A limit that asks more items than the list's own (no page states one yet, so it is
    /// built here over Seedance 2.0 image-to-video's options: prompt 1, image_urls 4,
    /// is_first_last_frame 5, audio_urls 6): an optional list left out counts as none and is
    /// too few; a required list left out is already missing and not judged again.
    #[test]
    fn a_limit_asking_more_items_judges_a_list_left_out() {
        use crate::spec::{Condition, Test};
        const FLAG: [Condition; 1] = [Condition {
            option: 5,
            name: "is_first_last_frame",
            test: Test::Is {
                value: WireValue::Bool(true),
                slot: 1,
            },
        }];
        static TWO_AT_LEAST: [Limit; 2] = [
            Limit {
                id: "audio_with_frames",
                message: "first/last-frame mode takes two audio clips at least",
                when: &FLAG,
                field: 6,
                name: "audio_urls",
                narrow: Narrow::Items {
                    min_items: 2,
                    max_items: None,
                },
            },
            Limit {
                id: "images_with_frames",
                message: "first/last-frame mode takes two images at least",
                when: &FLAG,
                field: 4,
                name: "image_urls",
                narrow: Narrow::Items {
                    min_items: 2,
                    max_items: None,
                },
            },
        ];
        let mut s = Selection::defaults(Model::Seedance20ImageToVideo);
        s.set("is_first_last_frame", WireValue::Bool(true)).unwrap();
        let judge = |seen: u64, counts: [Option<usize>; 2]| {
            let count = move |i: usize| match i {
                6 => counts[0],
                4 => counts[1],
                _ => None,
            };
            limits_broken(&TWO_AT_LEAST, &s, &count, seen, 0, "/args")
                .into_iter()
                .map(|v| (v.path, v.code, v.message))
                .collect::<Vec<_>>()
        };
        let (flag, images, audio) = (1u64 << 5, 1u64 << 4, 1u64 << 6);
        // Audio left out (none) and one image: both too few.
        assert_eq!(
            judge(flag | images, [None, Some(1)]),
            [
                (
                    "/args/audio_urls".to_owned(),
                    Code::TooFewItems,
                    "first/last-frame mode takes two audio clips at least (is_first_last_frame = true); audio_urls has 0 items".to_owned()
                ),
                (
                    "/args/image_urls".to_owned(),
                    Code::TooFewItems,
                    "first/last-frame mode takes two images at least (is_first_last_frame = true); image_urls has 1 item".to_owned()
                ),
            ]
        );
        // Its condition refused (the flag given as a string): not judged.
        assert!(judge(flag | images, [None, Some(1)]).len() == 2);
        let refused = limits_broken(&TWO_AT_LEAST, &s, &|_| None, flag | images, flag, "/args");
        assert!(refused.is_empty(), "{refused:?}");
        // Two of each: kept. The required images left out: missing, not judged here.
        assert!(judge(flag | images | audio, [Some(2), Some(2)]).is_empty());
        assert_eq!(
            judge(flag | audio, [Some(2), None])
                .into_iter()
                .map(|v| v.0)
                .collect::<Vec<_>>(),
            Vec::<String>::new()
        );
    }

    /// A limit on a choice whose default it does not allow, and on one with no default: left
    /// out, each is refused (the default named; or the field asked for), given, its value is
    /// named. Built over Seedance 2.0 image-to-video's options (mode 0, duration 2,
    /// is_first_last_frame 5, no default).
    #[test]
    fn a_choice_limit_names_a_default_or_asks_for_the_field() {
        use crate::spec::{Condition, Test};
        const FAST: [Condition; 1] = [Condition {
            option: 0,
            name: "mode",
            test: Test::Is {
                value: WireValue::Str("fast"),
                slot: 1,
            },
        }];
        static FAST_LIMITS: [Limit; 2] = [
            Limit {
                id: "fast_is_long",
                message: "fast takes 10 s",
                when: &FAST,
                field: 2,
                name: "duration",
                narrow: Narrow::Values {
                    values: &[WireValue::Int(10)],
                    slots: &[10],
                },
            },
            Limit {
                id: "fast_is_framed",
                message: "fast takes first/last frames",
                when: &FAST,
                field: 5,
                name: "is_first_last_frame",
                narrow: Narrow::Values {
                    values: &[WireValue::Bool(true)],
                    slots: &[1],
                },
            },
        ];
        let judge = |set: &[(&str, WireValue<'static>)], seen: u64| {
            let mut s = Selection::defaults(Model::Seedance20ImageToVideo);
            s.set("mode", WireValue::Str("fast")).unwrap();
            for &(name, v) in set {
                s.set(name, v).unwrap();
            }
            limits_broken(&FAST_LIMITS, &s, &|_| None, seen | 1, 0, "/args")
                .into_iter()
                .map(|v| (v.path, v.code, v.message))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            judge(&[], 0),
            [
                (
                    "/args/duration".to_owned(),
                    Code::InvalidValue,
                    "fast takes 10 s (mode = \"fast\"); duration is left out, so 5; allowed: 10"
                        .to_owned()
                ),
                (
                    "/args/is_first_last_frame".to_owned(),
                    Code::ConditionallyRequired,
                    "fast takes first/last frames (mode = \"fast\"); is_first_last_frame is left out; allowed: true".to_owned()
                ),
            ]
        );
        let given = judge(
            &[
                ("duration", WireValue::Int(8)),
                ("is_first_last_frame", WireValue::Bool(false)),
            ],
            (1 << 2) | (1 << 5),
        );
        assert_eq!(
            given.iter().map(|v| v.2.as_str()).collect::<Vec<_>>(),
            [
                "fast takes 10 s (mode = \"fast\"); duration is 8; allowed: 10",
                "fast takes first/last frames (mode = \"fast\"); is_first_last_frame is false; allowed: true",
            ]
        );
        let kept = judge(
            &[
                ("duration", WireValue::Int(10)),
                ("is_first_last_frame", WireValue::Bool(true)),
            ],
            (1 << 2) | (1 << 5),
        );
        assert!(kept.is_empty(), "{kept:?}");
    }

    /// Two requirements on one field (a page's "when A or B"): reported once, by the first that
    /// applies; each alone when only it applies.
    #[test]
    fn a_field_two_requirements_break_is_reported_once() {
        use crate::spec::{Condition, Test};
        static EITHER: [Requirement; 2] = [
            Requirement {
                id: "voice_with_audio",
                message: "voice_id is required with audio",
                when: &[Condition {
                    option: 5,
                    name: "generate_audio",
                    test: Test::Is {
                        value: WireValue::Bool(true),
                        slot: 1,
                    },
                }],
                field: 6,
                name: "voice_id",
                present: true,
            },
            Requirement {
                id: "voice_in_pro",
                message: "voice_id is required in pro modes",
                when: &[Condition {
                    option: 0,
                    name: "mode",
                    test: Test::OneOf {
                        values: &[WireValue::Str("pro"), WireValue::Str("pro-fast")],
                        slots: &[1, 2],
                    },
                }],
                field: 6,
                name: "voice_id",
                present: true,
            },
        ];
        let judge = |mode: &str, audio: bool, seen: u64| {
            let mut s = Selection::defaults(Model::ViduQ2ImageToVideo);
            s.set("mode", WireValue::Str(mode)).unwrap();
            s.set("generate_audio", WireValue::Bool(audio)).unwrap();
            requirements_broken(&EITHER, &s, seen, &|_| None, 0, "/args")
                .into_iter()
                .map(|v| (v.path, v.message))
                .collect::<Vec<_>>()
        };
        let with_audio = (
            "/args/voice_id".to_owned(),
            "voice_id is required with audio (generate_audio = true)".to_owned(),
        );
        let in_pro = (
            "/args/voice_id".to_owned(),
            "voice_id is required in pro modes (mode is one of \"pro\", \"pro-fast\")".to_owned(),
        );
        assert_eq!(judge("pro", true, 0), std::slice::from_ref(&with_audio));
        assert_eq!(judge("turbo", true, 0), [with_audio]);
        assert_eq!(judge("pro-fast", false, 0), [in_pro]);
        assert!(judge("turbo", false, 0).is_empty());
        assert!(judge("pro", true, 1 << 6).is_empty());
        // The audio switch refused (option 5): the first requirement is not judged; the
        // second, on mode, still is.
        let mut s = Selection::defaults(Model::ViduQ2ImageToVideo);
        s.set("mode", WireValue::Str("turbo")).unwrap();
        s.set("generate_audio", WireValue::Bool(true)).unwrap();
        assert!(requirements_broken(&EITHER, &s, 1 << 5, &|_| None, 1 << 5, "/args").is_empty());
        s.set("mode", WireValue::Str("pro")).unwrap();
        let second = requirements_broken(&EITHER, &s, 1 << 5, &|_| None, 1 << 5, "/args");
        assert_eq!(second.len(), 1);
        assert!(second[0]
            .message
            .starts_with("voice_id is required in pro modes"));
    }

    /// A number is the decimal it writes, up to 15 significant digits whatever its form; more
    /// digits are its nearest double's shortest decimal; past Decimal's reach, none.
    #[test]
    fn numbers_are_read_as_the_decimals_they_write() {
        let n = |text: &str| serde_json::from_str::<serde_json::Number>(text).unwrap();
        for (text, exact) in [
            ("0", "0"),
            ("7", "7"),
            ("-3", "-3"),
            ("18446744073709551615", "18446744073709551615"),
            ("0.1", "0.1"),
            ("0.7", "0.7"),
            ("5e-1", "0.5"),
            ("1E2", "100"),
            ("-0.0", "0"),
            ("0.000000001", "0.000000001"),
            ("123456789.012345", "123456789.012345"),
            ("0.999999999999999", "0.999999999999999"),
            ("0.30000000000000004", "0.30000000000000004"),
        ] {
            assert_eq!(
                exact_number(&n(text)),
                Some(exact.parse().unwrap()),
                "{text}"
            );
        }
        // 18 significant digits: the nearest double's 17.
        assert_eq!(
            exact_number(&n("0.123456789012345678")),
            Some("0.12345678901234568".parse().unwrap())
        );
        assert_eq!(exact_number(&n("1e40")), None);
        // Too small to hold in 28 places: not rounded to 0.
        assert_eq!(exact_number(&n("1e-30")), None);
        assert_eq!(exact_number(&n("-1e-30")), None);
        assert_eq!(
            exact_number(&n("1e-28")),
            Some("0.0000000000000000000000000001".parse().unwrap())
        );
    }

    use super::*;
    use crate::spec::{Lookup, Pricing, Total};

    /// An item of several fields (no page has one yet, so it is built here): each field in
    /// its place, a duplicate and a missing one reported at their own field, a list of text
    /// and a bool written back as themselves, in field order.
    #[test]
    fn an_item_of_several_fields_is_judged_field_by_field() {
        use crate::spec::ListItem;
        static FIELDS: [OptionSpec; 4] = [
            OptionSpec {
                name: "caption",
                description: "Caption",
                required: true,
                kind: OptionKind::Text {
                    examples: &[],
                    max_length: None,
                },
            },
            OptionSpec {
                name: "weight",
                description: "Weight",
                required: true,
                kind: OptionKind::Integer {
                    minimum: 1,
                    maximum: 8,
                    values: &[],
                    default: None,
                    string: false,
                },
            },
            OptionSpec {
                name: "tags",
                description: "Tags",
                required: false,
                kind: OptionKind::List {
                    min_items: 0,
                    max_items: None,
                    item: ListItem::Text,
                },
            },
            OptionSpec {
                name: "hdr",
                description: "HDR",
                required: false,
                kind: OptionKind::Bool { default: None },
            },
        ];
        let judged = |json: &str| {
            let Scalar::List(items) = serde_json::from_str::<Scalar<'_>>(json).unwrap() else {
                panic!("{json}")
            };
            let Scalar::Entries(members) = &items[0] else {
                panic!("{json}")
            };
            let mut found = Vec::new();
            let (text, values) = judge_item("/p/0", "panels", &FIELDS, false, members, &mut found);
            let found: Vec<(String, Code)> = found.into_iter().map(|v| (v.path, v.code)).collect();
            (text, values, found)
        };
        let (text, values, found) =
            judged(r#"[{"hdr":true,"tags":["a","b"],"weight":3,"caption":"c"}]"#);
        assert_eq!(
            text,
            r#"{"caption":"c","weight":3,"tags":["a","b"],"hdr":true}"#
        );
        assert_eq!(values, [0, 3, 0, 0]);
        assert!(found.is_empty(), "{found:?}");
        let (text, _, _) = judged(r#"[{"hdr":false,"weight":1,"caption":"c"}]"#);
        assert_eq!(text, r#"{"caption":"c","weight":1,"hdr":false}"#);
        // The second field twice and the first left out; an unknown member of a closed item.
        let (_, _, found) = judged(r#"[{"weight":2,"weight":2,"tags":[" "],"size":1}]"#);
        assert_eq!(
            found,
            [
                ("/p/0/weight".to_owned(), Code::DuplicateField),
                ("/p/0/tags/0".to_owned(), Code::EmptyText),
                ("/p/0/size".to_owned(), Code::UnknownField),
                ("/p/0/caption".to_owned(), Code::MissingField),
            ]
        );
        let (_, _, found) = judged(r#"[{"caption":"c"}]"#);
        assert_eq!(found, [("/p/0/weight".to_owned(), Code::MissingField)]);
    }

    /// What the reader keeps of a field's value at each depth: an array of items (0), an
    /// item's object (1), its members' arrays (2) and their items (3); deeper containers by
    /// kind only, and an object outside a list by kind only.
    #[test]
    fn a_value_is_kept_as_deep_as_a_spec_can_state_it() {
        fn read(json: &str) -> Scalar<'_> {
            serde_json::from_str(json).unwrap()
        }
        let shape = |s: &Scalar<'_>| -> String {
            fn go(s: &Scalar<'_>) -> String {
                match s {
                    Scalar::List(items) => {
                        format!("[{}]", items.iter().map(go).collect::<Vec<_>>().join(","))
                    }
                    Scalar::Entries(members) => format!(
                        "{{{}}}",
                        members
                            .iter()
                            .map(|(k, v)| format!("{k}:{}", go(v)))
                            .collect::<Vec<_>>()
                            .join(",")
                    ),
                    Scalar::Array => "A".to_owned(),
                    Scalar::Object => "O".to_owned(),
                    Scalar::Str(s) => format!("{s:?}"),
                    Scalar::Number(n) => n.to_string(),
                    Scalar::Bool(b) => b.to_string(),
                    Scalar::Null => "null".to_owned(),
                }
            }
            go(s)
        };
        assert_eq!(shape(&read(r#"{"a":1}"#)), "O");
        assert_eq!(
            shape(&read(r#"[{"a":["x",["y"],{"z":1}],"b":{"c":2}},[1],"s"]"#)),
            r#"[{a:["x",A,O],b:O},A,"s"]"#
        );
    }

    fn scalar(json: &str) -> Scalar<'_> {
        serde_json::from_str(json).unwrap()
    }

    /// Two optional lists and a total with both a minimum and a maximum (no page of the
    /// catalog states a minimum yet), built here.
    static LISTS: [OptionSpec; 2] = [
        OptionSpec {
            name: "images",
            description: "Images",
            required: false,
            kind: OptionKind::List {
                min_items: 0,
                max_items: None,
                item: crate::spec::ListItem::Text,
            },
        },
        OptionSpec {
            name: "videos",
            description: "Videos",
            required: false,
            kind: OptionKind::List {
                min_items: 0,
                max_items: None,
                item: crate::spec::ListItem::Text,
            },
        },
    ];
    static TWO_TO_THREE: [Total; 1] = [Total {
        id: "two_to_three",
        message: "images and videos together take 2 to 3 items",
        lists: &[0, 1],
        names: &["images", "videos"],
        minimum: 2,
        maximum: Some(3),
    }];
    static WITH_A_TOTAL: ModelSpec = ModelSpec {
        model: Model::Pixverse55TextToVideo,
        id: "example/total",
        name: "Total",
        category: "text-to-video",
        kind: "inference",
        currency: "USD",
        create_endpoint: "https://example.com/create",
        query_endpoint: "https://example.com/query",
        source: "src/check/walk.rs",
        cut_after: None,
        options: &LISTS,
        rules: &[],
        requirements: &[],
        totals: &TWO_TO_THREE,
        limits: &[],
        sums: &[],
        relations: &[],
        pricing: Pricing {
            dimensions: &[],
            per: None,
            quantities: &[],
            cells: &[],
        },
        lookup: Lookup {
            index: &[],
            table: &[],
            times: &[],
        },
    };

    /// A total at and past both its limits: the code, the path (the last list given, else
    /// the first), each list's count; and not judged beside a list refused on its own.
    #[test]
    fn a_total_is_judged_at_both_its_limits() {
        let judge = |images: Option<usize>, videos: Option<usize>, failed: u64| {
            let count = |i: usize| [images, videos][i];
            broken_totals(&WITH_A_TOTAL, count, failed, "/args")
                .into_iter()
                .map(|v| (v.path, v.code, v.message))
                .collect::<Vec<_>>()
        };
        let one = |path: &str, code: Code, images: usize, videos: usize| {
            vec![(
                path.to_owned(),
                code,
                format!(
                    "images and videos together take 2 to 3 items (images: {images}, videos: {videos})"
                ),
            )]
        };
        for (images, videos) in [
            (Some(2), None),
            (Some(1), Some(1)),
            (None, Some(3)),
            (Some(0), Some(3)),
        ] {
            assert_eq!(judge(images, videos, 0), [], "{images:?} {videos:?}");
        }
        assert_eq!(
            judge(None, None, 0),
            one("/args/images", Code::TooFewInTotal, 0, 0)
        );
        assert_eq!(
            judge(Some(1), None, 0),
            one("/args/images", Code::TooFewInTotal, 1, 0)
        );
        assert_eq!(
            judge(None, Some(1), 0),
            one("/args/videos", Code::TooFewInTotal, 0, 1)
        );
        assert_eq!(
            judge(Some(2), Some(2), 0),
            one("/args/videos", Code::TooManyInTotal, 2, 2)
        );
        assert_eq!(
            judge(Some(4), None, 0),
            one("/args/images", Code::TooManyInTotal, 4, 0)
        );
        // A list refused on its own (its count unknown): the total waits for it.
        assert_eq!(judge(None, Some(1), 1 << 0), []);
        assert_eq!(judge(Some(9), None, 1 << 1), []);
        assert_eq!(
            judge(None, Some(1), 1 << 2),
            one("/args/videos", Code::TooFewInTotal, 0, 1)
        );
    }

    /// An integer option built here, with a negative minimum (HappyHorse's duration, the one
    /// in the catalog, starts at 3).
    #[test]
    fn an_integer_option_takes_whole_numbers_in_its_range() {
        let seed = OptionSpec {
            name: "seed",
            description: "Seed",
            required: false,
            kind: OptionKind::Integer {
                minimum: -5,
                maximum: 15,
                values: &[],
                default: Some(5),
                string: false,
            },
        };
        // The slot taken (an integer is never text), or the refusal.
        let judged = |json: &str| {
            judge("/args", &seed, &scalar(json)).map(|accepted| match accepted {
                Accepted::Slot(n) => Some(n),
                Accepted::Text(_) | Accepted::Number(_) => None,
            })
        };
        for (json, n) in [("5", 5), ("-5", -5), ("15", 15), ("0", 0)] {
            assert_eq!(judged(json), Ok(Some(n)), "{json}");
        }
        let range = "seed must be a whole number from -5 to 15";
        for json in ["16", "-6", "18446744073709551615", "-9223372036854775808"] {
            assert_eq!(
                judged(json),
                Err((Code::OutOfRange, format!("{json} is out of range: {range}"))),
                "{json}"
            );
        }
        // A whole number written as a float is that integer, as JSON Schema counts it.
        for (json, n) in [
            ("5.0", 5),
            ("-0", 0),
            ("-0.0", 0),
            ("1e1", 10),
            ("1.5e1", 15),
            ("-5.000", -5),
            ("150e-1", 15),
        ] {
            assert_eq!(judged(json), Ok(Some(n)), "{json}");
        }
        for (json, shown) in [
            ("16.0", "16.0"),
            ("1e2", "100.0"),
            ("-6.0", "-6.0"),
            ("1e19", "1e+19"),
            ("-1e300", "-1e+300"),
        ] {
            assert_eq!(
                judged(json),
                Err((
                    Code::OutOfRange,
                    format!("{shown} is out of range: {range}")
                )),
                "{json}"
            );
        }
        for (json, not) in [
            ("1.5", "the number 1.5"),
            ("5.000001", "the number 5.000001"),
            ("1e-1", "the number 0.1"),
            (
                "\"7\"",
                "the string \"7\"; write the number 7 without quotes",
            ),
            (
                "\" -3 \"",
                "the string \" -3 \"; write the number -3 without quotes",
            ),
            ("\"seven\"", "the string \"seven\""),
            ("\"7.5\"", "the string \"7.5\""),
            ("null", "null; leave it out for the default 5"),
            ("true", "the boolean true"),
            ("[5]", "an array"),
            ("{}", "an object"),
        ] {
            assert_eq!(
                judged(json),
                Err((Code::WrongType, format!("{range}, not {not}"))),
                "{json}"
            );
        }
    }

    /// A rule is not judged beside a refused value of one of its options: the option keeps
    /// its default, and were that default part of the rule (no spec has one today, so the
    /// walk starts here from a selection that makes it so), the rule would be noise.
    #[test]
    fn no_rule_is_judged_beside_a_refused_value() {
        let model = Model::Pixverse55TextToVideo;
        let spec = model.spec();
        let walk = |duration: &str| {
            let mut walk = ArgsWalk::new(model, "/args", false);
            // As if "10" were the default duration.
            walk.selection = walk
                .selection
                .with("duration", WireValue::Str("10"))
                .unwrap();
            walk.field(0, spec.option_index("prompt").unwrap(), scalar("\"a cat\""));
            walk.field(
                1,
                spec.option_index("resolution").unwrap(),
                scalar("\"1080p\""),
            );
            walk.field(2, spec.option_index("duration").unwrap(), scalar(duration));
            let (args, found) = walk.finish(3);
            assert!(args.is_none());
            found
                .items
                .into_iter()
                .map(|(_, v)| (v.path, v.code))
                .collect::<Vec<_>>()
        };
        assert_eq!(walk("10"), [("/args/duration".to_owned(), Code::WrongType)]);
        assert_eq!(
            walk("\"15\""),
            [("/args/duration".to_owned(), Code::InvalidValue)]
        );
        // Given validly, the same value breaks the rule.
        assert_eq!(
            walk("\"10\""),
            [("/args/duration".to_owned(), Code::UnsupportedCombination)]
        );
    }

    /// Rules whose conditions ask more than values, over Wan 2.6 reference-to-video's options
    /// (no page in the catalog states one; the extended-model fixture has three, through the
    /// library and the CLI): each holds exactly when all its conditions do, with `given` and
    /// the lists' counts from the request; a selection alone never breaks one; each is
    /// reported at the last of its options given, with the values of that option that would
    /// break no rule; `judged` picks which are judged.
    #[test]
    fn a_rule_of_ranges_given_options_and_counts_is_judged_from_the_request() {
        use crate::spec::{Condition, Test};
        let model = Model::Wan26ReferenceToVideo;
        let spec = model.spec();
        let at = |name: &str| spec.option_index(name).unwrap();
        let p1080 = Test::Is {
            value: WireValue::Str("1080p"),
            slot: 1,
        };
        let condition = |name: &'static str, test: Test| Condition {
            option: at(name),
            name,
            test,
        };
        let rules: Vec<Rule> = vec![
            Rule {
                id: "no_negative_prompt_at_1080p",
                message: "no negative prompt at 1080p",
                when: Box::leak(Box::new([
                    condition("negative_prompt", Test::Given(true)),
                    condition("resolution", p1080),
                ])),
            },
            Rule {
                id: "short_1080p",
                message: "1080p is at most 7 seconds",
                when: Box::leak(Box::new([
                    condition(
                        "duration",
                        Test::Range {
                            minimum: 8,
                            maximum: 10,
                        },
                    ),
                    condition("resolution", p1080),
                ])),
            },
            Rule {
                id: "two_images_need_a_video",
                message: "two images or more need a video",
                when: Box::leak(Box::new([
                    condition(
                        "image_urls",
                        Test::Items {
                            min_items: 2,
                            max_items: None,
                        },
                    ),
                    condition("video_urls", Test::Given(false)),
                ])),
            },
        ];
        let bit = |name: &str| 1u64 << at(name);
        let (negative, images, videos, duration, resolution) = (
            bit("negative_prompt"),
            bit("image_urls"),
            bit("video_urls"),
            bit("duration"),
            bit("resolution"),
        );
        let defaults = Selection::defaults(model); // 1080p, 5 seconds
        let eight = defaults.with("duration", WireValue::Int(8)).unwrap();
        let p720 = eight.with("resolution", WireValue::Str("720p")).unwrap();
        for rule in &rules {
            assert!(!rule.is_of_values(), "{}", rule.id);
            assert!(!eight.breaks(rule), "{}", rule.id);
        }
        let judge =
            |selection: &Selection, given: u64, images_given: Option<usize>, failed: u64| {
                let count = |i: usize| (i == at("image_urls")).then_some(images_given).flatten();
                rules_broken(&rules, selection, |_| true, given, &count, failed, "/args")
                    .into_iter()
                    .map(|v| {
                        assert_eq!(v.code, Code::UnsupportedCombination);
                        (v.path, v.message)
                    })
                    .collect::<Vec<_>>()
            };
        let one = |path: &str, message: &str| vec![(path.to_owned(), message.to_owned())];
        // Given: a negative prompt at the default 1080p, at the prompt; at 720p, nothing.
        assert_eq!(
            judge(&defaults, negative | videos, None, 0),
            one(
                "/args/negative_prompt",
                "no negative prompt at 1080p (negative_prompt given, resolution = \"1080p\")"
            )
        );
        assert_eq!(
            judge(&defaults, negative | videos | resolution, None, 0),
            one(
                "/args/resolution",
                "no negative prompt at 1080p (negative_prompt given, resolution = \"1080p\"); \
                 with the other options as given, resolution may be \"720p\""
            )
        );
        assert_eq!(judge(&p720, negative | videos | resolution, None, 0), []);
        assert_eq!(judge(&defaults, videos, None, 0), []);
        // A range: 8 seconds at 1080p breaks it, 7 does not, nor 8 at 720p.
        assert_eq!(
            judge(&eight, duration | videos, None, 0),
            one(
                "/args/duration",
                "1080p is at most 7 seconds (duration from 8 to 10, resolution = \"1080p\")"
            )
        );
        let seven = defaults.with("duration", WireValue::Int(7)).unwrap();
        assert_eq!(judge(&seven, duration | videos, None, 0), []);
        assert_eq!(judge(&p720, duration | resolution | videos, None, 0), []);
        // A count: two images and no video break it; one image, or a video beside, do not.
        let message = "two images or more need a video (image_urls has at least 2 items, video_urls left out)";
        assert_eq!(
            judge(&defaults, images, Some(2), 0),
            one("/args/image_urls", message)
        );
        assert_eq!(judge(&defaults, images, Some(1), 0), []);
        assert_eq!(judge(&defaults, images | videos, Some(2), 0), []);
        // Not judged beside a refused value, nor when `judged` leaves it out.
        assert_eq!(judge(&defaults, 0, None, images), []);
        assert_eq!(judge(&eight, videos, None, duration), []);
        let judged = rules_broken(
            &rules,
            &eight,
            |r| r.id == "short_1080p",
            duration | negative | videos,
            &|_| None,
            0,
            "/args",
        );
        let ids: Vec<&str> = judged.iter().map(|v| v.path.as_str()).collect();
        assert_eq!(ids, ["/args/duration"]);
    }

    /// A broken rule is reported at the last of its options the request gave, or at `args`
    /// when it gave none of them (the rule holds on defaults); not at all when one of them was
    /// refused. Today's rules name no default, so the walk cannot give them every `given`:
    /// call `broken_rules` with each.
    #[test]
    fn a_broken_rule_is_reported_at_the_last_option_given() {
        let model = Model::Pixverse55TextToVideo;
        let selection = Selection::defaults(model)
            .with("resolution", WireValue::Str("1080p"))
            .and_then(|s| s.with("duration", WireValue::Str("10")))
            .unwrap();
        let spec = model.spec();
        let bit = |name: &str| 1u64 << spec.option_index(name).unwrap();
        let (resolution, duration) = (bit("resolution"), bit("duration"));
        let at = |given: u64, failed: u64| -> Vec<String> {
            broken_rules(&selection, |_| true, given, &|_| None, failed, "/args")
                .into_iter()
                .map(|v| {
                    assert_eq!(v.code, Code::UnsupportedCombination);
                    v.path
                })
                .collect()
        };
        assert_eq!(at(resolution | duration, 0), ["/args/duration"]);
        assert_eq!(at(duration, 0), ["/args/duration"]);
        assert_eq!(at(resolution, 0), ["/args/resolution"]);
        assert_eq!(at(0, 0), ["/args"]);
        assert_eq!(at(resolution, duration), Vec::<String>::new());
        assert_eq!(at(0, resolution), Vec::<String>::new());
        // An option outside the rule changes nothing.
        assert_eq!(
            at(resolution | bit("aspect_ratio"), 0),
            ["/args/resolution"]
        );
    }

    #[test]
    fn white_space_is_unicode_white_space_in_ascii_and_beyond() {
        for c in (0..=0x3000u32).filter_map(char::from_u32) {
            for s in [c.to_string(), format!("example.com/{c}x"), format!("é{c}")] {
                assert_eq!(has_white_space(&s), c.is_whitespace(), "{c:?} in {s:?}");
            }
        }
        assert!(is_http_url("https://example.com/a?b=c"));
        assert!(!is_http_url("https://example.com/a b"));
        assert!(!is_http_url("https://example.com/a\u{a0}b"));
    }
}
