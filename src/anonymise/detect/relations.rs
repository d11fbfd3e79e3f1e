//! Names nobody listed that a word for a person introduces: "a neighbour,
//! Chloë Harrowgate, found her", "her son, Tom,", "her son Tom", "a friend
//! called Tabitha". Which capitalised words after a relation are a name
//! depends on how they stand: set off by commas or after "called" any are;
//! straight after someone's relation ("her son", "Mrs X's mother") only a
//! word no word list has or a given name (`data/given-names.txt`), so
//! that "offered her son Speech and Language Therapy" stays.

use std::sync::LazyLock;

use regex::Regex;

use super::Detection;
use super::names::{ORGANISATION_WORDS, heuristic, name_after};
use crate::anonymise::name_tables::is_given_name;
use crate::anonymise::words::{
    is_english_word, is_month, is_weekday, is_word_name, without_possessive,
};

/// Words for a person by their relation to another: a capitalised word
/// straight after "her son" or "Mrs X's neighbour" is a name where it is no
/// word or is a given name ("her son Rhys", "her son Will").
const RELATIONS: [&str; 48] = [
    "brother",
    "sister",
    "son",
    "daughter",
    "mother",
    "father",
    "husband",
    "wife",
    "spouse",
    "aunt",
    "uncle",
    "cousin",
    "niece",
    "nephew",
    "grandson",
    "granddaughter",
    "grandchild",
    "grandmother",
    "grandfather",
    "stepson",
    "stepdaughter",
    "stepmother",
    "stepfather",
    "stepbrother",
    "stepsister",
    "mum",
    "mam",
    "mom",
    "dad",
    "nan",
    "nana",
    "nanna",
    "gran",
    "granny",
    "grandma",
    "grandpa",
    "grandad",
    "granddad",
    "in-law",
    "fiance",
    "fiancee",
    "fiancé",
    "fiancée",
    "neighbour",
    "friend",
    "partner",
    "boyfriend",
    "girlfriend",
];

/// Words that introduce a person by relation or by name (the rarer
/// patterns' pass reads them too).
pub(crate) fn cue_pattern() -> String {
    let words = RELATIONS.join("|");
    format!(r"(?i-u)\b(?:{words}|lodger|carer|colleague|advocate|ex|called|named)(?:, | \(| )")
}
static CUE: LazyLock<Regex> = LazyLock::new(|| Regex::new(&cue_pattern()).expect("valid regex"));

/// Whether a word is one for a person that "called" or "named" may follow
/// ("a friend called", "a man named").
pub(crate) fn is_person_word(word: &str) -> bool {
    let word = word.to_lowercase();
    RELATIONS.contains(&word.as_str())
        || matches!(
            word.as_str(),
            "lodger"
                | "man"
                | "woman"
                | "boy"
                | "girl"
                | "child"
                | "person"
                | "lady"
                | "gentleman"
                | "someone"
        )
}

/// Whether a word (any case) is one for a person by their relation to
/// another: kin ("son", "son-in-law", "ex-wife"), a friend, a neighbour, a
/// carer.
pub(crate) fn is_relation(word: &str) -> bool {
    let word = word.to_lowercase();
    let last = word.rsplit('-').next().unwrap_or(&word);
    RELATIONS.contains(&last)
        || word.ends_with("in-law")
        || matches!(last, "lodger" | "carer" | "colleague" | "ex")
}

/// Words before "son" or "mother" that make them someone's: "her son",
/// "Mrs X's son" (a possessive ending is read apart).
const POSSESSIVES: [&str; 6] = ["her", "his", "their", "my", "our", "your"];

