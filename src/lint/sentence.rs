//! The sentences of a case's prose as finding ids hash them and the
//! review sheet shows them: whitespace collapsed and quotes made plain, and
//! the sentence around a place, which does not end at a title or an
//! initial ("Mrs. Smith", "J. Bloggs").

/// Whitespace collapsed, typographic apostrophes and quotes made plain.
pub(crate) fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().map(|c| match c {
            '\u{2019}' | '\u{2018}' => '\'',
            '\u{201C}' | '\u{201D}' => '"',
            c => c,
        }));
    }
    out
}

/// The longest a sentence shown on the sheet may be, either side of the
/// item.
const REACH: usize = 280;

/// The sentence of `text` around byte `at`: from the end of the sentence
/// before to the end of this one, at most [`REACH`] bytes either side.
pub(crate) fn sentence_at(text: &str, at: usize) -> String {
    let at = floor(text, at.min(text.len()));
    let head = &text[..at];
    let start = sentence_end_before(head).unwrap_or(0);
    // Cut a long sentence at a space, never inside a word.
    let start = if at - start > REACH {
        let from = ceil(text, at - REACH);
        text[from..at].find(' ').map_or(from, |i| from + i + 1)
    } else {
        start
    };
    let tail = &text[at..];
    let end = sentence_end_after(tail).map_or(text.len(), |e| at + e);
    let end = if end - at > REACH {
        let to = floor(text, at + REACH);
        text[at..to].rfind(' ').map_or(to, |i| at + i)
    } else {
        end
    };
    let mut out = text[start..end].trim().to_string();
    if start > 0 && !head[..start].trim_end().ends_with(['.', '!', '?']) {
        out.insert_str(0, "… ");
    }
    if end < text.len() && !out.ends_with(['.', '!', '?', '"', '\u{201D}']) {
        out.push_str(" …");
    }
    out
}

/// Where the sentence that `head` ends in starts: after the last ". ",
/// "? " or "! " (not after an initial or a title such as "Mrs.").
fn sentence_end_before(head: &str) -> Option<usize> {
    let bytes = head.as_bytes();
    (1..bytes.len()).rev().find_map(|i| {
        let end = matches!(bytes[i - 1], b'.' | b'?' | b'!') && bytes[i] == b' ';
        (end && !abbreviation_before(&head[..i - 1])).then_some(i + 1)
    })
}

/// The end of the sentence `tail` starts in (after its full stop).
fn sentence_end_after(tail: &str) -> Option<usize> {
    let bytes = tail.as_bytes();
    (0..bytes.len()).find_map(|i| {
        let stop = matches!(bytes[i], b'.' | b'?' | b'!');
        let next_is_break = bytes.get(i + 1).is_none_or(|b| *b == b' ');
        (stop && next_is_break && !abbreviation_before(&tail[..i])).then_some(i + 1)
    })
}

/// Whether the word before a full stop is an abbreviation or an initial,
/// not the end of a sentence.
pub(crate) fn abbreviation_before(head: &str) -> bool {
    let mut words = head.rsplit(' ');
    let word = words.next().unwrap_or(head);
    // "Mrs X." ends a sentence; "J. Bloggs" does not.
    let label = words
        .next()
        .is_some_and(|w| matches!(w, "Mr" | "Mrs" | "Ms" | "Miss" | "Mx" | "Dr"));
    (word.chars().count() == 1 && !label)
        || matches!(
            word,
            "Mr" | "Mrs"
                | "Ms"
                | "Dr"
                | "St"
                | "No"
                | "para"
                | "paras"
                | "e.g"
                | "i.e"
                | "s"
                | "ss"
        )
}

fn floor(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_do_not_end_at_titles_or_initials() {
        let text = "It rained. Then Mrs. Smith and J. Bloggs came to see Mrs X. She left.";
        let at = text.find("Mrs X").unwrap();
        assert_eq!(
            sentence_at(text, at),
            "Then Mrs. Smith and J. Bloggs came to see Mrs X."
        );
    }
}
