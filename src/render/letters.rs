//! Covering letters: who they go to (one addressee, or every party to a
//! joint Housing Ombudsman letter), the reference they carry in the
//! heading and the subject alike, and the dates they give. What they say
//! under which powers is in `templates/letter.typ.j2`.

use serde::Serialize;

use super::bodies::BodyView;
use super::context::{Variant, and_join, capitalise};
use super::people::{PersonView, salutation};
use super::rules::Rules;
use crate::case::{Case, Deadline, Stage};
use crate::plan::{DocKind, DocumentPlan, Recipient};

/// A covering letter's own facts.
#[derive(Debug, Clone, Serialize)]
pub(super) struct LetterView {
    code: &'static str,
    to_complainant: bool,
    to_all: bool,
    /// The body it is addressed to.
    body: Option<BodyView>,
    /// Each addressee's block: name, then address lines.
    recipients: Vec<RecipientView>,
    /// "Mrs Tranter-Wilde", "Chief Executive", "Sir or Madam".
    greeting: String,
    /// The reference the letter quotes, in its heading and its subject.
    reference: String,
    /// The complainant, as this variant names them.
    complainant: String,
    /// The bodies complained about, by name.
    bodies: String,
    /// The kind of escalation document the letter covers.
    covers: Option<&'static str>,
    /// For a draft: the date comments and answers are due.
    comments_due: Option<String>,
    /// For a final decision: the date a review request is due by.
    review_due: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
struct RecipientView {
    lines: Vec<String>,
}

#[allow(clippy::too_many_arguments)]
pub(super) fn letter(
    case: &Case,
    plan: &DocumentPlan,
    to: &Recipient,
    complainant: &PersonView,
    _people: &[PersonView],
    bodies: &[BodyView],
    rules: &Rules,
    variant: Variant,
) -> LetterView {
    let body = match to {
        Recipient::Body(id) => bodies.iter().find(|b| &b.id == id).cloned(),
        _ => None,
    };
    let complainant_block = || RecipientView {
        lines: std::iter::once(complainant.name.clone())
            .chain(complainant.address.iter().cloned())
            .collect(),
    };
    let (recipients, greeting) = match (to, &body) {
        (Recipient::Body(_), Some(b)) => (vec![body_block(b, variant)], body_greeting(b)),
        (Recipient::All, _) => {
            let mut blocks = vec![complainant_block()];
            let mut names = vec![complainant.salutation.clone()];
            for b in bodies {
                blocks.push(body_block(b, variant));
                names.push(body_greeting(b));
            }
            (blocks, and_join(dedup(names)))
        }
        _ => (vec![complainant_block()], complainant.salutation.clone()),
    };
    let draft = case.case.stage == Stage::Draft;
    let holidays = &crate::calendar::is_bank_holiday;
    LetterView {
        code: match plan.kind {
            DocKind::Letter(code) => code.code(),
            _ => "",
        },
        to_complainant: matches!(to, Recipient::Complainant),
        to_all: matches!(to, Recipient::All),
        reference: body
            .as_ref()
            .map_or_else(|| case.case.reference.clone(), |b| b.reference.clone()),
        complainant: complainant.name.clone(),
        bodies: and_join(bodies.iter().map(|b| b.name.clone()).collect()),
        covers: plan.covers.map(super::rules::doc_key),
        comments_due: draft.then(|| {
            Deadline::WorkingDays(rules.draft_comment_working_days)
                .due(case.case.decision_date, holidays)
                .long()
        }),
        review_due: (!draft && plan.covers.is_none()).then(|| {
            Deadline::Months(rules.review_request_months)
                .due(case.case.decision_date, holidays)
                .long()
        }),
        body,
        recipients,
        greeting,
    }
}

/// The address block of a letter to a body: its addressee by name and
/// position (by position alone in the redacted copy).
fn body_block(b: &BodyView, variant: Variant) -> RecipientView {
    let lines = match (&b.addressee, variant) {
        (Some(a), Variant::Redacted) => vec![capitalise(&a.position), b.name.clone()],
        (Some(a), Variant::Unredacted) => {
            let mut lines = vec![a.name.clone(), a.position.clone(), b.name.clone()];
            lines.extend(a.address.iter().cloned());
            lines
        }
        (None, _) => vec![b.name.clone()],
    };
    RecipientView { lines }
}

fn body_greeting(b: &BodyView) -> String {
    match &b.addressee {
        Some(a) if a.name.eq_ignore_ascii_case(&format!("the {}", a.position)) => {
            capitalise(&a.position)
        }
        Some(a) => salutation(&a.name),
        None => "Sir or Madam".into(),
    }
}

fn dedup(mut names: Vec<String>) -> Vec<String> {
    let mut seen = Vec::new();
    names.retain(|n| {
        let fresh = !seen.contains(n);
        seen.push(n.clone());
        fresh
    });
    names
}
