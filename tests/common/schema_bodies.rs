//! Inputs for the schema tests (tests/schema.rs, tests/frontend.rs), for every model, read from
//! each model's spec at run time: every option combination, and proptest strategies for args
//! and bodies, valid and mutated.
//!
//! Included by path (`#[path = "common/schema_bodies.rs"]`) so that it depends on nothing else
//! in tests/common.

#![allow(dead_code)]

use proptest::prelude::*;
use serde_json::{json, Map, Value};
use shortapi_pricing::spec::{ModelSpec, OptionKind, OptionSpec};
use shortapi_pricing::Model;

/// Every value an option is given in the exhaustive walk: each enum value, both bools, and
/// for an integer its edges, its default and one past each edge (and, where the page lists its
/// values, each of them and one between), and the default and one past the maximum written as
/// floats (`5.0`).
pub fn walk_values(option: &OptionSpec) -> Vec<Value> {
    match option.kind {
        OptionKind::Text { .. } => vec![json!("a black lab")],
        // A list: empty, one and two items, and at its most and one past (where it has one),
        // and with a blank item.
        OptionKind::List { max_items, .. } => {
            let urls = |n: u32| {
                json!((0..n)
                    .map(|k| format!("https://example.com/{k}.png"))
                    .collect::<Vec<_>>())
            };
            let mut v = vec![
                urls(0),
                urls(1),
                urls(2),
                json!(["https://example.com/a.png", " "]),
            ];
            v.extend(max_items.into_iter().flat_map(|m| [urls(m), urls(m + 1)]));
            v
        }
        OptionKind::Enum { values, .. } => values.iter().map(|v| json!(v)).collect(),
        OptionKind::Bool { .. } => vec![json!(false), json!(true)],
        // A number: its edges, a fraction between, just past each edge, and a string.
        OptionKind::Number { minimum, maximum } => {
            let n = |d: rust_decimal::Decimal| -> Value {
                serde_json::from_str(&d.normalize().to_string()).unwrap()
            };
            let step = rust_decimal::Decimal::new(1, 3);
            vec![
                n(minimum),
                n(maximum),
                n((minimum + maximum) / rust_decimal::Decimal::TWO),
                n(minimum - step),
                n(maximum + step),
                json!(minimum.to_string()),
            ]
        }
        // A string-typed integer: its edges and one past each as strings, the default, a
        // string not in canonical form, and the number itself (the wrong type).
        OptionKind::Integer {
            minimum,
            maximum,
            default,
            string: true,
            ..
        } => {
            let mut v: Vec<Value> = [
                Some(minimum),
                Some(maximum),
                default,
                minimum.checked_sub(1),
                maximum.checked_add(1),
            ]
            .into_iter()
            .flatten()
            .map(|n| json!(n.to_string()))
            .collect();
            v.push(json!(format!("0{minimum}")));
            v.push(json!(format!(" {maximum}")));
            v.push(json!(minimum));
            v
        }
        OptionKind::Integer {
            minimum,
            maximum,
            values: listed,
            default,
            ..
        } => {
            let mut v = vec![minimum, maximum];
            v.extend(default);
            v.extend(minimum.checked_sub(1));
            v.extend(maximum.checked_add(1));
            // Every listed value, and a number between two of them that is not listed.
            v.extend(listed);
            v.extend(
                listed
                    .windows(2)
                    .find(|w| w[1] > w[0] + 1)
                    .map(|w| w[0] + 1),
            );
            let mut values: Vec<Value> = v.into_iter().map(|n| json!(n)).collect();
            // Whole numbers written as floats (`5.0`), which JSON Schema counts as integers:
            // the default (or the minimum), and one past the maximum.
            values.push(json!(default.unwrap_or(minimum) as f64));
            values.extend(maximum.checked_add(1).map(|n| json!(n as f64)));
            values
        }
    }
}

