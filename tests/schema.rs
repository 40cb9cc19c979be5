//! The exported JSON Schemas (feature `schema`): snapshots, OpenAPI 3.0 keywords and
//! references, and the schemas' verdicts against the checker's for every model, by the
//! `jsonschema` crate.

#![cfg(feature = "schema")]

#[path = "common/schema_bodies.rs"]
mod schema_bodies;

use std::path::Path;
use std::sync::OnceLock;

use proptest::prelude::*;
use schema_bodies::{
    any_body, any_json, args_of, body, every_combination, float_at_integer, model, mutated_body,
    schema_verdict, whole_numbers_as_text, with_each_field_left_out,
};
use serde_json::{json, Value};
use shortapi_pricing::schema::{
    self, args_schema_for, openapi_components, schema, schema_pretty, Dialect, Target,
};
use shortapi_pricing::spec::{
    Condition, Lookup, ModelSpec, Narrow, OptionKind, OptionSpec, Pricing, Rule, Test, WireValue,
};
use shortapi_pricing::{check, check_args, Model};

/// An OpenAPI 3.0 schema object as a document a validator reads: the object under test with
/// every component beside it, so its `#/components/schemas/…` references resolve.
fn openapi_document(schema: Value) -> Value {
    json!({
        "allOf": [schema],
        "components": { "schemas": openapi_components() },
    })
}

fn validator(schema: Value, dialect: Dialect) -> jsonschema::Validator {
    match dialect {
        Dialect::Draft2020_12 => jsonschema::validator_for(&schema).unwrap(),
        // An OpenAPI 3.0 schema object is read with draft 4 rules (its `example` and
        // `discriminator` are ignored).
        Dialect::OpenApi3 => jsonschema::draft4::new(&openapi_document(schema)).unwrap(),
    }
}

/// What a validator of `dialect` must say of `input` that the checker judged `checker` (its
/// verdict with the totals excused: [`schema_verdict`]): the same, with one excused case more. The OpenAPI 3.0 schema is read with draft 4's rules, where an
/// integer is a number written without a fraction or exponent, so a whole number written as a
/// float (`5.0`, `1e1`, `-0`) is refused there; the checker, draft 2020-12 and ajv (in any
/// draft) take it as the integer. Nothing else is excused.
fn expected(checker: bool, dialect: Dialect, input: &Value, model: Option<Model>) -> bool {
    match dialect {
        Dialect::OpenApi3 => checker && !float_at_integer(input, model),
        Dialect::Draft2020_12 => checker,
    }
}

/// Every validator: each model's args and the body, in both dialects.
struct Validators {
    args: Vec<[jsonschema::Validator; 2]>,
    request: [jsonschema::Validator; 2],
}

impl Validators {
    /// Built once per test binary: compiling a schema costs more than validating with it.
    fn get() -> &'static Self {
        static V: OnceLock<Validators> = OnceLock::new();
        V.get_or_init(|| Validators {
            args: Model::ALL
                .iter()
                .map(|&m| Dialect::ALL.map(|d| validator(schema::args(m, d), d)))
                .collect(),
            request: Dialect::ALL.map(|d| validator(schema::request(d), d)),
        })
    }

    /// Asserts that both args schemas of `model` agree with the checker about `args`, and both
    /// body schemas about `args` in a body of `model`; returns the verdict.
    fn assert_agree_on_args(&self, model: Model, args: &Value) -> bool {
        let checker = schema_verdict(&check_args(model, args.to_string()));
        for (v, d) in self.args[model as usize].iter().zip(Dialect::ALL) {
            assert_eq!(
                v.is_valid(args),
                expected(checker, d, args, Some(model)),
                "args schema of {model} ({d}) vs checker on {args}"
            );
        }
        self.assert_agree_on_body(&body(model, args.clone()));
        checker
    }

    fn assert_agree_on_body(&self, body: &Value) -> bool {
        let checker = schema_verdict(&check(body.to_string()));
        for (v, d) in self.request.iter().zip(Dialect::ALL) {
            assert_eq!(
                v.is_valid(body),
                expected(checker, d, body, None),
                "request schema ({d}) vs checker on {body}"
            );
        }
        checker
    }
}

#[test]
fn every_combination_of_every_model_with_and_without_each_field() {
    let v = Validators::get();
    for model in Model::ALL {
        let spec = model.spec();
        let (mut valid, mut invalid) = (0, 0);
        let combinations = every_combination(spec);
        for args in &combinations {
            for variant in with_each_field_left_out(args) {
                if v.assert_agree_on_args(model, &Value::Object(variant)) {
                    valid += 1;
                } else {
                    invalid += 1;
                }
            }
        }
        // Every combination, once whole and once without each field.
        assert_eq!(
            valid + invalid,
            combinations.len() * (spec.options.len() + 1),
            "{model}"
        );
        assert!(
            valid > 0 && invalid > 0,
            "{model}: {valid} valid, {invalid} invalid"
        );
    }
}

