//! Reading a case file: bytes → text → spanned tree → [`Case`], then the
//! semantic checks of [`validate`](super::validate).
//!
//! serde stops at the first error, but an investigator wants every problem
//! at once. So deserialisation runs in a loop: each error is recorded with
//! its path, the offending key (or list item) is set aside, and the rest is
//! tried again. Paths are mapped back to the file through the tree, so every
//! diagnostic has a line and column.

use std::ops::Range;
use std::path::Path;

use serde_json::Value;

use super::Case;
use super::limits::{self, MAX_FILE_BYTES};
use super::tree::{self, Seg, Spanned, path_string};
use super::validate::{Coverage, validate};
use crate::diag::{Diagnostic, SourceFile, did_you_mean};

/// A case file after loading: its text, the case if it is usable, and every
/// diagnostic with its position resolved.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The file, for rendering diagnostics.
    pub file: SourceFile,
    /// The case, when there are no errors (warnings allowed).
    pub case: Option<Case>,
    /// Errors and warnings, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// Where each key and value is in the file, when it parsed.
    tree: Option<Spanned>,
}

impl Loaded {
    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// Where in the file a piece of a string field is: `start..end` are
    /// byte offsets into the field's value (`complaint.points[0].text`).
    /// The field's whole value when the piece cannot be placed exactly (a
    /// TOML escape inside it).
    pub fn locate_in_field(&self, field: &str, start: usize, end: usize) -> Option<Range<usize>> {
        let tree = self.tree.as_ref()?;
        let path = parse_path(field)?;
        let span = tree.locate(&path, false);
        let value = tree.string_at(&path)?;
        let piece = value.get(start..end)?;
        if piece.is_empty() {
            return Some(span);
        }
        // The n-th occurrence of the piece in the value is the n-th in the
        // file's text of it (escapes aside).
        let nth = value[..start].matches(piece).count();
        let raw = self.file.text.get(span.clone())?;
        let found = raw.match_indices(piece).nth(nth).map(|(at, _)| at);
        Some(match found {
            Some(at) => span.start + at..span.start + at + piece.len(),
            None => span,
        })
    }

    /// The byte range of a field's value (`people[1].phones[0]`) in the
    /// file, when the file parses and holds it.
    pub fn locate_field(&self, field: &str) -> Option<Range<usize>> {
        let tree = self.tree.as_ref()?;
        Some(tree.locate(&parse_path(field)?, false))
    }

    /// Adds diagnostics found after loading (in file order).
    pub fn add(&mut self, diagnostics: impl IntoIterator<Item = Diagnostic>) {
        self.diagnostics.extend(diagnostics);
        self.diagnostics
            .sort_by_key(|d| d.range.as_ref().map_or(0, |r| r.start));
    }
}

/// `people[2].born` → its segments.
fn parse_path(path: &str) -> Option<Vec<Seg>> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let (key, mut rest) = match part.find('[') {
            Some(at) => (&part[..at], &part[at..]),
            None => (part, ""),
        };
        if !key.is_empty() {
            out.push(Seg::Key(key.to_string()));
        }
        while let Some(inner) = rest.strip_prefix('[') {
            let close = inner.find(']')?;
            out.push(Seg::Index(inner[..close].parse().ok()?));
            rest = &inner[close + 1..];
        }
    }
    Some(out)
}

/// The two case-file formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// TOML, for people.
    Toml,
    /// JSON, for case systems.
    Json,
}

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
        return Loaded {
            file: SourceFile::new(path, String::new()),
            case: None,
            diagnostics: vec![limits::too_large()],
            tree: None,
        };
    }
    let (text, problem) = decode(bytes);
    let file = SourceFile::new(path, text);
    if let Some(diag) = problem {
        return Loaded {
            file,
            case: None,
            diagnostics: vec![diag],
            tree: None,
        };
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
        Err(diag) => {
            return Loaded {
                file,
                case: None,
                diagnostics: vec![diag],
                tree: None,
            };
        }
    };
    let (case, mut diagnostics, recovery) = deserialize_all(&tree, format);
    if let Some(case) = &case {
        for (path, diag) in validate(case, coverage) {
            let path = recovery.removed.to_original(&path);
            if !recovery.keeps(&path, diag.code) {
                continue;
            }
            let range = tree.locate(&path, false);
            diagnostics.push(diag.at(path_string(&path)).with_range(range));
        }
    }
    diagnostics.sort_by_key(|d| d.range.as_ref().map_or(0, |r| r.start));
    let case = case.filter(|_| !diagnostics.iter().any(Diagnostic::is_error));
    Loaded {
        file,
        case,
        diagnostics,
        tree: Some(tree),
    }
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

