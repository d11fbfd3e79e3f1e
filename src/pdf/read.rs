//! Reading a PDF for the verifier, whatever the file does: the texts to
//! search, each with its place, the images that cannot be searched, the
//! text a reader cannot see, and every reason the file cannot be proven
//! clean. Nothing here knows what is searched for.
//!
//! In order:
//!
//! 1. the bytes ([`super::raw`]): objects written anywhere, real
//!    end-of-file markers, trailers; nesting, object-count and inflation
//!    limits checked before lopdf inflates anything;
//! 2. revisions: one, or two for a linearised file whose first object says
//!    so and whose length matches;
//! 3. lopdf loads the file; every object the cross-reference data declares
//!    must have loaded, the page tree must walk to at least one page;
//! 4. each page is interpreted ([`super::content`]): its text joined by
//!    position, read again in position order where drawn out of order,
//!    ActualText, images, hidden text ([`super::hidden`]);
//! 5. strings outside content (metadata, outline, structure tree) and XMP;
//! 6. every stream not read as page content, live or dead, decoded and read
//!    as text (and as content, through the document's fonts, where it
//!    draws text);
//! 7. the file's own bytes, outside stream data.

use std::collections::HashSet;

use lopdf::{Document, LoadOptions, Object, Stream};

use super::canvas::Canvas;
use super::content::{GState, Interpreter};
use super::geometry::Matrix;
use super::hidden;
use super::limits::{Budget, Exceeded, Limits, Undecoded};
use super::raw::{self, RawFile};
use super::reading::{PageImages, PageText, Place, Reading, Reason};
use super::resolve;
use super::structure::{self, PageRef};

/// Reads a PDF within `limits`.
pub fn read(pdf: &[u8], limits: Limits) -> Reading {
    let mut reading = Reading::default();
    if pdf.len() > limits.file {
        reading.refuse(
            Reason::Limit,
            format!(
                "the PDF is larger than {} (the limit)",
                super::limits::mib(limits.file)
            ),
        );
        return reading;
    }
    let budget = Budget::new(limits);
    let raw = raw::scan(pdf, limits.nesting);
    if let Err(stop) = before_loading(pdf, &raw, &budget, &mut reading) {
        if let Stop::Limit(e) = stop {
            reading.refuse(Reason::Limit, format!("{e}: it is not read further"));
        }
        reading.text(Place::File, raw.text_without(|_| false));
        return reading;
    }
    for message in revisions(pdf, &raw) {
        reading.refuse(Reason::Revisions, message);
    }
    let options = LoadOptions {
        max_decompressed_size: Some(limits.stream),
        ..LoadOptions::default()
    };
    let text = match Document::load_mem_with_options(pdf, options) {
        Ok(doc) => {
            if let Err(e) = read_document(pdf, &doc, &raw, &budget, &mut reading) {
                reading.refuse(Reason::Limit, format!("{e}: it is not read further"));
            }
            // The live objects were read through lopdf.
            raw.text_without(|o| raw::is_live(&doc, o))
        }
        Err(e) => {
            reading.refuse(
                Reason::Unreadable,
                format!("the PDF cannot be read ({e}), so it cannot be proven clean"),
            );
            raw.text_without(|_| false)
        }
    };
    reading.text(Place::File, text);
    reading
}

/// Why a file is not loaded.
enum Stop {
    Limit(Exceeded),
    /// Encrypted (refused already).
    Encrypted,
}

impl From<Exceeded> for Stop {
    fn from(e: Exceeded) -> Self {
        Self::Limit(e)
    }
}

