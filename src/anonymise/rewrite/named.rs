//! A value right after the words that name it ("gives her NHS number as
//! 999 954 2557", "wrote to account 6001 2345 on 3 May"): the value goes
//! and its name stays, written so that it still reads as the sentence's
//! noun ("wrote to her account on 3 May"); a sentence that only says what
//! someone's name is goes ("Her surname is Pargeter.").

use super::text::{capitalise, going_whole, sentence_around, words_of};
use super::{Category, Context, Edit, Rule, Run, Source};
use crate::anonymise::detect::is_relation;

/// "gives her NHS number as 999 954 2557." → "gives her NHS number.": a
/// value the sentence has already named goes with its "as" (and a date's
/// "the"), where the
/// clause ends after it; right after its name ("His NHS number 999 954
/// 2557 was on the form", "NHS No: 999 954 2557"), it goes alone, and a
/// name left without a determiner takes the person's possessive ("to
/// account 6001 2345" → "to her account"; "Tenancy T/0012/45 ended" →
/// "Her tenancy ended"). A name that is neither (a verb's object: "quoted
/// claim HB 448120") keeps its placeholder, for `check` to hold.
pub(super) fn named_before(cx: &Context<'_>, run: &Run) -> Option<Edit> {
    if let Some(edit) = part_after_its_name(cx, run) {
        return Some(edit);
    }
    let head = &cx.text[..run.range.start];
    // A date with its article ("gave her date of birth as the 9th of
    // November 1968") goes with it.
    let dated = run
        .categories(cx)
        .all(|c| matches!(c, Category::DateOfBirth | Category::DateOfDeath));
    let head = match head.strip_suffix(" as the ") {
        Some(before) if dated => &head[..before.len() + " as ".len()],
        _ => head,
    };
    let (before, with_as) = match head.strip_suffix(" as ") {
        Some(before) => (before, true),
        None => (head.strip_suffix(' ')?.trim_end_matches(':'), false),
    };
    let named = before
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '.'))
        .next()?
        .trim_end_matches('.')
        .to_lowercase();
    let rest = &cx.text[run.range.end..];
    let after = rest.chars().next();
    // Or another of the person's details named after "and" ("gave his NHS
    // number as … and his hospital number as …").
    let and_another = rest.strip_prefix(" and ").is_some_and(|r| {
        ["his ", "her ", "their ", "its ", "the "]
            .iter()
            .any(|d| r.starts_with(d))
    });
    let clause_ends =
        and_another || after.is_none_or(|c| matches!(c, '.' | ',' | ';' | ')' | '!' | '?'));
    let names_it = cx.rules().sentence.named_as.contains(&named) || (!with_as && named == "no");
    if (with_as && !clause_ends) || !names_it {
        return None;
    }
    let edit = |start: usize, text: String| Edit {
        range: start..run.range.end,
        text,
        rule: Rule::IdentifierNamed,
    };
    if with_as {
        return Some(edit(before.len(), String::new()));
    }
    let sentence = sentence_around(cx.text, &run.range).start;
    // A value that starts its sentence ("Her phone. 07700 900461 …") is
    // not named by the sentence before.
    if sentence > before.len() {
        return None;
    }
    let (label, standing) = standing(cx, sentence, before.len())?;
    if label == before.len() {
        return Some(edit(label, String::new()));
    }
    let name = spelt_out(cx, &cx.text[label..before.len()]);
    let written = match standing {
        Standing::Determined => name,
        Standing::Bare { starts } => {
            let their = cx.their(run.person(cx), run.range.end);
            if starts {
                format!("{} {}", capitalise(their), lower_first(&name))
            } else {
                format!("{their} {name}")
            }
        }
    };
    Some(edit(label, written))
}

