//! The listed identifiers of one case, compiled for matching
//! (ANONYMISATION.md §6.3 and §7).
//!
//! Every surface form a listed name can take is generated up front (full
//! name, surname, given name, initials in both orders, hyphen and apostrophe
//! variants, aliases) and compiled into one aho-corasick automaton together
//! with the listed addresses, the terms to generalise and the protected text
//! (body names and labels). Structured values (phones, NHS and NI numbers,
//! postcodes, emails, dates of birth) are kept as normalised keys and found
//! through the candidate finders of [`values`](super::values).
//!
//! The same [`Identifiers`] serve the anonymiser ([`Identifiers::hits`]) and
//! the verifier ([`Identifiers::leaks`]), so what is redacted and what is
//! checked cannot drift apart.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;
use serde::Serialize;

use super::detect::{self, AllowList, Confidence};
use super::fold::{Folded, at_word_boundary, fold};
use super::values::{self, Shape};
use super::words::is_english_word;
use crate::case::{Case, Date, Person, Title};
use crate::ids;

/// What kind of identifier a hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// A listed person's name (any form).
    Name,
    /// A surname shared by several people, not attributable to one.
    AmbiguousName,
    /// A listed street address.
    Address,
    /// A postcode.
    Postcode,
    /// A phone number.
    Phone,
    /// An email address.
    Email,
    /// An NHS number.
    NhsNumber,
    /// A National Insurance number.
    NiNumber,
    /// A date of birth.
    DateOfBirth,
    /// A full date of death (generalised to month and year).
    DateOfDeath,
    /// A term the case asked to generalise.
    Generalised,
    /// A vehicle registration.
    Vehicle,
    /// A bank sort code, account number or IBAN.
    BankDetails,
}

impl Category {
    /// The entity name the anon-bench scorer (Presidio's names) uses.
    pub fn bench_type(self) -> &'static str {
        match self {
            Self::Name | Self::AmbiguousName => "PERSON",
            Self::Address => "LOCATION",
            Self::Postcode => "UK_POSTCODE",
            Self::Phone => "PHONE_NUMBER",
            Self::Email => "EMAIL_ADDRESS",
            Self::NhsNumber => "UK_NHS",
            Self::NiNumber => "UK_NINO",
            Self::DateOfBirth | Self::DateOfDeath => "DATE_TIME",
            Self::Generalised => "GENERALISED",
            Self::Vehicle => "UK_VEHICLE_REGISTRATION",
            Self::BankDetails => "IBAN_CODE",
        }
    }

    /// The placeholder printed in its place (names print the label instead).
    pub fn placeholder(self) -> &'static str {
        match self {
            Self::Name | Self::AmbiguousName => "[name]",
            Self::Address => "[address]",
            Self::Postcode => "[postcode]",
            Self::Phone => "[phone number]",
            Self::Email => "[email address]",
            Self::NhsNumber => "[NHS number]",
            Self::NiNumber => "[National Insurance number]",
            Self::DateOfBirth => "[date of birth]",
            Self::DateOfDeath => "[date of death]",
            Self::Generalised => "[generalised]",
            Self::Vehicle => "[vehicle registration]",
            Self::BankDetails => "[bank details]",
        }
    }

    /// In words, for reports.
    pub fn describe(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::AmbiguousName => "name shared by several people",
            Self::Address => "address",
            Self::Postcode => "postcode",
            Self::Phone => "phone number",
            Self::Email => "email address",
            Self::NhsNumber => "NHS number",
            Self::NiNumber => "National Insurance number",
            Self::DateOfBirth => "date of birth",
            Self::DateOfDeath => "date of death",
            Self::Generalised => "term to generalise",
            Self::Vehicle => "vehicle registration",
            Self::BankDetails => "bank details",
        }
    }
}

/// One listed identifier found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Listed in the case, or found by a detector.
    pub source: Source,
    /// Byte range in the text.
    pub range: Range<usize>,
    /// What it is.
    pub category: Category,
    /// Whose it is (index into `case.people`), where known.
    pub person: Option<usize>,
    /// What to print instead.
    pub replacement: String,
}

/// Where a hit comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// A detector found it and it is only reported (too weak to replace).
    Flagged,
    /// A detector found it: a heuristic shape.
    Heuristic,
    /// A detector found it: a validated shape.
    Validated,
    /// A term the case asked to generalise.
    Generalised,
    /// Listed in the case file.
    Listed,
}

