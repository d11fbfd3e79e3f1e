//! The review file: what publication staff accepted, who and when, and
//! their sign-off, kept beside the case file (`s01.toml` →
//! `s01.review.toml`) so that the investigator's case file is never edited
//! for it. `redress review CASE --accept … --sign-off NAME` writes it;
//! loading a case merges it into `case.review` ([`merge_into`]), so every
//! command (render, publish, watch) reads it. The case file's own
//! `[review]` table keeps working beside it.
//!
//! ```toml
//! # The review of case 23 004 118 by publication staff …
//! reference = "23 004 118"
//!
//! [[accepted]]
//! id = "F9c1b0e55"
//! by = "Sam Okafor"
//! on = 2024-01-30
//! what = "name that is also a word, in investigation.what_happened"
//!
//! [signed_off]
//! by = "Sam Okafor"
//! on = 2024-01-31
//! ```

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::findings::is_finding_id;
use crate::case::{Acceptance, Date, Loaded, SignOff};
use crate::diag::{Diagnostic, SourceFile, display_path};

/// How a review file's name ends.
pub const SUFFIX: &str = ".review.toml";

/// The review file's contents.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewFile {
    /// The case it reviews (its reference, as in the case file).
    pub reference: String,
    /// Each finding accepted.
    #[serde(default)]
    pub accepted: Vec<Accepted>,
    /// The sign-off, once the review is done.
    #[serde(default)]
    pub signed_off: Option<SignOff>,
}

/// One finding accepted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Accepted {
    /// The finding's id, as the review sheet gives it.
    pub id: String,
    /// Who accepted it.
    pub by: String,
    /// When.
    pub on: Date,
    /// What the finding is, for people reading the file (never its value).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub what: Option<String>,
}

/// The review file that goes with a case file: `cases/s01.toml` →
/// `cases/s01.review.toml`.
pub fn path_for(case: &Path) -> PathBuf {
    let stem = case
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    case.with_file_name(format!("{stem}{SUFFIX}"))
}

/// Whether a path is a review file (not a case file).
pub fn is_review_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.ends_with(SUFFIX))
}

/// A review file that cannot be used, with the diagnostic placed in it.
pub type Unusable = Box<(SourceFile, Diagnostic)>;

/// Reads a review file: `None` when there is none, the problem as a
/// diagnostic (placed in the review file) when it cannot be used.
pub fn read(path: &Path) -> Result<Option<(SourceFile, ReviewFile)>, Unusable> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            let file = SourceFile::new(path, String::new());
            let diag = Diagnostic::error("review-file", format!("cannot read it: {e}"))
                .hint("check the file's permissions, or move it away to review the case afresh");
            return Err(Box::new((file, diag)));
        }
    };
    let file = SourceFile::new(path, text);
    match crate::case::load_toml::<ReviewFile>(&file) {
        Ok(review) => match check(&review) {
            Some(diag) => Err(Box::new((file, diag))),
            None => Ok(Some((file, review))),
        },
        Err(diag) => Err(Box::new((file, diag))),
    }
}

/// What is wrong with a review file that parsed, if anything (the first
/// problem, placed).
fn check(review: &ReviewFile) -> Option<Diagnostic> {
    if let Some(bad) = review.accepted.iter().find(|a| !is_finding_id(&a.id)) {
        return Some(
            Diagnostic::error(
                "review-file",
                format!(
                    "`{}` is not a finding id (an F and eight hex digits)",
                    bad.id.escape_debug()
                ),
            )
            .hint("copy the id from the review sheet, or use `redress review CASE --accept ID`"),
        );
    }
    let nobody = review.accepted.iter().any(|a| a.by.trim().is_empty())
        || review
            .signed_off
            .as_ref()
            .is_some_and(|s| s.by.trim().is_empty());
    nobody.then(|| {
        Diagnostic::error(
            "review-file",
            "an acceptance or the sign-off does not say who",
        )
        .hint("give the name of the member of publication staff: `by = \"…\"`")
    })
}

/// Merges the review file beside a loaded case file into its case: the
/// accepted ids, who accepted them and when, and the sign-off (the review
/// file's wins over the case file's). A review file that cannot be used is
/// an error of the case (its acceptances cannot be trusted), with its
/// place in the review file.
pub fn merge_into(loaded: &mut Loaded) {
    let path = path_for(&loaded.file.path);
    if is_review_file(&loaded.file.path) {
        return;
    }
    let review = match read(&path) {
        Ok(Some((_, review))) => review,
        Ok(None) => return,
        Err(unusable) => {
            let (file, diag) = *unusable;
            loaded.add([placed_elsewhere(&file, diag)]);
            loaded.case = None;
            return;
        }
    };
    let Some(case) = &mut loaded.case else {
        return;
    };
    if review.reference.trim() != case.case.reference.trim() {
        let diag = Diagnostic::error(
            "review-file",
            format!(
                "`{}` is the review of case {}, not of this case ({})",
                display_path(&path),
                review.reference,
                case.case.reference
            ),
        )
        .hint("move it away (it belongs with the other case's file), then review this case with `redress review`");
        loaded.add([diag]);
        loaded.case = None;
        return;
    }
    if let Some(sign) = &review.signed_off
        && sign.on < case.case.decision_date
    {
        let diag = Diagnostic::error(
            "review-file",
            format!(
                "in the review file {}: the review is signed off on {}, before the date of the decision it reviews ({})",
                display_path(&path),
                sign.on,
                case.case.decision_date
            ),
        )
        .hint("the review of the publication copies comes after the decision: sign off again with `redress review CASE --sign-off NAME`");
        loaded.add([diag]);
        loaded.case = None;
        return;
    }
    for a in &review.accepted {
        if !case.review.accepted.contains(&a.id) {
            case.review.accepted.push(a.id.clone());
        }
        case.review.recorded.push(Acceptance {
            id: a.id.clone(),
            by: a.by.clone(),
            on: a.on,
        });
    }
    if review.signed_off.is_some() {
        case.review.signed_off = review.signed_off;
    }
}

