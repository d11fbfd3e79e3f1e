//! Calendar dates, sums of money and deadlines as they appear in case files.

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use time::Month;

/// A calendar date, written `YYYY-MM-DD` in case files (TOML dates too).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(time::Date);

impl Date {
    /// The first date of the calendar redress can count in.
    pub const FIRST: Self = Self(time::Date::MIN);

    /// The last date of the calendar redress can count in.
    pub const LAST: Self = Self(time::Date::MAX);

    /// The first date a case file may hold: nobody born before it is alive
    /// (validation warns from 120 years), and no deadline runs from it.
    pub const CASE_FIRST: Self = Self(time::macros::date!(1900 - 01 - 01));

    /// The last date a case file may hold. Deadlines, response periods and
    /// bank holidays are counted from a case's dates, decades ahead at most;
    /// a date beyond this is a typo, and would take that arithmetic past
    /// the end of the calendar.
    pub const CASE_LAST: Self = Self(time::macros::date!(2199 - 12 - 31));

    /// Whether a case file may hold this date.
    pub fn in_case_range(self) -> bool {
        (Self::CASE_FIRST..=Self::CASE_LAST).contains(&self)
    }

    /// A date from its parts, if it exists.
    pub fn from_ymd(year: i32, month: u8, day: u8) -> Option<Self> {
        let month = Month::try_from(month).ok()?;
        time::Date::from_calendar_date(year, month, day)
            .ok()
            .map(Self)
    }

    /// Parses `YYYY-MM-DD`, explaining what is wrong otherwise.
    pub fn parse_iso(s: &str) -> Result<Self, String> {
        let parts: Vec<&str> = s.trim().split('-').collect();
        let [y, m, d] = parts.as_slice() else {
            return Err(NOT_A_DATE.to_string());
        };
        let shape_ok = y.len() == 4 && m.len() == 2 && d.len() == 2;
        let (Ok(year), Ok(month), Ok(day), true) =
            (y.parse::<i32>(), m.parse::<u8>(), d.parse::<u8>(), shape_ok)
        else {
            return Err(NOT_A_DATE.to_string());
        };
        if !(1..=12).contains(&month) {
            return Err(format!("there is no month {month}"));
        }
        Self::from_ymd(year, month, day).ok_or_else(|| match Month::try_from(month) {
            Ok(name) => {
                let days = time::util::days_in_month(name, year);
                format!("this date does not exist: {name} {year} has {days} days")
            }
            Err(_) => format!("there is no month {month}"),
        })
    }

    /// Parses a date written in a case file: [`Date::parse_iso`], and within
    /// [`Date::CASE_FIRST`]..=[`Date::CASE_LAST`].
    pub fn parse_case(s: &str) -> Result<Self, String> {
        let date = Self::parse_iso(s)?;
        if date.in_case_range() {
            Ok(date)
        } else {
            // The value is left out: a date of birth is personal data.
            Err(format!(
                "{OUT_OF_RANGE} ({} to {}): deadlines and bank holidays are counted from a case's dates, and a date so far out is almost certainly a typo",
                Self::CASE_FIRST,
                Self::CASE_LAST
            ))
        }
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.0.year()
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u8 {
        self.0.month() as u8
    }

    /// The day of the month.
    pub fn day(self) -> u8 {
        self.0.day()
    }

    /// The month's English name.
    pub fn month_name(self) -> &'static str {
        MONTHS[usize::from(self.month()) - 1]
    }

    /// "14 February 2023", the form used in body text.
    pub fn long(self) -> String {
        format!("{} {} {}", self.day(), self.month_name(), self.year())
    }

    /// "14 Feb 2023", the form used in website metadata.
    pub fn short(self) -> String {
        format!(
            "{:02} {} {}",
            self.day(),
            &self.month_name()[..3],
            self.year()
        )
    }

    /// "February 2023".
    pub fn month_year(self) -> String {
        format!("{} {}", self.month_name(), self.year())
    }

    /// The date `n` days later, or `None` past the ends of the calendar
    /// (years -9999 and 9999).
    pub fn checked_plus_days(self, n: i64) -> Option<Self> {
        let day = i64::from(self.0.to_julian_day()).checked_add(n)?;
        time::Date::from_julian_day(i32::try_from(day).ok()?)
            .ok()
            .map(Self)
    }

