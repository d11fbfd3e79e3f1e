//! A field's original and redacted texts, aligned by the anonymiser's own
//! [`Edit`]s: where a position of one is in the other. The review sheet
//! pairs each sentence of the case file with its published sentence by
//! these offsets, never by searching for words.

use std::ops::Range;

use super::{Edit, Redactions};

/// The edits of one field, merged where they overlap, in text order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Aligned {
    edits: Vec<Edit>,
}

impl Aligned {
    /// The alignment of one field from what the anonymiser did to it: its
    /// replacements and the clauses it rewrote.
    pub fn of(redactions: &Redactions, field: &str) -> Self {
        let replaced = redactions
            .entries
            .iter()
            .filter(|e| e.field == field)
            .map(|e| e.edit.clone());
        let rewritten = redactions
            .rewrites
            .iter()
            .filter(|r| r.field == field)
            .map(|r| Edit {
                original: r.start..r.end,
                published: r.published_start..r.published_end,
            });
        Self::new(replaced.chain(rewritten))
    }

    /// The alignment made of these edits (in any order; overlapping or
    /// touching ones are merged, and edits that changed nothing dropped).
    pub fn new(edits: impl IntoIterator<Item = Edit>) -> Self {
        let mut edits: Vec<Edit> = edits
            .into_iter()
            .filter(|e| e.original.len() != e.published.len() || !e.original.is_empty())
            .collect();
        edits.sort_by_key(|e| (e.original.start, e.original.end));
        let mut merged: Vec<Edit> = Vec::with_capacity(edits.len());
        for e in edits {
            match merged.last_mut() {
                Some(last) if e.original.start < last.original.end => {
                    last.original.end = last.original.end.max(e.original.end);
                    last.published.start = last.published.start.min(e.published.start);
                    last.published.end = last.published.end.max(e.published.end);
                }
                _ => merged.push(e),
            }
        }
        Self { edits: merged }
    }

    /// The edits, merged, in text order.
    pub fn edits(&self) -> &[Edit] {
        &self.edits
    }

    /// Where original byte `at` is in the published text. Inside an edit:
    /// its start when `end` is false, its end when true (a range's start
    /// and end map to the published stretch that covers it).
    pub fn to_published(&self, at: usize, end: bool) -> usize {
        let i = self
            .edits
            .partition_point(|e| e.original.start < at + usize::from(end));
        match i.checked_sub(1).map(|i| &self.edits[i]) {
            None => at,
            Some(e) if at >= e.original.end => e.published.end + (at - e.original.end),
            Some(e) if end => e.published.end,
            Some(e) => e.published.start,
        }
    }

    /// Where published byte `at` is in the original text (the inverse of
    /// [`to_published`](Self::to_published)).
    pub fn to_original(&self, at: usize, end: bool) -> usize {
        let i = self
            .edits
            .partition_point(|e| e.published.start < at + usize::from(end));
        match i.checked_sub(1).map(|i| &self.edits[i]) {
            None => at,
            Some(e) if at >= e.published.end => e.original.end + (at - e.published.end),
            Some(e) if end => e.original.end,
            Some(e) => e.original.start,
        }
    }
}

/// The edits made so far to a text, in order: where a position of one text
/// is in the other.
#[derive(Debug, Default)]
pub(super) struct Alignment {
    edits: Vec<Edit>,
}

impl Alignment {
    /// Records an edit, and returns it.
    pub(super) fn push(&mut self, original: Range<usize>, published: Range<usize>) -> Edit {
        let edit = Edit {
            original,
            published,
        };
        self.edits.push(edit.clone());
        edit
    }

    /// Where published byte `at` came from, given that the verbatim copy
    /// since the last edit starts at `copied` (original, published): inside
    /// an earlier edit, that edit's start.
    pub(super) fn back(&self, at: usize, copied: (usize, usize)) -> usize {
        if at >= copied.1 {
            return copied.0 + (at - copied.1);
        }
        let before = self.edits.iter().rev().find(|e| e.published.start <= at);
        match before {
            Some(e) if at >= e.published.end => e.original.end + (at - e.published.end),
            Some(e) => e.original.start,
            None => at,
        }
    }

    /// Where original byte `at` (outside every edit) is in the published
    /// text. The edits are in text order.
    pub(super) fn forward(&self, at: usize) -> usize {
        let i = self.edits.partition_point(|e| e.original.end <= at);
        match i.checked_sub(1).map(|i| &self.edits[i]) {
            Some(e) => e.published.end + (at - e.original.end),
            None => at,
        }
    }

    /// Where an original stretch is in the published text: the published
    /// stretch of the edit that holds it, if one does.
    pub(super) fn place(&self, range: Range<usize>) -> Range<usize> {
        let i = self
            .edits
            .partition_point(|e| e.original.end <= range.start);
        match self.edits.get(i) {
            Some(e) if e.original.start <= range.start && range.end <= e.original.end => {
                e.published.clone()
            }
            _ => self.forward(range.start)..self.forward(range.end),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(o: std::ops::Range<usize>, p: std::ops::Range<usize>) -> Edit {
        Edit {
            original: o,
            published: p,
        }
    }

    #[test]
    fn positions_map_through_the_edits() {
        // "I met Jo Bloggs, she said" → "I met Mrs X, she said"
        //  0     6        15             0     6    11
        let a = Aligned::new([edit(6..15, 6..11)]);
        assert_eq!(a.to_published(2, false), 2);
        assert_eq!(a.to_published(15, false), 11);
        assert_eq!(a.to_published(20, false), 16);
        assert_eq!(a.to_published(8, false), 6);
        assert_eq!(a.to_published(8, true), 11);
        assert_eq!(a.to_original(16, false), 20);
        assert_eq!(a.to_original(7, false), 6);
        assert_eq!(a.to_original(7, true), 15);
    }

    #[test]
    fn overlapping_edits_are_merged() {
        let a = Aligned::new([edit(10..20, 10..12), edit(4..12, 4..4)]);
        assert_eq!(a.edits(), &[edit(4..20, 4..12)]);
    }
}
