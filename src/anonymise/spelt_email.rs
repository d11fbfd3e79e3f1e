//! Email addresses written out to get past a machine: `rose dot hope at
//! example dot com`, `rose.hope(at)example(dot)com`, `rose [dot] hope [at]
//! example [dot] com`. Each is found with the address it spells, which the
//! value finders ([`super::values`]) make an email candidate of, so a
//! listed address is replaced however it is written, and an unlisted one
//! is found like any other.
//!
//! Only a run that spells at least one separator out, ends in a known
//! top-level label and has the address's parts in order is one: "she
//! looked at the dot" is not.

use std::ops::Range;
use std::sync::LazyLock;

use memchr::memmem::Finder;
use regex::Regex;

use super::words::is_english_word;

/// `dot` or `at`, bare between spaces or in brackets, or the sign itself
/// (set apart by spaces too: `rose . hope @ example . com`).
const DOT: &str = r"(?:\s*[(\[{<]\s*dot\s*[)\]}>]\s*|\s+dot\s+|\.|[ \t]+\.[ \t]+)";
const AT: &str = r"(?:\s*[(\[{<]\s*at\s*[)\]}>]\s*|\s+at\s+|\s*@\s*)";

/// The last labels an address written out may end in.
const TOP_LEVEL: &str = "com|org|net|uk|gov|nhs|ac|edu|io|info|biz|me|email|scot|wales|cymru";

static SPELT: LazyLock<Regex> = LazyLock::new(|| {
    let label = "[a-z0-9][a-z0-9_%+-]*";
    let pattern =
        format!(r"(?i-u)\b({label}(?:{DOT}{label})*){AT}((?:[a-z0-9-]+{DOT})+(?:{TOP_LEVEL}))\b");
    Regex::new(&pattern).expect("valid regex")
});

static SEPARATOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("(?i-u){DOT}")).expect("valid regex"));

/// The word `dot`, in lower, upper or title case: what most addresses
/// written out are written with.
static DOT_WORDS: LazyLock<[Finder<'static>; 3]> = LazyLock::new(|| {
    [
        Finder::new(b"dot"),
        Finder::new(b"DOT"),
        Finder::new(b"Dot"),
    ]
});

/// How far before a plain top-level label its ` at ` may be
/// (`rose.hope at example.com`).
const AT_BEFORE_ENDING: usize = 64;

/// The top-level labels that, after a plain dot with ` at ` a little before
/// it, may end an address written out only in part (`rose.hope at
/// example.com`): the common ones, which every such address is checked for.
const PLAIN_ENDINGS: [&str; 5] = ["com", "net", "org", "uk", "gov"];

/// Where `text` may hold an address written out: the word `dot`, an `at`
/// in brackets, or one of [`PLAIN_ENDINGS`] after a plain dot with ` at `
/// a little before it, or an "@" set apart by a space. Six SIMD scans of
/// the text (memchr), far cheaper
/// than a case-insensitive automaton over it; the pattern then reads only
/// around what they find.
fn triggers(bytes: &[u8]) -> Vec<Range<usize>> {
    let mut hits: Vec<Range<usize>> = DOT_WORDS
        .iter()
        .flat_map(|f| f.find_iter(bytes).map(|at| at..at + 3))
        .collect();
    let at_word = |after: &[u8]| {
        after.len() >= 3 && after[..2].eq_ignore_ascii_case(b"at") && b")]}>".contains(&after[2])
    };
    // An "@" set apart by a space: `rose.hope @ example.com`.
    let spaced = |at: usize| bytes.get(at + 1) == Some(&b' ') || (at > 0 && bytes[at - 1] == b' ');
    hits.extend(
        memchr::memchr_iter(b'@', bytes)
            .filter(|&at| spaced(at))
            .map(|at| at..at + 1),
    );
    hits.extend(
        memchr::memchr3_iter(b'(', b'[', b'{', bytes)
            .filter(|&at| at_word(&bytes[at + 1..]))
            .map(|at| at..at + 4),
    );
    let ending = |after: &[u8]| {
        PLAIN_ENDINGS
            .iter()
            .any(|t| after.len() >= t.len() && after[..t.len()].eq_ignore_ascii_case(t.as_bytes()))
    };
    let at_before = |at: usize| {
        let before = &bytes[at.saturating_sub(AT_BEFORE_ENDING)..at];
        [&b" at "[..], b" AT "]
            .iter()
            .any(|w| memchr::memmem::find(before, w).is_some())
    };
    hits.extend(
        memchr::memchr_iter(b'.', bytes)
            .filter(|&at| ending(&bytes[at + 1..]) && at_before(at))
            .map(|at| at..at + 1),
    );
    hits.sort_by_key(|h| h.start);
    hits
}

