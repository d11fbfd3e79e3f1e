//! What a case produced, or why it produced nothing: the options a case
//! is rendered with, the report of each document and of the case, the
//! errors, and the folder a case's files go to.

use std::path::PathBuf;

use serde::Serialize;

use super::refusal::PlacedLeak;
use crate::plan::PublicationDecision;
use crate::render::RenderError;
use crate::review::Held;
use crate::typeset::TypesetError;
use crate::verify::VerifyReport;

/// How a case is rendered.
#[derive(Debug, Clone, Copy, Default)]
pub struct RenderOptions {
    /// Withhold the publication (redacted) PDFs while findings nobody
    /// listed have not been reviewed.
    pub require_review: bool,
    /// Threads that typeset one case's documents side by side (when there
    /// are fewer cases than cores, as for a single case). 0 or 1: one.
    pub document_threads: usize,
    /// Write each publication copy that is held back as a preview instead
    /// (`<file>.preview.pdf`, marked PREVIEW, NOT FOR PUBLICATION on every
    /// page and in its metadata). Never the default.
    pub preview: bool,
}

/// Why a case produced no documents.
#[derive(Debug, thiserror::Error)]
pub enum CaseError {
    /// The case file has errors (reported as diagnostics).
    #[error("the case file has {0}")]
    Invalid(String),
    /// A template failed.
    #[error("{0}")]
    Render(#[from] RenderError),
    /// Typst failed on a generated document.
    #[error("`{document}`: {error}")]
    Typeset {
        /// The document.
        document: String,
        /// What went wrong.
        error: TypesetError,
    },
    /// Findings nobody listed are unreviewed and `--require-review` was given:
    /// the publication PDFs were withheld.
    #[error("publication PDFs withheld: {}", unreviewed_reason(ids, *signed_off))]
    Unreviewed {
        /// The finding ids not yet accepted.
        ids: Vec<String>,
        /// Whether the review is signed off.
        signed_off: bool,
    },
    /// A redacted document could not be proven clean; nothing was written.
    #[error("`{document}` was not written: {}", report.describe())]
    NotClean {
        /// The document.
        document: String,
        /// What verification found (categories and places, no values);
        /// boxed, as it is most of the error's size.
        report: Box<VerifyReport>,
        /// Each leak placed for the investigator (with the published words
        /// around it): for the terminal only.
        refused: Vec<PlacedLeak>,
    },
    /// Writing the output failed.
    #[error("cannot write `{path}`: {error}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The error.
        error: std::io::Error,
    },
}

/// Why `--require-review` withheld a case's publication copies, and how to
/// release them.
fn unreviewed_reason(ids: &[String], signed_off: bool) -> String {
    let mut parts = Vec::new();
    if !ids.is_empty() {
        parts.push(format!(
            "{} not reviewed ({}): check them in review-sheet.pdf and accept the ones that are right with `redress review CASE --accept ID --by NAME`",
            crate::diag::count(ids.len(), "finding"),
            ids.join(", ")
        ));
    }
    if !signed_off {
        parts.push(
            "the review is not signed off: `redress review CASE --sign-off NAME` once it is done"
                .into(),
        );
    }
    parts.join("; ")
}

/// One document made for a case.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentReport {
    /// The file name, relative to the case folder.
    pub file: String,
    /// The document's title.
    pub title: String,
    /// Size in bytes.
    pub bytes: usize,
    /// Pages.
    pub pages: usize,
    /// SHA-256 of the file, hex.
    pub sha256: String,
    /// For redacted documents: the verification result.
    pub verification: Verification,
}

/// What verification said about a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verification {
    /// A publication copy, proven clean of every listed identifier.
    Clean,
    /// Not checked: the internal copy with real names, NOT FOR PUBLICATION.
    NotForPublication,
    /// Not checked: the review sheet, internal and showing originals.
    Internal,
    /// A preview of a publication copy that is held back, proven clean of
    /// every listed identifier but marked PREVIEW, NOT FOR PUBLICATION.
    Preview,
}

/// What one case produced.
#[derive(Debug, Clone, Serialize)]
pub struct CaseReport {
    /// The case reference.
    pub reference: String,
    /// The folder the files are in.
    #[serde(skip)]
    pub dir: PathBuf,
    /// The documents, in plan order.
    pub documents: Vec<DocumentReport>,
    /// How many replacements the anonymiser made.
    pub redactions: usize,
    /// Findings nobody listed that are not yet reviewed.
    pub unreviewed: Vec<String>,
    /// The publication copies held back, and why.
    pub held: Vec<Held>,
    /// Whether and when the decision is published, and why not.
    pub publication: PublicationDecision,
}

/// `23 004 118` → `23-004-118`, the form LGSCO uses in addresses.
pub fn case_dir_name(reference: &str) -> String {
    reference.trim().replace(' ', "-")
}
