//! Names: who is listed, the needles of their names, and the verifier's own
//! reading of a name that is also a word (the shared rules of
//! `word-names`: a month in a date, a word in a place's name, a word at a
//! sentence start before a lower-case word are words; after a title, beside
//! another part of the same name, before a possessive or a person verb, and
//! capitalised in running text, the name). Undecided readings are names: the
//! anonymiser never leaves one in a publication document.

use std::collections::HashMap;

use super::lexicon::{self, TitleWord};
use super::normal::Text;
use super::{Builder, Found, Kind, Masks, Needles, WordUse};
use crate::case::{Case, Title};

/// The part a name token plays in its owner's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// A given name.
    Given,
    /// The family name, a part of it, or its plural ("the Pargeters").
    Family,
    /// A word of an alias.
    Alias,
}

/// A person whose name is listed: a person of the case, or the named
/// addressee of a body's letters.
#[derive(Debug, Clone)]
pub(super) struct Owner {
    /// The case-file field of their name.
    pub field: String,
    /// Their title, if the case gives one.
    pub title: Option<TitleWord>,
    /// Given names (as written).
    given: Vec<String>,
    /// The family name (as written).
    family: String,
    /// The field the family name comes from.
    family_field: String,
    /// Aliases without titles, with their fields.
    aliases: Vec<(String, String)>,
    /// Every name token of theirs (normalised), with its role.
    pub parts: HashMap<String, Role>,
    /// The first letters of their given names and aliases.
    given_initials: Vec<char>,
    /// The first letter of their family name.
    family_initial: Option<char>,
}

/// What a words-view pattern of a name stands for.
#[derive(Debug, Clone)]
pub(super) struct NameUse {
    owner: usize,
    role: Role,
    /// Whether the token is a word-name (read by the rules).
    word: bool,
    /// A form of several words ("Grace Little", "Tranter Wilde").
    phrase: bool,
    field: String,
}

/// Everyone whose name is listed.
pub(super) fn owners(case: &Case) -> Vec<Owner> {
    let mut out = Vec::new();
    for (i, p) in case.people.iter().enumerate() {
        let aliases = p
            .aliases
            .iter()
            .enumerate()
            .map(|(j, a)| (untitled(a).join(" "), format!("people[{i}].aliases[{j}]")))
            .collect();
        let title = p.title.map(|t| match t {
            Title::Mr => TitleWord::Male,
            Title::Mrs | Title::Ms | Title::Miss => TitleWord::Female,
            Title::Mx | Title::Dr => TitleWord::Any,
        });
        let family_field = if p.family_name.is_some() {
            format!("people[{i}].family_name")
        } else {
            format!("people[{i}].name")
        };
        out.push(owner(
            &p.name,
            p.family_name.as_deref(),
            format!("people[{i}].name"),
            family_field,
            title,
            aliases,
        ));
    }
    for (k, body) in case.bodies.iter().enumerate() {
        let Some(addressee) = &body.addressee else {
            continue;
        };
        let first = Text::new(&addressee.name).words;
        let title = first.split(' ').next().and_then(lexicon::title);
        let field = format!("bodies[{k}].addressee.name");
        out.push(owner(
            &addressee.name,
            None,
            field.clone(),
            field,
            title,
            Vec::new(),
        ));
    }
    out
}

fn owner(
    name: &str,
    family_name: Option<&str>,
    field: String,
    family_field: String,
    title: Option<TitleWord>,
    aliases: Vec<(String, String)>,
) -> Owner {
    let words = untitled(name);
    let family = family_name
        .map(str::to_string)
        .unwrap_or_else(|| words.last().cloned().unwrap_or_default());
    let family_words = family.split_whitespace().count();
    let given: Vec<String> = if words.join(" ").ends_with(&family) {
        words[..words.len().saturating_sub(family_words)].to_vec()
    } else {
        words.clone()
    };
    let mut owner = Owner {
        field,
        title,
        given,
        family,
        family_field,
        aliases,
        parts: HashMap::new(),
        given_initials: Vec::new(),
        family_initial: None,
    };
    let initial = |s: &str| Text::new(s).words.chars().next();
    owner.given_initials = owner
        .given
        .iter()
        .chain(owner.aliases.iter().map(|(a, _)| a))
        .filter_map(|g| initial(g))
        .collect();
    owner.family_initial = initial(&owner.family);
    let mut parts = HashMap::new();
    for (text, role) in owner.part_texts() {
        for token in Text::new(&text).words.split(' ').filter(|t| !t.is_empty()) {
            parts.entry(token.to_string()).or_insert(role);
        }
    }
    owner.parts = parts;
    owner
}

