//! Exact quotes: what [`Selection::quote`](crate::Selection::quote) and each model's
//! `Options::quote` return, and reconciling a charge against a quote.

use std::fmt;

use rust_decimal::Decimal;
use serde::ser::SerializeMap;

use crate::spec::{ModelOptions, Rule};
use crate::{Model, Selection};

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
/// assert_eq!(err.rule().id, "no_1080p_at_10s");
/// # Ok::<(), shortapi_pricing::Unsupported>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Quote {
    amount: Decimal,
    selection: Selection,
}

impl Quote {
    /// A quote of `amount` for `selection`.
    #[inline]
    pub(crate) const fn new(amount: Decimal, selection: Selection) -> Self {
        Quote { amount, selection }
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
    /// let row = Model::Pixverse60TextToVideo.price_table().next().unwrap();
    /// assert_eq!(
    ///     serde_json::to_string(&row.table_row()).unwrap(),
    ///     r#"{"model":"pixverse/pixverse-6.0/text-to-video","generate_audio":false,"resolution":"540p","duration":"5","amount":"0.150","currency":"USD"}"#
    /// );
    /// ```
    pub const fn table_row(&self) -> TableRow<'_> {
        TableRow(self)
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
    /// # Ok::<(), shortapi_pricing::Unsupported>(())
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
        map.serialize_entry("amount", &crate::money::AsString(self.amount))?;
        for (name, value) in self.selection.values() {
            map.serialize_entry(name, &value)?;
        }
        map.end()
    }
}

/// A [`Quote`] as a row of its model's price table; see [`Quote::table_row`].
#[derive(Clone, Copy, Debug)]
pub struct TableRow<'a>(&'a Quote);

impl serde::Serialize for TableRow<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let quote = self.0;
        let spec = quote.selection.spec();
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("model", spec.id)?;
        for option in spec.priced_options() {
            if let Some(value) = quote.selection.get(option.name) {
                map.serialize_entry(option.name, &value)?;
            }
        }
        map.serialize_entry("amount", &crate::money::AsString(quote.amount))?;
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
