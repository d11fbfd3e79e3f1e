//! The publication decision of a case and of each body's record (docs/domain.md
//! §5): published no sooner than the decision date plus the delay in
//! `rules.toml`, or withheld under an exception, or not yet (a draft).
//!
//! Reports, further reports, joint and special reports and adverse findings
//! notices are always published, whatever the exception. A withheld
//! decision gets no publication (redacted) copy of its statement; the
//! internal copies are made as always, and the letters (internal copies
//! only, never published) tell the parties it will not be published.
//!
//! A council at fault that had not agreed to what we recommended by the
//! decision is not given the decision as a statement of reasons on its
//! record: a statement of reasons under s30(1B) needs the Ombudsman to be
//! satisfied. Its record carries the report the Joint Working Manual's
//! route leads to (a draft report, then the report) once it is issued.
//!
//! The sentence that says why, for people, is in the office's words
//! (`rules.toml` `[publication]`), filled with the exception and the date.

use serde::Serialize;

use super::document::{DocKind, DocumentPlan};
use super::words::{Explanations, Reasons, Words, fill};
use crate::case::{Case, Date, Exception, Stage};

/// Where a decision stands for publication.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Published on the website, no sooner than the earliest date.
    Published,
    /// Not published, because of an exception.
    Withheld,
    /// A draft for comment: published only once it is final.
    Draft,
}

/// An exception, as the manifest and the site report it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExceptionInfo {
    /// The exception's code (docs/domain.md §5): `NOT_IN_INTERESTS.IDENTIFIABLE`.
    pub code: &'static str,
    /// Why, in the office's words (`rules.toml` `[publication.reasons]`):
    /// "the facts are unusual enough that someone could be identified".
    pub reason: String,
    /// Whether publication is only put off (a review under way) rather
    /// than ruled out.
    pub temporary: bool,
}

impl ExceptionInfo {
    fn new(e: Exception, reasons: &Reasons) -> Self {
        Self {
            code: e.code(),
            reason: reasons.of(e).to_string(),
            temporary: e.is_temporary(),
        }
    }
}

/// The publication decision of one body's website record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BodyPublication {
    /// The body's id in the case file.
    pub body: String,
    /// The record's reference: `23 004 118a`.
    pub reference: String,
    /// Whether the record is published.
    pub publish: bool,
    /// Whether the decision statement is this record's decision (not for a
    /// council that had not agreed to what we recommended: its record
    /// waits for the report).
    pub statement: bool,
    /// Why not, when it is not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exception: Option<ExceptionInfo>,
}

/// The publication decision of one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocumentPublication {
    /// The file stem: `decision`, `report-council`.
    pub file: String,
    /// Whether a publication (redacted) copy is made.
    pub publication_copy: bool,
    /// Whether it goes on the website.
    pub on_website: bool,
    /// Whether it is published whatever the decision's exception says
    /// (reports and notices).
    pub always_published: bool,
    /// The first day it may appear on the website.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub earliest_publication_date: Option<Date>,
}

/// The publication decision of a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PublicationDecision {
    /// Published, withheld or draft.
    pub status: Status,
    /// Whether the decision statement is to be published.
    pub publish: bool,
    /// The exception, when the decision is withheld.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exception: Option<ExceptionInfo>,
    /// The date of the decision.
    pub decision_date: Date,
    /// Weeks between the decision and its publication (`rules.toml`).
    pub delay_weeks: u32,
    /// The decision date plus the delay, for a decision to be published.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub earliest_publication_date: Option<Date>,
    /// Why, in one sentence for people.
    pub explanation: String,
    /// Each body's record.
    pub bodies: Vec<BodyPublication>,
    /// Each document of the plan.
    pub documents: Vec<DocumentPublication>,
}

/// Whether a document is one of those always published (docs/domain.md §5).
pub fn always_published(kind: DocKind) -> bool {
    matches!(
        kind,
        DocKind::Report
            | DocKind::FurtherReport
            | DocKind::JointReport
            | DocKind::SpecialReport
            | DocKind::Notice
    )
}

