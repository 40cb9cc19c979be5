//! Property tests for every model, against the prices transcribed by hand in
//! `common/documented.rs`: the typed API, `Selection`, `check` and `quote_json` all give the
//! documented price, agree with each other, and never panic on any input.

mod common;

use common::documented::{assert_outcome, documented, milli, Expected, RULE_ID};
use common::invariants::{check_entry_points, documented_price};
use common::strategies::{any_json, mutated_body, request, selection, selection_of, valid_body};
use proptest::prelude::*;
use serde_json::Value;
use shortapi_pricing::jsonl::{Log, Mode, Verdict};
use shortapi_pricing::spec::{ModelOptions, OptionKind, WireValue};
use shortapi_pricing::{
    check, check_args, check_as, quote_args_json, quote_json, Code, Decimal, Expect, Fields, Model,
    QuoteError, Selection, Usage, UsageError,
};

/// Whether `selection` is the one combination the pages forbid: 1080p at 10 s.
fn forbidden(selection: &Selection) -> bool {
    // PixVerse's pages state 1080p at 10 s, Vidu Q2 image-to-video's 540p in pro-fast mode;
    // no other page forbids a combination.
    let get = |name| selection.get(name);
    let id = selection.model().id();
    (id.starts_with("pixverse/")
        && get("resolution") == Some(WireValue::Str("1080p"))
        && get("duration") == Some(WireValue::Str("10")))
        || (id == "vidu/vidu-q2/image-to-video"
            && get("mode") == Some(WireValue::Str("pro-fast"))
            && get("resolution") == Some(WireValue::Str("540p")))
}

/// The typed `Options::quote` of `selection`'s own model, through the generated module.
/// A model priced by a measured quantity gives its estimate, as `Selection::quote` does.
fn typed_quote(selection: &Selection) -> Result<shortapi_pricing::Quote, QuoteError> {
    macro_rules! typed {
        ($module:ident, $variant:ident, $form:ident) => {
            if selection.model() == Model::$variant {
                let options = shortapi_pricing::models::$module::Options::from_selection(selection)
                    .expect("a selection of the model converts to its Options");
                assert_eq!(&options.to_selection(), selection);
                return typed!(@quote $form options);
            }
        };
        (@quote exact $options:ident) => {
            $options.quote()
        };
        (@quote measured $options:ident) => {
            $options.estimate().and_then(|e| Err(QuoteError::NeedsUsage(e)))
        };
    }
    shortapi_pricing::for_each_model!(typed);
    unreachable!("every model has a module")
}

