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

use crate::case::{Case, Jurisdiction, Stage};

mod bodies;
mod checks;
mod document;
mod escalation;
mod letters;
mod pending;
pub mod publication;

pub use bodies::{BodyState, persists_after_report, states};
pub(crate) use checks::problems;
pub use document::{Copies, DocKind, DocumentPlan, LetterCode, Recipient, Variant};
pub use pending::{Pending, pending};
pub use publication::{PublicationDecision, Status, decide};

/// The documents a case calls for, in the order they would be issued.
pub fn plan(case: &Case) -> Vec<DocumentPlan> {
    let mut docs = vec![decision(case)];
    if case.case.stage == Stage::Draft {
        docs.push(name_key(case));
    }
    docs.extend(letters::standard_letters(case));
    if case.case.stage == Stage::Final {
        for state in states(case).iter().filter(|s| s.non_compliant) {
            docs.extend(escalation::escalation(case, state.body));
        }
    }
    docs
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

#[cfg(test)]
mod tests;
