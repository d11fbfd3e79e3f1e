//! The website record of one body (DOMAIN.md §7.1, §10.3 item 7): every
//! body of a case has its own record, with its own reference, category and
//! `Decision`, and carries the shared statement.
//!
//! Records are built from the anonymised case only. Besides what the
//! website shows (title, category, decision, decision date), they keep what
//! DOMAIN.md asks the data model to keep but not to render: the
//! fine-grained outcome, the remedies by type with amounts and due dates,
//! and the compliance state.

use serde::Serialize;

use super::decision::{ExceptionInfo, PublicationDecision, always_published};
use crate::anonymise::AnonymisedCase;
use crate::case::{
    Body, BodyKind, BodyOutcome, Case, Compliance, Date, Instrument, Jurisdiction, Money,
    OutcomeDetail, Recommendation, RemedyKind, Stage, Statistics, WebsiteDecision,
};
use crate::plan::{DocKind, DocumentPlan};

/// One body's website record.
#[derive(Debug, Clone, Serialize)]
pub struct Record {
    /// The record's reference: `23 004 118a`.
    pub reference: String,
    /// The case's reference: `23 004 118`.
    pub case_reference: String,
    /// The body, by its legal name.
    pub body: String,
    /// What kind of body.
    pub body_kind: BodyKind,
    /// The page title: "Body (reference)".
    pub title: String,
    /// "Adult care services > Assessment and care plan".
    pub category: Option<String>,
    /// The body's own decision, as the website shows it: "Upheld".
    pub decision: &'static str,
    /// The date of the decision, `YYYY-MM-DD`.
    pub decision_date: Date,
    /// The same in the website's form: "12 Dec 2023".
    pub decision_date_display: String,
    /// The outcome in the finer layers of DOMAIN.md §7.3.
    pub outcome: RecordOutcome,
    /// Which Ombudsmen decided.
    pub jurisdiction: Jurisdiction,
    /// The Summary of the statement (anonymised).
    pub summary: String,
    /// The body's remedies, by type.
    pub remedies: Vec<RecordRemedy>,
    /// Where the body stands on its remedies (DOMAIN.md §7.3, compliance).
    pub compliance: Option<String>,
    /// Whether the record is published.
    pub publish: bool,
    /// The publication decision behind it.
    pub publication: RecordPublication,
    /// The record page, relative to the site root.
    pub html: String,
    /// The decision statement's PDF, relative to the site root, when it is
    /// published.
    pub pdf: Option<String>,
    /// Every published document of the record.
    pub documents: Vec<DocumentLink>,
}

/// The outcome of a record.
#[derive(Debug, Clone, Serialize)]
pub struct RecordOutcome {
    /// The website's `Decision`, as a case file writes it: `not_upheld`.
    pub website: WebsiteDecision,
    /// The fine-grained outcome, where the case says it or the findings
    /// show it: `upheld.fault_injustice`.
    pub detail: Option<OutcomeDetail>,
    /// As the annual statistics count it.
    pub statistics: Option<Statistics>,
}

/// One remedy of a record.
#[derive(Debug, Clone, Serialize)]
pub struct RecordRemedy {
    /// `apology`, `putting_right`, `financial`, `service_improvement` or `other`.
    #[serde(rename = "type")]
    pub kind_group: RemedyType,
    /// The remedy as the case file names it: `payment`, `training`.
    pub kind: RemedyKind,
    /// A recommendation or (Housing Ombudsman) an order.
    pub instrument: Instrument,
    /// What the body must do (anonymised).
    pub text: String,
    /// What this body pays: its share of a joint payment, or the whole sum.
    pub amount: Option<Money>,
    /// For a joint payment: the whole sum, shared with the other bodies.
    pub joint_amount: Option<Money>,
    /// The references of the other bodies in a joint remedy.
    pub with: Vec<String>,
    /// "one month".
    pub deadline: String,
    /// The due date, counted from the final decision.
    pub due: Option<Date>,
    /// Whether the body has done it.
    pub status: Compliance,
}

