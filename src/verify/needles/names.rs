//! Names: who is listed, the needles of their names, and the verifier's own
//! reading of a name that is also a word (the shared rules of
//! `word-names`: a month in a date, a word in a place's name, a word at a
//! sentence start before a lower-case word are words; after a title, beside
//! another part of the same name, before a possessive or a person verb, and
//! capitalised in running text, the name). Undecided readings are names: the
//! anonymiser never leaves one in a publication document.

use std::collections::HashMap;

mod forms;
mod rules;

use super::builder::Builder;
use super::lexicon::{self, TitleWord};
use super::normal::Text;
use super::{Kind, WordUse};
use crate::case::{Case, Title};

pub(super) use forms::{initials, letters_stand_as_name};
pub(super) use rules::is_name;

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
        .unwrap_or_else(|| with_particles(&words));
    let family_words = family.split_whitespace().count();
    let given: Vec<String> = if words.join(" ").ends_with(&family) {
        words[..words.len().saturating_sub(family_words)].to_vec()
    } else {
        words.clone()
    };
    // Anglicised spellings of Irish, Scottish Gaelic and Welsh names are
    // the person's too ("Grainne O'Sullivan" for Gráinne Ó Súilleabháin).
    let mut aliases = aliases;
    for part in given.iter().take(1).chain(std::iter::once(&family)) {
        let part_field = if *part == family {
            family_field.clone()
        } else {
            field.clone()
        };
        for spelling in lexicon::anglicised(part) {
            aliases.push((spelling, part_field.clone()));
        }
    }
    // Pet forms of the first given name are the person's too ("Bob" for
    // Robert).
    for pet in given.first().map_or(&[][..], |g| lexicon::pet_names(g)) {
        aliases.push((pet.clone(), field.clone()));
    }
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
            (None | Some(TitleWord::Any), _) | (_, TitleWord::Any) => true,
            (Some(own), t) => own == t,
        }
    }
}

/// The family name of a name's words when the case gives none: the last
/// word, with the particles before it ("ap Huw", "van der Berg") as long as
/// a given name stays before them.
fn with_particles(words: &[String]) -> String {
    let Some(mut first) = words.len().checked_sub(1) else {
        return String::new();
    };
    while first >= 2 && lexicon::is_particle(&Text::new(&words[first - 1]).words) {
        first -= 1;
    }
    words[first..].join(" ")
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

#[cfg(test)]
mod tests;
