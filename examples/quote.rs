//! Prints the exact quote for one request, read as JSON from the first argument or from stdin:
//! the bare `args` object or a whole create-job body.
//!
//! ```sh
//! echo '{"prompt":"a black lab swimming","resolution":"1080p","duration":"8"}' | cargo run --example quote
//! cargo run --example quote -- '{"prompt":"x","duration":10}'
//! ```
//!
//! Exit codes: 0 quoted (the quote on stdout), 1 rejected (`{"errors":[…]}` on stdout),
//! 2 the input could not be read.

use std::io::Read;
use std::process::ExitCode;

use pixverse_pricing::quote_json;

fn main() -> ExitCode {
    let input = match std::env::args_os().nth(1) {
        Some(arg) => arg.into_encoded_bytes(),
        None => {
            let mut buf = Vec::new();
            if let Err(e) = std::io::stdin().read_to_end(&mut buf) {
                eprintln!("error: cannot read stdin: {e}");
                return ExitCode::from(2);
            }
            buf
        }
    };
    // The pre-flight quote: check, then price, in one call.
    let (json, code) = match quote_json(&input) {
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
