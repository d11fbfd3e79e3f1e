//! One case of a run, on a worker thread: kept from the old site when the
//! store holds it unchanged (its files linked into the staging folder), or
//! made and checked in memory and written into the staging folder with
//! what the store keeps of it; and what to report of it.

use std::path::{Path, PathBuf};

use super::super::case::{self, CaseSite};
use super::super::entry::Entry;
use super::super::file::SiteFile;
use super::super::html::HtmlTemplates;
use super::super::staging::Staging;
use super::super::store::{self, Keys, Stored, StoredFile};
use super::super::view::Span;
use super::report::{PublishFailure, PublishOutcome, Published};
use super::scan::{Scanned, case_key, claim, claims_of, read_case_file};
use crate::case::{Case, Date, Loaded};
use crate::pipeline::Engine;

/// A case on the site: its key in the store, its span, its entry.
pub(super) struct Shown {
    pub(super) key: String,
    pub(super) span: Span,
    pub(super) entry: Entry,
}

/// What every case of a run is made with.
pub(super) struct CaseRun<'a> {
    pub(super) engine: &'a Engine,
    pub(super) html: &'a HtmlTemplates,
    pub(super) keys: &'a Keys,
    /// The old site, when its cases may be kept.
    pub(super) old: Option<&'a Path>,
    pub(super) as_of: Date,
    pub(super) staging: &'a Staging,
}

impl CaseRun<'_> {
    /// One case: kept from the old site, or made, checked and written into
    /// the staging folder; the outcome to report and, when it is on the
    /// site, its key and entry.
    pub(super) fn case(
        &self,
        path: &Path,
        scanned: &Scanned,
        clash: &Option<(String, PathBuf)>,
    ) -> (PublishOutcome, Option<Shown>) {
        if let Some(e) = &scanned.unreadable {
            let error = std::io::Error::new(e.kind(), e.to_string());
            let failure = Err(PublishFailure::Unreadable(error));
            return (outcome(path, None, failure), None);
        }
        if let Some((claimed, other)) = clash {
            return (self.duplicate(path, claimed, other), None);
        }
        // A case kept from the old site; if one of its files went missing
        // meanwhile, it is made again.
        if let (Some(stored), Some(old)) = (&scanned.stored, self.old)
            && keep(stored, old, self.staging).is_ok()
        {
            return kept(path, stored);
        }
        self.make(path)
    }

    /// A case file that uses a reference an earlier one claimed.
    fn duplicate(&self, path: &Path, claimed: &str, other: &Path) -> PublishOutcome {
        let loaded = self.engine.load_unlinted(path).ok();
        // The reference as the case file writes it, for the message.
        let reference = loaded
            .as_ref()
            .and_then(|l| l.case.as_ref())
            .and_then(|case| {
                std::iter::once(&case.case.reference)
                    .chain(case.bodies.iter().map(|b| &b.reference))
                    .find(|r| claim(r) == claimed)
                    .cloned()
            })
            .unwrap_or_else(|| claimed.to_string());
        let failure = PublishFailure::Duplicate {
            reference,
            other: other.to_path_buf(),
        };
        outcome(path, loaded, Err(failure))
    }

    /// A case made, checked and written into the staging folder with what
    /// the store keeps of it.
    fn make(&self, path: &Path) -> (PublishOutcome, Option<Shown>) {
        let bytes = match read_case_file(path) {
            Ok(bytes) => bytes,
            Err(e) => {
                return (
                    outcome(path, None, Err(PublishFailure::Unreadable(e))),
                    None,
                );
            }
        };
        let key = case_key(self.keys, path, &bytes);
        let loaded = self.engine.load_bytes(path, &bytes);
        let Some(case) = loaded.case.clone() else {
            let errors = loaded.diagnostics.iter().filter(|d| d.is_error()).count();
            let failure = PublishFailure::Invalid(crate::diag::count(errors, "error"));
            return (outcome(path, Some(loaded), Err(failure)), None);
        };
        let site = match case::make(self.engine, self.html, &case, self.as_of) {
            Ok(site) => site,
            Err(e) => return (outcome(path, Some(loaded), Err(e.into())), None),
        };
        let absent = why_absent(&site, self.as_of);
        let stored = stored_of(key.clone(), &case, &site, absent.clone());
        if let Err((file, error)) = self.staging.write_all(&files_with_store(site, &stored)) {
            let failure = Err(PublishFailure::Io { path: file, error });
            return (outcome(path, Some(loaded), failure), None);
        }
        let published = Published {
            reference: case.case.reference.clone(),
            records: stored.records.clone(),
            documents: stored.documents,
            absent,
            kept: false,
        };
        let entry = stored.entry.map(|entry| Shown {
            key,
            span: stored.span,
            entry,
        });
        (outcome(path, Some(loaded), Ok(published)), entry)
    }
}

