//! The command line: arguments (clap) and what each command does.
//!
//! Exit codes: 0 when everything succeeded, 1 when some case failed (the
//! others are still done), 2 for usage and I/O errors.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Args, Parser, Subcommand};
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};

use crate::anonymise;
use crate::batch::{self, CaseOutcome};
use crate::case::Loaded;
use crate::diag::{self, Format};
use crate::pipeline::{Engine, RenderOptions};
use crate::render::Templates;

/// `eprintln!` that never panics: a message to a closed standard error
/// (`2>&1 | head -1`) is dropped.
macro_rules! note {
    ($($arg:tt)*) => {{
        let _ = std::io::Write::write_fmt(
            &mut std::io::stderr(),
            format_args!("{}\n", format_args!($($arg)*)),
        );
    }};
}

/// `println!` for a command's output: a reader that has gone away
/// (`redress plan … | head -1`) ends it quietly; other errors are errors.
macro_rules! say {
    ($($arg:tt)*) => {
        writeln!(stdout(), $($arg)*)?
    };
}

/// A command's standard output: once the reader has gone away (a broken
/// pipe), what is written is dropped, quietly.
struct Quiet<W>(W);

impl<W: Write> Write for Quiet<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self.0.write(buf) {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(buf.len()),
            result => result,
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self.0.flush() {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            result => result,
        }
    }
}

fn stdout() -> Quiet<std::io::StdoutLock<'static>> {
    Quiet(std::io::stdout().lock())
}

mod desk;
mod publish;
mod refused;
mod review;
mod watch;

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
    Render(RenderArgs),
    /// Check case files without rendering anything.
    Check(CheckArgs),
    /// Verify any PDF against a case's listed identifiers.
    Verify(VerifyArgs),
    /// Anonymise a text file with a case's identifiers.
    Anonymise(AnonymiseArgs),
    /// Print the documents a case calls for.
    Plan(PlanArgs),
    /// Write the website of the published decisions: records, accessible
    /// HTML, the verified PDFs, records.json and an Atom feed.
    Publish(PublishArgs),
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
    Bench(BenchArgs),
    /// Write a synthetic corpus of case files (deterministic from a seed).
    Corpus(CorpusArgs),
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

#[derive(Debug, Args)]
struct CorpusArgs {
    /// How many case files.
    #[arg(long, default_value_t = 100)]
    cases: usize,
    /// The seed: the same seed gives the same files.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The folder to write them to.
    #[arg(short, long)]
    out: PathBuf,
    /// Write beside each case the review file publication staff would
    /// write (every finding that may be accepted accepted, the review
    /// signed off), so that `publish` takes the cases as an archive.
    #[arg(long)]
    reviewed: bool,
}

#[derive(Debug, Args)]
struct BenchArgs {
    /// A short run (under two minutes on two cores): memory over 600
    /// documents instead of 10,000.
    #[arg(long)]
    quick: bool,
    /// The corpus seed.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Only the publishing figure, at about this many records (and a tenth
    /// of that): `--site 2000`.
    #[arg(long, value_name = "RECORDS")]
    site: Option<usize>,
}

