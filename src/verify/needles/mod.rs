//! The verifier's needles: what the verify stage looks for in a redacted
//! document, derived from the case's raw values with the verifier's own
//! reading of text ([`normal`]), independently of the anonymiser. A spelling
//! the anonymiser does not recognise is one this reading must still catch.
//!
//! [`Needles::new`] builds, once per case, from every listed person (name,
//! family name, aliases, addresses and their parts, postcodes, phones,
//! emails, dates of birth and death, NHS and National Insurance numbers),
//! every addressee's name and every term the case generalises:
//! - name parts and name forms, addresses (with their street type written
//!   out or abbreviated, with or without the house number), emails and their
//!   local parts, and terms, searched as whole words in the words view;
//! - long names and handles in the letters view ("P.E.M.B.E.R.T.O.N",
//!   "DebsTranterWilde");
//! - phone and NHS numbers in the digits view, postcodes and National
//!   Insurance numbers by their letters and digits, however spaced; a part
//!   of a number that the text says is one ([`parts`]);
//! - dates of birth and death read as dates ([`dates`]), and months and
//!   years of birth after a word that says one ([`birth_months`]);
//! - initials after a title ("Ms L.P.").
//!
//! Names that are also words are read by the shared rules
//! ([`names`]): "14 June 2024" is a date, "June said" a leak. Text the case
//! allows to print (body names and other names, short names, labels, job
//! roles, the wording of generalised terms) is masked first, so "Dr S Anand &
//! Partners" is not a leak of the surname Anand.
//!
//! Each hit ([`Found`]) says what kind of identifier it is, where it is, and
//! which field of the case file the value came from, never the value.

mod birth_months;
mod build;
mod builder;
mod dates;
mod digits;
mod lexicon;
mod names;
mod normal;
mod numbers;
mod parts;
mod places;
mod said_dates;

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use serde::Serialize;

use crate::case::Date;
use names::{NameUse, Owner};
use normal::Text;

/// What kind of listed identifier a hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A person's name, a part of it, or a form of it.
    Name,
    /// A person's initials after a title ("Ms L.P.").
    Initials,
    /// A listed address, or a part of one (street, building, place).
    Address,
    /// A listed postcode.
    Postcode,
    /// A listed phone number.
    Phone,
    /// A listed email address, or its local part.
    Email,
    /// A listed date of birth.
    DateOfBirth,
    /// A listed date of death, written in full (publications give the month).
    DateOfDeath,
    /// A listed NHS number.
    NhsNumber,
    /// A listed National Insurance number.
    NiNumber,
    /// A listed record number (a hospital number, a tenancy reference).
    RecordNumber,
    /// A term the case generalises.
    Generalised,
    /// An identifier of a kind the verifier does not list (reported by
    /// another reading of the text).
    Other,
}

impl Kind {
    /// In words, for reports.
    pub fn describe(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::Initials => "initials",
            Self::Address => "address",
            Self::Postcode => "postcode",
            Self::Phone => "phone number",
            Self::Email => "email address",
            Self::DateOfBirth => "date of birth",
            Self::DateOfDeath => "date of death",
            Self::NhsNumber => "NHS number",
            Self::NiNumber => "National Insurance number",
            Self::RecordNumber => "record number",
            Self::Generalised => "term to generalise",
            Self::Other => "identifier",
        }
    }
}

/// A listed identifier found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Found {
    /// Byte range in the searched text.
    pub range: Range<usize>,
    /// What kind of identifier.
    pub kind: Kind,
    /// The case-file field the value came from (`people[1].phones[0]`),
    /// where known.
    pub field: Option<String>,
}

/// What a pattern of the words view stands for.
#[derive(Debug, Clone)]
enum WordUse {
    /// Text the case allows to print.
    Mask,
    /// A name part or name form, read by the rules for names.
    Name(NameUse),
    /// An address, email, generalised term: a hit wherever it stands as
    /// whole words. `caps`: for phrases of common words, which of its tokens
    /// the text must capitalise ("Mill Lane", not "mill lane").
    Value {
        kind: Kind,
        field: String,
        caps: Option<Vec<bool>>,
    },
}

