//! `redress bench`: whole-run performance figures you can quote.
//!
//! Everything is measured on a generated corpus ([`corpus`](crate::corpus)),
//! against typst's own compile + export of the very documents redress
//! generates (the floor no pipeline built on typst can beat):
//!
//! | figure | how |
//! | --- | --- |
//! | typst floor | compile + export of each generated source, in this process, each alone with typst's memo emptied |
//! | pipeline | load, anonymise, plan, render, typeset, verify, write, per document; each case timed beside its floor |
//! | anonymise, verify | the stages alone |
//! | throughput | `redress render` run as a child process with 1, 2 (and N) workers |
//! | memory | resident memory of that child sampled as cases finish |
//! | cold start | `redress render` of one case, process start to exit |
//! | one process per document | a child process that typesets a single document |
//! | publish | `redress publish` of a generated archive (2,000 records; 200 with `--quick`), from nothing, unchanged, one case edited; and at a tenth of the size, time a record compared |
//!
//! Timings are medians over rounds, with their spread. Nothing here is a
//! test: a slow machine changes the figures, not a verdict.
//!
//! This module runs the figures in order and prints the table; each is
//! measured in its own module: `floor` (the floor and the whole pipeline),
//! `stages` (anonymise, verify), `incremental` (one edit re-rendered),
//! `throughput` (worker runs), `process` (memory, cold start, one process
//! per document) and `site` (publishing), all with the instruments of
//! `measure`.

use std::io::Write;

mod floor;
mod incremental;
mod measure;
mod process;
mod site;
mod stages;
mod throughput;

pub use process::typeset_one;
pub(crate) use site::review_as_staff_would;

use crate::pipeline::Engine;
use crate::typeset::{PdfSettings, TypstSource};

/// How big a run.
#[derive(Debug, Clone, Copy)]
pub struct BenchConfig {
    /// Cases for the in-process figures.
    pub cases: usize,
    /// Cases for the throughput runs.
    pub batch_cases: usize,
    /// Runs per worker count.
    pub batch_runs: usize,
    /// Documents for the memory run.
    pub memory_documents: usize,
    /// Rounds per in-process figure.
    pub rounds: usize,
    /// The corpus seed.
    pub seed: u64,
    /// Records for the publishing figure (0: none).
    pub site_records: usize,
}

impl BenchConfig {
    /// Under two minutes on a 2-core machine.
    pub fn quick() -> Self {
        Self {
            cases: 12,
            batch_cases: 40,
            batch_runs: 3,
            memory_documents: 600,
            rounds: 5,
            seed: 1,
            site_records: 200,
        }
    }

    /// The full run: memory over 10,000 documents.
    pub fn full() -> Self {
        Self {
            cases: 40,
            batch_cases: 120,
            batch_runs: 5,
            memory_documents: 10_000,
            rounds: 9,
            seed: 1,
            site_records: 2_000,
        }
    }
}

/// The publishing figure alone (`redress bench --site N`): `records`
/// records and a tenth of that.
pub fn run_site(
    engine: &Engine,
    records: usize,
    seed: u64,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let work = tempfile::Builder::new()
        .prefix("redress-bench-")
        .tempdir()?;
    writeln!(out, "redress bench: publishing about {records} records")?;
    print_rows(&site::rows(engine, records, seed, work.path())?, out)
}

fn print_rows(rows: &[measure::Row], out: &mut dyn Write) -> std::io::Result<()> {
    let width = rows.iter().map(|r| r.figure.len()).max().unwrap_or(0);
    for r in rows {
        writeln!(out, "{:<width$}  {:>16}  {}", r.figure, r.value, r.note)?;
    }
    Ok(())
}

/// Runs the benchmarks and prints the table; the last line is
/// `pipeline/typst ratio: <x.xx>`.
pub fn run(engine: &Engine, config: BenchConfig, out: &mut dyn Write) -> std::io::Result<()> {
    let work = tempfile::Builder::new()
        .prefix("redress-bench-")
        .tempdir()?;
    let corpus_dir = work.path().join("corpus");
    let paths = crate::corpus::write(&corpus_dir, config.seed, config.cases)?;
    let cases: Vec<_> = paths
        .iter()
        .map(|p| {
            engine
                .load(p)
                .map(|l| l.case.expect("generated cases are valid"))
        })
        .collect::<Result<_, _>>()?;
    let sources: Vec<Vec<(TypstSource, PdfSettings)>> = cases
        .iter()
        .map(|c| floor::typst_inputs(engine, c))
        .collect();
    let documents: usize = sources.iter().map(Vec::len).sum();
    writeln!(
        out,
        "redress bench: {} cases, {documents} documents, {} rounds",
        cases.len(),
        config.rounds
    )?;
    let (mut rows, ratio) = floor::rows(engine, &paths, &sources, work.path(), config.rounds)?;

    rows.push(stages::stage_anonymise(engine, &cases, config.rounds));
    rows.push(stages::stage_verify(engine, &cases, config.rounds)?);
    rows.push(incremental::row(engine, &cases[0], config.rounds));

    let exe = std::env::current_exe()?;
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    rows.extend(throughput::rows(
        &exe,
        work.path(),
        config.batch_cases,
        config.seed,
        config.batch_runs,
        cores,
    )?);

    rows.push(process::memory(
        &exe,
        work.path(),
        config.memory_documents,
        config.seed,
        cores,
    )?);
    rows.push(process::cold_start(&exe, &paths[0], work.path())?);
    rows.push(process::process_per_document(
        &exe,
        &sources[0][0].0,
        work.path(),
    )?);
    if config.site_records > 0 {
        rows.extend(site::rows(
            engine,
            config.site_records,
            config.seed,
            work.path(),
        )?);
    }

    print_rows(&rows, out)?;
    writeln!(out, "pipeline/typst ratio: {ratio:.2}")
}
