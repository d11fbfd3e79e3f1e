//! Where a row of the review sheet is printed in a publication copy: its
//! page and its numbered paragraph.
//!
//! Each copy's extracted page text is read once into a skeleton (its
//! letters and digits, lower case: line breaks, hyphens at the end of a
//! line, quotes and spacing do not count), and every row's anchors (its
//! published sentence, then the published words just before and after each
//! change) are searched in one pass with aho-corasick. The documents rework
//! the case's prose (a report says "we" where the decision says "I"), so a
//! row has several anchors and the surest that is found places it.

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use regex::Regex;

pub(super) use crate::lint::{abbreviation_before, normalise};

/// A publication copy's text, ready for placing rows in.
pub(super) struct Document {
    /// The letters and digits of the text, lower case.
    skeleton: String,
    /// Where each byte of the skeleton is in the text (whitespace
    /// collapsed), for pages and paragraphs.
    at: Vec<usize>,
    /// Byte offset where each page starts in the text.
    pages: Vec<usize>,
    /// Paragraph numbers and where they start in the text.
    paragraphs: Vec<(usize, u32)>,
}

/// Text to find a row by, surest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Anchor {
    pub text: String,
}

/// Where a row is printed in a copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Spot {
    pub page: usize,
    pub paragraph: Option<u32>,
}

static PARAGRAPH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(\d{1,3})\.(?:\s|$)").expect("valid regex"));

/// The shortest skeleton an anchor may have: shorter ones are found by
/// chance.
const MIN_ANCHOR: usize = 10;

impl Document {
    /// A copy from the text of its pages, as extracted (line by line).
    pub fn new(page_texts: &[String]) -> Self {
        let mut text_len = 0;
        let mut skeleton = String::new();
        let mut at = Vec::new();
        let mut pages = Vec::new();
        let mut paragraphs = Vec::new();
        for page in page_texts {
            pages.push(text_len);
            for line in page.lines() {
                let line = normalise(line);
                if line.is_empty() {
                    continue;
                }
                if let Some(c) = PARAGRAPH.captures(&line) {
                    paragraphs.push((text_len, c[1].parse().unwrap_or(0)));
                }
                for (i, c) in line.char_indices() {
                    if c.is_alphanumeric() {
                        for l in c.to_lowercase() {
                            let before = skeleton.len();
                            skeleton.push(l);
                            at.extend(std::iter::repeat_n(text_len + i, skeleton.len() - before));
                        }
                    }
                }
                text_len += line.len() + 1;
            }
        }
        Self {
            skeleton,
            at,
            pages,
            paragraphs,
        }
    }

    /// Every place each item is found, by the surest of its anchors that is
    /// found at all (`anchors[i]` are item i's, surest first).
    pub fn places(&self, finder: &Finder) -> Vec<Vec<Spot>> {
        let mut best: HashMap<usize, (usize, Vec<Spot>)> = HashMap::new();
        for (pattern, start) in finder.find_all(&self.skeleton) {
            let (item, rank) = finder.owner[pattern];
            let spot = self.spot(self.at.get(start).copied().unwrap_or(0));
            let entry = best.entry(item).or_insert((rank, Vec::new()));
            if rank < entry.0 {
                *entry = (rank, Vec::new());
            }
            if rank == entry.0 && !entry.1.contains(&spot) {
                entry.1.push(spot);
            }
        }
        (0..finder.items)
            .map(|item| {
                let mut spots = best.remove(&item).map(|(_, s)| s).unwrap_or_default();
                spots.sort_unstable();
                spots
            })
            .collect()
    }

    fn spot(&self, at: usize) -> Spot {
        let page = self.pages.partition_point(|&s| s <= at).max(1);
        let paragraph = self
            .paragraphs
            .iter()
            .rev()
            .find(|(o, _)| *o <= at)
            .map(|(_, n)| *n);
        Spot { page, paragraph }
    }
}

/// Every item's anchors, compiled once for all the copies of a case.
pub(super) struct Finder {
    /// The distinct beginnings of the anchors ([`PREFIX`] characters).
    automaton: Option<AhoCorasick>,
    /// The anchors that begin with each of the automaton's patterns.
    starting: Vec<Vec<usize>>,
    /// Each anchor's skeleton.
    patterns: Vec<String>,
    /// Which item, and which of its anchors, each anchor is.
    owner: Vec<(usize, usize)>,
    items: usize,
}

/// How many characters of an anchor's skeleton the automaton holds; the
/// rest is compared where the beginning is found.
const PREFIX: usize = 16;

