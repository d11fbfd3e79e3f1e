//! The rows of the review sheet: each sentence of the case file that the
//! anonymiser changed (or found something in), beside the sentence the
//! publication copies print instead, paired by the anonymiser's own offsets
//! ([`Aligned`]): a sentence's start and end in the case file are mapped
//! through the edits to its start and end in the redacted field, so a row
//! can never pair one sentence with another's.
//!
//! A sentence that several fields hold, or that one field repeats, is one
//! row, listing every field it is in.

use std::collections::HashMap;
use std::ops::Range;

use super::locate::Anchor;
use super::sheet::{Change, Row, Status};
use crate::anonymise::Aligned;

/// One change at one place of a field, before it is put in a row.
pub(super) struct Mark {
    /// The case-file field.
    pub field: String,
    /// What the sentence must cover in the original text: the value and
    /// whatever went with it.
    pub span: Range<usize>,
    /// The value in the original text (marked on the sheet).
    pub original: Range<usize>,
    /// What is printed instead, in the redacted text (marked on the sheet).
    pub published: Range<usize>,
    /// The published words around it, to place it by.
    pub anchors: Vec<Anchor>,
    /// What it is and where it stands.
    pub change: Change,
}

/// A field's two texts and their alignment.
pub(super) struct Field<'a> {
    pub original: &'a str,
    pub redacted: &'a str,
    pub aligned: Aligned,
}

