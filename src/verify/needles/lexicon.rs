//! The words the verifier's reading needs: the English word list, months,
//! weekdays, titles, street types and their abbreviations, and the context
//! words of the rules for names that are words (`word-names` rules 2, 5, 6,
//! 7 and 8). Every entry is lower case, as the normalised text is.

use std::collections::HashMap;
use std::sync::LazyLock;

use rustc_hash::FxHashSet;

/// The English word list as a set, made the size it will be at once
/// (grown one word at a time, it was rehashed over and over at every
/// process start).
static WORDS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    let text = include_str!("../../../data/english-words.txt");
    // Under 8 bytes a line on average: room for every word.
    let mut words = FxHashSet::with_capacity_and_hasher(text.len() / 8, Default::default());
    words.extend(text.lines());
    words
});

/// Whether a lower-case word is in the English word list
/// (`data/english-words.txt`, SCOWL's British English).
pub(super) fn is_english_word(word: &str) -> bool {
    WORDS.contains(word)
}

/// Month names, then their abbreviations, in calendar order.
const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// A month by its full name: 1–12.
fn month_by_name(word: &str) -> Option<u8> {
    MONTHS.iter().position(|m| *m == word).map(|i| i as u8 + 1)
}

/// A month by its full name or a common abbreviation ("Nov", "Sept").
pub(super) fn month(word: &str) -> Option<u8> {
    month_by_name(word).or(match word {
        "jan" => Some(1),
        "feb" => Some(2),
        "mar" => Some(3),
        "apr" => Some(4),
        "jun" => Some(6),
        "jul" => Some(7),
        "aug" => Some(8),
        "sep" | "sept" => Some(9),
        "oct" => Some(10),
        "nov" => Some(11),
        "dec" => Some(12),
        _ => None,
    })
}

/// Whether a word is a season, a word of time like a month.
pub(super) fn is_season(word: &str) -> bool {
    matches!(word, "spring" | "summer" | "autumn" | "winter")
}

/// Whether a word is a determiner: a name after one is the word ("the
/// Dean of the cathedral"). Not "that" or "her", which stand before names.
pub(super) fn is_determiner(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "a"
            | "an"
            | "this"
            | "these"
            | "those"
            | "every"
            | "each"
            | "its"
            | "our"
            | "their"
            | "his"
            | "my"
            | "your"
            | "any"
            | "some"
            | "another"
    )
}

/// Whether a word is a preposition, conjunction or relative word: after a
/// family name it shows the name is no attribute of a noun ("the Dean of").
pub(super) fn is_function_word(word: &str) -> bool {
    matches!(
        word,
        "of" | "in"
            | "at"
            | "to"
            | "for"
            | "and"
            | "or"
            | "with"
            | "from"
            | "on"
            | "by"
            | "who"
            | "which"
            | "that"
            | "as"
            | "but"
    )
}

/// Whether a word is a weekday name.
pub(super) fn is_weekday(word: &str) -> bool {
    WEEKDAYS.contains(&word)
}

/// Whether a listed name part is a word-name: a word of the list, a month
/// or weekday name; or, read by the same rules, a month's abbreviation ("Jan"
/// in "14 Jan 2024") or a name so short (one or two letters: "Al", "Jo")
/// that it is a word too ("et al.").
pub(super) fn is_word_name(part: &str) -> bool {
    part.chars().count() <= 2 || is_english_word(part) || month(part).is_some() || is_weekday(part)
}

/// The kind of title a word is, for telling which listed people it fits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TitleWord {
    /// Mr.
    Male,
    /// Mrs, Ms, Miss.
    Female,
    /// Mx, Dr, Prof, Rev, Councillor and the rest: anyone.
    Any,
}

/// A title or honorific before a name (rule 2).
pub(super) fn title(word: &str) -> Option<TitleWord> {
    match word {
        "mr" | "sir" | "lord" => Some(TitleWord::Male),
        "mrs" | "ms" | "miss" | "dame" | "lady" => Some(TitleWord::Female),
        "mx" | "dr" | "prof" | "professor" | "rev" | "revd" | "reverend" | "councillor"
        | "cllr" => Some(TitleWord::Any),
        _ => None,
    }
}

/// Particles of family names that never stand alone as a name ("van",
/// "de", "Nic an"): the verifier searches the whole family name instead.
pub(super) fn is_particle(word: &str) -> bool {
    matches!(
        word,
        "van"
            | "von"
            | "der"
            | "den"
            | "de"
            | "del"
            | "della"
            | "di"
            | "da"
            | "du"
            | "le"
            | "la"
            | "al"
            | "el"
            | "bin"
            | "ibn"
            | "bint"
            | "nic"
            | "mac"
            | "mc"
            | "ni"
            | "ui"
            | "o"
            | "an"
            | "ap"
            | "ter"
            | "ten"
            | "st"
            | "y"
    )
}

