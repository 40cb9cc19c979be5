//! This crate against what a billing engineer would use instead, side by side on the same
//! inputs, for every model of the catalog. Run: `cargo bench --features schema --bench pricing`.
//!
//! - `typed_quote`: each model's `Options::quote` over all its combinations, every value of an
//!   integer option included (one benchmark per model, written by [`for_each_model!`]), against a `HashMap<String, Decimal>` keyed by a
//!   string built from the option values.
//! - `check_json`: JSON bytes → checked quote. `quote_json` on create-job bodies of every model
//!   (the dispatch on `model` included); the seed model alone, as bodies and as the bare args
//!   the single-model crate was measured on (`benches/single_model_baseline.sh` runs the
//!   single-model crate's own benchmark on the same bytes beside these); the `jsonschema` crate
//!   validating the same bodies with the catalog's exported schema, then the map; and serde_json
//!   parsing the bytes into `IgnoredAny` (the floor: parsing and nothing else).
//! - `jsonl`: a 100 000-line usage log mixing every model → quotes and exact per-model totals,
//!   against serde_json reading the same lines into `IgnoredAny`.

use std::collections::HashMap;
use std::hint::black_box;

use divan::counter::{BytesCount, ItemsCount};
use divan::Bencher;
use serde::de::IgnoredAny;
use serde_json::Value;
use shortapi_pricing::schema::{self, Dialect};
use shortapi_pricing::spec::{OptionSpec, WireValue};
use shortapi_pricing::{
    check, check_selection, for_each_model, quote_args_json, quote_json, Args, CreateJobRequest,
    Decimal, Expect, Fields, Model, Selection,
};

#[path = "../tests/common/typed.rs"]
mod typed;

fn main() {
    divan::main();
}

/// The prompt every JSON request carries: 122 characters, as in the single-model benchmark.
const PROMPT: &str =
    "An action shot of a black lab swimming in a sunlit lake, water droplets flying, \
                      cinematic lighting, shallow depth of field";

/// Every option combination of every model, in model order; a choice the page requires and
/// gives no default (the image models' aspect ratio) takes its first value.
fn all_selections() -> Vec<Selection> {
    let mut all = Vec::new();
    macro_rules! push_all {
        ($module:ident, $variant:ident, $form:ident) => {
            all.extend(
                shortapi_pricing::models::$module::Options::all()
                    .map(|o| shortapi_pricing::spec::ModelOptions::to_selection(&o)),
            );
        };
    }
    for_each_model!(push_all);
    for s in &mut all {
        let spec = s.spec();
        for (i, o) in spec.options.iter().enumerate() {
            if o.is_required() && !o.is_input() && !o.has_default() {
                let first = o.wire(0).expect("a choice has a first value");
                s.set_at(i, first).unwrap();
            }
        }
    }
    all
}

/// The map an engineer would keep instead: every priced cell of every model, keyed like
/// `"pixverse/pixverse-6.0/transition|resolution=720p|duration=8|generate_audio=true"` with
/// every option but free text, so a lookup builds the key from the request's values.
fn price_map() -> HashMap<String, Decimal> {
    all_selections()
        .into_iter()
        .filter_map(|s| s.price().ok().map(|amount| (map_key(&s), amount)))
        .collect()
}

/// The map's key for a selection.
fn map_key(selection: &Selection) -> String {
    let mut key = selection.model().id().to_owned();
    for (name, value) in selection.values() {
        key.push('|');
        key.push_str(name);
        key.push('=');
        match value {
            WireValue::Str(s) => key.push_str(s),
            WireValue::Bool(b) => key.push_str(if b { "true" } else { "false" }),
            WireValue::Int(i) | WireValue::IntString(i) => key.push_str(&i.to_string()),
        }
    }
    key
}

mod typed_quote {
    use super::*;

