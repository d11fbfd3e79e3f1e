//! The parts of a date written other than in figures or a month's name, as
//! the verifier reads them from a text's tokens: a day as a cardinal in
//! words ("nine November"), a year in words ("nineteen sixty-eight", "two
//! thousand and five"), a month in Roman numerals ("9.XI.1968"), and a
//! date run together in one token ("09nov1968"). The verifier's own
//! reading, sharing nothing with the anonymiser's.

use super::lexicon::month;
use super::normal::Text;

/// The numbers one to nineteen, in order.
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

/// The tens from twenty to ninety, in order.
const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// The months in Roman numerals, in order.
const ROMAN: [&str; 12] = [
    "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii",
];

fn unit(t: &str) -> Option<i32> {
    // Most tokens asked about are no number: their length rules them out.
    if !(3..=9).contains(&t.len()) {
        return None;
    }
    UNITS.iter().position(|u| *u == t).map(|i| i as i32 + 1)
}

fn tens(t: &str) -> Option<i32> {
    TENS.iter()
        .position(|u| *u == t)
        .map(|i| i as i32 * 10 + 20)
}

/// Whether token `k` follows the one before it as the next word of a
/// number said in words: after a space or a hyphen.
fn joined(text: &Text<'_>, k: usize) -> bool {
    if k >= text.tokens.len() {
        return false;
    }
    let mut sep = text.sep_before(k);
    matches!((sep.next(), sep.next()), (Some(' ' | '-'), None))
}

/// A number from one to ninety-nine in words at token `k`, with its last
/// token: "nine", "sixty", "sixty-eight".
fn below_hundred(text: &Text<'_>, k: usize) -> Option<(i32, usize)> {
    let t = text.token(k);
    if let Some(n) = unit(t) {
        return Some((n, k));
    }
    let tens = tens(t)?;
    let u = k + 1;
    match (joined(text, u), text.tokens.get(u).map(|_| text.token(u))) {
        (true, Some(next)) if unit(next).is_some_and(|n| n < 10) => Some((tens + unit(next)?, u)),
        _ => Some((tens, k)),
    }
}

/// A day of the month as a cardinal in words at token `k` ("nine",
/// "twenty-one"), with its last token.
pub(super) fn cardinal_day(text: &Text<'_>, k: usize) -> Option<(u8, usize)> {
    let (n, last) = below_hundred(text, k)?;
    (1..=31).contains(&n).then_some((n as u8, last))
}

/// A year in words at token `k`, with its last token: "nineteen
/// sixty-eight", "nineteen oh five", "nineteen hundred and two", "two
/// thousand and five", "twenty twelve".
pub(super) fn year_in_words(text: &Text<'_>, k: usize) -> Option<(i32, usize)> {
    let n = text.tokens.len();
    let next = |i: usize| (joined(text, i)).then(|| text.token(i));
    match text.token(k) {
        "two" if next(k + 1) == Some("thousand") => {
            let mut at = k + 2;
            if next(at) == Some("and") {
                at += 1;
            }
            match (at < n && joined(text, at))
                .then(|| below_hundred(text, at))
                .flatten()
            {
                Some((y, last)) => Some((2000 + y, last)),
                None => Some((2000, k + 1)),
            }
        }
        c @ ("eighteen" | "nineteen" | "twenty") => {
            let century = match c {
                "eighteen" => 1800,
                "nineteen" => 1900,
                _ => 2000,
            };
            let at = k + 1;
            match next(at)? {
                "hundred" => {
                    if next(at + 1) == Some("and")
                        && let Some((y, last)) = (at + 2 < n && joined(text, at + 2))
                            .then(|| below_hundred(text, at + 2))
                            .flatten()
                    {
                        return Some((century + y, last));
                    }
                    Some((century, at))
                }
                "oh" | "o" => {
                    let u = next(at + 1).and_then(unit).filter(|&u| u < 10)?;
                    Some((century + u, at + 1))
                }
                _ => {
                    let (y, last) = below_hundred(text, at)?;
                    (y >= 10).then_some((century + y, last))
                }
            }
        }
        _ => None,
    }
}

/// A month in Roman numerals ("xi"), between a day and a year only.
pub(super) fn roman_month(token: &str) -> Option<u8> {
    ROMAN.iter().position(|r| *r == token).map(|i| i as u8 + 1)
}

/// A date run together in token `k`: "09nov1968", "9nov68": the day, the
/// month and the year as written.
pub(super) fn run_together<'t>(text: &'t Text<'_>, k: usize) -> Option<(u8, u8, &'t str)> {
    let t = text.token(k);
    let day_len = t.bytes().take_while(u8::is_ascii_digit).count();
    let month_len = t[day_len..]
        .bytes()
        .take_while(u8::is_ascii_alphabetic)
        .count();
    let year = &t[day_len + month_len..];
    let shaped = (1..=2).contains(&day_len)
        && matches!(year.len(), 2 | 4)
        && year.bytes().all(|b| b.is_ascii_digit());
    if !shaped {
        return None;
    }
    let day: u8 = t[..day_len].parse().ok()?;
    let month = month(&t[day_len..day_len + month_len])?;
    (1..=31).contains(&day).then_some((day, month, year))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn year_of(s: &str) -> Option<i32> {
        year_in_words(&Text::new(s), 0).map(|(y, _)| y)
    }

    #[test]
    fn years_in_words() {
        for (s, y) in [
            ("nineteen sixty-eight", 1968),
            ("Nineteen Sixty Eight", 1968),
            ("nineteen oh five", 1905),
            ("eighteen ninety", 1890),
            ("nineteen hundred", 1900),
            ("nineteen hundred and two", 1902),
            ("two thousand", 2000),
            ("two thousand and five", 2005),
            ("twenty twelve", 2012),
            ("twenty-twenty-one", 2021),
        ] {
            assert_eq!(year_of(s), Some(y), "{s}");
        }
        for s in ["nineteen", "nineteen five", "twenty two", "sixty eight"] {
            assert_eq!(year_of(s), None, "{s}");
        }
    }

    #[test]
    fn days_in_words_roman_months_and_dates_run_together() {
        let text = Text::new("nine twenty-one thirty-two");
        assert_eq!(cardinal_day(&text, 0), Some((9, 0)));
        assert_eq!(cardinal_day(&text, 1), Some((21, 2)));
        assert_eq!(cardinal_day(&text, 3), None);
        assert_eq!(roman_month("xi"), Some(11));
        assert_eq!(roman_month("xiii"), None);
        let text = Text::new("09NOV1968 9nov68 09nov19681 nov1968 123nov68");
        assert_eq!(run_together(&text, 0), Some((9, 11, "1968")));
        assert_eq!(run_together(&text, 1), Some((9, 11, "68")));
        for k in 2..5 {
            assert_eq!(run_together(&text, k), None, "{k}");
        }
    }
}
