//! The glyph names and standard encodings simple fonts are read by,
//! vendored: `data/glyph-names.txt` (the Adobe Glyph List and the further
//! names lopdf reads, with the code lopdf gives each) and
//! `data/font-encodings.txt` (StandardEncoding, WinAnsiEncoding,
//! MacRomanEncoding and MacExpertEncoding by glyph name), both written out
//! from lopdf 0.47.0's own tables, so that every glyph reads as it did
//! through lopdf. Their licences are in `data/glyph-names.LICENSE`.

use std::collections::HashMap;
use std::sync::LazyLock;

/// A single-byte encoding: the character of each code, where it has one.
pub(super) type Table = [Option<char>; 256];

/// Every glyph name the list holds, and its character (none for a name
/// whose code is a lone UTF-16 surrogate).
static GLYPH_NAMES: LazyLock<HashMap<&'static [u8], Option<char>>> = LazyLock::new(|| {
    data_lines(include_str!("../../../data/glyph-names.txt"))
        .map(|line| {
            let (name, code) = line.split_once(';').expect("glyph-names.txt: name;code");
            let code = u32::from_str_radix(code, 16).expect("glyph-names.txt: a hexadecimal code");
            (name.as_bytes(), char::from_u32(code))
        })
        .collect()
});

/// The four standard encodings, in the columns' order.
static ENCODINGS: LazyLock<[Table; 4]> = LazyLock::new(|| {
    let mut tables = [[None; 256]; 4];
    for line in data_lines(include_str!("../../../data/font-encodings.txt")) {
        let mut fields = line.split(' ');
        let code: usize = fields
            .next()
            .and_then(|c| c.parse().ok())
            .expect("font-encodings.txt: a code");
        for (table, name) in tables.iter_mut().zip(fields) {
            if name != "-" {
                table[code] = glyph_char(name.as_bytes());
            }
        }
    }
    tables
});

/// The lines of a data file that are not comments.
fn data_lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The character a glyph name of the list stands for.
pub(super) fn glyph_char(name: &[u8]) -> Option<char> {
    GLYPH_NAMES.get(name).copied().flatten()
}

/// A standard single-byte encoding by its name.
pub(super) fn standard_encoding(name: &[u8]) -> Option<&'static Table> {
    let column = match name {
        b"StandardEncoding" => 0,
        b"WinAnsiEncoding" => 1,
        b"MacRomanEncoding" => 2,
        b"MacExpertEncoding" => 3,
        _ => return None,
    };
    Some(&ENCODINGS[column])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_vendored_tables_read() {
        assert_eq!(glyph_char(b"quoteright"), Some('\u{2019}'));
        assert_eq!(glyph_char(b"parenleftbig"), Some('('));
        assert_eq!(glyph_char(b"emptyslot"), None, "a surrogate is no text");
        assert_eq!(glyph_char(b"g123"), None);
        let win = standard_encoding(b"WinAnsiEncoding").expect("a table");
        assert_eq!(win[0x80], Some('€'));
        assert_eq!(win[b'A' as usize], Some('A'));
        assert!(standard_encoding(b"PDFDocEncoding").is_none());
    }
}
