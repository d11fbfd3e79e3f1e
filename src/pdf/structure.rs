//! The document's structure as lopdf loaded it: every object the file
//! declares must have loaded, the page tree must walk cleanly to at least
//! one page, and nothing a publication PDF must not hold may be there
//! (annotations, forms, attachments, scripts, actions, hidden layers). Also
//! the text that lives outside content streams: strings in objects
//! (metadata, outlines, structure tree) and XMP packets.

use std::collections::HashSet;

use lopdf::xref::XrefEntry;
use lopdf::{Dictionary, Document, Object, ObjectId};

use super::geometry::Rect;
use super::resolve::{self, deref};
use super::syntax;

/// A page found by walking the page tree.
#[derive(Debug)]
pub struct PageRef<'d> {
    pub dict: &'d Dictionary,
    /// Its resources, inherited if need be.
    pub resources: Option<&'d Dictionary>,
    /// What a viewer shows: the crop box within the media box.
    pub visible: Rect,
}

/// The deepest page tree walked.
const MAX_TREE_DEPTH: usize = 64;

/// US Letter, what readers assume for a page with no media box.
const LETTER: Rect = Rect {
    x0: 0.0,
    y0: 0.0,
    x1: 612.0,
    y1: 792.0,
};

/// Objects the cross-reference data declares in use that did not load.
pub fn lost_objects(doc: &Document) -> Vec<u32> {
    let mut lost: Vec<u32> = doc
        .reference_table
        .entries
        .iter()
        .filter_map(|(&number, entry)| match entry {
            XrefEntry::Normal { generation, .. } => {
                (!doc.objects.contains_key(&(number, *generation))).then_some(number)
            }
            XrefEntry::Compressed { .. } => {
                (!doc.objects.contains_key(&(number, 0))).then_some(number)
            }
            _ => None,
        })
        .collect();
    lost.sort_unstable();
    lost
}

/// "5, 7 and 9", or the first few and how many more.
pub fn list(numbers: &[u32]) -> String {
    let shown: Vec<String> = numbers.iter().take(8).map(u32::to_string).collect();
    match numbers.len() {
        0 => String::new(),
        1 => shown[0].clone(),
        n if n <= 8 => format!("{} and {}", shown[..n - 1].join(", "), shown[n - 1]),
        n => format!("{} and {} more", shown.join(", "), n - 8),
    }
}

/// Every page, by walking the page tree from the catalog; an error names
/// what does not walk.
pub fn pages(doc: &Document) -> Result<Vec<PageRef<'_>>, String> {
    let catalog = doc
        .trailer
        .get(b"Root")
        .ok()
        .map(|r| deref(doc, r))
        .and_then(resolve::as_dict)
        .ok_or("the PDF has no catalog")?;
    let root = catalog
        .get(b"Pages")
        .map_err(|_| "the catalog has no page tree")?;
    let root_id = root.as_reference().ok();
    let root = resolve::as_dict(deref(doc, root)).ok_or("the catalog's page tree is missing")?;
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    if let Some(id) = root_id {
        seen.insert(id);
    }
    let inherited = Inherited {
        resources: None,
        media: None,
        crop: None,
    };
    walk(
        doc,
        root,
        root_id.unwrap_or((0, 0)),
        inherited,
        0,
        &mut seen,
        &mut out,
    )?;
    if let Some(count) = resolve::number_at(doc, root, b"Count")
        && count as usize != out.len()
    {
        return Err(format!(
            "the page tree says it holds {count} pages but holds {}",
            out.len()
        ));
    }
    Ok(out)
}

#[derive(Clone, Copy)]
struct Inherited<'d> {
    resources: Option<&'d Dictionary>,
    media: Option<Rect>,
    crop: Option<Rect>,
}

fn walk<'d>(
    doc: &'d Document,
    node: &'d Dictionary,
    id: ObjectId,
    inherited: Inherited<'d>,
    depth: usize,
    seen: &mut HashSet<ObjectId>,
    out: &mut Vec<PageRef<'d>>,
) -> Result<(), String> {
    if depth > MAX_TREE_DEPTH {
        return Err(format!(
            "the page tree is more than {MAX_TREE_DEPTH} levels deep"
        ));
    }
    let rect = |key: &[u8]| resolve::numbers(doc, node, key).and_then(|v| Rect::from_array(&v));
    let here = Inherited {
        resources: resolve::dict(doc, node, b"Resources").or(inherited.resources),
        media: rect(b"MediaBox").or(inherited.media),
        crop: rect(b"CropBox").or(inherited.crop),
    };
    let is_page =
        resolve::is_name(node, b"Type", b"Page") || (!node.has(b"Kids") && node.has(b"Contents"));
    if is_page {
        let media = here.media.unwrap_or(LETTER);
        out.push(PageRef {
            dict: node,
            resources: here.resources,
            visible: here.crop.map_or(media, |c| c.intersect(&media)),
        });
        return Ok(());
    }
    let Some(Object::Array(kids)) = resolve::get(doc, node, b"Kids") else {
        return Err(format!(
            "page tree node {} is neither a page nor a list of pages",
            id.0
        ));
    };
    for kid in kids {
        let Object::Reference(kid_id) = kid else {
            return Err(format!(
                "page tree node {} lists a kid that is not a reference",
                id.0
            ));
        };
        if !seen.insert(*kid_id) {
            return Err(format!("the page tree reaches object {} twice", kid_id.0));
        }
        let Some(kid) = doc.objects.get(kid_id).and_then(resolve::as_dict) else {
            return Err(format!(
                "the page tree lists object {}, which is missing or not a dictionary",
                kid_id.0
            ));
        };
        walk(doc, kid, *kid_id, here, depth + 1, seen, out)?;
    }
    Ok(())
}

