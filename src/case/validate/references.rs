//! The case's references and ids: the Ombudsman's reference and each
//! body's, the Housing Ombudsman's, and ids that are unique and safe as
//! file names.

use std::collections::HashMap;

use super::validator::{Validator, path};
use crate::case::types::{BodyKind, Jurisdiction};
use crate::diag::Diagnostic;

impl Validator<'_> {
    /// The case reference, each body's, and the Housing Ombudsman's.
    pub(super) fn references(&mut self) {
        let reference = &self.case.case.reference;
        let case_reference_ok = is_reference(reference, false);
        if !case_reference_ok {
            self.push(
                path(&[&"case", &"reference"]),
                Diagnostic::error("bad-reference", "the case reference is not in the form `YY NNN NNN`")
                    .hint("write it like `23 004 118`: two digits, a space, three digits, a space, three digits"),
            );
        }
        for (i, body) in self.case.bodies.iter().enumerate() {
            let at = path(&[&"bodies", &i, &"reference"]);
            let hos_record =
                body.kind == BodyKind::HousingLandlord && is_hos_reference(&body.reference);
            if hos_record {
                continue;
            }
            if !is_reference(&body.reference, true) {
                self.push(
                    at,
                    Diagnostic::error("bad-reference", "a body's reference is not in the form `YY NNN NNN` with an optional letter")
                        .hint("write it like `23 004 118` or `23 004 118a`"),
                );
            } else if case_reference_ok && !body.reference.starts_with(reference.as_str()) {
                self.push(
                    at,
                    Diagnostic::warning("reference-mismatch", "this body's reference is not the case reference with a letter")
                        .hint(format!("joint cases share one number: `{reference}` for the first body, then `{reference}a`, `{reference}b`")),
                );
            }
        }
        let hos = &self.case.case.hos_reference;
        if self.case.case.jurisdiction == Jurisdiction::LgscoHos && hos.is_none() {
            self.push(
                path(&[&"case", &"jurisdiction"]),
                Diagnostic::error(
                    "missing-hos-reference",
                    "a joint case with the Housing Ombudsman needs its reference",
                )
                .hint("add `hos_reference = \"202312647\"` under [case]"),
            );
        }
        if let Some(h) = hos
            && !is_hos_reference(h)
        {
            self.push(
                path(&[&"case", &"hos_reference"]),
                Diagnostic::error(
                    "bad-reference",
                    "a Housing Ombudsman reference is nine digits starting with the year",
                )
                .hint("write it like `202312647`"),
            );
        }
    }

    /// Every person's and body's id: present, safe as a file name, unique.
    pub(super) fn ids(&mut self) {
        // Ids are compared without case: a body's id becomes a file name,
        // and `Council` and `council` are one file on Windows and macOS.
        let mut seen: HashMap<String, &str> = HashMap::new();
        let people = self
            .case
            .people
            .iter()
            .enumerate()
            .map(|(i, p)| ("people", i, p.id.as_str()));
        let bodies = self
            .case
            .bodies
            .iter()
            .enumerate()
            .map(|(i, b)| ("bodies", i, b.id.as_str()));
        let all: Vec<_> = people.chain(bodies).collect();
        for (list, i, id) in all {
            let at = path(&[&list, &i, &"id"]);
            if id.trim().is_empty() {
                self.push(at, Diagnostic::error("empty-id", "an id cannot be empty"));
                continue;
            }
            if let Some(problem) = id_problem(id) {
                self.push(
                    at,
                    Diagnostic::error("bad-id", format!("an id {problem}"))
                        .hint("ids become file names (`letter-<id>.redacted.pdf`): use letters, digits, `-` and `_`, e.g. `council` or `trust_2`"),
                );
                continue;
            }
            match seen.insert(id.to_ascii_lowercase(), id) {
                None => {}
                Some(first) if first == id => self.push(
                    at,
                    Diagnostic::error("duplicate-id", format!("the id `{id}` is used twice"))
                        .hint("every person and body needs its own id"),
                ),
                Some(first) => self.push(
                    at,
                    Diagnostic::error(
                        "duplicate-id",
                        format!("the ids `{first}` and `{id}` differ only in case"),
                    )
                    .hint("ids become file names, and Windows and macOS do not tell these apart: give each its own id"),
                ),
            }
        }
    }
}

/// The longest id: with its document's name around it, a file name stays
/// far below the 255 bytes file systems allow.
const MAX_ID_LEN: usize = 64;

/// What is wrong with an id as part of a file name, if anything: ids are
/// ASCII letters, digits, `-` and `_`, at most [`MAX_ID_LEN`] long.
pub(crate) fn id_problem(id: &str) -> Option<String> {
    if id.len() > MAX_ID_LEN {
        return Some(format!("is longer than {MAX_ID_LEN} characters"));
    }
    let bad = id
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_')))?;
    Some(if bad.is_whitespace() || bad.is_control() {
        format!(
            "cannot hold a space or control character (U+{:04X})",
            bad as u32
        )
    } else {
        format!("cannot hold `{bad}`: only letters, digits, `-` and `_`")
    })
}

/// Whether `s` is a Housing Ombudsman reference: nine digits, year first.
fn is_hos_reference(s: &str) -> bool {
    s.len() == 9 && s.starts_with("20") && s.bytes().all(|b| b.is_ascii_digit())
}

/// Whether `s` is `YY NNN NNN`, optionally with a lower-case letter.
fn is_reference(s: &str, letter_allowed: bool) -> bool {
    let b = s.as_bytes();
    let base = b.len() >= 10
        && b[..2].iter().all(u8::is_ascii_digit)
        && b[2] == b' '
        && b[3..6].iter().all(u8::is_ascii_digit)
        && b[6] == b' '
        && b[7..10].iter().all(u8::is_ascii_digit);
    match b.len() {
        10 => base,
        11 => base && letter_allowed && b[10].is_ascii_lowercase(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_have_the_modern_shape() {
        assert!(is_reference("23 004 118", false));
        assert!(is_reference("23 004 118a", true));
        assert!(!is_reference("23 004 118a", false));
        assert!(!is_reference("23-004-118", true));
        assert!(!is_reference("05/B/8409", true));
    }

    #[test]
    fn ids_are_file_name_safe() {
        for ok in ["council", "Trust_2", "care-home", "a"] {
            assert_eq!(id_problem(ok), None, "{ok}");
        }
        for bad in [
            "../x", "a/b", "a\\b", "a b", "a.b", "é", "a\u{0}", ".", "..",
        ] {
            assert!(id_problem(bad).is_some(), "{bad:?}");
        }
        assert!(id_problem(&"x".repeat(65)).unwrap().contains("longer"));
    }
}
