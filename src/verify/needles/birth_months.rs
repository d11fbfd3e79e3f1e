//! Months and years of birth (or years alone) as a text writes them right
//! after a word that says a date of birth follows: "born in March 1936",
//! "DOB 03/36", "born Nov-68", "born in XI 1968", "born in '68", "born in
//! nineteen thirty-six", "born in the autumn of 1936", "DOB 1936-03".

use super::dates::Year;
use super::lexicon::month;
use super::normal::Text;
use super::said_dates::{roman_month, year_in_words};
use crate::case::Date;

/// A month and year (or a year) written where a text gives a date of birth.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Partial {
    /// Its first token.
    pub first: usize,
    /// Its last token.
    pub last: usize,
    /// The month, if written.
    month: Option<u8>,
    /// The year.
    year: Year,
}

impl Partial {
    /// Whether it is the month (or year) of `date`.
    pub fn is_month_of(&self, date: Date) -> bool {
        let year = match self.year {
            Year::Full(y) => y == date.year(),
            Year::Short(y) => y == date.year().rem_euclid(100),
        };
        year && self.month.is_none_or(|m| m == date.month())
    }
}

/// Months and years (or years alone) right after a word that says a date
/// of birth follows ("born", "birth", "dob"), with at most five small words
/// or words for a time of the year between ("born in March 1936", "date of
/// birth: 03/1936", "born 1936", "born in the autumn of 1936").
pub(super) fn birth_months(text: &Text<'_>) -> Vec<Partial> {
    let mut out = Vec::new();
    let n = text.tokens.len();
    for k in 0..n {
        if !matches!(text.token(k), "born" | "birth" | "dob") {
            continue;
        }
        // Small words, or a time of the year: "born in the autumn of 1936".
        let mut m = k + 1;
        while m < n
            && m <= k + 5
            && matches!(
                text.token(m),
                "in" | "on"
                    | "of"
                    | "is"
                    | "was"
                    | "the"
                    | "early"
                    | "late"
                    | "spring"
                    | "summer"
                    | "autumn"
                    | "winter"
                    | "end"
                    | "start"
            )
        {
            m += 1;
        }
        if m >= n {
            continue;
        }
        // "March of 1936", "March in 1936": the small word before the year.
        let between = usize::from(m + 2 < n && matches!(text.token(m + 1), "of" | "in"));
        let four = |i: usize| {
            let t = text.token(i);
            (t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()))
                .then(|| t.parse::<i32>().ok())
                .flatten()
        };
        // "March 1936", "Mar 1936", "Nov. '68", "Nov-68", "XI 1968",
        // "November nineteen sixty-eight"
        if let Some(month) = month(text.token(m)).or_else(|| roman_month(text.token(m)))
            && m + 1 + between < n
            && let Some((year, last)) = year_of_birth(text, m + 1 + between)
        {
            out.push(Partial {
                first: m,
                last,
                month: Some(month),
                year,
            });
            continue;
        }
        // "03/1936", "11/68", "68/11"
        let t = text.token(m);
        if t.len() <= 2
            && t.bytes().all(|b| b.is_ascii_digit())
            && m + 1 < n
            && matches!(text.sep(m + 1).trim(), "/" | "." | "-")
            && !number_goes_on(text, m + 1)
        {
            let y = text.token(m + 1);
            let as_month = |s: &str| s.parse::<u8>().ok().filter(|x| (1..=12).contains(x));
            let reading = match (four(m + 1), y.len(), y.bytes().all(|b| b.is_ascii_digit())) {
                (Some(year), _, _) => as_month(t).map(|m| (m, Year::Full(year))),
                (None, 2, true) => as_month(t)
                    .map(|m| (m, Year::Short(y.parse().unwrap_or_default())))
                    .or_else(|| {
                        as_month(y).map(|m| (m, Year::Short(t.parse().unwrap_or_default())))
                    }),
                _ => None,
            };
            if let Some((month, year)) = reading {
                out.push(Partial {
                    first: m,
                    last: m + 1,
                    month: Some(month),
                    year,
                });
            }
            continue;
        }
        // "born 1936", "born in 1936", "born in '68", "born in 68", "born
        // in nineteen sixty-eight"; "1968-11", a month after its year.
        if let Some((year, last)) = year_of_birth(text, m)
            && !matches!(year, Year::Full(y) if !(1850..=2100).contains(&y))
        {
            let month_after = (matches!(year, Year::Full(_))
                && last + 1 < n
                && matches!(text.sep(last + 1).as_str(), "-" | "/" | ".")
                && !number_goes_on(text, last + 1))
            .then(|| text.token(last + 1).parse::<u8>().ok())
            .flatten()
            .filter(|x| (1..=12).contains(x));
            out.push(Partial {
                first: m,
                last: last + usize::from(month_after.is_some()),
                month: month_after,
                year,
            });
        }
    }
    out
}