impl Finder {
    /// The finder for items with these anchors (`anchors[i]` are item i's,
    /// surest first).
    pub fn new(anchors: &[Vec<Anchor>]) -> Self {
        let mut patterns: Vec<String> = Vec::new();
        let mut owner = Vec::new();
        for (item, list) in anchors.iter().enumerate() {
            for (rank, a) in list.iter().enumerate() {
                let pattern = skeleton(&a.text);
                if pattern.chars().count() >= MIN_ANCHOR {
                    patterns.push(pattern);
                    owner.push((item, rank));
                }
            }
        }
        // The anchors are whole sentences and a case's few copies are each
        // searched once, so building the automaton is most of the work: it
        // holds only each anchor's beginning, and the rest is compared where
        // that is found (the same places as an automaton of whole anchors,
        // for a fraction of the building).
        let mut ids: HashMap<&str, usize> = HashMap::new();
        let mut beginnings: Vec<&str> = Vec::new();
        let mut starting: Vec<Vec<usize>> = Vec::new();
        for (i, pattern) in patterns.iter().enumerate() {
            let end = pattern
                .char_indices()
                .nth(PREFIX)
                .map_or(pattern.len(), |(at, _)| at);
            let beginning = &pattern[..end];
            let id = *ids.entry(beginning).or_insert_with(|| {
                beginnings.push(beginning);
                starting.push(Vec::new());
                beginnings.len() - 1
            });
            starting[id].push(i);
        }
        let automaton = (!beginnings.is_empty()).then(|| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::Standard)
                .kind(Some(AhoCorasickKind::NoncontiguousNFA))
                .build(&beginnings)
                .expect("anchors are plain strings")
        });
        Self {
            automaton,
            starting,
            patterns,
            owner,
            items: anchors.len(),
        }
    }

    /// Every place in `skeleton` where an anchor is found: the anchor and
    /// where it starts.
    fn find_all<'a>(&'a self, skeleton: &'a str) -> impl Iterator<Item = (usize, usize)> + 'a {
        self.automaton
            .iter()
            .flat_map(move |a| a.find_overlapping_iter(skeleton))
            .flat_map(move |m| {
                let rest = &skeleton[m.start()..];
                self.starting[m.pattern().as_usize()]
                    .iter()
                    .filter(move |&&p| rest.starts_with(self.patterns[p].as_str()))
                    .map(move |&p| (p, m.start()))
            })
    }
}

/// The letters and digits of a text, lower case.
fn skeleton(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_placed_by_page_and_paragraph_across_line_breaks() {
        let pages = vec![
            "Title\n1. First paragraph here.\n".to_string(),
            "2. The referral gave her home tele-\nphone number, and “more”. Then it\nended.\n"
                .to_string(),
        ];
        let doc = Document::new(&pages);
        let anchor = |text: &str| Anchor {
            text: text.to_string(),
        };
        let finder = Finder::new(&[
            vec![
                anchor("nowhere at all in it"),
                anchor("The referral gave her home telephone number, and \"more\"."),
            ],
            vec![anchor("not in the document")],
        ]);
        let places = doc.places(&finder);
        assert_eq!(
            places[0],
            [Spot {
                page: 2,
                paragraph: Some(2)
            }]
        );
        assert!(places[1].is_empty());
    }

    #[test]
    fn anchors_that_begin_alike_are_told_apart_by_the_rest() {
        let pages = vec![
            "1. The Council did not reply to her letter of May.\n".to_string(),
            "2. The Council did not reply to his emails, and the Trust did.\n".to_string(),
        ];
        let doc = Document::new(&pages);
        let anchor = |text: &str| Anchor {
            text: text.to_string(),
        };
        let finder = Finder::new(&[
            // The same first sixteen letters as the others, found nowhere.
            vec![anchor("The Council did not reply to anyone at all.")],
            vec![anchor("The Council did not reply to his emails")],
            vec![
                anchor("The Council did not reply to her letter of May."),
                // Shorter than the automaton's beginnings, found on both pages.
                anchor("The Council did"),
            ],
            vec![anchor("the Trust did")],
        ]);
        let spot = |page, paragraph| Spot {
            page,
            paragraph: Some(paragraph),
        };
        let places = doc.places(&finder);
        assert!(places[0].is_empty());
        assert_eq!(places[1], [spot(2, 2)]);
        // The surest anchor that is found places the row.
        assert_eq!(places[2], [spot(1, 1)]);
        assert_eq!(places[3], [spot(2, 2)]);
    }
}
