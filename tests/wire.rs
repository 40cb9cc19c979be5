//! The create-job body and the API's responses, as they travel, for every model.

use shortapi_pricing::models::{pixverse_5_5_text_to_video as seed, pixverse_6_0_transition};
use shortapi_pricing::spec::{ListItem, OptionKind, WireValue};
use shortapi_pricing::{
    check, Args, CreateJobData, CreateJobRequest, CreateJobResponse, Decimal, Fields, JobStatus,
    Model, QueryJobResponse, Selection,
};

fn seed_request() -> CreateJobRequest {
    let options = seed::Options::DEFAULT
        .with_resolution(seed::Resolution::P1080)
        .with_duration(seed::Duration::S8)
        .with_generate_audio(true);
    let args = Args::new(
        options,
        &[("prompt", "a \"quoted\" prompt\nwith a newline")],
    )
    .unwrap();
    CreateJobRequest::new(args)
}

fn transition_request() -> CreateJobRequest {
    use pixverse_6_0_transition::{Duration, Options, Resolution};
    let options = Options::DEFAULT
        .with_resolution(Resolution::P540)
        .with_duration(Duration::S10);
    let args = Args::new(
        options,
        &[
            ("image_tail", "https://e.x/last.png"),
            ("prompt", "dusk"),
            ("image", "https://e.x/first.png"),
        ],
    )
    .unwrap();
    CreateJobRequest::new(args)
}

