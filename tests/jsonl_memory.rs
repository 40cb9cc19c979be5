//! The JSONL reader streams over a log that mixes models: its peak memory does not grow with
//! the number of lines, and its per-model subtotals and grand total stay exact. Measured with a
//! global allocator that tracks the high-water mark of live heap bytes.
//!
//! The prices below are the pages' (`../shared/models/README.md`), worked out by hand.

use std::alloc::{GlobalAlloc, Layout, System};
use std::io::BufReader;
use std::sync::atomic::{AtomicUsize, Ordering};

#[path = "common/lines.rs"]
mod lines;

use lines::LineReader;
use shortapi_pricing::jsonl::{Log, Mode};
use shortapi_pricing::{Decimal, Model};

struct Tracking;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let live = LIVE.fetch_add(by, Ordering::SeqCst) + by;
    PEAK.fetch_max(live, Ordering::SeqCst);
}

// SAFETY: every method forwards to the system allocator unchanged; it only counts bytes.
unsafe impl GlobalAlloc for Tracking {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grew(layout.size());
        // SAFETY: forwarded unchanged.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::SeqCst);
        // SAFETY: forwarded unchanged.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > layout.size() {
            grew(new_size - layout.size());
        } else {
            LIVE.fetch_sub(layout.size() - new_size, Ordering::SeqCst);
        }
        // SAFETY: forwarded unchanged.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Tracking = Tracking;

/// One round of the log: bodies of five models, bare args (read as 5.5 image-to-video), refused
/// and corrupt lines, a blank line and an unknown model.
const LINES: [&str; 9] = [
    // 5.5 text-to-video, 1080p 8 s: 0.680
    r#"{"model":"pixverse/pixverse-5.5/text-to-video","args":{"prompt":"a black lab swimming","resolution":"1080p","duration":"8"}}"#,
    // 6.0 image-to-video, 720p 8 s with audio: 0.051 × 8 = 0.408
    r#"{"model":"pixverse/pixverse-6.0/image-to-video","args":{"prompt":"a cat","image":"https://example.com/a.png","duration":"8","generate_audio":true}}"#,
    // 5.5 transition, 540p 10 s with audio: 1.029
    r#"{"args":{"prompt":"a fox","image":"i","image_tail":"j","resolution":"540p","duration":"10","generate_audio":true},"model":"pixverse/pixverse-5.5/transition"}"#,
    // bare args of 5.5 image-to-video, 720p 5 s multi-shot: 0.255 (with a 64 KiB prompt)
    r#"{"prompt":"PROMPT","image":"https://example.com/b.png","multi_shot":true}"#,
    // 6.0 text-to-video, 1080p 10 s: refused by the rule
    r#"{"model":"pixverse/pixverse-6.0/text-to-video","args":{"prompt":"p","resolution":"1080p","duration":"10"}}"#,
    r#"{"prompt": "unterminated"#,
    "",
    // 6.0 transition, 1080p 5 s: 0.077 × 5 = 0.385
    r#"{"model":"pixverse/pixverse-6.0/transition","args":{"prompt":"p","image":"i","image_tail":"j","resolution":"1080p"}}"#,
    r#"{"model":"pixverse/pixverse-9.9/text-to-video","args":{"prompt":"p"}}"#,
];

/// Per round, the models accepted and their amounts in thousandths of a dollar.
const ROUND: [(Model, i64); 5] = [
    (Model::Pixverse55TextToVideo, 680),
    (Model::Pixverse60ImageToVideo, 408),
    (Model::Pixverse55Transition, 1029),
    (Model::Pixverse55ImageToVideo, 255),
    (Model::Pixverse60Transition, 385),
];

struct Outcome {
    peak: usize,
    counts: (u64, u64, u64),
    total: Decimal,
    by_model: Vec<(Model, u64, Decimal)>,
}

/// Reads a generated log of `lines` lines (a whole number of rounds).
fn run(lines: usize) -> Outcome {
    // Made as they are read, so the input itself takes no memory.
    let long_prompt = "x".repeat(64 * 1024);
    let mut n = 0;
    let input = BufReader::new(LineReader::new(move |line: &mut Vec<u8>| {
        if n == lines {
            return false;
        }
        line.extend_from_slice(
            LINES[n % LINES.len()]
                .replace("PROMPT", &long_prompt)
                .as_bytes(),
        );
        line.push(b'\n');
        n += 1;
        true
    }));
    let base = LIVE.load(Ordering::SeqCst);
    PEAK.store(base, Ordering::SeqCst);
    let mut log = Log::new(input, Mode::Quote).bare_args(Model::Pixverse55ImageToVideo);
    for entry in log.by_ref() {
        std::hint::black_box(entry.unwrap());
    }
    let peak = PEAK.load(Ordering::SeqCst) - base;
    let s = log.summary();
    Outcome {
        peak,
        counts: (s.accepted, s.rejected, s.blank),
        total: s.total.unwrap(),
        by_model: s
            .models()
            .map(|t| (t.model, t.accepted, t.total.unwrap()))
            .collect(),
    }
}

fn expected(rounds: i64) -> (Decimal, Vec<(Model, u64, Decimal)>) {
    let mut by_model: Vec<(Model, u64, Decimal)> = ROUND
        .iter()
        .map(|&(m, milli)| (m, rounds as u64, Decimal::new(rounds * milli, 3)))
        .collect();
    by_model.sort_by_key(|(m, _, _)| *m as usize);
    // 0.680 + 0.408 + 1.029 + 0.255 + 0.385 = 2.757 per round.
    (Decimal::new(rounds * 2757, 3), by_model)
}

#[test]
fn peak_memory_does_not_grow_with_the_number_of_lines() {
    let small = run(9_000);
    let large = run(90_000);
    // Ten times the lines, and the summary scales with them, exactly, per model...
    for (outcome, rounds) in [(&small, 1_000), (&large, 10_000)] {
        let (total, by_model) = expected(rounds);
        let r = rounds as u64;
        assert_eq!(outcome.counts, (5 * r, 3 * r, r));
        assert_eq!(outcome.total, total);
        assert_eq!(outcome.total.to_string(), total.to_string(), "scale kept");
        assert_eq!(outcome.by_model, by_model);
    }
    // ...but the peak stays that of the longest line (64 KiB prompts), within a small margin.
    eprintln!(
        "peak live heap: {} bytes for 9,000 lines, {} bytes for 90,000 lines",
        small.peak, large.peak
    );
    assert!(
        small.peak > 64 * 1024,
        "the long line is held: {}",
        small.peak
    );
    assert!(
        large.peak <= small.peak + 16 * 1024,
        "peak grew from {} to {} bytes",
        small.peak,
        large.peak
    );
}
