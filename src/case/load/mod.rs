//! Reading a case file: bytes → text → spanned tree → `Case`, then the
//! semantic checks of [`validate`](crate::case::validate).
//!
//! serde stops at the first error, but an investigator wants every problem
//! at once. So deserialisation runs in a loop ([`recover`]): each error is
//! recorded with its path ([`problem`]), the offending key (or list item)
//! is set aside, and the rest is tried again. Paths are mapped back to the
//! file through the tree, so every diagnostic has a line and column
//! ([`Loaded`]).

mod loaded;
mod problem;
mod recover;

use std::path::Path;

use crate::case::format::{Format, detect_format};
use crate::case::limits::{self, MAX_FILE_BYTES};
use crate::case::tree::{self, Seg};
use crate::case::validate::{Coverage, validate};
use crate::diag::{Diagnostic, SourceFile};
use problem::{Problem, ProblemKind, convert_path};
use recover::deserialize_all;

pub use loaded::Loaded;

/// Reads, parses and validates a case file. Only I/O failures are `Err`;
/// everything wrong with the contents is a diagnostic.
pub fn load(path: &Path, coverage: &Coverage) -> std::io::Result<Loaded> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)?;
    Ok(load_bytes(path, &bytes, coverage))
}

/// Parses and validates case-file bytes read from `path`.
pub fn load_bytes(path: &Path, bytes: &[u8], coverage: &Coverage) -> Loaded {
    if bytes.len() > MAX_FILE_BYTES {
        return Loaded::unread(SourceFile::new(path, String::new()), limits::too_large());
    }
    let (text, problem) = decode(bytes);
    let file = SourceFile::new(path, text);
    if let Some(diag) = problem {
        return Loaded::unread(file, diag);
    }
    let format = detect_format(path, &file.text);
    load_text(file, format, coverage)
}

/// Parses and validates case-file text (for tests and stdin).
pub fn load_str(name: &str, text: &str, coverage: &Coverage) -> Loaded {
    load_bytes(Path::new(name), text.as_bytes(), coverage)
}

fn load_text(file: SourceFile, format: Format, coverage: &Coverage) -> Loaded {
    let parsed = match format {
        Format::Toml => tree::parse_toml(&file.text).map_err(limits::too_deep_toml),
        Format::Json => match limits::json_too_deep(&file.text) {
            Some(at) => Err(limits::too_deep(at..at + 1)),
            None => tree::parse_json(&file.text),
        },
    }
    .and_then(|tree| match limits::tree_too_deep(&tree) {
        Some(range) => Err(limits::too_deep(range)),
        None => Ok(tree),
    });
    let tree = match parsed {
        Ok(tree) => tree,
        Err(diag) => return Loaded::unread(file, diag),
    };
    let (case, mut found, recovery) = deserialize_all(&tree, format);
    // The checks that run after loading list theirs between validation's
    // two parts.
    let mut slot = found.len();
    if let Some(case) = &case {
        let findings = validate(case, coverage);
        found.extend(recovery.place(findings.before, &tree));
        slot = found.len();
        found.extend(recovery.place(findings.after, &tree));
    }
    Loaded::read(file, tree, case, recovery, found, slot)
}

/// Reads a small TOML file that goes with a case (the review file) into
/// `T`: its problems as diagnostics placed in the file, as for a case file
/// (the first problem of each place; an error stops at the first).
pub fn load_toml<T: serde::de::DeserializeOwned>(file: &SourceFile) -> Result<T, Diagnostic> {
    let tree = tree::parse_toml(&file.text).map_err(limits::too_deep_toml)?;
    if let Some(range) = limits::tree_too_deep(&tree) {
        return Err(limits::too_deep(range));
    }
    serde_path_to_error::deserialize::<_, T>(tree.to_json()).map_err(|err| {
        let problem = Problem::classify(&err.inner().to_string(), convert_path(err.path()));
        let key_only = matches!(problem.kind, ProblemKind::UnknownField { .. });
        let range = tree.locate(&problem.path, key_only);
        problem
            .diagnostic(&problem.path, Format::Toml)
            .with_range(range)
    })
}

