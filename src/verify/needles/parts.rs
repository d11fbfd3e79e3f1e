//! Part of a listed number that a text says is a part: "her NHS number
//! ends 2557", "the last four digits of her mobile are 0461", "NI number
//! starting JT 48". The verifier's own reading (the anonymiser reads parts
//! apart from it): a run of digit groups, with the one or two letters of a
//! National Insurance number, that is either end of a listed number (a
//! phone number's end only: its start is a network's code), with words in
//! its sentence before it that say it is a part of a number ("at the end of
//! 2023" says no number). At least three digits,
//! or two with a National Insurance number's two letters.

use std::collections::HashMap;

use super::normal::Text;
use super::{Found, Kind, ViewUse};

/// Words that say what follows them is part of a number.
const CUES: [&str; 16] = [
    "end",
    "ends",
    "ending",
    "ended",
    "last",
    "final",
    "start",
    "starts",
    "starting",
    "started",
    "begin",
    "begins",
    "beginning",
    "first",
    "digits",
    "numbers",
];

/// Words that say what the sentence speaks of is a number: a cue alone
/// ("at the end of 2023") says nothing of one.
const NUMBERS: [&str; 13] = [
    "number",
    "numbers",
    "no",
    "mobile",
    "phone",
    "telephone",
    "landline",
    "tel",
    "nhs",
    "ni",
    "insurance",
    "nino",
    "digits",
];

/// How far before a part, in bytes of the text, its cue may stand.
const CUE_REACH: usize = 80;

/// A listed number whose parts are looked for.
#[derive(Debug, Clone)]
pub(super) struct Listed {
    /// Its digits (phones, NHS numbers) or lower-case letters and digits
    /// (National Insurance numbers), as the needles key it.
    key: String,
    /// Whether its start says something too (not a phone's).
    either_end: bool,
    kind: Kind,
    field: String,
}

/// The numbers whose parts are looked for, from the needles' digit and
/// alphanumeric keys.
pub(super) fn listed(
    digits: &HashMap<String, Vec<ViewUse>>,
    alphanumerics: &HashMap<String, Vec<ViewUse>>,
) -> Vec<Listed> {
    let mut out: Vec<Listed> = digits
        .iter()
        .chain(alphanumerics)
        .flat_map(|(key, uses)| uses.iter().map(move |u| (key, u)))
        .filter(|(_, u)| matches!(u.kind, Kind::Phone | Kind::NhsNumber | Kind::NiNumber))
        .map(|(key, u)| Listed {
            key: key.clone(),
            either_end: u.kind != Kind::Phone,
            kind: u.kind,
            field: u.field.clone(),
        })
        .collect();
    out.sort_by(|a, b| (&a.field, &a.key).cmp(&(&b.field, &b.key)));
    out
}

/// Every cued part of a listed number in `t`.
pub(super) fn part_hits(listed: &[Listed], t: &Text<'_>, out: &mut Vec<Found>) {
    if listed.is_empty() {
        return;
    }
    let mut done = 0;
    for k in 0..t.tokens.len() {
        if k < done || !t.token(k).bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        let (first, last) = run_around(t, k);
        done = last + 1;
        let key: String = (first..=last).map(|m| t.token(m)).collect();
        let found: Vec<&Listed> = listed.iter().filter(|l| is_part(l, &key)).collect();
        if found.is_empty() {
            continue;
        }
        let range = t.orig_range(t.tokens[first].start, t.tokens[last].end);
        if !cued(t.orig, range.start) {
            continue;
        }
        out.extend(found.into_iter().map(|l| Found {
            range: range.clone(),
            kind: l.kind,
            field: Some(l.field.clone()),
        }));
    }
}

