//! Matching listed structured values: phones, NHS, NI and record numbers,
//! postcodes, emails (and addresses nobody listed that carry a listed name),
//! dates of birth and of death (an age beside a date: `ages`).

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::{Category, Hit, Identifiers, Source};
use crate::anonymise::born::born_before_year;
use crate::anonymise::digits::{digit_runs, four_digit_runs};
use crate::anonymise::values::{self, Shape};
use crate::case::Date;

/// What a listed value of `shape` (a phone, NHS, NI number or postcode)
/// is, as a hit says.
pub(super) fn value_category(shape: Shape) -> Category {
    match shape {
        Shape::Phone => Category::Phone,
        Shape::Nhs => Category::NhsNumber,
        Shape::Nino => Category::NiNumber,
        _ => Category::Postcode,
    }
}

/// A month and year ("March 1936", "Mar. 1936", "03/1936") or a year alone.
static PARTIAL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i-u)\b(?:{MONTH}\.?,?(?:\s+(?:of|in))?\s+|(\d{{1,2}})[/.-])?((?:18|19|20)\d{{2}})\b"
    ))
    .expect("valid regex")
});

/// A month's name or its abbreviation, captured (a pattern's piece).
pub(super) const MONTH: &str = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

/// Words before a partial date that make it a date of birth.
const BIRTH_WORDS: [&str; 5] = ["born", "birth", "dob", "d.o.b", "b."];

impl Identifiers {
    /// The listed values among `candidates`, the value-shaped pieces of
    /// `text` ([`values::candidates`], found once for every reader of the
    /// text).
    pub(super) fn value_hits(&self, text: &str, candidates: &[values::Candidate]) -> Vec<Hit> {
        let mut hits = Vec::new();
        for c in candidates {
            let found = match c.shape {
                Shape::Date => self.date_hit(text, c),
                Shape::Email => self.email_hit(c),
                shape => self.values.get(&(shape, c.key.clone())).map(|&p| {
                    let category = value_category(shape);
                    let placeholder = category.placeholder();
                    Hit::new(
                        Source::Listed,
                        c.range.clone(),
                        category,
                        Some(p),
                        placeholder,
                    )
                }),
            };
            hits.extend(found);
        }
        hits.extend(self.records.hits(text));
        hits.extend(self.nhs_in_other_groupings(text));
        if text.bytes().any(|b| b.is_ascii_digit()) {
            hits.extend(self.partial_numbers(text));
            if !(self.births.is_empty() && self.deaths.is_empty()) {
                hits.extend(self.listed_dates_in_figures(text));
            }
        }
        if !self.births.is_empty() {
            // Where the text writes a year, read once for both.
            let years: Vec<usize> = four_digit_runs(text).collect();
            hits.extend(self.partial_births(text, &years));
            hits.extend(self.years_of_birth(text));
            hits.extend(self.birthdays(text));
            hits.extend(self.ages_with_dates(text, candidates, &years));
        }
        hits
    }

    /// A listed date in figures that only a listed date makes a date:
    /// eight digits run together, day first or year first ("09111968",
    /// "19681109"), or three groups between single spaces ("09 11 1968",
    /// "09 11 68"), standing alone. Most such numbers are references, so
    /// they are not a date's shape.
    fn listed_dates_in_figures(&self, text: &str) -> Vec<Hit> {
        let b = text.as_bytes();
        let runs: Vec<Range<usize>> = digit_runs(b).collect();
        let alone = |r: &Range<usize>| {
            let letter = |c: Option<&u8>| c.is_some_and(u8::is_ascii_alphanumeric);
            !letter(r.start.checked_sub(1).and_then(|i| b.get(i)))
                && !letter(b.get(r.end))
                && !values::digit_adjacent(text, r.start, r.end)
        };
        let n = |r: &Range<usize>| text[r.clone()].parse::<i32>().ok();
        let mut out = Vec::new();
        for (i, r) in runs.iter().enumerate() {
            let mut readings: Vec<(Option<i32>, Option<i32>, Option<i32>)> = Vec::new();
            let mut range = r.clone();
            if r.len() == 8 {
                let part = |at: Range<usize>| n(&(r.start + at.start..r.start + at.end));
                readings.push((part(4..8), part(2..4), part(0..2)));
                readings.push((part(0..4), part(4..6), part(6..8)));
            } else if let Some([m, y]) = runs
                .get(i + 1..i + 3)
                .and_then(|s| <&[_; 2]>::try_from(s).ok())
                && m.start == r.end + 1
                && y.start == m.end + 1
                && b[r.end] == b' '
                && b[m.end] == b' '
            {
                range = r.start..y.end;
                let short = |v: Option<i32>| [v.map(|v| 1900 + v), v.map(|v| 2000 + v)];
                match (r.len(), m.len(), y.len()) {
                    (1 | 2, 1 | 2, 4) => {
                        readings.push((n(y), n(m), n(r)));
                        readings.push((n(y), n(r), n(m)));
                    }
                    (1 | 2, 1 | 2, 2) => {
                        for year in short(n(y)) {
                            readings.push((year, n(m), n(r)));
                            readings.push((year, n(r), n(m)));
                        }
                    }
                    (4, 1 | 2, 1 | 2) => readings.push((n(r), n(m), n(y))),
                    _ => continue,
                }
            } else {
                continue;
            }
            if !alone(&range) {
                continue;
            }
            let dates = readings
                .into_iter()
                .filter_map(|(y, m, d)| {
                    Date::from_ymd(y?, u8::try_from(m?).ok()?, u8::try_from(d?).ok()?)
                })
                .collect();
            let candidate = values::Candidate {
                range,
                shape: Shape::Date,
                key: String::new(),
                dates,
            };
            out.extend(self.date_hit(text, &candidate));
        }
        out
    }

