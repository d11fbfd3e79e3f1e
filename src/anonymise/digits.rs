//! Where a text writes digits: the first digit from a place on, the runs
//! of digits, and the runs of four that may be years. Most of a text has
//! none, so the readers of numbers (dates, ages, years, record numbers)
//! start from here rather than from every byte.

use std::ops::Range;

/// The runs of ASCII digits in `b`, in order.
pub(crate) fn digit_runs(b: &[u8]) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        i = next_digit(b, i);
        if i >= b.len() {
            return None;
        }
        let start = i;
        i = b[i..]
            .iter()
            .position(|c| !c.is_ascii_digit())
            .map_or(b.len(), |n| i + n);
        Some(start..i)
    })
}

/// Where `text` writes a run of exactly four digits with no letter or `_`
/// after it, in text order.
pub(crate) fn four_digit_runs(text: &str) -> impl Iterator<Item = usize> + '_ {
    let b = text.as_bytes();
    digit_runs(b)
        .filter(|run| {
            let after = b.get(run.end).copied().unwrap_or(b' ');
            run.len() == 4 && !(after.is_ascii_alphanumeric() || after == b'_')
        })
        .map(|run| run.start)
}

/// The first digit of `b` at or after `from` (`b.len()` if none): sixteen
/// bytes at a time where there is none, as most of a text has none.
pub(crate) fn next_digit(b: &[u8], from: usize) -> usize {
    let is_digit = |c: &u8| c.wrapping_sub(b'0') < 10;
    let mut i = from;
    // Each block's bytes all tested, without stopping at the first digit,
    // so that the test is one vector comparison rather than sixteen.
    while let Some(block) = b.get(i..).and_then(<[u8]>::first_chunk::<16>) {
        if block.iter().fold(false, |any, c| any | is_digit(c)) {
            break;
        }
        i += 16;
    }
    b.get(i..)
        .and_then(|rest| rest.iter().position(is_digit))
        .map_or(b.len(), |n| i + n)
}