/// The run of number groups around token `k` (which holds a digit):
/// groups of digits or of one or two letters, each after a single space
/// or hyphen.
fn run_around(t: &Text<'_>, k: usize) -> (usize, usize) {
    let mut first = k;
    while first > 0 && joined(t, first) && is_group(t.token(first - 1)) {
        first -= 1;
    }
    let mut last = k;
    while last + 1 < t.tokens.len() && joined(t, last + 1) && is_group(t.token(last + 1)) {
        last += 1;
    }
    (first, last)
}

/// Digits, or one or two letters.
fn is_group(token: &str) -> bool {
    token.bytes().all(|b| b.is_ascii_digit())
        || (token.len() <= 2 && token.bytes().all(|b| b.is_ascii_alphabetic()))
}

/// Whether token `k` follows the one before after one space or hyphen.
fn joined(t: &Text<'_>, k: usize) -> bool {
    let mut sep = t.sep_before(k);
    matches!((sep.next(), sep.next()), (Some(' ' | '-'), None))
}

/// Whether `part` is a part of `l` that says something.
fn is_part(l: &Listed, part: &str) -> bool {
    let digits = part.bytes().filter(u8::is_ascii_digit).count();
    let letters = part.len() - digits;
    let enough = digits >= 3 || (l.kind == Kind::NiNumber && digits >= 2 && letters >= 2);
    enough
        && part.len() < l.key.len()
        && (l.key.ends_with(part) || (l.either_end && l.key.starts_with(part)))
}

/// Whether a cue stands before byte `at` of `text`, in its sentence.
fn cued(text: &str, at: usize) -> bool {
    let from = (at.saturating_sub(CUE_REACH)..=at)
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(at);
    let before = &text[from..at];
    // A page's lines break sentences anywhere: only a full stop and a
    // space, or a question or exclamation mark, ends one.
    let sentence = [". ", "! ", "? "]
        .iter()
        .filter_map(|end| before.rfind(end).map(|i| i + end.len()))
        .max()
        .map_or(before, |i| &before[i..]);
    sentence
        .split(|c: char| !c.is_alphanumeric())
        .fold((false, false), |(cue, number), w| {
            let is = |list: &[&str]| list.iter().any(|x| w.eq_ignore_ascii_case(x));
            (cue || is(&CUES), number || is(&NUMBERS))
        })
        == (true, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listed() -> Vec<Listed> {
        let entry = |key: &str, kind: Kind, either_end: bool| Listed {
            key: key.into(),
            either_end,
            kind,
            field: "people[0]".into(),
        };
        vec![
            entry("7700900461", Kind::Phone, false),
            entry("9999542557", Kind::NhsNumber, true),
            entry("jt482193c", Kind::NiNumber, true),
        ]
    }

    fn kinds(text: &str) -> Vec<Kind> {
        let mut out = Vec::new();
        part_hits(&listed(), &Text::new(text), &mut out);
        out.into_iter().map(|f| f.kind).collect()
    }

    #[test]
    fn a_part_said_to_be_one_is_found() {
        assert_eq!(kinds("Her NHS number ends 2557 and"), [Kind::NhsNumber]);
        assert_eq!(kinds("NHS number beginning 999 954"), [Kind::NhsNumber]);
        assert_eq!(
            kinds("The last four digits of her\nmobile are 0461."),
            [Kind::Phone]
        );
        assert_eq!(kinds("NI number starting JT 48 over"), [Kind::NiNumber]);
        assert_eq!(kinds("her mobile, ending 900-461,"), [Kind::Phone]);
    }

    #[test]
    fn a_number_that_is_no_part_or_not_said_to_be_is_not() {
        assert!(kinds("She owed 2557 pounds.").is_empty());
        assert!(kinds("At the end of 2557 her phone was cut off.").is_empty());
        assert!(kinds("It ended. In 2557 boxes").is_empty());
        assert_eq!(kinds("her number ends 57 and 461"), [Kind::Phone]);
        assert!(kinds("her mobile starts 07700").is_empty());
        assert!(kinds("ends 9542").is_empty());
        assert!(kinds("ends 93 C").is_empty());
    }
}
