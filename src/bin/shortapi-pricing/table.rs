//! `table`: every priced combination of every model, as CSV (for a warehouse) or JSON.
//!
//! The CSV has one column per option that any model's price depends on; a cell is empty where
//! that model's price does not depend on the option (the model lacks it, or every value of it
//! costs the same), so a join treats an empty cell as "any value". The amount is written twice:
//! `amount`, the exact decimal as the page writes it (`0.340`), and `amount_micros`, the same
//! amount in millionths of the currency unit as a whole number (`340000`), which a warehouse
//! that reads `amount` as a float (DuckDB's CSV sniffer does) still sums exactly.
//!
//! A price per measured quantity is a rate row: no amount, but `rate` (and `rate_micros`),
//! `unit` and `per`, the names whose sum the rate multiplies (`input_video_seconds+duration`:
//! measured quantities and the request's own numeric options, whose columns are then empty), so
//! a warehouse multiplies by the measured quantity and gets the exact total. A price the page
//! does not give is a row with no amount and its reason in `unpriced`.

use std::io::Write;

use serde::ser::SerializeSeq;
use serde::Serialize;
use shortapi_pricing::spec::WireValue;
use shortapi_pricing::{Decimal, Model, TableRow};

use crate::Failure;

/// The decimal places of `amount_micros`.
const MICROS_SCALE: u32 = 6;

/// Every option any model's price depends on, in order of first appearance (models in
/// [`Model::ALL`] order, each model's price dimensions, then its per-unit option).
pub fn priced_columns() -> Vec<&'static str> {
    let mut columns: Vec<&'static str> = Vec::new();
    for model in Model::ALL {
        for option in model.spec().priced_options() {
            if !columns.contains(&option.name) {
                columns.push(option.name);
            }
        }
    }
    columns
}

/// Whether `model`'s price depends on the option `name`.
fn is_priced(model: Model, name: &str) -> bool {
    model.spec().priced_options().any(|o| o.name == name)
}

/// The header: `model`, the priced options, `amount`, `amount_micros`, `currency`, then for a
/// rate per measured quantity `rate`, `rate_micros`, `unit`, `per`, and for a price the page
/// does not give `unpriced`.
fn header() -> Vec<&'static str> {
    let mut columns = vec!["model"];
    columns.extend(priced_columns());
    columns.extend([
        "amount",
        "amount_micros",
        "currency",
        "rate",
        "rate_micros",
        "unit",
        "per",
        "unpriced",
    ]);
    columns
}

/// A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
fn csv_field(out: &mut impl Write, s: &str) -> std::io::Result<()> {
    if s.contains([',', '"', '\n', '\r']) {
        write!(out, "\"{}\"", s.replace('"', "\"\""))
    } else {
        out.write_all(s.as_bytes())
    }
}

fn wire_text(value: WireValue<'_>) -> String {
    match value {
        WireValue::Str(s) => s.to_owned(),
        WireValue::Bool(b) => b.to_string(),
        WireValue::Int(n) | WireValue::IntString(n) => n.to_string(),
    }
}

/// `amount` in millionths, exactly, or a usage error if it has more decimal places.
fn micros(model: Model, amount: Decimal) -> Result<i128, Failure> {
    let scale = amount.scale();
    if scale > MICROS_SCALE {
        let digits = amount.normalize();
        if digits.scale() > MICROS_SCALE {
            return Err(Failure::Input(format!(
                "the price {amount} of {} has more than {MICROS_SCALE} decimal places, so amount_micros cannot hold it exactly",
                model.id()
            )));
        }
        return micros(model, digits);
    }
    Ok(amount.mantissa() * 10i128.pow(MICROS_SCALE - scale))
}

/// Every model's price table, in [`Model::ALL`] order: each combination no rule forbids.
fn rows() -> Vec<Result<shortapi_pricing::Quote, shortapi_pricing::QuoteError>> {
    Model::ALL
        .into_iter()
        .flat_map(Model::price_table)
        .collect()
}

/// One header line, then one line per combination of every model that no rule forbids.
pub fn write_csv(out: &mut impl Write) -> Result<(), Failure> {
    let columns = priced_columns();
    writeln!(out, "{}", header().join(","))?;
    let rows = rows();
    for row in rows.iter().filter_map(TableRow::of) {
        let selection = row.selection();
        let model = selection.model();
        let rate = matches!(row, TableRow::Rate(_));
        csv_field(out, model.id())?;
        for name in &columns {
            out.write_all(b",")?;
            if is_priced(model, name) && !(rate && model.spec().is_per_option(name)) {
                if let Some(value) = selection.get(name) {
                    csv_field(out, &wire_text(value))?;
                }
            }
        }
        match row {
            TableRow::Amount(q) => write!(out, ",{},{},", q.amount(), micros(model, q.amount())?)?,
            _ => out.write_all(b",,,")?,
        }
        csv_field(out, selection.spec().currency)?;
        match row {
            TableRow::Rate(e) => {
                let per = e.selection().spec().per_names();
                write!(out, ",{},{},", e.rate(), micros(model, e.rate())?)?;
                csv_field(out, e.unit())?;
                out.write_all(b",")?;
                csv_field(out, &per.join("+"))?;
                out.write_all(b",")?;
            }
            TableRow::Unpriced(u) => {
                out.write_all(b",,,,,")?;
                csv_field(out, u.reason())?;
            }
            TableRow::Amount(_) => out.write_all(b",,,,,")?,
        }
        out.write_all(b"\n")?;
    }
    Ok(())
}

struct Table;

impl Serialize for Table {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(None)?;
        for row in rows().iter().filter_map(TableRow::of) {
            seq.serialize_element(&row)?;
        }
        seq.end()
    }
}

/// A JSON array of rows: the model, the options its price depends on, the amount as a decimal
/// string and the currency.
pub fn write_json(out: &mut impl Write) -> Result<(), Failure> {
    serde_json::to_writer_pretty(&mut *out, &Table).map_err(|e| Failure::Output(e.into()))?;
    writeln!(out)?;
    Ok(())
}
