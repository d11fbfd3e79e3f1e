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
//! back ([`holds`], the review stage's): the internal copies and the review
//! sheet are written, the report says which copy was held and why, and
//! `--preview` writes the held copy marked as a preview instead.
//!
//! The shared resources are `engine`'s; a case made ready for its
//! documents is `prepared`; one document is made (and verified) in `make`;
//! `run` takes a case end to end; what it produced is `report`'s.

mod checks;
mod engine;
mod make;
mod prepared;
mod recent;
mod refusal;
mod report;
mod run;
mod write;

pub use crate::digest::sha256_hex;
pub use crate::review::{Held, HoldReason, holds, placeholders_in};
pub use checks::Checks;
pub use engine::Engine;
pub use make::PublicationCopy;
pub use prepared::Prepared;
pub use refusal::PlacedLeak;
pub use report::{
    CaseError, CaseReport, DocumentReport, RenderOptions, Verification, case_dir_name,
};
pub use write::{TEST_PANIC_ENV, replace_dir};

use std::path::Path;

use make::Made;
use recent::Anonymisation;

use crate::anonymise;
use crate::case::{self, Case, Loaded};
use crate::plan::{self, Variant};
use crate::render::RenderError;
use crate::review::{self, ReviewSheet};
use crate::typeset::TypstSource;

impl Engine {
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

    /// [`load`](Self::load) without the lint's warnings: the case and its
    /// errors, for a reader that needs no warnings (which files share a
    /// reference, the Typst of a case already rendered). The lint
    /// anonymises the whole case, which is most of a load's work.
    pub fn load_unlinted(&self, path: &Path) -> std::io::Result<Loaded> {
        Ok(self.checked(case::load(path, &self.coverage)?))
    }

    /// The plan's checks run and the review file merged in.
    fn checked(&self, mut loaded: Loaded) -> Loaded {
        crate::lint::check_plan(&mut loaded);
        review::file::merge_into(&mut loaded);
        loaded
    }

    /// [`checked`](Self::checked), and the lint's warnings added. The
    /// anonymisation the lint makes is kept for the case's render
    /// ([`prepare`](Self::prepare)).
    fn lint(&self, loaded: Loaded) -> Loaded {
        let mut loaded = self.checked(loaded);
        if let Some(case) = &loaded.case {
            let (labels, ids) = self.identifiers(case);
            let (anonymised, redactions) = anonymise::anonymise(case, &ids);
            let warnings = crate::lint::lint_anonymised(&loaded, &ids, &anonymised, &redactions);
            self.recent.keep(
                case,
                Anonymisation {
                    labels,
                    ids,
                    anonymised,
                    redactions,
                },
            );
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
        for plan in plan::plan(case, self.templates.rules().plan_words()) {
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
}
