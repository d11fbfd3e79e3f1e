//! One case, end to end: load → anonymise → plan → render → typeset →
//! verify → write.
//!
//! Every document of a case is made and every redacted one verified in
//! memory first; only when all of them are proven clean are the files
//! written, each to a temporary file that is read back, verified again and
//! then renamed into place. A case that fails leaves no new file behind.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::anonymise::{self, AllowList, Identifiers, Redactions};
use crate::case::{self, Case, Coverage, Loaded};
use crate::plan::{self, DocumentPlan};
use crate::publish::PublicationDecision;
use crate::render::{RenderError, Templates, Variant};
use crate::review::{self, ReviewSheet};
use crate::typeset::{PdfSettings, TypesetError, Typesetter, TypstSource};
use crate::verify::{self, VerifyReport};

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
    #[error("publication PDFs withheld: {} not reviewed ({}); check them in review-sheet.pdf and list them in `review.accepted`", crate::diag::count(ids.len(), "finding"), ids.join(", "))]
    Unreviewed {
        /// The finding ids.
        ids: Vec<String>,
    },
    /// A redacted document could not be proven clean; nothing was written.
    #[error("`{document}` was not written: {}", report.describe())]
    NotClean {
        /// The document.
        document: String,
        /// What verification found (categories and places, no values).
        report: VerifyReport,
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
    /// Whether and when the decision is published, and why not.
    pub publication: PublicationDecision,
}

