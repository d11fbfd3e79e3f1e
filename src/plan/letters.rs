//! The covering letters: one to every recipient of the decision (one joint
//! letter in a case with the Housing Ombudsman), and the letters that cover
//! each escalation document, each stating the powers it is sent under
//! (docs/domain.md §3). Their titles and powers are the office's words
//! (`rules.toml` `[titles.letter]`, `[powers.letters]`).

use super::document::{Copies, DocKind, DocumentPlan, LetterCode, Recipient};
use super::words::{Words, fill};
use crate::case::{Body, Case, Date, Jurisdiction, Stage};

/// What a letter covers and who it is about.
#[derive(Clone, Copy)]
pub(super) struct Subject<'a> {
    /// The body whose escalation document it covers.
    pub(super) about: Option<&'a Body>,
    /// The escalation document it covers.
    pub(super) covers: Option<DocKind>,
    /// Its date.
    pub(super) date: Date,
}

/// Who a letter goes to.
#[derive(Clone, Copy)]
pub(super) enum To<'a> {
    /// The complainant.
    Complainant,
    /// A body: its title names the body by its short name.
    Body(&'a Body),
    /// Everyone, in one joint letter.
    All,
}

/// One covering letter, titled by who it goes to.
pub(super) fn letter(
    code: LetterCode,
    file: String,
    to: To<'_>,
    subject: Subject<'_>,
    words: Words<'_>,
) -> DocumentPlan {
    let titles = &words.titles.letter;
    let (recipient, title) = match to {
        To::Complainant => (Recipient::Complainant, titles.complainant.clone()),
        To::Body(body) => (
            Recipient::Body(body.id.clone()),
            fill(&titles.body, &[("body", &body.short_name)]),
        ),
        To::All => (Recipient::All, titles.all.clone()),
    };
    DocumentPlan {
        date: subject.date,
        kind: DocKind::Letter(code),
        file,
        template: "letter.typ.j2",
        title,
        powers: words.powers.letters.of(code).to_string(),
        recipient: Some(recipient),
        about: subject.about.map(|b| b.id.clone()),
        covers: subject.covers,
        copies: Copies::InternalOnly,
    }
}

/// One covering letter per recipient, or one joint letter.
pub(super) fn standard_letters(case: &Case, words: Words<'_>) -> Vec<DocumentPlan> {
    let subject = Subject {
        about: None,
        covers: None,
        date: case.case.decision_date,
    };
    let code = match (case.case.stage, case.case.jurisdiction) {
        (Stage::Draft, _) => LetterCode::StdDraft,
        (Stage::Final, Jurisdiction::LgscoHos) => LetterCode::HosJoint,
        (Stage::Final, _) => LetterCode::StdFinal,
    };
    if code == LetterCode::HosJoint {
        return vec![letter(code, "letter-joint".into(), To::All, subject, words)];
    }
    let mut out = vec![letter(
        code,
        "letter-complainant".into(),
        To::Complainant,
        subject,
        words,
    )];
    for body in &case.bodies {
        let file = format!("letter-{}", body.id);
        out.push(letter(code, file, To::Body(body), subject, words));
    }
    out
}
