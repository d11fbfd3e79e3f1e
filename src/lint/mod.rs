//! Lint: what the anonymiser will do to a case's prose that its author
//! should know before anything is printed, as warnings at the line and
//! column of the case file.
//!
//! - a name two people share, that nothing tells apart ("Mrs Okonkwo" for a
//!   mother and a daughter): it would print as "[name]";
//! - a name that is also a word, where nothing in the sentence says which
//!   it is ("Grace was upset"): it would print as the label;
//! - a word a letter or two from a listed name ("Kowalczik"): probably a
//!   misspelling;
//! - anything that would print as a placeholder ("[phone number]") rather
//!   than a label, because no rewrite rule (`templates/rewrites.toml`) fits
//!   its clause, and a blank the text itself holds ("[name]"): the offices
//!   never publish a sentence with a blank in it, and `render` holds back
//!   the publication copy that would print one;
//! - a label that garbles its sentence: a sentence whose point was the name
//!   (`name-point`), a role said twice (`tautology`), a listed name inside
//!   a longer name nobody listed (`part-of-name`);
//! - a body whose name holds a person's name, with no `published_name`;
//! - an identifier nobody listed, found by a detector, whether it is
//!   replaced or only reported (a shape too weak to replace);
//! - a detail left in the text that could identify someone with the others
//!   (a year of birth, an exact age beside a condition, a small place), and
//!   an age, a rare condition and a place in one field
//!   (`identifying-combination`);
//! - prose that contradicts the case's facts (compliance its events date
//!   after the decision, a response its statuses contradict) or the
//!   offices' style (numeric dates, a wrong paragraph of Schedule 5): see
//!   [`facts`].
//!
//! Each warning about anonymisation is also a finding on the review sheet,
//! and every finding there is one of these (a test holds the two
//! together), so `check` shows before a render everything publication
//! staff will be asked to decide. Each warning about the prose quotes the
//! sentence as the publication copy prints it (labels only).
//!
//! Each finding has a stable id ([`finding`]) by which publication staff
//! accept it. Beside the lint, the pipeline runs the plan's checks of what
//! a case asks for ([`check_plan`]), as errors at their place.
//!
//! Warnings never stop a render; `redress check --deny warnings` makes them
//! errors for CI. A finding that publication staff accepted (`redress
//! review --accept`) is settled and no longer warned about; a placeholder
//! never is. Messages name categories and labels, never the value (the
//! human form shows the line of the file itself).

mod facts;
mod finding;
mod plan;
mod sentence;

use std::collections::HashMap;

use crate::anonymise::{self, AnonymisedCase, Category, Doubt, Identifiers, Redactions, Source};
use crate::case::Loaded;
use crate::diag::Diagnostic;

pub use finding::{finding_id, id_of, is_finding_id};
pub use plan::check_plan;
pub(crate) use sentence::{abbreviation_before, normalise};

/// The warnings for a loaded case (none when it did not load).
pub fn lint(loaded: &Loaded, ids: &Identifiers) -> Vec<Diagnostic> {
    let Some(case) = &loaded.case else {
        return Vec::new();
    };
    let (anonymised, redactions) = anonymise::anonymise(case, ids);
    lint_anonymised(loaded, ids, &anonymised, &redactions)
}

