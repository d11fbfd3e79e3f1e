//! `redress verify` over files and folders: which PDFs, each verified (in
//! parallel), and a line or a JSON object per file.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

use super::VerifyReport;

/// The PDFs named, and those in folders named (recursively), each list
/// sorted; a file named directly is taken whatever its extension.
pub fn discover(paths: &[PathBuf]) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found = Vec::new();
            walk(path, &mut found)?;
            found.sort();
            out.extend(found);
        } else {
            // A missing file is an I/O error when it is read.
            out.push(path.clone());
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
