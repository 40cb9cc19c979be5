//! Reading and checking one spec file of `spec/models/`, and the catalog they make together.
//!
//! The TOML is parsed into a spanned tree and walked by hand (not deserialized into structs) so
//! that every problem is collected, each with the line and column it is about, instead of
//! stopping at the first.

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;

use toml::de::{DeArray, DeTable, DeValue};
use toml::Spanned;

/// The checked spec: everything the emitter needs, with names resolved to indices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spec {
    /// The file it was read from, as diagnostics name it (`spec/models/x.toml`).
    pub origin: String,
    /// `[model]`.
    pub model: Model,
    /// The Rust module of the model, derived from its id (`pixverse_5_5_text_to_video`).
    pub module: String,
    /// The model's `Model` variant, derived from its id (`Pixverse55TextToVideo`).
    pub variant: String,
    /// `[model] cut_after`: the last option documented when the page's stored copy is cut
    /// inside its option list (fields the checker cannot know then pass).
    pub cut_after: Option<String>,
    /// `[endpoints] create`.
    pub create_endpoint: String,
    /// `[endpoints] query`.
    pub query_endpoint: String,
    /// `[[options]]`, in spec order.
    pub options: Vec<OptionDef>,
    /// `[[rules]]`, in spec order.
    pub rules: Vec<RuleDef>,
    /// `[[requires]]` then `[[excludes]]`, each in spec order.
    pub requirements: Vec<RequirementDef>,
    /// `[[totals]]`, in spec order.
    pub totals: Vec<TotalDef>,
    /// `[[limits]]`, in spec order.
    pub limits: Vec<LimitDef>,
    /// `[[sums]]`, in spec order.
    pub sums: Vec<SumDef>,
    /// `[[relations]]`, in spec order.
    pub relations: Vec<RelationDef>,
    /// `[pricing] dimensions`, as indices into `options`.
    pub dimensions: Vec<usize>,
    /// `[pricing] per` and `unit`: what a rate is multiplied by, and its unit.
    pub per: Option<PerDef>,
    /// `[[pricing.quantities]]`, in spec order.
    pub quantities: Vec<QuantityDef>,
    /// `[pricing] cells` (or `rates`): one price (or rate) per combination of dimension values
    /// no rule forbids, shared values spelt out; one unpriced cell for `[pricing] unpriced`.
    pub cells: Vec<CellDef>,
}

/// `[model]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Model {
    pub id: String,
    /// Line and column of the id, for diagnostics about the catalog.
    pub id_at: (usize, usize),
    pub name: String,
    pub category: String,
    pub kind: String,
    pub currency: String,
}

/// One `[[options]]` entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionDef {
    /// The wire name, also the Rust field name.
    pub name: String,
    pub description: String,
    /// Whether a request must give it (free text the page requires, or an option the page
    /// requires without a default).
    pub required: bool,
    pub kind: OptionKind,
}

/// What values an option takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OptionKind {
    /// A free-text string, required or not.
    Text {
        examples: Vec<String>,
        /// The most characters the page allows (refusing past it), if it states a limit.
        max_length: Option<u32>,
    },
    /// A list of items, with the fewest and most items allowed: free text, or (`item`)
    /// objects with typed fields.
    List {
        min_items: u32,
        max_items: Option<u32>,
        item: Option<ItemDef>,
    },
    /// One of a list of wire strings, as a generated Rust enum; `default` is `None` when the
    /// page gives none.
    Enum {
        rust: String,
        values: Vec<EnumValue>,
        default: Option<usize>,
    },
    /// A JSON number from `minimum` to `maximum`, read exactly; an input, with no default.
    Number { minimum: Price, maximum: Price },
    /// `true` or `false`.
    Bool { default: Option<bool> },
    /// A whole number in a range (and, if `values` is not empty, one of those), as a
    /// generated Rust newtype.
    Integer {
        rust: String,
        minimum: i64,
        maximum: i64,
        values: Vec<i64>,
        default: Option<i64>,
        /// Written as a JSON string on the wire (`"5"`).
        string: bool,
    },
}

/// The items of a list of objects (`[[options.fields]]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemDef {
    /// The item's fields, in spec order: free text, a list of text, a whole number, a
    /// number or a bool, none with a default.
    pub fields: Vec<OptionDef>,
    /// `cut_after` given: the page's copy is cut inside the item's fields, so a member the
    /// spec does not know passes.
    pub open: bool,
}

/// One `[[sums]]`: the items' `field` of the list of objects `list` add up to the integer
/// option `equals`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SumDef {
    pub id: String,
    pub message: String,
    /// The list of objects, an option index.
    pub list: usize,
    /// The whole-number item field, an index into the list's fields.
    pub field: usize,
    /// The integer option, an option index.
    pub equals: usize,
}

/// One `[[relations]]`: the product (`product = [a, b]`) or the ratio (`ratio = [a, b]`) of
/// two integer options, from `minimum` to `maximum`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelationDef {
    pub id: String,
    pub message: String,
    /// `true`: `a × b`; `false`: `a : b`.
    pub product: bool,
    /// The two integer options, as option indices, in the order the spec names them.
    pub options: [usize; 2],
    /// The bounds as `(numerator, denominator)`: a product's are whole numbers, `(n, 1)`.
    pub minimum: Option<(u64, u64)>,
    pub maximum: Option<(u64, u64)>,
}

/// One value of an enum option.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnumValue {
    pub wire: String,
    pub rust: String,
    /// How many units (seconds) the value is, if the spec says.
    pub units: Option<u32>,
}

/// One forbidden combination: a request for which every condition holds is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleDef {
    pub id: String,
    pub message: String,
    /// The conditions, in option order (the same forms as a requirement's).
    pub when: Vec<ConditionDef>,
}

/// One condition of a rule's, a requirement's or a limit's `when`: what the option at
/// `option` must be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConditionDef {
    /// The option, an index into `options`.
    pub option: usize,
    /// What it must be.
    pub test: TestDef,
}

/// What a condition asks (see the run-time `Test`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TestDef {
    /// A value index (`mode = "pro"`).
    Is(usize),
    /// Value indices, each once (`resolution = ["720p", "1080p"]`).
    OneOf(Vec<usize>),
    /// An integer option's range (`seed = { minimum = 5, maximum = 10 }`).
    Range(i64, i64),
    /// Given or left out (`voice_id = { given = true }`).
    Given(bool),
    /// A list's item count (`images = { min_items = 1, max_items = 1 }`).
    Items(u32, Option<u32>),
}

impl ConditionDef {
    /// Whether the condition asks for values of a choice (`Is`, `OneOf`): what typed options
    /// hold. A range, a `given` or a count is judged from the request itself.
    pub fn of_values(&self) -> bool {
        matches!(self.test, TestDef::Is(_) | TestDef::OneOf(_))
    }

    /// Whether the value index `value` of the option meets a value condition.
    pub fn admits(&self, value: usize) -> bool {
        match &self.test {
            TestDef::Is(v) => *v == value,
            TestDef::OneOf(vs) => vs.contains(&value),
            _ => false,
        }
    }

    /// Whether the condition holds in a request that gives no option (each at its default, a
    /// list with no items).
    pub fn holds_when_empty(&self, options: &[OptionDef]) -> bool {
        let option = &options[self.option];
        match &self.test {
            TestDef::Is(_) | TestDef::OneOf(_) => {
                option.default_index().is_some_and(|d| self.admits(d))
            }
            TestDef::Range(lo, hi) => match option.kind {
                OptionKind::Integer {
                    default: Some(d), ..
                } => (*lo..=*hi).contains(&d),
                _ => false,
            },
            TestDef::Given(given) => !given,
            TestDef::Items(lo, _) => *lo == 0,
        }
    }
}

/// One `[[requires]]` (a field required when the conditions hold) or `[[excludes]]` (a field
/// refused when they hold).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequirementDef {
    pub id: String,
    pub message: String,
    /// The conditions, in option order.
    pub when: Vec<ConditionDef>,
    /// The field, an option with no default.
    pub field: usize,
    /// `true` for `[[requires]]`, `false` for `[[excludes]]`.
    pub present: bool,
}

/// One `[[totals]]`: the items of several lists counted together, within a range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TotalDef {
    pub id: String,
    pub message: String,
    /// The lists counted, as option indices, in the order the spec names them.
    pub lists: Vec<usize>,
    pub minimum: u32,
    pub maximum: Option<u32>,
}

/// One `[[limits]]`: a narrower limit on one option while the conditions hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LimitDef {
    /// The stable id.
    pub id: String,
    /// What users are told.
    pub message: String,
    /// The conditions, in option order.
    pub when: Vec<ConditionDef>,
    /// The option narrowed, an option index.
    pub field: usize,
    /// What it may be while the conditions hold.
    pub narrow: NarrowDef,
}

/// What a limit allows (see the run-time `Narrow`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NarrowDef {
    /// A list's item count.
    Items(u32, Option<u32>),
    /// A choice's slots, in spec order: value indices (a bool's 0 and 1), an integer's values.
    Values(Vec<i64>),
}

/// `[pricing]` read.
struct PricingDef {
    dimensions: Vec<usize>,
    per: Option<PerDef>,
    quantities: Vec<QuantityDef>,
    cells: Vec<CellDef>,
}

/// `[pricing] per` and `unit`: what a rate is multiplied by (the sum of its terms), and the
/// unit of one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PerDef {
    /// What the rate is multiplied by: the sum of these.
    pub terms: Vec<Term>,
    /// What one unit is (`second`, `image`).
    pub unit: String,
}

/// One term of `per`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Term {
    /// A numeric option, as an index into `options`.
    Option(usize),
    /// A measured quantity, as an index into `quantities`.
    Quantity(usize),
}

/// One `[[pricing.quantities]]` entry: a number the price multiplies that the request does
/// not carry (the seconds of an input video), measured after the job.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuantityDef {
    /// Its name in a usage (`input_video_seconds`).
    pub name: String,
    /// What one unit is (`second`).
    pub unit: String,
    /// What it measures.
    pub description: String,
    /// The page's least value (0 where it states none).
    pub minimum: Price,
    /// The page's greatest value, if it states one.
    pub maximum: Option<Price>,
}

/// One cell: a value index per dimension, and its price (or rate), or why the page gives none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellDef {
    /// A value index per dimension, in the order of `dimensions`.
    pub values: Vec<usize>,
    /// Its price (or rate), or why the page gives none.
    pub price: CellPrice,
}

/// A cell's price, or the reason the page gives none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CellPrice {
    /// The price (or rate), as the page writes it.
    Amount(Price),
    /// Why the page gives none, quoting it.
    Unpriced(String),
}

/// An exact non-negative decimal: `mantissa / 10^scale`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Price {
    /// As written in the spec.
    pub text: String,
    pub mantissa: u128,
    pub scale: u32,
}

impl OptionDef {
    /// How many values the option takes (`None` for free text, lists and integers).
    pub fn value_count(&self) -> Option<usize> {
        match &self.kind {
            OptionKind::Text { .. }
            | OptionKind::List { .. }
            | OptionKind::Integer { .. }
            | OptionKind::Number { .. } => None,
            OptionKind::Enum { values, .. } => Some(values.len()),
            OptionKind::Bool { .. } => Some(2),
        }
    }

    /// Whether the option is free text.
    pub fn is_text(&self) -> bool {
        matches!(self.kind, OptionKind::Text { .. })
    }

    /// Whether the option is an input `Args` carries beside the selection: free text, a list
    /// or a number.
    pub fn is_input(&self) -> bool {
        matches!(
            self.kind,
            OptionKind::Text { .. } | OptionKind::List { .. } | OptionKind::Number { .. }
        )
    }

    /// The default's value index (`None` for free text, integers and an option without a
    /// default).
    pub fn default_index(&self) -> Option<usize> {
        match &self.kind {
            OptionKind::Text { .. }
            | OptionKind::List { .. }
            | OptionKind::Integer { .. }
            | OptionKind::Number { .. } => None,
            OptionKind::Enum { default, .. } => *default,
            OptionKind::Bool { default } => default.map(usize::from),
        }
    }

    /// Whether the page gives the option a default (free text never has one).
    pub fn has_default(&self) -> bool {
        match &self.kind {
            OptionKind::Text { .. } | OptionKind::List { .. } | OptionKind::Number { .. } => false,
            OptionKind::Enum { default, .. } => default.is_some(),
            OptionKind::Bool { default } => default.is_some(),
            OptionKind::Integer { default, .. } => default.is_some(),
        }
    }
}

impl RuleDef {
    /// Whether the rule asks only for values of options among `dims`, so that it forbids whole
    /// price cells. (A rule that also asks for a range, a `given` or a count forbids none: a
    /// cell it names is priced for the requests it does not refuse.)
    pub fn only_on(&self, dims: &[usize]) -> bool {
        self.when
            .iter()
            .all(|c| c.of_values() && dims.contains(&c.option))
    }

    /// Whether the rule forbids the cell of `values` (a value index for each of `dims`).
    pub fn forbids(&self, dims: &[usize], values: &[usize]) -> bool {
        self.only_on(dims)
            && self.when.iter().all(|c| {
                dims.iter()
                    .position(|&d| d == c.option)
                    .is_some_and(|d| c.admits(values[d]))
            })
    }

    /// Whether typed options can judge the rule: every condition is on values.
    pub fn of_values(&self) -> bool {
        self.when.iter().all(ConditionDef::of_values)
    }
}

/// One problem in the spec, at a line and column (both 1-based; columns count characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The spec file, as the caller named it (`spec/models/FILE.toml`).
    pub origin: String,
    /// The line, from 1.
    pub line: usize,
    /// The column in characters, from 1.
    pub col: usize,
    /// What is wrong, and how to fix it.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.origin, self.line, self.col, self.message
        )
    }
}

/// Every problem found in a spec, in source order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

