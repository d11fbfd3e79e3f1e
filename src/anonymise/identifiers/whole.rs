//! A listed name that is only part of a longer name: "Tranter" in a
//! misspelt "Mrs D Tranter-Wylde", "Grainne" before a surname nobody listed
//! ("Grainne O'Sullivan"). Replacing the listed part alone leaves the rest
//! beside the label ("Mrs X-Wylde", "Ms W O'Sullivan"), and may give the
//! name to the wrong person (an Ann Tranter listed too). The whole name is
//! taken, and a person is asked to check it ([`Doubt::PartOfName`]).

use std::ops::Range;

use super::ranks::{OPENERS, is_rank, is_surname_word, rank_before};
use super::{Category, Doubt, Hit, Identifiers, Source};
use crate::anonymise::detect::follows_maiden_cue;
use crate::anonymise::fold::fold;
use crate::anonymise::reading::is_title;
use crate::anonymise::words::is_word_name;

impl Identifiers {
    /// The name hits of `hits` (in text order, not overlapping) that are
    /// part of a longer name, widened to the whole of it.
    pub(super) fn whole_names(
        &self,
        text: &str,
        hits: Vec<Hit>,
        protected: &[Range<usize>],
    ) -> Vec<Hit> {
        let mut out: Vec<Hit> = Vec::with_capacity(hits.len());
        let mut hits = hits.into_iter().peekable();
        while let Some(mut hit) = hits.next() {
            // "Robert (Bob) Price-Jenkins", "Mr Price-Jenkins ("Bobby")":
            // an aside that names the same person again is part of the one
            // name, printed once.
            let mut aside = false;
            while let Some(end) = hits
                .peek()
                .and_then(|next| same_person_aside(text, &hit, next))
            {
                hit.range.end = end;
                hits.next();
                aside = true;
            }
            // "Mr Price-Jenkins (Mr Y)": the label written after the name.
            if is_listed_name(&hit)
                && hit.person.is_some()
                && let Some(rest) = text[hit.range.end..].strip_prefix(" (")
                && let Some(after) = rest
                    .strip_prefix(hit.replacement.as_str())
                    .and_then(|r| r.strip_prefix(')'))
            {
                hit.range.end = text.len() - after.len();
                aside = true;
            }
            if aside
                && let Some(next) = hits.peek()
                && is_listed_name(next)
                && next.person == hit.person
                && text.get(hit.range.end..next.range.start) == Some(" ")
            {
                hit.range.end = next.range.end;
                hits.next();
            }
            // "Mai Nguyễn", "Mrs Thi Mai Nguyen", "Adeyemi-⏎Okafor": one
            // person's listed name parts side by side, in any order or
            // broken over a line, are one name, printed once.
            while let Some(next) = hits.next_if(|next| same_person_beside(text, &hit, next)) {
                hit.range.end = next.range.end;
                if next.doubt.is_none() {
                    hit.doubt = None;
                }
            }
            let next_start = hits.peek().map_or(text.len(), |h| h.range.start);
            let prev_end = out.last().map_or(0, |h| h.range.end);
            // "Nurse O'Driscoll": the rank goes with the name, so the label
            // is not printed after it ("Nurse Ms X").
            if is_listed_name(&hit)
                && hit.person.is_some()
                && let Some(start) = rank_before(text, prev_end, hit.range.start)
            {
                hit.range.start = start;
            }
            // "D Tranter-Wilde": the initial of a given name, undotted.
            if is_listed_name(&hit)
                && let Some(start) = self.initial_before(text, &hit, prev_end)
            {
                hit.range.start = start;
            }
            if is_listed_name(&hit) {
                if let Some(next) = hits.peek()
                    && self.middle_name_between(text, &hit, next)
                {
                    // "Mr Colin J Baker", "Colin James Baker": one name, with
                    // a middle name or initial nobody listed.
                    hit.range.end = next.range.end;
                    hit.category = Category::Name;
                    hits.next();
                } else if let Some(whole) = hyphenated(text, &hit.range, prev_end, next_start) {
                    let token = &text[whole.clone()];
                    if !self.is_listed_part(token) {
                        let candidates = self.near_candidates(token);
                        hit.range = hit.range.start.min(whole.start)..hit.range.end.max(whole.end);
                        hit.doubt = Some(match candidates {
                            Some(candidates) => Doubt::NearMiss { candidates },
                            None => Doubt::PartOfName {
                                candidates: self.owners_of(&hit),
                            },
                        });
                        hit.replacement = Category::Name.placeholder().to_string();
                        hit.category = Category::Name;
                        hit.person = None;
                    }
                } else if let Some(end) = generation_after(text, &hit, next_start) {
                    // "Mrs Price-Jenkins Snr": the suffix is part of her name.
                    hit.range.end = end;
                } else if let Some(rest) =
                    self.rest_of_name(text, &hit.range, next_start, protected)
                {
                    hit.range.end = rest.end;
                    hit.doubt = Some(Doubt::PartOfName {
                        candidates: self.owners_of(&hit),
                    });
                } else if let Some(start) = detected_name_before(text, out.last(), &hit) {
                    // "Her husband Neil Tranter-Wilde", with Neil found by a
                    // detector: one name nobody listed, taken whole.
                    out.pop();
                    hit.range.start = start;
                    hit.doubt = Some(Doubt::PartOfName {
                        candidates: self.owners_of(&hit),
                    });
                } else if let Some(start) = self.name_before(text, &hit, prev_end, protected) {
                    // "Liam O'Driscoll" with only Siobhán O'Driscoll listed:
                    // a relative nobody listed, not her.
                    hit.range.start = start;
                    hit.doubt = Some(Doubt::PartOfName {
                        candidates: self.owners_of(&hit),
                    });
                } else if let Some(end) = self.family_initial_after(text, &hit, next_start) {
                    // "Colin B. agreed": the initial goes with the name.
                    hit.range.end = end;
                } else if hit.doubt.is_none()
                    && hits.peek().is_some_and(|next| {
                        is_listed_name(next)
                            && next.person != hit.person
                            && text.get(hit.range.end..next.range.start) == Some(" ")
                    })
                {
                    // Two people's names side by side: "Grace Okonkwo" with a
                    // Grace and an Okonkwo listed apart.
                    hit.doubt = Some(Doubt::PartOfName {
                        candidates: self.owners_of(&hit),
                    });
                }
            }
            // "Mr and Ms Church" with a Liam and an Amber Church listed:
            // two people, each by their label ("Mr X and Ms Z").
            if is_listed_name(&hit)
                && let Some((start, other)) = self.couple_before(text, &hit, prev_end)
            {
                hit.range.start = start;
                hit.replacement = format!("{} and {}", self.labels[other], hit.replacement);
            }
            // "(née O'Neill)", "her maiden name was O'Neill": a listed
            // family name written as someone's maiden name is not that
            // person; it prints as a blank, which goes with its clause.
            if is_listed_name(&hit) && follows_maiden_cue(text, hit.range.start) {
                hit.replacement = Category::Name.placeholder().to_string();
            }
            out.push(hit);
        }
        out
    }

