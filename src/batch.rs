//! Many cases at once, on the worker runner ([`crate::workers`]): one
//! long-lived loop per worker, each taking the next case.
//!
//! Before anything renders, every case is loaded once to find case files
//! that share a reference (their documents would go to one folder): a
//! batch with any is refused whole. Then each case runs isolated: a
//! failure, even a panic, is reported for that case and the others go on.
//! Outcomes come back in input order.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::case::Loaded;
use crate::diag::Diagnostic;
use crate::pipeline::{CaseError, CaseReport, Engine, RenderOptions, case_dir_name};
use crate::workers::on_workers;
pub use crate::workers::{is_isolated, isolate};

mod discover;
pub use discover::{CaseFiles, Skipped, discover};

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
    /// redress itself failed on this case (a bug): what the panic said.
    #[error(
        "redress failed on this case with an internal error, and left its folder as it was (please report this): {0}"
    )]
    Panicked(String),
}

impl CaseOutcome {
    /// Whether the case produced its documents.
    pub fn is_ok(&self) -> bool {
        self.result.is_ok()
    }
}

/// Loads and renders one case file, isolated: a panic is this case's
/// failure, never the batch's.
pub fn process(engine: &Engine, path: &Path, out: &Path, options: RenderOptions) -> CaseOutcome {
    let failed = |loaded, failure| CaseOutcome {
        path: path.into(),
        loaded,
        result: Err(failure),
    };
    let loaded = match isolate(|| engine.load(path)) {
        Ok(Ok(loaded)) => loaded,
        Ok(Err(e)) => return failed(None, CaseFailure::Unreadable(e)),
        Err(panic) => return failed(None, CaseFailure::Panicked(panic)),
    };
    let result = match &loaded.case {
        Some(case) => match isolate(|| engine.render_case(case, out, options)) {
            Ok(result) => result.map_err(CaseFailure::from),
            Err(panic) => Err(CaseFailure::Panicked(panic)),
        },
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
    /// Publication copies held back (they print what an office would not
    /// publish).
    pub held: usize,
}

/// Runs every case on `workers` threads; `done` is called with the full
/// outcome as each finishes; the summaries come back in input order. Case
/// files that share a reference are refused before anything renders.
pub fn run(
    engine: &Engine,
    paths: &[PathBuf],
    out: &Path,
    options: RenderOptions,
    workers: usize,
    done: &(dyn Fn(&CaseOutcome) + Sync),
) -> Result<Vec<CaseSummary>, Vec<SharedReference>> {
    let shared = shared_references(engine, paths, workers);
    if !shared.is_empty() {
        return Err(shared);
    }
    let threads = workers.clamp(1, paths.len().max(1));
    // Fewer cases than workers (one case, say): the spare cores typeset a
    // case's documents side by side instead.
    let options = RenderOptions {
        document_threads: workers / threads,
        ..options
    };
    let summaries = on_workers(paths, threads, |path| {
        let outcome = process(engine, path, out, options);
        // Reporting must not stop the batch either.
        let _ = isolate(|| done(&outcome));
        CaseSummary {
            path: path.clone(),
            documents: outcome.result.as_ref().map_or(0, |r| r.documents.len()),
            failed: outcome.result.is_err(),
            held: outcome.result.as_ref().map_or(0, |r| r.held.len()),
        }
    });
    Ok(summaries)
}

/// Case files of one batch that share a reference: their documents would
/// go to one folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedReference {
    /// The reference, as the first file writes it.
    pub reference: String,
    /// The files, in input order.
    pub files: Vec<PathBuf>,
}

/// Loads every case (on `workers` threads) and returns the references that
/// more than one valid case file has. Files that do not load are left to
/// fail on their own when rendered.
pub fn shared_references(
    engine: &Engine,
    paths: &[PathBuf],
    workers: usize,
) -> Vec<SharedReference> {
    let threads = workers.clamp(1, paths.len().max(1));
    let references = on_workers(paths, threads, |path| {
        isolate(|| {
            let loaded = engine.load_unlinted(path).ok()?;
            loaded.case.map(|c| c.case.reference)
        })
        .ok()
        .flatten()
    });
    group_references(
        paths
            .iter()
            .zip(references)
            .filter_map(|(path, reference)| Some((path.clone(), reference?))),
    )
}

