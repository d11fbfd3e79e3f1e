//! Candidate finders for structured values: email addresses, UK phone
//! numbers, NHS numbers, National Insurance numbers, postcodes and dates in
//! every written form. A candidate is only a shape;
//! the caller decides what it is by its key: a listed value, or (for the
//! unlisted detectors) one that passes validation in context.
//!
//! Numbers are found whatever separates their digits: spaces, hyphens, en
//! and em dashes, dots, slashes or nothing. Text with characters outside
//! ASCII is searched through an ASCII view of it (typographic dashes and
//! spaces made plain, fullwidth digits and letters made ASCII, invisible
//! characters dropped), mapped back to the original bytes.
//!
//! The regexes are compiled once per process. Two of them (phone numbers,
//! month-first dates) run without the regex crate's literal prefilter: their
//! literals ("0", month names such as "Dec") occur in nearly every line of a
//! decision ("2020", "decision"), and restarting the prefilter at each one
//! made them three times slower than a plain DFA scan.
//!
//! A regex runs only over a text that can hold a match, as read from its
//! bytes: every shape but an email needs a digit, a numeric date a digit, a
//! separator and a digit side by side, a month-first date a day between
//! spaces with its year after it. Half the fields of a case hold none of
//! these, and a check of the bytes is far cheaper than a DFA scan. The
//! phone, NHS, National Insurance and postcode shapes run only where the rarer
//! patterns' one pass ([`Rare`]) says they can match, and day-first dates
//! with the month in words, which most texts hold, are read at their
//! numbers ([`day_month`]) rather than by a regex. Dates in rarer forms
//! (run together, a Roman month, a year in words) are [`odd_dates`]'s.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use regex_automata::meta;
use regex_automata::util::syntax;

mod day_month;
mod odd_dates;

pub(crate) use odd_dates::roman_month;

use super::digits::digit_runs;
use super::rare::Rare;
use crate::case::Date;
use crate::ids;

/// What shape a candidate has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Shape {
    Email,
    Phone,
    Nhs,
    Nino,
    Postcode,
    Date,
}

/// A value-shaped span of a text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Candidate {
    pub range: Range<usize>,
    pub shape: Shape,
    /// The normalised key (emails lower case, numbers digits only, …);
    /// empty for dates.
    pub key: String,
    /// For dates: every calendar date the text could mean (day-month and
    /// month-day orders, both centuries of a two-digit year).
    pub dates: Vec<Date>,
}

const MONTH_RE: &str = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u)[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+")
        .expect("valid regex")
});
/// A UK phone number's shape (the rarer patterns' pass reads it too).
pub(crate) const PHONE_PATTERN: &str =
    r"(?:(?:\+44|0044)\s?(?:\(0\)\s?)?|\(?0)\d[\d\s\-.()/]{7,16}\d";
static PHONE: LazyLock<meta::Regex> = LazyLock::new(|| without_prefilter(PHONE_PATTERN));
/// An NHS number's shape (the rarer patterns' pass reads it too).
pub(crate) const NHS_PATTERN: &str = r"(?-u)\b\d{3}[\s./-]{0,3}\d{3}[\s./-]{0,3}\d{4}\b";
/// A National Insurance number's shape; its letters may be spaced or
/// dotted as initials are ("J.T. 48 21 93 C").
pub(crate) const NINO_PATTERN: &str = r"(?i-u)\b[A-Z][\s./-]{0,2}[A-Z][\s./-]{0,3}\d{2}[\s./-]{0,3}\d{2}[\s./-]{0,3}\d{2}[\s./-]{0,3}[A-D]\b";
/// A postcode's shape. Up to three spaces or a hyphen between the halves:
/// a typed "NR17  2DW" is the same postcode, and so are one broken over a
/// line of the case file and one joined as a form's field joins it
/// ("NR17-2DW").
pub(crate) const POSTCODE_PATTERN: &str =
    r"(?i-u)\b(?:GIR[\s-]{0,3}0AA|[A-Z]{1,2}\d[A-Z\d]?(?:\s{0,3}|\s?-\s?)\d[A-Z]{2})\b";
