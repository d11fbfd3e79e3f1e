//! Making one document: rendered, typeset and, for every copy that is not
//! internal, verified clean by both readings before it is kept in memory
//! ([`Made`]) for the write. The publication copy is made one way for
//! `render` and for the website alike ([`Engine::publication_copy`]).

use super::checks::Checks;
use super::engine::Engine;
use super::prepared::Prepared;
use super::refusal;
use super::report::{CaseError, Verification};
use crate::case::Case;
use crate::plan::{DocKind, DocumentPlan, PublicationDecision, Status, Variant};
use crate::review::ReviewSheet;
use crate::typeset::{PdfSettings, Typeset, TypstSource};

/// A publication copy, typeset and verified clean ([`Engine::publication_copy`]).
#[derive(Debug, Clone)]
pub struct PublicationCopy {
    /// The document's file stem: `decision`, `report-council`.
    pub file: String,
    /// Its title.
    pub title: String,
    /// Whether it will be published (on the website, or once the draft is
    /// final).
    pub published: bool,
    /// The PDF.
    pub pdf: Vec<u8>,
    /// Its pages.
    pub pages: usize,
    /// Each page's text, as the verifier extracted it.
    pub page_text: Vec<String>,
}

impl PublicationCopy {
    pub(super) fn into_made(self, plan: &DocumentPlan) -> Made {
        Made {
            file: format!("{}.{}.pdf", plan.file, Variant::Redacted.as_str()),
            title: self.title,
            published: self.published,
            verification: Verification::Clean,
            pdf: self.pdf,
            pages: self.pages,
            page_text: self.page_text,
        }
    }
}

/// A document rendered and typeset, not yet written.
pub(super) struct Made {
    /// The file name: `decision.redacted.pdf`.
    pub(super) file: String,
    pub(super) title: String,
    /// Whether it will be published (on the website, or once the draft is
    /// final).
    pub(super) published: bool,
    pub(super) verification: Verification,
    pub(super) pdf: Vec<u8>,
    pub(super) pages: usize,
    /// For verified documents: each page's text as extracted.
    pub(super) page_text: Vec<String>,
}

impl Engine {
    /// The publication (redacted) copy of one planned document: rendered
    /// from the anonymised facts, typeset, and verified clean by both
    /// readings. The one way a publication PDF is made, for `render` and
    /// for the website alike; an error when it cannot be proven clean.
    pub fn publication_copy(
        &self,
        prepared: &Prepared<'_>,
        plan: &DocumentPlan,
    ) -> Result<PublicationCopy, CaseError> {
        let source = self.templates.render_redacted(&prepared.anonymised, plan)?;
        let published = will_be_published(&prepared.publication, plan);
        let made = self.make(
            prepared.case,
            &prepared.checks,
            plan.clone(),
            Variant::Redacted,
            &source,
            published,
        )?;
        Ok(PublicationCopy {
            file: plan.file.clone(),
            title: made.title,
            published: made.published,
            pages: made.pages,
            page_text: made.page_text,
            pdf: made.pdf,
        })
    }

    /// A preview of a held copy, typeset and verified clean.
    pub(super) fn make_preview(
        &self,
        case: &Case,
        checks: &Checks,
        plan: &DocumentPlan,
        source: &TypstSource,
    ) -> Result<Made, CaseError> {
        let document = format!("{}.preview.pdf", plan.file);
        let settings = PdfSettings {
            date: plan.date.into(),
            ident: format!("{}/{}/preview", case.case.reference, plan.file),
        };
        let typeset = self.typeset_as(&document, source, &settings)?;
        checks.require_clean(case, &document, &typeset.pdf)?;
        Ok(Made {
            file: document,
            title: format!("{} (preview, not for publication)", plan.title),
            published: false,
            verification: Verification::Preview,
            pages: typeset.pages,
            pdf: typeset.pdf,
            page_text: Vec::new(),
        })
    }

    /// The review sheet as a PDF (internal, never verified as clean).
    pub(super) fn make_review(&self, case: &Case, sheet: &ReviewSheet) -> Result<Made, CaseError> {
        let source = self.templates.render_review(case, sheet)?;
        let settings = PdfSettings {
            date: case.case.decision_date.into(),
            ident: format!("{}/review-sheet", case.case.reference),
        };
        let typeset = self.typeset_as("review-sheet.pdf", &source, &settings)?;
        Ok(Made {
            file: "review-sheet.pdf".into(),
            title: "Review sheet (internal)".into(),
            published: false,
            verification: Verification::Internal,
            pages: typeset.pages,
            pdf: typeset.pdf,
            page_text: Vec::new(),
        })
    }

    /// Typesets `source`, the file `document`; a failure names the file.
    fn typeset_as(
        &self,
        document: &str,
        source: &TypstSource,
        settings: &PdfSettings,
    ) -> Result<Typeset, CaseError> {
        self.typesetter
            .typeset(source, settings)
            .map_err(|error| CaseError::Typeset {
                document: document.to_string(),
                error,
            })
    }

    pub(super) fn make(
        &self,
        case: &Case,
        checks: &Checks,
        plan: DocumentPlan,
        variant: Variant,
        source: &TypstSource,
        published: bool,
    ) -> Result<Made, CaseError> {
        let document = format!("{}.{}.pdf", plan.file, variant.as_str());
        let settings = PdfSettings {
            date: plan.date.into(),
            ident: format!("{}/{}/{}", case.case.reference, plan.file, variant.as_str()),
        };
        let typeset = self.typeset_as(&document, source, &settings)?;
        let page_text = match variant {
            Variant::Redacted => checks.require_clean(case, &document, &typeset.pdf)?,
            Variant::Unredacted => Vec::new(),
        };
        Ok(Made {
            file: document,
            title: plan.title.clone(),
            published: published && variant == Variant::Redacted,
            verification: match variant {
                Variant::Redacted => Verification::Clean,
                Variant::Unredacted => Verification::NotForPublication,
            },
            pages: typeset.pages,
            pdf: typeset.pdf,
            page_text,
        })
    }
}

/// Whether a document's publication copy will be published: on the
/// website, or, for a draft, once it is final (a letter never is).
fn will_be_published(publication: &PublicationDecision, plan: &DocumentPlan) -> bool {
    match publication.document(&plan.file) {
        Some(d) if d.on_website => true,
        Some(d) => {
            publication.status == Status::Draft
                && d.publication_copy
                && !matches!(plan.kind, DocKind::Letter(_))
        }
        None => false,
    }
}

impl Checks {
    /// Verifies `document`, a redacted PDF of `case`: its pages' text when
    /// it is clean, or the refusal, each leak placed for the investigator.
    pub fn require_clean(
        &self,
        case: &Case,
        document: &str,
        pdf: &[u8],
    ) -> Result<Vec<String>, CaseError> {
        let (report, pages) = self.verify_with_text(pdf);
        if report.is_clean() {
            return Ok(pages);
        }
        let refused = refusal::explain(&report, &pages, self, case);
        Err(CaseError::NotClean {
            document: document.to_string(),
            report: Box::new(report),
            refused,
        })
    }
}
