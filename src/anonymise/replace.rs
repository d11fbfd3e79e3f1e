//! One field's text made publishable: every hit replaced by its label or
//! dropped, the clause around it rewritten where a rule says so, and the
//! alignment of the published text with the original kept for the log.

use std::collections::HashSet;
use std::ops::Range;

use super::align::Alignment;
use super::identifiers::{Category, Hit, Identifiers, Source};
use super::rewrite::{self, Rule, capitalise};

/// Which labels a field uses: the Housing Ombudsman's parts of a joint
/// document call people "the resident", "Mr A" (as the Housing Ombudsman writes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum LabelSet {
    Ombudsman,
    Housing,
}

/// One field's text as published: the text, every hit (with what was
/// printed for it and where), and the clauses rewritten.
pub(super) struct Replaced {
    pub(super) text: String,
    pub(super) hits: Vec<Hit>,
    /// For each hit, where what was printed for it is.
    pub(super) printed: Vec<Printed>,
    pub(super) rewrites: Vec<Applied>,
}

/// Where a hit's replacement is in the published text, the stretch of the
/// original it stands for (the hit and what went with it), and the rewrite
/// that printed it with its clause, if one did.
#[derive(Debug, Clone, Default)]
pub(super) struct Printed {
    pub(super) original: Range<usize>,
    pub(super) range: Range<usize>,
    pub(super) rule: Option<Rule>,
}

/// A rewrite applied: its rule, the original text it replaced and where
/// its replacement is.
pub(super) struct Applied {
    pub(super) rule: Rule,
    pub(super) original: Range<usize>,
    pub(super) published: Range<usize>,
}

/// The published text being written: a capital where a sentence starts.
struct Writer {
    out: String,
    /// The next letter written starts a sentence (what started it went).
    capital_next: bool,
}

impl Writer {
    fn push(&mut self, text: &str) {
        if self.capital_next && !text.is_empty() {
            self.capital_next = false;
            let mut chars = text.chars();
            if let Some(c) = chars.next().filter(|c| c.is_lowercase()) {
                self.out.extend(c.to_uppercase());
                self.out.push_str(chars.as_str());
                return;
            }
        }
        self.out.push_str(text);
    }

    /// Writes a label, with a capital where it starts a sentence.
    fn push_label(&mut self, label: &str) {
        if starts_sentence(&self.out) {
            self.push(&capitalise(label));
        } else {
            self.push(label);
        }
    }

    /// Writes what an edit puts in place of its stretch (a capital where
    /// a sentence starts; nothing, and the next word capitalised, for a
    /// stretch dropped at a sentence's start): where it is in the output.
    fn edit(&mut self, text: &str) -> Range<usize> {
        let start = self.out.len();
        if text.is_empty() {
            self.capital_next |= starts_sentence(&self.out);
        } else if starts_sentence(&self.out) {
            self.push(&capitalise(text));
        } else {
            self.push(text);
        }
        start..self.out.len()
    }
}