/// "The Pargeter residence was inspected" → "Mrs X's residence was
/// inspected": a listed person's family name used as a noun's adjective,
/// after "the", before a noun of the rules' `attributive`, is said as the
/// person's (never "The Mrs X residence").
pub(super) fn attributive(cx: &Context<'_>, edits: &mut Vec<Edit>) {
    let nouns = &cx.rules().names.attributive;
    if nouns.is_empty() {
        return;
    }
    for hit in cx.hits.iter().filter(|h| h.category == Category::Name) {
        if hit.person.is_none() || Context::is_blank(hit) {
            continue;
        }
        let Some(start) = hit.range.start.checked_sub(4) else {
            continue;
        };
        let the = cx
            .text
            .get(start..hit.range.start)
            .is_some_and(|w| w.eq_ignore_ascii_case("the "));
        let noun = cx.text[hit.range.end..]
            .strip_prefix(' ')
            .and_then(|rest| words_of(rest).next());
        if the && noun.is_some_and(|n| nouns.contains(&n)) {
            edits.push(Edit {
                range: start..hit.range.end,
                text: format!("{}'s", hit.replacement),
                rule: Rule::NameAfterRelation,
            });
        }
    }
}

/// "a mobile number ending in 461 which matched" → "a mobile number which
/// matched": part of a number, said after the number's name, goes with the
/// words that say it is a part (the rules' `part_cues`, the longest that
/// fits).
fn part_after_its_name(cx: &Context<'_>, run: &Run) -> Option<Edit> {
    let head = cx.text[..run.range.start].strip_suffix(' ')?;
    let start = cx
        .rules()
        .sentence
        .part_cues
        .iter()
        .filter_map(|cue| {
            let at = head.len().checked_sub(cue.len())?;
            let fits = head.is_char_boundary(at) && head[at..].eq_ignore_ascii_case(cue);
            fits.then(|| head[..at].strip_suffix(' ').map(str::len))?
        })
        .min()?;
    let from = (start.saturating_sub(40)..=start).find(|&i| cx.text.is_char_boundary(i))?;
    let named = words_of(&cx.text[from..start]).next_back()?;
    cx.rules().sentence.named_as.contains(&named).then(|| Edit {
        range: start..run.range.end,
        text: String::new(),
        rule: Rule::IdentifierNamed,
    })
}

/// "Her surname is Pargeter.", "Her son's name is Ben.": a sentence that
/// says only what someone's name is goes whole (with the label in the
/// name's place it would read "Her surname is Mrs X."). Its words besides
/// the names are the rules' words of a sentence of identifiers (or whose:
/// "her son's"), one of them a word for a name or "spelt" ("Pargeter is
/// spelt P A R G E T E R.").
pub(super) fn name_statements(cx: &Context<'_>, edits: &mut Vec<Edit>) {
    // Every word for a name holds "name" ("surname", "forename"); a name
    // spelt out is said to be one ("Pargeter is spelt P A R G E T E R").
    let says_name = ["name", "Name", "NAME", "spel"]
        .iter()
        .any(|w| memchr::memmem::find(cx.text.as_bytes(), w.as_bytes()).is_some());
    if !says_name {
        return;
    }
    let allowed = &cx.rules().sentence.words;
    let mut done = 0;
    for hit in cx.hits.iter().filter(|h| h.category == Category::Name) {
        if hit.range.start < done || hit.source == Source::Flagged {
            continue;
        }
        let s = sentence_around(cx.text, &hit.range);
        done = s.end;
        // A name is what the words before it say ("is", "as", "spelt"):
        // the sentence's first, or a later one ("Pargeter is spelt …").
        let said = cx.hits[cx.hits_in(&s)]
            .iter()
            .filter(|h| h.category == Category::Name)
            .any(|h| {
                words_of(&cx.text[s.start..h.range.start.max(s.start)])
                    .next_back()
                    .is_some_and(|w| NAME_SAID.contains(&w.as_str()))
            });
        if !said {
            continue;
        }
        let mut says_a_name = false;
        let mut fits = |gap: &str| {
            words_of(gap).all(|w| {
                says_a_name |= matches!(
                    w.as_str(),
                    "name" | "surname" | "forename" | "spelt" | "spelled"
                );
                allowed.contains(&w) || is_relation(&w) || NAME_SAID.contains(&w.as_str())
            })
        };
        let mut at = s.start;
        let mut only_names = true;
        for h in &cx.hits[cx.hits_in(&s)] {
            if h.category != Category::Name || h.source == Source::Flagged {
                only_names = false;
                break;
            }
            if !fits(&cx.text[at..h.range.start.max(at)]) {
                only_names = false;
                break;
            }
            at = h.range.end.max(at);
        }
        if !only_names || !fits(&cx.text[at.min(s.end)..s.end]) || !says_a_name {
            continue;
        }
        if let Some(range) = going_whole(cx.text, &s) {
            edits.push(Edit {
                range,
                text: String::new(),
                rule: Rule::IdentifierSentence,
            });
        }
    }
}

