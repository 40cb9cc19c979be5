//! `models`: every model the crate knows, with its options (type, default, values or range),
//! rules and price form, read from the specs at run time. The JSON is the library's own
//! serialization of [`ModelSpec`].

use std::io::Write;

use shortapi_pricing::spec::ModelSpec;
use shortapi_pricing::Model;

use crate::flags::describe_kind;
use crate::Failure;

/// Every model as a JSON array.
pub fn write_json(out: &mut impl Write) -> Result<(), Failure> {
    let specs: Vec<&ModelSpec> = Model::ALL.iter().map(|m| m.spec()).collect();
    serde_json::to_writer_pretty(&mut *out, &specs).map_err(|e| Failure::Output(e.into()))?;
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
            let kind = o.kind.name();
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