/// The byte range of the value at a path of keys (`["case", "reference"]`)
/// in a loaded file, when the file parses.
pub fn locate(loaded: &Loaded, keys: &[&str]) -> Option<std::ops::Range<usize>> {
    let text = &loaded.file.text;
    let tree = match detect_format(&loaded.file.path, text) {
        Format::Toml => tree::parse_toml(text).ok()?,
        Format::Json if limits::json_too_deep(text).is_some() => return None,
        Format::Json => tree::parse_json(text).ok()?,
    };
    let path: Vec<Seg> = keys.iter().map(|k| Seg::Key((*k).to_string())).collect();
    Some(tree.locate(&path, false))
}

/// Decodes UTF-8, refusing a byte order mark and invalid bytes with a position.
fn decode(bytes: &[u8]) -> (String, Option<Diagnostic>) {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        let text = String::from_utf8_lossy(bytes).into_owned();
        let diag = Diagnostic::error("byte-order-mark", "the file starts with a byte order mark")
            .hint("save the file as UTF-8 without a byte order mark (BOM)")
            .with_range(0..3);
        return (text, Some(diag));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), None),
        Err(e) => {
            let at = e.valid_up_to();
            let text = String::from_utf8_lossy(bytes).into_owned();
            let lossy_at = String::from_utf8_lossy(&bytes[..at]).len();
            let diag = Diagnostic::error("not-utf8", "the file is not valid UTF-8")
                .hint(
                    "save the file with UTF-8 encoding; this byte is not part of a UTF-8 character",
                )
                .with_range(lossy_at..lossy_at + 1);
            (text, Some(diag))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::case::tests_support::MINIMAL;

    fn codes(loaded: &Loaded) -> Vec<&'static str> {
        loaded.diagnostics.iter().map(|d| d.code).collect()
    }

    #[test]
    fn a_section_swallowed_by_a_table_gets_a_toml_hint() {
        let text =
            format!("{MINIMAL}\n[[law]]\ntitle = \"Care Act 2014\"\ntext = \"x\"\noutcome = 1\n");
        let loaded = load_str("case.toml", &text, &Coverage::all());
        let d = loaded
            .diagnostics
            .iter()
            .find(|d| d.code == "unknown-field")
            .unwrap();
        assert!(d.hints[0].contains("top-level section"), "{:?}", d.hints);
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let text = MINIMAL.replace("short_name", "shortname").replace(
            "[complaint]",
            "[[people]]\nid = \"a\"\nname = \"A B\"\nrole = \"relative\"\nborn = \"1990-02-30\"\nchlid = true\n\n[complaint]",
        );
        let loaded = load_str("case.toml", &text, &Coverage::all());
        let codes = codes(&loaded);
        assert!(codes.contains(&"unknown-field"), "{codes:?}");
        assert!(codes.contains(&"invalid-value"), "{codes:?}");
        assert!(loaded.diagnostics.len() >= 3, "{:#?}", loaded.diagnostics);
        let shortname = loaded
            .diagnostics
            .iter()
            .find(|d| d.message.contains("shortname"))
            .unwrap();
        assert_eq!(shortname.hints, ["did you mean `short_name`?"]);
        assert_eq!(
            &loaded.file.text[shortname.range.clone().unwrap()],
            "shortname"
        );
        assert!(loaded.case.is_none());
    }

    #[test]
    fn a_minimal_case_loads() {
        let loaded = load_str("case.toml", MINIMAL, &Coverage::all());
        assert!(!loaded.has_errors(), "{:#?}", loaded.diagnostics);
        assert!(loaded.case.is_some());
    }

    #[test]
    fn bom_and_bad_bytes_are_explained() {
        let cov = Coverage::all();
        let bom = load_bytes(Path::new("c.json"), b"\xEF\xBB\xBF{}", &cov);
        assert_eq!(codes(&bom), ["byte-order-mark"]);
        let bad = load_bytes(Path::new("c.toml"), b"[case]\nreference = \"\xFF\"", &cov);
        assert_eq!(codes(&bad), ["not-utf8"]);
        let at = bad.diagnostics[0].range.clone().unwrap().start;
        assert_eq!(bad.file.line_col(at), (2, 14));
    }
}
