//! The typeset stage: [`TypstSource`] → PDF bytes, in-process, through our
//! own typst `World`.
//!
//! The [`Typesetter`] is built once per process and shared by reference
//! across workers: the standard library, the bundled fonts and the house
//! style. Each document gets a cheap [`DocWorld`] that serves exactly two
//! files (its own source at `/main.typ` and the house style at
//! `/house.typ`) and refuses everything else: no file system, no packages.
//! The same two virtual paths are reused for every document, because typst
//! interns file ids for the life of the process.
//!
//! Output is deterministic: the decision date is the PDF timestamp and a
//! stable ident is hashed into the document ID, so the same source gives the
//! same bytes. After every document, typst's memo cache is evicted so that a
//! long batch stays flat in memory.

mod coverage;
pub(crate) mod fonts;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, LazyLock};

use typst::diag::{FileError, FileResult, Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::layout::{Frame, FrameItem};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

pub use coverage::Coverage;
pub use fonts::FAMILY;
use fonts::FontBase;

/// Typst source generated for one document and variant.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TypstSource {
    /// A name for messages: `23-004-118/decision.redacted`.
    pub name: String,
    /// The Typst markup.
    pub text: String,
}

/// A typeset document.
#[derive(Debug, Clone)]
pub struct Typeset {
    /// The PDF bytes.
    pub pdf: Vec<u8>,
    /// Its page count.
    pub pages: usize,
}

/// What makes a PDF reproducible.
#[derive(Debug, Clone)]
pub struct PdfSettings {
    /// The PDF's date (the decision date).
    pub date: PdfDate,
    /// A stable identifier, hashed into the PDF's document ID.
    pub ident: String,
}

/// The calendar day a PDF is dated (its creation and modification time,
/// noon UTC): the typesetter's own, so that it takes no case types.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PdfDate(Datetime);

impl PdfDate {
    /// The day, when it is one (`None` for 31 February).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Self> {
        Datetime::from_ymd_hms(year, month, day, 12, 0, 0).map(Self)
    }
}

/// Why typesetting failed.
#[derive(Debug, Clone, thiserror::Error)]
pub enum TypesetError {
    /// The generated source did not compile: a template bug.
    #[error("the template produced Typst that does not compile ({0})")]
    Compile(String),
    /// A character no bundled font covers reached the page.
    #[error("the character `{0}` (U+{1:04X}) has no glyph in the bundled fonts")]
    MissingGlyph(char, u32),
    /// PDF export failed.
    #[error("PDF export failed ({0})")]
    Export(String),
}

/// The process-wide typesetting environment.
pub struct Typesetter {
    library: LazyHash<Library>,
    fonts: Arc<FontBase>,
    house: Source,
    /// How many documents typst's memo cache remembers work for (1 in a
    /// batch; more while watching a case, see [`Typesetter::keep_memo`]).
    memo_age: AtomicUsize,
}

static MAIN: LazyLock<FileId> = LazyLock::new(|| virtual_id("/main.typ"));
static HOUSE: LazyLock<FileId> = LazyLock::new(|| virtual_id("/house.typ"));

fn virtual_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).expect("a fixed, valid virtual path");
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

impl Typesetter {
    /// Builds the environment with the given house style (Typst source).
    pub fn new(house_style: &str) -> Self {
        let fonts = FontBase::embedded();
        Self {
            library: LazyHash::new(Library::default()),
            fonts: Arc::new(fonts),
            house: Source::new(*HOUSE, house_style.to_string()),
            memo_age: AtomicUsize::new(1),
        }
    }

    /// Keeps typst's memoised work for the last `documents` documents
    /// rather than one: re-rendering a case after a small edit then reuses
    /// what its last render made (`redress watch`).
    pub fn keep_memo(&self, documents: usize) {
        self.memo_age.store(documents.max(1), Ordering::Relaxed);
    }

    /// The characters the bundled fonts can draw, for case validation.
    pub fn coverage(&self) -> Coverage {
        let fonts = Arc::clone(&self.fonts);
        Coverage::new(move |c| fonts.covers(c))
    }

    /// Whether some bundled font can draw `c`.
    pub fn covers(&self, c: char) -> bool {
        self.fonts.covers(c)
    }

    /// Compiles `source` and exports it as PDF/A-2b with PDF/UA-1 tagging.
    pub fn typeset(
        &self,
        source: &TypstSource,
        settings: &PdfSettings,
    ) -> Result<Typeset, TypesetError> {
        let world = DocWorld {
            env: self,
            main: Source::new(*MAIN, source.text.clone()),
            today: settings.date.0,
        };
        let result = typst::compile::<PagedDocument>(&world);
        let document = result
            .output
            .map_err(|errors| TypesetError::Compile(describe(&world, &errors)));
        let outcome = document.and_then(|doc| {
            check_glyphs(&doc)?;
            let options = PdfOptions {
                ident: Smart::Custom(settings.ident.clone()),
                creator: Smart::Custom(Some("redress".into())),
                timestamp: Some(Timestamp::new_utc(settings.date.0)),
                page_ranges: None,
                standards: standards(),
                tagged: true,
                pretty: false,
            };
            let pdf = typst_pdf::pdf(&doc, &options)
                .map_err(|errors| TypesetError::Export(describe(&world, &errors)))?;
            Ok(Typeset {
                pdf,
                pages: doc.pages().len(),
            })
        });
        // Keep memory flat over long batches: the memo cache otherwise grows
        // by megabytes per document (measured). An age of 1
        // keeps what another worker's document is using right now; measured
        // on 40 generated cases it was as fast as 0 and 2 with one worker and
        // the fastest with two. Watching a case keeps more. Keeping the memo
        // for a whole case gains nothing and keeping it across cases costs
        // (measured, 5 December 2026: 12 generated cases, 150 documents,
        // processor time a document, three runs each: each document alone
        // 13.2-14.0 ms, the memo kept for its case 13.7-14.4 ms, kept from
        // case to case 14.7-15.2 ms): the two variants of a document differ
        // by a name in nearly every paragraph, so little layout is reused,
        // and a larger memo makes every lookup check more entries.
        typst::comemo::evict(self.memo_age.load(Ordering::Relaxed));
        outcome
    }
}

