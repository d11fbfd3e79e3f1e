//! The bounds on what a case file may be, so that a mistaken or hostile
//! file gets a located error rather than the memory or the stack it asks
//! for: its size, and how deeply it nests.

use std::ops::Range;

use super::tree::{Node, Spanned};
use crate::diag::Diagnostic;

/// The largest case file redress reads. A field holds at most
/// [`MAX_FIELD_CHARS`](super::MAX_FIELD_CHARS) characters, so a real case
/// file is far smaller; this bounds the memory a stray file can take.
pub const MAX_FILE_BYTES: usize = 16 << 20;

/// How deeply a case file may nest arrays and tables. A real one nests a
/// few levels (`escalation.requested[0].body`); the bound keeps the
/// recursive parsing and checking of a hostile file off the end of the stack.
pub const MAX_DEPTH: usize = 32;

/// The diagnostic for a file larger than [`MAX_FILE_BYTES`].
pub(super) fn too_large() -> Diagnostic {
    Diagnostic::error(
        "file-too-large",
        format!(
            "the file is larger than {} MiB, which no case file is",
            MAX_FILE_BYTES >> 20
        ),
    )
    .hint("check that this is a case file, and that nothing was pasted into it by mistake")
    .with_range(0..0)
}

/// The diagnostic for a file nested deeper than [`MAX_DEPTH`], at `range`.
pub(super) fn too_deep(range: Range<usize>) -> Diagnostic {
    Diagnostic::error(
        "too-deep",
        format!("the file nests lists and tables more than {MAX_DEPTH} levels deep"),
    )
    .hint("a case file nests a few levels at most: look for a bracket that is never closed, or check that this is a case file")
    .with_range(range)
}

/// The TOML parser's own recursion limit, reported like [`MAX_DEPTH`].
pub(super) fn too_deep_toml(diag: Diagnostic) -> Diagnostic {
    if diag.code == "syntax" && diag.message.contains("recurs") {
        too_deep(diag.range.unwrap_or(0..0))
    } else {
        diag
    }
}

/// Where a JSON text opens its array or object deeper than [`MAX_DEPTH`]
/// (found before parsing: the parser recurses once per level).
pub(super) fn json_too_deep(text: &str) -> Option<usize> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for (i, b) in text.bytes().enumerate() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Some(i);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// The first value nested deeper than [`MAX_DEPTH`] (TOML's dotted keys and
/// table headers nest without brackets), walked without recursion.
pub(super) fn tree_too_deep(tree: &Spanned) -> Option<Range<usize>> {
    let mut stack = vec![(tree, 0usize)];
    while let Some((node, depth)) = stack.pop() {
        let children: Vec<&Spanned> = match &node.node {
            Node::Array(items) => items.iter().collect(),
            Node::Table(entries) => entries.iter().map(|e| &e.value).collect(),
            _ => continue,
        };
        if depth >= MAX_DEPTH && !children.is_empty() {
            return Some(node.span.clone());
        }
        stack.extend(children.into_iter().map(|c| (c, depth + 1)));
    }
    None
}
