//! The file as bytes, read without lopdf: every `N G obj … endobj` and
//! `stream … endstream` written anywhere in it (the live objects, earlier
//! revisions, objects no cross-reference table lists), its real end-of-file
//! markers (comments at the top level, not bytes inside strings or
//! streams), its trailers, and the text a person could pull out of the
//! bytes with `strings`: printable runs, UTF-16 runs, and every string
//! literal decoded.

use std::ops::Range;

use lopdf::{Dictionary, Document, Object};

use super::printable::{MIN_RUN, printable};
use super::syntax::{self, Parser};

mod objects;

use objects::{data_start, find_endstream, object_header, read_object};

/// What the bytes of a PDF hold.
#[derive(Debug, Default)]
pub struct RawFile {
    /// Where `%PDF-` starts: cross-reference offsets count from here.
    pub header: usize,
    /// Every object written at the top level, in file order.
    pub objects: Vec<RawObject>,
    /// `%%EOF` comments at the top level.
    pub eof_markers: usize,
    /// Every `trailer` dictionary, in file order.
    pub trailers: Vec<Dictionary>,
    /// Objects nested deeper than the limit (by number).
    pub too_deep: Vec<u32>,
    /// The searchable text of the bytes (stream data and cross-reference
    /// tables left out), in pieces, each with whose it is.
    buffer: String,
    pieces: Vec<(Owner, Range<usize>)>,
}

/// One `N G obj` found in the bytes.
#[derive(Debug)]
pub struct RawObject {
    pub id: (u32, u16),
    /// The offset of `N G obj`, counted from the header.
    pub offset: usize,
    /// The stream's dictionary and data (absolute byte range), if a stream.
    pub stream: Option<(Dictionary, Range<usize>)>,
    /// The dictionary of a non-stream object, if it is one.
    pub dict: Option<Dictionary>,
}

impl RawFile {
    /// The linearisation dictionary's `/L` (the file length it was made
    /// for), when the first object of the file is one.
    pub fn linearised_length(&self) -> Option<i64> {
        let first = self.objects.first()?;
        let dict = first.dict.as_ref()?;
        dict.get(b"Linearized").ok()?;
        dict.get(b"L").ok()?.as_i64().ok()
    }

    /// The text of the bytes, leaving out the objects `known` says were
    /// read otherwise (but not what follows one before its `endobj`, which
    /// a well-made file does not have).
    pub fn text_without(&self, known: impl Fn(&RawObject) -> bool) -> String {
        let mut out = String::new();
        for (owner, range) in &self.pieces {
            let keep = match owner {
                Owner::Object(i) => !known(&self.objects[*i]),
                _ => true,
            };
            if keep {
                out.push_str(&self.buffer[range.clone()]);
            }
        }
        out
    }

    /// The text of the bytes outside every object.
    #[cfg(test)]
    fn outside(&self) -> String {
        self.owned_by(Owner::Outside)
    }

    #[cfg(test)]
    fn owned_by(&self, who: Owner) -> String {
        self.pieces
            .iter()
            .filter(|(o, _)| *o == who)
            .map(|(_, r)| &self.buffer[r.clone()])
            .collect()
    }

    /// Appends text to `who`'s.
    fn add(&mut self, who: Owner, write: impl FnOnce(&mut String)) {
        let start = self.buffer.len();
        write(&mut self.buffer);
        if self.buffer.len() > start {
            self.pieces.push((who, start..self.buffer.len()));
        }
    }
}

/// Whether lopdf loaded this object, from these bytes, as the live version
/// of its number.
pub fn is_live(doc: &Document, object: &RawObject) -> bool {
    let id = object.id;
    matches!(
        doc.reference_table.get(id.0),
        Some(lopdf::xref::XrefEntry::Normal { offset, generation })
            if *offset as usize == object.offset && *generation == id.1
    ) && doc.objects.contains_key(&id)
}

/// Where a stretch of bytes belongs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Owner {
    Outside,
    Object(usize),
    Junk(usize),
    Skipped,
}

