//! Property tests against the seed page's table (transcribed by hand in `common/seed.rs`).

mod common;

use common::strategies::{any_json, mutated_body, options, valid_body};
use common::{milli, seed_price};
use pixverse_pricing::{
    check, Args, Code, CreateJobRequest, Decimal, Duration, Fields, Options, Resolution,
};
use proptest::prelude::*;
use serde_json::Value;

fn documented(o: &Options) -> Option<&'static str> {
    seed_price(
        o.multi_shot,
        o.generate_audio,
        o.resolution.as_str(),
        o.duration.as_str(),
    )
}

/// Asserts the invariants of a checker verdict on `input`: an accepted request is priced by the
/// documented table; every violation has a code and a path into the input.
fn assert_verdict(input: &[u8]) {
    let parsed: Option<Value> = serde_json::from_slice(input).ok();
    match check(input) {
        Ok(request) => {
            let o = request.args.options;
            let quote = request.quote().expect("an accepted request breaks no rule");
            assert_eq!(Some(quote.amount().to_string().as_str()), documented(&o));
        }
        Err(violations) => {
            assert!(!violations.as_slice().is_empty());
            for v in violations.as_slice() {
                assert!(!v.message.is_empty());
                assert!(v.path.is_empty() || v.path.starts_with('/'), "{v}");
                let Some(value) = &parsed else {
                    assert_eq!(v.code, Code::InvalidJson);
                    continue;
                };
                let resolves = value.pointer(&v.path).is_some();
                let parent = &v.path[..v.path.rfind('/').unwrap_or(0)];
                let missing = v.code == Code::MissingField && value.pointer(parent).is_some();
                assert!(resolves || missing, "{v} does not point into {value}");
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn quote_is_the_documented_cell_or_the_1080p_10s_rejection(o in options()) {
        match (o.quote(), documented(&o)) {
            (Ok(q), Some(price)) => {
                prop_assert_eq!(q.amount(), Decimal::from_str_exact(price).unwrap());
                prop_assert_eq!(q.options(), &o);
            }
            (Err(e), None) => {
                prop_assert_eq!((o.resolution, o.duration), (Resolution::P1080, Duration::S10));
                prop_assert_eq!(e.rule().id, "no_1080p_at_10s");
            }
            (got, want) => prop_assert!(false, "{:?}: quote {:?}, documented {:?}", o, got, want),
        }
    }

    #[test]
    fn never_cheaper_with_more(o in options()) {
        let Ok(base) = o.quote() else { return Ok(()) };
        let mut upgrades = vec![o.with_generate_audio(true), o.with_multi_shot(true)];
        upgrades.extend(Resolution::ALL.into_iter().filter(|r| *r > o.resolution).map(|r| o.with_resolution(r)));
        upgrades.extend(Duration::ALL.into_iter().filter(|d| *d > o.duration).map(|d| o.with_duration(d)));
        for up in upgrades {
            if let Ok(more) = up.quote() {
                prop_assert!(more.amount() >= base.amount(), "{:?} costs less than {:?}", up, o);
            }
        }
    }

    #[test]
    fn sums_of_many_quotes_are_exact(all in prop::collection::vec(options(), 1..2000)) {
        let mut total = Decimal::ZERO;
        let mut total_milli: u64 = 0;
        for o in &all {
            if let (Ok(q), Some(price)) = (o.quote(), documented(o)) {
                total += q.amount();
                total_milli += milli(price);
            }
        }
        prop_assert_eq!(total, Decimal::new(i64::try_from(total_milli).unwrap(), 3));
    }

    #[test]
    fn serialize_then_check_round_trips(
        o in options(),
        prompt in "\\PC{0,40}\\S\\PC{0,10}",
        callback in proptest::option::of("https://[a-z]{1,10}\\.example/[a-z0-9/]{0,10}"),
        minimal in any::<bool>(),
    ) {
        let args = Args::new(prompt).unwrap().with_options(o);
        let mut request = CreateJobRequest::new(args);
        if let Some(url) = callback {
            request = request.with_callback_url(url);
        }
        let fields = if minimal { Fields::Minimal } else { Fields::All };
        let json = request.to_json(fields);
        match o.quote() {
            Ok(_) => prop_assert_eq!(check(&json).unwrap(), request),
            Err(_) => prop_assert!(check(&json).unwrap_err().has(Code::UnsupportedCombination)),
        }
    }

    #[test]
    fn random_json_never_panics_and_every_rejection_points_into_it(value in any_json()) {
        assert_verdict(value.to_string().as_bytes());
    }

    #[test]
    fn mutated_bodies_never_panic_and_every_rejection_points_into_them(body in mutated_body()) {
        assert_verdict(body.to_string().as_bytes());
    }

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
        assert_verdict(&bytes);
    }

    #[test]
    fn truncated_bodies_never_panic(body in valid_body(), cut in 0..400usize) {
        let text = body.to_string();
        let cut = cut.min(text.len());
        assert_verdict(&text.as_bytes()[..cut]);
    }
}
