//! Fuzz target: bare args of every model: `check_args`, `quote_args_json` and `check_as` with
//! bare args of that model. The first byte picks the model (`Model::ALL`), the rest is the args
//! JSON. The invariants (no panic; an accepted quote is the documented price of its model; every
//! rejection points into the input; serializing and checking again gives the same request) live
//! in tests/common/invariants.rs, shared with the bounded tests that `cargo test` runs.

#![no_main]

use libfuzzer_sys::fuzz_target;
use shortapi_pricing::Model;

#[allow(dead_code)]
#[path = "../../tests/common/documented.rs"]
mod documented;
#[allow(dead_code)]
#[path = "../../tests/common/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, input)) = data.split_first() else {
        return;
    };
    let model = Model::ALL[usize::from(pick) % Model::ALL.len()];
    // The invariants assert on every result, so the optimizer cannot drop the work.
    invariants::check_args_entry_as(model, input);
});
