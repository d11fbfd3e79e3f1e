//! Numbers read out digit by digit in words, as a complainant writes down
//! what was said on the phone: "oh seven seven double oh, nine double oh,
//! four six one", "zero seven seven zero zero nine…", "07700 nine double
//! zero 461". Each run is found with the digits it spells, which the value
//! finders ([`super::values`]) make a phone or NHS number candidate of, so
//! a listed number is replaced however it is written, and one nobody listed
//! is found like any other.
//!
//! Only a run of ten digits or more with a digit word in it is one ("one
//! or two visits", "in 2023 one nurse" are not), and only in a text that
//! says a nought in words ("zero", "oh", "nought"), as every UK phone
//! number read out does: a cheap search decides whether the words are
//! read at all.

use std::ops::Range;
use std::sync::LazyLock;

use memchr::memmem::Finder;

/// The fewest digits a run spells: an NHS number's ten, a UK phone
/// number's ten or eleven.
const MIN_DIGITS: usize = 10;

/// Whether `text` says a nought in words, as every UK phone number read
/// out does ("zero", "oh", "nought"; "07700 nine double zero 461" too): a
/// letter z, then "oh" or "ought" in the cases a text writes them, each a
/// vectorised scan (memchr). One automaton of the words, even
/// case-sensitive, took three times as long.
fn says_a_nought(text: &str) -> bool {
    static WORDS: LazyLock<[Finder<'static>; 5]> = LazyLock::new(|| {
        [
            Finder::new(b"oh "),
            Finder::new(b"oh,"),
            Finder::new(b"Oh "),
            Finder::new(b"Oh,"),
            Finder::new(b"ought"),
        ]
    });
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'z', b'Z', bytes).any(|at| {
        bytes
            .get(at + 1..at + 4)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"ero"))
    }) || WORDS.iter().any(|f| f.find(bytes).is_some())
}

/// The words for the digits, by digit; a nought has more than one.
const DIGITS: [(&str, u8); 14] = [
    ("zero", 0),
    ("nought", 0),
    ("nil", 0),
    ("oh", 0),
    ("o", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
];

/// The digit a word says, if it says one ("oh" and "o" only before another
/// digit).
fn digit_word(word: &str) -> Option<u8> {
    DIGITS
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        .map(|&(_, d)| d)
}

/// How many times "double" or "triple" says the next digit.
fn repeat_word(word: &str) -> Option<usize> {
    if word.eq_ignore_ascii_case("double") {
        Some(2)
    } else if word.eq_ignore_ascii_case("triple") {
        Some(3)
    } else {
        None
    }
}

/// The runs of `text` that read a number out in words, with the digits
/// each spells.
pub(super) fn find(text: &str) -> Vec<(Range<usize>, String)> {
    if !says_a_nought(text) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut run = Run::default();
    let mut at = 0;
    while at < text.len() {
        let rest = &text[at..];
        let len = rest
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len());
        if len == 0 {
            let c = rest.chars().next().map_or(1, char::len_utf8);
            // Spaces, commas and dashes stand between a number's groups.
            if !matches!(&rest[..c], " " | "," | "-" | "\u{2013}") {
                run.finish(&mut out);
            }
            at += c;
            continue;
        }
        let word = &rest[..len];
        let next = text[at + len..].trim_start_matches([' ', ',', '-']);
        if !run.read(word, at..at + len, next) {
            run.finish(&mut out);
        }
        at += len;
    }
    run.finish(&mut out);
    out
}

/// A run being read: its digits, where it starts and ends, whether a word
/// said a digit, and a "double" waiting for its digit.
#[derive(Default)]
struct Run {
    digits: String,
    range: Option<Range<usize>>,
    spelt: bool,
    repeat: usize,
}