impl Owner {
    /// Each part of the name as written, with its role.
    fn part_texts(&self) -> Vec<(String, Role)> {
        let mut out: Vec<(String, Role)> = self
            .given
            .iter()
            .map(|g| (g.clone(), Role::Given))
            .collect();
        out.push((self.family.clone(), Role::Family));
        out.extend(self.aliases.iter().map(|(a, _)| (a.clone(), Role::Alias)));
        out
    }

    /// Whether a title fits this person.
    fn fits(&self, title: TitleWord) -> bool {
        match (self.title, title) {
            (None, _) | (Some(TitleWord::Any), _) | (_, TitleWord::Any) => true,
            (Some(own), t) => own == t,
        }
    }
}

/// The words of a name without its titles and honorifics.
fn untitled(name: &str) -> Vec<String> {
    name.split_whitespace()
        .filter(|w| lexicon::title(&Text::new(w).words).is_none())
        .map(str::to_string)
        .collect()
}

/// The needles of one owner's name.
pub(super) fn needles(o: usize, owner: &Owner, b: &mut Builder) {
    let field_of = |role: Role, text: &str| -> String {
        match role {
            Role::Family => owner.family_field.clone(),
            Role::Alias => owner
                .aliases
                .iter()
                .find(|(a, _)| a == text)
                .map_or_else(|| owner.field.clone(), |(_, f)| f.clone()),
            Role::Given => owner.field.clone(),
        }
    };
    for (text, role) in owner.part_texts() {
        part(o, &text, role, &field_of(role, &text), b);
    }
    // Family plurals: "the Pargeters", "the Tranter-Wildes", "Churches".
    let family = Text::new(&owner.family).words;
    let run_together: String = family.split(' ').collect();
    let last = family.rsplit(' ').next().unwrap_or_default().to_string();
    for base in [run_together.clone(), last] {
        if base.chars().count() >= 2 {
            let plural = plural(&base);
            let word = lexicon::is_word_name(&plural) || lexicon::is_word_name(&base);
            name(
                b,
                &plural,
                o,
                Role::Family,
                word,
                false,
                &owner.family_field,
            );
        }
    }
    // Forms of several parts.
    let full: Vec<String> = owner
        .given
        .iter()
        .cloned()
        .chain(std::iter::once(owner.family.clone()))
        .collect();
    phrase(b, &full.join(" "), o, &owner.field);
    for g in owner
        .given
        .iter()
        .chain(owner.aliases.iter().map(|(a, _)| a))
    {
        phrase(b, &format!("{g} {}", owner.family), o, &owner.field);
        phrase(b, &format!("{} {g}", owner.family), o, &owner.field);
        // Run together, as in handles and addresses: "DebsTranterWilde".
        b.letters(&format!("{g}{}", owner.family), 6, Kind::Name, &owner.field);
        b.letters(&format!("{}{g}", owner.family), 6, Kind::Name, &owner.field);
    }
    for initial in &owner.given_initials {
        b.letters(
            &format!("{initial}{}", owner.family),
            6,
            Kind::Name,
            &owner.field,
        );
    }
}

