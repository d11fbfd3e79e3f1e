//! The verify stage: proves a redacted PDF clean, or refuses it.
//!
//! The PDF is read back with lopdf, independently of how it was made, and
//! searched for every listed identifier of the case by the verifier's own
//! [`Needles`], derived from the case's raw values with their own reading
//! of text (nothing is shared with the anonymiser, so a spelling it misses
//! is still caught here), and by any other [`Reading`] the caller asks to
//! agree (the pipeline passes the anonymiser's own leak check):
//!
//! - the text of every page, normalised (line-end hyphens joined, runs of
//!   whitespace collapsed, typographic apostrophes folded);
//! - every string outside the content streams: the Info dictionary, outline
//!   titles, and the structure tree's `/T`, `/Alt`, `/ActualText`, `/E`;
//! - the XMP metadata stream.
//!
//! It also refuses what a publication PDF must not hold: annotations, form
//! fields, embedded files, JavaScript, actions that run on opening, hidden
//! (optional-content) layers, and more than one revision. A PDF that cannot
//! be read at all is not proven clean either: fail closed.
//!
//! Reports name the kind, place and case-file field of a leak, and which
//! reading found it, never its value.

mod needles;
mod text;

use std::sync::LazyLock;

use lopdf::{Document, Object};
use regex::Regex;
use serde::Serialize;

pub use needles::{Found, Kind, Needles};

/// Where in a PDF something was found.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case", tag = "in", content = "page")]
pub enum Place {
    /// The text of a page (1-based).
    Page(usize),
    /// A string outside the page text: metadata, outline, structure tree.
    Metadata,
    /// The XMP metadata stream.
    Xmp,
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Page(n) => write!(f, "page {n}"),
            Self::Metadata => f.write_str("document metadata"),
            Self::Xmp => f.write_str("XMP metadata"),
        }
    }
}

/// A listed identifier found where it must not be.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Leak {
    /// Where.
    pub place: Place,
    /// What kind of identifier.
    pub kind: Kind,
    /// The case-file field of the value found (`people[1].phones[0]`),
    /// where known: what the user should look at. Never the value.
    pub field: Option<String>,
    /// Which reading found it.
    pub found_by: Reader,
}

/// Who read the text and found a leak.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reader {
    /// The verifier's own needles.
    Verifier,
    /// The anonymiser's own leak check.
    Anonymiser,
}

/// Another reading of the extracted text that must also find nothing before
/// a file is written (the pipeline passes the anonymiser's leak check).
/// It is given the normalised text: line-end hyphens joined, whitespace
/// collapsed, typographic apostrophes plain ([`normalise`]).
pub trait Reading: Sync {
    /// Who reads.
    fn reader(&self) -> Reader;
    /// Every listed identifier in `text`, with byte ranges into it.
    fn find(&self, text: &str) -> Vec<Found>;
}

/// The result of verifying one PDF.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct VerifyReport {
    /// Pages read.
    pub pages: usize,
    /// Listed identifiers found.
    pub leaks: Vec<Leak>,
    /// Structural reasons to refuse the file.
    pub refusals: Vec<String>,
}

impl VerifyReport {
    /// Whether the PDF is proven clean.
    pub fn is_clean(&self) -> bool {
        self.leaks.is_empty() && self.refusals.is_empty()
    }

    /// One line for people: "2 leaks (name on page 3, phone number in
    /// document metadata)" — categories and places only.
    pub fn describe(&self) -> String {
        let mut parts: Vec<String> = self
            .leaks
            .iter()
            .map(|l| format!("{} on {}", l.kind.describe(), l.place))
            .collect();
        parts.dedup();
        parts.extend(self.refusals.iter().cloned());
        if parts.is_empty() {
            "clean".into()
        } else {
            parts.join("; ")
        }
    }
}

/// Verifies PDF bytes against a case's needles, and against each of
/// `others`, which must agree that the file is clean.
pub fn verify(pdf: &[u8], needles: &Needles, others: &[&dyn Reading]) -> VerifyReport {
    verify_with_text(pdf, needles, others).0
}