impl Run {
    /// Reads one word of letters or digits; `next` is the text after it,
    /// past the marks between a number's groups. Whether the word belongs
    /// to the run.
    fn read(&mut self, word: &str, range: Range<usize>, next: &str) -> bool {
        if word.bytes().all(|b| b.is_ascii_digit()) {
            self.push(word, range);
            return true;
        }
        if let Some(times) = repeat_word(word) {
            if self.repeat == 0 {
                self.repeat = times;
                self.extend(range);
                return true;
            }
        } else if let Some(d) = digit_word(word) {
            // "oh" and "o" say a digit only where another follows or the
            // run is under way ("oh seven", "double oh").
            let nought = matches!(word.len(), 1 | 2) && d == 0;
            let next_word = next
                .split(|c: char| !c.is_ascii_alphanumeric())
                .next()
                .unwrap_or("");
            let digit_next = next_word.bytes().next().is_some_and(|b| b.is_ascii_digit())
                || digit_word(next_word).is_some()
                || repeat_word(next_word).is_some();
            if !nought || self.range.is_some() || digit_next {
                let times = self.repeat.max(1);
                self.repeat = 0;
                self.spelt = true;
                let digit = char::from(b'0' + d).to_string().repeat(times);
                self.push(&digit, range);
                return true;
            }
        }
        false
    }

    fn push(&mut self, digits: &str, range: Range<usize>) {
        if self.repeat > 0 {
            // "double 4": the digit said twice.
            let (first, rest) = digits.split_at(1);
            self.digits.push_str(&first.repeat(self.repeat));
            self.digits.push_str(rest);
            self.repeat = 0;
        } else {
            self.digits.push_str(digits);
        }
        self.extend(range);
    }

    fn extend(&mut self, range: Range<usize>) {
        self.range = Some(match self.range.take() {
            Some(r) => r.start..range.end,
            None => range,
        });
    }

    /// Ends the run, keeping it when it spells enough digits with a word.
    fn finish(&mut self, out: &mut Vec<(Range<usize>, String)>) {
        let run = std::mem::take(self);
        // A trailing "double" with no digit after it is no part of it.
        if let Some(range) = run.range
            && run.spelt
            && run.repeat == 0
            && run.digits.len() >= MIN_DIGITS
        {
            out.push((range, run.digits));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spelt(text: &str) -> Vec<(&str, String)> {
        find(text).into_iter().map(|(r, d)| (&text[r], d)).collect()
    }

    #[test]
    fn numbers_read_out_are_their_digits() {
        assert_eq!(
            spelt("Call me on oh seven seven double oh, nine double oh, four six one."),
            [(
                "oh seven seven double oh, nine double oh, four six one",
                "07700900461".to_string()
            )]
        );
        assert_eq!(
            spelt("Ring zero seven seven zero zero nine zero zero four six one today"),
            [(
                "zero seven seven zero zero nine zero zero four six one",
                "07700900461".to_string()
            )]
        );
        assert_eq!(
            spelt("on 07700 nine double zero 461"),
            [("07700 nine double zero 461", "07700900461".to_string())]
        );
        assert_eq!(
            spelt("NHS number nine four three, four seven six, five nine one zero."),
            [(
                "nine four three, four seven six, five nine one zero",
                "9434765910".to_string()
            )]
        );
        assert_eq!(
            spelt("Triple nine, zero, double one three, four five six."),
            [(
                "Triple nine, zero, double one three, four five six",
                "9990113456".to_string()
            )]
        );
    }

    #[test]
    fn a_text_is_read_only_where_it_says_a_nought() {
        for text in ["Zero seven", "ZERO", "oh seven", "Oh, seven", "a nought"] {
            assert!(says_a_nought(text), "{text}");
        }
        for text in ["John rang", "ozone", "seven seven", "Ohio"] {
            assert!(!says_a_nought(text), "{text}");
        }
    }

    #[test]
    fn words_that_are_not_a_number_read_out_stay() {
        for text in [
            "She had one or two visits, oh dear, and double the charges.",
            "In 2023 one nurse and zero doctors saw her 1234567 times.",
            "Oh, she said, nine of the ten calls were missed in 2023 and 2024.",
            "07700 900461",
            "oh seven seven double",
            "zero zero zero",
        ] {
            assert_eq!(spelt(text), [] as [(&str, String); 0], "{text}");
        }
    }
}
