//! The spec written out as JSON: what `shortapi-pricing models` prints and what the WebAssembly
//! package's `models()` returns, from one implementation.
//!
//! A [`ModelSpec`] serializes as
//!
//! ```json
//! {"id", "name", "category", "currency", "create_endpoint", "query_endpoint", "source",
//!  "cut_after", "options": [...], "rules": [...], "requirements": [...], "pricing": {...}}
//! ```
//!
//! - an option (see [`OptionSpec`]) is `{"name", "type", "description", "required", …}`, with
//!   `values` and `units` (when the spec gives them) for an enum; `minimum`, `maximum` and
//!   `values` (when the page lists them) and `"string": true` (when it is written as a string,
//!   its `default` then a string too) for an integer; `max_length` for free text that has one;
//!   `min_items` and `max_items` (null: no limit) for a list; and `default` wherever the page
//!   gives one (never for free text or a list);
//! - a rule is `{"id", "message", "when": {option: value, …}}`;
//! - a relation (`relations`) is `{"id", "message", "product": [a, b], "minimum",
//!   "maximum"}` (whole numbers) or `{"id", "message", "ratio": [a, b], …}` (`"n:d"`
//!   strings), a bound the page does not state left out;
//! - a conditional requirement (`requirements`) is `{"id", "message", "when", "require":
//!   field}`, or `"forbid": field` for an exclusion;
//! - the pricing is `{"form": "cells", "dimensions", "cells": [{…values, "price"}]}`,
//!   `{"form": "per_unit", "dimensions", "per": [names], "unit", "quantities": [...],
//!   "rates": [{…values, "rate"}]}` (`per` names options and measured quantities, whose sum
//!   the rate is multiplied by; a quantity is `{"name", "unit", "description", "minimum",
//!   "maximum"}`, `maximum` null where the page states none), or `{"form": "unpriced",
//!   "reason"}` for a page that gives no price; a cell the page leaves unclear is
//!   `{…values, "unpriced": reason}` in place of its amount. Every amount is a decimal string
//!   with the page's digits.

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

use super::{
    Cell, CellPrice, Condition, Limit, ListItem, ModelSpec, Narrow, Of, OptionKind, OptionSpec,
    Quantity, Relation, Requirement, Rule, Sum, Test, Total,
};
use crate::money::AsString;

impl Serialize for ModelSpec {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(16))?;
        map.serialize_entry("id", self.id)?;
        map.serialize_entry("name", self.name)?;
        map.serialize_entry("category", self.category)?;
        map.serialize_entry("currency", self.currency)?;
        map.serialize_entry("create_endpoint", self.create_endpoint)?;
        map.serialize_entry("query_endpoint", self.query_endpoint)?;
        map.serialize_entry("source", self.source)?;
        map.serialize_entry("cut_after", &self.cut_after)?;
        map.serialize_entry("options", self.options)?;
        map.serialize_entry("rules", self.rules)?;
        map.serialize_entry("requirements", self.requirements)?;
        map.serialize_entry("totals", self.totals)?;
        map.serialize_entry("limits", self.limits)?;
        map.serialize_entry("sums", self.sums)?;
        map.serialize_entry("relations", self.relations)?;
        map.serialize_entry("pricing", &PricingView(self))?;
        map.end()
    }
}