    /// Where "<title> and " starts before a titled name (`hit`, "Ms
    /// Church"), and who else that title and family name is: a listed
    /// person with that title and a name part of the hit's last word.
    fn couple_before(&self, text: &str, hit: &Hit, floor: usize) -> Option<(usize, usize)> {
        let p = hit.person?;
        let written = &text[hit.range.clone()];
        let first = written.split(' ').next()?;
        if !is_title(first.trim_end_matches('.')) || !written.contains(' ') {
            return None;
        }
        let head = text[floor..hit.range.start]
            .strip_suffix(" and ")
            .or_else(|| text[floor..hit.range.start].strip_suffix(" & "))?;
        let title = head.rsplit(char::is_whitespace).next()?;
        let bare = title.trim_end_matches('.');
        let family = last_word_folded(text, hit);
        let mut others = (0..self.labels.len()).filter(|&q| {
            q != p
                && self.titles[q].is_some_and(|t| t.as_str() == bare)
                && self.parts[q].contains(&family)
        });
        let other = others.next().filter(|_| others.next().is_none())?;
        Some((floor + head.len() - title.len(), other))
    }

    /// Where an undotted initial of the hit's person's given names starts,
    /// written right before the name ("D Tranter-Wilde"); never "A" or
    /// "I", which are words.
    fn initial_before(&self, text: &str, hit: &Hit, floor: usize) -> Option<usize> {
        let parts = self.parts.get(hit.person?)?;
        let before = text.get(floor..hit.range.start)?.strip_suffix(' ')?;
        let mut chars = before.chars().rev();
        let letter = chars.next().filter(char::is_ascii_uppercase)?;
        let alone = chars
            .next()
            .is_none_or(|c| !c.is_alphanumeric() && c != '.');
        let last = last_word_folded(text, hit);
        let lower = letter.to_ascii_lowercase();
        let theirs = parts.iter().any(|p| p.starts_with(lower) && *p != last);
        (alone && theirs && !matches!(letter, 'A' | 'I')).then(|| floor + before.len() - 1)
    }

