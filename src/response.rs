//! The API's responses: creating a job and querying it.
//!
//! Only what the API page documents is typed; unknown fields are ignored, and an undocumented
//! job status is kept as it came instead of failing the parse.

use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::quote::{Quote, Reconciliation};

/// The response to `POST` to a model's [`create_endpoint`](crate::spec::ModelSpec::create_endpoint).
///
/// ```
/// use shortapi_pricing::models::pixverse_5_5_text_to_video::Options;
/// use shortapi_pricing::CreateJobResponse;
/// use rust_decimal::Decimal;
///
/// // The amount may come as a string or a number; both are read exactly.
/// let response = CreateJobResponse::from_json(r#"{"code":0,"data":{"amount":0.170,"job_id":"j-1"}}"#)?;
/// assert_eq!(response.amount(), Some(Decimal::new(170, 3)));
/// let check = response.reconcile(&Options::DEFAULT.quote()?);
/// assert!(check.is_some_and(|r| r.is_match()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateJobResponse {
    /// `0` on success.
    pub code: i64,
    /// The charge and the job id; absent on some errors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<CreateJobData>,
}

/// `data` of a [`CreateJobResponse`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateJobData {
    /// What the job was charged, exact. Written as a decimal string.
    #[serde(with = "crate::money")]
    pub amount: Decimal,
    /// The id to query the job with.
    pub job_id: String,
}

impl CreateJobResponse {
    /// Parses a response body. A JSON-number `amount` is read from its digits, never an `f64`.
    pub fn from_json(json: impl AsRef<[u8]>) -> Result<Self, serde_json::Error> {
        serde_json::from_slice(json.as_ref())
    }

    /// The amount charged, if the response has `data`.
    pub fn amount(&self) -> Option<Decimal> {
        self.data.as_ref().map(|d| d.amount)
    }

    /// Compares the amount charged with `quote`; `None` if the response has no `data`.
    pub fn reconcile(&self, quote: &Quote) -> Option<Reconciliation> {
        self.amount().map(|charged| quote.reconcile(charged))
    }
}

/// The response to `GET` of a model's [`query_endpoint`](crate::spec::ModelSpec::query_endpoint)`?id=JOB_ID`.
///
/// ```
/// use shortapi_pricing::{JobStatus, QueryJobResponse};
///
/// let done = QueryJobResponse::from_json(
///     r#"{"code":0,"data":{"status":2,"result":{"videos":[{"url":"https://example.com/v.mp4"}]}}}"#,
/// )?;
/// assert!(done.is_succeeded());
/// assert_eq!(done.video_urls().collect::<Vec<_>>(), ["https://example.com/v.mp4"]);
///
/// // Statuses the API page does not document are kept, not refused.
/// let other = QueryJobResponse::from_json(r#"{"code":0,"data":{"status":"queued"}}"#)?;
/// assert_eq!(other.data.unwrap().status, JobStatus::Text("queued".into()));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueryJobResponse {
    /// `0` on success.
    pub code: i64,
    /// The job's status and, once it succeeded, its result.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<QueryJobData>,
}

/// `data` of a [`QueryJobResponse`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueryJobData {
    /// Where the job is.
    pub status: JobStatus,
    /// The videos, once the job succeeded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<JobResult>,
}

/// `data.result` of a [`QueryJobResponse`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobResult {
    /// The generated videos.
    #[serde(default)]
    pub videos: Vec<Video>,
}

/// One generated video.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Video {
    /// Where to download it.
    pub url: String,
}

impl QueryJobResponse {
    /// Parses a response body.
    pub fn from_json(json: impl AsRef<[u8]>) -> Result<Self, serde_json::Error> {
        serde_json::from_slice(json.as_ref())
    }

    /// Whether the job succeeded (status 2).
    pub fn is_succeeded(&self) -> bool {
        self.data.as_ref().is_some_and(|d| d.status.is_succeeded())
    }

    /// The URLs of the videos in the result, if any.
    pub fn video_urls(&self) -> impl Iterator<Item = &str> {
        self.data
            .iter()
            .flat_map(|d| d.result.iter())
            .flat_map(|r| r.videos.iter())
            .map(|v| v.url.as_str())
    }
}

/// A job's `status`. The API page documents only `2` (succeeded); anything else is kept as it
/// came, a number or a string, so a new status never breaks parsing.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum JobStatus {
    /// `2`: the job succeeded and `result` holds its videos.
    Succeeded,
    /// Another number.
    Code(i64),
    /// A string (e.g. `"succeeded"`; none is documented).
    Text(String),
}

impl JobStatus {
    /// The documented status code for success.
    pub const SUCCEEDED_CODE: i64 = 2;

    /// Whether this is the documented success status, `2`.
    pub fn is_succeeded(&self) -> bool {
        matches!(self, JobStatus::Succeeded)
    }
}

impl From<i64> for JobStatus {
    fn from(code: i64) -> Self {
        if code == Self::SUCCEEDED_CODE {
            JobStatus::Succeeded
        } else {
            JobStatus::Code(code)
        }
    }
}

impl Serialize for JobStatus {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            JobStatus::Succeeded => serializer.serialize_i64(Self::SUCCEEDED_CODE),
            JobStatus::Code(code) => serializer.serialize_i64(*code),
            JobStatus::Text(text) => serializer.serialize_str(text),
        }
    }
}

impl<'de> Deserialize<'de> for JobStatus {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;

        impl serde::de::Visitor<'_> for Visitor {
            type Value = JobStatus;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a job status: an integer or a string")
            }

            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<JobStatus, E> {
                Ok(JobStatus::from(v))
            }

            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<JobStatus, E> {
                i64::try_from(v)
                    .map(JobStatus::from)
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Unsigned(v), &self))
            }

            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<JobStatus, E> {
                Ok(JobStatus::Text(v.to_owned()))
            }
        }

        deserializer.deserialize_any(Visitor)
    }
}
