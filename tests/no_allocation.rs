//! A typed quote allocates nothing, for every model: counted by a global allocator over every
//! combination of each model's options (the models come from `for_each_model!`, so a new spec
//! file is covered with no edit here). `Selection::quote` and `quote_json` on a plain body are
//! held to the same.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use shortapi_pricing::spec::{OptionKind, WireValue};
use shortapi_pricing::{
    Args, CreateJobRequest, Decimal, Fields, Model, Quote, QuoteError, Selection, Usage,
};
use typed::with_every_integer;

#[path = "common/typed.rs"]
mod typed;

struct Counting;

thread_local! {
    /// This thread's allocations: the tests run on threads of their own, side by side.
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: every method forwards to the system allocator unchanged; it only counts calls.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // A const-initialized `Cell` needs no allocation and no destructor.
        let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// The allocations `f` makes on this thread.
fn allocations(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    f();
    ALLOCATIONS.with(Cell::get) - before
}

#[test]
fn quoting_every_combination_of_every_model_allocates_nothing() {
    // The counter works: an allocation is seen.
    assert!(allocations(|| drop(std::hint::black_box(vec![1u8; 16]))) > 0);

    let mut models = 0;
    macro_rules! quote_all {
        ($module:ident, $variant:ident, $form:ident) => {{
            use shortapi_pricing::models::$module::Options;
            let all: Vec<Options> = Options::all()
                .flat_map(|o| with_every_integer(&o))
                .collect();
            assert!(all.len() >= Options::COMBINATIONS);
            let (mut priced, mut refused, mut other) = (0usize, 0usize, 0usize);
            quote_all!(@quote $form, $module, all, priced, refused, other);
            // Every combination is priced or refused by PixVerse's one rule (1080p at 10 s:
            // one third of the 1080p ones), or has a price the page does not give; a model
            // without rules refuses none.
            assert_eq!(priced + refused + other, all.len() * usages(Model::$variant).len());
            let rules = Model::$variant.spec().rules.len();
            assert!(refused * 9 == all.len() * rules, "{}", Model::$variant);
            assert!(priced + other > 0, "{}", Model::$variant);
            models += 1;
        }};
        (@quote exact, $module:ident, $all:ident, $priced:ident, $refused:ident, $other:ident) => {
            let allocated = allocations(|| {
                for o in &$all {
                    tally(std::hint::black_box(o).quote(), &mut $priced, &mut $refused, &mut $other);
                }
            });
            assert_eq!(allocated, 0, "quoting {} allocated", stringify!($module));
        };
        (@quote measured, $module:ident, $all:ident, $priced:ident, $refused:ident, $other:ident) => {
            use shortapi_pricing::models::$module::Measured;
            let model = shortapi_pricing::models::$module::MODEL;
            let measured: Vec<Measured> = usages(model)
                .iter()
                .map(|u| Measured::from_usage(u).unwrap())
                .collect();
            let allocated = allocations(|| {
                for o in &$all {
                    for m in &measured {
                        let quote = std::hint::black_box(o).quote(*m);
                        tally(quote, &mut $priced, &mut $refused, &mut $other);
                    }
                    std::hint::black_box(o.estimate().map(|e| e.max())).ok();
                }
            });
            assert_eq!(allocated, 0, "quoting {model} allocated");
        };
    }
    shortapi_pricing::for_each_model!(quote_all);
    assert_eq!(models, Model::ALL.len());
}

/// Counts a quote's outcome (using it, so it is not optimised away).
fn tally(
    quote: Result<Quote, QuoteError>,
    priced: &mut usize,
    refused: &mut usize,
    other: &mut usize,
) {
    match quote {
        Ok(q) => {
            std::hint::black_box(q.amount());
            *priced += 1;
        }
        Err(QuoteError::Unsupported(e)) => {
            std::hint::black_box(e.rule());
            *refused += 1;
        }
        Err(e) => {
            std::hint::black_box(e.code());
            *other += 1;
        }
    }
}

/// The measured quantities to quote a model with: each quantity at its least, at its most
/// (or, with no most, at ten more) and at a fraction between; one empty usage for a model that
/// measures none.
fn usages(model: Model) -> Vec<Usage> {
    let quantities = model.spec().pricing.quantities;
    let Some(q) = quantities.first() else {
        return vec![Usage::new(model)];
    };
    assert_eq!(quantities.len(), 1, "{model}: walk every quantity");
    let most = q.maximum.unwrap_or(q.minimum + Decimal::TEN);
    let between = q.minimum + Decimal::new(125, 2);
    [q.minimum, most, between]
        .into_iter()
        .map(|v| Usage::new(model).with(q.name, v).unwrap())
        .collect()
}

#[test]
fn quoting_a_selection_of_every_model_allocates_nothing() {
    for model in Model::ALL {
        let all: Vec<Selection> = model
            .price_table()
            .filter_map(|row| match row {
                Ok(q) => Some(*q.selection()),
                Err(QuoteError::NeedsUsage(e)) => Some(*e.selection()),
                Err(_) => None,
            })
            .collect();
        let usages = usages(model);
        let allocated = allocations(|| {
            for s in &all {
                for usage in &usages {
                    let q = std::hint::black_box(s).quote_with(usage).unwrap();
                    std::hint::black_box(q.amount());
                }
            }
        });
        assert_eq!(allocated, 0, "{model}");
    }
}

#[test]
fn quote_json_on_a_plain_body_of_every_model_allocates_nothing() {
    for model in Model::ALL {
        let texts: Vec<(&str, &str)> = model
            .spec()
            .options
            .iter()
            .filter(|o| o.is_text())
            .map(|o| (o.name, "https://example.com/a.png"))
            .collect();
        let bodies: Vec<String> = model
            .price_table()
            .filter_map(Result::ok)
            .map(|q| {
                // A price row leaves out what the price does not depend on, such as a
                // required aspect ratio with no default: a request gives its first value.
                let mut s = *q.selection();
                for (i, o) in model.spec().options.iter().enumerate() {
                    if let (true, OptionKind::Enum { values, .. }) = (o.is_required(), o.kind) {
                        s.set_at(i, WireValue::Str(values[0])).unwrap();
                    }
                }
                let lists: Vec<(&str, &[&str])> = model
                    .spec()
                    .options
                    .iter()
                    .filter(|o| o.is_list() && o.is_required())
                    // Two items: with one, Kling O1's frame mode narrows its duration.
                    .map(|o| {
                        (
                            o.name,
                            &["https://example.com/a.png", "https://example.com/b.png"][..],
                        )
                    })
                    .collect();
                CreateJobRequest::new(Args::from_inputs(s, &texts, &lists).unwrap())
                    .to_json(Fields::All)
            })
            .collect();
        let allocated = allocations(|| {
            for body in &bodies {
                let q = shortapi_pricing::quote_json(std::hint::black_box(body)).unwrap();
                std::hint::black_box(q.amount());
            }
        });
        assert_eq!(allocated, 0, "{model}: quote_json allocated");
    }
    // A list of objects is read by the fast path too: Kling O1's elements, each with a list.
    let elements = r#"{"model":"kwaivgi/kling-o1/image-to-video","args":{"mode":"std","action":"refer","prompt":"a cat","duration":"7","images":["https://example.com/a.png"],"elements":[{"frontal_image_url":"https://example.com/f.png","reference_image_urls":["https://example.com/r.png","https://example.com/s.png"]},{"frontal_image_url":"https://example.com/g.png"}]}}"#;
    let mut amount = None;
    let allocated = allocations(|| {
        amount =
            Some(shortapi_pricing::quote_json(std::hint::black_box(elements)).map(|q| q.amount()));
    });
    assert_eq!(allocated, 0, "a body with elements: quote_json allocated");
    // Standard: 0.075 per second × 7.
    assert_eq!(amount.unwrap().unwrap().to_string(), "0.525");
    // The control: an escape sends the body to the full checker, which allocates.
    let escaped = r#"{"model":"pixverse/pixverse-5.5/text-to-video","args":{"prompt":"a\nb"}}"#;
    let allocated = allocations(|| {
        shortapi_pricing::quote_json(std::hint::black_box(escaped)).unwrap();
    });
    assert!(allocated > 0);
}
