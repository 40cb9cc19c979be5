//! The spec as data at run time: the types every generated model module's tables are made of
//! ([`ModelSpec`], [`OptionSpec`], [`Rule`], [`Pricing`]), and the [`WireEnum`] trait every
//! generated option enum implements.
//!
//! Code that works on any model (the checker, the serializer, the schema, the CLI) reads these
//! tables through [`Model::spec`](crate::Model::spec) instead of naming options, so a model,
//! option, value, price or rule added in `spec/models/` reaches it without a Rust edit.

use std::fmt;
use std::marker::PhantomData;

use rust_decimal::Decimal;

use crate::Model;

mod serialize;

/// Everything one spec file says about its model.
///
/// Serializes (serde) as the JSON that `shortapi-pricing models` prints: its id, name,
/// endpoints, options, rules and prices, every amount a decimal string.
///
/// ```
/// use shortapi_pricing::Model;
///
/// let json = serde_json::to_value(Model::Pixverse55TextToVideo.spec()).unwrap();
/// assert_eq!(json["options"][1]["values"][0], "540p");
/// assert_eq!(json["rules"][0]["when"]["duration"], "10");
/// assert_eq!(json["pricing"]["cells"][0]["price"], "0.128");
/// ```
#[derive(Debug, PartialEq, Eq)]
pub struct ModelSpec {
    /// The model this describes.
    pub model: Model,
    /// The id requests name (`"pixverse/pixverse-5.5/text-to-video"`).
    pub id: &'static str,
    /// The human-readable name.
    pub name: &'static str,
    /// The page's category (`"text-to-video"`).
    pub category: &'static str,
    /// The page's kind (`"inference"`).
    pub kind: &'static str,
    /// The ISO 4217 currency of every price (`"USD"`).
    pub currency: &'static str,
    /// Where to `POST` a create-job body.
    pub create_endpoint: &'static str,
    /// Where to `GET` a job's status, with `?id=JOB_ID`.
    pub query_endpoint: &'static str,
    /// The spec file it was generated from (`"spec/models/pixverse-5.5-text-to-video.toml"`).
    pub source: &'static str,
    /// Where the page's stored copy ends, when it is cut inside its option list: the last
    /// option it documents. A field the checker cannot know (one after the cut) then passes,
    /// while every documented one is still checked; the schema leaves such a model's args open.
    pub cut_after: Option<&'static str>,
    /// Every option, in page order.
    pub options: &'static [OptionSpec],
    /// Every forbidden combination, in spec order.
    pub rules: &'static [Rule],
    /// Every conditional requirement or exclusion (a field required, or refused, when some
    /// options have some values), in spec order.
    pub requirements: &'static [Requirement],
    /// Limits on how many items several lists take together ("`image_urls` and `video_urls`
    /// together at most 5"): what JSON Schema cannot say, carried in the schema as the
    /// `x-shortapi-totals` keyword.
    pub totals: &'static [Total],
    /// Narrower item counts for a list when options have some values ("with
    /// `is_first_last_frame` on, `image_urls` takes 1 to 2 images"), in spec order.
    pub limits: &'static [Limit],
    /// Sums over a list's items that must equal an option ("the shots' durations add up to
    /// `duration`"): what JSON Schema cannot say, carried in the schema as the
    /// `x-shortapi-sums` keyword.
    pub sums: &'static [Sum],
    /// Arithmetic over two whole-number options that must lie in a range ("width × height
    /// from 1280 × 1280 to 1440 × 1440", "an aspect ratio from 1:4 to 4:1"): what JSON Schema
    /// cannot say, carried in the schema as the `x-shortapi-relations` keyword.
    pub relations: &'static [Relation],
    /// The prices as the page documents them.
    pub pricing: Pricing,
    /// The price lookup built from [`pricing`](Self::pricing) at compile time.
    #[doc(hidden)]
    pub lookup: Lookup,
}

impl ModelSpec {
    /// The index of the option named `name` in [`options`](Self::options).
    pub fn option_index(&self, name: &str) -> Option<usize> {
        self.options.iter().position(|o| o.name == name)
    }

    /// The option named `name`.
    pub fn option(&self, name: &str) -> Option<&'static OptionSpec> {
        self.options.iter().find(|o| o.name == name)
    }

    /// The options a price depends on: the dimensions, then the per-unit options if any.
    pub fn priced_options(&self) -> impl Iterator<Item = &'static OptionSpec> + '_ {
        let per = self.pricing.per.map_or(&[][..], |p| p.terms);
        let per = per.iter().filter_map(|t| match t {
            Term::Option(o) => Some(*o),
            Term::Quantity(_) => None,
        });
        self.pricing
            .dimensions
            .iter()
            .copied()
            .chain(per)
            .map(|i| &self.options[i])
    }

    /// The names whose sum a per-unit rate multiplies, in spec order: numeric options and
    /// measured quantities (`["input_video_seconds", "duration"]`); none for a price per job.
    pub fn per_names(&self) -> Vec<&'static str> {
        let terms = self.pricing.per.map_or(&[][..], |p| p.terms);
        terms
            .iter()
            .map(|t| match *t {
                Term::Option(o) => self.options[o].name,
                Term::Quantity(q) => self.pricing.quantities[q].name,
            })
            .collect()
    }

    /// Whether a per-unit rate multiplies the option named `name` (a term of `per`).
    pub fn is_per_option(&self, name: &str) -> bool {
        self.pricing.per.is_some_and(|p| {
            p.terms
                .iter()
                .any(|t| matches!(*t, Term::Option(o) if self.options[o].name == name))
        })
    }

    /// The measured quantity named `name`.
    pub fn quantity(&self, name: &str) -> Option<&'static Quantity> {
        self.pricing.quantities.iter().find(|q| q.name == name)
    }
}

/// One option of a request, as a spec file describes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OptionSpec {
    /// The wire name (`"resolution"`), also the field name in the model's `Options`.
    pub name: &'static str,
    /// The description from the API page.
    pub description: &'static str,
    /// Whether a request must give it: free text the page requires, or an option the page
    /// requires and gives no default (an option with a default is never required: the API
    /// cannot need what it defaults).
    pub required: bool,
    /// The values it takes and its default.
    pub kind: OptionKind,
}

