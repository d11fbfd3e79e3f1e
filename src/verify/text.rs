//! Page text for the leak check, read from the PDF with lopdf.
//!
//! lopdf loads the document, inflates the content streams and resolves each
//! font's encoding (its ToUnicode map). Its own `extract_text` then parses
//! every operator of every page into objects and resolves the fonts again
//! for each page, which made it the slowest stage of the pipeline (5 ms for
//! a 4-page decision). This scanner reads only what text needs (strings,
//! arrays, font selection, line ends) straight from the bytes, and resolves
//! each font once per document: the same text, about ten times faster.

use std::collections::HashMap;

use std::cell::RefCell;

use lopdf::{Document, Encoding, Object};

/// The most a page's content may inflate to (a guard against PDF bombs).
const MAX_CONTENT: usize = 64 * 1024 * 1024;

/// The text of every page: a line per text object, strings decoded through
/// their font's encoding.
pub fn page_texts(doc: &Document) -> Result<Vec<String>, lopdf::Error> {
    let mut encodings: HashMap<usize, Decoder<'_>> = HashMap::new();
    let mut out = Vec::new();
    for page in doc.get_pages().into_values() {
        let mut names: HashMap<Vec<u8>, usize> = HashMap::new();
        for (name, font) in doc.get_page_fonts(page)? {
            let key = std::ptr::from_ref(font) as usize;
            if let std::collections::hash_map::Entry::Vacant(slot) = encodings.entry(key) {
                let composite = font
                    .get(b"Subtype")
                    .and_then(Object::as_name)
                    .is_ok_and(|s| s == b"Type0");
                let encoding = font.get_font_encoding_with_limit(doc, MAX_CONTENT)?;
                slot.insert(Decoder {
                    encoding,
                    composite,
                    glyphs: RefCell::new(HashMap::new()),
                });
            }
            names.insert(name, key);
        }
        let content = doc.get_page_content_with_limit(page, MAX_CONTENT)?;
        let mut text = String::new();
        let fonts = |name: &[u8]| names.get(name).and_then(|k| encodings.get(k));
        scan(&content, &fonts, &mut text);
        out.push(text);
    }
    Ok(out)
}

/// A content-stream token that text extraction cares about.
#[derive(Debug)]
enum Token<'a> {
    Str(Vec<u8>),
    Name(&'a [u8]),
    Number(&'a [u8]),
    ArrayStart,
    ArrayEnd,
    Other,
}

/// Runs through a content stream, appending the text it shows to `text`.
fn scan<'m, 'd>(
    content: &[u8],
    fonts: &dyn Fn(&[u8]) -> Option<&'m Decoder<'d>>,
    text: &mut String,
) {
    let mut operands: Vec<Token<'_>> = Vec::new();
    let mut font: Option<&Decoder<'_>> = None;
    let mut at = 0;
    while at < content.len() {
        let b = content[at];
        match b {
            b if is_space(b) => at += 1,
            b'%' => at = skip_line(content, at),
            b'(' => {
                let (s, next) = literal(content, at + 1);
                operands.push(Token::Str(s));
                at = next;
            }
            b'<' if content.get(at + 1) == Some(&b'<') => {
                operands.push(Token::Other);
                at += 2;
            }
            b'>' if content.get(at + 1) == Some(&b'>') => at += 2,
            b'<' => {
                let (s, next) = hex(content, at + 1);
                operands.push(Token::Str(s));
                at = next;
            }
            b'[' => {
                operands.push(Token::ArrayStart);
                at += 1;
            }
            b']' => {
                operands.push(Token::ArrayEnd);
                at += 1;
            }
            b'/' => {
                let end = word_end(content, at + 1);
                operands.push(Token::Name(&content[at + 1..end]));
                at = end;
            }
            _ => {
                let end = word_end(content, at + 1).max(at + 1);
                let word = &content[at..end];
                at = end;
                // Numbers are kept as written; only TJ's kerns are ever read.
                if word[0].is_ascii_digit() || matches!(word[0], b'-' | b'+' | b'.') {
                    operands.push(Token::Number(word));
                    continue;
                }
                match word {
                    b"Tf" => {
                        font = operands.iter().find_map(|t| match t {
                            Token::Name(n) => fonts(n),
                            _ => None,
                        })
                    }
                    b"Tj" | b"TJ" | b"'" | b"\"" => show(&operands, font, word, text),
                    b"ET" | b"T*" => newline(text),
                    // An inline image: its data is not text, skip to EI.
                    b"ID" => at = skip_inline_image(content, at),
                    _ => {}
                }
                operands.clear();
            }
        }
    }
}

/// A font's encoding, with what it has decoded so far.
struct Decoder<'d> {
    encoding: Encoding<'d>,
    /// A Type0 font (typst's): two-byte codes, each decoded once.
    composite: bool,
    glyphs: RefCell<HashMap<u16, Box<str>>>,
}

