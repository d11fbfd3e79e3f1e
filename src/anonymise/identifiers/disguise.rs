//! Names in disguise: spelt out letter by letter ("P E M B E R T O N"), run
//! into web addresses and usernames ("facebook.com/DebsTranterWilde"), or
//! misspelt by a letter or two ("Kowalczik" for "Kowalczyk").

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::{Category, Doubt, Hit, Identifiers, Source};
use crate::anonymise::fold::fold;
use crate::anonymise::words::{is_word_name, without_possessive};
use crate::case::Title;

/// The fewest letters a spelt-out name has.
const SPELT_MIN: usize = 4;

/// The fewest letters a name has for a near miss to count: shorter names
/// are a letter away from too many words.
pub(super) const NEAR_MIN: usize = 6;

impl Identifiers {
    /// Names written one letter at a time: "P E M B E R T O N",
    /// "P.E.M.B.E.R.T.O.N", "J-A-N-E S-M-I-T-H".
    pub(super) fn spelt_hits(&self, text: &str) -> Vec<Hit> {
        if self.spelt.is_empty() {
            return Vec::new();
        }
        spelt_runs(text)
            .into_iter()
            .filter_map(|(range, letters)| {
                let owners = self.spelt.get(&letters)?;
                // "Mrs P a r g e t e r": the title goes with the name, as
                // it does with a name written whole, and must fit the
                // person ("Mr P a r g e t e r" is held).
                let title = title_before_in(text, range.start);
                let fits = |p: &usize| {
                    title
                        .and_then(|(t, _)| t)
                        .is_none_or(|t| self.may_be_titled(*p, t))
                };
                let person = self.single(owners).filter(fits);
                let range = title.map_or(range.start, |(_, at)| at)..range.end;
                let replacement = person.map_or_else(
                    || Category::Name.placeholder().to_string(),
                    |p| self.labels[p].clone(),
                );
                Some(Hit::new(
                    Source::Listed,
                    range,
                    Category::Name,
                    person,
                    replacement,
                ))
            })
            .collect()
    }

    /// Capitalised words a letter or two from a long listed name, outside
    /// every hit: "[name]", with a doubt naming whose name it is near. A
    /// near miss never takes anyone's label.
    pub(super) fn near_misses(&self, text: &str, kept: &[Hit]) -> Vec<Hit> {
        if self.near.is_empty() {
            return Vec::new();
        }
        // `kept` is in text order and its hits do not overlap: the one a
        // word could be inside is found by bisection.
        let inside = |r: &Range<usize>| {
            let next = kept.partition_point(|h| h.range.end <= r.start);
            kept.get(next)
                .is_some_and(|h| h.range.start < r.end && r.start < h.range.end)
        };
        capitalised_words(text)
            .filter(|r| !inside(r))
            .filter_map(|r| {
                let candidates = self.near_candidates(&text[r.clone()])?;
                let placeholder = Category::Name.placeholder();
                let hit = Hit::new(Source::Heuristic, r, Category::Name, None, placeholder);
                Some(hit.doubted(Some(Doubt::NearMiss { candidates })))
            })
            .collect()
    }

    /// Names found by detectors ("Mr Kowalczik") that are a letter or two
    /// from a listed name get a doubt saying so.
    pub(super) fn doubt_near_misses(&self, text: &str, mut hits: Vec<Hit>) -> Vec<Hit> {
        for hit in &mut hits {
            let detected = matches!(hit.source, Source::Heuristic | Source::Flagged);
            if hit.doubt.is_some() || !detected || hit.category != Category::Name {
                continue;
            }
            let near = text[hit.range.clone()]
                .split_whitespace()
                .find_map(|w| self.near_candidates(w));
            if let Some(candidates) = near {
                hit.doubt = Some(Doubt::NearMiss { candidates });
            }
        }
        hits
    }

