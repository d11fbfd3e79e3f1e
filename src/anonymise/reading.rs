//! Reading a listed name that is also a word: is "June" a person or a
//! month, "Brook" an officer or a street, "Little" a child or the word?
//!
//! A name part that is an English word, a month or a weekday is replaced
//! only where the text reads it as a name: after a title, beside another
//! part of the same person's name, as a possessive, before a verb only a
//! person does, or capitalised in the middle of a sentence. It is left as
//! written in a date ("14 June 2024", "in June"), in a street or place name
//! ("Brook Street", "Kingsley Heath"), at the start of a sentence followed by
//! a lower-case noun ("Little progress was made") and wherever it is written
//! in lower case ("we hope"). What no rule decides is [`Reading::Undecided`]:
//! the anonymiser prints the label (a word wrongly replaced reads oddly; a
//! name wrongly left is a leak) and reports the sentence for a person to
//! check.
//!
//! The rules are shared with the verifier, which implements them in its own
//! code; the order here is theirs.

use std::ops::Range;

use super::words::is_month;

/// How a text reads one occurrence of a name that is also a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reading {
    /// The person's name: replace it.
    Name,
    /// The ordinary word: leave it.
    Word,
    /// No rule decides: replace it and report it.
    Undecided,
}

/// One occurrence of a word-name in a text.
pub(crate) struct Occurrence<'a> {
    /// The whole text.
    pub text: &'a str,
    /// The name as written (no title), a byte range of `text`.
    pub range: Range<usize>,
    /// Whether every person who has this name has it as a family name
    /// (a surname alone rarely starts a sentence: "Little was done").
    pub family: bool,
    /// Whether `word` is a part of the same person's name.
    pub same_person: &'a dyn Fn(&str) -> bool,
    /// Whether `word` is a part of any listed person's name.
    pub any_person: &'a dyn Fn(&str) -> bool,
}

/// Titles before a name.
const TITLES: [&str; 10] = [
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "rev",
    "councillor",
    "cllr",
];

/// Words after which a month is a date: "in June", "since June".
const DATE_BEFORE: [&str; 10] = [
    "in",
    "during",
    "since",
    "until",
    "till",
    "throughout",
    "early",
    "mid",
    "late",
    "last",
];

/// Nouns that make "the end of June" a date.
const DATE_OF: [&str; 6] = ["end", "beginning", "start", "middle", "half", "part"];

/// Words after which a bare month may be a date or a person ("by June",
/// "from June"): undecided unless a day, a year or another month follows.
const DATE_OR_PERSON_BEFORE: [&str; 4] = ["by", "from", "before", "after"];

/// Capitalised words that make the word before them part of a place,
/// street or institution name: "Brook Street", "Rose Garden".
const PLACE_WORDS: &[&str] = &[
    "street",
    "st",
    "road",
    "rd",
    "lane",
    "ln",
    "avenue",
    "ave",
    "close",
    "cl",
    "crescent",
    "cres",
    "drive",
    "dr",
    "rise",
    "garden",
    "gardens",
    "gdns",
    "square",
    "sq",
    "terrace",
    "terr",
    "court",
    "ct",
    "way",
    "row",
    "place",
    "pl",
    "walk",
    "grove",
    "hill",
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
    "surgery",
    "practice",
    "school",
    "academy",
    "college",
    "university",
    "nursery",
    "church",
    "chapel",
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
    "moor",
    "marsh",
    "down",
    "downs",
    "brook",
    "ridge",
    "meadow",
    "meadows",
    "wharf",
    "yard",
    "view",
    "croft",
    "tower",
    "towers",
    "primary",
    "infants",
    "junior",
    "court",
    "mansions",
    "buildings",
    "wharf",
    "hythe",
    "cove",
    "point",
    "island",
    "forest",
    "lake",
    "river",
    "water",
    "well",
    "wells",
    "hospice",
    "care",
    "group",
    "partnership",
    "partners",
];

