//! A name set off before someone's relation ("Tom, her son, visited",
//! "Kayden, Mr Rooke's cousin, stayed", "Helen Booth, the care manager,
//! replied"), and how a relation and its possessor are read, for the
//! detector and the rewrite alike.

use std::sync::LazyLock;

use super::super::Detection;
use super::super::names::{ORGANISATION_WORDS, heuristic, word_start};
use super::{
    RELATION_ADJECTIVES, has_possessive_ending, is_possessive_pronoun, is_profession, is_relation,
    is_title, never_a_name,
};
use crate::anonymise::name_tables::is_given_name;
use crate::anonymise::words::{is_job_word, is_month, is_word_name};

/// A name set off before someone's relation or a relation with an
/// article: "Tom, her son, visited", "She lived with Sheila, her mother.",
/// "Helen Booth, the care manager, replied". One word no word list has or a
/// given name, or two or three whose first is a given name or none a word
/// ("Chloë Harrowgate, her neighbour,"); never a title's name (the titled
/// names' own), a place or an organisation.
pub(in crate::anonymise::detect) fn before_relation(text: &str, out: &mut Vec<Detection>) {
    static COMMA: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new(", "));
    for comma in COMMA.find_iter(text.as_bytes()) {
        let rest = &text[comma + 2..];
        let Some(len) = relation_introduced(rest) else {
            continue;
        };
        let tail = &rest[len..];
        let closes = tail.is_empty()
            || tail.starts_with([',', '.', ';', ')', '!', '?'])
            || tail.starts_with(" and ");
        if !closes {
            continue;
        }
        let start = names_before(text, comma);
        let words: Vec<&str> = text[start..comma].split(' ').collect();
        if let Some(skip) = name_before(&words) {
            let start = start + words[..skip].iter().map(|w| w.len() + 1).sum::<usize>();
            out.push(heuristic(start..comma));
        }
    }
}

/// The length of a relation and the words that introduce it at the start
/// of `text`: its possessor ("her son", "Mr Rooke's cousin", see
/// [`possessor_len`]), or an article before a relation by acquaintance ("a
/// neighbour", "a friend") or before a job ("the care manager"); but not
/// "the son", which is nobody's in particular.
pub(crate) fn relation_introduced(text: &str) -> Option<usize> {
    let article = ["a ", "an ", "the "]
        .into_iter()
        .find(|a| text.starts_with(a))
        .map(|a| a.len());
    let Some(article) = article else {
        let possessor = possessor_len(text)?;
        return Some(possessor + 1 + relation_len(&text[possessor + 1..])?);
    };
    let len = relation_len(&text[article..])?;
    let relation = &text[article..article + len];
    let word = relation.rsplit(' ').next().unwrap_or(relation);
    let known = is_profession(word) || ACQUAINTANCES.iter().any(|a| a.eq_ignore_ascii_case(word));
    known.then_some(article + len)
}

/// Relations that an article introduces ("Dawn Rose, a neighbour,").
const ACQUAINTANCES: [&str; 7] = [
    "neighbour",
    "friend",
    "flatmate",
    "housemate",
    "lodger",
    "carer",
    "colleague",
];

/// The length of the words that make the relation after them someone's,
/// at the start of `text`: a possessive pronoun ("her son") or up to four
/// capitalised words, the last a possessive ("Mr Rooke's cousin", "Mrs
/// X's son"); a space follows them.
pub(crate) fn possessor_len(text: &str) -> Option<usize> {
    let mut len = 0;
    for (i, word) in text.split(' ').take(5).enumerate() {
        let end = len + word.len();
        if end >= text.len() {
            return None;
        }
        if i == 0 && is_possessive_pronoun(word) {
            return Some(end);
        }
        if i == 4 || !word.starts_with(char::is_uppercase) {
            return None;
        }
        if has_possessive_ending(word) {
            return Some(end);
        }
        len = end + 1;
    }
    None
}

/// The length of a relation at the start of `text`, after up to two words
/// that qualify it ("son", "eldest son", "late husband", "social worker",
/// "care manager"), and the relation word itself; `None` when no relation
/// starts there.
pub(crate) fn relation_len(text: &str) -> Option<usize> {
    let mut at = 0;
    for _ in 0..3 {
        let rest = &text[at..];
        let len = rest
            .find(|c: char| !(c.is_alphabetic() || c == '-'))
            .unwrap_or(rest.len());
        let word = &rest[..len];
        if is_relation(word) {
            return Some(at + len);
        }
        // "eldest son", "care manager".
        let adjective = RELATION_ADJECTIVES
            .iter()
            .any(|a| a.eq_ignore_ascii_case(word))
            || is_job_word(word);
        if !adjective || !rest[len..].starts_with(' ') {
            return None;
        }
        at += len + 1;
    }
    None
}

/// Where the capitalised words that end at `end` start: up to three, one
/// space apart (`end` when there are none).
fn names_before(text: &str, end: usize) -> usize {
    let mut start = end;
    for _ in 0..3 {
        let at = word_start(text, start);
        if at == start || !text[at..].starts_with(char::is_uppercase) {
            break;
        }
        start = at;
        // Another capitalised word one space before continues the name.
        let Some(before) = text[..start].strip_suffix(' ') else {
            break;
        };
        let previous = word_start(before, before.len());
        if previous == before.len() || !before[previous..].starts_with(char::is_uppercase) {
            break;
        }
        start = before.len();
    }
    start
}

/// Words before a place or a time: "In Chester, her son" is no name.
const PREPOSITIONS: [&str; 12] = [
    "in", "at", "on", "near", "from", "to", "into", "outside", "around", "by", "via", "since",
];

/// Words that open a sentence and never begin a name or a place's name:
/// "Then Rhys, his stepson, came".
const OPENERS: [&str; 22] = [
    "then",
    "afterwards",
    "later",
    "meanwhile",
    "eventually",
    "finally",
    "subsequently",
    "next",
    "so",
    "but",
    "and",
    "also",
    "however",
    "sadly",
    "unfortunately",
    "recently",
    "previously",
    "initially",
    "instead",
    "yesterday",
    "today",
    "now",
];

/// Whether the capitalised words before ", her son" are a name, and where
/// it starts among them: "Then Tom" is Tom.
fn name_before(words: &[&str]) -> Option<usize> {
    let first = words.first()?.to_lowercase();
    if PREPOSITIONS.contains(&first.as_str()) {
        return None;
    }
    if let [opener, rest @ ..] = words
        && !rest.is_empty()
    {
        // A word that opens a sentence before the name ("Then Rhys, his
        // stepson,"); another word before a given name ("Once Tom, her
        // son,").
        if OPENERS.contains(&first.as_str()) {
            return is_name_before(rest).then_some(1);
        }
        if is_word_name(opener) && !is_given_name(opener) {
            return is_given_name(rest[0]).then_some(1);
        }
    }
    is_name_before(words).then_some(0)
}

/// Whether the capitalised words before ", her son" are a name.
fn is_name_before(words: &[&str]) -> bool {
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    if is_title(first)
        || ORGANISATION_WORDS.contains(last)
        || crate::anonymise::reading::is_place_word(last)
    {
        return false;
    }
    if let [word] = words {
        return !(never_a_name(word) || is_month(word))
            && (!is_word_name(word) || is_given_name(word));
    }
    is_given_name(first) || !words.iter().any(|w| is_word_name(w))
}