    /// The labels of the people whose long name `word` nearly is.
    pub(super) fn near_candidates(&self, word: &str) -> Option<Vec<String>> {
        let allowed = |len: usize| if len >= 9 { 2 } else { 1 };
        let near_length = |name: &String, len: usize| name.len().abs_diff(len) <= allowed(len);
        // A key long enough to be read, of some listed name's length.
        let may_be_near = |len: usize| {
            len >= NEAR_MIN && self.near.iter().any(|(name, _)| near_length(name, len))
        };
        // The cheap test first: most words are no listed name's length. An
        // ASCII word's key is its letters in lower case, so its length is
        // known before the key is made.
        if word.is_ascii() && !may_be_near(word.bytes().filter(u8::is_ascii_alphabetic).count()) {
            return None;
        }
        let key: String = fold(word)
            .chars()
            .filter(char::is_ascii_alphabetic)
            .collect();
        if !may_be_near(key.len()) || self.all_parts.contains(&key) || is_word_name(&key) {
            return None;
        }
        let allowed = allowed(key.len());
        let mut owners: Vec<usize> = self
            .near
            .iter()
            .filter(|(name, _)| near_length(name, key.len()))
            .filter(|(name, _)| letters_apart(name, &key) <= 2 * allowed)
            .filter(|(name, _)| {
                let d = strsim::damerau_levenshtein(name, &key);
                d > 0 && d <= allowed
            })
            .flat_map(|(_, owners)| owners.iter().copied())
            .collect();
        owners.sort_unstable();
        owners.dedup();
        (!owners.is_empty()).then(|| self.labels_of(&owners))
    }
}

/// How many letters two ASCII words do not share, counted with their
/// repeats (0 for anything else). An edit or a swap of two letters changes
/// it by two at most, so half of it is at most their edit distance: words
/// further apart than that need no distance worked out.
fn letters_apart(a: &str, b: &str) -> usize {
    if !a.is_ascii() || !b.is_ascii() {
        return 0;
    }
    let mut count = [0i16; 128];
    for &x in a.as_bytes() {
        count[usize::from(x)] += 1;
    }
    for &x in b.as_bytes() {
        count[usize::from(x)] -= 1;
    }
    let mut apart = 0;
    for &x in a.as_bytes().iter().chain(b.as_bytes()) {
        apart += usize::from(count[usize::from(x)].unsigned_abs());
        count[usize::from(x)] = 0;
    }
    apart
}

/// Runs of single letters with one separator between them, at least
/// [`SPELT_MIN`] long: their range and their letters, folded.
fn spelt_runs(text: &str) -> Vec<(Range<usize>, String)> {
    // Most texts have no two lone letters side by side: say so before
    // looking at every character.
    if !two_alone(text) {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let alone = |i: usize| {
        chars[i].1.is_alphabetic()
            && (i == 0 || !chars[i - 1].1.is_alphanumeric())
            && chars.get(i + 1).is_none_or(|(_, c)| !c.is_alphanumeric())
    };
    let separator = |c: char| matches!(c, ' ' | '.' | '-' | '_' | '\u{a0}');
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !alone(i) {
            i += 1;
            continue;
        }
        let mut letters = vec![chars[i].1];
        let mut j = i;
        // Within a word the separator is one character; between the words
        // of a name it may be wider ("J A N E   S M I T H").
        while let Some(next) = (j + 2..(j + 5).min(chars.len()))
            .find(|&k| alone(k) && chars[j + 1..k].iter().all(|(_, c)| separator(*c)))
        {
            letters.push(chars[next].1);
            j = next;
        }
        if letters.len() >= SPELT_MIN {
            let end = chars[j].0 + chars[j].1.len_utf8();
            let folded: String = fold(&letters.iter().collect::<String>());
            out.push((chars[i].0..end, folded));
            i = j + 1;
        } else {
            i += 1;
        }
    }
    out
}

