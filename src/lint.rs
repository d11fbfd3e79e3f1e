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
//!   than a label: the offices never publish a sentence with a blank in it;
//! - prose that contradicts the case's facts (compliance its events date
//!   after the decision, a response its statuses contradict) or the
//!   offices' style (numeric dates, a wrong paragraph of Schedule 5): see
//!   [`facts`].
//!
//! Warnings never stop a render; `redress check --deny warnings` makes them
//! errors for CI. Messages name categories and labels, never the value (the
//! human form shows the line of the file itself).

mod facts;

use crate::anonymise::{self, Category, Doubt, Identifiers, Source};
use crate::case::Loaded;
use crate::diag::Diagnostic;

/// The warnings for a loaded case (none when it did not load).
pub fn lint(loaded: &Loaded, ids: &Identifiers) -> Vec<Diagnostic> {
    let Some(case) = &loaded.case else {
        return Vec::new();
    };
    let (_, redactions) = anonymise::anonymise(case, ids);
    let mut out = Vec::new();
    for e in &redactions.entries {
        let Some(diag) = warning(e.doubt.as_ref(), e.category, e.source, &e.replacement) else {
            continue;
        };
        let range = loaded.locate_in_field(&e.field, e.start, e.end);
        let diag = diag.at(e.field.clone());
        out.push(match range {
            Some(range) => diag.with_range(range),
            None => diag,
        });
    }
    out.extend(facts::check(loaded, case));
    out
}

/// The warning for one replacement, if it deserves one.
fn warning(
    doubt: Option<&Doubt>,
    category: Category,
    source: Source,
    printed: &str,
) -> Option<Diagnostic> {
    match doubt {
        Some(Doubt::Shared { candidates }) => Some(
            Diagnostic::warning(
                "ambiguous-name",
                format!(
                    "this name belongs to {} and nothing here says which: it prints as {printed}",
                    join(candidates, "and")
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
                    "this looks like a misspelling of the name of {}: it prints as {printed}",
                    join(candidates, "or")
                ),
            )
            .hint("correct the spelling, or add this spelling to that person's `aliases` so it gets their label"),
        ),
        None if printed.starts_with('[') && source != Source::Flagged => Some(
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
        Category::Phone => "the offices write \"by phone\" or leave the number out",
        Category::Email => "the offices write \"by email\" or leave the address out",
        Category::Address | Category::Postcode => {
            "the offices write \"her home\" or \"the property\", or leave the address out"
        }
        Category::DateOfBirth => {
            "leave it out, or give an age band (\"in her eighties\") where the age matters"
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
mod tests {
    use super::*;
    use crate::case::{Coverage, load_str};

    const CASE: &str = r#"
[case]
reference = "25 001 042"
jurisdiction = "lgsco"
decision_date = 2025-06-17
investigator = { name = "Aisha Thorne" }
summary = "Mrs Okonkwo complained. Grace was upset. I rang 07700 900461."

[[people]]
id = "ada"
name = "Ada Okonkwo"
title = "Mrs"
role = "complainant"
label = "Mrs Y"

[[people]]
id = "grace"
name = "Grace Okonkwo"
title = "Mrs"
role = "relative"
label = "Mrs Z"

[[bodies]]
id = "council"
name = "Kingsley Vale Council"
short_name = "the Council"
kind = "council"
reference = "25 001 042"

[complaint]
injustice = "x"
points = [{ body = "council", text = "x" }]

[outcome]
decision = "upheld"
"#;

    #[test]
    fn doubts_and_placeholders_are_warnings_at_their_place() {
        let loaded = load_str("lint.toml", CASE, &Coverage::all());
        let case = loaded.case.as_ref().expect("loads");
        let ids = anonymise::identifiers(case);
        let warnings = lint(&loaded, &ids);
        let codes: Vec<&str> = warnings.iter().map(|d| d.code).collect();
        assert_eq!(
            codes,
            ["ambiguous-name", "undecided-name", "placeholder"],
            "{warnings:#?}"
        );
        let at = |code: &str| {
            let d = warnings.iter().find(|d| d.code == code).expect("present");
            let r = d.range.clone().expect("placed");
            &CASE[r]
        };
        assert_eq!(at("ambiguous-name"), "Mrs Okonkwo");
        assert_eq!(at("undecided-name"), "Grace");
        assert_eq!(at("placeholder"), "07700 900461");
        assert!(warnings.iter().all(|d| !d.message.contains("Okonkwo")));
    }
}
