//! Names nobody listed that a letter's or an email's greeting or sign-off
//! gives, as complaints quote them: "Dear Peggy,", "Hi Jo,", "Hello
//! Tabitha," at the start of a line or a sentence, and "Thanks, Karen",
//! "Kind regards, Karen Okafor" at the end of one. One or two capitalised
//! words there are a name where the first is a given name or no word
//! ("Dear Sir", "Dear Council", "Hi all" are not).

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

use super::Detection;
use super::names::{heuristic, name_after};
use crate::anonymise::name_tables::is_given_name;
use crate::anonymise::words::is_word_name;

/// The words that open a greeting, then a space.
const GREETINGS: [&str; 6] = ["Dear ", "Hi ", "Hello ", "Hey ", "Morning ", "Afternoon "];

/// The words that close a letter or an email, then a comma and a space or a
/// line break.
const SIGN_OFFS: [&str; 11] = [
    "Thanks",
    "Thank you",
    "Many thanks",
    "Regards",
    "Kind regards",
    "Best regards",
    "Best wishes",
    "Best",
    "Cheers",
    "Love",
    "Yours",
];

static OPENINGS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let sign_offs = SIGN_OFFS
        .iter()
        .flat_map(|s| [format!("{s}, "), format!("{s},\n")]);
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(GREETINGS.iter().map(|g| g.to_string()).chain(sign_offs))
        .expect("plain strings")
});

/// Names after a greeting or a sign-off.
pub(super) fn greetings(text: &str, out: &mut Vec<Detection>) {
    for m in OPENINGS.find_iter(text) {
        if !starts_a_line_or_sentence(&text[..m.start()]) {
            continue;
        }
        let greeting = !text[m.start()..m.end()].contains(',');
        let Some(end) = name_after(text, m.end(), 2, false) else {
            continue;
        };
        // A greeting's name ends at its comma, a line's end or the text's;
        // a sign-off's at a line's end or the text's (a quote may close).
        let after = text[end..].trim_start_matches(['"', '\u{201d}', '\'', '\u{2019}']);
        let ends = after.is_empty()
            || after.starts_with(['\n', '\r'])
            || (greeting && after.starts_with([',', '!']))
            || (!greeting && after.starts_with(['.', ')']));
        let first = text[m.end()..end].split(' ').next().unwrap_or("");
        if ends && (is_given_name(first) || !is_word_name(first)) {
            out.push(heuristic(m.end()..end));
        }
    }
}

/// Whether `head` (the text before a greeting) ends where a line, a
/// sentence or a quotation starts.
fn starts_a_line_or_sentence(head: &str) -> bool {
    let head = head.trim_end_matches([' ', '\t']);
    head.is_empty()
        || head.ends_with([
            '\n', '.', '!', '?', ':', '"', '\u{201c}', '\'', '\u{2018}', '(',
        ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anonymise::detect::found_by;

    fn found(text: &str) -> Vec<&str> {
        found_by(greetings, text)
    }

    #[test]
    fn a_greeting_or_a_sign_off_gives_a_name() {
        for (text, name) in [
            ("Dear Peggy, thank you for your letter.", "Peggy"),
            ("She wrote: \"Hi Jo, thanks for calling.\"", "Jo"),
            ("Hello Tabitha,\nSee you soon.", "Tabitha"),
            ("I will call on Monday.\nThanks, Karen", "Karen"),
            ("Kind regards,\nKaren Okafor", "Karen Okafor"),
        ] {
            assert_eq!(found(text), [name], "{text}");
        }
        for text in [
            "Dear Sir, I write to complain.",
            "Dear Council, please help.",
            "Hi all, the meeting moved.",
            "She said hello Peggy was there",
            "Thanks, Council officers replied later that day.",
            "Dear Customer, your account",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
