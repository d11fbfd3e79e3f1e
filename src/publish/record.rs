//! The website record of one body (docs/domain.md §6): every
//! body of a case has its own record, with its own reference, category and
//! `Decision`, and carries the shared statement.
//!
//! Records are built from the anonymised case only. Besides what the
//! website shows (title, category, decision, decision date), they keep what
//! the offices keep but their website does not show: the
//! fine-grained outcome, the remedies by type with amounts and due dates,
//! and the compliance state.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::decision::PublicationDecision;
use super::view::AsOf;
use crate::anonymise::AnonymisedCase;
use crate::case::{
    Body, BodyKind, BodyOutcome, Case, Compliance, Date, Determination, Instrument, Jurisdiction,
    Money, OutcomeDetail, Recommendation, RemedyKind, Stage, Statistics, WebsiteDecision,
};
use crate::plan::DocKind;

/// One body's website record, as records.json publishes it.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
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
    /// The body's own decision as its record shows it: the website's
    /// `Decision` ("Upheld"), or for a landlord the Housing Ombudsman's
    /// gravest determination ("Service failure").
    pub decision: String,
    /// The date of the decision, `YYYY-MM-DD`.
    pub decision_date: Date,
    /// The same as the site writes dates: "5 March 2024".
    pub decision_date_display: String,
    /// The outcome in its finer layers (docs/domain.md §6).
    pub outcome: RecordOutcome,
    /// Which Ombudsmen decided.
    pub jurisdiction: Jurisdiction,
    /// The Summary of the statement (anonymised).
    pub summary: String,
    /// The body's remedies, by type, each with its state on the day the
    /// site shows.
    pub remedies: Vec<RecordRemedy>,
    /// Where the body stands on its remedies on that day (docs/domain.md
    /// §6): `complied_on_time`, `refused`, `escalated.s30`, …
    pub compliance: Option<String>,
    /// Whether the record is published.
    pub publish: bool,
    /// The publication decision behind it.
    pub publication: RecordPublication,
    /// The record page: relative to the site root in the site's own store,
    /// an absolute URL in records.json.
    pub html: String,
    /// The decision statement's PDF, when it is published (relative or
    /// absolute, as `html`).
    pub pdf: Option<String>,
    /// Every published document of the record, oldest first.
    pub documents: Vec<DocumentLink>,
}

/// The outcome of a record.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
pub struct RecordOutcome {
    /// The website's `Decision`, as a case file writes it: `not_upheld`.
    pub website: WebsiteDecision,
    /// The fine-grained outcome, where the case says it or the findings
    /// show it: `upheld.fault_injustice`.
    pub detail: Option<OutcomeDetail>,
    /// As the annual statistics count it.
    pub statistics: Option<Statistics>,
    /// For a landlord: the Housing Ombudsman's determination on each
    /// defined complaint.
    pub determinations: Vec<RecordDetermination>,
}

/// One Housing Ombudsman determination.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
pub struct RecordDetermination {
    /// `service_failure`.
    pub determination: Determination,
    /// "Service failure".
    pub label: String,
    /// The defined complaint it decides (anonymised).
    pub complaint: Option<String>,
}

/// One remedy of a record.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
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
    /// What the body had done, as known on the day the site shows.
    pub status: Compliance,
    /// The day that became known (absent while it is simply agreed).
    pub status_since: Option<Date>,
}

/// The remedy types, in the order the LGSCO's guidance on remedies
/// considers them.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
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
    /// The type of a remedy kind.
    pub fn of(kind: RemedyKind) -> Self {
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
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
pub struct RecordPublication {
    /// Whether the decision statement is published on this record.
    pub statement: bool,
    /// The first day the statement may be published.
    pub earliest_publication_date: Option<Date>,
    /// The exception, when the record or its statement is withheld.
    pub exception: Option<RecordException>,
}

/// Why a record or its statement is withheld.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
pub struct RecordException {
    /// `NOT_IN_INTERESTS.IDENTIFIABLE`.
    pub code: String,
    /// In words.
    pub reason: String,
    /// Whether publication is only put off (a review under way).
    pub temporary: bool,
}

/// The kinds of document the site publishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// The decision statement.
    Decision,
    /// A report under s30 of the Local Government Act 1974.
    Report,
    /// A further report under s31(2A).
    FurtherReport,
    /// A joint report under s18ZA / s33ZA.
    JointReport,
    /// A special report under s14(3) of the 1993 Act.
    SpecialReport,
    /// An adverse findings notice under s34I.
    Notice,
}

impl DocumentKind {
    /// Every kind, in the order of the glossary.
    pub const ALL: [Self; 6] = [
        Self::Decision,
        Self::Report,
        Self::FurtherReport,
        Self::JointReport,
        Self::SpecialReport,
        Self::Notice,
    ];

    /// The kind of a planned document, when the site publishes such.
    pub fn of(kind: DocKind) -> Option<Self> {
        Some(match kind {
            DocKind::Decision => Self::Decision,
            DocKind::Report => Self::Report,
            DocKind::FurtherReport => Self::FurtherReport,
            DocKind::JointReport => Self::JointReport,
            DocKind::SpecialReport => Self::SpecialReport,
            DocKind::Notice => Self::Notice,
            // Letters, the s31(2D) requirement and a draft's key to names
            // are never on the site.
            DocKind::Letter(_) | DocKind::Statement | DocKind::NameKey => return None,
        })
    }
}

