//! `redress verify`: any PDF verified against a case's listed identifiers.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::common::{UsageError, engine, usage, valid_case};
use super::output::stdout;
use crate::diag;

#[derive(Debug, Args)]
pub(super) struct VerifyArgs {
    /// PDFs, or folders of them (searched recursively for `.pdf` files; the
    /// internal copies, `*.unredacted.pdf` and `review-sheet.pdf`, left out).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// The case whose identifiers must not appear in them.
    #[arg(long)]
    case: PathBuf,
    /// Print the reports as JSON (categories and places, never values).
    #[arg(long)]
    json: bool,
    /// Accept PDFs that hold images (their text still cannot be verified,
    /// and the report says so).
    #[arg(long)]
    allow_images: bool,
}

pub(super) fn run(args: VerifyArgs) -> Result<ExitCode, UsageError> {
    let engine = engine(None)?;
    let case = valid_case(&engine, &args.case, false)?;
    let found = crate::verify::files::discover(&args.paths)?;
    if !found.internal.is_empty() {
        let mut whys: Vec<&str> = found.internal.iter().map(|(_, why)| *why).collect();
        whys.dedup();
        note!(
            "left out {} that {} internal ({}): name a file to verify it anyway",
            diag::count(found.internal.len(), "PDF"),
            if found.internal.len() == 1 {
                "is"
            } else {
                "are"
            },
            found
                .internal
                .iter()
                .map(|(path, why)| format!("`{}`: {why}", diag::display_path(path)))
                .take(3)
                .chain(
                    (found.internal.len() > 3)
                        .then(|| format!("and {} more", found.internal.len() - 3))
                )
                .collect::<Vec<_>>()
                .join("; ")
        );
    }
    let pdfs = found.pdfs;
    if pdfs.is_empty() {
        return Err(usage(
            "no PDFs found",
            "give PDF files, or folders holding publication (`.redacted.pdf`) or other `.pdf` files",
        ));
    }
    let checks = engine.checks(&case);
    let outcomes =
        crate::verify::files::verify_all(&pdfs, |pdf| checks.verify(pdf), args.allow_images);
    if args.json {
        say!("{}", crate::verify::files::json(&outcomes));
    } else {
        for outcome in &outcomes {
            say!("{}", outcome.line());
        }
    }
    let unreadable = outcomes.iter().filter(|o| o.report.is_err()).count();
    let refused = outcomes.iter().filter(|o| !o.clean).count() - unreadable;
    if outcomes.len() > 1 {
        note!(
            "{} of {} clean{}",
            outcomes.len() - refused - unreadable,
            diag::count(outcomes.len(), "PDF"),
            if unreadable > 0 {
                format!("; {} could not be read", diag::count(unreadable, "file"))
            } else {
                String::new()
            }
        );
    }
    Ok(if unreadable > 0 {
        ExitCode::from(2)
    } else if refused > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
