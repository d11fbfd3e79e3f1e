//! The publishing figure: `redress publish` of a synthetic archive
//! ([`crate::corpus`]), in this process with a worker per core, made from
//! nothing, then run again unchanged, then again with one case edited; and
//! the same at a tenth of the size, so that the time per record at the two
//! sizes can be compared within one run (the machine may be shared: only
//! figures taken side by side are compared). An archive holds reviewed
//! decisions: each generated case gets the review file publication staff
//! would have written, every finding that may be accepted accepted and the
//! review signed off (what cannot be accepted still keeps a case off).

use std::path::Path;
use std::time::Instant;

use super::measure::Row;
use crate::case::Date;
use crate::pipeline::Engine;
use crate::publish::{HtmlTemplates, PublishOptions, SiteReport};

/// The day the archive is published as of: every generated case is due.
fn as_of() -> Date {
    Date::from_ymd(2030, 1, 1).expect("a date")
}

/// Cases for about `records` records (the corpus averages a little over
/// 1.6 records a case).
fn cases_for(records: usize) -> usize {
    (records * 5).div_ceil(8).max(1)
}

/// The publishing rows, at `records` records and a tenth of that.
pub(super) fn rows(
    engine: &Engine,
    records: usize,
    seed: u64,
    work: &Path,
) -> std::io::Result<Vec<Row>> {
    let html = HtmlTemplates::bundled().map_err(|e| std::io::Error::other(e.to_string()))?;
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut rows = Vec::new();
    let mut per_record = Vec::new();
    let sizes: Vec<usize> = [records / 10, records]
        .into_iter()
        .filter(|n| *n >= 10)
        .collect();
    for target in sizes {
        let corpus = work.join(format!("site-corpus-{target}"));
        let paths = crate::corpus::write(&corpus, seed, cases_for(target))?;
        for path in &paths {
            review_as_staff_would(engine, path)?;
        }
        let site = work.join(format!("site-{target}"));
        let options = PublishOptions {
            workers,
            ..PublishOptions::new(as_of())
        };
        let publish = |what: &str| -> std::io::Result<(SiteReport, f64)> {
            let started = Instant::now();
            let report = crate::publish::publish(engine, &html, &paths, &site, &options, &|_| {})
                .map_err(|e| std::io::Error::other(format!("{what}: {e}")))?;
            if report.failed > 0 {
                return Err(std::io::Error::other(format!(
                    "{what}: {} of the generated cases failed",
                    report.failed
                )));
            }
            Ok((report, started.elapsed().as_secs_f64()))
        };
        let (full, full_s) = publish("the first run")?;
        let (again, again_s) = publish("the unchanged run")?;
        let first = &paths[0];
        let text = std::fs::read_to_string(first)?;
        std::fs::write(first, text.replacen("We have upheld", "We upheld", 1))?;
        let (edited, edited_s) = publish("the run after an edit")?;
        let n = full.records;
        let rate = |s: f64| n as f64 / s.max(1e-9);
        per_record.push((n, 1000.0 * full_s / n.max(1) as f64));
        rows.push(Row {
            figure: format!("publish {n} records, from nothing"),
            value: format!("{:.1} records/s", rate(full_s)),
            note: format!(
                "{:.1} ms a record; {} cases, {} documents, {workers} workers, {:.1} s",
                1000.0 * full_s / n.max(1) as f64,
                full.cases,
                full.documents,
                full_s
            ),
        });
        rows.push(Row {
            figure: format!("publish {n} records, unchanged"),
            value: format!("{:.1} records/s", rate(again_s)),
            note: format!(
                "{:.1}× the first run; {} of {} cases kept; {:.2} s",
                full_s / again_s.max(1e-9),
                again.kept,
                again.cases,
                again_s
            ),
        });
        rows.push(Row {
            figure: format!("publish {n} records, one case edited"),
            value: format!("{:.1} records/s", rate(edited_s)),
            note: format!(
                "{:.1}× the first run; {} of {} cases kept; {} of {} search shards made again; {:.2} s",
                full_s / edited_s.max(1e-9),
                edited.kept,
                edited.cases,
                edited.search.made,
                edited.search.made + edited.search.kept,
                edited_s
            ),
        });
        let _ = std::fs::remove_dir_all(&site);
        let _ = std::fs::remove_dir_all(&corpus);
    }
    if let [(small, small_ms), (large, large_ms)] = per_record[..] {
        rows.push(Row {
            figure: "publish, time a record".into(),
            value: format!("{:.2}×", large_ms / small_ms),
            note: format!(
                "{large} records ({large_ms:.1} ms) against {small} ({small_ms:.1} ms), same run; 1.00× is flat"
            ),
        });
    }
    Ok(rows)
}

/// Writes the review file of a generated case as publication staff would
/// after reading its review sheet: every acceptable finding accepted, and
/// the review signed off.
pub(crate) fn review_as_staff_would(engine: &Engine, path: &Path) -> std::io::Result<()> {
    use crate::review::file::{self, Accepted, ReviewFile};
    let loaded = engine.load(path)?;
    let Some(case) = &loaded.case else {
        return Ok(());
    };
    let sheet = engine.review(case);
    let on = case.case.decision_date;
    let by = "Publication Officer".to_string();
    let record = ReviewFile {
        reference: case.case.reference.clone(),
        accepted: sheet
            .findings
            .iter()
            .filter(|f| f.acceptable)
            .map(|f| Accepted {
                id: f.id.clone(),
                by: by.clone(),
                on,
                what: None,
            })
            .collect(),
        signed_off: Some(crate::case::SignOff { by, on }),
    };
    file::write(&file::path_for(path), &record)
}