/// Verbs that only a person does, after a name: "June said".
const PERSON_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "asked",
    "asks",
    "explained",
    "explains",
    "wrote",
    "writes",
    "replied",
    "complained",
    "complains",
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
    "feels",
    "wanted",
    "wants",
    "believed",
    "believes",
    "thought",
    "thinks",
    "moved",
    "lived",
    "lives",
    "died",
    "went",
    "returned",
    "arrived",
    "left",
    "spoke",
    "speaks",
    "contacted",
    "met",
    "received",
    "paid",
    "signed",
    "refused",
    "reported",
    "raised",
    "recalled",
    "remembers",
    "remembered",
    "insisted",
    "disagreed",
    "accepted",
    "declined",
    "cried",
    "fell",
    "needed",
    "needs",
    "became",
    "lost",
    "stayed",
    "says",
    "added",
    "noted",
    "queried",
    "requested",
    "chose",
    "decided",
    "knew",
    "worried",
    "saw",
    "heard",
    "suffered",
    "struggled",
    "managed",
    "tried",
    "continued",
];

/// Reads one occurrence of a name that is also a word.
pub(crate) fn read(o: &Occurrence<'_>) -> Reading {
    let written = &o.text[o.range.clone()];
    // 1. Written in lower case: the word.
    if written.starts_with(|c: char| c.is_lowercase()) {
        return Reading::Word;
    }
    let before = words_before(o.text, o.range.start, 3);
    let after = words_after(o.text, o.range.end, 6);
    // 2. After a title, perhaps with a given name or initial between.
    let titled = |w: &Word<'_>| TITLES.contains(&w.lower().trim_end_matches('.'));
    if before.first().is_some_and(|w| titled(w))
        || (before.len() >= 2
            && titled(&before[1])
            && before[0].capitalised()
            && before[0].glued_after())
    {
        return Reading::Name;
    }
    // 3. Beside another part of the same name.
    let next_same = after
        .first()
        .is_some_and(|w| w.glued_before() && (o.same_person)(w.text));
    let prev_same = before
        .first()
        .is_some_and(|w| w.glued_after() && (o.same_person)(w.text));
    if next_same || prev_same {
        return Reading::Name;
    }
    // 4. A possessive.
    if possessive_follows(&o.text[o.range.end..]) {
        return Reading::Name;
    }
    // 5. A month in a date.
    if is_month(written) {
        if let Some(reading) = date_reading(&before, &after) {
            return reading;
        }
    }
    // 6. Part of another proper noun.
    if let Some(next) = after
        .first()
        .filter(|w| w.glued_before() && w.capitalised())
        && PLACE_WORDS.contains(&next.lower().trim_end_matches('.'))
    {
        return Reading::Word;
    }
    let starts = starts_sentence(o.text, o.range.start);
    if PLACE_WORDS.contains(&written.to_lowercase().as_str())
        && let Some(prev) = before
            .first()
            .filter(|w| w.glued_after() && w.capitalised())
        && !starts_sentence(o.text, prev.start)
        && !titled(prev)
        && !(o.any_person)(prev.text)
    {
        return Reading::Word;
    }
    // 7. A verb only a person does.
    let next_lower = after
        .first()
        .filter(|w| w.glued_before() && w.text.starts_with(char::is_lowercase));
    if next_lower.is_some_and(|w| PERSON_VERBS.contains(&w.text)) {
        return Reading::Name;
    }
    // 8. At the start of a sentence. A surname alone rarely starts one
    // ("Little was done", "Little progress"); a given name often does
    // ("Destiny repeated what she had said"), and a word list cannot tell
    // a verb from a noun, so only a past tense settles it.
    if starts {
        return match next_lower {
            Some(_) if o.family => Reading::Word,
            Some(_) if person_verb_follows(&after) => Reading::Name,
            _ => Reading::Undecided,
        };
    }
    // 9. A proper noun in running text.
    Reading::Name
}

/// Reads a name of several words that are all also words ("Rose Hill",
/// "Mark Brown"): a name unless written in lower case or followed by a
/// place word ("Rose Hill Road").
pub(crate) fn read_phrase(o: &Occurrence<'_>) -> Reading {
    if o.text[o.range.clone()].starts_with(|c: char| c.is_lowercase()) {
        return Reading::Word;
    }
    let after = words_after(o.text, o.range.end, 1);
    let place = after.first().is_some_and(|w| {
        w.glued_before()
            && w.capitalised()
            && PLACE_WORDS.contains(&w.lower().trim_end_matches('.'))
    });
    if place { Reading::Word } else { Reading::Name }
}

