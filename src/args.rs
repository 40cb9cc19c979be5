//! Checked request args for any model: the free-text inputs and a [`Selection`] of every
//! other option.

use crate::check::{items, Code, Violation, Violations};
use crate::quote::{Quote, QuoteError};
use crate::request::{ArgsJson, Fields};
use crate::spec::{ListItem, Listed, ModelOptions, ModelSpec, OptionKind, OptionSpec, QuotedList};
use crate::{Model, Selection};
use rust_decimal::Decimal;

/// The `args` of a create-job request for one model: its free-text inputs (`prompt`, `image`,
/// …; none empty or blank, every required one present) and the option values.
///
/// `Args` may still break a rule (1080p at 10 s); [`Args::quote`] reports that.
///
/// ```
/// use shortapi_pricing::models::pixverse_6_0_image_to_video::{Options, Resolution};
/// use shortapi_pricing::{Args, Code, Model};
///
/// let args = Args::new(
///     Options::DEFAULT.with_resolution(Resolution::P1080),
///     &[("image", "https://example.com/lab.png"), ("prompt", "a black lab swimming")],
/// )?;
/// assert_eq!(args.model(), Model::Pixverse60ImageToVideo);
/// assert_eq!(args.text("image"), Some("https://example.com/lab.png"));
/// assert_eq!(args.options::<Options>().map(|o| o.resolution), Some(Resolution::P1080));
/// // In the model's option order, whatever order they were given in.
/// let texts: Vec<_> = args.texts().collect();
/// assert_eq!(texts, [("prompt", "a black lab swimming"), ("image", "https://example.com/lab.png")]);
///
/// let missing = Args::new(Options::DEFAULT, &[("prompt", "a lab")]).unwrap_err();
/// assert_eq!(missing.as_slice()[0].path, "/image");
/// let twice = [("image", "https://example.com/a.png"), ("prompt", "a"), ("image", "b")];
/// let twice = Args::new(Options::DEFAULT, &twice).unwrap_err();
/// assert_eq!((twice.as_slice()[0].path.as_str(), twice.as_slice()[0].code), ("/image", Code::DuplicateField));
/// # Ok::<(), shortapi_pricing::Violations>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Args {
    pub(crate) selection: Selection,
    /// `(option index, text)`, in option order: free text as given, and a number option's
    /// exact decimal as the digits the serializer writes (`"0.5"`, read back exactly by
    /// [`Args::number`]).
    pub(crate) texts: Vec<(usize, String)>,
    /// `(option index, items)`, in option order.
    pub(crate) lists: Vec<(usize, Vec<String>)>,
}

impl Args {
    /// Args for the model of `options`, with its free-text inputs as `(name, text)` pairs;
    /// every problem is reported as the checker reports it (paths like `/image`).
    pub fn new<O: ModelOptions>(options: O, texts: &[(&str, &str)]) -> Result<Self, Violations> {
        Self::from_selection(options.to_selection(), texts)
    }

    /// Like [`new`](Self::new), from a [`Selection`].
    pub fn from_selection(
        selection: Selection,
        texts: &[(&str, &str)],
    ) -> Result<Self, Violations> {
        Self::from_inputs(selection, texts, &[])
    }

