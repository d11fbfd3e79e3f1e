//! Fonts, as far as reading text needs them: what each character code
//! means (its text) and how wide it is (so glyphs can be placed on the
//! page, joined into words and found under whatever covers them).
//!
//! Text comes from the font's `/ToUnicode` map, else from its encoding
//! (base encoding and `/Differences` glyph names, for simple and Type 3
//! fonts). Where both exist and disagree, both readings are searched: the
//! glyph names are what a viewer draws, the map is what it copies. A code
//! with no reading at all is counted, and the verifier refuses a page that
//! shows text it cannot read.
//!
//! Widths come from `/Widths` (simple fonts), `/W` and `/DW` (composite
//! fonts), scaled by `/FontMatrix` for Type 3; the standard 14 fonts,
//! which carry no widths, are measured with the bundled Liberation Sans
//! (metric-compatible with Helvetica and Arial) or as Courier's fixed 600.
//!
//! This module reads a font dictionary and decodes the codes it shows;
//! what a simple font's encoding says is [`encoding`]'s, how wide a glyph
//! is [`widths`]'.

mod encoding;
mod glyph_list;
mod widths;

use std::cell::RefCell;
use std::collections::HashMap;

use lopdf::{Dictionary, Document, Object};

use super::cmap::CMap;
use super::limits::{Budget, Exceeded, Undecoded};
use super::resolve::{self, deref};
use encoding::simple_encoding;
use widths::{Widths, cid_widths, simple_widths};

/// One character code of a font.
#[derive(Debug, Clone)]
pub struct Glyph {
    /// Its text ("" when it has none).
    pub text: Box<str>,
    /// A second reading, where the encoding and the map disagree.
    pub alt: Option<Box<str>>,
    /// Its advance, in text space units (1 = the font size).
    pub width: f32,
    /// A single-byte code 32, which word spacing applies to.
    pub word_space: bool,
    /// Whether any reading gave text.
    pub mapped: bool,
    /// Its text is white space (or nothing).
    pub blank: bool,
    /// Its text is a block or shade character (█), a filled shape.
    pub block: bool,
}

/// How bytes split into codes.
#[derive(Debug)]
enum Codes {
    /// One byte each (simple and Type 3 fonts).
    One,
    /// Two bytes each, the code being the CID (`Identity-H`/`-V`).
    Identity,
    /// Two bytes each, the code being UTF-16 (`Uni…-UCS2-H`, `Uni…-UTF16-H`).
    Ucs2,
    /// As an embedded encoding CMap says.
    CMap(CMap),
}

/// A font, read once per document.
#[derive(Debug)]
pub struct Font {
    /// Its `/BaseFont` (for messages).
    pub name: String,
    codes: Codes,
    to_unicode: Option<CMap>,
    /// Simple fonts: the text of each code by base encoding and differences.
    encoding: Option<Vec<Option<Box<str>>>>,
    widths: Widths,
    /// Glyph space to text space, horizontally (1/1000 but for Type 3).
    scale: f32,
    /// The top and bottom of glyphs, in text space units.
    pub ascent: f32,
    pub descent: f32,
    /// Why its text cannot be read, if it cannot.
    pub problem: Option<String>,
    cache: RefCell<GlyphCache>,
}

/// Two-byte codes below this are cached by index.
const DENSE_CODES: u32 = 8192;

/// Glyphs decoded so far: a document repeats the same few hundred.
#[derive(Debug, Default)]
struct GlyphCache {
    dense: Vec<Option<Glyph>>,
    sparse: HashMap<u32, Glyph>,
}

