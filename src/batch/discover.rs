//! Which of the paths given are case files.
//!
//! A file named on the command line is taken as it is. A folder is searched,
//! recursively, for case files only: `.toml` files, and `.json` files that
//! are not a JSON Schema (`redress schema -o cases/case.schema.json` puts
//! the schema beside the cases it describes) nor a file redress writes
//! (`manifest.json`, `review.json`, `redactions.json`, `records.json`, when
//! they have no `[case]` section). Everything else a folder holds is skipped
//! and listed in [`CaseFiles::skipped`], so that the command line can say
//! what it left out. Review files (`*.review.toml`, read with their case
//! file), hidden files and folders (`.git`, an editor's
//! `.taplo.toml`) are passed over without a word, and links to folders are
//! not followed (they could loop).

use std::io::Read;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde::de::IgnoredAny;

use crate::case::MAX_FILE_BYTES;
use crate::diag::display_path;

/// The case files found, and what the folders held besides.
#[derive(Debug, Default)]
pub struct CaseFiles {
    /// The case files, in the order given; each folder's sorted.
    pub files: Vec<PathBuf>,
    /// Files in the folders that are not case files, with why.
    pub skipped: Vec<Skipped>,
}

/// A file found in a folder and left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The file.
    pub path: PathBuf,
    /// Why, in a few words: "a JSON Schema".
    pub why: &'static str,
}

/// What a JSON file's top level holds, read without keeping it.
#[derive(Deserialize)]
struct Peek {
    case: Option<IgnoredAny>,
    #[serde(rename = "$schema")]
    schema: Option<serde_json::Value>,
    #[serde(rename = "$defs")]
    defs: Option<IgnoredAny>,
    properties: Option<IgnoredAny>,
}

/// The files redress writes that end in `.json`.
const WRITTEN_BY_REDRESS: [&str; 4] = [
    "manifest.json",
    "review.json",
    "redactions.json",
    "records.json",
];

/// An editor's configuration, not a case (taplo, the engine of Even Better
/// TOML, reads it).
const EDITOR_CONFIG: &str = "taplo.toml";

impl CaseFiles {
    /// One line saying what the folders held besides case files, for the
    /// terminal (`None` when nothing was skipped).
    pub fn skipped_note(&self) -> Option<String> {
        const SHOWN: usize = 4;
        if self.skipped.is_empty() {
            return None;
        }
        let mut shown: Vec<String> = self
            .skipped
            .iter()
            .take(SHOWN)
            .map(|s| format!("`{}` ({})", display_path(&s.path), s.why))
            .collect();
        if self.skipped.len() > SHOWN {
            shown.push(format!("and {} more", self.skipped.len() - SHOWN));
        }
        Some(format!(
            "skipped {} in the folders given that {} not case files: {}",
            crate::diag::count(self.skipped.len(), "file"),
            if self.skipped.len() == 1 { "is" } else { "are" },
            shown.join(", ")
        ))
    }
}

/// Case files under the given paths: files as given, folders searched as
/// the module says, sorted so that runs are repeatable. A folder with no
/// case file in it, or a path that does not exist, is an error.
pub fn discover(paths: &[PathBuf]) -> std::io::Result<CaseFiles> {
    let mut found = CaseFiles::default();
    for path in paths {
        if path.is_dir() {
            let before = found.files.len();
            collect(path, &mut found).map_err(|e| {
                std::io::Error::new(
                    e.kind(),
                    format!("cannot read `{}`: {e}", display_path(path)),
                )
            })?;
            if found.files.len() == before {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::NotFound,
                    format!(
                        "`{}` holds no case files (`.toml` files, or `.json` files that are not a JSON Schema, in it or in its folders)",
                        display_path(path)
                    ),
                ));
            }
        } else if path.exists() {
            found.files.push(path.clone());
        } else {
            return Err(std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!("`{}` does not exist", display_path(path)),
            ));
        }
    }
    Ok(found)
}

fn collect(dir: &Path, found: &mut CaseFiles) -> std::io::Result<()> {
    let mut entries: Vec<(PathBuf, bool)> = std::fs::read_dir(dir)?
        .map(|e| e.and_then(|e| Ok((e.path(), e.file_type()?.is_dir()))))
        .collect::<Result<_, _>>()?;
    entries.sort();
    for (path, is_dir) in entries {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') {
            continue;
        }
        if is_dir {
            collect(&path, found)?;
            continue;
        }
        if path.is_dir() {
            // A link to a folder: not followed.
            continue;
        }
        if crate::review::file::is_review_file(&path) {
            // A review file (`*.review.toml`) goes with its case file.
            continue;
        }
        match why_not_a_case(&path) {
            None => found.files.push(path),
            Some(why) => found.skipped.push(Skipped { path, why }),
        }
    }
    Ok(())
}

/// Why a file found in a folder is not a case file, or `None` if it is one.
fn why_not_a_case(path: &Path) -> Option<&'static str> {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("toml") if name.eq_ignore_ascii_case(EDITOR_CONFIG) => {
            Some("an editor's configuration")
        }
        Some("toml") => None,
        Some("json") => why_json_is_not_a_case(path, name),
        _ => Some("not `.toml` or `.json`"),
    }
}