/// A request of `model` with every option at its default, every required option without one
/// at its first value, and every free-text and number input given.
fn default_request(model: Model) -> CreateJobRequest {
    // Free text, and a number (as its digits: `cfg_scale`) at a fraction within its range.
    let texts: Vec<(&str, &str)> = model
        .spec()
        .options
        .iter()
        .filter(|o| o.is_text() || o.is_number())
        .map(|o| {
            (
                o.name,
                if o.is_number() {
                    "0.25"
                } else {
                    "a \"text\"\n"
                },
            )
        })
        .collect();
    let mut selection = Selection::defaults(model);
    for (i, o) in model.spec().options.iter().enumerate() {
        if let (true, OptionKind::Enum { values, .. }) = (o.is_required(), o.kind) {
            selection.set_at(i, WireValue::Str(values[0])).unwrap();
        }
    }
    // A list of objects: one item with its required fields (a whole number as 5: one Kling 3.0
    // shot as long as the task's default 5 s, its sum), and, where the page is cut inside the
    // items, a field beyond the cut that passes and is not written back.
    let items: Vec<(&str, Vec<String>)> = model
        .spec()
        .options
        .iter()
        .filter(|o| o.is_list())
        .map(|o| match o.kind.list_item() {
            Some(ListItem::Object { fields, open }) => {
                let mut members: Vec<String> = fields
                    .iter()
                    .filter(|f| f.required)
                    .map(|f| match f.kind {
                        OptionKind::Integer { .. } => format!("\"{}\":5", f.name),
                        _ => format!("\"{}\":\"https://e.x/f.png\"", f.name),
                    })
                    .collect();
                if open {
                    members.push(r#""beyond_the_cut":"p""#.to_owned());
                }
                (o.name, vec![format!("{{{}}}", members.join(","))])
            }
            _ => (
                o.name,
                vec!["https://example.com/a.png".to_owned(), "b \"c\"".to_owned()],
            ),
        })
        .collect();
    let lists: Vec<(&str, Vec<&str>)> = items
        .iter()
        .map(|(name, items)| (*name, items.iter().map(String::as_str).collect()))
        .collect();
    let lists: Vec<(&str, &[&str])> = lists.iter().map(|(n, l)| (*n, &l[..])).collect();
    CreateJobRequest::new(Args::from_inputs(selection, &texts, &lists).unwrap())
}

#[test]
fn full_body_writes_every_option_in_spec_order() {
    assert_eq!(
        seed_request().to_json(Fields::All),
        r#"{"model":"pixverse/pixverse-5.5/text-to-video","args":{"prompt":"a \"quoted\" prompt\nwith a newline","resolution":"1080p","duration":"8","aspect_ratio":"16:9","generate_audio":true,"multi_shot":false}}"#
    );
    // Free text in spec order whatever order it was given in; no multi_shot on this model.
    assert_eq!(
        transition_request().to_json(Fields::All),
        r#"{"model":"pixverse/pixverse-6.0/transition","args":{"prompt":"dusk","image":"https://e.x/first.png","image_tail":"https://e.x/last.png","resolution":"540p","duration":"10","aspect_ratio":"16:9","generate_audio":false}}"#
    );
    // `Serialize` writes the full body too.
    for request in [seed_request(), transition_request()] {
        assert_eq!(
            serde_json::to_string(&request).unwrap(),
            request.to_json(Fields::All)
        );
    }
    // Every model: every option of its spec, in order, and nothing else.
    for model in Model::ALL {
        let json: serde_json::Value =
            serde_json::from_str(&default_request(model).to_json(Fields::All)).unwrap();
        assert_eq!(json["model"], model.id());
        let mut keys: Vec<&str> = json["args"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        // Every option but a choice the request leaves out that has no default (Seedance 2.0
        // image-to-video's first/last-frame flag): not sent.
        let mut names: Vec<&str> = model
            .spec()
            .options
            .iter()
            .filter(|o| o.is_input() || o.has_default() || o.is_required())
            .map(|o| o.name)
            .collect();
        names.sort_unstable();
        assert_eq!(keys, names, "{model}");
    }
}

#[test]
fn minimal_body_leaves_defaults_out() {
    assert_eq!(
        seed_request().to_json(Fields::Minimal),
        r#"{"model":"pixverse/pixverse-5.5/text-to-video","args":{"prompt":"a \"quoted\" prompt\nwith a newline","resolution":"1080p","duration":"8","generate_audio":true}}"#
    );
    assert_eq!(
        transition_request().to_json(Fields::Minimal),
        r#"{"model":"pixverse/pixverse-6.0/transition","args":{"prompt":"dusk","image":"https://e.x/first.png","image_tail":"https://e.x/last.png","resolution":"540p","duration":"10"}}"#
    );
    for model in Model::ALL {
        let json: serde_json::Value =
            serde_json::from_str(&default_request(model).to_json(Fields::Minimal)).unwrap();
        let mut keys: Vec<&str> = json["args"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        let mut texts: Vec<&str> = model
            .spec()
            .options
            .iter()
            .filter(|o| o.is_input() || (o.is_required() && !o.has_default()))
            .map(|o| o.name)
            .collect();
        texts.sort_unstable();
        assert_eq!(
            keys, texts,
            "{model}: only the inputs and options with no default are written"
        );
    }
}

#[test]
fn callback_url_is_written_only_when_set() {
    for request in [seed_request(), transition_request()] {
        let with = request
            .clone()
            .with_callback_url("https://example.com/hook");
        assert!(with
            .to_json(Fields::Minimal)
            .ends_with(r#","callback_url":"https://example.com/hook"}"#));
        assert!(!request.to_json(Fields::All).contains("callback_url"));
    }
}

#[test]
fn serialize_then_check_gives_back_the_same_request_for_every_model() {
    let mut requests = vec![seed_request(), transition_request()];
    requests.extend(Model::ALL.map(default_request));
    for request in requests {
        let with = request.with_callback_url("https://example.com/hook");
        for fields in [Fields::All, Fields::Minimal] {
            assert_eq!(check(with.to_json(fields)).unwrap(), with);
            assert_eq!(check(with.to_json_pretty(fields)).unwrap(), with);
        }
    }
}

#[test]
fn create_response_amounts_are_exact_from_strings_and_numbers() {
    // The seed page's example response.
    let r = CreateJobResponse::from_json(
        r#"{ "code": 0, "data": { "amount": "0.02", "job_id": "" } }"#,
    )
    .unwrap();
    assert_eq!(r.amount(), Some(Decimal::new(2, 2)));
    // A number with more digits than an f64 holds is still read exactly.
    let r = CreateJobResponse::from_json(
        r#"{"code":0,"data":{"amount":0.1234567890123456789,"job_id":"j"}}"#,
    )
    .unwrap();
    assert_eq!(r.amount().unwrap().to_string(), "0.1234567890123456789");
    let r =
        CreateJobResponse::from_json(r#"{"code":0,"data":{"amount":1e-3,"job_id":"j"}}"#).unwrap();
    assert_eq!(r.amount(), Some(Decimal::new(1, 3)));
    // Through a serde_json::Value too.
    let v: serde_json::Value =
        serde_json::from_str(r#"{"code":0,"data":{"amount":0.425,"job_id":"j"}}"#).unwrap();
    let r: CreateJobResponse = serde_json::from_value(v).unwrap();
    assert_eq!(r.amount(), Some(Decimal::new(425, 3)));
    // Not a decimal: refused with a message.
    let err = CreateJobResponse::from_json(r#"{"code":0,"data":{"amount":"cheap","job_id":"j"}}"#)
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("money must be a plain decimal string"),
        "{err}"
    );
    // Exponents are read exactly, and huge ones answered at once (found by fuzzing).
    let r = CreateJobResponse::from_json(
        r#"{"code":0,"data":{"amount":0e-4444444444444,"job_id":"j"}}"#,
    )
    .unwrap();
    assert_eq!(r.amount(), Some(Decimal::ZERO));
    assert!(CreateJobResponse::from_json(
        r#"{"code":0,"data":{"amount":1e-4444444444444,"job_id":"j"}}"#
    )
    .is_err());
    // An error response without data.
    let r = CreateJobResponse::from_json(r#"{"code":401,"msg":"unauthorized"}"#).unwrap();
    assert_eq!((r.code, r.data), (401, None));
}

#[test]
fn money_is_always_written_as_a_string_and_a_quote_says_its_model() {
    // This test build turns on rust_decimal's `serde-float`: a bare Decimal becomes a number...
    assert_eq!(
        serde_json::to_string(&Decimal::new(128, 3)).unwrap(),
        "0.128"
    );
    // ...but every amount this crate writes stays a decimal string.
    let data = CreateJobData {
        amount: Decimal::new(128, 3),
        job_id: "j".into(),
    };
    assert_eq!(
        serde_json::to_string(&data).unwrap(),
        r#"{"amount":"0.128","job_id":"j"}"#
    );
    let quote = seed::Options::DEFAULT
        .with_resolution(seed::Resolution::P540)
        .quote()
        .unwrap();
    assert_eq!(
        serde_json::to_string(&quote).unwrap(),
        r#"{"model":"pixverse/pixverse-5.5/text-to-video","currency":"USD","amount":"0.128","resolution":"540p","duration":"5","aspect_ratio":"16:9","generate_audio":false,"multi_shot":false}"#
    );
    // A per-second price keeps the rate's digits: 0.051 × 8.
    let quote = pixverse_6_0_transition::Options::DEFAULT
        .with_duration(pixverse_6_0_transition::Duration::S8)
        .with_generate_audio(true)
        .quote()
        .unwrap();
    assert_eq!(
        serde_json::to_string(&quote).unwrap(),
        r#"{"model":"pixverse/pixverse-6.0/transition","currency":"USD","amount":"0.408","resolution":"720p","duration":"8","aspect_ratio":"16:9","generate_audio":true}"#
    );
    assert_eq!(quote.to_string(), "0.408 USD");
    // Every model's first exact row (a model whose page gives no exact price has none).
    for model in Model::ALL {
        let Some(quote) = model.price_table().find_map(Result::ok) else {
            assert!(
                model.spec().pricing.is_unpriced() || !model.spec().pricing.quantities.is_empty()
            );
            continue;
        };
        assert_eq!(quote.model(), model);
        let json: serde_json::Value = serde_json::to_value(quote).unwrap();
        assert_eq!(json["model"], model.id());
        assert_eq!(json["amount"], quote.amount().to_string());
        for (name, value) in quote.selection().values() {
            assert_eq!(
                json[name],
                serde_json::to_value(value).unwrap(),
                "{model} {name}"
            );
        }
    }
}

#[test]
fn reconcile_flags_a_charge_that_differs_from_the_quote_for_every_model() {
    let quote = seed::Options::DEFAULT
        .with_duration(seed::Duration::S8)
        .quote()
        .unwrap(); // 0.340
    let same = CreateJobResponse::from_json(r#"{"code":0,"data":{"amount":"0.34","job_id":"j"}}"#)
        .unwrap();
    let r = same.reconcile(&quote).unwrap();
    assert!(r.is_match());
    assert_eq!(r.difference(), Some(Decimal::ZERO));
    let seed_charge =
        CreateJobResponse::from_json(r#"{"code":0,"data":{"amount":"0.02","job_id":"j"}}"#)
            .unwrap();
    let r = seed_charge.reconcile(&quote).unwrap();
    assert!(!r.is_match());
    assert_eq!(r.difference().unwrap().to_string(), "-0.320");
    // A charge no Decimal can subtract from exactly is reported as such, not rounded.
    let huge = CreateJobResponse::from_json(
        r#"{"code":0,"data":{"amount":"79228162514264337593543950335","job_id":"j"}}"#,
    )
    .unwrap();
    assert_eq!(huge.reconcile(&quote).unwrap().difference(), None);
    assert_eq!(
        CreateJobResponse {
            code: 1,
            data: None
        }
        .reconcile(&quote),
        None
    );
    // Every model: the charge of each combination, written with fewer digits than the
    // quote, matches it; a thousandth more does not.
    for model in Model::ALL {
        // A row with no exact amount (a rate per measured quantity, a price the page does not
        // give) has nothing to reconcile exactly.
        for quote in model.price_table().filter_map(Result::ok) {
            let amount = quote.amount();
            assert_eq!(quote.selection().quote(), Ok(quote));
            let charged = amount.normalize().to_string();
            let response = CreateJobResponse::from_json(format!(
                r#"{{"code":0,"data":{{"amount":"{charged}","job_id":"j"}}}}"#
            ))
            .unwrap();
            let r = response.reconcile(&quote).unwrap();
            assert!(r.is_match(), "{model} {charged}");
            assert_eq!(r.difference(), Some(Decimal::ZERO));
            let more = quote.reconcile(amount + Decimal::new(1, 3));
            assert_eq!(more.difference(), Some(Decimal::new(1, 3)), "{model}");
            assert!(!more.is_match());
        }
    }
    // The 6.0 rule still holds through reconcile's inputs: 1080p at 10 s has no quote.
    let mut forbidden = Selection::defaults(Model::Pixverse60TextToVideo);
    forbidden
        .set("resolution", WireValue::Str("1080p"))
        .unwrap();
    forbidden.set("duration", WireValue::Str("10")).unwrap();
    assert_eq!(
        forbidden.quote().unwrap_err().rule().map(|r| r.id),
        Some("no_1080p_at_10s")
    );
}

#[test]
fn query_response_keeps_unknown_statuses() {
    // The seed page's example.
    let done = QueryJobResponse::from_json(
        r#"{ "code": 0, "data": { "status": 2, "result": { "videos": [{ "url": "https://..." }] } } }"#,
    )
    .unwrap();
    assert!(done.is_succeeded());
    assert_eq!(done.video_urls().collect::<Vec<_>>(), ["https://..."]);

    for (json, status) in [
        (r#"{"code":0,"data":{"status":1}}"#, JobStatus::Code(1)),
        (r#"{"code":0,"data":{"status":-3}}"#, JobStatus::Code(-3)),
        (
            r#"{"code":0,"data":{"status":"succeeded"}}"#,
            JobStatus::Text("succeeded".into()),
        ),
    ] {
        let r = QueryJobResponse::from_json(json).unwrap();
        assert!(!r.is_succeeded());
        assert_eq!(r.data.as_ref().unwrap().status, status);
        assert_eq!(r.video_urls().count(), 0);
        // And written back as it came.
        assert_eq!(serde_json::to_string(&r).unwrap(), json);
    }
    // Neither a number nor a string: the error says what a status may be.
    let err = QueryJobResponse::from_json(r#"{"code":0,"data":{"status":true}}"#).unwrap_err();
    assert!(
        err.to_string()
            .contains("expected a job status: an integer or a string"),
        "{err}"
    );
}

/// A measured value with so many decimals that the rate times it has more than a `Decimal`
/// holds is refused (`invalid_usage`), never rounded; one decimal fewer is priced exactly.
#[test]
fn a_measured_value_too_precise_to_multiply_exactly_is_refused_not_rounded() {
    use shortapi_pricing::models::kling_o1_video_to_video::{Measured, Options};
    use shortapi_pricing::{Code, QuoteError, UsageError};
    let at = |text: &str| {
        let input_video_seconds = Decimal::from_str_exact(text).unwrap();
        Options::DEFAULT.quote(Measured::new(input_video_seconds)?)
    };
    // Pro: $0.143 a second. 28 decimals times the rate's 3 is 31: too many.
    let e = at("7.2000000000000000000000000001").unwrap_err();
    assert!(
        matches!(e, QuoteError::Usage(UsageError::Inexact { .. })),
        "{e:?}"
    );
    assert_eq!(e.code(), Code::InvalidUsage);
    assert!(e.to_string().contains("too many digits"), "{e}");
    // 25 decimals: 28 in the product, which fits: exact.
    let q = at("7.2000000000000000000000001").unwrap();
    assert_eq!(q.amount().to_string(), "1.0296000000000000000000000143");
    // Beyond the page's range (3 to 10 s), whatever the digits: refused, with the range.
    for text in ["2.9999999", "10.0000001", "-1"] {
        let e = at(text).unwrap_err();
        assert!(
            matches!(e, QuoteError::Usage(UsageError::OutOfRange { .. })),
            "{text}: {e:?}"
        );
        assert!(e.to_string().contains("3 to 10 seconds"), "{e}");
    }
    // At the edges, written with any scale: priced.
    assert_eq!(at("3.000").unwrap().amount().to_string(), "0.429000");
    assert_eq!(at("10").unwrap().amount().to_string(), "1.430");
}

/// A typed `Measured` holds only what the page allows: `new` refuses a value outside the
/// range (naming it and the range), `from_usage` a quantity not given or another model's usage,
/// and the typed quote of what it holds is the rate times it, exactly.
#[test]
fn a_typed_measured_quantity_is_checked_when_made() {
    use shortapi_pricing::models::{
        kling_o1_video_to_video as v2v, seedance_2_0_omni_reference as omni,
    };
    use shortapi_pricing::{Model, Usage, UsageError};
    let d = |text: &str| Decimal::from_str_exact(text).unwrap();
    // Kling O1 video-to-video: the page allows 3 to 10 seconds of input video.
    for ok in ["3", "7.2", "10", "10.000"] {
        let m = v2v::Measured::new(d(ok)).unwrap();
        assert_eq!(m.input_video_seconds(), d(ok));
    }
    for bad in ["2.999", "10.001", "-1", "0"] {
        let e = v2v::Measured::new(d(bad)).unwrap_err();
        assert!(matches!(e, UsageError::OutOfRange { .. }), "{bad}: {e:?}");
        assert_eq!(
            e.to_string(),
            format!(
                "input_video_seconds {} is out of range: the page allows 3 to 10 seconds",
                d(bad)
            )
        );
    }
    // Not given, or given for another model: missing, with the range it needs.
    let none = v2v::Measured::from_usage(&Usage::new(Model::KlingO1VideoToVideo)).unwrap_err();
    assert!(matches!(none, UsageError::Missing { .. }), "{none:?}");
    assert_eq!(
        none.to_string(),
        "input_video_seconds is not given: the page allows 3 to 10 seconds"
    );
    assert_eq!(none.name(), "input_video_seconds");
    let other = Usage::new(Model::Seedance20OmniReference)
        .with("input_video_seconds", d("5"))
        .unwrap();
    assert!(matches!(
        v2v::Measured::from_usage(&other),
        Err(UsageError::Missing { .. })
    ));
    // In range through a usage: the same as `new`; out of range: refused the same way.
    let usage = Usage::new(Model::KlingO1VideoToVideo)
        .with("input_video_seconds", d("7.2"))
        .unwrap();
    assert_eq!(
        v2v::Measured::from_usage(&usage),
        v2v::Measured::new(d("7.2"))
    );
    let far = Usage::new(Model::KlingO1VideoToVideo)
        .with("input_video_seconds", d("11"))
        .unwrap();
    assert!(matches!(
        v2v::Measured::from_usage(&far),
        Err(UsageError::OutOfRange { .. })
    ));
    // The page's own figures: Standard $0.11 a second, Pro $0.143.
    let std = v2v::Options::DEFAULT.with_mode(v2v::Mode::Std);
    let q = std.quote(v2v::Measured::new(d("7.2")).unwrap()).unwrap();
    assert_eq!(q.amount().to_string(), "0.792");
    assert_eq!(q.usage().get("input_video_seconds"), Some(d("7.2")));
    let q = v2v::Options::DEFAULT
        .quote(v2v::Measured::new(d("3")).unwrap())
        .unwrap();
    assert_eq!(q.amount().to_string(), "0.429");
    // Seedance omni-reference: at least 0 seconds of input; Standard $0.168 a second of the
    // input plus the output (5 s by default).
    assert!(matches!(
        omni::Measured::new(d("-0.5")),
        Err(UsageError::OutOfRange { .. })
    ));
    let m = omni::Measured::new(d("7.25")).unwrap();
    let q = omni::Options::DEFAULT
        .with_mode(omni::Mode::Std)
        .quote(m)
        .unwrap();
    assert_eq!(q.amount().to_string(), "2.05800"); // 0.168 × (7.25 + 5), every digit kept
    let q = omni::Options::DEFAULT
        .with_mode(omni::Mode::Fast)
        .with_duration(omni::Seconds::new(15).unwrap())
        .quote(omni::Measured::new(d("0")).unwrap())
        .unwrap();
    assert_eq!(q.amount().to_string(), "2.10"); // 0.14 × (0 + 15)
}
