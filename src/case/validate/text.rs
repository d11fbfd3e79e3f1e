//! Every string of the case: its length, control characters, and whether
//! the bundled fonts can print it ([`Coverage`]).

use super::validator::Validator;
use crate::case::tree::Seg;
use crate::diag::Diagnostic;

pub use crate::typeset::Coverage;

/// The longest text a single field may hold. Typst has no time limit, so
/// the size of what reaches it is bounded here.
pub const MAX_FIELD_CHARS: usize = 50_000;

/// The longest name, address or number (anything the anonymiser searches
/// the text for, and anything that becomes a file name). The longest real
/// ones are a fraction of this; the matchers built from them grow faster
/// than their length (a name of 4,000 characters took seconds).
pub const MAX_VALUE_CHARS: usize = 300;

/// The fields of people, bodies and generalisations that hold names,
/// addresses and numbers.
const IDENTIFIER_FIELDS: [&str; 19] = [
    "id",
    "name",
    "family_name",
    "aliases",
    "label",
    "job_role",
    "hos_label",
    "addresses",
    "postcodes",
    "phones",
    "emails",
    "nhs_number",
    "ni_number",
    "record_numbers",
    "short_name",
    "other_names",
    "reference",
    "term",
    "replacement",
];

/// Whether the string at `path` is held to [`MAX_VALUE_CHARS`].
fn is_identifier_field(path: &[Seg]) -> bool {
    let section = matches!(path.first(), Some(Seg::Key(k)) if ["people", "bodies", "generalise"].contains(&k.as_str()));
    let field = path.iter().rev().find_map(|s| match s {
        Seg::Key(k) => Some(k.as_str()),
        Seg::Index(_) => None,
    });
    section && field.is_some_and(|f| IDENTIFIER_FIELDS.contains(&f))
}

impl Validator<'_> {
    /// Every string: length bound, control characters, font coverage. Free
    /// text and plain values alike: the case's JSON value holds each
    /// [`Prose`](crate::case::Prose) as the string it is.
    pub(super) fn text(&mut self, coverage: &Coverage) {
        let value = serde_json::to_value(self.case).expect("a case always serialises");
        let mut strings = Vec::new();
        collect_strings(&value, &mut Vec::new(), &mut strings);
        for (at, s) in strings {
            if is_identifier_field(&at) && s.chars().count() > MAX_VALUE_CHARS {
                self.push(
                    at.clone(),
                    Diagnostic::error(
                        "too-long",
                        format!("this value is longer than {MAX_VALUE_CHARS} characters, which no name, address or number is"),
                    )
                    .hint("names, addresses and numbers are searched for everywhere in the text: check that prose was not pasted into this field"),
                );
            } else if s.chars().count() > MAX_FIELD_CHARS {
                self.push(
                    at.clone(),
                    Diagnostic::error(
                        "too-long",
                        format!("this text is longer than {MAX_FIELD_CHARS} characters"),
                    )
                    .hint("split it, or check that a file was not pasted in by mistake"),
                );
            }
            if let Some(c) = s
                .chars()
                .find(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
            {
                self.push(
                    at.clone(),
                    Diagnostic::error(
                        "control-character",
                        format!("the text holds the control character U+{:04X}", c as u32),
                    )
                    .hint("remove it; it cannot be printed"),
                );
            }
            // Control characters are reported above; no font draws them.
            let mut missing: Vec<char> = s
                .chars()
                .filter(|&c| !c.is_control() && !coverage.contains(c))
                .collect();
            missing.dedup();
            if let Some(&c) = missing.first() {
                self.push(at, Diagnostic::error("no-glyph", format!("the character `{c}` (U+{:04X}) cannot be printed: no bundled font has it", c as u32))
                    .hint("replace it with a character the fonts cover (Latin, Greek and Cyrillic scripts are covered)"));
            }
        }
    }
}

fn collect_strings<'a>(
    value: &'a serde_json::Value,
    at: &mut Vec<Seg>,
    out: &mut Vec<(Vec<Seg>, &'a str)>,
) {
    match value {
        serde_json::Value::String(s) => out.push((at.clone(), s)),
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                at.push(Seg::Index(i));
                collect_strings(item, at, out);
                at.pop();
            }
        }
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                at.push(Seg::Key(k.clone()));
                collect_strings(v, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::validate::validator::{PathPart, path};

    #[test]
    fn names_addresses_and_numbers_are_short_fields() {
        let at = |parts: &[&dyn PathPart]| is_identifier_field(&path(parts));
        assert!(at(&[&"people", &0, &"name"]));
        assert!(at(&[&"people", &1, &"aliases", &3]));
        assert!(at(&[&"bodies", &0, &"addressee", &"name"]));
        assert!(at(&[&"generalise", &0, &"term"]));
        assert!(!at(&[&"investigation", &"what_happened"]));
        assert!(!at(&[&"findings", &0, &"text"]));
        assert!(!at(&[&"case", &"reference"]));
    }
}
