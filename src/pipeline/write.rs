//! The write stage: a case's files, made and verified in memory, become its
//! folder on disk whole or not at all.
//!
//! The files are written into a fresh folder beside the destination (a
//! hidden name, created exclusively: the staged-folder writer,
//! [`crate::staged`], which the site uses too), each created exclusively
//! (never through a link planted at its name), read back and compared with
//! what was verified. Only then is the new folder swapped for the old one
//! in one rename, and the old one removed. So a case folder always holds exactly
//! what its manifest lists (nothing stale from an earlier render), and a
//! failure, even a panic, leaves the previous folder as it was and no
//! temporary folder behind.
//!
//! A folder is replaced only when it looks like one redress wrote (files
//! named `*.pdf`, `*.json`, `*.typ`, no subfolders, no links): anything
//! else in its place is an error, never deleted.

use std::fs;
use std::path::Path;

use serde::Serialize;

use super::{CaseError, DocumentReport, Made, case_dir_name, sha256_hex};
use crate::anonymise::{self, Redactions};
use crate::case::Case;
use crate::plan::PublicationDecision;
use crate::review::ReviewSheet;
use crate::staged::{StagedDir, write_new};

/// Names a test sets to make the writing of one case panic after its first
/// file is staged (the case reference, in either form): how the tests prove
/// that a panicking case is isolated and leaves its old folder untouched.
pub const TEST_PANIC_ENV: &str = "REDRESS_TEST_PANIC_WRITING";

/// Writes every file of a case into `dir`, replacing what was there whole.
pub(super) fn write_case(
    dir: &Path,
    case: &Case,
    made: &[Made],
    redactions: &Redactions,
    sheet: &ReviewSheet,
    publication: &PublicationDecision,
) -> Result<Vec<DocumentReport>, CaseError> {
    let documents: Vec<DocumentReport> = made.iter().map(document_report).collect();
    let redaction_json = json(&redaction_log(case, redactions));
    let review_json = json(sheet);
    let manifest = json(&Manifest {
        generator: format!("redress {}", env!("CARGO_PKG_VERSION")),
        reference: &case.case.reference,
        documents: &documents,
        held: &sheet.held,
        redactions: ManifestFile::of("redactions.json", &redaction_json),
        review: ManifestFile::of("review.json", &review_json),
        publication,
    });
    let mut files: Vec<(&str, &[u8])> = made
        .iter()
        .map(|m| (m.file.as_str(), m.pdf.as_slice()))
        .collect();
    files.extend([
        ("redactions.json", redaction_json.as_slice()),
        ("review.json", review_json.as_slice()),
        ("manifest.json", manifest.as_slice()),
    ]);
    replace_dir(dir, &files)?;
    Ok(documents)
}

fn document_report(m: &Made) -> DocumentReport {
    DocumentReport {
        file: m.file.clone(),
        title: m.title.clone(),
        bytes: m.pdf.len(),
        pages: m.pages,
        sha256: sha256_hex(&m.pdf),
        verification: m.verification,
    }
}

fn json(value: &impl Serialize) -> Vec<u8> {
    let mut text = serde_json::to_vec_pretty(value).expect("reports serialise");
    text.push(b'\n');
    text
}

/// Writes `files` as the folder `dest`, staged beside it and swapped in
/// whole; the previous folder, if any, is removed once the new one is in
/// place. On any failure `dest` is left as it was.
pub fn replace_dir(dest: &Path, files: &[(&str, &[u8])]) -> Result<(), CaseError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |error| CaseError::Io { path, error }
    };
    let (parent, name) = split_dest(dest).map_err(io(dest))?;
    for (file, _) in files {
        check_name(file).map_err(io(&dest.join(file)))?;
    }
    fs::create_dir_all(parent).map_err(io(parent))?;
    let existing = replaceable(dest).map_err(io(dest))?;
    let staging = StagedDir::beside(parent, name).map_err(io(dest))?;
    for (i, (file, bytes)) in files.iter().enumerate() {
        write_new(&staging.path().join(file), bytes).map_err(io(&dest.join(file)))?;
        if i == 0 {
            test_panic(name);
        }
    }
    staging.put_in_place(dest, existing).map_err(io(dest))
}

