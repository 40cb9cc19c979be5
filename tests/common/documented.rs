//! Every documented price of every model, transcribed by hand from `../shared/models/README.md`,
//! the seed page `../shared/seeds/000_87965f2f1b8a28c7.txt` and the catalog's facts files
//! (`../shared/catalog/`), in USD, with the pages' digits.
//!
//! Never generate this from `spec/models/`: the tests compare the specs against it. Test
//! binaries include this file alone (`#[path = "common/documented.rs"] mod documented;`) or
//! through `common`.

use shortapi_pricing::spec::WireValue;
use shortapi_pricing::Selection;

/// A value as a page writes it: a string, a boolean or a whole number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum V {
    /// A string (an enum's wire value, in the page's case).
    S(&'static str),
    /// `true` or `false`.
    B(bool),
    /// A whole number.
    I(i64),
}

impl V {
    /// The value as JSON.
    pub fn json(self) -> serde_json::Value {
        match self {
            V::S(s) => serde_json::Value::from(s),
            V::B(b) => serde_json::Value::from(b),
            V::I(n) => serde_json::Value::from(n),
        }
    }

    /// The value as the library's `WireValue`.
    pub fn wire(self) -> WireValue<'static> {
        match self {
            V::S(s) => WireValue::Str(s),
            V::B(b) => WireValue::Bool(b),
            V::I(n) => WireValue::Int(n),
        }
    }

    fn of(wire: WireValue<'static>) -> V {
        match wire {
            WireValue::Str(s) => V::S(s),
            WireValue::Bool(b) => V::B(b),
            WireValue::Int(n) => V::I(n),
        }
    }
}

/// One option as the page lists it.
#[derive(Debug)]
pub struct Opt {
    /// Its name on the wire.
    pub name: &'static str,
    /// Whether the page requires it.
    pub required: bool,
    /// Its values, in page order (for a whole number: its minimum, maximum and every value
    /// between); none for free text.
    pub values: &'static [V],
    /// Its default; none for free text.
    pub default: Option<V>,
}

/// Free text, required.
const fn text(name: &'static str) -> Opt {
    Opt {
        name,
        required: true,
        values: &[],
        default: None,
    }
}

/// An option with values and a default.
const fn choice(name: &'static str, values: &'static [V], default: V) -> Opt {
    Opt {
        name,
        required: false,
        values,
        default: Some(default),
    }
}

