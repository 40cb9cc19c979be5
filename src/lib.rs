#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod args;
mod check;
pub mod jsonl;
mod model;
pub mod models;
pub mod money;
mod quote;
mod request;
mod response;
#[cfg(feature = "schema")]
pub mod schema;
mod selection;
pub mod spec;
mod usage;

pub use args::Args;
pub use check::{
    check, check_args, check_as, check_selection, quote_args_json, quote_as, quote_as_with,
    quote_json, Code, Expect, Violation, Violations,
};
pub use model::UnknownModel;
pub use models::{Model, MAX_OPTIONS, MAX_QUANTITIES};
pub use quote::{
    Bounds, Estimate, Explain, Quote, QuoteError, Reconciliation, TableRow, Unpriced, Unsupported,
};
pub use request::{CreateJobRequest, Fields};
pub use response::{
    CreateJobData, CreateJobResponse, JobResult, JobStatus, QueryJobData, QueryJobResponse, Video,
};
pub use rust_decimal::Decimal;
pub use selection::Selection;
pub use usage::{Usage, UsageError};
