//! Titles and honorifics around a name: "Mrs J. Smith", "SMITH J (Mrs)".

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
