//! Every documented price of every model, and every forbidden combination, against the pages'
//! tables transcribed by hand in `common/documented.rs`: the whole option space of each model,
//! through its typed API, through the model-erased `Selection`, and through the JSON checker.

#[allow(dead_code)]
#[path = "common/documented.rs"]
mod documented;
#[path = "common/typed.rs"]
mod typed;

use documented::{assert_outcome, documented, Expected, Prices, DURATIONS, MODELS};
use shortapi_pricing::spec::{CellPrice, ModelOptions, OptionKind, Term, WireValue};
use shortapi_pricing::{
    check, models, quote_args_json, quote_as_with, quote_json, Code, Decimal, Expect, Model, Quote,
    QuoteError, Selection, Usage,
};
use typed::with_every_integer;

fn dec(s: &str) -> Decimal {
    Decimal::from_str_exact(s).unwrap()
}

/// The model of a hand-listed id.
fn model(id: &str) -> Model {
    id.parse().unwrap()
}

/// A new spec file makes this fail until its page is transcribed in `common/documented.rs`:
/// that is intended, so that no model goes untested.
#[test]
fn the_models_are_the_hand_listed_ones() {
    let mut built: Vec<&str> = Model::ALL.iter().map(|m| m.id()).collect();
    let mut listed: Vec<&str> = MODELS.iter().map(|m| m.id).collect();
    built.sort_unstable();
    listed.sort_unstable();
    assert_eq!(
        built, listed,
        "transcribe the new model's page in tests/common/documented.rs"
    );
    for doc in &MODELS {
        let m = model(doc.id);
        assert_eq!(m.id(), doc.id);
        assert_eq!(m.to_string(), doc.id);
        let spec = m.spec();
        assert_eq!(spec.id, doc.id);
        assert_eq!(spec.currency, "USD");
        assert_eq!(
            spec.create_endpoint,
            "https://api.shortapi.ai/api/v1/job/create"
        );
        assert_eq!(
            spec.query_endpoint,
            "https://api.shortapi.ai/api/v1/job/query"
        );
        // The inputs, in page order, with their values and defaults.
        let got: Vec<&str> = spec.options.iter().map(|o| o.name).collect();
        let names: Vec<&str> = doc.options.iter().map(|o| o.name).collect();
        assert_eq!(got, names, "{}", doc.id);
        for (o, page) in spec.options.iter().zip(doc.options) {
            assert_eq!(o.is_required(), page.required, "{}: {}", doc.id, o.name);
            assert_eq!(
                o.is_text(),
                page.values.is_empty()
                    && page.range.is_none()
                    && page.items.is_none()
                    && page.number.is_none(),
                "{}: {}",
                doc.id,
                o.name
            );
            let values: Vec<WireValue<'_>> = match o.kind {
                OptionKind::Text { .. } => Vec::new(),
                OptionKind::List {
                    min_items,
                    max_items,
                    ..
                } => {
                    assert_eq!(
                        page.items,
                        Some((min_items, max_items)),
                        "{}: {}",
                        doc.id,
                        o.name
                    );
                    Vec::new()
                }
                OptionKind::Enum { values, .. } => {
                    values.iter().map(|v| WireValue::Str(v)).collect()
                }
                OptionKind::Number { minimum, maximum } => {
                    let page_range = page.number.map(|(min, max)| {
                        (
                            min.parse::<Decimal>().unwrap(),
                            max.parse::<Decimal>().unwrap(),
                        )
                    });
                    assert_eq!(
                        page_range,
                        Some((minimum, maximum)),
                        "{}: {}",
                        doc.id,
                        o.name
                    );
                    Vec::new()
                }
                OptionKind::Bool { .. } => vec![WireValue::Bool(false), WireValue::Bool(true)],
                OptionKind::Integer {
                    minimum, maximum, ..
                } if page.range.is_some() => {
                    assert_eq!(
                        page.range,
                        Some((minimum, maximum)),
                        "{}: {}",
                        doc.id,
                        o.name
                    );
                    Vec::new()
                }
                OptionKind::Integer { values, string, .. } if !values.is_empty() => values
                    .iter()
                    .map(|&n| WireValue::integer(n, string))
                    .collect(),
                OptionKind::Integer {
                    minimum,
                    maximum,
                    string,
                    ..
                } => (minimum..=maximum)
                    .map(|n| WireValue::integer(n, string))
                    .collect(),
            };
            let page_values: Vec<WireValue<'_>> = page.values.iter().map(|v| v.wire()).collect();
            assert_eq!(values, page_values, "{}: {}", doc.id, o.name);
            let default = page.default.map(|v| v.wire());
            assert_eq!(o.default_value(), default, "{}: {}", doc.id, o.name);
        }
        let rules: Vec<(&str, &str)> = spec.rules.iter().map(|r| (r.id, r.message)).collect();
        assert_eq!(rules, doc.rules, "{}", doc.id);
    }
}

