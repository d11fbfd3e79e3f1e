//! Property tests: every listed identifier of every sample, disguised at
//! random (Unicode forms, invisible characters, combining marks, fullwidth
//! letters, separators, case, abbreviations, date formats), is replaced:
//! nothing of it is left in the publication text.

use proptest::prelude::*;
use proptest::test_runner::TestRunner;
use redress::anonymise::{self, Identifiers};
use redress::case::{Case, Date};
use unicode_normalization::UnicodeNormalization;

use crate::util;

/// A listed value and what kind of value it is.
#[derive(Debug, Clone)]
enum Value {
    /// A name part that is not an ordinary word (a word in lower case is the
    /// word, so those are tested in tests/adversarial.rs instead).
    Name(String),
    Number(String),
    Born(Date),
    Street(String),
}

/// Every listed value of a case worth disguising.
fn values(case: &Case) -> Vec<Value> {
    let mut out = Vec::new();
    for p in &case.people {
        let mut names: Vec<&str> = p.name.split_whitespace().collect();
        names.extend(p.aliases.iter().flat_map(|a| a.split_whitespace()));
        for n in names {
            let bare: String = n.chars().filter(|c| c.is_alphabetic()).collect();
            let title = matches!(n, "Mr" | "Mrs" | "Ms" | "Miss" | "Mx" | "Dr" | "Councillor");
            if bare.chars().count() >= 4 && !title && !is_word(&bare) {
                out.push(Value::Name(n.trim_end_matches(',').to_string()));
            }
        }
        let numbers = p.phones.iter().chain(&p.nhs_number).chain(&p.ni_number);
        for v in numbers.chain(&p.record_numbers) {
            out.push(Value::Number(v.clone()));
        }
        out.extend(p.born.map(Value::Born));
        for a in &p.addresses {
            let street = a.split(',').find(|part| {
                part.split_whitespace()
                    .next()
                    .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()))
            });
            out.extend(street.map(|s| Value::Street(s.trim().to_string())));
        }
    }
    out
}

fn is_word(w: &str) -> bool {
    static WORDS: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
        std::sync::LazyLock::new(|| include_str!("../data/english-words.txt").lines().collect());
    WORDS.contains(w.to_lowercase().as_str())
        || [
            "january", "february", "march", "april", "may", "june", "july", "august",
        ]
        .contains(&w.to_lowercase().as_str())
}

const INVISIBLE: [char; 7] = [
    '\u{200B}', '\u{200C}', '\u{200D}', '\u{00AD}', '\u{2060}', '\u{FEFF}', '\u{200E}',
];
const SEPARATORS: [&str; 8] = [" ", "-", "\u{2013}", "\u{2014}", ".", "/", "", "  "];

/// A disguise of a name: case, decomposition, an invisible character or
/// combining mark inside, fullwidth letters.
fn disguise_name(name: &str, pick: &[usize]) -> String {
    let mut s = match pick[0] % 4 {
        0 => name.to_uppercase(),
        1 => name.to_lowercase(),
        _ => name.to_string(),
    };
    s = match pick[1] % 3 {
        0 => s.nfd().collect(),
        1 => s.nfc().collect(),
        _ => s,
    };
    let chars: Vec<char> = s.chars().collect();
    let at = 1 + pick[2] % (chars.len().saturating_sub(1).max(1));
    let mut out: String = chars[..at.min(chars.len())].iter().collect();
    match pick[3] % 4 {
        0 => out.push(INVISIBLE[pick[4] % INVISIBLE.len()]),
        1 => out.push('\u{0301}'),
        2 => {
            out = out
                .chars()
                .map(|c| match c {
                    'A'..='Z' => char::from_u32(c as u32 - 'A' as u32 + 0xFF21).unwrap_or(c),
                    'a'..='z' => char::from_u32(c as u32 - 'a' as u32 + 0xFF41).unwrap_or(c),
                    c => c,
                })
                .collect()
        }
        _ => {}
    }
    out.extend(&chars[at.min(chars.len())..]);
    out
}

/// A disguise of a number: its digits regrouped with any separator, some
/// digits fullwidth, an invisible character inside.
fn disguise_number(value: &str, pick: &[usize]) -> String {
    // "+44 (0)116 496 0857" is 0116 496 0857 nationally.
    let national = match value.trim().strip_prefix("+44") {
        Some(rest) => format!("0{}", rest.replace("(0)", "")),
        None => value.to_string(),
    };
    let compact: String = national
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    let sep = SEPARATORS[pick[0] % SEPARATORS.len()];
    let groups: Vec<String> = match compact.len() {
        10 => vec![
            compact[..3].into(),
            compact[3..6].into(),
            compact[6..].into(),
        ],
        11 => vec![compact[..5].into(), compact[5..].into()],
        9 => vec![
            compact[..2].into(),
            compact[2..4].into(),
            compact[4..6].into(),
            compact[6..8].into(),
            compact[8..].into(),
        ],
        _ => vec![compact.clone()],
    };
    let mut out = groups.join(sep);
    if pick[1].is_multiple_of(3) {
        out = out
            .chars()
            .map(|c| match c {
                '0'..='9' => char::from_u32(c as u32 - '0' as u32 + 0xFF10).unwrap_or(c),
                c => c,
            })
            .collect();
    }
    if pick[2].is_multiple_of(3) {
        let mut chars: Vec<char> = out.chars().collect();
        let at = 1 + pick[3] % chars.len().saturating_sub(1).max(1);
        chars.insert(at.min(chars.len()), '\u{200B}');
        out = chars.into_iter().collect();
    }
    out
}

