//! A name the words before it say is one: "The carer, whose name was
//! Blessing, left early", "She said her name was Faith", "A woman who gave
//! her name as Joy rang", "first name Precious", "a carer known as
//! Blessing". Such words make a name of any capitalised word after them,
//! a word of the language too ("Faith", "Joy"); "known as" and "goes by"
//! name things as often ("an area known as Little Venice"), so they count
//! only after a word for a person ("a carer known as"). Words that
//! address a letter make a name of a given name after them ("FAO Kelly",
//! "c/o Lisa Marsh"), and quotation marks straight after a word for a
//! person hold one ("her daughter 'Shaz'").

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::Detection;
use super::names::{heuristic, name_after, never_a_name};
use super::relations::{is_person_word, is_relation};
use crate::anonymise::name_tables::is_given_name;

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

/// Words that address a letter to someone ("FAO Kelly", "c/o Lisa
/// Marsh"): a name after them counts when its first word is a given name
/// (not "FAO Housing Team", "c/o Age UK").
const ADDRESSED: [&str; 7] = [
    "fao ",
    "f.a.o. ",
    "attn ",
    "attn: ",
    "attention: ",
    "c/o ",
    "care of ",
];

/// Words that may stand between a word for a person and "known as": "a
/// carer, also known as", "her son (who is known as".
const BETWEEN: [&str; 5] = ["also", "who", "is", "was", "usually"];

static SEARCH: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(SAYING.iter().chain(&AFTER_A_PERSON).chain(&ADDRESSED))
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
        let cue = &lower[m.range()];
        let after_a_person = AFTER_A_PERSON.contains(&cue);
        let addressed = ADDRESSED.contains(&cue);
        if !starts_word || (after_a_person && !person_before(&text[..m.start()])) {
            continue;
        }
        // A verb may follow a name's word ("her surname was Hartigan",
        // "her first name is Precious"); an opening quote may stand before
        // the name ('known as "Peggy"').
        let after_cue = ["was ", "is "]
            .iter()
            .find(|w| lower[m.end()..].starts_with(*w))
            .map_or(m.end(), |w| m.end() + w.len());
        let at = after_cue
            + text[after_cue..]
                .chars()
                .take_while(|c| matches!(c, '"' | '\'' | '\u{201C}' | '\u{2018}'))
                .map(char::len_utf8)
                .sum::<usize>();
        let first = text[at..]
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        let first_word_ok = first.starts_with(char::is_uppercase)
            && !never_a_name(first)
            && (!addressed || is_given_name(first));
        if first_word_ok && let Some(end) = name_after(text, at, 3, false) {
            out.push(heuristic(at..end));
        }
    }
}

/// Names in quotation marks straight after a word for a person: "Her
/// daughter 'Shaz' rang", 'her son "Tommo"'.
pub(super) fn quoted_after_a_person(text: &str, out: &mut Vec<Detection>) {
    let bytes = text.as_bytes();
    for at in memchr::memchr3_iter(b'\'', b'"', 0xE2, bytes) {
        let open = match &bytes[at..] {
            [b'\'' | b'"', ..] => 1,
            // "‘" and "“".
            [0xE2, 0x80, 0x98 | 0x9C, ..] => 3,
            _ => continue,
        };
        let Some(head) = text[..at].strip_suffix(' ') else {
            continue;
        };
        let before = &head[head
            .rfind(|c: char| !c.is_alphabetic() && c != '-')
            .map_or(0, |i| i + 1)..];
        let start = at + open;
        if !(is_relation(before) || is_person_word(before))
            || !text[start..].starts_with(char::is_uppercase)
        {
            continue;
        }
        if let Some(end) = name_after(text, start, 2, false)
            && text[end..].starts_with(['\'', '"', '\u{2019}', '\u{201D}'])
            && !never_a_name(&text[start..end])
        {
            out.push(heuristic(start..end));
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

    #[test]
    fn a_quoted_name_after_a_word_for_a_person() {
        for (text, name) in [
            ("Her daughter 'Shaz' rang.", vec!["Shaz"]),
            ("Her son \"Tommo\" rang.", vec!["Tommo"]),
            ("Her carer \u{2018}Bex\u{2019} came.", vec!["Bex"]),
            ("Her son's 'Care Plan' was late.", vec![]),
            ("The 'Care Plan' was late.", vec![]),
            ("Her son 'did not' go.", vec![]),
        ] {
            assert_eq!(found_by(quoted_after_a_person, text), name, "{text}");
        }
    }

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
            ("Her surname was Hartigan.", "Hartigan"),
            ("Her first name is Precious.", "Precious"),
            ("FAO Kelly, Housing Team.", "Kelly"),
            ("Post was sent c/o Lisa Marsh.", "Lisa Marsh"),
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
            "FAO Housing Team",
            "Post was sent c/o Age UK.",
        ] {
            assert_eq!(found(text), [] as [&str; 0], "{text}");
        }
    }
}