/// Whether `text` has two lone letters with one to three separators
/// between them ("P E", "J.A"). An ASCII text is read a byte at a time,
/// which is cheaper than a DFA's scan; any other through the regex.
fn two_alone(text: &str) -> bool {
    static TWO_ALONE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[^\p{L}\p{N}])\p{L}[ ._\-\u{a0}]{1,3}\p{L}(?:[^\p{L}\p{N}]|$)")
            .expect("valid regex")
    });
    if !text.is_ascii() {
        return TWO_ALONE.is_match(text);
    }
    let b = text.as_bytes();
    let alnum = |i: usize| b.get(i).is_some_and(u8::is_ascii_alphanumeric);
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        // A word (or number) starts at `i`: a lone letter if one long.
        if b[i].is_ascii_alphabetic() && !alnum(i + 1) {
            let separators = b[i + 1..]
                .iter()
                .take(4)
                .take_while(|c| matches!(c, b' ' | b'.' | b'_' | b'-'))
                .count();
            let next = i + 1 + separators;
            if (1..=3).contains(&separators)
                && b.get(next).is_some_and(u8::is_ascii_alphabetic)
                && !alnum(next + 1)
            {
                return true;
            }
        }
        i += b[i..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
    }
    false
}

/// The byte ranges of capitalised words (letters, apostrophes and hyphens
/// inside), in text order.
///
/// Only a word that starts with a capital can be one, so the text is
/// skipped to the next ASCII capital or character outside ASCII, and the
/// word around it read from there.
fn capitalised_words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < text.len() {
            let p = at
                + bytes[at..]
                    .iter()
                    .position(|&b| b.is_ascii_uppercase() || !b.is_ascii())?;
            let run = word_run(text, p);
            let next = p + text[p..].chars().next().map_or(1, char::len_utf8);
            at = run.end.max(next);
            // The word starts with its first letter; a capital inside a
            // word ("McDonald" after "Mc", "d'Arcy") starts none.
            let start = run.start
                + text[run.start..]
                    .find(char::is_alphabetic)
                    .unwrap_or(text.len() - run.start);
            if start != p || !text[start..].starts_with(char::is_uppercase) {
                continue;
            }
            let whole = &text[start..run.end];
            let word = without_possessive(whole);
            let before = text[..start].chars().next_back();
            let glued = before.is_some_and(char::is_alphanumeric);
            if !glued && word.chars().count() >= NEAR_MIN {
                return Some(start..start + word.len());
            }
        }
        None
    })
}

/// The run of word characters (letters, apostrophes, hyphens, invisible
/// characters) around byte `p`: empty where the character at `p` is none.
fn word_run(text: &str, p: usize) -> Range<usize> {
    let in_word = |c: char| {
        c.is_alphabetic()
            || matches!(c, '\'' | '-' | '\u{2019}')
            || crate::anonymise::fold::is_invisible(c)
    };
    if !text[p..].starts_with(in_word) {
        return p..p;
    }
    let start = text[..p]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| in_word(c))
        .last()
        .map_or(p, |(i, _)| i);
    let end = text[p..]
        .char_indices()
        .find(|&(_, c)| !in_word(c))
        .map_or(text.len(), |(i, _)| p + i);
    start..end
}

