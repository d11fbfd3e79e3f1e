//! The rarer patterns' one pass ([`Rare`]): a set of the patterns, each
//! taken from the module that runs it, scanned once per text.
//!
//! The set is a lazy DFA alone (the regex crate's `RegexSet` also compiles
//! the engines a search for where a match is needs, which only whether one
//! is does not): it builds in about half the time, once per process, and
//! each thread keeps the states it has built.

use std::cell::RefCell;
use std::sync::LazyLock;

use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::{Input, MatchKind, PatternSet};

use super::resolve::PROTECTED_PATTERN;
use crate::anonymise::detect::{cue_pattern, street_pattern};
use crate::anonymise::rare::Rare;
use crate::anonymise::values::{NHS_PATTERN, NINO_PATTERN, PHONE_PATTERN, POSTCODE_PATTERN};

/// The set, in [`Rare`]'s order.
static SET: LazyLock<DFA> = LazyLock::new(|| {
    let patterns = [
        // The phone pattern is compiled for ASCII alone where it runs.
        format!("(?-u){PHONE_PATTERN}"),
        NHS_PATTERN.to_string(),
        NINO_PATTERN.to_string(),
        POSTCODE_PATTERN.to_string(),
        street_pattern(),
        PROTECTED_PATTERN.to_string(),
        cue_pattern(),
    ];
    DFA::builder()
        .configure(DFA::config().match_kind(MatchKind::All))
        .build_many(&patterns)
        .expect("valid regexes")
});

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(SET.create_cache());
}

/// Which of the rarer patterns `text` can match.
pub(super) fn rare_in(text: &str) -> Rare {
    // Every pattern but the cue's needs a digit: a text without one is
    // left to the cue's own scan.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return Rare {
            phone: false,
            nhs: false,
            nino: false,
            postcode: false,
            street: false,
            protected: false,
            introduced: true,
        };
    }
    let mut found = PatternSet::new(SET.pattern_len());
    let read = CACHE.with_borrow_mut(|cache| {
        SET.try_which_overlapping_matches(cache, &Input::new(text), &mut found)
    });
    // A search the DFA gave up on rules nothing out.
    if read.is_err() {
        return Rare::UNREAD;
    }
    let matched = |i: usize| found.contains(regex_automata::PatternID::must(i));
    Rare {
        phone: matched(0),
        nhs: matched(1),
        nino: matched(2),
        postcode: matched(3),
        street: matched(4),
        protected: matched(5),
        introduced: matched(6),
    }
}
