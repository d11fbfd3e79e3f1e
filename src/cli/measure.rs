//! `redress bench`, `redress corpus` and the hidden `typeset-one`: the
//! commands that measure performance and write the generated corpus it is
//! measured on.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use super::common::{UsageError, engine};
use super::output::stdout;
use crate::diag;

#[derive(Debug, Args)]
pub(super) struct CorpusArgs {
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
pub(super) struct BenchArgs {
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

pub(super) fn bench(args: BenchArgs) -> Result<ExitCode, UsageError> {
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

/// Writes the generated corpus, with each case's review file when asked.
pub(super) fn corpus(args: CorpusArgs) -> Result<ExitCode, UsageError> {
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

/// Typesets one Typst file in this process (see [`crate::bench::typeset_one`]).
pub(super) fn typeset_one(source: &Path, pdf: &PathBuf) -> Result<ExitCode, UsageError> {
    engine(None)
        .and_then(|e| crate::bench::typeset_one(&e, source, pdf).map_err(UsageError::from))
        .map(|()| ExitCode::SUCCESS)
}
