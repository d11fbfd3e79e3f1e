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

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use lopdf::{Dictionary, Document, Object};

use super::cmap::CMap;
use super::limits::{Budget, Exceeded, Undecoded};
use super::resolve::{self, deref};

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

#[derive(Debug)]
enum Widths {
    Simple {
        first: u32,
        widths: Vec<f32>,
        missing: f32,
    },
    Cid {
        ranges: Vec<(u32, u32, f32)>,
        default: f32,
    },
    Standard(Standard),
}

#[derive(Debug, Clone, Copy)]
enum Standard {
    Courier,
    Sans { bold: bool },
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
        let width = match &self.widths {
            Widths::Simple {
                first,
                widths,
                missing,
            } => code
                .checked_sub(*first)
                .and_then(|i| widths.get(i as usize))
                .copied()
                .unwrap_or(*missing),
            Widths::Cid { ranges, default } => ranges
                .iter()
                .find(|&&(lo, hi, _)| cid >= lo && cid <= hi)
                .map_or(*default, |&(_, _, w)| w),
            Widths::Standard(family) => {
                let c = text
                    .as_deref()
                    .and_then(|t| t.chars().next())
                    .unwrap_or('n');
                standard_width(*family, c)
            }
        };
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

/// The text of each code of a simple font: base encoding, then differences.
fn simple_encoding(
    doc: &Document,
    font: &Dictionary,
    subtype: &[u8],
    name: &str,
) -> Vec<Option<Box<str>>> {
    let symbolic = name.contains("Symbol") || name.contains("Dingbats");
    let default = if subtype == b"Type3" || symbolic {
        None
    } else {
        Some(b"StandardEncoding".as_slice())
    };
    let (base, differences) = match resolve::get(doc, font, b"Encoding") {
        Some(Object::Name(n)) => (Some(n.as_slice()), None),
        Some(encoding @ (Object::Dictionary(_) | Object::Stream(_))) => {
            let dict = resolve::as_dict(encoding).expect("a dictionary");
            (
                resolve::name(doc, dict, b"BaseEncoding").or(default),
                match resolve::get(doc, dict, b"Differences") {
                    Some(Object::Array(items)) => Some(items),
                    _ => None,
                },
            )
        }
        _ => (default, None),
    };
    let table = base.and_then(base_encoding);
    let mut out: Vec<Option<Box<str>>> = (0..256)
        .map(|b| {
            table
                .and_then(|t| t[b])
                .map(|c| c.to_string().into_boxed_str())
        })
        .collect();
    if let Some(items) = differences {
        let mut code = 0usize;
        for item in items {
            match deref(doc, item) {
                Object::Integer(i) => code = usize::try_from(*i).unwrap_or(256),
                Object::Name(glyph) => {
                    if let Some(slot) = out.get_mut(code) {
                        *slot = glyph_text(glyph);
                    }
                    code += 1;
                }
                _ => {}
            }
        }
    }
    out
}

/// The characters of the standard single-byte encodings, read from lopdf's
/// tables once.
fn base_encoding(name: &[u8]) -> Option<&'static [Option<char>; 256]> {
    fn table(name: &'static str) -> [Option<char>; 256] {
        let mut font = Dictionary::new();
        font.set("Type", Object::Name(b"Font".to_vec()));
        font.set("Encoding", Object::Name(name.as_bytes().to_vec()));
        let doc = Document::new();
        let mut out = [None; 256];
        if let Ok(encoding) = font.get_font_encoding(&doc) {
            for (b, slot) in out.iter_mut().enumerate() {
                *slot = encoding
                    .bytes_to_string(&[b as u8])
                    .ok()
                    .and_then(|s| s.chars().next());
            }
        }
        out
    }
    static STANDARD: LazyLock<[Option<char>; 256]> = LazyLock::new(|| table("StandardEncoding"));
    static WIN: LazyLock<[Option<char>; 256]> = LazyLock::new(|| table("WinAnsiEncoding"));
    static MAC: LazyLock<[Option<char>; 256]> = LazyLock::new(|| table("MacRomanEncoding"));
    static EXPERT: LazyLock<[Option<char>; 256]> = LazyLock::new(|| table("MacExpertEncoding"));
    match name {
        b"StandardEncoding" => Some(&STANDARD),
        b"WinAnsiEncoding" => Some(&WIN),
        b"MacRomanEncoding" => Some(&MAC),
        b"MacExpertEncoding" => Some(&EXPERT),
        _ => None,
    }
}

/// The text of a glyph name: `uniXXXX…`, `uXXXX[XX]`, Adobe Glyph List
/// names (through lopdf's list), with suffixes (`.sc`) dropped and
/// ligatures (`f_i`) read part by part.
pub fn glyph_text(name: &[u8]) -> Option<Box<str>> {
    let base = name.split(|&b| b == b'.').next().unwrap_or(name);
    if base.is_empty() {
        return None;
    }
    let mut out = String::new();
    for part in base.split(|&b| b == b'_') {
        out.push_str(&glyph_part(part)?);
    }
    Some(out.into_boxed_str())
}

fn glyph_part(name: &[u8]) -> Option<String> {
    let hex = |digits: &[u8]| {
        std::str::from_utf8(digits)
            .ok()
            .and_then(|d| u32::from_str_radix(d, 16).ok())
            .and_then(char::from_u32)
    };
    if let Some(digits) = name.strip_prefix(b"uni")
        && digits.len() >= 4
        && digits.len() % 4 == 0
    {
        return digits.chunks(4).map(hex).collect();
    }
    if let Some(digits) = name.strip_prefix(b"u")
        && (4..=6).contains(&digits.len())
        && let Some(c) = hex(digits)
    {
        return Some(c.to_string());
    }
    agl(name).map(String::from)
}