/// A JSON file is a case unless its top level says otherwise; a file that
/// does not parse is taken, so that `check` says what is wrong with it.
fn why_json_is_not_a_case(path: &Path, name: &str) -> Option<&'static str> {
    let Ok(file) = std::fs::File::open(path) else {
        return None;
    };
    let reader = std::io::BufReader::new(file.take(MAX_FILE_BYTES as u64));
    let peek: Peek = match serde_json::from_reader(reader) {
        Ok(peek) => peek,
        Err(e) if e.is_data() => return Some("not a case file: its top level is not a table"),
        Err(_) => return None,
    };
    if peek.case.is_some() {
        return None;
    }
    let meta_schema = peek
        .schema
        .as_ref()
        .and_then(serde_json::Value::as_str)
        .is_some_and(|s| s.contains("json-schema.org"));
    if meta_schema || peek.defs.is_some() || peek.properties.is_some() {
        return Some("a JSON Schema");
    }
    if WRITTEN_BY_REDRESS.contains(&name) {
        return Some("written by redress");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(found: &[PathBuf], base: &Path) -> Vec<String> {
        found
            .iter()
            .map(|p| p.strip_prefix(base).unwrap().display().to_string())
            .collect()
    }

    #[cfg(unix)]
    #[test]
    fn discovery_does_not_follow_links_to_folders() {
        let dir = tempfile::tempdir().unwrap();
        let cases = dir.path().join("cases");
        std::fs::create_dir_all(cases.join("2024")).unwrap();
        std::fs::write(cases.join("2024/a.toml"), "").unwrap();
        std::fs::write(cases.join("b.json"), "").unwrap();
        std::os::unix::fs::symlink(&cases, cases.join("loop")).unwrap();
        std::os::unix::fs::symlink(cases.join("b.json"), cases.join("c.json")).unwrap();
        let found = discover(std::slice::from_ref(&cases)).unwrap();
        assert_eq!(
            names(&found.files, &cases),
            ["2024/a.toml", "b.json", "c.json"]
        );
    }

    #[test]
    fn a_folder_gives_its_case_files_and_says_what_else_it_held() {
        let dir = tempfile::tempdir().unwrap();
        let cases = dir.path().join("cases");
        std::fs::create_dir_all(cases.join("out/23-004-118")).unwrap();
        std::fs::create_dir_all(cases.join(".git")).unwrap();
        let write = |name: &str, text: &str| std::fs::write(cases.join(name), text).unwrap();
        write("a.toml", "[case]\n");
        write("b.json", r#"{"$schema": "./case.schema.json", "case": {}}"#);
        write("broken.json", "{\"case\": ");
        write(
            "case.schema.json",
            r#"{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object"}"#,
        );
        write(
            "other.schema.json",
            r#"{"type": "object", "properties": {}}"#,
        );
        write("list.json", "[1, 2]");
        write("notes.md", "# notes");
        write("taplo.toml", "[formatting]\n");
        write(".hidden.toml", "");
        write(".git/config.toml", "");
        write("out/23-004-118/manifest.json", r#"{"files": []}"#);
        write("out/23-004-118/decision.redacted.pdf", "%PDF");
        let found = discover(std::slice::from_ref(&cases)).unwrap();
        assert_eq!(
            names(&found.files, &cases),
            ["a.toml", "b.json", "broken.json"]
        );
        let skipped: Vec<(String, &str)> = found
            .skipped
            .iter()
            .map(|s| {
                (
                    s.path.strip_prefix(&cases).unwrap().display().to_string(),
                    s.why,
                )
            })
            .collect();
        assert_eq!(
            skipped,
            [
                ("case.schema.json".to_string(), "a JSON Schema"),
                (
                    "list.json".into(),
                    "not a case file: its top level is not a table"
                ),
                ("notes.md".into(), "not `.toml` or `.json`"),
                ("other.schema.json".into(), "a JSON Schema"),
                (
                    "out/23-004-118/decision.redacted.pdf".into(),
                    "not `.toml` or `.json`"
                ),
                ("out/23-004-118/manifest.json".into(), "written by redress"),
                ("taplo.toml".into(), "an editor's configuration"),
            ]
        );
        let note = found.skipped_note().unwrap();
        assert!(
            note.starts_with("skipped 7 files in the folders given that are not case files: `"),
            "{note}"
        );
        assert!(note.ends_with("and 3 more"), "{note}");
    }

    #[test]
    fn a_file_named_is_taken_as_it_is_and_an_empty_folder_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let schema = dir.path().join("case.schema.json");
        std::fs::write(&schema, r#"{"$defs": {}}"#).unwrap();
        let found = discover(std::slice::from_ref(&schema)).unwrap();
        assert_eq!(found.files, [schema]);
        let err = discover(&[dir.path().to_path_buf()]).unwrap_err();
        assert!(err.to_string().contains("holds no case files"), "{err}");
    }
}
