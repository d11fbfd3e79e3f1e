//! `redress publish`: the static site of every decision published on a
//! given day. Cases are loaded, then made on worker threads (each case's
//! files checked in memory, then written into a staging folder beside the
//! site); the pages that list many cases are made last; the staging folder
//! then replaces the site whole, so a reader never sees half a site.
//!
//! ```text
//! SITE/
//!   index.html                      every published decision, newest first
//!   filter/{body,category,outcome,year}/<slug>.html   the same, filtered
//!   decisions/<reference>.html      one record page per body
//!   documents/<case>/<file>.html    a document on one page …
//!   documents/<case>/<file>/chapter-<n>.html   … or a report in chapters
//!   documents/<case>/<file>.pdf     its verified publication PDF
//!   records.json  feed.atom  assets/
//! ```

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::case::{self, CaseSite, PublishError};
use super::check::Refused;
use super::decision::{PublicationDecision, Status};
use super::html::{self, HtmlTemplates};
use super::index::shared_pages;
use super::staging::{Staging, check_replaceable};
use crate::batch::Queue;
use crate::case::{Date, Loaded};
use crate::pipeline::Engine;
use crate::render::RenderError;

/// The file that marks a folder as a site `redress publish` wrote (and may
/// therefore replace).
pub const MARKER: &str = ".redress-site";

/// How a site is published.
#[derive(Debug, Clone, Copy)]
pub struct PublishOptions {
    /// The day the site shows: decisions whose earliest publication date
    /// is later are left out.
    pub as_of: Date,
    /// Worker threads.
    pub workers: usize,
}

/// What happened to one case file.
#[derive(Debug)]
pub struct PublishOutcome {
    /// The case file.
    pub path: PathBuf,
    /// The file as loaded, with its diagnostics (`None` when unreadable).
    pub loaded: Option<Loaded>,
    /// What the case put on the site, or why it failed.
    pub result: Result<Published, PublishFailure>,
}

/// What a case put on the site.
#[derive(Debug, Clone)]
pub struct Published {
    /// The case reference.
    pub reference: String,
    /// Its publication decision.
    pub decision: PublicationDecision,
    /// The references of the records shown.
    pub records: Vec<String>,
    /// How many documents are shown.
    pub documents: usize,
}

impl Published {
    /// Why nothing is shown, when nothing is: the exception, a date to
    /// come, or a draft.
    pub fn why_absent(&self, as_of: Date) -> Option<String> {
        if !self.records.is_empty() {
            return None;
        }
        let d = &self.decision;
        Some(match (d.status, d.earliest_publication_date) {
            (Status::Published, Some(date)) if date > as_of => format!(
                "not yet published: it may be published from {}",
                date.long()
            ),
            _ => {
                let mut why = d.explanation.clone();
                if why.ends_with('.') {
                    why.pop();
                }
                why
            }
        })
    }
}

/// Why a case is not on the site.
#[derive(Debug, thiserror::Error)]
pub enum PublishFailure {
    /// The file could not be read.
    #[error("cannot read the case file: {0}")]
    Unreadable(std::io::Error),
    /// The file has errors.
    #[error("the case file has {0}")]
    Invalid(String),
    /// Another case file has the same reference.
    #[error("the reference {reference} is also used by `{}`; each case and body record must have its own", crate::diag::display_path(.other))]
    Duplicate {
        /// The reference.
        reference: String,
        /// The earlier file.
        other: PathBuf,
    },
    /// Making or checking its pages failed: nothing of it was written.
    #[error(transparent)]
    Publish(#[from] PublishError),
    /// Its files could not be written.
    #[error("cannot write `{}`: {error}", .path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The error.
        error: std::io::Error,
    },
}

/// Why no site was written.
#[derive(Debug, thiserror::Error)]
pub enum SiteError {
    /// The output folder holds something else.
    #[error("`{}` exists and is not a site that redress wrote (it has no {MARKER} file)", crate::diag::display_path(.0))]
    NotASite(PathBuf),
    /// Reading or writing failed.
    #[error("cannot write `{}`: {error}", crate::diag::display_path(.path))]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The error.
        error: std::io::Error,
    },
    /// A template failed.
    #[error("{0}")]
    Html(#[from] RenderError),
    /// A page listing many cases held a listed identifier.
    #[error(transparent)]
    Refused(#[from] Refused),
}

/// What the site holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteReport {
    /// Case files given.
    pub cases: usize,
    /// Cases that failed.
    pub failed: usize,
    /// Records published.
    pub records: usize,
    /// Documents published.
    pub documents: usize,
}

