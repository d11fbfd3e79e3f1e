//! The hold: no publication copy is written that prints what an office
//! never publishes. A copy is held back when
//!
//! - its text (as extracted from the typeset, verified PDF) holds a
//!   placeholder the anonymiser prints ("[phone number]", "[name]", any
//!   bracketed replacement in the case's redaction log), accepted or not:
//!   only a change to the case file's wording releases it; or
//! - it prints a finding whose kind blocks publication until accepted
//!   ([`crate::anonymise::Redaction::blocks_publication`]: a name that is
//!   also a word, a name several people share, a near miss; new kinds say
//!   so themselves) and nobody has accepted it. Where the review sheet
//!   cannot place such a finding in any copy, every copy is held.
//!
//! The internal copies and the review sheet are written all the same; the
//! terminal says which copy was held and why. `render --preview` writes a
//! held copy as a preview instead, marked as such on every page and in its
//! metadata; never by default. `publish` inherits the same rule for the
//! pages, cards and feed entries it makes ([`placeholders_in`]).

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind};

use super::sheet::{Copy, FindingRow, Held, HoldReason, ReviewSheet, Status};
use crate::anonymise::{self, Redactions};

/// The copies to hold back, in the order given, each with its reasons.
pub fn holds(sheet: &ReviewSheet, copies: &[Copy<'_>], redactions: &Redactions) -> Vec<Held> {
    let blanks = Blanks::new(redactions);
    let mut held: Vec<Held> = copies
        .iter()
        .map(|c| Held {
            file: c.file.to_string(),
            title: c.title.to_string(),
            reasons: Vec::new(),
            preview: None,
        })
        .collect();
    for (copy, h) in copies.iter().zip(&mut held) {
        let mut found = blanks.in_pages(copy.pages);
        found.dedup();
        for (page, printed) in found {
            let findings = placeholder_findings(sheet, &printed, copy.file, page);
            if findings.is_empty() {
                h.reasons.push(reason(printed.clone(), None, Some(page)));
            }
            for finding in findings {
                h.reasons
                    .push(reason(printed.clone(), Some(finding), Some(page)));
            }
        }
    }
    for row in &sheet.rows {
        for change in &row.changes {
            let open = change.blocks && change.status == Status::NotReviewed;
            if !open || anonymise::is_placeholder(&change.printed) {
                continue;
            }
            let finding = change
                .id
                .as_ref()
                .and_then(|id| sheet.findings.iter().find(|f| &f.id == id));
            let mut placed = false;
            for place in &row.in_copies {
                if let Some(h) = held.iter_mut().find(|h| h.file == place.file) {
                    h.reasons
                        .push(reason(change.printed.clone(), finding, Some(place.page)));
                    placed = true;
                }
            }
            if !placed {
                // Not found in any copy: it may be in all of them.
                for h in &mut held {
                    h.reasons
                        .push(reason(change.printed.clone(), finding, None));
                }
            }
        }
    }
    for h in &mut held {
        h.reasons
            .sort_by(|a, b| (a.page, &a.field, &a.printed).cmp(&(b.page, &b.field, &b.printed)));
        h.reasons.dedup();
    }
    held.retain(|h| !h.reasons.is_empty());
    held
}

/// The placeholders a text holds (for `publish`'s pages, records and
/// feed): each one, once.
pub fn placeholders_in(text: &str, redactions: &Redactions) -> Vec<String> {
    let mut found: Vec<String> = Blanks::new(redactions)
        .in_pages(std::slice::from_ref(&text.to_string()))
        .into_iter()
        .map(|(_, p)| p)
        .collect();
    found.sort();
    found.dedup();
    found
}

/// The placeholders the anonymiser prints, and any bracketed replacement
/// the case's log holds, searched for together.
struct Blanks {
    patterns: Vec<String>,
    automaton: AhoCorasick,
}

impl Blanks {
    fn new(redactions: &Redactions) -> Self {
        let mut patterns: Vec<String> = anonymise::placeholders()
            .into_iter()
            .map(str::to_string)
            .chain(
                redactions
                    .entries
                    .iter()
                    .filter(|e| e.prints_placeholder())
                    .map(|e| e.replacement.clone()),
            )
            .collect();
        patterns.sort();
        patterns.dedup();
        // Built for each case and run over a few pages: the plain NFA,
        // which builds in a fraction of a DFA's time.
        let automaton = AhoCorasickBuilder::new()
            .kind(Some(AhoCorasickKind::NoncontiguousNFA))
            .build(&patterns)
            .expect("placeholders are plain strings");
        Self {
            patterns,
            automaton,
        }
    }

    /// (page, placeholder) for each one the pages print; a placeholder
    /// broken over two lines is found too.
    fn in_pages(&self, pages: &[String]) -> Vec<(usize, String)> {
        let mut out = Vec::new();
        for (i, page) in pages.iter().enumerate() {
            let flat = page.split_whitespace().collect::<Vec<_>>().join(" ");
            for m in self.automaton.find_iter(&flat) {
                out.push((i + 1, self.patterns[m.pattern().as_usize()].clone()));
            }
        }
        out
    }
}

/// The findings that print this placeholder: those placed on this page of
/// this copy, or else the first that prints it anywhere.
fn placeholder_findings<'a>(
    sheet: &'a ReviewSheet,
    printed: &str,
    file: &str,
    page: usize,
) -> Vec<&'a FindingRow> {
    let prints = |f: &&FindingRow| f.printed == printed;
    let placed_here = |f: &&FindingRow| {
        sheet.rows.iter().any(|r| {
            r.changes.iter().any(|c| c.id.as_ref() == Some(&f.id))
                && r.in_copies.iter().any(|p| p.file == file && p.page == page)
        })
    };
    let here: Vec<&FindingRow> = sheet
        .findings
        .iter()
        .filter(prints)
        .filter(placed_here)
        .collect();
    if here.is_empty() {
        sheet.findings.iter().find(prints).into_iter().collect()
    } else {
        here
    }
}

fn reason(printed: String, finding: Option<&FindingRow>, page: Option<usize>) -> HoldReason {
    let placeholder = anonymise::is_placeholder(&printed);
    HoldReason {
        category: finding.map_or_else(
            || {
                if placeholder {
                    "placeholder".to_string()
                } else {
                    "finding".to_string()
                }
            },
            |f| f.category.to_string(),
        ),
        finding: finding.map(|f| f.id.clone()),
        page,
        field: finding.map(|f| f.field.clone()),
        range: finding.map(|f| f.range.clone()),
        hint: match finding {
            Some(f) => f.why.clone(),
            None if placeholder => format!(
                "the text prints {printed} as it is: write what the office would publish instead"
            ),
            None => "accept it with `redress review`, or change the case file".to_string(),
        },
        printed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_found_across_line_breaks_and_once_each() {
        let log = Redactions::default();
        let text = "I spoke to her on [phone\nnumber]. Her [name] and [name] and [sic].";
        assert_eq!(placeholders_in(text, &log), ["[name]", "[phone number]"]);
        assert!(placeholders_in("Nothing [here] to see", &log).is_empty());
    }
}
