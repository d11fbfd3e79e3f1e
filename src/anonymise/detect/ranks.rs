//! Ranks and offices written before a name as a title ("PC Daniel Okoro",
//! "Father Brendan Moriarty", "Sgt Marsh", "PC 4521 Davies"): when the
//! words after one are a name. The titles' search itself is
//! [`super::names`]'.

use crate::anonymise::name_tables::{is_given_name, is_word_family_name};
use crate::anonymise::words::{is_english_word, is_word_name, without_possessive};

/// Ranks and offices written before a name as a title ("PC Daniel Okoro",
/// "Father Brendan Moriarty", "Professor Alan Greaves"). Each is also a
/// word or an abbreviation of something else ("PC World", "Father
/// Christmas", "Judge Rules"), so the words after one are a name only
/// where they would be after a word for someone's work: a given name
/// first, or not every one an English word; after a police rank
/// ([`POLICE`]), any capitalised word.
const OFFICES: [&str; 15] = [
    "Doctor",
    "Coroner",
    "Matron",
    "Professor",
    "Reverend",
    "Revd",
    "Father",
    "Fr",
    "Canon",
    "Pastor",
    "Imam",
    "Rabbi",
    "Inspector",
    "Judge",
    "Captain",
];

/// Every rank and office, the police's among them.
pub(super) fn ranks() -> impl Iterator<Item = &'static str> {
    OFFICES.into_iter().chain(POLICE)
}

/// Whether `title` is a rank or an office.
pub(super) fn is_rank(title: &str) -> bool {
    OFFICES.contains(&title) || POLICE.contains(&title)
}

/// The police's ranks: written before an officer's family name, and before
/// little else, so the one word after one is a name even where it is also
/// a word ("Sgt Marsh", "DC Hill"), and a number between it and the name is
/// the officer's ("PC 4521 Davies").
/// ("Inspector" is not among them: "An Inspector Calls".)
const POLICE: [&str; 9] = [
    "Sergeant",
    "Sgt",
    "Constable",
    "PC",
    "PCSO",
    "DC",
    "DS",
    "DI",
    "DCI",
];

/// Whether `word` is a police rank, or a word that starts one ("Police
/// Constable", "Detective Sergeant").
pub(crate) fn is_police_rank(word: &str) -> bool {
    POLICE.contains(&word) || matches!(word, "Police" | "Detective")
}

/// Whether the word before a rank leaves it a title: no determiner or
/// possessive ("her PC", "the DS") and no capitalised word ("Housing
/// Inspector") other than the police's own.
fn stands_as_a_title(before: &str) -> bool {
    let Some(word) = before.strip_suffix(' ') else {
        return true;
    };
    let word = word.rsplit(' ').next().unwrap_or("");
    let lower = word.to_lowercase();
    let determiner = matches!(
        lower.as_str(),
        "a" | "an" | "the" | "her" | "his" | "their" | "my" | "our" | "your" | "its" | "this"
    ) || lower.ends_with("'s")
        || lower.ends_with("\u{2019}s");
    // A capitalised word that ends a sentence ("Mr X. Sgt Hill") is none.
    let capitalised_before = word.starts_with(char::is_uppercase)
        && !is_police_rank(word)
        && !word.ends_with(['.', ':']);
    !determiner && !capitalised_before
}

/// Whether the name after a police rank is surely an officer's: after
/// their number, or with words no list has, or a given name first ("PC
/// 4521 Davies", "Sgt Okafor", "DS Emma Hill"; not "DC Marsh", which may
/// be a brand's name as well, and is held rather than rewritten).
pub(crate) fn surely_an_officer(name: &str) -> bool {
    let mut words = name.split(' ').filter(|w| !w.is_empty());
    let Some(rank) = words.next() else {
        return false;
    };
    let mut rest: Vec<&str> = words.collect();
    if matches!(rank, "Police" | "Detective") && !rest.is_empty() {
        rest.remove(0);
    }
    if rest
        .first()
        .is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()))
    {
        return true;
    }
    rest.first()
        .is_some_and(|w| is_given_name(without_possessive(w)))
        || rest
            .iter()
            .any(|w| !is_word_name(without_possessive(w).trim_end_matches('.')))
}

/// What the one word after a police rank names when it is a thing, not an
/// officer: a shop ("PC World").
const THINGS_AFTER_POLICE: [&str; 1] = ["World"];

