//! A given name nobody listed that stands alone, with no title, family
//! name, relation or workplace around it: "Mrs Pargeter told Lisa she was
//! unhappy", "Thanks Lisa", "According to Sharon, the visit was
//! cancelled", "Darren had not visited since March". Nothing but the word
//! itself says it is a name, so only a given name that no word list has is
//! read ("Will", "Grace", "May" need a cue, which the other detectors
//! read), and only where it stands apart from other capitalised words
//! ("Victoria Park", "Preston Council"; a whole name is the untitled
//! detector's, "Kent and Medway" a place's), after no article ("a
//! Christian charity") and no preposition of place ("She moved to
//! Chester", but "an email from Kelly"), unless a possessive makes it a
//! person's ("at Lisa's house"), and not a word for kin ("Nan came"). A
//! name in capitals is read as its title case ("SHARON said no").

use std::borrow::Cow;

use super::Detection;
use super::affiliated::PLACE_PREPOSITIONS;
use super::names::{
    ORGANISATION_WORDS, heuristic, name_word, never_a_name, next_capital, word_start,
};
use crate::anonymise::name_tables::is_given_name;
use crate::anonymise::reading::{is_place_word, is_title, starts_sentence};
use crate::anonymise::words::{KIN_TITLES, is_english_word, is_month, is_weekday, is_word_name};

/// Words after which a capitalised word names a thing, not a person: "the
/// Jordan", "a Christian charity", "his Mercedes".
const DETERMINERS: [&str; 13] = [
    "the", "a", "an", "this", "these", "those", "its", "his", "her", "their", "our", "my", "your",
];

/// Given names that are as often a faith or a nation ("she is Christian",
/// "an Irish charity").
const FAITHS_AND_NATIONS: [&str; 2] = ["christian", "irish"];

/// Words of going somewhere, whose "to" leads to a place ("moved to
/// Chester"); any other "to" may lead to a person ("gave it to Darren",
/// "according to Sharon").
const GOING: [&str; 16] = [
    "moved",
    "move",
    "moving",
    "went",
    "go",
    "going",
    "gone",
    "travelled",
    "travel",
    "drove",
    "returned",
    "relocated",
    "back",
    "near",
    "close",
    "came",
];

/// What a person sends or gives, whose "from" leads to a person ("an email
/// from Kelly").
const SENT: [&str; 22] = [
    "email", "emails", "e-mail", "letter", "letters", "call", "calls", "message", "messages",
    "text", "texts", "reply", "response", "note", "notes", "visit", "visits", "heard", "received",
    "support", "help", "advice",
];

/// Given names that stand alone.
pub(super) fn lone(text: &str, out: &mut Vec<Detection>) {
    let bytes = text.as_bytes();
    let mut from = 0;
    // Only where a capital may stand: an ASCII capital or a character
    // outside ASCII.
    loop {
        let at = next_capital(bytes, from);
        if at == bytes.len() {
            break;
        }
        let (word, whole) = match ascii_word(bytes, at) {
            Some(Ascii::Word(end)) => (Some(end), end),
            Some(Ascii::NoName(end)) => (None, end),
            None => {
                let whole = word_end(text, at);
                (name_word(text, at).map(|(end, _)| end), whole)
            }
        };
        let past_capital = if bytes[at].is_ascii() {
            at + 1
        } else {
            at + text[at..].chars().next().map_or(1, char::len_utf8)
        };
        from = whole.max(past_capital);
        if let Some(end) = word
            && whole > at
            && stands_alone(text, at, end, whole)
        {
            out.push(heuristic(at..end));
        }
    }
}

/// What the bytes at a capital say without reading characters.
enum Ascii {
    /// A capital and lower-case letters, then a space or a stop: the word's
    /// end.
    Word(usize),
    /// No name word starts here (a letter or a joiner before it, a capital
    /// or a digit inside it); read on from the end.
    NoName(usize),
}