/// Whether a word (any case) is a possessive pronoun: "her", "his" …
fn is_possessive_pronoun(word: &str) -> bool {
    POSSESSIVES.iter().any(|p| p.eq_ignore_ascii_case(word))
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

/// Titles, which begin a titled name rather than stand for one.
const TITLES: [&str; 14] = [
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "rev",
    "sir",
    "lady",
    "lord",
    "dame",
    "councillor",
    "cllr",
];

/// Untitled names after a word that introduces a person: two or three name
/// words, not all of them English words, not an organisation; or one
/// name word set off by commas, after "called", or straight after
/// someone's relation ("her son Tom", "Mrs X's daughter, Grace,").
pub(super) fn introduced(text: &str, out: &mut Vec<Detection>) {
    for m in CUE.find_iter(text) {
        let Some(end) = name_after(text, m.end(), 3, false) else {
            continue;
        };
        let words: Vec<&str> = text[m.end()..end].split_whitespace().collect();
        let cue = m.as_str().trim_end_matches([',', ' ', '(']).to_lowercase();
        let after = &text[end..];
        let (commas, bracket) = (m.as_str().ends_with(", "), m.as_str().ends_with('('));
        let introduction = Introduction {
            // Set off by commas or brackets ("His neighbour, Dawn Rose,
            // rang", "her son (Tom) rang"), capitalised words are a name
            // even when each is also a word.
            apposition: (commas && after.starts_with([',', ';', ')']))
                || (bracket && after.starts_with(')')),
            // "a friend called Tabitha", but "an app called Brightsky".
            named: matches!(cue.as_str(), "called" | "named")
                && text[..m.start()]
                    .trim_end()
                    .rsplit(' ')
                    .next()
                    .is_some_and(is_person_word),
            someones: !commas && !bracket && is_someones(text, m.start()),
            numbered: text[end..]
                .strip_prefix(' ')
                .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit())),
            // An advocate is often an organisation ("her advocate, Mencap,").
            advocate: cue == "advocate",
        };
        if introduction.is_name(&words) {
            out.push(heuristic(m.end()..end));
        }
    }
}

/// How a word for a person stands before the capitalised words after it.
struct Introduction {
    /// The words are set off by commas.
    apposition: bool,
    /// The cue is "called" or "named" after a word for a person.
    named: bool,
    /// The cue is a relation straight after a possessive ("her son Tom").
    someones: bool,
    /// A number follows the word ("her son Year 9", "her mother Ward 5").
    numbered: bool,
    /// The cue is "advocate".
    advocate: bool,
}

impl Introduction {
    /// Whether the capitalised words after the cue are a person's name.
    fn is_name(&self, words: &[&str]) -> bool {
        let Some(last) = words.last() else {
            return false;
        };
        if ORGANISATION_WORDS.contains(last) || crate::anonymise::reading::is_place_word(last) {
            return false;
        }
        if let [word] = words {
            return !self.advocate && !self.numbered && self.is_one_name(word);
        }
        let plain_words = words.iter().all(|w| is_english_word(w));
        // "her husband Frank Baker": a given name first.
        !plain_words || self.apposition || (self.someones && is_given_name(words[0]))
    }

    /// Whether one capitalised word is a name: set off by commas or after
    /// "called", whether or not it is also a word ("her son, Will,");
    /// straight after someone's relation if it is no word or a given name
    /// ("her son Rhys", "her son Will", but "offered her son Speech and
    /// Language Therapy").
    fn is_one_name(&self, word: &str) -> bool {
        let bare = without_possessive(word);
        let lower = bare.to_lowercase();
        let acronym = bare.chars().count() >= 2 && !bare.chars().any(char::is_lowercase);
        if acronym
            || is_weekday(bare)
            || TITLES.contains(&lower.as_str())
            || NOT_NAMES.contains(&lower.as_str())
        {
            return false;
        }
        let month = is_month(bare);
        self.apposition
            || (self.named && !month)
            || (self.someones && !month && (!is_word_name(bare) || is_given_name(bare)))
    }
}