/// [`lint`] of a case already anonymised with `ids` (the pipeline keeps
/// that anonymisation for the case's render).
pub fn lint_anonymised(
    loaded: &Loaded,
    ids: &Identifiers,
    anonymised: &AnonymisedCase,
    redactions: &Redactions,
) -> Vec<Diagnostic> {
    let Some(case) = &loaded.case else {
        return Vec::new();
    };
    let texts: HashMap<String, String> = case.prose().into_iter().collect();
    let published: HashMap<String, String> = anonymised.case().prose().into_iter().collect();
    let mut out = bodies_named_after_people(loaded, case, ids);
    for e in &redactions.entries {
        let placeholder = e.prints_placeholder();
        // A finding publication staff accepted (`redress review`) is
        // settled; a placeholder never is.
        let accepted = !placeholder
            && !case.review.accepted.is_empty()
            && texts
                .get(&e.field)
                .is_some_and(|text| case.review.accepted.contains(&id_of(text, e)));
        if accepted {
            continue;
        }
        let Some(diag) = warning(
            e.doubt.as_ref(),
            e.category,
            e.source,
            placeholder,
            &e.replacement,
        ) else {
            continue;
        };
        // The sentence as the publication copy prints it (labels only).
        let reads = published
            .get(&e.field)
            .map(|text| sentence_at(text, e.edit.published.start, e.edit.published.end))
            .filter(|s| !s.is_empty());
        let mut diag = diag;
        if let Some(sentence) = reads {
            diag.hints
                .insert(0, format!("the publication copy reads: \"{sentence}\""));
        }
        let range = loaded.locate_in_field(&e.field, e.start, e.end);
        let diag = diag.at(e.field.clone());
        out.push(diag.placed(range));
    }
    // A field whose details point to one person together is said once.
    let combined: Vec<String> = redactions
        .identifying_combinations()
        .into_iter()
        .map(|(field, _)| field)
        .collect();
    for q in redactions.quasi.iter().filter(|q| q.finding) {
        if combined.contains(&q.field) {
            continue;
        }
        let detail = published
            .get(&q.field)
            .and_then(|text| text.get(q.start..q.end));
        let described = q.kind.describe();
        let diag = Diagnostic::warning(
            "identifying-detail",
            format!(
                "{} {described} is left in the text: with the case's other details it could identify someone",
                article(described)
            ),
        )
        .hint("generalise it (a [[generalise]] entry, or other wording such as an age band), or accept the finding on the review sheet")
        .at(q.field.clone());
        out.push(diag.placed(locate_detail(loaded, &q.field, detail)));
    }
    out.extend(combinations(loaded, redactions, &published));
    out.extend(typed_blanks(loaded, case));
    out.extend(facts::check(loaded, case));
    out.sort_by_key(|d| d.range.as_ref().map_or(0, |r| r.start));
    out
}

/// An age, a rare condition and a place in one field: together they can
/// point to one person, as a motivated intruder reads them.
fn combinations(
    loaded: &Loaded,
    redactions: &anonymise::Redactions,
    published: &HashMap<String, String>,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (field, parts) in redactions.identifying_combinations() {
        let text = published.get(&field).map_or("", String::as_str);
        let quoted: Vec<String> = parts
            .iter()
            .filter_map(|q| text.get(q.start..q.end))
            .map(|p| format!("\"{p}\""))
            .collect();
        let diag = Diagnostic::warning(
            "identifying-combination",
            format!(
                "an age, a rare condition and a place together can point to one person: {}",
                join(&quoted, "and")
            ),
        )
        .hint("generalise one of them (\"in her nineties\", \"a rare condition\", \"a rural area\"), by new wording or a [[generalise]] entry, or accept the finding on the review sheet")
        .at(field.clone());
        out.push(diag.placed(loaded.locate_field(&field)));
    }
    out
}

/// The sentence of `text` around `start..end`, on one line.
fn sentence_at(text: &str, start: usize, end: usize) -> String {
    let start = start.min(text.len());
    let end = end.clamp(start, text.len());
    let head = text.get(..start).unwrap_or_default();
    let from = head
        .rfind(". ")
        .map_or(0, |i| i + 2)
        .max(head.rfind('\n').map_or(0, |i| i + 1));
    let tail = text.get(end..).unwrap_or_default();
    let to = tail
        .find(". ")
        .map_or(tail.len(), |i| i + 1)
        .min(tail.find('\n').unwrap_or(tail.len()));
    text.get(from..end + to)
        .unwrap_or_default()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A body whose name holds a listed person's name ("Dr S Anand & Partners"
/// for the GP, Dr Anand) names that person wherever the body is named: it
/// needs a `published_name` for the publication copies.
fn bodies_named_after_people(
    loaded: &Loaded,
    case: &crate::case::Case,
    ids: &Identifiers,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, body) in case.bodies.iter().enumerate() {
        if body.published_name.is_some() {
            continue;
        }
        let mut people: Vec<usize> = std::iter::once(&body.name)
            .chain(&body.other_names)
            .flat_map(|n| ids.people_named_in(n))
            .collect();
        people.sort_unstable();
        people.dedup();
        if people.is_empty() {
            continue;
        }
        let labels: Vec<String> = people.iter().map(|&p| ids.label(p).to_string()).collect();
        let field = format!("bodies[{i}].name");
        let diag = Diagnostic::warning(
            "body-named-after-person",
            format!(
                "this body's name holds the name of {}: every publication copy that names the body names them",
                join(&labels, "and")
            ),
        )
        .hint("add `published_name = \"…\"` to this body (for example \"the GP practice\"): the publication copies call it that")
        .at(field.clone());
        out.push(diag.placed(loaded.locate_field(&field)));
    }
    out
}