/// Words right before a name that say what it is ("her name is", "spelt"),
/// and the few besides the rules' words that a sentence saying a name may
/// hold ("spelt O'Neill, not O'Neil"; "she prefers to be called").
const NAME_SAID: [&str; 16] = [
    "is", "was", "as", "spelt", "spelled", "name", "surname", "forename", "called", "not", "but",
    "she", "he", "prefers", "to", "be",
];

/// Words that make the name after them a noun phrase already.
const DETERMINERS: [&str; 17] = [
    "a", "an", "the", "her", "his", "their", "its", "our", "my", "your", "this", "that", "these",
    "those", "whose", "each", "any",
];

/// How the words that name a value stand in their sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Standing {
    /// After a determiner or a possessive ("her account", "the joint
    /// account", "Mrs Ashdown's account").
    Determined,
    /// With none, after a preposition or at the sentence's start
    /// (`starts`): the person's possessive goes before them.
    Bare { starts: bool },
}

/// Where the words naming a value that ends at `end` start (the rules'
/// words of identifiers: "council tax account", "NHS no."), and how they
/// stand; `None` where that cannot be told (a verb before them).
fn standing(cx: &Context<'_>, sentence: usize, end: usize) -> Option<(usize, Standing)> {
    let rules = &cx.rules().sentence;
    let is_name = |w: &str| {
        (rules.words.iter().any(|x| x == w) || rules.named_as.iter().any(|x| x == w))
            && !rules.predicates.iter().any(|x| x == w)
            && !rules.bare_after.iter().any(|x| x == w)
    };
    let mut label = end;
    // A word between the name and its determiner ("the joint account"):
    // one at most, right after the determiner. Any other word (a verb:
    // "the form gave NHS number …") leaves the name's standing untold.
    let mut others = 0;
    let mut at = end;
    loop {
        let head = cx.text[sentence..at].trim_end();
        if head.is_empty() {
            return (others == 0).then_some((label, Standing::Bare { starts: true }));
        }
        let start = sentence + head.rfind(char::is_whitespace).map_or(0, |i| i + 1);
        let raw = &cx.text[start..sentence + head.len()];
        // A list item's mark starts its sentence ("- Account 6001 2345
        // closed").
        let first = cx.text[sentence..start].trim().is_empty();
        if first && matches!(raw, "-" | "*" | "\u{2022}" | "\u{2013}") {
            return (others == 0).then_some((label, Standing::Bare { starts: true }));
        }
        if raw.ends_with([',', ';', ':', '(', ')', '"', '\u{201C}', '\u{201D}']) {
            return None;
        }
        if ["'s", "\u{2019}s", "s'"].iter().any(|a| raw.ends_with(a)) {
            return Some((label, Standing::Determined));
        }
        let word = raw.trim_end_matches('.').to_lowercase();
        // After "and" or "or", the name shares the determiner of the
        // name before ("her NI number and NHS number").
        let joined = others == 0 && matches!(word.as_str(), "and" | "or");
        if joined || DETERMINERS.contains(&word.as_str()) {
            return Some((label, Standing::Determined));
        }
        if others == 0 && rules.bare_after.contains(&word) {
            return Some((label, Standing::Bare { starts: false }));
        }
        if others == 0 && is_name(&word) {
            label = start;
        } else {
            others += 1;
            if others > 1 {
                return None;
            }
        }
        at = start;
    }
}