static NHS: LazyLock<Regex> = LazyLock::new(|| Regex::new(NHS_PATTERN).expect("valid regex"));
static NINO: LazyLock<Regex> = LazyLock::new(|| Regex::new(NINO_PATTERN).expect("valid regex"));
static POSTCODE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(POSTCODE_PATTERN).expect("valid regex"));
/// Day, month and year in figures, one separator between each: "09/11/1968",
/// "9.11.68", with a suffix after the day ("9th/11/68") or an apostrophe
/// before a short year ("9/11/'68").
static DATE_NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u)\b(\d{1,2})(?i:st|nd|rd|th)?([/.\-])(\d{1,2})([/.\-])'?(\d{4}|\d{2})\b")
        .expect("valid regex")
});
/// Year first: "1968-11-09", "1968.11.09", "1968/11/9".
static DATE_YEAR_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u)\b(\d{4})([/.\-])(\d{1,2})([/.\-])(\d{1,2})\b").expect("valid regex")
});
/// A day in words, or a year after "of" or "in": "the second of March
/// 1936", "2nd of March in 1936" (the other day-first forms are
/// [`day_month`]'s).
static DATE_WORDY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i-u)\b({}|\d{{1,2}}(?:st|nd|rd|th)?)(?:\s+of)?[\s-]+{MONTH_RE}\.?,?(\s+(?:of|in))?[\s-]+'?(\d{{4}}|\d{{2}})\b",
        super::number_words::DAY_RE
    ))
    .expect("valid regex")
});
static DATE_MONTH_DAY: LazyLock<meta::Regex> = LazyLock::new(|| {
    without_prefilter(&format!(
        r"(?i)\b{MONTH_RE}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+'?(\d{{4}}|\d{{2}})\b"
    ))
});

/// An ASCII-only regex that scans with its DFA alone (see the module docs).
fn without_prefilter(pattern: &str) -> meta::Regex {
    meta::Regex::builder()
        .configure(meta::Config::new().auto_prefilter(false))
        .syntax(syntax::Config::new().unicode(false))
        .build(pattern)
        .expect("valid regex")
}

/// Every value-shaped candidate in `text`, in no particular order.
pub(crate) fn candidates(text: &str) -> Vec<Candidate> {
    candidates_of(text, Rare::UNREAD)
}

/// [`candidates`], skipping the shapes `rare` (read from `text`) rules out.
pub(crate) fn candidates_of(text: &str, rare: Rare) -> Vec<Candidate> {
    if text.is_ascii() {
        return ascii_candidates(text, rare);
    }
    // The view of a text outside ASCII can hold a shape its text does not
    // ("０７７００" for "07700"): every shape is looked for.
    let view = AsciiView::new(text);
    let mut out = ascii_candidates(&view.text, Rare::UNREAD);
    for c in &mut out {
        c.range = view.orig_range(c.range.clone());
    }
    out
}

/// An ASCII copy of a text for the value regexes (and the record numbers'
/// search), with a map back.
pub(crate) struct AsciiView<'a> {
    orig: &'a str,
    pub(crate) text: String,
    /// Where the copy and the original part ways: at each `(view,
    /// original)` offset a stretch starts that runs on byte for byte (ASCII
    /// copied as it is) or a character outside ASCII stands as one byte.
    marks: Vec<(usize, usize)>,
}

impl<'a> AsciiView<'a> {
    pub(crate) fn new(orig: &'a str) -> Self {
        let mut text = String::with_capacity(orig.len());
        let mut marks = vec![(0, 0)];
        let mut at = 0;
        let bytes = orig.as_bytes();
        while at < orig.len() {
            // ASCII runs on as it is.
            let run = bytes[at..]
                .iter()
                .position(|b| !b.is_ascii())
                .unwrap_or(orig.len() - at);
            text.push_str(&orig[at..at + run]);
            at += run;
            let Some(c) = orig[at..].chars().next() else {
                break;
            };
            let plain = match c {
                '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}' => Some('-'),
                '\u{FF0E}' => Some('.'),
                '\u{FF0F}' | '\u{2044}' | '\u{2215}' => Some('/'),
                '\u{FF10}'..='\u{FF19}' => Some(char::from(b'0' + (c as u32 - 0xFF10) as u8)),
                '\u{FF21}'..='\u{FF3A}' => Some(char::from(b'A' + (c as u32 - 0xFF21) as u8)),
                '\u{FF41}'..='\u{FF5A}' => Some(char::from(b'a' + (c as u32 - 0xFF41) as u8)),
                '\u{FF08}' => Some('('),
                '\u{FF09}' => Some(')'),
                '\u{FF0B}' => Some('+'),
                // A short year's apostrophe ("Nov ’68").
                '\u{2018}' | '\u{2019}' => Some('\''),
                c if super::fold::is_invisible(c) => None,
                c if c.is_whitespace() => Some(' '),
                // Any other character: not part of a number, a boundary.
                _ => Some('\u{1}'),
            };
            if let Some(plain) = plain {
                marks.push((text.len(), at));
                text.push(plain);
            }
            at += c.len_utf8();
            marks.push((text.len(), at));
        }
        Self { orig, text, marks }
    }

