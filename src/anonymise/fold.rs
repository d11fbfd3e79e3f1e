//! Folded text: a lower-case ASCII copy of a text for matching, with a map
//! back to the original bytes.
//!
//! Folding makes one spelling match the others: case, diacritics ("Wiśniewska"
//! and "Wisniewska", composed or decomposed), typographic apostrophes and
//! dashes, ligatures and compatibility forms (fullwidth letters), runs of
//! whitespace (a name broken across a line), and characters a reader never
//! sees: combining marks added to a letter and format characters (zero-width
//! spaces and joiners, soft hyphens, bidi controls) fold to nothing, so
//! "Pem\u{200B}berton" is still Pemberton. aho-corasick folds ASCII case only,
//! so the folding is done here, once per text.

use std::ops::Range;

/// A folded copy of a text.
#[derive(Debug, Clone)]
pub(crate) struct Folded<'a> {
    /// The original text.
    pub orig: &'a str,
    /// The folded text: lower-case ASCII where the original had letters.
    pub key: String,
    /// Where each stretch of `key` came from, in order: a stretch copied
    /// byte for byte, or the bytes one character folded to (a collapsed run
    /// of whitespace, an accented letter). Most text is a few long stretches,
    /// so this is far smaller than an offset for every byte.
    stretches: Vec<Stretch>,
}

/// A stretch of a folded key and the original bytes it came from.
#[derive(Debug, Clone, Copy)]
struct Stretch {
    /// Where it starts in the key.
    key: usize,
    /// Where it starts in the original.
    orig: usize,
    /// Copied byte for byte (its nth key byte is its nth original byte),
    /// or every byte of it from the one character at `orig`.
    copied: bool,
}

impl<'a> Folded<'a> {
    /// Folds `orig`.
    pub fn new(orig: &'a str) -> Self {
        Self::skipping(orig, &[])
    }

    /// Folds `orig` without the bytes of `skips` (in order, apart): a
    /// match across one maps back over it.
    pub fn skipping(orig: &'a str, skips: &[Range<usize>]) -> Self {
        let mut key = String::with_capacity(orig.len());
        let mut stretches = Vec::new();
        let mut last_space = false;
        let mut at = 0;
        let mut skips = skips.iter().peekable();
        while at < orig.len() {
            if let Some(skip) = skips.next_if(|s| s.start <= at) {
                at = at.max(skip.end);
                continue;
            }
            let limit = skips.peek().map_or(orig.len(), |s| s.start);
            // Most text is ASCII words and single spaces: copied a run at a
            // time, without the general path below.
            let run = plain_run(&orig.as_bytes()[at..limit], last_space);
            if run > 0 {
                let from = key.len();
                key.push_str(&orig[at..at + run]);
                key[from..].make_ascii_lowercase();
                stretches.push(Stretch {
                    key: from,
                    orig: at,
                    copied: true,
                });
                last_space = orig.as_bytes()[at + run - 1] == b' ';
                at += run;
                continue;
            }
            let c = orig[at..].chars().next().unwrap_or_default();
            let len = c.len_utf8();
            let before = key.len();
            if c.is_whitespace() {
                if !last_space {
                    key.push(' ');
                }
                last_space = true;
            } else if !is_invisible(c) {
                last_space = false;
                fold_char(c, &mut key);
            }
            if key.len() > before {
                stretches.push(Stretch {
                    key: before,
                    orig: at,
                    copied: false,
                });
            }
            at += len;
        }
        Self {
            orig,
            key,
            stretches,
        }
    }

    /// The original byte offset of the character that `key`'s byte `at`
    /// came from; the original's end for the key's end.
    fn orig_at(&self, at: usize) -> usize {
        if at >= self.key.len() {
            return self.orig.len();
        }
        let i = self.stretches.partition_point(|s| s.key <= at) - 1;
        let s = self.stretches[i];
        if s.copied {
            s.orig + (at - s.key)
        } else {
            s.orig
        }
    }