/// Replaces every hit in `text`, and rewrites the clauses around them.
pub(super) fn replace(text: &str, ids: &Identifiers, labels: LabelSet) -> Replaced {
    let (mut hits, protected, candidates) = ids.scan(text);
    if labels == LabelSet::Housing {
        for hit in &mut hits {
            if let Some(label) = hit.person.and_then(|p| ids.hos_label(p)) {
                hit.replacement = label.to_string();
            }
        }
    }
    let cx = rewrite::Context {
        text,
        hits: &hits,
        ids,
        protected: &protected,
        candidates: &candidates,
        dates: Default::default(),
    };
    let edits = rewrite::plan(&cx);
    let garbles = rewrite::garbles(&cx, &edits);
    for (i, doubt) in garbles {
        hits[i].doubt = Some(doubt);
    }
    let mut w = Writer {
        out: String::with_capacity(text.len()),
        capital_next: false,
    };
    let mut printed = vec![Printed::default(); hits.len()];
    let mut rewrites = Vec::with_capacity(edits.len());
    let mut introduced: HashSet<usize> = HashSet::new();
    let mut at = 0;
    let mut done = Alignment::default();
    let mut edits = edits.into_iter().peekable();
    for i in 0..hits.len() {
        while let Some(edit) = edits.next_if(|e| e.range.start <= hits[i].range.start) {
            w.push(&text[at..edit.range.start]);
            let published = w.edit(&edit.text);
            done.push(edit.range.clone(), published.clone());
            // The hits it covers start at `i` (they are in text order).
            for k in i..hits.len() {
                if hits[k].range.start >= edit.range.end {
                    break;
                }
                if hits[k].range.end <= edit.range.end {
                    hits[k].replacement = w.out[published.clone()].to_string();
                    printed[k] = Printed {
                        original: edit.range.clone(),
                        range: published.clone(),
                        rule: Some(edit.rule),
                    };
                }
            }
            rewrites.push(Applied {
                rule: edit.rule,
                original: edit.range.clone(),
                published,
            });
            at = edit.range.end;
        }
        let hit = &mut hits[i];
        if hit.range.start < at || hit.source == Source::Flagged {
            continue;
        }
        w.push(&text[at..hit.range.start]);
        let start = w.out.len();
        // Where the verbatim text before the hit starts, in both texts: a
        // cut that reaches back before it is mapped through the edits so far.
        let copied = (at, start - (hit.range.start - at));
        printed[i].range = start..start;
        printed[i].original = hit.range.clone();
        // A role label ("a senior finance officer") is introduced once,
        // then used in its short form ("the officer").
        if let Some(p) = hit.person
            && labels == LabelSet::Ombudsman
            && hit.replacement == ids.label(p)
            && !introduced.insert(p)
        {
            hit.replacement = ids.short_label(p).to_string();
        }
        // "the safeguarding officer, Imran Qureshi, said": the role is
        // already there, so the name goes with its commas.
        if let Some(role) = role_in_apposition(&w.out, &hit.replacement, &text[hit.range.end..]) {
            let cut = match role {
                RoleBefore::Said(cut) => cut,
                RoleBefore::Bare(cut) => {
                    w.out.truncate(cut);
                    w.push_label(&hit.replacement);
                    printed[i].range = cut..w.out.len();
                    at = hit.range.end;
                    printed[i].original = done.back(cut, copied)..at;
                    done.push(printed[i].original.clone(), printed[i].range.clone());
                    continue;
                }
            };
            w.out.truncate(cut);
            printed[i].range = cut..cut;
            at = hit.range.end + usize::from(text[hit.range.end..].starts_with(','));
            printed[i].original = done.back(cut, copied)..at;
            done.push(printed[i].original.clone(), cut..cut);
            continue;
        }
        // "Will Little, the occupational therapist, assessed her": the
        // label is the role, so the role that follows goes.
        if let Some(skip) = role_after_name(&hit.replacement, &text[hit.range.end..]) {
            w.push_label(&hit.replacement);
            printed[i].range = start..w.out.len();
            at = hit.range.end + skip;
            printed[i].original.end = at;
            done.push(printed[i].original.clone(), printed[i].range.clone());
            continue;
        }
        // "A neighbour, Mr Derek Hollins, found her": a name printed as a
        // blank in apposition to the noun before it goes with its commas.
        let blank = hit.replacement == Category::Name.placeholder();
        if blank && let Some(cut) = name_in_apposition(&w.out, &text[hit.range.end..]) {
            w.out.truncate(cut);
            printed[i].range = cut..cut;
            at = hit.range.end + 1;
            printed[i].original = done.back(cut, copied)..at;
            done.push(printed[i].original.clone(), cut..cut);
            continue;
        }
        // "the Okonkwo family": a surname the family shares names no one
        // in particular, so it simply goes.
        if hit.category == Category::AmbiguousName && text[hit.range.end..].starts_with(" family") {
            at = hit.range.end + 1;
            printed[i].original.end = at;
            done.push(printed[i].original.clone(), start..start);
            continue;
        }
        // A label that starts a sentence starts with a capital, unless the
        // text itself did not ("the Smith family" at the start of a field).
        let lower_in_text = text[hit.range.clone()].starts_with(char::is_lowercase);
        if in_capitals(text, &hit.range) {
            // "ROSE BAKER'S CARE PLAN": "MRS Y'S CARE PLAN".
            w.capital_next = false;
            w.push(&hit.replacement.to_uppercase());
        } else if starts_sentence(&w.out) && !lower_in_text {
            w.push(&capitalise(&hit.replacement));
        } else {
            w.capital_next = false;
            w.push(&hit.replacement);
        }
        printed[i].range = start..w.out.len();
        at = hit.range.end;
        done.push(printed[i].original.clone(), printed[i].range.clone());
    }
    for edit in edits {
        w.push(&text[at..edit.range.start]);
        let published = w.edit(&edit.text);
        done.push(edit.range.clone(), published.clone());
        rewrites.push(Applied {
            rule: edit.rule,
            original: edit.range.clone(),
            published,
        });
        at = edit.range.end;
    }
    w.push(&text[at..]);
    // A value only reported, or taken with the hit before it, is where the
    // text around it puts it.
    for (hit, printed) in hits.iter().zip(&mut printed) {
        if printed.original.is_empty() && printed.rule.is_none() {
            printed.original = hit.range.clone();
            printed.range = done.place(hit.range.clone());
        }
    }
    Replaced {
        text: w.out,
        hits,
        printed,
        rewrites,
    }
}