/// Irish, Scottish Gaelic and Welsh names and their anglicised spellings
/// (`data/anglicised-names.txt`), the names normalised: read here with the
/// verifier's own normalisation.
static ANGLICISED: LazyLock<Vec<(String, Vec<String>)>> = LazyLock::new(|| {
    name_lines(include_str!("../../../data/anglicised-names.txt"))
        .map(|(name, forms)| (name, forms.map(str::to_string).collect()))
        .collect()
});

/// The lines of a table of names ("name | form, form"; `#` starts a
/// comment): each name normalised, with its forms as written.
fn name_lines(text: &str) -> impl Iterator<Item = (String, impl Iterator<Item = &str>)> {
    text.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .filter_map(|l| l.split_once('|'))
        .map(|(name, forms)| {
            let forms = forms.split(',').map(str::trim).filter(|f| !f.is_empty());
            (super::normal::Text::new(name.trim()).words, forms)
        })
}

/// The anglicised spellings of a name or family name ("Ó Súilleabháin" →
/// "o'sullivan", "sullivan"); the feminine Ní, Nic read as Ó, Mac.
pub(super) fn anglicised(name: &str) -> Vec<String> {
    let normal = super::normal::Text::new(name).words;
    let mut keys = vec![normal.clone()];
    if let Some((particle, rest)) = normal.split_once(' ') {
        match particle {
            "ni" | "ui" => keys.push(format!("o {rest}")),
            "nic" => keys.push(format!("mac {rest}")),
            _ => {}
        }
        if matches!(particle, "ni") && rest.chars().nth(1) == Some('h') {
            let mut chars = rest.chars();
            let first = chars.next().map(String::from).unwrap_or_default();
            chars.next();
            keys.push(format!("o {first}{}", chars.as_str()));
        }
        if matches!(particle, "mac" | "mc" | "nic") {
            keys.push(format!("mc{rest}"));
        }
    }
    ANGLICISED
        .iter()
        .filter(|(k, _)| keys.contains(k))
        .flat_map(|(_, forms)| forms.iter().cloned())
        .chain(
            keys.iter()
                .filter(|k| k.starts_with("mc") && !k.contains(' '))
                .cloned(),
        )
        .collect()
}

/// English given names and their pet forms (`data/pet-names.txt`), both
/// normalised: read here with the verifier's own normalisation.
static PET_NAMES: LazyLock<HashMap<String, Vec<String>>> = LazyLock::new(|| {
    name_lines(include_str!("../../../data/pet-names.txt"))
        .map(|(name, forms)| {
            (
                name,
                forms.map(|f| super::normal::Text::new(f).words).collect(),
            )
        })
        .collect()
});

/// The pet forms of an English given name ("Robert" → "bob", "rob" …).
pub(super) fn pet_names(given: &str) -> &'static [String] {
    PET_NAMES
        .get(&super::normal::Text::new(given).words)
        .map_or(&[], Vec::as_slice)
}

/// Street types and the abbreviations a text may use for them.
pub(super) const STREET_TYPES: &[(&str, &[&str])] = &[
    ("street", &["st", "str"]),
    ("road", &["rd"]),
    ("avenue", &["ave", "av", "avn"]),
    ("lane", &["ln"]),
    ("close", &["cl", "clo"]),
    ("crescent", &["cres", "cresc", "cr", "crs"]),
    ("drive", &["dr", "drv"]),
    ("rise", &["ri"]),
    ("gardens", &["gdns", "gdn"]),
    ("garden", &["gdn"]),
    ("square", &["sq"]),
    ("terrace", &["terr", "ter", "tce"]),
    ("court", &["ct", "crt"]),
    ("place", &["pl"]),
    ("grove", &["gr", "gro", "grv"]),
    ("way", &["wy"]),
    ("walk", &["wlk"]),
    ("hill", &["hl"]),
    ("park", &["pk"]),
    ("parade", &["pde"]),
    ("mews", &["mws"]),
    ("green", &["grn"]),
    ("heights", &["hts"]),
    ("boulevard", &["blvd"]),
    ("view", &["vw"]),
    ("yard", &["yd"]),
    ("wharf", &["whf"]),
    ("mount", &["mt"]),
    ("row", &[]),
    ("bank", &[]),
    ("gate", &[]),
    ("chase", &[]),
];

/// The abbreviations of a street type word ("crescent" → "cres", …).
pub(super) fn street_abbreviations(word: &str) -> &'static [&'static str] {
    STREET_TYPES
        .iter()
        .find(|(full, _)| *full == word)
        .map_or(&[], |(_, short)| short)
}

