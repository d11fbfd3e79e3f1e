//! The anonymise stage: [`Case`] → [`AnonymisedCase`] + [`Redactions`].
//!
//! Every person becomes their one label, whatever form the text uses
//! ("Mrs O'Neill's", "PEGGY", "O'Neill, M"); their addresses, phones,
//! emails, dates of birth, NHS and NI numbers disappear; bodies stay named;
//! references, statutes, money and event dates are untouched. The redacted
//! render takes only an [`AnonymisedCase`], and only this module can build
//! one, so a document for publication cannot be made from raw facts.
//!
//! The [`Redactions`] log says what was replaced, where and by what, and
//! never holds an original value.

mod align;
mod blanks;
mod detect;
mod fold;
mod identifiers;
mod labels;
mod quasi;
mod reading;
mod rewrite;
pub(crate) mod values;
mod words;

use std::collections::HashSet;
use std::ops::Range;

use serde::Serialize;

pub use align::Aligned;
use align::Alignment;
pub use blanks::{is_placeholder, placeholders};
pub use detect::{AllowList, Confidence};
pub use identifiers::{Category, Doubt, Hit, Identifiers, Source};
pub use quasi::QuasiKind;
pub use rewrite::{Rewrites, Rule};

use crate::case::{Case, Person};

/// A case with every listed identifier replaced. Only [`anonymise`] makes one.
#[derive(Debug, Clone)]
pub struct AnonymisedCase {
    case: Case,
}

impl AnonymisedCase {
    /// The anonymised facts: names are labels, contact details are gone.
    pub fn case(&self) -> &Case {
        &self.case
    }
}

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

/// The labels of a case's people, assigned once (docs/domain.md §4).
pub fn labels(case: &Case) -> Vec<String> {
    labels::assign(case)
}

/// Compiles the listed identifiers of a case (for anonymising and verifying).
pub fn identifiers(case: &Case) -> Identifiers {
    Identifiers::new(case, labels::assign(case))
}

/// Anonymises a case: the redacted facts and the log of what was replaced.
pub fn anonymise(case: &Case, ids: &Identifiers) -> (AnonymisedCase, Redactions) {
    let housing = housing_fields(case);
    let mut out = case.clone();
    let mut redactions = Redactions::default();
    for (field, text) in out.prose_mut() {
        let labels = if housing.contains(&field) {
            LabelSet::Housing
        } else {
            LabelSet::Ombudsman
        };
        let replaced = replace(text, ids, labels);
        for (hit, printed) in replaced.hits.into_iter().zip(replaced.printed) {
            redactions.entries.push(Redaction {
                field: field.clone(),
                category: hit.category,
                source: hit.source,
                replacement: hit.replacement,
                start: hit.range.start,
                end: hit.range.end,
                doubt: hit.doubt,
                edit: Edit {
                    original: printed.original,
                    published: printed.range,
                },
                rule: printed.rule,
            });
        }
        for applied in replaced.rewrites {
            redactions.rewrites.push(Rewrite {
                field: field.clone(),
                rule: applied.rule,
                start: applied.original.start,
                end: applied.original.end,
                published_start: applied.published.start,
                published_end: applied.published.end,
            });
        }
        let new = replaced.text;
        let found = quasi::find(&new, &|place| names_a_body(case, place));
        for (kind, range) in &found {
            redactions.quasi.push(Quasi {
                field: field.clone(),
                kind: *kind,
                start: range.start,
                end: range.end,
                finding: quasi::is_finding(*kind, &found),
            });
        }
        *text = new;
    }
    for (i, person) in out.people.iter_mut().enumerate() {
        strip_identity(person, ids.label(i));
    }
    neutral_ids(&mut out);
    for body in &mut out.bodies {
        // A body named after a person is published under another name.
        if let Some(published) = &body.published_name {
            body.name = published.clone();
            body.other_names.clear();
        }
        if let Some(addressee) = &mut body.addressee {
            addressee.name = addressee.position.clone();
            addressee.address = None;
        }
    }
    out.generalise.clear();
    (AnonymisedCase { case: out }, redactions)
}

