//! A listed month and year of birth, or year, in the forms the four-digit
//! reader ([`listed_values`]) cannot see: a short year after an apostrophe
//! ("born in Nov. '68", "born in '68"), in figures ("DOB 11/68", "born
//! Nov-68", "born in 68") or in words ("born in November nineteen
//! sixty-eight"). Read right after a word that says a birth, and only in a
//! text that holds one.
//!
//! [`listed_values`]: super::listed_values

use std::sync::LazyLock;

use regex::Regex;

use super::listed_values::{MONTH, month_number};
use super::{Category, Hit, Identifiers, Source};
use crate::anonymise::number_words::{YEAR_RE, year};

/// A word that says a birth: "born", "birth" ("date of birth"), "DOB".
static BIRTH_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:born|birth|d\.?o\.?b)\b\.?").expect("valid regex"));

/// Right after a birth word: a month maybe, and a short or spelt year
/// (groups 1 to 5); a month and a short year in figures or after a
/// month's name ("11/68", "Nov-68", "Nov 68": groups 6 to 8); a short year
/// alone (group 9).
static AFTER_BIRTH_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^\s*:?\s*(?:(?:in|on|during|is|was)\s+)?(?:({MONTH}\.?,?\s+(?:(?:of|in)\s+)?)?(?:(['\u{{2019}}](\d{{2}}))|({YEAR_RE}))|(?:{MONTH}|(\d{{1,2}}))\.?(?:[/.-]|\s+)['\u{{2019}}]?(\d{{2}})|(\d{{2}}))\b"
    ))
    .expect("valid regex")
});

impl Identifiers {
    /// The listed months and years of birth (or years) written with a
    /// short year or in words after a birth word.
    pub(super) fn years_of_birth(&self, text: &str) -> Vec<Hit> {
        if !says_a_birth(text.as_bytes()) {
            return Vec::new();
        }
        let mut out = Vec::new();
        for cue in BIRTH_WORD.find_iter(text) {
            let rest = &text[cue.end()..];
            let Some(c) = AFTER_BIRTH_WORD.captures(rest) else {
                continue;
            };
            let end = c.get(0).map_or(0, |m| m.end());
            // Figures that go on as a longer date or number ("born 9/11/1968",
            // "born in 12 Mill Lane") are not a short year.
            let short_in_figures = c.get(8).or(c.get(9)).is_some();
            if short_in_figures && !short_year_ends(&rest[end..], c.get(9).is_some()) {
                continue;
            }
            // A month and year in figures, either way round ("11/68",
            // "68/11").
            let figures = c.get(7).zip(c.get(8)).map(|(a, b)| {
                // The month is the number that can be one.
                let month = |n: &str| n.parse::<u8>().ok().filter(|m| (1..=12).contains(m));
                match (month(a.as_str()), month(b.as_str())) {
                    (Some(m), _) => Some((m, b.as_str())),
                    (None, Some(m)) => Some((m, a.as_str())),
                    (None, None) => None,
                }
            });
            if figures == Some(None) {
                continue;
            }
            let month = (c.get(2).or(c.get(6)))
                .and_then(|m| month_number(m.as_str()))
                .or(figures.flatten().map(|(m, _)| m));
            let short = (c.get(4).or(c.get(9)))
                .map(|m| m.as_str())
                .or(figures.flatten().map(|(_, y)| y))
                .or(c.get(6).and(c.get(8)).map(|m| m.as_str()));
            let born_in = |y: i32| match (short, c.get(5)) {
                (Some(short), _) => short.parse() == Ok(y.rem_euclid(100)),
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
            let start = (c.get(1).or(c.get(3)).or(c.get(5)))
                .or(c.get(6).or(c.get(7)).or(c.get(9)))
                .map_or(0, |m| m.start());
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

/// Whether `b` holds a word that says a birth ("born", "birth", "DOB",
/// "d.o.b."), in any case: found at its "b", a rare letter.
fn says_a_birth(b: &[u8]) -> bool {
    let at = |i: usize, word: &[u8]| {
        b.get(i..i + word.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(word))
    };
    memchr::memchr2_iter(b'b', b'B', b).any(|i| {
        at(i, b"born")
            || at(i, b"birth")
            || i.checked_sub(2).is_some_and(|s| at(s, b"dob"))
            || i.checked_sub(4).is_some_and(|s| at(s, b"d.o.b"))
    })
}

/// Whether what follows a short year in figures ends it: not a further
/// figure or separator and figure ("/1968", " 1968", ", 1968"); after a
/// year alone ("born in 68"), the sentence's end, a stop, or a word in
/// lower case that is not a unit of time ("born in 36 days").
fn short_year_ends(after: &str, alone: bool) -> bool {
    let b = after.as_bytes();
    let figure_follows = {
        let rest = after.trim_start_matches([' ', ',', '/', '.', '-']);
        rest.len() < after.len() && rest.starts_with(|c: char| c.is_ascii_digit())
    };
    if figure_follows {
        return false;
    }
    !alone
        || match b.first() {
            None => true,
            Some(b' ') => {
                let word = after[1..]
                    .split(|c: char| !c.is_ascii_alphabetic())
                    .next()
                    .unwrap_or("");
                word.starts_with(|c: char| c.is_ascii_lowercase())
                    && !["days", "weeks", "months", "years", "hours", "minutes"].contains(&word)
            }
            Some(c) => matches!(c, b'.' | b',' | b';' | b':' | b')' | b'!' | b'?'),
        }
}
