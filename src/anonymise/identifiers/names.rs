//! Matching listed names: who a name form belongs to, whether a name that
//! is also a word is read as a name here, families and initials.

use std::collections::HashSet;
use std::ops::Range;

use super::titles::{
    bracketed_title_after, register_title_after, title_before, title_word_before, titles_compatible,
};
use super::{Category, Doubt, Hit, Identifiers, NameForm, Source};
use crate::anonymise::fold::{Folded, at_word_boundary, fold};
use crate::anonymise::reading::{self, Occurrence, Reading};
use crate::case::Title;

/// Two- and three-letter abbreviations a decision uses that a person's
/// initials may spell: never read as initials without dots.
const ABBREVIATIONS: &[&str] = &[
    "ae", "am", "as", "asb", "asd", "ba", "cc", "chc", "cpa", "cqc", "ct", "dc", "dn", "dr", "ec",
    "eu", "fnc", "gp", "hb", "hmrc", "ho", "hr", "ic", "icb", "id", "idt", "it", "ld", "lgsco",
    "ma", "mdt", "mh", "mp", "mri", "nhs", "ni", "ok", "ot", "pa", "pc", "phso", "pm", "sab",
    "sen", "sw", "tv", "uk", "us",
];

impl Identifiers {
    /// The hyphens that break a listed name in two, as text copied from a
    /// hyphenated page has them ("Parg-eter", "Parg- eter", "Parg-" at a
    /// line's end): each with the spaces after it, where the letters on its
    /// two sides joined are a listed name's part and the second side starts
    /// in lower case. A name's own hyphen ("Tranter-Wilde") has a capital
    /// after it and stays.
    pub(super) fn broken_names(&self, text: &str) -> Vec<Range<usize>> {
        let b = text.as_bytes();
        memchr::memchr_iter(b'-', b)
            .filter_map(|at| {
                let left: usize = text[..at]
                    .chars()
                    .rev()
                    .take_while(|c| c.is_alphabetic())
                    .map(char::len_utf8)
                    .sum();
                let gap = b[at + 1..]
                    .iter()
                    .take(3)
                    .take_while(|c| matches!(c, b' ' | b'\n' | b'\r'))
                    .count();
                let after = at + 1 + gap;
                let right: usize = text[after..]
                    .chars()
                    .take_while(|c| c.is_alphabetic())
                    .map(char::len_utf8)
                    .sum();
                let lower_after = text[after..].starts_with(char::is_lowercase);
                if left == 0 || right == 0 || !lower_after {
                    return None;
                }
                let joined = fold(&[&text[at - left..at], &text[after..after + right]].concat());
                self.all_parts.contains(&joined).then_some(at..after)
            })
            .collect()
    }

