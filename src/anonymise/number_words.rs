//! Numbers written in words, where a date of birth can hide in them: a day
//! of the month as an ordinal ("the second of March 1936", "the
//! twenty-first of May") and an age ("was eighty-six on 30 January 2023",
//! "aged a hundred and one"). The day's regex fragment matches what
//! [`ordinal_day`] reads (the callers search case-insensitively); ages are
//! read word by word after the words that say one follows ([`ages`]).

use std::ops::Range;
use std::sync::LazyLock;

use memchr::memmem;

/// The ordinal words of the days of the month, for a regex.
pub(super) const DAY_RE: &str = concat!(
    r"(?:(?:twenty|thirty)[\s-]?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)",
    r"|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth",
    r"|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth",
    r"|twentieth|thirtieth)",
);

const UNITS: [&str; 19] = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
const ORDINALS: [&str; 19] = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];

/// The words of `s`, lower case, split at spaces and hyphens.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect()
}

fn unit(w: &str) -> Option<u32> {
    UNITS.iter().position(|u| *u == w).map(|i| i as u32 + 1)
}

fn tens(w: &str) -> Option<u32> {
    TENS.iter()
        .position(|t| *t == w)
        .map(|i| i as u32 * 10 + 20)
}

/// A number below a hundred in words: "six", "eighty", "eighty-six".
fn below_hundred(words: &[String]) -> Option<u32> {
    match words {
        [w] => unit(w).or_else(|| tens(w)),
        [t, u] => Some(tens(t)? + unit(u).filter(|&u| u < 10)?),
        _ => None,
    }
}

/// A cardinal number in words, one to a hundred and ninety-nine: "six",
/// "eighty-six", "a hundred and one".
pub(super) fn cardinal(s: &str) -> Option<u32> {
    let words = words(s);
    match words.iter().position(|w| w == "hundred") {
        Some(1) if matches!(words[0].as_str(), "a" | "one") => match &words[2..] {
            [] => Some(100),
            [and, rest @ ..] if and == "and" => Some(100 + below_hundred(rest)?),
            _ => None,
        },
        Some(_) => None,
        None => below_hundred(&words),
    }
}

/// Where the word every spelling of age `n` holds ("eighty" for 86, "six"
/// for 6, "hundred" for 101) stands in [`UNITS`], then [`TENS`], then
/// "hundred".
fn key_word(n: u32) -> Option<usize> {
    match n {
        1..=19 => Some(n as usize - 1),
        20..=99 => Some(n as usize / 10 + 17),
        100..=199 => Some(27),
        _ => None,
    }
}

/// Whether `text` holds the key word of age `n` ([`key_word`]), lower case
/// or capitalised (a text without it cannot write the age in words): the
/// searchers are built once, for every key word.
pub(super) fn may_spell(text: &str, n: u32) -> bool {
    static FINDERS: LazyLock<Vec<[memmem::Finder<'static>; 2]>> = LazyLock::new(|| {
        UNITS
            .iter()
            .chain(&TENS)
            .chain(&["hundred"])
            .map(|w| {
                let capital = format!("{}{}", w[..1].to_ascii_uppercase(), &w[1..]);
                [
                    memmem::Finder::new(w.as_bytes()).into_owned(),
                    memmem::Finder::new(capital.as_bytes()).into_owned(),
                ]
            })
            .collect()
    });
    key_word(n).is_some_and(|i| {
        let [lower, capital] = &FINDERS[i];
        lower.find(text.as_bytes()).is_some() || capital.find(text.as_bytes()).is_some()
    })
}

/// The words that say an age follows: "aged eighty-six", "was six".
const AGE_CUES: [&str; 8] = [
    "aged", "age", "was", "is", "turned", "turning", "then", "be",
];

/// Ages written in words after a word that says one follows ("was
/// eighty-six", "aged a hundred and one", "is six"): each age's bytes in
/// `text` and its value. Read in one pass over the bytes: only a short word
/// that starts like a cue is compared with the cues.
pub(super) fn ages(text: &str) -> Vec<(Range<usize>, u32)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_alphabetic() {
            i += 1;
        }
        let cue = (2..=7).contains(&(i - start))
            && matches!(b[start] | 0x20, b'a' | b'b' | b'i' | b't' | b'w')
            && AGE_CUES
                .iter()
                .any(|c| text[start..i].eq_ignore_ascii_case(c));
        if cue {
            out.extend(age_after(text, i));
        }
    }
    out
}

