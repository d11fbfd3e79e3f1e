//! What a case may not ask of the planner: documents its facts do not
//! allow, events recorded against the wrong kind of body, an escalation on a
//! draft, directions a due document needs. Each problem has the path of the
//! value it is about and a hint.

use super::bodies::{BodyState, states};
use super::document::DocKind;
use crate::case::Seg;
use crate::case::{BodyKind, Case, DocumentRequest, EventKind, RequestKind, Stage};
use crate::diag::Diagnostic;

/// Documents asked for (or events recorded) that the facts do not allow,
/// each with the path of the request and a hint.
pub(crate) fn problems(case: &Case) -> Vec<(Vec<Seg>, Diagnostic)> {
    let mut out = Vec::new();
    let states = states(case);
    let at = |parts: Vec<Seg>| parts;
    for (i, request) in case.escalation.requested.iter().enumerate() {
        let path = at(vec![
            Seg::Key("escalation".into()),
            Seg::Key("requested".into()),
            Seg::Index(i),
        ]);
        if let Some(diag) = request_problem(case, &states, request) {
            out.push((path, diag));
        }
    }
    let escalating = states.iter().any(|s| s.non_compliant);
    if escalating && case.case.stage == Stage::Draft {
        out.push((
            vec![Seg::Key("case".into()), Seg::Key("stage".into())],
            Diagnostic::error("escalation-on-draft", "a recommendation is refused, but the decision is still a draft")
                .hint("escalation follows a final decision: set `stage = \"final\"`, or set the recommendations' `status` to `agreed`"),
        ));
    }
    for state in states.iter().filter(|s| s.non_compliant) {
        let special = state.body.kind == BodyKind::HealthBody
            && (state.body.particular_importance.is_some()
                || case
                    .escalation
                    .requested
                    .iter()
                    .any(|r| r.document == RequestKind::SpecialReport));
        if special && case.escalation.parliament.is_none() && case.case.stage == Stage::Final {
            out.push((
                vec![Seg::Key("escalation".into())],
                Diagnostic::error("missing-parliament", "a special report under s14(3) is due, but its parliamentary details are missing")
                    .hint("add `[escalation.parliament]` with `hc_number`, `session` and `ordered_printed`"),
            ));
        }
        if state.body.kind == BodyKind::CareProvider
            && case.escalation.notice.is_none()
            && case.case.stage == Stage::Final
        {
            out.push((
                vec![Seg::Key("escalation".into())],
                Diagnostic::error("missing-notice-directions", "an adverse findings notice is due, but where and how long it must be published is not given")
                    .hint("add `[escalation.notice]` with `places`, `period` and `by`"),
            ));
        }
    }
    for (i, event) in case.escalation.events.iter().enumerate() {
        if let Some(diag) =
            event_problem(case, event).or_else(|| chain_problem(case, &states, event))
        {
            out.push((
                vec![
                    Seg::Key("escalation".into()),
                    Seg::Key("events".into()),
                    Seg::Index(i),
                ],
                diag,
            ));
        }
    }
    out
}

fn request_problem(
    case: &Case,
    states: &[BodyState<'_>],
    request: &DocumentRequest,
) -> Option<Diagnostic> {
    let (kind, needs, rule) = request_kind_of(request.document);
    let candidates: Vec<&BodyState<'_>> = match &request.body {
        Some(id) => {
            let state = states.iter().find(|s| &s.body.id == id)?; // unknown bodies are reported by validate
            if state.body.kind != needs {
                return Some(
                    Diagnostic::error(
                        "document-not-allowed",
                        format!("`{id}` is not the right kind of body: {rule}"),
                    )
                    .hint(format!(
                        "`{id}` is a {}; ask for the document its kind allows (see `redress plan`)",
                        kind_word(state.body.kind)
                    )),
                );
            }
            vec![state]
        }
        None => states.iter().filter(|s| s.body.kind == needs).collect(),
    };
    if candidates.is_empty() {
        return Some(
            Diagnostic::error(
                "document-not-allowed",
                format!("no body in the case can receive this document: {rule}"),
            )
            .hint("remove the request, or check the bodies' `kind`"),
        );
    }
    let Some(state) = candidates.iter().find(|s| s.non_compliant) else {
        let what = if candidates.iter().any(|s| s.at_fault) {
            "has refused no recommendation"
        } else {
            "was not found at fault"
        };
        return Some(Diagnostic::error("document-not-allowed", format!("the facts do not allow this document: the body {what}"))
            .hint("escalation needs a finding of fault and a recommendation with `status = \"refused\"`, `\"not_responded\"` or `\"partially_complied\"`"));
    };
    if kind == DocKind::FurtherReport {
        let report = case.escalation.events.iter().any(|e| {
            e.kind == EventKind::Report && e.body.as_deref() == Some(state.body.id.as_str())
        });
        if !report {
            return Some(Diagnostic::error("document-not-allowed", "a further report is asked for before a report")
                .hint("a further report under s31(2A) follows a report under s30: record the report as an event (`kind = \"report\"`) with its date"));
        }
    }
    None
}

