//! What a person must decide about a change, in words: why a replacement
//! is a finding, the rule that made it, and its stable id.

use crate::anonymise::{Doubt, QuasiKind, Redaction, Source};
pub use crate::lint::{finding_id, is_finding_id};

/// Why a replacement is a finding, and what to do about it; `None` for a
/// listed identifier replaced by its label.
pub(super) fn why(e: &Redaction) -> Option<String> {
    if let Some(doubt) = &e.doubt {
        return Some(explain(doubt, &e.replacement));
    }
    match e.source {
        Source::Flagged => Some(format!(
            "looks like {} {} nobody listed; left as written because the shape alone is too weak to replace it: check it, and list it in the case file if it is personal data",
            article(e.category.describe()),
            e.category.describe()
        )),
        Source::Heuristic | Source::Validated => Some(format!(
            "{} {} nobody listed, found by a detector: {}; if it is someone's, list it in the case file; {}",
            article(e.category.describe()),
            e.category.describe(),
            printed_as(&e.replacement),
            crate::lint::advice(e.category)
        )),
        Source::Listed | Source::Generalised if e.prints_placeholder() => Some(format!(
            "printed as {} in the publication copy, which holds the copy back: {}",
            e.replacement,
            crate::lint::advice(e.category)
        )),
        _ => None,
    }
}

/// Why a quasi-identifier left in the text is a finding.
pub(super) const QUASI_WHY: &str = "left in the text, and it can identify someone, alone or with other details: generalise it (a [[generalise]] entry or new wording) or accept it";

/// The rule that made a change: how the anonymiser came to print what it
/// printed, in words.
pub(super) fn rule(e: &Redaction) -> String {
    let how = match e.source {
        Source::Listed => "listed in the case file",
        Source::Generalised => "a [[generalise]] entry",
        Source::Validated => "found by a detector (a checked shape)",
        Source::Heuristic => "found by a detector",
        Source::Flagged => "its shape alone: reported, left as written",
    };
    match &e.doubt {
        Some(doubt) => format!("{how}; {}", doubt_kind(doubt)),
        None => how.to_string(),
    }
}

/// The rule of a quasi-identifier.
pub(super) fn quasi_rule(kind: QuasiKind) -> String {
    format!("left in the text: {}", kind.describe())
}

fn doubt_kind(doubt: &Doubt) -> &'static str {
    match doubt {
        Doubt::UndecidedWord { .. } => "a name that is also a word",
        Doubt::Shared { .. } => "a name several people share",
        Doubt::NearMiss { .. } => "a near miss of a listed name",
        Doubt::ShortForm { .. } => "a short form of a listed given name",
        Doubt::PartOfName { .. } => "a listed name inside a longer name",
        Doubt::NamePoint { .. } => "a sentence whose point was the name",
        Doubt::Tautology { .. } => "a role said twice",
    }
}

/// What the publication copy did with a value: printed it as `printed`,
/// or (a rewrite rule dropped it with its clause) left it out.
fn printed_as(printed: &str) -> String {
    if printed.is_empty() {
        "left out with the words around it".to_string()
    } else {
        format!("printed as {printed}")
    }
}

/// Why a replacement needs checking, and how to settle it, in words.
pub fn explain(doubt: &Doubt, printed: &str) -> String {
    match doubt {
        Doubt::UndecidedWord { label } => format!(
            "a name that is also a word, and nothing in the sentence says which it is: printed as {label}; if it is the word, reword the sentence (for example so that it does not start it), otherwise accept it"
        ),
        Doubt::Shared { candidates } => format!(
            "{} share this name and nothing tells them apart: {}; give the person meant an alias, or use the given name or title in the text",
            join_and(candidates),
            printed_as(printed)
        ),
        Doubt::NearMiss { candidates } => format!(
            "a letter or two from the name of {}: {}; if it is a misspelling, correct it in the case file (or add it to that person's aliases)",
            join_and(candidates),
            printed_as(printed)
        ),
        Doubt::ShortForm { candidates } => format!(
            "the start or end of the given name of {}: {}; if it is that person, add it to their aliases in the case file, otherwise list whoever it is",
            join_and(candidates),
            printed_as(printed)
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

/// "an" before a vowel sound.
pub(super) fn article(word: &str) -> &'static str {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_dropped_with_its_clause_is_said_to_be_left_out() {
        let doubt = Doubt::NearMiss {
            candidates: vec!["Mr Y".into()],
        };
        assert!(explain(&doubt, "").contains(": left out with the words around it;"));
        assert!(explain(&doubt, "Mr Y").contains(": printed as Mr Y;"));
    }
}
