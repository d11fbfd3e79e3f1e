//! The redaction log: what was replaced, where and by what, and each clause
//! rewritten for publication; never an original value.

use std::ops::Range;

use serde::Serialize;

use super::blanks::is_placeholder;
use super::hit::{Category, Doubt, Source};
use super::quasi::{self, QuasiKind};
use super::rewrite::Rule;

/// What was replaced, where and by what; never the original values.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Redactions {
    /// Each replacement, in field and text order.
    pub entries: Vec<Redaction>,
    /// Each clause rewritten for publication, in field and text order.
    pub rewrites: Vec<Rewrite>,
    /// Quasi-identifiers left in the redacted text for a person to judge.
    pub quasi: Vec<Quasi>,
}

/// A clause of one field rewritten for publication ("I spoke to her on
/// 07700 900461 on 3 May" → "I spoke to her on 3 May"): where it was and
/// where its rewriting is, never the words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rewrite {
    /// The case-file field.
    pub field: String,
    /// The rule that rewrote it.
    pub rule: Rule,
    /// Byte offset of the start in the original field text.
    pub start: usize,
    /// Byte offset of the end in the original field text.
    pub end: usize,
    /// Byte offset of the start of what replaced it in the published
    /// field text.
    pub published_start: usize,
    /// Byte offset of the end of it (equal to the start when the clause
    /// was dropped).
    pub published_end: usize,
}

/// A quasi-identifier in a redacted field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quasi {
    /// The case-file field.
    pub field: String,
    /// What kind.
    pub kind: QuasiKind,
    /// Byte offset of the start in the *redacted* field text.
    pub start: usize,
    /// Byte offset of the end in the redacted field text.
    pub end: usize,
    /// Whether it must be reviewed before publication, not only listed.
    pub finding: bool,
}

/// One replacement in one field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Redaction {
    /// The case-file field, e.g. `what_happened` or `people[0].name`.
    pub field: String,
    /// What kind of identifier it was.
    pub category: Category,
    /// Listed in the case, or found by a detector (flagged ones are only
    /// reported, not replaced).
    pub source: Source,
    /// What was printed instead (a label or a placeholder).
    pub replacement: String,
    /// Byte offset of the start in the original field text.
    pub start: usize,
    /// Byte offset of the end in the original field text.
    pub end: usize,
    /// Why a person should check this replacement, if they should.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doubt: Option<Doubt>,
    /// What the replacement rewrote, and where that is in the redacted
    /// field text: the anonymiser's own alignment of the two texts.
    pub edit: Edit,
    /// The rewrite that printed it with its clause, if one did (then
    /// `replacement` is what that clause became, and `edit` is the clause).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<Rule>,
}

/// How one stretch of a field's text was rewritten: bytes `original` of
/// the case file's text became bytes `published` of the redacted text. The
/// stretch is the value and whatever went with it (the commas of a name in
/// apposition, a role said twice, the clause a rule rewrote); between two
/// edits the texts are the same. A value only reported (flagged) is an edit
/// that changed nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edit {
    /// Byte range in the original field text.
    pub original: Range<usize>,
    /// Byte range in the redacted field text.
    pub published: Range<usize>,
}

impl Redaction {
    /// Whether the publication copies print a placeholder ("[phone
    /// number]") here (not when the blank went with its commas, "A
    /// neighbour, [name], found her" → "A neighbour found her", nor when a
    /// rule rewrote its clause): the offices never publish one, so a copy
    /// that holds it is held back, whoever accepts it.
    pub fn prints_placeholder(&self) -> bool {
        self.source != Source::Flagged
            && self.rule.is_none()
            && is_placeholder(&self.replacement)
            && !self.edit.published.is_empty()
    }

    /// Whether a publication copy that prints this is held back until a
    /// person accepts it (a placeholder: until the text is changed). Every
    /// doubt about a name does: its label may stand where the text meant a
    /// word ("By Ms Z 2025"), for the wrong person, or garble its sentence.
    pub fn blocks_publication(&self) -> bool {
        self.prints_placeholder() || self.doubt.is_some()
    }
}

/// A row of the redaction summary.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct SummaryRow {
    /// What kind of identifier.
    pub category: Category,
    /// What was printed instead.
    pub replacement: String,
    /// How many times.
    pub count: usize,
}

impl Redactions {
    /// Counts per category and replacement, in a stable order.
    pub fn summary(&self) -> Vec<SummaryRow> {
        let mut counts: std::collections::BTreeMap<(Category, &str), usize> = Default::default();
        for e in &self.entries {
            *counts
                .entry((e.category, e.replacement.as_str()))
                .or_default() += 1;
        }
        counts
            .into_iter()
            .map(|((category, replacement), count)| SummaryRow {
                category,
                replacement: replacement.to_string(),
                count,
            })
            .collect()
    }

    /// The fields whose quasi-identifiers hold an age, a rare condition and
    /// a place together, with those parts: a finding as a combination.
    pub fn identifying_combinations(&self) -> Vec<(String, Vec<&Quasi>)> {
        let mut fields: Vec<&str> = self.quasi.iter().map(|q| q.field.as_str()).collect();
        fields.dedup();
        fields
            .into_iter()
            .filter_map(|field| {
                let parts: Vec<&Quasi> = self.quasi.iter().filter(|q| q.field == field).collect();
                let found: Vec<(QuasiKind, Range<usize>)> =
                    parts.iter().map(|q| (q.kind, q.start..q.end)).collect();
                quasi::is_combination(&found).then(|| {
                    let parts = parts
                        .into_iter()
                        .filter(|q| q.kind != QuasiKind::School)
                        .collect();
                    (field.to_string(), parts)
                })
            })
            .collect()
    }

    /// Entries for names that belong to several people and could not be
    /// attributed: printed as "[name]" and flagged for review.
    pub fn ambiguous(&self) -> impl Iterator<Item = &Redaction> {
        self.entries
            .iter()
            .filter(|e| e.category == Category::AmbiguousName)
    }

    /// Entries a person must check before publication: what detectors
    /// found, and listed names the anonymiser could not be sure of.
    pub fn doubtful(&self) -> impl Iterator<Item = &Redaction> {
        self.entries.iter().filter(|e| {
            e.doubt.is_some() || !matches!(e.source, Source::Listed | Source::Generalised)
        })
    }
}