/// The needles of one part of a name: each of its tokens, the whole, and
/// its letters run together.
fn part(o: usize, text: &str, role: Role, field: &str, b: &mut Builder) {
    let words = Text::new(text).words;
    let tokens: Vec<&str> = words.split(' ').filter(|t| !t.is_empty()).collect();
    for token in &tokens {
        if token.chars().count() >= 2 && !lexicon::is_particle(token) {
            name(
                b,
                token,
                o,
                role,
                lexicon::is_word_name(token),
                false,
                field,
            );
        }
        b.letters(token, 5, Kind::Name, field);
    }
    if tokens.len() > 1 {
        phrase(b, text, o, field);
        let joined: String = tokens.concat();
        name(
            b,
            &joined,
            o,
            role,
            lexicon::is_word_name(&joined),
            false,
            field,
        );
        b.letters(&joined, 5, Kind::Name, field);
    }
}

fn name(
    b: &mut Builder,
    token: &str,
    owner: usize,
    role: Role,
    word: bool,
    phrase: bool,
    field: &str,
) {
    b.word(
        token,
        WordUse::Name(NameUse {
            owner,
            role,
            word,
            phrase,
            field: field.to_string(),
        }),
    );
}

fn phrase(b: &mut Builder, text: &str, owner: usize, field: &str) {
    if Text::new(text).tokens.len() > 1 {
        name(b, text, owner, Role::Given, false, true, field);
    }
}

/// The plural of a family name: "Pargeters", "Hugheses", "Churches".
fn plural(base: &str) -> String {
    if ["s", "x", "z", "ch", "sh"]
        .iter()
        .any(|e| base.ends_with(e))
    {
        format!("{base}es")
    } else {
        format!("{base}s")
    }
}

/// Whether a words-view hit of a name is a leak, by the rules for names.
pub(super) fn is_name(
    n: &Needles,
    t: &Text<'_>,
    first: usize,
    last: usize,
    u: &NameUse,
) -> Option<Found> {
    let leak = if u.phrase {
        phrase_is_name(t, first, last)
    } else {
        !u.word || token_is_name(n, t, first, u)
    };
    leak.then(|| Found {
        range: t.tokens_range(first, last),
        kind: Kind::Name,
        field: Some(u.field.clone()),
    })
}

/// A form of several words is a name unless it runs across a sentence's
/// end, or is made of words none of which is capitalised ("rose baker").
fn phrase_is_name(t: &Text<'_>, first: usize, last: usize) -> bool {
    let across = (first + 1..=last).any(|m| {
        let sep = t.sep(m);
        sep.contains(['.', '!', '?'])
            && sep.contains(char::is_whitespace)
            && !is_initial_or_title(t, m - 1)
    });
    let all_words = (first..=last).all(|k| lexicon::is_word_name(t.token(k)));
    !across && (!all_words || (first..=last).any(|k| t.capitalised(k)))
}

/// The rules for a single word-name token `k` (word-names rules 1–9).
fn token_is_name(n: &Needles, t: &Text<'_>, k: usize, u: &NameUse) -> bool {
    let token = t.token(k);
    // 1. Lower case: a word.
    if !t.capitalised(k) {
        return false;
    }
    // 2. After a title.
    if title_before(t, k) {
        return true;
    }
    // 3. Beside another part of the same name.
    if beside_own_part(&n.owners[u.owner], t, k) {
        return true;
    }
    // 4. Possessive.
    if possessive_after(t, k) {
        return true;
    }
    // 5. A month in a date.
    if lexicon::month_by_name(token).is_some() && in_date(t, k) {
        return false;
    }
    // 6a. Part of a place's name: "Brook Street".
    let next = next_word(t, k);
    if next.is_some_and(|m| t.capitalised(m) && lexicon::is_place_word(t.token(m))) {
        return false;
    }
    // 6b. A place word after a capitalised word: "Kingsley Heath".
    if lexicon::is_place_word(token)
        && k > 0
        && t.spaced_before(k)
        && t.capitalised(k - 1)
        && !sentence_start(t, k - 1)
        && lexicon::title(t.token(k - 1)).is_none()
        && !n.name_tokens.contains(t.token(k - 1))
    {
        return false;
    }
    let lower_next = next.filter(|&m| !t.capitalised(m) && is_alphabetic(t.token(m)));
    // 7. Before a person verb: "June said".
    if lower_next.is_some_and(|m| lexicon::is_person_verb(t.token(m))) {
        return true;
    }
    // 8. At a sentence start.
    if sentence_start(t, k) {
        return match lower_next {
            Some(m) if lexicon::is_auxiliary(t.token(m)) => u.role != Role::Family,
            Some(_) => false,
            None => true,
        };
    }
    // 9. Capitalised in running text.
    true
}