/// A blank the case file's prose holds as it is ("[name]", "[address]"):
/// it would be printed, and holds the publication copy back.
fn typed_blanks(loaded: &Loaded, case: &crate::case::Case) -> Vec<Diagnostic> {
    let blanks = anonymise::placeholders();
    let mut out = Vec::new();
    for (field, text) in case.prose() {
        for blank in &blanks {
            for (at, _) in text.match_indices(blank) {
                let diag = Diagnostic::warning(
                    "placeholder",
                    format!("the text itself holds the blank {blank}, which the publication copy would print"),
                )
                .hint("write what the office would publish instead (\"a neighbour\", \"by phone\"), or leave it out")
                .at(field.clone());
                out.push(diag.placed(loaded.locate_in_field(&field, at, at + blank.len())));
            }
        }
    }
    out
}

/// Where in the file a detail of the publication text is: the same words
/// in the field's value, or the whole value.
fn locate_detail(
    loaded: &Loaded,
    field: &str,
    detail: Option<&str>,
) -> Option<std::ops::Range<usize>> {
    let whole = loaded.locate_field(field)?;
    let raw = loaded.file.text.get(whole.clone())?;
    match detail
        .filter(|d| !d.is_empty())
        .and_then(|d| raw.find(d).map(|at| (at, d.len())))
    {
        Some((at, len)) => Some(whole.start + at..whole.start + at + len),
        None => Some(whole),
    }
}

/// What the publication copy does with a value: prints `printed`, or (a
/// rewrite rule dropped it with its clause) leaves it out.
fn prints_as(printed: &str) -> String {
    if printed.is_empty() {
        "it is left out of the publication copy, with the words around it".to_string()
    } else {
        format!("it prints as {printed}")
    }
}

