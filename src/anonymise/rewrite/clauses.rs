//! The clause around a run of identifiers: a sentence, an aside or a
//! labelled line of its own, a description after it, a contact detail, an
//! address (`addresses`), a date of birth (`births`).

use std::ops::Range;

use super::addresses::{address, address_as_object, address_before_noun, address_possessive};
use super::births::birth;
use super::named::named_before;
use super::relations::{after_relation, before_relation, bracket_after};
use super::text::{
    DETERMINERS, any_before, going_whole, sentence_around, with_closing_comma, words_of,
};
use super::where_from::{police_officer, where_from};
use super::{Category, Context, Edit, Rule, Run};
use crate::anonymise::detect::is_relation;

/// The rewrite of one run, if a rule fits.
pub(super) fn rewrite(cx: &Context<'_>, run: &Run) -> Option<Edit> {
    let cats: Vec<Category> = run.categories(cx).collect();
    if let Some(e) = labelled_line(cx, run) {
        return Some(e);
    }
    // "who was born on 2 March 1936" is an age, even in an aside.
    if cats.iter().all(|c| *c == Category::DateOfBirth)
        && let Some(e) = birth(cx, run)
    {
        return Some(e);
    }
    if let Some(e) = sentence(cx, run).or_else(|| aside(cx, run)) {
        return Some(e);
    }
    let place_or_contact = cats.iter().all(|c| {
        matches!(
            c,
            Category::Address
                | Category::Postcode
                | Category::Phone
                | Category::Email
                | Category::OnlineId
        )
    });
    if place_or_contact && let Some(e) = before_description(cx, run) {
        return Some(e);
    }
    let contact = cats
        .iter()
        .all(|c| matches!(c, Category::Phone | Category::Email | Category::OnlineId));
    if contact && let Some(e) = after_display_name(cx, run) {
        return Some(e);
    }
    if contact && let Some(e) = contact_detail(cx, run) {
        return Some(e);
    }
    if cats.iter().all(|c| *c == Category::DateOfBirth)
        && let Some(e) = birth(cx, run)
    {
        return Some(e);
    }
    if cats
        .iter()
        .all(|c| matches!(c, Category::Address | Category::Postcode))
        && let Some(e) = address_possessive(cx, run)
            .or_else(|| address_before_noun(cx, run))
            .or_else(|| address(cx, run))
            .or_else(|| address_as_object(cx, run))
    {
        return Some(e);
    }
    named_before(cx, run)
        .or_else(|| after_relation(cx, run))
        .or_else(|| before_relation(cx, run))
        .or_else(|| bracket_after(cx, run))
        .or_else(|| where_from(cx, run))
        .or_else(|| police_officer(cx, run))
}

/// Whether the words of `text` outside the hits in `range` are all of the
/// rules' sentence words (names and labels are hits too); the run itself
/// is identifiers whole, a town between its parts among them.
fn only_identifier_words(cx: &Context<'_>, range: &Range<usize>, run: &Run) -> bool {
    let allowed = &cx.rules().sentence.words;
    // Whose the identifier is counts as no more ("Her daughter's date of
    // birth is …", "His son's mobile:"), but a name beside a relation is
    // the relation's to stand for ("Her husband Frank Baker was her
    // carer").
    let names = cx.hits[cx.hits_in(range)]
        .iter()
        .any(|h| h.category == Category::Name);
    let fits =
        |text: &str| words_of(text).all(|w| allowed.contains(&w) || (!names && is_relation(&w)));
    // The text between the hits, piece by piece (no word spans a hit),
    // stopping at the first word that is not allowed.
    let mut at = range.start;
    let mut previous: Option<Category> = None;
    for h in &cx.hits[cx.hits_in(range)] {
        if h.range.end <= at {
            continue;
        }
        let gap = &cx.text[at..h.range.start.max(at)];
        // "44 Elm Road, Halden HX1 2AB": the town between an address and
        // its postcode is the address's.
        let town = previous == Some(Category::Address)
            && h.category == Category::Postcode
            && super::is_town(gap.trim_matches([',', ' ']));
        if !town && !fits(gap) {
            return false;
        }
        previous = Some(h.category);
        let in_run = run.range.start <= h.range.start && h.range.end <= run.range.end;
        let end = if in_run { run.range.end } else { h.range.end };
        at = end.min(range.end).max(at);
    }
    fits(&cx.text[at..range.end])
}

