//! CMap programs: a font's `/ToUnicode` map (character codes to text) and
//! the encoding CMap of a composite font (bytes to codes, codes to CIDs).
//!
//! lopdf parses ToUnicode maps too, but falls back to a standard encoding
//! when one does not parse, which would read a name as other letters. Here a
//! map that does not parse is an error the verifier reports.

use std::collections::HashMap;

use super::syntax;

/// A parsed CMap.
#[derive(Debug, Default, Clone)]
pub struct CMap {
    /// `begincodespacerange`: (byte count, low, high).
    codespace: Vec<(usize, u32, u32)>,
    /// `bfchar`: code (with its byte count) to text.
    chars: HashMap<(usize, u32), Box<str>>,
    /// `bfrange`: (byte count, low, high, target).
    ranges: Vec<(usize, u32, u32, Target)>,
    /// `cidchar` and `cidrange`: (byte count, low, high, first CID).
    cids: Vec<(usize, u32, u32, u32)>,
    /// The name of a CMap this one uses (`usecmap`).
    pub uses: Option<Vec<u8>>,
}

#[derive(Debug, Clone)]
enum Target {
    /// UTF-16 units of the text for `low`; later codes add to the last unit.
    Start(Vec<u16>),
    /// One text per code.
    Each(Vec<Box<str>>),
}

/// Why a CMap did not parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CMapError(pub String);

#[derive(Debug)]
enum Token {
    Hex(Vec<u8>),
    Int(u32),
    Word(Vec<u8>),
    ArrayStart,
    ArrayEnd,
    Other,
}

fn tokens(bytes: &[u8]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        match b {
            b if syntax::is_space(b) => at += 1,
            b'%' => at = syntax::skip_line(bytes, at),
            b'<' if bytes.get(at + 1) == Some(&b'<') => {
                out.push(Token::Other);
                at += 2;
            }
            b'>' => {
                out.push(Token::Other);
                at += 1 + usize::from(bytes.get(at + 1) == Some(&b'>'));
            }
            b'<' => {
                let (s, next) = syntax::hex(bytes, at + 1);
                out.push(Token::Hex(s));
                at = next;
            }
            b'(' => {
                let (s, next) = syntax::literal(bytes, at + 1);
                out.push(Token::Hex(s));
                at = next;
            }
            b'[' => {
                out.push(Token::ArrayStart);
                at += 1;
            }
            b']' => {
                out.push(Token::ArrayEnd);
                at += 1;
            }
            b'/' => {
                let (n, next) = syntax::name(bytes, at + 1);
                out.push(Token::Word([b"/".as_slice(), &n].concat()));
                at = next;
            }
            _ => {
                let end = syntax::word_end(bytes, at).max(at + 1);
                let word = &bytes[at..end];
                out.push(
                    match std::str::from_utf8(word).ok().and_then(|w| w.parse().ok()) {
                        Some(n) => Token::Int(n),
                        None => Token::Word(word.to_vec()),
                    },
                );
                at = end;
            }
        }
    }
    out
}

fn code(bytes: &[u8]) -> Option<(usize, u32)> {
    if bytes.is_empty() || bytes.len() > 4 {
        return None;
    }
    Some((
        bytes.len(),
        bytes.iter().fold(0u32, |v, &b| v << 8 | u32::from(b)),
    ))
}

fn utf16_units(bytes: &[u8]) -> Vec<u16> {
    bytes
        .chunks(2)
        .map(|p| u16::from_be_bytes([p[0], *p.get(1).unwrap_or(&0)]))
        .collect()
}

fn text_of(units: &[u16]) -> Box<str> {
    char::decode_utf16(units.iter().copied())
        .map(|c| c.unwrap_or('\u{FFFD}'))
        .collect::<String>()
        .into_boxed_str()
}

