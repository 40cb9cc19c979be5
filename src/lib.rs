#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod args;
mod check;
mod generated;
pub mod jsonl;
pub mod money;
mod quote;
mod request;
mod response;
#[cfg(feature = "schema")]
pub mod schema;
pub mod spec;

pub use args::{Args, EmptyPrompt};
pub use check::{check, check_args, check_request, quote_json, Code, Violation, Violations};
pub use generated::*;
pub use quote::{Quote, Reconciliation, Unsupported};
pub use request::{CreateJobRequest, Fields};
pub use response::{
    CreateJobData, CreateJobResponse, JobResult, JobStatus, QueryJobData, QueryJobResponse, Video,
};
pub use rust_decimal::Decimal;
