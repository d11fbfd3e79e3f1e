//! One case, end to end: load → anonymise → plan → render → typeset →
//! verify → write.
//!
//! Every document of a case is made and every redacted one verified in
//! memory first; only when all of them are proven clean are the files
//! written ([`write`]: into a fresh folder, each read back and compared,
//! then swapped in whole for the case folder). A case that fails leaves the
//! previous folder as it was.
//!
//! A publication copy that prints what an office never publishes (a
//! placeholder, a finding nobody accepted that blocks publication) is held
//! back ([`hold`]): the internal copies and the review sheet are written,
//! the report says which copy was held and why, and `--preview` writes the
//! held copy marked as a preview instead.

mod checks;
mod hold;
mod refusal;
mod write;

pub use checks::Checks;
pub use hold::{Held, HoldReason, holds, placeholders_in};
pub use refusal::PlacedLeak;
pub use write::{TEST_PANIC_ENV, replace_dir};

use std::path::{Path, PathBuf};

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::anonymise::{self, AllowList, Identifiers, Redactions};
use crate::case::{self, Case, Coverage, Loaded};
use crate::plan::{self, DocKind, DocumentPlan};
use crate::publish::{PublicationDecision, Status};
use crate::render::{RenderError, Templates, Variant};
use crate::review::{self, ReviewSheet};
use crate::typeset::{PdfSettings, TypesetError, Typesetter, TypstSource};
use crate::verify::VerifyReport;

/// What is built once per process and shared by every worker.
pub struct Engine {
    templates: Templates,
    typesetter: Typesetter,
    coverage: Coverage,
    allow: AllowList,
}

/// How a case is rendered.
#[derive(Debug, Clone, Copy, Default)]
pub struct RenderOptions {
    /// Withhold the publication (redacted) PDFs while findings nobody
    /// listed have not been reviewed.
    pub require_review: bool,
    /// Threads that typeset one case's documents side by side (when there
    /// are fewer cases than cores, as for a single case). 0 or 1: one.
    pub document_threads: usize,
    /// Write each publication copy that is held back as a preview instead
    /// (`<file>.preview.pdf`, marked PREVIEW, NOT FOR PUBLICATION on every
    /// page and in its metadata). Never the default.
    pub preview: bool,
}

/// Why a case produced no documents.
#[derive(Debug, thiserror::Error)]
pub enum CaseError {
    /// The case file has errors (reported as diagnostics).
    #[error("the case file has {0}")]
    Invalid(String),
    /// A template failed.
    #[error("{0}")]
    Render(#[from] RenderError),
    /// Typst failed on a generated document.
    #[error("`{document}`: {error}")]
    Typeset {
        /// The document.
        document: String,
        /// What went wrong.
        error: TypesetError,
    },
    /// Findings nobody listed are unreviewed and `--require-review` was given:
    /// the publication PDFs were withheld.
    #[error("publication PDFs withheld: {}", unreviewed_reason(ids, *signed_off))]
    Unreviewed {
        /// The finding ids not yet accepted.
        ids: Vec<String>,
        /// Whether the review is signed off.
        signed_off: bool,
    },
    /// A redacted document could not be proven clean; nothing was written.
    #[error("`{document}` was not written: {}", report.describe())]
    NotClean {
        /// The document.
        document: String,
        /// What verification found (categories and places, no values).
        report: VerifyReport,
        /// Each leak placed for the investigator (with the published words
        /// around it): for the terminal only.
        refused: Vec<PlacedLeak>,
    },
    /// Writing the output failed.
    #[error("cannot write `{path}`: {error}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The error.
        error: std::io::Error,
    },
}

