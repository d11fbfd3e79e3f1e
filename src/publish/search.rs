//! Full-text search of the published text: static indexes made by Pagefind
//! (the `pagefind` crate), which the search page's script queries in the
//! reader's browser. Record pages (facts and statement) and the pages of
//! reports and notices are indexed; each tells Pagefind its filter values
//! (organisation, type, category, decision, year, month, remedy,
//! compliance, kind), the decision date to sort by and the fields a result
//! shows, from meta elements in its head.
//!
//! The archive is indexed in shards, one per quarter of decision dates
//! (`SITE/pagefind/2024-q1/`): Pagefind holds a whole index in memory while
//! it makes it, so a shard bounds that memory by a quarter's decisions,
//! however long the archive. The search page queries every shard and merges
//! the results (by score, or shard by shard in date order). A shard is made
//! again only when the set of its pages or their bytes change (a digest of
//! both is kept in the site's store); otherwise it is kept as it is. Pages
//! go to Pagefind in path order, so the same pages make the same index.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::entry::{Entry, Indexed};
use super::error::SiteError;
use super::staging::Staging;
use super::store;
use crate::case::Date;

/// The indexes' folder under the site root.
pub const DIR: &str = "pagefind";

/// The shard of a decision date: `2024-q1`.
pub fn shard_of(date: Date) -> String {
    let month: u32 = date.to_string()[5..7].parse().unwrap_or(1);
    format!("{}-q{}", date.year(), (month - 1) / 3 + 1)
}

/// The pages each shard indexes, newest shard first, pages in path order.
pub fn shards(entries: &[Entry]) -> Vec<(String, Vec<&Indexed>)> {
    let mut by: BTreeMap<String, Vec<&Indexed>> = BTreeMap::new();
    for entry in entries {
        by.entry(shard_of(entry.date))
            .or_default()
            .extend(&entry.search);
    }
    let mut out: Vec<(String, Vec<&Indexed>)> = by
        .into_iter()
        .map(|(name, mut pages)| {
            pages.sort();
            pages.dedup();
            (name, pages)
        })
        .collect();
    out.reverse();
    out
}

/// Where the digest of each shard's pages is kept.
fn state_path() -> String {
    format!("{}/search.json", store::DIR)
}

/// One shard as the store keeps it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
struct ShardState {
    /// Digest of the indexed pages' paths and bytes, and of Pagefind's
    /// version.
    pages: String,
    /// Every file of the shard's index.
    files: Vec<String>,
}

/// What became of the indexes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Outcome {
    /// Shards made from their pages.
    pub made: usize,
    /// Shards kept from the previous site: none of their pages changed.
    pub kept: usize,
}

/// Makes (or keeps) the index of each shard.
pub fn write(
    shards: &[(String, Vec<&Indexed>)],
    old: Option<&Path>,
    staging: &Staging,
) -> Result<Outcome, SiteError> {
    let before: BTreeMap<String, ShardState> = old
        .and_then(|old| std::fs::read(old.join(state_path())).ok())
        .and_then(|text| serde_json::from_slice(&text).ok())
        .unwrap_or_default();
    let mut after: BTreeMap<String, ShardState> = BTreeMap::new();
    let mut outcome = Outcome::default();
    for (name, pages) in shards {
        let digest = digest(pages);
        let base = format!("{DIR}/{name}");
        let kept = match (old, before.get(name)) {
            (Some(old), Some(state)) if state.pages == digest => {
                staging.log(true);
                let linked = state
                    .files
                    .iter()
                    .all(|f| staging.link(old, &format!("{base}/{f}")).is_ok());
                let written = staging.log(false);
                if !linked {
                    for f in written {
                        let _ = std::fs::remove_file(staging.path(&f));
                    }
                }
                linked.then(|| state.clone())
            }
            _ => None,
        };
        let state = match kept {
            Some(state) => {
                outcome.kept += 1;
                state
            }
            None => {
                outcome.made += 1;
                let mut files = Vec::new();
                for file in build(pages, staging)? {
                    let name = file.filename.to_string_lossy().replace('\\', "/");
                    staging.write(&format!("{base}/{name}"), &file.contents)?;
                    files.push(name);
                }
                files.sort();
                ShardState {
                    pages: digest,
                    files,
                }
            }
        };
        after.insert(name.clone(), state);
    }
    let mut text = serde_json::to_vec(&after).expect("the state serialises");
    text.push(b'\n');
    staging.write(&state_path(), &text)?;
    Ok(outcome)
}

fn digest(pages: &[&Indexed]) -> String {
    let mut all = String::from("pagefind 1.6 en\n");
    for page in pages {
        all.push_str(&page.path);
        all.push(' ');
        all.push_str(&page.sha256);
        all.push('\n');
    }
    crate::pipeline::sha256_hex(all.as_bytes())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_are_quarters() {
        let d = |m| Date::from_ymd(2024, m, 15).unwrap();
        assert_eq!(shard_of(d(1)), "2024-q1");
        assert_eq!(shard_of(d(3)), "2024-q1");
        assert_eq!(shard_of(d(4)), "2024-q2");
        assert_eq!(shard_of(d(12)), "2024-q4");
    }
}