/// Whether the words after a name are what a person does: a past tense or
/// a person verb, perhaps after an auxiliary and adverbs ("Destiny
/// repeated", "Mark was discharged", "Mark has still not been refunded",
/// "Mark has paid"). "Hope was fading" and "Hope did not receive" stay open.
fn person_verb_follows(after: &[Word<'_>]) -> bool {
    const FILLERS: [&str; 21] = [
        "was", "were", "is", "are", "had", "has", "have", "been", "being", "also", "still", "not",
        "never", "always", "then", "later", "again", "already", "soon", "just", "often",
    ];
    let content = after
        .iter()
        .take_while(|w| w.glued_before() && w.text.starts_with(char::is_lowercase))
        .find(|w| !FILLERS.contains(&w.text));
    content.is_some_and(|w| {
        (w.text.len() > 3 && w.text.ends_with("ed")) || PERSON_VERBS.contains(&w.text)
    })
}

/// Whether a month name reads as a date, and how sure that is.
fn date_reading(before: &[Word<'_>], after: &[Word<'_>]) -> Option<Reading> {
    let next = after.first().filter(|w| w.glued_before());
    let prev = before.first().filter(|w| w.glued_after());
    let day_or_year = |w: &Word<'_>| is_day(w.text) || is_year(w.text);
    if next.is_some_and(day_or_year) || prev.is_some_and(|w| is_day(w.text)) {
        return Some(Reading::Word);
    }
    // "14th of June"
    if prev.is_some_and(|w| w.lower() == "of")
        && before
            .get(1)
            .is_some_and(|w| is_day(w.text) || DATE_OF.contains(&w.lower().as_str()))
    {
        return Some(Reading::Word);
    }
    // "May to June", "between May and June", "May–June"
    let range_word =
        |w: &Word<'_>| matches!(w.lower().as_str(), "to" | "and" | "-" | "–" | "until");
    let month_beyond = |words: &[Word<'_>]| {
        words.first().is_some_and(range_word) && words.get(1).is_some_and(|w| is_month(w.text))
    };
    if month_beyond(after) || month_beyond(before) {
        return Some(Reading::Word);
    }
    let prev_lower = prev.map(|w| w.lower()).unwrap_or_default();
    if DATE_BEFORE.contains(&prev_lower.as_str()) {
        return Some(Reading::Word);
    }
    if DATE_OR_PERSON_BEFORE.contains(&prev_lower.as_str()) {
        return Some(Reading::Undecided);
    }
    None
}

fn is_day(word: &str) -> bool {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    matches!(suffix, "" | "st" | "nd" | "rd" | "th")
        && (1..=2).contains(&digits.len())
        && digits.chars().all(|c| c.is_ascii_digit())
        && digits.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
}

fn is_year(word: &str) -> bool {
    let w = word.trim_start_matches(['\'', '\u{2019}']);
    let all_digits = !w.is_empty() && w.chars().all(|c| c.is_ascii_digit());
    all_digits && (w.len() == 4 || (w.len() == 2 && word.len() > 2))
}

/// Whether the text right after a name is a possessive ('s, ’s, s').
fn possessive_follows(after: &str) -> bool {
    let mut chars = after.chars();
    match chars.next() {
        Some('\'' | '\u{2019}') => match chars.next() {
            Some('s' | 'S') => !chars.next().is_some_and(char::is_alphanumeric),
            _ => false,
        },
        _ => false,
    }
}

/// Whether a sentence starts at byte `at`: the start of the text, of a
/// line, after ". ", "! ", "? ", after a list marker, or after an opening
/// quote or bracket that does.
pub(crate) fn starts_sentence(text: &str, at: usize) -> bool {
    let head = text[..at].trim_end_matches([' ', '\t', '\u{a0}']);
    let Some(last) = head.chars().next_back() else {
        return true;
    };
    match last {
        '\n' | '\r' => true,
        '.' | '!' | '?' => head.len() < at || is_list_marker_line(head),
        '(' | '"' | '\u{201C}' | '\u{2018}' | '\'' | '[' => {
            starts_sentence(text, head.len() - last.len_utf8())
        }
        ')' => is_list_marker_line(head),
        '-' | '\u{2022}' | '*' => {
            let rest = head[..head.len() - last.len_utf8()].trim_end_matches([' ', '\t']);
            rest.is_empty() || rest.ends_with('\n')
        }
        _ => false,
    }
}

/// Whether `head` ends with a list marker that starts its line: "a)",
/// "(iv)", "12." or "1.".
fn is_list_marker_line(head: &str) -> bool {
    let line = head.rsplit('\n').next().unwrap_or(head).trim_start();
    let marker = line.trim_end_matches(['.', ')']).trim_start_matches('(');
    !marker.is_empty()
        && marker.len() <= 4
        && (marker.chars().all(|c| c.is_ascii_digit())
            || (marker.len() == 1 && marker.chars().all(|c| c.is_ascii_lowercase()))
            || marker.chars().all(|c| matches!(c, 'i' | 'v' | 'x')))
}

/// A word of the text near a name.
#[derive(Debug, Clone, Copy)]
struct Word<'a> {
    text: &'a str,
    start: usize,
    /// The characters between this word and the name side of it: only
    /// spaces (glued) or punctuation too.
    gap: &'a str,
}