impl Serialize for OptionSpec {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("name", self.name)?;
        map.serialize_entry("type", self.kind.name())?;
        map.serialize_entry("description", self.description)?;
        map.serialize_entry("required", &self.required)?;
        match self.kind {
            OptionKind::Text { max_length, .. } => {
                if let Some(max) = max_length {
                    map.serialize_entry("max_length", &max)?;
                }
            }
            OptionKind::List {
                min_items,
                max_items,
                item,
            } => {
                map.serialize_entry("min_items", &min_items)?;
                map.serialize_entry("max_items", &max_items)?;
                // A list of objects: its items' fields, and whether others pass (a cut page).
                if let ListItem::Object { fields, open } = item {
                    map.serialize_entry("fields", fields)?;
                    map.serialize_entry("open", &open)?;
                }
            }
            OptionKind::Enum { values, units, .. } => {
                map.serialize_entry("values", values)?;
                if !units.is_empty() {
                    map.serialize_entry("units", units)?;
                }
            }
            OptionKind::Bool { .. } => {}
            OptionKind::Number { minimum, maximum } => {
                map.serialize_entry("minimum", &AsString(minimum))?;
                map.serialize_entry("maximum", &AsString(maximum))?;
            }
            OptionKind::Integer {
                minimum,
                maximum,
                values,
                string,
                ..
            } => {
                map.serialize_entry("minimum", &minimum)?;
                map.serialize_entry("maximum", &maximum)?;
                if !values.is_empty() {
                    map.serialize_entry("values", values)?;
                }
                if string {
                    map.serialize_entry("string", &true)?;
                }
            }
        }
        if let Some(default) = self.default_value() {
            map.serialize_entry("default", &default)?;
        }
        map.end()
    }
}

impl Serialize for Rule {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(3))?;
        map.serialize_entry("id", self.id)?;
        map.serialize_entry("message", self.message)?;
        map.serialize_entry("when", &When(self.when))?;
        map.end()
    }
}

impl Serialize for Requirement {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(4))?;
        map.serialize_entry("id", self.id)?;
        map.serialize_entry("message", self.message)?;
        map.serialize_entry("when", &When(self.when))?;
        map.serialize_entry(if self.present { "require" } else { "forbid" }, self.name)?;
        map.end()
    }
}

impl Serialize for Sum {
    /// `{"id", "message", "list", "field", "equals"}`: the items' `field` values of `list`
    /// add up to the option `equals`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(5))?;
        map.serialize_entry("id", self.id)?;
        map.serialize_entry("message", self.message)?;
        map.serialize_entry("list", self.list_name)?;
        map.serialize_entry("field", self.field_name)?;
        map.serialize_entry("equals", self.equals_name)?;
        map.end()
    }
}

impl Serialize for Relation {
    /// `{"id", "message", "product": [a, b], "minimum", "maximum"}` with whole numbers, or
    /// `{"id", "message", "ratio": [a, b], "minimum", "maximum"}` with `"n:d"` strings, as the
    /// spec writes it and the schema's `x-shortapi-relations` carries it (a bound the page does
    /// not state left out).
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("id", self.id)?;
        map.serialize_entry("message", self.message)?;
        let product = self.of == Of::Product;
        map.serialize_entry(if product { "product" } else { "ratio" }, &self.names)?;
        for (key, bound) in [("minimum", self.minimum), ("maximum", self.maximum)] {
            match bound {
                Some(b) if product => map.serialize_entry(key, &b.numerator)?,
                Some(b) => map.serialize_entry(key, &b.to_string())?,
                None => {}
            }
        }
        map.end()
    }
}

impl Serialize for Total {
    /// `{"id", "message", "count": [list names], "minimum", "maximum"}`, as the schema's
    /// `x-shortapi-totals` writes it (`minimum` 0 left out, as a missing `maximum` is).
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("id", self.id)?;
        map.serialize_entry("message", self.message)?;
        map.serialize_entry("count", self.names)?;
        if self.minimum > 0 {
            map.serialize_entry("minimum", &self.minimum)?;
        }
        if let Some(max) = self.maximum {
            map.serialize_entry("maximum", &max)?;
        }
        map.end()
    }
}

impl Serialize for Limit {
    /// `{"id", "message", "when", "field", …}` and what it allows: a list's `min_items` (0 left
    /// out) and `max_items` (if bounded), or a choice's `values`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("id", self.id)?;
        map.serialize_entry("message", self.message)?;
        map.serialize_entry("when", &When(self.when))?;
        map.serialize_entry("field", self.name)?;
        match self.narrow {
            Narrow::Items {
                min_items,
                max_items,
            } => {
                if min_items > 0 {
                    map.serialize_entry("min_items", &min_items)?;
                }
                if let Some(max) = max_items {
                    map.serialize_entry("max_items", &max)?;
                }
            }
            Narrow::Values { values, .. } => map.serialize_entry("values", values)?,
        }
        map.end()
    }
}

