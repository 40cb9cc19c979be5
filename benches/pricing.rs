//! This crate against what a billing engineer would use instead, side by side on the same
//! inputs. Run: `cargo bench --features schema --bench pricing`.
//!
//! - `typed_quote`: `Options::quote` over all 180 combinations, against a `HashMap<String, Decimal>`
//!   loaded at run time from the same spec and keyed by a string built from the option values.
//! - `check_json`: JSON args bytes → checked quote (`quote_json`, and `check_args` then `quote`),
//!   against the `jsonschema` crate validating the same bytes with the exported schema and then
//!   looking the price up in that map, and against serde_json parsing the bytes into
//!   `IgnoredAny` (the floor: parsing and nothing else).
//! - `jsonl`: a 100 000-line usage log → quotes and the exact total, against serde_json reading
//!   the same lines into `IgnoredAny`.

use std::collections::HashMap;
use std::hint::black_box;

use divan::counter::{BytesCount, ItemsCount};
use divan::Bencher;
use pixverse_pricing::jsonl::{Log, Mode};
use pixverse_pricing::schema::{schema, Dialect, Target};
use pixverse_pricing::spec::WireValue;
use pixverse_pricing::{check_args, quote_json, Args, Decimal, Options, PRICE_DIMENSIONS};
use serde::de::IgnoredAny;
use serde_json::Value;
use toml::de::{DeTable, DeValue};

fn main() {
    divan::main();
}

/// The price map an engineer would load at run time: every cell of spec/model.toml, keyed like
/// `"multi_shot=false|generate_audio=true|resolution=720p|duration=8"`.
fn price_map() -> HashMap<String, Decimal> {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/spec/model.toml")).unwrap();
    let doc = DeTable::parse(&text).unwrap();
    let pricing = doc
        .get_ref()
        .get("pricing")
        .unwrap()
        .get_ref()
        .as_table()
        .unwrap();
    let cells = pricing.get("cells").unwrap().get_ref().as_array().unwrap();
    let mut map = HashMap::new();
    for cell in cells.iter() {
        let cell = cell.get_ref().as_table().unwrap();
        let value = |name: &str| match cell.get(name).unwrap().get_ref() {
            DeValue::String(s) => s.to_string(),
            DeValue::Boolean(b) => b.to_string(),
            other => panic!("unexpected {other:?}"),
        };
        let key: Vec<String> = PRICE_DIMENSIONS
            .iter()
            .map(|d| format!("{d}={}", value(d)))
            .collect();
        map.insert(
            key.join("|"),
            Decimal::from_str_exact(&value("price")).unwrap(),
        );
    }
    assert_eq!(map.len(), 32);
    map
}

/// The map's key for a set of option values.
fn map_key(value: impl Fn(&str) -> String) -> String {
    let parts: Vec<String> = PRICE_DIMENSIONS
        .iter()
        .map(|d| format!("{d}={}", value(d)))
        .collect();
    parts.join("|")
}

fn wire_text(v: WireValue<'_>) -> String {
    match v {
        WireValue::Str(s) => s.to_owned(),
        WireValue::Bool(b) => b.to_string(),
    }
}

mod typed_quote {
    use super::*;

    /// Each quote's outcome is used: the amount, or the rule broken.
    #[divan::bench]
    fn crate_quote(bencher: Bencher) {
        let all: Vec<Options> = Options::all().collect();
        bencher.counter(ItemsCount::new(all.len())).bench_local(|| {
            for o in black_box(&all) {
                match o.quote() {
                    Ok(q) => {
                        black_box(q.amount());
                    }
                    Err(e) => {
                        black_box(e.rule());
                    }
                }
            }
        });
    }

    /// Quoting and summing exactly, as a bill does: the `Decimal` additions dominate.
    #[divan::bench]
    fn crate_quote_and_sum(bencher: Bencher) {
        let all: Vec<Options> = Options::all().collect();
        bencher.counter(ItemsCount::new(all.len())).bench_local(|| {
            let mut total = Decimal::ZERO;
            for o in black_box(&all) {
                if let Ok(q) = o.quote() {
                    total += q.amount();
                }
            }
            total
        });
    }

    #[divan::bench]
    fn string_keyed_map(bencher: Bencher) {
        let all: Vec<Options> = Options::all().collect();
        let map = price_map();
        bencher.counter(ItemsCount::new(all.len())).bench_local(|| {
            for o in black_box(&all) {
                let key = map_key(|d| o.get(d).map(wire_text).unwrap_or_default());
                black_box(map.get(&key));
            }
        });
    }
}