/// A name set off before someone's relation: "Tom, her son, visited",
/// "She lived with Sheila, her mother." One word no word list has or a
/// given name, or two or three whose first is a given name or none a word
/// ("Chloë Harrowgate, her neighbour,"); never a title's name (the titled
/// names' own), a place or an organisation.
pub(super) fn before_relation(text: &str, out: &mut Vec<Detection>) {
    static COMMA: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new(", "));
    for comma in COMMA.find_iter(text.as_bytes()) {
        let rest = &text[comma + 2..];
        let Some(possessor) = possessor_len(rest) else {
            continue;
        };
        let after = &rest[possessor + 1..];
        let len = after
            .find(|c: char| !(c.is_alphabetic() || c == '-'))
            .unwrap_or(after.len());
        let (relation, tail) = after.split_at(len);
        let closes = tail.is_empty()
            || tail.starts_with([',', '.', ';', ')', '!', '?'])
            || tail.starts_with(" and ");
        if !closes || !is_relation(relation) {
            continue;
        }
        let start = names_before(text, comma);
        let words: Vec<&str> = text[start..comma].split(' ').collect();
        if let Some(skip) = name_before(&words) {
            let start = start + words[..skip].iter().map(|w| w.len() + 1).sum::<usize>();
            out.push(heuristic(start..comma));
        }
    }
}

/// The length of the words that make the relation after them someone's,
/// at the start of `text`: a possessive pronoun ("her son") or up to four
/// capitalised words, the last a possessive ("Mr Rooke's cousin", "Mrs
/// X's son"); a space follows them.
pub(crate) fn possessor_len(text: &str) -> Option<usize> {
    let mut len = 0;
    for (i, word) in text.split(' ').take(5).enumerate() {
        let end = len + word.len();
        if end >= text.len() {
            return None;
        }
        if i == 0 && is_possessive_pronoun(word) {
            return Some(end);
        }
        if i == 4 || !word.starts_with(char::is_uppercase) {
            return None;
        }
        if word.ends_with("'s") || word.ends_with("\u{2019}s") || word.ends_with("s'") {
            return Some(end);
        }
        len = end + 1;
    }
    None
}

/// Where the capitalised words that end at `end` start: up to three, one
/// space apart (`end` when there are none).
fn names_before(text: &str, end: usize) -> usize {
    let word_start = |head: &str| {
        head.char_indices()
            .rev()
            .find(|&(_, c)| !(c.is_alphabetic() || matches!(c, '\'' | '\u{2019}' | '-')))
            .map_or(0, |(i, c)| i + c.len_utf8())
    };
    let mut start = end;
    for _ in 0..3 {
        let at = word_start(&text[..start]);
        if at == start || !text[at..].starts_with(char::is_uppercase) {
            break;
        }
        start = at;
        // Another capitalised word one space before continues the name.
        let Some(before) = text[..start].strip_suffix(' ') else {
            break;
        };
        let previous = word_start(before);
        if previous == before.len() || !before[previous..].starts_with(char::is_uppercase) {
            break;
        }
        start = before.len();
    }
    start
}

/// Words before a place or a time: "In Chester, her son" is no name.
const PREPOSITIONS: [&str; 12] = [
    "in", "at", "on", "near", "from", "to", "into", "outside", "around", "by", "via", "since",
];

/// Whether the capitalised words before ", her son" are a name, and where
/// it starts among them: "Then Tom" is Tom.
fn name_before(words: &[&str]) -> Option<usize> {
    let first = words.first()?.to_lowercase();
    if PREPOSITIONS.contains(&first.as_str()) {
        return None;
    }
    if let [opener, rest @ ..] = words
        && !rest.is_empty()
        && is_word_name(opener)
        && !is_given_name(opener)
    {
        // A sentence's first word before the name ("Then Tom, her son,").
        return is_given_name(rest[0]).then_some(1);
    }
    is_name_before(words).then_some(0)
}

