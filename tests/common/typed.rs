//! Walking a model's typed `Options` over its whole option space. Included by path
//! (`#[path = "common/typed.rs"] mod typed;`), so it depends on nothing else in tests/common.

use shortapi_pricing::spec::{ModelOptions, OptionKind, WireValue};

/// `o`, and `o` with each priced integer option (a count the rate multiplies) at each of its
/// values: the typed `Options::all()` keeps integer options at their defaults. An integer the
/// price does not depend on (Midjourney's stylization, 0 to 1000) keeps it here too.
pub fn with_every_integer<O: ModelOptions>(o: &O) -> Vec<O> {
    let mut selections = vec![o.to_selection()];
    let spec = selections[0].spec();
    for option in spec.options {
        if let OptionKind::Integer {
            minimum,
            maximum,
            values,
            ..
        } = option.kind
        {
            if !spec.is_per_option(option.name) {
                continue;
            }
            assert!(
                maximum - minimum <= 100,
                "{}: too many values to walk",
                option.name
            );
            let every: Vec<i64> = if values.is_empty() {
                (minimum..=maximum).collect()
            } else {
                values.to_vec()
            };
            selections = selections
                .into_iter()
                .flat_map(|s| {
                    every.clone().into_iter().map(move |v| {
                        let mut s = s;
                        s.set(option.name, WireValue::Int(v))
                            .or_else(|_| s.set(option.name, WireValue::IntString(v)))
                            .unwrap();
                        s
                    })
                })
                .collect();
        }
    }
    selections
        .iter()
        .map(|s| O::from_selection(s).unwrap())
        .collect()
}