/// The warning for one replacement, if it deserves one.
fn warning(
    doubt: Option<&Doubt>,
    category: Category,
    source: Source,
    placeholder: bool,
    printed: &str,
) -> Option<Diagnostic> {
    match doubt {
        Some(Doubt::Shared { candidates }) => Some(
            Diagnostic::warning(
                "ambiguous-name",
                format!(
                    "this name belongs to {} and nothing here says which: {}",
                    join(candidates, "and"),
                    prints_as(printed)
                ),
            )
            .hint("write the given name or the title that tells them apart, or add this spelling to the `aliases` of the person meant"),
        ),
        Some(Doubt::UndecidedWord { label }) => Some(
            Diagnostic::warning(
                "undecided-name",
                format!(
                    "this is both a name and an ordinary word, and nothing in the sentence says which: it prints as {label}"
                ),
            )
            .hint("if it is the word, reword the sentence (for example so that it does not start with it); if it is the person, accept the finding on the review sheet"),
        ),
        Some(Doubt::NearMiss { candidates }) => Some(
            Diagnostic::warning(
                "near-miss-name",
                format!(
                    "this looks like a misspelling of the name of {}: {}",
                    join(candidates, "or"),
                    prints_as(printed)
                ),
            )
            .hint("correct the spelling, or add this spelling to that person's `aliases` (with `kind = \"misspelling\"`) so it gets their label"),
        ),
        Some(Doubt::ShortForm { candidates }) => Some(
            Diagnostic::warning(
                "short-form-name",
                format!(
                    "this looks like a short form of the given name of {}: {}",
                    join(candidates, "or"),
                    prints_as(printed)
                ),
            )
            .hint("if it is that person, add this form to their `aliases` so it gets their label; if it is someone else, list them in [[people]]"),
        ),
        Some(Doubt::PartOfName { candidates }) => Some(
            Diagnostic::warning(
                "part-of-name",
                format!(
                    "a listed name{} stands inside a longer name nobody listed: the whole name prints as {printed}",
                    if candidates.is_empty() { String::new() } else { format!(" (of {})", join(candidates, "or")) }
                ),
            )
            .hint("if it is the same person, add the whole name to their `aliases` (with `kind = \"misspelling\"` if it is misspelt); if it is someone else, list them in [[people]]"),
        ),
        Some(Doubt::NamePoint { label, .. }) => Some(
            Diagnostic::warning(
                "name-point",
                format!(
                    "the point of this sentence is the name itself (a misspelling, a nickname, a wrong name), and the label {label} loses it"
                ),
            )
            .hint("say what was wrong without the name (\"the Trust's letter misspelt her name\", \"the invoices were addressed to the wrong name\"), or type the alias (`{ text = \"…\", kind = \"misspelling\" }`) so redress can rewrite it"),
        ),
        Some(Doubt::Tautology { label }) => Some(
            Diagnostic::warning(
                "tautology",
                format!("with the name replaced by {label}, the sentence says the same thing twice"),
            )
            .hint("drop the name where the role already says who it is (\"From 2022 C had a physiotherapist\"), or say what the sentence needs about the person"),
        ),
        None if source == Source::Flagged => Some(
            Diagnostic::warning(
                "possible-identifier",
                format!(
                    "this looks like {} {} nobody listed: it is left as written",
                    article(category.describe()),
                    category.describe()
                ),
            )
            .hint("if it is someone's, list it in the case file so that it is replaced; if not, accept the finding on the review sheet"),
        ),
        None if matches!(source, Source::Heuristic | Source::Validated)
            && !placeholder =>
        {
            Some(
                Diagnostic::warning(
                    "unlisted-identifier",
                    format!(
                        "{} {} nobody listed: {}",
                        article(category.describe()),
                        category.describe(),
                        prints_as(printed)
                    ),
                )
                .hint("if it is someone's, list it in the case file; otherwise accept the finding on the review sheet"),
            )
        }
        None if placeholder => Some(
            Diagnostic::warning(
                "placeholder",
                format!(
                    "{} {} prints as {printed} in the publication copy",
                    article(category.describe()),
                    category.describe()
                ),
            )
            .hint(advice(category)),
        ),
        None => None,
    }
}

/// What the offices write instead of a placeholder.
pub(crate) fn advice(category: Category) -> &'static str {
    match category {
        Category::Phone => {
            "the offices write \"by phone\" or leave the number out; written after \"on\", \"from\", \"at\" or \"by\" (\"I spoke to her on 07700 900461 on 3 May\"), redress leaves it out with that word"
        }
        Category::Email => {
            "the offices write \"by email\" or leave the address out; written after \"from\", \"at\" or \"to\" (\"her emails from jo@example.org\"), redress leaves it out with that word"
        }
        Category::Address | Category::Postcode => {
            "the offices write \"her home\" or \"the property\", or leave the address out; written after \"lived at\", \"in\" or \"at\", redress writes \"at home\" or \"in the area\", or leaves it out"
        }
        Category::DateOfBirth => {
            "leave it out, or give an age band (\"in her eighties\") where the age matters; written as \"who was born on …\", redress writes the band"
        }
        Category::RecordNumber => {
            "leave it out: the offices never publish it; written right after its name (\"his hospital number RX1 234567 was on the letter\") or as an aside, redress leaves the number out and keeps the name"
        }
        Category::NhsNumber | Category::NiNumber => {
            "leave it out: the offices never publish it (a sentence of its own, \"Her NHS number is …\", or an aside, \"which gives his NHS number as …\", redress leaves out whole)"
        }
        Category::Name | Category::AmbiguousName => {
            "refer to the person by their role (\"a neighbour\"), or list them in [[people]] so that they get a label"
        }
        _ => "leave it out: the offices never publish it",
    }
}

/// "an" before a vowel sound ("an email address", "an NHS number").
fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) || word.starts_with("NHS") {
        "an"
    } else {
        "a"
    }
}

fn join(items: &[String], conjunction: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {conjunction} {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests;