/// Where the name after `title` starts, past a police officer's number
/// ("PC 4521 Davies"): `at` itself after any other title, or where no
/// number stands.
pub(super) fn past_collar_number(text: &str, title: &str, at: usize) -> usize {
    if !POLICE.contains(&title) {
        return at;
    }
    let digits = text.as_bytes()[at..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    if (1..=6).contains(&digits) && text[at + digits..].starts_with(' ') {
        at + digits + 1
    } else {
        at
    }
}

/// Where a police rank's name starts with the words before it that belong
/// to the rank ("Police Constable", "Detective Sergeant"): before those
/// words, or `start`.
pub(super) fn with_force_word(text: &str, title: &str, start: usize) -> usize {
    if !POLICE.contains(&title) {
        return start;
    }
    ["Police ", "Detective ", "Detective Police "]
        .iter()
        .filter(|w| text[..start].ends_with(*w))
        .map(|w| start - w.len())
        .min()
        .unwrap_or(start)
}

/// Whether the words after a rank are a name: one given name, a word no
/// list has ("Father Okoro") or a common family name that is a word
/// ("Sister Brown"), or words whose first is a given name or not
/// all English words ("Father Brendan Moriarty", not "Father Christmas");
/// after a police rank that stands as a title (`before`, the text before
/// it, ends with no determiner and no capitalised word: not "her PC
/// Monitor", "the Housing Inspector Team"), any capitalised word that can
/// be a name ("Sgt Marsh"; not "PC World"), and after an officer's number
/// anything (`numbered`). (A word that is never a name, "PC NHS", is the
/// caller's to rule out.)
pub(super) fn is_name_after_rank(title: &str, numbered: bool, before: &str, words: &str) -> bool {
    let words: Vec<&str> = words.split(' ').filter(|w| !w.is_empty()).collect();
    let name_like = |w: &str| {
        let bare = without_possessive(w);
        is_given_name(bare) || !is_word_name(bare)
    };
    let police = POLICE.contains(&title) && stands_as_a_title(before);
    match words.as_slice() {
        [] => false,
        [_, ..] if numbered => true,
        [word] => {
            name_like(word)
                || is_word_family_name(without_possessive(word))
                || (police && !THINGS_AFTER_POLICE.contains(&without_possessive(word)))
        }
        [first, ..] => {
            is_given_name(first) || !words.iter().all(|w| is_english_word(without_possessive(w)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_police_rank_makes_the_word_after_it_a_name() {
        assert!(is_name_after_rank("Sgt", false, "", "Marsh"));
        assert!(is_name_after_rank("DC", false, "She told ", "Hill's"));
        assert!(is_name_after_rank("Constable", false, "Police ", "Hill"));
        assert!(is_name_after_rank("PC", true, "", "World"));
        assert!(!is_name_after_rank("PC", false, "", "World"));
        // ("Father Christmas": a word that is never a name is ruled out by
        // the titles' reader, `names::titled`.)
        assert!(!is_name_after_rank("Father", false, "", "Figure"));
        assert!(is_name_after_rank("Father", false, "", "Okoro"));
        assert!(!is_name_after_rank("Judge", false, "", "Rules"));
        // A common family name that is a word, after any rank or title.
        assert!(is_name_after_rank("Sister", false, "", "Brown"));
        assert!(is_name_after_rank("Coroner", false, "", "Hughes"));
        assert!(!is_name_after_rank("Sister", false, "", "Act"));
        // A rank that is a thing's name: after a determiner or a
        // capitalised word.
        assert!(!is_name_after_rank("PC", false, "Her ", "Monitor"));
        assert!(!is_name_after_rank("DS", false, "on his ", "Lite"));
        assert!(!is_name_after_rank(
            "Sergeant",
            false,
            "The Housing ",
            "Team"
        ));
        assert!(is_name_after_rank("Sergeant", false, "Mr X. ", "Hill"));
        assert!(!is_name_after_rank("Inspector", false, "An ", "Calls"));
    }

    #[test]
    fn an_officer_is_sure_after_a_number_or_a_name_no_list_has() {
        assert!(surely_an_officer("PC 4521 Marsh"));
        assert!(surely_an_officer("Sgt Okafor"));
        assert!(surely_an_officer("Police Constable Davies"));
        assert!(surely_an_officer("DS Emma Hill"));
        assert!(!surely_an_officer("DC Marsh"));
        assert!(!surely_an_officer("DC Comics"));
    }

    #[test]
    fn an_officer_s_number_is_read_past() {
        let text = "PC 4521 Davies came";
        assert_eq!(past_collar_number(text, "PC", 3), 8);
        assert_eq!(past_collar_number("PC 4521, then", "PC", 3), 3);
        assert_eq!(past_collar_number("Dr 12 Smith", "Dr", 3), 3);
        let text = "a Police Constable Davies";
        assert_eq!(with_force_word(text, "Constable", 9), 2);
        assert_eq!(with_force_word("the Constable", "Constable", 4), 4);
    }
}
