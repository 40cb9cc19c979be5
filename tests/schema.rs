//! The exported JSON Schemas (feature `schema`): snapshots, OpenAPI 3.0 keywords, and the
//! schemas' verdicts against the checker's, by the `jsonschema` crate.

#![cfg(feature = "schema")]

mod common;

use std::path::Path;

use common::strategies::{any_json, mutated_body};
use pixverse_pricing::schema::{schema, schema_pretty, Dialect, Target};
use pixverse_pricing::{check_args, check_request, Options, MODEL_ID, OPTIONS, RULES};
use proptest::prelude::*;
use serde_json::{json, Value};

fn validator(target: Target, dialect: Dialect) -> jsonschema::Validator {
    let s = schema(target, dialect);
    match dialect {
        Dialect::Draft2020_12 => jsonschema::validator_for(&s).unwrap(),
        // An OpenAPI 3.0 schema object is read with draft 4 rules (its `example` is ignored).
        Dialect::OpenApi3 => jsonschema::draft4::new(&s).unwrap(),
    }
}

/// The four validators: args and request, in both dialects.
struct Validators {
    args: [jsonschema::Validator; 2],
    request: [jsonschema::Validator; 2],
}

impl Validators {
    /// Built once per test binary: compiling a schema costs more than validating with it.
    fn get() -> &'static Self {
        static V: std::sync::OnceLock<Validators> = std::sync::OnceLock::new();
        V.get_or_init(|| Validators {
            args: Dialect::ALL.map(|d| validator(Target::Args, d)),
            request: Dialect::ALL.map(|d| validator(Target::Request, d)),
        })
    }

    /// Asserts that both schemas of each form agree with the checker about `args`, bare and
    /// wrapped in a body.
    fn assert_agree_on_args(&self, args: &Value) {
        let checker = check_args(args.to_string()).is_ok();
        for (v, d) in self.args.iter().zip(Dialect::ALL) {
            assert_eq!(
                v.is_valid(args),
                checker,
                "args schema ({d}) vs checker on {args}"
            );
        }
        let body = json!({ "model": MODEL_ID, "args": args });
        self.assert_agree_on_request(&body);
    }

    fn assert_agree_on_request(&self, body: &Value) {
        let checker = check_request(body.to_string()).is_ok();
        for (v, d) in self.request.iter().zip(Dialect::ALL) {
            assert_eq!(
                v.is_valid(body),
                checker,
                "request schema ({d}) vs checker on {body}"
            );
        }
    }
}

#[test]
fn every_combination_with_and_without_each_optional_field() {
    let v = Validators::get();
    let mut seen = 0;
    let (mut valid, mut invalid) = (0, 0);
    for o in Options::all() {
        let full = serde_json::to_value(
            pixverse_pricing::Args::new("a cat")
                .unwrap()
                .with_options(o),
        )
        .unwrap();
        let mut variants = vec![full.clone()];
        for option in OPTIONS.iter().filter(|o| !o.is_required()) {
            let mut without = full.clone();
            without.as_object_mut().unwrap().remove(option.name);
            variants.push(without);
        }
        for args in &variants {
            v.assert_agree_on_args(args);
            if check_args(args.to_string()).is_ok() {
                valid += 1
            } else {
                invalid += 1
            }
            seen += 1;
        }
    }
    assert_eq!(seen, 180 * 6);
    // 1080p + "10" is refused by the schema too, unless the field left out is one of the two.
    assert_eq!(invalid, 20 * 4);
    assert_eq!(valid + invalid, seen);
}

#[test]
fn the_prompt_pattern_agrees_with_the_checker_on_every_character() {
    let v = validator(Target::Args, Dialect::Draft2020_12);
    let mut blank = 0;
    for c in (0..=0x10FFFFu32)
        .filter_map(char::from_u32)
        .filter(|c| (*c as u32) < 0x3100 || *c as u32 % 97 == 0)
    {
        let args = json!({ "prompt": c.to_string() });
        let checker = check_args(args.to_string()).is_ok();
        assert_eq!(v.is_valid(&args), checker, "U+{:04X}", c as u32);
        blank += usize::from(!checker);
    }
    // Unicode White_Space has 25 code points, all below U+3100.
    assert_eq!(blank, 25);
}

#[test]
fn snapshots() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/schemas");
    for target in Target::ALL {
        for dialect in Dialect::ALL {
            let path = dir.join(format!("{target}.{dialect}.json"));
            let text = schema_pretty(target, dialect) + "\n";
            if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
                std::fs::write(&path, &text).unwrap();
            }
            let expected = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(
                text == expected,
                "{} differs from the exported schema; review the change and rerun with UPDATE_SNAPSHOTS=1",
                path.display()
            );
        }
    }
}

#[test]
fn draft_2020_12_has_schema_and_a_stable_id() {
    for target in Target::ALL {
        let s = schema(target, Dialect::Draft2020_12);
        assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
        assert_eq!(
            s["$id"],
            format!("urn:pixverse-pricing:pixverse:pixverse-5.5:text-to-video:{target}")
        );
        assert!(
            jsonschema::meta::is_valid(&s),
            "{target} is not a valid 2020-12 schema"
        );
    }
}

/// The keywords an OpenAPI 3.0 schema object may use.
const OPENAPI3_KEYWORDS: &[&str] = &[
    "title",
    "multipleOf",
    "maximum",
    "exclusiveMaximum",
    "minimum",
    "exclusiveMinimum",
    "maxLength",
    "minLength",
    "pattern",
    "maxItems",
    "minItems",
    "uniqueItems",
    "maxProperties",
    "minProperties",
    "required",
    "enum",
    "type",
    "allOf",
    "oneOf",
    "anyOf",
    "not",
    "items",
    "properties",
    "additionalProperties",
    "description",
    "format",
    "default",
    "nullable",
    "discriminator",
    "readOnly",
    "writeOnly",
    "xml",
    "externalDocs",
    "example",
    "deprecated",
];

