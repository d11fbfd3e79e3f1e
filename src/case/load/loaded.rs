//! A case file after loading ([`Loaded`]): its text, the case when it is
//! usable, every diagnostic placed in the file, and where each field is.
//! Checks that run after loading (the plan's, beside the lint) add their
//! findings here, placed and listed as validation's own.

use std::ops::Range;

use super::recover::Recovery;
use crate::case::tree::{Seg, Spanned};
use crate::case::types::Case;
use crate::diag::{Diagnostic, SourceFile};

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
    /// What the checks that run after loading need, when the file parsed.
    later: Option<Later>,
}

/// What a file read into a tree keeps for the checks that run after
/// loading, so that their findings read as validation's.
#[derive(Debug, Clone)]
struct Later {
    /// The case as read, while errors keep it out of [`Loaded::case`].
    read: Option<Case>,
    /// What was set aside to read it.
    recovery: Recovery,
    /// Every diagnostic, in the order found.
    found: Vec<Diagnostic>,
    /// Where in `found` the checks that run after loading list theirs:
    /// where validation's order puts them.
    slot: usize,
}

impl Loaded {
    /// A file that could not be read into a tree, and why.
    pub(super) fn unread(file: SourceFile, diag: Diagnostic) -> Self {
        Self {
            file,
            case: None,
            diagnostics: vec![diag],
            tree: None,
            later: None,
        }
    }

    /// A file read into a tree: the case as read (kept back if any
    /// diagnostic is an error), and the diagnostics in the order found,
    /// `slot` being where the checks that run after loading list theirs.
    pub(super) fn read(
        file: SourceFile,
        tree: Spanned,
        case: Option<Case>,
        recovery: Recovery,
        found: Vec<Diagnostic>,
        slot: usize,
    ) -> Self {
        let mut loaded = Self {
            file,
            case,
            diagnostics: Vec::new(),
            tree: Some(tree),
            later: Some(Later {
                read: None,
                recovery,
                found,
                slot,
            }),
        };
        loaded.settle();
        loaded
    }

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
        let start = self.diagnostics.len();
        self.diagnostics.extend(diagnostics);
        if let Some(later) = &mut self.later {
            later.found.extend_from_slice(&self.diagnostics[start..]);
        }
        sort_by_place(&mut self.diagnostics);
    }

    /// Adds the findings of checks that run after loading (the plan's,
    /// beside the lint) as if validation had made them: placed in the file,
    /// left out where a value had to be set aside to read the rest, listed
    /// where validation lists them, and, as errors, keeping the case back.
    /// They run on the case as read, even when errors keep it back. Run
    /// them straight after loading: only [`add`](Self::add) may come first.
    pub(crate) fn add_checks(&mut self, checks: impl FnOnce(&Case) -> Vec<(Vec<Seg>, Diagnostic)>) {
        let placed = match (&self.later, &self.tree) {
            (Some(later), Some(tree)) => match self.case.as_ref().or(later.read.as_ref()) {
                Some(case) => later.recovery.place(checks(case), tree),
                None => return,
            },
            _ => return,
        };
        if let Some(later) = &mut self.later {
            let count = placed.len();
            later.found.splice(later.slot..later.slot, placed);
            later.slot += count;
        }
        self.settle();
    }

    /// The diagnostics in file order (those at one place in the order
    /// found), and the case kept back while any of them is an error.
    fn settle(&mut self) {
        let Some(later) = &mut self.later else {
            return;
        };
        self.diagnostics = later.found.clone();
        sort_by_place(&mut self.diagnostics);
        if self.diagnostics.iter().any(Diagnostic::is_error)
            && let Some(case) = self.case.take()
        {
            later.read = Some(case);
        }
    }
}

/// Sorts diagnostics into file order, keeping the order found at one place.
fn sort_by_place(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by_key(|d| d.range.as_ref().map_or(0, |r| r.start));
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
