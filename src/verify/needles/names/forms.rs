//! Name forms read from their shape rather than their words: initials
//! after a title, and names spaced, dotted or run together in the letters
//! view.

use super::super::lexicon;
use super::super::normal::Text;
use super::super::{Found, Kind, Masks, Needles};
use super::rules::{is_alphabetic, is_initial, next_word, spaced_or_dotted};

/// Initials after a title ("Ms L.P.", "Mr T W G", "Ms LP") that are a listed
/// person's: all of them, the given names', one of theirs, or one of theirs
/// after a label's letter ("Mr X B.").
pub(in crate::verify::needles) fn initials(
    n: &Needles,
    t: &Text<'_>,
    masks: &Masks,
    out: &mut Vec<Found>,
) {
    for k in 0..t.tokens.len() {
        if !t.capitalised(k) {
            continue;
        }
        let Some(title) = lexicon::title(t.token(k)) else {
            continue;
        };
        let Some((letters, last)) = initials_after(t, k) else {
            continue;
        };
        if masks.covers(k, last) {
            continue;
        }
        let fitting = || n.owners.iter().filter(|o| o.fits(title));
        // Someone's initials, else a label with one of someone's initials
        // left after it ("Mr X B.", from "Colin B." with only the given
        // name replaced).
        let owner = fitting()
            .find(|o| o.has_initials(&letters))
            .or_else(|| fitting().find(|o| o.initial_after_label(&letters)));
        if let Some(owner) = owner {
            out.push(Found {
                range: t.tokens_range(k, last),
                kind: Kind::Initials,
                field: Some(owner.field.clone()),
            });
        }
    }
}

impl super::Owner {
    fn is_initial(&self, c: char) -> bool {
        self.given_initials.contains(&c) || self.family_initial == Some(c)
    }

    /// All their initials, their given names', or one of them.
    fn has_initials(&self, letters: &[char]) -> bool {
        let given = &self.given_initials[..self.given.len().min(self.given_initials.len())];
        let full: Vec<char> = given.iter().copied().chain(self.family_initial).collect();
        match letters {
            [one] => self.is_initial(*one),
            _ => letters == full || letters == given,
        }
    }

    /// A letter that is none of theirs (a label's), then one that is.
    fn initial_after_label(&self, letters: &[char]) -> bool {
        matches!(letters, [label, initial] if !self.is_initial(*label) && self.is_initial(*initial))
    }
}

/// The initials after token `k`: single capitals with optional full stops,
/// or one token of two or three capitals; and the last token they take.
fn initials_after(t: &Text<'_>, k: usize) -> Option<(Vec<char>, usize)> {
    let mut letters = Vec::new();
    let mut last = k;
    while letters.len() < 3 && last + 1 < t.tokens.len() && spaced_or_dotted(t, last + 1) {
        let m = last + 1;
        // "A" and "I" before a lower-case word are a word, not an initial.
        let word =
            matches!(t.token(m), "a" | "i") && next_word(t, m).is_some_and(|n| !t.capitalised(n));
        if !is_initial(t, m) || word {
            break;
        }
        letters.extend(t.token(m).chars());
        last = m;
    }
    if letters.is_empty() && k + 1 < t.tokens.len() && spaced_or_dotted(t, k + 1) {
        let m = k + 1;
        let token = t.token(m);
        let all_caps = (t.tokens[m].start..t.tokens[m].end).all(|i| t.chars[i].upper);
        if (2..=3).contains(&token.chars().count()) && all_caps && is_alphabetic(token) {
            return Some((token.chars().collect(), m));
        }
    }
    (!letters.is_empty()).then_some((letters, last))
}

/// Whether a letters-view hit over normalised characters `from..to` stands
/// as a name: it starts at a word start or a camel-case boundary and ends at
/// a word end, a camel-case boundary or a digit. Across several tokens: when
/// they are joined without spaces ("Pem-ber-ton", "debs.tranterwilde") but
/// are not a compound of lower-case words ("fair-weather"); or, whole tokens
/// apart by spaces or full stops, when they are single letters
/// ("P E M B E R T O N", one text object per glyph) or fragments not all of
/// which are words ("Pem berton", where a PDF splits a word; never "fair
/// weather" for Fairweather, "good man" for Goodman).
pub(in crate::verify::needles) fn letters_stand_as_name(
    t: &Text<'_>,
    from: usize,
    to: usize,
) -> bool {
    let (first, last) = (t.token_of[from], t.token_of[to - 1]);
    let c = &t.chars;
    let start_ok = from == t.tokens[first].start
        || (c[from].upper && !c[from - 1].upper && c[from - 1].c.is_alphabetic())
        || c[from - 1].c.is_ascii_digit();
    let end_ok =
        to == t.tokens[last].end || (c[to].upper && !c[to - 1].upper) || c[to].c.is_ascii_digit();
    if !(start_ok && end_ok) {
        return false;
    }
    if first == last {
        return true;
    }
    let tight = (first + 1..=last).all(|m| {
        let sep = t.sep(m);
        let marks = sep.chars().filter(|c| !c.is_whitespace());
        let joined = marks.clone().count() > 0
            && marks
                .clone()
                .all(|c| matches!(c, '-' | '.' | '_' | '\'' | '/' | '·'));
        let spaces_ok =
            !sep.contains(char::is_whitespace) || (sep.contains('-') && sep.contains('\n'));
        joined && spaces_ok
    });
    if tight {
        let compound = (first..=last).all(|k| lexicon::is_english_word(t.token(k)))
            && !t.capitalised(first)
            && (first + 1..=last).all(|m| t.sep(m).trim() == "-");
        return !compound;
    }
    let whole = from == t.tokens[first].start && to == t.tokens[last].end;
    let fragments = (first..=last).all(|k| t.token(k).chars().count() == 1)
        || (first..=last)
            .any(|k| t.token(k).chars().count() > 1 && !lexicon::is_english_word(t.token(k)));
    whole && fragments && (first + 1..=last).all(|m| spaced_or_dotted(t, m))
}