/// The slot of an option a request leaves out when it has no default (see
/// [`Selection::slot`](crate::Selection::slot)): no value of any option has it.
pub const ABSENT: i64 = i64::MIN;

/// What values an option takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OptionKind {
    /// Free text that must not be empty or blank (`prompt`, `image`).
    Text {
        /// Example values from the API page.
        examples: &'static [&'static str],
        /// The most characters (Unicode scalar values, as JSON Schema's `maxLength` counts
        /// them) the page allows, if it states a limit it refuses past.
        max_length: Option<u32>,
    },
    /// A JSON array of items: free text (image or video URLs), each checked like free text,
    /// or objects with typed fields (Kling 3.0's `multi_prompt` shots).
    List {
        /// The fewest items allowed (1 for a required list unless the spec says otherwise).
        min_items: u32,
        /// The most items allowed, if the page states a limit.
        max_items: Option<u32>,
        /// What each item is.
        item: ListItem,
    },
    /// One of a list of strings; a generated enum in Rust.
    Enum {
        /// The wire values, in spec order.
        values: &'static [&'static str],
        /// The documented default's position in `values`; `None` when the page gives none
        /// (left out, the option is not sent).
        default: Option<usize>,
        /// How many units (seconds) each value is, in the order of `values`; empty when the
        /// spec does not say.
        units: &'static [u32],
    },
    /// A JSON number from `minimum` to `maximum`, both included, read exactly as a decimal
    /// (Kling 2.6's `cfg_scale`, 0 to 1); an input [`Args`](crate::Args) carries (no price
    /// depends on it), with no default.
    Number {
        /// The smallest allowed value.
        minimum: Decimal,
        /// The largest allowed value.
        maximum: Decimal,
    },
    /// `true` or `false`.
    Bool {
        /// The documented default, if the page gives one.
        default: Option<bool>,
    },
    /// A whole number from `minimum` to `maximum`, both included (and, if `values` lists
    /// some, one of them); a JSON number on the wire.
    Integer {
        /// The smallest allowed value.
        minimum: i64,
        /// The largest allowed value.
        maximum: i64,
        /// The only values allowed, ascending, when the page lists them (`1, 2, 4, 8`); empty
        /// when every whole number of the range is.
        values: &'static [i64],
        /// The documented default, if the page gives one.
        default: Option<i64>,
        /// Whether the wire writes it as a JSON string (Vidu's duration, `"1"` to `"10"`):
        /// its decimal digits, no sign for a positive number, no leading zero.
        string: bool,
    },
}

/// What each item of a [`List`](OptionKind::List) is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListItem {
    /// Free text, checked like a free-text option (not empty, not blank).
    Text,
    /// A JSON object whose members are `fields`, each checked like an option of that kind
    /// (free text, a list of text, a whole number, a number or a bool; none has a default).
    Object {
        /// The item's documented fields, in page order.
        fields: &'static [OptionSpec],
        /// Whether a member the spec does not know passes: the page's copy is cut inside the
        /// item's fields (`cut_after`), so the API may take more.
        open: bool,
    },
}

impl ListItem {
    /// The item's fields; none for text.
    pub const fn fields(&self) -> &'static [OptionSpec] {
        match self {
            ListItem::Text => &[],
            ListItem::Object { fields, .. } => fields,
        }
    }
}

impl OptionKind {
    /// What a list's items are; `None` for any other kind.
    pub const fn list_item(&self) -> Option<ListItem> {
        match self {
            OptionKind::List { item, .. } => Some(*item),
            _ => None,
        }
    }

    /// The kind's name where the spec is written out as JSON (`"string"`, `"list"`, `"enum"`,
    /// `"bool"`, `"integer"`, `"number"`), as the spec files spell it.
    pub const fn name(&self) -> &'static str {
        match self {
            OptionKind::Text { .. } => "string",
            OptionKind::List { .. } => "list",
            OptionKind::Enum { .. } => "enum",
            OptionKind::Bool { .. } => "bool",
            OptionKind::Integer { .. } => "integer",
            OptionKind::Number { .. } => "number",
        }
    }
}

impl OptionSpec {
    /// Whether a request must give this option.
    pub const fn is_required(&self) -> bool {
        self.required
    }

    /// Whether this is free text.
    pub const fn is_text(&self) -> bool {
        matches!(self.kind, OptionKind::Text { .. })
    }

    /// Whether this is a list of free-text items.
    pub const fn is_list(&self) -> bool {
        matches!(self.kind, OptionKind::List { .. })
    }

    /// Whether this is a number read exactly (`cfg_scale`).
    pub const fn is_number(&self) -> bool {
        matches!(self.kind, OptionKind::Number { .. })
    }

    /// Whether this is an input [`Args`](crate::Args) carries beside its
    /// [`Selection`](crate::Selection): free text, a list or a number. Everything else is a
    /// choice the selection holds.
    pub const fn is_input(&self) -> bool {
        self.is_text() || self.is_list() || self.is_number()
    }

