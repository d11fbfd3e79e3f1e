//! A name nobody listed beside the relation that introduces it ("her son
//! Tom", "Tom, her son,", "a friend called Tabitha"): the name goes and the
//! relation stands for the person; a family by its surname ("the Smith
//! family") is the family.

use std::ops::Range;

use super::text::{capitalise, sentence_around};
use super::{Category, Context, Edit, Rule, Run, Source};
use crate::anonymise::detect::{
    family_follows, is_person_word, is_profession, is_relation, is_relation_adjective,
    neighbours_follow, relation_introduced,
};
use crate::anonymise::words::{is_job_word, is_month};

/// Whether a run is names nobody listed, and nothing else.
pub(super) fn unlisted_names(cx: &Context<'_>, run: &Run) -> bool {
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
    if let Some(edit) = family_by_surname(cx, run) {
        return Some(edit);
    }
    let before = cx.text[..run.range.start].strip_suffix(' ')?;
    let last_word = |text: &str| {
        text.rsplit(|c: char| !(c.is_alphanumeric() || c == '-'))
            .next()
            .unwrap_or("")
            .to_string()
    };
    // "her husband, Gareth and their dog": a name after a comma that
    // nothing closes goes with its comma (a closed one is an aside's, a
    // bracket after it the bracket's).
    if let Some(head) = before.strip_suffix(',') {
        let goes_on = cx.text[run.range.end..]
            .strip_prefix(' ')
            .is_some_and(|rest| rest.starts_with(char::is_lowercase));
        return (goes_on && is_relation(&last_word(head)) && unlisted_names(cx, run)).then(|| {
            Edit {
                range: head.len()..run.range.end,
                text: String::new(),
                rule: Rule::NameAfterRelation,
            }
        });
    }
    // "a friend called Tabitha": "called" goes with the name.
    let word = last_word(before);
    let called = matches!(word.as_str(), "called" | "named");
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
    // "Social worker Jo Bloggs visited": the job stood as a title before
    // the name; without it the job takes an article ("A social worker
    // visited").
    if let Some(phrase) = bare_job(cx.text, start, &word) {
        // "Care Manager Jo Bloggs" → "A care manager": the title's
        // capitals go with the name.
        let words = in_lower_case(&cx.text[phrase..start]);
        let sentence_start = sentence_around(cx.text, &run.range).start == phrase;
        let article = format!("{} {words}", article_for(&words));
        return Some(Edit {
            range: phrase..run.range.end,
            text: if sentence_start {
                capitalise(&article)
            } else {
                article
            },
            rule: Rule::NameAfterRelation,
        });
    }
    // "Sister Flynn", "Aunt Mary": a capitalised relation standing bare
    // before the name is its title, and without the name it reads as
    // nobody ("Sister was the ward manager"); the name is left to be held.
    // ("her son Mark and daughter Amy": a relation in lower case is one.)
    if !called && word.starts_with(char::is_uppercase) && !someones(cx.text, start, &word) {
        return None;
    }
    Some(Edit {
        range: start..run.range.end,
        text: String::new(),
        rule: Rule::NameAfterRelation,
    })
}

/// "The Smith family complained" → "The family complained", "the
/// Hendersons next door" → "the family next door": a family nobody listed
/// by its surname is the family.
fn family_by_surname(cx: &Context<'_>, run: &Run) -> Option<Edit> {
    let after = &cx.text[run.range.end..];
    let the = cx.text[..run.range.start]
        .get(run.range.start.checked_sub(4)?..)
        .is_some_and(|w| w.eq_ignore_ascii_case("the "));
    if !the || run.hits.len() != 1 || !unlisted_names(cx, run) {
        return None;
    }
    let (range, text) = if family_follows(after) {
        (run.range.start..run.range.end + 1, "")
    } else if neighbours_follow(after) {
        (run.range.clone(), "family")
    } else {
        return None;
    };
    Some(Edit {
        range,
        text: text.to_string(),
        rule: Rule::NameAfterRelation,
    })
}

/// The word that ends `head` (after a space) and where it starts: `None`
/// at the start of the text or after a mark.
fn word_before(head: &str) -> Option<(usize, &str)> {
    let before = head.strip_suffix(' ')?;
    let start = before
        .rfind(|c: char| !(c.is_alphanumeric() || matches!(c, '\'' | '\u{2019}' | '-')))
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    Some((start, &before[start..]))
}

/// Whether the relation `word` that ends at `end` is someone's or a
/// particular one: a determiner or a possessive before it, past the words
/// that qualify it ("her eldest son", "Mrs X's late husband", "the ward
/// sister").
fn someones(text: &str, end: usize, word: &str) -> bool {
    let mut head = &text[..end - word.len()];
    for _ in 0..4 {
        let Some((start, word)) = word_before(head) else {
            return false;
        };
        let lower = word.to_lowercase();
        if DETERMINERS.contains(&lower.as_str())
            || word.ends_with("'s")
            || word.ends_with("\u{2019}s")
            || word.ends_with("s'")
        {
            return true;
        }
        if !(is_job_word(word) || is_relation_adjective(word)) {
            return false;
        }
        head = &head[..start];
    }
    false
}

/// Words that make a job someone's or a particular one: "the social
/// worker", "her nurse", "each officer".
const DETERMINERS: [&str; 16] = [
    "a", "an", "the", "her", "his", "their", "my", "our", "your", "its", "this", "that", "each",
    "every", "another", "whose",
];

