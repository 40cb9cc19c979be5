//! The create-job body and the API's responses, as they travel.

use pixverse_pricing::{
    check, Args, CreateJobData, CreateJobRequest, CreateJobResponse, Decimal, Duration, Fields,
    JobStatus, Options, QueryJobResponse, Resolution,
};

fn request() -> CreateJobRequest {
    let args = Args::new("a \"quoted\" prompt\nwith a newline")
        .unwrap()
        .with_options(
            Options::DEFAULT
                .with_resolution(Resolution::P1080)
                .with_duration(Duration::S8)
                .with_generate_audio(true),
        );
    CreateJobRequest::new(args)
}

#[test]
fn full_body_writes_every_option_in_spec_order() {
    assert_eq!(
        request().to_json(Fields::All),
        r#"{"model":"pixverse/pixverse-5.5/text-to-video","args":{"prompt":"a \"quoted\" prompt\nwith a newline","resolution":"1080p","duration":"8","aspect_ratio":"16:9","generate_audio":true,"multi_shot":false}}"#
    );
    // `Serialize` writes the full body too.
    assert_eq!(
        serde_json::to_string(&request()).unwrap(),
        request().to_json(Fields::All)
    );
}

#[test]
fn minimal_body_leaves_defaults_out() {
    assert_eq!(
        request().to_json(Fields::Minimal),
        r#"{"model":"pixverse/pixverse-5.5/text-to-video","args":{"prompt":"a \"quoted\" prompt\nwith a newline","resolution":"1080p","duration":"8","generate_audio":true}}"#
    );
    let plain = CreateJobRequest::new(Args::new("p").unwrap());
    assert_eq!(
        plain.to_json(Fields::Minimal),
        r#"{"model":"pixverse/pixverse-5.5/text-to-video","args":{"prompt":"p"}}"#
    );
}

#[test]
fn callback_url_is_written_only_when_set() {
    let with = request().with_callback_url("https://example.com/hook");
    assert!(with
        .to_json(Fields::Minimal)
        .ends_with(r#","callback_url":"https://example.com/hook"}"#));
    assert!(!request().to_json(Fields::All).contains("callback_url"));
}

#[test]
fn serialize_then_check_gives_back_the_same_request() {
    let with = request().with_callback_url("https://example.com/hook");
    for fields in [Fields::All, Fields::Minimal] {
        assert_eq!(check(with.to_json(fields)).unwrap(), with);
        assert_eq!(check(with.to_json_pretty(fields)).unwrap(), with);
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
fn money_is_always_written_as_a_string() {
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
    let quote = Options::DEFAULT
        .with_resolution(Resolution::P540)
        .quote()
        .unwrap();
    assert_eq!(
        serde_json::to_string(&quote).unwrap(),
        r#"{"model":"pixverse/pixverse-5.5/text-to-video","currency":"USD","amount":"0.128","resolution":"540p","duration":"5","aspect_ratio":"16:9","generate_audio":false,"multi_shot":false}"#
    );
}

#[test]
fn reconcile_flags_a_charge_that_differs_from_the_quote() {
    let quote = Options::DEFAULT
        .with_duration(Duration::S8)
        .quote()
        .unwrap(); // 0.340
    let same = CreateJobResponse::from_json(r#"{"code":0,"data":{"amount":"0.34","job_id":"j"}}"#)
        .unwrap();
    let r = same.reconcile(&quote).unwrap();
    assert!(r.is_match());
    assert_eq!(r.difference(), Some(Decimal::ZERO));
    let seed = CreateJobResponse::from_json(r#"{"code":0,"data":{"amount":"0.02","job_id":"j"}}"#)
        .unwrap();
    let r = seed.reconcile(&quote).unwrap();
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
    assert!(QueryJobResponse::from_json(r#"{"code":0,"data":{"status":true}}"#).is_err());
}
