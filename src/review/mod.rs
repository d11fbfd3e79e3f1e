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
//! held until the case file is changed (the pipeline's hold).

pub mod file;
mod findings;
mod locate;
mod rows;

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use serde::Serialize;

pub use findings::{explain, finding_id, is_finding_id};

use crate::anonymise::{Aligned, AnonymisedCase, Redactions, Source};
use crate::case::{Acceptance, Case, SignOff};
use locate::{Anchor, Document, Finder, normalise, sentence_at};

/// A publication copy as made: its file name, title, the text of its pages
/// (as extracted from the verified PDF, line by line), and whether it will
/// be published (on the website, now or once the draft is final).
#[derive(Debug, Clone, Copy)]
pub struct Copy<'a> {
    /// `decision.redacted.pdf`.
    pub file: &'a str,
    /// The document's title.
    pub title: &'a str,
    /// Its pages' text.
    pub pages: &'a [String],
    /// Whether the publication decision puts it on the website (a covering
    /// letter is never published).
    pub published: bool,
}

/// The review sheet of one case.
#[derive(Debug, Clone, Serialize)]
pub struct ReviewSheet {
    /// The case reference.
    pub reference: String,
    /// What this document is.
    pub note: &'static str,
    /// Counts for the top of the sheet.
    pub summary: Summary,
    /// Every finding of the case, once each, with its status.
    pub findings: Vec<FindingRow>,
    /// Each changed sentence beside its published sentence, once each.
    pub rows: Vec<Row>,
    /// The documents that will be published, in plan order.
    pub documents: Vec<DocumentInfo>,
    /// Ids of findings not yet accepted (a placeholder's included: it can
    /// only be settled by changing the text).
    pub unreviewed: Vec<String>,
    /// The sign-off, if any.
    pub signed_off: Option<SignOff>,
    /// Whether every finding is accepted and the review signed off: what
    /// `--require-review` needs.
    pub ready: bool,
    /// The publication copies held back, and why (set by the pipeline).
    pub held: Vec<crate::pipeline::Held>,
    /// Whether and when the decision is published, and why not (set by
    /// the pipeline).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publication: Option<crate::publish::PublicationDecision>,
}

/// The counts at the top of the sheet.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    /// Documents that will be published.
    pub documents: usize,
    /// Sentences changed (rows).
    pub sentences: usize,
    /// Replacements made in the case's prose, by kind.
    pub replacements: BTreeMap<&'static str, usize>,
    /// Findings, by kind.
    pub findings: BTreeMap<&'static str, usize>,
    /// Findings not yet accepted.
    pub unreviewed: usize,
}

/// A document that will be published.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentInfo {
    /// `decision.redacted.pdf`.
    pub file: String,
    /// Its title.
    pub title: String,
}

/// Something a person must decide.
#[derive(Debug, Clone, Serialize)]
pub struct FindingRow {
    /// Stable id, for `redress review --accept` and `review.accepted`.
    pub id: String,
    /// What it is.
    pub category: &'static str,
    /// The rule that made it.
    pub rule: String,
    /// The case-file field it is in.
    pub field: String,
    /// Where it is in that field, in bytes (for line and column).
    pub range: Range<usize>,
    /// The text in the case file.
    pub original: String,
    /// What the publication copies print instead (the same text when it is
    /// only reported).
    pub printed: String,
    /// Why a person must look, and what to do.
    pub why: String,
    /// Whether it is accepted.
    pub accepted: bool,
    /// Who accepted it and when, as the review file records it.
    pub accepted_by: Option<Acceptance>,
    /// Whether a publication copy that prints it is held until it is
    /// accepted (a placeholder: until the text is changed).
    pub blocks: bool,
    /// Whether accepting it is allowed (not for a placeholder).
    pub acceptable: bool,
}

/// One changed sentence of the case file beside its published sentence.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    /// The case-file fields that hold the sentence.
    pub fields: Vec<String>,
    /// The sentence in the case file, with the original values.
    pub original: String,
    /// The sentence as the publication copies print it ("" when it is left
    /// out).
    pub published: String,
    /// Where each change is in `original`, in characters.
    pub original_marks: Vec<(usize, usize)>,
    /// Where each change is in `published`, in characters.
    pub published_marks: Vec<(usize, usize)>,
    /// What changed, each with its rule.
    pub changes: Vec<Change>,
    /// Where the documents that will be published print it.
    pub places: Vec<Place>,
    /// What the row needs: the most pressing of its changes.
    pub status: Status,
    /// Where every publication copy prints it (for the hold).
    #[serde(skip)]
    pub(crate) in_copies: Vec<Place>,
    /// Each change's field and byte range in the original text.
    #[serde(skip)]
    pub(crate) at: Vec<(String, Range<usize>)>,
    /// Each change's neighbouring published words, to place the row by when
    /// its whole sentence is not found (split by a page break, reworded).
    #[serde(skip)]
    change_anchors: Vec<Anchor>,
}

/// One change in a row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// Replacement, finding or quasi-identifier.
    pub kind: ItemKind,
    /// The finding's id, for findings.
    pub id: Option<String>,
    /// What it is: "phone number", "name", "exact age".
    pub category: &'static str,
    /// The rule that made it.
    pub rule: String,
    /// What the publication copies print.
    pub printed: String,
    /// Replaced, accepted, not reviewed, or left for a person to judge.
    pub status: Status,
    /// Whether it holds back the copies that print it until accepted.
    pub blocks: bool,
}

/// Where a row is printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Place {
    /// The file: `decision.redacted.pdf`.
    pub file: String,
    /// The page.
    pub page: usize,
    /// The numbered paragraph, where the document numbers them.
    pub paragraph: Option<u32>,
}

/// What a change is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// A listed identifier replaced by its label.
    Replacement,
    /// Something a person must decide.
    Finding,
    /// A detail left in the text that could identify someone.
    Quasi,
}

/// Where a change stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Replaced as listed; nothing to decide.
    Replaced,
    /// A finding that is accepted.
    Accepted,
    /// A finding nobody has accepted yet.
    NotReviewed,
    /// A quasi-identifier left in the text for a person to judge.
    Reported,
}

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

/// The id of the finding a replacement is, given its field's original
/// text: its category and value, and for a doubt about one sentence (a
/// name that is also a word) that sentence too. Stable across renders and
/// edits elsewhere in the case.
pub fn id_of(text: &str, e: &crate::anonymise::Redaction) -> String {
    let value = text.get(e.start..e.end).unwrap_or_default();
    let sentence = sentence_at(&normalise(text), normalised_offset(text, e.start));
    finding_id(
        e.category.describe(),
        &findings::id_text(e, value, &sentence),
    )
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

/// Where byte `at` of `text` is once its whitespace is collapsed.
fn normalised_offset(text: &str, at: usize) -> usize {
    normalise(text.get(..at).unwrap_or(text)).len()
        + usize::from(
            text.get(..at)
                .is_some_and(|h| h.ends_with(char::is_whitespace) && !h.trim().is_empty()),
        )
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
