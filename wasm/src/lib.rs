//! The `shortapi-pricing` checker and quotes for JavaScript, as a WebAssembly package.
//!
//! `wasm/build.sh` compiles this crate for `wasm32-unknown-unknown` and runs `wasm-bindgen` on
//! it, giving `wasm/pkg/`: an ES module (`shortapi_pricing_wasm.js`), its TypeScript
//! declarations and the `.wasm`. A page or a Node backend gets exactly the answers the Rust
//! library gives, from the same spec: every function here is a call into the library and a
//! JSON round trip, nothing more.
//!
//! Conventions, as JavaScript sees them:
//!
//! - **Money is a decimal string** (`"0.340"`), never a number.
//! - **Bad input is an answer, not an exception**: `check`, `checkArgs`, `quote` and
//!   `quoteArgs` return `{errors: [{path, code, message}]}` for a request that is wrong in any
//!   way, `path` a JSON pointer into the input, `code` one of the library's stable codes.
//! - **A wrong argument throws**: a model id that no model has, or an input that is neither
//!   JSON text nor a value `JSON.stringify` can write, throws an `Error` saying what is allowed.
//! - **Inputs** are JSON text (a string) or a JavaScript value, which is written with
//!   `JSON.stringify` first; either way the checker reads the JSON text, so a duplicate key in
//!   text is found just as the Rust library finds it.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

use serde::Serialize;
use shortapi_pricing::jsonl::{judge_with, parse_usage, unpriced_violation, Mode, Verdict};
use shortapi_pricing::schema::{self, Dialect};
use shortapi_pricing::{check_as, CreateJobRequest, Expect, Model, TableRow};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** JSON text, or a value that `JSON.stringify` writes as JSON. */
export type JsonInput = string | object | number | boolean | null;

/** An option value as it goes on the wire. */
export type WireValue = string | number | boolean;

/** One problem with a request. */
export interface Violation {
  /** A JSON pointer (RFC 6901) to the value at fault; `""` for the whole input. */
  path: string;
  /** A stable snake_case code: `"invalid_value"`, `"unsupported_combination"`, … */
  code: string;
  /** What is wrong and what is allowed, for people. */
  message: string;
}

/** A rejected input: every problem found, in input order (never empty). */
export interface Rejected {
  errors: Violation[];
}

/** The exact price of one job: `amount` is a decimal string (`"0.340"`), never a number. */
export interface Quote {
  model: string;
  currency: string;
  amount: string;
  errors?: undefined;
  /** Every option priced, by name (`resolution: "720p"`, `generate_audio: false`, …). */
  [option: string]: WireValue | undefined;
}

/**
 * What a job costs before its measured quantities (the seconds of an input video) are known:
 * the rate per `unit`, the quantities it `needs`, and the least and the most it can cost where
 * the page bounds them. Give the quantities (`quote(body, {input_video_seconds: "7.2"})`) for
 * the exact amount.
 */
export interface Estimate {
  model: string;
  currency: string;
  rate: string;
  unit: string;
  needs: string[];
  min_amount?: string;
  max_amount?: string;
  amount?: undefined;
  errors?: undefined;
  [option: string]: WireValue | string[] | undefined;
}

/**
 * `quote` and `quoteArgs` give an exact quote, an estimate (the price needs a measured
 * quantity: test `r.rate`), or the input's violations (test `r.errors`; a price the page does
 * not give is the code `"unpriced"`).
 */
export type QuoteResult = Quote | Estimate | Rejected;

/** Measured quantities by name, each a decimal string (`"7.2"`) or a number. */
export type Usage = Record<string, string | number>;

/** An accepted request: the create-job body with every option (defaults filled in). */
export interface Accepted {
  request: { model: string; args: Record<string, WireValue>; callback_url?: string };
  errors?: undefined;
}

/** `check` and `checkArgs` give the accepted request or the input's violations. */
export type CheckResult = Accepted | Rejected;

/**
 * One row of a model's price table: the options its price depends on, and the price —
 * `amount`; or, for a price per measured quantity, `rate`, `unit` and `per` (what the rate
 * multiplies); or, where the page gives none, `unpriced` (the reason).
 */
export interface PriceRow {
  model: string;
  currency: string;
  amount?: string;
  rate?: string;
  unit?: string;
  per?: string[];
  unpriced?: string;
  [option: string]: WireValue | string[] | undefined;
}

/**
 * One option of a model, as its spec file describes it. `default` is absent where the page
 * gives none: such an option is `required`, or left out it is not sent.
 */
export type OptionInfo = { name: string; description: string; required: boolean } & (
  | { type: "string"; max_length?: number }
  | { type: "list"; min_items: number; max_items: number | null }
  /** A list of objects: each item's fields; `open` where the page is cut inside them. */
  | { type: "list"; min_items: number; max_items: number | null; fields: OptionInfo[]; open: boolean }
  | { type: "enum"; values: string[]; default?: string; units?: number[] }
  | { type: "bool"; default?: boolean }
  | { type: "integer"; minimum: number; maximum: number; values?: number[]; default?: number }
  | { type: "integer"; string: true; minimum: number; maximum: number; values?: number[]; default?: string }
  /** A number read exactly; its range as decimal strings (`"0"`, `"1"`). */
  | { type: "number"; minimum: string; maximum: string }
);

