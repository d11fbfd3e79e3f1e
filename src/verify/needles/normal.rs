//! The verifier's own normalisation of a text, and the views it searches.
//!
//! Every character is read the way a person reads it: compatibility
//! decomposition (NFKD: fullwidth and mathematical letters, ligatures),
//! combining marks and format characters (zero-width spaces and joiners,
//! soft hyphens, bidi controls, the word joiner, the byte-order mark) removed,
//! look-alike letters of other scripts mapped to the Latin letter they
//! imitate (the confusable skeleton of Unicode TS #39), a few letters that do
//! not decompose transliterated (ł, ø, ß, æ …), and case folded. Each
//! normalised character keeps the byte offset of the character it came from
//! and whether that one was upper case, so hits map back to the text and the
//! rules for names that are words can see capitals.
//!
//! Over that one reading, four views:
//! - *tokens* (runs of letters and digits) and the words view (tokens joined
//!   by single spaces), for names, addresses, emails and terms;
//! - the letters view (letters only), for names spaced, dotted, hyphenated or
//!   run together ("P E M B E R T O N", "DebsTranterWilde");
//! - the digits view (the digits of each run of digits and separators, and of
//!   digits read out in words: [`digits`](super::digits)), for phone and NHS
//!   numbers however they are grouped or said;
//! - runs of whole tokens around a digit, for postcodes and National
//!   Insurance numbers ([`Needles`](super::Needles) reads them).

use unicode_normalization::char::{decompose_compatible, is_combining_mark};
use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};

/// One normalised character.
#[derive(Debug, Clone, Copy)]
pub(super) struct NChar {
    /// The character, lower case.
    pub c: char,
    /// The byte offset of the original character it came from.
    pub at: u32,
    /// Whether the original character was an upper-case letter.
    pub upper: bool,
}

/// A run of letters and digits, in normalised characters.
#[derive(Debug, Clone, Copy)]
pub(super) struct Token {
    /// First character (index into [`Text::chars`]).
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// Its byte range in the words view.
    pub w_start: usize,
    /// One past its last byte in the words view.
    pub w_end: usize,
}

/// A text, normalised, with its views.
#[derive(Debug)]
pub(super) struct Text<'a> {
    /// The text as given.
    pub orig: &'a str,
    /// The normalised characters.
    pub chars: Vec<NChar>,
    /// The tokens, in order.
    pub tokens: Vec<Token>,
    /// Tokens joined by single spaces.
    pub words: String,
    /// For every normalised character, the token it belongs to (or `NONE`).
    pub token_of: Vec<usize>,
}

/// No token: a separator character.
pub(super) const NONE: usize = usize::MAX;

/// A view of the text: a string and, for each of its bytes, the normalised
/// character it came from (`NONE` for markers between runs).
#[derive(Debug, Default)]
pub(super) struct View {
    pub text: String,
    pub at: Vec<usize>,
}

impl View {
    /// The normalised characters `from..to` a match of this view covers.
    pub fn chars(&self, range: &std::ops::Range<usize>) -> (usize, usize) {
        (self.at[range.start], self.at[range.end - 1] + 1)
    }

    pub(super) fn push(&mut self, c: char, at: usize) {
        self.text.push(c);
        if c.is_ascii() {
            self.at.push(at);
        } else {
            self.at.extend(std::iter::repeat_n(at, c.len_utf8()));
        }
    }
}

/// Splits normalised characters into tokens as they come.
struct Splitter {
    chars: Vec<NChar>,
    token_of: Vec<usize>,
    tokens: Vec<Token>,
    words: String,
    /// The token being read: its first character and words-view start.
    open: Option<(usize, usize)>,
}

/// A byte offset as stored: texts the verifier reads are far below 4 GiB
/// (a PDF's text is bounded by the limits on what it may inflate to).
fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

impl Splitter {
    #[inline]
    fn push(&mut self, n: NChar) {
        let i = self.chars.len();
        if is_token_char(n.c) {
            if self.open.is_none() {
                if !self.words.is_empty() {
                    self.words.push(' ');
                }
                self.open = Some((i, self.words.len()));
            }
            self.token_of.push(self.tokens.len());
            self.words.push(n.c);
        } else {
            self.close(i);
            self.token_of.push(NONE);
        }
        self.chars.push(n);
    }