    /// The same day `n` months later, clamped to the end of shorter months,
    /// or `None` past the ends of the calendar.
    pub fn checked_plus_months(self, n: u32) -> Option<Self> {
        let total = i64::from(self.year()) * 12 + i64::from(self.month()) - 1 + i64::from(n);
        let year = i32::try_from(total.div_euclid(12)).ok()?;
        let month = u8::try_from(total.rem_euclid(12) + 1).ok()?;
        let day = self.day().min(time::util::days_in_month(
            Month::try_from(month).ok()?,
            year,
        ));
        Self::from_ymd(year, month, day)
    }

    /// The date `n` days later. Saturates at the ends of the calendar
    /// instead of failing: a case file's dates are checked to lie in
    /// [`Date::CASE_FIRST`]..=[`Date::CASE_LAST`], so no deadline counted
    /// from them comes near either end; [`Date::checked_plus_days`] says
    /// when it would.
    pub fn plus_days(self, n: i64) -> Self {
        self.checked_plus_days(n)
            .unwrap_or(if n < 0 { Self::FIRST } else { Self::LAST })
    }

    /// The same day `n` months later, clamped to the end of shorter months;
    /// saturates like [`Date::plus_days`].
    pub fn plus_months(self, n: u32) -> Self {
        self.checked_plus_months(n).unwrap_or(Self::LAST)
    }

    /// Monday = 0 … Sunday = 6.
    pub fn weekday_index(self) -> u8 {
        self.0.weekday().number_days_from_monday()
    }

    /// Whole years from `self` to `later` (an age).
    pub fn years_until(self, later: Date) -> i32 {
        let mut years = later.year() - self.year();
        if (later.month(), later.day()) < (self.month(), self.day()) {
            years -= 1;
        }
        years
    }
}

const NOT_A_DATE: &str = "not a date in the form YYYY-MM-DD";

/// The words of the message for a date outside the range a case file may
/// hold (the loader gives it its own diagnostic code).
pub(crate) const OUT_OF_RANGE: &str = "outside the dates a case file may hold";

/// English month names, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.year(),
            self.month(),
            self.day()
        )
    }
}

impl fmt::Debug for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct DateVisitor;
        impl Visitor<'_> for DateVisitor {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date in the form YYYY-MM-DD")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Date, E> {
                Date::parse_case(v).map_err(E::custom)
            }
        }
        d.deserialize_str(DateVisitor)
    }
}

/// A sum of money in pence; written as a number of pounds (`1140` or `2318.40`).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Money(pub i64);

impl Money {
    /// Pounds and pence, e.g. 2318.40 → 231840 pence.
    pub fn from_pounds(pounds: f64) -> Result<Self, String> {
        if !pounds.is_finite() || pounds < 0.0 {
            return Err("not a sum of money: use a positive number of pounds".into());
        }
        let pence = (pounds * 100.0).round();
        if (pence - pounds * 100.0).abs() > 1e-6 {
            return Err("a sum of money has at most two decimal places".into());
        }
        if pence > 1e12 {
            return Err("this sum is too large to be a remedy".into());
        }
        Ok(Self(pence as i64))
    }

    /// Pence.
    pub fn pence(self) -> i64 {
        self.0
    }
}

impl fmt::Display for Money {
    /// "£1,140" or "£2,318.40": thousands separators, pence only when needed.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pounds = self.0 / 100;
        let pence = self.0 % 100;
        let digits = pounds.to_string();
        let mut grouped = String::new();
        for (i, ch) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(ch);
        }
        if pence == 0 {
            write!(f, "£{grouped}")
        } else {
            write!(f, "£{grouped}.{pence:02}")
        }
    }
}

impl fmt::Debug for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.0 % 100 == 0 {
            s.serialize_i64(self.0 / 100)
        } else {
            s.serialize_f64(self.0 as f64 / 100.0)
        }
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct MoneyVisitor;
        impl Visitor<'_> for MoneyVisitor {
            type Value = Money;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number of pounds, e.g. 650 or 2318.40")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Money, E> {
                Money::from_pounds(v as f64).map_err(E::custom)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Money, E> {
                Money::from_pounds(v as f64).map_err(E::custom)
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Money, E> {
                Money::from_pounds(v).map_err(E::custom)
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<Money, E> {
                Err(E::custom(
                    "the amount is text: write it as a number of pounds, without `£` or commas",
                ))
            }
        }
        d.deserialize_any(MoneyVisitor)
    }
}