    /// The original byte of view byte `v` (`v` below the view's length).
    fn orig_at(&self, v: usize) -> usize {
        let k = self.marks.partition_point(|&(view, _)| view <= v) - 1;
        let (view, orig) = self.marks[k];
        orig + (v - view)
    }

    /// The original bytes of the view's `range`.
    pub(crate) fn orig_range(&self, range: Range<usize>) -> Range<usize> {
        let start = if range.start < self.text.len() {
            self.orig_at(range.start)
        } else {
            self.orig.len()
        };
        let end = match range.end.checked_sub(1).filter(|&i| i < self.text.len()) {
            Some(i) => {
                let last = self.orig_at(i);
                last + self.orig[last..].chars().next().map_or(0, char::len_utf8)
            }
            None => start,
        };
        start..end
    }
}

fn ascii_candidates(text: &str, rare: Rare) -> Vec<Candidate> {
    let mut out = Vec::new();
    if memchr::memchr(b'@', text.as_bytes()).is_some() {
        emails(text, &mut out);
    }
    out.extend(
        super::spelt_email::find(text)
            .into_iter()
            .map(|(range, key)| Candidate {
                range,
                shape: Shape::Email,
                key,
                dates: Vec::new(),
            }),
    );
    // A phone or NHS number read out in words ("oh seven seven double oh…").
    for (range, digits) in super::spelt_digits::find(text) {
        if let Some(key) = ids::phone_key(&digits) {
            out.push(Candidate {
                range: range.clone(),
                shape: Shape::Phone,
                key,
                dates: Vec::new(),
            });
        } else if digits.len() == 10 {
            out.push(Candidate {
                range,
                shape: Shape::Nhs,
                key: digits,
                dates: Vec::new(),
            });
        }
    }
    odd_dates::years_in_words(text, &mut out);
    // Every other shape holds a digit; half the fields of a case hold none.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return out;
    }
    if rare.phone {
        phones(text, &mut out);
    }
    if rare.nhs {
        simple(text, &NHS, Shape::Nhs, &mut out, |s| {
            Some(ids::digits(s)).filter(|d| d.len() == 10)
        });
    }
    if rare.nino {
        simple(text, &NINO, Shape::Nino, &mut out, ids::nino_key);
    }
    if rare.postcode {
        simple(
            text,
            &POSTCODE,
            Shape::Postcode,
            &mut out,
            ids::postcode_key,
        );
    }
    dates(text, &mut out);
    out
}

fn emails(text: &str, out: &mut Vec<Candidate>) {
    for m in EMAIL.find_iter(text) {
        let trimmed = m.as_str().trim_end_matches(['.', '-']);
        let range = m.start()..m.start() + trimmed.len();
        let key = ids::email_key(trimmed);
        out.push(Candidate {
            range,
            shape: Shape::Email,
            key,
            dates: Vec::new(),
        });
    }
}

/// Phone candidates: the longest prefix of each run that is a UK number.
fn phones(text: &str, out: &mut Vec<Candidate>) {
    let digit_at = |s: &str| s.starts_with(|c: char| c.is_ascii_digit());
    for m in PHONE.find_iter(text) {
        let (start, s) = (m.start(), &text[m.range()]);
        if text[..start]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit())
        {
            continue; // part of a longer number: a reference, not a phone
        }
        let mut ends: Vec<usize> = s
            .char_indices()
            .filter(|(_, c)| c.is_ascii_digit())
            .map(|(i, _)| i + 1)
            .collect();
        ends.reverse();
        for end in ends {
            // "(07700 900461)": a bracket around the whole number is the
            // sentence's, not an area code's.
            let bracket = usize::from(s.starts_with('(') && !s[..end].contains(')'));
            let range = start + bracket..start + end;
            if let Some(key) = ids::phone_key(&s[..end])
                && !digit_at(&text[range.end..])
            {
                out.push(Candidate {
                    range,
                    shape: Shape::Phone,
                    key,
                    dates: Vec::new(),
                });
                break;
            }
        }
    }
}