impl Word<'_> {
    fn lower(&self) -> String {
        self.text.to_lowercase()
    }

    fn capitalised(&self) -> bool {
        self.text.starts_with(char::is_uppercase)
    }

    /// Nothing but spaces between this word (before the name) and the name.
    fn glued_after(&self) -> bool {
        self.gap.chars().all(|c| c == ' ' || c == '\u{a0}')
    }

    /// Nothing but spaces between the name and this word (after it).
    fn glued_before(&self) -> bool {
        self.gap.chars().all(|c| c == ' ' || c == '\u{a0}') || matches!(self.text, "-" | "–")
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\'' | '\u{2019}' | '.')
}

/// Up to `n` words before `at`, nearest first. Punctuation between words is
/// kept as the gap; a dash standing alone is a word ("May – June").
fn words_before(text: &str, at: usize, n: usize) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut end = at;
    while out.len() < n {
        let head = &text[..end];
        let trimmed = head.trim_end_matches(|c: char| !is_word_char(c) && !matches!(c, '–'));
        if trimmed.is_empty() || trimmed.ends_with('\n') {
            break;
        }
        let gap = &head[trimmed.len()..];
        if gap.contains('\n') {
            break;
        }
        let start = if trimmed.ends_with('–') {
            trimmed.len() - '–'.len_utf8()
        } else {
            trimmed.rfind(|c: char| !is_word_char(c)).map_or(0, |i| {
                i + trimmed[i..].chars().next().map_or(1, char::len_utf8)
            })
        };
        let word = trimmed[start..].trim_end_matches('.');
        let word = if word.is_empty() {
            &trimmed[start..]
        } else {
            word
        };
        out.push(Word {
            text: word,
            start,
            gap,
        });
        end = start;
    }
    out
}

