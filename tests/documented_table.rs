//! Every documented price and every forbidden combination, against the seed page's table
//! transcribed by hand in `common/seed.rs`.

mod common;

use common::{seed_price, SEED_ASPECT_RATIOS, SEED_TABLE};
use pixverse_pricing::{
    check, AspectRatio, Code, Decimal, Duration, Options, Resolution, CURRENCY,
};

fn options(
    multi_shot: bool,
    audio: bool,
    resolution: &str,
    duration: &str,
    aspect: &str,
) -> Options {
    Options::DEFAULT
        .with_multi_shot(multi_shot)
        .with_generate_audio(audio)
        .with_resolution(resolution.parse().unwrap())
        .with_duration(duration.parse().unwrap())
        .with_aspect_ratio(aspect.parse().unwrap())
}

#[test]
fn every_documented_price_for_every_aspect_ratio() {
    let mut checked = 0;
    for (multi_shot, audio, resolution, duration, price) in SEED_TABLE {
        let expected = Decimal::from_str_exact(price).unwrap();
        for aspect in SEED_ASPECT_RATIOS {
            let quote = options(multi_shot, audio, resolution, duration, aspect)
                .quote()
                .unwrap();
            assert_eq!(
                quote.amount(),
                expected,
                "{multi_shot} {audio} {resolution} {duration} {aspect}"
            );
            // The documented scale is kept: "0.340", not "0.34".
            assert_eq!(quote.amount().to_string(), price);
            assert_eq!(quote.currency(), "USD");
            checked += 1;
        }
    }
    assert_eq!(checked, 32 * 5);
    assert_eq!(CURRENCY, "USD");
}

#[test]
fn the_same_prices_through_the_json_checker() {
    for (multi_shot, audio, resolution, duration, price) in SEED_TABLE {
        for aspect in SEED_ASPECT_RATIOS {
            let json = format!(
                r#"{{"prompt":"p","multi_shot":{multi_shot},"generate_audio":{audio},"resolution":"{resolution}","duration":"{duration}","aspect_ratio":"{aspect}"}}"#
            );
            let quote = check(&json).unwrap().quote().unwrap();
            assert_eq!(quote.amount().to_string(), price, "{json}");
        }
    }
}

#[test]
fn all_twenty_forbidden_combinations_are_rejected() {
    let mut rejected = 0;
    for multi_shot in [false, true] {
        for audio in [false, true] {
            for aspect in SEED_ASPECT_RATIOS {
                assert_eq!(seed_price(multi_shot, audio, "1080p", "10"), None);
                let err = options(multi_shot, audio, "1080p", "10", aspect)
                    .quote()
                    .unwrap_err();
                assert_eq!(err.rule().id, "no_1080p_at_10s");
                assert!(
                    err.to_string().contains("1080p is not supported for 10s"),
                    "{err}"
                );

                let json = format!(
                    r#"{{"prompt":"p","multi_shot":{multi_shot},"generate_audio":{audio},"resolution":"1080p","duration":"10","aspect_ratio":"{aspect}"}}"#
                );
                let violations = check(&json).unwrap_err();
                let [v] = violations.as_slice() else {
                    panic!("one violation expected: {violations}")
                };
                assert_eq!(v.code, Code::UnsupportedCombination);
                assert_eq!(v.path, "/duration");
                assert!(
                    v.message.contains("duration may be \"5\", \"8\""),
                    "{}",
                    v.message
                );
                rejected += 1;
            }
        }
    }
    assert_eq!(rejected, 20);
}

#[test]
fn the_whole_option_space_is_either_documented_or_forbidden() {
    // 3 resolutions × 3 durations × 5 aspect ratios × 2 × 2 = 180, walked in full.
    let mut seen = 0;
    for o in Options::all() {
        let documented = seed_price(
            o.multi_shot,
            o.generate_audio,
            o.resolution.as_str(),
            o.duration.as_str(),
        );
        match (o.quote(), documented) {
            (Ok(q), Some(price)) => assert_eq!(q.amount().to_string(), price),
            (Err(e), None) => assert_eq!(e.rule().id, "no_1080p_at_10s"),
            (got, want) => panic!("{o:?}: quote {got:?}, documented {want:?}"),
        }
        seen += 1;
    }
    assert_eq!(seen, 180);
    assert_eq!(Options::COMBINATIONS, 180);
}

#[test]
fn documented_defaults() {
    let d = Options::default();
    assert_eq!(d, Options::DEFAULT);
    assert_eq!(d.resolution, Resolution::P720);
    assert_eq!(d.duration, Duration::S5);
    assert_eq!(d.aspect_ratio, AspectRatio::R16x9);
    assert!(!d.generate_audio);
    assert!(!d.multi_shot);
    // A body with only a prompt is priced at the defaults: 720p, 5 s, single clip, silent.
    assert_eq!(
        check(r#"{"prompt":"p"}"#)
            .unwrap()
            .quote()
            .unwrap()
            .amount()
            .to_string(),
        "0.170"
    );
}

#[test]
fn the_price_table_is_the_documented_table() {
    let table: Vec<_> = Options::price_table().collect();
    assert_eq!(table.len(), 32);
    for (multi_shot, audio, resolution, duration, price) in SEED_TABLE {
        let row = table
            .iter()
            .find(|(o, _)| {
                o.multi_shot == multi_shot
                    && o.generate_audio == audio
                    && o.resolution.as_str() == resolution
                    && o.duration.as_str() == duration
            })
            .unwrap();
        assert_eq!(row.1.to_string(), price);
        assert_eq!(row.0.aspect_ratio, AspectRatio::DEFAULT);
    }
}