/// How long a body has to act, counted from the final decision.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Deadline {
    /// Calendar weeks.
    Weeks(u32),
    /// Calendar months.
    Months(u32),
    /// Working days (England and Wales: weekends and bank holidays excluded).
    WorkingDays(u32),
}

impl Deadline {
    /// Parses "1 month", "three months", "4 weeks", "20 working days".
    pub fn parse(s: &str) -> Result<Self, String> {
        let words: Vec<String> = s.split_whitespace().map(str::to_lowercase).collect();
        let bad = || {
            "not a deadline: write e.g. \"1 month\", \"3 months\", \"4 weeks\" or \"20 working days\"".to_string()
        };
        let (n, unit) = match words.as_slice() {
            [n, unit] => (n, unit.as_str()),
            [n, w, d] if w == "working" => (n, if d.starts_with("day") { "wd" } else { "?" }),
            _ => return Err(bad()),
        };
        let n = n
            .parse::<u32>()
            .ok()
            .or_else(|| number_word(n))
            .ok_or_else(bad)?;
        if n == 0 || n > 24 * 31 {
            return Err(bad());
        }
        match unit {
            "week" | "weeks" => Ok(Self::Weeks(n)),
            "month" | "months" => Ok(Self::Months(n)),
            "wd" => Ok(Self::WorkingDays(n)),
            _ => Err(bad()),
        }
    }

    /// "one month", "three months", "four weeks", "20 working days".
    pub fn phrase(self) -> String {
        let (n, unit) = match self {
            Self::Weeks(n) => (n, "week"),
            Self::Months(n) => (n, "month"),
            Self::WorkingDays(n) => return format!("{n} working days"),
        };
        let count = number_name(n).map_or_else(|| n.to_string(), str::to_string);
        if n == 1 {
            format!("{count} {unit}")
        } else {
            format!("{count} {unit}s")
        }
    }

    /// The date the deadline falls on, counted from `from`; saturates at
    /// the end of the calendar like [`Date::plus_days`].
    pub fn due(self, from: Date, holidays: &dyn Fn(Date) -> bool) -> Date {
        self.checked_due(from, holidays).unwrap_or(Date::LAST)
    }

    /// The date the deadline falls on, or `None` past the end of the
    /// calendar.
    pub fn checked_due(self, from: Date, holidays: &dyn Fn(Date) -> bool) -> Option<Date> {
        match self {
            Self::Weeks(n) => from.checked_plus_days(7 * i64::from(n)),
            Self::Months(n) => from.checked_plus_months(n),
            Self::WorkingDays(n) => {
                let mut date = from;
                let mut left = n;
                while left > 0 {
                    date = date.checked_plus_days(1)?;
                    if date.weekday_index() < 5 && !holidays(date) {
                        left -= 1;
                    }
                }
                Some(date)
            }
        }
    }
}

impl fmt::Display for Deadline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.phrase())
    }
}

impl fmt::Debug for Deadline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl Serialize for Deadline {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let text = match self {
            Self::Weeks(n) => format!("{n} weeks"),
            Self::Months(n) => format!("{n} months"),
            Self::WorkingDays(n) => format!("{n} working days"),
        };
        s.serialize_str(&text)
    }
}

impl<'de> Deserialize<'de> for Deadline {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Deadline::parse(&s).map_err(de::Error::custom)
    }
}

const NUMBER_NAMES: [&str; 12] = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve",
];

fn number_word(word: &str) -> Option<u32> {
    NUMBER_NAMES
        .iter()
        .position(|w| *w == word)
        .map(|i| i as u32 + 1)
}

/// "one" … "twelve" for small numbers.
pub fn number_name(n: u32) -> Option<&'static str> {
    NUMBER_NAMES.get((n as usize).checked_sub(1)?).copied()
}