    /// The original byte range of a range of `key`. The end takes in the
    /// invisible characters that follow the last matched one (a combining
    /// accent, a zero-width joiner), so nothing of the match is left behind.
    pub fn orig_range(&self, range: Range<usize>) -> Range<usize> {
        // Format characters just before the match go with it too (a bidi
        // override opened before a name); combining marks there belong to
        // the letter before.
        let mut start = self.orig_at(range.start);
        while let Some(c) = self.orig[..start].chars().next_back() {
            if !is_invisible(c) || unicode_normalization::char::is_combining_mark(c) {
                break;
            }
            start -= c.len_utf8();
        }
        // The end is the start of the character after the last matched byte.
        let end = if range.end == 0 {
            start
        } else {
            let last_char_start = self.orig_at(range.end - 1);
            let mut chars = self.orig[last_char_start..].chars();
            let mut end = last_char_start + chars.next().map_or(0, char::len_utf8);
            for c in chars {
                if !is_invisible(c) {
                    break;
                }
                end += c.len_utf8();
            }
            end
        };
        start..end
    }
}

/// The length of the run at the start of `bytes` that folds byte for byte:
/// ASCII other than whitespace and the backtick (which folds to an
/// apostrophe), and single spaces (not one right after `last_space`).
fn plain_run(bytes: &[u8], last_space: bool) -> usize {
    let mut space_before = last_space;
    for (i, &b) in bytes.iter().enumerate() {
        let plain = match b {
            b' ' => !space_before,
            b'`' | 0x0B => false,
            b => b.is_ascii() && !b.is_ascii_whitespace(),
        };
        if !plain {
            return i;
        }
        space_before = b == b' ';
    }
    bytes.len()
}