/// Limits lopdf cannot keep itself: nesting, objects declared, and what
/// object and cross-reference streams inflate to (lopdf inflates those
/// while loading). Also refuses encrypted files.
fn before_loading(
    pdf: &[u8],
    raw: &RawFile,
    budget: &Budget,
    reading: &mut Reading,
) -> Result<(), Stop> {
    if let Some(&deep) = raw.too_deep.first() {
        return Err(Stop::Limit(Exceeded(format!(
            "object {deep} nests arrays or dictionaries more than {} deep (the limit)",
            budget.limits.nesting
        ))));
    }
    let mut objects = raw.objects.len();
    for object in &raw.objects {
        let Some((dict, range)) = &object.stream else {
            continue;
        };
        let kind = dict.get(b"Type").ok().and_then(|t| t.as_name().ok());
        if !matches!(kind, Some(b"ObjStm" | b"XRef")) {
            continue;
        }
        let what = format!("object {}", object.id.0);
        let stream = Stream::new(dict.clone(), pdf[range.clone()].to_vec());
        match budget.decode(&stream, &what) {
            Ok(data) if kind == Some(b"ObjStm") => {
                objects += dict
                    .get(b"N")
                    .ok()
                    .and_then(|n| n.as_i64().ok())
                    .unwrap_or(0)
                    .max(0) as usize;
                reading.text(
                    Place::Object(object.id.0),
                    raw::scan(&data, budget.limits.nesting).text_without(|_| false),
                );
            }
            Ok(data) => {
                let width: i64 = match dict.get(b"W") {
                    Ok(Object::Array(w)) => w.iter().filter_map(|v| v.as_i64().ok()).sum(),
                    _ => 0,
                };
                objects += data.len() / width.max(1) as usize;
            }
            Err(Undecoded::Exceeded(e)) => return Err(e.into()),
            Err(_) => {}
        }
    }
    if objects > budget.limits.objects {
        return Err(Stop::Limit(Exceeded(format!(
            "it declares more than {} objects (the limit)",
            budget.limits.objects
        ))));
    }
    let encrypted = raw.trailers.iter().any(|t| t.has(b"Encrypt"))
        || raw.objects.iter().any(|o| {
            o.stream
                .as_ref()
                .is_some_and(|(d, _)| resolve::is_name(d, b"Type", b"XRef") && d.has(b"Encrypt"))
        });
    if encrypted {
        reading.refuse(
            Reason::Encrypted,
            "the PDF is encrypted, so its text cannot all be read; decrypt it (for example `qpdf --decrypt`) and verify the copy",
        );
        return Err(Stop::Encrypted);
    }
    Ok(())
}

/// One revision, or a linearised file's two; anything else leaves earlier
/// revisions in the file.
fn revisions(pdf: &[u8], raw: &RawFile) -> Vec<String> {
    let length = pdf.len() - raw.header;
    let linearised = raw
        .linearised_length()
        .is_some_and(|l| l == length as i64 || l == pdf.len() as i64);
    let expected = if linearised { 2 } else { 1 };
    let mut out = Vec::new();
    if raw.eof_markers != expected {
        out.push(format!(
            "the PDF has {} end-of-file markers{}: earlier revisions may be recoverable",
            raw.eof_markers,
            if linearised {
                " (a linearised file has 2)"
            } else {
                ""
            }
        ));
    }
    let prevs = raw.trailers.iter().filter(|t| t.has(b"Prev")).count()
        + raw
            .objects
            .iter()
            .filter(|o| {
                o.stream
                    .as_ref()
                    .is_some_and(|(d, _)| resolve::is_name(d, b"Type", b"XRef") && d.has(b"Prev"))
            })
            .count();
    if prevs > expected - 1 {
        out.push(
            "the PDF has been updated incrementally (/Prev): earlier revisions may be recoverable"
                .into(),
        );
    }
    let mut seen = HashSet::new();
    let twice: Vec<u32> = raw
        .objects
        .iter()
        .filter(|o| !seen.insert(o.id))
        .map(|o| o.id.0)
        .collect();
    if !twice.is_empty() {
        out.push(format!(
            "{} written more than once: earlier revisions are left in the file",
            match twice.as_slice() {
                [one] => format!("object {one} is"),
                _ => format!("objects {} are", structure::list(&twice)),
            }
        ));
    }
    out
}

