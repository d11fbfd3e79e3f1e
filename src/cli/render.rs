//! `redress render`: every document of each case, both variants, verified,
//! on worker threads; a line per case as it finishes, and with
//! `--emit-typst` the generated Typst of every case.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::Args;

use super::common::{DiagnosticArgs, UsageError, case_files, engine, usage, workers};
use super::output::{print_diagnostics, progress_bar, report_shared_references};
use super::{refused, review};
use crate::batch::{self, CaseOutcome};
use crate::diag::{self, Format};
use crate::pipeline::{Engine, RenderOptions};

#[derive(Debug, Args)]
pub(super) struct RenderArgs {
    /// Case files (TOML or JSON), or folders of them (in a folder: `.toml`
    /// files, and `.json` files that are not a JSON Schema).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Where to write: one folder per case reference.
    #[arg(short, long, default_value = "out")]
    out: PathBuf,
    /// Worker threads (default: the number of cores).
    #[arg(short, long)]
    jobs: Option<usize>,
    /// A folder of templates overriding the bundled ones, file by file.
    #[arg(long, value_name = "DIR")]
    templates: Option<PathBuf>,
    /// Also write the generated Typst source of every document, to
    /// `<out>/<case>.typst/`.
    #[arg(long)]
    emit_typst: bool,
    /// Withhold the publication (redacted) PDFs of a case until every
    /// finding is accepted and the review signed off (`redress review`).
    #[arg(long)]
    require_review: bool,
    /// Write each publication copy that is held back (it prints a
    /// placeholder, or a finding nobody accepted) as a preview instead:
    /// `<document>.preview.pdf`, marked PREVIEW, NOT FOR PUBLICATION on
    /// every page and in its metadata.
    #[arg(long)]
    preview: bool,
    #[command(flatten)]
    diagnostics: DiagnosticArgs,
}

pub(super) fn run(args: RenderArgs) -> Result<ExitCode, UsageError> {
    let format = args.diagnostics.diagnostic_format;
    let paths = case_files(&args.paths, format)?;
    let engine = engine(args.templates.as_deref())?;
    let started = Instant::now();
    let workers = workers(args.jobs);
    let progress = progress_bar(paths.len());
    let report = |outcome: &CaseOutcome| {
        progress.suspend(|| report_outcome(outcome, format));
        progress.inc(1);
    };
    let options = RenderOptions {
        require_review: args.require_review,
        preview: args.preview,
        ..RenderOptions::default()
    };
    let outcomes = match batch::run(&engine, &paths, &args.out, options, workers, &report) {
        Ok(outcomes) => outcomes,
        Err(shared) => {
            progress.finish_and_clear();
            report_shared_references(&engine, &shared, format);
            let files: usize = shared.iter().map(|s| s.files.len()).sum();
            note!(
                "nothing rendered: {} share {}",
                diag::count(files, "case file"),
                if shared.len() == 1 {
                    "a reference".to_string()
                } else {
                    diag::count(shared.len(), "reference")
                }
            );
            return Ok(ExitCode::from(1));
        }
    };
    progress.finish_and_clear();
    if args.emit_typst {
        emit_typst(&engine, &outcomes, &args.out)?;
    }
    let failed = outcomes.iter().filter(|o| o.failed).count();
    let held = outcomes.iter().filter(|o| o.held > 0).count();
    let documents: usize = outcomes.iter().map(|o| o.documents).sum();
    note!(
        "rendered {} of {} in {:.2} s: {}, written to `{}`{}{}",
        diag::count(outcomes.len() - failed, "case"),
        diag::count(outcomes.len(), "case"),
        started.elapsed().as_secs_f64(),
        diag::count(documents, "document"),
        diag::display_path(&args.out),
        if failed > 0 {
            format!("; {} failed", diag::count(failed, "case"))
        } else {
            String::new()
        },
        if held > 0 {
            format!(
                "; publication copies held back in {}",
                diag::count(held, "case")
            )
        } else {
            String::new()
        },
    );
    Ok(if failed > 0 || held > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn report_outcome(outcome: &CaseOutcome, format: Format) {
    let shown = diag::display_path(&outcome.path);
    if let Some(loaded) = &outcome.loaded {
        print_diagnostics(loaded, format);
    }
    match &outcome.result {
        Ok(report) if !report.held.is_empty() => {
            note!(
                "held    {} → {} ({}): {} held back, as {} what the office would not publish{}",
                shown,
                diag::display_path(&report.dir),
                diag::count(report.documents.len(), "document"),
                match report.held.len() {
                    1 => "1 publication copy".to_string(),
                    n => format!("{n} publication copies"),
                },
                if report.held.len() == 1 {
                    "it prints"
                } else {
                    "they print"
                },
                if report.held.iter().any(|h| h.preview.is_some()) {
                    "; previews written instead"
                } else {
                    "; `--preview` writes held copies marked as previews"
                },
            );
            note!(
                "{}",
                review::describe_held(&report.held, outcome.loaded.as_ref()).trim_end()
            );
        }
        Ok(report) => note!(
            "ok      {} → {} ({}, {}{}{})",
            shown,
            diag::display_path(&report.dir),
            diag::count(report.documents.len(), "document"),
            diag::count(report.redactions, "redaction"),
            match report.unreviewed.len() {
                0 => String::new(),
                n => format!(
                    ", {} to review in review-sheet.pdf",
                    diag::count(n, "finding")
                ),
            },
            match &report.publication.exception {
                Some(e) => format!("; not published: {}", e.code),
                None => String::new(),
            },
        ),
        Err(e) => {
            note!("FAILED  {shown}: {e}");
            if let (Format::Human, batch::CaseFailure::Case(e)) = (format, e)
                && let Some(explained) = refused::explain(e, outcome.loaded.as_ref())
            {
                note!("{}", explained.trim_end());
            }
        }
    }
}

/// Writes the generated Typst of every valid case to `<out>/<case>.typst/`,
/// also for cases that failed (a template bug is easiest to see there),
/// replacing that folder whole like a case folder.
fn emit_typst(
    engine: &Engine,
    outcomes: &[batch::CaseSummary],
    out: &Path,
) -> Result<(), UsageError> {
    for outcome in outcomes {
        let Some(case) = engine.load_unlinted(&outcome.path)?.case else {
            continue;
        };
        let dir = out.join(format!(
            "{}.typst",
            crate::pipeline::case_dir_name(&case.case.reference)
        ));
        let sources = engine
            .sources(&case)
            .map_err(|e| usage(e.to_string(), "fix the template"))?;
        let files: Vec<(String, &str)> = sources
            .iter()
            .map(|(source, _)| {
                let name = source.name.rsplit('/').next().unwrap_or("document");
                (format!("{name}.typ"), source.text.as_str())
            })
            .collect();
        let files: Vec<(&str, &[u8])> = files
            .iter()
            .map(|(name, text)| (name.as_str(), text.as_bytes()))
            .collect();
        crate::pipeline::replace_dir(&dir, &files).map_err(|e| {
            usage(
                e.to_string(),
                "give another `-o` folder, or move that one away",
            )
        })?;
    }
    Ok(())
}