    /// [`push`](Self::push) for an ASCII byte.
    #[inline(always)]
    fn push_ascii(&mut self, b: u8, at: u32) {
        let i = self.chars.len();
        let lower = b.to_ascii_lowercase();
        if b.is_ascii_alphanumeric() {
            if self.open.is_none() {
                if !self.words.is_empty() {
                    self.words.push(' ');
                }
                self.open = Some((i, self.words.len()));
            }
            self.token_of.push(self.tokens.len());
            self.words.push(char::from(lower));
        } else {
            self.close(i);
            self.token_of.push(NONE);
        }
        self.chars.push(NChar {
            c: char::from(lower),
            at,
            upper: b.is_ascii_uppercase(),
        });
    }

    /// Ends the open token, if any, before character `end`.
    fn close(&mut self, end: usize) {
        if let Some((start, w_start)) = self.open.take() {
            self.tokens.push(Token {
                start,
                end,
                w_start,
                w_end: self.words.len(),
            });
        }
    }
}

/// Whether a normalised character is part of a token.
#[inline]
fn is_token_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

impl<'a> Text<'a> {
    /// Normalises `orig` and splits it into tokens.
    pub fn new(orig: &'a str) -> Self {
        let mut split = Splitter {
            chars: Vec::with_capacity(orig.len()),
            token_of: Vec::with_capacity(orig.len()),
            tokens: Vec::new(),
            words: String::with_capacity(orig.len()),
            open: None,
        };
        let bytes = orig.as_bytes();
        let mut normalised = Vec::new();
        let mut at = 0;
        while at < bytes.len() {
            let b = bytes[at];
            if b.is_ascii() {
                // Most text is ASCII: lower-cased in place.
                split.push_ascii(b, offset(at));
                at += 1;
                continue;
            }
            let c = orig[at..].chars().next().expect("a character starts here");
            normalise_char(c, offset(at), &mut normalised);
            normalised.drain(..).for_each(|n| split.push(n));
            at += c.len_utf8();
        }
        split.close(split.chars.len());
        Self {
            orig,
            chars: split.chars,
            tokens: split.tokens,
            words: split.words,
            token_of: split.token_of,
        }
    }

    /// The normalised text of token `k`.
    pub fn token(&self, k: usize) -> &str {
        let t = &self.tokens[k];
        &self.words[t.w_start..t.w_end]
    }

    /// Whether token `k` starts with a capital (ALL CAPS included).
    pub fn capitalised(&self, k: usize) -> bool {
        self.chars[self.tokens[k].start].upper
    }

    /// The separator before token `k`: the characters since the previous
    /// token (or the start of the text).
    pub fn sep_before(&self, k: usize) -> impl Iterator<Item = char> + '_ {
        let from = if k == 0 { 0 } else { self.tokens[k - 1].end };
        let to = self.tokens.get(k).map_or(self.chars.len(), |t| t.start);
        self.chars[from..to].iter().map(|n| n.c)
    }

    /// The separator before token `k`, as a string.
    pub fn sep(&self, k: usize) -> String {
        self.sep_before(k).collect()
    }

    /// Whether the separator before token `k` is whitespace only (and not
    /// empty).
    pub fn spaced_before(&self, k: usize) -> bool {
        let mut any = false;
        for c in self.sep_before(k) {
            if !c.is_whitespace() {
                return false;
            }
            any = true;
        }
        any
    }

    /// The token whose words-view range starts at `w`.
    pub fn token_starting_at(&self, w: usize) -> Option<usize> {
        self.tokens.binary_search_by_key(&w, |t| t.w_start).ok()
    }

    /// The token whose words-view range ends at `w`.
    pub fn token_ending_at(&self, w: usize) -> Option<usize> {
        self.tokens.binary_search_by_key(&w, |t| t.w_end).ok()
    }

    /// The original byte range of normalised characters `from..to`.
    pub fn orig_range(&self, from: usize, to: usize) -> std::ops::Range<usize> {
        let start = self.chars[from].at as usize;
        let last = self.chars[to - 1].at as usize;
        let len = self
            .orig
            .get(last..)
            .and_then(|rest| rest.chars().next())
            .map_or(0, char::len_utf8);
        start..last + len
    }

    /// The original byte range of tokens `first..=last`.
    pub fn tokens_range(&self, first: usize, last: usize) -> std::ops::Range<usize> {
        self.orig_range(self.tokens[first].start, self.tokens[last].end)
    }

    /// The letters view: every letter, nothing else.
    pub fn letters(&self) -> View {
        self.tokens_view(char::is_alphabetic)
    }

    /// The characters of every token that `keep` keeps, run together.
    fn tokens_view(&self, keep: impl Fn(char) -> bool) -> View {
        let mut text = Vec::with_capacity(self.words.len());
        let mut at = Vec::with_capacity(self.words.len());
        let words = self.words.as_bytes();
        for t in &self.tokens {
            let bytes = &words[t.w_start..t.w_end];
            if bytes.len() == t.end - t.start {
                // ASCII: a byte per character.
                for (j, &b) in bytes.iter().enumerate() {
                    if keep(char::from(b)) {
                        text.push(b);
                        at.push(t.start + j);
                    }
                }
                continue;
            }
            for i in t.start..t.end {
                let c = self.chars[i].c;
                if keep(c) {
                    let mut buf = [0u8; 4];
                    text.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                    at.extend(std::iter::repeat_n(i, c.len_utf8()));
                }
            }
        }
        View {
            text: String::from_utf8(text).expect("whole characters"),
            at,
        }
    }
}

