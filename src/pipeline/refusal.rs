//! Why a redacted document was refused, said so that the investigator can
//! fix it: for each identifier found, the page and paragraph, the published
//! words around it with the identifier itself masked, the person or field
//! of the case it belongs to, the case-file field whose prose printed it,
//! and the likely fix.
//!
//! This runs only when a document has been refused, on the text the
//! verifier extracted: each page is searched again by both readings to
//! place what they found. Nothing here reaches `--json` or `manifest.json`,
//! which keep kinds and places only.

use std::ops::Range;
use std::sync::LazyLock;

use super::checks::Checks;
use crate::case::Case;
use crate::verify::{self, Found, Kind, Place, Reader, VerifyReport};
use regex::Regex;

/// Published words kept either side of a hit.
const CONTEXT_CHARS: usize = 50;
/// Words before (or after) a hit looked for in the case's prose.
const ANCHOR_WORDS: usize = 4;

/// One identifier found in a refused document, placed for a person. It
/// holds published words, so it is shown on the terminal and never
/// serialised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlacedLeak {
    /// What kind of identifier.
    pub kind: Kind,
    /// Where in the PDF.
    pub place: Place,
    /// The numbered paragraph it is in, where the page has one.
    pub paragraph: Option<u32>,
    /// The published words around it, the identifier masked (and any other
    /// identifier in them).
    pub words: Option<String>,
    /// The case-file field of the identifier (`people[1].phones[0]`).
    pub field: Option<String>,
    /// The label of the person it belongs to ("Mr Y").
    pub label: Option<String>,
    /// The prose field that printed it, and the byte range of the words
    /// around it in that field's value.
    pub source: Option<(String, Range<usize>)>,
    /// Which reading found it.
    pub found_by: Reader,
    /// How many times it is printed in this paragraph.
    pub times: usize,
    /// Whether the other reading found it too.
    pub both: bool,
}

impl PlacedLeak {
    /// What to do about it.
    pub fn fix(&self) -> String {
        let whose = match &self.label {
            Some(label) => format!("the person called {label}"),
            None => "the person".into(),
        };
        let field = self
            .field
            .as_deref()
            .unwrap_or("their entry under `people`");
        let in_prose = match &self.source {
            Some((prose, _)) => format!("in `{prose}`"),
            None => "in the prose (or a template given with --templates)".into(),
        };
        match self.kind {
            Kind::Name => format!(
                "{in_prose}, write {whose} by their label, or, if this is a spelling of their name \
                 the case does not list, add it to `{}` so that it is replaced",
                aliases_of(field)
            ),
            Kind::Generalised => format!(
                "{in_prose}, use the general wording the case gives for this term, or add the \
                 spelling used here to the term"
            ),
            Kind::Address | Kind::Postcode => format!(
                "{in_prose}, leave the address out or say what it is (\"her home\"); if it is \
                 written in a form redress does not know, write it as in `{field}`"
            ),
            kind => format!(
                "{in_prose}, leave the {} out (the offices write \"by phone\", \"by email\", \
                 \"her date of birth\") or write it exactly as in `{field}` so that it is replaced",
                kind.describe()
            ),
        }
    }
}

/// `people[1].aliases` for `people[1].phones[0]` or `people[1]`.
fn aliases_of(field: &str) -> String {
    let person = field.split('.').next().unwrap_or(field);
    format!("{person}.aliases")
}

/// Places every leak of `report` in the document's `pages` (as extracted),
/// for `case`, whose people `checks` knows by label.
pub fn explain(
    report: &VerifyReport,
    pages: &[String],
    checks: &Checks,
    case: &Case,
) -> Vec<PlacedLeak> {
    let prose: Vec<(String, String)> = case.prose();
    let mut leaks: Vec<&verify::Leak> = report.leaks.iter().collect();
    leaks.sort_by_key(|l| (l.place, l.found_by));
    let mut out: Vec<PlacedLeak> = Vec::new();
    for leak in leaks {
        let placed = match leak.place {
            Place::Page(n) if (1..=pages.len()).contains(&n) => {
                on_page(pages, n, leak.kind, leak.found_by, checks, &prose)
            }
            _ => Vec::new(),
        };
        let placed: Vec<PlacedLeak> = placed
            .into_iter()
            .filter(|r| leak.field.is_none() || r.field == leak.field)
            .collect();
        let placed = if placed.is_empty() {
            vec![PlacedLeak {
                kind: leak.kind,
                place: leak.place,
                paragraph: None,
                words: None,
                field: leak.field.clone(),
                label: label_of(leak.field.as_deref(), checks),
                source: None,
                found_by: leak.found_by,
                times: 1,
                both: false,
            }]
        } else {
            placed
        };
        for refused in placed {
            add(&mut out, refused);
        }
    }
    out
}