/// Whether the number at token `k` goes on as a longer one: another group
/// of figures after a separator of a date's or a number's ("9/11/1968",
/// "11 1968", "11, 1968").
fn number_goes_on(text: &Text<'_>, k: usize) -> bool {
    let next = k + 1;
    next < text.tokens.len()
        && text.token(next).bytes().all(|b| b.is_ascii_digit())
        && text
            .sep(next)
            .chars()
            .all(|c| c.is_whitespace() || matches!(c, '/' | '.' | '-' | ',' | '\''))
        && text.sep(next).chars().count() <= 3
}

/// A year of birth at token `k`, with its last token: four digits, two
/// after an apostrophe ("'68") or ending the number, or in words
/// ("nineteen sixty-eight").
fn year_of_birth(text: &Text<'_>, k: usize) -> Option<(Year, usize)> {
    let t = text.token(k);
    let digits = t.bytes().all(|b| b.is_ascii_digit());
    let mut sep = text.sep_before(k).filter(|c| !c.is_whitespace());
    let sep = (sep.next(), sep.next(), sep.next());
    let plain = matches!(sep, (None | Some(',' | '.' | '-' | '/'), None, None));
    let apostrophe = matches!(
        sep,
        (Some('\'' | '\u{2019}'), None, None) | (Some(',' | '.'), Some('\'' | '\u{2019}'), None)
    );
    // Two figures alone ("born in 68", "Nov 68"): a year where no month,
    // unit of time or further figures follow ("born on 12 March", "Nov 12,
    // 1968", "born in 36 days").
    let word_after =
        (k + 1 < text.tokens.len() && text.spaced_before(k + 1)).then(|| text.token(k + 1));
    let bare_short = plain
        && !number_goes_on(text, k)
        && !word_after.is_some_and(|w| {
            month(w).is_some()
                || matches!(
                    w,
                    "days" | "weeks" | "months" | "years" | "hours" | "minutes"
                )
        });
    match t.len() {
        4 if digits && plain => Some((Year::Full(t.parse().ok()?), k)),
        2 if digits && (apostrophe || bare_short) => Some((Year::Short(t.parse().ok()?), k)),
        _ if plain && !digits => year_in_words(text, k).map(|(y, last)| (Year::Full(y), last)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_month_and_year_of_birth_is_read_after_born() {
        let born = Date::from_ymd(1936, 3, 2).unwrap();
        let of = |s: &str| {
            birth_months(&Text::new(s))
                .iter()
                .any(|p| p.is_month_of(born))
        };
        for s in [
            "who was born in March 1936,",
            "DOB 03/1936",
            "date of birth: Mar 1936",
            "born 1936",
            "born in March of 1936",
            "born in March in 1936",
            "born in the autumn of 1936",
            "born early in 1936",
            "born in Mar. '36",
            "born in '36",
            "born in March nineteen thirty-six",
            "born in nineteen thirty-six",
            "DOB 03/36",
            "DOB 36/03",
            "born Mar-36",
            "born Mar 36",
            "born in III 1936",
            "born in 36.",
            "born in 36 and raised",
            "DOB 1936-03",
        ] {
            assert!(of(s), "{s}");
        }
        for s in [
            "in March 1936",
            "born in April 1936",
            "born 1937",
            "March 1936 was cold",
            "born in 36 days",
            "born in nineteen thirty-seven",
            "born on 03/36/1936",
            "born 36 March",
            "born Mar 36, 1937",
            "DOB 04/36",
            "born in IV 1936",
        ] {
            assert!(!of(s), "{s}");
        }
    }
}