/// A document rendered and typeset, not yet written.
struct Made {
    /// The file name: `decision.redacted.pdf`.
    file: String,
    title: String,
    /// What it is (`None` for the review sheet).
    kind: Option<plan::DocKind>,
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
    /// mailboxes of `rules.toml` allowed).
    pub fn identifiers(&self, case: &Case) -> (Vec<String>, Identifiers) {
        let labels = anonymise::labels(case);
        let ids = Identifiers::new(case, labels.clone()).with_allow_list(self.allow.clone());
        (labels, ids)
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

    /// Reads and validates a case file.
    pub fn load(&self, path: &Path) -> std::io::Result<Loaded> {
        case::load(path, &self.coverage)
    }

    /// The Typst source of every document of a case, both variants (for
    /// `--emit typst` and tests).
    pub fn sources(&self, case: &Case) -> Result<Vec<(TypstSource, Variant)>, RenderError> {
        let (labels, ids) = self.identifiers(case);
        let (anonymised, _) = anonymise::anonymise(case, &ids);
        let mut out = Vec::new();
        for plan in plan::plan(case) {
            out.push((
                self.templates.render_redacted(&anonymised, &plan)?,
                Variant::Redacted,
            ));
            out.push((
                self.templates.render_unredacted(case, &labels, &plan)?,
                Variant::Unredacted,
            ));
        }
        Ok(out)
    }

    /// The review sheet's Typst source, without page places (for
    /// benchmarks of the typst floor).
    pub fn review_source(&self, case: &Case) -> Result<TypstSource, RenderError> {
        let (_, ids) = self.identifiers(case);
        let (anonymised, redactions) = anonymise::anonymise(case, &ids);
        let sheet = review::build(case, &redactions, &anonymised, &[]);
        self.templates.render_review(case, &sheet)
    }

    /// Makes, verifies and writes every document of a case into
    /// `out/<reference>/`.
    pub fn render_case(
        &self,
        case: &Case,
        out: &Path,
        options: RenderOptions,
    ) -> Result<CaseReport, CaseError> {
        let (labels, ids) = self.identifiers(case);
        let (anonymised, redactions) = anonymise::anonymise(case, &ids);
        let plans = plan::plan(case);
        let publication = self.publication(case, &plans);
        // A decision that is not to be published gets no publication copy
        // of itself or of its letters (reports always have one).
        let jobs: Vec<(DocumentPlan, Variant)> = plans
            .into_iter()
            .flat_map(|p| {
                let redacted = publication
                    .makes_publication_copy(&p)
                    .then(|| (p.clone(), Variant::Redacted));
                redacted.into_iter().chain([(p, Variant::Unredacted)])
            })
            .collect();
        let make = |(plan, variant): &(DocumentPlan, Variant)| {
            let source = match variant {
                Variant::Redacted => self.templates.render_redacted(&anonymised, plan)?,
                Variant::Unredacted => self.templates.render_unredacted(case, &labels, plan)?,
            };
            self.make(case, &ids, plan.clone(), *variant, &source)
        };
        let mut made = in_parallel(&jobs, options.document_threads, make)
            .into_iter()
            .collect::<Result<Vec<_>, _>>()?;
        let mut sheet = self.review_sheet(case, &redactions, &anonymised, &made)?;
        sheet.publication = Some(publication.clone());
        let withheld = options.require_review && !sheet.unreviewed.is_empty();
        if withheld {
            made.retain(|m| m.verification != Verification::Clean);
        }
        made.push(self.make_review(case, &sheet)?);
        let dir = out.join(case_dir_name(&case.case.reference));
        let documents = write_all(&dir, &made)?;
        write_json(&dir, "redactions.json", &redaction_log(case, &redactions))?;
        write_json(&dir, "review.json", &sheet)?;
        let report = CaseReport {
            reference: case.case.reference.clone(),
            dir: dir.clone(),
            documents,
            redactions: redactions.entries.len(),
            unreviewed: sheet.unreviewed.clone(),
            publication,
        };
        write_json(&dir, "manifest.json", &Manifest::new(&report, &dir)?)?;
        if withheld {
            return Err(CaseError::Unreviewed {
                ids: sheet.unreviewed,
            });
        }
        Ok(report)
    }

    /// The publication decision of a case (DOMAIN.md §6), with the delay
    /// of `rules.toml`.
    pub fn publication(&self, case: &Case, plans: &[DocumentPlan]) -> PublicationDecision {
        crate::publish::decide(case, plans, self.templates.rules().publication_delay_weeks)
    }

    /// The review sheet, placed against the redacted decision's pages.
    fn review_sheet(
        &self,
        case: &Case,
        redactions: &Redactions,
        anonymised: &anonymise::AnonymisedCase,
        made: &[Made],
    ) -> Result<ReviewSheet, CaseError> {
        let decision = made.iter().find(|m| {
            m.verification == Verification::Clean && m.kind == Some(plan::DocKind::Decision)
        });
        let pages = decision.map(|m| m.page_text.as_slice()).unwrap_or_default();
        Ok(review::build(case, redactions, anonymised, pages))
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
            kind: None,
            verification: Verification::Internal,
            pages: typeset.pages,
            pdf: typeset.pdf,
            page_text: Vec::new(),
        })
    }

    fn make(
        &self,
        case: &Case,
        ids: &Identifiers,
        plan: DocumentPlan,
        variant: Variant,
        source: &TypstSource,
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
        let mut page_text = Vec::new();
        if variant == Variant::Redacted {
            let (report, text) = verify::verify_with_text(&typeset.pdf, ids);
            if !report.is_clean() {
                return Err(CaseError::NotClean { document, report });
            }
            page_text = text;
        }
        Ok(Made {
            file: document,
            title: plan.title,
            kind: Some(plan.kind),
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

/// Runs `work` over `items` on up to `threads` threads, each taking the next
/// item from a shared counter; results come back in input order.
fn in_parallel<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    work: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    if threads <= 1 || items.len() <= 1 {
        return items.iter().map(work).collect();
    }
    let queue = crate::batch::Queue::new(items);
    std::thread::scope(|scope| {
        for _ in 0..threads.min(items.len()) {
            scope.spawn(|| queue.drain(&work));
        }
    });
    queue.results()
}

/// `23 004 118` → `23-004-118`, the form LGSCO uses in addresses.
pub fn case_dir_name(reference: &str) -> String {
    reference.trim().replace(' ', "-")
}

/// Writes every document: temp file, read back, verify, rename.
fn write_all(dir: &Path, made: &[Made]) -> Result<Vec<DocumentReport>, CaseError> {
    fs::create_dir_all(dir).map_err(|error| CaseError::Io {
        path: dir.to_path_buf(),
        error,
    })?;
    let mut reports = Vec::new();
    for m in made {
        let path = dir.join(&m.file);
        // The bytes read back must be the bytes verified in memory.
        write_atomically(&path, &m.pdf, |on_disk| {
            if on_disk == m.pdf.as_slice() {
                Ok(())
            } else {
                Err(CaseError::Io {
                    path: path.clone(),
                    error: std::io::Error::other(
                        "the file read back differs from what was verified",
                    ),
                })
            }
        })?;
        reports.push(DocumentReport {
            file: m.file.clone(),
            title: m.title.clone(),
            bytes: m.pdf.len(),
            pages: m.pages,
            sha256: sha256_hex(&m.pdf),
            verification: m.verification,
        });
    }
    Ok(reports)
}

/// Writes `bytes` to a temporary file beside `path`, reads it back, lets
/// `check` accept it, then renames it into place. On any failure the
/// temporary file is removed.
fn write_atomically(
    path: &Path,
    bytes: &[u8],
    check: impl FnOnce(&[u8]) -> Result<(), CaseError>,
) -> Result<(), CaseError> {
    let io = |error| CaseError::Io {
        path: path.to_path_buf(),
        error,
    };
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("out");
    let tmp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = fs::File::create(&tmp).map_err(io)?;
        file.write_all(bytes).map_err(io)?;
        // No fsync: the rename makes the file appear whole or not at all to
        // every other process, which is the guarantee that matters here;
        // syncing each file to disk tripled the cost of writing (about 3 ms
        // a document) for protection against power loss only.
        drop(file);
        let on_disk = fs::read(&tmp).map_err(io)?;
        check(&on_disk)?;
        fs::rename(&tmp, path).map_err(io)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

fn write_json(dir: &Path, name: &str, value: &impl Serialize) -> Result<(), CaseError> {
    let mut text = serde_json::to_string_pretty(value).expect("reports serialise");
    text.push('\n');
    write_atomically(&dir.join(name), text.as_bytes(), |_| Ok(()))
}

/// SHA-256 as lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[derive(Serialize)]
struct RedactionLog<'a> {
    reference: &'a str,
    note: &'static str,
    summary: Vec<anonymise::SummaryRow>,
    entries: &'a [anonymise::Redaction],
}

fn redaction_log<'a>(case: &'a Case, redactions: &'a Redactions) -> RedactionLog<'a> {
    RedactionLog {
        reference: &case.case.reference,
        note: "positions are byte offsets into the case-file field named; original values are never recorded here",
        summary: redactions.summary(),
        entries: &redactions.entries,
    }
}

/// Every file of a case with its hash and verification.
#[derive(Serialize)]
struct Manifest<'a> {
    generator: String,
    reference: &'a str,
    documents: &'a [DocumentReport],
    redactions: ManifestFile,
    publication: &'a PublicationDecision,
}

#[derive(Serialize)]
struct ManifestFile {
    file: &'static str,
    sha256: String,
}

impl<'a> Manifest<'a> {
    fn new(report: &'a CaseReport, dir: &Path) -> Result<Self, CaseError> {
        let path = dir.join("redactions.json");
        let bytes = fs::read(&path).map_err(|error| CaseError::Io { path, error })?;
        Ok(Self {
            generator: format!("redress {}", env!("CARGO_PKG_VERSION")),
            reference: &report.reference,
            documents: &report.documents,
            redactions: ManifestFile {
                file: "redactions.json",
                sha256: sha256_hex(&bytes),
            },
            publication: &report.publication,
        })
    }
}
