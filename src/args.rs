//! Typed request args: the free-text prompt plus the generated [`Options`].

use std::fmt;

use crate::quote::{Quote, Unsupported};
use crate::request::{ArgsJson, Fields};
use crate::Options;

/// The `args` of a create-job request: a prompt that is not empty or blank, and the
/// [`Options`] (documented defaults unless set).
///
/// `Args` may still break a rule (1080p at 10 s); [`Args::quote`] reports that.
///
/// ```
/// use pixverse_pricing::{Args, Options, Resolution};
///
/// let args = Args::new("a black lab swimming")?
///     .with_options(Options::DEFAULT.with_resolution(Resolution::P1080));
/// assert_eq!(args.prompt(), "a black lab swimming");
/// assert_eq!(args.options.resolution, Resolution::P1080);
/// # Ok::<(), pixverse_pricing::EmptyPrompt>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Args {
    pub(crate) prompt: String,
    /// Every other option.
    pub options: Options,
}

impl Args {
    /// Args with `prompt` and the documented defaults, or [`EmptyPrompt`] if the prompt is
    /// empty or only white space.
    pub fn new(prompt: impl Into<String>) -> Result<Self, EmptyPrompt> {
        let prompt = prompt.into();
        if prompt.trim().is_empty() {
            return Err(EmptyPrompt);
        }
        Ok(Self {
            prompt,
            options: Options::DEFAULT,
        })
    }

    /// These args with `options` in place of the current ones.
    #[must_use]
    pub fn with_options(mut self, options: Options) -> Self {
        self.options = options;
        self
    }

    /// The text prompt.
    pub fn prompt(&self) -> &str {
        &self.prompt
    }

    /// The exact price of these args, or the rule they break. See [`Options::quote`].
    pub fn quote(&self) -> Result<Quote, Unsupported> {
        self.options.quote()
    }
}

/// The prompt given to [`Args::new`] was empty or only white space.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EmptyPrompt;

impl fmt::Display for EmptyPrompt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the prompt must not be empty or blank")
    }
}

impl std::error::Error for EmptyPrompt {}

/// Writes every field, defaults included; see [`CreateJobRequest::to_json`](crate::CreateJobRequest::to_json)
/// to leave defaults out.
impl serde::Serialize for Args {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        ArgsJson {
            args: self,
            fields: Fields::All,
        }
        .serialize(serializer)
    }
}

/// Reads args with the same checks as [`check_args`](crate::check_args); the error lists every
/// violation.
impl<'de> serde::Deserialize<'de> for Args {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::check::deserialize(deserializer, crate::check::Form::Args)
            .map(|request| request.args)
    }
}
