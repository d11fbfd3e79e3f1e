//! Where someone lives, said without a house number: a street or a
//! building after a verb of living ("she lives on Kestrel Way", "moved
//! into Kestrel House", "lives in a flat on Mill Lane") or after a home of
//! someone's ("her flat on Mill Lane", "Mrs X's flat on Mill Lane"), and
//! whatever follows "her address is" or "the tenant's address is" ("Her
//! address is Rose Cottage, Mill Lane."; never "the Council's address"). A street with a house
//! number is the street address detector's (`streets`); a street where something happened
//! ("the road on Kestrel Way was repaired") is no one's address and stays,
//! as does a street after "the" ("she lives on the High Street") and a
//! name that goes on past its street or building word ("moved into
//! Bramble House Care Home").

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;

use super::streets::street_name_pattern;
use super::{Confidence, Detection, is_relation};
use crate::anonymise::hit::Category;

/// A verb of living or a home of someone's, its preposition, and a street
/// or building's name (captured), from where a cue starts.
static LIVES_ON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?i:(?:{verbs})\s+(?:{prepositions})(?:\s+(?:a|an|the)\s+(?:[a-z]+\s+)?(?:{homes})\s+(?:on|in|at))?|(?:{possessives}|(?:(?:{titles})\.?\s+)?\S+['’]s)\s+(?:{homes})\s+(?:on|in|at))\s+({street})(?-u:\b)",
        verbs = VERBS.join("|"),
        prepositions = PREPOSITIONS.join("|"),
        homes = HOMES.join("|"),
        possessives = POSSESSIVES.join("|"),
        titles = TITLES.join("|"),
        street = street_name_pattern(),
    ))
    .expect("valid regex")
});

/// Someone's address and the words that say what follows is it, from
/// where a cue starts: "her address is", "his home address was recorded
/// as", "their new address:".
static ADDRESS_IS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?i)(?:{possessives}|(?:(?:{titles})\.?\s+)?\S+['’]s)\s+(?:(?:{qualifiers})\s+)?address(?:\s*:|\s+(?:is|was|as|given|recorded|shown|listed|being|now|then))+\s+",
        possessives = POSSESSIVES.join("|"),
        titles = TITLES.join("|"),
        qualifiers = QUALIFIERS.join("|"),
    ))
    .expect("valid regex")
});

/// The verbs of living, their prepositions, the words for someone's and
/// for a home, and the words before "address" that say which.
const VERBS: [&str; 16] = [
    "live", "lives", "lived", "living", "reside", "resides", "resided", "residing", "moved",
    "moves", "moving", "stays", "stayed", "staying", "move", "stay",
];
const PREPOSITIONS: [&str; 5] = ["on", "in", "at", "to", "into"];
const POSSESSIVES: [&str; 5] = ["her", "his", "their", "my", "your"];
/// Titles before a person's possessive ("Mrs X's flat").
const TITLES: [&str; 6] = ["mr", "mrs", "ms", "miss", "mx", "dr"];
/// Words for people by where they live, whose possessive may start a
/// pattern as kin's does ("the tenant's address is").
const RESIDENTS: [&str; 7] = [
    "tenant",
    "resident",
    "occupant",
    "owner",
    "leaseholder",
    "householder",
    "complainant",
];
const HOMES: [&str; 8] = [
    "home",
    "house",
    "flat",
    "bungalow",
    "maisonette",
    "cottage",
    "property",
    "tenancy",
];
const QUALIFIERS: [&str; 11] = [
    "home",
    "new",
    "old",
    "previous",
    "former",
    "current",
    "forwarding",
    "postal",
    "correspondence",
    "last",
    "usual",
];

/// Words every match of the patterns holds, lower case: a verb of living
/// (its stem), a word for a home ([`HOMES`]), "address". A search for a
/// few words skips most of a text with its SIMD prefilter; the patterns
/// then run only from the word starts just before each (the possessive of
/// "her flat", "her home address"), never over a whole text.
const VERB_STEMS: [&str; 4] = ["live", "resid", "mov", "stay"];

static CUES: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .build(VERB_STEMS.iter().chain(&HOMES).chain(&["address"]))
        .expect("plain words")
});

/// Where someone lives, in `text` (`lower` is its ASCII lower case, byte
/// for byte).
pub(super) fn residences(text: &str, lower: &str, out: &mut Vec<Detection>) {
    // Where the last match ended: the next starts after it.
    let mut done = 0;
    for m in CUES.find_iter(lower) {
        for start in word_starts_before(lower, m.start()) {
            if start < done || !may_start(text, lower, start) {
                continue;
            }
            let from = &text[start..];
            // The DFA's yes or no first: captures cost a slower engine's
            // run, and most starts match nothing.
            let street = LIVES_ON
                .is_match(from)
                .then(|| LIVES_ON.captures(from).and_then(|c| c.get(1)))
                .flatten();
            let found = match street {
                Some(street) => lives_on(text, start + street.start(), start + street.end()),
                None => ADDRESS_IS.find(from).and_then(|cue| {
                    address_value(text, start + cue.end()).map(|end| (start + cue.end(), end))
                }),
            };
            if let Some((at, end)) = found {
                out.push(Detection {
                    range: at..end,
                    category: Category::Address,
                    confidence: Confidence::Heuristic,
                    redact: true,
                });
                done = end;
                break;
            }
        }
    }
}

/// The street or building someone lives in at `start..end`, with its
/// town, unless its name goes on past it: "moved into Bramble House Care
/// Home" is a care home's or a business's name, not a street's.
fn lives_on(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let name_goes_on = text[end..]
        .strip_prefix(' ')
        .is_some_and(|rest| rest.starts_with(char::is_uppercase));
    (!name_goes_on).then(|| (start, with_town(text, end)))
}

