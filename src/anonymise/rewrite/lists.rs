//! A list whose every item was left out ("- Tel: 0113 496 0412", "- Email:
//! jo@example.org", each a line of contact details) takes the sentence
//! that introduced it ("Her contact details are:", "… as follows."), which
//! would otherwise introduce nothing; a long one, which says more, stays.

use std::ops::Range;

use super::text::{sentence_around, with_spacing};
use super::{Edit, Rule};

/// How a sentence that introduces a list ends.
const INTRODUCING: [&str; 4] = [":", "as follows.", "below.", "the following."];

/// The most words an introduction that goes with its list may have: a
/// longer one says something of its own.
const INTRODUCTION_WORDS: usize = 12;

/// An edit for the introduction of each list that `edits` (in text order,
/// not overlapping) empty.
pub(super) fn introductions(text: &str, edits: &[Edit]) -> Vec<Edit> {
    let blank: Vec<Range<usize>> = edits
        .iter()
        .filter(|e| e.text.is_empty())
        .map(|e| e.range.clone())
        .collect();
    let mut out = Vec::new();
    let mut read_to = 0;
    // Only the lists where a whole item went are read: an edit that starts
    // at a line's start, on its "- ".
    for gone in &blank {
        let at_line_start = gone.start == 0 || text[..gone.start].ends_with('\n');
        let item = text[gone.start..]
            .trim_start_matches([' ', '\t'])
            .starts_with("- ");
        if gone.start < read_to || !at_line_start || !item {
            continue;
        }
        let list = list_around(text, gone.start);
        read_to = list.last().map_or(read_to, |line| line.end);
        if !list.iter().all(|line| covered(&blank, line)) {
            continue;
        }
        if let Some(sentence) = introduction(text, list[0].start) {
            out.push(Edit {
                range: with_spacing(text, sentence),
                text: String::new(),
                rule: Rule::ListIntroduction,
            });
        }
    }
    out
}

/// The line that holds `at`, without its line break.
fn line_at(text: &str, at: usize) -> Range<usize> {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    start..end
}

/// Whether a line is a list item ("- ", perhaps indented).
fn is_item(text: &str, line: &Range<usize>) -> bool {
    text[line.clone()].trim_start().starts_with("- ")
}

/// The lines of the list (a run of lines that start with "- ") that holds
/// the item at `at`.
fn list_around(text: &str, at: usize) -> Vec<Range<usize>> {
    let mut first = line_at(text, at);
    while first.start > 0 {
        let previous = line_at(text, first.start - 1);
        if !is_item(text, &previous) {
            break;
        }
        first = previous;
    }
    let mut lines = vec![first];
    loop {
        let last = lines.last().expect("one line at least").end;
        if last >= text.len() {
            break;
        }
        let next = line_at(text, last + 1);
        if !is_item(text, &next) {
            break;
        }
        lines.push(next);
    }
    lines
}

/// Whether the non-blank text of `line` lies inside the blank edits.
fn covered(blank: &[Range<usize>], line: &Range<usize>) -> bool {
    let first = blank.partition_point(|r| r.end <= line.start);
    let mut at = line.start;
    for r in &blank[first..] {
        if r.start > at {
            break;
        }
        at = at.max(r.end);
        if at >= line.end {
            return true;
        }
    }
    at >= line.end
}

/// The sentence that ends the last line of text before `list_start`, when
/// it introduces a list.
fn introduction(text: &str, list_start: usize) -> Option<Range<usize>> {
    let before = text[..list_start].trim_end();
    let lower = before.to_lowercase();
    if before.is_empty() || !INTRODUCING.iter().any(|end| lower.ends_with(end)) {
        return None;
    }
    let last = before.len() - before.chars().next_back()?.len_utf8();
    let sentence = sentence_around(text, &(last..last));
    let short = text[sentence.start..before.len()]
        .split_whitespace()
        .count()
        <= INTRODUCTION_WORDS;
    (sentence.start < sentence.end && short).then_some(sentence.start..before.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_is_the_run_of_items_around_one() {
        let text = "Intro:\n- one\n- two\nProse.\n\n- three";
        let list = list_around(text, text.find("two").unwrap());
        let lines: Vec<&str> = list.iter().map(|l| &text[l.clone()]).collect();
        assert_eq!(lines, ["- one", "- two"]);
        let last = list_around(text, text.len() - 1);
        assert_eq!(&text[last[0].clone()], "- three");
    }

    #[test]
    fn an_emptied_list_takes_its_introduction_and_a_kept_one_does_not() {
        let text = "She lives alone. Her details are:\n- Tel: 1\n- Mob: 2\nShe is well.";
        let gone = |from: &str, to: &str| Edit {
            range: text.find(from).unwrap()..text.find(to).unwrap() + to.len(),
            text: String::new(),
            rule: Rule::IdentifierSentence,
        };
        let intros = introductions(text, &[gone("- Tel", "2\n")]);
        assert_eq!(intros.len(), 1);
        assert_eq!(intros[0].rule, Rule::ListIntroduction);
        assert_eq!(&text[intros[0].range.clone()], " Her details are:");
        assert!(introductions(text, &[gone("- Tel", "1\n")]).is_empty());
    }
}
