//! Every documented price of every model, transcribed by hand from `../shared/models/README.md`
//! and the seed page `../shared/seeds/000_87965f2f1b8a28c7.txt`, in USD, with the pages' digits.
//!
//! Never generate this from `spec/models/`: the tests compare the specs against it. Test
//! binaries include this file alone (`#[path = "common/documented.rs"] mod documented;`) or
//! through `common`.

/// One model as its page documents it.
#[derive(Debug)]
pub struct Documented {
    /// The model id.
    pub id: &'static str,
    /// The required free-text inputs, in page order.
    pub texts: &'static [&'static str],
    /// Whether the page lists `multi_shot`.
    pub multi_shot: bool,
    /// Its prices.
    pub prices: Prices,
}

/// A page's prices.
#[derive(Debug)]
pub enum Prices {
    /// A price per cell: `(multi_shot, generate_audio, resolution, duration, price)`; models
    /// without `multi_shot` list `false` for it.
    Cells(&'static [(bool, bool, &'static str, &'static str, &'static str)]),
    /// A rate per second of video by `(generate_audio, resolution, rate)`, and the amounts it
    /// makes, worked out by hand: `(generate_audio, resolution, duration, amount)`.
    PerSecond {
        rates: &'static [(bool, &'static str, &'static str)],
        amounts: &'static [(bool, &'static str, &'static str, &'static str)],
    },
}

/// The seed's 32 cells (pixverse-5.5 text-to-video; the image-to-video page has the same).
pub const SEED_CELLS: [(bool, bool, &str, &str, &str); 32] = [
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

/// pixverse-5.5 transition (no multi_shot), from the table in `models/README.md`.
pub const TRANSITION_5_5_CELLS: [(bool, bool, &str, &str, &str); 16] = [
    (false, false, "540p", "5", "0.383"),
    (false, false, "540p", "8", "0.765"),
    (false, false, "540p", "10", "0.842"),
    (false, false, "720p", "5", "0.510"),
    (false, false, "720p", "8", "1.02"),
    (false, false, "720p", "10", "1.122"),
    (false, false, "1080p", "5", "1.02"),
    (false, false, "1080p", "8", "2.04"),
    (false, true, "540p", "5", "0.468"),
    (false, true, "540p", "8", "0.935"),
    (false, true, "540p", "10", "1.029"),
    (false, true, "720p", "5", "0.595"),
    (false, true, "720p", "8", "1.19"),
    (false, true, "720p", "10", "1.309"),
    (false, true, "1080p", "5", "1.105"),
    (false, true, "1080p", "8", "2.210"),
];

/// pixverse-6.0 (all three pages): the rate per second of video, as `models/README.md` gives it
/// ("540P", "720P", "1080P" in its prose; the wire values are lower case).
pub const RATES_6_0: [(bool, &str, &str); 6] = [
    (false, "540p", "0.030"),
    (false, "720p", "0.038"),
    (false, "1080p", "0.077"),
    (true, "540p", "0.038"),
    (true, "720p", "0.051"),
    (true, "1080p", "0.098"),
];

/// pixverse-6.0: rate × seconds, multiplied out by hand (1080p at 10 s is not supported).
pub const AMOUNTS_6_0: [(bool, &str, &str, &str); 16] = [
    (false, "540p", "5", "0.150"),  // 0.030 × 5
    (false, "540p", "8", "0.240"),  // 0.030 × 8
    (false, "540p", "10", "0.300"), // 0.030 × 10
    (false, "720p", "5", "0.190"),  // 0.038 × 5
    (false, "720p", "8", "0.304"),  // 0.038 × 8
    (false, "720p", "10", "0.380"), // 0.038 × 10
    (false, "1080p", "5", "0.385"), // 0.077 × 5
    (false, "1080p", "8", "0.616"), // 0.077 × 8
    (true, "540p", "5", "0.190"),   // 0.038 × 5
    (true, "540p", "8", "0.304"),   // 0.038 × 8
    (true, "540p", "10", "0.380"),  // 0.038 × 10
    (true, "720p", "5", "0.255"),   // 0.051 × 5
    (true, "720p", "8", "0.408"),   // 0.051 × 8 (the README's worked example)
    (true, "720p", "10", "0.510"),  // 0.051 × 10
    (true, "1080p", "5", "0.490"),  // 0.098 × 5
    (true, "1080p", "8", "0.784"),  // 0.098 × 8
];

/// Every model of the catalog, as `models/README.md` lists them.
pub const MODELS: [Documented; 6] = [
    Documented {
        id: "pixverse/pixverse-5.5/text-to-video",
        texts: &["prompt"],
        multi_shot: true,
        prices: Prices::Cells(&SEED_CELLS),
    },
    Documented {
        id: "pixverse/pixverse-5.5/image-to-video",
        texts: &["prompt", "image"],
        multi_shot: true,
        prices: Prices::Cells(&SEED_CELLS),
    },
    Documented {
        id: "pixverse/pixverse-5.5/transition",
        texts: &["prompt", "image", "image_tail"],
        multi_shot: false,
        prices: Prices::Cells(&TRANSITION_5_5_CELLS),
    },
    Documented {
        id: "pixverse/pixverse-6.0/text-to-video",
        texts: &["prompt"],
        multi_shot: true,
        prices: Prices::PerSecond {
            rates: &RATES_6_0,
            amounts: &AMOUNTS_6_0,
        },
    },
    Documented {
        id: "pixverse/pixverse-6.0/image-to-video",
        texts: &["prompt", "image"],
        multi_shot: true,
        prices: Prices::PerSecond {
            rates: &RATES_6_0,
            amounts: &AMOUNTS_6_0,
        },
    },
    Documented {
        id: "pixverse/pixverse-6.0/transition",
        texts: &["prompt", "image", "image_tail"],
        multi_shot: false,
        prices: Prices::PerSecond {
            rates: &RATES_6_0,
            amounts: &AMOUNTS_6_0,
        },
    },
];

/// The option values every page lists (same wording as the seed).
pub const RESOLUTIONS: [&str; 3] = ["540p", "720p", "1080p"];
/// Durations, in seconds.
pub const DURATIONS: [&str; 3] = ["5", "8", "10"];
/// Aspect ratios, which change no price.
pub const ASPECT_RATIOS: [&str; 5] = ["16:9", "9:16", "4:3", "3:4", "1:1"];
/// The one rule every page states ("1080p not supported for 10s").
pub const RULE_ID: &str = "no_1080p_at_10s";
/// Its message, as the specs word it.
pub const RULE_MESSAGE: &str = "1080p is not supported for 10s videos";

/// The page of `id`.
pub fn documented(id: &str) -> &'static Documented {
    MODELS
        .iter()
        .find(|m| m.id == id)
        .unwrap_or_else(|| panic!("{id} is not transcribed in tests/common/documented.rs"))
}

