//! A list whose every item was left out ("- Tel: 0113 496 0412", "- Email:
//! jo@example.org", each a line of contact details) takes the sentence
//! that introduced it ("Her contact details are:", "… as follows."), which
//! would otherwise introduce nothing.

use std::ops::Range;

use super::text::{sentence_around, with_spacing};
use super::{Edit, Rule};

/// How a sentence that introduces a list ends.
const INTRODUCING: [&str; 4] = [":", "as follows.", "below.", "the following."];

/// `edits` (in text order, not overlapping) and, after them, an edit for
/// the introduction of each list they empty.
pub(super) fn with_introductions(text: &str, mut edits: Vec<Edit>) -> Vec<Edit> {
    let blank: Vec<Range<usize>> = edits
        .iter()
        .filter(|e| e.text.is_empty())
        .map(|e| e.range.clone())
        .collect();
    let mut introductions = Vec::new();
    for list in lists(text) {
        if !list.iter().all(|line| covered(&blank, line)) {
            continue;
        }
        if let Some(sentence) = introduction(text, list[0].start) {
            introductions.push(Edit {
                range: with_spacing(text, sentence),
                text: String::new(),
                rule: Rule::ListIntroduction,
            });
        }
    }
    edits.extend(introductions);
    edits
}

/// The lines of each list in `text`: runs of lines that start with "- ",
/// each line without its line break.
fn lists(text: &str) -> Vec<Vec<Range<usize>>> {
    let mut out: Vec<Vec<Range<usize>>> = Vec::new();
    let mut in_list = false;
    let mut at = 0;
    for line in text.split('\n') {
        let range = at..at + line.len();
        at = range.end + 1;
        let item = line.trim_start().starts_with("- ");
        match (item, in_list) {
            (true, true) => out.last_mut().expect("a list is open").push(range),
            (true, false) => out.push(vec![range]),
            _ => {}
        }
        in_list = item;
    }
    out
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
    (sentence.start < sentence.end).then_some(sentence.start..before.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_runs_of_items() {
        let text = "Intro:\n- one\n- two\nProse.\n\n- three";
        let lists = lists(text);
        assert_eq!(lists.len(), 2);
        assert_eq!(&text[lists[0][1].clone()], "- two");
        assert_eq!(&text[lists[1][0].clone()], "- three");
    }

    #[test]
    fn an_emptied_list_takes_its_introduction_and_a_kept_one_does_not() {
        let text = "She lives alone. Her details are:\n- Tel: 1\n- Mob: 2\nShe is well.";
        let gone = |from: &str, to: &str| Edit {
            range: text.find(from).unwrap()..text.find(to).unwrap() + to.len(),
            text: String::new(),
            rule: Rule::IdentifierSentence,
        };
        let edits = with_introductions(text, vec![gone("- Tel", "2\n")]);
        let intro = edits.last().unwrap();
        assert_eq!(intro.rule, Rule::ListIntroduction);
        assert_eq!(&text[intro.range.clone()], " Her details are:");
        let kept = with_introductions(text, vec![gone("- Tel", "1\n")]);
        assert_eq!(kept.len(), 1);
    }
}
