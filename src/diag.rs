//! Diagnostics about the user's files: case files, templates and the Typst
//! source generated from them.
//!
//! A [`Diagnostic`] is data: a severity, a stable code, a plain message, hints,
//! and where it happened (the field path and, once resolved against the file,
//! its byte range). Rendering is an adapter: [`emit`] writes the human or
//! short form through codespan-reporting, [`to_json`] writes the machine form.
//!
//! Privacy rule: the human form shows the line of the case file, which may
//! hold a real name; that is acceptable on the operator's terminal. The JSON
//! form carries file, position, code and message only, never a snippet.

use std::ops::Range;
use std::path::{Path, PathBuf};

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, termcolor::WriteColor};
use serde::Serialize;

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The input cannot be used until this is fixed.
    Error,
    /// The input can be used, but a person should look at this.
    Warning,
}

/// One problem found in a file the user wrote.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// A stable, kebab-case code, e.g. `unknown-field`.
    pub code: &'static str,
    /// What is wrong, in plain words (lowercase, no trailing period).
    pub message: String,
    /// How to fix it, where a fix is likely.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub hints: Vec<String>,
    /// The field the problem is about, e.g. `people[1].born`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// Byte range in the file, once resolved.
    #[serde(skip)]
    pub range: Option<Range<usize>>,
}

impl Diagnostic {
    /// An error with a code and a message.
    pub fn error(code: &'static str, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            code,
            message: message.into(),
            hints: Vec::new(),
            path: None,
            range: None,
        }
    }

    /// A warning with a code and a message.
    pub fn warning(code: &'static str, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(code, message)
        }
    }

    /// Adds a hint.
    #[must_use]
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hints.push(hint.into());
        self
    }

    /// Sets the field path.
    #[must_use]
    pub fn at(mut self, path: impl Into<String>) -> Self {
        self.path = Some(path.into());
        self
    }

    /// Sets the byte range.
    #[must_use]
    pub fn with_range(mut self, range: Range<usize>) -> Self {
        self.range = Some(range);
        self
    }

    /// Sets the byte range, when it is known (a value the file does not
    /// hold as written leaves the diagnostic on its field).
    #[must_use]
    pub fn placed(self, range: Option<Range<usize>>) -> Self {
        match range {
            Some(range) => self.with_range(range),
            None => self,
        }
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// A file that diagnostics point into.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as the user gave it.
    pub path: PathBuf,
    /// Its text (empty when it could not be read as text).
    pub text: String,
}

impl SourceFile {
    /// A file with its text.
    pub fn new(path: impl Into<PathBuf>, text: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            text: text.into(),
        }
    }

    /// One-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let before = &self.text[..floor_char_boundary(&self.text, offset)];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        (line, before[line_start..].chars().count() + 1)
    }

    /// The byte offset of a one-based line and column.
    pub fn offset(&self, line: usize, column: usize) -> usize {
        let mut offset = 0;
        for (i, l) in self.text.split_inclusive('\n').enumerate() {
            if i + 1 == line {
                let col = l.char_indices().nth(column.saturating_sub(1));
                return offset + col.map_or(l.trim_end_matches('\n').len(), |(b, _)| b);
            }
            offset += l.len();
        }
        self.text.len()
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// How diagnostics are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// With the source line and a caret under the problem.
    #[default]
    Human,
    /// One line each: `file:line:col: severity[code]: message`.
    Short,
    /// One JSON object per line, without snippets or values.
    Json,
}

/// Writes diagnostics about one file.
pub fn emit(
    out: &mut dyn WriteColor,
    file: &SourceFile,
    diagnostics: &[Diagnostic],
    format: Format,
) -> std::io::Result<()> {
    match format {
        Format::Json => {
            for diag in diagnostics {
                writeln!(out, "{}", to_json(file, diag))?;
            }
            Ok(())
        }
        Format::Human | Format::Short => {
            let name = display_path(&file.path);
            let files = SimpleFile::new(name.as_str(), file.text.as_str());
            let mut config = term::Config::default();
            if format == Format::Short {
                config.display_style = term::DisplayStyle::Short;
            }
            for diag in diagnostics {
                let excerpt = match (&diag.range, format) {
                    (Some(range), Format::Human) => Excerpt::of(&name, &file.text, range),
                    _ => None,
                };
                match excerpt {
                    Some((excerpt, range)) => {
                        let diag = to_codespan(&Diagnostic {
                            range: Some(range),
                            ..diag.clone()
                        });
                        term::emit(out, &config, &excerpt, &diag)
                    }
                    None => term::emit(out, &config, &files, &to_codespan(diag)),
                }
                .map_err(std::io::Error::other)?;
            }
            Ok(())
        }
    }
}

