//! Dates in the rarer forms a text may still give a date of birth in: run
//! together as a form's field prints them ("09NOV1968", "9Nov68"), with
//! the month in Roman numerals as much of Europe writes it ("9 XI 1968",
//! "9.xi.1968"), and with the year in words ("the ninth of November
//! nineteen sixty-eight", "9 November two thousand and five").
//!
//! The first two are read at the numbers that can be their day (one or two
//! digits that begin a word), the third only in a text that holds a word
//! every year in words holds ("nineteen", "eighteen", "thousand",
//! "twenty"): no pass over every byte of every field is added.

use std::ops::Range;
use std::sync::LazyLock;

use memchr::memmem;
use regex::Regex;

use super::day_month::MONTH_WORDS;
use super::{Candidate, month_number, push_date, years, ymd};
use crate::anonymise::digits::digit_runs;
use crate::anonymise::number_words::{ANY_DAY_RE, YEAR_RE, cardinal, ordinal_day, year};

/// A date with its year in words, day first or month first.
static YEAR_IN_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    let day = format!(r"(?:{ANY_DAY_RE}|\d{{1,2}}(?:st|nd|rd|th)?)");
    let month = super::MONTH_RE;
    Regex::new(&format!(
        r"(?i-u)\b(?:({day})(?:\s+of)?[\s-]+{month}|{month}\.?\s+(?:the\s+)?({day}))\.?,?(?:\s+(?:of|in))?\s+({YEAR_RE})\b"
    ))
    .expect("valid regex")
});

/// What every year in words from 1800 holds ("nineteen", "eighteen",
/// "thousand" or "twenty", past its first letter so that one spelling
/// serves a word capitalised or not), in lower case and in capitals. Each
/// is searched for on its own: a search for all at once runs on a slower
/// prefilter (their bytes are common letters), and most texts hold none.
static YEAR_WORDS: LazyLock<[memmem::Finder<'static>; 6]> = LazyLock::new(|| {
    ["teen", "TEEN", "ousand", "OUSAND", "wenty", "WENTY"]
        .map(|w| memmem::Finder::new(w.as_bytes()).into_owned())
});

/// The months in Roman numerals, lower case.
const ROMAN_MONTHS: [&str; 12] = [
    "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii",
];

/// Whether `text` may write a year in words: it holds what every one
/// holds.
fn may_hold_year_in_words(text: &str) -> bool {
    YEAR_WORDS.iter().any(|f| f.find(text.as_bytes()).is_some())
}

/// Dates whose year is written in words.
pub(super) fn years_in_words(text: &str, out: &mut Vec<Candidate>) {
    if !may_hold_year_in_words(text) {
        return;
    }
    for c in YEAR_IN_WORDS.captures_iter(text) {
        // The month's pattern is a group of its own: day first, groups 1
        // and 2; month first, 3 and 4.
        let (day, month) = match (c.get(1), c.get(4)) {
            (Some(day), _) => (day.as_str(), &c[2]),
            (None, Some(day)) => (day.as_str(), &c[3]),
            (None, None) => continue,
        };
        let day = if day.starts_with(|ch: char| ch.is_ascii_digit()) {
            day.trim_end_matches(|ch: char| ch.is_ascii_alphabetic())
                .parse()
                .ok()
        } else {
            ordinal_day(day).or_else(|| cardinal(day).filter(|d| (1..=31).contains(d)))
        };
        let date = day
            .zip(month_number(month))
            .zip(year(&c[5]))
            .and_then(|((d, m), y)| ymd(y, m, d));
        push_date(
            out,
            c.get(0).expect("whole match").range(),
            date.into_iter().collect(),
        );
    }
}

/// Dates run together ("09NOV1968") or with a Roman month ("9.XI.1968"),
/// read at each number of one or two digits that begins a word.
pub(super) fn days_then_letters(text: &str, out: &mut Vec<Candidate>) {
    let b = text.as_bytes();
    for Range { start, end } in digit_runs(b) {
        let starts_word = start == 0 || !b[start - 1].is_ascii_alphanumeric();
        let follows = b.get(end).copied().unwrap_or_default();
        if end - start > 2 || !starts_word {
            continue;
        }
        let read = if follows.is_ascii_alphabetic() {
            run_together(text, start, end)
        } else if matches!(follows, b' ' | b'.' | b'-' | b'/') {
            roman(text, start, end)
        } else {
            None
        };
        if let Some((range, month, year)) = read {
            let day = text[start..end].parse().unwrap_or(0);
            let dates = years(year)
                .into_iter()
                .filter_map(|y| ymd(y, month, day))
                .collect();
            push_date(out, range, dates);
        }
    }
}