/// Adds `refused` to `out`, or counts it where the same person's
/// identifier of the same kind is already there for the same paragraph
/// (found by either reading, or by another needle of the same reading).
fn add(out: &mut Vec<PlacedLeak>, refused: PlacedLeak) {
    fn key(r: &PlacedLeak) -> (Kind, Place, Option<u32>, Option<&str>) {
        (r.kind, r.place, r.paragraph, person(r.field.as_deref()))
    }
    match out.iter_mut().find(|r| key(r) == key(&refused)) {
        Some(r) if r.found_by != refused.found_by => r.both = true,
        Some(r) if r.words != refused.words => r.times += 1,
        Some(_) => {}
        None => out.push(refused),
    }
}

/// `people[1]` of `people[1].phones[0]`.
fn person(field: Option<&str>) -> Option<&str> {
    let field = field?;
    Some(field.find(']').map_or(field, |end| &field[..=end]))
}

/// Everything of `kind` that `reader` finds on page `n` (1-based), one
/// entry for each run of overlapping hits (a name and its surname).
fn on_page(
    pages: &[String],
    n: usize,
    kind: Kind,
    reader: Reader,
    checks: &Checks,
    prose: &[(String, String)],
) -> Vec<PlacedLeak> {
    let page = &pages[n - 1];
    // The verifier reads the page as extracted; the anonymiser reads it
    // with whitespace collapsed, mapped back to the page for paragraphs.
    let (searched, map) = match reader {
        Reader::Verifier => (page.clone(), (0..=page.len()).collect()),
        Reader::Anonymiser => collapse(page),
    };
    let found = match reader {
        Reader::Verifier => checks.needles.find(&searched),
        Reader::Anonymiser => verify::OtherReading::find(checks, &searched),
    };
    let hits: Vec<Range<usize>> = found.iter().map(|f| f.range.clone()).collect();
    // A paragraph that runs on from an earlier page has its number there.
    let carried = || {
        pages[..n - 1]
            .iter()
            .rev()
            .find_map(|page| paragraph(page, page.len()))
    };
    widest(found.into_iter().filter(|f| f.kind == kind).collect())
        .into_iter()
        .map(|f: Found| {
            let (before, after) = around(&searched, &f.range, &hits);
            PlacedLeak {
                kind,
                place: Place::Page(n),
                paragraph: paragraph(page, map[f.range.start]).or_else(carried),
                words: Some(format!(
                    "…{before}{}{after}…",
                    mask(&searched[f.range.clone()])
                )),
                label: label_of(f.field.as_deref(), checks),
                field: f.field,
                source: source(prose, &before, &after),
                found_by: reader,
                times: 1,
                both: false,
            }
        })
        .collect()
}

/// Of hits that overlap, the widest.
fn widest(mut found: Vec<Found>) -> Vec<Found> {
    found.sort_by_key(|f| (f.range.start, std::cmp::Reverse(f.range.end)));
    let mut out: Vec<Found> = Vec::new();
    for f in found {
        match out.last_mut() {
            Some(last) if f.range.start < last.range.end => {
                if f.range.end > last.range.end {
                    last.range.end = f.range.end;
                }
            }
            _ => out.push(f),
        }
    }
    out
}

/// `text` with every run of whitespace made one space, and for each byte
/// of the result (and its end) the offset it came from.
fn collapse(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    for (at, c) in text.char_indices() {
        if c.is_whitespace() {
            if out.is_empty() || out.ends_with(' ') {
                continue;
            }
            out.push(' ');
            map.push(at);
        } else {
            out.push(c);
            map.extend(std::iter::repeat_n(at, c.len_utf8()));
        }
    }
    map.push(text.len());
    (out, map)
}

/// The label of the person a field belongs to.
fn label_of(field: Option<&str>, checks: &Checks) -> Option<String> {
    let index: usize = field?
        .strip_prefix("people[")?
        .split(']')
        .next()?
        .parse()
        .ok()?;
    checks.labels.get(index).cloned()
}

