//! `redress verify` over files and folders: which PDFs, each verified (in
//! parallel), and a line or a JSON object per file.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

use super::VerifyReport;

/// The PDFs to verify, and the PDFs of the folders left out.
#[derive(Debug, Default)]
pub struct Found {
    /// The files named, and the publication PDFs of the folders named.
    pub pdfs: Vec<PathBuf>,
    /// PDFs in the folders that are internal copies, with why they were
    /// left out.
    pub internal: Vec<(PathBuf, &'static str)>,
}

/// Why a PDF found in a folder is not verified, if it is an internal file
/// redress writes: it holds the case's real names on purpose.
pub fn internal(path: &Path) -> Option<&'static str> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    if name.ends_with(".unredacted.pdf") {
        Some("an internal copy, with real names, never published")
    } else if name == "review-sheet.pdf" {
        Some("the review sheet, internal: it shows the original values")
    } else {
        None
    }
}

/// The PDFs named, and those in folders named (recursively), each list
/// sorted; a file named directly is taken whatever its extension and name.
/// In a folder, the internal files redress writes beside the publication
/// copies (`*.unredacted.pdf`, `review-sheet.pdf`) are left out, and listed
/// in [`Found::internal`].
pub fn discover(paths: &[PathBuf]) -> std::io::Result<Found> {
    let mut out = Found::default();
    for path in paths {
        if path.is_dir() {
            let mut found = Vec::new();
            walk(path, &mut found)?;
            found.sort();
            for pdf in found {
                match internal(&pdf) {
                    Some(why) => out.internal.push((pdf, why)),
                    None => out.pdfs.push(pdf),
                }
            }
        } else {
            // A missing file is an I/O error when it is read.
            out.pdfs.push(path.clone());
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
        {
            out.push(path);
        }
    }
    Ok(())
}

/// One file verified.
#[derive(Debug)]
pub struct Outcome {
    /// The file.
    pub path: PathBuf,
    /// The report, or why the file could not be read.
    pub report: Result<VerifyReport, String>,
    /// Clean, with images allowed when they were.
    pub clean: bool,
}

/// Verifies each file by `verify`, in parallel; results in the order given.
pub fn verify_all(
    paths: &[PathBuf],
    verify: impl Fn(&[u8]) -> VerifyReport + Sync,
    allow_images: bool,
) -> Vec<Outcome> {
    paths
        .par_iter()
        .map(|path| {
            let report = std::fs::read(path)
                .map(|pdf| verify(&pdf))
                .map_err(|e| e.to_string());
            let clean = report.as_ref().is_ok_and(|r| {
                if allow_images {
                    r.is_clean_allowing_images()
                } else {
                    r.is_clean()
                }
            });
            Outcome {
                path: path.clone(),
                report,
                clean,
            }
        })
        .collect()
}

impl Outcome {
    /// "out/decision.pdf: NOT CLEAN (name on page 2)".
    pub fn line(&self) -> String {
        let shown = crate::diag::display_path(&self.path);
        match &self.report {
            Err(e) => format!("{shown}: cannot be read ({e})"),
            Ok(report) if self.clean && report.images.total() > 0 => format!(
                "{shown}: clean but for its images ({})",
                report.images_line().unwrap_or_default()
            ),
            Ok(_) if self.clean => format!("{shown}: clean"),
            Ok(report) => format!("{shown}: NOT CLEAN ({})", report.describe()),
        }
    }
}

#[derive(Serialize)]
struct FileReport<'a> {
    file: String,
    clean: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    report: Option<&'a VerifyReport>,
}

/// The outcomes as a JSON array, one object per file: categories and
/// places, never values.
pub fn json(outcomes: &[Outcome]) -> String {
    let files: Vec<FileReport<'_>> = outcomes
        .iter()
        .map(|o| FileReport {
            file: crate::diag::display_path(&o.path),
            clean: o.clean,
            error: o.report.as_ref().err().map(String::as_str),
            report: o.report.as_ref().ok(),
        })
        .collect();
    serde_json::to_string_pretty(&files).expect("reports serialise")
}