    /// The default as a wire value; `None` for free text or an option the page gives no
    /// default.
    pub const fn default_value(&self) -> Option<WireValue<'static>> {
        match self.kind {
            OptionKind::Text { .. } => None,
            OptionKind::Enum {
                values,
                default: Some(default),
                ..
            } => Some(WireValue::Str(values[default])),
            OptionKind::Bool {
                default: Some(default),
            } => Some(WireValue::Bool(default)),
            OptionKind::Integer {
                default: Some(default),
                string,
                ..
            } => Some(WireValue::integer(default, string)),
            _ => None,
        }
    }

    /// Whether the option has a documented default (free text never has).
    pub const fn has_default(&self) -> bool {
        self.default_value().is_some()
    }

    /// The default in the run-time form [`Selection`](crate::Selection) keeps: an enum's value
    /// index, a bool as 0 or 1, an integer itself; 0 for an input (free text, a list, a
    /// number); [`ABSENT`] for a choice with no default.
    pub const fn default_slot(&self) -> i64 {
        match self.kind {
            OptionKind::Text { .. } | OptionKind::List { .. } | OptionKind::Number { .. } => 0,
            OptionKind::Enum {
                default: Some(default),
                ..
            } => default as i64,
            OptionKind::Bool {
                default: Some(default),
            } => default as i64,
            OptionKind::Integer {
                default: Some(default),
                ..
            } => default,
            _ => ABSENT,
        }
    }

    /// The wire value of `slot` (the run-time form, see [`default_slot`](Self::default_slot));
    /// `None` for free text, an absent value ([`ABSENT`]) or a slot out of range.
    pub fn wire(&self, slot: i64) -> Option<WireValue<'static>> {
        match self.kind {
            OptionKind::Text { .. } | OptionKind::List { .. } | OptionKind::Number { .. } => None,
            _ if slot == ABSENT => None,
            OptionKind::Enum { values, .. } => usize::try_from(slot)
                .ok()
                .and_then(|i| values.get(i))
                .map(|v| WireValue::Str(v)),
            OptionKind::Bool { .. } => Some(WireValue::Bool(slot != 0)),
            OptionKind::Integer { string, .. } => Some(WireValue::integer(slot, string)),
        }
    }

    /// The run-time form of a wire value, or why it is not allowed here.
    pub fn slot(&self, value: WireValue<'_>) -> Result<i64, SetError> {
        match (self.kind, value) {
            (OptionKind::Text { .. } | OptionKind::List { .. } | OptionKind::Number { .. }, _) => {
                Err(SetError::UnknownOption)
            }
            (OptionKind::Enum { values, .. }, WireValue::Str(s)) => values
                .iter()
                .position(|v| *v == s)
                .map(|i| i as i64)
                .ok_or_else(|| {
                    SetError::InvalidValue(ParseOptionError {
                        option: self.name,
                        value: s.to_owned(),
                        allowed: values,
                    })
                }),
            (OptionKind::Enum { .. }, _) => Err(SetError::WrongType {
                expected: "a string",
            }),
            (OptionKind::Bool { .. }, WireValue::Bool(b)) => Ok(i64::from(b)),
            (OptionKind::Bool { .. }, _) => Err(SetError::WrongType {
                expected: "a boolean",
            }),
            (OptionKind::Integer { string: true, .. }, WireValue::Str(s)) => {
                match canonical_integer(s) {
                    Some(n) => self.slot(WireValue::IntString(n)),
                    None => Err(SetError::InvalidValue(ParseOptionError {
                        option: self.name,
                        value: s.to_owned(),
                        allowed: &[],
                    })),
                }
            }
            (OptionKind::Integer { string: true, .. }, WireValue::Int(_))
            | (OptionKind::Integer { string: false, .. }, WireValue::IntString(_)) => {
                Err(SetError::WrongType {
                    expected: if matches!(value, WireValue::Int(_)) {
                        "a whole number written as a string"
                    } else {
                        "an integer"
                    },
                })
            }
            (
                OptionKind::Integer {
                    minimum,
                    maximum,
                    values,
                    ..
                },
                WireValue::Int(n) | WireValue::IntString(n),
            ) => {
                if (minimum..=maximum).contains(&n) && (values.is_empty() || values.contains(&n)) {
                    Ok(n)
                } else {
                    Err(SetError::OutOfRange(OutOfRange {
                        option: self.name,
                        value: n,
                        minimum,
                        maximum,
                        values,
                    }))
                }
            }
            (OptionKind::Integer { .. }, _) => Err(SetError::WrongType {
                expected: "an integer",
            }),
        }
    }
}

/// A forbidden combination: a request for which every condition of `when` holds is refused.
/// Most are of values (PixVerse's `resolution = "1080p"` with `duration = "10"`); a condition
/// may also ask for a range, whether an option is given, or a list's count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    /// A stable snake_case id (`"no_1080p_at_10s"`).
    pub id: &'static str,
    /// What users are told when a request breaks the rule.
    pub message: &'static str,
    /// The conditions that together are forbidden, in option order.
    pub when: &'static [Condition],
}

/// A limit on the items of several lists counted together: Wan 2.6 reference-to-video takes
/// "images + videos together ≤ 5".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Total {
    /// A stable snake_case id (`"five_references_at_most"`).
    pub id: &'static str,
    /// What users are told when a request breaks it.
    pub message: &'static str,
    /// The lists counted: their positions in the model's [`options`](ModelSpec::options).
    pub lists: &'static [usize],
    /// Their wire names, in the same order.
    pub names: &'static [&'static str],
    /// The fewest items they take together (0 where the page states none).
    pub minimum: u32,
    /// The most items they take together, if the page states a limit.
    pub maximum: Option<u32>,
}

impl Total {
    /// Whether `count` items together are within the limit.
    pub fn allows(&self, count: u64) -> bool {
        count >= u64::from(self.minimum) && self.maximum.is_none_or(|m| count <= u64::from(m))
    }

    /// The count the lists take together, as a limit's count (its `Display` says it in
    /// words: `at most 5 items`).
    pub const fn allowed(&self) -> Narrow {
        Narrow::Items {
            min_items: self.minimum,
            max_items: self.maximum,
        }
    }
}

impl fmt::Display for Total {
    /// `image_urls and video_urls together take at most 5 items`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message)
    }
}

/// A sum over the items of a list of objects that must equal an integer option: Kling 3.0's
/// "the sum of the shot durations must equal the task `duration`".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sum {
    /// A stable snake_case id (`"shots_add_up_to_duration"`).
    pub id: &'static str,
    /// What users are told when a request breaks it.
    pub message: &'static str,
    /// The list of objects: its position in the model's [`options`](ModelSpec::options).
    pub list: usize,
    /// Its wire name.
    pub list_name: &'static str,
    /// The whole-number item field summed: its position in the item's fields.
    pub field: usize,
    /// Its name.
    pub field_name: &'static str,
    /// The integer option the sum must equal: its position in the options.
    pub equals: usize,
    /// Its wire name.
    pub equals_name: &'static str,
}

impl fmt::Display for Sum {
    /// `the shots' durations add up to duration`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message)
    }
}