/// Up to `n` words after `at`, nearest first.
fn words_after(text: &str, at: usize, n: usize) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = at;
    while out.len() < n {
        let tail = &text[start..];
        let skipped = tail.len()
            - tail
                .trim_start_matches(|c: char| !is_word_char(c) && c != '–' && c != '-')
                .len();
        let gap = &tail[..skipped];
        if gap.contains('\n') || skipped == tail.len() {
            break;
        }
        let from = start + skipped;
        let rest = &text[from..];
        let len = if rest.starts_with(['–', '-']) {
            rest.chars().next().map_or(1, char::len_utf8)
        } else {
            rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len())
        };
        // A full stop ends the sentence, not the word ("in June.").
        let word = rest[..len].trim_end_matches('.');
        if word.is_empty() {
            break;
        }
        out.push(Word {
            text: word,
            start: from,
            gap,
        });
        start = from + len;
        if rest[..len].ends_with('.') && len > 1 {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads the first occurrence of `name` in `text`; `family` as given.
    fn reading(text: &str, name: &str, family: bool) -> Reading {
        let start = text.find(name).expect("name in text");
        read(&Occurrence {
            text,
            range: start..start + name.len(),
            family,
            same_person: &|w| matches!(w, "Pargeter" | "June" | "Little" | "Ben"),
            any_person: &|w| matches!(w, "Pargeter" | "June" | "Little" | "Ben"),
        })
    }

    #[test]
    fn months_in_dates_are_words() {
        for text in [
            "On 14 June 2024 the Council wrote.",
            "It wrote on June 14, 2024.",
            "It wrote in June.",
            "By the end of June the plan was late.",
            "on the 3rd of June",
            "from May to June",
            "between April and June 2023",
            "It was due in mid June.",
            "The June 2024 review",
            "until June '24",
        ] {
            assert_eq!(reading(text, "June", false), Reading::Word, "{text}");
        }
    }

    #[test]
    fn names_are_names() {
        for text in [
            "Mrs June Pargeter complained.",
            "She spoke to Mrs June about it.",
            "June Pargeter complained.",
            "June's daughter called.",
            "The Council wrote to June about it.",
            "June said the carers were late.",
            "In the end, June moved to a care home.",
            "Later June told me.",
        ] {
            assert_eq!(reading(text, "June", false), Reading::Name, "{text}");
        }
    }

    #[test]
    fn words_in_places_and_at_sentence_starts_stay() {
        assert_eq!(
            reading("She lives on Brook Street.", "Brook", true),
            Reading::Word
        );
        assert_eq!(
            reading("a walk on Kingsley Heath", "Heath", true),
            Reading::Word
        );
        assert_eq!(
            reading("Little was done about it.", "Little", true),
            Reading::Word
        );
        assert_eq!(
            reading("Little progress was made.", "Little", true),
            Reading::Word
        );
        assert_eq!(
            reading("Will the Council act?", "Will", true),
            Reading::Word
        );
        assert_eq!(reading("We hope so.", "hope", false), Reading::Word);
        assert_eq!(
            reading("The Rose Garden was shut.", "Rose", false),
            Reading::Word
        );
    }

    #[test]
    fn a_given_name_starting_a_sentence_is_never_simply_a_word() {
        assert_eq!(
            reading("Destiny repeated it.", "Destiny", false),
            Reading::Name
        );
        assert_eq!(
            reading("Destiny told CAMHS.", "Destiny", false),
            Reading::Name
        );
        assert_eq!(
            reading("Will the Council act?", "Will", false),
            Reading::Undecided
        );
        assert_eq!(reading("Hope remains.", "Hope", false), Reading::Undecided);
        assert_eq!(
            reading("Mark was discharged.", "Mark", false),
            Reading::Name
        );
        assert_eq!(
            reading("Mark has still not been refunded.", "Mark", false),
            Reading::Name
        );
        assert_eq!(reading("Mark has paid half.", "Mark", false), Reading::Name);
        assert_eq!(
            reading("Hope did not receive it.", "Hope", false),
            Reading::Undecided
        );
    }

    #[test]
    fn what_no_rule_decides_is_undecided() {
        assert_eq!(
            reading("Grace was upset.", "Grace", false),
            Reading::Undecided
        );
        assert_eq!(
            reading("Hope, the Council said, was ill.", "Hope", false),
            Reading::Undecided
        );
        assert_eq!(
            reading("It must be done by June.", "June", false),
            Reading::Undecided
        );
        assert_eq!(
            reading("- Grace was upset", "Grace", false),
            Reading::Undecided
        );
        assert_eq!(
            reading("12. Grace was upset", "Grace", false),
            Reading::Undecided
        );
    }

    #[test]
    fn sentence_starts() {
        assert!(starts_sentence("Hope", 0));
        assert!(starts_sentence("It rained. Hope", 11));
        assert!(starts_sentence("a) Hope", 3));
        assert!(starts_sentence("(Hope", 1));
        assert!(!starts_sentence("to Hope", 3));
    }
}