/// Names inside web addresses and usernames: the whole address or username
/// goes, as "[web address]" or "[username]", so no part of it is left.
pub(super) fn online_ids(text: &str, hits: Vec<Hit>) -> Vec<Hit> {
    let mut out: Vec<Hit> = Vec::with_capacity(hits.len());
    for mut hit in hits {
        let expandable = matches!(hit.category, Category::Name | Category::OnlineId)
            && hit.source == Source::Listed;
        if expandable {
            let token = token_around(text, &hit.range);
            let written = &text[token.clone()];
            let url = written.contains("://")
                || written.to_ascii_lowercase().starts_with("www.")
                || (written.contains('/') && written.contains('.'));
            let handle = written.starts_with('@') || written.contains('_');
            if url || handle || hit.category == Category::OnlineId {
                hit.range = token;
                hit.category = Category::OnlineId;
                hit.replacement = if url { "[web address]" } else { "[username]" }.into();
            }
        }
        // A web address widened over hits before it takes them in: the
        // hits stay in text order and never overlap.
        if hit.category == Category::OnlineId {
            while let Some(last) = out.pop_if(|last| last.range.end > hit.range.start) {
                hit.range =
                    last.range.start.min(hit.range.start)..hit.range.end.max(last.range.end);
            }
        }
        match out.last_mut() {
            Some(last)
                if last.range.end > hit.range.start && last.category == Category::OnlineId =>
            {
                last.range.end = last.range.end.max(hit.range.end);
            }
            _ => out.push(hit),
        }
    }
    out
}

/// The whitespace-delimited token around `range`, without the punctuation
/// that ends a sentence or closes a bracket.
fn token_around(text: &str, range: &Range<usize>) -> Range<usize> {
    let start = text[..range.start]
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '[' | '"' | '\u{201C}' | '<'))
        .map_or(0, |i| {
            i + text[i..].chars().next().map_or(1, char::len_utf8)
        });
    let end = text[range.end..]
        .find(|c: char| c.is_whitespace() || matches!(c, ')' | ']' | '"' | '\u{201D}' | '>'))
        .map_or(text.len(), |i| range.end + i);
    let trimmed =
        text[start..end].trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', '\u{2019}']);
    let end = (start + trimmed.len()).max(range.end);
    start.min(range.start)..end
}

