//! The voice of a document. A case file's prose is written for the decision
//! statement, in the investigator's "I" ("I spoke to her", "I have not
//! upheld this part"); reports, notices and special reports are the
//! Ombudsmen's and speak as "we" throughout (the LGSCO's Decision
//! Statements Manual, 7.2, and its published reports). [`plural`]
//! turns the investigator's first person singular into the plural, leaving
//! quotations, roman numerals ("Part I") and every other word alone.

/// Words before which a capital "I" is a roman numeral, not a pronoun.
const NUMBERED: [&str; 12] = [
    "Part", "Schedule", "Chapter", "Annex", "Appendix", "Article", "Section", "Volume", "Stage",
    "Phase", "Tier", "Type",
];

/// "I" → "we" with the verb that follows made plural ("I am" → "we are",
/// "I was" → "we were"), "me" → "us", "my" → "our", "mine" → "ours",
/// "myself" → "ourselves"; a sentence that starts with one starts with a
/// capital. Text inside double quotation marks is someone else's words and
/// is kept as written.
pub fn plural(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut quoted = false;
    let mut rest = text;
    while !rest.is_empty() {
        let c = rest.chars().next().expect("not empty");
        if matches!(c, '"' | '\u{201C}' | '\u{201D}') {
            quoted = match c {
                '\u{201C}' => true,
                '\u{201D}' => false,
                _ => !quoted,
            };
            out.push(c);
            rest = &rest[c.len_utf8()..];
            continue;
        }
        if !c.is_alphabetic() {
            out.push(c);
            rest = &rest[c.len_utf8()..];
            continue;
        }
        let end = rest
            .char_indices()
            .find(|&(_, ch)| !(ch.is_alphanumeric() || ch == '\'' || ch == '\u{2019}'))
            .map_or(rest.len(), |(i, _)| i);
        let word = &rest[..end];
        rest = &rest[end..];
        if quoted {
            out.push_str(word);
            continue;
        }
        match replacement(word, &out, rest) {
            Some((new, skip)) => {
                out.push_str(&new);
                rest = &rest[skip..];
            }
            None => out.push_str(word),
        }
    }
    out
}

/// The plural for `word`, and how many bytes of `rest` it also replaces
/// (the verb after "I").
fn replacement(word: &str, before: &str, rest: &str) -> Option<(String, usize)> {
    let start = sentence_start(before);
    let cap = |s: &str| -> String {
        if start {
            super::english::capitalise(s)
        } else {
            s.to_string()
        }
    };
    let (plain, apostrophe) = match word.find(['\'', '\u{2019}']) {
        Some(i) => (&word[..i], &word[i..]),
        None => (word, ""),
    };
    match plain {
        "I" if numbered(before) => None,
        "I" => {
            let contraction = apostrophe
                .chars()
                .next()
                .map(|c| &apostrophe[c.len_utf8()..]);
            let tail = match contraction {
                None => "",
                Some("m") => "'re",
                Some("ve") => "'ve",
                Some("d") => "'d",
                Some("ll") => "'ll",
                Some(_) => return None,
            };
            if !tail.is_empty() {
                return Some((cap(&format!("we{tail}")), 0));
            }
            // The verb after "I", made plural.
            let verb = rest.strip_prefix(' ').and_then(|r| {
                let end = r.find(|ch: char| !ch.is_alphabetic()).unwrap_or(r.len());
                let v = &r[..end];
                let plural = match v {
                    "am" => "are",
                    "was" => "were",
                    "wasn" if r[end..].starts_with("'t") => "weren",
                    _ => return None,
                };
                Some((plural, 1 + end))
            });
            match verb {
                Some((v, skip)) => Some((format!("{} {v}", cap("we")), skip)),
                None => Some((cap("we"), 0)),
            }
        }
        _ if !apostrophe.is_empty() => None,
        "me" => Some(("us".into(), 0)),
        "my" => Some(("our".into(), 0)),
        "mine" => Some(("ours".into(), 0)),
        "myself" => Some(("ourselves".into(), 0)),
        // Capitalised, only where a sentence starts: "Mine Street" stays.
        "Me" if start => Some(("Us".into(), 0)),
        "My" if start => Some(("Our".into(), 0)),
        "Myself" if start => Some(("Ourselves".into(), 0)),
        _ => None,
    }
}

/// Whether the text so far ends a sentence (or is empty).
fn sentence_start(before: &str) -> bool {
    let t = before.trim_end();
    t.is_empty() || t.ends_with(['.', '!', '?', ':']) && before.ends_with(' ')
}

/// Whether "I" here follows a word that numbers it ("Part I").
fn numbered(before: &str) -> bool {
    let Some(prev) = before.strip_suffix(' ') else {
        return false;
    };
    let word = prev
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    NUMBERED.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::plural;

    #[test]
    fn the_investigator_becomes_we() {
        assert_eq!(
            plural("I considered her complaint. I spoke to her, and she told me about my draft."),
            "We considered her complaint. We spoke to her, and she told us about our draft."
        );
        assert_eq!(
            plural("There was no fault, and I have not upheld it."),
            "There was no fault, and we have not upheld it."
        );
        assert_eq!(
            plural("I am satisfied. I was told. I'm sure I've seen it."),
            "We are satisfied. We were told. We're sure we've seen it."
        );
    }

    #[test]
    fn quotations_numerals_and_other_words_are_kept() {
        let text = "She wrote \"I was frightened and my son was ill\". Part I of the Act applies. Imagine the Mental Health Act.";
        assert_eq!(plural(text), text);
        assert_eq!(
            plural("He said \u{201C}I am\u{201D} and I agree."),
            "He said \u{201C}I am\u{201D} and we agree."
        );
        assert_eq!(
            plural("Mark's mum and Mine Street"),
            "Mark's mum and Mine Street"
        );
    }
}
