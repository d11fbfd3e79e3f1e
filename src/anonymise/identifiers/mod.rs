//! The listed identifiers of one case, compiled for matching.
//!
//! Every surface form a listed name can take is generated up front (full
//! name, surname, given name, initials in both orders, hyphen and apostrophe
//! variants, aliases) and compiled into one aho-corasick automaton together
//! with the listed addresses, the terms to generalise and the protected text
//! (body names and labels). Structured values (phones, NHS and NI numbers,
//! postcodes, emails, dates of birth) are kept as normalised keys and found
//! through the candidate finders of [`values`](super::values); record
//! numbers, which have no shape of their own, in a view of the text's
//! letters and digits (`records`).
//!
//! The same [`Identifiers`] serve the anonymiser ([`Identifiers::hits`]) and
//! the verifier ([`Identifiers::leaks`]), so what is redacted and what is
//! checked cannot drift apart.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

use std::sync::LazyLock;

use regex::Regex;
use rustc_hash::FxHashSet;

use super::detect::{self, AllowList, Confidence};
use super::fold::{Folded, at_word_boundary, fold};
use super::rare::Rare;
use super::rewrite_rules::Rewrites;
use super::values::{self, Shape};
use crate::case::{AliasKind, Case, Date, Title};
use starts::WordPatterns;

mod ages;
mod birthdays;
mod build;
mod disguise;
mod forms;
mod listed_values;
mod names;
mod partial_numbers;
mod prescan;
mod ranks;
mod records;
mod resolve;
mod starts;
mod titles;
mod whole;
mod widen;
mod years_of_birth;

use super::hit::priority;
pub use super::hit::{Category, Doubt, Hit, Source};

use build::Builder;
use forms::strip_title;
use resolve::{protected_text, resolve};

/// Which surface form of a name a pattern is; lower ranks are surer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum NameForm {
    Full,
    Alias,
    Family,
    Initialled,
    Given,
    /// A pet form of a given name ("Bob" for Robert): the surer forms of
    /// anyone else, their own given name included, come first.
    PetName,
    FamilyPart,
}

#[derive(Debug, Clone)]
enum PatternKind {
    /// A name form, shared by the people listed.
    Name {
        owners: Vec<(usize, NameForm)>,
        /// Every word of it is also an English word, a month or a weekday:
        /// the text must read it as a name ([`reading`](super::reading)).
        word: bool,
        /// Only after a title (a hyphen part that is a word: "Ms Grant").
        needs_title: bool,
    },
    /// A family by its surname: "the Pargeters", "the Pargeter family".
    Family { owners: Vec<usize>, word: bool },
    /// A person's initials: "L.P.", "L. P." (dotted) or "LP" (upper case
    /// only, and never a common abbreviation).
    Initials { owners: Vec<usize>, dotted: bool },
    /// A short form of a given name the pet-name table does not know
    /// ("Seun" for Oluwaseun), written with a capital: doubted, never
    /// given a label ([`forms::short_forms`]).
    ShortForm(Vec<usize>),
    /// Name parts run together, as in a username or web address:
    /// "DebsTranterWilde".
    Joined(Vec<usize>),
    /// A listed address (street part).
    Address(usize),
    /// Text never to touch: body names, labels.
    Protected,
    /// A body's name printed as its `published_name`.
    BodyName(String),
    /// A term to replace with the case's wording.
    Generalise(String),
}

