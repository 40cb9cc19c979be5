//! The generator (the crate in codegen/, which build.rs calls): golden output for a spec
//! using the forms the catalog does not, determinism and file-name order, rustfmt layout, and one
//! test per class of bad spec, each checking the message and its `spec/models/FILE.toml:LINE:COL`.

use shortapi_pricing_codegen as codegen;
use shortapi_pricing_codegen::id_index;

use std::path::Path;

const SPEC_DIR: &str = "spec/models";
const EXTENDED_SPEC: &str = "tests/fixtures/extended_model.toml";
const EXTENDED_GOLDEN: &str = "tests/fixtures/extended_model.rs";

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

/// The real spec files, as build.rs finds them: `(spec/models/NAME.toml, source)`, sorted.
fn catalog() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(SPEC_DIR);
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".toml"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|n| {
            let path = format!("{SPEC_DIR}/{n}");
            let source = read(&path);
            (path, source)
        })
        .collect()
}

/// Compares generated code with a checked-in golden file; `UPDATE_GOLDEN=1` rewrites it.
fn assert_golden(generated: &str, golden: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(golden);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, generated).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap();
    assert!(
        generated == expected,
        "{golden} differs from the generator's output; review the change and rerun with UPDATE_GOLDEN=1"
    );
}

/// The generated files for `files`, which must be valid.
fn generate(files: &[(String, String)]) -> Vec<(String, String)> {
    codegen::generate(files).unwrap_or_else(|d| panic!("{d}"))
}

#[test]
fn the_extended_spec_generates_the_golden_file() {
    let files = generate(&[(EXTENDED_SPEC.to_owned(), read(EXTENDED_SPEC))]);
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["acme_video_2_text_to_video.rs", "models.rs"]);
    let code = &files[0].1;
    assert_golden(code, EXTENDED_GOLDEN);
    // What the spec says reaches the code with no Rust edit.
    // Wire values in capitals stay in capitals.
    assert!(code.contains("pub const WIRE: [&'static str; 3] = [\"480P\", \"720P\", \"1080P\"];"));
    // Integer options become range-checked newtypes.
    assert!(code.contains("pub struct Seconds("), "{code}");
    assert!(code.contains("pub struct Seed("), "{code}");
    // The optional free text is in the options table, not required.
    assert!(code.contains("name: \"negative_prompt\""));
    assert!(code.contains("required: false"));
    let catalog = &files[1].1;
    assert!(
        catalog.contains("pub const MAX_OPTIONS: usize = 7;"),
        "{catalog}"
    );
    assert!(
        catalog.contains("    AcmeVideo2TextToVideo,\n"),
        "{catalog}"
    );
    assert!(
        catalog.contains("pub mod acme_video_2_text_to_video {"),
        "{catalog}"
    );
}

/// The fixtures of the price forms beyond cells and a rate per second of one option, each with
/// its golden module: a rate per item, a page that gives no price, and (in one spec) a rate
/// shared by two values, a rate per measured quantity plus an option, and an unpriced cell;
/// the option forms beyond an enum, bool or integer with a default; the relations of two
/// integers (a product, a ratio); and the forbidden combinations in every form of condition.
const FORM_FIXTURES: [(&str, &str, &str); 6] = [
    (
        "tests/fixtures/per_item.toml",
        "tests/fixtures/per_item.rs",
        "acme_image_text_to_image.rs",
    ),
    (
        "tests/fixtures/price_forms.toml",
        "tests/fixtures/price_forms.rs",
        "acme_edit_video_to_video.rs",
    ),
    (
        "tests/fixtures/unpriced.toml",
        "tests/fixtures/unpriced.rs",
        "acme_clip_text_to_video.rs",
    ),
    (
        "tests/fixtures/option_forms.toml",
        "tests/fixtures/option_forms.rs",
        "acme_picture_text_to_image.rs",
    ),
    (
        "tests/fixtures/relations.toml",
        "tests/fixtures/relations.rs",
        "acme_canvas_text_to_image.rs",
    ),
    (
        "tests/fixtures/rules.toml",
        "tests/fixtures/rules.rs",
        "acme_sketch_text_to_image.rs",
    ),
];

#[test]
fn each_price_form_fixture_generates_its_golden_file() {
    for (spec, golden, module) in FORM_FIXTURES {
        let files = generate(&[(spec.to_owned(), read(spec))]);
        assert_eq!(files[0].0, module);
        assert_golden(&files[0].1, golden);
    }
    let code = |spec: &str| generate(&[(spec.to_owned(), read(spec))])[0].1.clone();
    // Per item: the rate times the integer count, at run time.
    let per_item = code(FORM_FIXTURES[0].0);
    assert!(per_item.contains("Ok(rate) => Ok(crate::spec::times(rate, self.num_images.get())),"));
    assert!(per_item.contains("unit: \"image\","));
    // A shared rate is one documented figure, a cell for each value it names.
    let forms = code(FORM_FIXTURES[1].0);
    assert!(
        forms.contains("Resolution::P720 => Ok(PRICE_0_05),"),
        "{forms}"
    );
    assert!(
        forms.contains("Resolution::P1080 => Ok(PRICE_0_05),"),
        "{forms}"
    );
    assert_eq!(forms.matches("const PRICE_0_05: Decimal").count(), 1);
    // The unclear cell keeps its reason; the measured quantity its range, and a typed
    // `Measured` that `quote` cannot be called without.
    assert!(
        forms.contains("Resolution::K4 => Err(NoPrice::Unpriced(UNPRICED_0)),"),
        "{forms}"
    );
    assert!(
        forms.contains(
            "const UNPRICED_0: &str = \"the page says 4k is \\\"priced on request\\\"\";"
        ),
        "{forms}"
    );
    assert!(
        forms.contains("pub fn quote(&self, measured: Measured) -> Result<Quote, QuoteError> {")
    );
    // The quantity is checked when a `Measured` is made, so a quote multiplies without a check.
    assert!(
        forms.contains("    input_video_seconds: Decimal,"),
        "{forms}"
    );
    assert!(
        forms.contains("let input_video_seconds = QUANTITIES[0].check(input_video_seconds)?;"),
        "{forms}"
    );
    assert!(
        forms.contains("let Some(units) = Units::sum([input_video_seconds]) else {")
            && forms.contains("let amount = measured.units.price(rate, wholes);"),
        "{forms}"
    );
    assert!(
        forms.contains("terms: &[Term::Quantity(0), Term::Option(2)],"),
        "{forms}"
    );
    assert!(forms.contains("cut_after: Some(\"duration\"),"));
    // A page with no price: one unpriced cell, no dimension.
    let unpriced = code(FORM_FIXTURES[2].0);
    assert!(
        unpriced.contains("0 => Err(NoPrice::Unpriced(UNPRICED_0)),")
            || unpriced.contains("Err(NoPrice::Unpriced(UNPRICED_0))"),
        "{unpriced}"
    );
    // Options with no default: an `Option` field, left out (`ABSENT`) until given; a rule on
    // them holds only when they are given; an integer of listed values takes only those.
    let options = code(FORM_FIXTURES[3].0);
    for field in [
        "pub aspect_ratio: Option<AspectRatio>,",
        "pub style: Option<Style>,",
        "pub hdr: Option<bool>,",
        "pub seed: Option<Seed>,",
        "pub num_images: NumImages,",
        "if !matches!(value, 1 | 2 | 4) {",
        "pub const VALUES: [i64; 3] = [1, 2, 4];",
        "None => ABSENT,",
        "0 => matches!(self.style, Some(Style::Anime)) && matches!(self.hdr, Some(true)),",
    ] {
        assert!(options.contains(field), "{field}\n{options}");
    }
    assert!(!options.contains("impl ::core::default::Default for AspectRatio"));
    // The four together make one catalog, laid out as rustfmt would.
    let files: Vec<(String, String)> = FORM_FIXTURES
        .iter()
        .map(|(spec, _, _)| ((*spec).to_owned(), read(spec)))
        .collect();
    let generated = generate(&files);
    let catalog = &generated.last().unwrap().1;
    assert!(
        catalog.contains("pub const MAX_QUANTITIES: usize = 1;"),
        "{catalog}"
    );
    assert!(
        catalog.contains("$callback!(acme_edit_video_to_video, AcmeEditVideoToVideo, measured);"),
        "{catalog}"
    );
    assert!(
        catalog.contains("$callback!(acme_image_text_to_image, AcmeImageTextToImage, exact);"),
        "{catalog}"
    );
    let formatted = rustfmt_all("forms", &generated);
    for ((name, code), formatted) in generated.iter().zip(formatted) {
        assert_eq!(code, &formatted, "{name} is not laid out as rustfmt would");
    }
}

#[test]
fn output_is_deterministic_and_headed() {
    let mut all = catalog();
    all.push((EXTENDED_SPEC.to_owned(), read(EXTENDED_SPEC)));
    let first = generate(&all);
    for _ in 0..3 {
        assert_eq!(generate(&all), first);
    }
    // One module file per spec, then the catalog file.
    assert_eq!(first.len(), all.len() + 1);
    for (name, code) in &first {
        assert!(
            code.starts_with("// @generated by shortapi-pricing's build script"),
            "{name}"
        );
    }
}

/// build.rs reads the files sorted by name, so `Model::ALL` is in file-name order whatever
/// order the directory lists them in.
#[test]
fn models_are_in_file_name_order() {
    let files = catalog();
    let ids: Vec<String> = files
        .iter()
        .map(|(origin, source)| codegen::read(source, origin).unwrap().model.id)
        .collect();
    assert_eq!(shortapi_pricing::Model::IDS.to_vec(), ids);
    // The catalog file lists the modules in the order given.
    let generated = generate(&files);
    let catalog_code = &generated.last().unwrap().1;
    let mut at = 0;
    for id in &ids {
        let module = codegen::module_name(id);
        let found = catalog_code[at..]
            .find(&format!("pub mod {module} {{"))
            .unwrap_or_else(|| panic!("{module} out of order"));
        at += found + 1;
    }
}

/// `files` as rustfmt writes them, formatted in one run in a scratch directory `dir`.
fn rustfmt_all(dir: &str, files: &[(String, String)]) -> Vec<String> {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(dir);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let paths: Vec<_> = files
        .iter()
        .map(|(name, code)| {
            let path = dir.join(name);
            std::fs::write(&path, code).unwrap();
            path
        })
        .collect();
    let out = std::process::Command::new("rustfmt")
        .args(["--edition", "2021", "--color", "never"])
        .args(&paths)
        .output()
        .expect("rustfmt runs (rustup component add rustfmt)");
    assert!(
        out.status.success(),
        "rustfmt could not read the code:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

#[test]
fn output_is_laid_out_as_rustfmt_would() {
    let mut all = catalog();
    all.push((EXTENDED_SPEC.to_owned(), read(EXTENDED_SPEC)));
    let generated = generate(&all);
    let formatted = rustfmt_all("codegen_rustfmt", &generated);
    let mut differ = Vec::new();
    for ((name, ours), theirs) in generated.iter().zip(&formatted) {
        if ours != theirs {
            let (k, (a, b)) = ours
                .lines()
                .zip(theirs.lines())
                .enumerate()
                .find(|(_, (a, b))| a != b)
                .unwrap_or((ours.lines().count().min(theirs.lines().count()), ("", "")));
            differ.push(format!(
                "rustfmt would change {name} from line {}:\n  ours:    {a}\n  rustfmt: {b}",
                k + 1
            ));
        }
    }
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}

/// The lines of `code` from the one containing `start` to the first after it that is `end`.
fn block<'c>(code: &'c str, start: &str, end: &str) -> Vec<&'c str> {
    let lines: Vec<&str> = code.lines().collect();
    let Some(first) = lines.iter().position(|l| l.contains(start)) else {
        return Vec::new();
    };
    let last = lines[first..]
        .iter()
        .position(|l| *l == end)
        .map_or(lines.len(), |k| first + k + 1);
    lines[first..last].to_vec()
}