/// The folder that will hold `dest`, and `dest`'s own name, which must be
/// one plain path component.
fn split_dest(dest: &Path) -> std::io::Result<(&Path, &str)> {
    // The name as written: `Path` reads `out/x/.` as `out/x`.
    let written = dest.to_str().and_then(|d| d.rsplit(['/', '\\']).next());
    let name = dest.file_name().and_then(|n| n.to_str()).unwrap_or("");
    check_name(written.unwrap_or(""))?;
    check_name(name)?;
    if written != Some(name) {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!("`{}` is not a plain folder name", dest.display()),
        ));
    }
    let parent = match dest.parent() {
        Some(p) if p.as_os_str().is_empty() => Path::new("."),
        Some(p) => p,
        None => Path::new("."),
    };
    Ok((parent, name))
}

/// A name redress writes must be one path component: not empty, not
/// hidden (`.` starts the staging names), no separator, no control
/// character. Case files are validated so that theirs always are; this
/// refuses what a program building a [`Case`] by hand might pass.
fn check_name(name: &str) -> std::io::Result<()> {
    let bad = name.is_empty()
        || name.starts_with('.')
        || name.len() > 200
        || name
            .chars()
            .any(|c| matches!(c, '/' | '\\' | ':') || c.is_control());
    if bad {
        Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!("`{}` cannot be a file name", name.escape_debug()),
        ))
    } else {
        Ok(())
    }
}

/// Whether `dest` exists as a folder redress may replace; an error when
/// something else is there.
fn replaceable(dest: &Path) -> std::io::Result<bool> {
    let meta = match fs::symlink_metadata(dest) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(e),
    };
    let refuse = |what: String| {
        Err(std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            format!("{what}: move it away, and redress will write the case folder there"),
        ))
    };
    if meta.file_type().is_symlink() {
        return refuse(
            "a link is in the case folder's place, and redress never writes through one".into(),
        );
    }
    if !meta.is_dir() {
        return refuse("a file that is not a folder is in the case folder's place".into());
    }
    for entry in fs::read_dir(dest)? {
        let entry = entry?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let ours = entry.file_type()?.is_file()
            && [".pdf", ".json", ".typ", ".tmp"]
                .iter()
                .any(|ext| name.ends_with(ext));
        if !ours {
            return refuse(format!(
                "the folder holds `{name}`, which redress did not write"
            ));
        }
    }
    Ok(true)
}

/// The test hook of [`TEST_PANIC_ENV`].
fn test_panic(dir_name: &str) {
    if let Ok(reference) = std::env::var(TEST_PANIC_ENV)
        && case_dir_name(&reference) == dir_name
    {
        panic!("{TEST_PANIC_ENV} is set for `{reference}`: a panic while writing, for the tests");
    }
}

#[derive(Serialize)]
struct RedactionLog<'a> {
    reference: &'a str,
    note: &'static str,
    summary: Vec<anonymise::SummaryRow>,
    entries: &'a [anonymise::Redaction],
    rewrites: &'a [anonymise::Rewrite],
}

fn redaction_log<'a>(case: &'a Case, redactions: &'a Redactions) -> RedactionLog<'a> {
    RedactionLog {
        reference: &case.case.reference,
        note: "start and end are byte offsets into the case-file field named, published_start and published_end into the same field as published; original values are never recorded here",
        summary: redactions.summary(),
        entries: &redactions.entries,
        rewrites: &redactions.rewrites,
    }
}

/// Every file of a case folder with its hash and verification (the folder
/// holds these and `manifest.json`, nothing else).
#[derive(Serialize)]
struct Manifest<'a> {
    generator: String,
    reference: &'a str,
    documents: &'a [DocumentReport],
    /// The publication copies held back (not written), and why: what they
    /// would print (a placeholder or a label), never an original value.
    held: &'a [super::Held],
    redactions: ManifestFile,
    review: ManifestFile,
    /// Whether the decision is published, or why not.
    publication: &'a PublicationDecision,
}

#[derive(Serialize)]
struct ManifestFile {
    file: &'static str,
    sha256: String,
}

impl ManifestFile {
    fn of(file: &'static str, bytes: &[u8]) -> Self {
        Self {
            file,
            sha256: sha256_hex(bytes),
        }
    }
}

#[cfg(test)]
mod tests;