/// The listed identifiers of one case, compiled.
#[derive(Debug, Clone)]
pub struct Identifiers {
    labels: Vec<String>,
    /// Public numbers and mailboxes the detectors leave alone.
    allow: AllowList,
    /// Every label as printed ("Mrs X", "Mr A"), to tell them from initials.
    label_texts: HashSet<String>,
    /// The real initials of every listed person.
    initials: Vec<char>,
    hos_labels: Vec<Option<String>>,
    titles: Vec<Option<Title>>,
    /// Whether each person is a child (no adult's title is theirs).
    children: Vec<bool>,
    automaton: WordPatterns,
    patterns: Vec<PatternKind>,
    /// Name tokens for the verifier's token search, and for names in emails.
    tokens: WordPatterns,
    token_info: Vec<TokenInfo>,
    /// Each person's name parts, folded: to read "June Pargeter" as one name.
    parts: Vec<HashSet<String>>,
    /// Every listed person's name parts, folded.
    all_parts: FxHashSet<String>,
    /// Name parts and whole names, letters only, for letters spelt out
    /// ("P E M B E R T O N"), with their owners.
    spelt: HashMap<String, Vec<usize>>,
    /// Long names that are not words, for near misses ("Kowalczik").
    near: Vec<(String, Vec<usize>)>,
    values: HashMap<(Shape, String), usize>,
    /// Listed record numbers, found however spaced.
    records: records::Records,
    births: HashMap<Date, usize>,
    deaths: HashMap<Date, usize>,
    email_tokens: Vec<(String, usize)>,
    /// Each person's date of birth.
    born: Vec<Option<Date>>,
    /// The date the case's events are dated at, when a text gives none.
    as_at: Option<Date>,
    /// Each person's typed aliases: the alias folded, without its title.
    alias_kinds: Vec<Vec<(String, AliasKind)>>,
    /// Each person's label after it has been introduced ("the officer").
    short_labels: Vec<String>,
    /// The rewrite rules of the publication copy.
    rewrites: Arc<Rewrites>,
}

/// A name token for the leak search: whose, and how it must be read.
#[derive(Debug, Clone)]
struct TokenInfo {
    owners: Vec<usize>,
    word: bool,
    needs_title: bool,
    family: bool,
}

impl Identifiers {
    /// Compiles the identifiers of `case`, with each person's label; the
    /// names the documents print as the office's (`office`: the
    /// investigator, the signatories) are left as they are.
    pub(crate) fn new(case: &Case, labels: Vec<String>, office: &[String]) -> Self {
        let mut b = Builder::default();
        for (i, person) in case.people.iter().enumerate() {
            b.person(i, person);
        }
        b.office_names(office);
        for body in &case.bodies {
            for name in std::iter::once(&body.name).chain(&body.other_names) {
                let kind = match &body.published_name {
                    Some(published) => PatternKind::BodyName(published.clone()),
                    None => PatternKind::Protected,
                };
                b.pattern(name, kind);
            }
            if let Some(published) = &body.published_name {
                b.pattern(published, PatternKind::Protected);
            }
        }
        let hos_labels = case.people.iter().filter_map(|p| p.hos_label.as_ref());
        for label in labels.iter().chain(hos_labels) {
            if crate::case::parse_label(label).is_some() {
                b.pattern(label, PatternKind::Protected);
            }
        }
        for g in &case.generalise {
            b.generalise(&g.term, &g.replacement, case);
        }
        for (i, person) in case.people.iter().enumerate() {
            b.addresses(i, person, case);
        }
        for body in &case.bodies {
            let Some(addressee) = &body.addressee else {
                continue;
            };
            // An addressee who is also a listed person is that person.
            let listed = case
                .people
                .iter()
                .any(|p| fold(strip_title(&p.name)) == fold(strip_title(&addressee.name)));
            if !listed {
                b.addressee_name(&addressee.name, &addressee.position, case.people.len());
            }
        }
        b.finish(case, labels)
    }

    /// The same identifiers, with public numbers and mailboxes the
    /// detectors must leave alone.
    #[must_use]
    pub fn with_allow_list(mut self, allow: AllowList) -> Self {
        self.allow = allow;
        self
    }

    /// The same identifiers, with an office's rewrite rules for the
    /// publication copy (`rewrites.toml` of `--templates`).
    #[must_use]
    pub fn with_rewrites(mut self, rewrites: Arc<Rewrites>) -> Self {
        self.rewrites = rewrites;
        self
    }

    /// The rewrite rules of the publication copy.
    pub(crate) fn rewrites(&self) -> &Rewrites {
        &self.rewrites
    }

