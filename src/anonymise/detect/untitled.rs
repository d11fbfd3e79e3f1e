//! Whole names nobody listed and no title introduces: a given name and a
//! family name that is no word ("The letter was signed by Gemma
//! Rowntree", "copied to Tomasz Wiśniewski"), or one of the common family
//! names that are words, beside a given name that is none ("Albert
//! Finch") or mid-sentence ("copied to John Smith"). Places and
//! organisations have the shape too ("Milton Keynes Council", "Florence
//! Nightingale Ward"), so any other family name must be no English word,
//! and words that name an organisation or a place after it leave the
//! whole alone. A
//! given name with a family name's initial and its stop ("Lisa W.
//! replied"), and an initial with its stop before a family name ("signed
//! K. Dunne"), are names too.

use super::Detection;
use super::names::{ORGANISATION_WORDS, Word, heuristic, name_word, never_a_name, next_capital};
use crate::anonymise::name_tables::{is_given_name, is_word_family_name};
use crate::anonymise::reading::is_place_word;
use crate::anonymise::words::{is_english_word, is_month, is_word_name};

/// A capitalised word of two letters or more starting at `at`, read as
/// the titled names' reader reads a name's word: its end, without a
/// possessive.
fn capitalised_word(text: &str, at: usize) -> Option<usize> {
    let (end, kind) = name_word(text, at)?;
    (kind == Word::Name && text[at..].starts_with(char::is_uppercase)).then_some(end)
}

/// Whether a capitalised word can be a family name beside a given name: no
/// word of any list, no acronym, title or feast, nothing that ends the
/// name of an organisation or a place.
fn is_family_name(word: &str) -> bool {
    !is_word_name(word)
        && !never_a_name(word)
        && !ORGANISATION_WORDS.contains(&word)
        && !is_place_word(word)
        && word.chars().skip(1).any(char::is_lowercase)
}

/// Names of a given name and one or two family names that are no word.
pub(super) fn untitled(text: &str, out: &mut Vec<Detection>) {
    let bytes = text.as_bytes();
    let mut from = 0;
    // Only where a capital may stand: an ASCII capital or a character
    // outside ASCII.
    loop {
        let at = next_capital(bytes, from);
        if at == bytes.len() {
            break;
        }
        let starts_word = text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_alphanumeric() || matches!(c, '\'' | '\u{2019}' | '-')));
        let past_capital = at + text[at..].chars().next().map_or(1, char::len_utf8);
        if !starts_word {
            from = past_capital;
            continue;
        }
        if let Some(end) = initial_and_family_names(text, at) {
            out.push(heuristic(at..end));
            from = end;
            continue;
        }
        // A word of ASCII letters that ends in ASCII is read no further
        // unless a capital follows it after one space: no capital inside
        // it starts a word.
        let run = at
            + bytes[at..]
                .iter()
                .position(|&b| !(b.is_ascii_alphabetic() || matches!(b, b'\'' | b'-')))
                .unwrap_or(bytes.len() - at);
        if bytes.get(run).is_none_or(u8::is_ascii) && !capital_after_space(bytes, run) {
            from = run;
            continue;
        }
        let Some(first_end) = capitalised_word(text, at) else {
            from = past_capital;
            continue;
        };
        from = first_end;
        if !capital_after_space(bytes, first_end) || !is_given_name(&text[at..first_end]) {
            continue;
        }
        let given = &text[at..first_end];
        let words = surname_words_beside(given, text, at);
        if let Some(end) =
            family_names(text, first_end + 1, words).or_else(|| initial(text, first_end + 1))
        {
            out.push(heuristic(at..end));
            from = end;
        }
    }
}

/// A given name's initial, its full stop and one or two family names that
/// are no word at `at` ("It was signed K. Dunne"): where the name ends.
fn initial_and_family_names(text: &str, at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    (bytes[at].is_ascii_uppercase()
        && bytes.get(at + 1) == Some(&b'.')
        && capital_after_space(bytes, at + 2))
    .then(|| family_names(text, at + 3, SurnameWords::NotAWard))
    .flatten()
}

/// A family name's initial with its full stop at `at` ("Lisa W. replied"):
/// where the letter ends. Without the stop a capital is as often a word
/// ("Lisa I think").
fn initial(text: &str, at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    (bytes.get(at).is_some_and(u8::is_ascii_uppercase)
        && bytes.get(at + 1) == Some(&b'.')
        && bytes.get(at + 2).is_none_or(|b| !b.is_ascii_alphabetic()))
    .then_some(at + 1)
}

/// Whether one space and a capital (or a letter outside ASCII) stand at
/// `at`: where a family name may follow a given name.
fn capital_after_space(bytes: &[u8], at: usize) -> bool {
    bytes.get(at) == Some(&b' ')
        && bytes
            .get(at + 1)
            .is_some_and(|&b| b.is_ascii_uppercase() || b >= 0xC0)
}