/// The 180 combinations as JSON args with a realistic prompt, every option written out.
fn json_requests() -> Vec<Vec<u8>> {
    let prompt = "An action shot of a black lab swimming in a sunlit lake, water droplets flying, \
                  cinematic lighting, shallow depth of field";
    Options::all()
        .map(|o| serde_json::to_vec(&Args::new(prompt).unwrap().with_options(o)).unwrap())
        .collect()
}

/// Runs `f` over every JSON request in turn, counting requests and bytes.
fn over_requests(bencher: Bencher, f: impl Fn(&[u8])) {
    let inputs = json_requests();
    let bytes: usize = inputs.iter().map(Vec::len).sum();
    bencher
        .counter(ItemsCount::new(inputs.len()))
        .counter(BytesCount::new(bytes))
        .bench_local(|| {
            for input in &inputs {
                f(black_box(input));
            }
        });
}

mod check_json {
    use super::*;

    #[divan::bench]
    fn crate_quote_json(bencher: Bencher) {
        over_requests(bencher, |input| {
            let _ = black_box(quote_json(input));
        });
    }

    /// `check_args` builds the typed `Args`, prompt copied out, before quoting.
    #[divan::bench]
    fn crate_check_args_then_quote(bencher: Bencher) {
        over_requests(bencher, |input| {
            let _ = black_box(check_args(input).map(|args| args.quote()));
        });
    }

    #[divan::bench]
    fn jsonschema_then_map(bencher: Bencher) {
        let validator =
            jsonschema::validator_for(&schema(Target::Args, Dialect::Draft2020_12)).unwrap();
        let map = price_map();
        let defaults = serde_json::to_value(Args::new("x").unwrap()).unwrap();
        over_requests(bencher, |input| {
            let value: Value = serde_json::from_slice(input).unwrap();
            if validator.is_valid(&value) {
                let key = map_key(|d| {
                    let v = value.get(d).unwrap_or(&defaults[d]);
                    v.as_str().map_or_else(|| v.to_string(), str::to_owned)
                });
                black_box(map.get(&key));
            }
        });
    }

    #[divan::bench]
    fn serde_json_ignored_any(bencher: Bencher) {
        over_requests(bencher, |input| {
            let _ = black_box(serde_json::from_slice::<IgnoredAny>(input));
        });
    }
}

/// A deterministic usage log: realistic prompts of varying length, every option combination in
/// turn (so 1 in 9 breaks the 1080p / 10 s rule), 1 in 25 with an unknown value, 1 in 200
/// corrupt: about 15 % rejected in all.
fn usage_log(lines: usize) -> Vec<u8> {
    const WORDS: [&str; 24] = [
        "a",
        "black",
        "lab",
        "swimming",
        "cherry",
        "blossom",
        "tree",
        "young",
        "woman",
        "cinematic",
        "lighting",
        "sunset",
        "over",
        "the",
        "city",
        "drone",
        "shot",
        "slow",
        "motion",
        "waves",
        "crashing",
        "neon",
        "street",
        "rain",
    ];
    let all: Vec<Options> = Options::all().collect();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut log = Vec::new();
    for i in 0..lines {
        let words = 8 + (next() % 60) as usize;
        let prompt: Vec<&str> = (0..words).map(|_| WORDS[(next() % 24) as usize]).collect();
        let o = all[i % all.len()];
        let mut line =
            serde_json::to_vec(&Args::new(prompt.join(" ")).unwrap().with_options(o)).unwrap();
        match next() % 200 {
            0 => line.truncate(line.len() / 2), // corrupt
            1..=8 => {
                // rejected: an unknown value
                line = br#"{"prompt":"a cat","resolution":"4k"}"#.to_vec();
            }
            _ => {}
        }
        log.extend_from_slice(&line);
        log.push(b'\n');
    }
    log
}

mod jsonl {
    use super::*;

    const LINES: usize = 100_000;

    #[divan::bench(sample_count = 20)]
    fn crate_log_quote_and_total(bencher: Bencher) {
        let log = usage_log(LINES);
        bencher
            .counter(ItemsCount::new(LINES))
            .counter(BytesCount::new(log.len()))
            .bench_local(|| {
                let mut reader = Log::new(black_box(&log[..]), Mode::Quote);
                for entry in reader.by_ref() {
                    let _ = black_box(entry);
                }
                black_box(reader.summary().total)
            });
    }

    #[divan::bench(sample_count = 20)]
    fn serde_json_lines_ignored_any(bencher: Bencher) {
        let log = usage_log(LINES);
        bencher
            .counter(ItemsCount::new(LINES))
            .counter(BytesCount::new(log.len()))
            .bench_local(|| {
                for line in black_box(&log[..]).split(|b| *b == b'\n') {
                    let _ = black_box(serde_json::from_slice::<IgnoredAny>(line));
                }
            });
    }
}