    /// The label of person `i`.
    pub fn label(&self, person: usize) -> &str {
        &self.labels[person]
    }

    /// The label of person `i` once introduced: "the officer" for "a
    /// senior finance officer"; the label itself for the rest.
    pub(crate) fn short_label(&self, person: usize) -> &str {
        self.short_labels
            .get(person)
            .map_or(&self.labels[person], String::as_str)
    }

    /// The title of person `i`, if the case gives one.
    pub(crate) fn title(&self, person: usize) -> Option<Title> {
        self.titles.get(person).copied().flatten()
    }

    /// The date of birth of person `i`, if listed.
    pub(crate) fn born(&self, person: usize) -> Option<Date> {
        self.born.get(person).copied().flatten()
    }

    /// The date a case's events are dated at when a text gives none: the
    /// date the complaint was received, else the decision's.
    pub(crate) fn as_at(&self) -> Option<Date> {
        self.as_at
    }

    /// Why the text uses `written` for person `i`, if it is one of their
    /// typed aliases (its title aside).
    pub(crate) fn alias_kind(&self, person: usize, written: &str) -> Option<AliasKind> {
        let kinds = self.alias_kinds.get(person).filter(|k| !k.is_empty())?;
        let key = fold(strip_title(written));
        let key = key.trim_end_matches("'s");
        // "Mrs D Tranter-Wylde" is the alias "Mrs Tranter-Wylde" with an
        // initial.
        let bare = |k: &str| -> String {
            let k = k.replace(['-', '\''], " ");
            let mut words: Vec<&str> = k.split_whitespace().collect();
            if words.len() > 1 && words[0].trim_end_matches('.').len() == 1 {
                words.remove(0);
            }
            words.join(" ")
        };
        let key = bare(key);
        kinds.iter().find(|(a, _)| bare(a) == key).map(|(_, k)| *k)
    }

    /// The Housing Ombudsman's label for person `i`, if the case gives one.
    pub fn hos_label(&self, person: usize) -> Option<&str> {
        self.hos_labels.get(person)?.as_deref()
    }

    /// Every listed identifier in `text`, non-overlapping, in text order.
    pub fn hits(&self, text: &str) -> Vec<Hit> {
        let folded = Folded::new(text);
        let (mut hits, protected) = self.pattern_hits(&folded);
        hits.extend(self.value_hits(text, &values::candidates(text)));
        hits.extend(self.spelt_hits(text));
        disguise::online_ids(text, resolve(text, hits, &protected))
    }

    /// Every listed identifier and every detected one in `text`, resolved:
    /// what the anonymiser replaces (all but [`Source::Flagged`] hits).
    pub fn find(&self, text: &str) -> Vec<Hit> {
        self.scan(text).0
    }

    /// What [`find`](Self::find) finds, with the text nothing may touch
    /// (bodies' names, labels, references, money, statutes) and the
    /// value-shaped pieces of the text (which the rewrites read again).
    pub(crate) fn scan(&self, text: &str) -> (Vec<Hit>, Vec<Range<usize>>, Vec<values::Candidate>) {
        self.scan_where(text, prescan::rare_in(text))
    }

