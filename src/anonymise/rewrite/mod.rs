//! Rewriting the clauses that held a person's details, for the publication
//! copy: what an office would write instead of a placeholder.
//!
//! The anonymiser finds the identifiers ([`Hit`]s); this stage reads the
//! clause around them and plans [`Edit`]s over the original text: a contact
//! detail after "on", "from", "at" or "by" goes with the word; a date of
//! birth becomes an age band as at the events; an address after "at", "in"
//! or "lived at" becomes "at home", "in the area", or goes; a sentence or
//! an aside holding only an identifier goes (and a list emptied of its
//! items, its introduction); a quoted heading of names and
//! identifiers is described ("headed with her name and address"). It also
//! rewrites what a label would garble: a sentence whose point was the name
//! (a misspelling, a nickname), a role restated in an apposition, a named
//! school nobody listed. The words are the office's, in
//! `templates/rewrites.toml` ([`Rewrites`]); this module finds the
//! constructions and computes the facts (whose, how old).
//!
//! An identifier no rule rewrites keeps its placeholder, which `redress
//! check` reports with what to write instead.

mod addresses;
mod births;
mod clauses;
mod heading;
mod joins;
mod lists;
mod named;
mod names;
mod places;
mod relations;
mod text;
mod where_from;

use std::ops::Range;

use serde::Serialize;

pub use super::rewrite_rules::Rewrites;
pub(crate) use names::{garbles, role_of};
pub(crate) use relations::links_to_a_job;
pub(crate) use text::capitalise;

use super::identifiers::{Category, Hit, Identifiers, Source};
use crate::case::{Date, Title};

/// One change a rewrite rule makes to a field's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Edit {
    /// The original text it replaces (whole hits only).
    pub range: Range<usize>,
    /// What is printed instead.
    pub text: String,
    /// The rule, for the log.
    pub rule: Rule,
}

/// The rewrite rules, by the construction each rewrites.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// A contact detail after "on", "from", "at", "by": gone with the word.
    ContactAfterPreposition,
    /// A listed person's contact detail after "emailed", "rang": the person.
    ContactAsPerson,
    /// A date of birth: an age band as at the events.
    BirthAsAge,
    /// "DOB" and its date as a noun of the clause: "her date of birth".
    BirthAsNoun,
    /// An address after a verb of living: "at home".
    AddressAsHome,
    /// An address that is a place: "in the area".
    AddressAsArea,
    /// An address gone with the word before it.
    AddressDropped,
    /// An identifier before a description of it: the description stays.
    IdentifierBeforeDescription,
    /// A sentence holding only an identifier: gone.
    IdentifierSentence,
    /// The sentence introducing a list whose every item went: gone.
    ListIntroduction,
    /// An aside holding only an identifier: gone with its commas.
    IdentifierAside,
    /// An identifier named before it ("her NHS number as …"): gone with
    /// its "as".
    IdentifierNamed,
    /// A name nobody listed right after the relation that introduces it
    /// ("her son Tom"): gone, the relation stays.
    NameAfterRelation,
    /// A name nobody listed set off before someone's relation ("Tom, her
    /// son,"), or in apposition before a bracket ("her nephew, Callum
    /// (aged 19),"): gone with its commas or the bracket's marks.
    NameBeforeRelation,
    /// A quoted heading of names and identifiers: described.
    HeadingDescribed,
    /// A mistaken name's aside: says what was wrong.
    NameMistake,
    /// A quoted mistaken name: says what was wrong.
    QuotedMistake,
    /// A nickname's aside ("known to her family as …"): gone.
    NicknameAside,
    /// A role label restated by its apposition: the apposition stays.
    RestatedRole,
    /// A named school, nursery, care home or practice: generalised.
    PlaceGeneralised,
    /// A name nobody listed before where its person is from ("Kelly from
    /// the Council", "Kelly (housing officer)"): the person by their work.
    NameByWorkplace,
}

