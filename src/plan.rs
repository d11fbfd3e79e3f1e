//! The plan stage: which documents a case calls for, for whom, under which
//! powers (the LGSCO's Joint Working Manual, "Escalation process"; see
//! docs/domain.md §2 and §3).
//!
//! Every case has its decision statement and a covering letter to every
//! recipient (one joint letter in a case with the Housing Ombudsman; the
//! draft's letters when the decision is a draft). Letters are internal
//! copies only: they are addressed to named people and never published. A
//! draft goes to the parties as the anonymised text (verified like a
//! publication copy, never published), with the key to names as a separate
//! confidential document.
//!
//! When a body at fault will not put things right, each escalation document
//! is planned from the event that issues it, dated that day:
//!
//! | body | event → document | letters |
//! | --- | --- | --- |
//! | council (1974 Act) | `report` → report under s30; `further_report` → further report under s31(2A) (the LGSCO's, or joint where the event says `joint`); `statement_required` → the requirement to publish a statement under s31(2D) | CL-S30 / CL-S31 / CL-S31-2D to the council, CL-S30-NOTIFY to the complainant and the other bodies |
//! | health body (1993 Act) | `joint_report` → joint report under s18ZA / s33ZA; `special_report` → special report under s14(3) (a refusal of particular importance) | CL-S18ZA or CL-S14-3 to the body, notifications to the others |
//! | care provider (Part 3A) | `notice_required` → adverse findings notice (s34I) | CL-AFN to the provider, a notification to the complainant |
//!
//! A step whose event is not yet recorded is [`pending`]: no document is
//! dated before it happens. [`problems`] says, with a path and a hint, when
//! a case asks for a document its facts do not allow; [`plan`] assumes a
//! case without them.

use serde::Serialize;

use crate::case::{Body, BodyKind, Case, Date, EventKind, Jurisdiction, RequestKind, Stage};
use crate::render::Variant;

mod checks;
mod pending;

pub(crate) use checks::problems;
pub use pending::{Pending, pending};

/// The kinds of document redress makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DocKind {
    /// The decision statement (draft or final).
    Decision,
    /// A report under s30 of the Local Government Act 1974.
    Report,
    /// A further report under s31(2A) of the 1974 Act.
    FurtherReport,
    /// A joint report under s18ZA of the 1993 Act and s33ZA of the 1974 Act.
    JointReport,
    /// A special report under s14(3) of the 1993 Act.
    SpecialReport,
    /// An adverse findings notice under s34I of the 1974 Act (Part 3A).
    Notice,
    /// The statement a council is required to publish under s31(2D) of the
    /// 1974 Act: its letter (CL-S31-2D) says what it must contain. Letters
    /// cover it; redress makes no document of its own for it.
    Statement,
    /// The confidential key to the names of an anonymised draft.
    NameKey,
    /// A covering letter.
    Letter(LetterCode),
}

/// The covering letters, by the powers they state (docs/domain.md §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum LetterCode {
    /// Draft decision for comment.
    #[serde(rename = "CL-STD-DRAFT")]
    StdDraft,
    /// Final decision, remedies agreed.
    #[serde(rename = "CL-STD-FINAL")]
    StdFinal,
    /// One joint letter for an LGSCO/Housing Ombudsman decision.
    #[serde(rename = "CL-HOS-JOINT")]
    HosJoint,
    /// The decision is a report under s30: to the council at fault.
    #[serde(rename = "CL-S30")]
    S30,
    /// A report was issued about another body: to everyone else.
    #[serde(rename = "CL-S30-NOTIFY")]
    S30Notify,
    /// A further report under s31(2A): to the council.
    #[serde(rename = "CL-S31")]
    S31,
    /// A joint report under s18ZA / s33ZA: to the health body.
    #[serde(rename = "CL-S18ZA")]
    S18za,
    /// A special report under s14(3): to the health body and the complainant.
    #[serde(rename = "CL-S14-3")]
    S14_3,
    /// An adverse findings notice: to the care provider.
    #[serde(rename = "CL-AFN")]
    Afn,
    /// The requirement to publish a statement under s31(2D): to the
    /// council.
    #[serde(rename = "CL-S31-2D")]
    S31_2D,
}

impl LetterCode {
    /// Every code.
    pub const ALL: [LetterCode; 10] = [
        Self::StdDraft,
        Self::StdFinal,
        Self::HosJoint,
        Self::S30,
        Self::S30Notify,
        Self::S31,
        Self::S18za,
        Self::S14_3,
        Self::Afn,
        Self::S31_2D,
    ];