/// A published document of a record.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
pub struct DocumentLink {
    /// What it is.
    pub kind: DocumentKind,
    /// Its title.
    pub title: String,
    /// The day it was issued (its date).
    pub date: Date,
    /// Its first HTML page (relative or absolute, as a record's `html`).
    pub html: String,
    /// Its PDF.
    pub pdf: String,
    /// Its chapters, for a report published in chapters.
    pub chapters: Vec<ChapterLink>,
    /// The first day it may be published.
    pub earliest_publication_date: Option<Date>,
    /// For a special report: how it was laid before Parliament.
    pub parliament: Option<ParliamentLink>,
}

/// A special report laid before Parliament.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
pub struct ParliamentLink {
    /// "HC 1187".
    pub hc_number: String,
    /// "2024–25".
    pub session: String,
    /// The day the House of Commons ordered it printed.
    pub ordered_printed: Date,
}

/// One chapter of a report.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
pub struct ChapterLink {
    /// The chapter's heading.
    pub title: String,
    /// Its page (relative or absolute, as a record's `html`).
    pub html: String,
}

impl Record {
    /// The record with every link made absolute under `base` (which ends
    /// in `/`), as records.json gives them.
    pub fn with_base(mut self, base: &str) -> Self {
        let abs = |path: &mut String| *path = format!("{base}{path}");
        abs(&mut self.html);
        if let Some(pdf) = &mut self.pdf {
            abs(pdf);
        }
        for d in &mut self.documents {
            abs(&mut d.html);
            abs(&mut d.pdf);
            for c in &mut d.chapters {
                abs(&mut c.html);
            }
        }
        self
    }

    /// The record's decision in the site's words, with each Housing
    /// Ombudsman determination: "Maladministration; service failure".
    pub fn outcome_line(&self) -> String {
        let determinations = &self.outcome.determinations;
        if determinations.is_empty() {
            return self.decision.clone();
        }
        let mut labels: Vec<String> = Vec::new();
        for d in determinations {
            let label = if labels.is_empty() {
                d.label.clone()
            } else {
                lower_first(&d.label)
            };
            if !labels.contains(&label) {
                labels.push(label);
            }
        }
        labels.join("; ")
    }
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The record of `body`, from the anonymised case, as the site shows it
/// on the view's day.
pub fn build(
    anonymised: &AnonymisedCase,
    body: &Body,
    view: &AsOf<'_>,
    decision: &PublicationDecision,
    html: String,
    documents: Vec<DocumentLink>,
) -> Record {
    let case = anonymised.case();
    // The body as published: a body named after a person is printed by its
    // `published_name`.
    let body = case.body(&body.id).unwrap_or(body);
    let outcome = BodyOutcome::of(case, body);
    let own = decision.body(&body.id);
    let statement = statement_on_record(case, decision, &body.id);
    let shown = outcome.gravest_determination().map_or_else(
        || outcome.decision.label().to_string(),
        |d| d.label().to_string(),
    );
    Record {
        reference: body.reference.clone(),
        case_reference: case.case.reference.clone(),
        body: body.name.clone(),
        body_kind: body.kind,
        title: format!("{} ({})", body.name, body.reference),
        category: outcome.category.clone(),
        decision: shown,
        decision_date: case.case.decision_date,
        decision_date_display: case.case.decision_date.long(),
        outcome: RecordOutcome {
            website: outcome.decision,
            statistics: outcome.detail.as_ref().map(OutcomeDetail::statistics),
            detail: outcome.detail.clone(),
            determinations: outcome
                .determinations
                .iter()
                .map(|d| RecordDetermination {
                    determination: d.determination,
                    label: d.determination.label().to_string(),
                    complaint: d.complaint.clone(),
                })
                .collect(),
        },
        jurisdiction: case.case.jurisdiction,
        summary: case.case.summary.trim().to_string(),
        remedies: remedies(case, &body.id, view),
        compliance: view.compliance(&body.id).map(str::to_string),
        publish: own.is_some_and(|b| b.publish),
        publication: RecordPublication {
            statement,
            earliest_publication_date: decision.earliest_publication_date,
            exception: own
                .and_then(|b| b.exception.as_ref())
                .map(|e| RecordException {
                    code: e.code.to_string(),
                    reason: e.reason.clone(),
                    temporary: e.temporary,
                }),
        },
        pdf: documents
            .iter()
            .find(|d| d.kind == DocumentKind::Decision)
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
        && decision
            .body(body)
            .is_some_and(|b| b.publish && b.statement)
}

fn remedies(case: &Case, body: &str, view: &AsOf<'_>) -> Vec<RecordRemedy> {
    let final_decision = case.case.stage == Stage::Final;
    let mut out: Vec<RecordRemedy> = case
        .recommendations
        .iter()
        .filter(|r| r.body_ids().contains(&body))
        .map(|r| remedy(case, r, body, final_decision, view))
        .collect();
    out.sort_by_key(|r| r.kind_group);
    out
}

fn remedy(
    case: &Case,
    r: &Recommendation,
    body: &str,
    final_decision: bool,
    view: &AsOf<'_>,
) -> RecordRemedy {
    let known = view.remedy(r, body);
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
        due: final_decision.then(|| super::view::due_date(case, r)),
        status: known.status,
        status_since: known.since,
    }
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
            injustice_to: Vec::new(),
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
        use super::super::view::worst;
        assert_eq!(worst(&[]), None);
        assert_eq!(
            worst(&[Compliance::Complied, Compliance::CompliedLate]),
            Some("complied_late")
        );
        assert_eq!(
            worst(&[
                Compliance::Complied,
                Compliance::CompliedLate,
                Compliance::Agreed
            ]),
            Some("agreed")
        );
    }
}