fn detect_format(path: &Path, text: &str) -> Format {
    match path.extension().and_then(|e| e.to_str()) {
        Some(e) if e.eq_ignore_ascii_case("json") => Format::Json,
        Some(e) if e.eq_ignore_ascii_case("toml") => Format::Toml,
        _ if text.trim_start().starts_with('{') => Format::Json,
        _ => Format::Toml,
    }
}

/// The top-level sections of a case file (checked against [`Case`] by a test).
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
#[derive(Default)]
struct Recovery {
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
}

/// Deserialises the whole case, collecting every error it can find. The
/// case comes back whenever the file could be read once its errors were set
/// aside, so that the semantic checks can run on the rest: it is usable only
/// when there is no diagnostic.
fn deserialize_all(tree: &Spanned, format: Format) -> (Option<Case>, Vec<Diagnostic>, Recovery) {
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
        if !problem.set_aside(&mut value, removed, &mut set_aside, &original) {
            break;
        }
    }
    (None, diagnostics, recovery)
}

fn convert_path(path: &serde_path_to_error::Path) -> Vec<Seg> {
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
struct Problem {
    /// Where, in the current (possibly pruned) value.
    path: Vec<Seg>,
    kind: ProblemKind,
}

enum ProblemKind {
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
    /// A date outside [`Date::CASE_FIRST`](super::Date::CASE_FIRST) and
    /// [`Date::CASE_LAST`](super::Date::CASE_LAST): what is wrong, and why.
    DateOutOfRange(String, String),
}

impl Problem {
    fn classify(message: &str, mut path: Vec<Seg>) -> Self {
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
        if message.contains(super::date::OUT_OF_RANGE) {
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

    fn diagnostic(&self, original: &[Seg], format: Format) -> Diagnostic {
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
                let help = super::help::field_help(original, format);
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

    /// Sets the problem aside so deserialisation can go on; false when it
    /// cannot (the error is in a required top-level part).
    fn set_aside(
        &self,
        value: &mut Value,
        removed: &mut Removed,
        set_aside: &mut Vec<(Vec<Seg>, String)>,
        original: &[Seg],
    ) -> bool {
        match (&self.kind, self.path.last()) {
            (ProblemKind::Missing(_), _) | (_, Some(Seg::Index(_)) | None) => {
                removed.remove_enclosing_item(value, &self.path)
            }
            (_, Some(Seg::Key(key))) => {
                let parent = &self.path[..self.path.len() - 1];
                if !matches!(self.kind, ProblemKind::UnknownField { .. }) {
                    set_aside.push((original[..original.len() - 1].to_vec(), key.clone()));
                }
                match lookup_mut(value, parent).and_then(Value::as_object_mut) {
                    Some(map) => map.remove(key).is_some(),
                    None => false,
                }
            }
        }
    }
}

/// List items removed so far, to map paths back to the file.
#[derive(Default)]
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

    use crate::case::tests_support::MINIMAL;

    fn codes(loaded: &Loaded) -> Vec<&'static str> {
        loaded.diagnostics.iter().map(|d| d.code).collect()
    }

    #[test]
    fn serde_messages_keep_their_shape() {
        // The recovery loop reads serde's messages: if serde changes them,
        // this test says so before users see worse errors.
        let err = serde_json::from_str::<super::super::Complaint>(
            r#"{"points": [], "injustice": "", "nmae": 1}"#,
        )
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
