//! Collecting the needles' patterns while they are built: each view's
//! keys (words, letters, digits, letters and digits) with what each one
//! stands for. The builders of names, places and values all write here.

use std::collections::HashMap;

use super::normal::Text;
use super::{Kind, ViewUse, WordUse, lexicon};

/// Collects patterns while the needles are built.
#[derive(Default)]
pub(super) struct Builder {
    pub(super) words: HashMap<String, Vec<WordUse>>,
    pub(super) letters: HashMap<String, Vec<ViewUse>>,
    pub(super) digits: HashMap<String, Vec<ViewUse>>,
    pub(super) alphanumerics: HashMap<String, Vec<ViewUse>>,
}

impl Builder {
    /// A pattern of the words view: `text` normalised, tokens joined by
    /// spaces.
    pub(super) fn word(&mut self, text: &str, used: WordUse) {
        let key = Text::new(text).words;
        if !key.is_empty() {
            self.words.entry(key).or_default().push(used);
        }
    }

    pub(super) fn mask(&mut self, text: &str) {
        self.word(text, WordUse::Mask);
    }

    /// An address, email or term, found as whole words. When it is made of
    /// common words only, the text must capitalise what the case does
    /// (street types aside: "Heron cres").
    pub(super) fn value(&mut self, text: &str, kind: Kind, field: &str) {
        let t = Text::new(text);
        let common = (0..t.tokens.len()).all(|k| {
            let w = t.token(k);
            lexicon::is_english_word(w) || !w.chars().any(char::is_alphabetic)
        });
        let caps = common.then(|| {
            (0..t.tokens.len())
                .map(|k| t.capitalised(k) && lexicon::street_abbreviations(t.token(k)).is_empty())
                .collect()
        });
        self.word(
            text,
            WordUse::Value {
                kind,
                field: field.to_string(),
                caps,
            },
        );
    }

    /// A pattern of the letters view: the letters of `text`, if at least
    /// `min` and not a word (short or common ones would be found inside
    /// other words).
    pub(super) fn letters(&mut self, text: &str, min: usize, kind: Kind, field: &str) {
        let key: String = Text::new(text)
            .chars
            .iter()
            .map(|n| n.c)
            .filter(|c| c.is_alphabetic())
            .collect();
        if key.chars().count() >= min && !lexicon::is_word_name(&key) {
            push_use(&mut self.letters, key, kind, field);
        }
    }

    pub(super) fn digits(&mut self, key: String, kind: Kind, field: &str) {
        push_use(&mut self.digits, key, kind, field);
    }

    pub(super) fn alphanumerics(&mut self, key: String, kind: Kind, field: &str) {
        push_use(&mut self.alphanumerics, key, kind, field);
    }
}

fn push_use(map: &mut HashMap<String, Vec<ViewUse>>, key: String, kind: Kind, field: &str) {
    map.entry(key).or_default().push(ViewUse {
        kind,
        field: field.to_string(),
    });
}