/// The age in words right after a cue that ends at `at`: the longest run
/// of up to five words, joined by a space or a hyphen, that reads as a
/// number.
fn age_after(text: &str, at: usize) -> Option<(Range<usize>, u32)> {
    let b = text.as_bytes();
    let first = at
        + b[at..]
            .iter()
            .take_while(|c| c.is_ascii_whitespace())
            .count();
    // Every number word starts with one of these (and "a hundred").
    let starts = b
        .get(first)
        .is_some_and(|c| matches!(c | 0x20, b'a' | b'e' | b'f' | b'n' | b'o' | b's' | b't'));
    if first == at || !starts {
        return None;
    }
    let mut ends = Vec::with_capacity(5);
    let mut i = first;
    while ends.len() < 5 {
        let word = b[i..]
            .iter()
            .take_while(|c| c.is_ascii_alphabetic())
            .count();
        if word == 0 {
            break;
        }
        i += word;
        ends.push(i);
        match (b.get(i), b.get(i + 1)) {
            (Some(b' ' | b'-'), Some(c)) if c.is_ascii_alphabetic() => i += 1,
            _ => break,
        }
    }
    ends.iter()
        .rev()
        .find_map(|&end| cardinal(&text[first..end]).map(|n| (first..end, n)))
}

/// A day of the month written as an ordinal: "second", "twenty-first".
pub(super) fn ordinal_day(s: &str) -> Option<u32> {
    let words = words(s);
    let ordinal = |w: &str| ORDINALS.iter().position(|o| *o == w).map(|i| i as u32 + 1);
    let day = match words.as_slice() {
        [w] if w == "twentieth" => Some(20),
        [w] if w == "thirtieth" => Some(30),
        [w] => ordinal(w),
        [t, o] => Some(tens(t)? + ordinal(o).filter(|&d| d < 10)?),
        _ => None,
    }?;
    (1..=31).contains(&day).then_some(day)
}

/// A day of the month in words for a regex: an ordinal ([`DAY_RE`]) or a
/// cardinal ("nine November", "November twenty-one").
pub(super) const ANY_DAY_RE: &str = concat!(
    r"(?:(?:twenty|thirty)[\s-]?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)",
    r"|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth",
    r"|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth",
    r"|twentieth|thirtieth",
    r"|twenty[\s-]?(?:one|two|three|four|five|six|seven|eight|nine)|thirty[\s-]?one",
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen",
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty)",
);

/// A year from 1800 in words for a regex: "nineteen sixty-eight",
/// "nineteen oh five", "nineteen hundred and two", "two thousand and
/// five", "twenty twelve". [`year`] reads what it matches.
pub(super) const YEAR_RE: &str = concat!(
    r"(?:(?:eighteen|nineteen|twenty)[\s-]+(?:hundred(?:[\s-]+and[\s-]+",
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine)\b)?",
    r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen",
    r"|one|two|three|four|five|six|seven|eight|nine))?",
    r"|oh?[\s-]+(?:one|two|three|four|five|six|seven|eight|nine)",
    r"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine)\b)?",
    r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)",
    r"|two[\s-]+thousand(?:[\s-]+and)?(?:[\s-]+",
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine)\b)?",
    r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen",
    r"|one|two|three|four|five|six|seven|eight|nine))?)",
);

/// A year in words, as [`YEAR_RE`] matches it: "nineteen sixty-eight"
/// (1968), "nineteen oh five" (1905), "nineteen hundred" (1900), "two
/// thousand and five" (2005), "twenty twelve" (2012).
pub(super) fn year(s: &str) -> Option<i32> {
    let words = words(s);
    let century = |w: &str| match w {
        "eighteen" => Some(1800),
        "nineteen" => Some(1900),
        "twenty" => Some(2000),
        _ => None,
    };
    let n = match words.as_slice() {
        [two, thousand, rest @ ..] if two == "two" && thousand == "thousand" => {
            let rest = match rest {
                [and, rest @ ..] if and == "and" => rest,
                rest => rest,
            };
            2000 + if rest.is_empty() {
                0
            } else {
                below_hundred(rest)?
            }
        }
        [c, hundred, rest @ ..] if hundred == "hundred" => {
            century(c)?
                + match rest {
                    [] => 0,
                    [and, rest @ ..] if and == "and" => below_hundred(rest)?,
                    _ => return None,
                }
        }
        [c, oh, u] if matches!(oh.as_str(), "oh" | "o") => {
            century(c)? + unit(u).filter(|&u| u < 10)?
        }
        [c, rest @ ..] => century(c)? + below_hundred(rest).filter(|&n| n >= 10)?,
        [] => return None,
    };
    Some(n as i32)
}

