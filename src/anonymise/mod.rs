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

mod detect;
mod fold;
mod identifiers;
mod labels;
mod quasi;
mod reading;
pub(crate) mod values;
mod words;

use serde::Serialize;

pub use detect::{AllowList, Confidence};
pub use identifiers::{Category, Doubt, Hit, Identifiers, Source};
pub use quasi::QuasiKind;

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
    /// Quasi-identifiers left in the redacted text for a person to judge.
    pub quasi: Vec<Quasi>,
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

/// The labels of a case's people, assigned once (DOMAIN.md §5.1).
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
        let (new, hits) = replace(text, ids, labels);
        for hit in hits {
            redactions.entries.push(Redaction {
                field: field.clone(),
                category: hit.category,
                source: hit.source,
                replacement: hit.replacement,
                start: hit.range.start,
                end: hit.range.end,
                doubt: hit.doubt,
            });
        }
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
    replace(text, ids, LabelSet::Ombudsman)
}

/// Which labels a field uses: the Housing Ombudsman's parts of a joint
/// document call people "the resident", "Mr A" (DOMAIN.md §4.3).
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

/// Replaces every hit in `text`.
fn replace(text: &str, ids: &Identifiers, labels: LabelSet) -> (String, Vec<Hit>) {
    let mut hits = ids.find(text);
    if labels == LabelSet::Housing {
        for hit in &mut hits {
            if let Some(label) = hit.person.and_then(|p| ids.hos_label(p)) {
                hit.replacement = label.to_string();
            }
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for hit in hits.iter().filter(|h| h.source != Source::Flagged) {
        out.push_str(&text[at..hit.range.start]);
        // "the safeguarding officer, Imran Qureshi, said": the role is
        // already there, so the name goes with its commas.
        if let Some(cut) = role_in_apposition(&out, &hit.replacement, &text[hit.range.end..]) {
            out.truncate(cut);
            at = hit.range.end + usize::from(text[hit.range.end..].starts_with(','));
            continue;
        }
        // "Will Little, the occupational therapist, assessed her": the
        // label is the role, so the role that follows goes.
        if let Some(skip) = role_after_name(&hit.replacement, &text[hit.range.end..]) {
            let label = if starts_sentence(&out) {
                capitalise(&hit.replacement)
            } else {
                hit.replacement.clone()
            };
            out.push_str(&label);
            at = hit.range.end + skip;
            continue;
        }
        // "A neighbour, Mr Derek Hollins, found her": a name printed as a
        // blank in apposition to the noun before it goes with its commas.
        let blank = hit.replacement == Category::Name.placeholder();
        if blank && let Some(cut) = name_in_apposition(&out, &text[hit.range.end..]) {
            out.truncate(cut);
            at = hit.range.end + 1;
            continue;
        }
        // "the Okonkwo family": a surname the family shares names no one
        // in particular, so it simply goes.
        if hit.category == Category::AmbiguousName && text[hit.range.end..].starts_with(" family") {
            at = hit.range.end + 1;
            continue;
        }
        // A label that starts a sentence starts with a capital, unless the
        // text itself did not ("the Smith family" at the start of a field).
        let lower_in_text = text[hit.range.clone()].starts_with(char::is_lowercase);
        if starts_sentence(&out) && !lower_in_text {
            out.push_str(&capitalise(&hit.replacement));
        } else {
            out.push_str(&hit.replacement);
        }
        at = hit.range.end;
    }
    out.push_str(&text[at..]);
    (out, hits)
}

/// When `before` ends with "<role>, " and the replacement is that role
/// ("the social worker"), and the name is followed by a comma or the end of
/// the clause: where to cut `before` so the role is not said twice.
fn role_in_apposition(before: &str, replacement: &str, after: &str) -> Option<usize> {
    let role = replacement
        .strip_prefix("the ")
        .or_else(|| replacement.strip_prefix("a "))?;
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
    let role = replacement
        .strip_prefix("the ")
        .or_else(|| replacement.strip_prefix("a "))?;
    let rest = after.strip_prefix(", ")?;
    let article = ["the ", "a ", "an ", "The ", "A "]
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