impl Decoder<'_> {
    /// Appends the text of `bytes`. Decoding through the ToUnicode map is
    /// slow per call, and a document repeats the same few hundred glyphs.
    fn write(&self, bytes: &[u8], text: &mut String) {
        if !self.composite || bytes.len() % 2 == 1 {
            let _ = self.encoding.write_to_string(bytes, text);
            return;
        }
        let mut glyphs = self.glyphs.borrow_mut();
        for pair in bytes.chunks_exact(2) {
            let code = u16::from_be_bytes([pair[0], pair[1]]);
            let decoded = glyphs.entry(code).or_insert_with(|| {
                let mut s = String::new();
                let _ = self.encoding.write_to_string(pair, &mut s);
                s.into_boxed_str()
            });
            text.push_str(decoded);
        }
    }
}

fn show(operands: &[Token<'_>], font: Option<&Decoder<'_>>, operator: &[u8], text: &mut String) {
    let Some(encoding) = font else { return };
    if operator != b"Tj" && operator != b"TJ" {
        newline(text);
    }
    for t in operands {
        match t {
            Token::Str(bytes) => {
                encoding.write(bytes, text);
            }
            // A large backwards kern inside TJ is a word space.
            Token::Number(n) if operator == b"TJ" && kern(n) < -100.0 => text.push(' '),
            _ => {}
        }
    }
    if operator == b"TJ" {
        text.push(' ');
    }
}

fn kern(number: &[u8]) -> f64 {
    std::str::from_utf8(number)
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0.0)
}

fn newline(text: &mut String) {
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'\0')
}

fn is_delimiter(b: u8) -> bool {
    is_space(b)
        || matches!(
            b,
            b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
        )
}

fn word_end(content: &[u8], mut at: usize) -> usize {
    while at < content.len() && !is_delimiter(content[at]) {
        at += 1;
    }
    at
}

fn skip_line(content: &[u8], mut at: usize) -> usize {
    while at < content.len() && content[at] != b'\n' && content[at] != b'\r' {
        at += 1;
    }
    at
}

/// A literal string after its `(`: escapes and nested brackets resolved.
fn literal(content: &[u8], mut at: usize) -> (Vec<u8>, usize) {
    let mut out = Vec::new();
    let mut depth = 1;
    while at < content.len() {
        let b = content[at];
        at += 1;
        match b {
            b'\\' => {
                let Some(&e) = content.get(at) else { break };
                at += 1;
                match e {
                    b'n' => out.push(b'\n'),
                    b'r' => out.push(b'\r'),
                    b't' => out.push(b'\t'),
                    b'b' => out.push(8),
                    b'f' => out.push(12),
                    b'\r' => {
                        if content.get(at) == Some(&b'\n') {
                            at += 1;
                        }
                    }
                    b'\n' => {}
                    b'0'..=b'7' => {
                        let mut value = u32::from(e - b'0');
                        for _ in 0..2 {
                            match content.get(at) {
                                Some(&d @ b'0'..=b'7') => {
                                    value = value * 8 + u32::from(d - b'0');
                                    at += 1;
                                }
                                _ => break,
                            }
                        }
                        out.push((value & 0xff) as u8);
                    }
                    other => out.push(other),
                }
            }
            b'(' => {
                depth += 1;
                out.push(b);
            }
            b')' => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
                out.push(b);
            }
            _ => out.push(b),
        }
    }
    (out, at)
}

/// A hexadecimal string after its `<`.
fn hex(content: &[u8], mut at: usize) -> (Vec<u8>, usize) {
    let mut digits = Vec::new();
    while at < content.len() && content[at] != b'>' {
        if let Some(d) = (content[at] as char).to_digit(16) {
            digits.push(d as u8);
        }
        at += 1;
    }
    if digits.len() % 2 == 1 {
        digits.push(0);
    }
    (digits.chunks(2).map(|p| p[0] << 4 | p[1]).collect(), at + 1)
}

fn skip_inline_image(content: &[u8], mut at: usize) -> usize {
    while at + 2 < content.len() {
        if is_space(content[at]) && &content[at + 1..at + 3] == b"EI" {
            return at + 3;
        }
        at += 1;
    }
    content.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_decode_escapes_and_hex() {
        assert_eq!(literal(b"a\\(b\\) (c) \\101\\n)rest", 0).0, b"a(b) (c) A\n");
        assert_eq!(hex(b"0041 00 42>", 0).0, vec![0x00, 0x41, 0x00, 0x42]);
        assert_eq!(hex(b"4>", 0).0, vec![0x40]);
    }
}
