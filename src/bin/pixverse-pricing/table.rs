//! `table`: every priced cell of the spec, as CSV (for a warehouse) or JSON.

use std::io::{self, Write};

use pixverse_pricing::spec::WireValue;
use pixverse_pricing::{Decimal, Options, CURRENCY, MODEL_ID, PRICE_DIMENSIONS};
use serde::ser::{SerializeMap, SerializeSeq};
use serde::Serialize;

/// The columns: the model, each price dimension, the amount and its currency.
fn header() -> Vec<&'static str> {
    let mut columns = vec!["model"];
    columns.extend(PRICE_DIMENSIONS);
    columns.extend(["amount", "currency"]);
    columns
}

/// A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

fn wire_text(value: WireValue<'_>) -> String {
    match value {
        WireValue::Str(s) => s.to_owned(),
        WireValue::Bool(b) => b.to_string(),
    }
}

/// One header line, then one line per cell; the amount is the exact decimal (`0.340`).
pub fn write_csv(out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "{}", header().join(","))?;
    for (options, amount) in Options::price_table() {
        let mut fields = vec![csv_field(MODEL_ID)];
        for dim in PRICE_DIMENSIONS {
            fields.push(csv_field(
                &options.get(dim).map(wire_text).unwrap_or_default(),
            ));
        }
        fields.push(amount.to_string());
        fields.push(CURRENCY.to_owned());
        writeln!(out, "{}", fields.join(","))?;
    }
    Ok(())
}

struct Row {
    options: Options,
    amount: Decimal,
}

impl Serialize for Row {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("model", MODEL_ID)?;
        for dim in PRICE_DIMENSIONS {
            if let Some(value) = self.options.get(dim) {
                map.serialize_entry(dim, &value)?;
            }
        }
        map.serialize_entry("amount", &self.amount.to_string())?;
        map.serialize_entry("currency", CURRENCY)?;
        map.end()
    }
}

struct Table;

impl Serialize for Table {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(None)?;
        for (options, amount) in Options::price_table() {
            seq.serialize_element(&Row { options, amount })?;
        }
        seq.end()
    }
}

/// A JSON array of rows with the same columns as the CSV; amounts as decimal strings.
pub fn write_json(out: &mut impl Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &Table)?;
    writeln!(out)
}