/// Reads the word at `at` by its bytes where they are ASCII; `None` where
/// characters must be read (a letter outside ASCII, an apostrophe, a
/// hyphen).
fn ascii_word(bytes: &[u8], at: usize) -> Option<Ascii> {
    if !bytes[at].is_ascii_uppercase() {
        return None;
    }
    // A capital and lower-case letters ("Sharon"), or capitals alone
    // ("SHARON", three at least).
    let lower = bytes[at + 1..]
        .iter()
        .take_while(|b| b.is_ascii_lowercase())
        .count();
    let upper = if lower == 0 {
        bytes[at + 1..]
            .iter()
            .take_while(|b| b.is_ascii_uppercase())
            .count()
    } else {
        0
    };
    let run = at + 1 + lower + upper;
    let joined = at > 0
        && (bytes[at - 1].is_ascii_alphanumeric()
            || matches!(bytes[at - 1], b'\'' | b'-' | b'@' | b'.'));
    match bytes.get(run) {
        _ if joined => Some(Ascii::NoName(run)),
        Some(b) if b.is_ascii_alphanumeric() => Some(Ascii::NoName(run)),
        Some(b) if !b.is_ascii() || matches!(b, b'\'' | b'-') => None,
        _ if at > 0 && !bytes[at - 1].is_ascii() => None,
        _ if run - at < 2 || (upper > 0 && run - at < 3) => Some(Ascii::NoName(run)),
        _ => Some(Ascii::Word(run)),
    }
}

/// Where the word of letters, apostrophes and hyphens that starts at `at`
/// ends (`at` when no word starts there: a letter or a joiner before it).
fn word_end(text: &str, at: usize) -> usize {
    let joined = text[..at]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, '\'' | '\u{2019}' | '-' | '@' | '.'));
    if joined {
        return at;
    }
    text[at..]
        .find(|c: char| !(c.is_alphabetic() || matches!(c, '\'' | '\u{2019}' | '-')))
        .map_or(text.len(), |i| at + i)
}

/// Whether the word `text[at..end]` is a given name standing alone; the
/// whole word it starts (with a possessive) ends at `whole`.
fn stands_alone(text: &str, at: usize, end: usize, whole: usize) -> bool {
    let word = &text[at..end];
    let possessive = end < whole;
    // A name in capitals ("SHARON said no") is read as its title case.
    let capitals = word.chars().count() >= 3 && word.chars().all(char::is_uppercase);
    let shaped = word.starts_with(char::is_uppercase)
        && (capitals || word.chars().skip(1).all(char::is_lowercase) || joined_given_names(word));
    if !shaped
        || capitalised_word_after(text, whole)
        || !(is_given_name(word) || joined_given_names(word))
    {
        return false;
    }
    let word: Cow<'_, str> = if capitals {
        let mut chars = word.chars();
        Cow::Owned(
            chars
                .next()
                .into_iter()
                .chain(chars.flat_map(char::to_lowercase))
                .collect(),
        )
    } else {
        Cow::Borrowed(word)
    };
    let word = word.as_ref();
    !is_word_name(word)
        && !never_a_name(word)
        && !FAITHS_AND_NATIONS
            .iter()
            .any(|f| f.eq_ignore_ascii_case(word))
        && !is_place_word(word)
        && !KIN_TITLES.iter().any(|k| k.eq_ignore_ascii_case(word))
        && !ORGANISATION_WORDS.contains(&word)
        && !joined_to_a_place(text, whole)
        && apart_from_words_before(text, at, possessive)
}

/// Whether a hyphen joins given names into one ("Mary-Kate", "Kayleigh-Ann",
/// "Jo-Anne"): every part capitalised, one at least a given name no word
/// list has, the others given names or of two letters.
fn joined_given_names(word: &str) -> bool {
    let parts: Vec<&str> = word.split('-').collect();
    let given = |p: &str| is_given_name(p) && !is_word_name(p);
    parts.len() == 2
        && parts.iter().all(|p| {
            p.starts_with(char::is_uppercase)
                && p.chars().skip(1).all(char::is_lowercase)
                && (given(p) || p.chars().count() == 2)
        })
        && parts.iter().any(|p| given(p))
}

/// Whether "and" joins the word to a capitalised word that is no given
/// name and no title, as places and organisations are joined ("Kent and
/// Medway", "Chelsea and Westminster"; not "Lisa and Darren", "Lisa and
/// Mrs X").
fn joined_to_a_place(text: &str, at: usize) -> bool {
    let Some(rest) = text[at..]
        .strip_prefix(" and ")
        .or_else(|| text[at..].strip_prefix(" & "))
    else {
        return false;
    };
    let next = &rest[..rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len())];
    next.starts_with(char::is_uppercase)
        && next.chars().skip(1).any(char::is_lowercase)
        && !is_given_name(next)
        && !is_title(next)
}

/// Whether a capitalised word follows after one space ("Victoria Park"),
/// other than "I" ("told Lisa I would").
fn capitalised_word_after(text: &str, at: usize) -> bool {
    let Some(rest) = text[at..].strip_prefix(' ') else {
        return false;
    };
    if rest
        .as_bytes()
        .first()
        .is_none_or(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        return false;
    }
    let next = &rest[..rest
        .find(|c: char| !(c.is_alphabetic() || matches!(c, '\'' | '\u{2019}')))
        .unwrap_or(rest.len())];
    next.starts_with(char::is_uppercase) && !matches!(next, "I" | "I'm" | "I've" | "I'd" | "I'll")
}