/// How strong a claim a hit makes, for resolving overlaps: listed beats
/// validated beats heuristic; within listed, structured values beat
/// addresses beat names.
fn priority(hit: &Hit) -> u8 {
    let within = match hit.category {
        Category::Address => 1,
        Category::Name | Category::AmbiguousName => 0,
        _ => 2,
    };
    match hit.source {
        Source::Listed => 10 + within,
        Source::Generalised => 8,
        Source::Validated => 6,
        Source::Heuristic => 4,
        Source::Flagged => 2,
    }
}

/// Which surface form of a name a pattern is; lower ranks are surer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum NameForm {
    Full,
    Alias,
    Family,
    Initialled,
    Given,
    FamilyPart,
}

#[derive(Debug, Clone)]
enum PatternKind {
    /// A name form, shared by the people listed.
    Name {
        owners: Vec<(usize, NameForm)>,
        needs_capital: bool,
        needs_title: bool,
    },
    /// A listed address (street part).
    Address(usize),
    /// Text never to touch: body names, labels.
    Protected,
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
    automaton: AhoCorasick,
    patterns: Vec<PatternKind>,
    /// Name tokens for the verifier's token search, and for names in emails.
    tokens: AhoCorasick,
    token_info: Vec<(Vec<usize>, bool, bool)>,
    values: HashMap<(Shape, String), usize>,
    births: HashMap<Date, usize>,
    deaths: HashMap<Date, usize>,
    email_tokens: Vec<(String, usize)>,
}