/// Two whole-number options whose product, or ratio, must lie in a range, both ends included:
/// Wan 2.6 text-to-image's "total pixels (width × height) between 1280 × 1280 and 1440 ×
/// 1440" and "aspect ratio within 1:4 to 4:1". Judged when both options have a value; exact
/// (integer arithmetic, no division).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Relation {
    /// A stable snake_case id (`"pixels_from_1280x1280_to_1440x1440"`).
    pub id: &'static str,
    /// What users are told when a request breaks it.
    pub message: &'static str,
    /// What is computed from the two options.
    pub of: Of,
    /// The two options: their positions in the model's [`options`](ModelSpec::options), in
    /// the order the spec names them (a ratio is the first over the second).
    pub options: [usize; 2],
    /// Their wire names, in the same order.
    pub names: [&'static str; 2],
    /// The least the product or ratio may be, if the page states one.
    pub minimum: Option<Fraction>,
    /// The most it may be, if the page states one.
    pub maximum: Option<Fraction>,
}

/// What a [`Relation`] computes from its two options.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Of {
    /// The first times the second (`width × height`), bounded by whole numbers.
    Product,
    /// The first over the second (`width : height`), bounded by ratios such as `1:4`.
    Ratio,
}

/// An exact non-negative fraction `numerator : denominator`: a bound of a [`Relation`] (a
/// ratio's `1:4`; a product's bounds are whole numbers, `n : 1`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fraction {
    /// The first term.
    pub numerator: u64,
    /// The second term, never 0.
    pub denominator: u64,
}

impl Fraction {
    /// `numerator : denominator` (a denominator of 0 is read as 1).
    pub const fn new(numerator: u64, denominator: u64) -> Self {
        Fraction {
            numerator,
            denominator: if denominator == 0 { 1 } else { denominator },
        }
    }
}

impl Relation {
    /// The product or ratio of `a` and `b` (the options' values, in [`options`](Self::options)
    /// order) as an exact fraction `(numerator, denominator)`, the denominator positive: `a ×
    /// b` over 1, or `a` over `b`; `None` for a ratio whose second value is not positive.
    pub fn value(&self, a: i64, b: i64) -> Option<(i128, i128)> {
        match self.of {
            Of::Product => Some((i128::from(a) * i128::from(b), 1)),
            Of::Ratio if b > 0 => Some((i128::from(a), i128::from(b))),
            Of::Ratio => None,
        }
    }

    /// Whether `a` and `b` keep the relation: its value from [`minimum`](Self::minimum) to
    /// [`maximum`](Self::maximum), compared exactly by cross-multiplying.
    ///
    /// ```
    /// use shortapi_pricing::spec::{Fraction, Of, Relation};
    ///
    /// let ratio = |n, d| Some(Fraction::new(n, d));
    /// let aspect = Relation {
    ///     id: "aspect",
    ///     message: "width : height is from 1:4 to 4:1",
    ///     of: Of::Ratio,
    ///     options: [0, 1],
    ///     names: ["width", "height"],
    ///     minimum: ratio(1, 4),
    ///     maximum: ratio(4, 1),
    /// };
    /// assert!(aspect.holds(2880, 720)); // 4:1, its most
    /// assert!(!aspect.holds(2881, 720));
    /// assert!(aspect.holds(640, 2560)); // 1:4, its least
    /// assert!(!aspect.holds(639, 2560));
    /// ```
    pub fn holds(&self, a: i64, b: i64) -> bool {
        let Some((p, q)) = self.value(a, b) else {
            return false;
        };
        let against = |r: Fraction| compare(p, q, r);
        self.minimum.is_none_or(|r| against(r).is_ge())
            && self.maximum.is_none_or(|r| against(r).is_le())
    }
}

/// `p / q` against `r`, exactly (`q` positive, `r`'s denominator read as at least 1), by
/// cross-multiplying, with no division (which would cost the WebAssembly package 128-bit
/// division code): a ratio's terms are below 2⁶³ and its bounds' below 2⁶⁴, so `p · d` and
/// `n · q` stay below 2¹²⁷; a product (`q` = 1) whose `p · d` overflows is past any bound, on
/// the side of its sign.
fn compare(p: i128, q: i128, r: Fraction) -> core::cmp::Ordering {
    let (n, d) = (i128::from(r.numerator), i128::from(r.denominator.max(1)));
    match (p.checked_mul(d), n.checked_mul(q)) {
        (Some(left), Some(right)) => left.cmp(&right),
        _ => p.cmp(&0),
    }
}

impl fmt::Display for Relation {
    /// `width × height is from 1280 × 1280 to 1440 × 1440 pixels`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message)
    }
}

impl fmt::Display for Fraction {
    /// `1:4`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.numerator, self.denominator)
    }
}

/// A narrower limit on one option while other options have some values: Seedance 2.0
/// image-to-video takes 1 to 2 `image_urls`, and no `audio_urls`, "when `is_first_last_frame`
/// is true"; Kling O1 image-to-video's duration "should be 5 or 10" with one frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limit {
    /// A stable snake_case id (`"first_last_frame_images"`).
    pub id: &'static str,
    /// What users are told when a request breaks it.
    pub message: &'static str,
    /// The conditions that together make it apply.
    pub when: &'static [Condition],
    /// The narrowed option's position in its model's [`options`](ModelSpec::options).
    pub field: usize,
    /// The narrowed option's wire name.
    pub name: &'static str,
    /// What the option may be while the conditions hold.
    pub narrow: Narrow,
}

/// What a [`Limit`] allows its option while its conditions hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Narrow {
    /// A list's items, from `min_items` to `max_items` (a list not given counts as none).
    Items {
        /// The fewest items.
        min_items: u32,
        /// The most items, if the page narrows that.
        max_items: Option<u32>,
    },
    /// A choice's values (an option left out counts at its default).
    Values {
        /// The values allowed, as on the wire, in spec order.
        values: &'static [WireValue<'static>],
        /// The same in the run-time form.
        slots: &'static [i64],
    },
}

impl Limit {
    /// Whether every condition holds (see [`Condition::holds`]).
    pub fn applies(
        &self,
        selection: &crate::Selection,
        seen: u64,
        count: &dyn Fn(usize) -> Option<usize>,
    ) -> bool {
        all_hold(self.when, selection, seen, count)
    }
}

