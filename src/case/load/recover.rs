//! Reading every error at once: serde stops at the first, so each error is
//! recorded, the offending key (or list item) set aside, and the rest read
//! again. What was set aside decides which semantic checks of what was
//! read still stand, and maps their paths back to the file.

use serde_json::Value;

use super::problem::{Problem, ProblemKind, convert_path};
use crate::case::format::Format;
use crate::case::tree::{Seg, Spanned, path_string};
use crate::case::types::Case;
use crate::diag::Diagnostic;

/// How many errors one file may produce before we stop looking.
const MAX_ERRORS: usize = 50;

/// The semantic checks whose finding is about the value at their own path
/// alone. When a value of the wrong type, or a whole list item, had to be
/// set aside to read the rest, only these still run: the others look across
/// the case (a reference to a person, a section with no items) and could be
/// about what was set aside rather than about what is there.
const LOCAL_CHECKS: [&str; 27] = [
    "adult-child",
    "bad-email",
    "bad-id",
    "bad-label",
    "bad-nhs-number",
    "bad-ni-number",
    "bad-phone",
    "bad-postcode",
    "bad-reference",
    "child-title",
    "control-character",
    "duplicate-id",
    "duplicate-label",
    "empty-id",
    "empty-name",
    "empty-sign-off",
    "impossible-date",
    "injustice-without-fault",
    "missing-job-role",
    "nhs-check-digit",
    "ni-prefix",
    "no-glyph",
    "real-initial",
    "reference-mismatch",
    "sign-off-before-decision",
    "too-long",
    "unlikely-date",
];

/// What was set aside to read the rest of a file, so that the semantic
/// checks of what was read report only what is really there.
#[derive(Debug, Clone, Default)]
pub(super) struct Recovery {
    /// List items removed, to map paths back to the file.
    removed: Removed,
    /// Values set aside that the case would have used (not unknown fields,
    /// which change nothing once removed), as paths in the file.
    used: Vec<Vec<Seg>>,
}

impl Recovery {
    /// Whether a semantic check's finding at `path` (in the file) stands.
    fn keeps(&self, path: &[Seg], code: &str) -> bool {
        let items = self.removed.0.iter().map(|(list, index)| {
            let mut item = list.clone();
            item.push(Seg::Index(*index));
            item
        });
        let mut set_aside = self.used.iter().cloned().chain(items).peekable();
        if set_aside.peek().is_none() {
            return true;
        }
        LOCAL_CHECKS.contains(&code)
            && set_aside.all(|aside| !path.starts_with(&aside) && !aside.starts_with(path))
    }

    /// The findings of semantic checks that stand, each placed at its
    /// value in the file.
    pub(super) fn place(
        &self,
        found: Vec<(Vec<Seg>, Diagnostic)>,
        tree: &Spanned,
    ) -> Vec<Diagnostic> {
        found
            .into_iter()
            .filter_map(|(path, diag)| {
                let path = self.removed.to_original(&path);
                self.keeps(&path, diag.code).then(|| {
                    let range = tree.locate(&path, false);
                    diag.at(path_string(&path)).with_range(range)
                })
            })
            .collect()
    }
}

/// Deserialises the whole case, collecting every error it can find. The
/// case comes back whenever the file could be read once its errors were set
/// aside, so that the semantic checks can run on the rest: it is usable only
/// when there is no diagnostic.
pub(super) fn deserialize_all(
    tree: &Spanned,
    format: Format,
) -> (Option<Case>, Vec<Diagnostic>, Recovery) {
    let mut value = tree.to_json();
    let mut diagnostics = Vec::new();
    let mut recovery = Recovery::default();
    let mut set_aside: Vec<(Vec<Seg>, String)> = Vec::new();
    while diagnostics.len() < MAX_ERRORS {
        let err = match serde_path_to_error::deserialize::<_, Case>(value.clone()) {
            Ok(case) => {
                recovery.used = set_aside
                    .into_iter()
                    .map(|(mut parent, key)| {
                        parent.push(Seg::Key(key));
                        parent
                    })
                    .collect();
                return (Some(case), diagnostics, recovery);
            }
            Err(err) => err,
        };
        let current = convert_path(err.path());
        let message = err.inner().to_string();
        let problem = Problem::classify(&message, current);
        let removed = &mut recovery.removed;
        let original = removed.to_original(&problem.path);
        let already_reported = matches!(&problem.kind, ProblemKind::Missing(field)
            if set_aside.iter().any(|(p, f)| *p == original && f == field));
        if !already_reported {
            let key_only = matches!(problem.kind, ProblemKind::UnknownField { .. });
            let range = tree.locate(&original, key_only);
            diagnostics.push(problem.diagnostic(&original, format).with_range(range));
        }
        if !set_aside_problem(&problem, &mut value, removed, &mut set_aside, &original) {
            break;
        }
    }
    (None, diagnostics, recovery)
}

