//! The escalation steps that are due but not yet recorded: a body that
//! will not comply has a next step (a report, a further report, the
//! requirement to publish a statement, a joint or special report, an
//! adverse findings notice), and until the event that issues it is
//! recorded no document is dated for it; `redress plan` lists it.

use serde::Serialize;

use super::bodies::{events_of, states};
use crate::case::{BodyKind, Case, EventKind, Stage};

/// A step of the escalation chain that is due but whose event is not yet
/// recorded: no document is made for it until it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pending {
    /// The body it concerns.
    pub body: String,
    /// What is due, in words.
    pub what: String,
    /// The event that records it, when it happens.
    pub event: &'static str,
}

/// The escalation steps due for each body that will not comply, whose
/// events are not yet recorded (`redress plan` lists them).
pub fn pending(case: &Case) -> Vec<Pending> {
    if case.case.stage == Stage::Draft {
        return Vec::new();
    }
    let mut out = Vec::new();
    for state in states(case).iter().filter(|s| s.non_compliant) {
        let body = state.body;
        let has = |kind: EventKind| events_of(case, body).any(|e| e.kind == kind);
        let after = |kind: EventKind| {
            events_of(case, body)
                .find(|e| e.kind == kind)
                .map(|issued| {
                    events_of(case, body).any(|e| {
                        e.date > issued.date
                            && matches!(
                                e.kind,
                                EventKind::Refusal | EventKind::Response | EventKind::Meeting
                            )
                    })
                })
                .unwrap_or(false)
        };
        let step = |what: &str, event: &'static str| Pending {
            body: body.id.clone(),
            what: what.to_string(),
            event,
        };
        match body.kind {
            BodyKind::Council if !has(EventKind::Report) => out.push(step(
                "a report under s30 of the Local Government Act 1974 (after a draft report for comment)",
                "report",
            )),
            BodyKind::Council if !has(EventKind::FurtherReport) && after(EventKind::Report) => {
                out.push(step(
                    "a further report under s31(2A) of the Local Government Act 1974",
                    "further_report",
                ))
            }
            BodyKind::Council
                if !has(EventKind::StatementRequired) && after(EventKind::FurtherReport) =>
            {
                out.push(step(
                    "the requirement to publish a statement under s31(2D) of the Local Government Act 1974",
                    "statement_required",
                ))
            }
            BodyKind::HealthBody
                if !has(EventKind::JointReport) && !has(EventKind::SpecialReport) =>
            {
                out.push(step(
                    if body.particular_importance.is_some() {
                        "a special report under s14(3) of the Health Service Commissioners Act 1993"
                    } else {
                        "a joint report under s18ZA of the Health Service Commissioners Act 1993 and s33ZA of the Local Government Act 1974 (or, if the refusal is of particular importance, a special report under s14(3))"
                    },
                    if body.particular_importance.is_some() {
                        "special_report"
                    } else {
                        "joint_report"
                    },
                ))
            }
            BodyKind::CareProvider if !has(EventKind::NoticeRequired) => out.push(step(
                "an adverse findings notice under s34I of the Local Government Act 1974",
                "notice_required",
            )),
            _ => {}
        }
    }
    out
}