/// Facts from ../shared/models/README.md, written here by hand: every model refuses 1080p at
/// 10 s, and requires these free-text inputs.
#[test]
fn the_documented_rule_and_required_inputs_are_in_every_schema() {
    let required: [(Model, &[&str]); 6] = [
        (Model::Pixverse55TextToVideo, &["prompt"]),
        (Model::Pixverse55ImageToVideo, &["prompt", "image"]),
        (
            Model::Pixverse55Transition,
            &["prompt", "image", "image_tail"],
        ),
        (Model::Pixverse60TextToVideo, &["prompt"]),
        (Model::Pixverse60ImageToVideo, &["prompt", "image"]),
        (
            Model::Pixverse60Transition,
            &["prompt", "image", "image_tail"],
        ),
    ];
    for (model, names) in required {
        for dialect in Dialect::ALL {
            let s = schema::args(model, dialect);
            assert_eq!(s["required"], json!(names), "{model} {dialect}");
            let v = validator(s, dialect);
            let mut args = serde_json::Map::new();
            for name in names {
                args.insert((*name).to_owned(), json!("https://example.com/x.png"));
            }
            assert!(
                v.is_valid(&Value::Object(args.clone())),
                "{model}: defaults"
            );
            args.insert("resolution".into(), json!("1080p"));
            assert!(
                v.is_valid(&Value::Object(args.clone())),
                "{model}: 1080p 5s"
            );
            args.insert("duration".into(), json!("10"));
            assert!(
                !v.is_valid(&Value::Object(args.clone())),
                "{model}: 1080p 10s"
            );
            args.insert("resolution".into(), json!("720p"));
            assert!(
                v.is_valid(&Value::Object(args.clone())),
                "{model}: 720p 10s"
            );
            for name in names {
                let mut without = args.clone();
                without.remove(*name);
                assert!(!v.is_valid(&Value::Object(without)), "{model}: no {name}");
            }
        }
    }
}

#[test]
fn the_text_pattern_agrees_with_the_checker_on_every_character() {
    let v = Validators::get();
    let model = Model::Pixverse55Transition;
    // Every text option has the same pattern (see everything_comes_from_the_spec): one
    // walks every character.
    let text = model.spec().options.iter().find(|o| o.is_text()).unwrap();
    let mut blank = 0;
    for c in (0..=0x10FFFFu32)
        .filter_map(char::from_u32)
        .filter(|c| (*c as u32) < 0x3100 || *c as u32 % 97 == 0)
    {
        let mut args = serde_json::Map::new();
        for option in model.spec().options.iter().filter(|o| o.is_text()) {
            args.insert(option.name.to_owned(), json!("x"));
        }
        args.insert(text.name.to_owned(), json!(c.to_string()));
        blank += usize::from(!v.assert_agree_on_args(model, &Value::Object(args)));
    }
    // Unicode White_Space has 25 code points, all below U+3100.
    assert_eq!(blank, 25);
}

/// The file a snapshot is kept in: `args.<spec file name>.<dialect>.json`,
/// `request.<dialect>.json`, `response.<dialect>.json`.
fn snapshot_name(target: Target, dialect: Dialect) -> String {
    match target {
        Target::Args(model) => {
            let source = model.spec().source;
            let stem = Path::new(source).file_stem().unwrap().to_str().unwrap();
            format!("args.{stem}.{dialect}.json")
        }
        other => format!("{}.{dialect}.json", other.name()),
    }
}

#[test]
fn snapshots() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/schemas");
    let mut files: Vec<(String, String)> = Vec::new();
    for target in Target::all() {
        for dialect in Dialect::ALL {
            files.push((
                snapshot_name(target, dialect),
                schema_pretty(target, dialect),
            ));
        }
    }
    files.push((
        "openapi3.components.json".to_owned(),
        serde_json::to_string_pretty(&openapi_components()).unwrap(),
    ));
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    if update {
        // Snapshots of models or targets that are gone go too.
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_str().unwrap().to_owned();
            if name.ends_with(".json") && !files.iter().any(|(f, _)| *f == name) {
                std::fs::remove_file(&path).unwrap();
            }
        }
    }
    for (name, text) in &files {
        let path = dir.join(name);
        let text = format!("{text}\n");
        if update {
            std::fs::write(&path, &text).unwrap();
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            text == expected,
            "{} differs from the exported schema; review the change and rerun with UPDATE_SNAPSHOTS=1",
            path.display()
        );
    }
    let kept = std::fs::read_dir(&dir)
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().extension() == Some("json".as_ref()))
        .count();
    assert_eq!(
        kept,
        files.len(),
        "tests/schemas has snapshots no schema makes; rerun with UPDATE_SNAPSHOTS=1"
    );
}