/// One model as its page documents it.
#[derive(Debug)]
pub struct Documented {
    /// The model id.
    pub id: &'static str,
    /// Its options, in page order.
    pub options: &'static [Opt],
    /// Its forbidden combinations: `(id, message)` (the id as the spec names it).
    pub rules: &'static [(&'static str, &'static str)],
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
    /// A rate per whole second of the integer option `duration`, by the value of one option
    /// (`by`): `rates` as `(value, rate)`, and the amounts they make, worked out by hand:
    /// `(value, seconds, amount)`.
    PerWholeSecond {
        by: &'static str,
        rates: &'static [(&'static str, &'static str)],
        amounts: &'static [(&'static str, i64, &'static str)],
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

/// PixVerse's values, the same on every page (the seed's wording).
const PIXVERSE_RESOLUTION: Opt = choice(
    "resolution",
    &[V::S("540p"), V::S("720p"), V::S("1080p")],
    V::S("720p"),
);
const PIXVERSE_DURATION: Opt = choice("duration", &[V::S("5"), V::S("8"), V::S("10")], V::S("5"));
const PIXVERSE_ASPECT_RATIO: Opt = choice(
    "aspect_ratio",
    &[
        V::S("16:9"),
        V::S("9:16"),
        V::S("4:3"),
        V::S("3:4"),
        V::S("1:1"),
    ],
    V::S("16:9"),
);
const BOOLS: &[V] = &[V::B(false), V::B(true)];
const GENERATE_AUDIO: Opt = choice("generate_audio", BOOLS, V::B(false));
const MULTI_SHOT: Opt = choice("multi_shot", BOOLS, V::B(false));
/// PixVerse's one rule ("1080p not supported for 10s"), on every page.
const PIXVERSE_RULES: &[(&str, &str)] = &[(RULE_ID, RULE_MESSAGE)];

const PIXVERSE_TEXT_TO_VIDEO: &[Opt] = &[
    text("prompt"),
    PIXVERSE_RESOLUTION,
    PIXVERSE_DURATION,
    PIXVERSE_ASPECT_RATIO,
    GENERATE_AUDIO,
    MULTI_SHOT,
];
const PIXVERSE_IMAGE_TO_VIDEO: &[Opt] = &[
    text("prompt"),
    text("image"),
    PIXVERSE_RESOLUTION,
    PIXVERSE_DURATION,
    PIXVERSE_ASPECT_RATIO,
    GENERATE_AUDIO,
    MULTI_SHOT,
];
const PIXVERSE_TRANSITION: &[Opt] = &[
    text("prompt"),
    text("image"),
    text("image_tail"),
    PIXVERSE_RESOLUTION,
    PIXVERSE_DURATION,
    PIXVERSE_ASPECT_RATIO,
    GENERATE_AUDIO,
];

/// alibaba/happyhorse-1.0/text-to-video (`catalog/alibaba__happyhorse-1.0__text-to-video.md`):
/// "resolution — default 1080P, options 720P, 1080P"; "ratio — default 16:9, options 16:9,
/// 9:16, 1:1, 4:3, 3:4"; "duration — int, default 5, range 3 to 15". No rule.
const HAPPYHORSE_TEXT_TO_VIDEO: &[Opt] = &[
    text("prompt"),
    choice("resolution", &[V::S("720P"), V::S("1080P")], V::S("1080P")),
    choice(
        "ratio",
        &[
            V::S("16:9"),
            V::S("9:16"),
            V::S("1:1"),
            V::S("4:3"),
            V::S("3:4"),
        ],
        V::S("16:9"),
    ),
    choice(
        "duration",
        &[
            V::I(3),
            V::I(4),
            V::I(5),
            V::I(6),
            V::I(7),
            V::I(8),
            V::I(9),
            V::I(10),
            V::I(11),
            V::I(12),
            V::I(13),
            V::I(14),
            V::I(15),
        ],
        V::I(5),
    ),
];

/// HappyHorse 1.0 text-to-video: "$0.129 per second for 720p; $0.229 per second for 1080p"
/// (the wire values are "720P" and "1080P").
pub const HAPPYHORSE_RATES: [(&str, &str); 2] = [("720P", "0.129"), ("1080P", "0.229")];

/// HappyHorse 1.0 text-to-video: rate × seconds, multiplied out by hand, 3 to 15 s.
pub const HAPPYHORSE_AMOUNTS: [(&str, i64, &str); 26] = [
    ("720P", 3, "0.387"),   // 0.129 × 3
    ("720P", 4, "0.516"),   // 0.129 × 4
    ("720P", 5, "0.645"),   // 0.129 × 5
    ("720P", 6, "0.774"),   // 0.129 × 6
    ("720P", 7, "0.903"),   // 0.129 × 7
    ("720P", 8, "1.032"),   // 0.129 × 8
    ("720P", 9, "1.161"),   // 0.129 × 9
    ("720P", 10, "1.290"),  // 0.129 × 10
    ("720P", 11, "1.419"),  // 0.129 × 11
    ("720P", 12, "1.548"),  // 0.129 × 12
    ("720P", 13, "1.677"),  // 0.129 × 13
    ("720P", 14, "1.806"),  // 0.129 × 14
    ("720P", 15, "1.935"),  // 0.129 × 15
    ("1080P", 3, "0.687"),  // 0.229 × 3
    ("1080P", 4, "0.916"),  // 0.229 × 4
    ("1080P", 5, "1.145"),  // 0.229 × 5 (the defaults)
    ("1080P", 6, "1.374"),  // 0.229 × 6
    ("1080P", 7, "1.603"),  // 0.229 × 7
    ("1080P", 8, "1.832"),  // 0.229 × 8
    ("1080P", 9, "2.061"),  // 0.229 × 9
    ("1080P", 10, "2.290"), // 0.229 × 10
    ("1080P", 11, "2.519"), // 0.229 × 11
    ("1080P", 12, "2.748"), // 0.229 × 12
    ("1080P", 13, "2.977"), // 0.229 × 13
    ("1080P", 14, "3.206"), // 0.229 × 14
    ("1080P", 15, "3.435"), // 0.229 × 15
];

/// Every model of the catalog, as `models/README.md` and `catalog/` list them.
pub const MODELS: [Documented; 7] = [
    Documented {
        id: "pixverse/pixverse-5.5/text-to-video",
        options: PIXVERSE_TEXT_TO_VIDEO,
        rules: PIXVERSE_RULES,
        prices: Prices::Cells(&SEED_CELLS),
    },
    Documented {
        id: "pixverse/pixverse-5.5/image-to-video",
        options: PIXVERSE_IMAGE_TO_VIDEO,
        rules: PIXVERSE_RULES,
        prices: Prices::Cells(&SEED_CELLS),
    },
    Documented {
        id: "pixverse/pixverse-5.5/transition",
        options: PIXVERSE_TRANSITION,
        rules: PIXVERSE_RULES,
        prices: Prices::Cells(&TRANSITION_5_5_CELLS),
    },
    Documented {
        id: "pixverse/pixverse-6.0/text-to-video",
        options: PIXVERSE_TEXT_TO_VIDEO,
        rules: PIXVERSE_RULES,
        prices: Prices::PerSecond {
            rates: &RATES_6_0,
            amounts: &AMOUNTS_6_0,
        },
    },
    Documented {
        id: "pixverse/pixverse-6.0/image-to-video",
        options: PIXVERSE_IMAGE_TO_VIDEO,
        rules: PIXVERSE_RULES,
        prices: Prices::PerSecond {
            rates: &RATES_6_0,
            amounts: &AMOUNTS_6_0,
        },
    },
    Documented {
        id: "pixverse/pixverse-6.0/transition",
        options: PIXVERSE_TRANSITION,
        rules: PIXVERSE_RULES,
        prices: Prices::PerSecond {
            rates: &RATES_6_0,
            amounts: &AMOUNTS_6_0,
        },
    },
    Documented {
        id: "alibaba/happyhorse-1.0/text-to-video",
        options: HAPPYHORSE_TEXT_TO_VIDEO,
        rules: &[],
        prices: Prices::PerWholeSecond {
            by: "resolution",
            rates: &HAPPYHORSE_RATES,
            amounts: &HAPPYHORSE_AMOUNTS,
        },
    },
];

/// The PixVerse pages' values (the seed's wording).
pub const RESOLUTIONS: [&str; 3] = ["540p", "720p", "1080p"];
/// PixVerse durations, in seconds.
pub const DURATIONS: [&str; 3] = ["5", "8", "10"];
/// PixVerse aspect ratios, which change no price.
pub const ASPECT_RATIOS: [&str; 5] = ["16:9", "9:16", "4:3", "3:4", "1:1"];
/// The one rule every PixVerse page states ("1080p not supported for 10s").
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
    /// The documented price of a job whose option values `get` gives (`None` for an option
    /// the model does not have), or `None` where the page says it is not supported.
    pub fn price(&self, get: impl Fn(&str) -> Option<V>) -> Option<&'static str> {
        let string = |name: &str| match get(name) {
            Some(V::S(s)) => s,
            other => panic!("{}: {name} is {other:?}, not a string", self.id),
        };
        let boolean = |name: &str| match get(name) {
            Some(V::B(b)) => b,
            None => false,
            other => panic!("{}: {name} is {other:?}, not a boolean", self.id),
        };
        match &self.prices {
            Prices::Cells(cells) => {
                let (multi_shot, audio) = (boolean("multi_shot"), boolean("generate_audio"));
                let (resolution, duration) = (string("resolution"), string("duration"));
                cells
                    .iter()
                    .find(|c| {
                        c.0 == multi_shot && c.1 == audio && c.2 == resolution && c.3 == duration
                    })
                    .map(|c| c.4)
            }
            // multi_shot does not change a 6.0 price.
            Prices::PerSecond { amounts, .. } => {
                let audio = boolean("generate_audio");
                let (resolution, duration) = (string("resolution"), string("duration"));
                amounts
                    .iter()
                    .find(|c| c.0 == audio && c.1 == resolution && c.2 == duration)
                    .map(|c| c.3)
            }
            Prices::PerWholeSecond { by, amounts, .. } => {
                let value = string(by);
                let Some(V::I(seconds)) = get("duration") else {
                    panic!("{}: duration is not a whole number", self.id)
                };
                amounts
                    .iter()
                    .find(|a| a.0 == value && a.1 == seconds)
                    .map(|a| a.2)
            }
        }
    }

