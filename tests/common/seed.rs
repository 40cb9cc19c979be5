//! The seed page's price table, transcribed by hand from
//! `../shared/seeds/000_87965f2f1b8a28c7.txt` (the "Pricing" paragraph), in USD.
//!
//! Never generate this from spec/model.toml: the tests compare the spec against it.

/// `(multi_shot, generate_audio, resolution, duration, price)`, as the page lists them.
pub const SEED_TABLE: [(bool, bool, &str, &str, &str); 32] = [
    // "For single-clip generation without audio, the price is $0.128 (5s), $0.255 (8s), and
    // $0.281 (10s) at 540p; $0.170 (5s), $0.340 (8s), and $0.374 (10s) at 720p; and $0.340 (5s)
    // and $0.680 (8s) at 1080p."
    (false, false, "540p", "5", "0.128"),
    (false, false, "540p", "8", "0.255"),
    (false, false, "540p", "10", "0.281"),
    (false, false, "720p", "5", "0.170"),
    (false, false, "720p", "8", "0.340"),
    (false, false, "720p", "10", "0.374"),
    (false, false, "1080p", "5", "0.340"),
    (false, false, "1080p", "8", "0.680"),
    // "For single-clip generation with audio, the price is $0.170 (5s), $0.340 (8s), and $0.374
    // (10s) at 540p; $0.213 (5s), $0.425 (8s), and $0.468 (10s) at 720p; and $0.383 (5s) and
    // $0.765 (8s) at 1080p."
    (false, true, "540p", "5", "0.170"),
    (false, true, "540p", "8", "0.340"),
    (false, true, "540p", "10", "0.374"),
    (false, true, "720p", "5", "0.213"),
    (false, true, "720p", "8", "0.425"),
    (false, true, "720p", "10", "0.468"),
    (false, true, "1080p", "5", "0.383"),
    (false, true, "1080p", "8", "0.765"),
    // "For multi-clip generation without audio, the price is $0.213 (5s), $0.425 (8s), and $0.468
    // (10s) at 540p; $0.255 (5s), $0.510 (8s), and $0.561 (10s) at 720p; and $0.425 (5s) and
    // $0.850 (8s) at 1080p."
    (true, false, "540p", "5", "0.213"),
    (true, false, "540p", "8", "0.425"),
    (true, false, "540p", "10", "0.468"),
    (true, false, "720p", "5", "0.255"),
    (true, false, "720p", "8", "0.510"),
    (true, false, "720p", "10", "0.561"),
    (true, false, "1080p", "5", "0.425"),
    (true, false, "1080p", "8", "0.850"),
    // "For multi-clip generation with audio, the price is $0.255 (5s), $0.510 (8s), and $0.561
    // (10s) at 540p; $0.298 (5s), $0.595 (8s), and $0.655 (10s) at 720p; and $0.468 (5s) and
    // $0.935 (8s) at 1080p."
    (true, true, "540p", "5", "0.255"),
    (true, true, "540p", "8", "0.510"),
    (true, true, "540p", "10", "0.561"),
    (true, true, "720p", "5", "0.298"),
    (true, true, "720p", "8", "0.595"),
    (true, true, "720p", "10", "0.655"),
    (true, true, "1080p", "5", "0.468"),
    (true, true, "1080p", "8", "0.935"),
];

/// The seed's aspect ratios, which do not change the price.
pub const SEED_ASPECT_RATIOS: [&str; 5] = ["16:9", "9:16", "4:3", "3:4", "1:1"];

/// The documented price of a cell, or `None` for 1080p at 10 s ("1080p not supported for 10s").
pub fn seed_price(
    multi_shot: bool,
    generate_audio: bool,
    resolution: &str,
    duration: &str,
) -> Option<&'static str> {
    SEED_TABLE
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
