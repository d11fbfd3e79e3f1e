//! Matching listed structured values: phones, NHS, NI and record numbers,
//! postcodes, emails (and addresses nobody listed that carry a listed name),
//! dates of birth and of death.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::{Category, Hit, Identifiers, Source};
use crate::anonymise::number_words;
use crate::anonymise::values::{self, Shape};
use crate::case::Date;

/// A month and year ("March 1936", "Mar. 1936", "03/1936") or a year alone.
static PARTIAL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i-u)\b(?:(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?(?:\s+(?:of|in))?\s+|(\d{1,2})[/.-])?",
        r"((?:18|19|20)\d{2})\b",
    ))
    .expect("valid regex")
});

/// An age with the word before it that says so: "aged 86", "was 86" (in
/// words, [`number_words::ages`]).
static AGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i-u)\b(?:aged|age|was|is|turned|turning|then|be)\s+(\d{1,3})\b(?:[- ]years?[- ]old\b)?",
    )
    .expect("valid regex")
});

/// Whether `sentence` writes one of `ages` in words ("eighty-six"): read
/// only where it holds the age's key word ("eighty", "Eighty").
fn spelt_age(sentence: &str, ages: &[i32]) -> bool {
    let may = ages
        .iter()
        .any(|&n| u32::try_from(n).is_ok_and(|n| number_words::may_spell(sentence, n)));
    may && number_words::ages(sentence)
        .iter()
        .any(|(_, n)| i32::try_from(*n).is_ok_and(|n| ages.contains(&n)))
}

/// The end of "years old" after an age that ends at `end`, or `end`.
fn past_years_old(text: &str, end: usize) -> usize {
    let rest = &text[end..];
    [" years old", "-years-old", " year old", "-year-old"]
        .iter()
        .find(|s| {
            rest.get(..s.len())
                .is_some_and(|r| r.eq_ignore_ascii_case(s))
        })
        .map_or(end, |s| end + s.len())
}

/// A month and year: "March 2023", "Mar. 2023", "March of 2023" (read in
/// a window that ends with the year).
static MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i-u)\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)",
        r"\.?,?(?:\s+(?:of|in))?\s+((?:19|20)\d{2})$",
    ))
    .expect("valid regex")
});