impl Identifiers {
    /// Compiles the identifiers of `case`, with each person's label.
    pub(crate) fn new(case: &Case, labels: Vec<String>) -> Self {
        let mut b = Builder::default();
        for (i, person) in case.people.iter().enumerate() {
            b.person(i, person);
        }
        for body in &case.bodies {
            for name in std::iter::once(&body.name).chain(&body.other_names) {
                b.pattern(name, PatternKind::Protected);
            }
        }
        let hos_labels = case.people.iter().filter_map(|p| p.hos_label.as_ref());
        for label in labels.iter().chain(hos_labels) {
            if crate::case::parse_label(label).is_some() {
                b.pattern(label, PatternKind::Protected);
            }
        }
        for g in &case.generalise {
            b.pattern(&g.term, PatternKind::Generalise(g.replacement.clone()));
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

    /// The label of person `i`.
    pub fn label(&self, person: usize) -> &str {
        &self.labels[person]
    }

    /// The Housing Ombudsman's label for person `i`, if the case gives one.
    pub fn hos_label(&self, person: usize) -> Option<&str> {
        self.hos_labels.get(person)?.as_deref()
    }

    /// Every listed identifier in `text`, non-overlapping, in text order.
    pub fn hits(&self, text: &str) -> Vec<Hit> {
        let folded = Folded::new(text);
        let (mut hits, protected) = self.pattern_hits(&folded);
        hits.extend(self.value_hits(text));
        resolve(hits, &protected)
    }

    /// Every listed identifier and every detected one in `text`, resolved:
    /// what the anonymiser replaces (all but [`Source::Flagged`] hits).
    pub fn find(&self, text: &str) -> Vec<Hit> {
        let folded = Folded::new(text);
        let (mut hits, mut protected) = self.pattern_hits(&folded);
        hits.extend(self.value_hits(text));
        protected.extend(protected_text(text));
        for d in detect::detect(text, &self.allow) {
            let source = match (d.redact, d.confidence) {
                (false, _) => Source::Flagged,
                (true, Confidence::Validated) => Source::Validated,
                (true, Confidence::Heuristic) => Source::Heuristic,
            };
            let replacement = d.category.placeholder().to_string();
            hits.push(Hit {
                source,
                range: d.range,
                category: d.category,
                person: None,
                replacement,
            });
        }
        let kept = resolve(hits, &protected);
        // Surnames of the titled names that survived, standing alone.
        let names: Vec<&str> = kept
            .iter()
            .filter(|h| h.source == Source::Heuristic && h.category == Category::Name)
            .map(|h| &text[h.range.clone()])
            .collect();
        let bare = detect::bare_surnames(text, &names);
        if bare.is_empty() {
            return kept;
        }
        let mut hits = kept;
        hits.extend(bare.into_iter().map(|d| Hit {
            source: Source::Heuristic,
            range: d.range,
            category: Category::Name,
            person: None,
            replacement: Category::Name.placeholder().into(),
        }));
        resolve(hits, &protected)
    }

    /// Listed identifiers left in text that should have none (a redacted
    /// document's text): every hit of [`hits`](Self::hits), plus any single
    /// name token standing on its own. Labels and body names are ignored.
    pub fn leaks(&self, text: &str) -> Vec<Hit> {
        let folded = Folded::new(text);
        let (mut hits, protected) = self.pattern_hits(&folded);
        hits.extend(self.value_hits(text));
        hits.extend(self.token_hits(&folded));
        hits.extend(self.initial_hits(text));
        resolve(hits, &protected)
    }

    /// A title with a real initial that is no label ("Mr M", "Mrs H."): what
    /// is left when a name was only partly replaced.
    fn initial_hits(&self, text: &str) -> Vec<Hit> {
        static TITLED_INITIAL: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?-u)\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.? ([A-Z])\b").expect("valid regex")
        });
        TITLED_INITIAL
            .captures_iter(text)
            .filter(|c| {
                let whole = c.get(0).expect("whole match").as_str().replace('.', "");
                let letter = c[1].chars().next().expect("one letter");
                !self.label_texts.contains(&whole) && self.initials.contains(&letter)
            })
            .map(|c| Hit {
                source: Source::Listed,
                range: c.get(0).expect("whole match").range(),
                category: Category::Name,
                person: None,
                replacement: "[name]".into(),
            })
            .collect()
    }

    fn pattern_hits(&self, folded: &Folded<'_>) -> (Vec<Hit>, Vec<Range<usize>>) {
        let mut hits = Vec::new();
        let mut protected = Vec::new();
        for m in self.automaton.find_overlapping_iter(&folded.key) {
            let key_range = m.start()..m.end();
            if !at_word_boundary(&folded.key, &key_range) {
                continue;
            }
            match &self.patterns[m.pattern().as_usize()] {
                PatternKind::Protected => protected.push(folded.orig_range(key_range)),
                PatternKind::Address(p) => hits.push(Hit {
                    source: Source::Listed,
                    range: folded.orig_range(key_range),
                    category: Category::Address,
                    person: Some(*p),
                    replacement: Category::Address.placeholder().into(),
                }),
                PatternKind::Generalise(with) => hits.push(Hit {
                    source: Source::Generalised,
                    range: folded.orig_range(key_range),
                    category: Category::Generalised,
                    person: None,
                    replacement: with.clone(),
                }),
                PatternKind::Name {
                    owners,
                    needs_capital,
                    needs_title,
                } => {
                    if let Some(hit) =
                        self.name_hit(folded, key_range, owners, *needs_capital, *needs_title)
                    {
                        hits.push(hit);
                    }
                }
            }
        }
        (hits, protected)
    }

    fn name_hit(
        &self,
        folded: &Folded<'_>,
        key_range: Range<usize>,
        owners: &[(usize, NameForm)],
        needs_capital: bool,
        needs_title: bool,
    ) -> Option<Hit> {
        let orig = folded.orig_range(key_range.clone());
        if needs_capital && !folded.orig[orig.clone()].starts_with(char::is_uppercase) {
            return None;
        }
        let title = title_before(&folded.key, key_range.start);
        if needs_title && title.is_none() {
            return None;
        }
        // "Smith, Jane" is a name; "Mrs Smith, Jane and …" is a list.
        if title.is_some() && folded.key[key_range.clone()].contains(',') {
            return None;
        }
        let start = title.map_or(key_range.start, |(_, at)| at);
        let end = key_range.end + bracketed_title_after(&folded.key[key_range.end..]);
        let range = folded.orig_range(start..end);
        let person = self.attribute(owners, title.and_then(|(t, _)| t));
        let (category, replacement) = match person {
            Some(p) => (Category::Name, self.labels[p].clone()),
            None => (
                Category::AmbiguousName,
                Category::Name.placeholder().to_string(),
            ),
        };
        Some(Hit {
            source: Source::Listed,
            range,
            category,
            person,
            replacement,
        })
    }

    /// Whose name this is: by title, then by the surest form; `None` when
    /// still ambiguous (never guess).
    fn attribute(&self, owners: &[(usize, NameForm)], title: Option<Title>) -> Option<usize> {
        let mut candidates: Vec<(usize, NameForm)> = owners.to_vec();
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
                    .filter(|(p, _)| self.titles[*p].is_none_or(|own| titles_compatible(own, t)))
                    .collect()
            } else {
                exact
            };
        }
        let best = candidates.iter().map(|(_, f)| *f).min()?;
        let mut people: Vec<usize> = candidates
            .iter()
            .filter(|(_, f)| *f == best)
            .map(|(p, _)| *p)
            .collect();
        people.sort_unstable();
        people.dedup();
        let labels: HashSet<&str> = people.iter().map(|&p| self.labels[p].as_str()).collect();
        (labels.len() == 1).then(|| people[0])
    }

    fn value_hits(&self, text: &str) -> Vec<Hit> {
        let mut hits = Vec::new();
        for c in values::candidates(text) {
            let found = match c.shape {
                Shape::Date => self.date_hit(text, &c),
                Shape::Email => self.email_hit(&c),
                shape => self.values.get(&(shape, c.key.clone())).map(|&p| {
                    let category = match shape {
                        Shape::Phone => Category::Phone,
                        Shape::Nhs => Category::NhsNumber,
                        Shape::Nino => Category::NiNumber,
                        _ => Category::Postcode,
                    };
                    Hit {
                        source: Source::Listed,
                        range: c.range.clone(),
                        category,
                        person: Some(p),
                        replacement: category.placeholder().into(),
                    }
                }),
            };
            hits.extend(found);
        }
        hits
    }

    fn email_hit(&self, c: &values::Candidate) -> Option<Hit> {
        let person = self
            .values
            .get(&(Shape::Email, c.key.clone()))
            .copied()
            .or_else(|| {
                // An address nobody listed that carries a listed name is still
                // that person's: "peggy.oneill58@…".
                let local: String = c
                    .key
                    .split('@')
                    .next()?
                    .chars()
                    .filter(char::is_ascii_alphabetic)
                    .collect();
                self.email_tokens
                    .iter()
                    .find(|(t, _)| local.contains(t.as_str()))
                    .map(|(_, p)| *p)
            })?;
        Some(Hit {
            source: Source::Listed,
            range: c.range.clone(),
            category: Category::Email,
            person: Some(person),
            replacement: Category::Email.placeholder().into(),
        })
    }

    fn date_hit(&self, text: &str, c: &values::Candidate) -> Option<Hit> {
        if let Some(p) = c.dates.iter().find_map(|d| self.births.get(d)) {
            return Some(Hit {
                source: Source::Listed,
                range: c.range.clone(),
                category: Category::DateOfBirth,
                person: Some(*p),
                replacement: Category::DateOfBirth.placeholder().into(),
            });
        }
        let (date, p) = c
            .dates
            .iter()
            .find_map(|d| self.deaths.get(d).map(|p| (*d, *p)))?;
        // A date of death is published as month and year at most:
        // "on 3 June 2023" becomes "in June 2023".
        let before = &text[..c.range.start];
        let (start, replacement) = match before.strip_suffix("on ") {
            Some(rest) if before.len() >= 3 && !rest.ends_with(char::is_alphanumeric) => {
                (c.range.start - 3, format!("in {}", date.month_year()))
            }
            _ => (c.range.start, date.month_year()),
        };
        Some(Hit {
            source: Source::Listed,
            range: start..c.range.end,
            category: Category::DateOfDeath,
            person: Some(p),
            replacement,
        })
    }

    fn token_hits(&self, folded: &Folded<'_>) -> Vec<Hit> {
        let mut hits = Vec::new();
        for m in self.tokens.find_overlapping_iter(&folded.key) {
            let key_range = m.start()..m.end();
            if !at_word_boundary(&folded.key, &key_range) {
                continue;
            }
            let (owners, needs_capital, needs_title) = &self.token_info[m.pattern().as_usize()];
            let range = folded.orig_range(key_range.clone());
            if *needs_capital && !folded.orig[range.clone()].starts_with(char::is_uppercase) {
                continue;
            }
            if *needs_title && title_before(&folded.key, key_range.start).is_none() {
                continue;
            }
            let person = (owners.len() == 1).then(|| owners[0]);
            let replacement =
                person.map_or_else(|| "[name]".to_string(), |p| self.labels[p].clone());
            hits.push(Hit {
                source: Source::Listed,
                range,
                category: Category::Name,
                person,
                replacement,
            });
        }
        hits
    }
}