/// "Her NHS number is 999 954 2557.": a sentence of an identifier alone;
/// "Mob: 07700 900461" on a line (or a list item) of its own goes with
/// the line.
fn sentence(cx: &Context<'_>, run: &Run) -> Option<Edit> {
    let s = sentence_around(cx.text, &run.range);
    let range = going_whole(cx.text, &s)?;
    // An age the sentence also says is its own rule's to write ("Mrs Z,
    // née [name], is 81." → "Mrs Z is in her eighties."), so the sentence
    // is more than identifiers.
    let age_elsewhere = cx.hits[cx.hits_in(&s)].iter().any(|h| {
        h.category == Category::DateOfBirth
            && !(run.range.start <= h.range.start && h.range.end <= run.range.end)
    });
    if age_elsewhere || !only_identifier_words(cx, &s, run) {
        return None;
    }
    Some(Edit {
        range,
        text: String::new(),
        rule: Rule::IdentifierSentence,
    })
}

/// How many words a labelled line may say after its details and still go
/// with them.
const LABELLED_LINE_WORDS: usize = 6;

/// "Contact: 07700 900461 for urgent matters.", "DOB: 02/03/1936 (aged
/// 87)": a sentence that starts with a label of details, a colon and the
/// details goes whole.
fn labelled_line(cx: &Context<'_>, run: &Run) -> Option<Edit> {
    // The longest label and its colon are a few words before the details.
    let near = super::text::floor(cx.text, run.range.start.saturating_sub(40));
    if !cx.text[near..run.range.start].contains(':') {
        return None;
    }
    let s = sentence_around(cx.text, &run.range);
    let sentence = &cx.text[s.clone()];
    let lead = sentence.len() - sentence.trim_start_matches(['-', ' ']).len();
    let (label, _) = sentence[lead..].split_once(':')?;
    // The details first after the label ("Contact: Mrs Y rang on …" is a
    // sentence of its own).
    let value_at = s.start + lead + label.len() + 1;
    let first = value_at <= run.range.start && cx.text[value_at..run.range.start].trim().is_empty();
    // A few words of its own at most after the details ("for urgent
    // matters", "(aged 87)"): more are a sentence to keep.
    let said_after = words_of(&cx.text[run.range.end.min(s.end)..s.end]).count();
    if !first
        || said_after > LABELLED_LINE_WORDS
        || !cx
            .rules()
            .sentence
            .detail_labels
            .contains(&label.trim().to_lowercase())
    {
        return None;
    }
    Some(Edit {
        range: going_whole(cx.text, &s)?,
        text: String::new(),
        rule: Rule::IdentifierSentence,
    })
}

/// ", date of birth 02/03/2019," "(DOB 22/10/2009)", ", which gives his NHS
/// number as 999 065 4913,", ", 07700 900999.": an aside of an identifier
/// alone goes with its commas or brackets.
/// The marks that close a quotation, and the spaces before them.
const QUOTE_CLOSERS: [char; 5] = ['"', '\u{201d}', '\'', '\u{2019}', ' '];

