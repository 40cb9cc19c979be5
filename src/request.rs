//! The create-job body: `{"model": …, "args": {…}, "callback_url": …}`, as the API page's
//! examples send it.

use serde::ser::SerializeMap;
use serde::Serialize;

use crate::quote::{Quote, QuoteError};
use crate::spec::{ListItem, OptionKind};
use crate::{Args, Model};

/// A create-job request: the args of one model and an optional callback URL.
///
/// ```
/// use shortapi_pricing::models::pixverse_5_5_text_to_video::{Options, Resolution};
/// use shortapi_pricing::{Args, CreateJobRequest, Fields};
///
/// let options = Options::DEFAULT.with_resolution(Resolution::P1080);
/// let args = Args::new(options, &[("prompt", "a black lab swimming")])?;
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

    /// The model the request names.
    pub const fn model(&self) -> Model {
        self.args.model()
    }

    /// The exact price of this request, or why there is none (see
    /// [`Selection::quote`](crate::Selection::quote)).
    pub fn quote(&self) -> Result<Quote, QuoteError> {
        self.args.quote()
    }

    /// The JSON body for `POST` to the model's
    /// [`create_endpoint`](crate::spec::ModelSpec::create_endpoint): `model`, `args` (every
    /// option in spec order, free text included), then `callback_url` if set.
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

/// Reads a create-job body of any model with the same checks as [`check`](crate::check);
/// the error lists every violation.
impl<'de> serde::Deserialize<'de> for CreateJobRequest {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::check::deserialize(deserializer, crate::check::Expect::Body)
    }
}

struct Body<'a> {
    request: &'a CreateJobRequest,
    fields: Fields,
}

impl Serialize for Body<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("model", self.request.model().id())?;
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

/// The `args` object: every option in spec order, free text as given (or, with
/// [`Fields::Minimal`], free text and the options that differ from their default).
pub(crate) struct ArgsJson<'a> {
    pub args: &'a Args,
    pub fields: Fields,
}

impl Serialize for ArgsJson<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        let selection = &self.args.selection;
        let mut texts = self.args.texts.iter().peekable();
        let mut lists = self.args.lists.iter().peekable();
        for (index, option) in selection.spec().options.iter().enumerate() {
            if option.is_number() {
                if let Some((_, digits)) = texts.next_if(|(i, _)| *i == index) {
                    // A JSON number with the decimal's own digits (`0.5`), never through f64.
                    let raw = serde_json::value::RawValue::from_string(digits.clone())
                        .map_err(serde::ser::Error::custom)?;
                    map.serialize_entry(option.name, &raw)?;
                }
                continue;
            }
            if option.is_text() {
                if let Some((_, text)) = texts.next_if(|(i, _)| *i == index) {
                    map.serialize_entry(option.name, text)?;
                }
                continue;
            }
            if option.is_list() {
                if let Some((_, items)) = lists.next_if(|(i, _)| *i == index) {
                    if let OptionKind::List {
                        item: ListItem::Object { .. },
                        ..
                    } = option.kind
                    {
                        // Each item is the JSON the checker wrote of its accepted fields.
                        let raw: Vec<Box<serde_json::value::RawValue>> = items
                            .iter()
                            .map(|item| serde_json::value::RawValue::from_string(item.clone()))
                            .collect::<Result<_, _>>()
                            .map_err(serde::ser::Error::custom)?;
                        map.serialize_entry(option.name, &raw)?;
                    } else {
                        map.serialize_entry(option.name, items)?;
                    }
                }
                continue;
            }
            if self.fields == Fields::Minimal && selection.is_default(index) {
                continue;
            }
            if let Some(value) = selection.get_at(index) {
                map.serialize_entry(option.name, &value)?;
            }
        }
        map.end()
    }
}