    /// A listed NHS number grouped otherwise than its shape's 3, 3, 4
    /// ("999 9542 557").
    fn nhs_in_other_groupings(&self, text: &str) -> Vec<Hit> {
        // Only a text that names the number: an NHS number in an odd
        // grouping with no "NHS" in its field is left to the verifier,
        // which reads every document's digits whatever their grouping.
        let names_it = ["NHS", "nhs", "Nhs"]
            .iter()
            .any(|w| memchr::memmem::find(text.as_bytes(), w.as_bytes()).is_some());
        if !names_it {
            return Vec::new();
        }
        let keys: Vec<(String, usize)> = self
            .values
            .iter()
            .filter(|((shape, _), _)| *shape == Shape::Nhs)
            .map(|((_, key), &p)| (key.clone(), p))
            .collect();
        if keys.is_empty() {
            return Vec::new();
        }
        super::records::nhs_in_groups(text, &keys)
            .into_iter()
            .map(|(range, p)| {
                let category = Category::NhsNumber;
                Hit::new(
                    Source::Listed,
                    range,
                    category,
                    Some(p),
                    category.placeholder(),
                )
            })
            .collect()
    }

    /// A listed date of birth as month and year, or as a year, after words
    /// that say it is one: "born in March 1936", "DOB 03/1936", "born 1936".
    fn partial_births(&self, text: &str, years: &[usize]) -> Vec<Hit> {
        let mut out = Vec::new();
        for c in partial_dates_of_years(text, years, &self.birth_years()) {
            let whole = c.get(0).expect("whole match");
            let year: i32 = c[3].parse().unwrap_or_default();
            let mut end = c.offset + whole.end();
            let mut start = c.offset + whole.start();
            let month = match (c.get(1), c.get(2)) {
                (Some(m), _) => month_number(m.as_str()),
                (None, Some(n)) => n
                    .as_str()
                    .parse::<u8>()
                    .ok()
                    .filter(|m| (1..=12).contains(m)),
                // Year first, as a form writes a month of birth ("1968-11"),
                // or a Roman month before the year ("XI 1968"): the month goes
                // with the year where it is the listed one.
                (None, None) => {
                    let listed = |&(m, _): &(u8, usize)| {
                        self.births
                            .keys()
                            .any(|d| d.year() == year && d.month() == m)
                    };
                    if let Some((m, len)) = month_after_year(&text[end..]).filter(listed) {
                        end += len;
                        Some(m)
                    } else if let Some((m, len)) = roman_month_before(&text[..start]).filter(listed)
                    {
                        start -= len;
                        Some(m)
                    } else {
                        None
                    }
                }
            };
            // Two people born in one month: the first listed, on every run
            // (the map's order is not).
            let person = self
                .births
                .iter()
                .filter(|(d, _)| d.year() == year && month.is_none_or(|m| m == d.month()))
                .map(|(_, &p)| p)
                .min();
            let Some(p) = person else {
                continue;
            };
            // A month and year within a few words of "born"; a year alone
            // right after it, or after where or when ("born in Cork in 1936", "born in the autumn
            // of 1936").
            let at = start;
            let reach = if month.is_some() || born_before_year(text, at).is_some() {
                40
            } else {
                12
            };
            if !birth_context(text, at, reach) {
                continue;
            }
            let range = start..end;
            out.push(Hit::new(
                Source::Listed,
                range,
                Category::DateOfBirth,
                Some(p),
                Category::DateOfBirth.placeholder(),
            ));
        }
        out
    }

