//! English words, to tell names that are also words ("Hope", "Mark", "Rose")
//! from names that are not. A name that is a word is matched only where it is
//! capitalised, so "we hope" and "to mark the occasion" are left alone.
//!
//! The list is SCOWL's British English dictionary (lower-case entries only);
//! its licence is in `data/english-words.LICENSE`.

use std::collections::HashSet;
use std::sync::LazyLock;

static WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../data/english-words.txt")
        .lines()
        .collect()
});

/// Whether `word` (any case) is an ordinary English word.
pub(crate) fn is_english_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    WORDS.contains(lower.as_str())
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
}
