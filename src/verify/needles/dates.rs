//! Dates as a text may write them, read from its tokens and compared as
//! dates: "9 Nov 68", "9th of November 1968", "November 9, 1968",
//! "09.11.1968", "9/11/68", "1968-11-09", "09111968", "the ninth of
//! November 1968", "9 November in 1968". A numeric date is read
//! both ways (day first and month first) where both exist, and a two-digit
//! year matches any century: the verifier looks for the listed date in any
//! form, not for the one meaning a reader would pick.

use super::lexicon::month;
use super::normal::Text;
use super::said_dates::{cardinal_day, roman_month, run_together, year_in_words};
use crate::case::Date;

/// A year as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Year {
    /// Four digits.
    Full(i32),
    /// Two digits ("'68").
    Short(i32),
}

/// A date found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Written {
    /// Its first token.
    pub first: usize,
    /// Its last token.
    pub last: usize,
    /// The readings: (year, month, day).
    pub readings: Vec<(Year, u8, u8)>,
}

impl Written {
    /// Whether one of its readings is `date`.
    pub fn is(&self, date: Date) -> bool {
        self.readings.iter().any(|&(y, m, d)| {
            let year = match y {
                Year::Full(y) => y == date.year(),
                Year::Short(y) => y == date.year().rem_euclid(100),
            };
            year && m == date.month() && d == date.day()
        })
    }
}

/// Every date written in `text`, by its tokens.
pub(super) fn dates(text: &Text<'_>) -> Vec<Written> {
    let mut out = Vec::new();
    for k in 0..text.tokens.len() {
        let token = text.token(k).as_bytes();
        // Every form starts with a digit or a month.
        let found = if token[0].is_ascii_digit() {
            day_month_year(text, k)
                .or_else(|| numeric(text, k))
                .or_else(|| compact(text, k))
                .or_else(|| joined(text, k))
        } else if (3..=9).contains(&token.len())
            && matches!(
                token[0],
                b'j' | b'f' | b'm' | b'a' | b's' | b'o' | b'n' | b'd'
            )
        {
            month_day_year(text, k).or_else(|| {
                day_in_letters(text, k)
                    .then(|| day_month_year(text, k))
                    .flatten()
            })
        } else if day_in_letters(text, k) {
            // A day in words: "the ninth of November 1968", "nine November".
            day_month_year(text, k)
        } else {
            None
        };
        out.extend(found);
    }
    out
}

/// "9 Nov 68", "9th of November, 1968", "09-Nov-1968", "the ninth of
/// November 1968", "9 November in 1968".
fn day_month_year(text: &Text<'_>, k: usize) -> Option<Written> {
    let (day, day_last) = any_day(text, k)?;
    let mut m = day_last + 1;
    if m < text.tokens.len() && text.token(m) == "of" && date_sep(text, m) {
        m += 1;
    }
    let month_word = text.tokens.get(m).map(|_| text.token(m))?;
    // "9 XI 1968": a Roman month stands only between a day and a year.
    let month = month(month_word).or_else(|| roman_month(month_word))?;
    if !date_sep(text, m) {
        return None;
    }
    // "9 November of 1968", "in 1968": a small word before a full year.
    let before_year = m + 2 < text.tokens.len()
        && matches!(text.token(m + 1), "of" | "in")
        && date_sep(text, m + 1)
        && text.token(m + 2).len() == 4;
    let (year, last) = year_after(text, if before_year { m + 1 } else { m })?;
    Some(Written {
        first: k,
        last,
        readings: vec![(year, month, day)],
    })
}

/// "November 9, 1968", "Nov 9th 68", "November the ninth, nineteen
/// sixty-eight".
fn month_day_year(text: &Text<'_>, k: usize) -> Option<Written> {
    let month = month(text.token(k))?;
    let mut d = k + 1;
    if d + 1 < text.tokens.len() && text.token(d) == "the" {
        d += 1;
    }
    if d >= text.tokens.len() || !date_sep(text, d) {
        return None;
    }
    let (day, day_last) = any_day(text, d)?;
    let (year, last) = year_after(text, day_last)?;
    Some(Written {
        first: k,
        last,
        readings: vec![(year, month, day)],
    })
}