    pub(super) fn name_hit(
        &self,
        folded: &Folded<'_>,
        key_range: Range<usize>,
        owners: &[(usize, NameForm)],
        word: bool,
        needs_title: bool,
    ) -> Option<Hit> {
        let orig = folded.orig_range(key_range.clone());
        let title = title_before(&folded.key, key_range.start);
        if needs_title && title.is_none() {
            return None;
        }
        // "Smith, Jane" is a name; "Mrs Smith, Jane and …" is a list.
        if title.is_some() && folded.key[key_range.clone()].contains(',') {
            return None;
        }
        let people: Vec<usize> = owners.iter().map(|(p, _)| *p).collect();
        let family = owners
            .iter()
            .all(|(_, f)| matches!(f, NameForm::Family | NameForm::FamilyPart));
        // A word written in lower case is the word, title or not ("a
        // councillor a councillor of" has no Councillor A in it).
        if word && folded.orig[orig.clone()].starts_with(char::is_lowercase) {
            return None;
        }
        let undecided = match (word, title) {
            (true, None) => match self.read(folded.orig, orig.clone(), &people, family, false) {
                Reading::Word => return None,
                Reading::Name => false,
                Reading::Undecided => true,
            },
            _ => false,
        };
        let start = title.map_or(key_range.start, |(_, at)| at);
        // "Pargeter, Ms J.": a family name in a register's order with any
        // title and initials (the person's own title and given name are
        // among the name's forms); the title says who is meant.
        // Not where a name follows the initials ("Pargeter, Ms J.
        // Pargeter"): that is a name of its own.
        let register = (family && title.is_none())
            .then(|| register_title_after(&folded.key[key_range.end..]))
            .flatten()
            .filter(|(_, len)| {
                let after = folded.orig_range(key_range.end + len..folded.key.len());
                !folded.orig[after]
                    .trim_start()
                    .starts_with(char::is_uppercase)
            });
        let end = key_range.end
            + register.map_or_else(
                || bracketed_title_after(&folded.key[key_range.end..]),
                |(_, len)| len,
            );
        let range = folded.orig_range(start..end);
        let said_title = title.or(register).and_then(|(t, _)| t);
        let hit = match self.attribute(owners, said_title) {
            Ok(p) => {
                let label = self.labels[p].clone();
                let doubt = undecided.then(|| Doubt::UndecidedWord {
                    label: label.clone(),
                });
                Hit::new(Source::Listed, range, Category::Name, Some(p), label).doubted(doubt)
            }
            Err(candidates) => Hit::new(
                Source::Listed,
                range,
                Category::AmbiguousName,
                None,
                Category::Name.placeholder(),
            )
            .doubted(Some(Doubt::Shared {
                candidates: self.labels_of(&candidates),
            })),
        };
        Some(hit)
    }

    /// How the text reads a name that is also a word, at `range`.
    pub(super) fn read(
        &self,
        text: &str,
        range: Range<usize>,
        owners: &[usize],
        family: bool,
        plural: bool,
    ) -> Reading {
        let same_person = |w: &str| {
            let w = fold(w);
            owners.iter().any(|&p| self.parts[p].contains(&w))
        };
        let any_person = |w: &str| self.all_parts.contains(&fold(w));
        let occurrence = Occurrence {
            text,
            range: range.clone(),
            family,
            plural,
            same_person: &same_person,
            any_person: &any_person,
        };
        if text[range].contains(' ') {
            reading::read_phrase(&occurrence)
        } else {
            reading::read(&occurrence)
        }
    }

    /// The labels of some people, sorted, once each.
    pub(super) fn labels_of(&self, people: &[usize]) -> Vec<String> {
        let mut labels: Vec<String> = people.iter().map(|&p| self.labels[p].clone()).collect();
        labels.sort();
        labels.dedup();
        labels
    }

    /// Whose name this is: by title, then by the surest form. When it is
    /// still more than one person's, the candidates (never guess).
    fn attribute(
        &self,
        owners: &[(usize, NameForm)],
        title: Option<Title>,
    ) -> Result<usize, Vec<usize>> {
        let mut candidates: Vec<(usize, NameForm)> = owners.to_vec();
        // A surname that is one person's whole family name is theirs, not a
        // part of another's double-barrelled name ("Mrs Tranter" with an Ann
        // Tranter and a Deborah Tranter-Wilde listed), when the title fits.
        let fits = |p: usize| title.is_none_or(|t| self.may_be_titled(p, t));
        let whole: Vec<(usize, NameForm)> = candidates
            .iter()
            .copied()
            .filter(|(p, f)| *f != NameForm::FamilyPart && fits(*p))
            .collect();
        if !whole.is_empty() && whole.len() < candidates.len() {
            candidates = whole;
        }
        if let Some(t) = title {
            let exact: Vec<_> = candidates
                .iter()
                .copied()
                .filter(|(p, _)| self.titles[*p] == Some(t))
                .collect();
            candidates = if exact.is_empty() {
                // Nobody has this exact title: keep those it could still fit;
                // when it fits nobody, the name is not attributed (never guess).
                candidates
                    .into_iter()
                    .filter(|(p, _)| self.may_be_titled(*p, t))
                    .collect()
            } else {
                exact
            };
        }
        let Some(best) = candidates.iter().map(|(_, f)| *f).min() else {
            let mut all: Vec<usize> = owners.iter().map(|(p, _)| *p).collect();
            all.dedup();
            return Err(all);
        };
        let mut people: Vec<usize> = candidates
            .iter()
            .filter(|(_, f)| *f == best)
            .map(|(p, _)| *p)
            .collect();
        people.sort_unstable();
        people.dedup();
        let labels: HashSet<&str> = people.iter().map(|&p| self.labels[p].as_str()).collect();
        if labels.len() == 1 {
            Ok(people[0])
        } else {
            Err(people)
        }
    }