fn outcome(
    path: &Path,
    loaded: Option<Loaded>,
    result: Result<Published, PublishFailure>,
) -> PublishOutcome {
    PublishOutcome {
        path: path.to_path_buf(),
        loaded,
        result,
    }
}

/// The outcome of a case kept from the old site, and its entry.
fn kept(path: &Path, stored: &Stored) -> (PublishOutcome, Option<Shown>) {
    let published = Published {
        reference: stored.reference.clone(),
        records: stored.records.clone(),
        documents: stored.documents,
        absent: stored.absent.clone(),
        kept: true,
    };
    let entry = stored.entry.clone().map(|entry| Shown {
        key: stored.key.clone(),
        span: stored.span,
        entry,
    });
    (outcome(path, None, Ok(published)), entry)
}

/// Why nothing of a case is shown on `as_of`.
fn why_absent(site: &CaseSite, as_of: Date) -> Option<String> {
    if !site.records.is_empty() {
        return None;
    }
    let d = &site.decision;
    Some(match (d.status, d.earliest_publication_date) {
        (crate::publish::Status::Published, Some(date)) if date > as_of => format!(
            "not yet published: it may be published from {}",
            date.long()
        ),
        _ => d.explanation.trim_end_matches('.').to_string(),
    })
}

/// What the store keeps of a case just made.
fn stored_of(key: String, case: &Case, site: &CaseSite, absent: Option<String>) -> Stored {
    Stored {
        key,
        span: site.span,
        reference: if site.entry.is_some() {
            case.case.reference.clone()
        } else {
            String::new()
        },
        claims: claims_of(case),
        records: site.records.iter().map(|r| r.reference.clone()).collect(),
        documents: site.documents,
        absent,
        files: site
            .files
            .iter()
            .map(|f| StoredFile {
                path: f.path.clone(),
                bytes: f.bytes.len() as u64,
            })
            .collect(),
        entry: site.entry.clone(),
    }
}

/// A case's files and, after them, its place in the store: the stored case
/// and, when it is shown, its records.
fn files_with_store(site: CaseSite, stored: &Stored) -> Vec<SiteFile> {
    let (stored_case, stored_records) = store::serialise(stored, &site.records);
    let mut files = site.files;
    files.push(SiteFile {
        path: store::case_path(&stored.key),
        bytes: stored_case,
    });
    if stored.entry.is_some() {
        files.push(SiteFile {
            path: store::records_path(&stored.key),
            bytes: stored_records,
        });
    }
    files
}

/// Takes a stored case's files, and its place in the store, from the old
/// site into the staging folder.
fn keep(stored: &Stored, old: &Path, staging: &Staging) -> std::io::Result<()> {
    let mut paths: Vec<String> = stored.files.iter().map(|f| f.path.clone()).collect();
    paths.push(store::case_path(&stored.key));
    if stored.entry.is_some() {
        paths.push(store::records_path(&stored.key));
    }
    for (i, path) in paths.iter().enumerate() {
        if let Err(e) = staging.link(old, path) {
            for linked in &paths[..i] {
                let _ = std::fs::remove_file(staging.path(linked));
            }
            return Err(e);
        }
    }
    Ok(())
}
