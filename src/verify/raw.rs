//! The file as bytes, read without lopdf: every `N G obj … endobj` and
//! `stream … endstream` written anywhere in it (the live objects, earlier
//! revisions, objects no cross-reference table lists), its real end-of-file
//! markers (comments at the top level, not bytes inside strings or
//! streams), its trailers, and the text a person could pull out of the
//! bytes with `strings`: printable runs, UTF-16 runs, and every string
//! literal decoded.

use std::ops::Range;

use lopdf::{Dictionary, Object};

use super::syntax::{self, Parser, SyntaxError};

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
    /// The searchable text of everything outside stream data.
    pub text: String,
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
}

/// Reads the bytes of a PDF.
pub fn scan(bytes: &[u8], max_depth: usize) -> RawFile {
    let header = memchr::memmem::find(bytes, b"%PDF-").unwrap_or(0);
    let mut file = RawFile {
        header,
        ..Default::default()
    };
    let mut strings = String::new();
    let mut streams: Vec<Range<usize>> = Vec::new();
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
            b'(' => {
                let (s, next) = syntax::literal(bytes, at + 1);
                syntax::text_string(&s, &mut strings);
                strings.push('\n');
                at = next;
            }
            b'<' if bytes.get(at + 1) == Some(&b'<') => at += 2,
            b'<' => {
                let (s, next) = syntax::hex(bytes, at + 1);
                syntax::text_string(&s, &mut strings);
                strings.push('\n');
                at = next;
            }
            b'/' => at = syntax::word_end(bytes, at + 1),
            b'0'..=b'9' => match object_header(bytes, at) {
                Some((id, body)) => {
                    at = read_object(bytes, at, id, body, max_depth, &mut file, &mut strings);
                    // read_object pushed this object last.
                    if let Some((_, range)) = file.objects.last().and_then(|o| o.stream.as_ref()) {
                        streams.push(range.clone());
                    }
                }
                None => at = syntax::word_end(bytes, at).max(at + 1),
            },
            _ => {
                let end = syntax::word_end(bytes, at).max(at + 1);
                match &bytes[at..end] {
                    b"trailer" => {
                        let mut parser = Parser::new(bytes, end, max_depth);
                        if let Ok(Object::Dictionary(d)) = parser.object() {
                            object_text(&Object::Dictionary(d.clone()), &mut strings);
                            file.trailers.push(d);
                            at = parser.at;
                        } else {
                            at = end;
                        }
                    }
                    // A stream whose object did not parse: skip its data.
                    b"stream" => {
                        let start = data_start(bytes, end);
                        let stop = find_endstream(bytes, start);
                        streams.push(start..stop);
                        at = stop;
                    }
                    _ => at = end,
                }
            }
        }
    }
    streams.sort_by_key(|r| r.start);
    let mut from = 0;
    for range in &streams {
        if range.start >= from {
            printable(&bytes[from..range.start], MIN_RUN, true, &mut file.text);
            from = range.end;
        }
    }
    printable(
        &bytes[from.min(bytes.len())..],
        MIN_RUN,
        true,
        &mut file.text,
    );
    file.text.push('\n');
    file.text.push_str(&strings);
    file
}

/// `N G obj` at `at`: the id and where the object's body starts.
fn object_header(bytes: &[u8], at: usize) -> Option<((u32, u16), usize)> {
    let n_end = syntax::word_end(bytes, at);
    let number = &bytes[at..n_end];
    let g_start = skip_plain_space(bytes, n_end);
    let g_end = syntax::word_end(bytes, g_start);
    let generation = &bytes[g_start..g_end];
    let o_start = skip_plain_space(bytes, g_end);
    if !bytes[o_start..].starts_with(b"obj") || o_start == g_end || g_start == n_end {
        return None;
    }
    let after = o_start + 3;
    if bytes.get(after).is_some_and(|&b| !syntax::is_delimiter(b)) {
        return None;
    }
    if !number.iter().all(u8::is_ascii_digit) || !generation.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let id = std::str::from_utf8(number).ok()?.parse().ok()?;
    let generation = std::str::from_utf8(generation).ok()?.parse().ok()?;
    Some(((id, generation), after))
}

fn skip_plain_space(bytes: &[u8], mut at: usize) -> usize {
    while at < bytes.len() && syntax::is_space(bytes[at]) {
        at += 1;
    }
    at
}

/// Reads one object after its header; returns where to go on lexing.
fn read_object(
    bytes: &[u8],
    start: usize,
    id: (u32, u16),
    body: usize,
    max_depth: usize,
    file: &mut RawFile,
    strings: &mut String,
) -> usize {
    let mut parser = Parser::new(bytes, body, max_depth);
    let object = match parser.object() {
        Ok(object) => object,
        Err(SyntaxError::TooDeep) => {
            file.too_deep.push(id.0);
            file.objects.push(RawObject {
                id,
                offset: start.saturating_sub(file.header),
                stream: None,
                dict: None,
            });
            return body;
        }
        // Lex on from the body: its strings and bytes are still read.
        Err(SyntaxError::Malformed) => {
            file.objects.push(RawObject {
                id,
                offset: start.saturating_sub(file.header),
                stream: None,
                dict: None,
            });
            return body;
        }
    };
    object_text(&object, strings);
    let after = syntax::skip_space(bytes, parser.at);
    let mut next = parser.at;
    let mut stream = None;
    let mut dict = None;
    match object {
        Object::Dictionary(d) if bytes[after..].starts_with(b"stream") => {
            let data = data_start(bytes, after + 6);
            let end = match d.get(b"Length").ok().and_then(|l| l.as_i64().ok()) {
                Some(length)
                    if length >= 0
                        && (length as usize) <= bytes.len() - data
                        && bytes[syntax::skip_space(bytes, data + length as usize)..]
                            .starts_with(b"endstream") =>
                {
                    data + length as usize
                }
                _ => find_endstream(bytes, data),
            };
            next = end;
            stream = Some((d, data..end));
        }
        Object::Dictionary(d) => dict = Some(d),
        _ => {}
    }
    file.objects.push(RawObject {
        id,
        offset: start.saturating_sub(file.header),
        stream,
        dict,
    });
    next
}

