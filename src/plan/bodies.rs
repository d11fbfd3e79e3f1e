//! Where each body stands after the decision (at fault, refusing a
//! remedy), and the escalation events recorded against it: what the
//! planner, its checks and the pending steps all start from.

use crate::case::{Body, Case, EscalationEvent, EventKind};

/// Where a body stands after the decision.
#[derive(Debug, Clone, PartialEq)]
pub struct BodyState<'a> {
    /// The body.
    pub body: &'a Body,
    /// At fault in some finding.
    pub at_fault: bool,
    /// Refused (or did not carry out) a remedy it was asked for.
    pub non_compliant: bool,
}

/// Each body's state.
pub fn states(case: &Case) -> Vec<BodyState<'_>> {
    case.bodies
        .iter()
        .map(|body| {
            let at_fault = case.at_fault(&body.id);
            let non_compliant = at_fault
                && case.recommendations.iter().any(|r| {
                    r.body_ids().contains(&body.id.as_str()) && r.status.is_non_compliance()
                });
            BodyState {
                body,
                at_fault,
                non_compliant,
            }
        })
        .collect()
}

/// The events recorded against one body, in order.
pub(super) fn events_of<'a>(
    case: &'a Case,
    body: &'a Body,
) -> impl Iterator<Item = &'a EscalationEvent> + 'a {
    case.escalation
        .events
        .iter()
        .filter(move |e| e.body.as_deref() == Some(body.id.as_str()))
}

/// A council that refused (or did not answer) after its s30 report.
pub fn persists_after_report(case: &Case, body: &Body) -> bool {
    if events_of(case, body).any(|e| e.kind == EventKind::FurtherReport) {
        return true;
    }
    let Some(report) = events_of(case, body)
        .find(|e| e.kind == EventKind::Report)
        .map(|e| e.date)
    else {
        return false;
    };
    events_of(case, body)
        .any(|e| e.date > report && matches!(e.kind, EventKind::Refusal | EventKind::Response))
}