impl fmt::Display for Limit {
    /// `image_urls takes 1 or 2 images in first/last-frame mode (is_first_last_frame = true)`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_with_conditions(f, self.message, self.when)
    }
}

/// A field required, or refused, when options have some values: "when `generate_audio` is
/// true, `voice_id` is required" (Vidu Q2 image-to-video).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Requirement {
    /// A stable snake_case id (`"voice_id_with_audio"`).
    pub id: &'static str,
    /// What users are told when a request breaks it.
    pub message: &'static str,
    /// The values that together make it apply (an option left out counts at its default).
    pub when: &'static [Condition],
    /// The field's position in its model's [`options`](ModelSpec::options): an option with
    /// no default (free text, a list, or a choice the page gives none).
    pub field: usize,
    /// The field's wire name.
    pub name: &'static str,
    /// `true`: the field must be given when the conditions hold; `false`: it must not be.
    pub present: bool,
}

impl Requirement {
    /// Whether every condition holds (see [`Condition::holds`]).
    pub fn applies(
        &self,
        selection: &crate::Selection,
        seen: u64,
        count: &dyn Fn(usize) -> Option<usize>,
    ) -> bool {
        all_hold(self.when, selection, seen, count)
    }
}

impl fmt::Display for Requirement {
    /// `voice_id is required when generate_audio is true (generate_audio = true)`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_with_conditions(f, self.message, self.when)
    }
}

/// Whether every condition of `when` holds (see [`Condition::holds`]).
fn all_hold(
    when: &[Condition],
    selection: &crate::Selection,
    seen: u64,
    count: &dyn Fn(usize) -> Option<usize>,
) -> bool {
    when.iter().all(|c| c.holds(selection, seen, count))
}

/// `message (option = value, …)`: how a rule, a requirement or a limit names what made it
/// apply.
fn write_with_conditions(
    f: &mut fmt::Formatter<'_>,
    message: &str,
    when: &[Condition],
) -> fmt::Result {
    f.write_str(message)?;
    f.write_str(" (")?;
    for (i, c) in when.iter().enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        fmt::Display::fmt(c, f)?;
    }
    f.write_str(")")
}

/// One condition of a [`Rule`], a [`Requirement`] or a [`Limit`]: what one option must be for
/// it to apply (all of a `when` must hold).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Condition {
    /// The option's position in its model's [`options`](ModelSpec::options).
    pub option: usize,
    /// The option's wire name.
    pub name: &'static str,
    /// What the option must be.
    pub test: Test,
}

/// What a [`Condition`] asks of its option: a value or one of several (what a
/// [`Selection`](crate::Selection) holds), an integer's range, whether the option is given, or
/// a list's count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Test {
    /// The option has this value (left out, its default counts): `mode = "pro"`.
    Is {
        /// The value, as on the wire.
        value: WireValue<'static>,
        /// The value in the run-time form (an enum's value index, a bool as 0 or 1).
        slot: i64,
    },
    /// The option has one of these values: `resolution = ["720p", "1080p"]`.
    OneOf {
        /// The values, as on the wire, in spec order.
        values: &'static [WireValue<'static>],
        /// The same in the run-time form.
        slots: &'static [i64],
    },
    /// An integer option from `minimum` to `maximum`, both included: `seed = { minimum = 5 }`.
    Range {
        /// The least value that holds.
        minimum: i64,
        /// The greatest value that holds.
        maximum: i64,
    },
    /// The option is given (`true`) or left out (`false`): `voice_id = { given = true }`.
    Given(bool),
    /// A list holds from `min_items` to `max_items` items (left out, none): `images = {
    /// max_items = 1 }`.
    Items {
        /// The fewest items that hold.
        min_items: u32,
        /// The most items that hold, if bounded.
        max_items: Option<u32>,
    },
}

impl Condition {
    /// Whether the condition holds: `selection` has the option values (an option left out at
    /// its default), bit `i` of `seen` says whether `options[i]` was given, and `count(i)` is
    /// how many items the list at `i` has (`None`: not given).
    pub fn holds(
        &self,
        selection: &crate::Selection,
        seen: u64,
        count: &dyn Fn(usize) -> Option<usize>,
    ) -> bool {
        let slot = selection.slot(self.option);
        match self.test {
            Test::Is { slot: s, .. } => slot == s,
            Test::OneOf { slots, .. } => slots.contains(&slot),
            Test::Range { minimum, maximum } => {
                slot != ABSENT && (minimum..=maximum).contains(&slot)
            }
            Test::Given(given) => (seen & (1u64 << self.option) != 0) == given,
            Test::Items {
                min_items,
                max_items,
            } => {
                let n = count(self.option).unwrap_or(0) as u64;
                n >= u64::from(min_items) && max_items.is_none_or(|m| n <= u64::from(m))
            }
        }
    }
}

impl fmt::Display for Condition {
    /// `mode = "pro"`, `resolution is one of "720p", "1080p"`, `seed from 5 to 10`, `voice_id
    /// given`, `images has 1 item`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = self.name;
        match self.test {
            Test::Is { value, .. } => write!(f, "{name} = {value}"),
            Test::OneOf { values, .. } => {
                write!(f, "{name} is one of ")?;
                for (i, v) in values.iter().enumerate() {
                    let sep = if i == 0 { "" } else { ", " };
                    write!(f, "{sep}{v}")?;
                }
                Ok(())
            }
            Test::Range { minimum, maximum } => write!(f, "{name} from {minimum} to {maximum}"),
            Test::Given(true) => write!(f, "{name} given"),
            Test::Given(false) => write!(f, "{name} left out"),
            Test::Items {
                min_items,
                max_items,
            } => write!(f, "{name} has {}", CountRange(min_items, max_items)),
        }
    }
}

/// A count of items from `.0` to `.1` (none: no most) in words: `no items`, `1 item`,
/// `1 to 2 items`, `at most 6 items`, `at least 2 items`.
struct CountRange(u32, Option<u32>);