    /// [`scan`](Self::scan), running only the rarer patterns `rare` says
    /// `text` can match.
    fn scan_where(
        &self,
        text: &str,
        rare: Rare,
    ) -> (Vec<Hit>, Vec<Range<usize>>, Vec<values::Candidate>) {
        let folded = Folded::skipping(text, &self.broken_names(text));
        let (mut hits, mut protected) = self.pattern_hits(&folded);
        let candidates = values::candidates_of(text, rare);
        hits.extend(self.value_hits(text, &candidates));
        hits.extend(self.spelt_hits(text));
        if rare.protected {
            protected.extend(protected_text(text));
        }
        for d in detect::detect(text, &candidates, &self.allow, rare) {
            let source = match (d.redact, d.confidence) {
                (false, _) => Source::Flagged,
                (true, Confidence::Validated) => Source::Validated,
                (true, Confidence::Heuristic) => Source::Heuristic,
            };
            // A profile's address is a web address, a handle a username.
            let placeholder = match d.category {
                Category::OnlineId if text[d.range.clone()].contains('/') => "[web address]",
                Category::OnlineId
                    if text[d.range.clone()].starts_with(|c: char| c.is_ascii_digit()) =>
                {
                    "[IP address]"
                }
                other => other.placeholder(),
            };
            hits.push(Hit::new(source, d.range, d.category, None, placeholder));
        }
        let kept = resolve(text, hits, &protected);
        // Surnames of the titled names that survived, standing alone.
        let names: Vec<&str> = kept
            .iter()
            .filter(|h| h.source == Source::Heuristic && h.category == Category::Name)
            .filter(|h| !matches!(h.doubt, Some(Doubt::ShortForm { .. })))
            .map(|h| &text[h.range.clone()])
            .collect();
        // Names nobody listed joined to a listed person's name.
        let listed: Vec<Range<usize>> = kept
            .iter()
            .filter(|h| h.person.is_some() && h.category == Category::Name)
            .map(|h| h.range.clone())
            .collect();
        let mut hits = detect::bare_surnames(text, &names)
            .into_iter()
            .chain(detect::beside_listed(text, &listed))
            .map(|d| {
                let placeholder = Category::Name.placeholder();
                Hit::new(
                    Source::Heuristic,
                    d.range,
                    Category::Name,
                    None,
                    placeholder,
                )
            })
            .collect::<Vec<_>>();
        hits.extend(self.near_misses(text, &kept));
        hits.extend(kept);
        let kept = resolve(text, hits, &protected);
        let kept = self.whole_names(text, kept, &protected);
        let mut kept = widen::joined_names(text, kept, &self.labels);
        widen::with_what_belongs(text, &mut kept);
        let hits = disguise::online_ids(text, self.doubt_near_misses(text, kept));
        (hits, protected, candidates)
    }

    /// The listed people (by index) whose name `text` holds, read as the
    /// anonymiser reads names (a word-name only where it reads as a name):
    /// for a body's name, which must not carry a person's.
    pub fn people_named_in(&self, text: &str) -> Vec<usize> {
        let folded = Folded::new(text);
        let (hits, _) = self.pattern_hits(&folded);
        let mut people: Vec<usize> = hits
            .iter()
            .filter(|h| h.category == Category::Name && h.doubt.is_none())
            .filter_map(|h| h.person)
            .filter(|&p| p < self.born.len())
            .collect();
        people.sort_unstable();
        people.dedup();
        people
    }

    /// Listed identifiers left in text that should have none (a redacted
    /// document's text): every hit of [`hits`](Self::hits), plus any single
    /// name token standing on its own. Labels and body names are ignored.
    pub fn leaks(&self, text: &str) -> Vec<Hit> {
        let folded = Folded::new(text);
        let (mut hits, protected) = self.pattern_hits(&folded);
        hits.extend(self.value_hits(text, &values::candidates(text)));
        hits.extend(self.spelt_hits(text));
        hits.extend(self.token_hits(&folded));
        hits.extend(self.initial_hits(text));
        resolve(text, hits, &protected)
    }

