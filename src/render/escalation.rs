//! What the escalation documents (reports, the notice, and the letters that
//! cover them) show beyond the decision: the body that will not comply, what
//! it has not done, where the fault lies among all the bodies, the dated
//! chronology since the decision, and the deadlines that follow.

use serde::Serialize;

use super::context::{ActionView, BodyView, action_view};
use super::prose::{Block, blocks};
use super::rules::Rules;
use crate::case::{Case, Date, EventKind};

/// The escalation facts of one body.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct EscalationView {
    body: BodyView,
    others: Vec<OtherView>,
    /// Where the fault lies, in one sentence.
    fault: String,
    remedies: Vec<ActionView>,
    refused: Vec<ActionView>,
    events: Vec<EventView>,
    report_date: Option<String>,
    further_report_date: Option<String>,
    notice_due: String,
    response_due: String,
    /// When the response to a further report is due.
    further_response_due: Option<String>,
    view: Vec<Block>,
    importance: Vec<Block>,
    parliament: Option<ParliamentView>,
    notice: Option<NoticeView>,
}

#[derive(Debug, Clone, Serialize)]
struct OtherView {
    body: BodyView,
    /// "The ICB was also at fault, but has done what we recommended."
    sentence: String,
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
}

/// The escalation view for the body with id `about`.
pub(crate) fn build(
    case: &Case,
    about: &str,
    bodies: &[BodyView],
    rules: &Rules,
) -> Option<EscalationView> {
    let body = bodies.iter().find(|b| b.id == about)?.clone();
    let remedies: Vec<ActionView> = case
        .recommendations
        .iter()
        .filter(|r| r.body_ids().contains(&about))
        .map(|r| action_view(case, r, &body, bodies))
        .collect();
    let own_events = || {
        case.escalation
            .events
            .iter()
            .filter(|e| e.body.as_deref() == Some(about))
    };
    let date_of = |kind: EventKind| own_events().find(|e| e.kind == kind).map(|e| e.date);
    let report = date_of(EventKind::Report);
    let base = report.unwrap_or(case.case.decision_date);
    let notice = case.escalation.notice.as_ref().map(|n| NoticeView {
        places: n.places.clone(),
        period: n.period.clone(),
        by: n.by.long(),
        provider_reasons: n
            .provider_reasons
            .as_deref()
            .map(blocks)
            .unwrap_or_default(),
    });
    let response_due = match body.kind {
        crate::case::BodyKind::CareProvider => case
            .case
            .decision_date
            .plus_months(rules.notice_response_months),
        _ => base.plus_months(rules.report_response_months),
    };
    Some(EscalationView {
        others: others(bodies, about),
        fault: fault_sentence(&body, bodies, about),
        refused: remedies.iter().filter(|r| r.refused).cloned().collect(),
        remedies,
        events: case
            .escalation
            .events
            .iter()
            .map(|e| EventView {
                date: e.date.long(),
                text: e.text.clone(),
            })
            .collect(),
        report_date: report.map(Date::long),
        further_report_date: date_of(EventKind::FurtherReport).map(Date::long),
        further_response_due: date_of(EventKind::FurtherReport)
            .map(|d| d.plus_months(rules.report_response_months).long()),
        notice_due: base
            .plus_days(7 * i64::from(rules.report_notice_weeks))
            .long(),
        response_due: response_due.long(),
        view: case
            .escalation
            .view
            .as_deref()
            .map(blocks)
            .unwrap_or_default(),
        importance: case
            .body(about)
            .and_then(|b| b.particular_importance.as_deref())
            .map(blocks)
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
        notice,
        body,
    })
}

/// Every other body, with where it stands: the reports list all the bodies
/// but are explicit about where the fault lies (seed 000).
fn others(bodies: &[BodyView], about: &str) -> Vec<OtherView> {
    bodies
        .iter()
        .filter(|b| b.id != about)
        .map(|b| {
            let sentence = match (b.at_fault, b.non_compliant) {
                (false, _) => format!("{} was not at fault.", b.short_cap),
                (true, false) => format!("{} was also at fault, but has accepted our recommendations.", b.short_cap),
                (true, true) => format!("{} was also at fault and has not done all we recommended; it is dealt with separately.", b.short_cap),
            };
            OtherView { body: b.clone(), sentence }
        })
        .collect()
}

fn fault_sentence(body: &BodyView, bodies: &[BodyView], about: &str) -> String {
    let named: Vec<String> = bodies.iter().map(|b| b.defined.clone()).collect();
    let names = super::context::and_join(named);
    let count = bodies.len();
    let opening = if count > 1 {
        format!(
            "This document names all {count} organisations involved in the complaint: {names}. "
        )
    } else {
        String::new()
    };
    let others = bodies.iter().filter(|b| b.id != about).count();
    let lies = if others > 0 {
        format!("lies with {} alone", body.short)
    } else {
        format!("lies with {}", body.short)
    };
    format!(
        "{opening}The injustice that has not been remedied is the responsibility of {}: the fault for it {lies}.",
        body.short
    )
}
