//! A hit widened to the words that belong with it, so that nothing is
//! left dangling beside its replacement: a bare possessive apostrophe
//! ("Mr Y'"), an email's angle brackets ("<[email address]>"), a phone's
//! extension ("ext 204"), a house number set apart from its street or the
//! word before it ("No."), a flat's number before it ("Flat 2, "), a link's
//! scheme ("tel:", "mailto:"); and two listed people's names joined by a
//! hyphen, one name that is neither's ([`joined_names`]).

use super::{Category, Doubt, Hit, Source};
use crate::anonymise::number_words::cardinal;

/// Widens each of `hits` (in text order, not overlapping) to what belongs
/// with it, by its category; a hit whose widening would reach into its
/// neighbour keeps its own range, so the hits still never overlap.
pub(super) fn with_what_belongs(text: &str, hits: &mut [Hit]) {
    let own: Vec<std::ops::Range<usize>> = hits.iter().map(|h| h.range.clone()).collect();
    for hit in hits.iter_mut() {
        with_house_number_word(text, hit);
        with_bare_apostrophe(text, hit);
        with_angle_brackets(text, hit);
        with_extension(text, hit);
        with_scheme(text, hit);
        with_initials_stop(text, hit);
    }
    for i in 0..hits.len() {
        let into_before = i > 0 && hits[i].range.start < hits[i - 1].range.end;
        let into_after = hits
            .get(i + 1)
            .is_some_and(|next| hits[i].range.end > own[i + 1].start.min(next.range.start));
        if into_before || into_after {
            hits[i].range = own[i].clone();
        }
    }
}

/// Two listed people's names joined by a hyphen ("The Pargeter-Little
/// household"): one name that is neither person's (a household's, or a
/// third person's double-barrelled name), held as a shared name rather
/// than printed as "Mrs X-C".
pub(super) fn joined_names(text: &str, hits: Vec<Hit>, labels: &[String]) -> Vec<Hit> {
    let mut out: Vec<Hit> = Vec::with_capacity(hits.len());
    for hit in hits {
        if let Some(last) = out.last_mut()
            && let (Some(p), Some(q)) = (last.person, hit.person)
            && p != q
            && last.category == Category::Name
            && hit.category == Category::Name
            && matches!(
                &text[last.range.end..hit.range.start],
                "-" | "\u{2010}" | "\u{2011}"
            )
        {
            let mut candidates = vec![labels[p].clone(), labels[q].clone()];
            candidates.sort();
            *last = Hit::new(
                Source::Listed,
                last.range.start..hit.range.end,
                Category::AmbiguousName,
                None,
                Category::Name.placeholder(),
            )
            .doubted(Some(Doubt::Shared { candidates }));
            continue;
        }
        out.push(hit);
    }
    out
}

/// A phone number's extension written after it ("01632 960451 ext 204",
/// "x204", "extension 204") goes with it, or it would be left behind
/// once the number goes ("rang the Council ext 204").
fn with_extension(text: &str, hit: &mut Hit) {
    if hit.category != Category::Phone {
        return;
    }
    let after = &text[hit.range.end..];
    let rest = after.trim_start_matches([' ', ',', '(']);
    let lower = rest
        .get(..10.min(rest.len()))
        .unwrap_or("")
        .to_ascii_lowercase();
    let word = ["extension", "ext.", "ext", "x"]
        .into_iter()
        .find(|w| lower.starts_with(w));
    let Some(word) = word else {
        return;
    };
    let digits_at = rest[word.len()..].trim_start_matches([' ', '.', ':']);
    let digits = digits_at.len()
        - digits_at
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .len();
    let alone = digits_at[digits..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric());
    if (1..=5).contains(&digits) && alone && (word != "x" || rest.len() - digits_at.len() == 1) {
        let mut end = text.len() - digits_at.len() + digits;
        if after.trim_start().starts_with('(') && text[end..].starts_with(')') {
            end += 1;
        }
        hit.range.end = end;
    }
}

