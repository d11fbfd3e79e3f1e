//! What clauses left out leave beside each other: a conjunction with
//! nothing left to join ("rang and later that day", "lived at home and
//! later."), a word said twice ("moved from home home"), an aside with
//! nothing left in it ("her email, from bev@example.org, said" → "her email
//! said").

use super::Edit;

/// Words that may follow "and" or "or" in a conjunction: "and later".
const JOINING: [&str; 8] = [
    "and",
    "or",
    "then",
    "later",
    "also",
    "again",
    "afterwards",
    "subsequently",
];

/// The edits (in text order, not overlapping) mended where they meet:
///
/// - two clauses left out with only a conjunction between them ("rang from
///   01632 960118 and later from 07700 900461 that day") go as one, with
///   the conjunction;
/// - a clause left out at the end of a sentence or clause after a
///   conjunction ("lived at home and later at 12 Mill Lane.") takes the
///   conjunction with it;
/// - a rewrite that says again the word the rewrite before it ended with,
///   with nothing between them ("from home" then "home" for "to 12 Mill
///   Lane"), says nothing;
/// - an aside that a clause left out empties (", from bev@example.org,"),
///   or leaves with only a participle ("(sent from 12 Mill Lane)"), goes
///   with its commas or brackets.
pub(super) fn mend(text: &str, edits: Vec<Edit>) -> Vec<Edit> {
    let mut out: Vec<Edit> = Vec::with_capacity(edits.len());
    for mut edit in edits {
        let floor = out.last().map_or(0, |last| last.range.end);
        if let Some(last) = out.last_mut()
            && last.text.is_empty()
            && edit.text.is_empty()
            && is_conjunction(&text[last.range.end..edit.range.start])
        {
            last.range.end = edit.range.end;
            continue;
        }
        if edit.text.is_empty()
            && ends_clause(&text[edit.range.end..])
            && let Some(start) = conjunction_before(text, floor, edit.range.start)
        {
            edit.range.start = start;
        }
        if let Some(last) = out.last()
            && !edit.text.is_empty()
            && text[last.range.end..edit.range.start].trim().is_empty()
            && last.text.rsplit(' ').next() == Some(edit.text.as_str())
        {
            edit.range.start = last.range.end;
            edit.text.clear();
        }
        if let Some(range) = emptied_aside(text, floor, &edit) {
            edit.range = range;
        }
        if let Some(end) = joined_to_the_same_word(text, &edit) {
            edit.range.end = end;
        }
        out.push(edit);
    }
    out
}

/// The end of the "and" or "or" after a clause left out that joined it to
/// another starting with the same word: "rang from 07700 900318 and from
/// the landline" → "rang from the landline", not "rang and from the
/// landline".
fn joined_to_the_same_word(text: &str, edit: &Edit) -> Option<usize> {
    if !edit.text.is_empty() {
        return None;
    }
    let word = text[edit.range.clone()].split_whitespace().next()?;
    let rest = &text[edit.range.end..];
    ["and", "or"].iter().find_map(|conjunction| {
        let after = rest.strip_prefix(' ')?.strip_prefix(conjunction)?;
        let next = after.strip_prefix(' ')?.strip_prefix(word)?;
        next.starts_with(' ')
            .then(|| edit.range.end + 1 + conjunction.len())
    })
}

/// Whether `gap` is a conjunction and nothing else: "and", ", or",
/// "and later".
fn is_conjunction(gap: &str) -> bool {
    let mut words = words(gap);
    gap.len() <= 32
        && words.next().is_some_and(|w| matches!(w, "and" | "or"))
        && words.all(|w| JOINING.contains(&w))
}

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
}

/// Whether a clause ends where `rest` starts.
fn ends_clause(rest: &str) -> bool {
    rest.chars()
        .next()
        .is_none_or(|c| matches!(c, '.' | ';' | ',' | ')' | '!' | '?' | '\n'))
}

