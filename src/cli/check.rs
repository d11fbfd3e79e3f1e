//! `redress check`: case files checked without rendering anything, and
//! the files that share a reference.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::common::{DiagnosticArgs, UsageError, case_files, engine};
use super::output::{print_diagnostics, report_shared_references};
use crate::batch;
use crate::diag::{self, Format};

#[derive(Debug, Args)]
pub(super) struct CheckArgs {
    /// Case files (TOML or JSON), or folders of them (in a folder: `.toml`
    /// files, and `.json` files that are not a JSON Schema).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Treat warnings as errors (`--deny warnings`, for CI): the exit code
    /// is 1 when any case file has a warning.
    #[arg(long, value_enum, value_name = "WHAT")]
    deny: Option<Deny>,
    #[command(flatten)]
    diagnostics: DiagnosticArgs,
}

/// What `--deny` turns into errors.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Deny {
    /// Every warning.
    Warnings,
}

pub(super) fn run(args: CheckArgs) -> Result<ExitCode, UsageError> {
    let format = args.diagnostics.diagnostic_format;
    let paths = case_files(&args.paths, format)?;
    let engine = engine(None)?;
    let mut failed = Vec::new();
    let mut references = Vec::new();
    for path in &paths {
        let loaded = engine.load(path)?;
        print_diagnostics(&loaded, format);
        let denied = args.deny.is_some() && !loaded.diagnostics.is_empty();
        match &loaded.case {
            _ if loaded.has_errors() || denied => failed.push(path.clone()),
            Some(case) => references.push((path.clone(), case.case.reference.clone())),
            None => {}
        }
    }
    let shared = batch::group_references(references);
    report_shared_references(&engine, &shared, format);
    for path in &paths {
        let shares = shared.iter().any(|s| s.files.contains(path));
        if shares {
            failed.push(path.clone());
        } else if !failed.contains(path) && format != Format::Json {
            note!("ok      {}", diag::display_path(path));
        }
    }
    if !failed.is_empty() {
        let what = if args.deny.is_some() {
            "errors or warnings"
        } else {
            "errors"
        };
        note!(
            "{} of {} {} {what}",
            diag::count(failed.len(), "case file"),
            paths.len(),
            if failed.len() == 1 { "has" } else { "have" }
        );
    }
    Ok(if failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
