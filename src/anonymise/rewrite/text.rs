//! Reading a clause around an identifier: the words before and after it,
//! its sentence, its aside.

use std::ops::Range;

/// Whether `text[..at]` ends with `phrase` as whole words (ASCII case
/// ignored), allowing spaces after it: where the phrase starts. A phrase
/// right after a full stop is the end of an abbreviation ("b." in
/// "d.o.b."), not the phrase.
pub(super) fn phrase_before(text: &str, at: usize, phrase: &str) -> Option<usize> {
    let head = text[..at].trim_end_matches(' ');
    let start = head.len().checked_sub(phrase.len())?;
    if !head.is_char_boundary(start) || !head[start..].eq_ignore_ascii_case(phrase) {
        return None;
    }
    let boundary = head[..start]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric() && c != '.');
    boundary.then_some(start)
}

/// The first of `phrases` (longest first) that `text[..at]` ends with.
pub(super) fn any_before<'p>(
    text: &str,
    at: usize,
    phrases: &'p [String],
) -> Option<(usize, &'p str)> {
    phrases
        .iter()
        .find_map(|p| phrase_before(text, at, p).map(|s| (s, p.as_str())))
}

/// The words of `text` (letters, digits, apostrophes and inner hyphens or
/// full stops), lower case, without a possessive "'s".
pub(super) fn words(text: &str) -> Vec<String> {
    words_of(text).collect()
}

/// [`words`], one at a time (for a reader that may stop at the first).
pub(super) fn words_of(text: &str) -> impl DoubleEndedIterator<Item = String> + '_ {
    text.split(|c: char| !(c.is_alphanumeric() || matches!(c, '\'' | '\u{2019}' | '-' | '.')))
        // "'s" left after a name: the possessive, no word.
        .filter(|w| !matches!(*w, "'s" | "\u{2019}s"))
        .map(|w| w.trim_matches(|c: char| matches!(c, '\'' | '\u{2019}' | '-' | '.')))
        .filter(|w| !w.is_empty())
        .map(|w| {
            let w = w.to_lowercase();
            w.strip_suffix("'s")
                .or_else(|| w.strip_suffix("\u{2019}s"))
                .map(str::to_string)
                .unwrap_or(w)
        })
        .filter(|w| !w.is_empty())
}

/// The up to `n` lower-case words before `at` back to the verb of its
/// clause: across the commas of an aside ("lives with her mother, Faith
/// Okonkwo, at"), but not past the end of a sentence, a bracket or a
/// conjunction that starts another clause.
pub(super) fn verb_words_before(text: &str, at: usize, n: usize) -> Vec<String> {
    const CLAUSE_STARTS: [&str; 9] = [
        "and", "but", "or", "which", "who", "although", "while", "when", "because",
    ];
    let head = &text[..at];
    let start = head
        .rfind([
            ';', '(', ')', '.', '!', '?', ':', '\n', '"', '\u{201C}', '\u{201D}',
        ])
        .map_or(0, |i| i + 1);
    let mut w = words(&head[start..]);
    w.reverse();
    w.truncate(n);
    if let Some(stop) = w.iter().position(|x| CLAUSE_STARTS.contains(&x.as_str())) {
        w.truncate(stop);
    }
    w
}

/// The sentence around `range`: from the start of its sentence to the end
/// of its last character of punctuation (or of the line).
pub(super) fn sentence_around(text: &str, range: &Range<usize>) -> Range<usize> {
    // The marks are ASCII, so a byte search finds them at char boundaries.
    let is_mark = |b: &u8| matches!(b, b'\n' | b'.' | b'!' | b'?');
    let head = &text[..range.start];
    let mut start = 0;
    let mut upto = head.len();
    while let Some(i) = head.as_bytes()[..upto].iter().rposition(is_mark) {
        let ends = head[i + 1..].starts_with(char::is_whitespace) && !after_abbreviation(text, i);
        if head.as_bytes()[i] == b'\n' || ends {
            start = i + 1;
            break;
        }
        upto = i;
    }
    while text[start..].starts_with([' ', '\t']) {
        start += 1;
    }
    let tail = &text[range.end..];
    let mut end = text.len();
    let mut from = 0;
    while let Some(k) = tail.as_bytes()[from..].iter().position(is_mark) {
        let i = from + k;
        if tail.as_bytes()[i] == b'\n' {
            end = range.end + i;
            break;
        }
        let next = tail[i + 1..].chars().next();
        if next.is_none_or(|n| n.is_whitespace() || matches!(n, '"' | ')'))
            && !after_abbreviation(text, range.end + i)
        {
            end = range.end + i + 1;
            break;
        }
        from = i + 1;
    }
    start..end
}

