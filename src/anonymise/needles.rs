//! Fixed words a pattern cannot match without, looked for all at once
//! before the pattern is run: most texts hold none of them, and a search
//! for a few words is much cheaper than a run of the pattern.

use aho_corasick::{AhoCorasick, MatchKind};

/// A set of words, searched for together.
#[derive(Debug)]
pub(crate) struct Needles(AhoCorasick);

impl Needles {
    /// The words, exactly as written (case and all).
    pub(crate) fn new(words: &[&str]) -> Self {
        // (Leftmost matching lets the searcher use its SIMD prefilter; for
        // "is any there" every kind of matching says the same.)
        let searcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .build(words)
            .expect("plain words");
        Self(searcher)
    }

    /// Whether `text` holds one of the words.
    pub(crate) fn in_text(&self, text: &str) -> bool {
        self.0.is_match(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_word_is_found_even_inside_another() {
        let n = Needles::new(&["one in ", "one of ", "cases"]);
        assert!(n.in_text("only 12 known cases"));
        assert!(n.in_text("someone of note"));
        assert!(!n.in_text("One In"));
        assert!(!n.in_text("nothing here"));
    }
}
