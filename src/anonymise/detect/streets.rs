//! Street addresses nobody listed: a house number ("14", "14a", "14–16",
//! "No. 14"), perhaps after a flat and its building ("Flat 3b, Kestrel
//! House,"), and a street's name and kind ("Mill Lane", "St John's Road",
//! "High St", "Stoke-on-Trent Road", "MILL LANE", "Kingsway"); or a flat in
//! a named building ("Flat 3, Kestrel House"). What only has the shape is
//! left: a date before a title ("on 4 June Dr Patel"), a school year or a
//! ward before a name ("Year 9 Park View"), a sum ("£12 Lloyds Bank"), a
//! year ("In 2019 Church Lane was closed").

use std::sync::LazyLock;

use regex::Regex;

use super::{Confidence, Detection};
use crate::anonymise::hit::Category;
use crate::anonymise::street_kinds::STREET_KINDS;
use crate::anonymise::words::is_month;

/// A capital and a lower-case letter of the Latin alphabets ("Château",
/// "Łódź"): the street names of English addresses, accents included.
const UPPER: &str = r"[A-Z\x{C0}-\x{D6}\x{D8}-\x{DE}\x{100}-\x{17F}]";
const LOWER: &str = r"[a-z\x{DF}-\x{F6}\x{F8}-\x{FF}\x{100}-\x{17F}\x{300}-\x{36F}]";

/// Words that end a building's name ("Kestrel House").
const BUILDINGS: &str = "Court|House|Lodge|Mansions|Buildings|Cottages|Villas|Heights|Tower|Towers|Point|Apartments|Flats|Chambers";

/// Words a number follows that is no house number: "Year 9 Park View
/// School", "Ward 12 Rose Hill", "section 12 Road Traffic Act".
const NOT_HOUSE_NUMBERS: [&str; 24] = [
    "year",
    "ward",
    "bay",
    "bed",
    "section",
    "paragraph",
    "para",
    "page",
    "chapter",
    "part",
    "schedule",
    "regulation",
    "article",
    "clause",
    "stage",
    "phase",
    "level",
    "floor",
    "platform",
    "route",
    "bus",
    "item",
    "step",
    "appendix",
];

/// A word of a street's or a building's name: "St.", "Mill", "John's",
/// "Stoke-on-Trent".
fn street_word() -> String {
    format!(r"(?:St\.|{UPPER}{LOWER}*(?:['’]{LOWER}+|-(?:{UPPER}|{LOWER}){LOWER}*)*)")
}

/// The street kinds, the longer first (so that "Cres" is read before
/// "Cr"), as an alternation: in title case with their abbreviations, or
/// in capitals without.
fn street_kinds(capitals: bool) -> String {
    let title_case = |w: &str| {
        let mut c = w.chars();
        c.next()
            .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
            .unwrap_or_default()
    };
    let mut all: Vec<String> = STREET_KINDS
        .iter()
        .flat_map(|k| match capitals {
            true => vec![k[0].to_ascii_uppercase()],
            false => k.iter().map(|w| title_case(w)).collect(),
        })
        .collect();
    all.sort_by_key(|w| std::cmp::Reverse(w.len()));
    all.join("|")
}

/// A street or a building by its name alone: "Mill Lane", "St John's
/// Road", "Kestrel House".
pub(super) fn street_name_pattern() -> String {
    let word = street_word();
    let title = street_kinds(false);
    format!("(?:{word} ){{1,3}}(?:{title}|{BUILDINGS})")
}

/// A street address's pattern (the rarer patterns' pass reads it too).
pub(crate) fn street_pattern() -> String {
    let title = street_kinds(false);
    let capitals = street_kinds(true);
    let word = street_word();
    let unit = r"(?:Flat|Apartment|Apt|Unit|Room|Suite)\.? \d{1,4}[A-Za-z]?";
    let building = format!("(?:{word} ){{1,3}}(?:{BUILDINGS})");
    let street = format!("(?:{word} ){{1,3}}(?:{title})");
    let street_in_capitals = format!(r"(?:[A-Z][A-Z'’-]*\.? ){{1,3}}(?:{capitals})");
    let number = r"\d{1,4}[A-Za-z]?(?: ?[-–/] ?\d{1,4}[A-Za-z]?)?";
    let one_word = format!("{UPPER}{LOWER}+(?:way|gate)");
    format!(
        r"(?-u:\b)(?:(?:{unit}, )?(?:{building}, )?(?:(?:No\.?|[Nn]umber) )?{number},? (?:{street}|{street_in_capitals}|{one_word})|{unit}, {building}(?:, {street})?)(?-u:\b)"
    )
}

static STREET_ADDRESS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&street_pattern()).expect("valid regex"));

/// The street addresses in `text`.
pub(super) fn street_addresses(text: &str, out: &mut Vec<Detection>) {
    for m in STREET_ADDRESS.find_iter(text) {
        if is_address(text, m.range()) {
            out.push(Detection {
                range: m.range(),
                category: Category::Address,
                confidence: Confidence::Heuristic,
                redact: true,
            });
        }
    }
}