#[test]
fn draft_2020_12_has_schema_and_a_stable_id() {
    for target in Target::all() {
        let s = schema(target, Dialect::Draft2020_12);
        assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
        assert!(
            jsonschema::meta::is_valid(&s),
            "{target} is not a valid 2020-12 schema"
        );
    }
    assert_eq!(
        schema(
            Target::Args(Model::Pixverse55TextToVideo),
            Dialect::Draft2020_12
        )["$id"],
        "urn:shortapi-pricing:args:pixverse:pixverse-5.5:text-to-video"
    );
    assert_eq!(
        schema(Target::Request, Dialect::Draft2020_12)["$id"],
        "urn:shortapi-pricing:request"
    );
    assert_eq!(
        schema(Target::CreateJobResponse, Dialect::Draft2020_12)["$id"],
        "urn:shortapi-pricing:response"
    );
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

/// Every keyword used anywhere in a schema object, walking only into subschemas; every
/// `$ref` (a Reference Object) goes to `refs`.
fn keywords(schema: &Value, out: &mut Vec<String>, refs: &mut Vec<String>) {
    let map = schema.as_object().expect("a schema object");
    if let Some(to) = map.get("$ref") {
        assert_eq!(map.len(), 1, "a Reference Object has $ref alone: {schema}");
        refs.push(to.as_str().unwrap().to_owned());
        return;
    }
    for (key, value) in map {
        out.push(key.clone());
        match key.as_str() {
            "properties" => value
                .as_object()
                .unwrap()
                .values()
                .for_each(|s| keywords(s, out, refs)),
            "allOf" | "anyOf" | "oneOf" => value
                .as_array()
                .unwrap()
                .iter()
                .for_each(|s| keywords(s, out, refs)),
            "not" | "items" => keywords(value, out, refs),
            "additionalProperties" if value.is_object() => keywords(value, out, refs),
            "type" => assert!(
                value.is_string(),
                "OpenAPI 3.0 `type` must be one string, not {value}"
            ),
            _ => {}
        }
    }
}

#[test]
fn openapi3_uses_only_openapi3_keywords_and_references_that_resolve() {
    let components = openapi_components();
    let mut objects: Vec<(String, Value)> = Target::all()
        .map(|t| (t.to_string(), schema(t, Dialect::OpenApi3)))
        .collect();
    for (name, s) in components.as_object().unwrap() {
        objects.push((format!("components/schemas/{name}"), s.clone()));
    }
    for (name, s) in &objects {
        let (mut used, mut refs) = (Vec::new(), Vec::new());
        keywords(s, &mut used, &mut refs);
        for k in &used {
            // `x-…` keys are OpenAPI's own specification extensions (the crate's totals).
            assert!(
                OPENAPI3_KEYWORDS.contains(&k.as_str()) || k.starts_with("x-"),
                "{name}: `{k}` is not allowed in OpenAPI 3.0"
            );
        }
        for to in &refs {
            let component = to
                .strip_prefix("#/components/schemas/")
                .unwrap_or_else(|| panic!("{name}: $ref {to} is not a component"));
            assert!(
                components.get(component).is_some(),
                "{name}: $ref {to} names no component"
            );
        }
    }
    // Each model's args schema is self-contained, with its rules, requirements and limits (if
    // it has any) under `not`.
    for model in Model::ALL {
        let (mut used, mut refs) = (Vec::new(), Vec::new());
        keywords(
            &schema::args(model, Dialect::OpenApi3),
            &mut used,
            &mut refs,
        );
        assert!(refs.is_empty());
        let spec = model.spec();
        let forbids =
            !spec.rules.is_empty() || !spec.requirements.is_empty() || !spec.limits.is_empty();
        assert_eq!(used.iter().any(|k| k == "not"), forbids, "{model}");
    }
}

#[test]
fn the_openapi3_discriminator_maps_every_model_id_to_its_body() {
    let components = openapi_components();
    let request = schema::request(Dialect::OpenApi3);
    assert_eq!(request, components["CreateJobRequest"]);
    let discriminator = &request["discriminator"];
    assert_eq!(discriminator["propertyName"], "model");
    let mapping = discriminator["mapping"].as_object().unwrap();
    assert_eq!(mapping.len(), Model::ALL.len());
    let one_of: Vec<&Value> = request["oneOf"].as_array().unwrap().iter().collect();
    assert_eq!(one_of.len(), Model::ALL.len());
    for model in Model::ALL {
        let to = mapping[model.id()].as_str().unwrap();
        assert!(one_of.contains(&&json!({ "$ref": to })), "{to} is in oneOf");
        let name = to.strip_prefix("#/components/schemas/").unwrap();
        let body = &components[name];
        assert_eq!(body["properties"]["model"]["enum"], json!([model.id()]));
        assert_eq!(body["required"], json!(["model", "args"]));
        let args = body["properties"]["args"]["$ref"].as_str().unwrap();
        let args_name = args.strip_prefix("#/components/schemas/").unwrap();
        assert_eq!(
            components[args_name],
            schema::args(model, Dialect::OpenApi3),
            "{model}"
        );
    }
}

/// Each condition of `when` in the branch `s` as the spec says it: a value's `const`, values'
/// `enum`, a range's bounds, a count's, a field that must be given.
fn assert_conditions(s: &Value, when: &[Condition]) {
    for c in when {
        let p = &s["properties"][c.name];
        match c.test {
            Test::Is { value, .. } => assert_eq!(p["const"], json!(value)),
            Test::OneOf { values, .. } => assert_eq!(p["enum"], json!(values)),
            Test::Range { minimum, maximum } => {
                assert_eq!(
                    (&p["minimum"], &p["maximum"]),
                    (&json!(minimum), &json!(maximum))
                );
            }
            Test::Given(true) => {
                assert!(s["required"].as_array().unwrap().contains(&json!(c.name)))
            }
            Test::Given(false) => assert!(s["not"].to_string().contains(c.name)),
            Test::Items {
                min_items,
                max_items,
            } => {
                assert_eq!(p["type"], "array");
                assert_eq!(
                    p.get("minItems"),
                    (min_items > 0).then(|| json!(min_items)).as_ref()
                );
                assert_eq!(p.get("maxItems"), max_items.map(|m| json!(m)).as_ref());
            }
        }
    }
}

#[test]
fn everything_comes_from_the_spec() {
    let request = schema(Target::Request, Dialect::Draft2020_12);
    let bodies = request["oneOf"].as_array().unwrap();
    assert_eq!(bodies.len(), Model::ALL.len());
    for (model, b) in Model::ALL.into_iter().zip(bodies) {
        let spec = model.spec();
        let args = schema::args(model, Dialect::Draft2020_12);
        // Closed, but for a page cut inside its option list: fields after the cut may exist.
        assert_eq!(args["additionalProperties"], spec.cut_after.is_some());
        let properties = args["properties"].as_object().unwrap();
        assert_eq!(properties.len(), spec.options.len());
        for option in spec.options {
            let p = &properties[option.name];
            assert_eq!(p["description"], option.description);
            assert_eq!(
                p.get("default"),
                option.default_value().map(|d| json!(d)).as_ref(),
                "{model} {}",
                option.name
            );
            let listed = args["required"]
                .as_array()
                .is_some_and(|r| r.contains(&json!(option.name)));
            assert_eq!(listed, option.required, "{model} {}", option.name);
            match option.kind {
                OptionKind::Enum { values, .. } => {
                    assert_eq!(p["type"], "string");
                    assert_eq!(p["enum"], json!(values));
                }
                OptionKind::Bool { .. } => assert_eq!(p["type"], "boolean"),
                OptionKind::Number { minimum, maximum } => {
                    assert_eq!(p["type"], "number");
                    assert_eq!(p["minimum"].to_string(), minimum.normalize().to_string());
                    assert_eq!(p["maximum"].to_string(), maximum.normalize().to_string());
                }
                OptionKind::Text {
                    examples,
                    max_length,
                } => {
                    assert_eq!(p["type"], "string");
                    assert_eq!(p["minLength"], 1);
                    assert_eq!(p["pattern"], schema::non_blank_pattern());
                    assert_eq!(p.get("maxLength"), max_length.map(|m| json!(m)).as_ref());
                    if !examples.is_empty() {
                        assert_eq!(p["examples"], json!(examples));
                    }
                }
                OptionKind::List {
                    min_items,
                    max_items,
                    item,
                } => {
                    assert_eq!(p["type"], "array");
                    let item_type = match item {
                        shortapi_pricing::spec::ListItem::Text => "string",
                        shortapi_pricing::spec::ListItem::Object { .. } => "object",
                    };
                    assert_eq!(p["items"]["type"], item_type);
                    match item {
                        shortapi_pricing::spec::ListItem::Text => {
                            assert_eq!(p["items"]["minLength"], 1);
                            assert_eq!(p["items"]["pattern"], schema::non_blank_pattern());
                        }
                        // An object of its fields, each as an option's schema; closed unless
                        // the page is cut inside them.
                        shortapi_pricing::spec::ListItem::Object { fields, open } => {
                            let names: Vec<&str> = fields.iter().map(|f| f.name).collect();
                            let properties = p["items"]["properties"].as_object().unwrap();
                            assert_eq!(
                                properties.keys().map(String::as_str).collect::<Vec<_>>(),
                                {
                                    let mut sorted = names.clone();
                                    sorted.sort_unstable();
                                    sorted
                                }
                            );
                            let required: Vec<&str> = fields
                                .iter()
                                .filter(|f| f.required)
                                .map(|f| f.name)
                                .collect();
                            assert_eq!(
                                p["items"].get("required"),
                                (!required.is_empty()).then(|| json!(required)).as_ref()
                            );
                            assert_eq!(
                                p["items"].get("additionalProperties"),
                                (!open).then_some(json!(false)).as_ref()
                            );
                        }
                    }
                    assert_eq!(
                        p.get("minItems"),
                        (min_items > 0).then(|| json!(min_items)).as_ref()
                    );
                    assert_eq!(p.get("maxItems"), max_items.map(|m| json!(m)).as_ref());
                }
                OptionKind::Integer {
                    minimum,
                    maximum,
                    values,
                    string: true,
                    ..
                } => {
                    // Every string it takes, in order: its listed values, or its range.
                    assert_eq!(p["type"], "string");
                    let listed: Vec<String> = match values {
                        [] => (minimum..=maximum).map(|n| n.to_string()).collect(),
                        listed => listed.iter().map(i64::to_string).collect(),
                    };
                    assert_eq!(p["enum"], json!(listed));
                }
                OptionKind::Integer {
                    minimum,
                    maximum,
                    values,
                    ..
                } => {
                    assert_eq!(p["type"], "integer");
                    assert_eq!(p["minimum"], minimum);
                    assert_eq!(p["maximum"], maximum);
                    assert_eq!(
                        p.get("enum"),
                        (!values.is_empty()).then(|| json!(values)).as_ref()
                    );
                }
            }
        }
        // One schema per rule under one `not`, carrying the rule's message, then one per
        // conditional requirement (its conditions, and the field absent, or for an exclusion
        // present), then one or two per limit (its conditions and the list's count outside
        // it; and the list absent, if it takes an item or more); no `not` at all for a model
        // without any.
        let rules = args["not"]["anyOf"]
            .as_array()
            .map_or(&[][..], Vec::as_slice);
        // A limit has a second branch when the option left out is outside it too.
        let absent_breaks = |l: &shortapi_pricing::spec::Limit| match l.narrow {
            Narrow::Items { min_items, .. } => min_items > 0,
            Narrow::Values { slots, .. } => {
                let o = &spec.options[l.field];
                !o.has_default() || !slots.contains(&o.default_slot())
            }
        };
        let limit_branches: usize = spec
            .limits
            .iter()
            .map(|l| if absent_breaks(l) { 2 } else { 1 })
            .sum();
        let forbidden = spec.rules.len() + spec.requirements.len() + limit_branches;
        assert_eq!(args.get("not").is_some(), forbidden > 0, "{model}");
        assert_eq!(rules.len(), forbidden);
        for (rule, s) in spec.rules.iter().zip(rules) {
            assert!(s["description"].as_str().unwrap().contains(rule.message));
            assert_conditions(s, rule.when);
        }
        for (r, s) in spec.requirements.iter().zip(&rules[spec.rules.len()..]) {
            assert!(s["description"].as_str().unwrap().contains(r.message));
            assert_conditions(s, r.when);
            // No `required` where every condition holds with its option left out (Kling 3.0's
            // prompt while `multi_shot` is false, its default).
            let required = s
                .get("required")
                .and_then(|r| r.as_array())
                .cloned()
                .unwrap_or_default();
            if r.present {
                assert_eq!(s["not"], json!({"required": [r.name]}));
                assert!(!required.contains(&json!(r.name)));
            } else {
                assert!(required.contains(&json!(r.name)));
            }
        }
        let mut branches = &rules[spec.rules.len() + spec.requirements.len()..];
        for l in spec.limits {
            let s = &branches[0];
            assert!(s["description"].as_str().unwrap().contains(l.message));
            assert_conditions(s, l.when);
            let outside = &s["properties"][l.name]["not"];
            match l.narrow {
                Narrow::Items {
                    min_items,
                    max_items,
                } => {
                    assert_eq!(outside["type"], "array");
                    assert_eq!(
                        outside.get("minItems"),
                        (min_items > 0).then(|| json!(min_items)).as_ref()
                    );
                    assert_eq!(
                        outside.get("maxItems"),
                        max_items.map(|m| json!(m)).as_ref()
                    );
                }
                Narrow::Values { values, .. } => assert_eq!(outside["enum"], json!(values)),
            }
            assert!(s["required"].as_array().unwrap().contains(&json!(l.name)));
            if absent_breaks(l) {
                assert_eq!(branches[1]["not"], json!({"required": [l.name]}));
            }
            branches = &branches[if absent_breaks(l) { 2 } else { 1 }..];
        }
        // Nothing beside the properties that a code generator would read as more keys.
        for key in ["allOf", "anyOf", "oneOf", "patternProperties"] {
            assert!(args.get(key).is_none(), "{model}: {key}");
        }
        // The body of this model in the catalog's `oneOf`.
        assert_eq!(b["properties"]["model"]["const"], model.id());
        assert_eq!(b["required"], json!(["model", "args"]));
        assert_eq!(b["additionalProperties"], false);
        let mut inline = args.clone();
        inline.as_object_mut().unwrap().remove("$schema");
        inline.as_object_mut().unwrap().remove("$id");
        assert_eq!(b["properties"]["args"], inline);
    }
    let response = schema(Target::CreateJobResponse, Dialect::Draft2020_12);
    assert_eq!(
        response["properties"]["data"]["properties"]["amount"]["type"],
        "string"
    );
}

static FIXTURE_OPTIONS: [OptionSpec; 4] = [
    OptionSpec {
        name: "prompt",
        description: "Text prompt",
        required: false,
        kind: OptionKind::Text {
            examples: &[],
            max_length: None,
        },
    },
    OptionSpec {
        name: "duration",
        description: "Video length in whole seconds",
        required: false,
        kind: OptionKind::Integer {
            minimum: 3,
            maximum: 15,
            values: &[],
            default: Some(5),
            string: false,
        },
    },
    OptionSpec {
        name: "seed",
        description: "Random seed",
        required: false,
        kind: OptionKind::Integer {
            minimum: 0,
            maximum: 2147483647,
            values: &[],
            default: Some(0),
            string: false,
        },
    },
    OptionSpec {
        name: "resolution",
        description: "Output video resolution",
        required: false,
        kind: OptionKind::Enum {
            values: &["720P", "1080P"],
            default: Some(0),
            units: &[],
        },
    },
];

static FIXTURE_RULES: [Rule; 1] = [Rule {
    id: "no_1080p_at_15s",
    message: "1080P is not supported for 15s videos",
    when: &[
        Condition {
            option: 1,
            name: "duration",
            test: Test::Is {
                value: WireValue::Int(15),
                slot: 15,
            },
        },
        Condition {
            option: 3,
            name: "resolution",
            test: Test::Is {
                value: WireValue::Str("1080P"),
                slot: 1,
            },
        },
    ],
}];

/// A spec with forms no model of the catalog has: two integer options (one priced per second,
/// as HappyHorse's duration is), an optional prompt, capital wire values, a rule on an integer.
static FIXTURE: ModelSpec = ModelSpec {
    model: Model::Pixverse55TextToVideo,
    id: "example/fixture",
    name: "Fixture",
    category: "text-to-video",
    kind: "inference",
    currency: "USD",
    create_endpoint: "https://example.com/create",
    query_endpoint: "https://example.com/query",
    source: "tests/schema.rs",
    cut_after: None,
    options: &FIXTURE_OPTIONS,
    rules: &FIXTURE_RULES,
    requirements: &[],
    totals: &[],
    limits: &[],
    sums: &[],
    relations: &[],
    pricing: Pricing {
        dimensions: &[],
        per: None,
        quantities: &[],
        cells: &[],
    },
    lookup: Lookup {
        index: &[],
        table: &[],
        times: &[],
    },
};

#[test]
fn integer_options_optional_text_and_a_rule_on_an_integer() {
    for dialect in Dialect::ALL {
        let s = args_schema_for(&FIXTURE, dialect);
        // Nothing is required: no `required` at all (draft 4 and OpenAPI 3.0 want it non-empty).
        assert!(s.get("required").is_none(), "{s}");
        assert_eq!(
            s["properties"]["seed"],
            json!({
                "description": "Random seed",
                "type": "integer",
                "minimum": 0,
                "maximum": 2147483647,
                "default": 0,
            })
        );
        let v = validator(s.clone(), dialect);
        for (args, ok) in [
            (json!({}), true),
            (json!({"duration": 3}), true),
            (json!({"duration": 15}), true),
            (json!({"duration": 2}), false),
            (json!({"duration": 16}), false),
            (json!({"duration": 3.5}), false),
            // Draft 2020-12 reads 5.0 as the integer 5, as the checker does (and ajv in any
            // draft: both are the number 5 in JavaScript); the `jsonschema` crate's draft 4
            // refuses it (see `expected`).
            (json!({"duration": 5.0}), dialect == Dialect::Draft2020_12),
            (json!({"duration": 16.0}), false),
            (json!({"duration": "5"}), false),
            (json!({"duration": null}), false),
            (json!({"seed": 2147483647}), true),
            (json!({"seed": 2147483648u64}), false),
            (json!({"seed": -1}), false),
            (json!({"resolution": "1080P"}), true),
            (json!({"resolution": "1080p"}), false),
            (json!({"resolution": "1080P", "duration": 14}), true),
            (json!({"resolution": "1080P", "duration": 15}), false),
            (json!({"prompt": " "}), false),
            (json!({"prompt": "a cat", "seed": 7}), true),
            (json!({"image": "x"}), false),
        ] {
            assert_eq!(v.is_valid(&args), ok, "{args} ({dialect})");
        }
        // The rule's condition on duration is not its default, so it needs duration present.
        assert_eq!(
            s["not"]["anyOf"][0]["required"],
            json!(["duration", "resolution"])
        );
    }
    let s = args_schema_for(&FIXTURE, Dialect::Draft2020_12);
    assert_eq!(s["$id"], "urn:shortapi-pricing:args:example:fixture");
    assert!(jsonschema::meta::is_valid(&s));
}

#[test]
fn money_strings_match_the_pattern_and_floats_do_not() {
    for dialect in Dialect::ALL {
        let v = validator(schema::response(dialect), dialect);
        for (amount, ok) in [
            (json!("0.128"), true),
            (json!("12"), true),
            (json!("-0.5"), true),
            (json!(0.128), false),
            (json!("0.1e2"), false),
            (json!("1."), false),
        ] {
            let response = json!({"code": 0, "data": {"amount": amount, "job_id": "j"}});
            assert_eq!(v.is_valid(&response), ok, "{amount} ({dialect})");
        }
    }
}

#[test]
fn names_parse_and_print() {
    assert_eq!("openapi3".parse::<Dialect>(), Ok(Dialect::OpenApi3));
    assert_eq!(
        "draft7".parse::<Dialect>().unwrap_err().to_string(),
        r#"unknown schema dialect "draft7"; allowed: "2020-12", "openapi3""#
    );
    let m = Model::Pixverse60ImageToVideo;
    assert_eq!(Target::from_name("args", Some(m)), Ok(Target::Args(m)));
    assert_eq!(Target::from_name("request", Some(m)), Ok(Target::Request));
    assert_eq!(
        Target::from_name("response", None),
        Ok(Target::CreateJobResponse)
    );
    assert_eq!(
        Target::from_name("body", None).unwrap_err().to_string(),
        r#"unknown schema target "body"; allowed: "args", "request", "response""#
    );
    let needs_model = Target::from_name("args", None).unwrap_err().to_string();
    for id in Model::IDS {
        assert!(needs_model.contains(id), "{needs_model}");
    }
    assert_eq!(
        Target::Args(m).to_string(),
        "args of pixverse/pixverse-6.0/image-to-video"
    );
    assert_eq!(Target::all().count(), Model::ALL.len() + 2);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn random_json_gets_the_same_verdict(m in model(), value in any_json()) {
        let v = Validators::get();
        v.assert_agree_on_args(m, &value);
        v.assert_agree_on_body(&value);
    }

    #[test]
    fn generated_args_get_the_same_verdict(body in any_body()) {
        let v = Validators::get();
        v.assert_agree_on_body(&body);
        let m: Model = body["model"].as_str().unwrap().parse().unwrap();
        v.assert_agree_on_args(m, &body["args"]);
    }

    #[test]
    fn mutated_bodies_get_the_same_verdict(body in mutated_body()) {
        let v = Validators::get();
        v.assert_agree_on_body(&body);
        if let Some(m) = body["model"].as_str().and_then(|id| id.parse::<Model>().ok()) {
            v.assert_agree_on_args(m, &body["args"]);
        }
    }

    #[test]
    fn args_of_one_model_for_another(
        (args, to) in (model(), model()).prop_flat_map(|(from, to)| (args_of(from), Just(to)))
    ) {
        Validators::get().assert_agree_on_args(to, &args);
    }

    #[test]
    fn texts_and_callback_urls_get_the_same_verdict(
        m in model(),
        text in "[ \\t\\n\\u{85}\\u{a0}\\u{3000}\\u{feff}a]{0,4}",
        url in "(https?|ftp)?(://)?[/ a-z.\\u{a0}]{0,8}",
    ) {
        let v = Validators::get();
        let mut args = serde_json::Map::new();
        for option in m.spec().options.iter().filter(|o| o.is_text()) {
            args.insert(option.name.to_owned(), json!(text));
        }
        let body = json!({"model": m.id(), "args": args, "callback_url": url});
        v.assert_agree_on_body(&body);
    }
}

/// Whole numbers written as JSON text a `serde_json::Value` cannot keep apart (`1e1` and
/// `10.0` both read as the float 10): the checker reads the text, the `jsonschema` crate the
/// parsed value, and they agree (the OpenAPI 3.0 / draft 4 reading excused as in `expected`).
#[test]
fn whole_numbers_written_as_floats_get_the_same_verdict() {
    let v = Validators::get();
    let mut checked = (0, 0);
    for model in Model::ALL {
        for text in whole_numbers_as_text(model) {
            let args: Value = serde_json::from_str(&text).unwrap();
            let checker = schema_verdict(&check_args(model, &text));
            for (validator, d) in v.args[model as usize].iter().zip(Dialect::ALL) {
                assert_eq!(
                    validator.is_valid(&args),
                    expected(checker, d, &args, Some(model)),
                    "args schema of {model} ({d}) vs checker on {text}"
                );
            }
            if checker {
                checked.0 += 1;
            } else {
                checked.1 += 1;
            }
        }
    }
    // HappyHorse's duration and Seedance omni-reference's (3 to 15, 4 to 15): 1e1, 5.0, 1.5e1,
    // 150e-1, 1E1 taken; -0, -0.0, 16.0, 3.5, 2e0 not. The image models' num_images (1 to 4,
    // and Flux's 1, 2, 4, 8): 2e0 alone taken. Midjourney's stylization, chaos and weirdness
    // (from 0 to 100 or more): all but 3.5 taken. The edit pages' num_images: Nano Banana's
    // (1 to 4) takes 2e0; Seedream's (1 to 6) 5.0 and 2e0. The string-typed durations of Vidu
    // Q2 (text- and image-to-video) and Kling O1 image-to-video take no number at all. Wan 2.6
    // reference-to-video's duration (2 to 10): 1e1, 5.0, 1E1 and 2e0 taken, the other six not.
    // Seedance 2.0 image-to-video's (4 to 15) as omni-reference's: five taken, five not. Kling
    // 2.6 text-to-video's string-typed duration ("5" or "10") takes no number (ten refused), nor
    // Kling 3.0 text-to-video's ("3" to "15": ten more). Wan 2.6 text-to-image's num_images (1
    // to 4) takes 2e0; its width and height (640 to 2880) take none of the ten.
    assert_eq!(
        checked,
        (
            10 + 3 + 27 + 3 + 4 + 5 + 1,
            10 + 27 + 3 + 9 + 8 + 3 * 10 + 6 + 5 + 10 + 10 + 9 + 2 * 10
        )
    );
}

/// A total ("images + videos together ≤ 5", Wan 2.6 reference-to-video; Seedance 2.0
/// image-to-video's images and audio at most 12) is what JSON Schema
/// cannot say: both dialects carry it as the `x-shortapi-totals` keyword, with its id, message
/// and lists, and a validator that does not know the keyword accepts what breaks it. That is
/// the one case `schema_verdict` excuses; one list past its own `maxItems` is refused by both.
#[test]
fn a_total_is_carried_as_an_extension_keyword_that_validators_do_not_apply() {
    let v = Validators::get();
    let wan = Model::Wan26ReferenceToVideo;
    let urls = |n: usize| {
        json!((0..n)
            .map(|i| format!("https://e.x/{i}"))
            .collect::<Vec<_>>())
    };
    let args = |images: usize, videos: usize| json!({"prompt": "a", "image_urls": urls(images), "video_urls": urls(videos)});
    let total = json!([{
        "id": "five_references_at_most",
        "message": "image_urls and video_urls together take at most 5 items",
        "count": ["image_urls", "video_urls"],
        "maximum": 5
    }]);
    for d in Dialect::ALL {
        assert_eq!(schema::args(wan, d)["x-shortapi-totals"], total, "{d}");
    }
    for (images, videos, checker, validators) in [
        (2, 3, true, true),
        (3, 3, false, true),  // the total: excused
        (6, 1, false, false), // image_urls past its own 5
        (1, 4, false, false), // video_urls past its own 3
    ] {
        let a = args(images, videos);
        let checked = check_args(wan, a.to_string());
        assert_eq!(checked.is_ok(), checker, "{a}");
        assert_eq!(schema_verdict(&checked), validators, "{a}");
        for (validator, d) in v.args[wan as usize].iter().zip(Dialect::ALL) {
            assert_eq!(validator.is_valid(&a), validators, "{a} ({d})");
        }
    }
    // Seedance 2.0 image-to-video: "image_urls plus audio_urls at most 12"; neither list has
    // a limit of its own.
    let seedance = Model::Seedance20ImageToVideo;
    let total = json!([{
        "id": "twelve_references_at_most",
        "message": "image_urls and audio_urls together take at most 12 items",
        "count": ["image_urls", "audio_urls"],
        "maximum": 12
    }]);
    for d in Dialect::ALL {
        assert_eq!(schema::args(seedance, d)["x-shortapi-totals"], total, "{d}");
    }
    for (images, audio, checker) in [(10, 2, true), (10, 3, false), (13, 0, false)] {
        let a = json!({"prompt": "a", "image_urls": urls(images), "audio_urls": urls(audio)});
        let checked = check_args(seedance, a.to_string());
        assert_eq!(checked.is_ok(), checker, "{a}");
        assert!(schema_verdict(&checked), "{a}: only the total is broken");
        for (validator, d) in v.args[seedance as usize].iter().zip(Dialect::ALL) {
            assert!(validator.is_valid(&a), "{a} ({d})");
        }
    }
    // Kling O1: "the number of images in images + elements must not exceed 4" (video-to-video)
    // and 7 (image-to-video); each list alone at most the same (what the total implies), which
    // the schema says as its own maxItems.
    let elements = |n: usize| {
        json!((0..n)
            .map(|i| json!({"frontal_image_url": format!("https://e.x/front-{i}.png")}))
            .collect::<Vec<_>>())
    };
    let v2v = Model::KlingO1VideoToVideo;
    let i2v = Model::KlingO1ImageToVideo;
    for (model, id, most) in [
        (v2v, "four_images_and_elements_at_most", 4),
        (i2v, "seven_images_and_elements_at_most", 7),
    ] {
        let total = json!([{
            "id": id,
            "message": format!("images and elements together take at most {most} items"),
            "count": ["images", "elements"],
            "maximum": most
        }]);
        for d in Dialect::ALL {
            assert_eq!(schema::args(model, d)["x-shortapi-totals"], total, "{d}");
        }
        for (images, elements_given, checker, validators) in [
            (1, most - 1, true, true),
            (2, most - 1, false, true),  // the total: excused
            (most, 1, false, true),      // the total: excused
            (most + 1, 0, false, false), // images past their own most
            (1, most + 1, false, false), // elements past their own most
        ] {
            let a = json!({"prompt": "a", "video": "https://e.x/in.mp4", "duration": "5",
                           "images": urls(images), "elements": elements(elements_given)});
            let mut a = a;
            if model == v2v {
                a.as_object_mut().unwrap().remove("duration");
            } else {
                a.as_object_mut().unwrap().remove("video");
            }
            let checked = check_args(model, a.to_string());
            assert_eq!(checked.is_ok(), checker, "{model}: {a}");
            assert_eq!(schema_verdict(&checked), validators, "{model}: {a}");
            for (validator, d) in v.args[model as usize].iter().zip(Dialect::ALL) {
                assert_eq!(validator.is_valid(&a), validators, "{model}: {a} ({d})");
            }
        }
    }
    // No other model has a total.
    for model in Model::ALL
        .into_iter()
        .filter(|&m| ![wan, seedance, v2v, i2v].contains(&m))
    {
        assert!(schema::args(model, Dialect::Draft2020_12)
            .get("x-shortapi-totals")
            .is_none());
    }
}

/// A relation (Wan 2.6 text-to-image: "total pixels (width × height) between 1280 × 1280 and
/// 1440 × 1440; aspect ratio within 1:4 to 4:1") is arithmetic JSON Schema cannot do: both
/// dialects carry it as the `x-shortapi-relations` keyword, as the spec writes it, and a
/// validator accepts what breaks it (`schema_verdict` excuses exactly its two codes), while
/// each side past its own range is refused by both.
#[test]
fn a_relation_is_carried_as_an_extension_keyword_that_validators_do_not_apply() {
    let v = Validators::get();
    let wan = Model::Wan26TextToImage;
    let relations = json!([
        {"id": "pixels_from_1280x1280_to_1440x1440",
         "message": "width × height is from 1280 × 1280 to 1440 × 1440 pixels",
         "product": ["width", "height"], "minimum": 1638400, "maximum": 2073600},
        {"id": "aspect_ratio_from_1_4_to_4_1",
         "message": "width : height is from 1:4 to 4:1",
         "ratio": ["width", "height"], "minimum": "1:4", "maximum": "4:1"},
    ]);
    for d in Dialect::ALL {
        assert_eq!(
            schema::args(wan, d)["x-shortapi-relations"],
            relations,
            "{d}"
        );
    }
    for (width, height, checker, validators) in [
        (1280, 1280, true, true),  // 1,638,400 pixels, 1:1
        (2880, 720, true, true),   // 2,073,600 pixels, 4:1
        (1279, 1280, false, true), // the pixels: excused
        (2880, 640, false, true),  // the ratio (9:2): excused
        (640, 2600, false, true),  // the ratio (16:65): excused
        (2881, 720, false, false), // width past its own 2880
        (1280, 639, false, false), // height under its own 640
    ] {
        let a = json!({"prompt": "a", "width": width, "height": height});
        let checked = check_args(wan, a.to_string());
        assert_eq!(checked.is_ok(), checker, "{a}");
        assert_eq!(schema_verdict(&checked), validators, "{a}");
        for (validator, d) in v.args[wan as usize].iter().zip(Dialect::ALL) {
            assert_eq!(validator.is_valid(&a), validators, "{a} ({d})");
        }
    }
    // No other model has a relation.
    for model in Model::ALL.into_iter().filter(|&m| m != wan) {
        for d in Dialect::ALL {
            assert!(
                schema::args(model, d).get("x-shortapi-relations").is_none(),
                "{model}"
            );
        }
    }
}

/// A limit (Seedance 2.0 image-to-video: "when `is_first_last_frame` is true, image_urls may
/// contain only 1 to 2 images, and audio_urls must be empty") is a forbidden combination JSON
/// Schema can say: ajv-like validators of both dialects refuse what the checker refuses, at
/// and past each limit, and take what it takes, with the flag false, left out, or on.
#[test]
fn a_limit_is_in_the_schema_and_validators_apply_it() {
    let v = Validators::get();
    let seedance = Model::Seedance20ImageToVideo;
    let urls = |n: usize| {
        json!((0..n)
            .map(|i| format!("https://e.x/{i}"))
            .collect::<Vec<_>>())
    };
    for (flag, images, audio, valid) in [
        (Some(true), 1, None, true),
        (Some(true), 2, None, true),
        (Some(true), 3, None, false), // past 2 images
        (Some(true), 2, Some(0), true),
        (Some(true), 2, Some(1), false), // audio in first/last-frame mode
        (Some(true), 0, None, false),    // image_urls' own 1 item
        (Some(false), 3, Some(1), true),
        (None, 3, Some(1), true),
    ] {
        let mut a = json!({"prompt": "a", "image_urls": urls(images)});
        if let Some(flag) = flag {
            a["is_first_last_frame"] = json!(flag);
        }
        if let Some(audio) = audio {
            a["audio_urls"] = urls(audio);
        }
        let checked = check_args(seedance, a.to_string());
        assert_eq!(checked.is_ok(), valid, "{a}");
        for (validator, d) in v.args[seedance as usize].iter().zip(Dialect::ALL) {
            assert_eq!(validator.is_valid(&a), valid, "{a} ({d})");
        }
    }
}

/// Kling 3.0 text-to-video's shots (a list of objects, cut inside its items) in the schema:
/// the validators judge each item as the checker does, and leave its sum (`x-shortapi-sums`)
/// to it, the one case excused.
#[test]
fn a_list_of_objects_is_in_the_schema_and_validators_apply_it() {
    let v = Validators::get();
    let kling = Model::Kling30TextToVideo;
    let shots = |items: Value, duration: &str| json!({"multi_shot": true, "shot_type": "customize", "duration": duration, "multi_prompt": items});
    for (a, valid, excused) in [
        (
            shots(json!([{"duration": 2}, {"duration": 3}]), "5"),
            true,
            false,
        ),
        // A field after the cut passes in an item.
        (
            shots(json!([{"duration": 5, "prompt": "p"}]), "5"),
            true,
            false,
        ),
        (shots(json!([{"duration": 0}]), "5"), false, false),
        (shots(json!([{"duration": "5"}]), "5"), false, false),
        (shots(json!([{}]), "5"), false, false),
        (shots(json!(["a shot"]), "5"), false, false),
        (shots(json!([]), "5"), false, false),
        (
            shots(json!(vec![json!({"duration": 1}); 7]), "7"),
            false,
            false,
        ),
        // The sum: the checker's alone.
        (shots(json!([{"duration": 2}]), "5"), false, true),
    ] {
        let checked = check_args(kling, a.to_string());
        assert_eq!(checked.is_ok(), valid, "{a}");
        if excused {
            let codes: Vec<shortapi_pricing::Code> = checked
                .unwrap_err()
                .as_slice()
                .iter()
                .map(|v| v.code)
                .collect();
            assert_eq!(codes, [shortapi_pricing::Code::WrongSum], "{a}");
        }
        for (validator, d) in v.args[kling as usize].iter().zip(Dialect::ALL) {
            assert_eq!(validator.is_valid(&a), valid || excused, "{a} ({d})");
        }
    }
    let schema = schema::args(kling, Dialect::Draft2020_12);
    assert_eq!(
        schema[schema::SUMS_KEYWORD],
        json!([{"id": "shots_add_up_to_duration", "message": "the shots' durations add up to the task's duration", "list": "multi_prompt", "field": "duration", "equals": "duration"}])
    );
}
