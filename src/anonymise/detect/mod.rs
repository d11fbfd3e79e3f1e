//! Detectors for identifiers nobody listed.
//!
//! Each detector validates what it finds: NHS numbers by their check digit
//! and a context word, National Insurance numbers by HMRC's prefix rules,
//! postcodes by Royal Mail's positional rules, phone numbers by length and
//! prefix (Ofcom's drama ranges included), dates of birth only with a
//! context word, bank details only with theirs, record numbers only after
//! their names ([`records`]). Heuristics (titled names,
//! street addresses) rank below validated values. Nothing here is a generic
//! date or number detector: event dates, durations, references, statutes
//! and money are left alone.
//!
//! What the detectors find is replaced by a category placeholder in the
//! redacted variant and listed as a finding for publication staff.
//!
//! A pattern runs only over a text that can hold a match: the digit-bearing
//! shapes where the bytes are laid out as they need ([`hints`]), the bank
//! numbers where their context words are.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

mod affiliated;
mod bank;
mod coordinated;
mod families;
mod greetings;
mod hints;
mod lone;
mod named;
mod names;
mod ranks;
mod records;
mod relations;
mod residence;
mod streets;
mod untitled;

pub(crate) use affiliated::where_from_at;
pub(crate) use coordinated::beside_listed;
pub(crate) use families::{family_follows, neighbours_follow};
pub(crate) use names::follows_maiden_cue;
pub(crate) use ranks::{is_police_rank, surely_an_officer};
pub(crate) use relations::{
    cue_pattern, is_person_word, is_profession, is_relation, is_relation_adjective,
    relation_introduced,
};
pub(crate) use streets::street_pattern;

use super::hit::Category;
use super::rare::Rare;
use super::values::{self, Shape};
use crate::ids;
use hints::Hints;

/// How sure a detector is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// A shape plus a heuristic (a title before a capitalised word).
    Heuristic,
    /// A shape that passed validation (check digit, prefix rules, context).
    Validated,
}

/// Something that looks like an identifier nobody listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detection {
    /// Byte range in the text.
    pub range: Range<usize>,
    /// What it looks like.
    pub category: Category,
    /// How sure.
    pub confidence: Confidence,
    /// Whether it is replaced (some weak shapes are only reported).
    pub redact: bool,
}

/// Public numbers and mailboxes that are never redacted (organisations'
/// published lines).
#[derive(Debug, Clone, Default)]
pub struct AllowList {
    phones: Vec<String>,
    emails: Vec<String>,
}

impl AllowList {
    /// An allow list of phone numbers (any format) and email addresses or
    /// local parts ending in `@` ("enquiries@").
    pub fn new(phones: &[String], emails: &[String]) -> Self {
        Self {
            phones: phones.iter().filter_map(|p| ids::phone_key(p)).collect(),
            emails: emails.iter().map(|e| ids::email_key(e)).collect(),
        }
    }

    fn allows_phone(&self, key: &str) -> bool {
        // Public-body lines (03) and freephone (0800/0808) are organisations'.
        self.phones.iter().any(|p| p == key)
    }

    fn allows_email(&self, key: &str) -> bool {
        self.emails.iter().any(|e| {
            if e.ends_with('@') {
                key.starts_with(e.as_str())
            } else {
                e == key
            }
        })
    }
}

static VEHICLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u)\b[A-HJ-PR-Y]{2}(0[2-9]|[1-7]\d) ?[A-HJ-PR-Z]{3}\b").expect("valid regex")
});
static OLD_VEHICLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u)\b(?:[A-Z]\d{1,3} ?[A-Z]{3}|[A-Z]{3} ?\d{1,3}[A-Z])\b").expect("valid regex")
});
/// Context words: a weak shape counts only near one of these.
const NHS_CONTEXT: [&str; 6] = [
    "nhs",
    "chi",
    "h&c",
    "patient",
    "hospital number",
    "health number",
];
const BIRTH_CONTEXT: [&str; 6] = ["born", "date of birth", "dob", "d.o.b", "b.", "birthday"];
const VEHICLE_CONTEXT: [&str; 8] = [
    "registration",
    "reg",
    "vehicle",
    "car",
    "number plate",
    "vrm",
    "pcn",
    "dvla",
];