impl Documented {
    /// The documented price of a job, or `None` where the page says it is not supported.
    /// `multi_shot` must be `false` for a model without it.
    pub fn price(
        &self,
        multi_shot: bool,
        generate_audio: bool,
        resolution: &str,
        duration: &str,
    ) -> Option<&'static str> {
        assert!(
            self.multi_shot || !multi_shot,
            "{} has no multi_shot",
            self.id
        );
        match &self.prices {
            Prices::Cells(cells) => cells
                .iter()
                .find(|c| {
                    c.0 == multi_shot
                        && c.1 == generate_audio
                        && c.2 == resolution
                        && c.3 == duration
                })
                .map(|c| c.4),
            // multi_shot does not change a 6.0 price.
            Prices::PerSecond { amounts, .. } => amounts
                .iter()
                .find(|c| c.0 == generate_audio && c.1 == resolution && c.2 == duration)
                .map(|c| c.3),
        }
    }

    /// How many priced cells the page documents (multi_shot, audio, resolution, duration).
    pub fn cell_count(&self) -> usize {
        match &self.prices {
            Prices::Cells(cells) => cells.len(),
            Prices::PerSecond { amounts, .. } => amounts.len(),
        }
    }
}

/// A price in thousandths of a dollar, by integer arithmetic alone (`"1.02"` → 1020).
pub fn milli(price: &str) -> u64 {
    let (dollars, frac) = price
        .split_once('.')
        .expect("documented prices have a point");
    assert!(
        frac.len() <= 3,
        "documented prices have at most three decimals"
    );
    let scale = 10u64.pow(3 - frac.len() as u32);
    dollars.parse::<u64>().unwrap() * 1000 + frac.parse::<u64>().unwrap() * scale
}
