//! Full-text search of the published text: a static index made by Pagefind
//! (the `pagefind` crate) in `SITE/pagefind/`, which the search page's
//! script queries in the reader's browser. Record pages (facts and
//! statement) and the pages of reports and notices are indexed; each tells
//! Pagefind its filter values (organisation, type, category, decision,
//! year, month, remedy, compliance, kind), a date to sort by and the fields
//! a result shows, from meta elements in its head.
//!
//! Pages are given to Pagefind in path order, so the same pages make the
//! same index. The index is made again only when the set of indexed pages
//! or their bytes change (a digest of both is kept in the site's store);
//! otherwise the previous index is kept as it is.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::entry::Indexed;
use super::site::SiteError;
use super::staging::Staging;
use super::store;

/// The index's folder under the site root.
pub const DIR: &str = "pagefind";

/// Where the digest of the indexed pages is kept.
fn state_path() -> String {
    format!("{}/search.json", store::DIR)
}

#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
struct State {
    /// Digest of the indexed pages' paths and bytes, and of Pagefind's
    /// version.
    pages: String,
    /// Every file of the index.
    files: Vec<String>,
}

/// What became of the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Made from the pages.
    Made(usize),
    /// Kept from the previous site: no indexed page changed.
    Kept(usize),
}

/// Makes (or keeps) the search index of `pages` (sorted by path).
pub fn write(
    pages: &[&Indexed],
    old: Option<&Path>,
    staging: &Staging,
) -> Result<Outcome, SiteError> {
    let mut digest = format!("pagefind 1.6 en\n");
    for page in pages {
        digest.push_str(&page.path);
        digest.push(' ');
        digest.push_str(&page.sha256);
        digest.push('\n');
    }
    let digest = crate::pipeline::sha256_hex(digest.as_bytes());
    if let Some(old) = old
        && let Some(state) = read_state(old)
        && state.pages == digest
        && state
            .files
            .iter()
            .all(|f| staging.link(old, &format!("{DIR}/{f}")).is_ok())
    {
        write_state(&state, staging)?;
        return Ok(Outcome::Kept(pages.len()));
    }
    let files = build(pages, staging)?;
    let mut names: Vec<String> = Vec::with_capacity(files.len());
    for file in files {
        let name = file.filename.to_string_lossy().replace('\\', "/");
        staging.write(&format!("{DIR}/{name}"), &file.contents)?;
        names.push(name);
    }
    names.sort();
    write_state(
        &State {
            pages: digest,
            files: names,
        },
        staging,
    )?;
    Ok(Outcome::Made(pages.len()))
}

fn read_state(old: &Path) -> Option<State> {
    serde_json::from_slice(&std::fs::read(old.join(state_path())).ok()?).ok()
}

fn write_state(state: &State, staging: &Staging) -> Result<(), SiteError> {
    let mut text = serde_json::to_vec(state).expect("the state serialises");
    text.push(b'\n');
    staging.write(&state_path(), &text)
}

/// Pagefind over the pages, read back from the staging folder one by one.
fn build(
    pages: &[&Indexed],
    staging: &Staging,
) -> Result<Vec<pagefind::api::SyntheticFile>, SiteError> {
    let failed = |what: String| SiteError::Search(what);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .build()
        .map_err(|e| failed(format!("cannot start the indexer: {e}")))?;
    runtime.block_on(async {
        let options = pagefind::options::PagefindServiceConfig::builder()
            .keep_index_url(true)
            .force_language("en".to_string())
            .build();
        let mut index = pagefind::api::PagefindIndex::new(Some(options))
            .map_err(|e| failed(format!("cannot start the indexer: {e}")))?;
        for page in pages {
            let text = std::fs::read_to_string(staging.path(&page.path)).map_err(|error| {
                SiteError::Io {
                    path: staging.path(&page.path),
                    error,
                }
            })?;
            index
                .add_html_file(None, Some(format!("/{}", page.path)), text)
                .await
                .map_err(|e| failed(format!("cannot index `{}`: {e}", page.path)))?;
        }
        index
            .get_files()
            .await
            .map_err(|e| failed(format!("cannot write the index: {e}")))
    })
}