/// A title right before `start` in unfolded text ("Mrs " before a name
/// spelt out): the title it gives, and where it starts.
fn title_before_in(text: &str, start: usize) -> Option<(Option<Title>, usize)> {
    let from = (start.saturating_sub(16)..=start).find(|&i| text.is_char_boundary(i))?;
    let before = text[from..start].to_ascii_lowercase();
    super::titles::title_before(&before, before.len()).map(|(t, at)| (t, from + at))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_spelt_out_are_runs() {
        let runs = spelt_runs("it was P E M B E R T O N, not A B C, and J.A.N.E S.M.I.T.H.");
        let letters: Vec<&str> = runs.iter().map(|(_, l)| l.as_str()).collect();
        assert_eq!(letters, ["pemberton", "janesmith"]);
    }

    #[test]
    fn two_lone_letters_read_by_bytes_as_the_regex_reads_them() {
        let regex =
            Regex::new(r"(?:^|[^\p{L}\p{N}])\p{L}[ ._\-\u{a0}]{1,3}\p{L}(?:[^\p{L}\p{N}]|$)")
                .unwrap();
        // Every string of up to six of these pieces.
        let pieces = ["a", "B", " ", ".", "-", "_", "7", ",", "é", "\u{a0}"];
        let mut texts = vec![String::new()];
        for _ in 0..6 {
            let longer: Vec<String> = texts
                .iter()
                .filter(|t| t.chars().count() == texts.last().map_or(0, |l| l.chars().count()))
                .flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}")))
                .collect();
            texts.extend(longer);
        }
        for text in &texts {
            assert_eq!(two_alone(text), regex.is_match(text), "{text:?}");
        }
    }

    #[test]
    fn tokens_around_names() {
        let text = "see (www.example.com/debs_tw). Then";
        let at = text.find("debs").unwrap();
        let r = token_around(text, &(at..at + 4));
        assert_eq!(&text[r], "www.example.com/debs_tw");
    }

    #[test]
    fn letters_apart_is_at_most_twice_the_distance() {
        for (a, b) in [
            ("kowalczyk", "kowalczik"),
            ("pemberton", "pembertno"),
            ("okonkwo", "okonkow"),
            ("tranter", "tranterr"),
            ("harrowgate", "harogate"),
            ("pargeter", "okonkwo"),
        ] {
            let d = strsim::damerau_levenshtein(a, b);
            assert!(letters_apart(a, b) <= 2 * d, "{a} {b}");
        }
        assert_eq!(letters_apart("kowalczyk", "kowalczik"), 2);
        assert_eq!(letters_apart("pemberton", "pembertno"), 0);
    }

    /// Where the first character of `s` that `stop` holds for is: read a byte
    /// at a time where `s` is ASCII (`ascii` says for an ASCII character what
    /// `stop` does).
    fn find_char(
        s: &str,
        ascii: impl Fn(u8) -> bool,
        stop: impl Fn(char) -> bool,
    ) -> Option<usize> {
        let b = s.as_bytes();
        let mut i = 0;
        while i < b.len() {
            if b[i].is_ascii() {
                if ascii(b[i]) {
                    return Some(i);
                }
                i += 1;
                continue;
            }
            let c = s[i..].chars().next()?;
            if stop(c) {
                return Some(i);
            }
            i += c.len_utf8();
        }
        None
    }

    /// The first version, which reads every word: the oracle.
    fn capitalised_words_by_every_word(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
        let mut at = 0;
        std::iter::from_fn(move || {
            while at < text.len() {
                let skip = find_char(
                    &text[at..],
                    |b| b.is_ascii_alphabetic(),
                    char::is_alphabetic,
                )?;
                let start = at + skip;
                let word_len = find_char(
                    &text[start..],
                    // (No ASCII character is invisible.)
                    |b| !(b.is_ascii_alphabetic() || matches!(b, b'\'' | b'-')),
                    |c| {
                        !(c.is_alphabetic()
                            || c == '\u{2019}'
                            || crate::anonymise::fold::is_invisible(c))
                    },
                )
                .unwrap_or(text.len() - start);
                at = start + word_len.max(1);
                // (The word starts where the whole does, with a letter.)
                if !text[start..].starts_with(char::is_uppercase) {
                    continue;
                }
                let whole = &text[start..start + word_len];
                let word = without_possessive(whole);
                let before = text[..start].chars().next_back();
                let glued = before.is_some_and(char::is_alphanumeric);
                if !glued && word.chars().count() >= NEAR_MIN {
                    return Some(start..start + word.len());
                }
            }
            None
        })
    }

    #[test]
    fn capitalised_words_skip_to_capitals_as_every_word_read_would() {
        let mut texts = vec![
            "Mrs O'Neill-Smith, McDonald's d'Arcy and Kowalczyk; 3Rd Łucja\u{200B}Nowak, Zoë’s Ashworth-Hughes.".to_string(),
            "'Tis Pemberton-- Grainne\u{00AD}O'Sullivan — ÉLODIE  café Über".to_string(),
        ];
        // Every short string over an alphabet of the awkward characters.
        let alphabet = [
            'A', 'b', 'Ł', 'é', '\'', '-', '\u{2019}', '\u{200B}', ' ', '3', 'Z', 'x',
        ];
        let mut seed = 7_u64;
        for _ in 0..3000 {
            let len = (seed % 13) as usize;
            let mut t = String::new();
            for _ in 0..len * 3 {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                t.push(alphabet[(seed >> 33) as usize % alphabet.len()]);
            }
            texts.push(t);
        }
        for t in &texts {
            let new: Vec<_> = capitalised_words(t).collect();
            let old: Vec<_> = capitalised_words_by_every_word(t).collect();
            assert_eq!(new, old, "{t:?}");
        }
    }

    #[test]
    fn capitalised_words_are_found_whole() {
        let text = "Mr Kowalczik and Ms Chloë Harrowgate-Smith's dog";
        let words: Vec<&str> = capitalised_words(text).map(|r| &text[r]).collect();
        assert_eq!(words, ["Kowalczik", "Harrowgate-Smith"]);
    }
}
