//! The fast path: a byte scanner for the common case, a flat object of strings and booleans
//! without escapes (and, in a body, one nested `args` object), that accepts a valid request
//! without going through serde.
//!
//! It only ever says "valid, and here is the request", "valid but for a rule, and here are the
//! rule's violations" (written by the same function the full checker uses), or "not sure":
//! anything unusual (an escape, a number, a nested value, an unknown or repeated key, a value
//! that is not allowed) returns `None`, and the full checker in `walk.rs` decides and explains.
//! So the fast path can make the checker quicker but never change a verdict; a property test
//! holds the two to it.

use super::walk::{broken_rules, is_http_url, Form, BODY_FIELDS};
use super::Violation;
use crate::spec::{OptionKind, WireValue};
use crate::{Args, CreateJobRequest, Options, MODEL_ID, OPTIONS, RULES};

/// A value the fast path understands: a string without escapes, or a boolean.
#[derive(Clone, Copy)]
enum Value<'a> {
    Str(&'a str),
    Bool(bool),
}

/// The position of the first `"`, `\\` or control character in `bytes`: eight bytes at a time,
/// then one at a time.
fn special(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // Whether some byte of `v` is zero / below 0x20 (the classic SWAR tests; exact for a
    // "some byte" answer, which is all they decide here).
    let has_zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGHS != 0;
    let has_control = |v: u64| v.wrapping_sub(ONES * 0x20) & !v & HIGHS != 0;
    let mut at = 0;
    for chunk in bytes.chunks_exact(8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        if has_zero(w ^ (ONES * u64::from(b'"')))
            || has_zero(w ^ (ONES * u64::from(b'\\')))
            || has_control(w)
        {
            break;
        }
        at += 8;
    }
    let rest = bytes.get(at..)?;
    rest.iter()
        .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
        .map(|i| at + i)
}

struct Scanner<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Scanner<'a> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    /// Skips JSON white space: space, tab, line feed, carriage return.
    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> Option<()> {
        self.skip_ws();
        (self.peek()? == byte).then(|| self.at += 1)
    }

    /// A string without escapes or control characters, the opening quote next.
    fn string(&mut self) -> Option<&'a str> {
        self.eat(b'"')?;
        let start = self.at;
        let bytes = self.text.as_bytes();
        let end = start + special(&bytes[start..])?;
        (bytes[end] == b'"').then_some(())?;
        self.at = end + 1;
        // `end` is at an ASCII quote, so both ends are character boundaries.
        self.text.get(start..end)
    }

    fn literal(&mut self, word: &str) -> Option<()> {
        let rest = self.text.as_bytes().get(self.at..)?;
        rest.starts_with(word.as_bytes())
            .then(|| self.at += word.len())
    }

    /// A string, `true` or `false`.
    fn value(&mut self) -> Option<Value<'a>> {
        self.skip_ws();
        match self.peek()? {
            b'"' => self.string().map(Value::Str),
            b't' => self.literal("true").map(|()| Value::Bool(true)),
            b'f' => self.literal("false").map(|()| Value::Bool(false)),
            _ => None,
        }
    }

    /// The members of an object, the opening brace next: calls `member` for each key.
    fn object(&mut self, mut member: impl FnMut(&mut Self, &'a str) -> Option<()>) -> Option<()> {
        self.eat(b'{')?;
        self.skip_ws();
        if self.peek()? == b'}' {
            self.at += 1;
            return Some(());
        }
        loop {
            let key = self.string()?;
            self.eat(b':')?;
            member(self, key)?;
            self.skip_ws();
            match self.peek()? {
                b',' => self.at += 1,
                b'}' => {
                    self.at += 1;
                    return Some(());
                }
                _ => return None,
            }
            self.skip_ws();
        }
    }

    /// An args object: every key an option, each once, each value allowed, a prompt that is
    /// not blank, and no rule broken.
    fn args(&mut self, keep_prompt: bool) -> Option<Result<Args, Vec<Violation>>> {
        let mut state = ArgsState::new();
        self.object(|s, key| {
            let value = s.value()?;
            state.apply(key, value, keep_prompt)
        })?;
        state.finish("/args")
    }
}

struct ArgsState {
    options: Options,
    prompt: Option<String>,
    prompt_ok: bool,
    seen: u64,
}

impl ArgsState {
    fn new() -> Self {
        ArgsState {
            options: Options::DEFAULT,
            prompt: None,
            prompt_ok: false,
            seen: 0,
        }
    }

    fn apply(&mut self, key: &str, value: Value<'_>, keep_prompt: bool) -> Option<()> {
        let index = OPTIONS.iter().position(|o| o.name == key)?;
        let bit = 1u64 << index;
        if self.seen & bit != 0 {
            return None;
        }
        self.seen |= bit;
        let spec = &OPTIONS[index];
        match (&spec.kind, value) {
            (OptionKind::Text { .. }, Value::Str(s)) if !s.trim().is_empty() => {
                self.prompt_ok = true;
                if keep_prompt {
                    self.prompt = Some(s.to_owned());
                }
                Some(())
            }
            (OptionKind::Enum { .. }, Value::Str(s)) => {
                self.options.set_at(index, WireValue::Str(s)).ok()
            }
            (OptionKind::Bool { .. }, Value::Bool(b)) => {
                self.options.set_at(index, WireValue::Bool(b)).ok()
            }
            _ => None,
        }
    }

