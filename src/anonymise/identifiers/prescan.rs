//! The rarer patterns' one pass ([`Rare`]): a set of the patterns, each
//! taken from the module that runs it, scanned once per text.

use std::sync::LazyLock;

use regex::RegexSet;

use super::resolve::PROTECTED_PATTERN;
use crate::anonymise::detect::{cue_pattern, street_pattern};
use crate::anonymise::rare::Rare;
use crate::anonymise::values::{NHS_PATTERN, NINO_PATTERN, PHONE_PATTERN, POSTCODE_PATTERN};

/// Which of the rarer patterns `text` can match.
pub(super) fn rare_in(text: &str) -> Rare {
    static SET: LazyLock<RegexSet> = LazyLock::new(|| {
        RegexSet::new([
            // The phone pattern is compiled for ASCII alone where it runs.
            format!("(?-u){PHONE_PATTERN}"),
            NHS_PATTERN.to_string(),
            NINO_PATTERN.to_string(),
            POSTCODE_PATTERN.to_string(),
            street_pattern(),
            PROTECTED_PATTERN.to_string(),
            cue_pattern(),
        ])
        .expect("valid regexes")
    });
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
    let found = SET.matches(text);
    Rare {
        phone: found.matched(0),
        nhs: found.matched(1),
        nino: found.matched(2),
        postcode: found.matched(3),
        street: found.matched(4),
        protected: found.matched(5),
        introduced: found.matched(6),
    }
}
