//! Process measurements: the resident memory of a child rendering a large
//! corpus, the cold start of `redress render` on one case, and typst run as
//! one process per document (the hidden `typeset-one` command, which is
//! also here).

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use super::measure::{Row, ms, stats};
use super::throughput::{count_pdfs, rendered};
use crate::pipeline::Engine;
use crate::typeset::{PdfSettings, TypstSource};

/// Resident memory of a child rendering a large corpus, sampled each time a
/// case finishes: growth after the first hundred documents means a leak.
pub(super) fn memory(
    exe: &Path,
    work: &Path,
    documents: usize,
    seed: u64,
    cores: usize,
) -> std::io::Result<Row> {
    let cases = (documents / 8).max(10);
    let dir = work.join("memory-corpus");
    crate::corpus::write(&dir, seed + 1, cases)?;
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
pub(super) fn cold_start(exe: &Path, case: &Path, work: &Path) -> std::io::Result<Row> {
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
pub(super) fn process_per_document(
    exe: &Path,
    source: &TypstSource,
    work: &Path,
) -> std::io::Result<Row> {
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
        date: crate::typeset::PdfDate::new(2024, 1, 1).expect("a date"),
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
