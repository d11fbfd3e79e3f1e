//! Where a clause says where or when in the year someone was born before it
//! gives the year: "born in Cork in 1936", "born at St Mary's Hospital,
//! Cork, in 1936", "born in the autumn of 1936". The year is a date of
//! birth as much as in "born in 1936"; the listed values read it so, and
//! the rewrite turns the whole clause into an age. An age someone turned on
//! a day says the day is a birthday: "turned 56 on 9 November", "turned
//! fifty-six on the ninth of November".

use super::number_words::cardinal;

/// Where "born" starts when the year at `at` follows it and a place or a
/// time of the year in the same clause: only "in" or "at", the place's
/// capitalised words and commas, or the words of [`TIMES_OF_YEAR`] between,
/// "in" or "of" right before the year, within 40 bytes.
pub(crate) fn born_before_year(text: &str, at: usize) -> Option<usize> {
    let head = text.get(..at)?;
    let head = head
        .strip_suffix("in ")
        .or_else(|| head.strip_suffix("of "))?;
    let mut from = at.saturating_sub(40).min(head.len());
    while !head.is_char_boundary(from) {
        from -= 1;
    }
    let born = from + head[from..].rfind("born ")?;
    if head[..born].ends_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let words: Vec<&str> = head[born + "born ".len()..]
        .split([' ', ','])
        .filter(|w| !w.is_empty())
        .collect();
    let place = |w: &&str| w.starts_with(char::is_uppercase);
    let time = |w: &&str| TIMES_OF_YEAR.contains(&w.to_ascii_lowercase().as_str());
    let said = words.iter().any(|w| place(w) || time(w));
    let only = words
        .iter()
        .all(|w| matches!(*w, "in" | "at" | "of" | "the") || place(w) || time(w));
    (said && only).then_some(born)
}

/// Words that say when in a year: "in the autumn of", "early in", "at the
/// end of".
const TIMES_OF_YEAR: [&str; 12] = [
    "spring",
    "summer",
    "autumn",
    "winter",
    "early",
    "late",
    "mid",
    "end",
    "start",
    "beginning",
    "middle",
    "first",
];

/// Where an age someone turned or turns starts, if one stands before `at`
/// with only "on" (or "years old on", "on the") between it and `at`:
/// "turned 56 on 9 November", "turns 60 on the 2nd of March", "turned
/// fifty-eight on the ninth of November" say the day is a birthday as
/// "born on" does; "turned 56 requests down on 9 November" does not. Read
/// backwards from `at`, word by word.
pub(crate) fn age_turned_before(text: &str, at: usize) -> Option<usize> {
    turned_age(text, at).map(|age| age.start)
}

/// Where the age before a birthday ends, where the birthday is said as the
/// day someone turned an age ("turned 56 on 9 November"): the rewrite keeps
/// "turned 56" and leaves out the rest.
pub(crate) fn turned_age_end(text: &str, day: usize) -> Option<usize> {
    turned_age(text, day).map(|age| age.end)
}

/// The age someone turned before the day at `at` ([`age_turned_before`]),
/// in figures or in words.
fn turned_age(text: &str, at: usize) -> Option<std::ops::Range<usize>> {
    let head = text.as_bytes().get(..at)?;
    let strip = |h: &'_ [u8], w: &[u8]| -> Option<usize> {
        (h.len() >= w.len() && h[h.len() - w.len()..].eq_ignore_ascii_case(w))
            .then(|| h.len() - w.len())
    };
    let mut end = strip(head, b" on ").or_else(|| strip(head, b" on the "))?;
    end = strip(&head[..end], b" years old").unwrap_or(end);
    let digits = head[..end]
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let cue_end = |before: &[u8]| {
        ["turned ", "turns ", "turning ", "turn "]
            .iter()
            .filter_map(|w| strip(before, w.as_bytes()))
            .find(|&start| {
                !before[..start]
                    .last()
                    .is_some_and(u8::is_ascii_alphanumeric)
            })
    };
    if (1..=3).contains(&digits) {
        let age_start = end - digits;
        cue_end(&head[..age_start])?;
        return Some(age_start..end);
    }
    // In words: at most four words ("a hundred and one") after the cue.
    let age_start = word_starts(text, end)
        .filter(|&start| cue_end(&head[..start]).is_some())
        .find(|&start| cardinal(&text[start..end]).is_some())?;
    Some(age_start..end)
}

/// The starts of the last four words before `end` (split at spaces and
/// hyphens), nearest first.
fn word_starts(text: &str, end: usize) -> impl Iterator<Item = usize> + '_ {
    let mut at = end;
    std::iter::from_fn(move || {
        let before = text[..at].trim_end_matches([' ', '-']);
        if before.is_empty() || !before.ends_with(|c: char| c.is_ascii_alphabetic()) {
            return None;
        }
        let start = before.rfind([' ', '-']).map_or(0, |i| i + 1);
        at = start;
        Some(start)
    })
    .take(4)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at_year(text: &str) -> Option<&str> {
        let at = text.find("1936").expect("a year");
        born_before_year(text, at).map(|b| &text[b..at])
    }

    #[test]
    fn an_age_turned_on_a_day_in_figures_or_words() {
        fn age(text: &str) -> Option<&str> {
            let at = text.find(" 9").or_else(|| text.find(" ninth")).unwrap() + 1;
            let start = age_turned_before(text, at)?;
            Some(&text[start..turned_age_end(text, at)?])
        }
        assert_eq!(age("She turned 56 on 9 November."), Some("56"));
        assert_eq!(age("She turned 56 years old on 9 November."), Some("56"));
        assert_eq!(
            age("She turned fifty-six on the ninth of November."),
            Some("fifty-six")
        );
        assert_eq!(
            age("He turns a hundred and one on 9 May."),
            Some("a hundred and one")
        );
        assert_eq!(age("It turned 56 requests down on 9 November."), None);
        assert_eq!(age("She turned the page on 9 November."), None);
    }

    #[test]
    fn a_place_of_birth_before_the_year() {
        assert_eq!(
            at_year("who was born in Cork in 1936, moved"),
            Some("born in Cork in ")
        );
        assert_eq!(
            at_year("born at St Mary's Hospital, Cork, in 1936"),
            Some("born at St Mary's Hospital, Cork, in ")
        );
        // Not a place: another clause, or the year right after "born" (read
        // as ever).
        assert_eq!(at_year("born in Cork and moved in 1936"), None);
        assert_eq!(at_year("born in 1936"), None);
        assert_eq!(at_year("stubborn in Cork in 1936"), None);
        // A time of the year.
        assert_eq!(
            at_year("she was born in the autumn of 1936, and"),
            Some("born in the autumn of ")
        );
        assert_eq!(at_year("born early in 1936"), Some("born early in "));
        assert_eq!(
            at_year("born at the end of 1936"),
            Some("born at the end of ")
        );
        assert_eq!(at_year("born and raised in 1936"), None);
    }
}
