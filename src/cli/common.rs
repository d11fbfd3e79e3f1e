//! What the commands share: the usage error (exit code 2), the engine with
//! its templates, the case files found under the paths given, a case that
//! must be valid, the worker count, the diagnostics option and the date
//! parser.

use std::path::{Path, PathBuf};

use clap::Args;

use super::output::{print_diagnostics, stderr};
use crate::batch;
use crate::diag::{self, Format};
use crate::pipeline::Engine;
use crate::render::Templates;

#[derive(Debug, Args)]
pub(super) struct DiagnosticArgs {
    /// How to print problems in case files.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub(super) diagnostic_format: Format,
}

/// A date given on the command line, YYYY-MM-DD.
pub(super) fn parse_date(s: &str) -> Result<crate::case::Date, String> {
    crate::case::Date::parse_iso(s)
}

/// An error about the command itself (not a case): exit code 2.
#[derive(Debug)]
pub(super) struct UsageError {
    message: String,
    pub(super) hints: Vec<String>,
}

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<std::io::Error> for UsageError {
    fn from(e: std::io::Error) -> Self {
        Self {
            message: e.to_string(),
            hints: Vec::new(),
        }
    }
}

pub(super) fn usage(message: impl Into<String>, hint: impl Into<String>) -> UsageError {
    UsageError {
        message: message.into(),
        hints: vec![hint.into()],
    }
}

pub(super) fn engine(templates: Option<&Path>) -> Result<Engine, UsageError> {
    let templates = match templates {
        None => Templates::bundled(),
        Some(dir) => Templates::with_overrides(dir).map_err(|e| {
            usage(
                format!(
                    "cannot read templates from `{}`: {e}",
                    diag::display_path(dir)
                ),
                "give a folder of `.typ.j2` files",
            )
        })?,
    };
    let templates = templates.map_err(|e| {
        usage(
            e.to_string(),
            "fix the template, or remove it to use the bundled one",
        )
    })?;
    Ok(Engine::new(templates))
}

/// The case files under the paths given (see [`batch::discover`]), after
/// saying on the terminal what the folders held besides.
pub(super) fn case_files(paths: &[PathBuf], format: Format) -> Result<Vec<PathBuf>, UsageError> {
    let found = batch::discover(paths)?;
    if format != Format::Json
        && let Some(skipped) = found.skipped_note()
    {
        note!("note: {skipped}");
    }
    if found.files.is_empty() {
        return Err(usage(
            "no case files found",
            "give `.toml` or `.json` case files, or folders holding them",
        ));
    }
    Ok(found.files)
}

/// The workers asked for (`-j`), or one per core; typst works in parallel
/// inside a document on rayon's global pool, which is sized to match, so
/// that `-j 1` uses one core.
pub(super) fn workers(jobs: Option<usize>) -> usize {
    let workers = jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let _ = rayon::ThreadPoolBuilder::new()
        .num_threads(workers)
        .build_global();
    workers
}

/// Loads a case for a command that needs a valid one, printing its errors
/// (and its warnings too, with `warnings`: `verify` and `anonymise` say only
/// what stops them).
pub(super) fn valid_case(
    engine: &Engine,
    path: &Path,
    warnings: bool,
) -> Result<crate::case::Case, UsageError> {
    let loaded = engine.load(path)?;
    if warnings {
        print_diagnostics(&loaded, Format::Human);
    } else if loaded.has_errors() {
        let errors: Vec<diag::Diagnostic> = loaded
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .cloned()
            .collect();
        let _ = diag::emit(&mut stderr(), &loaded.file, &errors, Format::Human);
    }
    loaded.case.ok_or_else(|| {
        usage(
            format!("`{}` has errors", diag::display_path(path)),
            format!(
                "run `redress check {}` and fix what it reports",
                diag::display_path(path)
            ),
        )
    })
}
