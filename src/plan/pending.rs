//! The escalation steps that are due but not yet recorded: a body that
//! will not comply has a next step (a report, a further report, the
//! requirement to publish a statement, a joint or special report, an
//! adverse findings notice), and until the event that issues it is
//! recorded no document is dated for it; `redress plan` lists it, in the
//! office's words (`rules.toml` `[pending]`).

use serde::Serialize;

use super::bodies::{events_of, states};
use super::words::Words;
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
pub fn pending(case: &Case, words: Words<'_>) -> Vec<Pending> {
    let due = words.pending;
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
            BodyKind::Council if !has(EventKind::Report) => out.push(step(&due.report, "report")),
            BodyKind::Council if !has(EventKind::FurtherReport) && after(EventKind::Report) => {
                out.push(step(&due.further_report, "further_report"))
            }
            BodyKind::Council
                if !has(EventKind::StatementRequired) && after(EventKind::FurtherReport) =>
            {
                out.push(step(&due.statement_required, "statement_required"))
            }
            BodyKind::HealthBody
                if !has(EventKind::JointReport) && !has(EventKind::SpecialReport) =>
            {
                out.push(match body.particular_importance {
                    Some(_) => step(&due.special_report, "special_report"),
                    None => step(&due.joint_report, "joint_report"),
                })
            }
            BodyKind::CareProvider if !has(EventKind::NoticeRequired) => {
                out.push(step(&due.notice_required, "notice_required"))
            }
            _ => {}
        }
    }
    out
}