/// Whether the full stop at `dot` ends an abbreviation with what it
/// abbreviates after it ("NHS No. 999 954 2557", "Tel. 01632 960118",
/// "hospital no. K778-2231", "Mrs. Nguyen"), so that no sentence ends there ("The answer was no.
/// Then" still ends one).
fn after_abbreviation(text: &str, dot: usize) -> bool {
    let bytes = text.as_bytes();
    let start = bytes[..dot]
        .iter()
        .rposition(|b| !b.is_ascii_alphabetic())
        .map_or(0, |i| i + 1);
    // Two to four ASCII letters, a whole word.
    if !(2..=4).contains(&(dot - start))
        || start
            .checked_sub(1)
            .is_some_and(|b| bytes[b].is_ascii_digit() || !bytes[b].is_ascii())
    {
        return false;
    }
    let word = &text[start..dot];
    let after = text[dot + 1..].trim_start();
    let next = after.chars().next();
    let number_word = matches!(word, "No" | "no" | "Tel" | "tel" | "Ref" | "ref");
    let title = matches!(word, "Mr" | "Mrs" | "Ms" | "Dr" | "Prof" | "Revd");
    // A number may start with its letters: "hospital no. K778-2231".
    let lettered_number = || {
        after
            .split(char::is_whitespace)
            .next()
            .is_some_and(|w| w.bytes().any(|b| b.is_ascii_digit()))
    };
    // "Her NHS no. is 999 954 2557": no sentence starts in lower case.
    next.is_some_and(|c| {
        (number_word
            && (c.is_ascii_digit()
                || c.is_ascii_lowercase()
                || matches!(c, '+' | '(')
                || lettered_number()))
            || (title && c.is_uppercase())
    })
}

/// The range a dropped span takes with it: the spaces after it, or when
/// none follow (the end of a line), the spaces before it.
pub(super) fn with_spacing(text: &str, range: Range<usize>) -> Range<usize> {
    let after = text[range.end..].len() - text[range.end..].trim_start_matches(' ').len();
    if after > 0 {
        return range.start..range.end + after;
    }
    let before = text[..range.start].len() - text[..range.start].trim_end_matches(' ').len();
    range.start - before..range.end
}

/// What leaves with the sentence `s`: its spacing, where it ends with its
/// own full stop; the whole line, where it has none and is a line of its
/// own.
pub(super) fn going_whole(text: &str, s: &Range<usize>) -> Option<Range<usize>> {
    if text[..s.end].ends_with(['.', '!', '?']) {
        Some(with_spacing(text, s.clone()))
    } else {
        line_around(text, s)
    }
}

/// The whole line, with its line break, when `s` is all of it (a list
/// item's marker is part of `s`): a line of a case system's notes
/// with no full stop ("Tel: 0113 496 0412").
fn line_around(text: &str, s: &Range<usize>) -> Option<Range<usize>> {
    let start = text[..s.start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[s.end..].find('\n').map_or(text.len(), |i| s.end + i);
    if !text[start..s.start].trim().is_empty() || !text[s.end..end].trim().is_empty() {
        return None;
    }
    // The line break after it goes too (else the one before it).
    let range = if end < text.len() {
        start..end + 1
    } else {
        start.saturating_sub(1)..end
    };
    Some(range)
}

/// The nearest character boundary at or before `at`.
pub(super) fn floor(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A list read as prose: "a", "a and b", "a, b and c".
pub(super) fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// `s` with its first letter a capital, if it was a small one.
pub(crate) fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c.is_lowercase() => c.to_uppercase().chain(chars).collect(),
        _ => s.to_string(),
    }
}

/// Words that start a description of a place or a line.
pub(super) const DETERMINERS: [&str; 9] =
    ["a", "an", "the", "her", "his", "their", "its", "our", "my"];

/// The end of `range`, with the comma after it where its own commas make
/// that one their close ("to jo@example.org, and jo@example.net, were",
/// "at 17 Sorrel Street, Halden HX3 8RL, until"), unless a clause of its
/// own follows ("…, which was damp") or the comma closes an aside opened
/// before it ("Her letter, sent from Flat 3, 41 Chandlers Wharf, arrived").
pub(super) fn with_closing_comma(text: &str, range: Range<usize>) -> usize {
    let after = &text[range.end..];
    let sentence = sentence_around(text, &range);
    let closes = text[range.clone()].contains(", ")
        && after.starts_with(", ")
        && !text[sentence.start..range.start].contains(',')
        && !starts_clause(&after[2..]);
    range.end + usize::from(closes)
}

/// Whether text after a comma starts a clause that keeps the comma ("and",
/// "who", "which").
pub(super) fn starts_clause(rest: &str) -> bool {
    let first = rest
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    matches!(
        first,
        "and" | "but" | "who" | "which" | "where" | "when" | "although" | "while" | "as" | "so"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_before_and_after_are_whole_words() {
        let text = "I spoke to her on 07700";
        assert_eq!(phrase_before(text, 18, "on"), Some(15));
        assert_eq!(phrase_before(text, 18, "n"), None);
    }

    #[test]
    fn sentences_and_clauses() {
        let text = "First one. Her NHS number is 999. Then more";
        let at = text.find("999").unwrap();
        let s = sentence_around(text, &(at..at + 3));
        assert_eq!(&text[s], "Her NHS number is 999.");
        assert_eq!(
            verb_words_before("She lived with him, Mr Y, at ", 29, 8),
            ["at", "y", "mr", "him", "with", "lived", "she"]
        );
        assert_eq!(
            verb_words_before("He rang and sent it to ", 23, 8),
            ["to", "it", "sent"]
        );
        assert_eq!(
            words("Mrs O'Neill's NHS No."),
            ["mrs", "o'neill", "nhs", "no"]
        );
    }
}
