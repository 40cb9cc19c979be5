//! Quotes: what [`Selection::quote`](crate::Selection::quote) and each model's
//! `Options::quote` return — an exact [`Quote`], or a [`QuoteError`] that says why there is
//! none (a rule broken, a price the page does not give, a quantity still to be measured, whose
//! [`Estimate`] gives the bounds) — and reconciling a charge against either.

use std::fmt;

use rust_decimal::Decimal;
use serde::ser::SerializeMap;

use crate::check::Code;
use crate::money::{exact_add, exact_mul, AsString, Units};
use crate::spec::{CellPrice, ModelOptions, NoPrice, OptionKind, Quantity, Rule, Term};
use crate::{Model, Selection, Usage, UsageError};

/// The exact price of one job: an amount in the model's currency, the model and the options
/// it was priced for.
///
/// Serializes as `{"model", "currency", "amount", …every option}`, with `amount` a decimal
/// string such as `"0.340"` (the scale of the documented price is kept).
///
/// ```
/// use shortapi_pricing::models::pixverse_5_5_text_to_video::{Duration, Options, Resolution};
/// use shortapi_pricing::Model;
/// use rust_decimal::Decimal;
///
/// let quote = Options::DEFAULT.with_duration(Duration::S8).quote()?;
/// assert_eq!(quote.amount(), Decimal::new(340, 3)); // $0.340
/// assert_eq!(quote.currency(), "USD");
/// assert_eq!(quote.model(), Model::Pixverse55TextToVideo);
///
/// let err = Options::DEFAULT
///     .with_resolution(Resolution::P1080)
///     .with_duration(Duration::S10)
///     .quote()
///     .unwrap_err();
/// assert_eq!(err.rule().map(|r| r.id), Some("no_1080p_at_10s"));
/// # Ok::<(), shortapi_pricing::QuoteError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Quote {
    amount: Decimal,
    selection: Selection,
    usage: Usage,
}

impl Quote {
    /// A quote of `amount` for `selection`, which measures nothing.
    #[inline]
    pub(crate) const fn new(amount: Decimal, selection: Selection) -> Self {
        Quote {
            amount,
            selection,
            usage: Usage::new(selection.model()),
        }
    }

    /// A quote of `amount` for `selection` and its measured `usage`: what a typed quote of a
    /// measured model makes once its arithmetic fits.
    #[inline]
    pub(crate) const fn with_usage(amount: Decimal, selection: Selection, usage: Usage) -> Self {
        Quote {
            amount,
            selection,
            usage,
        }
    }

    /// The quote of `rate` times the units of `selection` and `usage` (the model's `per`), or
    /// why there is none: a quantity not given (the [`Estimate`]), outside the page's range, or
    /// too precise to multiply exactly.
    #[doc(hidden)]
    pub fn measured(
        rate: Decimal,
        selection: Selection,
        usage: Usage,
    ) -> Result<Quote, QuoteError> {
        // Exact integer arithmetic on the mantissas, when every quantity is given, in range
        // and the product fits: what a typed quote of a measured model does, in a few
        // nanoseconds. Anything else takes the general path below, with its errors.
        if let Some(amount) = fast_amount(rate, &selection, &usage) {
            return Ok(Quote {
                amount,
                selection,
                usage,
            });
        }
        match units(&selection, &usage)? {
            Some(units) => match exact_mul(rate, units) {
                Some(amount) => Ok(Quote {
                    amount,
                    selection,
                    usage,
                }),
                None => Err(QuoteError::Usage(inexact(&selection, &usage))),
            },
            None => Err(QuoteError::NeedsUsage(Estimate::new(
                rate, selection, usage,
            ))),
        }
    }

    /// The measured quantities priced (empty for a model that measures none).
    pub const fn usage(&self) -> &Usage {
        &self.usage
    }

    /// The rate per unit, where the page prices per unit (per second, per image): the amount
    /// is `rate × units`. `None` for a price per job.
    pub fn rate(&self) -> Option<Decimal> {
        self.selection.spec().pricing.per?;
        rate_of(&self.selection)
    }

