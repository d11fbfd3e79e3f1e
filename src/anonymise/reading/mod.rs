//! Reading a listed name that is also a word: is "June" a person or a
//! month, "Brook" an officer or a street, "Little" a child or the word?
//!
//! A name part that is an English word, a month or a weekday is replaced
//! only where the text reads it as a name: after a title, beside another
//! part of the same person's name, as a possessive, before a verb only a
//! person does, or capitalised in the middle of a sentence. It is left as
//! written where its word class shows: a word of time in a date or before a
//! year ("14 June 2024", "in June", "By Autumn 2025"), a noun after a
//! determiner ("the Dean of the cathedral", "the Field Marshal"), a word in
//! a street or place name ("Brook Street", "Kingsley Heath"), a noun at the
//! start of a sentence before another noun and its verb ("Autumn leaves
//! fell") or before a lower-case noun ("Little progress was made"), and
//! wherever it is written in lower case ("we hope"). What no rule decides is [`Reading::Undecided`]:
//! the anonymiser prints the label (a word wrongly replaced reads oddly; a
//! name wrongly left is a leak) and reports the sentence for a person to
//! check.
//!
//! The rules are shared with the verifier, which implements them in its own
//! code; the order here is theirs.

use std::ops::Range;

use super::words::{is_month, is_season};

mod lexicon;
mod text;

