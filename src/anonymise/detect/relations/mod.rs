//! Names nobody listed that a word for a person introduces: "a neighbour,
//! Chloë Harrowgate, found her", "her son, Tom,", "her son Tom", "her
//! sons, Jack and Harry,", "her social worker, Jo,", "a friend called
//! Tabitha"; and names set off before someone's relation ("Tom, her son,",
//! [`before`]). Which capitalised words after a relation are a name
//! depends on how they stand: set off by commas or brackets, or after
//! "called", any are; straight after someone's relation ("her eldest son",
//! "Mrs X's mother"), or after a word for someone's work, only a word no
//! word list has or a given name (`data/given-names.txt`), so that
//! "offered her son Speech and Language Therapy" and "the manager
//! (Assistant Ombudsman)" stay.

mod before;

pub(super) use before::before_relation;
pub(crate) use before::relation_introduced;

use std::sync::LazyLock;

use regex::Regex;

use super::Detection;
use super::names::{ORGANISATION_WORDS, heuristic, is_title, name_after, never_a_name};
use crate::anonymise::name_tables::is_given_name;
use crate::anonymise::words::{
    KIN_TITLES, is_english_word, is_month, is_word_name, without_possessive,
};

/// Words for a person by their relation to another: a capitalised word
/// straight after "her son" or "Mrs X's neighbour" is a name where it is no
/// word or is a given name ("her son Rhys", "her son Will").
const RELATIONS: [&str; 65] = [
    "son",
    "daughter",
    "mother",
    "father",
    "husband",
    "wife",
    "spouse",
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
    "sons",
    "daughters",
    "children",
    "grandchildren",
    "grandsons",
    "granddaughters",
    "brothers",
    "sisters",
    "parents",
    "friends",
    "neighbours",
    "cousins",
    "godson",
    "goddaughter",
    "godchild",
    "godmother",
    "godfather",
    "godparent",
    "grandparent",
    "grandparents",
    "stepchild",
    "stepchildren",
    "sibling",
    "siblings",
    "mummy",
    "daddy",
    "flatmate",
    "housemate",
    "husbands",
    "wives",
    "aunts",
    "uncles",
    "nieces",
    "nephews",
];

/// Words for a person by their work for another ("her social worker,
/// Jo,", "her physio Rachel") or beside them ("her lodger Tomasz"). Job
/// titles follow them too ("the manager (Assistant Ombudsman)"), so the
/// words after them are a name only where they are no words or a given
/// name comes first.
const PROFESSIONS: [&str; 46] = [
    "worker",
    "physio",
    "dentist",
    "pharmacist",
    "optician",
    "headteacher",
    "lodger",
    "colleague",
    "plumber",
    "electrician",
    "caretaker",
    "warden",
    "officer",
    "manager",
    "nurse",
    "teacher",
    "therapist",
    "assistant",
    "coordinator",
    "adviser",
    "advisor",
    "practitioner",
    "visitor",
    "counsellor",
    "caseworker",
    "keyworker",
    "physiotherapist",
    "psychologist",
    "psychiatrist",
    "midwife",
    "paramedic",
    "receptionist",
    "surveyor",
    "inspector",
    "engineer",
    "operative",
    "childminder",
    "mentor",
    "tutor",
    "supervisor",
    "solicitor",
    "representative",
    "doctor",
    "consultant",
    "councillor",
    "mp",
];

/// Words that may stand between "her" and the relation: "her eldest son",
/// "his late wife", "her twin sister".
const RELATION_ADJECTIVES: [&str; 18] = [
    "eldest",
    "youngest",
    "oldest",
    "elder",
    "younger",
    "older",
    "late",
    "twin",
    "only",
    "little",
    "baby",
    "big",
    "adult",
    "adopted",
    "foster",
    "estranged",
    "former",
    "social",
];

/// Whether a word (any case) may stand between "her" and the relation:
/// "eldest", "late", "twin".
pub(crate) fn is_relation_adjective(word: &str) -> bool {
    RELATION_ADJECTIVES
        .iter()
        .any(|a| a.eq_ignore_ascii_case(word))
}

/// Words that introduce a person by relation or by name (the rarer
/// patterns' pass reads them too).
pub(crate) fn cue_pattern() -> String {
    let words = RELATIONS
        .iter()
        .chain(&KIN_TITLES)
        .chain(&PROFESSIONS)
        .copied()
        .collect::<Vec<_>>()
        .join("|");
    format!(r"(?i-u)\b(?:{words}|lodger|carer|colleague|advocate|ex|called|named)(?:, | \(| )")
}
static CUE: LazyLock<Regex> = LazyLock::new(|| Regex::new(&cue_pattern()).expect("valid regex"));