/// The remedy types of DOMAIN.md §3.4, in the order remedies are considered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RemedyType {
    /// An apology.
    Apology,
    /// Putting things right for the person (a new assessment).
    PuttingRight,
    /// A payment, refund or waived charge.
    Financial,
    /// A change to how the body works.
    ServiceImprovement,
    /// Anything else.
    Other,
}

impl RemedyType {
    fn of(kind: RemedyKind) -> Self {
        match kind {
            RemedyKind::Apology => Self::Apology,
            RemedyKind::Reassessment => Self::PuttingRight,
            RemedyKind::Payment | RemedyKind::Refund | RemedyKind::WaiveCharge => Self::Financial,
            RemedyKind::ReviewPolicy
            | RemedyKind::Training
            | RemedyKind::WriteToOthers
            | RemedyKind::ActionPlan => Self::ServiceImprovement,
            RemedyKind::Other => Self::Other,
        }
    }
}

/// A record's publication decision.
#[derive(Debug, Clone, Serialize)]
pub struct RecordPublication {
    /// Whether the decision statement is published on this record.
    pub statement: bool,
    /// The first day the statement may be published.
    pub earliest_publication_date: Option<Date>,
    /// The exception, when the record or its statement is withheld.
    pub exception: Option<ExceptionInfo>,
}

/// A published document of a record.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentLink {
    /// What it is.
    pub kind: DocKind,
    /// Its title.
    pub title: String,
    /// Its first HTML page, relative to the site root.
    pub html: String,
    /// Its PDF, relative to the site root.
    pub pdf: String,
    /// Its chapters, for a report published in chapters.
    pub chapters: Vec<ChapterLink>,
    /// The first day it may be published.
    pub earliest_publication_date: Option<Date>,
}

/// One chapter of a report.
#[derive(Debug, Clone, Serialize)]
pub struct ChapterLink {
    /// The chapter's heading.
    pub title: String,
    /// Its page, relative to the site root.
    pub html: String,
}

/// The record of `body`, from the anonymised case.
pub fn build(
    anonymised: &AnonymisedCase,
    body: &Body,
    plans: &[DocumentPlan],
    decision: &PublicationDecision,
    html: String,
    documents: Vec<DocumentLink>,
) -> Record {
    let case = anonymised.case();
    let BodyOutcome {
        decision: website,
        detail,
        category,
        ..
    } = BodyOutcome::of(case, body);
    let own = decision.body(&body.id);
    let statement = statement_on_record(case, decision, &body.id);
    Record {
        reference: body.reference.clone(),
        case_reference: case.case.reference.clone(),
        body: body.name.clone(),
        body_kind: body.kind,
        title: format!("{} ({})", body.name, body.reference),
        category,
        decision: website.label(),
        decision_date: case.case.decision_date,
        decision_date_display: case.case.decision_date.short(),
        outcome: RecordOutcome {
            website,
            statistics: detail.as_ref().map(OutcomeDetail::statistics),
            detail,
        },
        jurisdiction: case.case.jurisdiction,
        summary: case.case.summary.trim().to_string(),
        remedies: remedies(case, &body.id),
        compliance: compliance(case, &body.id, plans),
        publish: own.is_some_and(|b| b.publish),
        publication: RecordPublication {
            statement,
            earliest_publication_date: decision.earliest_publication_date,
            exception: own.and_then(|b| b.exception.clone()),
        },
        pdf: documents
            .iter()
            .find(|d| d.kind == DocKind::Decision)
            .map(|d| d.pdf.clone()),
        html,
        documents,
    }
}

/// Whether the decision statement is published on the body's record: the
/// decision is published and the body's record is not held back on its
/// own (it may still show a report, which is always published).
pub fn statement_on_record(case: &Case, decision: &PublicationDecision, body: &str) -> bool {
    decision.publish
        && !case.publication.per_body.contains_key(body)
        && decision.body(body).is_some_and(|b| b.publish)
}

fn remedies(case: &Case, body: &str) -> Vec<RecordRemedy> {
    let final_decision = case.case.stage == Stage::Final;
    let mut out: Vec<RecordRemedy> = case
        .recommendations
        .iter()
        .filter(|r| r.body_ids().contains(&body))
        .map(|r| remedy(case, r, body, final_decision))
        .collect();
    out.sort_by_key(|r| r.kind_group);
    out
}

