//! The name tables the data folder holds: English given names and their
//! pet forms (`data/pet-names.txt`), the Irish, Scottish Gaelic and Welsh
//! names a text may write anglicised (`data/anglicised-names.txt`), and
//! given names (`data/given-names.txt`, the census's, and
//! `data/given-names-world.txt` and `data/given-names-more.txt`, those of
//! other communities it lacks), and family names (`data/family-names.txt`,
//! those that are no word, and `data/family-names-words.txt`). The listed
//! names' forms read the first two; the detectors of names nobody listed
//! read the given and family names (a given name is a name after "her son"
//! even where it is also a word).

use std::collections::HashMap;
use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use crate::anonymise::fold::{ascii_lowercase_with, fold};

/// Family names that are words, lower case ("smith", "brown"): read as
/// family names only beside a given name or after a title.
static FAMILY_WORDS: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| entries(include_str!("../../data/family-names-words.txt")).collect());

/// Whether a word (any case) is a common family name that is also an
/// English word ("Smith", "Brown", "Finch"), of
/// `data/family-names-words.txt`.
pub(crate) fn is_word_family_name(word: &str) -> bool {
    word.bytes().all(|b| b.is_ascii_alphabetic())
        && ascii_lowercase_with(word, |w| FAMILY_WORDS.contains(w)).unwrap_or(false)
}

/// Common family names that are no word, folded ("patel", "o'brien").
static FAMILY_NAMES: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| entries(include_str!("../../data/family-names.txt")).collect());

/// The entries of a list of the data folder: one a line, trimmed; `#`
/// starts a comment line.
fn entries(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Whether a word (any case, any apostrophe or accent) is a common family
/// name that is no word ("Patel", "Nguyen", "O'Brien"), of
/// `data/family-names.txt`.
pub(crate) fn is_listed_family_name(word: &str) -> bool {
    if word.bytes().all(|b| b.is_ascii_alphabetic()) {
        return ascii_lowercase_with(word, |w| FAMILY_NAMES.contains(w)).unwrap_or(false);
    }
    FAMILY_NAMES.contains(fold(word).as_str())
}

/// A table of names and their other forms, by the folded name.
type NameTable = HashMap<String, Vec<String>>;

static ANGLICISED: LazyLock<NameTable> =
    LazyLock::new(|| name_table(include_str!("../../data/anglicised-names.txt")));

static PET_NAMES: LazyLock<NameTable> =
    LazyLock::new(|| name_table(include_str!("../../data/pet-names.txt")));

/// Every name the pet-name table holds, as a name or as a form of one,
/// folded.
static TABLE_NAMES: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
    PET_NAMES
        .iter()
        .flat_map(|(name, forms)| {
            std::iter::once(name.clone()).chain(forms.iter().map(|f| fold(f)))
        })
        .collect()
});

/// Given names, folded: the census list, the names of other communities
/// it lacks, and the given names that are words it lacks ("Blessing",
/// "Comfort").
static GIVEN_NAMES: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
    entries(include_str!("../../data/given-names.txt"))
        .chain(entries(include_str!("../../data/given-names-world.txt")))
        .chain(entries(include_str!("../../data/given-names-more.txt")))
        .chain(entries(include_str!("../../data/given-names-words.txt")))
        // Lower-case ASCII letters are their own folded form.
        .map(|l| {
            if l.bytes().all(|b| b.is_ascii_lowercase()) {
                l.to_string()
            } else {
                fold(l)
            }
        })
        .collect()
});

/// A table of names and their other forms, one name a line ("name | form,
/// form"; `#` starts a comment), by the folded name.
fn name_table(text: &str) -> NameTable {
    let mut out = NameTable::new();
    for line in text.lines() {
        let line = line.trim();
        let Some((name, forms)) = line.split_once('|').filter(|_| !line.starts_with('#')) else {
            continue;
        };
        let forms = forms.split(',').map(|f| f.trim().to_string());
        out.entry(fold(name.trim()))
            .or_default()
            .extend(forms.filter(|f| !f.is_empty()));
    }
    out
}

/// The pet forms of an English given name ("Robert" → "Bob", "Rob" …).
pub(crate) fn pet_names(given: &str) -> &'static [String] {
    PET_NAMES.get(&fold(given)).map_or(&[], Vec::as_slice)
}

/// The anglicised spellings of a name by its folded key ("ó súilleabháin"
/// → "O'Sullivan").
pub(crate) fn anglicised_forms(key: &str) -> &'static [String] {
    ANGLICISED.get(key).map_or(&[], Vec::as_slice)
}

/// Whether a word (any case, any accents) is a given name the pet-name
/// table holds, as a name or as one of its forms ("Tom", "Thomas").
pub(crate) fn is_table_name(word: &str) -> bool {
    TABLE_NAMES.contains(&fold(word))
}

/// Whether a word (any case, any accents) is a given name: of the given
/// names' list or the pet-name table ("Grace", "Will", "Siobhán").
pub(crate) fn is_given_name(word: &str) -> bool {
    let known = |key: &str| GIVEN_NAMES.contains(key) || TABLE_NAMES.contains(key);
    // A word of ASCII letters folds to its lower case: read without
    // folding (the detector of whole names asks of every capitalised word).
    word.bytes()
        .all(|b| b.is_ascii_alphabetic())
        .then(|| ascii_lowercase_with(word, known))
        .flatten()
        .unwrap_or_else(|| known(&fold(word)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn given_names_are_read_in_any_case_and_spelling() {
        for name in ["Gemma", "GEMMA", "gemma", "Zoë", "Zoe\u{308}", "Siobhán"] {
            assert!(is_given_name(name), "{name}");
        }
        assert!(!is_given_name("Council"));
    }

    #[test]
    fn english_given_names_have_their_pet_forms() {
        assert!(pet_names("Robert").iter().any(|p| p == "bob"));
        assert!(pet_names("MARGARET").iter().any(|p| p == "peggy"));
        assert!(pet_names("Bob").is_empty());
        assert!(is_table_name("Tom") && is_table_name("thomas") && is_table_name("Will"));
        assert!(!is_table_name("Council"));
        assert!(is_given_name("Grace") && is_given_name("SIOBHÁN") && is_given_name("Will"));
        assert!(!is_given_name("Speech") && !is_given_name("English") && !is_given_name("Son"));
    }
}
