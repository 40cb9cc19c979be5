//! The `shortapi-pricing` binary (feature `cli`) run as a process, for every model of the
//! catalog: `quote` and `check` from flags (`--model`, option flags made from the specs), `--json`,
//! stdin and JSONL logs that mix models (per-line verdicts, exact subtotals per model and the
//! exact grand total); the price forms beyond an exact amount: a rate times a measured quantity
//! (an estimate with its bounds without it, the exact quote with `--usage` or a `{"request",
//! "usage"}` line), a page that gives no price (`unpriced`, exit 1; `check` accepts it), and a
//! page whose stored copy is cut (a field it does not document passes); an option a page
//! requires and gives no default (`missing_field` unless given; `quote` from flags prices
//! without it), an integer limited to listed values, a price per image × `num_images` and one
//! per request whatever `num_images` asks; a required list of texts (the images an
//! image-to-image page edits: a JSON array, or a flag repeated per item; its item count and
//! each item judged, `quote` pricing without it); a limit on lists counted together (Wan 2.6
//! reference-to-video's reference images and videos, Kling O1 video-to-video's images and
//! elements: `too_many_in_total`); a narrower item
//! count for a list while an option has a value (Seedance 2.0 image-to-video's first/last-frame
//! mode: `too_many_items` naming the condition); a choice narrowed while options hold values
//! (Kling O1 image-to-video's duration, 5 or 10 with action frame and one image:
//! `invalid_value` naming the values allowed); a list of objects and conditional requirements
//! (Kling 3.0 text-to-video's shots, each flag one JSON object, and its prompt required only
//! under conditions; Kling O1's elements, each with its required frontal image); two optional
//! integers bounded together (Wan 2.6 text-to-image's width × height and width : height,
//! judged when both are given: `product_out_of_range`, `ratio_out_of_range`); `models`
//! (json, text);
//! `table` (csv, json; every documented amount, rate and unpriced row, and the CSV joined in
//! DuckDB to a mixed-model usage table, measured seconds included, to the exact total);
//! `reconcile` for every model (a measured charge within or outside its bounds); `request` and
//! its round trip through `quote`; `schema` (args, request, response, both dialects); help,
//! version, and the exit codes (0 valid, 1 rejected or unpriced, 2 usage or I/O error).
//!
//! Every expected amount, rate and bound is transcribed by hand from `../shared/models/README.md`,
//! the seed page `../shared/seeds/000_87965f2f1b8a28c7.txt` and the facts files of
//! `../shared/catalog/` (most through `common/documented.rs`), never read back from `spec/` or
//! the library; an unpriced reason is checked for the page's words and against the other
//! outputs of the CLI. Money is compared as decimal strings, or as `rust_decimal::Decimal`,
//! never as `f64`.
//!
//! The DuckDB test runs Python's `duckdb` module, pinned to [`DUCKDB_VERSION`]; when the
//! interpreter lacks that version, it is installed once with `python3 -m pip install --target
//! $CARGO_TARGET_TMPDIR/py-duckdb-<version>`.

#![cfg(feature = "cli")]

#[allow(dead_code)]
#[path = "common/documented.rs"]
mod documented;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::str::FromStr;

use documented::SEED_CELLS;
use rust_decimal::Decimal;
use serde::de::{Deserialize, Deserializer, Error as _, MapAccess, SeqAccess, Visitor};
use serde_json::{json, Map, Value};

const BIN: &str = env!("CARGO_BIN_EXE_shortapi-pricing");

const T2V_55: &str = "pixverse/pixverse-5.5/text-to-video";
const I2V_55: &str = "pixverse/pixverse-5.5/image-to-video";
const TRANSITION_55: &str = "pixverse/pixverse-5.5/transition";
const T2V_60: &str = "pixverse/pixverse-6.0/text-to-video";
const I2V_60: &str = "pixverse/pixverse-6.0/image-to-video";
const TRANSITION_60: &str = "pixverse/pixverse-6.0/transition";
const HAPPYHORSE: &str = "alibaba/happyhorse-1.0/text-to-video";
const KLING_I2V: &str = "kwaivgi/kling-o1/image-to-video";
const KLING_V2V: &str = "kwaivgi/kling-o1/video-to-video";
const SEEDANCE: &str = "bytedance/seedance-2.0/omni-reference";
const VEO: &str = "google/veo-3.1/image-to-video";
const VIDU: &str = "vidu/vidu-q2/text-to-video";
const VIDU_I2V: &str = "vidu/vidu-q2/image-to-video";
const NANO_BANANA: &str = "google/nano-banana/text-to-image";
const FLUX: &str = "shortapi/flux-1.0/text-to-image";
const MIDJOURNEY: &str = "midjourney/midjourney-v7/text-to-image";
const SEEDREAM: &str = "bytedance/seedream-4.5/text-to-image";
const SEEDREAM_EDIT: &str = "bytedance/seedream-4.5/edit";
const NANO_BANANA_EDIT: &str = "google/nano-banana/edit";
const WAN_R2V: &str = "alibaba/wan-2.6/reference-to-video";
const SEEDANCE_I2V: &str = "bytedance/seedance-2.0/image-to-video";
const KLING_26_T2V: &str = "kwaivgi/kling-2.6/text-to-video";
const KLING_30_T2V: &str = "kwaivgi/kling-3.0/text-to-video";
const WAN_T2I: &str = "alibaba/wan-2.6/text-to-image";

const TEXT_TO_VIDEO: &[&str] = &[
    "prompt",
    "resolution",
    "duration",
    "aspect_ratio",
    "generate_audio",
    "multi_shot",
];
const IMAGE_TO_VIDEO: &[&str] = &[
    "prompt",
    "image",
    "resolution",
    "duration",
    "aspect_ratio",
    "generate_audio",
    "multi_shot",
];
const HAPPYHORSE_OPTIONS: &[&str] = &["prompt", "resolution", "ratio", "duration"];
const TRANSITION: &[&str] = &[
    "prompt",
    "image",
    "image_tail",
    "resolution",
    "duration",
    "aspect_ratio",
    "generate_audio",
];

/// The options of the five pages of `catalog/` added beside PixVerse and HappyHorse, in page
/// order as their facts files list them, as far as their stored copies go. Kling O1's lists
/// are options too: image-to-video's "images: list, required" and "elements: list, optional"
/// (the copy cut inside the latter's item field `reference_image_urls`), video-to-video's
/// "images: list, optional" and "elements: list, optional" before `keep_audio` (where its copy
/// ends): [`LISTS`], [`ELEMENTS`].
const KLING_I2V_OPTIONS: &[&str] = &["mode", "action", "prompt", "duration", "images", "elements"];
const KLING_V2V_OPTIONS: &[&str] = &[
    "mode",
    "action",
    "prompt",
    "video",
    "images",
    "elements",
    "keep_audio",
];
const SEEDANCE_OPTIONS: &[&str] = &["mode", "prompt", "duration", "aspect_ratio", "video_url"];
const VEO_OPTIONS: &[&str] = &[
    "mode",
    "prompt",
    "image",
    "duration",
    "aspect_ratio",
    "resolution",
    "generate_audio",
];
const VIDU_OPTIONS: &[&str] = &["prompt", "duration", "aspect_ratio", "resolution"];
/// Vidu Q2 image-to-video's seven options, in page order as its facts file lists them (whole
/// page; `voice_id` optional free text, required only when `generate_audio` is true).
const VIDU_I2V_OPTIONS: &[&str] = &[
    "mode",
    "prompt",
    "duration",
    "image",
    "resolution",
    "generate_audio",
    "voice_id",
];

/// The options of the four text-to-image pages with an aspect ratio, in page order as their
/// facts files list them (Wan 2.6 text-to-image's, with a width and a height instead:
/// [`WAN_T2I_OPTIONS`]).
const NANO_BANANA_OPTIONS: &[&str] = &["prompt", "num_images", "aspect_ratio"];
const FLUX_OPTIONS: &[&str] = &["prompt", "num_images", "aspect_ratio", "performance"];
const MIDJOURNEY_OPTIONS: &[&str] = &[
    "mode",
    "prompt",
    "negative_prompt",
    "aspect_ratio",
    "performance",
    "stylization",
    "chaos",
    "weirdness",
];
const SEEDREAM_OPTIONS: &[&str] = &["prompt", "num_images", "aspect_ratio"];

/// The options of the two image-to-image pages, in page order as their facts files list them.
const SEEDREAM_EDIT_OPTIONS: &[&str] = &["prompt", "num_images", "image_urls", "aspect_ratio"];
const NANO_BANANA_EDIT_OPTIONS: &[&str] = &["prompt", "num_images", "image_urls", "aspect_ratio"];

/// The options of Wan 2.6 reference-to-video, in page order as its facts file lists them, as
/// far as its stored copy goes (it is cut inside `shot_type`, the seventh, not transcribed).
const WAN_R2V_OPTIONS: &[&str] = &[
    "prompt",
    "negative_prompt",
    "image_urls",
    "video_urls",
    "duration",
    "resolution",
];

/// The options of Seedance 2.0 image-to-video, in page order as its facts file lists them, as
/// far as its stored copy goes: it is cut inside `is_first_last_frame`, the sixth; `audio_urls`,
/// beyond the cut, is named by the page twice (its count with the images' at most 12; empty in
/// first/last-frame mode), so the spec has it last.
const SEEDANCE_I2V_OPTIONS: &[&str] = &[
    "mode",
    "prompt",
    "duration",
    "aspect_ratio",
    "image_urls",
    "is_first_last_frame",
    "audio_urls",
];

/// The options of Kling 2.6 text-to-video, in page order as its facts file lists them (whole
/// page, 7 parameters).
const KLING_26_T2V_OPTIONS: &[&str] = &[
    "mode",
    "prompt",
    "negative_prompt",
    "duration",
    "aspect_ratio",
    "cfg_scale",
    "generate_audio",
];

/// The options of Kling 3.0 text-to-video, in page order as its facts file lists them, as far
/// as its stored copy goes (7 top-level parameters; it is cut inside `multi_prompt`'s item field
/// `duration`, the last): `mode`, `duration` and `multi_shot` "required" with a default
/// (optional with it), `prompt` optional but for its conditions ([`REQUIREMENTS`]), and the
/// shots a list of objects ([`OBJECT_LISTS`]).
const KLING_30_T2V_OPTIONS: &[&str] = &[
    "mode",
    "duration",
    "multi_shot",
    "shot_type",
    "prompt",
    "negative_prompt",
    "multi_prompt",
];

/// The options of Wan 2.6 text-to-image, in page order as its facts file lists them (whole
/// page, "Option count: 6"): the prompt required ("≤ 2100 characters"), the negative prompt
/// optional ("≤ 500"), `num_images` "options 1, 2, 3, 4" (default 1), `width` and `height`
/// optional integers with no default ([`OPTIONAL_INTEGERS`]) bounded together
/// ([`WAN_T2I_RELATIONS`]), `prompt_extend` a bool (default false).
const WAN_T2I_OPTIONS: &[&str] = &[
    "prompt",
    "negative_prompt",
    "num_images",
    "width",
    "height",
    "prompt_extend",
];

/// Every model with its options in page order (models/README.md, catalog/), in the order the
/// CLI lists models: by the spec's file name, the id after its vendor (so `bytedance/seedance…`
/// comes after `pixverse/…`, `kwaivgi/kling-2.6…` and `kwaivgi/kling-3.0…` before
/// `kwaivgi/kling-o1…`, `shortapi/flux…` first and `alibaba/wan…` last).
// 24 models: the 23 before, and Wan 2.6 text-to-image (`wan-2.6-text-to-image.toml`, after
// `wan-2.6-reference-to-video.toml`).
const MODELS: [(&str, &[&str]); 24] = [
    (FLUX, FLUX_OPTIONS),
    (HAPPYHORSE, HAPPYHORSE_OPTIONS),
    (KLING_26_T2V, KLING_26_T2V_OPTIONS),
    (KLING_30_T2V, KLING_30_T2V_OPTIONS),
    (KLING_I2V, KLING_I2V_OPTIONS),
    (KLING_V2V, KLING_V2V_OPTIONS),
    (MIDJOURNEY, MIDJOURNEY_OPTIONS),
    (NANO_BANANA_EDIT, NANO_BANANA_EDIT_OPTIONS),
    (NANO_BANANA, NANO_BANANA_OPTIONS),
    (I2V_55, IMAGE_TO_VIDEO),
    (T2V_55, TEXT_TO_VIDEO),
    (TRANSITION_55, TRANSITION),
    (I2V_60, IMAGE_TO_VIDEO),
    (T2V_60, TEXT_TO_VIDEO),
    (TRANSITION_60, TRANSITION),
    (SEEDANCE_I2V, SEEDANCE_I2V_OPTIONS),
    (SEEDANCE, SEEDANCE_OPTIONS),
    (SEEDREAM_EDIT, SEEDREAM_EDIT_OPTIONS),
    (SEEDREAM, SEEDREAM_OPTIONS),
    (VEO, VEO_OPTIONS),
    (VIDU_I2V, VIDU_I2V_OPTIONS),
    (VIDU, VIDU_OPTIONS),
    (WAN_R2V, WAN_R2V_OPTIONS),
    (WAN_T2I, WAN_T2I_OPTIONS),
];

/// The models whose stored page is cut inside its options (catalog/: "INCOMPLETE"): the last
/// option transcribed is where the copy ends (for Seedance 2.0 image-to-video
/// `is_first_last_frame`, before the `audio_urls` the page names: [`cut_after`]; for Kling 3.0
/// text-to-video `multi_prompt`, inside its item field `duration`; for Kling O1 image-to-video
/// `elements`, inside its item field `reference_image_urls`), and a field the page does not
/// document passes.
// 6 pages: the 5 before, and Kling 3.0 text-to-video.
const CUT_PAGES: [&str; 6] = [
    KLING_30_T2V,
    KLING_I2V,
    KLING_V2V,
    SEEDANCE_I2V,
    SEEDANCE,
    WAN_R2V,
];

/// Where the stored copy of a cut page ends ([`CUT_PAGES`]): after its last option, except
/// Seedance 2.0 image-to-video's, cut inside `is_first_last_frame` (facts file: "text stops at
/// ...the input value will not take effec"), its `audio_urls` beyond the cut; `None` for a
/// whole page.
fn cut_after(id: &str) -> Option<&'static str> {
    if !CUT_PAGES.contains(&id) {
        return None;
    }
    if id == SEEDANCE_I2V {
        return Some("is_first_last_frame");
    }
    options_of(id).last().copied()
}

/// The required free-text inputs any model has, with a value for each as a flag.
const FREE_TEXT: [(&str, &str); 5] = [
    ("prompt", "--prompt p"),
    ("image", "--image https://e.com/a.png"),
    ("image_tail", "--image-tail https://e.com/b.png"),
    ("video", "--video https://e.com/v.mp4"),
    ("video_url", "--video-url https://e.com/v.mp4"),
];

/// The free text of [`FREE_TEXT`] a page does not require: Kling 3.0 text-to-video's prompt
/// (facts file: "prompt: string, optional"; it "cannot be empty when `multi_shot` is false OR
/// when `shot_type` is 'intelligence'": required only under those conditions,
/// [`REQUIREMENTS`]).
const OPTIONAL_FREE_TEXT: [(&str, &str); 1] = [(KLING_30_T2V, "prompt")];

/// The options a page requires and gives no default (catalog/: "required, no default shown"),
/// with the values it lists, in page order: `aspect_ratio` of the four text-to-image pages with
/// one (not Wan 2.6 text-to-image, sized by its optional width and height: [`OPTIONAL_INTEGERS`])
/// and of the two image-to-image pages, in the order the CLI lists models. Left out, a request is
/// refused (`missing_field`).
const NO_DEFAULT: [(&str, &str, &[&str]); 6] = [
    (
        FLUX,
        "aspect_ratio",
        &["1:1", "9:16", "16:9", "4:3", "3:4", "3:2", "2:3", "21:9"],
    ),
    (
        MIDJOURNEY,
        "aspect_ratio",
        &[
            "9:16", "2:3", "3:4", "4:5", "5:6", "1:1", "6:5", "5:4", "4:3", "3:2", "16:9",
        ],
    ),
    (
        NANO_BANANA_EDIT,
        "aspect_ratio",
        &[
            "9:16", "2:3", "3:4", "4:5", "1:1", "5:4", "4:3", "3:2", "16:9", "21:9",
        ],
    ),
    (
        NANO_BANANA,
        "aspect_ratio",
        &[
            "9:16", "2:3", "3:4", "4:5", "1:1", "5:4", "4:3", "3:2", "16:9", "21:9",
        ],
    ),
    (
        SEEDREAM_EDIT,
        "aspect_ratio",
        &["1:1", "9:16", "16:9", "4:3", "3:4", "3:2", "2:3", "21:9"],
    ),
    (
        SEEDREAM,
        "aspect_ratio",
        &["1:1", "9:16", "16:9", "4:3", "3:4", "3:2", "2:3", "21:9"],
    ),
];

/// The lists of text the pages document (catalog/: "list"), in the order the CLI lists models
/// and options: `(model, option, required, fewest items, most items)` (`None`: the page states
/// no limit). Kling O1 image-to-video's images, "list, required", and video-to-video's, "list,
/// optional", with no count of their own: each with the model's `elements` ([`ELEMENTS`]) at
/// most 7 ([`KLING_I2V_TOTAL`]) and at most 4 ([`KLING_V2V_TOTAL`]), so alone at most as many.
/// The images to edit of the two image-to-image pages, "list, required": "maximum 10
/// images" for Seedream 4.5 edit, "No count limit stated" for Nano Banana edit; Seedance 2.0
/// image-to-video's reference images, "list, required" with no count of their own, and its
/// reference audio, beyond the cut, optional with none (together at most 12:
/// [`SEEDANCE_I2V_TOTAL`]; narrower in first/last-frame mode: [`SEEDANCE_I2V_LIMITS`]); Wan 2.6
/// reference-to-video's reference images, "list, optional, 0–5", and reference videos, "list,
/// required, 1–3" (together at most 5: [`WAN_R2V_TOTAL`]). A list is given as a JSON array of
/// strings, from flags by repeating the flag.
const LISTS: [(&str, &str, bool, u64, Option<u64>); 8] = [
    // "images: list, required"; with elements at most 7.
    (KLING_I2V, "images", true, 1, Some(7)),
    // "images: list, optional"; with elements at most 4.
    (KLING_V2V, "images", false, 0, Some(4)),
    (NANO_BANANA_EDIT, "image_urls", true, 1, None),
    (SEEDANCE_I2V, "image_urls", true, 1, None),
    (SEEDANCE_I2V, "audio_urls", false, 0, None),
    (SEEDREAM_EDIT, "image_urls", true, 1, Some(10)),
    (WAN_R2V, "image_urls", false, 0, Some(5)),
    (WAN_R2V, "video_urls", true, 1, Some(3)),
];

/// The lists of objects with an integer item field the pages document, in the order the CLI
/// lists models and options ([`ObjectList`]), the item field required (Kling O1's `elements`,
/// of text fields: [`ELEMENTS`]). Kling 3.0 text-to-video's shots (facts file: "multi_prompt: list,
/// optional … Number of shots: 1 to 6"), each with "duration: int, required" (cut at "Must be
/// gr"; the image-to-video page's copy reads "greater than or equal to 1"; the shots add up to
/// the total `duration`, at most 15, so no shot is longer), the item fields after it beyond the
/// cut (they pass). A list of objects is given as a JSON array of objects, from flags by
/// repeating the flag, one JSON object each.
const OBJECT_LISTS: [ObjectList; 1] =
    [(KLING_30_T2V, "multi_prompt", false, 1, 6, "duration", 1, 15)];

/// A list of objects of [`OBJECT_LISTS`]: `(model, option, required, fewest items, most items,
/// item field, its least, its most)`.
type ObjectList = (
    &'static str,
    &'static str,
    bool,
    u64,
    u64,
    &'static str,
    i64,
    i64,
);

/// The two Kling O1 pages' elements, lists of objects (facts files: "elements: list, optional,
/// elements for the generation", each with "nested item field `frontal_image_url`: string,
/// required" and "nested item field `reference_image_urls`: list, optional", no count stated
/// for the latter), in the order the CLI lists models: `(model, option, most items, open)`.
/// Neither list of elements states a count of its own; with the model's `images` it takes at most 7
/// (image-to-video: "The number of images in `images` + `elements` must not exceed 7",
/// [`KLING_I2V_TOTAL`]) or 4 (video-to-video: "... must not exceed 4", [`KLING_V2V_TOTAL`]), so
/// alone at most as many. Image-to-video's copy is cut inside `reference_image_urls` ("Additional
/// reference images from diffe"): an element's field after it may exist, so its items are open
/// (such a field passes); video-to-video's copy goes on past `elements` (to `keep_audio`), so
/// its items are closed.
const ELEMENTS: [(&str, &str, u64, bool); 2] = [
    (KLING_I2V, "elements", 7, true),
    (KLING_V2V, "elements", 4, false),
];

/// How `models --format text` describes a Kling O1 page's elements of at most `most` items
/// ([`ELEMENTS`]): optional, each a JSON object with its required frontal image and its
/// optional array of reference images; the flags' help says the same after its `list: `.
fn elements_text(most: u64) -> String {
    format!(
        "list: a list of 0 to {most} objects, each flag one JSON object {{frontal_image_url: text, required; reference_image_urls: an array of texts, optional}} (repeat the flag), optional"
    )
}

/// How `models --format text` describes Kling 3.0 text-to-video's shots ([`OBJECT_LISTS`]);
/// the flags' help says the same after its `list: `.
const KLING_30_SHOTS: &str = "list: a list of 1 to 6 objects, each flag one JSON object {duration: an integer from 1 to 15 (required, no default)} (repeat the flag), optional";

/// Wan 2.6 reference-to-video's limit on its two lists counted together (facts file: "images +
/// videos together ≤ 5"), as `models` gives it: the spec's id and message, the lists, the most
/// items.
const WAN_R2V_TOTAL: (&str, &str, [&str; 2], u64) = (
    "five_references_at_most",
    "image_urls and video_urls together take at most 5 items",
    ["image_urls", "video_urls"],
    5,
);

/// Kling O1 image-to-video's limit on its two lists counted together (facts file: "The number
/// of images in `images` + `elements` must not exceed 7"), as `models` gives it: the spec's id
/// and message, the lists, the most items.
const KLING_I2V_TOTAL: (&str, &str, [&str; 2], u64) = (
    "seven_images_and_elements_at_most",
    "images and elements together take at most 7 items",
    ["images", "elements"],
    7,
);

/// Kling O1 video-to-video's limit on its two lists counted together (facts file: "The number
/// of images in `images` + `elements` must not exceed 4"), as `models` gives it: the spec's id
/// and message, the lists, the most items.
const KLING_V2V_TOTAL: (&str, &str, [&str; 2], u64) = (
    "four_images_and_elements_at_most",
    "images and elements together take at most 4 items",
    ["images", "elements"],
    4,
);

/// Seedance 2.0 image-to-video's limit on its two lists counted together (facts file: "count of
/// `image_urls` + count of `audio_urls` must be ≤ 12"), as `models` gives it: the spec's id and
/// message, the lists, the most items.
const SEEDANCE_I2V_TOTAL: (&str, &str, [&str; 2], u64) = (
    "twelve_references_at_most",
    "image_urls and audio_urls together take at most 12 items",
    ["image_urls", "audio_urls"],
    12,
);

/// Seedance 2.0 image-to-video's first/last-frame mode (facts file: "when true ... `image_urls`
/// may hold only 1 to 2 images, `audio_urls` must be empty"), as `models` gives it: `(id,
/// message, list, fewest items, most items)`, each while `is_first_last_frame` is true (`None`:
/// no fewest of its own). No other page states one.
const SEEDANCE_I2V_LIMITS: [(&str, &str, &str, Option<u64>, u64); 2] = [
    (
        "first_last_frame_images",
        "in first/last-frame mode image_urls takes 1 or 2 images",
        "image_urls",
        Some(1),
        2,
    ),
    (
        "first_last_frame_no_audio",
        "in first/last-frame mode audio_urls must be empty",
        "audio_urls",
        None,
        0,
    ),
];

/// Seedance 2.0 image-to-video's rates (facts file: "Std: $0.24 per second. Fast: $0.20 per
/// second"), times the whole seconds of `duration` (4 to 15).
const SEEDANCE_I2V_RATES: [(&str, &str); 2] = [("std", "0.24"), ("fast", "0.20")];

/// Kling 2.6 text-to-video's rates (facts file: "for every second of generated video, $0.06
/// with audio off or $0.12 with audio on"), times the seconds of `duration` ("5" or "10").
const KLING_26_T2V_RATES: [(bool, &str); 2] = [(false, "0.06"), (true, "0.12")];

/// Wan 2.6 reference-to-video's rates (facts file: "$0.085 per second for 720p; $0.128 per
/// second for 1080p"), times the whole seconds of `duration` (2 to 10).
const WAN_R2V_RATES: [(&str, &str); 2] = [("720p", "0.085"), ("1080p", "0.128")];

/// What those rates make, multiplied out by hand: `(resolution, seconds, amount)`, every
/// duration from 2 to 10 s at both resolutions (1080p at 10 s too: the page forbids nothing).
const WAN_R2V_AMOUNTS: [(&str, i64, &str); 18] = [
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
    ("1080p", 5, "0.640"),  // 0.128 × 5 (the defaults)
    ("1080p", 6, "0.768"),  // 0.128 × 6
    ("1080p", 7, "0.896"),  // 0.128 × 7
    ("1080p", 8, "1.024"),  // 0.128 × 8
    ("1080p", 9, "1.152"),  // 0.128 × 9
    ("1080p", 10, "1.280"), // 0.128 × 10
];

/// The conditional requirements the pages state: `(model, id, message, option, value, field)`,
/// the field required when the option has the value, in the order the CLI lists models and
/// each page states them. Kling 3.0 text-to-video (facts file: the prompt "cannot be empty
/// when `multi_shot` is false OR when `shot_type` is 'intelligence'"; `multi_prompt` "enabled
/// when `shot_type` is 'customize'", the shots a customized video is made of): three; Vidu Q2
/// image-to-video (facts file: "generate_audio — bool, optional, default false; description:
/// when true, `voice_id` is required"): one. No other page states one.
// 4 requirements: Vidu Q2 image-to-video's one, and Kling 3.0 text-to-video's three.
const REQUIREMENTS: [(&str, &str, &str, &str, documented::V, &str); 4] = [
    (
        KLING_30_T2V,
        "prompt_for_a_single_shot",
        "prompt is required when multi_shot is false",
        "multi_shot",
        documented::V::B(false),
        "prompt",
    ),
    (
        KLING_30_T2V,
        "prompt_for_intelligent_shots",
        "prompt is required when shot_type is intelligence",
        "shot_type",
        documented::V::S("intelligence"),
        "prompt",
    ),
    (
        KLING_30_T2V,
        "shots_for_customize",
        "multi_prompt is required when shot_type is customize",
        "shot_type",
        documented::V::S("customize"),
        "multi_prompt",
    ),
    (
        VIDU_I2V,
        "voice_id_with_audio",
        "voice_id is required when generate_audio is true",
        "generate_audio",
        documented::V::B(true),
        "voice_id",
    ),
];

/// What the checker says when a request leaves that field out: the message and the values
/// that make it required.
const VOICE_ID_REQUIRED: &str =
    "voice_id is required when generate_audio is true (generate_audio = true)";

/// Vidu Q2 image-to-video's forbidden combination (facts file: mode "pro-fast" with resolution
/// "540p"; "540p is not supported in pro-fast mode"): `(id, message, mode, resolution)`.
const VIDU_I2V_RULE: (&str, &str, &str, &str) = (
    "no_540p_in_pro_fast",
    "540p is not supported in pro-fast mode",
    "pro-fast",
    "540p",
);

/// The optional integers a page gives a range and no default (catalog/: "int, optional, no
/// default shown"), in the order the CLI lists models and options: `(model, option, least,
/// most)`. Wan 2.6 text-to-image's width and height ("range 640 to 2880" each); left out, a
/// request does not send them (the API picks the size).
const OPTIONAL_INTEGERS: [(&str, &str, i64, i64); 2] = [
    (WAN_T2I, "width", 640, 2880),
    (WAN_T2I, "height", 640, 2880),
];

/// Wan 2.6 text-to-image's bound on width × height (facts file: "total pixels (width × height)
/// between 1280 × 1280 and 1440 × 1440"), as `models` gives it: the spec's id and message, the
/// two options, the fewest and the most pixels, by hand 1280 × 1280 = 1638400 and 1440 × 1440
/// = 2073600. Judged only when both options are given.
const WAN_T2I_PIXELS: (&str, &str, [&str; 2], u64, u64) = (
    "pixels_from_1280x1280_to_1440x1440",
    "width × height is from 1280 × 1280 to 1440 × 1440 pixels",
    ["width", "height"],
    1_638_400,
    2_073_600,
);

/// Wan 2.6 text-to-image's bound on width : height (facts file: "aspect ratio within 1:4 to
/// 4:1"), as `models` gives it: the spec's id and message, the two options, the least and the
/// greatest ratio as the page writes them. Judged only when both options are given.
const WAN_T2I_RATIO: (&str, &str, [&str; 2], &str, &str) = (
    "aspect_ratio_from_1_4_to_4_1",
    "width : height is from 1:4 to 4:1",
    ["width", "height"],
    "1:4",
    "4:1",
);

/// The relations `models` gives for `id` (its `relations`): Wan 2.6 text-to-image's two
/// ([`WAN_T2I_PIXELS`], [`WAN_T2I_RATIO`]), in spec order; no other page states one.
fn relations_of(id: &str) -> Value {
    if id != WAN_T2I {
        return json!([]);
    }
    let (pixels, pixels_message, product, fewest, most) = WAN_T2I_PIXELS;
    let (ratio, ratio_message, of, least, greatest) = WAN_T2I_RATIO;
    json!([
        {"id": pixels, "message": pixels_message, "product": product, "minimum": fewest, "maximum": most},
        {"id": ratio, "message": ratio_message, "ratio": of, "minimum": least, "maximum": greatest},
    ])
}

/// Wan 2.6 text-to-image's price (facts file: "$0.026 per image", "cost = 0.026 × `num_images`
/// (1–4)"), multiplied out by hand: `(num_images, amount)`.
const WAN_T2I_AMOUNTS: [(i64, &str); 4] = [
    (1, "0.026"), // 0.026 × 1 (the default)
    (2, "0.052"), // 0.026 × 2
    (3, "0.078"), // 0.026 × 3
    (4, "0.104"), // 0.026 × 4
];

/// Where the CLI lists option `option` of model `id`: the model's place in [`MODELS`], then
/// the option's in its page order.
fn place(id: &str, option: &str) -> (usize, usize) {
    let model = MODELS
        .iter()
        .position(|(m, _)| *m == id)
        .unwrap_or_else(|| panic!("{id} is not in MODELS"));
    let option = options_of(id)
        .iter()
        .position(|o| *o == option)
        .unwrap_or_else(|| panic!("{id} has no option {option} in MODELS"));
    (model, option)
}

/// The options of `model`, from [`MODELS`].
fn options_of(model: &str) -> &'static [&'static str] {
    MODELS
        .iter()
        .find(|(id, _)| *id == model)
        .unwrap_or_else(|| panic!("{model} is not in MODELS"))
        .1
}

/// Veo 3.1 image-to-video's rates, from its facts file: "Quality mode: 720p and 1080p =
/// $0.16/sec without audio, $0.32/sec with audio; 4K = $0.32/sec without audio, $0.48/sec with
/// audio. Fast mode: 720p and 1080p = $0.08/sec without audio, $0.12/sec with audio; 4K =
/// $0.24/sec without audio, $0.28/sec with audio": `(mode, resolution, generate_audio, rate)`,
/// one per resolution where two share a rate.
const VEO_RATES: [(&str, &str, bool, &str); 12] = [
    ("quality", "720p", false, "0.16"),
    ("quality", "1080p", false, "0.16"),
    ("quality", "720p", true, "0.32"),
    ("quality", "1080p", true, "0.32"),
    ("quality", "4k", false, "0.32"),
    ("quality", "4k", true, "0.48"),
    ("fast", "720p", false, "0.08"),
    ("fast", "1080p", false, "0.08"),
    ("fast", "720p", true, "0.12"),
    ("fast", "1080p", true, "0.12"),
    ("fast", "4k", false, "0.24"),
    ("fast", "4k", true, "0.28"),
];

/// The 5.5 transition table of models/README.md: `(generate_audio, resolution, duration,
/// price)`, with the page's digits.
const TRANSITION_55_TABLE: [(bool, &str, &str, &str); 16] = [
    (false, "540p", "5", "0.383"),
    (false, "540p", "8", "0.765"),
    (false, "540p", "10", "0.842"),
    (false, "720p", "5", "0.510"),
    (false, "720p", "8", "1.02"),
    (false, "720p", "10", "1.122"),
    (false, "1080p", "5", "1.02"),
    (false, "1080p", "8", "2.04"),
    (true, "540p", "5", "0.468"),
    (true, "540p", "8", "0.935"),
    (true, "540p", "10", "1.029"),
    (true, "720p", "5", "0.595"),
    (true, "720p", "8", "1.19"),
    (true, "720p", "10", "1.309"),
    (true, "1080p", "5", "1.105"),
    (true, "1080p", "8", "2.210"),
];

/// What those rates make, worked out by hand (rate × seconds): `(generate_audio, resolution,
/// duration, amount)`; no 1080p at 10 s.
const AMOUNTS_60: [(bool, &str, &str, &str); 16] = [
    (false, "540p", "5", "0.150"),
    (false, "540p", "8", "0.240"),
    (false, "540p", "10", "0.300"),
    (false, "720p", "5", "0.190"),
    (false, "720p", "8", "0.304"),
    (false, "720p", "10", "0.380"),
    (false, "1080p", "5", "0.385"),
    (false, "1080p", "8", "0.616"),
    (true, "540p", "5", "0.190"),
    (true, "540p", "8", "0.304"),
    (true, "540p", "10", "0.380"),
    (true, "720p", "5", "0.255"),
    (true, "720p", "8", "0.408"),
    (true, "720p", "10", "0.510"),
    (true, "1080p", "5", "0.490"),
    (true, "1080p", "8", "0.784"),
];

/// The Python `duckdb` version the DuckDB test uses (the one on the development machine), so
/// that it sniffs the CSV the same way everywhere.
const DUCKDB_VERSION: &str = "2.0.1";

// ---------------------------------------------------------------------------------------------
// Running the binary

/// Runs the binary with `args` and `stdin`; fails the test if it panicked.
fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    // Written from a thread so a large input cannot dead-lock against a full stdout pipe.
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("panicked"),
        "the binary panicked on {args:?}: {stderr}"
    );
    out
}

/// Runs a command line split at white space (for arguments without spaces).
fn cli(command: &str, stdin: &[u8]) -> Output {
    run(&command.split_whitespace().collect::<Vec<_>>(), stdin)
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("the binary exited, not killed")
}

/// Runs a command that must be a usage or I/O error: exit 2, nothing on stdout, a message on
/// stderr, which is returned.
fn usage_error(args: &[&str]) -> String {
    usage_error_on(args, b"")
}

/// The same with `stdin` as the input.
fn usage_error_on(args: &[&str], stdin: &[u8]) -> String {
    let o = run(args, stdin);
    assert_eq!(code(&o), 2, "{args:?}: {}{}", stdout(&o), stderr(&o));
    assert_eq!(stdout(&o), "", "{args:?} printed on stdout");
    let message = stderr(&o);
    assert!(!message.trim().is_empty(), "{args:?} said nothing");
    message
}

/// The one JSON document on stdout (its keys checked unique).
fn json_out(o: &Output) -> Value {
    strict_json(&stdout(o)).unwrap_or_else(|e| panic!("{e}: {}", stdout(o)))
}

/// `schema --target args` of the model `id` in `dialect`, which must succeed.
fn args_schema(id: &str, dialect: &str) -> Value {
    let o = cli(
        &format!("schema --target args --model {id} --dialect {dialect}"),
        b"",
    );
    assert_eq!(code(&o), 0, "{id} {dialect}");
    json_out(&o)
}

/// Every stdout line as JSON (keys checked unique).
fn lines(o: &Output) -> Vec<Value> {
    stdout(o)
        .lines()
        .map(|l| strict_json(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// Every stdout line as JSON, a repeated key allowed (the last wins).
fn lenient_lines(o: &Output) -> Vec<Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// JSON read like `serde_json::from_str`, except that an object with a key twice is an error
/// (serde_json keeps the last value without a word).
fn strict_json(text: &str) -> Result<Value, serde_json::Error> {
    serde_json::from_str::<Unique>(text).map(|u| u.0)
}

/// A JSON value whose objects have no repeated key.
struct Unique(Value);

impl<'de> Deserialize<'de> for Unique {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(UniqueVisitor)
    }
}

struct UniqueVisitor;

impl<'de> Visitor<'de> for UniqueVisitor {
    type Value = Unique;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Unique, E> {
        Ok(Unique(Value::Bool(v)))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Unique, E> {
        Ok(Unique(Value::from(v)))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Unique, E> {
        Ok(Unique(Value::from(v)))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Unique, E> {
        Ok(Unique(Value::from(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Unique, E> {
        Ok(Unique(Value::String(v.to_owned())))
    }
    fn visit_unit<E>(self) -> Result<Unique, E> {
        Ok(Unique(Value::Null))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Unique, A::Error> {
        let mut items = Vec::new();
        while let Some(Unique(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Unique(Value::Array(items)))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Unique, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if object.contains_key(&key) {
                return Err(A::Error::custom(format!("the key {key:?} appears twice")));
            }
            let Unique(value) = map.next_value()?;
            object.insert(key, value);
        }
        Ok(Unique(Value::Object(object)))
    }
}

/// A fresh scratch folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("cli")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// The required free-text flags of a model, with values.
fn text_flags(model: &str) -> String {
    let options = options_of(model);
    let flags: Vec<&str> = FREE_TEXT
        .iter()
        .filter(|(name, _)| options.contains(name))
        .map(|(_, flag)| *flag)
        .collect();
    flags.join(" ")
}

/// Every flag a request of `model` needs: its required free text ([`text_flags`]), a required
/// list's one item ([`list_flags`]) and, for an option the page requires without a default
/// ([`NO_DEFAULT`]), its first value.
fn required_flags(model: &str) -> String {
    let mut flags = format!("{} {}", text_flags(model), list_flags(model));
    for (_, option, values) in NO_DEFAULT.iter().filter(|(id, ..)| *id == model) {
        flags.push_str(&format!(" {} {}", flag_of(option), values[0]));
    }
    flags.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The flags that give each list `model` requires ([`LISTS`]) one image URL; none for a model
/// without one (an optional list is left out).
fn list_flags(model: &str) -> String {
    let flags: Vec<String> = LISTS
        .iter()
        .filter(|(id, _, required, ..)| *id == model && *required)
        .map(|(_, option, ..)| format!("{} https://e.com/a.png", flag_of(option)))
        .collect();
    flags.join(" ")
}

/// The args `model` requires besides its free text and the values without a default: each
/// required list ([`LISTS`]) with one image URL.
fn list_args(model: &str) -> Map<String, Value> {
    LISTS
        .iter()
        .filter(|(id, _, required, ..)| *id == model && *required)
        .map(|(_, option, ..)| ((*option).to_owned(), json!(["https://e.com/a.png"])))
        .collect()
}

/// Whether the page of `model` requires `option` (free text, a list, or a value without a
/// default).
fn is_required(model: &str, option: &str) -> bool {
    (FREE_TEXT.iter().any(|(name, _)| *name == option)
        && !OPTIONAL_FREE_TEXT.contains(&(model, option)))
        || NO_DEFAULT
            .iter()
            .any(|(id, name, _)| *id == model && *name == option)
        || LISTS
            .iter()
            .any(|(id, name, required, ..)| *id == model && *name == option && *required)
}

/// The flag of an option: `aspect_ratio` is `--aspect-ratio`.
fn flag_of(option: &str) -> String {
    format!("--{}", option.replace('_', "-"))
}

/// The fields of one CSV line (RFC 4180: a quoted field may hold commas and doubled quotes;
/// these files have no line break inside a field).
fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        let field = fields.last_mut().unwrap();
        match (quoted, c) {
            (false, ',') => fields.push(String::new()),
            (false, '"') if field.is_empty() => quoted = true,
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (_, c) => field.push(c),
        }
    }
    assert!(!quoted, "a quote left open: {line}");
    fields
}

/// Each flag's help in `help` as one line (clap wraps long help when built with `wrap_help`),
/// by flag: `--image <TEXT>` gives `"--image"`.
fn flag_help(help: &str) -> BTreeMap<String, String> {
    let mut flags: BTreeMap<String, String> = BTreeMap::new();
    let mut last: Option<String> = None;
    for line in help.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("--") || trimmed.starts_with("-h, --") {
            let flag = trimmed
                .trim_start_matches("-h, ")
                .split_whitespace()
                .next()
                .unwrap()
                .to_owned();
            flags.insert(flag.clone(), trimmed.to_owned());
            last = Some(flag);
        } else if line.starts_with("   ") && !trimmed.is_empty() {
            if let Some(flag) = &last {
                let entry = flags.get_mut(flag).unwrap();
                entry.push(' ');
                entry.push_str(trimmed);
            }
        } else {
            last = None;
        }
    }
    flags
}

// ---------------------------------------------------------------------------------------------
// Help and version

#[test]
fn help_lists_every_subcommand_and_version_prints_it() {
    let o = cli("--help", b"");
    assert_eq!(code(&o), 0);
    let help = stdout(&o);
    for sub in [
        "quote",
        "check",
        "request",
        "models",
        "schema",
        "table",
        "reconcile",
    ] {
        assert!(
            help.lines().any(|l| l.trim_start().starts_with(sub)),
            "{sub} missing from --help:\n{help}"
        );
    }
    let o = cli("--version", b"");
    assert_eq!(code(&o), 0);
    assert_eq!(
        stdout(&o),
        format!("shortapi-pricing {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn help_describes_the_catalog_not_one_model() {
    let help = stdout(&cli("--help", b""));
    let about = help.split("\n\n").next().unwrap();
    assert!(about.contains("every model"), "{about}");
    assert!(!about.contains("5.5 text-to-video"), "{about}");
}

#[test]
fn option_flags_come_from_the_specs() {
    for sub in ["quote", "check", "request"] {
        let o = cli(&format!("{sub} --help"), b"");
        assert_eq!(code(&o), 0);
        let flags = flag_help(&stdout(&o));
        let help = |flag: &str| -> &str {
            flags
                .get(flag)
                .unwrap_or_else(|| panic!("{sub} --help has no {flag}: {flags:#?}"))
        };
        assert!(help("--model").contains("`shortapi-pricing models`"));
        // Where the models differ (PixVerse's "720p" and an enum duration, HappyHorse's "720P"
        // and an integer duration, Veo's "4k"; Seedance's "21:9", Veo's "auto", the image
        // pages' required aspect ratios; the modes of Kling, Seedance, Veo, Vidu image-to-video
        // and Midjourney; Flux's and Midjourney's performance; Nano Banana's 1 to 4 images and
        // Flux's 1, 2, 4 or 8; their prompts' descriptions), the help says so. Vidu Q2
        // image-to-video's resolution is described with its own words ("540p is not supported
        // in pro-fast mode"), so the help gives no one description of it.
        assert!(help("--resolution").starts_with("--resolution <VALUE> "));
        assert!(help("--resolution").contains(" differs by model (see `shortapi-pricing models`)"));
        assert!(
            !help("--resolution").contains("Output video resolution"),
            "{}",
            help("--resolution")
        );
        assert!(help("--duration").starts_with("--duration <VALUE> "));
        assert!(help("--duration").contains(" differs by model (see `shortapi-pricing models`)"));
        for flag in [
            "--aspect-ratio",
            "--mode",
            "--action",
            "--performance",
            "--num-images",
        ] {
            assert!(
                help(flag).contains(" differs by model (see `shortapi-pricing models`)"),
                "{flag}: {}",
                help(flag)
            );
        }
        assert!(help("--generate-audio").contains("true or false (default false)"));
        assert!(help("--generate-audio").contains("`--generate-audio` alone means true"));
        // Vidu Q2 image-to-video's voice id: free text a request may leave out (unless
        // generate_audio is true).
        assert!(
            help("--voice-id").starts_with("--voice-id <TEXT> "),
            "{}",
            help("--voice-id")
        );
        assert!(
            help("--voice-id").contains("text, optional"),
            "{}",
            help("--voice-id")
        );
        assert!(help("--keep-audio").contains("true or false (default false)"));
        assert!(help("--ratio").contains(&format!(
            "16:9, 9:16, 1:1, 4:3, 3:4 (default 16:9) [only {HAPPYHORSE}]"
        )));
        let image_tail = help("--image-tail");
        assert!(image_tail.contains("End frame control"), "{image_tail}");
        for flag in ["--video", "--video-url"] {
            assert!(help(flag).contains("text, required"), "{}", help(flag));
        }
        // Free text the page does not require: Midjourney's negative prompt ("Negative
        // prompt", no limit), Kling 2.6's ("Negative text prompt"), Kling 3.0's, Wan 2.6
        // reference-to-video's ("What the video should not contain", "≤ 500 characters") and
        // Wan 2.6 text-to-image's ("What the image should not contain", "≤ 500") differ, so the
        // help gives no description nor limit; which five models have it is checked below.
        let negative = help("--negative-prompt");
        assert!(
            negative.starts_with("--negative-prompt <TEXT> "),
            "{negative}"
        );
        assert!(
            negative.contains(" differs by model (see `shortapi-pricing models`)"),
            "{negative}"
        );
        for one_model_s in [
            "Negative prompt",
            "Negative text prompt",
            "should not contain",
            "500",
        ] {
            assert!(!negative.contains(one_model_s), "{negative}");
        }
        // Wan's reference videos: a list of its own, required by its page.
        assert!(
            help("--video-urls").starts_with("--video-urls <TEXT> ")
                && help("--video-urls")
                    .contains("a list of 1 to 3 texts (repeat the flag), required"),
            "{}",
            help("--video-urls")
        );
        // Seedance 2.0 image-to-video's own: a bool whose default is beyond the cut (none), its
        // reference audio a list with no count of its own, optional.
        let first_last = help("--is-first-last-frame");
        assert!(
            first_last.starts_with("--is-first-last-frame [<BOOL>] ")
                && first_last.contains("true or false (optional, no default)")
                && first_last.contains("`--is-first-last-frame` alone means true")
                && first_last.contains(&format!("[only {SEEDANCE_I2V}]")),
            "{first_last}"
        );
        let audio = help("--audio-urls");
        assert!(
            audio.starts_with("--audio-urls <TEXT> ")
                && audio.contains("a list of texts (repeat the flag), optional")
                && audio.contains(&format!("[only {SEEDANCE_I2V}]")),
            "{audio}"
        );
        // Kling 2.6 text-to-video's cfg_scale: "float, optional, no default shown, Range 0 to
        // 1".
        let cfg_scale = help("--cfg-scale");
        assert!(
            cfg_scale.starts_with("--cfg-scale <NUMBER> ")
                && cfg_scale.contains("a number from 0 to 1, optional")
                && cfg_scale.contains(&format!("[only {KLING_26_T2V}]")),
            "{cfg_scale}"
        );
        // Kling 3.0 text-to-video's own: how its shots are split ("customize", "intelligence",
        // default "intelligence"), and the shots, a list of objects each flag gives one of.
        let shot_type = help("--shot-type");
        assert!(
            shot_type.starts_with("--shot-type <VALUE> ")
                && shot_type.contains("customize, intelligence (default intelligence)")
                && shot_type.contains(&format!("[only {KLING_30_T2V}]")),
            "{shot_type}"
        );
        let shots = help("--multi-prompt");
        assert!(
            shots.starts_with("--multi-prompt <JSON> ")
                && shots.contains(KLING_30_SHOTS.strip_prefix("list: ").unwrap())
                && shots.contains(&format!("[only {KLING_30_T2V}]")),
            "{shots}"
        );
        // Wan 2.6 text-to-image's own: its width and height, integers in "range 640 to 2880"
        // with no default (optional), and its prompt rewriting, a bool "default false".
        for flag in ["--width", "--height"] {
            let text = help(flag);
            assert!(
                text.starts_with(&format!("{flag} <INTEGER> "))
                    && text.contains("an integer from 640 to 2880 (optional, no default)")
                    && text.contains(&format!("[only {WAN_T2I}]")),
                "{text}"
            );
        }
        let prompt_extend = help("--prompt-extend");
        assert!(
            prompt_extend.starts_with("--prompt-extend [<BOOL>] ")
                && prompt_extend.contains("true or false (default false)")
                && prompt_extend.contains("`--prompt-extend` alone means true")
                && prompt_extend.contains(&format!("[only {WAN_T2I}]")),
            "{prompt_extend}"
        );
        // Midjourney's own options: whole numbers with a range and a default.
        for (flag, text) in [
            (
                "--stylization",
                "Stylization strength: an integer from 0 to 1000 (default 100)",
            ),
            ("--chaos", "an integer from 0 to 100 (default 0)"),
            ("--weirdness", "an integer from 0 to 3000 (default 0)"),
        ] {
            assert!(help(flag).starts_with(&format!("{flag} <INTEGER> ")));
            assert!(help(flag).contains(text), "{flag}: {}", help(flag));
            assert!(help(flag).contains(&format!("[only {MIDJOURNEY}]")));
        }
        assert!(help("--num-images").starts_with("--num-images <INTEGER> "));
        // A list's flag takes one text each time it is given.
        assert!(help("--image-urls").starts_with("--image-urls <TEXT> "));
        // Options only some models have say which, and exactly which: every model of MODELS
        // with the option, in the order the CLI lists models; an option every model has names
        // none.
        let all: BTreeSet<&str> = MODELS.iter().flat_map(|(_, o)| o.iter().copied()).collect();
        for option in all {
            let flag = flag_of(option);
            let text = help(&flag);
            let having: Vec<&str> = MODELS
                .iter()
                .filter(|(_, options)| options.contains(&option))
                .map(|(id, _)| *id)
                .collect();
            let only: Option<Vec<&str>> = text
                .split_once("[only ")
                .map(|(_, rest)| rest.split(']').next().unwrap().split(", ").collect());
            if having.len() == MODELS.len() {
                assert_eq!(only, None, "{sub} {flag}: every model has it: {text}");
            } else {
                assert_eq!(only, Some(having), "{sub} {flag}: {text}");
            }
        }
        // By eye: the ones the pages name.
        assert!(help("--image").contains(VEO), "{}", help("--image"));
        assert!(!help("--image").contains("text-to-video"));
        assert!(!help("--multi-shot").contains(HAPPYHORSE));
        assert!(!help("--resolution").contains("kling"));
        assert!(!help("--resolution").contains("text-to-image"));
        assert!(!help("--num-images").contains(MIDJOURNEY));
        assert!(!help("--prompt").contains("[only"));
    }
    // A measured quantity is given with --usage (quote and check, not request).
    for sub in ["quote", "check"] {
        let flags = flag_help(&stdout(&cli(&format!("{sub} --help"), b"")));
        let usage = &flags["--usage"];
        assert!(
            usage.contains("--usage input_video_seconds=7.2"),
            "{sub}: {usage}"
        );
    }
    let flags = flag_help(&stdout(&cli("request --help", b"")));
    assert!(!flags.contains_key("--usage"), "request prices nothing");
}

// ---------------------------------------------------------------------------------------------
// quote and check: one request

#[test]
fn quote_from_flags_for_every_model() {
    let cases = [
        (
            T2V_55,
            "--resolution 1080p --duration 8 --generate-audio",
            json!({"model": T2V_55, "currency": "USD", "amount": "0.765", "resolution": "1080p", "duration": "8", "aspect_ratio": "16:9", "generate_audio": true, "multi_shot": false}),
        ),
        (
            I2V_55,
            "--multi-shot --generate-audio false --resolution 540p --duration 10",
            json!({"model": I2V_55, "currency": "USD", "amount": "0.468", "resolution": "540p", "duration": "10", "aspect_ratio": "16:9", "generate_audio": false, "multi_shot": true}),
        ),
        (
            TRANSITION_55,
            "--duration 10 --generate-audio true",
            json!({"model": TRANSITION_55, "currency": "USD", "amount": "1.309", "resolution": "720p", "duration": "10", "aspect_ratio": "16:9", "generate_audio": true}),
        ),
        (
            T2V_60,
            "--resolution 720p --duration 8 --generate-audio",
            json!({"model": T2V_60, "currency": "USD", "amount": "0.408", "resolution": "720p", "duration": "8", "aspect_ratio": "16:9", "generate_audio": true, "multi_shot": false}),
        ),
        (
            // multi_shot and aspect_ratio do not change a 6.0 price: 0.077 × 8.
            I2V_60,
            "--resolution 1080p --duration 8 --multi-shot --aspect-ratio 1:1",
            json!({"model": I2V_60, "currency": "USD", "amount": "0.616", "resolution": "1080p", "duration": "8", "aspect_ratio": "1:1", "generate_audio": false, "multi_shot": true}),
        ),
        (
            // 0.038 × 10
            TRANSITION_60,
            "--resolution 540p --duration 10 --generate-audio --image-tail https://e.com/b.png",
            json!({"model": TRANSITION_60, "currency": "USD", "amount": "0.380", "resolution": "540p", "duration": "10", "aspect_ratio": "16:9", "generate_audio": true}),
        ),
        (
            // "$0.03 per image": 0.03 × 2; an integer on the wire.
            NANO_BANANA,
            "--aspect-ratio 16:9 --num-images 2",
            json!({"model": NANO_BANANA, "currency": "USD", "amount": "0.06", "num_images": 2, "aspect_ratio": "16:9"}),
        ),
        (
            // "$0.038 per image": 0.038 × 4.
            SEEDREAM,
            "--aspect-ratio 3:2 --num-images 4",
            json!({"model": SEEDREAM, "currency": "USD", "amount": "0.152", "num_images": 4, "aspect_ratio": "3:2"}),
        ),
        (
            // Dev by default, "$0.02 per request": per job, eight images or one.
            FLUX,
            "--aspect-ratio 21:9 --num-images 8",
            json!({"model": FLUX, "currency": "USD", "amount": "0.02", "num_images": 8, "aspect_ratio": "21:9", "performance": "dev"}),
        ),
        (
            // "Fast mode: $0.04 per request", whatever else is asked.
            MIDJOURNEY,
            "--aspect-ratio 5:6 --performance speed --stylization 1000 --chaos 100 --weirdness 3000",
            json!({"model": MIDJOURNEY, "currency": "USD", "amount": "0.04", "mode": "fast", "aspect_ratio": "5:6", "performance": "speed", "stylization": 1000, "chaos": 100, "weirdness": 3000}),
        ),
        (
            // "$0.085 per second for 720p": 0.085 × 3; the references change no price.
            WAN_R2V,
            "--resolution 720p --duration 3 --image-urls https://e.com/a.png --video-urls https://e.com/v.mp4",
            json!({"model": WAN_R2V, "currency": "USD", "amount": "0.255", "duration": 3, "resolution": "720p"}),
        ),
        (
            // "Std: $0.24 per second": 0.24 × 12; the reference images change no price, and
            // first/last-frame mode, not given, is not said back (it has no default).
            SEEDANCE_I2V,
            "--duration 12 --aspect-ratio 21:9 --image-urls https://e.com/a.png",
            json!({"model": SEEDANCE_I2V, "currency": "USD", "amount": "2.88", "mode": "std", "duration": 12, "aspect_ratio": "21:9"}),
        ),
        (
            // "$0.12 with audio on": 0.12 × 10, a string duration; cfg_scale changes no price.
            KLING_26_T2V,
            "--duration 10 --generate-audio --cfg-scale 0.5",
            json!({"model": KLING_26_T2V, "currency": "USD", "amount": "1.20", "mode": "pro", "duration": "10", "aspect_ratio": "16:9", "generate_audio": true}),
        ),
        (
            // "$0.026 per image": 0.026 × 2, whatever the size (1440 × 1440, the most pixels,
            // at 1:1); width and height integers on the wire.
            WAN_T2I,
            "--num-images 2 --width 1440 --height 1440 --prompt-extend",
            json!({"model": WAN_T2I, "currency": "USD", "amount": "0.052", "num_images": 2, "width": 1440, "height": 1440, "prompt_extend": true}),
        ),
    ];
    for (model, flags, expected) in cases {
        let o = cli(&format!("quote --model {model} {flags}"), b"");
        assert_eq!(code(&o), 0, "{model} {flags}: {}", stdout(&o));
        assert_eq!(json_out(&o), expected, "{model} {flags}");
    }
}

#[test]
fn quote_format_text_is_one_line() {
    let o = cli(
        &format!(
            "quote --model {T2V_60} --resolution 720p --duration 8 --generate-audio --format text"
        ),
        b"",
    );
    assert_eq!(code(&o), 0);
    assert_eq!(
        stdout(&o),
        format!("0.408 USD: 0.051 per second × 8 seconds {T2V_60} resolution=720p duration=8 aspect_ratio=16:9 generate_audio=true multi_shot=false\n")
    );
    // A price per job (a 5.5 cell) says no more than the amount. A transition has no
    // multi_shot to print; its defaults are 720p and 5 s.
    let o = cli(
        &format!("quote --model {TRANSITION_55} --aspect-ratio 9:16 --format text"),
        b"",
    );
    assert_eq!(code(&o), 0);
    assert_eq!(
        stdout(&o),
        format!("0.510 USD {TRANSITION_55} resolution=720p duration=5 aspect_ratio=9:16 generate_audio=false\n")
    );
    // HappyHorse's integer duration, 1080P by default: 0.229 × 12.
    let o = cli(
        &format!("quote --model {HAPPYHORSE} --duration 12 --format text"),
        b"",
    );
    assert_eq!(code(&o), 0);
    assert_eq!(
        stdout(&o),
        format!("2.748 USD: 0.229 per second × 12 seconds {HAPPYHORSE} resolution=1080P ratio=16:9 duration=12\n")
    );
    // A rate per image says how many; Flux's price per job says no more than the amount.
    let o = cli(
        &format!("quote --model {NANO_BANANA} --num-images 3 --aspect-ratio 1:1 --format text"),
        b"",
    );
    assert_eq!(code(&o), 0);
    assert_eq!(
        stdout(&o),
        format!(
            "0.09 USD: 0.03 per image × 3 images {NANO_BANANA} num_images=3 aspect_ratio=1:1\n"
        )
    );
    let o = cli(
        &format!(
            "quote --model {FLUX} --num-images 4 --aspect-ratio 1:1 --performance schnell --format text"
        ),
        b"",
    );
    assert_eq!(code(&o), 0);
    assert_eq!(
        stdout(&o),
        format!("0.002 USD {FLUX} num_images=4 aspect_ratio=1:1 performance=schnell\n")
    );
}

#[test]
fn quote_rejections_exit_1_with_errors() {
    // 1080p at 10 s, for a per-second model too.
    let o = cli(
        &format!("quote --model {TRANSITION_60} --resolution 1080p --duration 10"),
        b"",
    );
    assert_eq!(code(&o), 1);
    let e = json_out(&o);
    assert_eq!(e["errors"][0]["code"], "unsupported_combination");
    assert_eq!(e["errors"][0]["path"], "/duration");
    assert!(e.get("amount").is_none());
    // A value not allowed, in text.
    let o = cli(
        &format!("quote --model {T2V_60} --duration 7 --format text"),
        b"",
    );
    assert_eq!(code(&o), 1);
    let text = stdout(&o);
    assert!(text.starts_with("rejected: /duration:"), "{text}");
    assert!(text.contains(r#"allowed: "5", "8", "10""#), "{text}");
    assert!(text.trim_end().ends_with("[invalid_value]"), "{text}");
}

#[test]
fn bare_json_args_are_read_as_the_model_flag_s() {
    let args = r#"{"prompt":"p","resolution":"720p","duration":"8"}"#;
    // 6.0 text-to-video: 0.038 × 8.
    let o = run(&["quote", "--model", T2V_60, "--json", args], b"");
    assert_eq!(code(&o), 0);
    assert_eq!(json_out(&o)["model"], T2V_60);
    assert_eq!(json_out(&o)["amount"], "0.304");
    // The same args as 5.5 text-to-video: the seed's 720p 8 s cell.
    let o = run(&["quote", "--model", T2V_55, "--json", args], b"");
    assert_eq!(json_out(&o)["amount"], "0.340");
}

#[test]
fn bare_args_without_model_are_refused_naming_the_fix() {
    let o = run(&["quote", "--json", r#"{"prompt":"p"}"#], b"");
    assert_eq!(code(&o), 1);
    let e = &json_out(&o)["errors"][0];
    assert_eq!(e["code"], "unknown_model");
    let message = e["message"].as_str().unwrap();
    assert!(message.contains("--model"), "{message}");
    assert!(message.contains(r#"body with "model""#), "{message}");
    // The same from stdin.
    let o = cli("check", br#"{"prompt":"p"}"#);
    assert_eq!(code(&o), 1);
    assert_eq!(json_out(&o)["errors"][0]["code"], "unknown_model");
}

#[test]
fn a_body_s_own_model_decides_over_the_model_flag() {
    let body = json!({"model": TRANSITION_55, "args": {"prompt": "p", "image": "a", "image_tail": "b", "duration": "8"}});
    let o = run(
        &["quote", "--model", T2V_60, "--json", &body.to_string()],
        b"",
    );
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    let q = json_out(&o);
    assert_eq!(q["model"], TRANSITION_55);
    assert_eq!(q["amount"], "1.02");
    assert!(q.get("multi_shot").is_none());
}

#[test]
fn quote_reads_stdin_and_json_dash() {
    // A whole body on stdin, no flag at all.
    let body = json!({"model": TRANSITION_60, "args": {"prompt": "p", "image": "a", "image_tail": "b", "resolution": "1080p", "duration": "8", "generate_audio": true}});
    let o = cli("quote", body.to_string().as_bytes());
    assert_eq!(code(&o), 0);
    assert_eq!(
        json_out(&o),
        json!({"model": TRANSITION_60, "currency": "USD", "amount": "0.784", "resolution": "1080p", "duration": "8", "aspect_ratio": "16:9", "generate_audio": true})
    );
    // Bare args with --model, through `--json -`.
    let o = cli(
        &format!("quote --model {I2V_55} --json -"),
        br#"{"prompt":"p","image":"i","multi_shot":true,"generate_audio":true,"duration":"10"}"#,
    );
    assert_eq!(code(&o), 0);
    assert_eq!(json_out(&o)["amount"], "0.655");
    // Bare args with --model on plain stdin: 0.038 × 8.
    let o = cli(
        &format!("quote --model {I2V_60} --format text"),
        br#"{"prompt":"p","image":"i","resolution":"540p","duration":"8","generate_audio":true}"#,
    );
    assert_eq!(code(&o), 0);
    assert!(
        stdout(&o).starts_with(&format!(
            "0.304 USD: 0.038 per second × 8 seconds {I2V_60} "
        )),
        "{}",
        stdout(&o)
    );
    // A number where the API takes a string; bytes that are not UTF-8.
    let o = cli(
        &format!("quote --model {T2V_60} --json -"),
        br#"{"prompt":"p","duration":10}"#,
    );
    assert_eq!(code(&o), 1);
    assert_eq!(json_out(&o)["errors"][0]["code"], "wrong_type");
    let o = cli("quote", b"\xff{");
    assert_eq!(code(&o), 1);
    assert_eq!(json_out(&o)["errors"][0]["code"], "invalid_json");
}

#[test]
fn check_validates_without_pricing() {
    let o = cli(
        &format!(
            "check --model {TRANSITION_55} --prompt p --image a --image-tail b --resolution 540p"
        ),
        b"",
    );
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert_eq!(
        json_out(&o),
        json!({"valid": true, "model": TRANSITION_55, "resolution": "540p", "duration": "5", "aspect_ratio": "16:9", "generate_audio": false})
    );
    let body = json!({"model": I2V_60, "args": {"prompt": "p", "image": "i", "multi_shot": true}});
    let o = run(
        &["check", "--format", "text", "--json", &body.to_string()],
        b"",
    );
    assert_eq!(code(&o), 0);
    assert_eq!(
        stdout(&o),
        format!("valid {I2V_60} resolution=720p duration=5 aspect_ratio=16:9 generate_audio=false multi_shot=true\n")
    );
    // From flags, the free-text inputs are required like in any request.
    let o = cli(
        &format!("check --model {TRANSITION_60} --resolution 540p"),
        b"",
    );
    assert_eq!(code(&o), 1);
    let errors = json_out(&o)["errors"].clone();
    let paths: Vec<&str> = errors
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            assert_eq!(e["code"], "missing_field", "{e}");
            e["path"].as_str().unwrap()
        })
        .collect();
    assert_eq!(paths, ["/prompt", "/image", "/image_tail"]);
}

/// The values a page lists, as an error message lists them: `"1:1", "9:16"`.
fn quoted(values: &[&str]) -> String {
    let quoted: Vec<String> = values.iter().map(|v| format!("{v:?}")).collect();
    quoted.join(", ")
}

/// An option a page requires and gives no default for (`aspect_ratio` of the four
/// text-to-image pages with one and the two image-to-image pages): a body without it (and with
/// the images an image-to-image page requires) is refused by `check` and `quote` alike, with one
/// `missing_field` at its path whose message lists the page's values in page order; with any of
/// them it is accepted. From flags `check` and `request` refuse it the same way (only `quote`
/// fills it in, as it does not change the price: see the next test).
#[test]
fn a_required_option_without_a_default_must_be_given() {
    for (model, option, values) in NO_DEFAULT {
        // The prompt, the images a page requires, and `extra`.
        let args = |extra: &[(&str, &str)]| -> Value {
            let mut args = list_args(model);
            args.insert("prompt".to_owned(), json!("p"));
            for (name, value) in extra {
                args.insert((*name).to_owned(), json!(value));
            }
            Value::Object(args)
        };
        let body = json!({"model": model, "args": args(&[])});
        for sub in ["check", "quote"] {
            let o = run(&[sub, "--json", &body.to_string()], b"");
            assert_eq!(code(&o), 1, "{sub} {model}: {}", stdout(&o));
            let e = json_out(&o);
            assert_eq!(e.as_object().unwrap().len(), 1, "only errors: {e}");
            let errors = e["errors"].as_array().unwrap();
            assert_eq!(errors.len(), 1, "{sub} {model}: {e}");
            assert_eq!(
                errors[0]["path"],
                format!("/args/{option}"),
                "{sub} {model}"
            );
            assert_eq!(errors[0]["code"], "missing_field", "{sub} {model}");
            let message = errors[0]["message"].as_str().unwrap();
            assert!(
                message.contains(option) && message.contains(&quoted(values)),
                "{sub} {model}: {message}"
            );
        }
        // Every value the page lists is accepted, and said back.
        for value in values {
            let body = json!({"model": model, "args": args(&[(option, value)])});
            let o = run(&["check", "--json", &body.to_string()], b"");
            assert_eq!(code(&o), 0, "{model} {value}: {}", stdout(&o));
            let c = json_out(&o);
            assert_eq!((&c["valid"], &c[option]), (&json!(true), &json!(value)));
        }
        // One it does not list is not.
        let body = json!({"model": model, "args": args(&[(option, "7:5")])});
        let o = run(&["check", "--json", &body.to_string()], b"");
        assert_eq!(code(&o), 1, "{model}");
        let e = &json_out(&o)["errors"][0];
        assert_eq!(
            (e["path"].as_str(), e["code"].as_str()),
            (
                Some(format!("/args/{option}").as_str()),
                Some("invalid_value")
            ),
            "{model}: {e}"
        );
        // From flags, without --aspect-ratio.
        for sub in ["check", "request"] {
            let o = cli(
                &format!("{sub} --model {model} --prompt p {}", list_flags(model)),
                b"",
            );
            assert_eq!(code(&o), 1, "{sub} {model}: {}", stdout(&o));
            let errors = json_out(&o)["errors"].clone();
            assert_eq!(
                errors.as_array().unwrap().len(),
                1,
                "{sub} {model}: {errors}"
            );
            assert_eq!(errors[0]["path"], format!("/{option}"), "{sub} {model}");
            assert_eq!(errors[0]["code"], "missing_field", "{sub} {model}");
        }
    }
    // Nano Banana by eye: its ten ratios, and with "1:1" a valid request of one image.
    let o = run(
        &[
            "check",
            "--json",
            &json!({"model": NANO_BANANA, "args": {"prompt": "p"}}).to_string(),
        ],
        b"",
    );
    assert_eq!(code(&o), 1);
    let message = json_out(&o)["errors"][0]["message"].clone();
    assert!(
        message
            .as_str()
            .unwrap()
            .contains(r#""9:16", "2:3", "3:4", "4:5", "1:1", "5:4", "4:3", "3:2", "16:9", "21:9""#),
        "{message}"
    );
    let body = json!({"model": NANO_BANANA, "args": {"prompt": "p", "aspect_ratio": "1:1"}});
    let o = run(&["check", "--json", &body.to_string()], b"");
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert_eq!(
        json_out(&o),
        json!({"valid": true, "model": NANO_BANANA, "num_images": 1, "aspect_ratio": "1:1"})
    );
}

/// `quote` from flags prices what the page prices: a required option no flag gives (the
/// aspect ratio, the prompt) does not change the price, so the quote is given without it. An
/// integer's values are judged as the page lists them: Flux's 1, 2, 4 or 8 (3 is refused,
/// naming them), Nano Banana's and Seedream's 1 to 4, each image at the page's price; Flux's
/// price is per request whatever `num_images` asks, Midjourney's whatever anything asks.
#[test]
fn quote_from_flags_prices_without_the_required_options_and_judges_integer_values() {
    // Flux's num_images: not 3, 0 or 16; not 2.5.
    for (n, code_name) in [
        ("3", "invalid_value"),
        ("0", "invalid_value"),
        ("16", "invalid_value"),
        ("2.5", "wrong_type"),
    ] {
        let o = cli(&format!("quote --model {FLUX} --num-images {n}"), b"");
        assert_eq!(code(&o), 1, "{n}: {}", stdout(&o));
        let e = json_out(&o);
        let errors = e["errors"].as_array().unwrap();
        assert_eq!(errors.len(), 1, "{n}: {e}");
        assert_eq!(
            (errors[0]["path"].as_str(), errors[0]["code"].as_str()),
            (Some("/num_images"), Some(code_name)),
            "{n}: {e}"
        );
        let message = errors[0]["message"].as_str().unwrap();
        assert!(message.contains("1, 2, 4, 8"), "{n}: {message}");
    }
    // "Schnell mode images is $0.002 per request", "Dev mode ... $0.02 per request": per
    // job, for every number of images the page allows (however the number is written).
    for n in ["1", "2", "4", "8", "4.0"] {
        for (performance, amount) in [("schnell", "0.002"), ("dev", "0.02")] {
            let command =
                format!("quote --model {FLUX} --num-images {n} --performance {performance}");
            let o = cli(&command, b"");
            assert_eq!(code(&o), 0, "{command}: {}", stdout(&o));
            let q = json_out(&o);
            assert_eq!(q["amount"], amount, "{command}");
            assert_eq!(q["performance"], performance, "{command}");
            assert!(q["num_images"].is_i64(), "{command}: {q}");
        }
    }
    // "$0.03 per image", "$0.038 per image", times the images asked for; no --aspect-ratio.
    for (n, nano, seedream) in [
        (1, "0.03", "0.038"),
        (2, "0.06", "0.076"),
        (3, "0.09", "0.114"),
        (4, "0.12", "0.152"),
    ] {
        for (model, amount) in [(NANO_BANANA, nano), (SEEDREAM, seedream)] {
            let command = format!("quote --model {model} --num-images {n}");
            let o = cli(&command, b"");
            assert_eq!(code(&o), 0, "{command}: {}", stdout(&o));
            let q = json_out(&o);
            assert_eq!(
                (&q["model"], &q["amount"], &q["num_images"]),
                (&json!(model), &json!(amount), &json!(n)),
                "{command}"
            );
            assert!(q.get("errors").is_none(), "{command}: {q}");
        }
    }
    assert_eq!(dec("0.03") * dec("3"), dec("0.09"));
    // Outside 1 to 4, a rejected request naming the range.
    for model in [NANO_BANANA, SEEDREAM] {
        for n in ["0", "5"] {
            let o = cli(&format!("quote --model {model} --num-images {n}"), b"");
            assert_eq!(code(&o), 1, "{model} {n}");
            let e = &json_out(&o)["errors"][0];
            assert_eq!(
                (e["path"].as_str(), e["code"].as_str()),
                (Some("/num_images"), Some("out_of_range")),
                "{model} {n}: {e}"
            );
            assert!(
                e["message"].as_str().unwrap().contains("from 1 to 4"),
                "{e}"
            );
        }
    }
    // A value that is given is judged: no 7:5 for any of the six (the image-to-image pages'
    // images filled in too).
    for (model, option, values) in NO_DEFAULT {
        let o = cli(&format!("quote --model {model} --aspect-ratio 7:5"), b"");
        assert_eq!(code(&o), 1, "{model}: {}", stdout(&o));
        let e = json_out(&o);
        assert_eq!(e.as_object().unwrap().len(), 1, "only errors: {e}");
        assert_eq!(e["errors"].as_array().unwrap().len(), 1, "{model}: {e}");
        let e = &e["errors"][0];
        assert_eq!(
            (e["path"].as_str(), e["code"].as_str()),
            (Some(format!("/{option}").as_str()), Some("invalid_value")),
            "{model}: {e}"
        );
        assert!(
            e["message"].as_str().unwrap().contains(&quoted(values)),
            "{model}: {e}"
        );
    }
    // Midjourney, neither prompt nor aspect ratio given: "$0.04 per request".
    for flags in [
        "--chaos 50",
        "--performance quality --stylization 0",
        "--weirdness 3000",
    ] {
        let o = cli(&format!("quote --model {MIDJOURNEY} {flags}"), b"");
        assert_eq!(code(&o), 0, "{flags}: {}", stdout(&o));
        assert_eq!(json_out(&o)["amount"], "0.04", "{flags}");
    }
    let o = cli(&format!("quote --model {MIDJOURNEY} --weirdness 3001"), b"");
    assert_eq!(code(&o), 1);
    assert_eq!(json_out(&o)["errors"][0]["code"], "out_of_range");
}

// ---------------------------------------------------------------------------------------------
// quote: measured quantities, unpriced pages, cut pages

/// The flags that pick a transcribed entry's values: `--mode std --duration 4`.
fn flags_of(when: &[(&str, documented::V)]) -> String {
    let flags: Vec<String> = when
        .iter()
        .map(|(name, v)| format!("{} {}", flag_of(name), value_text(*v)))
        .collect();
    flags.join(" ")
}

/// Kling O1 video-to-video prices the seconds of its input video, which the request does not
/// carry: without them `quote` gives an estimate, the rate and the bounds, and exits 0.
#[test]
fn quote_of_a_measured_model_without_usage_is_an_estimate() {
    let flags = text_flags(KLING_V2V);
    // "Standard mode $0.11 per second; Pro mode $0.143 per second", 3 to 10 s of input.
    for (mode, rate, min, max) in [
        ("pro", "0.143", "0.429", "1.430"),
        ("std", "0.11", "0.33", "1.10"),
    ] {
        let o = cli(
            &format!("quote --model {KLING_V2V} {flags} --mode {mode}"),
            b"",
        );
        assert_eq!(code(&o), 0, "{}", stdout(&o));
        assert_eq!(
            json_out(&o),
            json!({"model": KLING_V2V, "currency": "USD", "rate": rate, "unit": "second", "needs": ["input_video_seconds"], "min_amount": min, "max_amount": max, "mode": mode, "action": "refer", "keep_audio": false}),
            "{mode}"
        );
    }
    // Pro is the default; for people, one line.
    let o = cli(
        &format!("quote --model {KLING_V2V} {flags} --format text"),
        b"",
    );
    assert_eq!(code(&o), 0);
    assert_eq!(
        stdout(&o),
        format!("0.143 USD per second, needs input_video_seconds: between 0.429 and 1.430 USD {KLING_V2V} mode=pro action=refer keep_audio=false\n")
    );
    // Seedance adds the output's seconds; the input's length has no documented maximum, so
    // the estimate has no max_amount: at least the rate × duration (0.168 × 5).
    let flags = text_flags(SEEDANCE);
    let o = cli(&format!("quote --model {SEEDANCE} {flags}"), b"");
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert_eq!(
        json_out(&o),
        json!({"model": SEEDANCE, "currency": "USD", "rate": "0.168", "unit": "second", "needs": ["input_video_seconds"], "min_amount": "0.840", "mode": "std", "duration": 5, "aspect_ratio": "16:9"})
    );
    // 0.14 × 12
    let o = cli(
        &format!("quote --model {SEEDANCE} {flags} --mode fast --duration 12 --format text"),
        b"",
    );
    assert_eq!(code(&o), 0);
    assert_eq!(
        stdout(&o),
        format!("0.14 USD per second, needs input_video_seconds: at least 1.68 USD {SEEDANCE} mode=fast duration=12 aspect_ratio=16:9\n")
    );
    // Every bound the transcription works out.
    for model in [KLING_V2V, SEEDANCE] {
        let documented::Prices::Listed(entries) = &documented::documented(model).prices else {
            panic!("{model} is listed")
        };
        for entry in *entries {
            let documented::Priced::Measured { rate, min, max, .. } = entry.price else {
                panic!("{model} is measured")
            };
            let command = format!(
                "quote --model {model} {} {}",
                text_flags(model),
                flags_of(entry.when)
            );
            let o = cli(&command, b"");
            assert_eq!(code(&o), 0, "{command}: {}", stdout(&o));
            let e = json_out(&o);
            assert_eq!(e["rate"], rate, "{command}");
            assert_eq!(
                e.get("min_amount").and_then(Value::as_str),
                min,
                "{command}"
            );
            assert_eq!(
                e.get("max_amount").and_then(Value::as_str),
                max,
                "{command}"
            );
            assert!(e.get("amount").is_none(), "{command}: {e}");
        }
    }
}

/// With the measured seconds (`--usage NAME=NUMBER`) the quote is exact.
#[test]
fn quote_with_usage_is_exact() {
    // 0.11 × 7.2; 0.143 × 7.2; Seedance std at its default 5 s: 0.168 × (7.2 + 5).
    for (model, flags, amount) in [
        (KLING_V2V, "--mode std", "0.792"),
        (KLING_V2V, "--mode pro", "1.0296"),
        (SEEDANCE, "", "2.0496"),
    ] {
        let command = format!(
            "quote --model {model} {} {flags} --usage input_video_seconds=7.2",
            text_flags(model)
        );
        let o = cli(&command, b"");
        assert_eq!(code(&o), 0, "{command}: {}", stdout(&o));
        let q = json_out(&o);
        assert_eq!(q["amount"], amount, "{command}");
        assert_eq!(
            q["usage"],
            json!({"input_video_seconds": "7.2"}),
            "{command}"
        );
        for key in ["rate", "needs", "min_amount", "max_amount"] {
            assert!(q.get(key).is_none(), "{command}: {q}");
        }
    }
    let o = cli(
        &format!(
            "quote --model {KLING_V2V} {} --mode std --usage input_video_seconds=7.2",
            text_flags(KLING_V2V)
        ),
        b"",
    );
    assert_eq!(
        json_out(&o),
        json!({"model": KLING_V2V, "currency": "USD", "amount": "0.792", "mode": "std", "action": "refer", "keep_audio": false, "usage": {"input_video_seconds": "7.2"}})
    );
    // For people: how the amount is made, the terms where the rate multiplies two.
    for (model, usage, line) in [
        (
            KLING_V2V,
            "7.2",
            format!("1.0296 USD: 0.143 per second × 7.2 seconds {KLING_V2V} mode=pro action=refer keep_audio=false\n"),
        ),
        (
            SEEDANCE,
            "7.2",
            format!("2.0496 USD: 0.168 per second × 12.2 seconds (input_video_seconds 7.2 + duration 5) {SEEDANCE} mode=std duration=5 aspect_ratio=16:9\n"),
        ),
    ] {
        let o = cli(
            &format!(
                "quote --model {model} {} --usage input_video_seconds={usage} --format text",
                text_flags(model)
            ),
            b"",
        );
        assert_eq!(code(&o), 0);
        assert_eq!(stdout(&o), line);
    }
    // Every figure the transcription works out, at each mode (and Seedance duration).
    for model in [KLING_V2V, SEEDANCE] {
        let documented::Prices::Listed(entries) = &documented::documented(model).prices else {
            panic!("{model} is listed")
        };
        for entry in *entries {
            let documented::Priced::Measured { at, .. } = entry.price else {
                panic!("{model} is measured")
            };
            for (name, value, amount) in at {
                let command = format!(
                    "quote --model {model} {} {} --usage {name}={value}",
                    text_flags(model),
                    flags_of(entry.when)
                );
                let o = cli(&command, b"");
                assert_eq!(code(&o), 0, "{command}: {}", stdout(&o));
                assert_eq!(json_out(&o)["amount"], *amount, "{command}");
            }
        }
    }
    // No maximum for Seedance's input: 0.168 × (1000 + 5).
    let o = cli(
        &format!(
            "quote --model {SEEDANCE} {} --usage input_video_seconds=1000",
            text_flags(SEEDANCE)
        ),
        b"",
    );
    assert_eq!(code(&o), 0);
    assert_eq!(json_out(&o)["amount"], "168.840");
}

#[test]
fn a_usage_the_page_does_not_allow_is_rejected() {
    let flags = text_flags(KLING_V2V);
    // Outside the page's 3 to 10 s: a rejected request (exit 1), not a usage error.
    for seconds in ["11", "2.9", "10.001"] {
        let o = cli(
            &format!("quote --model {KLING_V2V} {flags} --usage input_video_seconds={seconds}"),
            b"",
        );
        assert_eq!(code(&o), 1, "{seconds}: {}", stdout(&o));
        let e = json_out(&o);
        assert_eq!(e["errors"].as_array().unwrap().len(), 1, "{e}");
        assert_eq!(e["errors"][0]["code"], "invalid_usage", "{e}");
        assert_eq!(e["errors"][0]["path"], "/usage/input_video_seconds", "{e}");
        assert!(
            e["errors"][0]["message"]
                .as_str()
                .unwrap()
                .contains("3 to 10"),
            "{e}"
        );
    }
    // The bounds themselves are allowed: 0.143 × 3, 0.143 × 10.
    for (seconds, amount) in [("3", "0.429"), ("10", "1.430")] {
        let o = cli(
            &format!("quote --model {KLING_V2V} {flags} --usage input_video_seconds={seconds}"),
            b"",
        );
        assert_eq!(code(&o), 0, "{seconds}");
        assert_eq!(json_out(&o)["amount"], amount);
    }
    // A quantity the model does not measure, at /usage/NAME, naming the ones it does.
    let o = cli(
        &format!("quote --model {KLING_V2V} {flags} --usage seconds=7"),
        b"",
    );
    assert_eq!(code(&o), 1);
    let e = &json_out(&o)["errors"][0];
    assert_eq!(e["code"], "invalid_usage");
    assert_eq!(e["path"], "/usage/seconds");
    assert!(
        e["message"]
            .as_str()
            .unwrap()
            .contains("\"input_video_seconds\""),
        "{e}"
    );
    // A model that measures nothing measures no quantity at all; `check` says so too.
    for sub in ["quote", "check"] {
        let o = cli(
            &format!("{sub} --model {T2V_60} --prompt p --usage input_video_seconds=7"),
            b"",
        );
        assert_eq!(code(&o), 1, "{sub}");
        let e = &json_out(&o)["errors"][0];
        assert_eq!(e["code"], "invalid_usage", "{sub}");
        assert_eq!(e["path"], "/usage/input_video_seconds", "{sub}");
    }
    // Not NAME=NUMBER, or not a non-negative number: a usage error (exit 2); and --usage
    // does not go with --jsonl, whose lines carry their own.
    for usage in [
        "input_video_seconds",
        "input_video_seconds=",
        "input_video_seconds=abc",
        "input_video_seconds=-1",
    ] {
        let message = usage_error(&[
            "quote", "--model", KLING_V2V, "--prompt", "p", "--video", "v", "--usage", usage,
        ]);
        assert!(message.contains("--usage"), "{usage}: {message}");
    }
    usage_error(&["quote", "--jsonl", "-", "--usage", "input_video_seconds=7"]);
}

/// A page that does not let a price be computed: `quote` exits 1 with one `unpriced` error
/// saying why; the request itself is valid, so `check` accepts it.
#[test]
fn an_unpriced_quote_exits_1_with_the_reason_and_check_accepts_it() {
    for (model, flags, phrase) in [
        (VIDU, "", "starts at"),
        (VIDU, "--resolution 1080p --duration 10", "starts at"),
        (KLING_I2V, "--mode pro --duration 10", "per request"),
        (KLING_I2V, "", "per request"), // Pro is the default
        // Vidu Q2 image-to-video: no mode, resolution or duration is priced.
        (VIDU_I2V, "", "starts at"),
        (
            VIDU_I2V,
            "--mode turbo --resolution 540p --duration 2",
            "starts at",
        ),
        (
            VIDU_I2V,
            "--mode pro-fast --resolution 1080p --duration 10 --generate-audio --voice-id v1",
            "starts at",
        ),
    ] {
        let args = format!("--model {model} {} {flags}", required_flags(model));
        let o = cli(&format!("quote {args}"), b"");
        assert_eq!(code(&o), 1, "{args}: {}", stdout(&o));
        let e = json_out(&o);
        assert_eq!(e.as_object().unwrap().len(), 1, "only errors: {e}");
        let errors = e["errors"].as_array().unwrap();
        assert_eq!(errors.len(), 1, "{e}");
        assert_eq!(errors[0]["path"], "", "{e}");
        assert_eq!(errors[0]["code"], "unpriced", "{e}");
        let message = errors[0]["message"].as_str().unwrap();
        assert!(
            message.contains(model) && message.contains(phrase),
            "{message}"
        );
        let o = cli(&format!("quote {args} --format text"), b"");
        assert_eq!(code(&o), 1);
        let text = stdout(&o);
        assert_eq!(text.lines().count(), 1, "{text}");
        assert!(text.starts_with(&format!("unpriced: {model}")), "{text}");
        assert!(text.contains(phrase), "{text}");
        let o = cli(&format!("check {args}"), b"");
        assert_eq!(code(&o), 0, "{args}: {}", stdout(&o));
        let c = json_out(&o);
        assert_eq!((&c["valid"], &c["model"]), (&json!(true), &json!(model)));
    }
    // Standard is priced: 0.075 × the duration's seconds, every one the transcription works
    // out.
    let documented::Prices::Listed(entries) = &documented::documented(KLING_I2V).prices else {
        panic!("listed")
    };
    for entry in *entries {
        let documented::Priced::Amount(amount) = entry.price else {
            continue;
        };
        // Two images: with one, frame mode takes 5 or 10 seconds only (a limit).
        let command = format!(
            "quote --model {KLING_I2V} --prompt p --images a --images b {}",
            flags_of(entry.when)
        );
        let o = cli(&command, b"");
        assert_eq!(code(&o), 0, "{command}: {}", stdout(&o));
        assert_eq!(json_out(&o)["amount"], amount, "{command}");
    }
    let o = cli(
        &format!(
            "quote --model {KLING_I2V} --prompt p --images a --images b --mode std --duration 8 --format text"
        ),
        b"",
    );
    assert_eq!(
        stdout(&o),
        format!(
            "0.600 USD: 0.075 per second × 8 seconds {KLING_I2V} mode=std action=frame duration=8\n"
        )
    );
}

/// Where a page's stored copy ends inside its options, a field it does not document may be one
/// of the options after the cut: it passes. Every documented field is still checked; a whole
/// page still refuses a field it does not have.
#[test]
fn a_cut_page_lets_a_field_it_does_not_document_pass() {
    // Kling O1 image-to-video's copy ends inside `elements` (in its item field
    // `reference_image_urls`): anything may follow, here `aspect_ratio`, and an element's
    // field after the cut, here `side`. 0.075 × 8.
    let body = json!({"model": KLING_I2V, "args": {
        "prompt": "p", "mode": "std", "duration": "8",
        "images": ["https://e.com/a.png", "https://e.com/b.png"],
        "elements": [{"frontal_image_url": "https://e.com/f.png", "side": "left"}],
        "aspect_ratio": "16:9",
    }});
    let o = run(&["quote", "--json", &body.to_string()], b"");
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    // The quote is of the options the spec knows; the others are not echoed.
    assert_eq!(
        json_out(&o),
        json!({"model": KLING_I2V, "currency": "USD", "amount": "0.600", "mode": "std", "action": "frame", "duration": "8"})
    );
    let o = run(&["check", "--json", &body.to_string()], b"");
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert_eq!(
        json_out(&o),
        json!({"valid": true, "model": KLING_I2V, "mode": "std", "action": "frame", "duration": "8"})
    );
    // The two other cut pages, as bare args: an estimate each.
    for (model, args) in [
        (
            KLING_V2V,
            json!({"prompt": "p", "video": "v", "images": ["https://e.com/a.png"], "elements": []}),
        ),
        (
            SEEDANCE,
            json!({"prompt": "p", "video_url": "v", "image_urls": ["https://e.com/a.png"], "audio_urls": ["https://e.com/a.mp3"]}),
        ),
    ] {
        let o = run(
            &["quote", "--model", model, "--json", &args.to_string()],
            b"",
        );
        assert_eq!(code(&o), 0, "{model}: {}", stdout(&o));
        assert_eq!(
            json_out(&o)["needs"],
            json!(["input_video_seconds"]),
            "{model}"
        );
    }
    // Documented fields are checked all the same. Kling's duration is a string of a whole
    // number ("string, optional, default 5, Range 3 to 10"): "11" is out of its range, the
    // number 8 the wrong type.
    for (model, args, path, code_name) in [
        (
            KLING_I2V,
            json!({"prompt": "p", "duration": "11", "images": ["i"]}),
            "/duration",
            "out_of_range",
        ),
        (
            KLING_I2V,
            json!({"prompt": "p", "duration": 8, "images": ["i"]}),
            "/duration",
            "wrong_type",
        ),
        (
            KLING_I2V,
            json!({"mode": "std", "images": ["i"]}),
            "/prompt",
            "missing_field",
        ),
        (
            KLING_V2V,
            json!({"prompt": "p", "video": "v", "keep_audio": "yes"}),
            "/keep_audio",
            "wrong_type",
        ),
        (
            SEEDANCE,
            json!({"prompt": "p", "video_url": "v", "duration": 16, "image_urls": []}),
            "/duration",
            "out_of_range",
        ),
        // Whole pages: a field they do not have is refused.
        (
            VEO,
            json!({"prompt": "p", "image": "i", "images": ["x"]}),
            "/images",
            "unknown_field",
        ),
        (
            VIDU,
            json!({"prompt": "p", "mode": "std"}),
            "/mode",
            "unknown_field",
        ),
        (
            VIDU_I2V,
            json!({"prompt": "p", "image": "i", "aspect_ratio": "16:9"}),
            "/aspect_ratio",
            "unknown_field",
        ),
    ] {
        let o = run(
            &["check", "--model", model, "--json", &args.to_string()],
            b"",
        );
        assert_eq!(code(&o), 1, "{model} {args}");
        let e = &json_out(&o)["errors"][0];
        assert_eq!(
            (e["path"].as_str(), e["code"].as_str()),
            (Some(path), Some(code_name)),
            "{model} {args}: {e}"
        );
    }
    // The body around the args stays closed.
    let body = json!({"model": KLING_I2V, "args": {"prompt": "p", "images": ["i"]}, "images": []});
    let o = run(&["check", "--json", &body.to_string()], b"");
    assert_eq!(code(&o), 1);
    assert_eq!(json_out(&o)["errors"][0]["code"], "unknown_field");
}

// ---------------------------------------------------------------------------------------------
// Flags and models: usage errors

#[test]
fn a_flag_the_model_lacks_is_a_usage_error() {
    for (model, flag) in [
        (T2V_55, "--image"),
        (T2V_60, "--image"),
        (I2V_55, "--image-tail"),
        (I2V_60, "--image-tail"),
        (T2V_60, "--image-tail"),
        (TRANSITION_55, "--multi-shot"),
        (TRANSITION_60, "--multi-shot"),
        (VIDU, "--mode"),
        (KLING_V2V, "--duration"),
        (KLING_I2V, "--image"),
        (SEEDANCE, "--resolution"),
        (VEO, "--multi-shot"),
        (T2V_60, "--video"),
        (HAPPYHORSE, "--mode"),
        (NANO_BANANA, "--performance"),
        (NANO_BANANA, "--resolution"),
        (FLUX, "--negative-prompt"),
        (FLUX, "--stylization"),
        (MIDJOURNEY, "--num-images"),
        (SEEDREAM, "--performance"),
        (T2V_60, "--num-images"),
        (SEEDREAM_EDIT, "--performance"),
        (NANO_BANANA_EDIT, "--negative-prompt"),
        (NANO_BANANA, "--image-urls"),
        (SEEDANCE, "--image-urls"),
        (VIDU_I2V, "--aspect-ratio"),
        (VIDU_I2V, "--multi-shot"),
        (VIDU, "--voice-id"),
        (VEO, "--voice-id"),
        (WAN_T2I, "--aspect-ratio"),
        (NANO_BANANA, "--width"),
    ] {
        // Its own flags, in page order.
        let own: Vec<String> = options_of(model).iter().map(|o| flag_of(o)).collect();
        for sub in ["quote", "check", "request"] {
            let message = usage_error(&[sub, "--model", model, flag, "true"]);
            let option = flag.trim_start_matches("--").replace('-', "_");
            assert!(
                message.contains(&format!(
                    "{model} has no option {option}; its options: {}\n",
                    own.join(", ")
                )),
                "{sub} {model} {flag}: {message}"
            );
        }
    }
    // The image flags work where the model has them.
    let o = cli(
        &format!("quote --model {I2V_55} --image https://e.com/a.png"),
        b"",
    );
    assert_eq!(code(&o), 0);
    assert_eq!(json_out(&o)["amount"], "0.170");
}

#[test]
fn option_flags_without_model_are_a_usage_error() {
    for args in [
        "quote --resolution 720p",
        "check --prompt p",
        "quote --image-tail x",
        "request --prompt p",
    ] {
        let message = usage_error(&args.split(' ').collect::<Vec<_>>());
        assert!(message.contains("need --model ID"), "{args}: {message}");
        for (id, _) in MODELS {
            assert!(message.contains(id), "{args}: {message}");
        }
    }
}

#[test]
fn an_unknown_model_is_a_usage_error_listing_the_known_ones() {
    for sub in ["quote", "check", "request", "reconcile", "schema"] {
        let message = usage_error(&[sub, "--model", "pixverse/pixverse-7.0/text-to-video"]);
        assert!(message.contains("unknown model"), "{sub}: {message}");
        for (id, _) in MODELS {
            assert!(message.contains(id), "{sub}: {message}");
        }
    }
}

/// A flag's value is judged for the model `--model` names, like a JSON value: a bad one is a
/// rejected request (exit 1) that says what is allowed, not a usage error.
#[test]
fn flag_values_are_judged_for_the_model() {
    let o = cli(
        "quote --model pixverse/pixverse-5.5/text-to-video --generate-audio maybe",
        b"",
    );
    assert_eq!(code(&o), 1);
    let errors = &json_out(&o)["errors"];
    assert_eq!(errors[0]["path"], "/generate_audio");
    assert_eq!(errors[0]["code"], "wrong_type");
    let o = cli(
        "quote --model pixverse/pixverse-6.0/transition --duration 7",
        b"",
    );
    assert_eq!(code(&o), 1);
    let errors = &json_out(&o)["errors"];
    assert_eq!(errors[0]["code"], "invalid_value");
    assert!(
        errors[0]["message"]
            .as_str()
            .unwrap()
            .contains(r#""5", "8", "10""#),
        "{errors}"
    );
    let o = cli(
        "quote --model pixverse/pixverse-6.0/transition --generate-audio false --format text",
        b"",
    );
    assert_eq!(code(&o), 0);
    // 720p: 0.038 × 5
    assert!(
        stdout(&o).starts_with("0.190 USD: 0.038 per second × 5 seconds "),
        "{}",
        stdout(&o)
    );
}

#[test]
fn usage_and_io_errors_exit_2() {
    for args in [
        "",
        "bogus",
        "quote --format yaml",
        "models --format yaml",
        "table --format xml",
        "table --model pixverse/pixverse-5.5/text-to-video",
        "quote --summary stderr --model pixverse/pixverse-5.5/text-to-video",
        "quote --json {} --jsonl x.jsonl",
    ] {
        usage_error(&args.split_whitespace().collect::<Vec<_>>());
    }
    assert_eq!(
        usage_error(&["quote", "--jsonl", "-", "--resolution", "540p"]),
        "error: option flags do not apply to --jsonl: each line gives its own options\n"
    );
    // A read error met while streaming (the input read ahead on its own thread) is an I/O
    // error too.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests");
    assert_eq!(
        usage_error(&["quote", "--jsonl", dir]),
        "error: cannot read the input: Is a directory (os error 21)\n"
    );
    for sub in ["quote --jsonl", "check --jsonl", "reconcile"] {
        let mut args: Vec<&str> = sub.split(' ').collect();
        args.push("/nonexistent/usage.jsonl");
        assert_eq!(
            usage_error(&args),
            "error: cannot open /nonexistent/usage.jsonl: No such file or directory (os error 2)\n"
        );
    }
}

#[test]
fn an_empty_request_is_a_usage_error_saying_what_to_give() {
    // No flags and nothing on stdin (a pipe that closes at once, as in a script or CI).
    for sub in ["quote", "check"] {
        for stdin in [&b""[..], b"\n", b" \t\r\n"] {
            let m = usage_error_on(&[sub, "--model", T2V_60], stdin);
            assert_eq!(
                m,
                "error: no request: stdin is empty; give the options as flags with --model ID \
                 (`--help` lists them), a body or bare args with --json '{…}' (--json - reads \
                 stdin), or pipe a request on stdin\n",
                "{sub} {stdin:?}"
            );
            // The same without --model, and through `--json -`.
            assert_eq!(usage_error_on(&[sub], stdin), m);
            assert_eq!(usage_error_on(&[sub, "--json", "-"], stdin), m);
        }
        // An empty --json.
        for text in ["", "  "] {
            let m = usage_error_on(&[sub, "--model", T2V_60, "--json", text], b"");
            assert!(
                m.starts_with("error: no request: --json is empty; give "),
                "{m}"
            );
        }
    }
    // Still a rejected request (exit 1), not a usage error: something that is not JSON.
    let o = cli(&format!("quote --model {T2V_60}"), b" x ");
    assert_eq!(code(&o), 1);
    assert_eq!(json_out(&o)["errors"][0]["code"], "invalid_json");
}

/// Runs the binary with a terminal (a pseudo-terminal made by Python's `pty`) on stdin, and
/// kills it after `seconds` if it is still waiting: `(exit code or None, stdout, stderr)`.
fn with_a_terminal_on_stdin(args: &[&str], seconds: u32) -> (Option<i32>, String, String) {
    let script = r#"
import json, os, pty, subprocess, sys
_, terminal = pty.openpty()
try:
    p = subprocess.run(sys.argv[2:], stdin=terminal, capture_output=True, text=True,
                       timeout=int(sys.argv[1]))
    print(json.dumps([p.returncode, p.stdout, p.stderr]))
except subprocess.TimeoutExpired as e:
    err = e.stderr or b""
    print(json.dumps([None, "", err.decode() if isinstance(err, bytes) else err]))
"#;
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(seconds.to_string())
        .arg(BIN)
        .args(args)
        .output()
        .expect("python3 runs (README: set-up)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn a_terminal_on_stdin_is_not_waited_on_silently() {
    // No flags, no --json: a usage error at once, not a wait for input nobody is typing.
    for sub in ["quote", "check"] {
        let (code, out, err) = with_a_terminal_on_stdin(&[sub, "--model", T2V_60], 20);
        assert_eq!(code, Some(2), "{sub}: {err}");
        assert_eq!(out, "");
        assert!(
            err.starts_with(
                "error: no request: no option flags, no --json, and stdin is a terminal; give \
                 the options as flags with --model ID"
            ),
            "{sub}: {err}"
        );
    }
    // Flags need no stdin at all.
    let (code, out, _) =
        with_a_terminal_on_stdin(&["quote", "--model", T2V_60, "--duration", "8"], 20);
    assert_eq!(code, Some(0));
    assert_eq!(strict_json(&out).unwrap()["amount"], "0.304"); // 720p: 0.038 × 8
                                                               // Asked for stdin explicitly, it waits, but says so (on stderr) first.
    for args in [
        &["quote", "--json", "-"][..],
        &["quote", "--jsonl"],
        &["reconcile"],
    ] {
        let (code, _, err) = with_a_terminal_on_stdin(args, 3);
        assert_eq!(code, None, "{args:?} waits for its input");
        assert!(
            err.contains("from stdin (a terminal)") && err.contains("Ctrl-D"),
            "{args:?}: {err:?}"
        );
    }
}

#[test]
fn option_flags_with_json_are_refused() {
    let message = usage_error(&[
        "quote",
        "--model",
        T2V_60,
        "--json",
        r#"{"prompt":"p"}"#,
        "--resolution",
        "1080p",
    ]);
    assert!(message.contains("--json"), "{message}");
}

// ---------------------------------------------------------------------------------------------
// quote --jsonl / check --jsonl: a log that mixes models

/// A usage log with bodies of the six PixVerse models, bare args, blank, corrupt, non-UTF-8 and CRLF
/// lines, an unknown model and refused requests; no final newline.
fn mixed_log() -> Vec<u8> {
    let lines: [&[u8]; 16] = [
        // 1: 5.5 t2v 1080p 8 s audio: 0.765
        br#"{"model":"pixverse/pixverse-5.5/text-to-video","args":{"prompt":"a","resolution":"1080p","duration":"8","generate_audio":true}}"#,
        // 2: 5.5 i2v multi-shot 720p 10 s: 0.561
        br#"{"model":"pixverse/pixverse-5.5/image-to-video","args":{"prompt":"b","image":"https://e.com/b.png","multi_shot":true,"duration":"10"}}"#,
        // 3: 5.5 transition 540p 10 s audio: 1.029
        br#"{"model":"pixverse/pixverse-5.5/transition","args":{"prompt":"c","image":"i","image_tail":"t","resolution":"540p","duration":"10","generate_audio":true}}"#,
        // 4: blank
        b"",
        // 5: 6.0 t2v 720p 8 s audio: 0.051 × 8 = 0.408
        br#"{"model":"pixverse/pixverse-6.0/text-to-video","args":{"prompt":"d","duration":"8","generate_audio":true}}"#,
        // 6: 6.0 i2v 1080p 8 s multi-shot: 0.077 × 8 = 0.616
        br#"{"model":"pixverse/pixverse-6.0/image-to-video","args":{"prompt":"e","image":"i","resolution":"1080p","duration":"8","multi_shot":true}}"#,
        // 7: 6.0 transition 540p 5 s: 0.030 × 5 = 0.150
        br#"{"model":"pixverse/pixverse-6.0/transition","args":{"prompt":"f","image":"i","image_tail":"t","resolution":"540p"}}"#,
        // 8: bare args; as 6.0 t2v, 720p 10 s audio: 0.051 × 10 = 0.510
        br#"{"prompt":"g","duration":"10","generate_audio":true}"#,
        // 9: blank (white space)
        b"   \t",
        // 10: corrupt
        br#"{"prompt": "unclosed""#,
        // 11: a model the crate does not know
        br#"{"model":"pixverse/pixverse-7.0/text-to-video","args":{"prompt":"h"}}"#,
        // 12: 1080p at 10 s
        br#"{"model":"pixverse/pixverse-6.0/text-to-video","args":{"prompt":"i","resolution":"1080p","duration":"10"}}"#,
        // 13: a transition has no multi_shot
        br#"{"model":"pixverse/pixverse-5.5/transition","args":{"prompt":"j","image":"i","image_tail":"t","multi_shot":true}}"#,
        // 14: not UTF-8
        b"\xff\xfe",
        // 15: 5.5 t2v defaults, CRLF: 0.170
        b"{\"model\":\"pixverse/pixverse-5.5/text-to-video\",\"args\":{\"prompt\":\"k\"}}\r",
        // 16: bare args, no final newline; as 6.0 t2v, 540p 5 s: 0.030 × 5 = 0.150
        br#"{"prompt":"m","resolution":"540p"}"#,
    ];
    lines.join(&b"\n"[..])
}

/// What a log line gives.
enum Want {
    /// Accepted: its model and (for `quote`) its amount.
    Priced(&'static str, &'static str),
    /// Refused: the first error's code and path.
    Refused(&'static str, &'static str),
}

/// What each non-blank line of [`mixed_log`] gives, with `--model` 6.0 text-to-video.
const MIXED_LOG_VERDICTS: [(u64, Want); 14] = [
    (1, Want::Priced(T2V_55, "0.765")),
    (2, Want::Priced(I2V_55, "0.561")),
    (3, Want::Priced(TRANSITION_55, "1.029")),
    (5, Want::Priced(T2V_60, "0.408")),
    (6, Want::Priced(I2V_60, "0.616")),
    (7, Want::Priced(TRANSITION_60, "0.150")),
    (8, Want::Priced(T2V_60, "0.510")),
    (10, Want::Refused("invalid_json", "")),
    (11, Want::Refused("unknown_model", "/model")),
    (
        12,
        Want::Refused("unsupported_combination", "/args/duration"),
    ),
    (13, Want::Refused("unknown_field", "/args/multi_shot")),
    (14, Want::Refused("invalid_json", "")),
    (15, Want::Priced(T2V_55, "0.170")),
    (16, Want::Priced(T2V_60, "0.150")),
];

/// Asserts the output lines of `quote --jsonl` (`key` "quote") or `check --jsonl` ("check")
/// against [`MIXED_LOG_VERDICTS`].
fn assert_verdicts(out: &[Value], key: &str) {
    assert_eq!(
        out.len(),
        MIXED_LOG_VERDICTS.len(),
        "a line per non-blank line"
    );
    for (got, (line, want)) in out.iter().zip(&MIXED_LOG_VERDICTS) {
        assert_eq!(got["line"], *line, "{got}");
        match want {
            Want::Priced(model, amount) => {
                assert_eq!(got[key]["model"], *model, "{got}");
                if key == "quote" {
                    assert_eq!(got[key]["amount"], *amount, "{got}");
                    assert_eq!(got[key]["currency"], "USD", "{got}");
                } else {
                    assert_eq!(got[key]["valid"], true, "{got}");
                    assert!(got[key].get("amount").is_none(), "{got}");
                }
            }
            Want::Refused(code, path) => {
                assert_eq!(got["errors"][0]["code"], *code, "{got}");
                assert_eq!(got["errors"][0]["path"], *path, "{got}");
            }
        }
    }
}

#[test]
fn quote_jsonl_mixing_models_totals_each_model_exactly() {
    let path = scratch("quote_jsonl").join("usage.jsonl");
    std::fs::write(&path, mixed_log()).unwrap();
    let o = run(
        &[
            "quote",
            "--jsonl",
            path.to_str().unwrap(),
            "--model",
            T2V_60,
        ],
        b"",
    );
    assert_eq!(code(&o), 1, "some lines are refused");
    let mut out = lines(&o);
    let summary = out.pop().unwrap();
    assert_verdicts(&out, "quote");
    // By hand: 5.5 t2v 0.765 + 0.170; 6.0 t2v 0.408 + 0.510 + 0.150; the nine together.
    assert_eq!(
        summary,
        json!({"summary": {
            "lines": 16, "accepted": 9, "rejected": 5, "blank": 2,
            "estimated": 0, "unpriced": 0,
            "total": "4.359", "currency": "USD",
            "models": [
                {"model": I2V_55, "accepted": 1, "total": "0.561", "currency": "USD"},
                {"model": T2V_55, "accepted": 2, "total": "0.935", "currency": "USD"},
                {"model": TRANSITION_55, "accepted": 1, "total": "1.029", "currency": "USD"},
                {"model": I2V_60, "accepted": 1, "total": "0.616", "currency": "USD"},
                {"model": T2V_60, "accepted": 3, "total": "1.068", "currency": "USD"},
                {"model": TRANSITION_60, "accepted": 1, "total": "0.150", "currency": "USD"},
            ],
        }})
    );
}

#[test]
fn quote_jsonl_without_model_refuses_bare_args_lines() {
    let o = cli("quote --jsonl -", &mixed_log());
    assert_eq!(code(&o), 1);
    let out = lines(&o);
    assert_eq!(out.len(), MIXED_LOG_VERDICTS.len() + 1);
    let bare: Vec<&Value> = out
        .iter()
        .filter(|l| l["line"] == 8 || l["line"] == 16)
        .collect();
    assert_eq!(bare.len(), 2);
    for l in bare {
        assert_eq!(l["errors"][0]["code"], "unknown_model", "{l}");
        assert_eq!(l["errors"][0]["path"], "", "{l}");
        let message = l["errors"][0]["message"].as_str().unwrap();
        assert!(message.contains("--model"), "{message}");
    }
    // Lines 8 (0.510) and 16 (0.150) drop out of 6.0 t2v and of the total.
    let summary = &out.last().unwrap()["summary"];
    assert_eq!(summary["accepted"], 7);
    assert_eq!(summary["rejected"], 7);
    assert_eq!(summary["total"], "3.699");
    assert_eq!(
        summary["models"][4],
        json!({"model": T2V_60, "accepted": 1, "total": "0.408", "currency": "USD"})
    );
}

#[test]
fn quote_jsonl_from_stdin_puts_the_summary_on_stderr() {
    // `--jsonl` without a value reads stdin.
    let o = cli(
        &format!("quote --jsonl --summary stderr --model {T2V_60}"),
        &mixed_log(),
    );
    assert_eq!(code(&o), 1);
    assert_verdicts(&lines(&o), "quote");
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    let summary = strict_json(&err).unwrap();
    assert_eq!(summary["summary"]["lines"], 16);
    assert_eq!(summary["summary"]["total"], "4.359");
}

#[test]
fn check_jsonl_mixing_models_counts_each_model() {
    let o = cli(&format!("check --jsonl - --model {T2V_60}"), &mixed_log());
    assert_eq!(code(&o), 1);
    let mut out = lines(&o);
    let summary = out.pop().unwrap();
    assert_verdicts(&out, "check");
    assert_eq!(
        summary,
        json!({"summary": {
            "lines": 16, "accepted": 9, "rejected": 5, "blank": 2,
            "estimated": 0, "unpriced": 0,
            "models": [
                {"model": I2V_55, "accepted": 1},
                {"model": T2V_55, "accepted": 2},
                {"model": TRANSITION_55, "accepted": 1},
                {"model": I2V_60, "accepted": 1},
                {"model": T2V_60, "accepted": 3},
                {"model": TRANSITION_60, "accepted": 1},
            ],
        }})
    );
}

#[test]
fn an_all_valid_mixed_log_exits_0() {
    // Lines 1, 2, 3, 5, 6 and 7 of the mixed log: a body of each model.
    let log: Vec<u8> = mixed_log()
        .split(|b| *b == b'\n')
        .enumerate()
        .filter(|(i, _)| [0, 1, 2, 4, 5, 6].contains(i))
        .flat_map(|(_, l)| l.iter().copied().chain([b'\n']))
        .collect();
    let o = cli("quote --jsonl", &log);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    let out = lines(&o);
    assert_eq!(out.len(), 7);
    let summary = &out[6]["summary"];
    // 0.765 + 0.561 + 1.029 + 0.408 + 0.616 + 0.150
    assert_eq!(summary["total"], "3.529");
    assert_eq!(summary["rejected"], 0);
    assert_eq!(summary["models"].as_array().unwrap().len(), 6);
    let o = cli("check --jsonl -", &log);
    assert_eq!(code(&o), 0);
    assert_eq!(lines(&o)[6]["summary"]["accepted"], 6);
}

/// A log of the new price forms: exact quotes (one with its measured seconds beside the
/// request), a measured request without them, unpriced requests.
fn measured_log() -> String {
    [
        // 1: exact, 6.0 t2v 720p 8 s: 0.038 × 8 = 0.304
        r#"{"model":"pixverse/pixverse-6.0/text-to-video","args":{"prompt":"a","duration":"8"}}"#,
        // 2: with its usage, a JSON number: 0.11 × 7.2 = 0.792
        r#"{"request":{"model":"kwaivgi/kling-o1/video-to-video","args":{"prompt":"b","video":"v","mode":"std"}},"usage":{"input_video_seconds":7.2}}"#,
        // 3: measured, no usage (Pro): an estimate, 0.143 × 3 to 0.143 × 10
        r#"{"model":"kwaivgi/kling-o1/video-to-video","args":{"prompt":"c","video":"v"}}"#,
        // 4: unpriced
        r#"{"model":"vidu/vidu-q2/text-to-video","args":{"prompt":"d"}}"#,
        // 5: with its usage, a decimal string: 0.168 × (7.2 + 5) = 2.0496
        r#"{"request":{"model":"bytedance/seedance-2.0/omni-reference","args":{"prompt":"e","video_url":"v"}},"usage":{"input_video_seconds":"7.2"}}"#,
        // 6: exact, Veo quality 4k with audio 6 s: 0.48 × 6 = 2.88
        r#"{"model":"google/veo-3.1/image-to-video","args":{"prompt":"f","image":"i","mode":"quality","resolution":"4k","generate_audio":true,"duration":"6"}}"#,
        // 7: exact on a cut page, a field it does not document: 0.075 × 10 = 0.750
        r#"{"model":"kwaivgi/kling-o1/image-to-video","args":{"prompt":"g","mode":"std","duration":"10","images":["x"]}}"#,
    ]
    .join("\n")
}

#[test]
fn quote_jsonl_mixes_quotes_estimates_and_unpriced_lines() {
    let o = cli("quote --jsonl -", measured_log().as_bytes());
    assert_eq!(code(&o), 1, "an unpriced line exits 1");
    let mut out = lines(&o);
    let summary = out.pop().unwrap();
    let kinds: Vec<(u64, &str)> = out
        .iter()
        .map(|l| {
            let object = l.as_object().unwrap();
            assert_eq!(object.len(), 2, "{l}");
            let kind = object.keys().find(|k| *k != "line").unwrap();
            (l["line"].as_u64().unwrap(), kind.as_str())
        })
        .collect();
    assert_eq!(
        kinds,
        [
            (1, "quote"),
            (2, "quote"),
            (3, "estimate"),
            (4, "errors"),
            (5, "quote"),
            (6, "quote"),
            (7, "quote"),
        ]
    );
    for (line, amount) in [
        (1, "0.304"),
        (2, "0.792"),
        (5, "2.0496"),
        (6, "2.88"),
        (7, "0.750"),
    ] {
        assert_eq!(out[line - 1]["quote"]["amount"], amount, "line {line}");
    }
    // A quote with measured seconds says them; one without has no usage.
    assert_eq!(
        out[1]["quote"],
        json!({"model": KLING_V2V, "currency": "USD", "amount": "0.792", "mode": "std", "action": "refer", "keep_audio": false, "usage": {"input_video_seconds": "7.2"}})
    );
    assert_eq!(
        out[4]["quote"]["usage"],
        json!({"input_video_seconds": "7.2"})
    );
    assert!(out[0]["quote"].get("usage").is_none());
    assert_eq!(
        out[2]["estimate"],
        json!({"model": KLING_V2V, "currency": "USD", "rate": "0.143", "unit": "second", "needs": ["input_video_seconds"], "min_amount": "0.429", "max_amount": "1.430", "mode": "pro", "action": "refer", "keep_audio": false})
    );
    let errors = out[3]["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1);
    assert_eq!(
        (&errors[0]["code"], &errors[0]["path"]),
        (&json!("unpriced"), &json!(""))
    );
    assert!(errors[0]["message"].as_str().unwrap().contains("starts at"));
    // Every valid line is accepted; the total is the exact sum of the exact amounts alone:
    // 0.304 + 0.792 + 2.0496 + 2.88 + 0.750 = 6.7756. A model none of whose lines has an
    // amount totals 0.
    assert_eq!(
        summary,
        json!({"summary": {
            "lines": 7, "accepted": 7, "rejected": 0, "blank": 0,
            "estimated": 1, "unpriced": 1,
            "total": "6.7756", "currency": "USD",
            "models": [
                {"model": KLING_I2V, "accepted": 1, "total": "0.750", "currency": "USD"},
                {"model": KLING_V2V, "accepted": 2, "estimated": 1, "total": "0.792", "currency": "USD"},
                {"model": T2V_60, "accepted": 1, "total": "0.304", "currency": "USD"},
                {"model": SEEDANCE, "accepted": 1, "total": "2.0496", "currency": "USD"},
                {"model": VEO, "accepted": 1, "total": "2.88", "currency": "USD"},
                {"model": VIDU, "accepted": 1, "unpriced": 1, "total": "0", "currency": "USD"},
            ],
        }})
    );
    assert_eq!(
        dec("0.304") + dec("0.792") + dec("2.0496") + dec("2.88") + dec("0.750"),
        dec("6.7756")
    );
    // Without the unpriced line the log exits 0: an estimate is a valid verdict.
    let whole = measured_log();
    let log: Vec<&str> = whole
        .lines()
        .enumerate()
        .filter(|(i, _)| *i != 3)
        .map(|(_, l)| l)
        .collect();
    let o = cli("quote --jsonl -", log.join("\n").as_bytes());
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    let summary = &lines(&o).pop().unwrap()["summary"];
    assert_eq!(
        (&summary["estimated"], &summary["unpriced"]),
        (&json!(1), &json!(0))
    );
    assert_eq!(summary["total"], "6.7756");
    // `check` accepts every line and prices none.
    let o = cli("check --jsonl -", measured_log().as_bytes());
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    let mut out = lines(&o);
    let summary = out.pop().unwrap();
    assert!(out.iter().all(|l| l["check"]["valid"] == true), "{out:?}");
    assert_eq!(summary["summary"]["accepted"], 7);
    assert!(summary["summary"].get("total").is_none());
}

#[test]
fn quote_jsonl_usage_errors_reject_the_line() {
    let log = [
        // 1: outside the page's 3 to 10 s
        r#"{"request":{"model":"kwaivgi/kling-o1/video-to-video","args":{"prompt":"a","video":"v"}},"usage":{"input_video_seconds":11}}"#,
        // 2: a quantity the model does not measure
        r#"{"request":{"model":"kwaivgi/kling-o1/video-to-video","args":{"prompt":"a","video":"v"}},"usage":{"seconds":5}}"#,
        // 3: not a number
        r#"{"request":{"model":"kwaivgi/kling-o1/video-to-video","args":{"prompt":"a","video":"v"}},"usage":{"input_video_seconds":"seven"}}"#,
        // 4: the request's own error, under /request, beside the usage's
        r#"{"request":{"model":"kwaivgi/kling-o1/video-to-video","args":{"video":"v"}},"usage":{"input_video_seconds":"seven"}}"#,
        // 5: bare args in the wrapper, read as --model's: 0.143 × 4.25 = 0.60775
        r#"{"request":{"prompt":"a","video":"v"},"usage":{"input_video_seconds":"4.25"}}"#,
    ]
    .join("\n");
    let o = cli(
        &format!("quote --jsonl - --model {KLING_V2V}"),
        log.as_bytes(),
    );
    assert_eq!(code(&o), 1);
    let out = lines(&o);
    for (l, path, code_name) in [
        (&out[0], "/usage/input_video_seconds", "invalid_usage"),
        (&out[1], "/usage/seconds", "invalid_usage"),
        (&out[2], "/usage/input_video_seconds", "invalid_usage"),
        (&out[3], "/request/args/prompt", "missing_field"),
    ] {
        assert_eq!(l["errors"][0]["path"], path, "{l}");
        assert_eq!(l["errors"][0]["code"], code_name, "{l}");
    }
    assert_eq!(out[3]["errors"][1]["path"], "/usage/input_video_seconds");
    assert_eq!(out[4]["quote"]["amount"], "0.60775");
    let summary = &out[5]["summary"];
    assert_eq!(
        (&summary["accepted"], &summary["rejected"]),
        (&json!(1), &json!(4))
    );
    assert_eq!(summary["total"], "0.60775");
}

/// A log of the image pages: a price per image times the images a line asks (an edit page's
/// input images billed nothing), a price per request whatever `num_images` asks; a body without
/// its required aspect ratio (no placeholder for a request), a number of images the page does
/// not list, one written as a string and an empty list of images to edit are refused. The
/// totals per model, by hand.
#[test]
fn quote_jsonl_prices_the_image_pages_per_image_and_per_request() {
    let log = [
        // 1: 0.03 × 4 = 0.12
        r#"{"model":"google/nano-banana/text-to-image","args":{"prompt":"a","aspect_ratio":"1:1","num_images":4}}"#,
        // 2: Flux dev, eight images: 0.02 per request
        r#"{"model":"shortapi/flux-1.0/text-to-image","args":{"prompt":"b","aspect_ratio":"16:9","num_images":8}}"#,
        // 3: Flux schnell, two images: 0.002 per request
        r#"{"model":"shortapi/flux-1.0/text-to-image","args":{"prompt":"c","aspect_ratio":"9:16","num_images":2,"performance":"schnell"}}"#,
        // 4: 0.038 × 3 = 0.114
        r#"{"model":"bytedance/seedream-4.5/text-to-image","args":{"prompt":"d","aspect_ratio":"21:9","num_images":3}}"#,
        // 5: Midjourney, fast: 0.04
        r#"{"model":"midjourney/midjourney-v7/text-to-image","args":{"prompt":"e","aspect_ratio":"5:6","negative_prompt":"f","chaos":100}}"#,
        // 6: no aspect ratio
        r#"{"model":"google/nano-banana/text-to-image","args":{"prompt":"g"}}"#,
        // 7: Flux makes 1, 2, 4 or 8 images, not 3
        r#"{"model":"shortapi/flux-1.0/text-to-image","args":{"prompt":"h","aspect_ratio":"1:1","num_images":3}}"#,
        // 8: a number of images is a number, not a string
        r#"{"model":"bytedance/seedream-4.5/text-to-image","args":{"prompt":"i","aspect_ratio":"1:1","num_images":"2"}}"#,
        // 9: bare args of --model (Nano Banana), 2 images: 0.03 × 2 = 0.06
        r#"{"prompt":"j","aspect_ratio":"3:2","num_images":2}"#,
        // 10: Seedream 4.5 edit, two images in, six out: 0.038 × 6 = 0.228
        r#"{"model":"bytedance/seedream-4.5/edit","args":{"prompt":"k","image_urls":["https://e.x/a.png","https://e.x/b.png"],"aspect_ratio":"4:3","num_images":6}}"#,
        // 11: Nano Banana edit with no image to edit
        r#"{"model":"google/nano-banana/edit","args":{"prompt":"m","image_urls":[],"aspect_ratio":"1:1"}}"#,
    ]
    .join("\n");
    let o = cli(
        &format!("quote --jsonl - --model {NANO_BANANA}"),
        log.as_bytes(),
    );
    assert_eq!(code(&o), 1, "some lines are refused");
    let mut out = lines(&o);
    let summary = out.pop().unwrap();
    assert_eq!(out.len(), 11, "{}", stdout(&o));
    for (line, model, amount) in [
        (1, NANO_BANANA, "0.12"),
        (2, FLUX, "0.02"),
        (3, FLUX, "0.002"),
        (4, SEEDREAM, "0.114"),
        (5, MIDJOURNEY, "0.04"),
        (9, NANO_BANANA, "0.06"),
        (10, SEEDREAM_EDIT, "0.228"),
    ] {
        let l = &out[line - 1];
        assert_eq!(l["line"], line, "{l}");
        assert_eq!(
            (&l["quote"]["model"], &l["quote"]["amount"]),
            (&json!(model), &json!(amount)),
            "{l}"
        );
    }
    for (line, path, code_name) in [
        (6, "/args/aspect_ratio", "missing_field"),
        (7, "/args/num_images", "invalid_value"),
        (8, "/args/num_images", "wrong_type"),
        (11, "/args/image_urls", "too_few_items"),
    ] {
        let l = &out[line - 1];
        assert_eq!(l["line"], line, "{l}");
        assert_eq!(l["errors"].as_array().unwrap().len(), 1, "{l}");
        assert_eq!(
            (&l["errors"][0]["path"], &l["errors"][0]["code"]),
            (&json!(path), &json!(code_name)),
            "{l}"
        );
    }
    // Nano Banana 0.12 + 0.06; Flux 0.02 + 0.002; Seedream 0.114; Midjourney 0.04; Seedream
    // edit 0.228.
    assert_eq!(
        summary,
        json!({"summary": {
            "lines": 11, "accepted": 7, "rejected": 4, "blank": 0,
            "estimated": 0, "unpriced": 0,
            "total": "0.584", "currency": "USD",
            "models": [
                {"model": FLUX, "accepted": 2, "total": "0.022", "currency": "USD"},
                {"model": MIDJOURNEY, "accepted": 1, "total": "0.04", "currency": "USD"},
                {"model": NANO_BANANA, "accepted": 2, "total": "0.18", "currency": "USD"},
                {"model": SEEDREAM_EDIT, "accepted": 1, "total": "0.228", "currency": "USD"},
                {"model": SEEDREAM, "accepted": 1, "total": "0.114", "currency": "USD"},
            ],
        }})
    );
    assert_eq!(
        dec("0.18") + dec("0.022") + dec("0.114") + dec("0.04") + dec("0.228"),
        dec("0.584")
    );
    // `check` accepts and refuses the same lines.
    let o = cli(
        &format!("check --jsonl - --model {NANO_BANANA}"),
        log.as_bytes(),
    );
    assert_eq!(code(&o), 1);
    let out = lines(&o);
    let valid: Vec<u64> = out
        .iter()
        .filter(|l| l["check"]["valid"] == true)
        .map(|l| l["line"].as_u64().unwrap())
        .collect();
    assert_eq!(valid, [1, 2, 3, 4, 5, 9, 10]);
}

// ---------------------------------------------------------------------------------------------
// models

fn model_entry<'a>(models: &'a Value, id: &str) -> &'a Value {
    models
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == id)
        .unwrap_or_else(|| panic!("models has no {id}"))
}

/// What `models` says of each option of model `id`, by name, apart from its name,
/// description and flag (and an enum duration's `units`): `required` always, `default` only
/// where the page gives one, `values` for an enum and for an integer the page lists values of.
fn documented_option(id: &str, name: &str) -> Value {
    match (id, name) {
        (HAPPYHORSE, "prompt") => json!({"type": "string", "required": true}),
        (HAPPYHORSE, "resolution") => {
            json!({"type": "enum", "required": false, "values": ["720P", "1080P"], "default": "1080P"})
        }
        (HAPPYHORSE, "ratio") => {
            json!({"type": "enum", "required": false, "values": ["16:9", "9:16", "1:1", "4:3", "3:4"], "default": "16:9"})
        }
        (HAPPYHORSE, "duration") => {
            json!({"type": "integer", "required": false, "minimum": 3, "maximum": 15, "default": 5})
        }
        (HAPPYHORSE, other) => panic!("unexpected option {other}"),
        (id, _) if id.starts_with("pixverse/") => pixverse_option(name),
        (NANO_BANANA | FLUX | MIDJOURNEY | SEEDREAM | NANO_BANANA_EDIT | SEEDREAM_EDIT, _) => {
            image_option(id, name)
        }
        (WAN_R2V, _) => wan_option(name),
        (WAN_T2I, _) => wan_t2i_option(name),
        (SEEDANCE_I2V, _) => seedance_i2v_option(name),
        (KLING_26_T2V, _) => kling_26_t2v_option(name),
        (KLING_30_T2V, _) => kling_30_t2v_option(name),
        _ => transcribed_option(id, name),
    }
}

/// What `models` says of an option of Seedance 2.0 image-to-video, by hand from its facts file:
/// "mode — string, optional, default `std`, options "std", "fast""; "prompt — string,
/// required"; "duration — int, optional, default `5`, range `4` to `15`"; "aspect_ratio —
/// string, optional, default `16:9`, options "21:9", "16:9", "9:16", "4:3", "1:1", "3:4"";
/// its two lists ([`LISTS`]: reference images required, reference audio optional, neither with
/// a count of its own); "is_first_last_frame — bool, optional", its default beyond the cut
/// (none given).
fn seedance_i2v_option(name: &str) -> Value {
    match name {
        "mode" => {
            json!({"type": "enum", "required": false, "values": ["std", "fast"], "default": "std"})
        }
        "prompt" => json!({"type": "string", "required": true}),
        "duration" => {
            json!({"type": "integer", "required": false, "minimum": 4, "maximum": 15, "default": 5})
        }
        "aspect_ratio" => {
            json!({"type": "enum", "required": false, "values": ["21:9", "16:9", "9:16", "4:3", "1:1", "3:4"], "default": "16:9"})
        }
        "image_urls" | "audio_urls" => {
            let (_, _, required, min, max) = LISTS
                .iter()
                .find(|l| l.0 == SEEDANCE_I2V && l.1 == name)
                .unwrap();
            json!({"type": "list", "required": required, "min_items": min, "max_items": max})
        }
        "is_first_last_frame" => json!({"type": "bool", "required": false}),
        other => panic!("{SEEDANCE_I2V}: unexpected option {other}"),
    }
}

/// What `models` says of an option of Kling 2.6 text-to-video, by hand from its facts file:
/// "mode — string, required, default `pro`, options "pro"" (and the other three marked
/// required with a default: optional with it); "prompt — string, required"; "negative_prompt —
/// string, optional"; "duration — string, required, default `5`, options "5", "10"" (a whole
/// number written as a string, of two values); "aspect_ratio — default `16:9`, options
/// "16:9", "9:16", "1:1""; "cfg_scale — float, optional, no default shown, Range `0` to `1`"
/// (a number read exactly: its bounds as the page writes them); "generate_audio — bool,
/// default `false`".
fn kling_26_t2v_option(name: &str) -> Value {
    match name {
        "mode" => json!({"type": "enum", "required": false, "values": ["pro"], "default": "pro"}),
        "prompt" => json!({"type": "string", "required": true}),
        "negative_prompt" => json!({"type": "string", "required": false}),
        "duration" => json!({
            "type": "integer",
            "required": false,
            "minimum": 5,
            "maximum": 10,
            "values": [5, 10],
            "string": true,
            "default": "5",
        }),
        "aspect_ratio" => {
            json!({"type": "enum", "required": false, "values": ["16:9", "9:16", "1:1"], "default": "16:9"})
        }
        "cfg_scale" => {
            json!({"type": "number", "required": false, "minimum": "0", "maximum": "1"})
        }
        "generate_audio" => json!({"type": "bool", "required": false, "default": false}),
        other => panic!("{KLING_26_T2V}: unexpected option {other}"),
    }
}

/// What `models` says of an option of Kling 3.0 text-to-video, by hand from its facts file:
/// "mode — string, required, default `pro`, options "pro", "std"", "duration — string,
/// required, default `5`, Range `3` to `15`" (a whole number written as a string: its range as
/// numbers) and "multi_shot — bool, required, default `false`" (required with a default:
/// optional with it); "shot_type — string, optional, default `intelligence`, options
/// "customize", "intelligence""; "prompt — string, optional" (required only under its
/// conditions: [`REQUIREMENTS`]) and "negative_prompt — string, optional", no limit stated;
/// the shots, "multi_prompt — list, optional … Number of shots: 1 to 6" ([`OBJECT_LISTS`]): a
/// list of objects, each with "duration: int, required" (at least 1, at most the total's 15),
/// open to the item fields beyond the cut.
fn kling_30_t2v_option(name: &str) -> Value {
    match name {
        "mode" => {
            json!({"type": "enum", "required": false, "values": ["pro", "std"], "default": "pro"})
        }
        "duration" => json!({
            "type": "integer",
            "required": false,
            "minimum": 3,
            "maximum": 15,
            "string": true,
            "default": "5",
        }),
        "multi_shot" => json!({"type": "bool", "required": false, "default": false}),
        "shot_type" => {
            json!({"type": "enum", "required": false, "values": ["customize", "intelligence"], "default": "intelligence"})
        }
        "prompt" | "negative_prompt" => json!({"type": "string", "required": false}),
        "multi_prompt" => json!({
            "type": "list",
            "required": false,
            "min_items": 1,
            "max_items": 6,
            "fields": [{
                "name": "duration",
                "type": "integer",
                "description": "Shot duration, unit: s (seconds)",
                "required": true,
                "minimum": 1,
                "maximum": 15,
            }],
            "open": true,
        }),
        other => panic!("{KLING_30_T2V}: unexpected option {other}"),
    }
}

/// What `models` says of an option of Wan 2.6 reference-to-video, by hand from its facts file:
/// "prompt — string, required; length ≤ 1500 characters"; "negative_prompt — string, optional;
/// length ≤ 500 characters" (free text with no default); its two lists ([`LISTS`]: reference
/// images optional, 0–5; reference videos required, 1–3); "duration — int, optional, default
/// 5, options "2" … "10"" (every whole second between: a range); "resolution — string,
/// optional, default 1080p, options "720p", "1080p"".
fn wan_option(name: &str) -> Value {
    match name {
        "prompt" => json!({"type": "string", "required": true, "max_length": 1500}),
        "negative_prompt" => json!({"type": "string", "required": false, "max_length": 500}),
        "image_urls" | "video_urls" => {
            let (_, _, required, min, max) = LISTS
                .iter()
                .find(|l| l.0 == WAN_R2V && l.1 == name)
                .unwrap();
            json!({"type": "list", "required": required, "min_items": min, "max_items": max})
        }
        "duration" => {
            json!({"type": "integer", "required": false, "minimum": 2, "maximum": 10, "default": 5})
        }
        "resolution" => {
            json!({"type": "enum", "required": false, "values": ["720p", "1080p"], "default": "1080p"})
        }
        other => panic!("{WAN_R2V}: unexpected option {other}"),
    }
}

/// What `models` says of an option of Wan 2.6 text-to-image, by hand from its facts file:
/// "prompt — string, required, positive prompt; length ≤ 2100 characters"; "negative_prompt —
/// string, optional; length ≤ 500 characters" (free text with no default); "num_images — int,
/// optional, default `1`, options "1", "2", "3", "4"" (every whole number from 1 to 4: a range,
/// as Nano Banana's and Seedream's same words); "width", "height — int, optional, no default shown, range `640` to `2880`"
/// ([`OPTIONAL_INTEGERS`]: a range, no default); "prompt_extend — bool, optional, default
/// `false`".
fn wan_t2i_option(name: &str) -> Value {
    match name {
        "prompt" => json!({"type": "string", "required": true, "max_length": 2100}),
        "negative_prompt" => json!({"type": "string", "required": false, "max_length": 500}),
        "num_images" => {
            json!({"type": "integer", "required": false, "minimum": 1, "maximum": 4, "default": 1})
        }
        "width" | "height" => {
            let (_, _, least, most) = OPTIONAL_INTEGERS
                .iter()
                .find(|i| i.0 == WAN_T2I && i.1 == name)
                .unwrap();
            json!({"type": "integer", "required": false, "minimum": least, "maximum": most})
        }
        "prompt_extend" => json!({"type": "bool", "required": false, "default": false}),
        other => panic!("{WAN_T2I}: unexpected option {other}"),
    }
}

/// What `models` says of an option of one of the five pages added beside PixVerse and
/// HappyHorse, from its hand transcription in `common/documented.rs`: free text is a required
/// string; a whole number has its range; strings are an enum, booleans a bool; each with a
/// default.
fn transcribed_option(id: &str, name: &str) -> Value {
    let option = documented::documented(id)
        .option(name)
        .unwrap_or_else(|| panic!("{id}: unexpected option {name}"));
    let required = option.required;
    // A list (Kling O1's images): its count as the transcription gives it.
    if let Some((min, max)) = option.items {
        return json!({"type": "list", "required": required, "min_items": min, "max_items": max});
    }
    let Some(default) = option.default else {
        assert!(option.values.is_empty());
        return json!({"type": "string", "required": required});
    };
    let values: Vec<Value> = option.values.iter().map(|v| v.json()).collect();
    match default {
        documented::V::S(_) => {
            json!({"type": "enum", "required": required, "values": values, "default": default.json()})
        }
        documented::V::B(_) => {
            json!({"type": "bool", "required": required, "default": default.json()})
        }
        documented::V::I(_) => json!({
            "type": "integer",
            "required": required,
            "minimum": values.first().unwrap(),
            "maximum": values.last().unwrap(),
            "default": default.json(),
        }),
        // A whole number written as a string: its range as numbers, `string: true`.
        documented::V::N(_) => {
            let n = |v: Option<&documented::V>| match v {
                Some(documented::V::N(n)) => json!(n),
                other => panic!("{other:?}"),
            };
            json!({
                "type": "integer",
                "required": required,
                "minimum": n(option.values.first()),
                "maximum": n(option.values.last()),
                "string": true,
                "default": default.json(),
            })
        }
    }
}

fn pixverse_option(name: &str) -> Value {
    match name {
        "prompt" | "image" | "image_tail" => json!({"type": "string", "required": true}),
        "resolution" => {
            json!({"type": "enum", "required": false, "values": ["540p", "720p", "1080p"], "default": "720p"})
        }
        "duration" => {
            json!({"type": "enum", "required": false, "values": ["5", "8", "10"], "default": "5"})
        }
        "aspect_ratio" => {
            json!({"type": "enum", "required": false, "values": ["16:9", "9:16", "4:3", "3:4", "1:1"], "default": "16:9"})
        }
        "generate_audio" | "multi_shot" => {
            json!({"type": "bool", "required": false, "default": false})
        }
        other => panic!("unexpected option {other}"),
    }
}

/// What `models` says of an option of the four text-to-image pages with an aspect ratio and the
/// two image-to-image pages,
/// by hand from their facts files: the aspect ratio required with no default ([`NO_DEFAULT`]);
/// Midjourney's negative prompt free text it does not require; Flux's `num_images` one of "1",
/// "2", "4", "8" (its values, between the smallest and the largest), the others' "1" to "4" (or
/// Seedream edit's "1" to "6") a range; the images to edit a required list ([`LISTS`]) of at
/// least one item and at most ten (Seedream edit) or no stated maximum (`null`, Nano Banana
/// edit); Midjourney's `mode` "required, default fast" (optional with that default) and its
/// ranges.
fn image_option(id: &str, name: &str) -> Value {
    match (id, name) {
        (_, "prompt") => json!({"type": "string", "required": true}),
        (MIDJOURNEY, "negative_prompt") => json!({"type": "string", "required": false}),
        (_, "aspect_ratio") => {
            let (_, _, values) = NO_DEFAULT.iter().find(|n| n.0 == id).unwrap();
            json!({"type": "enum", "required": true, "values": values})
        }
        (FLUX, "num_images") => {
            json!({"type": "integer", "required": false, "minimum": 1, "maximum": 8, "values": [1, 2, 4, 8], "default": 1})
        }
        (NANO_BANANA | SEEDREAM | NANO_BANANA_EDIT, "num_images") => {
            json!({"type": "integer", "required": false, "minimum": 1, "maximum": 4, "default": 1})
        }
        (SEEDREAM_EDIT, "num_images") => {
            json!({"type": "integer", "required": false, "minimum": 1, "maximum": 6, "default": 1})
        }
        (NANO_BANANA_EDIT | SEEDREAM_EDIT, "image_urls") => {
            let (_, _, _, min, max) = LISTS.iter().find(|l| l.0 == id).unwrap();
            json!({"type": "list", "required": true, "min_items": min, "max_items": max})
        }
        (FLUX, "performance") => {
            json!({"type": "enum", "required": false, "values": ["schnell", "dev"], "default": "dev"})
        }
        (MIDJOURNEY, "mode") => {
            json!({"type": "enum", "required": false, "values": ["fast"], "default": "fast"})
        }
        (MIDJOURNEY, "performance") => {
            json!({"type": "enum", "required": false, "values": ["speed", "balance", "quality"], "default": "balance"})
        }
        (MIDJOURNEY, "stylization") => {
            json!({"type": "integer", "required": false, "minimum": 0, "maximum": 1000, "default": 100})
        }
        (MIDJOURNEY, "chaos") => {
            json!({"type": "integer", "required": false, "minimum": 0, "maximum": 100, "default": 0})
        }
        (MIDJOURNEY, "weirdness") => {
            json!({"type": "integer", "required": false, "minimum": 0, "maximum": 3000, "default": 0})
        }
        (id, other) => panic!("{id}: unexpected option {other}"),
    }
}

#[test]
fn models_json_gives_every_model_s_options_and_rules() {
    let o = cli("models", b"");
    assert_eq!(code(&o), 0);
    let models = json_out(&o);
    let ids: Vec<&str> = models
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, MODELS.map(|(id, _)| id));
    for (id, options) in MODELS {
        // The two hand transcriptions agree on every model's options.
        let transcribed: Vec<&str> = documented::documented(id)
            .options
            .iter()
            .map(|o| o.name)
            .collect();
        assert_eq!(transcribed, options, "{id}: MODELS and documented.rs");
        let m = model_entry(&models, id);
        assert_eq!(m["currency"], "USD", "{id}");
        // A cut page says where its stored copy ends: after the last option it documents
        // (Seedance 2.0 image-to-video's inside `is_first_last_frame`, before `audio_urls`).
        assert_eq!(m["cut_after"], json!(cut_after(id)), "{id}");
        assert_eq!(
            m["create_endpoint"],
            "https://api.shortapi.ai/api/v1/job/create"
        );
        let listed = m["options"].as_array().unwrap();
        let names: Vec<&str> = listed.iter().map(|o| o["name"].as_str().unwrap()).collect();
        assert_eq!(names, options, "{id}: options in page order");
        for option in listed {
            let name = option["name"].as_str().unwrap();
            let expected = documented_option(id, name);
            for (key, value) in expected.as_object().unwrap() {
                assert_eq!(&option[key], value, "{id} {name} {key}");
            }
            // No key the page does not give: no default where it gives none (Wan 2.6
            // text-to-image's width and height have a range and none), no values for an
            // integer range, item counts for a list alone, a text limit where the page states
            // one (the two texts of each Wan page alone).
            for key in [
                "required",
                "default",
                "values",
                "minimum",
                "maximum",
                "min_items",
                "max_items",
                "max_length",
            ] {
                assert_eq!(
                    option.get(key).is_some(),
                    expected.get(key).is_some(),
                    "{id} {name} {key}: {option}"
                );
            }
        }
        // Only the PixVerse pages and Vidu Q2 image-to-video state a forbidden combination.
        let (rule, message, mode, resolution) = VIDU_I2V_RULE;
        let rules = if id.starts_with("pixverse/") {
            json!([{"id": "no_1080p_at_10s", "message": "1080p is not supported for 10s videos", "when": {"resolution": "1080p", "duration": "10"}}])
        } else if id == VIDU_I2V {
            json!([{"id": rule, "message": message, "when": {"mode": mode, "resolution": resolution}}])
        } else {
            json!([])
        };
        assert_eq!(m["rules"], rules, "{id}");
        // Only Kling 3.0 text-to-video (three) and Vidu Q2 image-to-video (one) state
        // conditional requirements.
        let requirements: Vec<Value> = REQUIREMENTS
            .iter()
            .filter(|r| r.0 == id)
            .map(|(_, rid, message, option, value, field)| {
                json!({"id": rid, "message": message, "when": {*option: value.json()}, "require": field})
            })
            .collect();
        assert_eq!(m["requirements"], json!(requirements), "{id}");
        // Only the two Kling O1 pages (images + elements), Wan 2.6 reference-to-video and
        // Seedance 2.0 image-to-video limit lists counted together; every other model has an
        // empty `totals`.
        let totals = match id {
            KLING_I2V => vec![KLING_I2V_TOTAL],
            KLING_V2V => vec![KLING_V2V_TOTAL],
            WAN_R2V => vec![WAN_R2V_TOTAL],
            SEEDANCE_I2V => vec![SEEDANCE_I2V_TOTAL],
            _ => vec![],
        };
        let totals: Vec<Value> = totals
            .into_iter()
            .map(|(total, message, count, maximum)| {
                json!({"id": total, "message": message, "count": count, "maximum": maximum})
            })
            .collect();
        assert_eq!(m["totals"], json!(totals), "{id}");
        // Seedance 2.0 image-to-video narrows a list's count while an option has a value (its
        // first/last-frame mode); Kling O1 image-to-video its duration for a single frame
        // ("when action is 'frame' and the images contain just one frame, duration should be 5
        // or 10"); every other model has an empty `limits`.
        let limits: Vec<Value> = if id == KLING_I2V {
            vec![json!({
                "id": "one_frame_five_or_ten_seconds",
                "message": "with action frame and a single image, duration is 5 or 10",
                "when": {"action": "frame", "images": {"min_items": 1, "max_items": 1}},
                "field": "duration",
                "values": ["5", "10"],
            })]
        } else if id == SEEDANCE_I2V {
            SEEDANCE_I2V_LIMITS
                .iter()
                .map(|(limit, message, list, min, max)| {
                    let mut entry = json!({"id": limit, "message": message, "when": {"is_first_last_frame": true}, "field": list, "max_items": max});
                    if let Some(min) = min {
                        entry["min_items"] = json!(min);
                    }
                    entry
                })
                .collect()
        } else {
            vec![]
        };
        assert_eq!(m["limits"], json!(limits), "{id}");
        // Only Kling 3.0 text-to-video sums a list's item field ("the sum of the shot durations
        // must equal the task `duration`"); every other model has an empty `sums`.
        let sums = if id == KLING_30_T2V {
            json!([{
                "id": "shots_add_up_to_duration",
                "message": "the shots' durations add up to the task's duration",
                "list": "multi_prompt",
                "field": "duration",
                "equals": "duration",
            }])
        } else {
            json!([])
        };
        assert_eq!(m["sums"], sums, "{id}");
        // Only Wan 2.6 text-to-image bounds two options together (width × height and width :
        // height); every other model has an empty `relations`.
        assert_eq!(m["relations"], relations_of(id), "{id}");
        // Only Kling 3.0 text-to-video's shots and the two Kling O1 pages' elements are lists
        // of objects, with item fields and whether an item is open past a cut (the ones of
        // Kling O1 checked in `models_and_schema_describe_a_list_option`).
        for option in listed {
            let name = option["name"].as_str().unwrap();
            let objects = (id == KLING_30_T2V && name == "multi_prompt")
                || ELEMENTS.iter().any(|e| e.0 == id && e.1 == name);
            for key in ["fields", "open"] {
                assert_eq!(option.get(key).is_some(), objects, "{id} {key}: {option}");
            }
        }
    }
    // By eye: Wan's total as the page states it ("images + videos together ≤ 5"), and none on
    // the seed's page.
    assert_eq!(
        model_entry(&models, WAN_R2V)["totals"],
        json!([{"id": "five_references_at_most", "message": "image_urls and video_urls together take at most 5 items", "count": ["image_urls", "video_urls"], "maximum": 5}])
    );
    assert_eq!(model_entry(&models, T2V_55)["totals"], json!([]));
    // Seedance 2.0 image-to-video's, as the page states them ("the count of image_urls plus
    // audio_urls must be at most 12"; "when true, ... image_urls may contain only 1 to 2
    // images, and audio_urls must be empty").
    let seedance = model_entry(&models, SEEDANCE_I2V);
    assert_eq!(
        seedance["totals"],
        json!([{"id": "twelve_references_at_most", "message": "image_urls and audio_urls together take at most 12 items", "count": ["image_urls", "audio_urls"], "maximum": 12}])
    );
    assert_eq!(
        seedance["limits"],
        json!([
            {"id": "first_last_frame_images", "message": "in first/last-frame mode image_urls takes 1 or 2 images", "when": {"is_first_last_frame": true}, "field": "image_urls", "min_items": 1, "max_items": 2},
            {"id": "first_last_frame_no_audio", "message": "in first/last-frame mode audio_urls must be empty", "when": {"is_first_last_frame": true}, "field": "audio_urls", "max_items": 0},
        ])
    );
    // The transitions have image_tail and no multi_shot.
    for id in [TRANSITION_55, TRANSITION_60] {
        let names = model_entry(&models, id)["options"].to_string();
        assert!(names.contains(r#""name":"image_tail""#), "{id}");
        assert!(!names.contains("multi_shot"), "{id}");
    }
}

#[test]
fn models_json_gives_every_model_s_price_form() {
    let models = json_out(&cli("models", b""));
    // 5.5 text-to-video and image-to-video: the seed's 32 cells.
    let seed_cells: Vec<Value> = SEED_CELLS
        .iter()
        .map(|(multi_shot, audio, resolution, duration, price)| {
            json!({"multi_shot": multi_shot, "generate_audio": audio, "resolution": resolution, "duration": duration, "price": price})
        })
        .collect();
    for id in [T2V_55, I2V_55] {
        let pricing = &model_entry(&models, id)["pricing"];
        assert_eq!(pricing["form"], "cells", "{id}");
        assert_eq!(
            pricing["dimensions"],
            json!(["multi_shot", "generate_audio", "resolution", "duration"])
        );
        let cells: BTreeSet<String> = pricing["cells"]
            .as_array()
            .unwrap()
            .iter()
            .map(Value::to_string)
            .collect();
        assert_eq!(cells.len(), 32, "{id}");
        assert_eq!(
            cells,
            seed_cells.iter().map(Value::to_string).collect(),
            "{id}"
        );
    }
    // 5.5 transition: 16 cells, no multi_shot.
    let pricing = &model_entry(&models, TRANSITION_55)["pricing"];
    assert_eq!(
        pricing,
        &json!({
            "form": "cells",
            "dimensions": ["generate_audio", "resolution", "duration"],
            "cells": TRANSITION_55_TABLE
                .iter()
                .map(|(audio, resolution, duration, price)| json!({"generate_audio": audio, "resolution": resolution, "duration": duration, "price": price}))
                .collect::<Vec<_>>(),
        })
    );
    // 6.0: a rate per second of duration, by audio and resolution, for all three models.
    let rates: Vec<Value> = documented::RATES_6_0
        .iter()
        .map(|(audio, resolution, rate)| {
            json!({"generate_audio": audio, "resolution": resolution, "rate": rate})
        })
        .collect();
    // `per` names what the rate multiplies; these measure nothing.
    for id in [T2V_60, I2V_60, TRANSITION_60] {
        assert_eq!(
            model_entry(&models, id)["pricing"],
            json!({"form": "per_unit", "dimensions": ["generate_audio", "resolution"], "per": ["duration"], "unit": "second", "quantities": [], "rates": rates}),
            "{id}"
        );
    }
    // HappyHorse: a rate per second of its integer duration, by resolution.
    let rates: Vec<Value> = documented::HAPPYHORSE_RATES
        .iter()
        .map(|(resolution, rate)| json!({"resolution": resolution, "rate": rate}))
        .collect();
    assert_eq!(
        model_entry(&models, HAPPYHORSE)["pricing"],
        json!({"form": "per_unit", "dimensions": ["resolution"], "per": ["duration"], "unit": "second", "quantities": [], "rates": rates})
    );
    // Veo: a rate per second of duration by mode × resolution × audio, 720p and 1080p sharing
    // one (a cell each here, in any order).
    let veo = &model_entry(&models, VEO)["pricing"];
    let mut rates = veo["rates"].as_array().unwrap().clone();
    rates.sort_by_key(Value::to_string);
    let mut documented_rates: Vec<Value> = VEO_RATES
        .iter()
        .map(|(mode, resolution, audio, rate)| json!({"mode": mode, "resolution": resolution, "generate_audio": audio, "rate": rate}))
        .collect();
    documented_rates.sort_by_key(Value::to_string);
    assert_eq!(rates, documented_rates);
    assert_eq!(
        veo,
        &json!({"form": "per_unit", "dimensions": ["mode", "resolution", "generate_audio"], "per": ["duration"], "unit": "second", "quantities": [], "rates": veo["rates"]})
    );
    // Kling O1 video-to-video: a rate per second of the input video, measured, 3 to 10 s
    // ("Standard mode $0.11 per second; Pro mode $0.143 per second").
    let kling = &model_entry(&models, KLING_V2V)["pricing"];
    let quantity = &kling["quantities"][0];
    assert!(
        !quantity["description"].as_str().unwrap().is_empty(),
        "{quantity}"
    );
    assert_eq!(
        kling,
        &json!({
            "form": "per_unit", "dimensions": ["mode"], "per": ["input_video_seconds"], "unit": "second",
            "quantities": [{"name": "input_video_seconds", "unit": "second", "description": quantity["description"], "minimum": "3", "maximum": "10"}],
            "rates": [{"mode": "std", "rate": "0.11"}, {"mode": "pro", "rate": "0.143"}],
        })
    );
    // Seedance omni-reference: "Unit Price × (Total Input Video Duration + Output Video
    // Duration)"; the input's length has no documented range, so no maximum.
    let seedance = &model_entry(&models, SEEDANCE)["pricing"];
    let quantity = &seedance["quantities"][0];
    assert_eq!(
        seedance,
        &json!({
            "form": "per_unit", "dimensions": ["mode"], "per": ["input_video_seconds", "duration"], "unit": "second",
            "quantities": [{"name": "input_video_seconds", "unit": "second", "description": quantity["description"], "minimum": "0", "maximum": null}],
            "rates": [{"mode": "std", "rate": "0.168"}, {"mode": "fast", "rate": "0.14"}],
        })
    );
    // Kling O1 image-to-video: Standard $0.075 per second; Pro "$0.1 per request", unpriced
    // with its reason.
    let kling = &model_entry(&models, KLING_I2V)["pricing"];
    let pro = &kling["rates"][1];
    assert!(
        pro["unpriced"].as_str().unwrap().contains("per request"),
        "{pro}"
    );
    assert_eq!(
        kling,
        &json!({
            "form": "per_unit", "dimensions": ["mode"], "per": ["duration"], "unit": "second", "quantities": [],
            "rates": [{"mode": "std", "rate": "0.075"}, {"mode": "pro", "unpriced": pro["unpriced"]}],
        })
    );
    // Nano Banana and Seedream, text-to-image and edit: "$0.03 per image", "$0.038 per image",
    // a rate per image of num_images, which the request carries (nothing measured; the input
    // images are not said to be billed); Wan 2.6 text-to-image's "$0.026 per image" the same
    // (its size not mentioned in the price).
    for (id, rate) in [
        (NANO_BANANA, "0.03"),
        (SEEDREAM, "0.038"),
        (NANO_BANANA_EDIT, "0.03"),
        (SEEDREAM_EDIT, "0.038"),
        (WAN_T2I, "0.026"),
    ] {
        assert_eq!(
            model_entry(&models, id)["pricing"],
            json!({"form": "per_unit", "dimensions": [], "per": ["num_images"], "unit": "image", "quantities": [], "rates": [{"rate": rate}]}),
            "{id}"
        );
    }
    // Flux: a price per request by performance (not by num_images); Midjourney: one, of its
    // one mode.
    assert_eq!(
        model_entry(&models, FLUX)["pricing"],
        json!({"form": "cells", "dimensions": ["performance"], "cells": [
            {"performance": "schnell", "price": "0.002"},
            {"performance": "dev", "price": "0.02"},
        ]})
    );
    assert_eq!(
        model_entry(&models, MIDJOURNEY)["pricing"],
        json!({"form": "cells", "dimensions": ["mode"], "cells": [{"mode": "fast", "price": "0.04"}]})
    );
    // Vidu Q2, text-to-video and image-to-video: wholly unpriced ("starts at $X plus $Y/sec"
    // reads two ways), each with its own reason.
    for id in [VIDU, VIDU_I2V] {
        let vidu = &model_entry(&models, id)["pricing"];
        assert!(
            vidu["reason"].as_str().unwrap().contains("starts at"),
            "{id}: {vidu}"
        );
        assert_eq!(
            vidu,
            &json!({"form": "unpriced", "reason": vidu["reason"]}),
            "{id}"
        );
    }
    assert_ne!(
        model_entry(&models, VIDU)["pricing"]["reason"],
        model_entry(&models, VIDU_I2V)["pricing"]["reason"]
    );
}

#[test]
fn models_text_lists_every_model_for_people() {
    let o = cli("models --format text", b"");
    assert_eq!(code(&o), 0);
    let text = stdout(&o);
    let sections: BTreeMap<&str, &str> = text
        .split("\n\n")
        .map(|s| (s.split_whitespace().next().unwrap(), s))
        .collect();
    assert_eq!(sections.len(), MODELS.len(), "{text}");
    for (id, options) in MODELS {
        let section = sections
            .get(id)
            .unwrap_or_else(|| panic!("no section for {id}:\n{text}"));
        let listed: Vec<&str> = section
            .lines()
            .skip_while(|l| l.trim() != "options:")
            .skip(1)
            .take_while(|l| l.starts_with("    "))
            .map(|l| l.split_whitespace().next().unwrap())
            .collect();
        assert_eq!(listed, options, "{id}:\n{section}");
        // Exactly the cut pages say where their copy ends; only the measured ones say what to
        // measure.
        let page = format!(
            "\n  page: its stored copy ends after `{}`: a field it does not document passes",
            cut_after(id).unwrap_or(*options.last().unwrap())
        );
        assert_eq!(
            section.contains(&page),
            CUT_PAGES.contains(&id),
            "{id}:\n{section}"
        );
        assert_eq!(
            section.contains("\n  page:"),
            CUT_PAGES.contains(&id),
            "{id}:\n{section}"
        );
        assert_eq!(
            section.contains("\n  measured: "),
            [KLING_V2V, SEEDANCE].contains(&id),
            "{id}:\n{section}"
        );
        let expected: &[&str] = match id {
            HAPPYHORSE => &[
                "    resolution  enum: 720P, 1080P (default 1080P)",
                "    duration    integer: an integer from 3 to 15 (default 5)",
                "  rules: none",
                "  price: a rate per second of duration, by resolution (2 rates)",
            ],
            KLING_I2V => &[
                "    mode      enum: std, pro (default pro)",
                "    duration  integer: a whole number from \"3\" to \"10\" (a string) (default \"5\")",
                "    images    list: a list of 1 to 7 texts (repeat the flag), required",
                "    elements  list: a list of 0 to 7 objects, each flag one JSON object {frontal_image_url: text, required; reference_image_urls: an array of texts, optional} (repeat the flag), optional",
                "  rules: none",
                "\n  total: images + elements at most 7 items (seven_images_and_elements_at_most)\n",
                "  limit: duration \"5\", \"10\" when action = \"frame\", images has 1 item (one_frame_five_or_ten_seconds)",
                "  price: a rate per second of duration, by mode (",
                "\n  unpriced where mode = \"pro\": ",
            ],
            KLING_V2V => &[
                "    video       string: text, required",
                "    images      list: a list of 0 to 4 texts (repeat the flag), optional",
                "    elements    list: a list of 0 to 4 objects, each flag one JSON object {frontal_image_url: text, required; reference_image_urls: an array of texts, optional} (repeat the flag), optional",
                "    keep_audio  bool: true or false (default false)",
                "  rules: none",
                "\n  total: images + elements at most 4 items (four_images_and_elements_at_most)\n",
                "  price: a rate per second of input_video_seconds, by mode (2 rates)",
                "  measured: input_video_seconds: ",
                " (seconds, 3 to 10); give it with --usage input_video_seconds=NUMBER",
            ],
            SEEDANCE => &[
                "    duration      integer: an integer from 4 to 15 (default 5)",
                "    aspect_ratio  enum: 21:9, 16:9, 9:16, 4:3, 1:1, 3:4 (default 16:9)",
                "  rules: none",
                "  price: a rate per second of input_video_seconds + duration, by mode (2 rates)",
                "  measured: input_video_seconds: ",
                " (seconds, at least 0); give it with --usage input_video_seconds=NUMBER",
            ],
            VEO => &[
                "    resolution      enum: 720p, 1080p, 4k (default 720p)",
                "  rules: none",
                "  price: a rate per second of duration, by mode × resolution × generate_audio (",
            ],
            VIDU => &[
                "    duration      integer: a whole number from \"1\" to \"10\" (a string) (default \"5\")",
                "  rules: none",
                "  price: unpriced: ",
            ],
            VIDU_I2V => &[
                "    mode            enum: turbo, pro, pro-fast (default pro)",
                "    prompt          string: text, required",
                "    duration        integer: a whole number from \"1\" to \"10\" (a string) (default \"5\")",
                "    image           string: text, required",
                "    resolution      enum: 540p, 720p, 1080p (default 720p)",
                "    generate_audio  bool: true or false (default false)",
                "    voice_id        string: text, optional",
                "  rules:\n    no_540p_in_pro_fast: 540p is not supported in pro-fast mode (mode = \"pro-fast\", resolution = \"540p\")\n",
                "\n  requires: voice_id when generate_audio = true\n",
                "  price: unpriced: ",
            ],
            FLUX => &[
                "    prompt        string: text, required",
                "    num_images    integer: one of the integers 1, 2, 4, 8 (default 1)",
                "    aspect_ratio  enum: 1:1, 9:16, 16:9, 4:3, 3:4, 3:2, 2:3, 21:9 (required, no default)",
                "    performance   enum: schnell, dev (default dev)",
                "  rules: none",
                "  price: a table of 2 cells, by performance",
            ],
            MIDJOURNEY => &[
                "    mode             enum: fast (default fast)",
                "    negative_prompt  string: text, optional",
                "    aspect_ratio     enum: 9:16, 2:3, 3:4, 4:5, 5:6, 1:1, 6:5, 5:4, 4:3, 3:2, 16:9 (required, no default)",
                "    performance      enum: speed, balance, quality (default balance)",
                "    stylization      integer: an integer from 0 to 1000 (default 100)",
                "    chaos            integer: an integer from 0 to 100 (default 0)",
                "    weirdness        integer: an integer from 0 to 3000 (default 0)",
                "  rules: none",
                "  price: a table of 1 cell",
                ", by mode",
            ],
            NANO_BANANA => &[
                "    num_images    integer: an integer from 1 to 4 (default 1)",
                "    aspect_ratio  enum: 9:16, 2:3, 3:4, 4:5, 1:1, 5:4, 4:3, 3:2, 16:9, 21:9 (required, no default)",
                "  rules: none",
                "  price: a rate per image of num_images (",
            ],
            SEEDREAM => &[
                "    num_images    integer: an integer from 1 to 4 (default 1)",
                "    aspect_ratio  enum: 1:1, 9:16, 16:9, 4:3, 3:4, 3:2, 2:3, 21:9 (required, no default)",
                "  rules: none",
                "  price: a rate per image of num_images (",
            ],
            NANO_BANANA_EDIT => &[
                "    prompt        string: text, required",
                "    num_images    integer: an integer from 1 to 4 (default 1)",
                "    image_urls    list: a list of at least 1 texts (repeat the flag), required",
                "    aspect_ratio  enum: 9:16, 2:3, 3:4, 4:5, 1:1, 5:4, 4:3, 3:2, 16:9, 21:9 (required, no default)",
                "  rules: none",
                "  price: a rate per image of num_images (",
            ],
            SEEDREAM_EDIT => &[
                "    prompt        string: text, required",
                "    num_images    integer: an integer from 1 to 6 (default 1)",
                "    image_urls    list: a list of 1 to 10 texts (repeat the flag), required",
                "    aspect_ratio  enum: 1:1, 9:16, 16:9, 4:3, 3:4, 3:2, 2:3, 21:9 (required, no default)",
                "  rules: none",
                "  price: a rate per image of num_images (",
            ],
            // "≤ 1500 characters", "≤ 500 characters"; "0–5 reference images", "1–3 reference
            // videos", "images + videos together ≤ 5"; "default 5, options 2 … 10"; "default
            // 1080p"; "$0.085 per second for 720p; $0.128 per second for 1080p".
            // "Std: $0.24 per second. Fast: $0.20 per second"; "image_urls — list, required";
            // "is_first_last_frame — bool, optional", its default cut; `audio_urls` referenced
            // (no count of its own); "count of image_urls + count of audio_urls must be ≤ 12";
            // "when true ... image_urls may hold only 1 to 2 images, audio_urls must be empty".
            SEEDANCE_I2V => &[
                "    mode                 enum: std, fast (default std)",
                "    prompt               string: text, required",
                "    duration             integer: an integer from 4 to 15 (default 5)",
                "    aspect_ratio         enum: 21:9, 16:9, 9:16, 4:3, 1:1, 3:4 (default 16:9)",
                "    image_urls           list: a list of at least 1 texts (repeat the flag), required",
                "    is_first_last_frame  bool: true or false (optional, no default)",
                "    audio_urls           list: a list of texts (repeat the flag), optional",
                "  rules: none",
                "\n  total: image_urls + audio_urls at most 12 items (twelve_references_at_most)\n",
                "\n  limit: image_urls 1 to 2 items when is_first_last_frame = true (first_last_frame_images)\n",
                "\n  limit: audio_urls no items when is_first_last_frame = true (first_last_frame_no_audio)\n",
                "  price: a rate per second of duration, by mode (2 rates)",
            ],
            // "mode — default pro, options "pro""; "duration — string, default 5, options
            // "5", "10""; "cfg_scale — float, optional, no default shown, Range 0 to 1"; "$0.06
            // with audio off or $0.12 with audio on".
            KLING_26_T2V => &[
                "    mode             enum: pro (default pro)",
                "    prompt           string: text, required",
                "    negative_prompt  string: text, optional",
                "    duration         integer: one of the integers 5, 10 (default \"5\")",
                "    aspect_ratio     enum: 16:9, 9:16, 1:1 (default 16:9)",
                "    cfg_scale        number: a number from 0 to 1, optional",
                "    generate_audio   bool: true or false (default false)",
                "  rules: none",
                "  price: a rate per second of duration, by generate_audio (2 rates)",
            ],
            // "mode — string, required, default `pro`, options "pro", "std""; "duration —
            // string, required, default `5`, Range `3` to `15`"; "multi_shot — bool, required,
            // default `false`"; "shot_type — default `intelligence`, options "customize",
            // "intelligence""; "prompt", "negative_prompt — string, optional"; "multi_prompt —
            // list, optional … Number of shots: 1 to 6", each shot "duration: int, required"
            // (at least 1, at most the total's 15); the prompt "cannot be empty when
            // `multi_shot` is false OR when `shot_type` is 'intelligence'", the shots for
            // 'customize'; unpriced (the audio switch is beyond the cut).
            KLING_30_T2V => &[
                "    mode             enum: pro, std (default pro)",
                "    duration         integer: a whole number from \"3\" to \"15\" (a string) (default \"5\")",
                "    multi_shot       bool: true or false (default false)",
                "    shot_type        enum: customize, intelligence (default intelligence)",
                "    prompt           string: text, optional",
                "    negative_prompt  string: text, optional",
                "    multi_prompt     list: a list of 1 to 6 objects, each flag one JSON object {duration: an integer from 1 to 15 (required, no default)} (repeat the flag), optional",
                "  rules: none",
                "\n  requires: prompt when multi_shot = false\n",
                "\n  requires: prompt when shot_type = \"intelligence\"\n",
                "\n  requires: multi_prompt when shot_type = \"customize\"\n",
                // "The sum of the shot durations must equal the task duration."
                "\n  sum: multi_prompt's duration = duration (shots_add_up_to_duration)\n",
                "  price: unpriced: ",
            ],
            WAN_R2V => &[
                "    prompt           string: text of at most 1500 characters, required",
                "    negative_prompt  string: text of at most 500 characters, optional",
                "    image_urls       list: a list of 0 to 5 texts (repeat the flag), optional",
                "    video_urls       list: a list of 1 to 3 texts (repeat the flag), required",
                "    duration         integer: an integer from 2 to 10 (default 5)",
                "    resolution       enum: 720p, 1080p (default 1080p)",
                "  rules: none",
                "\n  total: image_urls + video_urls at most 5 items (five_references_at_most)\n",
                "  price: a rate per second of duration, by resolution (2 rates)",
            ],
            // "length ≤ 2100 characters", "≤ 500"; "default `1`, options "1", "2", "3", "4"";
            // "no default shown, range `640` to `2880`" twice; "default `false`"; "total pixels
            // (width × height) between 1280 × 1280 and 1440 × 1440; aspect ratio within 1:4 to
            // 4:1"; "$0.026 per image".
            WAN_T2I => &[
                "    prompt           string: text of at most 2100 characters, required",
                "    negative_prompt  string: text of at most 500 characters, optional",
                "    num_images       integer: an integer from 1 to 4 (default 1)",
                "    width            integer: an integer from 640 to 2880 (optional, no default)",
                "    height           integer: an integer from 640 to 2880 (optional, no default)",
                "    prompt_extend    bool: true or false (default false)",
                "  rules: none",
                "\n  relation: width × height from 1638400 to 2073600 (pixels_from_1280x1280_to_1440x1440)\n",
                "\n  relation: width : height from 1:4 to 4:1 (aspect_ratio_from_1_4_to_4_1)\n",
                "  price: a rate per image of num_images (",
            ],
            _ => &[
                "  resolution      enum: 540p, 720p, 1080p (default 720p)",
                "  duration        enum: 5, 8, 10 (default 5)",
                "    no_1080p_at_10s: 1080p is not supported for 10s videos",
            ],
        };
        for line in expected {
            assert!(section.contains(line), "{id}: {line}:\n{section}");
        }
    }
    // The reasons, as the pages give them.
    let unpriced_pro = sections[KLING_I2V]
        .lines()
        .find(|l| l.starts_with("  unpriced where mode = \"pro\": "))
        .unwrap();
    assert!(unpriced_pro.contains("per request"), "{unpriced_pro}");
    for id in [VIDU, VIDU_I2V] {
        let vidu = sections[id]
            .lines()
            .find(|l| l.starts_with("  price: unpriced: "))
            .unwrap();
        assert!(vidu.contains("starts at"), "{id}: {vidu}");
    }
    // Kling 3.0's: the page's four rates by mode and audio, and the audio switch beyond the
    // cut.
    let kling = sections[KLING_30_T2V]
        .lines()
        .find(|l| l.starts_with("  price: unpriced: "))
        .unwrap();
    for words in ["$0.143", "$0.214", "$0.190", "$0.286", "audio", "cut"] {
        assert!(kling.contains(words), "{words}: {kling}");
    }
    // Conditional requirements are said by the two pages that state them, a limit on lists
    // counted together by the four pages that state one (a line each, as `models` gives it),
    // and a narrower count while an option has a value by the two pages that state one.
    for (model, (total, _, [first, second], most)) in [
        (KLING_I2V, KLING_I2V_TOTAL),
        (KLING_V2V, KLING_V2V_TOTAL),
        (SEEDANCE_I2V, SEEDANCE_I2V_TOTAL),
        (WAN_R2V, WAN_R2V_TOTAL),
    ] {
        let line = format!("  total: {first} + {second} at most {most} items ({total})");
        assert!(
            sections[model].lines().any(|l| l == line),
            "{line}:\n{}",
            sections[model]
        );
    }
    for (id, _) in MODELS {
        assert_eq!(
            sections[id].contains("\n  requires: "),
            id == VIDU_I2V || id == KLING_30_T2V,
            "{id}:\n{}",
            sections[id]
        );
        assert_eq!(
            sections[id].contains("\n  total: "),
            [KLING_I2V, KLING_V2V, WAN_R2V, SEEDANCE_I2V].contains(&id),
            "{id}:\n{}",
            sections[id]
        );
        assert_eq!(
            sections[id].contains("\n  limit: "),
            id == SEEDANCE_I2V || id == KLING_I2V,
            "{id}:\n{}",
            sections[id]
        );
        assert_eq!(
            sections[id].contains("\n  relation: "),
            id == WAN_T2I,
            "{id}:\n{}",
            sections[id]
        );
    }
    // Wan 2.6 text-to-image's two relations, a line each as `models` gives them, in spec
    // order, after its rules and before its price.
    let (pixels, _, [first, second], fewest, most) = WAN_T2I_PIXELS;
    let (ratio, _, [left, right], least, greatest) = WAN_T2I_RATIO;
    let relations: Vec<&str> = sections[WAN_T2I]
        .lines()
        .filter(|l| l.starts_with("  relation: "))
        .collect();
    assert_eq!(
        relations,
        [
            format!("  relation: {first} × {second} from {fewest} to {most} ({pixels})"),
            format!("  relation: {left} : {right} from {least} to {greatest} ({ratio})"),
        ]
    );
    let wan: Vec<&str> = sections[WAN_T2I].lines().collect();
    let at = |start: &str| wan.iter().position(|l| l.starts_with(start)).unwrap();
    assert!(
        at("  rules: none") < at(relations[0]) && at(relations[1]) < at("  price: "),
        "{}",
        sections[WAN_T2I]
    );
    let total = "  total: image_urls + video_urls at most 5 items (five_references_at_most)";
    assert!(
        sections[WAN_R2V].lines().any(|l| l == total),
        "{}",
        sections[WAN_R2V]
    );
    // Seedance 2.0 image-to-video's two limits, a line each, in spec order, after its total
    // and before its price.
    let seedance: Vec<&str> = sections[SEEDANCE_I2V].lines().collect();
    let at = |line: &str| {
        seedance
            .iter()
            .position(|l| *l == line)
            .unwrap_or_else(|| panic!("no line {line:?}:\n{}", sections[SEEDANCE_I2V]))
    };
    let total = at("  total: image_urls + audio_urls at most 12 items (twelve_references_at_most)");
    let images = at("  limit: image_urls 1 to 2 items when is_first_last_frame = true (first_last_frame_images)");
    let audio = at(
        "  limit: audio_urls no items when is_first_last_frame = true (first_last_frame_no_audio)",
    );
    let price = at("  price: a rate per second of duration, by mode (2 rates)");
    assert!(
        total < images && images < audio && audio < price,
        "{}",
        sections[SEEDANCE_I2V]
    );
    assert_eq!(
        seedance
            .iter()
            .filter(|l| l.starts_with("  limit: "))
            .count(),
        2
    );
    let transition = sections[TRANSITION_60];
    assert!(transition.contains("image_tail      string: text, required"));
    assert!(transition.contains(
        "price: a rate per second of duration, by generate_audio × resolution (6 rates)"
    ));
    assert!(sections[TRANSITION_55]
        .contains("price: a table of 16 cells, by generate_audio × resolution × duration"));
    assert!(sections[T2V_55].contains(
        "price: a table of 32 cells, by multi_shot × generate_audio × resolution × duration"
    ));
    assert!(sections[I2V_60].contains("multi_shot      bool: true or false (default false)"));
}

/// For people, `models --format text` says which options have no default: exactly the aspect
/// ratios of the four text-to-image pages with one and the two image-to-image pages read
/// `(required, no default)` after their values, Kling 3.0 text-to-video's shots the same of
/// their item field `duration` ("int, required", no default), and Seedance 2.0
/// image-to-video's first/last-frame switch (its default beyond the cut) and Wan 2.6
/// text-to-image's width and height ("int, optional, no default shown", [`OPTIONAL_INTEGERS`])
/// `(optional, no default)`; only Kling 2.6 text-to-video's negative prompt and cfg_scale
/// ("float, optional, no default shown"), Kling 3.0 text-to-video's prompt (required only under
/// its conditions), negative prompt and shots ("list, optional"), Kling O1 image-to-video's
/// elements and video-to-video's images and elements ("list, optional"), Midjourney's negative
/// prompt, Seedance 2.0 image-to-video's first/last-frame switch and reference audio, Vidu Q2
/// image-to-video's voice id, Wan 2.6 reference-to-video's negative prompt (with its "≤ 500
/// characters") and reference images ("optional, 0–5") and Wan 2.6 text-to-image's negative
/// prompt ("≤ 500"), width and height are inputs a request may leave out; an integer the page
/// lists values of, as its spec transcribes them, says them (Flux's `num_images`, Kling 2.6's
/// string `duration` "5" or "10"), one with a range its range (Nano Banana's, Seedream's and
/// Wan 2.6 text-to-image's `num_images`, whose pages list "1" to "4", are transcribed as the
/// range 1 to 4).
#[test]
fn models_text_says_what_has_no_default_and_an_integer_s_values() {
    let o = cli("models --format text", b"");
    assert_eq!(code(&o), 0);
    let text = stdout(&o);
    let mut no_default = Vec::new();
    let mut optional_text = Vec::new();
    let mut integer_lists = Vec::new();
    for section in text.split("\n\n") {
        let id = section.split_whitespace().next().unwrap();
        for line in section.lines().filter(|l| l.starts_with("    ")) {
            let (option, description) = line.trim_start().split_once(' ').unwrap();
            let description = description.trim_start();
            if description.contains("no default") {
                no_default.push((id, option, description));
            }
            if description.contains("optional") {
                optional_text.push((id, option, description));
            }
            if description.contains("one of the integers") {
                integer_lists.push((id, option, description));
            }
        }
    }
    let mut expected: Vec<(&str, &str, String)> = NO_DEFAULT
        .iter()
        .map(|(id, option, values)| {
            (
                *id,
                *option,
                format!("enum: {} (required, no default)", values.join(", ")),
            )
        })
        .collect();
    // In the CLI's order: after the two Nano Banana pages, before the two Seedream ones.
    assert_eq!(expected[3].0, NANO_BANANA);
    expected.insert(
        4,
        (
            SEEDANCE_I2V,
            "is_first_last_frame",
            "bool: true or false (optional, no default)".to_owned(),
        ),
    );
    // Kling 3.0's shots: the list is optional, its item field `duration` required with no
    // default; in the CLI's order, after Flux.
    assert_eq!(expected[0].0, FLUX);
    expected.insert(1, (KLING_30_T2V, "multi_prompt", KLING_30_SHOTS.to_owned()));
    // Wan 2.6 text-to-image's width and height: optional integers in their range, with no
    // default; in the CLI's order, last.
    expected.extend(OPTIONAL_INTEGERS.iter().map(|(id, option, least, most)| {
        (
            *id,
            *option,
            format!("integer: an integer from {least} to {most} (optional, no default)"),
        )
    }));
    let got: Vec<(&str, &str, String)> = no_default
        .iter()
        .map(|(id, option, d)| (*id, *option, d.to_string()))
        .collect();
    assert_eq!(got, expected);
    let (i2v_elements, v2v_elements) = (elements_text(7), elements_text(4));
    // "range `640` to `2880`", both.
    let (width, height) = (
        expected[expected.len() - 2].2.as_str(),
        expected[expected.len() - 1].2.as_str(),
    );
    assert_eq!(
        [width, height],
        ["integer: an integer from 640 to 2880 (optional, no default)"; 2]
    );
    assert_eq!(
        optional_text,
        [
            (KLING_26_T2V, "negative_prompt", "string: text, optional"),
            (
                KLING_26_T2V,
                "cfg_scale",
                "number: a number from 0 to 1, optional"
            ),
            (KLING_30_T2V, "prompt", "string: text, optional"),
            (KLING_30_T2V, "negative_prompt", "string: text, optional"),
            (KLING_30_T2V, "multi_prompt", KLING_30_SHOTS),
            (KLING_I2V, "elements", &i2v_elements),
            (
                KLING_V2V,
                "images",
                "list: a list of 0 to 4 texts (repeat the flag), optional"
            ),
            (KLING_V2V, "elements", &v2v_elements),
            (MIDJOURNEY, "negative_prompt", "string: text, optional"),
            (
                SEEDANCE_I2V,
                "is_first_last_frame",
                "bool: true or false (optional, no default)"
            ),
            (
                SEEDANCE_I2V,
                "audio_urls",
                "list: a list of texts (repeat the flag), optional"
            ),
            (VIDU_I2V, "voice_id", "string: text, optional"),
            (
                WAN_R2V,
                "negative_prompt",
                "string: text of at most 500 characters, optional"
            ),
            (
                WAN_R2V,
                "image_urls",
                "list: a list of 0 to 5 texts (repeat the flag), optional"
            ),
            (
                WAN_T2I,
                "negative_prompt",
                "string: text of at most 500 characters, optional"
            ),
            (WAN_T2I, "width", width),
            (WAN_T2I, "height", height),
        ]
    );
    assert_eq!(
        integer_lists,
        [
            (
                FLUX,
                "num_images",
                "integer: one of the integers 1, 2, 4, 8 (default 1)"
            ),
            (
                KLING_26_T2V,
                "duration",
                "integer: one of the integers 5, 10 (default \"5\")"
            ),
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// table

/// The CSV's header, by hand: `model`; every option a price depends on, in order of first
/// appearance over the models in the CLI's order (Flux's performance, HappyHorse's resolution
/// and duration, Kling 2.6's generate_audio, Kling O1's mode, Nano Banana's num_images,
/// PixVerse 5.5's multi_shot); the amount; then a rate's columns and an unpriced row's reason.
const CSV_HEADER: &str = "model,performance,resolution,duration,generate_audio,mode,num_images,multi_shot,amount,amount_micros,currency,rate,rate_micros,unit,per,unpriced";

/// The option columns of [`CSV_HEADER`].
const PRICED_COLUMNS: [&str; 7] = [
    "performance",
    "resolution",
    "duration",
    "generate_audio",
    "mode",
    "num_images",
    "multi_shot",
];

/// The options each of the sixteen pages of `catalog/` prices by, from the facts files
/// ("Depends on"): for a measured rate without the option it multiplies (Seedance
/// omni-reference's `duration`, whose column a rate row leaves empty: any value); for a price
/// per image the number of images, each a row (Nano Banana, Seedream, and their edit pages,
/// whose input images are not billed; Wan 2.6 text-to-image, whose size is not mentioned in the
/// price); Flux's price per request by performance alone, not
/// num_images; Midjourney's by its one mode; none for the two Vidu pages and Kling 3.0
/// text-to-video (its audio switch beyond the cut), wholly unpriced (one row each); Seedance 2.0 image-to-video's rate by mode times each whole second of duration
/// (the input images and audio, and first/last-frame mode, not said to change it); Kling 2.6
/// text-to-video's by generate_audio times each of its two durations (its one mode, aspect
/// ratio and cfg_scale not).
// 16 pages: the 15 before, and Wan 2.6 text-to-image.
const NEW_PRICED_OPTIONS: [(&str, &[&str]); 16] = [
    (KLING_I2V, &["mode", "duration"]),
    (KLING_V2V, &["mode"]),
    (SEEDANCE, &["mode"]),
    (VEO, &["mode", "resolution", "generate_audio", "duration"]),
    (VIDU, &[]),
    (VIDU_I2V, &[]),
    (NANO_BANANA, &["num_images"]),
    (FLUX, &["performance"]),
    (MIDJOURNEY, &["mode"]),
    (SEEDREAM, &["num_images"]),
    (NANO_BANANA_EDIT, &["num_images"]),
    (SEEDREAM_EDIT, &["num_images"]),
    (SEEDANCE_I2V, &["mode", "duration"]),
    (KLING_26_T2V, &["generate_audio", "duration"]),
    (KLING_30_T2V, &[]),
    (WAN_T2I, &["num_images"]),
];

/// The price per image of the pages priced so ("$0.03 per image", "$0.038 per image", "$0.026
/// per image").
const PER_IMAGE: [(&str, &str); 5] = [
    (NANO_BANANA, "0.03"),
    (SEEDREAM, "0.038"),
    (NANO_BANANA_EDIT, "0.03"),
    (SEEDREAM_EDIT, "0.038"),
    (WAN_T2I, "0.026"),
];

/// What a measured rate multiplies, by hand from the pages, as `per` joins it.
const MEASURED_PER: [(&str, &str); 2] = [
    (KLING_V2V, "input_video_seconds"),
    (SEEDANCE, "input_video_seconds+duration"),
];

/// An amount in millionths, as a whole number (`"0.143"` → `"143000"`); empty for none.
fn micros(amount: &str) -> String {
    if amount.is_empty() {
        return String::new();
    }
    (dec(amount) * Decimal::from(1_000_000))
        .normalize()
        .to_string()
}

/// A row of the price table as one comparable line: the CSV's fields (an option empty where
/// the row does not depend on it), with the `unpriced` reason left empty: a reason is compared
/// on its own, against a phrase of the page.
fn row_key(
    model: &str,
    options: &BTreeMap<&str, String>,
    amount: &str,
    rate: &str,
    unit: &str,
    per: &str,
) -> String {
    let mut fields = vec![model.to_owned()];
    fields.extend(
        PRICED_COLUMNS
            .iter()
            .map(|c| options.get(c).cloned().unwrap_or_default()),
    );
    fields.extend([
        amount.to_owned(),
        micros(amount),
        "USD".to_owned(),
        rate.to_owned(),
        micros(rate),
        unit.to_owned(),
        per.to_owned(),
        String::new(),
    ]);
    fields.join(",")
}

/// A documented value as the CSV writes it.
fn value_text(v: documented::V) -> String {
    match v {
        documented::V::S(s) => s.to_owned(),
        documented::V::B(b) => b.to_string(),
        documented::V::I(n) | documented::V::N(n) => n.to_string(),
    }
}

/// Every documented row of `table`, by hand, as [`row_key`] writes it, with the phrase the
/// reason of an unpriced row must contain (none for a priced row). An option is empty where
/// the price does not depend on it (a transition lacks multi_shot, a 6.0 price ignores it,
/// HappyHorse has neither switch, a rate row any value of what it multiplies).
fn documented_rows() -> BTreeMap<String, Option<&'static str>> {
    let options = |pairs: &[(&'static str, String)]| -> BTreeMap<&'static str, String> {
        pairs.iter().cloned().collect()
    };
    let amount = |model: &str, pairs: &[(&'static str, String)], amount: &str| {
        row_key(model, &options(pairs), amount, "", "", "")
    };
    let mut rows = BTreeMap::new();
    for model in [T2V_55, I2V_55] {
        for (multi_shot, audio, resolution, duration, price) in SEED_CELLS {
            let values = [
                ("resolution", resolution.to_owned()),
                ("duration", duration.to_owned()),
                ("multi_shot", multi_shot.to_string()),
                ("generate_audio", audio.to_string()),
            ];
            rows.insert(amount(model, &values, price), None);
        }
    }
    for (audio, resolution, duration, price) in TRANSITION_55_TABLE {
        let values = [
            ("resolution", resolution.to_owned()),
            ("duration", duration.to_owned()),
            ("generate_audio", audio.to_string()),
        ];
        rows.insert(amount(TRANSITION_55, &values, price), None);
    }
    for (audio, resolution, duration, price) in AMOUNTS_60 {
        // The hand-worked amount is the page's rate times the seconds.
        let (_, _, rate) = documented::RATES_6_0
            .iter()
            .find(|(a, r, _)| *a == audio && *r == resolution)
            .unwrap();
        assert_eq!(dec(rate) * dec(duration), dec(price), "{price}");
        let values = [
            ("resolution", resolution.to_owned()),
            ("duration", duration.to_owned()),
            ("generate_audio", audio.to_string()),
        ];
        for model in [T2V_60, I2V_60, TRANSITION_60] {
            rows.insert(amount(model, &values, price), None);
        }
    }
    for (resolution, seconds, price) in documented::HAPPYHORSE_AMOUNTS {
        let values = [
            ("resolution", resolution.to_owned()),
            ("duration", seconds.to_string()),
        ];
        rows.insert(amount(HAPPYHORSE, &values, price), None);
    }
    // Wan 2.6 reference-to-video: each whole second from 2 to 10 at both resolutions, the
    // hand-worked amount the page's rate times the seconds, as `common/documented.rs` has it
    // too.
    let wan = documented::documented(WAN_R2V);
    for (resolution, seconds, price) in WAN_R2V_AMOUNTS {
        let (_, rate) = WAN_R2V_RATES
            .iter()
            .find(|(r, _)| *r == resolution)
            .unwrap();
        assert_eq!(dec(rate) * Decimal::from(seconds), dec(price), "{price}");
        let documented_price = wan.price_of_values(&[
            ("resolution", documented::V::S(resolution)),
            ("duration", documented::V::I(seconds)),
        ]);
        assert_eq!(documented_price, Some(price), "{resolution} {seconds} s");
        let values = [
            ("resolution", resolution.to_owned()),
            ("duration", seconds.to_string()),
        ];
        rows.insert(amount(WAN_R2V, &values, price), None);
    }
    assert_eq!(wan.cell_count(), WAN_R2V_AMOUNTS.len());
    // The sixteen pages of catalog/: every combination of their values, as the transcription
    // prices it, on the options the price depends on (Wan 2.6 text-to-image's width and height,
    // with no default, left out: its price ignores them).
    for (model, priced) in NEW_PRICED_OPTIONS {
        let page = documented::documented(model);
        for combination in page.combinations() {
            let get = |name: &str| combination.iter().find(|c| c.0 == name).map(|c| c.1);
            let values: Vec<(&'static str, String)> = combination
                .iter()
                .filter(|(name, _)| priced.contains(name))
                .map(|(name, v)| (*name, value_text(*v)))
                .collect();
            let (key, phrase) = match page.expected(get, None) {
                documented::Expected::Amount(price) => {
                    if let Some((_, rate)) = PER_IMAGE.iter().find(|(id, _)| *id == model) {
                        // The hand-worked amount is the page's price per image times the
                        // images.
                        let Some(documented::V::I(images)) = get("num_images") else {
                            panic!("{model}: a number of images")
                        };
                        assert_eq!(dec(rate) * Decimal::from(images), dec(price), "{model}");
                    }
                    if model == VEO {
                        // The hand-worked amount is the facts file's rate times the seconds.
                        let rate = VEO_RATES
                            .iter()
                            .find(|r| {
                                Some(documented::V::S(r.0)) == get("mode")
                                    && Some(documented::V::S(r.1)) == get("resolution")
                                    && Some(documented::V::B(r.2)) == get("generate_audio")
                            })
                            .unwrap()
                            .3;
                        let Some(documented::V::S(seconds)) = get("duration") else {
                            panic!("{model}: a duration")
                        };
                        assert_eq!(dec(rate) * dec(seconds), dec(price), "{model} {price}");
                    }
                    if model == SEEDANCE_I2V {
                        // The hand-worked amount is the facts file's rate by mode times the
                        // whole seconds.
                        let Some(documented::V::S(mode)) = get("mode") else {
                            panic!("{model}: a mode")
                        };
                        let rate = SEEDANCE_I2V_RATES.iter().find(|r| r.0 == mode).unwrap().1;
                        let Some(documented::V::I(seconds)) = get("duration") else {
                            panic!("{model}: a duration")
                        };
                        assert_eq!(
                            dec(rate) * Decimal::from(seconds),
                            dec(price),
                            "{model} {price}"
                        );
                    }
                    if model == KLING_26_T2V {
                        // The hand-worked amount is the facts file's rate by audio times the
                        // seconds of the string duration.
                        let Some(documented::V::B(audio)) = get("generate_audio") else {
                            panic!("{model}: generate_audio")
                        };
                        let rate = KLING_26_T2V_RATES.iter().find(|r| r.0 == audio).unwrap().1;
                        let Some(documented::V::N(seconds)) = get("duration") else {
                            panic!("{model}: a duration")
                        };
                        assert_eq!(
                            dec(rate) * Decimal::from(seconds),
                            dec(price),
                            "{model} {price}"
                        );
                    }
                    (amount(model, &values, price), None)
                }
                documented::Expected::Estimate { rate, unit, .. } => {
                    let per = MEASURED_PER.iter().find(|p| p.0 == model).unwrap().1;
                    (row_key(model, &options(&values), "", rate, unit, per), None)
                }
                documented::Expected::Unpriced(phrase) => (
                    row_key(model, &options(&values), "", "", "", ""),
                    Some(phrase),
                ),
                documented::Expected::Forbidden(_) => continue,
            };
            // Combinations that differ only in options the price ignores make the same row.
            if let Some(before) = rows.insert(key.clone(), phrase) {
                assert_eq!(before, phrase, "{key}");
            }
        }
    }
    rows
}

/// Asserts that `got` (each row's [`row_key`] and `unpriced` reason) is exactly the documented
/// rows, each once, every reason containing its page's phrase and no priced row having one.
fn assert_documented_rows(got: &[(String, String)], what: &str) {
    let documented = documented_rows();
    let keys: BTreeSet<&String> = got.iter().map(|(key, _)| key).collect();
    assert_eq!(keys.len(), got.len(), "{what}: no row twice");
    let undocumented: Vec<_> = keys
        .iter()
        .filter(|k| !documented.contains_key(**k))
        .collect();
    assert!(
        undocumented.is_empty(),
        "{what}: rows not documented: {undocumented:#?}"
    );
    let missing: Vec<_> = documented.keys().filter(|k| !keys.contains(k)).collect();
    assert!(
        missing.is_empty(),
        "{what}: documented rows missing: {missing:#?}"
    );
    for (key, reason) in got {
        match documented[key] {
            Some(phrase) => assert!(reason.contains(phrase), "{what}: {key}: {reason:?}"),
            None => assert_eq!(reason, "", "{what}: a priced row has no reason: {key}"),
        }
    }
}

/// The reasons `models` gives for Kling O1 image-to-video's Pro, for Vidu Q2 text-to-video, for
/// Vidu Q2 image-to-video and for Kling 3.0 text-to-video.
fn unpriced_reasons() -> (String, String, String, String) {
    let models = json_out(&cli("models", b""));
    let kling = &model_entry(&models, KLING_I2V)["pricing"]["rates"][1];
    assert_eq!(kling["mode"], "pro");
    let reason = |id: &str| {
        model_entry(&models, id)["pricing"]["reason"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    (
        kling["unpriced"].as_str().unwrap().to_owned(),
        reason(VIDU),
        reason(VIDU_I2V),
        reason(KLING_30_T2V),
    )
}

#[test]
fn table_csv_has_every_documented_row_of_every_model() {
    let o = cli("table", b"");
    assert_eq!(code(&o), 0);
    let text = stdout(&o);
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some(CSV_HEADER));
    let header: Vec<&str> = CSV_HEADER.split(',').collect();
    let lines: Vec<&str> = lines.collect();
    let mut per_model: BTreeMap<String, usize> = BTreeMap::new();
    let mut got = Vec::new();
    for line in &lines {
        let fields = csv_fields(line);
        assert_eq!(fields.len(), header.len(), "{line}");
        let field = |name: &str| fields[header.iter().position(|h| *h == name).unwrap()].as_str();
        // PixVerse's rule ("1080p not supported for 10s") is its own: Wan has 1080p at 10 s.
        if fields[0].starts_with("pixverse/") {
            assert!(
                !(field("resolution") == "1080p" && field("duration") == "10"),
                "no 1080p at 10 s: {line}"
            );
        }
        // Exactly one of an amount, a rate and a reason; each with its companions.
        let (amount, rate, reason) = (field("amount"), field("rate"), field("unpriced"));
        assert_eq!(
            [amount, rate, reason]
                .iter()
                .filter(|f| !f.is_empty())
                .count(),
            1,
            "{line}"
        );
        assert_eq!(
            amount.is_empty(),
            field("amount_micros").is_empty(),
            "{line}"
        );
        for companion in ["rate_micros", "unit", "per"] {
            assert_eq!(rate.is_empty(), field(companion).is_empty(), "{line}");
        }
        *per_model.entry(fields[0].clone()).or_default() += 1;
        let key = fields[..header.len() - 1].join(",") + ",";
        got.push((key, reason.to_owned()));
    }
    assert_eq!(
        per_model,
        BTreeMap::from([
            (FLUX.to_owned(), 2),             // per request, by performance
            (MIDJOURNEY.to_owned(), 1),       // per request, its one mode
            (NANO_BANANA.to_owned(), 4),      // per image, 1 to 4 images
            (SEEDREAM.to_owned(), 4),         // per image, 1 to 4 images
            (NANO_BANANA_EDIT.to_owned(), 4), // per image, 1 to 4 images
            (SEEDREAM_EDIT.to_owned(), 6),    // per image, 1 to 6 images
            (HAPPYHORSE.to_owned(), 26),
            (KLING_I2V.to_owned(), 16), // std: 8 durations; Pro unpriced: 8
            (KLING_V2V.to_owned(), 2),  // a rate per mode
            (I2V_55.to_owned(), 32),
            (T2V_55.to_owned(), 32),
            (TRANSITION_55.to_owned(), 16),
            (I2V_60.to_owned(), 16),
            (T2V_60.to_owned(), 16),
            (TRANSITION_60.to_owned(), 16),
            (SEEDANCE.to_owned(), 2),      // a rate per mode
            (VEO.to_owned(), 36),          // 2 modes × 3 resolutions × audio × 3 durations
            (VIDU.to_owned(), 1),          // one unpriced row
            (VIDU_I2V.to_owned(), 1),      // one unpriced row
            (WAN_R2V.to_owned(), 18),      // 2 resolutions × durations 2 to 10 s
            (SEEDANCE_I2V.to_owned(), 24), // 2 modes × durations 4 to 15 s
            (KLING_26_T2V.to_owned(), 4),  // audio off/on × durations 5 and 10 s
            (KLING_30_T2V.to_owned(), 1),  // one unpriced row
            (WAN_T2I.to_owned(), 4),       // per image, 1 to 4 images
        ])
    );
    // 233 rows for the nineteen other models, 18 for Wan 2.6 reference-to-video, 24 for
    // Seedance 2.0 image-to-video, 4 for Kling 2.6 text-to-video, 1 (unpriced) for Kling 3.0
    // text-to-video, 4 for Wan 2.6 text-to-image.
    assert_eq!(got.len(), 233 + 18 + 24 + 4 + 1 + 4);
    assert_documented_rows(&got, "csv");
    // A few by eye, as the pages write them.
    for row in [
        "pixverse/pixverse-5.5/text-to-video,,720p,10,true,,,true,0.655,655000,USD,,,,,",
        "pixverse/pixverse-5.5/image-to-video,,540p,5,false,,,false,0.128,128000,USD,,,,,",
        "pixverse/pixverse-5.5/transition,,720p,8,false,,,,1.02,1020000,USD,,,,,",
        "pixverse/pixverse-5.5/transition,,1080p,8,true,,,,2.210,2210000,USD,,,,,",
        "pixverse/pixverse-6.0/text-to-video,,720p,8,true,,,,0.408,408000,USD,,,,,",
        "pixverse/pixverse-6.0/image-to-video,,1080p,8,false,,,,0.616,616000,USD,,,,,",
        "pixverse/pixverse-6.0/transition,,1080p,5,true,,,,0.490,490000,USD,,,,,",
        "pixverse/pixverse-6.0/transition,,540p,10,false,,,,0.300,300000,USD,,,,,",
        "alibaba/happyhorse-1.0/text-to-video,,1080P,15,,,,,3.435,3435000,USD,,,,,",
        "alibaba/happyhorse-1.0/text-to-video,,720P,3,,,,,0.387,387000,USD,,,,,",
        // 0.075 × 8; 0.48 × 8; 0.08 × 6
        "kwaivgi/kling-o1/image-to-video,,,8,,std,,,0.600,600000,USD,,,,,",
        "google/veo-3.1/image-to-video,,4k,8,true,quality,,,3.84,3840000,USD,,,,,",
        "google/veo-3.1/image-to-video,,1080p,6,false,fast,,,0.48,480000,USD,,,,,",
        // Per request: Flux by performance, any number of images; Midjourney.
        "shortapi/flux-1.0/text-to-image,schnell,,,,,,,0.002,2000,USD,,,,,",
        "shortapi/flux-1.0/text-to-image,dev,,,,,,,0.02,20000,USD,,,,,",
        "midjourney/midjourney-v7/text-to-image,,,,,fast,,,0.04,40000,USD,,,,,",
        // Per image: 0.03 × 3; 0.038 × 4.
        "google/nano-banana/text-to-image,,,,,,3,,0.09,90000,USD,,,,,",
        "bytedance/seedream-4.5/text-to-image,,,,,,4,,0.152,152000,USD,,,,,",
        // The edit pages, per image too: 0.038 × 6; 0.03 × 4.
        "bytedance/seedream-4.5/edit,,,,,,6,,0.228,228000,USD,,,,,",
        "google/nano-banana/edit,,,,,,4,,0.12,120000,USD,,,,,",
        // Rates: no amount; the rate, in millionths too, per second of what `per` names.
        "kwaivgi/kling-o1/video-to-video,,,,,std,,,,,USD,0.11,110000,second,input_video_seconds,",
        "kwaivgi/kling-o1/video-to-video,,,,,pro,,,,,USD,0.143,143000,second,input_video_seconds,",
        "bytedance/seedance-2.0/omni-reference,,,,,std,,,,,USD,0.168,168000,second,input_video_seconds+duration,",
        "bytedance/seedance-2.0/omni-reference,,,,,fast,,,,,USD,0.14,140000,second,input_video_seconds+duration,",
        // Wan: 0.085 × 2; 0.128 × 10, 1080p at 10 s allowed.
        "alibaba/wan-2.6/reference-to-video,,720p,2,,,,,0.170,170000,USD,,,,,",
        "alibaba/wan-2.6/reference-to-video,,1080p,10,,,,,1.280,1280000,USD,,,,,",
        // Seedance 2.0 image-to-video: 0.24 × 5 (the defaults); 0.20 × 15; 0.24 × 4.
        "bytedance/seedance-2.0/image-to-video,,,5,,std,,,1.20,1200000,USD,,,,,",
        "bytedance/seedance-2.0/image-to-video,,,15,,fast,,,3.00,3000000,USD,,,,,",
        "bytedance/seedance-2.0/image-to-video,,,4,,std,,,0.96,960000,USD,,,,,",
        // Kling 2.6 text-to-video: 0.06 × 5 (the defaults); 0.12 × 10.
        "kwaivgi/kling-2.6/text-to-video,,,5,false,,,,0.30,300000,USD,,,,,",
        "kwaivgi/kling-2.6/text-to-video,,,10,true,,,,1.20,1200000,USD,,,,,",
        // Wan 2.6 text-to-image, per image whatever the size: 0.026 × 1; 0.026 × 4.
        "alibaba/wan-2.6/text-to-image,,,,,,1,,0.026,26000,USD,,,,,",
        "alibaba/wan-2.6/text-to-image,,,,,,4,,0.104,104000,USD,,,,,",
    ] {
        assert!(lines.contains(&row), "missing {row}");
    }
    // Unpriced rows: no amount, no rate, the reason `models` gives, quoted as CSV quotes a
    // field with commas and quotes (both reasons have them).
    let (kling_pro, vidu, vidu_i2v, kling_30) = unpriced_reasons();
    assert!(vidu_i2v.contains("starts at"), "{vidu_i2v}");
    for (prefix, reason) in [
        (format!("{KLING_I2V},,,5,,pro,,,,,USD,,,,,"), &kling_pro),
        (format!("{VIDU},,,,,,,,,,USD,,,,,"), &vidu),
        (format!("{VIDU_I2V},,,,,,,,,,USD,,,,,"), &vidu_i2v),
    ] {
        assert!(reason.contains(',') && reason.contains('"'), "{reason}");
        let line = lines
            .iter()
            .find(|l| l.starts_with(&prefix))
            .unwrap_or_else(|| panic!("no row {prefix}…"));
        assert_eq!(
            &line[prefix.len()..],
            format!("\"{}\"", reason.replace('"', "\"\"")),
            "{line}"
        );
    }
    // Kling 3.0 text-to-video's one row, every option empty: its reason has commas and no
    // quote, quoted whole; the page's four rates and the audio switch beyond the cut.
    for words in ["$0.143", "$0.214", "$0.190", "$0.286", "audio", "cut"] {
        assert!(kling_30.contains(words), "{words}: {kling_30}");
    }
    assert!(
        kling_30.contains(',') && !kling_30.contains('"'),
        "{kling_30}"
    );
    assert_eq!(
        lines
            .iter()
            .filter(|l| l.starts_with(&format!("{KLING_30_T2V},")))
            .collect::<Vec<_>>(),
        [&format!("{KLING_30_T2V},,,,,,,,,,USD,,,,,\"{kling_30}\"")]
    );
}

#[test]
fn table_json_has_the_same_rows_without_unpriced_options() {
    let o = cli("table --format json", b"");
    assert_eq!(code(&o), 0);
    let rows = json_out(&o);
    let rows = rows.as_array().unwrap();
    // As the CSV: 233 rows for the nineteen other models, 18 for Wan 2.6 reference-to-video (2
    // resolutions × durations 2 to 10 s), 24 for Seedance 2.0 image-to-video (2 modes ×
    // durations 4 to 15 s), 4 for Kling 2.6 text-to-video (audio off/on × 5 and 10 s), 1 for
    // Kling 3.0 text-to-video (unpriced), 4 for Wan 2.6 text-to-image (1 to 4 images).
    assert_eq!(rows.len(), 233 + 18 + 24 + 4 + 1 + 4);
    let got: Vec<(String, String)> = rows
        .iter()
        .map(|r| {
            let model = r["model"].as_str().unwrap();
            let object = r.as_object().unwrap();
            let by_multi_shot = model == T2V_55 || model == I2V_55;
            let by_audio = model.starts_with("pixverse/") || model == VEO || model == KLING_26_T2V;
            let by_seconds = model == HAPPYHORSE || model == WAN_R2V || model == SEEDANCE_I2V;
            assert_eq!(r.get("multi_shot").is_some(), by_multi_shot, "{r}");
            assert_eq!(r.get("generate_audio").is_some(), by_audio, "{r}");
            assert_eq!(r["currency"], "USD", "{r}");
            // A duration is a string for PixVerse, Kling (O1 and 2.6) and Veo ("8"), a number
            // for HappyHorse, Wan and Seedance 2.0 image-to-video (8); a Seedance
            // omni-reference rate row has none (it multiplies any duration). A number of images
            // is a number, as on the wire.
            let options: BTreeMap<&str, String> = PRICED_COLUMNS
                .iter()
                .filter_map(|&c| {
                    let text = match (c, r.get(c)?) {
                        (_, Value::String(s)) => s.clone(),
                        (_, Value::Bool(b)) => b.to_string(),
                        ("duration", Value::Number(n)) if by_seconds => n.to_string(),
                        ("num_images", Value::Number(n)) if n.is_i64() => n.to_string(),
                        (c, other) => panic!("{model}: {c} {other}"),
                    };
                    Some((c, text))
                })
                .collect();
            let text = |key: &str| r[key].as_str().expect("strings").to_owned();
            // The model, its options, one price form and the currency: nothing else.
            let (key, reason, form_keys) = if r.get("amount").is_some() {
                let key = row_key(model, &options, &text("amount"), "", "", "");
                (key, String::new(), 1)
            } else if r.get("rate").is_some() {
                let per: Vec<&str> = r["per"]
                    .as_array()
                    .expect("per is an array")
                    .iter()
                    .map(|n| n.as_str().unwrap())
                    .collect();
                let key = row_key(
                    model,
                    &options,
                    "",
                    &text("rate"),
                    &text("unit"),
                    &per.join("+"),
                );
                (key, String::new(), 3)
            } else {
                let key = row_key(model, &options, "", "", "", "");
                (key, text("unpriced"), 1)
            };
            assert_eq!(object.len(), 2 + options.len() + form_keys, "{r}");
            (key, reason)
        })
        .collect();
    assert_documented_rows(&got, "json");
    assert_eq!(
        rows[0],
        json!({"model": FLUX, "performance": "schnell", "amount": "0.002", "currency": "USD"})
    );
    let first = |model: &str| rows.iter().find(|r| r["model"] == model).unwrap();
    assert_eq!(
        first(HAPPYHORSE),
        &json!({"model": HAPPYHORSE, "resolution": "720P", "duration": 3, "amount": "0.387", "currency": "USD"})
    );
    assert_eq!(
        first(I2V_55),
        &json!({"model": I2V_55, "resolution": "540p", "duration": "5", "multi_shot": false, "generate_audio": false, "amount": "0.128", "currency": "USD"})
    );
    assert_eq!(
        first(KLING_I2V),
        &json!({"model": KLING_I2V, "mode": "std", "duration": "3", "amount": "0.225", "currency": "USD"})
    );
    // The rate rows: what they multiply as a list; Seedance's without its duration.
    let of = |model: &str| -> Vec<&Value> { rows.iter().filter(|r| r["model"] == model).collect() };
    assert_eq!(
        of(KLING_V2V),
        [
            &json!({"model": KLING_V2V, "mode": "std", "rate": "0.11", "unit": "second", "per": ["input_video_seconds"], "currency": "USD"}),
            &json!({"model": KLING_V2V, "mode": "pro", "rate": "0.143", "unit": "second", "per": ["input_video_seconds"], "currency": "USD"}),
        ]
    );
    assert_eq!(
        of(SEEDANCE),
        [
            &json!({"model": SEEDANCE, "mode": "std", "rate": "0.168", "unit": "second", "per": ["input_video_seconds", "duration"], "currency": "USD"}),
            &json!({"model": SEEDANCE, "mode": "fast", "rate": "0.14", "unit": "second", "per": ["input_video_seconds", "duration"], "currency": "USD"}),
        ]
    );
    // The image pages: per request (Flux, Midjourney) with no num_images; per image, a row
    // for each number of images: 0.03 × n, 0.038 × n (to 6 for Seedream edit), 0.026 × n
    // ([`WAN_T2I_AMOUNTS`], no width nor height: the price ignores them).
    assert_eq!(
        of(FLUX),
        [
            &json!({"model": FLUX, "performance": "schnell", "amount": "0.002", "currency": "USD"}),
            &json!({"model": FLUX, "performance": "dev", "amount": "0.02", "currency": "USD"}),
        ]
    );
    assert_eq!(
        of(MIDJOURNEY),
        [&json!({"model": MIDJOURNEY, "mode": "fast", "amount": "0.04", "currency": "USD"})]
    );
    for (model, amounts) in [
        (NANO_BANANA, &["0.03", "0.06", "0.09", "0.12"][..]),
        (SEEDREAM, &["0.038", "0.076", "0.114", "0.152"]),
        (NANO_BANANA_EDIT, &["0.03", "0.06", "0.09", "0.12"]),
        (
            SEEDREAM_EDIT,
            &["0.038", "0.076", "0.114", "0.152", "0.190", "0.228"],
        ),
        (WAN_T2I, &WAN_T2I_AMOUNTS.map(|(_, amount)| amount)),
    ] {
        if model == WAN_T2I {
            // The hand-worked amounts are the page's price per image times the images.
            for (images, amount) in WAN_T2I_AMOUNTS {
                assert_eq!(
                    dec("0.026") * Decimal::from(images),
                    dec(amount),
                    "{images}"
                );
            }
        }
        let expected: Vec<Value> = (1..)
            .zip(amounts)
            .map(|(n, amount)| json!({"model": model, "num_images": n, "amount": amount, "currency": "USD"}))
            .collect();
        assert_eq!(of(model), expected.iter().collect::<Vec<_>>(), "{model}");
    }
    // Wan: a row per resolution and whole second, in page order, the duration a number.
    let wan: Vec<Value> = WAN_R2V_AMOUNTS
        .iter()
        .map(|(resolution, seconds, amount)| {
            json!({"model": WAN_R2V, "resolution": resolution, "duration": seconds, "amount": amount, "currency": "USD"})
        })
        .collect();
    assert_eq!(of(WAN_R2V), wan.iter().collect::<Vec<_>>());
    // Seedance 2.0 image-to-video: a row per mode and whole second, std first, the duration a
    // number; the amounts worked out by hand, 0.24 × 4 to 15 and 0.20 × 4 to 15.
    let seedance: Vec<Value> = [
        ("std", 4, "0.96"),
        ("std", 5, "1.20"),
        ("std", 6, "1.44"),
        ("std", 7, "1.68"),
        ("std", 8, "1.92"),
        ("std", 9, "2.16"),
        ("std", 10, "2.40"),
        ("std", 11, "2.64"),
        ("std", 12, "2.88"),
        ("std", 13, "3.12"),
        ("std", 14, "3.36"),
        ("std", 15, "3.60"),
        ("fast", 4, "0.80"),
        ("fast", 5, "1.00"),
        ("fast", 6, "1.20"),
        ("fast", 7, "1.40"),
        ("fast", 8, "1.60"),
        ("fast", 9, "1.80"),
        ("fast", 10, "2.00"),
        ("fast", 11, "2.20"),
        ("fast", 12, "2.40"),
        ("fast", 13, "2.60"),
        ("fast", 14, "2.80"),
        ("fast", 15, "3.00"),
    ]
    .iter()
    .map(|(mode, seconds, amount)| {
        let rate = SEEDANCE_I2V_RATES.iter().find(|r| r.0 == *mode).unwrap().1;
        assert_eq!(dec(rate) * Decimal::from(*seconds), dec(amount), "{mode} {seconds}");
        json!({"model": SEEDANCE_I2V, "mode": mode, "duration": seconds, "amount": amount, "currency": "USD"})
    })
    .collect();
    assert_eq!(of(SEEDANCE_I2V), seedance.iter().collect::<Vec<_>>());
    // Kling 2.6 text-to-video: audio off then on, "5" then "10" (a string duration): 0.06 × 5,
    // 0.06 × 10, 0.12 × 5, 0.12 × 10.
    assert_eq!(
        of(KLING_26_T2V),
        [
            &json!({"model": KLING_26_T2V, "generate_audio": false, "duration": "5", "amount": "0.30", "currency": "USD"}),
            &json!({"model": KLING_26_T2V, "generate_audio": false, "duration": "10", "amount": "0.60", "currency": "USD"}),
            &json!({"model": KLING_26_T2V, "generate_audio": true, "duration": "5", "amount": "0.60", "currency": "USD"}),
            &json!({"model": KLING_26_T2V, "generate_audio": true, "duration": "10", "amount": "1.20", "currency": "USD"}),
        ]
    );
    // The unpriced rows: the reason `models` gives.
    let (kling_pro, vidu, vidu_i2v, kling_30) = unpriced_reasons();
    assert_eq!(
        of(VIDU),
        [&json!({"model": VIDU, "unpriced": vidu, "currency": "USD"})]
    );
    assert_eq!(
        of(VIDU_I2V),
        [&json!({"model": VIDU_I2V, "unpriced": vidu_i2v, "currency": "USD"})]
    );
    // Kling 3.0 text-to-video: one row, by no option (no rate can be picked without the audio
    // switch).
    assert_eq!(
        of(KLING_30_T2V),
        [&json!({"model": KLING_30_T2V, "unpriced": kling_30, "currency": "USD"})]
    );
    let pro: Vec<&Value> = of(KLING_I2V)
        .into_iter()
        .filter(|r| r["mode"] == "pro")
        .collect();
    assert_eq!(pro.len(), 8, "one per duration, 3 to 10 s");
    for (row, seconds) in pro.iter().zip(3..=10) {
        assert_eq!(
            *row,
            &json!({"model": KLING_I2V, "mode": "pro", "duration": seconds.to_string(), "unpriced": kling_pro, "currency": "USD"})
        );
    }
}

/// A `PYTHONPATH` under which `python3 -c "import duckdb"` gives [`DUCKDB_VERSION`]: the
/// interpreter's own if it has that version, else a copy pip installs once under
/// `CARGO_TARGET_TMPDIR`.
fn python_path_with_duckdb() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("py-duckdb-{DUCKDB_VERSION}"));
    let has_it = || {
        let check =
            format!("import sys, duckdb; sys.exit(duckdb.__version__ != {DUCKDB_VERSION:?})");
        Command::new("python3")
            .env("PYTHONPATH", &dir)
            .args(["-c", &check])
            .stderr(Stdio::null())
            .status()
            .expect("python3 runs (Python 3 is needed for this test)")
            .success()
    };
    if !has_it() {
        let status = Command::new("python3")
            .args(["-m", "pip", "install", "--quiet", "--upgrade", "--target"])
            .arg(&dir)
            .arg(format!("duckdb=={DUCKDB_VERSION}"))
            .status()
            .expect("python3 -m pip runs");
        assert!(
            status.success(),
            "pip install duckdb=={DUCKDB_VERSION} failed"
        );
        assert!(has_it(), "duckdb {DUCKDB_VERSION} is still not importable");
    }
    dir
}

/// Loads both CSV files with `read_csv_auto` (the usage's measured seconds read as exact
/// decimals, not floats), joins each usage row to its price row (an empty option in the table
/// matches any value; NULL-safe where the usage has none), and prints JSON: row counts, how
/// many usage rows do not join exactly one price, how many join an unpriced one, the sniffed
/// types, and the total in millionths: `amount_micros × count` for an exact price, `rate_micros
/// × (the usage columns `per` names, summed) × count` for a rate, as a DECIMAL and in dollars.
const DUCKDB_JOIN: &str = r#"
import json, sys, duckdb
table, usage = (p.replace("'", "''") for p in sys.argv[1:3])
con = duckdb.connect()
con.execute(f"CREATE TABLE prices AS SELECT * FROM read_csv_auto('{table}')")
con.execute(f"CREATE TABLE usage AS SELECT * FROM read_csv_auto('{usage}', types={{'input_video_seconds': 'DECIMAL(18, 3)'}})")
options = ["performance", "resolution", "duration", "mode", "num_images", "multi_shot", "generate_audio"]
on = " AND ".join(["p.model = u.model"] + [f"(p.{c} IS NULL OR p.{c} IS NOT DISTINCT FROM u.{c})" for c in options])
unmatched = con.execute(f"SELECT count(*) FROM usage u WHERE (SELECT count(*) FROM prices p WHERE {on}) <> 1").fetchone()[0]
# What the rates multiply: each name `per` joins with "+" is a usage column.
names = sorted({n for (per,) in con.execute("SELECT DISTINCT per FROM prices WHERE per IS NOT NULL").fetchall() for n in per.split("+")})
units = " + ".join(f"(CASE WHEN list_contains(string_split(p.per, '+'), '{n}') THEN u.{n} ELSE 0 END)" for n in names)
micros = f"""CASE WHEN p.amount_micros IS NOT NULL THEN p.amount_micros * u.count
                  WHEN p.rate_micros IS NOT NULL THEN p.rate_micros * ({units}) * u.count END"""
rows, jobs, unpriced, total_micros, micros_type, total = con.execute(f"""
    SELECT count(*), sum(u.count), count(p.unpriced), CAST(sum({micros}) AS VARCHAR),
           typeof(sum({micros})), CAST(sum({micros}) * 0.000001 AS VARCHAR)
    FROM usage u JOIN prices p ON {on}""").fetchone()
types = dict(con.execute("SELECT column_name, column_type FROM (DESCRIBE prices)").fetchall())
usage_types = dict(con.execute("SELECT column_name, column_type FROM (DESCRIBE usage)").fetchall())
price_rows = con.execute("SELECT count(*) FROM prices").fetchone()[0]
print(json.dumps({"price_rows": price_rows, "unmatched": unmatched, "rows": rows, "jobs": int(jobs),
                  "unpriced_rows": unpriced, "per_names": names, "total_micros": total_micros,
                  "micros_type": micros_type, "total": total, "types": types, "usage_types": usage_types}))
"#;

#[test]
fn table_csv_loads_in_duckdb_and_joins_to_a_mixed_usage_table_exactly() {
    let python_path = python_path_with_duckdb();
    let dir = scratch("duckdb");
    let table = dir.join("prices.csv");
    let o = cli("table", b"");
    assert_eq!(code(&o), 0);
    std::fs::write(&table, &o.stdout).unwrap();
    // Jobs per combination, with the seconds measured where a rate multiplies them; an option
    // empty where the model has none (or, for the image pages, where the price ignores it).
    let usage = dir.join("usage.csv");
    std::fs::write(
        &usage,
        "model,mode,performance,num_images,multi_shot,generate_audio,resolution,duration,input_video_seconds,count\n\
         pixverse/pixverse-5.5/text-to-video,,,,true,true,720p,10,,3\n\
         pixverse/pixverse-5.5/text-to-video,,,,false,false,540p,5,,10\n\
         pixverse/pixverse-5.5/image-to-video,,,,true,false,1080p,8,,2\n\
         pixverse/pixverse-5.5/transition,,,,,true,1080p,8,,4\n\
         pixverse/pixverse-5.5/transition,,,,,false,720p,8,,1\n\
         pixverse/pixverse-6.0/text-to-video,,,,true,true,720p,8,,5\n\
         pixverse/pixverse-6.0/image-to-video,,,,false,false,1080p,5,,7\n\
         pixverse/pixverse-6.0/transition,,,,,true,540p,10,,6\n\
         alibaba/happyhorse-1.0/text-to-video,,,,,,1080P,12,,2\n\
         alibaba/happyhorse-1.0/text-to-video,,,,,,720P,7,,1\n\
         kwaivgi/kling-o1/video-to-video,std,,,,,,,7.2,3\n\
         kwaivgi/kling-o1/video-to-video,pro,,,,,,,4.25,2\n\
         bytedance/seedance-2.0/omni-reference,std,,,,,,5,7.2,1\n\
         bytedance/seedance-2.0/omni-reference,fast,,,,,,12,12.5,2\n\
         kwaivgi/kling-o1/image-to-video,std,,,,,,8,,4\n\
         google/veo-3.1/image-to-video,quality,,,,true,1080p,6,,1\n\
         vidu/vidu-q2/text-to-video,,,,,,720p,5,,2\n\
         vidu/vidu-q2/image-to-video,turbo,,,,true,1080p,8,,3\n\
         kwaivgi/kling-o1/image-to-video,pro,,,,,,5,,1\n\
         google/nano-banana/text-to-image,,,3,,,,,,2\n\
         bytedance/seedream-4.5/text-to-image,,,2,,,,,,5\n\
         shortapi/flux-1.0/text-to-image,,schnell,4,,,,,,10\n\
         shortapi/flux-1.0/text-to-image,,dev,8,,,,,,3\n\
         midjourney/midjourney-v7/text-to-image,fast,,,,,,,,7\n\
         bytedance/seedream-4.5/edit,,,6,,,,,,2\n\
         google/nano-banana/edit,,,1,,,,,,3\n\
         alibaba/wan-2.6/reference-to-video,,,,,,1080p,7,,2\n\
         alibaba/wan-2.6/reference-to-video,,,,,,720p,10,,1\n\
         bytedance/seedance-2.0/image-to-video,std,,,,,,5,,1\n\
         kwaivgi/kling-2.6/text-to-video,,,,,true,,5,,3\n\
         kwaivgi/kling-3.0/text-to-video,std,,,true,,,10,,2\n\
         alibaba/wan-2.6/text-to-image,,,4,,,,,,3\n",
    )
    .unwrap();
    let o = Command::new("python3")
        .env("PYTHONPATH", &python_path)
        .args(["-c", DUCKDB_JOIN])
        .arg(&table)
        .arg(&usage)
        .output()
        .unwrap();
    assert!(o.status.success(), "python: {}", stderr(&o));
    let result: Value = serde_json::from_slice(&o.stdout).unwrap();
    // 233 rows for the nineteen other models, 18 for Wan 2.6 reference-to-video (2
    // resolutions × durations 2 to 10 s), 24 for Seedance 2.0 image-to-video (2 modes ×
    // durations 4 to 15 s), 4 for Kling 2.6 text-to-video (audio off/on × 5 and 10 s), 1 for
    // Kling 3.0 text-to-video (unpriced), 4 for Wan 2.6 text-to-image (1 to 4 images).
    assert_eq!(result["price_rows"], 233 + 18 + 24 + 4 + 1 + 4, "{result}");
    assert_eq!(
        result["unmatched"], 0,
        "each usage row joins one price: {result}"
    );
    // 30 usage rows before, Kling 3.0 text-to-video's and Wan 2.6 text-to-image's.
    assert_eq!(result["rows"], 30 + 1 + 1, "{result}");
    // 95 jobs of the twenty other models, 1 of Seedance 2.0 image-to-video, 3 of Kling 2.6, 2
    // of Kling 3.0, 3 of Wan 2.6 text-to-image.
    assert_eq!(result["jobs"], 95 + 1 + 3 + 2 + 3, "{result}");
    // The two Vidu pages, Kling O1 Pro and Kling 3.0 (its one row, every option empty, joins
    // any values) join their unpriced rows and add nothing.
    assert_eq!(result["unpriced_rows"], 3 + 1, "{result}");
    assert_eq!(
        result["per_names"],
        json!(["duration", "input_video_seconds"]),
        "{result}"
    );
    assert_eq!(result["types"]["amount_micros"], "BIGINT", "{result}");
    assert_eq!(result["types"]["rate_micros"], "BIGINT", "{result}");
    assert_eq!(
        result["usage_types"]["input_video_seconds"], "DECIMAL(18,3)",
        "{result}"
    );
    // Whole millionths times exact seconds: a DECIMAL, never a float.
    let micros_type = result["micros_type"].as_str().unwrap();
    assert!(micros_type.starts_with("DECIMAL("), "{result}");
    // By hand: 0.655×3 + 0.128×10 + 0.850×2 + 2.210×4 + 1.02×1 + 0.408×5 + 0.385×7 + 0.380×6
    //        + 2.748×2 + 0.903×1 (HappyHorse: 0.229 × 12 s, 0.129 × 7 s)
    //        = 1.965 + 1.280 + 1.700 + 8.840 + 1.02 + 2.040 + 2.695 + 2.280 + 5.496 + 0.903
    //        = 28.219;
    // measured: Kling O1 v2v 0.11 × 7.2 × 3 + 0.143 × 4.25 × 2 = 2.376 + 1.2155;
    //           Seedance 0.168 × (7.2 + 5) × 1 + 0.14 × (12.5 + 12) × 2 = 2.0496 + 6.860;
    // exact: Kling O1 i2v std 0.075 × 8 × 4 = 2.400; Veo quality 1080p audio 0.32 × 6 = 1.92;
    //        = 2.376 + 1.2155 + 2.0496 + 6.860 + 2.400 + 1.92 = 16.8211;
    // images: Nano Banana 0.09 (3 images) × 2 + Seedream 0.076 (2 images) × 5; per request,
    //         whatever num_images: Flux schnell 0.002 × 10 + dev 0.02 × 3, Midjourney 0.04 × 7
    //        = 0.18 + 0.380 + 0.020 + 0.06 + 0.28 = 0.920;
    // edits, per image: Seedream 4.5 edit 0.228 (6 images) × 2 + Nano Banana edit 0.03 (1
    //        image) × 3 = 0.456 + 0.09 = 0.546;
    // Wan 2.6 reference-to-video, per second of duration: 0.128 × 7 × 2 + 0.085 × 10 × 1
    //        = 1.792 + 0.850 = 2.642;
    // Seedance 2.0 image-to-video std 5 s: 0.24 × 5 × 1 = 1.20; Kling 2.6 text-to-video audio
    //        on 5 s: 0.12 × 5 × 3 = 0.60 × 3 = 1.80; together 3.00;
    // Wan 2.6 text-to-image, per image: 0.104 (4 images) × 3 = 0.312;
    // in all 28.219 + 16.8211 + 0.920 + 0.546 + 2.642 + 3.00 + 0.312 = 52.4601.
    assert_eq!(
        dec("0.128") * dec("7") * dec("2") + dec("0.085") * dec("10"),
        dec("2.642")
    );
    assert_eq!(
        dec("0.24") * dec("5") + dec("0.12") * dec("5") * dec("3"),
        dec("3.00")
    );
    assert_eq!(dec("0.026") * dec("4") * dec("3"), dec("0.312"));
    assert_eq!(
        dec("28.219")
            + dec("16.8211")
            + dec("0.920")
            + dec("0.546")
            + dec("2.642")
            + dec("3.00")
            + dec("0.312"),
        dec("52.4601")
    );
    assert_eq!(
        dec(result["total_micros"].as_str().unwrap()),
        dec("52460100"),
        "{result}"
    );
    assert_eq!(
        dec(result["total"].as_str().unwrap()),
        dec("52.4601"),
        "{result}"
    );
}

// ---------------------------------------------------------------------------------------------
// reconcile

/// A reconcile input touching every model: bodies and bare args (of 5.5 image-to-video),
/// matching charges (one a JSON number, some with other digits), two that differ, a blank line,
/// an error response, a refused request, a corrupt line and an unknown model.
fn reconcile_log() -> String {
    [
        // 1: 5.5 t2v 720p 8 s: 0.340, charged 0.340
        r#"{"request":{"model":"pixverse/pixverse-5.5/text-to-video","args":{"prompt":"a","duration":"8"}},"response":{"code":0,"data":{"amount":"0.340","job_id":"j1"}}}"#,
        // 2: bare args (--model 5.5 i2v), multi-shot audio 720p 5 s: 0.298, charged as a number
        r#"{"request":{"prompt":"b","image":"i","multi_shot":true,"generate_audio":true},"response":{"code":0,"data":{"amount":0.298,"job_id":"j2"}}}"#,
        // 3: 5.5 transition 720p 8 s: 1.02, charged "1.020"
        r#"{"request":{"model":"pixverse/pixverse-5.5/transition","args":{"prompt":"c","image":"i","image_tail":"t","duration":"8"}},"response":{"code":0,"data":{"amount":"1.020","job_id":"j3"}}}"#,
        // 4: 6.0 t2v 720p 8 s audio: 0.051 × 8 = 0.408, charged 0.408
        r#"{"request":{"model":"pixverse/pixverse-6.0/text-to-video","args":{"prompt":"d","duration":"8","generate_audio":true}},"response":{"code":0,"data":{"amount":"0.408","job_id":"j4"}}}"#,
        // 5: 6.0 i2v 1080p 5 s audio: 0.098 × 5 = 0.490, charged "0.49"
        r#"{"request":{"model":"pixverse/pixverse-6.0/image-to-video","args":{"prompt":"e","image":"i","resolution":"1080p","generate_audio":true}},"response":{"code":0,"data":{"amount":"0.49","job_id":"j5"}}}"#,
        // 6: 6.0 transition 540p 8 s: 0.030 × 8 = 0.240, charged 0.25
        r#"{"request":{"model":"pixverse/pixverse-6.0/transition","args":{"prompt":"f","image":"i","image_tail":"t","resolution":"540p","duration":"8"}},"response":{"code":0,"data":{"amount":"0.25","job_id":"j6"}}}"#,
        // 7: the seed page's example response: 0.02 charged for a 0.170 quote
        r#"{"request":{"model":"pixverse/pixverse-5.5/text-to-video","args":{"prompt":"g"}},"response":{"code":0,"data":{"amount":"0.02","job_id":"j7"}}}"#,
        // 8: blank
        "",
        // 9: an error response without data
        r#"{"request":{"model":"pixverse/pixverse-6.0/text-to-video","args":{"prompt":"h"}},"response":{"code":500}}"#,
        // 10: a request the API would refuse
        r#"{"request":{"model":"pixverse/pixverse-6.0/text-to-video","args":{"prompt":"k","resolution":"1080p","duration":"10"}},"response":{"code":0,"data":{"amount":"0.77","job_id":"j10"}}}"#,
        // 11: corrupt
        r#"{"request":"#,
        // 12: an unknown model
        r#"{"request":{"model":"pixverse/pixverse-7.0/text-to-video","args":{"prompt":"m"}},"response":{"code":0,"data":{"amount":"1","job_id":"j12"}}}"#,
    ]
    .join("\n")
}

/// One model's entry in the reconcile summary: `(model, matched, mismatched, quoted_total,
/// charged_total, difference)`.
fn reconciled(
    (model, matched, mismatched, quoted, charged, difference): (&str, u64, u64, &str, &str, &str),
) -> Value {
    assert_eq!(dec(charged) - dec(quoted), dec(difference), "{model}");
    json!({"model": model, "matched": matched, "mismatched": mismatched, "quoted_total": quoted, "charged_total": charged, "difference": difference, "currency": "USD"})
}

#[test]
fn reconcile_every_model_reports_the_charges_that_differ() {
    let path = scratch("reconcile").join("charges.jsonl");
    std::fs::write(&path, reconcile_log()).unwrap();
    let o = run(
        &["reconcile", "--model", I2V_55, path.to_str().unwrap()],
        b"",
    );
    assert_eq!(code(&o), 1, "charges differ");
    let out = lenient_lines(&o);
    assert_eq!(out.len(), 7, "{}", stdout(&o));
    assert_eq!(
        out[0],
        json!({"line": 6, "model": TRANSITION_60, "job_id": "j6", "quoted": "0.240", "charged": "0.25", "difference": "0.010"})
    );
    assert_eq!(
        out[1],
        json!({"line": 7, "model": T2V_55, "job_id": "j7", "quoted": "0.170", "charged": "0.02", "difference": "-0.150"})
    );
    for (l, line, code, path) in [
        (&out[2], 9, "missing_field", "/response/data"),
        (
            &out[3],
            10,
            "unsupported_combination",
            "/request/args/duration",
        ),
        (&out[4], 11, "invalid_json", ""),
        (&out[5], 12, "unknown_model", "/request/model"),
    ] {
        assert_eq!(l["line"], line, "{l}");
        assert_eq!(l["errors"][0]["code"], code, "{l}");
        assert_eq!(l["errors"][0]["path"], path, "{l}");
    }
    // By hand. Quoted: 0.340 + 0.298 + 1.02 + 0.408 + 0.490 + 0.240 + 0.170 = 2.966;
    // charged: 0.340 + 0.298 + 1.020 + 0.408 + 0.49 + 0.25 + 0.02 = 2.826.
    assert_eq!(
        out[6],
        json!({"summary": {
            "lines": 12, "matched": 5, "mismatched": 2, "rejected": 4, "blank": 1,
            "within_bounds": 0, "out_of_bounds": 0,
            "quoted_total": "2.966", "charged_total": "2.826", "difference": "-0.140",
            "currency": "USD",
            "models": [
                reconciled((I2V_55, 1, 0, "0.298", "0.298", "0.000")),
                reconciled((T2V_55, 1, 1, "0.510", "0.360", "-0.150")),
                reconciled((TRANSITION_55, 1, 0, "1.02", "1.020", "0.000")),
                reconciled((I2V_60, 1, 0, "0.490", "0.49", "0.000")),
                reconciled((T2V_60, 1, 0, "0.408", "0.408", "0.000")),
                reconciled((TRANSITION_60, 0, 1, "0.240", "0.25", "0.010")),
            ],
        }})
    );
}

#[test]
fn reconcile_without_model_refuses_bare_args() {
    let o = cli("reconcile -", reconcile_log().as_bytes());
    assert_eq!(code(&o), 1);
    let out = lenient_lines(&o);
    let line2 = out.iter().find(|l| l["line"] == 2).unwrap();
    assert_eq!(line2["errors"][0]["code"], "unknown_model");
    assert_eq!(line2["errors"][0]["path"], "/request");
    let summary = &out.last().unwrap()["summary"];
    assert_eq!(summary["rejected"], 5);
    // Line 2's 0.298 is out of both totals.
    assert_eq!(summary["quoted_total"], "2.668");
    assert_eq!(summary["charged_total"], "2.528");
}

#[test]
fn reconcile_with_every_charge_matching_exits_0() {
    // Lines 1 to 5: every charge equals its quote.
    let matching = reconcile_log()
        .lines()
        .take(5)
        .collect::<Vec<_>>()
        .join("\n");
    let o = cli(
        &format!("reconcile --model {I2V_55} --summary stderr"),
        matching.as_bytes(),
    );
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    assert_eq!(stdout(&o), "", "nothing differs, nothing to report");
    let summary: Value = serde_json::from_str(&stderr(&o)).unwrap();
    let summary = &summary["summary"];
    assert_eq!(summary["matched"], 5);
    assert_eq!(summary["mismatched"], 0);
    // 0.340 + 0.298 + 1.02 + 0.408 + 0.490
    assert_eq!(summary["quoted_total"], "2.556");
    assert_eq!(dec(summary["difference"].as_str().unwrap()), Decimal::ZERO);
}

#[test]
fn reconcile_summary_has_each_key_once() {
    let o = cli("reconcile", reconcile_log().as_bytes());
    let summary = stdout(&o).lines().last().unwrap().to_owned();
    strict_json(&summary).unwrap_or_else(|e| panic!("{e}: {summary}"));
}

/// Flux's "$0.02 per request" is per job, whatever `num_images` asks: a charge of $0.02 for
/// eight images matches, one of $0.16 (as if per image) is reported; Nano Banana's charge per
/// image matches its quote; a request without its aspect ratio is refused.
#[test]
fn reconcile_compares_an_image_charge_with_its_quote() {
    let log = [
        // 1: Flux dev, eight images: 0.02, charged so
        r#"{"request":{"model":"shortapi/flux-1.0/text-to-image","args":{"prompt":"a","aspect_ratio":"16:9","num_images":8}},"response":{"code":0,"data":{"amount":"0.02","job_id":"f1"}}}"#,
        // 2: the same, charged 0.02 × 8
        r#"{"request":{"model":"shortapi/flux-1.0/text-to-image","args":{"prompt":"b","aspect_ratio":"16:9","num_images":8}},"response":{"code":0,"data":{"amount":"0.16","job_id":"f2"}}}"#,
        // 3: Nano Banana, two images: 0.03 × 2 = 0.06, charged so
        r#"{"request":{"model":"google/nano-banana/text-to-image","args":{"prompt":"c","aspect_ratio":"1:1","num_images":2}},"response":{"code":0,"data":{"amount":"0.06","job_id":"n3"}}}"#,
        // 4: no aspect ratio
        r#"{"request":{"model":"google/nano-banana/text-to-image","args":{"prompt":"d"}},"response":{"code":0,"data":{"amount":"0.03","job_id":"n4"}}}"#,
    ]
    .join("\n");
    let o = cli("reconcile", log.as_bytes());
    assert_eq!(code(&o), 1, "a charge differs");
    let out = lines(&o);
    assert_eq!(out.len(), 3, "{}", stdout(&o));
    assert_eq!(
        out[0],
        json!({"line": 2, "model": FLUX, "job_id": "f2", "quoted": "0.02", "charged": "0.16", "difference": "0.14"})
    );
    assert_eq!(out[1]["line"], 4);
    assert_eq!(
        (&out[1]["errors"][0]["path"], &out[1]["errors"][0]["code"]),
        (
            &json!("/request/args/aspect_ratio"),
            &json!("missing_field")
        )
    );
    // Quoted 0.02 + 0.02 + 0.06 = 0.10; charged 0.02 + 0.16 + 0.06 = 0.24.
    assert_eq!(
        out[2],
        json!({"summary": {
            "lines": 4, "rejected": 1, "blank": 0,
            "within_bounds": 0, "out_of_bounds": 0,
            "matched": 2, "mismatched": 1,
            "quoted_total": "0.10", "charged_total": "0.24", "difference": "0.14",
            "currency": "USD",
            "models": [
                reconciled((FLUX, 1, 1, "0.04", "0.18", "0.14")),
                reconciled((NANO_BANANA, 1, 0, "0.06", "0.06", "0.00")),
            ],
        }})
    );
}

/// A reconcile input of the new price forms: measured requests without their seconds (charges
/// within and outside the bounds), with them (matching and not), Seedance with no maximum, an
/// unpriced request and a usage the page does not allow.
fn measured_reconcile_log() -> String {
    [
        // 1: Kling O1 v2v std, no usage: 0.33 to 1.10; 0.50 is within
        r#"{"request":{"model":"kwaivgi/kling-o1/video-to-video","args":{"prompt":"a","video":"v","mode":"std"}},"response":{"code":0,"data":{"amount":"0.50","job_id":"k1"}}}"#,
        // 2: Pro, no usage: 0.429 to 1.430; 2 is outside
        r#"{"request":{"model":"kwaivgi/kling-o1/video-to-video","args":{"prompt":"b","video":"v"}},"response":{"code":0,"data":{"amount":"2","job_id":"k2"}}}"#,
        // 3: std with its usage (before the response): 0.11 × 7.2 = 0.792, charged so
        r#"{"request":{"model":"kwaivgi/kling-o1/video-to-video","args":{"prompt":"c","video":"v","mode":"std"}},"usage":{"input_video_seconds":7.2},"response":{"code":0,"data":{"amount":"0.792","job_id":"k3"}}}"#,
        // 4: Seedance std 5 s, no usage: at least 0.168 × 5 = 0.840; 0.5 is below
        r#"{"request":{"model":"bytedance/seedance-2.0/omni-reference","args":{"prompt":"d","video_url":"v"}},"response":{"code":0,"data":{"amount":"0.5","job_id":"s4"}}}"#,
        // 5: Seedance with its usage, charged as a JSON number: 0.168 × (7.2 + 5) = 2.0496
        r#"{"request":{"model":"bytedance/seedance-2.0/omni-reference","args":{"prompt":"e","video_url":"v"}},"response":{"code":0,"data":{"amount":2.0496,"job_id":"s5"}},"usage":{"input_video_seconds":"7.2"}}"#,
        // 6: Seedance, no usage: no maximum, so 100 is within
        r#"{"request":{"model":"bytedance/seedance-2.0/omni-reference","args":{"prompt":"f","video_url":"v"}},"response":{"code":0,"data":{"amount":"100","job_id":"s6"}}}"#,
        // 7: unpriced
        r#"{"request":{"model":"vidu/vidu-q2/text-to-video","args":{"prompt":"g"}},"response":{"code":0,"data":{"amount":"0.1","job_id":"v7"}}}"#,
        // 8: with its usage, charged otherwise: 0.792 quoted, 0.8 charged
        r#"{"request":{"model":"kwaivgi/kling-o1/video-to-video","args":{"prompt":"h","video":"v","mode":"std"}},"usage":{"input_video_seconds":7.2},"response":{"code":0,"data":{"amount":"0.8","job_id":"k8"}}}"#,
        // 9: no usage, charged the least it can cost: within
        r#"{"request":{"model":"kwaivgi/kling-o1/video-to-video","args":{"prompt":"i","video":"v","mode":"std"}},"response":{"code":0,"data":{"amount":"0.33","job_id":"k9"}}}"#,
        // 10: a usage outside the page's range
        r#"{"request":{"model":"kwaivgi/kling-o1/video-to-video","args":{"prompt":"j","video":"v"}},"usage":{"input_video_seconds":12},"response":{"code":0,"data":{"amount":"1","job_id":"k10"}}}"#,
    ]
    .join("\n")
}

#[test]
fn reconcile_compares_a_measured_charge_with_its_bounds_or_its_quote() {
    let o = cli("reconcile", measured_reconcile_log().as_bytes());
    assert_eq!(code(&o), 1, "charges outside their bounds and differing");
    let out = lines(&o);
    assert_eq!(out.len(), 6, "{}", stdout(&o));
    assert_eq!(
        out[0],
        json!({"line": 2, "model": KLING_V2V, "job_id": "k2", "min_amount": "0.429", "max_amount": "1.430", "charged": "2"})
    );
    // No maximum to name.
    assert_eq!(
        out[1],
        json!({"line": 4, "model": SEEDANCE, "job_id": "s4", "min_amount": "0.840", "charged": "0.5"})
    );
    assert_eq!(out[2]["line"], 7);
    assert_eq!(out[2]["errors"][0]["code"], "unpriced");
    assert_eq!(out[2]["errors"][0]["path"], "");
    assert_eq!(
        out[3],
        json!({"line": 8, "model": KLING_V2V, "job_id": "k8", "quoted": "0.792", "charged": "0.8", "difference": "0.008"})
    );
    assert_eq!(out[4]["line"], 10);
    assert_eq!(out[4]["errors"][0]["code"], "invalid_usage");
    assert_eq!(out[4]["errors"][0]["path"], "/usage/input_video_seconds");
    // By hand: within 1, 6, 9; outside 2, 4; quoted 0.792 + 2.0496 + 0.792 = 3.6336, charged
    // 0.792 + 2.0496 + 0.8 = 3.6416. A charge compared with bounds is in no total.
    assert_eq!(
        out[5],
        json!({"summary": {
            "lines": 10, "rejected": 2, "blank": 0,
            "within_bounds": 3, "out_of_bounds": 2,
            "matched": 2, "mismatched": 1,
            "quoted_total": "3.6336", "charged_total": "3.6416", "difference": "0.0080",
            "currency": "USD",
            "models": [
                reconciled((KLING_V2V, 1, 1, "1.584", "1.592", "0.008")),
                reconciled((SEEDANCE, 1, 0, "2.0496", "2.0496", "0.0000")),
            ],
        }})
    );
    assert_eq!(dec("3.6416") - dec("3.6336"), dec("0.0080"));
    // The lines that agree: within their bounds or matching their quote, exit 0, nothing
    // reported.
    let whole = measured_reconcile_log();
    let agreeing: Vec<&str> = whole
        .lines()
        .enumerate()
        .filter(|(i, _)| [0, 2, 4, 5, 8].contains(i))
        .map(|(_, l)| l)
        .collect();
    let o = cli("reconcile --summary stderr", agreeing.join("\n").as_bytes());
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    assert_eq!(stdout(&o), "");
    let summary = strict_json(&stderr(&o)).unwrap();
    let summary = &summary["summary"];
    assert_eq!(
        (
            &summary["within_bounds"],
            &summary["out_of_bounds"],
            &summary["matched"]
        ),
        (&json!(3), &json!(0), &json!(2))
    );
    assert_eq!(summary["quoted_total"], "2.8416"); // 0.792 + 2.0496
}

// ---------------------------------------------------------------------------------------------
// request

#[test]
fn request_prints_the_create_job_body_of_a_6_0_model() {
    let o = cli(
        &format!(
            "request --model {TRANSITION_60} {} --resolution 1080p --duration 8 \
             --callback-url https://example.com/hook --minimal",
            text_flags(TRANSITION_60)
        ),
        b"",
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(
        json_out(&o),
        json!({"model": TRANSITION_60, "args": {"prompt": "p", "image": "https://e.com/a.png", "image_tail": "https://e.com/b.png", "resolution": "1080p", "duration": "8"}, "callback_url": "https://example.com/hook"})
    );
    // Without --minimal every option is written; without --callback-url there is none.
    let o = cli(&format!("request --model {T2V_60} --prompt p"), b"");
    assert_eq!(code(&o), 0);
    assert_eq!(
        json_out(&o),
        json!({"model": T2V_60, "args": {"prompt": "p", "resolution": "720p", "duration": "5", "aspect_ratio": "16:9", "generate_audio": false, "multi_shot": false}})
    );
}

#[test]
fn request_round_trips_through_quote_for_every_model() {
    // The defaults (720p, 5 s, no audio, one shot): the seed's 0.170; the transition's 0.510;
    // 0.038 × 5 = 0.190 for 6.0.
    for (model, amount) in [
        (T2V_55, "0.170"),
        (I2V_55, "0.170"),
        (TRANSITION_55, "0.510"),
        (T2V_60, "0.190"),
        (I2V_60, "0.190"),
        (TRANSITION_60, "0.190"),
    ] {
        for minimal in ["", "--minimal"] {
            let command = format!("request --model {model} {} {minimal}", text_flags(model));
            let o = cli(&command, b"");
            assert_eq!(code(&o), 0, "{command}: {}", stdout(&o));
            let q = cli("quote --json -", &o.stdout);
            assert_eq!(code(&q), 0, "{}", stdout(&q));
            assert_eq!(json_out(&q)["model"], model);
            assert_eq!(json_out(&q)["amount"], amount, "{command}");
        }
    }
    // A 6.0 body with options, piped back: 0.098 × 8.
    let o = cli(
        &format!(
            "request --model {I2V_60} {} --resolution 1080p --duration 8 --generate-audio \
             --callback-url https://example.com/hook",
            text_flags(I2V_60)
        ),
        b"",
    );
    assert_eq!(code(&o), 0);
    assert_eq!(json_out(&cli("quote", &o.stdout))["amount"], "0.784");
    assert_eq!(code(&cli("check --json -", &o.stdout)), 0);
}

/// The new pages' defaults, piped back: Veo (fast, 720p, no audio, 8 s) is exact, 0.08 × 8;
/// the measured ones give their estimate; Kling O1 image-to-video (Pro by default) and both
/// Vidu pages are unpriced (exit 1); the image pages, given the aspect ratio (and the edit
/// pages one image URL) they require, are exact at one image (Nano Banana 0.03, Seedream 0.038,
/// the same for their edit pages), Flux dev 0.02 and Midjourney fast 0.04; Wan 2.6
/// reference-to-video, given the one reference video it requires, is exact at 1080p and 5 s,
/// 0.128 × 5; Seedance 2.0 image-to-video, given the one reference image it requires, at std
/// and 5 s, 0.24 × 5; Kling 2.6 text-to-video at 5 s without audio, 0.06 × 5; Wan 2.6
/// text-to-image at one image, 0.026 × 1, its width and height (no default) not written;
/// `check` accepts every one.
#[test]
fn request_round_trips_through_quote_for_the_new_models() {
    for (model, quote_code, key, value) in [
        (NANO_BANANA, 0, "amount", json!("0.03")),
        (SEEDREAM, 0, "amount", json!("0.038")),
        (NANO_BANANA_EDIT, 0, "amount", json!("0.03")),
        (SEEDREAM_EDIT, 0, "amount", json!("0.038")),
        (FLUX, 0, "amount", json!("0.02")),
        (MIDJOURNEY, 0, "amount", json!("0.04")),
        (VEO, 0, "amount", json!("0.64")),
        (KLING_V2V, 0, "rate", json!("0.143")),
        (SEEDANCE, 0, "min_amount", json!("0.840")),
        (KLING_I2V, 1, "errors", json!([{"code": "unpriced"}])),
        (VIDU, 1, "errors", json!([{"code": "unpriced"}])),
        (VIDU_I2V, 1, "errors", json!([{"code": "unpriced"}])),
        // 1080p, 5 s: 0.128 × 5; given the one reference video it requires.
        (WAN_R2V, 0, "amount", json!("0.640")),
        // std, 5 s: 0.24 × 5; given the one reference image it requires.
        (SEEDANCE_I2V, 0, "amount", json!("1.20")),
        // audio off, "5": 0.06 × 5.
        (KLING_26_T2V, 0, "amount", json!("0.30")),
        // one image: 0.026 × 1.
        (WAN_T2I, 0, "amount", json!("0.026")),
    ] {
        for minimal in ["", "--minimal"] {
            let command = format!(
                "request --model {model} {} {minimal}",
                required_flags(model)
            );
            let o = cli(&command, b"");
            assert_eq!(code(&o), 0, "{command}: {}", stdout(&o));
            assert_eq!(json_out(&o)["model"], model, "{command}");
            // An optional option without a default is not written unless given.
            for (id, option, ..) in OPTIONAL_INTEGERS {
                if id == model {
                    assert_eq!(json_out(&o)["args"].get(option), None, "{command}");
                }
            }
            let q = cli("quote", &o.stdout);
            assert_eq!(code(&q), quote_code, "{command}: {}", stdout(&q));
            let got = json_out(&q);
            match &value {
                Value::Array(errors) => {
                    assert_eq!(got[key][0]["code"], errors[0]["code"], "{command}: {got}")
                }
                _ => assert_eq!(got[key], value, "{command}: {got}"),
            }
            assert_eq!(code(&cli("check", &o.stdout)), 0, "{command}");
        }
    }
}

#[test]
fn request_refuses_what_the_api_would() {
    let o = cli(
        &format!("request --model {T2V_60} --prompt p --callback-url CALLBACK_URL"),
        b"",
    );
    assert_eq!(code(&o), 1);
    assert_eq!(json_out(&o)["errors"][0]["path"], "/callback_url");
    // The transition needs both images.
    let o = cli(&format!("request --model {TRANSITION_55} --prompt p"), b"");
    assert_eq!(code(&o), 1);
    let e = json_out(&o);
    assert_eq!(e["errors"][0]["path"], "/image");
    assert_eq!(e["errors"][1]["path"], "/image_tail");
    let o = cli(
        &format!("request --model {I2V_60} --prompt p --image i --resolution 1080p --duration 10"),
        b"",
    );
    assert_eq!(code(&o), 1);
    assert_eq!(json_out(&o)["errors"][0]["code"], "unsupported_combination");
    // An image page needs its aspect ratio; a request is not filled in like a quote.
    let o = cli(&format!("request --model {NANO_BANANA} --prompt p"), b"");
    assert_eq!(code(&o), 1);
    let e = &json_out(&o)["errors"][0];
    assert_eq!(
        (e["path"].as_str(), e["code"].as_str()),
        (Some("/aspect_ratio"), Some("missing_field")),
        "{e}"
    );
}

/// An option the page neither requires nor gives a default (Midjourney's negative prompt) is
/// left out of the body unless given; the required aspect ratio is written with --minimal too,
/// the defaults only without it.
#[test]
fn request_leaves_out_an_optional_option_without_a_default() {
    let o = cli(
        &format!("request --model {MIDJOURNEY} --prompt p --aspect-ratio 4:5 --minimal"),
        b"",
    );
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert_eq!(
        json_out(&o),
        json!({"model": MIDJOURNEY, "args": {"prompt": "p", "aspect_ratio": "4:5"}})
    );
    let o = cli(
        &format!("request --model {MIDJOURNEY} --prompt p --aspect-ratio 4:5"),
        b"",
    );
    assert_eq!(code(&o), 0);
    assert_eq!(
        json_out(&o),
        json!({"model": MIDJOURNEY, "args": {"prompt": "p", "aspect_ratio": "4:5", "mode": "fast", "performance": "balance", "stylization": 100, "chaos": 0, "weirdness": 0}})
    );
    let o = cli(
        &format!(
            "request --model {MIDJOURNEY} --prompt p --aspect-ratio 4:5 --negative-prompt blur --minimal"
        ),
        b"",
    );
    assert_eq!(code(&o), 0);
    assert_eq!(json_out(&o)["args"]["negative_prompt"], "blur");
    // It changes no price: 0.04 with it or without it.
    assert_eq!(json_out(&cli("quote", &o.stdout))["amount"], "0.04");
}

// ---------------------------------------------------------------------------------------------
// lists: the images to edit

/// The errors of a rejected `check` or `quote` as `(path, code, message)`, exit 1 and nothing
/// but errors asserted.
fn rejected(o: &Output) -> Vec<(String, String, String)> {
    assert_eq!(code(o), 1, "{}", stdout(o));
    let e = json_out(o);
    assert_eq!(e.as_object().unwrap().len(), 1, "only errors: {e}");
    e["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let text = |key: &str| e[key].as_str().unwrap().to_owned();
            (text("path"), text("code"), text("message"))
        })
        .collect()
}

/// `count` distinct image URLs, in order.
fn urls(count: usize) -> Vec<String> {
    (1..=count)
        .map(|k| format!("https://e.x/{k}.png"))
        .collect()
}

/// A list option (Seedream 4.5 edit's `image_urls`, "maximum 10 images") is a JSON array of
/// strings: two URLs are accepted (and ten), and `request` writes them back as an array in the
/// order given; `[]` is too few and eleven too many, at the list's path and naming its range;
/// a blank item and one that is not a string are each refused at their own index, in one
/// response; a string where the list belongs is the wrong type, with the array to write
/// instead; left out, it is required. `quote` refuses each the same way. Nano Banana edit
/// states no maximum: eleven pass, `[]` is still too few.
#[test]
fn check_judges_a_list_of_image_urls_whole_and_item_by_item() {
    let body = |model: &str, urls: Value| json!({"model": model, "args": {"prompt": "p", "aspect_ratio": "1:1", "image_urls": urls}});
    let check = |body: &Value| run(&["check", "--json", &body.to_string()], b"");
    for urls in [
        json!(["https://e.x/b.png", "https://e.x/a.png"]),
        json!(urls(10)),
    ] {
        let o = check(&body(SEEDREAM_EDIT, urls.clone()));
        assert_eq!(code(&o), 0, "{urls}: {}", stdout(&o));
        let c = json_out(&o);
        assert_eq!(
            (&c["valid"], &c["model"], &c["aspect_ratio"]),
            (&json!(true), &json!(SEEDREAM_EDIT), &json!("1:1")),
            "{c}"
        );
    }
    // From flags, `request` writes the two back as given (b before a: not sorted), as an
    // array in spec order (after num_images, before aspect_ratio), which `check` accepts and
    // `quote` prices at one image, 0.038.
    let o = run(
        &[
            "request",
            "--model",
            SEEDREAM_EDIT,
            "--prompt",
            "p",
            "--aspect-ratio",
            "1:1",
            "--image-urls",
            "https://e.x/b.png",
            "--image-urls",
            "https://e.x/a.png",
        ],
        b"",
    );
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    let request = json_out(&o);
    assert_eq!(
        request,
        json!({"model": SEEDREAM_EDIT, "args": {"prompt": "p", "num_images": 1, "image_urls": ["https://e.x/b.png", "https://e.x/a.png"], "aspect_ratio": "1:1"}})
    );
    let keys: Vec<&String> = request["args"].as_object().unwrap().keys().collect();
    let text = stdout(&o);
    let at = |key: &str| text.find(&format!("\"{key}\"")).unwrap();
    assert!(
        at("prompt") < at("num_images")
            && at("num_images") < at("image_urls")
            && at("image_urls") < at("aspect_ratio"),
        "spec order: {keys:?}\n{text}"
    );
    assert_eq!(code(&cli("check", &o.stdout)), 0);
    assert_eq!(json_out(&cli("quote", &o.stdout))["amount"], "0.038");
    // Too few, too many: one error at the list itself.
    for (urls, code_name, start) in [
        (json!([]), "too_few_items", "image_urls has 0 item"),
        (json!(urls(11)), "too_many_items", "image_urls has 11 item"),
    ] {
        for sub in ["check", "quote"] {
            let o = run(
                &[
                    sub,
                    "--json",
                    &body(SEEDREAM_EDIT, urls.clone()).to_string(),
                ],
                b"",
            );
            let errors = rejected(&o);
            assert_eq!(errors.len(), 1, "{sub} {urls}: {errors:?}");
            let (path, got_code, message) = &errors[0];
            assert_eq!(
                (path.as_str(), got_code.as_str()),
                ("/args/image_urls", code_name),
                "{sub} {urls}"
            );
            assert!(
                message.starts_with(start) && message.ends_with("it takes 1 to 10"),
                "{sub} {urls}: {message}"
            );
        }
    }
    // Item by item: the blank one and the number, both in one response; the good first one
    // says nothing.
    for sub in ["check", "quote"] {
        let bad = body(SEEDREAM_EDIT, json!(["https://e.x/a.png", " ", 5]));
        let errors = rejected(&run(&[sub, "--json", &bad.to_string()], b""));
        let got: Vec<(&str, &str)> = errors
            .iter()
            .map(|(path, code, _)| (path.as_str(), code.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("/args/image_urls/1", "empty_text"),
                ("/args/image_urls/2", "wrong_type")
            ],
            "{sub}: {errors:?}"
        );
        assert!(errors[0].2.contains("image_urls"), "{sub}: {errors:?}");
        assert_eq!(
            errors[1].2, "each item of image_urls must be a string, not the number 5",
            "{sub}"
        );
    }
    // A string where the list belongs: the array to write instead.
    let o = check(&body(SEEDREAM_EDIT, json!("https://e.x/a.png")));
    let errors = rejected(&o);
    assert_eq!(errors.len(), 1, "{errors:?}");
    let (path, got_code, message) = &errors[0];
    assert_eq!(
        (path.as_str(), got_code.as_str()),
        ("/args/image_urls", "wrong_type")
    );
    assert!(
        message.contains("a list of strings")
            && message.contains(r#"not the string "https://e.x/a.png""#)
            && message.ends_with(r#"write ["https://e.x/a.png"]"#),
        "{message}"
    );
    // Left out: required, saying what it takes.
    let body_without =
        json!({"model": SEEDREAM_EDIT, "args": {"prompt": "p", "aspect_ratio": "1:1"}});
    let errors = rejected(&check(&body_without));
    assert_eq!(errors.len(), 1, "{errors:?}");
    let (path, got_code, message) = &errors[0];
    assert_eq!(
        (path.as_str(), got_code.as_str()),
        ("/args/image_urls", "missing_field")
    );
    assert!(
        message.starts_with("image_urls is required") && message.contains("images to edit"),
        "{message}"
    );
    // Nano Banana edit: "No count limit stated", at least one.
    for count in [1, 11, 40] {
        let o = check(&body(NANO_BANANA_EDIT, json!(urls(count))));
        assert_eq!(code(&o), 0, "{count}: {}", stdout(&o));
        assert_eq!(json_out(&o)["valid"], true);
    }
    let errors = rejected(&check(&body(NANO_BANANA_EDIT, json!([]))));
    assert_eq!(errors.len(), 1, "{errors:?}");
    let (path, got_code, message) = &errors[0];
    assert_eq!(
        (path.as_str(), got_code.as_str()),
        ("/args/image_urls", "too_few_items")
    );
    assert!(message.ends_with("it takes at least 1"), "{message}");
}

/// From flags a list is given by repeating its flag, each occurrence one item in order:
/// `request` writes `"image_urls":["a","b"]`. `quote` prices an edit page without the images
/// it requires, as they change no price ("$0.03 per image" × 2 for Nano Banana edit), and
/// with them the same; Seedream edit's 1 to 6 images at "$0.038 per image", not 7. `check`
/// counts the flags as items: eleven are too many, ten are accepted, a blank one is refused at
/// its index; with none, `check` and `request` say the list is required.
#[test]
fn a_list_flag_repeats_and_quote_prices_without_it() {
    let o = cli(
        &format!(
            "request --model {SEEDREAM_EDIT} --prompt x --aspect-ratio 1:1 --image-urls a --image-urls b"
        ),
        b"",
    );
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    let request = json_out(&o);
    assert_eq!(request["args"]["image_urls"], json!(["a", "b"]));
    assert!(
        request.to_string().contains(r#""image_urls":["a","b"]"#),
        "{request}"
    );
    assert_eq!(
        request,
        json!({"model": SEEDREAM_EDIT, "args": {"prompt": "x", "num_images": 1, "image_urls": ["a", "b"], "aspect_ratio": "1:1"}})
    );
    // One flag, one item; --minimal keeps the list, as it has no default.
    let o = cli(
        &format!("request --model {NANO_BANANA_EDIT} --prompt x --aspect-ratio 4:5 --image-urls a --minimal"),
        b"",
    );
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert_eq!(
        json_out(&o),
        json!({"model": NANO_BANANA_EDIT, "args": {"prompt": "x", "image_urls": ["a"], "aspect_ratio": "4:5"}})
    );
    // quote: no --image-urls (nor prompt, nor aspect ratio) needed: 0.03 × 2.
    let o = cli(
        &format!("quote --model {NANO_BANANA_EDIT} --num-images 2"),
        b"",
    );
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    let q = json_out(&o);
    assert_eq!(
        (&q["model"], &q["currency"], &q["amount"], &q["num_images"]),
        (
            &json!(NANO_BANANA_EDIT),
            &json!("USD"),
            &json!("0.06"),
            &json!(2)
        ),
        "{q}"
    );
    assert!(q.get("errors").is_none(), "{q}");
    assert_eq!(dec("0.03") * dec("2"), dec("0.06"));
    let o = cli(
        &format!("quote --model {NANO_BANANA_EDIT} --num-images 2 --format text"),
        b"",
    );
    assert_eq!(code(&o), 0);
    assert!(
        stdout(&o).starts_with(&format!(
            "0.06 USD: 0.03 per image × 2 images {NANO_BANANA_EDIT} num_images=2 "
        )),
        "{}",
        stdout(&o)
    );
    // With the images given the price is the same: the input images are not billed.
    let o = cli(
        &format!("quote --model {NANO_BANANA_EDIT} --num-images 2 --image-urls a --image-urls b --image-urls c"),
        b"",
    );
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert_eq!(json_out(&o)["amount"], "0.06");
    // Seedream edit: 0.038 × 1 to 0.038 × 6.
    for (n, amount) in [
        (1, "0.038"),
        (2, "0.076"),
        (3, "0.114"),
        (4, "0.152"),
        (5, "0.190"),
        (6, "0.228"),
    ] {
        let command = format!("quote --model {SEEDREAM_EDIT} --num-images {n}");
        let o = cli(&command, b"");
        assert_eq!(code(&o), 0, "{command}: {}", stdout(&o));
        assert_eq!(json_out(&o)["amount"], amount, "{command}");
        assert_eq!(dec("0.038") * Decimal::from(n), dec(amount), "{command}");
    }
    let errors = rejected(&cli(
        &format!("quote --model {SEEDREAM_EDIT} --num-images 7"),
        b"",
    ));
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(
        (errors[0].0.as_str(), errors[0].1.as_str()),
        ("/num_images", "out_of_range")
    );
    assert!(errors[0].2.contains("from 1 to 6"), "{errors:?}");
    // check: a flag per item.
    let flags = |count: usize| -> Vec<String> {
        urls(count)
            .into_iter()
            .flat_map(|u| ["--image-urls".to_owned(), u])
            .collect()
    };
    let check = |extra: &[String]| {
        let mut args: Vec<&str> = vec![
            "check",
            "--model",
            SEEDREAM_EDIT,
            "--prompt",
            "x",
            "--aspect-ratio",
            "1:1",
        ];
        args.extend(extra.iter().map(String::as_str));
        run(&args, b"")
    };
    let errors = rejected(&check(&flags(11)));
    assert_eq!(errors.len(), 1, "{errors:?}");
    let (path, got_code, message) = &errors[0];
    assert_eq!(
        (path.as_str(), got_code.as_str()),
        ("/image_urls", "too_many_items")
    );
    assert!(
        message.starts_with("image_urls has 11 item") && message.ends_with("it takes 1 to 10"),
        "{message}"
    );
    let o = check(&flags(10));
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert_eq!(json_out(&o)["valid"], true);
    // The second of three blank: refused at its index.
    let mut three = flags(3);
    three[3] = " ".to_owned();
    let errors = rejected(&check(&three));
    let got: Vec<(&str, &str)> = errors
        .iter()
        .map(|(path, code, _)| (path.as_str(), code.as_str()))
        .collect();
    assert_eq!(got, [("/image_urls/1", "empty_text")], "{errors:?}");
    // None: required, for check and request alike (only quote fills it in).
    for sub in ["check", "request"] {
        let errors = rejected(&cli(
            &format!("{sub} --model {SEEDREAM_EDIT} --prompt x --aspect-ratio 1:1"),
            b"",
        ));
        let got: Vec<(&str, &str)> = errors
            .iter()
            .map(|(path, code, _)| (path.as_str(), code.as_str()))
            .collect();
        assert_eq!(got, [("/image_urls", "missing_field")], "{sub}: {errors:?}");
    }
}

/// A list option is described as one: `models --format text` says how many texts it takes,
/// that its flag repeats and whether it is required ("a list of 1 to 10 texts" for Seedream
/// edit's "maximum 10 images", "a list of at least 1 texts" where Nano Banana edit and
/// Seedance 2.0 image-to-video's reference images state no limit, "a list of texts" for
/// Seedance's optional reference audio, with no count at all, Wan's "0 to 5" optional
/// reference images and "1 to 3" required reference videos), for exactly the lists of
/// [`LISTS`]; `models` gives it `"type": "list"` with `min_items` and
/// `max_items` (`null` for no limit) and no values or default; its JSON Schema, in both
/// dialects, is an array of texts each like a required text (non-blank), with `minItems` where
/// it is above 0 and, where the page states one, `maxItems`, required where the page requires
/// it. A list of objects ([`OBJECT_LISTS`]: Kling 3.0 text-to-video's 1 to 6 shots, optional)
/// says how many objects it takes and its item field with its range; `models` gives its item
/// field under `fields` and that the items are open past the cut (`open`); its JSON Schema is
/// an array of objects with that field required and no `additionalProperties: false`. Kling
/// O1's elements ([`ELEMENTS`]: optional, at most 7 or 4) say the same of their two item
/// fields, the frontal image a required text and the reference images an optional array of
/// texts; `open` only for image-to-video's, cut inside its items, and its JSON Schema alone
/// without `additionalProperties: false`. Every list line comes in the CLI's order: by model,
/// then by option in page order.
#[test]
fn models_and_schema_describe_a_list_option() {
    let expected: Vec<(&str, &str, String)> = LISTS
        .iter()
        .map(|(id, option, required, min, max)| {
            let count = match (min, max) {
                (_, Some(max)) => format!("{min} to {max} "),
                (0, None) => String::new(),
                (_, None) => format!("at least {min} "),
            };
            let required = if *required { "required" } else { "optional" };
            (
                *id,
                *option,
                format!("list: a list of {count}texts (repeat the flag), {required}"),
            )
        })
        .collect();
    assert_eq!(
        expected[..2],
        [
            (
                KLING_I2V,
                "images",
                "list: a list of 1 to 7 texts (repeat the flag), required".to_owned()
            ),
            (
                KLING_V2V,
                "images",
                "list: a list of 0 to 4 texts (repeat the flag), optional".to_owned()
            ),
        ]
    );
    assert_eq!(
        expected[2..6],
        [
            (
                NANO_BANANA_EDIT,
                "image_urls",
                "list: a list of at least 1 texts (repeat the flag), required".to_owned()
            ),
            (
                SEEDANCE_I2V,
                "image_urls",
                "list: a list of at least 1 texts (repeat the flag), required".to_owned()
            ),
            (
                SEEDANCE_I2V,
                "audio_urls",
                "list: a list of texts (repeat the flag), optional".to_owned()
            ),
            (
                SEEDREAM_EDIT,
                "image_urls",
                "list: a list of 1 to 10 texts (repeat the flag), required".to_owned()
            ),
        ]
    );
    assert_eq!(
        expected[6..],
        [
            (
                WAN_R2V,
                "image_urls",
                "list: a list of 0 to 5 texts (repeat the flag), optional".to_owned()
            ),
            (
                WAN_R2V,
                "video_urls",
                "list: a list of 1 to 3 texts (repeat the flag), required".to_owned()
            ),
        ]
    );
    // The lists of objects: how many objects, each flag one, with the item field and its range.
    let objects: Vec<(&str, &str, String)> = OBJECT_LISTS
        .iter()
        .map(|(id, option, required, min, max, field, least, most)| {
            let required = if *required { "required" } else { "optional" };
            (
                *id,
                *option,
                format!(
                    "list: a list of {min} to {max} objects, each flag one JSON object \
                     {{{field}: an integer from {least} to {most} (required, no default)}} \
                     (repeat the flag), {required}"
                ),
            )
        })
        .collect();
    assert_eq!(
        objects,
        [(KLING_30_T2V, "multi_prompt", KLING_30_SHOTS.to_owned())]
    );
    // Kling O1's elements: at most so many objects, each flag one, with the required frontal
    // image and the optional array of reference images.
    let elements: Vec<(&str, &str, String)> = ELEMENTS
        .iter()
        .map(|(id, option, most, _)| (*id, *option, elements_text(*most)))
        .collect();
    assert_eq!(
        elements,
        [
            (
                KLING_I2V,
                "elements",
                "list: a list of 0 to 7 objects, each flag one JSON object {frontal_image_url: text, required; reference_image_urls: an array of texts, optional} (repeat the flag), optional".to_owned()
            ),
            (
                KLING_V2V,
                "elements",
                "list: a list of 0 to 4 objects, each flag one JSON object {frontal_image_url: text, required; reference_image_urls: an array of texts, optional} (repeat the flag), optional".to_owned()
            ),
        ]
    );
    let o = cli("models --format text", b"");
    assert_eq!(code(&o), 0);
    let text = stdout(&o);
    let mut got = Vec::new();
    for section in text.split("\n\n") {
        let id = section.split_whitespace().next().unwrap();
        for line in section.lines().filter(|l| l.starts_with("    ")) {
            let (option, description) = line.trim_start().split_once(' ').unwrap();
            let description = description.trim_start();
            if description.contains("list") || description.contains("repeat the flag") {
                got.push((id, option, description.to_owned()));
            }
        }
    }
    // In the CLI's order: by model as [`MODELS`] lists them, then by option in page order
    // (Kling 3.0's shots first, Kling O1's images before their elements).
    let mut all: Vec<(&str, &str, String)> = objects
        .iter()
        .chain(&elements)
        .chain(&expected)
        .cloned()
        .collect();
    all.sort_by_key(|(id, option, _)| place(id, option));
    assert_eq!(all.first().map(|l| l.1), Some("multi_prompt"));
    assert_eq!(got, all);
    // JSON: the counts, and no other model has a list.
    let models = json_out(&cli("models", b""));
    let mut lists = Vec::new();
    for m in models.as_array().unwrap() {
        for option in m["options"].as_array().unwrap() {
            if option["type"] == "list" {
                lists.push((
                    m["id"].as_str().unwrap().to_owned(),
                    option["name"].as_str().unwrap().to_owned(),
                ));
            }
        }
    }
    let listed: Vec<(String, String)> = all
        .iter()
        .map(|(id, option, _)| ((*id).to_owned(), (*option).to_owned()))
        .collect();
    assert_eq!(lists, listed);
    for (id, option, required, min, max, field, least, most) in OBJECT_LISTS {
        let entry = model_entry(&models, id)["options"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["name"] == option)
            .unwrap()
            .clone();
        let description = entry["description"].as_str().unwrap().to_owned();
        // What the list holds: the shots of a customized multi-shot video.
        assert!(description.contains("shots"), "{id}: {description}");
        let item_description = entry["fields"][0]["description"]
            .as_str()
            .unwrap()
            .to_owned();
        assert!(
            item_description.to_lowercase().contains("shot duration"),
            "{id}: {item_description}"
        );
        assert_eq!(
            entry,
            json!({
                "name": option,
                "type": "list",
                "description": description,
                "required": required,
                "min_items": min,
                "max_items": max,
                "fields": [{
                    "name": field,
                    "type": "integer",
                    "description": item_description,
                    "required": true,
                    "minimum": least,
                    "maximum": most,
                }],
                "open": true,
            }),
            "{id} {option}"
        );
        // JSON Schema: an array of objects, the item field a required integer in its range,
        // other item fields let pass (no `additionalProperties: false`).
        for dialect in ["2020-12", "openapi3"] {
            let schema = args_schema(id, dialect);
            let items = json!({
                "type": "object",
                "properties": {field: {
                    "type": "integer",
                    "description": item_description,
                    "minimum": least,
                    "maximum": most,
                }},
                "required": [field],
            });
            assert_eq!(
                schema["properties"][option],
                json!({
                    "type": "array",
                    "description": description,
                    "items": items,
                    "minItems": min,
                    "maxItems": max,
                }),
                "{id} {option} {dialect}: {schema}"
            );
            assert_eq!(
                schema
                    .get("required")
                    .and_then(Value::as_array)
                    .is_some_and(|r| r.contains(&json!(option))),
                required,
                "{id} {option} {dialect}"
            );
        }
    }
    for (id, option, most, open) in ELEMENTS {
        let entry = model_entry(&models, id)["options"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["name"] == option)
            .unwrap()
            .clone();
        // What the list and its item fields hold, in the page's words.
        let text = |v: &Value| v.as_str().unwrap().to_owned();
        let description = text(&entry["description"]);
        assert!(
            description
                .to_lowercase()
                .contains("elements for the generation"),
            "{id}: {description}"
        );
        let frontal = text(&entry["fields"][0]["description"]);
        assert!(
            frontal.to_lowercase().contains("frontal"),
            "{id}: {frontal}"
        );
        let references = text(&entry["fields"][1]["description"]);
        assert!(
            references.to_lowercase().contains("reference images"),
            "{id}: {references}"
        );
        // Optional, no fewest, at most the total; the frontal image a required text, the
        // reference images an optional list with no count stated.
        assert_eq!(
            entry,
            json!({
                "name": option,
                "type": "list",
                "description": description,
                "required": false,
                "min_items": 0,
                "max_items": most,
                "fields": [
                    {
                        "name": "frontal_image_url",
                        "type": "string",
                        "description": frontal,
                        "required": true,
                    },
                    {
                        "name": "reference_image_urls",
                        "type": "list",
                        "description": references,
                        "required": false,
                        "min_items": 0,
                        "max_items": null,
                    },
                ],
                "open": open,
            }),
            "{id} {option}"
        );
        // JSON Schema: an array of at most so many objects, the frontal image a required
        // non-blank text, the reference images an array of them; other item fields let pass
        // only where the copy is cut inside the items (no `additionalProperties: false`).
        for dialect in ["2020-12", "openapi3"] {
            let schema = args_schema(id, dialect);
            let mut url = schema["properties"]["prompt"].clone();
            url.as_object_mut().unwrap().remove("description");
            assert_eq!(url["minLength"], 1, "{id} {dialect}: {url}");
            let mut frontal_url = url.clone();
            frontal_url["description"] = json!(frontal);
            let mut items = json!({
                "type": "object",
                "properties": {
                    "frontal_image_url": frontal_url,
                    "reference_image_urls": {
                        "type": "array",
                        "description": references,
                        "items": url,
                    },
                },
                "required": ["frontal_image_url"],
            });
            if !open {
                items["additionalProperties"] = json!(false);
            }
            assert_eq!(
                schema["properties"][option],
                json!({
                    "type": "array",
                    "description": description,
                    "items": items,
                    "maxItems": most,
                }),
                "{id} {option} {dialect}: {schema}"
            );
            assert!(
                !schema["required"]
                    .as_array()
                    .unwrap()
                    .contains(&json!(option)),
                "{id} {option} {dialect}"
            );
        }
    }
    for (id, option, required, min, max) in LISTS {
        let entry = model_entry(&models, id)["options"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["name"] == option)
            .unwrap()
            .clone();
        let description = entry["description"].as_str().unwrap().to_owned();
        // What the list holds, in the page's words.
        let holds = match (id, option) {
            (WAN_R2V, "image_urls") => "reference images",
            (WAN_R2V, "video_urls") => "reference videos",
            (SEEDANCE_I2V, "image_urls") => "reference image",
            (SEEDANCE_I2V, "audio_urls") => "reference audio",
            (KLING_I2V | KLING_V2V, "images") => "images for the generation",
            _ => "images to edit",
        };
        assert!(
            description.to_lowercase().contains(holds),
            "{id}: {description}"
        );
        assert_eq!(
            entry,
            json!({"name": option, "type": "list", "description": description, "required": required, "min_items": min, "max_items": max}),
            "{id} {option}"
        );
        // JSON Schema: an array of non-blank texts, as a required text is.
        for dialect in ["2020-12", "openapi3"] {
            let schema = args_schema(id, dialect);
            // An item is like the prompt without its description and its own length limit
            // (Wan's "≤ 1500 characters").
            let mut text = schema["properties"]["prompt"].clone();
            text.as_object_mut().unwrap().remove("description");
            text.as_object_mut().unwrap().remove("maxLength");
            assert_eq!(text["minLength"], 1, "{id} {dialect}: {text}");
            assert!(text["pattern"].is_string(), "{id} {dialect}: {text}");
            let mut array = json!({"type": "array", "description": description, "items": text});
            if min > 0 {
                array["minItems"] = json!(min);
            }
            if let Some(max) = max {
                array["maxItems"] = json!(max);
            }
            assert_eq!(
                schema["properties"][option], array,
                "{id} {option} {dialect}: {schema}"
            );
            assert_eq!(
                schema["required"]
                    .as_array()
                    .unwrap()
                    .contains(&json!(option)),
                required,
                "{id} {option} {dialect}"
            );
        }
    }
}

/// A Wan 2.6 reference-to-video body with prompt "a", `images` reference image URLs, `videos`
/// reference video URLs and `extra`.
fn wan_body(images: usize, videos: usize, extra: Value) -> Value {
    let videos: Vec<String> = (1..=videos)
        .map(|k| format!("https://e.x/{k}.mp4"))
        .collect();
    let mut args = json!({"prompt": "a", "image_urls": urls(images), "video_urls": videos});
    for (name, value) in extra.as_object().unwrap() {
        args[name] = value.clone();
    }
    json!({"model": WAN_R2V, "args": args})
}

/// Wan 2.6 reference-to-video's "images + videos together ≤ 5" ([`WAN_R2V_TOTAL`]): 3
/// reference images and 3 videos, each list within its own limit (0–5, 1–3), are one item too
/// many together, and `check` refuses them (exit 1) with exactly one `too_many_in_total`, at
/// the last list counted, its message the spec's with each list's count; `quote` refuses them
/// the same way, before any price. 2 images and 3 videos make 5: accepted, and `quote` prices
/// them by the output alone (the page prices no input), 1080p by default: 0.128 × 7 = 0.896.
#[test]
fn check_refuses_lists_past_their_total() {
    let (_, message, _, maximum) = WAN_R2V_TOTAL;
    let expected = json!({"errors": [{
        "path": "/args/video_urls",
        "code": "too_many_in_total",
        "message": "image_urls and video_urls together take at most 5 items (image_urls: 3, video_urls: 3)",
    }]});
    assert!(expected["errors"][0]["message"]
        .as_str()
        .unwrap()
        .starts_with(message));
    assert!(3 + 3 > maximum && 2 + 3 == maximum);
    for sub in ["check", "quote"] {
        let o = run(
            &[sub, "--json", &wan_body(3, 3, json!({})).to_string()],
            b"",
        );
        assert_eq!(code(&o), 1, "{sub}: {}", stdout(&o));
        assert_eq!(json_out(&o), expected, "{sub}");
    }
    let o = run(
        &["check", "--json", &wan_body(2, 3, json!({})).to_string()],
        b"",
    );
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert_eq!(json_out(&o)["valid"], true);
    let o = run(
        &[
            "quote",
            "--json",
            &wan_body(2, 3, json!({"duration": 7})).to_string(),
        ],
        b"",
    );
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    let q = json_out(&o);
    assert_eq!(
        (&q["model"], &q["amount"], &q["resolution"], &q["duration"]),
        (&json!(WAN_R2V), &json!("0.896"), &json!("1080p"), &json!(7)),
        "{q}"
    );
    assert_eq!(dec("0.128") * dec("7"), dec("0.896"));
}

/// Kling O1 video-to-video's lists from flags ([`LISTS`], [`ELEMENTS`]): `--images` repeats
/// one text each, `--elements` one JSON object each (facts file: "frontal_image_url: string,
/// required"; "reference_image_urls: list, optional"). Two images and two elements, one of them
/// with its reference images, make 4, the most "images + elements" takes
/// ([`KLING_V2V_TOTAL`]): `check` and `quote` accept them, the quote the per-second estimate the
/// page's Pro rate gives without the input video's length (0.143 × 3 to 10 s); `request`
/// writes both lists back as given. Three images and two elements are one too many: exactly
/// one `too_many_in_total`, at the last list counted, with each list's count, before any price.
/// An element without its frontal image is refused (`missing_field`) at the item's field, and
/// as the page's items end before `keep_audio` (not cut), a field an element does not have
/// (`unknown_field`). From a JSON body the paths are under `/args`.
#[test]
fn kling_o1_video_to_video_takes_images_and_elements_up_to_their_total() {
    let (_, message, [images, elements], maximum) = KLING_V2V_TOTAL;
    let most = ELEMENTS.iter().find(|e| e.0 == KLING_V2V).unwrap().2;
    assert_eq!(
        LISTS.iter().find(|l| l.0 == KLING_V2V && l.1 == images),
        Some(&(KLING_V2V, "images", false, 0, Some(4)))
    );
    assert_eq!((elements, most, maximum), ("elements", 4, 4));
    let front = r#"{"frontal_image_url":"https://e.x/f.png"}"#;
    let with_references =
        r#"{"frontal_image_url":"https://e.x/g.png","reference_image_urls":["https://e.x/h.png"]}"#;
    let args = |sub: &'static str, images: &[&'static str], elements: &[&'static str]| {
        let mut args = vec![
            sub,
            "--model",
            KLING_V2V,
            "--prompt",
            "p",
            "--video",
            "https://e.x/v.mp4",
        ];
        for image in images {
            args.extend(["--images", image]);
        }
        for element in elements {
            args.extend(["--elements", element]);
        }
        args
    };
    // 2 + 2 = 4: accepted.
    let o = run(&args("quote", &["A", "B"], &[front, with_references]), b"");
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert_eq!(
        json_out(&o),
        json!({"model": KLING_V2V, "currency": "USD", "rate": "0.143", "unit": "second", "needs": ["input_video_seconds"], "min_amount": "0.429", "max_amount": "1.430", "mode": "pro", "action": "refer", "keep_audio": false})
    );
    assert_eq!(
        (dec("0.143") * dec("3"), dec("0.143") * dec("10")),
        (dec("0.429"), dec("1.430"))
    );
    let o = run(&args("check", &["A", "B"], &[front, with_references]), b"");
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert_eq!(json_out(&o)["valid"], true);
    let o = run(
        &args("request", &["A", "B"], &[front, with_references]),
        b"",
    );
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    let body = json_out(&o);
    assert_eq!(body["args"]["images"], json!(["A", "B"]), "{body}");
    assert_eq!(
        body["args"]["elements"],
        json!([
            {"frontal_image_url": "https://e.x/f.png"},
            {"frontal_image_url": "https://e.x/g.png", "reference_image_urls": ["https://e.x/h.png"]},
        ]),
        "{body}"
    );
    // 3 + 2 = 5: one too many, for check and quote alike.
    let too_many = format!("{message} (images: 3, elements: 2)");
    for sub in ["check", "quote"] {
        let errors = rejected(&run(&args(sub, &["A", "B", "C"], &[front, front]), b""));
        assert_eq!(
            errors,
            [(
                "/elements".to_owned(),
                "too_many_in_total".to_owned(),
                too_many.clone()
            )],
            "{sub}"
        );
    }
    // An element's frontal image is required; a field the items do not have is refused.
    for sub in ["check", "quote"] {
        let errors = rejected(&run(
            &args(
                sub,
                &[],
                &[r#"{"reference_image_urls":["https://e.x/h.png"]}"#],
            ),
            b"",
        ));
        assert_eq!(
            paths_and_codes(&errors),
            [("/elements/0/frontal_image_url", "missing_field")],
            "{sub}: {errors:?}"
        );
        let errors = rejected(&run(
            &args(
                sub,
                &[],
                &[
                    front,
                    r#"{"frontal_image_url":"https://e.x/g.png","side":"left"}"#,
                ],
            ),
            b"",
        ));
        assert_eq!(
            paths_and_codes(&errors),
            [("/elements/1/side", "unknown_field")],
            "{sub}: {errors:?}"
        );
    }
    // The same from a JSON body, under /args.
    for (elements, path, code_name) in [
        (
            json!([{"frontal_image_url": "f"}, {"frontal_image_url": "g"}]),
            "/args/elements",
            "too_many_in_total",
        ),
        (
            json!([{"reference_image_urls": ["h"]}]),
            "/args/elements/0/frontal_image_url",
            "missing_field",
        ),
    ] {
        let body = json!({"model": KLING_V2V, "args": {
            "prompt": "p", "video": "v", "images": ["a", "b", "c"], "elements": elements,
        }});
        let errors = rejected(&run(&["check", "--json", &body.to_string()], b""));
        assert_eq!(
            paths_and_codes(&errors),
            [(path, code_name)],
            "{body}: {errors:?}"
        );
    }
}

/// A Seedance 2.0 image-to-video body with prompt "a", `images` reference image URLs, `audio`
/// reference audio URLs (left out when 0) and `extra`.
fn seedance_i2v_body(images: usize, audio: usize, extra: Value) -> Value {
    let mut args = json!({"prompt": "a", "image_urls": urls(images)});
    if audio > 0 {
        let audio: Vec<String> = (1..=audio)
            .map(|k| format!("https://e.x/{k}.mp3"))
            .collect();
        args["audio_urls"] = json!(audio);
    }
    for (name, value) in extra.as_object().unwrap() {
        args[name] = value.clone();
    }
    json!({"model": SEEDANCE_I2V, "args": args})
}

/// Seedance 2.0 image-to-video's first/last-frame mode ([`SEEDANCE_I2V_LIMITS`]; facts file:
/// "when true ... `image_urls` may hold only 1 to 2 images, `audio_urls` must be empty"): with
/// `is_first_last_frame` true, 3 reference images are refused (exit 1) with exactly one
/// `too_many_items` at `/args/image_urls` whose message is the spec's, names the condition and
/// counts the items, by `check` and by `quote` (before any price); 2 images and one audio are
/// refused at `/args/audio_urls`; 1 or 2 images and no audio are accepted. With the mode off or
/// left out (no default: the limits do not apply), 3 images and an audio pass. The total
/// ([`SEEDANCE_I2V_TOTAL`], "≤ 12") holds whatever the mode: 10 images and 3 audio are one too
/// many, at the last list counted (`too_many_in_total`); 10 and 2 pass. From flags the same, at
/// bare paths; `quote` of a valid first/last-frame request (two repeated `--image-urls`,
/// `--is-first-last-frame` alone meaning true) prices the output alone: fast at 8 s, 0.20 × 8.
#[test]
fn check_applies_a_conditional_limit() {
    let [(_, images_message, ..), (_, audio_message, ..)] = SEEDANCE_I2V_LIMITS;
    let on = json!({"is_first_last_frame": true});
    let check = |body: &Value| run(&["check", "--json", &body.to_string()], b"");
    // (a) Three images in first/last-frame mode: one error, at the images.
    for sub in ["check", "quote"] {
        let o = run(
            &[
                sub,
                "--json",
                &seedance_i2v_body(3, 0, on.clone()).to_string(),
            ],
            b"",
        );
        let errors = rejected(&o);
        assert_eq!(
            paths_and_codes(&errors),
            [("/args/image_urls", "too_many_items")],
            "{sub}: {errors:?}"
        );
        let message = &errors[0].2;
        assert!(
            message.starts_with(images_message)
                && message.contains("is_first_last_frame = true")
                && message.ends_with("image_urls has 3 items"),
            "{sub}: {message}"
        );
    }
    // (b) Two images and one audio: the audio must be empty.
    for sub in ["check", "quote"] {
        let o = run(
            &[
                sub,
                "--json",
                &seedance_i2v_body(2, 1, on.clone()).to_string(),
            ],
            b"",
        );
        let errors = rejected(&o);
        assert_eq!(
            paths_and_codes(&errors),
            [("/args/audio_urls", "too_many_items")],
            "{sub}: {errors:?}"
        );
        let message = &errors[0].2;
        assert!(
            message.starts_with(audio_message)
                && message.contains("is_first_last_frame = true")
                && message.ends_with("audio_urls has 1 item"),
            "{sub}: {message}"
        );
    }
    // (c) One or two images, no audio: accepted, the mode said back.
    for images in [1, 2] {
        let o = check(&seedance_i2v_body(images, 0, on.clone()));
        assert_eq!(code(&o), 0, "{images}: {}", stdout(&o));
        assert_eq!(
            json_out(&o),
            json!({"valid": true, "model": SEEDANCE_I2V, "mode": "std", "duration": 5, "aspect_ratio": "16:9", "is_first_last_frame": true}),
            "{images}"
        );
    }
    // (d) The mode off, or left out: three images and an audio pass.
    for extra in [json!({"is_first_last_frame": false}), json!({})] {
        let o = check(&seedance_i2v_body(3, 1, extra.clone()));
        assert_eq!(code(&o), 0, "{extra}: {}", stdout(&o));
        let c = json_out(&o);
        assert_eq!(
            (&c["valid"], &c["model"]),
            (&json!(true), &json!(SEEDANCE_I2V))
        );
        assert_eq!(
            c.get("is_first_last_frame"),
            extra.get("is_first_last_frame"),
            "{c}"
        );
    }
    // (e) 10 images and 3 audio: 13 > 12, at the last list of the total; 10 and 2 make 12.
    let (_, total_message, _, maximum) = SEEDANCE_I2V_TOTAL;
    assert!(10 + 3 > maximum && 10 + 2 == maximum);
    let o = check(&seedance_i2v_body(10, 3, json!({})));
    assert_eq!(
        json_out(&o),
        json!({"errors": [{
            "path": "/args/audio_urls",
            "code": "too_many_in_total",
            "message": format!("{total_message} (image_urls: 10, audio_urls: 3)"),
        }]})
    );
    assert_eq!(code(&o), 1);
    let o = check(&seedance_i2v_body(10, 2, json!({})));
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    // From flags: three repeated --image-urls with --is-first-last-frame, at the bare path.
    let errors = rejected(&cli(
        &format!(
            "check --model {SEEDANCE_I2V} --prompt a --is-first-last-frame \
             --image-urls https://e.x/1.png --image-urls https://e.x/2.png --image-urls https://e.x/3.png"
        ),
        b"",
    ));
    assert_eq!(
        paths_and_codes(&errors),
        [("/image_urls", "too_many_items")],
        "{errors:?}"
    );
    // quote of a valid first/last-frame request: "Fast: $0.20 per second", 0.20 × 8 = 1.60.
    let command = format!(
        "quote --model {SEEDANCE_I2V} --prompt a --is-first-last-frame \
         --image-urls https://e.x/first.png --image-urls https://e.x/last.png --duration 8 --mode fast"
    );
    let o = cli(&command, b"");
    assert_eq!(code(&o), 0, "{command}: {}", stdout(&o));
    assert_eq!(
        json_out(&o),
        json!({"model": SEEDANCE_I2V, "currency": "USD", "amount": "1.60", "mode": "fast", "duration": 8, "aspect_ratio": "16:9", "is_first_last_frame": true})
    );
    assert_eq!(dec("0.20") * dec("8"), dec("1.60"));
    let o = cli(&format!("{command} --format text"), b"");
    assert_eq!(code(&o), 0);
    assert_eq!(
        stdout(&o),
        format!("1.60 USD: 0.20 per second × 8 seconds {SEEDANCE_I2V} mode=fast duration=8 aspect_ratio=16:9 is_first_last_frame=true\n")
    );
}

/// A Kling O1 image-to-video body with prompt "p", `images` image URLs and `extra`.
fn kling_i2v_body(images: usize, extra: Value) -> Value {
    let mut args = json!({"prompt": "p", "images": urls(images)});
    for (name, value) in extra.as_object().unwrap() {
        args[name] = value.clone();
    }
    json!({"model": KLING_I2V, "args": args})
}

/// Kling O1 image-to-video's limit on a choice (facts file: "when `action` is 'frame' and the
/// images contain just one frame, duration should be 5 or 10"; id
/// `one_frame_five_or_ten_seconds`): one image and duration "3", action frame by default, is
/// refused by `check` (exit 1) with exactly one `invalid_value` at `/args/duration` whose
/// message is the limit's and names the values allowed, `"5", "10"`; two images, or action
/// refer with one image, are accepted at "3". From flags, `quote` of one `--images` in std mode
/// at 10 s prices it ("Standard mode video is $0.075 per second": 0.075 × 10 = 0.750); at 7 s
/// it is refused (exit 1), at the bare path, naming the limit.
#[test]
fn check_applies_a_limit_on_a_choice() {
    let message = "with action frame and a single image, duration is 5 or 10";
    let check = |body: &Value| run(&["check", "--json", &body.to_string()], b"");
    // (a) One image at "3" in frame mode (the default action): one error, at the duration.
    let errors = rejected(&check(&kling_i2v_body(1, json!({"duration": "3"}))));
    assert_eq!(
        paths_and_codes(&errors),
        [("/args/duration", "invalid_value")],
        "{errors:?}"
    );
    let said = &errors[0].2;
    assert!(
        said.starts_with(message) && said.contains(r#"allowed: "5", "10""#),
        "{said}"
    );
    // (b) Two images at "3": the limit does not apply; the defaults said back.
    let o = check(&kling_i2v_body(2, json!({"duration": "3"})));
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert_eq!(
        json_out(&o),
        json!({"valid": true, "model": KLING_I2V, "mode": "pro", "action": "frame", "duration": "3"})
    );
    // (c) Action refer with one image at "3": nor does it.
    let o = check(&kling_i2v_body(
        1,
        json!({"action": "refer", "duration": "3"}),
    ));
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert_eq!(
        json_out(&o),
        json!({"valid": true, "model": KLING_I2V, "mode": "pro", "action": "refer", "duration": "3"})
    );
    // quote from flags, one image at 10 s (allowed): "$0.075 per second", 0.075 × 10 = 0.750.
    let command =
        format!("quote --model {KLING_I2V} --prompt p --mode std --images a --duration 10");
    let o = cli(&command, b"");
    assert_eq!(code(&o), 0, "{command}: {}", stdout(&o));
    assert_eq!(
        json_out(&o),
        json!({"model": KLING_I2V, "currency": "USD", "amount": "0.750", "mode": "std", "action": "frame", "duration": "10"})
    );
    assert_eq!(dec("0.075") * dec("10"), dec("0.750"));
    // One image at 7 s: refused before any price, at the bare path, naming the limit.
    let errors = rejected(&cli(
        &format!("quote --model {KLING_I2V} --prompt p --mode std --images a --duration 7"),
        b"",
    ));
    assert_eq!(
        paths_and_codes(&errors),
        [("/duration", "invalid_value")],
        "{errors:?}"
    );
    let said = &errors[0].2;
    assert!(
        said.starts_with(message) && said.contains(r#"allowed: "5", "10""#),
        "{said}"
    );
}

// ---------------------------------------------------------------------------------------------
// Vidu Q2 image-to-video: a conditional requirement beside a forbidden combination

/// A Vidu Q2 image-to-video body with the prompt and the image it requires and `extra`.
fn vidu_i2v_body(extra: Value) -> Value {
    let mut args = json!({"prompt": "a", "image": "https://e.x/a.png"});
    for (name, value) in extra.as_object().unwrap() {
        args[name] = value.clone();
    }
    json!({"model": VIDU_I2V, "args": args})
}

/// The errors of a rejected request as `(path, code)`, in the order given.
fn paths_and_codes(errors: &[(String, String, String)]) -> Vec<(&str, &str)> {
    errors
        .iter()
        .map(|(path, code, _)| (path.as_str(), code.as_str()))
        .collect()
}

/// "generate_audio — when true, `voice_id` is required": a body with `"generate_audio": true`
/// and no `voice_id` is refused by `check` (and by `quote`, before any price) with exactly one
/// `conditionally_required` at `/args/voice_id` whose message names the field and the value
/// that requires it; with `voice_id` it is accepted, and with `generate_audio` false or left
/// at its default (false) no voice id is needed, though one may be given. A blank voice id is
/// still refused as blank text. In a log, each line is judged so.
#[test]
fn check_requires_voice_id_when_generate_audio_is_true() {
    let (_, _, message, option, value, field) =
        *REQUIREMENTS.iter().find(|r| r.0 == VIDU_I2V).unwrap();
    assert!(VOICE_ID_REQUIRED.starts_with(message));
    let body = vidu_i2v_body(json!({option: value.json()}));
    for sub in ["check", "quote"] {
        let o = run(&[sub, "--json", &body.to_string()], b"");
        assert_ne!(code(&o), 0, "{sub}: {}", stdout(&o));
        let errors = rejected(&o);
        assert_eq!(
            errors,
            [(
                format!("/args/{field}"),
                "conditionally_required".to_owned(),
                VOICE_ID_REQUIRED.to_owned()
            )],
            "{sub}"
        );
    }
    // With a voice id: valid, the audio said back.
    let o = run(
        &[
            "check",
            "--json",
            &vidu_i2v_body(json!({"generate_audio": true, "voice_id": "v1"})).to_string(),
        ],
        b"",
    );
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert_eq!(
        json_out(&o),
        json!({"valid": true, "model": VIDU_I2V, "mode": "pro", "duration": "5", "resolution": "720p", "generate_audio": true})
    );
    // Without audio, none is needed; one may still be given.
    for extra in [
        json!({"generate_audio": false}),
        json!({}),
        json!({"generate_audio": false, "voice_id": "v1"}),
    ] {
        let o = run(
            &["check", "--json", &vidu_i2v_body(extra.clone()).to_string()],
            b"",
        );
        assert_eq!(code(&o), 0, "{extra}: {}", stdout(&o));
        let c = json_out(&o);
        assert_eq!(
            (&c["valid"], &c["model"], &c["generate_audio"]),
            (&json!(true), &json!(VIDU_I2V), &json!(false)),
            "{extra}: {c}"
        );
    }
    // A blank voice id is not a voice id.
    let o = run(
        &[
            "check",
            "--json",
            &vidu_i2v_body(json!({"generate_audio": true, "voice_id": " "})).to_string(),
        ],
        b"",
    );
    assert_eq!(
        paths_and_codes(&rejected(&o)),
        [("/args/voice_id", "empty_text")]
    );
    // A log: the line without a voice id is refused, the one with it accepted.
    let log = [
        vidu_i2v_body(json!({"generate_audio": true})).to_string(),
        vidu_i2v_body(json!({"generate_audio": true, "voice_id": "v1"})).to_string(),
    ]
    .join("\n");
    let o = cli("check --jsonl -", log.as_bytes());
    assert_eq!(code(&o), 1, "{}", stdout(&o));
    let out = lines(&o);
    assert_eq!(out.len(), 3, "{}", stdout(&o));
    assert_eq!(
        out[0],
        json!({"line": 1, "errors": [{"path": "/args/voice_id", "code": "conditionally_required", "message": VOICE_ID_REQUIRED}]})
    );
    assert_eq!(
        (&out[1]["line"], &out[1]["check"]["valid"]),
        (&json!(2), &json!(true))
    );
    assert_eq!(
        (
            &out[2]["summary"]["accepted"],
            &out[2]["summary"]["rejected"]
        ),
        (&json!(1), &json!(1))
    );
}

/// From flags, `--generate-audio` alone means true: without `--voice-id` the request is
/// refused with the requirement at `/voice_id` (bare args), for `check` and `request` alike,
/// in text too; `--voice-id v1` makes it valid, and `request` writes the voice id into the
/// body; `--generate-audio false` needs none.
#[test]
fn a_generate_audio_flag_alone_requires_the_voice_id_flag() {
    let base = format!("--model {VIDU_I2V} --prompt a --image https://e.x/a.png");
    for sub in ["check", "request"] {
        for audio in ["--generate-audio", "--generate-audio true"] {
            let command = format!("{sub} {base} {audio}");
            let errors = rejected(&cli(&command, b""));
            assert_eq!(
                errors,
                [(
                    "/voice_id".to_owned(),
                    "conditionally_required".to_owned(),
                    VOICE_ID_REQUIRED.to_owned()
                )],
                "{command}"
            );
        }
    }
    let o = cli(&format!("check {base} --generate-audio --format text"), b"");
    assert_eq!(code(&o), 1);
    assert_eq!(
        stdout(&o),
        format!("rejected: /voice_id: {VOICE_ID_REQUIRED} [conditionally_required]\n")
    );
    // With the voice id: valid.
    let o = cli(&format!("check {base} --generate-audio --voice-id v1"), b"");
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert_eq!(
        json_out(&o),
        json!({"valid": true, "model": VIDU_I2V, "mode": "pro", "duration": "5", "resolution": "720p", "generate_audio": true})
    );
    let o = cli(
        &format!("request {base} --generate-audio --voice-id v1 --minimal"),
        b"",
    );
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert_eq!(
        json_out(&o),
        json!({"model": VIDU_I2V, "args": {"prompt": "a", "image": "https://e.x/a.png", "generate_audio": true, "voice_id": "v1"}})
    );
    assert_eq!(code(&cli("check", &o.stdout)), 0);
    // No audio, no voice id needed.
    let o = cli(&format!("check {base} --generate-audio false"), b"");
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert_eq!(json_out(&o)["generate_audio"], false);
}

/// "540p is not supported in pro-fast mode": pro-fast at 540p is refused at the later of the
/// two options in page order, `/args/resolution`, with the message, the values and the
/// resolutions left; every other mode × resolution passes. With `generate_audio` true and no
/// voice id as well, one response gives both, in page order: the combination at resolution,
/// the requirement at voice_id (from flags too, at bare paths).
#[test]
fn check_gives_the_forbidden_combination_and_the_requirement_together() {
    let (rule, _, mode, resolution) = VIDU_I2V_RULE;
    let (at, message, left) = documented::forbidden_at(rule);
    assert_eq!(at, "resolution");
    let forbidden = json!({"mode": mode, "resolution": resolution});
    let o = run(
        &[
            "check",
            "--json",
            &vidu_i2v_body(forbidden.clone()).to_string(),
        ],
        b"",
    );
    let errors = rejected(&o);
    assert_eq!(
        paths_and_codes(&errors),
        [("/args/resolution", "unsupported_combination")]
    );
    assert!(
        errors[0].2.starts_with(message) && errors[0].2.ends_with(left),
        "{errors:?}"
    );
    // Both in one response.
    let mut both = forbidden.clone();
    both["generate_audio"] = json!(true);
    for sub in ["check", "quote"] {
        let o = run(
            &[sub, "--json", &vidu_i2v_body(both.clone()).to_string()],
            b"",
        );
        let errors = rejected(&o);
        assert_eq!(
            paths_and_codes(&errors),
            [
                ("/args/resolution", "unsupported_combination"),
                ("/args/voice_id", "conditionally_required")
            ],
            "{sub}"
        );
        assert!(errors[0].2.starts_with(message), "{sub}: {errors:?}");
        assert_eq!(errors[1].2, VOICE_ID_REQUIRED, "{sub}");
    }
    let o = cli(
        &format!(
            "check --model {VIDU_I2V} --prompt a --image https://e.x/a.png --mode {mode} --resolution {resolution} --generate-audio"
        ),
        b"",
    );
    assert_eq!(
        paths_and_codes(&rejected(&o)),
        [
            ("/resolution", "unsupported_combination"),
            ("/voice_id", "conditionally_required")
        ]
    );
    // With the voice id, the combination alone remains.
    let mut with_voice = both.clone();
    with_voice["voice_id"] = json!("v1");
    let o = run(
        &["check", "--json", &vidu_i2v_body(with_voice).to_string()],
        b"",
    );
    assert_eq!(
        paths_and_codes(&rejected(&o)),
        [("/args/resolution", "unsupported_combination")]
    );
    // Every other combination of the page's modes and resolutions passes.
    for m in ["turbo", "pro", "pro-fast"] {
        for r in ["540p", "720p", "1080p"] {
            if (m, r) == (mode, resolution) {
                continue;
            }
            let o = run(
                &[
                    "check",
                    "--json",
                    &vidu_i2v_body(json!({"mode": m, "resolution": r})).to_string(),
                ],
                b"",
            );
            assert_eq!(code(&o), 0, "{m} {r}: {}", stdout(&o));
            let c = json_out(&o);
            assert_eq!((&c["mode"], &c["resolution"]), (&json!(m), &json!(r)));
        }
    }
}

/// Vidu Q2 image-to-video is wholly unpriced ("starts at $X plus $Y/sec" reads two ways): a
/// valid body, at the defaults or with every option given, is `quote`d with exit 1 and one
/// `unpriced` error at the root naming the model and saying "starts at", in text too; `check`
/// accepts it.
#[test]
fn quote_of_a_valid_vidu_image_to_video_body_is_unpriced() {
    for extra in [
        json!({}),
        json!({"mode": "turbo", "duration": "2", "resolution": "540p"}),
        json!({"mode": "pro-fast", "duration": "10", "resolution": "1080p", "generate_audio": true, "voice_id": "v1"}),
    ] {
        let body = vidu_i2v_body(extra.clone()).to_string();
        let o = run(&["quote", "--json", &body], b"");
        assert_eq!(code(&o), 1, "{extra}: {}", stdout(&o));
        let errors = rejected(&o);
        assert_eq!(paths_and_codes(&errors), [("", "unpriced")], "{extra}");
        let message = &errors[0].2;
        assert!(
            message.contains(VIDU_I2V) && message.contains("starts at"),
            "{extra}: {message}"
        );
        let o = run(&["quote", "--json", &body, "--format", "text"], b"");
        assert_eq!(code(&o), 1);
        let text = stdout(&o);
        assert_eq!(text.lines().count(), 1, "{text}");
        assert!(
            text.starts_with(&format!("unpriced: {VIDU_I2V}")) && text.contains("starts at"),
            "{text}"
        );
        let o = run(&["check", "--json", &body], b"");
        assert_eq!(code(&o), 0, "{extra}: {}", stdout(&o));
        assert_eq!(json_out(&o)["valid"], true);
    }
}

/// Vidu Q2 image-to-video's duration is a whole number written as a string ("string,
/// optional, default 5, Range 1 to 10"): `--duration 5` is sent and said back as `"5"`, 1 and
/// 10 pass, and `request` writes a string; "0" and "11" are out of its range, "05" and "5.0"
/// not digits of a whole number (each naming the range); in a body the number 5 is the wrong
/// type.
#[test]
fn vidu_image_to_video_s_duration_is_a_string_of_a_whole_number() {
    for seconds in ["1", "5", "10"] {
        let o = cli(
            &format!("check --model {VIDU_I2V} --prompt a --image i --duration {seconds}"),
            b"",
        );
        assert_eq!(code(&o), 0, "{seconds}: {}", stdout(&o));
        assert_eq!(json_out(&o)["duration"], json!(seconds), "{seconds}");
    }
    // `request` writes it as a string: the default "5" (without --minimal) and a given "7".
    for (flags, seconds) in [("--duration 5", "5"), ("--duration 7 --minimal", "7")] {
        let o = cli(
            &format!("request --model {VIDU_I2V} --prompt a --image i {flags}"),
            b"",
        );
        assert_eq!(code(&o), 0, "{flags}: {}", stdout(&o));
        assert_eq!(json_out(&o)["args"]["duration"], json!(seconds), "{flags}");
    }
    for (seconds, code_name) in [
        ("0", "out_of_range"),
        ("11", "out_of_range"),
        ("05", "invalid_value"),
        ("5.0", "invalid_value"),
    ] {
        let errors = rejected(&cli(
            &format!("check --model {VIDU_I2V} --prompt a --image i --duration {seconds}"),
            b"",
        ));
        assert_eq!(
            paths_and_codes(&errors),
            [("/duration", code_name)],
            "{seconds}"
        );
        assert!(
            errors[0].2.contains(r#"from "1" to "10""#),
            "{seconds}: {errors:?}"
        );
    }
    let errors = rejected(&run(
        &[
            "check",
            "--json",
            &vidu_i2v_body(json!({"duration": 5})).to_string(),
        ],
        b"",
    ));
    assert_eq!(paths_and_codes(&errors), [("/args/duration", "wrong_type")]);
}

/// `models` gives each model's conditional requirements: for Vidu Q2 image-to-video exactly
/// the one its page states (the field it requires under `require`, the values that require it
/// under `when`), for every PixVerse model (and every other) none.
#[test]
fn models_json_gives_the_conditional_requirements() {
    let models = json_out(&cli("models", b""));
    assert_eq!(
        model_entry(&models, VIDU_I2V)["requirements"],
        json!([{
            "id": "voice_id_with_audio",
            "message": "voice_id is required when generate_audio is true",
            "when": {"generate_audio": true},
            "require": "voice_id",
        }])
    );
    for id in [T2V_55, I2V_55, TRANSITION_55, T2V_60, I2V_60, TRANSITION_60] {
        assert_eq!(model_entry(&models, id)["requirements"], json!([]), "{id}");
    }
    // Kling 3.0 text-to-video's three, in page order: the prompt "cannot be empty when
    // `multi_shot` is false OR when `shot_type` is 'intelligence'" (two requirements of one
    // field), and the shots when `shot_type` is 'customize'.
    assert_eq!(
        model_entry(&models, KLING_30_T2V)["requirements"],
        json!([
            {
                "id": "prompt_for_a_single_shot",
                "message": "prompt is required when multi_shot is false",
                "when": {"multi_shot": false},
                "require": "prompt",
            },
            {
                "id": "prompt_for_intelligent_shots",
                "message": "prompt is required when shot_type is intelligence",
                "when": {"shot_type": "intelligence"},
                "require": "prompt",
            },
            {
                "id": "shots_for_customize",
                "message": "multi_prompt is required when shot_type is customize",
                "when": {"shot_type": "customize"},
                "require": "multi_prompt",
            },
        ])
    );
    for (id, _) in MODELS
        .iter()
        .filter(|(id, _)| *id != VIDU_I2V && *id != KLING_30_T2V)
    {
        assert_eq!(model_entry(&models, id)["requirements"], json!([]), "{id}");
    }
}

/// For people, `models --format text` says the requirements under their page's section, after
/// its rules and before its price, a line each: Vidu Q2 image-to-video's `requires: voice_id
/// when generate_audio = true`, and Kling 3.0 text-to-video's three in page order (the prompt
/// when `multi_shot` is false, the prompt when `shot_type` is 'intelligence', the shots when it
/// is 'customize'); no other section has a `requires:` line.
#[test]
fn models_text_says_the_conditional_requirement() {
    let o = cli("models --format text", b"");
    assert_eq!(code(&o), 0);
    let text = stdout(&o);
    let section_of = |id: &str| {
        text.split("\n\n")
            .find(|s| s.split_whitespace().next() == Some(id))
            .unwrap_or_else(|| panic!("no section for {id}:\n{text}"))
    };
    let section = section_of(VIDU_I2V);
    let lines: Vec<&str> = section.lines().collect();
    let at = |line: &str| {
        lines
            .iter()
            .position(|l| *l == line)
            .unwrap_or_else(|| panic!("no line {line:?}:\n{section}"))
    };
    let requires = at("  requires: voice_id when generate_audio = true");
    let rule = at("    no_540p_in_pro_fast: 540p is not supported in pro-fast mode (mode = \"pro-fast\", resolution = \"540p\")");
    let price = lines
        .iter()
        .position(|l| l.starts_with("  price: "))
        .unwrap();
    assert!(rule < requires && requires < price, "{section}");
    assert_eq!(
        lines.iter().filter(|l| l.contains("requires")).count(),
        1,
        "{section}"
    );
    // Kling 3.0 text-to-video: no rule, then its three requirements in page order, then its
    // price.
    let kling = section_of(KLING_30_T2V);
    let lines: Vec<&str> = kling.lines().collect();
    let at = |line: &str| {
        lines
            .iter()
            .position(|l| *l == line)
            .unwrap_or_else(|| panic!("no line {line:?}:\n{kling}"))
    };
    let rules = at("  rules: none");
    let single = at("  requires: prompt when multi_shot = false");
    let intelligence = at("  requires: prompt when shot_type = \"intelligence\"");
    let customize = at("  requires: multi_prompt when shot_type = \"customize\"");
    let price = lines
        .iter()
        .position(|l| l.starts_with("  price: "))
        .unwrap();
    assert!(
        rules < single && single < intelligence && intelligence < customize && customize < price,
        "{kling}"
    );
    assert_eq!(
        lines
            .iter()
            .filter(|l| l.starts_with("  requires: "))
            .count(),
        3,
        "{kling}"
    );
    let requiring: Vec<&str> = text
        .split("\n\n")
        .filter(|s| s.lines().any(|l| l.starts_with("  requires: ")))
        .map(|s| s.split_whitespace().next().unwrap())
        .collect();
    // In the CLI's order of models.
    assert_eq!(requiring, [KLING_30_T2V, VIDU_I2V]);
}

// ---------------------------------------------------------------------------------------------
// Wan 2.6 text-to-image: two integers bounded together

/// Wan 2.6 text-to-image's width and height, each "range `640` to `2880`" with no default,
/// are bounded together (facts file: "total pixels (width × height) between 1280 × 1280 and
/// 1440 × 1440; aspect ratio within 1:4 to 4:1": an int in range can still be invalid), both
/// bounds included: `quote` and `check` from flags accept a size within them (priced at "$0.026
/// per image" whatever the size) and refuse one outside with one `product_out_of_range` or
/// `ratio_out_of_range` at the later option, `/height` (`/args/height` in a body), whose message
/// is the spec's followed by the values given. The relations are judged only when both options
/// are given, and not beside a refused value. `models` (json and text) and the args JSON Schema
/// (`x-shortapi-relations`, both dialects) give the two relations for this model alone.
#[test]
fn wan_2_6_text_to_image_bounds_width_times_height_and_their_ratio() {
    let (pixels, pixels_message, _, fewest, most) = WAN_T2I_PIXELS;
    let (ratio, ratio_message, _, least, greatest) = WAN_T2I_RATIO;
    // The page's bounds, by hand: 1280 × 1280 and 1440 × 1440 pixels.
    assert_eq!((1280 * 1280, 1440 * 1440), (fewest, most));
    assert_eq!((fewest, most), (1_638_400, 2_073_600));
    // Accepted: `(flags, num_images, amount, width, height)`, `None` for an option not given
    // (not said back).
    for (extra, images, amount, width, height) in [
        // 1280 × 1280 = 1638400, the fewest pixels, at 1:1; 0.026 × 3.
        (
            "--num-images 3 --width 1280 --height 1280",
            3,
            "0.078",
            Some(1280),
            Some(1280),
        ),
        // 1440 × 1440 = 2073600, the most, at 1:1; 0.026 × 1.
        (
            "--width 1440 --height 1440",
            1,
            "0.026",
            Some(1440),
            Some(1440),
        ),
        // 2880 × 720 = 2073600 at 2880 : 720 = 4:1, both at their bound; 0.026 × 1.
        (
            "--width 2880 --height 720",
            1,
            "0.026",
            Some(2880),
            Some(720),
        ),
        // 720 × 2880 = 2073600 at 1:4; 0.026 × 2.
        (
            "--num-images 2 --width 720 --height 2880",
            2,
            "0.052",
            Some(720),
            Some(2880),
        ),
        // One alone: nothing to judge it with (1500 × 1500 would be 2250000); 0.026 × 1.
        ("--width 1500", 1, "0.026", Some(1500), None),
        // 0.026 × 4.
        ("--num-images 4 --height 640", 4, "0.104", None, Some(640)),
        // Neither: the API picks the size; 0.026 × 1.
        ("", 1, "0.026", None, None),
    ] {
        let command = format!("quote --model {WAN_T2I} --prompt p {extra}");
        let o = cli(&command, b"");
        assert_eq!(code(&o), 0, "{command}: {}", stdout(&o));
        let q = json_out(&o);
        assert_eq!(
            (&q["model"], &q["amount"], &q["currency"], &q["num_images"]),
            (
                &json!(WAN_T2I),
                &json!(amount),
                &json!("USD"),
                &json!(images)
            ),
            "{command}: {q}"
        );
        assert_eq!(
            q.get("width"),
            width.map(|w| json!(w)).as_ref(),
            "{command}"
        );
        assert_eq!(
            q.get("height"),
            height.map(|h| json!(h)).as_ref(),
            "{command}"
        );
        assert_eq!(
            dec("0.026") * Decimal::from(images),
            dec(amount),
            "{command}"
        );
        let command = format!("check --model {WAN_T2I} --prompt p {extra}");
        let o = cli(&command, b"");
        assert_eq!(code(&o), 0, "{command}: {}", stdout(&o));
        let c = json_out(&o);
        assert_eq!(c["valid"], true, "{command}: {c}");
        assert!(c.get("amount").is_none(), "{command}: {c}");
    }
    // Refused: `(flags, errors as (path, code))`, the same by `quote` and `check`.
    for (extra, errors) in [
        // 1279 × 1280 = 1637120 < 1638400 (1:1 near enough: 1279:1280).
        (
            "--width 1279 --height 1280",
            [("/height", "product_out_of_range")],
        ),
        // 1441 × 1440 = 2075040 > 2073600.
        (
            "--width 1441 --height 1440",
            [("/height", "product_out_of_range")],
        ),
        // 2880 × 640 = 1843200 pixels, within; 2880 : 640 = 9:2 > 4:1.
        (
            "--width 2880 --height 640",
            [("/height", "ratio_out_of_range")],
        ),
        // 640 × 2880 = 1843200, within; 640 : 2880 = 2:9 < 1:4.
        (
            "--width 640 --height 2880",
            [("/height", "ratio_out_of_range")],
        ),
        // 640 × 640 = 409600 < 1638400; 1:1 is within 1:4 to 4:1, so the product alone.
        (
            "--width 640 --height 640",
            [("/height", "product_out_of_range")],
        ),
        // 3000 > 2880: the width alone is refused (3000 × 1280 = 3840000 is not judged).
        ("--width 3000 --height 1280", [("/width", "out_of_range")]),
    ] {
        for sub in ["quote", "check"] {
            let command = format!("{sub} --model {WAN_T2I} --prompt p {extra}");
            let got = rejected(&cli(&command, b""));
            assert_eq!(paths_and_codes(&got), errors, "{command}: {got:?}");
        }
    }
    // The messages: the spec's, then the values given and what they make.
    let command = format!("check --model {WAN_T2I} --prompt p --width 1279 --height 1280");
    let got = rejected(&cli(&command, b""));
    assert_eq!(
        got[0].2,
        "width × height is from 1280 × 1280 to 1440 × 1440 pixels: width 1279 × height 1280 is 1637120"
    );
    assert!(got[0].2.starts_with(pixels_message), "{}", got[0].2);
    let command = format!("quote --model {WAN_T2I} --prompt p --width 2880 --height 640");
    let got = rejected(&cli(&command, b""));
    assert_eq!(
        got[0].2,
        "width : height is from 1:4 to 4:1: width 2880 : height 640 is 9:2"
    );
    assert!(got[0].2.starts_with(ratio_message), "{}", got[0].2);
    // The width out of its range says its range.
    let command = format!("check --model {WAN_T2I} --prompt p --width 3000 --height 1280");
    let got = rejected(&cli(&command, b""));
    assert!(got[0].2.contains("from 640 to 2880"), "{got:?}");
    // In a body, at `/args/height`, in whichever order the body gives them: 1000 × 1000 =
    // 1000000 < 1638400.
    for args in [
        json!({"prompt": "p", "width": 1000, "height": 1000}),
        json!({"height": 1000, "width": 1000, "prompt": "p"}),
    ] {
        let body = json!({"model": WAN_T2I, "args": args}).to_string();
        for sub in ["quote", "check"] {
            let got = rejected(&run(&[sub, "--json", &body], b""));
            assert_eq!(
                got,
                [(
                    "/args/height".to_owned(),
                    "product_out_of_range".to_owned(),
                    format!("{pixels_message}: width 1000 × height 1000 is 1000000"),
                )],
                "{sub} {body}"
            );
        }
    }
    // `models --format text`: the two relation lines, in this model's section alone.
    let text = stdout(&cli("models --format text", b""));
    let relation_lines: Vec<(&str, &str)> = text
        .split("\n\n")
        .flat_map(|section| {
            let id = section.split_whitespace().next().unwrap();
            section
                .lines()
                .filter(|l| l.contains("relation"))
                .map(move |l| (id, l))
        })
        .collect();
    assert_eq!(
        relation_lines,
        [
            (
                WAN_T2I,
                "  relation: width × height from 1638400 to 2073600 (pixels_from_1280x1280_to_1440x1440)"
            ),
            (
                WAN_T2I,
                "  relation: width : height from 1:4 to 4:1 (aspect_ratio_from_1_4_to_4_1)"
            ),
        ]
    );
    // `models`: the two relation objects for this model, `[]` for every other.
    let expected = json!([
        {
            "id": "pixels_from_1280x1280_to_1440x1440",
            "message": "width × height is from 1280 × 1280 to 1440 × 1440 pixels",
            "product": ["width", "height"],
            "minimum": 1_638_400,
            "maximum": 2_073_600,
        },
        {
            "id": "aspect_ratio_from_1_4_to_4_1",
            "message": "width : height is from 1:4 to 4:1",
            "ratio": ["width", "height"],
            "minimum": "1:4",
            "maximum": "4:1",
        },
    ]);
    assert_eq!(expected, relations_of(WAN_T2I));
    assert_eq!(
        (pixels, ratio, least, greatest),
        (
            "pixels_from_1280x1280_to_1440x1440",
            "aspect_ratio_from_1_4_to_4_1",
            "1:4",
            "4:1"
        )
    );
    let models = json_out(&cli("models", b""));
    for (id, _) in MODELS {
        let relations = &model_entry(&models, id)["relations"];
        if id == WAN_T2I {
            assert_eq!(relations, &expected, "{id}");
        } else {
            assert_eq!(relations, &json!([]), "{id}");
        }
    }
    // The args JSON Schema carries them as `x-shortapi-relations`, in both dialects; no other
    // model's has the keyword.
    for (id, _) in MODELS {
        for dialect in ["2020-12", "openapi3"] {
            let command = format!("schema --target args --model {id} --dialect {dialect}");
            let schema = args_schema(id, dialect);
            let keyword = schema.get("x-shortapi-relations");
            if id == WAN_T2I {
                assert_eq!(keyword, Some(&expected), "{command}");
            } else {
                assert_eq!(keyword, None, "{command}");
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// schema

/// A schema file of tests/schemas/ (kept by tests/schema.rs).
fn snapshot(file: &str) -> String {
    let path = format!("{}/tests/schemas/{file}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!("{path}: {e} (tests/schema.rs keeps the snapshots: UPDATE_SNAPSHOTS=1)")
    })
}

#[test]
fn schema_args_for_every_model_in_both_dialects() {
    for (id, options) in MODELS {
        // The spec file's name: the id after its vendor, `/` as `-`.
        let file_id = id.split_once('/').unwrap().1.replace('/', "-");
        for (flag, dialect) in [("", "2020-12"), ("--dialect openapi3", "openapi3")] {
            let command = format!("schema --target args --model {id} {flag}");
            let o = cli(&command, b"");
            assert_eq!(code(&o), 0, "{command}");
            let schema = json_out(&o);
            let properties: Vec<&str> = schema["properties"]
                .as_object()
                .unwrap()
                .keys()
                .map(String::as_str)
                .collect();
            let mut expected = options.to_vec();
            expected.sort_unstable();
            assert_eq!(properties, expected, "{id}");
            // A cut page's args admit a field it does not document; a whole page's do not.
            assert_eq!(
                schema["additionalProperties"],
                CUT_PAGES.contains(&id),
                "{id}"
            );
            // Free text and the values without a default, in page order; Midjourney's
            // negative prompt is not required, nor Kling 3.0's prompt (required only under its
            // conditions: the schema's `not`), so Kling 3.0's args require nothing and have no
            // `required`.
            let required: Vec<&str> = options
                .iter()
                .copied()
                .filter(|o| is_required(id, o))
                .collect();
            if required.is_empty() {
                assert_eq!(id, KLING_30_T2V);
                assert_eq!(schema.get("required"), None, "{id}");
            } else {
                assert_eq!(schema["required"], json!(required), "{id}");
            }
            let draft =
                (dialect == "2020-12").then_some("https://json-schema.org/draft/2020-12/schema");
            assert_eq!(schema.get("$schema").and_then(Value::as_str), draft);
            assert_eq!(
                stdout(&o),
                snapshot(&format!("args.{file_id}.{dialect}.json")),
                "{command}"
            );
        }
    }
}

#[test]
fn schema_request_is_one_branch_per_model() {
    let o = cli("schema", b"");
    assert_eq!(code(&o), 0);
    let request_2020_12 = stdout(&o);
    let schema = json_out(&o);
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    let branches = schema["oneOf"].as_array().unwrap();
    assert_eq!(branches.len(), MODELS.len());
    for (id, options) in MODELS {
        let branch = branches
            .iter()
            .find(|b| b["properties"]["model"]["const"] == id)
            .unwrap_or_else(|| panic!("no branch for {id}"));
        assert_eq!(branch["required"], json!(["model", "args"]));
        // The body is closed; a cut page's args are not.
        assert_eq!(branch["additionalProperties"], false, "{id}");
        assert_eq!(
            branch["properties"]["args"]["additionalProperties"],
            CUT_PAGES.contains(&id),
            "{id}"
        );
        let args: BTreeSet<&str> = branch["properties"]["args"]["properties"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(args, options.iter().copied().collect(), "{id}");
    }
    // OpenAPI: a discriminator on model, mapping every id to a component in the oneOf.
    let o = cli("schema --target request --dialect openapi3", b"");
    assert_eq!(code(&o), 0);
    let request_openapi3 = stdout(&o);
    let schema = json_out(&o);
    assert_eq!(schema["discriminator"]["propertyName"], "model");
    let mapping = schema["discriminator"]["mapping"].as_object().unwrap();
    assert_eq!(mapping.len(), MODELS.len());
    let refs: Vec<&Value> = schema["oneOf"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| &b["$ref"])
        .collect();
    for (id, _) in MODELS {
        let target = &mapping[id];
        assert!(target
            .as_str()
            .unwrap()
            .starts_with("#/components/schemas/"));
        assert!(refs.contains(&target), "{id}: {target} not in oneOf");
    }
    assert_eq!(request_2020_12, snapshot("request.2020-12.json"));
    assert_eq!(request_openapi3, snapshot("request.openapi3.json"));
}

#[test]
fn schema_response_in_both_dialects() {
    for (command, file) in [
        ("schema --target response", "response.2020-12.json"),
        (
            "schema --target response --dialect openapi3",
            "response.openapi3.json",
        ),
    ] {
        let o = cli(command, b"");
        assert_eq!(code(&o), 0);
        assert_eq!(stdout(&o), snapshot(file), "{command}");
        let schema = json_out(&o);
        assert_eq!(schema["required"], json!(["code"]));
        assert_eq!(
            schema["properties"]["data"]["required"],
            json!(["amount", "job_id"])
        );
    }
}

#[test]
fn schema_errors_exit_2_naming_what_is_allowed() {
    let message = usage_error(&["schema", "--target", "args"]);
    assert!(message.contains("--model ID"), "{message}");
    for (id, _) in MODELS {
        assert!(message.contains(&format!("{id:?}")), "{message}");
    }
    assert_eq!(
        usage_error(&["schema", "--dialect", "x"]),
        "error: unknown schema dialect \"x\"; allowed: \"2020-12\", \"openapi3\"\n"
    );
    assert_eq!(
        usage_error(&["schema", "--target", "foo"]),
        "error: unknown schema target \"foo\"; allowed: \"args\", \"request\", \"response\"\n"
    );
}

/// HappyHorse's integer duration from a flag: a whole number however it is written, as in a
/// body; out of range or not whole, a rejected request with the range.
#[test]
fn an_integer_flag_takes_a_whole_number_however_it_is_written() {
    for (flag, amount) in [
        ("12", "2.748"),
        ("12.0", "2.748"),
        ("1.2e1", "2.748"),
        ("3", "0.687"),
    ] {
        let o = run(&["quote", "--model", HAPPYHORSE, "--duration", flag], b"");
        assert_eq!(code(&o), 0, "{flag}: {}", stderr(&o));
        let q = json_out(&o);
        assert_eq!(q["amount"], amount, "{flag}"); // 0.229 × seconds at the default 1080P
        assert!(
            q["duration"].is_i64(),
            "{flag}: written back as an integer: {q}"
        );
    }
    for (flag, code_name) in [
        ("16", "out_of_range"),
        ("2.0", "out_of_range"),
        ("7.5", "wrong_type"),
        ("seven", "wrong_type"),
    ] {
        let o = run(&["quote", "--model", HAPPYHORSE, "--duration", flag], b"");
        assert_eq!(code(&o), 1, "{flag}");
        let e = &json_out(&o)["errors"][0];
        assert_eq!(
            (e["path"].as_str(), e["code"].as_str()),
            (Some("/duration"), Some(code_name)),
            "{flag}"
        );
        assert!(
            e["message"].as_str().unwrap().contains("from 3 to 15"),
            "{e}"
        );
    }
}
