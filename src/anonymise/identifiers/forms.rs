//! The other ways a text writes a listed name or address: hyphens and
//! apostrophes dropped or spaced, initials with or without dots, names run
//! together, street types abbreviated, the distinctive words of a term.

use crate::anonymise::fold::fold;
use crate::anonymise::name_tables::{anglicised_forms, is_table_name};
use crate::anonymise::street_kinds::STREET_KINDS;
use crate::anonymise::words::{is_english_word, is_word_name};
use crate::case::Title;

/// Words that qualify a place name rather than distinguish it:
/// "Upper Tillingham" is Tillingham.
const PLACE_QUALIFIERS: &[&str] = &[
    "upper", "lower", "great", "little", "north", "south", "east", "west", "old", "new", "nether",
    "high", "long", "church", "kings", "bishops", "market",
];

/// Particles that belong to the family name after them: "Rhodri ap Huw" is
/// Dr ap Huw, "Gráinne Ó Súilleabháin" Ms Ó Súilleabháin, "Sophie van der
/// Berg" Ms van der Berg. Compared folded (no case, no accents).
const PARTICLES: &[&str] = &[
    "ap", "ab", "ferch", "verch", "o", "ni", "nic", "mac", "mc", "ui", "de", "del", "della", "der",
    "den", "di", "da", "do", "dos", "das", "du", "la", "le", "van", "von", "bin", "binti", "bint",
    "ibn", "al", "el", "ter", "ten",
];

/// Whether a word is a particle of a family name.
pub(super) fn is_particle(word: &str) -> bool {
    PARTICLES.contains(&fold(word).as_str())
}

/// The family name of a name's words (titles removed) when the case does
/// not give one: the last word with the particles before it, as long as a
/// given name stays ("Rhodri ap Huw" → "ap Huw", "Seán Mac Cárthaigh" →
/// "Mac Cárthaigh", but "Van Morrison" → "Morrison").
pub(super) fn family_of(words: &[&str]) -> String {
    let Some(last) = words.len().checked_sub(1) else {
        return String::new();
    };
    let mut first = last;
    while first >= 2 && is_particle(words[first - 1]) {
        first -= 1;
    }
    words[first..].join(" ")
}

/// The short forms a text may clip a given name to that the pet-name
/// table does not know ("Oluwaseun" → "Seun", "Chukwuemeka" → "Emeka"):
/// its first or last four letters or more, with two or more left out.
/// Pieces that are words, months or weekdays, or names the table holds
/// ("Sandra" from Aleksandra), are left out; the rest are doubted where
/// they are found, never given the person's label: a short form may be
/// someone else's whole name.
pub(super) fn short_forms(given: &str) -> Vec<String> {
    let key = fold(given);
    let n = key.len();
    if n < 6 || !key.bytes().all(|b| b.is_ascii_lowercase()) || is_table_name(&key) {
        return Vec::new();
    }
    let mut out: Vec<String> = (4..=n - 2)
        .flat_map(|len| [&key[..len], &key[n - len..]])
        .filter(|piece| !is_english_word(piece) && !is_word_name(piece) && !is_table_name(piece))
        .map(str::to_string)
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The other spellings of an Irish, Scottish Gaelic or Welsh name or family
/// name: its anglicised forms ("Ó Súilleabháin" → "O'Sullivan",
/// "Sullivan"), and the particle run into the name ("Mac Cárthaigh" →
/// "McCárthaigh", "Ó Néill" → "O'Néill"). The feminine particles (Ní, Nic)
/// are read as Ó and Mac.
pub(super) fn anglicised(name: &str) -> Vec<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some((first, rest)) = words.split_first() else {
        return Vec::new();
    };
    let rest = rest.join(" ");
    let particle = fold(first);
    let mut keys = vec![fold(name)];
    let mut out = Vec::new();
    if !rest.is_empty() {
        match particle.as_str() {
            "o" | "ni" | "ui" => {
                keys.push(fold(&format!("ó {rest}")));
                out.push(format!("O'{rest}"));
            }
            "mac" | "mc" | "nic" => {
                keys.push(fold(&format!("mac {rest}")));
                out.extend([
                    format!("Mac{rest}"),
                    format!("Mc{rest}"),
                    format!("Mc {rest}"),
                ]);
            }
            _ => {}
        }
    }
    // The lenited forms after Ní ("Ní Shúilleabháin") drop their h.
    if particle == "ni" && rest.chars().nth(1).is_some_and(|c| c == 'h' || c == 'H') {
        let mut chars = rest.chars();
        let first_letter = chars.next().map(String::from).unwrap_or_default();
        chars.next();
        keys.push(fold(&format!("ó {first_letter}{}", chars.as_str())));
    }
    for key in keys {
        out.extend(anglicised_forms(&key).iter().cloned());
    }
    out.retain(|f| fold(f) != fold(name));
    out.sort();
    out.dedup();
    out
}