    /// Whether a text may call person `p` by title `t`: one that fits
    /// their own; without one, any but an adult's for a child ("Ben's
    /// father, Mr Little," is not Ben).
    pub(super) fn may_be_titled(&self, p: usize, t: Title) -> bool {
        match self.titles[p] {
            Some(own) => titles_compatible(own, t),
            None => !self.children[p] || t == Title::Miss,
        }
    }

    /// "the Pargeters", "the Pargeter family", "Pargeters'": the family, by
    /// no one's label ("the family"), with the article and a plural
    /// possessive taken in.
    pub(super) fn family_hit(
        &self,
        text: &str,
        range: Range<usize>,
        owners: &[usize],
        word: bool,
    ) -> Option<Hit> {
        if word && self.read(text, range.clone(), owners, true, true) == Reading::Word {
            return None;
        }
        let before = &text[..range.start];
        let start = match before.len().checked_sub(4) {
            Some(at)
                if before
                    .get(at..)
                    .is_some_and(|b| b.eq_ignore_ascii_case("the ")) =>
            {
                at
            }
            _ => range.start,
        };
        let after = &text[range.end..];
        let apostrophe = ["'", "\u{2019}"].iter().find(|a| {
            after.starts_with(*a) && !after[a.len()..].starts_with(char::is_alphanumeric)
        });
        let (end, replacement) = match apostrophe {
            Some(a) => (range.end + a.len(), "the family's"),
            None => (range.end, "the family"),
        };
        // "Both Mrs Okonkwos": a title makes the plural the people of the
        // family it fits, each by their label ("Mrs Y and Mrs Z"); where
        // it fits fewer than two, no one can say who is meant.
        if let Some((title, title_start)) = title_word_before(text, range.start) {
            let fitting: Vec<usize> = owners
                .iter()
                .copied()
                .filter(|&p| self.may_be_titled(p, title))
                .collect();
            let labels = self.labels_of(&fitting);
            // "Mrs Pargeters son": one person's possessive, its apostrophe
            // left off, before a word for kin or work.
            if let ([person], None) = (fitting.as_slice(), apostrophe)
                && relation_after(after)
            {
                let replacement = format!("{}'s", self.labels[*person]);
                return Some(Hit::new(
                    Source::Listed,
                    title_start..end,
                    Category::Name,
                    Some(*person),
                    replacement,
                ));
            }
            let replacement = match labels.as_slice() {
                [] | [_] => Category::Name.placeholder().to_string(),
                [first @ .., last] => {
                    let s = if apostrophe.is_some() { "'s" } else { "" };
                    format!("{} and {last}{s}", first.join(", "))
                }
            };
            // ("The Mrs Okonkwos" are Mrs Y and Mrs Z, no article.)
            let title_start = title_start
                .checked_sub(4)
                .filter(|&at| {
                    text.get(at..title_start)
                        .is_some_and(|b| b.eq_ignore_ascii_case("the "))
                })
                .unwrap_or(title_start);
            return Some(Hit::new(
                Source::Listed,
                title_start..end,
                Category::Name,
                None,
                replacement,
            ));
        }
        let person = self.single(owners);
        Some(Hit::new(
            Source::Listed,
            start..end,
            Category::Name,
            person,
            replacement,
        ))
    }