/// Words that make the capitalised word before them part of a place or
/// institution's name (rule 6a: "Brook Street", "Grace Church"), and that
/// stand as such a place word after another capitalised word (rule 6b:
/// "Kingsley Heath"). Street-type abbreviations count ("Brook St").
pub(super) fn is_place_word(word: &str) -> bool {
    const PLACES: &[&str] = &[
        "street",
        "road",
        "lane",
        "avenue",
        "close",
        "crescent",
        "drive",
        "rise",
        "gardens",
        "garden",
        "square",
        "terrace",
        "court",
        "way",
        "row",
        "place",
        "walk",
        "grove",
        "hill",
        "hills",
        "heath",
        "green",
        "park",
        "common",
        "vale",
        "valley",
        "wood",
        "woods",
        "field",
        "fields",
        "end",
        "cross",
        "bridge",
        "gate",
        "mews",
        "parade",
        "house",
        "hall",
        "lodge",
        "manor",
        "farm",
        "cottage",
        "cottages",
        "estate",
        "centre",
        "center",
        "hospital",
        "infirmary",
        "surgery",
        "practice",
        "school",
        "academy",
        "college",
        "university",
        "nursery",
        "church",
        "chapel",
        "cathedral",
        "abbey",
        "priory",
        "library",
        "station",
        "ward",
        "unit",
        "clinic",
        "home",
        "homes",
        "trust",
        "council",
        "bay",
        "harbour",
        "quay",
        "mill",
        "market",
        "village",
        "town",
        "brook",
        "ford",
        "marsh",
        "moor",
        "down",
        "downs",
        "meadow",
        "meadows",
        "orchard",
        "bank",
        "side",
        "croft",
        "chase",
        "yard",
        "wharf",
        "dock",
        "heights",
        "view",
        "mount",
        "tower",
        "towers",
        "building",
        "buildings",
        "castle",
        "museum",
        "theatre",
        "club",
        "hotel",
        "arms",
        "inn",
        "forest",
        "lake",
        "island",
        "point",
        "head",
        "water",
        "beach",
        "cliff",
        "port",
        "haven",
        "boulevard",
        "esplanade",
        "embankment",
        "promenade",
        "circus",
        "corner",
        "well",
        "wells",
        "springs",
        "st",
        "rd",
        "ave",
        "ln",
        "cres",
        "sq",
        "terr",
        "gdns",
    ];
    PLACES.contains(&word)
}

/// Verbs whose subject is a person (rule 7: "June said", "Little told me").
pub(super) fn is_person_verb(word: &str) -> bool {
    const VERBS: &[&str] = &[
        "said",
        "says",
        "told",
        "asked",
        "explained",
        "wrote",
        "replied",
        "complained",
        "called",
        "phoned",
        "rang",
        "emailed",
        "texted",
        "visited",
        "attended",
        "agreed",
        "confirmed",
        "felt",
        "wanted",
        "believed",
        "thought",
        "moved",
        "lived",
        "died",
        "went",
        "returned",
        "arrived",
        "left",
        "spoke",
        "contacted",
        "met",
        "received",
        "paid",
        "signed",
        "refused",
        "reported",
        "raised",
    ];
    VERBS.contains(&word)
}

/// Auxiliaries and adverbs after a sentence-initial word (rule 8a).
pub(super) fn is_auxiliary(word: &str) -> bool {
    const AUXILIARIES: &[&str] = &[
        "was", "were", "is", "are", "had", "has", "have", "did", "does", "do", "will", "would",
        "could", "should", "can", "may", "might", "must", "also", "then", "later", "never",
        "still", "again", "not",
    ];
    AUXILIARIES.contains(&word)
}

/// Words before a month that make it a date (rule 5).
pub(super) fn is_date_context(word: &str) -> bool {
    const CONTEXT: &[&str] = &[
        "in",
        "during",
        "since",
        "until",
        "till",
        "by",
        "from",
        "before",
        "after",
        "through",
        "throughout",
        "of",
        "early",
        "mid",
        "late",
        "between",
        "and",
        "to",
    ];
    CONTEXT.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_names_are_words_months_weekdays_or_very_short() {
        for w in ["hope", "grace", "little", "june", "may", "friday", "al"] {
            assert!(is_word_name(w), "{w}");
        }
        for w in ["pemberton", "okonkwo", "reyes", "peggy"] {
            assert!(!is_word_name(w), "{w}");
        }
    }

    #[test]
    fn months_by_name_and_abbreviation() {
        assert_eq!(month("nov"), Some(11));
        assert_eq!(month("sept"), Some(9));
        assert_eq!(month("june"), Some(6));
        assert_eq!(month_by_name("nov"), None);
        assert_eq!(
            street_abbreviations("crescent"),
            &["cres", "cresc", "cr", "crs"]
        );
    }
}