impl fmt::Display for CountRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let items = |n: u32| crate::check::items(n as usize);
        match *self {
            CountRange(_, Some(0)) => f.write_str("no items"),
            CountRange(min, Some(max)) if min == max => f.write_str(&items(max)),
            CountRange(0, Some(max)) => write!(f, "at most {}", items(max)),
            CountRange(min, Some(max)) => write!(f, "{min} to {}", items(max)),
            CountRange(min, None) => write!(f, "at least {}", items(min)),
        }
    }
}

/// What the limit allows: a count in words (`1 to 2 items`, `no items`) or the values on the
/// wire (`"5", "10"`).
impl fmt::Display for Narrow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Narrow::Items {
                min_items,
                max_items,
            } => CountRange(min_items, max_items).fmt(f),
            Narrow::Values { values, .. } => {
                for (k, v) in values.iter().enumerate() {
                    if k > 0 {
                        f.write_str(", ")?;
                    }
                    v.fmt(f)?;
                }
                Ok(())
            }
        }
    }
}

impl Rule {
    /// Whether the rule names the option `name`.
    pub fn involves(&self, name: &str) -> bool {
        self.when.iter().any(|c| c.name == name)
    }

    /// Whether every condition holds (see [`Condition::holds`]): the request breaks the rule.
    pub fn applies(
        &self,
        selection: &crate::Selection,
        seen: u64,
        count: &dyn Fn(usize) -> Option<usize>,
    ) -> bool {
        all_hold(self.when, selection, seen, count)
    }

    /// Whether every condition is on a choice's value ([`Test::Is`], [`Test::OneOf`]), so that
    /// a [`Selection`](crate::Selection) or a model's typed options judge the rule; one that
    /// also asks for a range, whether an option is given or a list's count is the checker's.
    pub fn is_of_values(&self) -> bool {
        self.when
            .iter()
            .all(|c| matches!(c.test, Test::Is { .. } | Test::OneOf { .. }))
    }
}

impl fmt::Display for Rule {
    /// `1080p is not supported for 10s videos (resolution = "1080p", duration = "10")`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_with_conditions(f, self.message, self.when)
    }
}

/// The prices as a spec file writes them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pricing {
    /// The options the price (or the rate) depends on, as positions in the model's options.
    pub dimensions: &'static [usize],
    /// `Some` when the page gives a rate per unit (of a numeric option, a count of items, a
    /// measured quantity, or their sum).
    pub per: Option<Per>,
    /// What the price multiplies that the request does not carry (the seconds of an input
    /// video), in spec order; empty for most models.
    pub quantities: &'static [Quantity],
    /// Every documented cell: a price (or, with `per`, a rate) for one combination of the
    /// dimensions' values, or the reason the page gives none, in spec order (a cell the spec
    /// writes for several values of a dimension is one cell per value here).
    pub cells: &'static [Cell],
}

impl Pricing {
    /// Whether some cell has no price because the page does not give one.
    pub fn has_unpriced(&self) -> bool {
        self.cells
            .iter()
            .any(|c| matches!(c.price, CellPrice::Unpriced(_)))
    }

    /// Whether no cell has a price: the page gives none for any request.
    pub fn is_unpriced(&self) -> bool {
        self.cells
            .iter()
            .all(|c| matches!(c.price, CellPrice::Unpriced(_)))
    }
}

/// A price given as a rate per unit: the price is the rate times the sum of the terms' units.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Per {
    /// What the rate is multiplied by: the sum of these.
    pub terms: &'static [Term],
    /// What one unit is (`"second"`, `"image"`).
    pub unit: &'static str,
}

/// One term of [`Per`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Term {
    /// A numeric option, by position in the model's options: an integer itself, or an enum
    /// value's `units`.
    Option(usize),
    /// A measured quantity, by position in [`Pricing::quantities`].
    Quantity(usize),
}

/// A number a price multiplies that the request does not carry (the seconds of an input
/// video), measured after the job and given as [`Usage`](crate::Usage).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Quantity {
    /// Its name in a [`Usage`](crate::Usage), `--usage NAME=NUMBER` and a JSONL line's
    /// `"usage"` (`"input_video_seconds"`).
    pub name: &'static str,
    /// What one unit is (`"second"`).
    pub unit: &'static str,
    /// What it measures.
    pub description: &'static str,
    /// The least the page allows (0 where it states none).
    pub minimum: Decimal,
    /// The most the page allows, if it states a limit.
    pub maximum: Option<Decimal>,
}

impl Quantity {
    /// Whether `value` is within the page's range.
    pub fn allows(&self, value: Decimal) -> bool {
        value >= self.minimum && self.maximum.is_none_or(|max| value <= max)
    }

    /// `value` if the page's range allows it, or the error that says it does not.
    pub fn check(&'static self, value: Decimal) -> Result<Decimal, crate::UsageError> {
        if self.allows(value) {
            Ok(value)
        } else {
            Err(crate::UsageError::OutOfRange {
                quantity: self,
                value,
            })
        }
    }
}

/// One documented price (or rate).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cell {
    /// The value index of each dimension, in the order of [`Pricing::dimensions`] (a bool's
    /// index is 0 for `false`, 1 for `true`).
    pub values: &'static [usize],
    /// The amount with the page's digits, or why the page gives none.
    pub price: CellPrice,
}

/// A cell's price, or the reason the page gives none.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CellPrice {
    /// The amount (or rate), with the page's digits.
    Amount(Decimal),
    /// No amount follows from the page; the reason, quoting it.
    Unpriced(&'static str),
}

/// Why a combination of options has no price (or rate) in the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoPrice {
    /// A rule forbids the combination: the API refuses it.
    Forbidden(&'static Rule),
    /// The page does not let a price be computed; the reason, quoting it.
    Unpriced(&'static str),
}

/// The compiled price lookup: one index into a table that the generated exhaustive `match`
/// fills at compile time.
#[doc(hidden)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lookup {
    /// `(option, stride)`: the table index is the sum of each option's place times its stride:
    /// an enum's or a bool's slot, an integer's (a rate per unit of it worked out for each of
    /// its listed values) its value's place among them.
    pub index: &'static [(usize, usize)],
    /// Every combination of the indexed options.
    pub table: &'static [Result<Decimal, NoPrice>],
    /// What the table's amount is multiplied by at run time (the sum of these); empty when
    /// the generator multiplied it in.
    pub times: &'static [Term],
}

