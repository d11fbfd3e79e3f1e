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
//!
//! The planned documents and their variants are `document`'s types; where
//! each body stands is `bodies`; the covering letters are `letters`, the
//! escalation documents `escalation`. Whether and when the decision and
//! each document are published is the plan's too ([`publication`]): the
//! pipeline passes it to the review sheet, the manifest and the website.
//! The words the plan writes (titles, the powers and the steps due that
//! `redress plan` shows, why a decision is or is not published) are the office's, in `rules.toml`:
//! [`Words`] borrows them from the loaded rules.

use crate::case::{Case, Stage};

mod bodies;
mod checks;
mod document;
mod escalation;
mod letters;
mod pending;
pub mod publication;
mod words;

pub use bodies::{BodyState, persists_after_report, states};
pub(crate) use checks::problems;
pub use document::{Copies, DocKind, DocumentPlan, LetterCode, Recipient, Variant};
pub use pending::{Pending, pending};
pub use publication::{PublicationDecision, Status, decide};
/// The bundled words, for the tests of later stages.
#[cfg(test)]
pub(crate) use words::bundled as bundled_words;
pub use words::{
    ByJurisdiction, ByRecipient, Explanations, LetterPowers, Powers, Steps, Titles, Words,
    check_entry, fill,
};

/// The documents a case calls for, in the order they would be issued,
/// titled in the office's words.
pub fn plan(case: &Case, words: Words<'_>) -> Vec<DocumentPlan> {
    let mut docs = vec![decision(case, words)];
    if case.case.stage == Stage::Draft {
        docs.push(name_key(case, words));
    }
    docs.extend(letters::standard_letters(case, words));
    if case.case.stage == Stage::Final {
        for state in states(case).iter().filter(|s| s.non_compliant) {
            docs.extend(escalation::escalation(case, state.body, words));
        }
    }
    docs
}

/// The confidential key to the names of an anonymised draft.
fn name_key(case: &Case, words: Words<'_>) -> DocumentPlan {
    DocumentPlan {
        kind: DocKind::NameKey,
        file: "draft-key-to-names".into(),
        template: "key.typ.j2",
        title: words.titles.name_key.clone(),
        powers: words.powers.name_key.clone(),
        recipient: None,
        about: None,
        covers: None,
        date: case.case.decision_date,
        copies: Copies::InternalOnly,
    }
}

/// The decision statement, draft or final: its title by the case's
/// jurisdiction; the documents print their citations from `rules.toml`.
fn decision(case: &Case, words: Words<'_>) -> DocumentPlan {
    let draft = case.case.stage == Stage::Draft;
    let jurisdiction = case.case.jurisdiction;
    let (title, powers) = if draft {
        (
            words.titles.draft_decision.of(jurisdiction),
            words.powers.draft_decision.as_str(),
        )
    } else {
        (
            words.titles.decision.of(jurisdiction),
            words.powers.decision.of(jurisdiction),
        )
    };
    DocumentPlan {
        kind: DocKind::Decision,
        file: if draft { "draft-decision" } else { "decision" }.into(),
        template: "decision.typ.j2",
        title: title.to_string(),
        powers: powers.to_string(),
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

#[cfg(test)]
mod tests;