/// Where the role of a role label ends `before`, said whole ("the
/// Council's social worker") or by its last word ("the therapist"): where
/// the role's words start.
fn role_ending(before: &str, role: &str) -> Option<usize> {
    let whole = before.len() >= role.len()
        && before.is_char_boundary(before.len() - role.len())
        && before[before.len() - role.len()..].eq_ignore_ascii_case(role)
        && !before[..before.len() - role.len()].ends_with(char::is_alphanumeric);
    if whole {
        return Some(before.len() - role.len());
    }
    let noun = role.rsplit(' ').next()?;
    let start = before
        .char_indices()
        .rfind(|&(_, c)| !c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    before[start..].eq_ignore_ascii_case(noun).then_some(start)
}

/// How a name whose label is its role comes out after the role said
/// before it.
#[derive(Debug, PartialEq)]
enum RoleBefore {
    /// "the safeguarding officer, Imran Qureshi, said", "the social
    /// worker Lorraine Pemberton visited": the text is cut here and the
    /// name goes (with its commas).
    Said(usize),
    /// "Social worker Lorraine Pemberton visited", "by social worker
    /// Lorraine Pemberton": a role standing bare as a title; from here the
    /// label is printed instead ("The social worker visited").
    Bare(usize),
}

/// When `before` ends with "<role>, " or "<role> " and the replacement is
/// that role ("the social worker"), and, with a comma, the name is
/// followed by a comma or the end of the clause: where to cut `before` so
/// the role is not said twice.
fn role_in_apposition(before: &str, replacement: &str, after: &str) -> Option<RoleBefore> {
    let role = rewrite::role_of(replacement)?;
    if let Some(head) = before.strip_suffix(", ") {
        let clause_ends = after.starts_with([',', '.', ';', ')']) || after.is_empty();
        return (clause_ends && role_ending(head, role).is_some())
            .then_some(RoleBefore::Said(head.len()));
    }
    let head = before.strip_suffix(' ')?;
    let start = role_ending(head, role)?;
    // Only a job's words stand before the name, without a determiner.
    let bare = head[..start]
        .trim_end()
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .is_none_or(|word| word.ends_with(['.', ',', '(', ':']) || rewrite::links_to_a_job(word));
    Some(if bare {
        RoleBefore::Bare(start)
    } else {
        RoleBefore::Said(head.len())
    })
}

/// When the name is followed by ", <its role>," and the replacement is
/// that role: how much of `after` to skip (the role and its commas; the
/// closing comma stays when the clause goes on with "and" or "who"). A
/// signature's role has no article ("Lorraine Pemberton, Social Worker,
/// Calderbrook Council"); the role may be said short ("the OT", "her
/// therapist" for the occupational therapist).
fn role_after_name(replacement: &str, after: &str) -> Option<usize> {
    let role = rewrite::role_of(replacement)?;
    let rest = after.strip_prefix(", ")?;
    let article = [
        "the ", "a ", "an ", "her ", "his ", "their ", "The ", "A ", "An ", "Her ", "His ",
        "Their ",
    ]
    .into_iter()
    .find(|a| rest.starts_with(*a))
    .unwrap_or("");
    let named = &rest[article.len()..];
    let said = said_role(role, named)?;
    let tail = &named[said..];
    if let Some(next) = tail.strip_prefix(',') {
        // "…, Social Worker, Calderbrook Council": the comma before the
        // next part of a signature stays.
        let more = next.trim_start().starts_with(char::is_uppercase);
        return Some(after.len() - tail.len() + usize::from(!more));
    }
    // Without an article, the role may end the sentence or the line.
    (article.is_empty() && (tail.is_empty() || tail.starts_with(['.', ';', '\n'])))
        .then(|| after.len() - tail.len())
}

/// How long the words at the start of `named` that say `role` are: the
/// role whole, its initials ("OT" for occupational therapist), or its
/// last word ("therapist"); then a word ends.
fn said_role(role: &str, named: &str) -> Option<usize> {
    let ends_at = |n: usize| {
        named.is_char_boundary(n) && !named[n..].starts_with(|c: char| c.is_alphanumeric())
    };
    let starts_with = |word: &str, case: bool| {
        named.len() >= word.len()
            && named.is_char_boundary(word.len())
            && if case {
                named[..word.len()] == *word
            } else {
                named[..word.len()].eq_ignore_ascii_case(word)
            }
            && ends_at(word.len())
    };
    if starts_with(role, false) {
        return Some(role.len());
    }
    let initials: String = role
        .split(' ')
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .collect();
    if initials.chars().count() > 1 && starts_with(&initials, true) {
        return Some(initials.len());
    }
    let noun = role.rsplit(' ').next()?;
    (noun.len() < role.len() && starts_with(noun, false)).then_some(noun.len())
}

/// When `before` ends with "<determiner> <noun>, " (a neighbour, her
/// daughter, Mrs X's husband) and a comma follows the name: where to cut `before` so the
/// sentence reads "A neighbour found her".
fn name_in_apposition(before: &str, after: &str) -> Option<usize> {
    const DETERMINERS: [&str; 9] = ["a", "an", "the", "her", "his", "their", "its", "our", "one"];
    let head = before.strip_suffix(", ")?;
    if !after.starts_with(',') {
        return None;
    }
    // The last few words only: `before` is everything written so far.
    let mut words: Vec<&str> = head.rsplitn(5, ' ').collect();
    words.reverse();
    let last = words.len().checked_sub(1)?;
    // The noun phrase: a determiner (or a possessive: "Mrs X's husband")
    // and one to three lower-case words.
    let possessive = |w: &str| w.len() > 2 && (w.ends_with("'s") || w.ends_with("\u{2019}s"));
    let det = (last.saturating_sub(3)..last).rev().find(|&i| {
        DETERMINERS.contains(&words[i].to_lowercase().as_str()) || possessive(words[i])
    })?;
    let nouns = &words[det + 1..];
    let lower = |w: &&str| {
        w.chars()
            .all(|c| c.is_lowercase() || matches!(c, '\'' | '-'))
    };
    (!nouns.is_empty() && nouns.iter().all(lower)).then_some(head.len())
}

/// Whether text appended to `before` starts a sentence (or a list item).
fn starts_sentence(before: &str) -> bool {
    // A quotation that opens a sentence, or opens after a comma or a colon
    // ('"Lorraine was rude," said …', 'She said, "Lorraine …'), starts
    // one too.
    if let Some(head) = before.strip_suffix(['"', '\u{201C}', '\u{2018}']) {
        let head = head.trim_end_matches([' ', '\t']);
        let spaced = head.len() < before.len() - 1;
        return head.is_empty()
            || head.ends_with('\n')
            || (spaced && head.ends_with([',', ':', '.', '!', '?']));
    }
    let trimmed = before.trim_end_matches([' ', '\t']);
    if trimmed.is_empty() || trimmed.ends_with('\n') {
        return true;
    }
    let spaced = trimmed.len() < before.len();
    spaced && (trimmed.ends_with(['.', '!', '?']) || trimmed == "-" || trimmed.ends_with("\n-"))
}

/// Whether the name at `range` is written in capitals in a line of
/// capitals (a heading: "ROSE BAKER'S CARE PLAN"), where its label is too.
fn in_capitals(text: &str, range: &std::ops::Range<usize>) -> bool {
    let capitals = |w: &str| {
        let mut letters = w.chars().filter(|c| c.is_alphabetic()).peekable();
        letters.peek().is_some() && letters.all(char::is_uppercase)
    };
    let after = &text[range.end..];
    let after = ["'S", "\u{2019}S"]
        .iter()
        .find_map(|s| after.strip_prefix(s))
        .unwrap_or(after);
    let next = after
        .trim_start_matches([' ', ':', '-', '\u{2013}'])
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    capitals(&text[range.clone()]) && next.chars().count() >= 2 && capitals(next)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_role_is_not_said_twice() {
        assert_eq!(
            role_in_apposition(
                "The Council's safeguarding officer, ",
                "the safeguarding officer",
                ", said"
            ),
            Some(RoleBefore::Said(34))
        );
        assert_eq!(
            role_in_apposition("The registered manager, ", "the Manager", ", wrote"),
            Some(RoleBefore::Said(22))
        );
        assert_eq!(
            role_in_apposition("She spoke to the nurse, ", "the social worker", ","),
            None
        );
        // Without a comma: the role as a title before the name.
        let said = |before: &str| role_in_apposition(before, "the social worker", " visited");
        assert_eq!(said("The social worker "), Some(RoleBefore::Said(17)));
        assert_eq!(said("Her worker "), Some(RoleBefore::Said(10)));
        assert_eq!(said("Social worker "), Some(RoleBefore::Bare(0)));
        assert_eq!(
            said("A letter from social worker "),
            Some(RoleBefore::Bare(14))
        );
        assert_eq!(said("On 4 May social worker "), Some(RoleBefore::Bare(9)));
        assert_eq!(said("Later, social worker "), Some(RoleBefore::Bare(7)));
        assert_eq!(said("The antisocial behaviour officer "), None);
        assert_eq!(said("1\u{2014}worker "), Some(RoleBefore::Said(10)));
        assert_eq!(said("She spoke to the nurse "), None);
    }

    #[test]
    fn a_role_after_the_name_is_not_said_twice() {
        let after = ", the occupational therapist, assessed her";
        let skip = role_after_name("the occupational therapist", after).unwrap();
        assert_eq!(&after[skip..], " assessed her");
        let after = ", an SEN officer, wrote";
        let skip = role_after_name("an SEN officer", after).unwrap();
        assert_eq!(&after[skip..], " wrote");
        assert_eq!(role_after_name("the GP", ", the social worker, said"), None);
        // A signature's role, without an article.
        let after = ", Social Worker, Calderbrook Council, wrote";
        let skip = role_after_name("the social worker", after).unwrap();
        assert_eq!(&after[skip..], ", Calderbrook Council, wrote");
        let after = ", social worker, wrote";
        let skip = role_after_name("the social worker", after).unwrap();
        assert_eq!(&after[skip..], " wrote");
        let after = ", Social Worker.";
        let skip = role_after_name("the social worker", after).unwrap();
        assert_eq!(&after[skip..], ".");
        assert_eq!(
            role_after_name("the social worker", ", social workers said"),
            None
        );
        // Said short: its initials, or its last word, after an article or
        // a possessive.
        let ot = "the occupational therapist";
        for after in [
            ", the OT, visited",
            ", her OT, visited",
            ", the therapist, visited",
            ", OT, visited",
        ] {
            let skip = role_after_name(ot, after).unwrap();
            assert_eq!(&after[skip..], " visited", "{after}");
        }
        for after in [
            ", the team manager, visited",
            ", the ot, visited",
            ", the OTs, visited",
            ", the therapists' manager, visited",
        ] {
            assert_eq!(role_after_name(ot, after), None, "{after}");
        }
    }

    #[test]
    fn a_blank_in_apposition_goes_with_its_commas() {
        assert_eq!(name_in_apposition("A neighbour, ", ", found her"), Some(11));
        assert_eq!(
            name_in_apposition("She said her elder daughter, ", ", had rung"),
            Some(27)
        );
        assert_eq!(
            name_in_apposition("She wrote to the Council, ", ", and"),
            None
        );
        assert_eq!(name_in_apposition("A neighbour, ", " found her"), None);
        assert_eq!(
            name_in_apposition("Mrs X's husband, ", ", agreed"),
            Some(15)
        );
    }

    #[test]
    fn labels_in_a_heading_of_capitals_are_capitals() {
        let text = "ROSE BAKER'S CARE PLAN";
        assert!(in_capitals(text, &(0..10)));
        let text = "ROSE BAKER: NOTES";
        assert!(in_capitals(text, &(0..10)));
        // A name in capitals in running text is a name, not a heading.
        let text = "ROSE BAKER wrote on the form";
        assert!(!in_capitals(text, &(0..10)));
    }

    #[test]
    fn labels_start_sentences_with_a_capital() {
        assert!(starts_sentence(""));
        assert!(starts_sentence("The Council agreed. "));
        assert!(!starts_sentence("she spoke to "));
        // A quotation that opens a sentence, or opens after a comma or a
        // colon; not one in the middle of a clause.
        assert!(starts_sentence("\""));
        assert!(starts_sentence("She said, \u{201C}"));
        assert!(starts_sentence("The note read: \""));
        assert!(!starts_sentence("she called him \""));
        assert!(!starts_sentence("the \"x\"\""));
        assert_eq!(capitalise("the social worker"), "The social worker");
    }
}