use lexicon::{
    AUXILIARIES, DATE_BEFORE, DATE_OF, DATE_OR_PERSON_BEFORE, DETERMINERS, NOT_NOUNS, PERSON_VERBS,
    PLACE_WORDS, TITLES,
};
pub(crate) use text::starts_sentence;
use text::{Word, words_after, words_before};

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
    /// Whether it is a family's plural ("the Pargeters"), which takes a
    /// determiner as a name.
    pub plural: bool,
    /// Whether `word` is a part of the same person's name.
    pub same_person: &'a dyn Fn(&str) -> bool,
    /// Whether `word` is a part of any listed person's name.
    pub any_person: &'a dyn Fn(&str) -> bool,
}

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
    if before.first().is_some_and(titled)
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
    // 3a. A noun after a determiner, perhaps with capitalised words between:
    // "the Dean of the cathedral", "the Field Marshal", "in the Autumn". A
    // person's name takes no determiner, but a family name may stand before
    // a noun as a family's ("the Smith household").
    if !o.plural && after_determiner(&before, o) && !(o.family && family_before_noun(&after)) {
        return Reading::Word;
    }
    // 4. A possessive, or a relative clause for a person ("Summer, who
    // was born in 2013", "June who lives next door").
    let tail = &o.text[o.range.end..];
    if possessive_follows(tail) || tail.starts_with(", who ") || tail.starts_with(" who ") {
        return Reading::Name;
    }
    // 5. A word of time in a date: a month or season next to a day or a
    // year, or after a word of time ("in June", "By Autumn 2025"); any word
    // right before a year is one ("Easter 2024").
    if (is_month(written) || is_season(written))
        && let Some(reading) = date_reading(&before, &after)
    {
        return reading;
    }
    if after
        .first()
        .is_some_and(|w| w.glued_before() && is_year(w.text) && w.text.len() == 4)
    {
        return Reading::Word;
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
            // "Rose later said": an adverb, then what only a person does.
            Some(_) if adverb_then_person_verb(&after) => Reading::Name,
            Some(_) if o.family => Reading::Word,
            Some(_) if noun_then_verb(&after) => Reading::Word,
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

/// Whether a determiner stands right before the name, or before the one or
/// two capitalised words before it ("the Field Marshal"), none of which is
/// a title or a part of a listed person's name.
fn after_determiner(before: &[Word<'_>], o: &Occurrence<'_>) -> bool {
    for (i, w) in before.iter().enumerate().take(3) {
        if !w.glued_after() {
            return false;
        }
        if DETERMINERS.contains(&w.lower().as_str()) {
            return true;
        }
        let plain_capitalised = w.capitalised()
            && !TITLES.contains(&w.lower().trim_end_matches('.'))
            && !(o.any_person)(w.text);
        if i == 2 || !plain_capitalised {
            return false;
        }
    }
    false
}

/// Whether a lower-case word that is no verb and no function word follows:
/// a family name before it is the family's ("the Smith household", "the
/// Brown children"), where "the Dean of", "the Marshal visited" are a
/// title's.
fn family_before_noun(after: &[Word<'_>]) -> bool {
    const FUNCTION_WORDS: [&str; 16] = [
        "of", "in", "at", "to", "for", "and", "or", "with", "from", "on", "by", "who", "which",
        "that", "as", "but",
    ];
    after.first().is_some_and(|w| {
        let t = w.text;
        w.glued_before()
            && t.starts_with(char::is_lowercase)
            && !FUNCTION_WORDS.contains(&t)
            && !PERSON_VERBS.contains(&t)
            && !NOT_NOUNS[..AUXILIARIES].contains(&t)
            && !looks_past_tense(t)
    })
}

/// Whether the two words after a name at a sentence start are a noun and
/// then a verb ("Autumn leaves fell", "Grace periods were extended"): the
/// name is then a word used as a noun before another noun. A first word
/// that a person's name is often followed by (an adverb, "herself", a
/// verb) is no noun.
fn noun_then_verb(after: &[Word<'_>]) -> bool {
    let [first, second, ..] = after else {
        return false;
    };
    let lower = |w: &Word<'_>| w.glued_before() && w.text.starts_with(char::is_lowercase);
    if !lower(first) || !lower(second) {
        return false;
    }
    let noun = !NOT_NOUNS.contains(&first.text)
        && !PERSON_VERBS.contains(&first.text)
        && !first.text.ends_with("ly")
        && !looks_past_tense(first.text);
    let verb = PERSON_VERBS.contains(&second.text)
        || NOT_NOUNS[..AUXILIARIES].contains(&second.text)
        || looks_past_tense(second.text);
    noun && verb
}

/// Whether the two words after a name are an adverb ("later", "then",
/// "also") and a verb only a person does ("said", "wrote").
fn adverb_then_person_verb(after: &[Word<'_>]) -> bool {
    const ADVERBS: [&str; 10] = [
        "also", "still", "never", "always", "then", "later", "again", "already", "soon", "often",
    ];
    let [first, second, ..] = after else {
        return false;
    };
    let lower = |w: &Word<'_>| w.glued_before() && w.text.starts_with(char::is_lowercase);
    lower(first)
        && lower(second)
        && ADVERBS.contains(&first.text)
        && PERSON_VERBS.contains(&second.text)
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
    content.is_some_and(|w| looks_past_tense(w.text) || PERSON_VERBS.contains(&w.text))
}

/// Whether a word ends as a past tense does ("visited", "called"), and is
/// longer than "bed" or "red".
fn looks_past_tense(word: &str) -> bool {
    word.len() > 3 && word.ends_with("ed")
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

/// Whether a word is a title written before a name ("Mrs", "Cllr").
pub(crate) fn is_title(word: &str) -> bool {
    TITLES.contains(&word.to_lowercase().trim_end_matches('.'))
}

/// Whether a word (lower case) is a verb only a person does ("said").
pub(crate) fn is_person_verb(word: &str) -> bool {
    // (Asked after every capitalised word of a text: a set, not the list.)
    static SET: std::sync::LazyLock<rustc_hash::FxHashSet<&str>> =
        std::sync::LazyLock::new(|| PERSON_VERBS.iter().copied().collect());
    SET.contains(word)
}

/// Whether a word makes a place's, street's or institution's name of the
/// words before it ("Lane", "Street", "Garden").
pub(crate) fn is_place_word(word: &str) -> bool {
    PLACE_WORDS.contains(&word.to_lowercase().trim_end_matches('.'))
}

#[cfg(test)]
mod tests;
