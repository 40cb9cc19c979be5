//! Checked request args for any model: the free-text inputs and a [`Selection`] of every
//! other option.

use crate::check::{Code, Violation, Violations};
use crate::quote::{Quote, QuoteError};
use crate::request::{ArgsJson, Fields};
use crate::spec::{ModelOptions, ModelSpec, OptionSpec};
use crate::{Model, Selection};

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
    /// `(option index, text)`, in option order.
    pub(crate) texts: Vec<(usize, String)>,
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
        let spec = selection.spec();
        let mut errors = Vec::new();
        let mut kept: Vec<(usize, String)> = Vec::new();
        for &(name, text) in texts {
            let at = spec
                .option_index(name)
                .filter(|&i| spec.options[i].is_text());
            match at {
                None => errors.push(unknown_text(spec, name)),
                Some(i) if kept.iter().any(|(k, _)| *k == i) => errors.push(Violation {
                    path: crate::check::pointer("", name),
                    code: Code::DuplicateField,
                    message: format!("field {name:?} is given more than once; give it once"),
                }),
                Some(i) => match blank_text("", &spec.options[i], text) {
                    Some(v) => errors.push(v),
                    None => kept.push((i, text.to_owned())),
                },
            }
        }
        for option in spec.options {
            if option.is_required() && !texts.iter().any(|(n, _)| *n == option.name) {
                errors.push(missing_text("", option));
            }
        }
        if let Some(errors) = Violations::new(errors) {
            return Err(errors);
        }
        kept.sort_by_key(|(i, _)| *i);
        Ok(Args {
            selection,
            texts: kept,
        })
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
            .find(|(i, _)| options[*i].name == name)
            .map(|(_, t)| t.as_str())
    }

    /// Every free-text input given, as `(name, text)`, in option order.
    pub fn texts(&self) -> impl Iterator<Item = (&'static str, &str)> + '_ {
        let options = self.selection.spec().options;
        self.texts
            .iter()
            .map(|(i, t)| (options[*i].name, t.as_str()))
    }

    /// The exact price of these args, or why there is none (see
    /// [`Selection::quote`](crate::Selection::quote)).
    pub fn quote(&self) -> Result<Quote, QuoteError> {
        self.selection.quote()
    }
}

/// `/base/name` is not one of the model's free-text inputs.
fn unknown_text(spec: &ModelSpec, name: &str) -> Violation {
    let names: Vec<&str> = spec
        .options
        .iter()
        .filter(|o| o.is_text())
        .map(|o| o.name)
        .collect();
    Violation {
        path: crate::check::pointer("", name),
        code: Code::UnknownField,
        message: format!(
            "{:?} is not a free-text input of {}; its free-text inputs: {}",
            crate::check::short(name),
            spec.id,
            crate::spec::QuotedList(&names)
        ),
    }
}

/// The violation for a free-text value that is empty or only white space, if `text` is.
pub(crate) fn blank_text(base: &str, option: &OptionSpec, text: &str) -> Option<Violation> {
    text.trim().is_empty().then(|| Violation {
        path: crate::check::pointer(base, option.name),
        code: Code::EmptyText,
        message: format!("{} must not be empty or blank", option.name),
    })
}

/// The violation for a required free-text input that is absent. The description is lowercased
/// as ASCII: the full Unicode case tables would be 18 KB of the WebAssembly package.
pub(crate) fn missing_text(base: &str, option: &OptionSpec) -> Violation {
    Violation {
        path: crate::check::pointer(base, option.name),
        code: Code::MissingField,
        message: format!(
            "{} is required: {}",
            option.name,
            option.description.to_ascii_lowercase()
        ),
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