/// The amounts multiplied out by hand in `common/documented.rs` are each rate × seconds: 6.0's
/// and HappyHorse's (every whole second from 3 to 15, at each rate).
#[test]
fn the_hand_worked_amounts_are_rate_times_seconds() {
    let Prices::PerWholeSecond { rates, amounts, .. } =
        &documented("alibaba/happyhorse-1.0/text-to-video").prices
    else {
        panic!("HappyHorse is priced per whole second")
    };
    assert_eq!(amounts.len(), rates.len() * 13);
    for &(value, rate) in *rates {
        for seconds in 3..=15 {
            let amount = amounts
                .iter()
                .find(|a| a.0 == value && a.1 == seconds)
                .unwrap();
            assert_eq!(
                dec(rate) * Decimal::from(seconds),
                dec(amount.2),
                "{rate} × {seconds}"
            );
        }
    }
    let Prices::PerSecond { rates, amounts } =
        &documented("pixverse/pixverse-6.0/text-to-video").prices
    else {
        panic!("6.0 is priced per second")
    };
    for &(audio, resolution, rate) in *rates {
        for duration in DURATIONS {
            let amount = amounts
                .iter()
                .find(|a| a.0 == audio && a.1 == resolution && a.2 == duration)
                .map(|a| a.3);
            let supported = !(resolution == "1080p" && duration == "10");
            assert_eq!(
                amount.is_some(),
                supported,
                "{audio} {resolution} {duration}"
            );
            if let Some(amount) = amount {
                assert_eq!(
                    dec(rate) * dec(duration),
                    dec(amount),
                    "{rate} × {duration}"
                );
            }
        }
    }
}

/// What a walk found, by kind of outcome.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
struct Counts {
    seen: usize,
    priced: usize,
    refused: usize,
    unpriced: usize,
    estimated: usize,
}

impl Counts {
    fn add(&mut self, outcome: &Result<Quote, QuoteError>) {
        self.seen += 1;
        match outcome {
            Ok(_) => self.priced += 1,
            Err(QuoteError::Unsupported(_)) => self.refused += 1,
            Err(QuoteError::Unpriced(_)) => self.unpriced += 1,
            Err(QuoteError::NeedsUsage(_)) => self.estimated += 1,
            Err(e) => panic!("unexpected {e:?}"),
        }
    }
}

/// Walks a model module's whole `Options::all()` (every integer value too) and checks every
/// combination against the hand transcription: a documented price is quoted exactly (same
/// digits); a rate per measured quantity gives its rate, unit and bounds, and at each
/// hand-worked quantity the exact amount, within the bounds; an unclear price is `unpriced`
/// with its reason; the rest is refused by the 1080p-at-10s rule (PixVerse's; no other page
/// forbids a combination). Pushes `(id, counts)` to `WALKED`. Only what every generated module
/// has is named, so a new model compiles here unchanged.
macro_rules! walk_typed {
    ($module:ident, $variant:ident, $form:ident) => {{
        use models::$module::{Options, MODEL};
        assert_eq!(MODEL, Model::$variant);
        let doc = documented(MODEL.id());
        let mut counts = Counts::default();
        for o in Options::all().flat_map(|o| with_every_integer(&o)) {
            let s = o.to_selection();
            assert_eq!(Options::from_selection(&s), Some(o));
            walk_typed!(@one $form, $module, doc, o, s, counts);
        }
        let integers: usize = MODEL
            .spec()
            .options
            .iter()
            .map(|o| match o.kind {
                _ if !MODEL.spec().is_per_option(o.name) => 1,
                OptionKind::Integer { values, .. } if !values.is_empty() => values.len(),
                OptionKind::Integer {
                    minimum, maximum, ..
                } => (maximum - minimum + 1) as usize,
                _ => 1,
            })
            .product();
        assert_eq!(counts.seen, Options::COMBINATIONS * integers);
        WALKED.with_borrow_mut(|w| w.push((MODEL.id(), counts)));
    }};
    (@one exact, $module:ident, $doc:ident, $o:ident, $s:ident, $counts:ident) => {
        let outcome = $o.quote();
        assert_outcome($doc.expected_of(&$s, None), &outcome, &format!("{:?}", $o));
        assert_eq!($o.price().ok(), outcome.as_ref().ok().map(|q| q.amount()));
        if let Ok(q) = &outcome {
            assert_eq!(q.options::<models::$module::Options>(), Some($o));
            assert_eq!(q.model(), $s.model());
        }
        if let Err(QuoteError::Unsupported(u)) = &outcome {
            assert_eq!(Some(u.rule()), models::$module::RULES.first());
            assert!($o.breaks(0));
        }
        $counts.add(&outcome);
    };
    (@one measured, $module:ident, $doc:ident, $o:ident, $s:ident, $counts:ident) => {
        let estimate = $o.estimate();
        let outcome = estimate.clone().and_then(|e| Err(QuoteError::NeedsUsage(e)));
        assert_outcome($doc.expected_of(&$s, None), &outcome, &format!("{:?}", $o));
        assert_eq!($s.quote(), outcome);
        $counts.add(&outcome);
        for (name, value) in $doc.measured_values_of(&$s) {
            let what = format!("{:?} with {name} = {value}", $o);
            let usage = Usage::new($s.model()).with(name, dec(value)).unwrap();
            let measured = models::$module::Measured::from_usage(&usage).unwrap();
            let quote = $o.quote(measured);
            assert_outcome($doc.expected_of(&$s, Some((name, value))), &quote, &what);
            let (quote, estimate) = (quote.unwrap(), estimate.clone().unwrap());
            // The exact amount lies within the bounds, and every entry point agrees.
            assert!(estimate.min().is_none_or(|m| m <= quote.amount()), "{what}");
            assert!(estimate.max().is_none_or(|m| quote.amount() <= m), "{what}");
            assert!(estimate.reconcile(quote.amount()).is_within(), "{what}");
            assert_eq!(estimate.with(&usage), Ok(quote), "{what}");
            assert_eq!($s.quote_with(&usage), Ok(quote), "{what}");
            assert_eq!(quote.usage().get(name), Some(dec(value)));
        }
    };
}

