//! A name nobody listed joined to a listed person's name by "and", "or" or
//! a comma ("Social workers Lorraine Pemberton and Joanne Bramley visited",
//! "Joanne Bramley and Lorraine Pemberton"): beside a person, a given name and
//! a capitalised word are a person too, even where the second is also a
//! word ("Bramley", "Booth"); so are two capitalised words neither of
//! which is a word ("Zbigniew Nowak", "Jo Bramley") and a given name alone
//! that is no word ("Mrs Pargeter and Lisa"). Never a title, an
//! organisation's or a place's word ("Lorraine Pemberton and Grace Church
//! Hall", "Ofsted Inspectors").

use std::ops::Range;

use super::Detection;
use super::names::{ORGANISATION_WORDS, Word, heuristic, name_word, never_a_name, word_start};
use crate::anonymise::name_tables::is_given_name;
use crate::anonymise::reading::is_place_word;
use crate::anonymise::words::{is_month, is_word_name};

/// What joins two names.
const JOINS: [&str; 3] = [" and ", " or ", ", "];

/// The capitalised name word at `at`: its end.
fn capitalised(text: &str, at: usize) -> Option<usize> {
    let (end, kind) = name_word(text, at)?;
    (kind == Word::Name && text[at..].starts_with(char::is_uppercase)).then_some(end)
}

/// Whether a capitalised word may end a person's name beside another's.
fn may_end_a_name(word: &str) -> bool {
    !never_a_name(word) && !ORGANISATION_WORDS.contains(&word) && !is_place_word(word)
}

/// A given name and a family name starting at `at`: where they end. The
/// first is a given name ("Joanne Bramley"), or neither is a word
/// ("Zbigniew Nowak", "Jo Bramley"; but "Ofsted Inspectors").
fn name_at(text: &str, at: usize) -> Option<usize> {
    let first = capitalised(text, at)?;
    let given = &text[at..first];
    // "May Day", "June Monday": a month first is a date's.
    if never_a_name(given)
        || is_month(given)
        || !may_end_a_name(given)
        || !text[first..].starts_with(' ')
    {
        return None;
    }
    let end = capitalised(text, first + 1)?;
    let family = &text[first + 1..end];
    if !may_end_a_name(family)
        || !(is_given_name(given) || !(is_word_name(given) || is_word_name(family)))
    {
        return None;
    }
    // "… and Joanne Bramley Primary School": a capitalised word after it makes
    // the whole another kind of name.
    let next = text[end..]
        .strip_prefix(' ')
        .and_then(|_| capitalised(text, end + 1).map(|e| &text[end + 1..e]));
    next.is_none_or(may_end_a_name).then_some(end)
}

/// A given name alone at `at` that is no word ("Mrs X and Lisa"), with no
/// capitalised word after it: where it ends.
fn given_alone_at(text: &str, at: usize) -> Option<usize> {
    let end = capitalised(text, at)?;
    let word = &text[at..end];
    let alone = !text[end..]
        .strip_prefix(' ')
        .is_some_and(|rest| rest.starts_with(char::is_uppercase));
    (alone && is_given_name(word) && !is_word_name(word) && may_end_a_name(word)).then_some(end)
}

/// Names nobody listed joined to the listed names at `listed`.
pub(crate) fn beside_listed(text: &str, listed: &[Range<usize>]) -> Vec<Detection> {
    let mut out = Vec::new();
    for range in listed {
        // After: "Lorraine Pemberton and Joanne Bramley".
        if let Some(join) = JOINS.iter().find(|j| text[range.end..].starts_with(**j)) {
            let at = range.end + join.len();
            if let Some(end) = name_at(text, at).or_else(|| given_alone_at(text, at)) {
                out.push(heuristic(at..end));
            }
        }
        // Before: "Joanne Bramley and Lorraine Pemberton".
        if let Some(join) = JOINS.iter().find(|j| text[..range.start].ends_with(**j)) {
            let family_end = range.start - join.len();
            let family_start = word_start(text, family_end);
            if family_start >= 2 && text[..family_start].ends_with(' ') {
                let given_start = word_start(text, family_start - 1);
                if name_at(text, given_start) == Some(family_end) {
                    out.push(heuristic(given_start..family_end));
                    continue;
                }
            }
            // "Lisa and Mrs Pargeter": a given name alone, nothing
            // capitalised before it but a sentence's start.
            let before_given = text[..family_start].trim_end();
            let capital_before = text[word_start(text, before_given.len())..before_given.len()]
                .starts_with(char::is_uppercase);
            if (!capital_before || before_given.is_empty())
                && given_alone_at(text, family_start) == Some(family_end)
            {
                out.push(heuristic(family_start..family_end));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, listed: &str) -> Vec<String> {
        let at = text.find(listed).expect("the listed name is in the text");
        beside_listed(text, std::slice::from_ref(&(at..at + listed.len())))
            .into_iter()
            .map(|d| text[d.range].to_string())
            .collect()
    }

    #[test]
    fn a_name_joined_to_a_listed_one_is_a_name() {
        let listed = "Lorraine Pemberton";
        assert_eq!(
            found(
                "Social workers Lorraine Pemberton and Joanne Bramley visited.",
                listed
            ),
            ["Joanne Bramley"]
        );
        assert_eq!(
            found("Joanne Bramley and Lorraine Pemberton visited.", listed),
            ["Joanne Bramley"]
        );
        assert_eq!(
            found("Lorraine Pemberton, Helen Booth and others met.", listed),
            ["Helen Booth"]
        );
        assert_eq!(
            found("Copied to Lorraine Pemberton or Karen Booth.", listed),
            ["Karen Booth"]
        );
        // A given name alone that is no word.
        assert_eq!(
            found(
                "Emails between Lorraine Pemberton and Lisa show it.",
                listed
            ),
            ["Lisa"]
        );
        assert_eq!(
            found("Lisa and Lorraine Pemberton visited.", listed),
            ["Lisa"]
        );
        assert_eq!(
            found("Lorraine Pemberton and Joanne visited.", listed),
            ["Joanne"]
        );
        // A given name no list has, with a family name that is no word.
        assert_eq!(
            found("Lorraine Pemberton and Zbigniew Nowak visited.", listed),
            ["Zbigniew Nowak"]
        );
        assert_eq!(
            found("Jo Bramley and Lorraine Pemberton visited.", listed),
            ["Jo Bramley"]
        );
    }

    #[test]
    fn other_words_beside_a_listed_name_stay() {
        let listed = "Lorraine Pemberton";
        for text in [
            "Lorraine Pemberton and the Council met.",
            "Lorraine Pemberton and Calderbrook Council met.",
            "Lorraine Pemberton and Grace Church Hall staff met.",
            "Lorraine Pemberton and May Day plans.",
            "In April and May Lorraine Pemberton visited.",
            "Lorraine Pemberton, Social Worker, wrote.",
            "Lorraine Pemberton and Mrs Y met.",
            "Lorraine Pemberton and Grace visited.",
            "Lorraine Pemberton and June Monday.",
            "Lorraine Pemberton and Ofsted Inspectors met.",
        ] {
            assert_eq!(found(text, listed), [] as [String; 0], "{text}");
        }
    }
}
