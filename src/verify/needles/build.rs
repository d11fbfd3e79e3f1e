//! How the needles are derived from a case: every listed person's name
//! ([`names`](super::names)), addresses ([`places`](super::places)) and
//! structured values, the terms the case generalises, and the text it allows
//! to print.

use std::collections::HashMap;

use super::builder::Builder;
use super::names;
use super::normal::Text;
use super::{Automaton, Kind, Needles, lexicon, numbers, parts, places};
use crate::case::{Case, Date, Person};

impl Needles {
    /// The needles of `case`, from its raw values, its investigator's name
    /// allowed.
    pub fn new(case: &Case) -> Self {
        Self::with_office(case, &case.case.office_names())
    }

    /// The needles of `case`, with the names its documents print as the
    /// office's own (`office`: the investigator, the signatories) allowed,
    /// unless one of them is a listed person's name too.
    pub fn with_office(case: &Case, office: &[String]) -> Self {
        let mut b = Builder::default();
        let owners = names::owners(case);
        for (o, owner) in owners.iter().enumerate() {
            names::needles(o, owner, &mut b);
        }
        for name in office {
            let key = Text::new(name).words;
            if key.contains(' ') && !b.words.contains_key(&key) {
                b.mask(name);
            }
        }
        let body_names: Vec<String> = case
            .bodies
            .iter()
            .flat_map(|body| std::iter::once(&body.name).chain(&body.other_names))
            .map(|n| Text::new(n).words)
            .collect();
        for (i, person) in case.people.iter().enumerate() {
            values(i, person, &body_names, &mut b);
        }
        for (g, term) in case.generalise.iter().enumerate() {
            b.value(
                &term.term,
                Kind::Generalised,
                &format!("generalise[{g}].term"),
            );
            b.mask(&term.replacement);
        }
        for body in &case.bodies {
            // A body published under another name ("the GP practice" for
            // "Dr S Anand & Partners") is printed by that name alone: its
            // own name is not allowed to print.
            match &body.published_name {
                Some(published) => b.mask(published),
                None => {
                    b.mask(&body.name);
                    body.other_names.iter().for_each(|n| b.mask(n));
                }
            }
            b.mask(&body.short_name);
        }
        for person in &case.people {
            let allowed = [
                person.label.as_deref(),
                person.job_role.as_deref(),
                person.hos_label.as_deref(),
            ];
            for text in allowed.into_iter().flatten() {
                b.mask(text);
            }
        }
        let name_tokens = owners
            .iter()
            .flat_map(|o| o.parts.keys().cloned())
            .collect();
        let parts = parts::listed(&b.digits, &b.alphanumerics);
        Self {
            words: Automaton::new(b.words),
            letters: Automaton::new(b.letters),
            digits: Automaton::new(b.digits),
            alphanumerics: {
                let mut keys: Vec<_> = b.alphanumerics.into_iter().collect();
                keys.sort_by(|a, b| a.0.cmp(&b.0));
                keys
            },
            labels: Automaton::new(HashMap::new()),
            parts,
            births: dates_of(case, |p| p.born, "born"),
            deaths: dates_of(case, |p| p.died, "died"),
            owners,
            name_tokens,
        }
    }

    /// The same needles, also allowing the labels the anonymiser gave people
    /// the case file does not label ("Mrs X", "C"). Only label-shaped text is
    /// taken (a title and one capital letter, or the letter alone), so no
    /// name can be allowed this way.
    #[must_use]
    pub fn with_labels<S: AsRef<str>>(mut self, labels: &[S]) -> Self {
        let patterns: HashMap<String, Vec<()>> = labels
            .iter()
            .map(AsRef::as_ref)
            .filter(|label| crate::case::parse_label(label).is_some())
            .map(|label| (Text::new(label).words, vec![()]))
            .collect();
        self.labels = Automaton::new(patterns);
        self
    }
}