impl Font {
    /// Reads a font dictionary.
    pub fn read(doc: &Document, font: &Dictionary, budget: &Budget) -> Result<Self, Exceeded> {
        let subtype = resolve::name(doc, font, b"Subtype").unwrap_or(b"Type1");
        let name = resolve::name(doc, font, b"BaseFont")
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .unwrap_or_else(|| String::from_utf8_lossy(subtype).into_owned());
        let mut problem = None;
        let mut read_cmap =
            |stream: Option<&lopdf::Stream>, what: &str| -> Result<Option<CMap>, Exceeded> {
                let Some(stream) = stream else {
                    return Ok(None);
                };
                match budget.decode(stream, what) {
                    Ok(data) => match CMap::parse(&data) {
                        Ok(map) => Ok(Some(map)),
                        Err(e) => {
                            problem = Some(format!("its {what} has {}", e.0));
                            Ok(None)
                        }
                    },
                    Err(Undecoded::Exceeded(e)) => Err(e),
                    Err(Undecoded::Image | Undecoded::Broken(_)) => {
                        problem = Some(format!("its {what} cannot be decoded"));
                        Ok(None)
                    }
                }
            };
        let to_unicode = read_cmap(resolve::stream(doc, font, b"ToUnicode"), "ToUnicode map")?;
        let composite = subtype == b"Type0";
        let (codes, encoding) = if composite {
            let codes = match resolve::get(doc, font, b"Encoding") {
                Some(Object::Name(n)) if n.starts_with(b"Identity") => Codes::Identity,
                Some(Object::Name(n))
                    if n.starts_with(b"Uni")
                        && (n.ends_with(b"UCS2-H") || n.ends_with(b"UTF16-H")) =>
                {
                    Codes::Ucs2
                }
                Some(Object::Stream(s)) => match read_cmap(Some(s), "encoding CMap")? {
                    Some(map) => Codes::CMap(map),
                    None => Codes::Identity,
                },
                other => {
                    // A predefined CJK CMap: code lengths from the ToUnicode map.
                    if to_unicode.as_ref().is_none_or(|m| !m.has_codespace()) {
                        let shown = match other {
                            Some(Object::Name(n)) => String::from_utf8_lossy(n).into_owned(),
                            _ => "none".into(),
                        };
                        problem.get_or_insert(format!("its encoding ({shown}) cannot be read"));
                    }
                    Codes::CMap(to_unicode.clone().unwrap_or_default())
                }
            };
            if to_unicode.is_none() && !matches!(codes, Codes::Ucs2) {
                problem.get_or_insert("it has no ToUnicode map".into());
            }
            (codes, None)
        } else {
            (Codes::One, Some(simple_encoding(doc, font, subtype, &name)))
        };
        let descendant = if composite {
            match resolve::get(doc, font, b"DescendantFonts") {
                Some(Object::Array(items)) => {
                    items.first().and_then(|d| resolve::as_dict(deref(doc, d)))
                }
                _ => None,
            }
        } else {
            None
        };
        let metrics = descendant.unwrap_or(font);
        let descriptor = resolve::dict(doc, metrics, b"FontDescriptor");
        let matrix = resolve::numbers(doc, font, b"FontMatrix").filter(|m| m.len() == 6);
        let type3 = subtype == b"Type3";
        let scale = match (&matrix, type3) {
            (Some(m), true) if m[0].abs() > 0.0 => m[0].abs(),
            _ => 0.001,
        };
        let vertical = match (&matrix, type3) {
            (Some(m), true) if m[3].abs() > 0.0 => m[3].abs(),
            _ => 0.001,
        };
        let (mut ascent, mut descent) = (800.0, -200.0);
        if let Some(d) = descriptor {
            ascent = resolve::number_at(doc, d, b"Ascent")
                .filter(|a| *a > 0.0)
                .unwrap_or(ascent);
            descent = resolve::number_at(doc, d, b"Descent")
                .filter(|a| *a < 0.0)
                .unwrap_or(descent);
        }
        if type3
            && let Some(bbox) = resolve::numbers(doc, font, b"FontBBox").filter(|b| b.len() == 4)
        {
            let (lo, hi) = (bbox[1].min(bbox[3]), bbox[1].max(bbox[3]));
            if hi > lo {
                ascent = hi;
                descent = lo.min(0.0);
            }
        }
        let widths = if composite {
            cid_widths(doc, metrics)
        } else {
            simple_widths(doc, font, descriptor, &name)
        };
        Ok(Self {
            name,
            codes,
            to_unicode,
            encoding,
            widths,
            scale,
            ascent: ascent * vertical,
            descent: descent * vertical,
            problem,
            cache: RefCell::default(),
        })
    }

