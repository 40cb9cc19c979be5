//! Every documented price of every model, and every forbidden combination, against the pages'
//! tables transcribed by hand in `common/documented.rs`: the whole option space of each model,
//! through its typed API, through the model-erased `Selection`, and through the JSON checker.

#[allow(dead_code)]
#[path = "common/documented.rs"]
mod documented;
#[path = "common/typed.rs"]
mod typed;

use documented::{documented, Prices, DURATIONS, MODELS, RULE_ID, RULE_MESSAGE};
use shortapi_pricing::spec::{OptionKind, WireValue};
use shortapi_pricing::{
    check, models, quote_args_json, quote_json, Code, Decimal, Model, Quote, Selection,
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
                page.values.is_empty(),
                "{}: {}",
                doc.id,
                o.name
            );
            let values: Vec<WireValue<'_>> = match o.kind {
                OptionKind::Text { .. } => Vec::new(),
                OptionKind::Enum { values, .. } => {
                    values.iter().map(|v| WireValue::Str(v)).collect()
                }
                OptionKind::Bool { .. } => vec![WireValue::Bool(false), WireValue::Bool(true)],
                OptionKind::Integer {
                    minimum, maximum, ..
                } => (minimum..=maximum).map(WireValue::Int).collect(),
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

/// Walks a model module's whole `Options::all()` and checks every combination against the
/// hand table: a documented cell quotes exactly its price (same digits), and the rest is
/// refused by the 1080p-at-10s rule (PixVerse's; no other page forbids a combination). Pushes `(id, combinations, priced, refused)` to `$out`.
/// Only what every generated module has is named, so a new model compiles here unchanged.
macro_rules! walk_typed {
    ($module:ident, $variant:ident) => {{
        use models::$module::{Options, MODEL, RULES};
        assert_eq!(MODEL, Model::$variant);
        let doc = documented(MODEL.id());
        let (mut seen, mut priced, mut refused) = (0, 0, 0);
        for o in Options::all().flat_map(|o| with_every_integer(&o)) {
            let s = o.to_selection();
            let want = doc.price_of(&s);
            match (o.quote(), want) {
                (Ok(quote), Some(price)) => {
                    assert_eq!(quote.amount(), dec(price), "{o:?}");
                    // The documented scale is kept: "0.340", not "0.34"; "1.02", not "1.020".
                    assert_eq!(quote.amount().to_string(), price, "{o:?}");
                    assert_eq!(quote.currency(), "USD");
                    assert_eq!(quote.model(), MODEL);
                    assert_eq!(quote.options::<Options>(), Some(o));
                    assert_eq!(o.price(), Ok(quote.amount()));
                    priced += 1;
                }
                (Err(unsupported), None) => {
                    // Only PixVerse's pages forbid a combination: 1080p at 10 s.
                    assert_eq!(unsupported.rule().id, RULE_ID, "{o:?}");
                    assert_eq!(Some(unsupported.rule()), RULES.first());
                    assert_eq!(unsupported.model(), MODEL);
                    assert_eq!(o.price().unwrap_err().id, RULE_ID);
                    assert!(o.breaks(0));
                    refused += 1;
                }
                (got, want) => panic!("{o:?}: quote {got:?}, documented {want:?}"),
            }
            seen += 1;
        }
        let integers: usize = MODEL
            .spec()
            .options
            .iter()
            .map(|o| match o.kind {
                OptionKind::Integer {
                    minimum, maximum, ..
                } => (maximum - minimum + 1) as usize,
                _ => 1,
            })
            .product();
        assert_eq!(seen, Options::COMBINATIONS * integers);
        WALKED.with_borrow_mut(|w| w.push((MODEL.id(), seen, priced, refused)));
    }};
}

