//! The words written before a name that are not part of it: ranks that
//! stand as a title does ("Nurse O'Driscoll", "Sister Pargeter"), and the
//! words that open sentences or greet ("Yesterday O'Driscoll said", "Hi
//! Shan"); and which English words are surnames after a given name.

use crate::anonymise::reading::{is_place_word, is_title};
use crate::anonymise::words::{KIN_TITLES, is_english_word, is_month, is_weekday};

/// Ranks written before a surname as a title is ("Nurse O'Driscoll"),
/// in lower case, besides the words for kin written so ("Sister
/// Pargeter", "Nana Peg": [`KIN_TITLES`]); the titles are the reading
/// rules' own.
const RANKS: &[&str] = &[
    "doctor",
    "professor",
    "revd",
    "reverend",
    "father",
    "nurse",
    "matron",
    "judge",
    "officer",
    "inspector",
    "sergeant",
    "constable",
    "pc",
    "dc",
    "sir",
    "dame",
    "lord",
    "lady",
    "captain",
    "major",
    "colonel",
    "master",
    "dear",
    "sgt",
    "pcso",
    "fr",
    "canon",
    "pastor",
    "imam",
    "rabbi",
];

/// Where a rank written right before a name starts ("Nurse", "Sister",
/// "Mum", "Sir"), after `floor`, with the possessive before it ("her Mum
/// Peggy": the person's label stands for all three); "Dear" is the
/// letter's, not the name's.
pub(super) fn rank_before(text: &str, floor: usize, at: usize) -> Option<usize> {
    let before = text.get(floor..at)?.strip_suffix(' ')?;
    let word = before.rsplit(|c: char| !c.is_alphabetic()).next()?;
    let rank = word.starts_with(char::is_uppercase) && is_rank_word(word) && word != "Dear";
    if !rank {
        return None;
    }
    let start = before.len() - word.len();
    let possessive = before[..start].strip_suffix(' ').and_then(|head| {
        let word = head.rsplit(|c: char| !c.is_alphabetic()).next()?;
        let possessive = ["her", "his", "their", "my", "our", "your"]
            .iter()
            .any(|p| p.eq_ignore_ascii_case(word));
        possessive.then(|| head.len() - word.len())
    });
    Some(floor + possessive.unwrap_or(start))
}

/// Whether a word (any case) is a rank or a word for kin written as one.
fn is_rank_word(word: &str) -> bool {
    RANKS
        .iter()
        .chain(&KIN_TITLES)
        .any(|r| r.eq_ignore_ascii_case(word))
}

/// Whether a word is a title or a rank before a surname.
pub(super) fn is_rank(bare: &str) -> bool {
    is_title(bare) || is_rank_word(bare)
}

/// Words that open a sentence or greet before a name ("Yesterday
/// O'Driscoll said", "Hi Shan"), besides adverbs in -ly.
pub(super) const OPENERS: &[&str] = &[
    "hi",
    "hello",
    "dear",
    "thanks",
    "thank",
    "yes",
    "no",
    "oh",
    "morning",
    "afternoon",
    "evening",
    "bye",
    "cheers",
    "regards",
    "love",
    "please",
    "sorry",
    "yesterday",
    "today",
    "tomorrow",
    "later",
    "then",
    "finally",
    "however",
    "meanwhile",
    "afterwards",
    "also",
    "next",
    "first",
    "again",
    "so",
    "but",
    "and",
    "or",
    "when",
    "while",
    "after",
    "before",
    "since",
    "until",
    "if",
    "although",
    "because",
    "as",
    "once",
    "where",
    "that",
    "this",
    "there",
    "here",
    "now",
    "still",
    "overall",
    "instead",
    "therefore",
    "thus",
    "though",
    "yet",
    "both",
    "only",
    "even",
    "perhaps",
    "sometimes",
    "soon",
    "recently",
];

/// An English word that is a surname after a given name ("Robert Baker",
/// "Jane Cook"), not a place's or a date's word ("Rose Cottage", "June
/// Monday").
pub(super) fn is_surname_word(bare: &str) -> bool {
    is_english_word(bare) && !is_month(bare) && !is_weekday(bare) && !is_place_word(bare)
}
