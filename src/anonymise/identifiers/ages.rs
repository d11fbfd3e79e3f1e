//! An age beside a date that together give a listed date of birth away:
//! "was 86 on 30 January 2023", "turned 75 in March 2023", "was
//! eighty-six on …" for someone born on the listed date. The age is the
//! hit (the date is an event's).

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::listed_values::month_number;
use super::{Category, Hit, Identifiers, Source};
use crate::anonymise::number_words;
use crate::anonymise::values::{self, Shape};
use crate::case::Date;

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

impl Identifiers {
    /// An age beside a date that together give a listed date of birth away:
    /// "was 86 on 30 January 2023" for someone born on 2 March 1936. The
    /// age is the hit (the date is an event's).
    pub(super) fn ages_with_dates(
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
                // Two people of one age: the first listed, on every run.
                person = self
                    .births
                    .iter()
                    .filter(|(born, _)| born.years_until(at) == age && **born != at)
                    .map(|(_, p)| *p)
                    .min();
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
}

/// The sentence around a range: from after the last full stop before it
/// that a space or a line break follows, or the last line break, to the
/// next of either after it (or the ends of the text).
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
    fn sentences_end_at_a_stop_before_a_space_or_a_line_break() {
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