impl Rule {
    /// In words, for the review sheet.
    pub fn describe(self) -> &'static str {
        match self {
            Self::ContactAfterPreposition => "contact detail left out with the word before it",
            Self::ContactAsPerson => "contact detail written as the person",
            Self::BirthAsAge => "date of birth written as an age band",
            Self::BirthAsNoun => "date of birth left out, \"her date of birth\" kept",
            Self::AddressAsHome => "address written as \"home\"",
            Self::AddressAsArea => "address written as \"the area\"",
            Self::AddressDropped => "address left out with the word before it",
            Self::IdentifierBeforeDescription => "identifier left out before its description",
            Self::IdentifierSentence => "sentence holding only an identifier left out",
            Self::ListIntroduction => "sentence introducing a list left out with the list",
            Self::IdentifierAside => "aside holding only an identifier left out",
            Self::IdentifierNamed => "identifier left out after its name (\"as …\")",
            Self::NameAfterRelation => "name left out after the relation before it",
            Self::NameBeforeRelation => "name set off beside a relation left out",
            Self::HeadingDescribed => "quoted heading described",
            Self::NameMistake => "mistaken name described",
            Self::QuotedMistake => "quoted mistaken name described",
            Self::NicknameAside => "nickname aside left out",
            Self::RestatedRole => "role said once",
            Self::PlaceGeneralised => "named place generalised",
            Self::NameByWorkplace => "name written as the person's work",
        }
    }
}

/// What a rewrite reads: the field's text, the identifiers found in it,
/// and the case's people.
pub(crate) struct Context<'a> {
    pub text: &'a str,
    /// Every hit, in text order, not overlapping.
    pub hits: &'a [Hit],
    pub ids: &'a Identifiers,
    /// Text nothing may touch (bodies' names, labels).
    pub protected: &'a [Range<usize>],
    /// The value-shaped pieces of the text, as the scan found them.
    pub candidates: &'a [super::values::Candidate],
    /// The full dates of the text that are no one's birth, found once.
    pub dates: std::cell::OnceCell<Vec<Date>>,
}

impl Context<'_> {
    fn rules(&self) -> &Rewrites {
        self.ids.rewrites()
    }

    /// The hits that print a placeholder (not names, not flagged ones).
    fn is_blank(hit: &Hit) -> bool {
        hit.source != Source::Flagged && hit.replacement.starts_with('[')
    }

    /// The indices of the hits inside `range`.
    fn hits_in(&self, range: &Range<usize>) -> Range<usize> {
        let first = self.hits.partition_point(|h| h.range.start < range.start);
        let last = self.hits.partition_point(|h| h.range.start < range.end);
        first..last.max(first)
    }

    /// The possessive pronoun of person `p`, or of whoever the text after
    /// `at` says ("she", "his"), else "their".
    fn their(&self, p: Option<usize>, at: usize) -> &'static str {
        pronouns(self.ids, p, self.text, at).0
    }

    /// The object pronoun, likewise.
    fn them(&self, p: Option<usize>, at: usize) -> &'static str {
        pronouns(self.ids, p, self.text, at).1
    }

    /// The date the events are dated at: the earliest full date in the text
    /// after `born` that is no one's date of birth, else the case's.
    fn as_at(&self, born: Date) -> Option<Date> {
        let dates = self.dates.get_or_init(|| {
            let births: Vec<Range<usize>> = self
                .hits
                .iter()
                .filter(|h| h.category == Category::DateOfBirth)
                .map(|h| h.range.clone())
                .collect();
            let mut dates: Vec<Date> = self
                .candidates
                .iter()
                .filter(|c| c.shape == super::values::Shape::Date)
                .filter(|c| {
                    !births
                        .iter()
                        .any(|b| b.start < c.range.end && c.range.start < b.end)
                })
                .flat_map(|c| c.dates.iter().copied())
                .collect();
            dates.sort_unstable();
            dates
        });
        let after = dates.partition_point(|d| *d <= born);
        dates.get(after).copied().or(self.ids.as_at())
    }
}

/// The possessive and object pronouns for a person: by their title, else
/// by the first "she", "her", "he", "his", "him" after `at`.
fn pronouns(
    ids: &Identifiers,
    p: Option<usize>,
    text: &str,
    at: usize,
) -> (&'static str, &'static str) {
    const HER: (&str, &str) = ("her", "her");
    const HIS: (&str, &str) = ("his", "him");
    match p.and_then(|p| ids.title(p)) {
        Some(Title::Mrs | Title::Ms | Title::Miss) => return HER,
        Some(Title::Mr) => return HIS,
        _ => {}
    }
    for w in text[at.min(text.len())..]
        .split(|c: char| !c.is_alphabetic())
        .take(60)
    {
        match w.to_lowercase().as_str() {
            "she" | "her" | "hers" | "herself" => return HER,
            "he" | "his" | "him" | "himself" => return HIS,
            _ => {}
        }
    }
    ("their", "them")
}

