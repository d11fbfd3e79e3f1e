//! Overlapping hits: which one wins, and text that nothing may touch.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::{Category, Hit, priority};

/// Keeps the strongest, then longest, of overlapping hits; drops names and
/// generalised terms that overlap protected text.
pub(super) fn resolve(mut hits: Vec<Hit>, protected: &[Range<usize>]) -> Vec<Hit> {
    let overlaps = |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;
    // Protected text (bodies, labels, references, money, statutes) yields
    // only to structured values, listed or validated.
    hits.retain(|h| {
        let structured = !matches!(
            h.category,
            Category::Name | Category::AmbiguousName | Category::Address | Category::Generalised
        );
        (structured && priority(h) >= 6) || !protected.iter().any(|p| overlaps(p, &h.range))
    });
    hits.sort_by(|a, b| {
        priority(b)
            .cmp(&priority(a))
            .then((b.range.end - b.range.start).cmp(&(a.range.end - a.range.start)))
            .then(a.range.start.cmp(&b.range.start))
    });
    let mut kept: Vec<Hit> = Vec::new();
    for hit in hits {
        let overlapped: Vec<usize> = (0..kept.len())
            .filter(|&i| overlaps(&kept[i].range, &hit.range))
            .collect();
        if overlapped.is_empty() {
            kept.push(hit);
            continue;
        }
        // An address that overlaps only addresses is one address: "21 Heron
        // Close" found by a detector around a listed "Heron Close" goes
        // whole, with no stray digit left.
        let addresses = hit.category == Category::Address
            && overlapped
                .iter()
                .all(|&i| kept[i].category == Category::Address);
        if addresses {
            let first = overlapped[0];
            for &i in &overlapped {
                let r = kept[i].range.clone();
                kept[first].range.start = kept[first].range.start.min(r.start);
                kept[first].range.end = kept[first].range.end.max(r.end);
            }
            kept[first].range.start = kept[first].range.start.min(hit.range.start);
            kept[first].range.end = kept[first].range.end.max(hit.range.end);
            for &i in overlapped.iter().skip(1).rev() {
                kept.remove(i);
            }
        }
    }
    kept.sort_by_key(|h| h.range.start);
    kept
}

/// Text that detectors must never touch: case references, sums of money,
/// statutes and their sections (the listed values of a case still win).
pub(super) fn protected_text(text: &str) -> Vec<Range<usize>> {
    static PROTECTED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
            r"(?-u)\b\d{2} \d{3} \d{3}[a-z]?\b",
            r"|\b20\d{7}\b",
            r"|£\d{1,3}(?:,\d{3})+(?:\.\d{2})?|£\d+(?:\.\d{2})?",
            r"|(?i:\b(?:sections?|paragraphs?|para|regulations?|reg|articles?|schedule|part)\.? ?\d+[a-z]*(?:\([0-9a-z]+\))*(?:\.\d+)?)",
            r"|\bss? ?\d+[A-Z]*(?:\([0-9a-zA-Z]+\))*",
            r"|\b[A-Z][A-Za-z]*(?: (?:[A-Z][A-Za-z]*|and|of|for|the))* Act \d{4}\b",
            r"|\bSI \d{4}/\d+\b",
        ))
        .expect("valid regex")
    });
    PROTECTED.find_iter(text).map(|m| m.range()).collect()
}
