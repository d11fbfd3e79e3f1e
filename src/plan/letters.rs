//! The covering letters: one to every recipient of the decision (one joint
//! letter in a case with the Housing Ombudsman), and the letters that cover
//! each escalation document, each stating the powers it is sent under
//! (docs/domain.md §3).

use super::document::{Copies, DocKind, DocumentPlan, LetterCode, Recipient};
use crate::case::{Body, Case, Date, Jurisdiction, Stage};

pub(super) fn letter(
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
pub(super) fn standard_letters(case: &Case) -> Vec<DocumentPlan> {
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
