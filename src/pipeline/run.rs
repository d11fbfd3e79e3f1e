//! One case, end to end ([`Engine::render_case`]): every document made,
//! the publication copies on the case's document threads, the review sheet
//! placed against them, the copies it holds back taken out (or previewed),
//! and everything written at once.

use std::path::Path;

use super::checks::Checks;
use super::engine::Engine;
use super::make::Made;
use super::prepared::Prepared;
use super::report::{CaseError, CaseReport, RenderOptions, Verification, case_dir_name};
use super::write;
use crate::anonymise::{AnonymisedCase, Redactions};
use crate::case::Case;
use crate::plan::{DocumentPlan, PublicationDecision, Variant};
use crate::review::{self, Held, ReviewSheet};
use crate::workers::in_parallel;

impl Engine {
    /// Makes, verifies and writes every document of a case into
    /// `out/<reference>/`.
    pub fn render_case(
        &self,
        case: &Case,
        out: &Path,
        options: RenderOptions,
    ) -> Result<CaseReport, CaseError> {
        let prepared = self.prepare(case);
        let Prepared {
            checks,
            anonymised,
            redactions,
            plans,
            publication,
            ..
        } = &prepared;
        // A decision that is not to be published gets no publication copy
        // of itself or of its letters (reports always have one); a draft's
        // anonymised copy is made whatever the decision.
        let jobs: Vec<(&DocumentPlan, Variant)> = plans
            .iter()
            .flat_map(|p| {
                p.variants()
                    .iter()
                    .filter(|&&v| {
                        v != Variant::Redacted
                            || !p.publication_copy()
                            || publication.makes_publication_copy(p)
                    })
                    .map(move |&v| (p, v))
            })
            .collect();
        let make = |(plan, variant): &(&DocumentPlan, Variant)| match variant {
            Variant::Redacted => self
                .publication_copy(&prepared, plan)
                .map(|copy| copy.into_made(plan)),
            Variant::Unredacted => {
                let source = self
                    .templates
                    .render_unredacted(case, &checks.labels, plan)?;
                self.make(case, checks, (*plan).clone(), *variant, &source, false)
            }
        };
        let mut made = in_parallel(&jobs, options.document_threads, make)
            .into_iter()
            .collect::<Result<Vec<_>, _>>()?;
        let (mut sheet, mut held) =
            self.review_sheet(case, redactions, anonymised, publication, &made);
        made.retain(|m| !held.iter().any(|h| h.file == m.file));
        if options.preview {
            let previews = self.previews(case, checks, anonymised, &mut held, &jobs, options)?;
            made.extend(previews);
        }
        sheet.held = held.clone();
        let withheld = options.require_review && !sheet.ready;
        if withheld {
            made.retain(|m| m.verification != Verification::Clean);
        }
        made.push(self.make_review(case, &sheet)?);
        let dir = out.join(case_dir_name(&case.case.reference));
        let documents = write::write_case(&dir, case, &made, redactions, &sheet, publication)?;
        let report = CaseReport {
            reference: case.case.reference.clone(),
            dir,
            documents,
            redactions: redactions.entries.len(),
            unreviewed: sheet.unreviewed.clone(),
            held,
            publication: publication.clone(),
        };
        if withheld {
            return Err(CaseError::Unreviewed {
                ids: sheet.unreviewed,
                signed_off: sheet.signed_off.is_some(),
            });
        }
        Ok(report)
    }

    /// The review sheet of the case rendered under `publication`, placed
    /// against every publication copy's pages, and the copies to hold back
    /// ([`review::holds`]).
    fn review_sheet(
        &self,
        case: &Case,
        redactions: &Redactions,
        anonymised: &AnonymisedCase,
        publication: &PublicationDecision,
        made: &[Made],
    ) -> (ReviewSheet, Vec<Held>) {
        let copies: Vec<review::Copy<'_>> = made
            .iter()
            .filter(|m| m.verification == Verification::Clean)
            .map(|m| review::Copy {
                file: &m.file,
                title: &m.title,
                pages: &m.page_text,
                published: m.published,
            })
            .collect();
        let sheet =
            review::build_with_publication(case, redactions, anonymised, &copies, publication);
        let held = review::holds(&sheet, &copies, redactions);
        (sheet, held)
    }

    /// The previews of the held copies (`--preview`), made and verified
    /// like the copies themselves; each held copy learns its preview's name.
    fn previews(
        &self,
        case: &Case,
        checks: &Checks,
        anonymised: &AnonymisedCase,
        held: &mut [Held],
        jobs: &[(&DocumentPlan, Variant)],
        options: RenderOptions,
    ) -> Result<Vec<Made>, CaseError> {
        let plans: Vec<DocumentPlan> = jobs
            .iter()
            .filter(|(p, v)| {
                *v == Variant::Redacted
                    && held
                        .iter()
                        .any(|h| h.file == format!("{}.{}.pdf", p.file, v.as_str()))
            })
            .map(|(p, _)| (*p).clone())
            .collect();
        let make = |plan: &DocumentPlan| {
            let source = self.templates.render_preview(anonymised, plan)?;
            self.make_preview(case, checks, plan, &source)
        };
        let previews = in_parallel(&plans, options.document_threads, make)
            .into_iter()
            .collect::<Result<Vec<_>, _>>()?;
        for (plan, preview) in plans.iter().zip(&previews) {
            let file = format!("{}.{}.pdf", plan.file, Variant::Redacted.as_str());
            if let Some(h) = held.iter_mut().find(|h| h.file == file) {
                h.preview = Some(preview.file.clone());
            }
        }
        Ok(previews)
    }
}
