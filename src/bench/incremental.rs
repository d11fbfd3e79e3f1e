//! What `redress watch` gains from keeping typst's memoised work between
//! renders: the decision re-rendered after a one-word edit, with the memo
//! kept (as `watch` keeps it) and emptied (as a fresh process starts).

use std::time::Instant;

use super::measure::{Row, ms, stats};
use crate::anonymise;
use crate::case::Case;
use crate::pipeline::Engine;
use crate::plan::{self, DocKind};
use crate::typeset::PdfSettings;

/// The decision of `case`, both variants: anonymised, rendered, typeset,
/// and the publication copy verified. Milliseconds.
fn render_decision(engine: &Engine, case: &Case) -> f64 {
    let started = Instant::now();
    let plans = plan::plan(case, engine.templates().rules().plan_words());
    let decision = plans
        .iter()
        .find(|p| p.kind == DocKind::Decision)
        .expect("generated cases have a decision");
    let checks = engine.checks(case);
    let (anonymised, _) = anonymise::anonymise(case, &checks.identifiers);
    let templates = engine.templates();
    let redacted = templates
        .render_redacted(&anonymised, decision)
        .expect("renders");
    let unredacted = templates
        .render_unredacted(case, &checks.labels, decision)
        .expect("renders");
    for (source, variant) in [(redacted, "redacted"), (unredacted, "unredacted")] {
        let settings = PdfSettings {
            date: decision.date.into(),
            ident: format!("{}/{}/{variant}", case.case.reference, decision.file),
        };
        let typeset = engine
            .typesetter()
            .typeset(&source, &settings)
            .expect("typesets");
        if variant == "redacted" {
            assert!(checks.verify(&typeset.pdf).is_clean());
        }
    }
    ms(started.elapsed())
}

/// `case` with one word of its account changed; `round` alternates the
/// word, so that every render differs from the one before.
fn edited(case: &Case, round: usize) -> Case {
    let mut case = case.clone();
    let word = if round.is_multiple_of(2) {
        "carefully"
    } else {
        "promptly"
    };
    case.investigation.what_happened =
        format!("{} {word}", case.investigation.what_happened).into();
    case
}

/// The row: re-render time with the memo kept, against emptied.
pub(super) fn row(engine: &Engine, case: &Case, rounds: usize) -> Row {
    let rounds = rounds.max(5);
    let mut kept = Vec::new();
    let mut cold = Vec::new();
    engine.typesetter().keep_memo(crate::watch::MEMO_AGE);
    render_decision(engine, case);
    for round in 0..rounds {
        kept.push(render_decision(engine, &edited(case, round)));
    }
    for round in 0..rounds {
        crate::typeset::forget_caches();
        cold.push(render_decision(engine, &edited(case, round)));
    }
    engine.typesetter().keep_memo(1);
    let (kept_ms, lo, hi) = stats(&mut kept);
    let (cold_ms, _, _) = stats(&mut cold);
    Row {
        figure: "watch: decision after a one-word edit".into(),
        value: format!("{kept_ms:.0} ms"),
        note: format!(
            "range {lo:.0}–{hi:.0}; {cold_ms:.0} ms with typst's memo emptied; both variants, verified"
        ),
    }
}
