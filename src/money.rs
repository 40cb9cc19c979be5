//! Money on the wire: a [`Decimal`] is always written as a decimal string (`"0.128"`), and read
//! exactly from a string or a JSON number.
//!
//! Use it with `#[serde(with = "pixverse_pricing::money")]`. It does not go through
//! `rust_decimal`'s own serde support, so no feature another crate turns on (`serde-float`,
//! `serde-arbitrary-precision`) changes what this crate writes or reads.
//!
//! Reading keeps the exact digits of a JSON number (`{"amount": 0.02}`) by taking the number's
//! raw text from `serde_json` instead of an `f64`; it therefore needs a `serde_json`
//! deserializer (from text, bytes, a reader, or a `serde_json::Value`).

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serializer};
use serde_json::value::RawValue;

/// Writes `amount` as a decimal string, keeping its scale: `"0.340"`.
pub fn serialize<S: Serializer>(amount: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(amount)
}

/// A [`Decimal`] that serializes as a decimal string, for hand-written `Serialize` impls.
pub(crate) struct AsString(pub Decimal);

impl serde::Serialize for AsString {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize(&self.0, serializer)
    }
}

/// Reads a decimal string (`"0.02"`) or a JSON number (`0.02`, `2e-2`) exactly.
pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
    let raw = Box::<RawValue>::deserialize(deserializer)?;
    parse_json(raw.get()).map_err(serde::de::Error::custom)
}

/// Parses the JSON text of a money value: a string holding a plain decimal, or a number.
fn parse_json(raw: &str) -> Result<Decimal, String> {
    let raw = raw.trim();
    if raw.starts_with('"') {
        let s: String =
            serde_json::from_str(raw).map_err(|e| format!("invalid money string: {e}"))?;
        parse_decimal(&s, false).ok_or_else(|| {
            format!("money must be a plain decimal string such as \"0.128\", got {s:?}")
        })
    } else {
        parse_decimal(raw, true).ok_or_else(|| {
            format!("money must be a decimal string such as \"0.128\" or a JSON number, got {raw}")
        })
    }
}

/// Parses `-?digits(.digits)?`, and with `exponent` an optional `e±digits`, without rounding.
/// Returns `None` for anything else or a value a `Decimal` cannot hold exactly.
pub fn parse_decimal(s: &str, exponent: bool) -> Option<Decimal> {
    let (mantissa, exp) = match s.find(['e', 'E']) {
        Some(i) if exponent => (&s[..i], Some(&s[i + 1..])),
        Some(_) => return None,
        None => (s, None),
    };
    let unsigned = mantissa.strip_prefix('-').unwrap_or(mantissa);
    let (int, frac) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) || (unsigned.contains('.') && !digits(frac)) {
        return None;
    }
    // More than 28 decimals is exact only when the extra ones are trailing zeros: drop them.
    let trimmed;
    let mantissa = if frac.len() > 28 {
        let sign = if mantissa.starts_with('-') { "-" } else { "" };
        trimmed = format!("{sign}{int}.{}", frac.trim_end_matches('0'));
        trimmed.trim_end_matches('.')
    } else {
        mantissa
    };
    let value = Decimal::from_str_exact(mantissa).ok()?;
    match exp {
        None => Some(value),
        Some(e) => {
            let e_digits = e.strip_prefix(['+', '-']).unwrap_or(e);
            if !digits(e_digits) {
                return None;
            }
            let e: i64 = e.parse().ok()?;
            scale_exact(value, e)
        }
    }
}

/// `value × 10^exp`, or `None` if that cannot be held exactly.
fn scale_exact(value: Decimal, exp: i64) -> Option<Decimal> {
    // Zero is zero at any exponent (`0e-4444444444444`), and costs nothing to say so.
    if value.is_zero() {
        return Some(Decimal::ZERO);
    }
    let mut mantissa = value.mantissa();
    let mut scale = i64::from(value.scale()).checked_sub(exp)?;
    // Too many decimals: exact only if trailing zeros can be dropped; at most 29 can be, as a
    // Decimal's mantissa has at most 29 digits, so this loop is short whatever the exponent.
    while scale > 28 {
        if mantissa % 10 != 0 {
            return None;
        }
        mantissa /= 10;
        scale -= 1;
    }
    // A negative scale multiplies the mantissa up (5e3 → 5000): more than 28 places overflows.
    while scale < 0 {
        if scale < -29 {
            return None;
        }
        mantissa = mantissa.checked_mul(10)?;
        scale += 1;
    }
    Decimal::try_from_i128_with_scale(mantissa, u32::try_from(scale).ok()?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    #[test]
    fn reads_strings_and_numbers_exactly() {
        assert_eq!(parse_json("\"0.02\"").unwrap(), d("0.02"));
        assert_eq!(parse_json("0.02").unwrap(), d("0.02"));
        assert_eq!(parse_json("0.1").unwrap().to_string(), "0.1");
        assert_eq!(parse_json("2e-2").unwrap(), d("0.02"));
        assert_eq!(parse_json("5E3").unwrap(), d("5000"));
        assert_eq!(parse_json("-0.5").unwrap(), d("-0.5"));
        assert_eq!(
            parse_json("0.10000000000000000000000000000").unwrap(),
            d("0.1")
        );
    }

    #[test]
    fn refuses_what_is_not_a_plain_decimal() {
        for bad in [
            "\"1_000\"",
            "\"0.1e1\"",
            "\"\"",
            "\" 1\"",
            "\"+1\"",
            "\"1.\"",
            "\".5\"",
            "true",
            "null",
            "\"NaN\"",
        ] {
            assert!(parse_json(bad).is_err(), "{bad} was accepted");
        }
        // 30 significant decimals cannot be held exactly.
        assert!(parse_json("0.123456789012345678901234567891").is_err());
    }

    /// Found by the `responses` fuzz target: huge exponents must be answered at once, without
    /// allocating or looping in proportion to them.
    #[test]
    fn huge_exponents_are_cheap() {
        assert_eq!(parse_json("0e-4444444444444").unwrap(), Decimal::ZERO);
        assert_eq!(parse_json("0E999999999999999").unwrap(), Decimal::ZERO);
        assert!(parse_json("1e-4444444444444").is_err());
        assert!(parse_json("5e999999999999999").is_err());
        assert!(parse_json("1e99999999999999999999").is_err());
        assert_eq!(parse_json("1000e-3").unwrap(), d("1.000"));
        assert_eq!(
            parse_json("1.5e28").unwrap(),
            d("15000000000000000000000000000")
        );
        assert!(parse_json("1e29").is_err());
        assert_eq!(
            parse_json("100e-30").unwrap(),
            d("0.0000000000000000000000000001")
        );
    }
}