/// Where a conjunction ("and", "or later") that ends `text[floor..at]`
/// starts, with the space before it, when words come before it.
fn conjunction_before(text: &str, floor: usize, at: usize) -> Option<usize> {
    let head = &text[floor..at];
    let mut start = None;
    let mut rest = head.trim_end();
    while let Some((before, word)) = rest.rsplit_once(' ') {
        if !JOINING.contains(&word) {
            break;
        }
        if matches!(word, "and" | "or") {
            start = Some(before.len());
        }
        rest = before.trim_end_matches([' ', ',']);
    }
    // Something of the sentence's own before it.
    let before = text[..floor + start?].trim_end_matches([' ', ',']);
    (!before.is_empty() && !before.ends_with(['.', '!', '?', ':', ';']))
        .then_some(before.len().max(floor))
}

/// The range of an aside that the removal `edit` leaves empty, or with only
/// a participle in it, with its commas or brackets: "email, from X, said"
/// → "email said"; "wrote, however, from X, to" → "wrote, however, to" (the
/// comma that closes an earlier aside stays); "letter (sent from X) came"
/// → "letter came"; "call — from X — was" → "call was".
fn emptied_aside(text: &str, floor: usize, edit: &Edit) -> Option<std::ops::Range<usize>> {
    if !edit.text.is_empty() {
        return None;
    }
    // A dash closes an aside only spaced: "call — from X — was".
    let rest = &text[edit.range.end..];
    let dashed = rest
        .strip_prefix(' ')
        .filter(|r| r.starts_with(['\u{2014}', '\u{2013}']));
    let skip = rest.len() - dashed.unwrap_or(rest).len();
    let closer = text[edit.range.end + skip..].chars().next()?;
    let opener = match closer {
        ',' => ',',
        ')' => '(',
        '\u{2014}' | '\u{2013}' if skip == 1 => closer,
        _ => return None,
    };
    let head = text[floor..edit.range.start].trim_end();
    // "(sent": a participle may be all that is left.
    let word = head.rfind([' ', opener]).map_or(0, |i| {
        i + head[i..].chars().next().map_or(1, char::len_utf8)
    });
    let head = if is_participle(&head[word..]) {
        head[..word].trim_end()
    } else {
        head
    };
    let open = floor + head.strip_suffix(opener)?.len();
    let before = text[..open].trim_end();
    if before.is_empty() || before.ends_with(['.', '!', '?', ':', ';', '\n']) {
        return None;
    }
    let close = edit.range.end + skip + closer.len_utf8();
    if opener != ',' {
        return Some(before.len()..close);
    }
    // The comma before the aside may close an earlier one (", however,"):
    // then the aside's own closing comma stays in its place.
    let sentence = before.rfind(['.', '!', '?', '\n']).map_or(0, |i| i + 1);
    let earlier = before[sentence..]
        .rsplit_once(',')
        .is_some_and(|(_, since)| since.split_whitespace().count() <= 3);
    Some(if earlier {
        open..edit.range.end
    } else {
        open..close
    })
}

