//! Exact quotes: [`Options::quote`], what it returns, and reconciling a charge against it.

use std::fmt;

use rust_decimal::Decimal;
use serde::ser::SerializeMap;

use crate::spec::{OptionKind, Rule, WireValue};
use crate::{Options, CURRENCY, MODEL_ID, OPTIONS, PRICE_DIMENSIONS};

impl Options {
    /// The exact price of a job with these options, or the rule they break.
    ///
    /// One `match` in generated code; no allocation.
    ///
    /// ```
    /// use pixverse_pricing::{Duration, Options, Resolution};
    /// use rust_decimal::Decimal;
    ///
    /// let quote = Options::DEFAULT.with_duration(Duration::S8).quote()?;
    /// assert_eq!(quote.amount(), Decimal::new(340, 3)); // $0.340
    /// assert_eq!(quote.currency(), "USD");
    ///
    /// let err = Options::DEFAULT
    ///     .with_resolution(Resolution::P1080)
    ///     .with_duration(Duration::S10)
    ///     .quote()
    ///     .unwrap_err();
    /// assert_eq!(err.rule().id, "no_1080p_at_10s");
    /// # Ok::<(), pixverse_pricing::Unsupported>(())
    /// ```
    #[inline]
    pub const fn quote(&self) -> Result<Quote, Unsupported> {
        match self.price() {
            Ok(amount) => Ok(Quote {
                amount,
                options: *self,
            }),
            Err(rule) => Err(Unsupported {
                rule,
                options: *self,
            }),
        }
    }
}

impl Options {
    /// The spec's price table: for each combination of the [`PRICE_DIMENSIONS`] that no rule
    /// forbids, its `Options` (every other option at its default) and price, ordered by the
    /// dimensions in spec order (the first varying slowest), values in spec order.
    ///
    /// ```
    /// use pixverse_pricing::Options;
    ///
    /// assert_eq!(Options::price_table().count(), 32);
    /// ```
    pub fn price_table() -> impl Iterator<Item = (Options, Decimal)> {
        let mut rows = Options::all()
            .filter(|o| {
                OPTIONS
                    .iter()
                    .filter(|s| !PRICE_DIMENSIONS.contains(&s.name))
                    .all(|s| {
                        s.default_value()
                            .is_none_or(|default| o.get(s.name) == Some(default))
                    })
            })
            .filter_map(|o| o.price().ok().map(|amount| (o, amount)))
            .collect::<Vec<_>>();
        rows.sort_by_key(|(o, _)| PRICE_DIMENSIONS.map(|d| value_index(o, d)));
        rows.into_iter()
    }
}

/// The position of `options`' value for `name` among the option's values in spec order.
fn value_index(options: &Options, name: &str) -> usize {
    let spec = OPTIONS.iter().find(|o| o.name == name);
    match (spec.map(|s| s.kind), options.get(name)) {
        (Some(OptionKind::Enum { values, .. }), Some(WireValue::Str(v))) => {
            values.iter().position(|x| *x == v).unwrap_or(usize::MAX)
        }
        (_, Some(WireValue::Bool(b))) => usize::from(b),
        _ => usize::MAX,
    }
}

/// The exact price of one job: an amount in [`CURRENCY`] and the options it was priced for.
///
/// Serializes as `{"model", "currency", "amount", …every option}`, with `amount` a decimal
/// string such as `"0.340"` (the scale of the documented price is kept).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Quote {
    amount: Decimal,
    options: Options,
}

impl Quote {
    /// The price, exact, in [`currency`](Self::currency).
    #[inline]
    pub const fn amount(&self) -> Decimal {
        self.amount
    }

    /// The ISO 4217 currency of the amount (`"USD"`).
    pub const fn currency(&self) -> &'static str {
        CURRENCY
    }

    /// The model priced.
    pub const fn model(&self) -> &'static str {
        MODEL_ID
    }

    /// The options priced.
    pub const fn options(&self) -> &Options {
        &self.options
    }

    /// Compares an amount the API charged with this quote.
    ///
    /// ```
    /// use pixverse_pricing::Options;
    /// use rust_decimal::Decimal;
    ///
    /// let quote = Options::DEFAULT.quote()?; // $0.170
    /// assert!(quote.reconcile(Decimal::new(17, 2)).is_match());
    /// let off = quote.reconcile(Decimal::new(2, 2));
    /// assert_eq!(off.difference(), Some(Decimal::new(-150, 3)));
    /// # Ok::<(), pixverse_pricing::Unsupported>(())
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
        write!(f, "{} {}", self.amount, CURRENCY)
    }
}

impl serde::Serialize for Quote {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let fields = OPTIONS
            .iter()
            .filter(|o| !matches!(o.kind, OptionKind::Text { .. }));
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("model", MODEL_ID)?;
        map.serialize_entry("currency", CURRENCY)?;
        map.serialize_entry("amount", &crate::money::AsString(self.amount))?;
        for option in fields {
            if let Some(value) = self.options.get(option.name) {
                map.serialize_entry(option.name, &value)?;
            }
        }
        map.end()
    }
}

/// A quoted amount next to the amount charged for the same request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Reconciliation {
    /// What [`Options::quote`] said.
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

/// Options that break a rule of the spec, so the API would refuse them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unsupported {
    rule: &'static Rule,
    options: Options,
}

impl Unsupported {
    /// The rule broken.
    pub const fn rule(&self) -> &'static Rule {
        self.rule
    }

    /// The options that break it.
    pub const fn options(&self) -> &Options {
        &self.options
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