    /// Whether a word (or hyphenated run of words) is a listed name part.
    fn is_listed_part(&self, token: &str) -> bool {
        self.all_parts.contains(&fold(token))
    }

    /// The labels of the people a hit could be.
    fn owners_of(&self, hit: &Hit) -> Vec<String> {
        match (&hit.doubt, hit.person) {
            (Some(Doubt::Shared { candidates }), _) => candidates.clone(),
            (_, Some(p)) => vec![self.labels[p].clone()],
            _ => Vec::new(),
        }
    }

    /// Whether one word stands between the hit and `next` (a middle initial
    /// or a capitalised word) and `next` is the hit's person's family name
    /// alone: "Colin J. Baker" with Colin Baker listed.
    fn middle_name_between(&self, text: &str, hit: &Hit, next: &Hit) -> bool {
        let (Some(p), true) = (hit.person, is_listed_name(next)) else {
            return false;
        };
        if next.person.is_some_and(|q| q != p) {
            return false;
        }
        let Some(parts) = self.parts.get(p) else {
            return false;
        };
        let Some(middle) = text
            .get(hit.range.end..next.range.start)
            .and_then(|g| g.strip_prefix(' '))
            .and_then(|g| g.strip_suffix(' '))
        else {
            return false;
        };
        let word = middle.strip_suffix('.').unwrap_or(middle);
        let shaped = word.starts_with(|c: char| c.is_uppercase())
            && word.chars().all(char::is_alphabetic)
            && (word.chars().count() == 1 || middle.len() == word.len());
        let family = fold(&text[next.range.clone()]);
        let given = last_word_folded(text, hit);
        shaped && family != given && parts.contains(&family) && parts.contains(&given)
    }

    /// The end of an initial of the hit's person written right after their
    /// name ("Colin B. agreed", "Rose B said", "Pemberton, L."): a capital standing alone
    /// that begins one of their name parts. Its full stop goes with it
    /// mid-sentence, and stays where it may end the sentence.
    fn family_initial_after(&self, text: &str, hit: &Hit, next_start: usize) -> Option<usize> {
        let parts = self.parts.get(hit.person?)?;
        // "Pemberton, L.", as a list or a register writes a name: after a
        // one-word name, a comma too.
        let one_word = !text[hit.range.clone()].contains(char::is_whitespace);
        let after = text[hit.range.end..].strip_prefix(' ').or_else(|| {
            text[hit.range.end..]
                .strip_prefix(", ")
                .filter(|_| one_word)
        })?;
        // The initial of another of their names than the one written last,
        // and of the parts of a hyphenated one after it ("Deborah T-W",
        // "Deborah T.W.", "Deborah TW").
        let last = last_word_folded(text, hit);
        let theirs = |letter: char| {
            let lower = letter.to_ascii_lowercase();
            parts.iter().any(|p| p.starts_with(lower) && *p != last)
        };
        let mut chars = after.chars();
        let letter = chars
            .next()
            .filter(|c| c.is_ascii_uppercase() && theirs(*c))?;
        let mut rest = chars.as_str();
        let mut letters = 1;
        while letters < 3 {
            let spaced = rest.strip_prefix(". ");
            let joined = spaced
                .or_else(|| rest.strip_prefix(".-"))
                .or_else(|| rest.strip_prefix(['-', '.']))
                .unwrap_or(rest);
            let mut next = joined.chars();
            // "T. A" may be an initial and a word.
            let word = |c: &char| spaced.is_some() && matches!(c, 'I' | 'A');
            if next
                .next()
                .is_none_or(|c| !c.is_ascii_uppercase() || !theirs(c) || word(&c))
            {
                break;
            }
            if next.as_str().starts_with(char::is_alphanumeric) {
                break;
            }
            rest = next.as_str();
            letters += 1;
        }
        let dotted = rest.starts_with('.');
        // Alone: a word's end follows, not a letter or a symbol ("P&O").
        let alone = rest.chars().next().is_none_or(|c| {
            c.is_whitespace()
                || matches!(
                    c,
                    '.' | ',' | ';' | ':' | ')' | '!' | '?' | '\'' | '\u{2019}'
                )
        });
        // "I" or "A" after a name is a word ("told Colin I would") unless
        // dotted.
        if !alone || (letters == 1 && matches!(letter, 'I' | 'A') && !dotted) {
            return None;
        }
        let mut end = text.len() - rest.len();
        if dotted && super::widen::stop_goes_with_initial(&rest[1..]) {
            end += 1;
        }
        (end <= next_start).then_some(end)
    }