/// Anonymises free text (for `redress anonymise` and the bench): the text
/// with replacements, and the hits in the original's byte offsets.
pub fn anonymise_text(text: &str, ids: &Identifiers) -> (String, Vec<Hit>) {
    let replaced = replace(text, ids, LabelSet::Ombudsman);
    (replaced.text, replaced.hits)
}

/// Which labels a field uses: the Housing Ombudsman's parts of a joint
/// document call people "the resident", "Mr A" (as the Housing Ombudsman writes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LabelSet {
    Ombudsman,
    Housing,
}

/// The fields that are the Housing Ombudsman's: findings about a landlord and
/// remedies for one.
fn housing_fields(case: &Case) -> Vec<String> {
    let landlord = |id: &str| {
        case.body(id)
            .is_some_and(|b| b.kind == crate::case::BodyKind::HousingLandlord)
    };
    let findings = case
        .findings
        .iter()
        .enumerate()
        .filter(|(_, f)| landlord(&f.body))
        .map(|(i, _)| format!("findings[{i}].text"));
    let remedies = case
        .recommendations
        .iter()
        .enumerate()
        .filter(|(_, r)| r.body_ids().into_iter().any(landlord))
        .map(|(i, _)| format!("recommendations[{i}].text"));
    findings.chain(remedies).collect()
}

/// One field's text as published: the text, every hit (with what was
/// printed for it and where), and the clauses rewritten.
struct Replaced {
    text: String,
    hits: Vec<Hit>,
    /// For each hit, where what was printed for it is.
    printed: Vec<Printed>,
    rewrites: Vec<Applied>,
}

/// Where a hit's replacement is in the published text, the stretch of the
/// original it stands for (the hit and what went with it), and the rewrite
/// that printed it with its clause, if one did.
#[derive(Debug, Clone, Default)]
struct Printed {
    original: Range<usize>,
    range: Range<usize>,
    rule: Option<Rule>,
}

/// A rewrite applied: its rule, the original text it replaced and where
/// its replacement is.
struct Applied {
    rule: Rule,
    original: Range<usize>,
    published: Range<usize>,
}

/// The published text being written: a capital where a sentence starts.
struct Writer {
    out: String,
    /// The next letter written starts a sentence (what started it went).
    capital_next: bool,
}

impl Writer {
    fn push(&mut self, text: &str) {
        if self.capital_next && !text.is_empty() {
            self.capital_next = false;
            let mut chars = text.chars();
            if let Some(c) = chars.next().filter(|c| c.is_lowercase()) {
                self.out.extend(c.to_uppercase());
                self.out.push_str(chars.as_str());
                return;
            }
        }
        self.out.push_str(text);
    }
}

