//! `models`: every model the crate knows, with its options (type, default, values or range),
//! rules and price form, read from the specs at run time. The JSON is the library's own
//! serialization of [`ModelSpec`].

use std::io::Write;

use shortapi_pricing::spec::{CellPrice, Condition, Fraction, ModelSpec, Of};
use shortapi_pricing::Model;

use crate::flags::describe;
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
            writeln!(out, "    {:width$}  {kind}: {}", o.name, describe(o))?;
        }
        if spec.rules.is_empty() {
            writeln!(out, "  rules: none")?;
        } else {
            writeln!(out, "  rules:")?;
            for rule in spec.rules {
                writeln!(out, "    {}: {rule}", rule.id)?;
            }
        }
        // Conditional requirements, one a line: `requires: voice_id when generate_audio =
        // true` (`forbids:` for an exclusion).
        for r in spec.requirements {
            let verb = if r.present { "requires" } else { "forbids" };
            writeln!(out, "  {verb}: {} when {}", r.name, conditions(r.when))?;
        }
        // Limits across lists, one a line: `total: image_urls + video_urls at most 5`.
        for t in spec.totals {
            writeln!(
                out,
                "  total: {} {} ({})",
                t.names.join(" + "),
                t.allowed(),
                t.id
            )?;
        }
        // Sums over a list's items, one a line: `sum: multi_prompt's duration = duration
        // (shots_add_up_to_duration)`.
        for x in spec.sums {
            writeln!(
                out,
                "  sum: {}'s {} = {} ({})",
                x.list_name, x.field_name, x.equals_name, x.id
            )?;
        }
        // Products and ratios, one a line: `relation: width × height from 1638400 to 2073600
        // (pixels_in_range)`, `relation: width : height from 1:4 to 4:1 (aspect_ratio)`.
        for x in spec.relations {
            let [a, b] = x.names;
            let (of, show): (String, fn(Fraction) -> String) = match x.of {
                Of::Product => (format!("{a} × {b}"), |f| f.numerator.to_string()),
                Of::Ratio => (format!("{a} : {b}"), |f| f.to_string()),
            };
            let range = match (x.minimum, x.maximum) {
                (Some(lo), Some(hi)) => format!("from {} to {}", show(lo), show(hi)),
                (Some(lo), None) => format!("at least {}", show(lo)),
                (None, Some(hi)) => format!("at most {}", show(hi)),
                (None, None) => "any".to_owned(),
            };
            writeln!(out, "  relation: {of} {range} ({})", x.id)?;
        }
        // Narrower limits under conditions, one a line: `limit: image_urls 1 to 2 items when
        // is_first_last_frame = true (first_last_frame_images)`, `limit: duration "5", "10"
        // when …`.
        for l in spec.limits {
            writeln!(
                out,
                "  limit: {} {} when {} ({})",
                l.name,
                l.narrow,
                conditions(l.when),
                l.id
            )?;
        }
        let dims: Vec<&str> = spec
            .pricing
            .dimensions
            .iter()
            .map(|&d| spec.options[d].name)
            .collect();
        let by = if dims.is_empty() {
            String::new()
        } else {
            format!(", by {}", dims.join(" × "))
        };
        match spec.pricing.per {
            _ if spec.pricing.is_unpriced() => {
                let reason = match spec.pricing.cells {
                    [cell] => match cell.price {
                        CellPrice::Unpriced(reason) => reason,
                        CellPrice::Amount(_) => "",
                    },
                    _ => "no cell has a price",
                };
                writeln!(out, "  price: unpriced: {reason}")?;
            }
            Some(per) => {
                let terms = spec.per_names();
                writeln!(
                    out,
                    "  price: a rate per {} of {}{by} ({} rates)",
                    per.unit,
                    terms.join(" + "),
                    spec.pricing.cells.len()
                )?;
            }
            None => writeln!(
                out,
                "  price: a table of {} cells{by}",
                spec.pricing.cells.len(),
            )?,
        }
        for q in spec.pricing.quantities {
            let range = match q.maximum {
                Some(max) => format!("{} to {max}", q.minimum),
                None => format!("at least {}", q.minimum),
            };
            writeln!(
                out,
                "  measured: {}: {} ({}s, {range}); give it with --usage {}=NUMBER",
                q.name, q.description, q.unit, q.name
            )?;
        }
        for cell in spec.pricing.cells {
            if let (CellPrice::Unpriced(reason), false) = (cell.price, cell.values.is_empty()) {
                let values: Vec<String> = spec
                    .pricing
                    .dimensions
                    .iter()
                    .zip(cell.values)
                    .filter_map(|(&d, &v)| {
                        let o = &spec.options[d];
                        o.wire(v as i64).map(|w| format!("{} = {w}", o.name))
                    })
                    .collect();
                writeln!(out, "  unpriced where {}: {reason}", values.join(", "))?;
            }
        }
        if let Some(cut) = spec.cut_after {
            writeln!(
                out,
                "  page: its stored copy ends after `{cut}`: a field it does not document passes"
            )?;
        }
    }
    Ok(())
}

/// `generate_audio = true, images has 1 item`: the conditions of a requirement or a limit.
fn conditions(when: &[Condition]) -> String {
    let when: Vec<String> = when.iter().map(ToString::to_string).collect();
    when.join(", ")
}