fn aside(cx: &Context<'_>, run: &Run) -> Option<Edit> {
    let s = sentence_around(cx.text, &run.range);
    let head = &cx.text[s.start..run.range.start];
    let open = head
        .rfind([',', '(', '\u{2014}', '\u{2013}'])
        .map(|i| s.start + i)?;
    let opener = cx.text[open..].chars().next()?;
    let tail = &cx.text[run.range.end..s.end.max(run.range.end)];
    let close_at = tail
        .find([',', ')', ';', '.', '\u{2014}', '\u{2013}'])
        .map(|i| run.range.end + i);
    let close = close_at.unwrap_or(s.end);
    let closer = cx.text[close..].chars().next();
    let inner = open + opener.len_utf8()..close;
    // A dash opens an aside only as a spaced pair ("Mrs X — 07700 900461 —
    // rang"), not inside a number or a range of dates.
    let spaced = |at: usize, c: char| {
        cx.text[..at].ends_with(' ') && cx.text[at + c.len_utf8()..].starts_with(' ')
    };
    if is_dash(opener) && !spaced(open, opener) {
        return None;
    }
    if !only_identifier_words(cx, &inner, run) || starts_a_predicate(cx, &inner) {
        return None;
    }
    let range = match (opener, closer) {
        // "Y (DOB 22/10/2009), NHS": the brackets and the space before.
        ('(', Some(')')) => {
            let start = open - (cx.text[..open].len() - cx.text[..open].trim_end().len());
            start..close + 1
        }
        // "her son, date of birth 02/03/2019, as": one comma stays as a space;
        // after a name in apposition ("His grandson, Rory, date of birth …,
        // attends") the name's closing comma stays.
        (',', Some(',')) if after_apposition(cx, s.start, open) => open + 1..close + 1,
        // "The resident, Mr Albert Finch, 84, fell": another aside after
        // it keeps the comma that opens it ("The resident, 84, fell").
        (',', Some(',')) if another_aside_after(cx.text, close) => open..close,
        (',', Some(',')) => open..close + 1,
        // ", 07700 900999." at the end of a sentence or clause; a
        // quotation's closing mark stays ("wrote: \"Thanks, Karen\"." →
        // "wrote: \"Thanks\".").
        (',', Some('.' | ';' | ')' | '\n') | None) => {
            let inside = cx.text[run.range.end..close].trim_end_matches(QUOTE_CLOSERS);
            open..run.range.end + inside.len()
        }
        // "Mrs X — 07700 900461 — rang": the dashes and the space before;
        // "rang — 07700 900461." at the sentence's end.
        (d, Some(c)) if is_dash(d) && c == d && spaced(close, c) => open - 1..close + c.len_utf8(),
        (d, Some('.' | ';') | None) if is_dash(d) => open - 1..close,
        _ => return None,
    };
    // "her son, date of birth 02/03/2019, as a member": "her son as a member".
    Some(Edit {
        range,
        text: String::new(),
        rule: Rule::IdentifierAside,
    })
}

/// Whether another aside follows the comma at `close`: a few words up to
/// the next comma that start with a number, an age or a determiner (", 84,
/// fell", ", aged 84, fell", ", a retired teacher, fell"), not a predicate
/// (", said she was ill, and").
fn another_aside_after(text: &str, close: usize) -> bool {
    let rest = &text[close + 1..];
    let Some(end) = rest.find([',', '.', ';', '(', ')', '\n']) else {
        return false;
    };
    let words: Vec<&str> = rest[..end].split_whitespace().collect();
    let opens_one = words.first().is_some_and(|w| {
        w.starts_with(|c: char| c.is_ascii_digit())
            || matches!(
                w.to_lowercase().as_str(),
                "aged" | "age" | "now" | "a" | "an" | "the" | "his" | "her" | "their"
            )
    });
    rest[end..].starts_with(',') && words.len() <= 5 && opens_one
}

/// An em or en dash, which sets off an aside when spaced.
fn is_dash(c: char) -> bool {
    matches!(c, '\u{2014}' | '\u{2013}')
}

/// Whether `range` starts with a verb of the sentence's own ("…, gives his
/// date of birth as …"): then it is no aside.
fn starts_a_predicate(cx: &Context<'_>, range: &Range<usize>) -> bool {
    words_of(&cx.text[range.clone()])
        .next()
        .is_some_and(|first| cx.rules().sentence.predicates.contains(&first))
}

/// Whether the text before a comma at `open` is a name in apposition
/// (", Rory" right after an earlier comma of the sentence).
fn after_apposition(cx: &Context<'_>, sentence_start: usize, open: usize) -> bool {
    let Some(hit) = cx.hits.iter().find(|h| h.range.end == open) else {
        return false;
    };
    cx.text[sentence_start..hit.range.start].ends_with(", ")
}

/// Words after which a comma starts a new clause, not a description: its
/// conjunctions and prepositions, and the verbs that follow a subject
/// ("Her emails to …, were unanswered").
const NOT_DESCRIPTIONS: [&str; 49] = [
    "and", "but", "or", "nor", "which", "who", "whom", "whose", "where", "when", "so", "then",
    "although", "because", "while", "as", "after", "before", "until", "since", "with", "on", "in",
    "at", "for", "to", "from", "if", "is", "was", "are", "were", "be", "been", "has", "had",
    "have", "will", "would", "can", "could", "should", "shall", "may", "might", "must", "do",
    "does", "did",
];

