//! Streams no page drew, live or dead (an orphan, an earlier revision's
//! content, a form never used, a pattern, a Type 3 glyph, a font program):
//! each decoded within the budget and read for what a person could pull
//! out of it.
//!
//! - Text-like data (PDF syntax, CMaps, XML): every printable run and every
//!   string decoded; where it draws text, it is also interpreted as content
//!   through its own resources or, for a page left over from an earlier
//!   revision, through every font the document names.
//! - Font programs: the names a font gives itself (family, full and
//!   PostScript names, glyph names), read with ttf-parser; not the vendor's
//!   copyright, designer and licence notices, which name real people who
//!   are no one's case (Liberation Sans names its designer).
//! - Other binary data: runs of at least [`BINARY_RUN`] printable ASCII or
//!   UTF-16 characters. Shorter runs in compressed or binary data are noise
//!   that spells short names by chance.
//! - Images: counted, not read.

use std::collections::{HashMap, HashSet};

use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

use super::canvas::Canvas;
use super::content::{GState, Interpreter};
use super::geometry::Matrix;
use super::limits::{Exceeded, Undecoded};
use super::printable::{BINARY_RUN, printable};
use super::raw::{self, RawFile};
use super::reading::{Place, Reading, Reason};
use super::resolve;

/// What the document says about its streams.
struct Kinds {
    /// Images that are another image's soft mask or mask.
    masks: HashSet<u32>,
    /// Font programs (`/FontFile`, `/FontFile2`, `/FontFile3`).
    font_programs: HashSet<u32>,
    /// Every font the document names, as a resource dictionary.
    fonts: Dictionary,
}

/// Reads every stream the pages did not.
pub fn unread(
    pdf: &[u8],
    doc: &Document,
    raw: &RawFile,
    interpreter: &mut Interpreter<'_, '_>,
    reading: &mut Reading,
) -> Result<(), Exceeded> {
    let kinds = kinds(doc);
    let live: Vec<(ObjectId, &Stream)> = doc
        .objects
        .iter()
        .filter_map(|(id, o)| match o {
            Object::Stream(s) => Some((*id, s)),
            _ => None,
        })
        .collect();
    for (id, stream) in live {
        if !interpreter.read.contains(&id) {
            read_stream(id.0, stream, &kinds, interpreter, reading)?;
        }
    }
    // Streams written in the bytes that lopdf did not load as the live
    // version of their object: earlier revisions, orphans.
    for object in &raw.objects {
        let Some((dict, range)) = &object.stream else {
            continue;
        };
        if raw::is_live(doc, object) {
            continue;
        }
        let stream = Stream::new(dict.clone(), pdf[range.clone()].to_vec());
        read_stream(object.id.0, &stream, &kinds, interpreter, reading)?;
    }
    Ok(())
}

fn read_stream(
    number: u32,
    stream: &Stream,
    kinds: &Kinds,
    interpreter: &mut Interpreter<'_, '_>,
    reading: &mut Reading,
) -> Result<(), Exceeded> {
    let dict = &stream.dict;
    if resolve::is_name(dict, b"Type", b"XRef") || resolve::is_name(dict, b"Type", b"ObjStm") {
        return Ok(()); // read before loading
    }
    if resolve::is_name(dict, b"Subtype", b"Image") {
        if !kinds.masks.contains(&number) {
            reading.images.elsewhere += 1;
        }
        return Ok(());
    }
    let data = match interpreter
        .budget
        .decode(stream, &format!("object {number}"))
    {
        Ok(data) => data,
        Err(Undecoded::Exceeded(e)) => return Err(e),
        Err(Undecoded::Image) => {
            reading.images.elsewhere += 1;
            return Ok(());
        }
        Err(Undecoded::Broken(why)) => {
            reading.refuse(
                Reason::UnreadableText,
                format!("stream {number} cannot be decoded ({why}), so it cannot be searched"),
            );
            return Ok(());
        }
    };
    let text = if kinds.font_programs.contains(&number) {
        font_names(&data)
    } else if looks_textual(&data) {
        let mut text = raw::scan(&data, interpreter.budget.limits.nesting).text_without(|_| false);
        if draws(&data) {
            let own = resolve::dict(interpreter.doc, dict, b"Resources");
            let mut canvas = Canvas::new(None);
            let state = GState::new(Matrix::IDENTITY);
            match own {
                Some(resources) => {
                    interpreter.run(&data, Some(resources), state, &mut canvas, 0)?
                }
                None => interpreter.run(&data, Some(&kinds.fonts), state, &mut canvas, 0)?,
            }
            text.push('\n');
            text.push_str(&canvas.text);
            text.push('\n');
            text.push_str(&canvas.extra);
            reading.images.elsewhere += canvas.images;
        }
        text
    } else {
        let mut text = String::new();
        printable(&data, BINARY_RUN, false, &mut text);
        text
    };
    reading.text(Place::Object(number), text);
    Ok(())
}

