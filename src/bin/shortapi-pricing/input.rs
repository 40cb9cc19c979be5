//! Where a single request comes from: flags (with `--model`), `--json`, or stdin.

use std::io::{IsTerminal, Read};

use shortapi_pricing::{Expect, Model};

use crate::flags::Given;
use crate::Failure;

/// One request's text and how to read it.
pub struct Single {
    /// The JSON text.
    pub text: Vec<u8>,
    /// A body, or bare args of the `--model` model.
    pub expect: Expect,
}

/// The request: `--json` (`-` for stdin) if given; else the flags if any is set; else stdin
/// when it is not a terminal; else the model's defaults. JSON may be a whole body (its own
/// `model` decides) or bare args of `--model`; flags need `--model` and cannot be mixed with
/// `--json`.
pub fn single(
    model: Option<Model>,
    flags: &Given,
    json: Option<&str>,
    quoting: bool,
) -> Result<Single, Failure> {
    let expect = Expect::Either(model);
    if json.is_some() && flags.any() {
        return Err(Failure::Input(
            "option flags do not apply to --json: the JSON gives the options (or drop --json and \
             give them all as flags)"
                .to_owned(),
        ));
    }
    let text = match json {
        Some("-") => read_stdin()?,
        Some(text) => text.as_bytes().to_vec(),
        None if flags.any() || std::io::stdin().is_terminal() => {
            let model = model.ok_or_else(need_model)?;
            return Ok(Single {
                text: flags.to_args_json(model, quoting)?.into_bytes(),
                expect: Expect::Args(model),
            });
        }
        None => read_stdin()?,
    };
    Ok(Single { text, expect })
}

/// The usage error when flags name no model.
pub fn need_model() -> Failure {
    Failure::Input(format!(
        "the option flags need --model ID; known models: {}",
        Model::IDS.join(", ")
    ))
}

/// Stdin as bytes: invalid UTF-8 is the checker's to report, as `invalid_json`.
fn read_stdin() -> Result<Vec<u8>, Failure> {
    let mut buf = Vec::new();
    std::io::stdin()
        .read_to_end(&mut buf)
        .map_err(|e| Failure::Input(format!("cannot read stdin: {e}")))?;
    Ok(buf)
}
