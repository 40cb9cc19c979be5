//! The JSONL reader streams: its peak memory does not grow with the number of lines. Measured
//! with a global allocator that tracks the high-water mark of live heap bytes.

use std::alloc::{GlobalAlloc, Layout, System};
use std::io::BufReader;
use std::sync::atomic::{AtomicUsize, Ordering};

mod common;

use common::lines::LineReader;
use pixverse_pricing::jsonl::{Log, Mode};
use pixverse_pricing::Decimal;

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

const LINES: [&str; 6] = [
    r#"{"prompt":"a black lab swimming","resolution":"1080p","duration":"8"}"#,
    r#"{"prompt":"a cat","resolution":"1080p","duration":"10"}"#,
    r#"{"model":"pixverse/pixverse-5.5/text-to-video","args":{"prompt":"a fox","multi_shot":true}}"#,
    r#"{"prompt": "unterminated"#,
    "",
    r#"{"prompt":"PROMPT","generate_audio":true}"#,
];

/// Reads a generated log of `lines` lines; returns the peak live bytes above the start, and
/// the summary's counts and total.
fn run(lines: usize) -> (usize, (u64, u64, u64, Decimal)) {
    // Valid requests (one in six with a 64 KiB prompt), refused ones, corrupt ones and blank
    // lines, in turn, made as they are read so the input itself takes no memory.
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
    let mut log = Log::new(input, Mode::Quote);
    for entry in log.by_ref() {
        std::hint::black_box(entry.unwrap());
    }
    let peak = PEAK.load(Ordering::SeqCst) - base;
    let s = log.summary();
    (peak, (s.accepted, s.rejected, s.blank, s.total.unwrap()))
}

#[test]
fn peak_memory_does_not_grow_with_the_number_of_lines() {
    let (small, small_summary) = run(6_000);
    let (large, large_summary) = run(60_000);
    // Ten times the lines, and the summary scales with them...
    assert_eq!(
        small_summary,
        (
            3_000,
            2_000,
            1_000,
            Decimal::new(1_000 * (680 + 255 + 213), 3)
        )
    );
    assert_eq!(
        large_summary,
        (
            30_000,
            20_000,
            10_000,
            Decimal::new(10_000 * (680 + 255 + 213), 3)
        )
    );
    // ...but the peak stays that of the longest line (64 KiB prompts), within a small margin.
    eprintln!("peak live heap: {small} bytes for 6,000 lines, {large} bytes for 60,000 lines");
    assert!(small > 64 * 1024, "the long line is held: {small}");
    assert!(
        large <= small + 16 * 1024,
        "peak grew from {small} to {large} bytes"
    );
}