/// "09/11/1968", "9.11.68", "1968-11-09", "09 11 1968", "09 11 68",
/// "9th/11/68", "9/11/'68", "68-11-09": three groups of digits with the
/// same separator (an apostrophe may stand before a short year, a suffix
/// after the day).
fn numeric(text: &Text<'_>, k: usize) -> Option<Written> {
    if k + 2 >= text.tokens.len() {
        return None;
    }
    let (a, b, c) = (text.token(k), text.token(k + 1), text.token(k + 2));
    let all_digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    // "9th": the day's figures.
    let a = if all_digits(a) {
        a
    } else {
        day(a)?;
        a.trim_end_matches(|c: char| c.is_ascii_alphabetic())
    };
    if !(all_digits(b) && all_digits(c)) {
        return None;
    }
    let (s1, s2) = (text.sep(k + 1), text.sep(k + 2));
    let s2 = match s2.strip_suffix('\'') {
        Some(before) if c.len() == 2 => before.to_string(),
        _ => s2,
    };
    let sep_ok = s1 == s2 && matches!(s1.trim(), "/" | "." | "-");
    let spaced = s1 == " " && s2 == " ";
    if !(sep_ok || spaced) {
        return None;
    }
    let n = |s: &str| s.parse::<i32>().ok();
    let mut readings = Vec::new();
    if a.len() <= 2 && b.len() <= 2 && matches!(c.len(), 2 | 4) {
        let year = if c.len() == 4 {
            Year::Full(n(c)?)
        } else {
            Year::Short(n(c)?)
        };
        let (x, y) = (n(a)?, n(b)?);
        readings.extend(valid(year, y, x));
        readings.extend(valid(year, x, y));
        // "68-11-09": a short year first.
        if a.len() == 2 && c.len() == 2 {
            readings.extend(valid(Year::Short(x), y, n(c)?));
        }
    } else if a.len() == 4 && b.len() <= 2 && c.len() <= 2 {
        readings.extend(valid(Year::Full(n(a)?), n(b)?, n(c)?));
    }
    (!readings.is_empty()).then(|| Written {
        first: k,
        last: k + 2,
        readings,
    })
}

/// "09111968", "19681109", "091168": a date without separators, standing
/// alone (not a group of a longer number: "0161 091168").
fn compact(text: &Text<'_>, k: usize) -> Option<Written> {
    let t = text.token(k);
    let digits = |m: usize| text.token(m).bytes().all(|b| b.is_ascii_digit());
    let grouped = |m: usize| {
        text.sep(m)
            .chars()
            .all(|c| c == ' ' || matches!(c, '-' | '.' | '/' | '(' | ')'))
    };
    if !matches!(t.len(), 6 | 8) || !digits(k) {
        return None;
    }
    let in_number = (k > 0 && digits(k - 1) && grouped(k))
        || (k + 1 < text.tokens.len() && digits(k + 1) && grouped(k + 1));
    if in_number {
        return None;
    }
    let n = |r: std::ops::Range<usize>| t[r].parse::<i32>().ok();
    let mut readings = Vec::new();
    match t.len() {
        8 => {
            readings.extend(valid(Year::Full(n(4..8)?), n(2..4)?, n(0..2)?));
            readings.extend(valid(Year::Full(n(0..4)?), n(4..6)?, n(6..8)?));
        }
        6 => readings.extend(valid(Year::Short(n(4..6)?), n(2..4)?, n(0..2)?)),
        _ => {}
    }
    (!readings.is_empty()).then_some(Written {
        first: k,
        last: k,
        readings,
    })
}

/// Whether token `k` can start a day in words: an ordinal ("ninth",
/// "twenty-first") or a cardinal ("nine").
fn day_in_letters(text: &Text<'_>, k: usize) -> bool {
    ordinal_like(text.token(k).as_bytes()) || cardinal_day(text, k).is_some()
}

/// "09nov1968": a date run together in one token.
fn joined(text: &Text<'_>, k: usize) -> Option<Written> {
    let (day, month, year) = run_together(text, k)?;
    let n: i32 = year.parse().ok()?;
    let year = if year.len() == 4 {
        Year::Full(n)
    } else {
        Year::Short(n)
    };
    Some(Written {
        first: k,
        last: k,
        readings: vec![(year, month, day)],
    })
}

/// A day of the month at token `k`, with its last token: in figures
/// ("9th"), or in words as an ordinal ("ninth") or a cardinal ("nine").
fn any_day(text: &Text<'_>, k: usize) -> Option<(u8, usize)> {
    day(text.token(k))
        .map(|d| (d, k))
        .or_else(|| day_in_words(text, k))
        .or_else(|| cardinal_day(text, k))
}

/// A reading, if the month and day can be a date.
fn valid(year: Year, month: i32, day: i32) -> Option<(Year, u8, u8)> {
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some((year, month as u8, day as u8))
}

