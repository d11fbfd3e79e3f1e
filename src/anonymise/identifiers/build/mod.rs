//! Building the listed identifiers of a case: every surface form of every
//! name, every address and its parts, every structured value as a key.

use std::collections::{HashMap, HashSet};

use super::disguise::NEAR_MIN;
use super::forms::{
    anglicised, distinctive_parts, family_of, initials, is_particle, is_word_form, joined,
    short_forms, spellings, strip_title, untitled_words,
};
use super::starts::WordPatterns;
use super::{Identifiers, NameForm, PatternKind, TokenInfo};
use crate::anonymise::detect::AllowList;
use crate::anonymise::fold::fold;
use crate::anonymise::labels::short_labels;
use crate::anonymise::name_tables::pet_names;
use crate::anonymise::rewrite_rules::Rewrites;
use crate::anonymise::values::Shape;
use crate::anonymise::words::{is_english_word, is_word_name};
use crate::case::{AliasKind, Case, Date, Person, Title};

mod values;

#[derive(Default)]
pub(super) struct Builder {
    patterns: Vec<String>,
    kinds: Vec<PatternKind>,
    index: HashMap<String, usize>,
    tokens: Vec<String>,
    token_info: Vec<TokenInfo>,
    token_index: HashMap<String, usize>,
    /// Each person's name parts, folded.
    parts: Vec<HashSet<String>>,
    spelt: HashMap<String, Vec<usize>>,
    near: HashMap<String, Vec<usize>>,
    values: HashMap<(Shape, String), usize>,
    births: HashMap<Date, usize>,
    deaths: HashMap<Date, usize>,
    email_tokens: Vec<(String, usize)>,
    /// Given names the pet-name table does not know, by person.
    unknown_given: Vec<(usize, String)>,
    /// Labels of the people who are only addressees of letters.
    extra_labels: Vec<String>,
}