    /// Args from a [`Selection`], free-text inputs as `(name, text)` and lists as `(name,
    /// items)`: every problem is reported as the checker reports it (`/image_urls/2`).
    ///
    /// ```
    /// use shortapi_pricing::models::seedream_4_5_edit::{AspectRatio, Options};
    /// use shortapi_pricing::{Args, Code};
    ///
    /// let options = Options::DEFAULT.with_aspect_ratio(AspectRatio::R1x1).to_selection();
    /// let urls: [&str; 2] = ["https://example.com/a.png", "https://example.com/b.png"];
    /// let lists: [(&str, &[&str]); 1] = [("image_urls", &urls)];
    /// let args = Args::from_inputs(options, &[("prompt", "a cat")], &lists)?;
    /// assert_eq!(args.list("image_urls").map(<[String]>::len), Some(2));
    ///
    /// let blank: [(&str, &[&str]); 1] = [("image_urls", &[" "])];
    /// let blank = Args::from_inputs(options, &[("prompt", "a cat")], &blank);
    /// let errors = blank.unwrap_err();
    /// let v = &errors.as_slice()[0];
    /// assert_eq!((v.path.as_str(), v.code), ("/image_urls/0", Code::EmptyText));
    /// # Ok::<(), shortapi_pricing::Violations>(())
    /// ```
    pub fn from_inputs(
        selection: Selection,
        texts: &[(&str, &str)],
        lists: &[(&str, &[&str])],
    ) -> Result<Self, Violations> {
        let spec = selection.spec();
        let mut errors = Vec::new();
        let mut kept: Vec<(usize, String)> = Vec::new();
        let mut kept_lists: Vec<(usize, Vec<String>)> = Vec::new();
        let mut refused = 0u64;
        let mut sums: Vec<(usize, i64)> = Vec::new();
        for &(name, items) in lists {
            match spec
                .option_index(name)
                .filter(|&i| spec.options[i].is_list())
            {
                None => errors.push(unknown_input(spec, name)),
                Some(i) if kept_lists.iter().any(|(k, _)| *k == i) => {
                    errors.push(given_twice(name));
                }
                // A list of objects: each item the JSON text of one object.
                Some(i) if spec.options[i].kind.list_item() != Some(ListItem::Text) => {
                    let (found, items, totals) = crate::check::object_items(spec, i, items);
                    if found.is_empty() {
                        kept_lists.push((i, items));
                        sums.extend(totals);
                    } else {
                        refused |= 1 << i;
                    }
                    errors.extend(found);
                }
                Some(i) => {
                    let found =
                        list_violations("", &spec.options[i], items.len(), |k| Ok(items[k]));
                    if found.is_empty() {
                        kept_lists.push((i, items.iter().map(|s| (*s).to_owned()).collect()));
                    } else {
                        refused |= 1 << i;
                    }
                    errors.extend(found);
                }
            }
        }
        for &(name, text) in texts {
            let at = spec
                .option_index(name)
                .filter(|&i| spec.options[i].is_text() || spec.options[i].is_number());
            let twice = |i: usize| kept.iter().any(|(k, _)| *k == i);
            match at {
                None => errors.push(unknown_input(spec, name)),
                Some(i) if twice(i) => errors.push(given_twice(name)),
                Some(i) if spec.options[i].is_number() => {
                    match number_input(&spec.options[i], text) {
                        Ok(n) => kept.push((i, n.to_string())),
                        Err(v) => {
                            refused |= 1 << i;
                            errors.push(v);
                        }
                    }
                }
                Some(i) => {
                    match text_violation(&crate::check::pointer("", name), &spec.options[i], text) {
                        Some(v) => {
                            refused |= 1 << i;
                            errors.push(v);
                        }
                        None => kept.push((i, text.to_owned())),
                    }
                }
            }
        }
        // What was given (inputs kept or refused, choices not left out): for the required
        // inputs and the conditional requirements.
        let mut seen = 0u64;
        for (i, option) in spec.options.iter().enumerate() {
            let given = match option.kind {
                OptionKind::Text { .. } | OptionKind::Number { .. } => {
                    texts.iter().any(|(n, _)| *n == option.name)
                }
                OptionKind::List { .. } => lists.iter().any(|(n, _)| *n == option.name),
                _ => selection.slot(i) != crate::spec::ABSENT,
            };
            if option.is_required() && !given {
                errors.push(missing_input("", option));
            }
            seen |= u64::from(given) << i;
        }
        // The rules of inputs, the requirements, totals and limits, over the inputs kept: one whose field or
        // condition was refused above is not judged, as the checker does not judge it.
        let count = |i: usize| {
            kept_lists
                .iter()
                .find(|(k, _)| *k == i)
                .map(|(_, items)| items.len())
        };
        // A rule of values is the selection's own, judged when it is priced; one that asks
        // whether an input is given or a list's count is judged here, from the inputs.
        errors.extend(crate::check::broken_rules(
            &selection,
            |r| !r.is_of_values(),
            seen,
            &count,
            refused,
            "",
        ));
        errors.extend(crate::check::broken_requirements(
            &selection, seen, &count, refused, "",
        ));
        errors.extend(crate::check::broken_totals(spec, count, refused, ""));
        errors.extend(crate::check::broken_limits(
            &selection, &count, seen, refused, "",
        ));
        for (x, total) in sums {
            let sum = &spec.sums[x];
            errors.extend(crate::check::broken_sum(
                sum, total, &selection, refused, "",
            ));
        }
        errors.extend(crate::check::broken_relations(&selection, refused, ""));
        if let Some(errors) = Violations::new(errors) {
            return Err(errors);
        }
        Ok(Args::in_option_order(selection, kept, kept_lists))
    }