/// Each month and year `text` writes outside its full dates (`full`, in
/// text order), with the first and last days of the month: found where a
/// year is written (a window before each), not by reading the whole text.
fn month_years(
    text: &str,
    years: &[usize],
    full: &[&values::Candidate],
) -> Vec<(Range<usize>, [Date; 2])> {
    let mut out = Vec::new();
    let centuries = |y: &[u8]| matches!(y, [b'1', b'9', ..] | [b'2', b'0', ..]);
    let in_full_date = |i: usize| {
        let after = full.partition_point(|d| d.range.start <= i);
        after > 0 && i < full[after - 1].range.end
    };
    let month_year = |&&i: &&usize| centuries(&text.as_bytes()[i..i + 2]) && !in_full_date(i);
    for &i in years.iter().filter(month_year) {
        let end = i + 4;
        let mut start = i.saturating_sub(20);
        // From a word's start, so that no month is read inside a word.
        while start > 0
            && (!text.is_char_boundary(start) || text.as_bytes()[start - 1].is_ascii_alphanumeric())
        {
            start -= 1;
        }
        // A month's name or its abbreviation's stop ends right before
        // the year's space (or before "of" or "in"): the regex only there.
        let word_before = text[start..i]
            .trim_end()
            .ends_with(|c: char| c.is_ascii_alphabetic() || matches!(c, '.' | ','));
        let Some(c) = word_before
            .then(|| MONTH_YEAR.captures(&text[start..end]))
            .flatten()
        else {
            continue;
        };
        let dates = (|| {
            let first = Date::from_ymd(c[2].parse().ok()?, month_number(&c[1])?, 1)?;
            let last = first.checked_plus_months(1)?.checked_plus_days(-1)?;
            Some([first, last])
        })();
        if let (Some(dates), Some(m)) = (dates, c.get(0)) {
            out.push((start + m.start()..end, dates));
        }
    }
    out
}

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
                    let category = match shape {
                        Shape::Phone => Category::Phone,
                        Shape::Nhs => Category::NhsNumber,
                        Shape::Nino => Category::NiNumber,
                        _ => Category::Postcode,
                    };
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
        if !self.births.is_empty() {
            // Where the text writes a year, read once for both.
            let years: Vec<usize> = four_digit_runs(text).collect();
            hits.extend(self.partial_births(text, &years));
            hits.extend(self.ages_with_dates(text, candidates, &years));
        }
        hits
    }

    /// A listed NHS number grouped otherwise than its shape's 3, 3, 4
    /// ("999 9542 557").
    fn nhs_in_other_groupings(&self, text: &str) -> Vec<Hit> {
        let keys: Vec<(String, usize)> = self
            .values
            .iter()
            .filter(|((shape, _), _)| *shape == Shape::Nhs)
            .map(|((_, key), &p)| (key.clone(), p))
            .collect();
        // Only a text that names the number: an NHS number in an odd
        // grouping with no "NHS" in its field is left to the verifier,
        // which reads every document's digits whatever their grouping.
        let names_it = ["NHS", "nhs", "Nhs"]
            .iter()
            .any(|w| memchr::memmem::find(text.as_bytes(), w.as_bytes()).is_some());
        if keys.is_empty() || !names_it {
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
            let month = match (c.get(1), c.get(2)) {
                (Some(m), _) => month_number(m.as_str()),
                (None, Some(n)) => n
                    .as_str()
                    .parse::<u8>()
                    .ok()
                    .filter(|m| (1..=12).contains(m)),
                (None, None) => None,
            };
            let person = self.births.iter().find_map(|(d, p)| {
                let same = d.year() == year && month.is_none_or(|m| m == d.month());
                same.then_some(*p)
            });
            let Some(p) = person else {
                continue;
            };
            // A month and year within a few words of "born"; a year alone
            // right after it.
            let reach = if month.is_some() { 40 } else { 12 };
            if !birth_context(text, c.offset + whole.start(), reach) {
                continue;
            }
            let range = c.offset + whole.start()..c.offset + whole.end();
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

    /// An age beside a date that together give a listed date of birth away:
    /// "was 86 on 30 January 2023" for someone born on 2 March 1936. The
    /// age is the hit (the date is an event's).
    fn ages_with_dates(
        &self,
        text: &str,
        candidates: &[values::Candidate],
        years: &[usize],
    ) -> Vec<Hit> {
        let mut out = Vec::new();
        // The dates of the text, each with the days it may mean: a full
        // date's, and a month and year's first and last ("turned 75 in
        // March 2023" gives the month of birth away as well).
        let mut full: Vec<&values::Candidate> = candidates
            .iter()
            .filter(|d| d.shape == Shape::Date)
            .collect();
        full.sort_by_key(|d| d.range.start);
        let months = month_years(text, years, &full);
        let dated: Vec<(Range<usize>, &[Date])> = full
            .iter()
            .map(|d| (d.range.clone(), d.dates.as_slice()))
            .chain(months.iter().map(|(r, d)| (r.clone(), &d[..])))
            .collect();
        let dates_in = |s: Range<usize>| {
            dated
                .iter()
                .filter(move |(r, _)| s.start <= r.start && r.end <= s.end)
                .flat_map(|(_, dates)| dates.iter().copied())
        };
        // An age gives a birth away only beside a date: only the sentences
        // that hold one are read.
        let mut sentences: Vec<Range<usize>> =
            dated.iter().map(|(r, _)| sentence_of(text, r)).collect();
        sentences.sort_unstable_by_key(|s| (s.start, s.end));
        sentences.dedup();
        // And only those that write an age a listed person was on one of
        // its dates ("86" for someone born in 1936, on a date in 2023).
        sentences.retain(|s| {
            let ages: Vec<i32> = dates_in(s.clone())
                .flat_map(|at| self.births.keys().map(move |born| born.years_until(at)))
                .collect();
            // The numbers of one to three digits the sentence writes, or an
            // age it writes in words.
            text.as_bytes()[s.clone()]
                .split(|b| !b.is_ascii_digit())
                .filter(|n| (1..=3).contains(&n.len()))
                .map(|n| n.iter().fold(0, |v, d| v * 10 + i32::from(d - b'0')))
                .any(|n| ages.contains(&n))
                || spelt_age(&text[s.clone()], &ages)
        });
        // Each age written: where it is, its value and where it ends with
        // "years old".
        let mut written: Vec<(Range<usize>, i32, usize)> = Vec::new();
        for s in &sentences {
            for c in AGE.captures_iter(&text[s.clone()]) {
                let age = c.get(1).expect("group 1");
                let whole = c.get(0).expect("whole match");
                written.push((
                    s.start + age.start()..s.start + age.end(),
                    age.as_str().parse().unwrap_or(-1),
                    s.start + whole.end(),
                ));
            }
            for (r, n) in number_words::ages(&text[s.clone()]) {
                let range = s.start + r.start..s.start + r.end;
                let end = past_years_old(text, range.end);
                written.push((range, i32::try_from(n).unwrap_or(-1), end));
            }
        }
        for (age_range, age, end) in written {
            // "was 12 weeks late", "is 20 minutes away": a count, no age.
            let unit = text[end..]
                .trim_start()
                .split(|ch: char| !ch.is_alphanumeric() && ch != '%')
                .next()
                .unwrap_or("");
            if !unit.is_empty()
                && unit
                    .chars()
                    .next()
                    .is_some_and(|ch| ch.is_alphabetic() || ch == '%')
                && !matches!(
                    unit,
                    "on" | "in" | "at" | "when" | "by" | "and" | "but" | "years"
                )
            {
                continue;
            }
            let sentence = sentence_of(text, &age_range);
            let dates = dates_in(sentence);
            let mut person = None;
            for at in dates {
                person = self
                    .births
                    .iter()
                    .find(|(born, _)| born.years_until(at) == age && **born != at)
                    .map(|(_, p)| *p);
                if person.is_some() {
                    break;
                }
            }
            if let Some(p) = person {
                out.push(Hit::new(
                    Source::Listed,
                    age_range,
                    Category::DateOfBirth,
                    Some(p),
                    Category::DateOfBirth.placeholder(),
                ));
            }
        }
        out
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
        // "on 3 June 2023" becomes "in June 2023".
        let before = &text[..c.range.start];
        let (start, replacement) = match before.strip_suffix("on ") {
            Some(rest) if before.len() >= 3 && !rest.ends_with(char::is_alphanumeric) => {
                (c.range.start - 3, format!("in {}", date.month_year()))
            }
            _ => (c.range.start, date.month_year()),
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
fn month_number(word: &str) -> Option<u8> {
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

/// Where `text` writes a run of exactly four digits with no letter or `_`
/// after it, in text order.
fn four_digit_runs(text: &str) -> impl Iterator<Item = usize> + '_ {
    let b = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        loop {
            i = next_digit(b, i);
            if i >= b.len() {
                return None;
            }
            let start = i;
            i = b[i..]
                .iter()
                .position(|c| !c.is_ascii_digit())
                .map_or(b.len(), |n| i + n);
            let after = b.get(i).copied().unwrap_or(b' ');
            let alone = !(after.is_ascii_alphanumeric() || after == b'_');
            if i - start == 4 && alone {
                return Some(start);
            }
        }
    })
}

/// The first digit of `b` at or after `from` (`b.len()` if none): sixteen
/// bytes at a time where there is none, as most of a text has none.
pub(super) fn next_digit(b: &[u8], from: usize) -> usize {
    let is_digit = |c: &u8| c.wrapping_sub(b'0') < 10;
    let mut i = from;
    while let Some(block) = b.get(i..i + 16) {
        if block.iter().any(is_digit) {
            break;
        }
        i += 16;
    }
    b.get(i..)
        .and_then(|rest| rest.iter().position(is_digit))
        .map_or(b.len(), |n| i + n)
}

/// The sentence around a range: from after the last ". " before it to the
/// next ". " after it (or the ends of the text).
fn sentence_of(text: &str, range: &Range<usize>) -> Range<usize> {
    let b = text.as_bytes();
    // A line break ends a sentence, and so does a full stop before a space
    // or a line break.
    let ends_at = |i: usize| {
        b[i] == b'\n'
            || b.get(i + 1)
                .is_none_or(|&n| matches!(n, b' ' | b'\n' | b'\r' | b'\t'))
    };
    let start = memchr::memrchr2_iter(b'.', b'\n', &b[..range.start])
        .find(|&i| i + 1 < range.start && ends_at(i))
        .map_or(0, |i| i + 1);
    let start = start
        + b[start..range.start]
            .iter()
            .take_while(|c| c.is_ascii_whitespace())
            .count();
    let end = memchr::memchr2_iter(b'.', b'\n', &b[range.end..])
        .map(|i| range.end + i)
        .find(|&i| ends_at(i))
        .map_or(text.len(), |i| if b[i] == b'\n' { i } else { i + 1 });
    start..end
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
    fn years_and_sentences() {
        let years = ["1936".to_string(), "1948".to_string()];
        let text = "In 1936, 19361 and 1936a, not 21936; 1948_ or (1948) and é1936";
        let runs: Vec<usize> = four_digit_runs(text).collect();
        let found: Vec<usize> = years_written(text, &runs, &years);
        let want: Vec<usize> = [3, 47, 59].into_iter().collect();
        assert_eq!(found, want);
        for &at in &found {
            assert!(years.iter().any(|y| text[at..].starts_with(y.as_str())));
        }
        let text = "One. Two 3.5 and 4. Three.";
        let at = text.find("3.5").unwrap();
        assert_eq!(&text[sentence_of(text, &(at..at + 3))], "Two 3.5 and 4.");
        assert_eq!(sentence_of("No stop", &(0..2)), 0..7);
        // A paragraph's end is a sentence's, with or without its stop.
        let text = "He was three when it began.\n\nIn April 2022 he moved\nto Leeds.";
        let at = text.find("April").unwrap();
        assert_eq!(
            &text[sentence_of(text, &(at..at + 5))],
            "In April 2022 he moved"
        );
    }
}