/// Empties typst's memo cache, so that the next document is typeset from
/// scratch (benchmarks of the same document use it between iterations).
pub fn forget_caches() {
    typst::comemo::evict(0);
}

fn standards() -> PdfStandards {
    PdfStandards::new(&[PdfStandard::A_2b, PdfStandard::Ua_1])
        .expect("PDF/A-2b and PDF/UA-1 are compatible")
}

/// Errors with their place in the generated source.
fn describe(world: &DocWorld<'_>, errors: &[SourceDiagnostic]) -> String {
    errors
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| {
            let at = world.range(d.span).map(|r| {
                let lines = world.main.lines();
                let line = lines.byte_to_line(r.start).unwrap_or(0) + 1;
                let col = lines.byte_to_column(r.start).unwrap_or(0) + 1;
                format!("{line}:{col}: ")
            });
            let file = match d.span.id() {
                Some(id) if id == *HOUSE => "house.typ:",
                _ => "",
            };
            format!("{file}{}{}", at.unwrap_or_default(), d.message)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Fails when any glyph on any page is the "missing" glyph (typst draws
/// such characters as empty boxes, without a warning).
fn check_glyphs(doc: &PagedDocument) -> Result<(), TypesetError> {
    fn walk(frame: &Frame) -> Option<char> {
        for (_, item) in frame.items() {
            match item {
                FrameItem::Group(group) => {
                    if let Some(c) = walk(&group.frame) {
                        return Some(c);
                    }
                }
                FrameItem::Text(text) => {
                    if let Some(glyph) = text.glyphs.iter().find(|g| g.id == 0) {
                        let c = text.text[glyph.range()]
                            .chars()
                            .next()
                            .unwrap_or('\u{FFFD}');
                        return Some(c);
                    }
                }
                _ => {}
            }
        }
        None
    }
    for page in doc.pages() {
        if let Some(c) = walk(&page.frame) {
            return Err(TypesetError::MissingGlyph(c, c as u32));
        }
    }
    Ok(())
}

/// The world of one document: its source, the house style, nothing else.
pub(crate) struct DocWorld<'a> {
    env: &'a Typesetter,
    main: Source,
    today: Datetime,
}

impl World for DocWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.env.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.env.fonts.store.book()
    }

    fn main(&self) -> FileId {
        *MAIN
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == *MAIN {
            Ok(self.main.clone())
        } else if id == *HOUSE {
            Ok(self.env.house.clone())
        } else if matches!(id.root(), VirtualRoot::Package(_)) {
            Err(FileError::Other(Some("packages are disabled".into())))
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.source(id).map(Bytes::from_string)
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.env.fonts.store.font(index)
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typesetter() -> &'static Typesetter {
        static T: LazyLock<Typesetter> =
            LazyLock::new(|| Typesetter::new("#let house(body) = body"));
        &T
    }

    fn settings() -> PdfSettings {
        PdfSettings {
            date: PdfDate::new(2024, 3, 1).unwrap(),
            ident: "test".into(),
        }
    }

    fn source(text: &str) -> TypstSource {
        let text = format!(
            "#set document(title: \"Test\")\n#set text(font: \"{FAMILY}\", lang: \"en\", region: \"gb\")\n{text}"
        );
        TypstSource {
            name: "test".into(),
            text,
        }
    }

    #[test]
    fn the_world_refuses_files_and_packages() {
        for probe in [
            "#read(\"/etc/passwd\")",
            "#import \"@preview/cetz:0.3.0\": *",
            "#include \"/other.typ\"",
        ] {
            let err = typesetter()
                .typeset(&source(probe), &settings())
                .unwrap_err();
            assert!(matches!(err, TypesetError::Compile(_)), "{probe}: {err}");
        }
        assert!(
            typesetter()
                .typeset(&source("#import \"/house.typ\": *\nHello"), &settings())
                .is_ok()
        );
    }

    #[test]
    fn missing_glyphs_are_errors() {
        let err = typesetter()
            .typeset(&source("#\"王\";"), &settings())
            .unwrap_err();
        assert!(matches!(err, TypesetError::MissingGlyph('王', _)), "{err}");
    }

    #[test]
    fn output_is_byte_identical() {
        let a = typesetter()
            .typeset(&source("= Heading\nSome text."), &settings())
            .unwrap()
            .pdf;
        let b = typesetter()
            .typeset(&source("= Heading\nSome text."), &settings())
            .unwrap()
            .pdf;
        assert!(a.starts_with(b"%PDF"));
        assert_eq!(a, b);
    }
}