/// Mostly printable: PDF syntax, a CMap, XML; not a font program or pixels.
fn looks_textual(data: &[u8]) -> bool {
    let head = &data[..data.len().min(2048)];
    let printable = head
        .iter()
        .filter(|&&b| matches!(b, 0x20..=0x7e | b'\n' | b'\r' | b'\t'))
        .count();
    printable * 10 >= head.len() * 9
}

/// Whether content draws text or forms.
fn draws(data: &[u8]) -> bool {
    let has = |needle: &[u8]| memchr::memmem::find(data, needle).is_some();
    (has(b"BT") && (has(b"Tj") || has(b"TJ") || has(b"'") || has(b"\""))) || has(b"Do")
}

/// The names a TrueType or OpenType font gives itself and its glyphs (not
/// its vendor's notices); nothing for other font formats.
fn font_names(data: &[u8]) -> String {
    /// Copyright, trademark, manufacturer, designer, description, URLs,
    /// licence.
    const NOTICES: [u16; 9] = [0, 7, 8, 9, 10, 11, 12, 13, 14];
    let mut out = String::new();
    let Ok(face) = ttf_parser::Face::parse(data, 0) else {
        return out;
    };
    for name in face.names() {
        if NOTICES.contains(&name.name_id) {
            continue;
        }
        if let Some(s) = name.to_string() {
            out.push_str(&s);
            out.push('\n');
        }
    }
    // A glyph name of one letter names that letter: a run of them ("S",
    // "A", "P", "H") is the alphabet of a subset, not initials.
    for id in 0..face.number_of_glyphs() {
        if let Some(name) = face
            .glyph_name(ttf_parser::GlyphId(id))
            .filter(|n| n.chars().nth(1).is_some())
        {
            out.push_str(name);
            out.push('\n');
        }
    }
    out
}

fn kinds(doc: &Document) -> Kinds {
    let mut masks = HashSet::new();
    let mut font_programs = HashSet::new();
    let mut fonts: HashMap<Vec<u8>, Object> = HashMap::new();
    for object in doc.objects.values() {
        let Some(dict) = resolve::as_dict(object) else {
            continue;
        };
        for key in [b"SMask".as_slice(), b"Mask"] {
            if let Ok(Object::Reference(id)) = dict.get(key) {
                masks.insert(id.0);
            }
        }
        for key in [b"FontFile".as_slice(), b"FontFile2", b"FontFile3"] {
            if let Ok(Object::Reference(id)) = dict.get(key) {
                font_programs.insert(id.0);
            }
        }
        // Resource dictionaries are objects of their own or written into
        // pages, forms, patterns and Type 3 fonts.
        let own = resolve::dict(doc, dict, b"Resources");
        for resources in [Some(dict), own].into_iter().flatten() {
            if let Some(font_dict) = resolve::dict(doc, resources, b"Font") {
                for (name, font) in font_dict {
                    fonts.entry(name.clone()).or_insert_with(|| font.clone());
                }
            }
        }
    }
    let mut names: Vec<_> = fonts.into_iter().collect();
    names.sort_by(|a, b| a.0.cmp(&b.0));
    let mut font = Dictionary::new();
    for (name, object) in names {
        font.set(name, object);
    }
    let mut resources = Dictionary::new();
    resources.set("Font", Object::Dictionary(font));
    Kinds {
        masks,
        font_programs,
        fonts: resources,
    }
}
