//! The plan stage: which documents a case calls for, for whom, under which
//! powers.
//!
//! A final decision with agreed remedies is a decision statement and a
//! covering letter to every recipient (the complainant and each body, or
//! one joint letter in a case with the Housing Ombudsman). A draft is the
//! draft statement and its covering letters.

use serde::Serialize;

use crate::case::{Case, Jurisdiction, Stage};

/// The kinds of document redress makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DocKind {
    /// The decision statement (draft or final).
    Decision,
    /// A covering letter.
    Letter(LetterCode),
}

/// The covering letters of DOMAIN.md §4.4, by the powers they state.
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
}

impl LetterCode {
    /// The code as the manual writes it.
    pub fn code(self) -> &'static str {
        match self {
            Self::StdDraft => "CL-STD-DRAFT",
            Self::StdFinal => "CL-STD-FINAL",
            Self::HosJoint => "CL-HOS-JOINT",
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
    /// The file stem: `decision`, `letter-complainant`, `letter-council`.
    pub file: String,
    /// The template that renders it.
    pub template: &'static str,
    /// Its title, as in the PDF metadata.
    pub title: String,
    /// Who it is addressed to (letters).
    pub recipient: Option<Recipient>,
}

/// The documents a case calls for.
pub fn plan(case: &Case) -> Vec<DocumentPlan> {
    let draft = case.case.stage == Stage::Draft;
    let mut docs = vec![DocumentPlan {
        kind: DocKind::Decision,
        file: if draft { "draft-decision" } else { "decision" }.into(),
        template: "decision.typ.j2",
        title: decision_title(case),
        recipient: None,
    }];
    let code = match (draft, case.case.jurisdiction) {
        (true, _) => LetterCode::StdDraft,
        (false, Jurisdiction::LgscoHos) => LetterCode::HosJoint,
        (false, _) => LetterCode::StdFinal,
    };
    docs.extend(letters(case, code));
    docs
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

/// One covering letter per recipient, or one joint letter.
fn letters(case: &Case, code: LetterCode) -> Vec<DocumentPlan> {
    let letter = |file: String, recipient: Recipient, to: &str| DocumentPlan {
        kind: DocKind::Letter(code),
        file,
        template: "letter.typ.j2",
        title: format!("Covering letter to {to}"),
        recipient: Some(recipient),
    };
    if code == LetterCode::HosJoint {
        return vec![letter(
            "letter-joint".into(),
            Recipient::All,
            "the complainant and the organisations",
        )];
    }
    let mut out = vec![letter(
        "letter-complainant".into(),
        Recipient::Complainant,
        "the complainant",
    )];
    for body in &case.bodies {
        out.push(letter(
            format!("letter-{}", body.id),
            Recipient::Body(body.id.clone()),
            &body.short_name,
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_final_decision_has_a_letter_for_everyone() {
        let case = crate::case::tests_support::minimal_case();
        let docs = plan(&case);
        let files: Vec<&str> = docs.iter().map(|d| d.file.as_str()).collect();
        assert_eq!(files, ["decision", "letter-complainant", "letter-council"]);
        assert_eq!(docs[0].title, "The Ombudsman's final decision");
    }
}
