//! Listed record numbers (a hospital number, a tenancy or council tax
//! reference), found however a text writes them: "RX1 234567",
//! "RX1234567", "rx1-234-567", "T/0012/45" for "T 0012 45"; and listed NHS
//! numbers in a grouping their shape does not know ("999 9542 557").
//!
//! A record number has no shape of its own to find candidates by, so the
//! text is read once as its letters and digits alone, upper case, with the
//! spaces, line breaks, hyphens, slashes and full stops between them left
//! out (two at most: a longer gap, or any other sign, breaks the run), and
//! the listed keys ([`ids::record_key`]) are searched in that. A match
//! counts only where it starts and ends on a boundary of the text's own
//! words, so a key is never found inside a longer number. Text outside
//! ASCII is read through the values' ASCII view (fullwidth letters and
//! digits, dashes, invisible characters). A key two people list is the
//! first one's.

use std::ops::Range;

use aho_corasick::AhoCorasick;

use super::{Category, Hit, Source};
use crate::anonymise::values::AsciiView;
use crate::case::Person;
use crate::ids;

/// The listed record numbers of a case, compiled.
#[derive(Debug, Clone, Default)]
pub(super) struct Records {
    /// The keys' automaton (none when the case lists none).
    search: Option<AhoCorasick>,
    /// Whose each key is.
    owners: Vec<usize>,
}

/// Where the listed NHS numbers (`keys`, ten digits each) stand in `text`
/// in any grouping: as whole groups of digits side by side ("999 9542
/// 557", "99 99 54 25 57", "9999542557"), joined by up to two spaces,
/// hyphens, slashes or full stops, and never part of a longer group. Read
/// in one pass over the text's digits, with no view of its letters; the
/// grouping an NHS number's shape knows (3, 3, 4) is found as a value.
pub(super) fn nhs_in_groups(text: &str, keys: &[(String, usize)]) -> Vec<(Range<usize>, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    // The groups of the current run: where each starts and ends.
    let mut groups: Vec<Range<usize>> = Vec::new();
    let mut i = 0;
    let flush = |groups: &mut Vec<Range<usize>>, out: &mut Vec<_>| {
        for first in 0..groups.len() {
            let mut digits = String::new();
            for g in &groups[first..] {
                digits.push_str(&text[g.clone()]);
                if digits.len() >= 10 {
                    if let Some((_, p)) = keys.iter().find(|(k, _)| *k == digits) {
                        out.push((groups[first].start..g.end, *p));
                    }
                    break;
                }
            }
        }
        groups.clear();
    };
    loop {
        i = crate::anonymise::digits::next_digit(b, i);
        if i >= b.len() {
            break;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        let inside_word = start > 0 && b[start - 1].is_ascii_alphabetic()
            || b.get(i).is_some_and(u8::is_ascii_alphabetic);
        if inside_word {
            flush(&mut groups, &mut out);
            continue;
        }
        groups.push(start..i);
        let gap = b[i..]
            .iter()
            .take_while(|c| matches!(c, b' ' | b'-' | b'/' | b'.' | b'\n'))
            .count();
        let goes_on = (1..=2).contains(&gap) && b.get(i + gap).is_some_and(u8::is_ascii_digit);
        if !goes_on {
            flush(&mut groups, &mut out);
        }
    }
    flush(&mut groups, &mut out);
    out.sort_by_key(|(r, _)| r.start);
    out.dedup_by(|a, b| a.0.start < b.0.end);
    out
}

/// The byte that stands for a break in the letters-and-digits view.
const BREAK: u8 = b'|';

impl Records {
    pub(super) fn new(people: &[Person]) -> Self {
        let mut keys: Vec<String> = Vec::new();
        let mut owners = Vec::new();
        for (i, person) in people.iter().enumerate() {
            for key in person
                .record_numbers
                .iter()
                .filter_map(|r| ids::record_key(r))
            {
                if !keys.contains(&key) {
                    keys.push(key);
                    owners.push(i);
                }
            }
        }
        let search = (!keys.is_empty())
            .then(|| AhoCorasick::new(&keys).expect("record keys are plain strings"));
        Self { search, owners }
    }

    /// Every listed record number in `text`. A text with characters
    /// outside ASCII is read through its ASCII view (fullwidth digits,
    /// typographic dashes, invisible characters), mapped back.
    pub(super) fn hits(&self, text: &str) -> Vec<Hit> {
        let Some(search) = &self.search else {
            return Vec::new();
        };
        let found = if text.is_ascii() {
            find(search, text)
        } else {
            let view = AsciiView::new(text);
            let mut found = find(search, &view.text);
            for (range, _) in &mut found {
                *range = view.orig_range(range.clone());
            }
            found
        };
        found
            .into_iter()
            .map(|(range, key)| {
                Hit::new(
                    Source::Listed,
                    range,
                    Category::RecordNumber,
                    Some(self.owners[key]),
                    Category::RecordNumber.placeholder(),
                )
            })
            .collect()
    }
}

/// Where the keys of `search` stand in `text` (ASCII), on the boundaries of
/// its words, none overlapping: each range with its key's index.
fn find(search: &AhoCorasick, text: &str) -> Vec<(Range<usize>, usize)> {
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    let (view, at) = letters_and_digits(text);
    let bytes = text.as_bytes();
    let mut out: Vec<(Range<usize>, usize)> = Vec::new();
    for m in search.find_overlapping_iter(&view) {
        let start = at[m.start()];
        let end = at[m.end() - 1] + 1;
        let bounded = !starts_word_before(bytes, start) && !word_goes_on(bytes, end);
        if bounded && !out.iter().any(|(r, _)| r.start < end && start < r.end) {
            out.push((start..end, m.pattern().as_usize()));
        }
    }
    out
}

/// The text's ASCII letters and digits, upper case, with up to two
/// spaces (a line break too), hyphens, slashes or full stops between two
/// of them left out; anything else is a [`BREAK`]. Beside it, the offset
/// in `text` of each byte.
fn letters_and_digits(text: &str) -> (Vec<u8>, Vec<usize>) {
    let bytes = text.as_bytes();
    let mut view = Vec::with_capacity(bytes.len());
    let mut at = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_alphanumeric() {
            view.push(b.to_ascii_uppercase());
            at.push(i);
            i += 1;
            continue;
        }
        let gap = bytes[i..]
            .iter()
            .take_while(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'-' | b'/' | b'.'))
            .count();
        let between = gap > 0
            && gap <= 2
            && i > 0
            && bytes[i - 1].is_ascii_alphanumeric()
            && bytes.get(i + gap).is_some_and(u8::is_ascii_alphanumeric);
        if !between {
            view.push(BREAK);
            at.push(i);
        }
        i += gap.max(1);
    }
    (view, at)
}