/// How far around a trigger an address written out may reach: further
/// than any address is long.
const REACH: usize = 256;

/// The stretches of `text` around its triggers, merged, each widened to
/// whole words, so that the pattern reads only where an address can be.
fn windows(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let hits = triggers(bytes);
    let mut out: Vec<Range<usize>> = Vec::new();
    for m in hits {
        let mut start = m.start.saturating_sub(REACH);
        while start > 0 && !bytes[start - 1].is_ascii_whitespace() {
            start -= 1;
        }
        let mut end = (m.end + REACH).min(bytes.len());
        while end < bytes.len() && !bytes[end].is_ascii_whitespace() {
            end += 1;
        }
        match out.last_mut() {
            Some(last) if start <= last.end => last.end = last.end.max(end),
            _ => out.push(start..end),
        }
    }
    out
}

/// The addresses written out in `text`: where each is, and the address it
/// spells, lower case.
pub(crate) fn find(text: &str) -> Vec<(Range<usize>, String)> {
    let mut out = Vec::new();
    for window in windows(text) {
        let at = window.start;
        // The DFA finds each match; only the match itself is read again
        // for its parts (a capturing search is many times slower a byte).
        for m in SPELT.find_iter(&text[window]) {
            // Written the usual way (`a.b@c.com`), it is the plain finder's.
            let written_out = m.as_str().chars().any(char::is_whitespace)
                || m.as_str().contains(['(', '[', '{', '<']);
            // A domain with a path after it is a web address ("the page at
            // example.com/jo").
            let web = text[at + m.end()..].starts_with('/');
            let Some(c) = (written_out && !web)
                .then(|| SPELT.captures(m.as_str()))
                .flatten()
            else {
                continue;
            };
            if only_at_is_spelt(m.as_str()) && is_english_word(&c[1].to_ascii_lowercase()) {
                continue; // "the page at example.com", "wrote at example.org"
            }
            let local = SEPARATOR.replace_all(&c[1], ".");
            let domain = SEPARATOR.replace_all(&c[2], ".");
            out.push((
                at + m.start()..at + m.end(),
                crate::ids::email_key(&format!("{local}@{domain}")),
            ));
        }
    }
    out
}

/// Whether the only thing written out is a bare " at " ("rose.hope at
/// example.com"): then a local part that is a plain word ("page") is
/// prose, not an address.
fn only_at_is_spelt(found: &str) -> bool {
    !found.contains(['(', '[', '{', '<'])
        && !DOT_WORDS.iter().any(|f| f.find(found.as_bytes()).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<(String, String)> {
        find(text)
            .into_iter()
            .map(|(range, key)| (text[range].to_string(), key))
            .collect()
    }

    #[test]
    fn addresses_written_out_are_read_as_the_address() {
        let want = "rose.hope@example.com";
        for text in [
            "rose dot hope at example dot com",
            "Rose DOT Hope AT Example DOT Com",
            "Rose Dot Hope At Example Dot Com",
            "rose.hope(at)example(dot)com",
            "rose [dot] hope [at] example [dot] com",
            "rose.hope at example.com",
            "rose{dot}hope{at}example{dot}com",
            "rose . hope @ example . com",
            "rose.hope @ example.com",
        ] {
            let found = keys(&format!("She wrote from {text}, twice."));
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!(found[0].1, want, "{text}");
            assert_eq!(found[0].0, text, "{text}");
        }
        assert_eq!(
            keys("email j.smith at nhs dot net or j dot smith at council dot gov dot uk")
                .into_iter()
                .map(|(_, k)| k)
                .collect::<Vec<_>>(),
            ["j.smith@nhs.net", "j.smith@council.gov.uk"]
        );
    }

    #[test]
    fn an_address_far_into_a_long_text_is_found_whole() {
        let filler = "The care manager visited again and wrote a note. ".repeat(40);
        let text = format!("{filler}She wrote from rose dot hope at example dot com. {filler}");
        let found = keys(&text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "rose dot hope at example dot com");
        assert_eq!(found[0].1, "rose.hope@example.com");
    }

    #[test]
    fn prose_with_at_and_dot_is_not_an_address() {
        for text in [
            "She looked at the dot on the scan.",
            "He arrived at 3.5 hours past noon.",
            "We met at Brindle Cross at 10.30.",
            "rose.hope@example.com",
            "The form was at example dot point.",
            "a dot at the end",
            "The page at example.com/jo.smith showed it.",
            "The page at example.com showed it.",
            "She scored 4 . Then she left @ 5 . The end.",
        ] {
            assert!(keys(text).is_empty(), "{text}: {:?}", keys(text));
        }
    }
}