    /// How many units the rate is multiplied by (seconds, images), where it is.
    pub fn units(&self) -> Option<Decimal> {
        self.selection.spec().pricing.per?;
        units(&self.selection, &self.usage).ok().flatten()
    }

    /// How the amount is made, for people: `0.099 USD: 0.033 per image × 3 images`, or
    /// `0.340 USD` for a price per job.
    ///
    /// ```
    /// use shortapi_pricing::models::pixverse_6_0_text_to_video::{Duration, Options};
    ///
    /// let quote = Options::DEFAULT.with_duration(Duration::S8).quote()?;
    /// // 720p without audio: $0.038 a second.
    /// assert_eq!(quote.explain().to_string(), "0.304 USD: 0.038 per second × 8 seconds");
    /// # Ok::<(), shortapi_pricing::QuoteError>(())
    /// ```
    pub fn explain(&self) -> Explain<'_> {
        Explain(self)
    }

    /// The price, exact, in [`currency`](Self::currency).
    #[inline]
    pub const fn amount(&self) -> Decimal {
        self.amount
    }

    /// The ISO 4217 currency of the amount (`"USD"`).
    pub const fn currency(&self) -> &'static str {
        self.selection.model().spec().currency
    }

    /// The model priced.
    pub const fn model(&self) -> Model {
        self.selection.model()
    }

    /// The option values priced.
    pub const fn selection(&self) -> &Selection {
        &self.selection
    }

    /// The option values priced as the model's typed `Options`, or `None` if `T` is another
    /// model's.
    pub fn options<T: ModelOptions>(&self) -> Option<T> {
        T::from_selection(&self.selection)
    }

    /// This quote as a row of a price table: serializes as `{"model", …the options the price
    /// depends on, "amount", "currency"}` (what `shortapi-pricing table --format json` prints
    /// for each row), leaving out the options that change no price.
    ///
    /// ```
    /// use shortapi_pricing::Model;
    ///
    /// let row = Model::Pixverse60TextToVideo.price_table().next().unwrap().unwrap();
    /// assert_eq!(
    ///     serde_json::to_string(&row.table_row()).unwrap(),
    ///     r#"{"model":"pixverse/pixverse-6.0/text-to-video","generate_audio":false,"resolution":"540p","duration":"5","amount":"0.150","currency":"USD"}"#
    /// );
    /// ```
    pub const fn table_row(&self) -> TableRow<'_> {
        TableRow::Amount(self)
    }

    /// Compares an amount the API charged with this quote.
    ///
    /// ```
    /// use shortapi_pricing::models::pixverse_5_5_text_to_video::Options;
    /// use rust_decimal::Decimal;
    ///
    /// let quote = Options::DEFAULT.quote()?; // $0.170
    /// assert!(quote.reconcile(Decimal::new(17, 2)).is_match());
    /// let off = quote.reconcile(Decimal::new(2, 2));
    /// assert_eq!(off.difference(), Some(Decimal::new(-150, 3)));
    /// # Ok::<(), shortapi_pricing::QuoteError>(())
    /// ```
    pub fn reconcile(&self, charged: Decimal) -> Reconciliation {
        Reconciliation {
            quoted: self.amount,
            charged,
        }
    }
}

impl fmt::Display for Quote {
    /// `0.340 USD`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.amount, self.currency())
    }
}

impl serde::Serialize for Quote {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("model", self.model().id())?;
        map.serialize_entry("currency", self.currency())?;
        map.serialize_entry("amount", &AsString(self.amount))?;
        for (name, value) in self.selection.values() {
            map.serialize_entry(name, &value)?;
        }
        if !self.usage.is_empty() {
            map.serialize_entry("usage", &self.usage)?;
        }
        map.end()
    }
}

