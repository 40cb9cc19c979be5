//! [`Selection`]: every option value of one request, for any model, in one `Copy` value that
//! the checker fills, the serializer writes and the price lookup reads.

use std::fmt;

use rust_decimal::Decimal;

use crate::quote::{option_units, Quote, QuoteError};
use crate::spec::{ModelSpec, NoPrice, OptionKind, Rule, SetError, Term, Test, WireValue};
use crate::{Model, Usage, MAX_OPTIONS};

/// The option values of one request for one model (every option but free text), as the
/// model's spec tables read them: an enum's value index, a bool as 0 or 1, an integer itself.
///
/// A model's typed `Options` converts to and from it ([`ModelOptions`](crate::spec::ModelOptions)).
///
/// ```
/// use shortapi_pricing::spec::WireValue;
/// use shortapi_pricing::{Model, Selection};
///
/// let mut selection = Selection::defaults(Model::Pixverse60TextToVideo);
/// selection.set("duration", WireValue::Str("8"))?;
/// selection.set("generate_audio", WireValue::Bool(true))?;
/// assert_eq!(selection.quote()?.amount().to_string(), "0.408"); // 0.051 × 8
/// // Debug names the model and every value, as on the wire.
/// assert_eq!(
///     format!("{selection:?}"),
///     r#"Selection { model: "pixverse/pixverse-6.0/text-to-video", resolution: "720p", duration: "8", aspect_ratio: "16:9", generate_audio: true, multi_shot: false }"#
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Selection {
    model: Model,
    slots: [i64; MAX_OPTIONS],
}

impl Selection {
    /// The documented defaults of `model`.
    pub const fn defaults(model: Model) -> Self {
        let options = model.spec().options;
        let mut slots = [0; MAX_OPTIONS];
        let mut i = 0;
        while i < options.len() {
            slots[i] = options[i].default_slot();
            i += 1;
        }
        Selection { model, slots }
    }

    /// A selection from run-time slots, as the generated `Options::to_selection` writes them.
    #[doc(hidden)]
    #[inline]
    pub const fn from_slots(model: Model, slots: [i64; MAX_OPTIONS]) -> Self {
        Selection { model, slots }
    }

    /// Sets the slot of the option at `index`, unchecked: for walks over the spec's own values.
    pub(crate) fn set_slot(&mut self, index: usize, slot: i64) {
        if let Some(s) = self.slots.get_mut(index) {
            *s = slot;
        }
    }

    /// The model.
    pub const fn model(&self) -> Model {
        self.model
    }