/// Where each day's ordinal right before " of " starts ("12th of", "the
/// ninth of", the "first" of "twenty-first of").
pub(super) fn ordinals_before_of(b: &[u8]) -> impl Iterator<Item = usize> + '_ {
    memchr::memmem::find_iter(b, b" of ").filter_map(move |i| {
        let start = b[..i]
            .iter()
            .rposition(|c| !c.is_ascii_alphanumeric())
            .map_or(0, |p| p + 1);
        // Every ordinal ends as "th", "st", "nd" or "rd" does: most words
        // before "of" are not read further.
        let word = &b[start..i];
        let ending = word.len() >= 3
            && [b"th", b"st", b"nd", b"rd"]
                .iter()
                .any(|e| word[word.len() - 2..].eq_ignore_ascii_case(&e[..]));
        (ending && std::str::from_utf8(word).is_ok_and(is_ordinal)).then_some(start)
    })
}

/// A day's ordinal: "12th", "2nd", "second", "first" ("twenty-first" is
/// read by its last word).
fn is_ordinal(w: &str) -> bool {
    let digits = w.len() - w.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let suffix = &w[digits..];
    ((1..=2).contains(&digits)
        && ["st", "nd", "rd", "th"]
            .iter()
            .any(|s| s.eq_ignore_ascii_case(suffix)))
        || (digits == 0 && ordinal_day(w).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    #[test]
    fn years_in_words() {
        for (written, n) in [
            ("nineteen sixty-eight", 1968),
            ("Nineteen Sixty Eight", 1968),
            ("nineteen oh five", 1905),
            ("eighteen ninety", 1890),
            ("nineteen hundred", 1900),
            ("nineteen hundred and two", 1902),
            ("two thousand", 2000),
            ("two thousand and five", 2005),
            ("two thousand twelve", 2012),
            ("twenty twelve", 2012),
            ("twenty-twenty", 2020),
        ] {
            assert_eq!(year(written), Some(n), "{written}");
            let re = Regex::new(&format!("(?i)^{YEAR_RE}$")).unwrap();
            assert!(re.is_match(written), "{written}");
        }
        for written in ["sixty-eight", "nineteen", "nineteen five", "twenty", "two"] {
            assert_eq!(year(written), None, "{written}");
        }
    }

    #[test]
    fn ages_in_words() {
        for (written, n) in [
            ("six", 6),
            ("nineteen", 19),
            ("eighty", 80),
            ("eighty-six", 86),
            ("Eighty six", 86),
            ("a hundred", 100),
            ("one hundred and one", 101),
            ("a hundred and twelve", 112),
        ] {
            assert_eq!(cardinal(written), Some(n), "{written}");
        }
        for written in ["eighty-ten", "hundred", "six-two", "many"] {
            assert_eq!(cardinal(written), None, "{written}");
        }
    }

    #[test]
    fn every_age_in_words_holds_its_key_word() {
        for (written, n) in [
            ("eighty-six", 86),
            ("Eighty-six", 86),
            ("six", 6),
            ("a hundred and one", 101),
        ] {
            assert!(may_spell(written, n), "{written}");
        }
        assert!(!may_spell("seventy-six", 86));
    }

    #[test]
    fn ages_after_their_cues() {
        let text = "She was eighty-six on 3 May, aged a hundred and one later; Tom is six. He was a nurse.";
        let found: Vec<(&str, u32)> = ages(text).into_iter().map(|(r, n)| (&text[r], n)).collect();
        assert_eq!(
            found,
            [("eighty-six", 86), ("a hundred and one", 101), ("six", 6)]
        );
    }

    #[test]
    fn days_in_words() {
        for (written, n) in [
            ("first", 1),
            ("second", 2),
            ("twelfth", 12),
            ("twentieth", 20),
            ("twenty-first", 21),
            ("thirty first", 31),
        ] {
            assert_eq!(ordinal_day(written), Some(n), "{written}");
            let re = Regex::new(&format!(r"(?i)^{DAY_RE}$")).unwrap();
            assert!(re.is_match(written), "{written}");
        }
        assert_eq!(ordinal_day("thirty-second"), None);
        assert_eq!(ordinal_day("twenty-twelfth"), None);
    }
}