/// Keeps the strongest, then longest, of overlapping hits; drops names and
/// generalised terms that overlap protected text.
fn resolve(mut hits: Vec<Hit>, protected: &[Range<usize>]) -> Vec<Hit> {
    let overlaps = |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;
    // Protected text (bodies, labels, references, money, statutes) yields
    // only to structured values, listed or validated.
    hits.retain(|h| {
        let structured = !matches!(
            h.category,
            Category::Name | Category::AmbiguousName | Category::Address | Category::Generalised
        );
        (structured && priority(h) >= 6) || !protected.iter().any(|p| overlaps(p, &h.range))
    });
    hits.sort_by(|a, b| {
        priority(b)
            .cmp(&priority(a))
            .then((b.range.end - b.range.start).cmp(&(a.range.end - a.range.start)))
            .then(a.range.start.cmp(&b.range.start))
    });
    let mut kept: Vec<Hit> = Vec::new();
    for hit in hits {
        if !kept.iter().any(|k| overlaps(&k.range, &hit.range)) {
            kept.push(hit);
        }
    }
    kept.sort_by_key(|h| h.range.start);
    kept
}

/// Text that detectors must never touch: case references, sums of money,
/// statutes and their sections (the listed values of a case still win).
fn protected_text(text: &str) -> Vec<Range<usize>> {
    static PROTECTED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
            r"(?-u)\b\d{2} \d{3} \d{3}[a-z]?\b",
            r"|\b20\d{7}\b",
            r"|£\d{1,3}(?:,\d{3})+(?:\.\d{2})?|£\d+(?:\.\d{2})?",
            r"|(?i:\b(?:sections?|paragraphs?|para|regulations?|reg|articles?|schedule|part)\.? ?\d+[a-z]*(?:\([0-9a-z]+\))*(?:\.\d+)?)",
            r"|\bss? ?\d+[A-Z]*(?:\([0-9a-zA-Z]+\))*",
            r"|\b[A-Z][A-Za-z]*(?: (?:[A-Z][A-Za-z]*|and|of|for|the))* Act \d{4}\b",
            r"|\bSI \d{4}/\d+\b",
        ))
        .expect("valid regex")
    });
    PROTECTED.find_iter(text).map(|m| m.range()).collect()
}

