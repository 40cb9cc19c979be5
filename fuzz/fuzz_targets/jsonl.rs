//! Fuzz target: the JSONL reader, `jsonl::Log`, over lines that mix bodies of every model with
//! bare args. The first byte picks the model bare args are read as (`Model::ALL`, or none, when
//! bare args are refused), the rest is the log. The invariants (no panic; every quote is the
//! documented price and what `quote_as` gives for its line alone; every rejection points into
//! its line; each model's subtotal and the grand total are exact sums) live in
//! tests/common/invariants.rs, shared with the bounded tests that `cargo test` runs.

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
    // One choice more than there are models: no model, so bare args are refused.
    let bare = Model::ALL
        .get(usize::from(pick) % (Model::ALL.len() + 1))
        .copied();
    // The invariants assert on every result, so the optimizer cannot drop the work.
    invariants::check_jsonl(input, bare);
});
