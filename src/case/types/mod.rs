//! The data model of a case file: [`Case`] and its parts, one module per
//! part (the case's details, people, bodies, the complaint and findings,
//! remedies, the decision, publication, escalation, review). Dates, sums
//! and deadlines are in [`date`](super::date), a person's other names in
//! [`alias`](super::alias). Every struct rejects unknown fields.
//!
//! Free text is its own type, [`Prose`] (`prose`), and one walk finds every
//! piece of it by that type (`texts`): [`Case::prose`] and
//! [`Case::prose_mut`], what the anonymiser rewrites, keep no list of
//! fields.

mod bodies;
mod decision;
mod escalation;
mod findings;
mod info;
mod people;
mod prose;
mod publication;
mod remedies;
mod review;
mod texts;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use bodies::{Addressee, Body, BodyKind, HealthRemit};
pub use decision::{Outcome, OutcomeDetail, Statistics, WebsiteDecision};
pub use escalation::{
    DocumentRequest, Escalation, EscalationEvent, EventKind, NoticeDirections, Parliament,
    RequestKind,
};
pub use findings::{Complaint, ComplaintPoint, Determination, Finding, Investigation, LawItem};
pub use info::{CaseInfo, Investigator, Jurisdiction, Stage};
pub use people::{Generalisation, Person, Relationship, Role, Title};
pub use prose::Prose;
pub use publication::{Exception, Publication};
pub use remedies::{Compliance, Instrument, Recommendation, RemedyKind};
pub use review::{Acceptance, Review, SignOff};
use texts::{At, Texts};

/// The facts of one complaint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// The schema this file follows (`redress schema`), for editors of JSON
    /// case files; redress itself ignores it. TOML files name theirs in a
    /// `#:schema` comment instead.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// References, dates and the summary.
    pub case: CaseInfo,
    /// Every natural person the case mentions.
    #[serde(default)]
    pub people: Vec<Person>,
    /// The organisations complained about (and others named in the case).
    pub bodies: Vec<Body>,
    /// What the complainant complained about.
    pub complaint: Complaint,
    /// Scope and evidence.
    #[serde(default)]
    pub investigation: Investigation,
    /// Relevant law and guidance.
    #[serde(default)]
    pub law: Vec<LawItem>,
    /// Findings, per body.
    #[serde(default)]
    pub findings: Vec<Finding>,
    /// The remedies recommended (or, for the Housing Ombudsman, ordered).
    #[serde(default)]
    pub recommendations: Vec<Recommendation>,
    /// The decision.
    pub outcome: Outcome,
    /// Whether and how the decision is published.
    #[serde(default)]
    pub publication: Publication,
    /// What happened after the decision when a body did not comply.
    #[serde(default)]
    pub escalation: Escalation,
    /// Terms that identify someone indirectly, and what to write instead.
    #[serde(default)]
    pub generalise: Vec<Generalisation>,
    /// What publication staff have reviewed.
    #[serde(default)]
    pub review: Review,
}

impl Case {
    /// Every free-text field with its path (`investigation.what_happened`),
    /// as the anonymiser and the review sheet name them.
    pub fn prose(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        self.texts(&At::Root, &mut |at, text| {
            out.push((at.to_string(), text.to_string()));
        });
        out
    }

    /// Every free-text field, with its path: what the anonymiser rewrites.
    /// Names, ids, references, dates and amounts are not free text: every
    /// [`Prose`] is, wherever it is, found by its type ([`texts`]).
    pub(crate) fn prose_mut(&mut self) -> Vec<(String, &mut String)> {
        let mut out = Vec::new();
        self.texts_mut(&At::Root, &mut |at, text| {
            out.push((at.to_string(), text.as_mut_string()));
        });
        out
    }

    /// The person with this id.
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }

    /// The body with this id.
    pub fn body(&self, id: &str) -> Option<&Body> {
        self.bodies.iter().find(|b| b.id == id)
    }

    /// The complainant (validation guarantees exactly one).
    pub fn complainant(&self) -> Option<&Person> {
        self.people.iter().find(|p| p.role == Role::Complainant)
    }

    /// Whether any finding says this body was at fault.
    pub fn at_fault(&self, body: &str) -> bool {
        self.findings.iter().any(|f| f.body == body && f.fault)
    }
}