/// Whether the capitalised words before ", her son" are a name.
fn is_name_before(words: &[&str]) -> bool {
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    let lower = first.to_lowercase();
    if TITLES.contains(&lower.as_str())
        || ORGANISATION_WORDS.contains(last)
        || crate::anonymise::reading::is_place_word(last)
    {
        return false;
    }
    if let [word] = words {
        let acronym = word.chars().count() >= 2 && !word.chars().any(char::is_lowercase);
        return !(acronym
            || is_weekday(word)
            || is_month(word)
            || NOT_NAMES.contains(&lower.as_str()))
            && (!is_word_name(word) || is_given_name(word));
    }
    is_given_name(first) || !words.iter().any(|w| is_word_name(w))
}

/// Whether the relation word the cue at `start` ends is someone's: "her
/// son", "Mrs X's son", "her son-in-law", "his ex-wife", and the second of
/// a pair ("her son Mark and daughter Amy").
fn is_someones(text: &str, start: usize) -> bool {
    let head = &text[..start];
    // Back over the rest of a hyphenated word ("son-" of "son-in-law").
    let word_start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphabetic() || c == '-'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    if !head[word_start..].is_empty() && !head.ends_with('-') {
        return false;
    }
    let before = &head[..word_start];
    if !before.ends_with(' ') {
        return false;
    }
    let mut words = before
        .split_whitespace()
        .rev()
        .map(|w| w.trim_matches(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}')));
    let is_possessive = |word: &str| {
        is_possessive_pronoun(word)
            || word.ends_with("'s")
            || word.ends_with("\u{2019}s")
            || word.ends_with("s'")
    };
    match words.next() {
        Some(word) if is_possessive(word) => true,
        // "her son Mark and daughter Amy": a name, a relation, someone's.
        Some("and" | "or") => {
            let name = words.next().unwrap_or("");
            let relation = words.next().unwrap_or("");
            name.starts_with(char::is_uppercase)
                && is_relation(relation)
                && words.next().is_some_and(is_possessive)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn before_relation_in(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        before_relation(text, &mut out);
        out.iter().map(|d| &text[d.range.clone()]).collect()
    }

    #[test]
    fn a_name_set_off_before_someones_relation() {
        for (text, name) in [
            ("Tom, her son, visited.", "Tom"),
            ("She lived with Sheila, her mother.", "Sheila"),
            ("and Rhys, his stepson, came.", "Rhys"),
            ("Then Tom, her son, and Amy came.", "Tom"),
            ("With Grace, her daughter, she went.", "Grace"),
            (
                "Chloë Harrowgate, her neighbour, found her.",
                "Chloë Harrowgate",
            ),
            ("Grace Hope, her carer; rang", "Grace Hope"),
            ("and Darren, her son-in-law and carer, rang", "Darren"),
            ("Kayden, Mr Rooke's cousin, stayed.", "Kayden"),
            ("Tom, Mrs X\u{2019}s son, visited.", "Tom"),
        ] {
            assert_eq!(before_relation_in(text), [name], "{text}");
        }
        for text in [
            "Yesterday, her son visited.",
            "However, her son, who lives nearby, visited.",
            "In Leeds, her son, who lives nearby, visited.",
            "At Christmas, her son visited.",
            "On Monday, her son, Mr Y, visited.",
            "In April, her son.",
            "In Chester, her son, who lives nearby, visited.",
            "Social Services, her son said.",
            "Mr Tom Smith, her son, visited.",
            "Mencap, her advocate, wrote.",
            "The GP, her son, said.",
            "Tom, her son lives nearby.",
            "Tom, Mr Rooke visited.",
            "Tom, the son, visited.",
        ] {
            assert!(
                before_relation_in(text).is_empty(),
                "{text}: {:?}",
                before_relation_in(text)
            );
        }
    }

    #[test]
    fn introduced_names() {
        let text = "A neighbour, Chloë Harrowgate, found her. Her carer Bright Star Homecare came. Her son Mr Y. His neighbour, Dawn Rose, rang. Her friend Grace Hope helped. Her friend, Church Lane, is near.";
        let mut out = Vec::new();
        introduced(text, &mut out);
        let found: Vec<&str> = out.iter().map(|d| &text[d.range.clone()]).collect();
        // Words that are also names count as a name set off by commas or
        // after someone's relation with a given name first.
        assert_eq!(found, ["Chloë Harrowgate", "Dawn Rose", "Grace Hope"]);
        let text = "Her friend, Tabitha, visited. A friend called Tabitha came. Her son, Rory, and her advocate, Mencap, wrote. Her friend, Grace, came. Her friend Tabitha rang. She used an app called Brightsky. Her partner, Dele, helped.";
        let mut out = Vec::new();
        introduced(text, &mut out);
        let found: Vec<&str> = out.iter().map(|d| &text[d.range.clone()]).collect();
        // One name word: set off by commas or after "called", word or not;
        // straight after someone's friend if it is no word or a given name.
        assert_eq!(
            found,
            ["Tabitha", "Tabitha", "Rory", "Grace", "Tabitha", "Dele"]
        );
    }

    fn introduced_in(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        introduced(text, &mut out);
        out.iter().map(|d| &text[d.range.clone()]).collect()
    }

    #[test]
    fn a_given_name_after_someones_kin_is_a_name_word_or_not() {
        for (text, name) in [
            ("Mrs X's son, Tom, lives nearby.", "Tom"),
            ("Mrs X\u{2019}s son Tom lives nearby.", "Tom"),
            ("Her husband, John, had died.", "John"),
            ("Her daughter Grace visited.", "Grace"),
            ("His brother Mark rang the Council.", "Mark"),
            ("Her son Will wrote twice.", "Will"),
            ("She told her daughter Amy.", "Amy"),
            ("Her granddaughter Faith's school rang.", "Faith"),
            ("Her son-in-law Darren moved in.", "Darren"),
            ("His ex-wife, Joy, complained.", "Joy"),
            ("Her mum, Sheila, came.", "Sheila"),
            ("Her ex, Darren, called.", "Darren"),
            ("(her stepson Rhys) agreed", "Rhys"),
            ("Her daughter, June, visited.", "June"),
            ("Her husband Frank Baker was her carer.", "Frank Baker"),
            ("Her partner Dele helped.", "Dele"),
            ("Her carer Bronwen came late.", "Bronwen"),
            ("Her carer Pat came late.", "Pat"),
            ("Her friend Grace Hope helped.", "Grace Hope"),
            ("Her son (Tom) rang twice.", "Tom"),
            ("a friend called Grace", "Grace"),
        ] {
            assert_eq!(introduced_in(text), [name], "{text}");
        }
        let pair = "with her son Mark and daughter Amy, and his son-in-law Rhys or niece Bea.";
        assert_eq!(introduced_in(pair), ["Mark", "Amy", "Rhys", "Bea"]);
        assert_eq!(
            introduced_in("with a son Mark and daughter Amy"),
            [] as [&str; 0]
        );
        for text in [
            // Not someone's, or not straight after the relation word.
            "The son Tom said.",
            "Son Tom said.",
            "She and her son. Tom said.",
            // Someone's relation with a word after it that is no given name.
            "Our partner Agencies met.",
            "The school did not teach her son English or Maths.",
            "The Council did not offer her son Speech and Language Therapy.",
            "It refused her daughter Physiotherapy.",
            "Her son Year 9 teacher rang.",
            "Her mother Ward 5 nurse rang.",
            "Her son (Year 9) rang.",
            // Titles, labels, acronyms, weekdays, months, feasts, places and
            // organisations.
            "Her son Mr Y said.",
            "Her son Y said.",
            "Her daughter Mrs Z said.",
            "Her son GP records were lost.",
            "She told her son NHS staff would call.",
            "She saw her son Monday and Tuesday.",
            "She saw her son June 2024.",
            "She spent with her son Christmas morning.",
            "Her son Council tenancy ended.",
            "Her mother Hospital stay was long.",
            "She told her daughter Social Services would call.",
        ] {
            assert!(
                introduced_in(text).is_empty(),
                "{text}: {:?}",
                introduced_in(text)
            );
        }
    }
}
