//! `redress publish`: the static site of every decision published on a
//! given day, made on one path whether it is new or kept up run by run.
//!
//! 1. Each case file is read and keyed ([`store::Keys`]); a case whose key
//!    and day match what the site's store kept is taken from the old site
//!    as it is. The others are loaded for their references.
//! 2. References are claimed in the order the files were given: a later
//!    file that reuses one fails.
//! 3. Cases are made on worker threads (each case's files checked in
//!    memory, then written into a staging folder beside the site, with
//!    what the store keeps of it), or linked from the old site.
//! 4. The pages that list many cases are made from the cases' small
//!    entries: listings, feeds, records.json and records.csv (streamed
//!    from the store), the home, search, about and glossary pages, the
//!    sitemap and the search index.
//! 5. The staging folder replaces the site whole, so a reader never sees
//!    half a site.
//!
//! ```text
//! SITE/
//!   index.html  search.html  about.html  glossary.html
//!   browse/all/<n>.html  browse/all/oldest/<n>.html     every decision, paged
//!   browse/<filter>/index.html                          a filter's values
//!   browse/<filter>/<value>/<n>.html (and oldest/<n>.html)
//!   references/index.html  references/<block>.html      reference lookup
//!   decisions/<reference>.html      one record page per body
//!   documents/<case>/<file>.html    a document on one page …
//!   documents/<case>/<file>/chapter-<n>.html   … or a report in chapters
//!   documents/<case>/<file>.pdf     its verified publication PDF
//!   feed.atom  feeds/all/<n>.atom  feeds/organisation/<org>.atom …
//!   records.json  records.csv  records.schema.json
//!   sitemap.xml  sitemaps/<n>.xml  pagefind/  assets/
//!   .redress-site  .redress/        build state: not for deployment
//! ```

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::case::{self, CaseSite, PublishError, SiteInfo};
use super::check::Refused;
use super::entry::Entry;
use super::html::{self, HtmlTemplates};
use super::listing::{self, Lister};
use super::staging::{Staging, check_replaceable};
use super::store::{self, Keys, Stored, StoredFile};
use super::view::Span;
use super::{data, feed, pages, search};
use crate::case::{Date, Loaded};
use crate::pipeline::Engine;
use crate::render::RenderError;
use crate::workers::on_workers;

/// The file that marks a folder as a site `redress publish` wrote (and may
/// therefore replace).
pub const MARKER: &str = ".redress-site";

/// The base URL when none is given: links in the feeds, records.json and
/// the sitemap need one.
pub const DEFAULT_BASE_URL: &str = "http://localhost:8000/";

/// How a site is published.
#[derive(Debug, Clone)]
pub struct PublishOptions {
    /// The day the site shows: nothing dated later is shown or counted.
    pub as_of: Date,
    /// Worker threads.
    pub workers: usize,
    /// The site's address, ending in `/`: the feeds, records.json and the
    /// sitemap link under it.
    pub base_url: String,
    /// Cases per listing page.
    pub page_size: usize,
    /// Entries per feed page.
    pub feed_page_size: usize,
    /// Make every case again, whatever the site's store holds.
    pub full: bool,
}

impl PublishOptions {
    /// The defaults for `as_of`: one worker, 20 cases a page, 50 feed
    /// entries a page, the default base URL, cases kept where unchanged.
    pub fn new(as_of: Date) -> Self {
        Self {
            as_of,
            workers: 1,
            base_url: DEFAULT_BASE_URL.into(),
            page_size: 20,
            feed_page_size: 50,
            full: false,
        }
    }
}

/// What happened to one case file.
#[derive(Debug)]
pub struct PublishOutcome {
    /// The case file.
    pub path: PathBuf,
    /// The file as loaded, with its diagnostics (`None` when unreadable,
    /// or when its pages were kept from the last run).
    pub loaded: Option<Loaded>,
    /// What the case put on the site, or why it failed.
    pub result: Result<Published, PublishFailure>,
}