fn is_alphabetic(token: &str) -> bool {
    token.chars().all(char::is_alphabetic)
}

/// The next token, if only whitespace stands between.
fn next_word(t: &Text<'_>, k: usize) -> Option<usize> {
    (k + 1 < t.tokens.len() && t.spaced_before(k + 1)).then_some(k + 1)
}

/// Whether the separator before token `k` holds only whitespace and full
/// stops (and something).
fn spaced_or_dotted(t: &Text<'_>, k: usize) -> bool {
    let mut any = false;
    for c in t.sep_before(k) {
        if !(c.is_whitespace() || c == '.') {
            return false;
        }
        any = true;
    }
    any
}

fn is_initial(t: &Text<'_>, k: usize) -> bool {
    t.capitalised(k) && t.token(k).chars().count() == 1 && is_alphabetic(t.token(k))
}

fn is_initial_or_title(t: &Text<'_>, k: usize) -> bool {
    is_initial(t, k) || lexicon::title(t.token(k)).is_some()
}

/// A title as a title is written: capitalised ("Councillor Brook", not "a
/// councillor").
fn is_title(t: &Text<'_>, k: usize) -> bool {
    t.capitalised(k) && lexicon::title(t.token(k)).is_some()
}

/// Rule 2: a title before `k`, possibly with a given name or initials
/// between ("Mrs June Pargeter", "Mr B. C. Little").
fn title_before(t: &Text<'_>, k: usize) -> bool {
    let mut j = k;
    for _ in 0..3 {
        if j == 0 || !spaced_or_dotted(t, j) {
            return false;
        }
        j -= 1;
        if is_title(t, j) {
            return true;
        }
        if !t.capitalised(j) {
            return false;
        }
    }
    false
}

/// Rule 3: another part of the same person's name (or one of their
/// initials) right before or after `k`.
fn beside_own_part(owner: &Owner, t: &Text<'_>, k: usize) -> bool {
    let own = |m: usize| {
        let token = t.token(m);
        t.capitalised(m)
            && (owner.parts.contains_key(token)
                || (is_initial(t, m)
                    && token
                        .chars()
                        .next()
                        .is_some_and(|c| owner.given_initials.contains(&c))))
    };
    let name_sep = |m: usize, dots: bool| {
        let sep = t.sep(m);
        !sep.is_empty()
            && sep
                .chars()
                .all(|c| c.is_whitespace() || matches!(c, ',' | '-') || (dots && c == '.'))
    };
    let before = k > 0 && own(k - 1) && name_sep(k, is_initial(t, k - 1));
    let after = k + 1 < t.tokens.len() && own(k + 1) && name_sep(k + 1, false);
    before || after
}

/// Rule 4: "June's", "Pargeters'".
fn possessive_after(t: &Text<'_>, k: usize) -> bool {
    let sep = t.sep(k + 1);
    if k + 1 < t.tokens.len() && sep == "'" && t.token(k + 1) == "s" {
        return true;
    }
    t.token(k).ends_with('s')
        && sep.starts_with('\'')
        && (k + 1 == t.tokens.len() || sep.chars().count() > 1)
}