thread_local! {
    static WALKED: std::cell::RefCell<Vec<(&'static str, usize, usize, usize)>> =
        const { std::cell::RefCell::new(Vec::new()) };
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
    assert_eq!(
        walked,
        [
            ("alibaba/happyhorse-1.0/text-to-video", 130, 130, 0),
            ("pixverse/pixverse-5.5/image-to-video", 180, 160, 20),
            ("pixverse/pixverse-5.5/text-to-video", 180, 160, 20),
            ("pixverse/pixverse-5.5/transition", 90, 80, 10),
            ("pixverse/pixverse-6.0/image-to-video", 180, 160, 20),
            ("pixverse/pixverse-6.0/text-to-video", 180, 160, 20),
            ("pixverse/pixverse-6.0/transition", 90, 80, 10),
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

/// Every combination of a model, as wire values from the hand lists, with its documented price.
fn every_args(doc: &documented::Documented) -> Vec<(Fields, Option<&'static str>)> {
    doc.combinations()
        .into_iter()
        .map(|values| {
            let mut fields: Fields = doc
                .texts()
                .into_iter()
                .map(|t| (t, format!("\"a {t}\"")))
                .collect();
            fields.extend(values.iter().map(|&(name, v)| (name, v.json().to_string())));
            let price = doc.price_of_values(&values);
            (fields, price)
        })
        .collect()
}

fn object(fields: &[(&str, String)]) -> String {
    let inner: Vec<String> = fields.iter().map(|(k, v)| format!("\"{k}\":{v}")).collect();
    format!("{{{}}}", inner.join(","))
}

#[test]
fn every_combination_of_every_model_through_quote_json() {
    let mut total = 0;
    for doc in &MODELS {
        let m = model(doc.id);
        let combos = every_args(doc);
        let with_multi_shot = doc.option("multi_shot").is_some();
        let expected = match doc.id {
            "alibaba/happyhorse-1.0/text-to-video" => 130, // 2 × 5 × 13
            _ if with_multi_shot => 180,
            _ => 90,
        };
        assert_eq!(combos.len(), expected, "{}", doc.id);
        for (fields, price) in combos {
            let args = object(&fields);
            let body = format!(r#"{{"model":"{}","args":{args}}}"#, doc.id);
            let body_quote = quote_json(&body);
            let args_quote = quote_args_json(m, &args);
            match price {
                Some(price) => {
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
                None => {
                    for (violations, at) in [
                        (body_quote.unwrap_err(), "/args/duration"),
                        (args_quote.unwrap_err(), "/duration"),
                    ] {
                        let [v] = violations.as_slice() else {
                            panic!("one violation expected for {body}: {violations}")
                        };
                        assert_eq!(v.code, Code::UnsupportedCombination, "{body}");
                        assert_eq!(v.path, at, "{body}");
                        assert!(
                            v.message.starts_with(&format!(
                                "{RULE_MESSAGE} (resolution = \"1080p\", duration = \"10\")"
                            )),
                            "{}",
                            v.message
                        );
                        // And it says what would be allowed instead.
                        assert!(
                            v.message.ends_with("duration may be \"5\", \"8\""),
                            "{}",
                            v.message
                        );
                    }
                }
            }
            total += 1;
        }
    }
    assert_eq!(total, 4 * 180 + 2 * 90 + 130);
}

/// The same walk through the model-erased `Selection`, set from wire values.
#[test]
fn every_combination_of_every_model_through_selection() {
    for doc in &MODELS {
        let m = model(doc.id);
        for (fields, price) in every_args(doc) {
            let mut s = Selection::defaults(m);
            for (name, value) in &fields {
                let value = match value.as_str() {
                    "true" => WireValue::Bool(true),
                    "false" => WireValue::Bool(false),
                    quoted if quoted.starts_with('"') => WireValue::Str(quoted.trim_matches('"')),
                    number => WireValue::Int(number.parse().unwrap()),
                };
                if !doc.texts().contains(name) {
                    s.set(name, value).unwrap();
                }
            }
            match (s.quote(), price) {
                (Ok(q), Some(p)) => assert_eq!(q.amount().to_string(), p, "{fields:?}"),
                (Err(e), None) => assert_eq!(e.rule().id, RULE_ID),
                (got, want) => panic!("{}: {fields:?}: {got:?} vs {want:?}", doc.id),
            }
        }
    }
}

#[test]
fn a_model_without_multi_shot_refuses_it() {
    for doc in MODELS.iter().filter(|d| d.option("multi_shot").is_none()) {
        let m = model(doc.id);
        assert!(m.spec().option("multi_shot").is_none());
        let mut fields: Vec<(&str, String)> = doc
            .texts()
            .into_iter()
            .map(|t| (t, "\"x\"".to_owned()))
            .collect();
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
    let expected = [
        ("pixverse/pixverse-5.5/text-to-video", "0.170"),
        ("pixverse/pixverse-5.5/image-to-video", "0.170"),
        ("pixverse/pixverse-5.5/transition", "0.510"),
        ("pixverse/pixverse-6.0/text-to-video", "0.190"), // 0.038 × 5
        ("pixverse/pixverse-6.0/image-to-video", "0.190"),
        ("pixverse/pixverse-6.0/transition", "0.190"),
        ("alibaba/happyhorse-1.0/text-to-video", "1.145"), // 0.229 × 5
    ];
    assert_eq!(expected.len(), MODELS.len());
    for (id, price) in expected {
        let doc = documented(id);
        let fields: Vec<(&str, String)> = doc
            .texts()
            .into_iter()
            .map(|t| (t, "\"x\"".to_owned()))
            .collect();
        let body = format!(r#"{{"model":"{id}","args":{}}}"#, object(&fields));
        assert_eq!(
            quote_json(&body).unwrap().amount().to_string(),
            price,
            "{id}"
        );
        let defaults = Selection::defaults(model(id));
        assert_eq!(defaults.quote().unwrap().amount().to_string(), price);
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

/// `Model::price_table()` is the documented table of each model, row for row.
#[test]
fn each_price_table_is_the_documented_table() {
    for doc in &MODELS {
        let rows: Vec<Quote> = model(doc.id).price_table().collect();
        assert_eq!(rows.len(), doc.cell_count(), "{}", doc.id);
        for (s, amount) in rows.iter().map(|q| (q.selection(), q.amount())) {
            let want = doc.price_of(s);
            assert_eq!(Some(amount.to_string().as_str()), want, "{}: {s:?}", doc.id);
            // An option the price does not depend on is at its default.
            let aspect = if doc.option("ratio").is_some() {
                "ratio"
            } else {
                "aspect_ratio"
            };
            assert_eq!(s.get(aspect), Some(WireValue::Str("16:9")), "{}", doc.id);
        }
    }
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
        assert_eq!(
            (spec.options[per.option].name, per.unit),
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
            assert_eq!(cell.amount.to_string(), rate.2, "{id} {values:?}");
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
    assert_eq!(
        (spec.options[per.option].name, per.unit),
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
                c.amount.to_string(),
            )
        })
        .collect();
    let documented: Vec<(WireValue<'_>, String)> = rates
        .iter()
        .map(|&(v, r)| (WireValue::Str(v), r.to_owned()))
        .collect();
    assert_eq!(cells, documented);
}