/// The generator lays out the price lookup (`match (a, b) {`, the `PRICES[…]` index, with and
/// without a rate to multiply) by counting columns as rustfmt does. Option names of every
/// length from 1 to 54 move those lines across rustfmt's limits one column at a time. Longer,
/// one term of the index fills a line and rustfmt breaks inside it, which the generator does
/// not: up to 80, the code is checked to be valid (rustfmt reads it), not laid out alike.
#[test]
fn the_price_lookup_is_laid_out_as_rustfmt_would_for_names_up_to_54_characters() {
    // Priced per second by resolution and clip (the rule forbids 1080P with a 10 s clip).
    let two_dims = edit_of(
        &edit_per(
            "dimensions = [\"resolution\"]",
            "dimensions = [\"resolution\", \"clip\"]",
        ),
        "  { resolution = \"720P\", rate = \"0.05\" },\n  { resolution = \"1080P\", rate = \"0.09\" },",
        "  { resolution = \"720P\", clip = \"5\", rate = \"0.05\" },\n  { resolution = \"720P\", clip = \"10\", rate = \"0.06\" },\n  { resolution = \"1080P\", clip = \"5\", rate = \"0.09\" },",
    );
    let mut modules = Vec::new();
    for n in 1..=80 {
        let name = format!("r{}", "e".repeat(n - 1));
        for (kind, source) in [("cells", BASE), ("per", PER_UNIT), ("two", &two_dims)] {
            let source = source.replace("resolution", &name);
            let code = generate(&[(ORIGIN.to_owned(), source)]).swap_remove(0).1;
            modules.push((n, format!("{kind}_{n}.rs"), code));
        }
    }
    let files: Vec<(String, String)> = modules
        .iter()
        .map(|(_, file, code)| (file.clone(), code.clone()))
        .collect();
    let formatted = rustfmt_all("codegen_price_lookup", &files);
    let mut differ = Vec::new();
    let mut forms = [false; 5];
    for ((n, file, code), formatted) in modules.iter().zip(&formatted) {
        if *n > 54 {
            continue;
        }
        for (start, end) in [
            ("pub const fn price(", "    }"),
            ("const fn cell(", "    }"),
        ] {
            let (ours, theirs) = (block(code, start, end), block(formatted, start, end));
            assert!(!ours.is_empty(), "no {start} in:\n{code}");
            if ours != theirs {
                differ.push(format!(
                    "{file}: ours\n{}\nrustfmt's\n{}",
                    ours.join("\n"),
                    theirs.join("\n")
                ));
            }
        }
        for (k, form) in [
            "        match (\n",
            "        Self::PRICES\n",
            "        match Self::PRICES\n",
            " as usize]\n        {\n",
            " as usize * 2\n            + self.",
        ]
        .iter()
        .enumerate()
        {
            forms[k] |= code.contains(form);
        }
    }
    assert!(differ.is_empty(), "{}", differ.join("\n\n"));
    // Every form was written, for some length: the tuple one item a line; the index on a line
    // of its own, without and with a `match`; a `match` with its `{` alone; a term a line.
    assert_eq!(forms, [true; 5]);
}

/// The price constants of generated `code`: `(the decimal its doc names, the value it builds)`.
fn price_constants(code: &str) -> Vec<(String, rust_decimal::Decimal)> {
    let lines: Vec<&str> = code.lines().collect();
    let mut found = Vec::new();
    for pair in lines.windows(2) {
        let (Some(named), Some(parts)) = (
            pair[0]
                .strip_prefix("/// `")
                .and_then(|l| l.strip_suffix('`')),
            pair[1]
                .split_once("= Decimal::from_parts(")
                .and_then(|(_, p)| p.strip_suffix(");")),
        ) else {
            continue;
        };
        let parts: Vec<&str> = parts.split(", ").collect();
        let [lo, mid, hi, negative, scale] = parts[..] else {
            panic!("{}", pair[1]);
        };
        let value = rust_decimal::Decimal::from_parts(
            lo.parse().unwrap(),
            mid.parse().unwrap(),
            hi.parse().unwrap(),
            negative.parse().unwrap(),
            scale.parse().unwrap(),
        );
        found.push((named.to_owned(), value));
    }
    found
}

/// Every price constant the generator writes builds exactly the decimal its doc names, as
/// rust_decimal reads that text (digits and scale), for the catalog's prices and for ones that
/// use all 96 bits; an enum `per`'s amounts are its rates times the values' units.
#[test]
fn price_constants_are_the_decimals_they_name() {
    let big = edit_of(
        &edit_of(
            &edit(
                "price = \"0.10\"",
                "price = \"79228162514264337593543950335\"",
            ),
            "price = \"0.20\"",
            "price = \"123456789012.345678\"",
        ),
        "price = \"0.30\"",
        "price = \"0.0000000000000000000000000001\"",
    );
    // Priced per clip (5 or 10 units) at rates of one decimal: 0.5 and 0.9 a unit.
    let clip = edit_of(
        &edit_of(&per_clip(), "rate = \"0.05\"", "rate = \"0.5\""),
        "rate = \"0.09\"",
        "rate = \"0.9\"",
    );
    let mut all = catalog();
    all.push((EXTENDED_SPEC.to_owned(), read(EXTENDED_SPEC)));
    all.push(("spec/models/big.toml".to_owned(), big));
    all.push(("spec/models/clip.toml".to_owned(), clip));
    let generated = generate(&all);
    let mut count = 0;
    for (file, code) in &generated {
        for (named, value) in price_constants(code) {
            let exact = rust_decimal::Decimal::from_str_exact(&named).unwrap();
            assert_eq!((value, value.to_string()), (exact, named), "{file}");
            count += 1;
        }
    }
    assert!(count > 40, "{count} price constants");
    let names = |module: &str| -> Vec<String> {
        let code = &generated.iter().find(|(f, _)| f == module).unwrap().1;
        price_constants(code).into_iter().map(|(n, _)| n).collect()
    };
    assert_eq!(
        names("video_1_0.rs"),
        [
            "0.0000000000000000000000000001",
            "123456789012.345678",
            "79228162514264337593543950335"
        ]
    );
    // 720P: 0.5 × 5, 0.5 × 10; 1080P: 0.9 × 5, 0.9 × 10 (the rates themselves are in `CELLS`).
    assert_eq!(
        names("video_2.rs"),
        ["0.5", "0.9", "2.5", "4.5", "5.0", "9.0"]
    );
    let code = &generated.iter().find(|(f, _)| f == "video_2.rs").unwrap().1;
    assert!(
        code.contains("/// the compiler checks that it is complete. Each amount is a documented rate times\n    /// the units of the value, worked out exactly by the generator.\n"),
        "{code}"
    );
}

#[test]
fn module_and_variant_names_come_from_the_id() {
    for (id, module) in [
        (
            "pixverse/pixverse-5.5/text-to-video",
            "pixverse_5_5_text_to_video",
        ),
        (
            "pixverse/pixverse-6.0/transition",
            "pixverse_6_0_transition",
        ),
        (
            "acme/acme-video-2/text-to-video",
            "acme_video_2_text_to_video",
        ),
        ("acme/Video--X", "video_x"),
    ] {
        assert_eq!(codegen::module_name(id), module, "{id}");
    }
    let spec = codegen::read(BASE, ORIGIN).unwrap();
    assert_eq!(
        (spec.module.as_str(), spec.variant.as_str()),
        ("video_1_0", "Video10")
    );
}

// ---- bad specs -------------------------------------------------------------------------------

const ORIGIN: &str = "spec/models/acme-video.toml";

/// A small valid spec priced by cells; the tests below break one thing in it at a time.
/// Line numbers, for reading the expected positions, are in the right margin of the tests.
const BASE: &str = r#"[model]
id = "acme/video-1.0"
name = "Acme video"
category = "text-to-video"
kind = "inference"
currency = "USD"

[endpoints]
create = "https://example.com/create"
query = "https://example.com/query"

[[options]]
name = "prompt"
type = "string"
required = true
description = "Text prompt"

[[options]]
name = "resolution"
type = "enum"
rust = "Resolution"
description = "Output video resolution"
default = "720p"
values = [
  { wire = "720p", rust = "P720" },
  { wire = "1080p", rust = "P1080" },
]

[[options]]
name = "generate_audio"
type = "bool"
description = "Audio"
default = false

[[rules]]
id = "no_1080p_audio"
when = { resolution = "1080p", generate_audio = true }
message = "no audio at 1080p"

[pricing]
dimensions = ["resolution", "generate_audio"]
cells = [
  { resolution = "720p", generate_audio = false, price = "0.10" },
  { resolution = "720p", generate_audio = true, price = "0.20" },
  { resolution = "1080p", generate_audio = false, price = "0.30" },
]
"#;

/// A small valid spec priced per second of an integer duration, with an optional free text and
/// an enum duration alternative (`clip`) whose values give `units`.
const PER_UNIT: &str = r#"[model]
id = "acme/video-2"
name = "Acme video 2"
category = "text-to-video"
kind = "inference"
currency = "USD"

[endpoints]
create = "https://example.com/create"
query = "https://example.com/query"

[[options]]
name = "prompt"
type = "string"
required = false
description = "Text prompt"

[[options]]
name = "duration"
type = "integer"
rust = "Seconds"
description = "Seconds"
minimum = 3
maximum = 15
default = 5

[[options]]
name = "clip"
type = "enum"
rust = "Clip"
description = "A clip length"
default = "5"
values = [
  { wire = "5", rust = "S5", units = 5 },
  { wire = "10", rust = "S10", units = 10 },
]

[[options]]
name = "resolution"
type = "enum"
rust = "Resolution"
description = "Output video resolution"
default = "720P"
values = [
  { wire = "720P", rust = "P720" },
  { wire = "1080P", rust = "P1080" },
]

[[rules]]
id = "no_1080p_clip_10"
when = { resolution = "1080P", clip = "10" }
message = "no 1080P 10 s clips"

[pricing]
dimensions = ["resolution"]
per = "duration"
unit = "second"
rates = [
  { resolution = "720P", rate = "0.05" },
  { resolution = "1080P", rate = "0.09" },
]
"#;

/// `base` with `from` replaced by `to` (which must occur exactly once).
fn edit_of(base: &str, from: &str, to: &str) -> String {
    assert_eq!(
        base.matches(from).count(),
        1,
        "{from:?} must occur once in the base spec"
    );
    base.replacen(from, to, 1)
}

fn edit(from: &str, to: &str) -> String {
    edit_of(BASE, from, to)
}

fn edit_per(from: &str, to: &str) -> String {
    edit_of(PER_UNIT, from, to)
}

/// [`PER_UNIT`] priced per clip (an enum whose values give `units`) instead of per second, without
/// its rule (which names the clip, now no dimension).
fn per_clip() -> String {
    edit_of(
        &edit_per("per = \"duration\"", "per = \"clip\""),
        "[[rules]]\nid = \"no_1080p_clip_10\"\nwhen = { resolution = \"1080P\", clip = \"10\" }\nmessage = \"no 1080P 10 s clips\"\n",
        "",
    )
}

/// The diagnostics for `source`, one `spec/models/acme-video.toml:L:C: message` string each.
fn problems(source: &str) -> Vec<String> {
    match codegen::read(source, ORIGIN) {
        Ok(_) => Vec::new(),
        Err(d) => lines_of(&d),
    }
}

/// Each diagnostic as a string; and the whole, as build.rs prints it, is those one a line.
fn lines_of(d: &codegen::Diagnostics) -> Vec<String> {
    let each: Vec<String> = d.0.iter().map(ToString::to_string).collect();
    assert_eq!(d.to_string(), each.join("\n"));
    each
}

/// The diagnostics of generating several files together, one string each.
fn catalog_problems(files: &[(&str, &str)]) -> Vec<String> {
    let files: Vec<(String, String)> = files
        .iter()
        .map(|(o, s)| ((*o).to_owned(), (*s).to_owned()))
        .collect();
    match codegen::generate(&files) {
        Ok(_) => Vec::new(),
        Err(d) => lines_of(&d),
    }
}

#[test]
fn the_base_specs_are_valid() {
    assert_eq!(problems(BASE), Vec::<String>::new());
    let spec = codegen::read(BASE, ORIGIN).unwrap();
    assert_eq!(spec.cells.len(), 3);
    assert_eq!(spec.rules.len(), 1);
    assert_eq!(problems(PER_UNIT), Vec::<String>::new());
    let spec = codegen::read(PER_UNIT, ORIGIN).unwrap();
    assert_eq!(spec.cells.len(), 2);
    let per = spec.per.as_ref().unwrap();
    assert_eq!(
        (per.terms.as_slice(), per.unit.as_str()),
        (&[codegen::Term::Option(1)][..], "second")
    );
    assert_eq!(
        catalog_problems(&[(ORIGIN, BASE), ("spec/models/b.toml", PER_UNIT)]),
        Vec::<String>::new()
    );
}

#[test]
fn unparseable_toml() {
    let p = problems(&edit("kind = \"inference\"", "kind = \"inference"));
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(p[0].starts_with("spec/models/acme-video.toml:5:"), "{p:?}");
    assert!(p[0].contains("invalid TOML"), "{p:?}");
}

#[test]
fn unknown_keys() {
    let p = problems(&edit(
        "default = false\n",
        "default = false\ncolour = \"red\"\n",
    ));
    assert_eq!(
        p,
        ["spec/models/acme-video.toml:34:1: unknown key `colour` in options[2]; allowed keys: name, type, description, default, required"]
    );
    let p = problems(&edit("[pricing]\n", "[pricing]\ncurrency = \"EUR\"\n"));
    assert_eq!(p, ["spec/models/acme-video.toml:41:1: unknown key `currency` in [pricing]; allowed keys: dimensions, cells, per, unit, rates, quantities, unpriced"]);
}

#[test]
fn default_not_among_the_values() {
    let p = problems(&edit("default = \"720p\"", "default = \"4k\""));
    assert_eq!(
        p,
        ["spec/models/acme-video.toml:23:11: default \"4k\" is not among the values (\"720p\", \"1080p\")"]
    );
}

