//! Names nobody listed: after a title ("Dr Eleanor Fairfax-Hughes", "Mr Seán
//! Ó Súilleabháin", "Ms Nic an tSaoir") or as a maiden name ("née
//! Hartigan"); and how a name is read wherever it starts (the names a word
//! for a person introduces are [`super::relations`]'). Names are read with
//! every Latin letter, so "Chloë" is not cut at the "ë".

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, Input, MatchKind};

use super::ranks;
use super::{Confidence, Detection};
use crate::anonymise::hit::Category;
use crate::anonymise::words::{KIN_TITLES, is_weekday, without_possessive};

/// The titles written before a name, in the order they are tried.
const TITLES: [&str; 10] = [
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Mx",
    "Dr",
    "Prof",
    "Rev",
    "Councillor",
    "Cllr",
];

/// Each title or rank; the longest where one starts wins ("Mrs" is not
/// "Mr" and an "s"). One pattern a word (not one with a space and one with
/// a full stop after it), so that the set stays small enough for the
/// vectorised search.
static TITLE: LazyLock<AhoCorasick> = LazyLock::new(|| {
    // Words for kin as titles are written capitalised ("Aunt Mary",
    // "Sister Bernadette Flynn").
    let kin = KIN_TITLES
        .iter()
        .map(|k| format!("{}{}", k[..1].to_ascii_uppercase(), &k[1..]));
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(
            TITLES
                .iter()
                .copied()
                .chain(ranks::ranks())
                .map(|t| t.to_string())
                .chain(kin),
        )
        .expect("plain strings")
});

/// Where `text` writes a title and the space after it ("Mr ", "Dr. "),
/// at the start of a word (no ASCII letter, digit or `_` before it).
fn titles(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let b = text.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        loop {
            let m = TITLE.find(Input::new(text).range(from..))?;
            let start = m.start();
            let after = &b[m.end()..];
            let tail = if after.starts_with(b". ") {
                2
            } else if after.starts_with(b" ") {
                1
            } else {
                0
            };
            if tail == 0
                || start > 0 && (b[start - 1].is_ascii_alphanumeric() || b[start - 1] == b'_')
            {
                // Inside a word, or a word that only starts as a title: a
                // title may still start after this one.
                from = start + 1;
                continue;
            }
            from = m.end() + tail;
            return Some(start..from);
        }
    })
}

/// Lower-case particles inside names: "Nic an tSaoir", "van der Berg".
const PARTICLES: [&str; 16] = [
    "an", "de", "da", "du", "van", "von", "der", "den", "la", "le", "di", "ní", "nic", "mac",
    "bin", "ap",
];

/// Words that end an organisation's name rather than a person's.
pub(super) const ORGANISATION_WORDS: [&str; 40] = [
    "Ltd",
    "Limited",
    "Care",
    "Homecare",
    "Healthcare",
    "Homes",
    "Home",
    "Council",
    "Trust",
    "Services",
    "Group",
    "Surgery",
    "Practice",
    "Partnership",
    "Housing",
    "Association",
    "Agency",
    "Centre",
    "School",
    "Hospital",
    "Gas",
    "Energy",
    "Electric",
    "Electrical",
    "Repairs",
    "Maintenance",
    "Contractors",
    "Construction",
    "Builders",
    "Plumbing",
    "Solutions",
    "Associates",
    "Company",
    "Insurance",
    "Pharmacy",
    "Clinic",
    "Society",
    "Foundation",
    "Charity",
    "Network",
];

/// Whether a capitalised word cannot stand for a person's name beside a
/// relation: an acronym ("GP", "NHS"), a weekday, a title, a feast, a
/// language.
pub(super) fn never_a_name(word: &str) -> bool {
    let acronym = word.chars().count() >= 2 && !word.chars().any(char::is_lowercase);
    acronym
        || is_weekday(word)
        || is_title(word)
        || NOT_NAMES.contains(&word.to_lowercase().as_str())
}

/// Capitalised words no word list has that are not a person's name after
/// "her son": feasts ("she spent with her son Christmas Day"), languages
/// and what a child is taught ("did not teach her son English or
/// Makaton"), the pandemic.
const NOT_NAMES: [&str; 16] = [
    "christmas",
    "easter",
    "whitsun",
    "diwali",
    "eid",
    "hanukkah",
    "ramadan",
    "english",
    "urdu",
    "punjabi",
    "bengali",
    "gujarati",
    "arabic",
    "somali",
    "makaton",
    "covid",
];