/// "from (0113) 496 0412, her mother's landline, to report" → "from her
/// mother's landline, to report"; "to Flat 2, Beacon House, supported
/// accommodation" → "to supported accommodation"; "at Wren Cottage, a
/// village of 140 people" → "in a village of 140 people".
fn before_description(cx: &Context<'_>, run: &Run) -> Option<Edit> {
    let after = cx.text[run.range.end..].strip_prefix(", ")?;
    let next = after.split(|c: char| !c.is_alphabetic()).next()?;
    let lower = next.to_lowercase();
    let prepositions = all_prepositions(cx);
    let (prep_start, prep) = any_before(cx.text, run.range.start, &prepositions)?;
    // A description starts with a determiner ("a village", "her mother's
    // landline"), or after "to" with a noun ("to supported accommodation").
    let determiner = DETERMINERS.contains(&lower.as_str());
    let noun_after_to = matches!(prep, "to" | "into")
        && next.starts_with(char::is_lowercase)
        && !NOT_DESCRIPTIONS.contains(&lower.as_str());
    if next.is_empty() || !(determiner || noun_after_to) {
        return None;
    }
    let end = run.range.end + 2;
    // After "at", a place ("a village") takes "in".
    let head = after
        .split_whitespace()
        .find(|w| !matches!(*w, "a" | "an" | "the" | "small" | "large" | "remote"))
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase())
        .unwrap_or_default();
    let word = if prep == "at" && cx.rules().address.places_in.contains(&head) {
        "in"
    } else {
        &cx.text[prep_start..prep_start + prep.len()]
    };
    Some(Edit {
        range: prep_start..end,
        text: format!("{word} "),
        rule: Rule::IdentifierBeforeDescription,
    })
}

/// The words before a contact detail or an address that can go with it.
fn all_prepositions(cx: &Context<'_>) -> Vec<String> {
    let rules = cx.rules();
    let mut all: Vec<String> = rules.contact.prepositions.clone();
    all.extend(rules.address.after.iter().map(|a| a.word.clone()));
    all.sort_by_key(|w| std::cmp::Reverse(w.len()));
    all.dedup();
    all
}

/// A phone number, email address or username.
fn contact_detail(cx: &Context<'_>, run: &Run) -> Option<Edit> {
    let rules = cx.rules();
    // "spoke to her on 07700 900461 on 3 May" → "spoke to her on 3 May".
    if let Some((start, _)) = any_before(cx.text, run.range.start, &rules.contact.prepositions) {
        let start = start - (cx.text[..start].len() - cx.text[..start].trim_end().len());
        return Some(Edit {
            range: start..with_closing_comma(cx.text, run.range.clone()),
            text: String::new(),
            rule: Rule::ContactAfterPreposition,
        });
    }
    // "emailed bev@example.org asking why" → "emailed the nurse asking why".
    let (verb, _) = any_before(cx.text, run.range.start, &rules.contact.verbs)?;
    // "Ms Holloway's email bev@example.org was copied": the word is a
    // noun that names the detail, which goes.
    if names_a_detail(&cx.text[..verb]) {
        let start = cx.text[..run.range.start].trim_end().len();
        return Some(Edit {
            range: start..run.range.end,
            text: String::new(),
            rule: Rule::IdentifierNamed,
        });
    }
    let p = run.person(cx)?;
    Some(Edit {
        range: run.range.clone(),
        text: cx.ids.label(p).to_string(),
        rule: Rule::ContactAsPerson,
    })
}

/// "from Deborah Tranter-Wilde <d.tw@example.net>", "to \"Peggy O'Neill\"
/// <p.o@example.com>": an address in angle brackets after the name a mail
/// header shows goes; the name (the label) says who.
fn after_display_name(cx: &Context<'_>, run: &Run) -> Option<Edit> {
    let written = &cx.text[run.range.clone()];
    if !(written.starts_with('<') && written.ends_with('>')) {
        return None;
    }
    let head = cx.text[..run.range.start].trim_end();
    let name_end = head
        .trim_end_matches(['"', '\'', '\u{201D}', '\u{2019}'])
        .len();
    let named = cx.hits[..run.hits.start]
        .last()
        .is_some_and(|h| h.category == Category::Name && h.range.end == name_end);
    named.then(|| Edit {
        range: head.len()..run.range.end,
        text: String::new(),
        rule: Rule::IdentifierAside,
    })
}

/// Whether the text before a contact verb makes it a noun: a possessive
/// or a determiner ("her email", "Ms Holloway's phone", "the contact").
fn names_a_detail(before: &str) -> bool {
    let word = before
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("");
    let possessive = word.ends_with("'s") || word.ends_with("\u{2019}s") || word.ends_with("s'");
    possessive || DETERMINERS.iter().any(|d| word.eq_ignore_ascii_case(d))
}