#[test]
fn duplicate_values() {
    let p = problems(&edit(
        "  { wire = \"1080p\", rust = \"P1080\" },\n",
        "  { wire = \"1080p\", rust = \"P1080\" },\n  { wire = \"720p\", rust = \"Hd\" },\n",
    ));
    assert_eq!(
        p,
        ["spec/models/acme-video.toml:27:12: duplicate value \"720p\" (first listed on line 25)"]
    );
}

#[test]
fn rule_naming_an_unknown_option() {
    let p = problems(&edit(
        "when = { resolution = \"1080p\", generate_audio = true }",
        "when = { resolution = \"1080p\", fps = 60 }",
    ));
    assert_eq!(p, ["spec/models/acme-video.toml:37:32: rule names unknown option `fps`; options: \"prompt\", \"resolution\", \"generate_audio\""]);
}

#[test]
fn rule_naming_an_unknown_value() {
    let p = problems(&edit(
        "when = { resolution = \"1080p\", generate_audio = true }",
        "when = { resolution = \"8k\", generate_audio = true }",
    ));
    assert_eq!(p, ["spec/models/acme-video.toml:37:23: rule names unknown resolution value \"8k\"; allowed: \"720p\", \"1080p\""]);
}

#[test]
fn allowed_cell_without_a_price() {
    let p = problems(&edit(
        "  { resolution = \"720p\", generate_audio = true, price = \"0.20\" },\n",
        "",
    ));
    assert_eq!(
        p,
        ["spec/models/acme-video.toml:42:9: no price for the allowed cell { resolution = \"720p\", generate_audio = true }: add one, or a rule that forbids it"]
    );
}

#[test]
fn price_for_a_forbidden_cell() {
    let p = problems(&edit(
        "  { resolution = \"1080p\", generate_audio = false, price = \"0.30\" },\n",
        "  { resolution = \"1080p\", generate_audio = false, price = \"0.30\" },\n  { resolution = \"1080p\", generate_audio = true, price = \"0.40\" },\n",
    ));
    assert_eq!(
        p,
        ["spec/models/acme-video.toml:46:3: price for a forbidden cell { resolution = \"1080p\", generate_audio = true }: rule `no_1080p_audio` (line 36) forbids it; remove the cell or the rule"]
    );
}

#[test]
fn duplicate_cell() {
    let p = problems(&edit(
        "  { resolution = \"720p\", generate_audio = true, price = \"0.20\" },\n",
        "  { resolution = \"720p\", generate_audio = true, price = \"0.20\" },\n  { generate_audio = true, resolution = \"720p\", price = \"0.25\" },\n",
    ));
    assert_eq!(
        p,
        ["spec/models/acme-video.toml:45:3: duplicate cell { resolution = \"720p\", generate_audio = true } (first priced on line 44)"]
    );
}

#[test]
fn price_that_is_not_a_non_negative_decimal_string() {
    let cell = "price = \"0.20\"";
    let allowed = "(digits, an optional point and digits: at most 28 decimals, and the digits without the point below 2^96 = 79228162514264337593543950336)";
    for text in [
        "-0.20",
        "+0.20",
        "0,20",
        "1e-1",
        "1.",
        ".5",
        "0.2x",
        "0x.2",
        "",
        // 29 decimals; and 2^96, one past the largest `Decimal` mantissa.
        "0.00000000000000000000000000001",
        "79228162514264337593543950336",
        "7922816251426433759354395033.6",
    ] {
        let p = problems(&edit(cell, &format!("price = {text:?}")));
        assert_eq!(
            p,
            [format!("spec/models/acme-video.toml:44:57: price {text:?} is not a non-negative decimal string such as \"0.128\" {allowed}")],
            "{text}"
        );
    }
    for (bad, message) in [
        ("price = 0.20", "price must be a decimal string, found the float 0.20: TOML floats are binary and not exact; write price = \"0.20\""),
        ("price = 1", "price must be a non-negative decimal string such as \"0.128\", found an integer"),
    ] {
        let p = problems(&edit(cell, bad));
        assert_eq!(p, [format!("spec/models/acme-video.toml:44:57: {message}")], "{bad}");
    }
    // The bounds themselves are prices: 28 decimals, and the largest mantissa at any scale.
    for text in [
        "0.0000000000000000000000000001",
        "79228162514264337593543950335",
        "7922816251426433759354395033.5",
        "0",
        "00.10",
    ] {
        let p = problems(&edit(cell, &format!("price = {text:?}")));
        assert_eq!(p, Vec::<String>::new(), "{text}");
    }
}

// ---- the new forms ---------------------------------------------------------------------------

#[test]
fn integer_minimum_above_maximum() {
    let p = problems(&edit_per(
        "minimum = 3\nmaximum = 15",
        "minimum = 16\nmaximum = 15",
    ));
    assert_eq!(
        p,
        ["spec/models/acme-video.toml:23:11: `minimum` 16 is above `maximum` 15; swap them"]
    );
}

#[test]
fn integer_range_of_one_value() {
    let p = problems(&edit_per(
        "minimum = 3\nmaximum = 15",
        "minimum = 5\nmaximum = 5",
    ));
    assert_eq!(p, Vec::<String>::new());
}

/// A rate times the most units of its `per` option must fit `Decimal`'s 96-bit mantissa, so
/// that every quote is exact; a count of units is never negative.
#[test]
fn rates_times_units_stay_exact() {
    // 2^64 - 1 times 2^32 is below 2^96; 2^64 times 2^32 is 2^96.
    let range = |max: &str| edit_per("maximum = 15", &format!("maximum = {max}"));
    let with_rate = |source: &str, rate: &str| {
        edit_of(source, "rate = \"0.09\"", &format!("rate = \"{rate}\""))
    };
    let most = range("4294967296");
    assert_eq!(
        problems(&with_rate(&most, "18446744073709551615")),
        Vec::<String>::new()
    );
    assert_eq!(
        problems(&with_rate(&most, "18446744073709551616")),
        ["spec/models/acme-video.toml:58:9: rate 18446744073709551616 times 4294967296 duration does not fit an exact decimal (96 bits)"]
    );
    // At a scale the mantissa counts, not the value.
    assert_eq!(
        problems(&with_rate(&most, "1844674407370955161.6")),
        ["spec/models/acme-video.toml:58:9: rate 1844674407370955161.6 times 4294967296 duration does not fit an exact decimal (96 bits)"]
    );
    // An enum `per`: the largest `units` of its values.
    let clip = per_clip();
    let clip = edit_of(&clip, "units = 10 }", "units = 4294967295 }");
    assert_eq!(
        problems(&with_rate(&clip, "18446744073709551615")),
        Vec::<String>::new()
    );
    assert_eq!(
        problems(&with_rate(&clip, "100000000000000000000")),
        ["spec/models/acme-video.toml:54:9: rate 100000000000000000000 times 4294967295 clip does not fit an exact decimal (96 bits)"]
    );
    // Counts of units: from zero up.
    let from = |min: &str| edit_per("minimum = 3", &format!("minimum = {min}"));
    assert_eq!(problems(&from("0")), Vec::<String>::new());
    assert_eq!(
        problems(&from("-1")),
        ["spec/models/acme-video.toml:56:7: `per` option `duration` may be negative (minimum -1); a count of units cannot"]
    );
}

#[test]
fn integer_default_out_of_range() {
    for (default, col) in [("2", 11), ("16", 11), ("-1", 11)] {
        let p = problems(&edit_per(
            "default = 5\n",
            &format!("default = {default}\n"),
        ));
        assert_eq!(
            p,
            [format!("spec/models/acme-video.toml:25:{col}: `default` {default} is out of range: allowed 3 to 15")]
        );
    }
}

#[test]
fn integer_bounds_that_are_not_integers() {
    let p = problems(&edit_per("maximum = 15", "maximum = \"15\""));
    assert_eq!(
        p,
        ["spec/models/acme-video.toml:24:11: `maximum` of an integer option must be an integer, found a string"]
    );
    let p = problems(&edit_per("maximum = 15", "maximum = 15.5"));
    assert_eq!(
        p,
        ["spec/models/acme-video.toml:24:11: `maximum` of an integer option must be an integer, found a float"]
    );
    let p = problems(&edit_per("default = 5\n", ""));
    assert_eq!(
        p,
        ["spec/models/acme-video.toml:18:1: options[1] has no `default`: give the page's default, or say `required = true` (the page requires it and gives none) or `required = false` (optional, no default: left out, it is not sent)"]
    );
}

#[test]
fn rate_for_a_forbidden_cell() {
    // A rule on the price dimensions forbids a rate's cell.
    let source = edit_per(
        "when = { resolution = \"1080P\", clip = \"10\" }",
        "when = { resolution = \"1080P\" }",
    );
    let p = problems(&source);
    assert_eq!(
        p,
        ["spec/models/acme-video.toml:60:3: rate for a forbidden cell { resolution = \"1080P\" }: rule `no_1080p_clip_10` (line 50) forbids it; remove the cell or the rule"]
    );
}

#[test]
fn allowed_cell_without_a_rate() {
    let p = problems(&edit_per(
        "  { resolution = \"1080P\", rate = \"0.09\" },\n",
        "",
    ));
    assert_eq!(
        p,
        ["spec/models/acme-video.toml:58:9: no rate for the allowed cell { resolution = \"1080P\" }: add one, or a rule that forbids it"]
    );
}

#[test]
fn per_unit_price_on_an_option_that_is_not_numeric() {
    let p = problems(&edit_per("per = \"duration\"", "per = \"resolution\""));
    assert!(
        p.contains(&"spec/models/acme-video.toml:56:7: `per` names `resolution`, which is not numeric: a per-unit price needs an integer option, or an enum whose values all give `units`".to_owned()),
        "{p:#?}"
    );
    let p = problems(&edit_per("per = \"duration\"", "per = \"prompt\""));
    assert_eq!(
        p,
        ["spec/models/acme-video.toml:56:7: `per` names `prompt`, which is not numeric: a per-unit price needs an integer option, or an enum whose values all give `units`"]
    );
    // An enum whose values all give `units` is numeric.
    let clip = edit_per("per = \"duration\"", "per = \"clip\"").replacen(
        "when = { resolution = \"1080P\", clip = \"10\" }",
        "when = { resolution = \"1080P\", duration = 9 }",
        1,
    );
    assert_eq!(
        problems(&clip),
        ["spec/models/acme-video.toml:51:43: rule: a condition on integer option `duration` is a range, `{ minimum = …, maximum = … }`, or `{ given = … }`, not values"]
    );
    let clip = per_clip();
    assert_eq!(problems(&clip), Vec::<String>::new());
    // One value without `units` makes it not numeric, and is reported itself.
    let p = problems(&edit_per("per = \"duration\"", "per = \"clip\"").replacen(
        "{ wire = \"10\", rust = \"S10\", units = 10 }",
        "{ wire = \"10\", rust = \"S10\" }",
        1,
    ));
    assert_eq!(
        p,
        ["spec/models/acme-video.toml:35:3: this value has no `units` but others do; give every value `units` or none"]
    );
}

/// [`PER_UNIT`] priced per second of a measured input video plus its duration, the quantity
/// declared with `quantity` (a TOML table body).
fn measured(quantity: &str) -> String {
    let per = edit_per(
        "per = \"duration\"",
        "per = [\"input_video_seconds\", \"duration\"]",
    );
    format!("{per}\n[[pricing.quantities]]\n{quantity}")
}

const QUANTITY: &str = "name = \"input_video_seconds\"\nunit = \"second\"\ndescription = \"The input video's length\"\nminimum = \"3\"\nmaximum = \"10\"\n";

#[test]
fn a_measured_quantity_is_declared_whole() {
    assert_eq!(problems(&measured(QUANTITY)), Vec::<String>::new());
    let spec = codegen::read(&measured(QUANTITY), ORIGIN).unwrap();
    assert_eq!(spec.quantities.len(), 1);
    assert_eq!(
        spec.per.unwrap().terms,
        [codegen::Term::Quantity(0), codegen::Term::Option(1)]
    );
    // A quantity with no unit.
    let p = problems(&measured(&QUANTITY.replace("unit = \"second\"\n", "")));
    assert_eq!(
        p,
        ["spec/models/acme-video.toml:63:1: quantities[0] is missing the key `unit`"]
    );
    // A range whose minimum is above its maximum.
    let p = problems(&measured(
        &QUANTITY.replace("minimum = \"3\"", "minimum = \"12\""),
    ));
    assert_eq!(p, ["spec/models/acme-video.toml:67:11: quantity `input_video_seconds`: `minimum` 12 is above `maximum` 10; swap them"]);
    // A bound that is not an exact decimal string.
    let p = problems(&measured(
        &QUANTITY.replace("maximum = \"10\"", "maximum = 10.5"),
    ));
    assert_eq!(p, ["spec/models/acme-video.toml:68:11: `maximum` must be a decimal string, found the float 10.5: TOML floats are binary and not exact; write `maximum` = \"10.5\""]);
    // A formula naming an unknown quantity.
    let p = problems(&measured(QUANTITY).replace(
        "per = [\"input_video_seconds\", \"duration\"]",
        "per = [\"input_seconds\", \"duration\"]",
    ));
    assert!(
        p.contains(&"spec/models/acme-video.toml:56:8: `per` names unknown option or quantity `input_seconds`; quantities: \"input_video_seconds\"".to_owned()),
        "{p:#?}"
    );
    // Said once: not again as a quantity `per` leaves unused.
    assert_eq!(p.len(), 1, "{p:#?}");
    // A quantity that no price uses at all (no `per`).
    let p = problems(&format!("{BASE}\n[[pricing.quantities]]\n{QUANTITY}"));
    assert!(
        p.iter().any(|d| d.ends_with(
            "quantity `input_video_seconds` is declared but no price uses it; name it in `per`"
        )),
        "{p:#?}"
    );
    // A quantity named like an option.
    let p = problems(
        &measured(&QUANTITY.replace("input_video_seconds", "duration")).replace(
            "per = [\"input_video_seconds\", \"duration\"]",
            "per = [\"duration\"]",
        ),
    );
    assert_eq!(p, ["spec/models/acme-video.toml:64:8: quantity `duration` has the name of an option; a quantity is what the request does not carry"]);
    // A term named twice.
    let p = problems(&measured(QUANTITY).replace(
        "per = [\"input_video_seconds\", \"duration\"]",
        "per = [\"input_video_seconds\", \"duration\", \"duration\"]",
    ));
    assert_eq!(p.len(), 1, "{p:#?}");
    assert!(
        p[0].ends_with("`per` names this twice; name it once"),
        "{p:#?}"
    );
}

