//! Fuzz target: create-job and query-job response parsing. The invariants (no panic; what parses
//! serializes and parses again the same; money is an exact decimal string) live in
//! tests/common/invariants.rs, shared with the bounded tests that `cargo test` runs.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[allow(dead_code)]
#[path = "../../tests/common/documented.rs"]
mod documented;
#[allow(dead_code)]
#[path = "../../tests/common/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    // The invariants assert on every result, so the optimizer cannot drop the work.
    invariants::check_responses(data);
});
