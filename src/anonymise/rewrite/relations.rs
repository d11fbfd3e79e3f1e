//! A name nobody listed beside the relation that introduces it ("her son
//! Tom", "Tom, her son,", "a friend called Tabitha"): the name goes and the
//! relation stands for the person.

use std::ops::Range;

use super::text::{capitalise, sentence_around};
use super::{Category, Context, Edit, Rule, Run, Source};
use crate::anonymise::detect::{is_person_word, is_relation, possessor_len, relation_len};

/// Whether a run is names nobody listed, and nothing else.
fn unlisted_names(cx: &Context<'_>, run: &Run) -> bool {
    let hits = &cx.hits[cx.hits_in(&run.range)];
    !hits.is_empty()
        && hits
            .iter()
            .all(|h| h.category == Category::Name && h.source == Source::Heuristic)
}

/// "Her son Tom lives nearby" → "Her son lives nearby": a name nobody
/// listed right after the relation that introduces it goes, and the
/// relation stands for the person ("her son Tom's flat" → "her son's
/// flat", "a friend called Tabitha drove" → "a friend drove").
pub(super) fn after_relation(cx: &Context<'_>, run: &Run) -> Option<Edit> {
    let before = cx.text[..run.range.start].strip_suffix(' ')?;
    let last_word = |text: &str| {
        text.rsplit(|c: char| !(c.is_alphanumeric() || c == '-'))
            .next()
            .unwrap_or("")
            .to_string()
    };
    // "a friend called Tabitha": "called" goes with the name.
    let word = last_word(before);
    let (start, introduced) = match word.as_str() {
        "called" | "named" => {
            let start = before.len() - word.len() - 1;
            (
                start,
                is_person_word(&last_word(before[..start].trim_end())),
            )
        }
        _ => (before.len(), is_relation(&word)),
    };
    if !unlisted_names(cx, run) || !introduced {
        return None;
    }
    Some(Edit {
        range: start..run.range.end,
        text: String::new(),
        rule: Rule::NameAfterRelation,
    })
}

/// "Tom, her son, visited" → "Her son visited", "She lived with Sheila,
/// her mother." → "She lived with her mother.": a name nobody listed set
/// off before someone's relation goes with its commas.
pub(super) fn before_relation(cx: &Context<'_>, run: &Run) -> Option<Edit> {
    let phrase_start = run.range.end + ", ".len();
    let rest = cx.text[run.range.end..].strip_prefix(", ")?;
    let possessor = possessor_len(rest)?;
    let len = relation_len(&rest[possessor + 1..])?;
    if !unlisted_names(cx, run) {
        return None;
    }
    let phrase_end = phrase_start + possessor + 1 + len;
    let tail = &cx.text[phrase_end..];
    // The closing comma goes, unless it opens another aside ("Tom, her
    // son, who lives nearby, visited").
    let another_aside = tail.strip_prefix(", ").is_some_and(|t| {
        ["who ", "whom ", "whose ", "which ", "aged "]
            .iter()
            .any(|w| t.starts_with(w))
    });
    let end = if another_aside {
        phrase_end
    } else if tail.starts_with(',') {
        phrase_end + 1
    } else if tail.is_empty() || tail.starts_with(['.', ';', ')', '!', '?']) {
        phrase_end
    } else {
        return None;
    };
    let phrase = printed(cx, phrase_start..phrase_end)?;
    let starts = sentence_around(cx.text, &run.range).start == run.range.start;
    Some(Edit {
        range: run.range.start..end,
        text: if starts { capitalise(&phrase) } else { phrase },
        rule: Rule::NameBeforeRelation,
    })
}

/// "Her nephew, Callum (aged 19), visited" → "Her nephew, aged 19,
/// visited": a name nobody listed in apposition with a bracket after it
/// gives way to what the bracket says.
pub(super) fn bracket_after(cx: &Context<'_>, run: &Run) -> Option<Edit> {
    let open = run.range.end + " (".len();
    let inner = cx.text[run.range.end..].strip_prefix(" (")?;
    let close = open + inner.find(')')?;
    let in_apposition =
        cx.text[..run.range.start].ends_with(", ") && cx.text[close + 1..].starts_with(',');
    if !in_apposition || !unlisted_names(cx, run) || close == open {
        return None;
    }
    Some(Edit {
        range: run.range.start..close + 1,
        text: printed(cx, open..close)?,
        rule: Rule::NameBeforeRelation,
    })
}

/// The text of `range` as the publication copy prints it: each hit inside
/// it as its replacement ("Mr Rooke's cousin" → "Mr Z's cousin"); `None`
/// when a hit crosses its ends.
fn printed(cx: &Context<'_>, range: Range<usize>) -> Option<String> {
    let mut out = String::new();
    let mut at = range.start;
    for hit in &cx.hits[cx.hits_in(&range)] {
        if hit.range.end > range.end {
            return None;
        }
        out.push_str(&cx.text[at..hit.range.start]);
        out.push_str(&hit.replacement);
        at = hit.range.end;
    }
    let first = cx.hits.partition_point(|h| h.range.end <= range.start);
    if cx
        .hits
        .get(first)
        .is_some_and(|h| h.range.start < range.start)
    {
        return None;
    }
    out.push_str(&cx.text[at..range.end]);
    Some(out)
}
