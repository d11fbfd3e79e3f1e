//! The review sheet: what publication staff check, and sign off, before a
//! case's documents go on the website. It is internal (it shows the
//! original values) and says so.
//!
//! Each row is a sentence of the case file that the anonymiser changed, or
//! found something in, beside the sentence the publication copies print
//! instead: paired by the anonymiser's own offsets ([`rows`]), never by
//! searching. A sentence is one row however many fields and documents
//! hold it; the row lists the documents that will be published where it
//! is printed, with page and paragraph ([`locate`]). Covering letters and
//! other copies that are not published are not listed.
//!
//! A finding is what a person must decide: an identifier nobody listed, a
//! name the anonymiser could not be sure of, a placeholder left in
//! published prose, a detail that identifies in combination. Each has an
//! id that is stable across runs and edits elsewhere. Publication staff
//! accept findings and sign the review off with `redress review` (a review
//! file beside the case file, [`file`]) or in the case file's `[review]`
//! table. A placeholder cannot be accepted: the copy that prints one is
//! held until the case file is changed ([`holds`]).
//!
//! The sheet's values are `sheet`'s types; the pipeline passes in the
//! publication decision the case is rendered under
//! ([`build_with_publication`]).

pub mod file;
mod findings;
mod hold;
mod locate;
mod rows;
mod sheet;

use std::collections::HashMap;
use std::ops::Range;

pub use crate::lint::id_of;
pub use findings::{explain, finding_id, is_finding_id};
pub use hold::{holds, placeholders_in};
pub use sheet::{
    Change, Copy, DocumentInfo, FindingRow, Held, HoldReason, ItemKind, Place, ReviewSheet, Row,
    Status, Summary,
};

use crate::anonymise::{Aligned, AnonymisedCase, Redactions, Source};
use crate::case::Case;
use crate::plan::PublicationDecision;
use locate::{Anchor, Document, Finder};

