//! The code generated from `tests/fixtures/extended_model.toml` (a spec with one more aspect
//! ratio, a 4k resolution with prices, a changed price and two more rules), compiled and run.
//!
//! `tests/codegen.rs` checks that `fixtures/extended_model.rs` is exactly what the generator
//! writes for that spec; here it is compiled against the crate's `spec` module and exercised. A
//! spec edit alone yields working enums, prices and rules.

#[cfg(feature = "schema")]
use pixverse_pricing::schema;
use pixverse_pricing::spec;

#[allow(dead_code)]
mod extended {
    include!("fixtures/extended_model.rs");
}

use extended::{AspectRatio, Duration, Options, Resolution, RULES};
use pixverse_pricing::Decimal;

fn d(s: &str) -> Decimal {
    Decimal::from_str_exact(s).unwrap()
}

#[test]
fn new_values_parse_and_print() {
    assert_eq!("4k".parse::<Resolution>(), Ok(Resolution::P2160));
    assert_eq!(AspectRatio::R21x9.to_string(), "21:9");
    assert_eq!(Resolution::ALL.len(), 4);
    assert_eq!(AspectRatio::ALL.len(), 6);
    let err = "8k".parse::<Resolution>().unwrap_err();
    assert_eq!(
        err.to_string(),
        r#""8k" is not a valid resolution; allowed: "540p", "720p", "1080p", "4k""#
    );
}

#[test]
fn new_and_changed_prices() {
    let base = Options::DEFAULT;
    assert_eq!(
        base.with_resolution(Resolution::P540).price(),
        Ok(d("0.130"))
    );
    assert_eq!(
        base.with_resolution(Resolution::P2160).price(),
        Ok(d("0.700"))
    );
    assert_eq!(
        base.with_resolution(Resolution::P2160)
            .with_duration(Duration::S8)
            .with_multi_shot(true)
            .with_generate_audio(true)
            .price(),
        Ok(d("2.000"))
    );
    // Unchanged cells keep the documented price.
    assert_eq!(base.price(), Ok(d("0.170")));
}

#[test]
fn new_rules_forbid_their_combinations() {
    let at_4k_10s = Options::DEFAULT
        .with_resolution(Resolution::P2160)
        .with_duration(Duration::S10);
    assert_eq!(at_4k_10s.price().unwrap_err().id, "no_4k_at_10s");
    // A rule on an option outside the price table (aspect_ratio) is checked too.
    let ultrawide = Options::DEFAULT.with_aspect_ratio(AspectRatio::R21x9);
    assert_eq!(ultrawide.price(), Ok(d("0.170")));
    assert_eq!(
        ultrawide.with_multi_shot(true).price().unwrap_err().id,
        "no_multi_shot_ultrawide"
    );
    assert_eq!(RULES.len(), 3);

    let mut allowed = 0;
    for o in Options::all() {
        let forbidden = (matches!(o.resolution, Resolution::P1080 | Resolution::P2160)
            && o.duration == Duration::S10)
            || (o.aspect_ratio == AspectRatio::R21x9 && o.multi_shot);
        assert_eq!(o.price().is_err(), forbidden, "{o:?}");
        allowed += usize::from(!forbidden);
    }
    assert_eq!(Options::COMBINATIONS, 4 * 3 * 6 * 2 * 2);
    assert_eq!(
        allowed,
        Options::all().filter(|o| o.price().is_ok()).count()
    );
}

#[test]
fn tables_describe_the_new_spec() {
    let resolution = extended::OPTIONS
        .iter()
        .find(|o| o.name == "resolution")
        .unwrap();
    assert_eq!(
        resolution.kind,
        spec::OptionKind::Enum {
            values: &["540p", "720p", "1080p", "4k"],
            default: "720p"
        }
    );
    let mut o = Options::DEFAULT;
    o.set("aspect_ratio", spec::WireValue::Str("21:9")).unwrap();
    assert_eq!(o.aspect_ratio, AspectRatio::R21x9);
}

#[cfg(feature = "schema")]
#[test]
fn the_schema_follows_the_new_spec() {
    use serde_json::json;

    let args = schema::args_schema_for(&extended::OPTIONS, &RULES);
    assert_eq!(
        args["properties"]["resolution"]["enum"],
        json!(["540p", "720p", "1080p", "4k"])
    );
    assert_eq!(args["properties"]["aspect_ratio"]["enum"][5], "21:9");
    let rules = args["allOf"].as_array().unwrap();
    assert_eq!(rules.len(), 3);
    assert_eq!(
        rules[1]["not"],
        json!({"type": "object", "properties": {"resolution": {"const": "4k"}, "duration": {"const": "10"}}, "required": ["resolution", "duration"]})
    );
    assert!(rules[2]["description"]
        .as_str()
        .unwrap()
        .starts_with("multi-shot videos cannot be 21:9"));
    // The generated enums carry their own schema too.
    let generator = schemars::SchemaGenerator::default();
    let resolution = generator.into_root_schema_for::<Resolution>();
    assert_eq!(
        resolution.get("enum"),
        Some(&json!(["540p", "720p", "1080p", "4k"]))
    );

    // And the schema judges like the rules: 4k at 10 s is refused, at 8 s accepted.
    let v = jsonschema::validator_for(&args).unwrap();
    assert!(!v.is_valid(&json!({"prompt": "p", "resolution": "4k", "duration": "10"})));
    assert!(v.is_valid(&json!({"prompt": "p", "resolution": "4k", "duration": "8"})));
    assert!(!v.is_valid(&json!({"prompt": "p", "aspect_ratio": "21:9", "multi_shot": true})));
}