/// Whether a word is a title, which begins a titled name rather than
/// stands for one ("Mrs", "Sir").
pub(super) fn is_title(word: &str) -> bool {
    crate::anonymise::reading::is_title(word)
        || ["sir", "lady", "lord", "dame"]
            .iter()
            .any(|t| t.eq_ignore_ascii_case(word))
}

/// Titled names, whole.
pub(super) fn titled(text: &str, out: &mut Vec<Detection>) {
    for m in titles(text) {
        let title = text[m.clone()].trim_end_matches([' ', '.']);
        // "PC 4521 Davies": a police officer's number goes with the name.
        let at = ranks::past_collar_number(text, title, m.end);
        let Some(end) = name_after(text, at, 4, true) else {
            continue;
        };
        let kin = KIN_TITLES.iter().any(|k| k.eq_ignore_ascii_case(title));
        let rank = ranks::is_rank(title);
        let before = &text[..m.start];
        let words = &text[at..end];
        // One word that is never a name ("DS NHS", "Sister Monday").
        let never = !words.contains(' ') && never_a_name(without_possessive(words));
        if (kin || rank) && (never || !ranks::is_name_after_rank(title, at > m.end, before, words))
        {
            continue;
        }
        // A word for kin stays, for the rewrite to read as the relation
        // ("her Aunt Mary" → "her Aunt").
        let start = if kin {
            m.end
        } else {
            ranks::with_force_word(text, title, m.start)
        };
        out.push(heuristic(start..end));
    }
}

/// A maiden name after "née" or "maiden name" ("Mrs Price-Jenkins (née
/// Hartigan)", "her maiden name was Hartigan"): a family name, whether or
/// not it is also a word ("née Rose"). The text is scanned for the end of
/// each cue (SIMD, memchr) and the cue read back from there.
/// The words that say the name after them is a maiden name.
const MAIDEN_CUES: [&str; 8] = [
    "née ",
    "nee ",
    "Née ",
    "Nee ",
    "maiden name was ",
    "maiden name is ",
    "maiden name, ",
    "maiden name ",
];

/// Whether the name at `at` is written as a maiden name ("(née O'Neill)",
/// "her maiden name was O'Neill"): a listed family name there is someone's
/// name before marriage, not the person's own.
pub(crate) fn follows_maiden_cue(text: &str, at: usize) -> bool {
    let head = &text[..at];
    // Every cue ends "e ", "s " or ", ": most names have "Mr " or "Dr "
    // before them, or nothing.
    if !(head.ends_with("e ") || head.ends_with("s ") || head.ends_with(", ")) {
        return false;
    }
    MAIDEN_CUES.iter().any(|cue| {
        head.strip_suffix(cue).is_some_and(|before| {
            before
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
        })
    })
}

pub(super) fn maiden(text: &str, out: &mut Vec<Detection>) {
    static ENDS: LazyLock<[memchr::memmem::Finder<'static>; 3]> = LazyLock::new(|| {
        [
            memchr::memmem::Finder::new("ée "),
            memchr::memmem::Finder::new(b"ee "),
            memchr::memmem::Finder::new(b"aiden name"),
        ]
    });
    let bytes = text.as_bytes();
    for (finder, back) in ENDS.iter().zip(["n".len(), "n".len(), "m".len()]) {
        for found in finder.find_iter(bytes) {
            let Some(at) = found
                .checked_sub(back)
                .filter(|&at| text.is_char_boundary(at))
            else {
                continue;
            };
            let Some(cue) = MAIDEN_CUES.iter().find(|c| text[at..].starts_with(*c)) else {
                continue;
            };
            let alone = text[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let start = at + cue.len();
            if alone && let Some(end) = name_after(text, start, 2, false) {
                out.push(heuristic(start..end));
            }
        }
    }
}

pub(super) fn heuristic(range: Range<usize>) -> Detection {
    Detection {
        range,
        category: Category::Name,
        confidence: Confidence::Heuristic,
        redact: true,
    }
}

