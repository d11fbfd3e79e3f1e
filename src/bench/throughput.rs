//! Throughput: `redress render` run as a child process on a generated
//! corpus with 1, 2 (and one per core) workers, and what such a render
//! made (its PDFs, and the publication copies it held back).

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use super::measure::{Row, stats};

/// The throughput rows: a corpus of `cases` cases (from `seed`) rendered
/// `runs` times with each worker count, in documents per second.
pub(super) fn rows(
    exe: &Path,
    work: &Path,
    cases: usize,
    seed: u64,
    runs: usize,
    cores: usize,
) -> std::io::Result<Vec<Row>> {
    let batch_dir = work.join("batch-corpus");
    crate::corpus::write(&batch_dir, seed + 2, cases)?;
    // Each worker count runs `runs` times, interleaved, so that a
    // slow spell of the machine falls on all of them alike; the speed-up is
    // the median of the per-run ratios to the one-worker run beside it.
    let counts = worker_counts(cores);
    let mut rows = Vec::new();
    let mut speeds: Vec<Vec<f64>> = vec![Vec::new(); counts.len()];
    for run in 0..runs {
        for (k, &workers) in counts.iter().enumerate() {
            let out = work.join(format!("batch-{workers}-{run}"));
            speeds[k].push(throughput(exe, &batch_dir, &out, workers)?.0);
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
    Ok(rows)
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
pub(super) fn rendered(output: &std::process::Output) -> bool {
    output.status.success()
        || (output.status.code() == Some(1)
            && !String::from_utf8_lossy(&output.stderr).contains("FAILED"))
}

/// The documents a render made: the PDFs written, and the publication
/// copies made and verified but held back (each case's `review.json`).
pub(super) fn count_pdfs(dir: &Path) -> usize {
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