/// Why `--require-review` withheld a case's publication copies, and how to
/// release them.
fn unreviewed_reason(ids: &[String], signed_off: bool) -> String {
    let mut parts = Vec::new();
    if !ids.is_empty() {
        parts.push(format!(
            "{} not reviewed ({}): check them in review-sheet.pdf and accept the ones that are right with `redress review CASE --accept ID --by NAME`",
            crate::diag::count(ids.len(), "finding"),
            ids.join(", ")
        ));
    }
    if !signed_off {
        parts.push(
            "the review is not signed off: `redress review CASE --sign-off NAME` once it is done"
                .into(),
        );
    }
    parts.join("; ")
}

/// One document made for a case.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentReport {
    /// The file name, relative to the case folder.
    pub file: String,
    /// The document's title.
    pub title: String,
    /// Size in bytes.
    pub bytes: usize,
    /// Pages.
    pub pages: usize,
    /// SHA-256 of the file, hex.
    pub sha256: String,
    /// For redacted documents: the verification result.
    pub verification: Verification,
}

/// What verification said about a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verification {
    /// A publication copy, proven clean of every listed identifier.
    Clean,
    /// Not checked: the internal copy with real names, NOT FOR PUBLICATION.
    NotForPublication,
    /// Not checked: the review sheet, internal and showing originals.
    Internal,
    /// A preview of a publication copy that is held back, proven clean of
    /// every listed identifier but marked PREVIEW, NOT FOR PUBLICATION.
    Preview,
}

/// What one case produced.
#[derive(Debug, Clone, Serialize)]
pub struct CaseReport {
    /// The case reference.
    pub reference: String,
    /// The folder the files are in.
    #[serde(skip)]
    pub dir: PathBuf,
    /// The documents, in plan order.
    pub documents: Vec<DocumentReport>,
    /// How many replacements the anonymiser made.
    pub redactions: usize,
    /// Findings nobody listed that are not yet reviewed.
    pub unreviewed: Vec<String>,
    /// The publication copies held back, and why.
    pub held: Vec<Held>,
    /// Whether and when the decision is published, and why not.
    pub publication: PublicationDecision,
}

