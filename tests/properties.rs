//! Property tests: valid identifiers in random spacing, case and punctuation
//! are always found, by the detectors when nobody listed them and by the
//! listed matcher when the case lists them in another format.

use proptest::prelude::*;
use redress::anonymise::{self, Hit, Identifiers};
use redress::case::{Coverage, load_str};

const CASE: &str = r#"
[case]
reference = "24 000 001"
jurisdiction = "lgsco"
decision_date = 2024-03-01
investigator = { name = "Aisha Thorne" }
summary = "x"

[[people]]
id = "p"
name = "Ann Bell"
title = "Mrs"
role = "complainant"
EXTRA

[[bodies]]
id = "council"
name = "Westley Borough Council"
short_name = "the Council"
kind = "council"
reference = "24 000 001"

[complaint]
injustice = "x"
points = [{ body = "council", text = "x" }]

[outcome]
decision = "upheld"
"#;

fn ids(extra: &str) -> Identifiers {
    let loaded = load_str("p.toml", &CASE.replace("EXTRA", extra), &Coverage::all());
    assert!(!loaded.has_errors(), "{extra}: {:?}", loaded.diagnostics);
    anonymise::identifiers(&loaded.case.unwrap())
}

/// Whether every letter and digit of `value` inside `text` is covered.
fn covered(text: &str, value: &str, hits: &[Hit]) -> bool {
    let start = text.find(value).expect("value in text");
    text[start..start + value.len()]
        .char_indices()
        .filter(|(_, c)| c.is_alphanumeric())
        .all(|(i, _)| {
            hits.iter()
                .any(|h| h.range.contains(&(start + i)) && h.source != anonymise::Source::Flagged)
        })
}

fn sep() -> impl Strategy<Value = &'static str> {
    prop_oneof![Just(" "), Just(""), Just("-")]
}

fn nhs_number() -> impl Strategy<Value = String> {
    proptest::collection::vec(0u32..10, 9).prop_filter_map("check digit 10 is invalid", |d| {
        let sum: u32 = d.iter().zip((2..=10).rev()).map(|(x, w)| x * w).sum();
        let check = match 11 - sum % 11 {
            11 => 0,
            10 => return None,
            c => c,
        };
        if d.iter().all(|&x| x == d[0]) && check == d[0] {
            return None;
        }
        Some(
            d.iter()
                .chain(std::iter::once(&check))
                .map(|x| char::from_digit(*x, 10).unwrap())
                .collect::<String>(),
        )
    })
}

fn nino() -> impl Strategy<Value = String> {
    let first = prop::sample::select("ABCEGHJKLMNOPRSTWXYZ".chars().collect::<Vec<_>>());
    let second = prop::sample::select("ABCEGHJKLMNPRSTWXYZ".chars().collect::<Vec<_>>());
    (
        first,
        second,
        0u32..1_000_000,
        prop::sample::select(vec!['A', 'B', 'C', 'D']),
    )
        .prop_filter("unallocated prefixes", |(a, b, _, _)| {
            !["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"].contains(&format!("{a}{b}").as_str())
        })
        .prop_map(|(a, b, n, s)| format!("{a}{b}{n:06}{s}"))
}

fn postcode() -> impl Strategy<Value = (String, String)> {
    let area = prop::sample::select(vec![
        "NE", "LS", "HX", "WS", "DH", "M", "B", "GL", "TQ", "LE", "CT", "W", "EC",
    ]);
    let inward = prop::sample::select("ABDEFGHJLNPQRSTUWXYZ".chars().collect::<Vec<_>>());
    (area, 1u32..10, 0u32..10, inward.clone(), inward)
        .prop_map(|(a, d, n, x, y)| (format!("{a}{d}"), format!("{n}{x}{y}")))
}

fn phone() -> impl Strategy<Value = String> {
    prop_oneof![
        (0u32..1000).prop_map(|n| format!("07700900{n:03}")),
        (0u32..1000).prop_map(|n| format!("01134960{n:03}")),
        (0u32..1000).prop_map(|n| format!("01914980{n:03}")),
        (0u32..1000).prop_map(|n| format!("02079460{n:03}")),
        (0u32..1000).prop_map(|n| format!("01632960{n:03}")),
    ]
}

/// A national number written in one of the ways people write it.
fn write_phone(national: &str, style: u8) -> String {
    let (area, rest) = if national.starts_with("02") {
        national.split_at(3)
    } else if national.starts_with("07") || national.starts_with("016") {
        national.split_at(5)
    } else {
        national.split_at(4)
    };
    let (a, b) = rest.split_at(3);
    let without_zero = &national[1..];
    match style % 7 {
        0 => format!("{area} {a} {b}"),
        1 => national.to_string(),
        2 => format!("{area}-{a}-{b}"),
        3 => format!("({area}) {a} {b}"),
        4 => format!("+44 {} {a} {b}", &area[1..]),
        5 => format!("+44 (0){} {a}{b}", &area[1..]),
        _ => format!("0044 {without_zero}"),
    }
}

fn date() -> impl Strategy<Value = (i32, u32, u32, u8)> {
    (1920i32..2020, 1u32..13, 1u32..29, 0u8..8)
}