impl CMap {
    /// Parses a CMap program.
    pub fn parse(bytes: &[u8]) -> Result<Self, CMapError> {
        let tokens = tokens(bytes);
        let mut map = Self::default();
        let mut i = 0;
        let bad = |what: &str| Err(CMapError(format!("a malformed {what} section")));
        while i < tokens.len() {
            let Token::Word(word) = &tokens[i] else {
                i += 1;
                continue;
            };
            i += 1;
            match word.as_slice() {
                b"usecmap" => {
                    if let Some(Token::Word(name)) = tokens.get(i.wrapping_sub(2)) {
                        map.uses = Some(name.strip_prefix(b"/").unwrap_or(name).to_vec());
                    }
                }
                b"begincodespacerange" => {
                    while let (Some(Token::Hex(lo)), Some(Token::Hex(hi))) =
                        (tokens.get(i), tokens.get(i + 1))
                    {
                        let (Some((n, lo)), Some((_, hi))) = (code(lo), code(hi)) else {
                            return bad("codespacerange");
                        };
                        map.codespace.push((n, lo, hi));
                        i += 2;
                    }
                }
                b"beginbfchar" => {
                    while let (Some(Token::Hex(src)), Some(Token::Hex(dst))) =
                        (tokens.get(i), tokens.get(i + 1))
                    {
                        let Some(c) = code(src) else {
                            return bad("bfchar");
                        };
                        map.chars.insert(c, text_of(&utf16_units(dst)));
                        i += 2;
                    }
                }
                b"beginbfrange" => {
                    while let (Some(Token::Hex(lo)), Some(Token::Hex(hi))) =
                        (tokens.get(i), tokens.get(i + 1))
                    {
                        let (Some((n, lo)), Some((_, hi))) = (code(lo), code(hi)) else {
                            return bad("bfrange");
                        };
                        i += 2;
                        let target = match tokens.get(i) {
                            Some(Token::Hex(dst)) => {
                                i += 1;
                                Target::Start(utf16_units(dst))
                            }
                            Some(Token::ArrayStart) => {
                                i += 1;
                                let mut each = Vec::new();
                                while let Some(Token::Hex(dst)) = tokens.get(i) {
                                    each.push(text_of(&utf16_units(dst)));
                                    i += 1;
                                }
                                if !matches!(tokens.get(i), Some(Token::ArrayEnd)) {
                                    return bad("bfrange");
                                }
                                i += 1;
                                Target::Each(each)
                            }
                            _ => return bad("bfrange"),
                        };
                        if hi >= lo {
                            map.ranges.push((n, lo, hi, target));
                        }
                    }
                }
                b"begincidrange" => {
                    while let (Some(Token::Hex(lo)), Some(Token::Hex(hi)), Some(Token::Int(cid))) =
                        (tokens.get(i), tokens.get(i + 1), tokens.get(i + 2))
                    {
                        let (Some((n, lo)), Some((_, hi))) = (code(lo), code(hi)) else {
                            return bad("cidrange");
                        };
                        map.cids.push((n, lo, hi, *cid));
                        i += 3;
                    }
                }
                b"begincidchar" => {
                    while let (Some(Token::Hex(src)), Some(Token::Int(cid))) =
                        (tokens.get(i), tokens.get(i + 1))
                    {
                        let Some((n, c)) = code(src) else {
                            return bad("cidchar");
                        };
                        map.cids.push((n, c, c, *cid));
                        i += 2;
                    }
                }
                _ => {}
            }
        }
        Ok(map)
    }

    /// Whether the map declares code lengths.
    pub fn has_codespace(&self) -> bool {
        !self.codespace.is_empty()
    }

    /// The byte count of the code starting `bytes` (codespace ranges; one
    /// byte when none matches, as readers do).
    pub fn code_length(&self, bytes: &[u8]) -> usize {
        for n in 1..=4.min(bytes.len()) {
            let value = bytes[..n].iter().fold(0u32, |v, &b| v << 8 | u32::from(b));
            if self
                .codespace
                .iter()
                .any(|&(len, lo, hi)| len == n && in_range(n, value, lo, hi))
            {
                return n;
            }
        }
        self.codespace
            .iter()
            .map(|&(n, _, _)| n)
            .min()
            .unwrap_or(1)
            .min(bytes.len())
            .max(1)
    }

    /// The text of a code, if the map has one.
    pub fn text(&self, n: usize, value: u32) -> Option<Box<str>> {
        if let Some(t) = self.chars.get(&(n, value)) {
            return Some(t.clone());
        }
        for (len, lo, hi, target) in self.ranges.iter().rev() {
            if *len != n || value < *lo || value > *hi {
                continue;
            }
            let offset = value - lo;
            return match target {
                Target::Each(each) => each.get(offset as usize).cloned(),
                Target::Start(units) => {
                    let mut units = units.clone();
                    let last = units.last_mut()?;
                    *last = last.wrapping_add(offset as u16);
                    Some(text_of(&units))
                }
            };
        }
        None
    }

    /// The CID of a code, if the map gives one.
    pub fn cid(&self, n: usize, value: u32) -> Option<u32> {
        self.cids
            .iter()
            .rev()
            .find(|&&(len, lo, hi, _)| len == n && value >= lo && value <= hi)
            .map(|&(_, lo, _, cid)| cid + (value - lo))
    }
}

/// A multi-byte code is in a range when each byte is within the bounds of
/// its position.
fn in_range(n: usize, value: u32, lo: u32, hi: u32) -> bool {
    (0..n).all(|i| {
        let shift = 8 * (n - 1 - i);
        let (v, l, h) = (
            value >> shift & 0xff,
            lo >> shift & 0xff,
            hi >> shift & 0xff,
        );
        v >= l && v <= h
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn to_unicode_maps_read_chars_ranges_and_arrays() {
        let map = CMap::parse(
            b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
              1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
              2 beginbfchar <0003> <0020> <0011> <004A006F0068006E> endbfchar\n\
              2 beginbfrange <0020> <0022> <0041> <0030> <0031> [<0078> <D83DDE00>] endbfrange\n\
              endcmap",
        )
        .unwrap();
        assert_eq!(map.code_length(&[0, 0x11, 0]), 2);
        assert_eq!(map.text(2, 0x11).as_deref(), Some("John"));
        assert_eq!(map.text(2, 0x22).as_deref(), Some("C"));
        assert_eq!(map.text(2, 0x31).as_deref(), Some("\u{1F600}"));
        assert_eq!(map.text(2, 0x99), None);
    }

    #[test]
    fn encoding_cmaps_give_cids() {
        let map = CMap::parse(
            b"1 begincodespacerange <00> <80> endcodespacerange \
              1 begincidrange <20> <7e> 100 endcidrange 1 begincidchar <05> 7 endcidchar",
        )
        .unwrap();
        assert_eq!(map.cid(1, 0x21), Some(101));
        assert_eq!(map.cid(1, 0x05), Some(7));
        assert_eq!(map.code_length(&[0x90, 0x20]), 1);
    }

    #[test]
    fn malformed_sections_are_errors() {
        assert!(CMap::parse(b"1 beginbfrange <00> <05> /x endbfrange").is_err());
    }
}