/// Normalises one character of a text into `out`.
fn normalise_char(c: char, at: u32, out: &mut Vec<NChar>) {
    if c.is_ascii() {
        out.push(NChar {
            c: c.to_ascii_lowercase(),
            at,
            upper: c.is_ascii_uppercase(),
        });
        return;
    }
    if let Some(plain) = punctuation(c) {
        out.push(NChar {
            c: plain,
            at,
            upper: false,
        });
        return;
    }
    decompose_compatible(c, |d| normalise_decomposed(d, at, out));
}

/// Typographic punctuation the rules read as its plain form.
fn punctuation(c: char) -> Option<char> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{02BC}' | '\u{2032}'
        | '\u{00B4}' | '\u{02B9}' | '\u{FF07}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}'
        | '\u{2033}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => '-',
        '\u{2028}' | '\u{2029}' | '\u{0085}' => '\n',
        c if c.is_whitespace() => ' ',
        _ => return None,
    })
}

/// One character of a compatibility decomposition.
fn normalise_decomposed(d: char, at: u32, out: &mut Vec<NChar>) {
    if d.is_ascii() {
        out.push(NChar {
            c: d.to_ascii_lowercase(),
            at,
            upper: d.is_ascii_uppercase(),
        });
        return;
    }
    if is_combining_mark(d) || invisible(d) {
        return;
    }
    if let Some(punct) = punctuation(d) {
        out.push(NChar {
            c: punct,
            at,
            upper: false,
        });
        return;
    }
    let upper = d.is_uppercase();
    let push = |s: &str, out: &mut Vec<NChar>| {
        out.extend(s.chars().map(|c| NChar { c, at, upper }));
    };
    let mut lower = d.to_lowercase();
    let single_lower = match (lower.next(), lower.next()) {
        (Some(l), None) if l != d => Some(l),
        _ => None,
    };
    for candidate in std::iter::once(d).chain(single_lower) {
        if let Some(latin) = transliteration(candidate) {
            push(latin, out);
            return;
        }
        if let Some(latin) = skeleton(candidate, upper) {
            push(&latin, out);
            return;
        }
    }
    out.extend(d.to_lowercase().map(|c| NChar { c, at, upper }));
}

/// Characters a reader does not see: format characters (Cf) and the other
/// default-ignorable fillers.
fn invisible(d: char) -> bool {
    d.general_category() == GeneralCategory::Format
        || matches!(
            d,
            '\u{034F}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{17B4}'
                | '\u{17B5}'
                | '\u{180B}'..='\u{180F}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FFA0}'
                | '\u{E0100}'..='\u{E01EF}'
        )
}