#[test]
fn a_rate_names_each_value_once() {
    // One rate for two values of a dimension: both cells priced.
    let shared = edit_per(
        "  { resolution = \"720P\", rate = \"0.05\" },\n  { resolution = \"1080P\", rate = \"0.09\" },",
        "  { resolution = [\"720P\", \"1080P\"], rate = \"0.05\" },",
    );
    let spec = codegen::read(&shared, ORIGIN).unwrap();
    assert_eq!(spec.cells.len(), 2);
    assert_eq!(spec.cells[0].price, spec.cells[1].price);
    // A value named twice in one rate.
    let p = problems(&edit_per(
        "{ resolution = \"720P\", rate = \"0.05\" }",
        "{ resolution = [\"720P\", \"720P\"], rate = \"0.05\" }",
    ));
    assert_eq!(p, ["spec/models/acme-video.toml:59:27: rates[0] names resolution value \"720P\" twice; name it once"]);
    // A value named by two rates.
    let p = problems(&edit_per(
        "{ resolution = \"1080P\", rate = \"0.09\" }",
        "{ resolution = [\"720P\", \"1080P\"], rate = \"0.09\" }",
    ));
    assert_eq!(p, ["spec/models/acme-video.toml:60:3: duplicate cell { resolution = \"720P\" } (first priced on line 59)"]);
    // An empty list names nothing.
    let p = problems(&edit_per(
        "{ resolution = \"720P\", rate = \"0.05\" }",
        "{ resolution = [], rate = \"0.05\" }",
    ));
    assert!(
        p.contains(&"spec/models/acme-video.toml:59:18: rates[0]: `resolution` lists no value; name one or more".to_owned()),
        "{p:#?}"
    );
}

#[test]
fn an_unpriced_cell_has_a_reason_and_no_price() {
    let unclear = edit_per(
        "{ resolution = \"1080P\", rate = \"0.09\" }",
        "{ resolution = \"1080P\", unpriced = \"the page says per request\" }",
    );
    let spec = codegen::read(&unclear, ORIGIN).unwrap();
    assert_eq!(
        spec.cells[1].price,
        codegen::CellPrice::Unpriced("the page says per request".to_owned())
    );
    // An unpriced cell that also has a price.
    let p = problems(&edit_per(
        "{ resolution = \"1080P\", rate = \"0.09\" }",
        "{ resolution = \"1080P\", rate = \"0.09\", unpriced = \"unclear\" }",
    ));
    assert_eq!(p, ["spec/models/acme-video.toml:60:34: rates[1] has both a `rate` and `unpriced`: a cell the page prices is not unpriced; keep one"]);
    // An empty reason.
    let p = problems(&edit_per(
        "{ resolution = \"1080P\", rate = \"0.09\" }",
        "{ resolution = \"1080P\", unpriced = \" \" }",
    ));
    assert_eq!(p, ["spec/models/acme-video.toml:60:38: `unpriced` in rates[1] must say why the page gives no price, not be empty"]);
    // Neither.
    let p = problems(&edit_per(
        "{ resolution = \"1080P\", rate = \"0.09\" }",
        "{ resolution = \"1080P\" }",
    ));
    assert_eq!(p, ["spec/models/acme-video.toml:60:3: rates[1] is missing the key `rate` (or `unpriced` with the reason the page gives no rate)"]);
}

#[test]
fn an_unpriced_page_has_nothing_else_in_its_pricing() {
    let start = BASE.find("[pricing]").unwrap();
    let unpriced = format!("{}[pricing]\nunpriced = \"two readings\"\n", &BASE[..start]);
    // The base spec's rule names options that stay; the page simply gives no price.
    let spec = codegen::read(&unpriced, ORIGIN).unwrap();
    assert!(spec.dimensions.is_empty());
    assert_eq!(
        spec.cells,
        [codegen::CellDef {
            values: Vec::new(),
            price: codegen::CellPrice::Unpriced("two readings".to_owned()),
        }]
    );
    let p = problems(&format!("{unpriced}dimensions = [\"resolution\"]\n"));
    assert_eq!(p.len(), 1, "{p:#?}");
    assert!(p[0].ends_with("`dimensions` beside `unpriced` in [pricing]: a model whose page gives no price has none; remove `unpriced`, or give cells their own `unpriced`"), "{p:#?}");
}

#[test]
fn cut_after_names_an_option() {
    let cut = edit(
        "currency = \"USD\"\n",
        "currency = \"USD\"\ncut_after = \"resolution\"\n",
    );
    assert_eq!(
        codegen::read(&cut, ORIGIN).unwrap().cut_after.as_deref(),
        Some("resolution")
    );
    let p = problems(&edit(
        "currency = \"USD\"\n",
        "currency = \"USD\"\ncut_after = \"fps\"\n",
    ));
    assert_eq!(p.len(), 1, "{p:#?}");
    assert!(
        p[0].contains("`cut_after` names unknown option `fps`"),
        "{p:#?}"
    );
}

#[test]
fn rates_and_cells_are_not_mixed() {
    let p = problems(&edit_per("rates = [", "cells = ["));
    assert_eq!(
        p,
        [
            "spec/models/acme-video.toml:54:1: [pricing] is missing the key `rates`",
            "spec/models/acme-video.toml:58:9: `cells` in [pricing]: with `per`, list `rates` (a `rate` each), not `cells`",
        ]
    );
    let p = problems(&edit("cells = [", "rates = ["));
    assert_eq!(
        p,
        [
            "spec/models/acme-video.toml:40:1: [pricing] is missing the key `cells`",
            "spec/models/acme-video.toml:42:9: `rates` in [pricing]: `rates` needs `per` (the numeric option a rate is multiplied by) and `unit`; without them, list `cells`",
        ]
    );
    let p = problems(&edit_per("unit = \"second\"\n", ""));
    assert_eq!(
        p,
        ["spec/models/acme-video.toml:54:1: [pricing] is missing the key `unit`"]
    );
}

#[test]
fn per_option_that_is_also_a_dimension() {
    let p = problems(&edit_per("per = \"duration\"", "per = \"clip\"").replacen(
        "dimensions = [\"resolution\"]",
        "dimensions = [\"resolution\", \"clip\"]",
        1,
    ));
    assert!(
        p.iter().any(|s| s.starts_with(
            "spec/models/acme-video.toml:56:7: `per` option `clip` is also a dimension"
        )),
        "{p:#?}"
    );
}

#[test]
fn two_files_with_one_model_id() {
    let p = catalog_problems(&[("spec/models/a.toml", BASE), ("spec/models/b.toml", BASE)]);
    assert_eq!(
        p,
        ["spec/models/b.toml:2:6: model id \"acme/video-1.0\" is already used by spec/models/a.toml:2; each model has one spec file"]
    );
}

#[test]
fn two_models_whose_generated_names_clash() {
    // "video-1.0" and "video_1_0" both make the module `video_1_0` and the variant `Video10`.
    let other = BASE.replacen("id = \"acme/video-1.0\"", "id = \"acme/video_1_0\"", 1);
    let p = catalog_problems(&[("spec/models/a.toml", BASE), ("spec/models/b.toml", &other)]);
    assert_eq!(
        p,
        ["spec/models/b.toml:2:6: model id \"acme/video_1_0\" makes the Rust names `video_1_0` / `Model::Video10`, which spec/models/a.toml:2 (\"acme/video-1.0\") makes too; change one id"]
    );
    // Another vendor with the same model name clashes too: the vendor is not in the name.
    let other = BASE.replacen("id = \"acme/video-1.0\"", "id = \"other/video-1.0\"", 1);
    let p = catalog_problems(&[("spec/models/a.toml", BASE), ("spec/models/b.toml", &other)]);
    assert_eq!(p.len(), 1, "{p:#?}");
    assert!(
        p[0].starts_with(
            "spec/models/b.toml:2:6: model id \"other/video-1.0\" makes the Rust names `video_1_0`"
        ),
        "{p:#?}"
    );
}

/// Two ids can make different modules but one variant: `video_10` and `video_1_0` are both
/// `Video10`.
#[test]
fn two_models_whose_variant_names_clash() {
    let other = BASE.replacen("id = \"acme/video-1.0\"", "id = \"acme/video-10\"", 1);
    let p = catalog_problems(&[("spec/models/a.toml", BASE), ("spec/models/b.toml", &other)]);
    assert_eq!(
        p,
        ["spec/models/b.toml:2:6: model id \"acme/video-10\" makes the Rust names `video_10` / `Model::Video10`, which spec/models/a.toml:2 (\"acme/video-1.0\") makes too; change one id"]
    );
}

