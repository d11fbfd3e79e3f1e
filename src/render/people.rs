//! People as a document shows them: their label or real name, how they are
//! related, where letters to them go, and the key to names.

use serde::Serialize;

use super::english::capitalise;
use crate::case::{Case, Person, Role};
use crate::plan::Variant;

/// A person, as printed in one variant.
#[derive(Debug, Clone, Serialize)]
pub(super) struct PersonView {
    pub id: String,
    /// As printed in this variant: the label, or the real name.
    pub name: String,
    pub label: String,
    /// "Mrs Tranter-Wilde", or the label: how a letter greets them.
    pub salutation: String,
    pub role: Role,
    pub relation: Option<String>,
    pub child: bool,
    pub staff: bool,
    pub address: Vec<String>,
}

/// One row of the key to names: the facts the template describes a person
/// by, never the label again.
#[derive(Debug, Clone, Serialize)]
pub(super) struct KeyRow {
    label: String,
    /// The person as this variant names them (their real name in the
    /// confidential key of a draft).
    name: String,
    /// For staff: their post and employer, from their job role:
    /// "Senior finance officer, Westley Borough Council".
    post: Option<String>,
    /// Whether anything says who they are beyond their name.
    describe: bool,
    role: Role,
    /// "Mrs X's son".
    relation: Option<String>,
    /// The short name of the body a member of staff works for.
    employer: Option<String>,
    staff: bool,
    /// How the Housing Ombudsman's parts refer to them, where different.
    hos_label: Option<String>,
}

/// A person as printed in `variant`: their label, or title and real name.
pub(super) fn display(p: &Person, variant: Variant) -> String {
    match (variant, p.title) {
        (Variant::Redacted, _) => p.label.clone().unwrap_or_else(|| p.name.clone()),
        (Variant::Unredacted, Some(t)) if !p.role.is_staff() => {
            format!("{} {}", t.as_str(), p.name)
        }
        (Variant::Unredacted, _) => p.name.clone(),
    }
}

pub(super) fn person(case: &Case, p: &Person, variant: Variant) -> PersonView {
    let label = p.label.clone().unwrap_or_else(|| p.name.clone());
    let name = display(p, variant);
    let relation = p.relationship.as_ref().and_then(|r| {
        let other = case.person(&r.to)?;
        Some(format!("{}'s {}", display(other, variant), r.relation))
    });
    let address = match variant {
        Variant::Redacted => Vec::new(),
        Variant::Unredacted => p.addresses.first().map(|a| lines(a)).unwrap_or_default(),
    };
    PersonView {
        id: p.id.clone(),
        salutation: salutation(&name),
        name,
        label,
        role: p.role,
        relation,
        child: p.child,
        staff: p.role.is_staff(),
        address,
    }
}

/// An address as lines.
pub(super) fn lines(address: &str) -> Vec<String> {
    address
        .split(',')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// "Mrs Deborah Tranter-Wilde" → "Mrs Tranter-Wilde"; labels and
/// positions ("Mrs X", "The Chief Executive") stay as they are.
pub(super) fn salutation(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let titled = words
        .first()
        .is_some_and(|w| crate::case::Title::ALL.iter().any(|t| t.as_str() == *w));
    match words.as_slice() {
        [title, .., family] if titled && words.len() > 2 => format!("{title} {family}"),
        _ => name.to_string(),
    }
}

/// "a senior finance officer" → "senior finance officer".
fn strip_article(role: &str) -> &str {
    let role = role.trim();
    for article in ["the ", "a ", "an ", "The ", "A ", "An "] {
        if let Some(rest) = role.strip_prefix(article) {
            return rest;
        }
    }
    role
}

/// The key to names: every person's label and the facts that say who they
/// are, the complainant first, then the person affected, family and others,
/// then staff.
pub(super) fn key_to_names(case: &Case, people: &[PersonView]) -> Vec<KeyRow> {
    let mut rows: Vec<(u8, KeyRow)> = case
        .people
        .iter()
        .zip(people)
        .map(|(p, view)| {
            let rank = match p.role {
                Role::Complainant => 0,
                Role::PersonAffected => 1,
                _ if p.role.is_staff() => 3,
                _ => 2,
            };
            let body = p.body.as_deref().and_then(|b| case.body(b));
            let employer = body.map(|b| b.short_name.clone());
            let post = p.job_role.as_deref().filter(|_| view.staff).map(|role| {
                let role = strip_article(role);
                match body {
                    Some(b) => format!("{}, {}", capitalise(role), b.name),
                    None => capitalise(role),
                }
            });
            let label = if view.staff {
                capitalise(&view.label)
            } else {
                view.label.clone()
            };
            let hos_label = p.hos_label.clone().filter(|h| Some(h) != p.label.as_ref());
            (
                rank,
                KeyRow {
                    label,
                    name: view.name.clone(),
                    post,
                    describe: true,
                    role: p.role,
                    relation: view
                        .relation
                        .clone()
                        .filter(|_| p.role != Role::Complainant),
                    employer,
                    staff: view.staff,
                    hos_label,
                },
            )
        })
        .collect();
    rows.sort_by_key(|(rank, _)| *rank);
    rows.into_iter().map(|(_, row)| row).collect()
}