/// The end of a person's name starting at `at`: an optional initial (with
/// a titled name), then up to `max` name words, with particles between.
/// `None` when no name starts there.
pub(super) fn name_after(
    text: &str,
    at: usize,
    max: usize,
    initial_allowed: bool,
) -> Option<usize> {
    let mut end = at;
    let mut words = 0;
    let mut pos = at;
    // "Mr J. Smith", "Mr J Smith"
    if initial_allowed && let Some(next) = initial(text, pos) {
        pos = next;
    }
    while words < max {
        let (word_end, kind) = name_word(text, pos)?;
        match kind {
            Word::Name => {
                words += 1;
                end = word_end;
            }
            // A particle or a one-letter name part counts only with a name
            // after it ("Ó Súilleabháin", "an tSaoir").
            Word::Particle => {}
        }
        let rest = &text[word_end..];
        if !rest.starts_with(' ') || words == max {
            break;
        }
        match name_word(text, word_end + 1) {
            Some(_) => pos = word_end + 1,
            None => break,
        }
    }
    (words > 0).then_some(end)
}

#[derive(Debug, PartialEq)]
pub(super) enum Word {
    Name,
    Particle,
}

/// An initial with a space after it: "J " or "J. ".
fn initial(text: &str, at: usize) -> Option<usize> {
    let mut chars = text[at..].char_indices();
    let (_, c) = chars.next()?;
    if !c.is_uppercase() {
        return None;
    }
    let rest = &text[at + c.len_utf8()..];
    let after = rest.strip_prefix('.').unwrap_or(rest);
    let next = after.strip_prefix(' ')?;
    next.starts_with(char::is_uppercase)
        .then(|| text.len() - next.len())
}

/// Where the word of letters, apostrophes and hyphens that ends at `end`
/// starts (`end` when none does).
pub(super) fn word_start(text: &str, end: usize) -> usize {
    text[..end]
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphabetic() || matches!(c, '\'' | '\u{2019}' | '-')))
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// The first byte of `b` at or after `from` where a capitalised word may
/// start (`b.len()` if none): an ASCII capital or the first byte of a
/// character outside ASCII; sixteen bytes at a time, as most bytes of a
/// text are neither (the scan of `crate::anonymise::digits::next_digit`).
pub(super) fn next_capital(b: &[u8], from: usize) -> usize {
    let may_start = |c: &u8| c.wrapping_sub(b'A') < 26 || *c >= 0xC0;
    let mut i = from;
    while let Some(block) = b.get(i..).and_then(<[u8]>::first_chunk::<16>) {
        if block.iter().fold(false, |any, c| any | may_start(c)) {
            break;
        }
        i += 16;
    }
    b.get(i..)
        .and_then(|rest| rest.iter().position(may_start))
        .map_or(b.len(), |n| i + n)
}

/// The name word at `at`, if there is one: its end and kind.
pub(super) fn name_word(text: &str, at: usize) -> Option<(usize, Word)> {
    let rest = text.get(at..)?;
    let len = rest
        .find(|c: char| !(c.is_alphabetic() || is_mark(c) || matches!(c, '\'' | '\u{2019}' | '-')))
        .unwrap_or(rest.len());
    let whole = &rest[..len];
    let word = without_possessive(whole);
    let mut chars = word.chars();
    let first = chars.next()?;
    let second = chars.next();
    let end = at + word.len();
    if PARTICLES.contains(&word) {
        return Some((end, Word::Particle));
    }
    if first.is_uppercase() {
        // A single capital is a particle ("Ó") unless an initial's dot or
        // the end of the name follows.
        return match second {
            None if rest[word.len()..].starts_with(' ') => Some((end, Word::Particle)),
            None => None,
            Some(_) => Some((end, Word::Name)),
        };
    }
    // Irish mutations: "tSaoir", "hÉireann", "nGael".
    if matches!(first, 't' | 'h' | 'n' | 'b' | 'm') && second.is_some_and(char::is_uppercase) {
        return Some((end, Word::Name));
    }
    None
}

