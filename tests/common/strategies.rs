//! proptest strategies shared by the property and schema tests.

use pixverse_pricing::{Args, AspectRatio, Duration, Options, Resolution};
use proptest::prelude::*;
use serde_json::{json, Value};

pub fn options() -> impl Strategy<Value = Options> {
    (
        prop::sample::select(Resolution::ALL.to_vec()),
        prop::sample::select(Duration::ALL.to_vec()),
        prop::sample::select(AspectRatio::ALL.to_vec()),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(resolution, duration, aspect_ratio, generate_audio, multi_shot)| Options {
                resolution,
                duration,
                aspect_ratio,
                generate_audio,
                multi_shot,
            },
        )
}

/// Any JSON value, nested a few levels.
pub fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| json!(f)),
        "\\PC{0,12}".prop_map(Value::String),
        prop::sample::select(vec![
            "540p", "720p", "1080p", "5", "8", "10", "16:9", "1:1", "true", "", " "
        ])
        .prop_map(|s| Value::String(s.to_owned())),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(field_name(), inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Field names: the real ones, the body's, and others.
pub fn field_name() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(vec![
            "prompt", "resolution", "duration", "aspect_ratio", "generate_audio", "multi_shot", "model", "args",
            "callback_url", "Resolution", "a/b~c",
        ])
        .prop_map(str::to_owned),
        1 => "[a-z_]{1,8}",
    ]
}

/// A valid create-job body as JSON.
pub fn valid_body() -> impl Strategy<Value = Value> {
    (
        options().prop_filter("allowed", |o| o.quote().is_ok()),
        "[a-z ]{0,10}[a-z]",
        any::<bool>(),
    )
        .prop_map(|(o, prompt, with_callback)| {
            let mut args =
                serde_json::to_value(Args::new(prompt).unwrap().with_options(o)).unwrap();
            if !with_callback {
                args.as_object_mut().unwrap().remove("aspect_ratio");
            }
            let mut body = json!({"model": "pixverse/pixverse-5.5/text-to-video", "args": args});
            if with_callback {
                body["callback_url"] = json!("https://example.com/hook");
            }
            body
        })
}

/// A valid body with one mutation: a field of `args` or of the body set to any JSON, removed or
/// added, the args lifted to the top, or the callback URL or prompt replaced.
pub fn mutated_body() -> impl Strategy<Value = Value> {
    (valid_body(), field_name(), any_json(), 0..7u8).prop_map(
        |(mut body, key, replacement, mutation)| {
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
                _ => body["args"]["prompt"] = replacement,
            }
            body
        },
    )
}
