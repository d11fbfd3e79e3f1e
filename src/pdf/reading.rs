//! What reading a PDF gives, as plain data: the texts to search, each
//! with its [`Place`], the text of each page, the images that cannot be
//! searched, the hidden text, and every reason the file cannot be proven
//! clean. The reader fills a [`Reading`]; the verifier searches it.

use serde::Serialize;

use super::hidden::Hidden;

/// Where in a PDF something was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Place {
    /// The text of a page (1-based).
    Page(usize),
    /// A string outside the page text: metadata, outline, structure tree.
    Metadata,
    /// The XMP metadata stream.
    Xmp,
    /// A stream no page draws, or an object left in the bytes (by number).
    Object(u32),
    /// The file's bytes outside stream data (objects as written, earlier
    /// revisions, bytes between objects).
    File,
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Page(n) => write!(f, "page {n}"),
            Self::Metadata => f.write_str("document metadata"),
            Self::Xmp => f.write_str("XMP metadata"),
            Self::Object(n) => write!(f, "object {n} (not shown on any page)"),
            Self::File => f.write_str("the file's bytes"),
        }
    }
}

impl Serialize for Place {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        match self {
            Self::Page(n) => {
                map.serialize_entry("in", "page")?;
                map.serialize_entry("page", n)?;
            }
            Self::Metadata => map.serialize_entry("in", "metadata")?,
            Self::Xmp => map.serialize_entry("in", "xmp")?,
            Self::Object(n) => {
                map.serialize_entry("in", "object")?;
                map.serialize_entry("object", n)?;
            }
            Self::File => map.serialize_entry("in", "file")?,
        }
        map.end()
    }
}

/// Why a file cannot be proven clean.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// Not a PDF lopdf can read.
    Unreadable,
    /// Encrypted: its strings and streams cannot be read.
    Encrypted,
    /// Over a limit on size, inflation, objects or nesting.
    Limit,
    /// More than one revision: earlier ones can be recovered.
    Revisions,
    /// Objects lost, a page tree that does not walk, no pages.
    Structure,
    /// Annotations, forms, attachments, scripts, actions, hidden layers.
    Forbidden,
    /// Text that cannot be read (unmapped glyphs, undecodable streams).
    UnreadableText,
}

/// A reason to refuse the file, and what a person should know about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Refusal {
    /// Why, as a category.
    pub reason: Reason,
    /// Why, in words for a person.
    pub message: String,
}

/// Text to search, and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    /// Where in the PDF it is.
    pub place: Place,
    /// The text.
    pub text: String,
}

/// The text of one page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageText {
    /// In drawing order, joined by position (as extracted: not normalised).
    pub text: String,
    /// Also on the page: ActualText and the glyphs it stands for, lines
    /// read in position order, the encoding's reading where a font's map
    /// disagrees.
    pub extra: String,
}

/// Images, which cannot be searched.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Images {
    /// Images drawn, per page (pages with none left out).
    pub pages: Vec<PageImages>,
    /// Images anywhere else: never drawn, in fonts, patterns or unused forms.
    pub elsewhere: usize,
}

/// The images drawn on one page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PageImages {
    /// The page (1-based).
    pub page: usize,
    /// How many images it draws.
    pub images: usize,
}

impl Images {
    /// How many images, on pages and elsewhere.
    pub fn total(&self) -> usize {
        self.pages.iter().map(|p| p.images).sum::<usize>() + self.elsewhere
    }
}

/// Everything read from one PDF.
#[derive(Debug, Clone, Default)]
pub struct Reading {
    /// The text of each page, in page order.
    pub pages: Vec<PageText>,
    /// The texts outside the pages' text (metadata, XMP, objects no page
    /// draws, the file's bytes), each with its place.
    pub texts: Vec<Text>,
    /// The images, which cannot be searched.
    pub images: Images,
    /// The text hidden on the pages.
    pub hidden: Vec<Hidden>,
    /// Every reason the file cannot be proven clean.
    pub refusals: Vec<Refusal>,
}

impl Reading {
    pub(super) fn refuse(&mut self, reason: Reason, message: impl Into<String>) {
        self.refusals.push(Refusal {
            reason,
            message: message.into(),
        });
    }

    pub(super) fn text(&mut self, place: Place, text: String) {
        if !text.trim().is_empty() {
            self.texts.push(Text { place, text });
        }
    }
}
