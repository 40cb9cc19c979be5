//! Where a single request comes from: flags, `--json`, or stdin.

use std::io::{IsTerminal, Read};

use serde_json::{Map, Value};

use crate::{Failure, OptionFlags};

/// The prompt `quote` uses when flags give none: the prompt does not change the price.
const NO_PROMPT: &str = "(no prompt given)";

/// The request text: `--json` (`-` for stdin) if given; else the flags if any is set; else stdin
/// when it is not a terminal; else the defaults.
pub fn single(flags: &OptionFlags, json: Option<&str>, quoting: bool) -> Result<Vec<u8>, Failure> {
    match json {
        Some("-") => read_stdin(),
        Some(text) => Ok(text.as_bytes().to_vec()),
        None if any_set(flags) || std::io::stdin().is_terminal() => {
            Ok(from_flags(flags, quoting).into_bytes())
        }
        None => read_stdin(),
    }
}

fn any_set(f: &OptionFlags) -> bool {
    f.prompt.is_some()
        || f.resolution.is_some()
        || f.duration.is_some()
        || f.aspect_ratio.is_some()
        || f.generate_audio.is_some()
        || f.multi_shot.is_some()
}

/// Stdin as bytes: invalid UTF-8 is the checker's to report, as `invalid_json`.
fn read_stdin() -> Result<Vec<u8>, Failure> {
    let mut buf = Vec::new();
    std::io::stdin()
        .read_to_end(&mut buf)
        .map_err(|e| Failure::Input(format!("cannot read stdin: {e}")))?;
    Ok(buf)
}

/// The flags as a bare args object, for the checker to judge like any other request. Values are
/// passed as given, so `--duration 7` is reported with the allowed values like `"duration": "7"`.
pub fn from_flags(f: &OptionFlags, quoting: bool) -> String {
    let mut args = Map::new();
    match (&f.prompt, quoting) {
        (Some(p), _) => {
            args.insert("prompt".into(), Value::String(p.clone()));
        }
        (None, true) => {
            args.insert("prompt".into(), Value::String(NO_PROMPT.into()));
        }
        (None, false) => {}
    }
    for (name, value) in [
        ("resolution", &f.resolution),
        ("duration", &f.duration),
        ("aspect_ratio", &f.aspect_ratio),
    ] {
        if let Some(v) = value {
            args.insert(name.into(), Value::String(v.clone()));
        }
    }
    for (name, value) in [
        ("generate_audio", f.generate_audio),
        ("multi_shot", f.multi_shot),
    ] {
        if let Some(v) = value {
            args.insert(name.into(), Value::Bool(v));
        }
    }
    Value::Object(args).to_string()
}