fn simple(
    text: &str,
    re: &Regex,
    shape: Shape,
    out: &mut Vec<Candidate>,
    key: impl Fn(&str) -> Option<String>,
) {
    for m in re.find_iter(text) {
        if matches!(shape, Shape::Nhs) && digit_adjacent(text, m.start(), m.end()) {
            continue;
        }
        if let Some(key) = key(m.as_str()) {
            out.push(Candidate {
                range: m.range(),
                shape,
                key,
                dates: Vec::new(),
            });
        }
    }
}

/// Whether a digit sits next to `start..end`, directly or across one
/// digit-group separator (so "0044 191 498 0123" does not hold an NHS number).
pub(crate) fn digit_adjacent(text: &str, start: usize, end: usize) -> bool {
    let before: Vec<char> = text[..start].chars().rev().take(2).collect();
    let after: Vec<char> = text[end..].chars().take(2).collect();
    let near = |side: &[char]| match side {
        [d, ..] if d.is_ascii_digit() => true,
        [s, d, ..] if matches!(s, ' ' | '-' | '.' | '/') && d.is_ascii_digit() => true,
        _ => false,
    };
    near(&before) || near(&after)
}

fn dates(text: &str, out: &mut Vec<Candidate>) {
    // Numeric dates have a digit, a separator and a digit; month-first
    // dates a day and a year after it: a text without them is not read.
    if digit_separator_digit(text) {
        numeric_dates(text, out);
    }
    for d in day_month::day_months(text) {
        let dates = month_number(d.month)
            .map(|m| {
                years(d.year)
                    .into_iter()
                    .filter_map(|y| ymd(y, m, num(d.day)))
                    .collect()
            })
            .unwrap_or_default();
        push_date(out, d.range, dates);
    }
    odd_dates::days_then_letters(text, out);
    if wordy_date_possible(text.as_bytes()) {
        wordy_dates(text, out);
    }
    if !day_then_year(text.as_bytes()) {
        return;
    }
    for c in DATE_MONTH_DAY.captures_iter(text) {
        let group = |i| c.get_group(i).map_or("", |span| &text[span.range()]);
        let dates = month_number(group(1))
            .map(|m| {
                years(group(3))
                    .into_iter()
                    .filter_map(|y| ymd(y, m, num(group(2))))
                    .collect()
            })
            .unwrap_or_default();
        push_date(out, c.get_match().expect("a match").range(), dates);
    }
}

/// Dates with a day in words or "of" or "in" before a four-digit year.
fn wordy_dates(text: &str, out: &mut Vec<Candidate>) {
    for c in DATE_WORDY.captures_iter(text) {
        let written = &c[1];
        let in_words = written.starts_with(|ch: char| ch.is_ascii_alphabetic());
        let before_year = c.get(3).is_some() && c[4].len() == 4;
        if !(in_words || before_year) {
            continue;
        }
        let day = if in_words {
            super::number_words::ordinal_day(written)
        } else {
            Some(num(
                written.trim_end_matches(|ch: char| ch.is_ascii_alphabetic())
            ))
        };
        let dates = month_number(&c[2])
            .zip(day)
            .map(|(m, d)| {
                years(&c[4])
                    .into_iter()
                    .filter_map(|y| ymd(y, m, d))
                    .collect()
            })
            .unwrap_or_default();
        push_date(out, c.get(0).expect("whole match").range(), dates);
    }
}

/// Whether a text may write a date with a day in words or a year after
/// "of" or "in": it has an ordinal before " of " ("second of", "2nd of"),
/// or a month before " of " or " in " and four digits ("March in 1936").
fn wordy_date_possible(b: &[u8]) -> bool {
    let ordinal_of = super::number_words::ordinals_before_of(b).next().is_some();
    let month_then_year = |w: &[u8]| {
        memchr::memmem::find_iter(b, w).any(|i| {
            let year = b
                .get(i + 4..i + 8)
                .is_some_and(|y| y.iter().all(u8::is_ascii_digit));
            let word_start = b[..i]
                .iter()
                .rposition(|c| !c.is_ascii_alphabetic())
                .map_or(0, |p| p + 1);
            year && std::str::from_utf8(&b[word_start..i]).is_ok_and(is_month_word)
        })
    };
    ordinal_of || month_then_year(b" of ") || month_then_year(b" in ")
}

