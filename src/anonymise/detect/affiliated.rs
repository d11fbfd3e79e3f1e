//! A given name nobody listed that says where its person works or comes
//! from: "We spoke to Kelly from the Council", "Kelly Dunne at Age UK
//! said", "Kelly, from the housing team, replied", "Kelly (housing
//! officer) replied". Beside such words a given name is a person even
//! where it is also a word ("She said Mark from the Council rang"); at a
//! sentence's start only before an organisation's name ("Mark from the
//! Trust replied", but "Rose from the floor"); never a place a preposition
//! leads to ("She moved to Chester from the Midlands").

use std::sync::LazyLock;

use memchr::memmem;

use super::Detection;
use super::names::{ORGANISATION_WORDS, Word, heuristic, name_word, never_a_name, word_start};
use crate::anonymise::name_tables::is_given_name;
use crate::anonymise::reading::{is_place_word, starts_sentence};
use crate::anonymise::words::{is_english_word, is_job_word, is_month};

/// What may follow a person's name to say where they are from.
const CUES: [&str; 5] = [" from ", ", from ", " at ", " (", " in the "];

/// The last words of a part of an organisation a person works "in": "Lisa
/// in the complaints team".
const UNITS: [&str; 6] = [
    "team",
    "department",
    "office",
    "unit",
    "service",
    "services",
];

/// Words before a place, not a person: "moved to Chester from", "in
/// Florence at the time".
pub(super) const PLACE_PREPOSITIONS: [&str; 13] = [
    "in", "at", "near", "from", "of", "into", "outside", "around", "across", "through", "via",
    "towards", "between",
];

/// Verbs whose "to" leads to a person ("spoke to Kelly from the Council"),
/// not a place.
const REACHING: [&str; 22] = [
    "spoke",
    "speak",
    "speaking",
    "spoken",
    "talked",
    "talk",
    "talking",
    "wrote",
    "write",
    "written",
    "writing",
    "sent",
    "send",
    "explained",
    "complained",
    "reported",
    "referred",
    "passed",
    "forwarded",
    "introduced",
    "transferred",
    "apologised",
];

/// Where the words at `at` (after a name) say where its person is from,
/// the cue they start with: " from " the Council, " (" housing officer).
pub(crate) fn where_from_at(text: &str, at: usize) -> Option<&'static str> {
    CUES.into_iter()
        .find(|cue| text[at..].starts_with(cue) && says_where_from(text, at, cue))
}

/// The cues' searchers, built once.
static FINDERS: LazyLock<Vec<(&'static str, memmem::Finder<'static>)>> = LazyLock::new(|| {
    CUES.into_iter()
        .map(|cue| (cue, memmem::Finder::new(cue)))
        .collect()
});

/// Given names before words that say where their person is from.
pub(super) fn affiliated(text: &str, out: &mut Vec<Detection>) {
    for (cue, finder) in FINDERS.iter() {
        for at in finder.find_iter(text.as_bytes()) {
            // A place may stand before "from" and "at", never before a
            // team or a job.
            let place_possible = matches!(*cue, " from " | ", from " | " at ");
            if says_where_from(text, at, cue)
                && let Some(start) =
                    name_before(text, at, names_a_body(text, at + cue.len()), place_possible)
            {
                out.push(heuristic(start..at));
            }
        }
    }
}

/// Whether the words after the cue at `at` name a place of work: "from the
/// housing team", "from Age UK", "at the Council", "(housing officer)".
fn says_where_from(text: &str, at: usize, cue: &str) -> bool {
    let rest = &text[at + cue.len()..];
    let capitalised = |s: &str| s.starts_with(char::is_uppercase);
    match cue {
        " (" => rest.find(')').is_some_and(|end| {
            let inside: Vec<&str> = rest[..end].split_whitespace().collect();
            inside.len() <= 4 && inside.iter().any(|w| is_job_word(w))
        }),
        " at " => rest
            .strip_prefix("the ")
            .map_or(capitalised(rest), capitalised),
        // "in the complaints team", "in the Housing Options Service".
        " in the " => rest
            .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == ' '))
            .next()
            .is_some_and(|part| {
                part.split(' ')
                    .take(4)
                    .any(|w| UNITS.iter().any(|u| u.eq_ignore_ascii_case(w)))
            }),
        _ => rest.starts_with("the ") || capitalised(rest),
    }
}

