//! Overlapping hits: which one wins, and text that nothing may touch.

use std::cmp::Reverse;
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::{Category, Hit, priority};

/// Keeps the strongest, then longest, of overlapping hits; drops names and
/// generalised terms that overlap protected text.
pub(super) fn resolve(text: &str, mut hits: Vec<Hit>, protected: &[Range<usize>]) -> Vec<Hit> {
    without_family_first_across_names(text, &mut hits);
    let overlaps = |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;
    // Protected text (bodies, labels, references, money, statutes) yields
    // only to structured values, listed or validated.
    let protected = merged(protected);
    hits.retain(|h| {
        let structured = !matches!(
            h.category,
            Category::Name | Category::AmbiguousName | Category::Address | Category::Generalised
        );
        (structured && priority(h) >= 6) || !in_protected(&protected, &h.range)
    });
    // (By keys sorted apart from the hits, which are large to move; the
    // sort is stable, as equal hits are kept in the order they were found.)
    hits.sort_by_cached_key(|h| (Reverse(priority(h)), Reverse(h.range.len()), h.range.start));
    // Kept hits never overlap one another, so by start they are also in
    // order of end: the ones a new hit overlaps are found from the last
    // that starts before it ends, going back while they end after it
    // starts. (A list searched whole for every hit is quadratic in a long
    // text.) Each keeps its rank, the order it was kept in.
    let mut kept: BTreeMap<usize, (usize, Hit)> = BTreeMap::new();
    for (rank, hit) in hits.into_iter().enumerate() {
        let overlapped: Vec<usize> = kept
            .range(..hit.range.end)
            .rev()
            .take_while(|(_, (_, k))| overlaps(&k.range, &hit.range))
            .map(|(&start, _)| start)
            .collect();
        if overlapped.is_empty() {
            kept.insert(hit.range.start, (rank, hit));
            continue;
        }
        // An address that overlaps only addresses is one address: "21 Heron
        // Close" found by a detector around a listed "Heron Close" goes
        // whole, with no stray digit left. It is the first kept of them,
        // grown to cover them all.
        let addresses = hit.category == Category::Address
            && overlapped
                .iter()
                .all(|s| kept[s].1.category == Category::Address);
        if addresses {
            let mut merged: Vec<(usize, Hit)> =
                overlapped.iter().filter_map(|s| kept.remove(s)).collect();
            merged.sort_by_key(|(rank, _)| *rank);
            let start = merged
                .iter()
                .map(|(_, h)| h.range.start)
                .chain([hit.range.start])
                .min();
            let end = merged
                .iter()
                .map(|(_, h)| h.range.end)
                .chain([hit.range.end])
                .max();
            let (rank, mut first) = merged.swap_remove(0);
            first.range = start.unwrap_or(first.range.start)..end.unwrap_or(first.range.end);
            kept.insert(first.range.start, (rank, first));
        }
    }
    kept.into_values().map(|(_, hit)| hit).collect()
}

/// "Hope Smith, Jane's daughter": a name written family first with its
/// comma ("Smith, Jane", as a list writes it) whose family name is the
/// end of another name found before it is two names side by side, and
/// goes, so that the longer of the two does not take the first's family
/// name from it.
fn without_family_first_across_names(text: &str, hits: &mut Vec<Hit>) {
    let is_name = |h: &Hit| matches!(h.category, Category::Name | Category::AmbiguousName);
    // (A name is a few bytes: a look at each pair is cheaper than setting
    // up a substring search.)
    let family_first = |h: &Hit| {
        is_name(h)
            && text
                .get(h.range.clone())
                .is_some_and(|t| t.as_bytes().windows(2).any(|w| w == b", "))
    };
    if !hits.iter().any(family_first) {
        return;
    }
    // Where each name ends: the earliest start of a name ending there.
    let mut ends: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for h in hits.iter().filter(|h| is_name(h)) {
        let start = ends.entry(h.range.end).or_insert(h.range.start);
        *start = (*start).min(h.range.start);
    }
    hits.retain(|h| {
        let comma = is_name(h)
            .then(|| text.get(h.range.clone())?.find(", "))
            .flatten();
        !comma.is_some_and(|c| {
            ends.get(&(h.range.start + c))
                .is_some_and(|&start| start < h.range.start)
        })
    });
}

/// `ranges` in order, those that overlap or touch joined.
fn merged(ranges: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut sorted = ranges.to_vec();
    sorted.sort_by_key(|r| r.start);
    let mut out: Vec<Range<usize>> = Vec::with_capacity(sorted.len());
    for r in sorted {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// Whether `range` overlaps any of `protected`, which are in order and do
/// not overlap one another ([`merged`]).
fn in_protected(protected: &[Range<usize>], range: &Range<usize>) -> bool {
    let next = protected.partition_point(|p| p.end <= range.start);
    protected
        .get(next)
        .is_some_and(|p| p.start < range.end && range.start < p.end)
}

/// Text that detectors must never touch: case references, sums of money,
/// statutes and their sections (the listed values of a case still win).
pub(super) fn protected_text(text: &str) -> Vec<Range<usize>> {
    static PROTECTED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(PROTECTED_PATTERN).expect("valid regex"));
    PROTECTED.find_iter(text).map(|m| m.range()).collect()
}

/// [`protected_text`]'s pattern (the rarer patterns' pass reads it too).
pub(super) const PROTECTED_PATTERN: &str = concat!(
    r"(?-u)\b\d{2} \d{3} \d{3}[a-z]?\b",
    r"|\b20\d{7}\b",
    r"|£\d{1,3}(?:,\d{3})+(?:\.\d{2})?|£\d+(?:\.\d{2})?",
    r"|(?i:\b(?:sections?|paragraphs?|para|regulations?|reg|articles?|schedule|part)\.? ?\d+[a-z]*(?:\([0-9a-z]+\))*(?:\.\d+)?)",
    r"|\bss? ?\d+[A-Z]*(?:\([0-9a-zA-Z]+\))*",
    r"|\b[A-Z][A-Za-z]*(?: (?:[A-Z][A-Za-z]*|and|of|for|the))* Act \d{4}\b",
    r"|\bSI \d{4}/\d+\b",
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn protected_ranges_are_joined_and_searched_in_order() {
        let protected = merged(&[20..30, 0..5, 4..8, 8..10, 40..41]);
        assert_eq!(protected, vec![0..10, 20..30, 40..41]);
        assert!(in_protected(&protected, &(9..12)));
        assert!(in_protected(&protected, &(15..21)));
        assert!(!in_protected(&protected, &(10..20)));
        assert!(!in_protected(&protected, &(30..40)));
        assert!(in_protected(&protected, &(35..45)));
        assert!(!in_protected(&protected, &(41..50)));
    }
}
