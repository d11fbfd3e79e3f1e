//! Record numbers nobody listed, found by the name a text gives them:
//! "his hospital number, RX1 234567,", "MRN: 4417 2290", "patient ID as
//! 00442211", "UPN A123456789012".
//!
//! A number has no shape of its own here (every office and system writes
//! its own), so only the name before it makes it one: a number standing
//! alone is an event's, a sum's or a reference's and is left alone. What
//! follows the name counts as the number when it is letters in capitals
//! and digits, at least five of them and four digits, in up to four parts
//! joined by single spaces, hyphens or slashes; a date, an NHS number (its
//! own detector's) and a longer run of words are not.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::{Category, Detection, validated};
use crate::ids;

/// The names of the numbers a health, care or education record (or a
/// passport, a driving licence, a Blue Badge, the Home Office) knows a
/// person by, and a home's property number, lower case. An account's reference (council tax, rent,
/// housing benefit, an invoice's) is not among them: it names an account,
/// the offices print it where it matters, and the anonymiser's bench counts
/// one as a trap. The case lists a person's own (`record_numbers`).
const NAMES: &[&str] = &[
    "hospital number",
    "hospital no",
    "hospital no.",
    "hosp no",
    "hosp no.",
    "hospital id",
    "mrn",
    "medical record number",
    "patient number",
    "patient no",
    "patient no.",
    "patient id",
    "patient identifier",
    "client id",
    "client number",
    "person id",
    "mosaic id",
    "mosaic number",
    "service user id",
    "unique pupil number",
    "upn",
    "pupil number",
    "student number",
    "passport number",
    "passport no",
    "passport no.",
    "driving licence number",
    "driving licence no",
    "driving licence no.",
    "driver number",
    "blue badge number",
    "blue badge no",
    "blue badge no.",
    "badge number",
    "home office reference",
    "home office ref",
    "home office ref.",
    "port reference",
    "biometric residence permit number",
    "brp number",
    // A property's own number: it points to the home as its address does.
    "uprn",
    "unique property reference number",
];

/// Words that may stand between a name and its number: "hospital number:
/// RX1 234567", "patient ID is 00442211" (a longer word before its start:
/// "no." before "no").
const BETWEEN: &[&str] = &[
    "number",
    "no.",
    "no",
    "reference",
    "ref.",
    "ref",
    "id",
    "is",
    "was",
    "of",
    "as",
    ":",
    "#",
    "(",
    ",",
    "-",
    "–",
    "—",
];

static SEARCH: LazyLock<AhoCorasick> = LazyLock::new(|| {
    // A contiguous NFA builds in a fraction of a DFA's time and searches
    // these few names as fast, behind its prefilter.
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(NAMES)
        .expect("names are plain strings")
});

/// Every record number after one of its names in `text` (`lower` is its
/// ASCII lower case, byte for byte).
pub(super) fn record_numbers(text: &str, lower: &str, out: &mut Vec<Detection>) {
    for m in SEARCH.find_iter(lower) {
        let bytes = lower.as_bytes();
        let starts_word = m.start() == 0 || !bytes[m.start() - 1].is_ascii_alphanumeric();
        let ends_word = bytes
            .get(m.end())
            .is_none_or(|b| !b.is_ascii_alphanumeric());
        if !(starts_word && ends_word) {
            continue;
        }
        let at = after_between_words(text, m.end());
        if let Some(end) = number_at(text, at) {
            out.push(validated(at..end, Category::RecordNumber));
        }
    }
}

/// Where the number would start: past the spaces and the few words and
/// signs that stand between a name and its number.
fn after_between_words(text: &str, mut at: usize) -> usize {
    for _ in 0..3 {
        let rest = &text[at..];
        let trimmed = rest.trim_start_matches([' ', '\u{a0}']);
        let skip = BETWEEN.iter().find(|w| {
            trimmed.len() >= w.len()
                && trimmed.is_char_boundary(w.len())
                && trimmed[..w.len()].eq_ignore_ascii_case(w)
                && trimmed[w.len()..].bytes().next().is_none_or(|b| {
                    !b.is_ascii_alphabetic() || !w.as_bytes()[0].is_ascii_alphabetic()
                })
        });
        match skip {
            Some(w) => at += rest.len() - trimmed.len() + w.len(),
            None => return at + rest.len() - trimmed.len(),
        }
    }
    at + (text[at..].len() - text[at..].trim_start_matches([' ', '\u{a0}']).len())
}

