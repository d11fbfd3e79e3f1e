//! The escalation documents of a body that will not comply: one for each
//! recorded event that issues one, dated that day, with its covering
//! letter and the notifications to the complainant and the other bodies
//! (the Joint Working Manual's escalation routes; docs/domain.md §3).

use super::bodies::events_of;
use super::document::{Copies, DocKind, DocumentPlan, LetterCode, Recipient};
use super::letters::letter;
use crate::case::{Body, BodyKind, Case, EscalationEvent, EventKind, Jurisdiction};

/// The escalation documents for a body that will not comply: one for each
/// event recorded that issues one.
pub(super) fn escalation(case: &Case, body: &Body) -> Vec<DocumentPlan> {
    let kinds: &[(EventKind, DocKind)] = match body.kind {
        BodyKind::Council => &[
            (EventKind::Report, DocKind::Report),
            (EventKind::FurtherReport, DocKind::FurtherReport),
            (EventKind::StatementRequired, DocKind::Statement),
        ],
        BodyKind::HealthBody => &[
            (EventKind::JointReport, DocKind::JointReport),
            (EventKind::SpecialReport, DocKind::SpecialReport),
        ],
        BodyKind::CareProvider => &[(EventKind::NoticeRequired, DocKind::Notice)],
        // The Housing Ombudsman enforces its orders through its own
        // process, outside the joint escalation routes of the Joint Working Manual.
        BodyKind::HousingLandlord => &[],
    };
    let mut docs = Vec::new();
    for &(event, kind) in kinds {
        if let Some(e) = events_of(case, body).find(|e| e.kind == event) {
            docs.extend(report_and_letters(case, body, kind, e));
        }
    }
    docs
}

fn report_and_letters(
    case: &Case,
    body: &Body,
    kind: DocKind,
    event: &EscalationEvent,
) -> Vec<DocumentPlan> {
    let (file, template, title, powers, code) = match kind {
        DocKind::Report => (
            "report",
            "report.typ.j2",
            "Report by the Local Government and Social Care Ombudsman",
            "LGA 1974 s30(1)",
            LetterCode::S30,
        ),
        DocKind::FurtherReport => (
            "further-report",
            "further-report.typ.j2",
            "Further report by the Local Government and Social Care Ombudsman",
            "LGA 1974 s31(2A)",
            LetterCode::S31,
        ),
        DocKind::JointReport => (
            "joint-report",
            "joint-report.typ.j2",
            "Joint report by the Local Government and Social Care Ombudsman and the Parliamentary and Health Service Ombudsman",
            "HSCA 1993 s18ZA / LGA 1974 s33ZA; published under HSCA 1993 s14(2I)",
            LetterCode::S18za,
        ),
        DocKind::SpecialReport => (
            "special-report",
            "special-report.typ.j2",
            "Special report of the Parliamentary and Health Service Ombudsman",
            "HSCA 1993 s14(3)",
            LetterCode::S14_3,
        ),
        DocKind::Statement => (
            "statement",
            "letter.typ.j2",
            "Statement under section 31(2D) of the Local Government Act 1974",
            "LGA 1974 s31(2D)",
            LetterCode::S31_2D,
        ),
        _ => (
            "adverse-findings-notice",
            "notice.typ.j2",
            "Adverse findings notice",
            "LGA 1974 s34I",
            LetterCode::Afn,
        ),
    };
    let phso = case.case.jurisdiction == Jurisdiction::LgscoPhso;
    // The report is the joint statement's (the Joint Working Manual's escalation route 1); a further
    // report under s31(2A) is the Local Commissioner's power, and the
    // PHSO's only where the event states its joint-working basis.
    let title = match kind {
        DocKind::Report if phso => {
            format!("{title} and the Parliamentary and Health Service Ombudsman")
        }
        DocKind::FurtherReport if phso && event.joint => {
            format!("{title} and the Parliamentary and Health Service Ombudsman")
        }
        _ => title.to_string(),
    };
    let date = event.date;
    let mut docs = Vec::new();
    if kind != DocKind::Statement {
        docs.push(DocumentPlan {
            kind,
            file: format!("{file}-{}", body.id),
            template,
            title,
            powers,
            recipient: None,
            about: Some(body.id.clone()),
            covers: None,
            date,
            copies: Copies::PublicationAndInternal,
        });
    }
    let tag = code
        .code()
        .to_lowercase()
        .trim_start_matches("cl-")
        .to_string();
    let to = Recipient::Body(body.id.clone());
    docs.push(letter(
        code,
        format!("letter-{tag}-{}", body.id),
        to,
        &body.short_name,
        Some(body),
        Some(kind),
        date,
    ));
    let notify = match kind {
        DocKind::SpecialReport => LetterCode::S14_3,
        DocKind::Notice | DocKind::JointReport => LetterCode::S30Notify,
        _ => LetterCode::S30Notify,
    };
    let file = format!("letter-{tag}-complainant");
    docs.push(letter(
        notify,
        file,
        Recipient::Complainant,
        "the complainant",
        Some(body),
        Some(kind),
        date,
    ));
    if kind != DocKind::Notice {
        for other in case.bodies.iter().filter(|b| b.id != body.id) {
            let to = Recipient::Body(other.id.clone());
            let file = format!("letter-{tag}-{}", other.id);
            docs.push(letter(
                LetterCode::S30Notify,
                file,
                to,
                &other.short_name,
                Some(body),
                Some(kind),
                date,
            ));
        }
    }
    docs
}