/// Where stream data starts after the `stream` keyword ends at `at`.
fn data_start(bytes: &[u8], at: usize) -> usize {
    match (bytes.get(at), bytes.get(at + 1)) {
        (Some(b'\r'), Some(b'\n')) => at + 2,
        (Some(b'\n' | b'\r'), _) => at + 1,
        _ => at.min(bytes.len()),
    }
}

/// Where the data ends: before the next `endstream` (and the line end before it).
fn find_endstream(bytes: &[u8], from: usize) -> usize {
    let Some(pos) = memchr::memmem::find(&bytes[from..], b"endstream") else {
        return bytes.len();
    };
    let mut end = from + pos;
    if end > from && bytes[end - 1] == b'\n' {
        end -= 1;
    }
    if end > from && bytes[end - 1] == b'\r' {
        end -= 1;
    }
    end
}

/// The strings and escaped names of an object, decoded, a line each.
pub fn object_text(object: &Object, out: &mut String) {
    match object {
        Object::String(s, _) => {
            syntax::text_string(s, out);
            out.push('\n');
        }
        Object::Name(n) => {
            // Plain names are in the printable text already.
            if n.iter().any(|b| !b.is_ascii_graphic()) {
                syntax::text_string(n, out);
                out.push('\n');
            }
        }
        Object::Array(items) => items.iter().for_each(|o| object_text(o, out)),
        Object::Dictionary(d) => d.iter().for_each(|(k, v)| {
            if k.iter().any(|b| !b.is_ascii_graphic()) {
                syntax::text_string(k, out);
                out.push('\n');
            }
            object_text(v, out);
        }),
        Object::Stream(s) => object_text(&Object::Dictionary(s.dict.clone()), out),
        _ => {}
    }
}

/// The shortest run of printable bytes kept from PDF syntax.
pub const MIN_RUN: usize = 3;

/// Appends the runs of at least `min_run` printable bytes (ASCII, and
/// Latin-1 letters when `latin1`), and of UTF-16 text in either byte
/// order, a line each.
pub fn printable(bytes: &[u8], min_run: usize, latin1: bool, out: &mut String) {
    let is_text = |b: u8| matches!(b, 0x20..=0x7e | b'\t') || (latin1 && b >= 0xa0);
    let mut run_start = None;
    for (i, &b) in bytes.iter().enumerate() {
        if is_text(b) {
            run_start.get_or_insert(i);
        } else if let Some(s) = run_start.take() {
            push_latin1(&bytes[s..i], min_run, out);
        }
    }
    if let Some(s) = run_start {
        push_latin1(&bytes[s..], min_run, out);
    }
    if memchr::memchr(0, bytes).is_some() {
        utf16_runs(bytes, min_run, out);
    }
}

fn push_latin1(run: &[u8], min_run: usize, out: &mut String) {
    if run.len() >= min_run {
        out.extend(run.iter().map(|&b| char::from(b)));
        out.push('\n');
    }
}

fn utf16_runs(bytes: &[u8], min_run: usize, out: &mut String) {
    let ascii = |b: u8| matches!(b, 0x20..=0x7e);
    let mut i = 0;
    while i + 1 < bytes.len() {
        let big = bytes[i] == 0 && ascii(bytes[i + 1]);
        let little = ascii(bytes[i]) && bytes[i + 1] == 0;
        if !big && !little {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < bytes.len()
            && if big {
                bytes[j] == 0 && ascii(bytes[j + 1])
            } else {
                ascii(bytes[j]) && bytes[j + 1] == 0
            }
        {
            j += 2;
        }
        if (j - i) / 2 >= min_run {
            for pair in bytes[i..j].chunks_exact(2) {
                out.push(char::from(if big { pair[1] } else { pair[0] }));
            }
            out.push('\n');
            i = j;
        } else {
            i += 1;
        }
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
        assert!(raw.text.contains("Name %%EOF here"), "{}", raw.text);
        assert!(raw.text.contains("\nJ\n"), "{}", raw.text);
        assert!(
            !raw.text.contains("in a stream"),
            "stream data is read apart"
        );
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
    fn deep_objects_are_noted_not_overflowed() {
        let mut file = b"%PDF-1.7\n3 0 obj\n".to_vec();
        file.extend(b"[".repeat(100_000));
        file.extend(b"]".repeat(100_000));
        file.extend(b"\nendobj\n%%EOF\n");
        let raw = scan(&file, 100);
        assert_eq!(raw.too_deep, vec![3]);
    }
}