    /// The years of the listed dates of birth, each once.
    fn birth_years(&self) -> Vec<String> {
        let mut years: Vec<String> = self.births.keys().map(|d| d.year().to_string()).collect();
        years.sort_unstable();
        years.dedup();
        years
    }

    fn email_hit(&self, c: &values::Candidate) -> Option<Hit> {
        let person = self
            .values
            .get(&(Shape::Email, c.key.clone()))
            .copied()
            .or_else(|| {
                // An address nobody listed that carries a listed name is still
                // that person's: "peggy.oneill58@…".
                let local: String = c
                    .key
                    .split('@')
                    .next()?
                    .chars()
                    .filter(char::is_ascii_alphabetic)
                    .collect();
                self.email_tokens
                    .iter()
                    .find(|(t, _)| local.contains(t.as_str()))
                    .map(|(_, p)| *p)
            })?;
        let placeholder = Category::Email.placeholder();
        Some(Hit::new(
            Source::Listed,
            c.range.clone(),
            Category::Email,
            Some(person),
            placeholder,
        ))
    }

    fn date_hit(&self, text: &str, c: &values::Candidate) -> Option<Hit> {
        if let Some(p) = c.dates.iter().find_map(|d| self.births.get(d)) {
            let placeholder = Category::DateOfBirth.placeholder();
            return Some(Hit::new(
                Source::Listed,
                c.range.clone(),
                Category::DateOfBirth,
                Some(*p),
                placeholder,
            ));
        }
        let (date, p) = c
            .dates
            .iter()
            .find_map(|d| self.deaths.get(d).map(|p| (*d, *p)))?;
        // A date of death is published as month and year at most:
        // "on 3 June 2023" (or "on the third of June 2023") becomes "in
        // June 2023".
        let before = &text[..c.range.start];
        let on = [
            ("on the ", "in"),
            ("on ", "in"),
            ("On the ", "In"),
            ("On ", "In"),
        ]
        .into_iter()
        .find_map(|(on, written)| {
            let rest = before.strip_suffix(on)?;
            (!rest.ends_with(char::is_alphanumeric)).then_some((on.len(), written))
        });
        let (start, replacement) = match on {
            Some((len, written)) => (
                c.range.start - len,
                format!("{written} {}", date.month_year()),
            ),
            None => (c.range.start, date.month_year()),
        };
        Some(Hit::new(
            Source::Listed,
            start..c.range.end,
            Category::DateOfDeath,
            Some(p),
            replacement,
        ))
    }
}

/// A month's number from its name or abbreviation.
pub(super) fn month_number(word: &str) -> Option<u8> {
    let w = word.to_ascii_lowercase();
    crate::anonymise::words::MONTHS
        .iter()
        .position(|m| m.starts_with(&w[..w.len().min(3)]))
        .map(|i| i as u8 + 1)
}

/// Whether a word that says "date of birth" stands within `reach` bytes
/// before `at`, in the same sentence.
fn birth_context(text: &str, at: usize, reach: usize) -> bool {
    let mut from = at.saturating_sub(reach);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let head = text[from..at].to_ascii_lowercase();
    // From the sentence's start: the last ". " that is no birth word's own
    // stop ("(b. 1936)", "d.o.b. 1936").
    let abbreviation = |upto: &str| {
        ["b.", "d.o.b."].iter().any(|w| {
            upto.strip_suffix(w)
                .is_some_and(|b| !b.ends_with(|c: char| c.is_ascii_alphanumeric() || c == '.'))
        })
    };
    let start = head
        .rmatch_indices(". ")
        .map(|(i, _)| i)
        .find(|&i| !abbreviation(&head[..=i]))
        .map_or(0, |i| i + 2);
    let head = &head[start..];
    BIRTH_WORDS.iter().any(|w| {
        head.match_indices(w).any(|(i, _)| {
            !head[..i].ends_with(|c: char| c.is_ascii_alphanumeric())
                && (w.ends_with('.')
                    || !head[i + w.len()..].starts_with(|c: char| c.is_ascii_alphanumeric()))
        })
    })
}