    /// Calls `f` with each glyph `bytes` show, in order.
    pub fn glyphs(&self, bytes: &[u8], mut f: impl FnMut(&Glyph)) {
        let mut cache = self.cache.borrow_mut();
        let cache = &mut *cache;
        let mut at = 0;
        while at < bytes.len() {
            let n = match &self.codes {
                Codes::One => 1,
                Codes::Identity | Codes::Ucs2 => 2.min(bytes.len() - at),
                Codes::CMap(map) => map.code_length(&bytes[at..]),
            };
            let value = bytes[at..at + n]
                .iter()
                .fold(0u32, |v, &b| v << 8 | u32::from(b));
            at += n;
            // One- and two-byte codes (typst's CIDs among them) by index,
            // the rest by hash.
            let index = match n {
                1 => Some(value as usize),
                2 if value < DENSE_CODES => Some(256 + value as usize),
                _ => None,
            };
            let glyph = match index {
                Some(i) => {
                    if i >= cache.dense.len() {
                        cache.dense.resize_with(i + 1, || None);
                    }
                    cache.dense[i].get_or_insert_with(|| self.glyph(n, value))
                }
                None => {
                    let key = (n as u32) << 24 | value;
                    cache
                        .sparse
                        .entry(key)
                        .or_insert_with(|| self.glyph(n, value))
                }
            };
            f(glyph);
        }
    }

    fn glyph(&self, n: usize, code: u32) -> Glyph {
        let mapped = self.to_unicode.as_ref().and_then(|m| m.text(n, code));
        let encoded = match &self.codes {
            Codes::One => self
                .encoding
                .as_ref()
                .and_then(|e| e.get(code as usize).cloned().flatten()),
            Codes::Ucs2 => char::from_u32(code).map(|c| c.to_string().into_boxed_str()),
            _ => None,
        };
        let (text, alt) = match (mapped, encoded) {
            (Some(m), Some(e)) if m != e && !e.trim().is_empty() => (Some(m), Some(e)),
            (Some(m), _) => (Some(m), None),
            (None, e) => (e, None),
        };
        let cid = match &self.codes {
            Codes::CMap(map) => map.cid(n, code).unwrap_or(code),
            _ => code,
        };
        let width = self.widths.of(code, cid, text.as_deref());
        let mapped = text.is_some();
        let text = text.unwrap_or_default();
        Glyph {
            mapped,
            blank: text.chars().all(char::is_whitespace),
            block: super::canvas::is_block(&text),
            text,
            alt,
            width: width * self.scale,
            word_space: n == 1 && code == 32,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simple_fonts_decode_through_differences() {
        let doc = Document::new();
        let mut enc = Dictionary::new();
        enc.set(
            "Differences",
            Object::Array(vec![
                Object::Integer(1),
                Object::Name(b"J".to_vec()),
                Object::Name(b"o".to_vec()),
                Object::Name(b"g7".to_vec()),
            ]),
        );
        let mut font = Dictionary::new();
        font.set("Type", Object::Name(b"Font".to_vec()));
        font.set("Subtype", Object::Name(b"Type3".to_vec()));
        font.set("Encoding", Object::Dictionary(enc));
        font.set(
            "FontMatrix",
            Object::Array([0.01, 0.0, 0.0, 0.01, 0.0, 0.0].map(Object::Real).to_vec()),
        );
        font.set("FirstChar", 1);
        font.set(
            "Widths",
            Object::Array(vec![50.into(), 60.into(), 70.into()]),
        );
        let budget = Budget::new(Default::default());
        let f = Font::read(&doc, &font, &budget).unwrap();
        let mut seen = Vec::new();
        f.glyphs(&[1, 2, 3], |g| {
            seen.push((g.text.to_string(), g.width, g.mapped))
        });
        assert_eq!(seen[0], ("J".into(), 0.5, true));
        assert_eq!(seen[1].0, "o");
        assert!(!seen[2].2, "an unknown glyph name has no text");
    }
}
