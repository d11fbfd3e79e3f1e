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

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::case::{self, CaseSite, PublishError, SiteFile, SiteInfo};
use super::check::{self, Refused};
use super::decision::{PublicationDecision, Status};
use super::feed;
use super::html::{self, HtmlTemplates};
use super::record::Record;
use crate::anonymise::Identifiers;
use crate::batch::Queue;
use crate::case::{Date, Loaded, WebsiteDecision};
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

/// Refuses to replace a folder that is not a site redress wrote.
fn check_replaceable(site: &Path) -> Result<(), SiteError> {
    if !site.exists() {
        return Ok(());
    }
    let io = |error| SiteError::Io {
        path: site.to_path_buf(),
        error,
    };
    if !site.is_dir() {
        return Err(SiteError::NotASite(site.to_path_buf()));
    }
    let empty = fs::read_dir(site).map_err(io)?.next().is_none();
    if empty || site.join(MARKER).is_file() {
        Ok(())
    } else {
        Err(SiteError::NotASite(site.to_path_buf()))
    }
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

/// A record as the index lists it.
#[derive(Serialize)]
struct Entry<'a> {
    #[serde(flatten)]
    record: &'a Record,
    case_dir: &'a str,
    year: i32,
    /// Its value of each filter, as in the filter pages' names.
    slugs: BTreeMap<&'static str, String>,
}

/// One value to filter by: a body, a category, a decision or a year.
#[derive(Debug, Clone, Serialize)]
struct Facet {
    label: String,
    slug: String,
    count: usize,
    href: String,
    /// The cases it comes from, space-separated (for the leak check).
    cases: String,
}

/// The values of one way to filter.
#[derive(Debug, Clone, Serialize)]
struct FacetGroup {
    /// `body`, `category`, `outcome` or `year`: also the `data-` attribute.
    key: &'static str,
    /// "Organisation".
    title: &'static str,
    values: Vec<Facet>,
}

/// The filtered page being shown.
#[derive(Debug, Clone, Serialize)]
struct Current {
    dimension: &'static str,
    label: String,
    href: String,
}

/// The ways to filter, with what each entry has for each.
const DIMENSIONS: [(&str, &str); 4] = [
    ("body", "Organisation"),
    ("category", "Category"),
    ("outcome", "Decision"),
    ("year", "Year"),
];

fn value_of(entry: &Entry<'_>, key: &str) -> Option<String> {
    match key {
        "body" => Some(entry.record.body.clone()),
        "category" => entry.record.category.clone(),
        "outcome" => Some(entry.record.decision.to_string()),
        _ => Some(entry.year.to_string()),
    }
}

fn order_key(key: &str, label: &str) -> (i64, String) {
    match key {
        "outcome" => {
            let rank = [
                WebsiteDecision::Upheld,
                WebsiteDecision::NotUpheld,
                WebsiteDecision::ClosedAfterInitialEnquiries,
            ]
            .iter()
            .position(|d| d.label() == label)
            .unwrap_or(9);
            (rank as i64, String::new())
        }
        "year" => (-label.parse::<i64>().unwrap_or(0), String::new()),
        _ => (0, label.to_lowercase()),
    }
}