fn is_mark(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anonymise::detect::found_by;

    #[test]
    fn the_block_scan_for_capitals_finds_what_a_byte_scan_finds() {
        let text = "a long line of lower case words, then Lisa; then \
                    a longer run of words with no capital in it at all until Ébène and \
                    then x and Z";
        let b = text.as_bytes();
        for from in 0..=b.len() {
            let byte_by_byte = b[from..]
                .iter()
                .position(|&c| c.is_ascii_uppercase() || c >= 0xC0)
                .map_or(b.len(), |k| from + k);
            assert_eq!(next_capital(b, from), byte_by_byte, "from {from}");
        }
    }

    /// What the regex the titles' automaton replaced finds in `text`.
    fn titles_by_regex(text: &str) -> Vec<Range<usize>> {
        static PATTERN: LazyLock<regex::Regex> = LazyLock::new(|| {
            regex::Regex::new(&format!(
                r"(?-u)\b(?:{}|{})\.? ",
                TITLES.join("|"),
                ranks::ranks().collect::<Vec<_>>().join("|")
            ))
            .expect("valid")
        });
        PATTERN.find_iter(text).map(|m| m.range()).collect()
    }

    proptest::proptest! {
        #![proptest_config(crate::anonymise::proptest_config(500, file!()))]
        /// Texts of titles, ranks, their near misses and what may stand
        /// before and after them.
        #[test]
        fn titles_in_any_text(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "Mr", "Mrs", "Ms", "Miss", "Dr", "Cllr", "PC", "PCSO", "DS", "Rev", "Revd",
                ".", " ", "  ", ",", "x", "_", "9", "\u{e9}", "(", "s", "O",
            ]), 0..14),
        ) {
            let text = parts.concat();
            proptest::prop_assert_eq!(titles(&text).collect::<Vec<_>>(), titles_by_regex(&text));
        }
    }

    #[test]
    fn titles_are_found_where_the_pattern_of_them_finds_them() {
        for text in [
            "Mr Smith and Mrs. Jones met Ms Ng, Miss Ali and Mx Roe.",
            "XMr Mrs Smith; _Dr Li; 9Dr Li; éDr Li; (Dr. Li) Mrs.Li Mr.  Li",
            "PCSO Hart, PC. Hart, PCS Hart, DCI Lowe, DC Lowe, DS. Reed",
            "Professor Alan, Prof. Alan, Reverend Jane, Revd Jane, Rev Jane",
            "Mr",
            "Mr ",
            "Mrs Mr Mrs  Mr. Mrs. ",
            "Councillor Cllr Councillors Cllrs Judge Judges Captain",
        ] {
            assert_eq!(
                titles(text).collect::<Vec<_>>(),
                titles_by_regex(text),
                "{text:?}"
            );
        }
    }

    fn titled_in(text: &str) -> Vec<&str> {
        found_by(titled, text)
    }

    #[test]
    fn a_rank_before_a_name_is_a_title() {
        for (text, name) in [
            ("PC Daniel Okoro attended", "PC Daniel Okoro"),
            ("Sgt Okoro said", "Sgt Okoro"),
            ("Father Brendan Moriarty visited", "Father Brendan Moriarty"),
            ("Professor Alan Greaves gave", "Professor Alan Greaves"),
            ("The Reverend Jane Tolley came", "Reverend Jane Tolley"),
            ("DC Hollis rang", "DC Hollis"),
            ("Matron Pargeter said", "Matron Pargeter"),
            ("She saw Sister Pargeter", "Pargeter"),
            ("Aunt Mary came", "Mary"),
        ] {
            assert_eq!(titled_in(text), [name], "{text}");
        }
        for text in [
            "bought from PC World",
            "Father Christmas came",
            "the Judge Rules apply",
            "Inspector Calls was read",
            "Sister Act was shown",
            "Brother Printers sent it",
        ] {
            assert!(titled_in(text).is_empty(), "{text}: {:?}", titled_in(text));
        }
    }

    #[test]
    fn titled_names_with_every_latin_letter_are_whole() {
        for (text, name) in [
            ("Then Ms Chloë Harrowgate said", "Ms Chloë Harrowgate"),
            ("and Mrs Łucja Nowak wrote", "Mrs Łucja Nowak"),
            ("Dr Siân O'Brien agreed", "Dr Siân O'Brien"),
            ("Mr Seán Ó Súilleabháin replied", "Mr Seán Ó Súilleabháin"),
            ("Ms Nic an tSaoir phoned", "Ms Nic an tSaoir"),
            (
                "Dr Eleanor Fairfax-Hughes wrote",
                "Dr Eleanor Fairfax-Hughes",
            ),
            ("Mr J. Mason said", "Mr J. Mason"),
            ("Mrs Zoe\u{0308} Ashworth", "Mrs Zoe\u{0308} Ashworth"),
        ] {
            assert_eq!(titled_in(text), [name], "{text}");
        }
        assert!(titled_in("Mrs X said that Mr Y's son").is_empty());
    }

    #[test]
    fn maiden_names() {
        let text = "Mrs Y (née Hartigan) and Mrs Z, nee Rose, met. Her maiden name was Ó Briain. The guinee ran. Her maiden name was wrong. Éée ée ee ";
        let mut out = Vec::new();
        maiden(text, &mut out);
        let found: Vec<&str> = out.iter().map(|d| &text[d.range.clone()]).collect();
        assert_eq!(found, ["Hartigan", "Rose", "Ó Briain"]);
    }
}
