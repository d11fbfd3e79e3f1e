//! The review sheet: what publication staff check, and sign off, before a
//! case's documents go on the website. It is internal (it shows the
//! original values) and says so.
//!
//! For every publication document (the redacted copies), each replacement,
//! finding and quasi-identifier is shown as the published sentence beside
//! the original one, with its page and paragraph in that document. A
//! finding is what a person must decide: an identifier nobody listed, a name
//! the anonymiser could not be sure of, a placeholder left in published
//! prose, a detail that identifies in combination. Each has an id that is
//! stable across runs and edits elsewhere; `review.accepted` lists the ones
//! accepted as published, and `review.signed_off = { by, on }` records the
//! sign-off that `render --require-review` requires.

mod locate;

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::anonymise::{AnonymisedCase, Doubt, Redaction, Redactions, Source};
use crate::case::{Case, SignOff};
use locate::{Anchor, Document, normalise, sentence_at};

/// A publication document as made: its file name, title and the text of
/// its pages (as extracted from the verified PDF, line by line).
#[derive(Debug, Clone, Copy)]
pub struct Published<'a> {
    /// `decision.redacted.pdf`.
    pub file: &'a str,
    /// The document's title.
    pub title: &'a str,
    /// Its pages' text.
    pub pages: &'a [String],
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
    /// Each publication document with what was done to it, in place.
    pub documents: Vec<DocumentReview>,
    /// Ids of findings not yet accepted.
    pub unreviewed: Vec<String>,
    /// The sign-off the case records, if any.
    pub signed_off: Option<SignOff>,
    /// Whether every finding is accepted and the review signed off: what
    /// `--require-review` needs.
    pub ready: bool,
    /// Whether and when the decision is published, and why not (set by
    /// the pipeline).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publication: Option<crate::publish::PublicationDecision>,
}

/// The counts at the top of the sheet.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    /// Publication documents reviewed.
    pub documents: usize,
    /// Replacements made in the case's prose, by kind.
    pub replacements: BTreeMap<&'static str, usize>,
    /// Findings, by kind.
    pub findings: BTreeMap<&'static str, usize>,
    /// Findings not yet accepted.
    pub unreviewed: usize,
}

/// Something a person must decide.
#[derive(Debug, Clone, Serialize)]
pub struct FindingRow {
    /// Stable id, for `review.accepted`.
    pub id: String,
    /// What it is.
    pub category: &'static str,
    /// The case-file field it is in.
    pub field: String,
    /// The text in the case file.
    pub original: String,
    /// What the publication copies print instead (the same text when it is
    /// only reported).
    pub printed: String,
    /// Why a person must look, and what to do.
    pub why: String,
    /// Whether `review.accepted` lists it.
    pub accepted: bool,
}

/// One publication document on the sheet.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentReview {
    /// The file name: `decision.redacted.pdf`.
    pub file: String,
    /// Its title.
    pub title: String,
    /// What was done to it, in page order.
    pub items: Vec<Item>,
}

/// One replacement, finding or quasi-identifier in one document.
#[derive(Debug, Clone, Serialize)]
pub struct Item {
    /// Replacement, finding or quasi-identifier.
    pub kind: ItemKind,
    /// The finding's id, for findings.
    pub id: Option<String>,
    /// What it is: "phone number", "name", "exact age".
    pub category: &'static str,
    /// The case-file field.
    pub field: String,
    /// The sentence in the case file, with the original value.
    pub original_sentence: String,
    /// The sentence as this document prints it.
    pub published_sentence: String,
    /// Where the original value is in `original_sentence`, in characters.
    pub original_mark: Option<(usize, usize)>,
    /// Where the printed text is in `published_sentence`, in characters.
    pub published_mark: Option<(usize, usize)>,
    /// The page of this document.
    pub page: usize,
    /// The numbered paragraph, where the document numbers them.
    pub paragraph: Option<u32>,
    /// Replaced, accepted, not reviewed, or left for a person to judge.
    pub status: Status,
}

/// What an item on the sheet is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// A listed identifier replaced by its label or a placeholder.
    Replacement,
    /// Something a person must decide.
    Finding,
    /// A detail left in the text that could identify someone.
    Quasi,
}

/// Where an item stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Replaced as listed; nothing to decide.
    Replaced,
    /// A finding `review.accepted` lists.
    Accepted,
    /// A finding nobody has accepted yet.
    NotReviewed,
    /// A quasi-identifier left in the text for a person to judge.
    Reported,
}

/// What happened at one place of the case's prose, before it is placed in
/// the documents.
struct Entry {
    kind: ItemKind,
    id: Option<String>,
    category: &'static str,
    field: String,
    original_sentence: String,
    /// The original value and what is printed instead.
    value: String,
    printed: String,
    /// Anchors to find it by in a document, surest first.
    anchors: Vec<Anchor>,
    status: Status,
}

