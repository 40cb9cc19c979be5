//! The JSON checker: each violation's path, code and message, all violations at once, and both
//! request forms.

use pixverse_pricing::{check, check_args, check_request, Code, Duration, Resolution};

/// `(path, code)` of every violation, in order.
fn found(json: &str) -> Vec<(String, Code)> {
    match check(json) {
        Ok(r) => panic!("accepted: {r:?}"),
        Err(v) => v
            .as_slice()
            .iter()
            .map(|v| (v.path.clone(), v.code))
            .collect(),
    }
}

/// The one violation's message.
fn message(json: &str) -> String {
    let errors = check(json).unwrap_err();
    assert_eq!(errors.as_slice().len(), 1, "{errors}");
    errors.as_slice()[0].message.clone()
}

fn owned(v: &[(&str, Code)]) -> Vec<(String, Code)> {
    v.iter().map(|(p, c)| (p.to_string(), *c)).collect()
}

#[test]
fn bare_args_and_whole_bodies_are_both_accepted() {
    let args = check(r#"{"prompt":"a cat","duration":"8"}"#).unwrap();
    assert_eq!(args.args.options.duration, Duration::S8);
    assert_eq!(args.callback_url, None);

    let body = check(
        r#"{"model":"pixverse/pixverse-5.5/text-to-video","args":{"prompt":"a cat","resolution":"540p"},"callback_url":"https://example.com/hook"}"#,
    )
    .unwrap();
    assert_eq!(body.args.options.resolution, Resolution::P540);
    assert_eq!(
        body.callback_url.as_deref(),
        Some("https://example.com/hook")
    );
    assert_eq!(body.args.prompt(), "a cat");

    // The seed page's own example body (its callback placeholder replaced by a URL).
    let seed = r#"{ "model": "pixverse/pixverse-5.5/text-to-video", "args": { "prompt": "An anime scene: A young woman stands beneath a cherry blossom tree, her long hair gently swaying in the breeze." }, "callback_url": "https://example.com/callback" }"#;
    assert_eq!(
        check(seed).unwrap().quote().unwrap().amount().to_string(),
        "0.170"
    );
    assert!(check_request(seed).is_ok());
    assert!(check_args(r#"{"prompt":"x"}"#).is_ok());
    // Each strict entry point refuses the other form.
    assert_eq!(
        check_args(seed).unwrap_err().as_slice()[0].code,
        Code::UnknownField
    );
    assert_eq!(
        check_request(r#"{"prompt":"x"}"#).unwrap_err().as_slice()[0].code,
        Code::UnknownField
    );
}

#[test]
fn duration_as_a_number_is_a_wrong_type_that_says_so() {
    assert_eq!(
        found(r#"{"prompt":"p","duration":10}"#),
        owned(&[("/duration", Code::WrongType)])
    );
    assert_eq!(
        message(r#"{"prompt":"p","duration":10}"#),
        r#"duration must be a string, not the number 10; write the string "10"; allowed: "5", "8", "10""#
    );
    assert_eq!(
        message(r#"{"prompt":"p","duration":7.5}"#),
        r#"duration must be a string, not the number 7.5; allowed: "5", "8", "10""#
    );
}

#[test]
fn invalid_values_list_the_allowed_ones() {
    assert_eq!(
        message(r#"{"prompt":"p","resolution":"4k"}"#),
        r#""4k" is not an allowed resolution; allowed: "540p", "720p", "1080p" (default "720p")"#
    );
    assert_eq!(
        message(r#"{"prompt":"p","aspect_ratio":"16x9"}"#),
        r#""16x9" is not an allowed aspect_ratio; allowed: "16:9", "9:16", "4:3", "3:4", "1:1" (default "16:9")"#
    );
    // Case and white space matter on the wire.
    assert_eq!(
        found(r#"{"prompt":"p","resolution":"1080P"}"#),
        owned(&[("/resolution", Code::InvalidValue)])
    );
    assert_eq!(
        found(r#"{"prompt":"p","resolution":" 720p"}"#),
        owned(&[("/resolution", Code::InvalidValue)])
    );
}

#[test]
fn booleans_must_be_json_booleans() {
    assert_eq!(
        message(r#"{"prompt":"p","generate_audio":"true"}"#),
        r#"generate_audio must be true or false, not the string "true"; write true without quotes"#
    );
    assert_eq!(
        message(r#"{"prompt":"p","multi_shot":null}"#),
        "multi_shot must be true or false, not null; leave it out for the default false"
    );
    assert_eq!(
        found(r#"{"prompt":"p","multi_shot":1}"#),
        owned(&[("/multi_shot", Code::WrongType)])
    );
}

#[test]
fn prompt_is_required_and_not_blank() {
    assert_eq!(found(r#"{}"#), owned(&[("/prompt", Code::MissingField)]));
    assert_eq!(
        found(r#"{"prompt":""}"#),
        owned(&[("/prompt", Code::EmptyPrompt)])
    );
    assert_eq!(
        found("{\"prompt\":\" \\n\\t\\u3000\"}"),
        owned(&[("/prompt", Code::EmptyPrompt)])
    );
    assert_eq!(
        found(r#"{"prompt":null}"#),
        owned(&[("/prompt", Code::WrongType)])
    );
    assert_eq!(
        found(r#"{"prompt":["a"]}"#),
        owned(&[("/prompt", Code::WrongType)])
    );
}

#[test]
fn unknown_and_duplicate_fields() {
    assert_eq!(
        message(r#"{"prompt":"p","fps":24}"#),
        r#"unknown field "fps"; allowed fields: "prompt", "resolution", "duration", "aspect_ratio", "generate_audio", "multi_shot""#
    );
    // Duplicate keys are refused rather than letting the last one win silently.
    assert_eq!(
        found(r#"{"prompt":"p","resolution":"540p","resolution":"1080p"}"#),
        owned(&[("/resolution", Code::DuplicateField)])
    );
    // Keys with `/` and `~` are escaped in the pointer.
    assert_eq!(
        found(r#"{"prompt":"p","a/b~c":1}"#),
        owned(&[("/a~1b~0c", Code::UnknownField)])
    );
}

#[test]
fn every_violation_at_once() {
    assert_eq!(
        found(
            r#"{"resolution":"4k","duration":10,"aspect_ratio":null,"generate_audio":"yes","extra":{}}"#
        ),
        owned(&[
            ("/resolution", Code::InvalidValue),
            ("/duration", Code::WrongType),
            ("/aspect_ratio", Code::WrongType),
            ("/generate_audio", Code::WrongType),
            ("/extra", Code::UnknownField),
            ("/prompt", Code::MissingField),
        ])
    );
}

#[test]
fn the_rule_is_reported_at_the_field_given_with_what_is_allowed() {
    let json = r#"{"prompt":"p","resolution":"1080p","duration":"10"}"#;
    assert_eq!(
        found(json),
        owned(&[("/duration", Code::UnsupportedCombination)])
    );
    assert_eq!(
        message(json),
        r#"1080p is not supported for 10s videos (resolution = "1080p", duration = "10"); with the other options as given, duration may be "5", "8""#
    );
    // Not reported when one of its options is itself invalid: that would be noise.
    assert_eq!(
        found(r#"{"prompt":"p","resolution":"1080p","duration":10}"#),
        owned(&[("/duration", Code::WrongType)])
    );
    // Reported beside other problems.
    assert_eq!(
        found(r#"{"prompt":"","resolution":"1080p","duration":"10"}"#),
        owned(&[
            ("/prompt", Code::EmptyPrompt),
            ("/duration", Code::UnsupportedCombination)
        ])
    );
}

#[test]
fn body_violations_point_into_the_body() {
    assert_eq!(
        found(
            r#"{"model":"pixverse/pixverse-5.5/text-to-video","args":{"prompt":"p","duration":"9"}}"#
        ),
        owned(&[("/args/duration", Code::InvalidValue)])
    );
    assert_eq!(
        found(r#"{"model":"Pixverse/pixverse-5.5/text-to-video ","args":{"prompt":"p"}}"#),
        owned(&[("/model", Code::WrongModel)])
    );
    assert_eq!(
        message(r#"{"model":"kling","args":{"prompt":"p"}}"#),
        r#"model must be "pixverse/pixverse-5.5/text-to-video", the model this crate prices; got "kling""#
    );
    assert_eq!(
        found(r#"{"args":{"prompt":"p"}}"#),
        owned(&[("/model", Code::MissingField)])
    );
    assert_eq!(
        found(r#"{"model":"pixverse/pixverse-5.5/text-to-video"}"#),
        owned(&[("/args", Code::MissingField)])
    );
    assert_eq!(
        found(r#"{"model":"pixverse/pixverse-5.5/text-to-video","args":"prompt"}"#),
        owned(&[("/args", Code::WrongType)])
    );
    assert_eq!(
        found(r#"{"model":7,"args":{},"callback_url":"CALLBACK_URL","priority":1}"#),
        owned(&[
            ("/model", Code::WrongType),
            ("/args/prompt", Code::MissingField),
            ("/callback_url", Code::InvalidValue),
            ("/priority", Code::UnknownField),
        ])
    );
    assert_eq!(
        found(
            r#"{"model":"pixverse/pixverse-5.5/text-to-video","args":{"prompt":"p"},"callback_url":null}"#
        ),
        owned(&[("/callback_url", Code::WrongType)])
    );
}

#[test]
fn not_json_or_not_an_object() {
    for bad in ["", "{", "[1]", "\"prompt\"", "null", "{\"prompt\":\"p\"} x"] {
        let v = check(bad).unwrap_err();
        let [one] = v.as_slice() else { panic!("{v}") };
        assert_eq!(one.path, "");
        assert!(
            matches!(one.code, Code::InvalidJson | Code::WrongType),
            "{bad}: {one}"
        );
    }
    assert_eq!(
        check(b"\xff\xfe").unwrap_err().as_slice()[0].code,
        Code::InvalidJson
    );
    assert_eq!(
        check("[]").unwrap_err().as_slice()[0].message,
        "args must be a JSON object, not an array"
    );
}

#[test]
fn violations_serialize_as_an_errors_object() {
    let v = check(r#"{"prompt":"p","duration":10}"#).unwrap_err();
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
}

#[test]
fn args_and_requests_deserialize_through_the_checker() {
    let args: pixverse_pricing::Args =
        serde_json::from_str(r#"{"prompt":"p","duration":"8"}"#).unwrap();
    assert_eq!(args.options.duration, Duration::S8);
    let err = serde_json::from_str::<pixverse_pricing::Args>(r#"{"prompt":"p","duration":8}"#)
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("/duration: duration must be a string"),
        "{err}"
    );
}