    /// The model's spec tables.
    pub const fn spec(&self) -> &'static ModelSpec {
        self.model.spec()
    }

    /// The run-time form of the option at `index` (0 for free text or past the end;
    /// [`ABSENT`](crate::spec::ABSENT) for an option with no default that is not given).
    ///
    /// ```
    /// use shortapi_pricing::{Model, Selection, MAX_OPTIONS};
    ///
    /// let defaults = Selection::defaults(Model::Pixverse55TextToVideo);
    /// assert_eq!(defaults.slot(MAX_OPTIONS), 0);
    /// assert_eq!(defaults.slot(usize::MAX), 0);
    /// ```
    #[inline]
    pub const fn slot(&self, index: usize) -> i64 {
        if index < MAX_OPTIONS {
            self.slots[index]
        } else {
            0
        }
    }

    /// The value of the option named `name`; `None` for free text or an unknown name.
    pub fn get(&self, name: &str) -> Option<WireValue<'static>> {
        let index = self.spec().option_index(name)?;
        self.get_at(index)
    }

    /// The value of the option at `index` in the model's options.
    pub fn get_at(&self, index: usize) -> Option<WireValue<'static>> {
        self.spec().options.get(index)?.wire(self.slot(index))
    }

    /// Sets the option named `name` from a wire value.
    pub fn set(&mut self, name: &str, value: WireValue<'_>) -> Result<(), SetError> {
        let index = self
            .spec()
            .option_index(name)
            .ok_or(SetError::UnknownOption)?;
        self.set_at(index, value)
    }

    /// Sets the option at `index` in the model's options from a wire value.
    pub fn set_at(&mut self, index: usize, value: WireValue<'_>) -> Result<(), SetError> {
        let option = self
            .spec()
            .options
            .get(index)
            .ok_or(SetError::UnknownOption)?;
        self.slots[index] = option.slot(value)?;
        Ok(())
    }

    /// Whether these values break `rule`: its conditions are all on choices' values
    /// ([`Test::Is`], [`Test::OneOf`]: what a selection holds) and all hold. A rule that also
    /// asks for a range, whether an option is given, or a list's count is not judged from
    /// values alone (`false`): the checker judges it from the request ([`Rule::applies`]).
    #[inline]
    pub fn breaks(&self, rule: &Rule) -> bool {
        rule.when.iter().all(|c| match c.test {
            Test::Is { slot, .. } => self.slot(c.option) == slot,
            Test::OneOf { slots, .. } => slots.contains(&self.slot(c.option)),
            Test::Range { .. } | Test::Given(_) | Test::Items { .. } => false,
        })
    }

    /// The first rule of the model these values break.
    ///
    /// ```
    /// use shortapi_pricing::spec::WireValue;
    /// use shortapi_pricing::{Model, Selection};
    ///
    /// let mut hd = Selection::defaults(Model::Pixverse60TextToVideo);
    /// hd.set("resolution", WireValue::Str("1080p")).unwrap();
    /// assert!(hd.broken_rule().is_none());
    /// hd.set("duration", WireValue::Str("10")).unwrap();
    /// assert_eq!(hd.broken_rule().map(|r| r.id), Some("no_1080p_at_10s"));
    /// ```
    pub fn broken_rule(&self) -> Option<&'static Rule> {
        self.spec().rules.iter().find(|r| self.breaks(r))
    }

    /// The documented price (or, for a model priced per unit, the rate) of these values'
    /// cell, or why there is none (the first rule they break, or a price the page does not
    /// give): one index into the table the generated `match` fills at compile time.
    pub fn rate(&self) -> Result<Decimal, NoPrice> {
        if let Some(rule) = self.broken_rule() {
            return Err(NoPrice::Forbidden(rule));
        }
        let lookup = &self.spec().lookup;
        let mut at = 0;
        for &(option, stride) in lookup.index {
            let slot = self.slot(option);
            let place = match self.spec().options[option].kind {
                OptionKind::Integer { values, .. } => values.iter().position(|&v| v == slot),
                _ => usize::try_from(slot).ok(),
            };
            // Slots of a checked selection are in range; a wrong one finds no cell.
            at += place.unwrap_or(usize::MAX / 2) * stride;
        }
        lookup.table.get(at).copied().unwrap_or(Ok(Decimal::ZERO))
    }

    /// The exact price in the model's currency, or why there is none; see
    /// [`quote_with`](Self::quote_with).
    pub fn price(&self) -> Result<Decimal, QuoteError> {
        self.quote().map(|q| q.amount())
    }

    /// The exact quote of these values, or why there is none: a rule they break, a price the
    /// page does not give, or (for a model priced by a measured quantity) the
    /// [`Estimate`](crate::Estimate) until [`quote_with`](Self::quote_with) is given the
    /// quantities.
    pub fn quote(&self) -> Result<Quote, QuoteError> {
        self.quote_with(&Usage::new(self.model))
    }

    /// The exact quote of these values with the measured quantities of `usage` (ignored by a
    /// model that measures none), or why there is none.
    pub fn quote_with(&self, usage: &Usage) -> Result<Quote, QuoteError> {
        let rate = self.rate().map_err(|no| QuoteError::no_price(no, *self))?;
        let lookup = &self.spec().lookup;
        if lookup.times.is_empty() {
            return Ok(Quote::new(rate, *self));
        }
        let quantities = lookup.times.iter().any(|t| matches!(t, Term::Quantity(_)));
        if !quantities {
            let mut units = 0;
            for term in lookup.times {
                if let Term::Option(o) = *term {
                    units += option_units(&self.spec().options[o].kind, self.slot(o)).unwrap_or(0);
                }
            }
            return Ok(Quote::new(crate::spec::times(rate, units), *self));
        }
        let usage = if usage.model() == self.model {
            *usage
        } else {
            Usage::new(self.model)
        };
        Quote::measured(rate, *self, usage)
    }

    /// These values with the option named `name` set, or why it cannot be.
    pub fn with(mut self, name: &str, value: WireValue<'_>) -> Result<Self, SetError> {
        self.set(name, value)?;
        Ok(self)
    }

    /// `(option, value)` for every option but free text, in page order.
    pub fn values(&self) -> impl Iterator<Item = (&'static str, WireValue<'static>)> + '_ {
        self.spec()
            .options
            .iter()
            .enumerate()
            .filter_map(|(i, o)| o.wire(self.slot(i)).map(|v| (o.name, v)))
    }

    /// Whether the option at `index` has its documented default.
    pub fn is_default(&self, index: usize) -> bool {
        self.spec().options.get(index).is_some_and(|o| {
            !matches!(o.kind, OptionKind::Text { .. }) && o.default_slot() == self.slot(index)
        })
    }
}

impl fmt::Debug for Selection {
    /// `Selection { model: "…", resolution: "720p", … }`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = f.debug_struct("Selection");
        s.field("model", &self.model.id());
        for (name, value) in self.values() {
            s.field(name, &format_args!("{value}"));
        }
        s.finish()
    }
}