/// A case made ready for its documents ([`Engine::prepare`]).
pub struct Prepared<'a> {
    /// The case as loaded.
    pub case: &'a Case,
    /// What its publication copies are verified against.
    pub checks: Checks,
    /// Its anonymised facts, which publication copies and web pages are
    /// made from.
    pub anonymised: anonymise::AnonymisedCase,
    /// What the anonymiser replaced.
    pub redactions: Redactions,
    /// Its documents.
    pub plans: Vec<DocumentPlan>,
    /// Whether and when it is published.
    pub publication: PublicationDecision,
}

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
    fn into_made(self, plan: &DocumentPlan) -> Made {
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
struct Made {
    /// The file name: `decision.redacted.pdf`.
    file: String,
    title: String,
    /// Whether it will be published (on the website, or once the draft is
    /// final).
    published: bool,
    verification: Verification,
    pdf: Vec<u8>,
    pages: usize,
    /// For verified documents: each page's text as extracted.
    page_text: Vec<String>,
}

impl Engine {
    /// Builds the shared resources: templates, typst library, fonts.
    pub fn new(templates: Templates) -> Self {
        let typesetter = Typesetter::new(templates.house_style());
        let coverage = typesetter.coverage();
        let rules = templates.rules();
        let allow = AllowList::new(&rules.allow.phones, &rules.allow.emails);
        Self {
            templates,
            typesetter,
            coverage,
            allow,
        }
    }

    /// A case's labels and compiled identifiers (with the public lines and
    /// mailboxes of `rules.toml` allowed, and the rewrites of
    /// `rewrites.toml`).
    pub fn identifiers(&self, case: &Case) -> (Vec<String>, Identifiers) {
        let labels = anonymise::labels(case);
        let ids = Identifiers::new(case, labels.clone())
            .with_allow_list(self.allow.clone())
            .with_rewrites(self.templates.rewrites().clone());
        (labels, ids)
    }

    /// What a case's redacted PDFs are verified against.
    pub fn checks(&self, case: &Case) -> Checks {
        let (labels, ids) = self.identifiers(case);
        Checks::new(case, &labels, ids)
    }

    /// The characters the bundled fonts cover (for case validation).
    pub fn coverage(&self) -> &Coverage {
        &self.coverage
    }

    /// The typesetter (for benchmarks of the typst floor).
    pub fn typesetter(&self) -> &Typesetter {
        &self.typesetter
    }

    /// The templates.
    pub fn templates(&self) -> &Templates {
        &self.templates
    }

    /// Reads and validates a case file, with the review file beside it
    /// merged in ([`review::file`]) and the lint's warnings about what
    /// anonymisation will do to its prose ([`crate::lint`]).
    pub fn load(&self, path: &Path) -> std::io::Result<Loaded> {
        let loaded = case::load(path, &self.coverage)?;
        Ok(self.lint(loaded))
    }

    /// [`load`](Self::load) of bytes already read from `path`.
    pub fn load_bytes(&self, path: &Path, bytes: &[u8]) -> Loaded {
        self.lint(case::load_bytes(path, bytes, &self.coverage))
    }

    /// The review file merged in, and the lint's warnings added.
    fn lint(&self, mut loaded: Loaded) -> Loaded {
        review::file::merge_into(&mut loaded);
        if let Some(case) = &loaded.case {
            let (_, ids) = self.identifiers(case);
            let warnings = crate::lint::lint(&loaded, &ids);
            loaded.add(warnings);
        }
        loaded
    }

    /// The Typst source of every document of a case, both variants (for
    /// `--emit typst` and tests).
    pub fn sources(&self, case: &Case) -> Result<Vec<(TypstSource, Variant)>, RenderError> {
        let (labels, ids) = self.identifiers(case);
        let (anonymised, _) = anonymise::anonymise(case, &ids);
        let mut out = Vec::new();
        for plan in plan::plan(case) {
            for &variant in plan.variants() {
                let source = match variant {
                    Variant::Redacted => self.templates.render_redacted(&anonymised, &plan)?,
                    Variant::Unredacted => {
                        self.templates.render_unredacted(case, &labels, &plan)?
                    }
                };
                out.push((source, variant));
            }
        }
        Ok(out)
    }

    /// The review of a case without its documents (for `redress review`
    /// and `publish`): its findings, and each changed sentence beside its
    /// published sentence, not placed in any document.
    pub fn review(&self, case: &Case) -> ReviewSheet {
        let (_, ids) = self.identifiers(case);
        let (anonymised, redactions) = anonymise::anonymise(case, &ids);
        review::build(case, &redactions, &anonymised, &[])
    }

    /// The review sheet's Typst source, without page places (for
    /// benchmarks of the typst floor).
    pub fn review_source(&self, case: &Case) -> Result<TypstSource, RenderError> {
        let (_, ids) = self.identifiers(case);
        let (anonymised, redactions) = anonymise::anonymise(case, &ids);
        let sheet = review::build(case, &redactions, &anonymised, &[]);
        self.templates.render_review(case, &sheet)
    }

    /// Everything a case's documents are made from: its identifiers, its
    /// anonymised facts, its plans and its publication decision. `render`
    /// and `publish` both start here.
    pub fn prepare<'a>(&self, case: &'a Case) -> Prepared<'a> {
        let (labels, ids) = self.identifiers(case);
        let checks = Checks::new(case, &labels, ids);
        let (anonymised, redactions) = anonymise::anonymise(case, &checks.identifiers);
        let plans = plan::plan(case);
        let publication = self.publication(case, &plans);
        Prepared {
            case,
            checks,
            anonymised,
            redactions,
            plans,
            publication,
        }
    }

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
        let (mut sheet, mut held) = self.review_sheet(case, redactions, anonymised, &made);
        made.retain(|m| !held.iter().any(|h| h.file == m.file));
        if options.preview {
            let previews = self.previews(case, checks, anonymised, &mut held, &jobs, options)?;
            made.extend(previews);
        }
        sheet.publication = Some(publication.clone());
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

    /// The publication decision of a case (docs/domain.md §5), with the delay
    /// of `rules.toml`.
    pub fn publication(&self, case: &Case, plans: &[DocumentPlan]) -> PublicationDecision {
        crate::publish::decide(case, plans, self.templates.rules().publication_delay_weeks)
    }

    /// The review sheet, placed against every publication copy's pages,
    /// and the copies to hold back ([`hold`]).
    fn review_sheet(
        &self,
        case: &Case,
        redactions: &Redactions,
        anonymised: &anonymise::AnonymisedCase,
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
        let sheet = review::build(case, redactions, anonymised, &copies);
        let held = hold::holds(&sheet, &copies, redactions);
        (sheet, held)
    }

    /// The previews of the held copies (`--preview`), made and verified
    /// like the copies themselves; each held copy learns its preview's name.
    fn previews(
        &self,
        case: &Case,
        checks: &Checks,
        anonymised: &anonymise::AnonymisedCase,
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

    /// A preview of a held copy, typeset and verified clean.
    fn make_preview(
        &self,
        case: &Case,
        checks: &Checks,
        plan: &DocumentPlan,
        source: &TypstSource,
    ) -> Result<Made, CaseError> {
        let document = format!("{}.preview.pdf", plan.file);
        let settings = PdfSettings {
            date: plan.date,
            ident: format!("{}/{}/preview", case.case.reference, plan.file),
        };
        let typeset = self
            .typesetter
            .typeset(source, &settings)
            .map_err(|error| CaseError::Typeset {
                document: document.clone(),
                error,
            })?;
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
    fn make_review(&self, case: &Case, sheet: &ReviewSheet) -> Result<Made, CaseError> {
        let source = self.templates.render_review(case, sheet)?;
        let settings = PdfSettings {
            date: case.case.decision_date,
            ident: format!("{}/review-sheet", case.case.reference),
        };
        let typeset = self
            .typesetter
            .typeset(&source, &settings)
            .map_err(|error| CaseError::Typeset {
                document: "review-sheet.pdf".into(),
                error,
            })?;
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

    fn make(
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
            date: plan.date,
            ident: format!("{}/{}/{}", case.case.reference, plan.file, variant.as_str()),
        };
        let typeset = self
            .typesetter
            .typeset(source, &settings)
            .map_err(|error| CaseError::Typeset {
                document: document.clone(),
                error,
            })?;
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

/// Runs `work` over `items` on up to `threads` threads, each taking the next
/// item from a shared counter; results come back in input order.
pub(crate) fn in_parallel<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    work: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    if threads <= 1 || items.len() <= 1 {
        return items.iter().map(work).collect();
    }
    let queue = crate::batch::Queue::new(items);
    // In an isolated case, a panic on one of its threads is forwarded to the
    // case (with its message and place) rather than printed.
    let isolated = crate::batch::is_isolated();
    let panicked = std::sync::Mutex::new(None);
    std::thread::scope(|scope| {
        for _ in 0..threads.min(items.len()) {
            scope.spawn(|| {
                if !isolated {
                    return queue.drain(&work);
                }
                if let Err(message) = crate::batch::isolate(|| queue.drain(&work)) {
                    *panicked.lock().unwrap_or_else(|e| e.into_inner()) = Some(message);
                }
            });
        }
    });
    if let Some(message) = panicked.into_inner().unwrap_or_else(|e| e.into_inner()) {
        std::panic::resume_unwind(Box::new(message));
    }
    queue.results()
}

/// `23 004 118` → `23-004-118`, the form LGSCO uses in addresses.
pub fn case_dir_name(reference: &str) -> String {
    reference.trim().replace(' ', "-")
}

/// SHA-256 as lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