    /// Where a given name nobody listed starts, written right before a
    /// one-word listed name ("Liam O'Driscoll"): a capitalised word that is
    /// no listed name part, no title or rank and not a body's name, and no
    /// word unless one in mid-sentence that a surname could follow ("Dawn
    /// O'Driscoll", but not "Yesterday O'Driscoll said").
    fn name_before(
        &self,
        text: &str,
        hit: &Hit,
        floor: usize,
        protected: &[Range<usize>],
    ) -> Option<usize> {
        if text[hit.range.clone()].contains(' ') {
            return None;
        }
        let before = text[floor..hit.range.start].strip_suffix(' ')?;
        let word = before
            .rsplit(|c: char| !(c.is_alphabetic() || matches!(c, '\'' | '\u{2019}' | '-')))
            .next()?;
        let start = floor + before.len() - word.len();
        let bare: String = word.chars().filter(|c| c.is_alphabetic()).collect();
        let shaped = word.starts_with(char::is_uppercase)
            && bare.chars().count() >= 2
            && bare.chars().any(char::is_lowercase)
            && !word.ends_with(['-', '\'', '\u{2019}']);
        let rank = is_rank(&bare);
        let protected_here = protected
            .iter()
            .any(|p| p.start < hit.range.start && start < p.end);
        // A word is a given name in mid-sentence, unless it is one that
        // opens sentences or greets ("Hi Shan" in a quoted email); at a
        // sentence's start it is the word ("By June", "Yesterday
        // O'Driscoll said").
        let lower = bare.to_lowercase();
        let opener = OPENERS.contains(&lower.as_str()) || lower.ends_with("ly");
        let word_ok = !is_word_name(&bare)
            || (is_surname_word(&bare)
                && !opener
                && !crate::anonymise::reading::starts_sentence(text, start));
        (shaped && word_ok && !rank && !protected_here && !self.is_listed_part(word))
            .then_some(start)
    }