/// Whether a word is one for a person that "called" or "named" may follow
/// ("a friend called", "a man named").
pub(crate) fn is_person_word(word: &str) -> bool {
    let word = word.to_lowercase();
    let one = |word: &str| {
        RELATIONS.contains(&word)
            || KIN_TITLES.contains(&word)
            || PROFESSIONS.contains(&word)
            || matches!(
                word,
                "lodger"
                    | "carer"
                    | "colleague"
                    | "advocate"
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
    };
    // "carers named Precious and Blessing", "two men called".
    one(&word)
        || word.strip_suffix('s').is_some_and(one)
        || matches!(word.as_str(), "men" | "women" | "people")
}

/// Whether a word (any case) is one for someone's work: "worker",
/// "officer", "nurse".
pub(crate) fn is_profession(word: &str) -> bool {
    PROFESSIONS.iter().any(|p| p.eq_ignore_ascii_case(word))
}

/// Whether a word (any case) is one for a person by their relation to
/// another: kin ("son", "son-in-law", "ex-wife"), a friend, a neighbour, a
/// carer.
pub(crate) fn is_relation(word: &str) -> bool {
    let word = word.to_lowercase();
    let last = word.rsplit('-').next().unwrap_or(&word);
    RELATIONS.contains(&last)
        || KIN_TITLES.contains(&last)
        || PROFESSIONS.contains(&last)
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

/// Whether a word ends as a possessive: "Mrs X's", "X\u{2019}s", "the Smiths'".
fn has_possessive_ending(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("\u{2019}s") || word.ends_with("s'")
}

/// Whether a word makes what follows someone's: "her", "Mrs X's".
fn is_possessive(word: &str) -> bool {
    is_possessive_pronoun(word) || has_possessive_ending(word)
}

/// Untitled names after a word that introduces a person: two or three name
/// words, not all of them English words, not an organisation; or one
/// name word set off by commas, after "called", or straight after
/// someone's relation ("her son Tom", "Mrs X's daughter, Grace,").
pub(super) fn introduced(text: &str, out: &mut Vec<Detection>) {
    for m in CUE.find_iter(text) {
        // "Nurse Practitioner Helen Booth": a job's title of several words
        // is read from its last word, which the next cue is.
        if next_word_is_a_cue(text, m.end()) {
            continue;
        }
        let Some(first) = name_after(text, m.end(), 3, false) else {
            continue;
        };
        // A pair: "her sons, Jack and Harry, visited".
        let second = text[first..]
            .strip_prefix(" and ")
            .and_then(|_| name_after(text, first + " and ".len(), 3, false));
        let end = second.unwrap_or(first);
        let cue = m.as_str().trim_end_matches([',', ' ', '(']).to_lowercase();
        let after = &text[end..];
        let (commas, bracket) = (m.as_str().ends_with(", "), m.as_str().ends_with('('));
        let someones = someones(text, m.start());
        let introduction = Introduction {
            // Set off by commas or brackets ("His neighbour, Dawn Rose,
            // rang", "her son (Tom) rang", "her nephew, Callum (aged 19),"),
            // or ending the clause ("We wrote to her husband, Gareth."),
            // capitalised words are a name even when each is also a word.
            apposition: (commas && set_off(after)) || (bracket && after.starts_with(')')),
            // "a friend called Tabitha", but "an app called Brightsky".
            named: matches!(cue.as_str(), "called" | "named")
                && text[..m.start()]
                    .trim_end()
                    .rsplit(' ')
                    .next()
                    .is_some_and(is_person_word),
            // After a comma that nothing closes ("her husband, Gareth and
            // their dog"), as straight after the relation.
            someones: !bracket && someones.is_some(),
            // "offered her father Telecare": after a verb of giving, a word
            // no list has is what was given, unless it is a given name.
            given_object: someones == Some(Standing::AfterGiving),
            numbered: after
                .strip_prefix(' ')
                .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit())),
            // An advocate is often an organisation ("her advocate, Mencap,").
            advocate: cue == "advocate",
            professional: PROFESSIONS.contains(&cue.as_str()),
        };
        let names = std::iter::once(m.end()..first)
            .chain(second.map(|second| first + " and ".len()..second));
        for range in names {
            let words: Vec<&str> = text[range.clone()].split_whitespace().collect();
            if introduction.is_name(&words) {
                out.push(heuristic(range));
            }
        }
    }
}

/// Whether the words after a name introduced by a comma close it off: a
/// comma, a bracket or the clause's end ("her son, Tom, came", "We wrote
/// to her husband, Gareth.", "her son, Tom (aged 9)").
fn set_off(after: &str) -> bool {
    after.is_empty()
        || after.starts_with([',', ';', ':', ')', '.', '!', '?', '\n', '\r'])
        || after.starts_with(" (")
}

