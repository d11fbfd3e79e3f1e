//! A listed date of birth written as its day and month alone, after words
//! that say it is one: "born on 2 March", "her birthday is the 2nd of
//! March", "the ninth of November", "DOB 02/03". With the year the events
//! give, or an age, it is the whole date; the year is read elsewhere
//! ([`listed_values`]).
//!
//! Only the few words before each number of one or two digits (or ordinal
//! in words before "of") are read for a birth word, and only where a
//! listed date of birth exists, so the anonymiser makes no new pass over
//! every byte of every field.
//!
//! [`listed_values`]: super::listed_values

use std::sync::LazyLock;

use regex::Regex;

use super::listed_values::{MONTH, month_number};
use super::{Category, Hit, Identifiers, Source};
use crate::anonymise::born::age_turned_before;
use crate::anonymise::digits::digit_runs;
use crate::anonymise::number_words::{DAY_RE, ordinal_day, ordinals_before_of};

/// A day and month at the start of a window: "2 March", "2nd of March",
/// "the 2nd of March", "the second of March", "March 2", "March 2nd",
/// "March the second", "02/03" (day first, as English dates are written).
static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i-u)^(?:the\s+)?(?:(\d{{1,2}}(?:st|nd|rd|th)?|{DAY_RE})(?:\s+of)?\s+{MONTH}\b|{MONTH}\.?\s+(?:the\s+)?(\d{{1,2}}(?:st|nd|rd|th)?|{DAY_RE})\b|(\d{{1,2}})[/.-](\d{{1,2}})\b)"
    ))
    .expect("valid regex")
});

/// The words that say a day and month after them are a birthday, in lower
/// case; each read where it stands alone as a word, the one that ends last
/// before the day ("birthday is" over "birthday").
const BIRTH_WORDS: [&str; 7] = [
    "date of birth",
    "birthday is",
    "birthday",
    "born on",
    "d.o.b.",
    "born",
    "dob",
];

/// The most bytes between a birth word and the day it is followed by ("her
/// birthday fell on a Sunday, the 2nd of March").
const REACH: usize = 30;

impl Identifiers {
    /// The listed dates of birth written as day and month after a birth
    /// word: hits on the day and month.
    pub(super) fn birthdays(&self, text: &str) -> Vec<Hit> {
        let mut out: Vec<Hit> = Vec::new();
        // A day is one or two digits, or an ordinal before "of" ("the
        // ninth of"): only the text before each is read for a birth word,
        // rather than every byte for one.
        let days = digit_runs(text.as_bytes())
            .filter(|r| r.len() <= 2)
            .map(|r| r.start)
            .chain(ordinals_before_of(text.as_bytes()));
        for day in days {
            let from = birth_word_before(text, day).or_else(|| age_turned_before(text, day));
            let Some(from) = from else {
                continue;
            };
            if let Some(hit) = self.birthday_after(text, from)
                && !out.iter().any(|h| h.range == hit.range)
            {
                out.push(hit);
            }
        }
        out
    }

    /// The first day and month within [`REACH`] of `from` that is a listed
    /// person's birthday, not followed by a year (a whole date is read as
    /// one already).
    fn birthday_after(&self, text: &str, from: usize) -> Option<Hit> {
        let mut end = (from + REACH).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let window = &text[from..end];
        // Each word start in the window, up to a sentence's end.
        let stop = window.find(['.', ';', '\n']).map_or(window.len(), |i| {
            // "d.o.b. 02/03": the abbreviation's own full stops are no end.
            if window[..i].trim().is_empty() {
                window.len()
            } else {
                i
            }
        });
        let starts =
            std::iter::once(0).chain(window[..stop].match_indices(' ').map(|(i, _)| i + 1));
        for start in starts {
            let rest = &text[from + start..];
            // Only where a day (in figures or words), "the" or a month can
            // start.
            let may_start = rest
                .bytes()
                .next()
                .is_some_and(|b| b.is_ascii_digit() || b"tTjJfFmMaAsSoOnNdDeE".contains(&b));
            if !may_start {
                continue;
            }
            let Some(c) = DAY_MONTH.captures(rest) else {
                continue;
            };
            let Some((day, month)) = day_and_month(&c) else {
                continue;
            };
            let whole = c.get(0).expect("whole match");
            let after = &rest[whole.end()..];
            // "the 9th of Nov '68": an apostrophe before a short year.
            let year_follows = after
                .trim_start_matches([',', ' ', '/', '.', '-', '\'', '\u{2019}'])
                .starts_with(|c: char| c.is_ascii_digit());
            if year_follows {
                return None;
            }
            // Two people born on one day of the year: the first listed, on
            // every run (the map's order is not).
            let person = self
                .births
                .iter()
                .filter(|(d, _)| d.day() == day && d.month() == month)
                .map(|(_, &p)| p)
                .min()?;
            let range = from + start + whole.start()..from + start + whole.end();
            return Some(Hit::new(
                Source::Listed,
                range,
                Category::DateOfBirth,
                Some(person),
                Category::DateOfBirth.placeholder(),
            ));
        }
        None
    }
}

/// The day and month a [`DAY_MONTH`] match writes.
fn day_and_month(c: &regex::Captures<'_>) -> Option<(u8, u8)> {
    let number = |i: usize| c.get(i)?.as_str().parse::<u8>().ok();
    // "2nd", "second", "twenty-first"
    let day = |i: usize| {
        let written = c.get(i)?.as_str();
        let digits = written.trim_end_matches(|ch: char| ch.is_ascii_alphabetic());
        if digits.is_empty() {
            ordinal_day(written).and_then(|d| u8::try_from(d).ok())
        } else {
            digits.parse::<u8>().ok()
        }
    };
    let month = |i: usize| month_number(c.get(i)?.as_str());
    let (day, month) = if c.get(1).is_some() {
        (day(1)?, month(2)?)
    } else if c.get(3).is_some() {
        (day(4)?, month(3)?)
    } else {
        (number(5)?, number(6)?)
    };
    ((1..=31).contains(&day) && (1..=12).contains(&month)).then_some((day, month))
}

/// Where the last birth word before `at` ends, if one ends within
/// [`REACH`] of it, with room before the day for a month ("born on March
/// 2nd"). Every birth word has a "b": only the places of one are tried.
fn birth_word_before(text: &str, at: usize) -> Option<usize> {
    let from = at.saturating_sub(REACH + "september ".len());
    let b = text.as_bytes();
    let mut last = None;
    for p in memchr::memchr2_iter(b'b', b'B', &b[from..at]).map(|i| from + i) {
        for w in BIRTH_WORDS {
            let Some(k) = w.find('b') else { continue };
            let Some(start) = p.checked_sub(k) else {
                continue;
            };
            let end = start + w.len();
            let alone = b
                .get(start..end)
                .is_some_and(|s| s.eq_ignore_ascii_case(w.as_bytes()))
                && !b[..start].last().is_some_and(u8::is_ascii_alphanumeric)
                && !b.get(end).is_some_and(u8::is_ascii_alphanumeric);
            if alone && end <= at && last.is_none_or(|l| end > l) {
                last = Some(end);
            }
        }
    }
    last
}
