//! What the review sheet holds: the sheet itself, its findings, its rows of
//! changed sentences and where each is printed, and the publication copies
//! held back. Plain serialisable values: the review sheet's template prints
//! them, `review.json` and `--json` write them.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Serialize;

use super::locate::Anchor;
use crate::case::{Acceptance, SignOff};
use crate::plan::PublicationDecision;

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
    pub held: Vec<Held>,
    /// Whether and when the decision is published, and why not (given by
    /// the pipeline: [`build_with_publication`](super::build_with_publication)).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publication: Option<PublicationDecision>,
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
    pub(super) change_anchors: Vec<Anchor>,
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

/// A publication copy held back, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Held {
    /// The copy: `decision.redacted.pdf`.
    pub file: String,
    /// The document's title.
    pub title: String,
    /// Why, each reason once, in page order.
    pub reasons: Vec<HoldReason>,
    /// The preview written in its place (`render --preview`), if any.
    pub preview: Option<String>,
}

/// One thing a held copy prints that an office would not publish.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HoldReason {
    /// What the copy prints: "[phone number]", or a label in doubt.
    pub printed: String,
    /// What it is: "phone number", "name".
    pub category: String,
    /// The finding it is, when the review sheet has one.
    pub finding: Option<String>,
    /// The page of the copy, when placed.
    pub page: Option<usize>,
    /// The case-file field it comes from, when known.
    pub field: Option<String>,
    /// Where in that field, in bytes (for line and column).
    #[serde(skip)]
    pub range: Option<Range<usize>>,
    /// What to do about it.
    pub hint: String,
}
