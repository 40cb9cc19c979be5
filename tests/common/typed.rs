//! Walking a model's typed `Options` over its whole option space. Included by path
//! (`#[path = "common/typed.rs"] mod typed;`), so it depends on nothing else in tests/common.

use shortapi_pricing::spec::{ModelOptions, OptionKind, WireValue};

/// `o`, and `o` with each integer option at each of its values: the typed `Options::all()`
/// keeps integer options at their defaults.
pub fn with_every_integer<O: ModelOptions>(o: &O) -> Vec<O> {
    let mut selections = vec![o.to_selection()];
    for option in selections[0].spec().options {
        if let OptionKind::Integer {
            minimum, maximum, ..
        } = option.kind
        {
            assert!(
                maximum - minimum <= 100,
                "{}: too many values to walk",
                option.name
            );
            selections = selections
                .into_iter()
                .flat_map(|s| {
                    (minimum..=maximum).map(move |v| {
                        let mut s = s;
                        s.set(option.name, WireValue::Int(v)).unwrap();
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