/// Parses and checks a spec. `origin` names the file in diagnostics.
pub fn read(source: &str, origin: &str) -> Result<Spec, Diagnostics> {
    let mut r = Reader {
        source,
        origin,
        diagnostics: Vec::new(),
        broken_options: Vec::new(),
        broken_rules: false,
    };
    let (root, errors) = DeTable::parse_recoverable(source);
    if !errors.is_empty() {
        for e in errors {
            let at = e.span().map_or(0, |s| s.start);
            r.error(at..at, format!("invalid TOML: {}", e.message().trim_end()));
        }
        return Err(r.finish());
    }
    let spec = r.spec(&root);
    match spec {
        Some(spec) if r.diagnostics.is_empty() => Ok(spec),
        _ => Err(r.finish()),
    }
}

type Value<'i> = Spanned<DeValue<'i>>;

struct Reader<'s> {
    source: &'s str,
    origin: &'s str,
    diagnostics: Vec<Diagnostic>,
    /// Options that are declared but wrong: already reported, so a rule or dimension naming
    /// one is not reported again as naming an unknown option.
    broken_options: Vec<String>,
    /// Whether a rule was wrong: then which cells are forbidden is unknown, and missing prices
    /// are not reported.
    broken_rules: bool,
}

/// A table being read: remembers which keys were asked for, so the rest can be reported.
struct Table<'a, 'i> {
    table: &'a DeTable<'i>,
    span: Range<usize>,
    /// How the table is named in messages, e.g. "[model]" or "options[2]".
    what: String,
}

impl<'s> Reader<'s> {
    fn error(&mut self, span: Range<usize>, message: impl Into<String>) {
        let (line, col) = line_col(self.source, span.start);
        self.diagnostics.push(Diagnostic {
            origin: self.origin.to_owned(),
            line,
            col,
            message: message.into(),
        });
    }

    fn finish(mut self) -> Diagnostics {
        self.diagnostics.sort_by_key(|d| (d.line, d.col));
        self.diagnostics.dedup();
        Diagnostics(self.diagnostics)
    }

    /// Reports keys of `t` not in `allowed`.
    fn unknown_keys(&mut self, t: &Table<'_, '_>, allowed: &[&str]) {
        for key in t.table.keys() {
            if !allowed.contains(&key.get_ref().as_ref()) {
                let list = allowed.join(", ");
                self.error(
                    key.span(),
                    format!(
                        "unknown key `{}` in {}; allowed keys: {list}",
                        key.get_ref(),
                        t.what
                    ),
                );
            }
        }
    }

    fn get<'a, 'i>(
        &mut self,
        t: &Table<'a, 'i>,
        key: &str,
        required: bool,
    ) -> Option<&'a Value<'i>> {
        let found = t
            .table
            .iter()
            .find(|(k, _)| k.get_ref() == key)
            .map(|(_, v)| v);
        if found.is_none() && required {
            self.error(
                t.span.clone(),
                format!("{} is missing the key `{key}`", t.what),
            );
        }
        found
    }

    fn string(&mut self, t: &Table<'_, '_>, key: &str) -> Option<Spanned<String>> {
        let v = self.get(t, key, true)?;
        self.as_string(v, &format!("`{key}` in {}", t.what))
    }

    fn as_string(&mut self, v: &Value<'_>, what: &str) -> Option<Spanned<String>> {
        match v.get_ref() {
            DeValue::String(s) => Some(Spanned::new(v.span(), s.to_string())),
            other => {
                self.error(
                    v.span(),
                    format!("{what} must be a string, found {}", type_name(other)),
                );
                None
            }
        }
    }

    fn non_empty_string(&mut self, t: &Table<'_, '_>, key: &str) -> Option<String> {
        let s = self.string(t, key)?;
        if s.get_ref().trim().is_empty() {
            self.error(s.span(), format!("`{key}` in {} must not be empty", t.what));
            return None;
        }
        Some(s.into_inner())
    }

    fn table<'a, 'i>(&mut self, v: &'a Value<'i>, what: String) -> Option<Table<'a, 'i>> {
        match v.get_ref() {
            DeValue::Table(table) => Some(Table {
                table,
                span: v.span(),
                what,
            }),
            other => {
                self.error(
                    v.span(),
                    format!("{what} must be a table, found {}", type_name(other)),
                );
                None
            }
        }
    }