/// A name that ends in an initial ("Pemberton, L", "Tranter-Wilde, D"),
/// or an address in an abbreviation ("17 Sorrel St"), takes the full stop
/// where the sentence goes on after it ("Pemberton, L.; Reyes, T.; and
/// …", "17 Sorrel St., HX3 8RL"), never leaving "the social worker.;".
fn with_initials_stop(text: &str, hit: &mut Hit) {
    let written = &text[hit.range.clone()];
    let mut letters = written.chars().rev();
    let initial = match hit.category {
        Category::Name => {
            letters.next().is_some_and(|c| c.is_uppercase())
                && letters.next().is_some_and(|c| matches!(c, ' ' | '.' | '-'))
        }
        // "17 Sorrel St., HX3 8RL": a street's abbreviation.
        Category::Address => written.ends_with(char::is_alphabetic),
        _ => false,
    };
    if let Some(after) = text[hit.range.end..].strip_prefix('.')
        && initial
        && stop_goes_with_initial(after)
    {
        hit.range.end += 1;
    }
}

/// Whether the full stop after an initial goes with it: the sentence goes
/// on after it (a lower-case word or a number, or a comma, a semicolon, a
/// colon or a closing bracket), so the stop cannot end it.
pub(super) fn stop_goes_with_initial(after: &str) -> bool {
    let next = after.strip_prefix(' ').and_then(|r| r.chars().next());
    next.is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
        || after.starts_with([',', ';', ':', ')'])
}

/// A phone number or email address written as a link ("tel:+44 7700
/// 900461", "mailto:jo@example.org") takes its scheme, which would be left
/// behind once the detail goes ("Contact: tel: or mailto:").
fn with_scheme(text: &str, hit: &mut Hit) {
    let schemes: &[&str] = match hit.category {
        Category::Phone => &["tel:", "callto:", "sms:"],
        Category::Email => &["mailto:"],
        _ => return,
    };
    let before = &text[..hit.range.start];
    let written = |scheme: &&&str| {
        before
            .get(before.len().saturating_sub(scheme.len())..)
            .is_some_and(|tail| tail.eq_ignore_ascii_case(scheme))
    };
    let Some(len) = schemes.iter().find(written).map(|s| s.len()) else {
        return;
    };
    let start = hit.range.start - len;
    let whole_word = text[..start]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric());
    if whole_word {
        hit.range.start = start;
    }
}

/// A listed name that ends in "s" with a bare apostrophe after it ("Mr
/// Price-Jenkins' house") is a possessive: the label takes "'s" ("Mr Y's
/// house"), and with "the" before it the family's ("the Price-Jenkins'
/// house" → "the family's house"), never "Mr Y'".
fn with_bare_apostrophe(text: &str, hit: &mut Hit) {
    // A surname several listed people share is still a family's after
    // "the" ("the Hughes' bungalow").
    let name = hit.category == Category::Name && hit.person.is_some();
    let shared = hit.category == Category::AmbiguousName && hit.source == Source::Listed;
    if !name && !shared {
        return;
    }
    let written = &text[hit.range.clone()];
    let after = &text[hit.range.end..];
    let Some(apostrophe) = ['\'', '\u{2019}']
        .into_iter()
        .find(|a| after.starts_with(*a))
    else {
        return;
    };
    let bare = !after[apostrophe.len_utf8()..].starts_with(char::is_alphanumeric);
    // "the 'Price-Jenkins' file": a quotation's closing mark.
    let quoted = text[..hit.range.start].ends_with(['\'', '\u{2018}']);
    if !bare || quoted || !written.ends_with(['s', 'S']) {
        return;
    }
    let end = hit.range.end + apostrophe.len_utf8();
    let the = text[..hit.range.start]
        .len()
        .checked_sub(4)
        .filter(|&at| text[at..hit.range.start].eq_ignore_ascii_case("the "));
    match the {
        Some(at) => {
            hit.range = at..end;
            hit.replacement = "the family's".to_string();
            if shared {
                hit.category = Category::Name;
                hit.doubt = None;
            }
        }
        None if shared => {}
        None => {
            hit.range.end = end;
            hit.replacement = format!("{}{apostrophe}s", hit.replacement);
        }
    }
}

/// An email address in angle brackets, as a mail header writes it ("sent
/// from <jo@example.org>"), takes its brackets: the words before it then
/// read it as a contact detail, and no "<>" is left behind.
fn with_angle_brackets(text: &str, hit: &mut Hit) {
    if hit.category == Category::Email
        && text[..hit.range.start].ends_with('<')
        && text[hit.range.end..].starts_with('>')
    {
        hit.range = hit.range.start - 1..hit.range.end + 1;
    }
}

