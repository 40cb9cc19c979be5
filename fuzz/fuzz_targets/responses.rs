//! Fuzz target: create-job and query-job response parsing. The invariants (no panic; an accepted
//! quote is the documented cell; every rejection points into the input; serializing and checking
//! again gives the same request) live in tests/common/invariants.rs, shared with the bounded tests
//! that `cargo test` runs.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[allow(dead_code)]
#[path = "../../tests/common/invariants.rs"]
mod invariants;
#[allow(dead_code)]
#[path = "../../tests/common/seed.rs"]
mod seed;

fuzz_target!(|data: &[u8]| {
    // The invariants assert on every result, so the optimizer cannot drop the work.
    invariants::check_responses(data);
});
