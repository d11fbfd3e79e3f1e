//! What is built once per process and shared by every worker: the
//! templates, the typesetter and the characters its fonts cover, the
//! public lines and mailboxes the anonymiser leaves alone; and from them,
//! a case's identifiers, its checks and its publication decision.

use super::checks::Checks;
use super::recent::Recent;
use crate::anonymise::{self, AllowList, Identifiers};
use crate::case::{Case, Coverage};
use crate::plan::{DocumentPlan, PublicationDecision};
use crate::render::Templates;
use crate::typeset::Typesetter;

/// What is built once per process and shared by every worker.
pub struct Engine {
    pub(super) templates: Templates,
    pub(super) typesetter: Typesetter,
    pub(super) coverage: Coverage,
    allow: AllowList,
    /// The anonymisations of the cases loaded last, for their renders.
    pub(super) recent: Recent,
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
            recent: Recent::default(),
        }
    }

    /// A case's labels and compiled identifiers (with the public lines and
    /// mailboxes of `rules.toml` allowed, and the rewrites of
    /// `rewrites.toml`).
    pub fn identifiers(&self, case: &Case) -> (Vec<String>, Identifiers) {
        let labels = anonymise::labels(case);
        let ids = Identifiers::new(case, labels.clone(), &self.office_names(case))
            .with_allow_list(self.allow.clone())
            .with_rewrites(self.templates.rewrites().clone());
        (labels, ids)
    }

    /// What a case's redacted PDFs are verified against.
    pub fn checks(&self, case: &Case) -> Checks {
        let (labels, ids) = self.identifiers(case);
        Checks::new(case, &labels, ids, &self.office_names(case))
    }

    /// The names a case's documents print as the office's own: its
    /// investigator (and adjudicator), and the signatories of
    /// `office.toml`.
    pub fn office_names(&self, case: &Case) -> Vec<String> {
        let office = self.templates.office();
        let mut names = case.case.office_names();
        names.extend(
            [&office.lgsco, &office.phso, &office.hos]
                .into_iter()
                .map(|o| o.signatory.name.clone()),
        );
        names
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

    /// The publication decision of a case (docs/domain.md §5), with the delay
    /// of `rules.toml`.
    pub fn publication(&self, case: &Case, plans: &[DocumentPlan]) -> PublicationDecision {
        let rules = self.templates.rules();
        crate::plan::decide(
            case,
            plans,
            rules.publication_delay_weeks,
            rules.plan_words(),
        )
    }
}
