//! Where a text writes digits: the first digit from a place on, and the
//! runs of four that may be years (read once for every reader of a text's
//! years).

/// Where `text` writes a run of exactly four digits with no letter or `_`
/// after it, in text order.
pub(super) fn four_digit_runs(text: &str) -> impl Iterator<Item = usize> + '_ {
    let b = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        loop {
            i = next_digit(b, i);
            if i >= b.len() {
                return None;
            }
            let start = i;
            i = b[i..]
                .iter()
                .position(|c| !c.is_ascii_digit())
                .map_or(b.len(), |n| i + n);
            let after = b.get(i).copied().unwrap_or(b' ');
            let alone = !(after.is_ascii_alphanumeric() || after == b'_');
            if i - start == 4 && alone {
                return Some(start);
            }
        }
    })
}

/// The first digit of `b` at or after `from` (`b.len()` if none): sixteen
/// bytes at a time where there is none, as most of a text has none.
pub(super) fn next_digit(b: &[u8], from: usize) -> usize {
    let is_digit = |c: &u8| c.wrapping_sub(b'0') < 10;
    let mut i = from;
    while let Some(block) = b.get(i..i + 16) {
        if block.iter().any(is_digit) {
            break;
        }
        i += 16;
    }
    b.get(i..)
        .and_then(|rest| rest.iter().position(is_digit))
        .map_or(b.len(), |n| i + n)
}