    /// The capitalised word right after a one-word name that is no listed
    /// name part, no title and not a body's name, and no word unless one
    /// that is a surname too: the rest of a name nobody listed ("Grainne
    /// O'Sullivan", "Robert Baker").
    fn rest_of_name(
        &self,
        text: &str,
        range: &Range<usize>,
        next_start: usize,
        protected: &[Range<usize>],
    ) -> Option<Range<usize>> {
        let written = &text[range.clone()];
        let name = written.rsplit(' ').next().unwrap_or(written);
        let before_name = written[..written.len() - name.len()].trim_end();
        // A name of one word, perhaps after a title or an initial.
        let titled_or_alone = before_name.is_empty()
            || before_name
                .split(' ')
                .all(|w| w.trim_end_matches('.').chars().count() <= 4);
        if !titled_or_alone || !name.starts_with(char::is_uppercase) {
            return None;
        }
        let after = text[range.end..].strip_prefix(' ')?;
        let start = range.end + 1;
        let len = after
            .find(|c: char| !(c.is_alphabetic() || matches!(c, '\'' | '\u{2019}' | '-')))
            .unwrap_or(after.len());
        let word = after[..len].trim_end_matches(['\'', '\u{2019}', '-']);
        let word = word
            .strip_suffix("'s")
            .or_else(|| word.strip_suffix("\u{2019}s"))
            .unwrap_or(word);
        let end = start + word.len();
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        let capitalised = word.starts_with(char::is_uppercase);
        let all_caps = word.chars().all(|c| !c.is_lowercase());
        let bare: String = word.chars().filter(|c| c.is_alphabetic()).collect();
        let protected_here = protected.iter().any(|p| p.start < end && start < p.end);
        let honorific = is_rank(&bare);
        // A longer proper noun goes on after it ("Mark Lansdowne Road").
        let more = text[end..]
            .strip_prefix(' ')
            .is_some_and(|rest| rest.starts_with(char::is_uppercase));
        let rest = capitalised
            && letters >= 2
            && !all_caps
            && end <= next_start
            && (!is_word_name(&bare) || is_surname_word(&bare))
            && !self.is_listed_part(word)
            && !honorific
            && !protected_here
            && !more;
        rest.then_some(start..end)
    }
}

/// Where a name a detector found starts, when it is written right before
/// a listed one-word name (a given name nobody listed before a listed
/// family name).
fn detected_name_before(text: &str, prev: Option<&Hit>, hit: &Hit) -> Option<usize> {
    let prev = prev?;
    let detected = matches!(prev.source, Source::Heuristic | Source::Validated)
        && prev.category == Category::Name
        && prev.person.is_none();
    let beside = text.get(prev.range.end..hit.range.start) == Some(" ");
    let one_word = !text[hit.range.clone()].contains(char::is_whitespace);
    (detected && beside && one_word).then_some(prev.range.start)
}

/// The end of an aside right after the name `hit` that holds only `next`,
/// another form of the same person's name: in a bracket, perhaps quoted or
/// after "known as" ("Robert (Bob)", "Mr Price-Jenkins ("Bobby")",
/// "Margaret (known as Peggy)"), or in quotation marks ('Margaret "Peggy"
/// O'Neill').
fn same_person_aside(text: &str, hit: &Hit, next: &Hit) -> Option<usize> {
    const OPENING_QUOTES: [char; 4] = ['"', '\'', '\u{201C}', '\u{2018}'];
    const CLOSING_QUOTES: [char; 4] = ['"', '\'', '\u{201D}', '\u{2019}'];
    let same = is_listed_name(hit) && is_listed_name(next) && hit.person.is_some();
    if !same || next.person != hit.person {
        return None;
    }
    let between = text.get(hit.range.end..next.range.start)?;
    let (bracket, opening) = match between.strip_prefix(" (") {
        Some(opening) => (true, opening),
        None => (false, between.strip_prefix(' ')?),
    };
    let opening = ["known as ", "also known as ", "aka ", "a.k.a. "]
        .into_iter()
        .find_map(|cue| opening.strip_prefix(cue))
        .filter(|_| bracket)
        .unwrap_or(opening);
    let quoted = opening.starts_with(OPENING_QUOTES);
    if !opening.trim_start_matches(OPENING_QUOTES).is_empty() || !(bracket || quoted) {
        return None;
    }
    let rest = text[next.range.end..].trim_start_matches(CLOSING_QUOTES);
    if quoted && rest.len() == text.len() - next.range.end {
        return None;
    }
    let after = if bracket {
        rest.strip_prefix(')')?
    } else {
        rest
    };
    Some(text.len() - after.len())
}

/// The end of a generational suffix written after a person's name ("Snr",
/// "Jr.", "Senior"), which goes with it.
fn generation_after(text: &str, hit: &Hit, ceiling: usize) -> Option<usize> {
    hit.person?;
    let after = text[hit.range.end..ceiling].strip_prefix(' ')?;
    let word_len = after
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(after.len());
    let word = &after[..word_len];
    let suffix = ["Snr", "Sr", "Jnr", "Jr", "Senior", "Junior"].contains(&word);
    let dot = usize::from(suffix && word.len() <= 3 && after[word_len..].starts_with('.'));
    let end = hit.range.end + 1 + word_len;
    // A full stop that may end the sentence stays ("… Jr. She said").
    let ends_sentence = text[end + dot..]
        .trim_start()
        .starts_with(char::is_uppercase);
    suffix.then_some(end + if ends_sentence { 0 } else { dot })
}