    /// Args of `selection` and the inputs given, each kind put in option order (as a body
    /// gives them, in any order): the one place the serializer's order is made, for the
    /// checker, its fast path and typed inputs alike.
    pub(crate) fn in_option_order(
        selection: Selection,
        mut texts: Vec<(usize, String)>,
        mut lists: Vec<(usize, Vec<String>)>,
    ) -> Self {
        texts.sort_by_key(|(i, _)| *i);
        lists.sort_by_key(|(i, _)| *i);
        Args {
            selection,
            texts,
            lists,
        }
    }

    /// The model.
    pub const fn model(&self) -> Model {
        self.selection.model()
    }

    /// Every option value but free text.
    pub const fn selection(&self) -> &Selection {
        &self.selection
    }

    /// The option values as the model's typed `Options`, or `None` if `T` is another model's.
    pub fn options<T: ModelOptions>(&self) -> Option<T> {
        T::from_selection(&self.selection)
    }

    /// The free-text input named `name`, if given.
    pub fn text(&self, name: &str) -> Option<&str> {
        let options = self.selection.spec().options;
        self.texts
            .iter()
            .find(|(i, _)| options[*i].name == name && options[*i].is_text())
            .map(|(_, t)| t.as_str())
    }

    /// The list input named `name`, if given: its texts, or for a list of objects each
    /// item's JSON (its accepted fields in field order, `{"duration":3}`).
    pub fn list(&self, name: &str) -> Option<&[String]> {
        let options = self.selection.spec().options;
        self.lists
            .iter()
            .find(|(i, _)| options[*i].name == name)
            .map(|(_, items)| items.as_slice())
    }