    /// The args; or, when a rule is all that is wrong, its violations (as the full checker
    /// reports them); or `None`.
    fn finish(self, base: &str) -> Option<Result<Args, Vec<Violation>>> {
        if !self.prompt_ok {
            return None;
        }
        if (0..RULES.len()).any(|i| self.options.breaks(i)) {
            return Some(Err(broken_rules(&self.options, self.seen, 0, base)));
        }
        Some(Ok(Args {
            prompt: self.prompt.unwrap_or_default(),
            options: self.options,
        }))
    }
}

/// The verdict, if `bytes` is plainly valid in `form` or breaks nothing but a rule; `None` when
/// the full checker must decide.
pub(crate) fn judge(
    bytes: &[u8],
    form: Form,
    keep_prompt: bool,
) -> Option<Result<CreateJobRequest, Vec<Violation>>> {
    let text = std::str::from_utf8(bytes).ok()?;
    let mut s = Scanner { text, at: 0 };
    s.skip_ws();
    // Auto: a body starts with a body field more often than not; an args object with an option.
    let mut args = ArgsState::new();
    let mut body_seen = 0u8;
    let mut nested: Option<Result<Args, Vec<Violation>>> = None;
    let mut callback_url = None;
    s.object(|s, key| {
        if let Some(field) = BODY_FIELDS.iter().position(|f| *f == key) {
            if form == Form::Args || args.seen != 0 || body_seen & (1 << field) != 0 {
                return None;
            }
            body_seen |= 1 << field;
            if field == 1 {
                nested = Some(s.args(keep_prompt)?);
                return Some(());
            }
            match (field, s.value()?) {
                (0, Value::Str(model)) if model == MODEL_ID => Some(()),
                (2, Value::Str(url)) if is_http_url(url) => {
                    callback_url = Some(url.to_owned());
                    Some(())
                }
                _ => None,
            }
        } else {
            if form == Form::Body || body_seen != 0 {
                return None;
            }
            let value = s.value()?;
            args.apply(key, value, keep_prompt)
        }
    })?;
    s.skip_ws();
    if s.at != text.len() {
        return None;
    }
    let args = match (body_seen, form) {
        // A body needs its model and its args.
        (0b011 | 0b111, _) => nested?,
        (0, Form::Auto | Form::Args) => args.finish("")?,
        _ => return None,
    };
    Some(args.map(|args| CreateJobRequest { args, callback_url }))
}

