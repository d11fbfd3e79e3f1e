//! A deserialisation error understood: serde's message read into what went
//! wrong and where, and the diagnostic an investigator reads, with a hint
//! in the file's own format.

use crate::case::format::Format;
use crate::case::tree::{Seg, path_string};
use crate::diag::{Diagnostic, did_you_mean};

/// The top-level sections of a case file (checked against `Case` by a test).
const TOP_LEVEL: [&str; 13] = [
    "case",
    "people",
    "bodies",
    "complaint",
    "investigation",
    "law",
    "findings",
    "recommendations",
    "outcome",
    "publication",
    "escalation",
    "generalise",
    "review",
];

/// serde's path of an error as segments.
pub(super) fn convert_path(path: &serde_path_to_error::Path) -> Vec<Seg> {
    use serde_path_to_error::Segment;
    path.iter()
        .filter_map(|seg| match seg {
            Segment::Seq { index } => Some(Seg::Index(*index)),
            Segment::Map { key } => Some(Seg::Key(key.clone())),
            Segment::Enum { .. } | Segment::Unknown => None,
        })
        .collect()
}

/// A value or name from the file, cut short for a message when it is long:
/// a message never echoes a field of megabytes.
fn elide(s: &str) -> String {
    elide_to(s, 60)
}

/// [`elide`] to `keep` characters (our own messages run longer than names).
fn elide_to(s: &str, keep: usize) -> String {
    if s.chars().count() <= keep {
        return s.to_string();
    }
    let head: String = s.chars().take(keep).collect();
    format!("{head}… ({} characters)", s.chars().count())
}

/// What a value of the expected type looks like, in the file's format,
/// when no sample has an example of the field.
fn type_hint(expected: &str, path: &[Seg], format: Format) -> String {
    let key = match path.last() {
        Some(Seg::Key(k)) => k.as_str(),
        _ => "value",
    };
    let json = format == Format::Json;
    let field = |value: &str| {
        if json {
            format!("`\"{key}\": {value}`")
        } else {
            format!("`{key} = {value}`")
        }
    };
    let example = match expected {
        e if e.contains("date") => {
            if json {
                format!(
                    "{} (a date as YYYY-MM-DD, in quotes)",
                    field("\"2024-03-01\"")
                )
            } else {
                format!(
                    "{} (a date as YYYY-MM-DD, without quotes)",
                    field("2024-03-01")
                )
            }
        }
        e if e.contains("string") || e.contains("text") => {
            format!("{} (text in double quotes)", field("\"…\""))
        }
        e if e.contains("bool") || e.contains("true") => {
            format!("{} or {} (without quotes)", field("true"), field("false"))
        }
        e if e.contains("integer") || e.contains("number") || e.contains("float") => {
            format!("{} (a number without quotes)", field("650"))
        }
        e if e.contains("sequence") || e.contains("list") || e.contains("array") => {
            format!("{} (a list in square brackets)", field("[\"…\", \"…\"]"))
        }
        e if (e.contains("map") || e.contains("struct") || e.contains("table")) && json => {
            format!("{} (an object in braces)", field("{ … }"))
        }
        e if e.contains("map") || e.contains("struct") || e.contains("table") => format!(
            "a table: `[{key}]` followed by its fields on their own lines, or `{key} = {{ … }}` on one line"
        ),
        _ => format!("see the samples in `samples/` for how `{key}` is written"),
    };
    format!("write it as {example}")
}

/// One deserialisation error, understood.
pub(super) struct Problem {
    /// Where, in the current (possibly pruned) value.
    pub(super) path: Vec<Seg>,
    /// What went wrong.
    pub(super) kind: ProblemKind,
}

/// What went wrong.
pub(super) enum ProblemKind {
    UnknownField {
        field: String,
        expected: Vec<String>,
    },
    UnknownVariant {
        given: String,
        expected: Vec<String>,
    },
    Missing(String),
    WrongType {
        expected: String,
        found: String,
    },
    Invalid(String),
    /// A date outside [`Date::CASE_FIRST`](crate::case::date::Date::CASE_FIRST) and
    /// [`Date::CASE_LAST`](crate::case::date::Date::CASE_LAST): what is wrong, and why.
    DateOutOfRange(String, String),
}

