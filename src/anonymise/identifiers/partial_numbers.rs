//! Listed numbers read digit by digit, and parts of them.
//!
//! A whole listed number in a grouping or form its shape's pattern does not
//! read (`listed_values` reads those): its digits one by one ("0 7 7 0 0 9
//! 0 0 4 6 1", "J T 4 8 2 1 9 3 C"), a phone's country code without its
//! plus ("447700900461") or its trunk zero left off ("7700 900461"), and
//! digits typed as their look-alike letters ("O77OO 9OO461", "l" for one).
//!
//! Part of a listed number, said to be a part: "her NHS number ends 2557",
//! "the last four digits of her mobile are 0461", "her NI number starts
//! JT 48". A part is taken only
//! where its sentence says, before it, that it is a part (ends, last,
//! starts) of a number (number, mobile, NHS, digits), so a year or a count
//! that happens to end a listed number stays ("at the end of 2023").
//!
//! A phone number's part is its end (its start is the network's code); an
//! NHS or NI number's part is either end. At least three digits, or two
//! beside the NI number's letters: one or two digits say nothing.

use std::ops::Range;

use super::listed_values::value_category;
use super::{Hit, Identifiers, Source};
use crate::anonymise::digits::next_digit;
use crate::anonymise::values::Shape;

/// Words before a part that say it is a part.
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

/// How far before a part its cue may be, in bytes (the sentence's own
/// start comes first where it is nearer).
const CUE_REACH: usize = 80;

impl Identifiers {
    /// Listed phone, NHS, NI numbers and postcodes read digit by digit,
    /// and parts of the numbers, in `text`.
    pub(super) fn partial_numbers(&self, text: &str) -> Vec<Hit> {
        let listed: Vec<(Shape, &str, usize)> = self
            .values
            .iter()
            .filter(|((shape, _), _)| {
                matches!(
                    shape,
                    Shape::Phone | Shape::Nhs | Shape::Nino | Shape::Postcode
                )
            })
            .map(|((shape, key), &p)| (*shape, key.as_str(), p))
            .collect();
        if listed.is_empty() {
            return Vec::new();
        }
        let mut hits = Vec::new();
        for run in number_runs(text) {
            // The first listed person's, on every run (the map's order is
            // not).
            let first = |fits: &dyn Fn(Shape, &str) -> bool| {
                listed
                    .iter()
                    .filter(|(shape, key, _)| fits(*shape, key))
                    .map(|(shape, _, p)| (*shape, *p))
                    .min_by_key(|(_, p)| *p)
            };
            let found = first(&|shape, key| is_whole(shape, key, &run.key)).or_else(|| {
                first(&|shape, key| shape != Shape::Postcode && is_part_of(shape, key, &run.key))
                    .filter(|_| cued(text, run.range.start))
            });
            let Some((shape, person)) = found else {
                continue;
            };
            let category = value_category(shape);
            hits.push(Hit::new(
                Source::Listed,
                run.range,
                category,
                Some(person),
                category.placeholder(),
            ));
        }
        hits
    }
}

/// Whether `run` (upper-case letters and digits) is the whole of a listed
/// number's `key`, in any form its shape is written in: a phone's national
/// number with its country code ("447700900461", "00447700900461"), or
/// with no trunk zero ("7700900461"); an NI number without its final
/// letter.
fn is_whole(shape: Shape, key: &str, run: &str) -> bool {
    if run == key {
        return true;
    }
    match shape {
        Shape::Phone => key.strip_prefix('0').is_some_and(|national| {
            let international = ["44", "0044", "440", "00440"]
                .iter()
                .any(|code| run.strip_prefix(code) == Some(national));
            international || run == national
        }),
        Shape::Nino => key.len() == 9 && run == &key[..8],
        _ => false,
    }
}

/// Whether `part` (upper-case letters and digits) is a part of a listed
/// number's `key` that says something: not the whole, enough digits, and
/// at an end the shape allows.
fn is_part_of(shape: Shape, key: &str, part: &str) -> bool {
    let digits = part.bytes().filter(u8::is_ascii_digit).count();
    let letters = part.len() - digits;
    let enough = digits >= 3 || (shape == Shape::Nino && digits >= 2 && letters >= 2);
    if !enough || part.len() >= key.len() {
        return false;
    }
    // A phone number's end only: its start is a network's code.
    key.ends_with(part) || (shape != Shape::Phone && key.starts_with(part))
}

/// A run of digit groups, and of the one or two capitals before or after
/// them ("JT 48", "93 C"), joined by single spaces or hyphens.
struct Run {
    range: Range<usize>,
    /// Its letters and digits, upper case.
    key: String,
}

/// The runs of `text` that hold a digit, found from its digits (most of a
/// text has none).
fn number_runs(text: &str) -> impl Iterator<Item = Run> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let digit = next_digit(bytes, at);
        if digit >= bytes.len() {
            return None;
        }
        let start = run_start(bytes, digit);
        let (range, key) = run_from(bytes, start);
        at = range.end.max(digit + 1);
        Some(Run { range, key })
    })
}

/// Where the run holding the digit at `digit` starts: its word's start,
/// and back over groups of digits or one or two capitals joined to it by
/// one space or hyphen ("JT 48").
fn run_start(bytes: &[u8], digit: usize) -> usize {
    let word_start = |end: usize| {
        end - bytes[..end]
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count()
    };
    let mut start = word_start(digit);
    while start >= 2 && matches!(bytes[start - 1], b' ' | b'-') {
        let before = word_start(start - 1);
        let group = &bytes[before..start - 1];
        let joins = !group.is_empty()
            && (group.iter().all(u8::is_ascii_digit) || is_short_capitals(bytes, before));
        if !joins {
            break;
        }
        start = before;
    }
    start
}