/// Runs every detector over `text`, whose value-shaped pieces are
/// `candidates` ([`values::candidates`]) and whose rarer patterns `rare`
/// says may match.
pub(crate) fn detect(
    text: &str,
    candidates: &[values::Candidate],
    allow: &AllowList,
    rare: Rare,
) -> Vec<Detection> {
    let mut out = Vec::new();
    // ASCII lower case keeps every byte where it was, so the candidates'
    // ranges (offsets into `text`) read the same place in `lower`; the
    // context words looked for are all ASCII.
    let lower = text.to_ascii_lowercase();
    for c in candidates {
        if let Some(d) = candidate(text, &lower, c, allow) {
            out.push(d);
        }
    }
    names::titled(text, &mut out);
    untitled::untitled(text, &mut out);
    if rare.introduced {
        relations::introduced(text, &mut out);
    }
    relations::before_relation(text, &mut out);
    affiliated::affiliated(text, &mut out);
    lone::lone(text, &mut out);
    families::families(text, &mut out);
    named::named(text, &lower, &mut out);
    named::quoted_after_a_person(text, &mut out);
    greetings::greetings(text, &mut out);
    names::maiden(text, &mut out);
    online_profiles(text, &lower, &mut out);
    residence::residences(text, &lower, &mut out);
    // Every other shape holds a digit, and each pattern runs only where
    // the text has what it needs (see [`hints`]).
    if text.bytes().any(|b| b.is_ascii_digit()) {
        let hints = Hints::of(text);
        if rare.street {
            streets::street_addresses(text, &mut out);
        }
        if hints.capital_by_digit {
            vehicles(text, &lower, &mut out);
        }
        bank::bank_details(text, &lower, &mut out);
        records::record_numbers(text, &lower, &mut out);
        ip_addresses(text, &lower, &mut out);
    }
    out
}

/// What a detector finds in `text`, as written (for the detectors' tests).
#[cfg(test)]
fn found_by(detector: fn(&str, &mut Vec<Detection>), text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    detector(text, &mut out);
    out.iter().map(|d| &text[d.range.clone()]).collect()
}

fn validated(range: Range<usize>, category: Category) -> Detection {
    Detection {
        range,
        category,
        confidence: Confidence::Validated,
        redact: true,
    }
}

fn candidate(
    text: &str,
    lower: &str,
    c: &values::Candidate,
    allow: &AllowList,
) -> Option<Detection> {
    let range = c.range.clone();
    match c.shape {
        Shape::Email => (!allow.allows_email(&c.key)).then(|| validated(range, Category::Email)),
        Shape::Phone if allow.allows_phone(&c.key) => None,
        // A slash belongs to dates and references; only a listed number
        // written with one is a phone number.
        Shape::Phone if text[range.clone()].contains('/') => None,
        // 03 (public bodies) and 0800/0808 (freephone) are organisations'
        // lines: reported for a person to check, not replaced.
        Shape::Phone if is_organisation_line(&c.key) => Some(Detection {
            redact: false,
            ..validated(range, Category::Phone)
        }),
        Shape::Phone => Some(validated(range, Category::Phone)),
        Shape::Nino => ids::nino_valid(&c.key).then(|| validated(range, Category::NiNumber)),
        Shape::Postcode => {
            // Without its space a postcode is also a reference code: it
            // needs an address around it (a street, a town, "postcode").
            let spaced = text[range.clone()].contains(' ');
            (spaced
                || near(
                    lower,
                    &range,
                    40,
                    &["postcode", "road", "street", "lane", "avenue", ","],
                ))
            .then(|| validated(range, Category::Postcode))
        }
        Shape::Nhs => {
            if !ids::nhs_valid(&c.key) {
                return None;
            }
            // A valid number with no context word is reported, not replaced:
            // one random ten-digit number in eleven passes the check.
            let context = near(lower, &range, 60, &NHS_CONTEXT);
            Some(Detection {
                redact: context,
                ..validated(range, Category::NhsNumber)
            })
        }
        Shape::Date => birth_cue_before(lower, range.start).then(|| Detection {
            confidence: Confidence::Heuristic,
            ..validated(range, Category::DateOfBirth)
        }),
    }
}