    /// An array of tables, `[[key]]`: each table named `key[i]` in messages; an item that is
    /// not a table is reported and left out.
    fn tables<'a, 'i>(&mut self, v: &'a Value<'i>, key: &str) -> Vec<Table<'a, 'i>> {
        let Some(items) = self.array(v, &format!("`{key}`")) else {
            return Vec::new();
        };
        items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| self.table(item, format!("{key}[{i}]")))
            .collect()
    }

    fn array<'a, 'i>(&mut self, v: &'a Value<'i>, what: &str) -> Option<&'a DeArray<'i>> {
        match v.get_ref() {
            DeValue::Array(a) => Some(a),
            other => {
                self.error(
                    v.span(),
                    format!("{what} must be an array, found {}", type_name(other)),
                );
                None
            }
        }
    }

    fn spec(&mut self, root: &Spanned<DeTable<'_>>) -> Option<Spec> {
        let root = Table {
            table: root.get_ref(),
            span: 0..0,
            what: "the spec".to_owned(),
        };
        self.unknown_keys(
            &root,
            &[
                "model",
                "endpoints",
                "options",
                "rules",
                "requires",
                "excludes",
                "totals",
                "limits",
                "sums",
                "relations",
                "pricing",
            ],
        );

        let model = self.get(&root, "model", true).and_then(|v| self.model(v));
        let endpoints = self
            .get(&root, "endpoints", true)
            .and_then(|v| self.endpoints(v));
        let options = self.get(&root, "options", true).map(|v| self.options(v));
        let options = options.unwrap_or_default();
        let rules = match self.get(&root, "rules", false) {
            Some(v) => self.rules(v, &options),
            None => Vec::new(),
        };
        let pricing = self
            .get(&root, "pricing", true)
            .and_then(|v| self.pricing(v, &options, &rules));
        let mut requirements = Vec::new();
        let mut requirement_ids: BTreeMap<String, usize> = rules
            .iter()
            .map(|(r, span)| (r.id.clone(), line_col(self.source, span.start).0))
            .collect();
        for (key, present) in [("requires", true), ("excludes", false)] {
            if let Some(v) = self.get(&root, key, false) {
                requirements.extend(self.requirements(
                    v,
                    key,
                    present,
                    &options,
                    &mut requirement_ids,
                ));
            }
        }
        let totals = match self.get(&root, "totals", false) {
            Some(v) => self.totals(v, &options, &mut requirement_ids),
            None => Vec::new(),
        };
        let limits = match self.get(&root, "limits", false) {
            Some(v) => self.limits(v, &options, &mut requirement_ids),
            None => Vec::new(),
        };

        let sums = match self.get(&root, "sums", false) {
            Some(v) => self.sums(v, &options, &mut requirement_ids),
            None => Vec::new(),
        };

        let relations = match self.get(&root, "relations", false) {
            Some(v) => self.relations(v, &options, &mut requirement_ids),
            None => Vec::new(),
        };

        let cut_after = self.cut_after(&root, &options);
        let (model, (create_endpoint, query_endpoint), pricing, cut_after) =
            (model?, endpoints?, pricing?, cut_after?);
        let module = module_name(&model.id);
        Some(Spec {
            origin: self.origin.to_owned(),
            cut_after,
            variant: camel_case(&module),
            module,
            model,
            create_endpoint,
            query_endpoint,
            options,
            rules: rules.into_iter().map(|(rule, _)| rule).collect(),
            requirements,
            totals,
            limits,
            sums,
            relations,
            dimensions: pricing.dimensions,
            per: pricing.per,
            quantities: pricing.quantities,
            cells: pricing.cells,
        })
    }

    /// `[model] cut_after`: the last option the page's stored copy documents, when the copy is
    /// cut inside its option list; it must name an option.
    fn cut_after(&mut self, root: &Table<'_, '_>, options: &[OptionDef]) -> Option<Option<String>> {
        let Some(DeValue::Table(model)) = self.get(root, "model", false).map(Spanned::get_ref)
        else {
            return Some(None);
        };
        let Some((_, v)) = model.iter().find(|(k, _)| k.get_ref() == "cut_after") else {
            return Some(None);
        };
        let name = self.as_string(v, "`cut_after` in [model]")?;
        if !options.iter().any(|o| &o.name == name.get_ref())
            && !self.broken_options.iter().any(|b| b == name.get_ref())
        {
            let names: Vec<&str> = options.iter().map(|o| o.name.as_str()).collect();
            self.error(
                name.span(),
                format!(
                    "`cut_after` names unknown option `{}`: it names the last option the page's copy documents; options: {}",
                    name.get_ref(),
                    quoted(names.into_iter())
                ),
            );
            return None;
        }
        Some(Some(name.into_inner()))
    }

    fn model(&mut self, v: &Value<'_>) -> Option<Model> {
        let t = self.table(v, "[model]".to_owned())?;
        self.unknown_keys(
            &t,
            &["id", "name", "category", "kind", "currency", "cut_after"],
        );
        let id = self.string(&t, "id").and_then(|id| {
            let module = module_name(id.get_ref());
            if !is_snake_ident(&module) || module.starts_with('_') {
                self.error(
                    id.span(),
                    format!(
                        "model id {:?} does not make a Rust module name (it became {module:?}); \
                         an id is segments of letters, digits, `-`, `.` and `_` separated by `/`, \
                         starting with a letter",
                        id.get_ref()
                    ),
                );
                return None;
            }
            Some((line_col(self.source, id.span().start), id.into_inner()))
        });
        let name = self.non_empty_string(&t, "name");
        let category = self.non_empty_string(&t, "category");
        let kind = self.non_empty_string(&t, "kind");
        let currency = self.string(&t, "currency").and_then(|c| {
            let ok = c.get_ref().len() == 3 && c.get_ref().bytes().all(|b| b.is_ascii_uppercase());
            if !ok {
                self.error(
                    c.span(),
                    format!(
                        "`currency` must be a three-letter ISO 4217 code such as \"USD\", found {:?}",
                        c.get_ref()
                    ),
                );
            }
            ok.then(|| c.into_inner())
        });
        let (id_at, id) = id?;
        Some(Model {
            id,
            id_at,
            name: name?,
            category: category?,
            kind: kind?,
            currency: currency?,
        })
    }

    fn endpoints(&mut self, v: &Value<'_>) -> Option<(String, String)> {
        let t = self.table(v, "[endpoints]".to_owned())?;
        self.unknown_keys(&t, &["create", "query"]);
        let mut url = |key: &str| {
            let s = self.string(&t, key)?;
            let ok = s.get_ref().starts_with("https://") || s.get_ref().starts_with("http://");
            if !ok {
                self.error(
                    s.span(),
                    format!("`{key}` in [endpoints] must be an http(s) URL"),
                );
            }
            ok.then(|| s.into_inner())
        };
        let create = url("create");
        let query = url("query");
        Some((create?, query?))
    }

    fn options(&mut self, v: &Value<'_>) -> Vec<OptionDef> {
        let Some(items) = self.array(v, "`options`") else {
            return Vec::new();
        };
        let mut options: Vec<OptionDef> = Vec::new();
        let mut names: BTreeMap<String, usize> = BTreeMap::new();
        let mut rust_types: BTreeMap<String, usize> = BTreeMap::new();
        for (i, item) in items.iter().enumerate() {
            let Some(t) = self.table(item, format!("options[{i}]")) else {
                continue;
            };
            let Some(option) = self.option(&t) else {
                if let Some(DeValue::String(name)) =
                    self.get(&t, "name", false).map(Spanned::get_ref)
                {
                    self.broken_options.push(name.to_string());
                }
                continue;
            };
            let name_span = self
                .get(&t, "name", true)
                .map_or(t.span.clone(), Spanned::span);
            let line = line_col(self.source, name_span.start).0;
            if let Some(first) = names.insert(option.name.clone(), line) {
                self.error(
                    name_span.clone(),
                    format!(
                        "duplicate option `{}` (first defined on line {first})",
                        option.name
                    ),
                );
                continue;
            }
            if let OptionKind::Enum { rust, .. } | OptionKind::Integer { rust, .. } = &option.kind {
                let span = self
                    .get(&t, "rust", true)
                    .map_or(t.span.clone(), Spanned::span);
                if let Some(first) = rust_types.insert(rust.clone(), line) {
                    self.error(
                        span,
                        format!("duplicate Rust type `{rust}` (first used on line {first})"),
                    );
                    continue;
                }
            }
            options.push(option);
        }
        // The checker keeps one bit per option in a u64.
        if options.len() > 64 {
            self.error(
                v.span(),
                format!(
                    "`options` lists {} options; at most 64 are supported",
                    options.len()
                ),
            );
        }
        options
    }

    fn option(&mut self, t: &Table<'_, '_>) -> Option<OptionDef> {
        let name = self.string(t, "name").and_then(|n| {
            if !is_snake_ident(n.get_ref()) {
                self.error(
                    n.span(),
                    format!(
                        "option name {:?} must be a snake_case identifier (it is the wire name \
                         and the Rust field name)",
                        n.get_ref()
                    ),
                );
                return None;
            }
            Some(n.into_inner())
        });
        let description = self.non_empty_string(t, "description");
        let ty = self.string(t, "type");
        let common = ["name", "type", "description"];
        let kind = match ty.as_ref().map(|s| s.get_ref().as_str()) {
            Some("string") => {
                self.unknown_keys(
                    t,
                    &[&common[..], &["required", "examples", "max_length"]].concat(),
                );
                let max_length = self.count(t, "max_length", 1);
                let mut examples = Vec::new();
                if let Some(v) = self.get(t, "examples", false) {
                    if let Some(items) = self.array(v, "`examples`") {
                        for item in items.iter() {
                            if let Some(s) = self.as_string(item, "an example") {
                                examples.push(s.into_inner());
                            }
                        }
                    }
                }
                Some(OptionKind::Text {
                    examples,
                    max_length: max_length?,
                })
            }
            Some("list") => {
                self.unknown_keys(
                    t,
                    &[
                        &common[..],
                        &["required", "min_items", "max_items", "fields", "cut_after"],
                    ]
                    .concat(),
                );
                let item = match self.get(t, "fields", false) {
                    None => {
                        if let Some(c) = self.get(t, "cut_after", false) {
                            self.error(
                                c.span(),
                                "`cut_after` on a list names the last item field its page documents; this list has no `fields`",
                            );
                        }
                        Some(None)
                    }
                    Some(v) => self.item_fields(t, v).map(Some),
                };
                let required = matches!(
                    self.get(t, "required", false).map(Spanned::get_ref),
                    Some(DeValue::Boolean(true))
                );
                let min_items = self.count(t, "min_items", 0);
                let max_items = self.count(t, "max_items", 1);
                match (min_items?, max_items?) {
                    (Some(min), Some(max)) if min > max => {
                        let span = self
                            .get(t, "min_items", false)
                            .map_or(t.span.clone(), Spanned::span);
                        self.error(
                            span,
                            format!("`min_items` {min} is above `max_items` {max}; swap them"),
                        );
                        None
                    }
                    // A required list holds at least one item unless the spec says otherwise.
                    (min, max) => item.map(|item| OptionKind::List {
                        min_items: min.unwrap_or(u32::from(required)),
                        max_items: max,
                        item,
                    }),
                }
            }
            Some("number") => {
                self.unknown_keys(
                    t,
                    &[&common[..], &["required", "minimum", "maximum"]].concat(),
                );
                let bound = |r: &mut Self, key: &str| {
                    let v = r.get(t, key, true)?;
                    Some((r.price(v, &format!("`{key}`"))?, v.span()))
                };
                match (bound(self, "minimum"), bound(self, "maximum")) {
                    (Some((min, span)), Some((max, _)))
                        if decimal_cmp(&min, &max) == std::cmp::Ordering::Greater =>
                    {
                        self.error(
                            span,
                            format!(
                                "`minimum` {} is above `maximum` {}; swap them",
                                min.text, max.text
                            ),
                        );
                        None
                    }
                    (Some((minimum, _)), Some((maximum, _))) => {
                        Some(OptionKind::Number { minimum, maximum })
                    }
                    _ => None,
                }
            }
            Some("integer") => {
                self.unknown_keys(
                    t,
                    &[
                        &common[..],
                        &[
                            "rust", "minimum", "maximum", "values", "default", "required", "string",
                        ],
                    ]
                    .concat(),
                );
                self.integer_kind(t)
            }
            Some("enum") => {
                self.unknown_keys(
                    t,
                    &[&common[..], &["rust", "default", "required", "values"]].concat(),
                );
                self.enum_kind(t)
            }
            Some("bool") => {
                self.unknown_keys(t, &[&common[..], &["default", "required"]].concat());
                match self.get(t, "default", false) {
                    None => Some(OptionKind::Bool { default: None }),
                    Some(v) => match v.get_ref() {
                        DeValue::Boolean(b) => Some(OptionKind::Bool { default: Some(*b) }),
                        other => {
                            self.error(
                                v.span(),
                                format!(
                                    "`default` of a bool option must be true or false, found {}",
                                    type_name(other)
                                ),
                            );
                            None
                        }
                    },
                }
            }
            Some(other) => {
                let span = ty.as_ref().map_or(t.span.clone(), Spanned::span);
                self.error(
                    span,
                    format!(
                        "unknown option type {other:?}; allowed: \"string\", \"list\", \"enum\", \"bool\", \"integer\", \"number\""
                    ),
                );
                None
            }
            None => None,
        };
        let kind = kind?;
        let required = self.required(t, &kind)?;
        Some(OptionDef {
            name: name?,
            description: description?,
            required,
            kind,
        })
    }

    /// A list's `[[options.fields]]`: each item field a table as an option's, of a kind an
    /// item can hold (free text, a list of text, a number, a bool, or a whole number with
    /// `minimum` and `maximum` and nothing more), none with a default, each named once; and
    /// the list's `cut_after`, which must name one of them.
    fn item_fields(&mut self, list: &Table<'_, '_>, v: &Value<'_>) -> Option<ItemDef> {
        let items = self.array(v, "`fields`")?;
        let mut fields: Vec<OptionDef> = Vec::new();
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            let Some(t) = self.table(item, format!("fields[{i}]")) else {
                ok = false;
                continue;
            };
            let field = match self.get(&t, "type", false).map(Spanned::get_ref) {
                Some(DeValue::String(ty)) if ty.as_ref() == "integer" => self.item_integer(&t),
                Some(DeValue::String(ty)) if matches!(ty.as_ref(), "enum") => {
                    let span = self
                        .get(&t, "type", false)
                        .map_or(t.span.clone(), Spanned::span);
                    self.error(
                        span,
                        r#"an item field is "string", "list", "integer", "number" or "bool""#,
                    );
                    None
                }
                _ => self.option(&t),
            };
            let Some(field) = field else {
                ok = false;
                continue;
            };
            let span = self
                .get(&t, "name", true)
                .map_or(t.span.clone(), Spanned::span);
            if field.has_default() {
                let at = self
                    .get(&t, "default", false)
                    .map_or(span.clone(), Spanned::span);
                self.error(
                    at,
                    format!(
                        "item field `{}` has a `default`; an item's field has none",
                        field.name
                    ),
                );
                ok = false;
            } else if matches!(field.kind, OptionKind::List { item: Some(_), .. }) {
                self.error(
                    span,
                    format!(
                        "item field `{}` is a list of objects; an item holds lists of text only",
                        field.name
                    ),
                );
                ok = false;
            } else if fields.iter().any(|f| f.name == field.name) {
                self.error(span, format!("duplicate item field `{}`", field.name));
                ok = false;
            } else {
                fields.push(field);
            }
        }
        if fields.is_empty() && ok {
            self.error(v.span(), "`fields` lists no field; name the items' fields");
            return None;
        }
        let open = match self.get(list, "cut_after", false) {
            None => false,
            Some(c) => {
                let name = self.as_string(c, "`cut_after` of a list")?;
                if !fields.iter().any(|f| &f.name == name.get_ref()) {
                    let names = quoted(fields.iter().map(|f| f.name.as_str()));
                    self.error(
                        name.span(),
                        format!(
                            "`cut_after` names unknown item field `{}`; its fields: {names}",
                            name.get_ref()
                        ),
                    );
                    return None;
                }
                true
            }
        };
        ok.then_some(ItemDef { fields, open })
    }

    /// An item's whole-number field: `minimum` and `maximum`, nothing an option's integer has
    /// for its Rust type or its price (no `rust`, `values`, `default` or `string`).
    fn item_integer(&mut self, t: &Table<'_, '_>) -> Option<OptionDef> {
        self.unknown_keys(
            t,
            &[
                "name",
                "type",
                "description",
                "required",
                "minimum",
                "maximum",
            ],
        );
        let name = self.string(t, "name").map(Spanned::into_inner);
        let description = self.non_empty_string(t, "description");
        let bound = |r: &mut Self, key: &str| -> Option<i64> {
            let v = r.get(t, key, true)?;
            match v.get_ref() {
                DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix()).ok(),
                other => {
                    r.error(
                        v.span(),
                        format!("`{key}` must be a whole number, found {}", type_name(other)),
                    );
                    None
                }
            }
        };
        let (minimum, maximum) = (bound(self, "minimum"), bound(self, "maximum"));
        let (minimum, maximum) = (minimum?, maximum?);
        if minimum > maximum {
            let span = self
                .get(t, "minimum", false)
                .map_or(t.span.clone(), Spanned::span);
            self.error(
                span,
                format!("`minimum` {minimum} is above `maximum` {maximum}; swap them"),
            );
            return None;
        }
        let kind = OptionKind::Integer {
            rust: String::new(),
            minimum,
            maximum,
            values: Vec::new(),
            default: None,
            string: false,
        };
        let required = self.required(t, &kind)?;
        Some(OptionDef {
            name: name?,
            description: description?,
            required,
            kind,
        })
    }

    /// Reads `[[sums]]`: each an `id` (unique among rules, requirements, totals, limits and
    /// sums), a `message`, the list of objects `list`, its whole-number item `field`, and the
    /// integer option the items' values add up to (`equals`).
    fn sums(
        &mut self,
        v: &Value<'_>,
        options: &[OptionDef],
        ids: &mut BTreeMap<String, usize>,
    ) -> Vec<SumDef> {
        let mut out = Vec::new();
        for t in self.tables(v, "sums") {
            self.unknown_keys(&t, &["id", "message", "list", "field", "equals"]);
            let id = self.unique_id(&t, "id", ids).map(Spanned::into_inner);
            let message = self.non_empty_string(&t, "message");
            let list = self.string(&t, "list").and_then(|name| {
                let found = options.iter().position(|o| &o.name == name.get_ref());
                match found.map(|l| (l, &options[l].kind)) {
                    Some((
                        l,
                        OptionKind::List {
                            item: Some(item), ..
                        },
                    )) => Some((l, item.clone())),
                    Some(_) => {
                        self.error(
                            name.span(),
                            format!(
                                "`list` names `{}`, which is not a list of objects",
                                name.get_ref()
                            ),
                        );
                        None
                    }
                    None => {
                        if !self.broken_options.iter().any(|b| b == name.get_ref()) {
                            let names = quoted(options.iter().map(|o| o.name.as_str()));
                            self.error(
                                name.span(),
                                format!(
                                    "`list` names unknown option `{}`; options: {names}",
                                    name.get_ref()
                                ),
                            );
                        }
                        None
                    }
                }
            });
            let field = match (&list, self.string(&t, "field")) {
                (Some((_, item)), Some(name)) => {
                    match item.fields.iter().position(|f| &f.name == name.get_ref()) {
                        Some(f) if matches!(item.fields[f].kind, OptionKind::Integer { .. }) => {
                            Some(f)
                        }
                        Some(_) => {
                            self.error(
                                name.span(),
                                format!(
                                    "`field` names `{}`, which is not a whole number",
                                    name.get_ref()
                                ),
                            );
                            None
                        }
                        None => {
                            let names = quoted(item.fields.iter().map(|f| f.name.as_str()));
                            self.error(
                                name.span(),
                                format!(
                                    "`field` names unknown item field `{}`; its fields: {names}",
                                    name.get_ref()
                                ),
                            );
                            None
                        }
                    }
                }
                _ => None,
            };
            let equals = self.string(&t, "equals").and_then(|name| {
                match options.iter().position(|o| &o.name == name.get_ref()) {
                    Some(e) if matches!(options[e].kind, OptionKind::Integer { .. }) => Some(e),
                    Some(_) => {
                        self.error(
                            name.span(),
                            format!(
                                "`equals` names `{}`, which is not an integer option",
                                name.get_ref()
                            ),
                        );
                        None
                    }
                    None => {
                        if !self.broken_options.iter().any(|b| b == name.get_ref()) {
                            let names = quoted(options.iter().map(|o| o.name.as_str()));
                            self.error(
                                name.span(),
                                format!(
                                    "`equals` names unknown option `{}`; options: {names}",
                                    name.get_ref()
                                ),
                            );
                        }
                        None
                    }
                }
            });
            if let (Some(id), Some(message), Some((list, _)), Some(field), Some(equals)) =
                (id, message, list, field, equals)
            {
                out.push(SumDef {
                    id,
                    message,
                    list,
                    field,
                    equals,
                });
            }
        }
        out
    }

    /// Reads `[[relations]]`: each an `id` (unique among rules, requirements, totals, limits,
    /// sums and relations), a `message`, one of `product = [a, b]` or `ratio = [a, b]` (two
    /// integer options; a ratio's second at least 1 and its first at least 0), and a `minimum`
    /// and/or `maximum`: whole numbers for a product, `"n:d"` for a ratio; the range must be
    /// able to hold over the options' own ranges.
    fn relations(
        &mut self,
        v: &Value<'_>,
        options: &[OptionDef],
        ids: &mut BTreeMap<String, usize>,
    ) -> Vec<RelationDef> {
        let mut out = Vec::new();
        for t in self.tables(v, "relations") {
            self.unknown_keys(
                &t,
                &["id", "message", "product", "ratio", "minimum", "maximum"],
            );
            let id = self.unique_id(&t, "id", ids).map(Spanned::into_inner);
            let message = self.non_empty_string(&t, "message");
            let of = match (self.get(&t, "product", false), self.get(&t, "ratio", false)) {
                (Some(v), None) => Some((true, v)),
                (None, Some(v)) => Some((false, v)),
                (Some(_), Some(v)) => {
                    self.error(v.span(), "give `product` or `ratio`, not both");
                    None
                }
                (None, None) => {
                    self.error(
                        t.span.clone(),
                        format!(
                            "{} needs `product = [a, b]` or `ratio = [a, b]`: two integer options",
                            t.what
                        ),
                    );
                    None
                }
            };
            let Some((product, of)) = of else {
                continue;
            };
            let key = if product { "product" } else { "ratio" };
            let pair = self.pair(of, key, options);
            let bound = |this: &mut Self, name: &str| match this.get(&t, name, false) {
                None => Some(None),
                Some(v) if product => {
                    let n = match v.get_ref() {
                        DeValue::Integer(i) => u64::from_str_radix(i.as_str(), i.radix()).ok(),
                        _ => None,
                    };
                    if n.is_none() {
                        this.error(
                            v.span(),
                            format!("`{name}` of a product must be a whole number, at least 0"),
                        );
                    }
                    n.map(|n| Some((n, 1)))
                }
                Some(v) => {
                    let text = this.as_string(v, &format!("`{name}` of a ratio"))?;
                    let parsed = text.get_ref().split_once(':').and_then(|(n, d)| {
                        let digits =
                            |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
                        (digits(n) && digits(d)).then_some(())?;
                        Some((n.parse::<u64>().ok()?, d.parse::<u64>().ok()?))
                    });
                    match parsed {
                        Some((n, d)) if d > 0 => Some(Some((n, d))),
                        _ => {
                            this.error(
                                text.span(),
                                format!(
                                    "`{name}` of a ratio is written \"n:d\" (whole numbers, d at least 1), not {:?}",
                                    text.get_ref()
                                ),
                            );
                            None
                        }
                    }
                }
            };
            let minimum = bound(self, "minimum");
            let maximum = bound(self, "maximum");
            let (Some(id), Some(message), Some(pair), Some(minimum), Some(maximum)) =
                (id, message, pair, minimum, maximum)
            else {
                continue;
            };
            let range = |o: usize| match options[o].kind {
                OptionKind::Integer {
                    minimum, maximum, ..
                } => (i128::from(minimum), i128::from(maximum)),
                _ => (0, 0),
            };
            let ((a0, a1), (b0, b1)) = (range(pair[0]), range(pair[1]));
            let names = (&options[pair[0]].name, &options[pair[1]].name);
            // What the two can make, as fractions `(numerator, denominator)`: a product's
            // least and most are among its corners; a ratio's are a0 / b1 and a1 / b0.
            let reach = if product {
                let corners = [a0 * b0, a0 * b1, a1 * b0, a1 * b1];
                let (lo, hi) = (corners.iter().min(), corners.iter().max());
                Some(((*lo.unwrap_or(&0), 1), (*hi.unwrap_or(&0), 1)))
            } else if b0 < 1 {
                self.error(
                    of.span(),
                    format!("the ratio's second option `{}` can be {b0}; a ratio's second option must be at least 1", names.1),
                );
                None
            } else if a0 < 0 {
                self.error(
                    of.span(),
                    format!("the ratio's first option `{}` can be {a0}; a ratio's first option must be at least 0", names.0),
                );
                None
            } else {
                Some(((a0, b1), (a1, b0)))
            };
            let Some((least, most)) = reach else {
                continue;
            };
            // x ≤ y for fractions with positive denominators (every term below 2^64).
            let le = |x: (i128, i128), y: (i128, i128)| x.0 * y.1 <= y.0 * x.1;
            let wide = |b: (u64, u64)| (i128::from(b.0), i128::from(b.1));
            let show_reach = |x: (i128, i128)| {
                if product {
                    x.0.to_string()
                } else {
                    format!("{}:{}", x.0, x.1)
                }
            };
            let show = |b: (u64, u64)| show_reach(wide(b));
            let problem = match (minimum, maximum) {
                (None, None) => Some("needs a `minimum` or a `maximum`".to_owned()),
                (Some(lo), Some(hi)) if !le(wide(lo), wide(hi)) => Some(format!(
                    "`minimum` {} is above `maximum` {}; swap them",
                    show(lo),
                    show(hi)
                )),
                (_, Some(hi)) if !le(least, wide(hi)) => Some(format!(
                    "can never hold: `{}` and `{}` make at least {}, above `maximum` {}",
                    names.0,
                    names.1,
                    show_reach(least),
                    show(hi)
                )),
                (Some(lo), _) if !le(wide(lo), most) => Some(format!(
                    "can never hold: `{}` and `{}` make at most {}, below `minimum` {}",
                    names.0,
                    names.1,
                    show_reach(most),
                    show(lo)
                )),
                _ => None,
            };
            if let Some(problem) = problem {
                self.error(t.span.clone(), format!("{} {problem}", t.what));
                continue;
            }
            out.push(RelationDef {
                id,
                message,
                product,
                options: pair,
                minimum,
                maximum,
            });
        }
        out
    }

    /// A relation's `product` or `ratio`: two different integer options.
    fn pair(&mut self, v: &Value<'_>, key: &str, options: &[OptionDef]) -> Option<[usize; 2]> {
        let items = self.array(v, &format!("`{key}`"))?;
        if items.len() != 2 {
            self.error(
                v.span(),
                format!("`{key}` names two integer options, not {}", items.len()),
            );
            return None;
        }
        let mut pair = Vec::new();
        for item in items {
            let name = self.as_string(item, &format!("an item of `{key}`"))?;
            let Some(index) = options.iter().position(|o| &o.name == name.get_ref()) else {
                if !self.broken_options.iter().any(|b| b == name.get_ref()) {
                    let integers = options
                        .iter()
                        .filter(|o| matches!(o.kind, OptionKind::Integer { .. }))
                        .map(|o| o.name.as_str());
                    self.error(
                        name.span(),
                        format!(
                            "`{key}` names unknown option `{}`; integer options: {}",
                            name.get_ref(),
                            quoted(integers)
                        ),
                    );
                }
                return None;
            };
            if !matches!(options[index].kind, OptionKind::Integer { .. }) {
                self.error(
                    name.span(),
                    format!(
                        "`{key}` names `{}`, which is not an integer option",
                        name.get_ref()
                    ),
                );
                return None;
            }
            if pair.contains(&index) {
                self.error(
                    name.span(),
                    format!("`{key}` names `{}` twice", name.get_ref()),
                );
                return None;
            }
            pair.push(index);
        }
        Some([pair[0], pair[1]])
    }

    /// The `required` key, read against whether the option has a default: free text and a
    /// list say it always; an option with a default is optional (the API cannot need what it
    /// defaults, so `required = true` beside a default is refused); one without must say.
    fn required(&mut self, t: &Table<'_, '_>, kind: &OptionKind) -> Option<bool> {
        let given = match self.get(t, "required", false) {
            None => None,
            Some(req) => match req.get_ref() {
                DeValue::Boolean(b) => Some((*b, req.span())),
                other => {
                    self.error(
                        req.span(),
                        format!(
                            "`required` must be true or false, found {}",
                            type_name(other)
                        ),
                    );
                    return None;
                }
            },
        };
        let probe = OptionDef {
            name: String::new(),
            description: String::new(),
            required: false,
            kind: kind.clone(),
        };
        match (given, probe.is_input(), probe.has_default()) {
            (Some((b, _)), true, _) => Some(b),
            (None, true, _) => {
                self.error(
                    t.span.clone(),
                    format!("{} is missing the key `required`", t.what),
                );
                None
            }
            (Some((true, span)), false, true) => {
                self.error(
                    span,
                    "an option with a `default` is optional (the API cannot need what it defaults): drop `required = true`, and say in a comment that the page marks it required",
                );
                None
            }
            (_, false, true) => Some(false),
            (Some((b, _)), false, false) => Some(b),
            (None, false, false) => {
                self.error(
                    t.span.clone(),
                    format!(
                        "{} has no `default`: give the page's default, or say `required = true` (the page requires it and gives none) or `required = false` (optional, no default: left out, it is not sent)",
                        t.what
                    ),
                );
                None
            }
        }
    }

    /// The `rust` key: the name of the option's generated type.
    fn rust_type(&mut self, t: &Table<'_, '_>) -> Option<String> {
        self.string(t, "rust").and_then(|r| {
            let ok = is_camel_ident(r.get_ref()) && !RESERVED_TYPES.contains(&r.get_ref().as_str());
            if !ok {
                self.error(
                    r.span(),
                    format!(
                        "`rust` must be a CamelCase Rust type name not already used by the crate \
                         ({}), found {:?}",
                        RESERVED_TYPES.join(", "),
                        r.get_ref()
                    ),
                );
            }
            ok.then(|| r.into_inner())
        })
    }

    fn integer_kind(&mut self, t: &Table<'_, '_>) -> Option<OptionKind> {
        let rust = self.rust_type(t);
        let int = |this: &mut Self, key: &str| -> Option<(i64, Range<usize>)> {
            let v = this.get(t, key, true)?;
            match v.get_ref() {
                DeValue::Integer(i) => match i64::from_str_radix(i.as_str(), i.radix()) {
                    Ok(n) => Some((n, v.span())),
                    Err(_) => {
                        this.error(
                            v.span(),
                            format!("`{key}` must fit a 64-bit signed integer"),
                        );
                        None
                    }
                },
                other => {
                    this.error(
                        v.span(),
                        format!(
                            "`{key}` of an integer option must be an integer, found {}",
                            type_name(other)
                        ),
                    );
                    None
                }
            }
        };
        let listed = self.integer_values(t);
        let (minimum, maximum) = match &listed {
            // The range of listed values is theirs; a range beside them would say it twice.
            Some(Some(values)) => {
                for key in ["minimum", "maximum"] {
                    if let Some(v) = self.get(t, key, false) {
                        self.error(
                            v.span(),
                            format!(
                                "`{key}` beside `values`: the listed values are the range; drop it"
                            ),
                        );
                    }
                }
                let span = t.span.clone();
                (
                    values.first().map(|&n| (n, span.clone())),
                    values.last().map(|&n| (n, span)),
                )
            }
            Some(None) => (None, None),
            None => (int(self, "minimum"), int(self, "maximum")),
        };
        let default = match self.get(t, "default", false) {
            Some(_) => int(self, "default").map(Some),
            None => Some(None),
        };
        let (minimum, maximum, default) = (minimum?, maximum?, default?);
        let values = listed.flatten().unwrap_or_default();
        let mut ok = true;
        if minimum.0 == i64::MIN {
            self.error(
                minimum.1.clone(),
                "the smallest 64-bit integer is reserved (it marks an option left out); start the range above it",
            );
            ok = false;
        }
        if minimum.0 > maximum.0 {
            self.error(
                minimum.1.clone(),
                format!(
                    "`minimum` {} is above `maximum` {}; swap them",
                    minimum.0, maximum.0
                ),
            );
            ok = false;
        } else if let Some((d, span)) = default.clone() {
            if !values.is_empty() && !values.contains(&d) {
                self.error(
                    span,
                    format!(
                        "`default` {d} is not among the values ({})",
                        values
                            .iter()
                            .map(i64::to_string)
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                );
                ok = false;
            } else if !(minimum.0..=maximum.0).contains(&d) {
                self.error(
                    span,
                    format!(
                        "`default` {} is out of range: allowed {} to {}",
                        d, minimum.0, maximum.0
                    ),
                );
                ok = false;
            }
        }
        if !ok {
            return None;
        }
        let string = match self.get(t, "string", false) {
            None => false,
            Some(v) => match v.get_ref() {
                DeValue::Boolean(b) => {
                    // Its schema lists every string it takes (JSON Schema cannot compare the
                    // number a string writes): keep that list short.
                    let count = maximum.0.abs_diff(minimum.0);
                    if *b && values.is_empty() && count >= 1000 {
                        self.error(
                            v.span(),
                            format!("a string-typed integer takes at most 1000 values (its schema lists them); this range has {}", u128::from(count) + 1),
                        );
                        return None;
                    }
                    *b
                }
                other => {
                    self.error(
                        v.span(),
                        format!("`string` must be true or false, found {}", type_name(other)),
                    );
                    return None;
                }
            },
        };
        Some(OptionKind::Integer {
            rust: rust?,
            minimum: minimum.0,
            maximum: maximum.0,
            values,
            default: default.map(|(d, _)| d),
            string,
        })
    }

    /// The whole number at `key`, if given: at least `least`, at most `u32::MAX`. `None` when
    /// it is broken (reported), `Some(None)` when it is not given.
    fn count(&mut self, t: &Table<'_, '_>, key: &str, least: u32) -> Option<Option<u32>> {
        let Some(v) = self.get(t, key, false) else {
            return Some(None);
        };
        let n = match v.get_ref() {
            DeValue::Integer(i) => u32::from_str_radix(i.as_str(), i.radix()).ok(),
            _ => None,
        };
        match n {
            Some(n) if n >= least => Some(Some(n)),
            _ => {
                self.error(
                    v.span(),
                    format!(
                        "`{key}` must be a whole number from {least} to {}",
                        u32::MAX
                    ),
                );
                None
            }
        }
    }

    /// An integer option's `values`: `None` when not given, `Some(None)` when given but
    /// broken, else the values (ascending, each once, at least one).
    fn integer_values(&mut self, t: &Table<'_, '_>) -> Option<Option<Vec<i64>>> {
        let v = self.get(t, "values", false)?;
        let Some(items) = self.array(v, "`values`") else {
            return Some(None);
        };
        let mut values: Vec<i64> = Vec::new();
        let mut ok = true;
        for item in items.iter() {
            let n = match item.get_ref() {
                DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix()).ok(),
                _ => None,
            };
            match n {
                Some(n) if values.last().is_some_and(|&last| n <= last) => {
                    self.error(
                        item.span(),
                        format!("{n} is out of order or listed twice: list the values ascending, each once"),
                    );
                    ok = false;
                }
                Some(n) => values.push(n),
                None => {
                    self.error(
                        item.span(),
                        format!(
                            "a value of an integer option must be a 64-bit integer, found {}",
                            type_name(item.get_ref())
                        ),
                    );
                    ok = false;
                }
            }
        }
        if values.is_empty() && ok {
            self.error(v.span(), "`values` must list at least one value");
            ok = false;
        }
        Some(ok.then_some(values))
    }

    fn enum_kind(&mut self, t: &Table<'_, '_>) -> Option<OptionKind> {
        let rust = self.rust_type(t);
        let mut values: Vec<EnumValue> = Vec::new();
        let mut ok = true;
        if let Some(v) = self.get(t, "values", true) {
            if let Some(items) = self.array(v, "`values`") {
                if items.iter().next().is_none() {
                    self.error(v.span(), "`values` must list at least one value");
                    ok = false;
                }
                let mut seen_wire: BTreeMap<String, usize> = BTreeMap::new();
                // Whether each value gives `units`: all of them must, or none.
                let mut with_units: Vec<(bool, Range<usize>)> = Vec::new();
                let mut seen_rust: BTreeMap<String, usize> = BTreeMap::new();
                for (i, item) in items.iter().enumerate() {
                    let Some(vt) = self.table(item, format!("values[{i}]")) else {
                        ok = false;
                        continue;
                    };
                    self.unknown_keys(&vt, &["wire", "rust", "units"]);
                    let wire = self.string(&vt, "wire");
                    let variant = self.string(&vt, "rust");
                    let units_value = self.get(&vt, "units", false);
                    with_units.push((units_value.is_some(), item.span()));
                    let units = units_value.and_then(|u| {
                        let n = match u.get_ref() {
                            DeValue::Integer(i) => u32::from_str_radix(i.as_str(), i.radix()).ok(),
                            _ => None,
                        };
                        if n.is_none_or(|n| n == 0) {
                            self.error(
                                u.span(),
                                "`units` must be a whole number from 1 to 4294967295",
                            );
                            ok = false;
                        }
                        n
                    });
                    let (Some(wire), Some(variant)) = (wire, variant) else {
                        ok = false;
                        continue;
                    };
                    let line = line_col(self.source, wire.span().start).0;
                    if wire.get_ref().is_empty() {
                        self.error(wire.span(), "a wire value must not be empty");
                        ok = false;
                    } else if let Some(first) = seen_wire.insert(wire.get_ref().clone(), line) {
                        self.error(
                            wire.span(),
                            format!(
                                "duplicate value {:?} (first listed on line {first})",
                                wire.get_ref()
                            ),
                        );
                        ok = false;
                    }
                    if !is_camel_ident(variant.get_ref()) {
                        self.error(
                            variant.span(),
                            format!(
                                "variant name {:?} must be a CamelCase Rust identifier",
                                variant.get_ref()
                            ),
                        );
                        ok = false;
                    } else if let Some(first) = seen_rust.insert(variant.get_ref().clone(), line) {
                        self.error(
                            variant.span(),
                            format!(
                                "duplicate variant name `{}` (first used on line {first})",
                                variant.get_ref()
                            ),
                        );
                        ok = false;
                    }
                    values.push(EnumValue {
                        wire: wire.into_inner(),
                        rust: variant.into_inner(),
                        units,
                    });
                }
                let given = with_units.iter().filter(|(g, _)| *g).count();
                if given > 0 && given < with_units.len() {
                    for (_, span) in with_units.iter().filter(|(g, _)| !*g) {
                        self.error(
                            span.clone(),
                            "this value has no `units` but others do; give every value `units` or none",
                        );
                    }
                    ok = false;
                }
            } else {
                ok = false;
            }
        } else {
            ok = false;
        }
        let given = self.get(t, "default", false).is_some();
        let default = given
            .then(|| self.string(t, "default"))
            .flatten()
            .and_then(|d| {
                let found = values.iter().position(|v| &v.wire == d.get_ref());
                if found.is_none() && !values.is_empty() {
                    self.error(
                        d.span(),
                        format!(
                            "default {:?} is not among the values ({})",
                            d.get_ref(),
                            quoted(values.iter().map(|v| v.wire.as_str()))
                        ),
                    );
                }
                found
            });
        if !ok {
            return None;
        }
        if given && default.is_none() {
            return None;
        }
        Some(OptionKind::Enum {
            rust: rust?,
            values,
            default,
        })
    }

    /// Reads the rules; each comes with its span, for messages about cells it forbids.
    /// The table's `id`: snake_case, and not in `ids` (where it is put, with its line).
    /// `what` names it in messages (`rule id`).
    fn unique_id(
        &mut self,
        t: &Table<'_, '_>,
        what: &str,
        ids: &mut BTreeMap<String, usize>,
    ) -> Option<Spanned<String>> {
        let id = self.string(t, "id")?;
        if !is_snake_ident(id.get_ref()) {
            self.error(
                id.span(),
                format!("{what} {:?} must be snake_case", id.get_ref()),
            );
            return None;
        }
        let line = line_col(self.source, id.span().start).0;
        if let Some(first) = ids.insert(id.get_ref().clone(), line) {
            self.error(
                id.span(),
                format!(
                    "duplicate {what} `{}` (first used on line {first})",
                    id.get_ref()
                ),
            );
            return None;
        }
        Some(id)
    }

    /// Reads `[[requires]]` (`present`) or `[[excludes]]`: each an `id` (unique among rules
    /// and requirements), a `message`, a `when` as a rule's, and the `field` it is about, an
    /// option with no default that `when` does not name.
    fn requirements(
        &mut self,
        v: &Value<'_>,
        key: &str,
        present: bool,
        options: &[OptionDef],
        ids: &mut BTreeMap<String, usize>,
    ) -> Vec<RequirementDef> {
        let mut out = Vec::new();
        for t in self.tables(v, key) {
            self.unknown_keys(&t, &["id", "when", "field", "message"]);
            let id = self.unique_id(&t, "id", ids).map(Spanned::into_inner);
            let message = self.non_empty_string(&t, "message");
            let when = self
                .get(&t, "when", true)
                .and_then(|w| self.conditions(w, options, "requirement"));
            let field = self.string(&t, "field").and_then(|f| {
                let Some(index) = options.iter().position(|o| &o.name == f.get_ref()) else {
                    if !self.broken_options.iter().any(|b| b == f.get_ref()) {
                        self.error(
                            f.span(),
                            format!(
                                "`field` names unknown option `{}`; options: {}",
                                f.get_ref(),
                                quoted(options.iter().map(|o| o.name.as_str()))
                            ),
                        );
                    }
                    return None;
                };
                let option = &options[index];
                let problem = if option.has_default() {
                    Some("has a default, so it is always sent; a requirement can only be about an option with none")
                } else if present && option.required {
                    Some("is always required; `[[requires]]` would say it twice")
                } else {
                    None
                };
                if let Some(problem) = problem {
                    self.error(f.span(), format!("`field` option `{}` {problem}", option.name));
                    return None;
                }
                Some((index, f.span()))
            });
            let (Some(id), Some(message), Some(when), Some((field, span))) =
                (id, message, when, field)
            else {
                continue;
            };
            if when.iter().any(|c| c.option == field) {
                self.error(
                    span,
                    format!(
                        "`field` `{}` is also in `when`; a field cannot be its own condition",
                        options[field].name
                    ),
                );
                continue;
            }
            out.push(RequirementDef {
                id,
                message,
                when,
                field,
                present,
            });
        }
        out
    }

    /// Reads `[[totals]]`: each an `id` (unique among rules, requirements and totals), a
    /// `message`, the lists it counts (`count`: two or more, each a list option named once) and
    /// a `minimum` and/or `maximum` the lists can reach together.
    fn totals(
        &mut self,
        v: &Value<'_>,
        options: &[OptionDef],
        ids: &mut BTreeMap<String, usize>,
    ) -> Vec<TotalDef> {
        let mut out = Vec::new();
        for t in self.tables(v, "totals") {
            self.unknown_keys(&t, &["id", "message", "count", "minimum", "maximum"]);
            let id = self.unique_id(&t, "id", ids).map(Spanned::into_inner);
            let message = self.non_empty_string(&t, "message");
            let lists = self
                .get(&t, "count", true)
                .and_then(|c| self.counted(c, options));
            let minimum = self.count(&t, "minimum", 0);
            let maximum = self.count(&t, "maximum", 1);
            let (Some(id), Some(message), Some(lists), Some(minimum), Some(maximum)) =
                (id, message, lists, minimum, maximum)
            else {
                continue;
            };
            let minimum = minimum.unwrap_or(0);
            let limits = |o: &OptionDef| match o.kind {
                OptionKind::List {
                    min_items,
                    max_items,
                    ..
                } => (if o.required { min_items } else { 0 }, max_items),
                _ => (0, None),
            };
            // The least the lists can take together (a required list its `min_items`), and
            // the most (none if one has no limit).
            let least: u64 = lists
                .iter()
                .map(|&l| u64::from(limits(&options[l]).0))
                .sum();
            let most: Option<u64> = lists
                .iter()
                .map(|&l| limits(&options[l]).1.map(u64::from))
                .sum();
            let problem = match maximum {
                None if minimum == 0 => Some("needs a `minimum` or a `maximum`".to_owned()),
                Some(max) if minimum > max => Some(format!(
                    "`minimum` {minimum} is above `maximum` {max}; swap them"
                )),
                Some(max) if least > u64::from(max) => Some(format!(
                    "can never hold: the lists' own fewest items already add up to {least}, above `maximum` {max}"
                )),
                _ if most.is_some_and(|m| m < u64::from(minimum)) => Some(format!(
                    "can never hold: the lists' own most items add up to {}, below `minimum` {minimum}",
                    most.unwrap_or(0)
                )),
                _ => None,
            };
            if let Some(problem) = problem {
                self.error(t.span.clone(), format!("{} {problem}", t.what));
                continue;
            }
            out.push(TotalDef {
                id,
                message,
                lists,
                minimum,
                maximum,
            });
        }
        out
    }

    /// Reads `[[limits]]`: each an `id` (unique among rules, requirements, totals and limits),
    /// a `message`, a `when` (as a requirement's), the `field` it narrows, not in `when`, and
    /// how: a list's `min_items` and/or `max_items`, or a choice's `values` (each once, among
    /// its own), narrower than the option's own and able to hold.
    fn limits(
        &mut self,
        v: &Value<'_>,
        options: &[OptionDef],
        ids: &mut BTreeMap<String, usize>,
    ) -> Vec<LimitDef> {
        let mut out = Vec::new();
        for t in self.tables(v, "limits") {
            self.unknown_keys(
                &t,
                &[
                    "id",
                    "message",
                    "when",
                    "field",
                    "min_items",
                    "max_items",
                    "values",
                ],
            );
            let id = self.unique_id(&t, "id", ids).map(Spanned::into_inner);
            let message = self.non_empty_string(&t, "message");
            let when = self
                .get(&t, "when", true)
                .and_then(|w| self.conditions(w, options, "limit"));
            let field = self.string(&t, "field").and_then(|f| {
                let Some(index) = options.iter().position(|o| &o.name == f.get_ref()) else {
                    if !self.broken_options.iter().any(|b| b == f.get_ref()) {
                        let names = quoted(options.iter().map(|o| o.name.as_str()));
                        let message = format!(
                            "`field` names unknown option `{}`; options: {names}",
                            f.get_ref()
                        );
                        self.error(f.span(), message);
                    }
                    return None;
                };
                Some((index, f.span()))
            });
            let (Some(id), Some(message), Some(when), Some((field, span))) =
                (id, message, when, field)
            else {
                continue;
            };
            let option = &options[field];
            let name = &option.name;
            let narrow = match &option.kind {
                OptionKind::List {
                    min_items,
                    max_items,
                    ..
                } => self.narrowed_items(&t, option, *min_items, *max_items, span.clone()),
                OptionKind::Enum { .. } | OptionKind::Bool { .. } | OptionKind::Integer { .. } => {
                    self.narrowed_values(&t, option, span.clone())
                }
                OptionKind::Text { .. } | OptionKind::Number { .. } => {
                    self.error(
                        span.clone(),
                        format!("`field` names `{name}`, which is neither a list nor a choice; a limit narrows a list's items or a choice's values"),
                    );
                    None
                }
            };
            let Some(narrow) = narrow else {
                continue;
            };
            if when.iter().any(|c| c.option == field) {
                self.error(
                    span,
                    format!(
                        "`field` `{name}` is also in `when`; an option cannot be its own condition"
                    ),
                );
                continue;
            }
            out.push(LimitDef {
                id,
                message,
                when,
                field,
                narrow,
            });
        }
        out
    }

    /// A list limit's `min_items` and/or `max_items`: narrower than the list's own, able to
    /// hold; the result is the narrower of the two at each end.
    fn narrowed_items(
        &mut self,
        t: &Table<'_, '_>,
        option: &OptionDef,
        own_min: u32,
        own_max: Option<u32>,
        span: Range<usize>,
    ) -> Option<NarrowDef> {
        let name = &option.name;
        if self.get(t, "values", false).is_some() {
            self.error(
                span,
                format!(
                    "{} narrows a list: `values` is for a choice; give `min_items` or `max_items`",
                    t.what
                ),
            );
            return None;
        }
        let min = self.count(t, "min_items", 0)?;
        let max = self.count(t, "max_items", 0)?;
        // A list not given counts as none; its own fewest items bind only a required one.
        let own_min = if option.required { own_min } else { 0 };
        let narrowed_min = min.unwrap_or(0).max(own_min);
        let problem = if min.is_none() && max.is_none() {
            Some("needs a `min_items` or a `max_items`".to_owned())
        } else if max.is_some_and(|m| narrowed_min > m) {
            Some(format!(
                "can never hold: it takes at least {narrowed_min} and at most {}",
                items(max.unwrap_or(0))
            ))
        } else if own_max.is_some_and(|m| narrowed_min > m) {
            Some(format!(
                "can never hold: `min_items` {narrowed_min} is above `{name}`'s own `max_items` {}",
                own_max.unwrap_or(0)
            ))
        } else if narrowed_min <= own_min && max.is_none_or(|m| own_max.is_some_and(|own| m >= own))
        {
            Some(format!(
                "does not narrow `{name}` (its own limits already say as much); drop it"
            ))
        } else {
            None
        };
        if let Some(problem) = problem {
            self.error(span, format!("{} {problem}", t.what));
            return None;
        }
        let max = max.map_or(own_max, |m| Some(own_max.map_or(m, |own| own.min(m))));
        Some(NarrowDef::Items(narrowed_min, max))
    }

    /// A choice limit's `values`: some of the option's own (for an integer, whole numbers it
    /// takes), each once, not all of them. The option's default may be outside them: then a
    /// request must give an allowed value while the conditions hold.
    fn narrowed_values(
        &mut self,
        t: &Table<'_, '_>,
        option: &OptionDef,
        span: Range<usize>,
    ) -> Option<NarrowDef> {
        let name = &option.name;
        for key in ["min_items", "max_items"] {
            if self.get(t, key, false).is_some() {
                self.error(
                    span.clone(),
                    format!(
                        "{} narrows a choice: `{key}` is for a list; give `values`",
                        t.what
                    ),
                );
                return None;
            }
        }
        let v = self.get(t, "values", true)?;
        let values = match &option.kind {
            OptionKind::Integer {
                minimum,
                maximum,
                values: listed,
                ..
            } => {
                let items = self.array(v, "`values`")?;
                let mut out = Vec::new();
                for item in items.iter() {
                    let n = match item.get_ref() {
                        DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix()).ok(),
                        _ => None,
                    };
                    let Some(n) = n.filter(|n| {
                        (minimum..=maximum).contains(&n)
                            && (listed.is_empty() || listed.contains(n))
                    }) else {
                        self.error(
                            item.span(),
                            format!("limit: `values` of `{name}` must be whole numbers it takes"),
                        );
                        return None;
                    };
                    if out.contains(&n) {
                        self.error(
                            item.span(),
                            format!("limit names {name} value {n} twice; name it once"),
                        );
                        return None;
                    }
                    out.push(n);
                }
                if out.is_empty() {
                    self.error(v.span(), "limit: `values` lists no value; name one or more");
                    return None;
                }
                let all = if listed.is_empty() {
                    (maximum - minimum + 1) as usize
                } else {
                    listed.len()
                };
                if out.len() >= all {
                    self.error(
                        span,
                        format!(
                            "{} does not narrow `{name}`: it lists every value; drop it",
                            t.what
                        ),
                    );
                    return None;
                }
                out.sort_unstable();
                out
            }
            _ => {
                let out = self.values_of(option, v, "limit")?;
                if Some(out.len()) == option.value_count() {
                    self.error(
                        span,
                        format!(
                            "{} does not narrow `{name}`: it lists every value; drop it",
                            t.what
                        ),
                    );
                    return None;
                }
                out.into_iter().map(|x| x as i64).collect()
            }
        };
        Some(NarrowDef::Values(values))
    }

    /// A total's `count`: two or more list options, each named once.
    fn counted(&mut self, v: &Value<'_>, options: &[OptionDef]) -> Option<Vec<usize>> {
        let items = self.array(v, "`count`")?;
        let mut lists = Vec::new();
        let mut ok = true;
        for item in items {
            let Some(name) = self.as_string(item, "an item of `count`") else {
                ok = false;
                continue;
            };
            let Some(index) = options.iter().position(|o| &o.name == name.get_ref()) else {
                if !self.broken_options.iter().any(|b| b == name.get_ref()) {
                    let lists_known = options
                        .iter()
                        .filter(|o| matches!(o.kind, OptionKind::List { .. }))
                        .map(|o| o.name.as_str());
                    self.error(
                        name.span(),
                        format!(
                            "`count` names unknown option `{}`; lists: {}",
                            name.get_ref(),
                            quoted(lists_known)
                        ),
                    );
                }
                ok = false;
                continue;
            };
            if !matches!(options[index].kind, OptionKind::List { .. }) {
                self.error(
                    name.span(),
                    format!(
                        "`count` names `{}`, which is not a list; a total counts lists' items",
                        name.get_ref()
                    ),
                );
                ok = false;
            } else if lists.contains(&index) {
                self.error(
                    name.span(),
                    format!("`count` names `{}` twice", name.get_ref()),
                );
                ok = false;
            } else {
                lists.push(index);
            }
        }
        if ok && lists.len() < 2 {
            self.error(
                v.span(),
                "`count` must name two lists or more (one list's limit is its own `max_items`)",
            );
            return None;
        }
        ok.then_some(lists)
    }

    fn rules(&mut self, v: &Value<'_>, options: &[OptionDef]) -> Vec<(RuleDef, Range<usize>)> {
        let Some(items) = self.array(v, "`rules`") else {
            return Vec::new();
        };
        let mut rules: Vec<(RuleDef, Range<usize>)> = Vec::new();
        let mut ids: BTreeMap<String, usize> = BTreeMap::new();
        for (i, item) in items.iter().enumerate() {
            let Some(t) = self.table(item, format!("rules[{i}]")) else {
                self.broken_rules = true;
                continue;
            };
            self.unknown_keys(&t, &["id", "when", "message"]);
            let id = self.unique_id(&t, "rule id", &mut ids);
            let message = self.non_empty_string(&t, "message");
            let when = self
                .get(&t, "when", true)
                .and_then(|w| self.conditions(w, options, "rule"));
            let (Some(id), Some(message), Some(when)) = (id, message, when) else {
                self.broken_rules = true;
                continue;
            };
            if when.iter().all(|c| c.holds_when_empty(options)) {
                self.error(
                    id.span(),
                    format!("rule `{}` forbids the default options; a request with no options would always be rejected", id.get_ref()),
                );
                continue;
            }
            rules.push((
                RuleDef {
                    id: id.get_ref().clone(),
                    message,
                    when,
                },
                id.span(),
            ));
        }
        rules
    }

    /// A rule's, a requirement's or a limit's `when`: each option it names with a value (`mode =
    /// "pro"`), values (`resolution = ["720p", "1080p"]`: one of them), or a table: `{ given =
    /// true }` (any option), `{ minimum = 5, maximum = 10 }` (an integer's range, either
    /// bound), `{ min_items = 1, max_items = 1 }` (a list's count, either bound). `context`
    /// names the entry in messages.
    fn conditions(
        &mut self,
        v: &Value<'_>,
        options: &[OptionDef],
        context: &str,
    ) -> Option<Vec<ConditionDef>> {
        let t = self.table(v, "`when`".to_owned())?;
        if t.table.is_empty() {
            self.error(v.span(), "`when` must name at least one option");
            return None;
        }
        let mut when = Vec::new();
        let mut ok = true;
        for (key, value) in t.table.iter() {
            let name = key.get_ref().as_ref();
            let Some(o) = options.iter().position(|o| o.name == name) else {
                if !self.broken_options.iter().any(|b| b == name) {
                    let names = quoted(options.iter().map(|o| o.name.as_str()));
                    self.error(
                        key.span(),
                        format!("{context} names unknown option `{name}`; options: {names}"),
                    );
                }
                ok = false;
                continue;
            };
            let option = &options[o];
            let by_value = matches!(
                option.kind,
                OptionKind::Enum { .. } | OptionKind::Bool { .. }
            );
            let test = match value.get_ref() {
                DeValue::Table(_) => self.condition_table(option, value, context),
                // Once for the whole condition, not once for each value it lists.
                _ if !by_value => {
                    let (kind, form) = match option.kind {
                        OptionKind::Integer { .. } => (
                            "integer",
                            "a range, `{ minimum = …, maximum = … }`, or `{ given = … }`",
                        ),
                        OptionKind::List { .. } => (
                            "list",
                            "a count, `{ min_items = …, max_items = … }`, or `{ given = … }`",
                        ),
                        OptionKind::Number { .. } => ("number", "`{ given = … }`"),
                        _ => ("free-text", "`{ given = … }`"),
                    };
                    self.error(
                        value.span(),
                        format!(
                            "{context}: a condition on {kind} option `{name}` is {form}, not values"
                        ),
                    );
                    None
                }
                DeValue::Array(_) => match self.values_of(option, value, context) {
                    // With a default, left out is one of them too: always true. (Without
                    // one, every value is "given", and holds only then.)
                    Some(all)
                        if option.has_default() && option.value_count() == Some(all.len()) =>
                    {
                        self.error(
                            value.span(),
                            format!("{context}: `{name}` names every value it takes, its default among them, so the condition always holds; leave it out"),
                        );
                        None
                    }
                    values => values.map(TestDef::OneOf),
                },
                _ => self.value_of(option, value, context).map(TestDef::Is),
            };
            match test {
                Some(test) => when.push(ConditionDef { option: o, test }),
                None => ok = false,
            }
        }
        when.sort_unstable_by_key(|c| c.option);
        ok.then_some(when)
    }

    /// A condition written as a table: `{ given = … }`, an integer's `{ minimum, maximum }`
    /// or a list's `{ min_items, max_items }`, that can hold.
    fn condition_table(
        &mut self,
        option: &OptionDef,
        v: &Value<'_>,
        context: &str,
    ) -> Option<TestDef> {
        let t = self.table(v, format!("the condition on `{}`", option.name))?;
        let has = |key: &str| t.table.iter().any(|(k, _)| k.get_ref() == key);
        let name = &option.name;
        if has("given") {
            self.unknown_keys(&t, &["given"]);
            return match self.get(&t, "given", true).map(Spanned::get_ref) {
                Some(DeValue::Boolean(b)) => Some(TestDef::Given(*b)),
                _ => {
                    self.error(
                        v.span(),
                        format!("{context}: `given` on `{name}` takes true or false"),
                    );
                    None
                }
            };
        }
        match &option.kind {
            OptionKind::Integer {
                minimum, maximum, ..
            } => {
                self.unknown_keys(&t, &["minimum", "maximum", "given"]);
                let bound = |r: &mut Self, key: &str, or: i64| match r.get(&t, key, false) {
                    None => Some(or),
                    Some(b) => match b.get_ref() {
                        DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix()).ok(),
                        _ => {
                            r.error(
                                b.span(),
                                format!("{context}: `{key}` on `{name}` must be a whole number"),
                            );
                            None
                        }
                    },
                };
                let (lo, hi) = (
                    bound(self, "minimum", *minimum)?,
                    bound(self, "maximum", *maximum)?,
                );
                if !has("minimum") && !has("maximum") {
                    self.error(
                        v.span(),
                        format!(
                            "{context}: the condition on `{name}` needs a `minimum` or a `maximum`"
                        ),
                    );
                    return None;
                }
                if lo > hi || hi < *minimum || lo > *maximum {
                    self.error(
                        v.span(),
                        format!("{context}: `{name}` from {lo} to {hi} can never hold (it takes {minimum} to {maximum})"),
                    );
                    return None;
                }
                Some(TestDef::Range(lo, hi))
            }
            OptionKind::List {
                min_items,
                max_items,
                ..
            } => {
                self.unknown_keys(&t, &["min_items", "max_items", "given"]);
                let lo = self.count(&t, "min_items", 0)?;
                let hi = self.count(&t, "max_items", 0)?;
                if lo.is_none() && hi.is_none() {
                    self.error(v.span(), format!("{context}: the condition on `{name}` needs a `min_items` or a `max_items`"));
                    return None;
                }
                let lo = lo.unwrap_or(0);
                let own_min = if option.required { *min_items } else { 0 };
                let never =
                    hi.is_some_and(|h| h < lo || h < own_min) || max_items.is_some_and(|m| lo > m);
                if never {
                    self.error(
                        v.span(),
                        format!("{context}: `{name}`'s count can never be as the condition asks"),
                    );
                    return None;
                }
                Some(TestDef::Items(lo, hi))
            }
            _ => {
                self.error(
                    v.span(),
                    format!("{context}: `{name}` takes a value, a list of values or `{{ given = … }}`; a range is for an integer, a count for a list"),
                );
                None
            }
        }
    }

    /// The value indices a cell names for `option`: one value, or a list of values that share
    /// the cell's price (each once).
    fn values_of(
        &mut self,
        option: &OptionDef,
        v: &Value<'_>,
        context: &str,
    ) -> Option<Vec<usize>> {
        let DeValue::Array(items) = v.get_ref() else {
            return self.value_of(option, v, context).map(|x| vec![x]);
        };
        if items.iter().next().is_none() {
            self.error(
                v.span(),
                format!(
                    "{context}: `{}` lists no value; name one or more",
                    option.name
                ),
            );
            return None;
        }
        let mut out = Vec::new();
        let mut ok = true;
        for item in items.iter() {
            match self.value_of(option, item, context) {
                Some(x) if out.contains(&x) => {
                    self.error(
                        item.span(),
                        format!(
                            "{context} names {} value {} twice; name it once",
                            option.name,
                            wire_literal(option, x)
                        ),
                    );
                    ok = false;
                }
                Some(x) => out.push(x),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    /// The value index of `v` for `option`, or a diagnostic. `context` says who names the value.
    fn value_of(&mut self, option: &OptionDef, v: &Value<'_>, context: &str) -> Option<usize> {
        match (&option.kind, v.get_ref()) {
            (OptionKind::Enum { values, .. }, DeValue::String(s)) => {
                let found = values.iter().position(|x| x.wire == s.as_ref());
                if found.is_none() {
                    self.error(
                        v.span(),
                        format!(
                            "{context} names unknown {} value {:?}; allowed: {}",
                            option.name,
                            s,
                            quoted(values.iter().map(|x| x.wire.as_str()))
                        ),
                    );
                }
                found
            }
            (OptionKind::Bool { .. }, DeValue::Boolean(b)) => Some(usize::from(*b)),
            (
                OptionKind::Text { .. }
                | OptionKind::List { .. }
                | OptionKind::Integer { .. }
                | OptionKind::Number { .. },
                _,
            ) => {
                self.error(
                    v.span(),
                    format!(
                        "{context} names {} option `{}`; only enum and bool options can be used in a rule",
                        match option.kind {
                            OptionKind::Text { .. } => "free-text",
                            OptionKind::List { .. } => "list",
                            OptionKind::Number { .. } => "number",
                            _ => "integer",
                        },
                        option.name
                    ),
                );
                None
            }
            (OptionKind::Enum { .. }, other) => {
                self.error(
                    v.span(),
                    format!(
                        "{context}: `{}` takes a string, found {}",
                        option.name,
                        type_name(other)
                    ),
                );
                None
            }
            (OptionKind::Bool { .. }, other) => {
                self.error(
                    v.span(),
                    format!(
                        "{context}: `{}` takes true or false, found {}",
                        option.name,
                        type_name(other)
                    ),
                );
                None
            }
        }
    }

    fn pricing(
        &mut self,
        v: &Value<'_>,
        options: &[OptionDef],
        rules: &[(RuleDef, Range<usize>)],
    ) -> Option<PricingDef> {
        let t = self.table(v, "[pricing]".to_owned())?;
        self.unknown_keys(
            &t,
            &[
                "dimensions",
                "cells",
                "per",
                "unit",
                "rates",
                "quantities",
                "unpriced",
            ],
        );
        // A page that gives no price at all: its reason, and nothing else.
        if let Some(u) = self.get(&t, "unpriced", false) {
            for other in ["dimensions", "cells", "per", "unit", "rates", "quantities"] {
                if let Some(o) = self.get(&t, other, false) {
                    self.error(
                        o.span(),
                        format!(
                            "`{other}` beside `unpriced` in [pricing]: a model whose page gives no price has none; \
                             remove `unpriced`, or give cells their own `unpriced`"
                        ),
                    );
                }
            }
            let reason = self.reason(u, "`unpriced` in [pricing]")?;
            return Some(PricingDef {
                dimensions: Vec::new(),
                per: None,
                quantities: Vec::new(),
                cells: vec![CellDef {
                    values: Vec::new(),
                    price: CellPrice::Unpriced(reason),
                }],
            });
        }
        let dims = self
            .get(&t, "dimensions", true)
            .and_then(|d| self.dimensions(d, options));
        let quantities = match self.get(&t, "quantities", false) {
            Some(q) => self.quantities(q, options),
            None => Some(Vec::new()),
        };
        // Two forms: `cells` with a `price` each, or `per` + `unit` + `rates` with a `rate` each.
        let per_value = self.get(&t, "per", false);
        let (list, amount_key) = if per_value.is_some() {
            ("rates", "rate")
        } else {
            ("cells", "price")
        };
        let other = if per_value.is_some() {
            "cells"
        } else {
            "rates"
        };
        if let Some(o) = self.get(&t, other, false) {
            let hint = if per_value.is_some() {
                "with `per`, list `rates` (a `rate` each), not `cells`"
            } else {
                "`rates` needs `per` (the numeric option a rate is multiplied by) and `unit`; without them, list `cells`"
            };
            self.error(o.span(), format!("`{other}` in [pricing]: {hint}"));
        }
        let per = match (per_value, &quantities) {
            (None, _) => Some(None),
            (Some(p), Some(quantities)) => {
                let unit = self.non_empty_string(&t, "unit");
                self.per(p, options, quantities, dims.as_deref())
                    .zip(unit)
                    .map(|(terms, unit)| Some(PerDef { terms, unit }))
            }
            (Some(_), None) => None,
        };
        if per_value.is_none() {
            if let Some(u) = self.get(&t, "unit", false) {
                self.error(u.span(), "`unit` in [pricing] needs `per`");
            }
            if let Some(q) = quantities.as_ref().filter(|q| !q.is_empty()) {
                let span = self
                    .get(&t, "quantities", false)
                    .map_or(t.span.clone(), Spanned::span);
                self.error(
                    span,
                    format!(
                        "quantity `{}` is declared but no price uses it; name it in `per`",
                        q[0].name
                    ),
                );
            }
        }
        if let (Some(Some(per)), Some(quantities)) = (&per, &quantities) {
            for (i, q) in quantities.iter().enumerate() {
                if !per.terms.contains(&Term::Quantity(i)) {
                    self.error(
                        t.span.clone(),
                        format!(
                            "quantity `{}` is declared but `per` does not name it",
                            q.name
                        ),
                    );
                }
            }
        }
        let cells_value = self.get(&t, list, true);
        let cells_value = cells_value?;
        let Some(dims) = dims else {
            // Without dimensions the cells cannot be placed; their prices can still be checked.
            if let DeValue::Array(items) = cells_value.get_ref() {
                for item in items.iter() {
                    if let DeValue::Table(cell) = item.get_ref() {
                        let price = cell.iter().find(|(k, _)| k.get_ref() == amount_key);
                        if let Some((_, p)) = price {
                            self.price(p, amount_key);
                        }
                    }
                }
            }
            return None;
        };
        let items = self.array(cells_value, "`cells`")?;

        let forbidding =
            |values: &[usize]| rules.iter().find(|(rule, _)| rule.forbids(&dims, values));

        let mut cells: Vec<CellDef> = Vec::new();
        let mut seen: BTreeMap<Vec<usize>, usize> = BTreeMap::new();
        let mut ok = true;
        // Whether some cell's dimension values could not be read: then which cells are missing
        // is unknown.
        let mut unreadable = false;
        for (i, item) in items.iter().enumerate() {
            let Some(ct) = self.table(item, format!("{list}[{i}]")) else {
                ok = false;
                unreadable = true;
                continue;
            };
            let allowed: Vec<&str> = dims
                .iter()
                .map(|&d| options[d].name.as_str())
                .chain([amount_key, "unpriced"])
                .collect();
            self.unknown_keys(&ct, &allowed);
            // Each dimension names one value, or several that share the price.
            let mut choices: Vec<Vec<usize>> = Vec::new();
            for &d in &dims {
                let what = format!("{list}[{i}]");
                match self.get(&ct, &options[d].name, true) {
                    Some(v) => match self.values_of(&options[d], v, &what) {
                        Some(x) => choices.push(x),
                        None => ok = false,
                    },
                    None => ok = false,
                }
            }
            let price = match (
                self.get(&ct, amount_key, false),
                self.get(&ct, "unpriced", false),
            ) {
                (Some(p), None) => self.price(p, amount_key).map(CellPrice::Amount),
                (None, Some(u)) => self
                    .reason(u, &format!("`unpriced` in {list}[{i}]"))
                    .map(CellPrice::Unpriced),
                (Some(p), Some(_)) => {
                    self.error(
                        p.span(),
                        format!(
                            "{list}[{i}] has both a `{amount_key}` and `unpriced`: a cell the page prices is not unpriced; keep one"
                        ),
                    );
                    None
                }
                (None, None) => {
                    self.error(
                        ct.span.clone(),
                        format!(
                            "{list}[{i}] is missing the key `{amount_key}` (or `unpriced` with the reason the page gives no {amount_key})"
                        ),
                    );
                    None
                }
            };
            if choices.len() != dims.len() {
                ok = false;
                unreadable = true;
                continue;
            }
            let line = line_col(self.source, item.span().start).0;
            let counts: Vec<usize> = choices.iter().map(Vec::len).collect();
            for pick in combinations(&counts) {
                let values: Vec<usize> = pick.iter().zip(&choices).map(|(&k, c)| c[k]).collect();
                if let Some(first) = seen.insert(values.clone(), line) {
                    self.error(
                        item.span(),
                        format!(
                            "duplicate cell {} (first priced on line {first})",
                            describe(options, &dims, &values)
                        ),
                    );
                    ok = false;
                    continue;
                }
                if let Some((rule, rule_span)) = forbidding(&values) {
                    let rule_line = line_col(self.source, rule_span.start).0;
                    self.error(
                        item.span(),
                        format!(
                            "{amount_key} for a forbidden cell {}: rule `{}` (line {rule_line}) forbids it; remove the cell or the rule",
                            describe(options, &dims, &values),
                            rule.id
                        ),
                    );
                    ok = false;
                    continue;
                }
                match &price {
                    Some(price) => cells.push(CellDef {
                        values,
                        price: price.clone(),
                    }),
                    None => ok = false,
                }
            }
        }

        // Every combination no rule forbids needs a price.
        if !unreadable && !self.broken_rules {
            let counts: Vec<usize> = dims
                .iter()
                .map(|&d| options[d].value_count().unwrap_or(0))
                .collect();
            for combo in combinations(&counts) {
                if !seen.contains_key(&combo) && forbidding(&combo).is_none() {
                    self.error(
                        cells_value.span(),
                        format!(
                            "no {amount_key} for the allowed cell {}: add one, or a rule that forbids it",
                            describe(options, &dims, &combo)
                        ),
                    );
                    ok = false;
                }
            }
        }
        let (per, quantities, cells) = (per?, quantities?, ok.then_some(cells)?);
        if let Some(per) = &per {
            self.check_rates(&cells, per, options, &quantities, cells_value.span());
        }
        Some(PricingDef {
            dimensions: dims,
            per,
            quantities,
            cells,
        })
    }

    /// A reason a page gives no price: a non-empty string.
    fn reason(&mut self, v: &Value<'_>, what: &str) -> Option<String> {
        let s = self.as_string(v, what)?;
        if s.get_ref().trim().is_empty() {
            self.error(
                s.span(),
                format!("{what} must say why the page gives no price, not be empty"),
            );
            return None;
        }
        Some(s.into_inner())
    }

    /// `[[pricing.quantities]]`: what a price multiplies that the request does not carry.
    fn quantities(&mut self, v: &Value<'_>, options: &[OptionDef]) -> Option<Vec<QuantityDef>> {
        let items = self.array(v, "`quantities`")?;
        let mut out: Vec<QuantityDef> = Vec::new();
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            let what = format!("quantities[{i}]");
            let Some(t) = self.table(item, what.clone()) else {
                ok = false;
                continue;
            };
            self.unknown_keys(&t, &["name", "unit", "description", "minimum", "maximum"]);
            let name = self.string(&t, "name").and_then(|n| {
                if !is_snake_ident(n.get_ref()) {
                    self.error(
                        n.span(),
                        format!("quantity name {:?} must be snake_case", n.get_ref()),
                    );
                    return None;
                }
                if options.iter().any(|o| &o.name == n.get_ref()) {
                    self.error(
                        n.span(),
                        format!(
                            "quantity `{}` has the name of an option; a quantity is what the request does not carry",
                            n.get_ref()
                        ),
                    );
                    return None;
                }
                if out.iter().any(|q| &q.name == n.get_ref()) {
                    self.error(
                        n.span(),
                        format!("duplicate quantity `{}`", n.get_ref()),
                    );
                    return None;
                }
                Some(n.into_inner())
            });
            let unit = self.non_empty_string(&t, "unit");
            let description = self.non_empty_string(&t, "description");
            let minimum = match self.get(&t, "minimum", false) {
                Some(m) => self.price(m, "`minimum`").map(|p| (p, m.span())),
                None => Some((
                    Price {
                        text: "0".to_owned(),
                        mantissa: 0,
                        scale: 0,
                    },
                    t.span.clone(),
                )),
            };
            let maximum = match self.get(&t, "maximum", false) {
                Some(m) => self.price(m, "`maximum`").map(Some),
                None => Some(None),
            };
            let (Some(name), Some(unit), Some(description), Some((minimum, at)), Some(maximum)) =
                (name, unit, description, minimum, maximum)
            else {
                ok = false;
                continue;
            };
            if let Some(max) = &maximum {
                if decimal_cmp(&minimum, max) == std::cmp::Ordering::Greater {
                    self.error(
                        at,
                        format!(
                            "quantity `{name}`: `minimum` {} is above `maximum` {}; swap them",
                            minimum.text, max.text
                        ),
                    );
                    ok = false;
                    continue;
                }
            }
            out.push(QuantityDef {
                name,
                unit,
                description,
                minimum,
                maximum,
            });
        }
        ok.then_some(out)
    }

    /// `per`: what a rate is multiplied by: one name or a list whose sum it is, each an integer
    /// option, an enum whose values give `units`, or a quantity; none a dimension.
    fn per(
        &mut self,
        v: &Value<'_>,
        options: &[OptionDef],
        quantities: &[QuantityDef],
        dims: Option<&[usize]>,
    ) -> Option<Vec<Term>> {
        let names: Vec<&Value<'_>> = match v.get_ref() {
            DeValue::Array(items) => {
                if items.iter().next().is_none() {
                    self.error(v.span(), "`per` must name at least one option or quantity");
                    return None;
                }
                items.iter().collect()
            }
            _ => vec![v],
        };
        let mut terms = Vec::new();
        let mut ok = true;
        for item in names {
            match self.term(item, options, quantities, dims) {
                Some(term) if terms.contains(&term) => {
                    self.error(item.span(), "`per` names this twice; name it once");
                    ok = false;
                }
                Some(term) => terms.push(term),
                None => ok = false,
            }
        }
        ok.then_some(terms)
    }

    fn term(
        &mut self,
        v: &Value<'_>,
        options: &[OptionDef],
        quantities: &[QuantityDef],
        dims: Option<&[usize]>,
    ) -> Option<Term> {
        let name = self.as_string(v, "`per`")?;
        if let Some(q) = quantities.iter().position(|q| &q.name == name.get_ref()) {
            return Some(Term::Quantity(q));
        }
        let Some(index) = options.iter().position(|o| &o.name == name.get_ref()) else {
            if !self.broken_options.iter().any(|b| b == name.get_ref()) {
                let known: Vec<&str> = quantities.iter().map(|q| q.name.as_str()).collect();
                self.error(
                    v.span(),
                    format!(
                        "`per` names unknown option or quantity `{}`{}",
                        name.get_ref(),
                        if known.is_empty() {
                            "; declare a quantity in [[pricing.quantities]]".to_owned()
                        } else {
                            format!("; quantities: {}", quoted(known.into_iter()))
                        }
                    ),
                );
            }
            return None;
        };
        let numeric = match &options[index].kind {
            OptionKind::Integer { .. } => true,
            OptionKind::Enum { values, .. } => values.iter().all(|x| x.units.is_some()),
            _ => false,
        };
        if !numeric {
            self.error(
                v.span(),
                format!(
                    "`per` names `{}`, which is not numeric: a per-unit price needs an integer option, or an enum whose values all give `units`",
                    name.get_ref()
                ),
            );
            return None;
        }
        if !options[index].has_default() {
            self.error(v.span(), no_default_price(&options[index]));
            return None;
        }
        if dims.is_some_and(|d| d.contains(&index)) {
            self.error(
                v.span(),
                format!(
                    "`per` option `{}` is also a dimension; list it in one place",
                    name.get_ref()
                ),
            );
            return None;
        }
        if let OptionKind::Integer { minimum, .. } = &options[index].kind {
            if *minimum < 0 {
                self.error(
                    v.span(),
                    format!(
                        "`per` option `{}` may be negative (minimum {minimum}); a count of units cannot",
                        name.get_ref()
                    ),
                );
                return None;
            }
        }
        Some(Term::Option(index))
    }

    /// Every rate times the largest count of units must stay an exact `Decimal` (96 bits). A
    /// quantity without a maximum is measured later; its product is checked when it is given.
    fn check_rates(
        &mut self,
        cells: &[CellDef],
        per: &PerDef,
        options: &[OptionDef],
        quantities: &[QuantityDef],
        span: Range<usize>,
    ) {
        let mut most: u128 = 0;
        let mut scale = 0;
        for term in &per.terms {
            let (m, s) = match *term {
                Term::Option(o) => (option_units_max(&options[o]), 0),
                Term::Quantity(q) => match &quantities[q].maximum {
                    Some(max) => (max.mantissa, max.scale),
                    None => return,
                },
            };
            // Sum at the larger scale.
            let (a, b, s) = if s > scale {
                (most * 10u128.pow(s - scale), m, s)
            } else {
                (most, m * 10u128.pow(scale - s), scale)
            };
            most = a + b;
            scale = s;
        }
        for cell in cells {
            let CellPrice::Amount(price) = &cell.price else {
                continue;
            };
            let fits = price
                .mantissa
                .checked_mul(most)
                .is_some_and(|m| m < (1u128 << 96))
                && price.scale + scale <= 28;
            if !fits {
                let names: Vec<String> = per
                    .terms
                    .iter()
                    .map(|t| match *t {
                        Term::Option(o) => options[o].name.clone(),
                        Term::Quantity(q) => quantities[q].name.clone(),
                    })
                    .collect();
                self.error(
                    span.clone(),
                    format!(
                        "rate {} times {} {} does not fit an exact decimal (96 bits)",
                        price.text,
                        decimal_text(most, scale),
                        names.join(" + ")
                    ),
                );
                return;
            }
        }
    }

    fn dimensions(&mut self, v: &Value<'_>, options: &[OptionDef]) -> Option<Vec<usize>> {
        let items = self.array(v, "`dimensions`")?;
        let mut dims = Vec::new();
        let mut ok = true;
        for item in items.iter() {
            let Some(name) = self.as_string(item, "a dimension") else {
                ok = false;
                continue;
            };
            match options.iter().position(|o| &o.name == name.get_ref()) {
                Some(o) if options[o].value_count().is_none() => {
                    self.error(
                        item.span(),
                        if options[o].is_input() {
                            format!(
                                "{} option `{}` cannot be a price dimension",
                                if options[o].is_text() { "free-text" } else { "list" },
                                name.get_ref()
                            )
                        } else {
                            format!(
                                "integer option `{}` cannot be a price dimension; to price per unit of it, name it in `per`",
                                name.get_ref()
                            )
                        },
                    );
                    ok = false;
                }
                Some(o) if !options[o].has_default() => {
                    self.error(item.span(), no_default_price(&options[o]));
                    ok = false;
                }
                Some(o) if dims.contains(&o) => {
                    self.error(
                        item.span(),
                        format!("dimension `{}` is listed twice", name.get_ref()),
                    );
                    ok = false;
                }
                Some(o) => dims.push(o),
                None if self.broken_options.iter().any(|b| b == name.get_ref()) => ok = false,
                None => {
                    let names = choice_names(options);
                    self.error(
                        item.span(),
                        format!("unknown dimension `{}`; options: {names}", name.get_ref()),
                    );
                    ok = false;
                }
            }
        }
        ok.then_some(dims)
    }

    fn price(&mut self, v: &Value<'_>, key: &str) -> Option<Price> {
        let text = match v.get_ref() {
            DeValue::String(s) => s.to_string(),
            DeValue::Float(f) => {
                self.error(
                    v.span(),
                    format!(
                        "{key} must be a decimal string, found the float {}: TOML floats are binary and not exact; write {key} = \"{}\"",
                        f.as_str(),
                        f.as_str()
                    ),
                );
                return None;
            }
            other => {
                self.error(
                    v.span(),
                    format!(
                        "{key} must be a non-negative decimal string such as \"0.128\", found {}",
                        type_name(other)
                    ),
                );
                return None;
            }
        };
        match parse_decimal(&text) {
            Some((mantissa, scale)) => Some(Price {
                text,
                mantissa,
                scale,
            }),
            None => {
                self.error(
                    v.span(),
                    format!(
                        "{key} {text:?} is not a non-negative decimal string such as \"0.128\" (digits, an optional point and digits: at most 28 decimals, and the digits without the point below 2^96 = 79228162514264337593543950336)"
                    ),
                );
                None
            }
        }
    }
}