/// "09NOV1968", "9Nov68": the month's word and the year straight after the
/// day, the whole a word of its own.
fn run_together(text: &str, start: usize, end: usize) -> Option<(Range<usize>, u32, &str)> {
    let b = text.as_bytes();
    let month_end = end
        + b[end..]
            .iter()
            .take_while(|c| c.is_ascii_alphabetic())
            .count();
    let month = &text[end..month_end];
    if !MONTH_WORDS.iter().any(|w| w.eq_ignore_ascii_case(month)) {
        return None;
    }
    let year_end = year_digits(b, month_end)?;
    Some((
        start..year_end,
        month_number(month)?,
        &text[month_end..year_end],
    ))
}

/// "9 XI 1968", "9.xi.1968", "09-XI-68": a Roman month between the same
/// separator on both sides.
fn roman(text: &str, start: usize, end: usize) -> Option<(Range<usize>, u32, &str)> {
    let b = text.as_bytes();
    let sep = b[end];
    let month_end = end
        + 1
        + b[end + 1..]
            .iter()
            .take_while(|c| b"ivxIVX".contains(c))
            .count();
    let month = roman_month(&text[end + 1..month_end])?;
    if b.get(month_end) != Some(&sep) {
        return None;
    }
    let year_start = month_end + 1;
    let year_end = year_digits(b, year_start)?;
    Some((start..year_end, month, &text[year_start..year_end]))
}

/// The month a Roman numeral names, written in one case throughout ("XI"
/// or "xi"), as a numeral is.
pub(crate) fn roman_month(numeral: &str) -> Option<u32> {
    let one_case = numeral.bytes().all(|c| c.is_ascii_uppercase())
        || numeral.bytes().all(|c| c.is_ascii_lowercase());
    let month = ROMAN_MONTHS
        .iter()
        .position(|r| r.eq_ignore_ascii_case(numeral))?;
    one_case.then_some(month as u32 + 1)
}

/// The end of a year of two or four digits at `at` that ends a word.
fn year_digits(b: &[u8], at: usize) -> Option<usize> {
    let end = at + b[at..].iter().take_while(|c| c.is_ascii_digit()).count();
    let ends_word = b
        .get(end)
        .is_none_or(|c| !c.is_ascii_alphanumeric() && *c != b'_');
    (matches!(end - at, 2 | 4) && ends_word).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::Date;

    fn read(text: &str) -> Vec<(String, Vec<Date>)> {
        let mut out = Vec::new();
        years_in_words(text, &mut out);
        days_then_letters(text, &mut out);
        out.into_iter()
            .map(|c| (text[c.range].to_string(), c.dates))
            .collect()
    }

    fn date(y: i32, m: u8, d: u8) -> Date {
        Date::from_ymd(y, m, d).unwrap()
    }

    #[test]
    fn years_in_words_with_every_kind_of_day() {
        let nov9 = vec![date(1968, 11, 9)];
        for (text, written) in [
            (
                "born on nine November nineteen sixty-eight.",
                "nine November nineteen sixty-eight",
            ),
            (
                "the ninth of November, nineteen sixty eight.",
                "ninth of November, nineteen sixty eight",
            ),
            (
                "on November the ninth nineteen sixty-eight",
                "November the ninth nineteen sixty-eight",
            ),
            (
                "on 9th November in nineteen sixty-eight",
                "9th November in nineteen sixty-eight",
            ),
        ] {
            assert_eq!(read(text), [(written.to_string(), nov9.clone())], "{text}");
        }
        assert_eq!(
            read("on 2 March two thousand and five"),
            [(
                "2 March two thousand and five".to_string(),
                vec![date(2005, 3, 2)]
            )]
        );
        // No year in words, or no date: nothing.
        for text in [
            "twenty minutes on 9 November",
            "nineteen people in November",
            "nine November twenty",
        ] {
            assert!(read(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn run_together_and_roman_months() {
        for (text, written, dates) in [
            ("DOB 09NOV1968.", "09NOV1968", vec![date(1968, 11, 9)]),
            (
                "DOB 9Nov68.",
                "9Nov68",
                vec![date(1968, 11, 9), date(2068, 11, 9)],
            ),
            ("born 9 XI 1968", "9 XI 1968", vec![date(1968, 11, 9)]),
            ("born 9.xi.1968", "9.xi.1968", vec![date(1968, 11, 9)]),
            ("born 09-IV-1968", "09-IV-1968", vec![date(1968, 4, 9)]),
        ] {
            assert_eq!(read(text), [(written.to_string(), dates)], "{text}");
        }
        for text in [
            "ref 09NOV19681",
            "x09NOV1968",
            "9 Xi 1968",
            "9 XI-1968",
            "9 XIII 1968",
            "Part 3 V 2020a",
            "9 November",
        ] {
            assert!(read(text).is_empty(), "{text}");
        }
    }
}