/// Groups (file, reference) pairs by the folder the reference names; the
/// groups of more than one file, in input order.
pub fn group_references(
    files: impl IntoIterator<Item = (PathBuf, String)>,
) -> Vec<SharedReference> {
    let mut by_folder: BTreeMap<String, (usize, SharedReference)> = BTreeMap::new();
    for (i, (path, reference)) in files.into_iter().enumerate() {
        by_folder
            .entry(case_dir_name(&reference))
            .or_insert_with(|| {
                (
                    i,
                    SharedReference {
                        reference,
                        files: Vec::new(),
                    },
                )
            })
            .1
            .files
            .push(path);
    }
    let mut shared: Vec<(usize, SharedReference)> = by_folder
        .into_values()
        .filter(|(_, s)| s.files.len() > 1)
        .collect();
    shared.sort_by_key(|(first, _)| *first);
    shared.into_iter().map(|(_, s)| s).collect()
}

impl SharedReference {
    /// Each file loaded again, with one diagnostic at its `case.reference`
    /// naming the others (instead of its own diagnostics).
    pub fn explain(&self, engine: &Engine) -> Vec<Loaded> {
        let mut out = Vec::new();
        for path in &self.files {
            let Ok(mut loaded) = engine.load_unlinted(path) else {
                continue;
            };
            let others: Vec<String> = self
                .files
                .iter()
                .filter(|p| *p != path)
                .map(|p| format!("`{}`", crate::diag::display_path(p)))
                .collect();
            let mut diag = Diagnostic::error(
                "duplicate-reference",
                format!(
                    "the reference `{}` is also the reference of {}",
                    self.reference,
                    others.join(", ")
                ),
            )
            .hint(format!(
                "each case has its own reference, and its documents go to the folder `{}`: correct the reference, or leave one file out of the batch",
                case_dir_name(&self.reference)
            ))
            .at("case.reference");
            if let Some(range) = crate::case::locate(&loaded, &["case", "reference"]) {
                diag = diag.with_range(range);
            }
            loaded.diagnostics = vec![diag];
            loaded.case = None;
            out.push(loaded);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_a_message_with_its_place() {
        let caught = isolate(|| -> u8 { panic!("boom {}", 7) }).unwrap_err();
        assert!(caught.starts_with("boom 7 (at src/batch.rs:"), "{caught}");
        assert_eq!(isolate(|| 5), Ok(5));
        assert!(!is_isolated());
    }

    #[test]
    fn a_panic_on_a_document_thread_reaches_its_case() {
        let caught = isolate(|| {
            crate::workers::in_parallel(&[1, 2, 3, 4], 2, |&i| {
                assert!(i != 3, "document {i} failed");
                i
            })
        })
        .unwrap_err();
        assert!(
            caught.starts_with("document 3 failed (at src/batch.rs:"),
            "{caught}"
        );
    }

    #[test]
    fn references_are_grouped_by_the_folder_they_name() {
        let files = [
            ("a.toml", "23 004 118"),
            ("b.toml", "24 000 001"),
            ("c.toml", "23 004 118 "),
            ("d.toml", "24 000 001"),
            ("e.toml", "25 000 001"),
        ]
        .map(|(p, r)| (PathBuf::from(p), r.to_string()));
        let shared = group_references(files);
        assert_eq!(shared.len(), 2);
        assert_eq!(shared[0].reference, "23 004 118");
        assert_eq!(shared[0].files, [PathBuf::from("a.toml"), "c.toml".into()]);
        assert_eq!(shared[1].files, [PathBuf::from("b.toml"), "d.toml".into()]);
    }
}