/// A row of a model's price table ([`Model::price_table`](crate::Model::price_table)), as
/// `shortapi-pricing table --format json` prints it: `{"model", …the options the price depends
/// on, …}` then
///
/// - `"amount", "currency"` for an exact price;
/// - `"rate", "unit", "per": [names], "currency"` for a rate per measured quantity (the amount
///   is the rate times the sum of what `per` names: measured quantities and the request's own
///   numeric options, which are left out of the row as they take any value);
/// - `"unpriced": reason, "currency"` where the page gives no price.
#[derive(Clone, Copy, Debug)]
pub enum TableRow<'a> {
    /// An exact price.
    Amount(&'a Quote),
    /// A rate per measured quantity.
    Rate(&'a Estimate),
    /// A price the page does not give.
    Unpriced(&'a Unpriced),
}

impl<'a> TableRow<'a> {
    /// The row of a price table entry; `None` for a combination a rule forbids (a price table
    /// has none).
    pub fn of(entry: &'a Result<Quote, QuoteError>) -> Option<Self> {
        match entry {
            Ok(q) => Some(TableRow::Amount(q)),
            Err(QuoteError::NeedsUsage(e)) => Some(TableRow::Rate(e)),
            Err(QuoteError::Unpriced(u)) => Some(TableRow::Unpriced(u)),
            Err(_) => None,
        }
    }

    /// The option values of the row.
    pub const fn selection(&self) -> &'a Selection {
        match self {
            TableRow::Amount(q) => &q.selection,
            TableRow::Rate(e) => &e.selection,
            TableRow::Unpriced(u) => &u.selection,
        }
    }
}

impl serde::Serialize for TableRow<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let selection = self.selection();
        let spec = selection.spec();
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("model", spec.id)?;
        let measured = matches!(self, TableRow::Rate(_));
        for option in spec.priced_options() {
            // A measured rate multiplies the request's numeric option too: any value.
            if measured && spec.is_per_option(option.name) {
                continue;
            }
            if let Some(value) = selection.get(option.name) {
                map.serialize_entry(option.name, &value)?;
            }
        }
        match self {
            TableRow::Amount(q) => map.serialize_entry("amount", &AsString(q.amount))?,
            TableRow::Rate(e) => {
                map.serialize_entry("rate", &AsString(e.rate))?;
                map.serialize_entry("unit", e.unit())?;
                map.serialize_entry("per", &spec.per_names())?;
            }
            TableRow::Unpriced(u) => map.serialize_entry("unpriced", u.reason)?,
        }
        map.serialize_entry("currency", spec.currency)?;
        map.end()
    }
}

/// A quoted amount next to the amount charged for the same request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Reconciliation {
    /// What the quote said.
    pub quoted: Decimal,
    /// What the API charged (`data.amount` of the create-job response).
    pub charged: Decimal,
}

impl Reconciliation {
    /// Whether the two are equal as numbers (`0.34` matches `0.340`).
    pub fn is_match(&self) -> bool {
        self.quoted == self.charged
    }

    /// `charged − quoted`, exactly: positive when the API charged more than quoted; `None` in
    /// the one case a `Decimal` cannot hold it exactly (a charge within a dollar of
    /// `Decimal::MIN`, or with more than 28 significant digits beside the quote's decimals).
    pub fn difference(&self) -> Option<Decimal> {
        crate::money::exact_sub(self.charged, self.quoted)
    }
}

/// Options that break a rule of their model's spec, so the API would refuse them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unsupported {
    rule: &'static Rule,
    selection: Selection,
}

impl Unsupported {
    #[inline]
    pub(crate) const fn new(rule: &'static Rule, selection: Selection) -> Self {
        Unsupported { rule, selection }
    }

    /// The rule broken.
    #[inline]
    pub const fn rule(&self) -> &'static Rule {
        self.rule
    }

    /// The model whose rule it is.
    pub const fn model(&self) -> Model {
        self.selection.model()
    }

    /// The option values that break it.
    pub const fn selection(&self) -> &Selection {
        &self.selection
    }
}

impl fmt::Display for Unsupported {
    /// The rule's message and the values that break it:
    /// `1080p is not supported for 10s videos (resolution = "1080p", duration = "10")`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.rule.fmt(f)
    }
}

impl std::error::Error for Unsupported {}