/// The walk over a whole case, in the order [`Case::prose`] has always
/// listed its fields in (the anonymiser's log, the lint and the review sheet
/// follow it): the required single fields of the case, the complaint and
/// the investigation; the optional single fields; then each list in turn;
/// then the rest, which holds no free text today. Every field of the case
/// and of its four single parts is bound, and every binding walked.
macro_rules! case_walk {
    ($case:expr, $at:expr, $found:expr, $walk:ident) => {{
        let Case {
            schema,
            case,
            people,
            bodies,
            complaint,
            investigation,
            law,
            findings,
            recommendations,
            outcome,
            publication,
            escalation,
            generalise,
            review,
        } = $case;
        let CaseInfo {
            reference,
            jurisdiction,
            stage,
            category,
            received,
            decision_date,
            hos_reference,
            summary,
            draft_sent,
            investigator,
            adjudicator,
        } = case;
        let Complaint {
            points,
            injustice,
            outcome_sought,
        } = complaint;
        let Investigation {
            scope,
            considered,
            what_happened,
        } = investigation;
        let Outcome {
            decision,
            final_decision,
            per_body,
            detail,
            per_body_detail,
        } = outcome;
        let (at, found) = ($at, $found);
        let in_case = at.key("case");
        let in_complaint = at.key("complaint");
        let in_investigation = at.key("investigation");
        let in_outcome = at.key("outcome");
        summary.$walk(&in_case.key("summary"), found);
        injustice.$walk(&in_complaint.key("injustice"), found);
        scope.$walk(&in_investigation.key("scope"), found);
        considered.$walk(&in_investigation.key("considered"), found);
        what_happened.$walk(&in_investigation.key("what_happened"), found);
        category.$walk(&in_case.key("category"), found);
        outcome_sought.$walk(&in_complaint.key("outcome_sought"), found);
        final_decision.$walk(&in_outcome.key("final_decision"), found);
        points.$walk(&in_complaint.key("points"), found);
        law.$walk(&at.key("law"), found);
        findings.$walk(&at.key("findings"), found);
        recommendations.$walk(&at.key("recommendations"), found);
        people.$walk(&at.key("people"), found);
        bodies.$walk(&at.key("bodies"), found);
        escalation.$walk(&at.key("escalation"), found);
        schema.$walk(&at.key("$schema"), found);
        reference.$walk(&in_case.key("reference"), found);
        jurisdiction.$walk(&in_case.key("jurisdiction"), found);
        stage.$walk(&in_case.key("stage"), found);
        received.$walk(&in_case.key("received"), found);
        decision_date.$walk(&in_case.key("decision_date"), found);
        hos_reference.$walk(&in_case.key("hos_reference"), found);
        draft_sent.$walk(&in_case.key("draft_sent"), found);
        investigator.$walk(&in_case.key("investigator"), found);
        adjudicator.$walk(&in_case.key("adjudicator"), found);
        decision.$walk(&in_outcome.key("decision"), found);
        per_body.$walk(&in_outcome.key("per_body"), found);
        detail.$walk(&in_outcome.key("detail"), found);
        per_body_detail.$walk(&in_outcome.key("per_body_detail"), found);
        publication.$walk(&at.key("publication"), found);
        generalise.$walk(&at.key("generalise"), found);
        review.$walk(&at.key("review"), found);
    }};
}

impl Texts for Case {
    #[deny(unused_variables)]
    fn texts<'a>(&'a self, at: &At<'_>, found: &mut impl FnMut(&At<'_>, &'a Prose)) {
        case_walk!(self, at, found, texts);
    }

    #[deny(unused_variables)]
    fn texts_mut<'a>(&'a mut self, at: &At<'_>, found: &mut impl FnMut(&At<'_>, &'a mut Prose)) {
        case_walk!(self, at, found, texts_mut);
    }
}
