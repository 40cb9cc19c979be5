//! The JSON checker for every model: dispatch on `model`, each violation's path, code and
//! message, all violations at once, bodies and bare args (which need their model named).
//!
//! The tests named for PixVerse's options (resolution, duration, aspect_ratio, generate_audio
//! and the 1080p / 10 s rule) walk the PixVerse models; HappyHorse text-to-video, a model of
//! another shape (an integer duration, `ratio`, capital wire values, no rule), has its own
//! tests below, transcribed from its facts file.

use shortapi_pricing::models::pixverse_5_5_text_to_video::{Duration, Options, Resolution};
use shortapi_pricing::spec::{OptionKind, WireValue};
use shortapi_pricing::{
    check, check_args, check_as, quote_args_json, quote_json, Code, CreateJobRequest, Expect,
    Fields, Model,
};

const SEED: Model = Model::Pixverse55TextToVideo;

/// The PixVerse models: the pages whose options these tests name.
fn pixverse() -> impl Iterator<Item = Model> {
    Model::ALL
        .into_iter()
        .filter(|m| m.id().starts_with("pixverse/"))
}

/// `(path, code)` of every violation, in order.
fn found_in(result: Result<CreateJobRequest, shortapi_pricing::Violations>) -> Vec<(String, Code)> {
    match result {
        Ok(r) => panic!("accepted: {r:?}"),
        Err(v) => v
            .as_slice()
            .iter()
            .map(|v| (v.path.clone(), v.code))
            .collect(),
    }
}

/// `(path, code)` of every violation of a body.
fn found(json: &str) -> Vec<(String, Code)> {
    found_in(check(json))
}

/// `(path, code)` of every violation of bare args of `model`.
fn found_args(model: Model, json: &str) -> Vec<(String, Code)> {
    found_in(check_args(model, json).map(CreateJobRequest::new))
}

/// The one violation's message.
fn message_of(result: Result<CreateJobRequest, shortapi_pricing::Violations>) -> String {
    let errors = result.unwrap_err();
    assert_eq!(errors.as_slice().len(), 1, "{errors}");
    errors.as_slice()[0].message.clone()
}

fn message(json: &str) -> String {
    message_of(check(json))
}

fn owned(v: &[(&str, Code)]) -> Vec<(String, Code)> {
    v.iter().map(|(p, c)| (p.to_string(), *c)).collect()
}