/** A forbidden combination: a request for which every condition of `when` holds is refused. */
export interface RuleInfo {
  id: string;
  message: string;
  when: Record<string, ConditionInfo>;
}

/**
 * What a condition of a rule, a requirement or a limit asks of one option, as the spec writes
 * it: a value, one of some values, an integer's range, a list's count, or given / left out.
 */
export type ConditionInfo =
  | WireValue
  | WireValue[]
  | { minimum?: number; maximum?: number }
  | { min_items?: number; max_items?: number }
  | { given: boolean };

/** A field required (`require`) or refused (`forbid`) when every condition of `when` holds. */
export type RequirementInfo = { id: string; message: string; when: Record<string, ConditionInfo> } & (
  | { require: string }
  | { forbid: string }
);

/** A limit on the items of several lists counted together (`count` names the lists). */
export interface TotalInfo {
  id: string;
  message: string;
  count: string[];
  minimum?: number;
  maximum?: number;
}

/**
 * A narrower limit on the option `field` while every condition of `when` holds: a list's
 * item count, or some of a choice's `values`.
 */
export interface LimitInfo {
  id: string;
  message: string;
  when: Record<string, ConditionInfo>;
  field: string;
  min_items?: number;
  max_items?: number;
  values?: WireValue[];
}

/** The `field` values of the items of the list of objects `list` add up to the option `equals`. */
export interface SumInfo {
  id: string;
  message: string;
  list: string;
  field: string;
  equals: string;
}

/**
 * The product (whole-number bounds) or the ratio (`"n:d"` bounds) of two integer options,
 * both ends included, judged when both are given.
 */
export type RelationInfo =
  | { id: string; message: string; product: [string, string]; minimum?: number; maximum?: number }
  | { id: string; message: string; ratio: [string, string]; minimum?: string; maximum?: string };

/** A measured quantity a price multiplies (the seconds of an input video). */
export interface QuantityInfo {
  name: string;
  unit: string;
  description: string;
  minimum: string;
  maximum: string | null;
}

/**
 * A model's prices as its page documents them; every amount a decimal string. A cell the page
 * leaves unclear has `unpriced` (the reason) in place of its `price` or `rate`.
 */
export type PricingInfo =
  | { form: "cells"; dimensions: string[]; cells: Array<Record<string, WireValue>> }
  | {
      form: "per_unit";
      dimensions: string[];
      per: string[];
      unit: string;
      quantities: QuantityInfo[];
      rates: Array<Record<string, WireValue>>;
    }
  | { form: "unpriced"; reason: string };

/** Everything one spec file says about its model. */
export interface ModelInfo {
  id: string;
  name: string;
  category: string;
  currency: string;
  create_endpoint: string;
  query_endpoint: string;
  source: string;
  /** The last option the page's stored copy documents, when it is cut (else null). */
  cut_after: string | null;
  options: OptionInfo[];
  rules: RuleInfo[];
  requirements: RequirementInfo[];
  totals: TotalInfo[];
  limits: LimitInfo[];
  sums: SumInfo[];
  relations: RelationInfo[];
  pricing: PricingInfo;
}
"#;

#[wasm_bindgen]
extern "C" {
    /// `JSON.parse`, for the JSON this crate writes (always valid).
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn json_parse(text: &str) -> Result<JsValue, JsValue>;

    /// `JSON.stringify`: throws for a BigInt or a cycle, gives `undefined` for a function.
    #[wasm_bindgen(js_namespace = JSON, js_name = stringify, catch)]
    fn json_stringify(value: &JsValue) -> Result<JsValue, JsValue>;
}

/// A JavaScript `Error` with `message`.
fn error(message: &str) -> JsValue {
    JsError::new(message).into()
}

/// `value` as a JavaScript value, through its JSON.
fn to_js(value: &impl Serialize) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value).map_err(|e| error(&e.to_string()))?;
    json_parse(&text)
}

/// The JSON text of an input: a string as it is, any other value as `JSON.stringify` writes
/// it.
fn input_text(input: &JsValue) -> Result<String, JsValue> {
    if let Some(text) = input.as_string() {
        return Ok(text);
    }
    if input.is_undefined() {
        return Err(error(
            "expected JSON text or a JSON value (an object, array, number, boolean or null), got undefined",
        ));
    }
    json_stringify(input)?.as_string().ok_or_else(|| {
        error("expected JSON text or a JSON value; JSON.stringify cannot write this value")
    })
}

/// The model named `id`, or an error listing every id.
fn model_named(id: &str) -> Result<Model, JsValue> {
    id.parse::<Model>().map_err(|e| error(&e.to_string()))
}

/// `{"request": …}` for an accepted request.
#[derive(Serialize)]
struct Accepted<'a> {
    request: &'a CreateJobRequest,
}

fn check_input(input: &JsValue, expect: Expect) -> Result<JsValue, JsValue> {
    match check_as(input_text(input)?, expect) {
        Ok(request) => to_js(&Accepted { request: &request }),
        Err(violations) => to_js(&violations),
    }
}