/// Decides the publication of a case and its documents, explained in the
/// office's words.
pub fn decide(
    case: &Case,
    plans: &[DocumentPlan],
    delay_weeks: u32,
    words: Words<'_>,
) -> PublicationDecision {
    let publication = &case.publication;
    let reasons = &words.publication.reasons;
    let decision_date = case.case.decision_date;
    let (status, exception) = match (case.case.stage, publication.publish) {
        (_, false) => (Status::Withheld, publication.exception),
        (Stage::Draft, true) => (Status::Draft, None),
        (Stage::Final, true) => (Status::Published, None),
    };
    let earliest =
        (status == Status::Published).then(|| decision_date.plus_days(7 * i64::from(delay_weeks)));
    let documents: Vec<DocumentPublication> = plans
        .iter()
        .map(|plan| document(plan, status, earliest))
        .collect();
    let bodies = case
        .bodies
        .iter()
        .map(|body| {
            let own = publication.per_body.get(&body.id).copied();
            let reported = plans
                .iter()
                .any(|p| always_published(p.kind) && p.about.as_deref() == Some(body.id.as_str()));
            let statement = !refusing_council(case, body);
            let publish = (status == Status::Published && own.is_none() && statement) || reported;
            BodyPublication {
                body: body.id.clone(),
                reference: body.reference.clone(),
                publish,
                statement,
                exception: if publish {
                    None
                } else {
                    own.or(exception).map(|e| ExceptionInfo::new(e, reasons))
                },
            }
        })
        .collect();
    PublicationDecision {
        status,
        publish: status == Status::Published,
        exception: exception.map(|e| ExceptionInfo::new(e, reasons)),
        decision_date,
        delay_weeks,
        earliest_publication_date: earliest,
        explanation: explain(words.publication, status, exception, earliest, &documents),
        bodies,
        documents,
    }
}

/// A council at fault that, as of the decision, had not agreed to all we
/// recommended: the Ombudsman is not satisfied, so the decision cannot be
/// its statement of reasons.
fn refusing_council(case: &Case, body: &crate::case::Body) -> bool {
    body.kind == crate::case::BodyKind::Council
        && case.case.stage == Stage::Final
        && case.at_fault(&body.id)
        && !matches!(
            crate::case::answer(case, &body.id, case.case.decision_date),
            crate::case::Answer::Agreed | crate::case::Answer::NothingRecommended
        )
}

fn document(plan: &DocumentPlan, status: Status, earliest: Option<Date>) -> DocumentPublication {
    let always = always_published(plan.kind);
    // Letters are never published; a draft's anonymised copy goes only to
    // the parties.
    let publication_copy = plan.publication_copy() && (always || status != Status::Withheld);
    let on_website = always || (plan.kind == DocKind::Decision && status == Status::Published);
    DocumentPublication {
        file: plan.file.clone(),
        publication_copy,
        on_website,
        always_published: always,
        earliest_publication_date: match (on_website, always) {
            (false, _) => None,
            (true, true) => Some(plan.date),
            (true, false) => earliest,
        },
    }
}

/// Why the decision is or is not published, and, for a withheld one with
/// reports or notices, that those are published all the same.
fn explain(
    words: &Explanations,
    status: Status,
    exception: Option<Exception>,
    earliest: Option<Date>,
    documents: &[DocumentPublication],
) -> String {
    let reports = match documents.iter().filter(|d| d.always_published).count() {
        0 => None,
        1 => Some(&words.report_published),
        _ => Some(&words.reports_published),
    };
    let withheld = |sentence: String| match reports {
        Some(reports) => format!("{sentence} {reports}"),
        None => sentence,
    };
    match (status, exception, earliest) {
        (Status::Withheld, Some(e), _) => {
            let text = if e.is_temporary() {
                &words.withheld_until_review
            } else {
                &words.withheld
            };
            withheld(fill(
                text,
                &[("code", e.code()), ("reason", words.reasons.of(e))],
            ))
        }
        (Status::Withheld, None, _) => withheld(words.withheld_without_exception.clone()),
        (Status::Draft, _, _) => words.draft.clone(),
        (Status::Published, _, Some(date)) => {
            fill(&words.published_from, &[("date", &date.long())])
        }
        (Status::Published, _, None) => words.published.clone(),
    }
}

impl PublicationDecision {
    /// Whether the plan's document gets a publication (redacted) copy.
    pub fn makes_publication_copy(&self, plan: &DocumentPlan) -> bool {
        self.document(&plan.file).is_none_or(|d| d.publication_copy)
    }

    /// The decision about one document, by file stem.
    pub fn document(&self, file: &str) -> Option<&DocumentPublication> {
        self.documents.iter().find(|d| d.file == file)
    }

