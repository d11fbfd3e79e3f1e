//! The worker threads a run makes its cases on.

use crate::batch::Queue;

/// Runs `work` over `items` on a pool of `workers` threads of its own
/// (typst's parallel work inside a document then runs on them, as in
/// [`crate::batch`]); results in input order.
pub(super) fn on_workers<T: Sync, R: Send>(
    items: &[T],
    workers: usize,
    work: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let threads = workers.clamp(1, items.len().max(1));
    let queue = Queue::new(items);
    match rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .stack_size(32 << 20)
        .build()
    {
        Ok(pool) => {
            pool.broadcast(|_| queue.drain(&work));
        }
        Err(_) => std::thread::scope(|scope| {
            for _ in 0..threads {
                scope.spawn(|| queue.drain(&work));
            }
        }),
    }
    queue.results()
}
