//! A typed quote allocates nothing: counted by a global allocator over every combination.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use pixverse_pricing::Options;

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every method forwards to the system allocator unchanged; it only counts calls.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::SeqCst);
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

#[test]
fn quoting_every_combination_allocates_nothing() {
    let all: Vec<Options> = Options::all().collect();
    let before = ALLOCATIONS.load(Ordering::SeqCst);
    let mut priced = 0u32;
    for o in &all {
        match std::hint::black_box(o).quote() {
            Ok(q) => {
                std::hint::black_box(q.amount());
                priced += 1;
            }
            Err(e) => {
                std::hint::black_box(e.rule());
            }
        }
    }
    let after = ALLOCATIONS.load(Ordering::SeqCst);
    assert_eq!(priced, 160);
    assert_eq!(after - before, 0, "quoting allocated");
    // The counter works: an allocation is seen.
    let v = std::hint::black_box(vec![1u8; 16]);
    assert!(ALLOCATIONS.load(Ordering::SeqCst) > after);
    drop(v);
}