impl From<Date> for crate::typeset::PdfDate {
    fn from(date: Date) -> Self {
        Self::new(date.year(), date.month(), date.day())
            .expect("a case's date is a calendar day (checked when it was read)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_and_explain_impossible_ones() {
        assert_eq!(
            Date::parse_iso("2023-02-14").unwrap().long(),
            "14 February 2023"
        );
        let err = Date::parse_iso("2023-02-30").unwrap_err();
        assert!(err.contains("February 2023 has 28 days"), "{err}");
        assert!(Date::parse_iso("14/02/2023").is_err());
        assert!(
            Date::parse_iso("2023-13-01")
                .unwrap_err()
                .contains("no month 13")
        );
        assert_eq!(
            Date::parse_iso("2024-03-01").unwrap().short(),
            "01 Mar 2024"
        );
    }

    #[test]
    fn months_clamp_to_month_end() {
        let d = Date::parse_iso("2024-01-31").unwrap();
        assert_eq!(d.plus_months(1).to_string(), "2024-02-29");
        assert_eq!(d.plus_months(12).to_string(), "2025-01-31");
    }

    #[test]
    fn money_prints_like_the_ombudsman() {
        assert_eq!(Money::from_pounds(1140.0).unwrap().to_string(), "£1,140");
        assert_eq!(
            Money::from_pounds(14236.5).unwrap().to_string(),
            "£14,236.50"
        );
        assert_eq!(Money::from_pounds(650.0).unwrap().to_string(), "£650");
        assert!(Money::from_pounds(1.234).is_err());
        assert!(Money::from_pounds(-5.0).is_err());
    }

    #[test]
    fn deadlines_parse_and_fall_due() {
        let from = Date::parse_iso("2024-03-01").unwrap();
        let none = |_: Date| false;
        assert_eq!(Deadline::parse("1 month").unwrap().phrase(), "one month");
        assert_eq!(
            Deadline::parse("three months")
                .unwrap()
                .due(from, &none)
                .to_string(),
            "2024-06-01"
        );
        assert_eq!(
            Deadline::parse("4 weeks")
                .unwrap()
                .due(from, &none)
                .to_string(),
            "2024-03-29"
        );
        // Friday 1 March 2024 + 10 working days = Friday 15 March.
        let wd = Deadline::parse("10 working days").unwrap();
        assert_eq!(wd.due(from, &none).to_string(), "2024-03-15");
        assert!(Deadline::parse("soon").is_err());
        assert!(Deadline::parse("0 months").is_err());
    }

    #[test]
    fn arithmetic_at_the_ends_of_the_calendar_is_checked() {
        let last = Date::from_ymd(9999, 12, 31).unwrap();
        assert_eq!(last.checked_plus_days(1), None);
        assert_eq!(last.plus_days(1), Date::LAST);
        assert_eq!(last.plus_days(i64::MAX), Date::LAST);
        assert_eq!(Date::FIRST.checked_plus_days(-1), None);
        assert_eq!(Date::FIRST.plus_days(i64::MIN), Date::FIRST);
        let november = Date::from_ymd(9999, 11, 30).unwrap();
        assert_eq!(november.checked_plus_months(1), Some(last.plus_days(-1)));
        assert_eq!(november.checked_plus_months(2), None);
        assert_eq!(november.plus_months(u32::MAX), Date::LAST);
        let none = |_: Date| false;
        for deadline in ["744 weeks", "744 months", "744 working days"] {
            let deadline = Deadline::parse(deadline).unwrap();
            assert_eq!(deadline.checked_due(november, &none), None, "{deadline}");
            assert_eq!(deadline.due(november, &none), Date::LAST, "{deadline}");
            let latest = deadline.checked_due(Date::CASE_LAST, &none).unwrap();
            assert!(latest.year() < 2300, "{deadline}: {latest}");
        }
    }

    #[test]
    fn case_files_hold_dates_of_two_centuries_and_say_why() {
        assert!(Date::parse_case("1900-01-01").is_ok());
        assert!(Date::parse_case("2199-12-31").is_ok());
        for far in [
            "1899-12-31",
            "2200-01-01",
            "9999-12-31",
            "0001-01-01",
            "0000-01-01",
        ] {
            let err = Date::parse_case(far).unwrap_err();
            assert!(err.contains(OUT_OF_RANGE), "{far}: {err}");
            assert!(err.contains("1900-01-01 to 2199-12-31"), "{err}");
        }
        let err = serde_json::from_str::<Date>("\"9999-12-31\"").unwrap_err();
        assert!(err.to_string().contains(OUT_OF_RANGE), "{err}");
        // The calendar itself goes further, for the arithmetic.
        assert!(Date::parse_iso("9999-12-31").is_ok());
    }

    #[test]
    fn ages_count_whole_years() {
        let born = Date::parse_iso("1936-03-02").unwrap();
        assert_eq!(born.years_until(Date::parse_iso("2023-03-01").unwrap()), 86);
        assert_eq!(born.years_until(Date::parse_iso("2023-03-02").unwrap()), 87);
    }
}
