//! A quoted heading or label that holds only names and identifiers ('The
//! falls log, headed "BAKER, Rose – Room 6"') is described instead ('headed
//! with her name and address'); after a verb of saying ('The wristband
//! read "BAKER, Rose – MRN 4417 2290"') the verb is written anew with it
//! ('The wristband gave her name and record number').

use super::text::{any_before, join_and, words};
use super::{Category, Context, Edit, Rule};

/// The quoted spans of the text: (opening quote, closing quote), byte
/// offsets of the quote characters.
fn quotes(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    // Only quote marks and line ends matter: '"', a line end, and the
    // curly quotes (which start with the byte 0xE2).
    let bytes = text.as_bytes();
    let marks = memchr::memchr3_iter(b'"', b'\n', 0xE2, bytes)
        .filter_map(|i| text[i..].chars().next().map(|c| (i, c)));
    for (i, c) in marks {
        match (open, c) {
            (None, '"' | '\u{201C}') => open = Some((i, c)),
            (Some((start, '"')), '"') | (Some((start, '\u{201C}')), '\u{201D}') => {
                out.push((start, i));
                open = None;
            }
            (Some(_), '\n') => open = None,
            _ => {}
        }
    }
    out
}

/// What the heading calls each kind of identifier.
fn item(cx: &Context<'_>, category: Category) -> Option<String> {
    let key = match category {
        Category::Name | Category::AmbiguousName => "name",
        Category::Address => "address",
        Category::Postcode => "postcode",
        Category::DateOfBirth => "date_of_birth",
        Category::NhsNumber => "nhs_number",
        Category::NiNumber => "ni_number",
        Category::Phone => "phone",
        Category::Email => "email",
        Category::Vehicle => "vehicle",
        Category::BankDetails => "bank_details",
        Category::OnlineId => "online_id",
        Category::RecordNumber => "record_number",
        Category::DateOfDeath | Category::Generalised => return None,
    };
    cx.rules().heading.items.get(key).cloned()
}

/// Plans the description of every quoted heading of names and identifiers.
pub(super) fn headings(cx: &Context<'_>, edits: &mut Vec<Edit>) {
    let rules = &cx.rules().heading;
    for (open, close) in quotes(cx.text) {
        let inner = open + cx.text[open..].chars().next().map_or(1, char::len_utf8)..close;
        let hits = &cx.hits[cx.hits_in(&inner)];
        let blank = hits.iter().any(Context::is_blank);
        if !blank || hits.iter().any(|h| h.range.end > inner.end) {
            continue;
        }
        let Some((verb_at, verb)) = any_before(cx.text, open, &rules.verbs) else {
            continue;
        };
        // Only names, identifiers and a heading's small words inside.
        let mut rest = String::new();
        let mut at = inner.start;
        for h in hits {
            rest.push_str(&cx.text[at..h.range.start]);
            rest.push(' ');
            at = h.range.end;
        }
        rest.push_str(&cx.text[at..inner.end]);
        if !words(&rest).iter().all(|w| rules.words.contains(w)) {
            continue;
        }
        let mut items: Vec<String> = Vec::new();
        for h in hits {
            if let Some(i) = item(cx, h.category)
                && !items.contains(&i)
            {
                items.push(i);
            }
        }
        if items.is_empty() {
            continue;
        }
        let person = hits.iter().find_map(|h| h.person);
        let close_len = cx.text[close..].chars().next().map_or(1, char::len_utf8);
        // After a verb of saying the quote is its object: the verb is
        // written anew ('read "BAKER, Rose"' → "gave her name").
        let said = rules.said.iter().find(|s| s.verb == verb);
        let (start, write) = match said {
            Some(said) => (verb_at, said.write.as_str()),
            None => (open, rules.write.as_str()),
        };
        let mut text = write
            .replace("{their}", cx.their(person, close))
            .replace("{items}", &join_and(&items));
        if cx.text[start..].starts_with(|c: char| c.is_uppercase()) {
            text = super::text::capitalise(&text);
        }
        edits.push(Edit {
            range: start..close + close_len,
            text,
            rule: Rule::HeadingDescribed,
        });
    }
}