/// Whether the words before `at` leave the word there standing alone: no
/// capitalised word joined to it ("Port Elizabeth", "Mrs Lisa"; a word that
/// starts a sentence and is a word of the language may stand before it:
/// "Thanks Lisa"), no article, and no preposition of place unless a
/// possessive makes it a person's.
fn apart_from_words_before(text: &str, at: usize, possessive: bool) -> bool {
    let head = &text[..at];
    let Some(before) = head.strip_suffix(' ') else {
        return true;
    };
    let start = word_start(text, before.len());
    let previous = &text[start..before.len()];
    let lower = previous.to_ascii_lowercase();
    if DETERMINERS.contains(&lower.as_str()) {
        return false;
    }
    // A capitalised word before it joins it to a name ("Port Elizabeth"),
    // unless it is a word of the language that starts the sentence
    // ("Thanks Lisa") or a day or a month ("On Tuesday Kelly rang").
    if previous.starts_with(char::is_uppercase) {
        let may_stand_before = (starts_sentence(text, start) && is_english_word(previous))
            || is_month(previous)
            || is_weekday(previous);
        if !may_stand_before {
            return false;
        }
    }
    possessive || !leads_to_a_place(text, start, &lower)
}

/// Whether the word `previous` (lower case), which starts at `start`, makes
/// the word after it a place: a preposition of place, "to" after a word of
/// going somewhere, "from" after no word for what a person sends ("an
/// email from Kelly", "heard from Darren").
fn leads_to_a_place(text: &str, start: usize, previous: &str) -> bool {
    let before = text[..start].split_whitespace().next_back().unwrap_or("");
    let one_of = |words: &[&str]| words.iter().any(|w| w.eq_ignore_ascii_case(before));
    match previous {
        "to" => one_of(&GOING),
        "from" => !one_of(&SENT),
        _ => PLACE_PREPOSITIONS.contains(&previous),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anonymise::detect::found_by;

    fn found(text: &str) -> Vec<&str> {
        found_by(lone, text)
    }

    #[test]
    fn a_given_name_standing_alone() {
        for (text, name) in [
            ("Mrs X told Lisa she was unhappy.", "Lisa"),
            ("Thanks Lisa, I will pass this on.", "Lisa"),
            ("According to Sharon, the visit was cancelled.", "Sharon"),
            ("Darren had not visited since March.", "Darren"),
            ("Mrs X met Kayleigh on 3 May.", "Kayleigh"),
            ("We asked Kelly and her manager.", "Kelly"),
            ("She stayed at Lisa's house.", "Lisa"),
            ("Mrs X told Lisa I would call.", "Lisa"),
            ("(Tracey said no.)", "Tracey"),
            ("On Tuesday Kelly rang again.", "Kelly"),
            ("She said that Kelly had threatened her.", "Kelly"),
            ("Lisa and Mrs X came.", "Lisa"),
            ("Email from Kelly to Mrs X.", "Kelly"),
            ("SHARON said no.", "SHARON"),
            ("Mrs X rang Kayleigh-Ann twice.", "Kayleigh-Ann"),
            ("The visit by Jo-Anne was cancelled.", "Jo-Anne"),
        ] {
            assert_eq!(found(text), [name], "{text}");
        }
    }

    #[test]
    fn words_names_places_and_things_stay() {
        for text in [
            // Words of the language: a cue must say they are names.
            "Mrs X asked Grace to call back.",
            "The Will was read in May.",
            // Beside another capitalised word.
            "She walked in Victoria Park.",
            "Preston Council replied.",
            "Mrs Lisa replied.",
            "The letter from Lisa Smith came.",
            // After an article or a preposition of place.
            "She moved to Chester in June.",
            "She was born in Florence.",
            "She came home from Lincoln.",
            "In Chester, her son visited.",
            "a Christian charity",
            "The Preston office closed.",
            "His Mercedes was damaged.",
            "She is Christian.",
            "Kent and Medway ICB replied.",
            "the Jordan valley",
            // A month, a weekday, an acronym, inside an address.
            "We met in June.",
            "lisa.smith@example.org",
            "The OT visited.",
            "The NHS and CQC replied.",
            "FINAL DECISION",
            "She lives in Stoke-on-Trent.",
            "A Lee-Enfield rifle.",
        ] {
            assert_eq!(found(text), [] as [&str; 0], "{text}");
        }
    }
}