/// `json` with its members in the order serde_json's map keeps them (sorted by key): `args`
/// then `callback_url` then `model`, so the args come before the model.
fn args_first(json: &str) -> String {
    let value: Value = serde_json::from_str(json).unwrap();
    serde_json::to_string(&value).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// The quote is what the page says: the documented price, the rate and bounds of a price
    /// per measured quantity, no price (with the reason) where the page gives none, or the
    /// 1080p-at-10s rejection.
    #[test]
    fn quote_is_what_the_page_says(s in selection()) {
        let quote = s.quote();
        let expected = documented(s.model().id()).expected_of(&s, None);
        assert_outcome(expected, &quote, &format!("{s:?}"));
        match &quote {
            Ok(q) => {
                prop_assert_eq!(q.selection(), &s);
                prop_assert_eq!(q.model(), s.model());
            }
            Err(QuoteError::Unsupported(e)) => {
                prop_assert!(forbidden(&s), "{:?} refused by {}", s, e);
            }
            Err(_) => prop_assert!(!forbidden(&s)),
        }
    }

    /// A price per measured quantity is the rate times the units, exactly, at any measured
    /// value the page allows (any number of decimals), and always lies within the bounds; a
    /// value outside the page's range is refused, never priced.
    #[test]
    fn measured_amounts_are_rate_times_units_within_the_bounds(
        s in selection(),
        mantissa in 0u64..2_000_000,
        scale in 0u32..6,
    ) {
        let quantities = s.spec().pricing.quantities;
        let Some(q) = quantities.first() else { return Ok(()) };
        let Err(QuoteError::NeedsUsage(estimate)) = s.quote() else { return Ok(()) };
        let value = Decimal::new(mantissa as i64, scale);
        let usage = Usage::new(s.model()).with(q.name, value).unwrap();
        match s.quote_with(&usage) {
            Ok(quote) => {
                prop_assert!(q.allows(value));
                // The units: the measured value plus the request's own seconds, if the rate
                // multiplies them too (Seedance's output `duration`).
                let own = s.get("duration").map_or(Decimal::ZERO, |d| match d {
                    WireValue::Int(n) | WireValue::IntString(n) => Decimal::from(n),
                    _ => Decimal::ZERO,
                });
                let units = if s.spec().pricing.per.unwrap().terms.len() > 1 { value + own } else { value };
                prop_assert_eq!(quote.amount(), estimate.rate() * units);
                prop_assert_eq!(quote.units(), Some(units));
                prop_assert!(estimate.min().is_none_or(|m| m <= quote.amount()));
                prop_assert!(estimate.max().is_none_or(|m| quote.amount() <= m));
                prop_assert!(estimate.reconcile(quote.amount()).is_within());
                prop_assert_eq!(estimate.with(&usage), Ok(quote));
            }
            Err(QuoteError::Usage(UsageError::OutOfRange { value: v, .. })) => {
                prop_assert!(!q.allows(value));
                prop_assert_eq!(v, value);
            }
            Err(e) => prop_assert!(false, "{:?} with {}: {:?}", s, value, e),
        }
    }

    /// A price per item (or per second of an option) is the rate times the count, exactly.
    #[test]
    fn per_unit_amounts_are_rate_times_count(s in selection()) {
        let Ok(quote) = s.quote() else { return Ok(()) };
        if let (Some(rate), Some(units)) = (quote.rate(), quote.units()) {
            prop_assert_eq!(quote.amount(), rate * units);
        }
    }

    /// Where the page gives no price, no entry point yields an amount: the typed and
    /// model-erased quotes, the JSON quote, a JSONL log (with or without usage) and the price
    /// table.
    #[test]
    fn an_unpriced_request_never_yields_an_amount(s in selection()) {
        let Err(QuoteError::Unpriced(unpriced)) = s.quote() else { return Ok(()) };
        prop_assert_eq!(typed_quote(&s), Err(QuoteError::Unpriced(unpriced)));
        let texts: Vec<(&str, &str)> = s.spec().options.iter()
            .filter(|o| o.is_text())
            .map(|o| (o.name, "https://example.com/a.png"))
            .collect();
        let request = shortapi_pricing::CreateJobRequest::new(shortapi_pricing::Args::from_inputs(s, &texts, &common::strategies::required_lists(s, 2)).unwrap());
        let body = request.to_json(Fields::All);
        let errors = quote_json(&body).unwrap_err();
        prop_assert_eq!(errors.as_slice()[0].code, Code::Unpriced);
        let log = format!("{body}\n{{\"request\":{body},\"usage\":{{}}}}\n");
        let mut reader = Log::new(log.as_bytes(), Mode::Quote);
        for entry in reader.by_ref() {
            prop_assert!(matches!(entry.unwrap().verdict, Verdict::Unpriced(_)));
        }
        prop_assert_eq!(reader.summary().unpriced, 2);
        prop_assert_eq!(reader.summary().total, Some(Decimal::ZERO));
        // A page with no price at all has one unpriced row; another, a row for this mode.
        let whole = s.spec().pricing.is_unpriced();
        let row = s.model().price_table().find(|r| match r {
            Err(QuoteError::Unpriced(u)) => whole || u.selection().get("mode") == s.get("mode"),
            _ => false,
        });
        prop_assert!(row.is_some(), "{:?} has no unpriced table row", s);
    }

    #[test]
    fn the_typed_api_agrees_with_selection(s in selection()) {
        prop_assert_eq!(typed_quote(&s), s.quote());
        prop_assert_eq!(s.price(), s.quote().map(|q| q.amount()));
    }

    /// More of anything never costs less: a bool turned on, a later resolution or duration.
    /// An option the price does not depend on changes nothing.
    #[test]
    fn never_cheaper_with_more(s in selection()) {
        let Ok(base) = s.quote() else { return Ok(()) };
        let spec = s.spec();
        let priced: Vec<&str> = spec.priced_options().map(|o| o.name).collect();
        for (index, option) in spec.options.iter().enumerate() {
            let others: Vec<WireValue<'static>> = match option.kind {
                OptionKind::Enum { values, .. } => values.iter().map(|v| WireValue::Str(v)).collect(),
                OptionKind::Bool { .. } => vec![WireValue::Bool(false), WireValue::Bool(true)],
                OptionKind::Integer { minimum, maximum, string, .. } => vec![WireValue::integer(minimum, string), WireValue::integer(maximum, string)],
                OptionKind::Text { .. } | OptionKind::List { .. } | OptionKind::Number { .. } => continue,
            };
            // Left out (an option with no default, Wan 2.6's height): any value is "more" of
            // nothing, and still changes no price it does not pick.
            let current = s.get_at(index);
            for value in others {
                let mut other = s;
                other.set_at(index, value).unwrap();
                let Ok(q) = other.quote() else { continue };
                if !priced.contains(&option.name) {
                    prop_assert_eq!(q.amount(), base.amount(), "{} changed the price", option.name);
                }
                let Some(current) = current else { continue };
                let more = match (value, current) {
                    (WireValue::Bool(v), WireValue::Bool(c)) => v && !c,
                    (WireValue::Str(v), WireValue::Str(c)) if ["resolution", "duration"].contains(&option.name) => {
                        let OptionKind::Enum { values, .. } = option.kind else { unreachable!() };
                        let at = |x: &str| values.iter().position(|w| *w == x);
                        at(v) > at(c)
                    }
                    (WireValue::Int(v), WireValue::Int(c))
                    | (WireValue::IntString(v), WireValue::IntString(c)) => v > c,
                    _ => false,
                };
                if more {
                    prop_assert!(q.amount() >= base.amount(), "{:?} costs less than {:?}", other, s);
                }
            }
        }
    }

    #[test]
    fn sums_of_many_quotes_of_every_model_are_exact(all in prop::collection::vec(selection(), 1..2000)) {
        let mut total = Decimal::ZERO;
        let mut total_milli: u64 = 0;
        for s in &all {
            if let (Ok(q), Some(price)) = (s.quote(), documented_price(s)) {
                total += q.amount();
                total_milli += milli(price);
            }
        }
        prop_assert_eq!(total, Decimal::new(i64::try_from(total_milli).unwrap(), 3));
    }

    /// A request of any model written out and checked again is the same request, as a body
    /// (the model first or after the args), as bare args of its model, and `quote_json` prices
    /// it as the typed API does.
    #[test]
    fn serialize_then_check_round_trips(r in request(), minimal in any::<bool>()) {
        let model = r.model();
        let fields = if minimal { Fields::Minimal } else { Fields::All };
        let json = r.to_json(fields);
        let bare = serde_json::to_string(&r.args).unwrap();
        match r.quote() {
            Ok(quote) => {
                prop_assert_eq!(check(&json), Ok(r.clone()));
                prop_assert_eq!(check(args_first(&json)), Ok(r.clone()));
                prop_assert_eq!(check(r.to_json_pretty(fields)), Ok(r.clone()));
                prop_assert_eq!(quote_json(&json), Ok(quote));
                prop_assert_eq!(quote_json(args_first(&json)), Ok(quote));
                prop_assert_eq!(quote.amount(), typed_quote(r.args.selection()).unwrap().amount());
                prop_assert_eq!(check_args(model, &bare), Ok(r.args.clone()));
                prop_assert_eq!(quote_args_json(model, &bare), Ok(quote));
                prop_assert_eq!(check_as(&bare, Expect::Either(Some(model))).map(|c| c.args), Ok(r.args.clone()));
                prop_assert_eq!(check_as(&json, Expect::Either(None)), Ok(r.clone()));
            }
            // Valid, with no exact price: checked as valid, quoted with the one violation.
            Err(e @ (QuoteError::Unpriced(_) | QuoteError::NeedsUsage(_))) => {
                prop_assert_eq!(check(&json), Ok(r.clone()));
                prop_assert_eq!(check_args(model, &bare), Ok(r.args.clone()));
                let errors = quote_json(&json).unwrap_err();
                prop_assert_eq!(errors.as_slice(), [shortapi_pricing::Violation::from(e)]);
            }
            Err(unsupported) => {
                let rule = if model.id().starts_with("pixverse/") { RULE_ID } else { "no_540p_in_pro_fast" };
                prop_assert_eq!(unsupported.rule().map(|r| r.id), Some(rule));
                for input in [&json, &args_first(&json)] {
                    let errors = check(input).unwrap_err();
                    prop_assert!(errors.as_slice().iter().all(|v| v.code == Code::UnsupportedCombination), "{}", errors);
                    prop_assert_eq!(quote_json(input).unwrap_err(), errors);
                }
                prop_assert!(check_args(model, &bare).unwrap_err().has(Code::UnsupportedCombination));
            }
        }
        // Bare args with no model named are refused with one violation that says so.
        let unnamed = check_as(&bare, Expect::Either(None)).unwrap_err();
        prop_assert_eq!(unnamed.as_slice().len(), 1);
        prop_assert_eq!(unnamed.as_slice()[0].code, Code::UnknownModel);
    }

    /// Args of one model read as another's: judged against the other model's tables only.
    #[test]
    fn args_are_judged_as_the_model_named(r in request(), other in common::strategies::model()) {
        let bare = serde_json::to_string(&r.args).unwrap();
        match check_args(other, &bare) {
            Ok(args) => {
                prop_assert_eq!(args.model(), other);
                // Same inputs: the same option values by name (an option the input does not
                // give, which a page cut inside its option list lets pass, is at its default).
                let given: Value = serde_json::from_str(&bare).unwrap();
                for (name, value) in args.selection().values() {
                    if given.get(name).is_some() {
                        // As JSON: `"5"` is one model's enum value and another's string-typed
                        // integer.
                        prop_assert_eq!(
                            serde_json::to_value(r.args.selection().get(name)).unwrap(),
                            serde_json::to_value(Some(value)).unwrap()
                        );
                    }
                }
            }
            Err(errors) => {
                let own = r.model();
                prop_assert!(other != own || r.quote().is_err(), "{}", errors);
                // Each violation is about an input the other model does not take the same way.
                for v in errors.as_slice() {
                    prop_assert!(matches!(v.code, Code::UnknownField | Code::MissingField | Code::ConditionallyRequired | Code::UnsupportedCombination | Code::InvalidValue | Code::WrongType | Code::OutOfRange), "{}", v);
                }
            }
        }
        // In a body, the body's model decides, whatever the caller would read bare args as.
        let body = r.to_json(Fields::Minimal);
        prop_assert_eq!(check_as(&body, Expect::Either(Some(other))), check(&body));
    }

    /// Every combination of every model priced through `quote_json`, in the body form the
    /// page shows, matches the documented price.
    #[test]
    fn quote_json_gives_the_documented_price(s in common::strategies::model().prop_flat_map(selection_of)) {
        let texts: Vec<(&str, &str)> = s.spec().options.iter()
            .filter(|o| o.is_text())
            .map(|o| (o.name, "https://example.com/a.png"))
            .collect();
        let args = shortapi_pricing::Args::from_inputs(s, &texts, &common::strategies::required_lists(s, 2)).unwrap();
        let body = shortapi_pricing::CreateJobRequest::new(args).to_json(Fields::All);
        match (quote_json(&body), documented(s.model().id()).expected_of(&s, None)) {
            (Ok(q), Expected::Amount(a)) => prop_assert_eq!(q.amount().to_string(), a),
            (Err(errors), Expected::Forbidden(rule)) => {
                prop_assert!(forbidden(&s));
                prop_assert_eq!(errors.as_slice()[0].code, Code::UnsupportedCombination);
                let at = format!("/args/{}", common::documented::forbidden_at(rule).0);
                prop_assert_eq!(errors.as_slice()[0].path.as_str(), at.as_str());
            }
            (Err(errors), Expected::Unpriced(_)) => {
                prop_assert_eq!(errors.as_slice()[0].code, Code::Unpriced);
            }
            (Err(errors), Expected::Estimate { .. }) => {
                prop_assert_eq!(errors.as_slice()[0].code, Code::NeedsUsage);
            }
            (got, want) => prop_assert!(false, "{:?}: {:?} vs {:?}", s, got, want),
        }
    }

    #[test]
    fn random_json_never_panics_and_every_rejection_points_into_it(value in any_json()) {
        check_entry_points(value.to_string().as_bytes());
    }

    #[test]
    fn mutated_bodies_never_panic_and_every_rejection_points_into_them(body in mutated_body()) {
        check_entry_points(body.to_string().as_bytes());
    }

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
        check_entry_points(&bytes);
    }

    #[test]
    fn truncated_bodies_never_panic(body in valid_body(), cut in 0..400usize) {
        let text = body.to_string();
        let cut = cut.min(text.len());
        check_entry_points(&text.as_bytes()[..cut]);
    }
}

#[test]
fn every_model_is_transcribed() {
    for model in Model::ALL {
        let page = documented(model.id());
        let priced = model.price_table().count();
        assert!(priced > 0, "{model}");
        // Every required input of the page is required by the spec, and no other.
        let required: Vec<&str> = model
            .spec()
            .options
            .iter()
            .filter(|o| o.is_required())
            .map(|o| o.name)
            .collect();
        assert_eq!(required, page.required(), "{model}");
    }
}