/// Every keyword used anywhere in a schema object, walking only into subschemas.
fn keywords(schema: &Value, out: &mut Vec<String>) {
    let Some(map) = schema.as_object() else {
        return;
    };
    for (key, value) in map {
        out.push(key.clone());
        match key.as_str() {
            "properties" => value
                .as_object()
                .unwrap()
                .values()
                .for_each(|s| keywords(s, out)),
            "allOf" | "anyOf" | "oneOf" => value
                .as_array()
                .unwrap()
                .iter()
                .for_each(|s| keywords(s, out)),
            "not" | "items" | "additionalProperties" => keywords(value, out),
            "type" => assert!(
                value.is_string(),
                "OpenAPI 3.0 `type` must be one string, not {value}"
            ),
            _ => {}
        }
    }
}

#[test]
fn openapi3_uses_only_openapi3_keywords() {
    for target in Target::ALL {
        let mut used = Vec::new();
        keywords(&schema(target, Dialect::OpenApi3), &mut used);
        for k in &used {
            assert!(
                OPENAPI3_KEYWORDS.contains(&k.as_str()),
                "{target}: `{k}` is not allowed in OpenAPI 3.0"
            );
        }
        for forbidden in [
            "if",
            "then",
            "else",
            "const",
            "$defs",
            "prefixItems",
            "$schema",
            "$id",
            "examples",
            "$ref",
        ] {
            assert!(
                !used.iter().any(|k| k == forbidden),
                "{target} uses {forbidden}"
            );
        }
        assert!(used.iter().any(|k| k == "not") || target == Target::CreateJobResponse);
    }
}

#[test]
fn everything_comes_from_the_spec() {
    let args = schema(Target::Args, Dialect::Draft2020_12);
    for option in &OPTIONS {
        let p = &args["properties"][option.name];
        assert_eq!(p["description"], option.description);
        match option.kind {
            pixverse_pricing::spec::OptionKind::Enum { values, default } => {
                assert_eq!(p["enum"], json!(values));
                assert_eq!(p["default"], default);
                assert_eq!(p["type"], "string");
            }
            pixverse_pricing::spec::OptionKind::Bool { default } => {
                assert_eq!(p["type"], "boolean");
                assert_eq!(p["default"], default);
            }
            pixverse_pricing::spec::OptionKind::Text { examples } => {
                assert_eq!(p["examples"], json!(examples));
                assert_eq!(p["minLength"], 1);
                assert_eq!(args["required"], json!([option.name]));
            }
        }
    }
    assert_eq!(args["additionalProperties"], false);
    // One `not` per rule, carrying the rule's message.
    assert_eq!(args["allOf"].as_array().unwrap().len(), RULES.len());
    for (rule, s) in RULES.iter().zip(args["allOf"].as_array().unwrap()) {
        assert!(s["description"].as_str().unwrap().contains(rule.message));
        for (name, _) in rule.when {
            assert!(s["not"]["properties"].get(*name).is_some());
        }
    }
    let request = schema(Target::Request, Dialect::Draft2020_12);
    assert_eq!(request["properties"]["model"]["const"], MODEL_ID);
    assert_eq!(
        request["properties"]["args"]["properties"],
        args["properties"]
    );
    assert_eq!(request["required"], json!(["model", "args"]));
    let response = schema(Target::CreateJobResponse, Dialect::Draft2020_12);
    assert_eq!(
        response["properties"]["data"]["properties"]["amount"]["type"],
        "string"
    );
}

#[test]
fn money_strings_match_the_pattern_and_floats_do_not() {
    let v = validator(Target::CreateJobResponse, Dialect::Draft2020_12);
    for (amount, ok) in [
        (json!("0.128"), true),
        (json!("12"), true),
        (json!("-0.5"), true),
        (json!(0.128), false),
        (json!("0.1e2"), false),
        (json!("1."), false),
    ] {
        let response = json!({"code": 0, "data": {"amount": amount, "job_id": "j"}});
        assert_eq!(v.is_valid(&response), ok, "{amount}");
    }
}

#[test]
fn names_parse_and_print() {
    assert_eq!("openapi3".parse::<Dialect>(), Ok(Dialect::OpenApi3));
    assert_eq!("request".parse::<Target>(), Ok(Target::Request));
    assert_eq!(
        "draft7".parse::<Dialect>().unwrap_err().to_string(),
        r#"unknown schema dialect "draft7"; allowed: "2020-12", "openapi3""#
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn random_json_gets_the_same_verdict(value in any_json()) {
        let v = Validators::get();
        v.assert_agree_on_args(&value);
        v.assert_agree_on_request(&value);
    }

    #[test]
    fn mutated_requests_get_the_same_verdict(body in mutated_body()) {
        let v = Validators::get();
        v.assert_agree_on_request(&body);
        v.assert_agree_on_args(&body["args"]);
    }

    #[test]
    fn prompts_and_callback_urls_get_the_same_verdict(
        prompt in "[ \\t\\n\\u{85}\\u{a0}\\u{3000}\\u{feff}a]{0,4}",
        url in "(https?|ftp)?(://)?[/ a-z.\\u{a0}]{0,8}",
    ) {
        let v = Validators::get();
        let body = json!({"model": MODEL_ID, "args": {"prompt": prompt}, "callback_url": url});
        v.assert_agree_on_request(&body);
    }
}