/// A value searched in the letters or digits view, or by its letters and
/// digits.
#[derive(Debug, Clone)]
struct ViewUse {
    kind: Kind,
    field: String,
}

/// Patterns compiled into one automaton, each with what it stands for.
#[derive(Debug, Clone)]
struct Automaton<U> {
    search: Option<AhoCorasick>,
    uses: Vec<Vec<U>>,
}

impl<U> Automaton<U> {
    /// A contiguous NFA: a DFA searches about a tenth faster but takes
    /// twice as long to build, which a case with fewer than about nine
    /// documents does not recover.
    fn new(patterns: HashMap<String, Vec<U>>) -> Self {
        let mut patterns: Vec<(String, Vec<U>)> = patterns.into_iter().collect();
        patterns.sort_by(|a, b| a.0.cmp(&b.0));
        let search = (!patterns.is_empty()).then(|| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::Standard)
                .kind(Some(AhoCorasickKind::ContiguousNFA))
                .build(patterns.iter().map(|(p, _)| p))
                .expect("needles are plain strings")
        });
        Self {
            search,
            uses: patterns.into_iter().map(|(_, u)| u).collect(),
        }
    }

    /// Every (overlapping) match: its byte range and uses.
    fn matches<'s>(&'s self, haystack: &'s str) -> impl Iterator<Item = (Range<usize>, &'s [U])> {
        self.search.iter().flat_map(move |ac| {
            ac.find_overlapping_iter(haystack)
                .map(|m| (m.range(), self.uses[m.pattern().as_usize()].as_slice()))
        })
    }
}

/// The verifier's needles for one case.
#[derive(Debug, Clone)]
pub struct Needles {
    words: Automaton<WordUse>,
    letters: Automaton<ViewUse>,
    digits: Automaton<ViewUse>,
    /// Postcodes and National Insurance numbers by their letters and
    /// digits ("hx38qt"), each of which holds a digit; sorted.
    alphanumerics: Vec<(String, Vec<ViewUse>)>,
    /// Labels the pipeline allows besides those the case file gives.
    labels: Automaton<()>,
    /// The numbers whose parts a text may say ([`parts`]).
    parts: Vec<parts::Listed>,
    births: Vec<(Date, String)>,
    deaths: Vec<(Date, String)>,
    owners: Vec<Owner>,
    /// Every listed name token, for telling a place's name from a person's.
    name_tokens: HashSet<String>,
}

impl Needles {
    /// Every listed identifier in `text`, in text order.
    ///
    /// A long text is read a part at a time (each with the text around it,
    /// so every hit is read in its context), which bounds the memory the
    /// reading takes whatever a PDF holds.
    pub fn find(&self, text: &str) -> Vec<Found> {
        if text.len() <= PART {
            return self.find_part(text);
        }
        let mut out = Vec::new();
        let mut start = 0;
        while start < text.len() {
            let end = boundary(text, start + PART);
            let (from, to) = (
                boundary(text, start.saturating_sub(CONTEXT)),
                boundary(text, end + CONTEXT),
            );
            out.extend(
                self.find_part(&text[from..to])
                    .into_iter()
                    .map(|mut found| {
                        found.range = found.range.start + from..found.range.end + from;
                        found
                    })
                    .filter(|found| (start..end).contains(&found.range.start)),
            );
            start = end;
        }
        sort(&mut out);
        out
    }

    fn find_part(&self, text: &str) -> Vec<Found> {
        let mut out = self.find_in(text);
        if text.contains(RIGHT_TO_LEFT_OVERRIDE) {
            out.extend(self.find_overridden(text));
            sort(&mut out);
        }
        out
    }

