//! Many cases at once: one long-lived loop per worker, each taking the next
//! case from an atomic counter (not `par_iter`: typst uses rayon inside, and
//! a waiting rayon worker would run other documents on its own stack).
//! One failing case never stops the others; outcomes come back in input
//! order.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::case::Loaded;
use crate::pipeline::{CaseError, CaseReport, Engine, RenderOptions};

/// What happened to one case file.
#[derive(Debug)]
pub struct CaseOutcome {
    /// The case file.
    pub path: PathBuf,
    /// The file as loaded, with its diagnostics (`None` when unreadable).
    pub loaded: Option<Loaded>,
    /// The documents made, or why none were.
    pub result: Result<CaseReport, CaseFailure>,
}

/// Why a case produced nothing.
#[derive(Debug, thiserror::Error)]
pub enum CaseFailure {
    /// The file could not be read.
    #[error("cannot read the case file: {0}")]
    Unreadable(std::io::Error),
    /// The pipeline failed.
    #[error(transparent)]
    Case(#[from] CaseError),
}

impl CaseOutcome {
    /// Whether the case produced its documents.
    pub fn is_ok(&self) -> bool {
        self.result.is_ok()
    }
}

/// Loads and renders one case file.
pub fn process(engine: &Engine, path: &Path, out: &Path, options: RenderOptions) -> CaseOutcome {
    let loaded = match engine.load(path) {
        Ok(loaded) => loaded,
        Err(e) => {
            return CaseOutcome {
                path: path.into(),
                loaded: None,
                result: Err(CaseFailure::Unreadable(e)),
            };
        }
    };
    let result = match &loaded.case {
        Some(case) => engine
            .render_case(case, out, options)
            .map_err(CaseFailure::from),
        None => {
            let errors = loaded.diagnostics.iter().filter(|d| d.is_error()).count();
            Err(CaseError::Invalid(crate::diag::count(errors, "error")).into())
        }
    };
    CaseOutcome {
        path: path.into(),
        loaded: Some(loaded),
        result,
    }
}

/// What is kept of a case once it has been reported: enough for the final
/// summary, and small, so a batch of any size stays flat in memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseSummary {
    /// The case file.
    pub path: PathBuf,
    /// Documents written.
    pub documents: usize,
    /// Whether the case failed.
    pub failed: bool,
}

/// Runs every case on `workers` threads; `done` is called with the full
/// outcome as each finishes; the summaries come back in input order.
pub fn run(
    engine: &Engine,
    paths: &[PathBuf],
    out: &Path,
    options: RenderOptions,
    workers: usize,
    done: &(dyn Fn(&CaseOutcome) + Sync),
) -> Vec<CaseSummary> {
    let threads = workers.clamp(1, paths.len().max(1));
    // Fewer cases than workers (one case, say): the spare cores typeset a
    // case's documents side by side instead.
    let options = RenderOptions {
        document_threads: workers / threads,
        ..options
    };
    let queue = Queue::new(paths);
    let work = || {
        queue.drain(|path| {
            let outcome = process(engine, path, out, options);
            done(&outcome);
            CaseSummary {
                path: path.clone(),
                documents: outcome.result.as_ref().map_or(0, |r| r.documents.len()),
                failed: outcome.result.is_err(),
            }
        });
    };
    // The workers are the threads of a rayon pool of their own: typst's
    // parallel work inside a document then runs on (or is stolen by) the
    // worker threads instead of blocking them. There is no other job in the
    // pool, so a worker that waits never picks up a second document.
    match rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .stack_size(32 << 20)
        .build()
    {
        Ok(pool) => {
            pool.broadcast(|_| work());
        }
        Err(_) => std::thread::scope(|scope| {
            for _ in 0..threads {
                scope.spawn(work);
            }
        }),
    }
    queue.results()
}

/// Items handed out one at a time, from a shared counter, to every thread
/// that calls [`Queue::drain`]; the results are kept in input order.
pub(crate) struct Queue<'a, T, R> {
    items: &'a [T],
    next: AtomicUsize,
    slots: Mutex<Vec<Option<R>>>,
}

impl<'a, T, R> Queue<'a, T, R> {
    pub(crate) fn new(items: &'a [T]) -> Self {
        Self {
            items,
            next: AtomicUsize::new(0),
            slots: Mutex::new((0..items.len()).map(|_| None).collect()),
        }
    }

    /// Runs `work` on the next item until none is left.
    pub(crate) fn drain(&self, work: impl Fn(&T) -> R) {
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
    pub(crate) fn results(self) -> Vec<R> {
        self.slots
            .into_inner()
            .expect("no thread panicked")
            .into_iter()
            .map(|r| r.expect("every item ran"))
            .collect()
    }
}

/// Case files under the given paths: files as given, folders searched for
/// `*.toml` and `*.json` (recursively), sorted so runs are repeatable.
pub fn discover(paths: &[PathBuf]) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            collect(path, &mut out)?;
        } else if path.exists() {
            out.push(path.clone());
        } else {
            return Err(std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!("`{}` does not exist", crate::diag::display_path(path)),
            ));
        }
    }
    Ok(out)
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(&path, out)?;
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("toml" | "json")
        ) {
            out.push(path);
        }
    }
    Ok(())
}