    macro_rules! typed_quote_bench {
        ($module:ident, $variant:ident, exact) => {
            /// Each quote's outcome is used: the amount, or why there is none.
            #[divan::bench]
            fn $module(bencher: Bencher) {
                use shortapi_pricing::models::$module::Options;
                let all: Vec<Options> = Options::all()
                    .flat_map(|o| typed::with_every_integer(&o))
                    .collect();
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
        };
        ($module:ident, $variant:ident, measured) => {
            /// Each quote given its measured quantity (the least the page allows, plus 1.25).
            #[divan::bench]
            fn $module(bencher: Bencher) {
                use shortapi_pricing::models::$module::{Measured, Options, MODEL};
                let all: Vec<Options> = Options::all()
                    .flat_map(|o| typed::with_every_integer(&o))
                    .collect();
                let mut usage = shortapi_pricing::Usage::new(MODEL);
                for q in MODEL.spec().pricing.quantities {
                    usage.set(q.name, q.minimum + Decimal::new(125, 2)).unwrap();
                }
                let measured = Measured::from_usage(&usage).unwrap();
                bencher.counter(ItemsCount::new(all.len())).bench_local(|| {
                    // Opaque to the compiler once a round, as the options are.
                    let measured = black_box(measured);
                    for o in black_box(&all) {
                        match o.quote(measured) {
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
        };
    }
    for_each_model!(typed_quote_bench);

    /// Quoting every combination of every model through the model-erased [`Selection`].
    #[divan::bench]
    fn selection_every_model(bencher: Bencher) {
        let all = all_selections();
        bencher.counter(ItemsCount::new(all.len())).bench_local(|| {
            for s in black_box(&all) {
                let _ = black_box(s.price());
            }
        });
    }

    /// Quoting and summing exactly, as a bill does: the `Decimal` additions dominate.
    #[divan::bench]
    fn selection_quote_and_sum(bencher: Bencher) {
        let all = all_selections();
        bencher.counter(ItemsCount::new(all.len())).bench_local(|| {
            let mut total = Decimal::ZERO;
            for s in black_box(&all) {
                if let Ok(amount) = s.price() {
                    total += amount;
                }
            }
            total
        });
    }

    #[divan::bench]
    fn string_keyed_map(bencher: Bencher) {
        let all = all_selections();
        let map = price_map();
        bencher.counter(ItemsCount::new(all.len())).bench_local(|| {
            for s in black_box(&all) {
                black_box(map.get(&map_key(s)));
            }
        });
    }
}

/// The inputs every request of `selection`'s model gives beside its texts: each required
/// list, with two image URLs; and a list of shots a condition may require (Kling 3.0's), as
/// one shot as long as the task (a bench's set-up: the item's text is leaked).
fn lists_for(selection: &Selection) -> Vec<(&'static str, &'static [&'static str])> {
    const URLS: [&str; 2] = [
        "https://example.com/frames/black-lab-0001.png",
        "https://example.com/frames/black-lab-0002.png",
    ];
    let spec = selection.spec();
    spec.options
        .iter()
        .enumerate()
        .filter(|(i, o)| {
            o.is_list()
                && (o.is_required() || spec.requirements.iter().any(|r| r.present && r.field == *i))
        })
        .map(|(i, o)| match spec.sums.iter().find(|x| x.list == i) {
            Some(sum) => {
                let item = format!(r#"{{"{}":{}}}"#, sum.field_name, selection.slot(sum.equals));
                let items: &'static [&'static str] =
                    Box::leak(vec![&*Box::leak(item.into_boxed_str())].into_boxed_slice());
                (o.name, items)
            }
            None => (o.name, &URLS[..]),
        })
        .collect()
}

/// Whether a request gives the free text `o`: the prompt, a required one, or one a condition
/// may require (Vidu's `voice_id`).
fn gives(selection: &Selection, i: usize, o: &OptionSpec) -> bool {
    o.is_text()
        && (o.name == "prompt"
            || o.is_required()
            || selection
                .spec()
                .requirements
                .iter()
                .any(|r| r.field == i && r.present))
}

/// Args for a selection, with the prompt, every other required input and any a condition may
/// require.
fn args_for(selection: Selection) -> Args {
    let texts: Vec<(&str, &str)> = selection
        .spec()
        .options
        .iter()
        .enumerate()
        .filter(|(i, o)| gives(&selection, *i, o))
        .map(|(_, o)| o)
        .map(|o| {
            let text = if o.name == "prompt" {
                PROMPT
            } else {
                "https://example.com/frames/black-lab-0001.png"
            };
            (o.name, text)
        })
        .collect();
    Args::from_inputs(selection, &texts, &lists_for(&selection)).unwrap()
}

/// Every combination of every model as a create-job body, every option written out.
fn catalog_bodies() -> Vec<Vec<u8>> {
    all_selections()
        .into_iter()
        .map(|s| {
            CreateJobRequest::new(args_for(s))
                .to_json(Fields::All)
                .into_bytes()
        })
        .collect()
}

/// The seed model's 180 combinations as bodies.
fn seed_bodies() -> Vec<Vec<u8>> {
    all_selections()
        .into_iter()
        .filter(|s| s.model() == Model::Pixverse55TextToVideo)
        .map(|s| {
            CreateJobRequest::new(args_for(s))
                .to_json(Fields::All)
                .into_bytes()
        })
        .collect()
}

/// The seed model's 180 combinations as bare args: byte for byte the single-model benchmark's
/// inputs.
fn seed_args() -> Vec<Vec<u8>> {
    all_selections()
        .into_iter()
        .filter(|s| s.model() == Model::Pixverse55TextToVideo)
        .map(|s| serde_json::to_vec(&args_for(s)).unwrap())
        .collect()
}

/// Runs `f` over every input in turn, counting requests and bytes.
fn over(bencher: Bencher, inputs: Vec<Vec<u8>>, f: impl Fn(&[u8])) {
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

/// Bodies with lists: Seedream 4.5 edit with 10 image URLs (its most), one per value of its
/// other options, Wan 2.6 reference-to-video with 2 images and 3 videos (at its total), and
/// Kling 3.0 text-to-video with 6 shots (its most) adding up to each duration from 6 to 15 s.
fn list_bodies(shape: &str) -> Vec<Vec<u8>> {
    let url = |i: usize| format!("https://example.com/inputs/picture-{i:02}.png");
    let images: Vec<String> = (0..10).map(url).collect();
    let mut bodies = Vec::new();
    let of = |name: &str| shape == "all" || shape == name;
    for n in (1..=6).filter(|_| of("seedream")) {
        for ratio in ["1:1", "9:16", "16:9", "4:3", "3:4", "3:2", "2:3", "21:9"] {
            bodies.push(serde_json::json!({
                "model": "bytedance/seedream-4.5/edit",
                "args": {"prompt": PROMPT, "num_images": n, "image_urls": images, "aspect_ratio": ratio}
            }));
        }
    }
    for duration in (2..=10).filter(|_| of("wan")) {
        for resolution in ["720p", "1080p"] {
            bodies.push(serde_json::json!({
                "model": "alibaba/wan-2.6/reference-to-video",
                "args": {"prompt": PROMPT, "image_urls": &images[..2], "video_urls": &images[2..5],
                         "duration": duration, "resolution": resolution}
            }));
        }
    }
    for duration in (6..=15).filter(|_| of("kling")) {
        for mode in ["pro", "std"] {
            let shots: Vec<Value> = (0..6)
                .map(|k| serde_json::json!({"duration": duration / 6 + usize::from(k < duration % 6)}))
                .collect();
            bodies.push(serde_json::json!({
                "model": "kwaivgi/kling-3.0/text-to-video",
                "args": {"prompt": PROMPT, "mode": mode, "duration": duration.to_string(),
                         "multi_shot": true, "shot_type": "customize", "multi_prompt": shots}
            }));
        }
    }
    bodies
        .into_iter()
        .map(|b| serde_json::to_vec(&b).unwrap())
        .collect()
}

/// The bodies with lists, all together and by shape.
const LIST_SHAPES: [&str; 4] = ["all", "seedream", "wan", "kling"];

mod check_json {
    use super::*;

    /// Bodies with lists → checked quote: all of them, and each shape alone (Seedream edit's
    /// ten image URLs, Wan's two lists at their total, Kling 3.0's six shots).
    #[divan::bench(args = LIST_SHAPES)]
    fn lists_quote_json(bencher: Bencher, shape: &str) {
        over(bencher, list_bodies(shape), |input| {
            let _ = black_box(quote_json(input));
        });
    }

    /// The same bodies checked, keeping only the option values (`check_selection`: every
    /// rule judged, no text copied out, no price): the checker's verdict, set against the
    /// `jsonschema` crate's below. (A quote adds the price, and for Kling 3.0, which the page
    /// leaves unpriced, the `unpriced` violation's message.)
    #[divan::bench(args = LIST_SHAPES)]
    fn lists_check_selection(bencher: Bencher, shape: &str) {
        over(bencher, list_bodies(shape), |input| {
            let _ = black_box(check_selection(input, Expect::Body));
        });
    }

    /// The same bodies through `check`, which also copies each text and list item out into the
    /// `CreateJobRequest` it returns.
    #[divan::bench(args = LIST_SHAPES)]
    fn lists_check(bencher: Bencher, shape: &str) {
        over(bencher, list_bodies(shape), |input| {
            let _ = black_box(check(input));
        });
    }

    /// The same bodies validated by the `jsonschema` crate with the exported catalog schema
    /// (parsed into a `serde_json::Value` first), nothing more: what the checker must beat 3×.
    #[divan::bench(args = LIST_SHAPES)]
    fn lists_jsonschema(bencher: Bencher, shape: &str) {
        let validator = jsonschema::validator_for(&schema::request(Dialect::Draft2020_12)).unwrap();
        over(bencher, list_bodies(shape), |input| {
            let value: Value = serde_json::from_slice(input).unwrap();
            black_box(validator.is_valid(&value));
        });
    }

    /// Bodies of every model, in turn: the dispatch on `model` included.
    #[divan::bench]
    fn catalog_quote_json(bencher: Bencher) {
        over(bencher, catalog_bodies(), |input| {
            let _ = black_box(quote_json(input));
        });
    }

    #[divan::bench]
    fn seed_quote_json_bodies(bencher: Bencher) {
        over(bencher, seed_bodies(), |input| {
            let _ = black_box(quote_json(input));
        });
    }

    /// The single-model benchmark's exact bytes, with the model named by the caller.
    #[divan::bench]
    fn seed_quote_args_json(bencher: Bencher) {
        over(bencher, seed_args(), |input| {
            let _ = black_box(quote_args_json(Model::Pixverse55TextToVideo, input));
        });
    }

    /// What a service without this crate would do: validate the body with the catalog's
    /// exported schema (the `jsonschema` crate, the bytes parsed into a `serde_json::Value`),
    /// then build the map's key from the values (defaults for those left out) and look it up.
    #[divan::bench]
    fn jsonschema_then_map(bencher: Bencher) {
        let validator = jsonschema::validator_for(&schema::request(Dialect::Draft2020_12)).unwrap();
        let map = price_map();
        let lookup = |input: &[u8]| -> Option<Decimal> {
            let value: Value = serde_json::from_slice(input).unwrap();
            if validator.is_valid(&value) {
                let model: Model = value["model"].as_str().unwrap().parse().unwrap();
                let args = &value["args"];
                let mut key = model.id().to_owned();
                for option in model.spec().options.iter().filter(|o| !o.is_input()) {
                    key.push('|');
                    key.push_str(option.name);
                    key.push('=');
                    match args.get(option.name) {
                        Some(Value::String(s)) => key.push_str(s),
                        Some(v) => key.push_str(&v.to_string()),
                        None => match option.default_value() {
                            Some(WireValue::Str(s)) => key.push_str(s),
                            Some(WireValue::Bool(b)) => {
                                key.push_str(if b { "true" } else { "false" })
                            }
                            Some(WireValue::Int(i) | WireValue::IntString(i)) => {
                                key.push_str(&i.to_string())
                            }
                            None => {}
                        },
                    }
                }
                map.get(&key).copied()
            } else {
                None
            }
        };
        // The baseline gives the crate's answers, or the comparison would mean nothing.
        for input in catalog_bodies() {
            assert_eq!(lookup(&input), quote_json(&input).ok().map(|q| q.amount()));
        }
        over(bencher, catalog_bodies(), |input| {
            black_box(lookup(input));
        });
    }

    #[divan::bench]
    fn catalog_serde_json_ignored_any(bencher: Bencher) {
        over(bencher, catalog_bodies(), |input| {
            let _ = black_box(serde_json::from_slice::<IgnoredAny>(input));
        });
    }
}

/// A deterministic usage log mixing every model: realistic prompts of varying length, every
/// option combination of every model in turn (1 in 9 of them breaks the 1080p / 10 s rule),
/// 1 in 25 with an unknown value, 1 in 200 corrupt.
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
    let all = all_selections();
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
        let prompt = prompt.join(" ");
        let selection = all[(i * 7919) % all.len()];
        let mut texts: Vec<(&str, &str)> = vec![("prompt", &prompt)];
        for (k, option) in selection.spec().options.iter().enumerate() {
            if gives(&selection, k, option) && option.name != "prompt" {
                texts.push((option.name, "https://example.com/frames/0001.png"));
            }
        }
        let args = Args::from_inputs(selection, &texts, &lists_for(&selection)).unwrap();
        let mut line = CreateJobRequest::new(args)
            .to_json(Fields::Minimal)
            .into_bytes();
        match next() % 200 {
            0 => line.truncate(line.len() / 2), // corrupt
            1..=8 => {
                // rejected: an unknown value
                line = format!(
                    r#"{{"model":"{}","args":{{"prompt":"a cat","resolution":"4k"}}}}"#,
                    selection.model().id()
                )
                .into_bytes();
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
    use shortapi_pricing::jsonl::{Log, Mode};

    const LINES: usize = 100_000;

    /// Quotes and exact per-model and grand totals.
    #[divan::bench(sample_count = 20)]
    fn crate_log_quote_and_totals(bencher: Bencher) {
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