/// A day of the month: "9", "09", "9th", "21st".
fn day(token: &str) -> Option<u8> {
    let digits = token.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &token[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    let d: u8 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

/// Whether a token can start a day in words: an ordinal's ending, or the
/// tens of the days after the twentieth.
fn ordinal_like(token: &[u8]) -> bool {
    token.len() >= 5
        && (matches!(&token[token.len() - 2..], b"th" | b"st" | b"nd" | b"rd")
            || token == b"twenty"
            || token == b"thirty")
}

/// The ordinals of the days of the month up to the nineteenth (a later
/// day is "twenty" or "thirty" and one of the first nine, or "twentieth",
/// "thirtieth").
const ORDINAL_DAYS: [&str; 19] = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];

/// A day of the month in words at token `k` ("ninth", "twentieth",
/// "twenty first", "twenty-first": one or two tokens), with its last
/// token.
fn day_in_words(text: &Text<'_>, k: usize) -> Option<(u8, usize)> {
    let ordinal = |t: &str| {
        ORDINAL_DAYS
            .iter()
            .position(|o| *o == t)
            .map(|i| i as u8 + 1)
    };
    let t = text.token(k);
    let tens = match t {
        "twentieth" => return Some((20, k)),
        "thirtieth" => return Some((30, k)),
        "twenty" => 20,
        "thirty" => 30,
        _ => return ordinal(t).map(|d| (d, k)),
    };
    let u = k + 1;
    if u >= text.tokens.len() || !matches!(text.sep(u).as_str(), " " | "-") {
        return None;
    }
    let day = tens + ordinal(text.token(u)).filter(|&d| d < 10)?;
    (day <= 31).then_some((day, u))
}

/// The year after token `k`: four digits, or two ("68", "'68").
fn year_after(text: &Text<'_>, k: usize) -> Option<(Year, usize)> {
    let y = k + 1;
    if y >= text.tokens.len() {
        return None;
    }
    let sep = text.sep(y);
    let sep_ok = sep
        .chars()
        .all(|c| c.is_whitespace() || matches!(c, ',' | '.' | '-' | '/' | '\''))
        && sep.chars().count() <= 3;
    let t = text.token(y);
    if !sep_ok {
        return None;
    }
    if !t.bytes().all(|b| b.is_ascii_digit()) {
        // "nineteen sixty-eight"
        return year_in_words(text, y).map(|(n, last)| (Year::Full(n), last));
    }
    let n: i32 = t.parse().ok()?;
    match t.len() {
        4 => Some((Year::Full(n), y)),
        2 => Some((Year::Short(n), y)),
        _ => None,
    }
}

/// Whether the separator before token `k` can stand inside a written date.
fn date_sep(text: &Text<'_>, k: usize) -> bool {
    let sep = text.sep(k);
    !sep.is_empty()
        && sep.chars().count() <= 3
        && sep
            .chars()
            .all(|c| c.is_whitespace() || matches!(c, ',' | '.' | '-' | '/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(s: &str, date: Date) -> bool {
        dates(&Text::new(s)).iter().any(|w| w.is(date))
    }

    #[test]
    fn every_common_form_of_a_date_is_read() {
        let born = Date::from_ymd(1968, 11, 9).unwrap();
        for s in [
            "born 9 Nov 68.",
            "born 9 November 1968",
            "born 09.11.1968",
            "born 9/11/68",
            "born 11/09/1968",
            "born November 9, 1968",
            "born Nov. 9th 1968",
            "born 9th of November 1968",
            "born 9-Nov-1968",
            "born 1968-11-09",
            "born 09111968",
            "born 091168",
            "born Saturday, 9 November '68",
            "born 09 11 1968",
            "born on the ninth of November 1968",
            "born on the 9th of November in 1968",
            "born 9 November of 1968",
            "born 09NOV1968",
            "born 9nov68",
            "born 9 XI 1968",
            "born 9.xi.1968",
            "born nine November nineteen sixty-eight",
            "born the ninth of November, nineteen sixty eight",
            "born November the ninth, nineteen sixty-eight",
            "born 9 November nineteen sixty-eight",
            "born 9 11 68",
            "born 9/11/'68",
            "born 09.11.\u{2019}68",
            "born 9th/11/68",
            "born 68-11-09",
            "born 1968.11.09",
        ] {
            assert!(found(s, born), "{s}");
        }
    }

    #[test]
    fn other_dates_and_numbers_are_not_the_date() {
        let born = Date::from_ymd(1968, 11, 9).unwrap();
        for s in [
            "9 November 1969",
            "10 November 1968",
            "November 1968",
            "reference 23 004 118",
            "07700 900461",
            "call 0161 091168",
            "the tenth of November 1968",
            "the ninth of November 1969",
            "9 November in 68 days",
            "9 XII 1968",
            "nine November nineteen sixty-nine",
            "09nov1969",
            "nine November",
        ] {
            assert!(!found(s, born), "{s}");
        }
    }
}