/// Reads the bytes of a PDF.
pub fn scan(bytes: &[u8], max_depth: usize) -> RawFile {
    let header = memchr::memmem::find(bytes, b"%PDF-").unwrap_or(0);
    let mut file = RawFile {
        header,
        ..Default::default()
    };
    // Stretches of bytes and whom their text belongs to, in order.
    let mut owners: Vec<(usize, Owner)> = vec![(0, Owner::Outside)];
    let mut inside: Option<usize> = None;
    let owner = |inside: Option<usize>| inside.map_or(Owner::Outside, Owner::Junk);
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        match b {
            b if syntax::is_space(b) => at += 1,
            b'%' => {
                if bytes[at..].starts_with(b"%%EOF") {
                    file.eof_markers += 1;
                }
                at = syntax::skip_line(bytes, at);
            }
            b'(' | b'<' if b == b'(' || bytes.get(at + 1) != Some(&b'<') => {
                let (s, next) = if b == b'(' {
                    syntax::literal(bytes, at + 1)
                } else {
                    syntax::hex(bytes, at + 1)
                };
                file.add(owner(inside), |out| {
                    syntax::text_string(&s, out);
                    out.push('\n');
                });
                at = next;
            }
            b'<' => at += 2,
            b'/' => at = syntax::word_end(bytes, at + 1),
            b'0'..=b'9' => match object_header(bytes, at) {
                Some((id, body)) => {
                    let index = file.objects.len();
                    owners.push((at, Owner::Object(index)));
                    at = read_object(bytes, at, id, body, max_depth, &mut file);
                    if let Some((_, range)) = &file.objects[index].stream {
                        owners.push((range.start, Owner::Skipped));
                    }
                    owners.push((at, Owner::Junk(index)));
                    inside = Some(index);
                }
                None => at = syntax::word_end(bytes, at).max(at + 1),
            },
            _ => {
                let end = syntax::word_end(bytes, at).max(at + 1);
                match &bytes[at..end] {
                    b"endobj" | b"endstream" => {
                        // Keywords, not text.
                        owners.push((at, Owner::Skipped));
                        if &bytes[at..end] == b"endobj" {
                            inside = None;
                        }
                        owners.push((end, owner(inside)));
                        at = end;
                    }
                    b"trailer" => {
                        let mut parser = Parser::new(bytes, end, max_depth);
                        if let Ok(Object::Dictionary(d)) = parser.object() {
                            file.add(owner(inside), |out| dict_text(&d, out));
                            file.trailers.push(d);
                            at = parser.at;
                        } else {
                            at = end;
                        }
                    }
                    b"xref" => {
                        owners.push((at, Owner::Skipped));
                        at = skip_xref_table(bytes, end);
                        owners.push((at, owner(inside)));
                    }
                    // A stream whose object did not parse: skip its data.
                    b"stream" => {
                        let start = data_start(bytes, end);
                        let stop = find_endstream(bytes, start);
                        owners.push((start, Owner::Skipped));
                        owners.push((stop, owner(inside)));
                        at = stop;
                    }
                    _ => at = end,
                }
            }
        }
    }
    owners.push((bytes.len(), Owner::Outside));
    for pair in owners.windows(2) {
        let ((from, who), (to, _)) = (pair[0], pair[1]);
        if to <= from {
            continue;
        }
        if who != Owner::Skipped {
            file.add(who, |out| printable(&bytes[from..to], MIN_RUN, true, out));
        }
    }
    file
}

/// Skips a cross-reference table's well-formed subsections after `xref`:
/// digits a leak check has no use for. Anything else is lexed as usual.
fn skip_xref_table(bytes: &[u8], mut at: usize) -> usize {
    loop {
        let line = syntax::skip_space(bytes, at);
        let first_end = syntax::word_end(bytes, line);
        let count_start = skip_plain_space(bytes, first_end);
        let count_end = syntax::word_end(bytes, count_start);
        let number = |r: Range<usize>| {
            std::str::from_utf8(&bytes[r])
                .ok()
                .and_then(|n| n.parse::<usize>().ok())
        };
        let (Some(_), Some(count)) = (number(line..first_end), number(count_start..count_end))
        else {
            return at;
        };
        let mut entry = syntax::skip_space(bytes, count_end);
        for _ in 0..count {
            match bytes.get(entry..entry + 20) {
                Some(e) if is_xref_entry(e) => entry += 20,
                _ => return entry,
            }
        }
        at = entry;
    }
}

/// `nnnnnnnnnn ggggg n` and its two-byte line end.
fn is_xref_entry(e: &[u8]) -> bool {
    e[..10].iter().all(u8::is_ascii_digit)
        && e[10] == b' '
        && e[11..16].iter().all(u8::is_ascii_digit)
        && e[16] == b' '
        && matches!(e[17], b'n' | b'f')
        && e[18..].iter().all(|&b| syntax::is_space(b))
}