/// Replaces every hit in `text`, and rewrites the clauses around them.
fn replace(text: &str, ids: &Identifiers, labels: LabelSet) -> Replaced {
    let (mut hits, protected, candidates) = ids.scan(text);
    if labels == LabelSet::Housing {
        for hit in &mut hits {
            if let Some(label) = hit.person.and_then(|p| ids.hos_label(p)) {
                hit.replacement = label.to_string();
            }
        }
    }
    let cx = rewrite::Context {
        text,
        hits: &hits,
        ids,
        protected: &protected,
        candidates: &candidates,
        dates: Default::default(),
    };
    let edits = rewrite::plan(&cx);
    let garbles = rewrite::garbles(&cx, &edits);
    for (i, doubt) in garbles {
        hits[i].doubt = Some(doubt);
    }
    let mut w = Writer {
        out: String::with_capacity(text.len()),
        capital_next: false,
    };
    let mut printed = vec![Printed::default(); hits.len()];
    let mut rewrites = Vec::with_capacity(edits.len());
    let mut introduced: HashSet<usize> = HashSet::new();
    let mut at = 0;
    let mut done = Alignment::default();
    let mut edits = edits.into_iter().peekable();
    for i in 0..hits.len() {
        while let Some(edit) = edits.next_if(|e| e.range.start <= hits[i].range.start) {
            w.push(&text[at..edit.range.start]);
            let start = w.out.len();
            if edit.text.is_empty() {
                w.capital_next |= starts_sentence(&w.out);
            } else if starts_sentence(&w.out) {
                w.push(&capitalise(&edit.text));
            } else {
                w.push(&edit.text);
            }
            let published = start..w.out.len();
            done.push(edit.range.clone(), published.clone());
            // The hits it covers start at `i` (they are in text order).
            for k in i..hits.len() {
                if hits[k].range.start >= edit.range.end {
                    break;
                }
                if hits[k].range.end <= edit.range.end {
                    hits[k].replacement = w.out[published.clone()].to_string();
                    printed[k] = Printed {
                        original: edit.range.clone(),
                        range: published.clone(),
                        rule: Some(edit.rule),
                    };
                }
            }
            rewrites.push(Applied {
                rule: edit.rule,
                original: edit.range.clone(),
                published,
            });
            at = edit.range.end;
        }
        let hit = &mut hits[i];
        if hit.range.start < at || hit.source == Source::Flagged {
            continue;
        }
        w.push(&text[at..hit.range.start]);
        let start = w.out.len();
        // Where the verbatim text before the hit starts, in both texts: a
        // cut that reaches back before it is mapped through the edits so far.
        let copied = (at, start - (hit.range.start - at));
        printed[i].range = start..start;
        printed[i].original = hit.range.clone();
        // A role label ("a senior finance officer") is introduced once,
        // then used in its short form ("the officer").
        if let Some(p) = hit.person
            && labels == LabelSet::Ombudsman
            && hit.replacement == ids.label(p)
            && !introduced.insert(p)
        {
            hit.replacement = ids.short_label(p).to_string();
        }
        // "the safeguarding officer, Imran Qureshi, said": the role is
        // already there, so the name goes with its commas.
        if let Some(cut) = role_in_apposition(&w.out, &hit.replacement, &text[hit.range.end..]) {
            w.out.truncate(cut);
            printed[i].range = cut..cut;
            at = hit.range.end + usize::from(text[hit.range.end..].starts_with(','));
            printed[i].original = done.back(cut, copied)..at;
            done.push(printed[i].original.clone(), cut..cut);
            continue;
        }
        // "Will Little, the occupational therapist, assessed her": the
        // label is the role, so the role that follows goes.
        if let Some(skip) = role_after_name(&hit.replacement, &text[hit.range.end..]) {
            let label = if starts_sentence(&w.out) {
                capitalise(&hit.replacement)
            } else {
                hit.replacement.clone()
            };
            w.push(&label);
            printed[i].range = start..w.out.len();
            at = hit.range.end + skip;
            printed[i].original.end = at;
            done.push(printed[i].original.clone(), printed[i].range.clone());
            continue;
        }
        // "A neighbour, Mr Derek Hollins, found her": a name printed as a
        // blank in apposition to the noun before it goes with its commas.
        let blank = hit.replacement == Category::Name.placeholder();
        if blank && let Some(cut) = name_in_apposition(&w.out, &text[hit.range.end..]) {
            w.out.truncate(cut);
            printed[i].range = cut..cut;
            at = hit.range.end + 1;
            printed[i].original = done.back(cut, copied)..at;
            done.push(printed[i].original.clone(), cut..cut);
            continue;
        }
        // "the Okonkwo family": a surname the family shares names no one
        // in particular, so it simply goes.
        if hit.category == Category::AmbiguousName && text[hit.range.end..].starts_with(" family") {
            at = hit.range.end + 1;
            printed[i].original.end = at;
            done.push(printed[i].original.clone(), start..start);
            continue;
        }
        // A label that starts a sentence starts with a capital, unless the
        // text itself did not ("the Smith family" at the start of a field).
        let lower_in_text = text[hit.range.clone()].starts_with(char::is_lowercase);
        if starts_sentence(&w.out) && !lower_in_text {
            w.push(&capitalise(&hit.replacement));
        } else {
            w.capital_next = false;
            w.push(&hit.replacement);
        }
        printed[i].range = start..w.out.len();
        at = hit.range.end;
        done.push(printed[i].original.clone(), printed[i].range.clone());
    }
    for edit in edits {
        w.push(&text[at..edit.range.start]);
        let start = w.out.len();
        if edit.text.is_empty() {
            w.capital_next |= starts_sentence(&w.out);
        } else if starts_sentence(&w.out) {
            w.push(&capitalise(&edit.text));
        } else {
            w.push(&edit.text);
        }
        rewrites.push(Applied {
            rule: edit.rule,
            original: edit.range.clone(),
            published: start..w.out.len(),
        });
        done.push(edit.range.clone(), start..w.out.len());
        at = edit.range.end;
    }
    w.push(&text[at..]);
    // A value only reported, or taken with the hit before it, is where the
    // text around it puts it.
    for (hit, printed) in hits.iter().zip(&mut printed) {
        if printed.original.is_empty() && printed.rule.is_none() {
            printed.original = hit.range.clone();
            printed.range = done.place(hit.range.clone());
        }
    }
    Replaced {
        text: w.out,
        hits,
        printed,
        rewrites,
    }
}

