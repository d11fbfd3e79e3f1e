//! What the escalation documents (reports, the notice, and the letters that
//! cover them) show beyond the decision: the body that will not comply, what
//! it has not done, where every other body stands, the dated chronology and
//! the deadlines that follow, all as of the document's own date. An event
//! after that date belongs to a later document; the view is the one written
//! on the event that issues this document.

use serde::Serialize;

use super::actions::{ActionView, action_view};
use super::bodies::BodyView;
use super::prose::{Block, blocks};
use super::rules::Rules;
use super::voice;
use crate::case::{BodyKind, Case, Date, EventKind};
use crate::plan::{DocKind, DocumentPlan};

/// The escalation facts of one body, as of one document's date.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct EscalationView {
    body: BodyView,
    /// Every other body and where it stands.
    others: Vec<OtherView>,
    /// The remedies recommended to the body, due from the decision.
    remedies: Vec<ActionView>,
    /// The same remedies, due from this document's date (a report makes its
    /// recommendations afresh).
    remedies_now: Vec<ActionView>,
    /// The remedies it has not carried out, due from this document's date.
    refused: Vec<ActionView>,
    /// For a further report (and what follows it): the recommendations of
    /// the report it follows, due from that report's date.
    report_remedies: Vec<ActionView>,
    /// For the requirement to publish a statement: the recommendations of
    /// the further report it follows, due from that date.
    further_remedies: Vec<ActionView>,
    /// Events up to this document's date, in order (its own excluded).
    events: Vec<EventView>,
    report_date: Option<String>,
    further_report_date: Option<String>,
    /// Public notice of this report is due by (only once the period in
    /// `rules.toml` has been checked and set).
    notice_due: Option<String>,
    /// A further report issued by both Ombudsmen (its event's `joint`).
    joint: bool,
    /// The response to this document is due by.
    response_due: String,
    view: Vec<Block>,
    importance: Vec<Block>,
    parliament: Option<ParliamentView>,
    notice: Option<NoticeView>,
}

#[derive(Debug, Clone, Serialize)]
struct OtherView {
    body: BodyView,
    /// `not_at_fault`; `no_recommendation` (at fault, nothing recommended
    /// to it); `remedied` (at fault, accepted everything recommended to
    /// it); or `refusing` (at fault and also not complying, dealt with
    /// separately).
    state: &'static str,
}

#[derive(Debug, Clone, Serialize)]
struct EventView {
    date: String,
    text: String,
}

#[derive(Debug, Clone, Serialize)]
struct ParliamentView {
    hc_number: String,
    session: String,
    ordered_printed: String,
}

#[derive(Debug, Clone, Serialize)]
struct NoticeView {
    places: Vec<String>,
    period: String,
    by: String,
    provider_reasons: Vec<Block>,
    summary: Vec<Block>,
}

/// The event kind that issues a document of this kind.
fn issuing_event(kind: DocKind) -> Option<EventKind> {
    match kind {
        DocKind::Report => Some(EventKind::Report),
        DocKind::FurtherReport => Some(EventKind::FurtherReport),
        DocKind::JointReport => Some(EventKind::JointReport),
        DocKind::SpecialReport => Some(EventKind::SpecialReport),
        DocKind::Notice => Some(EventKind::NoticeRequired),
        DocKind::Statement => Some(EventKind::StatementRequired),
        _ => None,
    }
}

