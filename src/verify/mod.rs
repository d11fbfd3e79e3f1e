//! The verify stage: proves a PDF clean, or refuses it.
//!
//! Verification is in two steps with plain data between them:
//!
//! 1. **reading** ([`read`], the PDF reader in [`crate::pdf`]) takes any
//!    PDF apart, whatever it does, within
//!    [`Limits`]: the texts to search, each with its place (the text of
//!    every page, joined by position and read again in position order where
//!    drawn out of order, Form XObjects, ActualText; strings outside content
//!    streams; XMP; every stream no page drew and every object left in the
//!    bytes, live or dead; the file's own bytes), the images (which cannot be
//!    searched), the text a reader cannot see (under a box, white, invisible,
//!    off the page, tiny) and every reason the file cannot be proven clean
//!    (objects lost, no pages, revisions, encryption, limits, annotations,
//!    forms, scripts, text with no Unicode mapping);
//! 2. **searching** ([`search`]) runs the verifier's own [`Needles`] over
//!    each text, and any [`OtherReading`] the caller asks to agree (the
//!    pipeline passes the anonymiser's own leak check). The needles are
//!    derived from the case's raw values with their own reading of text:
//!    nothing is shared with the anonymiser, so a spelling it misses is
//!    still caught here.
//!
//! A file is clean only when nothing was found, nothing is hidden, it has
//! no images (text in images cannot be verified) and nothing refused it: a
//! PDF that cannot be read at all is not proven clean. Reports name the
//! kind, place and case-file field of a leak, and which reading found it,
//! never its value.

pub mod files;
mod needles;

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

pub use crate::pdf::limits;
pub use crate::pdf::{
    Hidden, How, Images, Limits, PageImages, PageText, Place, Reading, Reason, Refusal, Text, read,
};
pub use needles::{Found, Kind, Needles};

/// A listed identifier found where it must not be.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Leak {
    /// Where.
    #[serde(flatten)]
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
pub trait OtherReading: Sync {
    /// Who reads.
    fn reader(&self) -> Reader;
    /// Every listed identifier in `text`, with byte ranges into it.
    fn find(&self, text: &str) -> Vec<Found>;
}

/// The result of verifying one PDF.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct VerifyReport {
    /// Pages read.
    pub pages: usize,
    /// Listed identifiers found.
    pub leaks: Vec<Leak>,
    /// Text a reader cannot see, listed or not.
    pub hidden: Vec<Hidden>,
    /// Images, which cannot be searched.
    pub images: Images,
    /// Reasons the file cannot be proven clean.
    pub refusals: Vec<Refusal>,
}

/// The most hidden-text findings a one-line description names.
const HIDDEN_SHOWN: usize = 3;

impl VerifyReport {
    /// Whether the PDF is proven clean.
    pub fn is_clean(&self) -> bool {
        self.is_clean_allowing_images() && self.images.total() == 0
    }

    /// Whether the PDF is clean but for its images, which were not checked.
    pub fn is_clean_allowing_images(&self) -> bool {
        self.leaks.is_empty() && self.hidden.is_empty() && self.refusals.is_empty()
    }

    /// One line for people: "name on page 3; hidden text on page 2 at 72
    /// 700 140 712: under a filled shape drawn over it" — categories and
    /// places only.
    pub fn describe(&self) -> String {
        let mut parts: Vec<String> = self
            .leaks
            .iter()
            .map(|l| {
                let on = if matches!(l.place, Place::Page(_)) {
                    "on"
                } else {
                    "in"
                };
                format!("{} {on} {}", l.kind.describe(), l.place)
            })
            .collect();
        parts.dedup();
        parts.extend(self.hidden.iter().take(HIDDEN_SHOWN).map(Hidden::to_string));
        if self.hidden.len() > HIDDEN_SHOWN {
            let more = self.hidden.len() - HIDDEN_SHOWN;
            parts.push(format!(
                "and {more} more {} of hidden text",
                if more == 1 { "piece" } else { "pieces" }
            ));
        }
        if let Some(images) = self.images_line() {
            parts.push(images);
        }
        parts.extend(self.refusals.iter().map(|r| r.message.clone()));
        if parts.is_empty() {
            "clean".into()
        } else {
            parts.join("; ")
        }
    }

    /// "3 images on pages 2, 5 not checked: text in images cannot be
    /// verified".
    pub fn images_line(&self) -> Option<String> {
        let total = self.images.total();
        if total == 0 {
            return None;
        }
        let pages: Vec<String> = self
            .images
            .pages
            .iter()
            .map(|p| p.page.to_string())
            .collect();
        let mut wher = match pages.len() {
            0 => String::new(),
            1 => format!(" on page {}", pages[0]),
            _ => format!(" on pages {}", pages.join(", ")),
        };
        if self.images.elsewhere > 0 {
            wher.push_str(&format!(
                "{}{} elsewhere (not drawn on a page, or in fonts and patterns)",
                if pages.is_empty() { " " } else { " and " },
                self.images.elsewhere
            ));
        }
        Some(format!(
            "{}{wher} not checked: text in images cannot be verified",
            crate::diag::count(total, "image")
        ))
    }
}

/// Verifies PDF bytes against a case's needles, and against each of
/// `others`, which must agree that the file is clean.
pub fn verify(pdf: &[u8], needles: &Needles, others: &[&dyn OtherReading]) -> VerifyReport {
    verify_with_text(pdf, needles, others).0
}