/// Where a job that stands bare before a name starts ("told social worker
/// Jo", "Housing officer Dave said"), where the job ends at `end` and its
/// last word is `job`; `None` when a word makes it someone's or a
/// particular one ("her social worker Jo", "the nurse Jo") or what comes
/// before it is unclear.
fn bare_job(text: &str, end: usize, job: &str) -> Option<usize> {
    if !is_profession(job) {
        return None;
    }
    let mut start = end - job.len();
    for _ in 0..4 {
        let head = &text[..start];
        let Some((word_start, word)) = word_before(head) else {
            // The start of the text, or a mark before the job.
            return head
                .chars()
                .next_back()
                .is_none_or(|c| matches!(c, '\n' | '(' | '"' | '\u{201c}'))
                .then_some(start);
        };
        let lower = word.to_lowercase();
        if DETERMINERS.contains(&lower.as_str())
            || word.ends_with("'s")
            || word.ends_with("\u{2019}s")
        {
            return None;
        }
        // A word of the sentence before the job: a word that links it
        // ("to", "told"), a month or a number ("On 4 June social worker"),
        // a mark ("Later, social worker").
        if links_to_a_job(word) {
            return Some(start);
        }
        // A word that says which work it is ("housing officer", "Team
        // Manager"), or another word in lower case that may ("agency
        // manager", "the agency manager"): what comes before it decides.
        if is_job_word(word) || word.starts_with(char::is_lowercase) {
            start = word_start;
            continue;
        }
        return None;
    }
    None
}

/// Whether the word before a job that stands bare is one of the sentence
/// rather than of the job: a word that links it ("to", "by", "told"), a
/// month or a number ("On 4 June social worker"), none after a mark
/// ("Later, social worker").
pub(crate) fn links_to_a_job(word: &str) -> bool {
    word.is_empty()
        || LINKS.iter().any(|l| l.eq_ignore_ascii_case(word))
        || is_month(word)
        || word.ends_with(|c: char| c.is_ascii_digit())
}

/// Words after which a job that stands bare starts: prepositions,
/// conjunctions and the verbs of reaching someone ("told social worker
/// Jo", "by nurse Jo").
const LINKS: [&str; 32] = [
    "to",
    "by",
    "from",
    "with",
    "for",
    "of",
    "at",
    "on",
    "in",
    "into",
    "via",
    "and",
    "or",
    "but",
    "than",
    "as",
    "then",
    "when",
    "after",
    "before",
    "told",
    "asked",
    "contacted",
    "called",
    "rang",
    "phoned",
    "emailed",
    "met",
    "saw",
    "visited",
    "informed",
    "said",
];

/// "a" or "an" before `words`, by how their first word is said.
pub(super) fn article_for(words: &str) -> &'static str {
    // An abbreviation is said letter by letter: "an MP", "a GP".
    let first = words.split(' ').next().unwrap_or("");
    if first.len() > 1 && first.chars().all(|c| c.is_ascii_uppercase()) {
        return if first.starts_with(['A', 'E', 'F', 'H', 'I', 'L', 'M', 'N', 'O', 'R', 'S', 'X']) {
            "an"
        } else {
            "a"
        };
    }
    let lower = words.to_lowercase();
    let vowel = lower.starts_with(['a', 'e', 'i', 'o', 'u']);
    let said_with_y = ["uni", "use", "usu", "eu", "one"]
        .iter()
        .any(|p| lower.starts_with(p));
    if vowel && !said_with_y { "an" } else { "a" }
}

/// `words` with each capitalised word in lower case ("Social worker" at the
/// start of a sentence, "Senior Practitioner"); an abbreviation stays
/// ("SEN officer").
pub(super) fn in_lower_case(words: &str) -> String {
    words
        .split(' ')
        .map(|word| {
            let mut chars = word.chars();
            match chars.next() {
                Some(first) if first.is_uppercase() && !chars.any(char::is_uppercase) => {
                    word.to_lowercase()
                }
                _ => word.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// "Tom, her son, visited" → "Her son visited", "She lived with Sheila,
/// her mother." → "She lived with her mother.", "Janice Holroyd, a
/// neighbour, found her" → "A neighbour found her": a name nobody listed
/// set off before someone's relation, or a relation with an article, goes
/// with its commas.
pub(super) fn before_relation(cx: &Context<'_>, run: &Run) -> Option<Edit> {
    let phrase_start = run.range.end + ", ".len();
    let rest = cx.text[run.range.end..].strip_prefix(", ")?;
    let len = relation_introduced(rest)?;
    if !unlisted_names(cx, run) {
        return None;
    }
    let phrase_end = phrase_start + len;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_job_starts_where_nothing_makes_it_someones() {
        fn at<'a>(text: &'a str, job: &str) -> Option<&'a str> {
            let end = text.find(job).expect("the job is in the text") + job.len();
            bare_job(text, end, job).map(|start| &text[start..end])
        }
        assert_eq!(at("Social worker Jo", "worker"), Some("Social worker"));
        assert_eq!(at("to support worker Jo", "worker"), Some("support worker"));
        assert_eq!(
            at("On 4 June housing officer Jo", "officer"),
            Some("housing officer")
        );
        assert_eq!(at("Later, nurse Jo", "nurse"), Some("nurse"));
        assert_eq!(at("(nurse Jo", "nurse"), Some("nurse"));
        assert_eq!(at("her social worker Jo", "worker"), None);
        assert_eq!(at("the nurse Jo", "nurse"), None);
        assert_eq!(at("Mrs X's social worker Jo", "worker"), None);
        assert_eq!(at("Council social worker Jo", "worker"), None);
        assert_eq!(at("told her son Jo", "son"), None);
    }

    #[test]
    fn the_article_follows_the_sound() {
        assert_eq!(article_for("occupational therapist"), "an");
        assert_eq!(article_for("social worker"), "a");
        assert_eq!(article_for("university nurse"), "a");
        assert_eq!(article_for("Estate officer"), "an");
        assert_eq!(article_for("MP"), "an");
        assert_eq!(article_for("GP"), "a");
    }
}