/// A past participle that means nothing once its place or detail has gone:
/// "sent", "posted", "written".
fn is_participle(word: &str) -> bool {
    word.len() >= 3
        && word.bytes().all(|b| b.is_ascii_lowercase())
        && (word.ends_with("ed") || word.ends_with("en") || word.ends_with('t'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anonymise::rewrite::Rule;

    fn edit(text: &str, what: &str, with: &str) -> Edit {
        let start = text.find(what).expect("in the text");
        Edit {
            range: start..start + what.len(),
            text: with.to_string(),
            rule: Rule::AddressDropped,
        }
    }

    fn apply(text: &str, edits: Vec<Edit>) -> String {
        let mut out = String::new();
        let mut at = 0;
        for e in mend(text, edits) {
            out.push_str(&text[at..e.range.start]);
            out.push_str(&e.text);
            at = e.range.end;
        }
        out + &text[at..]
    }

    #[test]
    fn conjunctions_with_nothing_to_join_go() {
        let t = "He rang from A and later from B that day.";
        let e = vec![edit(t, " from A", ""), edit(t, " from B", "")];
        assert_eq!(apply(t, e), "He rang that day.");
        let t = "He lived at A and later at B.";
        let e = vec![edit(t, "at A", "at home"), edit(t, " at B", "")];
        assert_eq!(apply(t, e), "He lived at home.");
        let t = "She asked, and then at B.";
        assert_eq!(apply(t, vec![edit(t, " at B", "")]), "She asked.");
    }

    #[test]
    fn a_clause_left_out_takes_the_conjunction_to_its_twin() {
        let t = "She rang from A and from the landline at B.";
        let e = vec![edit(t, " from A", ""), edit(t, " at B", "")];
        assert_eq!(apply(t, e), "She rang from the landline.");
        let t = "She wrote from A or from B.";
        let e = vec![edit(t, " from A", ""), edit(t, " from B", "")];
        assert_eq!(apply(t, e), "She wrote.");
        // Another word after the conjunction is another clause.
        let t = "She rang from A and at the weekend.";
        assert_eq!(
            apply(t, vec![edit(t, " from A", "")]),
            "She rang and at the weekend."
        );
        let t = "She rang from A and fromage.";
        assert_eq!(
            apply(t, vec![edit(t, " from A", "")]),
            "She rang and fromage."
        );
    }

    #[test]
    fn conjunctions_that_join_stay() {
        // A conjunction joining words that stay.
        let t = "He rang from A and wrote from B.";
        let e = vec![edit(t, " from A", ""), edit(t, " from B", "")];
        assert_eq!(apply(t, e), "He rang and wrote.");
        // No clause ends after the removal.
        let t = "He rang and later from B said so.";
        assert_eq!(
            apply(t, vec![edit(t, " from B", "")]),
            "He rang and later said so."
        );
        // "later" without a conjunction is the sentence's own.
        let t = "He rang later from B.";
        assert_eq!(apply(t, vec![edit(t, " from B", "")]), "He rang later.");
        // Nothing before the conjunction.
        let t = "And then at B.";
        assert_eq!(apply(t, vec![edit(t, " at B", "")]), "And then.");
    }

    /// `text` with `what` left out, mended.
    fn without(text: &str, what: &str) -> String {
        apply(text, vec![edit(text, what, "")])
    }

    #[test]
    fn asides_left_empty_go() {
        for (text, want) in [
            (
                "Her first email, from A, said so.",
                "Her first email said so.",
            ),
            (
                "Her letter, sent from A, arrived late.",
                "Her letter arrived late.",
            ),
            (
                "Her letter (posted from A) arrived late.",
                "Her letter arrived late.",
            ),
            // The comma that closes an earlier aside stays.
            (
                "She wrote, however, from A, to the Council.",
                "She wrote, however, to the Council.",
            ),
        ] {
            assert_eq!(without(text, " from A"), want, "{text}");
        }
    }

    #[test]
    fn asides_with_words_left_stay() {
        for (text, want) in [
            // Words of the sentence's own are left in the aside.
            (
                "Her letter, which she sent from A, arrived late.",
                "Her letter, which she sent, arrived late.",
            ),
            // Not an aside: the clause goes on after the comma.
            (
                "She wrote from A, and then she rang.",
                "She wrote, and then she rang.",
            ),
            // An adverb is no participle.
            (
                "He wrote, angrily from A, to us.",
                "He wrote, angrily, to us.",
            ),
        ] {
            assert_eq!(without(text, " from A"), want, "{text}");
        }
    }

    #[test]
    fn a_word_is_not_said_twice() {
        let t = "He moved from A to B.";
        let e = vec![edit(t, "from A", "from home"), edit(t, "to B", "home")];
        assert_eq!(apply(t, e), "He moved from home.");
    }
}