/// Up to [`CONTEXT_CHARS`] of text either side of `hit`, on one line, with
/// every other hit in them masked.
fn around(text: &str, hit: &Range<usize>, hits: &[Range<usize>]) -> (String, String) {
    let start = text.floor_char_boundary(hit.start.saturating_sub(CONTEXT_CHARS * 2));
    let end = text.ceil_char_boundary((hit.end + CONTEXT_CHARS * 2).min(text.len()));
    let masked = |range: Range<usize>| {
        let mut out = String::new();
        let mut at = range.start;
        for other in hits
            .iter()
            .filter(|h| h.start < range.end && h.end > range.start)
        {
            let (from, to) = (other.start.max(range.start), other.end.min(range.end));
            if from > at {
                out.push_str(&text[at..from]);
            }
            out.push_str(&mask(&text[from.max(at)..to.max(at)]));
            at = at.max(to);
        }
        out.push_str(&text[at.min(range.end)..range.end]);
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let before = masked(start..hit.start);
    let after = masked(hit.end..end);
    let before: String = {
        let chars: Vec<char> = before.chars().collect();
        let from = chars.len().saturating_sub(CONTEXT_CHARS);
        chars[from..].iter().collect()
    };
    let after: String = after.chars().take(CONTEXT_CHARS).collect();
    let space = |s: &str, at_start: bool| match (s.is_empty(), at_start) {
        (true, _) => String::new(),
        (false, true) => format!("{s} "),
        (false, false) => format!(" {s}"),
    };
    let before = if text[..hit.start].ends_with(char::is_whitespace) {
        space(&before, true)
    } else {
        before
    };
    let after = if text[hit.end..].starts_with(char::is_whitespace) {
        space(&after, false)
    } else {
        after
    };
    (before, after)
}

/// A run of blocks as long as the text it hides (at most 12).
fn mask(text: &str) -> String {
    "█".repeat(
        text.chars()
            .filter(|c| !c.is_whitespace())
            .count()
            .clamp(1, 12),
    )
}

static NUMBERED_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^\s*(\d{1,3})\.(?:\s|$)").expect("valid regex"));

/// The numbered paragraph `at` is in: the last line before it on the page
/// that starts with a paragraph number ("12.").
fn paragraph(page: &str, at: usize) -> Option<u32> {
    let before = &page[..page.floor_char_boundary(at.min(page.len()))];
    NUMBERED_LINE
        .captures_iter(before)
        .last()
        .and_then(|c| c[1].parse().ok())
}

/// The prose field whose text holds the published words just before (or
/// just after) a hit, and where in it. Labels and other replacements
/// differ between the prose and the document, so only the nearest words
/// are looked for, and only if they hold no mask.
fn source(prose: &[(String, String)], before: &str, after: &str) -> Option<(String, Range<usize>)> {
    let words_before: Vec<&str> = before.split_whitespace().collect();
    let words_after: Vec<&str> = after.split_whitespace().collect();
    let tail = &words_before[words_before.len().saturating_sub(ANCHOR_WORDS)..];
    let head = &words_after[..words_after.len().min(ANCHOR_WORDS)];
    for anchor in [tail, head] {
        if anchor.len() < 2 || anchor.iter().any(|w| w.contains('█')) {
            continue;
        }
        let pattern = anchor
            .iter()
            .map(|w| regex::escape(w))
            .collect::<Vec<_>>()
            .join(r"\s+");
        let Ok(re) = Regex::new(&format!("(?i){pattern}")) else {
            continue;
        };
        let mut matches = prose
            .iter()
            .filter_map(|(path, text)| re.find(text).map(|m| (path, m.range())));
        if let (Some((path, range)), None) = (matches.next(), matches.next()) {
            return Some((path.clone(), range));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hit_and_other_hits_near_it_are_masked() {
        let text = "1. We spoke to Ann Lee on\n07700 900123 about the care plan.";
        let hit = 15..22;
        let (before, after) = around(text, &hit, &[15..22, 26..38]);
        assert_eq!(before, "1. We spoke to ");
        assert_eq!(after, " on ███████████ about the care plan.");
        assert_eq!(mask("Ann Lee"), "██████");
    }

    #[test]
    fn paragraphs_are_read_from_numbered_lines() {
        let lines = "Findings\n11. The Council\nagreed.\n12.\nIt did not\nwrite to Ann Lee.";
        assert_eq!(paragraph(lines, lines.find("Ann").unwrap()), Some(12));
        assert_eq!(paragraph(lines, 3), None);
        let (collapsed, map) = collapse("12.\nIt  did\n write");
        assert_eq!(collapsed, "12. It did write");
        assert_eq!(map[collapsed.find("write").unwrap()], 13);
    }

    #[test]
    fn overlapping_hits_are_one() {
        let found = |range: Range<usize>| Found {
            range,
            kind: Kind::Name,
            field: None,
        };
        let merged = widest(vec![found(4..8), found(0..8), found(10..12)]);
        let ranges: Vec<Range<usize>> = merged.into_iter().map(|f| f.range).collect();
        assert_eq!(ranges, vec![0..8, 10..12]);
    }

    #[test]
    fn the_source_is_the_one_prose_field_holding_the_nearest_words() {
        let prose = vec![
            ("case.summary".to_string(), "Mrs X complained.".to_string()),
            (
                "investigation.considered".to_string(),
                "I spoke to her on\n8 April about   the care plan.".to_string(),
            ),
        ];
        let found = source(&prose, "I spoke to her on ", " about the care plan.");
        assert_eq!(
            found.map(|(f, _)| f),
            Some("investigation.considered".into())
        );
        assert_eq!(source(&prose, "██ ██", " nowhere at all"), None);
    }
}
