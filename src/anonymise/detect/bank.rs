//! Bank details nobody listed: sort codes and account numbers after the
//! words that say they are one, IBANs by their check digits, and payment
//! card numbers by theirs.
//!
//! A card number ("4929 1234 5678 9015", "3714 496353 98431") passes the
//! Luhn check and starts as the card schemes' numbers do (2 to 6). Grouped
//! as a card prints it, that is enough; run together, it also needs a word
//! for a card before it ("card", "Visa", "debit"), as a long reference may
//! pass the check by chance.

use std::sync::LazyLock;

use regex::Regex;

use super::{Category, Detection, near, near_before, validated};
use crate::anonymise::digits::digit_runs;
use crate::anonymise::needles::Needles;

static SORT_CODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u)\b\d{2}[- ]\d{2}[- ]\d{2}\b|\b\d{6}\b").expect("valid regex")
});
static ACCOUNT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u)\b\d{8}\b").expect("valid regex"));
static IBAN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u)\bGB\d{2} ?[A-Z]{4}(?: ?\d){14}\b").expect("valid regex"));

/// Words before an account number that say it is one.
const ACCOUNT_CONTEXT: [&str; 6] = [
    "account number",
    "a/c",
    "acc no",
    "account no",
    "bank account",
    "building society account",
];
/// Sort codes, account numbers, IBANs and payment card numbers in `text`
/// (`lower` is its ASCII lower case, byte for byte).
pub(super) fn bank_details(text: &str, lower: &str, out: &mut Vec<Detection>) {
    // Each number counts only after its context words: a text without
    // them is not searched for the number.
    static SORT_CODE_WORDS: LazyLock<Needles> = LazyLock::new(|| Needles::new(&["sort code"]));
    static ACCOUNT_WORDS: LazyLock<Needles> = LazyLock::new(|| Needles::new(&ACCOUNT_CONTEXT));
    let sort_code = SORT_CODE_WORDS.in_text(lower);
    if sort_code {
        sort_codes(text, lower, out);
    }
    if sort_code || ACCOUNT_WORDS.in_text(lower) {
        accounts(text, lower, out);
    }
    for m in IBAN.find_iter(text) {
        if iban_valid(m.as_str()) {
            out.push(validated(m.range(), Category::BankDetails));
        }
    }
    cards(text, lower, out);
}

fn sort_codes(text: &str, lower: &str, out: &mut Vec<Detection>) {
    for m in SORT_CODE.find_iter(text) {
        if near_before(lower, m.start(), 30, &["sort code"]) {
            out.push(validated(m.range(), Category::BankDetails));
        }
    }
}

fn accounts(text: &str, lower: &str, out: &mut Vec<Detection>) {
    for m in ACCOUNT.find_iter(text) {
        // "sort code 20-45-67, account 43218765", "account 43218765, sort
        // code 20-45-67": a plain "account" beside a sort code is a bank
        // account.
        let beside_sort_code = near_before(lower, m.start(), 12, &["account"])
            && (near_before(lower, m.start(), 60, &["sort code"])
                || near(lower, &m.range(), 30, &["sort code"]));
        if beside_sort_code || near_before(lower, m.start(), 40, &ACCOUNT_CONTEXT) {
            out.push(validated(m.range(), Category::BankDetails));
        }
    }
}

/// The IBAN mod-97 check.
pub(super) fn iban_valid(iban: &str) -> bool {
    let compact: String = iban.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.len() < 5 {
        return false;
    }
    let rearranged = format!("{}{}", &compact[4..], &compact[..4]);
    let mut remainder: u64 = 0;
    for c in rearranged.chars() {
        let value = match c.to_digit(36) {
            Some(v) => u64::from(v),
            None => return false,
        };
        let digits = if value >= 10 { 100 } else { 10 };
        remainder = (remainder * digits + value) % 97;
    }
    remainder == 1
}

/// A payment card number's shape: sixteen digits in fours, or fifteen in
/// an American Express card's four, six and five, with one separator
/// throughout or none.
static CARD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u)\b\d{4}(?:\d{12}| \d{4} \d{4} \d{4}|-\d{4}-\d{4}-\d{4}|\d{11}| \d{6} \d{5}|-\d{6}-\d{5})\b",
    )
    .expect("valid regex")
});

/// Words before a card number run together that say it is one.
const CARD_CONTEXT: [&str; 7] = [
    "card",
    "visa",
    "mastercard",
    "amex",
    "debit",
    "credit",
    "payment",
];

fn cards(text: &str, lower: &str, out: &mut Vec<Detection>) {
    if !has_card_shape(text.as_bytes()) {
        return;
    }
    for whole in CARD.find_iter(text) {
        let grouped = whole.as_str().contains([' ', '-']);
        let digits: Vec<u8> = whole
            .as_str()
            .bytes()
            .filter(u8::is_ascii_digit)
            .map(|b| b - b'0')
            .collect();
        let scheme = (2..=6).contains(&digits[0]);
        if scheme
            && luhn_valid(&digits)
            && (grouped || near_before(lower, whole.start(), 40, &CARD_CONTEXT))
        {
            out.push(validated(whole.range(), Category::BankDetails));
        }
    }
}

/// Whether `b` has a run of digits a card number could start with: fifteen
/// digits or more, or four before a space or hyphen and another digit.
/// Most texts' digits are dates and sums, and the check is far cheaper
/// than the pattern's scan.
fn has_card_shape(b: &[u8]) -> bool {
    digit_runs(b).any(|run| {
        let grouped = || {
            matches!(b.get(run.end), Some(b' ' | b'-'))
                && b.get(run.end + 1).is_some_and(u8::is_ascii_digit)
        };
        run.len() >= 15 || (run.len() == 4 && grouped())
    })
}

/// The Luhn check of a card number's digits.
fn luhn_valid(digits: &[u8]) -> bool {
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            let d = u32::from(d);
            match (i % 2 == 1, d * 2) {
                (false, _) => d,
                (true, twice) if twice > 9 => twice - 9,
                (true, twice) => twice,
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anonymise::detect::found_by;

    fn found(text: &str) -> Vec<&str> {
        found_by(
            |text, out| bank_details(text, &text.to_ascii_lowercase(), out),
            text,
        )
    }

    #[test]
    fn card_numbers_pass_their_check() {
        assert_eq!(
            found("She paid by card 4929 1234 5678 9015."),
            ["4929 1234 5678 9015"]
        );
        assert_eq!(
            found("Amex 3714-496353-98431 was used"),
            ["3714-496353-98431"]
        );
        assert_eq!(
            found("her Visa debit 4929123456789015"),
            ["4929123456789015"]
        );
        // The check fails, no card's first digit, or run together with no
        // word for a card: a reference.
        assert!(found("She paid by card 4929 1234 5678 9013.").is_empty());
        assert!(found("Case 1234 5678 9012 3452 was closed.").is_empty());
        assert!(found("Reference 4929123456789015 was closed.").is_empty());
        // Mixed separators are no card's grouping.
        assert!(found("ref 4929 1234-5678 9015").is_empty());
    }

    #[test]
    fn luhn_reads_every_second_digit_doubled() {
        assert!(luhn_valid(&[7, 9, 9, 2, 7, 3, 9, 8, 7, 1, 3]));
        assert!(!luhn_valid(&[7, 9, 9, 2, 7, 3, 9, 8, 7, 1, 4]));
    }
}