/// The rewrites of one field's text, in text order, not overlapping, each
/// covering whole hits.
pub(crate) fn plan(cx: &Context<'_>) -> Vec<Edit> {
    let mut edits: Vec<Edit> = Vec::new();
    heading::headings(cx, &mut edits);
    names::mistakes(cx, &mut edits);
    names::nicknames(cx, &mut edits);
    names::called_asides(cx, &mut edits);
    named::name_statements(cx, &mut edits);
    named::attributive(cx, &mut edits);
    names::restated_roles(cx, &mut edits);
    for run in runs(cx) {
        if edits
            .iter()
            .any(|e| e.range.start < run.range.end && run.range.start < e.range.end)
        {
            continue;
        }
        if let Some(edit) = clauses::rewrite(cx, &run) {
            edits.push(edit);
        }
    }
    places::generalise(cx, &mut edits);
    let mut edits = settle(cx, edits);
    let introductions = lists::introductions(cx.text, &edits);
    if !introductions.is_empty() {
        edits.extend(introductions);
        edits = settle(cx, edits);
    }
    joins::mend(cx.text, edits)
}

/// Keeps the edits that cover whole hits and none of protected text, the
/// first planned winning an overlap; in text order.
fn settle(cx: &Context<'_>, edits: Vec<Edit>) -> Vec<Edit> {
    let mut protected: Vec<Range<usize>> = cx.protected.to_vec();
    protected.sort_by_key(|p| p.start);
    let longest = protected.iter().map(|p| p.end - p.start).max().unwrap_or(0);
    // Kept edits by start; they never overlap, so the one an edit could
    // overlap is the last that starts before it ends.
    let mut kept: std::collections::BTreeMap<usize, Edit> = Default::default();
    for e in edits {
        let overlaps = |r: &Range<usize>| r.start < e.range.end && e.range.start < r.end;
        // Hits are in text order and do not overlap: those that could cut
        // the edit's ends are the ones around its start and its end.
        let first = cx.hits.partition_point(|h| h.range.end <= e.range.start);
        let cuts_hit = cx.hits[first..]
            .iter()
            .take_while(|h| h.range.start < e.range.end)
            .any(|h| h.range.start < e.range.start || h.range.end > e.range.end);
        let from = protected.partition_point(|p| p.start + longest <= e.range.start);
        let over_protected = protected[from..]
            .iter()
            .take_while(|p| p.start < e.range.end)
            .any(overlaps);
        if cuts_hit || over_protected || e.range.end > cx.text.len() {
            continue;
        }
        let over_kept = kept
            .range(..e.range.end)
            .next_back()
            .map(|(&at, k)| (at, k))
            .filter(|(_, k)| overlaps(&k.range));
        match over_kept {
            None => {
                kept.insert(e.range.start, e);
            }
            // Two sentences left out side by side share the space between
            // them: "Mob: 07700 900461. Tel: 0113 496 0412." goes whole.
            Some((at, k)) if joins_blank(cx.text, k, &e) => {
                let mut k = kept.remove(&at).expect("just found");
                k.range = k.range.start.min(e.range.start)..k.range.end.max(e.range.end);
                kept.insert(k.range.start, k);
            }
            Some(_) => {}
        }
    }
    kept.into_values().collect()
}

/// Whether two edits that print nothing overlap only on the spacing
/// between them.
fn joins_blank(text: &str, a: &Edit, b: &Edit) -> bool {
    let shared = a.range.start.max(b.range.start)..a.range.end.min(b.range.end);
    a.text.is_empty()
        && b.text.is_empty()
        && a.rule == b.rule
        && text[shared].chars().all(char::is_whitespace)
}

/// Identifiers that print a placeholder, side by side: an address and its
/// postcode, a name and a number in a heading.
#[derive(Debug, Clone)]
pub(super) struct Run {
    /// From the start of the first to the end of the last.
    pub range: Range<usize>,
    /// Their indices in the context's hits.
    pub hits: Range<usize>,
}

impl Run {
    fn categories<'a>(&self, cx: &'a Context<'_>) -> impl Iterator<Item = Category> + 'a {
        cx.hits[self.hits.clone()].iter().map(|h| h.category)
    }

