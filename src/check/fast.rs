//! The fast path: a byte scanner for the common case that accepts a valid request of any model
//! without going through serde. It reads a flat object whose keys are plain strings and whose
//! values are strings without escapes, booleans and integers (and, in a body, one nested `args`
//! object of that kind), and judges each value against the tables of the body's `model` (or the
//! model bare args are read as).
//!
//! It only ever says "valid, and here is the request", "valid but for a rule, and here are the
//! rule's violations" (written by the function the full checker uses), or "not sure": anything
//! unusual (an escape, a fraction, a nested value, an unknown or repeated key, an unknown model,
//! a value that is not allowed, a missing or blank input) returns `None`, and the full checker in
//! `walk.rs` decides and explains. So the fast path can make the checker quicker but never
//! change a verdict; the tests below hold the two to it on every model.
//!
//! Per request it allocates nothing but the copies of the free text that a check keeps (a quote
//! keeps none) and the callback URL.
//!
//! The few functions forced inline for speed are forced only off WebAssembly: the package is
//! downloaded, and built for size, so there the optimizer decides.

use super::walk::{
    broken_limits, broken_relations, broken_requirements, broken_rules, broken_sum, broken_totals,
    is_http_url, BODY_FIELDS,
};
use super::{Expect, ListTexts, Slot, Violation};
use crate::spec::{ListItem, ModelSpec, OptionKind, OptionSpec};
use crate::{Model, Selection, MAX_OPTIONS};
use rust_decimal::Decimal;