/// Builds the review sheet from the case, what the anonymiser did, and the
/// publication documents as made.
pub fn build(
    case: &Case,
    redactions: &Redactions,
    anonymised: &AnonymisedCase,
    documents: &[Published<'_>],
) -> ReviewSheet {
    let original = field_texts(case.clone());
    let redacted = field_texts(anonymised.case().clone());
    let mut findings: Vec<FindingRow> = Vec::new();
    let mut entries: Vec<Entry> = Vec::new();
    let mut summary = Summary {
        documents: documents.len(),
        ..Summary::default()
    };
    for e in &redactions.entries {
        let text = original.get(&e.field).map_or("", String::as_str);
        let value = text.get(e.start..e.end).unwrap_or_default().to_string();
        let published = redacted.get(&e.field).map_or("", String::as_str);
        // Where the anonymiser printed it (rewrites move text about).
        let at = e.published_start;
        let printed = if e.source == Source::Flagged {
            value.as_str()
        } else {
            e.replacement.as_str()
        };
        let anchors = anchors(published, at, printed);
        let why = why(e);
        let (kind, id, status) = match why {
            Some(why) => {
                let sentence = sentence_at(&normalise(text), normalised_offset(text, e.start));
                let id = finding_id(e.category.describe(), &id_text(e, &value, &sentence));
                let accepted = case.review.accepted.contains(&id);
                if !findings.iter().any(|f| f.id == id) {
                    *summary.findings.entry(e.category.describe()).or_default() += 1;
                    findings.push(FindingRow {
                        id: id.clone(),
                        category: e.category.describe(),
                        field: e.field.clone(),
                        original: value.clone(),
                        printed: printed.to_string(),
                        why,
                        accepted,
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
                *summary
                    .replacements
                    .entry(e.category.describe())
                    .or_default() += 1;
                (ItemKind::Replacement, None, Status::Replaced)
            }
        };
        entries.push(Entry {
            kind,
            id,
            category: e.category.describe(),
            field: e.field.clone(),
            original_sentence: sentence_at(&normalise(text), normalised_offset(text, e.start)),
            value: normalise(&value),
            printed: printed.to_string(),
            anchors,
            status,
        });
    }
    for q in &redactions.quasi {
        let text = redacted.get(&q.field).map_or("", String::as_str);
        let value = text.get(q.start..q.end).unwrap_or_default().to_string();
        let sentence = sentence_at(&normalise(text), normalised_offset(text, q.start));
        let (kind, id, status) = if q.finding {
            let id = finding_id(q.kind.describe(), &value);
            let accepted = case.review.accepted.contains(&id);
            if !findings.iter().any(|f| f.id == id) {
                *summary.findings.entry(q.kind.describe()).or_default() += 1;
                findings.push(FindingRow {
                    id: id.clone(),
                    category: q.kind.describe(),
                    field: q.field.clone(),
                    original: value.clone(),
                    printed: value.clone(),
                    why: "left in the text, and it can identify someone, alone or with other details: generalise it (a [[generalise]] entry or new wording) or accept it".into(),
                    accepted,
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
        entries.push(Entry {
            kind,
            id,
            category: q.kind.describe(),
            field: q.field.clone(),
            original_sentence: sentence,
            printed: value.clone(),
            anchors: anchors(text, q.start, &value),
            value,
            status,
        });
    }
    let documents = documents.iter().map(|d| place_in(d, &entries)).collect();
    let mut unreviewed: Vec<String> = findings
        .iter()
        .filter(|f| !f.accepted)
        .map(|f| f.id.clone())
        .collect();
    unreviewed.sort();
    unreviewed.dedup();
    summary.unreviewed = unreviewed.len();
    let signed_off = case.review.signed_off.clone();
    ReviewSheet {
        reference: case.case.reference.clone(),
        note: "INTERNAL: this review sheet shows original personal data. It is for publication staff and must never be published.",
        summary,
        ready: unreviewed.is_empty() && signed_off.is_some(),
        findings,
        documents,
        unreviewed,
        signed_off,
        publication: None,
    }
}

/// The items of one document, placed, in page order.
fn place_in(doc: &Published<'_>, entries: &[Entry]) -> DocumentReview {
    let text = Document::new(doc.pages);
    let anchors: Vec<Vec<Anchor>> = entries.iter().map(|e| e.anchors.clone()).collect();
    let mut items: Vec<Item> = text
        .places(&anchors)
        .into_iter()
        .zip(entries)
        .filter_map(|(place, e)| {
            let place = place?;
            Some(Item {
                kind: e.kind,
                id: e.id.clone(),
                category: e.category,
                field: e.field.clone(),
                original_mark: mark(&e.original_sentence, &e.value),
                published_mark: mark(&place.sentence, &e.printed),
                original_sentence: e.original_sentence.clone(),
                published_sentence: place.sentence,
                page: place.page,
                paragraph: place.paragraph,
                status: e.status,
            })
        })
        .collect();
    items.sort_by_key(|i| (i.page, i.paragraph));
    DocumentReview {
        file: doc.file.to_string(),
        title: doc.title.to_string(),
        items,
    }
}

/// Why a replacement is a finding, and what to do about it; `None` for a
/// listed identifier replaced by its label.
fn why(e: &Redaction) -> Option<String> {
    if let Some(doubt) = &e.doubt {
        return Some(explain(doubt, &e.replacement));
    }
    let placeholder = e.replacement.starts_with('[');
    match e.source {
        Source::Flagged => Some(format!(
            "looks like {} {} nobody listed; left as written because the shape alone is too weak to replace it: check it, and list it in the case file if it is personal data",
            article(e.category.describe()),
            e.category.describe()
        )),
        Source::Heuristic | Source::Validated => Some(format!(
            "{} {} nobody listed, found by a detector: printed as {}; if it is someone's, list it in the case file; {}",
            article(e.category.describe()),
            e.category.describe(),
            e.replacement,
            crate::lint::advice(e.category)
        )),
        Source::Listed | Source::Generalised if placeholder => Some(format!(
            "printed as {} in the publication copy: {}",
            e.replacement,
            crate::lint::advice(e.category)
        )),
        _ => None,
    }
}

/// What a finding's id is made from: its value, and for a doubt about one
/// sentence (a name that is also a word), that sentence too.
fn id_text(e: &Redaction, value: &str, sentence: &str) -> String {
    match &e.doubt {
        Some(_) => format!("{value}\u{0}{sentence}"),
        None => value.to_string(),
    }
}

/// Why a replacement needs checking, and how to settle it, in words.
pub fn explain(doubt: &Doubt, printed: &str) -> String {
    match doubt {
        Doubt::UndecidedWord { label } => format!(
            "a name that is also a word, and nothing in the sentence says which it is: printed as {label}; if it is the word, reword the sentence (for example so that it does not start it), otherwise accept it"
        ),
        Doubt::Shared { candidates } => format!(
            "{} share this name and nothing tells them apart: printed as {printed}; give the person meant an alias, or use the given name or title in the text",
            join_and(candidates)
        ),
        Doubt::NearMiss { candidates } => format!(
            "a letter or two from the name of {}: printed as {printed}; if it is a misspelling, correct it in the case file (or add it to that person's aliases)",
            join_and(candidates)
        ),
        Doubt::PartOfName { candidates } => format!(
            "a listed name{} inside a longer name nobody listed: the whole name printed as {printed}; if it is the same person add the whole name to their aliases, otherwise list the person",
            if candidates.is_empty() {
                String::new()
            } else {
                format!(" (of {})", join_and(candidates))
            }
        ),
        Doubt::NamePoint { label, .. } => format!(
            "the sentence's point was the name itself (a misspelling, a nickname, a wrong name): printed as {label}, which loses it; say what was wrong without the name, or accept it"
        ),
        Doubt::Tautology { label } => format!(
            "with the name printed as {label} the sentence says the same thing twice: reword it, or accept it"
        ),
    }
}

/// Anchors to find a replacement by in a document: the printed text with
/// the published words after it, and with the words before it, within its
/// line of the field (a document may number or letter the next one).
fn anchors(published: &str, at: usize, printed: &str) -> Vec<Anchor> {
    let at = at.min(published.len());
    let head = published.get(..at).unwrap_or_default();
    let head = head.rsplit('\n').next().unwrap_or(head);
    let rest = published.get(at..).unwrap_or_default();
    let tail = rest
        .get(printed.len().min(rest.len())..)
        .unwrap_or_default();
    let tail = tail.split('\n').next().unwrap_or(tail);
    let before: Vec<&str> = head.split_whitespace().collect();
    let after: Vec<&str> = tail.split_whitespace().collect();
    let glue_before = if head.ends_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let glue_after = if tail.starts_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let mut out: Vec<Anchor> = Vec::new();
    for n in [6, 4, 2] {
        let words_after = after[..after.len().min(n)].join(" ");
        let words_before = before[before.len().saturating_sub(n)..].join(" ");
        let lead = format!("{words_before}{glue_before}");
        out.push(Anchor {
            text: format!("{printed}{glue_after}{words_after}"),
            at: 0,
        });
        out.push(Anchor {
            text: format!("{lead}{printed}"),
            at: lead.len(),
        });
    }
    out.retain(|a| a.text.len() >= 12);
    out.dedup_by(|a, b| a.text == b.text);
    if out.is_empty() && printed.len() >= 4 {
        out.push(Anchor {
            text: printed.to_string(),
            at: 0,
        });
    }
    out
}

/// Where `part` first is in `sentence`, as character offsets.
fn mark(sentence: &str, part: &str) -> Option<(usize, usize)> {
    if part.is_empty() {
        return None;
    }
    let at = sentence.find(part)?;
    let start = sentence[..at].chars().count();
    Some((start, start + part.chars().count()))
}

/// "an" before a vowel sound.
fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) || word.starts_with("NHS") {
        "an"
    } else {
        "a"
    }
}

/// "A", "A and B", "A, B and C".
fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
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
    fn anchors_take_the_words_either_side() {
        let text = "The referral gave her home telephone number, [phone number], and more.";
        let at = text.find("[phone").unwrap();
        let a: Vec<String> = anchors(text, at, "[phone number]")
            .into_iter()
            .map(|a| a.text)
            .collect();
        assert!(
            a.contains(&"[phone number], and more.".to_string()),
            "{a:?}"
        );
        assert!(
            a.contains(&"telephone number, [phone number]".to_string()),
            "{a:?}"
        );
    }
}