    /// The code as the manual writes it.
    pub fn code(self) -> &'static str {
        match self {
            Self::StdDraft => "CL-STD-DRAFT",
            Self::StdFinal => "CL-STD-FINAL",
            Self::HosJoint => "CL-HOS-JOINT",
            Self::S30 => "CL-S30",
            Self::S30Notify => "CL-S30-NOTIFY",
            Self::S31 => "CL-S31",
            Self::S18za => "CL-S18ZA",
            Self::S14_3 => "CL-S14-3",
            Self::Afn => "CL-AFN",
            Self::S31_2D => "CL-S31-2D",
        }
    }
}

/// Who a letter is addressed to.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case", tag = "type", content = "id")]
pub enum Recipient {
    /// The complainant.
    Complainant,
    /// A body, by id.
    Body(String),
    /// Everyone, in one joint letter.
    All,
}

/// One document to make.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocumentPlan {
    /// What it is.
    pub kind: DocKind,
    /// The file stem: `decision`, `report`, `letter-s30-council`.
    pub file: String,
    /// The template that renders it.
    pub template: &'static str,
    /// Its title, as in the PDF metadata.
    pub title: String,
    /// The powers it is issued under, in words.
    pub powers: &'static str,
    /// Who it is addressed to (letters).
    pub recipient: Option<Recipient>,
    /// The body whose non-compliance it is about (escalation documents).
    pub about: Option<String>,
    /// The escalation document a letter covers.
    pub covers: Option<DocKind>,
    /// The document's date (also its PDF date): the document shows what
    /// was known on it, and its deadlines run from it.
    pub date: Date,
    /// Which copies are made.
    pub copies: Copies,
}

/// The copies made of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Copies {
    /// A publication copy (anonymised, verified clean) and the internal
    /// copy: decisions, reports, notices.
    PublicationAndInternal,
    /// The internal copy only: letters (addressed to named people, never
    /// published) and the key to names of a draft.
    InternalOnly,
    /// The anonymised copy only, verified clean like a publication copy
    /// but never published: the draft sent to the parties for comment.
    AnonymisedOnly,
}

impl DocumentPlan {
    /// The variants made of this document.
    pub fn variants(&self) -> &'static [Variant] {
        match self.copies {
            Copies::PublicationAndInternal => &[Variant::Redacted, Variant::Unredacted],
            Copies::InternalOnly => &[Variant::Unredacted],
            Copies::AnonymisedOnly => &[Variant::Redacted],
        }
    }

    /// Whether its anonymised copy is a publication copy (one that may go
    /// on the website).
    pub fn publication_copy(&self) -> bool {
        self.copies == Copies::PublicationAndInternal
    }
}

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

/// The documents a case calls for, in the order they would be issued.
pub fn plan(case: &Case) -> Vec<DocumentPlan> {
    let mut docs = vec![decision(case)];
    if case.case.stage == Stage::Draft {
        docs.push(name_key(case));
    }
    docs.extend(standard_letters(case));
    if case.case.stage == Stage::Final {
        for state in states(case).iter().filter(|s| s.non_compliant) {
            docs.extend(escalation(case, state.body));
        }
    }
    docs
}

/// The events recorded against one body, in order.
pub(super) fn events_of<'a>(
    case: &'a Case,
    body: &'a Body,
) -> impl Iterator<Item = &'a crate::case::EscalationEvent> + 'a {
    case.escalation
        .events
        .iter()
        .filter(move |e| e.body.as_deref() == Some(body.id.as_str()))
}

/// The confidential key to the names of an anonymised draft.
fn name_key(case: &Case) -> DocumentPlan {
    DocumentPlan {
        kind: DocKind::NameKey,
        file: "draft-key-to-names".into(),
        template: "key.typ.j2",
        title: "Key to names used in the draft decision".into(),
        powers: "confidential: sent with the draft, never published",
        recipient: None,
        about: None,
        covers: None,
        date: case.case.decision_date,
        copies: Copies::InternalOnly,
    }
}

/// "The Ombudsmen's final decision" and its variants.
pub fn decision_title(case: &Case) -> String {
    let who = if case.case.jurisdiction.is_joint() {
        "Ombudsmen's"
    } else {
        "Ombudsman's"
    };
    let stage = match case.case.stage {
        Stage::Draft => "draft decision",
        Stage::Final => "final decision",
    };
    format!("The {who} {stage}")
}

