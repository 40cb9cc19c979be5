//! Hostile input: a checked-in corpus with the expected verdict for each, bounded
//! arbitrary-bytes tests of every JSON entry point (the same invariants the fuzz targets in
//! `fuzz/` check), and exactness over a million requests.

mod common;

use std::io::BufReader;
use std::path::Path;

use common::invariants::{check_entry_points, check_jsonl, check_responses};
use common::lines::LineReader;
use common::seed::{milli, seed_price};
use proptest::prelude::*;
use serde_json::Value;
use shortapi_pricing::jsonl::{Log, Mode};
use shortapi_pricing::{check_as, Code, Decimal, Expect, Model};

/// Bare args in the corpus and the logs below are the seed model's; bodies name their own.
const AS_SEED: Expect = Expect::Either(Some(Model::Pixverse55TextToVideo));

fn check(
    input: impl AsRef<[u8]>,
) -> Result<shortapi_pricing::CreateJobRequest, shortapi_pricing::Violations> {
    check_as(input, AS_SEED)
}

fn hostile_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/hostile"))
}

/// Every file in tests/hostile/ against its verdict in tests/hostile/expected.json: accepted,
/// or rejected with exactly these `(path, code)` violations in this order.
#[test]
fn hostile_corpus() {
    let expected: Value =
        serde_json::from_slice(&std::fs::read(hostile_dir().join("expected.json")).unwrap())
            .unwrap();
    let expected = expected.as_object().unwrap();
    let mut files: Vec<String> = std::fs::read_dir(hostile_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n != "expected.json")
        .collect();
    files.sort();
    let listed: Vec<&String> = expected.keys().collect();
    assert_eq!(
        files.iter().collect::<Vec<_>>(),
        listed,
        "every corpus file has a verdict, and only those"
    );
    for (name, verdict) in expected {
        let input = std::fs::read(hostile_dir().join(name)).unwrap();
        check_entry_points(&input);
        check_responses(&input);
        check_jsonl(&input, Some(Model::Pixverse55TextToVideo));
        match (check(&input), verdict.get("errors")) {
            (Ok(_), None) => assert_eq!(verdict["accepted"], true, "{name}"),
            (Err(violations), Some(want)) => {
                let got: Vec<(String, String)> = violations
                    .as_slice()
                    .iter()
                    .map(|v| (v.path.clone(), v.code.to_string()))
                    .collect();
                let want: Vec<(String, String)> = want
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|pc| {
                        (
                            pc[0].as_str().unwrap().to_owned(),
                            pc[1].as_str().unwrap().to_owned(),
                        )
                    })
                    .collect();
                assert_eq!(got, want, "{name}: {violations}");
            }
            (got, _) => panic!("{name}: expected {verdict}, got {got:?}"),
        }
    }
}

#[test]
fn a_byte_order_mark_is_named() {
    let v = check(b"\xef\xbb\xbf{\"prompt\":\"a\"}").unwrap_err();
    assert_eq!(v.as_slice()[0].code, Code::InvalidJson);
    assert_eq!(
        v.as_slice()[0].message,
        "the input starts with a UTF-8 byte order mark (EF BB BF), which JSON text must not have; remove it"
    );
}

