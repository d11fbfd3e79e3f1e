//! The floor and the whole pipeline: typst's own compile + export of each
//! document redress generates, each alone with typst's memo emptied (the
//! floor no pipeline built on typst can beat), timed beside the whole
//! pipeline on the same cases, and the ratio of the two.

use std::path::{Path, PathBuf};

use super::measure::{Clock, Row, stats};
use crate::pipeline::{Engine, RenderOptions};
use crate::plan;
use crate::render::Variant;
use crate::typeset::{PdfSettings, TypstSource};

/// The floor, the ratio of the pipeline to it and the whole pipeline, in
/// milliseconds per document over `rounds` rounds; and the median ratio.
pub(super) fn rows(
    engine: &Engine,
    paths: &[PathBuf],
    sources: &[Vec<(TypstSource, PdfSettings)>],
    work: &Path,
    rounds: usize,
) -> std::io::Result<(Vec<Row>, f64)> {
    let documents: usize = sources.iter().map(Vec::len).sum();
    // The floor: each document compiled alone, typst's memo emptied before
    // it (the emptying not timed). The pipeline: each case as a batch
    // renders it, loaded from its file, typst's memo evicted after each
    // document as a batch evicts it. The two alternate case by case (which
    // goes first alternates too), so that both sides of a round are timed
    // over the same stretch of the machine's time, a tenth of a second
    // apart: a machine that slows down for a while slows both alike. The
    // ratio is taken per round over all the cases. The floor leaves the
    // memo empty (untimed), so the pipeline never finds the floor's work,
    // and loses at most what its memo kept of the case before (measured:
    // keeping the memo from case to case gains nothing, see `typeset`).
    let floor_case = |sources: &[(TypstSource, PdfSettings)]| {
        let mut total = (0.0, 0.0);
        for (source, settings) in sources {
            crate::typeset::forget_caches();
            let started = Clock::now();
            engine
                .typesetter()
                .typeset(source, settings)
                .expect("generated sources compile");
            add(&mut total, started.per(1));
        }
        // The pipeline never finds the floor's work on the same documents.
        crate::typeset::forget_caches();
        total
    };
    let pipeline_case = |path: &Path, dir: &Path| -> std::io::Result<(f64, f64)> {
        let started = Clock::now();
        let case = engine.load(path)?.case.expect("valid");
        engine
            .render_case(&case, dir, RenderOptions::default())
            .expect("renders");
        Ok(started.per(1))
    };
    let mut floor = Vec::new();
    let mut pipeline = Vec::new();
    let mut ratios = Vec::new();
    for round in 0..rounds {
        let dir = work.join(format!("pipeline-{round}"));
        // Wall-clock and processor milliseconds of the round, each side.
        let (mut floor_round, mut pipe_round) = ((0.0, 0.0), (0.0, 0.0));
        crate::typeset::forget_caches();
        for (case, (path, sources)) in paths.iter().zip(sources).enumerate() {
            if (round + case) % 2 == 0 {
                add(&mut floor_round, floor_case(sources));
                add(&mut pipe_round, pipeline_case(path, &dir)?);
            } else {
                add(&mut pipe_round, pipeline_case(path, &dir)?);
                add(&mut floor_round, floor_case(sources));
            }
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
    let rows = vec![
        Row {
            figure: "typst compile + export (floor)".into(),
            value: format!("{floor_ms:.1} ms/doc"),
            note: format!("range {floor_lo:.1}–{floor_hi:.1}"),
        },
        Row {
            figure: "pipeline / floor (processor time)".into(),
            value: format!("{ratio:.2}×"),
            note: format!("range {ratio_lo:.2}–{ratio_hi:.2}"),
        },
        Row {
            figure: "whole pipeline".into(),
            value: format!("{pipe_ms:.1} ms/doc"),
            note: format!(
                "range {pipe_lo:.1}–{pipe_hi:.1}; load, anonymise, render, typeset, verify, write, review sheet"
            ),
        },
    ];
    Ok((rows, ratio))
}

/// Adds a (wall-clock, processor) time to a running total.
fn add(total: &mut (f64, f64), (wall, cpu): (f64, f64)) {
    total.0 += wall;
    total.1 += cpu;
}

/// The generated sources of a case's documents and their PDF settings.
pub(super) fn typst_inputs(
    engine: &Engine,
    case: &crate::case::Case,
) -> Vec<(TypstSource, PdfSettings)> {
    let plans = plan::plan(case, engine.templates().rules().plan_words());
    let sources = engine.sources(case).expect("generated cases render");
    let review = engine
        .review_source(case)
        .expect("the review sheet renders");
    let reference = &case.case.reference;
    let review_settings = PdfSettings {
        date: case.case.decision_date.into(),
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
                        date: p.date.into(),
                        ident,
                    },
                )
            },
        )
        .chain(std::iter::once((review, review_settings)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::Templates;

    /// One generated case, one round: both sides run case by case and the
    /// ratio is of two real, positive times.
    #[test]
    fn the_floor_and_the_pipeline_are_timed_side_by_side() {
        let engine = Engine::new(Templates::bundled().unwrap());
        let work = tempfile::tempdir().unwrap();
        let paths = crate::corpus::write(&work.path().join("corpus"), 3, 1).unwrap();
        let case = engine.load(&paths[0]).unwrap().case.unwrap();
        let sources = vec![typst_inputs(&engine, &case)];
        let (rows, ratio) = rows(&engine, &paths, &sources, work.path(), 1).unwrap();
        let figures: Vec<&str> = rows.iter().map(|r| r.figure.as_str()).collect();
        assert_eq!(
            figures,
            [
                "typst compile + export (floor)",
                "pipeline / floor (processor time)",
                "whole pipeline"
            ]
        );
        assert!(ratio.is_finite() && ratio > 0.0, "{ratio}");
        // The pipeline wrote the case's documents.
        assert!(crate::bench::throughput::count_pdfs(&work.path().join("pipeline-0")) > 0);
    }
}
