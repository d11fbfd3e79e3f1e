//! PDF syntax read straight from bytes, for what lopdf does not hand over:
//! objects lopdf dropped or never saw (dead revisions, bytes between
//! objects), inline dictionaries in content streams, and the strings and
//! names of either. Parsing is bounded: nesting deeper than the limit is an
//! error, never a stack overflow.

use std::sync::LazyLock;

use lopdf::{Dictionary, Object, StringFormat};

use super::printable::{BINARY_RUN, printable};

pub fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'\0')
}

pub fn is_delimiter(b: u8) -> bool {
    is_space(b)
        || matches!(
            b,
            b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
        )
}

/// The end of the regular characters from `at`.
pub fn word_end(bytes: &[u8], mut at: usize) -> usize {
    while at < bytes.len() && !is_delimiter(bytes[at]) {
        at += 1;
    }
    at
}

/// The start of the next line after `at`.
pub fn skip_line(bytes: &[u8], mut at: usize) -> usize {
    while at < bytes.len() && bytes[at] != b'\n' && bytes[at] != b'\r' {
        at += 1;
    }
    at
}

/// Skips white space and comments.
pub fn skip_space(bytes: &[u8], mut at: usize) -> usize {
    while at < bytes.len() {
        match bytes[at] {
            b if is_space(b) => at += 1,
            b'%' => at = skip_line(bytes, at),
            _ => break,
        }
    }
    at
}

/// A literal string after its `(`: escapes and nested brackets resolved.
/// Returns the bytes and the position after the closing `)`.
pub fn literal(bytes: &[u8], at: usize) -> (Vec<u8>, usize) {
    let mut out = Vec::new();
    let next = literal_into(bytes, at, &mut out);
    (out, next)
}