/// [`Quote::explain`]: how a quote's amount is made.
#[derive(Clone, Copy, Debug)]
pub struct Explain<'a>(&'a Quote);

impl fmt::Display for Explain<'_> {
    /// `0.099 USD: 0.033 per image × 3 images`; with several terms, what they add up from:
    /// `2.0496 USD: 0.168 per second × 12.2 seconds (input_video_seconds 7.2 + duration 5)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let quote = self.0;
        write!(f, "{quote}")?;
        let (Some(per), Some(rate), Some(units)) = (
            quote.selection.spec().pricing.per,
            quote.rate(),
            quote.units(),
        ) else {
            return Ok(());
        };
        write!(
            f,
            ": {rate} per {} × {units} {}",
            per.unit,
            plural(per.unit, units)
        )?;
        if per.terms.len() > 1 {
            f.write_str(" (")?;
            for (i, term) in per.terms.iter().enumerate() {
                if i > 0 {
                    f.write_str(" + ")?;
                }
                let (name, value) = term_value(&quote.selection, &quote.usage, *term);
                write!(
                    f,
                    "{name} {}",
                    value.map_or_else(|| "?".to_owned(), |v| v.to_string())
                )?;
            }
            f.write_str(")")?;
        }
        Ok(())
    }
}

/// `second` → `seconds` unless the count is one.
fn plural(unit: &str, count: Decimal) -> std::borrow::Cow<'_, str> {
    if count == Decimal::ONE {
        unit.into()
    } else {
        format!("{unit}s").into()
    }
}

/// The name of a term of `per` and its value: an option's units, a quantity's measure.
fn term_value(selection: &Selection, usage: &Usage, term: Term) -> (&'static str, Option<Decimal>) {
    let spec = selection.spec();
    match term {
        Term::Option(o) => (
            spec.options[o].name,
            option_units(&spec.options[o].kind, selection.slot(o)).map(Decimal::from),
        ),
        Term::Quantity(q) => (spec.pricing.quantities[q].name, usage.at(q)),
    }
}

/// The units of an option's value: an integer itself, an enum value's `units`.
pub(crate) fn option_units(kind: &OptionKind, slot: i64) -> Option<i64> {
    match *kind {
        OptionKind::Integer { .. } => Some(slot),
        OptionKind::Enum { units, .. } => usize::try_from(slot)
            .ok()
            .and_then(|i| units.get(i))
            .map(|&u| i64::from(u)),
        _ => None,
    }
}

/// The amount `rate × Σ per terms`, by exact integer arithmetic ([`Units`]); `None` when a
/// quantity is missing or outside the page's range, or when anything would not fit (the
/// general path then finds and reports why).
#[inline]
fn fast_amount(rate: Decimal, selection: &Selection, usage: &Usage) -> Option<Decimal> {
    let spec = selection.spec();
    let mut units = Units::ZERO;
    for &term in spec.pricing.per?.terms {
        units = match term {
            Term::Option(o) => {
                units.plus_whole(option_units(&spec.options[o].kind, selection.slot(o))?)?
            }
            Term::Quantity(q) => {
                let value = usage.at(q)?;
                if !spec.pricing.quantities[q].allows(value) {
                    return None;
                }
                units.plus(value)?
            }
        };
    }
    units.times(rate)
}

/// The sum of the model's `per` terms for `selection` and `usage`: `None` when a quantity is
/// not given; an error when one is outside the page's range.
fn units(selection: &Selection, usage: &Usage) -> Result<Option<Decimal>, QuoteError> {
    let Some(per) = selection.spec().pricing.per else {
        return Ok(Some(Decimal::ONE));
    };
    let mut sum = Decimal::ZERO;
    let mut missing = false;
    for &term in per.terms {
        let (_, value) = term_value(selection, usage, term);
        if let Term::Quantity(q) = term {
            if let Some(v) = value {
                selection.spec().pricing.quantities[q]
                    .check(v)
                    .map_err(QuoteError::Usage)?;
            }
        }
        match value {
            Some(v) => match exact_add(sum, v) {
                Some(s) => sum = s,
                None => return Err(QuoteError::Usage(inexact(selection, usage))),
            },
            None => missing = true,
        }
    }
    Ok((!missing).then_some(sum))
}