fn write_date(y: i32, m: u32, d: u32, style: u8) -> String {
    let month = redress::case::MONTHS[(m - 1) as usize];
    match style {
        0 => format!("{d:02}/{m:02}/{y}"),
        1 => format!("{d}/{m}/{:02}", y % 100),
        2 => format!("{d:02}.{m:02}.{y}"),
        3 => format!("{d} {month} {y}"),
        4 => format!("{d}th {month} {y}"),
        5 => format!("{d}th of {month} {y}"),
        6 => format!("{month} {d}, {y}"),
        _ => format!("{y}-{m:02}-{d:02}"),
    }
}

proptest! {
    #![proptest_config(crate::util::proptest_config(256, file!()))]

    #[test]
    fn unlisted_nhs_numbers_with_context_are_found(n in nhs_number(), s1 in sep(), s2 in sep()) {
        let value = format!("{}{s1}{}{s2}{}", &n[..3], &n[3..6], &n[6..]);
        let text = format!("Her NHS number is {value}.");
        prop_assert!(covered(&text, &value, &ids("").find(&text)), "{text}");
    }

    #[test]
    fn listed_nhs_numbers_are_found_in_any_spacing(n in nhs_number(), s1 in sep(), s2 in sep()) {
        let value = format!("{}{s1}{}{s2}{}", &n[..3], &n[3..6], &n[6..]);
        let ids = ids(&format!("nhs_number = \"{} {} {}\"", &n[..3], &n[3..6], &n[6..]));
        let text = format!("The reference {value} appears here.");
        prop_assert!(covered(&text, &value, &ids.hits(&text)), "{text}");
    }

    #[test]
    fn ninos_are_found_in_any_spacing_and_case(n in nino(), spaced in any::<bool>(), lower in any::<bool>()) {
        let mut value = if spaced { format!("{} {} {} {} {}", &n[..2], &n[2..4], &n[4..6], &n[6..8], &n[8..]) } else { n.clone() };
        if lower { value = value.to_lowercase(); }
        let text = format!("Her National Insurance number is {value}.");
        prop_assert!(covered(&text, &value, &ids("").find(&text)), "unlisted: {text}");
        let listed = ids(&format!("ni_number = \"{n}\""));
        prop_assert!(covered(&text, &value, &listed.hits(&text)), "listed: {text}");
    }

    #[test]
    fn listed_record_numbers_are_found_however_split_and_never_inside_more(
        letters in "[A-Z]{0,3}",
        digits in "[0-9]{6,9}",
        cut in 1usize..5,
        joint in prop_oneof![Just(" "), Just(""), Just("-"), Just("/"), Just("."), Just("\u{2013}"), Just("\n")],
        lower in any::<bool>(),
        extra in "[0-9A-Z]",
    ) {
        let listed = format!("{letters}{digits}");
        let cut = letters.len() + cut.min(digits.len() - 1);
        let mut value = format!("{}{joint}{}", &listed[..cut], &listed[cut..]);
        if lower { value = value.to_lowercase(); }
        let ids = ids(&format!("record_numbers = [\"{listed}\"]"));
        let text = format!("The letter quoted {value} twice.");
        prop_assert!(covered(&text, &value, &ids.hits(&text)), "{text}");
        // A longer number or word that holds it is someone else's.
        for longer in [format!("{extra}{listed}"), format!("{listed}{extra}")] {
            let text = format!("The letter quoted {longer} twice.");
            let hits = ids.hits(&text);
            prop_assert!(
                hits.iter().all(|h| h.category != anonymise::Category::RecordNumber),
                "{text}: {hits:?}"
            );
        }
    }

    #[test]
    fn postcodes_are_found_with_or_without_the_space((out, inw) in postcode(), spaced in any::<bool>(), lower in any::<bool>()) {
        let mut value = if spaced { format!("{out} {inw}") } else { format!("{out}{inw}") };
        if lower { value = value.to_lowercase(); }
        let text = format!("She lives at 4 Kingfisher Rise, Westley, {value}.");
        prop_assert!(covered(&text, &value, &ids("").find(&text)), "unlisted: {text}");
        let listed = ids(&format!("postcodes = [\"{out} {inw}\"]"));
        let bare = format!("It was sent to {value} by mistake.");
        prop_assert!(covered(&bare, &value, &listed.hits(&bare)), "listed: {bare}");
    }

    #[test]
    fn phones_are_found_in_every_written_form(national in phone(), style in 0u8..7) {
        let value = write_phone(&national, style);
        let text = format!("She called from {value} twice.");
        prop_assert!(covered(&text, &value, &ids("").find(&text)), "unlisted: {text}");
        let listed = ids(&format!("phones = [\"{national}\"]"));
        prop_assert!(covered(&text, &value, &listed.hits(&text)), "listed: {text}");
    }

    #[test]
    fn dates_of_birth_are_found_in_every_format((y, m, d, style) in date()) {
        let value = write_date(y, m, d, style);
        let text = format!("She was born on {value} in Leeds.");
        prop_assert!(covered(&text, &value, &ids("").find(&text)), "unlisted: {text}");
        let listed = ids(&format!("born = {y}-{m:02}-{d:02}"));
        let bare = format!("The letter of {value} says so.");
        prop_assert!(covered(&bare, &value, &listed.hits(&bare)), "listed: {bare}");
    }
}
