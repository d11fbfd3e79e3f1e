//! Quasi-identifiers: details that do not name anyone but could identify
//! them to a motivated intruder (the ICO's test): exact ages, years of
//! birth, named schools, small places, rare conditions. They are reported
//! for a person to decide, never changed silently.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use super::digits::digit_runs;
use super::needles::Needles;
use super::words::is_english_word;

/// What kind of quasi-identifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuasiKind {
    /// An exact age ("who was 75", "an 85-year-old").
    Age,
    /// A year or month of birth.
    BirthYear,
    /// A named school, nursery or college.
    School,
    /// A place that is not a body's area.
    Place,
    /// A named medical condition (rare ones identify people).
    Condition,
    /// How rare a condition is ("about 1 in 150,000 people"): it tells a
    /// reader the person is one of a handful.
    Prevalence,
    /// How small a place is ("a hamlet of 80", "a village of about 140
    /// people"): with an age and a rare condition, it points to one person.
    SmallPlace,
}

impl QuasiKind {
    /// In words.
    pub fn describe(self) -> &'static str {
        match self {
            Self::Age => "exact age",
            Self::BirthYear => "year of birth",
            Self::School => "named school",
            Self::Place => "place",
            Self::Condition => "named condition",
            Self::Prevalence => "how rare a condition is",
            Self::SmallPlace => "how small a place is",
        }
    }
}

static AGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u)\b(?:aged|who (?:was|is)|age of|(?i:she|he) (?:was|is)) \d{1,3}\b|\b\d{1,3}[- ]years?[- ]old\b")
        .expect("valid regex")
});
static SMALL_PLACE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i-u)\b(?:a|the) (?:small |tiny |remote |little )?(?:hamlet|village|town|settlement|island|community|parish)",
        r"(?: of| with| where)? (?:about |around |only |just |fewer than |under |some )?[\d,]+",
        r"(?: (?:people|residents|inhabitants|households|homes|houses))?\b",
    ))
    .expect("valid regex")
});
static BIRTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i-u)\bborn (?:in )?(?:(?:january|february|march|april|may|june|july|august|september|october|november|december) )?(?:19|20)\d{2}\b")
        .expect("valid regex")
});
static SCHOOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u)\b(?:St\.? )?(?:[A-Z][a-z']+ ){1,4}(?:Primary|Secondary|Infant|Junior|Grammar|High) School\b|\b(?:[A-Z][a-z']+ ){1,4}(?:Primary|Academy|Nursery|College|School)\b")
        .expect("valid regex")
});
static PLACE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u)\b(?:in|at|from|near|of) (?:[A-Z][a-z]+)(?: [A-Z][a-z]+){0,2}\b")
        .expect("valid regex")
});
static CONDITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?-u)\b[A-Z][a-z]+(?:'s)?(?: [a-z]+)?[ -](?:syndrome|disease|dystrophy|palsy|ataxia)\b",
        r"|(?i:\b(?:an? )?(?:very |extremely )?rare (?:genetic |inherited |medical |neurological |bone )?(?:condition|disease|disorder)\b)",
    ))
    .expect("valid regex")
});

static PREVALENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i-u)\b(?:(?:about|around|approximately|roughly|fewer than|less than|under|only|some) )?",
        r"(?:1|one) in (?:every )?[\d,]+(?: (?:\w+ )?(?:people|persons|births|babies|children|adults|men|women|girls|boys))?\b",
        r"|\b(?:affects|affecting) (?:only |fewer than |about |around )?[\d,]+ (?:\w+ )?(?:people|children|families|adults)\b",
        r"|\bone of (?:only |just )?(?:a handful|[\d,]+|a few|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|a dozen)(?: known)? (?:people|children|cases|patients|adults)\b",
        r"|\bonly [\d,]+ (?:known |recorded |reported )?cases\b",
    ))
    .expect("valid regex")
});

/// Words one of which each pattern needs, as the text writes them: a
/// pattern is run only over a text that holds one (most hold none), so
/// nothing it would find is lost. The case-blind patterns' words are
/// looked for in the text in lower case.
static SMALL_PLACE_WORDS: LazyLock<Needles> = LazyLock::new(|| {
    Needles::new(&[
        "hamlet",
        "village",
        "town",
        "settlement",
        "island",
        "community",
        "parish",
    ])
});
static BIRTH_WORDS: LazyLock<Needles> = LazyLock::new(|| Needles::new(&["born "]));
/// (The first of SCHOOL's forms ends in "School".)
static SCHOOL_WORDS: LazyLock<Needles> =
    LazyLock::new(|| Needles::new(&["School", "Primary", "Academy", "Nursery", "College"]));
/// The named conditions' last words (as written), and the rare ones' word.
static CONDITION_WORDS: LazyLock<Needles> =
    LazyLock::new(|| Needles::new(&["syndrome", "disease", "dystrophy", "palsy", "ataxia"]));
