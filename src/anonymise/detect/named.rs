//! A name the words before it say is one: "The carer, whose name was
//! Blessing, left early", "She said her name was Faith", "A woman who gave
//! her name as Joy rang", "first name Precious", "a carer known as
//! Blessing". Such words make a name of any capitalised word after them,
//! a word of the language too ("Faith", "Joy"); "known as" and "goes by"
//! name things as often ("an area known as Little Venice"), so they count
//! only after a word for a person ("a carer known as").

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::Detection;
use super::names::{heuristic, name_after, never_a_name};
use super::relations::is_person_word;

/// Words that say a name follows, lower case, each with its space.
const SAYING: [&str; 12] = [
    "name was ",
    "name is ",
    "name as ",
    "first name ",
    "forename ",
    "surname ",
    "family name ",
    "last name ",
    "calls herself ",
    "calls himself ",
    "called herself ",
    "called himself ",
];

/// Words that say a name follows only after a word for a person.
const AFTER_A_PERSON: [&str; 3] = ["known as ", "goes by ", "went by "];

/// Words that may stand between a word for a person and "known as": "a
/// carer, also known as", "her son (who is known as".
const BETWEEN: [&str; 5] = ["also", "who", "is", "was", "usually"];

static SEARCH: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(SAYING.iter().chain(&AFTER_A_PERSON))
        .expect("plain strings")
});

/// Names that the words before them say are names (`lower` is `text` in
/// ASCII lower case, byte for byte).
pub(super) fn named(text: &str, lower: &str, out: &mut Vec<Detection>) {
    for m in SEARCH.find_iter(lower) {
        let starts_word = text[..m.start()]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after_a_person = AFTER_A_PERSON.contains(&&lower[m.range()]);
        if !starts_word || (after_a_person && !person_before(&text[..m.start()])) {
            continue;
        }
        // An opening quote may stand before the name: 'known as "Peggy"'.
        let at = m.end()
            + text[m.end()..]
                .chars()
                .take_while(|c| matches!(c, '"' | '\'' | '\u{201C}' | '\u{2018}'))
                .map(char::len_utf8)
                .sum::<usize>();
        let first_word_ok = text[at..].starts_with(char::is_uppercase)
            && !never_a_name(
                text[at..]
                    .split(|c: char| !c.is_alphabetic())
                    .next()
                    .unwrap_or(""),
            );
        if first_word_ok && let Some(end) = name_after(text, at, 3, false) {
            out.push(heuristic(at..end));
        }
    }
}

/// Whether the words before `head`'s end name a person: "a carer known
/// as", "her son, also known as".
fn person_before(head: &str) -> bool {
    head.split(|c: char| c.is_whitespace() || matches!(c, ',' | '('))
        .rev()
        .filter(|w| !w.is_empty())
        .find(|w| !BETWEEN.iter().any(|b| b.eq_ignore_ascii_case(w)))
        .is_some_and(|w| {
            is_person_word(w)
                || ["she", "he", "they"]
                    .iter()
                    .any(|p| p.eq_ignore_ascii_case(w))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anonymise::detect::found_by;

    fn found(text: &str) -> Vec<&str> {
        found_by(
            |text, out| named(text, &text.to_ascii_lowercase(), out),
            text,
        )
    }

    #[test]
    fn a_name_that_words_say_is_one() {
        for (text, name) in [
            ("The carer, whose name was Blessing, left.", "Blessing"),
            ("She said her name was Faith.", "Faith"),
            ("A woman who gave her name as Joy rang.", "Joy"),
            ("Her carer (first name Precious) came.", "Precious"),
            ("A carer known as Blessing visited.", "Blessing"),
            ("Her son, also known as \"Kai\", rang.", "Kai"),
            ("His name is Tom Baker.", "Tom Baker"),
        ] {
            assert_eq!(found(text), [name], "{text}");
        }
    }

    #[test]
    fn other_words_after_such_words_stay() {
        for text in [
            "An area known as Little Venice.",
            "The scheme known as Section 117 aftercare.",
            "Her name was not on the list.",
            "The first name field was blank.",
            "Her name is NHS-registered.",
            "It was known as the Care Act.",
        ] {
            assert_eq!(found(text), [] as [&str; 0], "{text}");
        }
    }
}
