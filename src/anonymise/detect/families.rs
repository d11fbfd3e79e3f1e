//! A family nobody listed, named by its surname: "the Smith family", "the
//! Hendersons next door". The surname is a name whether or not it is also
//! a word ("the Green family"), unless it says which people or faith the
//! family is of ("the Polish family", "a Traveller family"), where it is
//! ("the Kingsley family" of a place is still a surname: a place word
//! itself, "the Village family", is not read). A surname's plural is read
//! only where words of neighbours follow it ("next door", "upstairs"),
//! since "the Cotswolds" and "the Samaritans" are plurals too.

use std::sync::LazyLock;

use memchr::memmem::Finder;

use super::Detection;
use super::names::{ORGANISATION_WORDS, heuristic, never_a_name};
use crate::anonymise::reading::{is_place_word, is_title};
use crate::anonymise::words::{is_month, is_season, is_weekday};

/// Nouns after a surname that make it a family's ("the Smith family").
const FAMILY_NOUNS: [&str; 9] = [
    " family",
    " household",
    " families",
    " children",
    " twins",
    " brothers",
    " sisters",
    " boys",
    " girls",
];

/// Words after a plural that say it is the neighbours' ("the Hendersons
/// next door").
const NEIGHBOURING: [&str; 9] = [
    " next door",
    " upstairs",
    " downstairs",
    " opposite",
    " across the road",
    " over the road",
    " across the landing",
    " at number",
    " in the flat",
];

/// Capitalised words before "family" that say which people, nation or
/// faith a family is of, or what kind it is, not whose.
const KINDS: [&str; 48] = [
    "polish",
    "romanian",
    "roma",
    "romany",
    "traveller",
    "travellers",
    "gypsy",
    "irish",
    "somali",
    "syrian",
    "afghan",
    "ukrainian",
    "muslim",
    "catholic",
    "jewish",
    "sikh",
    "hindu",
    "christian",
    "asian",
    "british",
    "english",
    "scottish",
    "welsh",
    "african",
    "caribbean",
    "chinese",
    "indian",
    "pakistani",
    "bangladeshi",
    "nigerian",
    "ghanaian",
    "eritrean",
    "kurdish",
    "iraqi",
    "iranian",
    "turkish",
    "portuguese",
    "lithuanian",
    "latvian",
    "bulgarian",
    "albanian",
    "italian",
    "spanish",
    "french",
    "german",
    "royal",
    "foster",
    "host",
];

/// "the " in both cases, searched for (SIMD); built once.
static THE: LazyLock<[Finder<'static>; 2]> =
    LazyLock::new(|| [Finder::new("the "), Finder::new("The ")]);

/// Families by their surname, nobody listed.
pub(super) fn families(text: &str, out: &mut Vec<Detection>) {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    // A capital must follow "the ".
    for the in THE.iter() {
        for at in the.find_iter(bytes) {
            let start = at + 4;
            let capital = bytes
                .get(start)
                .is_some_and(|&b| b.is_ascii_uppercase() || !b.is_ascii());
            if capital && (at == 0 || !bytes[at - 1].is_ascii_alphanumeric()) {
                found.extend(family_at(text, start));
            }
        }
    }
    found.sort_unstable_by_key(|r: &std::ops::Range<usize>| r.start);
    out.extend(found.into_iter().map(heuristic));
}

/// The surname at `start` (after "the "), where a noun of a family or
/// words of neighbours follow it.
fn family_at(text: &str, start: usize) -> Option<std::ops::Range<usize>> {
    let len = text[start..]
        .find(|c: char| !(c.is_alphabetic() || matches!(c, '\'' | '\u{2019}' | '-')))
        .unwrap_or(text.len() - start);
    let word = text[start..start + len].trim_end_matches(['\'', '\u{2019}', '-']);
    let end = start + word.len();
    let after = &text[end..];
    // "the Council's children": a possessive is whose they are; capitals
    // alone are an abbreviation ("the NHS family").
    let possessive = word.ends_with("'s") || word.ends_with("\u{2019}s");
    let capitalised =
        word.starts_with(char::is_uppercase) && word.chars().skip(1).any(char::is_lowercase);
    if possessive || !capitalised {
        return None;
    }
    let family = family_follows(after);
    let neighbours = word.len() > 3 && word.ends_with('s') && neighbours_follow(after);
    let surname = if neighbours { plural_stem(word) } else { word };
    ((family || neighbours) && could_be_a_surname(surname)).then_some(start..end)
}

/// Whether `after` (the text after a surname) starts with a noun that
/// makes it a family's ("family", "household").
pub(crate) fn family_follows(after: &str) -> bool {
    FAMILY_NOUNS.iter().any(|n| starts_word(after, n))
}

/// Whether `after` (the text after a plural) starts with words of
/// neighbours ("next door").
pub(crate) fn neighbours_follow(after: &str) -> bool {
    NEIGHBOURING.iter().any(|n| starts_word(after, n))
}

/// Whether `text` starts with `phrase` and a word ends there.
fn starts_word(text: &str, phrase: &str) -> bool {
    text.starts_with(phrase) && !text[phrase.len()..].starts_with(|c: char| c.is_alphanumeric())
}

/// A plural surname's singular ("Hendersons", "Joneses").
fn plural_stem(word: &str) -> &str {
    word.strip_suffix("es")
        .filter(|w| w.ends_with(['s', 'x', 'z']) || w.ends_with("ch") || w.ends_with("sh"))
        .or_else(|| word.strip_suffix('s'))
        .unwrap_or(word)
}

/// Whether a capitalised word can be a surname before "family": not a
/// people, faith or kind of family, a place's word, a title, a day or a
/// month.
fn could_be_a_surname(word: &str) -> bool {
    let lower = word.to_lowercase();
    !KINDS.contains(&lower.as_str())
        && !ORGANISATION_WORDS.contains(&word)
        && !is_place_word(word)
        && !is_title(word)
        && !never_a_name(word)
        && !is_month(word)
        && !is_weekday(word)
        && !is_season(word)
}

#[cfg(test)]
mod tests {
    use super::super::found_by;
    use super::*;

    #[test]
    fn a_family_by_its_surname_is_found() {
        let found = |t| found_by(families, t);
        assert_eq!(found("The Smith family complained."), ["Smith"]);
        assert_eq!(found("She visited the Okafor household."), ["Okafor"]);
        assert_eq!(found("the Okafor children were moved"), ["Okafor"]);
        assert_eq!(
            found("The Hendersons next door complained."),
            ["Hendersons"]
        );
        assert_eq!(found("the Joneses upstairs"), ["Joneses"]);
        assert_eq!(found("The O'Briens opposite rang."), ["O'Briens"]);
    }

    #[test]
    fn a_family_by_its_kind_or_a_plural_with_no_neighbours_is_not() {
        let found = |t| found_by(families, t);
        for text in [
            "The Polish family complained.",
            "a Traveller family",
            "the Royal family",
            "the NHS family",
            "The Hendersons complained.",
            "the Samaritans helped",
            "the Smith familiarity",
            "the Council's children's services",
            "bathe Smith family",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
