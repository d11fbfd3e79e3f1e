//! A case made ready for its documents: its checks, its anonymised facts
//! and what the anonymiser replaced, its plans and its publication
//! decision. `render` and `publish` both start here.

use super::checks::Checks;
use super::engine::Engine;
use super::recent::Anonymisation;
use crate::anonymise::{self, AnonymisedCase, Redactions};
use crate::case::Case;
use crate::plan::{self, DocumentPlan, PublicationDecision};

/// A case made ready for its documents ([`Engine::prepare`]).
pub struct Prepared<'a> {
    /// The case as loaded.
    pub case: &'a Case,
    /// What its publication copies are verified against.
    pub checks: Checks,
    /// Its anonymised facts, which publication copies and web pages are
    /// made from.
    pub anonymised: AnonymisedCase,
    /// What the anonymiser replaced.
    pub redactions: Redactions,
    /// Its documents.
    pub plans: Vec<DocumentPlan>,
    /// Whether and when it is published.
    pub publication: PublicationDecision,
}

impl Engine {
    /// Everything a case's documents are made from: its identifiers, its
    /// anonymised facts, its plans and its publication decision. `render`
    /// and `publish` both start here.
    /// The case's anonymisation is the one its load made for the lint when
    /// the case is unchanged since ([`Recent`](super::recent::Recent)).
    pub fn prepare<'a>(&self, case: &'a Case) -> Prepared<'a> {
        let Anonymisation {
            labels,
            ids,
            anonymised,
            redactions,
        } = self.recent.take(case).unwrap_or_else(|| {
            let (labels, ids) = self.identifiers(case);
            let (anonymised, redactions) = anonymise::anonymise(case, &ids);
            Anonymisation {
                labels,
                ids,
                anonymised,
                redactions,
            }
        });
        let checks = Checks::new(case, &labels, ids, &self.office_names(case));
        let plans = plan::plan(case, self.templates.rules().plan_words());
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
}