/// Whether `next` is more of the same person's name right after `hit`:
/// nothing between them but a space or a line break ("Mai Nguyen"), or a
/// hyphen at the end of a line ("Adeyemi-⏎Okafor").
fn same_person_beside(text: &str, hit: &Hit, next: &Hit) -> bool {
    let same = is_listed_name(hit) && is_listed_name(next) && hit.person.is_some();
    let Some(gap) = text.get(hit.range.end..next.range.start) else {
        return false;
    };
    let joined = match gap.strip_prefix('-') {
        Some(rest) => matches!(rest, "" | "\n" | "\r\n"),
        None => {
            !gap.is_empty()
                && gap.len() <= 3
                && gap.matches('\n').count() <= 1
                && gap.chars().all(char::is_whitespace)
        }
    };
    same && next.person == hit.person && joined
}

/// The last word of a hit as written ("colin" in "Mr Colin"), folded.
fn last_word_folded(text: &str, hit: &Hit) -> String {
    let written = &text[hit.range.clone()];
    fold(written.rsplit(' ').next().unwrap_or(written))
}

/// A listed person's name, replaced (not a family's "the family", not a
/// detector's find).
fn is_listed_name(hit: &Hit) -> bool {
    hit.source == Source::Listed
        && matches!(hit.category, Category::Name | Category::AmbiguousName)
        && !hit.replacement.starts_with("the family")
}

/// The whole hyphenated token a name (the last word of `range`) is glued
/// into ("Tranter" in "Tranter-Wylde", "Jones-Tranter"), when the other
/// part is capitalised; `None` when the name stands alone. It stays within
/// `floor..ceiling` (the hits around it).
fn hyphenated(
    text: &str,
    range: &Range<usize>,
    floor: usize,
    ceiling: usize,
) -> Option<Range<usize>> {
    let name_char = |c: char| c.is_alphabetic() || matches!(c, '\'' | '\u{2019}');
    let hyphen = |c: char| matches!(c, '-' | '\u{2010}' | '\u{2011}');
    let mut end = range.end;
    let after = &text[end..];
    let mut chars = after.chars();
    if chars.next().is_some_and(hyphen) && chars.next().is_some_and(char::is_uppercase) {
        end += after
            .find(|c: char| !(name_char(c) || hyphen(c)))
            .unwrap_or(after.len());
        end -= text[..end].len() - text[..end].trim_end_matches(hyphen).len();
    }
    let mut start = range.start;
    let before = &text[..start];
    let mut rchars = before.chars().rev();
    if rchars.next().is_some_and(hyphen) && rchars.next().is_some_and(char::is_alphabetic) {
        let head = before.trim_end_matches(|c: char| name_char(c) || hyphen(c));
        if text[head.len()..].starts_with(char::is_uppercase) {
            start = head.len();
        }
    }
    let widened = start < range.start || end > range.end;
    if end > range.end {
        let written = &text[range.clone()];
        start = range.start + written.rfind(' ').map_or(0, |i| i + 1);
    }
    (widened && start >= floor && end <= ceiling).then_some(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyphenated_tokens_are_found_whole() {
        let text = "a letter to Mrs D Tranter-Wylde, and Jones-Tranter.";
        let at = text.find("Mrs D Tranter").unwrap();
        let r = hyphenated(text, &(at..at + 13), 0, text.len()).unwrap();
        assert_eq!(&text[r], "Tranter-Wylde");
        let at = text.rfind("Tranter").unwrap();
        let r = hyphenated(text, &(at..at + 7), 0, text.len()).unwrap();
        assert_eq!(&text[r], "Jones-Tranter");
        assert!(hyphenated("Little-known facts", &(0..6), 0, 18).is_none());
        assert!(hyphenated("Mrs Tranter said", &(0..11), 0, 16).is_none());
    }
}