/// The error for a product too precise to be exact, naming the first measured quantity.
fn inexact(selection: &Selection, usage: &Usage) -> UsageError {
    let quantities = selection.spec().pricing.quantities;
    let (quantity, value) = usage
        .values()
        .next()
        .unwrap_or((&quantities[0], Decimal::ZERO));
    UsageError::Inexact { quantity, value }
}

/// The documented rate (or price) of `selection`'s cell.
fn rate_of(selection: &Selection) -> Option<Decimal> {
    let pricing = selection.spec().pricing;
    pricing.cells.iter().find_map(|cell| {
        let here = pricing
            .dimensions
            .iter()
            .zip(cell.values)
            .all(|(&d, &v)| selection.slot(d) == v as i64);
        match (here, cell.price) {
            (true, CellPrice::Amount(rate)) => Some(rate),
            _ => None,
        }
    })
}

/// What a job costs before its measured quantities are known: the rate, the quantities it
/// needs, and the least and the most it can cost where the page bounds them. A pre-flight
/// budget check takes [`max`](Self::max); once measured, [`with`](Self::with) gives the exact
/// [`Quote`].
///
/// ```
/// use shortapi_pricing::models::kling_o1_video_to_video::{Measured, Mode, Options};
/// use shortapi_pricing::Decimal;
///
/// let options = Options::DEFAULT.with_mode(Mode::Std);
/// let estimate = options.estimate()?;
/// assert_eq!(estimate.rate(), Decimal::new(11, 2)); // $0.11 per second of the input video
/// assert_eq!(estimate.min(), Some(Decimal::new(33, 2))); // 3 s
/// assert_eq!(estimate.max(), Some(Decimal::new(110, 2))); // 10 s
/// let quote = options.quote(Measured::new(Decimal::new(72, 1))?)?; // 7.2 s, within 3 to 10
/// assert!(Measured::new(Decimal::new(2, 0)).is_err()); // the page allows 3 to 10 seconds
/// assert_eq!(quote.amount(), Decimal::new(792, 3)); // 0.11 × 7.2
/// # Ok::<(), shortapi_pricing::QuoteError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Estimate {
    rate: Decimal,
    selection: Selection,
    usage: Usage,
}

impl Estimate {
    /// The estimate of `rate` for `selection` with the quantities of `usage` given so far.
    #[doc(hidden)]
    pub const fn new(rate: Decimal, selection: Selection, usage: Usage) -> Self {
        Estimate {
            rate,
            selection,
            usage,
        }
    }

    /// The rate per unit, exact.
    pub const fn rate(&self) -> Decimal {
        self.rate
    }