/// The rows for the marks, one per distinct pair of sentences, in the order
/// the fields and sentences come (`fields` in case-file order).
pub(super) fn rows(fields: &[(String, Field<'_>)], marks: Vec<Mark>) -> Vec<Row> {
    let order: HashMap<&str, usize> = fields
        .iter()
        .enumerate()
        .map(|(i, (f, _))| (f.as_str(), i))
        .collect();
    let mut by_field: Vec<Vec<Mark>> = (0..fields.len()).map(|_| Vec::new()).collect();
    for mark in marks {
        if let Some(&i) = order.get(mark.field.as_str()) {
            by_field[i].push(mark);
        }
    }
    let mut rows: Vec<Row> = Vec::new();
    let mut seen: HashMap<(String, String), usize> = HashMap::new();
    for ((name, field), mut marks) in fields.iter().zip(by_field) {
        if marks.is_empty() {
            continue;
        }
        marks.sort_by_key(|m| (m.span.start, m.span.end));
        for (unit, marks) in units(field.original, &marks) {
            let row = row(name, field, unit, &marks);
            let key = (row.original.clone(), row.published.clone());
            match seen.get(&key) {
                Some(&i) => merge(&mut rows[i], row),
                None => {
                    seen.insert(key, rows.len());
                    rows.push(row);
                }
            }
        }
    }
    rows
}

/// The sentences of a field that hold marks (a mark that runs across a
/// sentence's end joins the two), each with its marks.
fn units<'m>(text: &str, marks: &'m [Mark]) -> Vec<(Range<usize>, Vec<&'m Mark>)> {
    let sentences = sentences(text);
    let mut out: Vec<(Range<usize>, Vec<&Mark>)> = Vec::new();
    for mark in marks {
        let first = sentences
            .partition_point(|s| s.end <= mark.span.start)
            .min(sentences.len().saturating_sub(1));
        let last = sentences
            .partition_point(|s| s.start < mark.span.end.max(mark.span.start + 1))
            .saturating_sub(1)
            .max(first);
        let unit = match (sentences.get(first), sentences.get(last)) {
            (Some(a), Some(b)) => a.start.min(mark.span.start)..b.end.max(mark.span.end),
            _ => mark.span.clone(),
        };
        match out.last_mut() {
            Some((range, list)) if unit.start < range.end => {
                range.end = range.end.max(unit.end);
                list.push(mark);
            }
            _ => out.push((unit, vec![mark])),
        }
    }
    out
}

/// One row: the sentence, its published sentence by the alignment, and the
/// marks in both.
fn row(name: &str, field: &Field<'_>, unit: Range<usize>, marks: &[&Mark]) -> Row {
    let published =
        field.aligned.to_published(unit.start, false)..field.aligned.to_published(unit.end, true);
    let published = clamp(field.redacted, published);
    let original_marks: Vec<Range<usize>> = marks.iter().map(|m| m.original.clone()).collect();
    let published_marks: Vec<Range<usize>> = marks.iter().map(|m| m.published.clone()).collect();
    let (original, original_marks) = display(field.original, unit, &original_marks);
    let (published, published_marks) = display(field.redacted, published, &published_marks);
    let mut changes: Vec<Change> = Vec::new();
    for m in marks {
        if !changes.contains(&m.change) {
            changes.push(m.change.clone());
        }
    }
    let mut row = Row {
        fields: vec![name.to_string()],
        original,
        published,
        original_marks,
        published_marks,
        status: Status::Replaced,
        changes,
        places: Vec::new(),
        in_copies: Vec::new(),
        at: marks
            .iter()
            .map(|m| (m.field.clone(), m.original.clone()))
            .collect(),
        change_anchors: marks.iter().flat_map(|m| m.anchors.clone()).collect(),
    };
    row.status = status_of(&row.changes);
    row
}

/// Adds a repeat of a row's sentences (another field, or the same one
/// again) to the row.
fn merge(row: &mut Row, other: Row) {
    for f in other.fields {
        if !row.fields.contains(&f) {
            row.fields.push(f);
        }
    }
    for c in other.changes {
        if !row.changes.contains(&c) {
            row.changes.push(c);
        }
    }
    row.at.extend(other.at);
    row.change_anchors.extend(other.change_anchors);
    row.status = status_of(&row.changes);
}

/// A row needs what its most pressing change needs.
fn status_of(changes: &[Change]) -> Status {
    let rank = |s: Status| match s {
        Status::NotReviewed => 3,
        Status::Accepted => 2,
        Status::Reported => 1,
        Status::Replaced => 0,
    };
    changes
        .iter()
        .map(|c| c.status)
        .max_by_key(|&s| rank(s))
        .unwrap_or(Status::Replaced)
}

fn clamp(text: &str, range: Range<usize>) -> Range<usize> {
    let mut start = range.start.min(text.len());
    let mut end = range.end.clamp(start, text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    start..end
}

/// `text[range]` as the sheet shows it (whitespace collapsed, trimmed), and
/// where each mark is in it, in characters (marks outside the range, or
/// empty once collapsed, are left out).
pub(super) fn display(
    text: &str,
    range: Range<usize>,
    marks: &[Range<usize>],
) -> (String, Vec<(usize, usize)>) {
    let range = clamp(text, range);
    let mut out = String::new();
    // Characters written before each byte of the range.
    let mut at: Vec<(usize, usize)> = Vec::new();
    let mut chars = 0;
    let mut space = false;
    for (i, c) in text[range.clone()].char_indices() {
        at.push((range.start + i, chars));
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            chars += 1;
            space = false;
            at.last_mut().expect("just pushed").1 = chars;
        }
        out.push(c);
        chars += 1;
    }
    let to_chars = |byte: usize| {
        let i = at.partition_point(|&(b, _)| b < byte);
        at.get(i).map_or(chars, |&(_, c)| c)
    };
    let mut placed: Vec<(usize, usize)> = marks
        .iter()
        .filter(|m| m.start >= range.start && m.end <= range.end)
        .map(|m| (to_chars(m.start), to_chars(m.end)))
        .filter(|(a, b)| a < b)
        .collect();
    placed.sort_unstable();
    placed.dedup();
    (out, placed)
}

/// Byte ranges of a field's sentences, trimmed, in order. A line break
/// ends a sentence (paragraphs, list items), and so does a full stop,
/// question or exclamation mark (with a closing quote or bracket after it)
/// before a space, except after a title or an initial.
pub(super) fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let mut start = line_start;
        let bytes = line.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if matches!(bytes[i], b'.' | b'?' | b'!') {
                let mut end = i + 1;
                while end < bytes.len() && matches!(bytes[end], b'"' | b'\'' | b')') {
                    end += 1;
                }
                let at_break = end >= bytes.len() || bytes[end].is_ascii_whitespace();
                // In the case file a title and a letter are an initial
                // ("Dr S. Anand"), not a label ending a sentence.
                let initial = line[..i]
                    .rsplit(' ')
                    .next()
                    .is_some_and(|w| w.chars().count() == 1);
                if at_break && !initial && !super::locate::abbreviation_before(&line[..i]) {
                    push_trimmed(text, start, line_start + end, &mut out);
                    start = line_start + end;
                    i = end;
                    continue;
                }
            }
            i += 1;
        }
        push_trimmed(text, start, line_start + line.len(), &mut out);
        line_start += line.len();
    }
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Range<usize>>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push(start + lead..end - trail);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_end_at_stops_and_lines_not_at_titles() {
        let text = "Mrs Xu. Smith said \"no.\" Then Dr A. Bloggs left.\n- a list item\nLast one";
        let got: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            got,
            [
                "Mrs Xu.",
                "Smith said \"no.\"",
                "Then Dr A. Bloggs left.",
                "- a list item",
                "Last one"
            ]
        );
    }

    #[test]
    fn display_collapses_space_and_keeps_marks_in_characters() {
        let text = "Ms  Ó Súilleabháin\nrang.";
        let at = text.find('Ó').unwrap();
        let end = text.find('\n').unwrap();
        let mark = at..end;
        let (shown, marks) = display(text, 0..text.len(), std::slice::from_ref(&mark));
        assert_eq!(shown, "Ms Ó Súilleabháin rang.");
        let chars: Vec<char> = shown.chars().collect();
        let marked: String = chars[marks[0].0..marks[0].1].iter().collect();
        assert_eq!(marked, "Ó Súilleabháin");
    }
}