impl Builder {
    pub(super) fn pattern(&mut self, text: &str, kind: PatternKind) {
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
                (PatternKind::Family { owners, .. }, PatternKind::Family { owners: new, .. })
                | (
                    PatternKind::Initials { owners, .. },
                    PatternKind::Initials { owners: new, .. },
                )
                | (PatternKind::Joined(owners), PatternKind::Joined(new))
                | (PatternKind::ShortForm(owners), PatternKind::ShortForm(new)) => {
                    owners.extend(new);
                }
                (slot, PatternKind::Protected) => *slot = PatternKind::Protected,
                (slot, PatternKind::BodyName(with)) => *slot = PatternKind::BodyName(with),
                _ => {}
            },
            None => {
                self.index.insert(key.clone(), self.patterns.len());
                self.patterns.push(key);
                self.kinds.push(kind);
            }
        }
    }

    pub(super) fn name(
        &mut self,
        person: usize,
        text: &str,
        form: NameForm,
        family_part_word: bool,
    ) {
        let needs_title = form == NameForm::FamilyPart && family_part_word;
        let kind = PatternKind::Name {
            owners: vec![(person, form)],
            word: is_word_form(text),
            needs_title,
        };
        self.pattern(text, kind);
        if !text.contains(' ') {
            self.part(person, text);
        }
    }

    /// A pet form of a person's given name: a name form, a word the leak
    /// check looks for, and a part of their name for reading "Bob
    /// Price-Jenkins" as one, but no near miss of its own (a short form is
    /// near too many words).
    fn pet_name(&mut self, person: usize, pet: &str) {
        let kind = PatternKind::Name {
            owners: vec![(person, NameForm::PetName)],
            word: is_word_form(pet),
            needs_title: false,
        };
        self.pattern(pet, kind);
        if self.parts.len() <= person {
            self.parts.resize_with(person + 1, HashSet::new);
        }
        self.parts[person].insert(fold(pet));
        self.token(person, pet, false, false);
    }

    /// Records a word of a person's name (for reading "June Pargeter" as
    /// one name, spelt-out letters and near misses).
    fn part(&mut self, person: usize, word: &str) {
        if self.parts.len() <= person {
            self.parts.resize_with(person + 1, HashSet::new);
        }
        for w in word.split(['-', ' ']).chain([word]) {
            let key = fold(w.trim_end_matches(['.', ',']));
            if key.is_empty() {
                continue;
            }
            let letters: String = key.chars().filter(char::is_ascii_alphabetic).collect();
            if letters.len() >= 4 {
                self.spelt.entry(letters.clone()).or_default().push(person);
            }
            if letters.len() >= NEAR_MIN && !is_word_name(&letters) {
                self.near.entry(letters).or_default().push(person);
            }
            self.parts[person].insert(key);
        }
    }

    pub(super) fn token(&mut self, person: usize, token: &str, hyphen_part: bool, family: bool) {
        let key = fold(token);
        if key.len() < 2 || key.chars().all(|c| !c.is_ascii_alphabetic()) {
            return;
        }
        let word = is_word_name(&key);
        match self.token_index.get(&key) {
            Some(&i) => {
                let info = &mut self.token_info[i];
                info.owners.push(person);
                info.family &= family;
            }
            None => {
                self.token_index.insert(key.clone(), self.tokens.len());
                self.tokens.push(key);
                self.token_info.push(TokenInfo {
                    owners: vec![person],
                    word,
                    needs_title: word && hyphen_part,
                    family,
                });
            }
        }
    }

    /// Names the documents print as the office's own, protected as whole
    /// names, except one that is a listed person's name too (then it is
    /// theirs, and a document that prints it is refused).
    pub(super) fn office_names(&mut self, names: &[String]) {
        for name in names {
            let listed = self.index.get(&fold(name)).is_some_and(|&i| {
                matches!(&self.kinds[i], PatternKind::Name { owners, .. }
                    if owners.iter().any(|(_, f)| *f != NameForm::FamilyPart && *f != NameForm::Given))
            });
            if !listed && name.contains(' ') {
                self.pattern(name, PatternKind::Protected);
            }
        }
    }

    /// The family by its surname: "the Pargeters", "the Pargeter family".
    fn family(&mut self, person: usize, family: &str) {
        for f in spellings(family) {
            let word = is_word_form(&f);
            // "the Jenkinses": a name that ends in a hiss takes -es.
            let lower = f.to_lowercase();
            let plural = if ["s", "x", "z", "ch", "sh"]
                .iter()
                .any(|e| lower.ends_with(e))
            {
                format!("{f}es")
            } else {
                format!("{f}s")
            };
            for form in [plural, format!("{f} family")] {
                let owners = vec![person];
                self.pattern(&form, PatternKind::Family { owners, word });
            }
        }
    }

    /// A term to generalise, and its distinctive words on their own.
    pub(super) fn generalise(&mut self, term: &str, replacement: &str, case: &Case) {
        self.pattern(term, PatternKind::Generalise(replacement.to_string()));
        let body_names = folded_body_names(case);
        for part in distinctive_parts(term) {
            let key = fold(&part);
            if !body_names.iter().any(|b| b.contains(&key)) {
                self.pattern(&part, PatternKind::Generalise(replacement.to_string()));
            }
        }
    }

    pub(super) fn person(&mut self, i: usize, p: &Person) {
        let words = untitled_words(&p.name);
        let family = p.family_name.clone().unwrap_or_else(|| family_of(&words));
        let family_words = family.split_whitespace().count();
        // A name written family name first ("Nguyễn Thị Mai" with
        // `family_name = "Nguyễn"`) has its given names after it.
        let written_first = |at: usize| {
            words
                .get(at..at + family_words)
                .is_some_and(|w| fold(&w.join(" ")) == fold(&family))
        };
        let family_first = words.len() > family_words
            && written_first(0)
            && !written_first(words.len() - family_words);
        let given: Vec<&str> = if family_first {
            words[family_words..].to_vec()
        } else {
            words[..words.len().saturating_sub(family_words)].to_vec()
        };
        self.name(i, &words.join(" "), NameForm::Full, false);
        // The family name as written and in its other spellings, anglicised
        // ones included ("Ó Súilleabháin", "O'Sullivan", "Sullivan").
        let mut families = spellings(&family);
        for a in anglicised(&family) {
            families.extend(spellings(&a));
        }
        families.sort();
        families.dedup();
        // The first given name before the family name (or after it, with a
        // comma) is the whole name, in its other spellings and pet forms too
        // ("Bob Price-Jenkins" for Robert); so, less surely, is any other
        // given name ("Mai Nguyễn", "Nguyễn, Mai"): anyone's own whole name
        // comes first.
        let names: Vec<&str> = given.iter().copied().filter(|g| !is_particle(g)).collect();
        let mut firsts: Vec<(String, NameForm)> = Vec::new();
        if let Some(g1) = given.first() {
            let spellings = std::iter::once(g1.to_string())
                .chain(anglicised(g1))
                .chain(pet_names(g1).iter().cloned());
            firsts.extend(spellings.map(|g| (g, NameForm::Full)));
        }
        let others = names.iter().filter(|g| Some(*g) != given.first());
        firsts.extend(others.map(|g| (g.to_string(), NameForm::PetName)));
        // The initials: the first given name's, all of them together ("T.M.
        // Nguyễn"), a hyphenated name's ("M-J", "MJ" for Mary-Jane), and,
        // less surely, another given name's alone.
        let initial = |g: &str| g.chars().take(1).collect::<String>();
        let mut letters: Vec<(String, NameForm)> = Vec::new();
        for (n, g) in names.iter().enumerate() {
            let form = if n == 0 {
                NameForm::Initialled
            } else {
                NameForm::PetName
            };
            letters.push((initial(g), form));
            if g.contains('-') {
                let parts: Vec<String> = g.split('-').map(initial).collect();
                letters.push((parts.join("-"), form));
                letters.push((parts.concat(), form));
            }
        }
        if names.len() > 1 {
            let all: Vec<String> = names.iter().map(|g| initial(g)).collect();
            for joined in [all.join("."), all.join(". "), all.concat()] {
                letters.push((joined, NameForm::Initialled));
            }
        }
        // A register's order keeps the title after the comma: "Pargeter,
        // Mrs June", "Pargeter, Mrs J." (the person's own title: every
        // title would be a dozen patterns more for each form, and compiling
        // a case's identifiers took 40% longer).
        let spelt = |t: Title| [format!("{} ", t.as_str()), format!("{}. ", t.as_str())];
        let own: Vec<String> = p.title.into_iter().flat_map(spelt).collect();
        fn registers(titles: &[String]) -> impl Iterator<Item = &str> {
            std::iter::once("").chain(titles.iter().map(String::as_str))
        }
        for f in &families {
            self.name(i, f, NameForm::Family, false);
            for (g, form) in &firsts {
                self.name(i, &format!("{g} {f}"), *form, false);
                for t in registers(&own) {
                    self.name(i, &format!("{f}, {t}{g}"), *form, false);
                }
            }
            for (initial, form) in &letters {
                for written in [
                    format!("{initial} {f}"),
                    format!("{initial}. {f}"),
                    format!("{initial}.{f}"),
                    format!("{f} {initial}"),
                ] {
                    self.name(i, &written, *form, false);
                }
                for t in registers(&own) {
                    self.name(i, &format!("{f}, {t}{initial}"), *form, false);
                }
            }
        }
        for g in &given {
            if is_particle(g) && given.len() > 1 {
                continue;
            }
            self.name(i, g, NameForm::Given, false);
            for a in anglicised(g) {
                self.name(i, &a, NameForm::Given, false);
            }
            // "Mary-Jane" is also "Mary Jane", and "Mary" or "Jane" alone,
            // as surely as a pet form is: anyone's own given name comes
            // first.
            if g.contains('-') {
                for spelt in spellings(g) {
                    self.name(i, &spelt, NameForm::Given, false);
                }
                for part in g.split('-').filter(|p| p.chars().count() > 1) {
                    self.pet_name(i, part);
                }
            }
        }
        if let Some(g1) = given.first() {
            for pet in pet_names(g1) {
                self.pet_name(i, pet);
            }
            self.unknown_given.push((i, g1.to_string()));
        }
        if family.contains('-') {
            for part in family.split('-') {
                self.name(i, part, NameForm::FamilyPart, is_english_word(part));
            }
        }
        // "Dr ap Huw" is also written "Dr Huw": the name after the particles.
        let family_parts: Vec<&str> = family.split_whitespace().collect();
        if family_parts.len() > 1
            && family_parts[..family_parts.len() - 1]
                .iter()
                .all(|w| is_particle(w))
        {
            let core = family_parts[family_parts.len() - 1];
            self.name(i, core, NameForm::FamilyPart, is_english_word(core));
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
        self.family(i, &family);
        for (form, dotted) in initials(&given, &family) {
            self.pattern(
                &form,
                PatternKind::Initials {
                    owners: vec![i],
                    dotted,
                },
            );
        }
        let mut firsts: Vec<&str> = given.clone();
        firsts.extend(
            p.aliases
                .iter()
                .map(|a| strip_title(a))
                .filter(|a| !a.contains(' ')),
        );
        for j in joined(&firsts, &family) {
            self.pattern(&j, PatternKind::Joined(vec![i]));
        }
        let whole: String = fold(&words.join(""))
            .chars()
            .filter(char::is_ascii_alphabetic)
            .collect();
        self.spelt.entry(whole).or_default().push(i);
        self.person_tokens(i, p, &words, &family);
        self.person_values(i, p);
    }

    pub(super) fn person_tokens(&mut self, i: usize, p: &Person, words: &[&str], family: &str) {
        let family_words: Vec<&str> = family.split_whitespace().collect();
        for w in words.iter().filter(|w| !is_particle(w)) {
            self.token(i, w, false, family_words.contains(w));
        }
        for f in spellings(family) {
            self.token(i, &f, false, true);
        }
        for part in family.split('-').filter(|_| family.contains('-')) {
            self.token(i, part, true, true);
        }
        for alias in &p.aliases {
            for w in strip_title(alias).split_whitespace() {
                let w = w.trim_end_matches('.');
                self.token(i, w, false, false);
                self.part(i, w);
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

    /// The named addressee of a body's letters is a person too: their name
    /// must not reach a redacted document.
    pub(super) fn addressee_name(&mut self, name: &str, position: &str, people: usize) {
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
            self.token(person, w, false, false);
        }
    }

    pub(super) fn finish(mut self, case: &Case, mut labels: Vec<String>) -> Identifiers {
        // After every name part is known: a short form that is anyone's
        // name part is theirs.
        for (person, given) in std::mem::take(&mut self.unknown_given) {
            for form in short_forms(&given) {
                if !self.parts.iter().any(|p| p.contains(&form)) {
                    self.pattern(&form, PatternKind::ShortForm(vec![person]));
                }
            }
        }
        let mut titles: Vec<Option<Title>> = case.people.iter().map(|p| p.title).collect();
        titles.extend(self.extra_labels.iter().map(|_| None));
        let mut children: Vec<bool> = case.people.iter().map(|p| p.child).collect();
        children.resize(titles.len(), false);
        labels.extend(self.extra_labels);
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
        let mut parts = self.parts;
        parts.resize_with(labels.len(), HashSet::new);
        let short_labels = short_labels(&labels);
        let alias_kinds = case
            .people
            .iter()
            .map(|p| {
                p.aliases
                    .iter()
                    .filter(|a| a.kind != AliasKind::Other)
                    .map(|a| (fold(strip_title(a)), a.kind))
                    .collect()
            })
            .collect();
        let all_parts = parts.iter().flatten().cloned().collect();
        Identifiers {
            parts,
            all_parts,
            spelt: self.spelt,
            near: {
                let mut near: Vec<(String, Vec<usize>)> = self.near.into_iter().collect();
                near.sort();
                near
            },
            allow: AllowList::default(),
            label_texts,
            initials,
            labels,
            hos_labels: case.people.iter().map(|p| p.hos_label.clone()).collect(),
            titles,
            children,
            automaton: WordPatterns::new(&self.patterns),
            patterns: self.kinds,
            tokens: WordPatterns::new(&self.tokens),
            token_info: self.token_info,
            values: self.values,
            records: super::records::Records::new(&case.people),
            births: self.births,
            deaths: self.deaths,
            email_tokens: self.email_tokens,
            born: case.people.iter().map(|p| p.born).collect(),
            as_at: Some(case.case.received.unwrap_or(case.case.decision_date)),
            alias_kinds,
            short_labels,
            rewrites: Rewrites::bundled(),
        }
    }
}

/// Every name of every body of the case, folded: what a person's address
/// or a term to generalise may hold and still stay.
fn folded_body_names(case: &Case) -> Vec<String> {
    case.bodies
        .iter()
        .flat_map(|b| std::iter::once(&b.name).chain(&b.other_names))
        .map(|n| fold(n))
        .collect()
}
