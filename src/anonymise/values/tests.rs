//! The candidate finders, shape by shape, and the ASCII view.

use super::*;

fn found(text: &str, shape: Shape) -> Vec<String> {
    let mut c: Vec<Candidate> = candidates(text)
        .into_iter()
        .filter(|c| c.shape == shape)
        .collect();
    c.sort_by_key(|c| c.range.start);
    c.into_iter().map(|c| text[c.range].to_string()).collect()
}

#[test]
fn phones_in_every_form() {
    let text = "Call 0191 498 0123, 07700900789 or +44 7700 900456; (0113) 496 0412 and 0044 191 498 0123 or 0044 (0) 7700 900461. Ref 22 012 345.";
    assert_eq!(
        found(text, Shape::Phone),
        [
            "0191 498 0123",
            "07700900789",
            "+44 7700 900456",
            "(0113) 496 0412",
            "0044 191 498 0123",
            "0044 (0) 7700 900461"
        ]
    );
}

#[test]
fn nhs_numbers_are_not_found_inside_phones() {
    let text = "phone 0044 191 498 0123, NHS number 485 777 3457 and 4857773457.";
    assert_eq!(found(text, Shape::Nhs), ["485 777 3457", "4857773457"]);
}

#[test]
fn dates_in_every_form() {
    let text =
        "born 12/03/1948, 12.3.48, 12th of March 1948, March 12, 1948, 1948-03-12, 12 Mar 1948";
    let want = Date::from_ymd(1948, 3, 12).unwrap();
    let c: Vec<Candidate> = candidates(text)
        .into_iter()
        .filter(|c| c.shape == Shape::Date)
        .collect();
    assert_eq!(c.len(), 6, "{c:?}");
    assert!(c.iter().all(|c| c.dates.contains(&want)), "{c:?}");
}

#[test]
fn dates_with_a_day_in_words_or_a_word_before_the_year() {
    let want = Date::from_ymd(1948, 3, 12).unwrap();
    for text in [
        "born on the twelfth of March 1948.",
        "born on the 12th of March in 1948.",
        "born 12 March of 1948",
        "born on the Twelfth of March, 1948",
    ] {
        let c: Vec<Candidate> = candidates(text)
            .into_iter()
            .filter(|c| c.shape == Shape::Date && c.dates.contains(&want))
            .collect();
        assert_eq!(c.len(), 1, "{text}: {c:?}");
    }
    let twenty_first = candidates("the twenty-first of May 1937");
    assert!(
        twenty_first
            .iter()
            .any(|c| c.dates.contains(&Date::from_ymd(1937, 5, 21).unwrap())),
        "{twenty_first:?}"
    );
    // A year of a duration is no date's.
    for text in [
        "on 12 March in 48 hours",
        "the second of March",
        "in 2023 and in 2024",
    ] {
        assert!(
            candidates(text).iter().all(|c| c.shape != Shape::Date),
            "{text}"
        );
    }
    assert!(wordy_date_possible(b"born 12 March in 1948"));
    assert!(!wordy_date_possible(b"it happened in 2023 and in 2024"));
    assert!(!wordy_date_possible(
        b"at the end of her tether, most of 2023"
    ));
    assert!(wordy_date_possible(b"on the 2nd of March"));
}

#[test]
fn dates_are_read_only_where_their_digits_can_be() {
    for text in ["12/3/48", "1948-03-12", "12.3.48"] {
        assert!(digit_separator_digit(text), "{text}");
    }
    assert!(!digit_separator_digit("12 March 1948, £2,340"));
    for text in [
        "March 12, 1948",
        "Nov 9 '68",
        "Mar. 1st,\x0b48",
        "May 3RD  2020",
    ] {
        assert!(day_then_year(text.as_bytes()), "{text}");
    }
    for text in ["12 March 1948", "March 123 1948", "March 12 of 1948"] {
        assert!(!day_then_year(text.as_bytes()), "{text}");
    }
}

#[test]
fn two_digit_years_and_abbreviated_months() {
    let want = Date::from_ymd(1968, 11, 9).unwrap();
    for text in [
        "born 9 Nov 68",
        "born 9th Nov '68",
        "born Nov 9, 68",
        "born 9-Nov-68",
    ] {
        let c: Vec<Candidate> = candidates(text)
            .into_iter()
            .filter(|c| c.shape == Shape::Date)
            .collect();
        assert!(c.iter().any(|c| c.dates.contains(&want)), "{text}: {c:?}");
    }
}

