//! The worker runner: every loop that spreads work over threads, for the
//! cases of a batch (`batch`), the cases of a site (`publish`) and the
//! documents of one case (`pipeline`).
//!
//! Each worker is one long-lived loop taking the next item from an atomic
//! counter (not `par_iter`: typst uses rayon inside, and a waiting rayon
//! worker would run other documents on its own stack); results come back
//! in input order. [`isolate`] turns a panic into its message, so that one
//! case's failure is never the batch's; a case's document threads forward
//! their panics to the case.

use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, Once};

/// Runs `work` over `items` on a pool of `workers` threads of its own (at
/// least one, at most one per item); results in input order.
///
/// The workers are the threads of a rayon pool of their own: typst's
/// parallel work inside a document then runs on (or is stolen by) the
/// worker threads instead of blocking them. There is no other job in the
/// pool, so a worker that waits never picks up a second item.
pub fn on_workers<T: Sync, R: Send>(
    items: &[T],
    workers: usize,
    work: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let threads = workers.clamp(1, items.len().max(1));
    let queue = Queue::new(items);
    let drain = || queue.drain(&work);
    match rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .stack_size(32 << 20)
        .build()
    {
        Ok(pool) => {
            pool.broadcast(|_| drain());
        }
        Err(_) => std::thread::scope(|scope| {
            for _ in 0..threads {
                scope.spawn(drain);
            }
        }),
    }
    queue.results()
}

/// Runs `work` over `items` on up to `threads` threads, each taking the next
/// item from a shared counter; results come back in input order.
pub fn in_parallel<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    work: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    if threads <= 1 || items.len() <= 1 {
        return items.iter().map(work).collect();
    }
    let queue = Queue::new(items);
    // In an isolated case, a panic on one of its threads is forwarded to the
    // case (with its message and place) rather than printed.
    let isolated = is_isolated();
    let panicked = std::sync::Mutex::new(None);
    std::thread::scope(|scope| {
        for _ in 0..threads.min(items.len()) {
            scope.spawn(|| {
                if !isolated {
                    return queue.drain(&work);
                }
                if let Err(message) = isolate(|| queue.drain(&work)) {
                    *panicked.lock().unwrap_or_else(|e| e.into_inner()) = Some(message);
                }
            });
        }
    });
    if let Some(message) = panicked.into_inner().unwrap_or_else(|e| e.into_inner()) {
        std::panic::resume_unwind(Box::new(message));
    }
    queue.results()
}

thread_local! {
    /// Whether this thread runs [`isolate`]d work.
    static ISOLATED: Cell<bool> = const { Cell::new(false) };
    /// What the last panic on this thread said, and where.
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Runs `work`, turning a panic into its message (with the place in the
/// source) instead of letting it unwind further. The panic is not printed:
/// the caller reports it.
pub fn isolate<R>(work: impl FnOnce() -> R) -> Result<R, String> {
    install_panic_hook();
    LAST_PANIC.with_borrow_mut(|p| *p = None);
    let was = ISOLATED.replace(true);
    let result = panic::catch_unwind(AssertUnwindSafe(work));
    ISOLATED.set(was);
    result.map_err(|payload| {
        LAST_PANIC
            .with_borrow_mut(Option::take)
            .unwrap_or_else(|| panic_message(payload.as_ref()))
    })
}

/// Whether the current thread runs [`isolate`]d work (threads a case
/// starts forward their panics to it).
pub fn is_isolated() -> bool {
    ISOLATED.try_with(Cell::get).unwrap_or(false)
}

/// A hook that records the panics of isolated threads instead of printing
/// them, and leaves every other panic to the hook that was there before.
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !is_isolated() {
                return previous(info);
            }
            let place = info
                .location()
                .map(|l| format!(" (at {}:{})", l.file(), l.line()))
                .unwrap_or_default();
            let message = format!("{}{place}", panic_message(info.payload()));
            let _ = LAST_PANIC.try_with(|p| *p.borrow_mut() = Some(message));
        }));
    });
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "a panic without a message".into()
    }
}

/// Items handed out one at a time, from a shared counter, to every thread
/// that calls [`Queue::drain`]; the results are kept in input order.
struct Queue<'a, T, R> {
    items: &'a [T],
    next: AtomicUsize,
    slots: Mutex<Vec<Option<R>>>,
}

impl<'a, T, R> Queue<'a, T, R> {
    fn new(items: &'a [T]) -> Self {
        Self {
            items,
            next: AtomicUsize::new(0),
            slots: Mutex::new((0..items.len()).map(|_| None).collect()),
        }
    }

    /// Runs `work` on the next item until none is left.
    fn drain(&self, work: impl Fn(&T) -> R) {
        loop {
            let i = self.next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = self.items.get(i) else { break };
            let result = work(item);
            self.slots
                .lock()
                .expect("no thread panics while holding the lock")[i] = Some(result);
        }
    }

    /// The results, in input order, once every thread has drained.
    fn results(self) -> Vec<R> {
        self.slots
            .into_inner()
            .expect("no thread panicked")
            .into_iter()
            .map(|r| r.expect("every item ran"))
            .collect()
    }
}
