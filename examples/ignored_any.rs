//! The floor for the CLI throughput comparison (`benches/cli_throughput.sh`): a plain program
//! that reads JSONL from stdin line by line and parses each line with serde_json into
//! `IgnoredAny` (parsing and nothing else), then prints how many lines parsed.
//!
//! ```sh
//! cargo run --release --example ignored_any < mixed.jsonl
//! ```

use std::io::{self, BufRead};

use serde::de::IgnoredAny;

fn main() -> io::Result<()> {
    let stdin = io::stdin();
    let mut input = stdin.lock();
    let mut line = Vec::new();
    let (mut parsed, mut failed) = (0u64, 0u64);
    loop {
        line.clear();
        if input.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        match serde_json::from_slice::<IgnoredAny>(&line) {
            Ok(_) => parsed += 1,
            Err(_) => failed += 1,
        }
    }
    println!("{parsed} lines parsed, {failed} not JSON");
    Ok(())
}
