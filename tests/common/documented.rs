//! Every documented price of every model, transcribed by hand from `../shared/models/README.md`,
//! the seed page `../shared/seeds/000_87965f2f1b8a28c7.txt` and the catalog's facts files
//! (`../shared/catalog/`), in USD, with the pages' digits.
//!
//! Never generate this from `spec/models/`: the tests compare the specs against it. Test
//! binaries include this file alone (`#[path = "common/documented.rs"] mod documented;`) or
//! through `common`.

use shortapi_pricing::spec::WireValue;
use shortapi_pricing::{Quote, QuoteError, Selection};

/// A value as a page writes it: a string, a boolean or a whole number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum V {
    /// A string (an enum's wire value, in the page's case).
    S(&'static str),
    /// `true` or `false`.
    B(bool),
    /// A whole number.
    I(i64),
    /// A whole number written as a string (Vidu's duration, `"5"`).
    N(i64),
}

impl V {
    /// The value as JSON.
    pub fn json(self) -> serde_json::Value {
        match self {
            V::S(s) => serde_json::Value::from(s),
            V::B(b) => serde_json::Value::from(b),
            V::I(n) => serde_json::Value::from(n),
            V::N(n) => serde_json::Value::from(n.to_string()),
        }
    }

    /// The value as the library's `WireValue`.
    pub fn wire(self) -> WireValue<'static> {
        match self {
            V::S(s) => WireValue::Str(s),
            V::B(b) => WireValue::Bool(b),
            V::I(n) => WireValue::Int(n),
            V::N(n) => WireValue::IntString(n),
        }
    }

    fn of(wire: WireValue<'static>) -> V {
        match wire {
            WireValue::Str(s) => V::S(s),
            WireValue::Bool(b) => V::B(b),
            WireValue::Int(n) => V::I(n),
            WireValue::IntString(n) => V::N(n),
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
    /// For a whole number with a wide range (`0` to `3000`), the range in place of `values`;
    /// the walks take its edges and default.
    pub range: Option<(i64, i64)>,
    /// For a list of texts (image URLs): the fewest and the most items (`None`: no limit
    /// stated).
    pub items: Option<(u32, Option<u32>)>,
    /// For a number read exactly (Kling 2.6's `cfg_scale`): its least and greatest values,
    /// as the page writes them.
    pub number: Option<(&'static str, &'static str)>,
}

/// The lists of objects whose items' values must add up to an option, as the pages say:
/// `(model, list, item field, option)`. Kling 3.0 text-to-video: "the sum of the shot
/// durations must equal the task duration".
pub const SUMMED_ITEMS: &[(&str, &str, &str, &str)] = &[(
    "kwaivgi/kling-3.0/text-to-video",
    "multi_prompt",
    "duration",
    "duration",
)];

/// Free text, required.
const fn text(name: &'static str) -> Opt {
    Opt {
        name,
        required: true,
        values: &[],
        default: None,
        range: None,
        items: None,
        number: None,
    }
}

/// An option with values and a default.
const fn choice(name: &'static str, values: &'static [V], default: V) -> Opt {
    Opt {
        name,
        required: false,
        values,
        default: Some(default),
        range: None,
        items: None,
        number: None,
    }
}

/// A whole number from `minimum` to `maximum` with a default, too wide to list.
const fn range(name: &'static str, minimum: i64, maximum: i64, default: i64) -> Opt {
    Opt {
        name,
        required: false,
        values: &[],
        default: Some(V::I(default)),
        range: Some((minimum, maximum)),
        items: None,
        number: None,
    }
}

/// A required list of texts with at least one item and at most `max` (`None`: no limit
/// stated).
const fn list(name: &'static str, max: Option<u32>) -> Opt {
    Opt {
        name,
        required: true,
        values: &[],
        default: None,
        range: None,
        items: Some((1, max)),
        number: None,
    }
}

/// A list the page marks optional, with the most items it allows.
const fn optional_list(name: &'static str, max: Option<u32>) -> Opt {
    Opt {
        name,
        required: false,
        values: &[],
        default: None,
        range: None,
        items: Some((0, max)),
        number: None,
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
    /// Its conditional requirements: `(field, option, value)`, the field required when the
    /// option has the value.
    pub requires: &'static [(&'static str, &'static str, V)],
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
    /// Each documented outcome, keyed by the values of the options it depends on: an entry
    /// applies when every `(option, value)` of its `when` matches (options it does not name do
    /// not change the price); exactly one entry applies to every allowed request.
    Listed(&'static [Listed]),
}

/// One documented outcome of [`Prices::Listed`].
#[derive(Debug)]
pub struct Listed {
    /// The option values it is for.
    pub when: &'static [(&'static str, V)],
    /// What the page lets be said of the price.
    pub price: Priced,
}

/// What a page lets be said of one request's price.
#[derive(Debug)]
pub enum Priced {
    /// An exact amount, worked out by hand from the page's figures.
    Amount(&'static str),
    /// A rate per unit of quantities the request does not carry (measured after the job):
    /// the rate and its unit as the page writes them; the least and the most the job can
    /// cost where the page bounds the quantities (worked out by hand); and exact amounts at
    /// measured quantities, `(quantity, measured value, amount)`.
    Measured {
        rate: &'static str,
        unit: &'static str,
        min: Option<&'static str>,
        max: Option<&'static str>,
        at: &'static [(&'static str, &'static str, &'static str)],
    },
    /// No price: the page does not let one be computed. A phrase the reason must contain.
    Unpriced(&'static str),
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

/// google/nano-banana/text-to-image (`catalog/google__nano-banana__text-to-image.md`; the
/// stored copy is whole for options and pricing): "prompt — string, required"; "num_images —
/// int, optional, default 1, options 1, 2, 3, 4"; "aspect_ratio — string, required, no default
/// shown". Priced "$0.03 per image": times `num_images` (the catalog README: "per image" is
/// times the images asked for). No rule.
pub const NANO_BANANA_TEXT_TO_IMAGE: Documented = Documented {
    id: "google/nano-banana/text-to-image",
    options: &[
        text("prompt"),
        choice("num_images", &[V::I(1), V::I(2), V::I(3), V::I(4)], V::I(1)),
        Opt {
            name: "aspect_ratio",
            required: true,
            values: &[
                V::S("9:16"),
                V::S("2:3"),
                V::S("3:4"),
                V::S("4:5"),
                V::S("1:1"),
                V::S("5:4"),
                V::S("4:3"),
                V::S("3:2"),
                V::S("16:9"),
                V::S("21:9"),
            ],
            default: None,
            range: None,
            items: None,
            number: None,
        },
    ],
    rules: &[],
    requires: &[],
    prices: Prices::Listed(&[
        // "$0.03 per image."
        Listed {
            when: &[("num_images", V::I(1))],
            price: Priced::Amount("0.03"), // 0.03 × 1
        },
        Listed {
            when: &[("num_images", V::I(2))],
            price: Priced::Amount("0.06"), // 0.03 × 2
        },
        Listed {
            when: &[("num_images", V::I(3))],
            price: Priced::Amount("0.09"), // 0.03 × 3
        },
        Listed {
            when: &[("num_images", V::I(4))],
            price: Priced::Amount("0.12"), // 0.03 × 4
        },
    ]),
};

/// shortapi/flux-1.0/text-to-image (`catalog/shortapi__flux-1.0__text-to-image.md`; the stored
/// copy is whole): "prompt — string, required"; "num_images — int, optional, default 1, options
/// 1, 2, 4, 8 (no 3, 5, 6, 7)"; "aspect_ratio — string, required, no default shown";
/// "performance — string, optional, default dev, options schnell, dev". No rule.
///
/// "Schnell mode: $0.002 per request. Dev mode: $0.02 per request." The facts file flags it as
/// UNCLEAR (with `num_images` up to 8, per request or per image × num_images?); the catalog
/// README's rule reads it literally: "per request" is per job, whatever else is asked, so
/// `num_images` does not change the price and only `performance` picks it.
pub const FLUX_1_0_TEXT_TO_IMAGE: Documented = Documented {
    id: "shortapi/flux-1.0/text-to-image",
    options: &[
        text("prompt"),
        choice("num_images", &[V::I(1), V::I(2), V::I(4), V::I(8)], V::I(1)),
        Opt {
            name: "aspect_ratio",
            required: true,
            values: &[
                V::S("1:1"),
                V::S("9:16"),
                V::S("16:9"),
                V::S("4:3"),
                V::S("3:4"),
                V::S("3:2"),
                V::S("2:3"),
                V::S("21:9"),
            ],
            default: None,
            range: None,
            items: None,
            number: None,
        },
        choice("performance", &[V::S("schnell"), V::S("dev")], V::S("dev")),
    ],
    rules: &[],
    requires: &[],
    prices: Prices::Listed(&[
        Listed {
            when: &[("performance", V::S("schnell"))],
            price: Priced::Amount("0.002"), // "Schnell mode: $0.002 per request"
        },
        Listed {
            when: &[("performance", V::S("dev"))],
            price: Priced::Amount("0.02"), // "Dev mode: $0.02 per request"
        },
    ]),
};

/// google/veo-3.1/image-to-video (`catalog/google__veo-3.1__image-to-video.md`; the stored copy
/// is whole for options and pricing): "mode — string, required, default fast, options quality,
/// fast" (required with a default: taken as optional with that default); "prompt — string,
/// required"; "image — string, required"; "duration — string, optional, default 8, options 4,
/// 6, 8"; "aspect_ratio — string, optional, default 16:9, options auto, 16:9, 9:16";
/// "resolution — string, optional, default 720p, options 720p, 1080p, 4k"; "generate_audio —
/// bool, optional, default false". No rule.
///
/// "Quality mode: 720p and 1080p = $0.16/sec without audio, $0.32/sec with audio; 4K =
/// $0.32/sec without audio, $0.48/sec with audio. Fast mode: 720p and 1080p = $0.08/sec without
/// audio, $0.12/sec with audio; 4K = $0.24/sec without audio, $0.28/sec with audio." (The prose's
/// "4K" is the option value "4k".) Each rate times the duration's seconds.
pub const VEO_3_1_IMAGE_TO_VIDEO: Documented = Documented {
    id: "google/veo-3.1/image-to-video",
    options: &[
        choice("mode", &[V::S("quality"), V::S("fast")], V::S("fast")),
        text("prompt"),
        text("image"),
        choice("duration", &[V::S("4"), V::S("6"), V::S("8")], V::S("8")),
        choice(
            "aspect_ratio",
            &[V::S("auto"), V::S("16:9"), V::S("9:16")],
            V::S("16:9"),
        ),
        choice(
            "resolution",
            &[V::S("720p"), V::S("1080p"), V::S("4k")],
            V::S("720p"),
        ),
        choice("generate_audio", BOOLS, V::B(false)),
    ],
    rules: &[],
    requires: &[],
    prices: Prices::Listed(&[
        // Quality, 720p, without audio: $0.16/sec.
        Listed {
            when: &[
                ("mode", V::S("quality")),
                ("resolution", V::S("720p")),
                ("generate_audio", V::B(false)),
                ("duration", V::S("4")),
            ],
            price: Priced::Amount("0.64"), // 0.16 × 4
        },
        Listed {
            when: &[
                ("mode", V::S("quality")),
                ("resolution", V::S("720p")),
                ("generate_audio", V::B(false)),
                ("duration", V::S("6")),
            ],
            price: Priced::Amount("0.96"), // 0.16 × 6
        },
        Listed {
            when: &[
                ("mode", V::S("quality")),
                ("resolution", V::S("720p")),
                ("generate_audio", V::B(false)),
                ("duration", V::S("8")),
            ],
            price: Priced::Amount("1.28"), // 0.16 × 8
        },
        // Quality, 720p, with audio: $0.32/sec.
        Listed {
            when: &[
                ("mode", V::S("quality")),
                ("resolution", V::S("720p")),
                ("generate_audio", V::B(true)),
                ("duration", V::S("4")),
            ],
            price: Priced::Amount("1.28"), // 0.32 × 4
        },
        Listed {
            when: &[
                ("mode", V::S("quality")),
                ("resolution", V::S("720p")),
                ("generate_audio", V::B(true)),
                ("duration", V::S("6")),
            ],
            price: Priced::Amount("1.92"), // 0.32 × 6
        },
        Listed {
            when: &[
                ("mode", V::S("quality")),
                ("resolution", V::S("720p")),
                ("generate_audio", V::B(true)),
                ("duration", V::S("8")),
            ],
            price: Priced::Amount("2.56"), // 0.32 × 8
        },
        // Quality, 1080p, without audio: $0.16/sec (the same as 720p).
        Listed {
            when: &[
                ("mode", V::S("quality")),
                ("resolution", V::S("1080p")),
                ("generate_audio", V::B(false)),
                ("duration", V::S("4")),
            ],
            price: Priced::Amount("0.64"), // 0.16 × 4
        },
        Listed {
            when: &[
                ("mode", V::S("quality")),
                ("resolution", V::S("1080p")),
                ("generate_audio", V::B(false)),
                ("duration", V::S("6")),
            ],
            price: Priced::Amount("0.96"), // 0.16 × 6
        },
        Listed {
            when: &[
                ("mode", V::S("quality")),
                ("resolution", V::S("1080p")),
                ("generate_audio", V::B(false)),
                ("duration", V::S("8")),
            ],
            price: Priced::Amount("1.28"), // 0.16 × 8
        },
        // Quality, 1080p, with audio: $0.32/sec (the same as 720p).
        Listed {
            when: &[
                ("mode", V::S("quality")),
                ("resolution", V::S("1080p")),
                ("generate_audio", V::B(true)),
                ("duration", V::S("4")),
            ],
            price: Priced::Amount("1.28"), // 0.32 × 4
        },
        Listed {
            when: &[
                ("mode", V::S("quality")),
                ("resolution", V::S("1080p")),
                ("generate_audio", V::B(true)),
                ("duration", V::S("6")),
            ],
            price: Priced::Amount("1.92"), // 0.32 × 6
        },
        Listed {
            when: &[
                ("mode", V::S("quality")),
                ("resolution", V::S("1080p")),
                ("generate_audio", V::B(true)),
                ("duration", V::S("8")),
            ],
            price: Priced::Amount("2.56"), // 0.32 × 8
        },
        // Quality, 4k, without audio: $0.32/sec.
        Listed {
            when: &[
                ("mode", V::S("quality")),
                ("resolution", V::S("4k")),
                ("generate_audio", V::B(false)),
                ("duration", V::S("4")),
            ],
            price: Priced::Amount("1.28"), // 0.32 × 4
        },
        Listed {
            when: &[
                ("mode", V::S("quality")),
                ("resolution", V::S("4k")),
                ("generate_audio", V::B(false)),
                ("duration", V::S("6")),
            ],
            price: Priced::Amount("1.92"), // 0.32 × 6
        },
        Listed {
            when: &[
                ("mode", V::S("quality")),
                ("resolution", V::S("4k")),
                ("generate_audio", V::B(false)),
                ("duration", V::S("8")),
            ],
            price: Priced::Amount("2.56"), // 0.32 × 8
        },
        // Quality, 4k, with audio: $0.48/sec.
        Listed {
            when: &[
                ("mode", V::S("quality")),
                ("resolution", V::S("4k")),
                ("generate_audio", V::B(true)),
                ("duration", V::S("4")),
            ],
            price: Priced::Amount("1.92"), // 0.48 × 4
        },
        Listed {
            when: &[
                ("mode", V::S("quality")),
                ("resolution", V::S("4k")),
                ("generate_audio", V::B(true)),
                ("duration", V::S("6")),
            ],
            price: Priced::Amount("2.88"), // 0.48 × 6
        },
        Listed {
            when: &[
                ("mode", V::S("quality")),
                ("resolution", V::S("4k")),
                ("generate_audio", V::B(true)),
                ("duration", V::S("8")),
            ],
            price: Priced::Amount("3.84"), // 0.48 × 8
        },
        // Fast, 720p, without audio: $0.08/sec.
        Listed {
            when: &[
                ("mode", V::S("fast")),
                ("resolution", V::S("720p")),
                ("generate_audio", V::B(false)),
                ("duration", V::S("4")),
            ],
            price: Priced::Amount("0.32"), // 0.08 × 4
        },
        Listed {
            when: &[
                ("mode", V::S("fast")),
                ("resolution", V::S("720p")),
                ("generate_audio", V::B(false)),
                ("duration", V::S("6")),
            ],
            price: Priced::Amount("0.48"), // 0.08 × 6
        },
        Listed {
            when: &[
                ("mode", V::S("fast")),
                ("resolution", V::S("720p")),
                ("generate_audio", V::B(false)),
                ("duration", V::S("8")),
            ],
            price: Priced::Amount("0.64"), // 0.08 × 8 (the defaults)
        },
        // Fast, 720p, with audio: $0.12/sec.
        Listed {
            when: &[
                ("mode", V::S("fast")),
                ("resolution", V::S("720p")),
                ("generate_audio", V::B(true)),
                ("duration", V::S("4")),
            ],
            price: Priced::Amount("0.48"), // 0.12 × 4
        },
        Listed {
            when: &[
                ("mode", V::S("fast")),
                ("resolution", V::S("720p")),
                ("generate_audio", V::B(true)),
                ("duration", V::S("6")),
            ],
            price: Priced::Amount("0.72"), // 0.12 × 6
        },
        Listed {
            when: &[
                ("mode", V::S("fast")),
                ("resolution", V::S("720p")),
                ("generate_audio", V::B(true)),
                ("duration", V::S("8")),
            ],
            price: Priced::Amount("0.96"), // 0.12 × 8
        },
        // Fast, 1080p, without audio: $0.08/sec (the same as 720p).
        Listed {
            when: &[
                ("mode", V::S("fast")),
                ("resolution", V::S("1080p")),
                ("generate_audio", V::B(false)),
                ("duration", V::S("4")),
            ],
            price: Priced::Amount("0.32"), // 0.08 × 4
        },
        Listed {
            when: &[
                ("mode", V::S("fast")),
                ("resolution", V::S("1080p")),
                ("generate_audio", V::B(false)),
                ("duration", V::S("6")),
            ],
            price: Priced::Amount("0.48"), // 0.08 × 6
        },
        Listed {
            when: &[
                ("mode", V::S("fast")),
                ("resolution", V::S("1080p")),
                ("generate_audio", V::B(false)),
                ("duration", V::S("8")),
            ],
            price: Priced::Amount("0.64"), // 0.08 × 8
        },
        // Fast, 1080p, with audio: $0.12/sec (the same as 720p).
        Listed {
            when: &[
                ("mode", V::S("fast")),
                ("resolution", V::S("1080p")),
                ("generate_audio", V::B(true)),
                ("duration", V::S("4")),
            ],
            price: Priced::Amount("0.48"), // 0.12 × 4
        },
        Listed {
            when: &[
                ("mode", V::S("fast")),
                ("resolution", V::S("1080p")),
                ("generate_audio", V::B(true)),
                ("duration", V::S("6")),
            ],
            price: Priced::Amount("0.72"), // 0.12 × 6
        },
        Listed {
            when: &[
                ("mode", V::S("fast")),
                ("resolution", V::S("1080p")),
                ("generate_audio", V::B(true)),
                ("duration", V::S("8")),
            ],
            price: Priced::Amount("0.96"), // 0.12 × 8
        },
        // Fast, 4k, without audio: $0.24/sec.
        Listed {
            when: &[
                ("mode", V::S("fast")),
                ("resolution", V::S("4k")),
                ("generate_audio", V::B(false)),
                ("duration", V::S("4")),
            ],
            price: Priced::Amount("0.96"), // 0.24 × 4
        },
        Listed {
            when: &[
                ("mode", V::S("fast")),
                ("resolution", V::S("4k")),
                ("generate_audio", V::B(false)),
                ("duration", V::S("6")),
            ],
            price: Priced::Amount("1.44"), // 0.24 × 6
        },
        Listed {
            when: &[
                ("mode", V::S("fast")),
                ("resolution", V::S("4k")),
                ("generate_audio", V::B(false)),
                ("duration", V::S("8")),
            ],
            price: Priced::Amount("1.92"), // 0.24 × 8
        },
        // Fast, 4k, with audio: $0.28/sec.
        Listed {
            when: &[
                ("mode", V::S("fast")),
                ("resolution", V::S("4k")),
                ("generate_audio", V::B(true)),
                ("duration", V::S("4")),
            ],
            price: Priced::Amount("1.12"), // 0.28 × 4
        },
        Listed {
            when: &[
                ("mode", V::S("fast")),
                ("resolution", V::S("4k")),
                ("generate_audio", V::B(true)),
                ("duration", V::S("6")),
            ],
            price: Priced::Amount("1.68"), // 0.28 × 6
        },
        Listed {
            when: &[
                ("mode", V::S("fast")),
                ("resolution", V::S("4k")),
                ("generate_audio", V::B(true)),
                ("duration", V::S("8")),
            ],
            price: Priced::Amount("2.24"), // 0.28 × 8
        },
    ]),
};

/// kwaivgi/kling-o1/video-to-video (`catalog/kwaivgi__kling-o1__video-to-video.md`): the stored
/// copy is CUT inside the Input Schema, after `keep_audio`'s default (its options text is cut;
/// every later parameter is unknown). "mode — string, required, default pro, options std, pro";
/// "action — string, required, default refer, options refer, edit" (required with a default:
/// taken as optional with that default); "prompt — string, required"; "video — string,
/// required" (.mp4/.mov, "3 to 10 seconds long", 720 to 2160 px, at most 200MB);
/// "images — list, optional"; "elements — list, optional" (each item a `frontal_image_url`,
/// "string, required", and `reference_image_urls`, "list, optional"), with "the number of
/// images in images + elements must not exceed 4" (so at most 4 each); "keep_audio — bool,
/// optional, default false". No rule on the scalar options.
///
/// "Standard mode $0.11 per second; Pro mode $0.143 per second": the page states no duration
/// option and does not say which seconds are billed; read as the seconds of the input video,
/// which the page allows from 3 to 10 s (`input_video_seconds`).
pub const KLING_O1_VIDEO_TO_VIDEO: Documented = Documented {
    id: "kwaivgi/kling-o1/video-to-video",
    options: &[
        choice("mode", &[V::S("std"), V::S("pro")], V::S("pro")),
        choice("action", &[V::S("refer"), V::S("edit")], V::S("refer")),
        text("prompt"),
        text("video"),
        optional_list("images", Some(4)),
        optional_list("elements", Some(4)),
        choice("keep_audio", BOOLS, V::B(false)),
    ],
    rules: &[],
    requires: &[],
    prices: Prices::Listed(&[
        // "Standard mode $0.11 per second."
        Listed {
            when: &[("mode", V::S("std"))],
            price: Priced::Measured {
                rate: "0.11",
                unit: "second",
                min: Some("0.33"), // 0.11 × 3
                max: Some("1.10"), // 0.11 × 10
                at: &[
                    ("input_video_seconds", "3", "0.33"),      // 0.11 × 3
                    ("input_video_seconds", "7.2", "0.792"),   // 0.11 × 7.2
                    ("input_video_seconds", "10", "1.10"),     // 0.11 × 10
                    ("input_video_seconds", "4.25", "0.4675"), // 0.11 × 4.25
                ],
            },
        },
        // "Pro mode $0.143 per second."
        Listed {
            when: &[("mode", V::S("pro"))],
            price: Priced::Measured {
                rate: "0.143",
                unit: "second",
                min: Some("0.429"), // 0.143 × 3
                max: Some("1.430"), // 0.143 × 10
                at: &[
                    ("input_video_seconds", "3", "0.429"),      // 0.143 × 3
                    ("input_video_seconds", "7.2", "1.0296"),   // 0.143 × 7.2
                    ("input_video_seconds", "10", "1.430"),     // 0.143 × 10
                    ("input_video_seconds", "4.25", "0.60775"), // 0.143 × 4.25
                ],
            },
        },
    ]),
};

/// bytedance/seedance-2.0/omni-reference (`catalog/bytedance__seedance-2.0__omni-reference.md`):
/// the stored copy is CUT inside the Input Schema, right after the name of `image_urls` (its
/// type and every later parameter, at least `audio_urls`, are unknown). "mode — string,
/// optional, default std, options std, fast"; "prompt — string, required"; "duration — int,
/// optional, default 5, range 4 to 15 (output seconds)"; "aspect_ratio — string, optional,
/// default 16:9, options 21:9, 16:9, 9:16, 4:3, 1:1, 3:4"; "video_url — string, required"
/// (described as a list of reference video URLs, at most 1 supported). Documented but not
/// transcribed: `image_urls` (cut after its name) and `audio_urls` (referenced only), with
/// "video_url + image_urls + audio_urls ≤ 12". No rule on the scalar options.
///
/// "Std: $0.168 per second. Fast: $0.14 per second." "Total Cost = Unit Price × (Total Input
/// Video Duration + Output Video Duration)": the output seconds are `duration`; the input video
/// seconds (`input_video_seconds`) are measured, their range is not stated (so no maximum; at
/// least 0 seconds, so the least is rate × duration).
pub const SEEDANCE_2_0_OMNI_REFERENCE: Documented = Documented {
    id: "bytedance/seedance-2.0/omni-reference",
    options: &[
        choice("mode", &[V::S("std"), V::S("fast")], V::S("std")),
        text("prompt"),
        choice(
            "duration",
            &[
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
        choice(
            "aspect_ratio",
            &[
                V::S("21:9"),
                V::S("16:9"),
                V::S("9:16"),
                V::S("4:3"),
                V::S("1:1"),
                V::S("3:4"),
            ],
            V::S("16:9"),
        ),
        text("video_url"),
    ],
    rules: &[],
    requires: &[],
    prices: Prices::Listed(&[
        // "Std: $0.168 per second", × (input seconds + duration).
        Listed {
            when: &[("mode", V::S("std")), ("duration", V::I(4))],
            price: Priced::Measured {
                rate: "0.168",
                unit: "second",
                min: Some("0.672"), // 0.168 × 4
                max: None,
                at: &[
                    ("input_video_seconds", "0", "0.672"),     // 0.168 × (0 + 4)
                    ("input_video_seconds", "7.2", "1.8816"),  // 0.168 × (7.2 + 4) = 0.168 × 11.2
                    ("input_video_seconds", "12.5", "2.7720"), // 0.168 × (12.5 + 4) = 0.168 × 16.5
                ],
            },
        },
        Listed {
            when: &[("mode", V::S("std")), ("duration", V::I(5))],
            price: Priced::Measured {
                rate: "0.168",
                unit: "second",
                min: Some("0.840"), // 0.168 × 5
                max: None,
                at: &[
                    ("input_video_seconds", "0", "0.840"),     // 0.168 × (0 + 5)
                    ("input_video_seconds", "7.2", "2.0496"),  // 0.168 × (7.2 + 5) = 0.168 × 12.2
                    ("input_video_seconds", "12.5", "2.9400"), // 0.168 × (12.5 + 5) = 0.168 × 17.5
                ],
            },
        },
        Listed {
            when: &[("mode", V::S("std")), ("duration", V::I(6))],
            price: Priced::Measured {
                rate: "0.168",
                unit: "second",
                min: Some("1.008"), // 0.168 × 6
                max: None,
                at: &[
                    ("input_video_seconds", "0", "1.008"),     // 0.168 × (0 + 6)
                    ("input_video_seconds", "7.2", "2.2176"),  // 0.168 × (7.2 + 6) = 0.168 × 13.2
                    ("input_video_seconds", "12.5", "3.1080"), // 0.168 × (12.5 + 6) = 0.168 × 18.5
                ],
            },
        },
        Listed {
            when: &[("mode", V::S("std")), ("duration", V::I(7))],
            price: Priced::Measured {
                rate: "0.168",
                unit: "second",
                min: Some("1.176"), // 0.168 × 7
                max: None,
                at: &[
                    ("input_video_seconds", "0", "1.176"),     // 0.168 × (0 + 7)
                    ("input_video_seconds", "7.2", "2.3856"),  // 0.168 × (7.2 + 7) = 0.168 × 14.2
                    ("input_video_seconds", "12.5", "3.2760"), // 0.168 × (12.5 + 7) = 0.168 × 19.5
                ],
            },
        },
        Listed {
            when: &[("mode", V::S("std")), ("duration", V::I(8))],
            price: Priced::Measured {
                rate: "0.168",
                unit: "second",
                min: Some("1.344"), // 0.168 × 8
                max: None,
                at: &[
                    ("input_video_seconds", "0", "1.344"),     // 0.168 × (0 + 8)
                    ("input_video_seconds", "7.2", "2.5536"),  // 0.168 × (7.2 + 8) = 0.168 × 15.2
                    ("input_video_seconds", "12.5", "3.4440"), // 0.168 × (12.5 + 8) = 0.168 × 20.5
                ],
            },
        },
        Listed {
            when: &[("mode", V::S("std")), ("duration", V::I(9))],
            price: Priced::Measured {
                rate: "0.168",
                unit: "second",
                min: Some("1.512"), // 0.168 × 9
                max: None,
                at: &[
                    ("input_video_seconds", "0", "1.512"),     // 0.168 × (0 + 9)
                    ("input_video_seconds", "7.2", "2.7216"),  // 0.168 × (7.2 + 9) = 0.168 × 16.2
                    ("input_video_seconds", "12.5", "3.6120"), // 0.168 × (12.5 + 9) = 0.168 × 21.5
                ],
            },
        },
        Listed {
            when: &[("mode", V::S("std")), ("duration", V::I(10))],
            price: Priced::Measured {
                rate: "0.168",
                unit: "second",
                min: Some("1.680"), // 0.168 × 10
                max: None,
                at: &[
                    ("input_video_seconds", "0", "1.680"),     // 0.168 × (0 + 10)
                    ("input_video_seconds", "7.2", "2.8896"),  // 0.168 × (7.2 + 10) = 0.168 × 17.2
                    ("input_video_seconds", "12.5", "3.7800"), // 0.168 × (12.5 + 10) = 0.168 × 22.5
                ],
            },
        },
        Listed {
            when: &[("mode", V::S("std")), ("duration", V::I(11))],
            price: Priced::Measured {
                rate: "0.168",
                unit: "second",
                min: Some("1.848"), // 0.168 × 11
                max: None,
                at: &[
                    ("input_video_seconds", "0", "1.848"),     // 0.168 × (0 + 11)
                    ("input_video_seconds", "7.2", "3.0576"),  // 0.168 × (7.2 + 11) = 0.168 × 18.2
                    ("input_video_seconds", "12.5", "3.9480"), // 0.168 × (12.5 + 11) = 0.168 × 23.5
                ],
            },
        },
        Listed {
            when: &[("mode", V::S("std")), ("duration", V::I(12))],
            price: Priced::Measured {
                rate: "0.168",
                unit: "second",
                min: Some("2.016"), // 0.168 × 12
                max: None,
                at: &[
                    ("input_video_seconds", "0", "2.016"),     // 0.168 × (0 + 12)
                    ("input_video_seconds", "7.2", "3.2256"),  // 0.168 × (7.2 + 12) = 0.168 × 19.2
                    ("input_video_seconds", "12.5", "4.1160"), // 0.168 × (12.5 + 12) = 0.168 × 24.5
                ],
            },
        },
        Listed {
            when: &[("mode", V::S("std")), ("duration", V::I(13))],
            price: Priced::Measured {
                rate: "0.168",
                unit: "second",
                min: Some("2.184"), // 0.168 × 13
                max: None,
                at: &[
                    ("input_video_seconds", "0", "2.184"),     // 0.168 × (0 + 13)
                    ("input_video_seconds", "7.2", "3.3936"),  // 0.168 × (7.2 + 13) = 0.168 × 20.2
                    ("input_video_seconds", "12.5", "4.2840"), // 0.168 × (12.5 + 13) = 0.168 × 25.5
                ],
            },
        },
        Listed {
            when: &[("mode", V::S("std")), ("duration", V::I(14))],
            price: Priced::Measured {
                rate: "0.168",
                unit: "second",
                min: Some("2.352"), // 0.168 × 14
                max: None,
                at: &[
                    ("input_video_seconds", "0", "2.352"),     // 0.168 × (0 + 14)
                    ("input_video_seconds", "7.2", "3.5616"),  // 0.168 × (7.2 + 14) = 0.168 × 21.2
                    ("input_video_seconds", "12.5", "4.4520"), // 0.168 × (12.5 + 14) = 0.168 × 26.5
                ],
            },
        },
        Listed {
            when: &[("mode", V::S("std")), ("duration", V::I(15))],
            price: Priced::Measured {
                rate: "0.168",
                unit: "second",
                min: Some("2.520"), // 0.168 × 15
                max: None,
                at: &[
                    ("input_video_seconds", "0", "2.520"),     // 0.168 × (0 + 15)
                    ("input_video_seconds", "7.2", "3.7296"),  // 0.168 × (7.2 + 15) = 0.168 × 22.2
                    ("input_video_seconds", "12.5", "4.6200"), // 0.168 × (12.5 + 15) = 0.168 × 27.5
                ],
            },
        },
        // "Fast: $0.14 per second", × (input seconds + duration).
        Listed {
            when: &[("mode", V::S("fast")), ("duration", V::I(4))],
            price: Priced::Measured {
                rate: "0.14",
                unit: "second",
                min: Some("0.56"), // 0.14 × 4
                max: None,
                at: &[
                    ("input_video_seconds", "0", "0.56"),     // 0.14 × (0 + 4)
                    ("input_video_seconds", "7.2", "1.568"),  // 0.14 × (7.2 + 4) = 0.14 × 11.2
                    ("input_video_seconds", "12.5", "2.310"), // 0.14 × (12.5 + 4) = 0.14 × 16.5
                ],
            },
        },
        Listed {
            when: &[("mode", V::S("fast")), ("duration", V::I(5))],
            price: Priced::Measured {
                rate: "0.14",
                unit: "second",
                min: Some("0.70"), // 0.14 × 5
                max: None,
                at: &[
                    ("input_video_seconds", "0", "0.70"),     // 0.14 × (0 + 5)
                    ("input_video_seconds", "7.2", "1.708"),  // 0.14 × (7.2 + 5) = 0.14 × 12.2
                    ("input_video_seconds", "12.5", "2.450"), // 0.14 × (12.5 + 5) = 0.14 × 17.5
                ],
            },
        },
        Listed {
            when: &[("mode", V::S("fast")), ("duration", V::I(6))],
            price: Priced::Measured {
                rate: "0.14",
                unit: "second",
                min: Some("0.84"), // 0.14 × 6
                max: None,
                at: &[
                    ("input_video_seconds", "0", "0.84"),     // 0.14 × (0 + 6)
                    ("input_video_seconds", "7.2", "1.848"),  // 0.14 × (7.2 + 6) = 0.14 × 13.2
                    ("input_video_seconds", "12.5", "2.590"), // 0.14 × (12.5 + 6) = 0.14 × 18.5
                ],
            },
        },
        Listed {
            when: &[("mode", V::S("fast")), ("duration", V::I(7))],
            price: Priced::Measured {
                rate: "0.14",
                unit: "second",
                min: Some("0.98"), // 0.14 × 7
                max: None,
                at: &[
                    ("input_video_seconds", "0", "0.98"),     // 0.14 × (0 + 7)
                    ("input_video_seconds", "7.2", "1.988"),  // 0.14 × (7.2 + 7) = 0.14 × 14.2
                    ("input_video_seconds", "12.5", "2.730"), // 0.14 × (12.5 + 7) = 0.14 × 19.5
                ],
            },
        },
        Listed {
            when: &[("mode", V::S("fast")), ("duration", V::I(8))],
            price: Priced::Measured {
                rate: "0.14",
                unit: "second",
                min: Some("1.12"), // 0.14 × 8
                max: None,
                at: &[
                    ("input_video_seconds", "0", "1.12"),     // 0.14 × (0 + 8)
                    ("input_video_seconds", "7.2", "2.128"),  // 0.14 × (7.2 + 8) = 0.14 × 15.2
                    ("input_video_seconds", "12.5", "2.870"), // 0.14 × (12.5 + 8) = 0.14 × 20.5
                ],
            },
        },
        Listed {
            when: &[("mode", V::S("fast")), ("duration", V::I(9))],
            price: Priced::Measured {
                rate: "0.14",
                unit: "second",
                min: Some("1.26"), // 0.14 × 9
                max: None,
                at: &[
                    ("input_video_seconds", "0", "1.26"),     // 0.14 × (0 + 9)
                    ("input_video_seconds", "7.2", "2.268"),  // 0.14 × (7.2 + 9) = 0.14 × 16.2
                    ("input_video_seconds", "12.5", "3.010"), // 0.14 × (12.5 + 9) = 0.14 × 21.5
                ],
            },
        },
        Listed {
            when: &[("mode", V::S("fast")), ("duration", V::I(10))],
            price: Priced::Measured {
                rate: "0.14",
                unit: "second",
                min: Some("1.40"), // 0.14 × 10
                max: None,
                at: &[
                    ("input_video_seconds", "0", "1.40"),     // 0.14 × (0 + 10)
                    ("input_video_seconds", "7.2", "2.408"),  // 0.14 × (7.2 + 10) = 0.14 × 17.2
                    ("input_video_seconds", "12.5", "3.150"), // 0.14 × (12.5 + 10) = 0.14 × 22.5
                ],
            },
        },
        Listed {
            when: &[("mode", V::S("fast")), ("duration", V::I(11))],
            price: Priced::Measured {
                rate: "0.14",
                unit: "second",
                min: Some("1.54"), // 0.14 × 11
                max: None,
                at: &[
                    ("input_video_seconds", "0", "1.54"),     // 0.14 × (0 + 11)
                    ("input_video_seconds", "7.2", "2.548"),  // 0.14 × (7.2 + 11) = 0.14 × 18.2
                    ("input_video_seconds", "12.5", "3.290"), // 0.14 × (12.5 + 11) = 0.14 × 23.5
                ],
            },
        },
        Listed {
            when: &[("mode", V::S("fast")), ("duration", V::I(12))],
            price: Priced::Measured {
                rate: "0.14",
                unit: "second",
                min: Some("1.68"), // 0.14 × 12
                max: None,
                at: &[
                    ("input_video_seconds", "0", "1.68"),     // 0.14 × (0 + 12)
                    ("input_video_seconds", "7.2", "2.688"),  // 0.14 × (7.2 + 12) = 0.14 × 19.2
                    ("input_video_seconds", "12.5", "3.430"), // 0.14 × (12.5 + 12) = 0.14 × 24.5
                ],
            },
        },
        Listed {
            when: &[("mode", V::S("fast")), ("duration", V::I(13))],
            price: Priced::Measured {
                rate: "0.14",
                unit: "second",
                min: Some("1.82"), // 0.14 × 13
                max: None,
                at: &[
                    ("input_video_seconds", "0", "1.82"),     // 0.14 × (0 + 13)
                    ("input_video_seconds", "7.2", "2.828"),  // 0.14 × (7.2 + 13) = 0.14 × 20.2
                    ("input_video_seconds", "12.5", "3.570"), // 0.14 × (12.5 + 13) = 0.14 × 25.5
                ],
            },
        },
        Listed {
            when: &[("mode", V::S("fast")), ("duration", V::I(14))],
            price: Priced::Measured {
                rate: "0.14",
                unit: "second",
                min: Some("1.96"), // 0.14 × 14
                max: None,
                at: &[
                    ("input_video_seconds", "0", "1.96"),     // 0.14 × (0 + 14)
                    ("input_video_seconds", "7.2", "2.968"),  // 0.14 × (7.2 + 14) = 0.14 × 21.2
                    ("input_video_seconds", "12.5", "3.710"), // 0.14 × (12.5 + 14) = 0.14 × 26.5
                ],
            },
        },
        Listed {
            when: &[("mode", V::S("fast")), ("duration", V::I(15))],
            price: Priced::Measured {
                rate: "0.14",
                unit: "second",
                min: Some("2.10"), // 0.14 × 15
                max: None,
                at: &[
                    ("input_video_seconds", "0", "2.10"),     // 0.14 × (0 + 15)
                    ("input_video_seconds", "7.2", "3.108"),  // 0.14 × (7.2 + 15) = 0.14 × 22.2
                    ("input_video_seconds", "12.5", "3.850"), // 0.14 × (12.5 + 15) = 0.14 × 27.5
                ],
            },
        },
    ]),
};

/// vidu/vidu-q2/text-to-video (`catalog/vidu__vidu-q2__text-to-video.md`; the stored copy is
/// whole): "prompt — string, required"; "duration — string, optional, default 5, Range 1 to
/// 10"; "aspect_ratio — string, optional, default 16:9, options 16:9, 9:16, 4:3, 3:4, 1:1";
/// "resolution — string, optional, default 720p, options 540p, 720p, 1080p". No rule.
///
/// Unpriced: "540p: starts at $0.05 plus $0.01/sec; 720p: starts at $0.75 plus $0.025/sec;
/// 1080p: starts at $0.10 plus $0.05/sec" gives two readings (X + Y × duration, or X for the
/// shortest clip plus Y per further second) and the page does not say which. (The 720p base
/// "$0.75" is written so; the facts file flags it as a probable typo for 0.075.)
pub const VIDU_Q2_TEXT_TO_VIDEO: Documented = Documented {
    id: "vidu/vidu-q2/text-to-video",
    options: &[
        text("prompt"),
        choice(
            "duration",
            &[
                V::N(1),
                V::N(2),
                V::N(3),
                V::N(4),
                V::N(5),
                V::N(6),
                V::N(7),
                V::N(8),
                V::N(9),
                V::N(10),
            ],
            V::N(5),
        ),
        choice(
            "aspect_ratio",
            &[
                V::S("16:9"),
                V::S("9:16"),
                V::S("4:3"),
                V::S("3:4"),
                V::S("1:1"),
            ],
            V::S("16:9"),
        ),
        choice(
            "resolution",
            &[V::S("540p"), V::S("720p"), V::S("1080p")],
            V::S("720p"),
        ),
    ],
    rules: &[],
    requires: &[],
    prices: Prices::Listed(&[Listed {
        when: &[],
        price: Priced::Unpriced("starts at"),
    }]),
};

/// kwaivgi/kling-o1/image-to-video (`catalog/kwaivgi__kling-o1__image-to-video.md`): the stored
/// copy is CUT inside the Input Schema, in the description of `elements`' nested
/// `reference_image_urls` (every later parameter is unknown). "mode — string, required, default
/// pro, options std, pro"; "action — string, required, default frame, options frame, refer"
/// (required with a default: taken as optional with that default); "prompt — string,
/// required"; "duration — string, optional, default 5, Range 3 to 10"; "images — list,
/// required" (for 'frame' only the first two take effect); "elements — list, optional" (each
/// item a `frontal_image_url`, "string, required", and `reference_image_urls`, "list,
/// optional", cut inside its description), with "images + elements must not exceed 7" (so at
/// most 7 each). No rule on the scalar options: "when action is 'frame' and the images contain
/// just one frame, duration should be 5 or 10" depends on the `images` list.
///
/// "Standard mode video is $0.075 per second, while Pro mode is $0.1 per request." Standard is
/// the rate times the duration's seconds; Pro is unpriced: "per request" beside Standard's "per
/// second" (and the sister text-to-video page's Pro "$0.1 per second") gives two readings.
pub const KLING_O1_IMAGE_TO_VIDEO: Documented = Documented {
    id: "kwaivgi/kling-o1/image-to-video",
    options: &[
        choice("mode", &[V::S("std"), V::S("pro")], V::S("pro")),
        choice("action", &[V::S("frame"), V::S("refer")], V::S("frame")),
        text("prompt"),
        choice(
            "duration",
            &[
                V::N(3),
                V::N(4),
                V::N(5),
                V::N(6),
                V::N(7),
                V::N(8),
                V::N(9),
                V::N(10),
            ],
            V::N(5),
        ),
        // "images: list, required"; with elements at most 7.
        list("images", Some(7)),
        optional_list("elements", Some(7)),
    ],
    rules: &[],
    requires: &[],
    prices: Prices::Listed(&[
        // "Standard mode video is $0.075 per second."
        Listed {
            when: &[("mode", V::S("std")), ("duration", V::N(3))],
            price: Priced::Amount("0.225"), // 0.075 × 3
        },
        Listed {
            when: &[("mode", V::S("std")), ("duration", V::N(4))],
            price: Priced::Amount("0.300"), // 0.075 × 4
        },
        Listed {
            when: &[("mode", V::S("std")), ("duration", V::N(5))],
            price: Priced::Amount("0.375"), // 0.075 × 5
        },
        Listed {
            when: &[("mode", V::S("std")), ("duration", V::N(6))],
            price: Priced::Amount("0.450"), // 0.075 × 6
        },
        Listed {
            when: &[("mode", V::S("std")), ("duration", V::N(7))],
            price: Priced::Amount("0.525"), // 0.075 × 7
        },
        Listed {
            when: &[("mode", V::S("std")), ("duration", V::N(8))],
            price: Priced::Amount("0.600"), // 0.075 × 8
        },
        Listed {
            when: &[("mode", V::S("std")), ("duration", V::N(9))],
            price: Priced::Amount("0.675"), // 0.075 × 9
        },
        Listed {
            when: &[("mode", V::S("std")), ("duration", V::N(10))],
            price: Priced::Amount("0.750"), // 0.075 × 10
        },
        // "Pro mode is $0.1 per request": unpriced.
        Listed {
            when: &[("mode", V::S("pro"))],
            price: Priced::Unpriced("per request"),
        },
    ]),
};

/// midjourney/midjourney-v7/text-to-image (`catalog/midjourney__midjourney-v7__text-to-image.md`;
/// the stored copy is whole for pricing and the 8 parameters): "mode — string, required,
/// default fast, options fast (only value)" (required with a default: optional with it);
/// "prompt — string, required"; "negative_prompt — string, optional"; "aspect_ratio — string,
/// required, NO default shown, options 9:16, 2:3, 3:4, 4:5, 5:6, 1:1, 6:5, 5:4, 4:3, 3:2, 16:9";
/// "performance — string, optional, default balance, options speed, balance, quality";
/// "stylization — int, optional, default 100, Range 0 to 1000"; "chaos — int, optional,
/// default 0, Range 0 to 100"; "weirdness — int, optional, default 0, Range 0 to 3000". No
/// rule (the prompts' "no '-' or other special characters" names no checkable set).
///
/// "Fast mode: $0.04 per request": per job, whatever else is asked.
pub const MIDJOURNEY_V7_TEXT_TO_IMAGE: Documented = Documented {
    id: "midjourney/midjourney-v7/text-to-image",
    options: &[
        choice("mode", &[V::S("fast")], V::S("fast")),
        text("prompt"),
        Opt {
            name: "negative_prompt",
            required: false,
            values: &[],
            default: None,
            range: None,
            items: None,
            number: None,
        },
        Opt {
            name: "aspect_ratio",
            required: true,
            values: &[
                V::S("9:16"),
                V::S("2:3"),
                V::S("3:4"),
                V::S("4:5"),
                V::S("5:6"),
                V::S("1:1"),
                V::S("6:5"),
                V::S("5:4"),
                V::S("4:3"),
                V::S("3:2"),
                V::S("16:9"),
            ],
            default: None,
            range: None,
            items: None,
            number: None,
        },
        choice(
            "performance",
            &[V::S("speed"), V::S("balance"), V::S("quality")],
            V::S("balance"),
        ),
        range("stylization", 0, 1000, 100),
        range("chaos", 0, 100, 0),
        range("weirdness", 0, 3000, 0),
    ],
    rules: &[],
    requires: &[],
    prices: Prices::Listed(&[Listed {
        when: &[],
        price: Priced::Amount("0.04"), // "Fast mode: $0.04 per request"
    }]),
};

/// bytedance/seedream-4.5/text-to-image (`catalog/bytedance__seedream-4.5__text-to-image.md`;
/// whole for options and pricing): "prompt — string, required"; "num_images — int, optional,
/// default 1, options 1, 2, 3, 4"; "aspect_ratio — string, required, no default, options 1:1,
/// 9:16, 16:9, 4:3, 3:4, 3:2, 2:3, 21:9". "$0.038 per image": times `num_images`. No rule.
pub const SEEDREAM_4_5_TEXT_TO_IMAGE: Documented = Documented {
    id: "bytedance/seedream-4.5/text-to-image",
    options: &[
        text("prompt"),
        choice("num_images", &[V::I(1), V::I(2), V::I(3), V::I(4)], V::I(1)),
        Opt {
            name: "aspect_ratio",
            required: true,
            values: &[
                V::S("1:1"),
                V::S("9:16"),
                V::S("16:9"),
                V::S("4:3"),
                V::S("3:4"),
                V::S("3:2"),
                V::S("2:3"),
                V::S("21:9"),
            ],
            default: None,
            range: None,
            items: None,
            number: None,
        },
    ],
    rules: &[],
    requires: &[],
    prices: Prices::Listed(&[
        Listed {
            when: &[("num_images", V::I(1))],
            price: Priced::Amount("0.038"), // 0.038 × 1
        },
        Listed {
            when: &[("num_images", V::I(2))],
            price: Priced::Amount("0.076"), // 0.038 × 2
        },
        Listed {
            when: &[("num_images", V::I(3))],
            price: Priced::Amount("0.114"), // 0.038 × 3
        },
        Listed {
            when: &[("num_images", V::I(4))],
            price: Priced::Amount("0.152"), // 0.038 × 4
        },
    ]),
};

/// bytedance/seedream-4.5/edit (`catalog/bytedance__seedream-4.5__edit.md`; whole for options
/// and pricing): "prompt — string, required"; "num_images — int, optional, default 1, options
/// 1, 2, 3, 4, 5, 6"; "image_urls — list, required, images to edit; maximum 10 images";
/// "aspect_ratio — string, required, no default, options 1:1, 9:16, 16:9, 4:3, 3:4, 3:2, 2:3,
/// 21:9". "$0.038 per image": times `num_images`; input images are not said to be billed.
pub const SEEDREAM_4_5_EDIT: Documented = Documented {
    id: "bytedance/seedream-4.5/edit",
    options: &[
        text("prompt"),
        choice(
            "num_images",
            &[V::I(1), V::I(2), V::I(3), V::I(4), V::I(5), V::I(6)],
            V::I(1),
        ),
        list("image_urls", Some(10)),
        Opt {
            name: "aspect_ratio",
            required: true,
            values: &[
                V::S("1:1"),
                V::S("9:16"),
                V::S("16:9"),
                V::S("4:3"),
                V::S("3:4"),
                V::S("3:2"),
                V::S("2:3"),
                V::S("21:9"),
            ],
            default: None,
            range: None,
            items: None,
            number: None,
        },
    ],
    rules: &[],
    requires: &[],
    prices: Prices::Listed(&[
        Listed {
            when: &[("num_images", V::I(1))],
            price: Priced::Amount("0.038"), // 0.038 × 1
        },
        Listed {
            when: &[("num_images", V::I(2))],
            price: Priced::Amount("0.076"), // 0.038 × 2
        },
        Listed {
            when: &[("num_images", V::I(3))],
            price: Priced::Amount("0.114"), // 0.038 × 3
        },
        Listed {
            when: &[("num_images", V::I(4))],
            price: Priced::Amount("0.152"), // 0.038 × 4
        },
        Listed {
            when: &[("num_images", V::I(5))],
            price: Priced::Amount("0.190"), // 0.038 × 5
        },
        Listed {
            when: &[("num_images", V::I(6))],
            price: Priced::Amount("0.228"), // 0.038 × 6
        },
    ]),
};

/// google/nano-banana/edit (`catalog/google__nano-banana__edit.md`; whole for options and
/// pricing): "prompt — string, required"; "num_images — int, optional, default 1, options 1,
/// 2, 3, 4"; "image_urls — list, required, URLs of the images to edit. No count limit stated";
/// "aspect_ratio — string, required, no default, options 9:16, 2:3, 3:4, 4:5, 1:1, 5:4, 4:3,
/// 3:2, 16:9, 21:9". "$0.03 per image": times `num_images`.
pub const NANO_BANANA_EDIT: Documented = Documented {
    id: "google/nano-banana/edit",
    options: &[
        text("prompt"),
        choice("num_images", &[V::I(1), V::I(2), V::I(3), V::I(4)], V::I(1)),
        list("image_urls", None),
        Opt {
            name: "aspect_ratio",
            required: true,
            values: &[
                V::S("9:16"),
                V::S("2:3"),
                V::S("3:4"),
                V::S("4:5"),
                V::S("1:1"),
                V::S("5:4"),
                V::S("4:3"),
                V::S("3:2"),
                V::S("16:9"),
                V::S("21:9"),
            ],
            default: None,
            range: None,
            items: None,
            number: None,
        },
    ],
    rules: &[],
    requires: &[],
    prices: Prices::Listed(&[
        Listed {
            when: &[("num_images", V::I(1))],
            price: Priced::Amount("0.03"), // 0.03 × 1
        },
        Listed {
            when: &[("num_images", V::I(2))],
            price: Priced::Amount("0.06"), // 0.03 × 2
        },
        Listed {
            when: &[("num_images", V::I(3))],
            price: Priced::Amount("0.09"), // 0.03 × 3
        },
        Listed {
            when: &[("num_images", V::I(4))],
            price: Priced::Amount("0.12"), // 0.03 × 4
        },
    ]),
};

/// vidu/vidu-q2/image-to-video (`catalog/vidu__vidu-q2__image-to-video.md`; whole for pricing
/// and the 7 options): "mode — string, required, default pro, options turbo, pro, pro-fast"
/// (required with a default: optional with it); "prompt — string, required"; "duration —
/// string, optional, default 5, Range 1 to 10"; "image — string, required"; "resolution —
/// string, optional, default 720p, options 540p, 720p, 1080p; 540p is not supported in
/// pro-fast mode"; "generate_audio — bool, optional, default false; when true, voice_id is
/// required"; "voice_id — string, optional". Priced "starts at X plus $Y/sec" by mode ×
/// resolution: unclear, no price.
pub const VIDU_Q2_IMAGE_TO_VIDEO: Documented = Documented {
    id: "vidu/vidu-q2/image-to-video",
    options: &[
        choice(
            "mode",
            &[V::S("turbo"), V::S("pro"), V::S("pro-fast")],
            V::S("pro"),
        ),
        text("prompt"),
        choice(
            "duration",
            &[
                V::N(1),
                V::N(2),
                V::N(3),
                V::N(4),
                V::N(5),
                V::N(6),
                V::N(7),
                V::N(8),
                V::N(9),
                V::N(10),
            ],
            V::N(5),
        ),
        text("image"),
        choice(
            "resolution",
            &[V::S("540p"), V::S("720p"), V::S("1080p")],
            V::S("720p"),
        ),
        choice("generate_audio", BOOLS, V::B(false)),
        Opt {
            name: "voice_id",
            required: false,
            values: &[],
            default: None,
            range: None,
            items: None,
            number: None,
        },
    ],
    rules: &[(
        "no_540p_in_pro_fast",
        "540p is not supported in pro-fast mode",
    )],
    // Every mode and resolution but pro-fast at 540p, which the rule forbids.
    requires: &[("voice_id", "generate_audio", V::B(true))],
    prices: Prices::Listed(&[
        Listed {
            when: &[("mode", V::S("turbo"))],
            price: Priced::Unpriced("starts at"),
        },
        Listed {
            when: &[("mode", V::S("pro"))],
            price: Priced::Unpriced("starts at"),
        },
        Listed {
            when: &[("mode", V::S("pro-fast")), ("resolution", V::S("720p"))],
            price: Priced::Unpriced("starts at"),
        },
        Listed {
            when: &[("mode", V::S("pro-fast")), ("resolution", V::S("1080p"))],
            price: Priced::Unpriced("starts at"),
        },
    ]),
};

/// The pages of the price forms (issue 17), each also in [`MODELS`].
pub const NEW_PAGES: [&Documented; 7] = [
    &NANO_BANANA_TEXT_TO_IMAGE,
    &FLUX_1_0_TEXT_TO_IMAGE,
    &VEO_3_1_IMAGE_TO_VIDEO,
    &KLING_O1_VIDEO_TO_VIDEO,
    &SEEDANCE_2_0_OMNI_REFERENCE,
    &VIDU_Q2_TEXT_TO_VIDEO,
    &KLING_O1_IMAGE_TO_VIDEO,
];

/// Every model of the catalog, as `models/README.md` and `catalog/` list them.
pub const MODELS: [&Documented; 24] = [
    &Documented {
        id: "pixverse/pixverse-5.5/text-to-video",
        options: PIXVERSE_TEXT_TO_VIDEO,
        rules: PIXVERSE_RULES,
        requires: &[],
        prices: Prices::Cells(&SEED_CELLS),
    },
    &Documented {
        id: "pixverse/pixverse-5.5/image-to-video",
        options: PIXVERSE_IMAGE_TO_VIDEO,
        rules: PIXVERSE_RULES,
        requires: &[],
        prices: Prices::Cells(&SEED_CELLS),
    },
    &Documented {
        id: "pixverse/pixverse-5.5/transition",
        options: PIXVERSE_TRANSITION,
        rules: PIXVERSE_RULES,
        requires: &[],
        prices: Prices::Cells(&TRANSITION_5_5_CELLS),
    },
    &Documented {
        id: "pixverse/pixverse-6.0/text-to-video",
        options: PIXVERSE_TEXT_TO_VIDEO,
        rules: PIXVERSE_RULES,
        requires: &[],
        prices: Prices::PerSecond {
            rates: &RATES_6_0,
            amounts: &AMOUNTS_6_0,
        },
    },
    &Documented {
        id: "pixverse/pixverse-6.0/image-to-video",
        options: PIXVERSE_IMAGE_TO_VIDEO,
        rules: PIXVERSE_RULES,
        requires: &[],
        prices: Prices::PerSecond {
            rates: &RATES_6_0,
            amounts: &AMOUNTS_6_0,
        },
    },
    &Documented {
        id: "pixverse/pixverse-6.0/transition",
        options: PIXVERSE_TRANSITION,
        rules: PIXVERSE_RULES,
        requires: &[],
        prices: Prices::PerSecond {
            rates: &RATES_6_0,
            amounts: &AMOUNTS_6_0,
        },
    },
    &Documented {
        id: "alibaba/happyhorse-1.0/text-to-video",
        options: HAPPYHORSE_TEXT_TO_VIDEO,
        rules: &[],
        requires: &[],
        prices: Prices::PerWholeSecond {
            by: "resolution",
            rates: &HAPPYHORSE_RATES,
            amounts: &HAPPYHORSE_AMOUNTS,
        },
    },
    &VEO_3_1_IMAGE_TO_VIDEO,
    &KLING_O1_VIDEO_TO_VIDEO,
    &SEEDANCE_2_0_OMNI_REFERENCE,
    &VIDU_Q2_TEXT_TO_VIDEO,
    &KLING_O1_IMAGE_TO_VIDEO,
    &NANO_BANANA_TEXT_TO_IMAGE,
    &FLUX_1_0_TEXT_TO_IMAGE,
    &MIDJOURNEY_V7_TEXT_TO_IMAGE,
    &SEEDREAM_4_5_TEXT_TO_IMAGE,
    &SEEDREAM_4_5_EDIT,
    &NANO_BANANA_EDIT,
    &VIDU_Q2_IMAGE_TO_VIDEO,
    &WAN_2_6_REFERENCE_TO_VIDEO,
    &SEEDANCE_2_0_IMAGE_TO_VIDEO,
    &KLING_2_6_TEXT_TO_VIDEO,
    &KLING_3_0_TEXT_TO_VIDEO,
    &WAN_2_6_TEXT_TO_IMAGE,
];

/// kwaivgi/kling-2.6/text-to-video (`catalog/kwaivgi__kling-2.6__text-to-video.md`): "mode —
/// default pro, options pro"; "prompt — required"; "negative_prompt — optional"; "duration —
/// string, default 5, options 5, 10"; "aspect_ratio — default 16:9, options 16:9, 9:16, 1:1";
/// "cfg_scale — float, optional, no default shown, Range 0 to 1"; "generate_audio — bool,
/// default false". "For every second of generated video, $0.06 with audio off or $0.12 with
/// audio on."
pub const KLING_2_6_TEXT_TO_VIDEO: Documented = Documented {
    id: "kwaivgi/kling-2.6/text-to-video",
    options: &[
        choice("mode", &[V::S("pro")], V::S("pro")),
        text("prompt"),
        Opt {
            name: "negative_prompt",
            required: false,
            values: &[],
            default: None,
            range: None,
            items: None,
            number: None,
        },
        choice("duration", &[V::N(5), V::N(10)], V::N(5)),
        choice(
            "aspect_ratio",
            &[V::S("16:9"), V::S("9:16"), V::S("1:1")],
            V::S("16:9"),
        ),
        Opt {
            name: "cfg_scale",
            required: false,
            values: &[],
            default: None,
            range: None,
            items: None,
            number: Some(("0", "1")),
        },
        choice("generate_audio", BOOLS, V::B(false)),
    ],
    rules: &[],
    requires: &[],
    prices: Prices::Listed(&[
        Listed {
            when: &[("generate_audio", V::B(false)), ("duration", V::N(5))],
            price: Priced::Amount("0.30"), // 0.06 × 5
        },
        Listed {
            when: &[("generate_audio", V::B(false)), ("duration", V::N(10))],
            price: Priced::Amount("0.60"), // 0.06 × 10
        },
        Listed {
            when: &[("generate_audio", V::B(true)), ("duration", V::N(5))],
            price: Priced::Amount("0.60"), // 0.12 × 5
        },
        Listed {
            when: &[("generate_audio", V::B(true)), ("duration", V::N(10))],
            price: Priced::Amount("1.20"), // 0.12 × 10
        },
    ]),
};

/// kwaivgi/kling-3.0/text-to-video (`catalog/kwaivgi__kling-3.0__text-to-video.md`; the
/// stored copy is CUT inside `multi_prompt`'s item field `duration`): "mode — string,
/// required, default pro, options pro, std"; "duration — string, required, default 5, Range 3
/// to 15"; "multi_shot — bool, required, default false"; "shot_type — optional, default
/// intelligence, options customize, intelligence"; "prompt — optional … cannot be empty when
/// multi_shot is false OR when shot_type is 'intelligence'"; "negative_prompt — optional";
/// "multi_prompt — list, optional, enabled when shot_type is 'customize', 1 to 6 shots", each
/// with "duration — int, required".
///
/// Unpriced: "Standard $0.143 / $0.214 per second, Pro $0.190 / $0.286 per second, audio off /
/// on", and the audio input is beyond the cut.
pub const KLING_3_0_TEXT_TO_VIDEO: Documented = Documented {
    id: "kwaivgi/kling-3.0/text-to-video",
    options: &[
        choice("mode", &[V::S("pro"), V::S("std")], V::S("pro")),
        choice(
            "duration",
            &[
                V::N(3),
                V::N(4),
                V::N(5),
                V::N(6),
                V::N(7),
                V::N(8),
                V::N(9),
                V::N(10),
                V::N(11),
                V::N(12),
                V::N(13),
                V::N(14),
                V::N(15),
            ],
            V::N(5),
        ),
        choice("multi_shot", BOOLS, V::B(false)),
        choice(
            "shot_type",
            &[V::S("customize"), V::S("intelligence")],
            V::S("intelligence"),
        ),
        Opt {
            name: "prompt",
            required: false,
            values: &[],
            default: None,
            range: None,
            items: None,
            number: None,
        },
        Opt {
            name: "negative_prompt",
            required: false,
            values: &[],
            default: None,
            range: None,
            items: None,
            number: None,
        },
        Opt {
            name: "multi_prompt",
            required: false,
            values: &[],
            default: None,
            range: None,
            items: Some((1, Some(6))),
            number: None,
        },
    ],
    rules: &[],
    requires: &[
        ("prompt", "multi_shot", V::B(false)),
        ("prompt", "shot_type", V::S("intelligence")),
        ("multi_prompt", "shot_type", V::S("customize")),
    ],
    prices: Prices::Listed(&[Listed {
        when: &[],
        price: Priced::Unpriced("audio"),
    }]),
};

/// bytedance/seedance-2.0/image-to-video (`catalog/bytedance__seedance-2.0__image-to-video.md`):
/// "mode — default std, options std, fast"; "prompt — required"; "duration — int, default 5,
/// range 4 to 15"; "aspect_ratio — default 16:9, options 21:9, 16:9, 9:16, 4:3, 1:1, 3:4";
/// "image_urls — list, required"; "is_first_last_frame — bool" (default cut); `audio_urls`
/// referenced, its entry cut. "Std: $0.24 per second. Fast: $0.20 per second."
pub const SEEDANCE_2_0_IMAGE_TO_VIDEO: Documented = Documented {
    id: "bytedance/seedance-2.0/image-to-video",
    options: &[
        choice("mode", &[V::S("std"), V::S("fast")], V::S("std")),
        text("prompt"),
        choice(
            "duration",
            &[
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
        choice(
            "aspect_ratio",
            &[
                V::S("21:9"),
                V::S("16:9"),
                V::S("9:16"),
                V::S("4:3"),
                V::S("1:1"),
                V::S("3:4"),
            ],
            V::S("16:9"),
        ),
        list("image_urls", None),
        Opt {
            name: "is_first_last_frame",
            required: false,
            values: BOOLS,
            default: None,
            range: None,
            items: None,
            number: None,
        },
        Opt {
            name: "audio_urls",
            required: false,
            values: &[],
            default: None,
            range: None,
            items: Some((0, None)),
            number: None,
        },
    ],
    rules: &[],
    requires: &[],
    prices: Prices::PerWholeSecond {
        by: "mode",
        rates: &[("std", "0.24"), ("fast", "0.20")],
        amounts: &[
            ("std", 4, "0.96"),   // 0.24 × 4
            ("std", 5, "1.20"),   // 0.24 × 5
            ("std", 6, "1.44"),   // 0.24 × 6
            ("std", 7, "1.68"),   // 0.24 × 7
            ("std", 8, "1.92"),   // 0.24 × 8
            ("std", 9, "2.16"),   // 0.24 × 9
            ("std", 10, "2.40"),  // 0.24 × 10
            ("std", 11, "2.64"),  // 0.24 × 11
            ("std", 12, "2.88"),  // 0.24 × 12
            ("std", 13, "3.12"),  // 0.24 × 13
            ("std", 14, "3.36"),  // 0.24 × 14
            ("std", 15, "3.60"),  // 0.24 × 15
            ("fast", 4, "0.80"),  // 0.20 × 4
            ("fast", 5, "1.00"),  // 0.20 × 5
            ("fast", 6, "1.20"),  // 0.20 × 6
            ("fast", 7, "1.40"),  // 0.20 × 7
            ("fast", 8, "1.60"),  // 0.20 × 8
            ("fast", 9, "1.80"),  // 0.20 × 9
            ("fast", 10, "2.00"), // 0.20 × 10
            ("fast", 11, "2.20"), // 0.20 × 11
            ("fast", 12, "2.40"), // 0.20 × 12
            ("fast", 13, "2.60"), // 0.20 × 13
            ("fast", 14, "2.80"), // 0.20 × 14
            ("fast", 15, "3.00"), // 0.20 × 15
        ],
    },
};

/// alibaba/wan-2.6/reference-to-video (`catalog/alibaba__wan-2.6__reference-to-video.md`):
/// "prompt — required; length ≤ 1500"; "negative_prompt — optional; length ≤ 500";
/// "image_urls — optional, 0–5 reference images; images + videos together ≤ 5"; "video_urls —
/// required, 1–3 reference videos"; "duration — int, default 5, options 2 … 10"; "resolution —
/// default 1080p, options 720p, 1080p"; the copy is cut inside `shot_type`.
pub const WAN_2_6_REFERENCE_TO_VIDEO: Documented = Documented {
    id: "alibaba/wan-2.6/reference-to-video",
    options: &[
        text("prompt"),
        Opt {
            name: "negative_prompt",
            required: false,
            values: &[],
            default: None,
            range: None,
            items: None,
            number: None,
        },
        Opt {
            name: "image_urls",
            required: false,
            values: &[],
            default: None,
            range: None,
            items: Some((0, Some(5))),
            number: None,
        },
        list("video_urls", Some(3)),
        choice(
            "duration",
            &[
                V::I(2),
                V::I(3),
                V::I(4),
                V::I(5),
                V::I(6),
                V::I(7),
                V::I(8),
                V::I(9),
                V::I(10),
            ],
            V::I(5),
        ),
        choice("resolution", &[V::S("720p"), V::S("1080p")], V::S("1080p")),
    ],
    rules: &[],
    requires: &[],
    prices: Prices::PerWholeSecond {
        by: "resolution",
        rates: &[("720p", "0.085"), ("1080p", "0.128")],
        amounts: &[
            ("720p", 2, "0.170"),   // 0.085 × 2
            ("720p", 3, "0.255"),   // 0.085 × 3
            ("720p", 4, "0.340"),   // 0.085 × 4
            ("720p", 5, "0.425"),   // 0.085 × 5
            ("720p", 6, "0.510"),   // 0.085 × 6
            ("720p", 7, "0.595"),   // 0.085 × 7
            ("720p", 8, "0.680"),   // 0.085 × 8
            ("720p", 9, "0.765"),   // 0.085 × 9
            ("720p", 10, "0.850"),  // 0.085 × 10
            ("1080p", 2, "0.256"),  // 0.128 × 2
            ("1080p", 3, "0.384"),  // 0.128 × 3
            ("1080p", 4, "0.512"),  // 0.128 × 4
            ("1080p", 5, "0.640"),  // 0.128 × 5
            ("1080p", 6, "0.768"),  // 0.128 × 6
            ("1080p", 7, "0.896"),  // 0.128 × 7
            ("1080p", 8, "1.024"),  // 0.128 × 8
            ("1080p", 9, "1.152"),  // 0.128 × 9
            ("1080p", 10, "1.280"), // 0.128 × 10
        ],
    },
};

/// The text limits the pages state, refused past them: `(model, field, most characters)`.
pub const TEXT_LIMITS: [(&str, &str, usize); 2] = [
    ("alibaba/wan-2.6/reference-to-video", "prompt", 1500),
    ("alibaba/wan-2.6/reference-to-video", "negative_prompt", 500),
];

/// The limits on several lists counted together: `(model, id, lists, most items)`. Wan 2.6
/// reference-to-video: "images + videos together ≤ 5"; Seedance 2.0 image-to-video: "the count
/// of image_urls plus audio_urls must be at most 12".
pub const TOTALS: [(&str, &str, &[&str], usize); 2] = [
    (
        "alibaba/wan-2.6/reference-to-video",
        "five_references_at_most",
        &["image_urls", "video_urls"],
        5,
    ),
    (
        "bytedance/seedance-2.0/image-to-video",
        "twelve_references_at_most",
        &["image_urls", "audio_urls"],
        12,
    ),
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

/// Where each page's rule is reported and what it says, by hand: the last of its options in
/// page order, the message with the values, and the values of that option the rule leaves
/// (the rest as given).
pub fn forbidden_at(rule: &str) -> (&'static str, &'static str, &'static str) {
    match rule {
        RULE_ID => (
            "duration",
            "1080p is not supported for 10s videos (resolution = \"1080p\", duration = \"10\")",
            "duration may be \"5\", \"8\"",
        ),
        "no_540p_in_pro_fast" => (
            "resolution",
            "540p is not supported in pro-fast mode (mode = \"pro-fast\", resolution = \"540p\")",
            "resolution may be \"720p\", \"1080p\"",
        ),
        other => panic!("no hand-written place for rule {other}"),
    }
}

/// The page of `id`.
pub fn documented(id: &str) -> &'static Documented {
    MODELS
        .iter()
        .copied()
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
            Prices::Listed(_) => match self.listed(&get)?.price {
                Priced::Amount(amount) => Some(amount),
                Priced::Measured { .. } | Priced::Unpriced(_) => None,
            },
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
            Prices::Listed(entries) => entries.len(),
        }
    }

    /// The documented outcome of a [`Prices::Listed`] page for the option values `get` gives:
    /// the one entry whose values all match; `None` for a page of another form.
    pub fn listed(&self, get: impl Fn(&str) -> Option<V>) -> Option<&'static Listed> {
        let Prices::Listed(entries) = &self.prices else {
            return None;
        };
        let found: Vec<&Listed> = entries
            .iter()
            .filter(|e| e.when.iter().all(|(name, v)| get(name) == Some(*v)))
            .collect();
        assert!(
            found.len() <= 1,
            "{}: {} entries of the transcription apply at once",
            self.id,
            found.len()
        );
        found.first().copied()
    }

    /// What the page says of the price of `selection`'s options ([`Prices::Listed`] pages).
    pub fn listed_of(&self, selection: &Selection) -> Option<&'static Listed> {
        self.listed(|name| selection.get(name).map(V::of))
    }

    /// The option named `name`.
    pub fn option(&self, name: &str) -> Option<&'static Opt> {
        self.options.iter().find(|o| o.name == name)
    }

    /// The required free-text inputs, in page order.
    pub fn texts(&self) -> Vec<&'static str> {
        self.options
            .iter()
            .filter(|o| o.values.is_empty() && o.range.is_none() && o.items.is_none() && o.required)
            .map(|o| o.name)
            .collect()
    }

    /// The fields the page's conditional requirements add for the option values `get` gives
    /// (an option `get` leaves out at its default): `voice_id` when `generate_audio` is true.
    pub fn required_by(&self, get: &impl Fn(&str) -> Option<V>) -> Vec<&'static str> {
        let mut fields: Vec<&'static str> = Vec::new();
        let applying = self.requires.iter().filter(|(_, option, value)| {
            get(option).or_else(|| self.option(option).and_then(|o| o.default)) == Some(*value)
        });
        // Each field once, however many requirements ask for it (Kling 3.0's prompt).
        for (field, _, _) in applying {
            if !fields.contains(field) {
                fields.push(field);
            }
        }
        fields
    }

    /// [`required_by`](Self::required_by) as JSON values: free text as `"a NAME"`, and a
    /// list of shots as one item whose duration is the whole task's ([`SUMMED_ITEMS`]).
    pub fn required_by_json(&self, get: impl Fn(&str) -> Option<V>) -> Vec<(&'static str, String)> {
        self.required_by(&get)
            .into_iter()
            .map(|field| {
                let summed = SUMMED_ITEMS
                    .iter()
                    .find(|(id, list, _, _)| *id == self.id && *list == field);
                match summed {
                    Some((_, _, item_field, equals)) => {
                        let n = match get(equals)
                            .or_else(|| self.option(equals).and_then(|o| o.default))
                        {
                            Some(V::N(n) | V::I(n)) => n,
                            other => panic!("{}: {equals} is {other:?}", self.id),
                        };
                        (field, format!("[{{\"{item_field}\":{n}}}]"))
                    }
                    None => (field, format!("\"a {field}\"")),
                }
            })
            .collect()
    }

    /// The required options the page gives values and no default (`aspect_ratio` of the
    /// image models), each with its first value: what a request must add to its texts.
    pub fn required_choices(&self) -> Vec<(&'static str, V)> {
        self.options
            .iter()
            .filter(|o| o.required && !o.values.is_empty())
            .map(|o| (o.name, o.values[0]))
            .collect()
    }

    /// The required lists, each with as JSON the fewest items it takes (URLs): what a request
    /// must add to its texts.
    pub fn required_lists(&self) -> Vec<(&'static str, String)> {
        self.options
            .iter()
            .filter_map(|o| match o.items {
                // Two items where the list takes two (Kling O1's one frame narrows its
                // duration, a limit tests/check.rs walks), else its fewest.
                Some((min, max)) if o.required => {
                    let n = min.max(max.map_or(2, |m| m.min(2)));
                    let items: Vec<String> = (0..n)
                        .map(|k| format!("\"https://example.com/{k}.png\""))
                        .collect();
                    Some((o.name, format!("[{}]", items.join(","))))
                }
                _ => None,
            })
            .collect()
    }

    /// Every required input, free text and choices, in page order.
    pub fn required(&self) -> Vec<&'static str> {
        self.options
            .iter()
            .filter(|o| o.required)
            .map(|o| o.name)
            .collect()
    }

    /// Every combination of the values of the options that have values (a wide range: its
    /// edges and default), in page order (the first option varying slowest), as `(name,
    /// value)` lists.
    pub fn combinations(&self) -> Vec<Vec<(&'static str, V)>> {
        let mut out = vec![Vec::new()];
        for o in self.options.iter() {
            let values: Vec<V> = match (o.range, o.default) {
                (Some((min, max)), Some(d)) => vec![V::I(min), d, V::I(max)],
                _ => o.values.to_vec(),
            };
            if values.is_empty() {
                continue;
            }
            out = out
                .into_iter()
                .flat_map(|c| {
                    values.clone().into_iter().map(move |v| {
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

/// What a page says of one request's price, as the crate must say it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    /// This exact amount, with these digits.
    Amount(&'static str),
    /// A rate per unit of a quantity still to be measured, with the bounds (where known).
    Estimate {
        rate: &'static str,
        unit: &'static str,
        min: Option<&'static str>,
        max: Option<&'static str>,
    },
    /// No price: the reason contains this phrase.
    Unpriced(&'static str),
    /// A rule of the page forbids the combination: the rule's id (as the spec names it).
    Forbidden(&'static str),
}

impl Documented {
    /// What the page says of the option values `get` gives, with a measured quantity
    /// `(name, value)` if one is given (for a page that measures one, its value must be among
    /// the hand-worked ones: [`measured_values`](Self::measured_values)).
    pub fn expected(
        &self,
        get: impl Fn(&str) -> Option<V>,
        measured: Option<(&str, &str)>,
    ) -> Expected {
        let Prices::Listed(_) = &self.prices else {
            return self
                .price(get)
                .map_or(Expected::Forbidden(RULE_ID), Expected::Amount);
        };
        let Some(entry) = self.listed(&get) else {
            let [(rule, _)] = self.rules else {
                panic!(
                    "{}: a forbidden combination of a page with one rule",
                    self.id
                )
            };
            return Expected::Forbidden(rule);
        };
        match (&entry.price, measured) {
            (Priced::Amount(a), _) => Expected::Amount(a),
            (Priced::Unpriced(phrase), _) => Expected::Unpriced(phrase),
            (
                Priced::Measured {
                    rate,
                    unit,
                    min,
                    max,
                    ..
                },
                None,
            ) => Expected::Estimate {
                rate,
                unit,
                min: *min,
                max: *max,
            },
            (Priced::Measured { at, .. }, Some((name, value))) => at
                .iter()
                .find(|a| a.0 == name && a.1 == value)
                .map(|a| Expected::Amount(a.2))
                .unwrap_or_else(|| panic!("{}: {name} = {value} is not worked out", self.id)),
        }
    }

    /// [`expected`](Self::expected) for `selection`'s values.
    pub fn expected_of(&self, selection: &Selection, measured: Option<(&str, &str)>) -> Expected {
        self.expected(|name| selection.get(name).map(V::of), measured)
    }

    /// [`measured_values`](Self::measured_values) for `selection`'s values.
    pub fn measured_values_of(&self, selection: &Selection) -> Vec<(&'static str, &'static str)> {
        self.measured_values(|name| selection.get(name).map(V::of))
    }

    /// The measured quantities worked out by hand for the option values `get` gives:
    /// `(quantity, value)`; none for a page that measures nothing.
    pub fn measured_values(
        &self,
        get: impl Fn(&str) -> Option<V>,
    ) -> Vec<(&'static str, &'static str)> {
        match self.listed(get).map(|e| &e.price) {
            Some(Priced::Measured { at, .. }) => at.iter().map(|a| (a.0, a.1)).collect(),
            _ => Vec::new(),
        }
    }
}

/// Asserts that `outcome` says what the page says (`expected`); `what` names the case.
pub fn assert_outcome(expected: Expected, outcome: &Result<Quote, QuoteError>, what: &str) {
    match (expected, outcome) {
        (Expected::Amount(a), Ok(q)) => {
            // The documented scale is kept: "0.340", not "0.34".
            assert_eq!(q.amount().to_string(), a, "{what}");
            assert_eq!(q.currency(), "USD", "{what}");
        }
        (
            Expected::Estimate {
                rate,
                unit,
                min,
                max,
            },
            Err(QuoteError::NeedsUsage(e)),
        ) => {
            assert_eq!(e.rate().to_string(), rate, "{what}");
            assert_eq!(e.unit(), unit, "{what}");
            assert_eq!(e.min().map(|m| m.to_string()).as_deref(), min, "{what}");
            assert_eq!(e.max().map(|m| m.to_string()).as_deref(), max, "{what}");
        }
        (Expected::Unpriced(phrase), Err(QuoteError::Unpriced(u))) => {
            assert!(u.reason().contains(phrase), "{what}: {}", u.reason());
        }
        (Expected::Forbidden(rule), Err(QuoteError::Unsupported(u))) => {
            assert_eq!(u.rule().id, rule, "{what}");
        }
        (expected, got) => panic!("{what}: expected {expected:?}, got {got:?}"),
    }
}

/// alibaba/wan-2.6/text-to-image (`catalog/alibaba__wan-2.6__text-to-image.md`; the stored copy
/// is whole for options and pricing): "prompt — string, required; length ≤ 2100 characters";
/// "negative_prompt — string, optional; length ≤ 500"; "num_images — int, optional, default 1,
/// options 1, 2, 3, 4"; "width — int, optional, no default shown, range 640 to 2880" and
/// "height" the same, with the "joint rule: total pixels (width × height) between 1280 × 1280
/// and 1440 × 1440; aspect ratio within 1:4 to 4:1" (the walks leave both out: no default);
/// "prompt_extend — bool, optional, default false". "$0.026 per image": times `num_images`. No
/// forbidden combination.
pub const WAN_2_6_TEXT_TO_IMAGE: Documented = Documented {
    id: "alibaba/wan-2.6/text-to-image",
    options: &[
        text("prompt"),
        Opt {
            name: "negative_prompt",
            required: false,
            values: &[],
            default: None,
            range: None,
            items: None,
            number: None,
        },
        choice("num_images", &[V::I(1), V::I(2), V::I(3), V::I(4)], V::I(1)),
        Opt {
            name: "width",
            required: false,
            values: &[],
            default: None,
            range: Some((640, 2880)),
            items: None,
            number: None,
        },
        Opt {
            name: "height",
            required: false,
            values: &[],
            default: None,
            range: Some((640, 2880)),
            items: None,
            number: None,
        },
        choice("prompt_extend", BOOLS, V::B(false)),
    ],
    rules: &[],
    requires: &[],
    prices: Prices::Listed(&[
        // "$0.026 per image."
        Listed {
            when: &[("num_images", V::I(1))],
            price: Priced::Amount("0.026"), // 0.026 × 1
        },
        Listed {
            when: &[("num_images", V::I(2))],
            price: Priced::Amount("0.052"), // 0.026 × 2
        },
        Listed {
            when: &[("num_images", V::I(3))],
            price: Priced::Amount("0.078"), // 0.026 × 3
        },
        Listed {
            when: &[("num_images", V::I(4))],
            price: Priced::Amount("0.104"), // 0.026 × 4
        },
    ]),
};