impl Problem {
    pub(super) fn classify(message: &str, mut path: Vec<Seg>) -> Self {
        let message = message.trim();
        if let Some(rest) = message.strip_prefix("unknown field ") {
            let field = first_ticked(rest).unwrap_or_default();
            if path.last() != Some(&Seg::Key(field.clone())) {
                path.push(Seg::Key(field.clone()));
            }
            let expected = ticked_list(rest).into_iter().skip(1).collect();
            return Self {
                path,
                kind: ProblemKind::UnknownField { field, expected },
            };
        }
        if let Some(rest) = message.strip_prefix("unknown variant ") {
            let mut names = ticked_list(rest).into_iter();
            let given = names.next().unwrap_or_default();
            let expected = names.collect();
            return Self {
                path,
                kind: ProblemKind::UnknownVariant { given, expected },
            };
        }
        if let Some(rest) = message.strip_prefix("missing field ") {
            let field = first_ticked(rest).unwrap_or_default();
            return Self {
                path,
                kind: ProblemKind::Missing(field),
            };
        }
        if let Some(rest) = message.strip_prefix("invalid type: ") {
            let (found, expected) = rest
                .split_once(", expected ")
                .unwrap_or((rest, "another type"));
            // Drop the value itself ("string \"yes\"" → "a string"): messages
            // may end up in logs, and case values are personal data.
            let kind = found.split_whitespace().next().unwrap_or("value");
            let found = format!(
                "{} {kind}",
                if kind.starts_with(['a', 'e', 'i', 'o', 'u']) {
                    "an"
                } else {
                    "a"
                }
            );
            return Self {
                path,
                kind: ProblemKind::WrongType {
                    expected: expected.to_string(),
                    found,
                },
            };
        }
        if message.starts_with("invalid value: ") || message.starts_with("invalid length") {
            let expected = message
                .split_once(", expected ")
                .map_or(message, |(_, e)| e);
            return Self {
                path,
                kind: ProblemKind::WrongType {
                    expected: expected.to_string(),
                    found: "something else".into(),
                },
            };
        }
        if message.contains(crate::case::date::OUT_OF_RANGE) {
            let (what, why) = message.split_once(": ").unwrap_or((message, ""));
            return Self {
                path,
                kind: ProblemKind::DateOutOfRange(what.into(), why.into()),
            };
        }
        Self {
            path,
            kind: ProblemKind::Invalid(message.to_string()),
        }
    }

    pub(super) fn diagnostic(&self, original: &[Seg], format: Format) -> Diagnostic {
        let where_ = elide(&path_string(original));
        match &self.kind {
            ProblemKind::UnknownField { field, expected } => {
                let parent = path_string(&original[..original.len().saturating_sub(1)]);
                let place = if parent.is_empty() {
                    "at the top level".to_string()
                } else {
                    format!("in `{parent}`")
                };
                let diag = Diagnostic::error(
                    "unknown-field",
                    format!("unknown field `{}` {place}", elide(field)),
                );
                if !parent.is_empty() && TOP_LEVEL.contains(&field.as_str()) {
                    return diag.hint(format!(
                        "`{field}` is a top-level section: in TOML, keys after a `[table]` header belong to that table, so start it with its own `[{field}]` header (or `[[{field}]]` for a list)"
                    ));
                }
                match did_you_mean(field, expected.iter().map(String::as_str)) {
                    Some(s) => diag.hint(format!("did you mean `{s}`?")),
                    None => diag.hint(format!(
                        "the fields allowed here are {}",
                        tick_join(expected)
                    )),
                }
            }
            ProblemKind::UnknownVariant { given, expected } => {
                let diag = Diagnostic::error(
                    "unknown-value",
                    format!("`{where_}` has a value that is not allowed"),
                );
                match did_you_mean(given, expected.iter().map(String::as_str)) {
                    Some(s) => diag.hint(format!("did you mean `{s}`?")),
                    None => diag.hint(format!("use one of {}", tick_join(expected))),
                }
            }
            ProblemKind::Missing(field) => {
                let place = if where_.is_empty() {
                    "the case file".to_string()
                } else {
                    format!("`{where_}`")
                };
                Diagnostic::error(
                    "missing-field",
                    format!("{place} is missing the required field `{field}`"),
                )
                .hint(format!("add `{field} = …` here"))
            }
            ProblemKind::WrongType { expected, found } => {
                let help = crate::case::help::field_help(original, format);
                let expected = match &help {
                    Some(help) => help.kind.clone(),
                    None => expected.clone(),
                };
                let diag = Diagnostic::error(
                    "wrong-type",
                    format!("`{where_}` should be {expected}, but is {}", elide(found)),
                );
                match help.and_then(|h| h.example) {
                    Some(example) => diag.hint(format!("for example `{example}`")),
                    None => diag.hint(type_hint(&expected, original, format)),
                }
            }
            ProblemKind::DateOutOfRange(what, why) => {
                Diagnostic::error("date-out-of-range", format!("`{where_}` is {what}"))
                    .hint(format!("{why}: check the year"))
            }
            ProblemKind::Invalid(message) => Diagnostic::error(
                "invalid-value",
                format!("invalid value for `{where_}`: {}", elide_to(message, 240)),
            ),
        }
    }
}

fn first_ticked(s: &str) -> Option<String> {
    ticked_list(s).into_iter().next()
}

/// The names between backticks in a serde message, in order.
fn ticked_list(s: &str) -> Vec<String> {
    s.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

fn tick_join(names: &[String]) -> String {
    if names.is_empty() {
        return "none".into();
    }
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::types::{Case, Complaint};

    #[test]
    fn serde_messages_keep_their_shape() {
        // The recovery loop reads serde's messages: if serde changes them,
        // this test says so before users see worse errors.
        let err =
            serde_json::from_str::<Complaint>(r#"{"points": [], "injustice": "", "nmae": 1}"#)
                .unwrap_err()
                .to_string();
        assert!(
            err.starts_with("unknown field `nmae`, expected one of `points`"),
            "{err}"
        );
    }

    #[test]
    fn top_level_sections_are_listed() {
        let err = serde_json::from_str::<Case>(r#"{"zzz": 1}"#)
            .unwrap_err()
            .to_string();
        // After the unknown field itself and `$schema` (for editors).
        assert_eq!(ticked_list(&err)[1], "$schema");
        assert_eq!(ticked_list(&err)[2..], TOP_LEVEL.map(String::from));
    }
}