/// A diagnostic about the review file, as one of the case file's: its
/// place in the review file is in the message (the case file's lines are
/// the ones shown).
fn placed_elsewhere(file: &SourceFile, diag: Diagnostic) -> Diagnostic {
    let place = match &diag.range {
        Some(range) => {
            let (line, column) = file.line_col(range.start);
            format!("{}:{line}:{column}", display_path(&file.path))
        }
        None => display_path(&file.path),
    };
    Diagnostic {
        message: format!("in the review file {place}: {}", diag.message),
        range: None,
        path: None,
        ..diag
    }
}

/// The review file as TOML, with a header that says what it is.
pub fn to_toml(review: &ReviewFile) -> String {
    let s = |text: &str| toml::Value::String(text.to_string()).to_string();
    let mut out = format!(
        "# The review of case {} by publication staff, kept by `redress review`\n\
         # beside the case file (which it never changes): each finding accepted,\n\
         # who accepted it and when, and the sign-off. Internal: never publish it.\n\
         reference = {}\n",
        review.reference,
        s(&review.reference)
    );
    for a in &review.accepted {
        out.push_str(&format!(
            "\n[[accepted]]\nid = {}\nby = {}\non = {}\n",
            s(&a.id),
            s(&a.by),
            a.on
        ));
        if let Some(what) = &a.what {
            out.push_str(&format!("what = {}\n", s(what)));
        }
    }
    if let Some(sign) = &review.signed_off {
        out.push_str(&format!(
            "\n[signed_off]\nby = {}\non = {}\n",
            s(&sign.by),
            sign.on
        ));
    }
    out
}

/// Writes a review file whole (a temporary file beside it, renamed over
/// it), so that a reader never sees half of one.
pub fn write(path: &Path, review: &ReviewFile) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".review.")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    std::io::Write::write_all(&mut temp, to_toml(review).as_bytes())?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> ReviewFile {
        ReviewFile {
            reference: "23 004 118".into(),
            accepted: vec![Accepted {
                id: "Fd53d2422".into(),
                by: "Sam \"Sammy\" Okafor".into(),
                on: Date::from_ymd(2024, 1, 30).unwrap(),
                what: Some("name, in investigation.what_happened".into()),
            }],
            signed_off: Some(SignOff {
                by: "Sam Okafor".into(),
                on: Date::from_ymd(2024, 1, 31).unwrap(),
            }),
        }
    }

    #[test]
    fn a_review_file_reads_back_what_was_written() {
        let text = to_toml(&sample());
        let file = SourceFile::new("s01.review.toml", text.clone());
        let read: ReviewFile =
            crate::case::load_toml(&file).unwrap_or_else(|d| panic!("{d:?}\n{text}"));
        assert_eq!(read, sample());
        assert!(text.contains("on = 2024-01-30\n"), "{text}");
    }

    #[test]
    fn a_mistake_in_a_review_file_is_placed() {
        let text = "reference = \"23 004 118\"\n\n[[accepted]]\nid = \"Fd53d2422\"\nby = \"Sam\"\non = 2024-01-30\nwhy = \"x\"\n";
        let file = SourceFile::new("s01.review.toml", text);
        let diag = crate::case::load_toml::<ReviewFile>(&file).unwrap_err();
        assert_eq!(diag.code, "unknown-field");
        let (line, _) = file.line_col(diag.range.unwrap().start);
        assert_eq!(line, 7);
        let bad = ReviewFile {
            accepted: vec![Accepted {
                id: "F12".into(),
                ..sample().accepted[0].clone()
            }],
            ..sample()
        };
        assert!(check(&bad).is_some());
        assert!(check(&sample()).is_none());
    }

    #[test]
    fn the_review_file_sits_beside_the_case_file() {
        assert_eq!(
            path_for(Path::new("cases/s01.toml")),
            Path::new("cases/s01.review.toml")
        );
        assert_eq!(path_for(Path::new("c.json")), Path::new("c.review.toml"));
        assert!(is_review_file(Path::new("cases/s01.review.toml")));
        assert!(!is_review_file(Path::new("cases/s01.toml")));
    }
}