fn decision(case: &Case) -> DocumentPlan {
    let draft = case.case.stage == Stage::Draft;
    DocumentPlan {
        kind: DocKind::Decision,
        file: if draft { "draft-decision" } else { "decision" }.into(),
        template: "decision.typ.j2",
        title: decision_title(case),
        powers: decision_powers(case),
        recipient: None,
        about: None,
        covers: None,
        date: case.case.decision_date,
        copies: if draft {
            Copies::AnonymisedOnly
        } else {
            Copies::PublicationAndInternal
        },
    }
}

/// A summary of the powers, for `redress plan`; the documents print their
/// citations from `rules.toml`.
fn decision_powers(case: &Case) -> &'static str {
    match (case.case.stage, case.case.jurisdiction) {
        (Stage::Draft, _) => "draft for comment (not published)",
        (_, Jurisdiction::LgscoPhso) => {
            "LGA 1974 s30(1B) (s30(1) where not satisfied) / s34H(1); HSCA 1993 s14; joint under LGA s33ZA (s34N) / HSCA s18ZA"
        }
        (_, Jurisdiction::LgscoHos) => {
            "LGA 1974 s30(1B) (s30(1) where not satisfied); Housing Act 1996 and the Housing Ombudsman Scheme"
        }
        (_, Jurisdiction::Lgsco) => "LGA 1974 s30(1B) (s30(1) where not satisfied) / s34H(1)",
    }
}

fn letter(
    code: LetterCode,
    file: String,
    to: Recipient,
    to_name: &str,
    about: Option<&Body>,
    covers: Option<DocKind>,
    date: Date,
) -> DocumentPlan {
    DocumentPlan {
        date,
        kind: DocKind::Letter(code),
        file,
        template: "letter.typ.j2",
        title: format!("Covering letter to {to_name}"),
        powers: letter_powers(code),
        recipient: Some(to),
        about: about.map(|b| b.id.clone()),
        covers,
        copies: Copies::InternalOnly,
    }
}

fn letter_powers(code: LetterCode) -> &'static str {
    match code {
        LetterCode::StdDraft => "draft for comment (not published)",
        LetterCode::StdFinal => {
            "statement of reasons (LGA s30(1B)), or s30(1) report where not satisfied / report of results (HSCA s14) / written statement (LGA s34H(1))"
        }
        LetterCode::HosJoint => {
            "LGA 1974 s30(1B); Housing Act 1996 and the Housing Ombudsman Scheme"
        }
        LetterCode::S30 => {
            "report under LGA 1974 s30(1); publicity s30(4)-(5); consideration s31(2)"
        }
        LetterCode::S30Notify => "for information",
        LetterCode::S31 => "further report under LGA 1974 s31(2A)",
        LetterCode::S18za => {
            "joint report under HSCA 1993 s18ZA / LGA 1974 s33ZA; published under s14(2I)"
        }
        LetterCode::S14_3 => "special report under HSCA 1993 s14(3), laid before Parliament",
        LetterCode::Afn => "adverse findings notice under LGA 1974 s34I; copies under s34H(7)",
        LetterCode::S31_2D => "requirement to publish a statement under LGA 1974 s31(2D)",
    }
}

/// One covering letter per recipient, or one joint letter.
fn standard_letters(case: &Case) -> Vec<DocumentPlan> {
    let date = case.case.decision_date;
    let code = match (case.case.stage, case.case.jurisdiction) {
        (Stage::Draft, _) => LetterCode::StdDraft,
        (Stage::Final, Jurisdiction::LgscoHos) => LetterCode::HosJoint,
        (Stage::Final, _) => LetterCode::StdFinal,
    };
    if code == LetterCode::HosJoint {
        let to = "the complainant, the council and the landlord";
        return vec![letter(
            code,
            "letter-joint".into(),
            Recipient::All,
            to,
            None,
            None,
            date,
        )];
    }
    let mut out = vec![letter(
        code,
        "letter-complainant".into(),
        Recipient::Complainant,
        "the complainant",
        None,
        None,
        date,
    )];
    for body in &case.bodies {
        let to = Recipient::Body(body.id.clone());
        out.push(letter(
            code,
            format!("letter-{}", body.id),
            to,
            &body.short_name,
            None,
            None,
            date,
        ));
    }
    out
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

/// The escalation documents for a body that will not comply: one for each
/// event recorded that issues one.
fn escalation(case: &Case, body: &Body) -> Vec<DocumentPlan> {
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

fn report_and_letters(
    case: &Case,
    body: &Body,
    kind: DocKind,
    event: &crate::case::EscalationEvent,
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

#[cfg(test)]
mod tests;