/// Checks what only the whole catalog shows: two files with one model id, and two models whose
/// generated module or `Model` variant names clash. Reported at the later file's id.
pub fn check_catalog(specs: &[Spec]) -> Result<(), Diagnostics> {
    let mut diagnostics = Vec::new();
    let mut seen: Vec<&Spec> = Vec::new();
    for spec in specs {
        let (line, col) = spec.model.id_at;
        let clash = seen.iter().find_map(|first| {
            let at = format!("{}:{}", first.origin, first.model.id_at.0);
            if first.model.id == spec.model.id {
                Some(format!(
                    "model id {:?} is already used by {at}; each model has one spec file",
                    spec.model.id
                ))
            } else if first.module == spec.module || first.variant == spec.variant {
                Some(format!(
                    "model id {:?} makes the Rust names `{}` / `Model::{}`, which {at} ({:?}) makes too; change one id",
                    spec.model.id, spec.module, spec.variant, first.model.id
                ))
            } else {
                None
            }
        });
        match clash {
            Some(message) => diagnostics.push(Diagnostic {
                origin: spec.origin.clone(),
                line,
                col,
                message,
            }),
            None => seen.push(spec),
        }
    }
    if diagnostics.is_empty() {
        Ok(())
    } else {
        Err(Diagnostics(diagnostics))
    }
}

