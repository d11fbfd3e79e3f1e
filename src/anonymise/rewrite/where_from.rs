//! A name nobody listed before where its person is from ("We spoke to
//! Kelly from the Council", "Kelly (housing officer) replied"): the person
//! is written by their work, in the office's words ("a member of staff from
//! the Council") or the job the bracket gives ("A housing officer
//! replied"); an officer by their rank ("PC 4521 Davies attended" → "A
//! police officer attended").

use super::relations::{article_for, in_lower_case, unlisted_names};
use super::text::{capitalise, sentence_around};
use super::{Context, Edit, Rule, Run};
use crate::anonymise::detect::{is_police_rank, surely_an_officer, where_from_at};
use crate::anonymise::reading::is_title;

/// The rewrite of a run of names nobody listed that where its person is
/// from follows.
pub(super) fn where_from(cx: &Context<'_>, run: &Run) -> Option<Edit> {
    let cue = where_from_at(cx.text, run.range.end)?;
    // "Her GP is Dr Anand at Heron Surgery": a titled name says more
    // than "a member of staff"; it is held.
    let first = cx.text[run.range.clone()]
        .split([' ', '.'])
        .next()
        .unwrap_or("");
    if !unlisted_names(cx, run) || is_title(first) {
        return None;
    }
    let (end, words) = if cue == " (" {
        // "Kelly (housing officer)": the job stands for the person.
        let inside = run.range.end + cue.len();
        let close = inside + cx.text[inside..].find(')')?;
        let job = in_lower_case(&cx.text[inside..close]);
        (close + 1, format!("{} {job}", article_for(&job)))
    } else {
        (run.range.end, cx.rules().names.from_work.clone())
    };
    let starts = sentence_around(cx.text, &run.range).start == run.range.start;
    Some(Edit {
        range: run.range.start..end,
        text: if starts { capitalise(&words) } else { words },
        rule: Rule::NameByWorkplace,
    })
}

/// "PC 4521 Davies attended" → "A police officer attended", "told DS Marsh"
/// → "told a police officer": a name nobody listed that starts with a
/// police rank (the rank and an officer's number are the name's) is said
/// by the office's words for an officer, where nothing before it makes it
/// a particular one ("the"); a name that may be a thing's ("DC Marsh",
/// "DC Comics") is left to be held.
pub(super) fn police_officer(cx: &Context<'_>, run: &Run) -> Option<Edit> {
    let words = cx.rules().names.police.clone()?;
    let name = &cx.text[run.range.clone()];
    let first = name.split(' ').next().unwrap_or("").trim_end_matches('.');
    let determined = cx.text[..run.range.start]
        .trim_end()
        .rsplit(' ')
        .next()
        .is_some_and(|w| matches!(w.to_lowercase().as_str(), "the" | "a" | "an"));
    if !unlisted_names(cx, run) || !is_police_rank(first) || !surely_an_officer(name) || determined
    {
        return None;
    }
    let starts = sentence_around(cx.text, &run.range).start == run.range.start;
    Some(Edit {
        range: run.range.clone(),
        text: if starts { capitalise(&words) } else { words },
        rule: Rule::NameByWorkplace,
    })
}