/// A text every free-text option accepts.
pub fn text_for(option: &OptionSpec) -> Value {
    match option.name {
        "prompt" => json!("a black lab swimming"),
        name => json!(format!("https://example.com/{name}.png")),
    }
}

/// Every combination of the values of [`walk_values`] for `spec`'s non-text options, each
/// with every free-text option given.
pub fn every_combination(spec: &ModelSpec) -> Vec<Map<String, Value>> {
    let mut rows = vec![Map::new()];
    for option in spec.options {
        let values = match option.kind {
            OptionKind::Text { .. } => vec![text_for(option)],
            _ => walk_values(option),
        };
        rows = rows
            .into_iter()
            .flat_map(|row| {
                values.iter().map(move |v| {
                    let mut next = row.clone();
                    next.insert(option.name.to_owned(), v.clone());
                    next
                })
            })
            .collect();
    }
    rows
}

/// `args` as given, and once without each of its fields.
pub fn with_each_field_left_out(args: &Map<String, Value>) -> Vec<Map<String, Value>> {
    let mut out = vec![args.clone()];
    for key in args.keys() {
        let mut without = args.clone();
        without.remove(key);
        out.push(without);
    }
    out
}

/// A body of `model` around `args`.
pub fn body(model: Model, args: Value) -> Value {
    json!({ "model": model.id(), "args": args })
}

/// Any model.
pub fn model() -> impl Strategy<Value = Model> {
    prop::sample::select(Model::ALL.to_vec())
}

/// Free text: mostly fine, sometimes empty or only white space (including the kinds the
/// checker trims and the byte-order mark it does not).
pub fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-z][a-z ]{0,10}",
        1 => "[ \\t\\n\\r\\u{b}\\u{c}\\u{85}\\u{a0}\\u{2028}\\u{3000}\\u{feff}a]{0,4}",
    ]
}

/// A value for `option` that is well typed (enum value, bool, integer in range or at most
/// two past an edge, text).
fn option_value(option: &'static OptionSpec) -> BoxedStrategy<Value> {
    match option.kind {
        OptionKind::Text { .. } => text().prop_map(Value::String).boxed(),
        // Up to 12 items, now and then one that is not a string.
        OptionKind::List { .. } => prop::collection::vec(
            prop_oneof![
                9 => text().prop_map(Value::String),
                1 => Just(json!(5)),
            ],
            0..=12,
        )
        .prop_map(Value::Array)
        .boxed(),
        OptionKind::Enum { values, .. } => prop::sample::select(values.to_vec())
            .prop_map(|v| json!(v))
            .boxed(),
        OptionKind::Bool { .. } => any::<bool>().prop_map(Value::Bool).boxed(),
        // Thousandths from a little below the range to a little above.
        OptionKind::Number { minimum, maximum } => {
            let (lo, hi) = (
                minimum * rust_decimal::Decimal::ONE_THOUSAND,
                maximum * rust_decimal::Decimal::ONE_THOUSAND,
            );
            let (lo, hi) = (
                i64::try_from(lo).unwrap_or(0) - 50,
                i64::try_from(hi).unwrap_or(0) + 50,
            );
            (lo..=hi)
                .prop_map(|k| {
                    let d = rust_decimal::Decimal::new(k, 3).normalize();
                    serde_json::from_str(&d.to_string()).unwrap()
                })
                .boxed()
        }
        OptionKind::Integer {
            minimum,
            maximum,
            string: true,
            ..
        } => (minimum.saturating_sub(2)..=maximum.saturating_add(2))
            .prop_map(|n| json!(n.to_string()))
            .boxed(),
        OptionKind::Integer {
            minimum, maximum, ..
        } => (minimum.saturating_sub(2)..=maximum.saturating_add(2))
            .prop_map(|n| json!(n))
            .boxed(),
    }
}

