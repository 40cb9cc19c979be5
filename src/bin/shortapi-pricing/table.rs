//! `table`: every priced combination of every model, as CSV (for a warehouse) or JSON.
//!
//! The CSV has one column per option that any model's price depends on; a cell is empty where
//! that model's price does not depend on the option (the model lacks it, or every value of it
//! costs the same), so a join treats an empty cell as "any value". The amount is written twice:
//! `amount`, the exact decimal as the page writes it (`0.340`), and `amount_micros`, the same
//! amount in millionths of the currency unit as a whole number (`340000`), which a warehouse
//! that reads `amount` as a float (DuckDB's CSV sniffer does) still sums exactly.

use std::io::Write;

use serde::ser::SerializeSeq;
use serde::Serialize;
use shortapi_pricing::spec::WireValue;
use shortapi_pricing::{Decimal, Model, Quote};

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

/// The header: `model`, the priced options, `amount`, `amount_micros`, `currency`.
fn header() -> Vec<&'static str> {
    let mut columns = vec!["model"];
    columns.extend(priced_columns());
    columns.extend(["amount", "amount_micros", "currency"]);
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
        WireValue::Int(n) => n.to_string(),
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

/// Every model's price table, in [`Model::ALL`] order.
fn rows() -> impl Iterator<Item = Quote> {
    Model::ALL.into_iter().flat_map(Model::price_table)
}

/// One header line, then one line per priced combination of every model.
pub fn write_csv(out: &mut impl Write) -> Result<(), Failure> {
    let columns = priced_columns();
    writeln!(out, "{}", header().join(","))?;
    for quote in rows() {
        let (selection, amount) = (quote.selection(), quote.amount());
        let model = selection.model();
        csv_field(out, model.id())?;
        for name in &columns {
            out.write_all(b",")?;
            if is_priced(model, name) {
                if let Some(value) = selection.get(name) {
                    csv_field(out, &wire_text(value))?;
                }
            }
        }
        write!(out, ",{amount},{},", micros(model, amount)?)?;
        csv_field(out, selection.spec().currency)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

struct Table;

impl Serialize for Table {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(None)?;
        for quote in rows() {
            seq.serialize_element(&quote.table_row())?;
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