#[test]
fn a_ten_megabyte_prompt_is_accepted() {
    let prompt = "a black lab swimming ".repeat(500_000); // 10.5 MB
    let json = format!(r#"{{"prompt":"{prompt}","resolution":"540p"}}"#);
    let request = check(&json).unwrap();
    assert_eq!(request.args.text("prompt").unwrap().len(), prompt.len());
    assert_eq!(request.quote().unwrap().amount().to_string(), "0.128");
    let blank = format!(r#"{{"prompt":"{}"}}"#, " ".repeat(10_000_000));
    assert_eq!(
        check(&blank).unwrap_err().as_slice()[0].code,
        Code::EmptyText
    );
}

/// Found by a second reader: unknown and repeated keys were handled in quadratic time, so a
/// 1 MB object of unknown keys took over a minute. Now linear: this runs in well under a second.
#[test]
fn many_unknown_and_repeated_keys() {
    let keys: Vec<String> = (0..100_000)
        .map(|i| format!(r#""k{}":0"#, i % 50_000))
        .collect();
    let json = format!(r#"{{"prompt":"a",{}}}"#, keys.join(","));
    let v = check(&json).unwrap_err();
    let unknown = v
        .as_slice()
        .iter()
        .filter(|v| v.code == Code::UnknownField)
        .count();
    let repeated = v
        .as_slice()
        .iter()
        .filter(|v| v.code == Code::DuplicateField)
        .count();
    assert_eq!((unknown, repeated), (50_000, 50_000));
    let body = format!(
        r#"{{"model":"pixverse/pixverse-5.5/text-to-video",{}}}"#,
        vec![r#""args":0"#; 100_000].join(",")
    );
    let v = check(&body).unwrap_err();
    // Only the repeats: what was wrong with the first `args` is dropped once it is repeated.
    assert_eq!(v.as_slice().len(), 99_999);
    assert!(v
        .as_slice()
        .iter()
        .all(|v| v.code == Code::DuplicateField && v.path == "/args"));
}

/// A form feed is not JSON white space: a line of one is not blank, and not JSON.
#[test]
fn a_form_feed_line_is_not_blank() {
    let mut log = Log::new(&b"\x0c\n{\"prompt\":\"a\"}\n"[..], Mode::Quote).expecting(AS_SEED);
    let entries: Vec<_> = log.by_ref().map(Result::unwrap).collect();
    assert_eq!(entries.len(), 2);
    assert_eq!(log.summary().blank, 0);
    assert_eq!(log.summary().rejected, 1);
}

/// Inputs near valid ones: a valid request with bytes flipped, cut or repeated.
fn near_valid() -> impl Strategy<Value = Vec<u8>> {
    let valid = prop::sample::select(vec![
        r#"{"prompt":"a cat","resolution":"1080p","duration":"8","generate_audio":true}"#,
        r#"{"model":"pixverse/pixverse-5.5/text-to-video","args":{"prompt":"a \"dog\"","multi_shot":true},"callback_url":"https://e.x/h"}"#,
        r#"{"code":0,"data":{"amount":"0.128","job_id":"j"}}"#,
        r#"{"code":0,"data":{"amount":0.1234567890123456789,"job_id":"j"}}"#,
        r#"{"code":0,"data":{"status":2,"result":{"videos":[{"url":"https://e.x/v.mp4"}]}}}"#,
        "{\"prompt\":\"a\"}\n\n{\"prompt\":\"b\",\"duration\":\"10\",\"resolution\":\"1080p\"}\r\nnot json\n",
    ]);
    (
        valid,
        prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0..3u8), 0..4),
    )
        .prop_map(|(v, edits)| {
            let mut bytes = v.as_bytes().to_vec();
            for (at, byte, kind) in edits {
                if bytes.is_empty() {
                    break;
                }
                let i = at.index(bytes.len());
                match kind {
                    0 => bytes[i] = byte,
                    1 => bytes.truncate(i),
                    _ => {
                        let copy = bytes[i..].to_vec();
                        bytes.splice(i..i, copy);
                    }
                }
            }
            bytes
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_hold_every_invariant(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        check_entry_points(&bytes);
        check_responses(&bytes);
        check_jsonl(&bytes, Some(Model::Pixverse55TextToVideo));
    }

    #[test]
    fn near_valid_inputs_hold_every_invariant(bytes in near_valid()) {
        check_entry_points(&bytes);
        check_responses(&bytes);
        check_jsonl(&bytes, Some(Model::Pixverse55TextToVideo));
    }
}

const RESOLUTIONS: [&str; 3] = ["540p", "720p", "1080p"];
const DURATIONS: [&str; 3] = ["5", "8", "10"];
const ASPECTS: [&str; 5] = ["16:9", "9:16", "4:3", "3:4", "1:1"];

/// A seeded xorshift64* generator: deterministic, and enough to spread requests over the table.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

/// One JSONL request from the random number `r`: every option drawn from `r`'s bits, as bare
/// args or as a body.
fn request_line(r: u64, line: &mut Vec<u8>) {
    let args = format!(
        r#"{{"prompt":"p{r}","resolution":"{}","duration":"{}","aspect_ratio":"{}","generate_audio":{},"multi_shot":{}}}"#,
        RESOLUTIONS[(r % 3) as usize],
        DURATIONS[((r >> 8) % 3) as usize],
        ASPECTS[((r >> 16) % 5) as usize],
        (r >> 24) & 1 == 1,
        (r >> 25) & 1 == 1,
    );
    if (r >> 26) & 1 == 1 {
        line.extend_from_slice(
            format!(r#"{{"model":"pixverse/pixverse-5.5/text-to-video","args":{args}}}"#)
                .as_bytes(),
        );
    } else {
        line.extend_from_slice(args.as_bytes());
    }
    line.push(b'\n');
}

/// A million requests quoted through the JSONL reader: the `Decimal` total equals the total in
/// integer thousandths of a dollar from the hand-transcribed table.
#[test]
fn a_million_requests_total_exactly() {
    const COUNT: usize = 1_000_000;
    const SEED: u64 = 0x9E37_79B9_7F4A_7C15;
    // The expected total, by integer arithmetic over the same random numbers.
    let mut expected_milli: u64 = 0;
    let mut expected_refused = 0u64;
    let mut random = Random(SEED);
    for _ in 0..COUNT {
        let r = random.next();
        let price = seed_price(
            (r >> 25) & 1 == 1,
            (r >> 24) & 1 == 1,
            RESOLUTIONS[(r % 3) as usize],
            DURATIONS[((r >> 8) % 3) as usize],
        );
        match price {
            Some(p) => expected_milli += milli(p),
            None => expected_refused += 1,
        }
    }
    let mut random = Random(SEED);
    let mut remaining = COUNT;
    let input = LineReader::new(|line: &mut Vec<u8>| {
        if remaining == 0 {
            return false;
        }
        remaining -= 1;
        request_line(random.next(), line);
        true
    });
    let mut log = Log::new(BufReader::new(input), Mode::Quote).expecting(AS_SEED);
    for entry in log.by_ref() {
        entry.unwrap();
    }
    let s = log.summary();
    assert_eq!(s.lines, COUNT as u64);
    assert_eq!(s.rejected, expected_refused);
    assert!(
        expected_refused > 50_000,
        "the 1080p / 10 s rule is exercised: {expected_refused}"
    );
    assert_eq!(
        s.total,
        Some(Decimal::new(i64::try_from(expected_milli).unwrap(), 3))
    );
}

/// Lines pieced together from valid and refused requests, blank lines, `\r\n` endings and a
/// last line without its newline.
fn log_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(r#"{"prompt":"a black lab","duration":8}"#.to_owned()),
        Just(r#"{"prompt":"a","resolution":"1080p","duration":10}"#.to_owned()),
        Just(
            r#"{"model":"pixverse/pixverse-6.0/text-to-video","args":{"prompt":"é ☃"}}"#.to_owned()
        ),
        Just(r#"{"prompt":"#.to_owned()),
        Just(String::new()),
        Just("  \t".to_owned()),
        "[ -~]{0,40}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// However the reader's buffer cuts the log (a line inside it, across its end, or longer
    /// than it), every line gives the same entry and the summary is the same.
    #[test]
    fn a_log_reads_the_same_through_any_buffer(
        lines in proptest::collection::vec((log_line(), any::<bool>()), 0..12),
        last_newline in any::<bool>(),
        capacity in 1usize..80,
    ) {
        let mut text = String::new();
        for (i, (line, crlf)) in lines.iter().enumerate() {
            text.push_str(line);
            if i + 1 < lines.len() || last_newline {
                text.push_str(if *crlf { "\r\n" } else { "\n" });
            }
        }
        fn read<R: std::io::BufRead>(log: &mut Log<R>) -> Vec<shortapi_pricing::jsonl::Entry> {
            log.by_ref().map(|e| e.unwrap()).collect()
        }
        let mut whole = Log::new(text.as_bytes(), Mode::Quote).expecting(AS_SEED);
        let mut cut = Log::new(BufReader::with_capacity(capacity, text.as_bytes()), Mode::Quote)
            .expecting(AS_SEED);
        let (a, b) = (read(&mut whole), read(&mut cut));
        prop_assert_eq!(&a, &b);
        prop_assert_eq!(whole.summary(), cut.summary());
        // One entry a non-blank line, numbered as the log counts its lines.
        let expected: Vec<u64> = text
            .split('\n')
            .enumerate()
            .filter(|(_, l)| !l.trim_matches([' ', '\t', '\r']).is_empty())
            .map(|(i, _)| i as u64 + 1)
            .collect();
        let got: Vec<u64> = a.iter().map(|e| e.line).collect();
        prop_assert_eq!(got, expected);
    }
}

/// A line that wraps its request (`{"request": …, "usage": …}`) points its violations into
/// the request, so they are found in the line as written.
#[test]
fn a_wrapped_request_points_its_violations_into_the_request() {
    let log = concat!(
        r#"{"request":{"model":"kwaivgi/kling-o1/video-to-video","args":{"prompt":"a","video":"https://e.x/v.mp4","mode":"fast"}},"usage":{"input_video_seconds":5}}"#,
        "\n",
        r#"{"model":"kwaivgi/kling-o1/video-to-video","args":{"prompt":"a","video":"https://e.x/v.mp4","mode":"fast"}}"#,
        "\n",
    );
    let mut entries = Log::new(log.as_bytes(), Mode::Quote).map(|e| e.unwrap().verdict);
    let paths = |v: shortapi_pricing::jsonl::Verdict| match v {
        shortapi_pricing::jsonl::Verdict::Rejected(errors) => errors
            .into_iter()
            .map(|e| (e.path, e.code))
            .collect::<Vec<_>>(),
        other => panic!("{other:?}"),
    };
    assert_eq!(
        paths(entries.next().unwrap()),
        [("/request/args/mode".to_owned(), Code::InvalidValue)]
    );
    assert_eq!(
        paths(entries.next().unwrap()),
        [("/args/mode".to_owned(), Code::InvalidValue)]
    );
}