    /// What one unit is (`"second"`).
    pub fn unit(&self) -> &'static str {
        self.selection.spec().pricing.per.map_or("", |p| p.unit)
    }

    /// The ISO 4217 currency (`"USD"`).
    pub const fn currency(&self) -> &'static str {
        self.selection.model().spec().currency
    }

    /// The model.
    pub const fn model(&self) -> Model {
        self.selection.model()
    }

    /// The option values.
    pub const fn selection(&self) -> &Selection {
        &self.selection
    }

    /// The quantities given so far.
    pub const fn usage(&self) -> &Usage {
        &self.usage
    }

    /// The quantities still to be measured, in spec order.
    pub fn needs(&self) -> impl Iterator<Item = &'static Quantity> + '_ {
        let quantities = self.selection.spec().pricing.quantities;
        quantities
            .iter()
            .enumerate()
            .filter(|(i, _)| self.usage.at(*i).is_none())
            .map(|(_, q)| q)
    }

    /// The least the job can cost: each missing quantity at the page's minimum (0 where it
    /// states none).
    pub fn min(&self) -> Option<Decimal> {
        self.bound(|q| Some(q.minimum))
    }

    /// The most the job can cost: each missing quantity at the page's maximum; `None` where a
    /// missing quantity has no documented maximum.
    pub fn max(&self) -> Option<Decimal> {
        self.bound(|q| q.maximum)
    }

    fn bound(&self, at: impl Fn(&Quantity) -> Option<Decimal>) -> Option<Decimal> {
        let quantities = self.selection.spec().pricing.quantities;
        let mut usage = self.usage;
        for (i, q) in quantities.iter().enumerate() {
            if usage.at(i).is_none() {
                usage.set(q.name, at(q)?).ok()?;
            }
        }
        Quote::measured(self.rate, self.selection, usage)
            .ok()
            .map(|q| q.amount)
    }

    /// The exact quote once the quantities are measured (`usage` adds to those given so far).
    pub fn with(&self, usage: &Usage) -> Result<Quote, QuoteError> {
        let mut all = self.usage;
        for (q, v) in usage.values() {
            all.set(q.name, v).map_err(QuoteError::Usage)?;
        }
        Quote::measured(self.rate, self.selection, all)
    }

    /// This estimate as a row of its model's price table (see [`TableRow`]).
    pub const fn table_row(&self) -> TableRow<'_> {
        TableRow::Rate(self)
    }

    /// Compares an amount the API charged with the bounds.
    ///
    /// ```
    /// use shortapi_pricing::models::kling_o1_video_to_video::Options;
    /// use shortapi_pricing::Decimal;
    ///
    /// let estimate = Options::DEFAULT.estimate()?; // pro: 0.429 to 1.430
    /// assert!(estimate.reconcile(Decimal::new(1, 0)).is_within());
    /// assert!(!estimate.reconcile(Decimal::new(2, 0)).is_within());
    /// # Ok::<(), shortapi_pricing::QuoteError>(())
    /// ```
    pub fn reconcile(&self, charged: Decimal) -> Bounds {
        Bounds {
            min: self.min(),
            max: self.max(),
            charged,
        }
    }
}

impl fmt::Display for Estimate {
    /// `0.143 USD per second of input_video_seconds: between 0.429 and 1.430 USD`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} per {}", self.rate, self.currency(), self.unit())?;
        let needs: Vec<&str> = self.needs().map(|q| q.name).collect();
        if !needs.is_empty() {
            write!(f, ", needs {}", needs.join(", "))?;
        }
        match (self.min(), self.max()) {
            (Some(min), Some(max)) => write!(f, ": between {min} and {max} {}", self.currency()),
            (Some(min), None) => write!(f, ": at least {min} {}", self.currency()),
            _ => Ok(()),
        }
    }
}

impl serde::Serialize for Estimate {
    /// `{"model", "currency", "rate", "unit", "needs": [...], "min_amount", "max_amount",
    /// …every option}` (`max_amount` left out where the page bounds no maximum).
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("model", self.model().id())?;
        map.serialize_entry("currency", self.currency())?;
        map.serialize_entry("rate", &AsString(self.rate))?;
        map.serialize_entry("unit", self.unit())?;
        let needs: Vec<&str> = self.needs().map(|q| q.name).collect();
        map.serialize_entry("needs", &needs)?;
        if let Some(min) = self.min() {
            map.serialize_entry("min_amount", &AsString(min))?;
        }
        if let Some(max) = self.max() {
            map.serialize_entry("max_amount", &AsString(max))?;
        }
        for (name, value) in self.selection.values() {
            map.serialize_entry(name, &value)?;
        }
        if !self.usage.is_empty() {
            map.serialize_entry("usage", &self.usage)?;
        }
        map.end()
    }
}

/// A charge next to the bounds of an [`Estimate`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Bounds {
    /// The least the job can cost, if known.
    pub min: Option<Decimal>,
    /// The most the job can cost, if the page bounds it.
    pub max: Option<Decimal>,
    /// What the API charged.
    pub charged: Decimal,
}

impl Bounds {
    /// Whether the charge lies within the bounds (an unknown bound does not exclude it).
    pub fn is_within(&self) -> bool {
        self.min.is_none_or(|m| self.charged >= m) && self.max.is_none_or(|m| self.charged <= m)
    }
}