/// Words that stand before a name. Titles say who is meant; the others
/// ("Councillor", "Cllr") only extend the span.
const HONORIFICS: [(&str, Option<Title>); 15] = [
    ("mrs", Some(Title::Mrs)),
    ("mr", Some(Title::Mr)),
    ("ms", Some(Title::Ms)),
    ("miss", Some(Title::Miss)),
    ("mx", Some(Title::Mx)),
    ("dr", Some(Title::Dr)),
    ("councillor", None),
    ("cllr", None),
    ("professor", None),
    ("prof", None),
    ("rev", None),
    ("sir", None),
    ("lady", None),
    ("dame", None),
    ("lord", None),
];

/// An honorific immediately before `start` in folded text, possibly with an
/// initial between ("Mr M Clarke", "Mrs H. Wisniewski"): the title it gives
/// (if any) and the offset where the span should start.
fn title_before(key: &str, start: usize) -> Option<(Option<Title>, usize)> {
    let before = key[..start].strip_suffix(' ')?;
    honorific_at_end(before).or_else(|| honorific_at_end(strip_initial(before)?))
}

fn honorific_at_end(before: &str) -> Option<(Option<Title>, usize)> {
    let before = before.strip_suffix('.').unwrap_or(before);
    HONORIFICS.iter().find_map(|(word, title)| {
        let rest = before.strip_suffix(word)?;
        let boundary = rest.is_empty() || !rest.as_bytes()[rest.len() - 1].is_ascii_alphanumeric();
        boundary.then_some((*title, rest.len()))
    })
}

/// "mr m" → "mr": drops one initial (with an optional full stop).
fn strip_initial(before: &str) -> Option<&str> {
    let b = before.strip_suffix('.').unwrap_or(before);
    // Checked: the last character may be more than one byte (a mark).
    let (rest, last) = b.split_at_checked(b.len().checked_sub(1)?)?;
    (last.as_bytes()[0].is_ascii_alphabetic()).then_some(())?;
    rest.strip_suffix(' ')
}

