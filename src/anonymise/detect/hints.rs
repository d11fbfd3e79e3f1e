//! What a text must hold for a detector's pattern to match it at all, read
//! in one pass over its bytes: a pattern is run only over a text that can
//! hold a match, so no detection is lost by skipping it.

/// Pairs of bytes the digit-bearing shapes need.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Hints {
    /// A capital (ASCII) right before or after a digit: every vehicle
    /// registration has one ("LR63", "A123 BCD", "ABC 123D").
    pub capital_by_digit: bool,
}

impl Hints {
    /// The hints of `text`.
    pub(super) fn of(text: &str) -> Self {
        let b = text.as_bytes();
        let mut hints = Self::default();
        for i in 0..b.len() {
            if !b[i].is_ascii_digit() {
                continue;
            }
            let at = |k: usize| b.get(k).copied().unwrap_or(0);
            let capital = |k: usize| at(k).is_ascii_uppercase();
            if (i > 0 && capital(i - 1)) || capital(i + 1) {
                hints.capital_by_digit = true;
            }
        }
        hints
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_are_read_from_bytes() {
        let h = Hints::of("registration LR63 XKP at 2 Quarry Row");
        assert!(h.capital_by_digit);
        let h = Hints::of("ABC 123D and 12A High Street");
        assert!(h.capital_by_digit);
        let h = Hints::of("on 14 june 2023, ref 22 012 345");
        assert!(!h.capital_by_digit);
        let h = Hints::of("no digits At All");
        assert!(!h.capital_by_digit);
    }
}
