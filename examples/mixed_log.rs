//! Writes a deterministic JSONL usage log that mixes every model, for the CLI throughput
//! comparison (`benches/cli_throughput.sh`): create-job bodies with every option written out,
//! prompts of 8 to 67 words, image URLs and shots where a model needs them, and about 2 %
//! rejected lines (a rule broken, such as 1080p at 10 s, in one line in ten that would break
//! one; an unknown aspect ratio; 0.5 % corrupt). Every
//! price form is in it: exact prices, requests the pages give no price for, and for a model
//! priced by a measured quantity three lines in four `{"request": …, "usage": {…}}` (the rest
//! estimates).
//!
//! ```sh
//! cargo run --release --example mixed_log -- 200000 > mixed.jsonl   # about 90 MB
//! ```

use std::io::{self, BufWriter, Write};

use shortapi_pricing::spec::OptionKind;
use shortapi_pricing::{Args, CreateJobRequest, Fields, Model, Selection};

const IMAGES: [&str; 2] = [
    "https://example.com/frames/0001.png",
    "https://example.com/frames/0002.png",
];

const WORDS: [&str; 24] = [
    "a", "black", "lab", "swimming", "in", "a", "lake", "at", "sunset", "over", "the", "city",
    "drone", "shot", "slow", "motion", "waves", "crashing", "neon", "street", "rain", "golden",
    "forest", "mist",
];

/// Every combination of every model's enum and bool options (free text aside), rules
/// included: a log holds requests the API refuses too.
fn all_selections() -> Vec<Selection> {
    let mut all = Vec::new();
    for model in Model::ALL {
        let mut rows = vec![Selection::defaults(model)];
        for (index, option) in model.spec().options.iter().enumerate() {
            let values: Vec<shortapi_pricing::spec::WireValue<'static>> = match option.kind {
                OptionKind::Enum { values, .. } => values
                    .iter()
                    .map(|v| shortapi_pricing::spec::WireValue::Str(v))
                    .collect(),
                OptionKind::Bool { .. } => vec![
                    shortapi_pricing::spec::WireValue::Bool(false),
                    shortapi_pricing::spec::WireValue::Bool(true),
                ],
                _ => continue,
            };
            rows = rows
                .into_iter()
                .flat_map(|row| {
                    values.iter().map(move |&v| {
                        let mut next = row;
                        next.set_at(index, v).expect("a value of the spec");
                        next
                    })
                })
                .collect();
        }
        all.extend(rows);
    }
    all
}

fn main() -> io::Result<()> {
    let lines: usize = std::env::args()
        .nth(1)
        .map(|s| s.parse().expect("the number of lines"))
        .unwrap_or(200_000);
    let all = all_selections();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let out = io::stdout();
    let mut out = BufWriter::new(out.lock());
    for i in 0..lines {
        let words = 8 + (next() % 60) as usize;
        let prompt: Vec<&str> = (0..words)
            .map(|_| WORDS[(next() % WORDS.len() as u64) as usize])
            .collect();
        let prompt = prompt.join(" ");
        // Mostly valid requests; about one in ten breaks a rule.
        let mut selection;
        loop {
            selection = all[(next() as usize ^ i) % all.len()];
            if selection.broken_rule().is_none() || next() % 100 < 10 {
                break;
            }
        }
        // The prompt, every other required text and list (and one a condition may require, as
        // Vidu's `voice_id` or Kling 3.0's shots): two images for a list of text, one item for
        // a list whose items a sum adds up (its field the whole option it equals).
        let spec = selection.spec();
        let mut texts: Vec<(&str, &str)> = vec![("prompt", &prompt)];
        let mut items: Vec<(&str, Vec<String>)> = Vec::new();
        for (k, option) in spec.options.iter().enumerate() {
            let needed =
                option.is_required() || spec.requirements.iter().any(|r| r.present && r.field == k);
            if option.is_text() && needed && option.name != "prompt" {
                texts.push((option.name, "https://example.com/frames/0001.png"));
            }
            if option.is_list() && needed {
                let list = match spec.sums.iter().find(|sum| sum.list == k) {
                    Some(sum) => vec![format!(
                        r#"{{"{}":{}}}"#,
                        sum.field_name,
                        selection.slot(sum.equals)
                    )],
                    None => IMAGES.map(str::to_owned).to_vec(),
                };
                items.push((option.name, list));
            }
        }
        let item_refs: Vec<Vec<&str>> = items
            .iter()
            .map(|(_, list)| list.iter().map(String::as_str).collect())
            .collect();
        let lists: Vec<(&str, &[&str])> = items
            .iter()
            .zip(&item_refs)
            .map(|((name, _), list)| (*name, list.as_slice()))
            .collect();
        let args = Args::from_inputs(selection, &texts, &lists).expect("valid inputs");
        let mut line = CreateJobRequest::new(args)
            .with_callback_url("https://example.com/hooks/pixverse")
            .to_json(Fields::All);
        match next() % 200 {
            0 => line.truncate(line.len() / 2), // corrupt
            1..=8 => line = line.replacen("\"16:9\"", "\"21:9\"", 1), // unknown value
            _ => {}
        }
        // A model priced by a measured quantity: most lines give it (a length in tenths of a
        // second within the page's range), the rest are estimates.
        if let Some(q) = selection.spec().pricing.quantities.first() {
            if next() % 4 != 0 {
                let least: u64 = q.minimum.ceil().to_string().parse().unwrap_or(0);
                let tenths = 10 * least + next() % 60;
                line = format!(
                    "{{\"request\":{line},\"usage\":{{\"{}\":{}.{}}}}}",
                    q.name,
                    tenths / 10,
                    tenths % 10
                );
            }
        }
        out.write_all(line.as_bytes())?;
        out.write_all(b"\n")?;
    }
    out.flush()
}