/// Whether two titles may name the same person (a listed "Mrs" written
/// "Ms"); "Dr" and "Mx" go with any.
fn titles_compatible(a: Title, b: Title) -> bool {
    use Title::{Dr, Miss, Mr, Mrs, Ms, Mx};
    let female = |t| matches!(t, Mrs | Ms | Miss);
    a == b
        || matches!(a, Dr | Mx)
        || matches!(b, Dr | Mx)
        || (female(a) && female(b))
        || (a == Mr && b == Mr)
}

/// The length of a bracketed title right after a name: "Smith J (Mrs)".
fn bracketed_title_after(after: &str) -> usize {
    let trimmed = after.trim_start_matches(' ');
    let Some(inner) = trimmed.strip_prefix('(') else {
        return 0;
    };
    Title::ALL
        .iter()
        .find_map(|t| {
            let word = t.as_str().to_ascii_lowercase();
            let rest = inner.strip_prefix(word.as_str())?;
            let rest = rest.strip_prefix('.').unwrap_or(rest);
            rest.starts_with(')').then(|| after.len() - rest.len() + 1)
        })
        .unwrap_or(0)
}

#[derive(Default)]
struct Builder {
    patterns: Vec<String>,
    kinds: Vec<PatternKind>,
    index: HashMap<String, usize>,
    tokens: Vec<String>,
    token_info: Vec<(Vec<usize>, bool, bool)>,
    token_index: HashMap<String, usize>,
    values: HashMap<(Shape, String), usize>,
    births: HashMap<Date, usize>,
    deaths: HashMap<Date, usize>,
    email_tokens: Vec<(String, usize)>,
    /// Labels of the people who are only addressees of letters.
    extra_labels: Vec<String>,
}

impl Builder {
    fn pattern(&mut self, text: &str, kind: PatternKind) {
        let key = fold(text);
        if key.len() < 2 {
            return;
        }
        match self.index.get(&key) {
            // Protected text wins over a name form with the same spelling.
            Some(&i) => match (&mut self.kinds[i], kind) {
                (PatternKind::Name { owners, .. }, PatternKind::Name { owners: new, .. }) => {
                    owners.extend(new);
                }
                (slot, PatternKind::Protected) => *slot = PatternKind::Protected,
                _ => {}
            },
            None => {
                self.index.insert(key.clone(), self.patterns.len());
                self.patterns.push(key);
                self.kinds.push(kind);
            }
        }
    }

    fn name(&mut self, person: usize, text: &str, form: NameForm, family_part_word: bool) {
        let single = !text.trim().contains([' ', '.', ',']);
        let needs_capital = single && is_english_word(&text.replace(['\'', '-'], ""));
        let needs_title = form == NameForm::FamilyPart && family_part_word;
        let kind = PatternKind::Name {
            owners: vec![(person, form)],
            needs_capital,
            needs_title,
        };
        self.pattern(text, kind);
    }

    fn token(&mut self, person: usize, token: &str, hyphen_part: bool) {
        let key = fold(token);
        if key.len() < 2 || key.chars().all(|c| !c.is_ascii_alphabetic()) {
            return;
        }
        let word = is_english_word(&key.replace(['\'', '-'], ""));
        match self.token_index.get(&key) {
            Some(&i) => self.token_info[i].0.push(person),
            None => {
                self.token_index.insert(key.clone(), self.tokens.len());
                self.tokens.push(key);
                self.token_info
                    .push((vec![person], word, word && hyphen_part));
            }
        }
    }