/// The end of a record number starting at `at`, if one does: up to four
/// parts of capitals and digits joined by single spaces, hyphens or
/// slashes, each after the first holding a digit (a first part of up to
/// three capitals is a prefix: "K 123456").
fn number_at(text: &str, at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let part = |from: usize| {
        bytes[from..]
            .iter()
            .take_while(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
            .count()
    };
    let has_digit =
        |from: usize, len: usize| bytes[from..from + len].iter().any(u8::is_ascii_digit);
    let first = part(at);
    if first == 0 {
        return None;
    }
    let prefix = !has_digit(at, first) && first <= 3;
    if !has_digit(at, first) && !prefix {
        return None;
    }
    let mut end = at + first;
    for _ in 0..3 {
        let sep = bytes.get(end).copied();
        if !matches!(sep, Some(b' ' | b'-' | b'/')) {
            break;
        }
        let len = part(end + 1);
        if len == 0 || !has_digit(end + 1, len) {
            break;
        }
        end += 1 + len;
    }
    // The number ends where a word ends: not "RX1 234567abc".
    if bytes.get(end).is_some_and(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    let number = &text[at..end];
    let key: String = number.chars().filter(char::is_ascii_alphanumeric).collect();
    let digits = key.bytes().filter(u8::is_ascii_digit).count();
    let date = is_date(number) || is_year_range(number);
    let nhs = key.len() == 10 && digits == 10 && ids::nhs_valid(&key);
    (key.len() >= 5 && digits >= 4 && key.len() <= 20 && !date && !nhs).then_some(end)
}

/// "02/03/1936", "2-3-36": a date, not a number.
fn is_date(number: &str) -> bool {
    let parts: Vec<&str> = number.split(['/', '-', '.']).collect();
    parts.len() == 3
        && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
        && parts[0].len() <= 2
        && parts[1].len() <= 2
}

/// "2023/24", "2023-2024": a financial year, not a number.
fn is_year_range(number: &str) -> bool {
    let parts: Vec<&str> = number.split(['/', '-']).collect();
    parts.len() == 2
        && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
        && parts[0].len() == 4
        && (parts[0].starts_with("19") || parts[0].starts_with("20"))
        && matches!(parts[1].len(), 2 | 4)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anonymise::detect::found_by;

    fn found(text: &str) -> Vec<&str> {
        found_by(
            |text, out| record_numbers(text, &text.to_ascii_lowercase(), out),
            text,
        )
    }

    #[test]
    fn a_number_after_its_name() {
        for (text, number) in [
            ("His hospital number, RX1 234567, was on it.", "RX1 234567"),
            ("MRN: 4417 2290.", "4417 2290"),
            ("(MRN 44172290)", "44172290"),
            ("her client ID T/0012/45 and", "T/0012/45"),
            ("Mosaic number: 60012345 was", "60012345"),
            ("hospital no. 6001-2345", "6001-2345"),
            ("His hospital number is K 123456.", "K 123456"),
            ("UPN A123456789012 was", "A123456789012"),
            ("gave his patient ID as 00442211", "00442211"),
            ("Pupil number – 0012345.", "0012345"),
            (
                "her driving licence number MORGA753116SM9IJ was",
                "MORGA753116SM9IJ",
            ),
            ("passport no. 123456789 —", "123456789"),
            ("The home's UPRN is 100023336956.", "100023336956"),
        ] {
            assert_eq!(found(text), [number], "{text}");
        }
    }

    #[test]
    fn no_name_or_no_number_is_nothing() {
        for text in [
            "The hospital number was wrong on the letter.",
            "Her stay started on 02/03/2021.",
            "her patient ID 02/03/2021",
            "a patient number of 12",
            "The student number fell to £1,250.",
            // An account's reference is the account's.
            "her council tax account number, 5012345678, was",
            "tenancy reference T/0012/45",
            "We wrote on 12 May 2024 with reference 23 004 118.",
            "His hospital number 999 954 2557 was used.",
            "a hospital numbering scheme 1234567",
            "the MRNs 1234567",
            "patient number RX1 234567abc",
            "her patient ID 2023/24 showed",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