/// Rule 5: a month next to a day or a year, after a word of time, or in a
/// range of months.
fn in_date(t: &Text<'_>, k: usize) -> bool {
    let near = |m: usize| {
        let sep = t.sep(m);
        !sep.is_empty()
            && sep.chars().count() <= 3
            && sep
                .chars()
                .all(|c| c.is_whitespace() || matches!(c, ',' | '-' | '.' | '/' | '\''))
    };
    let is_day = |m: usize| {
        let token = t.token(m);
        let digits = token.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &token[digits.len()..];
        !digits.is_empty()
            && digits.len() <= 2
            && matches!(suffix, "" | "st" | "nd" | "rd" | "th")
            && digits.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
    };
    let is_year = |m: usize| {
        let token = t.token(m);
        token.bytes().all(|b| b.is_ascii_digit())
            && (token.len() == 4 || (token.len() == 2 && t.sep(m).ends_with('\'')))
    };
    let is_month = |m: usize| lexicon::month_by_name(t.token(m)).is_some();
    let has_next = k + 1 < t.tokens.len() && near(k + 1);
    let has_prev = k > 0 && near(k);
    (has_prev && is_day(k - 1))
        || (has_next && (is_day(k + 1) || is_year(k + 1)))
        || (has_prev && lexicon::is_date_context(t.token(k - 1)))
        || (has_prev && is_month(k - 1) && t.sep(k).contains('-'))
        || (has_next && is_month(k + 1) && t.sep(k + 1).contains('-'))
        || (has_next
            && matches!(t.token(k + 1), "to" | "until" | "till" | "and" | "through")
            && k + 2 < t.tokens.len()
            && is_month(k + 2))
}

/// Rule 8's sentence start: the start of the text, after ". ", "! ", "? ",
/// after a list marker, or at the start of a line whose previous line ended
/// a sentence, a heading or a list marker (not a line a sentence runs on
/// from: one that ends in a lower-case word or a comma). Opening quotes and
/// brackets may stand between.
pub(super) fn sentence_start(t: &Text<'_>, k: usize) -> bool {
    if k == 0 {
        return true;
    }
    let sep = t.sep(k);
    let opening = |c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '"' | '\'' | '(' | '[' | '•' | '◦' | '‣' | '▪' | '·' | '*' | '-'
            )
    };
    let before_openers = sep.trim_end_matches(opening);
    let core = before_openers.trim_end_matches(['"', '\'', ')', ']']);
    let prev = k - 1;
    let line_start = |m: usize| m == 0 || t.sep(m).contains('\n');
    // A list item: a bullet or dash at the start of the line.
    if let Some((_, line)) = sep.rsplit_once('\n')
        && !line.trim().is_empty()
        && line
            .trim()
            .chars()
            .all(|c| opening(c) && !c.is_whitespace() || c.is_whitespace())
        && line.trim().starts_with(['•', '◦', '‣', '▪', '·', '*', '-'])
    {
        return true;
    }
    // "a) ", "1) " at the start of a line.
    if before_openers.ends_with(')') && t.token(prev).chars().count() <= 2 && line_start(prev) {
        return true;
    }
    if core.ends_with(['.', '!', '?']) && sep.contains(char::is_whitespace) {
        // "L. Little" and "Mr. Little" are not sentence breaks; "a. Little"
        // at the start of a line is a list item.
        let initial = t.token(prev).chars().count() == 1 && is_alphabetic(t.token(prev));
        return lexicon::title(t.token(prev)).is_none() && (!initial || line_start(prev));
    }
    if core.is_empty() && sep.contains('\n') {
        // A line that ends in a lower-case word runs on.
        return t.capitalised(prev) || !is_alphabetic(t.token(prev));
    }
    if sep.contains('\n') {
        return !core.ends_with([',', ';', '&', '(']);
    }
    false
}

/// Initials after a title ("Ms L.P.", "Mr T W G", "Ms LP") that are a listed
/// person's: all of them, the given names', or one of theirs.
pub(super) fn initials(n: &Needles, t: &Text<'_>, masks: &Masks, out: &mut Vec<Found>) {
    for k in 0..t.tokens.len() {
        let Some(title) = lexicon::title(t.token(k)).filter(|_| t.capitalised(k)) else {
            continue;
        };
        let Some((letters, last)) = initials_after(t, k) else {
            continue;
        };
        if masks.covers(k, last) {
            continue;
        }
        for owner in n.owners.iter().filter(|o| o.fits(title)) {
            let mut full =
                owner.given_initials[..owner.given.len().min(owner.given_initials.len())].to_vec();
            let given = full.clone();
            full.extend(owner.family_initial);
            let single = letters.len() == 1
                && (owner.given_initials.contains(&letters[0])
                    || owner.family_initial == Some(letters[0]));
            if single || (letters.len() > 1 && (letters == full || letters == given)) {
                out.push(Found {
                    range: t.tokens_range(k, last),
                    kind: Kind::Initials,
                    field: Some(owner.field.clone()),
                });
                break;
            }
        }
    }
}

