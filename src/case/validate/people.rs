//! The people: one complainant, names, labels that are a title and a
//! letter (never a real initial), job roles for staff, dates of birth and
//! death, and the numbers that identify someone (NHS, National Insurance,
//! phone, email, postcode).

use std::collections::BTreeMap;

use super::validator::{Validator, path};
use crate::case::tree::Seg;
use crate::case::types::{Person, Role, Title};
use crate::diag::Diagnostic;
use crate::ids;

impl Validator<'_> {
    /// One complainant, and each person's name, label, role, dates and numbers.
    pub(super) fn people(&mut self) {
        let complainants: Vec<usize> = (0..self.case.people.len())
            .filter(|&i| self.case.people[i].role == Role::Complainant)
            .collect();
        match complainants.as_slice() {
            [] => self.push(
                path(&[&"people"]),
                Diagnostic::error("no-complainant", "no person has `role = \"complainant\"`")
                    .hint("every case has exactly one complainant; a representative complains for someone else"),
            ),
            [_] => {}
            [_, more @ ..] => {
                for &i in more {
                    self.push(
                        path(&[&"people", &i, &"role"]),
                        Diagnostic::error("two-complainants", "a second person has `role = \"complainant\"`")
                            .hint("make the other person `person_affected` or `representative`"),
                    );
                }
            }
        }
        let mut labels: BTreeMap<String, usize> = BTreeMap::new();
        for (i, person) in self.case.people.iter().enumerate() {
            self.person(i, person);
            if let Some(label) = &person.label
                && let Some(first) = labels.insert(label.clone(), i)
            {
                self.push(
                    path(&[&"people", &i, &"label"]),
                    Diagnostic::error(
                        "duplicate-label",
                        format!("the label `{label}` is also used for `people[{first}]`"),
                    )
                    .hint("each person needs their own letter, so readers can tell them apart"),
                );
            }
        }
    }

    fn person(&mut self, i: usize, p: &Person) {
        let at = |field: &str| path(&[&"people", &i, &field]);
        if p.name.split_whitespace().next().is_none() {
            self.push(
                at("name"),
                Diagnostic::error("empty-name", "a person's name cannot be empty"),
            );
        }
        if p.child && p.title.is_some() {
            self.push(
                at("title"),
                Diagnostic::error("child-title", "a child is given a title").hint(
                    "children are referred to by a letter only (\"her son, C\"): remove `title`",
                ),
            );
        }
        if let Some(label) = &p.label {
            self.label(at("label"), p, label);
        }
        if p.role.is_staff()
            && p.job_role.is_none()
            && !matches!(p.role, Role::Councillor | Role::Mp)
        {
            self.push(
                at("role"),
                Diagnostic::error(
                    "missing-job-role",
                    "officers and clinicians are referred to by their role, but none is given",
                )
                .hint("add `job_role = \"the social worker\"` (or whatever their role is)"),
            );
        }
        if let Some(rel) = &p.relationship {
            self.person_ref(
                path(&[&"people", &i, &"relationship", &"to"]),
                &rel.to,
                "the relationship",
            );
        }
        if let Some(body) = &p.body {
            self.body_ref(at("body"), body, "this person");
        }
        self.person_dates(i, p);
        self.person_numbers(i, p);
    }

    fn label(&mut self, at: Vec<Seg>, p: &Person, label: &str) {
        let Some((title, letter)) = parse_label(label) else {
            if !p.role.is_staff() {
                self.push(
                    at,
                    Diagnostic::error("bad-label", "a label is a title and one capital letter (\"Mrs X\") or, for a child, the letter alone")
                        .hint("write e.g. `label = \"Mrs X\"`, or leave it out to have one assigned"),
                );
            }
            return;
        };
        if p.child && title.is_some() {
            self.push(
                at.clone(),
                Diagnostic::error("child-title", "a child's label has a title")
                    .hint(format!("use the letter alone: `label = \"{letter}\"`")),
            );
        }
        if real_initials(p).contains(&letter) {
            self.push(
                at,
                Diagnostic::error("real-initial", format!("the label uses `{letter}`, one of the person's real initials"))
                    .hint("LGSCO practice never uses a real initial: choose another letter, e.g. X, Y or Z"),
            );
        }
    }

    fn person_dates(&mut self, i: usize, p: &Person) {
        let decision = self.case.case.decision_date;
        if let Some(born) = p.born {
            if born > decision {
                self.push(
                    path(&[&"people", &i, &"born"]),
                    Diagnostic::error(
                        "impossible-date",
                        "the date of birth is after the decision date",
                    ),
                );
            } else if born.years_until(decision) > 120 {
                self.push(
                    path(&[&"people", &i, &"born"]),
                    Diagnostic::warning(
                        "unlikely-date",
                        "the date of birth makes this person over 120 years old",
                    ),
                );
            }
            if p.child && born.years_until(decision) >= 18 {
                self.push(
                    path(&[&"people", &i, &"child"]),
                    Diagnostic::warning(
                        "adult-child",
                        "this person is marked as a child but was 18 or over at the decision",
                    )
                    .hint("young adults are usually given a title and letter (\"Mr Y\")"),
                );
            }
        }
        if let (Some(born), Some(died)) = (p.born, p.died)
            && died < born
        {
            self.push(
                path(&[&"people", &i, &"died"]),
                Diagnostic::error(
                    "impossible-date",
                    "the date of death is before the date of birth",
                ),
            );
        }
        if let Some(died) = p.died
            && died > decision
        {
            self.push(
                path(&[&"people", &i, &"died"]),
                Diagnostic::error(
                    "impossible-date",
                    "the date of death is after the decision date",
                ),
            );
        }
    }

    fn person_numbers(&mut self, i: usize, p: &Person) {
        if let Some(nhs) = &p.nhs_number {
            let at = path(&[&"people", &i, &"nhs_number"]);
            if ids::digits(nhs).len() != 10
                || nhs
                    .chars()
                    .any(|c| !(c.is_ascii_digit() || c == ' ' || c == '-'))
            {
                self.push(
                    at,
                    Diagnostic::error("bad-nhs-number", "an NHS number is ten digits")
                        .hint("write it as printed, e.g. \"999 954 2557\""),
                );
            } else if !ids::nhs_valid(nhs) {
                self.push(at, Diagnostic::warning("nhs-check-digit", "this NHS number fails its check digit")
                    .hint("check it against the records; it is still treated as this person's number and redacted"));
            }
        }
        if let Some(nino) = &p.ni_number {
            let at = path(&[&"people", &i, &"ni_number"]);
            match ids::nino_key(nino) {
                None => self.push(at, Diagnostic::error("bad-ni-number", "a National Insurance number is two letters, six digits and a letter A to D")),
                Some(key) if !ids::nino_valid(&key) => self.push(at, Diagnostic::warning("ni-prefix", "this National Insurance number has a prefix that is never issued")
                    .hint("check it against the records; it is still redacted")),
                Some(_) => {}
            }
        }
        for (j, record) in p.record_numbers.iter().enumerate() {
            if ids::record_key(record).is_none() {
                self.push(
                    path(&[&"people", &i, &"record_numbers", &j]),
                    Diagnostic::error(
                        "bad-record-number",
                        "a record number needs at least six letters and digits, four of them digits, and no other signs than spaces, hyphens, slashes and full stops",
                    )
                    .hint("write the number as the records print it, e.g. \"RX1 234567\"; a shorter one would be found inside other numbers"),
                );
            }
        }
        for (j, phone) in p.phones.iter().enumerate() {
            if ids::phone_key(phone).is_none() {
                self.push(
                    path(&[&"people", &i, &"phones", &j]),
                    Diagnostic::warning(
                        "bad-phone",
                        "this is not a UK phone number of 10 or 11 digits",
                    )
                    .hint("it is still redacted wherever the same digits appear"),
                );
            }
        }
        for (j, email) in p.emails.iter().enumerate() {
            let ok = email
                .split_once('@')
                .is_some_and(|(l, d)| !l.is_empty() && d.contains('.'));
            if !ok {
                self.push(
                    path(&[&"people", &i, &"emails", &j]),
                    Diagnostic::error("bad-email", "this is not an email address"),
                );
            }
        }
        for (j, postcode) in p.postcodes.iter().enumerate() {
            if ids::postcode_key(postcode).is_none() {
                self.push(
                    path(&[&"people", &i, &"postcodes", &j]),
                    Diagnostic::warning("bad-postcode", "this is not a valid UK postcode")
                        .hint("it is still redacted where it appears"),
                );
            }
        }
    }
}