/// Publishes the site of `paths` into `site`; `done` hears of every case
/// as it finishes.
pub fn publish(
    engine: &Engine,
    html: &HtmlTemplates,
    paths: &[PathBuf],
    site: &Path,
    options: PublishOptions,
    done: &(dyn Fn(&PublishOutcome) + Sync),
) -> Result<SiteReport, SiteError> {
    check_replaceable(site)?;
    let staging = Staging::new(site)?;
    let loaded = on_workers(paths, options.workers, |path| engine.load(path));
    let claims = claim_references(paths, &loaded);
    let jobs: Vec<usize> = (0..paths.len()).collect();
    let made = on_workers(&jobs, options.workers, |&i| {
        let (outcome, site) = make_case(
            engine, html, &paths[i], &loaded[i], &claims[i], options, &staging,
        );
        done(&outcome);
        (outcome.result.is_err(), site)
    });
    let failed = made.iter().filter(|(failed, _)| *failed).count();
    let shown: Vec<CaseSite> = made.into_iter().filter_map(|(_, site)| site).collect();
    let records = shared_pages(html, &shown, options.as_of, &staging)?;
    let documents = shown.iter().map(|c| c.documents).sum();
    staging.finish()?;
    Ok(SiteReport {
        cases: paths.len(),
        failed,
        records,
        documents,
    })
}

/// The first case file to use a reference keeps it; a later one fails.
fn claim_references(
    paths: &[PathBuf],
    loaded: &[std::io::Result<Loaded>],
) -> Vec<Option<(String, PathBuf)>> {
    let mut owners: HashMap<String, PathBuf> = HashMap::new();
    paths
        .iter()
        .zip(loaded)
        .map(|(path, loaded)| {
            let case = loaded.as_ref().ok()?.case.as_ref()?;
            let mut references: Vec<String> =
                case.bodies.iter().map(|b| b.reference.clone()).collect();
            references.push(case.case.reference.clone());
            references.sort();
            references.dedup();
            let clash = references.iter().find_map(|r| {
                owners
                    .get(&html::slug(r))
                    .map(|other| (r.clone(), other.clone()))
            });
            if clash.is_none() {
                for r in references {
                    owners.insert(html::slug(&r), path.clone());
                }
            }
            clash
        })
        .collect()
}

/// One case: made, checked and written into the staging folder; the
/// outcome to report and, when it is on the site, what the shared pages
/// need of it.
fn make_case(
    engine: &Engine,
    html: &HtmlTemplates,
    path: &Path,
    loaded: &std::io::Result<Loaded>,
    clash: &Option<(String, PathBuf)>,
    options: PublishOptions,
    staging: &Staging,
) -> (PublishOutcome, Option<CaseSite>) {
    let fail = |loaded: Option<Loaded>, failure| {
        let outcome = PublishOutcome {
            path: path.to_path_buf(),
            loaded,
            result: Err(failure),
        };
        (outcome, None)
    };
    let loaded = match loaded {
        Ok(loaded) => loaded.clone(),
        Err(e) => {
            return fail(
                None,
                PublishFailure::Unreadable(std::io::Error::new(e.kind(), e.to_string())),
            );
        }
    };
    let Some(case) = loaded.case.clone() else {
        let errors = loaded.diagnostics.iter().filter(|d| d.is_error()).count();
        return fail(
            Some(loaded),
            PublishFailure::Invalid(crate::diag::count(errors, "error")),
        );
    };
    if let Some((reference, other)) = clash {
        let failure = PublishFailure::Duplicate {
            reference: reference.clone(),
            other: other.clone(),
        };
        return fail(Some(loaded), failure);
    }
    let site = match case::make(engine, html, &case, options.as_of) {
        Ok(site) => site,
        Err(e) => return fail(Some(loaded), e.into()),
    };
    if let Err((path, error)) = staging.write_all(&site.files) {
        return fail(Some(loaded), PublishFailure::Io { path, error });
    }
    let published = Published {
        reference: case.case.reference.clone(),
        decision: site.decision.clone(),
        records: site.records.iter().map(|r| r.reference.clone()).collect(),
        documents: site.documents,
    };
    let outcome = PublishOutcome {
        path: path.to_path_buf(),
        loaded: Some(loaded),
        result: Ok(published),
    };
    let keep = (!site.records.is_empty()).then_some(CaseSite {
        files: Vec::new(),
        ..site
    });
    (outcome, keep)
}

/// Runs `work` over `items` on a pool of `workers` threads of its own
/// (typst's parallel work inside a document then runs on them, as in
/// [`crate::batch`]); results in input order.
fn on_workers<T: Sync, R: Send>(
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