/// `{"errors": [...]}`.
#[derive(Serialize)]
struct Errors<'a> {
    errors: &'a [shortapi_pricing::Violation],
}

fn quote_input(
    input: &JsValue,
    expect: Expect,
    usage: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let usage = match usage.filter(|u| !u.is_undefined() && !u.is_null()) {
        None => Vec::new(),
        Some(usage) => match parse_usage(&input_text(&usage)?) {
            Ok(usage) => usage,
            Err(errors) => return to_js(&Errors { errors: &errors }),
        },
    };
    let usage: Vec<(&str, _)> = usage.iter().map(|(n, v)| (n.as_str(), *v)).collect();
    match judge_with(input_text(input)?.as_bytes(), Mode::Quote, expect, &usage) {
        Verdict::Quoted(quote) => to_js(&quote),
        Verdict::Estimated(estimate) => to_js(&estimate),
        Verdict::Unpriced(u) => to_js(&Errors {
            errors: &[unpriced_violation(&u)],
        }),
        Verdict::Rejected(errors) => to_js(&Errors { errors: &errors }),
        Verdict::Checked(_) => unreachable!("judged in Mode::Quote"),
    }
}

/// Every model the package knows, in id order, with its options, rules and prices.
#[wasm_bindgen(unchecked_return_type = "ModelInfo[]")]
pub fn models() -> Result<JsValue, JsValue> {
    let specs: Vec<_> = Model::ALL.iter().map(|m| m.spec()).collect();
    to_js(&specs)
}

/// The model with this id (`"pixverse/pixverse-5.5/text-to-video"`): its options (type,
/// default, allowed values or range), rules and prices. Throws for an unknown id.
#[wasm_bindgen(unchecked_return_type = "ModelInfo")]
pub fn model(id: &str) -> Result<JsValue, JsValue> {
    to_js(model_named(id)?.spec())
}

/// The JSON Schema (draft 2020-12) of a model's `args`: one property per option with its
/// type, default, allowed values or range, and the model's rules. Throws for an unknown id.
#[wasm_bindgen(js_name = argsSchema, unchecked_return_type = "Record<string, unknown>")]
pub fn args_schema(id: &str) -> Result<JsValue, JsValue> {
    to_js(&schema::args(model_named(id)?, Dialect::Draft2020_12))
}

/// The JSON Schema (draft 2020-12) of a create-job body of any model.
#[wasm_bindgen(js_name = requestSchema, unchecked_return_type = "Record<string, unknown>")]
pub fn request_schema() -> Result<JsValue, JsValue> {
    to_js(&schema::request(Dialect::Draft2020_12))
}

/// Checks a create-job body (`{"model", "args", "callback_url"?}`): the accepted request with
/// every default filled in, or every violation.
#[wasm_bindgen(unchecked_return_type = "CheckResult")]
pub fn check(
    #[wasm_bindgen(unchecked_param_type = "JsonInput")] body: JsValue,
) -> Result<JsValue, JsValue> {
    check_input(&body, Expect::Body)
}

/// Checks the bare `args` of the model `id`, as [`check`] does a body. Throws for an unknown
/// id.
#[wasm_bindgen(js_name = checkArgs, unchecked_return_type = "CheckResult")]
pub fn check_args(
    id: &str,
    #[wasm_bindgen(unchecked_param_type = "JsonInput")] args: JsValue,
) -> Result<JsValue, JsValue> {
    check_input(&args, Expect::Args(model_named(id)?))
}

/// Quotes a create-job body exactly: `{model, currency, amount: "0.340", …options}`; for a
/// model priced by a measured quantity without it in `usage`, the estimate `{rate, unit, needs,
/// min_amount?, max_amount?, …}`; or every violation (`unpriced` where the page gives no price).
#[wasm_bindgen(unchecked_return_type = "QuoteResult")]
pub fn quote(
    #[wasm_bindgen(unchecked_param_type = "JsonInput")] body: JsValue,
    usage: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    quote_input(&body, Expect::Body, usage)
}

/// Quotes the bare `args` of the model `id`, as [`quote`] does a body. Throws for an unknown
/// id.
#[wasm_bindgen(js_name = quoteArgs, unchecked_return_type = "QuoteResult")]
pub fn quote_args(
    id: &str,
    #[wasm_bindgen(unchecked_param_type = "JsonInput")] args: JsValue,
    usage: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    quote_input(&args, Expect::Args(model_named(id)?), usage)
}

/// The price table of the model `id`: every combination of the options its price depends on
/// that no rule forbids, with its exact price (or its rate per measured quantity, or the
/// reason the page gives none). Throws for an unknown id.
#[wasm_bindgen(js_name = priceTable, unchecked_return_type = "PriceRow[]")]
pub fn price_table(id: &str) -> Result<JsValue, JsValue> {
    let rows: Vec<_> = model_named(id)?.price_table().collect();
    let rows: Vec<_> = rows.iter().filter_map(TableRow::of).collect();
    to_js(&rows)
}
