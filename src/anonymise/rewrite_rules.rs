//! The rewrite rules as an office keeps them (`templates/rewrites.toml`):
//! the words that introduce each construction and what is written instead.
//! Rust finds the constructions and computes the facts (whose, how old);
//! the words are the office's.

use std::collections::BTreeMap;
use std::sync::{Arc, LazyLock};

use serde::Deserialize;

/// The rewrite rules, parsed.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rewrites {
    pub(super) contact: Contact,
    pub(super) date_of_birth: Birth,
    pub(super) address: Address,
    pub(super) sentence: Sentence,
    pub(super) heading: Heading,
    pub(super) names: Names,
    #[serde(default)]
    pub(super) places: Vec<Place>,
    /// The first words of the places' ends ("primary", "care"), lower
    /// case, by their first letter when it is ASCII (`None`: one is not).
    #[serde(skip)]
    place_words: std::sync::OnceLock<Option<[Vec<String>; 26]>>,
}

impl Rewrites {
    /// Where in `text` a word that may start a place's end stands (its
    /// first letter a capital): only the words around these are read.
    pub(super) fn place_words_in(&self, text: &str) -> Vec<usize> {
        let by_letter = self.place_words.get_or_init(|| {
            let mut by_letter: [Vec<String>; 26] = Default::default();
            for first in self
                .places
                .iter()
                .flat_map(|r| &r.ends)
                .filter_map(|e| e.split(' ').next())
            {
                let first = first.to_lowercase();
                let letter = first.bytes().next().filter(u8::is_ascii_lowercase)?;
                by_letter[usize::from(letter - b'a')].push(first);
            }
            Some(by_letter)
        });
        let starts_word = |at: usize| {
            !text[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        };
        let Some(by_letter) = by_letter else {
            // (A first word with a letter outside ASCII: every capitalised
            // word is read.)
            return text
                .char_indices()
                .filter(|&(at, c)| c.is_uppercase() && starts_word(at))
                .map(|(at, _)| at)
                .collect();
        };
        // A place's name starts its words with a capital ("Care", "CARE"),
        // never "care" or "Healthcare": only the ASCII capitals that start
        // a word are looked at, against the first words with that letter.
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        for (at, b) in bytes.iter().enumerate() {
            if !b.is_ascii_uppercase() {
                continue;
            }
            let candidates = &by_letter[usize::from(b - b'A')];
            let rest = &bytes[at..];
            let found = candidates.iter().any(|f| {
                rest.len() >= f.len() && rest[..f.len()].eq_ignore_ascii_case(f.as_bytes())
            });
            if found && starts_word(at) {
                out.push(at);
            }
        }
        out
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Contact {
    pub prepositions: Vec<String>,
    pub verbs: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Birth {
    pub born: Vec<String>,
    pub bands: Vec<Band>,
    /// What may follow an age and goes with it: "89 years old". (None, in
    /// an office's older file.)
    #[serde(default)]
    pub years: Vec<String>,
    /// A verb of becoming an age, and the verb the age band takes instead
    /// ("turned 90" → "was in her nineties"). (None, in an office's older
    /// file.)
    #[serde(default)]
    pub became: Vec<Became>,
    /// The words before a birthday's day and month that go with it ("her
    /// birthday on 2 March" → "her birthday"). (None, in an office's older
    /// file.)
    #[serde(default)]
    pub birthday: Vec<String>,
    /// The words of `born` that name a date of birth ("DOB") and what the
    /// cue and its date become where they are a noun of the clause, not an
    /// aside. (None, in an office's older file: the age band, as before.)
    #[serde(default)]
    pub noun: Option<BirthNoun>,
}

/// "DOB 09/11/1968 was on the form" → "Her date of birth was on the form".
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct BirthNoun {
    /// The cues that name a date of birth.
    pub cues: Vec<String>,
    /// What they become with their date.
    pub write: String,
    /// What they become after one of `determiners` ("her DOB 09/11/1968").
    pub after_determiner: String,
    /// Words that make the cue's noun theirs already.
    pub determiners: Vec<String>,
}

/// "turned" before an age, and what it becomes before the age band.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Became {
    pub verb: String,
    pub write: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Band {
    pub below: u32,
    pub write: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Address {
    pub home_verbs: Vec<String>,
    pub after: Vec<AddressAfter>,
    pub places_in: Vec<String>,
    /// What an address with a possessive becomes ("Flat 9's windows" →
    /// "her home's windows"). (None, in an office's older file: the
    /// placeholder stays.)
    #[serde(default)]
    pub possessive: Option<String>,
    /// Verbs whose object an address can be ("visited 17 Sorrel Street"),
    /// and what it becomes after them ("visited her home"). (None, in an
    /// office's older file: the placeholder stays.)
    #[serde(default)]
    pub object_verbs: Vec<String>,
    #[serde(default)]
    pub object: Option<String>,
    /// What "the" and an address become before a noun it describes ("the
    /// Sorrel Street flat" → "her flat"). (None, in an office's older file:
    /// the placeholder stays.)
    #[serde(default)]
    pub before_noun: Option<AddressBeforeNoun>,
}

/// "The Sorrel Street flat was damp" → "Her flat was damp".
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct AddressBeforeNoun {
    /// The nouns an address can describe.
    pub nouns: Vec<String>,
    /// What "the" and the address become.
    pub write: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct AddressAfter {
    pub word: String,
    pub home: String,
    pub area: String,
    pub other: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Sentence {
    pub words: Vec<String>,
    /// Words that, first after a comma, make what follows the sentence's
    /// own verb, not an aside: "The letter, dated 3 May, gives his date of
    /// birth as …" keeps its verb. (None, in an office's older file.)
    #[serde(default)]
    pub predicates: Vec<String>,
    /// What an identifier can be named as before "as" and its value: "gives
    /// her NHS number as …" says "gives her NHS number". (None, in an
    /// office's older file.)
    #[serde(default)]
    pub named_as: Vec<String>,
    /// Words between a value's name and a part of it, which go with the
    /// part: "a mobile number ending in 461 which matched" → "a mobile
    /// number which matched". (None, in an office's older file: the part
    /// keeps its placeholder, for `check` to hold.)
    #[serde(default)]
    pub part_cues: Vec<String>,
    /// The labels of a line of details: a sentence that starts with one
    /// and a colon, and holds the details, goes whole ("Contact: 07700
    /// 900461 for urgent matters."). (None, in an office's older file.)
    #[serde(default)]
    pub detail_labels: Vec<String>,
    /// Words after which the name of a value that goes has no determiner
    /// and takes the person's possessive: "wrote to account 6001 2345" →
    /// "wrote to her account". (None, in an office's older file: such a
    /// name keeps its placeholder, for `check` to hold.)
    #[serde(default)]
    pub bare_after: Vec<String>,
    /// What "no." naming a value that goes is written as ("her account
    /// no. 6001 2345" → "her account number"). (None: as written.)
    #[serde(default)]
    pub no_written: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Heading {
    pub verbs: Vec<String>,
    pub words: Vec<String>,
    pub write: String,
    /// Verbs whose object the quote is: the verb is written anew with it.
    #[serde(default)]
    pub said: Vec<Said>,
    pub items: BTreeMap<String, String>,
}

/// A verb of saying before a quoted heading, and what replaces both.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Said {
    pub verb: String,
    pub write: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Names {
    pub wrongly: Vec<String>,
    pub misspelling: String,
    pub wrong_name: String,
    pub quoted: Vec<Quoted>,
    pub known_as: Vec<String>,
    pub from_work: String,
    /// An officer of the police named by rank ("PC 4521 Davies", "Sgt
    /// Marsh"): who they are, in the office's words. (None, in an
    /// office's older file: the name is held.)
    #[serde(default)]
    pub police: Option<String>,
    /// Nouns a listed person's family name stands before as "the
    /// Pargeter residence": said as the person's ("Mrs X's residence").
    /// (None, in an office's older file: "the Mrs X residence".)
    #[serde(default)]
    pub attributive: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Quoted {
    pub before: String,
    pub misspelling: String,
    pub wrong_name: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Place {
    pub ends: Vec<String>,
    pub write: String,
}

/// The bundled rules.
pub(crate) const BUNDLED: &str = include_str!("../../templates/rewrites.toml");

static DEFAULT: LazyLock<Arc<Rewrites>> =
    LazyLock::new(|| Arc::new(Rewrites::parse(BUNDLED).expect("the bundled rewrites.toml parses")));

impl Rewrites {
    /// Parses `rewrites.toml`: every word lower-cased, every band in order.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut rules: Self = toml::from_str(text).map_err(|e| e.to_string())?;
        rules.lower();
        if rules.date_of_birth.bands.is_empty() {
            return Err("[date_of_birth] bands: give at least one band".into());
        }
        if !rules
            .date_of_birth
            .bands
            .windows(2)
            .all(|w| w[0].below < w[1].below)
        {
            return Err(
                "[date_of_birth] bands: list them youngest first, each `below` above the last"
                    .into(),
            );
        }
        Ok(rules)
    }

    /// The bundled rules, parsed once.
    pub fn bundled() -> Arc<Self> {
        DEFAULT.clone()
    }

    fn lower(&mut self) {
        let lower = |v: &mut Vec<String>| {
            for w in v.iter_mut() {
                *w = w.to_lowercase();
            }
            // Longest first, so "born on" is tried before "born".
            v.sort_by_key(|w| std::cmp::Reverse(w.len()));
        };
        lower(&mut self.contact.prepositions);
        lower(&mut self.contact.verbs);
        lower(&mut self.date_of_birth.born);
        lower(&mut self.date_of_birth.years);
        lower(&mut self.date_of_birth.birthday);
        if let Some(noun) = &mut self.date_of_birth.noun {
            lower(&mut noun.cues);
            lower(&mut noun.determiners);
        }
        lower(&mut self.address.home_verbs);
        lower(&mut self.address.places_in);
        lower(&mut self.address.object_verbs);
        if let Some(noun) = &mut self.address.before_noun {
            lower(&mut noun.nouns);
        }
        lower(&mut self.sentence.words);
        lower(&mut self.sentence.predicates);
        lower(&mut self.sentence.named_as);
        lower(&mut self.sentence.part_cues);
        lower(&mut self.names.attributive);
        lower(&mut self.sentence.detail_labels);
        lower(&mut self.sentence.bare_after);
        // A verb of saying is a heading's verb whether or not `verbs`
        // lists it too.
        for said in &mut self.heading.said {
            said.verb = said.verb.to_lowercase();
            if !self.heading.verbs.contains(&said.verb) {
                self.heading.verbs.push(said.verb.clone());
            }
        }
        lower(&mut self.heading.verbs);
        lower(&mut self.heading.words);
        lower(&mut self.names.wrongly);
        lower(&mut self.names.known_as);
        for a in &mut self.address.after {
            a.word = a.word.to_lowercase();
        }
        for q in &mut self.names.quoted {
            q.before = q.before.to_lowercase();
        }
        for p in &mut self.places {
            lower(&mut p.ends);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_rules_parse_and_bad_ones_say_why() {
        let rules = Rewrites::bundled();
        assert!(rules.contact.prepositions.contains(&"on".to_string()));
        // Longest first: "born on the" before "born on" before "born".
        assert_eq!(
            rules.date_of_birth.born[..3],
            ["born on the", "born on", "born in"]
        );
        let bad = BUNDLED.replace("below = 30", "below = 3");
        assert!(
            Rewrites::parse(&bad)
                .unwrap_err()
                .contains("youngest first")
        );
        let bad = BUNDLED.replace("[contact]", "[contacts]");
        assert!(Rewrites::parse(&bad).is_err());
    }
}
