//! Helpers over the seed page's price table, which `documented.rs` holds as transcribed by hand
//! from `../shared/seeds/000_87965f2f1b8a28c7.txt` (never generated from `spec/`). A test
//! binary that includes this file alone must include `documented.rs` beside it as `documented`.

use super::documented::SEED_CELLS;

/// The seed's aspect ratios, which do not change the price.
pub const SEED_ASPECT_RATIOS: [&str; 5] = ["16:9", "9:16", "4:3", "3:4", "1:1"];

/// The documented price of a cell, or `None` for 1080p at 10 s ("1080p not supported for 10s").
pub fn seed_price(
    multi_shot: bool,
    generate_audio: bool,
    resolution: &str,
    duration: &str,
) -> Option<&'static str> {
    SEED_CELLS
        .iter()
        .find(|c| {
            c.0 == multi_shot && c.1 == generate_audio && c.2 == resolution && c.3 == duration
        })
        .map(|c| c.4)
}

/// A seed price in thousandths of a dollar, by integer arithmetic alone.
pub fn milli(price: &str) -> u64 {
    let (dollars, frac) = price.split_once('.').expect("seed prices have a point");
    assert_eq!(frac.len(), 3, "seed prices have three decimals");
    dollars.parse::<u64>().unwrap() * 1000 + frac.parse::<u64>().unwrap()
}
