//! Day-first dates with the month in words: "3 May 2024", "12th of March,
//! '48", "1-Jan-2020". Most texts with numbers hold several, so they are
//! read where they can start (a number of one or two digits that begins a
//! word) rather than by a regex's scan of every byte. What is read is the
//! language of this pattern, match for match (a test holds the two to it):
//!
//! ```text
//! (?i-u)\b(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?[\s-]+MONTH\.?,?[\s-]+'?(\d{4}|\d{2})\b
//! ```
//!
//! where MONTH is a month's name or its abbreviation ("Sept" too).

use std::ops::Range;

use super::is_space;
use crate::anonymise::digits::digit_runs;

/// A day-first date as written: where it is and its three parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct DayMonth<'a> {
    pub range: Range<usize>,
    pub day: &'a str,
    pub month: &'a str,
    pub year: &'a str,
}

/// The month words the pattern accepts, lower case.
pub(super) const MONTH_WORDS: [&str; 25] = [
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "sepember",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
];

/// Every day-first date of an ASCII text, in order, none overlapping.
pub(super) fn day_months(text: &str) -> Vec<DayMonth<'_>> {
    let b = text.as_bytes();
    let mut out: Vec<DayMonth<'_>> = Vec::new();
    for Range { start, end } in digit_runs(b) {
        let inside_last = out.last().is_some_and(|d| start < d.range.end);
        if inside_last || end - start > 2 || (start > 0 && is_word(b[start - 1])) {
            continue;
        }
        out.extend(read_at(text, start, end));
    }
    out
}

/// The date whose day is `text[start..end]`, if one is written there.
fn read_at(text: &str, start: usize, end: usize) -> Option<DayMonth<'_>> {
    let b = text.as_bytes();
    let mut at = end;
    if b.get(at..at + 2).is_some_and(|s| {
        ["st", "nd", "rd", "th"]
            .iter()
            .any(|x| s.eq_ignore_ascii_case(x.as_bytes()))
    }) {
        at += 2;
    }
    let month_start = month_after(b, at)?;
    let month_end = run(b, month_start, u8::is_ascii_alphabetic);
    let month = &text[month_start..month_end];
    if !MONTH_WORDS.iter().any(|w| w.eq_ignore_ascii_case(month)) {
        return None;
    }
    let mut at = month_end;
    if b.get(at) == Some(&b'.') {
        at += 1;
    }
    if b.get(at) == Some(&b',') {
        at += 1;
    }
    let gap = run(b, at, is_separator);
    if gap == at {
        return None;
    }
    let mut year_start = gap;
    if b.get(year_start) == Some(&b'\'') {
        year_start += 1;
    }
    let year_end = run(b, year_start, u8::is_ascii_digit);
    let whole_word = b.get(year_end).is_none_or(|&c| !is_word(c));
    if !matches!(year_end - year_start, 2 | 4) || !whole_word {
        return None;
    }
    Some(DayMonth {
        range: start..year_end,
        day: &text[start..end],
        month,
        year: &text[year_start..year_end],
    })
}

/// Where the month's word starts after a day that ends at `at`: past
/// spaces and hyphens, or past spaces, "of", and spaces and hyphens.
fn month_after(b: &[u8], at: usize) -> Option<usize> {
    let gap = run(b, at, is_separator);
    if gap > at && b.get(gap).is_some_and(u8::is_ascii_alphabetic) && !is_of(b, gap) {
        return Some(gap);
    }
    let spaces = run(b, at, |c| is_space(*c));
    if spaces == at || !is_of(b, spaces) {
        return None;
    }
    let gap = run(b, spaces + 2, is_separator);
    (gap > spaces + 2).then_some(gap)
}

/// Whether the word "of" (any case) starts at `at`, as the pattern reads
/// it: two letters, whatever follows.
fn is_of(b: &[u8], at: usize) -> bool {
    b.get(at..at + 2)
        .is_some_and(|s| s.eq_ignore_ascii_case(b"of"))
}

/// The end of the run of bytes from `at` that `keep`.
fn run(b: &[u8], at: usize, keep: impl Fn(&u8) -> bool) -> usize {
    at + b[at.min(b.len())..].iter().take_while(|c| keep(c)).count()
}

/// `[\s-]` of an ASCII pattern.
fn is_separator(c: &u8) -> bool {
    is_space(*c) || *c == b'-'
}

/// `\w` of an ASCII pattern.
fn is_word(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    /// The pattern in the module docs, with its month words.
    fn pattern() -> Regex {
        Regex::new(concat!(
            r"(?i-u)\b(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?[\s-]+",
            r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)",
            r"\.?,?[\s-]+'?(\d{4}|\d{2})\b",
        ))
        .unwrap()
    }

    fn by_pattern<'a>(re: &Regex, text: &'a str) -> Vec<DayMonth<'a>> {
        re.captures_iter(text)
            .map(|c| DayMonth {
                range: c.get(0).unwrap().range(),
                day: c.get(1).unwrap().as_str(),
                month: c.get(2).unwrap().as_str(),
                year: c.get(3).unwrap().as_str(),
            })
            .collect()
    }

    #[test]
    fn reads_what_the_pattern_matches() {
        let re = pattern();
        for text in [
            "On 3 May 2024 and the 12th of March, '48; 1-Jan-2020 x",
            "3rd  of\t-SEPT. 1999_ 4 Sepember 20, 5 june 202 6 jun 20233",
            "112 May 2020, a3 May 2020, 7 off May 2020, 8 of May, 2020",
            "9th -of May 2020 and 10 OF-may.- '21 and 11st Maybe 2020",
        ] {
            assert_eq!(day_months(text), by_pattern(&re, text), "{text:?}");
        }
        // Many short strings made of the pattern's pieces.
        let pieces = [
            "3", "12", "123", "st", "TH", " ", "  ", "-", "\t", "of", "Of ", "May", "Sept",
            "sepember", "march", "Marc", "Jun", ".", ",", "'", "2020", "20", "202", "x", "_",
            "\u{b}",
        ];
        let mut seed = 5_u64;
        for _ in 0..60_000 {
            let mut text = String::new();
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            for _ in 0..3 + (seed >> 60) as usize {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            assert_eq!(day_months(&text), by_pattern(&re, &text), "{text:?}");
        }
    }
}