/// A date of birth in one of the forms people write.
fn disguise_date(d: Date, pick: &[usize]) -> String {
    let (y, m, day) = (d.year(), d.month(), d.day());
    let month = d.month_name();
    let short = &month[..3];
    match pick[0] % 9 {
        0 => format!("{day:02}/{m:02}/{y}"),
        1 => format!("{day}/{m}/{:02}", y % 100),
        2 => format!("{day:02}.{m:02}.{:02}", y % 100),
        3 => format!("{day} {short} {:02}", y % 100),
        4 => format!("{day}th {month} {y}"),
        5 => format!("{month} {day}, {y}"),
        6 => format!("{y}-{m:02}-{day:02}"),
        7 => format!("{day}-{short}-{y}"),
        _ => format!("{day} {short}. '{:02}", y % 100),
    }
}

/// A street with its type abbreviated or cased differently.
fn disguise_street(street: &str, pick: &[usize]) -> String {
    const ABBREVIATIONS: [(&str, &str); 8] = [
        ("Road", "Rd"),
        ("Street", "St"),
        ("Avenue", "Ave"),
        ("Lane", "Ln"),
        ("Close", "Cl"),
        ("Crescent", "Cres"),
        ("Drive", "Dr"),
        ("Rise", "Ri"),
    ];
    let mut s = street.to_string();
    for (full, short) in ABBREVIATIONS {
        if s.ends_with(full) && pick[0].is_multiple_of(2) {
            s = format!(
                "{}{short}{}",
                &s[..s.len() - full.len()],
                if pick[1].is_multiple_of(2) { "." } else { "" }
            );
        }
    }
    if pick[2].is_multiple_of(3) {
        s = s.to_uppercase();
    }
    s
}

/// Whether anything of `value` survives in `out`: its letters (folded the
/// verifier's strict way) or its digits.
fn survives(value: &Value, out: &str) -> bool {
    let letters = |s: &str| -> String {
        s.nfkd()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let flat = letters(out);
    match value {
        Value::Name(n) | Value::Street(n) => flat.contains(&letters(n)),
        Value::Number(n) => {
            let national = match n.trim().strip_prefix("+44") {
                Some(rest) => format!("0{}", rest.replace("(0)", "")),
                None => n.clone(),
            };
            let digits: String = national.chars().filter(char::is_ascii_digit).collect();
            let out_digits: String = out.nfkd().filter(char::is_ascii_digit).collect();
            out_digits.contains(&digits)
        }
        Value::Born(d) => {
            let year = d.year().to_string();
            out.contains(&year) && out.contains(&d.day().to_string())
        }
    }
}

#[test]
fn disguised_listed_identifiers_of_every_sample_are_replaced() {
    let samples: Vec<(String, Case, Identifiers)> = util::samples()
        .iter()
        .map(|p| {
            let case = util::load(p);
            let (_, ids) = util::engine().identifiers(&case);
            (util::stem(p), case, ids)
        })
        .collect();
    let mut runner = TestRunner::new(util::proptest_config(2_000, file!()));
    let strategy = (
        0..samples.len(),
        any::<usize>(),
        prop::collection::vec(any::<usize>(), 6),
    );
    let result = runner.run(&strategy, |(s, v, pick)| {
        let (stem, case, ids) = &samples[s];
        let all = values(case);
        if all.is_empty() {
            return Ok(());
        }
        let value = &all[v % all.len()];
        let written = match value {
            Value::Name(n) => disguise_name(n, &pick),
            Value::Number(n) => disguise_number(n, &pick),
            Value::Born(d) => disguise_date(*d, &pick),
            Value::Street(st) => disguise_street(st, &pick),
        };
        let text = match value {
            Value::Born(_) => format!("The letter gave her date of birth as {written} and more."),
            _ => format!("The notes of the call mention {written} twice."),
        };
        let out = anonymise::anonymise_text(&text, ids).0;
        prop_assert!(
            !survives(value, &out),
            "{stem}: {value:?} written {written:?} survives in {out:?}"
        );
        prop_assert!(
            ids.leaks(&out).is_empty(),
            "{stem}: the leak check finds something in {out:?}"
        );
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}
