//! The digits view: the digits of each run of digits joined by number
//! separators, and of digits read out in words as a number is said on the
//! phone ("oh seven seven double oh, nine…", "07700 nine double zero 461"),
//! so that a listed phone or NHS number is found however it is grouped or
//! said. The verifier's own reading: it shares nothing with the
//! anonymiser's.

use super::normal::{NChar, NONE, Text, View};

/// What a word says in a number read out.
enum Said {
    /// A digit ("seven", "oh").
    Digit(char),
    /// The next digit said so many times ("double", "triple").
    Times(usize),
}

/// What the word of `letters` says in a number read out, if anything.
fn said(letters: &[NChar]) -> Option<Said> {
    // The word in a small buffer: most words of a page are short, and
    // none is copied out.
    let mut word = [0u8; 6];
    if !(1..=word.len()).contains(&letters.len()) {
        return None;
    }
    for (b, n) in word.iter_mut().zip(letters) {
        *b = u8::try_from(n.c).ok().filter(u8::is_ascii_lowercase)?;
    }
    Some(match &word[..letters.len()] {
        b"zero" | b"nought" | b"nil" | b"oh" | b"o" => Said::Digit('0'),
        b"one" => Said::Digit('1'),
        b"two" => Said::Digit('2'),
        b"three" => Said::Digit('3'),
        b"four" => Said::Digit('4'),
        b"five" => Said::Digit('5'),
        b"six" => Said::Digit('6'),
        b"seven" => Said::Digit('7'),
        b"eight" => Said::Digit('8'),
        b"nine" => Said::Digit('9'),
        b"double" => Said::Times(2),
        b"triple" => Said::Times(3),
        _ => return None,
    })
}

/// Characters that may stand between the digit groups of one number.
fn is_number_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '.' | '/' | '(' | ')' | '+' | '_' | '\'' | ',')
}

/// The digit a letter typed for one stands for, inside a word of digits
/// ("O77OO", "9OO461", "2l"): O for nought, l and I for one.
fn look_alike(n: NChar) -> Option<char> {
    match n.c {
        'o' => Some('0'),
        'l' => Some('1'),
        'i' if n.upper => Some('1'),
        _ => None,
    }
}

/// The end of the word of digits with look-alike letters that starts at
/// `i` (`i` itself where the word there is none: no digit, or another
/// letter). One pass, left at the first letter no digit looks like: most
/// words are read no further than their first or second letter.
fn digit_word_end(chars: &[NChar], i: usize) -> usize {
    let mut digit = false;
    for (k, &n) in chars[i..].iter().enumerate() {
        if n.c.is_ascii_digit() {
            digit = true;
        } else if !n.c.is_alphanumeric() {
            return if digit { i + k } else { i };
        } else if look_alike(n).is_none() {
            return i;
        }
    }
    if digit { chars.len() } else { i }
}

/// The end of the run of letters that starts at `i`.
fn letters_end(chars: &[NChar], i: usize) -> usize {
    chars[i..]
        .iter()
        .position(|n| !n.c.is_alphabetic())
        .map_or(chars.len(), |k| i + k)
}

/// Whether a digit, or a word that says one, comes next after `i` past
/// number separators.
fn digit_next(chars: &[NChar], i: usize) -> bool {
    let Some(k) = chars[i..]
        .iter()
        .position(|n| !is_number_separator(n.c))
        .map(|k| i + k)
    else {
        return false;
    };
    if chars[k].c.is_ascii_digit() {
        return true;
    }
    chars[k].c.is_alphabetic() && said(&chars[k..letters_end(chars, k)]).is_some()
}

impl Text<'_> {
    /// The digits view: the digits of each run of digits and of digits said
    /// in words, joined by number separators (spaces, dashes, dots,
    /// slashes, brackets, a plus sign), runs apart by `|`, so "(0113)
    /// 496–0412" and "oh one one three, four nine six…" read "01134960412".
    pub fn digits(&self) -> View {
        let chars = &self.chars;
        let mut view = View::default();
        let mut in_run = false;
        // A "double" or "triple" waiting for its digit.
        let mut times = 0;
        // Where a word of digits with look-alike letters in it ends.
        let mut digit_word = 0;
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i].c;
            let starts_word = i == 0 || !chars[i - 1].c.is_alphanumeric();
            if starts_word && c.is_alphanumeric() {
                digit_word = digit_word_end(chars, i);
            }
            let word_start = c.is_alphabetic() && starts_word;
            let (digit, next) = if c.is_ascii_digit() {
                (Some(c), i + 1)
            } else if i < digit_word {
                (look_alike(chars[i]), i + 1)
            } else if word_start {
                let end = letters_end(chars, i);
                match said(&chars[i..end]) {
                    // "oh" and "o" are a nought only inside a number or
                    // before a digit ("oh seven", not "oh dear").
                    Some(Said::Digit('0'))
                        if end - i <= 2 && !in_run && times == 0 && !digit_next(chars, end) =>
                    {
                        (None, end)
                    }
                    Some(Said::Digit(d)) => (Some(d), end),
                    Some(Said::Times(n)) if times == 0 && digit_next(chars, end) => {
                        times = n;
                        i = end;
                        continue;
                    }
                    _ => (None, end),
                }
            } else {
                (None, i + 1)
            };
            match digit {
                Some(d) => {
                    if !in_run && !view.text.is_empty() {
                        view.push('|', NONE);
                    }
                    in_run = true;
                    for _ in 0..times.max(1) {
                        view.push(d, i);
                    }
                    times = 0;
                }
                None if in_run && !(next == i + 1 && is_number_separator(c)) => {
                    in_run = false;
                    times = 0;
                }
                None => {}
            }
            i = next;
        }
        view
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_are_read_however_grouped_or_said() {
        let digits = |s: &str| Text::new(s).digits().text;
        assert_eq!(
            digits("Call (0113) 496-0412 about 23 004 118."),
            "01134960412|23004118"
        );
        assert_eq!(
            digits("Call me on oh seven seven double oh, nine double oh, four six one."),
            "07700900461"
        );
        assert_eq!(digits("on 07700 nine double zero 461"), "07700900461");
        assert_eq!(
            digits("NHS number nine nine nine, nine five four, two five five seven"),
            "9999542557"
        );
        // Words that say no number, and "oh" that is no nought.
        assert_eq!(digits("Oh dear, someone said nothing twice."), "");
        assert_eq!(digits("Double the charges: 40 pounds."), "40");
        assert_eq!(digits("Oh no, 4th floor"), "4");
        // Letters typed for digits inside a word of digits.
        assert_eq!(digits("Call O77OO 9OO46l."), "07700900461");
        assert_eq!(digits("In 2O2I, on 1st Lloyd 10am"), "2021|1|10");
    }
}
