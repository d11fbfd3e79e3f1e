//! The review sheet: what publication staff check before a decision goes on
//! the website. It is internal (it shows the original values) and says so.
//!
//! - every replacement, with the words around it and what was printed;
//! - every identifier nobody listed that a detector found, with its page and
//!   paragraph in the redacted decision, and whether it has been reviewed
//!   (`review.accepted` in the case file lists finding ids);
//! - every quasi-identifier left in the text (ages, places, schools …).
//!
//! Finding ids are stable across runs and edits elsewhere in the text: a
//! hash of the category and the normalised value.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::anonymise::{AnonymisedCase, Redaction, Redactions, Source};
use crate::case::Case;

/// The review sheet of one case.
#[derive(Debug, Clone, Serialize)]
pub struct ReviewSheet {
    /// The case reference.
    pub reference: String,
    /// What this document is.
    pub note: &'static str,
    /// Every replacement.
    pub replacements: Vec<ReplacementRow>,
    /// Identifiers nobody listed, found by detectors.
    pub findings: Vec<FindingRow>,
    /// Quasi-identifiers left in the redacted text.
    pub quasi: Vec<QuasiRow>,
    /// Ids of findings not yet accepted.
    pub unreviewed: Vec<String>,
    /// Whether and when the decision is published, and why not (set by
    /// the pipeline).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publication: Option<crate::publish::PublicationDecision>,
}

/// One replacement.
#[derive(Debug, Clone, Serialize)]
pub struct ReplacementRow {
    /// The case-file field.
    pub field: String,
    /// What it was.
    pub category: &'static str,
    /// Listed or found.
    pub source: Source,
    /// The original text.
    pub original: String,
    /// What was printed instead.
    pub replacement: String,
    /// Words before it (original text).
    pub before: String,
    /// Words after it.
    pub after: String,
}

/// An identifier nobody listed.
#[derive(Debug, Clone, Serialize)]
pub struct FindingRow {
    /// Stable id, for `review.accepted`.
    pub id: String,
    /// What it looks like.
    pub category: &'static str,
    /// How it was found.
    pub source: Source,
    /// The text found.
    pub original: String,
    /// Words before it.
    pub before: String,
    /// Words after it.
    pub after: String,
    /// Whether the redacted variant replaced it (weak shapes are only reported).
    pub replaced: bool,
    /// Where in the redacted decision: "page 2, paragraph 14".
    pub place: String,
    /// Whether `review.accepted` lists it.
    pub accepted: bool,
}

/// A quasi-identifier.
#[derive(Debug, Clone, Serialize)]
pub struct QuasiRow {
    /// What kind.
    pub kind: &'static str,
    /// The text, as published.
    pub text: String,
    /// Words before it.
    pub before: String,
    /// Words after it.
    pub after: String,
    /// Where in the redacted decision.
    pub place: String,
}

/// Builds the review sheet from the case, what the anonymiser did and the
/// text of the redacted decision's pages (as extracted, line by line).
pub fn build(
    case: &Case,
    redactions: &Redactions,
    anonymised: &AnonymisedCase,
    pages: &[String],
) -> ReviewSheet {
    let original = field_texts(case.clone());
    let redacted = field_texts(anonymised.case().clone());
    let locator = Locator::new(pages);
    let mut replacements = Vec::new();
    let mut findings: Vec<FindingRow> = Vec::new();
    for e in &redactions.entries {
        let text = original.get(&e.field).map_or("", String::as_str);
        let value = text.get(e.start..e.end).unwrap_or_default().to_string();
        let (before, after) = context(text, e.start, e.end);
        if matches!(e.source, Source::Listed | Source::Generalised) {
            replacements.push(ReplacementRow {
                field: e.field.clone(),
                category: e.category.describe(),
                source: e.source,
                original: value,
                replacement: e.replacement.clone(),
                before,
                after,
            });
            continue;
        }
        let id = finding_id(e.category.describe(), &value);
        if findings.iter().any(|f| f.id == id && f.place.is_empty()) {
            continue;
        }
        let redacted_text = redacted.get(&e.field).map_or("", String::as_str);
        let at = redacted_offset(redactions, e);
        let place = locator.place(redacted_text, at);
        findings.push(FindingRow {
            accepted: case.review.accepted.contains(&id),
            id,
            category: e.category.describe(),
            source: e.source,
            original: value,
            before,
            after,
            replaced: e.source != Source::Flagged,
            place,
        });
    }
    let quasi = redactions
        .quasi
        .iter()
        .map(|q| {
            let text = redacted.get(&q.field).map_or("", String::as_str);
            let (before, after) = context(text, q.start, q.end);
            QuasiRow {
                kind: q.kind.describe(),
                text: text.get(q.start..q.end).unwrap_or_default().to_string(),
                before,
                after,
                place: locator.place(text, q.start),
            }
        })
        .collect();
    let mut unreviewed: Vec<String> = findings
        .iter()
        .filter(|f| !f.accepted)
        .map(|f| f.id.clone())
        .collect();
    unreviewed.sort();
    unreviewed.dedup();
    ReviewSheet {
        reference: case.case.reference.clone(),
        note: "INTERNAL: this review sheet shows original personal data. It is for publication staff and must never be published.",
        replacements,
        findings,
        quasi,
        unreviewed,
        publication: None,
    }
}