thread_local! {
    static WALKED: std::cell::RefCell<Vec<(&'static str, Counts)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// `Counts` from `(seen, priced, refused, unpriced, estimated)`.
const fn counts(
    seen: usize,
    priced: usize,
    refused: usize,
    unpriced: usize,
    estimated: usize,
) -> Counts {
    Counts {
        seen,
        priced,
        refused,
        unpriced,
        estimated,
    }
}

#[test]
fn every_combination_of_every_model_through_the_typed_api() {
    shortapi_pricing::for_each_model!(walk_typed);
    let mut walked = WALKED.with_borrow(Clone::clone);
    walked.sort_unstable();
    // PixVerse: resolution × duration × aspect ratio × audio (× multi_shot): 3 × 3 × 5 × 2
    // (× 2). Priced: every documented cell for each of the 5 aspect ratios (× 2 multi_shot
    // values for 6.0, whose price ignores it). Refused: 1080p at 10 s, for every other value.
    // HappyHorse: resolution × ratio × duration, 2 × 5 × 13, every one priced (no rule).
    // Kling O1 image-to-video: mode × action × duration, 2 × 2 × 8: Standard priced, Pro
    // unpriced. Kling O1 video-to-video: mode × action × keep_audio, 2 × 2 × 2, every one a
    // rate per second of the input video. Seedance omni-reference: mode × duration × aspect
    // ratio, 2 × 12 × 6, every one a rate per second of input + output. Veo 3.1
    // image-to-video: mode × duration × aspect ratio × resolution × audio, 2 × 3 × 3 × 3 × 2,
    // every one priced. Vidu Q2 text-to-video: duration × aspect ratio × resolution, 10 × 5 × 3,
    // none priced. The image models: their required aspect ratio has no default, so the typed
    // walk leaves it out (no price depends on it): Nano Banana and Seedream 4.5 by num_images
    // (4 counts), Flux by performance (2; per job), Midjourney by mode × performance (1 × 3).
    assert_eq!(
        walked,
        [
            (
                "alibaba/happyhorse-1.0/text-to-video",
                counts(130, 130, 0, 0, 0)
            ),
            // 2 resolutions × 9 durations, every one a rate × seconds.
            (
                "alibaba/wan-2.6/reference-to-video",
                counts(18, 18, 0, 0, 0)
            ),
            // num_images × prompt_extend, 4 × 2 (width and height have no default), priced.
            ("alibaba/wan-2.6/text-to-image", counts(8, 8, 0, 0, 0)),
            // 2 modes × 12 durations × 6 ratios (the first/last-frame flag, with no default,
            // left out), every one a rate × seconds.
            (
                "bytedance/seedance-2.0/image-to-video",
                counts(144, 144, 0, 0, 0)
            ),
            (
                "bytedance/seedance-2.0/omni-reference",
                counts(144, 0, 0, 0, 144)
            ),
            ("bytedance/seedream-4.5/edit", counts(6, 6, 0, 0, 0)),
            (
                "bytedance/seedream-4.5/text-to-image",
                counts(4, 4, 0, 0, 0)
            ),
            ("google/nano-banana/edit", counts(4, 4, 0, 0, 0)),
            ("google/nano-banana/text-to-image", counts(4, 4, 0, 0, 0)),
            ("google/veo-3.1/image-to-video", counts(108, 108, 0, 0, 0)),
            // mode × duration × ratio × audio, 1 × 2 × 3 × 2, every one priced.
            ("kwaivgi/kling-2.6/text-to-video", counts(12, 12, 0, 0, 0)),
            // mode × multi_shot × shot_type, 2 × 2 × 2 (no price depends on the duration: the
            // page's audio switch is beyond its cut), every one unpriced.
            ("kwaivgi/kling-3.0/text-to-video", counts(8, 0, 0, 8, 0)),
            ("kwaivgi/kling-o1/image-to-video", counts(32, 16, 0, 16, 0)),
            ("kwaivgi/kling-o1/video-to-video", counts(8, 0, 0, 0, 8)),
            (
                "midjourney/midjourney-v7/text-to-image",
                counts(3, 3, 0, 0, 0)
            ),
            (
                "pixverse/pixverse-5.5/image-to-video",
                counts(180, 160, 20, 0, 0)
            ),
            (
                "pixverse/pixverse-5.5/text-to-video",
                counts(180, 160, 20, 0, 0)
            ),
            ("pixverse/pixverse-5.5/transition", counts(90, 80, 10, 0, 0)),
            (
                "pixverse/pixverse-6.0/image-to-video",
                counts(180, 160, 20, 0, 0)
            ),
            (
                "pixverse/pixverse-6.0/text-to-video",
                counts(180, 160, 20, 0, 0)
            ),
            ("pixverse/pixverse-6.0/transition", counts(90, 80, 10, 0, 0)),
            ("shortapi/flux-1.0/text-to-image", counts(2, 2, 0, 0, 0)),
            // Vidu Q2 image-to-video: mode × resolution × audio, 3 × 3 × 2; pro-fast at 540p
            // refused, the rest unpriced.
            ("vidu/vidu-q2/image-to-video", counts(18, 0, 2, 16, 0)),
            ("vidu/vidu-q2/text-to-video", counts(15, 0, 0, 15, 0)),
        ]
    );
}

#[test]
fn six_zero_ignores_multi_shot_and_aspect_ratio() {
    use models::pixverse_6_0_text_to_video::{AspectRatio, Duration, Options, Resolution};
    let base = Options::DEFAULT
        .with_resolution(Resolution::P720)
        .with_duration(Duration::S8)
        .with_generate_audio(true);
    for aspect_ratio in AspectRatio::ALL {
        for multi_shot in [false, true] {
            let o = base
                .with_aspect_ratio(aspect_ratio)
                .with_multi_shot(multi_shot);
            assert_eq!(o.quote().unwrap().amount().to_string(), "0.408");
        }
    }
}

/// An args object's fields: `(name, JSON value)`.
type Fields = Vec<(&'static str, String)>;

/// The hand-worked measured quantities of one combination: `(quantity, value)`.
type Measured = Vec<(&'static str, &'static str)>;

/// Every combination of a model, as wire values from the hand lists, with what its page says of
/// the price (and the hand-worked measured quantities, for a page that measures one).
fn every_args(doc: &documented::Documented) -> Vec<(Fields, Expected, Measured)> {
    doc.combinations()
        .into_iter()
        .map(|values| {
            let get = |name: &str| values.iter().find(|v| v.0 == name).map(|v| v.1);
            let mut fields: Fields = doc
                .texts()
                .into_iter()
                .map(|t| (t, format!("\"a {t}\"")))
                .chain(doc.required_by_json(get))
                .collect();
            fields.extend(doc.required_lists());
            fields.extend(values.iter().map(|&(name, v)| (name, v.json().to_string())));
            (fields, doc.expected(get, None), doc.measured_values(get))
        })
        .collect()
}

fn object(fields: &[(&str, String)]) -> String {
    let inner: Vec<String> = fields.iter().map(|(k, v)| format!("\"{k}\":{v}")).collect();
    format!("{{{}}}", inner.join(","))
}

/// How many combinations of its options' values each page documents.
fn combination_count(id: &str) -> usize {
    match id {
        "alibaba/happyhorse-1.0/text-to-video" => 130, // 2 × 5 × 13
        "google/veo-3.1/image-to-video" => 108,        // 2 × 3 × 3 × 3 × 2
        "vidu/vidu-q2/text-to-video" => 150,           // 10 × 5 × 3
        "kwaivgi/kling-o1/image-to-video" => 32,       // 2 × 2 × 8
        "kwaivgi/kling-o1/video-to-video" => 8,        // 2 × 2 × 2
        "bytedance/seedance-2.0/omni-reference" => 144, // 2 × 12 × 6
        "google/nano-banana/text-to-image" => 40,      // 4 × 10
        "shortapi/flux-1.0/text-to-image" => 64,       // 4 × 8 × 2
        // 1 × 11 × 3, and each of the three ranges at its edges and default: × 3 × 3 × 3
        "midjourney/midjourney-v7/text-to-image" => 891,
        "bytedance/seedream-4.5/text-to-image" => 32, // 4 × 8
        "bytedance/seedream-4.5/edit" => 48,          // 6 × 8
        "google/nano-banana/edit" => 40,              // 4 × 10
        "vidu/vidu-q2/image-to-video" => 180,         // 3 × 10 × 3 × 2
        "alibaba/wan-2.6/reference-to-video" => 18,   // 9 × 2
        "alibaba/wan-2.6/text-to-image" => 8,         // 4 × 2 (width, height: no default)
        "bytedance/seedance-2.0/image-to-video" => 288, // 2 × 12 × 6 × 2 (first/last frame)
        "kwaivgi/kling-2.6/text-to-video" => 12,      // 1 × 2 × 3 × 2 (cfg_scale a number)
        "kwaivgi/kling-3.0/text-to-video" => 104,     // 2 modes × 13 durations × 2 × 2
        "pixverse/pixverse-5.5/transition" | "pixverse/pixverse-6.0/transition" => 90,
        _ => 180, // PixVerse with multi_shot: 3 × 3 × 5 × 2 × 2
    }
}

#[test]
fn every_combination_of_every_model_through_quote_json() {
    let mut total = 0;
    for doc in MODELS {
        let m = model(doc.id);
        let combos = every_args(doc);
        assert_eq!(combos.len(), combination_count(doc.id), "{}", doc.id);
        for (fields, expected, measured) in combos {
            let args = object(&fields);
            let body = format!(r#"{{"model":"{}","args":{args}}}"#, doc.id);
            let body_quote = quote_json(&body);
            let args_quote = quote_args_json(m, &args);
            match expected {
                Expected::Amount(price) => {
                    for quote in [body_quote.unwrap(), args_quote.unwrap()] {
                        assert_eq!(quote.amount().to_string(), price, "{body}");
                        assert_eq!(quote.model(), m);
                    }
                    // check() accepts the same body and keeps the texts.
                    let request = check(&body).unwrap();
                    assert_eq!(request.model(), m);
                    assert_eq!(request.quote().unwrap().amount().to_string(), price);
                    for t in doc.texts() {
                        assert_eq!(request.args.text(t), Some(format!("a {t}").as_str()));
                    }
                }
                Expected::Forbidden(rule) => {
                    let (option, message, instead) = documented::forbidden_at(rule);
                    for (violations, at) in [
                        (body_quote.unwrap_err(), format!("/args/{option}")),
                        (args_quote.unwrap_err(), format!("/{option}")),
                    ] {
                        let [v] = violations.as_slice() else {
                            panic!("one violation expected for {body}: {violations}")
                        };
                        assert_eq!(v.code, Code::UnsupportedCombination, "{body}");
                        assert_eq!(v.path, at, "{body}");
                        assert!(v.message.starts_with(message), "{}", v.message);
                        // And it says what would be allowed instead.
                        assert!(v.message.ends_with(instead), "{}", v.message);
                    }
                }
                // A valid request with no exact price: check() takes it; a quote says why.
                Expected::Unpriced(_) | Expected::Estimate { .. } => {
                    let request = check(&body).unwrap();
                    assert_outcome(expected, &request.quote(), &body);
                    let code = match expected {
                        Expected::Unpriced(_) => Code::Unpriced,
                        _ => Code::NeedsUsage,
                    };
                    for violations in [body_quote.unwrap_err(), args_quote.unwrap_err()] {
                        let [v] = violations.as_slice() else {
                            panic!("one violation expected for {body}: {violations}")
                        };
                        assert_eq!((v.path.as_str(), v.code), ("", code), "{body}");
                        if let Expected::Unpriced(phrase) = expected {
                            assert!(v.message.contains(phrase), "{}", v.message);
                        }
                    }
                    // With each hand-worked measured quantity, the exact amount.
                    for (name, value) in measured {
                        let usage = Usage::new(m).with(name, dec(value)).unwrap();
                        let quote = quote_as_with(&body, Expect::Body, &usage);
                        let get = |n: &str| {
                            request.args.selection().get(n).map(|w| match w {
                                WireValue::Str(s) => documented::V::S(s),
                                WireValue::Bool(b) => documented::V::B(b),
                                WireValue::Int(i) => documented::V::I(i),
                                WireValue::IntString(i) => documented::V::N(i),
                            })
                        };
                        let Expected::Amount(price) = doc.expected(get, Some((name, value))) else {
                            panic!("{body}: no amount at {name} = {value}")
                        };
                        assert_eq!(quote.unwrap().amount().to_string(), price, "{body}");
                    }
                }
            }
            total += 1;
        }
    }
    assert_eq!(
        total,
        MODELS
            .iter()
            .map(|d| combination_count(d.id))
            .sum::<usize>()
    );
}

/// The same walk through the model-erased `Selection`, set from wire values.
#[test]
fn every_combination_of_every_model_through_selection() {
    for doc in MODELS {
        let m = model(doc.id);
        for (fields, expected, _) in every_args(doc) {
            let mut s = Selection::defaults(m);
            for (name, value) in &fields {
                if value.starts_with('[') {
                    continue; // A list: not part of a selection.
                }
                let value = match value.as_str() {
                    "true" => WireValue::Bool(true),
                    "false" => WireValue::Bool(false),
                    quoted if quoted.starts_with('"') => WireValue::Str(quoted.trim_matches('"')),
                    number => WireValue::Int(number.parse().unwrap()),
                };
                // Free text (required, or required by a condition) is no part of a selection.
                let text = doc
                    .option(name)
                    .is_some_and(|o| o.values.is_empty() && o.range.is_none());
                if !text {
                    s.set(name, value).unwrap();
                }
            }
            assert_outcome(expected, &s.quote(), &format!("{}: {fields:?}", doc.id));
        }
    }
}

#[test]
fn a_model_without_multi_shot_refuses_it() {
    // A page cut inside its option list lets a field it does not know pass.
    let whole = |d: &&&documented::Documented| model(d.id).spec().cut_after.is_none();
    for doc in MODELS
        .iter()
        .filter(|d| d.option("multi_shot").is_none())
        .filter(whole)
    {
        let m = model(doc.id);
        assert!(m.spec().option("multi_shot").is_none());
        let mut fields: Vec<(&str, String)> = doc
            .texts()
            .into_iter()
            .map(|t| (t, "\"x\"".to_owned()))
            .collect();
        fields.extend(
            doc.required_choices()
                .into_iter()
                .map(|(name, v)| (name, v.json().to_string())),
        );
        fields.extend(doc.required_lists());
        fields.push(("multi_shot", "true".to_owned()));
        let body = format!(r#"{{"model":"{}","args":{}}}"#, doc.id, object(&fields));
        let v = quote_json(&body).unwrap_err();
        let [v] = v.as_slice() else { panic!("{v}") };
        assert_eq!(
            (v.path.as_str(), v.code),
            ("/args/multi_shot", Code::UnknownField)
        );
    }
}

#[test]
fn documented_defaults_of_every_model() {
    // PixVerse: 720p, 5 s, 16:9, no audio, single clip: each page's default cell.
    // HappyHorse: 1080P, 5 s, 16:9.
    // Veo 3.1 image-to-video: fast, 8 s, 720p, no audio. Vidu Q2: unpriced. Kling O1
    // image-to-video: Pro, unpriced. Kling O1 video-to-video: Pro, 0.143 per second of the
    // 3 to 10 s input. Seedance omni-reference: std, 5 s of output plus the input's seconds.
    let amount = Expected::Amount;
    let expected = [
        ("pixverse/pixverse-5.5/text-to-video", amount("0.170")),
        ("pixverse/pixverse-5.5/image-to-video", amount("0.170")),
        ("pixverse/pixverse-5.5/transition", amount("0.510")),
        ("pixverse/pixverse-6.0/text-to-video", amount("0.190")), // 0.038 × 5
        ("pixverse/pixverse-6.0/image-to-video", amount("0.190")),
        ("pixverse/pixverse-6.0/transition", amount("0.190")),
        ("alibaba/happyhorse-1.0/text-to-video", amount("1.145")), // 0.229 × 5
        ("google/veo-3.1/image-to-video", amount("0.64")),         // 0.08 × 8
        (
            "vidu/vidu-q2/text-to-video",
            Expected::Unpriced("starts at"),
        ),
        (
            "kwaivgi/kling-o1/image-to-video",
            Expected::Unpriced("per request"),
        ),
        (
            "kwaivgi/kling-o1/video-to-video",
            Expected::Estimate {
                rate: "0.143",
                unit: "second",
                min: Some("0.429"), // 0.143 × 3
                max: Some("1.430"), // 0.143 × 10
            },
        ),
        (
            "bytedance/seedance-2.0/omni-reference",
            Expected::Estimate {
                rate: "0.168",
                unit: "second",
                min: Some("0.840"), // 0.168 × (0 + 5)
                max: None,
            },
        ),
        // The image models: one image by default; Flux dev; Midjourney fast.
        ("google/nano-banana/text-to-image", amount("0.03")),
        ("shortapi/flux-1.0/text-to-image", amount("0.02")),
        ("midjourney/midjourney-v7/text-to-image", amount("0.04")),
        ("bytedance/seedream-4.5/text-to-image", amount("0.038")),
        ("bytedance/seedream-4.5/edit", amount("0.038")),
        ("google/nano-banana/edit", amount("0.03")),
        // Wan 2.6 reference-to-video: 1080p, 5 s: 0.128 × 5.
        ("alibaba/wan-2.6/reference-to-video", amount("0.640")),
        // Seedance 2.0 image-to-video: std, 5 s: 0.24 × 5.
        ("bytedance/seedance-2.0/image-to-video", amount("1.20")),
        // Kling 2.6 text-to-video: audio off, 5 s: 0.06 × 5.
        ("kwaivgi/kling-2.6/text-to-video", amount("0.30")),
        // Kling 3.0 text-to-video: the audio switch its price needs is beyond the cut.
        (
            "kwaivgi/kling-3.0/text-to-video",
            Expected::Unpriced("audio"),
        ),
        (
            "vidu/vidu-q2/image-to-video",
            Expected::Unpriced("starts at"),
        ),
        // "$0.026 per image", one image by default.
        ("alibaba/wan-2.6/text-to-image", Expected::Amount("0.026")),
    ];
    assert_eq!(expected.len(), MODELS.len());
    for (id, price) in expected {
        let doc = documented(id);
        let mut fields: Vec<(&str, String)> = doc
            .texts()
            .into_iter()
            .map(|t| (t, "\"x\"".to_owned()))
            .collect();
        fields.extend(
            doc.required_choices()
                .into_iter()
                .map(|(name, v)| (name, v.json().to_string())),
        );
        fields.extend(doc.required_lists());
        // What a conditional requirement asks at the defaults (Kling 3.0's prompt).
        fields.extend(doc.required_by_json(|_| None));
        let body = format!(r#"{{"model":"{id}","args":{}}}"#, object(&fields));
        assert_outcome(price, &check(&body).unwrap().quote(), id);
        let defaults = Selection::defaults(model(id));
        assert_outcome(price, &defaults.quote(), id);
        for o in doc.options.iter().filter(|o| o.default.is_some()) {
            assert_eq!(
                defaults.get(o.name),
                o.default.map(|v| v.wire()),
                "{id}: {}",
                o.name
            );
        }
    }
    use models::pixverse_5_5_text_to_video as t2v;
    let d = t2v::Options::default();
    assert_eq!(d, t2v::Options::DEFAULT);
    assert_eq!(d.resolution, t2v::Resolution::P720);
    assert_eq!(d.duration, t2v::Duration::S5);
    assert_eq!(d.aspect_ratio, t2v::AspectRatio::R16x9);
    assert!(!d.generate_audio);
    assert!(!d.multi_shot);
}

/// `Model::price_table()` is the documented table of each model, row for row: an exact
/// amount, a rate per measured quantity, or a price the page does not give.
#[test]
fn each_price_table_is_the_documented_table() {
    for doc in MODELS {
        let rows: Vec<Result<Quote, QuoteError>> = model(doc.id).price_table().collect();
        let measured = !model(doc.id).spec().pricing.quantities.is_empty();
        match &doc.prices {
            // A page that measures a quantity has a rate row per value of its dimensions.
            Prices::Listed(entries) if measured => {
                assert_eq!(
                    rows.len(),
                    entries.len() / combination_count_of_duration(doc)
                );
            }
            // A page with no price at all has one row, unpriced (whatever its rules forbid).
            Prices::Listed(entries)
                if entries
                    .iter()
                    .all(|e| matches!(e.price, documented::Priced::Unpriced(_))) =>
            {
                assert_eq!(rows.len(), 1, "{}", doc.id);
                assert!(
                    matches!(rows[0], Err(QuoteError::Unpriced(_))),
                    "{}",
                    doc.id
                );
            }
            Prices::Listed(entries) => {
                // Every transcribed outcome is some row's.
                for entry in *entries {
                    let found = rows.iter().any(|row| {
                        let s = match row {
                            Ok(q) => q.selection(),
                            Err(QuoteError::Unpriced(u)) => u.selection(),
                            Err(e) => panic!("{}: {e:?}", doc.id),
                        };
                        doc.listed_of(s).is_some_and(|e| std::ptr::eq(e, entry))
                    });
                    assert!(found, "{}: no row for {entry:?}", doc.id);
                }
            }
            _ => assert_eq!(rows.len(), doc.cell_count(), "{}", doc.id),
        }
        for row in &rows {
            let s = match row {
                Ok(q) => *q.selection(),
                Err(QuoteError::Unpriced(u)) => *u.selection(),
                Err(QuoteError::NeedsUsage(e)) => *e.selection(),
                Err(e) => panic!("{}: a table row is never refused: {e:?}", doc.id),
            };
            assert_outcome(doc.expected_of(&s, None), row, doc.id);
            // An option the price does not depend on is at its default.
            let aspect = if doc.option("ratio").is_some() {
                "ratio"
            } else {
                "aspect_ratio"
            };
            // (Where the page gives it no default, it is left out.)
            if let Some(o) = doc.option(aspect) {
                assert_eq!(s.get(aspect), o.default.map(|v| v.wire()), "{}", doc.id);
            }
        }
    }
}

/// How many values of `duration` a measured page's transcription lists per rate (Seedance's
/// rate multiplies input seconds + `duration`; Kling O1 video-to-video has no duration).
fn combination_count_of_duration(doc: &documented::Documented) -> usize {
    doc.option("duration").map_or(1, |o| o.values.len())
}

/// The 6.0 specs' rates are the documented rates per second.
#[test]
fn six_zero_rates_are_the_documented_rates() {
    for id in [
        "pixverse/pixverse-6.0/text-to-video",
        "pixverse/pixverse-6.0/image-to-video",
        "pixverse/pixverse-6.0/transition",
    ] {
        let spec = model(id).spec();
        let Prices::PerSecond { rates, .. } = &documented(id).prices else {
            panic!("{id} is priced per second")
        };
        let per = spec.pricing.per.expect("a per-second price");
        let [Term::Option(option)] = per.terms else {
            panic!("{id}: priced per second of one option")
        };
        assert_eq!(
            (spec.options[*option].name, per.unit),
            ("duration", "second")
        );
        assert_eq!(spec.pricing.cells.len(), rates.len());
        for cell in spec.pricing.cells {
            let values: Vec<WireValue<'_>> = spec
                .pricing
                .dimensions
                .iter()
                .zip(cell.values)
                .map(|(&d, &v)| spec.options[d].wire(v as i64).unwrap())
                .collect();
            let (mut audio, mut resolution) = (None, None);
            for (&d, v) in spec.pricing.dimensions.iter().zip(&values) {
                match (spec.options[d].name, v) {
                    ("generate_audio", WireValue::Bool(b)) => audio = Some(*b),
                    ("resolution", WireValue::Str(r)) => resolution = Some(*r),
                    other => panic!("unexpected dimension {other:?}"),
                }
            }
            let rate = rates
                .iter()
                .find(|r| Some(r.0) == audio && Some(r.1) == resolution)
                .unwrap();
            assert_eq!(
                cell.price,
                CellPrice::Amount(dec(rate.2)),
                "{id} {values:?}"
            );
            let CellPrice::Amount(amount) = cell.price else {
                unreachable!()
            };
            assert_eq!(amount.to_string(), rate.2, "{id} {values:?}");
        }
    }
}

/// HappyHorse's spec rates are the documented rates per second, by resolution.
#[test]
fn happyhorse_rates_are_the_documented_rates() {
    let id = "alibaba/happyhorse-1.0/text-to-video";
    let spec = model(id).spec();
    let Prices::PerWholeSecond { by, rates, .. } = &documented(id).prices else {
        panic!("{id} is priced per whole second")
    };
    let per = spec.pricing.per.expect("a per-second price");
    let [Term::Option(option)] = per.terms else {
        panic!("{id}: priced per second of one option")
    };
    assert_eq!(
        (spec.options[*option].name, per.unit),
        ("duration", "second")
    );
    let dimensions: Vec<&str> = spec
        .pricing
        .dimensions
        .iter()
        .map(|&d| spec.options[d].name)
        .collect();
    assert_eq!(dimensions, [*by]);
    let cells: Vec<(WireValue<'_>, String)> = spec
        .pricing
        .cells
        .iter()
        .map(|c| {
            (
                spec.options[spec.pricing.dimensions[0]]
                    .wire(c.values[0] as i64)
                    .unwrap(),
                match c.price {
                    CellPrice::Amount(a) => a.to_string(),
                    CellPrice::Unpriced(r) => panic!("{id}: unpriced {r}"),
                },
            )
        })
        .collect();
    let documented: Vec<(WireValue<'_>, String)> = rates
        .iter()
        .map(|&(v, r)| (WireValue::Str(v), r.to_owned()))
        .collect();
    assert_eq!(cells, documented);
}
