//! `redress bench`: whole-run performance figures you can quote.
//!
//! Everything is measured on a generated corpus ([`corpus`](crate::corpus)),
//! against typst's own compile + export of the very documents redress
//! generates (the floor no pipeline built on typst can beat):
//!
//! | figure | how |
//! | --- | --- |
//! | typst floor | compile + export of each generated source, in this process, each alone with typst's memo emptied |
//! | pipeline | load, anonymise, plan, render, typeset, verify, write, per document |
//! | anonymise, verify | the stages alone |
//! | throughput | `redress render` run as a child process with 1, 2 (and N) workers |
//! | memory | resident memory of that child sampled as cases finish |
//! | cold start | `redress render` of one case, process start to exit |
//! | one process per document | a child process that typesets a single document |
//! | publish | `redress publish` of a generated archive (2,000 records; 200 with `--quick`), from nothing, unchanged, one case edited; and at a tenth of the size, time a record compared |
//!
//! Timings are medians over rounds, with their spread. Nothing here is a
//! test: a slow machine changes the figures, not a verdict.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

mod incremental;
mod site;

pub(crate) use site::review_as_staff_would;

use crate::anonymise;
use crate::pipeline::{Engine, RenderOptions};
use crate::plan;
use crate::render::Variant;
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

/// One row of the results table.
struct Row {
    figure: String,
    value: String,
    note: String,
}

