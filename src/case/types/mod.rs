//! The data model of a case file: [`Case`] and its parts, one module per
//! part (the case's details, people, bodies, the complaint and findings,
//! remedies, the decision, publication, escalation, review). Dates, sums
//! and deadlines are in [`date`](super::date), a person's other names in
//! [`alias`](super::alias). Every struct rejects unknown fields.

mod bodies;
mod decision;
mod escalation;
mod findings;
mod info;
mod people;
mod publication;
mod remedies;
mod review;

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
pub use publication::{Exception, Publication};
pub use remedies::{Compliance, Instrument, Recommendation, RemedyKind};
pub use review::{Acceptance, Review, SignOff};

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
        self.clone()
            .prose_mut()
            .into_iter()
            .map(|(path, text)| (path, text.clone()))
            .collect()
    }

    /// Every free-text field, with its path: what the anonymiser rewrites.
    /// Names, ids, references, dates and amounts are not free text.
    pub(crate) fn prose_mut(&mut self) -> Vec<(String, &mut String)> {
        let mut out: Vec<(String, &mut String)> = vec![
            ("case.summary".into(), &mut self.case.summary),
            ("complaint.injustice".into(), &mut self.complaint.injustice),
            ("investigation.scope".into(), &mut self.investigation.scope),
            (
                "investigation.considered".into(),
                &mut self.investigation.considered,
            ),
            (
                "investigation.what_happened".into(),
                &mut self.investigation.what_happened,
            ),
        ];
        let optional = [
            ("case.category", &mut self.case.category),
            (
                "complaint.outcome_sought",
                &mut self.complaint.outcome_sought,
            ),
            ("outcome.final_decision", &mut self.outcome.final_decision),
        ];
        for (path, field) in optional {
            if let Some(text) = field {
                out.push((path.into(), text));
            }
        }
        for (i, p) in self.complaint.points.iter_mut().enumerate() {
            out.push((format!("complaint.points[{i}].text"), &mut p.text));
        }
        for (i, l) in self.law.iter_mut().enumerate() {
            out.push((format!("law[{i}].title"), &mut l.title));
            out.push((format!("law[{i}].text"), &mut l.text));
        }
        for (i, f) in self.findings.iter_mut().enumerate() {
            out.push((format!("findings[{i}].text"), &mut f.text));
            if let Some(complaint) = &mut f.complaint {
                out.push((format!("findings[{i}].complaint"), complaint));
            }
        }
        for (i, r) in self.recommendations.iter_mut().enumerate() {
            out.push((format!("recommendations[{i}].text"), &mut r.text));
        }
        for (i, p) in self.people.iter_mut().enumerate() {
            if let Some(rel) = &mut p.relationship {
                out.push((format!("people[{i}].relationship.as"), &mut rel.relation));
            }
            if let Some(role) = &mut p.job_role {
                out.push((format!("people[{i}].job_role"), role));
            }
        }
        for (i, b) in self.bodies.iter_mut().enumerate() {
            if let Some(text) = &mut b.particular_importance {
                out.push((format!("bodies[{i}].particular_importance"), text));
            }
            if let Some(category) = &mut b.category {
                out.push((format!("bodies[{i}].category"), category));
            }
        }
        for (i, e) in self.escalation.events.iter_mut().enumerate() {
            out.push((format!("escalation.events[{i}].text"), &mut e.text));
            if let Some(view) = &mut e.view {
                out.push((format!("escalation.events[{i}].view"), view));
            }
        }
        if let Some(notice) = &mut self.escalation.notice {
            for (i, place) in notice.places.iter_mut().enumerate() {
                out.push((format!("escalation.notice.places[{i}]"), place));
            }
            out.push(("escalation.notice.period".into(), &mut notice.period));
            if let Some(reasons) = &mut notice.provider_reasons {
                out.push(("escalation.notice.provider_reasons".into(), reasons));
            }
            if let Some(summary) = &mut notice.summary {
                out.push(("escalation.notice.summary".into(), summary));
            }
        }
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