/// Annotations, forms, attachments, scripts, open actions, hidden layers.
pub fn forbidden_content(doc: &Document) -> Vec<String> {
    let mut found: Vec<&'static str> = Vec::new();
    let mut note = |what: &'static str| {
        if !found.contains(&what) {
            found.push(what);
        }
    };
    for object in doc.objects.values() {
        let Some(dict) = resolve::as_dict(object) else {
            continue;
        };
        // One pass over the keys: most dictionaries have a handful.
        for (key, value) in dict {
            let name = value.as_name().ok();
            match key.as_slice() {
                b"Annots" if !matches!(deref(doc, value), Object::Array(v) if v.is_empty()) => {
                    note("annotations")
                }
                b"Type" => match name {
                    Some(b"Annot") => note("annotations"),
                    Some(b"EmbeddedFile" | b"Filespec") => note("embedded files"),
                    _ => {}
                },
                b"AcroForm" => note("form fields"),
                b"EmbeddedFiles" => note("embedded files"),
                b"JS" | b"JavaScript" => note("JavaScript"),
                b"S" => match name {
                    Some(b"JavaScript") => note("JavaScript"),
                    Some(b"Launch") => note("a launch action"),
                    _ => {}
                },
                b"OpenAction" => note("an action run on opening"),
                b"AA" => note("additional actions"),
                b"OCProperties" => note("optional content (hidden layers)"),
                _ => {}
            }
        }
    }
    found
        .into_iter()
        .map(|what| format!("the PDF contains {what}"))
        .collect()
}

/// Every string in the document's objects (not inside content streams),
/// decoded, one per line; with names that are more than a word (escaped
/// spaces and letters beyond ASCII) and long integers.
pub fn strings_outside_content(doc: &Document) -> String {
    fn walk(object: &Object, out: &mut String) {
        match object {
            Object::String(s, _) => {
                syntax::text_string(s, out);
                out.push('\n');
            }
            Object::Name(n) if n.iter().any(|b| !b.is_ascii_graphic()) => {
                syntax::text_string(n, out);
                out.push('\n');
            }
            Object::Integer(i) if i.unsigned_abs() >= 1_000_000 => {
                out.push_str(&i.to_string());
                out.push('\n');
            }
            Object::Array(items) => items.iter().for_each(|o| walk(o, out)),
            Object::Dictionary(d) => dict(d, out),
            Object::Stream(s) => dict(&s.dict, out),
            _ => {}
        }
    }
    fn dict(d: &Dictionary, out: &mut String) {
        for (key, value) in d {
            if key.iter().any(|b| !b.is_ascii_graphic()) {
                syntax::text_string(key, out);
                out.push('\n');
            }
            walk(value, out);
        }
    }
    let mut out = String::new();
    doc.trailer.iter().for_each(|(_, o)| walk(o, &mut out));
    doc.objects.values().for_each(|o| walk(o, &mut out));
    out
}

/// The XMP metadata streams.
pub fn metadata_streams(doc: &Document) -> impl Iterator<Item = (ObjectId, &lopdf::Stream)> {
    doc.objects.iter().filter_map(|(id, object)| match object {
        Object::Stream(s) if resolve::is_name(&s.dict, b"Type", b"Metadata") => Some((*id, s)),
        _ => None,
    })
}

/// What an XML packet says, as opposed to how it is marked up: its text,
/// attribute values and processing instructions, entities decoded
/// ("O&apos;Neill" is O'Neill). Two thirds of typst's XMP is element and
/// namespace names, which the leak check need not read. XML that does not
/// parse is searched whole.
pub fn xml_values(xml: &str, out: &mut String) {
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
        if let Some(pi) = node.pi() {
            out.push_str(pi.target);
            out.push(' ');
            out.push_str(pi.value.unwrap_or_default());
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
            r#"<?xpacket begin="" id="Ann Lee"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:title xmlns:dc="d" x:about="Ann Lee">Mrs O&apos;Neill &#x26; son</dc:title><!-- 07700 900123 --></x:xmpmeta>"#,
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
    fn lists_are_short() {
        assert_eq!(list(&[5]), "5");
        assert_eq!(list(&[5, 7, 9]), "5, 7 and 9");
        assert_eq!(
            list(&(1..=10).collect::<Vec<_>>()),
            "1, 2, 3, 4, 5, 6, 7, 8 and 2 more"
        );
    }
}