/// Which family names that are words may follow `given` at `at`
/// ("Albert Finch", "copied to John Smith"): after a given name that is no
/// word and no month, any but a ward's ("Victoria Ward" is one); after one
/// that is a word ("John", "Mark"), none at a sentence's start ("Will
/// Power was low" may be words) and none that also ends a place's name
/// ("Ward 12 Rose Hill"; "to Mark Turner" is a name).
fn surname_words_beside(given: &str, text: &str, at: usize) -> SurnameWords {
    if is_month(given) {
        return SurnameWords::None;
    }
    if !is_word_name(given) {
        return SurnameWords::NotAWard;
    }
    let before = text[..at].trim_end_matches([' ', '"', '\'', '\u{201C}', '\u{2018}', '(']);
    if before.is_empty() || before.ends_with(['.', '!', '?', ':', ';', '\n']) {
        SurnameWords::None
    } else {
        SurnameWords::NotAPlace
    }
}

/// The family names that are words a given name may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SurnameWords {
    None,
    NotAWard,
    NotAPlace,
}

impl SurnameWords {
    fn allow(self, word: &str) -> bool {
        is_word_family_name(word)
            && match self {
                Self::None => false,
                Self::NotAWard => !word.eq_ignore_ascii_case("ward"),
                Self::NotAPlace => !is_place_word(word),
            }
    }
}

/// Where one or two family names that start at `at` end; `None` when there
/// are none, or when a capitalised word after them makes the whole an
/// organisation's or a place's name ("Milton Keynes Council"). The first
/// may be a common family name that is a word ("Smith") where `words`
/// allows it.
fn family_names(text: &str, at: usize, words: SurnameWords) -> Option<usize> {
    let mut end = None;
    let mut from = at;
    for second in [false, true] {
        let Some(word_end) = capitalised_word(text, from) else {
            break;
        };
        // A family name that is a word comes first or not at all
        // ("Florence Nightingale Ward" is a ward's name).
        let word = &text[from..word_end];
        if !(is_family_name(word) || (!second && words.allow(word))) {
            break;
        }
        end = Some(word_end);
        if text.as_bytes().get(word_end) != Some(&b' ') {
            break;
        }
        from = word_end + 1;
    }
    let end = end?;
    // A capitalised word right after: an organisation, a place, a ward.
    if text[end..].starts_with(' ')
        && let Some(after_end) = capitalised_word(text, end + 1)
    {
        let word = &text[end + 1..after_end];
        if is_english_word(word) || ORGANISATION_WORDS.contains(&word) || is_place_word(word) {
            return None;
        }
    }
    Some(end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anonymise::detect::found_by;

    fn names(text: &str) -> Vec<&str> {
        found_by(untitled, text)
    }

    #[test]
    fn a_given_name_and_a_family_name_that_is_no_word_are_a_name() {
        for (text, want) in [
            ("The letter was signed by Gemma Rowntree.", "Gemma Rowntree"),
            ("Jennifer Holt rang twice.", "Jennifer Holt"),
            (
                "It was copied to Gemma Rowntree (Complaints Officer).",
                "Gemma Rowntree",
            ),
            ("regards, Jennifer Holt, Team Manager", "Jennifer Holt"),
            (
                "She asked for Jennifer Holt-Baines by name.",
                "Jennifer Holt-Baines",
            ),
            ("Gemma Rowntree's letter", "Gemma Rowntree"),
            ("Zoë Rowntree signed it.", "Zoë Rowntree"),
            ("(Gemma O'Rourke-Wilde)", "Gemma O'Rourke-Wilde"),
            ("It was signed K. Dunne, Housing Officer.", "K. Dunne"),
            // Common family names that are words.
            ("The resident, Albert Finch (84), fell.", "Albert Finch"),
            ("Mary Brown said so.", "Mary Brown"),
            ("It was copied to John Smith.", "John Smith"),
            ("Her son Mark Turner rang.", "Mark Turner"),
            ("Her son Will Mason rang.", "Will Mason"),
            ("It was signed J. Smith, Team Manager.", "J. Smith"),
        ] {
            assert_eq!(names(text), [want], "{text}");
        }
    }

    #[test]
    fn places_organisations_and_words_stay() {
        for text in [
            "Milton Keynes Council wrote.",
            "Florence Nightingale Ward",
            "She met Grace Hope.",
            "Chester Zoo was closed.",
            "Jennifer NHS Trust",
            "Then Gemma said no.",
            "Jordan Associates replied.",
            "Gemma, Rowntree and Holt",
            "GemmaRowntree wrote.",
            "A. Introduction",
            "See J. Smith Ltd.",
            "On May Day the office was shut.",
            "Victoria Cross Hospital",
            "Will Mason rang.",
            "He was moved to Ward 12 Rose Hill.",
            "She was moved to Victoria Ward.",
        ] {
            assert!(names(text).is_empty(), "{text}: {:?}", names(text));
        }
    }
}