/// The Rust module of a model id: the segments after the vendor (the first, if the id has a
/// `/`), lower-cased, every run of other characters one `_` (`pixverse/pixverse-5.5/text-to-video`
/// → `pixverse_5_5_text_to_video`). An id with nothing after the vendor (`acme/`) makes `""`,
/// which the reader refuses.
pub fn module_name(id: &str) -> String {
    let rest = id.split_once('/').map_or(id, |(_, rest)| rest);
    let mut out = String::new();
    for c in rest.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('_') {
            out.push('_');
        }
    }
    out.trim_end_matches('_').to_owned()
}

/// `pixverse_5_5_text_to_video` → `Pixverse55TextToVideo`.
pub fn camel_case(module: &str) -> String {
    module
        .split('_')
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map_or(String::new(), |c| {
                c.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect()
}

/// Type names that generated enums must not take.
const RESERVED_TYPES: &[&str] = &[
    // Types the generated file defines or imports, and prelude names it uses.
    "Options",
    "OptionSpec",
    "OptionKind",
    "ModelSpec",
    "ModelOptions",
    "Model",
    "Selection",
    "Pricing",
    "Per",
    "Term",
    "Quantity",
    "Measured",
    "Cell",
    "CellPrice",
    "NoPrice",
    "Condition",
    "Lookup",
    "Rule",
    "SetError",
    "OutOfRange",
    "WireEnum",
    "WireValue",
    "Decimal",
    "Option",
    "Some",
    "None",
    "Result",
    "Ok",
    "Err",
    "Iterator",
    "Default",
    "Self",
    // Types the crate defines beside them.
    "Args",
    "Quote",
    "QuoteError",
    "Estimate",
    "Usage",
    "Unsupported",
    "Reconciliation",
    "ParseOptionError",
    "CreateJobRequest",
    "Fields",
    "Violation",
    "Violations",
    "Code",
];

/// Parses `digits[.digits]` into a mantissa and scale that fit a `rust_decimal::Decimal`.
pub fn parse_decimal(text: &str) -> Option<(u128, u32)> {
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i, f),
        None => (text, ""),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty() || !digits(int) || !digits(frac) || (text.contains('.') && frac.is_empty()) {
        return None;
    }
    let scale = u32::try_from(frac.len()).ok().filter(|&s| s <= 28)?;
    let mut mantissa: u128 = 0;
    for b in int.bytes().chain(frac.bytes()) {
        mantissa = mantissa
            .checked_mul(10)?
            .checked_add(u128::from(b - b'0'))?;
    }
    (mantissa < (1u128 << 96)).then_some((mantissa, scale))
}

/// Every combination of value indices for options with the given value counts, first option
/// slowest.
pub fn combinations(counts: &[usize]) -> Vec<Vec<usize>> {
    let mut all = vec![Vec::new()];
    for &n in counts {
        all = all
            .into_iter()
            .flat_map(|prefix| {
                (0..n).map(move |x| {
                    let mut next = prefix.clone();
                    next.push(x);
                    next
                })
            })
            .collect();
    }
    all
}

/// The wire value of `option`'s value `index`, as it is written in the spec.
pub fn wire_literal(option: &OptionDef, index: usize) -> String {
    match &option.kind {
        OptionKind::Enum { values, .. } => format!("{:?}", values[index].wire),
        OptionKind::Bool { .. } => (index == 1).to_string(),
        OptionKind::Text { .. }
        | OptionKind::List { .. }
        | OptionKind::Integer { .. }
        | OptionKind::Number { .. } => String::new(),
    }
}

/// `{ multi_shot = false, resolution = "540p", ... }` for a cell, as it would be written in the spec.
fn describe(options: &[OptionDef], dims: &[usize], values: &[usize]) -> String {
    let parts: Vec<String> = dims
        .iter()
        .zip(values)
        .map(|(&d, &v)| format!("{} = {}", options[d].name, wire_literal(&options[d], v)))
        .collect();
    format!("{{ {} }}", parts.join(", "))
}

/// The largest count of units an option can be: an integer's maximum, an enum's largest `units`.
fn option_units_max(option: &OptionDef) -> u128 {
    match &option.kind {
        // `per` refuses a negative minimum, so the maximum is not negative either.
        OptionKind::Integer { maximum, .. } => u128::try_from(*maximum).unwrap_or(0),
        OptionKind::Enum { values, .. } => values
            .iter()
            .filter_map(|v| v.units)
            .map(u128::from)
            .max()
            .unwrap_or(0),
        _ => 0,
    }
}

/// `mantissa / 10^scale` as decimal text (`12.2`).
pub(crate) fn decimal_text(mantissa: u128, scale: u32) -> String {
    let digits = format!("{mantissa:0>width$}", width = scale as usize + 1);
    let (int, frac) = digits.split_at(digits.len() - scale as usize);
    if frac.is_empty() {
        int.to_owned()
    } else {
        format!("{int}.{frac}")
    }
}

/// Compares two exact decimals.
fn decimal_cmp(a: &Price, b: &Price) -> std::cmp::Ordering {
    let s = a.scale.max(b.scale);
    let widen = |p: &Price| {
        10u128
            .checked_pow(s - p.scale)
            .and_then(|f| p.mantissa.checked_mul(f))
    };
    match (widen(a), widen(b)) {
        (Some(x), Some(y)) => x.cmp(&y),
        // Past u128 only with 28 decimals on one side and a huge value on the other.
        (None, _) => std::cmp::Ordering::Greater,
        (_, None) => std::cmp::Ordering::Less,
    }
}

/// The options a rule or a price can name (every one but free text), quoted.
/// Why a price cannot depend on `option`, which has no default.
fn no_default_price(option: &OptionDef) -> String {
    format!(
        "option `{}` has no default, so a price cannot depend on it: a request that leaves it out would have none (a typed quote could not be exhaustive)",
        option.name
    )
}

fn choice_names(options: &[OptionDef]) -> String {
    quoted(
        options
            .iter()
            .filter(|o| o.value_count().is_some())
            .map(|o| o.name.as_str()),
    )
}

/// `1 item`, `0 items`, `3 items`.
fn items(n: u32) -> String {
    if n == 1 {
        "1 item".to_owned()
    } else {
        format!("{n} items")
    }
}

fn quoted<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items
        .map(|s| format!("{s:?}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn type_name(v: &DeValue<'_>) -> &'static str {
    match v {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a datetime",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

fn is_snake_ident(s: &str) -> bool {
    let mut bytes = s.bytes();
    matches!(bytes.next(), Some(b'a'..=b'z'))
        && bytes.all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'_'))
        && !RUST_KEYWORDS.contains(&s)
}

fn is_camel_ident(s: &str) -> bool {
    let mut bytes = s.bytes();
    matches!(bytes.next(), Some(b'A'..=b'Z')) && bytes.all(|b| b.is_ascii_alphanumeric())
}

const RUST_KEYWORDS: &[&str] = &[
    "as", "async", "await", "box", "break", "const", "continue", "crate", "dyn", "else", "enum",
    "extern", "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod",
    "move", "mut", "pub", "ref", "return", "self", "static", "struct", "super", "trait", "true",
    "try", "type", "unsafe", "use", "where", "while", "yield",
];

/// 1-based line and column (in characters) of byte offset `at`.
fn line_col(source: &str, at: usize) -> (usize, usize) {
    let mut at = at.min(source.len());
    while !source.is_char_boundary(at) {
        at -= 1;
    }
    let before = &source[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::{line_col, parse_decimal};

    /// The decimal parser the generator writes price constants from: the mantissa and scale
    /// of exactly the text, or nothing.
    #[test]
    fn decimals_are_read_exactly() {
        assert_eq!(parse_decimal("0.128"), Some((128, 3)));
        assert_eq!(parse_decimal("12"), Some((12, 0)));
        assert_eq!(parse_decimal("0.050"), Some((50, 3)));
        assert_eq!(
            parse_decimal("79228162514264337593543950335"),
            Some(((1u128 << 96) - 1, 0))
        );
        assert_eq!(parse_decimal("79228162514264337593543950336"), None);
        // Far past u128: refused, not wrapped.
        assert_eq!(parse_decimal(&"9".repeat(60)), None);
        assert_eq!(parse_decimal(&format!("0.{}", "0".repeat(60))), None);
        for bad in ["", ".", "1.", ".5", "-1", "+1", "1.x", "x.1", "1e3", "1 "] {
            assert_eq!(parse_decimal(bad), None, "{bad:?}");
        }
    }

    /// Line and column in characters; an offset inside a character is that character, one
    /// past the end is the end.
    #[test]
    fn positions_are_lines_and_characters() {
        let source = "ab\né=x\n";
        assert_eq!(line_col(source, 0), (1, 1));
        assert_eq!(line_col(source, 2), (1, 3));
        assert_eq!(line_col(source, 3), (2, 1));
        assert_eq!(line_col(source, 4), (2, 1)); // inside `é`
        assert_eq!(line_col(source, 5), (2, 2)); // `=`, after the two bytes of `é`
        assert_eq!(line_col(source, 99), (3, 1));
    }
}