/// [`verify`], also returning the text of each page as extracted (line by
/// line), for the review sheet to place findings.
pub fn verify_with_text(
    pdf: &[u8],
    needles: &Needles,
    others: &[&dyn Reading],
) -> (VerifyReport, Vec<String>) {
    let mut report = VerifyReport {
        refusals: revisions(pdf),
        ..Default::default()
    };
    let doc = match Document::load_mem(pdf) {
        Ok(doc) => doc,
        Err(e) => {
            report.refusals.push(format!(
                "the PDF cannot be read ({e}), so it cannot be proven clean"
            ));
            return (report, Vec::new());
        }
    };
    if doc.trailer.has(b"Prev") {
        report.refusals.push(
            "the PDF has been updated incrementally (/Prev): earlier revisions may be recoverable"
                .into(),
        );
    }
    report.refusals.extend(forbidden_content(&doc));
    let pages = doc.get_pages();
    report.pages = pages.len();
    let raw = text::page_texts(&doc);
    match &raw {
        Ok(raw) => {
            // The needles read the text as extracted, line by line (they
            // see where lines start); other readings get it normalised.
            let texts: Vec<String> = raw.iter().map(|t| normalise(t)).collect();
            let (joined, starts) = join_pages(&texts);
            let (as_extracted, extracted_starts) = join_pages(raw);
            let page =
                |starts: &[usize], at: usize| Place::Page(starts.partition_point(|&s| s <= at));
            let leaks = search(
                needles,
                others,
                (&as_extracted, &|at| page(&extracted_starts, at)),
                (&joined, &|at| page(&starts, at)),
            );
            report.leaks.extend(leaks);
        }
        Err(e) => report
            .refusals
            .push(format!("the text of the PDF cannot be extracted ({e})")),
    }
    let strings = strings_outside_content(&doc);
    let metadata = (
        strings.as_str(),
        &(|_| Place::Metadata) as &dyn Fn(usize) -> Place,
    );
    report
        .leaks
        .extend(search(needles, others, metadata, metadata));
    let xmp = xmp(&doc);
    let in_xmp = (xmp.as_str(), &(|_| Place::Xmp) as &dyn Fn(usize) -> Place);
    report.leaks.extend(search(needles, others, in_xmp, in_xmp));
    report.leaks.sort();
    report.leaks.dedup();
    (report, raw.unwrap_or_default())
}

/// A text to search, and where in the PDF an offset into it is.
type Located<'a> = (&'a str, &'a dyn Fn(usize) -> Place);

/// Searches one extracted text: the needles read it `as_extracted`, the
/// other readings `normalised`.
fn search(
    needles: &Needles,
    others: &[&dyn Reading],
    (as_extracted, place_extracted): Located<'_>,
    (normalised, place_normalised): Located<'_>,
) -> Vec<Leak> {
    let leak = |found: Found, found_by, place: Place| Leak {
        place,
        kind: found.kind,
        field: found.field,
        found_by,
    };
    let mut leaks: Vec<Leak> = needles
        .find(as_extracted)
        .into_iter()
        .map(|f| {
            let place = place_extracted(f.range.start);
            leak(f, Reader::Verifier, place)
        })
        .collect();
    for other in others {
        leaks.extend(other.find(normalised).into_iter().map(|f| {
            let place = place_normalised(f.range.start);
            leak(f, other.reader(), place)
        }));
    }
    leaks
}

/// The normalised text of each page.
pub fn page_texts(doc: &Document) -> Result<Vec<String>, lopdf::Error> {
    Ok(text::page_texts(doc)?
        .iter()
        .map(|t| normalise(t))
        .collect())
}

fn join_pages(texts: &[String]) -> (String, Vec<usize>) {
    let mut joined = String::new();
    let mut starts = Vec::new();
    for t in texts {
        starts.push(joined.len());
        joined.push_str(t);
        joined.push('\n');
    }
    (joined, starts)
}

static SOFT_HYPHEN_RUN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[ \t]*\n-[ \t]*\n").expect("valid regex"));
static LINE_END_HYPHEN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"-[ \t]*\n[ \t]*").expect("valid regex"));

/// Normalises extracted text (TYPST.md §7): typst's soft-hyphen runs
/// removed, hard hyphens at line ends joined, whitespace collapsed,
/// typographic apostrophes made plain.
pub fn normalise(text: &str) -> String {
    let text = SOFT_HYPHEN_RUN.replace_all(text, "");
    let text = LINE_END_HYPHEN.replace_all(&text, "-");
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().map(|c| match c {
            '\u{2019}' | '\u{2018}' => '\'',
            c => c,
        }));
    }
    out
}

/// More than one `%%EOF` or a `/Prev` key means incremental updates: earlier
/// revisions stay in the file and can be recovered.
fn revisions(pdf: &[u8]) -> Vec<String> {
    let eofs = memchr::memmem::find_iter(pdf, b"%%EOF").count();
    let mut out = Vec::new();
    if eofs != 1 {
        out.push(format!(
            "the PDF has {eofs} end-of-file markers: earlier revisions may be recoverable"
        ));
    }
    out
}

