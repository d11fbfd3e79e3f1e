//! One object read straight from the bytes: its `N G obj` header, its
//! value skimmed for text (or parsed whole where it is a stream, or may
//! say the file is linearised), and where its stream data starts and ends.

use lopdf::Object;

use super::super::syntax::{self, Parser, SyntaxError};
use super::{Owner, RawFile, RawObject, skip_plain_space};

/// `N G obj` at `at`: the id and where the object's body starts.
pub(super) fn object_header(bytes: &[u8], at: usize) -> Option<((u32, u16), usize)> {
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

/// Reads one object after its header; returns where its value (and stream
/// data) ends, where lexing goes on.
pub(super) fn read_object(
    bytes: &[u8],
    start: usize,
    id: (u32, u16),
    body: usize,
    max_depth: usize,
    file: &mut RawFile,
) -> usize {
    let mut object = RawObject {
        id,
        offset: start.saturating_sub(file.header),
        stream: None,
        dict: None,
    };
    // Most objects are only read for their text; streams (and the first
    // object, which may say the file is linearised) are parsed whole.
    let mut text = String::new();
    let end = match skim(bytes, body, max_depth, &mut text) {
        Ok(end) => end,
        Err(error) => {
            if error == SyntaxError::TooDeep {
                file.too_deep.push(id.0);
            }
            // Lex on from the body: its strings and bytes are still read.
            file.objects.push(object);
            return body;
        }
    };
    let index = file.objects.len();
    file.add(Owner::Object(index), |out| out.push_str(&text));
    let after = syntax::skip_space(bytes, end);
    let is_stream = bytes[after..].starts_with(b"stream");
    if !is_stream && !file.objects.is_empty() {
        file.objects.push(object);
        return end;
    }
    let mut next = end;
    match Parser::new(bytes, body, max_depth).object() {
        Ok(Object::Dictionary(d)) if is_stream => {
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
            object.stream = Some((d, data..end));
        }
        Ok(Object::Dictionary(d)) => object.dict = Some(d),
        _ => {}
    }
    file.objects.push(object);
    next
}

/// Reads one value from `at` without building it: where it ends, and its
/// text (strings decoded, names that are more than a word, long integers)
/// appended to `out`.
fn skim(
    bytes: &[u8],
    mut at: usize,
    max_depth: usize,
    out: &mut String,
) -> Result<usize, SyntaxError> {
    let mut depth = 0usize;
    let mut scratch = Vec::new();
    loop {
        at = syntax::skip_space(bytes, at);
        let Some(&b) = bytes.get(at) else {
            return Err(SyntaxError::Malformed);
        };
        match b {
            b'(' | b'<' if b == b'(' || bytes.get(at + 1) != Some(&b'<') => {
                scratch.clear();
                at = if b == b'(' {
                    syntax::literal_into(bytes, at + 1, &mut scratch)
                } else {
                    syntax::hex_into(bytes, at + 1, &mut scratch)
                };
                syntax::text_string(&scratch, out);
                out.push('\n');
            }
            b'<' | b'[' => {
                depth += 1;
                if depth > max_depth {
                    return Err(SyntaxError::TooDeep);
                }
                at += if b == b'<' { 2 } else { 1 };
                continue;
            }
            b'>' | b']' => {
                if depth == 0 || (b == b'>' && bytes.get(at + 1) != Some(&b'>')) {
                    return Err(SyntaxError::Malformed);
                }
                depth -= 1;
                at += if b == b'>' { 2 } else { 1 };
            }
            b'/' => {
                let (name, next) = syntax::name(bytes, at + 1);
                if name.iter().any(|b| !b.is_ascii_graphic()) {
                    syntax::text_string(&name, out);
                    out.push('\n');
                }
                at = next;
            }
            _ => {
                let end = syntax::word_end(bytes, at);
                if end == at {
                    return Err(SyntaxError::Malformed);
                }
                let word = &bytes[at..end];
                if matches!(word, b"obj" | b"endobj" | b"stream" | b"endstream") {
                    return Err(SyntaxError::Malformed);
                }
                if word.len() >= 7 && word.iter().all(u8::is_ascii_digit) {
                    out.push_str(&String::from_utf8_lossy(word));
                    out.push('\n');
                }
                at = end;
            }
        }
        if depth == 0 {
            return Ok(at);
        }
    }
}

/// Where stream data starts after the `stream` keyword ends at `at`.
pub(super) fn data_start(bytes: &[u8], at: usize) -> usize {
    match (bytes.get(at), bytes.get(at + 1)) {
        (Some(b'\r'), Some(b'\n')) => at + 2,
        (Some(b'\n' | b'\r'), _) => at + 1,
        _ => at.min(bytes.len()),
    }
}

/// Where the data ends: before the next `endstream` (and the line end before it).
pub(super) fn find_endstream(bytes: &[u8], from: usize) -> usize {
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