static RARE_WORDS: LazyLock<Needles> = LazyLock::new(|| Needles::new(&["rare "]));
static PREVALENCE_WORDS: LazyLock<Needles> =
    LazyLock::new(|| Needles::new(&["1 in ", "one in ", "affect", "one of ", "cases"]));

/// Every match of `re` in `text`, as a quasi-identifier of `kind`.
fn all(re: &Regex, text: &str, kind: QuasiKind, out: &mut Vec<(QuasiKind, Range<usize>)>) {
    out.extend(re.find_iter(text).map(|m| (kind, m.range())));
}

/// Quasi-identifiers in `text`; `named` says whether a place is a body's
/// (the council's area is named anyway).
pub(crate) fn find(text: &str, named: &dyn Fn(&str) -> bool) -> Vec<(QuasiKind, Range<usize>)> {
    let mut out: Vec<(QuasiKind, Range<usize>)> = Vec::new();
    let lower = text.to_ascii_lowercase();
    // "she was 91", not "she was 12 weeks late".
    if may_write_age(lower.as_bytes()) {
        out.extend(
            AGE.find_iter(text)
                .filter(|m| !count_follows(&text[m.end()..]))
                .map(|m| (QuasiKind::Age, m.range())),
        );
    }
    if SMALL_PLACE_WORDS.in_text(&lower) {
        all(&SMALL_PLACE, text, QuasiKind::SmallPlace, &mut out);
    }
    if BIRTH_WORDS.in_text(&lower) {
        all(&BIRTH, text, QuasiKind::BirthYear, &mut out);
    }
    if SCHOOL_WORDS.in_text(text) {
        all(&SCHOOL, text, QuasiKind::School, &mut out);
    }
    if CONDITION_WORDS.in_text(text) || RARE_WORDS.in_text(&lower) {
        all(&CONDITION, text, QuasiKind::Condition, &mut out);
    }
    if PREVALENCE_WORDS.in_text(&lower) {
        all(&PREVALENCE, text, QuasiKind::Prevalence, &mut out);
    }
    for m in PLACE.find_iter(text) {
        // The place is what follows the preposition and its space (the
        // pattern's group, found without the slower search for groups).
        let at = m.as_str().find(' ').map_or(m.end(), |i| m.start() + i + 1);
        let place = &text[at..m.end()];
        let words: Vec<&str> = place.split(' ').collect();
        // Proper nouns only: no ordinary words ("in March", "at Home"), no
        // body's area, nothing that is a placeholder or label.
        const NOT_PLACES: [&str; 14] = [
            "Mr",
            "Mrs",
            "Ms",
            "Miss",
            "Mx",
            "Dr",
            "The",
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ];
        let first = words[0];
        // "Upper Tillingham" is a place; "at Home" and "in March" are not.
        let ordinary = words.iter().all(|w| is_english_word(w))
            || NOT_PLACES.contains(&first)
            || crate::case::MONTHS.contains(&first);
        let proper = !ordinary && first.len() > 2;
        if proper && !named(place) {
            out.push((QuasiKind::Place, at..m.end()));
        }
    }
    out.sort_by_key(|(_, r)| r.start);
    out.dedup_by(|a, b| a.1.start < b.1.end && b.1.start < a.1.end);
    out
}

/// Whether a text (lower case) may hold an [`AGE`]: a number right after
/// "aged ", "was ", "is " or "age of ", or right before " year" or
/// "-year". Most texts with numbers hold dates only, and this look at the
/// numbers' ends is cheaper than the regex's scan of every byte.
fn may_write_age(lower: &[u8]) -> bool {
    digit_runs(lower).any(|run| {
        let (before, after) = (&lower[..run.start], &lower[run.end..]);
        [&b"aged "[..], b"was ", b"is ", b"age of "]
            .iter()
            .any(|w| before.ends_with(w))
            || after.starts_with(b" year")
            || after.starts_with(b"-year")
    })
}

/// Whether a number is followed by a unit that makes it a count, not an
/// age ("12 weeks", "20 minutes", "40%").
fn count_follows(after: &str) -> bool {
    let word = after
        .trim_start()
        .split(|c: char| !c.is_alphanumeric() && c != '%')
        .next()
        .unwrap_or("");
    matches!(
        word,
        "weeks"
            | "days"
            | "months"
            | "hours"
            | "minutes"
            | "times"
            | "per"
            | "%"
            | "pounds"
            | "pence"
            | "miles"
            | "metres"
            | "kg"
            | "stone"
            | "percent"
            | "visits"
            | "calls"
    )
}

/// Whether the text holds the three details that together point to one
/// person, as a motivated intruder reads them: an age, a rare condition (or
/// how rare it is) and a place (or how small it is).
pub(crate) fn is_combination(all: &[(QuasiKind, Range<usize>)]) -> bool {
    let has = |kinds: &[QuasiKind]| all.iter().any(|(k, _)| kinds.contains(k));
    has(&[QuasiKind::Age])
        && has(&[QuasiKind::Condition, QuasiKind::Prevalence])
        && has(&[QuasiKind::Place, QuasiKind::SmallPlace])
}