/// A name as written, and the other spellings of it a text may use:
/// hyphens as spaces, run together or spaced ("Tranter - Wilde"),
/// apostrophes dropped or spaced.
pub(super) fn spellings(name: &str) -> Vec<String> {
    let mut out = vec![name.to_string()];
    let hyphen: &[&str] = &[" ", "", " - "];
    let apostrophe: &[&str] = &["", " "];
    for (from, tos) in [("-", hyphen), ("'", apostrophe), ("\u{2019}", apostrophe)] {
        for existing in out.clone() {
            if existing.contains(from) {
                out.extend(tos.iter().map(|to| existing.replace(from, to)));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Whether every word of a name form is also an ordinary word, so that the
/// text must be read to tell ("Hope", "Rose Hill"). A form with an initial
/// in it ("J Little") is always a name.
pub(super) fn is_word_form(text: &str) -> bool {
    let words: Vec<&str> = text.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    !words.is_empty()
        && words
            .iter()
            .all(|w| w.trim_end_matches('.').chars().count() > 1 && is_word_name(w))
}

/// A person's initials: dotted ("L.P.", "L. P.") and plain ("LP", "L P"),
/// for every given name with the family name, and the first alone with it.
pub(super) fn initials(given: &[&str], family: &str) -> Vec<(String, bool)> {
    let first = |w: &str| w.chars().next().map(|c| c.to_string());
    let family_initials: Vec<String> = family
        .split(['-', ' '])
        .filter(|w| !is_particle(w))
        .filter_map(first)
        .collect();
    let Some(family_initial) = family_initials.first() else {
        return Vec::new();
    };
    let given_initials: Vec<String> = given.iter().filter_map(|g| first(g)).collect();
    let mut sets: Vec<Vec<String>> = Vec::new();
    if let Some(g1) = given_initials.first() {
        sets.push(vec![g1.clone(), family_initial.clone()]);
        if given_initials.len() > 1 {
            let mut all = given_initials.clone();
            all.push(family_initial.clone());
            sets.push(all);
        }
        if family_initials.len() > 1 {
            // "D.T.W." for Deborah Tranter-Wilde.
            let mut all = vec![g1.clone()];
            all.extend(family_initials.iter().cloned());
            sets.push(all);
        }
    }
    let mut out = Vec::new();
    for set in sets {
        out.push((format!("{}.", set.join(".")), true));
        out.push((format!("{}.", set.join(". ")), true));
        out.push((set.concat(), false));
        out.push((set.join(" "), false));
    }
    if let (Some(g1), true) = (given_initials.first(), family_initials.len() > 1) {
        // The family name's initials joined as it is: "D.T-W.".
        let joined = family_initials.join("-");
        let dotted = family_initials.join(".-");
        out.push((format!("{g1}.{joined}."), true));
        out.push((format!("{g1}. {joined}."), true));
        out.push((format!("{g1}.{dotted}."), true));
        out.push((format!("{g1}. {dotted}."), true));
    }
    out
}

/// A name's parts run together as in usernames and web addresses:
/// "debstranterwilde", "tranterwildedebs", "dtranterwilde". Only long ones:
/// a short run of letters is too likely inside another word.
pub(super) fn joined(firsts: &[&str], family: &str) -> Vec<String> {
    let letters =
        |s: &str| -> String { fold(s).chars().filter(char::is_ascii_alphabetic).collect() };
    let family = letters(family);
    if family.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for first in firsts {
        let first = letters(first);
        if first.is_empty() {
            continue;
        }
        out.push(format!("{first}{family}"));
        out.push(format!("{family}{first}"));
        out.push(format!("{}{family}", &first[..1]));
    }
    out.retain(|j| j.len() >= 8);
    out.sort();
    out.dedup();
    out
}

/// An address part with its street type written the other ways:
/// "12 Heron Crescent" is also "12 Heron Cres" and "12 Heron Cr."; a listed
/// "Kingfisher Ri" is also "Kingfisher Rise".
pub(super) fn street_variants(part: &str) -> Vec<String> {
    let words: Vec<&str> = part.split_whitespace().collect();
    let Some((last, head)) = words.split_last() else {
        return Vec::new();
    };
    if head.is_empty() {
        return Vec::new();
    }
    let bare = last.trim_end_matches('.').to_lowercase();
    let Some(forms) = STREET_KINDS
        .iter()
        .find(|forms| forms.contains(&bare.as_str()))
    else {
        return Vec::new();
    };
    forms
        .iter()
        .filter(|f| **f != bare)
        .map(|f| format!("{} {f}", head.join(" ")))
        .collect()
}

/// The words of a term to generalise that identify on their own: "Upper
/// Tillingham" is also "Tillingham"; "St Ives Lane Primary" is also "St
/// Ives". A distinctive run is made of capitalised words that are not
/// English words (with a "St" before them), at least four letters.
pub(super) fn distinctive_parts(term: &str) -> Vec<String> {
    let words: Vec<&str> = term.split_whitespace().collect();
    let distinctive = |w: &str| {
        let bare: String = w.chars().filter(|c| c.is_alphabetic()).collect();
        bare.chars().count() >= 4
            && w.starts_with(char::is_uppercase)
            && !is_english_word(&bare)
            && !PLACE_QUALIFIERS.contains(&bare.to_lowercase().as_str())
    };
    let saint = |w: &str| matches!(w, "St" | "St." | "Saint");
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !distinctive(words[i]) {
            i += 1;
            continue;
        }
        let start = if i > 0 && saint(words[i - 1]) {
            i - 1
        } else {
            i
        };
        let mut end = i + 1;
        while end < words.len() && distinctive(words[end]) {
            end += 1;
        }
        let run = words[start..end].join(" ");
        if fold(&run) != fold(term) {
            out.push(run);
        }
        i = end;
    }
    out
}

/// The words of a name without its titles: "Mrs Jane Smith" → Jane, Smith.
pub(super) fn untitled_words(name: &str) -> Vec<&str> {
    let is_title = |w: &str| {
        Title::ALL
            .iter()
            .any(|t| t.as_str() == w.trim_end_matches('.'))
    };
    name.split_whitespace().filter(|w| !is_title(w)).collect()
}

pub(super) fn strip_title(name: &str) -> &str {
    let trimmed = name.trim();
    for t in Title::ALL {
        for prefix in [format!("{} ", t.as_str()), format!("{}. ", t.as_str())] {
            if let Some(rest) = trimmed.strip_prefix(prefix.as_str()) {
                return rest.trim();
            }
        }
    }
    trimmed
}

pub(super) fn strip_brackets(part: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in part.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = (depth as i32 - 1).max(0) as usize,
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A single word with no digit ("Leeds"): a town, matched only as part of
/// the address around it. ("Room 6" beside a named care home does identify
/// its resident, so units are matched on their own.)
pub(super) fn is_bare_unit(part: &str) -> bool {
    part.split_whitespace().count() < 2 && !part.chars().any(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streets_abbreviate_both_ways() {
        let v = street_variants("12 Heron Crescent");
        assert!(v.contains(&"12 Heron cres".to_string()), "{v:?}");
        let v = street_variants("4 Kingfisher Ri.");
        assert!(v.contains(&"4 Kingfisher rise".to_string()), "{v:?}");
        assert!(street_variants("Hadley Green Farm").is_empty());
    }

    #[test]
    fn initials_with_and_without_dots() {
        let forms: Vec<String> = initials(&["Lorraine"], "Pemberton")
            .into_iter()
            .map(|(f, _)| f)
            .collect();
        for want in ["L.P.", "L. P.", "LP", "L P"] {
            assert!(forms.contains(&want.to_string()), "{want}: {forms:?}");
        }
        let forms: Vec<String> = initials(&["Deborah"], "Tranter-Wilde")
            .into_iter()
            .map(|(f, _)| f)
            .collect();
        for want in ["D.T.W.", "DTW", "D.T-W.", "D. T-W.", "D.T.-W."] {
            assert!(forms.contains(&want.to_string()), "{want}: {forms:?}");
        }
    }

    #[test]
    fn names_run_together() {
        let j = joined(&["Debs", "Deborah"], "Tranter-Wilde");
        assert!(j.contains(&"debstranterwilde".to_string()), "{j:?}");
        assert!(j.contains(&"dtranterwilde".to_string()), "{j:?}");
    }

    #[test]
    fn distinctive_parts_of_terms() {
        assert_eq!(distinctive_parts("Upper Tillingham"), ["Tillingham"]);
        assert_eq!(distinctive_parts("St Ives Lane Primary"), ["St Ives"]);
        assert!(distinctive_parts("the Rose Garden").is_empty());
    }

    #[test]
    fn particles_stay_with_the_family_name() {
        assert_eq!(family_of(&["Rhodri", "ap", "Huw"]), "ap Huw");
        assert_eq!(family_of(&["Sophie", "van", "der", "Berg"]), "van der Berg");
        assert_eq!(
            family_of(&["Gráinne", "Ó", "Súilleabháin"]),
            "Ó Súilleabháin"
        );
        assert_eq!(family_of(&["Van", "Morrison"]), "Morrison");
        assert_eq!(family_of(&["Jane", "Smith"]), "Smith");
    }

    #[test]
    fn irish_and_welsh_names_have_their_anglicised_spellings() {
        let forms = anglicised("Ó Súilleabháin");
        assert!(forms.contains(&"o'sullivan".to_string()), "{forms:?}");
        assert!(anglicised("Ní Shúilleabháin").contains(&"sullivan".to_string()));
        assert!(anglicised("ap Huw").contains(&"pugh".to_string()));
        assert!(
            anglicised("Gráinne").contains(&"grainne".to_string())
                || anglicised("Gráinne").contains(&"grania".to_string())
        );
        let mac = anglicised("Mac Cárthaigh");
        assert!(
            mac.contains(&"mccarthy".to_string()) && mac.contains(&"McCárthaigh".to_string()),
            "{mac:?}"
        );
        assert!(anglicised("Smith").is_empty());
    }

    #[test]
    fn word_forms() {
        assert!(is_word_form("Hope"));
        assert!(is_word_form("Rose Hill"));
        assert!(!is_word_form("J Little"));
        assert!(!is_word_form("Okonkwo"));
    }
}