fn skip_plain_space(bytes: &[u8], mut at: usize) -> usize {
    while at < bytes.len() && syntax::is_space(bytes[at]) {
        at += 1;
    }
    at
}

/// The strings and escaped names of an object, decoded, a line each.
pub fn object_text(object: &Object, out: &mut String) {
    match object {
        Object::String(s, _) => {
            syntax::text_string(s, out);
            out.push('\n');
        }
        // Plain names are in the printable text already.
        Object::Name(n) if n.iter().any(|b| !b.is_ascii_graphic()) => {
            syntax::text_string(n, out);
            out.push('\n');
        }
        Object::Array(items) => items.iter().for_each(|o| object_text(o, out)),
        Object::Dictionary(d) => dict_text(d, out),
        Object::Stream(s) => dict_text(&s.dict, out),
        // A number written as an integer (a phone number, say).
        Object::Integer(i) if i.unsigned_abs() >= 1_000_000 => {
            out.push_str(&i.to_string());
            out.push('\n');
        }
        _ => {}
    }
}

/// [`object_text`] of a dictionary.
pub fn dict_text(dict: &Dictionary, out: &mut String) {
    for (key, value) in dict {
        if key.iter().any(|b| !b.is_ascii_graphic()) {
            syntax::text_string(key, out);
            out.push('\n');
        }
        object_text(value, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &[u8] =
        b"%PDF-1.7\n%\x80\x80\n1 0 obj\n<< /Title (Name %%EOF here) /N <FEFF004A> >>\nendobj\n\
        2 0 obj\n<< /Length 17 >>\nstream\n%%EOF (in a stream)\nendstream\nendobj\n\
        trailer\n<< /Root 1 0 R >>\n%%EOF\n";

    #[test]
    fn only_top_level_end_of_file_markers_count() {
        let raw = scan(FILE, 100);
        assert_eq!(raw.eof_markers, 1);
        assert_eq!(raw.objects.len(), 2);
        assert_eq!(raw.objects[0].id, (1, 0));
        let (_, data) = raw.objects[1].stream.as_ref().unwrap();
        assert_eq!(&FILE[data.clone()], b"%%EOF (in a stream)");
        assert_eq!(raw.trailers.len(), 1);
    }

    #[test]
    fn text_holds_strings_decoded_and_printable_runs() {
        let raw = scan(FILE, 100);
        let text = raw.text_without(|_| false);
        assert!(text.contains("Name %%EOF here"), "{text}");
        assert!(text.contains("\nJ\n"), "{text}");
        assert!(!raw.outside().contains("Name"), "objects' text is theirs");
        assert!(
            raw.text_without(|o| o.id == (1, 0)).find("Name").is_none(),
            "a known object's text is left out"
        );
        assert!(!text.contains("in a stream"), "stream data is read apart");
        let mut out = String::new();
        printable(
            b"\x01\x02Ann Lee\x00\x05\x00J\x00o\x00h\x00n\x01",
            3,
            true,
            &mut out,
        );
        assert!(out.contains("Ann Lee\n"), "{out:?}");
        assert!(out.contains("John\n"), "{out:?}");
    }

    #[test]
    fn what_follows_an_object_and_xref_tables() {
        let file = b"%PDF-1.7\n1 0 obj\n<< /A 1 >> (Ann Lee) endobj\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<< /Size 2 >>\n%%EOF\n";
        let raw = scan(file, 100);
        assert!(
            raw.owned_by(Owner::Junk(0)).contains("Ann Lee"),
            "{:?}",
            raw.objects[0]
        );
        assert!(raw.text_without(|_| true).contains("Ann Lee"));
        assert!(!raw.outside().contains("0000000009"), "{}", raw.outside());
        assert_eq!(raw.trailers.len(), 1);
    }

    #[test]
    fn deep_objects_are_noted_not_overflowed() {
        let mut file = b"%PDF-1.7\n3 0 obj\n".to_vec();
        file.extend(b"[".repeat(100_000));
        file.extend(b"]".repeat(100_000));
        file.extend(b"\nendobj\n%%EOF\n");
        let raw = scan(&file, 100);
        assert_eq!(raw.too_deep, vec![3]);
    }
}