/// A price the page does not let be computed for these options: the reason, quoting it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unpriced {
    reason: &'static str,
    selection: Selection,
}

impl Unpriced {
    /// Why the page gives no price.
    pub const fn reason(&self) -> &'static str {
        self.reason
    }

    /// The model.
    pub const fn model(&self) -> Model {
        self.selection.model()
    }

    /// The option values.
    pub const fn selection(&self) -> &Selection {
        &self.selection
    }

    /// This as a row of its model's price table (see [`TableRow`]).
    pub const fn table_row(&self) -> TableRow<'_> {
        TableRow::Unpriced(self)
    }
}

impl fmt::Display for Unpriced {
    /// `vidu/vidu-q2/text-to-video: no price follows from the page: …`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: no price follows from the page: {}",
            self.model(),
            self.reason
        )
    }
}

/// Why a request has no exact quote.
///
/// [`code`](Self::code) gives the stable code each kind is reported with (in a `quote`'s
/// errors, the CLI and the WebAssembly package).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QuoteError {
    /// The options break a rule: the API refuses them (`unsupported_combination`).
    Unsupported(Unsupported),
    /// The page does not let a price be computed (`unpriced`).
    Unpriced(Unpriced),
    /// The price multiplies a quantity not yet measured: the estimate gives the rate and the
    /// bounds (`needs_usage`).
    NeedsUsage(Estimate),
    /// A measured quantity cannot be used (`invalid_usage`).
    Usage(UsageError),
}

impl QuoteError {
    /// The error for a table entry with no price.
    #[doc(hidden)]
    #[inline]
    pub const fn no_price(no: NoPrice, selection: Selection) -> Self {
        match no {
            NoPrice::Forbidden(rule) => QuoteError::Unsupported(Unsupported::new(rule, selection)),
            NoPrice::Unpriced(reason) => QuoteError::Unpriced(Unpriced { reason, selection }),
        }
    }

    /// The stable code: `unsupported_combination`, `unpriced`, `needs_usage` or
    /// `invalid_usage`.
    pub const fn code(&self) -> Code {
        match self {
            QuoteError::Unsupported(_) => Code::UnsupportedCombination,
            QuoteError::Unpriced(_) => Code::Unpriced,
            QuoteError::NeedsUsage(_) => Code::NeedsUsage,
            QuoteError::Usage(_) => Code::InvalidUsage,
        }
    }

    /// The rule broken, if that is why.
    pub const fn rule(&self) -> Option<&'static Rule> {
        match self {
            QuoteError::Unsupported(u) => Some(u.rule()),
            _ => None,
        }
    }

    /// The estimate, if a quantity is still to be measured.
    pub const fn estimate(&self) -> Option<&Estimate> {
        match self {
            QuoteError::NeedsUsage(e) => Some(e),
            _ => None,
        }
    }
}

impl fmt::Display for QuoteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QuoteError::Unsupported(u) => u.fmt(f),
            QuoteError::Unpriced(u) => u.fmt(f),
            QuoteError::NeedsUsage(e) => {
                let needs: Vec<&str> = e.needs().map(|q| q.name).collect();
                write!(
                    f,
                    "the price is {} per {} of {}, which the request does not carry; give the measured {}",
                    e.rate(),
                    e.unit(),
                    needs.join(" + "),
                    if needs.len() == 1 { "value" } else { "values" }
                )?;
                match (e.min(), e.max()) {
                    (Some(min), Some(max)) => {
                        write!(f, " (between {min} and {max} {})", e.currency())
                    }
                    (Some(min), None) => write!(f, " (at least {min} {})", e.currency()),
                    _ => Ok(()),
                }
            }
            QuoteError::Usage(u) => u.fmt(f),
        }
    }
}

impl std::error::Error for QuoteError {}

impl From<UsageError> for QuoteError {
    /// A measured quantity that cannot be used: `invalid_usage`.
    fn from(e: UsageError) -> Self {
        QuoteError::Usage(e)
    }
}
