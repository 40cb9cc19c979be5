//! Fuzz target: create-job bodies of every model (each body's `model` picks its tables): `check`,
//! `check_selection`, `quote_json` and `check_as` with either form, whatever model bare args would be read as. The
//! invariants (no panic; an accepted quote is the documented price of its model; every rejection
//! points into the input; serializing and checking again gives the same request) live in
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
    invariants::check_request_entry(data);
});