/// Latin letters that do not decompose, read as the letters they stand
/// for; and the small-capital look-alikes (Cyrillic "к", "т", Greek "τ",
/// Latin small capitals) that TS #39 leaves to themselves.
fn transliteration(d: char) -> Option<&'static str> {
    Some(match d {
        'к' | 'κ' | 'ᴋ' => "k",
        'м' | 'ᴍ' => "m",
        'н' | 'ʜ' => "h",
        'т' | 'τ' | 'ᴛ' => "t",
        'в' | 'β' | 'ь' | 'ʙ' => "b",
        'п' | 'ɴ' => "n",
        'χ' => "x",
        'ε' | 'ᴇ' => "e",
        'ᴀ' => "a",
        'ᴄ' => "c",
        'ᴅ' => "d",
        'ɢ' => "g",
        'ɪ' => "i",
        'ᴊ' => "j",
        'ʟ' => "l",
        'ᴏ' => "o",
        'ᴘ' => "p",
        'ʀ' => "r",
        'ꜱ' => "s",
        'ᴜ' => "u",
        'ᴠ' => "v",
        'ᴡ' => "w",
        'ʏ' => "y",
        'ᴢ' => "z",
        'ß' | 'ẞ' => "ss",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        'ø' | 'Ø' => "o",
        'ł' | 'Ł' => "l",
        'đ' | 'Đ' | 'ð' | 'Ð' => "d",
        'þ' | 'Þ' => "th",
        'ħ' | 'Ħ' => "h",
        'ı' => "i",
        'ŀ' | 'Ŀ' => "l",
        'ŧ' | 'Ŧ' => "t",
        'ĸ' => "k",
        _ => return None,
    })
}

/// The Latin letters a look-alike of another script stands for (Cyrillic
/// "а", Greek "Ο", …), by the confusable prototypes of Unicode TS #39; `None`
/// when the character imitates no Latin letter or digit.
fn skeleton(d: char, upper: bool) -> Option<String> {
    let mut buf = [0u8; 4];
    let prototype: String = unicode_security::skeleton(d.encode_utf8(&mut buf))
        .filter(|c| !is_combining_mark(*c))
        .collect();
    if prototype.is_empty() || !prototype.chars().all(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    // TS #39 gives "l" for every vertical stroke; an upper-case one
    // ("І", "Ι") is read as the capital I it imitates.
    if prototype == "l" && upper {
        return Some("i".into());
    }
    Some(prototype.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> String {
        Text::new(s).words
    }

    #[test]
    fn marks_format_characters_and_case_are_removed() {
        // NFD, a zero-width space, a soft hyphen, bidi controls, a BOM.
        assert_eq!(words("Pembe\u{0301}rton"), "pemberton");
        assert_eq!(words("Pem\u{200B}ber\u{00AD}ton"), "pemberton");
        assert_eq!(words("\u{202E}Pemberton\u{202C}\u{FEFF}"), "pemberton");
        assert_eq!(words("Wis\u{0301}niewska Tomás"), "wisniewska tomas");
        assert_eq!(words("ＰＥＭＢＥＲＴＯＮ"), "pemberton");
        assert_eq!(words("Łucja Strauß"), "lucja strauss");
    }

    #[test]
    fn look_alikes_of_other_scripts_read_as_latin() {
        // Cyrillic Р, е, о; Greek Ο; Cyrillic І.
        assert_eq!(words("\u{0420}\u{0435}mberton"), "pemberton");
        assert_eq!(words("\u{039F}konkwo"), "okonkwo");
        assert_eq!(words("\u{0406}mran"), "imran");
        // Lower-case look-alikes of small capitals: к, т, н.
        assert_eq!(
            words("Okonkwo \u{043E}\u{043A}\u{043E}nkwo"),
            "okonkwo okonkwo"
        );
        assert_eq!(words("Pemberтon Hollowa\u{0443}"), "pemberton holloway");
        assert_eq!(words("\u{0500}\u{0501}"), "dd");
        let t = Text::new("\u{0420}emberton");
        assert!(t.chars[0].upper, "a capital look-alike is a capital");
    }

    #[test]
    fn maps_back_to_the_original_bytes() {
        let text = "Mrs \u{0420}e\u{0301}mberton’s";
        let t = Text::new(text);
        assert_eq!(t.token(1), "pemberton");
        assert_eq!(&text[t.tokens_range(1, 1)], "\u{0420}e\u{0301}mberton");
        assert_eq!(t.sep(2), "'");
    }

    #[test]
    fn views() {
        let t = Text::new("Tel (0113) 496–0412, ref 23 004 118. P.E.M");
        assert_eq!(t.digits().text, "01134960412|23004118");
        assert_eq!(t.letters().text, "telrefpem");
    }
}