/// A partial date found in a window of the text: its captures, and where
/// the window starts.
struct Found<'t> {
    captures: regex::Captures<'t>,
    offset: usize,
}

impl<'t> std::ops::Deref for Found<'t> {
    type Target = regex::Captures<'t>;
    fn deref(&self) -> &Self::Target {
        &self.captures
    }
}

/// A month's number right after a year ("-11" of "1968-11"), with its
/// length: one separator, one or two digits, and no figure after.
fn month_after_year(after: &str) -> Option<(u8, usize)> {
    let b = after.as_bytes();
    if !matches!(b.first(), Some(b'-' | b'/' | b'.')) {
        return None;
    }
    let digits = b[1..].iter().take_while(|c| c.is_ascii_digit()).count();
    let rest = &b[1 + digits..];
    let figure_after = matches!(rest, [b'-' | b'/' | b'.', d, ..] if d.is_ascii_digit())
        || rest.first().is_some_and(u8::is_ascii_alphanumeric);
    if !(1..=2).contains(&digits) || figure_after {
        return None;
    }
    let month = after[1..1 + digits]
        .parse::<u8>()
        .ok()
        .filter(|m| (1..=12).contains(m))?;
    Some((month, 1 + digits))
}

/// A Roman month right before a year ("XI " of "XI 1968", "xi." of
/// "xi.1968"), with its length: the numeral, one separator, standing as a
/// word of its own.
fn roman_month_before(before: &str) -> Option<(u8, usize)> {
    let b = before.as_bytes();
    b.last()
        .filter(|c| matches!(c, b' ' | b'.' | b'/' | b'-'))?;
    let numeral_len = b[..b.len() - 1]
        .iter()
        .rev()
        .take_while(|c| b"ivxIVX".contains(c))
        .count();
    let numeral_start = b.len() - 1 - numeral_len;
    let word_start = numeral_start == 0 || !b[numeral_start - 1].is_ascii_alphanumeric();
    if numeral_len == 0 || !word_start {
        return None;
    }
    let month = values::roman_month(&before[numeral_start..b.len() - 1])?;
    Some((month as u8, numeral_len + 1))
}

/// The [`PARTIAL_DATE`]s of `text` whose year is one of `years`, found
/// where those years are written (a window before each, from a word's
/// start), not by reading the whole text; in text order.
fn partial_dates_of_years<'t>(text: &'t str, at: &[usize], years: &[String]) -> Vec<Found<'t>> {
    let mut out = Vec::new();
    for i in years_written(text, at, years) {
        let end = i + 4;
        // "September, 1936" is the longest form before a year.
        let mut start = i.saturating_sub(16);
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        while start > 0
            && text[..start]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        {
            start -= text[..start].chars().next_back().map_or(1, char::len_utf8);
        }
        let found = PARTIAL_DATE
            .captures_iter(&text[start..end])
            .find(|c| c.get(0).is_some_and(|m| m.end() == end - start));
        if let Some(captures) = found {
            out.push(Found {
                captures,
                offset: start,
            });
        }
    }
    out
}

/// Where `text` writes one of `years` (four digits each) as a year, not
/// as part of a longer number or word ("19361", "1936a"), in text order:
/// a run of exactly four digits, with no letter or `_` after it.
fn years_written(text: &str, at: &[usize], years: &[String]) -> Vec<usize> {
    at.iter()
        .copied()
        .filter(|&i| {
            years
                .iter()
                .any(|y| y.as_bytes() == &text.as_bytes()[i..i + 4])
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_birth_words() {
        assert_eq!(month_number("Sept"), Some(9));
        assert_eq!(month_number("march"), Some(3));
        assert!(birth_context("who was born in ", 16, 40));
        assert!(birth_context("(DOB ", 5, 40));
        assert!(!birth_context("she was reborn in ", 18, 40));
        assert!(!birth_context("Born. In ", 9, 3));
    }

    #[test]
    fn years_written_alone() {
        let years = ["1936".to_string(), "1948".to_string()];
        let text = "In 1936, 19361 and 1936a, not 21936; 1948_ or (1948) and é1936";
        let runs: Vec<usize> = four_digit_runs(text).collect();
        let found: Vec<usize> = years_written(text, &runs, &years);
        let want: Vec<usize> = [3, 47, 59].into_iter().collect();
        assert_eq!(found, want);
        for &at in &found {
            assert!(years.iter().any(|y| text[at..].starts_with(y.as_str())));
        }
    }
}