/// Annotations, forms, attachments, scripts, open actions, hidden layers.
fn forbidden_content(doc: &Document) -> Vec<String> {
    let mut found: Vec<&'static str> = Vec::new();
    for object in doc.objects.values() {
        let dict = match object {
            Object::Dictionary(d) => d,
            Object::Stream(s) => &s.dict,
            _ => continue,
        };
        let name_is = |key: &[u8], value: &[u8]| {
            dict.get(key)
                .ok()
                .and_then(|o| o.as_name().ok())
                .is_some_and(|n| n == value)
        };
        let checks: [(&'static str, bool); 8] = [
            (
                "annotations",
                dict.get(b"Annots")
                    .is_ok_and(|a| !matches!(a, Object::Array(v) if v.is_empty()))
                    || name_is(b"Type", b"Annot"),
            ),
            ("form fields", dict.has(b"AcroForm")),
            (
                "embedded files",
                dict.has(b"EmbeddedFiles")
                    || name_is(b"Type", b"EmbeddedFile")
                    || name_is(b"Type", b"Filespec"),
            ),
            (
                "JavaScript",
                dict.has(b"JS") || dict.has(b"JavaScript") || name_is(b"S", b"JavaScript"),
            ),
            ("an action run on opening", dict.has(b"OpenAction")),
            ("additional actions", dict.has(b"AA")),
            (
                "optional content (hidden layers)",
                dict.has(b"OCProperties"),
            ),
            ("a launch action", name_is(b"S", b"Launch")),
        ];
        for (what, present) in checks {
            if present && !found.contains(&what) {
                found.push(what);
            }
        }
    }
    found
        .into_iter()
        .map(|what| format!("the PDF contains {what}"))
        .collect()
}

/// Every string in the document's objects (not inside content streams),
/// decoded, one per line.
fn strings_outside_content(doc: &Document) -> String {
    fn walk(object: &Object, out: &mut String) {
        match object {
            Object::String(..) => {
                if let Ok(s) = lopdf::decode_text_string(object) {
                    out.push_str(&s);
                    out.push('\n');
                }
            }
            Object::Array(items) => items.iter().for_each(|o| walk(o, out)),
            Object::Dictionary(d) => d.iter().for_each(|(_, o)| walk(o, out)),
            Object::Stream(s) => s.dict.iter().for_each(|(_, o)| walk(o, out)),
            _ => {}
        }
    }
    let mut out = String::new();
    doc.trailer.iter().for_each(|(_, o)| walk(o, &mut out));
    doc.objects.values().for_each(|o| walk(o, &mut out));
    out
}

/// The text of every XMP metadata stream.
fn xmp(doc: &Document) -> String {
    let mut out = String::new();
    for object in doc.objects.values() {
        if let Object::Stream(s) = object
            && s.dict.get(b"Type").ok().and_then(|t| t.as_name().ok())
                == Some(b"Metadata".as_slice())
        {
            let bytes = s
                .decompressed_content()
                .unwrap_or_else(|_| s.content.clone());
            xml_values(&String::from_utf8_lossy(&bytes), &mut out);
        }
    }
    out
}

/// What an XML packet says, as opposed to how it is marked up: its text
/// and attribute values, entities decoded ("O&apos;Neill" is O'Neill). Two
/// thirds of typst's XMP is element and namespace names, which the leak
/// check need not read. XML that does not parse is searched whole.
fn xml_values(xml: &str, out: &mut String) {
    let Ok(tree) = roxmltree::Document::parse(xml) else {
        out.push_str(xml);
        out.push('\n');
        return;
    };
    for node in tree.descendants() {
        for attribute in node.attributes() {
            out.push_str(attribute.value());
            out.push('\n');
        }
        if let Some(text) = node.text().filter(|_| node.is_text() || node.is_comment()) {
            out.push_str(text);
            out.push('\n');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xmp_values_are_read_with_entities_decoded() {
        let mut out = String::new();
        xml_values(
            r#"<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:title xmlns:dc="d" x:about="Ann Lee">Mrs O&apos;Neill &#x26; son</dc:title><!-- 07700 900123 --></x:xmpmeta>"#,
            &mut out,
        );
        assert!(out.contains("Ann Lee"), "{out}");
        assert!(out.contains("Mrs O'Neill & son"), "{out}");
        assert!(out.contains("07700 900123"), "{out}");
        assert!(!out.contains("xmpmeta"), "{out}");
        let mut broken = String::new();
        xml_values("<a>Ann Lee", &mut broken);
        assert!(
            broken.contains("Ann Lee"),
            "XML that does not parse is searched whole"
        );
    }

    #[test]
    fn normalising_joins_line_end_hyphens_and_collapses_space() {
        assert_eq!(
            normalise("Stafford- \nFitzwilliam  and\n\nO\u{2019}Neill"),
            "Stafford-Fitzwilliam and O'Neill"
        );
        assert_eq!(normalise("communica \n-\ntion"), "communication");
    }

    #[test]
    fn unreadable_pdfs_are_refused() {
        let needles = Needles::new(&crate::case::tests_support::minimal_case());
        let report = verify(b"not a pdf %%EOF", &needles, &[]);
        assert!(!report.is_clean());
        assert!(
            report.refusals.iter().any(|r| r.contains("cannot be read")),
            "{report:?}"
        );
    }

    #[test]
    fn incremental_updates_are_refused() {
        assert_eq!(revisions(b"%PDF-1.7 ... %%EOF").len(), 0);
        assert_eq!(revisions(b"%PDF ... %%EOF ... %%EOF").len(), 1);
    }
}