/// Splits a label into its title and letter: "Mrs X" → (Some("Mrs"), 'X').
pub(crate) fn parse_label(label: &str) -> Option<(Option<&str>, char)> {
    let words: Vec<&str> = label.split_whitespace().collect();
    let letter = |w: &str| {
        let mut chars = w.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_ascii_uppercase() => Some(c),
            _ => None,
        }
    };
    match words.as_slice() {
        [l] => Some((None, letter(l)?)),
        [t, l] if Title::ALL.iter().any(|x| x.as_str() == *t) => Some((Some(*t), letter(l)?)),
        _ => None,
    }
}

/// The upper-case initials of every name the person goes by.
pub(crate) fn real_initials(p: &Person) -> Vec<char> {
    let mut names: Vec<&str> = p.name.split_whitespace().collect();
    names.extend(p.aliases.iter().flat_map(|a| a.split_whitespace()));
    names.extend(p.family_name.iter().flat_map(|f| f.split_whitespace()));
    let mut out: Vec<char> = names
        .iter()
        .flat_map(|n| n.split(['-', '\'']))
        .filter(|part| !Title::ALL.iter().any(|t| t.as_str() == *part))
        .filter_map(|part| part.chars().next())
        .filter(|c| c.is_alphabetic())
        .flat_map(|c| deunicode::deunicode_char(c).unwrap_or("").chars().next())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_parse() {
        assert_eq!(parse_label("Mrs X"), Some((Some("Mrs"), 'X')));
        assert_eq!(parse_label("C"), Some((None, 'C')));
        assert_eq!(parse_label("the social worker"), None);
        assert_eq!(parse_label("Mrs XY"), None);
    }
}
