//! Every listed identifier of every sample, disguised at random (invisible
//! characters, decomposed and added accents, look-alike letters of other
//! scripts, spaced, dotted and hyphenated letters, names run together,
//! separators in numbers, abbreviated streets, dates of birth in every form)
//! and set in a sentence: the verifier's needles must find it. Nothing here
//! is tuned to a sample: the values come from whatever `samples/` holds.

use std::collections::HashSet;
use std::sync::LazyLock;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use redress::case::{Case, Person};
use redress::verify::{Kind, Needles};
use unicode_normalization::UnicodeNormalization;

use crate::util::{load, root, samples};

static WORDS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    std::fs::read_to_string(root().join("data/english-words.txt"))
        .expect("word list")
        .lines()
        .map(str::to_string)
        .collect()
});

const MONTHS: [&str; 12] = [
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

/// A name that is no word: found wherever it stands.
fn is_plain_name(token: &str) -> bool {
    let lower = token.to_lowercase();
    lower.chars().count() >= 3
        && lower.chars().all(char::is_alphabetic)
        && !WORDS.contains(&lower)
        && !MONTHS.iter().any(|m| m.eq_ignore_ascii_case(&lower))
}

/// One listed value of a sample, and the kind the verifier must report.
#[derive(Debug, Clone)]
enum Value {
    Name(String),
    RunTogether(String, String),
    Phone(String),
    Nhs(String),
    Postcode(String),
    Street(String, String),
    Born(i32, u32, u32),
}

fn values(case: &Case) -> Vec<Value> {
    let mut out = Vec::new();
    for p in &case.people {
        names(p, &mut out);
        out.extend(p.phones.iter().cloned().map(Value::Phone));
        out.extend(p.nhs_number.iter().cloned().map(Value::Nhs));
        for address in &p.addresses {
            for part in address.split(',').map(str::trim) {
                let words: Vec<&str> = part.split_whitespace().collect();
                let postcode = part.len() <= 8
                    && part.chars().any(|c| c.is_ascii_digit())
                    && words.len() <= 2
                    && part.chars().last().is_some_and(|c| c.is_ascii_alphabetic());
                if postcode {
                    out.push(Value::Postcode(part.to_string()));
                } else if let [number, name @ .., street_type] = words.as_slice()
                    && number.chars().all(|c| c.is_ascii_digit())
                    && !name.is_empty()
                    && ABBREVIATIONS.iter().any(|(t, _)| t == street_type)
                {
                    out.push(Value::Street(
                        format!("{number} {}", name.join(" ")),
                        street_type.to_string(),
                    ));
                }
            }
        }
        if let Some(born) = p.born {
            out.push(Value::Born(
                born.year(),
                born.month().into(),
                born.day().into(),
            ));
        }
    }
    out
}

fn names(p: &Person, out: &mut Vec<Value>) {
    let words: Vec<&str> = p
        .name
        .split_whitespace()
        .filter(|w| !["Mr", "Mrs", "Ms", "Miss", "Mx", "Dr"].contains(w))
        .collect();
    for token in words.iter().flat_map(|w| w.split(['-', '\''])) {
        if is_plain_name(token) {
            out.push(Value::Name(token.to_string()));
        }
    }
    if let [given, .., family] = words.as_slice() {
        out.push(Value::RunTogether(given.to_string(), family.to_string()));
    }
}

const ABBREVIATIONS: &[(&str, &str)] = &[
    ("Street", "St"),
    ("Road", "Rd"),
    ("Avenue", "Ave"),
    ("Lane", "Ln"),
    ("Close", "Cl"),
    ("Crescent", "Cres"),
    ("Drive", "Dr"),
    ("Rise", "Ri"),
    ("Gardens", "Gdns"),
    ("Square", "Sq"),
    ("Terrace", "Terr"),
    ("Court", "Ct"),
    ("Place", "Pl"),
    ("Grove", "Gr"),
    ("Way", "Wy"),
];

const INVISIBLE: &[char] = &[
    '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{00AD}', '\u{200E}', '\u{200F}', '\u{202A}',
    '\u{202C}', '\u{2066}', '\u{2069}', '\u{FEFF}',
];

/// Latin letters and a look-alike of another script.
const LOOK_ALIKES: &[(char, char)] = &[
    ('a', '\u{0430}'),
    ('e', '\u{0435}'),
    ('o', '\u{043E}'),
    ('p', '\u{0440}'),
    ('c', '\u{0441}'),
    ('x', '\u{0445}'),
    ('y', '\u{0443}'),
    ('i', '\u{0456}'),
    ('A', '\u{0410}'),
    ('B', '\u{0412}'),
    ('E', '\u{0415}'),
    ('K', '\u{041A}'),
    ('M', '\u{041C}'),
    ('H', '\u{041D}'),
    ('O', '\u{039F}'),
    ('P', '\u{03A1}'),
    ('C', '\u{0421}'),
    ('T', '\u{03A4}'),
    ('X', '\u{03A7}'),
    ('N', '\u{039D}'),
];

/// A source of choices, from one random number.
struct Dice(fastrand::Rng);

impl Dice {
    fn below(&mut self, n: usize) -> usize {
        self.0.usize(..n.max(1))
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn coin(&mut self) -> bool {
        self.0.bool()
    }
}

/// A name disguised by Unicode: invisible characters, accents, look-alikes,
/// decomposition (the name keeps its capitals).
fn unicode(name: &str, d: &mut Dice) -> String {
    let mut chars: Vec<char> = name.nfc().collect();
    for _ in 0..=d.below(2) {
        match d.below(4) {
            0 => {
                let at = 1 + d.below(chars.len() - 1);
                chars.insert(at, *d.pick(INVISIBLE));
            }
            1 => {
                let at = 1 + d.below(chars.len() - 1);
                chars.insert(
                    at,
                    *d.pick(&['\u{0301}', '\u{0323}', '\u{0308}', '\u{0327}']),
                );
            }
            2 => {
                let candidates: Vec<usize> = (0..chars.len())
                    .filter(|&i| LOOK_ALIKES.iter().any(|(l, _)| *l == chars[i]))
                    .collect();
                if !candidates.is_empty() {
                    let i = *d.pick(&candidates);
                    chars[i] = LOOK_ALIKES.iter().find(|(l, _)| *l == chars[i]).unwrap().1;
                }
            }
            _ => chars = chars.iter().collect::<String>().nfd().collect(),
        }
    }
    chars.into_iter().collect()
}

/// A name disguised by its shape: spaced, dotted, hyphenated, in capitals.
fn shape(name: &str, d: &mut Dice) -> String {
    let letters: Vec<String> = name.chars().map(String::from).collect();
    match d.below(5) {
        0 => letters.join(" "),
        1 => letters.join("."),
        2 => letters.join(". "),
        3 => {
            let cut = 2 + d.below(name.chars().count() - 3);
            let (a, b) = letters.split_at(cut);
            format!("{}-{}", a.concat(), b.concat())
        }
        _ => name.to_uppercase(),
    }
}

/// Digits with random separators between random groups.
fn separated(digits: &str, d: &mut Dice) -> String {
    let seps = [" ", "-", "\u{2013}", "\u{2014}", ".", "/", "", " \u{2013} "];
    let sep = *d.pick(&seps);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && d.below(3) == 0 {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

fn disguise(value: &Value, d: &mut Dice) -> (String, Kind) {
    match value {
        Value::Name(name) => {
            // Shapes are read in the letters view, for long names only.
            let long = name.chars().count() >= 5;
            let text = if d.coin() || !long {
                unicode(name, d)
            } else {
                shape(name, d)
            };
            (text, Kind::Name)
        }
        Value::RunTogether(given, family) => {
            let family: String = family.chars().filter(|c| c.is_alphabetic()).collect();
            let text = match d.below(3) {
                0 => format!("@{given}{family}"),
                1 => format!(
                    "example.org/{}{}",
                    given.to_lowercase(),
                    family.to_lowercase()
                ),
                _ => format!("{}{}", given.to_uppercase(), family.to_uppercase()),
            };
            (text, Kind::Name)
        }
        Value::Phone(phone) => {
            let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
            let text = match (d.below(3), digits.strip_prefix('0')) {
                (0, Some(national)) => format!("+44 (0){}", separated(national, d)),
                (1, Some(national)) => format!("0044 {}", separated(national, d)),
                _ => separated(&digits, d),
            };
            (text, Kind::Phone)
        }
        Value::Nhs(nhs) => {
            let digits: String = nhs.chars().filter(char::is_ascii_digit).collect();
            (separated(&digits, d), Kind::NhsNumber)
        }
        Value::Postcode(postcode) => {
            let compact: String = postcode.split_whitespace().collect();
            let (out, inw) = compact.split_at(compact.len() - 3);
            let text = match d.below(4) {
                0 => compact.to_lowercase(),
                1 => format!("{out}-{inw}"),
                2 => format!("{} {}", out.to_lowercase(), inw.to_lowercase()),
                _ => unicode(&format!("{out} {inw}"), d),
            };
            (text, Kind::Postcode)
        }
        Value::Street(name, street_type) => {
            let short = ABBREVIATIONS
                .iter()
                .find(|(t, _)| t == street_type)
                .unwrap()
                .1;
            let dot = if d.coin() { "." } else { "" };
            let without_number = name.split_once(' ').map_or(name.as_str(), |(_, n)| n);
            let name = if d.coin() {
                name.as_str()
            } else {
                without_number
            };
            (format!("{name} {short}{dot}"), Kind::Address)
        }
        Value::Born(y, m, day) => {
            let month = MONTHS[*m as usize - 1];
            let ordinal = match day {
                1 | 21 | 31 => "st",
                2 | 22 => "nd",
                3 | 23 => "rd",
                _ => "th",
            };
            let yy = y % 100;
            let text = match d.below(8) {
                0 => format!("{day} {} {yy:02}", &month[..3]),
                1 => format!("{day:02}.{m:02}.{y}"),
                2 => format!("{day}/{m}/{yy:02}"),
                3 => format!("{month} {day}, {y}"),
                4 => format!("the {day}{ordinal} of {month} {y}"),
                5 => format!("{y}-{m:02}-{day:02}"),
                6 => format!("{day:02}{m:02}{y}"),
                _ => format!("{day}-{}-{y}", &month[..3]),
            };
            (text, Kind::DateOfBirth)
        }
    }
}

#[test]
fn every_listed_value_of_every_sample_is_found_however_disguised() {
    let cases: Vec<(Case, Needles)> = samples()
        .iter()
        .map(|path| {
            let case = load(path);
            let needles = Needles::new(&case);
            (case, needles)
        })
        .collect();
    let mut runner = TestRunner::new(Config {
        cases: 256,
        failure_persistence: None,
        ..Config::default()
    });
    let result = runner.run(&(0..cases.len(), any::<u64>()), |(c, seed)| {
        let (case, needles) = &cases[c];
        let mut dice = Dice(fastrand::Rng::with_seed(seed));
        for value in values(case) {
            let (written, kind) = disguise(&value, &mut dice);
            let text = format!("The notes record {written} on file.");
            let found = needles.find(&text);
            prop_assert!(
                found.iter().any(|f| f.kind == kind),
                "{}: {value:?} written {written:?} ({:?}) not found as {kind:?}: {found:?}",
                case.case.reference,
                written.escape_unicode().to_string()
            );
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}
