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
//! This module runs those steps in order; each has a module of its own:
//! the options (`options`), reading and claiming the case files (`scan`),
//! each case kept or made (`per_case`, on [`crate::workers`]), the pages made from
//! every case and the search index (`shared`), and what the run reports
//! (`report`).
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

mod options;
mod per_case;
mod report;
mod scan;
mod shared;

use std::path::{Path, PathBuf};

pub use super::error::{MARKER, SiteError};
use super::html::HtmlTemplates;
use super::search;
use super::staging::{Staging, check_replaceable};
use super::store::Keys;
use crate::pipeline::Engine;
use crate::workers::on_workers;
pub use options::{DEFAULT_BASE_URL, PublishOptions};
use per_case::{CaseRun, Shown};
pub use report::{PublishFailure, PublishOutcome, Published, SiteReport};
use scan::{claim_references, scan};
use shared::{Shared, shared_digest, shared_pages};

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
    let run = CaseRun {
        engine,
        html,
        keys: &keys,
        old,
        as_of: options.as_of,
        staging: &staging,
    };
    let jobs: Vec<usize> = (0..paths.len()).collect();
    let made = on_workers(&jobs, options.workers, |&i| {
        let (outcome, shown) = run.case(&paths[i], &scanned[i], &clashes[i]);
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
    let shown = tally(made, &mut report);
    let digest = shared_digest(&keys, &shown, options);
    let (keys_shown, entries): (Vec<String>, Vec<_>) =
        shown.into_iter().map(|s| (s.key, s.entry)).unzip();
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

/// Counts the cases' outcomes into `report`; the cases on the site,
/// newest decision first (the reference breaks ties).
fn tally(
    made: Vec<(Result<Published, PublishFailure>, Option<Shown>)>,
    report: &mut SiteReport,
) -> Vec<Shown> {
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
    shown.sort_by(|a, b| {
        b.entry
            .date
            .cmp(&a.entry.date)
            .then_with(|| a.entry.reference.cmp(&b.entry.reference))
    });
    shown
}