    /// A title with a real initial that is no label ("Mr M", "Mrs H."), or
    /// a label with a real initial after it ("Mr X B."): what is left when
    /// a name was only partly replaced.
    fn initial_hits(&self, text: &str) -> Vec<Hit> {
        static TITLED_INITIAL: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?-u)\b((?:Mr|Mrs|Ms|Miss|Mx|Dr)\.? ([A-Z]))\b(?: ([A-Z])\b)?")
                .expect("valid regex")
        });
        let real = |m: Option<regex::Match<'_>>| {
            m.and_then(|m| m.as_str().chars().next())
                .is_some_and(|c| self.initials.contains(&c))
        };
        TITLED_INITIAL
            .captures_iter(text)
            .filter_map(|c| {
                let titled = c.get(1).expect("title and letter");
                let label = self.label_texts.contains(&titled.as_str().replace('.', ""));
                let range = if label {
                    // "Mr X A", "Mr X I" are a word after the label, undotted.
                    let whole = c.get(0).expect("whole match");
                    let word = matches!(&text[titled.end()..whole.end()], " A" | " I")
                        && !text[whole.end()..].starts_with('.');
                    // The initial alone: the label is protected text.
                    (real(c.get(3)) && !word).then(|| c.get(3).expect("a letter").range())?
                } else {
                    real(c.get(2)).then(|| titled.range())?
                };
                Some(Hit::new(
                    Source::Listed,
                    range,
                    Category::Name,
                    None,
                    "[name]",
                ))
            })
            .collect()
    }

    fn pattern_hits(&self, folded: &Folded<'_>) -> (Vec<Hit>, Vec<Range<usize>>) {
        let mut hits = Vec::new();
        let mut protected = Vec::new();
        for (key_range, pattern) in self.automaton.find_at_word_starts(&folded.key) {
            let kind = &self.patterns[pattern];
            // A name run into a username may be followed by digits
            // ("debstranterwilde58").
            let bounded = match kind {
                PatternKind::Joined(_) => at_joined_boundary(&folded.key, &key_range),
                _ => at_word_boundary(&folded.key, &key_range),
            };
            if !bounded {
                continue;
            }
            let orig = || folded.orig_range(key_range.clone());
            match kind {
                PatternKind::Protected => protected.push(orig()),
                PatternKind::Address(p) => hits.push(Hit::new(
                    Source::Listed,
                    orig(),
                    Category::Address,
                    Some(*p),
                    Category::Address.placeholder(),
                )),
                PatternKind::Generalise(with) => hits.push(Hit::new(
                    Source::Generalised,
                    orig(),
                    Category::Generalised,
                    None,
                    with.clone(),
                )),
                // Listed, so that it beats the person's name inside it.
                PatternKind::BodyName(with) => hits.push(Hit::new(
                    Source::Listed,
                    orig(),
                    Category::Generalised,
                    None,
                    with.clone(),
                )),
                PatternKind::Name {
                    owners,
                    word,
                    needs_title,
                } => hits.extend(self.name_hit(folded, key_range, owners, *word, *needs_title)),
                PatternKind::Family { owners, word } => {
                    hits.extend(self.family_hit(folded.orig, orig(), owners, *word));
                }
                PatternKind::Initials { owners, dotted } => {
                    hits.extend(self.initials_hit(folded.orig, orig(), owners, *dotted));
                }
                PatternKind::ShortForm(owners) => {
                    let range = orig();
                    if folded.orig[range.clone()].starts_with(char::is_uppercase) {
                        let candidates = self.labels_of(owners);
                        let placeholder = Category::Name.placeholder();
                        let hit =
                            Hit::new(Source::Heuristic, range, Category::Name, None, placeholder);
                        hits.push(hit.doubted(Some(Doubt::ShortForm { candidates })));
                    }
                }
                PatternKind::Joined(owners) => hits.push(Hit::new(
                    Source::Listed,
                    orig(),
                    Category::OnlineId,
                    self.single(owners),
                    Category::OnlineId.placeholder(),
                )),
            }
        }
        (hits, protected)
    }

    /// The one person of a list of owners, if there is one.
    fn single(&self, owners: &[usize]) -> Option<usize> {
        let mut labels: Vec<&str> = owners.iter().map(|&p| self.labels[p].as_str()).collect();
        labels.dedup();
        (labels.len() == 1).then(|| owners[0])
    }
}

/// Whether a run-together name stands alone: no letter before it, and no
/// letter after it (digits may follow, as in "debstranterwilde58").
fn at_joined_boundary(key: &str, range: &Range<usize>) -> bool {
    let b = key.as_bytes();
    let before_ok = range.start == 0 || !b[range.start - 1].is_ascii_alphabetic();
    let after_ok = range.end >= b.len() || !b[range.end].is_ascii_alphabetic();
    before_ok && after_ok
}

#[cfg(test)]
mod tests;
