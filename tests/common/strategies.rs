//! proptest strategies shared by the property tests, for every model: each is built from
//! `Model::ALL` and the models' spec tables, so a model added in `spec/models/` is generated
//! with no edit here.

use proptest::prelude::*;
use serde_json::{json, Value};
use shortapi_pricing::spec::{ListItem, Narrow, OptionKind, WireValue};
use shortapi_pricing::{Args, Code, CreateJobRequest, Model, Selection};

/// Any model.
pub fn model() -> impl Strategy<Value = Model> {
    prop::sample::select(Model::ALL.to_vec())
}

/// Any option values of `model` (every combination, rules broken or not); where the two
/// options of a relation (Wan 2.6 text-to-image's width × height) break it, the later is left
/// out, so that the values are valid args beside free text and lists.
pub fn selection_of(model: Model) -> BoxedStrategy<Selection> {
    let options = model.spec().options;
    let values: Vec<BoxedStrategy<Option<WireValue<'static>>>> = options
        .iter()
        .map(|o| match o.kind {
            OptionKind::Text { .. } | OptionKind::List { .. } | OptionKind::Number { .. } => {
                Just(None).boxed()
            }
            OptionKind::Enum { values, .. } => prop::sample::select(values.to_vec())
                .prop_map(|v| Some(WireValue::Str(v)))
                .boxed(),
            OptionKind::Bool { .. } => any::<bool>().prop_map(|b| Some(WireValue::Bool(b))).boxed(),
            OptionKind::Integer { values, string, .. } if !values.is_empty() => {
                prop::sample::select(values.to_vec())
                    .prop_map(move |n| Some(WireValue::integer(n, string)))
                    .boxed()
            }
            OptionKind::Integer {
                minimum,
                maximum,
                string,
                ..
            } => (minimum..=maximum)
                .prop_map(move |n| Some(WireValue::integer(n, string)))
                .boxed(),
        })
        .collect();
    values
        .prop_map(move |mut values| {
            for relation in model.spec().relations {
                let [a, b] = relation.options;
                let whole = |v: &Option<WireValue<'_>>| match v {
                    Some(WireValue::Int(n) | WireValue::IntString(n)) => Some(*n),
                    _ => None,
                };
                if let (Some(x), Some(y)) = (whole(&values[a]), whole(&values[b])) {
                    if !relation.holds(x, y) {
                        values[a.max(b)] = None;
                    }
                }
            }
            let mut selection = Selection::defaults(model);
            for (index, value) in values.into_iter().enumerate() {
                if let Some(value) = value {
                    selection
                        .set_at(index, value)
                        .expect("a value from the spec is allowed");
                }
            }
            selection
        })
        .boxed()
}

/// Any option values of any model.
pub fn selection() -> impl Strategy<Value = Selection> {
    model().prop_flat_map(selection_of)
}

/// Option values of any model that break no rule.
pub fn allowed_selection() -> impl Strategy<Value = Selection> {
    selection().prop_filter("allowed", |s| s.quote().is_ok())
}

/// Free text that is not blank, with characters JSON escapes.
pub fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[a-z]{1,8}( [a-z]{1,8}){0,4}",
        1 => "\\PC{0,30}\\S\\PC{0,10}",
        1 => "https://[a-z]{1,8}\\.example/[a-z0-9/]{0,10}\\.png",
    ]
}