/// The role of a role label: "the social worker", "an SEN officer" → the
/// words after the article.
fn role_of(label: &str) -> Option<&str> {
    label
        .strip_prefix("the ")
        .or_else(|| label.strip_prefix("a "))
        .or_else(|| label.strip_prefix("an "))
}

/// When `before` ends with "<role>, " and the replacement is that role
/// ("the social worker"), and the name is followed by a comma or the end of
/// the clause: where to cut `before` so the role is not said twice.
fn role_in_apposition(before: &str, replacement: &str, after: &str) -> Option<usize> {
    let role = role_of(replacement)?;
    let head = before.strip_suffix(", ")?;
    let ends_with_role = head.len() >= role.len()
        && head.is_char_boundary(head.len() - role.len())
        && head[head.len() - role.len()..].eq_ignore_ascii_case(role);
    let clause_ends = after.starts_with([',', '.', ';', ')']) || after.is_empty();
    (ends_with_role && clause_ends).then_some(head.len())
}

/// When the name is followed by ", <its role>," and the replacement is
/// that role: how much of `after` to skip (the role and its commas; the
/// closing comma stays when the clause goes on with "and" or "who").
fn role_after_name(replacement: &str, after: &str) -> Option<usize> {
    let role = role_of(replacement)?;
    let rest = after.strip_prefix(", ")?;
    let article = ["the ", "a ", "an ", "The ", "A ", "An "]
        .iter()
        .find(|a| rest.starts_with(**a))?;
    let named = &rest[article.len()..];
    let same = named.len() >= role.len()
        && named.is_char_boundary(role.len())
        && named[..role.len()].eq_ignore_ascii_case(role);
    let tail = named.get(role.len()..)?;
    (same && tail.starts_with(',')).then(|| after.len() - tail.len() + 1)
}

/// When `before` ends with "<determiner> <noun>, " (a neighbour, her
/// daughter) and a comma follows the name: where to cut `before` so the
/// sentence reads "A neighbour found her".
fn name_in_apposition(before: &str, after: &str) -> Option<usize> {
    const DETERMINERS: [&str; 9] = ["a", "an", "the", "her", "his", "their", "its", "our", "one"];
    let head = before.strip_suffix(", ")?;
    if !after.starts_with(',') {
        return None;
    }
    // The last few words only: `before` is everything written so far.
    let mut words: Vec<&str> = head.rsplitn(5, ' ').collect();
    words.reverse();
    let last = words.len().checked_sub(1)?;
    // The noun phrase: a determiner and one to three lower-case words.
    let det = (last.saturating_sub(3)..last)
        .rev()
        .find(|&i| DETERMINERS.contains(&words[i].to_lowercase().as_str()))?;
    let nouns = &words[det + 1..];
    let lower = |w: &&str| {
        w.chars()
            .all(|c| c.is_lowercase() || matches!(c, '\'' | '-'))
    };
    (!nouns.is_empty() && nouns.iter().all(lower)).then_some(head.len())
}

