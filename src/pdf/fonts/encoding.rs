//! What the codes of a simple font mean by its encoding: the base
//! encoding (Standard, WinAnsi, MacRoman, MacExpert) and the glyph names of
//! its `/Differences`, read as text (`uniXXXX`, `uXXXX`, Adobe Glyph List
//! names, suffixes dropped, ligatures read part by part). The tables are
//! `glyph_list`'s.

use lopdf::{Dictionary, Document, Object};

use super::super::resolve::{self, deref};
use super::glyph_list::{glyph_char, standard_encoding};

/// The text of each code of a simple font: base encoding, then differences.
pub(super) fn simple_encoding(
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
    let table = base.and_then(standard_encoding);
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

/// The text of a glyph name: `uniXXXX…`, `uXXXX[XX]`, Adobe Glyph List
/// names (the vendored list), with suffixes (`.sc`) dropped and
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
    glyph_char(name).map(String::from)
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
}
