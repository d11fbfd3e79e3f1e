//! Each case file as first read, before anything is made: its bytes
//! keyed (with the review file beside it), what the site's store kept of
//! it looked up, and the references it uses claimed in the order the files
//! were given, so that a later file reusing one fails.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::super::html;
use super::super::store::{self, Keys, Stored};
use crate::case::Date;
use crate::pipeline::Engine;

/// One case file as first read.
pub(super) struct Scanned {
    pub(super) stored: Option<Stored>,
    pub(super) claims: Option<Vec<String>>,
    pub(super) unreadable: Option<std::io::Error>,
}

/// Reads a case file, keys it and looks for what the store kept of it;
/// loads it for its references when nothing was kept.
pub(super) fn scan(
    engine: &Engine,
    keys: &Keys,
    path: &Path,
    old: Option<&Path>,
    as_of: Date,
) -> Scanned {
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
        None => {
            let mut loaded = crate::case::load_bytes(path, &bytes, engine.coverage());
            crate::lint::check_plan(&mut loaded);
            loaded.case.map(|case| claims_of(&case))
        }
    };
    Scanned {
        stored,
        claims,
        unreadable: None,
    }
}

/// A case's key: its file's bytes and those of the review file beside it
/// (what publication staff accepted decides what may be published too).
pub(super) fn case_key(keys: &Keys, path: &Path, bytes: &[u8]) -> String {
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

/// A case file's bytes, read no further than the largest a case file may
/// be (and one byte more, for the loader to refuse).
pub(super) fn read_case_file(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(crate::case::MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Every reference a case uses, as digests of the slugs its pages are
/// named by (so that the store names no case that is not published).
pub(super) fn claims_of(case: &crate::case::Case) -> Vec<String> {
    let mut references: Vec<String> = case.bodies.iter().map(|b| claim(&b.reference)).collect();
    references.push(claim(&case.case.reference));
    references.sort();
    references.dedup();
    references
}

/// A reference's claim: the digest of its slug.
pub(super) fn claim(reference: &str) -> String {
    crate::pipeline::sha256_hex(html::slug(reference).as_bytes())
}

/// The first case file to use a reference keeps it; a later one fails.
pub(super) fn claim_references(
    paths: &[PathBuf],
    scanned: &[Scanned],
) -> Vec<Option<(String, PathBuf)>> {
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