/// Whether text appended to `before` starts a sentence (or a list item).
fn starts_sentence(before: &str) -> bool {
    let trimmed = before.trim_end_matches([' ', '\t']);
    if trimmed.is_empty() || trimmed.ends_with('\n') {
        return true;
    }
    let spaced = trimmed.len() < before.len();
    spaced && (trimmed.ends_with(['.', '!', '?']) || trimmed == "-" || trimmed.ends_with("\n-"))
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c.is_lowercase() => c.to_uppercase().chain(chars).collect(),
        _ => s.to_string(),
    }
}

/// Whether a place is (part of) the name of one of the case's bodies.
fn names_a_body(case: &Case, place: &str) -> bool {
    let place = place.to_lowercase();
    case.bodies
        .iter()
        .flat_map(|b| std::iter::once(&b.name).chain(&b.other_names))
        .any(|n| n.to_lowercase().contains(&place))
}

/// Person ids are the case file's own keys and often a name ("peggy"):
/// the anonymised facts use `person-1`, `person-2` … instead.
fn neutral_ids(case: &mut Case) {
    let renamed: Vec<(String, String)> = case
        .people
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.clone(), format!("person-{}", i + 1)))
        .collect();
    let rename = |id: &mut String| {
        if let Some((_, new)) = renamed.iter().find(|(old, _)| old == id) {
            *id = new.clone();
        }
    };
    for person in &mut case.people {
        rename(&mut person.id);
        if let Some(rel) = &mut person.relationship {
            rename(&mut rel.to);
        }
    }
    for rec in &mut case.recommendations {
        if let Some(b) = &mut rec.beneficiary {
            rename(b);
        }
    }
    for finding in &mut case.findings {
        finding.injustice_to.iter_mut().for_each(rename);
    }
}

/// Replaces a person's identity with their label and drops their details.
fn strip_identity(person: &mut Person, label: &str) {
    person.name = label.to_string();
    person.label = Some(label.to_string());
    person.family_name = None;
    person.aliases.clear();
    person.addresses.clear();
    person.postcodes.clear();
    person.phones.clear();
    person.emails.clear();
    person.born = None;
    person.died = None;
    person.nhs_number = None;
    person.ni_number = None;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_role_is_not_said_twice() {
        assert_eq!(
            role_in_apposition(
                "The Council's safeguarding officer, ",
                "the safeguarding officer",
                ", said"
            ),
            Some(34)
        );
        assert_eq!(
            role_in_apposition("The registered manager, ", "the Manager", ", wrote"),
            Some(22)
        );
        assert_eq!(
            role_in_apposition("She spoke to the nurse, ", "the social worker", ","),
            None
        );
    }

    #[test]
    fn a_role_after_the_name_is_not_said_twice() {
        let after = ", the occupational therapist, assessed her";
        let skip = role_after_name("the occupational therapist", after).unwrap();
        assert_eq!(&after[skip..], " assessed her");
        let after = ", an SEN officer, wrote";
        let skip = role_after_name("an SEN officer", after).unwrap();
        assert_eq!(&after[skip..], " wrote");
        assert_eq!(role_after_name("the GP", ", the social worker, said"), None);
    }

    #[test]
    fn a_blank_in_apposition_goes_with_its_commas() {
        assert_eq!(name_in_apposition("A neighbour, ", ", found her"), Some(11));
        assert_eq!(
            name_in_apposition("She said her elder daughter, ", ", had rung"),
            Some(27)
        );
        assert_eq!(
            name_in_apposition("She wrote to the Council, ", ", and"),
            None
        );
        assert_eq!(name_in_apposition("A neighbour, ", " found her"), None);
    }

    #[test]
    fn labels_start_sentences_with_a_capital() {
        assert!(starts_sentence(""));
        assert!(starts_sentence("The Council agreed. "));
        assert!(!starts_sentence("she spoke to "));
        assert_eq!(capitalise("the social worker"), "The social worker");
    }
}