fn facets(entries: &[Entry<'_>]) -> Vec<FacetGroup> {
    DIMENSIONS
        .iter()
        .map(|(key, title)| {
            let mut counts: BTreeMap<String, (usize, Vec<&str>)> = BTreeMap::new();
            for entry in entries {
                if let Some(label) = value_of(entry, key) {
                    let (count, cases) = counts.entry(label).or_default();
                    *count += 1;
                    if !cases.contains(&entry.case_dir) {
                        cases.push(entry.case_dir);
                    }
                }
            }
            let mut labels: Vec<(String, (usize, Vec<&str>))> = counts.into_iter().collect();
            labels.sort_by_key(|(label, _)| order_key(key, label));
            let mut used: Vec<String> = Vec::new();
            let values = labels
                .into_iter()
                .map(|(label, (count, cases))| {
                    let base = facet_slug(key, &label);
                    let mut slug = base.clone();
                    let mut n = 2;
                    while used.contains(&slug) {
                        slug = format!("{base}-{n}");
                        n += 1;
                    }
                    used.push(slug.clone());
                    Facet {
                        href: format!("filter/{key}/{slug}.html"),
                        label,
                        slug,
                        count,
                        cases: cases.join(" "),
                    }
                })
                .collect();
            FacetGroup { key, title, values }
        })
        .collect()
}

/// The file name of a filter value. A body's is a hash of its name: a
/// body may be named after a person ("Dr S Anand & Partners"), and the name
/// folded into a file name would no longer read as the body's.
fn facet_slug(key: &str, label: &str) -> String {
    let slug = match key {
        "body" => format!(
            "body-{}",
            &crate::pipeline::sha256_hex(label.as_bytes())[..10]
        ),
        _ => html::slug(label),
    };
    if slug.is_empty() {
        "other".into()
    } else {
        slug
    }
}

fn heading(key: &str, label: &str) -> String {
    match key {
        "body" => format!("Decisions about {label}"),
        "category" => format!("Decisions in {label}"),
        "outcome" => format!("Decisions: {label}"),
        _ => format!("Decisions made in {label}"),
    }
}

/// The pages that list many cases: the index, its filtered pages, the feed
/// and records.json. Each is checked part by part before it is written.
/// Returns the number of records.
fn shared_pages(
    html: &HtmlTemplates,
    cases: &[CaseSite],
    as_of: Date,
    staging: &Staging,
) -> Result<usize, SiteError> {
    let ids: HashMap<&str, &Identifiers> = cases
        .iter()
        .filter_map(|c| c.ids.as_ref().map(|ids| (c.dir.as_str(), ids)))
        .collect();
    let mut entries: Vec<Entry<'_>> = cases
        .iter()
        .flat_map(|c| {
            c.records.iter().map(|record| Entry {
                record,
                case_dir: &c.dir,
                year: record.decision_date.year(),
                slugs: BTreeMap::new(),
            })
        })
        .collect();
    entries.sort_by(|a, b| {
        b.record
            .decision_date
            .cmp(&a.record.decision_date)
            .then_with(|| a.record.reference.cmp(&b.record.reference))
    });
    let groups = facets(&entries);
    for entry in &mut entries {
        for group in &groups {
            let value = value_of(entry, group.key);
            let slug = group
                .values
                .iter()
                .find(|f| Some(&f.label) == value.as_ref())
                .map_or_else(String::new, |f| f.slug.clone());
            entry.slugs.insert(group.key, slug);
        }
    }
    let info = SiteInfo {
        as_of: as_of.long(),
    };
    let by_case = |n: roxmltree::Node<'_, '_>| n.attribute("data-case").map(str::to_string);
    let index_page = |path: &str,
                      heading: String,
                      current: Option<Current>,
                      shown: Vec<&Entry<'_>>|
     -> Result<(), SiteError> {
        let root = "../".repeat(path.matches('/').count());
        let context = minijinja::context! {
            root => root,
            site => &info,
            heading => heading,
            current => current,
            facets => &groups,
            records => &shown,
        };
        let listed: Vec<&str> = shown.iter().map(|e| e.case_dir).collect();
        let text = html.render(
            "html/index.html.j2",
            &minijinja::Value::from_serialize(&context),
        )?;
        check::check_shared(path, &text, by_case, |k| ids.get(k).copied(), &listed)?;
        staging.write(path, text.as_bytes())
    };
    index_page(
        "index.html",
        "Decisions".into(),
        None,
        entries.iter().collect(),
    )?;
    for group in &groups {
        for facet in &group.values {
            let shown: Vec<&Entry<'_>> = entries
                .iter()
                .filter(|e| value_of(e, group.key).as_deref() == Some(facet.label.as_str()))
                .collect();
            let current = Current {
                dimension: group.title,
                label: facet.label.clone(),
                href: facet.href.clone(),
            };
            index_page(
                &facet.href,
                heading(group.key, &facet.label),
                Some(current),
                shown,
            )?;
        }
    }
    let records: Vec<&Record> = entries.iter().map(|e| e.record).collect();
    let atom = feed::feed(&records, as_of);
    let entry_case: HashMap<String, &str> = entries
        .iter()
        .map(|e| (feed::entry_id(e.record), e.case_dir))
        .collect();
    let by_entry = |n: roxmltree::Node<'_, '_>| {
        (n.tag_name().name() == "entry")
            .then(|| n.children().find(|c| c.tag_name().name() == "id"))
            .flatten()
            .and_then(|id| id.text())
            .map(|id| {
                entry_case
                    .get(id.trim())
                    .map_or_else(|| id.to_string(), |c| c.to_string())
            })
    };
    let listed: Vec<&str> = entries.iter().map(|e| e.case_dir).collect();
    check::check_shared(
        "feed.atom",
        &atom,
        by_entry,
        |k| ids.get(k).copied(),
        &listed,
    )?;
    staging.write("feed.atom", atom.as_bytes())?;
    let mut json = serde_json::to_string_pretty(&records).expect("records serialise");
    json.push('\n');
    staging.write("records.json", json.as_bytes())?;
    for (name, text) in html::ASSETS {
        staging.write(&format!("assets/{name}"), text.as_bytes())?;
    }
    staging.write(
        MARKER,
        b"This folder is a site written by `redress publish`; each run replaces it whole.\n",
    )?;
    Ok(records.len())
}

/// The folder a site is written into before it replaces the old one.
struct Staging {
    dir: PathBuf,
    site: PathBuf,
    done: std::sync::atomic::AtomicBool,
}

impl Staging {
    fn new(site: &Path) -> Result<Self, SiteError> {
        let name = site
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("site")
            .to_string();
        let parent = match site.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let dir = parent.join(format!(".{name}.staging-{}", std::process::id()));
        let io = |error| SiteError::Io {
            path: dir.clone(),
            error,
        };
        if dir.exists() {
            fs::remove_dir_all(&dir).map_err(io)?;
        }
        fs::create_dir_all(&dir).map_err(io)?;
        Ok(Self {
            dir,
            site: site.to_path_buf(),
            done: std::sync::atomic::AtomicBool::new(false),
        })
    }

    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), SiteError> {
        self.write_one(path, bytes)
            .map_err(|(path, error)| SiteError::Io { path, error })
    }

    fn write_one(&self, path: &str, bytes: &[u8]) -> Result<(), (PathBuf, std::io::Error)> {
        let full = self.dir.join(path);
        if let Some(parent) = full.parent() {
            fs::create_dir_all(parent).map_err(|e| (parent.to_path_buf(), e))?;
        }
        fs::write(&full, bytes).map_err(|e| (full.clone(), e))
    }

    /// Writes a case's files; on failure removes those already written.
    fn write_all(&self, files: &[SiteFile]) -> Result<(), (PathBuf, std::io::Error)> {
        for (i, file) in files.iter().enumerate() {
            if let Err(e) = self.write_one(&file.path, &file.bytes) {
                for written in &files[..i] {
                    let _ = fs::remove_file(self.dir.join(&written.path));
                }
                return Err(e);
            }
        }
        Ok(())
    }

    /// Puts the staging folder in the site's place.
    fn finish(self) -> Result<(), SiteError> {
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |error| SiteError::Io { path, error }
        };
        if self.site.exists() {
            let old = self.dir.with_file_name(format!(
                "{}.old",
                self.dir
                    .file_name()
                    .and_then(|n| n.to_str())
                    .unwrap_or("site")
            ));
            fs::rename(&self.site, &old).map_err(io(&self.site))?;
            if let Err(error) = fs::rename(&self.dir, &self.site) {
                let _ = fs::rename(&old, &self.site);
                return Err(SiteError::Io {
                    path: self.site.clone(),
                    error,
                });
            }
            let _ = fs::remove_dir_all(&old);
        } else {
            fs::rename(&self.dir, &self.site).map_err(io(&self.site))?;
        }
        self.done.store(true, std::sync::atomic::Ordering::Relaxed);
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.done.load(std::sync::atomic::Ordering::Relaxed) {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}
