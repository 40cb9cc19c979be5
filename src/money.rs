//! Money on the wire: a [`Decimal`] is always written as a decimal string (`"0.128"`), and read
//! exactly from a string or a JSON number.
//!
//! Use it with `#[serde(with = "shortapi_pricing::money")]`. It does not go through
//! `rust_decimal`'s own serde support, so no feature another crate turns on (`serde-float`,
//! `serde-arbitrary-precision`) changes what this crate writes or reads.
//!
//! Reading keeps the exact digits of a JSON number (`{"amount": 0.02}`) by taking the number's
//! raw text from `serde_json` instead of an `f64`; it therefore needs a `serde_json`
//! deserializer. Read from text, bytes or a reader to keep every digit: a `serde_json::Value`
//! has already made a fractional number an `f64`, so through one only numbers of up to 15
//! significant digits come back exactly.

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
pub(crate) fn parse_json(raw: &str) -> Result<Decimal, String> {
    let raw = raw.trim();
    if raw.starts_with('"') {
        let s: String =
            serde_json::from_str(raw).map_err(|e| format!("invalid money string: {e}"))?;
        parse_decimal(&s, false).ok_or_else(|| {
            format!(
                "money must be a plain decimal string such as \"0.128\" that a Decimal holds exactly, got {:?}",
                crate::check::short(&s)
            )
        })
    } else {
        parse_decimal(raw, true).ok_or_else(|| {
            format!(
                "money must be a decimal string such as \"0.128\" or a JSON number that a Decimal holds exactly, got {}",
                crate::check::short(raw)
            )
        })
    }
}

/// `a + b` exactly: `None` if the sum overflows or a `Decimal` would have to round it (which it
/// does, silently, when the sum needs more than 28 to 29 significant digits).
pub fn exact_add(a: Decimal, b: Decimal) -> Option<Decimal> {
    let mut sum = a.checked_add(b)?;
    // `0 − 0` is zero, not `-0`.
    if sum.is_zero() {
        sum.set_sign_positive(true);
    }
    (sum.scale() >= a.scale().max(b.scale())).then_some(sum)
}

/// `a − b` exactly; see [`exact_add`].
pub fn exact_sub(a: Decimal, b: Decimal) -> Option<Decimal> {
    exact_add(a, -b)
}

/// `a × b` exactly: `None` if the product needs more than the 96 bits or 28 decimals of a
/// `Decimal` (where `Decimal`'s own `checked_mul` would round it).
pub fn exact_mul(a: Decimal, b: Decimal) -> Option<Decimal> {
    let m = a
        .mantissa()
        .unsigned_abs()
        .checked_mul(b.mantissa().unsigned_abs())?;
    let scale = a.scale() + b.scale();
    if m >= 1 << 96 || scale > 28 {
        return None;
    }
    let negative = a.is_sign_negative() != b.is_sign_negative() && m != 0;
    Some(Decimal::from_parts(
        m as u32,
        (m >> 32) as u32,
        (m >> 64) as u32,
        negative,
        scale,
    ))
}

/// `10^n` for every scale a `Decimal` has.
const POW10: [u128; 29] = {
    let mut table = [1u128; 29];
    let mut i = 1;
    while i < 29 {
        table[i] = table[i - 1] * 10;
        i += 1;
    }
    table
};

/// A sum of exact, non-negative units (seconds, images) as an integer mantissa at a scale:
/// what a rate per unit multiplies, by integer arithmetic only, so a measured quote costs a
/// few instructions. Each step is `None` when a value is negative or a result would not fit;
/// the caller then takes the general path, which says why.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Units {
    mantissa: u128,
    scale: u32,
}

/// `a × b` if it fits 128 bits: one multiplication when both fit 64 bits, as a measured
/// quantity's and a rate's mantissas do.
#[inline]
fn mul(a: u128, b: u128) -> Option<u128> {
    if (a | b) >> 64 == 0 {
        Some(u128::from(a as u64) * u128::from(b as u64))
    } else {
        a.checked_mul(b)
    }
}

impl Units {
    /// No units.
    pub(crate) const ZERO: Units = Units {
        mantissa: 0,
        scale: 0,
    };