    /// The documented price of a job with these option values (as [`combinations`](Self::combinations)
    /// gives them).
    pub fn price_of_values(&self, values: &[(&str, V)]) -> Option<&'static str> {
        self.price(|name| values.iter().find(|v| v.0 == name).map(|v| v.1))
    }

    /// The documented price of `selection`'s options.
    pub fn price_of(&self, selection: &Selection) -> Option<&'static str> {
        self.price(|name| selection.get(name).map(V::of))
    }

    /// How many priced cells the page documents: one per combination of the options its
    /// price depends on.
    pub fn cell_count(&self) -> usize {
        match &self.prices {
            Prices::Cells(cells) => cells.len(),
            Prices::PerSecond { amounts, .. } => amounts.len(),
            Prices::PerWholeSecond { amounts, .. } => amounts.len(),
        }
    }

    /// The option named `name`.
    pub fn option(&self, name: &str) -> Option<&'static Opt> {
        self.options.iter().find(|o| o.name == name)
    }

    /// The required free-text inputs, in page order.
    pub fn texts(&self) -> Vec<&'static str> {
        self.options
            .iter()
            .filter(|o| o.values.is_empty() && o.required)
            .map(|o| o.name)
            .collect()
    }

    /// Every combination of the values of the options that have values, in page order
    /// (the first option varying slowest), as `(name, value)` lists.
    pub fn combinations(&self) -> Vec<Vec<(&'static str, V)>> {
        let mut out = vec![Vec::new()];
        for o in self.options.iter().filter(|o| !o.values.is_empty()) {
            out = out
                .into_iter()
                .flat_map(|c| {
                    o.values.iter().map(move |&v| {
                        let mut c = c.clone();
                        c.push((o.name, v));
                        c
                    })
                })
                .collect();
        }
        out
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
