//! Covering letters: who they go to (one addressee, or every party to a
//! joint Housing Ombudsman letter), the reference they carry in the
//! heading and the subject alike, the dates they give, and, body by body,
//! what each has agreed to do (for the complainant, and to improve its
//! services) with the evidence of it we ask for. What they say, and under
//! which powers, is in `templates/letter.typ.j2`. Letters are internal
//! copies only: addressed to named people, never published. An addressee
//! the case file does not name is greeted in the office's words
//! (`rules.toml` `[names] unnamed_addressee`).

use serde::Serialize;

use super::actions::{ActionView, action_view, as_decided};
use super::bodies::BodyView;
use super::english::{and_join, capitalise};
use super::people::{PersonView, salutation};
use super::rules::Rules;
use crate::case::{Case, Deadline, Stage};
use crate::plan::{DocKind, DocumentPlan, Recipient, Variant};

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
    /// "Mrs Tranter-Wilde", "Chief Executive", or, unnamed, as `rules.toml`
    /// says ("Sir or Madam").
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
    /// Each body the letter speaks of, with what it has agreed to do:
    /// the addressee alone, or every body (the complainant's letter, the
    /// joint letter).
    parts: Vec<LetterPart>,
}

/// What one body was asked to do, as a letter tells it.
#[derive(Debug, Clone, Serialize)]
struct LetterPart {
    body: BodyView,
    /// The people its fault caused injustice to, the complainant as "you"
    /// in a letter to them.
    injured: String,
    /// Remedies for the complainant and the person affected (an apology,
    /// a payment, a new assessment), with their due dates.
    personal: Vec<ActionView>,
    /// Changes to how it works.
    improvements: Vec<ActionView>,
    /// Who it agreed to pay, as the letter names them ("you", "your
    /// mother, Mrs Margaret O'Neill"); empty when it pays no one in the
    /// complaint (a payment to a care home, say).
    payees: String,
    /// How many of those payments there are.
    payments: usize,
    /// What it agreed to (or was ordered to) do: the evidence of each we
    /// ask for.
    agreed: Vec<ActionView>,
    /// What it has not agreed to.
    not_agreed: Vec<ActionView>,
    /// It has not agreed to everything, or not answered: the letter says
    /// what we do next.
    waiting: bool,
}

#[derive(Debug, Clone, Serialize)]
struct RecipientView {
    lines: Vec<String>,
}

