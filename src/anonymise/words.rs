//! English words, to tell names that are also words ("Hope", "Mark", "June",
//! "Brook") from names that are not. A name that is a word is replaced only
//! where the text reads it as a name (see [`reading`](super::reading)).
//!
//! The list is SCOWL's British English dictionary (lower-case entries only);
//! its licence is in `data/english-words.LICENSE`. Month and weekday names
//! are proper nouns there, so they are added here: a person called June or
//! April shares her name with every date in that month.

use std::borrow::Cow;
use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use super::fold::ascii_lowercase_with;

/// Words for kin that a family also writes before a name as a title ("Aunt
/// Mary", "Nana Peg", "Sister Pargeter" for a nun or a nurse), lower case:
/// relations too (the detector's relations list holds the others).
pub(crate) const KIN_TITLES: [&str; 20] = [
    "sister", "brother", "aunt", "auntie", "aunty", "uncle", "mum", "mam", "mom", "dad", "nan",
    "nana", "nanna", "nanny", "gran", "granny", "grandma", "grandpa", "grandad", "granddad",
];

/// Words before a job that say which work it is: "social worker",
/// "housing officer", "mental health nurse".
pub(crate) const JOB_WORDS: [&str; 47] = [
    "social",
    "support",
    "care",
    "housing",
    "family",
    "key",
    "case",
    "link",
    "lead",
    "senior",
    "duty",
    "district",
    "community",
    "mental",
    "health",
    "school",
    "ward",
    "staff",
    "practice",
    "specialist",
    "tenancy",
    "neighbourhood",
    "estate",
    "repairs",
    "complaints",
    "customer",
    "occupational",
    "liaison",
    "welfare",
    "income",
    "youth",
    "head",
    "deputy",
    "project",
    "outreach",
    "reablement",
    "discharge",
    "hospital",
    "clinical",
    "safeguarding",
    "team",
    "principal",
    "chief",
    "advanced",
    "area",
    "assistant",
    "nurse",
];

/// Whether a word (any case) says which work a job is: "social",
/// "housing", "Team".
pub(crate) fn is_job_word(word: &str) -> bool {
    JOB_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// The list as a set, made the size it will be at once: grown one word at
/// a time, it was rehashed over and over, at every process start.
static WORDS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    let text = include_str!("../../data/english-words.txt");
    // Under 8 bytes a line on average: room for every word.
    let mut words = FxHashSet::with_capacity_and_hasher(text.len() / 8, Default::default());
    words.extend(text.lines());
    words
});

/// The months, in order.
pub(crate) const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Whether `word` (any case) is an ordinary English word.
pub(crate) fn is_english_word(word: &str) -> bool {
    let known = |lower: &str| WORDS.contains(lower);
    ascii_lowercase_with(word, known).unwrap_or_else(|| known(&word.to_lowercase()))
}

/// Whether `word` (any case) is a season: a word of time like a month
/// ("By Autumn 2025", "in Spring").
pub(crate) fn is_season(word: &str) -> bool {
    ["spring", "summer", "autumn", "winter"]
        .iter()
        .any(|s| s.eq_ignore_ascii_case(word))
}

/// Whether `word` (any case) is a month name.
pub(crate) fn is_month(word: &str) -> bool {
    MONTHS.iter().any(|m| m.eq_ignore_ascii_case(word))
}

/// Whether a name part is also a word a text uses for something else: an
/// English word, a month or a weekday.
pub(crate) fn is_word_name(word: &str) -> bool {
    let joiner = |c: char| matches!(c, '\'' | '\u{2019}' | '-');
    let bare: Cow<'_, str> = if word.contains(joiner) {
        Cow::Owned(word.chars().filter(|&c| !joiner(c)).collect())
    } else {
        Cow::Borrowed(word)
    };
    is_english_word(&bare) || is_month(&bare) || is_weekday(&bare)
}

/// A word as a name is read from it: without a possessive ("Pemberton's")
/// and without apostrophes or hyphens left at its end.
pub(crate) fn without_possessive(whole: &str) -> &str {
    whole
        .strip_suffix("'s")
        .or_else(|| whole.strip_suffix("\u{2019}s"))
        .unwrap_or(whole)
        .trim_end_matches(['\'', '\u{2019}', '-'])
}

/// Whether a word is a day of the week ("Monday").
pub(crate) fn is_weekday(word: &str) -> bool {
    WEEKDAYS.iter().any(|d| d.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_word_names_are_words() {
        for w in [
            "Hope", "mark", "Rose", "JOY", "faith", "bill", "church", "baker", "grant",
        ] {
            assert!(is_english_word(w), "{w}");
        }
        for w in ["Okonkwo", "Tranter", "Wiśniewska", "Pemberton"] {
            assert!(!is_english_word(w), "{w}");
        }
    }

    #[test]
    fn months_and_weekdays_are_word_names() {
        for w in ["June", "APRIL", "May", "August", "Friday", "Brook", "Young"] {
            assert!(is_word_name(w), "{w}");
        }
        assert!(!is_word_name("Okonkwo"));
        assert!(is_month("june") && !is_month("Junes"));
    }
}