/// The surname of each titled name that was kept, wherever else it stands
/// capitalised on its own ("Mr Will Mason … Mason said"), with a given name
/// or an initial before it ("Will Mason", "W. Mason", where "Mason" alone
/// would not have been read as a name).
pub(crate) fn bare_surnames(text: &str, names: &[&str]) -> Vec<Detection> {
    let mut surnames: Vec<&str> = names
        .iter()
        .filter_map(|n| n.split(' ').next_back())
        .collect();
    surnames.sort_unstable();
    surnames.dedup();
    let mut out = Vec::new();
    for surname in surnames.into_iter().filter(|s| s.len() > 2) {
        // The words before the surname in the names that have it.
        let given: Vec<&str> = names
            .iter()
            .filter(|n| n.ends_with(surname))
            .flat_map(|n| n.split(' ').rev().skip(1))
            .filter(|w| !names::is_title(w.trim_end_matches('.')))
            .collect();
        let word = crate::anonymise::words::is_word_name(surname);
        for (at, _) in text.match_indices(surname) {
            let range = given_before(text, at, &given)..at + surname.len();
            let before = text[..at].chars().next_back();
            let after = text[range.end..].chars().next();
            let boundary = !before.is_some_and(char::is_alphanumeric)
                && !after.is_some_and(char::is_alphanumeric);
            // A surname that is a word, alone inside a run of capitalised
            // words, is a title's word ("the White Paper", "Local
            // Government White"), not the person.
            if boundary && !(word && range.start == at && in_capitalised_run(text, at, range.end)) {
                out.push(Detection {
                    range,
                    category: Category::Name,
                    confidence: Confidence::Heuristic,
                    redact: true,
                });
            }
        }
    }
    out
}

/// Whether a capitalised word stands right before `start` (not one that
/// starts a sentence) or right after `end`, a space apart.
fn in_capitalised_run(text: &str, start: usize, end: usize) -> bool {
    let after = text[end..]
        .strip_prefix(' ')
        .is_some_and(|r| r.starts_with(char::is_uppercase));
    let before = text[..start].strip_suffix(' ').is_some_and(|head| {
        let word = head.rsplit([' ', '\n']).next().unwrap_or("");
        let rest = head[..head.len() - word.len()].trim_end();
        let starts_sentence = rest.is_empty() || rest.ends_with(['.', '!', '?', ':']);
        // A word that ends a sentence ("Row. Mason said") is no run's.
        let ends_sentence = word.ends_with(['.', '!', '?', ':']);
        word.starts_with(char::is_uppercase) && !starts_sentence && !ends_sentence
    });
    after || before
}

/// Where the name whose surname starts at `at` starts: at the word before
/// it when that is one of `given` (the words before the surname where the
/// name was found whole), a given name or an initial ("H.", "H").
fn given_before(text: &str, at: usize, given: &[&str]) -> usize {
    let Some(head) = text[..at].strip_suffix(' ') else {
        return at;
    };
    let start = head
        .rfind(|c: char| !(c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '\u{2019}')))
        .map_or(0, |i| {
            i + head[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &head[start..];
    let letters = word.trim_end_matches('.');
    let capitalised = letters.starts_with(char::is_uppercase);
    // "A" and "I" are words unless a full stop makes them initials.
    let initial = letters.chars().count() == 1
        && capitalised
        && (word.ends_with('.') || !matches!(letters, "A" | "I"));
    let named = capitalised
        && (given.contains(&letters) || crate::anonymise::name_tables::is_given_name(letters));
    if initial || named { start } else { at }
}

fn vehicles(text: &str, lower: &str, out: &mut Vec<Detection>) {
    for c in VEHICLE.captures_iter(text) {
        let age: u32 = c[1].parse().unwrap_or(0);
        if (2..=29).contains(&age) || (51..=79).contains(&age) {
            out.push(validated(
                c.get(0).expect("whole match").range(),
                Category::Vehicle,
            ));
        }
    }
    for m in OLD_VEHICLE.find_iter(text) {
        if near(lower, &m.range(), 30, &VEHICLE_CONTEXT) {
            out.push(Detection {
                confidence: Confidence::Heuristic,
                ..validated(m.range(), Category::Vehicle)
            });
        }
    }
}

/// A social-media profile's address ("facebook.com/tabitha.carmichael")
/// and a handle ("@tabbycarm"): whoever's they are, they point to a
/// person.
fn online_profiles(text: &str, lower: &str, out: &mut Vec<Detection>) {
    static PROFILE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i-u)\b(?:https?://)?(?:www\.|m\.)?(?:facebook|fb|instagram|twitter|x|tiktok|linkedin|youtube|threads|snapchat|reddit)\.com/[a-z0-9_./@%?=&-]*[a-z0-9_/]",
        )
        .expect("valid regex")
    });
    if lower.contains(".com/") {
        for m in PROFILE.find_iter(text) {
            out.push(validated(m.range(), Category::OnlineId));
        }
    }
    for (at, _) in text.match_indices('@') {
        if let Some(end) = handle_at(text, at) {
            out.push(validated(at..end, Category::OnlineId));
        }
    }
}