/// Args of `model`: each option given a well-typed value or (a fifth of the time, and only
/// if it is optional, or rarely if it is required) left out. Some break a rule or have blank
/// text; the checker says which.
pub fn args_of(model: Model) -> BoxedStrategy<Value> {
    let fields: Vec<BoxedStrategy<Option<(&'static str, Value)>>> = model
        .spec()
        .options
        .iter()
        .map(|option| {
            let keep = if option.is_required() { 0.97 } else { 0.8 };
            (prop::bool::weighted(keep), option_value(option))
                .prop_map(move |(keep, v)| keep.then_some((option.name, v)))
                .boxed()
        })
        .collect();
    fields
        .prop_map(|fields| {
            Value::Object(
                fields
                    .into_iter()
                    .flatten()
                    .map(|(k, v)| (k.to_owned(), v))
                    .collect(),
            )
        })
        .boxed()
}

/// A body of any model, with or without a callback URL.
pub fn any_body() -> impl Strategy<Value = Value> {
    (model(), any::<bool>())
        .prop_flat_map(|(m, callback)| (Just(m), args_of(m), Just(callback)))
        .prop_map(|(m, args, callback)| {
            let mut b = body(m, args);
            if callback {
                b["callback_url"] = json!("https://example.com/hook");
            }
            b
        })
}

/// Any JSON value, nested a few levels, with strings that are option values of some model.
pub fn any_json() -> impl Strategy<Value = Value> {
    let mut known: Vec<String> = vec!["true".into(), "".into(), " ".into(), "x".into()];
    for model in Model::ALL {
        known.push(model.id().to_owned());
        for option in model.spec().options {
            if let OptionKind::Enum { values, .. } = option.kind {
                known.extend(values.iter().map(|v| (*v).to_owned()));
            }
        }
    }
    known.sort();
    known.dedup();
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        (-3i64..20).prop_map(|n| json!(n)),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| json!(f)),
        "\\PC{0,12}".prop_map(Value::String),
        prop::sample::select(known).prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(field_name(), inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Field names: every model's options, the body's fields, near misses and others.
pub fn field_name() -> impl Strategy<Value = String> {
    let mut names: Vec<String> = [
        "model",
        "args",
        "callback_url",
        "Resolution",
        "a/b~c",
        "resoluton",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    for model in Model::ALL {
        names.extend(model.spec().options.iter().map(|o| o.name.to_owned()));
    }
    names.sort();
    names.dedup();
    prop_oneof![
        3 => prop::sample::select(names),
        1 => "[a-z_]{1,8}",
    ]
}

/// A body of any model with one mutation: a field of `args` or of the body set to any JSON,
/// removed or added; the args lifted to the top; the callback URL or a text replaced; the
/// body's `model` swapped for another model's id or one the crate does not know.
pub fn mutated_body() -> impl Strategy<Value = Value> {
    (any_body(), field_name(), any_json(), model(), 0..9u8).prop_map(
        |(mut body, key, replacement, other, mutation)| {
            match mutation {
                0 => body["args"][key.as_str()] = replacement,
                1 => {
                    body.as_object_mut().unwrap().insert(key, replacement);
                }
                2 => {
                    body["args"].as_object_mut().unwrap().remove(&key);
                }
                3 => {
                    body = body["args"].clone();
                    body[key.as_str()] = replacement;
                }
                4 => {
                    body.as_object_mut().unwrap().remove(&key);
                }
                5 => body["callback_url"] = replacement,
                6 => body["args"]["prompt"] = replacement,
                7 => body["model"] = json!(other.id()),
                _ => body["model"] = json!(format!("{}-x", other.id())),
            }
            body
        },
    )
}

/// Whether `value` holds a number written as a float (`5.0`, `1e1`, `-0`): the one input the
/// OpenAPI 3.0 schema, read with draft 4's rules by the `jsonschema` crate, refuses where the
/// checker (and draft 2020-12, and ajv in any draft) takes a whole one as an integer. Draft 4
/// defines an integer as a number without a fraction or exponent part; later drafts as any
/// number whose value is whole.
pub fn has_float(value: &Value) -> bool {
    match value {
        Value::Number(n) => !(n.is_i64() || n.is_u64()),
        Value::Array(items) => items.iter().any(has_float),
        Value::Object(members) => members.values().any(has_float),
        _ => false,
    }
}

/// Whether a number written as a float stands at an integer option of the args of `input`
/// (bare args of `model`, or a body, whose own `model` decides): where the OpenAPI 3.0 schema
/// read with draft 4's rules refuses it. A float anywhere else (in a field a page cut inside
/// its option list lets pass, or at a number option) is no integer's.
pub fn float_at_integer(input: &Value, model: Option<Model>) -> bool {
    let (args, model) = match input.get("model").and_then(Value::as_str) {
        Some(id) if input.get("args").is_some() => (&input["args"], id.parse().ok()),
        _ => (input, model),
    };
    let Some(model) = model else {
        return has_float(input);
    };
    let spec = model.spec();
    // A float at a number option (`cfg_scale`) is its value, not a whole number's spelling.
    let elsewhere = args.as_object().map_or(has_float(args), |members| {
        members
            .iter()
            .filter(|(k, _)| spec.option(k).is_none_or(|o| !o.is_number()))
            .any(|(_, v)| has_float(v))
    });
    spec.options.iter().any(|o| {
        matches!(o.kind, shortapi_pricing::spec::OptionKind::Integer { .. })
            && args.get(o.name).is_some_and(has_float)
    }) || (spec.cut_after.is_none() && elsewhere)
}

/// Bare args of `model` as JSON text, one for each whole number written as a float (and a few
/// that are not whole) at each integer option, with every required text given: `1e1`, `-0`,
/// `5.0`, … as text, since a `serde_json::Value` writes them all as `10.0`, `-0.0`, `5.0`.
pub fn whole_numbers_as_text(model: Model) -> Vec<String> {
    let required: Vec<String> = model
        .spec()
        .options
        .iter()
        .filter(|o| o.is_required())
        .map(|o| match o.kind {
            OptionKind::Enum { values, .. } => format!("\"{}\":\"{}\"", o.name, values[0]),
            OptionKind::List { .. } => format!("\"{}\":[\"x\"]", o.name),
            _ => format!("\"{}\":\"x\"", o.name),
        })
        .collect();
    let mut texts = Vec::new();
    for option in model.spec().options {
        if !matches!(option.kind, OptionKind::Integer { .. }) {
            continue;
        }
        for number in [
            "1e1", "-0", "-0.0", "5.0", "1.5e1", "150e-1", "16.0", "1E1", "3.5", "2e0",
        ] {
            let mut members = required.clone();
            members.push(format!("\"{}\":{number}", option.name));
            texts.push(format!("{{{}}}", members.join(",")));
        }
    }
    texts
}

/// What a JSON Schema validator must say of an input the checker judged `outcome`: its verdict,
/// except for the two things the schema cannot say. A request whose only violations are totals
/// (`too_many_in_total`, `too_few_in_total`: items counted across several lists, carried in the
/// schema as the `x-shortapi-totals` extension keyword that validators do not apply) or sums
/// (`wrong_sum`: a list's items' values adding up to an option, `x-shortapi-sums`) or
/// relations (`product_out_of_range`, `ratio_out_of_range`: the product or ratio of two
/// options, `x-shortapi-relations`) is valid to the schema. That is the whole list of excused
/// cases: every other verdict must agree.
pub fn schema_verdict<T>(outcome: &Result<T, shortapi_pricing::Violations>) -> bool {
    match outcome {
        Ok(_) => true,
        Err(v) => v.as_slice().iter().all(|v| {
            matches!(
                v.code,
                shortapi_pricing::Code::TooManyInTotal
                    | shortapi_pricing::Code::TooFewInTotal
                    | shortapi_pricing::Code::WrongSum
                    | shortapi_pricing::Code::ProductOutOfRange
                    | shortapi_pricing::Code::RatioOutOfRange
            )
        }),
    }
}