    fn person(&mut self, i: usize, p: &Person) {
        let words = untitled_words(&p.name);
        let family = p
            .family_name
            .clone()
            .unwrap_or_else(|| words.last().copied().unwrap_or_default().to_string());
        let family_words = family.split_whitespace().count();
        let given: Vec<&str> = words[..words.len().saturating_sub(family_words)].to_vec();
        self.name(i, &words.join(" "), NameForm::Full, false);
        for f in spellings(&family) {
            self.name(i, &f, NameForm::Family, false);
            if let Some(g1) = given.first() {
                self.name(i, &format!("{g1} {f}"), NameForm::Full, false);
                self.name(i, &format!("{f}, {g1}"), NameForm::Full, false);
                let initial: String = g1.chars().take(1).collect();
                for form in [
                    format!("{initial} {f}"),
                    format!("{initial}. {f}"),
                    format!("{initial}.{f}"),
                    format!("{f} {initial}"),
                    format!("{f}, {initial}"),
                ] {
                    self.name(i, &form, NameForm::Initialled, false);
                }
            }
        }
        for g in &given {
            self.name(i, g, NameForm::Given, false);
        }
        if family.contains('-') {
            for part in family.split('-') {
                self.name(i, part, NameForm::FamilyPart, is_english_word(part));
            }
        }
        for alias in &p.aliases {
            let alias = strip_title(alias);
            let alias_words: Vec<&str> = alias.split_whitespace().collect();
            if let [first, .., last] = alias_words.as_slice() {
                // "Halina Wiśniewski": the last word is a family name too.
                for f in spellings(last) {
                    self.name(i, &f, NameForm::Family, false);
                    let initial: String = first.chars().take(1).collect();
                    for form in [
                        format!("{initial} {f}"),
                        format!("{initial}. {f}"),
                        format!("{f}, {initial}"),
                    ] {
                        self.name(i, &form, NameForm::Initialled, false);
                    }
                }
            }
            for a in spellings(alias) {
                self.name(i, &a, NameForm::Alias, false);
                if !a.contains(' ') && given.first().is_some_and(|g| !g.eq_ignore_ascii_case(&a)) {
                    self.name(i, &format!("{a} {family}"), NameForm::Alias, false);
                }
            }
        }
        self.person_tokens(i, p, &words, &family);
        self.person_values(i, p);
    }

    fn person_tokens(&mut self, i: usize, p: &Person, words: &[&str], family: &str) {
        for w in words {
            self.token(i, w, false);
        }
        for f in spellings(family) {
            self.token(i, &f, false);
        }
        for part in family.split('-').filter(|_| family.contains('-')) {
            self.token(i, part, true);
        }
        for alias in &p.aliases {
            for w in strip_title(alias).split_whitespace() {
                self.token(i, w.trim_end_matches('.'), false);
            }
        }
        let mut name_parts: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        name_parts.extend(family.split(['-', ' ']).map(str::to_string));
        name_parts.extend(p.aliases.iter().flat_map(|a| {
            strip_title(a)
                .split_whitespace()
                .map(str::to_string)
                .collect::<Vec<_>>()
        }));
        for part in name_parts {
            let letters: String = fold(&part)
                .chars()
                .filter(char::is_ascii_alphabetic)
                .collect();
            if letters.len() >= 3 {
                self.email_tokens.push((letters, i));
            }
        }
    }

    fn person_values(&mut self, i: usize, p: &Person) {
        for phone in &p.phones {
            let key = ids::phone_key(phone).unwrap_or_else(|| ids::digits(phone));
            self.values.insert((Shape::Phone, key), i);
        }
        for email in &p.emails {
            self.values.insert((Shape::Email, ids::email_key(email)), i);
        }
        for postcode in &p.postcodes {
            self.postcode(postcode, i);
        }
        if let Some(nhs) = &p.nhs_number {
            self.values.insert((Shape::Nhs, ids::digits(nhs)), i);
        }
        if let Some(nino) = &p.ni_number {
            let key =
                ids::nino_key(nino).unwrap_or_else(|| nino.to_uppercase().replace([' ', '-'], ""));
            self.values.insert((Shape::Nino, key), i);
        }
        if let Some(born) = p.born {
            self.births.insert(born, i);
        }
        if let Some(died) = p.died {
            self.deaths.insert(died, i);
        }
    }

    fn postcode(&mut self, postcode: &str, person: usize) {
        let key =
            ids::postcode_key(postcode).unwrap_or_else(|| postcode.to_uppercase().replace(' ', ""));
        self.values.insert((Shape::Postcode, key), person);
    }