/// An option value as it appears on the wire: a JSON string, boolean or integer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WireValue<'a> {
    /// A string value (enum options).
    Str(&'a str),
    /// A boolean value (bool options).
    Bool(bool),
    /// A whole number (integer options).
    Int(i64),
    /// A whole number written as a JSON string (`"5"`: Vidu's and Kling's durations).
    IntString(i64),
}

impl WireValue<'_> {
    /// `n` as an integer option writes it: a number, or (`string`) its digits in a string.
    pub const fn integer(n: i64, string: bool) -> WireValue<'static> {
        if string {
            WireValue::IntString(n)
        } else {
            WireValue::Int(n)
        }
    }
}

/// The whole number `s` writes in canonical form (`"5"`, `"-3"`, `"0"`: no sign for a positive
/// number, no leading zero, no white space, at most 18 digits), the one form a string-typed
/// integer option takes and its schema's `enum` lists.
pub(crate) fn canonical_integer(s: &str) -> Option<i64> {
    let digits = s.strip_prefix('-').unwrap_or(s);
    let canonical = !digits.is_empty()
        && digits.len() <= 18
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'))
        && s != "-0";
    canonical.then(|| s.parse().ok()).flatten()
}

impl fmt::Display for WireValue<'_> {
    /// Writes the value as JSON would: `"1080p"`, `true`, `5`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            // The spec's values need no escaping; anything else is escaped.
            WireValue::Str(s) if !s.contains(['"', '\\']) && !s.chars().any(char::is_control) => {
                f.write_str("\"")?;
                f.write_str(s)?;
                f.write_str("\"")
            }
            WireValue::Str(s) => write!(f, "{s:?}"),
            WireValue::Bool(true) => f.write_str("true"),
            WireValue::Bool(false) => f.write_str("false"),
            WireValue::Int(n) => write!(f, "{n}"),
            WireValue::IntString(n) => write!(f, "\"{n}\""),
        }
    }
}

impl serde::Serialize for WireValue<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            WireValue::Str(s) => serializer.serialize_str(s),
            WireValue::Bool(b) => serializer.serialize_bool(*b),
            WireValue::Int(n) => serializer.serialize_i64(*n),
            WireValue::IntString(n) => serializer.collect_str(n),
        }
    }
}

/// Implemented by every generated option enum (`Resolution`, `Duration`, `AspectRatio` in each
/// model's module): the option's name and values, with one source for each wire string.
pub trait WireEnum: Copy + Eq + fmt::Debug + 'static {
    /// The option's wire name (`"resolution"`).
    const OPTION: &'static str;
    /// The option's description, from the API page.
    const DESCRIPTION: &'static str;
    /// Every value, in spec order.
    const VARIANTS: &'static [Self];
    /// Every wire string, in spec order.
    const WIRE_VALUES: &'static [&'static str];

    /// The wire string of this value.
    fn wire(self) -> &'static str;

    /// The value whose wire string is exactly `s`.
    fn from_wire(s: &str) -> Option<Self> {
        Self::VARIANTS.iter().copied().find(|v| v.wire() == s)
    }
}

/// Implemented by every model's generated `Options`: the typed view of a
/// [`Selection`](crate::Selection) of that model.
pub trait ModelOptions: Copy + Eq + fmt::Debug + 'static {
    /// The model these options belong to.
    const MODEL: Model;

    /// These options in the run-time form the checker and serializer use.
    fn to_selection(&self) -> crate::Selection;

    /// The typed options of `selection`, or `None` if it is another model's.
    fn from_selection(selection: &crate::Selection) -> Option<Self>;
}

/// An option value that is not one of its allowed values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseOptionError {
    option: &'static str,
    value: String,
    allowed: &'static [&'static str],
}

impl ParseOptionError {
    /// The option's wire name.
    pub fn option(&self) -> &'static str {
        self.option
    }

    /// The value that was refused.
    pub fn value(&self) -> &str {
        &self.value
    }

    /// The allowed wire values.
    pub fn allowed(&self) -> &'static [&'static str] {
        self.allowed
    }
}

impl fmt::Display for ParseOptionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} is not a valid {}; allowed: {}",
            self.value,
            self.option,
            QuotedList(self.allowed)
        )
    }
}

impl std::error::Error for ParseOptionError {}

/// An integer option's value outside its documented range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct OutOfRange {
    /// The option's wire name.
    pub option: &'static str,
    /// The value refused.
    pub value: i64,
    /// The smallest allowed value.
    pub minimum: i64,
    /// The largest allowed value.
    pub maximum: i64,
    /// The only values allowed, when the page lists them; empty for the whole range.
    pub values: &'static [i64],
}

impl fmt::Display for OutOfRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.values.is_empty() {
            write!(
                f,
                "{} is out of range for {}: allowed {} to {}",
                self.value, self.option, self.minimum, self.maximum
            )
        } else {
            write!(
                f,
                "{} is not allowed for {}: allowed {}",
                self.value,
                self.option,
                Listed(self.values, false)
            )
        }
    }
}

/// `1, 2, 4, 8`: how allowed numbers are listed in messages; quoted (`"1", "2"`) for a
/// string-typed integer.
pub(crate) struct Listed<'a>(pub &'a [i64], pub bool);

impl fmt::Display for Listed<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, n) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            if self.1 {
                write!(f, "\"{n}\"")?;
            } else {
                write!(f, "{n}")?;
            }
        }
        Ok(())
    }
}

impl std::error::Error for OutOfRange {}

/// Why [`Selection::set`](crate::Selection::set) refused a value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SetError {
    /// No option of that name (or it is free text, which a selection does not hold).
    UnknownOption,
    /// The value has the wrong wire type.
    WrongType {
        /// `"a string"`, `"a boolean"` or `"an integer"`.
        expected: &'static str,
    },
    /// The string is not one of the option's values.
    InvalidValue(ParseOptionError),
    /// The integer is outside the option's range.
    OutOfRange(OutOfRange),
}