/// Where a house number written apart from its street starts ("14,
/// Larkspur Terrace", "14a Larkspur Terrace" with the street listed): one
/// to three digits and perhaps a letter, alone before the street with a
/// comma or a space (a year, "In 2024, Larkspur Terrace", is no number).
fn house_number_before(text: &str, at: usize) -> Option<usize> {
    let head = text[..at].strip_suffix(' ')?;
    let head = head.strip_suffix(',').unwrap_or(head);
    let letter = usize::from(head.ends_with(|c: char| c.is_ascii_alphabetic()));
    let digits = head[..head.len() - letter].len()
        - head[..head.len() - letter]
            .trim_end_matches(|c: char| c.is_ascii_digit())
            .len();
    let start = head.len() - letter - digits;
    let alone = text[..start]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric());
    ((1..=3).contains(&digits) && alone).then_some(start)
}

/// Where a house number written in words starts before its street at `at`
/// ("at twelve Heron Crescent", "number twenty two, Mill Lane"): one or two
/// words that are a number, after a word that leads to an address ("at",
/// "number") or at the text's start.
fn house_number_in_words_before(text: &str, at: usize) -> Option<usize> {
    const LEADS: [&str; 8] = ["at", "number", "no", "no.", "to", "from", "of", "on"];
    let head = text[..at].strip_suffix(' ')?;
    let head = head.strip_suffix(',').unwrap_or(head);
    let word_start = |end: usize| head[..end].rfind(' ').map_or(0, |i| i + 1);
    let last = word_start(head.len());
    let second = last.checked_sub(1).map(word_start);
    let start = second
        .filter(|&s| cardinal(&head[s..]).is_some())
        .or_else(|| cardinal(&head[last..]).map(|_| last))?;
    let before = text[..start].trim_end();
    let led = before.is_empty()
        || LEADS.iter().any(|w| {
            let Some(cut) = before.len().checked_sub(w.len()) else {
                return false;
            };
            before
                .get(cut..)
                .is_some_and(|tail| tail.eq_ignore_ascii_case(w))
                && before[..cut]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric())
        });
    led.then_some(start)
}

/// Where a flat's or a room's word starts before its number at `at`
/// ("Flat 2, 17 Sorrel Street", "Room 6 Cedar Court").
fn unit_before(text: &str, at: usize) -> Option<usize> {
    const UNITS: [&str; 6] = ["flat ", "apartment ", "apt ", "room ", "unit ", "suite "];
    let head = &text[..at];
    UNITS.iter().find_map(|unit| {
        let start = head.len().checked_sub(unit.len())?;
        let word = head.get(start..)?;
        let alone = head[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        (word.eq_ignore_ascii_case(unit) && alone).then_some(start)
    })
}

/// An address that starts with its house number, in figures or in words
/// ("at twelve Heron Crescent"), takes the word before the number ("No. 7
/// Tanners Close", "number 7 …"), which would be left dangling ("lives at
/// No.").
fn with_house_number_word(text: &str, hit: &mut Hit) {
    if hit.category != Category::Address {
        return;
    }
    // A number before an address that has its own ("Flat 2, 17 Sorrel
    // Street") is the flat's, which goes with its word.
    let numbered = text[hit.range.clone()].starts_with(|c: char| c.is_ascii_digit());
    let mut in_words = false;
    if let Some(start) = house_number_before(text, hit.range.start) {
        match unit_before(text, start) {
            Some(unit) => hit.range.start = unit,
            None if !numbered => hit.range.start = start,
            None => {}
        }
    } else if let Some(start) = house_number_in_words_before(text, hit.range.start)
        && !numbered
    {
        hit.range.start = start;
        in_words = true;
    }
    if !(in_words || text[hit.range.clone()].starts_with(|c: char| c.is_ascii_digit())) {
        return;
    }
    let before = &text[..hit.range.start];
    let word = ["No. ", "No.", "No ", "no. ", "Number ", "number "]
        .into_iter()
        .find(|w| before.ends_with(w));
    let start = word.map_or(hit.range.start, |w| hit.range.start - w.len());
    let whole_word = text[..start]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric());
    if word.is_some() && whole_word {
        hit.range.start = start;
    }
}