/// Whether the word at `start` can start a pattern: a possessive ("her"),
/// a title, a verb of living, or the possessive of a word for a person in
/// lower case ("the tenant's", "her son's"; never "the Council's").
fn may_start(text: &str, lower: &str, start: usize) -> bool {
    let word = &lower[start..];
    let word = &word[..word
        .bytes()
        .position(|b| !is_word_byte(b))
        .unwrap_or(word.len())];
    let owner = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("\u{2019}s"))
        .filter(|_| text[start..].starts_with(char::is_lowercase))
        .is_some_and(|w| RESIDENTS.contains(&w) || is_relation(w));
    POSSESSIVES.contains(&word) || TITLES.contains(&word) || VERBS.contains(&word) || owner
}

/// Whether a byte is part of a word: a letter or digit, an apostrophe, or
/// a byte of a character outside ASCII ("Zoë's", "tenant’s").
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'\'' || !b.is_ascii()
}

/// The starts of the two words before `at` and of the word at `at`, the
/// farthest first ("her home address": "her", "home", "address"), where
/// `at` starts a word.
fn word_starts_before(lower: &str, at: usize) -> impl Iterator<Item = usize> {
    let b = lower.as_bytes();
    let is_word = |c: &u8| is_word_byte(*c);
    // (No word's start where none is found.)
    let mut starts = [usize::MAX; 3];
    if at == 0 || !is_word(&b[at - 1]) {
        starts[2] = at;
        let mut i = at;
        for slot in [1, 0] {
            let gap = b[..i]
                .iter()
                .rev()
                .take_while(|c| c.is_ascii_whitespace())
                .count();
            let len = b[..i - gap].iter().rev().take_while(|c| is_word(c)).count();
            if gap == 0 || len == 0 {
                break;
            }
            i -= gap + len;
            starts[slot] = i;
        }
    }
    starts.into_iter().filter(|&s| s != usize::MAX)
}

/// Where the town after a street ends (", Kingsley." ends its clause),
/// or `end` where there is none.
fn with_town(text: &str, end: usize) -> usize {
    let Some(rest) = text[end..].strip_prefix(", ") else {
        return end;
    };
    let town: usize = rest
        .split_inclusive(' ')
        .take(2)
        .take_while(|w| w.starts_with(char::is_uppercase))
        .map(str::len)
        .sum();
    let town = rest[..town].trim_end_matches(' ');
    let town = town.trim_end_matches(|c: char| !c.is_alphanumeric());
    let after = &rest[town.len()..];
    let ends_clause = after.is_empty() || after.starts_with(['.', ';', ':', '!', '?', ')']);
    if town.is_empty() || !ends_clause {
        return end;
    }
    end + 2 + town.len()
}

/// Where an address written after "her address is" ends: its words that
/// start with a capital or a digit, joined by spaces and commas, at least
/// two of them ("Kingsley" alone is a town). `None` where it is none.
fn address_value(text: &str, at: usize) -> Option<usize> {
    let mut end = at;
    let mut words = 0;
    let mut i = at;
    loop {
        let rest = &text[i..];
        let len = rest
            .find(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')'))
            .unwrap_or(rest.len());
        let word = rest[..len].trim_end_matches(['.', '!', '?', ':']);
        let starts = word.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
        if word.is_empty() || !starts {
            break;
        }
        words += 1;
        end = i + word.len();
        if word.len() < len {
            break; // a full stop ends the sentence
        }
        let gap = text[end..]
            .find(|c: char| !(c == ',' || c == ' '))
            .unwrap_or(text.len() - end);
        if gap == 0 || gap > 2 {
            break;
        }
        i = end + gap;
    }
    (words >= 2).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anonymise::detect::found_by;

    fn found(text: &str) -> Vec<&str> {
        found_by(
            |text, out| residences(text, &text.to_ascii_lowercase(), out),
            text,
        )
    }

    #[test]
    fn a_street_or_building_someone_lives_in() {
        for (text, want) in [
            ("She lives on Kestrel Way.", "Kestrel Way"),
            (
                "She lives in Kestrel Way, Kingsley.",
                "Kestrel Way, Kingsley",
            ),
            ("She moved to Kestrel Way in 2019.", "Kestrel Way"),
            ("He moved into Kestrel House last May.", "Kestrel House"),
            ("Her flat on Kestrel Way was damp.", "Kestrel Way"),
            ("She lives in a small flat on Kestrel Way.", "Kestrel Way"),
            (
                "Their home in St John's Road, Halden, was",
                "St John's Road",
            ),
            (
                "Her address is Rose Cottage, Mill Lane.",
                "Rose Cottage, Mill Lane",
            ),
            (
                "His home address was recorded as The Old Rectory, Kingsley Vale.",
                "The Old Rectory, Kingsley Vale",
            ),
            (
                "Her new address: Flat 3 Kestrel House",
                "Flat 3 Kestrel House",
            ),
        ] {
            assert_eq!(found(text), [want], "{text}");
        }
    }

    #[test]
    fn a_street_where_something_happened_stays() {
        for text in [
            "The council repaired the road on Kestrel Way.",
            "She lives on the High Street.",
            "She lives in Kingsley.",
            "Her address is in the file.",
            "Her address was Kingsley.",
            "The Council's address is Town Hall, Kingsley.",
            "She lives alone.",
            "He moved into Bramble House Care Home in May.",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