    /// The sum of exact quantities (a job's measured ones), at the finest of their scales, or
    /// `None` if one is negative or the sum does not fit.
    #[inline]
    pub(crate) fn sum<const Q: usize>(quantities: [Decimal; Q]) -> Option<Units> {
        let mut units = match quantities.first() {
            Some(&first) => Units::of(first)?,
            None => Units::ZERO,
        };
        for &q in quantities.iter().skip(1) {
            units = units.plus(q)?;
        }
        Some(units)
    }

    /// `rate × (these units + Σ wholes)` exactly, by integer arithmetic only (a typed measured
    /// quote: its measured units summed when they were made, the options' whole counts here),
    /// or `None` if it does not fit a `Decimal`.
    #[inline]
    pub(crate) fn price<const W: usize>(self, rate: Decimal, wholes: [i64; W]) -> Option<Decimal> {
        let mut units = self;
        for w in wholes {
            units = units.plus_whole(w)?;
        }
        units.times(rate)
    }

    /// An exact value (a measured quantity) as units, at its own scale.
    #[inline]
    pub(crate) fn of(value: Decimal) -> Option<Units> {
        if value.is_sign_negative() && !value.is_zero() {
            return None;
        }
        Some(Units {
            mantissa: value.mantissa().unsigned_abs(),
            scale: value.scale(),
        })
    }

    /// These units plus an exact value (a measured quantity), at the finer of the two scales.
    #[inline]
    pub(crate) fn plus(self, value: Decimal) -> Option<Units> {
        let Units {
            mantissa: m,
            scale: s,
        } = Units::of(value)?;
        let (ours, theirs, scale) = if s >= self.scale {
            (
                self.mantissa
                    .checked_mul(POW10[(s - self.scale) as usize])?,
                m,
                s,
            )
        } else {
            (
                self.mantissa,
                m.checked_mul(POW10[(self.scale - s) as usize])?,
                self.scale,
            )
        };
        Some(Units {
            mantissa: ours.checked_add(theirs)?,
            scale,
        })
    }

    /// These units plus a whole count (an option's units: an integer, an enum value's seconds).
    #[inline]
    pub(crate) fn plus_whole(self, count: i64) -> Option<Units> {
        let count = mul(u128::try_from(count).ok()?, POW10[self.scale as usize])?;
        Some(Units {
            mantissa: self.mantissa.checked_add(count)?,
            scale: self.scale,
        })
    }

    /// `rate × these units`, exactly (the scale is the rate's plus the units'), if it fits a
    /// `Decimal`.
    #[inline]
    pub(crate) fn times(self, rate: Decimal) -> Option<Decimal> {
        if rate.is_sign_negative() {
            return None;
        }
        let product = mul(rate.mantissa() as u128, self.mantissa)?;
        let scale = rate.scale() + self.scale;
        (product < 1 << 96 && scale <= 28).then(|| {
            Decimal::from_parts(
                product as u32,
                (product >> 32) as u32,
                (product >> 64) as u32,
                false,
                scale,
            )
        })
    }
}

/// The most significant digits a `Decimal` holds (its mantissa is below 2^96 ≈ 7.9 × 10^28).
const MAX_DIGITS: usize = 29;
/// The most decimal places a `Decimal` holds.
const MAX_SCALE: i64 = 28;

