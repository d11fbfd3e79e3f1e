//! The command line: arguments (clap) and what each command does. This
//! module parses the command and hands it to the module that runs it (one
//! per command or group of commands); what they share is in `common`, what
//! they print and how in `output`.
//!
//! Exit codes: 0 when everything succeeded, 1 when some case failed (the
//! others are still done), 2 for usage and I/O errors.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[macro_use]
mod output;

mod anonymise;
mod check;
mod common;
mod desk;
mod measure;
mod plan;
mod publish;
mod refused;
mod render;
mod review;
mod verify;
mod watch;

use common::{UsageError, usage};

/// Turns the facts of an ombudsman complaint into verified, anonymised PDFs.
#[derive(Debug, Parser)]
#[command(name = "redress", version, about, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Render every document of each case, both variants, verified.
    Render(render::RenderArgs),
    /// Check case files without rendering anything.
    Check(check::CheckArgs),
    /// Verify any PDF against a case's listed identifiers.
    Verify(verify::VerifyArgs),
    /// Anonymise a text file with a case's identifiers.
    Anonymise(anonymise::AnonymiseArgs),
    /// Print the documents a case calls for.
    Plan(plan::PlanArgs),
    /// Write the website of the published decisions: records, accessible
    /// HTML, the verified PDFs, records.json and an Atom feed.
    Publish(publish::PublishArgs),
    /// Write a commented starter case file that passes `check` and renders.
    New(desk::NewArgs),
    /// Print the JSON Schema of the case file, for editors.
    Schema(desk::SchemaArgs),
    /// Re-render a case on every save; `--serve` shows a live preview.
    Watch(watch::WatchArgs),
    /// Show a case's findings, accept them and sign the review off
    /// (publication staff), in a review file beside the case file.
    Review(review::ReviewArgs),
    /// Measure performance on a generated corpus and print the figures.
    Bench(measure::BenchArgs),
    /// Write a synthetic corpus of case files (deterministic from a seed).
    Corpus(measure::CorpusArgs),
    /// Typeset one Typst file in this process (the benchmark's anchor for
    /// typst run as one process per document).
    #[command(hide = true)]
    TypesetOne {
        /// The Typst source.
        source: PathBuf,
        /// Where to write the PDF.
        pdf: PathBuf,
    },
}

/// Runs the command line; the exit code to return.
pub fn run(cli: Cli) -> ExitCode {
    // A panic is a bug: it is reported as one, like any other error, and
    // never reaches the user as a panic (a batch's cases are each isolated
    // on their own, so one case's bug fails only that case).
    let result = crate::batch::isolate(|| dispatch(cli.command)).unwrap_or_else(|panic| {
        Err(usage(
            format!("redress failed with an internal error: {panic}"),
            "this is a bug in redress: please report it, with the command that caused it",
        ))
    });
    match result {
        Ok(code) => code,
        Err(e) => {
            note!("error: {e}");
            for hint in e.hints {
                note!("hint: {hint}");
            }
            ExitCode::from(2)
        }
    }
}

fn dispatch(command: Command) -> Result<ExitCode, UsageError> {
    match command {
        Command::Render(args) => render::run(args),
        Command::Check(args) => check::run(args),
        Command::Verify(args) => verify::run(args),
        Command::Anonymise(args) => anonymise::run(args),
        Command::Plan(args) => plan::run(args),
        Command::Publish(args) => publish::run(args),
        Command::New(args) => desk::new(args),
        Command::Schema(args) => desk::schema(args),
        Command::Watch(args) => watch::run(args),
        Command::Review(args) => review::run(args),
        Command::Bench(args) => measure::bench(args),
        Command::Corpus(args) => measure::corpus(args),
        Command::TypesetOne { source, pdf } => measure::typeset_one(&source, &pdf),
    }
}