#[test]
fn numbers_with_any_separator() {
    for (text, shape, value) in [
        (
            "tel 07700\u{2013}900\u{2013}461 ok",
            Shape::Phone,
            "07700\u{2013}900\u{2013}461",
        ),
        ("tel 07700.900.461 ok", Shape::Phone, "07700.900.461"),
        ("tel 07700/900461 ok", Shape::Phone, "07700/900461"),
        (
            "tel ０７７００ ９００４６１ ok",
            Shape::Phone,
            "０７７００ ９００４６１",
        ),
        (
            "tel 0770\u{200B}0 900461 ok",
            Shape::Phone,
            "0770\u{200B}0 900461",
        ),
        (
            "NHS 999\u{2014}954\u{2014}2557 ok",
            Shape::Nhs,
            "999\u{2014}954\u{2014}2557",
        ),
        ("NHS 999.954.2557 ok", Shape::Nhs, "999.954.2557"),
        ("NHS 999/954/2557 ok", Shape::Nhs, "999/954/2557"),
        ("NI AB.12.34.56.C ok", Shape::Nino, "AB.12.34.56.C"),
        (
            "NI AB\u{2013}12\u{2013}34\u{2013}56\u{2013}C ok",
            Shape::Nino,
            "AB\u{2013}12\u{2013}34\u{2013}56\u{2013}C",
        ),
    ] {
        assert_eq!(found(text, shape), [value], "{text}");
    }
}

/// The first view's map, a byte at a time: the oracle.
fn byte_map(orig: &str) -> (String, Vec<usize>) {
    let mut text = String::new();
    let mut map = Vec::new();
    for (at, c) in orig.char_indices() {
        let view = AsciiView::new(&orig[at..at + c.len_utf8()]).text;
        for b in view.chars() {
            text.push(b);
            map.push(at);
        }
    }
    (text, map)
}

#[test]
fn the_ascii_view_maps_back_as_a_byte_map_would() {
    let alphabet = [
        "a", "7", " ", "\u{2013}", "\u{200B}", "\u{FF15}", "£", "é", "\u{00A0}", "-", "\u{FE0F}",
    ];
    let mut seed = 5_u64;
    for _ in 0..2000 {
        let mut t = String::new();
        for _ in 0..(seed % 12) {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            t.push_str(alphabet[(seed >> 33) as usize % alphabet.len()]);
        }
        let view = AsciiView::new(&t);
        let (text, map) = byte_map(&t);
        assert_eq!(view.text, text, "{t:?}");
        for i in 0..=text.len() {
            for j in i..=text.len() {
                let start = map.get(i).copied().unwrap_or(t.len());
                let end = match j.checked_sub(1).and_then(|k| map.get(k)) {
                    Some(&last) => last + t[last..].chars().next().map_or(0, char::len_utf8),
                    None => start,
                };
                assert_eq!(view.orig_range(i..j), start..end, "{t:?} {i}..{j}");
            }
        }
    }
}

#[test]
fn postcodes_ninos_and_emails() {
    let text =
        "at ne6 5jx or LS62QT or LS6  2QT; NI AB 12 34 56 C; email jane.smith1948@example.com.";
    assert_eq!(
        found(text, Shape::Postcode),
        ["ne6 5jx", "LS62QT", "LS6  2QT"]
    );
    assert_eq!(found(text, Shape::Nino), ["AB 12 34 56 C"]);
    assert_eq!(found(text, Shape::Email), ["jane.smith1948@example.com"]);
}

#[test]
fn postcodes_hyphenated_and_ninos_with_dotted_letters() {
    let text = "at KT9-4QD, kt9 - 4qd or GIR-0AA; NI J.T. 48 21 93 C or j t 482193c.";
    assert_eq!(
        found(text, Shape::Postcode),
        ["KT9-4QD", "kt9 - 4qd", "GIR-0AA"]
    );
    assert_eq!(found(text, Shape::Nino), ["J.T. 48 21 93 C", "j t 482193c"]);
    // A hyphen is one separator: "KT9--4QD" and a number's groups are not.
    assert!(found("KT9--4QD, AB-12-34-56", Shape::Postcode).is_empty());
}

#[test]
fn dates_in_figures_with_a_suffix_an_apostrophe_or_the_year_first() {
    let want = Date::from_ymd(1948, 3, 12).unwrap();
    for text in [
        "born 12th/03/48",
        "born 12/3/'48",
        "born 12.03.\u{2019}48",
        "born 1948.03.12",
        "born 1948/3/12",
        "born 48-03-12",
    ] {
        let c: Vec<Candidate> = candidates(text)
            .into_iter()
            .filter(|c| c.shape == Shape::Date)
            .collect();
        assert!(
            c.len() == 1 && c[0].dates.contains(&want) && &text[c[0].range.clone()] != "born",
            "{text}: {c:?}"
        );
    }
    // Mixed separators, or a version number's shape, are no date.
    for text in ["1948.03-12", "12/03.48", "v2.14.7"] {
        let dates = candidates(text)
            .into_iter()
            .filter(|c| c.shape == Shape::Date)
            .count();
        assert_eq!(dates, 0, "{text}");
    }
}
