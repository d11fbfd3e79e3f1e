//! A finding's stable id: `F` and eight hex digits, from its category and
//! value (and, for a doubt about one sentence, that sentence). The lint
//! leaves out the warnings of findings publication staff accepted by id;
//! the review sheet prints the same ids.

use sha2::{Digest, Sha256};

use super::sentence::{normalise, sentence_at};
use crate::anonymise::Redaction;

/// The id of the finding a replacement is, given its field's original
/// text: its category and value, and for a doubt about one sentence (a
/// name that is also a word) that sentence too. Stable across renders and
/// edits elsewhere in the case.
pub fn id_of(text: &str, e: &Redaction) -> String {
    let value = text.get(e.start..e.end).unwrap_or_default();
    finding_id(e.category.describe(), &id_text(text, e, value))
}

/// What a finding's id is made from: its value, and for a doubt about one
/// sentence (a name that is also a word), that sentence too (the field is
/// normalised only then: most findings need no sentence).
fn id_text(text: &str, e: &Redaction, value: &str) -> String {
    match &e.doubt {
        Some(_) => {
            let sentence = sentence_at(&normalise(text), normalised_offset(text, e.start));
            format!("{value}\u{0}{sentence}")
        }
        None => value.to_string(),
    }
}

/// Where byte `at` of `text` is once its whitespace is collapsed.
fn normalised_offset(text: &str, at: usize) -> usize {
    normalise(text.get(..at).unwrap_or(text)).len()
        + usize::from(
            text.get(..at)
                .is_some_and(|h| h.ends_with(char::is_whitespace) && !h.trim().is_empty()),
        )
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

/// Whether a text has the shape of a finding id (`F` and eight hex digits).
pub fn is_finding_id(text: &str) -> bool {
    text.len() == 9
        && text.starts_with('F')
        && text[1..]
            .chars()
            .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
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
        assert!(is_finding_id(&finding_id("name", "Mr Mason")));
        assert!(!is_finding_id("F12"));
        assert!(!is_finding_id("FABCDEF12"));
    }
}