/// Builds the review sheet from the case, what the anonymiser did, and the
/// publication copies as made.
pub fn build(
    case: &Case,
    redactions: &Redactions,
    anonymised: &AnonymisedCase,
    copies: &[Copy<'_>],
) -> ReviewSheet {
    let original = case.prose();
    let redacted: HashMap<String, String> = anonymised.case().prose().into_iter().collect();
    let fields: Vec<(String, rows::Field<'_>)> = original
        .iter()
        .map(|(name, text)| {
            let field = rows::Field {
                original: text,
                redacted: redacted.get(name).map_or("", String::as_str),
                aligned: Aligned::of(redactions, name),
            };
            (name.clone(), field)
        })
        .collect();
    let by_name: HashMap<&str, &rows::Field<'_>> =
        fields.iter().map(|(n, f)| (n.as_str(), f)).collect();
    let accepted_by = |id: &str| case.review.recorded.iter().find(|a| a.id == id).cloned();
    let is_accepted = |id: &str| case.review.accepted.iter().any(|a| a == id);
    let mut summary = Summary::default();
    let mut findings: Vec<FindingRow> = Vec::new();
    let mut marks: Vec<rows::Mark> = Vec::new();
    for e in &redactions.entries {
        let Some(field) = by_name.get(e.field.as_str()) else {
            continue;
        };
        let value = field.original.get(e.start..e.end).unwrap_or_default();
        let printed = if e.source == Source::Flagged {
            value.to_string()
        } else {
            e.replacement.clone()
        };
        let category = e.category.describe();
        let rule = findings::rule(e);
        let blocks = e.blocks_publication();
        let (kind, id, status) = match findings::why(e) {
            Some(why) => {
                let id = id_of(field.original, e);
                let acceptable = !e.prints_placeholder();
                let accepted = acceptable && is_accepted(&id);
                if !findings.iter().any(|f| f.id == id) {
                    *summary.findings.entry(category).or_default() += 1;
                    findings.push(FindingRow {
                        id: id.clone(),
                        category,
                        rule: rule.clone(),
                        field: e.field.clone(),
                        range: e.start..e.end,
                        original: value.to_string(),
                        printed: printed.clone(),
                        why,
                        accepted,
                        accepted_by: accepted.then(|| accepted_by(&id)).flatten(),
                        blocks,
                        acceptable,
                    });
                }
                let status = if accepted {
                    Status::Accepted
                } else {
                    Status::NotReviewed
                };
                (ItemKind::Finding, Some(id), status)
            }
            None => {
                *summary.replacements.entry(category).or_default() += 1;
                (ItemKind::Replacement, None, Status::Replaced)
            }
        };
        let span = e.edit.original.start.min(e.start)..e.edit.original.end.max(e.end);
        marks.push(rows::Mark {
            field: e.field.clone(),
            span,
            original: e.start..e.end,
            anchors: anchors(field.redacted, &e.edit.published),
            published: e.edit.published.clone(),
            change: Change {
                kind,
                id,
                category,
                rule,
                printed,
                status,
                blocks: blocks && status != Status::Accepted,
            },
        });
    }
    for q in &redactions.quasi {
        let Some(field) = by_name.get(q.field.as_str()) else {
            continue;
        };
        let value = field.redacted.get(q.start..q.end).unwrap_or_default();
        let original =
            field.aligned.to_original(q.start, false)..field.aligned.to_original(q.end, true);
        let category = q.kind.describe();
        let rule = findings::quasi_rule(q.kind);
        let (kind, id, status) = if q.finding {
            let id = finding_id(category, value);
            let accepted = is_accepted(&id);
            if !findings.iter().any(|f| f.id == id) {
                *summary.findings.entry(category).or_default() += 1;
                findings.push(FindingRow {
                    id: id.clone(),
                    category,
                    rule: rule.clone(),
                    field: q.field.clone(),
                    range: original.clone(),
                    original: value.to_string(),
                    printed: value.to_string(),
                    why: findings::QUASI_WHY.into(),
                    accepted,
                    accepted_by: accepted.then(|| accepted_by(&id)).flatten(),
                    blocks: false,
                    acceptable: true,
                });
            }
            let status = if accepted {
                Status::Accepted
            } else {
                Status::NotReviewed
            };
            (ItemKind::Finding, Some(id), status)
        } else {
            (ItemKind::Quasi, None, Status::Reported)
        };
        marks.push(rows::Mark {
            field: q.field.clone(),
            span: original.clone(),
            original,
            anchors: anchors(field.redacted, &(q.start..q.end)),
            published: q.start..q.end,
            change: Change {
                kind,
                id,
                category,
                rule,
                printed: value.to_string(),
                status,
                blocks: false,
            },
        });
    }
    let mut rows = rows::rows(&fields, marks);
    place(&mut rows, copies);
    let mut unreviewed: Vec<String> = findings
        .iter()
        .filter(|f| !f.accepted)
        .map(|f| f.id.clone())
        .collect();
    unreviewed.sort();
    unreviewed.dedup();
    let documents: Vec<DocumentInfo> = copies
        .iter()
        .filter(|c| c.published)
        .map(|c| DocumentInfo {
            file: c.file.to_string(),
            title: c.title.to_string(),
        })
        .collect();
    summary.documents = documents.len();
    summary.sentences = rows.len();
    summary.unreviewed = unreviewed.len();
    let signed_off = case.review.signed_off.clone();
    ReviewSheet {
        reference: case.case.reference.clone(),
        note: "INTERNAL: this review sheet shows original personal data. It is for publication staff and must never be published.",
        summary,
        ready: unreviewed.is_empty() && signed_off.is_some(),
        findings,
        rows,
        documents,
        unreviewed,
        signed_off,
        held: Vec::new(),
        publication: None,
    }
}

/// The review sheet of a case rendered under `publication` (its
/// decision, which the sheet prints): [`build`] with the decision given.
pub fn build_with_publication(
    case: &Case,
    redactions: &Redactions,
    anonymised: &AnonymisedCase,
    copies: &[Copy<'_>],
    publication: &PublicationDecision,
) -> ReviewSheet {
    ReviewSheet {
        publication: Some(publication.clone()),
        ..build(case, redactions, anonymised, copies)
    }
}

/// Places every row in every copy: `in_copies` for all of them, `places`
/// for those that will be published; rows are then sorted in the order the
/// published documents print them.
fn place(rows: &mut [Row], copies: &[Copy<'_>]) {
    let anchors: Vec<Vec<Anchor>> = rows.iter().map(|r| r.anchors()).collect();
    let finder = Finder::new(&anchors);
    for copy in copies {
        let spots = Document::new(copy.pages).places(&finder);
        for (row, spots) in rows.iter_mut().zip(spots) {
            for spot in spots {
                let place = Place {
                    file: copy.file.to_string(),
                    page: spot.page,
                    paragraph: spot.paragraph,
                };
                if copy.published {
                    row.places.push(place.clone());
                }
                row.in_copies.push(place);
            }
        }
    }
    let order = |file: &str| copies.iter().position(|c| c.file == file);
    // Stable: rows no document prints keep the case file's order, last.
    rows.sort_by_key(|r| {
        r.places
            .first()
            .map(|p| (order(&p.file).unwrap_or(usize::MAX), p.page, p.paragraph))
            .unwrap_or((usize::MAX, usize::MAX, None))
    });
}

impl Row {
    /// What to find the row by in a document: its published sentence, then
    /// each change's neighbouring published words.
    fn anchors(&self) -> Vec<Anchor> {
        let mut out = vec![Anchor {
            text: self.published.clone(),
        }];
        out.extend(self.change_anchors.iter().cloned());
        out
    }
}

/// Anchors to find a replacement by in a document: the printed text with
/// the published words after it, and with the words before it, within its
/// line of the field.
fn anchors(published: &str, printed: &Range<usize>) -> Vec<Anchor> {
    let at = printed.start.min(published.len());
    let end = printed.end.clamp(at, published.len());
    let (Some(head), Some(shown), Some(tail)) = (
        published.get(..at),
        published.get(at..end),
        published.get(end..),
    ) else {
        return Vec::new();
    };
    let head = head.rsplit('\n').next().unwrap_or(head);
    let tail = tail.split('\n').next().unwrap_or(tail);
    let before: Vec<&str> = head.split_whitespace().collect();
    let after: Vec<&str> = tail.split_whitespace().collect();
    let mut out: Vec<Anchor> = Vec::new();
    for n in [6, 4, 2] {
        let words_after = after[..after.len().min(n)].join(" ");
        let words_before = before[before.len().saturating_sub(n)..].join(" ");
        out.push(Anchor {
            text: format!("{shown} {words_after}"),
        });
        out.push(Anchor {
            text: format!("{words_before} {shown}"),
        });
    }
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_take_the_words_either_side() {
        let text = "The referral gave her home telephone number, [phone number], and more.";
        let at = text.find("[phone").unwrap();
        let a: Vec<String> = anchors(text, &(at..at + 14))
            .into_iter()
            .map(|a| a.text)
            .collect();
        assert!(
            a.contains(&"[phone number] , and more.".to_string()),
            "{a:?}"
        );
        assert!(
            a.contains(&"her home telephone number, [phone number]".to_string()),
            "{a:?}"
        );
    }
}