    /// A person's initials, as their label: dotted always; without dots only
    /// in capitals and never where they spell a common abbreviation.
    pub(super) fn initials_hit(
        &self,
        text: &str,
        range: Range<usize>,
        owners: &[usize],
        dotted: bool,
    ) -> Option<Hit> {
        let written = &text[range.clone()];
        if !dotted {
            let letters: String = written.chars().filter(|c| c.is_alphabetic()).collect();
            let lower = letters.to_lowercase();
            // "AB 12 34 56 C" is a National Insurance number, not Ann Bell.
            let beside_number = text[range.end..]
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit())
                || text[..range.start]
                    .trim_end()
                    .ends_with(|c: char| c.is_ascii_digit());
            // "en-GB", "GB-wide", "A/B": joined to another word, a code.
            let joiner = ['-', '/', '_', '\u{2010}', '\u{2011}'];
            let joined = text[..range.start]
                .strip_suffix(joiner)
                .is_some_and(|b| b.ends_with(char::is_alphanumeric))
                || text[range.end..]
                    .strip_prefix(joiner)
                    .is_some_and(|a| a.starts_with(char::is_alphanumeric));
            if !letters.chars().all(char::is_uppercase)
                || beside_number
                || joined
                || ABBREVIATIONS.contains(&lower.as_str())
                || crate::anonymise::words::is_english_word(&lower)
            {
                return None;
            }
        }
        // Capitals without dots are only probably initials: a person checks
        // them, and a validated value (a reference, a number) beats them.
        let source = if dotted {
            Source::Listed
        } else {
            Source::Heuristic
        };
        let person = self.single(owners);
        let replacement = person.map_or_else(
            || Category::Name.placeholder().to_string(),
            |p| self.labels[p].clone(),
        );
        let category = if person.is_some() {
            Category::Name
        } else {
            Category::AmbiguousName
        };
        // A title before initials is the person's ("Mrs J.P."): the label
        // says it, so it goes with them.
        let start = title_word_before(text, range.start).map_or(range.start, |(_, at)| at);
        Some(Hit::new(
            source,
            start..range.end,
            category,
            person,
            replacement,
        ))
    }

    /// Every name token standing on its own (the leak search).
    pub(super) fn token_hits(&self, folded: &Folded<'_>) -> Vec<Hit> {
        let mut hits = Vec::new();
        for (key_range, token) in self.tokens.find_at_word_starts(&folded.key) {
            if !at_word_boundary(&folded.key, &key_range) {
                continue;
            }
            let info = &self.token_info[token];
            let range = folded.orig_range(key_range.clone());
            let title = title_before(&folded.key, key_range.start);
            if info.needs_title && title.is_none() {
                continue;
            }
            let lower = folded.orig[range.clone()].starts_with(char::is_lowercase);
            if info.word
                && (lower
                    || (title.is_none()
                        && self.read(folded.orig, range.clone(), &info.owners, info.family, false)
                            == Reading::Word))
            {
                continue;
            }
            let person = self.single(&info.owners);
            let replacement =
                person.map_or_else(|| "[name]".to_string(), |p| self.labels[p].clone());
            hits.push(Hit::new(
                Source::Listed,
                range,
                Category::Name,
                person,
                replacement,
            ));
        }
        hits
    }
}

/// Whether the word after a name is one for kin or work ("son", "carer"),
/// in lower case.
fn relation_after(after: &str) -> bool {
    let word = after
        .strip_prefix(' ')
        .and_then(|a| a.split(|c: char| !(c.is_alphabetic() || c == '-')).next())
        .unwrap_or_default();
    word.starts_with(char::is_lowercase) && crate::anonymise::detect::is_relation(word)
}