/// The request, if `bytes` is plainly valid in `form`.
#[cfg(test)]
fn accept(bytes: &[u8], form: Form, keep_prompt: bool) -> Option<CreateJobRequest> {
    judge(bytes, form, keep_prompt)?.ok()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// The full checker's verdict, without the fast path.
    fn slow(bytes: &[u8], form: Form) -> Option<CreateJobRequest> {
        super::super::run_slow(bytes, form, true).ok()
    }

    fn body(args: &str) -> String {
        format!(r#"{{"model":"pixverse/pixverse-5.5/text-to-video","args":{args}}}"#)
    }

    #[test]
    fn accepts_plain_requests() {
        for (json, form) in [
            (r#"{"prompt":"a cat"}"#.to_owned(), Form::Auto),
            (" {\n\t\"prompt\" : \"a cat\" , \"duration\":\"8\",\"multi_shot\":true }\r\n".to_owned(), Form::Args),
            (body(r#"{"prompt":"é ☃","resolution":"540p"}"#), Form::Body),
            (
                r#"{"model":"pixverse/pixverse-5.5/text-to-video","args":{"prompt":"x"},"callback_url":"https://e.x/h"}"#
                    .to_owned(),
                Form::Auto,
            ),
        ] {
            let fast = accept(json.as_bytes(), form, true);
            assert!(fast.is_some(), "{json}");
            assert_eq!(fast, slow(json.as_bytes(), form), "{json}");
        }
    }

    #[test]
    fn leaves_anything_unusual_to_the_full_checker() {
        for json in [
            r#"{"prompt":"a \"cat\""}"#,
            r#"{"prompt":"a","duration":8}"#,
            r#"{"prompt":"a","duration":"8","duration":"8"}"#,
            r#"{"prompt":"a","extra":true}"#,
            r#"{"prompt":" "}"#,
            r#"{"prompt":"a","resolution":"1080p","duration":"10"}"#,
            r#"{"prompt":"a"} x"#,
            r#"{"prompt":"a",}"#,
            r#"{"prompt":"a","model":"pixverse/pixverse-5.5/text-to-video"}"#,
            r#"{"model":"pixverse/pixverse-5.5/text-to-video"}"#,
            r#"{"prompt":"a	b"}"#,
            "[]",
            "",
        ] {
            assert_eq!(accept(json.as_bytes(), Form::Auto, true), None, "{json}");
        }
        // Invalid UTF-8 anywhere is the full checker's to report.
        for bytes in [
            &b"{\"prompt\":\"a \xff\"}"[..],
            b"{\"prompt\":\"a\",\"resolution\":\"540p\xff\"}",
            b"{\"prompt\xff\":\"a\"}",
            b"{\"prompt\":\"a\"}\xff",
            b"\xef\xbb\xbf{\"prompt\":\"a\"}",
        ] {
            assert_eq!(accept(bytes, Form::Auto, true), None, "{bytes:?}");
        }
    }

    fn token() -> impl Strategy<Value = String> {
        prop::sample::select(vec![
            "{",
            "}",
            ",",
            ":",
            " ",
            "\"prompt\"",
            "\"a cat\"",
            "\" \"",
            "\"resolution\"",
            "\"1080p\"",
            "\"540p\"",
            "\"duration\"",
            "\"10\"",
            "\"8\"",
            "true",
            "false",
            "\"multi_shot\"",
            "\"model\"",
            "\"args\"",
            "\"pixverse/pixverse-5.5/text-to-video\"",
            "\"callback_url\"",
            "\"https://e.x/h\"",
            "\"x\\\"y\"",
            "1",
            "null",
            "\"\\u00e9\"",
            "\"é\"",
        ])
        .prop_map(str::to_owned)
    }

    /// Well-formed objects of known and unknown keys with assorted values, bare or in a body.
    fn object_text() -> impl Strategy<Value = String> {
        let key = prop::sample::select(vec![
            "prompt",
            "resolution",
            "duration",
            "aspect_ratio",
            "generate_audio",
            "multi_shot",
            "fps",
            "model",
        ]);
        let value = prop::sample::select(vec![
            "\"a cat\"",
            "\" \"",
            "\"\"",
            "\"1080p\"",
            "\"540p\"",
            "\"10\"",
            "\"8\"",
            "\"5\"",
            "\"16:9\"",
            "\"4:3\"",
            "true",
            "false",
            "8",
            "null",
            "\"x\\ny\"",
            "[]",
            "{}",
        ]);
        let members = prop::collection::vec((key, value), 0..7).prop_map(|m| {
            let parts: Vec<String> = m.iter().map(|(k, v)| format!("\"{k}\":{v}")).collect();
            format!("{{{}}}", parts.join(","))
        });
        (members, 0..4u8).prop_map(|(args, wrap)| match wrap {
            0 => body(&args),
            1 => body(&args).replace("\"model\":\"pixverse/pixverse-5.5/text-to-video\",", ""),
            2 => format!(" {args}\n"),
            _ => args,
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 20_000, ..ProptestConfig::default() })]

        /// On well-formed objects the fast path often accepts, and always as the full checker.
        #[test]
        fn agrees_on_objects(json in object_text(), form in 0..3u8) {
            let form = [Form::Auto, Form::Args, Form::Body][usize::from(form)];
            if let Some(verdict) = judge(json.as_bytes(), form, true) {
                let full = super::super::run_slow(json.as_bytes(), form, true).map_err(|v| v.into_iter().collect::<Vec<_>>());
                prop_assert_eq!(verdict, full, "{}", json);
            }
            let fast = accept(json.as_bytes(), form, true);
            let slow = slow(json.as_bytes(), form);
            // Everything valid without escapes, numbers or nesting is taken by the fast path.
            if slow.is_some() && !json.contains('\\') {
                prop_assert!(fast.is_some(), "the fast path missed {}", json);
            }
        }

        /// Whatever the fast path accepts, the full checker accepts the same way.
        #[test]
        fn never_disagrees_with_the_full_checker(tokens in prop::collection::vec(token(), 0..24), form in 0..3u8) {
            let json = tokens.concat();
            let form = [Form::Auto, Form::Args, Form::Body][usize::from(form)];
            if let Some(fast) = accept(json.as_bytes(), form, true) {
                prop_assert_eq!(Some(fast), slow(json.as_bytes(), form), "{}", json);
            }
        }
    }
}

#[cfg(test)]
mod special_tests {
    use super::special;

    #[test]
    fn finds_the_first_quote_backslash_or_control_character() {
        for len in 0..40 {
            for (byte, at) in [
                (b'"', 0usize),
                (b'\\', 3),
                (0x1f, 7),
                (0x00, 8),
                (b'\n', 20),
                (b'"', 39),
            ] {
                let mut bytes = vec![b'a'; len];
                if at < len {
                    bytes[at] = byte;
                    // 0x20 and above are ordinary, 0x7f and UTF-8 bytes too.
                    bytes.iter_mut().skip(at + 1).for_each(|b| *b = 0x7f);
                    assert_eq!(special(&bytes), Some(at), "{len} {at}");
                } else {
                    assert_eq!(special(&bytes), None);
                }
            }
        }
        assert_eq!(special("é ☃ \u{20}".as_bytes()), None);
    }
}