/// Whether the word at `at` is itself a word for a person ("Practitioner"
/// after "Nurse "), so that the cue it makes reads the name after it.
fn next_word_is_a_cue(text: &str, at: usize) -> bool {
    let rest = &text[at..];
    let word = &rest[..rest
        .find(|c: char| !c.is_alphabetic() && c != '-')
        .unwrap_or(rest.len())];
    !word.is_empty() && is_person_word(word)
}

/// How a word for a person stands before the capitalised words after it.
struct Introduction {
    /// The words are set off by commas.
    apposition: bool,
    /// The cue is "called" or "named" after a word for a person.
    named: bool,
    /// The cue is a relation straight after a possessive ("her son Tom").
    someones: bool,
    /// Someone's relation is a verb of giving's object ("offered her
    /// father").
    given_object: bool,
    /// A number follows the word ("her son Year 9", "her mother Ward 5").
    numbered: bool,
    /// The cue is a word for someone's work ("worker", "manager").
    professional: bool,
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
        let given_first = (self.someones || self.professional) && is_given_name(words[0]);
        (!plain_words && !self.given_object)
            || (self.apposition && !self.professional)
            || given_first
    }

    /// Whether one capitalised word is a name: set off by commas or after
    /// "called", whether or not it is also a word ("her son, Will,");
    /// straight after someone's relation if it is no word or a given name
    /// ("her son Rhys", "her son Will", but "offered her son Speech and
    /// Language Therapy").
    fn is_one_name(&self, word: &str) -> bool {
        let bare = without_possessive(word);
        if never_a_name(bare) {
            return false;
        }
        let month = is_month(bare);
        let name_like = is_given_name(bare) || (!is_word_name(bare) && !self.given_object);
        (self.apposition && !self.professional)
            || (self.named && !month)
            || ((self.someones || self.professional) && !month && name_like)
    }
}

/// How someone's relation stands in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Standing {
    /// "her son", "Mrs X's son".
    Plain,
    /// After a verb of giving: "offered her father", "refused his wife".
    AfterGiving,
}

/// Verbs of giving, whose second object follows someone's relation
/// ("offered her father Telecare", "prescribed his wife Oramorph").
const GIVING: [&str; 36] = [
    "offer",
    "offers",
    "offered",
    "provide",
    "provides",
    "provided",
    "prescribe",
    "prescribes",
    "prescribed",
    "award",
    "awards",
    "awarded",
    "grant",
    "grants",
    "granted",
    "refuse",
    "refuses",
    "refused",
    "deny",
    "denies",
    "denied",
    "fund",
    "funds",
    "funded",
    "allocate",
    "allocates",
    "allocated",
    "recommend",
    "recommends",
    "recommended",
    "teach",
    "teaches",
    "taught",
    "issue",
    "issues",
    "issued",
];

/// Whether the relation word the cue at `start` ends is someone's: "her
/// son", "Mrs X's son", "her son-in-law", "his ex-wife", and the second of
/// a pair ("her son Mark and daughter Amy"); and how it stands.
fn someones(text: &str, start: usize) -> Option<Standing> {
    let head = &text[..start];
    // Back over the rest of a hyphenated word ("son-" of "son-in-law").
    let word_start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphabetic() || c == '-'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    if !head[word_start..].is_empty() && !head.ends_with('-') {
        return None;
    }
    let before = &head[..word_start];
    if !before.ends_with(' ') {
        return None;
    }
    let mut words = before
        .split_whitespace()
        .rev()
        .map(|w| w.trim_matches(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}')));
    let mut previous = words.next();
    // "her eldest son", "his late wife", "her social worker".
    for _ in 0..2 {
        match previous {
            Some(word)
                if RELATION_ADJECTIVES
                    .iter()
                    .any(|a| a.eq_ignore_ascii_case(word)) =>
            {
                previous = words.next();
            }
            _ => break,
        }
    }
    match previous {
        Some(word) if is_possessive(word) => {
            let giving = words
                .next()
                .is_some_and(|verb| GIVING.iter().any(|g| g.eq_ignore_ascii_case(verb)));
            Some(if giving {
                Standing::AfterGiving
            } else {
                Standing::Plain
            })
        }
        // "her son Mark and daughter Amy": a name, a relation, someone's.
        Some("and" | "or") => {
            let name = words.next().unwrap_or("");
            let relation = words.next().unwrap_or("");
            (name.starts_with(char::is_uppercase)
                && is_relation(relation)
                && words.next().is_some_and(is_possessive))
            .then_some(Standing::Plain)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests;
