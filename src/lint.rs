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
//!   than a label, and a blank the text itself holds ("[name]"): the
//!   offices never publish a sentence with a blank in it, and `render`
//!   holds back the publication copy that would print one;
//! - an identifier nobody listed, found by a detector, whether it is
//!   replaced or only reported (a shape too weak to replace);
//! - a detail left in the text that could identify someone with the others
//!   (a year of birth, an exact age beside a condition, a small place).
//!
//! Each is also a finding on the review sheet, and every finding there is
//! one of these (a test holds the two together), so `check` shows before
//! a render everything publication staff will be asked to decide.
//!
//! Warnings never stop a render; `redress check --deny warnings` makes them
//! errors for CI. A finding that publication staff accepted (`redress
//! review --accept`) is settled and no longer warned about; a placeholder
//! never is. Messages name categories and labels, never the value (the
//! human form shows the line of the file itself).

use crate::anonymise::{self, Category, Doubt, Identifiers, Source};
use crate::case::Loaded;
use crate::diag::Diagnostic;

/// The warnings for a loaded case (none when it did not load).
pub fn lint(loaded: &Loaded, ids: &Identifiers) -> Vec<Diagnostic> {
    let Some(case) = &loaded.case else {
        return Vec::new();
    };
    let (anonymised, redactions) = anonymise::anonymise(case, ids);
    let texts: std::collections::HashMap<String, String> = case.prose().into_iter().collect();
    let mut out = Vec::new();
    for e in &redactions.entries {
        let placeholder = e.prints_placeholder();
        // A finding publication staff accepted (`redress review`) is
        // settled; a placeholder never is.
        let accepted = !placeholder
            && !case.review.accepted.is_empty()
            && texts.get(&e.field).is_some_and(|text| {
                case.review
                    .accepted
                    .contains(&crate::review::id_of(text, e))
            });
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
        let range = loaded.locate_in_field(&e.field, e.start, e.end);
        let diag = diag.at(e.field.clone());
        out.push(match range {
            Some(range) => diag.with_range(range),
            None => diag,
        });
    }
    let mut published = None;
    for q in redactions.quasi.iter().filter(|q| q.finding) {
        let published = published.get_or_insert_with(|| {
            let mut case = anonymised.case().clone();
            case.prose_mut()
                .into_iter()
                .map(|(path, text)| (path, text.clone()))
                .collect::<std::collections::HashMap<String, String>>()
        });
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
        out.push(match locate_detail(loaded, &q.field, detail) {
            Some(range) => diag.with_range(range),
            None => diag,
        });
    }
    out.extend(typed_blanks(loaded, case));
    out.sort_by_key(|d| d.range.as_ref().map_or(0, |r| r.start));
    out
}

/// A blank the case file's prose holds as it is ("[name]", "[address]"):
/// it would be printed, and holds the publication copy back.
fn typed_blanks(loaded: &Loaded, case: &crate::case::Case) -> Vec<Diagnostic> {
    let blanks = anonymise::placeholders();
    let mut case = case.clone();
    let mut out = Vec::new();
    for (field, text) in case.prose_mut() {
        for blank in &blanks {
            for (at, _) in text.match_indices(blank) {
                let diag = Diagnostic::warning(
                    "placeholder",
                    format!("the text itself holds the blank {blank}, which the publication copy would print"),
                )
                .hint("write what the office would publish instead (\"a neighbour\", \"by phone\"), or leave it out")
                .at(field.clone());
                out.push(match loaded.locate_in_field(&field, at, at + blank.len()) {
                    Some(range) => diag.with_range(range),
                    None => diag,
                });
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
                        "{} {} nobody listed: it prints as {printed}",
                        article(category.describe()),
                        category.describe()
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
summary = "Mrs Okonkwo complained. Grace was upset. I rang 07700 900461. A [name] wrote."

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
            [
                "ambiguous-name",
                "undecided-name",
                "placeholder",
                "placeholder"
            ],
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
        let typed = warnings
            .iter()
            .filter(|d| d.code == "placeholder")
            .nth(1)
            .unwrap();
        assert_eq!(&CASE[typed.range.clone().unwrap()], "[name]");
        assert!(warnings.iter().all(|d| !d.message.contains("Okonkwo")));
    }
}