    /// The person the run's identifiers belong to, if one.
    fn person(&self, cx: &Context<'_>) -> Option<usize> {
        let mut people = cx.hits[self.hits.clone()].iter().filter_map(|h| h.person);
        let first = people.next()?;
        people.all(|p| p == first).then_some(first)
    }
}

/// The runs of placeholder hits: hits joined by nothing but spaces, commas
/// and dashes.
fn runs(cx: &Context<'_>) -> Vec<Run> {
    let place = |c: Category| matches!(c, Category::Address | Category::Postcode);
    let mut out: Vec<Run> = Vec::new();
    for (i, hit) in cx.hits.iter().enumerate() {
        if !Context::is_blank(hit) || hit.category == Category::AmbiguousName {
            continue;
        }
        let contact = |c: Category| matches!(c, Category::Phone | Category::Email);
        let unlisted = |h: &Hit| h.category == Category::Name && h.source == Source::Heuristic;
        if let Some(last) = out.last_mut()
            && last.hits.end == i
            && let gap = &cx.text[last.range.end..hit.range.start]
            && (gap
                .chars()
                .all(|c| matches!(c, ' ' | ',' | '-' | '\u{2013}'))
                || (place(hit.category)
                    && place(cx.hits[i - 1].category)
                    && town_between(gap))
                // "on 01632 960118 or 07700 900461", "to NR17 2DW and LS6
                // 2QT": one contact detail, one place; "called Jack and
                // Harry": two people a word introduces together.
                || (matches!(gap, " and " | " or " | ", and " | ", or ")
                    && ((contact(hit.category) && contact(cx.hits[i - 1].category))
                        || (place(hit.category) && place(cx.hits[i - 1].category))
                        || (unlisted(hit) && unlisted(&cx.hits[i - 1])))))
        {
            last.range.end = hit.range.end;
            last.hits.end = i + 1;
            continue;
        }
        out.push(Run {
            range: hit.range.clone(),
            hits: i..i + 1,
        });
    }
    // An address takes the towns written after it ("17 Sorrel Street,
    // Halden"), short of the next identifier.
    for run in out.iter_mut().filter(|run| run.categories(cx).all(place)) {
        let next = cx
            .hits
            .get(run.hits.end)
            .map_or(cx.text.len(), |h| h.range.start);
        let end = towns_after(cx.text, run.range.end);
        if end <= next {
            run.range.end = end;
        }
    }
    out
}

/// Whether the text between two parts of an address is a town that is
/// no part of it (it names one of the bodies): ", Halden, ", " Halden ",
/// ", Halden " (a postcode often follows its town without a comma).
fn town_between(gap: &str) -> bool {
    let inner = gap
        .strip_prefix(", ")
        .or_else(|| gap.strip_prefix(' '))
        .and_then(|g| g.strip_suffix(", ").or_else(|| g.strip_suffix(' ')));
    inner.is_some_and(is_town)
}

/// Capitalised words of letters, apostrophes and hyphens: "Halden",
/// "Bishop's Stortford".
pub(super) fn is_town(words: &str) -> bool {
    !words.is_empty()
        && words.split(' ').all(|w| {
            w.starts_with(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '\'' | '\u{2019}' | '-'))
        })
}

/// The towns after an address, up to the end of the clause: ", Halden" in
/// "at 17 Sorrel Street, Halden." (a town that names a body is no listed
/// part of the address, but goes with it), or " Halden" written without
/// the comma.
pub(super) fn towns_after(text: &str, at: usize) -> usize {
    let mut end = at;
    loop {
        let Some(rest) = text[end..]
            .strip_prefix(", ")
            .or_else(|| text[end..].strip_prefix(' ').filter(|_| end == at))
        else {
            return end;
        };
        let len = rest
            .find(|c: char| !(c.is_alphabetic() || matches!(c, ' ' | '\'' | '\u{2019}' | '-')))
            .unwrap_or(rest.len());
        let town = rest[..len].trim_end();
        let closes =
            rest[town.len()..].is_empty() || rest[town.len()..].starts_with(['.', ';', ',', ')']);
        if !is_town(town) || !closes {
            return end;
        }
        end = text.len() - rest.len() + town.len();
    }
}

#[cfg(test)]
mod tests;