/// Whether a letter or digit stands right before `start` (the match would
/// start inside a word).
fn starts_word_before(bytes: &[u8], start: usize) -> bool {
    start > 0 && is_word_byte(bytes[start - 1])
}

/// Whether a letter or digit stands at `end` (the match would end inside a
/// word).
fn word_goes_on(bytes: &[u8], end: usize) -> bool {
    bytes.get(end).is_some_and(|&b| is_word_byte(b))
}

/// A letter or digit (the view gives every other character outside ASCII
/// a byte that is neither).
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(listed: &[&str]) -> Records {
        let mut person: Person =
            toml::from_str("id = \"a\"\nname = \"Ann Lee\"\nrole = \"complainant\"")
                .expect("a person");
        person.record_numbers = listed.iter().map(ToString::to_string).collect();
        Records::new(&[person])
    }

    fn found<'a>(r: &Records, text: &'a str) -> Vec<&'a str> {
        r.hits(text).into_iter().map(|h| &text[h.range]).collect()
    }

    #[test]
    fn every_spacing_and_case_is_the_number() {
        let r = records(&["RX1 234567", "T/0012/45"]);
        for (text, number) in [
            ("His hospital number RX1 234567 was on it.", "RX1 234567"),
            ("MRN: RX1234567.", "RX1234567"),
            ("(rx1-234-567)", "rx1-234-567"),
            ("ref RX1 234 567, sent", "RX1 234 567"),
            ("tenancy ref T 0012 45 and", "T 0012 45"),
            ("tenancy ref T0012/45.", "T0012/45"),
            ("ref. T.0012.45", "T.0012.45"),
            ("ref \u{FF34}0012\u{2013}45 sent", "\u{FF34}0012\u{2013}45"),
            ("MRN RX1\u{200B}234567.", "RX1\u{200B}234567"),
            ("number RX1\n234567 on", "RX1\n234567"),
        ] {
            assert_eq!(found(&r, text), [number], "{text}");
        }
    }

    #[test]
    fn never_inside_a_longer_number_or_word() {
        let r = records(&["60012345"]);
        for text in [
            "account 600123456 is another",
            "code X60012345",
            "160012345",
            "6001 23456",
            "6001, 2345",
            "6001   2345",
        ] {
            assert!(found(&r, text).is_empty(), "{text}");
        }
        assert_eq!(found(&r, "6001 2345."), ["6001 2345"]);
    }

    #[test]
    fn nhs_numbers_in_any_grouping_of_whole_groups() {
        let keys = [("9999542557".to_string(), 0)];
        let found = |text: &str| -> Vec<String> {
            nhs_in_groups(text, &keys)
                .into_iter()
                .map(|(r, _)| text[r].to_string())
                .collect()
        };
        for (text, number) in [
            ("is 999 9542 557.", "999 9542 557"),
            ("is 99 99 54 25 57,", "99 99 54 25 57"),
            ("is 9999542557 and", "9999542557"),
            ("on 3 May 2023 999-9542-557 was", "999-9542-557"),
        ] {
            assert_eq!(found(text), [number], "{text}");
        }
        for text in [
            "ref 19999542557",
            "999 9542 5571",
            "NHS9999542557x",
            "999, 9542 557",
        ] {
            assert!(found(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_case_with_none_reads_nothing() {
        assert!(records(&[]).hits("RX1 234567").is_empty());
    }
}