/// Sets a problem aside so deserialisation can go on; false when it
/// cannot (the error is in a required top-level part).
fn set_aside_problem(
    problem: &Problem,
    value: &mut Value,
    removed: &mut Removed,
    set_aside: &mut Vec<(Vec<Seg>, String)>,
    original: &[Seg],
) -> bool {
    match (&problem.kind, problem.path.last()) {
        (ProblemKind::Missing(_), _) | (_, Some(Seg::Index(_)) | None) => {
            removed.remove_enclosing_item(value, &problem.path)
        }
        (_, Some(Seg::Key(key))) => {
            let parent = &problem.path[..problem.path.len() - 1];
            if !matches!(problem.kind, ProblemKind::UnknownField { .. }) {
                set_aside.push((original[..original.len() - 1].to_vec(), key.clone()));
            }
            match lookup_mut(value, parent).and_then(Value::as_object_mut) {
                Some(map) => map.remove(key).is_some(),
                None => false,
            }
        }
    }
}

/// List items removed so far, to map paths back to the file.
#[derive(Debug, Clone, Default)]
struct Removed(Vec<(Vec<Seg>, usize)>);

impl Removed {
    /// Removes the innermost list item containing `path` (current indices).
    fn remove_enclosing_item(&mut self, value: &mut Value, path: &[Seg]) -> bool {
        let Some(at) = path.iter().rposition(|s| matches!(s, Seg::Index(_))) else {
            return false;
        };
        let Seg::Index(index) = path[at] else {
            unreachable!()
        };
        let original = self.to_original(&path[..=at]);
        let Some(Value::Array(items)) = lookup_mut(value, &path[..at]) else {
            return false;
        };
        if index >= items.len() {
            return false;
        }
        items.remove(index);
        let Seg::Index(original_index) = original[at] else {
            unreachable!()
        };
        self.0.push((original[..at].to_vec(), original_index));
        true
    }

    /// Maps a path with current indices to the indices in the file.
    fn to_original(&self, path: &[Seg]) -> Vec<Seg> {
        let mut out: Vec<Seg> = Vec::with_capacity(path.len());
        for seg in path {
            match seg {
                Seg::Index(i) => {
                    let mut gone: Vec<usize> = self
                        .0
                        .iter()
                        .filter(|(p, _)| *p == out)
                        .map(|(_, i)| *i)
                        .collect();
                    gone.sort_unstable();
                    let mut original = *i;
                    for g in gone {
                        if g <= original {
                            original += 1;
                        }
                    }
                    out.push(Seg::Index(original));
                }
                key => out.push(key.clone()),
            }
        }
        out
    }
}

fn lookup_mut<'a>(mut value: &'a mut Value, path: &[Seg]) -> Option<&'a mut Value> {
    for seg in path {
        value = match seg {
            Seg::Key(k) => value.as_object_mut()?.get_mut(k)?,
            Seg::Index(i) => value.as_array_mut()?.get_mut(*i)?,
        };
    }
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removed_items_map_back_to_file_indices() {
        let mut removed = Removed::default();
        let mut value = serde_json::json!({"people": [1, 2, 3, 4]});
        let p = |i| vec![Seg::Key("people".into()), Seg::Index(i)];
        assert!(removed.remove_enclosing_item(&mut value, &p(1)));
        assert_eq!(removed.to_original(&p(1)), p(2));
        assert!(removed.remove_enclosing_item(&mut value, &p(0)));
        assert_eq!(removed.to_original(&p(0)), p(2));
        assert_eq!(removed.to_original(&p(1)), p(3));
    }
}