fn read_document(
    pdf: &[u8],
    doc: &Document,
    raw: &RawFile,
    budget: &Budget,
    reading: &mut Reading,
) -> Result<(), Exceeded> {
    let lost = structure::lost_objects(doc);
    if !lost.is_empty() {
        reading.refuse(
            Reason::Structure,
            format!(
                "{} declared but could not be read (damaged, or nested too deep)",
                match lost.as_slice() {
                    [one] => format!("object {one} is"),
                    _ => format!("objects {} are", structure::list(&lost)),
                }
            ),
        );
    }
    for message in structure::forbidden_content(doc) {
        reading.refuse(Reason::Forbidden, message);
    }
    let mut interpreter = Interpreter::new(doc, budget);
    match structure::pages(doc) {
        Ok(pages) if pages.is_empty() => reading.refuse(Reason::Structure, "the PDF has no pages"),
        Ok(pages) => {
            for (n, page) in pages.iter().enumerate() {
                read_page(n + 1, page, &mut interpreter, reading)?;
            }
        }
        Err(e) => reading.refuse(
            Reason::Structure,
            format!("{e}, so its pages cannot all be read"),
        ),
    }
    reading.text(Place::Metadata, structure::strings_outside_content(doc));
    let mut xmp = String::new();
    for (id, stream) in structure::metadata_streams(doc) {
        interpreter.read.insert(id);
        match budget.decode(stream, &format!("the XMP metadata (object {})", id.0)) {
            Ok(data) => structure::xml_values(&String::from_utf8_lossy(&data), &mut xmp),
            Err(Undecoded::Exceeded(e)) => return Err(e),
            Err(_) => reading.refuse(
                Reason::UnreadableText,
                format!("the XMP metadata (object {}) cannot be decoded", id.0),
            ),
        }
    }
    reading.text(Place::Xmp, xmp);
    super::streams::unread(pdf, doc, raw, &mut interpreter, reading)?;
    for problem in std::mem::take(&mut interpreter.problems) {
        reading.refuse(Reason::UnreadableText, problem);
    }
    Ok(())
}

fn read_page(
    n: usize,
    page: &PageRef<'_>,
    interpreter: &mut Interpreter<'_, '_>,
    reading: &mut Reading,
) -> Result<(), Exceeded> {
    let doc = interpreter.doc;
    let mut content = Vec::new();
    let contents: Vec<&Object> = match page.dict.get(b"Contents") {
        Err(_) => Vec::new(),
        Ok(written) => match resolve::deref(doc, written) {
            Object::Array(items) => items.iter().collect(),
            Object::Null => Vec::new(),
            _ => vec![written],
        },
    };
    for item in contents {
        let id = item.as_reference().ok();
        let Object::Stream(stream) = resolve::deref(doc, item) else {
            reading.refuse(
                Reason::Structure,
                format!("the content of page {n} is not a stream, so it cannot be read"),
            );
            continue;
        };
        if let Some(id) = id {
            interpreter.read.insert(id);
        }
        match interpreter
            .budget
            .decode(stream, &format!("the content of page {n}"))
        {
            Ok(data) => {
                content.extend_from_slice(&data);
                content.push(b'\n');
            }
            Err(Undecoded::Exceeded(e)) => return Err(e),
            Err(_) => reading.refuse(
                Reason::UnreadableText,
                format!("the content of page {n} cannot be decoded, so its text cannot be read"),
            ),
        }
    }
    let mut canvas = Canvas::new(Some(page.visible));
    // About a glyph per dozen bytes of content in typst's pages.
    canvas.glyphs.reserve(content.len() / 12);
    canvas.glyph_text.reserve(content.len() / 12);
    canvas.text.reserve(content.len() / 8);
    interpreter.run(
        &content,
        page.resources,
        GState::new(Matrix::IDENTITY),
        &mut canvas,
        0,
    )?;
    reading.hidden.extend(hidden::find(&canvas, n)?);
    if canvas.unmapped > 0 {
        reading.refuse(
            Reason::UnreadableText,
            format!(
                "page {n} shows {} with no Unicode mapping, so that text cannot be read (fonts: {})",
                crate::diag::count(canvas.unmapped, "glyph"),
                canvas.unreadable_fonts.join(", ")
            ),
        );
    }
    if canvas.images > 0 {
        reading.images.pages.push(PageImages {
            page: n,
            images: canvas.images,
        });
    }
    let mut extra = std::mem::take(&mut canvas.extra);
    if canvas.disordered {
        extra.push_str(&super::text::in_position_order(&canvas));
    }
    reading.pages.push(PageText {
        text: canvas.text,
        extra,
    });
    Ok(())
}

/// The text of each page, in drawing order, as extracted (pages only: no
/// metadata, no raw bytes; not normalised).
pub fn page_texts_as_extracted(doc: &Document) -> Result<Vec<String>, String> {
    let budget = Budget::new(Limits::default());
    let mut interpreter = Interpreter::new(doc, &budget);
    let mut reading = Reading::default();
    for (n, page) in structure::pages(doc)?.iter().enumerate() {
        read_page(n + 1, page, &mut interpreter, &mut reading).map_err(|e| e.0)?;
    }
    Ok(reading.pages.into_iter().map(|p| p.text).collect())
}