    /// Every list input given, as `(name, items)`, in option order.
    pub fn lists(&self) -> impl Iterator<Item = (&'static str, &[String])> + '_ {
        let options = self.selection.spec().options;
        self.lists
            .iter()
            .map(|(i, items)| (options[*i].name, items.as_slice()))
    }

    /// The number input named `name` (Kling 2.6's `cfg_scale`), if given, exactly.
    pub fn number(&self, name: &str) -> Option<Decimal> {
        let options = self.selection.spec().options;
        self.texts
            .iter()
            .find(|(i, _)| options[*i].name == name && options[*i].is_number())
            // The digits are the crate's own, written from a Decimal: they read back exactly.
            .and_then(|(_, digits)| Decimal::from_str_exact(digits).ok())
    }

    /// Every free-text input given, as `(name, text)`, in option order.
    pub fn texts(&self) -> impl Iterator<Item = (&'static str, &str)> + '_ {
        let options = self.selection.spec().options;
        self.texts
            .iter()
            .filter(|(i, _)| options[*i].is_text())
            .map(|(i, t)| (options[*i].name, t.as_str()))
    }

    /// The exact price of these args, or why there is none (see
    /// [`Selection::quote`](crate::Selection::quote)).
    pub fn quote(&self) -> Result<Quote, QuoteError> {
        self.selection.quote()
    }
}

/// `/name` is not one of the model's free-text or list inputs.
fn unknown_input(spec: &ModelSpec, name: &str) -> Violation {
    let names: Vec<&str> = spec
        .options
        .iter()
        .filter(|o| o.is_input())
        .map(|o| o.name)
        .collect();
    Violation {
        path: crate::check::pointer("", name),
        code: Code::UnknownField,
        message: format!(
            "{:?} is not a free-text or list input of {}; its inputs: {}",
            crate::check::short(name),
            spec.id,
            crate::spec::QuotedList(&names)
        ),
    }
}

/// The number a typed input gives for a number option, written as a JSON number (`"0.5"`,
/// `"5e-1"`; not `".5"`, `"+1"` or `"1_0"`) and read as the checker reads a body's number,
/// or why it is refused as the checker refuses that value.
fn number_input(option: &OptionSpec, text: &str) -> Result<Decimal, Violation> {
    let (minimum, maximum) = match option.kind {
        OptionKind::Number { minimum, maximum } => (minimum, maximum),
        _ => (Decimal::MIN, Decimal::MAX),
    };
    let path = crate::check::pointer("", option.name);
    let range = format!("a number from {minimum} to {maximum}");
    let number = serde_json::from_str::<serde_json::Number>(text);
    match number.as_ref().map(crate::check::exact_number) {
        Ok(Some(n)) if (minimum..=maximum).contains(&n) => Ok(n),
        Ok(Some(n)) => Err(Violation {
            path,
            code: Code::OutOfRange,
            message: format!("{n} is out of range: {} must be {range}", option.name),
        }),
        Ok(None) => Err(Violation {
            path,
            code: Code::OutOfRange,
            message: crate::check::unholdable(option.name, text, &range),
        }),
        Err(_) => Err(Violation {
            path,
            code: Code::WrongType,
            message: format!(
                "{} must be {range}, written as a JSON number, not {:?}",
                option.name,
                crate::check::short(text)
            ),
        }),
    }
}

/// `/name` is given twice.
fn given_twice(name: &str) -> Violation {
    Violation {
        path: crate::check::pointer("", name),
        code: Code::DuplicateField,
        message: format!("field {name:?} is given more than once; give it once"),
    }
}

/// The violation for free text at `path` (the value of `option`, or an item of its list)
/// that is empty or only white space, or longer than the option allows.
pub(crate) fn text_violation(path: &str, option: &OptionSpec, text: &str) -> Option<Violation> {
    if text.trim().is_empty() {
        return Some(Violation {
            path: path.to_owned(),
            code: Code::EmptyText,
            message: format!("{} must not be empty or blank", option.name),
        });
    }
    let OptionKind::Text {
        max_length: Some(max),
        ..
    } = option.kind
    else {
        return None;
    };
    // Counting stops one past the limit: a huge text costs no more than the limit.
    let count = text.chars().take(max as usize + 1).count();
    (count > max as usize).then(|| Violation {
        path: path.to_owned(),
        code: Code::TooLong,
        message: format!(
            "{} is longer than {max} characters (Unicode scalar values); shorten it",
            option.name
        ),
    })
}

/// The violations of a list of `option` with `len` items, `item(k)` giving item `k`'s text
/// (or, for an item that is not a string, how a message names it): too few or too many
/// items at `base/name`, then each item that is not a string, blank or too long at
/// `base/name/k`, in item order.
pub(crate) fn list_violations<'t>(
    base: &str,
    option: &OptionSpec,
    len: usize,
    item: impl Fn(usize) -> Result<&'t str, String>,
) -> Vec<Violation> {
    let mut found = count_violations(base, option, len);
    let path = crate::check::pointer(base, option.name);
    for k in 0..len {
        let at = crate::check::pointer(&path, &k.to_string());
        match item(k) {
            Ok(text) => found.extend(text_violation(&at, option, text)),
            Err(what) => found.push(Violation {
                path: at,
                code: Code::WrongType,
                message: format!("each item of {} must be a string, not {what}", option.name),
            }),
        }
    }
    found
}

/// Too few or too many items for the list `option` with `len` items, at `base/name`.
pub(crate) fn count_violations(base: &str, option: &OptionSpec, len: usize) -> Vec<Violation> {
    let OptionKind::List {
        min_items,
        max_items,
        ..
    } = option.kind
    else {
        return Vec::new();
    };
    let path = crate::check::pointer(base, option.name);
    let allowed = match max_items {
        Some(max) if min_items == 0 => format!("at most {max}"),
        Some(max) => format!("{min_items} to {max}"),
        None => format!("at least {min_items}"),
    };
    let code = if len < min_items as usize {
        Code::TooFewItems
    } else if max_items.is_some_and(|max| len > max as usize) {
        Code::TooManyItems
    } else {
        return Vec::new();
    };
    vec![Violation {
        path,
        code,
        message: format!("{} has {}; it takes {allowed}", option.name, items(len)),
    }]
}

/// The violation for a required input that is absent: free text, or an option the page
/// gives no default (then with its values). The description is lowercased as ASCII: the full
/// Unicode case tables would be 18 KB of the WebAssembly package.
pub(crate) fn missing_input(base: &str, option: &OptionSpec) -> Violation {
    let mut message = format!(
        "{} is required: {}",
        option.name,
        option.description.to_ascii_lowercase()
    );
    match option.kind {
        OptionKind::List { min_items, .. } => {
            message.push_str(&format!(
                "; a list of at least {}",
                items(min_items as usize)
            ));
        }
        OptionKind::Enum { values, .. } => {
            message.push_str("; one of ");
            message.push_str(&QuotedList(values).to_string());
        }
        OptionKind::Integer { values, .. } if !values.is_empty() => {
            message.push_str("; one of ");
            message.push_str(&Listed(values, false).to_string());
        }
        OptionKind::Integer {
            minimum, maximum, ..
        } => message.push_str(&format!("; a whole number from {minimum} to {maximum}")),
        OptionKind::Number { minimum, maximum } => {
            message.push_str(&format!("; a number from {minimum} to {maximum}"));
        }
        OptionKind::Bool { .. } => message.push_str("; true or false"),
        OptionKind::Text { .. } => {}
    }
    Violation {
        path: crate::check::pointer(base, option.name),
        code: Code::MissingField,
        message,
    }
}

/// Writes every field, defaults included; see
/// [`CreateJobRequest::to_json`](crate::CreateJobRequest::to_json) to leave defaults out.
impl serde::Serialize for Args {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        ArgsJson {
            args: self,
            fields: Fields::All,
        }
        .serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Inputs given in any order are kept in option order, each kind: the serializer walks
    /// the options once and takes each kind's next input where its index comes.
    #[test]
    fn inputs_are_kept_in_option_order() {
        let selection = Selection::defaults(Model::ALL[0]);
        let args = Args::in_option_order(
            selection,
            vec![
                (4, "b".to_owned()),
                (1, "a".to_owned()),
                (2, "0.5".to_owned()),
            ],
            vec![(9, vec![]), (3, vec!["x".to_owned()])],
        );
        assert_eq!(
            args.texts.iter().map(|t| t.0).collect::<Vec<_>>(),
            [1, 2, 4]
        );
        assert_eq!(args.lists.iter().map(|t| t.0).collect::<Vec<_>>(), [3, 9]);
    }