/// The name as printed, with a "no." that named the value written out
/// ("account no." → "account number"): without its value, "no." reads as
/// the word "no".
fn spelt_out(cx: &Context<'_>, name: &str) -> String {
    let Some(word) = cx.rules().sentence.no_written.as_deref() else {
        return name.to_string();
    };
    let last = name.rfind(' ').map_or(0, |i| i + 1);
    if name[last..]
        .trim_end_matches('.')
        .eq_ignore_ascii_case("no")
    {
        format!("{}{word}", &name[..last])
    } else {
        name.to_string()
    }
}

/// A name's first letter in lower case, unless its first word is
/// capitals ("NHS number", "MRN").
fn lower_first(name: &str) -> String {
    let first = name.split(' ').next().unwrap_or("");
    if first.chars().filter(|c| c.is_alphabetic()).count() > 1
        && first.chars().all(|c| !c.is_lowercase())
    {
        return name.to_string();
    }
    let mut chars = name.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::super::tests::check;

    #[test]
    fn a_name_left_without_its_value_still_reads_as_a_noun() {
        check(&[
            (
                "The Council wrote to account 6001 2345 on 3 May 2024.",
                "The Council wrote to her account on 3 May 2024.",
            ),
            (
                "Payments into account no. 60012345 stopped.",
                "Payments into her account number stopped.",
            ),
            (
                "Account 6001-2345 was closed in May.",
                "Her account was closed in May.",
            ),
            (
                "Notes:\n- Account 6001 2345 closed in May.",
                "Notes:\n- Her account closed in May.",
            ),
            (
                "NHS number 999 954 2557 was on the form.",
                "Her NHS number was on the form.",
            ),
            (
                "Her NHS no. 999 954 2557 was on the form.",
                "Her NHS number was on the form.",
            ),
            (
                "The letter gave her NHS number as 999 954 2557 and her account as 6001 2345.",
                "The letter gave her NHS number and her account.",
            ),
            // In a grouping an NHS number's shape does not know.
            (
                "Her NHS number 999 9542 557 was on the form.",
                "Her NHS number was on the form.",
            ),
            // A determiner, a word after one, a possessive, or "and" after
            // a name that has one: the name as it was.
            (
                "Her phone and NHS number 999 954 2557 were on the form.",
                "Her phone and NHS number were on the form.",
            ),
            (
                "The Council closed the joint account 6001 2345 in May.",
                "The Council closed the joint account in May.",
            ),
            (
                "Mrs O'Neill's account 6001 2345 was in credit.",
                "Mrs Y's account was in credit.",
            ),
            // After a verb, how the name stands is not told: the placeholder
            // stays, for `check` to hold.
            (
                "The form gave NHS number 999 954 2557 for the ward.",
                "The form gave NHS number [NHS number] for the ward.",
            ),
        ]);
    }

    #[test]
    fn a_sentence_that_only_says_a_name_goes() {
        check(&[
            (
                "Her surname is O'Neill. She lived alone.",
                "She lived alone.",
            ),
            ("Her name is Peggy.", ""),
            ("Her full name is Margaret O'Neill.", ""),
            (
                "Mrs O'Neill rang. Her grandson's name is Riley. He is six.",
                "Mrs Y rang. He is six.",
            ),
            ("Her name is spelt O'Neill, not O'Neil.", ""),
            ("O'Neill is spelt O N E I L L. She rang.", "She rang."),
            // A name nobody listed, said to be one, goes with its sentence
            // too (no "[name]" left to hold).
            ("Her surname was Hartigan. She moved.", "She moved."),
            // More than a name said: the sentence stays, the name its label.
            (
                "Her name is Margaret O'Neill and she lives alone.",
                "Her name is Mrs Y and she lives alone.",
            ),
            (
                "The form gave her surname as O'Neill.",
                "The form gave her surname as Mrs Y.",
            ),
            ("Mrs O'Neill gave her name.", "Mrs Y gave her name."),
            ("Margaret O'Neill is her name.", "Mrs Y is her name."),
        ]);
    }
}