    /// The identifying parts of each address, as written, joined, and part
    /// by part; the postcode as a value. A part that is (in) a body's name
    /// stays: a care home or a council's town is named anyway. A small
    /// place that names no body ("Hadley Green") goes with the address.
    fn addresses(&mut self, i: usize, p: &Person, case: &Case) {
        let body_names: Vec<String> = case
            .bodies
            .iter()
            .flat_map(|b| std::iter::once(&b.name).chain(&b.other_names))
            .map(|n| fold(n))
            .collect();
        for address in &p.addresses {
            let mut parts: Vec<String> = Vec::new();
            for part in address.split(',') {
                let part = strip_brackets(part);
                if part.is_empty() {
                    continue;
                }
                match ids::postcode_key(&part) {
                    Some(_) => self.postcode(&part, i),
                    None => parts.push(part),
                }
            }
            parts.retain(|part| {
                let f = fold(part);
                !body_names
                    .iter()
                    .any(|b| b.contains(&f) || f.contains(b.as_str()))
            });
            if parts.is_empty() {
                continue;
            }
            // Every run of two or more consecutive parts, as a text may quote
            // only the start of an address ("Flat 3, Rosemary Court").
            for start in 0..parts.len() {
                for end in start + 2..=parts.len() {
                    self.pattern(&parts[start..end].join(", "), PatternKind::Address(i));
                    self.pattern(&parts[start..end].join(" "), PatternKind::Address(i));
                }
            }
            for part in &parts {
                if is_bare_unit(part) {
                    continue;
                }
                self.pattern(part, PatternKind::Address(i));
                let street: Vec<&str> = part.split_whitespace().collect();
                if street.len() >= 3 && street[0].chars().all(|c| c.is_ascii_digit()) {
                    self.pattern(&street[1..].join(" "), PatternKind::Address(i));
                }
            }
        }
    }

    /// The named addressee of a body's letters is a person too: their name
    /// must not reach a redacted document.
    fn addressee_name(&mut self, name: &str, position: &str, people: usize) {
        let person = people + self.extra_labels.len();
        self.extra_labels
            .push(format!("the {}", position.trim_start_matches("the ")));
        let words = untitled_words(name);
        if words.is_empty() {
            return;
        }
        self.name(person, &words.join(" "), NameForm::Full, false);
        if let Some(last) = words.last() {
            self.name(person, last, NameForm::Family, false);
        }
        for w in &words {
            self.token(person, w, false);
        }
    }

    fn finish(self, case: &Case, mut labels: Vec<String>) -> Identifiers {
        let mut titles: Vec<Option<Title>> = case.people.iter().map(|p| p.title).collect();
        titles.extend(self.extra_labels.iter().map(|_| None));
        labels.extend(self.extra_labels);
        let build = |patterns: &[String]| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::Standard)
                .build(patterns)
                .expect("patterns are plain strings")
        };
        let mut initials: Vec<char> = case
            .people
            .iter()
            .flat_map(crate::case::real_initials)
            .collect();
        initials.sort_unstable();
        initials.dedup();
        let label_texts = labels
            .iter()
            .cloned()
            .chain(case.people.iter().filter_map(|p| p.hos_label.clone()))
            .collect();
        Identifiers {
            allow: AllowList::default(),
            label_texts,
            initials,
            labels,
            hos_labels: case.people.iter().map(|p| p.hos_label.clone()).collect(),
            titles,
            automaton: build(&self.patterns),
            patterns: self.kinds,
            tokens: build(&self.tokens),
            token_info: self.token_info,
            values: self.values,
            births: self.births,
            deaths: self.deaths,
            email_tokens: self.email_tokens,
        }
    }
}

/// A name as written, and the other spellings of it a text may use:
/// hyphens as spaces or run together, apostrophes dropped or spaced.
fn spellings(name: &str) -> Vec<String> {
    let mut out = vec![name.to_string()];
    for (from, tos) in [("-", [" ", ""]), ("'", ["", " "]), ("\u{2019}", ["", " "])] {
        for existing in out.clone() {
            if existing.contains(from) {
                out.extend(tos.iter().map(|to| existing.replace(from, to)));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The words of a name without its titles: "Mrs Jane Smith" → Jane, Smith.
fn untitled_words(name: &str) -> Vec<&str> {
    let is_title = |w: &str| {
        Title::ALL
            .iter()
            .any(|t| t.as_str() == w.trim_end_matches('.'))
    };
    name.split_whitespace().filter(|w| !is_title(w)).collect()
}

fn strip_title(name: &str) -> &str {
    let trimmed = name.trim();
    for t in Title::ALL {
        for prefix in [format!("{} ", t.as_str()), format!("{}. ", t.as_str())] {
            if let Some(rest) = trimmed.strip_prefix(prefix.as_str()) {
                return rest.trim();
            }
        }
    }
    trimmed
}

fn strip_brackets(part: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in part.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = (depth as i32 - 1).max(0) as usize,
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A single word with no digit ("Leeds"): a town, matched only as part of
/// the address around it. ("Room 6" beside a named care home does identify
/// its resident, so units are matched on their own.)
fn is_bare_unit(part: &str) -> bool {
    part.split_whitespace().count() < 2 && !part.chars().any(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests;
