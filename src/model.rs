//! What every [`Model`] can do beside its generated tables: its id as a string (Display,
//! `FromStr`, serde) and its price table as rows.

use std::fmt;
use std::str::FromStr;

use crate::spec::{OptionKind, QuotedList, Term};
use crate::{Model, Quote, QuoteError, Selection};

impl fmt::Display for Model {
    /// The model id.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.id())
    }
}

impl Model {
    /// The model whose id is exactly `id`, or `None`: one probe of a table the build made (the
    /// id's length and a few of its bytes, hashed) and one comparison, so finding a model
    /// costs the same whatever the number of models.
    ///
    /// ```
    /// use shortapi_pricing::Model;
    ///
    /// assert_eq!(Model::from_id("pixverse/pixverse-5.5/text-to-video"), Some(Model::Pixverse55TextToVideo));
    /// assert_eq!(Model::from_id("pixverse/pixverse-5.5/text-to-videO"), None);
    /// ```
    pub fn from_id(id: &str) -> Option<Model> {
        let bytes = id.as_bytes();
        // The key as the generator's `id_index::key` makes it.
        let byte = |p: usize| u64::from(bytes.get(p).copied().unwrap_or(0));
        let positions = Self::ID_POSITIONS.iter().enumerate();
        let key = positions.fold(bytes.len() as u64, |key, (i, &p)| {
            key ^ byte(p) << (8 * (i + 1))
        });
        let at = key.wrapping_mul(Self::ID_MULTIPLIER) >> (64 - Self::ID_BITS);
        let slot = usize::from(*Self::ID_TABLE.get(at as usize)?);
        let model = *Self::ALL.get(slot.checked_sub(1)?)?;
        (model.id().as_bytes() == bytes).then_some(model)
    }
}

impl FromStr for Model {
    type Err = UnknownModel;

    /// The model whose id is exactly `s` (see [`Model::from_id`]).
    fn from_str(s: &str) -> Result<Self, UnknownModel> {
        Model::from_id(s).ok_or_else(|| UnknownModel { got: s.to_owned() })
    }
}

impl serde::Serialize for Model {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

impl<'de> serde::Deserialize<'de> for Model {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let id = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        id.parse().map_err(serde::de::Error::custom)
    }
}

/// A model id the crate does not know.
///
/// ```
/// use shortapi_pricing::Model;
///
/// let err = "pixverse/pixverse-7.0/text-to-video".parse::<Model>().unwrap_err();
/// assert_eq!(err.got(), "pixverse/pixverse-7.0/text-to-video");
/// assert!(err.to_string().contains("pixverse/pixverse-5.5/text-to-video"), "{err}");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownModel {
    got: String,
}

impl UnknownModel {
    /// The id that was refused.
    pub fn got(&self) -> &str {
        &self.got
    }
}

impl fmt::Display for UnknownModel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown model {:?}; known models: {}",
            crate::check::short(&self.got),
            QuotedList(&Model::IDS)
        )
    }
}

impl std::error::Error for UnknownModel {}

impl Model {
    /// The currency every model of the crate prices in, if they share one: then a total
    /// across models means something (and [`jsonl::Summary`](crate::jsonl::Summary) gives one).
    ///
    /// ```
    /// assert_eq!(shortapi_pricing::Model::catalog_currency(), Some("USD"));
    /// ```
    pub fn catalog_currency() -> Option<&'static str> {
        let first = Model::ALL.first()?.spec().currency;
        Model::ALL
            .iter()
            .all(|m| m.spec().currency == first)
            .then_some(first)
    }

    /// The model's price table: for every combination of the options its price depends on
    /// that no rule forbids (every other option at its default; the first option varying
    /// slowest, values in spec order), the exact quote, or why there is none — the
    /// [`Estimate`](crate::Estimate) of a rate per measured quantity
    /// ([`QuoteError::NeedsUsage`]), or a price the page does not give
    /// ([`QuoteError::Unpriced`]). An integer option priced per unit contributes every value
    /// in its range, unless the rate also multiplies a measured quantity (then a row is a rate
    /// for the measured sum). [`Quote::table_row`] writes a row as JSON with only the options
    /// the price depends on.
    ///
    /// ```
    /// use shortapi_pricing::{Decimal, Model};
    ///
    /// assert_eq!(Model::Pixverse55TextToVideo.price_table().count(), 32);
    /// assert_eq!(Model::Pixverse60Transition.price_table().count(), 16);
    /// let first = Model::Pixverse55TextToVideo.price_table().next().unwrap().unwrap();
    /// assert_eq!(first.amount(), Decimal::new(128, 3)); // 540p, 5 s: $0.128
    /// ```
    pub fn price_table(self) -> impl Iterator<Item = Result<Quote, QuoteError>> {
        let spec = self.spec();
        let measured = !spec.pricing.quantities.is_empty();
        let per = spec.pricing.per.map_or(&[][..], |p| p.terms);
        let per = per.iter().filter_map(|t| match t {
            Term::Option(o) if !measured => Some(*o),
            _ => None,
        });
        let priced: Vec<usize> = spec.pricing.dimensions.iter().copied().chain(per).collect();
        let mut rows = vec![Selection::defaults(self)];
        for &option in &priced {
            let slots: Vec<i64> = match spec.options[option].kind {
                OptionKind::Enum { values, .. } => (0..values.len() as i64).collect(),
                OptionKind::Bool { .. } => vec![0, 1],
                OptionKind::Integer {
                    minimum,
                    maximum,
                    values: [],
                    ..
                } => (minimum..=maximum).collect(),
                OptionKind::Integer { values, .. } => values.to_vec(),
                OptionKind::Text { .. } | OptionKind::List { .. } | OptionKind::Number { .. } => {
                    vec![0]
                }
            };
            rows = rows
                .into_iter()
                .flat_map(|row| {
                    slots.iter().map(move |&slot| {
                        let mut next = row;
                        next.set_slot(option, slot);
                        next
                    })
                })
                .collect();
        }
        rows.into_iter()
            .map(|row| row.quote())
            .filter(|q| !matches!(q, Err(QuoteError::Unsupported(_))))
    }
}