/// Median and spread (min–max) of durations, in milliseconds.
fn stats(samples: &mut [f64]) -> (f64, f64, f64) {
    samples.sort_by(f64::total_cmp);
    let n = samples.len();
    let median = if n % 2 == 1 {
        samples[n / 2]
    } else {
        (samples[n / 2 - 1] + samples[n / 2]) / 2.0
    };
    (median, samples[0], samples[n - 1])
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Wall-clock and processor time (all threads of this process) together.
struct Clock {
    wall: Instant,
    cpu: f64,
}

impl Clock {
    fn now() -> Self {
        Self {
            wall: Instant::now(),
            cpu: process_cpu_ms(),
        }
    }

    /// Milliseconds per item since `now`: (wall, processor).
    fn per(&self, items: usize) -> (f64, f64) {
        let n = items.max(1) as f64;
        (
            ms(self.wall.elapsed()) / n,
            (process_cpu_ms() - self.cpu) / n,
        )
    }
}

/// User and system time of this process so far, in milliseconds.
fn process_cpu_ms() -> f64 {
    // SAFETY: getrusage writes into the struct we own; RUSAGE_SELF is valid.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_SELF, &mut usage);
        usage
    };
    let millis = |t: libc::timeval| t.tv_sec as f64 * 1000.0 + t.tv_usec as f64 / 1000.0;
    millis(usage.ru_utime) + millis(usage.ru_stime)
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

fn print_rows(rows: &[Row], out: &mut dyn Write) -> std::io::Result<()> {
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
    let sources: Vec<Vec<(TypstSource, PdfSettings)>> =
        cases.iter().map(|c| typst_inputs(engine, c)).collect();
    let documents: usize = sources.iter().map(Vec::len).sum();
    writeln!(
        out,
        "redress bench: {} cases, {documents} documents, {} rounds",
        cases.len(),
        config.rounds
    )?;
    let mut rows = Vec::new();

    // The floor: typst alone on the generated sources. Floor and pipeline
    // alternate case by case (which goes first alternates too), and the
    // ratio is taken per round: a machine that slows down for a while
    // (other tenants) slows both sides alike.
    let mut floor = Vec::new();
    let mut pipeline = Vec::new();
    let mut ratios = Vec::new();
    for round in 0..config.rounds {
        let dir = work.path().join(format!("pipeline-{round}"));
        // Wall-clock and processor milliseconds, summed over the round.
        let (mut floor_round, mut pipe_round) = ((0.0, 0.0), (0.0, 0.0));
        for (i, (path, inputs)) in paths.iter().zip(&sources).enumerate() {
            // The floor: each document compiled alone, typst's memo
            // emptied before it (and the emptying not timed).
            let time_floor = || {
                let mut total = (0.0, 0.0);
                for (source, settings) in inputs {
                    crate::typeset::forget_caches();
                    let started = Clock::now();
                    engine
                        .typesetter()
                        .typeset(source, settings)
                        .expect("generated sources compile");
                    let (wall, cpu) = started.per(1);
                    total = (total.0 + wall, total.1 + cpu);
                }
                total
            };
            // The pipeline starts each case with an empty memo too, so that
            // neither side gains from the other's work.
            let time_pipeline = || -> std::io::Result<(f64, f64)> {
                crate::typeset::forget_caches();
                let started = Clock::now();
                let case = engine.load(path)?.case.expect("valid");
                engine
                    .render_case(&case, &dir, RenderOptions::default())
                    .expect("renders");
                Ok(started.per(1))
            };
            let (f, p) = if (round + i) % 2 == 0 {
                let f = time_floor();
                (f, time_pipeline()?)
            } else {
                let p = time_pipeline()?;
                (time_floor(), p)
            };
            floor_round = (floor_round.0 + f.0, floor_round.1 + f.1);
            pipe_round = (pipe_round.0 + p.0, pipe_round.1 + p.1);
        }
        floor.push(floor_round.0 / documents as f64);
        pipeline.push(pipe_round.0 / documents as f64);
        // The ratio is of processor time, which other tenants of a shared
        // machine disturb far less than wall-clock time.
        ratios.push(pipe_round.1 / floor_round.1);
    }
    let (floor_ms, floor_lo, floor_hi) = stats(&mut floor);
    let (pipe_ms, pipe_lo, pipe_hi) = stats(&mut pipeline);
    let (ratio, ratio_lo, ratio_hi) = stats(&mut ratios);
    rows.push(Row {
        figure: "typst compile + export (floor)".into(),
        value: format!("{floor_ms:.1} ms/doc"),
        note: format!("range {floor_lo:.1}–{floor_hi:.1}"),
    });
    rows.push(Row {
        figure: "pipeline / floor (processor time)".into(),
        value: format!("{ratio:.2}×"),
        note: format!("range {ratio_lo:.2}–{ratio_hi:.2}"),
    });
    rows.push(Row { figure: "whole pipeline".into(), value: format!("{pipe_ms:.1} ms/doc"), note: format!("range {pipe_lo:.1}–{pipe_hi:.1}; load, anonymise, render, typeset, verify, write, review sheet") });

    rows.push(stage_anonymise(engine, &cases, config.rounds));
    rows.push(stage_verify(engine, &cases, config.rounds)?);
    rows.push(incremental::row(engine, &cases[0], config.rounds));

    let exe = std::env::current_exe()?;
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let batch_dir = work.path().join("batch-corpus");
    crate::corpus::write(&batch_dir, config.seed + 2, config.batch_cases)?;
    // Each worker count runs `batch_runs` times, interleaved, so that a
    // slow spell of the machine falls on all of them alike; the speed-up is
    // the median of the per-run ratios to the one-worker run beside it.
    let counts = worker_counts(cores);
    let mut speeds: Vec<Vec<f64>> = vec![Vec::new(); counts.len()];
    for run in 0..config.batch_runs {
        for (k, &workers) in counts.iter().enumerate() {
            let out = work.path().join(format!("batch-{workers}-{run}"));
            speeds[k].push(throughput(&exe, &batch_dir, &out, workers)?.0);
            let _ = std::fs::remove_dir_all(&out);
        }
    }
    for (k, &workers) in counts.iter().enumerate() {
        let (median, lo, hi) = stats(&mut speeds[k].clone());
        let note = if workers == 1 {
            format!("range {lo:.1}–{hi:.1}")
        } else {
            let mut ratios: Vec<f64> = speeds[k]
                .iter()
                .zip(&speeds[0])
                .map(|(n, one)| n / one)
                .collect();
            let (ratio, rlo, rhi) = stats(&mut ratios);
            format!("range {lo:.1}–{hi:.1}; {ratio:.2}× one worker (range {rlo:.2}–{rhi:.2})")
        };
        let plural = if workers == 1 { "" } else { "s" };
        rows.push(Row {
            figure: format!("batch, {workers} worker{plural}"),
            value: format!("{median:.1} docs/s"),
            note,
        });
    }

    rows.push(memory(&exe, work.path(), config, cores)?);
    rows.push(cold_start(&exe, &paths[0], work.path())?);
    rows.push(process_per_document(&exe, &sources[0][0].0, work.path())?);
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

/// The generated sources of a case's documents and their PDF settings.
fn typst_inputs(engine: &Engine, case: &crate::case::Case) -> Vec<(TypstSource, PdfSettings)> {
    let plans = plan::plan(case);
    let sources = engine.sources(case).expect("generated cases render");
    let review = engine
        .review_source(case)
        .expect("the review sheet renders");
    let reference = &case.case.reference;
    let review_settings = PdfSettings {
        date: case.case.decision_date,
        ident: format!("{reference}/review-sheet"),
    };
    sources
        .into_iter()
        .zip(plans.iter().flat_map(|p| [p, p]))
        .map(
            |((source, variant), p): ((TypstSource, Variant), &plan::DocumentPlan)| {
                let ident = format!("{reference}/{}/{}", p.file, variant.as_str());
                (
                    source,
                    PdfSettings {
                        date: p.date,
                        ident,
                    },
                )
            },
        )
        .chain(std::iter::once((review, review_settings)))
        .collect()
}

fn stage_anonymise(engine: &Engine, cases: &[crate::case::Case], rounds: usize) -> Row {
    let words: usize = cases
        .iter()
        .map(|c| {
            let mut c = c.clone();
            c.prose_mut()
                .iter()
                .map(|(_, t)| t.split_whitespace().count())
                .sum::<usize>()
        })
        .sum();
    // The identifiers are compiled once per case; the text passes run on
    // every field. Both are timed, apart.
    let compiled: Vec<_> = cases.iter().map(|c| engine.identifiers(c).1).collect();
    let mut compile = Vec::new();
    let mut samples = Vec::new();
    for _ in 0..rounds.max(3) {
        let started = Instant::now();
        for case in cases {
            let _ = engine.identifiers(case);
        }
        compile.push(ms(started.elapsed()) / cases.len() as f64);
        let started = Instant::now();
        for (case, ids) in cases.iter().zip(&compiled) {
            let _ = anonymise::anonymise(case, ids);
        }
        samples.push(ms(started.elapsed()));
    }
    let (compile_ms, _, _) = stats(&mut compile);
    let (total, lo, hi) = stats(&mut samples);
    let per_1500 = |ms: f64| ms * 1500.0 / words as f64;
    Row {
        figure: "anonymise (listed + detectors)".into(),
        value: format!("{:.2} ms/1,500 words", per_1500(total)),
        note: format!(
            "range {:.2}–{:.2}; plus {compile_ms:.2} ms per case to compile its identifiers (Presidio: 340 ms)",
            per_1500(lo),
            per_1500(hi)
        ),
    }
}

fn stage_verify(
    engine: &Engine,
    cases: &[crate::case::Case],
    rounds: usize,
) -> std::io::Result<Row> {
    let mut pdfs = Vec::new();
    for case in cases.iter().take(4) {
        let checks = std::sync::Arc::new(engine.checks(case));
        for (source, settings) in typst_inputs(engine, case)
            .into_iter()
            .filter(|(_, s)| s.ident.ends_with("/redacted"))
        {
            pdfs.push((
                engine
                    .typesetter()
                    .typeset(&source, &settings)
                    .expect("compiles")
                    .pdf,
                checks.clone(),
            ));
        }
    }
    let mut samples = Vec::new();
    for _ in 0..rounds.max(3) {
        let started = Instant::now();
        for (pdf, checks) in &pdfs {
            assert!(checks.verify(pdf).is_clean());
        }
        samples.push(ms(started.elapsed()) / pdfs.len() as f64);
    }
    let (median, lo, hi) = stats(&mut samples);
    Ok(Row {
        figure: "verify (lopdf, one redacted PDF)".into(),
        value: format!("{median:.2} ms/doc"),
        note: format!("range {lo:.2}–{hi:.2}"),
    })
}

fn worker_counts(cores: usize) -> Vec<usize> {
    let mut counts = vec![1, 2];
    if cores > 2 {
        counts.push(cores);
    }
    counts
}

/// Runs `redress render` on the corpus with `workers`; documents per second.
fn throughput(
    exe: &Path,
    corpus: &Path,
    out: &Path,
    workers: usize,
) -> std::io::Result<(f64, usize)> {
    let started = Instant::now();
    let output = Command::new(exe)
        .arg("render")
        .arg(corpus)
        .arg("-o")
        .arg(out)
        .arg("-j")
        .arg(workers.to_string())
        .output()?;
    let elapsed = started.elapsed().as_secs_f64();
    if !rendered(&output) {
        return Err(std::io::Error::other(
            String::from_utf8_lossy(&output.stderr).into_owned(),
        ));
    }
    let documents = count_pdfs(out);
    Ok((documents as f64 / elapsed, documents))
}

/// Whether a `render` of the corpus did its work: every case rendered,
/// some perhaps with a publication copy held back (the generated prose
/// mentions phone numbers; a held copy is made and verified all the same,
/// only not written), exit code 1 then, but no case FAILED.
fn rendered(output: &std::process::Output) -> bool {
    output.status.success()
        || (output.status.code() == Some(1)
            && !String::from_utf8_lossy(&output.stderr).contains("FAILED"))
}

/// The documents a render made: the PDFs written, and the publication
/// copies made and verified but held back (each case's `review.json`).
fn count_pdfs(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .flatten()
        .map(|e| {
            let p = e.path();
            if p.is_dir() {
                count_pdfs(&p)
            } else if p.file_name().is_some_and(|n| n == "review.json") {
                held_in(&p)
            } else {
                usize::from(p.extension().is_some_and(|x| x == "pdf"))
            }
        })
        .sum()
}

/// How many publication copies a case's review held back.
fn held_in(review: &Path) -> usize {
    std::fs::read(review)
        .ok()
        .and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok())
        .and_then(|v| v["held"].as_array().map(Vec::len))
        .unwrap_or(0)
}

/// Resident memory of a child rendering a large corpus, sampled each time a
/// case finishes: growth after the first hundred documents means a leak.
fn memory(exe: &Path, work: &Path, config: BenchConfig, cores: usize) -> std::io::Result<Row> {
    let cases = (config.memory_documents / 8).max(10);
    let dir = work.join("memory-corpus");
    crate::corpus::write(&dir, config.seed + 1, cases)?;
    let out = work.join("memory-out");
    let mut child = Command::new(exe)
        .arg("render")
        .arg(&dir)
        .arg("-o")
        .arg(&out)
        .arg("-j")
        .arg(cores.min(2).to_string())
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()?;
    let pid = child.id();
    let mut samples: Vec<(usize, u64)> = Vec::new();
    let mut documents = 0;
    for line in BufReader::new(child.stderr.take().expect("piped")).lines() {
        let line = line?;
        if let Some(n) = line
            .split(" (")
            .nth(1)
            .and_then(|s| s.split(' ').next())
            .and_then(|n| n.parse::<usize>().ok())
        {
            documents += n;
        }
        if let Some(rss) = rss_kib(pid) {
            samples.push((documents, rss));
        }
    }
    child.wait()?;
    let after_warmup: Vec<u64> = samples
        .iter()
        .filter(|(d, _)| *d >= 100)
        .map(|(_, r)| *r)
        .collect();
    let at_100 = after_warmup.first().copied().unwrap_or(0);
    let peak = samples.iter().map(|(_, r)| *r).max().unwrap_or(0);
    let last = samples.last().map_or(0, |(_, r)| *r);
    Ok(Row {
        figure: format!("memory over {documents} documents"),
        value: format!("{:.0} MiB peak", peak as f64 / 1024.0),
        note: format!(
            "{:.0} MiB after 100 documents, {:.0} MiB at the end",
            at_100 as f64 / 1024.0,
            last as f64 / 1024.0
        ),
    })
}

/// VmRSS of a process, in KiB (Linux).
fn rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// One case, both variants, every document: process start to exit.
fn cold_start(exe: &Path, case: &Path, work: &Path) -> std::io::Result<Row> {
    let mut samples = Vec::new();
    for round in 0..5 {
        let out = work.join(format!("cold-{round}"));
        let started = Instant::now();
        let output = Command::new(exe)
            .arg("render")
            .arg(case)
            .arg("-o")
            .arg(&out)
            .output()?;
        samples.push(ms(started.elapsed()));
        if !rendered(&output) {
            return Err(std::io::Error::other("cold-start render failed"));
        }
    }
    let (median, lo, hi) = stats(&mut samples);
    let documents = count_pdfs(&work.join("cold-0"));
    Ok(Row {
        figure: "cold start, one case".into(),
        value: format!("{median:.0} ms"),
        note: format!("range {lo:.0}–{hi:.0}; {documents} PDFs incl. review sheet"),
    })
}

/// The anchor of typst run as one process per document: a child that loads
/// fonts and library, typesets one generated document and exits.
fn process_per_document(exe: &Path, source: &TypstSource, work: &Path) -> std::io::Result<Row> {
    let file = work.join("one.typ");
    std::fs::write(&file, &source.text)?;
    let mut samples = Vec::new();
    for _ in 0..5 {
        let started = Instant::now();
        let status = Command::new(exe)
            .arg("typeset-one")
            .arg(&file)
            .arg(work.join("one.pdf"))
            .status()?;
        samples.push(ms(started.elapsed()));
        if !status.success() {
            return Err(std::io::Error::other("typeset-one failed"));
        }
    }
    let (median, lo, hi) = stats(&mut samples);
    Ok(Row {
        figure: "typst, one process per document".into(),
        value: format!("{median:.0} ms/doc"),
        note: format!("range {lo:.0}–{hi:.0}"),
    })
}

/// The hidden `typeset-one` command: typesets one Typst file in a fresh
/// process (the per-document-process anchor).
pub fn typeset_one(engine: &Engine, source: &Path, pdf: &PathBuf) -> std::io::Result<()> {
    let text = std::fs::read_to_string(source)?;
    let settings = PdfSettings {
        date: crate::case::Date::from_ymd(2024, 1, 1).expect("a date"),
        ident: "bench".into(),
    };
    let typeset = engine
        .typesetter()
        .typeset(
            &TypstSource {
                name: "bench".into(),
                text,
            },
            &settings,
        )
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    std::fs::write(pdf, typeset.pdf)
}
