//! The rules for a name that is also a word (`word-names` rules 1–9), as
//! the verifier reads them over its tokens: whether a hit of a name part is
//! the name or the word.

use super::super::lexicon;
use super::super::normal::Text;
use super::super::{Found, Kind, Needles};
use super::{NameUse, Owner, Role};

/// Whether a words-view hit of a name is a leak, by the rules for names.
pub(in crate::verify::needles) fn is_name(
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
    // 3a. After a determiner ("the Dean of", "the Field Marshal", "in the
    // Autumn"): the word; but a family's plural ("the Pargeters"), and a
    // family name before a noun ("the Smith household"), are the family.
    let plural = u.role == Role::Family && !n.owners[u.owner].parts.contains_key(token);
    if !plural && determiner_before(n, t, k) && !(u.role == Role::Family && noun_after(t, k)) {
        return false;
    }
    // 4. Possessive, or a relative clause for a person ("Summer, who").
    if possessive_after(t, k) || (k + 1 < t.tokens.len() && t.token(k + 1) == "who") {
        return true;
    }
    // 5. A month or season in a date; any word right before a year.
    if (lexicon::month(token).is_some() || lexicon::is_season(token)) && in_date(t, k) {
        return false;
    }
    if next_word(t, k).is_some_and(|m| {
        let y = t.token(m);
        y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit())
    }) {
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
            // "Rose later said": an adverb, then what a person does.
            Some(m) if lexicon::is_auxiliary(t.token(m)) => {
                u.role != Role::Family
                    || next_word(t, m)
                        .is_some_and(|v| !t.capitalised(v) && lexicon::is_person_verb(t.token(v)))
            }
            Some(_) => false,
            None => true,
        };
    }
    // 9. Capitalised in running text.
    true
}

/// Rule 3a: a determiner right before `k`, or before the one or two
/// capitalised words before it ("the Field Marshal"), none of them a title
/// or a listed name token.
fn determiner_before(n: &Needles, t: &Text<'_>, k: usize) -> bool {
    let mut j = k;
    for step in 0..3 {
        if j == 0 || !t.spaced_before(j) {
            return false;
        }
        j -= 1;
        if lexicon::is_determiner(t.token(j)) {
            return true;
        }
        let plain = t.capitalised(j)
            && lexicon::title(t.token(j)).is_none()
            && !n.name_tokens.contains(t.token(j));
        if step == 2 || !plain {
            return false;
        }
    }
    false
}

/// Whether a lower-case word that is no verb and no function word follows
/// `k`: "the Smith household".
fn noun_after(t: &Text<'_>, k: usize) -> bool {
    next_word(t, k).is_some_and(|m| {
        let w = t.token(m);
        !t.capitalised(m)
            && is_alphabetic(w)
            && !lexicon::is_function_word(w)
            && !lexicon::is_person_verb(w)
            && !lexicon::is_auxiliary(w)
            && !looks_past_tense(w)
    })
}

/// Whether a word ends as a past tense does ("visited", "called"), and is
/// longer than "bed" or "red".
fn looks_past_tense(word: &str) -> bool {
    word.len() > 3 && word.ends_with("ed")
}

pub(super) fn is_alphabetic(token: &str) -> bool {
    token.chars().all(char::is_alphabetic)
}

/// The next token, if only whitespace stands between.
pub(super) fn next_word(t: &Text<'_>, k: usize) -> Option<usize> {
    (k + 1 < t.tokens.len() && t.spaced_before(k + 1)).then_some(k + 1)
}

/// Whether the separator before token `k` holds only whitespace and full
/// stops (and something).
pub(super) fn spaced_or_dotted(t: &Text<'_>, k: usize) -> bool {
    let mut any = false;
    for c in t.sep_before(k) {
        if !(c.is_whitespace() || c == '.') {
            return false;
        }
        any = true;
    }
    any
}

pub(super) fn is_initial(t: &Text<'_>, k: usize) -> bool {
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
    let is_month = |m: usize| lexicon::month(t.token(m)).is_some();
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
        // A line that ends in a lower-case word runs on, unless it is a
        // heading ("What happened").
        return t.capitalised(prev) || !is_alphabetic(t.token(prev)) || heading(t, prev);
    }
    if sep.contains('\n') {
        return !core.ends_with([',', ';', '&', '(']);
    }
    false
}

/// Whether the line that token `last` ends is a heading: a short line
/// (eight words at most) that starts with a capital and ends without
/// punctuation. A line of running text that wraps is longer.
fn heading(t: &Text<'_>, last: usize) -> bool {
    const MAX_WORDS: usize = 8;
    let mut first = last;
    while first > 0 && !t.sep(first).contains('\n') {
        if last - first + 1 >= MAX_WORDS {
            return false;
        }
        first -= 1;
    }
    t.capitalised(first)
}