    /// What a right-to-left override shows: "\u{202E}notrebmeP\u{202C}"
    /// reads "Pemberton" on the page. Each overridden run is searched in the
    /// order it is shown; a hit in it covers the whole run.
    fn find_overridden(&self, text: &str) -> Vec<Found> {
        let mut shown = String::with_capacity(text.len());
        let mut runs: Vec<Range<usize>> = Vec::new();
        let mut rest = text;
        while let Some(at) = rest.find(RIGHT_TO_LEFT_OVERRIDE) {
            shown.push_str(&rest[..at]);
            let run = &rest[at..];
            let end = run.find(['\u{202C}', '\n']).unwrap_or(run.len());
            let start = shown.len();
            shown.extend(run[..end].chars().rev());
            runs.push(start..shown.len());
            rest = &run[end..];
        }
        shown.push_str(rest);
        self.find_in(&shown)
            .into_iter()
            .filter_map(|mut found| {
                let run = runs
                    .iter()
                    .find(|r| r.start < found.range.end && found.range.start < r.end)?;
                found.range = run.clone();
                Some(found)
            })
            .collect()
    }

    fn find_in(&self, text: &str) -> Vec<Found> {
        let t = Text::new(text);
        let word_hits: Vec<(Range<usize>, &[WordUse])> = self.words.matches(&t.words).collect();
        let mask_ranges = word_hits
            .iter()
            .filter(|(_, uses)| uses.iter().any(|u| matches!(u, WordUse::Mask)))
            .map(|(r, _)| r.clone())
            .chain(self.labels.matches(&t.words).map(|(r, _)| r));
        let masks = Masks::new(&t, mask_ranges);
        let mut out = Vec::new();
        for (range, uses) in &word_hits {
            self.word_hit(&t, range, uses, &masks, &mut out);
        }
        self.letter_hits(&t, &masks, &mut out);
        self.digit_hits(&t, &mut out);
        self.alphanumeric_hits(&t, &mut out);
        parts::part_hits(&self.parts, &t, &mut out);
        self.date_hits(&t, &mut out);
        names::initials(self, &t, &masks, &mut out);
        sort(&mut out);
        out
    }

    fn word_hit(
        &self,
        t: &Text<'_>,
        range: &Range<usize>,
        uses: &[WordUse],
        masks: &Masks,
        out: &mut Vec<Found>,
    ) {
        let (Some(first), Some(last)) = (
            t.token_starting_at(range.start),
            t.token_ending_at(range.end),
        ) else {
            return;
        };
        if masks.covers(first, last) {
            return;
        }
        for used in uses {
            match used {
                WordUse::Mask => {}
                WordUse::Name(name) => out.extend(names::is_name(self, t, first, last, name)),
                WordUse::Value { kind, field, caps } => {
                    let capitals_ok = caps.as_ref().is_none_or(|caps| {
                        caps.iter()
                            .zip(first..=last)
                            .all(|(&needed, k)| !needed || t.capitalised(k))
                    });
                    if capitals_ok {
                        out.push(Found {
                            range: t.tokens_range(first, last),
                            kind: *kind,
                            field: Some(field.clone()),
                        });
                    }
                }
            }
        }
    }

    fn letter_hits(&self, t: &Text<'_>, masks: &Masks, out: &mut Vec<Found>) {
        if self.letters.search.is_none() {
            return;
        }
        let view = t.letters();
        for (range, uses) in self.letters.matches(&view.text) {
            let (from, to) = view.chars(&range);
            if !names::letters_stand_as_name(t, from, to)
                || masks.covers(t.token_of[from], t.token_of[to - 1])
            {
                continue;
            }
            push_all(out, t.orig_range(from, to), uses);
        }
    }

    fn digit_hits(&self, t: &Text<'_>, out: &mut Vec<Found>) {
        if self.digits.search.is_none() {
            return;
        }
        let view = t.digits();
        for (range, uses) in self.digits.matches(&view.text) {
            let (from, to) = view.chars(&range);
            push_all(out, t.orig_range(from, to), uses);
        }
    }

