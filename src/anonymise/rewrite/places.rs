//! A named school, nursery, care home or GP practice that is not one of the
//! case's bodies, in a sentence about a person: generalised ("she attends
//! St Ives Lane Primary School" → "she attends a primary school"). Named, it
//! tells a reader which child or resident the decision is about.

use std::ops::Range;

use super::text::{sentence_around, words};
use super::{Category, Context, Edit, Rule};

/// A word of the text: its range and text.
fn tokens(text: &str) -> Vec<(Range<usize>, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let inside = c.is_alphanumeric() || matches!(c, '\'' | '\u{2019}' | '-' | '.');
        match (start, inside) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out.into_iter()
        .map(|(s, e)| {
            let w = text[s..e].trim_end_matches(['.', '\'', '\u{2019}']);
            let w = w.strip_suffix("'s").unwrap_or(w);
            (s..s + w.len(), w)
        })
        .filter(|(r, _)| !r.is_empty())
        .collect()
}

/// The words around the positions `at` (sorted) in `text`, in text order,
/// with their ranges in `text`: a place's name ends within a few words
/// after its first end word, and its name before that is a few capitalised
/// words on the same line.
fn tokens_near<'a>(text: &'a str, at: &[usize]) -> Vec<(Range<usize>, &'a str)> {
    const BEFORE: usize = 160;
    const AFTER: usize = 64;
    let inside = |c: char| c.is_alphanumeric() || matches!(c, '\'' | '\u{2019}' | '-' | '.');
    // Windows around each position, widened to whole words and merged.
    let mut windows: Vec<Range<usize>> = Vec::new();
    for &i in at {
        let mut start = i.saturating_sub(BEFORE);
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        while let Some(c) = text[..start].chars().next_back().filter(|&c| inside(c)) {
            start -= c.len_utf8();
        }
        let mut end = (i + AFTER).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        while let Some(c) = text[end..].chars().next().filter(|&c| inside(c)) {
            end += c.len_utf8();
        }
        match windows.last_mut() {
            Some(w) if start <= w.end => w.end = w.end.max(end),
            _ => windows.push(start..end),
        }
    }
    windows
        .into_iter()
        .flat_map(|w| {
            tokens(&text[w.clone()])
                .into_iter()
                .map(move |(r, t)| (r.start + w.start..r.end + w.start, t))
        })
        .collect()
}

/// Words a place's name may hold in lower case between capitalised ones
/// ("St Mary's Church of England Primary School").
const INNER: [&str; 3] = ["of", "and", "the"];

/// Words that start a sentence, not a name.
const NOT_NAMES: [&str; 8] = ["The", "A", "An", "This", "That", "Her", "His", "Their"];

