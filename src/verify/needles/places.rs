//! Addresses: the parts of each listed address a text may quote, and the
//! spellings it may quote them in.
//!
//! An address is split at its commas. A postcode becomes a needle of the
//! alphanumeric view; every other part with two or more words ("17 Sorrel
//! Street", "Cedar Court", "Flat 10", "Kestrel Bay") a needle of the words
//! view, with its house number and without it, and with its street type
//! written out and abbreviated ("Heron Crescent", "Heron Cres", "Heron
//! Cres."). A single word without a digit (a town) is too general to search
//! alone. A part that is, or is part of, a body's name ("Primrose Court" for
//! a care home the case names) is allowed to print and is not searched.

use super::Kind;
use super::builder::Builder;
use super::lexicon::street_abbreviations;
use super::normal::Text;
use super::numbers::postcode_key;

/// The needles of one listed address.
pub(super) fn address(address: &str, field: &str, body_names: &[String], b: &mut Builder) {
    for part in address.split(',') {
        let part = without_brackets(part);
        if part.is_empty() {
            continue;
        }
        if let Some(key) = postcode_key(&part) {
            b.alphanumerics(key, Kind::Postcode, field);
            continue;
        }
        let words: Vec<String> = Text::new(&part)
            .words
            .split(' ')
            .map(str::to_string)
            .collect();
        let has_digit = words.iter().any(|w| w.chars().any(|c| c.is_ascii_digit()));
        if (words.len() < 2 && !has_digit) || names_a_body(&words.join(" "), body_names) {
            continue;
        }
        for form in spellings(&part) {
            b.value(&form, Kind::Address, field);
        }
    }
}

/// A part as written, without its house number, and with its street type
/// abbreviated (with and without a full stop: the words view reads both the
/// same).
fn spellings(part: &str) -> Vec<String> {
    let words: Vec<&str> = part.split_whitespace().collect();
    let mut forms = vec![words.join(" ")];
    let numbered = words.len() >= 3 && words[0].starts_with(|c: char| c.is_ascii_digit());
    if numbered {
        forms.push(words[1..].join(" "));
    }
    if let Some(last) = words.last() {
        let street_type = Text::new(last).words;
        for short in street_abbreviations(&street_type) {
            for form in forms.clone() {
                let body = form.rsplit_once(' ').map_or("", |(body, _)| body);
                if !body.is_empty() {
                    forms.push(format!("{body} {}", capitalise(short)));
                }
            }
        }
    }
    forms
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Whether a part (normalised words) is, or is inside, a body's name.
fn names_a_body(part: &str, body_names: &[String]) -> bool {
    let padded = format!(" {part} ");
    body_names.iter().any(|body| {
        let body_padded = format!(" {body} ");
        body_padded.contains(&padded) || padded.contains(&body_padded)
    })
}

/// The part without bracketed text, spaces collapsed.
fn without_brackets(part: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in part.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streets_are_spelt_with_and_without_number_and_abbreviated() {
        let forms = spellings("12 Heron Crescent");
        for f in [
            "12 Heron Crescent",
            "Heron Crescent",
            "12 Heron Cres",
            "Heron Cres",
        ] {
            assert!(forms.iter().any(|x| x == f), "{f}: {forms:?}");
        }
        assert_eq!(spellings("Beacon House"), ["Beacon House"]);
    }

    #[test]
    fn body_names_are_not_address_needles() {
        let bodies = vec![Text::new("Primrose Court Healthcare Ltd").words];
        assert!(names_a_body("primrose court", &bodies));
        assert!(!names_a_body("court", &["courtney house".into()]));
    }
}