/// IPv4 addresses after their name ("her IP address is 192.0.2.44", "IP:
/// 192.0.2.44"): four numbers of 0 to 255 joined by dots, the name no more
/// than forty bytes before (a paragraph "4.3.2.1" has none).
fn ip_addresses(text: &str, lower: &str, out: &mut Vec<Detection>) {
    static IP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?-u)\b(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\b").expect("valid regex")
    });
    if !lower.contains("ip") {
        return;
    }
    for c in IP.captures_iter(text) {
        let whole = c.get(0).expect("the match");
        let octets = (1..=4).all(|i| c[i].parse::<u16>().is_ok_and(|n| n <= 255));
        let joined = text[whole.end()..].starts_with('.')
            && text[whole.end() + 1..].starts_with(|ch: char| ch.is_ascii_digit());
        let before =
            &lower[lower.floor_char_boundary(whole.start().saturating_sub(40))..whole.start()];
        let named = before
            .split(|ch: char| !ch.is_ascii_alphanumeric())
            .any(|word| word == "ip");
        if octets && !joined && named && !text[..whole.start()].ends_with('.') {
            out.push(validated(whole.range(), Category::OnlineId));
        }
    }
}

/// The end of a handle starting with the "@" at `at`: two to thirty
/// letters, digits or underscores, after a space, a bracket or a quote and
/// not before a domain (then it is an email address, or part of one).
fn handle_at(text: &str, at: usize) -> Option<usize> {
    let before = text[..at].chars().next_back();
    if before.is_some_and(|c| !(c.is_whitespace() || matches!(c, '(' | '[' | '"' | '\u{201C}'))) {
        return None;
    }
    let rest = &text[at + 1..];
    let len = rest
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
        .count();
    let after = &rest[len..];
    let domain = after
        .strip_prefix('.')
        .is_some_and(|a| a.starts_with(|c: char| c.is_ascii_alphanumeric()));
    let glued = after.starts_with(|c: char| c == '@' || c.is_alphanumeric());
    ((2..=30).contains(&len) && !domain && !glued).then_some(at + 1 + len)
}

/// Whether a national number is in a range organisations use.
fn is_organisation_line(key: &str) -> bool {
    key.starts_with("03") || key.starts_with("0800") || key.starts_with("0808")
}

/// Whether a context word is within `chars` bytes of `range` (either side).
fn near(lower: &str, range: &Range<usize>, chars: usize, words: &[&str]) -> bool {
    let start = floor(lower, range.start.saturating_sub(chars));
    let end = floor(lower, (range.end + chars).min(lower.len()));
    let window = &lower[start..end];
    words.iter().any(|w| contains_word(window, w))
}

/// Whether a context word is within `chars` bytes before `at`.
fn near_before(lower: &str, at: usize, chars: usize, words: &[&str]) -> bool {
    let start = floor(lower, at.saturating_sub(chars));
    let window = &lower[start..floor(lower, at)];
    words.iter().any(|w| contains_word(window, w))
}

/// Whether the date at `at` is what a birth word before it is about: "born
/// on 12 March 1948", "DOB: 12/03/1948", "born in Leeds on …", but not an
/// event's date after another clause ("born in 1941, left hospital on 3
/// March 2025", "born in 1941. He left …"). Between the word and the date
/// are a few words at most, and no number, comma or full stop.
fn birth_cue_before(lower: &str, at: usize) -> bool {
    let start = floor(lower, at.saturating_sub(40));
    let window = &lower[start..floor(lower, at)];
    // Every birth word has a "b" in it.
    if !window.contains('b') {
        return false;
    }
    let cue_end = BIRTH_CONTEXT
        .iter()
        .filter_map(|w| {
            window
                .match_indices(w)
                .filter(|&(i, _)| {
                    let before = window[..i].chars().next_back();
                    let after = window[i + w.len()..].chars().next();
                    let edge = |c: Option<char>| !c.is_some_and(char::is_alphanumeric);
                    edge(before) && (w.ends_with('.') || edge(after))
                })
                .map(|(i, _)| i + w.len())
                .last()
        })
        .max();
    let Some(cue_end) = cue_end else {
        return false;
    };
    let between = &window[cue_end..];
    !between.contains(|c: char| c.is_ascii_digit() || matches!(c, ',' | '.' | ';'))
        && between.split_whitespace().count() <= 4
}

fn contains_word(window: &str, word: &str) -> bool {
    if !word.starts_with(char::is_alphanumeric) {
        return window.contains(word);
    }
    window.match_indices(word).any(|(i, _)| {
        let before = window[..i].chars().next_back();
        let after = window[i + word.len()..].chars().next();
        let edge = |c: Option<char>| !c.is_some_and(char::is_alphanumeric);
        edge(before) && (word.ends_with('.') || edge(after))
    })
}

fn floor(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests;