/// A body of `model` with `args`.
fn body(model: Model, args: &str) -> String {
    format!(r#"{{"model":"{}","args":{args}}}"#, model.id())
}

/// Every required free-text input of `model` as JSON members, e.g. `"prompt":"p","image":"i"`.
fn required(model: Model) -> String {
    let members: Vec<String> = model
        .spec()
        .options
        .iter()
        .filter(|o| o.is_required())
        .map(|o| match o.kind {
            OptionKind::Enum { values, .. } => format!("\"{}\":\"{}\"", o.name, values[0]),
            OptionKind::List { .. } => format!("\"{}\":[\"https://example.com/1.png\"]", o.name),
            _ => format!("\"{}\":\"https://example.com/{}.png\"", o.name, o.name),
        })
        .collect();
    members.join(",")
}

/// Args of `model` with its required inputs and `extra` members.
fn args_with(model: Model, extra: &str) -> String {
    let required = required(model);
    match (required.is_empty(), extra.is_empty()) {
        (_, true) => format!("{{{required}}}"),
        (true, false) => format!("{{{extra}}}"),
        (false, false) => format!("{{{required},{extra}}}"),
    }
}

/// `"a", "b"`: how messages list values.
fn quoted(values: &[&str]) -> String {
    values
        .iter()
        .map(|v| format!("{v:?}"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[test]
fn a_body_is_checked_against_the_model_it_names() {
    for model in pixverse() {
        let request = check(body(model, &args_with(model, r#""duration":"8""#))).unwrap();
        assert_eq!(request.model(), model);
        assert_eq!(
            request.args.selection().get("duration"),
            Some(WireValue::Str("8"))
        );
        assert_eq!(request.callback_url, None);
        let quote = quote_json(body(model, &args_with(model, ""))).unwrap();
        assert_eq!(quote.model(), model, "a quote says its model");
        let json = serde_json::to_value(quote).unwrap();
        assert_eq!(json["model"], model.id());
    }
    // The same args are refused by a model that needs an image.
    let args = r#"{"prompt":"a cat"}"#;
    assert!(check(body(Model::Pixverse55TextToVideo, args)).is_ok());
    assert_eq!(
        found(&body(Model::Pixverse60ImageToVideo, args)),
        owned(&[("/args/image", Code::MissingField)])
    );
    assert_eq!(
        found(&body(Model::Pixverse55Transition, args)),
        owned(&[
            ("/args/image", Code::MissingField),
            ("/args/image_tail", Code::MissingField)
        ])
    );
    // A model without multi_shot refuses it.
    assert_eq!(
        found(&body(
            Model::Pixverse60Transition,
            &args_with(Model::Pixverse60Transition, r#""multi_shot":true"#)
        )),
        owned(&[("/args/multi_shot", Code::UnknownField)])
    );

    // The seed page's own example body (its callback placeholder replaced by a URL).
    let seed = r#"{ "model": "pixverse/pixverse-5.5/text-to-video", "args": { "prompt": "An anime scene: A young woman stands beneath a cherry blossom tree, her long hair gently swaying in the breeze." }, "callback_url": "https://example.com/callback" }"#;
    let request = check(seed).unwrap();
    assert_eq!(request.quote().unwrap().amount().to_string(), "0.170");
    assert_eq!(
        request.callback_url.as_deref(),
        Some("https://example.com/callback")
    );
    assert_eq!(request.args.text("prompt"), Some("An anime scene: A young woman stands beneath a cherry blossom tree, her long hair gently swaying in the breeze."));
}

#[test]
fn an_unknown_model_is_named_with_the_known_ids_and_its_args_are_not_judged() {
    let known = quoted(&Model::IDS);
    assert_eq!(
        message(r#"{"model":"kling","args":{"prompt":"","duration":9,"fps":1}}"#),
        format!(r#"unknown model "kling"; known models: {known}"#)
    );
    assert_eq!(
        found(r#"{"model":"Pixverse/pixverse-5.5/text-to-video ","args":{"prompt":"p"}}"#),
        owned(&[("/model", Code::UnknownModel)])
    );
    // The args come first: still not judged.
    assert_eq!(
        found(r#"{"args":{"prompt":7},"model":"kling"}"#),
        owned(&[("/model", Code::UnknownModel)])
    );
    assert_eq!(
        message(r#"{"model":7,"args":{}}"#),
        format!("model must be a model id string, not the number 7; known models: {known}")
    );
    assert_eq!(
        message(r#"{"args":{"prompt":"p"}}"#),
        format!("model is required: one of {known}")
    );
    for id in Model::IDS {
        assert!(known.contains(id));
    }
    assert_eq!(
        "kling".parse::<Model>().unwrap_err().to_string(),
        format!(r#"unknown model "kling"; known models: {known}"#)
    );
}

/// The one-probe table finds every id, and nothing that is not one: an id with any byte
/// changed, one byte short or long, is no model (through `from_id`, `FromStr` and a body).
#[test]
fn every_model_is_found_by_its_id_and_no_near_miss_is() {
    assert_eq!(Model::ALL.len(), Model::IDS.len());
    for (model, id) in Model::ALL.into_iter().zip(Model::IDS) {
        assert_eq!(Model::from_id(id), Some(model), "{id}");
        assert_eq!(id.parse::<Model>(), Ok(model));
        let mut misses = vec![
            id[..id.len() - 1].to_owned(),
            format!("{id}/"),
            format!(" {id}"),
        ];
        misses.extend((0..id.len()).map(|i| format!("{}#{}", &id[..i], &id[i + 1..])));
        for miss in misses {
            assert_eq!(Model::from_id(&miss), None, "{miss:?}");
            assert!(miss.parse::<Model>().is_err(), "{miss:?}");
        }
        let body = format!(r#"{{"model":"{}#","args":{{}}}}"#, id);
        assert_eq!(found(&body), owned(&[("/model", Code::UnknownModel)]));
    }
    assert_eq!(Model::from_id(""), None);
}

#[test]
fn bare_args_need_their_model_named() {
    let args = r#"{"prompt":"a cat","duration":"8"}"#;
    let checked = check_args(SEED, args).unwrap();
    assert_eq!(checked.model(), SEED);
    assert_eq!(checked.options::<Options>().unwrap().duration, Duration::S8);
    assert_eq!(checked.text("prompt"), Some("a cat"));
    assert_eq!(
        quote_args_json(SEED, args).unwrap().amount().to_string(),
        "0.340"
    );
    // The same bytes as another model's args.
    assert_eq!(
        quote_args_json(Model::Pixverse60TextToVideo, args)
            .unwrap()
            .amount()
            .to_string(),
        "0.304" // 0.038 × 8
    );
    assert_eq!(
        found_args(Model::Pixverse60ImageToVideo, args),
        owned(&[("/image", Code::MissingField)])
    );
    // Either form, no model named: one violation that says what to do.
    let unnamed = check_as(args, Expect::Either(None)).unwrap_err();
    let [one] = unnamed.as_slice() else {
        panic!("{unnamed}")
    };
    assert_eq!((one.path.as_str(), one.code), ("", Code::UnknownModel));
    assert_eq!(
        one.message,
        format!(
            r#"bare args name no model: name one (check_args, --model) or send a whole create-job body with "model"; known models: {}"#,
            quoted(&Model::IDS)
        )
    );
    // Either form with a model: bare args are that model's, a body's own model decides.
    assert_eq!(
        check_as(args, Expect::Either(Some(SEED))).unwrap().args,
        checked
    );
    let image_body = body(
        Model::Pixverse60ImageToVideo,
        r#"{"prompt":"p","image":"https://e.x/i.png"}"#,
    );
    assert_eq!(
        check_as(&image_body, Expect::Either(Some(SEED)))
            .unwrap()
            .model(),
        Model::Pixverse60ImageToVideo
    );
    // A body where bare args are expected, and bare args where a body is.
    assert_eq!(
        found_args(SEED, &image_body),
        owned(&[
            ("/model", Code::UnknownField),
            ("/args", Code::UnknownField),
            ("/prompt", Code::MissingField)
        ])
    );
    assert_eq!(
        found(args),
        owned(&[
            ("/prompt", Code::UnknownField),
            ("/duration", Code::UnknownField),
            ("/model", Code::MissingField),
            ("/args", Code::MissingField)
        ])
    );
    // Options beside a body's fields are unknown there.
    assert_eq!(
        found_in(check_as(
            format!(
                r#"{{"model":"{}","args":{{"prompt":"p"}},"duration":"8"}}"#,
                SEED.id()
            ),
            Expect::Either(Some(SEED))
        )),
        owned(&[("/duration", Code::UnknownField)])
    );
}

#[test]
fn args_before_the_model_are_judged_the_same() {
    for model in Model::ALL {
        for args in [
            args_with(model, r#""duration":"8","generate_audio":true"#),
            args_with(model, r#""duration":8,"resolution":"4k","fps":1"#),
            args_with(model, r#""resolution":"1080p","duration":"10""#),
            r#"{"prompt":" "}"#.to_owned(),
        ] {
            let first = body(model, &args);
            let after = format!(r#"{{"args":{args},"model":"{}"}}"#, model.id());
            assert_eq!(check(&after), check(&first), "{after}");
            assert_eq!(quote_json(&after), quote_json(&first), "{after}");
        }
    }
}

#[test]
fn every_pixverse_model_reports_the_same_codes_at_the_same_pointers() {
    for model in pixverse() {
        let spec = model.spec();
        let b = |extra: &str| body(model, &args_with(model, extra));
        assert_eq!(
            found(&b(r#""duration":10"#)),
            owned(&[("/args/duration", Code::WrongType)]),
            "{model}"
        );
        assert_eq!(
            message(&b(r#""duration":10"#)),
            r#"duration must be a string, not the number 10; write the string "10"; allowed: "5", "8", "10""#
        );
        assert_eq!(
            message(&b(r#""aspect_ratio":null"#)),
            r#"aspect_ratio must be a string, not null; leave it out for the default "16:9"; allowed: "16:9", "9:16", "4:3", "3:4", "1:1""#
        );
        assert_eq!(
            message(&b(r#""duration":7.5"#)),
            r#"duration must be a string, not the number 7.5; allowed: "5", "8", "10""#
        );
        assert_eq!(
            message(&b(r#""resolution":"4k""#)),
            r#""4k" is not an allowed resolution; allowed: "540p", "720p", "1080p" (default "720p")"#
        );
        assert_eq!(
            message(&b(r#""aspect_ratio":"16x9""#)),
            r#""16x9" is not an allowed aspect_ratio; allowed: "16:9", "9:16", "4:3", "3:4", "1:1" (default "16:9")"#
        );
        // Case and white space matter on the wire.
        for wrong in [r#""resolution":"1080P""#, r#""resolution":" 720p""#] {
            assert_eq!(
                found(&b(wrong)),
                owned(&[("/args/resolution", Code::InvalidValue)])
            );
        }
        assert_eq!(
            message(&b(r#""generate_audio":"true""#)),
            r#"generate_audio must be true or false, not the string "true"; write true without quotes"#
        );
        assert_eq!(
            message(&b(r#""generate_audio":"false""#)),
            r#"generate_audio must be true or false, not the string "false"; write false without quotes"#
        );
        assert_eq!(
            message(&b(r#""generate_audio":"yes""#)),
            r#"generate_audio must be true or false, not the string "yes""#
        );
        assert_eq!(
            message(&b(r#""generate_audio":null"#)),
            "generate_audio must be true or false, not null; leave it out for the default false"
        );
        assert_eq!(
            found(&b(r#""generate_audio":1"#)),
            owned(&[("/args/generate_audio", Code::WrongType)])
        );
        let names: Vec<&str> = spec.options.iter().map(|o| o.name).collect();
        assert_eq!(
            message(&b(r#""fps":24"#)),
            format!(
                r#"unknown field "fps"; allowed fields of {}: {}"#,
                model.id(),
                quoted(&names)
            )
        );
        // Duplicate keys are refused rather than letting the last one win silently.
        assert_eq!(
            found(&b(r#""resolution":"540p","resolution":"1080p""#)),
            owned(&[("/args/resolution", Code::DuplicateField)])
        );
        // Keys with `/` and `~` are escaped in the pointer.
        assert_eq!(
            found(&b(r#""a/b~c":1"#)),
            owned(&[("/args/a~1b~0c", Code::UnknownField)])
        );
        // The rule, at the last of its options given, with what is allowed.
        let rule = b(r#""resolution":"1080p","duration":"10""#);
        assert_eq!(
            found(&rule),
            owned(&[("/args/duration", Code::UnsupportedCombination)])
        );
        assert_eq!(
            message(&rule),
            r#"1080p is not supported for 10s videos (resolution = "1080p", duration = "10"); with the other options as given, duration may be "5", "8""#
        );
        assert_eq!(quote_json(&rule).unwrap_err(), check(&rule).unwrap_err());
        // Not reported when one of its options is itself invalid: that would be noise.
        assert_eq!(
            found(&b(r#""resolution":"1080p","duration":10"#)),
            owned(&[("/args/duration", Code::WrongType)])
        );
        // The same args bare: the same codes, pointers one level up.
        assert_eq!(
            found_args(model, &args_with(model, r#""duration":10,"fps":1"#)),
            owned(&[("/duration", Code::WrongType), ("/fps", Code::UnknownField)])
        );
    }
}

#[test]
fn every_violation_at_once() {
    for model in pixverse() {
        let mut want = vec![
            ("/args/resolution", Code::InvalidValue),
            ("/args/duration", Code::WrongType),
            ("/args/aspect_ratio", Code::WrongType),
            ("/args/generate_audio", Code::WrongType),
            ("/args/extra", Code::UnknownField),
        ];
        let missing: Vec<String> = model
            .spec()
            .options
            .iter()
            .filter(|o| o.is_required())
            .map(|o| format!("/args/{}", o.name))
            .collect();
        want.extend(missing.iter().map(|p| (p.as_str(), Code::MissingField)));
        assert_eq!(
            found(&body(
                model,
                r#"{"resolution":"4k","duration":10,"aspect_ratio":null,"generate_audio":"yes","extra":{}}"#
            )),
            owned(&want),
            "{model}"
        );
    }
    assert_eq!(
        found(r#"{"model":7,"args":{},"callback_url":"CALLBACK_URL","priority":1}"#),
        owned(&[
            ("/model", Code::WrongType),
            ("/callback_url", Code::InvalidValue),
            ("/priority", Code::UnknownField),
        ])
    );
    assert_eq!(
        found(&format!(
            r#"{{"model":"{}","args":{{}},"callback_url":"CALLBACK_URL","priority":1}}"#,
            SEED.id()
        )),
        owned(&[
            ("/args/prompt", Code::MissingField),
            ("/callback_url", Code::InvalidValue),
            ("/priority", Code::UnknownField),
        ])
    );
}

/// Every PixVerse model refuses 1080p at 10 s (../shared/models/README.md). A rule is judged only on
/// values that were accepted: a repeated or mistyped duration is reported once, as what it is,
/// and the rule is not reported beside it.
#[test]
fn a_rule_is_not_judged_on_a_refused_value() {
    for model in pixverse() {
        let broken = args_with(model, r#""resolution":"1080p","duration":"10""#);
        assert_eq!(
            found_args(model, &broken),
            owned(&[("/duration", Code::UnsupportedCombination)]),
            "{model}"
        );
        for (extra, want) in [
            (
                r#""resolution":"1080p","duration":"10","duration":"10""#,
                ("/duration", Code::DuplicateField),
            ),
            (
                r#""resolution":"1080p","resolution":"1080p","duration":"10""#,
                ("/resolution", Code::DuplicateField),
            ),
            (
                r#""resolution":"1080p","duration":10"#,
                ("/duration", Code::WrongType),
            ),
        ] {
            assert_eq!(
                found_args(model, &args_with(model, extra)),
                owned(&[want]),
                "{model} {extra}"
            );
        }
    }
}

/// `args` given twice: JSON tools resolve `/args` in the last one, so only the repeat is
/// reported, never what either `args` holds.
#[test]
fn args_given_twice_is_reported_alone() {
    for model in Model::ALL {
        let json = format!(
            r#"{{"model":"{}","args":{{"prompt":" ","duration":7}},"args":{{"resolution":"4k"}}}}"#,
            model.id()
        );
        assert_eq!(
            found(&json),
            owned(&[("/args", Code::DuplicateField)]),
            "{model}"
        );
    }
}

/// Inside a body, everything about `args` is reported in the order the bare args would be:
/// what each key's value breaks where the key stands, then what only the whole object tells
/// (missing inputs, then broken rules).
#[test]
fn violations_in_a_body_s_args_keep_their_order() {
    for model in pixverse() {
        let args =
            r#"{"fps":24,"aspect_ratio":"2:1","resolution":"1080p","duration":"10","seed":1}"#;
        let mut want = vec![
            ("/fps".to_owned(), Code::UnknownField),
            ("/aspect_ratio".to_owned(), Code::InvalidValue),
            ("/seed".to_owned(), Code::UnknownField),
        ];
        want.extend(
            model
                .spec()
                .options
                .iter()
                .filter(|o| o.is_required())
                .map(|o| (format!("/{}", o.name), Code::MissingField)),
        );
        want.push(("/duration".to_owned(), Code::UnsupportedCombination));
        let in_body: Vec<_> = want
            .iter()
            .map(|(p, c)| (format!("/args{p}"), *c))
            .collect();
        assert_eq!(found(&body(model, args)), in_body, "{model}");
        assert_eq!(found_args(model, args), want, "{model}");
    }
}

#[test]
fn free_text_inputs_are_required_strings_that_are_not_blank() {
    let mut texts = 0;
    for model in Model::ALL {
        for option in model.spec().options.iter().filter(|o| o.is_text()) {
            let required = option.required;
            texts += 1;
            let name = option.name;
            let pointer = format!("/args/{name}");
            // Every other required input given, this one as `value` (or left out).
            let with = |value: Option<&str>| {
                let mut members: Vec<String> = model
                    .spec()
                    .options
                    .iter()
                    .filter(|o| {
                        // And what a requirement asks at the defaults (Kling 3.0's prompt).
                        let asked = model.spec().requirements.iter().any(|r| {
                            r.present
                                && r.name == o.name
                                && r.applies(
                                    &shortapi_pricing::Selection::defaults(model),
                                    0,
                                    &|_| None,
                                )
                        });
                        (o.is_required() || asked) && o.name != name
                    })
                    .map(|o| match o.kind {
                        OptionKind::Enum { values, .. } => {
                            format!("\"{}\":\"{}\"", o.name, values[0])
                        }
                        OptionKind::List { .. } => format!("\"{}\":[\"x\"]", o.name),
                        _ => format!("\"{}\":\"x\"", o.name),
                    })
                    .collect();
                members.extend(value.map(|v| format!("\"{name}\":{v}")));
                body(model, &format!("{{{}}}", members.join(",")))
            };
            if required {
                assert_eq!(found(&with(None)), owned(&[(&pointer, Code::MissingField)]));
                assert_eq!(
                    message(&with(None)),
                    format!("{name} is required: {}", option.description.to_lowercase())
                );
            } else if model.spec().requirements.iter().any(|r| {
                r.present
                    && r.name == name
                    && r.applies(&shortapi_pricing::Selection::defaults(model), 0, &|_| None)
            }) {
                // Optional, but required at the defaults (Kling 3.0's prompt while multi_shot
                // is false): reported once, however many requirements ask for it.
                assert_eq!(
                    found(&with(None)),
                    owned(&[(&pointer, Code::ConditionallyRequired)])
                );
            } else {
                assert!(check(with(None)).is_ok());
            }
            for blank in [r#""""#, r#"" ""#, "\" \\n\\t\\u3000\""] {
                assert_eq!(
                    found(&with(Some(blank))),
                    owned(&[(&pointer, Code::EmptyText)]),
                    "{model} {name} {blank}"
                );
            }
            assert_eq!(
                message(&with(Some(r#"" ""#))),
                format!("{name} must not be empty or blank")
            );
            for wrong in ["null", "5", "true", r#"["a"]"#, r#"{"url":"x"}"#] {
                assert_eq!(
                    found(&with(Some(wrong))),
                    owned(&[(&pointer, Code::WrongType)]),
                    "{model} {name} {wrong}"
                );
            }
            assert_eq!(
                message(&with(Some("5"))),
                format!("{name} must be a string, not the number 5")
            );
            // Escapes are read: a quoted, multi-line text is kept as given.
            let request = check(with(Some(r#""a \"b\"\nc""#))).unwrap();
            assert_eq!(request.args.text(name), Some("a \"b\"\nc"));
        }
    }
    // prompt ×24 (Kling 3.0's optional but for its conditions), image ×6, image_tail ×2,
    // video ×1 (Kling O1 video-to-video), video_url ×1 (Seedance omni-reference),
    // negative_prompt ×5 (Midjourney, Wan 2.6 reference-to-video and text-to-image, Kling 2.6
    // and 3.0 text-to-video, optional), voice_id ×1 (Vidu Q2 image-to-video, optional but for
    // its condition).
    assert_eq!(texts, 40);
}

#[test]
fn not_json_or_not_an_object() {
    for bad in ["", "{", "[1]", "\"prompt\"", "null", "{\"model\":\"x\"} x"] {
        for result in [check(bad), check_args(SEED, bad).map(CreateJobRequest::new)] {
            let v = result.unwrap_err();
            let [one] = v.as_slice() else { panic!("{v}") };
            assert_eq!(one.path, "");
            assert!(
                matches!(one.code, Code::InvalidJson | Code::WrongType),
                "{bad}: {one}"
            );
        }
    }
    assert_eq!(
        check(b"\xff\xfe").unwrap_err().as_slice()[0].code,
        Code::InvalidJson
    );
    assert_eq!(
        message("[]"),
        "a create-job body must be a JSON object, not an array"
    );
    assert_eq!(
        message_of(check_args(SEED, "[]").map(CreateJobRequest::new)),
        "args must be a JSON object, not an array"
    );
    assert_eq!(
        found(&format!(r#"{{"model":"{}","args":"prompt"}}"#, SEED.id())),
        owned(&[("/args", Code::WrongType)])
    );
    assert_eq!(
        found(&format!(
            r#"{{"model":"{}","args":{{"prompt":"p"}},"callback_url":null}}"#,
            SEED.id()
        )),
        owned(&[("/callback_url", Code::WrongType)])
    );
}

#[test]
fn violations_serialize_as_an_errors_object() {
    let v = check_args(SEED, r#"{"prompt":"p","duration":10}"#).unwrap_err();
    let json = serde_json::to_value(&v).unwrap();
    assert_eq!(json["errors"][0]["path"], "/duration");
    assert_eq!(json["errors"][0]["code"], "wrong_type");
    assert!(json["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("allowed"));
    assert_eq!(
        v.to_string(),
        format!("/duration: {} [wrong_type]", v.as_slice()[0].message)
    );
    // Every code's stable string.
    for (code, s) in [
        (Code::InvalidJson, "invalid_json"),
        (Code::MissingField, "missing_field"),
        (Code::WrongType, "wrong_type"),
        (Code::InvalidValue, "invalid_value"),
        (Code::UnknownField, "unknown_field"),
        (Code::DuplicateField, "duplicate_field"),
        (Code::EmptyText, "empty_text"),
        (Code::OutOfRange, "out_of_range"),
        (Code::UnsupportedCombination, "unsupported_combination"),
        (Code::UnknownModel, "unknown_model"),
    ] {
        assert_eq!(code.as_str(), s);
        assert_eq!(serde_json::to_value(code).unwrap(), s);
    }
}

#[test]
fn requests_deserialize_through_the_checker() {
    for model in pixverse() {
        let json = body(model, &args_with(model, r#""resolution":"540p""#));
        let request: CreateJobRequest = serde_json::from_str(&json).unwrap();
        assert_eq!(request.model(), model);
        assert_eq!(request, check(&json).unwrap());
        assert_eq!(check(request.to_json(Fields::Minimal)).unwrap(), request);
    }
    let err =
        serde_json::from_str::<CreateJobRequest>(&body(SEED, r#"{"prompt":"p","duration":8}"#))
            .unwrap_err();
    assert!(
        err.to_string()
            .contains("/args/duration: duration must be a string"),
        "{err}"
    );
    // The typed options of the checked args, and of no other model.
    let request = check(body(SEED, r#"{"prompt":"p","resolution":"1080p"}"#)).unwrap();
    assert_eq!(
        request.args.options::<Options>().unwrap().resolution,
        Resolution::P1080
    );
    assert_eq!(
        request
            .args
            .options::<shortapi_pricing::models::pixverse_6_0_text_to_video::Options>(),
        None
    );
}

// ---------------------------------------------------------------------------------------------
// HappyHorse 1.0 text-to-video (../shared/catalog/alibaba__happyhorse-1.0__text-to-video.md):
// prompt (required), resolution "720P" / "1080P" (default "1080P"), ratio (not aspect_ratio),
// duration an integer from 3 to 15 (default 5); no rule.

const HAPPYHORSE: Model = Model::Happyhorse10TextToVideo;

#[test]
fn happyhorse_takes_a_whole_number_of_seconds_from_3_to_15() {
    for seconds in [3, 4, 9, 14, 15] {
        let args = args_with(HAPPYHORSE, &format!(r#""duration":{seconds}"#));
        let request = check_args(HAPPYHORSE, &args).unwrap();
        assert_eq!(
            request.selection().get("duration"),
            Some(WireValue::Int(seconds))
        );
    }
    for (seconds, code) in [
        ("2", Code::OutOfRange),
        ("16", Code::OutOfRange),
        ("0", Code::OutOfRange),
        ("-3", Code::OutOfRange),
        ("3.5", Code::WrongType),
        ("15.5", Code::WrongType),
        (r#""5""#, Code::WrongType),
        // A whole number however it is written, as JSON Schema (and ajv) count it: in range
        // or not like the integer it stands for.
        ("16.0", Code::OutOfRange),
        ("1e2", Code::OutOfRange),
        ("-0", Code::OutOfRange),
        ("2.0", Code::OutOfRange),
        ("null", Code::WrongType),
        ("true", Code::WrongType),
    ] {
        assert_eq!(
            found_args(
                HAPPYHORSE,
                &args_with(HAPPYHORSE, &format!(r#""duration":{seconds}"#))
            ),
            owned(&[("/duration", code)]),
            "duration {seconds}"
        );
    }
    assert_eq!(
        message_of(
            check_args(HAPPYHORSE, args_with(HAPPYHORSE, r#""duration":16"#))
                .map(CreateJobRequest::new)
        ),
        "16 is out of range: duration must be a whole number from 3 to 15"
    );
    assert_eq!(
        message_of(
            check_args(HAPPYHORSE, args_with(HAPPYHORSE, r#""duration":"5""#))
                .map(CreateJobRequest::new)
        ),
        r#"duration must be a whole number from 3 to 15, not the string "5"; write the number 5 without quotes"#
    );
}

#[test]
fn happyhorse_s_options_are_its_own() {
    // Capital P on the wire, as the page writes the values.
    assert!(check_args(HAPPYHORSE, args_with(HAPPYHORSE, r#""resolution":"720P""#)).is_ok());
    assert_eq!(
        message_of(
            check_args(HAPPYHORSE, args_with(HAPPYHORSE, r#""resolution":"720p""#))
                .map(CreateJobRequest::new)
        ),
        r#""720p" is not an allowed resolution; allowed: "720P", "1080P" (default "1080P")"#
    );
    // `ratio`, not `aspect_ratio`; no audio or multi-shot switch.
    assert!(check_args(HAPPYHORSE, args_with(HAPPYHORSE, r#""ratio":"9:16""#)).is_ok());
    for name in ["aspect_ratio", "generate_audio", "multi_shot"] {
        assert_eq!(
            found_args(
                HAPPYHORSE,
                &args_with(HAPPYHORSE, &format!(r#""{name}":"1:1""#))
            ),
            owned(&[(&format!("/{name}"), Code::UnknownField)])
        );
    }
    assert_eq!(
        found(&body(HAPPYHORSE, "{}")),
        owned(&[("/args/prompt", Code::MissingField)])
    );
}

#[test]
fn happyhorse_forbids_no_combination() {
    // Every resolution at every duration, the longest and shortest included.
    for resolution in ["720P", "1080P"] {
        for seconds in 3..=15 {
            let args = args_with(
                HAPPYHORSE,
                &format!(r#""resolution":"{resolution}","duration":{seconds},"ratio":"1:1""#),
            );
            assert!(check_args(HAPPYHORSE, &args).is_ok(), "{args}");
            assert!(quote_args_json(HAPPYHORSE, &args).is_ok(), "{args}");
        }
    }
    assert!(HAPPYHORSE.spec().rules.is_empty());
}

/// The page's 5,000-character limit is a soft one ("longer text is truncated automatically"):
/// a longer prompt is accepted, not refused.
#[test]
fn happyhorse_takes_a_prompt_past_its_soft_limit() {
    let long = "a horse galloping ".repeat(400); // 7,200 characters
    let args = format!(r#"{{"prompt":"{long}"}}"#);
    let request = check_args(HAPPYHORSE, &args).unwrap();
    assert_eq!(request.text("prompt"), Some(long.as_str()));
}

/// JSON Schema (every draft since 6, and ajv in any) counts `5.0`, `1e1` and `-0` as integers,
/// and JavaScript cannot tell `5.0` from `5`: the checker takes them as the integer they stand
/// for, and writes that integer back.
#[test]
fn happyhorse_takes_a_whole_number_however_it_is_written() {
    for (written, seconds, amount) in [
        ("5.0", 5, "1.145"),
        ("1e1", 10, "2.290"),
        ("1.5e1", 15, "3.435"),
        ("3.000", 3, "0.687"),
        ("150e-1", 15, "3.435"),
    ] {
        let args = args_with(HAPPYHORSE, &format!(r#""duration":{written}"#));
        let request = check_args(HAPPYHORSE, &args).unwrap();
        assert_eq!(
            request.selection().get("duration"),
            Some(WireValue::Int(seconds)),
            "{written}"
        );
        let quote = quote_args_json(HAPPYHORSE, &args).unwrap();
        assert_eq!(quote.amount().to_string(), amount, "{written}"); // 0.229 × seconds
                                                                     // Written back as the integer.
        let written_back = CreateJobRequest::new(request).to_json(Fields::All);
        assert!(
            written_back.contains(&format!(r#""duration":{seconds}}}"#)),
            "{written}: {written_back}"
        );
        // And in a body.
        assert!(check(body(HAPPYHORSE, &args)).is_ok(), "{written}");
    }
    assert_eq!(
        message_of(
            check_args(HAPPYHORSE, args_with(HAPPYHORSE, r#""duration":16.0"#))
                .map(CreateJobRequest::new)
        ),
        "16.0 is out of range: duration must be a whole number from 3 to 15"
    );
}

/// Nano Banana, Flux, Midjourney and Seedream 4.5 text-to-image: `aspect_ratio` is required and
/// has no default (`catalog/*__text-to-image.md`: "string, required, no default"). Left out, it
/// is `missing_field` with the allowed values; `null` is `wrong_type` without a "leave it out"
/// hint; given, it is sent, and nothing else is added in its place.
#[test]
fn a_required_option_without_a_default_must_be_given() {
    let nano = Model::NanoBananaTextToImage;
    let missing = r#"{"prompt": "a cat"}"#;
    assert_eq!(
        found_args(nano, missing),
        owned(&[("/aspect_ratio", Code::MissingField)])
    );
    assert_eq!(
        found(&body(nano, missing)),
        owned(&[("/args/aspect_ratio", Code::MissingField)])
    );
    assert_eq!(
        message(&body(nano, missing)),
        "aspect_ratio is required: aspect ratio of the generated image; one of \"9:16\", \"2:3\", \"3:4\", \"4:5\", \"1:1\", \"5:4\", \"4:3\", \"3:2\", \"16:9\", \"21:9\""
    );
    // Each model of the four, and a quote, refuse it alike.
    for model in [
        Model::NanoBananaTextToImage,
        Model::Flux10TextToImage,
        Model::MidjourneyV7TextToImage,
        Model::Seedream45TextToImage,
    ] {
        let v = quote_json(body(model, missing)).unwrap_err();
        assert_eq!(v.as_slice().len(), 1, "{model}: {v}");
        assert_eq!(v.as_slice()[0].path, "/args/aspect_ratio", "{model}");
        assert_eq!(v.as_slice()[0].code, Code::MissingField, "{model}");
    }
    let null = r#"{"prompt": "a cat", "aspect_ratio": null}"#;
    assert_eq!(
        message(&body(nano, null)),
        "aspect_ratio must be a string, not null; allowed: \"9:16\", \"2:3\", \"3:4\", \"4:5\", \"1:1\", \"5:4\", \"4:3\", \"3:2\", \"16:9\", \"21:9\""
    );
    assert_eq!(
        message(&body(nano, r#"{"prompt": "a cat", "aspect_ratio": "7:5"}"#)),
        "\"7:5\" is not an allowed aspect_ratio; allowed: \"9:16\", \"2:3\", \"3:4\", \"4:5\", \"1:1\", \"5:4\", \"4:3\", \"3:2\", \"16:9\", \"21:9\""
    );
    // Given, it is kept and written back; the price (0.03 per image) does not depend on it.
    let request = check(body(
        nano,
        r#"{"prompt": "a cat", "aspect_ratio": "4:5", "num_images": 3}"#,
    ))
    .unwrap();
    assert_eq!(
        request.args.selection().get("aspect_ratio"),
        Some(WireValue::Str("4:5"))
    );
    assert_eq!(request.quote().unwrap().amount().to_string(), "0.09");
    assert_eq!(
        request.to_json(Fields::Minimal),
        r#"{"model":"google/nano-banana/text-to-image","args":{"prompt":"a cat","num_images":3,"aspect_ratio":"4:5"}}"#
    );
    // The typed options hold it as an `Option`: none until given, and `Args` refuses none.
    use shortapi_pricing::models::nano_banana_text_to_image::{
        AspectRatio, NumImages, Options as Nano,
    };
    assert_eq!(Nano::DEFAULT.aspect_ratio, None);
    let refused = shortapi_pricing::Args::new(Nano::DEFAULT, &[("prompt", "a cat")]).unwrap_err();
    assert_eq!(
        (
            refused.as_slice()[0].path.as_str(),
            refused.as_slice()[0].code
        ),
        ("/aspect_ratio", Code::MissingField)
    );
    let given = Nano::DEFAULT
        .with_aspect_ratio(AspectRatio::R21x9)
        .with_num_images(NumImages::new(4).unwrap());
    let args = shortapi_pricing::Args::new(given, &[("prompt", "a cat")]).unwrap();
    assert_eq!(args.options::<Nano>(), Some(given));
    assert_eq!(args.quote().unwrap().amount().to_string(), "0.12"); // 0.03 × 4
                                                                    // A selection leaves it out until it is set: `get` has nothing, the serializer writes
                                                                    // nothing for it.
    let defaults = shortapi_pricing::Selection::defaults(nano);
    assert_eq!(defaults.get("aspect_ratio"), None);
    assert!(defaults.values().all(|(name, _)| name != "aspect_ratio"));
}

/// Flux's `num_images` takes "1", "2", "4", "8" and nothing between
/// (`catalog/shortapi__flux-1.0__text-to-image.md`: "options 1, 2, 4, 8 (no 3, 5, 6, 7)").
#[test]
fn an_integer_of_listed_values_takes_only_those() {
    let flux = Model::Flux10TextToImage;
    let with =
        |n: &str| format!(r#"{{"prompt": "a cat", "aspect_ratio": "1:1", "num_images": {n}}}"#);
    for n in ["1", "2", "4", "8", "4.0"] {
        assert!(check_args(flux, with(n)).is_ok(), "{n}");
    }
    for n in ["3", "5", "6", "7", "0", "9", "16"] {
        assert_eq!(
            found_args(flux, &with(n)),
            owned(&[("/num_images", Code::InvalidValue)]),
            "{n}"
        );
        assert_eq!(
            message_of(check_args(flux, with(n)).map(CreateJobRequest::new)),
            format!("{n} is not allowed: num_images must be one of the whole numbers 1, 2, 4, 8")
        );
    }
    assert_eq!(
        message_of(check_args(flux, with("\"4\"")).map(CreateJobRequest::new)),
        "num_images must be one of the whole numbers 1, 2, 4, 8, not the string \"4\"; write the number 4 without quotes"
    );
    use shortapi_pricing::models::flux_1_0_text_to_image::NumImages;
    assert!(NumImages::new(3).is_err());
    assert_eq!(NumImages::new(8).map(NumImages::get), Ok(8));
    assert_eq!(NumImages::VALUES, [1, 2, 4, 8]);
    // Per job: the count does not change the price.
    for n in ["1", "8"] {
        let q = quote_args_json(flux, with(n)).unwrap();
        assert_eq!(q.amount().to_string(), "0.02", "{n}");
    }
}

/// Seedream 4.5 edit's `image_urls` ("list, required, … maximum 10 images",
/// `catalog/bytedance__seedream-4.5__edit.md`) and Nano Banana edit's ("list, required … No
/// count limit stated"): a JSON array of non-blank strings; every item's violation at its own
/// pointer, with the count's, all at once.
#[test]
fn a_list_takes_its_count_of_non_blank_strings() {
    let seedream = Model::Seedream45Edit;
    let with = |urls: &str| {
        format!(r#"{{"prompt": "a cat", "aspect_ratio": "1:1", "image_urls": {urls}}}"#)
    };
    let urls = |n: usize| {
        let items: Vec<String> = (0..n).map(|k| format!("\"https://e.x/{k}.png\"")).collect();
        format!("[{}]", items.join(","))
    };
    for n in [1, 2, 10] {
        let request = check(body(seedream, &with(&urls(n)))).unwrap();
        let kept = request.args.list("image_urls").unwrap();
        assert_eq!(kept.len(), n);
        assert_eq!(kept[n - 1], format!("https://e.x/{}.png", n - 1));
        // A quote keeps nothing, and prices by num_images alone: 0.038 × 1.
        let q = quote_json(body(seedream, &with(&urls(n)))).unwrap();
        assert_eq!(q.amount().to_string(), "0.038");
    }
    assert_eq!(
        found(&body(seedream, &with(&urls(11)))),
        owned(&[("/args/image_urls", Code::TooManyItems)])
    );
    assert_eq!(
        message(&body(seedream, &with(&urls(11)))),
        "image_urls has 11 items; it takes 1 to 10"
    );
    assert_eq!(
        found(&body(seedream, &with("[]"))),
        owned(&[("/args/image_urls", Code::TooFewItems)])
    );
    assert_eq!(
        message(&body(seedream, &with("[]"))),
        "image_urls has 0 items; it takes 1 to 10"
    );
    // Each bad item at its index, after the count; nothing is lost beside them.
    let bad = r#"["https://e.x/a.png", " ", 5, null, ["x"], "", "https://e.x/b.png", {}, "\u3000", "c", "d", "e"]"#;
    assert_eq!(
        found(&body(seedream, &with(bad))),
        owned(&[
            ("/args/image_urls", Code::TooManyItems),
            ("/args/image_urls/1", Code::EmptyText),
            ("/args/image_urls/2", Code::WrongType),
            ("/args/image_urls/3", Code::WrongType),
            ("/args/image_urls/4", Code::WrongType),
            ("/args/image_urls/5", Code::EmptyText),
            ("/args/image_urls/7", Code::WrongType),
            ("/args/image_urls/8", Code::EmptyText),
        ])
    );
    let two = r#"{"prompt": " ", "aspect_ratio": "1:1", "image_urls": ["a", 5]}"#;
    assert_eq!(
        found(&body(seedream, two)),
        owned(&[
            ("/args/prompt", Code::EmptyText),
            ("/args/image_urls/1", Code::WrongType),
        ])
    );
    assert_eq!(
        message(&body(
            seedream,
            r#"{"prompt": "a", "aspect_ratio": "1:1", "image_urls": [true]}"#
        )),
        "each item of image_urls must be a string, not the boolean true"
    );
    assert_eq!(
        message(&body(seedream, &with("\"https://e.x/a.png\""))),
        "image_urls must be a list of strings, not the string \"https://e.x/a.png\"; write [\"https://e.x/a.png\"]"
    );
    assert_eq!(
        message(&body(seedream, r#"{"prompt": "a", "aspect_ratio": "1:1"}"#)),
        "image_urls is required: images to edit; a list of at least 1 item"
    );
    // No count limit stated: a hundred images are taken.
    let nano = Model::NanoBananaEdit;
    let many = format!(
        r#"{{"prompt": "a", "aspect_ratio": "1:1", "image_urls": {}}}"#,
        urls(100)
    );
    assert_eq!(
        check_args(nano, &many)
            .unwrap()
            .list("image_urls")
            .map(<[String]>::len),
        Some(100)
    );
    // Written back as given, in spec order.
    let request = check(body(
        nano,
        r#"{"image_urls": ["b \"c\"", "a"], "prompt": "p", "aspect_ratio": "1:1"}"#,
    ))
    .unwrap();
    assert_eq!(
        request.to_json(Fields::Minimal),
        r#"{"model":"google/nano-banana/edit","args":{"prompt":"p","image_urls":["b \"c\"","a"],"aspect_ratio":"1:1"}}"#
    );
    assert_eq!(check(request.to_json(Fields::All)).unwrap(), request);
}

/// Vidu Q2 text-to-video's `duration` is "string … Range 1 to 10"
/// (`catalog/vidu__vidu-q2__text-to-video.md`), Kling O1 image-to-video's "Range 3 to 10": a
/// whole number written as a string. Out of the range it is `out_of_range`; a JSON number is
/// `wrong_type` with the string to write; a string that is not the number's digits (`"05"`,
/// `" 5"`, `"5.0"`) is `invalid_value`.
#[test]
fn a_string_typed_integer_takes_its_digits_in_range() {
    let vidu = Model::ViduQ2TextToVideo;
    let with = |d: &str| format!(r#"{{"prompt": "a cat", "duration": {d}}}"#);
    for (d, n) in [("\"1\"", 1), ("\"5\"", 5), ("\"10\"", 10)] {
        let args = check_args(vidu, with(d)).unwrap();
        assert_eq!(
            args.selection().get("duration"),
            Some(WireValue::IntString(n))
        );
    }
    let range = "duration must be a whole number from \"1\" to \"10\", written as a string";
    for (d, code, message) in [
        (
            "\"11\"",
            Code::OutOfRange,
            format!("\"11\" is out of range: {range}"),
        ),
        (
            "\"0\"",
            Code::OutOfRange,
            format!("\"0\" is out of range: {range}"),
        ),
        (
            "\"-1\"",
            Code::OutOfRange,
            format!("\"-1\" is out of range: {range}"),
        ),
        (
            "\"05\"",
            Code::InvalidValue,
            format!("\"05\" is not a whole number in digits: {range}"),
        ),
        (
            "\" 5\"",
            Code::InvalidValue,
            format!("\" 5\" is not a whole number in digits: {range}"),
        ),
        (
            "\"5.0\"",
            Code::InvalidValue,
            format!("\"5.0\" is not a whole number in digits: {range}"),
        ),
        (
            "\"five\"",
            Code::InvalidValue,
            format!("\"five\" is not a whole number in digits: {range}"),
        ),
        (
            "5",
            Code::WrongType,
            format!("{range}, not the number 5; write the string \"5\""),
        ),
        (
            "5.0",
            Code::WrongType,
            format!("{range}, not the number 5.0; write the string \"5\""),
        ),
        (
            "null",
            Code::WrongType,
            format!("{range}, not null; leave it out for the default \"5\""),
        ),
        (
            "true",
            Code::WrongType,
            format!("{range}, not the boolean true"),
        ),
    ] {
        assert_eq!(
            found_args(vidu, &with(d)),
            owned(&[("/duration", code)]),
            "{d}"
        );
        let got = message_of(check_args(vidu, with(d)).map(CreateJobRequest::new));
        let want = if code == Code::WrongType {
            format!("duration must be {}", &message["duration must be ".len()..])
        } else {
            message
        };
        assert_eq!(got, want, "{d}");
    }
    // Written back as a string; the typed newtype says so too.
    let request = check(body(vidu, &with("\"7\""))).unwrap();
    assert_eq!(
        request.to_json(Fields::Minimal),
        r#"{"model":"vidu/vidu-q2/text-to-video","args":{"prompt":"a cat","duration":"7"}}"#
    );
    use shortapi_pricing::models::vidu_q2_text_to_video::Duration;
    assert_eq!(
        serde_json::to_string(&Duration::new(7).unwrap()).unwrap(),
        "\"7\""
    );
    assert!(Duration::new(11).is_err());
    assert_eq!(Duration::DEFAULT.get(), 5);
    // Kling O1 image-to-video prices Standard by these seconds: 0.075 × 7.
    let kling = Model::KlingO1ImageToVideo;
    let q = quote_args_json(
        kling,
        r#"{"prompt": "a", "images": ["f", "l"], "mode": "std", "duration": "7"}"#,
    )
    .unwrap();
    assert_eq!(q.amount().to_string(), "0.525");
    assert_eq!(
        found_args(
            kling,
            r#"{"prompt": "a", "images": ["f"], "mode": "std", "duration": "2"}"#
        ),
        owned(&[("/duration", Code::OutOfRange)])
    );
}

/// Vidu Q2 image-to-video (`catalog/vidu__vidu-q2__image-to-video.md`): "generate_audio … when
/// true, voice_id is required", and "540p is not supported in pro-fast mode". Broken and kept,
/// in a body and in bare args, through the typed args too.
#[test]
fn a_field_required_when_a_condition_holds() {
    let vidu = Model::ViduQ2ImageToVideo;
    let base = r#""prompt": "a cat", "image": "https://e.x/a.png""#;
    let args = |more: &str| format!("{{{base}{more}}}");
    // Kept: no audio, or audio with a voice; a voice without audio is allowed too.
    for more in [
        "",
        r#", "generate_audio": false"#,
        r#", "generate_audio": true, "voice_id": "v1""#,
        r#", "voice_id": "v1""#,
    ] {
        assert!(check_args(vidu, args(more)).is_ok(), "{more}");
    }
    // Broken: audio without a voice, at the pointer where the voice belongs.
    let broken = args(r#", "generate_audio": true"#);
    assert_eq!(
        found_args(vidu, &broken),
        owned(&[("/voice_id", Code::ConditionallyRequired)])
    );
    assert_eq!(
        found(&body(vidu, &broken)),
        owned(&[("/args/voice_id", Code::ConditionallyRequired)])
    );
    assert_eq!(
        message(&body(vidu, &broken)),
        "voice_id is required when generate_audio is true (generate_audio = true)"
    );
    // A blank voice is the blank text it is, not also a missing one.
    assert_eq!(
        found_args(vidu, &args(r#", "generate_audio": true, "voice_id": " ""#)),
        owned(&[("/voice_id", Code::EmptyText)])
    );
    // A refused generate_audio judges nothing that depends on it.
    assert_eq!(
        found_args(vidu, &args(r#", "generate_audio": "true""#)),
        owned(&[("/generate_audio", Code::WrongType)])
    );
    // The rule and the requirement together: every violation at once.
    assert_eq!(
        found_args(
            vidu,
            &args(r#", "mode": "pro-fast", "resolution": "540p", "generate_audio": true"#)
        ),
        owned(&[
            ("/resolution", Code::UnsupportedCombination),
            ("/voice_id", Code::ConditionallyRequired),
        ])
    );
    // A quote of valid args is unpriced ("starts at $X plus $Y/sec"); of broken ones, refused.
    let q =
        quote_args_json(vidu, args(r#", "generate_audio": true, "voice_id": "v""#)).unwrap_err();
    assert_eq!(q.as_slice()[0].code, Code::Unpriced);
    assert!(q.as_slice()[0].message.contains("starts at"), "{q}");
    let q = quote_args_json(vidu, &broken).unwrap_err();
    assert_eq!(q.as_slice()[0].code, Code::ConditionallyRequired);
    // Built from typed options, the same requirement.
    use shortapi_pricing::models::vidu_q2_image_to_video::Options as Vidu;
    let audio = Vidu::DEFAULT.with_generate_audio(true);
    let texts = [("prompt", "a cat"), ("image", "https://e.x/a.png")];
    let refused = shortapi_pricing::Args::new(audio, &texts).unwrap_err();
    assert_eq!(
        (
            refused.as_slice()[0].path.as_str(),
            refused.as_slice()[0].code
        ),
        ("/voice_id", Code::ConditionallyRequired)
    );
    let voiced = [
        ("prompt", "a cat"),
        ("image", "https://e.x/a.png"),
        ("voice_id", "v1"),
    ];
    assert!(shortapi_pricing::Args::new(audio, &voiced).is_ok());
    // The spec's JSON says it.
    let json = serde_json::to_value(vidu.spec()).unwrap();
    assert_eq!(
        json["requirements"],
        serde_json::json!([{
            "id": "voice_id_with_audio",
            "message": "voice_id is required when generate_audio is true",
            "when": {"generate_audio": true},
            "require": "voice_id",
        }])
    );
}

/// Wan 2.6 reference-to-video (`catalog/alibaba__wan-2.6__reference-to-video.md`): the text
/// limits at and past them, the lists within their own limits, and the two lists' total ("images
/// + videos together ≤ 5") kept and broken, every problem at once.
#[test]
fn wan_reference_to_video_takes_its_limits_and_its_total() {
    const WAN: &str = "alibaba/wan-2.6/reference-to-video";
    let urls = |n: usize, kind: &str| -> String {
        let items: Vec<String> = (0..n)
            .map(|i| format!("\"https://e.x/{kind}{i}\""))
            .collect();
        format!("[{}]", items.join(","))
    };
    let body = |images: Option<usize>, videos: usize, extra: &str| {
        let images = images
            .map(|n| format!(r#","image_urls":{}"#, urls(n, "i")))
            .unwrap_or_default();
        format!(
            r#"{{"model":"{WAN}","args":{{"prompt":"a"{images},"video_urls":{}{extra}}}}}"#,
            urls(videos, "v")
        )
    };
    // "images + videos together ≤ 5", by hand.
    for (images, videos, ok) in [
        (None, 1, true),
        (None, 3, true),
        (Some(0), 3, true),
        (Some(2), 3, true),
        (Some(4), 1, true),
        (Some(3), 2, true),
        (Some(3), 3, false),
        (Some(5), 1, false),
        (Some(4), 2, false),
        (Some(5), 3, false),
    ] {
        let json = body(images, videos, "");
        match check(&json) {
            Ok(_) => assert!(ok, "{json} accepted"),
            Err(e) => {
                assert!(!ok, "{json}: {e}");
                assert_eq!(
                    found(&json),
                    owned(&[("/args/video_urls", Code::TooManyInTotal)]),
                    "{json}"
                );
                assert_eq!(
                    message(&json),
                    format!(
                        "image_urls and video_urls together take at most 5 items (image_urls: {}, video_urls: {videos})",
                        images.unwrap_or(0)
                    )
                );
            }
        }
        // The quote agrees: 1080p for 5 s by default, 0.128 × 5.
        assert_eq!(
            quote_json(&json).map(|q| q.amount().to_string()).ok(),
            ok.then(|| "0.640".to_owned()),
            "{json}"
        );
    }
    // Each list past its own limit: its own code, and the total is not judged beside it.
    assert_eq!(
        found(&body(Some(6), 1, "")),
        owned(&[("/args/image_urls", Code::TooManyItems)])
    );
    assert_eq!(
        found(&body(Some(1), 4, "")),
        owned(&[("/args/video_urls", Code::TooManyItems)])
    );
    assert_eq!(
        found(&body(Some(1), 0, "")),
        owned(&[("/args/video_urls", Code::TooFewItems)])
    );
    // The text limits: 1500 and 500 characters (Unicode scalar values), refused one past.
    for (field, most) in [("prompt", 1500), ("negative_prompt", 500)] {
        let with = |n: usize| {
            let text = "é".repeat(n);
            let json = body(Some(1), 1, "");
            if field == "prompt" {
                json.replace(r#""prompt":"a""#, &format!(r#""prompt":"{text}""#))
            } else {
                json.replace(r#"]}}"#, &format!(r#"],"negative_prompt":"{text}"}}}}"#))
            }
        };
        assert!(check(with(most)).is_ok(), "{field} at {most}");
        assert_eq!(
            found(&with(most + 1)),
            owned(&[(&format!("/args/{field}"), Code::TooLong)]),
            "{field}"
        );
    }
    // Every problem at once: a text too long where it is, then the total, which only the
    // whole object tells (as a rule is).
    let json = body(
        Some(3),
        3,
        &format!(r#","negative_prompt":"{}""#, "x".repeat(501)),
    );
    assert_eq!(
        found(&json),
        owned(&[
            ("/args/negative_prompt", Code::TooLong),
            ("/args/video_urls", Code::TooManyInTotal),
        ])
    );
    // The page's copy ends inside `shot_type`: it and any later field pass; a documented field is
    // still checked.
    assert!(check(body(
        Some(1),
        1,
        r#","shot_type":"multi","prompt_extend":true"#
    ))
    .is_ok());
    assert_eq!(
        found(&body(Some(1), 1, r#","resolution":"4k""#)),
        owned(&[("/args/resolution", Code::InvalidValue)])
    );
    // The typed inputs are held to the same total.
    let wan: Model = WAN.parse().unwrap();
    let selection = shortapi_pricing::Selection::defaults(wan);
    let three: &[&str] = &["https://e.x/1", "https://e.x/2", "https://e.x/3"];
    let args = |images: &'static [&'static str]| {
        shortapi_pricing::Args::from_inputs(
            selection,
            &[("prompt", "a")],
            &[("image_urls", images), ("video_urls", three)],
        )
    };
    let paths = |refused: shortapi_pricing::Violations| -> Vec<(String, Code)> {
        refused
            .as_slice()
            .iter()
            .map(|v| (v.path.clone(), v.code))
            .collect()
    };
    let refused = args(&["https://e.x/a", "https://e.x/b", "https://e.x/c"]).unwrap_err();
    assert_eq!(
        paths(refused),
        owned(&[("/video_urls", Code::TooManyInTotal)])
    );
    assert!(args(&["https://e.x/a", "https://e.x/b"]).is_ok());
    // Each list's own count in the message (four images and two videos).
    let four = &[
        "https://e.x/1",
        "https://e.x/2",
        "https://e.x/3",
        "https://e.x/4",
    ];
    let refused = shortapi_pricing::Args::from_inputs(
        selection,
        &[("prompt", "a")],
        &[("image_urls", four), ("video_urls", &three[..2])],
    )
    .unwrap_err();
    assert_eq!(
        refused.as_slice()[0].message,
        "image_urls and video_urls together take at most 5 items (image_urls: 4, video_urls: 2)"
    );
    // A list refused on its own: the total is not judged beside it.
    let six = &["1", "2", "3", "4", "5", "6"].map(|i| "https://e.x/".to_owned() + i);
    let six: Vec<&str> = six.iter().map(String::as_str).collect();
    let refused = shortapi_pricing::Args::from_inputs(
        selection,
        &[("prompt", "a")],
        &[("image_urls", &six), ("video_urls", three)],
    )
    .unwrap_err();
    assert_eq!(
        paths(refused),
        owned(&[("/image_urls", Code::TooManyItems)])
    );
}

/// Typed inputs (`Args::from_inputs`): a list or a text given twice is refused once, a required
/// list left out is missing even when another list is given, and a list's count is its own.
#[test]
fn typed_inputs_are_given_once_and_required_lists_are_given() {
    use shortapi_pricing::{Args, Selection};
    let wan: Model = "alibaba/wan-2.6/reference-to-video".parse().unwrap();
    let s = Selection::defaults(wan);
    let codes = |r: Result<Args, shortapi_pricing::Violations>| -> Vec<(String, Code)> {
        r.unwrap_err()
            .as_slice()
            .iter()
            .map(|v| (v.path.clone(), v.code))
            .collect()
    };
    let one: &[&str] = &["https://e.x/1"];
    // The required videos left out, the optional images given: missing where it belongs.
    assert_eq!(
        codes(Args::from_inputs(
            s,
            &[("prompt", "a")],
            &[("image_urls", one)]
        )),
        owned(&[("/video_urls", Code::MissingField)])
    );
    // Given twice: refused, once.
    let twice = Args::from_inputs(
        s,
        &[("prompt", "a")],
        &[("video_urls", one), ("video_urls", one)],
    );
    assert_eq!(
        codes(twice),
        owned(&[("/video_urls", Code::DuplicateField)])
    );
    let twice = Args::from_inputs(
        s,
        &[("prompt", "a"), ("prompt", "b")],
        &[("video_urls", one)],
    );
    assert_eq!(codes(twice), owned(&[("/prompt", Code::DuplicateField)]));
    // Both lists given, each once: kept, with their own items.
    let args = Args::from_inputs(
        s,
        &[("prompt", "a")],
        &[
            ("image_urls", one),
            ("video_urls", &["https://e.x/a", "https://e.x/b"]),
        ],
    )
    .unwrap();
    assert_eq!(args.list("image_urls").map(|l| l.len()), Some(1));
    assert_eq!(args.list("video_urls").map(|l| l.len()), Some(2));
}

/// Seedance 2.0 image-to-video (`catalog/bytedance__seedance-2.0__image-to-video.md`): "when
/// `is_first_last_frame` is true, image_urls may contain only 1 to 2 images, and audio_urls
/// must be empty", and "image_urls + audio_urls ≤ 12", each kept and broken at and past its
/// limit, with the flag on, off and left out; every problem at once, the condition named.
#[test]
fn seedance_image_to_video_takes_its_first_last_frame_limits_and_its_total() {
    const SEEDANCE: &str = "bytedance/seedance-2.0/image-to-video";
    let urls = |n: usize, kind: &str| -> String {
        let items: Vec<String> = (0..n)
            .map(|i| format!("\"https://e.x/{kind}{i}\""))
            .collect();
        format!("[{}]", items.join(","))
    };
    let body = |flag: Option<bool>, images: usize, audio: Option<usize>| {
        let flag = flag
            .map(|f| format!(r#","is_first_last_frame":{f}"#))
            .unwrap_or_default();
        let audio = audio
            .map(|n| format!(r#","audio_urls":{}"#, urls(n, "a")))
            .unwrap_or_default();
        format!(
            r#"{{"model":"{SEEDANCE}","args":{{"prompt":"a","image_urls":{}{flag}{audio}}}}}"#,
            urls(images, "i")
        )
    };
    let images_limit =
        "in first/last-frame mode image_urls takes 1 or 2 images (is_first_last_frame = true)";
    let audio_limit =
        "in first/last-frame mode audio_urls must be empty (is_first_last_frame = true)";
    // By hand, from the page: the flag on takes 1 or 2 images and no audio.
    for (flag, images, audio, broken) in [
        (Some(true), 1, None, &[][..]),
        (Some(true), 2, None, &[]),
        (Some(true), 2, Some(0), &[]),
        (
            Some(true),
            3,
            None,
            &[("/args/image_urls", Code::TooManyItems)][..],
        ),
        (
            Some(true),
            12,
            None,
            &[("/args/image_urls", Code::TooManyItems)],
        ),
        (
            Some(true),
            1,
            Some(1),
            &[("/args/audio_urls", Code::TooManyItems)],
        ),
        (
            Some(true),
            3,
            Some(2),
            &[
                ("/args/image_urls", Code::TooManyItems),
                ("/args/audio_urls", Code::TooManyItems),
            ],
        ),
        // Off or left out, only the total binds.
        (Some(false), 3, Some(2), &[]),
        (None, 3, Some(2), &[]),
        (Some(false), 10, Some(2), &[]),
        (None, 12, None, &[]),
        (None, 12, Some(0), &[]),
        (
            None,
            10,
            Some(3),
            &[("/args/audio_urls", Code::TooManyInTotal)],
        ),
        (
            Some(false),
            13,
            None,
            &[("/args/image_urls", Code::TooManyInTotal)],
        ),
        // On, the total is judged beside the limits: 1 + 12 audio breaks both.
        (
            Some(true),
            1,
            Some(12),
            &[
                ("/args/audio_urls", Code::TooManyInTotal),
                ("/args/audio_urls", Code::TooManyItems),
            ],
        ),
    ] {
        let json = body(flag, images, audio);
        match check(&json) {
            Ok(_) => assert!(broken.is_empty(), "{json} accepted"),
            Err(_) => assert_eq!(found(&json), owned(broken), "{json}"),
        }
        // The quote agrees: std for 5 s by default, 0.24 × 5.
        assert_eq!(
            quote_json(&json).map(|q| q.amount().to_string()).ok(),
            broken.is_empty().then(|| "1.20".to_owned()),
            "{json}"
        );
    }
    assert_eq!(
        message(&body(Some(true), 3, None)),
        format!("{images_limit}; image_urls has 3 items")
    );
    assert_eq!(
        message(&body(Some(true), 2, Some(1))),
        format!("{audio_limit}; audio_urls has 1 item")
    );
    // A list refused on its own is not judged by a limit again: a blank image.
    let blank = body(Some(true), 3, None).replace("\"https://e.x/i0\"", "\" \"");
    assert_eq!(
        found(&blank),
        owned(&[("/args/image_urls/0", Code::EmptyText)])
    );
    // Nor is a limit whose condition was refused: the flag as a string.
    let wrong = body(Some(true), 3, None).replace(":true", ":\"true\"");
    assert_eq!(
        found(&wrong),
        owned(&[("/args/is_first_last_frame", Code::WrongType)])
    );
    // The typed inputs say the same.
    let model = Model::Seedance20ImageToVideo;
    let mut on = shortapi_pricing::Selection::defaults(model);
    on.set("is_first_last_frame", WireValue::Bool(true))
        .unwrap();
    let three: &[&str] = &["a", "b", "c"];
    let errors =
        shortapi_pricing::Args::from_inputs(on, &[("prompt", "a")], &[("image_urls", three)])
            .unwrap_err();
    assert_eq!(
        errors
            .as_slice()
            .iter()
            .map(|v| (v.path.as_str(), v.code, v.message.as_str()))
            .collect::<Vec<_>>(),
        [(
            "/image_urls",
            Code::TooManyItems,
            format!("{images_limit}; image_urls has 3 items").as_str()
        )]
    );
    assert!(shortapi_pricing::Args::from_inputs(
        on,
        &[("prompt", "a")],
        &[("image_urls", &three[..2])]
    )
    .is_ok());
    // The spec's JSON says it.
    let json = serde_json::to_value(model.spec()).unwrap();
    assert_eq!(
        json["limits"],
        serde_json::json!([
            {
                "id": "first_last_frame_images",
                "message": "in first/last-frame mode image_urls takes 1 or 2 images",
                "when": {"is_first_last_frame": true},
                "field": "image_urls",
                "min_items": 1,
                "max_items": 2,
            },
            {
                "id": "first_last_frame_no_audio",
                "message": "in first/last-frame mode audio_urls must be empty",
                "when": {"is_first_last_frame": true},
                "field": "audio_urls",
                "max_items": 0,
            },
        ])
    );
}

/// Kling 2.6 text-to-video (`catalog/kwaivgi__kling-2.6__text-to-video.md`): "cfg_scale —
/// float, optional, no default shown, Range 0 to 1", read exactly at and past each edge and
/// between, however JSON writes the number; through JSON, typed inputs and the serializer.
#[test]
fn kling_2_6_cfg_scale_is_a_number_from_0_to_1_read_exactly() {
    const KLING: &str = "kwaivgi/kling-2.6/text-to-video";
    let body =
        |cfg: &str| format!(r#"{{"model":"{KLING}","args":{{"prompt":"a","cfg_scale":{cfg}}}}}"#);
    let range = "cfg_scale must be a number from 0 to 1";
    for (cfg, kept) in [
        ("0", "0"),
        ("1", "1"),
        ("0.5", "0.5"),
        ("0.05", "0.05"),
        ("5e-1", "0.5"),
        ("1e0", "1"),
        ("1.0", "1"),
        ("0.999999999999999", "0.999999999999999"), // 15 digits, exact
        ("-0", "0"),
        ("-0.0", "0"),
        ("0.000001", "0.000001"),
    ] {
        let request = check(body(cfg)).unwrap_or_else(|e| panic!("{cfg}: {e}"));
        assert_eq!(
            request.args.number("cfg_scale"),
            Some(kept.parse().unwrap()),
            "{cfg}"
        );
        // Written back with its own digits, as a JSON number.
        let json = request.to_json(Fields::All);
        assert!(
            json.contains(&format!(r#""cfg_scale":{kept},"#)),
            "{cfg}: {json}"
        );
        // The price does not depend on it: audio off, 5 s, 0.06 × 5.
        assert_eq!(quote_json(body(cfg)).unwrap().amount().to_string(), "0.30");
    }
    for cfg in ["1.001", "-0.001", "2", "1e1", "1.000000000000001", "-1"] {
        assert_eq!(
            found(&body(cfg)),
            owned(&[("/args/cfg_scale", Code::OutOfRange)]),
            "{cfg}"
        );
        assert!(message(&body(cfg)).ends_with(range), "{cfg}");
    }
    // Past 28 digits a number is refused, never rounded into the range: -1e-30 is not 0.
    for cfg in ["-1e-30", "1e-30", "0.0000000000000000000000000000001"] {
        assert_eq!(
            found(&body(cfg)),
            owned(&[("/args/cfg_scale", Code::OutOfRange)]),
            "{cfg}"
        );
        let m = message(&body(cfg));
        assert!(
            m.contains("has more digits than are held exactly") && m.ends_with(range),
            "{cfg}: {m}"
        );
    }
    for (cfg, hint) in [
        (r#""0.5""#, "; write the number 0.5 without quotes"),
        (r#""5e-1""#, "; write the number 5e-1 without quotes"),
        // Not JSON numbers: no hint to unquote them.
        (r#"".5""#, ""),
        (r#""+0.5""#, ""),
        (r#""1_0""#, ""),
        ("true", ""),
        ("null", "; leave it out to send none"),
        ("[0.5]", ""),
    ] {
        assert_eq!(
            found(&body(cfg)),
            owned(&[("/args/cfg_scale", Code::WrongType)]),
            "{cfg}"
        );
        assert!(
            message(&body(cfg)).ends_with(hint),
            "{cfg}: {}",
            message(&body(cfg))
        );
    }
    // A string that is no number gets no hint to unquote it.
    assert_eq!(
        message(&body(r#""high""#)),
        "cfg_scale must be a number from 0 to 1, not the string \"high\""
    );
    // Left out, it is not sent.
    let bare = format!(r#"{{"model":"{KLING}","args":{{"prompt":"a"}}}}"#);
    let request = check(&bare).unwrap();
    assert_eq!(request.args.number("cfg_scale"), None);
    assert!(!request.to_json(Fields::All).contains("cfg_scale"));
    // Typed inputs give it as its decimal digits, exactly.
    let model = Model::Kling26TextToVideo;
    let selection = shortapi_pricing::Selection::defaults(model);
    let args = shortapi_pricing::Args::from_inputs(
        selection,
        &[("prompt", "a"), ("cfg_scale", "0.25")],
        &[],
    )
    .unwrap();
    assert_eq!(args.number("cfg_scale"), Some("0.25".parse().unwrap()));
    // Written as JSON writes a number, read as the checker reads one.
    for (text, kept) in [("5e-1", "0.5"), ("1E0", "1"), ("-0", "0"), ("0.10", "0.1")] {
        let args = shortapi_pricing::Args::from_inputs(
            selection,
            &[("prompt", "a"), ("cfg_scale", text)],
            &[],
        )
        .unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(
            args.number("cfg_scale"),
            Some(kept.parse().unwrap()),
            "{text}"
        );
    }
    for (text, code) in [
        ("1.25", Code::OutOfRange),
        ("-0.25", Code::OutOfRange),
        ("-1e-30", Code::OutOfRange),
        ("1e-30", Code::OutOfRange),
        ("a lot", Code::WrongType),
        ("", Code::WrongType),
        (".5", Code::WrongType),
        ("+0.5", Code::WrongType),
        ("1_0", Code::WrongType),
        ("0x1", Code::WrongType),
        ("NaN", Code::WrongType),
    ] {
        let errors = shortapi_pricing::Args::from_inputs(
            selection,
            &[("prompt", "a"), ("cfg_scale", text)],
            &[],
        )
        .unwrap_err();
        assert_eq!(
            errors
                .as_slice()
                .iter()
                .map(|v| (v.path.as_str(), v.code))
                .collect::<Vec<_>>(),
            [("/cfg_scale", code)],
            "{text:?}"
        );
    }
    let twice = shortapi_pricing::Args::from_inputs(
        selection,
        &[("prompt", "a"), ("cfg_scale", "0.5"), ("cfg_scale", "0.5")],
        &[],
    )
    .unwrap_err();
    assert_eq!(twice.as_slice()[0].code, Code::DuplicateField);
    // The spec's JSON gives the range as decimal strings.
    let json = serde_json::to_value(model.spec()).unwrap();
    let cfg = &json["options"][5];
    assert_eq!(
        (&cfg["name"], &cfg["type"], &cfg["minimum"], &cfg["maximum"]),
        (
            &serde_json::json!("cfg_scale"),
            &serde_json::json!("number"),
            &serde_json::json!("0"),
            &serde_json::json!("1")
        )
    );
}

/// Kling O1 image-to-video (`catalog/kwaivgi__kling-o1__image-to-video.md`): "images: list,
/// required"; "when action is 'frame' and the images contain just one frame, duration should
/// be 5 or 10": a limit on a choice under a condition on a count, kept and broken.
#[test]
fn kling_o1_image_to_video_narrows_its_duration_for_a_single_frame() {
    const KLING: &str = "kwaivgi/kling-o1/image-to-video";
    let body = |extra: &str, images: usize| {
        let items: Vec<String> = (0..images)
            .map(|i| format!("\"https://e.x/{i}.png\""))
            .collect();
        format!(
            r#"{{"model":"{KLING}","args":{{"prompt":"a","mode":"std","images":[{}]{extra}}}}}"#,
            items.join(",")
        )
    };
    let limit = "with action frame and a single image, duration is 5 or 10 (action = \"frame\", images has 1 item)";
    // By hand: frame mode (the default) with one image takes 5 or 10 seconds only.
    for (extra, images, price) in [
        ("", 1, Some("0.375")),                    // 5 s by default: 0.075 × 5
        (r#","duration":"5""#, 1, Some("0.375")),  // 0.075 × 5
        (r#","duration":"10""#, 1, Some("0.750")), // 0.075 × 10
        (r#","duration":"3""#, 1, None),
        (r#","duration":"7""#, 1, None),
        (r#","duration":"9","action":"frame""#, 1, None),
        (r#","duration":"3""#, 2, Some("0.225")), // two frames: 0.075 × 3
        (r#","duration":"7","action":"refer""#, 1, Some("0.525")), // refer: 0.075 × 7
        (r#","duration":"4""#, 7, Some("0.300")), // 0.075 × 4
    ] {
        let json = body(extra, images);
        assert_eq!(
            quote_json(&json)
                .map(|q| q.amount().to_string())
                .ok()
                .as_deref(),
            price,
            "{json}"
        );
        if price.is_none() {
            assert_eq!(
                found(&json),
                owned(&[("/args/duration", Code::InvalidValue)]),
                "{json}"
            );
            let got = message(&json);
            assert!(got.starts_with(limit), "{got}");
            assert!(got.ends_with("; allowed: \"5\", \"10\""), "{got}");
        }
    }
    assert_eq!(
        message(&body(r#","duration":"3""#, 1)),
        format!("{limit}; duration is \"3\"; allowed: \"5\", \"10\"")
    );
    // Past the images' own limit (with elements, at most 7; none here), or none: their own
    // codes, and the limit is not judged beside a refused duration.
    assert_eq!(
        found(&body("", 8)),
        owned(&[("/args/images", Code::TooManyItems)])
    );
    assert_eq!(
        found(&body(r#","duration":"2""#, 1)),
        owned(&[("/args/duration", Code::OutOfRange)])
    );
    let none = format!(r#"{{"model":"{KLING}","args":{{"prompt":"a","duration":"3"}}}}"#);
    assert_eq!(found(&none), owned(&[("/args/images", Code::MissingField)]));
    // Typed inputs say the same.
    let model = Model::KlingO1ImageToVideo;
    let mut s = shortapi_pricing::Selection::defaults(model);
    s.set("duration", WireValue::IntString(7)).unwrap();
    let one: &[&str] = &["https://e.x/0.png"];
    let two: &[&str] = &["https://e.x/0.png", "https://e.x/1.png"];
    let errors =
        shortapi_pricing::Args::from_inputs(s, &[("prompt", "a")], &[("images", one)]).unwrap_err();
    assert_eq!(
        errors
            .as_slice()
            .iter()
            .map(|v| (v.path.as_str(), v.code))
            .collect::<Vec<_>>(),
        [("/duration", Code::InvalidValue)]
    );
    assert!(shortapi_pricing::Args::from_inputs(s, &[("prompt", "a")], &[("images", two)]).is_ok());
    // The spec's JSON says it.
    let json = serde_json::to_value(model.spec()).unwrap();
    assert_eq!(
        json["limits"],
        serde_json::json!([{
            "id": "one_frame_five_or_ten_seconds",
            "message": "with action frame and a single image, duration is 5 or 10",
            "when": {"action": "frame", "images": {"min_items": 1, "max_items": 1}},
            "field": "duration",
            "values": ["5", "10"],
        }])
    );
}

/// Kling 3.0 text-to-video (`catalog/kwaivgi__kling-3.0__text-to-video.md`, cut inside
/// `multi_prompt`'s item field `duration`): "multi_prompt: list, optional. Enabled when
/// shot_type is 'customize'. Number of shots: 1 to 6. The sum of the shot durations must
/// equal the task duration"; each shot's "duration: int, required" (at least 1, as the
/// image-to-video page's copy reads); "prompt … cannot be empty when multi_shot is false OR
/// when shot_type is 'intelligence'"; "duration: string, default 5, Range 3 to 15".
#[test]
fn kling_3_0_shots_are_checked_item_by_item_and_add_up_to_the_duration() {
    const KLING: &str = "kwaivgi/kling-3.0/text-to-video";
    let body = |args: &str| format!(r#"{{"model":"{KLING}","args":{{{args}}}}}"#);
    let customize = |shots: &str, duration: &str| {
        body(&format!(
            r#""multi_shot":true,"shot_type":"customize","duration":"{duration}","multi_prompt":[{shots}]"#
        ))
    };
    // Kept: one to six shots adding up to the duration, an item field beyond the cut passing.
    for (shots, duration) in [
        (r#"{"duration":5}"#, "5"),
        (r#"{"duration":2},{"duration":3}"#, "5"),
        (r#"{"duration":1},{"duration":1},{"duration":1}"#, "3"),
        (
            r#"{"duration":1},{"duration":1},{"duration":1},{"duration":1},{"duration":1},{"duration":10}"#,
            "15",
        ),
        (r#"{"duration":15}"#, "15"),
        (
            r#"{"duration":2,"prompt":"a close-up"},{"index":2,"duration":3}"#,
            "5",
        ),
    ] {
        let request = check(customize(shots, duration)).unwrap_or_else(|e| panic!("{shots}: {e}"));
        // Written back with its items' documented fields only, in field order.
        let json = request.to_json(shortapi_pricing::Fields::All);
        assert!(json.contains(r#""multi_prompt":[{"duration":"#), "{json}");
        assert!(
            !json.contains("close-up") && !json.contains("index"),
            "{json}"
        );
        // Unpriced, whatever the shots: the audio switch its price needs is beyond the cut.
        let quote = quote_json(customize(shots, duration)).unwrap_err();
        assert_eq!(quote.as_slice()[0].code, Code::Unpriced);
    }
    // The count: none, and seven.
    let seven = [r#"{"duration":1}"#; 7].join(",");
    for (shots, duration, code) in [
        ("", "5", Code::TooFewItems),
        (seven.as_str(), "7", Code::TooManyItems),
    ] {
        assert_eq!(
            found(&customize(shots, duration)),
            owned(&[("/args/multi_prompt", code)]),
            "{shots}"
        );
    }
    // Each shot, pointed into: a duration under 1 or over 15, written as a string, left out,
    // an item that is not an object, a field given twice; every violation at once, and no sum
    // judged over items refused.
    assert_eq!(
        found(&customize(
            r#"{"duration":0},{"duration":"3"},{},"a shot",{"duration":2,"duration":2},{"duration":16}"#,
            "5"
        )),
        owned(&[
            ("/args/multi_prompt/0/duration", Code::OutOfRange),
            ("/args/multi_prompt/1/duration", Code::WrongType),
            ("/args/multi_prompt/2/duration", Code::MissingField),
            ("/args/multi_prompt/3", Code::WrongType),
            ("/args/multi_prompt/4/duration", Code::DuplicateField),
            ("/args/multi_prompt/5/duration", Code::OutOfRange),
        ])
    );
    assert_eq!(
        message(&customize(r#""a shot""#, "5")),
        "each item of multi_prompt must be an object with the fields \"duration\", not the string \"a shot\""
    );
    assert_eq!(
        message(&customize(r#"{"duration":1.5}"#, "5")),
        "duration must be a whole number from 1 to 15, not the number 1.5"
    );
    // The sum: one short, one over, at the default duration 5, and past the task's own range.
    for (shots, duration, total) in [
        (r#"{"duration":2},{"duration":2}"#, Some("5"), 4),
        (r#"{"duration":3},{"duration":3}"#, Some("5"), 6),
        (r#"{"duration":4}"#, None, 4),
    ] {
        let json = match duration {
            Some(d) => customize(shots, d),
            None => body(&format!(
                r#""multi_shot":true,"shot_type":"customize","multi_prompt":[{shots}]"#
            )),
        };
        assert_eq!(
            found(&json),
            owned(&[("/args/multi_prompt", Code::WrongSum)]),
            "{shots}"
        );
        assert_eq!(
            message(&json),
            format!(
                "the shots' durations add up to the task's duration: the duration values of \
                 multi_prompt's items add up to {total}, but duration is 5"
            )
        );
    }
    // A task duration refused is not judged against the shots again.
    assert_eq!(
        found(&customize(r#"{"duration":2}"#, "16")),
        owned(&[("/args/duration", Code::OutOfRange)])
    );
    // The conditions: the shots required under `customize`, the prompt while multi_shot is
    // false or shot_type is intelligence (its default), reported once.
    assert_eq!(
        found(&body(r#""multi_shot":true,"shot_type":"customize""#)),
        owned(&[("/args/multi_prompt", Code::ConditionallyRequired)])
    );
    for args in [
        r#""duration":"5""#,
        r#""multi_shot":true"#,
        r#""multi_shot":false,"shot_type":"customize","multi_prompt":[{"duration":5}]"#,
    ] {
        assert_eq!(
            found(&body(args)),
            owned(&[("/args/prompt", Code::ConditionallyRequired)]),
            "{args}"
        );
        assert!(
            check(body(&format!(r#"{args},"prompt":"a fox""#))).is_ok(),
            "{args}"
        );
    }
    // Shots are taken (not refused) outside `customize`: the page only says when they are
    // "enabled". A field beyond the whole page's cut passes too.
    assert!(check(body(
        r#""prompt":"a fox","multi_prompt":[{"duration":5}],"sound":true"#
    ))
    .is_ok());
    // Typed inputs give each shot as a JSON object, judged the same way.
    let selection = shortapi_pricing::Selection::defaults(Model::Kling30TextToVideo);
    let args = shortapi_pricing::Args::from_inputs(
        selection,
        &[("prompt", "a fox")],
        &[(
            "multi_prompt",
            &[r#"{"duration":2}"#, r#"{ "duration" : 3 }"#],
        )],
    )
    .unwrap();
    assert_eq!(
        args.list("multi_prompt"),
        Some(
            &[
                r#"{"duration":2}"#.to_owned(),
                r#"{"duration":3}"#.to_owned()
            ][..]
        )
    );
    let refused = shortapi_pricing::Args::from_inputs(
        selection,
        &[("prompt", "a fox")],
        &[("multi_prompt", &[r#"{"duration":2}"#, "not json"])],
    )
    .unwrap_err();
    assert_eq!(
        refused
            .as_slice()
            .iter()
            .map(|v| (v.path.as_str(), v.code))
            .collect::<Vec<_>>(),
        [("/multi_prompt/1", Code::WrongType)]
    );
    let short = shortapi_pricing::Args::from_inputs(
        selection,
        &[("prompt", "a fox")],
        &[("multi_prompt", &[r#"{"duration":2}"#])],
    )
    .unwrap_err();
    assert_eq!(
        short
            .as_slice()
            .iter()
            .map(|v| (v.path.as_str(), v.code))
            .collect::<Vec<_>>(),
        [("/multi_prompt", Code::WrongSum)]
    );
}

/// Kling O1's elements (`catalog/kwaivgi__kling-o1__video-to-video.md` and
/// `…__image-to-video.md`): "elements: list, optional", each with "frontal_image_url: string,
/// required" and "reference_image_urls: list, optional"; "the number of images in `images` +
/// `elements` must not exceed 4" (video-to-video) and "… 7" (image-to-video). The
/// video-to-video copy holds the items' fields whole (a field it does not list is unknown);
/// the image-to-video copy is cut inside `reference_image_urls`' description, so a later item
/// field passes. Kept and broken, at and past each limit, with pointers into the items.
#[test]
fn kling_o1_elements_have_a_frontal_image_and_count_with_the_images() {
    let v2v = |args: &str| {
        format!(
            r#"{{"model":"kwaivgi/kling-o1/video-to-video","args":{{"prompt":"a","video":"https://e.x/in.mp4"{args}}}}}"#
        )
    };
    let i2v = |args: &str| {
        format!(
            r#"{{"model":"kwaivgi/kling-o1/image-to-video","args":{{"prompt":"a","mode":"std"{args}}}}}"#
        )
    };
    let urls = |n: usize| {
        let items: Vec<String> = (0..n).map(|i| format!("\"https://e.x/{i}.png\"")).collect();
        format!("[{}]", items.join(","))
    };
    let elements = |n: usize| {
        let items: Vec<String> = (0..n)
            .map(|i| format!(r#"{{"frontal_image_url":"https://e.x/front-{i}.png"}}"#))
            .collect();
        format!("[{}]", items.join(","))
    };
    let lists = |images: usize, given: usize| {
        format!(
            r#","images":{},"elements":{}"#,
            urls(images),
            elements(given)
        )
    };
    // Kept: up to 4 together (video-to-video), up to 7 (image-to-video), an element with
    // its reference images; written back with its fields.
    for (images, given) in [(0, 0), (0, 4), (4, 0), (2, 2), (1, 3)] {
        let json = v2v(&lists(images, given));
        check(json.as_str()).unwrap_or_else(|e| panic!("{json}: {e}"));
    }
    for (images, given) in [(1, 6), (7, 0), (3, 4), (1, 0)] {
        let json = i2v(&lists(images, given));
        check(json.as_str()).unwrap_or_else(|e| panic!("{json}: {e}"));
    }
    let with_references = v2v(
        r#","elements":[{"reference_image_urls":["https://e.x/side.png","https://e.x/back.png"],"frontal_image_url":"https://e.x/front.png"}]"#,
    );
    let request = check(with_references.as_str()).unwrap();
    assert!(
        request.to_json(shortapi_pricing::Fields::All).contains(
            r#""elements":[{"frontal_image_url":"https://e.x/front.png","reference_image_urls":["https://e.x/side.png","https://e.x/back.png"]}]"#
        ),
        "{}",
        request.to_json(shortapi_pricing::Fields::All)
    );
    // One past the total (4 for video-to-video, 7 for image-to-video), at the later list
    // given; each list past its own most (what the total implies) is its own code, and the
    // total is not judged beside it.
    let v2v_body: &dyn Fn(&str) -> String = &v2v;
    let i2v_body: &dyn Fn(&str) -> String = &i2v;
    for (body, most, cases) in [
        (v2v_body, 4, [(3, 2), (4, 1), (5, 0), (0, 5)]),
        (i2v_body, 7, [(2, 6), (7, 1), (8, 0), (1, 8)]),
    ] {
        for (k, (images, given)) in cases.into_iter().enumerate() {
            let (at, code) = match k {
                0 | 1 => ("/args/elements", Code::TooManyInTotal),
                2 => ("/args/images", Code::TooManyItems),
                _ => ("/args/elements", Code::TooManyItems),
            };
            let json = body(&lists(images, given));
            assert_eq!(found(&json), owned(&[(at, code)]), "{json}");
        }
        let (images, given) = cases[0];
        assert_eq!(
            message(&body(&lists(images, given))),
            format!(
                "images and elements together take at most {most} items (images: {images}, elements: {given})"
            )
        );
    }
    // Each element, pointed into: no frontal image, a blank one, a number with reference
    // images not a list, a field the video-to-video page does not document; every violation
    // at once.
    let broken = r#","elements":[{"reference_image_urls":["https://e.x/a.png"]},{"frontal_image_url":" "},{"frontal_image_url":7,"reference_image_urls":"g"},{"frontal_image_url":"f","name":"hero"}]"#;
    assert_eq!(
        found(&v2v(broken)),
        owned(&[
            ("/args/elements/0/frontal_image_url", Code::MissingField),
            ("/args/elements/1/frontal_image_url", Code::EmptyText),
            ("/args/elements/2/frontal_image_url", Code::WrongType),
            ("/args/elements/2/reference_image_urls", Code::WrongType),
            ("/args/elements/3/name", Code::UnknownField),
        ])
    );
    assert_eq!(
        message(&v2v(r#","elements":[{"frontal_image_url":"f","name":"hero"}]"#)),
        "\"name\" is not a field of an item of elements; an item's fields: \"frontal_image_url\", \"reference_image_urls\""
    );
    // Past image-to-video's cut inside the items, the same unknown field passes; the
    // documented ones are still judged.
    assert_eq!(
        found(&i2v(
            r#","images":["https://e.x/1.png"],"elements":[{"frontal_image_url":"f","name":"hero"},{"name":"villain"}]"#
        )),
        owned(&[("/args/elements/1/frontal_image_url", Code::MissingField)])
    );
    // The price does not depend on them: image-to-video's Standard is still 0.075 × 5 s.
    assert_eq!(
        quote_json(i2v(&lists(1, 6)))
            .map(|q| q.amount().to_string())
            .ok()
            .as_deref(),
        Some("0.375")
    );
}

/// Wan 2.6 text-to-image (`catalog/alibaba__wan-2.6__text-to-image.md`): "width — int,
/// optional, no default shown, range 640 to 2880", "height" the same, "joint rule with
/// height: total pixels (width × height) between 1280 × 1280 and 1440 × 1440; aspect ratio
/// within 1:4 to 4:1"; "prompt … length ≤ 2100 characters", "negative_prompt … ≤ 500";
/// "$0.026 per image". Each pair worked out by hand, at and past each bound; judged only with
/// both given, and not beside a value refused on its own.
#[test]
fn wan_2_6_text_to_image_bounds_width_times_height_and_their_ratio() {
    let body = |args: &str| {
        format!(
            r#"{{"model":"alibaba/wan-2.6/text-to-image","args":{{"prompt":"a lighthouse"{args}}}}}"#
        )
    };
    let size = |w: i64, h: i64| body(&format!(r#","width":{w},"height":{h}"#));
    // Kept: 1280 × 1280 = 1,638,400 (the least), 1440 × 1440 = 2,073,600 (the most), 2880 ×
    // 720 = 2,073,600 at 4:1 (the widest), 720 × 2880 at 1:4, 1600 × 1200 = 1,920,000 at 4:3.
    for (w, h) in [
        (1280, 1280),
        (1440, 1440),
        (2880, 720),
        (720, 2880),
        (1600, 1200),
    ] {
        let json = size(w, h);
        assert_eq!(
            quote_json(&json)
                .map(|q| q.amount().to_string())
                .ok()
                .as_deref(),
            Some("0.026"),
            "{json}"
        );
    }
    // "$0.026 per image": 0.026 × 3.
    assert_eq!(
        quote_json(body(r#","num_images":3,"width":1280,"height":1280"#))
            .unwrap()
            .amount()
            .to_string(),
        "0.078"
    );
    // One given alone, or neither: not judged (the API may size the other).
    for json in [body(r#","width":2880"#), body(r#","height":640"#), body("")] {
        check(json.as_str()).unwrap_or_else(|e| panic!("{json}: {e}"));
    }
    // Broken: each at the later of the two, `/args/height`.
    for (w, h, code) in [
        (1279, 1280, Code::ProductOutOfRange), // 1,637,120: one row short
        (1280, 1279, Code::ProductOutOfRange),
        (1441, 1440, Code::ProductOutOfRange), // 2,075,040
        (640, 640, Code::ProductOutOfRange),   // 409,600, at 1:1
        (2880, 2880, Code::ProductOutOfRange), // 8,294,400
        (2880, 640, Code::RatioOutOfRange),    // 1,843,200 pixels, but 9:2
        (640, 2600, Code::RatioOutOfRange),    // 1,664,000 pixels, but 16:65
    ] {
        let json = size(w, h);
        assert_eq!(found(&json), owned(&[("/args/height", code)]), "{json}");
    }
    // Within the pixels, past the ratio: the ratio alone. (Within 640 to 2880 the two cannot
    // both break: past 4:1 with a height of 640 or more takes over 2,560 × 640 = 1,638,400.)
    assert_eq!(
        found(&size(2880, 680)),
        owned(&[("/args/height", Code::RatioOutOfRange)]),
        "1,958,400 pixels are within; 72:17 is past 4:1"
    );
    assert_eq!(
        message(&size(1000, 1000)),
        "width × height is from 1280 × 1280 to 1440 × 1440 pixels: width 1000 × height 1000 is 1000000"
    );
    assert_eq!(
        message(&size(2880, 640)),
        "width : height is from 1:4 to 4:1: width 2880 : height 640 is 9:2"
    );
    // A width refused on its own range is the one violation: no relation judged beside it.
    assert_eq!(
        found(&size(3000, 100)),
        owned(&[
            ("/args/width", Code::OutOfRange),
            ("/args/height", Code::OutOfRange)
        ])
    );
    assert_eq!(
        found(&size(3000, 1280)),
        owned(&[("/args/width", Code::OutOfRange)])
    );
    // The text limits: 2,100 and 500 characters (Unicode scalar values).
    let long = |n: usize| "é".repeat(n);
    check(body(&format!(r#","negative_prompt":"{}""#, long(500))).as_str()).unwrap();
    assert_eq!(
        found(&body(&format!(r#","negative_prompt":"{}""#, long(501)))),
        owned(&[("/args/negative_prompt", Code::TooLong)])
    );
    let prompt = |n: usize| {
        format!(
            r#"{{"model":"alibaba/wan-2.6/text-to-image","args":{{"prompt":"{}"}}}}"#,
            long(n)
        )
    };
    check(prompt(2100).as_str()).unwrap();
    assert_eq!(
        found(&prompt(2101)),
        owned(&[("/args/prompt", Code::TooLong)])
    );
    // Typed inputs say the same: the selection holds both values.
    let model = Model::Wan26TextToImage;
    let mut s = shortapi_pricing::Selection::defaults(model);
    s.set("width", WireValue::Int(2880)).unwrap();
    s.set("height", WireValue::Int(640)).unwrap();
    let errors = shortapi_pricing::Args::from_inputs(s, &[("prompt", "a")], &[]).unwrap_err();
    assert_eq!(
        errors
            .as_slice()
            .iter()
            .map(|v| (v.path.as_str(), v.code))
            .collect::<Vec<_>>(),
        [("/height", Code::RatioOutOfRange)]
    );
    s.set("height", WireValue::Int(720)).unwrap();
    assert!(shortapi_pricing::Args::from_inputs(s, &[("prompt", "a")], &[]).is_ok());
    // The spec's JSON says them as the spec writes them.
    let json = serde_json::to_value(model.spec()).unwrap();
    assert_eq!(
        json["relations"],
        serde_json::json!([
            {"id": "pixels_from_1280x1280_to_1440x1440",
             "message": "width × height is from 1280 × 1280 to 1440 × 1440 pixels",
             "product": ["width", "height"], "minimum": 1638400, "maximum": 2073600},
            {"id": "aspect_ratio_from_1_4_to_4_1",
             "message": "width : height is from 1:4 to 4:1",
             "ratio": ["width", "height"], "minimum": "1:4", "maximum": "4:1"},
        ])
    );
}
