//! The stages alone: the anonymiser (its identifiers compiled, then its
//! text passes) and the verifier (one redacted PDF).

use std::time::Instant;

use super::floor::typst_inputs;
use super::measure::{Row, ms, stats};
use crate::anonymise;
use crate::pipeline::Engine;

pub(super) fn stage_anonymise(engine: &Engine, cases: &[crate::case::Case], rounds: usize) -> Row {
    let words: usize = cases
        .iter()
        .map(|c| {
            c.prose()
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

pub(super) fn stage_verify(
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