/// [`literal`], appending to `out`; returns the position after `)`.
pub fn literal_into(bytes: &[u8], mut at: usize, out: &mut Vec<u8>) -> usize {
    // Most strings have no escapes or brackets: copy them whole.
    if let Some(end) = memchr::memchr3(b')', b'\\', b'(', &bytes[at.min(bytes.len())..])
        && bytes[at + end] == b')'
    {
        out.extend_from_slice(&bytes[at..at + end]);
        return at + end + 1;
    }
    let mut depth = 1usize;
    while at < bytes.len() {
        let b = bytes[at];
        at += 1;
        match b {
            b'\\' => {
                let Some(&e) = bytes.get(at) else { break };
                at += 1;
                match e {
                    b'n' => out.push(b'\n'),
                    b'r' => out.push(b'\r'),
                    b't' => out.push(b'\t'),
                    b'b' => out.push(8),
                    b'f' => out.push(12),
                    b'\r' => {
                        if bytes.get(at) == Some(&b'\n') {
                            at += 1;
                        }
                    }
                    b'\n' => {}
                    b'0'..=b'7' => {
                        let mut value = u32::from(e - b'0');
                        for _ in 0..2 {
                            match bytes.get(at) {
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
    at
}

/// A hexadecimal string after its `<`; returns the position after `>`.
pub fn hex(bytes: &[u8], at: usize) -> (Vec<u8>, usize) {
    let mut out = Vec::new();
    let next = hex_into(bytes, at, &mut out);
    (out, next)
}

/// [`hex`], appending to `out`; returns the position after `>`.
pub fn hex_into(bytes: &[u8], mut at: usize, out: &mut Vec<u8>) -> usize {
    let mut high: Option<u8> = None;
    while at < bytes.len() && bytes[at] != b'>' {
        if let Some(d) = (bytes[at] as char).to_digit(16) {
            match high.take() {
                None => high = Some(d as u8),
                Some(h) => out.push(h << 4 | d as u8),
            }
        }
        at += 1;
    }
    if let Some(h) = high {
        out.push(h << 4);
    }
    (at + 1).min(bytes.len())
}

/// A name after its `/`, `#xx` escapes decoded; returns the position after.
pub fn name(bytes: &[u8], at: usize) -> (Vec<u8>, usize) {
    let end = word_end(bytes, at);
    let raw = &bytes[at..end];
    if !raw.contains(&b'#') {
        return (raw.to_vec(), end);
    }
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        let digit = |j: usize| raw.get(j).and_then(|&c| (c as char).to_digit(16));
        if raw[i] == b'#'
            && let (Some(h), Some(l)) = (digit(i + 1), digit(i + 2))
        {
            out.push((h << 4 | l) as u8);
            i += 3;
        } else {
            out.push(raw[i]);
            i += 1;
        }
    }
    (out, end)
}

/// A number as written ("12", "-3.5", ".5"); `None` for anything else.
pub fn number(word: &[u8]) -> Option<f32> {
    let (negative, digits) = match word.first()? {
        b'-' => (true, &word[1..]),
        b'+' => (false, &word[1..]),
        _ => (false, word),
    };
    let mut value = 0f64;
    let mut scale = 0f64;
    let mut any = false;
    for &b in digits {
        match b {
            b'0'..=b'9' => {
                any = true;
                if scale == 0.0 {
                    value = value * 10.0 + f64::from(b - b'0');
                } else {
                    value += f64::from(b - b'0') * scale;
                    scale /= 10.0;
                }
            }
            b'.' if scale == 0.0 => scale = 0.1,
            // "--5" and "1-2" appear in damaged files; readers take the digits.
            b'-' => {}
            _ => return None,
        }
    }
    if !any {
        return if digits.iter().all(|&b| b == b'.' || b == b'-') {
            Some(0.0)
        } else {
            None
        };
    }
    let value = if negative { -value } else { value };
    Some(value.clamp(f64::from(f32::MIN), f64::from(f32::MAX)) as f32)
}

/// Why bytes did not parse as an object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyntaxError {
    /// Arrays and dictionaries nested deeper than the limit.
    TooDeep,
    /// Something else: not an object here.
    Malformed,
}

/// Parses direct objects (and `N G R` references) from bytes, with a
/// nesting limit.
pub struct Parser<'a> {
    pub bytes: &'a [u8],
    pub at: usize,
    pub max_depth: usize,
}

impl<'a> Parser<'a> {
    pub fn new(bytes: &'a [u8], at: usize, max_depth: usize) -> Self {
        Self {
            bytes,
            at,
            max_depth,
        }
    }

    /// The next object.
    pub fn object(&mut self) -> Result<Object, SyntaxError> {
        self.value(0)
    }

    fn value(&mut self, depth: usize) -> Result<Object, SyntaxError> {
        if depth > self.max_depth {
            return Err(SyntaxError::TooDeep);
        }
        let bytes = self.bytes;
        self.at = skip_space(bytes, self.at);
        let Some(&b) = bytes.get(self.at) else {
            return Err(SyntaxError::Malformed);
        };
        match b {
            b'(' => {
                let (s, next) = literal(bytes, self.at + 1);
                self.at = next;
                Ok(Object::String(s, StringFormat::Literal))
            }
            b'<' if bytes.get(self.at + 1) == Some(&b'<') => {
                self.at += 2;
                self.dictionary(depth).map(Object::Dictionary)
            }
            b'<' => {
                let (s, next) = hex(bytes, self.at + 1);
                self.at = next;
                Ok(Object::String(s, StringFormat::Hexadecimal))
            }
            b'[' => {
                self.at += 1;
                let mut items = Vec::new();
                loop {
                    self.at = skip_space(bytes, self.at);
                    match bytes.get(self.at) {
                        None => return Err(SyntaxError::Malformed),
                        Some(b']') => {
                            self.at += 1;
                            return Ok(Object::Array(items));
                        }
                        _ => items.push(self.value(depth + 1)?),
                    }
                }
            }
            b'/' => {
                let (n, next) = name(bytes, self.at + 1);
                self.at = next;
                Ok(Object::Name(n))
            }
            _ => {
                let end = word_end(bytes, self.at);
                if end == self.at {
                    return Err(SyntaxError::Malformed);
                }
                let word = &bytes[self.at..end];
                let object = match word {
                    b"true" => Object::Boolean(true),
                    b"false" => Object::Boolean(false),
                    b"null" => Object::Null,
                    _ => {
                        let Some(n) = number(word) else {
                            return Err(SyntaxError::Malformed);
                        };
                        if word.iter().all(u8::is_ascii_digit) {
                            self.at = end;
                            if let Some(reference) = self.reference(word) {
                                return Ok(reference);
                            }
                            return Ok(Object::Integer(
                                std::str::from_utf8(word)
                                    .ok()
                                    .and_then(|w| w.parse().ok())
                                    .unwrap_or(i64::MAX),
                            ));
                        }
                        if word.contains(&b'.') {
                            Object::Real(n)
                        } else {
                            Object::Integer(n as i64)
                        }
                    }
                };
                self.at = end;
                Ok(object)
            }
        }
    }

    /// `G R` after an object number already read.
    fn reference(&mut self, number: &[u8]) -> Option<Object> {
        let bytes = self.bytes;
        let g_start = skip_space(bytes, self.at);
        let g_end = word_end(bytes, g_start);
        let generation = &bytes[g_start..g_end];
        if generation.is_empty() || !generation.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let r_start = skip_space(bytes, g_end);
        let r_end = word_end(bytes, r_start);
        if &bytes[r_start..r_end] != b"R" {
            return None;
        }
        let id = std::str::from_utf8(number).ok()?.parse().ok()?;
        let generation = std::str::from_utf8(generation).ok()?.parse().ok()?;
        self.at = r_end;
        Some(Object::Reference((id, generation)))
    }

    fn dictionary(&mut self, depth: usize) -> Result<Dictionary, SyntaxError> {
        let bytes = self.bytes;
        let mut dict = Dictionary::new();
        loop {
            self.at = skip_space(bytes, self.at);
            match bytes.get(self.at) {
                None => return Err(SyntaxError::Malformed),
                Some(b'>') if bytes.get(self.at + 1) == Some(&b'>') => {
                    self.at += 2;
                    return Ok(dict);
                }
                Some(b'/') => {
                    let (key, next) = name(bytes, self.at + 1);
                    self.at = next;
                    let value = self.value(depth + 1)?;
                    dict.set(key, value);
                }
                _ => return Err(SyntaxError::Malformed),
            }
        }
    }
}

/// The PDFDocEncoding table (lopdf's), for text strings without a BOM.
static PDF_DOC: LazyLock<Vec<char>> = LazyLock::new(|| {
    (0..=255u8)
        .map(|b| {
            lopdf::decode_text_string(&Object::String(vec![b], StringFormat::Literal))
                .ok()
                .and_then(|s| s.chars().next())
                .unwrap_or(char::from(b))
        })
        .collect()
});

/// Appends a text string's readings: UTF-16 (either byte order) or UTF-8
/// after a byte-order mark, PDFDocEncoding otherwise, and UTF-16 as well
/// when the bytes look like it without a mark. Never fails: what does not
/// decode is replaced, and the rest is still read.
pub fn text_string(bytes: &[u8], out: &mut String) {
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        utf16(rest, true, out);
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        utf16(rest, false, out);
    } else if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        out.push_str(&String::from_utf8_lossy(rest));
    } else {
        let control = bytes
            .iter()
            .filter(|&&b| {
                (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || (0x7f..0xa0).contains(&b)
            })
            .count();
        if control * 4 > bytes.len() && !looks_like_utf16(bytes) {
            // Binary (a document ID, a hash): only long printable runs,
            // shorter ones spell short names by chance.
            printable(bytes, BINARY_RUN, false, out);
            return;
        }
        out.extend(bytes.iter().map(|&b| PDF_DOC[usize::from(b)]));
        if let Some(big_endian) = utf16_order(bytes) {
            out.push('\n');
            utf16(bytes, big_endian, out);
        }
    }
}

/// Most bytes at even or at odd positions zero.
fn looks_like_utf16(bytes: &[u8]) -> bool {
    utf16_order(bytes).is_some()
}

/// Whether `bytes` read as UTF-16 without a byte-order mark, and in which
/// order: big-endian when most bytes at even positions are zero,
/// little-endian when most at odd ones are.
fn utf16_order(bytes: &[u8]) -> Option<bool> {
    if bytes.len() < 4 {
        return None;
    }
    let zeros = |parity: usize| {
        bytes
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let half = bytes.len() / 2;
    if zeros(0) * 4 >= half * 3 {
        Some(true)
    } else if zeros(1) * 4 >= half * 3 {
        Some(false)
    } else {
        None
    }
}

fn utf16(bytes: &[u8], big_endian: bool, out: &mut String) {
    let units = bytes.chunks_exact(2).map(|p| {
        if big_endian {
            u16::from_be_bytes([p[0], p[1]])
        } else {
            u16::from_le_bytes([p[0], p[1]])
        }
    });
    out.extend(char::decode_utf16(units).map(|c| c.unwrap_or('\u{FFFD}')));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_decode_escapes_and_hex() {
        assert_eq!(literal(b"a\\(b\\) (c) \\101\\n)rest", 0).0, b"a(b) (c) A\n");
        assert_eq!(hex(b"0041 00 42>", 0).0, vec![0x00, 0x41, 0x00, 0x42]);
        assert_eq!(hex(b"4>", 0).0, vec![0x40]);
        assert_eq!(name(b"Jo#68n Smith", 0).0, b"John");
    }

    #[test]
    fn numbers() {
        assert_eq!(number(b"12"), Some(12.0));
        assert_eq!(number(b"-3.5"), Some(-3.5));
        assert_eq!(number(b".5"), Some(0.5));
        assert_eq!(number(b"Tj"), None);
    }

    #[test]
    fn objects_parse_with_references_and_a_depth_limit() {
        let mut p = Parser::new(b"<< /A [1 2 0 R (x)] /B <</C /D#20E>> /F 3.5 >>", 0, 10);
        let Object::Dictionary(d) = p.object().unwrap() else {
            panic!()
        };
        let a = d.get(b"A").unwrap().as_array().unwrap();
        assert_eq!(a[1], Object::Reference((2, 0)));
        assert_eq!(
            d.get(b"B").unwrap().as_dict().unwrap().get(b"C").unwrap(),
            &Object::Name(b"D E".to_vec())
        );
        let deep = format!("{}{}", "[".repeat(50), "]".repeat(50));
        assert_eq!(
            Parser::new(deep.as_bytes(), 0, 10).object(),
            Err(SyntaxError::TooDeep)
        );
        assert!(Parser::new(deep.as_bytes(), 0, 60).object().is_ok());
    }

    #[test]
    fn binary_strings_give_only_long_runs() {
        let mut out = String::new();
        text_string(b"\x8a\x01J\xd6Y\x02\x03\x99\x10\x11\x12\x13", &mut out);
        assert_eq!(out, "");
        text_string(
            b"\x01\x02\x03\x04\x05\x06Lorraine Pemberton\x01\x02\x03\x04\x05\x06\x07\x08",
            &mut out,
        );
        assert_eq!(out, "Lorraine Pemberton\n");
    }

    #[test]
    fn text_strings_never_fail() {
        let mut out = String::new();
        text_string(b"\xFE\xFF\xD8\x00\x00J\x00o", &mut out);
        assert!(out.ends_with("Jo"), "{out}");
        out.clear();
        text_string(b"\x00J\x00o\x00h\x00n", &mut out);
        assert!(out.contains("John"), "{out}");
        out.clear();
        text_string(b"caf\xe9", &mut out);
        assert_eq!(out, "café");
    }
}