/// Whether what the pattern matched at `range` is an address rather than
/// a date, a year, a sum or a numbered thing before a name.
fn is_address(text: &str, range: std::ops::Range<usize>) -> bool {
    let matched = &text[range.clone()];
    let before = &text[..range.start];
    if before.ends_with(['£', '$', '€']) {
        return false;
    }
    let previous = before
        .trim_end()
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let digits = matched.starts_with(|c: char| c.is_ascii_digit());
    if digits
        && before.ends_with(' ')
        && NOT_HOUSE_NUMBERS.contains(&previous.to_lowercase().as_str())
    {
        return false;
    }
    let mut words = matched.split([' ', ',']).filter(|w| !w.is_empty());
    let number = words.next().unwrap_or("");
    let first_name = words.next().unwrap_or("");
    // "on 4 June Mill Lane", "In 2019 Church Lane was closed".
    let year = number.len() == 4
        && (number.starts_with("19") || number.starts_with("20"))
        && number.bytes().all(|b| b.is_ascii_digit());
    if digits && (year || is_month(first_name.trim_end_matches('.'))) {
        return false;
    }
    // "on 4 June Dr Patel": "Dr" and "St" before a name are titles.
    let title_after = (matched.ends_with(" Dr") || matched.ends_with(" St"))
        && text[range.end..]
            .strip_prefix(' ')
            .is_some_and(|rest| rest.starts_with(char::is_uppercase));
    !title_after
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anonymise::detect::found_by;

    fn addresses(text: &str) -> Vec<&str> {
        found_by(street_addresses, text)
    }

    #[test]
    fn addresses_in_the_ways_people_write_them() {
        for (text, want) in [
            ("He lives at 14 Mill Lane.", "14 Mill Lane"),
            ("He lives at 14a Mill Lane.", "14a Mill Lane"),
            ("He lives at 14A Mill Lane.", "14A Mill Lane"),
            ("He lives at 14-16 Mill Lane.", "14-16 Mill Lane"),
            ("He lives at 14–16 Mill Lane.", "14–16 Mill Lane"),
            ("He lives at 12, Mill Lane.", "12, Mill Lane"),
            ("He lives at No. 12 Mill Lane.", "No. 12 Mill Lane"),
            ("He lives at number 12 Mill Lane.", "number 12 Mill Lane"),
            ("at 12 St John's Road, Halden", "12 St John's Road"),
            ("at 12 St. Mary’s Close.", "12 St. Mary’s Close"),
            ("at 12 Mill Rd.", "12 Mill Rd"),
            ("at 12 High St, Halden", "12 High St"),
            ("at 12 Bramble Ave.", "12 Bramble Ave"),
            ("at 12 Heron Cres.", "12 Heron Cres"),
            ("at 12 Oak Tree Meadows.", "12 Oak Tree Meadows"),
            ("at 12 Fox Chase.", "12 Fox Chase"),
            ("at 12 Stoke-on-Trent Road.", "12 Stoke-on-Trent Road"),
            ("at 12 Ashby-de-la-Zouch Road", "12 Ashby-de-la-Zouch Road"),
            ("at 12 Château Way.", "12 Château Way"),
            ("at 12 The Parade.", "12 The Parade"),
            ("at 12 MILL LANE, HALDEN", "12 MILL LANE"),
            ("at 12 Kingsway.", "12 Kingsway"),
            ("at 3 Micklegate.", "3 Micklegate"),
            ("at Flat 3b, 12 Mill Lane.", "Flat 3b, 12 Mill Lane"),
            (
                "at Flat 3, Kestrel House, Mill Lane.",
                "Flat 3, Kestrel House, Mill Lane",
            ),
            ("at Flat 3, Kestrel House.", "Flat 3, Kestrel House"),
            (
                "at Apartment 9, Canal Wharf Buildings, 2 Quay Street.",
                "Apartment 9, Canal Wharf Buildings, 2 Quay Street",
            ),
            ("On 4 June, 2 Quarry Row was", "2 Quarry Row"),
            ("Year 9, 12 Mill Lane", "12 Mill Lane"),
        ] {
            assert_eq!(addresses(text), [want], "{text}");
        }
    }

    #[test]
    fn what_only_has_an_address_shape_stays() {
        for text in [
            "On 4 June Dr Patel wrote to her.",
            "On 4 June St Mary's Hospital discharged her.",
            "On 12 March Church Lane was closed.",
            "In 2019 Church Lane was closed.",
            "She moved into Year 9 Park View last year.",
            "He was moved to Ward 12 Rose Hill.",
            "She paid £12 Lloyds Bank charges.",
            "Section 12 Road Traffic Act",
            "She waited 12 weeks for the Council.",
            "He lives on Mill Lane.",
            "Flat 3 was empty.",
            "12 Mill lane",
        ] {
            assert!(addresses(text).is_empty(), "{text}: {:?}", addresses(text));
        }
    }
}