/// Whether the words at `at` name an organisation in capitals: "the
/// Council", "Age UK" (not "the housing team").
fn names_a_body(text: &str, at: usize) -> bool {
    let rest = &text[at..];
    rest.strip_prefix("the ")
        .unwrap_or(rest)
        .starts_with(char::is_uppercase)
}

/// The given name (and family name) that ends at `end`, where it starts;
/// one that is also a word starts a sentence only before an organisation's
/// name ("Mark from the Trust replied", but "Rose from the floor").
fn name_before(text: &str, end: usize, before_a_body: bool, place_possible: bool) -> Option<usize> {
    let last = word_start(text, end);
    if !is_name_word(text, last, end) {
        return None;
    }
    // "Kelly Dunne from the Council": a given name before a family name.
    let given = text[..last]
        .strip_suffix(' ')
        .map(|head| (word_start(text, head.len()), head.len()))
        .filter(|&(start, stop)| {
            is_name_word(text, start, stop) && is_given_name(&text[start..stop])
        });
    let start = match given {
        Some((start, _)) => start,
        None if is_given_name(&text[last..end]) => last,
        None => return None,
    };
    let first = &text[start..given.map_or(end, |(_, stop)| stop)];
    let at_sentence_start = starts_sentence(text, start);
    if (at_sentence_start && !before_a_body && is_english_word(first))
        || (place_possible && leads_to_a_place(&text[..start]))
    {
        return None;
    }
    Some(start)
}

/// Whether `text[start..end]` is one capitalised name word that could be a
/// person's: no month, acronym, place's or organisation's word.
fn is_name_word(text: &str, start: usize, end: usize) -> bool {
    let word = &text[start..end];
    start < end
        && word.starts_with(char::is_uppercase)
        && name_word(text, start).is_some_and(|(e, kind)| e == end && kind == Word::Name)
        && !never_a_name(word)
        && !is_month(word)
        && !is_place_word(word)
        && !ORGANISATION_WORDS.contains(&word)
}

/// Whether the words before a name make it a place: a preposition of
/// place, or "to" after a verb that does not reach a person ("moved to
/// Chester from the Midlands", but "spoke to Kelly from the Council").
fn leads_to_a_place(head: &str) -> bool {
    let mut words = head.split_whitespace().rev();
    match words.next().map(str::to_lowercase).as_deref() {
        Some("to") => !words
            .next()
            .is_some_and(|verb| REACHING.iter().any(|r| r.eq_ignore_ascii_case(verb))),
        Some(word) => PLACE_PREPOSITIONS.contains(&word),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anonymise::detect::found_by;

    fn found(text: &str) -> Vec<&str> {
        found_by(affiliated, text)
    }

    #[test]
    fn a_given_name_beside_where_its_person_is_from() {
        for (text, name) in [
            ("We spoke to Kelly from the Council.", "Kelly"),
            ("Kelly from the housing team replied.", "Kelly"),
            ("Kelly, from the housing team, replied.", "Kelly"),
            ("Kelly (housing officer) replied.", "Kelly"),
            ("Then Kelly Dunne at Age UK said no.", "Kelly Dunne"),
            ("She said Mark from the Council rang.", "Mark"),
            ("We wrote to Dawn at the Trust.", "Dawn"),
            ("Mark from the Trust replied.", "Mark"),
            ("It went to Lisa in the complaints team.", "Lisa"),
        ] {
            assert_eq!(found(text), [name], "{text}");
        }
    }

    #[test]
    fn other_words_before_where_from_stay() {
        for text in [
            "She moved to Chester from the Midlands.",
            "She lived in Florence at the time.",
            "Rose from the floor.",
            "Social Services from the start refused.",
            "In April from the ward she rang.",
            "The GP (locum doctor) rang.",
            "Mrs X from the Council's records.",
            "Kelly at 3pm rang.",
            "She saw Kelly in the garden.",
            "Kingsley Vale Council from the start.",
        ] {
            assert_eq!(found(text), [] as [&str; 0], "{text}");
        }
    }
}