#[test]
fn no_spec_files() {
    assert_eq!(
        catalog_problems(&[]),
        ["spec/models:1:1: no spec files: add one `*.toml` file per model"]
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let source = edit("default = \"720p\"", "default = \"4k\"")
        .replacen("currency = \"USD\"", "currency = \"dollars\"", 1)
        .replacen("price = \"0.30\"", "price = \"cheap\"", 1)
        .replacen(
            "message = \"no audio at 1080p\"",
            "message = \"no audio at 1080p\"\nseverity = 1",
            1,
        );
    let p = problems(&source);
    let positions: Vec<&str> = p.iter().map(|s| s.split(": ").next().unwrap()).collect();
    assert_eq!(
        positions,
        [
            "spec/models/acme-video.toml:6:12",
            "spec/models/acme-video.toml:23:11",
            "spec/models/acme-video.toml:39:1",
            "spec/models/acme-video.toml:46:59"
        ],
        "{p:#?}"
    );
}

/// The new forms' problems, in several files, all in one run: what the build prints.
#[test]
fn every_problem_of_every_file_is_reported_at_once() {
    let bad_range = edit_per("minimum = 3\nmaximum = 15", "minimum = 16\nmaximum = 15");
    let bad_default = edit_per("default = 5\n", "default = 99\n").replacen(
        "id = \"acme/video-2\"",
        "id = \"acme/video-3\"",
        1,
    );
    let bad_rate = edit_per(
        "when = { resolution = \"1080P\", clip = \"10\" }",
        "when = { resolution = \"1080P\" }",
    )
    .replacen("id = \"acme/video-2\"", "id = \"acme/video-4\"", 1);
    let not_numeric = edit_per("per = \"duration\"", "per = \"prompt\"").replacen(
        "id = \"acme/video-2\"",
        "id = \"acme/video-5\"",
        1,
    );
    let clash = BASE.replacen("id = \"acme/video-1.0\"", "id = \"acme/video_1_0\"", 1);
    let p = catalog_problems(&[
        ("spec/models/a.toml", BASE),
        ("spec/models/b.toml", &bad_range),
        ("spec/models/c.toml", &bad_default),
        ("spec/models/d.toml", &bad_rate),
        ("spec/models/e.toml", &not_numeric),
        ("spec/models/f.toml", BASE),
        ("spec/models/g.toml", &clash),
    ]);
    let positions: Vec<&str> = p.iter().map(|s| s.split(": ").next().unwrap()).collect();
    assert_eq!(
        positions,
        [
            "spec/models/b.toml:23:11",
            "spec/models/c.toml:25:11",
            "spec/models/d.toml:60:3",
            "spec/models/e.toml:56:7",
            "spec/models/f.toml:2:6",
            "spec/models/g.toml:2:6",
        ],
        "{p:#?}"
    );
}

#[test]
fn other_mistakes_are_reported_with_a_hint() {
    let cases = [
        (edit("name = \"generate_audio\"", "name = \"resolution\""), "spec/models/acme-video.toml:30:8: duplicate option `resolution` (first defined on line 19)"),
        (edit("rust = \"P1080\"", "rust = \"p1080\""), "spec/models/acme-video.toml:26:28: variant name \"p1080\" must be a CamelCase Rust identifier"),
        (edit("rust = \"Resolution\"", "rust = \"Option\""), "spec/models/acme-video.toml:21:8: `rust` must be a CamelCase Rust type name not already used by the crate"),
        (edit("dimensions = [\"resolution\", \"generate_audio\"]", "dimensions = [\"resolution\", \"generate_audio\", \"prompt\"]"), "spec/models/acme-video.toml:41:47: free-text option `prompt` cannot be a price dimension"),
        (edit("when = { resolution = \"1080p\", generate_audio = true }", "when = { resolution = \"720p\", generate_audio = false }"), "spec/models/acme-video.toml:36:6: rule `no_1080p_audio` forbids the default options"),
        (edit("type = \"bool\"", "type = \"boolean\""), "spec/models/acme-video.toml:31:8: unknown option type \"boolean\"; allowed: \"string\", \"list\", \"enum\", \"bool\", \"integer\""),
        (edit("id = \"acme/video-1.0\"\n", ""), "spec/models/acme-video.toml:1:1: [model] is missing the key `id`"),
        (edit("required = true\n", ""), "spec/models/acme-video.toml:12:1: options[0] is missing the key `required`"),
        (edit("required = true", "required = \"yes\""), "spec/models/acme-video.toml:15:12: `required` must be true or false, found a string"),
        (edit("id = \"acme/video-1.0\"", "id = \"acme/1.0\""), "spec/models/acme-video.toml:2:6: model id \"acme/1.0\" does not make a Rust module name"),
        (edit_per("{ wire = \"5\", rust = \"S5\", units = 5 }", "{ wire = \"5\", rust = \"S5\", units = 0 }"), "spec/models/acme-video.toml:34:38: `units` must be a whole number from 1 to 4294967295"),
        (edit_per("dimensions = [\"resolution\"]", "dimensions = [\"resolution\", \"duration\"]"), "spec/models/acme-video.toml:55:29: integer option `duration` cannot be a price dimension; to price per unit of it, name it in `per`"),
        (edit_per("rate = \"0.09\"", "rate = 0.09"), "spec/models/acme-video.toml:60:34: rate must be a decimal string, found the float 0.09"),
    ];
    for (source, expected) in cases {
        let p = problems(&source);
        assert!(
            p.iter().any(|s| s.starts_with(expected)),
            "expected {expected:?} in {p:#?}"
        );
    }
}

#[test]
fn at_most_64_options() {
    let many: String = (0..64)
        .map(|i| format!("\n[[options]]\nname = \"flag{i}\"\ntype = \"bool\"\ndescription = \"a flag\"\ndefault = false\n"))
        .collect();
    let p = problems(&edit("[[rules]]", &format!("{many}\n[[rules]]")));
    assert_eq!(
        p,
        ["spec/models/acme-video.toml:12:1: `options` lists 67 options; at most 64 are supported"]
    );
    // BASE's 3 and 61 more are 64: the most there can be, generated with the last one's bit.
    let most: String = many.split_inclusive("default = false\n").take(61).collect();
    let source = edit("[[rules]]", &format!("{most}\n[[rules]]"));
    assert_eq!(problems(&source), Vec::<String>::new());
    let generated = generate(&[(ORIGIN.to_owned(), source)]);
    let (module, catalog) = (&generated[0].1, &generated[1].1);
    assert!(module.contains("pub flag60: bool,"), "{module}");
    assert!(
        catalog.contains("pub const MAX_OPTIONS: usize = 64;"),
        "{catalog}"
    );
}

#[test]
fn currency_is_an_iso_4217_code() {
    for bad in ["usd", "US", "USDX", "U5D", "Usd", ""] {
        let p = problems(&edit("currency = \"USD\"", &format!("currency = {bad:?}")));
        assert_eq!(
            p,
            [format!("spec/models/acme-video.toml:6:12: `currency` must be a three-letter ISO 4217 code such as \"USD\", found {bad:?}")],
            "{bad}"
        );
    }
    assert_eq!(
        problems(&edit("currency = \"USD\"", "currency = \"EUR\"")),
        Vec::<String>::new()
    );
}

#[test]
fn a_dimension_is_listed_once_and_names_an_option() {
    let dims = "dimensions = [\"resolution\", \"generate_audio\"]";
    let p = problems(&edit(
        dims,
        "dimensions = [\"resolution\", \"generate_audio\", \"resolution\"]",
    ));
    assert_eq!(
        p,
        ["spec/models/acme-video.toml:41:47: dimension `resolution` is listed twice"]
    );
    let p = problems(&edit(dims, "dimensions = [\"resolution\", \"audio\"]"));
    assert_eq!(
        p,
        ["spec/models/acme-video.toml:41:29: unknown dimension `audio`; options: \"resolution\", \"generate_audio\""]
    );
}

/// A model id needs a name after its vendor: `acme/` would make no module.
#[test]
fn a_model_id_with_nothing_after_the_vendor() {
    assert_eq!(codegen::module_name("acme/"), "");
    assert_eq!(codegen::module_name("video-1.0"), "video_1_0");
    let p = problems(&edit("id = \"acme/video-1.0\"", "id = \"acme/\""));
    assert_eq!(p.len(), 1, "{p:#?}");
    assert!(
        p[0].starts_with("spec/models/acme-video.toml:2:6: model id \"acme/\" does not make a Rust module name (it became \"\")"),
        "{p:#?}"
    );
}

/// The module generated for an edit of [`BASE`] (id `acme/video-1.0`).
fn module_of(source: String) -> String {
    generate(&[(ORIGIN.to_owned(), source)])
        .into_iter()
        .find(|(name, _)| name == "video_1_0.rs")
        .expect("the module of acme/video-1.0")
        .1
}

/// A rule's condition on a boolean is written as the field itself (`= true`) or its negation
/// (`= false`), beside `matches!` for an enum.
#[test]
fn a_rule_on_a_boolean_is_the_field_or_its_negation() {
    let negated = edit_of(
        &edit(
            "when = { resolution = \"1080p\", generate_audio = true }",
            "when = { resolution = \"1080p\", generate_audio = false }",
        ),
        "{ resolution = \"1080p\", generate_audio = false, price = \"0.30\" }",
        "{ resolution = \"1080p\", generate_audio = true, price = \"0.30\" }",
    );
    for (source, arm) in [
        (
            BASE.to_owned(),
            "0 => matches!(self.resolution, Resolution::P1080) && self.generate_audio,",
        ),
        (
            negated,
            "0 => matches!(self.resolution, Resolution::P1080) && !self.generate_audio,",
        ),
    ] {
        let module = module_of(source);
        assert!(module.contains(arm), "{arm} not in:\n{module}");
    }
}

/// A rule on an option the price does not depend on cannot forbid table cells, so `price`
/// tests it before the lookup; a rule on priced options only is in the table already.
#[test]
fn a_rule_beyond_the_price_dimensions_is_tested_before_the_lookup() {
    let style = r#"[[options]]
name = "style"
type = "enum"
rust = "Style"
description = "Style"
default = "plain"
values = [
  { wire = "plain", rust = "Plain" },
  { wire = "anime", rust = "Anime" },
]

[[rules]]"#;
    let source = edit_of(
        &edit_of(
            &edit("[[rules]]", style),
            "when = { resolution = \"1080p\", generate_audio = true }",
            "when = { resolution = \"1080p\", style = \"anime\" }",
        ),
        "{ resolution = \"1080p\", generate_audio = false, price = \"0.30\" },",
        "{ resolution = \"1080p\", generate_audio = false, price = \"0.30\" },\n  { resolution = \"1080p\", generate_audio = true, price = \"0.40\" },",
    );
    let test = "if self.breaks(0) {";
    let beyond = module_of(source);
    assert!(beyond.contains(test), "{test} not in:\n{beyond}");
    let within = module_of(BASE.to_owned());
    assert!(!within.contains(test), "{test} in:\n{within}");
    assert!(
        within.contains("Err(NoPrice::Forbidden(&RULES[0]))"),
        "{within}"
    );
}

/// The names a generated module imports from `path` (`crate::spec`, `crate`, `rust_decimal`).
fn imports(module: &str, path: &str) -> Vec<String> {
    let head: String = module
        .lines()
        .take_while(|l| !l.starts_with("/// ") && !l.starts_with("pub "))
        .filter(|l| !l.starts_with("//"))
        .collect::<Vec<_>>()
        .join(" ");
    for statement in head.split(';') {
        let Some(used) = statement.trim().strip_prefix("use ") else {
            continue;
        };
        let (from, list) = match used.split_once("::{") {
            Some((from, list)) => (from, list.trim_end_matches('}')),
            None => used.rsplit_once("::").unwrap(),
        };
        if from == path {
            return list
                .split(',')
                .map(|n| n.trim().to_owned())
                .filter(|n| !n.is_empty())
                .collect();
        }
    }
    Vec::new()
}

/// A small valid spec of text and one bool: no enum, no integer, no rule; its description
/// names crate items as words, which the generator must not take for uses.
const NO_ENUM: &str = r#"[model]
id = "acme/video-1.0"
name = "Acme video"
category = "text-to-video"
kind = "inference"
currency = "USD"

[endpoints]
create = "https://example.com/create"
query = "https://example.com/query"

[[options]]
name = "prompt"
type = "string"
required = true
description = "A Model prompt: Rule, Condition and WireValue are only words here"

[[options]]
name = "generate_audio"
type = "bool"
description = "Audio"
default = false

[pricing]
dimensions = ["generate_audio"]
cells = [
  { generate_audio = false, price = "0.10" },
  { generate_audio = true, price = "0.20" },
]
"#;

/// A model of any shape imports exactly what its code names: `cargo clippy -D warnings` fails
/// on an unused import, so a rule-less spec (HappyHorse's) or one without enums must not get
/// the rule or enum imports. Each module is also laid out as rustfmt would.
#[test]
fn each_shape_of_spec_imports_only_what_its_code_uses() {
    let rules = "[[rules]]\nid = \"no_1080p_audio\"\nwhen = { resolution = \"1080p\", generate_audio = true }\nmessage = \"no audio at 1080p\"\n\n";
    let no_rules = edit(rules, "");
    let no_rules = edit_of(
        &no_rules,
        "  { resolution = \"1080p\", generate_audio = false, price = \"0.30\" },\n",
        "  { resolution = \"1080p\", generate_audio = false, price = \"0.30\" },\n  { resolution = \"1080p\", generate_audio = true, price = \"0.40\" },\n",
    );
    // Only text and a bool: no enum, no integer, no rule.
    let no_enum = NO_ENUM.to_owned();
    let all = [
        "Cell",
        "CellPrice",
        "Condition",
        "Limit",
        "Lookup",
        "ModelOptions",
        "ModelSpec",
        "NoPrice",
        "OptionKind",
        "OptionSpec",
        "Pricing",
        "Relation",
        "Requirement",
        "Rule",
        "Sum",
        "Test",
        "Total",
        "WireEnum",
        "WireValue",
    ];
    let without = |names: &[&str]| -> Vec<String> {
        all.iter()
            .filter(|n| !names.contains(n))
            .map(|n| n.to_string())
            .collect()
    };
    // Without rules, its enum's variants named like the imports it does not need.
    let variants_named_like_imports = edit_of(
        &edit_of(&no_rules, r#"rust = "P720""#, r#"rust = "Condition""#),
        r#"rust = "P1080""#,
        r#"rust = "WireValue""#,
    );
    let cases = [
        (BASE.to_owned(), without(&[])),
        (
            no_rules.clone(),
            without(&["Condition", "Test", "WireValue"]),
        ),
        (
            no_enum,
            without(&["Condition", "Test", "WireEnum", "WireValue"]),
        ),
        (
            variants_named_like_imports,
            without(&["Condition", "Test", "WireValue"]),
        ),
        // An import's name inside a longer identifier is no use of it.
        (
            edit_of(
                &edit_of(&no_rules, r#"rust = "P720""#, r#"rust = "Conditions""#),
                r#"rust = "P1080""#,
                r#"rust = "WireValues""#,
            ),
            without(&["Condition", "Test", "WireValue"]),
        ),
    ];
    let mut modules = Vec::new();
    for (i, (spec, expected)) in cases.into_iter().enumerate() {
        let module = module_of(spec);
        assert_eq!(
            imports(&module, "crate::spec"),
            expected,
            "case {i}:\n{module}"
        );
        assert_eq!(
            imports(&module, "crate"),
            ["Model", "Quote", "QuoteError", "Selection", "MAX_OPTIONS"],
            "case {i}"
        );
        assert_eq!(imports(&module, "rust_decimal"), ["Decimal"], "case {i}");
        // No `match` of one arm where there is no rule to match.
        let breaks = &module[module.find("pub const fn breaks").unwrap()..];
        let breaks = &breaks[..breaks.find("\n    }\n").unwrap()];
        assert_eq!(breaks.contains("match rule"), i == 0, "case {i}: {breaks}");
        modules.push((format!("shape_{i}.rs"), module));
    }
    let formatted = rustfmt_all("codegen_shapes", &modules);
    for ((name, module), formatted) in modules.iter().zip(&formatted) {
        let first = module.lines().zip(formatted.lines()).find(|(a, b)| a != b);
        assert_eq!(
            module, formatted,
            "{name} is not laid out as rustfmt would: {first:?}"
        );
    }
}

/// The diagnostics of the fixture spec `fixture` with `from` replaced by `to`.
fn fixture_problems(fixture: &str, from: &str, to: &str) -> Vec<String> {
    let base = read(fixture);
    match codegen::read(&edit_of(&base, from, to), ORIGIN) {
        Ok(_) => Vec::new(),
        Err(d) => lines_of(&d),
    }
}

/// The option forms' fixture with `from` replaced by `to`; its diagnostics.
fn option_forms_problems(from: &str, to: &str) -> Vec<String> {
    fixture_problems("tests/fixtures/option_forms.toml", from, to)
}

#[test]
fn an_option_says_its_default_or_whether_it_is_required() {
    let p = option_forms_problems("default = 1\n", "default = 1\nrequired = true\n");
    assert_eq!(p, ["spec/models/acme-video.toml:46:12: an option with a `default` is optional (the API cannot need what it defaults): drop `required = true`, and say in a comment that the page marks it required"]);
    let p = option_forms_problems(
        "description = \"High dynamic range\"\nrequired = false\n",
        "description = \"High dynamic range\"\n",
    );
    assert_eq!(p, ["spec/models/acme-video.toml:58:1: options[4] has no `default`: give the page's default, or say `required = true` (the page requires it and gives none) or `required = false` (optional, no default: left out, it is not sent)"]);
    let p = option_forms_problems(
        "required = false\nminimum = 0\n",
        "required = \"no\"\nminimum = 0\n",
    );
    assert_eq!(
        p,
        ["spec/models/acme-video.toml:69:12: `required` must be true or false, found a string"]
    );
}

#[test]
fn an_integer_lists_its_values_ascending_once_each() {
    let p = option_forms_problems("values = [1, 2, 4]", "values = [1, 4, 2]");
    assert_eq!(p, ["spec/models/acme-video.toml:44:17: 2 is out of order or listed twice: list the values ascending, each once"]);
    let p = option_forms_problems("values = [1, 2, 4]", "values = [1, 2, 2]");
    assert_eq!(p, ["spec/models/acme-video.toml:44:17: 2 is out of order or listed twice: list the values ascending, each once"]);
    let p = option_forms_problems("values = [1, 2, 4]", "values = []");
    assert_eq!(
        p,
        ["spec/models/acme-video.toml:44:10: `values` must list at least one value"]
    );
    let p = option_forms_problems("values = [1, 2, 4]", "values = [1, \"2\"]");
    assert_eq!(p, ["spec/models/acme-video.toml:44:14: a value of an integer option must be a 64-bit integer, found a string"]);
    let p = option_forms_problems("default = 1\n", "default = 3\n");
    assert_eq!(
        p,
        ["spec/models/acme-video.toml:45:11: `default` 3 is not among the values (1, 2, 4)"]
    );
    let p = option_forms_problems("values = [1, 2, 4]\n", "values = [1, 2, 4]\nmaximum = 4\n");
    assert_eq!(p, ["spec/models/acme-video.toml:45:11: `maximum` beside `values`: the listed values are the range; drop it"]);
    // The smallest i64 marks an option left out.
    let p = option_forms_problems("minimum = 0\n", "minimum = -9223372036854775808\n");
    assert_eq!(p, ["spec/models/acme-video.toml:70:11: the smallest 64-bit integer is reserved (it marks an option left out); start the range above it"]);
}

#[test]
fn no_price_depends_on_an_option_without_a_default() {
    let p = option_forms_problems("per = \"num_images\"", "per = \"seed\"");
    assert_eq!(p, ["spec/models/acme-video.toml:114:7: option `seed` has no default, so a price cannot depend on it: a request that leaves it out would have none (a typed quote could not be exhaustive)"]);
    let p = option_forms_problems("dimensions = []", "dimensions = [\"aspect_ratio\"]");
    assert!(
        p.contains(&"spec/models/acme-video.toml:113:15: option `aspect_ratio` has no default, so a price cannot depend on it: a request that leaves it out would have none (a typed quote could not be exhaustive)".to_owned()),
        "{p:?}"
    );
}

#[test]
fn a_list_says_its_counts_and_a_text_its_length() {
    let p = option_forms_problems("max_items = 3\n", "max_items = 3\nmin_items = 4\n");
    assert_eq!(
        p,
        ["spec/models/acme-video.toml:79:13: `min_items` 4 is above `max_items` 3; swap them"]
    );
    let p = option_forms_problems("max_items = 3\n", "max_items = 0\n");
    assert_eq!(
        p,
        ["spec/models/acme-video.toml:78:13: `max_items` must be a whole number from 1 to 4294967295"]
    );
    let p = option_forms_problems("max_items = 3\n", "max_items = \"3\"\n");
    assert_eq!(
        p,
        ["spec/models/acme-video.toml:78:13: `max_items` must be a whole number from 1 to 4294967295"]
    );
    let p = option_forms_problems("max_length = 20\n", "max_length = 0\n");
    assert_eq!(
        p,
        ["spec/models/acme-video.toml:91:14: `max_length` must be a whole number from 1 to 4294967295"]
    );
    let p = option_forms_problems("max_items = 3\n", "max_items = 3\nmax_length = 9\n");
    assert_eq!(p, ["spec/models/acme-video.toml:79:1: unknown key `max_length` in options[6]; allowed keys: name, type, description, required, min_items, max_items, fields, cut_after"]);
    // A list is no price dimension and no rule's condition.
    let p = option_forms_problems("dimensions = []", "dimensions = [\"image_urls\"]");
    assert!(
        p.contains(
            &"spec/models/acme-video.toml:113:15: list option `image_urls` cannot be a price dimension"
                .to_owned()
        ),
        "{p:?}"
    );
}

#[test]
fn a_requirement_names_an_option_without_a_default_and_a_condition() {
    let p = option_forms_problems("field = \"caption\"", "field = \"num_images\"");
    assert_eq!(p, ["spec/models/acme-video.toml:103:9: `field` option `num_images` has a default, so it is always sent; a requirement can only be about an option with none"]);
    let p = option_forms_problems("field = \"caption\"", "field = \"prompt\"");
    assert_eq!(p, ["spec/models/acme-video.toml:103:9: `field` option `prompt` is always required; `[[requires]]` would say it twice"]);
    let p = option_forms_problems("field = \"caption\"", "field = \"hdr\"");
    assert_eq!(p, ["spec/models/acme-video.toml:103:9: `field` `hdr` is also in `when`; a field cannot be its own condition"]);
    let p = option_forms_problems("field = \"caption\"", "field = \"colour\"");
    assert!(
        p[0].starts_with(
            "spec/models/acme-video.toml:103:9: `field` names unknown option `colour`; options: "
        ),
        "{p:?}"
    );
    let p = option_forms_problems("id = \"no_masks_for_anime\"", "id = \"caption_with_hdr\"");
    assert_eq!(p, ["spec/models/acme-video.toml:107:6: duplicate id `caption_with_hdr` (first used on line 101)"]);
    let p = option_forms_problems("id = \"no_masks_for_anime\"", "id = \"no_anime_hdr\"");
    assert!(p[0].contains("duplicate id `no_anime_hdr`"), "{p:?}");
    let p = option_forms_problems("when = { hdr = true }", "when = { hdr = \"yes\" }");
    assert_eq!(
        p,
        ["spec/models/acme-video.toml:102:16: requirement: `hdr` takes true or false, found a string"]
    );
}

/// A limit narrows one list's own count while its conditions hold, and can hold: every
/// problem at its place in the file.
#[test]
fn a_limit_narrows_a_list_and_can_hold() {
    let field = "field = \"mask_urls\"\nmax_items";
    let p = option_forms_problems(field, "field = \"caption\"\nmax_items");
    assert_eq!(p, ["spec/models/acme-video.toml:131:9: `field` names `caption`, which is neither a list nor a choice; a limit narrows a list's items or a choice's values"]);
    let p = option_forms_problems(field, "field = \"masks\"\nmax_items");
    assert_eq!(p, ["spec/models/acme-video.toml:131:9: `field` names unknown option `masks`; options: \"prompt\", \"aspect_ratio\", \"num_images\", \"style\", \"hdr\", \"seed\", \"image_urls\", \"mask_urls\", \"caption\", \"strength\", \"panels\""]);
    let max = "max_items = 1\n";
    let p = option_forms_problems(max, "");
    assert_eq!(
        p,
        ["spec/models/acme-video.toml:131:9: limits[0] needs a `min_items` or a `max_items`"]
    );
    let p = option_forms_problems(max, "min_items = 3\nmax_items = 1\n");
    assert_eq!(p, ["spec/models/acme-video.toml:131:9: limits[0] can never hold: it takes at least 3 and at most 1 item"]);
    // image_urls takes 1 to 3 items of its own.
    let images = edit_of(
        &read("tests/fixtures/option_forms.toml"),
        field,
        "field = \"image_urls\"\nmax_items",
    );
    for (limit, problem) in [
        ("max_items = 3\n", Some("limits[0] does not narrow `image_urls` (its own limits already say as much); drop it")),
        ("max_items = 4\n", Some("limits[0] does not narrow `image_urls` (its own limits already say as much); drop it")),
        ("min_items = 1\n", Some("limits[0] does not narrow `image_urls` (its own limits already say as much); drop it")),
        ("min_items = 4\n", Some("limits[0] can never hold: `min_items` 4 is above `image_urls`'s own `max_items` 3")),
        ("min_items = 2\n", None),
        ("max_items = 2\n", None),
    ] {
        let spec = edit_of(&images, max, limit);
        match (codegen::read(&spec, ORIGIN), problem) {
            (Ok(_), None) => {}
            (Err(d), Some(problem)) => assert_eq!(
                lines_of(&d),
                [format!("spec/models/acme-video.toml:131:9: {problem}")],
                "{limit}"
            ),
            (outcome, _) => panic!("{limit}: {outcome:?}"),
        }
    }
    // The narrowed count is what the generated table holds: the list's own where the limit
    // says nothing, the narrower of the two where it does.
    let spec = codegen::read(&edit_of(&images, max, "min_items = 2\n"), ORIGIN).unwrap();
    assert_eq!(spec.limits[0].narrow, codegen::NarrowDef::Items(2, Some(3)));
    let spec = codegen::read(&edit_of(&images, max, "max_items = 2\n"), ORIGIN).unwrap();
    assert_eq!(spec.limits[0].narrow, codegen::NarrowDef::Items(1, Some(2)));
    // A list emptied (Seedance's audio in first/last-frame mode) is a limit of its own.
    let p = option_forms_problems(max, "max_items = 0\n");
    assert!(p.is_empty(), "{p:?}");
    let p = option_forms_problems(
        "id = \"one_mask_for_photos\"",
        "id = \"four_pictures_at_most\"",
    );
    assert_eq!(p, ["spec/models/acme-video.toml:128:6: duplicate id `four_pictures_at_most` (first used on line 120)"]);
    let p = option_forms_problems(
        "when = { style = \"photo\" }",
        "when = { style = \"sketch\" }",
    );
    assert!(
        p[0].starts_with(
            "spec/models/acme-video.toml:130:18: limit names unknown style value \"sketch\""
        ),
        "{p:?}"
    );
    let p = option_forms_problems(max, "max_items = 1\nmaximum = 1\n");
    assert!(
        p[0].starts_with("spec/models/acme-video.toml:133:1: unknown key `maximum`"),
        "{p:?}"
    );
}

/// A total counts two lists or more, each named once, and can hold: every problem at its
/// place in the file.
#[test]
fn a_total_counts_lists_and_can_hold() {
    let count = "count = [\"image_urls\", \"mask_urls\"]";
    let p = option_forms_problems(count, "count = [\"image_urls\", \"caption\"]");
    assert_eq!(p, ["spec/models/acme-video.toml:122:24: `count` names `caption`, which is not a list; a total counts lists' items"]);
    let p = option_forms_problems(count, "count = [\"image_urls\", \"masks\"]");
    assert_eq!(p, ["spec/models/acme-video.toml:122:24: `count` names unknown option `masks`; lists: \"image_urls\", \"mask_urls\", \"panels\""]);
    let p = option_forms_problems(count, "count = [\"image_urls\", \"image_urls\"]");
    assert_eq!(
        p,
        ["spec/models/acme-video.toml:122:24: `count` names `image_urls` twice"]
    );
    let p = option_forms_problems(count, "count = [\"image_urls\"]");
    assert_eq!(p, ["spec/models/acme-video.toml:122:9: `count` must name two lists or more (one list's limit is its own `max_items`)"]);
    let p = option_forms_problems(count, "count = \"image_urls\"");
    assert_eq!(
        p,
        ["spec/models/acme-video.toml:122:9: `count` must be an array, found a string"]
    );
    // Limits: one at least, in order, and reachable by the lists' own limits.
    let p = option_forms_problems("maximum = 4\n", "");
    assert_eq!(
        p,
        ["spec/models/acme-video.toml:119:1: totals[0] needs a `minimum` or a `maximum`"]
    );
    let p = option_forms_problems("maximum = 4\n", "maximum = 4\nminimum = 5\n");
    assert_eq!(
        p,
        ["spec/models/acme-video.toml:119:1: totals[0] `minimum` 5 is above `maximum` 4; swap them"]
    );
    // image_urls is required with at least one item: a maximum of 0 can never hold (the
    // generator refuses `maximum = 0` as a count first).
    let p = option_forms_problems("maximum = 4\n", "maximum = 0\n");
    assert_eq!(
        p,
        ["spec/models/acme-video.toml:123:11: `maximum` must be a whole number from 1 to 4294967295"]
    );
    let p = option_forms_problems("max_items = 3\n", "min_items = 3\nmax_items = 3\n");
    let p2 = option_forms_problems("maximum = 4\n", "maximum = 2\n");
    assert!(p.is_empty(), "{p:?}");
    assert_eq!(p2, Vec::<String>::new(), "1 + 0 items can be 2 or fewer");
    let both = edit_of(
        &edit_of(
            &read("tests/fixtures/option_forms.toml"),
            "max_items = 3\n",
            "min_items = 3\nmax_items = 3\n",
        ),
        "maximum = 4\n",
        "maximum = 2\n",
    );
    match codegen::read(&both, ORIGIN) {
        Ok(_) => panic!("a total the lists can never meet is refused"),
        Err(d) => assert_eq!(lines_of(&d), ["spec/models/acme-video.toml:120:1: totals[0] can never hold: the lists' own fewest items already add up to 3, above `maximum` 2"]),
    }
    // The mask list has no limit of its own, so any minimum can be met; with one, it may not.
    let p = option_forms_problems("maximum = 4\n", "minimum = 9\n");
    assert!(p.is_empty(), "{p:?}");
    let capped = edit_of(
        &edit_of(
            &read("tests/fixtures/option_forms.toml"),
            "description = \"Masks\"\n",
            "description = \"Masks\"\nmax_items = 2\n",
        ),
        "maximum = 4\n",
        "minimum = 9\n",
    );
    match codegen::read(&capped, ORIGIN) {
        Ok(_) => panic!("a total the lists can never reach is refused"),
        Err(d) => assert_eq!(lines_of(&d), ["spec/models/acme-video.toml:120:1: totals[0] can never hold: the lists' own most items add up to 5, below `minimum` 9"]),
    }
    // Its keys: an unknown one, and the id shared with a rule.
    let p = option_forms_problems("maximum = 4\n", "maximum = 4\nmost = 4\n");
    assert!(p[0].contains("unknown key `most` in totals[0]"), "{p:?}");
    let p = option_forms_problems("id = \"four_pictures_at_most\"", "id = \"no_anime_hdr\"");
    assert!(p[0].contains("duplicate id `no_anime_hdr`"), "{p:?}");
}

/// A number option's range is two decimal strings, in order; it takes no default, and no
/// price depends on it: every problem at its place in the file.
#[test]
fn a_number_is_a_range_of_decimal_strings() {
    let min = "minimum = \"0\"\nmaximum = \"2.5\"";
    for (to, expected) in [
        ("minimum = \"3\"\nmaximum = \"2.5\"", "spec/models/acme-video.toml:142:11: `minimum` 3 is above `maximum` 2.5; swap them"),
        ("minimum = \"0\"\nmaximum = 2.5", "spec/models/acme-video.toml:143:11: `maximum` must be a decimal string, found the float 2.5: TOML floats are binary and not exact; write `maximum` = \"2.5\""),
        ("maximum = \"2.5\"", "spec/models/acme-video.toml:137:1: options[9] is missing the key `minimum`"),
        ("minimum = \"0\"\nmaximum = \"2.5\"\ndefault = \"1\"", "spec/models/acme-video.toml:144:1: unknown key `default` in options[9]; allowed keys: name, type, description, required, minimum, maximum"),
        ("minimum = \"zero\"\nmaximum = \"2.5\"", "spec/models/acme-video.toml:142:11: `minimum` \"zero\" is not a non-negative decimal string such as \"0.128\" (digits, an optional point and digits: at most 28 decimals, and the digits without the point below 2^96 = 79228162514264337593543950336)"),
    ] {
        assert_eq!(option_forms_problems(min, to), [expected], "{to}");
    }
    // Equal bounds are one number, and allowed.
    assert!(option_forms_problems(min, "minimum = \"1\"\nmaximum = \"1\"").is_empty());
    // A price cannot depend on it.
    let p = option_forms_problems("per = \"num_images\"", "per = \"strength\"");
    assert_eq!(p, ["spec/models/acme-video.toml:114:7: `per` names `strength`, which is not numeric: a per-unit price needs an integer option, or an enum whose values all give `units`"]);
    // `required` it must say, as free text does.
    let p = option_forms_problems(
        "required = false\ndescription = \"How strongly",
        "description = \"How strongly",
    );
    assert_eq!(
        p,
        ["spec/models/acme-video.toml:137:1: options[9] is missing the key `required`"]
    );
}

/// A requirement's or a limit's condition may test one of some values, an integer's range, a
/// list's count or whether a field is given, and must be able to hold; a choice limit names
/// some of the option's own values. Every problem at its place in the file.
#[test]
fn a_condition_tests_values_ranges_counts_or_presence_and_can_hold() {
    let when = "when = { num_images = { minimum = 4 }, style = [\"photo\"], image_urls = { min_items = 2 }, mask_urls = { given = false } }";
    let at = |col: usize, text: &str| format!("spec/models/acme-video.toml:151:{col}: {text}");
    let with = |w: &str| option_forms_problems(when, &format!("when = {{ {w} }}"));
    for ok in [
        "style = [\"photo\", \"anime\"]",
        "seed = { minimum = 5, maximum = 10 }",
        "seed = { maximum = 10 }",
        "image_urls = { max_items = 1 }",
        "image_urls = { min_items = 1, max_items = 3 }",
        "mask_urls = { given = true }",
        "hdr = true, mask_urls = { min_items = 0, max_items = 2 }",
    ] {
        assert_eq!(with(ok), Vec::<String>::new(), "{ok}");
    }
    for (bad, col, problem) in [
        ("seed = { minimum = 10, maximum = 5 }", 17, "requirement: `seed` from 10 to 5 can never hold (it takes 0 to 1000)"),
        ("seed = { minimum = 2000 }", 17, "requirement: `seed` from 2000 to 1000 can never hold (it takes 0 to 1000)"),
        ("seed = { }", 17, "requirement: the condition on `seed` needs a `minimum` or a `maximum`"),
        ("seed = { minimum = \"5\" }", 29, "requirement: `minimum` on `seed` must be a whole number"),
        ("image_urls = { max_items = 0 }", 23, "requirement: `image_urls`'s count can never be as the condition asks"),
        ("image_urls = { min_items = 4 }", 23, "requirement: `image_urls`'s count can never be as the condition asks"),
        ("image_urls = { }", 23, "requirement: the condition on `image_urls` needs a `min_items` or a `max_items`"),
        ("hdr = { minimum = 1 }", 16, "requirement: `hdr` takes a value, a list of values or `{ given = … }`; a range is for an integer, a count for a list"),
        ("seed = [5, 6, 7]", 17, "requirement: a condition on integer option `seed` is a range, `{ minimum = …, maximum = … }`, or `{ given = … }`, not values"),
        ("seed = 5", 17, "requirement: a condition on integer option `seed` is a range, `{ minimum = …, maximum = … }`, or `{ given = … }`, not values"),
        ("image_urls = 2", 23, "requirement: a condition on list option `image_urls` is a count, `{ min_items = …, max_items = … }`, or `{ given = … }`, not values"),
        ("strength = \"1\"", 21, "requirement: a condition on number option `strength` is `{ given = … }`, not values"),
        ("caption = [\"a\"]", 20, "requirement: a condition on free-text option `caption` is `{ given = … }`, not values"),
        ("seed = { given = \"yes\" }", 17, "requirement: `given` on `seed` takes true or false"),
        ("style = [\"photo\", \"photo\"]", 28, "requirement names style value \"photo\" twice; name it once"),
        ("style = []", 18, "requirement: `style` lists no value; name one or more"),
        ("colour = \"red\"", 10, "requirement names unknown option `colour`; options: \"prompt\", \"aspect_ratio\", \"num_images\", \"style\", \"hdr\", \"seed\", \"image_urls\", \"mask_urls\", \"caption\", \"strength\", \"panels\""),
    ] {
        assert_eq!(with(bad), [at(col, problem)], "{bad}");
    }
    let p = with("image_urls = { min_items = 1, maximum = 2 }");
    assert!(p[0].contains("unknown key `maximum`"), "{p:?}");
    // A choice limit: some of the option's values, each once, not every one.
    let values = "values = [1, 2]";
    for (to, expected) in [
        ("values = [1, 3]", "spec/models/acme-video.toml:160:14: limit: `values` of `num_images` must be whole numbers it takes"),
        ("values = [1, 1]", "spec/models/acme-video.toml:160:14: limit names num_images value 1 twice; name it once"),
        ("values = []", "spec/models/acme-video.toml:160:10: limit: `values` lists no value; name one or more"),
        ("values = [1, 2, 4]", "spec/models/acme-video.toml:159:9: limits[1] does not narrow `num_images`: it lists every value; drop it"),
        ("max_items = 2", "spec/models/acme-video.toml:159:9: limits[1] narrows a choice: `max_items` is for a list; give `values`"),
    ] {
        assert_eq!(option_forms_problems(values, to), [expected], "{to}");
    }
    // On an enum, its wire values; on free text, no limit.
    let field = "field = \"num_images\"\nvalues = [1, 2]";
    assert!(
        option_forms_problems(field, "field = \"aspect_ratio\"\nvalues = [\"1:1\"]").is_empty()
    );
    assert_eq!(
        option_forms_problems(field, "field = \"prompt\"\nvalues = [\"a\"]"),
        ["spec/models/acme-video.toml:159:9: `field` names `prompt`, which is neither a list nor a choice; a limit narrows a list's items or a choice's values"]
    );
    assert_eq!(
        option_forms_problems(field, "field = \"style\"\nvalues = [\"photo\"]"),
        ["spec/models/acme-video.toml:159:9: `field` `style` is also in `when`; an option cannot be its own condition"]
    );
    assert_eq!(
        option_forms_problems(field, "field = \"image_urls\"\nvalues = [1]"),
        ["spec/models/acme-video.toml:159:9: limits[1] narrows a list: `values` is for a choice; give `min_items` or `max_items`"]
    );
}

/// A list of objects: its items' fields typed as options are, with no default, no nested list
/// of objects, no `enum`, each named once, and a `cut_after` that names one of them; a sum names
/// a list of objects, one of its whole-number fields and an integer option. Each problem at
/// its place.
#[test]
fn a_list_of_objects_types_its_fields_and_a_sum_names_them() {
    let at = |line_col: &str, problem: &str| {
        format!("spec/models/acme-video.toml:{line_col}: {problem}")
    };
    for (from, to, expected) in [
        (
            "minimum = 1\nmaximum = 8\n",
            "minimum = 1\nmaximum = 8\ndefault = 2\n",
            at("196:1", "unknown key `default` in fields[1]; allowed keys: name, type, description, required, minimum, maximum"),
        ),
        (
            "minimum = 1\nmaximum = 8\n",
            "minimum = 9\nmaximum = 8\n",
            at("194:11", "`minimum` 9 is above `maximum` 8; swap them"),
        ),
        (
            "name = \"tags\"\ntype = \"list\"",
            "name = \"tags\"\ntype = \"enum\"",
            at("199:8", r#"an item field is "string", "list", "integer", "number" or "bool""#),
        ),
        (
            "name = \"tags\"",
            "name = \"caption\"",
            at("198:8", "duplicate item field `caption`"),
        ),
        (
            "max_items = 4\n",
            "max_items = 4\ncut_after = \"colour\"\n",
            at("181:13", "`cut_after` names unknown item field `colour`; its fields: \"caption\", \"weight\", \"tags\""),
        ),
        (
            "field = \"weight\"",
            "field = \"caption\"",
            at("207:9", "`field` names `caption`, which is not a whole number"),
        ),
        (
            "field = \"weight\"",
            "field = \"size\"",
            at("207:9", "`field` names unknown item field `size`; its fields: \"caption\", \"weight\", \"tags\""),
        ),
        (
            "list = \"panels\"",
            "list = \"image_urls\"",
            at("206:8", "`list` names `image_urls`, which is not a list of objects"),
        ),
        (
            "equals = \"num_images\"",
            "equals = \"style\"",
            at("208:10", "`equals` names `style`, which is not an integer option"),
        ),
        (
            "equals = \"num_images\"",
            "equals = \"count\"",
            at("208:10", "`equals` names unknown option `count`; options: \"prompt\", \"aspect_ratio\", \"num_images\", \"style\", \"hdr\", \"seed\", \"image_urls\", \"mask_urls\", \"caption\", \"strength\", \"panels\""),
        ),
    ] {
        assert_eq!(option_forms_problems(from, to), [expected], "{to}");
    }
    // A field with a default, of a kind that takes one: refused where the default is.
    let p = option_forms_problems(
        "name = \"tags\"\ntype = \"list\"\nrequired = false\ndescription = \"Tags\"\n",
        "name = \"tags\"\ntype = \"bool\"\ndescription = \"Tags\"\ndefault = true\n",
    );
    assert_eq!(
        p,
        [at(
            "201:11",
            "item field `tags` has a `default`; an item's field has none"
        )]
    );
    // A list without fields names no item field to be cut after.
    let p = option_forms_problems(
        "description = \"Masks\"\n",
        "description = \"Masks\"\ncut_after = \"x\"\n",
    );
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(p[0].contains("this list has no `fields`"), "{p:?}");
}

/// The diagnostics of the relations fixture with `from` replaced by `to`.
fn relations_problems(from: &str, to: &str) -> Vec<String> {
    fixture_problems("tests/fixtures/relations.toml", from, to)
}

/// A relation (`[[relations]]`, Wan 2.6 text-to-image's width × height and aspect ratio)
/// names two different integer options as its `product` or its `ratio` (one of them), bounds
/// a product by whole numbers and a ratio by `"n:d"`, at least one bound, in order, and
/// reachable by the options' own ranges; a ratio's second option is never 0. Every problem at
/// its place in the file.
#[test]
fn a_relation_names_two_integers_and_can_hold() {
    let product = "product = [\"width\", \"height\"]";
    let ratio = "ratio = [\"width\", \"height\"]";
    for (from, to, expected) in [
        (product, "product = [\"width\", \"label\"]", "51:21: `product` names `label`, which is not an integer option"),
        (product, "product = [\"width\", \"depth\"]", "51:21: `product` names unknown option `depth`; integer options: \"width\", \"height\""),
        (product, "product = [\"width\", \"width\"]", "51:21: `product` names `width` twice"),
        (product, "product = [\"width\", \"height\", \"width\"]", "51:11: `product` names two integer options, not 3"),
        (product, "product = \"width\"", "51:11: `product` must be an array, found a string"),
        (product, "product = [\"width\", \"height\"]\nratio = [\"width\", \"height\"]", "52:9: give `product` or `ratio`, not both"),
        (product, "", "48:1: relations[0] needs `product = [a, b]` or `ratio = [a, b]`: two integer options"),
        ("minimum = 40000", "minimum = 400000", "48:1: relations[0] `minimum` 400000 is above `maximum` 360000; swap them"),
        ("minimum = 40000", "minimum = \"40000\"", "52:11: `minimum` of a product must be a whole number, at least 0"),
        ("minimum = 40000\nmaximum = 360000", "maximum = 9999", "48:1: relations[0] can never hold: `width` and `height` make at least 10000, above `maximum` 9999"),
        ("minimum = 40000\nmaximum = 360000", "minimum = 1000001", "48:1: relations[0] can never hold: `width` and `height` make at most 1000000, below `minimum` 1000001"),
        ("maximum = \"3:1\"", "maximum = \"3/1\"", "59:11: `maximum` of a ratio is written \"n:d\" (whole numbers, d at least 1), not \"3/1\""),
        ("maximum = \"3:1\"", "maximum = \"3:0\"", "59:11: `maximum` of a ratio is written \"n:d\" (whole numbers, d at least 1), not \"3:0\""),
        ("maximum = \"3:1\"", "maximum = 3", "59:11: `maximum` of a ratio must be a string, found an integer"),
        ("maximum = \"3:1\"", "maximum = \"1:20\"", "55:1: relations[1] can never hold: `width` and `height` make at least 100:1000, above `maximum` 1:20"),
        ("maximum = \"3:1\"", "minimum = \"20:1\"", "55:1: relations[1] can never hold: `width` and `height` make at most 1000:100, below `minimum` 20:1"),
        ("maximum = \"3:1\"\n", "", "55:1: relations[1] needs a `minimum` or a `maximum`"),
        ("maximum = \"3:1\"", "maximum = \"3:1\"\nminimum = \"4:1\"", "55:1: relations[1] `minimum` 4:1 is above `maximum` 3:1; swap them"),
        ("default = 500\nminimum = 100", "default = 500\nminimum = 0", "58:9: the ratio's second option `height` can be 0; a ratio's second option must be at least 1"),
        ("maximum = \"3:1\"", "maximum = \"3:1\"\nmost = 3", "60:1: unknown key `most` in relations[1]; allowed keys: id, message, product, ratio, minimum, maximum"),
        ("id = \"at_most_three_wide\"", "id = \"area_in_range\"", "56:6: duplicate id `area_in_range` (first used on line 49)"),
        (ratio, "ratio = [\"width\", \"prompt\"]", "58:19: `ratio` names `prompt`, which is not an integer option"),
    ] {
        let expected = format!("spec/models/acme-video.toml:{expected}");
        assert_eq!(relations_problems(from, to), [expected], "{to}");
    }
}

/// The diagnostics of the rules fixture with `from` replaced by `to`.
fn rules_problems(from: &str, to: &str) -> Vec<String> {
    fixture_problems("tests/fixtures/rules.toml", from, to)
}

/// A rule's conditions take the forms a requirement's take (a value, values, an integer's
/// range, `given`, a list's count), each on an option that has it and able to hold; the rule
/// must not hold for a request with no options; a rule of values forbids its cells, and a
/// price for one is refused, while a rule that asks more forbids no cell. Every problem at its
/// place in the file.
#[test]
fn a_rule_asks_what_its_options_can_be_and_can_hold() {
    let steps = "steps = { maximum = 29 }";
    let given = "negative_prompt = { given = true }";
    let count = "reference_urls = { min_items = 2 }";
    let mut wrong = Vec::new();
    for (from, to, expected) in [
        // A rule that holds with no option given.
        (steps, "steps = { maximum = 29 }, hdr = false", ""),
        ("quality = \"high\", steps", "quality = \"standard\", steps", "89:6: rule `enough_steps_for_high_quality` forbids the default options; a request with no options would always be rejected"),
        ("style = \"sketch\", negative_prompt = { given = true }", "style = \"photo\", negative_prompt = { given = false }", "94:6: rule `no_negative_prompt_for_sketches` forbids the default options; a request with no options would always be rejected"),
        ("style = \"anime\", reference_urls = { min_items = 2 }", "reference_urls = { max_items = 1 }", "99:6: rule `one_reference_for_anime` forbids the default options; a request with no options would always be rejected"),
        // Conditions that can never hold, or that do not fit their option.
        (steps, "steps = { minimum = 60 }", "90:36: rule: `steps` from 60 to 50 can never hold (it takes 10 to 50)"),
        (count, "reference_urls = { min_items = 5 }", "100:44: rule: `reference_urls`'s count can never be as the condition asks"),
        (steps, "steps = 20", "90:36: rule: a condition on integer option `steps` is a range, `{ minimum = …, maximum = … }`, or `{ given = … }`, not values"),
        (given, "negative_prompt = \"rain\"", "95:46: rule: a condition on free-text option `negative_prompt` is `{ given = … }`, not values"),
        (count, "reference_urls = { minimum = 2 }", "100:44: rule: the condition on `reference_urls` needs a `min_items` or a `max_items` | 100:46: unknown key `minimum` in the condition on `reference_urls`; allowed keys: min_items, max_items, given"),
        (given, "negative_prompt = { given = 1 }", "95:46: rule: `given` on `negative_prompt` takes true or false"),
        (given, "sharpness = { given = true }", "95:28: rule names unknown option `sharpness`; options: \"prompt\", \"negative_prompt\", \"style\", \"quality\", \"hdr\", \"steps\", \"reference_urls\""),
        ("style = [\"anime\", \"sketch\"], quality = \"high\"", "style = [\"anime\", \"sketch\", \"photo\"], quality = \"high\"", "80:18: rule: `style` names every value it takes, its default among them, so the condition always holds; leave it out"),
        ("hdr = true", "hdr = [false, true]", "85:34: rule: `hdr` names every value it takes, its default among them, so the condition always holds; leave it out"),
        ("style = [\"anime\", \"sketch\"], quality = \"high\"", "style = [\"anime\", \"anime\"], quality = \"high\"", "80:28: rule names style value \"anime\" twice; name it once"),
        // A rule of values forbids its cells; one that asks more forbids none.
        ("  { style = [\"anime\", \"sketch\"], quality = \"standard\", price = \"0.015\" },", "  { style = [\"anime\", \"sketch\"], quality = \"standard\", price = \"0.015\" },\n  { style = \"anime\", quality = \"high\", price = \"0.05\" },", "109:3: price for a forbidden cell { style = \"anime\", quality = \"high\" }: rule `high_quality_photos_only` (line 79) forbids it; remove the cell or the rule"),
        ("  { style = \"photo\", quality = \"high\", price = \"0.03\" },\n", "", "105:9: no price for the allowed cell { style = \"photo\", quality = \"high\" }: add one, or a rule that forbids it"),
    ] {
        let expected: Vec<String> = expected
            .split(" | ")
            .filter(|e| !e.is_empty())
            .map(|e| format!("spec/models/acme-video.toml:{e}"))
            .collect();
        let found = rules_problems(from, to);
        if found != expected {
            wrong.push(format!("{to}\n  found {found:?}\n  expected {expected:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// README's worked example of a new spec is the fixture file from `[model]` on, so it cannot
/// go stale.
#[test]
fn the_readme_shows_the_extended_spec_as_it_is() {
    let readme = read("README.md");
    let at = readme
        .find("A worked example, `tests/fixtures/extended_model.toml`")
        .expect("README has the worked example");
    let start = at + readme[at..].find("```toml\n").unwrap() + "```toml\n".len();
    let end = start + readme[start..].find("```").unwrap();
    let spec = read(EXTENDED_SPEC);
    let body = &spec[spec.find("[model]").unwrap()..];
    assert!(
        readme[start..end] == *body,
        "README's worked example differs from {EXTENDED_SPEC}"
    );
}

// The table that finds a model by its id (`codegen/src/id_index.rs`).

/// Every id lands in its own slot, holding its index; an id that is not there lands in a
/// slot that holds another id or none.
#[test]
fn finds_every_id_in_one_probe() {
    let ids = [
        "pixverse/pixverse-5.5/text-to-video",
        "pixverse/pixverse-5.5/image-to-video",
        "pixverse/pixverse-6.0/text-to-video",
        "pixverse/pixverse-6.0/image-to-video",
        "kwaivgi/kling-o1/image-to-video",
        "kwaivgi/kling-o1/video-to-video",
        "a",
        "b",
    ];
    let index = id_index::build(&ids).unwrap();
    assert!(index.positions.len() <= 3, "{:?}", index.positions);
    assert_eq!(index.table.len(), 1 << index.bits);
    assert_eq!(index.bits, 4, "16 slots for 8 ids");
    for (i, id) in ids.iter().enumerate() {
        let at = id_index::slot(
            id_index::key(id.as_bytes(), &index.positions),
            index.multiplier,
            index.bits,
        );
        assert_eq!(usize::from(index.table[at]), i + 1, "{id}");
    }
    assert_eq!(index.table.iter().filter(|&&s| s != 0).count(), ids.len());
}

/// The length and the bytes at each position, a byte each; 0 past the end.
#[test]
fn a_key_is_the_length_and_the_bytes_at_the_positions() {
    assert_eq!(id_index::key(b"abc", &[]), 3);
    assert_eq!(
        id_index::key(b"abc", &[0, 2]),
        3 | u64::from(b'a') << 8 | u64::from(b'c') << 16
    );
    assert_eq!(id_index::key(b"abc", &[5]), 3);
}

/// Ids that only a length or one late byte tells apart are still told apart.
#[test]
fn tells_apart_ids_that_differ_late_or_in_length() {
    let ids = [
        "x/a-long-shared-prefix-1",
        "x/a-long-shared-prefix-2",
        "x/a-long-shared-prefix",
    ];
    let index = id_index::build(&ids).unwrap();
    assert_eq!(index.positions, [23]);
    assert!(
        id_index::build(&["same", "same"]).is_err(),
        "two equal ids share every key"
    );
    // Ids up to 255 bytes, whose length fits the key's low byte; one longer is refused.
    let (a, b) = ("a".repeat(255), "b".repeat(255));
    assert_eq!(id_index::build(&[&a, &b]).unwrap().positions, [0]);
    let (a, b) = ("a".repeat(300), "b".repeat(300));
    assert!(id_index::build(&[&a, &b]).is_err());
}

/// The table has room to spare: at least twice as many slots as ids (so a multiplier that
/// gives each its own is quickly found), and no more than four times.
#[test]
fn the_id_table_has_twice_the_slots_or_more() {
    for n in [1, 8, 24, 53, 100] {
        let ids: Vec<String> = (0..n)
            .map(|i| format!("vendor/model-{i}/text-to-video"))
            .collect();
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        let index = id_index::build(&ids).unwrap();
        let slots = index.table.len();
        assert!(
            slots >= 2 * n && slots <= 4 * n.max(1),
            "{n} ids, {slots} slots"
        );
    }
}
