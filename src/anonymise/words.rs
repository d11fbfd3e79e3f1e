//! English words, to tell names that are also words ("Hope", "Mark", "June",
//! "Brook") from names that are not. A name that is a word is replaced only
//! where the text reads it as a name (see [`reading`](super::reading)).
//!
//! The list is SCOWL's British English dictionary (lower-case entries only);
//! its licence is in `data/english-words.LICENSE`. Month and weekday names
//! are proper nouns there, so they are added here: a person called June or
//! April shares her name with every date in that month.

use std::sync::LazyLock;

/// The list, sorted as [`slice::binary_search`] compares (the file is kept
/// sorted, so sorting it is one pass): built in a fraction of the time a
/// hash set of 63,000 words takes, which every process start would pay.
static WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut words: Vec<&str> = include_str!("../../data/english-words.txt")
        .lines()
        .collect();
    words.sort_unstable();
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
    let lower = word.to_lowercase();
    WORDS.binary_search(&lower.as_str()).is_ok()
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
    let bare: String = word
        .chars()
        .filter(|c| !matches!(c, '\'' | '\u{2019}' | '-'))
        .collect();
    is_english_word(&bare)
        || is_month(&bare)
        || WEEKDAYS.iter().any(|d| d.eq_ignore_ascii_case(&bare))
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
