//! The escalation documents of a body that will not comply: one for each
//! recorded event that issues one, dated that day, with its covering
//! letter and the notifications to the complainant and the other bodies
//! (the Joint Working Manual's escalation routes; docs/domain.md §3). Their
//! titles and powers are the office's words (`rules.toml` `[titles]`,
//! `[powers]`), by the kind of document.

use super::bodies::events_of;
use super::document::{Copies, DocKind, DocumentPlan, LetterCode};
use super::letters::{Subject, To, letter};
use super::words::Words;
use crate::case::{Body, BodyKind, Case, EscalationEvent, EventKind, Jurisdiction};

/// The escalation documents for a body that will not comply: one for each
/// event recorded that issues one.
pub(super) fn escalation(case: &Case, body: &Body, words: Words<'_>) -> Vec<DocumentPlan> {
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
            docs.extend(report_and_letters(case, body, kind, e, words));
        }
    }
    docs
}

/// What an escalation document is: its file stem, its template and the
/// letter that covers it.
fn shape(kind: DocKind) -> (&'static str, &'static str, LetterCode) {
    match kind {
        DocKind::Report => ("report", "report.typ.j2", LetterCode::S30),
        DocKind::FurtherReport => ("further-report", "further-report.typ.j2", LetterCode::S31),
        DocKind::JointReport => ("joint-report", "joint-report.typ.j2", LetterCode::S18za),
        DocKind::SpecialReport => ("special-report", "special-report.typ.j2", LetterCode::S14_3),
        DocKind::Statement => ("statement", "letter.typ.j2", LetterCode::S31_2D),
        _ => ("adverse-findings-notice", "notice.typ.j2", LetterCode::Afn),
    }
}

/// An escalation document's title and powers. The report is the joint
/// statement's (the Joint Working Manual's escalation route 1); a further
/// report under s31(2A) is the Local Commissioner's power, and the PHSO's
/// only where the event states its joint-working basis. A statement under
/// s31(2D) has no document of its own: its letter carries it.
fn title_and_powers<'a>(
    case: &Case,
    kind: DocKind,
    event: &EscalationEvent,
    words: Words<'a>,
) -> (&'a str, &'a str) {
    let (titles, powers) = (words.titles, words.powers);
    let phso = case.case.jurisdiction == Jurisdiction::LgscoPhso;
    match kind {
        DocKind::Report => (titles.report.of(case.case.jurisdiction), &powers.report),
        DocKind::FurtherReport if phso && event.joint => {
            (&titles.joint_further_report, &powers.further_report)
        }
        DocKind::FurtherReport => (&titles.further_report, &powers.further_report),
        DocKind::JointReport => (&titles.joint_report, &powers.joint_report),
        DocKind::SpecialReport => (&titles.special_report, &powers.special_report),
        _ => (
            &titles.adverse_findings_notice,
            &powers.adverse_findings_notice,
        ),
    }
}

/// The document an event issues (none for a statement under s31(2D),
/// which its letter carries), the letter that covers it, and the
/// notifications to the complainant and the other bodies.
fn report_and_letters(
    case: &Case,
    body: &Body,
    kind: DocKind,
    event: &EscalationEvent,
    words: Words<'_>,
) -> Vec<DocumentPlan> {
    let (file, template, code) = shape(kind);
    let subject = Subject {
        about: Some(body),
        covers: Some(kind),
        date: event.date,
    };
    let mut docs = Vec::new();
    if kind != DocKind::Statement {
        let (title, powers) = title_and_powers(case, kind, event, words);
        docs.push(DocumentPlan {
            kind,
            file: format!("{file}-{}", body.id),
            template,
            title: title.to_string(),
            powers: powers.to_string(),
            recipient: None,
            about: Some(body.id.clone()),
            covers: None,
            date: event.date,
            copies: Copies::PublicationAndInternal,
        });
    }
    let tag = code
        .code()
        .to_lowercase()
        .trim_start_matches("cl-")
        .to_string();
    let file = format!("letter-{tag}-{}", body.id);
    docs.push(letter(code, file, To::Body(body), subject, words));
    let notify = match kind {
        DocKind::SpecialReport => LetterCode::S14_3,
        DocKind::Notice | DocKind::JointReport => LetterCode::S30Notify,
        _ => LetterCode::S30Notify,
    };
    let file = format!("letter-{tag}-complainant");
    docs.push(letter(notify, file, To::Complainant, subject, words));
    if kind != DocKind::Notice {
        for other in case.bodies.iter().filter(|b| b.id != body.id) {
            let file = format!("letter-{tag}-{}", other.id);
            docs.push(letter(
                LetterCode::S30Notify,
                file,
                To::Body(other),
                subject,
                words,
            ));
        }
    }
    docs
}