/// `F` and eight hex digits of SHA-256 over the category and the value in
/// lower case, letters and digits only.
pub fn finding_id(category: &str, value: &str) -> String {
    let normal: String = value
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    let digest = Sha256::digest(format!("{category}\u{0}{normal}").as_bytes());
    format!(
        "F{}",
        digest
            .iter()
            .take(4)
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    )
}

fn field_texts(mut case: Case) -> HashMap<String, String> {
    case.prose_mut()
        .into_iter()
        .map(|(path, text)| (path, text.clone()))
        .collect()
}

/// Up to six words either side of a range, keeping the space (or not)
/// that touches it: "Mrs Smith" + "'s complaint".
fn context(text: &str, start: usize, end: usize) -> (String, String) {
    let head = text.get(..start).unwrap_or_default();
    let tail = text.get(end..).unwrap_or_default();
    let before: Vec<&str> = head.split_whitespace().collect();
    let after: Vec<&str> = tail.split_whitespace().collect();
    let mut before = before[before.len().saturating_sub(6)..].join(" ");
    let mut after = after[..after.len().min(6)].join(" ");
    if head.ends_with(char::is_whitespace) && !before.is_empty() {
        before.push(' ');
    }
    if tail.starts_with(char::is_whitespace) && !after.is_empty() {
        after.insert(0, ' ');
    }
    (before, after)
}

/// Where a redaction's replacement starts in the redacted field text.
fn redacted_offset(redactions: &Redactions, entry: &Redaction) -> usize {
    let shift: isize = redactions
        .entries
        .iter()
        .filter(|e| e.field == entry.field && e.end <= entry.start && e.source != Source::Flagged)
        .map(|e| e.replacement.len() as isize - (e.end - e.start) as isize)
        .sum();
    (entry.start as isize + shift).max(0) as usize
}

/// Finds where a piece of redacted text landed in the PDF.
struct Locator {
    /// Per page: the text with whitespace collapsed, and the paragraph
    /// numbers that start lines, with their offsets in that text.
    pages: Vec<(String, Vec<(usize, u32)>)>,
}

static PARAGRAPH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(\d{1,3})\.\s").expect("valid regex"));

impl Locator {
    fn new(pages: &[String]) -> Self {
        let pages = pages
            .iter()
            .map(|page| {
                let mut flat = String::new();
                let mut numbers = Vec::new();
                for line in page.lines() {
                    if let Some(c) = PARAGRAPH.captures(line) {
                        numbers.push((flat.len(), c[1].parse().unwrap_or(0)));
                    }
                    flat.push_str(&collapse(line));
                    flat.push(' ');
                }
                (flat, numbers)
            })
            .collect();
        Self { pages }
    }

    /// "page 2, paragraph 14" for the words just before `at` in `text`.
    fn place(&self, text: &str, at: usize) -> String {
        let words: Vec<&str> = text
            .get(..at)
            .unwrap_or_default()
            .split_whitespace()
            .collect();
        for take in [6, 4, 2] {
            let needle = collapse(&words[words.len().saturating_sub(take)..].join(" "));
            if needle.len() < 8 {
                continue;
            }
            for (n, (flat, numbers)) in self.pages.iter().enumerate() {
                if let Some(pos) = flat.find(&needle) {
                    let paragraph = numbers
                        .iter()
                        .rev()
                        .find(|(o, _)| *o <= pos)
                        .map(|(_, p)| *p);
                    return match paragraph {
                        Some(p) => format!("page {}, paragraph {p}", n + 1),
                        None => format!("page {}", n + 1),
                    };
                }
            }
        }
        String::new()
    }
}

fn collapse(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(['\u{2019}', '\u{2018}'], "'")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finding_ids_are_stable_and_ignore_spacing() {
        assert_eq!(
            finding_id("phone number", "07700 900789"),
            finding_id("phone number", "07700900789")
        );
        assert_ne!(
            finding_id("phone number", "07700 900789"),
            finding_id("email address", "07700 900789")
        );
        assert!(finding_id("name", "Mr Mason").starts_with('F'));
    }

    #[test]
    fn places_are_found_by_the_words_before() {
        let pages = vec![
            "Title\n1. First paragraph here.\n".to_string(),
            "2. The referral gave her home telephone\nnumber, [phone number], and more.\n"
                .to_string(),
        ];
        let locator = Locator::new(&pages);
        let text = "The referral gave her home telephone number, [phone number], and more.";
        let at = text.find("[phone").unwrap();
        assert_eq!(locator.place(text, at), "page 2, paragraph 2");
    }
}