/// What a case put on the site.
#[derive(Debug, Clone)]
pub struct Published {
    /// The case reference.
    pub reference: String,
    /// The references of the records shown.
    pub records: Vec<String>,
    /// How many documents are shown.
    pub documents: usize,
    /// Why nothing is shown, when nothing is: the exception, a date to
    /// come, or a draft.
    pub absent: Option<String>,
    /// Whether its pages were kept from the last run, unchanged.
    pub kept: bool,
}

impl Published {
    /// Why nothing of the case is shown, when nothing is.
    pub fn why_absent(&self) -> Option<&str> {
        self.absent.as_deref()
    }
}

/// Why nothing of a case is shown on `as_of`.
fn why_absent(site: &CaseSite, as_of: Date) -> Option<String> {
    if !site.records.is_empty() {
        return None;
    }
    let d = &site.decision;
    Some(match (d.status, d.earliest_publication_date) {
        (super::Status::Published, Some(date)) if date > as_of => format!(
            "not yet published: it may be published from {}",
            date.long()
        ),
        _ => d.explanation.trim_end_matches('.').to_string(),
    })
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
    /// A page listing many cases could not be proven clean.
    #[error(transparent)]
    Refused(#[from] Refused),
    /// The search index could not be made.
    #[error("the search index: {0}")]
    Search(String),
}

/// What the site holds.
#[derive(Debug, Clone, PartialEq)]
pub struct SiteReport {
    /// Case files given.
    pub cases: usize,
    /// Cases that failed.
    pub failed: usize,
    /// Cases whose pages were kept from the last run.
    pub kept: usize,
    /// Records published.
    pub records: usize,
    /// Documents published.
    pub documents: usize,
    /// Shards of the search index made, and kept from the last run.
    pub search: search::Outcome,
    /// Seconds spent on each stage: the cases, the pages made from every
    /// case, the search index, putting the site in place.
    pub seconds: Vec<(&'static str, f64)>,
}

/// One case file as first read.
struct Scanned {
    stored: Option<Stored>,
    claims: Option<Vec<String>>,
    unreadable: Option<std::io::Error>,
}

/// Publishes the site of `paths` into `site`; `done` hears of every case
/// as it finishes.
pub fn publish(
    engine: &Engine,
    html: &HtmlTemplates,
    paths: &[PathBuf],
    site: &Path,
    options: &PublishOptions,
    done: &(dyn Fn(&PublishOutcome) + Sync),
) -> Result<SiteReport, SiteError> {
    check_replaceable(site)?;
    let started = std::time::Instant::now();
    let old = (site.join(MARKER).is_file() && !options.full).then_some(site);
    let staging = Staging::new(site)?;
    let keys = Keys::new(engine, html);
    let scanned = on_workers(paths, options.workers, |path| {
        scan(engine, &keys, path, old, options.as_of)
    });
    let clashes = claim_references(paths, &scanned);
    let jobs: Vec<usize> = (0..paths.len()).collect();
    let made = on_workers(&jobs, options.workers, |&i| {
        let (outcome, shown) = make_case(
            engine,
            html,
            &keys,
            &paths[i],
            &scanned[i],
            &clashes[i],
            old,
            options.as_of,
            &staging,
        );
        done(&outcome);
        (outcome.result, shown)
    });
    drop(scanned);
    let mut report = SiteReport {
        cases: paths.len(),
        failed: 0,
        kept: 0,
        records: 0,
        documents: 0,
        search: search::Outcome::default(),
        seconds: vec![("cases", started.elapsed().as_secs_f64())],
    };
    let mut shown: Vec<Shown> = Vec::new();
    for (result, entry) in made {
        match result {
            Err(_) => report.failed += 1,
            Ok(published) => {
                report.kept += usize::from(published.kept);
                report.records += published.records.len();
                report.documents += published.documents;
            }
        }
        shown.extend(entry);
    }
    // Newest decision first; the reference breaks ties.
    shown.sort_by(|a, b| {
        b.entry
            .date
            .cmp(&a.entry.date)
            .then_with(|| a.entry.reference.cmp(&b.entry.reference))
    });
    let digest = shared_digest(&keys, &shown, options);
    let mut keys_shown = Vec::with_capacity(shown.len());
    let mut entries = Vec::with_capacity(shown.len());
    for s in shown {
        keys_shown.push(s.key);
        entries.push(s.entry);
    }
    let shared = Shared {
        digest,
        entries: &entries,
        keys: &keys_shown,
    };
    report.search = shared_pages(
        engine,
        html,
        &shared,
        old,
        options,
        &staging,
        &mut report.seconds,
    )?;
    let replacing = std::time::Instant::now();
    staging.finish()?;
    report.seconds.push((
        "putting the site in place",
        replacing.elapsed().as_secs_f64(),
    ));
    Ok(report)
}

/// A case on the site: its key in the store, its span, its entry.
struct Shown {
    key: String,
    span: Span,
    entry: Entry,
}

/// What the pages made from every case are made from.
struct Shared<'a> {
    /// A digest of all of it.
    digest: String,
    /// The cases' entries, newest first.
    entries: &'a [Entry],
    /// Their keys in the store.
    keys: &'a [String],
}

/// The store's record of the pages made from every case.
#[derive(Serialize, Deserialize)]
struct SharedState {
    digest: String,
    files: Vec<String>,
}

fn shared_state_path() -> String {
    format!("{}/shared.json", store::DIR)
}

/// A digest of everything the pages made from every case depend on: the
/// version and templates, the options, the day, and each case's key, span
/// and entry, in order.
fn shared_digest(keys: &Keys, shown: &[Shown], options: &PublishOptions) -> String {
    let mut all = format!(
        "shared 1\n{}\n{}\n{}\n{}\n{}\n",
        keys.build(),
        options.as_of,
        options.base_url,
        options.page_size,
        options.feed_page_size
    )
    .into_bytes();
    for s in shown {
        all.extend_from_slice(s.key.as_bytes());
        all.extend_from_slice(&serde_json::to_vec(&s.span).expect("spans serialise"));
        all.extend_from_slice(&serde_json::to_vec(&s.entry).expect("entries serialise"));
        all.push(b'\n');
    }
    crate::pipeline::sha256_hex(&all)
}

/// The pages made from every case, kept from the old site when nothing
/// they depend on changed, else made again; then the search index.
fn shared_pages(
    engine: &Engine,
    html: &HtmlTemplates,
    shared: &Shared<'_>,
    old: Option<&Path>,
    options: &PublishOptions,
    staging: &Staging,
    seconds: &mut Vec<(&'static str, f64)>,
) -> Result<search::Outcome, SiteError> {
    let started = std::time::Instant::now();
    let kept = old
        .and_then(|old| {
            let state: SharedState =
                serde_json::from_slice(&std::fs::read(old.join(shared_state_path())).ok()?).ok()?;
            (state.digest == shared.digest).then_some((old, state))
        })
        .is_some_and(|(old, state)| {
            staging.log(true);
            let linked = state.files.iter().all(|f| staging.link(old, f).is_ok());
            let written = staging.log(false);
            if !linked {
                for f in written {
                    let _ = std::fs::remove_file(staging.path(&f));
                }
            }
            linked
        });
    if !kept {
        staging.log(true);
        make_shared_pages(engine, html, shared, options, staging)?;
        let mut files = staging.log(false);
        files.sort();
        files.dedup();
        let state = SharedState {
            digest: shared.digest.clone(),
            files,
        };
        let mut text = serde_json::to_vec(&state).expect("the state serialises");
        text.push(b'\n');
        staging.write(&shared_state_path(), &text)?;
    } else {
        let state = std::fs::read(
            old.expect("kept from the old site")
                .join(shared_state_path()),
        )
        .map_err(|error| SiteError::Io {
            path: shared_state_path().into(),
            error,
        })?;
        staging.write(&shared_state_path(), &state)?;
    }
    seconds.push(("listings, feeds and data", started.elapsed().as_secs_f64()));
    let started = std::time::Instant::now();
    let outcome = search::write(&search::shards(shared.entries), old, staging)?;
    seconds.push(("search index", started.elapsed().as_secs_f64()));
    Ok(outcome)
}

/// Listings, feeds, data, the site's own pages and the sitemap.
fn make_shared_pages(
    engine: &Engine,
    html: &HtmlTemplates,
    shared: &Shared<'_>,
    options: &PublishOptions,
    staging: &Staging,
) -> Result<(), SiteError> {
    let (entries, keys) = (shared.entries, shared.keys);
    let info = SiteInfo {
        as_of: Some(options.as_of.long()),
    };
    let base = options.base_url.as_str();
    let dimensions = listing::dimensions(entries);
    Lister {
        html,
        entries,
        dimensions: &dimensions,
        page_size: options.page_size.max(1),
        info: &info,
        staging,
    }
    .write_all()?;
    feed::write_all(
        entries,
        &dimensions,
        base,
        options.as_of,
        options.feed_page_size.max(1),
        staging,
    )?;
    let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
    data::write_all(&keys, html.terms(), base, options.as_of, staging)?;
    let delay = engine.templates().rules().publication_delay_weeks;
    let shards: Vec<String> = search::shards(entries)
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    pages::write_all(html, entries, &dimensions, &info, delay, &shards, staging)?;
    pages::write_sitemap(entries, &dimensions, base, staging)?;
    for (name, text) in html::ASSETS {
        staging.write(&format!("assets/{name}"), text.as_bytes())?;
    }
    Ok(())
}

/// Reads a case file, keys it and looks for what the store kept of it;
/// loads it for its references when nothing was kept.
fn scan(engine: &Engine, keys: &Keys, path: &Path, old: Option<&Path>, as_of: Date) -> Scanned {
    let bytes = match read_case_file(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            return Scanned {
                stored: None,
                claims: None,
                unreadable: Some(e),
            };
        }
    };
    let key = case_key(keys, path, &bytes);
    let stored = old
        .and_then(|old| store::read(old, &key))
        .filter(|s| s.span.holds(as_of));
    let claims = match &stored {
        Some(stored) => Some(stored.claims.clone()),
        None => crate::case::load_bytes(path, &bytes, engine.coverage())
            .case
            .map(|case| claims_of(&case)),
    };
    Scanned {
        stored,
        claims,
        unreadable: None,
    }
}

/// A case's key: its file's bytes and those of the review file beside it
/// (what publication staff accepted decides what may be published too).
fn case_key(keys: &Keys, path: &Path, bytes: &[u8]) -> String {
    match std::fs::read(crate::review::file::path_for(path)) {
        Ok(review) => {
            let mut all = Vec::with_capacity(bytes.len() + review.len() + 16);
            all.extend_from_slice(bytes);
            all.extend_from_slice(b"\0review file\0");
            all.extend_from_slice(&review);
            keys.of(&all)
        }
        Err(_) => keys.of(bytes),
    }
}

fn read_case_file(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(crate::case::MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Every reference a case uses, as digests of the slugs its pages are
/// named by (so that the store names no case that is not published).
fn claims_of(case: &crate::case::Case) -> Vec<String> {
    let mut references: Vec<String> = case.bodies.iter().map(|b| claim(&b.reference)).collect();
    references.push(claim(&case.case.reference));
    references.sort();
    references.dedup();
    references
}

/// A reference's claim: the digest of its slug.
fn claim(reference: &str) -> String {
    crate::pipeline::sha256_hex(html::slug(reference).as_bytes())
}

/// The first case file to use a reference keeps it; a later one fails.
fn claim_references(paths: &[PathBuf], scanned: &[Scanned]) -> Vec<Option<(String, PathBuf)>> {
    let mut owners: HashMap<String, PathBuf> = HashMap::new();
    paths
        .iter()
        .zip(scanned)
        .map(|(path, scanned)| {
            let claims = scanned.claims.as_ref()?;
            let clash = claims
                .iter()
                .find_map(|r| owners.get(r).map(|other| (r.clone(), other.clone())));
            if clash.is_none() {
                for r in claims {
                    owners.insert(r.clone(), path.clone());
                }
            }
            clash
        })
        .collect()
}

/// One case: kept from the old site, or made, checked and written into
/// the staging folder; the outcome to report and, when it is on the site,
/// its key and entry.
#[allow(clippy::too_many_arguments)]
fn make_case(
    engine: &Engine,
    html: &HtmlTemplates,
    keys: &Keys,
    path: &Path,
    scanned: &Scanned,
    clash: &Option<(String, PathBuf)>,
    old: Option<&Path>,
    as_of: Date,
    staging: &Staging,
) -> (PublishOutcome, Option<Shown>) {
    let outcome = |loaded, result| PublishOutcome {
        path: path.to_path_buf(),
        loaded,
        result,
    };
    if let Some(e) = &scanned.unreadable {
        let error = std::io::Error::new(e.kind(), e.to_string());
        return (outcome(None, Err(PublishFailure::Unreadable(error))), None);
    }
    if let Some((claimed, other)) = clash {
        let loaded = engine.load(path).ok();
        // The reference as the case file writes it, for the message.
        let reference = loaded
            .as_ref()
            .and_then(|l| l.case.as_ref())
            .and_then(|case| {
                std::iter::once(&case.case.reference)
                    .chain(case.bodies.iter().map(|b| &b.reference))
                    .find(|r| claim(r) == *claimed)
                    .cloned()
            })
            .unwrap_or_else(|| claimed.clone());
        let failure = PublishFailure::Duplicate {
            reference,
            other: other.clone(),
        };
        return (outcome(loaded, Err(failure)), None);
    }
    // A case kept from the old site; if one of its files went missing
    // meanwhile, it is made again.
    if let (Some(stored), Some(old)) = (&scanned.stored, old)
        && keep(stored, old, staging).is_ok()
    {
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
        return (outcome(None, Ok(published)), entry);
    }
    let bytes = match read_case_file(path) {
        Ok(bytes) => bytes,
        Err(e) => return (outcome(None, Err(PublishFailure::Unreadable(e))), None),
    };
    let key = case_key(keys, path, &bytes);
    let loaded = engine.load_bytes(path, &bytes);
    let Some(case) = loaded.case.clone() else {
        let errors = loaded.diagnostics.iter().filter(|d| d.is_error()).count();
        let failure = PublishFailure::Invalid(crate::diag::count(errors, "error"));
        return (outcome(Some(loaded), Err(failure)), None);
    };
    let site = match case::make(engine, html, &case, as_of) {
        Ok(site) => site,
        Err(e) => return (outcome(Some(loaded), Err(e.into())), None),
    };
    let absent = why_absent(&site, as_of);
    let stored = Stored {
        key: key.clone(),
        span: site.span,
        reference: if site.entry.is_some() {
            case.case.reference.clone()
        } else {
            String::new()
        },
        claims: claims_of(&case),
        records: site.records.iter().map(|r| r.reference.clone()).collect(),
        documents: site.documents,
        absent: absent.clone(),
        files: site
            .files
            .iter()
            .map(|f| StoredFile {
                path: f.path.clone(),
                bytes: f.bytes.len() as u64,
            })
            .collect(),
        entry: site.entry.clone(),
    };
    let (stored_case, stored_records) = store::serialise(&stored, &site.records);
    let mut files = site.files;
    files.push(case::SiteFile {
        path: store::case_path(&key),
        bytes: stored_case,
    });
    if stored.entry.is_some() {
        files.push(case::SiteFile {
            path: store::records_path(&key),
            bytes: stored_records,
        });
    }
    if let Err((path, error)) = staging.write_all(&files) {
        return (
            outcome(Some(loaded), Err(PublishFailure::Io { path, error })),
            None,
        );
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
    (outcome(Some(loaded), Ok(published)), entry)
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
