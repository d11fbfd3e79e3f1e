//! A listed month and year of birth, or year, in the forms the four-digit
//! reader ([`listed_values`]) cannot see: a short year after an apostrophe
//! ("born in Nov. '68", "born in '68") or a year in words ("born in
//! November nineteen sixty-eight"). Read right after a word that says a
//! birth, and only in a text that holds an apostrophe before two digits or
//! what every year in words holds.
//!
//! [`listed_values`]: super::listed_values

use std::sync::LazyLock;

use regex::Regex;

use super::listed_values::{MONTH, month_number};
use super::{Category, Hit, Identifiers, Source};
use crate::anonymise::number_words::{YEAR_RE, year};
use crate::anonymise::values::may_hold_year_in_words;

/// A word that says a birth: "born", "birth" ("date of birth"), "DOB".
static BIRTH_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:born|birth|d\.?o\.?b)\b\.?").expect("valid regex"));

/// Right after a birth word: a month maybe, and a short or spelt year.
static AFTER_BIRTH_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^\s*:?\s*(?:(?:in|on|during|is|was)\s+)?({MONTH}\.?,?\s+(?:(?:of|in)\s+)?)?(?:(['\u{{2019}}](\d{{2}}))|({YEAR_RE}))\b"
    ))
    .expect("valid regex")
});

impl Identifiers {
    /// The listed months and years of birth (or years) written with a
    /// short year or in words after a birth word.
    pub(super) fn years_of_birth(&self, text: &str) -> Vec<Hit> {
        if !(short_year(text) || may_hold_year_in_words(text)) {
            return Vec::new();
        }
        let mut out = Vec::new();
        for cue in BIRTH_WORD.find_iter(text) {
            let Some(c) = AFTER_BIRTH_WORD.captures(&text[cue.end()..]) else {
                continue;
            };
            let month = c.get(2).and_then(|m| month_number(m.as_str()));
            let born_in = |y: i32| match (c.get(4), c.get(5)) {
                (Some(short), _) => short.as_str().parse() == Ok(y.rem_euclid(100)),
                (None, Some(words)) => year(words.as_str()) == Some(y),
                (None, None) => false,
            };
            // Two people born in one month: the first listed, on every run.
            let person = self
                .births
                .iter()
                .filter(|(d, _)| born_in(d.year()) && month.is_none_or(|m| m == d.month()))
                .map(|(_, &p)| p)
                .min();
            let Some(p) = person else {
                continue;
            };
            let start = c.get(1).or(c.get(3)).or(c.get(5)).map_or(0, |m| m.start());
            let end = c.get(0).map_or(0, |m| m.end());
            out.push(Hit::new(
                Source::Listed,
                cue.end() + start..cue.end() + end,
                Category::DateOfBirth,
                Some(p),
                Category::DateOfBirth.placeholder(),
            ));
        }
        out
    }
}

/// Whether an apostrophe stands before two digits somewhere in `text`.
fn short_year(text: &str) -> bool {
    let b = text.as_bytes();
    let digits_at = |i: usize| {
        b.get(i..i + 2)
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
    };
    memchr::memchr_iter(b'\'', b).any(|i| digits_at(i + 1))
        || memchr::memmem::find_iter(b, "\u{2019}".as_bytes()).any(|i| digits_at(i + 3))
}