    /// A text limit built here (no page in the spec set states one it refuses past; Kling
    /// O3's prompt, 2,500 characters, is the catalog's): counted in Unicode scalar values, as
    /// JSON Schema's `maxLength` counts, so an accent that is its own scalar counts.
    #[test]
    fn a_text_limit_counts_unicode_scalar_values() {
        let caption = OptionSpec {
            name: "caption",
            description: "A caption",
            required: false,
            kind: OptionKind::Text {
                examples: &[],
                max_length: Some(3),
            },
        };
        let judged = |text: &str| text_violation("/caption", &caption, text).map(|v| v.code);
        for ok in ["abc", "ééé", "😀😀😀", "a", " a "] {
            assert_eq!(judged(ok), None, "{ok}");
        }
        for long in ["abcd", "e\u{301}e\u{301}", "😀😀😀😀", &"x".repeat(100_000)] {
            assert_eq!(judged(long), Some(Code::TooLong), "{long}");
        }
        assert_eq!(judged("  "), Some(Code::EmptyText));
        let v = text_violation("/caption", &caption, "abcd").unwrap();
        assert_eq!(v.path, "/caption");
        assert_eq!(
            v.message,
            "caption is longer than 3 characters (Unicode scalar values); shorten it"
        );
    }

    /// A list's count, from a list option built here with no lower bound.
    #[test]
    fn a_list_counts_between_its_bounds() {
        let masks = OptionSpec {
            name: "masks",
            description: "Masks",
            required: false,
            kind: OptionKind::List {
                min_items: 0,
                max_items: Some(2),
                item: crate::spec::ListItem::Text,
            },
        };
        let items = ["a", " ", "c"];
        let codes = |n: usize| -> Vec<(String, Code)> {
            list_violations("/args", &masks, n, |k| Ok(items[k]))
                .into_iter()
                .map(|v| (v.path, v.code))
                .collect()
        };
        assert!(codes(0).is_empty());
        assert!(codes(1).is_empty());
        assert_eq!(codes(2), [("/args/masks/1".to_owned(), Code::EmptyText)]);
        assert_eq!(
            codes(3),
            [
                ("/args/masks".to_owned(), Code::TooManyItems),
                ("/args/masks/1".to_owned(), Code::EmptyText)
            ]
        );
        let message = &list_violations("", &masks, 3, |_| Ok("x"))[0].message;
        assert_eq!(message, "masks has 3 items; it takes at most 2");
    }
}
