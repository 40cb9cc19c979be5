//! Prints the exact quote for one request of any model, read as JSON from the last argument or
//! from stdin: a whole create-job body (its `model` decides), or bare `args` of the model that
//! `--model ID` names.
//!
//! ```sh
//! echo '{"model":"pixverse/pixverse-6.0/text-to-video","args":{"prompt":"a cat","duration":"8"}}' | cargo run --example quote
//! cargo run --example quote -- --model pixverse/pixverse-5.5/text-to-video '{"prompt":"x","duration":"10"}'
//! ```
//!
//! Exit codes: 0 quoted (the quote on stdout), 1 rejected (`{"errors":[…]}` on stdout),
//! 2 the command line or the input could not be read.

use std::ffi::OsString;
use std::io::{IsTerminal, Read};
use std::process::ExitCode;

use shortapi_pricing::{quote_as, Expect, Model};

fn main() -> ExitCode {
    let mut args: Vec<OsString> = std::env::args_os().skip(1).collect();
    // `--model ID`: the model of bare args (an unknown id is refused with the known ones).
    let mut model = None;
    if args.first().is_some_and(|a| a == "--model") {
        let id = args.get(1).and_then(|id| id.to_str()).unwrap_or_default();
        match id.parse::<Model>() {
            Ok(m) => model = Some(m),
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(2);
            }
        }
        args.drain(..2);
    }
    const NO_REQUEST: &str = "error: no request: give a create-job body (or bare args with \
        --model ID) as the last argument or on stdin";
    let input = match args.pop() {
        Some(arg) => arg.into_encoded_bytes(),
        // Nobody is typing into a terminal: say what to give rather than wait.
        None if std::io::stdin().is_terminal() => {
            eprintln!("{NO_REQUEST}");
            return ExitCode::from(2);
        }
        None => {
            let mut buf = Vec::new();
            if let Err(e) = std::io::stdin().read_to_end(&mut buf) {
                eprintln!("error: cannot read stdin: {e}");
                return ExitCode::from(2);
            }
            buf
        }
    };
    // Nothing at all is no request (exit 2), not a rejected one.
    if input
        .iter()
        .all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
    {
        eprintln!("{NO_REQUEST}");
        return ExitCode::from(2);
    }
    // The pre-flight quote: check, then price, in one call.
    let (json, code) = match quote_as(&input, Expect::Either(model)) {
        Ok(quote) => (serde_json::to_string_pretty(&quote), 0),
        Err(violations) => (serde_json::to_string_pretty(&violations), 1),
    };
    match json {
        Ok(text) => println!("{text}"),
        Err(e) => {
            eprintln!("error: cannot write the result: {e}");
            return ExitCode::from(2);
        }
    }
    ExitCode::from(code)
}
