//! Working days in England and Wales: weekends and bank holidays excluded,
//! for deadlines such as "comments within 10 working days".

use crate::case::Date;

/// Whether `date` is a bank holiday in England and Wales.
pub fn is_bank_holiday(date: Date) -> bool {
    holidays(date.year()).contains(&date)
}

/// The bank holidays of one year, with substitute days for those falling at
/// a weekend, and the one-off holidays proclaimed since 2020. Years before 1
/// AD have none (the Easter algorithm needs a positive year).
pub fn holidays(year: i32) -> Vec<Date> {
    if !(1..=9999).contains(&year) {
        return Vec::new();
    }
    let d = |m, day| Date::from_ymd(year, m, day).expect("fixed dates exist");
    let easter = easter_sunday(year);
    let mut out = vec![
        next_weekday(d(1, 1)),
        easter.plus_days(-2),
        easter.plus_days(1),
        last_monday(year, 8),
    ];
    // Early May: the first Monday, moved for VE Day in 2020.
    out.push(if year == 2020 {
        d(5, 8)
    } else {
        first_monday(year, 5)
    });
    // Spring: the last Monday of May, moved for the 2022 Platinum Jubilee.
    out.push(if year == 2022 {
        d(6, 2)
    } else {
        last_monday(year, 5)
    });
    // Christmas and Boxing Day, with substitutes.
    let christmas = d(12, 25);
    let (xmas, boxing) = match christmas.weekday_index() {
        5 => (d(12, 27), d(12, 28)), // Saturday
        6 => (d(12, 27), d(12, 26)), // Sunday: Boxing Day Monday, Christmas Tuesday
        4 => (christmas, d(12, 28)), // Friday: Boxing Day Saturday → Monday
        _ => (christmas, d(12, 26)),
    };
    out.extend([xmas, boxing]);
    out.extend(match year {
        2022 => vec![d(6, 3), d(9, 19)],
        2023 => vec![d(5, 8)],
        _ => vec![],
    });
    out.sort();
    out
}

fn next_weekday(date: Date) -> Date {
    match date.weekday_index() {
        5 => date.plus_days(2),
        6 => date.plus_days(1),
        _ => date,
    }
}

fn first_monday(year: i32, month: u8) -> Date {
    let first = Date::from_ymd(year, month, 1).expect("the first exists");
    first.plus_days(i64::from((7 - first.weekday_index()) % 7))
}

fn last_monday(year: i32, month: u8) -> Date {
    let next = if month == 12 {
        Date::from_ymd(year + 1, 1, 1)
    } else {
        Date::from_ymd(year, month + 1, 1)
    };
    let last = next.expect("the first exists").plus_days(-1);
    last.plus_days(-i64::from(last.weekday_index()))
}

/// Easter Sunday (the anonymous Gregorian algorithm).
fn easter_sunday(year: i32) -> Date {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::from_ymd(year, month as u8, day as u8).expect("Easter exists")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(year: i32) -> Vec<String> {
        holidays(year).iter().map(ToString::to_string).collect()
    }

    #[test]
    fn published_bank_holidays() {
        // gov.uk's published lists.
        assert_eq!(
            dates(2024),
            [
                "2024-01-01",
                "2024-03-29",
                "2024-04-01",
                "2024-05-06",
                "2024-05-27",
                "2024-08-26",
                "2024-12-25",
                "2024-12-26"
            ]
        );
        assert_eq!(
            dates(2023),
            [
                "2023-01-02",
                "2023-04-07",
                "2023-04-10",
                "2023-05-01",
                "2023-05-08",
                "2023-05-29",
                "2023-08-28",
                "2023-12-25",
                "2023-12-26"
            ]
        );
        assert_eq!(dates(2022)[8..], ["2022-12-26", "2022-12-27"]);
        assert_eq!(dates(2021)[6..], ["2021-12-27", "2021-12-28"]);
    }

    #[test]
    fn every_year_of_the_calendar_is_answered() {
        for year in [-9999, -1, 0, 1, 1900, 2199, 9999, 10_000] {
            let _ = holidays(year);
        }
        assert!(holidays(0).is_empty());
        assert_eq!(holidays(1).len(), 8);
    }

    #[test]
    fn ten_working_days_skip_easter() {
        use crate::case::Deadline;
        let from = Date::from_ymd(2024, 3, 25).unwrap(); // Monday before Easter
        let due = Deadline::WorkingDays(10).due(from, &is_bank_holiday);
        assert_eq!(due.to_string(), "2024-04-10");
    }
}