/// The escalation view for the body with id `about`, as of `plan.date`.
pub(crate) fn build(
    case: &Case,
    about: &str,
    plan: &DocumentPlan,
    bodies: &[BodyView],
    rules: &Rules,
) -> Option<EscalationView> {
    let body = bodies.iter().find(|b| b.id == about)?.clone();
    let as_of = plan.date;
    // A letter is about the document it covers, and dated with it.
    let kind = plan.covers.unwrap_or(plan.kind);
    let issuing = issuing_event(kind);
    let own = |kind: EventKind| {
        case.escalation
            .events
            .iter()
            .find(|e| e.kind == kind && e.body.as_deref() == Some(about))
    };
    let this_event = issuing.and_then(own).filter(|e| e.date <= as_of);
    let known = |kind: EventKind| own(kind).map(|e| e.date).filter(|d| *d <= as_of);
    let recommended: Vec<_> = case
        .recommendations
        .iter()
        .filter(|r| r.body_ids().contains(&about))
        .collect();
    // Each recommendation's status as this document knows it.
    let view_at = |from: Date| -> Vec<ActionView> {
        recommended
            .iter()
            .map(|r| {
                let mut r = (*r).clone();
                r.status = crate::case::status_as_of(case, about, r.status, as_of);
                action_view(&r, &body, bodies, from)
            })
            .collect()
    };
    let remedies_now = view_at(as_of);
    let refused_from = |date: Option<Date>| -> Vec<ActionView> {
        date.map(|d| view_at(d).into_iter().filter(|r| r.refused).collect())
            .unwrap_or_default()
    };
    let response_due = match body.kind {
        // Part 3A: the provider answers the statement within the period.
        BodyKind::CareProvider => case
            .case
            .decision_date
            .plus_months(rules.notice_response_months),
        _ => as_of.plus_months(rules.report_response_months),
    };
    let prose = |text: &str| -> Vec<Block> {
        let mut out = blocks(text);
        for b in &mut out {
            b.text = voice::plural(&b.text);
        }
        out
    };
    Some(EscalationView {
        others: others(case, bodies, about),
        refused: remedies_now.iter().filter(|r| r.refused).cloned().collect(),
        report_remedies: refused_from(known(EventKind::Report)),
        further_remedies: refused_from(known(EventKind::FurtherReport)),
        joint: own(EventKind::FurtherReport).is_some_and(|e| e.joint),
        remedies: view_at(case.case.decision_date),
        remedies_now,
        // The chronology is the refusing body's own: another body's
        // response is not part of its story.
        events: case
            .escalation
            .events
            .iter()
            .filter(|e| e.date <= as_of)
            .filter(|e| e.body.as_deref().is_none_or(|b| b == about))
            .filter(|e| !this_event.is_some_and(|t| std::ptr::eq(*e, t)))
            .map(|e| EventView {
                date: e.date.long(),
                text: e.text.to_string(),
            })
            .collect(),
        report_date: known(EventKind::Report).map(Date::long),
        further_report_date: known(EventKind::FurtherReport).map(Date::long),
        notice_due: rules
            .report_notice_weeks
            .map(|weeks| as_of.plus_days(7 * i64::from(weeks)).long()),
        response_due: response_due.long(),
        view: this_event
            .and_then(|e| e.view.as_deref())
            .map(prose)
            .unwrap_or_default(),
        importance: case
            .body(about)
            .and_then(|b| b.particular_importance.as_deref())
            .map(prose)
            .unwrap_or_default(),
        parliament: case.escalation.parliament.as_ref().map(|p| ParliamentView {
            hc_number: if p.hc_number.trim_start().starts_with("HC") {
                p.hc_number.trim().to_string()
            } else {
                format!("HC {}", p.hc_number.trim())
            },
            session: p.session.clone(),
            ordered_printed: p.ordered_printed.long(),
        }),
        notice: case.escalation.notice.as_ref().map(|n| NoticeView {
            places: n.places.iter().map(|p| p.to_string()).collect(),
            period: n.period.to_string(),
            by: n.by.long(),
            provider_reasons: n
                .provider_reasons
                .as_deref()
                .map(blocks)
                .unwrap_or_default(),
            summary: n.summary.as_deref().map(prose).unwrap_or_default(),
        }),
        body,
    })
}

/// Every other body, with where it stands: the reports list all the bodies
/// but are explicit about where the fault lies (the LGSCO's Joint Working
/// Manual, "Escalation process"), and say only
/// what each was asked to do.
fn others(case: &Case, bodies: &[BodyView], about: &str) -> Vec<OtherView> {
    bodies
        .iter()
        .filter(|b| b.id != about)
        .map(|b| {
            let recommended = case
                .recommendations
                .iter()
                .any(|r| r.body_ids().contains(&b.id.as_str()));
            OtherView {
                body: b.clone(),
                state: match (b.at_fault, recommended, b.non_compliant) {
                    (false, _, _) => "not_at_fault",
                    (true, false, _) => "no_recommendation",
                    (true, true, false) => "remedied",
                    (true, true, true) => "refusing",
                },
            }
        })
        .collect()
}