/// Folds one character into `out`.
pub(crate) fn fold_char(c: char, out: &mut String) {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{02BC}' | '\u{2032}' | '`' | '\u{00B4}' => {
            out.push('\'');
        }
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}' => out.push('-'),
        c if is_invisible(c) => {}
        c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        c => match deunicode::deunicode_char(c) {
            Some(s) if !s.is_empty() && s.is_ascii() => {
                out.extend(s.chars().map(|c| c.to_ascii_lowercase()));
            }
            _ => out.extend(c.to_lowercase()),
        },
    }
}

/// Whether a character adds nothing a reader sees to the letters around it:
/// a combining mark (an accent typed as a separate character) or a format
/// character (zero-width space, joiners, soft hyphen, bidi controls, word
/// joiner, byte-order mark).
pub(crate) fn is_invisible(c: char) -> bool {
    // Below the soft hyphen there are neither format characters nor marks.
    if c < '\u{00AD}' {
        return false;
    }
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{E0000}'..='\u{E007F}'
    ) || unicode_normalization::char::is_combining_mark(c)
}

/// Folds a whole string (for patterns).
pub(crate) fn fold(s: &str) -> String {
    // Plain ASCII with single spaces folds to itself in lower case.
    if plain_run(s.as_bytes(), false) == s.len() {
        return s.trim_matches(' ').to_ascii_lowercase();
    }
    Folded::new(s).key.trim().to_string()
}

/// `f` of `word` in ASCII lower case, without an allocation, where `word`
/// is ASCII of at most 32 bytes (most words a table is asked about);
/// `None` for any other word.
pub(crate) fn ascii_lowercase_with<R>(word: &str, f: impl FnOnce(&str) -> R) -> Option<R> {
    let mut buf = [0u8; 32];
    if word.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    let lower = &mut buf[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower).ok().map(f)
}

/// Whether the byte before `start` and the byte at `end` of the folded text
/// are not letters or digits, so a match stands as whole words.
pub(crate) fn at_word_boundary(key: &str, range: &Range<usize>) -> bool {
    let b = key.as_bytes();
    let before_ok = range.start == 0 || !b[range.start - 1].is_ascii_alphanumeric();
    let after_ok = range.end >= b.len() || !b[range.end].is_ascii_alphanumeric();
    before_ok && after_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_unifies_spellings_and_maps_back() {
        let text = "Mrs  Wiśniewska\u{2019}s son, O\u{2019}Neill";
        let f = Folded::new(text);
        assert_eq!(f.key, "mrs wisniewska's son, o'neill");
        let start = f.key.find("wisniewska").unwrap();
        let r = f.orig_range(start..start + "wisniewska".len());
        assert_eq!(&text[r], "Wiśniewska");
        let start = f.key.find("o'neill").unwrap();
        assert_eq!(&text[f.orig_range(start..f.key.len())], "O\u{2019}Neill");
    }

    #[test]
    fn skipped_bytes_are_left_out_and_a_match_maps_back_over_them() {
        let text = "Mrs Parg- eter and Par\u{AD}g-\neter";
        let skips = [8..10, 25..27];
        let f = Folded::skipping(text, &skips);
        assert_eq!(f.key, "mrs pargeter and pargeter");
        let at: Vec<usize> = f.key.match_indices("pargeter").map(|(i, _)| i).collect();
        assert_eq!(&text[f.orig_range(at[0]..at[0] + 8)], "Parg- eter");
        assert_eq!(&text[f.orig_range(at[1]..at[1] + 8)], "Par\u{AD}g-\neter");
    }

    #[test]
    fn plain_ascii_folds_as_the_general_path_folds_it() {
        for s in [
            " Mrs Tranter-Wilde ",
            "O'Neill",
            "MR  SMITH",
            "a`b",
            "tab\there",
            "Deb (58)",
            "",
            " ",
        ] {
            assert_eq!(fold(s), Folded::new(s).key.trim(), "{s:?}");
        }
        assert_eq!(
            ascii_lowercase_with("GeMMa", str::to_string),
            Some("gemma".into())
        );
        assert_eq!(ascii_lowercase_with("Zoë", str::to_string), None);
        assert_eq!(ascii_lowercase_with(&"a".repeat(33), str::len), None);
    }

    #[test]
    fn dashes_and_line_breaks_fold() {
        assert_eq!(fold("Tranter\u{2013}Wilde"), "tranter-wilde");
        assert_eq!(fold("Jane\n   Smith"), "jane smith");
        assert_eq!(fold("Zoë Łukasz"), "zoe lukasz");
    }

    #[test]
    fn invisible_characters_and_decomposed_letters_fold_away() {
        assert_eq!(
            fold("Zoe\u{0308} Pem\u{200B}ber\u{00AD}ton"),
            "zoe pemberton"
        );
        assert_eq!(fold("Wis\u{0301}niewska"), fold("Wiśniewska"));
        assert_eq!(fold("\u{202E}Smith\u{202C}"), "smith");
        assert_eq!(fold("ＳＭＩＴＨ"), "smith");
        let text = "Mrs Zoe\u{0308}\u{200D} said";
        let f = Folded::new(text);
        let start = f.key.find("zoe").unwrap();
        let r = f.orig_range(start..start + 3);
        assert_eq!(
            &text[r], "Zoe\u{0308}\u{200D}",
            "trailing marks go with the match"
        );
    }

    /// Every key byte maps to the character it came from: the offsets read
    /// from the stretches are those of folding a character at a time.
    #[test]
    fn stretches_map_every_key_byte_back() {
        let alphabet = [
            'a', 'B', ' ', '\n', '`', 'é', '\u{0301}', '\u{200B}', 'ﬁ', 'Ł', '\u{2019}', '7',
        ];
        let mut seed = 11_u64;
        for _ in 0..4000 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let len = (seed >> 40) as usize % 12;
            let mut text = String::new();
            for _ in 0..len {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                text.push(alphabet[(seed >> 33) as usize % alphabet.len()]);
            }
            // One character at a time.
            let mut key = String::new();
            let mut offsets = Vec::new();
            let mut last_space = false;
            for (at, c) in text.char_indices() {
                let before = key.len();
                if c.is_whitespace() {
                    if !last_space {
                        key.push(' ');
                    }
                    last_space = true;
                } else if !is_invisible(c) {
                    last_space = c == ' ';
                    fold_char(c, &mut key);
                }
                offsets.extend(std::iter::repeat_n(at, key.len() - before));
            }
            offsets.push(text.len());
            let folded = Folded::new(&text);
            assert_eq!(folded.key, key, "{text:?}");
            let read: Vec<usize> = (0..=key.len()).map(|k| folded.orig_at(k)).collect();
            assert_eq!(read, offsets, "{text:?}");
        }
    }

    #[test]
    fn word_boundaries() {
        let key = "mrs smith's smithson";
        assert!(at_word_boundary(key, &(4..9)));
        assert!(!at_word_boundary(key, &(12..17)));
    }
}