/// A value the fast path understands: a string without escapes, a boolean, an integer that
/// serde_json reads as one, or an array of strings without escapes, none blank. (A list of
/// objects is read where its option is: see [`ArgsState::member`].)
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Value<'a> {
    Str(&'a str),
    Bool(bool),
    Int(i64),
    /// The array's text, brackets included (read again to keep its items), and its length.
    List(&'a str, usize),
}

/// The position of the first `"`, `\\` or control character in `bytes`: sixteen bytes at a time
/// as two words tested side by side, then eight (as serde_json skips a string), then one at a
/// time.
#[inline(never)] // Its own registers: inlined, the loop reloads its constants each word.
fn special(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = ONES << 7;
    // The high bit of each byte of `w` that is `"`, `\` or below 0x20, and perhaps of bytes
    // after such a byte (a borrow carries on); never of a byte before the first: so the lowest
    // set bit is exact, which is all that is read.
    let hits = |w: u64| {
        let quote = w ^ (ONES * u64::from(b'"'));
        let backslash = w ^ (ONES * u64::from(b'\\'));
        (quote.wrapping_sub(ONES) & !quote
            | backslash.wrapping_sub(ONES) & !backslash
            | w.wrapping_sub(ONES * 0x20) & !w)
            & HIGHS
    };
    let word = |chunk: &[u8]| {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        u64::from_le_bytes(word)
    };
    let mut at = 0;
    // Two words an iteration while they last (their tests run side by side), then one.
    let mut pairs = bytes.chunks_exact(16);
    for pair in pairs.by_ref() {
        let (low, high) = (hits(word(&pair[..8])), hits(word(&pair[8..])));
        if low | high != 0 {
            let (found, base) = if low != 0 { (low, 0) } else { (high, 8) };
            return Some(at + base + found.trailing_zeros() as usize / 8);
        }
        at += 16;
    }
    let mut chunks = pairs.remainder().chunks_exact(8);
    for chunk in chunks.by_ref() {
        let found = hits(word(chunk));
        if found != 0 {
            return Some(at + found.trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
        .map(|i| at + i)
}

/// Whether `text` is blank (`trim` leaves nothing, as the full checker's `text_violation` tests),
/// decided at the first byte where it can: printable ASCII other than a space is not white
/// space, and a URL or a prompt mostly starts with one.
#[inline]
fn blank(text: &str) -> bool {
    match text.as_bytes().first() {
        Some(b'!'..=b'~') => false,
        _ => text.trim().is_empty(),
    }
}

/// `a == b`, inline: the names compared here are short and mostly differ in length or in the
/// first byte, where a call to `memcmp` costs more than the comparison.
#[inline]
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| x == y)
}

/// [`ModelSpec::option_index`] with [`same`].
fn option_index(spec: &ModelSpec, name: &str) -> Option<usize> {
    spec.options.iter().position(|o| same(o.name, name))
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

    /// `word` next: compared as one array, not through a call to `memcmp`.
    fn literal<const N: usize>(&mut self, word: &[u8; N]) -> Option<()> {
        let rest = self.text.as_bytes().get(self.at..)?;
        (rest.first_chunk::<N>() == Some(word)).then(|| self.at += N)
    }

    /// A JSON integer that serde_json reads as an integer and that fits an `i64` however it
    /// is written: `0`, or up to 18 digits without a leading zero, with an optional minus.
    /// Anything else (`-0`, which serde_json reads as a float; a fraction or exponent; more
    /// digits) is left to the full checker.
    fn integer(&mut self) -> Option<i64> {
        let bytes = self.text.as_bytes();
        let negative = bytes.get(self.at) == Some(&b'-');
        let start = self.at + usize::from(negative);
        let digits = bytes.get(start..)?;
        let len = digits.iter().take_while(|b| b.is_ascii_digit()).count();
        let first = *digits.first()?;
        if len == 0 || len > 18 || (first == b'0' && (len > 1 || negative)) {
            return None;
        }
        if let Some(b'.' | b'e' | b'E') = digits.get(len) {
            return None;
        }
        let magnitude = digits[..len]
            .iter()
            .fold(0i64, |n, d| n * 10 + i64::from(d - b'0'));
        self.at = start + len;
        Some(if negative { -magnitude } else { magnitude })
    }

    /// A string, `true`, `false`, an integer or a list of strings.
    // Its result stays in registers: through memory, the copy stalled.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn value(&mut self) -> Option<Value<'a>> {
        self.skip_ws();
        match self.peek()? {
            b'"' => self.string().map(Value::Str),
            b't' => self.literal(b"true").map(|()| Value::Bool(true)),
            b'f' => self.literal(b"false").map(|()| Value::Bool(false)),
            b'-' | b'0'..=b'9' => self.integer().map(Value::Int),
            b'[' => {
                let start = self.at;
                let count = self.list(|_| {})?;
                Some(Value::List(self.text.get(start..self.at)?, count))
            }
            _ => None,
        }
    }

    /// Whether an array that opens with an object is next (white space skipped).
    #[inline(never)] // Only for an option that takes a list of objects (Kling's shots).
    fn objects_next(&mut self) -> bool {
        self.skip_ws();
        let rest = self.text.as_bytes().get(self.at..).unwrap_or_default();
        let mut after = rest.iter().filter(|b| !b.is_ascii_whitespace());
        after.next() == Some(&b'[') && after.next() == Some(&b'{')
    }

    /// Steps over an array of flat objects, the opening bracket next.
    #[inline(never)]
    fn skip_objects(&mut self) -> Option<()> {
        self.objects(|s| s.object(|s, _| s.value().map(drop)))
            .map(drop)
    }

    /// An array of flat objects (members of [`value`](Self::value)s), the opening
    /// bracket next: calls `item` on a scanner at each object; its length.
    fn objects(&mut self, mut item: impl FnMut(&mut Self) -> Option<()>) -> Option<usize> {
        self.eat(b'[')?;
        let mut count = 0;
        loop {
            self.skip_ws();
            item(self)?;
            count += 1;
            self.skip_ws();
            match self.peek()? {
                b',' => self.at += 1,
                b']' => {
                    self.at += 1;
                    return Some(count);
                }
                _ => return None,
            }
        }
    }

    /// An array of strings without escapes, none blank (the full checker's `text_violation`
    /// test), the opening bracket next: calls `item` for each; its length.
    fn list(&mut self, mut item: impl FnMut(&'a str)) -> Option<usize> {
        self.eat(b'[')?;
        self.skip_ws();
        if self.peek()? == b']' {
            self.at += 1;
            return Some(0);
        }
        let mut count = 0;
        loop {
            let text = self.string()?;
            if blank(text) {
                return None;
            }
            item(text);
            count += 1;
            self.skip_ws();
            match self.peek()? {
                b',' => self.at += 1,
                b']' => {
                    self.at += 1;
                    return Some(count);
                }
                _ => return None,
            }
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

    /// An args object of `model` inside a body (pointers under `/args`).
    fn args(&mut self, model: Model, slot: &mut dyn Slot) -> Option<Verdict> {
        let keep_text = slot.keeps_text();
        let mut state = ArgsState::new(model);
        self.object(|s, key| {
            let index = state.find(key)?;
            state.member(index, s, keep_text)
        })?;
        state.finish("/args", slot)
    }

    /// Reads the `args` of a body whose `model` comes later, without judging them: their
    /// members, to be judged once the model is known without reading the text again (a list
    /// of objects is kept as its text, read again against its item's fields).
    fn early_args(&mut self) -> Option<Early<'a>> {
        let mut early = Early {
            members: [("", Member::Value(Value::Bool(false))); MAX_OPTIONS],
            len: 0,
        };
        self.object(|s, key| {
            // More members than any model has options: a repeat or an unknown field, which
            // the full checker reports.
            let member = early.members.get_mut(early.len)?;
            *member = if s.objects_next() {
                let start = s.at;
                s.skip_objects()?;
                (key, Member::Objects(s.text.get(start..s.at)?))
            } else {
                (key, Member::Value(s.value()?))
            };
            early.len += 1;
            Some(())
        })?;
        Some(early)
    }
}

/// The run-time slot of a non-text option's value, if it is plainly allowed: an enum's wire
/// string, a boolean, an integer in range.
// Once a member: as a call, 5 % of a PixVerse body's profile.
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
fn slot(kind: &OptionKind, value: Value<'_>) -> Option<i64> {
    match (kind, value) {
        (OptionKind::Enum { values, .. }, Value::Str(s)) => {
            values.iter().position(|v| same(v, s)).map(|i| i as i64)
        }
        (OptionKind::Bool { .. }, Value::Bool(b)) => Some(i64::from(b)),
        (
            &OptionKind::Integer {
                minimum,
                maximum,
                values,
                string,
                ..
            },
            value,
        ) => {
            let n = match (string, value) {
                (false, Value::Int(n)) => n,
                (true, Value::Str(s)) => crate::spec::canonical_integer(s)?,
                _ => return None,
            };
            ((minimum..=maximum).contains(&n) && (values.is_empty() || values.contains(&n)))
                .then_some(n)
        }
        _ => None,
    }
}

/// Reads the items of the list of objects at `options[index]` (`s` at its opening bracket, a
/// non-empty list): each a flat object of the item's `fields`, every member a field and
/// plainly allowed (a member the spec does not know, which passes where the page's copy is cut
/// inside the fields, is the full checker's), its required fields given; each item's JSON, as
/// the full checker keeps it, pushed to `keep`. Gives the number of items and the sum of the
/// field a [`Sum`](crate::spec::Sum) adds over this list (0 without one); `None` where the
/// full checker must judge, as for a model with two sums or a field of a form no page gives an
/// item.
fn objects(
    spec: &ModelSpec,
    index: usize,
    s: &mut Scanner<'_>,
    fields: &'static [OptionSpec],
    mut keep: Option<&mut Vec<String>>,
) -> Option<(usize, i64)> {
    if spec.sums.len() > 1 {
        return None;
    }
    let summed = spec.sums.iter().find(|x| x.list == index).map(|x| x.field);
    let mut total = 0i64;
    let count = s.objects(|s| {
        let mut seen = 0u64;
        let mut json: Vec<Option<String>> = Vec::new();
        if keep.is_some() {
            json.resize(fields.len(), None);
        }
        s.object(|s, key| {
            // A member the spec does not know (which an open item lets pass) is the full
            // checker's, as at the top level.
            let f = fields.iter().position(|f| same(f.name, key))?;
            if seen & (1 << f) != 0 {
                return None;
            }
            seen |= 1 << f;
            let value = s.value()?;
            let (text, number) = item_field(fields[f].kind, value, keep.is_some())?;
            if Some(f) == summed {
                total = total.checked_add(number)?;
            }
            if let Some(slot) = json.get_mut(f) {
                *slot = text;
            }
            Some(())
        })?;
        let missing = fields
            .iter()
            .enumerate()
            .any(|(f, field)| field.required && seen & (1 << f) == 0);
        if missing {
            return None;
        }
        if let Some(items) = keep.as_deref_mut() {
            items.push(item_json(fields, &json));
        }
        Some(())
    })?;
    Some((count, total))
}

/// A field of an item, if plainly allowed: its JSON as the full checker keeps it (when `keep`)
/// and its whole-number value (0 for any other kind), for a sum. Free text, a list of text, a
/// bool, an integer written as a number; any other form is the full checker's.
fn item_field(kind: OptionKind, value: Value<'_>, keep: bool) -> Option<(Option<String>, i64)> {
    match (kind, value) {
        (OptionKind::Text { max_length, .. }, Value::Str(text)) => {
            // As for an option: a text with more bytes than the limit is counted there.
            if blank(text) || max_length.is_some_and(|m| text.len() > m as usize) {
                return None;
            }
            Some((keep.then(|| format!("\"{text}\"")), 0))
        }
        (
            OptionKind::List {
                min_items,
                max_items,
                item: ListItem::Text,
            },
            Value::List(raw, count),
        ) => {
            if count < min_items as usize || max_items.is_some_and(|m| count > m as usize) {
                return None;
            }
            if !keep {
                return Some((None, 0));
            }
            let mut text = String::from("[");
            Scanner { text: raw, at: 0 }.list(|t| {
                if text.len() > 1 {
                    text.push(',');
                }
                text.push('"');
                text.push_str(t);
                text.push('"');
            })?;
            text.push(']');
            Some((Some(text), 0))
        }
        (OptionKind::Bool { .. }, Value::Bool(b)) => Some((keep.then(|| b.to_string()), 0)),
        (OptionKind::Integer { string: false, .. }, Value::Int(_)) => {
            let n = slot(&kind, value)?;
            Some((keep.then(|| n.to_string()), n))
        }
        _ => None,
    }
}

/// An item's JSON as the full checker keeps it: its accepted fields, in field order.
fn item_json(fields: &[OptionSpec], json: &[Option<String>]) -> String {
    let mut text = String::from("{");
    for (field, value) in fields.iter().zip(json) {
        if let Some(value) = value {
            if text.len() > 1 {
                text.push(',');
            }
            text.push('"');
            text.push_str(field.name);
            text.push_str("\":");
            text.push_str(value);
        }
    }
    text.push('}');
    text
}

/// The `args` of a body read before its `model` ([`Scanner::early_args`]).
struct Early<'a> {
    /// Its members (keys and what was read of each), the first `len` of them.
    members: [(&'a str, Member<'a>); MAX_OPTIONS],
    len: usize,
}

/// What [`Scanner::early_args`] keeps of a member.
#[derive(Clone, Copy)]
enum Member<'a> {
    /// A value, judged as it is.
    Value(Value<'a>),
    /// A list of objects: its text, brackets included, read against the item's fields.
    Objects(&'a str),
}

/// The fast path's verdict on a request: valid (and put in the [`Slot`]), or what the rules it
/// breaks say, as the full checker says it.
type Verdict = Result<(), Vec<Violation>>;

/// One args object being read against one model's tables.
struct ArgsState {
    spec: &'static ModelSpec,
    selection: Selection,
    /// `(option index, text)` in input order; only when the check keeps the text.
    texts: Vec<(usize, String)>,
    /// `(option index, items)` in input order; only when the check keeps the text.
    lists: Vec<ListTexts>,
    /// The item count of each list given, by option position (for the totals); a list of 255
    /// items or more, which the fast path leaves to the full checker where a total counts,
    /// is 255.
    counts: [u8; MAX_OPTIONS],
    /// Bit `i`: `options[i]` was given (with an allowed value, or the scan stopped).
    seen: u64,
    /// The option after the last one found: tried first by [`ArgsState::find`].
    next: usize,
    /// What the items of the list a [`Sum`](crate::spec::Sum) adds over add up to (a model
    /// has one sum at most where the fast path judges it).
    sum: i64,
}

impl ArgsState {
    fn new(model: Model) -> Self {
        ArgsState {
            spec: model.spec(),
            selection: Selection::defaults(model),
            texts: Vec::new(),
            lists: Vec::new(),
            counts: [0; MAX_OPTIONS],
            seen: 0,
            next: 0,
            sum: 0,
        }
    }

    /// The index of the option named `key`, trying first the one after the last found: a
    /// serializer writes options in one order (the spec's, mostly), so the first comparison
    /// usually matches, and the search does not mispredict its way down the list.
    fn find(&mut self, key: &str) -> Option<usize> {
        let index = match self.spec.options.get(self.next) {
            Some(option) if same(option.name, key) => self.next,
            _ => option_index(self.spec, key)?,
        };
        self.next = index + 1;
        Some(index)
    }

    /// Reads the member for `options[index]`, `s` before its value, and takes it if it is
    /// plainly allowed and not a repeat. A list of objects is read and judged in one pass,
    /// against the item's fields; any other value is read, then judged.
    // As `Scanner::value`: the value is not copied through the stack.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn member(&mut self, index: usize, s: &mut Scanner<'_>, keep_text: bool) -> Option<()> {
        // By reference: a copy of the kind through the stack costs every member.
        let kind = &self.spec.options[index].kind;
        let takes_objects = matches!(
            kind,
            OptionKind::List {
                item: ListItem::Object { .. },
                ..
            }
        );
        if takes_objects && s.objects_next() {
            return self.objects(index, s, keep_text);
        }
        let value = s.value()?;
        self.apply(index, value, keep_text)
    }

    /// Marks `options[index]` given; `None` if it already was (the full checker reports a
    /// repeat).
    fn mark(&mut self, index: usize) -> Option<()> {
        let bit = 1u64 << index;
        if self.seen & bit != 0 {
            return None;
        }
        self.seen |= bit;
        Some(())
    }

    /// Keeps the item count of the list at `options[index]` if its bounds allow it.
    fn count(&mut self, index: usize, count: usize, min: u32, max: Option<u32>) -> Option<()> {
        if count < min as usize || max.is_some_and(|m| count > m as usize) {
            return None;
        }
        self.counts[index] = u8::try_from(count).unwrap_or(u8::MAX);
        Some(())
    }

    /// Reads the non-empty list of objects at `options[index]` (`s` before it) against its
    /// item's fields and takes it if every item is plainly allowed; `None` too unless the
    /// option takes a list of objects.
    #[inline(never)] // Only Kling's shots and elements: the other members keep their registers.
    fn objects(&mut self, index: usize, s: &mut Scanner<'_>, keep_text: bool) -> Option<()> {
        self.mark(index)?;
        let OptionKind::List {
            min_items,
            max_items,
            item: ListItem::Object { fields, .. },
        } = self.spec.options[index].kind
        else {
            return None;
        };
        let mut items = Vec::new();
        let (count, sum) = objects(self.spec, index, s, fields, keep_text.then_some(&mut items))?;
        self.count(index, count, min_items, max_items)?;
        self.sum = sum;
        if keep_text {
            self.lists.push((index, items));
        }
        Some(())
    }

    /// Takes `value` for `options[index]` if it is plainly allowed and not a repeat.
    // As `Scanner::value`: the value is not copied through the stack.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn apply(&mut self, index: usize, value: Value<'_>, keep_text: bool) -> Option<()> {
        self.mark(index)?;
        // By reference: a copy of the kind through the stack costs every member.
        let kind = &self.spec.options[index].kind;
        if let OptionKind::List {
            min_items,
            max_items,
            item,
        } = *kind
        {
            // A list of text, or an empty list of either kind (a list of objects is read by
            // `objects`).
            let (raw, count) = match (item, value) {
                (_, Value::List(raw, 0)) => (raw, 0),
                (ListItem::Text, Value::List(raw, count)) => (raw, count),
                _ => return None,
            };
            self.count(index, count, min_items, max_items)?;
            if keep_text {
                let mut items = Vec::with_capacity(count);
                Scanner { text: raw, at: 0 }.list(|t| items.push(t.to_owned()))?;
                self.lists.push((index, items));
            }
            return Some(());
        }
        // A number: a whole one here, exactly, kept as its digits; one with a fraction or an
        // exponent is the full checker's (the scanner reads integers only).
        if let OptionKind::Number { minimum, maximum } = *kind {
            let Value::Int(n) = value else {
                return None;
            };
            if !(minimum..=maximum).contains(&Decimal::from(n)) {
                return None;
            }
            if keep_text {
                self.texts.push((index, n.to_string()));
            }
            return Some(());
        }
        if let OptionKind::Text { max_length, .. } = *kind {
            let Value::Str(text) = value else {
                return None;
            };
            // The same tests as the full checker's (`text_violation`); a text that may be
            // too long (more bytes than the limit) is counted there.
            if blank(text) || max_length.is_some_and(|m| text.len() > m as usize) {
                return None;
            }
            if keep_text {
                self.texts.push((index, text.to_owned()));
            }
            return Some(());
        }
        self.selection.set_slot(index, slot(kind, value)?);
        Some(())
    }

    /// The args; or, when a rule is all that is wrong, its violations as the full checker
    /// reports them (under `base`); or `None` when a required input is missing.
    fn finish(self, base: &str, slot: &mut dyn Slot) -> Option<Verdict> {
        let missing = self
            .spec
            .options
            .iter()
            .enumerate()
            .any(|(i, o)| o.is_required() && self.seen & (1 << i) == 0);
        if missing {
            return None;
        }
        // A conditional requirement, a total or a limit broken: the full checker reports it
        // with the rest. (Only whether one is broken matters here, and a list not given counts
        // as none either way; a list of 255 items or more is the full checker's.)
        let spec = self.spec;
        if !(spec.requirements.is_empty() && spec.totals.is_empty() && spec.limits.is_empty()) {
            let counts = &self.counts;
            let count = |i: usize| Some(usize::from(counts[i]));
            let broken = counts.contains(&u8::MAX)
                || !broken_requirements(&self.selection, self.seen, &count, 0, base).is_empty()
                || !broken_totals(spec, count, 0, base).is_empty()
                || !broken_limits(&self.selection, &count, self.seen, 0, base).is_empty();
            if broken {
                return None;
            }
        }
        // A product or ratio out of its range: the full checker reports it with the rest.
        if !spec.relations.is_empty() && !broken_relations(&self.selection, 0, base).is_empty() {
            return None;
        }
        // A sum over a list's items that misses its option: the full checker reports it.
        if let [sum] = spec.sums {
            let given = self.seen & (1 << sum.list) != 0;
            if given && broken_sum(sum, self.sum, &self.selection, 0, base).is_some() {
                return None;
            }
        }
        // A rule broken: reported here as the full checker reports it (a list of 255 items or
        // more, whose count the fast path does not keep, is the full checker's).
        let counts = &self.counts;
        let count = |i: usize| Some(usize::from(counts[i]));
        // A rule of values is judged from the selection alone (inlined, as for every model the
        // pages have today); one that asks more, from the request.
        let breaks = |r: &crate::spec::Rule| {
            self.selection.breaks(r)
                || !r.is_of_values() && r.applies(&self.selection, self.seen, &count)
        };
        if spec.rules.iter().any(breaks) {
            if counts.contains(&u8::MAX) {
                return None;
            }
            return Some(Err(broken_rules(
                &self.selection,
                |_| true,
                self.seen,
                &count,
                0,
                base,
            )));
        }
        slot.keep(self.selection, self.texts, self.lists);
        Some(Ok(()))
    }
}

/// The verdict, if `bytes` is plainly valid in the form `expect` says or breaks nothing but a
/// rule; `None` when the full checker must decide.
/// A valid request is put in `slot`, which says whether its text is copied out.
pub(crate) fn judge(bytes: &[u8], expect: Expect, slot: &mut dyn Slot) -> Option<Verdict> {
    let keep_text = slot.keeps_text();
    let text = std::str::from_utf8(bytes).ok()?;
    let mut s = Scanner { text, at: 0 };
    // As the full checker reads a top-level key: an option of the model bare args are read as
    // (unless a body is expected), else a body field (unless bare args are), else unknown.
    let (bare_model, body_allowed) = match expect {
        Expect::Body => (None, true),
        Expect::Args(model) => (Some(model), false),
        Expect::Either(model) => (model, true),
    };
    let mut bare = bare_model.map(ArgsState::new);
    let mut bare_seen = false;
    let mut body_seen = 0u8;
    let mut body_model = None;
    // The `args` verdict, or what was read of it when `model` comes after it.
    let mut nested: Option<Verdict> = None;
    let mut early: Option<Early<'_>> = None;
    let mut callback_url = None;
    s.object(|s, key| {
        if let Some(state) = bare.as_mut() {
            if let Some(index) = state.find(key) {
                if body_seen != 0 {
                    return None;
                }
                bare_seen = true;
                return state.member(index, s, keep_text);
            }
        }
        let field = BODY_FIELDS.iter().position(|f| same(f, key))?;
        if !body_allowed || bare_seen || body_seen & (1 << field) != 0 {
            return None;
        }
        body_seen |= 1 << field;
        match field {
            0 => match s.value()? {
                Value::Str(id) => body_model = Some(Model::from_id(id)?),
                _ => return None,
            },
            1 => match body_model {
                Some(m) => nested = Some(s.args(m, slot)?),
                None => early = Some(s.early_args()?),
            },
            _ => match s.value()? {
                Value::Str(url) if is_http_url(url) => {
                    // Copied out, as free text is, only when kept.
                    callback_url = keep_text.then(|| url.to_owned());
                }
                _ => return None,
            },
        }
        Some(())
    })?;
    s.skip_ws();
    if s.at != text.len() {
        return None;
    }
    if body_seen == 0 {
        // Bare args (with no model to read them as, the full checker explains).
        return bare?.finish("", slot);
    }
    // A body needs its model and its args.
    let m = body_model?;
    let verdict = match (nested, early) {
        (Some(verdict), _) => verdict,
        (None, Some(early)) => {
            // Judged as `Scanner::args` judges them, from the values read.
            let mut state = ArgsState::new(m);
            for &(key, member) in early.members.get(..early.len)? {
                let index = state.find(key)?;
                match member {
                    Member::Value(value) => state.apply(index, value, keep_text)?,
                    Member::Objects(text) => {
                        state.objects(index, &mut Scanner { text, at: 0 }, keep_text)?;
                    }
                }
            }
            state.finish("/args", slot)?
        }
        (None, None) => return None,
    };
    // The args were kept without one.
    if let (Ok(()), Some(url)) = (&verdict, callback_url) {
        slot.keep_callback_url(url);
    }
    Some(verdict)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::check::Kept;
    use crate::spec::{Narrow, OptionSpec, Test, WireValue};
    use crate::CreateJobRequest;

    /// The full checker's verdict, without the fast path, kept as `K` keeps it.
    fn slow<K: Kept>(bytes: &[u8], expect: Expect) -> Result<K, Vec<Violation>> {
        super::super::run_slow(bytes, expect, K::TEXT)
            .map(K::of)
            .map_err(|v| v.into_iter().collect())
    }

    /// The fast path's verdict kept as `K`, if it gives one: a valid request is in the slot.
    fn fast<K: Kept>(bytes: &[u8], expect: Expect) -> Option<Result<K, Vec<Violation>>> {
        let mut kept: Option<K> = None;
        let verdict = judge(bytes, expect, &mut kept)?;
        Some(verdict.map(|()| kept.expect("a valid request is kept")))
    }

    /// Whether the fast path answers `json` kept as `K`; where it does, it answers as the full
    /// checker.
    fn agrees_as<K: Kept + PartialEq + std::fmt::Debug>(json: &str, expect: Expect) -> bool {
        let fast = fast::<K>(json.as_bytes(), expect);
        if let Some(fast) = &fast {
            assert_eq!(
                fast,
                &slow::<K>(json.as_bytes(), expect),
                "{expect:?} {json}"
            );
        }
        fast.is_some()
    }

    /// Every form of input, for every model.
    fn expects() -> Vec<Expect> {
        let mut all = vec![Expect::Body, Expect::Either(None)];
        for model in Model::ALL {
            all.extend([Expect::Args(model), Expect::Either(Some(model))]);
        }
        all
    }

    /// Asserts that where the fast path answers, it answers as the full checker, in both
    /// modes; returns whether it answered.
    fn agrees(json: &str, expect: Expect) -> bool {
        let request = agrees_as::<CreateJobRequest>(json, expect);
        let selection = agrees_as::<Selection>(json, expect);
        request || selection
    }

    /// The fewest of the most items the limits on the list at `index` allow, whatever their
    /// conditions.
    fn narrowed_max(spec: &ModelSpec, index: usize) -> Option<usize> {
        spec.limits
            .iter()
            .filter(|l| l.field == index)
            .filter_map(|l| match l.narrow {
                Narrow::Items { max_items, .. } => max_items.map(|m| m as usize),
                Narrow::Values { .. } => None,
            })
            .min()
    }

    /// A plausible wire value for every option of `model`, free text and lists of objects
    /// included.
    fn plain_members(model: Model) -> Vec<(&'static str, String)> {
        let spec = model.spec();
        spec.options
            .iter()
            .enumerate()
            // Not the second option of a relation: the first at its most is valid alone.
            .filter(|(i, _)| !spec.relations.iter().any(|r| r.options[1] == *i))
            .map(|(i, o)| {
                // A list some limit empties (while its condition holds, as it may here) is
                // given empty.
                let emptied = narrowed_max(spec, i) == Some(0);
                let value = match o.kind {
                    OptionKind::Text { .. } => "\"a cat\"".to_owned(),
                    OptionKind::List { .. } if emptied => "[]".to_owned(),
                    OptionKind::List {
                        item: ListItem::Object { fields, .. },
                        ..
                    } => format!("[{}]", plain_item(spec, i, fields)),
                    OptionKind::List { .. } => "[\"a cat\"]".to_owned(),
                    OptionKind::Enum { values, .. } => format!("\"{}\"", values[values.len() - 1]),
                    OptionKind::Bool { default } => (default != Some(true)).to_string(),
                    // A whole number, which the fast path reads.
                    OptionKind::Number { maximum, .. } => maximum.normalize().to_string(),
                    OptionKind::Integer {
                        maximum,
                        string: true,
                        ..
                    } => format!("\"{maximum}\""),
                    OptionKind::Integer { maximum, .. } => maximum.to_string(),
                };
                (o.name, value)
            })
            .collect()
    }

    /// One valid item of the list of objects at `options[index]`, every field given: where a
    /// sum adds a field over the list, the option it must equal at its most (as
    /// [`plain_members`] gives it).
    fn plain_item(spec: &ModelSpec, index: usize, fields: &'static [OptionSpec]) -> String {
        object(&plain_item_members(spec, index, fields))
    }

    /// The members of [`plain_item`], in field order.
    fn plain_item_members(
        spec: &ModelSpec,
        index: usize,
        fields: &'static [OptionSpec],
    ) -> Vec<(&'static str, String)> {
        fields
            .iter()
            .enumerate()
            .map(|(f, field)| {
                let summed = spec.sums.iter().find(|x| x.list == index && x.field == f);
                let value = match (field.kind, summed) {
                    (_, Some(sum)) => match spec.options[sum.equals].kind {
                        OptionKind::Integer { maximum, .. } => maximum.to_string(),
                        _ => unreachable!("a sum equals an integer"),
                    },
                    (OptionKind::Text { .. }, _) => "\"a dog\"".to_owned(),
                    (OptionKind::List { .. }, _) => "[\"a\",\"b\"]".to_owned(),
                    (OptionKind::Bool { .. }, _) => "true".to_owned(),
                    (OptionKind::Integer { maximum, .. }, _) => maximum.to_string(),
                    (kind, _) => unreachable!("no item has a field of {kind:?}"),
                };
                (field.name, value)
            })
            .collect()
    }

    /// Every list of objects: its model, its position and its item's fields.
    fn object_lists() -> Vec<(Model, usize, &'static [OptionSpec])> {
        let mut all = Vec::new();
        for model in Model::ALL {
            for (i, o) in model.spec().options.iter().enumerate() {
                if let Some(ListItem::Object { fields, .. }) = o.kind.list_item() {
                    all.push((model, i, fields));
                }
            }
        }
        assert!(all.len() >= 3, "Kling 3.0's shots and Kling O1's elements");
        all
    }

    /// Whether `o` is a list of objects.
    fn has_objects(o: &OptionSpec) -> bool {
        matches!(o.kind.list_item(), Some(ListItem::Object { .. }))
    }

    fn object(members: &[(&str, String)]) -> String {
        let parts: Vec<String> = members
            .iter()
            .map(|(k, v)| format!("\"{k}\":{v}"))
            .collect();
        format!("{{{}}}", parts.join(","))
    }

    fn scanner(text: &str) -> Scanner<'_> {
        Scanner { text, at: 0 }
    }

    /// The scanner's pieces read what their docs say they read, and stop where the value ends;
    /// anything they leave is left whole to the full checker.
    #[test]
    fn the_scanner_reads_exactly_its_plain_forms() {
        for (text, value, end) in [
            ("0", Some(0), 1),
            ("7,", Some(7), 1),
            ("-42}", Some(-42), 3),
            ("999999999999999999", Some(999_999_999_999_999_999), 18),
            ("-999999999999999999", Some(-999_999_999_999_999_999), 19),
            ("1234567890123456789", None, 0), // 19 digits
            ("-0", None, 0),
            ("01", None, 0),
            ("1.5", None, 0),
            ("1e3", None, 0),
            ("2E3", None, 0),
            ("-", None, 0),
            ("", None, 0),
        ] {
            let mut s = scanner(text);
            assert_eq!(s.integer(), value, "{text:?}");
            if value.is_some() {
                assert_eq!(s.at, end, "{text:?}");
            }
        }
        for (text, end) in [("{}", 2), (" { } ,", 4)] {
            let mut s = scanner(text);
            assert_eq!(s.object(|_, _| None), Some(()), "{text:?}");
            assert_eq!(s.at, end, "{text:?}");
        }
        let mut s = scanner(r#"{"a":1 , "b":true}x"#);
        let mut seen = Vec::new();
        let read = s.object(|s, key| {
            seen.push((key, s.value()?));
            Some(())
        });
        assert_eq!(read, Some(()));
        assert_eq!(seen, [("a", Value::Int(1)), ("b", Value::Bool(true))]);
        assert_eq!(s.peek(), Some(b'x'));
        let mut s = scanner(r#" "a cat" :"#);
        assert_eq!(s.string(), Some("a cat"));
        assert_eq!(s.at, 8);
        assert_eq!(scanner(r#""a \"cat""#).string(), None);
        assert_eq!(scanner("\"a\tcat\"").string(), None);
        assert_eq!(scanner("truex").literal(b"true"), Some(()));
        assert_eq!(scanner("tru").literal(b"true"), None);
    }

    #[test]
    fn takes_plain_requests_of_every_model_in_every_form() {
        for model in Model::ALL {
            let args = object(&plain_members(model));
            let id = model.id();
            let url = r#""callback_url":"https://e.x/h""#;
            for (json, expect) in [
                (args.clone(), Expect::Args(model)),
                (args.clone(), Expect::Either(Some(model))),
                (format!(" \n{args}\r\n\t"), Expect::Args(model)),
                (format!(r#"{{"model":"{id}","args":{args}}}"#), Expect::Body),
                (
                    format!(r#"{{"model":"{id}","args":{args},{url}}}"#),
                    Expect::Either(None),
                ),
                // The args before the model: read once the model is known.
                (format!(r#"{{"args":{args},"model":"{id}"}}"#), Expect::Body),
                (
                    format!(r#"{{ {url} , "args" : {args} , "model" : "{id}" }}"#),
                    Expect::Either(Some(model)),
                ),
                (
                    format!(
                        r#"{{"model":"{id}","args":{{"prompt":"é ☃","image":"x","image_tail":"y"}}}}"#
                    ),
                    Expect::Body,
                ),
            ] {
                if json.contains("image_tail") && model.spec().option("image_tail").is_none() {
                    continue;
                }
                assert!(
                    agrees(&json, expect),
                    "the fast path missed {expect:?} {json}"
                );
            }
        }
    }

    /// A list of text at its most items (Seedream edit's ten images, …) is the fast path's, where
    /// no total or limit counts it.
    #[test]
    fn takes_a_list_of_text_at_its_most() {
        let mut taken = 0;
        for model in Model::ALL {
            let spec = model.spec();
            for (i, o) in spec.options.iter().enumerate() {
                let OptionKind::List {
                    max_items: Some(most),
                    item: ListItem::Text,
                    ..
                } = o.kind
                else {
                    continue;
                };
                let counted = spec.totals.iter().any(|t| t.lists.contains(&i))
                    || spec.limits.iter().any(|l| l.field == i);
                if counted {
                    continue;
                }
                let items = vec!["\"a cat\""; most as usize];
                let list = format!("[{}]", items.join(","));
                assert!(takes_with(model, o.name, &list), "{model} {}", o.name);
                taken += 1;
            }
        }
        assert!(taken >= 1, "Seedream edit's image_urls");
    }

    /// Whether the fast path answers (as the full checker) the plain args of `model` with the
    /// member `name` written as `value`.
    fn takes_with(model: Model, name: &str, value: &str) -> bool {
        let mut members = plain_members(model);
        for (member, written) in &mut members {
            if *member == name {
                *written = value.to_owned();
            }
        }
        agrees(&object(&members), Expect::Args(model))
    }

    /// A free text of exactly the most characters a page allows (ASCII, a byte each) is the
    /// fast path's too: only one that may be longer is counted by the full checker.
    #[test]
    fn takes_a_text_at_its_most() {
        let mut taken = 0;
        for model in Model::ALL {
            for o in model.spec().options {
                let OptionKind::Text {
                    max_length: Some(most),
                    ..
                } = o.kind
                else {
                    continue;
                };
                let text = format!("\"{}\"", "a".repeat(most as usize));
                assert!(takes_with(model, o.name, &text), "{model} {}", o.name);
                taken += 1;
            }
        }
        assert!(taken >= 2, "Wan's prompts");
    }

    /// A model with a sum over a list's items (Kling 3.0's shots) is the fast path's with the
    /// list left out too: no sum is judged over a list not given.
    #[test]
    fn takes_a_request_without_the_list_a_sum_adds_over() {
        let mut taken = 0;
        for model in Model::ALL {
            let spec = model.spec();
            for sum in spec.sums {
                let list = spec.options[sum.list].name;
                let members: Vec<(&str, String)> = plain_members(model)
                    .into_iter()
                    .filter(|(name, _)| *name != list)
                    .collect();
                let args = object(&members);
                assert!(
                    agrees(&args, Expect::Args(model)),
                    "the fast path missed {args}"
                );
                taken += 1;
            }
        }
        assert!(taken >= 1, "Kling 3.0's shots");
    }

    /// Item fields of the forms no page gives an item yet (free text with a limit, a list with
    /// bounds, a required bool after the first field), read by `objects` over fields built in
    /// the test: each at and past its limits, kept as the full checker keeps it.
    #[test]
    fn an_item_of_every_field_form_is_read_at_and_past_its_limits() {
        const FIELD: OptionSpec = OptionSpec {
            name: "caption",
            description: "",
            required: true,
            kind: OptionKind::Text {
                examples: &[],
                max_length: Some(5),
            },
        };
        static FIELDS: [OptionSpec; 4] = [
            FIELD,
            OptionSpec {
                name: "urls",
                kind: OptionKind::List {
                    min_items: 1,
                    max_items: Some(2),
                    item: ListItem::Text,
                },
                required: false,
                ..FIELD
            },
            OptionSpec {
                name: "hdr",
                kind: OptionKind::Bool { default: None },
                ..FIELD
            },
            OptionSpec {
                name: "seconds",
                kind: OptionKind::Integer {
                    minimum: 1,
                    maximum: 9,
                    values: &[],
                    default: None,
                    string: false,
                },
                required: false,
                ..FIELD
            },
        ];
        let spec = Model::Pixverse55TextToVideo.spec(); // no sum
        let read = |items: &str| {
            let mut kept = Vec::new();
            let mut s = Scanner { text: items, at: 0 };
            let total = objects(spec, 0, &mut s, &FIELDS, Some(&mut kept));
            let mut s = Scanner { text: items, at: 0 };
            assert_eq!(objects(spec, 0, &mut s, &FIELDS, None), total, "{items}");
            total.map(|_| kept)
        };
        assert_eq!(
            read(r#"[{"seconds":9,"hdr":false,"urls":["a","b"],"caption":"five!"}]"#),
            Some(vec![
                r#"{"caption":"five!","urls":["a","b"],"hdr":false,"seconds":9}"#.to_owned()
            ])
        );
        assert_eq!(
            read(r#"[{"caption":"a","hdr":true},{"hdr":true,"caption":"b","urls":["c"]}]"#),
            Some(vec![
                r#"{"caption":"a","hdr":true}"#.to_owned(),
                r#"{"caption":"b","urls":["c"],"hdr":true}"#.to_owned(),
            ])
        );
        for past in [
            r#"[{"caption":"sixsix","hdr":true}]"#, // longer than 5 bytes
            r#"[{"caption":" ","hdr":true}]"#,      // blank
            r#"[{"caption":"a","hdr":true,"urls":[]}]"#, // fewer than 1 URL
            r#"[{"caption":"a","hdr":true,"urls":["a","b","c"]}]"#, // more than 2
            r#"[{"caption":"a"}]"#,                 // the required bool missing
            r#"[{"caption":"a","hdr":1}]"#,         // a bool of the wrong type
            r#"[{"caption":"a","hdr":true,"seconds":10}]"#, // past the integer's range
            r#"[{"caption":"a","hdr":true,"seconds":"5"}]"#, // an integer as a string
        ] {
            assert_eq!(read(past), None, "{past}");
        }
    }

    /// A field given twice inside an item (each field of each list of objects, in a valid
    /// item otherwise) is the full checker's `duplicate_field`: the fast path never takes it.
    #[test]
    fn a_field_given_twice_in_an_item_is_left_to_the_full_checker() {
        for (model, list, fields) in object_lists() {
            let spec = model.spec();
            let item = plain_item_members(spec, list, fields);
            for f in 0..fields.len() {
                let mut twice = item.clone();
                twice.push(item[f].clone());
                let twice = object(&twice);
                let mut members = plain_members(model);
                for (name, value) in &mut members {
                    if *name == spec.options[list].name {
                        *value = format!("[{twice}]");
                    }
                }
                let args = object(&members);
                assert!(!agrees(&args, Expect::Args(model)), "{args}");
                let verdict = slow::<Selection>(args.as_bytes(), Expect::Args(model)).unwrap_err();
                let duplicate = |v: &crate::Violation| v.code == super::super::Code::DuplicateField;
                assert!(verdict.iter().any(duplicate), "{args} {verdict:?}");
            }
        }
    }

    /// Wan 2.6 text-to-image's width × height (1280 × 1280 to 1440 × 1440 pixels) and aspect
    /// ratio (1:4 to 4:1), each pair by hand: kept ones are the fast path's and priced, broken
    /// ones get the full checker's verdict, whichever path gives it.
    #[test]
    fn a_relation_is_judged_as_the_full_checker_judges_it() {
        let model = Model::Wan26TextToImage;
        for (width, height, kept) in [
            (1280, 1280, true),  // 1,638,400: the least
            (1440, 1440, true),  // 2,073,600: the most
            (2880, 720, true),   // 2,073,600 at 4:1
            (720, 2880, true),   // 1:4
            (1279, 1280, false), // 1,637,120: one row short
            (1441, 1440, false), // 2,075,040: over
            (2880, 640, false),  // 1,843,200 pixels, but 9:2
            (640, 2600, false),  // 1,664,000 pixels, but 16:65, under 1:4
            (640, 640, false),
        ] {
            let args = format!(r#"{{"prompt":"a cat","width":{width},"height":{height}}}"#);
            let body = format!(r#"{{"model":"{}","args":{args}}}"#, model.id());
            for (json, expect) in [(args.as_str(), Expect::Args(model)), (&body, Expect::Body)] {
                let full = slow::<CreateJobRequest>(json.as_bytes(), expect);
                assert_eq!(full.is_ok(), kept, "{json}");
                if kept {
                    assert!(agrees(json, expect), "the fast path missed {json}");
                } else {
                    agrees(json, expect);
                }
            }
        }
    }

    #[test]
    fn a_broken_rule_is_reported_as_the_full_checker_reports_it() {
        let mut broken = 0;
        for model in Model::ALL {
            let spec = model.spec();
            for rule in spec.rules {
                let mut members = plain_members(model);
                for c in rule.when {
                    if let Test::Is { value, .. } = c.test {
                        members[c.option].1 = value.to_string();
                    }
                }
                let args = object(&members);
                let body = format!(r#"{{"model":"{}","args":{args}}}"#, model.id());
                for (json, expect) in [(args, Expect::Args(model)), (body, Expect::Body)] {
                    assert!(agrees(&json, expect), "{json}");
                    let verdict = fast::<CreateJobRequest>(json.as_bytes(), expect).unwrap();
                    assert!(verdict
                        .unwrap_err()
                        .iter()
                        .all(|v| v.code == super::super::Code::UnsupportedCombination));
                    broken += 1;
                }
            }
        }
        assert!(broken > 0, "no model has a rule to break");
    }

    #[test]
    fn leaves_anything_unusual_to_the_full_checker() {
        let seed = Model::Pixverse55TextToVideo;
        let id = seed.id();
        for (json, expect) in [
            (r#"{"prompt":"a \"cat\""}"#.to_owned(), Expect::Args(seed)),
            (
                r#"{"prompt":"a","duration":8}"#.to_owned(),
                Expect::Args(seed),
            ),
            (
                r#"{"prompt":"a","duration":"8","duration":"8"}"#.to_owned(),
                Expect::Args(seed),
            ),
            (
                r#"{"prompt":"a","extra":true}"#.to_owned(),
                Expect::Args(seed),
            ),
            (r#"{"prompt":" "}"#.to_owned(), Expect::Args(seed)),
            (r#"{"resolution":"720p"}"#.to_owned(), Expect::Args(seed)),
            (r#"{"prompt":"a"} x"#.to_owned(), Expect::Args(seed)),
            (r#"{"prompt":"a",}"#.to_owned(), Expect::Args(seed)),
            (r#"{"prompt":"a	b"}"#.to_owned(), Expect::Args(seed)),
            (r#"{"prompt":"a"}"#.to_owned(), Expect::Body),
            (r#"{"prompt":"a"}"#.to_owned(), Expect::Either(None)),
            (
                format!(r#"{{"prompt":"a","model":"{id}"}}"#),
                Expect::Either(Some(seed)),
            ),
            (format!(r#"{{"model":"{id}"}}"#), Expect::Body),
            (r#"{"args":{"prompt":"a"}}"#.to_owned(), Expect::Body),
            (
                r#"{"model":"kling","args":{"prompt":"a"}}"#.to_owned(),
                Expect::Body,
            ),
            (
                format!(r#"{{"model":"{id}","args":{{"prompt":"a"}},"args":{{"prompt":"a"}}}}"#),
                Expect::Body,
            ),
            (
                format!(r#"{{"model":"{id}","args":{{"prompt":"a"}},"callback_url":"ftp://x"}}"#),
                Expect::Body,
            ),
            (
                format!(r#"{{"args":{{"prompt":"a","x":[]}},"model":"{id}"}}"#),
                Expect::Body,
            ),
            // An image-to-video body without its image.
            (
                r#"{"model":"pixverse/pixverse-6.0/image-to-video","args":{"prompt":"a"}}"#
                    .to_owned(),
                Expect::Body,
            ),
            ("[]".to_owned(), Expect::Body),
            (String::new(), Expect::Body),
        ] {
            assert_eq!(
                fast::<CreateJobRequest>(json.as_bytes(), expect),
                None,
                "{json}"
            );
        }
        // Invalid UTF-8 anywhere is the full checker's to report.
        for bytes in [
            &b"{\"prompt\":\"a \xff\"}"[..],
            b"{\"prompt\":\"a\",\"resolution\":\"540p\xff\"}",
            b"{\"prompt\xff\":\"a\"}",
            b"{\"prompt\":\"a\"}\xff",
            b"\xef\xbb\xbf{\"prompt\":\"a\"}",
        ] {
            assert_eq!(
                fast::<CreateJobRequest>(bytes, Expect::Args(seed)),
                None,
                "{bytes:?}"
            );
        }
    }

    /// Reads `token` as the fast path reads a value.
    fn scan(token: &str) -> Option<Value<'_>> {
        let mut s = Scanner { text: token, at: 0 };
        let value = s.value()?;
        (s.at == token.len()).then_some(value)
    }

    #[test]
    fn integers_are_read_only_where_serde_json_reads_the_same_integer() {
        for token in [
            "0",
            "-0",
            "7",
            "-7",
            "10",
            "007",
            "-01",
            "1.0",
            "1e3",
            "1E3",
            "3.5",
            "-",
            "--1",
            "2147483647",
            "-2147483648",
            "999999999999999999",
            "-999999999999999999",
            "1000000000000000000",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775808",
            "18446744073709551616",
        ] {
            let fast = scan(token);
            // What the fast path must read as the same integer the walker does: a number
            // serde_json reads as i64 or u64 (a whole float, `5.0`, it leaves to the walker).
            let json: Option<serde_json::Number> = serde_json::from_str(token).ok();
            let walker = json
                .filter(|n| n.is_i64() || n.is_u64())
                .and_then(|n| n.as_i64());
            match fast {
                Some(Value::Int(n)) => assert_eq!(Some(n), walker, "{token}"),
                None => {} // left to the full checker
                other => panic!("{token}: {other:?}"),
            }
        }
        assert_eq!(scan("-7"), Some(Value::Int(-7)));
        assert_eq!(
            scan("999999999999999999"),
            Some(Value::Int(999_999_999_999_999_999))
        );
        assert_eq!(scan("-0"), None, "serde_json reads -0 as a float");
    }

    #[test]
    fn integer_options_take_exactly_their_range() {
        // Integer options of several ranges (HappyHorse's duration is 3 to 15), built here,
        // against the spec's own range test, at and beyond both edges.
        for (minimum, maximum) in [(3, 15), (0, 2_147_483_647), (-5, 5), (i64::MIN, i64::MAX)] {
            let kind = OptionKind::Integer {
                minimum,
                maximum,
                values: &[],
                default: Some(minimum),
                string: false,
            };
            let spec = OptionSpec {
                name: "seed",
                description: "Seed",
                required: false,
                kind,
            };
            for n in [
                minimum.saturating_sub(1),
                minimum,
                minimum.saturating_add(1),
                maximum.saturating_sub(1),
                maximum,
                maximum.saturating_add(1),
                0,
                i64::MIN,
                i64::MAX,
            ] {
                assert_eq!(
                    slot(&kind, Value::Int(n)),
                    spec.slot(WireValue::Int(n)).ok(),
                    "{n} in {minimum}..={maximum}"
                );
            }
            assert_eq!(slot(&kind, Value::Str("5")), None);
            assert_eq!(slot(&kind, Value::Bool(true)), None);
        }
    }

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

    proptest! {
        /// The word-at-a-time search agrees with a byte-by-byte one, several hits and
        /// borrow-prone bytes (0x00, 0x01, 0x20, 0x21, 0x5c, 0x5d, 0x80, 0xff) included.
        #[test]
        fn special_agrees_with_a_plain_search(bytes in prop::collection::vec(
            prop_oneof![
                4 => 0x20u8..0x7f,
                1 => prop::sample::select(vec![0x00u8, 0x01, 0x1f, 0x20, 0x21, b'"', 0x23, b'\\', 0x5d, 0x80, 0xff]),
            ],
            0..48,
        )) {
            let plain = bytes.iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20);
            prop_assert_eq!(special(&bytes), plain);
        }
    }

    /// Every option name of every model, the body fields and a few strangers.
    fn keys() -> Vec<String> {
        let mut keys: Vec<String> = Model::ALL
            .iter()
            .flat_map(|m| m.spec().options.iter().map(|o| o.name.to_owned()))
            .chain(BODY_FIELDS.iter().map(|f| (*f).to_owned()))
            .chain(["fps", "Prompt", "a/b"].map(str::to_owned))
            .collect();
        keys.sort();
        keys.dedup();
        keys
    }

    /// Every wire value of every model's options, and values of each kind that are not allowed
    /// or not plain.
    fn values() -> Vec<String> {
        let mut values: Vec<String> = Model::ALL
            .iter()
            .flat_map(|m| m.spec().options.iter())
            .flat_map(|o| match o.kind {
                OptionKind::Enum { values, .. } => {
                    values.iter().map(|v| format!("\"{v}\"")).collect()
                }
                OptionKind::Integer {
                    minimum, maximum, ..
                } => [
                    minimum.saturating_sub(1),
                    minimum,
                    maximum,
                    maximum.saturating_add(1),
                ]
                .into_iter()
                // Whole numbers written as floats too, which the fast path leaves to the
                // full checker: `5.0`, `5e0`; and as strings (`"5"`, `"05"`), which a
                // string-typed integer takes in canonical form only.
                .flat_map(|n| {
                    [
                        n.to_string(),
                        format!("{n}.0"),
                        format!("{n}e0"),
                        format!("\"{n}\""),
                        format!("\"0{n}\""),
                    ]
                })
                .collect(),
                // A number's edges, a fraction between (the full checker's), and past them.
                OptionKind::Number { minimum, maximum } => {
                    let mid = (minimum + maximum) / Decimal::TWO;
                    [
                        minimum - Decimal::ONE,
                        minimum,
                        mid,
                        maximum,
                        maximum + Decimal::ONE,
                    ]
                    .iter()
                    .map(|d| d.normalize().to_string())
                    .collect()
                }
                OptionKind::Bool { .. } | OptionKind::Text { .. } | OptionKind::List { .. } => {
                    Vec::new()
                }
            })
            .chain(
                [
                    "\"a cat\"",
                    "\"https://e.x/i.png\"",
                    "\" \"",
                    "\"\"",
                    "\"\\u3000\"",
                    "true",
                    "false",
                    "0",
                    "5",
                    "-1",
                    "-0",
                    "8",
                    "10",
                    "3.5",
                    "1e1",
                    "007",
                    "99999999999999999999",
                    "null",
                    "[]",
                    "{}",
                    "\"x\\ny\"",
                    "\"1080P\"",
                    "\"https://e.x/h\"",
                    "\"ftp://x\"",
                ]
                .map(str::to_owned),
            )
            .chain(Model::IDS.iter().map(|id| format!("\"{id}\"")))
            .collect();
        values.sort();
        values.dedup();
        values
    }

    /// Well-formed objects of known and unknown keys with assorted values, bare or in a body
    /// (the model first, last or missing, known or not), with a callback URL or not.
    fn object_text() -> impl Strategy<Value = String> {
        let member = (prop::sample::select(keys()), prop::sample::select(values()));
        let members = prop::collection::vec(member, 0..8).prop_map(|m| {
            let parts: Vec<String> = m.iter().map(|(k, v)| format!("\"{k}\":{v}")).collect();
            format!("{{{}}}", parts.join(","))
        });
        let ids: Vec<&str> = Model::IDS.iter().copied().chain(["kling"]).collect();
        (members, prop::sample::select(ids), 0..6u8).prop_map(|(args, id, wrap)| match wrap {
            0 => format!(r#"{{"model":"{id}","args":{args}}}"#),
            1 => format!(r#"{{"args":{args},"model":"{id}"}}"#),
            2 => format!(r#"{{"model":"{id}","args":{args},"callback_url":"https://e.x/h"}}"#),
            3 => format!(r#"{{"args":{args}}}"#),
            4 => format!(" {args}\n"),
            _ => args,
        })
    }

    /// A valid args object of `model` (every required input, each other option perhaps, in
    /// any order), as a body in any order or bare.
    fn valid_text() -> impl Strategy<Value = (String, Model)> {
        // Not a model with a list of objects: the fast path leaves those to the full checker
        // (the check tests and `agrees_on_objects` judge them).
        let plain: Vec<Model> = Model::ALL
            .iter()
            .copied()
            .filter(|m| !m.spec().options.iter().any(has_objects))
            .collect();
        prop::sample::select(plain)
            .prop_flat_map(|model| {
                let spec = model.spec();
                let options: Vec<BoxedStrategy<Option<String>>> = spec
                    .options
                    .iter()
                    .enumerate()
                    .map(|(i, o)| {
                        let name = o.name;
                        let value: BoxedStrategy<String> = match o.kind {
                            OptionKind::Text { .. } => "[a-z]{1,6}( [a-zé☃]{1,6}){0,3}"
                                .prop_map(|t| format!("\"{t}\""))
                                .boxed(),
                            OptionKind::List { max_items, .. } => {
                                // Within its own limit, any limit's (whatever the
                                // conditions) and, counted in a total, its share of the
                                // total's; empty only where a limit empties it.
                                let share = spec
                                    .totals
                                    .iter()
                                    .filter(|t| t.lists.contains(&i))
                                    .filter_map(|t| t.maximum.map(|m| m as usize / t.lists.len()));
                                let most = share
                                    .chain(narrowed_max(spec, i))
                                    .chain(max_items.map(|m| m as usize))
                                    .fold(4, usize::min);
                                let least = most.min(1);
                                prop::collection::vec("[a-z]{1,6}( [a-z]{1,6})?", least..=most)
                                    .prop_map(|items| match items.is_empty() {
                                        true => "[ ]".to_owned(),
                                        false => format!("[ \"{}\" ]", items.join("\" ,\"")),
                                    })
                                    .boxed()
                            }
                            OptionKind::Enum { values, .. } => {
                                prop::sample::select(values.to_vec())
                                    .prop_map(|v| format!("\"{v}\""))
                                    .boxed()
                            }
                            OptionKind::Bool { .. } => {
                                any::<bool>().prop_map(|b| b.to_string()).boxed()
                            }
                            // Its whole edges, which the fast path reads.
                            OptionKind::Number { minimum, maximum } => prop::sample::select(vec![
                                minimum.normalize().to_string(),
                                maximum.normalize().to_string(),
                            ])
                            .boxed(),
                            OptionKind::Integer { values, string, .. } if !values.is_empty() => {
                                prop::sample::select(values.to_vec())
                                    .prop_map(move |n| match string {
                                        true => format!("\"{n}\""),
                                        false => n.to_string(),
                                    })
                                    .boxed()
                            }
                            OptionKind::Integer {
                                minimum,
                                maximum,
                                string: true,
                                ..
                            } => (minimum..=maximum).prop_map(|n| format!("\"{n}\"")).boxed(),
                            OptionKind::Integer {
                                minimum, maximum, ..
                            } => (minimum..=maximum).prop_map(|n| n.to_string()).boxed(),
                        };
                        // A choice some limit narrows (whatever its conditions): a value
                        // every such limit allows.
                        let value = match narrowed_choice(spec, i) {
                            Some(allowed) => prop::sample::select(allowed).boxed(),
                            None => value,
                        };
                        let member = value.prop_map(move |v| format!("\"{name}\" : {v}"));
                        // A field some condition requires is always given; the second of a
                        // relation's two never (judged with both, a relation is
                        // `a_relation_is_judged_as_the_full_checker_judges_it`'s).
                        let needed = spec.requirements.iter().any(|r| r.present && r.field == i);
                        if spec.relations.iter().any(|r| r.options[1] == i) {
                            Just(None).boxed()
                        } else if o.is_required() || needed {
                            member.prop_map(Some).boxed()
                        } else {
                            prop::option::of(member).boxed()
                        }
                    })
                    .collect();
                (options.prop_shuffle(), 0..5u8, Just(model))
            })
            .prop_map(|(members, wrap, model)| {
                let members: Vec<String> = members.into_iter().flatten().collect();
                let args = format!("{{ {} }}", members.join(", "));
                let id = model.id();
                let json = match wrap {
                    0 => format!(r#"{{"model":"{id}","args":{args}}}"#),
                    1 => format!("{{\n  \"args\": {args},\n  \"model\": \"{id}\"\n}}"),
                    2 => format!(
                        r#"{{"callback_url":"https://e.x/h","args":{args},"model":"{id}"}}"#
                    ),
                    _ => args,
                };
                (json, model)
            })
    }

    /// The values (as JSON) every limit on the choice at `index` allows, if any limit narrows
    /// it: Kling O1's duration, 5 or 10 for a single frame, is generated as 5 or 10.
    fn narrowed_choice(spec: &ModelSpec, index: usize) -> Option<Vec<String>> {
        let mut allowed: Option<Vec<WireValue<'static>>> = None;
        for l in spec.limits.iter().filter(|l| l.field == index) {
            if let Narrow::Values { values, .. } = l.narrow {
                allowed = Some(match allowed {
                    None => values.to_vec(),
                    Some(so_far) => so_far.into_iter().filter(|v| values.contains(v)).collect(),
                });
            }
        }
        allowed.map(|a| {
            a.iter()
                .map(|v| serde_json::to_string(v).unwrap())
                .collect()
        })
    }

    fn token() -> impl Strategy<Value = String> {
        let mut tokens: Vec<String> = ["{", "}", "[", "]", ",", ":", " ", "-", "."]
            .map(str::to_owned)
            .to_vec();
        tokens.extend(keys().into_iter().map(|k| format!("\"{k}\"")));
        tokens.extend(values());
        prop::sample::select(tokens)
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 20_000, ..ProptestConfig::default() })]

        /// On well-formed objects of every model, the fast path answers as the full checker.
        #[test]
        fn agrees_on_objects(json in object_text(), expect in prop::sample::select(expects())) {
            agrees(&json, expect);
        }

        /// Every valid request of every model without escapes (lists of plain strings
        /// included) is the fast path's, and its verdict is the full checker's (a broken rule
        /// included).
        #[test]
        fn takes_every_plain_request((json, model) in valid_text()) {
            let body = json.contains("\"model\"");
            let forms = if body {
                vec![Expect::Body, Expect::Either(None), Expect::Either(Some(model))]
            } else {
                vec![Expect::Args(model), Expect::Either(Some(model))]
            };
            for expect in forms {
                prop_assert!(agrees(&json, expect), "the fast path missed {:?} {}", expect, json);
            }
        }

        /// Lists of objects (Kling 3.0's shots, Kling O1's elements), valid and not: each
        /// item's fields of every kind in range and past it, unknown, repeated and missing
        /// members, white space, a blank text, an object where a value belongs, shots that do
        /// and do not add up to the duration. Where the fast path answers it answers as the
        /// full checker; and it answers every valid one but those with an unknown member.
        #[test]
        fn agrees_on_lists_of_objects(
            (model, list, fields) in prop::sample::select(object_lists()),
            picks in prop::collection::vec(prop::collection::vec((0..8usize, 0..12usize), 0..5), 0..8),
            spaced in any::<bool>(),
            total in prop::sample::select(vec![3, 5, 6, 10, 15]),
            fit in any::<bool>(),
        ) {
            let spec = model.spec();
            const VALUES: [&str; 12] =
                ["\"a dog\"", "\" \"", "1", "0", "5", "15", "16", "true", "[\"a\"]", "[]", "[\" \"]", "{\"x\":1}"];
            let items: Vec<String> = picks
                .iter()
                .map(|members| {
                    let members: Vec<String> = members
                        .iter()
                        .map(|&(k, v)| {
                            let key = fields.get(k % (fields.len() + 1)).map_or("extra", |f| f.name);
                            format!("\"{key}\":{}", VALUES[v])
                        })
                        .collect();
                    let sep = if spaced { " , " } else { "," };
                    format!("{{{}}}", members.join(sep))
                })
                .collect();
            // Half the time, the total the items' summed field adds up to (when they have one).
            let summed = spec.sums.iter().find(|x| x.list == list).map(|x| x.field);
            let added: i64 = picks
                .iter()
                .filter_map(|members| {
                    let f = summed?;
                    let &(_, v) = members.iter().find(|&&(k, _)| k % (fields.len() + 1) == f)?;
                    VALUES[v].parse::<i64>().ok()
                })
                .sum();
            let total = if fit && summed.is_some() { added } else { total };
            let mut members = plain_members(model);
            for (name, value) in &mut members {
                if *name == spec.options[list].name {
                    *value = format!("[{}]", items.join(if spaced { ",\n " } else { "," }));
                }
                // The option a sum over the items must equal, at one of some totals.
                if spec.sums.iter().any(|x| x.list == list && spec.options[x.equals].name == *name) {
                    *value = format!("\"{total}\"");
                }
            }
            let args = object(&members);
            let answered = agrees(&args, Expect::Args(model));
            // A nested object, or a member no field names: the fast path leaves it.
            let unusual = args.matches('{').count() > items.len() + 1 || args.contains("\"extra\"");
            if slow::<Selection>(args.as_bytes(), Expect::Args(model)).is_ok() && !unusual {
                prop_assert!(answered, "the fast path missed {}", args);
            }
        }

        /// Whatever the fast path says on token soup, the full checker says the same.
        #[test]
        fn never_disagrees_with_the_full_checker(tokens in prop::collection::vec(token(), 0..24), expect in prop::sample::select(expects())) {
            agrees(&tokens.concat(), expect);
        }
    }
}
