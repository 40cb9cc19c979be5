//! `models`: every model the crate knows, with its options (type, default, values or range),
//! rules and price form, read from the specs at run time.

use std::io::Write;

use pixverse_pricing::spec::{ModelSpec, OptionKind, OptionSpec, Pricing, Rule};
use pixverse_pricing::Model;
use serde::ser::{SerializeMap, SerializeSeq};
use serde::Serialize;

use crate::flags::{describe_kind, long_name};
use crate::Failure;

struct Specs;

impl Serialize for Specs {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(Model::ALL.iter().map(|m| SpecView(m.spec())))
    }
}

/// `{"id", "name", "category", "currency", "create_endpoint", "query_endpoint", "source",
/// "options", "rules", "pricing"}`.
struct SpecView(&'static ModelSpec);

impl Serialize for SpecView {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let spec = self.0;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("id", spec.id)?;
        map.serialize_entry("name", spec.name)?;
        map.serialize_entry("category", spec.category)?;
        map.serialize_entry("currency", spec.currency)?;
        map.serialize_entry("create_endpoint", spec.create_endpoint)?;
        map.serialize_entry("query_endpoint", spec.query_endpoint)?;
        map.serialize_entry("source", spec.source)?;
        map.serialize_entry("options", &Seq(spec.options.iter().map(OptionView)))?;
        map.serialize_entry("rules", &Seq(spec.rules.iter().map(RuleView)))?;
        map.serialize_entry("pricing", &PricingView(spec))?;
        map.end()
    }
}

/// A sequence of views made on the fly.
struct Seq<I>(I);

impl<I: Iterator<Item = T> + Clone, T: Serialize> Serialize for Seq<I> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.clone())
    }
}

/// `{"name", "type", "description", "flag", …}`: `required` for text; `values`, `default` and
/// `units` (if the spec gives them) for an enum; `default` for a bool; `minimum`, `maximum`,
/// `default` for an integer.
struct OptionView(&'static OptionSpec);

impl Serialize for OptionView {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let o = self.0;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("name", o.name)?;
        let kind = match o.kind {
            OptionKind::Text { .. } => "string",
            OptionKind::Enum { .. } => "enum",
            OptionKind::Bool { .. } => "bool",
            OptionKind::Integer { .. } => "integer",
        };
        map.serialize_entry("type", kind)?;
        map.serialize_entry("description", o.description)?;
        map.serialize_entry("flag", &format!("--{}", long_name(o.name)))?;
        match o.kind {
            OptionKind::Text { required, .. } => map.serialize_entry("required", &required)?,
            OptionKind::Enum {
                values,
                default,
                units,
            } => {
                map.serialize_entry("values", values)?;
                map.serialize_entry("default", values[default])?;
                if !units.is_empty() {
                    map.serialize_entry("units", units)?;
                }
            }
            OptionKind::Bool { default } => map.serialize_entry("default", &default)?,
            OptionKind::Integer {
                minimum,
                maximum,
                default,
            } => {
                map.serialize_entry("minimum", &minimum)?;
                map.serialize_entry("maximum", &maximum)?;
                map.serialize_entry("default", &default)?;
            }
        }
        map.end()
    }
}

/// `{"id", "message", "when": {option: value, …}}`.
struct RuleView(&'static Rule);

impl Serialize for RuleView {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct When(&'static Rule);
        impl Serialize for When {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut map = serializer.serialize_map(Some(self.0.when.len()))?;
                for c in self.0.when {
                    map.serialize_entry(c.name, &c.value)?;
                }
                map.end()
            }
        }
        let mut map = serializer.serialize_map(Some(3))?;
        map.serialize_entry("id", self.0.id)?;
        map.serialize_entry("message", self.0.message)?;
        map.serialize_entry("when", &When(self.0))?;
        map.end()
    }
}

