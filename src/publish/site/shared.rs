//! The pages made from every case (listings, feeds, records.json and
//! records.csv, the site's own pages, the sitemap, the assets) and the
//! search index. They depend on every case's entry, so a digest of all of
//! it is kept in the site's store (`.redress/shared.json`, with the files
//! they made): when it has not changed they are taken from the old site as
//! they are, else made again. The search index keeps its own shards.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::super::entry::Entry;
use super::super::error::SiteError;
use super::super::file::SiteInfo;
use super::super::html::{self, HtmlTemplates};
use super::super::listing::{self, Lister};
use super::super::staging::Staging;
use super::super::store::{self, Keys};
use super::super::{data, feed, pages, search};
use super::options::PublishOptions;
use super::per_case::Shown;
use crate::pipeline::Engine;

/// What the pages made from every case are made from.
pub(super) struct Shared<'a> {
    /// A digest of all of it.
    pub(super) digest: String,
    /// The cases' entries, newest first.
    pub(super) entries: &'a [Entry],
    /// Their keys in the store.
    pub(super) keys: &'a [String],
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
pub(super) fn shared_digest(keys: &Keys, shown: &[Shown], options: &PublishOptions) -> String {
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
pub(super) fn shared_pages(
    engine: &Engine,
    html: &HtmlTemplates,
    shared: &Shared<'_>,
    old: Option<&Path>,
    options: &PublishOptions,
    staging: &Staging,
    seconds: &mut Vec<(&'static str, f64)>,
) -> Result<search::Outcome, SiteError> {
    let started = std::time::Instant::now();
    match old.filter(|old| keep_shared_pages(old, &shared.digest, staging)) {
        Some(old) => {
            let state =
                std::fs::read(old.join(shared_state_path())).map_err(|error| SiteError::Io {
                    path: shared_state_path().into(),
                    error,
                })?;
            staging.write(&shared_state_path(), &state)?;
        }
        None => remake_shared_pages(engine, html, shared, options, staging)?,
    }
    seconds.push(("listings, feeds and data", started.elapsed().as_secs_f64()));
    let started = std::time::Instant::now();
    let outcome = search::write(&search::shards(shared.entries), old, staging)?;
    seconds.push(("search index", started.elapsed().as_secs_f64()));
    Ok(outcome)
}

/// Links the old site's pages made from every case into the staging
/// folder when the store says they were made from the same `digest`;
/// whether they all were (if not, none is left).
fn keep_shared_pages(old: &Path, digest: &str, staging: &Staging) -> bool {
    let Some(state) = std::fs::read(old.join(shared_state_path()))
        .ok()
        .and_then(|text| serde_json::from_slice::<SharedState>(&text).ok())
        .filter(|state| state.digest == digest)
    else {
        return false;
    };
    staging.log(true);
    let linked = state.files.iter().all(|f| staging.link(old, f).is_ok());
    let written = staging.log(false);
    if !linked {
        for f in written {
            let _ = std::fs::remove_file(staging.path(&f));
        }
    }
    linked
}

/// Makes the pages made from every case, and the store's record of them.
fn remake_shared_pages(
    engine: &Engine,
    html: &HtmlTemplates,
    shared: &Shared<'_>,
    options: &PublishOptions,
    staging: &Staging,
) -> Result<(), SiteError> {
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
    staging.write(&shared_state_path(), &text)
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
    let dimensions = listing::dimensions(entries, html.words());
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
        &html.words().feeds,
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