/// Parses `-?digits(.digits)?`, and with `exponent` an optional `e±digits`, without rounding.
/// Returns `None` for anything else or a value a `Decimal` cannot hold exactly.
///
/// The scale written is kept (`"0.340"` stays three places) unless it is more than a `Decimal`
/// holds, when only as many trailing zeros are dropped as needed. The work is bounded by the
/// length of the text, whatever the exponent.
pub fn parse_decimal(s: &str, exponent: bool) -> Option<Decimal> {
    let (number, exp) = match s.find(['e', 'E']) {
        Some(i) if exponent => (&s[..i], Some(&s[i + 1..])),
        Some(_) => return None,
        None => (s, None),
    };
    let (negative, unsigned) = match number.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, number),
    };
    let (int, frac) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let all_digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(int) || (unsigned.contains('.') && !all_digits(frac)) {
        return None;
    }
    // The exponent, saturated: past ±10^15 no value with fewer digits than that is exact anyway.
    let exp: i64 = match exp {
        None => 0,
        Some(e) => {
            let (sign, digits) = match e.as_bytes().first() {
                Some(b'-') => (-1, &e[1..]),
                Some(b'+') => (1, &e[1..]),
                _ => (1, e),
            };
            if !all_digits(digits) {
                return None;
            }
            let magnitude = digits.trim_start_matches('0');
            let value: i64 = if magnitude.len() > 15 {
                1_000_000_000_000_000
            } else {
                magnitude.parse().unwrap_or(0)
            };
            sign * value
        }
    };
    // The value is digits × 10^-scale, with digits = int followed by frac.
    let digits = format!("{int}{frac}");
    let significant = digits.trim_start_matches('0');
    let mut scale = i64::try_from(frac.len()).ok()? - exp;
    if significant.is_empty() {
        // Zero: keep its scale when a Decimal can.
        let scale = u32::try_from(scale.clamp(0, MAX_SCALE)).ok()?;
        return Some(Decimal::new(0, scale));
    }
    let mut kept = significant;
    // More places than a Decimal holds: drop trailing zeros, and only those.
    while scale > MAX_SCALE {
        kept = kept.strip_suffix('0')?;
        scale -= 1;
    }
    // Too many digits: trailing zeros of the fraction can go, exactly.
    while kept.len() > MAX_DIGITS && scale > 0 {
        kept = kept.strip_suffix('0')?;
        scale -= 1;
    }
    // A negative scale (5e3) appends zeros: 5000.
    let zeros = usize::try_from((-scale).max(0)).ok()?;
    if kept.len() + zeros > MAX_DIGITS {
        return None;
    }
    let mantissa: i128 = format!("{kept}{}", "0".repeat(zeros)).parse().ok()?;
    let mantissa = if negative { -mantissa } else { mantissa };
    Decimal::try_from_i128_with_scale(mantissa, u32::try_from(scale.max(0)).ok()?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    /// `Units::price` as text, or `None`.
    fn price<const Q: usize, const W: usize>(
        rate: &str,
        quantities: [&str; Q],
        wholes: [i64; W],
    ) -> Option<String> {
        Units::sum(quantities.map(d))
            .and_then(|units| units.price(d(rate), wholes))
            .map(|a| a.to_string())
    }

    #[test]
    fn units_multiply_exactly_at_the_finest_scale() {
        // 0.11 × 7.2: the rate's three places plus the quantity's one.
        assert_eq!(price("0.11", ["7.2"], []).as_deref(), Some("0.792"));
        // 0.168 × (7.25 + 5): the whole count moves to the quantity's scale.
        assert_eq!(price("0.168", ["7.25"], [5]).as_deref(), Some("2.05800"));
        // The scales align either way round, every digit kept.
        assert_eq!(price("2", ["1.5", "0.25"], []).as_deref(), Some("3.50"));
        assert_eq!(price("2", ["0.25", "1.5"], []).as_deref(), Some("3.50"));
        assert_eq!(price("0.5", ["3.000"], [2, 1]).as_deref(), Some("3.0000"));
        // Only whole counts, or nothing: the rate's scale.
        assert_eq!(price("0.038", [], [8]).as_deref(), Some("0.304"));
        assert_eq!(price("0.038", [], []).as_deref(), Some("0.000"));
        // Zero, also written negative, is a measure; a negative value or count is not.
        assert_eq!(price("0.14", ["-0"], [15]).as_deref(), Some("2.10"));
        assert_eq!(price("0.14", ["-0.1"], [15]), None);
        assert_eq!(price("0.14", ["1"], [-1]), None);
        assert_eq!(price("-0.14", ["1"], [1]), None);
    }

    #[test]
    fn units_refuse_what_a_decimal_cannot_hold_exactly() {
        // 28 places in the product fit; 29 do not.
        let q25 = "7.2000000000000000000000001";
        assert_eq!(
            price("0.143", [q25], []).as_deref(),
            Some("1.0296000000000000000000000143")
        );
        assert_eq!(price("0.1430", [q25], []), None);
        // A product of 96 bits does not fit; one just below does.
        let max = Decimal::MAX.to_string(); // 2^96 − 1
        assert_eq!(price("1", [max.as_str()], []), Some(max.clone()));
        assert_eq!(price("1", [max.as_str()], [1]), None);
        assert_eq!(price("2", [max.as_str()], []), None);
        // Aligning a large value to a fine scale overflows 128 bits: refused, not wrapped.
        assert_eq!(
            price("1", [max.as_str(), "0.0000000000000000000000000001"], []),
            None
        );
        assert_eq!(
            price("1", ["0.0000000000000000000000000001", max.as_str()], []),
            None
        );
        assert_eq!(
            price("1", ["0.0000000000000000000000000001"], [i64::MAX]),
            None
        );
        // Large but fitting: both factors past 64 bits go through the 128-bit product.
        assert_eq!(
            price("1", ["18446744073709551616"], [1]).as_deref(),
            Some("18446744073709551617")
        );
    }

    #[test]
    fn products_are_exact_or_refused() {
        assert_eq!(exact_mul(d("0.11"), d("7.2")).unwrap().to_string(), "0.792");
        assert_eq!(
            exact_mul(d("0.168"), d("12.2")).unwrap().to_string(),
            "2.0496"
        );
        assert_eq!(exact_mul(d("0.143"), d("10")).unwrap().to_string(), "1.430");
        assert_eq!(exact_mul(d("-0.5"), d("2")).unwrap().to_string(), "-1.0");
        assert!(!exact_mul(d("0"), d("-3")).unwrap().is_sign_negative());
        // Past 28 decimals: refused, where `Decimal::checked_mul` would round.
        let fine = d("0.0000000000000001"); // 16 decimals
        assert_eq!(exact_mul(fine, d("0.0000000000001")), None); // 29
        assert!(fine.checked_mul(d("0.0000000000001")).is_some());
        assert_eq!(
            exact_mul(fine, d("0.000000000001")).unwrap().to_string(), // 28
            "0.0000000000000000000000000001"
        );
        // Past 96 bits: refused; just under: exact.
        assert_eq!(exact_mul(d("79228162514264337593543950335"), d("2")), None);
        assert_eq!(
            exact_mul(d("39614081257132168796771975167"), d("2"))
                .unwrap()
                .to_string(),
            "79228162514264337593543950334"
        );
    }

    #[test]
    fn reads_strings_and_numbers_exactly() {
        assert_eq!(parse_json("\"0.02\"").unwrap(), d("0.02"));
        assert_eq!(parse_json("0.02").unwrap(), d("0.02"));
        assert_eq!(parse_json("0.1").unwrap().to_string(), "0.1");
        assert_eq!(parse_json("2e-2").unwrap(), d("0.02"));
        assert_eq!(parse_json("5E3").unwrap(), d("5000"));
        // JSON's exponent may carry a sign either way.
        assert_eq!(parse_json("5e+3").unwrap(), d("5000"));
        assert_eq!(parse_json("25E-1").unwrap(), d("2.5"));
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
        assert_eq!(parse_json("0e99999999999999999999").unwrap(), Decimal::ZERO);
    }

    /// Found by a second reader: digits a Decimal can hold after leading or trailing zeros go.
    #[test]
    fn zeros_do_not_count_against_the_digits() {
        assert_eq!(
            parse_json("100000000000000000000000000000e-2").unwrap(),
            d("1000000000000000000000000000")
        );
        assert_eq!(
            parse_json("0.00000000000000000000000000000001e5").unwrap(),
            d("0.000000000000000000000000001")
        );
        assert_eq!(
            parse_json("\"7922816251426433759354395033.50\"").unwrap(),
            d("7922816251426433759354395033.5")
        );
        // The written scale is kept while a Decimal can: 28 places, not fewer.
        let long = format!("0.17{}", "0".repeat(27));
        assert_eq!(
            parse_json(&long).unwrap().to_string(),
            format!("0.17{}", "0".repeat(26))
        );
        assert_eq!(parse_json("\"0.340\"").unwrap().to_string(), "0.340");
        // 29 digits at 28 places is exactly what a Decimal holds: not one zero is dropped.
        let widest = format!("1.{}", "0".repeat(28));
        assert_eq!(parse_json(&widest).unwrap().to_string(), widest);
        // Sums that would round are refused, not rounded.
        let max = Decimal::MAX;
        assert_eq!(exact_add(d("0.1"), d("0.02")), Some(d("0.12")));
        assert_eq!(
            exact_sub(Decimal::ZERO, Decimal::ZERO).unwrap().to_string(),
            "0"
        );
        assert_eq!(exact_add(max, d("1")), None);
        assert_eq!(
            exact_add(max - d("1"), d("0.17")),
            None,
            "would round away the .17"
        );
        assert_eq!(exact_sub(-max, d("0.5")), None);
        // A huge number is refused with a short message.
        let huge = "9".repeat(5_000_000);
        assert!(parse_json(&huge).unwrap_err().len() < 200);
    }
}