/// The free-text inputs of `model`: every required one, each optional one perhaps.
pub fn texts_of(model: Model) -> BoxedStrategy<Vec<(&'static str, String)>> {
    let spec = model.spec();
    let texts: Vec<BoxedStrategy<Option<(&'static str, String)>>> = spec
        .options
        .iter()
        .enumerate()
        .filter(|(_, o)| o.is_text())
        .map(|(i, o)| {
            let name = o.name;
            let value = text().prop_map(move |t| (name, t));
            // A field some condition requires is always given, so the args are valid
            // whatever the other options are.
            let needed = spec.requirements.iter().any(|r| r.present && r.field == i);
            if o.is_required() || needed {
                value.prop_map(Some).boxed()
            } else {
                prop::option::of(value).boxed()
            }
        })
        .collect();
    texts
        .prop_map(|t| t.into_iter().flatten().collect())
        .boxed()
}

/// The image URLs a test gives a list input: one to three.
const URLS: [&str; 3] = [
    "https://example.com/a.png",
    "https://example.com/b.png",
    "https://example.com/c.png",
];

/// Every required list input of `selection`'s model with `n` (1 to 3) of [`URLS`], and no
/// more than a limit on it allows, whatever its conditions; and every list of objects a
/// condition may require (Kling 3.0's shots), as one item whose summed field is the option
/// its sum must equal (the task's duration), which is valid whatever the other options.
pub fn required_lists(
    selection: Selection,
    n: usize,
) -> Vec<(&'static str, &'static [&'static str])> {
    let model = selection.model();
    let spec = model.spec();
    spec.options
        .iter()
        .enumerate()
        .filter(|(i, o)| {
            o.is_list()
                && (o.is_required() || spec.requirements.iter().any(|r| r.present && r.field == *i))
        })
        .map(|(i, o)| match o.kind.list_item() {
            Some(ListItem::Object { fields, .. }) => {
                let members: Vec<String> = fields
                    .iter()
                    .enumerate()
                    .filter(|(_, f)| f.required)
                    .map(|(k, f)| {
                        let sum = spec.sums.iter().find(|x| x.list == i && x.field == k);
                        let value = match (sum, f.kind) {
                            (Some(x), _) => selection.slot(x.equals).to_string(),
                            (None, OptionKind::Integer { minimum, .. }) => minimum.to_string(),
                            (None, OptionKind::Bool { .. }) => "false".to_owned(),
                            (None, OptionKind::List { .. }) => format!("[\"{}\"]", URLS[0]),
                            _ => format!("\"{}\"", URLS[0]),
                        };
                        format!("\"{}\":{value}", f.name)
                    })
                    .collect();
                let item: &'static str =
                    Box::leak(format!("{{{}}}", members.join(",")).into_boxed_str());
                let items: &'static [&'static str] = Box::leak(vec![item].into_boxed_slice());
                (o.name, items)
            }
            _ => {
                let most = spec
                    .limits
                    .iter()
                    .filter(|l| l.field == i)
                    .filter_map(|l| match l.narrow {
                        Narrow::Items { max_items, .. } => max_items,
                        Narrow::Values { .. } => None,
                    })
                    .fold(3, |most, m| most.min(m as usize));
                (o.name, &URLS[..n.clamp(1, most.max(1))])
            }
        })
        .collect()
}

/// Valid args (every required input, non-blank) for `selection`: those a limit refuses (Kling
/// O1's duration with one image) are not generated.
pub fn args_for(selection: Selection) -> BoxedStrategy<Args> {
    (texts_of(selection.model()), 1..=3usize)
        .prop_filter_map("the limits hold", move |(texts, n)| {
            let pairs: Vec<(&str, &str)> = texts.iter().map(|(n, t)| (*n, t.as_str())).collect();
            let lists = required_lists(selection, n);
            match Args::from_inputs(selection, &pairs, &lists) {
                Ok(args) => Some(args),
                Err(e) if e.as_slice().iter().all(|v| v.code == Code::InvalidValue) => None,
                Err(e) => panic!("every required input is given: {e:?}"),
            }
        })
        .boxed()
}

/// Valid args of any model, perhaps breaking a rule.
pub fn args() -> impl Strategy<Value = Args> {
    selection().prop_flat_map(args_for)
}

/// A create-job request of any model, perhaps with a callback URL, perhaps breaking a rule.
pub fn request() -> impl Strategy<Value = CreateJobRequest> {
    (
        args(),
        proptest::option::of("https://[a-z]{1,10}\\.example/[a-z0-9/]{0,10}"),
    )
        .prop_map(|(args, url)| {
            let request = CreateJobRequest::new(args);
            match url {
                Some(url) => request.with_callback_url(url),
                None => request,
            }
        })
}

/// Strings the checker reads specially: every wire value of every model, every model id, and
/// near misses.
fn wire_strings() -> Vec<String> {
    let mut strings: Vec<String> = Model::ALL
        .iter()
        .flat_map(|m| m.spec().options.iter())
        .flat_map(|o| match o.kind {
            OptionKind::Enum { values, .. } => values.to_vec(),
            _ => Vec::new(),
        })
        .chain(Model::IDS)
        .chain(["true", "false", "", " ", "1080P", "kling", "https://e.x/h"])
        .map(str::to_owned)
        .collect();
    strings.sort();
    strings.dedup();
    strings
}

/// Numbers the checker reads specially: every integer option's edges and one past them.
fn wire_numbers() -> Vec<i64> {
    let mut numbers: Vec<i64> = Model::ALL
        .iter()
        .flat_map(|m| m.spec().options.iter())
        .flat_map(|o| match o.kind {
            OptionKind::Integer {
                minimum, maximum, ..
            } => vec![
                minimum.saturating_sub(1),
                minimum,
                maximum,
                maximum.saturating_add(1),
            ],
            _ => Vec::new(),
        })
        .chain([0, 5, 8, 10, -1])
        .collect();
    numbers.sort();
    numbers.dedup();
    numbers
}

/// Any JSON value, nested a few levels.
pub fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        prop::sample::select(wire_numbers()).prop_map(|n| json!(n)),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| json!(f)),
        "\\PC{0,12}".prop_map(Value::String),
        prop::sample::select(wire_strings()).prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(field_name(), inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Field names: every option of every model, the body's, and others.
pub fn field_name() -> impl Strategy<Value = String> {
    let mut known: Vec<String> = Model::ALL
        .iter()
        .flat_map(|m| m.spec().options.iter().map(|o| o.name.to_owned()))
        .chain(
            ["model", "args", "callback_url", "Resolution", "a/b~c"]
                .into_iter()
                .map(str::to_owned),
        )
        .collect();
    known.sort();
    known.dedup();
    prop_oneof![
        3 => prop::sample::select(known),
        1 => "[a-z_]{1,8}",
    ]
}

/// A valid create-job body of any model as JSON: every option written out, or (with a
/// callback URL) the defaults left out.
pub fn valid_body() -> impl Strategy<Value = Value> {
    (allowed_selection().prop_flat_map(args_for), any::<bool>()).prop_map(
        |(args, with_callback)| {
            let mut request = CreateJobRequest::new(args);
            let fields = if with_callback {
                request = request.with_callback_url("https://example.com/hook");
                shortapi_pricing::Fields::Minimal
            } else {
                shortapi_pricing::Fields::All
            };
            serde_json::from_str(&request.to_json(fields)).expect("a body is JSON")
        },
    )
}

/// A valid body with one mutation: a field of `args` or of the body set to any JSON, removed or
/// added, the args lifted to the top, the model swapped for another (or an unknown one), or the
/// callback URL or prompt replaced.
pub fn mutated_body() -> impl Strategy<Value = Value> {
    let ids: Vec<&str> = Model::IDS.iter().copied().chain(["kling"]).collect();
    (
        valid_body(),
        field_name(),
        any_json(),
        prop::sample::select(ids),
        0..8u8,
    )
        .prop_map(|(mut body, key, replacement, id, mutation)| {
            match mutation {
                0 => body["args"][key.as_str()] = replacement,
                1 => {
                    body.as_object_mut().unwrap().insert(key, replacement);
                }
                2 => {
                    body["args"].as_object_mut().unwrap().remove(&key);
                }
                3 => {
                    body = body["args"].clone();
                    body[key.as_str()] = replacement;
                }
                4 => {
                    body.as_object_mut().unwrap().remove(&key);
                }
                5 => body["callback_url"] = replacement,
                6 => body["model"] = json!(id),
                _ => body["args"]["prompt"] = replacement,
            }
            body
        })
}
