//! What a site keeps of each case so that the next run need not make it
//! again: `SITE/.redress/`, written with the site and replaced with it.
//!
//! A case's key is a digest of its case file's bytes, of every template
//! and word its pages and PDFs are made from, and of the redress version.
//! Beside the key the store keeps the span of days on which the case looks
//! the same ([`super::view::Span`]), the files it put on the site (with
//! their sizes), what the listings need of it ([`super::entry::Entry`]) and
//! its records. A later run whose case file, templates, version and day
//! fall within all that takes the case's files from the old site as they
//! are (hard links into the new one) instead of making them again; so an
//! unchanged re-run makes nothing, and a site kept up run by run is the
//! same, byte for byte, as one made from nothing (`--full`).
//!
//! The store holds no case text that the site does not publish: digests,
//! references, the published records and entries. It is build state, not
//! part of the published site: deploy the site without its dot-folders.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::entry::Entry;
use super::html::HtmlTemplates;
use super::record::Record;
use super::view::Span;
use crate::pipeline::{Engine, sha256_hex};

/// The store's folder under the site root.
pub const DIR: &str = ".redress";

/// The store's own format: a change here makes every case again.
const FORMAT: &str = "redress site store 1";

/// What makes a case's key besides its file: the version and templates.
pub struct Keys {
    build: String,
}

impl Keys {
    /// The keys of this run's engine and templates.
    pub fn new(engine: &Engine, html: &HtmlTemplates) -> Self {
        let build = format!(
            "{FORMAT}\nredress {}\n{}\n{}\n",
            env!("CARGO_PKG_VERSION"),
            engine.templates().fingerprint(),
            html.fingerprint()
        );
        Self {
            build: sha256_hex(build.as_bytes()),
        }
    }

    /// The digest of the version and templates.
    pub fn build(&self) -> &str {
        &self.build
    }

    /// The key of a case file's bytes.
    pub fn of(&self, bytes: &[u8]) -> String {
        let mut all = Vec::with_capacity(bytes.len() + 65);
        all.extend_from_slice(self.build.as_bytes());
        all.push(b'\n');
        all.extend_from_slice(bytes);
        sha256_hex(&all)
    }
}

/// What the store keeps of one case.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Stored {
    /// Its key.
    pub key: String,
    /// The days on which it looks as stored.
    pub span: Span,
    /// The case reference (empty when nothing of the case is shown: the
    /// store names no case that is not published).
    pub reference: String,
    /// Every reference the case file uses, as digests of the slugs its
    /// pages would be named by (for duplicates).
    pub claims: Vec<String>,
    /// The references of the records shown.
    pub records: Vec<String>,
    /// How many documents are shown.
    pub documents: usize,
    /// Why nothing is shown, when nothing is.
    pub absent: Option<String>,
    /// Its files on the site.
    pub files: Vec<StoredFile>,
    /// What the listings need of it.
    pub entry: Option<Entry>,
}

/// One file of a case on the site.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StoredFile {
    /// Its path under the site root.
    pub path: String,
    /// Its size, checked before it is reused.
    pub bytes: u64,
}

/// The stored case's file, under the site root.
pub fn case_path(key: &str) -> String {
    format!("{DIR}/cases/{key}.json")
}

/// The stored records' file, under the site root.
pub fn records_path(key: &str) -> String {
    format!("{DIR}/records/{key}.json")
}

/// A stored case of the site at `site`, if it is there, can be read, and
/// its files are all in place.
pub fn read(site: &Path, key: &str) -> Option<Stored> {
    let text = std::fs::read(site.join(case_path(key))).ok()?;
    let stored: Stored = serde_json::from_slice(&text).ok()?;
    if stored.key != key {
        return None;
    }
    let in_place = stored.files.iter().all(|f| {
        std::fs::symlink_metadata(site.join(&f.path))
            .is_ok_and(|m| m.is_file() && m.len() == f.bytes)
    });
    let records = stored.entry.is_none() || site.join(records_path(key)).is_file();
    (in_place && records).then_some(stored)
}

/// The stored records of a case, from the folder they were written to.
pub fn read_records(dir: &Path, key: &str) -> std::io::Result<Vec<Record>> {
    let text = std::fs::read(dir.join(records_path(key)))?;
    serde_json::from_slice(&text).map_err(std::io::Error::other)
}

/// The bytes of a stored case and of its records.
pub fn serialise(stored: &Stored, records: &[Record]) -> (Vec<u8>, Vec<u8>) {
    let mut case = serde_json::to_vec(stored).expect("the store serialises");
    case.push(b'\n');
    let mut records = serde_json::to_vec(records).expect("records serialise");
    records.push(b'\n');
    (case, records)
}
