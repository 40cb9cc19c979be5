//! A typed quote allocates nothing, for every model: counted by a global allocator over every
//! combination of each model's options (the models come from `for_each_model!`, so a new spec
//! file is covered with no edit here). `Selection::quote` and `quote_json` on a plain body are
//! held to the same.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use shortapi_pricing::{Args, CreateJobRequest, Fields, Model, Selection};
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
        ($module:ident, $variant:ident) => {{
            use shortapi_pricing::models::$module::Options;
            let all: Vec<Options> = Options::all()
                .flat_map(|o| with_every_integer(&o))
                .collect();
            assert!(all.len() >= Options::COMBINATIONS);
            let mut priced = 0usize;
            let mut refused = 0usize;
            let allocated = allocations(|| {
                for o in &all {
                    match std::hint::black_box(o).quote() {
                        Ok(q) => {
                            std::hint::black_box(q.amount());
                            std::hint::black_box(q.model());
                            priced += 1;
                        }
                        Err(e) => {
                            std::hint::black_box(e.rule());
                            refused += 1;
                        }
                    }
                }
            });
            assert_eq!(allocated, 0, "quoting {} allocated", Model::$variant);
            // Every combination is priced or refused by PixVerse's one rule (1080p at 10 s:
            // one third of the 1080p ones); a model without rules refuses none.
            assert_eq!(priced + refused, all.len());
            let rules = Model::$variant.spec().rules.len();
            assert!(
                priced > 0 && refused * 9 == all.len() * rules,
                "{}",
                Model::$variant
            );
            models += 1;
        }};
    }
    shortapi_pricing::for_each_model!(quote_all);
    assert_eq!(models, Model::ALL.len());
}

#[test]
fn quoting_a_selection_of_every_model_allocates_nothing() {
    for model in Model::ALL {
        let all: Vec<Selection> = model.price_table().map(|q| *q.selection()).collect();
        let allocated = allocations(|| {
            for s in &all {
                let q = std::hint::black_box(s).quote().unwrap();
                std::hint::black_box(q.amount());
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
            .map(|q| {
                CreateJobRequest::new(Args::from_selection(*q.selection(), &texts).unwrap())
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
    // The control: an escape sends the body to the full checker, which allocates.
    let escaped = r#"{"model":"pixverse/pixverse-5.5/text-to-video","args":{"prompt":"a\nb"}}"#;
    let allocated = allocations(|| {
        shortapi_pricing::quote_json(std::hint::black_box(escaped)).unwrap();
    });
    assert!(allocated > 0);
}
