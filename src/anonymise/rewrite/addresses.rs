//! An address in its clause: after a preposition ("lives at 17 Sorrel
//! Street" → "lives at home"), with a possessive ("Flat 9's windows" →
//! "her home's windows"), before a noun it describes ("the Sorrel Street
//! flat" → "her flat"), or as a verb's object ("visited 17 Sorrel Street"
//! → "visited her home").

use super::text::{DETERMINERS, phrase_before, verb_words_before, with_closing_comma, words};
use super::{Category, Context, Edit, Rule, Run};

/// Words that make an address a building or street, not a place.
const BUILDING_WORDS: [&str; 44] = [
    "flat",
    "room",
    "house",
    "cottage",
    "farm",
    "lodge",
    "hall",
    "court",
    "manor",
    "barn",
    "mill",
    "villa",
    "bungalow",
    "apartment",
    "apartments",
    "mansions",
    "block",
    "street",
    "st",
    "road",
    "rd",
    "lane",
    "avenue",
    "close",
    "crescent",
    "drive",
    "rise",
    "gardens",
    "square",
    "terrace",
    "place",
    "grove",
    "parade",
    "walk",
    "mews",
    "way",
    "row",
    "hill",
    "park",
    "bank",
    "view",
    "unit",
    "suite",
    "floor",
];

/// "Flat 9's windows were broken" → "Her home's windows were broken".
pub(super) fn address_possessive(cx: &Context<'_>, run: &Run) -> Option<Edit> {
    let written = cx.rules().address.possessive.as_ref()?;
    let after = &cx.text[run.range.end..];
    let apostrophe = ["'s", "\u{2019}s"]
        .into_iter()
        .find(|a| after.starts_with(a))?;
    let word_ends = after[apostrophe.len()..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric());
    word_ends.then(|| Edit {
        range: run.range.start..run.range.end + apostrophe.len(),
        text: written.replace("{their}", cx.their(run.person(cx), run.range.end)),
        rule: Rule::AddressAsHome,
    })
}

/// "The occupational therapist visited 17 Sorrel Street twice" → "…
/// visited her home twice": an address as the object of a verb of the
/// rules' list.
pub(super) fn address_as_object(cx: &Context<'_>, run: &Run) -> Option<Edit> {
    let rules = &cx.rules().address;
    let written = rules.object.as_ref()?;
    let verb = cx.text[..run.range.start]
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()?;
    if !rules.object_verbs.contains(&verb.to_lowercase()) {
        return None;
    }
    Some(Edit {
        range: run.range.start..with_closing_comma(cx.text, run.range.clone()),
        text: written.replace("{their}", cx.their(run.person(cx), run.range.end)),
        rule: Rule::AddressAsHome,
    })
}

/// Verbs that say only where something is, with the address after them.
const COPULAS: [&str; 8] = [
    "is", "was", "are", "were", "be", "been", "remains", "remained",
];

/// An address after "at", "in", "to", "of" …
pub(super) fn address(cx: &Context<'_>, run: &Run) -> Option<Edit> {
    let rules = cx.rules();
    let after = rules
        .address
        .after
        .iter()
        .find_map(|a| phrase_before(cx.text, run.range.start, &a.word).map(|s| (s, a)));
    let (start, a) = after?;
    let end = super::towns_after(cx.text, run.range.end);
    let end = with_closing_comma(cx.text, run.range.start..end);
    if cx
        .hits
        .iter()
        .any(|h| h.range.start >= run.range.end && h.range.start < end)
    {
        return None;
    }
    let before_words = verb_words_before(cx.text, start, 8);
    // A verb of living makes the address a home ("lived alone at 17 Sorrel
    // Street", "lives with her son at …"), not a thing's place after it
    // ("lives next door to the school on …", "returned to her flat on …").
    let home = before_words
        .iter()
        .position(|w| rules.address.home_verbs.contains(w))
        .is_some_and(|verb| {
            !(0..verb).any(|k| {
                DETERMINERS.contains(&before_words[k].as_str())
                    && before_words.get(k + 1).is_none_or(|w| w != "with")
            })
        });
    let written = &cx.text[run.range.clone()];
    let area = !written.chars().any(|c| c.is_ascii_digit())
        && !words(written)
            .iter()
            .any(|w| BUILDING_WORDS.contains(&w.as_str()));
    // "Mrs Y of 17 Sorrel Street died": the address says who she is,
    // which her label does now.
    let name_ends = cx.hits[..run.hits.start]
        .iter()
        .rev()
        .find(|h| h.category == Category::Name)
        .map(|h| h.range.end);
    let after_name = a.word == "of"
        && name_ends.is_some_and(|end| end <= start && cx.text[end..start].trim().is_empty());
    let (template, rule) = if after_name {
        (&String::new(), Rule::AddressDropped)
    } else if home {
        (&a.home, Rule::AddressAsHome)
    } else if area {
        (&a.area, Rule::AddressAsArea)
    } else {
        (&a.other, Rule::AddressDropped)
    };
    let text = template.replace("{their}", cx.their(run.person(cx), run.range.end));
    // "Her GP practice is at 3 Market Place.": without the address the
    // verb says nothing ("Her GP practice is."); the placeholder stays
    // and the copy is held.
    let after_copula = before_words
        .first()
        .is_some_and(|w| COPULAS.contains(&w.as_str()));
    if text.is_empty() && after_copula {
        return None;
    }
    let start = if text.is_empty() {
        start - (cx.text[..start].len() - cx.text[..start].trim_end().len())
    } else {
        start
    };
    let rule = if text.is_empty() {
        Rule::AddressDropped
    } else {
        rule
    };
    Some(Edit {
        range: start..end,
        text,
        rule,
    })
}

/// "The Sorrel Street flat was damp" → "Her flat was damp": an address
/// between "the" and a noun of the rules' list, which it describes.
pub(super) fn address_before_noun(cx: &Context<'_>, run: &Run) -> Option<Edit> {
    let rules = &cx.rules().address;
    let written = rules.before_noun.as_ref()?;
    let the = phrase_before(cx.text, run.range.start, "the")?;
    let noun = cx.text[run.range.end..]
        .strip_prefix(' ')?
        .split(|c: char| !c.is_alphabetic())
        .next()?
        .to_lowercase();
    if !written.nouns.contains(&noun) {
        return None;
    }
    Some(Edit {
        range: the..run.range.end,
        text: written
            .write
            .replace("{their}", cx.their(run.person(cx), run.range.end)),
        rule: Rule::AddressAsHome,
    })
}

#[cfg(test)]
mod tests {
    use crate::anonymise::rewrite::tests::check;

    #[test]
    fn an_address_near_or_describing_a_home_reads_as_one() {
        check(&[
            // A house number in words goes with its street.
            (
                "Mrs O'Neill lived alone at seventeen Sorrel Street.",
                "Mrs Y lived alone at home.",
            ),
            // Near or off it: the area.
            (
                "Mrs O'Neill lived off Sorrel Street.",
                "Mrs Y lived in the area.",
            ),
            (
                "The fire was near 17 Sorrel Street.",
                "The fire was nearby.",
            ),
            // Describing a noun: hers.
            ("The Sorrel Street house was cold.", "Her house was cold."),
            (
                "The Sorrel Street road was closed.",
                "The [address] road was closed.",
            ),
        ]);
    }
}