/// `{"form": "cells", "dimensions", "cells": [{…values, "price"}]}` or `{"form": "per_unit",
/// "dimensions", "per", "unit", "rates": [{…values, "rate"}]}`; amounts as decimal strings.
struct PricingView(&'static ModelSpec);

impl Serialize for PricingView {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let spec = self.0;
        let Pricing {
            dimensions,
            per,
            cells,
        } = spec.pricing;
        let names: Vec<&str> = dimensions.iter().map(|&i| spec.options[i].name).collect();
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("form", if per.is_some() { "per_unit" } else { "cells" })?;
        map.serialize_entry("dimensions", &names)?;
        if let Some(per) = per {
            map.serialize_entry("per", spec.options[per.option].name)?;
            map.serialize_entry("unit", per.unit)?;
        }
        let amount_key = if per.is_some() { "rate" } else { "price" };
        let cells = CellsView {
            spec,
            cells,
            amount_key,
        };
        map.serialize_entry(if per.is_some() { "rates" } else { "cells" }, &cells)?;
        map.end()
    }
}

struct CellsView {
    spec: &'static ModelSpec,
    cells: &'static [pixverse_pricing::spec::Cell],
    amount_key: &'static str,
}

impl Serialize for CellsView {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct CellView<'a>(&'a CellsView, &'static pixverse_pricing::spec::Cell);
        impl Serialize for CellView<'_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let spec = self.0.spec;
                let mut map = serializer.serialize_map(None)?;
                for (&option, &value) in spec.pricing.dimensions.iter().zip(self.1.values) {
                    let o = &spec.options[option];
                    if let Some(v) = o.wire(value as i64) {
                        map.serialize_entry(o.name, &v)?;
                    }
                }
                map.serialize_entry(self.0.amount_key, &self.1.amount.to_string())?;
                map.end()
            }
        }
        let mut seq = serializer.serialize_seq(Some(self.cells.len()))?;
        for cell in self.cells {
            seq.serialize_element(&CellView(self, cell))?;
        }
        seq.end()
    }
}

/// Every model as a JSON array.
pub fn write_json(out: &mut impl Write) -> Result<(), Failure> {
    serde_json::to_writer_pretty(&mut *out, &Specs).map_err(|e| Failure::Output(e.into()))?;
    writeln!(out)?;
    Ok(())
}

/// Every model for people: its options, rules and price form.
pub fn write_text(out: &mut impl Write) -> Result<(), Failure> {
    for (i, model) in Model::ALL.iter().enumerate() {
        let spec = model.spec();
        if i > 0 {
            writeln!(out)?;
        }
        writeln!(
            out,
            "{}  {} ({}, prices in {})",
            spec.id, spec.name, spec.category, spec.currency
        )?;
        writeln!(out, "  options:")?;
        let width = spec.options.iter().map(|o| o.name.len()).max().unwrap_or(0);
        for o in spec.options {
            let kind = match o.kind {
                OptionKind::Text { .. } => "string",
                OptionKind::Enum { .. } => "enum",
                OptionKind::Bool { .. } => "bool",
                OptionKind::Integer { .. } => "integer",
            };
            writeln!(
                out,
                "    {:width$}  {kind}: {}",
                o.name,
                describe_kind(&o.kind)
            )?;
        }
        if spec.rules.is_empty() {
            writeln!(out, "  rules: none")?;
        } else {
            writeln!(out, "  rules:")?;
            for rule in spec.rules {
                writeln!(out, "    {}: {rule}", rule.id)?;
            }
        }
        let dims: Vec<&str> = spec
            .pricing
            .dimensions
            .iter()
            .map(|&d| spec.options[d].name)
            .collect();
        match spec.pricing.per {
            Some(per) => writeln!(
                out,
                "  price: a rate per {} of {}, by {} ({} rates)",
                per.unit,
                spec.options[per.option].name,
                dims.join(" × "),
                spec.pricing.cells.len()
            )?,
            None => writeln!(
                out,
                "  price: a table of {} cells by {}",
                spec.pricing.cells.len(),
                dims.join(" × ")
            )?,
        }
    }
    Ok(())
}
