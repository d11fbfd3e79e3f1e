//! Where someone lives, said without a house number: a street or a
//! building after a verb of living ("she lives on Kestrel Way", "moved
//! into Kestrel House", "lives in a flat on Mill Lane") or after a home of
//! someone's ("her flat on Mill Lane"), and whatever follows "her address is" ("Her address is Rose
//! Cottage, Mill Lane."). A street with a house number is the street
//! address detector's (`streets`); a street where something happened
//! ("the road on Kestrel Way was repaired") is no one's address and stays,
//! as does a street after "the" ("she lives on the High Street") and a
//! name that goes on past its street or building word ("moved into
//! Bramble House Care Home").

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::streets::street_name_pattern;
use super::{Confidence, Detection};
use crate::anonymise::hit::Category;

/// A verb of living or a home of someone's, its preposition, and a street
/// or building's name (captured).
static LIVES_ON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b)(?i:(?:lives?|lived|living|resides?|resided|residing|moved|moves|moving|stays|stayed|staying)\s+(?:on|in|at|to|into)(?:\s+(?:a|an|the)\s+(?:[a-z]+\s+)?(?:home|house|flat|bungalow|maisonette|cottage|property)\s+(?:on|in|at))?|(?:her|his|their|my|your)\s+(?:home|house|flat|bungalow|maisonette|cottage|property|tenancy)\s+(?:on|in|at))\s+({})(?-u:\b)",
        street_name_pattern()
    ))
    .expect("valid regex")
});

/// Someone's address and the words that say what follows is it: "her
/// address is", "his home address was recorded as", "their new address:".
static ADDRESS_IS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:her|his|their|my|your)\s+(?:(?:home|new|old|previous|former|current|forwarding|postal|correspondence|last|usual)\s+)?address(?:\s*:|\s+(?:is|was|as|given|recorded|shown|listed|being|now|then))+\s+")
        .expect("valid regex")
});

/// Where someone lives, in `text`.
pub(super) fn residences(text: &str, out: &mut Vec<Detection>) {
    let mut push = |range: Range<usize>| {
        out.push(Detection {
            range,
            category: Category::Address,
            confidence: Confidence::Heuristic,
            redact: true,
        });
    };
    for c in LIVES_ON.captures_iter(text) {
        let street = c.get(1).expect("the street");
        // "moved into Bramble House Care Home": the name goes on, a care
        // home's or a business's, not a street's.
        let name_goes_on = text[street.end()..]
            .strip_prefix(' ')
            .is_some_and(|rest| rest.starts_with(char::is_uppercase));
        if !name_goes_on {
            push(street.start()..with_town(text, street.end()));
        }
    }
    for m in ADDRESS_IS.find_iter(text) {
        if let Some(end) = address_value(text, m.end()) {
            push(m.end()..end);
        }
    }
}

/// Where the town after a street ends (", Kingsley." ends its clause),
/// or `end` where there is none.
fn with_town(text: &str, end: usize) -> usize {
    let Some(rest) = text[end..].strip_prefix(", ") else {
        return end;
    };
    let town: usize = rest
        .split_inclusive(' ')
        .take(2)
        .take_while(|w| w.starts_with(char::is_uppercase))
        .map(str::len)
        .sum();
    let town = rest[..town].trim_end_matches(' ');
    let town = town.trim_end_matches(|c: char| !c.is_alphanumeric());
    let after = &rest[town.len()..];
    let ends_clause = after.is_empty() || after.starts_with(['.', ';', ':', '!', '?', ')']);
    if town.is_empty() || !ends_clause {
        return end;
    }
    end + 2 + town.len()
}

/// Where an address written after "her address is" ends: its words that
/// start with a capital or a digit, joined by spaces and commas, at least
/// two of them ("Kingsley" alone is a town). `None` where it is none.
fn address_value(text: &str, at: usize) -> Option<usize> {
    let mut end = at;
    let mut words = 0;
    let mut i = at;
    loop {
        let rest = &text[i..];
        let len = rest
            .find(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')'))
            .unwrap_or(rest.len());
        let word = rest[..len].trim_end_matches(['.', '!', '?', ':']);
        let starts = word.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
        if word.is_empty() || !starts {
            break;
        }
        words += 1;
        end = i + word.len();
        if word.len() < len {
            break; // a full stop ends the sentence
        }
        let gap = text[end..]
            .find(|c: char| !(c == ',' || c == ' '))
            .unwrap_or(text.len() - end);
        if gap == 0 || gap > 2 {
            break;
        }
        i = end + gap;
    }
    (words >= 2).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anonymise::detect::found_by;

    fn found(text: &str) -> Vec<&str> {
        found_by(residences, text)
    }

    #[test]
    fn a_street_or_building_someone_lives_in() {
        for (text, want) in [
            ("She lives on Kestrel Way.", "Kestrel Way"),
            (
                "She lives in Kestrel Way, Kingsley.",
                "Kestrel Way, Kingsley",
            ),
            ("She moved to Kestrel Way in 2019.", "Kestrel Way"),
            ("He moved into Kestrel House last May.", "Kestrel House"),
            ("Her flat on Kestrel Way was damp.", "Kestrel Way"),
            ("She lives in a small flat on Kestrel Way.", "Kestrel Way"),
            (
                "Their home in St John's Road, Halden, was",
                "St John's Road",
            ),
            (
                "Her address is Rose Cottage, Mill Lane.",
                "Rose Cottage, Mill Lane",
            ),
            (
                "His home address was recorded as The Old Rectory, Kingsley Vale.",
                "The Old Rectory, Kingsley Vale",
            ),
            (
                "Her new address: Flat 3 Kestrel House",
                "Flat 3 Kestrel House",
            ),
        ] {
            assert_eq!(found(text), [want], "{text}");
        }
    }

    #[test]
    fn a_street_where_something_happened_stays() {
        for text in [
            "The council repaired the road on Kestrel Way.",
            "She lives on the High Street.",
            "She lives in Kingsley.",
            "Her address is in the file.",
            "Her address was Kingsley.",
            "The Council's address is Town Hall, Kingsley.",
            "She lives alone.",
            "He moved into Bramble House Care Home in May.",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