/// The longest line (in bytes) shown whole under a diagnostic. A longer one,
/// such as a JSON file written on one line, is shown as a window around the
/// problem: printing it whole would print the file once per problem.
const MAX_SHOWN_LINE: usize = 240;

/// Characters of a long line shown before the problem, and after its start.
const WINDOW: (usize, usize) = (60, 120);

/// One long line of a file, cut to a window around a problem, that still
/// gives the problem's place in the whole file.
struct Excerpt<'a> {
    name: &'a str,
    /// The window, with `…` where the line was cut.
    text: String,
    /// The line's index in the file.
    line: usize,
    /// Characters of the line cut before the window, less the `…`.
    hidden: usize,
}

impl<'a> Excerpt<'a> {
    /// The excerpt for a problem at `range` and the range within it, when
    /// the line the problem starts on (or ends on) is too long to show.
    fn of(name: &'a str, text: &str, range: &Range<usize>) -> Option<(Self, Range<usize>)> {
        let start = floor_char_boundary(text, range.start.min(text.len()));
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let end = floor_char_boundary(text, range.end.min(text.len())).max(start);
        let last_line_long = end > line_end
            && text[end..].find('\n').map_or(text.len(), |i| end + i)
                - text[..end].rfind('\n').map_or(0, |i| i + 1)
                > MAX_SHOWN_LINE;
        if line_end - line_start <= MAX_SHOWN_LINE && !last_line_long {
            return None;
        }
        let line = &text[line_start..line_end];
        let at = start - line_start;
        let before = line[..at].chars().count();
        let cut = before.saturating_sub(WINDOW.0);
        let from = line.char_indices().nth(cut).map_or(line.len(), |(b, _)| b);
        let to = line[at..]
            .char_indices()
            .nth(WINDOW.1)
            .map_or(line.len(), |(b, _)| at + b);
        let open = if from > 0 { "…" } else { "" };
        let close = if to < line.len() { "…" } else { "" };
        let excerpt = Self {
            name,
            text: format!("{open}{}{close}", &line[from..to]),
            line: text[..line_start].matches('\n').count(),
            hidden: cut.saturating_sub(usize::from(from > 0)),
        };
        let shift = |byte: usize| {
            open.len() + byte.clamp(line_start + from, line_start + to) - line_start - from
        };
        let inner = shift(start)..shift(end.min(line_end));
        Some((excerpt, inner))
    }
}

impl<'a> codespan_reporting::files::Files<'a> for Excerpt<'_> {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, codespan_reporting::files::Error> {
        Ok(self.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, codespan_reporting::files::Error> {
        Ok(&self.text)
    }

    fn line_index(&'a self, (): (), _: usize) -> Result<usize, codespan_reporting::files::Error> {
        Ok(self.line)
    }

    fn column_number(
        &'a self,
        (): (),
        _: usize,
        byte: usize,
    ) -> Result<usize, codespan_reporting::files::Error> {
        let byte = floor_char_boundary(&self.text, byte.min(self.text.len()));
        Ok(self.hidden + self.text[..byte].chars().count() + 1)
    }

    fn line_range(
        &'a self,
        (): (),
        line: usize,
    ) -> Result<Range<usize>, codespan_reporting::files::Error> {
        if line == self.line {
            Ok(0..self.text.len())
        } else {
            Err(codespan_reporting::files::Error::LineTooLarge {
                given: line,
                max: self.line,
            })
        }
    }
}

/// Renders diagnostics to a plain string (no colour), for logs and tests.
pub fn render_plain(file: &SourceFile, diagnostics: &[Diagnostic], format: Format) -> String {
    let mut buf = term::termcolor::NoColor::new(Vec::new());
    emit(&mut buf, file, diagnostics, format).expect("writing to memory cannot fail");
    String::from_utf8_lossy(&buf.into_inner()).into_owned()
}

