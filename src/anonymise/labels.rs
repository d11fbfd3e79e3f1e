//! Labels: what each person is called in published documents (docs/domain.md §4).
//!
//! Adults get a title and a letter ("Mrs X"), children the letter alone
//! ("C"), officers and clinicians their role ("the social worker"). Letters
//! chosen in the case file are kept; the rest are assigned X, Y, Z and then
//! B, C, D … in order (complainant first), never using a person's real
//! initial or a letter already taken.

use crate::case::{Case, Person, Role};

/// Letters in the order they are handed out. A is avoided (the manual says
/// so), as are I and O, which read as numbers.
const LETTERS: &str = "XYZBCDEFGHJKLMNPQRSTUVW";

/// The label of each person, in the order of `case.people`.
pub(crate) fn assign(case: &Case) -> Vec<String> {
    let mut labels: Vec<Option<String>> = case.people.iter().map(chosen_or_role).collect();
    let mut taken: Vec<char> = labels
        .iter()
        .flatten()
        .filter_map(|l| crate::case::parse_label(l).map(|(_, c)| c))
        .collect();
    for i in assignment_order(case) {
        if labels[i].is_some() {
            continue;
        }
        let person = &case.people[i];
        let initials = crate::case::real_initials(person);
        let letter = LETTERS
            .chars()
            .find(|c| !taken.contains(c) && !initials.contains(c))
            .unwrap_or('X');
        taken.push(letter);
        labels[i] = Some(letter_label(person, letter));
    }
    labels
        .into_iter()
        .map(|l| l.expect("every person labelled"))
        .collect()
}

fn chosen_or_role(p: &Person) -> Option<String> {
    if let Some(label) = &p.label {
        return Some(label.clone());
    }
    match (p.role, &p.job_role) {
        (_, Some(role)) if p.role.is_staff() => Some(role.to_string()),
        (Role::Councillor, None) => Some("a councillor".into()),
        (Role::Mp, None) => Some("the MP".into()),
        _ => None,
    }
}

fn letter_label(p: &Person, letter: char) -> String {
    match p.title {
        Some(title) if !p.child => format!("{} {letter}", title.as_str()),
        _ => letter.to_string(),
    }
}

/// Complainant, then the person affected, then everyone else in file order.
fn assignment_order(case: &Case) -> Vec<usize> {
    let rank = |p: &Person| match p.role {
        Role::Complainant => 0,
        Role::PersonAffected => 1,
        Role::Representative => 2,
        _ => 3,
    };
    let mut order: Vec<usize> = (0..case.people.len()).collect();
    order.sort_by_key(|&i| rank(&case.people[i]));
    order
}

/// Each label once introduced: a role label with an article ("a senior
/// finance officer") is "the" and its last word ("the officer") where no
/// other role label ends in that word, else "the" and the whole role; the
/// rest stay as they are.
pub(crate) fn short_labels(labels: &[String]) -> Vec<String> {
    let role = |l: &str| {
        l.strip_prefix("a ")
            .or_else(|| l.strip_prefix("an "))
            .or_else(|| l.strip_prefix("the "))
            .map(str::to_string)
    };
    let heads: Vec<Option<String>> = labels
        .iter()
        .map(|l| role(l).and_then(|r| r.rsplit(' ').next().map(str::to_string)))
        .collect();
    labels
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let indefinite = l.starts_with("a ") || l.starts_with("an ");
            let (Some(r), Some(head), true) = (role(l), heads[i].clone(), indefinite) else {
                return l.clone();
            };
            let shared = heads
                .iter()
                .enumerate()
                .any(|(j, h)| j != i && labels[j] != *l && h.as_deref() == Some(head.as_str()));
            if shared {
                format!("the {r}")
            } else {
                format!("the {head}")
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::Title;

    fn person(id: &str, name: &str, role: Role, title: Option<Title>, child: bool) -> Person {
        Person {
            id: id.into(),
            name: name.into(),
            family_name: None,
            title,
            aliases: vec![],
            role,
            child,
            relationship: None,
            label: None,
            job_role: None,
            hos_label: None,
            body: None,
            addresses: vec![],
            postcodes: vec![],
            phones: vec![],
            emails: vec![],
            born: None,
            died: None,
            nhs_number: None,
            ni_number: None,
            record_numbers: vec![],
        }
    }

    #[test]
    fn letters_skip_real_initials_and_children_get_no_title() {
        let mut case = crate::case::tests_support::minimal_case();
        case.people = vec![
            person("c", "Yasmin Xu", Role::Relative, Some(Title::Ms), false),
            person("a", "Zoe Young", Role::Complainant, Some(Title::Mrs), false),
            person("b", "Hope Young", Role::PersonAffected, None, true),
        ];
        let labels = assign(&case);
        // Complainant first: X is free and not her initial.
        assert_eq!(labels[1], "Mrs X");
        // The child: Y is her initial, Z the next free letter.
        assert_eq!(labels[2], "Z");
        // Yasmin Xu: X, Y, Z all gone or initials, so B.
        assert_eq!(labels[0], "Ms B");
    }
}