fn remedy(case: &Case, r: &Recommendation, body: &str, final_decision: bool) -> RecordRemedy {
    let others: Vec<String> = r
        .body_ids()
        .into_iter()
        .filter(|id| *id != body)
        .filter_map(|id| case.body(id).map(|b| b.reference.clone()))
        .collect();
    let joint = !others.is_empty();
    RecordRemedy {
        kind_group: RemedyType::of(r.kind),
        kind: r.kind,
        instrument: r.instrument,
        text: r.text.trim().trim_end_matches(['.', ';']).to_string(),
        amount: match (joint, r.split.get(body)) {
            (false, _) => r.amount,
            (true, share) => share.copied(),
        },
        joint_amount: r.amount.filter(|_| joint),
        with: others,
        deadline: r.deadline.phrase(),
        due: final_decision.then(|| {
            r.deadline
                .due(case.case.decision_date, &crate::calendar::is_bank_holiday)
        }),
        status: r.status,
    }
}

/// Where the body stands on its remedies: an escalation when one is made,
/// otherwise the state of its remedies taken together.
pub fn compliance(case: &Case, body: &str, plans: &[DocumentPlan]) -> Option<String> {
    let escalated = plans
        .iter()
        .filter(|p| always_published(p.kind) && p.about.as_deref() == Some(body))
        .map(|p| p.kind)
        .last();
    if let Some(kind) = escalated {
        let code = match kind {
            DocKind::Report => "escalated.s30",
            DocKind::FurtherReport => "escalated.s31_2A",
            DocKind::JointReport => "escalated.s18ZA_report",
            DocKind::SpecialReport => "escalated.s14_3",
            _ => "escalated.afn",
        };
        return Some(code.into());
    }
    let statuses: Vec<Compliance> = case
        .recommendations
        .iter()
        .filter(|r| r.body_ids().contains(&body))
        .map(|r| r.status)
        .collect();
    let any = |s: Compliance| statuses.contains(&s);
    let state = if statuses.is_empty() {
        return None;
    } else if any(Compliance::Refused) {
        "refused"
    } else if any(Compliance::NotResponded) {
        "not_responded"
    } else if any(Compliance::PartiallyComplied) {
        "partially_complied"
    } else if any(Compliance::Agreed) {
        "agreed"
    } else if any(Compliance::CompliedLate) {
        "complied_late"
    } else {
        "complied_on_time"
    };
    Some(state.into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::outcome_detail;
    use crate::case::tests_support::minimal_case;

    #[test]
    fn findings_give_the_fine_grained_outcome() {
        let mut case = minimal_case();
        assert_eq!(
            outcome_detail(&case, "council"),
            None,
            "upheld without a finding"
        );
        case.findings.push(crate::case::Finding {
            body: "council".into(),
            fault: true,
            injustice: false,
            text: "Fault.".into(),
            determination: None,
            complaint: None,
        });
        assert_eq!(
            outcome_detail(&case, "council"),
            Some(OutcomeDetail::FaultNoInjustice)
        );
        case.outcome.per_body_detail.insert(
            "council".into(),
            OutcomeDetail::FaultInjusticeRemediedBefore,
        );
        assert_eq!(
            outcome_detail(&case, "council"),
            Some(OutcomeDetail::FaultInjusticeRemediedBefore)
        );
    }

    #[test]
    fn compliance_takes_the_worst_state() {
        let mut case = minimal_case();
        assert_eq!(compliance(&case, "council", &[]), None);
        let r = |status| Recommendation {
            body: Some("council".into()),
            bodies: Vec::new(),
            kind: RemedyKind::Apology,
            text: "apologise".into(),
            amount: None,
            beneficiary: None,
            split: Default::default(),
            deadline: crate::case::Deadline::Months(1),
            instrument: Instrument::Recommendation,
            status,
        };
        case.recommendations = vec![r(Compliance::Complied), r(Compliance::CompliedLate)];
        assert_eq!(
            compliance(&case, "council", &[]).as_deref(),
            Some("complied_late")
        );
        case.recommendations.push(r(Compliance::Agreed));
        assert_eq!(compliance(&case, "council", &[]).as_deref(), Some("agreed"));
    }
}