/// The initials after token `k`: single capitals with optional full stops,
/// or one token of two or three capitals; and the last token they take.
fn initials_after(t: &Text<'_>, k: usize) -> Option<(Vec<char>, usize)> {
    let mut letters = Vec::new();
    let mut last = k;
    while letters.len() < 3 && last + 1 < t.tokens.len() && spaced_or_dotted(t, last + 1) {
        let m = last + 1;
        // "A" and "I" before a lower-case word are a word, not an initial.
        let word =
            matches!(t.token(m), "a" | "i") && next_word(t, m).is_some_and(|n| !t.capitalised(n));
        if !is_initial(t, m) || word {
            break;
        }
        letters.extend(t.token(m).chars());
        last = m;
    }
    if letters.is_empty() && k + 1 < t.tokens.len() && spaced_or_dotted(t, k + 1) {
        let m = k + 1;
        let token = t.token(m);
        let all_caps = (t.tokens[m].start..t.tokens[m].end).all(|i| t.chars[i].upper);
        if (2..=3).contains(&token.chars().count()) && all_caps && is_alphabetic(token) {
            return Some((token.chars().collect(), m));
        }
    }
    (!letters.is_empty()).then_some((letters, last))
}

/// Whether a letters-view hit over normalised characters `from..to` stands
/// as a name: it starts at a word start or a camel-case boundary and ends at
/// a word end, a camel-case boundary or a digit. Across several tokens: when
/// they are joined without spaces ("Pem-ber-ton", "debs.tranterwilde") but
/// are not a compound of lower-case words ("fair-weather"); or, whole tokens
/// apart by spaces or full stops, when they are single letters
/// ("P E M B E R T O N", one text object per glyph) or fragments not all of
/// which are words ("Pem berton", where a PDF splits a word; never "fair
/// weather" for Fairweather, "good man" for Goodman).
pub(super) fn letters_stand_as_name(t: &Text<'_>, from: usize, to: usize) -> bool {
    let (first, last) = (t.token_of[from], t.token_of[to - 1]);
    let c = &t.chars;
    let start_ok = from == t.tokens[first].start
        || (c[from].upper && !c[from - 1].upper && c[from - 1].c.is_alphabetic())
        || c[from - 1].c.is_ascii_digit();
    let end_ok =
        to == t.tokens[last].end || (c[to].upper && !c[to - 1].upper) || c[to].c.is_ascii_digit();
    if !(start_ok && end_ok) {
        return false;
    }
    if first == last {
        return true;
    }
    let tight = (first + 1..=last).all(|m| {
        let sep = t.sep(m);
        let marks = sep.chars().filter(|c| !c.is_whitespace());
        let joined = marks.clone().count() > 0
            && marks
                .clone()
                .all(|c| matches!(c, '-' | '.' | '_' | '\'' | '/' | '·'));
        let spaces_ok =
            !sep.contains(char::is_whitespace) || (sep.contains('-') && sep.contains('\n'));
        joined && spaces_ok
    });
    if tight {
        let compound = (first..=last).all(|k| lexicon::is_english_word(t.token(k)))
            && !t.capitalised(first)
            && (first + 1..=last).all(|m| t.sep(m).trim() == "-");
        return !compound;
    }
    let whole = from == t.tokens[first].start && to == t.tokens[last].end;
    let fragments = (first..=last).all(|k| t.token(k).chars().count() == 1)
        || (first..=last)
            .any(|k| t.token(k).chars().count() > 1 && !lexicon::is_english_word(t.token(k)));
    whole && fragments && (first + 1..=last).all(|m| spaced_or_dotted(t, m))
}

#[cfg(test)]
mod tests;