/// [`verify`], also returning the text of each page as extracted (line by
/// line), for the review sheet to place findings.
pub fn verify_with_text(
    pdf: &[u8],
    needles: &Needles,
    others: &[&dyn OtherReading],
) -> (VerifyReport, Vec<String>) {
    let reading = read_or_refuse(pdf);
    let report = VerifyReport {
        pages: reading.pages.len(),
        leaks: search(&reading, needles, others),
        hidden: reading.hidden,
        images: reading.images,
        refusals: reading.refusals,
    };
    (report, reading.pages.into_iter().map(|p| p.text).collect())
}

/// [`read`], and should reading ever panic (a bug, in redress or lopdf),
/// a refusal rather than a crash: the file is not proven clean.
fn read_or_refuse(pdf: &[u8]) -> Reading {
    std::panic::catch_unwind(|| read(pdf, Limits::default())).unwrap_or_else(|_| Reading {
        refusals: vec![Refusal {
            reason: Reason::Unreadable,
            message: "reading the PDF failed (an internal error), so it cannot be proven clean"
                .into(),
        }],
        ..Reading::default()
    })
}

/// Every listed identifier in what was read, by place. Pages are searched
/// joined, so a name split across a page break is still found. The needles
/// read each text as extracted, line by line (they see where lines start);
/// the other readings read it normalised.
pub fn search(reading: &Reading, needles: &Needles, others: &[&dyn OtherReading]) -> Vec<Leak> {
    let mut leaks = Vec::new();
    let extracted: Vec<String> = reading.pages.iter().map(|p| p.text.clone()).collect();
    let normalised: Vec<String> = extracted.iter().map(|t| normalise(t)).collect();
    let (extracted, extracted_starts) = join_pages(&extracted);
    let (normalised, normalised_starts) = join_pages(&normalised);
    let page_of = |starts: &[usize], at: usize| Place::Page(starts.partition_point(|&s| s <= at));
    search_text(
        needles,
        others,
        (&extracted, &|at| page_of(&extracted_starts, at)),
        (&normalised, &|at| page_of(&normalised_starts, at)),
        &mut leaks,
    );
    for (n, page) in reading.pages.iter().enumerate() {
        if !page.extra.trim().is_empty() {
            let on_page = |_| Place::Page(n + 1);
            search_text(
                needles,
                others,
                (&page.extra, &on_page),
                (&normalise(&page.extra), &on_page),
                &mut leaks,
            );
        }
    }
    for text in &reading.texts {
        let at = |_| text.place;
        search_text(
            needles,
            others,
            (&text.text, &at),
            (&text.text, &at),
            &mut leaks,
        );
    }
    leaks.sort();
    leaks.dedup();
    leaks
}

/// A text to search, and where in the PDF an offset into it is.
type Located<'a> = (&'a str, &'a dyn Fn(usize) -> Place);

/// Searches one text: the needles read it `as_extracted`, the other
/// readings `normalised`.
fn search_text(
    needles: &Needles,
    others: &[&dyn OtherReading],
    (as_extracted, place_extracted): Located<'_>,
    (normalised, place_normalised): Located<'_>,
    leaks: &mut Vec<Leak>,
) {
    let leak = |found: Found, found_by, place: Place| Leak {
        place,
        kind: found.kind,
        field: found.field,
        found_by,
    };
    leaks.extend(needles.find(as_extracted).into_iter().map(|f| {
        let place = place_extracted(f.range.start);
        leak(f, Reader::Verifier, place)
    }));
    for other in others {
        leaks.extend(other.find(normalised).into_iter().map(|f| {
            let place = place_normalised(f.range.start);
            leak(f, other.reader(), place)
        }));
    }
}

/// The normalised text of each page, in drawing order, as the verifier
/// reads it (pages only: no metadata, no raw bytes).
pub fn page_texts(doc: &lopdf::Document) -> Result<Vec<String>, String> {
    Ok(crate::pdf::page_texts_as_extracted(doc)?
        .iter()
        .map(|text| normalise(text))
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
    LazyLock::new(|| Regex::new(r"[ \t]*\n-[ \t]*\n|\u{AD}[ \t]*\n?[ \t]*").expect("valid regex"));
static LINE_END_HYPHEN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"-[ \t]*\n[ \t]*").expect("valid regex"));

/// Normalises extracted text: typst's soft-hyphen runs
/// and soft hyphens removed, hard hyphens at line ends joined, whitespace collapsed,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalising_joins_line_end_hyphens_and_collapses_space() {
        assert_eq!(
            normalise("Stafford- \nFitzwilliam  and\n\nO\u{2019}Neill"),
            "Stafford-Fitzwilliam and O'Neill"
        );
        assert_eq!(normalise("communica \n-\ntion"), "communication");
        assert_eq!(normalise("communica\u{AD}\ntion"), "communication");
    }

    #[test]
    fn unreadable_pdfs_are_refused() {
        let needles = Needles::new(&crate::case::tests_support::minimal_case());
        let report = verify(b"not a pdf %%EOF", &needles, &[]);
        assert!(!report.is_clean());
        assert!(
            report
                .refusals
                .iter()
                .any(|r| r.reason == Reason::Unreadable),
            "{report:?}"
        );
    }

    #[test]
    fn places_serialise_with_their_number() {
        let leak = Leak {
            place: Place::Object(12),
            kind: Kind::Name,
            field: Some("people[0]".into()),
            found_by: Reader::Verifier,
        };
        assert_eq!(
            serde_json::to_string(&leak).unwrap(),
            r#"{"in":"object","object":12,"kind":"name","field":"people[0]","found_by":"verifier"}"#
        );
    }
}