/// A month's name or its abbreviation ("March", "Mar", "Sept").
fn is_month_word(w: &str) -> bool {
    crate::case::MONTHS.iter().any(|m| {
        m.eq_ignore_ascii_case(w)
            || (w.len() == 3 && m[..3].eq_ignore_ascii_case(w))
            || (w.eq_ignore_ascii_case("sept") && m.starts_with("Sep"))
    })
}

/// Numeric dates: day and month either way round, and ISO dates.
fn numeric_dates(text: &str, out: &mut Vec<Candidate>) {
    for c in DATE_NUMERIC.captures_iter(text) {
        if c[2] != c[4] {
            continue;
        }
        let (a, b) = (num(&c[1]), num(&c[3]));
        let mut dates = Vec::new();
        for year in years(&c[5]) {
            dates.extend(ymd(year, b, a)); // UK: day/month
            dates.extend(ymd(year, a, b)); // US: month/day
        }
        // "68-11-09": a first number no day or month can be is a short
        // year, year first.
        if a > 31 && c[5].len() == 2 {
            for year in years(&c[1]) {
                dates.extend(ymd(year, b, num(&c[5])));
            }
        }
        dates.dedup();
        push_date(out, c.get(0).expect("whole match").range(), dates);
    }
    for c in DATE_YEAR_FIRST.captures_iter(text) {
        if c[2] != c[4] {
            continue;
        }
        let dates = ymd(num(&c[1]) as i32, num(&c[3]), num(&c[5]))
            .into_iter()
            .collect();
        push_date(out, c.get(0).expect("whole match").range(), dates);
    }
}

/// A date candidate, if the text's date is a date on some reading.
fn push_date(out: &mut Vec<Candidate>, range: Range<usize>, dates: Vec<Date>) {
    if !dates.is_empty() {
        out.push(Candidate {
            range,
            shape: Shape::Date,
            key: String::new(),
            dates,
        });
    }
}

/// Whether a digit, one of `/.-` and a digit follow one another.
fn digit_separator_digit(text: &str) -> bool {
    text.as_bytes()
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && b"/.-".contains(&w[1]) && w[2].is_ascii_digit())
}

/// Whether a day stands between spaces and a year, as a month-first date
/// writes it ("March 12, 1948", "Nov 9 '68"): a space, one or two digits,
/// maybe "st" (or another suffix) and a comma, a space, maybe an
/// apostrophe, and a digit.
fn day_then_year(b: &[u8]) -> bool {
    digit_runs(b).any(|Range { start, end }| {
        let spaced = start > 0 && is_space(b[start - 1]);
        spaced && end - start <= 2 && year_follows(&b[end..])
    })
}

/// Whether `rest`, after a day, goes on as a month-first date's year does:
/// maybe a suffix and a comma, a space, maybe an apostrophe, a digit.
fn year_follows(rest: &[u8]) -> bool {
    let suffixed = rest.len() >= 2
        && [b"st", b"nd", b"rd", b"th"]
            .iter()
            .any(|s| rest[..2].eq_ignore_ascii_case(&s[..]));
    let rest = if suffixed { &rest[2..] } else { rest };
    let rest = rest.strip_prefix(b",").unwrap_or(rest);
    let spaces = rest.iter().take_while(|&&c| is_space(c)).count();
    let rest = &rest[spaces..];
    let rest = rest.strip_prefix(b"'").unwrap_or(rest);
    spaces > 0 && rest.first().is_some_and(u8::is_ascii_digit)
}

/// `\s` of an ASCII pattern (vertical tab included).
fn is_space(c: u8) -> bool {
    c.is_ascii_whitespace() || c == 0x0B
}

fn num(s: &str) -> u32 {
    s.parse().unwrap_or(0)
}

fn years(s: &str) -> Vec<i32> {
    let y = num(s) as i32;
    if s.len() == 4 {
        vec![y]
    } else {
        vec![1900 + y, 2000 + y]
    }
}

fn ymd(year: i32, month: u32, day: u32) -> Option<Date> {
    Date::from_ymd(year, u8::try_from(month).ok()?, u8::try_from(day).ok()?)
}

/// The month number of an English month name or abbreviation.
pub(crate) fn month_number(name: &str) -> Option<u32> {
    let lower = name.to_ascii_lowercase();
    let prefix = lower.get(..3)?;
    crate::case::MONTHS
        .iter()
        .position(|m| m[..3].eq_ignore_ascii_case(prefix))
        .map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests;