/// A `when` as `{option: test, …}`, as the spec files write it: a value, a list of values (one
/// of them), or `{"minimum", "maximum"}`, `{"given"}`, `{"min_items", "max_items"}`.
struct When(&'static [Condition]);

impl Serialize for When {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|c| (c.name, TestView(c.test))))
    }
}

/// One condition's test, as [`When`] writes it.
struct TestView(Test);

impl Serialize for TestView {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Test::Is { value, .. } => value.serialize(serializer),
            Test::OneOf { values, .. } => values.serialize(serializer),
            Test::Range { minimum, maximum } => {
                let mut map = serializer.serialize_map(Some(2))?;
                map.serialize_entry("minimum", &minimum)?;
                map.serialize_entry("maximum", &maximum)?;
                map.end()
            }
            Test::Given(given) => {
                let mut map = serializer.serialize_map(Some(1))?;
                map.serialize_entry("given", &given)?;
                map.end()
            }
            Test::Items {
                min_items,
                max_items,
            } => {
                let mut map = serializer.serialize_map(None)?;
                map.serialize_entry("min_items", &min_items)?;
                if let Some(max) = max_items {
                    map.serialize_entry("max_items", &max)?;
                }
                map.end()
            }
        }
    }
}

/// A model's [`Pricing`](super::Pricing) with its option names and values spelt out.
struct PricingView<'a>(&'a ModelSpec);

impl Serialize for PricingView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let spec = self.0;
        let pricing = spec.pricing;
        let names: Vec<&str> = pricing
            .dimensions
            .iter()
            .map(|&i| spec.options[i].name)
            .collect();
        let mut map = serializer.serialize_map(None)?;
        match (pricing.per, pricing.cells) {
            (
                None,
                [Cell {
                    values: [],
                    price: CellPrice::Unpriced(reason),
                }],
            ) => {
                map.serialize_entry("form", "unpriced")?;
                map.serialize_entry("reason", reason)?;
            }
            (Some(per), _) => {
                map.serialize_entry("form", "per_unit")?;
                map.serialize_entry("dimensions", &names)?;
                map.serialize_entry("per", &spec.per_names())?;
                map.serialize_entry("unit", per.unit)?;
                map.serialize_entry("quantities", pricing.quantities)?;
                map.serialize_entry("rates", &CellsView { spec, key: "rate" })?;
            }
            (None, _) => {
                map.serialize_entry("form", "cells")?;
                map.serialize_entry("dimensions", &names)?;
                map.serialize_entry("cells", &CellsView { spec, key: "price" })?;
            }
        }
        map.end()
    }
}

/// Every documented cell of a model, each as `{…dimension values, key: amount}`.
struct CellsView<'a> {
    spec: &'a ModelSpec,
    key: &'static str,
}

impl Serialize for CellsView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct CellView<'a>(&'a CellsView<'a>, &'a Cell);
        impl Serialize for CellView<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let spec = self.0.spec;
                let mut map = serializer.serialize_map(None)?;
                for (&option, &value) in spec.pricing.dimensions.iter().zip(self.1.values) {
                    let o = &spec.options[option];
                    if let Some(v) = o.wire(value as i64) {
                        map.serialize_entry(o.name, &v)?;
                    }
                }
                match self.1.price {
                    CellPrice::Amount(amount) => {
                        map.serialize_entry(self.0.key, &AsString(amount))?
                    }
                    CellPrice::Unpriced(reason) => map.serialize_entry("unpriced", reason)?,
                }
                map.end()
            }
        }
        let cells = self.spec.pricing.cells;
        let mut seq = serializer.serialize_seq(Some(cells.len()))?;
        for cell in cells {
            seq.serialize_element(&CellView(self, cell))?;
        }
        seq.end()
    }
}

impl Serialize for Quantity {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(5))?;
        map.serialize_entry("name", self.name)?;
        map.serialize_entry("unit", self.unit)?;
        map.serialize_entry("description", self.description)?;
        map.serialize_entry("minimum", &AsString(self.minimum))?;
        map.serialize_entry("maximum", &self.maximum.map(AsString))?;
        map.end()
    }
}