/// Plans the generalisation of every named place nobody listed.
pub(super) fn generalise(cx: &Context<'_>, edits: &mut Vec<Edit>) {
    let rules = &cx.rules().places;
    if rules.is_empty() {
        return;
    }
    // Only the words around a word that may start an end are read (most
    // texts have none).
    let near = cx.rules().place_words_in(cx.text);
    if near.is_empty() {
        return;
    }
    let toks = tokens_near(cx.text, &near);
    // Only capitalised words that start one of the ends ("Primary",
    // "Care") are looked at.
    let firsts: Vec<&str> = rules
        .iter()
        .flat_map(|r| &r.ends)
        .filter_map(|e| e.split(' ').next())
        .collect();
    let starts: Vec<usize> = toks
        .iter()
        .enumerate()
        .filter(|(_, (_, w))| {
            w.starts_with(char::is_uppercase) && firsts.iter().any(|f| w.eq_ignore_ascii_case(f))
        })
        .map(|(i, _)| i)
        .collect();
    if starts.is_empty() {
        return;
    }
    let kind_words: Vec<&str> = rules
        .iter()
        .flat_map(|r| &r.ends)
        .flat_map(|e| e.split(' '))
        .collect();
    let mut planned: Vec<Edit> = Vec::new();
    // Which of the planned names had "the" before them, and the name as
    // written (lower case), and whether its sentence is about a person.
    let mut definite: Vec<bool> = Vec::new();
    let mut names: Vec<(String, bool)> = Vec::new();
    for rule in rules {
        for end_phrase in &rule.ends {
            let phrase: Vec<&str> = end_phrase.split(' ').collect();
            for &i in &starts {
                let Some(last) = i.checked_add(phrase.len() - 1).filter(|&l| l < toks.len()) else {
                    continue;
                };
                let matches = phrase.iter().enumerate().all(|(k, p)| {
                    let w = toks[i + k].1;
                    w.eq_ignore_ascii_case(p) && w.starts_with(char::is_uppercase)
                });
                if !matches {
                    continue;
                }
                // The name before it: capitalised words (a lower-case "of"
                // between them), on the same line.
                let mut first = i;
                while first > 0 {
                    let (r, w) = &toks[first - 1];
                    let gap = &cx.text[r.end..toks[first].0.start];
                    // "St Aidan's C of E Primary", "St. Mary's": a
                    // possessive or an abbreviation's stop inside the name,
                    // never a person's ("Ben's Primary School").
                    let joined = match gap {
                        " " => true,
                        "'s " | "\u{2019}s " => cx.hits_in(r).is_empty(),
                        ". " => matches!(*w, "St" | "Mt"),
                        _ => false,
                    };
                    if !joined {
                        break;
                    }
                    let capital = w.starts_with(char::is_uppercase) && !NOT_NAMES.contains(w);
                    let inner = INNER.contains(w)
                        && first >= 2
                        && toks[first - 2].1.starts_with(char::is_uppercase);
                    if !(capital || inner) {
                        break;
                    }
                    first -= 1;
                }
                // A name of the kind's words alone is no name ("Ben's
                // Primary School").
                if toks[first..i]
                    .iter()
                    .all(|(_, w)| kind_words.iter().any(|k| w.eq_ignore_ascii_case(k)))
                {
                    continue;
                }
                let mut range = toks[first].0.start..toks[last].0.end;
                // The whole name, when a longer end follows ("Primary" of
                // "Primary School"); another kind's end after it is the
                // kind ("Primary Nursery" is a nursery's name).
                if let Some((r, w)) = toks.get(last + 1)
                    && cx.text[toks[last].0.end..r.start] == *" "
                {
                    if matches!(*w, "School" | "Academy") {
                        range.end = r.end;
                    } else if w.starts_with(char::is_uppercase)
                        && firsts.iter().any(|f| w.eq_ignore_ascii_case(f))
                    {
                        continue;
                    }
                }
                let overlaps = |r: &Range<usize>| r.start < range.end && range.start < r.end;
                let near = cx.hits.partition_point(|h| h.range.end <= range.start);
                let busy = cx.hits.get(near).is_some_and(|h| overlaps(&h.range))
                    || cx.protected.iter().any(overlaps)
                    || planned
                        .iter()
                        .chain(edits.iter())
                        .any(|e| overlaps(&e.range));
                if busy {
                    continue;
                }
                names.push((
                    cx.text[range.clone()].to_lowercase(),
                    about_a_person(cx, &range),
                ));
                let the_before = cx.text[..range.start]
                    .strip_suffix(' ')
                    .and_then(|h| h.strip_suffix("the").or_else(|| h.strip_suffix("The")))
                    .filter(|h| h.is_empty() || h.ends_with(' '));
                if let Some(h) = the_before {
                    range.start = h.len();
                }
                definite.push(the_before.is_some());
                planned.push(Edit {
                    range,
                    text: rule.write.clone(),
                    rule: Rule::PlaceGeneralised,
                });
            }
        }
    }
    // A place is generalised wherever it is named, once a sentence ties it
    // to a person.
    let tied: Vec<bool> = names
        .iter()
        .map(|(name, _)| names.iter().any(|(n, about)| n == name && *about))
        .collect();
    let mut k = 0;
    planned.retain(|_| {
        k += 1;
        tied[k - 1]
    });
    let mut k = 0;
    definite.retain(|_| {
        k += 1;
        tied[k - 1]
    });
    // The first of a kind in the text is "a primary school"; later ones,
    // and any the text wrote "the" before, "the primary school".
    let mut order: Vec<usize> = (0..planned.len()).collect();
    order.sort_by_key(|&k| planned[k].range.start);
    let mut seen: Vec<String> = Vec::new();
    for k in order {
        let first = !seen.contains(&planned[k].text);
        seen.push(planned[k].text.clone());
        if !first || definite[k] {
            planned[k].text = definite_form(&planned[k].text);
        }
    }
    edits.extend(planned);
}

/// "a primary school" → "the primary school".
fn definite_form(write: &str) -> String {
    match write.split_once(' ') {
        Some(("a" | "an", rest)) => format!("the {rest}"),
        _ => write.to_string(),
    }
}

/// Whether the sentence around `range` is about a listed person: it holds
/// their name or a personal pronoun.
fn about_a_person(cx: &Context<'_>, range: &Range<usize>) -> bool {
    let s = sentence_around(cx.text, range);
    let named = cx.hits[cx.hits_in(&s)]
        .iter()
        .any(|h| matches!(h.category, Category::Name | Category::AmbiguousName));
    named
        || words(&cx.text[s]).iter().any(|w| {
            matches!(
                w.as_str(),
                "she" | "he" | "her" | "his" | "him" | "they" | "their"
            )
        })
}
