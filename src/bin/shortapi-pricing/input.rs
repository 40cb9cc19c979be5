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

/// Where the request is read from, decided from the command line and whether stdin is a
/// terminal (a pure function of the two, so each case is tested without a terminal).
#[derive(Debug, PartialEq, Eq)]
enum Origin<'a> {
    /// The option flags, as bare args of `--model`.
    Flags,
    /// The text of `--json TEXT`.
    Text(&'a str),
    /// Stdin: `--json -`, or no flag at all with a pipe or file on stdin.
    Stdin,
}

/// Decides where the request comes from: `--json` (`-` for stdin) if given; else the flags if
/// any is set; else stdin when it is not a terminal. Nothing at all (no flag, no `--json`, and
/// a terminal on stdin, which would only be waited on) is the usage error [`no_request`].
fn origin<'a>(
    json: Option<&'a str>,
    flags: bool,
    stdin_is_terminal: bool,
) -> Result<Origin<'a>, Failure> {
    match json {
        Some(_) if flags => Err(Failure::Input(
            "option flags do not apply to --json: the JSON gives the options (or drop --json and \
             give them all as flags)"
                .to_owned(),
        )),
        Some("-") => Ok(Origin::Stdin),
        Some(text) => Ok(Origin::Text(text)),
        None if flags => Ok(Origin::Flags),
        None if stdin_is_terminal => Err(no_request(None)),
        None => Ok(Origin::Stdin),
    }
}

/// The request: see [`origin`]. JSON may be a whole body (its own `model` decides) or bare args
/// of `--model`; flags need `--model` and cannot be mixed with `--json`. JSON that is empty or
/// only white space is no request (a usage error, exit 2), not a rejected one.
pub fn single(
    model: Option<Model>,
    flags: &Given,
    json: Option<&str>,
    quoting: bool,
) -> Result<Single, Failure> {
    let terminal = std::io::stdin().is_terminal();
    let (text, input) = match origin(json, flags.any(), terminal)? {
        Origin::Flags => {
            let model = model.ok_or_else(need_model)?;
            return Ok(Single {
                text: flags.to_args_json(model, quoting)?.into_bytes(),
                expect: Expect::Args(model),
            });
        }
        Origin::Text(text) => (text.as_bytes().to_vec(), "--json"),
        Origin::Stdin => {
            if terminal {
                eprintln!("reading the request from stdin (a terminal): end it with Ctrl-D");
            }
            (read_stdin()?, "stdin")
        }
    };
    // JSON's white space: a space, tab, line feed or carriage return.
    if text
        .iter()
        .all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
    {
        return Err(no_request(Some(input)));
    }
    Ok(Single {
        text,
        expect: Expect::Either(model),
    })
}

/// The usage error for a command line that gives no request; `empty` names the input that
/// was given but held nothing (`--json` or `stdin`).
fn no_request(empty: Option<&str>) -> Failure {
    let what = match empty {
        Some(origin) => format!("no request: {origin} is empty"),
        None => "no request: no option flags, no --json, and stdin is a terminal".to_owned(),
    };
    Failure::Input(format!(
        "{what}; give the options as flags with --model ID (`--help` lists them), a body or \
         bare args with --json '{{…}}' (--json - reads stdin), or pipe a request on stdin"
    ))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn message(f: Result<Origin<'_>, Failure>) -> String {
        match f {
            Err(Failure::Input(m)) => m,
            Err(Failure::Output(e)) => panic!("an output error: {e}"),
            Ok(origin) => panic!("no usage error: {origin:?}"),
        }
    }

    #[test]
    fn the_request_comes_from_json_then_flags_then_a_stdin_that_is_not_a_terminal() {
        for terminal in [false, true] {
            assert_eq!(origin(Some("-"), false, terminal).ok(), Some(Origin::Stdin));
            assert_eq!(
                origin(Some("{}"), false, terminal).ok(),
                Some(Origin::Text("{}"))
            );
            assert_eq!(origin(None, true, terminal).ok(), Some(Origin::Flags));
            assert!(message(origin(Some("{}"), true, terminal)).contains("do not apply to --json"));
        }
        assert_eq!(origin(None, false, false).ok(), Some(Origin::Stdin));
    }

    #[test]
    fn nothing_at_all_on_a_terminal_is_a_usage_error_not_a_wait() {
        let m = message(origin(None, false, true));
        assert!(m.starts_with("no request: no option flags, no --json, and stdin is a terminal; give the options as flags with --model ID"), "{m}");
        assert!(m.contains("--json - reads stdin"), "{m}");
        assert!(m.contains("pipe a request on stdin"), "{m}");
    }
}
