//! The create-job body: `{"model": …, "args": {…}, "callback_url": …}`, as the API page's
//! examples send it.

use serde::ser::SerializeMap;
use serde::Serialize;

use crate::quote::{Quote, Unsupported};
use crate::spec::OptionKind;
use crate::{Args, MODEL_ID, OPTIONS};

/// A create-job request for [`MODEL_ID`]: the args and an optional callback URL.
///
/// ```
/// use pixverse_pricing::{Args, CreateJobRequest, Fields, Options, Resolution};
///
/// let args = Args::new("a black lab swimming")?
///     .with_options(Options::DEFAULT.with_resolution(Resolution::P1080));
/// let request = CreateJobRequest::new(args);
/// assert_eq!(
///     request.to_json(Fields::Minimal),
///     r#"{"model":"pixverse/pixverse-5.5/text-to-video","args":{"prompt":"a black lab swimming","resolution":"1080p"}}"#
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CreateJobRequest {
    /// The model's args.
    pub args: Args,
    /// Where the API posts the result; left out of the body when `None`.
    pub callback_url: Option<String>,
}

/// Which args fields [`CreateJobRequest::to_json`] writes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Fields {
    /// Every option, defaults included: the body says everything it means.
    #[default]
    All,
    /// Only the prompt and options that differ from their documented default: the smallest
    /// body the API reads the same way.
    Minimal,
}

impl CreateJobRequest {
    /// A request with no callback URL.
    pub fn new(args: Args) -> Self {
        Self {
            args,
            callback_url: None,
        }
    }

    /// This request with a callback URL.
    #[must_use]
    pub fn with_callback_url(mut self, url: impl Into<String>) -> Self {
        self.callback_url = Some(url.into());
        self
    }

    /// The model every request names: [`MODEL_ID`].
    pub const fn model(&self) -> &'static str {
        MODEL_ID
    }

    /// The exact price of this request, or the rule it breaks.
    pub fn quote(&self) -> Result<Quote, Unsupported> {
        self.args.quote()
    }

    /// The JSON body for `POST` to [`CREATE_ENDPOINT`](crate::CREATE_ENDPOINT): `model`, `args`
    /// (prompt first, then options in spec order; `duration` as a string), then
    /// `callback_url` if set.
    pub fn to_json(&self, fields: Fields) -> String {
        serde_json::to_string(&self.body(fields))
            .expect("a create-job body has only string keys and always serializes")
    }

    /// Like [`to_json`](Self::to_json), indented for people.
    pub fn to_json_pretty(&self, fields: Fields) -> String {
        serde_json::to_string_pretty(&self.body(fields))
            .expect("a create-job body has only string keys and always serializes")
    }

    /// The body as a `Serialize` value, to write with any serde format or writer.
    pub fn body(&self, fields: Fields) -> impl Serialize + '_ {
        Body {
            request: self,
            fields,
        }
    }
}

/// Writes every field ([`Fields::All`]).
impl Serialize for CreateJobRequest {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.body(Fields::All).serialize(serializer)
    }
}

/// Reads a create-job body with the same checks as [`check_request`](crate::check_request).
impl<'de> serde::Deserialize<'de> for CreateJobRequest {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::check::deserialize(deserializer, crate::check::Form::Body)
    }
}

struct Body<'a> {
    request: &'a CreateJobRequest,
    fields: Fields,
}

impl Serialize for Body<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("model", MODEL_ID)?;
        let args = ArgsJson {
            args: &self.request.args,
            fields: self.fields,
        };
        map.serialize_entry("args", &args)?;
        if let Some(url) = &self.request.callback_url {
            map.serialize_entry("callback_url", url)?;
        }
        map.end()
    }
}

/// The `args` object: the prompt, then every option in spec order (or, with
/// [`Fields::Minimal`], those that differ from their default).
pub(crate) struct ArgsJson<'a> {
    pub args: &'a Args,
    pub fields: Fields,
}

impl Serialize for ArgsJson<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        for option in &OPTIONS {
            if let OptionKind::Text { .. } = option.kind {
                map.serialize_entry(option.name, self.args.prompt())?;
                continue;
            }
            let Some(value) = self.args.options.get(option.name) else {
                continue;
            };
            if self.fields == Fields::Minimal && Some(value) == option.default_value() {
                continue;
            }
            map.serialize_entry(option.name, &value)?;
        }
        map.end()
    }
}
