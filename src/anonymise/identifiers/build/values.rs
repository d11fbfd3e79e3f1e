//! The structured values of each person: phones, emails, NHS and NI
//! numbers, dates of birth and death, postcodes, and the addresses, whole
//! and part by part.

use super::Builder;
use crate::anonymise::fold::fold;
use crate::anonymise::identifiers::PatternKind;
use crate::anonymise::identifiers::forms::{is_bare_unit, street_variants, strip_brackets};
use crate::anonymise::values::Shape;
use crate::case::{Case, Person};
use crate::ids;

impl Builder {
    pub(in crate::anonymise::identifiers) fn person_values(&mut self, i: usize, p: &Person) {
        for phone in &p.phones {
            let key = ids::phone_key(phone).unwrap_or_else(|| ids::digits(phone));
            self.values.insert((Shape::Phone, key), i);
        }
        for email in &p.emails {
            self.values.insert((Shape::Email, ids::email_key(email)), i);
        }
        for postcode in &p.postcodes {
            self.postcode(postcode, i);
        }
        if let Some(nhs) = &p.nhs_number {
            self.values.insert((Shape::Nhs, ids::digits(nhs)), i);
        }
        if let Some(nino) = &p.ni_number {
            let key =
                ids::nino_key(nino).unwrap_or_else(|| nino.to_uppercase().replace([' ', '-'], ""));
            self.values.insert((Shape::Nino, key), i);
        }
        if let Some(born) = p.born {
            self.births.insert(born, i);
        }
        if let Some(died) = p.died {
            self.deaths.insert(died, i);
        }
    }

    pub(in crate::anonymise::identifiers) fn postcode(&mut self, postcode: &str, person: usize) {
        let key =
            ids::postcode_key(postcode).unwrap_or_else(|| postcode.to_uppercase().replace(' ', ""));
        self.values.insert((Shape::Postcode, key), person);
    }

    /// The identifying parts of each address, as written, joined, and part
    /// by part; the postcode as a value. A part that is (in) a body's name
    /// stays: a care home or a council's town is named anyway. A small
    /// place that names no body ("Hadley Green") goes with the address.
    pub(in crate::anonymise::identifiers) fn addresses(
        &mut self,
        i: usize,
        p: &Person,
        case: &Case,
    ) {
        let body_names = super::folded_body_names(case);
        for address in &p.addresses {
            let mut parts: Vec<String> = Vec::new();
            for part in address.split(',') {
                let part = strip_brackets(part);
                if part.is_empty() {
                    continue;
                }
                match ids::postcode_key(&part) {
                    Some(_) => self.postcode(&part, i),
                    None => parts.push(part),
                }
            }
            parts.retain(|part| {
                let f = fold(part);
                !body_names
                    .iter()
                    .any(|b| b.contains(&f) || f.contains(b.as_str()))
            });
            if parts.is_empty() {
                continue;
            }
            // Every run of two or more consecutive parts, as a text may quote
            // only the start of an address ("Flat 3, Rosemary Court").
            for start in 0..parts.len() {
                for end in start + 2..=parts.len() {
                    self.address_forms(&parts[start..end].join(", "), i);
                    self.address_forms(&parts[start..end].join(" "), i);
                }
            }
            for part in &parts {
                if is_bare_unit(part) {
                    continue;
                }
                self.address_forms(part, i);
                let street: Vec<&str> = part.split_whitespace().collect();
                if street.len() >= 3 && street[0].chars().all(|c| c.is_ascii_digit()) {
                    self.address_forms(&street[1..].join(" "), i);
                }
            }
        }
    }

    /// An address as listed, and with its street type written the other
    /// ways ("Heron Crescent", "Heron Cres", "Heron Cres.").
    fn address_forms(&mut self, text: &str, person: usize) {
        self.pattern(text, PatternKind::Address(person));
        let (street, rest) = match text.split_once(',') {
            Some((street, rest)) => (street, Some(rest)),
            None => (text, None),
        };
        for variant in street_variants(street) {
            let whole = match rest {
                Some(rest) => format!("{variant},{rest}"),
                None => variant,
            };
            self.pattern(&whole, PatternKind::Address(person));
        }
    }
}
