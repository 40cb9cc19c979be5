//! Measured quantities: what a price multiplies that the request does not carry (the seconds of
//! an input video), given after the job is measured.

use std::fmt;

use rust_decimal::Decimal;

use crate::spec::Quantity;
use crate::{Model, MAX_QUANTITIES};

/// The measured quantities of one job of one model, by the names its spec gives them
/// ([`Pricing::quantities`](crate::spec::Pricing::quantities)): what turns an
/// [`Estimate`](crate::Estimate) into an exact [`Quote`](crate::Quote).
///
/// Each value is exact; the crate multiplies it by the rate without rounding (where a page does
/// not say how the quantity is measured or rounded, neither does the crate).
///
/// ```
/// use shortapi_pricing::{Decimal, Model, Usage};
///
/// let usage = Usage::new(Model::KlingO1VideoToVideo).with("input_video_seconds", Decimal::new(72, 1))?;
/// assert_eq!(usage.get("input_video_seconds"), Some(Decimal::new(72, 1)));
/// let unknown = Usage::new(Model::KlingO1VideoToVideo).with("seconds", Decimal::ONE).unwrap_err();
/// assert_eq!(
///     unknown.to_string(),
///     "kwaivgi/kling-o1/video-to-video measures no quantity \"seconds\"; it measures: \"input_video_seconds\""
/// );
/// # Ok::<(), shortapi_pricing::UsageError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Usage {
    model: Model,
    /// Bit `i`: whether quantity `i` is given.
    given: u32,
    values: [Decimal; MAX_QUANTITIES],
}

impl Usage {
    /// No quantity measured yet, for `model`.
    pub const fn new(model: Model) -> Self {
        Usage {
            model,
            given: 0,
            values: [Decimal::ZERO; MAX_QUANTITIES],
        }
    }

    /// Every quantity of `model` given, in spec order: what a generated `Measured` makes.
    #[doc(hidden)]
    pub const fn from_values(model: Model, values: [Decimal; MAX_QUANTITIES]) -> Self {
        let count = model.spec().pricing.quantities.len();
        Usage {
            model,
            given: (1u32 << count) - 1,
            values,
        }
    }

    /// The model measured.
    pub const fn model(&self) -> Model {
        self.model
    }

    /// Sets the quantity named `name`, or says it is not one of the model's.
    pub fn set(&mut self, name: &str, value: Decimal) -> Result<(), UsageError> {
        let quantities = self.model.spec().pricing.quantities;
        let Some(i) = quantities.iter().position(|q| q.name == name) else {
            return Err(UsageError::Unknown {
                model: self.model,
                name: crate::check::short(name).into_owned(),
            });
        };
        self.values[i] = value;
        self.given |= 1 << i;
        Ok(())
    }

    /// These quantities with `name` set to `value`, or why it cannot be.
    pub fn with(mut self, name: &str, value: Decimal) -> Result<Self, UsageError> {
        self.set(name, value)?;
        Ok(self)
    }

    /// The value of the quantity named `name`, if given.
    pub fn get(&self, name: &str) -> Option<Decimal> {
        let quantities = self.model.spec().pricing.quantities;
        quantities
            .iter()
            .position(|q| q.name == name)
            .and_then(|i| self.at(i))
    }

    /// The value of the quantity at `index` of the model's quantities, if given.
    pub fn at(&self, index: usize) -> Option<Decimal> {
        (index < MAX_QUANTITIES && self.given & (1 << index) != 0).then(|| self.values[index])
    }

    /// The value of `model`'s quantity at `index`, or the error that it is not given (nor is
    /// it, in another model's usage): what a generated `Measured::from_usage` reads.
    pub(crate) fn given(&self, model: Model, index: usize) -> Result<Decimal, UsageError> {
        let value = if self.model as usize == model as usize {
            self.at(index)
        } else {
            None
        };
        value.ok_or(UsageError::Missing {
            quantity: &model.spec().pricing.quantities[index],
        })
    }

    /// Whether no quantity is given.
    pub const fn is_empty(&self) -> bool {
        self.given == 0
    }

    /// Every quantity given, as `(quantity, value)`, in spec order.
    pub fn values(&self) -> impl Iterator<Item = (&'static Quantity, Decimal)> + '_ {
        let quantities = self.model.spec().pricing.quantities;
        quantities
            .iter()
            .enumerate()
            .filter_map(|(i, q)| self.at(i).map(|v| (q, v)))
    }
}

impl fmt::Debug for Usage {
    /// `Usage { model: "…", input_video_seconds: 7.2 }`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = f.debug_struct("Usage");
        s.field("model", &self.model.id());
        for (q, v) in self.values() {
            s.field(q.name, &format_args!("{v}"));
        }
        s.finish()
    }
}

impl serde::Serialize for Usage {
    /// `{"input_video_seconds": "7.2"}`: each value a decimal string.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(
            self.values()
                .map(|(q, v)| (q.name, crate::money::AsString(v))),
        )
    }
}

/// A measured quantity that cannot be used.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum UsageError {
    /// The model's price measures no quantity of that name.
    Unknown {
        /// The model.
        model: Model,
        /// The name given (shortened if long).
        name: String,
    },
    /// The value is outside the range the page documents.
    OutOfRange {
        /// The quantity.
        quantity: &'static Quantity,
        /// The value given.
        value: Decimal,
    },
    /// A quantity the price needs is not given.
    Missing {
        /// The quantity.
        quantity: &'static Quantity,
    },
    /// The rate times the units has more digits than a `Decimal` holds exactly.
    Inexact {
        /// The quantity.
        quantity: &'static Quantity,
        /// The value given.
        value: Decimal,
    },
}

impl UsageError {
    /// The quantity's name, as given.
    pub fn name(&self) -> &str {
        match self {
            UsageError::Unknown { name, .. } => name,
            UsageError::OutOfRange { quantity, .. }
            | UsageError::Inexact { quantity, .. }
            | UsageError::Missing { quantity } => quantity.name,
        }
    }
}

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UsageError::Unknown { model, name } => {
                let names: Vec<&str> = model
                    .spec()
                    .pricing
                    .quantities
                    .iter()
                    .map(|q| q.name)
                    .collect();
                if names.is_empty() {
                    write!(
                        f,
                        "{model} measures no quantity {name:?}; its price needs no measured quantity"
                    )
                } else {
                    write!(
                        f,
                        "{model} measures no quantity {name:?}; it measures: {}",
                        crate::spec::QuotedList(&names)
                    )
                }
            }
            UsageError::OutOfRange { quantity, value } => {
                write!(f, "{} {value} is out of range: ", quantity.name)?;
                write_range(f, quantity)
            }
            UsageError::Missing { quantity } => {
                write!(f, "{} is not given: ", quantity.name)?;
                write_range(f, quantity)
            }
            UsageError::Inexact { quantity, value } => write!(
                f,
                "{} {value} has too many digits: the rate times it does not fit an exact decimal (28 decimals, 96 bits)",
                quantity.name
            ),
        }
    }
}

impl std::error::Error for UsageError {}

/// `the page allows 3 to 10 seconds`, or `at least 0 seconds`.
fn write_range(f: &mut fmt::Formatter<'_>, quantity: &Quantity) -> fmt::Result {
    match quantity.maximum {
        Some(max) => write!(
            f,
            "the page allows {} to {max} {}s",
            quantity.minimum, quantity.unit
        ),
        None => write!(
            f,
            "the page allows at least {} {}s",
            quantity.minimum, quantity.unit
        ),
    }
}