fn event_problem(case: &Case, event: &crate::case::EscalationEvent) -> Option<Diagnostic> {
    if event.date < case.case.decision_date {
        return Some(
            Diagnostic::error(
                "event-before-decision",
                "this event is dated before the final decision",
            )
            .hint("escalation events follow the decision date in `[case]`"),
        );
    }
    let body = case.body(event.body.as_deref()?)?;
    let needs = match event.kind {
        EventKind::Report
        | EventKind::FurtherReport
        | EventKind::PublicNotice
        | EventKind::Meeting => BodyKind::Council,
        EventKind::JointReport | EventKind::SpecialReport => BodyKind::HealthBody,
        EventKind::NoticeRequired | EventKind::NoticePublished => BodyKind::CareProvider,
        EventKind::StatementRequired => BodyKind::Council,
        _ => return None,
    };
    (body.kind != needs).then(|| {
        Diagnostic::error(
            "event-wrong-body",
            format!(
                "this kind of event does not apply to a {}",
                kind_word(body.kind)
            ),
        )
        .hint(format!("it applies to a {}", kind_word(needs)))
    })
}

/// An event that issues a document must follow from the facts: a body that
/// refused, the document before it in the chain, the particular importance
/// of a special report.
fn chain_problem(
    case: &Case,
    states: &[BodyState<'_>],
    event: &crate::case::EscalationEvent,
) -> Option<Diagnostic> {
    if event.joint && event.kind != EventKind::FurtherReport {
        return Some(
            Diagnostic::error("joint-not-further-report", "`joint` says a further report is issued by both Ombudsmen; this event is not a further report")
                .hint("remove `joint`"),
        );
    }
    if event.joint && case.case.jurisdiction != crate::case::Jurisdiction::LgscoPhso {
        return Some(
            Diagnostic::error("joint-without-phso", "`joint` says the Parliamentary and Health Service Ombudsman issues this further report too, but the case is not joint with it")
                .hint("remove `joint`"),
        );
    }
    if !crate::case::issues_document(event.kind) {
        return None;
    }
    let id = event.body.as_deref()?;
    let state = states.iter().find(|s| s.body.id == id)?;
    if !state.non_compliant {
        return Some(
            Diagnostic::error(
                "escalation-without-refusal",
                format!("this event issues an escalation document about `{id}`, which has not refused any recommendation"),
            )
            .hint("escalation follows a body at fault that will not put things right: set the refused recommendations' `status` (`refused`, `not_responded` or `partially_complied`), or remove the event"),
        );
    }
    let earlier = |kind: EventKind| {
        case.escalation.events.iter().any(|e| {
            e.kind == kind
                && e.body.as_deref() == Some(id)
                && e.date <= event.date
                && !std::ptr::eq(e, event)
        })
    };
    match event.kind {
        EventKind::FurtherReport if !earlier(EventKind::Report) => Some(
            Diagnostic::error("further-report-without-report", "a further report is recorded, but no report before it")
                .hint("a further report under s31(2A) follows a report under s30: record the report (`kind = \"report\"`) with its date, before this event"),
        ),
        EventKind::StatementRequired if !earlier(EventKind::FurtherReport) => Some(
            Diagnostic::error("statement-without-further-report", "a statement under s31(2D) is required, but no further report came before it")
                .hint("the statement follows a further report the council did not act on: record the further report (`kind = \"further_report\"`) with its date, before this event"),
        ),
        EventKind::SpecialReport if state.body.particular_importance.is_none() => Some(
            Diagnostic::error("special-report-without-importance", "a special report is recorded, but the body's refusal is not recorded as of particular importance")
                .hint(format!("a special report under s14(3) is for a refusal of particular importance: say why under the body (`particular_importance = \"…\"` on `{id}`), or record a joint report (`kind = \"joint_report\"`) instead")),
        ),
        EventKind::JointReport if state.body.particular_importance.is_some() => Some(
            Diagnostic::error("joint-report-of-particular-importance", "a joint report is recorded, but the body's refusal is recorded as of particular importance, which calls for a special report")
                .hint(format!("record the special report (`kind = \"special_report\"`), or remove `particular_importance` from `{id}`")),
        ),
        _ => None,
    }
}

fn kind_word(kind: BodyKind) -> &'static str {
    match kind {
        BodyKind::Council => "council",
        BodyKind::HealthBody => "health body",
        BodyKind::CareProvider => "care provider",
        BodyKind::HousingLandlord => "housing landlord",
    }
}

/// What a requested document needs of a body, in words for errors.
fn request_kind_of(kind: RequestKind) -> (DocKind, BodyKind, &'static str) {
    match kind {
        RequestKind::Report => (
            DocKind::Report,
            BodyKind::Council,
            "a report under s30 of the Local Government Act 1974 is for a council",
        ),
        RequestKind::FurtherReport => (
            DocKind::FurtherReport,
            BodyKind::Council,
            "a further report under s31(2A) is for a council",
        ),
        RequestKind::JointReport => (
            DocKind::JointReport,
            BodyKind::HealthBody,
            "a joint report under s18ZA of the 1993 Act is for a health body",
        ),
        RequestKind::SpecialReport => (
            DocKind::SpecialReport,
            BodyKind::HealthBody,
            "a special report under s14(3) of the 1993 Act is for a health body",
        ),
        RequestKind::AdverseFindingsNotice => (
            DocKind::Notice,
            BodyKind::CareProvider,
            "an adverse findings notice is for an independent adult social care provider (Part 3A)",
        ),
    }
}
