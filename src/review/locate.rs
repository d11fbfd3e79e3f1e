//! Where a piece of published text landed in a publication document: its
//! page, its paragraph, and the sentence as the document prints it.
//!
//! Each document's extracted page text is flattened once (whitespace
//! collapsed, typographic apostrophes made plain) and every item's anchors
//! (the published words just before and after a replacement) are searched
//! in one pass with aho-corasick. The documents rework the case's prose (a
//! report says "we" where the decision says "I"), so an item has several
//! anchors and the first that is found places it.

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasickBuilder, MatchKind};
use regex::Regex;

/// A publication document's text, ready for placing items in.
pub(super) struct Document {
    /// The text, whitespace collapsed (for display).
    display: String,
    /// Byte offset where each page starts.
    pages: Vec<usize>,
    /// Paragraph numbers and where they start.
    paragraphs: Vec<(usize, u32)>,
    /// Where a block starts that no sentence runs across: after a heading
    /// or a short line of furniture, at a numbered paragraph or list item.
    blocks: Vec<usize>,
}

/// Text to find an item by, and where the item starts in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Anchor {
    pub text: String,
    pub at: usize,
}

/// Where an item is in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Place {
    pub page: usize,
    pub paragraph: Option<u32>,
    /// The sentence as the document prints it.
    pub sentence: String,
}

static PARAGRAPH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(\d{1,3})\.(?:\s|$)").expect("valid regex"));
static LIST_ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:[a-z]|[ivx]{1,4})[.)](?:\s|$)").expect("valid regex"));

impl Document {
    /// A document from the text of its pages, as extracted (line by line).
    pub fn new(page_texts: &[String]) -> Self {
        let mut display = String::new();
        let mut pages = Vec::new();
        let mut paragraphs = Vec::new();
        let mut blocks = Vec::new();
        let lines: Vec<(usize, String)> = page_texts
            .iter()
            .enumerate()
            .flat_map(|(n, page)| page.lines().map(move |l| (n, normalise(l))))
            .filter(|(_, l)| !l.is_empty())
            .collect();
        let mut ended_block = true;
        for (i, (page, line)) in lines.iter().enumerate() {
            if pages.len() <= *page {
                pages.resize(page + 1, display.len() + usize::from(!display.is_empty()));
            }
            if !display.is_empty() {
                display.push(' ');
            }
            let numbered = PARAGRAPH.captures(line);
            if let Some(c) = &numbered {
                paragraphs.push((display.len(), c[1].parse().unwrap_or(0)));
            }
            if ended_block || numbered.is_some() || LIST_ITEM.is_match(line) {
                blocks.push(display.len());
            }
            display.push_str(line);
            // A short line that does not end a clause, before a line that
            // starts like a new one, is a heading or furniture ("Summary",
            // "Reference 23 004 118").
            let next_starts = lines.get(i + 1).is_some_and(|(_, l)| {
                l.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            });
            ended_block =
                line.len() < 60 && next_starts && !line.ends_with([',', ';', '-', '\u{2013}']);
        }
        Self {
            display,
            pages,
            paragraphs,
            blocks,
        }
    }

    /// The first place each item is found, by its anchors (`anchors[i]` are
    /// item i's, surest first).
    pub fn places(&self, anchors: &[Vec<Anchor>]) -> Vec<Option<Place>> {
        let mut patterns: Vec<String> = Vec::new();
        let mut owner: Vec<(usize, usize, usize)> = Vec::new();
        for (item, list) in anchors.iter().enumerate() {
            for (rank, a) in list.iter().enumerate() {
                // Where the item starts, once the anchor is normalised.
                let lead =
                    normalise(&a.text[..a.at]).len() + usize::from(a.text[..a.at].ends_with(' '));
                patterns.push(normalise(&a.text).to_ascii_lowercase());
                owner.push((item, rank, lead));
            }
        }
        let mut found: HashMap<usize, (usize, usize)> = HashMap::new();
        if !patterns.is_empty() {
            let automaton = AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::Standard)
                .build(&patterns)
                .expect("anchors are plain strings");
            for m in automaton.find_overlapping_iter(&self.display) {
                let (item, rank, lead) = owner[m.pattern().as_usize()];
                let at = (m.start() + lead).min(self.display.len());
                // The surest anchor wins; among equals, the first place.
                let better = match found.get(&item) {
                    Some(&(r, seen)) => rank < r || (rank == r && at < seen),
                    None => true,
                };
                if better {
                    found.insert(item, (rank, at));
                }
            }
        }
        (0..anchors.len())
            .map(|item| found.get(&item).map(|&(_, at)| self.place(at)))
            .collect()
    }

    fn place(&self, at: usize) -> Place {
        let page = self.pages.partition_point(|&s| s <= at).max(1);
        let paragraph = self
            .paragraphs
            .iter()
            .rev()
            .find(|(o, _)| *o <= at)
            .map(|(_, n)| *n);
        let from = self.blocks.partition_point(|&b| b <= at);
        let start = from.checked_sub(1).map_or(0, |i| self.blocks[i]);
        let end = self.blocks.get(from).copied().unwrap_or(self.display.len());
        let block = &self.display[start..end];
        // The paragraph number is given on its own.
        let sentence = sentence_at(block, at - start);
        let sentence = match PARAGRAPH.find(&sentence) {
            Some(m) => sentence[m.end()..].trim_start().to_string(),
            None => sentence,
        };
        Place {
            page,
            paragraph,
            sentence,
        }
    }
}

/// Whitespace collapsed, typographic apostrophes and quotes made plain.
pub(super) fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().map(|c| match c {
            '\u{2019}' | '\u{2018}' => '\'',
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
pub(super) fn sentence_at(text: &str, at: usize) -> String {
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
fn abbreviation_before(head: &str) -> bool {
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
    fn items_are_placed_by_page_paragraph_and_sentence() {
        let pages = vec![
            "Title\n1. First paragraph here.\n".to_string(),
            "2. The referral gave her home telephone\nnumber, [phone number], and more. Then it\nended.\n"
                .to_string(),
        ];
        let doc = Document::new(&pages);
        let anchor = |text: &str, at: usize| Anchor {
            text: text.to_string(),
            at,
        };
        let places = doc.places(&[
            vec![
                anchor("nowhere at all", 0),
                anchor("telephone number, [phone number]", 18),
            ],
            vec![anchor("not in the document", 0)],
        ]);
        let p = places[0].clone().expect("placed");
        assert_eq!((p.page, p.paragraph), (2, Some(2)));
        assert_eq!(
            p.sentence,
            "The referral gave her home telephone number, [phone number], and more."
        );
        assert_eq!(places[1], None);
    }

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
