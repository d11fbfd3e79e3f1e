//! The listed patterns' search over a folded text ([`WordPatterns`]).
//!
//! A listed pattern counts only where it is a word of its own: no ASCII
//! letter before or after it (a name run into a username may have digits
//! around it, every other pattern a space or a mark). So the automaton is walked, anchored,
//! from those places alone rather than over every byte of the text, and
//! only where the first two bytes begin some pattern (a table of the pairs
//! says so in one look): most words begin none. A walk is never longer
//! than the longest pattern, so a text costs at most its length times that
//! (a hostile run of marks that begin a pattern), and ordinary prose far
//! less than a search of every byte.

use std::ops::Range;

use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, MatchKind};

/// Patterns, found where they start a word.
#[derive(Debug, Clone)]
pub(super) struct WordPatterns {
    nfa: NFA,
    /// One bit for each pair of bytes, set where some pattern begins with
    /// the pair (a pattern of one byte sets every pair it begins).
    pairs: Box<[u64; 1024]>,
}

impl WordPatterns {
    pub(super) fn new(patterns: &[String]) -> Self {
        let mut pairs = Box::new([0u64; 1024]);
        let mut set = |pair: usize| pairs[pair / 64] |= 1 << (pair % 64);
        for p in patterns.iter().map(String::as_bytes) {
            match *p {
                // (An empty pattern marks nothing to replace: never found.)
                [] => {}
                [first] => (0..256).for_each(|second| set(usize::from(first) << 8 | second)),
                [first, second, ..] => set(usize::from(first) << 8 | usize::from(second)),
            }
        }
        Self {
            nfa: NFA::builder()
                .match_kind(MatchKind::Standard)
                .build(patterns)
                .expect("patterns are plain strings"),
            pairs,
        }
    }

    /// Whether some pattern may start at `at` (at the text's last byte,
    /// one of one byte may).
    fn may_start(&self, b: &[u8], at: usize) -> bool {
        let Some(&second) = b.get(at + 1) else {
            return true;
        };
        let pair = usize::from(b[at]) << 8 | usize::from(second);
        self.pairs[pair / 64] & (1 << (pair % 64)) != 0
    }

    /// Every occurrence in `key` of a pattern that neither follows nor is
    /// followed by an ASCII letter, with the pattern's index: all of them,
    /// overlapping, in the order an overlapping search of the whole text
    /// reports them (by where they end, the longest first). (Every
    /// pattern's own test of its ends is at least as strict.)
    pub(super) fn find_at_word_starts(&self, key: &str) -> Vec<(Range<usize>, usize)> {
        let nfa = &self.nfa;
        let start = nfa
            .start_state(Anchored::Yes)
            .expect("an NFA searches anchored");
        let b = key.as_bytes();
        let mut found = Vec::new();
        // `next` is always a place no letter comes before.
        let mut next = 0;
        while next < b.len() {
            let at = next;
            next += 1;
            if b[at].is_ascii_alphabetic() {
                // The next such place is past the letters and what ends them.
                next += b[next..]
                    .iter()
                    .position(|c| !c.is_ascii_alphabetic())
                    .map_or(b.len() - next, |n| n + 1);
            }
            if !self.may_start(b, at) {
                continue;
            }
            let mut state = start;
            for (len, &byte) in (1..).zip(&b[at..]) {
                state = nfa.next_state(Anchored::Yes, state, byte);
                if !nfa.is_special(state) {
                    continue;
                }
                if nfa.is_dead(state) {
                    break;
                }
                // A letter after it makes it part of a longer word.
                if b.get(at + len).is_some_and(u8::is_ascii_alphabetic) {
                    continue;
                }
                // A state's matches include the shorter patterns that end
                // its path (which start later): only those of its whole
                // length start here.
                for i in 0..nfa.match_len(state) {
                    let pattern = nfa.match_pattern(state, i);
                    if nfa.pattern_len(pattern) == len {
                        found.push((at..at + len, pattern.as_usize()));
                    }
                }
            }
        }
        found.sort_by_key(|(range, _)| (range.end, range.start));
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::AhoCorasick;

    /// What an overlapping search of the whole text finds that starts a
    /// word, in its order.
    fn reference(patterns: &[String], key: &str) -> Vec<(Range<usize>, usize)> {
        let b = key.as_bytes();
        AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(patterns)
            .expect("plain strings")
            .find_overlapping_iter(key)
            .filter(|m| m.start() == 0 || !b[m.start() - 1].is_ascii_alphabetic())
            .filter(|m| !b.get(m.end()).is_some_and(u8::is_ascii_alphabetic))
            .map(|m| (m.range(), m.pattern().as_usize()))
            .collect()
    }

    proptest::proptest! {
        #![proptest_config(crate::anonymise::proptest_config(500, file!()))]
        /// Patterns and texts from a few letters, marks, a digit and a
        /// letter outside ASCII, so that patterns overlap, repeat, nest
        /// and meet every kind of boundary.
        #[test]
        fn any_patterns_in_any_text(
            patterns in proptest::collection::vec("[abn' 1\\-\u{e9}]{1,5}", 1..8),
            key in "[abn' 1\\-\u{e9},]{0,40}",
        ) {
            let search = WordPatterns::new(&patterns);
            proptest::prop_assert_eq!(search.find_at_word_starts(&key), reference(&patterns, &key));
        }
    }

    #[test]
    fn finds_what_the_whole_text_search_finds_at_word_starts_in_its_order() {
        let patterns: Vec<String> = [
            "ann",
            "n",
            "anne",
            "anne marie",
            "marie",
            "ie",
            "debstranterwilde",
            "tranter-wilde",
            "wilde",
            "12 high street",
            "high street",
            "anne",
            "o'neill",
            "\u{e9}lise",
            " ",
            "x",
        ]
        .map(String::from)
        .to_vec();
        let search = WordPatterns::new(&patterns);
        for key in [
            "",
            "anne",
            "anne marie annex joanne n",
            "58debstranterwilde58 xdebstranterwilde",
            "mrs tranter-wilde, tranter-wilde's son; wilde-tranter",
            "flat 12 high street, 212 high street,12 high street",
            "o'neill (o'neill) \u{e9}lise d'\u{e9}lise \u{e9}\u{e9}lise",
            "  n  n n-n nn",
            "x",
            "ax x",
            "annx",
        ] {
            assert_eq!(
                search.find_at_word_starts(key),
                reference(&patterns, key),
                "{key:?}"
            );
        }
    }
}
