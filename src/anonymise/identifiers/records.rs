//! Listed record numbers (a hospital number, a tenancy or council tax
//! reference), found however a text writes them: "RX1 234567",
//! "RX1234567", "rx1-234-567", "T/0012/45" for "T 0012 45"; and listed
//! NHS and National Insurance numbers in a grouping their shapes do not
//! know ("999 9542 557", "QQ1 234 56C").
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
    /// Whose each key is, and what it is.
    owners: Vec<(usize, Category)>,
}

/// The byte that stands for a break in the letters-and-digits view.
const BREAK: u8 = b'|';

impl Records {
    pub(super) fn new(people: &[Person]) -> Self {
        let mut keys: Vec<String> = Vec::new();
        let mut owners = Vec::new();
        for (i, person) in people.iter().enumerate() {
            let records = person
                .record_numbers
                .iter()
                .map(|r| (r, Category::RecordNumber));
            let numbers = [
                (&person.nhs_number, Category::NhsNumber),
                (&person.ni_number, Category::NiNumber),
            ];
            let numbers = numbers
                .into_iter()
                .filter_map(|(n, category)| Some((n.as_ref()?, category)));
            for (written, category) in records.chain(numbers) {
                if let Some(key) = ids::record_key(written)
                    && !keys.contains(&key)
                {
                    keys.push(key);
                    owners.push((i, category));
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
                let (person, category) = self.owners[key];
                Hit::new(
                    Source::Listed,
                    range,
                    category,
                    Some(person),
                    category.placeholder(),
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
    fn nhs_and_ni_numbers_in_any_grouping_are_theirs() {
        let mut person: Person =
            toml::from_str("id = \"a\"\nname = \"Ann Lee\"\nrole = \"complainant\"")
                .expect("a person");
        person.nhs_number = Some("999 954 2557".into());
        person.ni_number = Some("QQ 12 34 56 C".into());
        let r = Records::new(&[person]);
        for (text, number, category) in [
            ("is 999 9542 557.", "999 9542 557", Category::NhsNumber),
            ("is 99 99 54 25 57,", "99 99 54 25 57", Category::NhsNumber),
            ("NI QQ1 234 56C.", "QQ1 234 56C", Category::NiNumber),
        ] {
            let hits = r.hits(text);
            assert_eq!(hits.len(), 1, "{text}");
            assert_eq!(&text[hits[0].range.clone()], number);
            assert_eq!(hits[0].category, category);
        }
        assert!(r.hits("ref 19999542557").is_empty());
    }

    #[test]
    fn a_case_with_none_reads_nothing() {
        assert!(records(&[]).hits("RX1 234567").is_empty());
    }
}