    /// Postcodes and National Insurance numbers: runs of whole tokens,
    /// however spaced ("HX3 8QT", "hx38qt", "Q Q 1 2 3 4 5 6 C"). Each
    /// holds a digit, so only the runs around a token with a digit are read.
    fn alphanumeric_hits(&self, t: &Text<'_>, out: &mut Vec<Found>) {
        let Some(longest) = self.alphanumerics.iter().map(|(k, _)| k.len()).max() else {
            return;
        };
        let shortest = self
            .alphanumerics
            .iter()
            .map(|(k, _)| k.len())
            .min()
            .unwrap_or(0);
        let lookup = |run: &str| {
            self.alphanumerics
                .binary_search_by(|(key, _)| key.as_str().cmp(run))
                .ok()
                .map(|i| self.alphanumerics[i].1.as_slice())
        };
        let len = |k: usize| t.tokens[k].w_end - t.tokens[k].w_start;
        for k in 0..t.tokens.len() {
            if !t.token(k).bytes().any(|b| b.is_ascii_digit()) {
                continue;
            }
            // Every run of tokens through `k` no longer than the longest key.
            let mut first = k;
            let mut before = len(k);
            loop {
                let mut run = String::with_capacity(longest);
                for m in first..t.tokens.len() {
                    run.push_str(t.token(m));
                    if run.len() > longest {
                        break;
                    }
                    if m >= k
                        && run.len() >= shortest
                        && let Some(uses) = lookup(&run)
                    {
                        push_all(out, t.tokens_range(first, m), uses);
                    }
                }
                if first == 0 || before + len(first - 1) > longest {
                    break;
                }
                first -= 1;
                before += len(first);
            }
        }
    }

    fn date_hits(&self, t: &Text<'_>, out: &mut Vec<Found>) {
        if self.births.is_empty() && self.deaths.is_empty() {
            return;
        }
        for written in dates::dates(t) {
            let listed = [
                (&self.births, Kind::DateOfBirth),
                (&self.deaths, Kind::DateOfDeath),
            ];
            for (dates, kind) in listed {
                for (date, field) in dates {
                    if written.is(*date) {
                        out.push(Found {
                            range: t.tokens_range(written.first, written.last),
                            kind,
                            field: Some(field.clone()),
                        });
                    }
                }
            }
        }
        // A date of birth given as its month and year, or its year, after
        // the words that say so ("born in March 1936", "DOB 03/1936").
        for partial in birth_months::birth_months(t) {
            for (date, field) in &self.births {
                if partial.is_month_of(*date) {
                    out.push(Found {
                        range: t.tokens_range(partial.first, partial.last),
                        kind: Kind::DateOfBirth,
                        field: Some(field.clone()),
                    });
                }
            }
        }
    }
}

/// Hits in text order, each once.
fn sort(found: &mut Vec<Found>) {
    found.sort_by(|a, b| {
        (a.range.start, a.range.end, a.kind, &a.field).cmp(&(
            b.range.start,
            b.range.end,
            b.kind,
            &b.field,
        ))
    });
    found.dedup();
}

/// The most text read at once (bytes).
const PART: usize = 1 << 20;

/// The text read on either side of a part, for context.
const CONTEXT: usize = 4096;

/// The first character boundary at or before `at` (or the end).
fn boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// U+202E, which shows the text after it in reverse.
const RIGHT_TO_LEFT_OVERRIDE: char = '\u{202E}';

fn push_all(out: &mut Vec<Found>, range: Range<usize>, uses: &[ViewUse]) {
    out.extend(uses.iter().map(|u| Found {
        range: range.clone(),
        kind: u.kind,
        field: Some(u.field.clone()),
    }));
}

/// Runs of tokens the case allows to print: a hit inside one is no leak.
pub(super) struct Masks(Vec<(usize, usize)>);

impl Masks {
    fn new(t: &Text<'_>, ranges: impl Iterator<Item = Range<usize>>) -> Self {
        let mut spans: Vec<(usize, usize)> = ranges
            .filter_map(|r| Some((t.token_starting_at(r.start)?, t.token_ending_at(r.end)?)))
            .collect();
        spans.sort_unstable();
        Self(spans)
    }

    /// Whether tokens `first..=last` lie inside one masked run.
    pub fn covers(&self, first: usize, last: usize) -> bool {
        self.0
            .iter()
            .take_while(|(start, _)| *start <= first)
            .any(|&(_, end)| end >= last)
    }
}

#[cfg(test)]
mod tests;