fn to_codespan(diag: &Diagnostic) -> CsDiagnostic<()> {
    let cs = match diag.severity {
        Severity::Error => CsDiagnostic::error(),
        Severity::Warning => CsDiagnostic::warning(),
    };
    let mut labels = Vec::new();
    if let Some(range) = &diag.range {
        let label = Label::primary((), range.clone());
        labels.push(match &diag.path {
            Some(path) => label.with_message(format!("in `{path}`")),
            None => label,
        });
    }
    let mut notes: Vec<String> = diag.hints.iter().map(|h| format!("hint: {h}")).collect();
    if diag.range.is_none()
        && let Some(path) = &diag.path
    {
        notes.insert(0, format!("in `{path}`"));
    }
    cs.with_code(diag.code)
        .with_message(&diag.message)
        .with_labels(labels)
        .with_notes(notes)
}

/// The machine-readable form of one diagnostic: file, position, code, message
/// and hints, never the text of the file.
pub fn to_json(file: &SourceFile, diag: &Diagnostic) -> serde_json::Value {
    let (line, column) = diag
        .range
        .as_ref()
        .map(|r| file.line_col(r.start))
        .map_or((None, None), |(l, c)| (Some(l), Some(c)));
    serde_json::json!({
        "file": display_path(&file.path),
        "line": line,
        "column": column,
        "severity": diag.severity,
        "code": diag.code,
        "message": diag.message,
        "path": diag.path,
        "hints": diag.hints,
    })
}

/// A path as shown to users: forward slashes, relative as given.
pub fn display_path(path: &Path) -> String {
    path.display().to_string().replace('\\', "/")
}

/// Finds the closest candidate within edit distance 2 (the rule `just` uses).
pub fn did_you_mean<'a>(
    wrong: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(wrong, c), c))
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, c)| (*d, *c))
        .map(|(_, c)| c)
}

/// "1 error", "2 warnings".
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_is_one_based_and_counts_characters() {
        let f = SourceFile::new("x.toml", "a = 1\nnäme = 2\n");
        assert_eq!(f.line_col(0), (1, 1));
        assert_eq!(f.line_col(6), (2, 1));
        assert_eq!(f.line_col(f.text.find('=').unwrap()), (1, 3));
        let eq2 = f.text.rfind('=').unwrap();
        assert_eq!(f.line_col(eq2), (2, 6));
        assert_eq!(f.offset(2, 6), eq2);
    }

    #[test]
    fn suggestions_need_a_near_miss() {
        let fields = ["name", "title", "aliases"];
        assert_eq!(did_you_mean("nmae", fields), Some("name"));
        assert_eq!(did_you_mean("alias", fields), Some("aliases"));
        assert_eq!(did_you_mean("birthday", fields), None);
    }

    #[test]
    fn a_long_line_is_shown_as_a_window_with_its_true_place() {
        let line = format!(
            "{{\"a\": \"{}\", \"nmae\": 1, \"b\": \"{}\"}}",
            "x".repeat(5000),
            "y".repeat(5000)
        );
        let text = format!("first line\n{line}\nlast\n");
        let f = SourceFile::new("case.json", text.clone());
        let at = text.find("\"nmae\"").unwrap();
        let d = Diagnostic::error("unknown-field", "unknown field").with_range(at..at + 6);
        let (line_no, col) = f.line_col(at);
        let shown = render_plain(&f, std::slice::from_ref(&d), Format::Human);
        assert!(
            shown.contains(&format!("case.json:{line_no}:{col}")),
            "{shown}"
        );
        assert!(shown.contains("…xxx"), "{shown}");
        assert!(shown.contains("\"nmae\": 1"), "{shown}");
        assert!(shown.len() < 1000, "{} bytes", shown.len());
        // The caret is under the key.
        let lines: Vec<&str> = shown.lines().collect();
        let source = lines.iter().position(|l| l.contains("\"nmae\"")).unwrap();
        let caret = lines[source + 1].chars().position(|c| c == '^').unwrap();
        let under: String = lines[source].chars().skip(caret).take(6).collect();
        assert_eq!(under, "\"nmae\"");
        // Short lines are shown as they are.
        let short = SourceFile::new("c.toml", "a = 1\nnmae = 2\n");
        let d = Diagnostic::error("unknown-field", "unknown field").with_range(6..10);
        assert!(render_plain(&short, &[d], Format::Human).contains("c.toml:2:1"));
    }

    #[test]
    fn json_form_has_position_but_no_snippet() {
        let f = SourceFile::new("case.toml", "[case]\nreference = \"Jane Smith\"\n");
        let d = Diagnostic::error("bad-reference", "not a reference").with_range(19..31);
        let json = to_json(&f, &d).to_string();
        assert!(json.contains("\"line\":2"), "{json}");
        assert!(!json.contains("Jane"), "{json}");
    }
}