    /// Whether the document is on the website on `as_of`.
    pub fn on_website(&self, file: &str, as_of: Date) -> bool {
        self.document(file)
            .is_some_and(|d| d.on_website && d.earliest_publication_date.is_none_or(|e| e <= as_of))
    }

    /// The publication decision of one body's record.
    pub fn body(&self, id: &str) -> Option<&BodyPublication> {
        self.bodies.iter().find(|b| b.body == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::tests_support::minimal_case;

    /// The plan and the decision in the bundled words.
    fn plan(case: &Case) -> Vec<DocumentPlan> {
        crate::plan::plan(case, crate::plan::words::bundled())
    }

    fn decide(case: &Case, plans: &[DocumentPlan], delay_weeks: u32) -> PublicationDecision {
        super::decide(case, plans, delay_weeks, crate::plan::words::bundled())
    }

    #[test]
    fn a_final_decision_is_published_after_the_delay() {
        let case = minimal_case();
        let plans = plan(&case);
        let d = decide(&case, &plans, 6);
        assert_eq!(d.status, Status::Published);
        assert_eq!(d.earliest_publication_date, Date::from_ymd(2024, 4, 12));
        // The decision has its publication copy; letters are never published.
        for p in &plans {
            assert_eq!(
                d.makes_publication_copy(p),
                p.kind == DocKind::Decision,
                "{}",
                p.file
            );
        }
        assert!(!d.on_website("decision", Date::from_ymd(2024, 4, 11).unwrap()));
        assert!(d.on_website("decision", Date::from_ymd(2024, 4, 12).unwrap()));
        assert!(!d.on_website("letter-complainant", Date::from_ymd(2030, 1, 1).unwrap()));
        assert!(d.bodies.iter().all(|b| b.publish));
    }

    #[test]
    fn a_withheld_decision_has_no_publication_copies() {
        let mut case = minimal_case();
        case.publication.publish = false;
        case.publication.exception = Some(Exception::Identifiable);
        let plans = plan(&case);
        let d = decide(&case, &plans, 6);
        assert_eq!(d.status, Status::Withheld);
        assert!(plans.iter().all(|p| !d.makes_publication_copy(p)));
        assert_eq!(d.earliest_publication_date, None);
        assert!(
            d.explanation.contains("NOT_IN_INTERESTS.IDENTIFIABLE"),
            "{}",
            d.explanation
        );
        assert_eq!(
            d.bodies[0].exception.as_ref().map(|e| e.code),
            Some("NOT_IN_INTERESTS.IDENTIFIABLE")
        );
    }

    #[test]
    fn a_body_can_be_held_back_alone() {
        let mut case = minimal_case();
        case.publication
            .per_body
            .insert("council".into(), Exception::Review);
        let d = decide(&case, &plan(&case), 6);
        assert!(d.publish);
        assert!(!d.bodies[0].publish);
        assert_eq!(
            d.bodies[0].exception.as_ref().map(|e| e.temporary),
            Some(true)
        );
    }

    #[test]
    fn drafts_are_not_published() {
        let mut case = minimal_case();
        case.case.stage = Stage::Draft;
        let plans = plan(&case);
        let d = decide(&case, &plans, 6);
        assert_eq!(d.status, Status::Draft);
        assert!(!d.on_website(&plans[0].file, Date::from_ymd(2099, 1, 1).unwrap()));
        // The draft's anonymised copy goes to the parties, never the website.
        assert!(plans.iter().all(|p| !d.makes_publication_copy(p)));
    }

    #[test]
    fn a_council_that_has_not_agreed_gets_no_statement_of_reasons_on_its_record() {
        let mut case = minimal_case();
        case.findings.push(crate::case::Finding {
            body: "council".into(),
            fault: true,
            injustice: true,
            text: "Fault.".into(),
            injustice_to: Vec::new(),
            determination: None,
            complaint: None,
        });
        case.recommendations.push(crate::case::Recommendation {
            body: Some("council".into()),
            bodies: Vec::new(),
            kind: crate::case::RemedyKind::Apology,
            text: "apologise".into(),
            amount: None,
            beneficiary: None,
            split: Default::default(),
            deadline: crate::case::Deadline::Months(1),
            instrument: Default::default(),
            status: crate::case::Compliance::Refused,
        });
        let d = decide(&case, &plan(&case), 6);
        assert!(!d.bodies[0].statement);
        assert!(!d.bodies[0].publish, "nothing to show until its report");
    }
}