#[derive(Debug, Args)]
struct RenderArgs {
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

#[derive(Debug, Args)]
struct CheckArgs {
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

#[derive(Debug, Args)]
struct DiagnosticArgs {
    /// How to print problems in case files.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    diagnostic_format: Format,
}

#[derive(Debug, Args)]
struct VerifyArgs {
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

#[derive(Debug, Args)]
struct AnonymiseArgs {
    /// A UTF-8 text file.
    text: PathBuf,
    /// The case whose identifiers to replace.
    #[arg(long)]
    case: PathBuf,
    /// Print JSON spans (byte offsets) and the redacted text instead.
    #[arg(long)]
    spans: bool,
}

#[derive(Debug, Args)]
struct PublishArgs {
    /// Case files (TOML or JSON), or folders of them (in a folder: `.toml`
    /// files, and `.json` files that are not a JSON Schema).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// The site folder (replaced whole on each run).
    #[arg(short, long, default_value = "site")]
    out: PathBuf,
    /// The day the site shows, YYYY-MM-DD (default: today): an embargo on
    /// everything. Documents, compliance, escalation, feed entries and
    /// records.json say only what is dated on or before it.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    as_of: Option<crate::case::Date>,
    /// The site's address, which the feeds, records.json and the sitemap
    /// link under (default: http://localhost:8000/).
    #[arg(long, value_name = "URL", value_parser = parse_base_url)]
    base_url: Option<String>,
    /// Decisions per listing page.
    #[arg(long, value_name = "N", default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..=500))]
    page_size: u32,
    /// Make every case again, ignoring what the site kept from its last
    /// run (by default only cases whose case file, templates or redress
    /// version changed, or whose view changed by `--as-of`, are made).
    #[arg(long)]
    full: bool,
    /// Worker threads (default: the number of cores).
    #[arg(short, long)]
    jobs: Option<usize>,
    /// A folder of templates overriding the bundled ones, file by file
    /// (`*.html.j2` and `terms.toml` for the pages).
    #[arg(long, value_name = "DIR")]
    templates: Option<PathBuf>,
    #[command(flatten)]
    diagnostics: DiagnosticArgs,
}

/// An http(s) address, given a closing `/` if it has none.
fn parse_base_url(s: &str) -> Result<String, String> {
    let s = s.trim();
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
        .ok_or("give the site's address starting https:// (or http://)")?;
    if rest.is_empty()
        || rest.starts_with('/')
        || s.chars()
            .any(|c| c.is_whitespace() || c == '"' || c == '<' || c == '>')
    {
        return Err("not a web address: give it as https://host/path/".into());
    }
    Ok(if s.ends_with('/') {
        s.to_string()
    } else {
        format!("{s}/")
    })
}

fn parse_date(s: &str) -> Result<crate::case::Date, String> {
    crate::case::Date::parse_iso(s)
}

#[derive(Debug, Args)]
struct PlanArgs {
    /// The case file.
    case: PathBuf,
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
        Command::Render(args) => render(args),
        Command::Check(args) => check(args),
        Command::Verify(args) => verify(args),
        Command::Anonymise(args) => anonymise_file(args),
        Command::Plan(args) => plan(args),
        Command::Publish(args) => publish::run(args),
        Command::New(args) => desk::new(args),
        Command::Schema(args) => desk::schema(args),
        Command::Watch(args) => watch::run(args),
        Command::Review(args) => review::run(args),
        Command::Bench(args) => bench(args),
        Command::Corpus(args) => {
            let paths = crate::corpus::write(&args.out, args.seed, args.cases)?;
            if args.reviewed {
                let engine = engine(None)?;
                for path in &paths {
                    crate::bench::review_as_staff_would(&engine, path)?;
                }
            }
            note!(
                "wrote {}{} to `{}`",
                diag::count(paths.len(), "case file"),
                if args.reviewed {
                    ", each with its review file"
                } else {
                    ""
                },
                diag::display_path(&args.out)
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::TypesetOne { source, pdf } => engine(None)
            .and_then(|e| crate::bench::typeset_one(&e, &source, &pdf).map_err(UsageError::from))
            .map(|()| ExitCode::SUCCESS),
    }
}

/// An error about the command itself (not a case): exit code 2.
#[derive(Debug)]
struct UsageError {
    message: String,
    hints: Vec<String>,
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

fn usage(message: impl Into<String>, hint: impl Into<String>) -> UsageError {
    UsageError {
        message: message.into(),
        hints: vec![hint.into()],
    }
}

fn engine(templates: Option<&Path>) -> Result<Engine, UsageError> {
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

fn stderr() -> StandardStream {
    let choice = if std::io::stderr().is_terminal() {
        ColorChoice::Auto
    } else {
        ColorChoice::Never
    };
    StandardStream::stderr(choice)
}

fn print_diagnostics(loaded: &Loaded, format: Format) {
    if loaded.diagnostics.is_empty() {
        return;
    }
    let mut err = stderr();
    let _ = diag::emit(&mut err, &loaded.file, &loaded.diagnostics, format);
}

/// The case files under the paths given (see [`batch::discover`]), after
/// saying on the terminal what the folders held besides.
fn case_files(paths: &[PathBuf], format: Format) -> Result<Vec<PathBuf>, UsageError> {
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

fn render(args: RenderArgs) -> Result<ExitCode, UsageError> {
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

/// The workers asked for (`-j`), or one per core; typst works in parallel
/// inside a document on rayon's global pool, which is sized to match, so
/// that `-j 1` uses one core.
fn workers(jobs: Option<usize>) -> usize {
    let workers = jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let _ = rayon::ThreadPoolBuilder::new()
        .num_threads(workers)
        .build_global();
    workers
}

fn progress_bar(len: usize) -> indicatif::ProgressBar {
    if len < 2 || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len as u64);
    let style = indicatif::ProgressStyle::with_template(
        "{bar:40} {pos}/{len} cases  {elapsed} (about {eta} left)",
    )
    .expect("a valid template");
    bar.set_style(style);
    bar
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

/// Prints, for each file that shares its reference with another, where.
fn report_shared_references(engine: &Engine, shared: &[batch::SharedReference], format: Format) {
    for group in shared {
        for loaded in group.explain(engine) {
            print_diagnostics(&loaded, format);
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
        let Some(case) = engine.load(&outcome.path)?.case else {
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

fn check(args: CheckArgs) -> Result<ExitCode, UsageError> {
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

/// Loads a case for a command that needs a valid one, printing its errors
/// (and its warnings too, with `warnings`: `verify` and `anonymise` say only
/// what stops them).
fn valid_case(
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

fn verify(args: VerifyArgs) -> Result<ExitCode, UsageError> {
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
        eprintln!(
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

fn anonymise_file(args: AnonymiseArgs) -> Result<ExitCode, UsageError> {
    let engine = engine(None)?;
    let case = valid_case(&engine, &args.case, false)?;
    let text = std::fs::read_to_string(&args.text)?;
    let (_, ids) = engine.identifiers(&case);
    let (redacted, hits) = anonymise::anonymise_text(&text, &ids);
    let mut out = stdout();
    if args.spans {
        let predictions: Vec<serde_json::Value> = hits
            .iter()
            .filter(|h| h.source != anonymise::Source::Flagged)
            .map(|h| serde_json::json!({"type": h.category.bench_type(), "start": h.range.start, "end": h.range.end}))
            .collect();
        let json = serde_json::json!({"predictions": predictions, "redacted_text": redacted});
        writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&json).expect("json serialises")
        )?;
    } else {
        write!(out, "{redacted}")?;
    }
    Ok(ExitCode::SUCCESS)
}

fn bench(args: BenchArgs) -> Result<ExitCode, UsageError> {
    let engine = engine(None)?;
    let mut config = if args.quick {
        crate::bench::BenchConfig::quick()
    } else {
        crate::bench::BenchConfig::full()
    };
    config.seed = args.seed;
    match args.site {
        Some(records) => crate::bench::run_site(&engine, records, args.seed, &mut stdout())?,
        None => crate::bench::run(&engine, config, &mut stdout())?,
    }
    Ok(ExitCode::SUCCESS)
}

fn plan(args: PlanArgs) -> Result<ExitCode, UsageError> {
    let engine = engine(None)?;
    let case = valid_case(&engine, &args.case, true)?;
    let plan = crate::plan::plan(&case);
    let publication = engine.publication(&case, &plan);
    for state in crate::plan::states(&case) {
        let standing = match (state.at_fault, state.non_compliant) {
            (false, _) => "not at fault",
            (true, false) => "at fault; remedies agreed or done",
            (true, true) => "at fault; will not put things right",
        };
        say!("{} ({}): {standing}", state.body.name, state.body.reference);
    }
    say!();
    let width = plan.iter().map(|d| d.file.len()).max().unwrap_or(0);
    for doc in &plan {
        let to = match &doc.recipient {
            None => String::new(),
            Some(crate::plan::Recipient::Complainant) => " to the complainant".into(),
            Some(crate::plan::Recipient::All) => " to everyone".into(),
            Some(crate::plan::Recipient::Body(id)) => {
                format!(
                    " to {}",
                    case.body(id).map_or(id.as_str(), |b| b.short_name.as_str())
                )
            }
        };
        let kind = match doc.kind {
            crate::plan::DocKind::Letter(code) => format!("{}{to}", code.code()),
            _ => doc.title.clone(),
        };
        let copy = match doc.copies {
            crate::plan::Copies::InternalOnly => "  (internal copy only)",
            crate::plan::Copies::AnonymisedOnly => "  (anonymised, to the parties only)",
            _ if publication.makes_publication_copy(doc) => "",
            _ => "  (no publication copy)",
        };
        say!(
            "{:<width$}  {}  {kind}  [{}]{copy}",
            doc.file,
            doc.date,
            doc.powers
        );
    }
    let pending = crate::plan::pending(&case);
    if !pending.is_empty() {
        say!();
        for step in &pending {
            let body = case
                .body(&step.body)
                .map_or(step.body.as_str(), |b| b.short_name.as_str());
            say!(
                "pending  {}: {body} will not comply; no document is made until the step is recorded (`kind = \"{}\"` under [[escalation.events]], with its date)",
                step.what,
                step.event
            );
        }
    }
    say!();
    publish::print_publication(&mut stdout(), &case, &publication)?;
    Ok(ExitCode::SUCCESS)
}