pub(super) fn letter(
    case: &Case,
    plan: &DocumentPlan,
    to: &Recipient,
    complainant: &PersonView,
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
        (Recipient::Body(_), Some(b)) => (vec![body_block(b, variant)], body_greeting(b, rules)),
        (Recipient::All, _) => {
            let mut blocks = vec![complainant_block()];
            let mut names = vec![complainant.salutation.clone()];
            for b in bodies {
                blocks.push(body_block(b, variant));
                names.push(body_greeting(b, rules));
            }
            (blocks, and_join(dedup(names)))
        }
        _ => (vec![complainant_block()], complainant.salutation.clone()),
    };
    let draft = case.case.stage == Stage::Draft;
    let holidays = &crate::calendar::is_bank_holiday;
    let to_complainant = matches!(to, Recipient::Complainant);
    let parts = bodies
        .iter()
        .filter(|b| body.as_ref().is_none_or(|me| me.id == b.id))
        .map(|b| part(case, b, bodies, complainant, to_complainant))
        .collect();
    LetterView {
        parts,
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

/// One body's part of a letter: what it was asked to do, as decided.
fn part(
    case: &Case,
    b: &BodyView,
    bodies: &[BodyView],
    complainant: &PersonView,
    to_complainant: bool,
) -> LetterPart {
    let own: Vec<ActionView> = case
        .recommendations
        .iter()
        .filter(|r| r.body_ids().contains(&b.id.as_str()))
        .map(|r| {
            let mut r = r.clone();
            r.status = as_decided(case, &r);
            action_view(&r, b, bodies, case.case.decision_date)
        })
        .collect();
    let agreed: Vec<ActionView> = own.iter().filter(|a| a.accepted).cloned().collect();
    // The payments to people in the complaint, and who they go to.
    let paid: Vec<&crate::case::Recommendation> = case
        .recommendations
        .iter()
        .filter(|r| r.body_ids().contains(&b.id.as_str()) && r.kind.is_financial())
        .filter(|r| super::bodies::accepted(as_decided(case, r)))
        .filter(|r| r.beneficiary.is_some())
        .collect();
    let mut payees: Vec<String> = Vec::new();
    for r in &paid {
        let Some(p) = r.beneficiary.as_deref().and_then(|id| case.person(id)) else {
            continue;
        };
        let name = if to_complainant && p.id == complainant.id {
            "you".to_string()
        } else {
            let name = super::people::display(p, Variant::Unredacted);
            match &p.relationship {
                Some(rel) if to_complainant && rel.to == complainant.id => {
                    format!("your {}, {name}", rel.relation)
                }
                _ => name,
            }
        };
        if !payees.contains(&name) {
            payees.push(name);
        }
    }
    // To the complainant: "your mother, Mrs Margaret O'Neill, and you".
    let injured = if to_complainant {
        let mut names: Vec<String> = b
            .injured_ids
            .iter()
            .filter(|id| **id != complainant.id)
            .filter_map(|id| case.person(id))
            .map(|p| {
                let name = super::people::display(p, Variant::Unredacted);
                match &p.relationship {
                    Some(r) if r.to == complainant.id => format!("your {}, {name}", r.relation),
                    _ => name,
                }
            })
            .collect();
        if b.injured_ids.contains(&complainant.id) {
            names.push("you".into());
        }
        join_people(names)
    } else {
        b.injured.clone()
    };
    LetterPart {
        body: b.clone(),
        injured,
        personal: agreed.iter().filter(|a| a.personal).cloned().collect(),
        improvements: agreed.iter().filter(|a| !a.personal).cloned().collect(),
        payees: join_people(payees.clone()),
        payments: paid.len(),
        not_agreed: own.iter().filter(|a| !a.accepted).cloned().collect(),
        waiting: matches!(b.acceptance, "refused" | "partly" | "not_responded"),
        agreed,
    }
}

/// The address block of a letter to a body: its addressee by name and
/// position (by position alone in the redacted copy).
fn body_block(b: &BodyView, variant: Variant) -> RecipientView {
    let lines = match (&b.addressee, variant) {
        (Some(a), Variant::Redacted) => vec![capitalise(&a.position), b.name.clone()],
        (Some(a), Variant::Unredacted) => {
            let mut lines = vec![a.name.clone(), a.position.clone(), b.name.clone()];
            // An address that starts with the body's name does not repeat it.
            lines.extend(
                a.address
                    .iter()
                    .filter(|l| !lines_equal(l, &b.name))
                    .cloned(),
            );
            lines
        }
        (None, _) => vec![b.name.clone()],
    };
    RecipientView { lines }
}

/// "your mother, Mrs Margaret O'Neill, and you": a name with its relation
/// keeps its closing comma before "and".
fn join_people(names: Vec<String>) -> String {
    match names.as_slice() {
        [first, last] if first.contains(", ") => format!("{first}, and {last}"),
        _ => and_join(names),
    }
}

fn lines_equal(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// How a letter to a body greets its addressee: by name, by position, or,
/// unnamed, as `rules.toml` says.
fn body_greeting(b: &BodyView, rules: &Rules) -> String {
    match &b.addressee {
        Some(a) if a.name.eq_ignore_ascii_case(&format!("the {}", a.position)) => {
            capitalise(&a.position)
        }
        Some(a) => salutation(&a.name),
        None => rules.names.unnamed_addressee.clone(),
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