/// One or two capitals that make a whole word at `i` ("JT", "C").
fn is_short_capitals(bytes: &[u8], i: usize) -> bool {
    let len = bytes[i..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    (1..=2).contains(&len) && bytes[i..i + len].iter().all(u8::is_ascii_uppercase)
}

/// The run that starts at `start`: groups of digits or of one or two
/// capitals, joined by one space or hyphen.
fn run_from(bytes: &[u8], start: usize) -> (Range<usize>, String) {
    let mut key = String::new();
    let mut end = start;
    let mut i = start;
    loop {
        let len = bytes[i..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        let group = &bytes[i..i + len];
        if is_digit_group(group) {
            key.extend(group.iter().map(|&b| as_digit(b)));
        } else if is_short_capitals(bytes, i) {
            key.extend(group.iter().map(|&b| b as char));
        } else {
            break;
        }
        end = i + len;
        let next = end + 1;
        let joined = matches!(bytes.get(end), Some(b' ' | b'-'))
            && bytes.get(next).is_some_and(u8::is_ascii_alphanumeric);
        if !joined {
            break;
        }
        i = next;
    }
    (start..end, key)
}

/// Whether `group` (a word of letters and digits) is a group of a number's
/// digits: digits, or digits with look-alike letters typed for some of
/// them ("O77OO", "9OO461", "2l").
fn is_digit_group(group: &[u8]) -> bool {
    group.iter().any(u8::is_ascii_digit)
        && group
            .iter()
            .all(|&b| b.is_ascii_digit() || as_digit(b) != b as char)
}

/// The digit a byte of a digit group stands for: itself, or the digit a
/// look-alike letter is typed for (O and o for nought, I and l for one).
fn as_digit(b: u8) -> char {
    match b {
        b'O' | b'o' => '0',
        b'I' | b'l' => '1',
        _ => b as char,
    }
}

/// Whether the sentence before `at` says that what follows is a part of a
/// number (a word of [`CUES`] and one of [`NUMBERS`]), within
/// [`CUE_REACH`] bytes.
fn cued(text: &str, at: usize) -> bool {
    let mut from = at.saturating_sub(CUE_REACH);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = &text[from..at];
    let sentence = [". ", "! ", "? ", "\n"]
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

    fn runs(text: &str) -> Vec<String> {
        number_runs(text)
            .map(|r| r.key)
            .filter(|k| !k.is_empty())
            .collect()
    }

    #[test]
    fn runs_join_groups_and_short_capitals() {
        assert_eq!(runs("starts JT 48 and ends C."), ["JT48"]);
        assert_eq!(runs("ending 900461, was"), ["900461"]);
        assert_eq!(runs("number 999-954-2557 was"), ["9999542557"]);
        assert_eq!(runs("The 3 boys in Year 10"), ["3", "10"]);
        assert_eq!(runs("A lot"), Vec::<String>::new());
        assert_eq!(runs("is 0 7 7 0 0 9 0 0 4 6 1."), ["07700900461"]);
        assert_eq!(runs("is J T 4 8 2 1 9 3 C."), ["JT482193C"]);
        assert_eq!(runs("is O77OO 9OO461."), ["07700900461"]);
        assert_eq!(runs("In 2O2l, 1st and 10am"), ["2021"]);
    }

    #[test]
    fn a_whole_number_in_its_other_forms() {
        for run in [
            "07700900461",
            "447700900461",
            "00447700900461",
            "7700900461",
        ] {
            assert!(is_whole(Shape::Phone, "07700900461", run), "{run}");
        }
        assert!(!is_whole(Shape::Phone, "07700900461", "4407700900462"));
        assert!(!is_whole(Shape::Phone, "07700900461", "900461"));
        assert!(is_whole(Shape::Nino, "JT482193C", "JT482193"));
        assert!(is_whole(Shape::Postcode, "KT94QD", "KT94QD"));
        assert!(!is_whole(Shape::Nhs, "9999542557", "999954255"));
    }

    #[test]
    fn a_part_says_something_at_an_end_its_shape_allows() {
        assert!(is_part_of(Shape::Nhs, "9999542557", "2557"));
        assert!(is_part_of(Shape::Nhs, "9999542557", "999954"));
        assert!(!is_part_of(Shape::Nhs, "9999542557", "57"));
        assert!(!is_part_of(Shape::Nhs, "9999542557", "9542"));
        assert!(!is_part_of(Shape::Nhs, "9999542557", "9999542557"));
        assert!(is_part_of(Shape::Phone, "07700900461", "0461"));
        assert!(!is_part_of(Shape::Phone, "07700900461", "07700"));
        assert!(is_part_of(Shape::Nino, "JT482193C", "JT48"));
        assert!(is_part_of(Shape::Nino, "JT482193C", "2193C"));
        assert!(!is_part_of(Shape::Nino, "JT482193C", "93C"));
    }

    #[test]
    fn a_part_is_one_only_where_the_sentence_says_so() {
        let text = "Her NHS number ends 2557.";
        assert!(cued(text, text.find("2557").unwrap()));
        let text = "The last four digits of her phone number are 0461.";
        assert!(cued(text, text.find("0461").unwrap()));
        let text = "It ended. In 2557 boxes";
        assert!(!cued(text, text.find("2557").unwrap()));
        let text = "She had 2557 pounds of debt.";
        assert!(!cued(text, text.find("2557").unwrap()));
        // A cue with no word for a number: a year at the end of a phrase.
        let text = "At the end of 2557 her phone was cut off.";
        assert!(!cued(text, text.find("2557").unwrap()));
    }
}
