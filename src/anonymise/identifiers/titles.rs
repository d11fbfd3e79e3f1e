//! Titles and honorifics around a name: "Mrs J. Smith", "SMITH J (Mrs)",
//! "Smith, Ms J.".

use crate::case::Title;

/// Words that stand before a name. Titles say who is meant; the others
/// ("Councillor", "Cllr") only extend the span.
const HONORIFICS: [(&str, Option<Title>); 15] = [
    ("mrs", Some(Title::Mrs)),
    ("mr", Some(Title::Mr)),
    ("ms", Some(Title::Ms)),
    ("miss", Some(Title::Miss)),
    ("mx", Some(Title::Mx)),
    ("dr", Some(Title::Dr)),
    ("councillor", None),
    ("cllr", None),
    ("professor", None),
    ("prof", None),
    ("rev", None),
    ("sir", None),
    ("lady", None),
    ("dame", None),
    ("lord", None),
];

/// An honorific immediately before `start` in folded text, possibly with an
/// initial between ("Mr M Clarke", "Mrs H. Wisniewski"): the title it gives
/// (if any) and the offset where the span should start.
pub(super) fn title_before(key: &str, start: usize) -> Option<(Option<Title>, usize)> {
    let before = key[..start].strip_suffix(' ')?;
    honorific_at_end(before).or_else(|| honorific_at_end(strip_initial(before)?))
}

fn honorific_at_end(before: &str) -> Option<(Option<Title>, usize)> {
    let before = before.strip_suffix('.').unwrap_or(before);
    HONORIFICS.iter().find_map(|(word, title)| {
        let rest = before.strip_suffix(word)?;
        let boundary = rest.is_empty() || !rest.as_bytes()[rest.len() - 1].is_ascii_alphanumeric();
        boundary.then_some((*title, rest.len()))
    })
}

/// The title written as the word right before `at` in the text as
/// written ("Mrs " before "Okonkwos"), and where it starts.
pub(super) fn title_word_before(text: &str, at: usize) -> Option<(Title, usize)> {
    let before = text[..at].strip_suffix(' ')?;
    let word = before
        .rsplit(|c: char| !(c.is_ascii_alphabetic() || c == '.'))
        .next()?;
    let bare = word.strip_suffix('.').unwrap_or(word).to_ascii_lowercase();
    let title = HONORIFICS.iter().find(|(w, _)| *w == bare)?.1?;
    Some((title, before.len() - word.len()))
}

/// "mr m" → "mr": drops one initial (with an optional full stop).
fn strip_initial(before: &str) -> Option<&str> {
    let b = before.strip_suffix('.').unwrap_or(before);
    // Checked: the last character may be more than one byte (a mark).
    let (rest, last) = b.split_at_checked(b.len().checked_sub(1)?)?;
    (last.as_bytes()[0].is_ascii_alphabetic()).then_some(())?;
    rest.strip_suffix(' ')
}

/// Whether two titles may name the same person (a listed "Mrs" written
/// "Ms"); "Dr" and "Mx" go with any.
pub(super) fn titles_compatible(a: Title, b: Title) -> bool {
    use Title::{Dr, Miss, Mr, Mrs, Ms, Mx};
    let female = |t| matches!(t, Mrs | Ms | Miss);
    a == b
        || matches!(a, Dr | Mx)
        || matches!(b, Dr | Mx)
        || (female(a) && female(b))
        || (a == Mr && b == Mr)
}

/// A title and initials after a family name in a register's order, in
/// folded text: ", ms j." after "pargeter" ("Pargeter, Ms J.", "SMITH, MRS
/// J M"): the title it gives and the length to take with the name.
pub(super) fn register_title_after(after: &str) -> Option<(Option<Title>, usize)> {
    let rest = after.strip_prefix(", ")?;
    let (rest, title) = HONORIFICS.iter().find_map(|(word, title)| {
        let r = rest.strip_prefix(word)?;
        let r = r.strip_prefix('.').unwrap_or(r);
        Some((r.strip_prefix(' ')?, *title))
    })?;
    let bytes = rest.as_bytes();
    let lone_letter = |i: usize| {
        bytes.get(i).is_some_and(u8::is_ascii_alphabetic)
            && bytes.get(i + 1).is_none_or(|b| !b.is_ascii_alphanumeric())
    };
    let (mut i, mut end) = (0, None);
    while lone_letter(i) {
        i += 1;
        if bytes.get(i) == Some(&b'.') {
            i += 1;
        }
        end = Some(i);
        if bytes.get(i) == Some(&b' ') && lone_letter(i + 1) {
            i += 1;
        }
    }
    end.map(|end| (title, after.len() - rest.len() + end))
}

/// The length of a bracketed title right after a name: "Smith J (Mrs)".
pub(super) fn bracketed_title_after(after: &str) -> usize {
    let trimmed = after.trim_start_matches(' ');
    let Some(inner) = trimmed.strip_prefix('(') else {
        return 0;
    };
    Title::ALL
        .iter()
        .find_map(|t| {
            let word = t.as_str().to_ascii_lowercase();
            let rest = inner.strip_prefix(word.as_str())?;
            let rest = rest.strip_prefix('.').unwrap_or(rest);
            rest.starts_with(')').then(|| after.len() - rest.len() + 1)
        })
        .unwrap_or(0)
}