/// An Adobe Glyph List name, through lopdf's list: a font whose
/// differences name the glyph at code 1 decodes code 1 only when lopdf
/// knows the name.
fn agl(name: &[u8]) -> Option<char> {
    static KNOWN: LazyLock<Mutex<HashMap<Vec<u8>, Option<char>>>> = LazyLock::new(Mutex::default);
    if let Some(c) = KNOWN.lock().ok()?.get(name) {
        return *c;
    }
    let mut differences = Dictionary::new();
    differences.set(
        "Differences",
        Object::Array(vec![Object::Integer(1), Object::Name(name.to_vec())]),
    );
    let mut font = Dictionary::new();
    font.set("Type", Object::Name(b"Font".to_vec()));
    font.set("Encoding", Object::Dictionary(differences));
    let doc = Document::new();
    let c = font
        .get_font_encoding(&doc)
        .ok()
        .and_then(|e| e.bytes_to_string(&[1]).ok())
        .and_then(|s| s.chars().next());
    KNOWN.lock().ok()?.insert(name.to_vec(), c);
    c
}

fn simple_widths(
    doc: &Document,
    font: &Dictionary,
    descriptor: Option<&Dictionary>,
    name: &str,
) -> Widths {
    let missing = descriptor
        .and_then(|d| resolve::number_at(doc, d, b"MissingWidth"))
        .unwrap_or(0.0);
    if let Some(widths) = resolve::numbers(doc, font, b"Widths") {
        let first = resolve::number_at(doc, font, b"FirstChar")
            .unwrap_or(0.0)
            .max(0.0) as u32;
        return Widths::Simple {
            first,
            widths,
            missing,
        };
    }
    let base = name.split_once('+').map_or(name, |(_, b)| b);
    if base.starts_with("Courier") {
        Widths::Standard(Standard::Courier)
    } else {
        Widths::Standard(Standard::Sans {
            bold: base.contains("Bold") || base.contains("Black") || base.contains("Heavy"),
        })
    }
}

fn cid_widths(doc: &Document, descendant: &Dictionary) -> Widths {
    let default = resolve::number_at(doc, descendant, b"DW").unwrap_or(1000.0);
    let mut ranges = Vec::new();
    if let Some(Object::Array(w)) = resolve::get(doc, descendant, b"W") {
        let mut i = 0;
        while i < w.len() {
            let first = resolve::number(deref(doc, &w[i])).unwrap_or(0.0).max(0.0) as u32;
            match w.get(i + 1).map(|o| deref(doc, o)) {
                Some(Object::Array(each)) => {
                    for (k, width) in each.iter().enumerate() {
                        if let Some(width) = resolve::number(deref(doc, width)) {
                            let cid = first.saturating_add(k as u32);
                            ranges.push((cid, cid, width));
                        }
                    }
                    i += 2;
                }
                Some(last) => {
                    let last = resolve::number(last).unwrap_or(0.0).max(0.0) as u32;
                    let width = w
                        .get(i + 2)
                        .and_then(|o| resolve::number(deref(doc, o)))
                        .unwrap_or(default);
                    ranges.push((first, last, width));
                    i += 3;
                }
                None => break,
            }
        }
    }
    Widths::Cid { ranges, default }
}

/// A standard 14 font's width of `c`, in thousandths of an em.
fn standard_width(family: Standard, c: char) -> f32 {
    static SANS: LazyLock<[Option<ttf_parser::Face<'static>>; 2]> = LazyLock::new(|| {
        let read = |data: &'static [u8]| ttf_parser::Face::parse(data, 0).ok();
        [
            read(crate::typeset::fonts::FONT_FILES[0]),
            read(crate::typeset::fonts::FONT_FILES[1]),
        ]
    });
    match family {
        Standard::Courier => 600.0,
        Standard::Sans { bold } => SANS[usize::from(bold)]
            .as_ref()
            .and_then(|face| {
                let id = face.glyph_index(c)?;
                let advance = f32::from(face.glyph_hor_advance(id)?);
                Some(advance * 1000.0 / f32::from(face.units_per_em()))
            })
            .unwrap_or(556.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glyph_names_read_as_text() {
        assert_eq!(glyph_text(b"J").as_deref(), Some("J"));
        assert_eq!(glyph_text(b"uni004A006F").as_deref(), Some("Jo"));
        assert_eq!(glyph_text(b"u1F600").as_deref(), Some("\u{1F600}"));
        assert_eq!(glyph_text(b"f_i").as_deref(), Some("fi"));
        assert_eq!(glyph_text(b"a.sc").as_deref(), Some("a"));
        assert_eq!(glyph_text(b"quoteright").as_deref(), Some("\u{2019}"));
        assert_eq!(glyph_text(b"g123"), None);
    }

    #[test]
    fn standard_fonts_are_measured() {
        let w = standard_width(Standard::Sans { bold: false }, 'm');
        assert!((w - 833.0).abs() < 2.0, "{w}");
        assert!((standard_width(Standard::Sans { bold: false }, 'i') - 222.0).abs() < 2.0);
        assert_eq!(standard_width(Standard::Courier, 'i'), 600.0);
    }

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