/// The structured values and addresses of person `i`.
fn values(i: usize, p: &Person, body_names: &[String], b: &mut Builder) {
    for (j, address) in p.addresses.iter().enumerate() {
        places::address(
            address,
            &format!("people[{i}].addresses[{j}]"),
            body_names,
            b,
        );
    }
    for (j, postcode) in p.postcodes.iter().enumerate() {
        let field = format!("people[{i}].postcodes[{j}]");
        match numbers::postcode_key(postcode) {
            Some(key) => b.alphanumerics(key, Kind::Postcode, &field),
            None => b.value(postcode, Kind::Postcode, &field),
        }
    }
    for (j, phone) in p.phones.iter().enumerate() {
        let field = format!("people[{i}].phones[{j}]");
        match numbers::phone_key(phone) {
            Some(key) => b.digits(key, Kind::Phone, &field),
            None => b.value(phone, Kind::Phone, &field),
        }
    }
    for (j, email) in p.emails.iter().enumerate() {
        let field = format!("people[{i}].emails[{j}]");
        b.value(email, Kind::Email, &field);
        for spelt in written_out(email) {
            b.value(&spelt, Kind::Email, &field);
        }
        let local = email.split('@').next().unwrap_or_default();
        if distinctive(local) {
            b.value(local, Kind::Email, &field);
            b.letters(local, 6, Kind::Email, &field);
        }
    }
    if let Some(nhs) = &p.nhs_number {
        let field = format!("people[{i}].nhs_number");
        if let Some(key) = numbers::nhs_key(nhs) {
            b.digits(key, Kind::NhsNumber, &field);
        }
    }
    if let Some(nino) = &p.ni_number {
        let field = format!("people[{i}].ni_number");
        for key in numbers::nino_keys(nino) {
            b.alphanumerics(key, Kind::NiNumber, &field);
        }
    }
    for (j, record) in p.record_numbers.iter().enumerate() {
        if let Some(key) = numbers::record_key(record) {
            let field = format!("people[{i}].record_numbers[{j}]");
            b.alphanumerics(key, Kind::RecordNumber, &field);
        }
    }
}

/// An address as a text may write it out to get past a machine: each `.`
/// as the word `dot` or not, the `@` as `at` or not (`rose dot hope at
/// example dot com`, `rose.hope(at)example.com`); brackets and the signs
/// themselves are not words, so these are every form the words view can
/// see. At most the first six separators vary.
fn written_out(email: &str) -> Vec<String> {
    let Some((local, domain)) = email.trim().rsplit_once('@') else {
        return Vec::new();
    };
    let labels: Vec<&str> = local.split('.').chain(domain.split('.')).collect();
    let locals = local.split('.').count();
    // The separator after label `i`: `at` after the local part, else `dot`.
    let separator = |i: usize| {
        if i + 1 == locals {
            ("at", '@')
        } else {
            ("dot", '.')
        }
    };
    let varied = (labels.len() - 1).min(6);
    (1..1u32 << varied)
        .map(|spelt| {
            let mut out = labels[0].to_string();
            for (i, label) in labels.iter().enumerate().skip(1) {
                let (word, sign) = separator(i - 1);
                if i - 1 < varied && spelt & (1 << (i - 1)) != 0 {
                    out.push_str(&format!(" {word} "));
                } else {
                    out.push(sign);
                }
                out.push_str(label);
            }
            out
        })
        .collect()
}

/// Whether an email's local part is worth searching alone: not only common
/// words ("manager", "info").
fn distinctive(local: &str) -> bool {
    let t = Text::new(local);
    (0..t.tokens.len()).any(|k| {
        let w = t.token(k);
        w.chars().filter(|c| c.is_alphabetic()).count() >= 3 && !lexicon::is_word_name(w)
    })
}

fn dates_of(
    case: &Case,
    date: impl Fn(&Person) -> Option<Date>,
    name: &str,
) -> Vec<(Date, String)> {
    case.people
        .iter()
        .enumerate()
        .filter_map(|(i, p)| Some((date(p)?, format!("people[{i}].{name}"))))
        .collect()
}