/// Whether a quasi-identifier must be reviewed before publication (a
/// finding), not only listed: how rare a condition is, a partial date of
/// birth, an exact age in the same text as a named condition or a place,
/// and every part of an age, a rare condition and a place together
/// (the ICO's motivated-intruder test: the combination is what identifies).
pub(crate) fn is_finding(kind: QuasiKind, all: &[(QuasiKind, Range<usize>)]) -> bool {
    if is_combination(all) && kind != QuasiKind::School {
        return true;
    }
    match kind {
        QuasiKind::Prevalence | QuasiKind::BirthYear => true,
        QuasiKind::Age => all.iter().any(|(k, _)| {
            matches!(
                k,
                QuasiKind::Condition
                    | QuasiKind::Place
                    | QuasiKind::Prevalence
                    | QuasiKind::SmallPlace
            )
        }),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_age_look_misses_no_age_the_regex_finds() {
        // Every string of up to five of these pieces: where the regex finds
        // an age, the look says there may be one.
        let pieces = [
            "aged ", "was ", "She ", "who is ", "age of ", "7", "12", "-", " ", "years", "old", "x",
        ];
        let mut texts = vec![String::new()];
        let mut last = vec![String::new()];
        for _ in 0..5 {
            last = last
                .iter()
                .flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}")))
                .collect();
            texts.extend(last.iter().cloned());
        }
        let mut ages = 0;
        for text in &texts {
            if AGE.is_match(text) {
                ages += 1;
                assert!(
                    may_write_age(text.to_ascii_lowercase().as_bytes()),
                    "{text:?}"
                );
            }
        }
        assert!(ages > 1000, "{ages}");
        assert!(!may_write_age(b"on 3 may 2024 she was told"));
    }

    #[test]
    fn prevalence_and_combinations_are_findings() {
        let text = "She has a condition that affects about 1 in 150,000 people. She was born in March 1961 and, aged 62, lives in Upper Tillingham.";
        let found = find(text, &|_| false);
        let kinds: Vec<(QuasiKind, &str, bool)> = found
            .iter()
            .map(|(k, r)| (*k, &text[r.clone()], is_finding(*k, &found)))
            .collect();
        assert!(
            kinds.contains(&(QuasiKind::Prevalence, "about 1 in 150,000 people", true)),
            "{kinds:?}"
        );
        assert!(
            kinds.contains(&(QuasiKind::BirthYear, "born in March 1961", true)),
            "{kinds:?}"
        );
        assert!(
            kinds.contains(&(QuasiKind::Age, "aged 62", true)),
            "{kinds:?}"
        );
        let alone = find("Mrs X, aged 62, complained.", &|_| false);
        assert!(!is_finding(QuasiKind::Age, &alone));
    }

    #[test]
    fn reports_ages_schools_places_and_conditions() {
        let text = "Mrs X, who was 75, lives in Hadley Green near Calderbrook. Her son, C, an 11-year-old with Duchenne muscular dystrophy, attends Larkspur Primary School. He was born in 2013.";
        let found: Vec<(QuasiKind, &str)> = find(text, &|p| p == "Calderbrook")
            .into_iter()
            .map(|(k, r)| (k, &text[r]))
            .collect();
        assert!(found.contains(&(QuasiKind::Age, "who was 75")), "{found:?}");
        assert!(
            found.contains(&(QuasiKind::Age, "11-year-old")),
            "{found:?}"
        );
        assert!(
            found.contains(&(QuasiKind::Place, "Hadley Green")),
            "{found:?}"
        );
        assert!(!found.iter().any(|(_, t)| *t == "Calderbrook"), "{found:?}");
        assert!(
            found.contains(&(QuasiKind::School, "Larkspur Primary School")),
            "{found:?}"
        );
        assert!(
            found.contains(&(QuasiKind::BirthYear, "born in 2013")),
            "{found:?}"
        );
        assert!(
            found.iter().any(|(k, _)| *k == QuasiKind::Condition),
            "{found:?}"
        );
    }

    #[test]
    fn an_age_a_rare_condition_and_a_small_place_are_a_finding_together() {
        let text = "She is 91. She is one of four people with the condition, which is a very rare genetic disorder, in a hamlet of 80.";
        let found = find(text, &|_| false);
        let kinds: Vec<QuasiKind> = found.iter().map(|(k, _)| *k).collect();
        assert!(is_combination(&found), "{kinds:?}");
        assert!(
            found.iter().all(|(k, _)| is_finding(*k, &found)),
            "{kinds:?}"
        );
        let without_place = find("She is 91 and has a rare genetic condition.", &|_| false);
        assert!(!is_combination(&without_place));
        let counted = find("He was 12 weeks late.", &|_| false);
        assert!(counted.is_empty(), "{counted:?}");
    }

    #[test]
    fn ordinary_phrases_are_not_places() {
        let found = find(
            "She spoke to him in March at Home and in June 2023.",
            &|_| false,
        );
        assert!(found.is_empty(), "{found:?}");
    }
}