impl fmt::Display for SetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SetError::UnknownOption => f.write_str("unknown option"),
            SetError::WrongType { expected } => write!(f, "expected {expected}"),
            SetError::InvalidValue(e) => e.fmt(f),
            SetError::OutOfRange(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for SetError {}

/// `"a", "b", "c"`: how allowed values are listed in messages.
pub(crate) struct QuotedList<'a>(pub &'a [&'a str]);

impl fmt::Display for QuotedList<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, s) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{s:?}")?;
        }
        Ok(())
    }
}

/// `FromStr` for generated enums.
#[doc(hidden)]
pub fn parse_wire<T: WireEnum>(s: &str) -> Result<T, ParseOptionError> {
    T::from_wire(s).ok_or_else(|| ParseOptionError {
        option: T::OPTION,
        value: s.to_owned(),
        allowed: T::WIRE_VALUES,
    })
}

/// serde's `Deserialize` for generated enums: a string among the wire values.
#[doc(hidden)]
pub fn deserialize_wire<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: WireEnum,
{
    struct Visitor<T>(PhantomData<T>);

    impl<T: WireEnum> serde::de::Visitor<'_> for Visitor<T> {
        type Value = T;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(
                f,
                "a {} string, one of {}",
                T::OPTION,
                QuotedList(T::WIRE_VALUES)
            )
        }

        fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<T, E> {
            T::from_wire(s).ok_or_else(|| E::invalid_value(serde::de::Unexpected::Str(s), &self))
        }
    }

    deserializer.deserialize_str(Visitor(PhantomData))
}

/// `rate × units`, exactly, keeping the rate's scale: the price of a per-unit cell. The
/// generator refuses a spec where a rate times its option's largest count of units would not
/// fit the 96 bits of a `Decimal`, and counts of units are never negative, so this never rounds.
#[doc(hidden)]
#[inline]
pub const fn times(rate: Decimal, units: i64) -> Decimal {
    let m = rate.mantissa().unsigned_abs() * units.unsigned_abs() as u128;
    Decimal::from_parts(
        m as u32,
        (m >> 32) as u32,
        (m >> 64) as u32,
        false,
        rate.scale(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A relation of `of` from `minimum` to `maximum` (as `(numerator, denominator)`).
    fn relation(of: Of, minimum: Option<(u64, u64)>, maximum: Option<(u64, u64)>) -> Relation {
        Relation {
            id: "r",
            message: "m",
            of,
            options: [0, 1],
            names: ["a", "b"],
            minimum: minimum.map(|(n, d)| Fraction::new(n, d)),
            maximum: maximum.map(|(n, d)| Fraction::new(n, d)),
        }
    }

    /// Products and ratios are compared exactly at their bounds, both ends included, by hand:
    /// 1280 × 1280 = 1,638,400; 2880 : 720 = 4 : 1; and at the far ends of 64 bits, where a
    /// product passes 128 bits once multiplied by a bound's denominator.
    #[test]
    fn a_relation_holds_exactly_at_its_bounds() {
        let pixels = relation(Of::Product, Some((1_638_400, 1)), Some((2_073_600, 1)));
        assert!(pixels.holds(1280, 1280) && pixels.holds(1440, 1440));
        assert!(!pixels.holds(1279, 1280) && !pixels.holds(1441, 1440));
        assert_eq!(pixels.value(-3, 4), Some((-12, 1)));
        let aspect = relation(Of::Ratio, Some((1, 4)), Some((4, 1)));
        assert!(aspect.holds(2880, 720) && aspect.holds(720, 2880));
        assert!(!aspect.holds(2881, 720) && !aspect.holds(719, 2880));
        assert_eq!(aspect.value(3, 0), None);
        assert!(!aspect.holds(3, 0), "no ratio over 0");
        assert!(!aspect.holds(3, -1));
        // A bound with a denominator (3:2) on a product of two 64-bit extremes: its
        // cross-product overflows 128 bits, and is past the most (positive) or under the
        // least (negative); unbounded on that side, it holds.
        let (big, small) = (i64::MAX, i64::MIN);
        let at_most = relation(Of::Product, None, Some((3, 2)));
        let at_least = relation(Of::Product, Some((3, 2)), None);
        assert!(!at_most.holds(big, big) && at_least.holds(big, big));
        assert!(at_most.holds(small, big) && !at_least.holds(small, big));
        // The least ratio 0 : 1, and one just past a bound.
        let wide = relation(Of::Ratio, Some((0, 1)), Some((u64::MAX, 1)));
        assert!(wide.holds(0, 1) && wide.holds(big, 1));
        assert!(!relation(Of::Ratio, Some((1, 3)), None).holds(333, 1000));
        assert!(relation(Of::Ratio, Some((1, 3)), None).holds(334, 1000));
        // A denominator of 0 is read as 1.
        assert_eq!(Fraction::new(5, 0), Fraction::new(5, 1));
        assert_eq!(Fraction::new(1, 4).to_string(), "1:4");
    }

    /// A count in words, as `models` and messages say it: never "1 items".
    #[test]
    fn a_count_is_said_in_words() {
        let n = |min_items, max_items| {
            Narrow::Items {
                min_items,
                max_items,
            }
            .to_string()
        };
        assert_eq!(n(0, Some(0)), "no items");
        assert_eq!(n(1, Some(1)), "1 item");
        assert_eq!(n(3, Some(3)), "3 items");
        assert_eq!(n(0, Some(1)), "at most 1 item");
        assert_eq!(n(0, Some(6)), "at most 6 items");
        assert_eq!(n(1, Some(2)), "1 to 2 items");
        assert_eq!(n(1, None), "at least 1 item");
        assert_eq!(n(2, None), "at least 2 items");
        let values = Narrow::Values {
            values: &[WireValue::IntString(5), WireValue::IntString(10)],
            slots: &[5, 10],
        };
        assert_eq!(values.to_string(), "\"5\", \"10\"");
        let c = Condition {
            option: 0,
            name: "images",
            test: Test::Items {
                min_items: 1,
                max_items: Some(1),
            },
        };
        assert_eq!(c.to_string(), "images has 1 item");
    }
}
